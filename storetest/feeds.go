package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// feedID is the specified ID of a feed whose URL is already normalized.
func feedID(normalized string) string {
	h := sha256.Sum256([]byte(normalized))
	return hex.EncodeToString(h[:])[:12]
}

func feedIDs(subs []parallax.FeedSubscription) []string {
	out := []string{}
	for _, f := range subs {
		out = append(out, f.ID)
	}
	return out
}

func addFeed(t *testing.T, s parallax.Store, f parallax.FeedSubscription) (parallax.FeedSubscription, bool) {
	t.Helper()
	sub, created, err := s.AddFeed(t.Context(), f)
	if err != nil {
		t.Fatalf("AddFeed(%q): %v", f.URL, err)
	}
	return sub, created
}

// sameFeed compares every field, times by Equal.
func sameFeed(t *testing.T, what string, got, want parallax.FeedSubscription) {
	t.Helper()
	times := [][2]time.Time{
		{got.Added, want.Added}, {got.LastPolled, want.LastPolled},
		{got.LastSuccess, want.LastSuccess}, {got.NextPoll, want.NextPoll},
	}
	for i, p := range times {
		if !p[0].Equal(p[1]) {
			t.Errorf("%s: time %d = %v, want %v", what, i, p[0], p[1])
		}
	}
	got.Added, got.LastPolled, got.LastSuccess, got.NextPoll = want.Added, want.LastPolled, want.LastSuccess, want.NextPoll
	if got != want {
		t.Errorf("%s = %+v\nwant %+v", what, got, want)
	}
}

