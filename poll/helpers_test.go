package poll

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/fetch"
	"github.com/parallax-news/parallax/sqlite"
)

// newStore opens a private in-memory SQLite store.
func newStore(t *testing.T) parallax.Store {
	t.Helper()
	db, err := sqlite.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// commitIngester stores articles with Store.Commit, as the real pipeline
// does last, and reports the duplicates the store dropped. When gate is
// set, Ingest waits for it to be closed (after closing entered), so tests
// can hold a poll in the middle of its ingest.
type commitIngester struct {
	store   parallax.Store
	gate    chan struct{}
	entered chan struct{}

	mu    sync.Mutex
	calls [][]*parallax.Article
}

func (c *commitIngester) Ingest(ctx context.Context, arts []*parallax.Article) ([]parallax.Ingested, error) {
	if c.gate != nil {
		close(c.entered)
		<-c.gate
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ingest with a cancelled context: %w", err)
	}
	c.mu.Lock()
	c.calls = append(c.calls, arts)
	c.mu.Unlock()
	added, err := c.store.Commit(ctx, parallax.Batch{Articles: arts})
	if err != nil {
		return nil, err
	}
	out := make([]parallax.Ingested, len(arts))
	for i, a := range arts {
		out[i] = parallax.Ingested{Article: a.ID, Duplicate: !added[i]}
	}
	return out, nil
}

func (c *commitIngester) ingested() []*parallax.Article {
	c.mu.Lock()
	defer c.mu.Unlock()
	var all []*parallax.Article
	for _, call := range c.calls {
		all = append(all, call...)
	}
	return all
}

// clock is a settable Options.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2025, 3, 19, 8, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// item is one entry of a test feed. Full items carry a whole article of
// text, others a one-sentence excerpt.
type item struct {
	id, title string
	full      bool
}

// articleText is a report long enough to count as a whole article, and
// different for every title, as the store drops repeated text.
func articleText(title string) string {
	var b strings.Builder
	for i := range 8 {
		fmt.Fprintf(&b, "<p>Paragraph %d of the report on %s. Officials gave an account of what happened, and residents described the scene in detail to reporters on the spot.</p>\n", i+1, title)
	}
	return b.String()
}

// feedServer is a real HTTP server publishing one feed. It answers
// conditional requests the standard way (http.ServeContent with an ETag
// and a modification time), can be told to fail with a status, and records
// the request headers it saw.
type feedServer struct {
	srv *httptest.Server

	mu          sync.Mutex
	title       string
	atom        bool
	items       []item
	modified    time.Time
	status      int    // answer with this status when nonzero
	retryAfter  string // Retry-After sent with status
	raw         string // serve this body as text/html instead of the feed
	broken      string // serve this body as RSS instead of the feed
	robots      string // serve this as /robots.txt when set
	requests    []http.Header
	active, top int           // requests in progress, most at once
	hold        time.Duration // time each request takes
	onRequest   func()
}

func newFeedServer(t *testing.T, items ...item) *feedServer {
	s := &feedServer{title: "Test Gazette", items: items, modified: time.Date(2025, 3, 19, 7, 0, 0, 0, time.UTC)}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *feedServer) URL() string { return s.srv.URL + "/feed.xml" }

func (s *feedServer) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if r.URL.Path == "/robots.txt" {
		robots := s.robots
		s.mu.Unlock()
		if robots == "" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(robots))
		return
	}
	s.requests = append(s.requests, r.Header.Clone())
	s.active++
	s.top = max(s.top, s.active)
	hold, hook := s.hold, s.onRequest
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.active--
		s.mu.Unlock()
	}()
	if hook != nil {
		hook()
	}
	if hold > 0 {
		time.Sleep(hold)
	}

	s.mu.Lock()
	status, retry, raw, broken, modified := s.status, s.retryAfter, s.raw, s.broken, s.modified
	body := s.render()
	s.mu.Unlock()
	switch {
	case status != 0:
		if retry != "" {
			w.Header().Set("Retry-After", retry)
		}
		http.Error(w, http.StatusText(status), status)
		return
	case raw != "":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(raw))
		return
	case broken != "":
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(broken))
		return
	}
	if s.atom {
		w.Header().Set("Content-Type", "application/atom+xml")
	} else {
		w.Header().Set("Content-Type", "application/rss+xml")
	}
	w.Header().Set("ETag", fmt.Sprintf(`"%x"`, xxhash.Sum64(body)))
	http.ServeContent(w, r, "", modified, bytes.NewReader(body))
}

