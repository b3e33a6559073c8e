package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/normalize"
)

func TestNew(t *testing.T) {
	if _, err := New(nil, Options{}); err == nil {
		t.Error("New(nil store) did not fail")
	}
	f := newFixture(t)
	if _, err := New(f.store, Options{BasePath: "ui"}); err == nil {
		t.Error("a base path without a leading slash was accepted")
	}
}

func TestHome(t *testing.T) {
	f := newFixture(t)
	h := handler(t, f.store, Options{Title: "Newsroom", Version: "v9.9"})
	code, hdr, body := get(t, h, "/")
	if code != http.StatusOK {
		t.Fatalf("GET / = %d", code)
	}
	title := storyTitle(f)
	mustContain(t, "home", body,
		"<title>Newsroom</title>", "v9.9",
		`<a href="/stories/kessling">`+esc(title)+`</a>`,
		"6 outlets", "5 independent sources", "6 articles",
		// growing: the five reports from 06:00 on March 4, the day before
		// the latest (the Valley Herald's, dated midnight, is older)
		`<span class="recent">5 new reports in the day</span>`,
		`datetime="2026-03-05T06:00:00Z"`,
		`<form class="search" role="search" action="/search" method="get">`,
		`hx-get="/search"`, `hx-trigger="keyup changed delay:300ms, search"`, `hx-target="#search-results"`,
		`<a class="skip" href="#main">`, `<main id="main"`,
	)
	if got := hdr.Get("Content-Security-Policy"); !strings.Contains(got, "script-src 'self'") {
		t.Errorf("CSP = %q", got)
	}
	checkHeadings(t, "home", body)
}

// esc escapes s the way html/template writes text.
func esc(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}

// link is one <a href> of a page with the text inside it.
type link struct {
	href, text, class string
	section           string // id of the outermost enclosing section
}

// hrefs is the set of link targets of a page.
func hrefs(links []link) map[string]bool {
	out := map[string]bool{}
	for _, l := range links {
		out[l.href] = true
	}
	return out
}

// parsePage parses body and returns its links.
func parsePage(t *testing.T, body string) (*html.Node, []link) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out []link
	var walk func(n *html.Node, section string)
	walk = func(n *html.Node, section string) {
		if n.Type == html.ElementNode {
			if n.Data == "section" && attr(n, "id") != "" && section == "" {
				section = attr(n, "id")
			}
			if n.Data == "a" {
				out = append(out, link{href: attr(n, "href"), text: textOf(n), class: attr(n, "class"), section: section})
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, section)
		}
	}
	walk(doc, "")
	return doc, out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// find returns the elements named tag, in document order.
