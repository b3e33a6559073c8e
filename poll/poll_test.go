package poll

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/feed"
	"github.com/parallax-news/parallax/fetch"
)

// fixture is a store, a feed server, a subscription and a poller.
type fixture struct {
	st    parallax.Store
	srv   *feedServer
	sub   parallax.FeedSubscription
	ing   *commitIngester
	clock *clock
	polls *polls
	p     *Poller
}

func newFixture(t *testing.T, interval time.Duration, o Options, items ...item) *fixture {
	t.Helper()
	f := &fixture{st: newStore(t), srv: newFeedServer(t, items...), clock: newClock(), polls: &polls{}}
	f.ing = &commitIngester{store: f.st}
	f.sub = subscribe(t, f.st, f.srv.URL(), interval)
	if o.Client == nil {
		o.Client = client()
	}
	o.Now = f.clock.Now
	o.OnPoll = f.polls.record
	f.p = New(f.st, f.ing, o)
	return f
}

func (f *fixture) pollOnce(t *testing.T) int {
	t.Helper()
	n, err := f.p.PollOnce(context.Background())
	if err != nil {
		t.Fatalf("PollOnce: %v", err)
	}
	return n
}

func (f *fixture) feed(t *testing.T) parallax.FeedSubscription { return feedOf(t, f.st, f.sub.ID) }

func TestFirstPollIngests(t *testing.T) {
	for _, atom := range []bool{false, true} {
		t.Run(map[bool]string{false: "rss", true: "atom"}[atom], func(t *testing.T) {
			f := newFixture(t, 0, Options{}, item{"a1", "Bridge reopens", true}, item{"a2", "Council votes", true})
			f.srv.set(func(s *feedServer) { s.atom = atom })
			if n := f.pollOnce(t); n != 1 {
				t.Fatalf("PollOnce polled %d feeds, want 1", n)
			}
			for _, id := range []string{"a1", "a2"} {
				a, err := f.st.Article(context.Background(), id)
				if err != nil {
					t.Fatalf("article %s not stored: %v", id, err)
				}
				if a.Source != "Test Gazette" || a.URL != f.srv.srv.URL+"/news/"+id || !strings.Contains(a.Body, "Paragraph 8") {
					t.Errorf("article %s = source %q url %q body %.40q", id, a.Source, a.URL, a.Body)
				}
			}
			got := f.feed(t)
			now := f.clock.Now()
			if got.Title != "Test Gazette" || got.ETag == "" || got.LastModified == "" {
				t.Errorf("title %q etag %q last-modified %q", got.Title, got.ETag, got.LastModified)
			}
			if got.Failures != 0 || got.LastError != "" || got.Articles != 2 {
				t.Errorf("failures %d, last error %q, articles %d; want 0, \"\", 2", got.Failures, got.LastError, got.Articles)
			}
			if !within(got.LastPolled, now) || !within(got.LastSuccess, now) {
				t.Errorf("last polled %v, last success %v, want %v", got.LastPolled, got.LastSuccess, now)
			}
			if want := now.Add(jitter(got.ID, DefaultInterval)); !within(got.NextPoll, want) {
				t.Errorf("next poll %v, want %v (default interval with jitter)", got.NextPoll, want)
			}
			if f.polls.count() != 1 || f.polls.added[0] != 2 || f.polls.errs[0] != nil || f.polls.feeds[0].Articles != 2 {
				t.Errorf("OnPoll calls: added %v errs %v", f.polls.added, f.polls.errs)
			}
		})
	}
}

func TestNotDueNotPolled(t *testing.T) {
	f := newFixture(t, 10*time.Minute, Options{}, item{"a1", "Bridge reopens", true})
	f.pollOnce(t)
	f.clock.Advance(9 * time.Minute)
	if n := f.pollOnce(t); n != 0 || f.srv.hits() != 1 {
		t.Fatalf("feed polled again before its interval: polled %d, server hits %d", n, f.srv.hits())
	}
	f.clock.Advance(2 * time.Minute) // 11 min: past 10 min plus its jitter (under 1 min)
	if n := f.pollOnce(t); n != 1 || f.srv.hits() != 2 {
		t.Fatalf("due feed not polled: polled %d, server hits %d", n, f.srv.hits())
	}
}

