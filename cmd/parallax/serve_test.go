package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/report"
)

// These tests run `parallax serve` the way a user does — flags, environment,
// a real listener on a free port — and talk to it over HTTP only.

// syncBuffer is a bytes.Buffer safe for the server's goroutines to write
// while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// servingRE finds the address serve announces on stderr.
var servingRE = regexp.MustCompile(`parallax: serving (http://[^\s]+)`)

// served is a `parallax serve` running in-process.
type served struct {
	t      *testing.T
	url    string
	stderr *syncBuffer
	cancel context.CancelFunc
	done   chan error
	ended  bool
	err    error
}

// startServe runs `parallax serve args...` in-process and returns once it
// has announced its URL. The server is stopped when the test ends.
func startServe(t *testing.T, args ...string) *served {
	t.Helper()
	s := &served{t: t, stderr: &syncBuffer{}, done: make(chan error, 1)}
	root := newRoot(strings.NewReader(""), io.Discard, s.stderr)
	root.SetArgs(append([]string{"serve"}, args...))
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	go func() { s.done <- root.ExecuteContext(ctx) }()
	t.Cleanup(func() { s.stop() })

	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := servingRE.FindStringSubmatch(s.stderr.String()); m != nil {
			s.url = m[1]
			return s
		}
		select {
		case err := <-s.done:
			s.ended, s.err = true, err
			t.Fatalf("serve %v ended before serving: %v\n%s", args, err, s.stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve %v did not announce its URL within 10 s:\n%s", args, s.stderr.String())
		}
	}
}

// stop cancels the server's context, as a signal would, and returns what
// the command returned.
func (s *served) stop() error {
	if s.ended {
		return s.err
	}
	s.cancel()
	select {
	case s.err = <-s.done:
	case <-time.After(15 * time.Second):
		s.t.Errorf("serve did not stop within 15 s of its context ending:\n%s", s.stderr.String())
	}
	s.ended = true
	return s.err
}

var httpClient = &http.Client{Timeout: 15 * time.Second}

// call sends a request and returns the status, body and headers. body is
// sent as is when it is a string, as JSON otherwise; headers are name,
// value pairs.
func call(t *testing.T, method, u string, body any, headers ...string) (int, []byte, http.Header) {
	t.Helper()
	var r io.Reader
	if body != nil {
		if s, ok := body.(string); ok {
			r = strings.NewReader(s)
		} else {
			b, err := json.Marshal(body)
			if err != nil {
				t.Fatal(err)
			}
			r = bytes.NewReader(b)
		}
	}
	req, err := http.NewRequest(method, u, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, u, err)
	}
	return resp.StatusCode, data, resp.Header
}

// getJSON GETs u, wants 200 and decodes the body into v.
func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	status, body, h := call(t, http.MethodGet, u, nil)
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", u, status, body)
	}
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q, want JSON", u, ct)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v\n%s", u, err, body)
	}
}

// apiStory is a story as GET /api/stories/{id} writes it.
type apiStory struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Articles    int      `json:"articles"`
	Outlets     int      `json:"outlets"`
	Independent int      `json:"independent_sources"`
	ArticleIDs  []string `json:"article_ids"`
}

// apiIngest is the response of POST /api/ingest.
type apiIngest struct {
	Results []struct {
		Input     string `json:"input"`
		Article   string `json:"article"`
		Story     string `json:"story"`
		Duplicate bool   `json:"duplicate"`
	} `json:"results"`
	Problems []struct{ Path, Reason string } `json:"problems"`
}

// apiFeed is a subscription as the API writes it.
type apiFeed struct {
	ID          string     `json:"id"`
	URL         string     `json:"url"`
	Interval    string     `json:"interval"`
	Title       string     `json:"title"`
	ETag        string     `json:"etag"`
	LastPolled  *time.Time `json:"last_polled"`
	LastSuccess *time.Time `json:"last_success"`
	NextPoll    *time.Time `json:"next_poll"`
	Failures    int        `json:"failures"`
	LastError   string     `json:"last_error"`
	Articles    int        `json:"articles"`
}

// exampleRequest reads the bundled example (five JSON articles and one
// HTML page) the way the CLI does and turns it into a POST /api/ingest
// body.
func exampleRequest(t *testing.T) map[string]any {
	t.Helper()
	arts, problems := input.Load([]string{example}, nil, input.Defaults{})
	if len(problems) > 0 || len(arts) != 6 {
		t.Fatalf("example: %d articles, problems %v", len(arts), problems)
	}
	var list []map[string]string
	for _, a := range arts {
		m := map[string]string{"id": a.ID, "source": a.Source, "title": a.Title, "url": a.URL, "author": a.Author, "body": a.Body}
		if !a.Published.IsZero() {
			m["published"] = a.Published.Format(time.RFC3339)
		}
		list = append(list, m)
	}
	return map[string]any{"articles": list}
}

// storyKey names a story by its sorted article ids, which the CLI and the
// server must agree on whatever ids they give the story.
func storyKey(ids []string) string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return strings.Join(ids, ",")
}