func find(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// checkHeadings fails when a page has not exactly one h1 or skips a level.
func checkHeadings(t *testing.T, page, body string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	prev, h1 := 0, 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			level := int(n.Data[1] - '0')
			if level == 1 {
				h1++
			}
			if level > prev+1 {
				t.Errorf("%s: <%s> %q follows an h%d", page, n.Data, textOf(n), prev)
			}
			prev = level
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if h1 != 1 {
		t.Errorf("%s: %d h1 headings, want 1", page, h1)
	}
}

var citeHref = regexp.MustCompile(`^/articles/([^/?#]+)\?s=(\d+)-(\d+)#cited$`)

func TestStory(t *testing.T) {
	f := newFixture(t)
	h := handler(t, f.store, Options{})
	code, _, body := get(t, h, "/stories/kessling")
	if code != http.StatusOK {
		t.Fatalf("GET story = %d", code)
	}
	checkHeadings(t, "story", body)
	for _, id := range []string{"summary", "disputed", "agreed", "quotes", "unique", "wording", "timeline", "entities", "articles"} {
		if !strings.Contains(body, `<section id="`+id+`"`) {
			t.Errorf("story page has no %s section", id)
		}
	}
	// The outlet legend names every outlet, and so does every citation.
	for _, r := range f.brief.Articles {
		mustContain(t, "legend", body, esc(r.Source)+` <span class="muted">(`)
	}

	// Every citation opens an existing article at a span of its normalized
	// text; summary citations land exactly on a sentence the brief cites.
	doc, links := parsePage(t, body)
	cites := 0
	perSection := map[string]int{}
	for _, l := range links {
		if !strings.Contains(l.class, "cite") && l.class != "quiet" {
			continue
		}
		m := citeHref.FindStringSubmatch(l.href)
		if m == nil {
			t.Errorf("citation %q in %s has no span", l.href, l.section)
			continue
		}
		id, _ := url.PathUnescape(m[1])
		d := f.docs[id]
		if d == nil {
			t.Errorf("citation %q names an unknown article", l.href)
			continue
		}
		var sp parallax.Span
		fmt.Sscan(m[2], &sp.Start)
		fmt.Sscan(m[3], &sp.End)
		if sp.End > len(d.Text) || sp.Start >= sp.End {
			t.Errorf("citation %q is outside the article's %d bytes", l.href, len(d.Text))
			continue
		}
		if l.class != "quiet" && l.text != d.Article.Source {
			t.Errorf("citation %q reads %q, want the outlet %q", l.href, l.text, d.Article.Source)
		}
		if l.section == "summary" && !isClaimSentence(f.brief, id, d.Slice(sp)) {
			t.Errorf("summary citation %q highlights %q, not a cited sentence", l.href, d.Slice(sp))
		}
		if l.class == "quiet" && d.Slice(sp) != l.text {
			t.Errorf("unique sentence link %q highlights %q, its text is %q", l.href, d.Slice(sp), l.text)
		}
		cites++
		perSection[l.section]++
	}
	for _, s := range []string{"summary", "disputed", "agreed", "quotes", "unique", "wording", "timeline"} {
		if perSection[s] == 0 {
			t.Errorf("no citation in section %s", s)
		}
	}
	t.Logf("%d citations: %v", cites, perSection)

	// The summary has one item per line, each with a citation per article.
	items := 0
	for _, ol := range find(doc, "ol") {
		if attr(ol, "class") == "summary" {
			for _, li := range find(ol, "li") {
				items++
				if n := len(find(li, "a")); n != len(f.brief.Summary[items-1].Articles) {
					t.Errorf("summary line %d has %d citations, want %d", items, n, len(f.brief.Summary[items-1].Articles))
				}
			}
		}
	}
	if items != len(f.brief.Summary) {
		t.Errorf("summary shows %d lines, the brief has %d", items, len(f.brief.Summary))
	}

	// Disputed facts show every variant; speakers head their quotes.
	disputes := 0
	for _, fc := range f.brief.Facts {
		if fc.Status != parallax.Conflict && fc.Status != parallax.AttributionSplit {
			continue
		}
		disputes++
		for _, v := range fc.Variants {
			mustContain(t, "disputes", body, `<p class="v-text">“`+esc(v.Text)+`”</p>`)
		}
	}
	if disputes == 0 {
		t.Fatal("the fixture has no disputed fact")
	}
	if got := strings.Count(body, `<section class="dispute `); got != disputes {
		t.Errorf("%d disputes shown, want %d", got, disputes)
	}
	targets := hrefs(links)
	for _, q := range f.brief.Quotes {
		if q.Speaker != "" {
			mustContain(t, "quotes", body, "<h3>"+esc(q.Speaker)+"</h3>")
			if !targets["/quotes?speaker="+url.QueryEscape(q.Speaker)] {
				t.Errorf("no link to the quotes of %q", q.Speaker)
			}
		}
	}
	for _, e := range f.brief.Entities {
		if !targets["/entities/"+url.PathEscape(e.Name)] {
			t.Errorf("no link to the entity %q", e.Name)
		}
	}

	// The timeline table and the chart hold the same events.
	rows := 0
	for _, tb := range find(doc, "table") {
		if strings.Contains(attr(tb, "class"), "events") {
			rows = len(find(tb, "tr")) - 1
		}
	}
	if rows != len(f.brief.Timeline) {
		t.Errorf("timeline table has %d rows, the brief %d entries", rows, len(f.brief.Timeline))
	}
	var chart chartData
	for _, s := range find(doc, "script") {
		if attr(s, "id") == "timeline-data" {
			if err := json.Unmarshal([]byte(textOf(s)), &chart); err != nil {
				t.Fatalf("chart data: %v", err)
			}
		}
	}
	events, published := 0, 0
	for i := range chart.X {
		events += chart.Events[i]
		published += chart.Published[i]
		if len(chart.Texts[i]) != chart.Events[i] {
			t.Errorf("chart bin %d: %d events, %d texts", i, chart.Events[i], len(chart.Texts[i]))
		}
	}
	if events != len(f.brief.Timeline) || published != len(f.arts) {
		t.Errorf("chart counts %d events and %d articles, want %d and %d", events, published, len(f.brief.Timeline), len(f.arts))
	}

	// The articles list links every article and its original.
	for _, a := range f.arts {
		mustContain(t, "articles", body, `href="/articles/`+url.PathEscape(a.ID)+`"`, `href="`+a.URL+`"`)
	}
}

// TestCitationText checks the fallback text search agrees with the spans of
// the analysis: both index the same normalized text.
func TestCitationText(t *testing.T) {
	f := newFixture(t)
	for _, a := range f.arts {
		text, _ := normalize.Text(a.Body)
		if text != analyze.Article(a).Text {
			t.Errorf("%s: normalize.Text differs from the analyzed text", a.ID)
		}
	}
}

func TestNotFound(t *testing.T) {
	f := newFixture(t)
	h := handler(t, f.store, Options{})
	for _, path := range []string{"/stories/nope", "/articles/nope", "/entities/Nobody%20Atall", "/no/such/page", "/static/nope.js", "/stories/"} {
		code, _, body := get(t, h, path)
		if code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, code)
		}
		mustContain(t, path, body, `<header class="site">`, "<h1>Page not found</h1>", `<a href="/">Back to the stories</a>`)
	}
	req, _ := http.NewRequest(http.MethodPost, "/stories/kessling", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST story = %d, want 405", rec.Code)
	}
}