func TestConditionalGet(t *testing.T) {
	f := newFixture(t, 0, Options{}, item{"a1", "Bridge reopens", true})
	f.pollOnce(t)
	first := f.feed(t)
	f.clock.Advance(time.Hour)
	if n := f.pollOnce(t); n != 1 {
		t.Fatalf("second PollOnce polled %d", n)
	}
	h := f.srv.lastRequest()
	if h.Get("If-None-Match") != first.ETag || h.Get("If-Modified-Since") != first.LastModified {
		t.Fatalf("second request sent If-None-Match %q If-Modified-Since %q, want %q %q",
			h.Get("If-None-Match"), h.Get("If-Modified-Since"), first.ETag, first.LastModified)
	}
	got := f.feed(t)
	now := f.clock.Now()
	if got.Articles != 1 || got.Failures != 0 || got.ETag != first.ETag || !within(got.LastSuccess, now) {
		t.Errorf("after 304: articles %d failures %d etag %q last success %v", got.Articles, got.Failures, got.ETag, got.LastSuccess)
	}
	if want := now.Add(jitter(got.ID, DefaultInterval)); !within(got.NextPoll, want) {
		t.Errorf("next poll %v, want %v", got.NextPoll, want)
	}
	if len(f.ing.calls) != 1 {
		t.Errorf("ingester called %d times, want once (the 304 has nothing to ingest)", len(f.ing.calls))
	}
	if f.polls.count() != 2 || f.polls.added[1] != 0 || f.polls.errs[1] != nil {
		t.Errorf("OnPoll after 304: added %v errs %v", f.polls.added, f.polls.errs)
	}
}

func TestNewItemIngestedOnce(t *testing.T) {
	a1, a2 := item{"a1", "Bridge reopens", true}, item{"a2", "Council votes", true}
	f := newFixture(t, 0, Options{}, a1)
	f.pollOnce(t)
	f.srv.publish(a2, a1)
	f.clock.Advance(time.Hour)
	f.pollOnce(t)
	if got := f.feed(t); got.Articles != 2 || f.polls.added[1] != 1 {
		t.Fatalf("after a new item: feed articles %d, added %d; want 2, 1", got.Articles, f.polls.added[1])
	}
	if _, err := f.st.Article(context.Background(), "a2"); err != nil {
		t.Fatalf("new item not stored: %v", err)
	}
	// The feed changes again without new items (a title edit): the items
	// are known and nothing is ingested.
	f.srv.set(func(s *feedServer) {
		s.title = "Test Gazette (new look)"
		s.modified = s.modified.Add(time.Hour)
	})
	f.clock.Advance(time.Hour)
	f.pollOnce(t)
	got := f.feed(t)
	if got.Articles != 2 || f.polls.added[2] != 0 || got.Title != "Test Gazette (new look)" {
		t.Errorf("after a changed feed with known items: articles %d, added %d, title %q", got.Articles, f.polls.added[2], got.Title)
	}
	var ids []string
	for _, a := range f.ing.ingested() {
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, ",") != "a1,a2" {
		t.Errorf("ingested %v, want each item once: [a1 a2]", ids)
	}
}