func testFeeds(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	before := time.Now().Add(-time.Second)

	// The first subscription keeps the caller's Added and Interval; poll
	// status in f is ignored.
	f1, created := addFeed(t, s, parallax.FeedSubscription{URL: " https://example.com/feed.xml ", Source: "Example News",
		Interval: 90 * time.Second, Added: at(0), Title: "ignored", Failures: 3, Articles: 9})
	want1 := parallax.FeedSubscription{ID: feedID("https://example.com/feed.xml"), URL: "https://example.com/feed.xml",
		Source: "Example News", Interval: 90 * time.Second, Added: at(0)}
	if !created {
		t.Error("first AddFeed: created = false")
	}
	sameFeed(t, "AddFeed", f1, want1)
	if got, err := s.Feed(ctx, f1.ID); err != nil {
		t.Errorf("Feed(%s): %v", f1.ID, err)
	} else {
		sameFeed(t, "Feed", got, want1)
	}

	// The same URL, written differently, is the same subscription.
	for _, u := range []string{
		"https://example.com/feed.xml",
		"HTTPS://Example.COM:443/feed.xml?utm_source=newsletter&utm_medium=email#latest",
	} {
		sub, created := addFeed(t, s, parallax.FeedSubscription{URL: u, Source: "Other name", Interval: time.Hour})
		if created {
			t.Errorf("AddFeed(%q) of a subscribed URL: created = true", u)
		}
		sameFeed(t, fmt.Sprintf("AddFeed(%q) of a subscribed URL", u), sub, want1)
	}

	// Defaults: Interval 15 minutes, Added now.
	f2, created := addFeed(t, s, parallax.FeedSubscription{URL: "https://EXAMPLE.org?utm_campaign=x"})
	if !created || f2.ID != feedID("https://example.org/") || f2.Interval != 15*time.Minute ||
		f2.Added.Before(before) || f2.Added.After(time.Now().Add(time.Second)) || f2.URL != "https://EXAMPLE.org?utm_campaign=x" {
		t.Errorf("AddFeed with defaults = %+v, created %v; want id %s, 15m interval, added now", f2, created, feedID("https://example.org/"))
	}
	if sub, created := addFeed(t, s, parallax.FeedSubscription{URL: "https://example.org/"}); created || sub.ID != f2.ID {
		t.Errorf("AddFeed of the same host with a slash = %+v, created %v; want %s", sub, created, f2.ID)
	}
	f3, _ := addFeed(t, s, parallax.FeedSubscription{URL: "http://feeds.example.net/rss?lang=en&b=2", Source: "Net"})

	for _, f := range []parallax.FeedSubscription{
		{URL: ""},
		{URL: "example.com/feed"},
		{URL: "ftp://example.com/feed"},
		{URL: "file:///etc/passwd"},
		{URL: "https://"},
		{URL: "mailto:news@example.com"},
		{URL: "https://example.com/ok", Interval: -time.Minute},
		{URL: "https://example.com/ok", Interval: time.Millisecond},
	} {
		_, _, err := s.AddFeed(ctx, f)
		wantCode(t, fmt.Sprintf("AddFeed(%q, %v)", f.URL, f.Interval), err, parallax.EINVALID)
	}

	list, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := feedIDs(list); !slices.Equal(got, []string{f1.ID, f2.ID, f3.ID}) {
		t.Errorf("Feeds = %v, want [%s %s %s]", got, f1.ID, f2.ID, f3.ID)
	}

	// UpdateFeed stores the poll status and nothing else.
	upd := parallax.FeedSubscription{
		ID: f1.ID, URL: "https://evil.example/", Source: "changed", Interval: time.Second, Added: at(-50),
		Title: "Example — Nachrichten", ETag: `W/"abc"`, LastModified: "Fri, 10 May 2024 08:00:00 GMT",
		LastPolled: at(2), LastSuccess: at(1), NextPoll: at(3), Failures: 2, LastError: "fetch: 503 Service Unavailable", Articles: 41,
	}
	if err := s.UpdateFeed(ctx, upd); err != nil {
		t.Fatal(err)
	}
	wantUpd := upd
	wantUpd.URL, wantUpd.Source, wantUpd.Interval, wantUpd.Added = want1.URL, want1.Source, want1.Interval, want1.Added
	got, err := s.Feed(ctx, f1.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameFeed(t, "Feed after UpdateFeed", got, wantUpd)
	// Status can be cleared again.
	clear := parallax.FeedSubscription{ID: f1.ID, LastPolled: at(4), Articles: 41}
	if err := s.UpdateFeed(ctx, clear); err != nil {
		t.Fatal(err)
	}
	wantClear := want1
	wantClear.LastPolled, wantClear.Articles = at(4), 41
	if got, err := s.Feed(ctx, f1.ID); err != nil {
		t.Fatal(err)
	} else {
		sameFeed(t, "Feed after clearing UpdateFeed", got, wantClear)
	}

	// Removing: gone from Feed, Feeds and updates; adding again puts it
	// last.
	if err := s.RemoveFeed(ctx, f2.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Feed(ctx, f2.ID); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("Feed of a removed feed: err = %v, want ErrNotFound", err)
	}
	if err := s.UpdateFeed(ctx, parallax.FeedSubscription{ID: f2.ID, Failures: 1}); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("UpdateFeed of a removed feed: err = %v, want ErrNotFound", err)
	}
	if err := s.RemoveFeed(ctx, f2.ID); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("second RemoveFeed: err = %v, want ErrNotFound", err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Feeds != 2 {
		t.Errorf("Stats after a removal = %+v, %v; want 2 feeds", st, err)
	}
	again, created := addFeed(t, s, parallax.FeedSubscription{URL: "https://example.org/", Source: "Back", Added: at(9)})
	if !created || again.ID != f2.ID || again.Source != "Back" || !again.Added.Equal(at(9)) {
		t.Errorf("AddFeed after RemoveFeed = %+v, created %v", again, created)
	}
	list, err = s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := feedIDs(list); !slices.Equal(got, []string{f1.ID, f3.ID, f2.ID}) {
		t.Errorf("Feeds after re-adding = %v, want [%s %s %s]", got, f1.ID, f3.ID, f2.ID)
	}
	sameFeed(t, "Feeds[0]", list[0], wantClear)
}

func testStats(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	if st, err := s.Stats(ctx); err != nil || st != (parallax.StoreStats{}) {
		t.Errorf("Stats of an empty store = %+v, %v", st, err)
	}
	commit(t, s, parallax.Batch{
		Articles: []*parallax.Article{
			art("a", "X", "A", "", at(0)), art("b", "X", "B", "", at(0)), art("c", "X", "C", "", at(0)), art("d", "X", "D", "", at(0)),
		},
		Assignments: []parallax.Assignment{{Article: "a", Story: "s1"}, {Article: "b", Story: "s2"}, {Article: "c", Story: "s3"}},
	})
	// s3 loses its only article: it is not counted.
	commit(t, s, parallax.Batch{Assignments: []parallax.Assignment{{Article: "c", Story: "s1"}}})
	for _, u := range []string{"https://a.example/", "https://b.example/", "https://c.example/"} {
		addFeed(t, s, parallax.FeedSubscription{URL: u})
	}
	list, err := s.Feeds(ctx)
	if err != nil || len(list) != 3 {
		t.Fatalf("Feeds = %d, %v", len(list), err)
	}
	if err := s.RemoveFeed(ctx, list[1].ID); err != nil {
		t.Fatal(err)
	}
	want := parallax.StoreStats{Articles: 4, Stories: 2, Feeds: 2}
	if st, err := s.Stats(ctx); err != nil || st != want {
		t.Errorf("Stats = %+v, %v; want %+v", st, err, want)
	}
}

// testConcurrentReaders reads while one writer commits batches of per
// articles, each with a story and a brief listing exactly those articles:
// a reader that sees part of a batch fails.
func testConcurrentReaders(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	const batches, per, readers = 15, 4, 4
	var wg sync.WaitGroup
	done := make(chan struct{})
	errs := make(chan error, readers*4)
	for r := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fail := func(err error) { errs <- fmt.Errorf("reader %d: %w", r, err) }
			for reads := 0; ; reads++ {
				select {
				case <-done:
					if reads == 0 {
						fail(errors.New("never read"))
					}
					return
				default:
				}
				time.Sleep(200 * time.Microsecond) // leave the writer some CPU
				st, err := s.Stats(ctx)
				if err != nil {
					fail(err)
					return
				}
				if st.Articles%per != 0 || st.Articles != st.Stories*per {
					fail(fmt.Errorf("half a batch visible: %+v", st))
					return
				}
				sums, err := s.Stories(ctx, parallax.StoryQuery{Search: "harbour", Limit: 5})
				if err != nil {
					fail(err)
					return
				}
				for _, sum := range sums {
					if sum.Articles != per || sum.Independent != per {
						fail(fmt.Errorf("story %s seen half-written: %+v", sum.ID, sum))
						return
					}
					story, brief, err := s.Story(ctx, sum.ID)
					if err != nil {
						fail(err)
						return
					}
					if brief == nil || len(brief.Articles) != len(story.Articles) {
						fail(fmt.Errorf("story %s: %d articles, brief %v", sum.ID, len(story.Articles), brief != nil))
						return
					}
				}
				hits, err := s.Quotes(ctx, parallax.QuoteQuery{Speaker: "Harbour Master"})
				if err != nil {
					fail(err)
					return
				}
				if len(hits)%per != 0 {
					fail(fmt.Errorf("%d quotes visible: half a brief", len(hits)))
					return
				}
			}
		}()
	}
	for i := range batches {
		b := parallax.Batch{Checkpoints: []parallax.Checkpoint{{Source: "src", Value: fmt.Sprint(i)}}}
		st := parallax.Story{ID: fmt.Sprintf("s%02d", i)}
		brief := &parallax.Brief{}
		for j := range per {
			id := fmt.Sprintf("a%02d-%d", i, j)
			b.Articles = append(b.Articles, art(id, fmt.Sprint("Outlet ", j), "Harbour closed "+id,
				fmt.Sprintf("The harbour was closed in report %s after storm number %d.", id, i*per+j), at(i)))
			st.Articles = append(st.Articles, id)
			brief.Articles = append(brief.Articles, parallax.ArticleRef{ID: id, Origin: id})
			brief.Quotes = append(brief.Quotes, parallax.QuoteRef{Article: id, Speaker: "Harbour Master Tom Ridley", Text: "Closed " + id})
		}
		b.Stories = []parallax.StoryUpdate{{Story: st, Brief: brief}}
		commit(t, s, b)
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != batches*per {
		t.Errorf("Stats = %+v, %v; want %d articles", st, err, batches*per)
	}
	if cp, err := s.Checkpoint(ctx, "src"); err != nil || cp != fmt.Sprint(batches-1) {
		t.Errorf("Checkpoint = %q, %v", cp, err)
	}
}