func TestArticle(t *testing.T) {
	f := newFixture(t)
	h := handler(t, f.store, Options{})
	fc := f.brief.Facts[0]
	cl := fc.Claims[0]
	a := f.docs[cl.Article].Article
	path := fmt.Sprintf("/articles/%s?s=%d-%d", url.PathEscape(cl.Article), cl.Span.Start, cl.Span.End)
	code, _, body := get(t, h, path)
	if code != http.StatusOK {
		t.Fatalf("GET %s = %d", path, code)
	}
	checkHeadings(t, "article", body)
	doc, _ := parsePage(t, body)
	marks := find(doc, "mark")
	var cited []*html.Node
	for _, m := range marks {
		if attr(m, "id") == "cited" {
			cited = append(cited, m)
		}
	}
	if len(cited) != 1 || textOf(cited[0]) != cl.Sentence {
		t.Fatalf("want one <mark id=cited> holding %q, got %d", cl.Sentence, len(cited))
	}
	mustContain(t, "article", body,
		"<h1>"+esc(a.Title)+"</h1>", esc(a.Source), `href="`+a.URL+`"`,
		`<a href="/stories/kessling">Back to the story: `+esc(storyTitle(f))+`</a>`,
		`href="#cited"`)
	// The whole text is there, around the mark.
	var text string
	for _, d := range find(doc, "div") {
		if attr(d, "class") == "body" {
			text = textOf(d)
		}
	}
	if fields := strings.Fields; strings.Join(fields(text), " ") != strings.Join(fields(f.docs[cl.Article].Text), " ") {
		t.Errorf("article body is not the normalized text:\n%s", text)
	}

	for _, bad := range []string{"5-2", "abc", "0-99999999", "-1-4", "3"} {
		code, _, body := get(t, h, "/articles/"+url.PathEscape(cl.Article)+"?s="+bad)
		if code != http.StatusOK || strings.Contains(body, "<mark id") || !strings.Contains(body, "does not have") {
			t.Errorf("?s=%s: status %d, marked %v", bad, code, strings.Contains(body, "<mark id"))
		}
	}
	// No span: no mark, no note.
	_, _, body = get(t, h, "/articles/"+url.PathEscape(cl.Article))
	if strings.Contains(body, "<mark id") || strings.Contains(body, "does not have") {
		t.Error("an article without ?s= shows a highlight or a note")
	}
}

