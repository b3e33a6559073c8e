package web

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// citesTemplate writes a list of citations with the site's own "cite"
// template, the way the story page wrote them before citer.cites: the
// reference the Go writer must match byte for byte.
const citesTemplate = `{{define "refcites"}}{{if .}}<span class="cites"><span class="vh">Cited from: </span>` +
	`{{range $i, $c := .}}{{if $i}} {{end}}{{template "cite" $c}}{{end}}</span>{{end}}{{end}}`

// citesOracle renders cs through html/template.
func citesOracle(t testing.TB) func(cs []citeLink) string {
	t.Helper()
	s, err := newServer(newFixture(t).store, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := s.pages["quotes"].Clone()
	if err == nil {
		_, err = ref.Parse(citesTemplate)
	}
	if err != nil {
		t.Fatal(err)
	}
	return func(cs []citeLink) string {
		var in []cite
		for _, ct := range cs {
			in = append(in, cite{Article: ct.src.id, Outlet: ct.src.outlet, Title: ct.src.title, Color: ct.src.color, Href: ct.href()})
		}
		var b bytes.Buffer
		if err := ref.ExecuteTemplate(&b, "refcites", in); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
}

// citesSeeds are values that exercise every escaping rule: markup, quotes,
// plus signs, NUL, invalid UTF-8, percent escapes valid and not, schemes
// the URL filter blocks and allows, and characters the URL normalizer
// encodes.
var citesSeeds = []struct {
	outlet, title, href string
}{
	{"The Meridian Post", "Veltran says 14 workers hospitalized", "/articles/mp-5521907"},
	{`<script>alert("s1")</script>`, `"><img src=x onerror=alert(1)>`, `/articles/a%22%3Cb%3E`},
	{"A+B & C's", "it's \"quoted\" & <tagged>", "/ui/articles/x+y&z=1"},
	{"nul\x00byte", "bad \xff\xfe utf-8", "/articles/\x00\xff"},
	{"Ökonomie Zeitung", "Łódź — “quotes”", "/articles/%C3%96k%zz%4"},
	{"", "", "javascript:alert(1)"},
	{"x", "", "JavaScript:alert(1)"},
	{"x", "t", "HTTP://example.com/a b"},
	{"x", "t", "mailto:someone@example.com"},
	{"x", "t", "/a:b/c"},
	{"x", "t", "a/b:c"},
	{"x", "t", "data:text/html,<b>"},
	{"x", "t", "/articles/it's (here) [1] {2} |3| ^4^ `5` \\6 \"7\" <8>"},
	{"x", "t", "/articles/!$*,;=?@#-._~"},
	{"tab\tand\nnewline", "\r\n", "/articles/\t\n"},
}

func TestCitesMatchTemplate(t *testing.T) {
	oracle := citesOracle(t)
	c := &citer{}
	var all []citeLink
	for i, sd := range citesSeeds {
		for _, exact := range []bool{false, true} {
			ct := citeLink{src: &source{id: sd.href, outlet: sd.outlet, title: sd.title, color: i % 12, href: sd.href},
				span: parallax.Span{Start: i, End: i + 7}, exact: exact}
			all = append(all, ct)
			if got, want := string(c.cites([]citeLink{ct})), oracle([]citeLink{ct}); got != want {
				t.Errorf("seed %d (exact %v):\n got %q\nwant %q", i, exact, got, want)
			}
		}
	}
	if got, want := string(c.cites(all)), oracle(all); got != want {
		t.Errorf("all seeds in one list:\n got %q\nwant %q", got, want)
	}
	if got := c.cites(nil); got != "" {
		t.Errorf("no citations wrote %q", got)
	}
}

func FuzzCitesMatchTemplate(f *testing.F) {
	for i, sd := range citesSeeds {
		f.Add(sd.outlet, sd.title, sd.href, i, i+10, i%3 == 0)
	}
	oracle := citesOracle(f)
	f.Fuzz(func(t *testing.T, outlet, title, href string, start, end int, exact bool) {
		ct := citeLink{src: &source{id: href, outlet: outlet, title: title, color: start % 11, href: href},
			span: parallax.Span{Start: start, End: end}, exact: exact}
		list := []citeLink{ct, ct}
		if got, want := string((&citer{}).cites(list)), oracle(list); got != want {
			t.Errorf("\n got %q\nwant %q", got, want)
		}
	})
}

// TestCitesHTMLIsInert checks citations stay inert when the values are
// hostile: the payload is the link's text, and nothing else reaches the page.
func TestCitesHTMLIsInert(t *testing.T) {
	for _, p := range hostile {
		ct := citeLink{src: &source{id: p, outlet: p, title: p, href: "/articles/" + p}, exact: true, span: parallax.Span{Start: 1, End: 2}}
		body := "<!doctype html><p>" + string((&citer{}).cites([]citeLink{ct}))
		checkInert(t, "cites "+p, body)
		_, links := parsePage(t, body)
		if len(links) != 1 || links[0].text != p || !strings.HasPrefix(links[0].href, "/articles/") || !strings.HasSuffix(links[0].href, "?s=1-2#cited") {
			t.Errorf("payload %q made links %+v", p, links)
		}
	}
}
