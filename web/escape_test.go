package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/input"
)

// Payloads that would run script or add attributes if any reached the page
// unescaped; each carries a marker to find it again.
var hostile = []string{
	`<script>alert("s1")</script>`,
	`</script><script>alert("s2")</script>`,
	`"><img src=x onerror=alert("s3")>`,
	`' onmouseover='alert("s4")`,
	`<svg/onload=alert("s5")>`,
	`</textarea><iframe src=javascript:alert("s6")>`,
	`<!--<script>alert("s7")</script>-->`,
}

// hostileFixture is the Kessling example with the payloads written into
// titles, bodies (so into facts, quotes, timeline texts and the chart's
// data), outlet names, authors, URLs and article and story ids.
func hostileFixture(t *testing.T) *fixture {
	t.Helper()
	arts, problems := input.Load([]string{"../examples/kessling-fire"}, nil, input.Defaults{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for i, a := range arts {
		p := hostile[i%len(hostile)]
		a.ID = fmt.Sprintf(`%s/x"<b>%d`, a.ID, i)
		a.Title = p + a.Title
		a.Source = a.Source + p
		a.Author = hostile[(i+1)%len(hostile)]
		a.URL = `javascript:alert("url")//` + p
		// Inside sentences, inside quotes and next to dates.
		r := strings.NewReplacer(
			"Kessling", "Kessling"+p,
			"trusted it", "trusted it"+hostile[1],
			"on Wednesday", "on Wednesday "+hostile[2],
			"March 12", "March 12 "+hostile[0],
		)
		a.Body = r.Replace(a.Body)
	}
	return storeOf(t, `k"><script>alert("story")</script>`, arts)
}

func TestHostileContentIsEscaped(t *testing.T) {
	f := hostileFixture(t)
	// The payloads must reach the brief, or this test proves nothing.
	b, _ := json.Marshal(f.brief)
	brief := string(b)
	for _, field := range []string{"summary", "quotes", "timeline", "facts", "unique"} {
		var m map[string]json.RawMessage
		json.Unmarshal(b, &m)
		if !strings.Contains(string(m[field]), `\u003cscript\u003e`) && !strings.Contains(string(m[field]), `\u003c/script\u003e`) {
			t.Errorf("no payload reached the brief's %s", field)
		}
	}
	if !strings.Contains(brief, "onerror") {
		t.Error("no attribute payload reached the brief")
	}

	h := handler(t, f.store, Options{Title: `Site<script>alert("title")</script>`})
	storyID := `k"><script>alert("story")</script>`
	st, _, err := f.store.Story(t.Context(), storyID)
	if err != nil {
		t.Fatal(err)
	}
	a := f.arts[0]
	var speaker, entity string
	for _, q := range f.brief.Quotes {
		if q.Speaker != "" && strings.Contains(q.Text, "<") {
			speaker = q.Speaker
		}
	}
	if speaker == "" {
		speaker = f.brief.Quotes[0].Speaker
	}
	for _, e := range f.brief.Entities {
		if strings.Contains(e.Name, "Kessling") {
			entity = e.Name
		}
	}
	if entity == "" {
		entity = f.brief.Entities[0].Name
	}
	pages := []string{
		"/",
		"/search?q=" + url.QueryEscape(`fire `+hostile[0]),
		"/search?q=fire",
		"/stories/" + url.PathEscape(storyID),
		"/articles/" + url.PathEscape(a.ID) + "?s=0-40",
		"/articles/" + url.PathEscape(a.ID) + "?s=" + url.QueryEscape(hostile[2]),
		"/entities/" + url.PathEscape(entity),
		"/entities/" + url.PathEscape(hostile[2]),
		"/quotes?speaker=" + url.QueryEscape(speaker),
		"/quotes?speaker=" + url.QueryEscape(hostile[3]),
		"/no/" + url.PathEscape(hostile[0]),
	}
	sawChart := false
	for _, p := range pages {
		code, _, body := get(t, h, p)
		if code != http.StatusOK && code != http.StatusNotFound {
			t.Errorf("%s = %d", p, code)
		}
		if checkInert(t, p, body) {
			sawChart = true
		}
		_, _, frag := get(t, h, p, "HX-Request", "true")
		checkInert(t, p+" (htmx)", frag)
	}
	if !sawChart {
		t.Error("no page carried the chart data")
	}
	// The story's title and the payloads are shown as text.
	_, _, body := get(t, h, "/stories/"+url.PathEscape(storyID))
	mustContain(t, "story", body, esc(st.Title), "&lt;script&gt;alert(", "onerror=alert(")
}

// checkInert fails when body has a script that is not one of the site's own
// files or its JSON data, an event-handler attribute, a javascript: URL or
// an element a payload brings. It reports whether the page had chart data,
// and checks that data decodes with the payloads intact.
func checkInert(t *testing.T, page, body string) bool {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	chart := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				src, typ := attr(n, "src"), attr(n, "type")
				switch {
				case src != "":
					if !strings.HasPrefix(src, "/static/") || textOf(n) != "" {
						t.Errorf("%s: foreign script %q", page, src)
					}
				case typ == "application/json":
					chart = true
					var d chartData
					if err := json.Unmarshal([]byte(textOf(n)), &d); err != nil {
						t.Errorf("%s: chart data does not decode: %v", page, err)
					}
					raw := textOf(n)
					if strings.ContainsAny(raw, "<>") {
						t.Errorf("%s: chart data holds a raw < or >", page)
					}
					all := fmt.Sprint(d.Texts)
					if !strings.Contains(all, "<script>") && !strings.Contains(all, "</script>") && !strings.Contains(all, "onerror") {
						t.Errorf("%s: the chart's texts lost the payloads: %.200s", page, all)
					}
				default:
					t.Errorf("%s: inline script %.80q", page, textOf(n))
				}
			case "img", "svg", "iframe", "textarea", "b":
				t.Errorf("%s: injected <%s>", page, n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: injected attribute %s=%q on <%s>", page, a.Key, a.Val, n.Data)
				}
				if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("%s: javascript URL in %s", page, a.Key)
				}
			}
		}
		if n.Type == html.CommentNode {
			t.Errorf("%s: a comment %q reached the page", page, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return chart
}

// TestHostileIDs checks ids with slashes, quotes and dots stay inside their
// route.
func TestHostileIDs(t *testing.T) {
	f := hostileFixture(t)
	h := handler(t, f.store, Options{})
	for _, a := range f.arts {
		code, _, body := get(t, h, "/articles/"+url.PathEscape(a.ID))
		if code != http.StatusOK || !strings.Contains(body, esc(a.Title)) {
			t.Errorf("article %q = %d", a.ID, code)
		}
	}
	s := &server{opt: Options{BasePath: ""}}
	for _, id := range []string{"..", ".", "a/b", "a?b#c", "%2e%2e"} {
		got := s.link("articles", id)
		u, err := url.Parse(got)
		if err != nil || u.RawQuery != "" || u.Fragment != "" {
			t.Errorf("link(%q) = %q", id, got)
			continue
		}
		seg, err := url.PathUnescape(strings.TrimPrefix(u.EscapedPath(), "/articles/"))
		if err != nil || seg != id {
			t.Errorf("link(%q) = %q, reads back as %q", id, got, seg)
		}
	}
	// A story id with a slash routes to its story.
	if code, _, _ := get(t, h, "/stories/"+url.PathEscape(`k"><script>alert("story")</script>`)); code != http.StatusOK {
		t.Errorf("hostile story id = %d", code)
	}
}