func TestSearch(t *testing.T) {
	f := newFixture(t)
	h := handler(t, f.store, Options{})
	title := esc(storyTitle(f))

	code, hdr, body := get(t, h, "/search?q=toluene")
	if code != http.StatusOK {
		t.Fatalf("search = %d", code)
	}
	mustContain(t, "search page", body, "<html", `value="toluene"`, "1 story matches “toluene”", title)
	if hdr.Get("Vary") != "HX-Request" {
		t.Errorf("Vary = %q", hdr.Get("Vary"))
	}
	checkHeadings(t, "search", body)

	// htmx asks for the fragment only.
	_, _, frag := get(t, h, "/search?q=toluene", "HX-Request", "true")
	if strings.Contains(frag, "<html") || strings.Contains(frag, "<header") || !strings.Contains(frag, title) {
		t.Errorf("htmx fragment is not just the results: %.200q", frag)
	}
	_, _, none := get(t, h, "/search?q=zzqxv", "HX-Request", "true")
	if !strings.Contains(none, "No story matches") || strings.Contains(none, title) {
		t.Errorf("a search with no match: %.200q", none)
	}
	_, _, empty := get(t, h, "/search?q=", "HX-Request", "true")
	if strings.TrimSpace(empty) != "" {
		t.Errorf("an empty search answers %q", empty)
	}
	long := strings.Repeat("é", 300)
	if code, _, _ := get(t, h, "/search?q="+url.QueryEscape(long)); code != http.StatusOK {
		t.Errorf("a long search = %d", code)
	}
}

func TestEntityAndQuotes(t *testing.T) {
	f := newFixture(t)
	h := handler(t, f.store, Options{})
	var quote parallax.QuoteRef
	for _, q := range f.brief.Quotes {
		if q.Speaker == "Ilse Brandt" {
			quote = q
			break
		}
	}
	if quote.Text == "" {
		t.Fatal("fixture has no quote by Ilse Brandt")
	}

	code, _, body := get(t, h, "/entities/"+url.PathEscape("Ilse Brandt"))
	if code != http.StatusOK {
		t.Fatalf("entity page = %d: %.300s", code, body)
	}
	checkHeadings(t, "entity", body)
	mustContain(t, "entity", body, "<h1>Ilse Brandt</h1>", `href="/stories/kessling"`, `href="/quotes?speaker=Ilse&#43;Brandt"`)
	// An alias finds it too, case-insensitively.
	if code, _, body := get(t, h, "/entities/brandt"); code != http.StatusOK || !strings.Contains(body, "<h1>Ilse Brandt</h1>") {
		t.Errorf("entity by alias = %d", code)
	}

	code, _, body = get(t, h, "/quotes?speaker=Brandt")
	if code != http.StatusOK {
		t.Fatalf("quotes page = %d: %.300s", code, body)
	}
	checkHeadings(t, "quotes", body)
	mustContain(t, "quotes", body, esc(quote.Text), `href="/stories/kessling"`,
		fmt.Sprintf(`href="/articles/%s?s=%d-%d#cited"`, url.PathEscape(quote.Article), quote.Span.Start, quote.Span.End))
	if _, _, body := get(t, h, "/quotes"); !strings.Contains(body, `<input id="speaker"`) || strings.Contains(body, "<blockquote") {
		t.Error("the quotes page without a speaker should show the form only")
	}
}

func TestStatic(t *testing.T) {
	f := newFixture(t)
	h := handler(t, f.store, Options{})
	_, _, home := get(t, h, "/")
	m := regexp.MustCompile(`href="(/static/parallax\.css\?v=[0-9a-f]+)"`).FindStringSubmatch(home)
	if m == nil {
		t.Fatal("home does not link the stylesheet with a version")
	}
	code, hdr, css := get(t, h, m[1])
	if code != http.StatusOK || !strings.Contains(hdr.Get("Cache-Control"), "immutable") || !strings.HasPrefix(hdr.Get("Content-Type"), "text/css") {
		t.Errorf("versioned CSS: %d %q %q", code, hdr.Get("Cache-Control"), hdr.Get("Content-Type"))
	}
	if !strings.Contains(css, ":focus-visible") {
		t.Error("the stylesheet has no focus style")
	}
	_, hdr, _ = get(t, h, "/static/parallax.css?v=old")
	if strings.Contains(hdr.Get("Cache-Control"), "immutable") {
		t.Error("a stale version is cached for a year")
	}
	for _, p := range []string{"/static/htmx.min.js", "/static/uPlot.iife.min.js", "/static/parallax.js"} {
		if code, hdr, _ := get(t, h, p); code != http.StatusOK || !strings.Contains(hdr.Get("Content-Type"), "javascript") {
			t.Errorf("%s: %d %q", p, code, hdr.Get("Content-Type"))
		}
	}
	for _, p := range []string{"/static/htmx.LICENSE", "/static/uPlot.LICENSE", "/static/README.md"} {
		if code, hdr, _ := get(t, h, p); code != http.StatusOK || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain") {
			t.Errorf("%s: %d %q", p, code, hdr.Get("Content-Type"))
		}
	}
	if code, _, _ := get(t, h, "/static/../web.go"); code == http.StatusOK {
		t.Error("a path outside static/ was served")
	}
}

