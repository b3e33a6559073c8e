package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/fetch"
	"github.com/parallax-news/parallax/ingest"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/poll"
	"github.com/parallax-news/parallax/reconcile"
	"github.com/parallax-news/parallax/sqlite"
)

const (
	testToken = "s3cret-token"
	// kesslingStory holds examples/kessling-fire with its brief;
	// briefless holds one article and no brief.
	kesslingStory = "kessling-fire"
	briefless     = "no-brief-yet"
)

// fixture is a real in-memory SQLite store holding the bundled example as
// one story with its brief, built the way `parallax analyze` builds it.
type fixture struct {
	store    *sqlite.DB
	articles []*parallax.Article
	brief    *parallax.Brief
}

func openStore(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatalf("sqlite.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	arts, problems := input.Load([]string{"../examples/kessling-fire"}, nil, input.Defaults{})
	if len(arts) < 2 {
		t.Fatalf("example: %d articles, problems %v", len(arts), problems)
	}
	docs := make([]*parallax.Document, len(arts))
	ids := make([]string, len(arts))
	for i, a := range arts {
		docs[i] = analyze.Article(a)
		ids[i] = a.ID
	}
	analyze.Story(docs)
	brief := reconcile.Brief(docs)
	brief.Problems = problems

	extra := &parallax.Article{ID: "lone-1", Source: "Lone Courier", Title: "A quiet council meeting",
		Body:      "The town council met on Tuesday and approved the budget for the library.",
		Published: time.Date(2025, 3, 10, 8, 0, 0, 0, time.UTC)}

	db := openStore(t)
	_, err := db.Commit(context.Background(), parallax.Batch{
		Articles: append(append([]*parallax.Article{}, arts...), extra),
		Stories: []parallax.StoryUpdate{
			{Story: parallax.Story{ID: kesslingStory, Articles: ids}, Brief: brief},
			{Story: parallax.Story{ID: briefless, Articles: []string{extra.ID}}},
		},
	})
	if err != nil {
		t.Fatalf("commit example: %v", err)
	}
	return &fixture{store: db, articles: arts, brief: brief}
}

// testIngester is a small parallax.Ingester over a real store, standing in
// for package ingest: it stores the articles, puts the new ones in one
// story and rebuilds that story's brief from all its articles.
type testIngester struct {
	store parallax.Store
	story string
	// delay holds each Ingest before it writes; started is closed when
	// the first Ingest begins.
	delay   time.Duration
	once    sync.Once
	started chan struct{}
}

func newIngester(store parallax.Store, story string) *testIngester {
	return &testIngester{store: store, story: story, started: make(chan struct{})}
}

func (g *testIngester) Ingest(ctx context.Context, arts []*parallax.Article) ([]parallax.Ingested, error) {
	g.once.Do(func() { close(g.started) })
	if g.delay > 0 {
		select {
		case <-time.After(g.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	added, err := g.store.Commit(ctx, parallax.Batch{Articles: arts})
	if err != nil {
		return nil, err
	}
	out := make([]parallax.Ingested, len(arts))
	var ids []string
	for i, a := range arts {
		out[i] = parallax.Ingested{Article: a.ID, Duplicate: !added[i]}
		if added[i] {
			out[i].Story = g.story
			ids = append(ids, a.ID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	if _, err := g.store.Commit(ctx, parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: g.story, Articles: ids}}}}); err != nil {
		return nil, err
	}
	all, err := g.store.StoryArticles(ctx, g.story)
	if err != nil {
		return nil, err
	}
	docs := make([]*parallax.Document, len(all))
	for i, a := range all {
		docs[i] = analyze.Article(a)
	}
	analyze.Story(docs)
	_, err = g.store.Commit(ctx, parallax.Batch{Stories: []parallax.StoryUpdate{{
		Story: parallax.Story{ID: g.story}, Brief: reconcile.Brief(docs),
	}}})
	return out, err
}

// slowStore is a real store whose every call first waits for its
// context to end, to exercise deadlines.
type slowStore struct{ parallax.Store }

func wait(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }

func (s slowStore) Commit(ctx context.Context, b parallax.Batch) ([]bool, error) {
	return nil, wait(ctx)
}
func (s slowStore) Article(ctx context.Context, id string) (*parallax.Article, error) {
	return nil, wait(ctx)
}
func (s slowStore) Story(ctx context.Context, id string) (parallax.Story, *parallax.Brief, error) {
	return parallax.Story{}, nil, wait(ctx)
}
func (s slowStore) StoryBriefJSON(ctx context.Context, id string) (parallax.Story, []byte, error) {
	if err := wait(ctx); err != nil {
		return parallax.Story{}, nil, err
	}
	return s.Store.StoryBriefJSON(ctx, id)
}
func (s slowStore) StoryArticles(ctx context.Context, id string) ([]*parallax.Article, error) {
	return nil, wait(ctx)
}
func (s slowStore) Stories(ctx context.Context, q parallax.StoryQuery) ([]parallax.StorySummary, error) {
	return nil, wait(ctx)
}
func (s slowStore) Quotes(ctx context.Context, q parallax.QuoteQuery) ([]parallax.QuoteHit, error) {
	return nil, wait(ctx)
}
func (s slowStore) Entity(ctx context.Context, name string) (parallax.EntityPage, error) {
	return parallax.EntityPage{}, wait(ctx)
}
func (s slowStore) AddFeed(ctx context.Context, f parallax.FeedSubscription) (parallax.FeedSubscription, bool, error) {
	return f, false, wait(ctx)
}
func (s slowStore) RemoveFeed(ctx context.Context, id string) error { return wait(ctx) }
func (s slowStore) Feed(ctx context.Context, id string) (parallax.FeedSubscription, error) {
	return parallax.FeedSubscription{}, wait(ctx)
}
func (s slowStore) Feeds(ctx context.Context) ([]parallax.FeedSubscription, error) {
	return nil, wait(ctx)
}
func (s slowStore) Ping(ctx context.Context) error { return wait(ctx) }

// pageServer serves article pages on a real local HTTP server, and fetch
// reads them the way cmd/parallax's fetcher does: GET, then input.ReadHTML.
func pageServer(t testing.TB, pages map[string]string) (base string, fetch func(context.Context, string) ([]*parallax.Article, error)) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	t.Cleanup(srv.Close)
	fetch = func(ctx context.Context, url string) ([]*parallax.Article, error) {
		req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
		if err != nil {
			return nil, err
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
		}
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		arts, err := input.ReadHTML(url, data, input.Defaults{})
		for _, a := range arts {
			a.URL = url
		}
		return arts, err
	}
	return srv.URL, fetch
}

const testPage = `<!doctype html><html><head><title>Harbour crane collapses in storm</title>
<meta property="og:site_name" content="Coastal Times">
<meta property="article:published_time" content="2025-03-15T10:00:00Z"></head>
<body><article><h1>Harbour crane collapses in storm</h1>
<p>A container crane collapsed at the north harbour on Saturday during gusts of up to 120 kilometres per hour, the port authority said.</p>
<p>"Nobody was on the crane when it fell," said harbour master Ilse Brandt. Two nearby warehouses were damaged.</p>
<p>The port will stay closed to large ships until Monday while engineers inspect the other cranes.</p>
</article></body></html>`

// discard is a logger for tests that do not read the log.
func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newServer builds a server over c with test defaults.
func newServer(t testing.TB, c Config) *Server {
	t.Helper()
	if c.Logger == nil {
		c.Logger = discard()
	}
	s, err := New(c)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// do sends one request to h and returns the recorded response.
func do(h http.Handler, method, target string, body string, header ...string) *httptest.ResponseRecorder {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	req.Host = "127.0.0.1:8080"
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// jsonHeaders are the headers of an authorized JSON write.
var jsonHeaders = []string{"Content-Type", "application/json", "Authorization", "Bearer " + testToken}

// errorCode returns the code of an error envelope, "" when body is not one.
func errorCode(body []byte) string {
	var e apiError
	if err := json.Unmarshal(body, &e); err != nil {
		return ""
	}
	return e.Error.Code
}

// feedServer is a real HTTP server on loopback serving an RSS feed at
// /rss.xml with the validator "v1" (304 when If-None-Match names it) and a
// feed whose generator fails (500) at /broken.xml. It keeps the
// If-None-Match of every GET of /rss.xml and the status it answered.
type feedServer struct {
	*httptest.Server
	mu  sync.Mutex
	log []feedHit
}

type feedHit struct {
	ifNoneMatch string
	status      int
}

// feedItems are the ids of the items of /rss.xml.
var feedItems = []string{"harbour-feed-1", "harbour-feed-2"}

const feedETag = `"v1"`

func newFeedServer(t testing.TB) *feedServer {
	t.Helper()
	fs := &feedServer{}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss.xml":
			inm := r.Header.Get("If-None-Match")
			w.Header().Set("ETag", feedETag)
			status := http.StatusOK
			if inm == feedETag {
				status = http.StatusNotModified
			}
			fs.mu.Lock()
			fs.log = append(fs.log, feedHit{ifNoneMatch: inm, status: status})
			fs.mu.Unlock()
			if status == http.StatusNotModified {
				w.WriteHeader(status)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprintf(w, rssFeed, fs.URL, feedItems[0], fs.URL, feedItems[1], fs.URL)
		case "/broken.xml":
			http.Error(w, "the feed generator crashed", http.StatusInternalServerError)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(fs.Close)
	return fs
}

// hits returns the GETs of /rss.xml so far.
func (fs *feedServer) hits() []feedHit {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return append([]feedHit(nil), fs.log...)
}

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Coastal Times harbour desk</title><link>%s/</link>
<item><guid isPermaLink="false">%s</guid><link>%s/crane</link>
<title>Harbour crane collapses in storm</title><pubDate>Sat, 15 Mar 2025 10:00:00 GMT</pubDate>
<description>A container crane collapsed at the north harbour on Saturday during gusts of up to 120 kilometres per hour, the port authority said. Nobody was on the crane when it fell, said harbour master Ilse Brandt. Two nearby warehouses were damaged.</description></item>
<item><guid isPermaLink="false">%s</guid><link>%s/port</link>
<title>Port closed to large ships until Monday</title><pubDate>Sat, 15 Mar 2025 14:00:00 GMT</pubDate>
<description>The port will stay closed to large ships until Monday while engineers inspect the other cranes, the port authority said on Saturday. Shipping lines were told to wait offshore or divert to the south terminal.</description></item>
</channel></rss>`

// newPoller is the feed poller cmd/parallax wires into PollFeed: a real
// poll.Poller with a real fetch client (loopback allowed, robots.txt
// ignored) ingesting through the real ingest pipeline.
func newPoller(store parallax.Store) *poll.Poller {
	return poll.New(store, ingest.New(store, 1), poll.Options{
		Client: fetch.New(fetch.Options{AllowPrivate: true, IgnoreRobots: true}),
	})
}
