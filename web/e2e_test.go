package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parallax-news/parallax"
)

// browserPath finds Debian's chromium (or another Chrome) for the end-to-end
// test; "" when none is installed.
func browserPath() string {
	if p := os.Getenv("PARALLAX_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// artifactsDir is where screenshots go: $PARALLAX_ARTIFACTS, or a directory
// under the system's temporary directory that outlives the test.
func artifactsDir(t *testing.T) string {
	dir := os.Getenv("PARALLAX_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "parallax-web-e2e")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artifacts: %v", err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// needBrowser returns the Chromium to drive, or skips t when there is none
// (failing instead when PARALLAX_BROWSER_REQUIRED=1) or in -short mode.
func needBrowser(t *testing.T) string {
	t.Helper()
	exe := browserPath()
	if exe == "" {
		msg := "no Chromium for the end-to-end test: install Debian's chromium: apt-get install chromium"
		if os.Getenv("PARALLAX_BROWSER_REQUIRED") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if testing.Short() {
		t.Skip("end-to-end browser test skipped in -short mode")
	}
	return exe
}

// newBrowser starts a headless Chromium from exe with a 1280×900 window and
// a profile in a temporary directory; the browser stops when t ends. The
// browser process starts on the first action run on the returned context.
func newBrowser(t *testing.T, exe string) context.Context {
	t.Helper()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return ctx
}

// TestBrowser drives the interface in a real headless Chromium: home → story
// → citation → highlighted sentence, search as you type, the keyboard path
// through the skip link, and a 375-px phone screen on every page.
func TestBrowser(t *testing.T) {
	exe := needBrowser(t)
	f := newFixture(t)
	srv := httptest.NewServer(handler(t, f.store, Options{Version: "e2e"}))
	defer srv.Close()
	dir := artifactsDir(t)
	ctx := newBrowser(t, exe)

	// Problems the page reports: script errors and console errors (a
	// Content-Security-Policy violation shows up as one).
	var mu sync.Mutex
	var problems []string
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				problems = append(problems, fmt.Sprintf("console %s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	}); err != nil {
		t.Fatalf("start chromium %s: %v", exe, err)
	}
	// One deadline for the whole run, set after the browser started.
	ctx, cancelRun := context.WithTimeout(ctx, 60*time.Second)
	defer cancelRun()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := func() string {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(loc)
		return u.Path
	}

	// Home → the story.
	do("open home", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("ol.rows a")))
	shot("home.png")
	do("click story", chromedp.Click(chromedp.CSS("#growing-h ~ ol.rows a")), chromedp.WaitVisible(chromedp.CSS("article.story h1")))
	if p := path(); p != "/stories/"+storyID {
		t.Fatalf("after clicking the story: at %s", p)
	}
	do("timeline chart", chromedp.WaitVisible(chromedp.CSS("#timeline-chart canvas")))
	shot("story.png")

	// A citation of the summary → the article with the sentence marked.
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#summary a.cite"), "href"))
	if err != nil || !href.Exists {
		t.Fatalf("summary citation: %v", err)
	}
	article, sp := citation(t, href.Value)
	doc := f.docs[article]
	if doc == nil {
		t.Fatalf("citation %s names unknown article %q", href.Value, article)
	}
	cited := doc.Slice(sp)
	if !isClaimSentence(f.brief, article, cited) {
		t.Errorf("citation %s highlights %q, not a cited sentence of %s", href.Value, cited, article)
	}
	do("click citation", chromedp.Click(chromedp.CSS("#summary a.cite")), chromedp.WaitVisible(chromedp.CSS("mark#cited")))
	if p := path(); p != "/articles/"+article {
		t.Fatalf("after clicking the citation: at %s", p)
	}
	marked, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("mark#cited")))
	if err != nil {
		t.Fatal(err)
	}
	if marked != cited || cited == "" {
		t.Errorf("<mark> holds %q, want the cited sentence %q", marked, cited)
	}
	inView, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
		const r = document.querySelector('mark#cited').getBoundingClientRect();
		return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
	})()`, chromedp.WithPollingTimeout(3*time.Second)))
	if err != nil || !inView {
		t.Errorf("the highlighted sentence is not scrolled into view (%v)", err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('p.back a').length`)); err != nil || n != 1 {
		t.Errorf("article page: %d links back to the story (%v), want 1", n, err)
	}
	shot("article.png")

	// Search as you type: htmx replaces the results without leaving home.
	do("open home", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	do("type a search", chromedp.SendKeys(chromedp.ID("q"), "toluene"))
	do("wait for results", chromedp.WaitVisible(chromedp.CSS("#search-results ol.rows a")))
	if p := path(); p != "/" {
		t.Errorf("search as you type navigated to %s", p)
	}
	got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#search-results")))
	if err != nil {
		t.Fatal(err)
	}
	if title := f.arts[0].Title; !strings.Contains(got, "toluene") || !strings.Contains(got, storyTitle(f)) {
		t.Errorf("search results %q lack the query or the story %q (first article %q)", got, storyTitle(f), title)
	}
	do("type a search with no match", chromedp.SendKeys(chromedp.ID("q"), " zzqxv"))
	do("wait for no results", chromedp.WaitNotPresent(chromedp.CSS("#search-results ol.rows")))

	// Keyboard: the first Tab reaches the skip link, Enter moves to main,
	// further Tabs reach the first story, Enter opens it.
	do("open home", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	do("tab", chromedp.KeyEvent(kb.Tab))
	if cls := eval(`document.activeElement.className`); cls != "skip" {
		t.Fatalf("first Tab focuses %v, want the skip link", cls)
	}
	if vis := eval(`(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.height > 0 })()`); vis != true {
		t.Errorf("the focused skip link is not visible")
	}
	do("enter", chromedp.KeyEvent(kb.Enter))
	if id := eval(`document.activeElement.id`); id != "main" {
		t.Errorf("Enter on the skip link focuses %v, want main", id)
	}
	reached := false
	for i := 0; i < 12 && !reached; i++ {
		do("tab", chromedp.KeyEvent(kb.Tab))
		reached = eval(`document.activeElement.matches('ol.rows a')`) == true
	}
	if !reached {
		t.Fatal("Tab never reached a story link")
	}
	do("enter on a story", chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS("article.story h1")))

	// A phone: nothing may scroll sideways, on any page.
	do("phone viewport", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
	pages := []string{
		"/",
		"/stories/" + storyID,
		f.brief.Articles[0].ID,
		"/search?q=chemical+fire",
		"/quotes?speaker=" + url.QueryEscape("Ilse Brandt"),
		"/entities/" + url.PathEscape("Veltran Chemicals"),
		"/no/such/page",
	}
	pages[2] = "/articles/" + url.PathEscape(article) + fmt.Sprintf("?s=%d-%d#cited", sp.Start, sp.End)
	for _, p := range pages {
		do("open "+p, chromedp.Navigate(srv.URL+p), chromedp.WaitVisible(chromedp.CSS("main h1")))
		if p == "/stories/"+storyID {
			do("timeline chart", chromedp.WaitVisible(chromedp.CSS("#timeline-chart canvas")))
		}
		w := eval(`document.documentElement.scrollWidth`)
		if n, ok := w.(float64); !ok || n > 375 {
			wide := eval(`Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 376).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')`)
			t.Errorf("phone: %s is %v px wide, more than 375 (widest: %v)", p, w, wide)
		}
		if p == "/stories/"+storyID {
			shot("phone-story.png")
		}
	}

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		// The 404 page answers 404, and the browser logs that.
		if strings.Contains(p, "status of 404") && strings.Contains(p, "/no/such/page") {
			continue
		}
		t.Errorf("browser: %s", p)
	}
}

// citation reads an article id and span from a citation link.
func citation(t *testing.T, href string) (string, parallax.Span) {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	id, ok := strings.CutPrefix(u.Path, "/articles/")
	if !ok {
		t.Fatalf("citation %s is not an article link", href)
	}
	var sp parallax.Span
	if _, err := fmt.Sscanf(u.Query().Get("s"), "%d-%d", &sp.Start, &sp.End); err != nil {
		t.Fatalf("citation %s has no span: %v", href, err)
	}
	if u.Fragment != "cited" {
		t.Errorf("citation %s does not scroll to the highlight", href)
	}
	return id, sp
}

// isClaimSentence reports whether text is a sentence the brief cites from
// article.
func isClaimSentence(b *parallax.Brief, article, text string) bool {
	for _, f := range b.Facts {
		for _, c := range f.Claims {
			if c.Article == article && c.Sentence == text {
				return true
			}
		}
	}
	return false
}

// storyTitle is the title the store gives the fixture's story.
func storyTitle(f *fixture) string {
	st, _, err := f.store.Story(context.Background(), storyID)
	if err != nil {
		return ""
	}
	return st.Title
}
