package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func TestLRU(t *testing.T) {
	if c := newLRU(0); c != nil {
		t.Fatal("a cache of 0 bytes was made")
	}
	var none *lru
	none.put("a", "b")
	if _, ok := none.get("a"); ok || none.bytes() != 0 {
		t.Error("a nil cache kept something")
	}

	c := newLRU(10)
	c.put("a", "1234") // 5 bytes with its key
	c.put("b", "1234") // 10
	if _, ok := c.get("a"); !ok {
		t.Fatal("a is missing")
	}
	c.put("c", "12") // 13: b, the least recently used, goes
	if _, ok := c.get("b"); ok {
		t.Error("b was kept beyond the bound")
	}
	for _, k := range []string{"a", "c"} {
		if _, ok := c.get(k); !ok {
			t.Errorf("%s was dropped", k)
		}
	}
	if c.bytes() != 8 {
		t.Errorf("bytes = %d, want 8", c.bytes())
	}
	c.put("a", "123456789") // replaces a: 3 + 10 bytes, so c goes
	if v, _ := c.get("a"); v != "123456789" {
		t.Errorf("a = %q after replacing it", v)
	}
	if _, ok := c.get("c"); ok || c.bytes() != 10 {
		t.Errorf("c kept or bytes = %d after a grew", c.bytes())
	}
	c.put("big", strings.Repeat("x", 11))
	if _, ok := c.get("big"); ok {
		t.Error("a value larger than the bound was kept")
	}
	if _, ok := c.get("a"); !ok {
		t.Error("an oversized value pushed out what fits")
	}
}

func TestPageCacheVersions(t *testing.T) {
	c := newPageCache(1 << 10)
	c.put("s1", 7, []byte("page seven"))
	if p, ok := c.get("s1", 7); !ok || p != "page seven" {
		t.Errorf("get(s1, 7) = %q, %v", p, ok)
	}
	if _, ok := c.get("s1", 8); ok {
		t.Error("another version of the story was served")
	}
	c.put("s1", 8, []byte("page eight"))
	if _, ok := c.get("s1", 7); ok {
		t.Error("the old version outlived the new one")
	}
	var none *pageCache
	none.put("s1", 1, []byte("x"))
	if _, ok := none.get("s1", 1); ok {
		t.Error("a nil page cache kept a page")
	}
}

// counting is a real store that counts the calls that load article bodies.
type counting struct {
	parallax.Store
	storyArticles atomic.Int32
}

func (c *counting) StoryArticles(ctx context.Context, id string) ([]*parallax.Article, error) {
	c.storyArticles.Add(1)
	return c.Store.StoryArticles(ctx, id)
}

// TestStoryPageLoadsArticlesOnlyWhenNeeded checks a story whose brief
// describes every article is listed from the brief: the stored articles are
// read only to place citations in their text, once per article while the
// server runs.
func TestStoryPageLoadsArticlesOnlyWhenNeeded(t *testing.T) {
	f := newFixture(t)
	store := &counting{Store: f.store}
	h := handler(t, store, Options{PageCacheBytes: -1})
	_, _, first := get(t, h, "/stories/kessling")
	if n := store.storyArticles.Load(); n > 1 {
		t.Errorf("one page read the story's articles %d times", n)
	}
	before := store.storyArticles.Load()
	for range 3 {
		_, _, again := get(t, h, "/stories/kessling")
		if again != first {
			t.Fatal("the page changed between two requests")
		}
	}
	if n := store.storyArticles.Load(); n != before {
		t.Errorf("rendering the page again read the story's articles %d more times", n-before)
	}
	for _, a := range f.arts {
		mustContain(t, "articles", first, `href="/articles/`+a.ID+`"`, esc(a.Title))
	}
}

// lateArticle joins the example's story after its brief was made.
var lateArticle = &parallax.Article{
	ID: "late-gazette-1", Source: "Late Gazette", Title: "Kessling fire: what we know a day later",
	URL: "https://late.example/kessling", Published: time.Date(2026, 3, 6, 9, 30, 0, 0, time.UTC),
	Body: "The fire at the Kessling plant was put out on Thursday morning, the fire service said.",
}