func TestRetryAfterAndRecovery(t *testing.T) {
	f := newFixture(t, 15*time.Minute, Options{}, item{"a1", "Bridge reopens", true})
	f.pollOnce(t)
	before := f.feed(t)
	f.srv.fail(http.StatusServiceUnavailable, "7200")
	f.clock.Advance(time.Hour)
	f.pollOnce(t)
	got := f.feed(t)
	now := f.clock.Now()
	if got.Failures != 1 || got.LastError != "HTTP 503 Service Unavailable (Retry-After 2h0m0s)" {
		t.Errorf("failures %d, last error %q", got.Failures, got.LastError)
	}
	if want := now.Add(jitter(got.ID, 2*time.Hour)); !within(got.NextPoll, want) {
		t.Errorf("next poll %v, want %v: Retry-After outweighs the 15 min interval", got.NextPoll, want)
	}
	if !within(got.LastPolled, now) || !within(got.LastSuccess, before.LastSuccess) || got.ETag != before.ETag {
		t.Errorf("a failure changed what it should keep: last polled %v, last success %v (was %v), etag %q (was %q)",
			got.LastPolled, got.LastSuccess, before.LastSuccess, got.ETag, before.ETag)
	}
	var pe *Error
	var se *fetch.StatusError
	if err := f.polls.errs[1]; !errors.As(err, &pe) || !errors.As(err, &se) || se.Status != 503 || pe.RetryAfter != 2*time.Hour {
		t.Errorf("OnPoll error %v: want a *poll.Error wrapping the 503", err)
	}

	f.clock.Advance(time.Hour)
	if n := f.pollOnce(t); n != 0 {
		t.Fatalf("polled %d feeds during Retry-After", n)
	}
	f.srv.fail(0, "")
	f.clock.Advance(2 * time.Hour)
	if n := f.pollOnce(t); n != 1 {
		t.Fatalf("polled %d feeds after Retry-After", n)
	}
	got = f.feed(t)
	if got.Failures != 0 || got.LastError != "" || !within(got.LastSuccess, f.clock.Now()) {
		t.Errorf("after recovery: failures %d, last error %q, last success %v", got.Failures, got.LastError, got.LastSuccess)
	}
}

func TestBackoffDoublesAndCaps(t *testing.T) {
	f := newFixture(t, 10*time.Minute, Options{MaxBackoff: time.Hour})
	f.srv.fail(http.StatusInternalServerError, "")
	for i, want := range []time.Duration{10 * time.Minute, 20 * time.Minute, 40 * time.Minute, time.Hour, time.Hour} {
		if n := f.pollOnce(t); n != 1 {
			t.Fatalf("poll %d: polled %d feeds", i+1, n)
		}
		got := f.feed(t)
		if got.Failures != i+1 || got.LastError != "HTTP 500 Internal Server Error" {
			t.Fatalf("poll %d: failures %d, last error %q", i+1, got.Failures, got.LastError)
		}
		if d := got.NextPoll.Sub(f.clock.Now()); d < want-time.Second || d > want+want/10 {
			t.Errorf("failure %d: next poll in %v, want %v plus under 10%%", i+1, d, want)
		}
		f.clock.Advance(got.NextPoll.Sub(f.clock.Now()))
	}
}

func TestBackoff(t *testing.T) {
	const m = time.Minute
	for _, c := range []struct {
		name                 string
		interval, maxBackoff time.Duration
		failures             int
		retryAfter, want     time.Duration
	}{
		{"success", 15 * m, 6 * time.Hour, 0, 0, 15 * m},
		{"first failure", 15 * m, 6 * time.Hour, 1, 0, 15 * m},
		{"second", 15 * m, 6 * time.Hour, 2, 0, 30 * m},
		{"fifth", 15 * m, 6 * time.Hour, 5, 0, 240 * m},
		{"capped", 15 * m, 6 * time.Hour, 6, 0, 6 * time.Hour},
		{"many", 15 * m, 6 * time.Hour, 1000, 0, 6 * time.Hour},
		{"interval above cap", 12 * time.Hour, 6 * time.Hour, 3, 0, 12 * time.Hour},
		{"retry-after wins", 15 * m, 6 * time.Hour, 1, 2 * time.Hour, 2 * time.Hour},
		{"retry-after above cap", 15 * m, 6 * time.Hour, 1, 10 * time.Hour, 10 * time.Hour},
		{"retry-after capped at a day", 15 * m, 6 * time.Hour, 1, 400 * time.Hour, 24 * time.Hour},
		{"short retry-after", 15 * m, 6 * time.Hour, 3, time.Second, 60 * m},
		{"huge cap", time.Hour, 1 << 62, 200, 0, 1 << 62},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := backoff(c.interval, c.maxBackoff, c.failures, c.retryAfter); got != c.want {
				t.Errorf("backoff(%v, %v, %d, %v) = %v, want %v", c.interval, c.maxBackoff, c.failures, c.retryAfter, got, c.want)
			}
		})
	}
}