func TestBasePath(t *testing.T) {
	f := newFixture(t)
	inner := handler(t, f.store, Options{BasePath: "/ui/"})
	mux := http.NewServeMux()
	mux.Handle("/ui/", http.StripPrefix("/ui", inner))
	_, _, body := get(t, mux, "/ui/")
	mustContain(t, "mounted home", body, `href="/ui/stories/kessling"`, `action="/ui/search"`, `hx-get="/ui/search"`, `href="/ui/static/parallax.css?v=`)
	_, _, story := get(t, mux, "/ui/stories/kessling")
	mustContain(t, "mounted story", story, `href="/ui/articles/`)
	if strings.Contains(story, `href="/articles/`) || strings.Contains(story, `href="/stories/`) {
		t.Error("a link escapes the base path")
	}
	if code, _, _ := get(t, mux, "/ui/static/parallax.css"); code != http.StatusOK {
		t.Errorf("mounted static = %d", code)
	}
}

// failing is a real store with some methods made to fail, to check that
// pages degrade instead of breaking.
type failing struct {
	parallax.Store
	fail map[string]bool
	err  error
}

func (s failing) Stories(ctx context.Context, q parallax.StoryQuery) ([]parallax.StorySummary, error) {
	if s.fail["Stories"] || (s.fail["Growing"] && q.Order == parallax.OrderGrowing) {
		return nil, s.err
	}
	return s.Store.Stories(ctx, q)
}

func (s failing) StoryArticles(ctx context.Context, id string) ([]*parallax.Article, error) {
	if s.fail["StoryArticles"] {
		return nil, s.err
	}
	return s.Store.StoryArticles(ctx, id)
}

func (s failing) StoryOf(ctx context.Context, id string) (string, error) {
	if s.fail["StoryOf"] {
		return "", s.err
	}
	return s.Store.StoryOf(ctx, id)
}

func (s failing) Entity(ctx context.Context, name string) (parallax.EntityPage, error) {
	if s.fail["Entity"] {
		return parallax.EntityPage{}, s.err
	}
	return s.Store.Entity(ctx, name)
}

func (s failing) Quotes(ctx context.Context, q parallax.QuoteQuery) ([]parallax.QuoteHit, error) {
	if s.fail["Quotes"] {
		return nil, s.err
	}
	return s.Store.Quotes(ctx, q)
}

func (s failing) Story(ctx context.Context, id string) (parallax.Story, *parallax.Brief, error) {
	if s.fail["Story"] {
		panic("store exploded")
	}
	return s.Store.Story(ctx, id)
}

func (s failing) StoryBriefJSON(ctx context.Context, id string) (parallax.Story, []byte, error) {
	if s.fail["Story"] {
		panic("store exploded")
	}
	return s.Store.StoryBriefJSON(ctx, id)
}