func addLateArticle(t *testing.T, f *fixture) {
	t.Helper()
	_, err := f.store.Commit(context.Background(), parallax.Batch{
		Articles:    []*parallax.Article{lateArticle},
		Assignments: []parallax.Assignment{{Article: lateArticle.ID, Story: storyID}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestStoryPageAfterNewArticle checks a kept page is not served once the
// story changed, and that a brief older than the story's articles does not
// hide the new ones.
func TestStoryPageAfterNewArticle(t *testing.T) {
	f := newFixture(t)
	s, err := newServer(f.store, Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := s.handler()
	_, hdr1, first := get(t, h, "/stories/kessling")
	if s.storyPages.lru.bytes() < len(first) {
		t.Fatalf("the page was not kept: %d bytes kept for a %d-byte page", s.storyPages.lru.bytes(), len(first))
	}
	code, hdr2, again := get(t, h, "/stories/kessling")
	if code != http.StatusOK || again != first {
		t.Fatalf("the kept page differs from the one rendered (%d)", code)
	}
	for _, k := range []string{"Content-Type", "Content-Security-Policy", "Cache-Control"} {
		if hdr1.Get(k) != hdr2.Get(k) {
			t.Errorf("%s = %q for the kept page, %q when rendered", k, hdr2.Get(k), hdr1.Get(k))
		}
	}
	if strings.Contains(first, esc(lateArticle.Title)) {
		t.Fatal("the late article is on the page before it was stored")
	}

	addLateArticle(t, f)
	_, _, after := get(t, h, "/stories/kessling")
	mustContain(t, "after a new article", after, "7 articles", esc(lateArticle.Title), `href="/articles/`+lateArticle.ID+`"`,
		"Late Gazette <span class=\"muted\">(1)</span>")
	if i, j := strings.Index(after, esc(f.arts[len(f.arts)-1].Title)+"</a></h3>"), strings.Index(after, esc(lateArticle.Title)+"</a></h3>"); i < 0 || j < i {
		t.Error("the late article is not listed last, in ingest order")
	}
	_, _, fresh := get(t, handler(t, f.store, Options{PageCacheBytes: -1}), "/stories/kessling")
	if after != fresh {
		t.Error("the page after the change differs from one rendered without a cache")
	}

	// When the store cannot give the articles, the brief's list is shown
	// and the page says what is missing.
	broken := failing{Store: f.store, err: errors.New("disk on fire"), fail: map[string]bool{"StoryArticles": true}}
	_, _, partial := get(t, handler(t, broken, Options{}), "/stories/kessling")
	mustContain(t, "without stored articles", partial, "Not shown: the story&#39;s stored articles", "6 articles")
	if strings.Contains(partial, esc(lateArticle.Title)) {
		t.Error("the brief's list shows an article the brief does not have")
	}
}

func TestHomePageKept(t *testing.T) {
	f := newFixture(t)
	s, err := newServer(f.store, Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := s.handler()
	_, _, first := get(t, h, "/")
	if s.homePage.Load() == nil {
		t.Fatal("the home page was not kept")
	}
	if _, _, again := get(t, h, "/"); again != first {
		t.Fatal("the kept home page differs from the one rendered")
	}
	_, err = f.store.Commit(context.Background(), parallax.Batch{
		Articles:    []*parallax.Article{lateArticle},
		Assignments: []parallax.Assignment{{Article: lateArticle.ID, Story: "late-story"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, _, after := get(t, h, "/")
	mustContain(t, "home after a new story", after, `href="/stories/late-story"`, esc(lateArticle.Title))
	if _, _, fresh := get(t, handler(t, f.store, Options{PageCacheBytes: -1}), "/"); after != fresh {
		t.Error("the home page after the change differs from one rendered without a cache")
	}
}

// TestConcurrentPages serves the story, home and article pages from many
// goroutines with a page cache too small for every page, so that pages are
// kept, evicted and rendered again at the same time (run with -race).
func TestConcurrentPages(t *testing.T) {
	f := newFixture(t)
	cl := f.brief.Facts[0].Claims[0]
	paths := []string{"/", "/stories/kessling", "/articles/" + cl.Article, "/stories/nope"}
	want := map[string]string{}
	ref := handler(t, f.store, Options{PageCacheBytes: -1})
	for _, p := range paths {
		_, _, want[p] = get(t, ref, p)
	}
	h := handler(t, f.store, Options{PageCacheBytes: len(want["/stories/kessling"]) + 100})
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for i := range 12 {
				p := paths[(g+i)%len(paths)]
				if _, _, body := get(t, h, p); body != want[p] {
					errs <- p
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for p := range errs {
		t.Errorf("%s differs from the page rendered alone", p)
	}
}