func TestJitter(t *testing.T) {
	const d = 15 * time.Minute
	seen := map[time.Duration]bool{}
	for i := range 200 {
		id := fmt.Sprintf("feed-%d", i)
		j := jitter(id, d)
		if j < d || j >= d+d/10 {
			t.Fatalf("jitter(%s, %v) = %v, outside [d, 1.1 d)", id, d, j)
		}
		if jitter(id, d) != j {
			t.Fatalf("jitter(%s) is not deterministic", id)
		}
		seen[j] = true
	}
	if len(seen) < 150 {
		t.Errorf("200 feeds got only %d distinct delays: they would poll in lockstep", len(seen))
	}
	if got := jitter("x", 1<<62); got < 1<<62 {
		t.Errorf("jitter overflowed: %v", got)
	}
}

func TestFailureReasons(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(s *feedServer)
		want  string
	}{
		{"gone", func(s *feedServer) { s.fail(http.StatusGone, "") }, "HTTP 410 Gone"},
		{"not found", func(s *feedServer) { s.fail(http.StatusNotFound, "") }, "HTTP 404 Not Found"},
		{"html page", func(s *feedServer) { s.set(func(s *feedServer) { s.raw = "<html><body><p>Welcome</p></body></html>" }) }, "not a feed: the server sent text/html"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, 0, Options{})
			c.setup(f.srv)
			f.pollOnce(t)
			got := f.feed(t)
			if got.LastError != c.want || got.Failures != 1 {
				t.Errorf("last error %q, failures %d; want %q, 1", got.LastError, got.Failures, c.want)
			}
			if c.name == "html page" && !errors.Is(f.polls.errs[0], feed.ErrNotFeed) {
				t.Errorf("OnPoll error %v does not wrap feed.ErrNotFeed", f.polls.errs[0])
			}
			// Permanent failures back off like the others.
			if want := f.clock.Now().Add(jitter(got.ID, DefaultInterval)); !within(got.NextPoll, want) {
				t.Errorf("next poll %v, want %v", got.NextPoll, want)
			}
		})
	}
	t.Run("robots.txt", func(t *testing.T) {
		f := newFixture(t, 0, Options{Client: fetch.New(fetch.Options{AllowPrivate: true})})
		f.srv.set(func(s *feedServer) { s.robots = "User-agent: *\nDisallow: /feed.xml\n" })
		f.pollOnce(t)
		got := f.feed(t)
		if !strings.Contains(got.LastError, "robots.txt") || !strings.Contains(got.LastError, "/feed.xml") || strings.Contains(got.LastError, "http://") {
			t.Errorf("last error %q, want a line naming robots.txt and the path, not repeating the URL", got.LastError)
		}
		if !errors.Is(f.polls.errs[0], fetch.ErrDisallowed) {
			t.Errorf("OnPoll error %v does not wrap fetch.ErrDisallowed", f.polls.errs[0])
		}
		if f.srv.hits() != 0 {
			t.Errorf("the feed was requested %d times despite robots.txt", f.srv.hits())
		}
	})
	t.Run("malformed xml", func(t *testing.T) {
		f := newFixture(t, 0, Options{})
		f.srv.set(func(s *feedServer) {
			s.broken = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>x</title><item><title>a</item></channel>"
		})
		f.pollOnce(t)
		got := f.feed(t)
		if got.Failures != 1 || !strings.HasPrefix(got.LastError, "parse feed: ") || strings.Contains(got.LastError, "\n") {
			t.Errorf("failures %d, last error %q; want 1, one line starting \"parse feed: \"", got.Failures, got.LastError)
		}
	})
}