// render writes the feed as RSS 2.0 or Atom; called with s.mu held.
func (s *feedServer) render() []byte {
	var b bytes.Buffer
	if s.atom {
		fmt.Fprintf(&b, "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>%s</title><id>urn:test</id><updated>2025-03-19T07:00:00Z</updated>\n", html.EscapeString(s.title))
		for _, it := range s.items {
			fmt.Fprintf(&b, "<entry><id>%s</id><title>%s</title><link href=\"%s\"/><updated>2025-03-19T06:00:00Z</updated><content type=\"html\">%s</content></entry>\n",
				it.id, html.EscapeString(it.title), s.link(it), html.EscapeString(s.text(it)))
		}
		b.WriteString("</feed>\n")
		return b.Bytes()
	}
	fmt.Fprintf(&b, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>%s</title><link>%s/</link>\n", html.EscapeString(s.title), s.srv.URL)
	for _, it := range s.items {
		fmt.Fprintf(&b, "<item><guid isPermaLink=\"false\">%s</guid><title>%s</title><link>%s</link><pubDate>Wed, 19 Mar 2025 06:00:00 GMT</pubDate><description>%s</description></item>\n",
			it.id, html.EscapeString(it.title), s.link(it), html.EscapeString(s.text(it)))
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}

func (s *feedServer) link(it item) string { return s.srv.URL + "/news/" + it.id }

func (s *feedServer) text(it item) string {
	if it.full {
		return articleText(it.title)
	}
	return "<p>" + it.title + ": the first lines of the report…</p>"
}

// publish replaces the feed's items, as a site does when it posts.
func (s *feedServer) publish(items ...item) {
	s.mu.Lock()
	s.items = items
	s.modified = s.modified.Add(time.Hour)
	s.mu.Unlock()
}

// set changes the server's behaviour under its lock.
func (s *feedServer) set(fn func(s *feedServer)) {
	s.mu.Lock()
	fn(s)
	s.mu.Unlock()
}

func (s *feedServer) fail(status int, retryAfter string) {
	s.mu.Lock()
	s.status, s.retryAfter = status, retryAfter
	s.mu.Unlock()
}

// lastRequest returns the headers of the latest request.
func (s *feedServer) lastRequest() http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.requests) == 0 {
		return nil
	}
	return s.requests[len(s.requests)-1]
}

func (s *feedServer) hits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// client reaches loopback test servers.
func client() *fetch.Client {
	return fetch.New(fetch.Options{AllowPrivate: true, IgnoreRobots: true, Timeout: 10 * time.Second})
}

// subscribe adds a feed and returns it.
func subscribe(t *testing.T, st parallax.Store, url string, interval time.Duration) parallax.FeedSubscription {
	t.Helper()
	sub, created, err := st.AddFeed(context.Background(), parallax.FeedSubscription{URL: url, Interval: interval})
	if err != nil {
		t.Fatal(err)
	}
	if !created {
		t.Fatalf("AddFeed(%s): not created", url)
	}
	return sub
}

func feedOf(t *testing.T, st parallax.Store, id string) parallax.FeedSubscription {
	t.Helper()
	sub, err := st.Feed(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// polls records OnPoll calls.
type polls struct {
	mu    sync.Mutex
	feeds []parallax.FeedSubscription
	added []int
	errs  []error
}

func (p *polls) record(f parallax.FeedSubscription, added int, err error) {
	p.mu.Lock()
	p.feeds = append(p.feeds, f)
	p.added = append(p.added, added)
	p.errs = append(p.errs, err)
	p.mu.Unlock()
}

func (p *polls) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.feeds)
}

// within reports whether got is want give or take a second (stores keep
// times to a limited precision).
func within(got, want time.Time) bool {
	d := got.Sub(want)
	return d > -time.Second && d < time.Second
}