// referenceStories ingests the example with `parallax ingest` into a store
// of its own and returns its stories by storyKey.
func referenceStories(t *testing.T) map[string]apiStory {
	t.Helper()
	db := filepath.Join(t.TempDir(), "reference.db")
	runIngestCmd(t, "--db", db, example)
	store := openDB(t, db)
	ctx := context.Background()
	list, err := store.Stories(ctx, parallax.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]apiStory{}
	for _, s := range list {
		arts, err := store.StoryArticles(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range arts {
			ids = append(ids, a.ID)
		}
		out[storyKey(ids)] = apiStory{ID: s.ID, Title: s.Title, Articles: s.Articles, Outlets: s.Outlets, Independent: s.Independent, ArticleIDs: ids}
	}
	if len(out) == 0 {
		t.Fatal("the reference ingest made no stories")
	}
	return out
}

// checkExampleStories checks that the server lists the stories `parallax
// ingest` makes of the example, each with a schema-valid brief and a web
// page, and returns them.
func checkExampleStories(t *testing.T, base string) []apiStory {
	t.Helper()
	want := referenceStories(t)
	var list struct {
		Stories []struct {
			ID string `json:"id"`
		} `json:"stories"`
	}
	getJSON(t, base+"/api/stories", &list)
	if len(list.Stories) != len(want) {
		t.Errorf("/api/stories lists %d stories, parallax ingest makes %d of the same articles", len(list.Stories), len(want))
	}
	var got []apiStory
	for _, s := range list.Stories {
		var d struct {
			Story apiStory        `json:"story"`
			Brief json.RawMessage `json:"brief"`
		}
		getJSON(t, base+"/api/stories/"+url.PathEscape(s.ID), &d)
		st := d.Story
		got = append(got, st)
		ref, ok := want[storyKey(st.ArticleIDs)]
		if !ok {
			t.Errorf("story %s (%q) has articles %v, which no story of parallax ingest has", st.ID, st.Title, st.ArticleIDs)
			continue
		}
		if st.Title != ref.Title || st.Articles != ref.Articles || st.Outlets != ref.Outlets || st.Independent != ref.Independent {
			t.Errorf("story %s: title %q, %d articles, %d outlets, %d independent; parallax ingest: %q, %d, %d, %d",
				st.ID, st.Title, st.Articles, st.Outlets, st.Independent, ref.Title, ref.Articles, ref.Outlets, ref.Independent)
		}
		if st.Outlets < 1 || st.Independent < 1 || st.Independent > st.Outlets {
			t.Errorf("story %s: %d outlets and %d independent sources", st.ID, st.Outlets, st.Independent)
		}

		status, brief, _ := call(t, http.MethodGet, base+"/api/stories/"+url.PathEscape(st.ID)+"/brief", nil)
		if status != http.StatusOK {
			t.Errorf("brief of %s: %d %s", st.ID, status, brief)
			continue
		}
		if err := report.ValidateBrief(brief); err != nil {
			t.Errorf("brief of %s does not match the schema: %v", st.ID, err)
		}
		var b parallax.Brief
		if err := json.Unmarshal(brief, &b); err != nil {
			t.Errorf("brief of %s: %v", st.ID, err)
		} else if len(b.Articles) != st.Articles {
			t.Errorf("brief of %s covers %d articles, the story has %d", st.ID, len(b.Articles), st.Articles)
		}

		status, page, h := call(t, http.MethodGet, base+"/stories/"+url.PathEscape(st.ID), nil)
		if status != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			t.Errorf("web page of %s: %d %s", st.ID, status, h.Get("Content-Type"))
		} else if !strings.Contains(html.UnescapeString(string(page)), st.Title) {
			t.Errorf("web page of %s lacks its title %q", st.ID, st.Title)
		}
	}
	return got
}