func TestExcerptItems(t *testing.T) {
	items := []item{{"e1", "Storm damage", false}, {"f1", "Bridge reopens", true}, {"e2", "Port strike", false}}
	t.Run("page", func(t *testing.T) {
		var mu sync.Mutex
		var fetched []string
		page := func(ctx context.Context, url string) (*parallax.Article, error) {
			mu.Lock()
			fetched = append(fetched, url)
			mu.Unlock()
			if strings.HasSuffix(url, "/e2") {
				return nil, errors.New("HTTP 500")
			}
			return &parallax.Article{Title: "Page title", Author: "Page Author", Body: "Full text of " + url + ". " + articleText("page")}, nil
		}
		f := newFixture(t, 0, Options{Page: page}, items...)
		f.pollOnce(t)
		base := f.srv.srv.URL + "/news/"
		mu.Lock()
		if len(fetched) != 2 || !contains(fetched, base+"e1") || !contains(fetched, base+"e2") {
			t.Errorf("pages fetched %v, want the two excerpt items' links", fetched)
		}
		mu.Unlock()
		e1, err := f.st.Article(context.Background(), "e1")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(e1.Body, "Full text of "+base+"e1") || e1.Title != "Storm damage" || e1.Author != "Page Author" || e1.Source != "Test Gazette" {
			t.Errorf("e1: title %q author %q source %q body %.60q; want the page's text with the feed's metadata", e1.Title, e1.Author, e1.Source, e1.Body)
		}
		e2, err := f.st.Article(context.Background(), "e2")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(e2.Body, "the first lines of the report") {
			t.Errorf("e2 (page failed): body %q, want the excerpt", e2.Body)
		}
		// The feed changes; its known items cost no page fetch.
		f.srv.publish(append(items, item{"e3", "Rail delays", false})...)
		f.clock.Advance(time.Hour)
		f.pollOnce(t)
		mu.Lock()
		defer mu.Unlock()
		if len(fetched) != 3 || fetched[2] != base+"e3" {
			t.Errorf("pages fetched %v, want only e3's on the second poll", fetched)
		}
		if got := f.feed(t); got.Articles != 4 {
			t.Errorf("feed articles %d, want 4", got.Articles)
		}
	})
	t.Run("no page", func(t *testing.T) {
		f := newFixture(t, 0, Options{}, items...)
		f.pollOnce(t)
		a, err := f.st.Article(context.Background(), "e1")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Body, "Storm damage: the first lines") {
			t.Errorf("without Page the excerpt is kept: body %q", a.Body)
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRunWaitsForIngest(t *testing.T) {
	f := newFixture(t, 0, Options{Tick: 10 * time.Millisecond}, item{"a1", "Bridge reopens", true})
	f.ing.gate, f.ing.entered = make(chan struct{}), make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.p.Run(ctx) }()
	select {
	case <-f.ing.entered:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not poll the due feed")
	}
	cancel()
	select {
	case err := <-done:
		t.Fatalf("Run returned %v with an ingest in progress", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(f.ing.gate)
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run returned %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after the ingest finished")
	}
	got := f.feed(t)
	if got.Articles != 1 || got.Failures != 0 || got.LastSuccess.IsZero() {
		t.Errorf("the poll cut short by cancel was not completed: articles %d failures %d last success %v", got.Articles, got.Failures, got.LastSuccess)
	}
	if _, err := f.st.Article(context.Background(), "a1"); err != nil {
		t.Errorf("article not stored: %v", err)
	}
}

func TestCancelDuringFetchRecordsNothing(t *testing.T) {
	f := newFixture(t, 0, Options{}, item{"a1", "Bridge reopens", true})
	ctx, cancel := context.WithCancel(context.Background())
	f.srv.set(func(s *feedServer) { s.onRequest, s.hold = cancel, 200*time.Millisecond })
	_, err := f.p.PollOnce(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("PollOnce returned %v, want context.Canceled", err)
	}
	got := f.feed(t)
	if got.Failures != 0 || got.LastError != "" || !got.LastPolled.IsZero() || !got.NextPoll.IsZero() {
		t.Errorf("a cancelled fetch was recorded: %+v", got)
	}
	if f.polls.count() != 0 {
		t.Errorf("OnPoll called %d times for a cancelled poll", f.polls.count())
	}
}

func TestRunPollsOnTicks(t *testing.T) {
	f := newFixture(t, time.Minute, Options{Tick: 5 * time.Millisecond}, item{"a1", "Bridge reopens", true})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- f.p.Run(ctx) }()
	waitFor(t, func() bool { return f.polls.count() >= 1 })
	f.clock.Advance(2 * time.Minute)
	waitFor(t, func() bool { return f.polls.count() >= 2 })
	cancel()
	<-done
	if f.srv.hits() != 2 {
		t.Errorf("server saw %d requests, want 2 (one per due time, none between)", f.srv.hits())
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 5 s")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func TestConcurrencyBounded(t *testing.T) {
	st := newStore(t)
	srv := newFeedServer(t, item{"a1", "Bridge reopens", true})
	srv.set(func(s *feedServer) { s.hold = 30 * time.Millisecond })
	for i := range 9 {
		subscribe(t, st, fmt.Sprintf("%s?n=%d", srv.URL(), i), 0)
	}
	var n atomic.Int32
	p := New(st, &commitIngester{store: st}, Options{Client: client(), Concurrency: 3, OnPoll: func(parallax.FeedSubscription, int, error) { n.Add(1) }})
	polled, err := p.PollOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if polled != 9 || n.Load() != 9 {
		t.Fatalf("polled %d, OnPoll %d; want 9", polled, n.Load())
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.top > 3 || srv.top < 2 {
		t.Errorf("%d feeds fetched at once, want at most Concurrency (3) and more than one", srv.top)
	}
}

func TestPollNow(t *testing.T) {
	f := newFixture(t, time.Hour, Options{}, item{"a1", "Bridge reopens", true})
	ctx := context.Background()
	if err := f.p.Poll(ctx, f.sub.ID); err != nil {
		t.Fatal(err)
	}
	// Not due, polled anyway.
	if err := f.p.Poll(ctx, f.sub.ID); err != nil {
		t.Fatal(err)
	}
	if f.srv.hits() != 2 || f.polls.count() != 2 {
		t.Errorf("server hits %d, OnPoll %d; want 2, 2", f.srv.hits(), f.polls.count())
	}
	if err := f.p.Poll(ctx, "no-such-feed"); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("Poll of an unknown feed: %v, want ErrNotFound", err)
	}
	f.srv.fail(http.StatusBadGateway, "")
	err := f.p.Poll(ctx, f.sub.ID)
	var pe *Error
	if !errors.As(err, &pe) || pe.Reason != "HTTP 502 Bad Gateway" || pe.Feed != f.sub.ID {
		t.Errorf("Poll of a failing feed: %v, want its *Error", err)
	}
}

func TestPollJoinsPollInProgress(t *testing.T) {
	f := newFixture(t, 0, Options{}, item{"a1", "Bridge reopens", true})
	f.ing.gate, f.ing.entered = make(chan struct{}), make(chan struct{})
	first := make(chan error, 1)
	go func() { first <- f.p.Poll(context.Background(), f.sub.ID) }()
	<-f.ing.entered
	second := make(chan error, 1)
	go func() { second <- f.p.Poll(context.Background(), f.sub.ID) }()
	if n, err := f.p.PollOnce(context.Background()); n != 0 || err != nil {
		t.Errorf("PollOnce during a poll of the only feed: %d, %v; want 0, nil", n, err)
	}
	// Give the second Poll time to find the first in progress; had it
	// not, it would poll again after the first and the server would see
	// two requests.
	time.Sleep(50 * time.Millisecond)
	close(f.ing.gate)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	if f.srv.hits() != 1 {
		t.Errorf("server hits %d, want 1: a feed is never polled twice at once", f.srv.hits())
	}
}

func TestFeedRemovedWhilePolled(t *testing.T) {
	f := newFixture(t, 0, Options{}, item{"a1", "Bridge reopens", true})
	f.srv.set(func(s *feedServer) {
		s.onRequest = func() {
			if err := f.st.RemoveFeed(context.Background(), f.sub.ID); err != nil {
				t.Error(err)
			}
		}
	})
	if n, err := f.p.PollOnce(context.Background()); err != nil || n != 1 {
		t.Errorf("PollOnce: %d, %v; want 1, nil", n, err)
	}
	if _, err := f.st.Feed(context.Background(), f.sub.ID); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("removed feed came back: %v", err)
	}
}

func TestIngestFailure(t *testing.T) {
	f := newFixture(t, 0, Options{}, item{"a1", "Bridge reopens", true})
	f.p.ing = failingIngester{}
	f.pollOnce(t)
	got := f.feed(t)
	if got.Failures != 1 || got.LastError != "ingest: store unavailable" || got.ETag != "" {
		t.Errorf("failures %d, last error %q, etag %q; want 1, the ingest error, no validators (so the next poll fetches again)", got.Failures, got.LastError, got.ETag)
	}
}

type failingIngester struct{}

func (failingIngester) Ingest(context.Context, []*parallax.Article) ([]parallax.Ingested, error) {
	return nil, errors.New("store\nunavailable")
}