func TestStoreFailures(t *testing.T) {
	f := newFixture(t)
	boom := errors.New("disk on fire")
	all := failing{Store: f.store, err: boom, fail: map[string]bool{"StoryArticles": true, "StoryOf": true, "Entity": true, "Quotes": true, "Growing": true}}
	h := handler(t, all, Options{})
	cl := f.brief.Facts[0].Claims[0]
	cases := []struct {
		path string
		code int
		want []string
	}{
		{"/", 200, []string{"Not shown: the growing stories", `href="/stories/kessling"`}},
		{"/stories/kessling", 200, []string{"Not shown: the story&#39;s stored articles", `<section id="articles"`, `href="/articles/`}},
		{fmt.Sprintf("/articles/%s?s=%d-%d", cl.Article, cl.Span.Start, cl.Span.End), 200, []string{"Not shown: which story this article belongs to", `<mark id="cited"`}},
		{"/entities/Ilse%20Brandt", 500, []string{"<h1>Something went wrong</h1>", "The entity could not be loaded"}},
		{"/quotes?speaker=Brandt", 500, []string{"The quotes could not be loaded"}},
	}
	for _, c := range cases {
		code, _, body := get(t, h, c.path)
		if code != c.code {
			t.Errorf("%s = %d, want %d", c.path, code, c.code)
		}
		mustContain(t, c.path, body, c.want...)
		if strings.Contains(body, boom.Error()) {
			t.Errorf("%s shows the store's error to the reader", c.path)
		}
	}

	none := failing{Store: f.store, err: boom, fail: map[string]bool{"Stories": true, "Story": true}}
	h = handler(t, none, Options{})
	if code, _, body := get(t, h, "/"); code != 500 || !strings.Contains(body, `<header class="site">`) {
		t.Errorf("home without stories = %d", code)
	}
	if code, _, body := get(t, h, "/search?q=fire"); code != 500 || !strings.Contains(body, "The search failed") {
		t.Errorf("failed search = %d", code)
	}
	if code, _, body := get(t, h, "/stories/kessling"); code != 500 || !strings.Contains(body, "<h1>Something went wrong</h1>") {
		t.Errorf("panicking store = %d", code)
	}
}

// BenchmarkStoryPage serves the example's story page: "render" builds it
// every time (the page cache off, as for a story not seen lately),
// "cached" serves it again unchanged.
func BenchmarkStoryPage(b *testing.B) {
	f := newFixture(b)
	b.Run("render", func(b *testing.B) {
		benchPage(b, handler(b, f.store, Options{PageCacheBytes: -1}), "/stories/kessling")
	})
	b.Run("cached", func(b *testing.B) {
		benchPage(b, handler(b, f.store, Options{}), "/stories/kessling")
	})
}

// benchPage serves path from h, counting the allocations of the handler
// alone: the response is discarded as it is written.
func benchPage(b *testing.B, h http.Handler, path string) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	var w discard
	b.ReportAllocs()
	for b.Loop() {
		w = discard{header: w.header}
		clear(w.header)
		h.ServeHTTP(&w, req)
		if w.code != http.StatusOK || w.n == 0 {
			b.Fatalf("GET %s = %d, %d bytes", path, w.code, w.n)
		}
	}
	b.SetBytes(int64(w.n))
}

// discard is a ResponseWriter that keeps only the status and the size.
type discard struct {
	header http.Header
	code   int
	n      int
}

func (d *discard) Header() http.Header {
	if d.header == nil {
		d.header = http.Header{}
	}
	return d.header
}

func (d *discard) WriteHeader(code int) {
	if d.code == 0 {
		d.code = code
	}
}

func (d *discard) Write(p []byte) (int, error) {
	d.WriteHeader(http.StatusOK)
	d.n += len(p)
	return len(p), nil
}

func BenchmarkArticlePage(b *testing.B) {
	f := newFixture(b)
	h := handler(b, f.store, Options{})
	cl := f.brief.Facts[0].Claims[0]
	path := fmt.Sprintf("/articles/%s?s=%d-%d", url.PathEscape(cl.Article), cl.Span.Start, cl.Span.End)
	b.ReportAllocs()
	for b.Loop() {
		if code, _, _ := get(b, h, path); code != http.StatusOK {
			b.Fatal(code)
		}
	}
}

// BenchmarkHomePage serves the home page: "render" builds it every time,
// "cached" reuses it while the store's lists are unchanged.
func BenchmarkHomePage(b *testing.B) {
	f := newFixture(b)
	b.Run("render", func(b *testing.B) {
		benchPage(b, handler(b, f.store, Options{PageCacheBytes: -1}), "/")
	})
	b.Run("cached", func(b *testing.B) {
		benchPage(b, handler(b, f.store, Options{}), "/")
	})
}