// TestServeFreshStore starts serve with nothing but $PARALLAX_DB and a free
// port: it must create the store there and answer every kind of endpoint.
func TestServeFreshStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "parallax.db")
	t.Setenv("PARALLAX_DB", db)
	t.Setenv("PARALLAX_TOKEN", "")
	s := startServe(t, "--addr", "127.0.0.1:0")

	u, err := url.Parse(s.url)
	if err != nil || u.Hostname() != "127.0.0.1" || u.Port() == "" || u.Port() == "0" {
		t.Fatalf("serve announced %q, want http://127.0.0.1:<the port it got>", s.url)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("no store at $PARALLAX_DB: %v", err)
	}
	if !strings.Contains(s.stderr.String(), db) {
		t.Errorf("serve does not name its store %s:\n%s", db, s.stderr.String())
	}

	for _, p := range []string{"/healthz", "/readyz"} {
		if status, body, _ := call(t, http.MethodGet, s.url+p, nil); status != http.StatusOK {
			t.Errorf("GET %s: %d %s", p, status, body)
		}
	}
	status, body, h := call(t, http.MethodGet, s.url+"/", nil)
	if status != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/html") ||
		!strings.Contains(strings.ToLower(string(body)), "<html") {
		t.Errorf("GET /: %d %q, want an HTML page\n%.300s", status, h.Get("Content-Type"), body)
	}
	status, body, _ = call(t, http.MethodGet, s.url+"/api/stories", nil)
	var list struct {
		Stories []json.RawMessage `json:"stories"`
	}
	if status != http.StatusOK || json.Unmarshal(body, &list) != nil || list.Stories == nil || len(list.Stories) != 0 {
		t.Errorf("GET /api/stories on a fresh store: %d %s, want an empty list", status, body)
	}
	var spec map[string]any
	getJSON(t, s.url+"/api/openapi.json", &spec)
	if spec["openapi"] == nil || spec["paths"] == nil {
		t.Errorf("/api/openapi.json is not an OpenAPI document: %.200v", spec)
	}
	if status, body, _ := call(t, http.MethodGet, s.url+"/metrics", nil); status != http.StatusOK || !strings.Contains(string(body), "go_goroutines") {
		t.Errorf("GET /metrics: %d %.200s", status, body)
	}
	if status, body, _ := call(t, http.MethodGet, s.url+"/api/no-such-thing", nil); status != http.StatusNotFound || !json.Valid(body) {
		t.Errorf("GET /api/no-such-thing: %d %s, want a JSON 404", status, body)
	}

	// A second server on the same port fails clearly, before serving.
	_, stderr, err := run(t, "", "serve", "--addr", u.Host, "--db", filepath.Join(t.TempDir(), "other.db"))
	if err == nil || !strings.Contains(err.Error(), u.Host) || strings.Contains(stderr, "parallax: serving") {
		t.Errorf("serve on a port in use: %v\n%s", err, stderr)
	}

	if err := s.stop(); err != nil {
		t.Errorf("serve returned %v after its context ended, want nil", err)
	}
	if c, err := net.DialTimeout("tcp", u.Host, time.Second); err == nil {
		c.Close()
		t.Errorf("%s still accepts connections after serve returned", u.Host)
	}
}

// TestServeIngestAPI posts the bundled example to a running server: it must
// build the stories `parallax ingest` builds, serve their briefs and pages,
// and recognize the same articles sent again.
func TestServeIngestAPI(t *testing.T) {
	t.Setenv("PARALLAX_TOKEN", "")
	s := startServe(t, "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "store.db"), "--no-poll")
	req := exampleRequest(t)

	raw, _ := json.Marshal(req)
	status, body, _ := call(t, http.MethodPost, s.url+"/api/ingest", nil, "Content-Type", "text/plain")
	if status < 400 {
		t.Errorf("POST /api/ingest without a body: %d", status)
	}
	if status, body, _ = callRaw(t, http.MethodPost, s.url+"/api/ingest", "text/plain", raw); status != http.StatusUnsupportedMediaType {
		t.Errorf("POST /api/ingest as text/plain: %d %s, want 415", status, body)
	}

	var first apiIngest
	status, body, _ = call(t, http.MethodPost, s.url+"/api/ingest", req)
	if status != http.StatusOK || json.Unmarshal(body, &first) != nil {
		t.Fatalf("POST /api/ingest: %d %s", status, body)
	}
	if len(first.Results) != 6 || len(first.Problems) != 0 {
		t.Fatalf("POST /api/ingest: %d results, problems %v; want 6 and none", len(first.Results), first.Problems)
	}
	for _, r := range first.Results {
		if r.Duplicate || r.Story == "" || r.Article == "" {
			t.Errorf("first ingest of %s: %+v, want a new article in a story", r.Input, r)
		}
	}

	stories := checkExampleStories(t, s.url)
	inStory := map[string]string{}
	for _, st := range stories {
		for _, id := range st.ArticleIDs {
			inStory[id] = st.ID
		}
	}
	for _, r := range first.Results {
		if inStory[r.Article] != r.Story {
			t.Errorf("ingest put %s in story %s, the story listing has it in %q", r.Article, r.Story, inStory[r.Article])
		}
	}

	var again apiIngest
	status, body, _ = call(t, http.MethodPost, s.url+"/api/ingest", req)
	if status != http.StatusOK || json.Unmarshal(body, &again) != nil || len(again.Results) != 6 {
		t.Fatalf("second POST /api/ingest: %d %s", status, body)
	}
	for i, r := range again.Results {
		if !r.Duplicate || r.Article != first.Results[i].Article || r.Story != first.Results[i].Story {
			t.Errorf("second ingest of %s: %+v, want a duplicate of %+v", r.Input, r, first.Results[i])
		}
	}
	var list struct {
		Stories []struct {
			ID       string `json:"id"`
			Articles int    `json:"articles"`
		} `json:"stories"`
	}
	getJSON(t, s.url+"/api/stories", &list)
	n := 0
	for _, st := range list.Stories {
		n += st.Articles
	}
	if len(list.Stories) != len(stories) || n != 6 {
		t.Errorf("after the duplicates: %d stories with %d articles, want %d with 6", len(list.Stories), n, len(stories))
	}
}

// callRaw sends body with the given Content-Type.
func callRaw(t *testing.T, method, u, contentType string, body []byte) (int, []byte, http.Header) {
	t.Helper()
	return call(t, method, u, string(body), "Content-Type", contentType)
}

// pollFeedServer serves rssFeed with an ETag at /rss.xml, its partial
// item's page at /3, and a feed that always fails at /broken.xml.
type pollFeedServer struct {
	*httptest.Server
	feedGets    atomic.Int32 // GETs of /rss.xml
	conditional atomic.Int32 // of those, with the ETag in If-None-Match
	brokenGets  atomic.Int32
	pageGets    atomic.Int32 // GETs of /3, the page of the excerpt-only item
}

func newPollFeedServer(t *testing.T) *pollFeedServer {
	t.Helper()
	fs := &pollFeedServer{}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss.xml":
			fs.feedGets.Add(1)
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				fs.conditional.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, rssFeed, fs.URL)
		case "/3":
			fs.pageGets.Add(1)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, storyPage)
		case "/broken.xml":
			fs.brokenGets.Add(1)
			http.Error(w, "the feed generator crashed", http.StatusInternalServerError)
		default: // robots.txt among them: none, so everything is allowed
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(fs.Close)
	return fs
}

// waitFeed polls GET /api/feeds/{id} until ok says the feed is as wanted.
func waitFeed(t *testing.T, base, id string, within time.Duration, ok func(apiFeed) bool) apiFeed {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		var f apiFeed
		getJSON(t, base+"/api/feeds/"+url.PathEscape(id), &f)
		if ok(f) {
			return f
		}
		if time.Now().After(deadline) {
			t.Fatalf("feed %s not as wanted within %s: %+v", id, within, f)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestServePollsFeeds subscribes feeds through the API of a running server
// and watches its poller: a good feed is read and its articles stored, a
// failing one records why, validators survive a restart and make the next
// poll conditional.
func TestServePollsFeeds(t *testing.T) {
	t.Setenv("PARALLAX_TOKEN", "")
	fs := newPollFeedServer(t)
	db := filepath.Join(t.TempDir(), "store.db")
	args := []string{"--addr", "127.0.0.1:0", "--db", db, "--allow-private", "--poll-every", "200ms"}
	s := startServe(t, args...)
	feedURL := fs.URL + "/rss.xml"

	// The API keeps intervals of a minute or more.
	if status, body, _ := call(t, http.MethodPost, s.url+"/api/feeds", map[string]string{"url": feedURL, "interval": "1s"}); status != http.StatusBadRequest {
		t.Errorf("POST /api/feeds with interval 1s: %d %s, want 400", status, body)
	}
	var good, broken apiFeed
	status, body, h := call(t, http.MethodPost, s.url+"/api/feeds", map[string]string{"url": feedURL, "interval": "1m"})
	if status != http.StatusCreated || json.Unmarshal(body, &good) != nil || good.ID == "" {
		t.Fatalf("POST /api/feeds: %d %s", status, body)
	}
	if loc := h.Get("Location"); !strings.HasSuffix(loc, "/api/feeds/"+good.ID) {
		t.Errorf("Location %q does not name feed %s", loc, good.ID)
	}
	if status, body, _ := call(t, http.MethodPost, s.url+"/api/feeds", map[string]string{"url": feedURL}); status != http.StatusOK || !strings.Contains(string(body), good.ID) {
		t.Errorf("subscribing %s again: %d %s, want 200 with the stored subscription", feedURL, status, body)
	}
	status, body, _ = call(t, http.MethodPost, s.url+"/api/feeds", map[string]string{"url": fs.URL + "/broken.xml", "interval": "1m"})
	if status != http.StatusCreated || json.Unmarshal(body, &broken) != nil {
		t.Fatalf("POST /api/feeds (broken): %d %s", status, body)
	}

	start := time.Now()
	good = waitFeed(t, s.url, good.ID, 8*time.Second, func(f apiFeed) bool { return f.LastSuccess != nil && f.Articles > 0 })
	t.Logf("first poll recorded %s after subscribing", time.Since(start).Round(time.Millisecond))
	if good.Failures != 0 || good.LastError != "" || good.Title != "Harbor Times" || good.ETag != `"v1"` {
		t.Errorf("polled feed: %+v, want no failures, the feed's title and its ETag", good)
	}
	if items := strings.Count(rssFeed, "<item>"); good.Articles != items {
		t.Errorf("the feed added %d articles, it has %d items", good.Articles, items)
	}
	if got := fs.pageGets.Load(); got != 1 {
		t.Errorf("the excerpt-only item's page was fetched %d times, want once", got)
	}
	var art struct {
		Article struct {
			Body  string  `json:"body"`
			Story *string `json:"story"`
		} `json:"article"`
	}
	getJSON(t, s.url+"/api/articles/ht-3", &art)
	if !strings.Contains(art.Article.Body, "2.3 million euros") || art.Article.Story == nil {
		t.Errorf("the excerpt-only item was not stored with its page's text in a story: %+v", art.Article)
	}
	if good.NextPoll == nil || good.NextPoll.Sub(*good.LastSuccess) < 59*time.Second {
		t.Errorf("polled feed: next poll %v, want about a minute after %v", good.NextPoll, good.LastSuccess)
	}
	broken = waitFeed(t, s.url, broken.ID, 8*time.Second, func(f apiFeed) bool { return f.Failures >= 1 })
	if fs.brokenGets.Load() < 1 {
		t.Errorf("the failing feed was never requested")
	}
	if broken.LastError == "" || !strings.Contains(broken.LastError, "500") || broken.LastSuccess != nil || broken.Articles != 0 {
		t.Errorf("failing feed: %+v, want last_error naming the 500 and no success", broken)
	}

	var list struct {
		Stories []apiStory `json:"stories"`
	}
	getJSON(t, s.url+"/api/stories", &list)
	n := 0
	for _, st := range list.Stories {
		n += st.Articles
	}
	if n != good.Articles {
		t.Errorf("stories hold %d articles, the feed says it added %d", n, good.Articles)
	}

	// A page the feed already gave is recognized when posted by URL
	// (this also proves POST /api/ingest fetches through --allow-private).
	var byURL apiIngest
	status, body, _ = call(t, http.MethodPost, s.url+"/api/ingest", map[string]any{"urls": []string{fs.URL + "/3"}})
	if status != http.StatusOK || json.Unmarshal(body, &byURL) != nil || len(byURL.Results) != 1 || !byURL.Results[0].Duplicate {
		t.Errorf("POST /api/ingest of the feed's page by URL: %d %s, want one duplicate", status, body)
	}

	var feeds struct {
		Feeds []apiFeed `json:"feeds"`
	}
	getJSON(t, s.url+"/api/feeds", &feeds)
	if len(feeds.Feeds) != 2 {
		t.Errorf("GET /api/feeds: %d feeds, want 2", len(feeds.Feeds))
	}
	if status, body, _ := call(t, http.MethodDelete, s.url+"/api/feeds/"+url.PathEscape(broken.ID), nil); status != http.StatusNoContent {
		t.Errorf("DELETE broken feed: %d %s", status, body)
	}
	if status, _, _ := call(t, http.MethodGet, s.url+"/api/feeds/"+url.PathEscape(broken.ID), nil); status != http.StatusNotFound {
		t.Errorf("GET of a deleted feed: %d, want 404", status)
	}
	if status, _, _ := call(t, http.MethodDelete, s.url+"/api/feeds/"+url.PathEscape(broken.ID), nil); status != http.StatusNotFound {
		t.Errorf("DELETE of a deleted feed: %d, want 404", status)
	}
	feeds.Feeds = nil
	getJSON(t, s.url+"/api/feeds", &feeds)
	if len(feeds.Feeds) != 1 || feeds.Feeds[0].ID != good.ID {
		t.Errorf("after DELETE: %+v, want only %s", feeds.Feeds, good.ID)
	}
	if fs.conditional.Load() != 0 {
		t.Errorf("the first poll was conditional")
	}
	if got := fs.feedGets.Load(); got != 1 {
		t.Errorf("the feed was fetched %d times within its interval, want once", got)
	}
	if err := s.stop(); err != nil {
		t.Fatalf("serve: %v\n%s", err, s.stderr.String())
	}

	// The API's minimum interval is a minute, so the next poll is made
	// due in the store itself; a restarted server must poll it with the
	// stored ETag.
	store := openDB(t, db)
	sub, err := store.Feed(context.Background(), good.ID)
	if err != nil {
		t.Fatal(err)
	}
	sub.NextPoll = time.Now().Add(-time.Second)
	if err := store.UpdateFeed(context.Background(), sub); err != nil {
		t.Fatal(err)
	}
	store.Close()

	s = startServe(t, args...)
	again := waitFeed(t, s.url, good.ID, 8*time.Second, func(f apiFeed) bool { return f.LastSuccess != nil && f.LastSuccess.After(*good.LastSuccess) })
	if fs.conditional.Load() < 1 {
		t.Errorf("the poll after the restart did not send If-None-Match with the stored ETag")
	}
	if again.Failures != 0 || again.Articles != good.Articles || again.ETag != `"v1"` {
		t.Errorf("after a 304: %+v, want no failures, %d articles and the ETag kept", again, good.Articles)
	}
}

// TestServeToken checks that serve refuses to listen beyond loopback
// without a token, and that with one, writes need it and reads do not.
func TestServeToken(t *testing.T) {
	t.Setenv("PARALLAX_TOKEN", "")
	dir := t.TempDir()
	refused := filepath.Join(dir, "refused.db")
	_, stderr, err := run(t, "", "serve", "--addr", "0.0.0.0:0", "--db", refused)
	if err == nil {
		t.Fatalf("serve on 0.0.0.0 without a token started:\n%s", stderr)
	}
	for _, want := range []string{"0.0.0.0:0", "--token", "PARALLAX_TOKEN"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal %q does not mention %s", err, want)
		}
	}
	if _, err := os.Stat(refused); err == nil {
		t.Errorf("a refused serve created its store")
	}

	const token = "tok-3f9a1c"
	s := startServe(t, "--addr", "0.0.0.0:0", "--db", filepath.Join(dir, "store.db"), "--token", token, "--no-poll")
	if !strings.HasPrefix(s.url, "http://localhost:") {
		t.Errorf("serve on 0.0.0.0 announced %s, want http://localhost:<port>", s.url)
	}
	article := map[string]any{"articles": []map[string]string{{
		"source": "Harbor Times", "title": "Storm closes harbor",
		"body": "The harbor in Port Elden was closed on Monday after a storm damaged two piers, the port authority said.",
	}}}
	feed := map[string]string{"url": "https://news.example/rss.xml"}
	for _, w := range []struct {
		path string
		body any
	}{{"/api/ingest", article}, {"/api/feeds", feed}} {
		for _, auth := range []string{"", "Bearer wrong", "Basic " + token} {
			var h []string
			if auth != "" {
				h = []string{"Authorization", auth}
			}
			if status, body, _ := call(t, http.MethodPost, s.url+w.path, w.body, h...); status != http.StatusUnauthorized {
				t.Errorf("POST %s with Authorization %q: %d %s, want 401", w.path, auth, status, body)
			}
		}
		if status, body, _ := call(t, http.MethodPost, s.url+w.path, w.body, "Authorization", "Bearer "+token); status/100 != 2 {
			t.Errorf("POST %s with the token: %d %s", w.path, status, body)
		}
	}
	var feeds struct {
		Feeds []apiFeed `json:"feeds"`
	}
	getJSON(t, s.url+"/api/feeds", &feeds) // reads need no token
	if len(feeds.Feeds) != 1 {
		t.Errorf("GET /api/feeds without a token: %d feeds, want the one added", len(feeds.Feeds))
	}
	if strings.Contains(s.stderr.String(), token) {
		t.Errorf("the token appears in serve's log")
	}
	s.stop()

	// On loopback a token is optional, but a wrong one is still refused.
	s = startServe(t, "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "loopback.db"), "--token", token, "--no-poll")
	if status, body, _ := call(t, http.MethodPost, s.url+"/api/feeds", feed); status != http.StatusCreated {
		t.Errorf("POST on loopback without a token: %d %s, want 201", status, body)
	}
	if status, _, _ := call(t, http.MethodPost, s.url+"/api/feeds", feed, "Authorization", "Bearer wrong"); status != http.StatusUnauthorized {
		t.Errorf("POST on loopback with a wrong token: %d, want 401", status)
	}
	s.stop()

	// $PARALLAX_TOKEN does what --token does.
	t.Setenv("PARALLAX_TOKEN", "env-"+token)
	s = startServe(t, "--addr", "0.0.0.0:0", "--db", filepath.Join(dir, "store.db"), "--no-poll")
	if status, _, _ := call(t, http.MethodPost, s.url+"/api/feeds", feed); status != http.StatusUnauthorized {
		t.Errorf("POST without $PARALLAX_TOKEN's token: %d, want 401", status)
	}
	if status, body, _ := call(t, http.MethodPost, s.url+"/api/feeds", feed, "Authorization", "Bearer env-"+token); status != http.StatusOK {
		t.Errorf("POST with $PARALLAX_TOKEN's token: %d %s, want 200 (already subscribed)", status, body)
	}
}

// envServeArgs carries the arguments of the serve child process, one per
// line.
const envServeArgs = "PARALLAX_TEST_SERVE_ARGS"

// TestServeChild is the serve process TestServeSIGTERM signals; it does
// nothing in a normal test run.
func TestServeChild(t *testing.T) {
	args := os.Getenv(envServeArgs)
	if args == "" {
		t.Skip("only run as the child of TestServeSIGTERM")
	}
	root := newRoot(strings.NewReader(""), os.Stdout, os.Stderr)
	root.SetArgs(append([]string{"serve"}, strings.Split(args, "\n")...))
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "parallax:", err)
		os.Exit(1)
	}
}

// serveChild is `parallax serve` in a process of its own.
type serveChild struct {
	cmd    *exec.Cmd
	url    string
	stderr *syncBuffer
	done   chan error // the exit, once stderr is read to its end
}

// startServeChild runs serve with args in a child process and returns once
// it has announced its URL.
func startServeChild(t *testing.T, args ...string) *serveChild {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PARALLAX_TOKEN=", envServeArgs+"="+strings.Join(args, "\n"))
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &serveChild{cmd: cmd, stderr: &syncBuffer{}, done: make(chan error, 1)}
	urls := make(chan string, 1)
	read := make(chan struct{})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(pipe)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			fmt.Fprintln(c.stderr, sc.Text())
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
	}()
	go func() {
		<-read // Wait closes the pipe: read it all first
		c.done <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })

	select {
	case c.url = <-urls:
	case err := <-c.done:
		t.Fatalf("serve exited before serving: %v\n%s", err, c.stderr.String())
	case <-time.After(15 * time.Second):
		t.Fatalf("serve did not announce its URL:\n%s", c.stderr.String())
	}
	return c
}

// TestServeSIGTERM runs serve in a process of its own and stops it with
// SIGTERM, as a service manager does.
func TestServeSIGTERM(t *testing.T) {
	c := startServeChild(t, "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "store.db"))
	cmd, base, stderr, done := c.cmd, c.url, c.stderr, c.done
	if status, body, _ := call(t, http.MethodGet, base+"/readyz", nil); status != http.StatusOK {
		t.Fatalf("GET /readyz: %d %s", status, body)
	}

	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve exited with %v after SIGTERM, want status 0\n%s", err, stderr.String())
		}
		t.Logf("serve exited %s after SIGTERM", time.Since(sent).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		t.Fatalf("serve still running 5 s after SIGTERM:\n%s", stderr.String())
	}

	msgs := map[string]bool{}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var rec struct {
			Msg   string `json:"msg"`
			Level string `json:"level"`
			Time  string `json:"time"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("log line is not JSON: %v\n%s", err, line)
			continue
		}
		if rec.Msg == "" || rec.Level == "" || rec.Time == "" {
			t.Errorf("log line lacks msg, level or time: %s", line)
		}
		msgs[rec.Msg] = true
	}
	for _, want := range []string{"store opened", "serving", "shutting down", "stopped"} {
		if !msgs[want] {
			t.Errorf("no JSON log line with msg %q; stderr:\n%s", want, stderr.String())
		}
	}
	u, _ := url.Parse(base)
	if c, err := net.DialTimeout("tcp", u.Host, time.Second); err == nil {
		c.Close()
		t.Errorf("%s still accepts connections after serve exited", u.Host)
	}
}

// TestServePostgres runs serve on a PostgreSQL store in a schema of its
// own, ingests the example through the API and reads the stories back.
func TestServePostgres(t *testing.T) {
	dsn := os.Getenv("PARALLAX_TEST_POSTGRES")
	required := os.Getenv("PARALLAX_POSTGRES_REQUIRED") == "1"
	if dsn == "" {
		if required {
			t.Fatal("PARALLAX_POSTGRES_REQUIRED=1 but PARALLAX_TEST_POSTGRES is not set")
		}
		t.Skip("set PARALLAX_TEST_POSTGRES (e.g. postgres://root@127.0.0.1:5432/test?sslmode=disable) to run serve on PostgreSQL")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err == nil {
		err = conn.Ping(ctx)
	}
	if err != nil {
		if required {
			t.Fatalf("PostgreSQL at PARALLAX_TEST_POSTGRES is unreachable: %v", err)
		}
		t.Skipf("PostgreSQL at PARALLAX_TEST_POSTGRES is unreachable: %v", err)
	}
	defer conn.Close(ctx)

	b := make([]byte, 6)
	rand.Read(b)
	schema := "parallax_serve_" + hex.EncodeToString(b)
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("PARALLAX_TEST_POSTGRES must be a postgres:// URL for serve --db: %q", dsn)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	// Trust authentication ignores a password; the log must still hide it.
	const password = "pw-5e1d07"
	if _, has := u.User.Password(); !has && u.User != nil {
		u.User = url.UserPassword(u.User.Username(), password)
	}

	t.Setenv("PARALLAX_TOKEN", "")
	s := startServe(t, "--addr", "127.0.0.1:0", "--db", u.String(), "--no-poll")
	if status, body, _ := call(t, http.MethodGet, s.url+"/readyz", nil); status != http.StatusOK {
		t.Errorf("GET /readyz: %d %s", status, body)
	}
	if strings.Contains(s.stderr.String(), password) {
		t.Errorf("serve logs the database password:\n%s", s.stderr.String())
	}
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM information_schema.schemata WHERE schema_name = $1)", schema).Scan(&exists); err != nil || !exists {
		t.Fatalf("serve did not create schema %s named by search_path: %v", schema, err)
	}

	var res apiIngest
	status, body, _ := call(t, http.MethodPost, s.url+"/api/ingest", exampleRequest(t))
	if status != http.StatusOK || json.Unmarshal(body, &res) != nil || len(res.Results) != 6 {
		t.Fatalf("POST /api/ingest: %d %s", status, body)
	}
	for _, r := range res.Results {
		if r.Duplicate || r.Story == "" {
			t.Errorf("ingest of %s into a fresh schema: %+v", r.Input, r)
		}
	}
	checkExampleStories(t, s.url)
	var tables int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1", schema).Scan(&tables); err != nil || tables == 0 {
		t.Errorf("no tables in schema %s (%v): the store went elsewhere", schema, err)
	}
	s.stop()

	// $PARALLAX_DB may name the PostgreSQL store too: the same stories,
	// and no SQLite file named like the URL.
	t.Setenv("PARALLAX_DB", u.String())
	s = startServe(t, "--addr", "127.0.0.1:0", "--no-poll")
	if !strings.Contains(s.stderr.String(), "search_path="+schema) || strings.Contains(s.stderr.String(), password) {
		t.Errorf("serve with $PARALLAX_DB=postgres://... does not name that store, or shows its password:\n%s", s.stderr.String())
	}
	checkExampleStories(t, s.url)
	for _, dir := range []string{"postgres:", "postgresql:"} {
		if _, err := os.Stat(dir); err == nil {
			os.RemoveAll(dir)
			t.Errorf("serve made a SQLite store under ./%s of $PARALLAX_DB", dir)
		}
	}
}

// TestServeSIGTERMInFlight sends SIGTERM while an ingest request is waiting
// for a slow page: serve must stop taking connections at once, finish that
// request and then exit 0.
func TestServeSIGTERMInFlight(t *testing.T) {
	const delay = 1200 * time.Millisecond
	arrived := make(chan struct{}, 1)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/slow" {
			http.NotFound(w, r)
			return
		}
		select {
		case arrived <- struct{}{}:
		default:
		}
		time.Sleep(delay)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, storyPage)
	}))
	defer slow.Close()

	db := filepath.Join(t.TempDir(), "store.db")
	c := startServeChild(t, "--addr", "127.0.0.1:0", "--db", db, "--allow-private", "--no-poll")
	type result struct {
		status int
		body   []byte
	}
	res := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, c.url+"/api/ingest", strings.NewReader(`{"urls":["`+slow.URL+`/slow"]}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := httpClient.Do(req)
		if err != nil {
			res <- result{body: []byte(err.Error())}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		res <- result{resp.StatusCode, b}
	}()
	select {
	case <-arrived:
	case <-time.After(10 * time.Second):
		t.Fatalf("the ingest request never fetched the page:\n%s", c.stderr.String())
	}
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	u, _ := url.Parse(c.url)
	if conn, err := net.DialTimeout("tcp", u.Host, time.Second); err == nil {
		conn.Close()
		t.Errorf("serve still accepts connections after SIGTERM")
	}
	select {
	case err := <-c.done:
		t.Fatalf("serve exited (%v) before its request in flight finished\n%s", err, c.stderr.String())
	default:
	}

	r := <-res
	var ing apiIngest
	if r.status != http.StatusOK || json.Unmarshal(r.body, &ing) != nil || len(ing.Results) != 1 || ing.Results[0].Duplicate {
		t.Errorf("the request in flight at SIGTERM: %d %s, want the page ingested", r.status, r.body)
	}
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("serve exited with %v, want status 0\n%s", err, c.stderr.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("serve still running 5 s after its last request:\n%s", c.stderr.String())
	}
	if n := countStored(db); n != 1 {
		t.Errorf("the store holds %d articles after the shutdown, want the one ingested", n)
	}
}

// TestServeReader runs a writer and a reader on one store: the reader
// serves what the writer ingested and refuses to ingest or poll itself.
func TestServeReader(t *testing.T) {
	t.Setenv("PARALLAX_TOKEN", "")
	db := filepath.Join(t.TempDir(), "shared.db")
	w := startServe(t, "--addr", "127.0.0.1:0", "--db", db, "--no-poll")
	r := startServe(t, "--addr", "127.0.0.1:0", "--db", db, "--reader")
	if !strings.Contains(r.stderr.String(), "reads only") {
		t.Errorf("the reader does not say it reads only:\n%s", r.stderr.String())
	}
	req := exampleRequest(t)
	if status, body, _ := call(t, http.MethodPost, r.url+"/api/ingest", req); status != http.StatusServiceUnavailable {
		t.Errorf("POST /api/ingest on a reader: %d %s, want 503", status, body)
	}
	var sub apiFeed
	status, body, _ := call(t, http.MethodPost, w.url+"/api/feeds", map[string]string{"url": "https://feeds.example.org/world.xml"})
	if status != http.StatusCreated || json.Unmarshal(body, &sub) != nil {
		t.Fatalf("POST /api/feeds on the writer: %d %s", status, body)
	}
	if status, body, _ := call(t, http.MethodPost, r.url+"/api/feeds/"+sub.ID+"/poll", nil); status != http.StatusServiceUnavailable {
		t.Errorf("POST /api/feeds/{id}/poll on a reader: %d %s, want 503", status, body)
	}
	if status, body, _ := call(t, http.MethodPost, w.url+"/api/ingest", req); status != http.StatusOK {
		t.Fatalf("POST /api/ingest on the writer: %d %s", status, body)
	}
	// The reader sees the writer's stories, with their briefs.
	checkExampleStories(t, r.url)

	// While the writer runs, parallax ingest on the same store is refused:
	// two clusterers would split the same story.
	if _, _, err := run(t, "", "ingest", "--db", db, example); err == nil || !strings.Contains(err.Error(), "POST /api/ingest") {
		t.Errorf("ingest beside a running writer: %v, want a refusal pointing at the API", err)
	}
	if err := w.stop(); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, "", "ingest", "--db", db, example); err != nil {
		t.Errorf("ingest after the writer stopped: %v\n%s", err, stderr)
	}
}
