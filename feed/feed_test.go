package feed

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "Talks resumed on Monday.", "Talks resumed on Monday."},
		{"plain paragraphs", "First  line\ncontinues.\n\n  Second para. \r\n\r\nThird.", "First line continues.\n\nSecond para.\n\nThird."},
		{"plain entities", "Smith &amp; Sons said 5 &lt; 6", "Smith & Sons said 5 < 6"},
		{"plain less-than", "a < b and c <3", "a < b and c <3"},
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"inline tags keep words apart", "<p><b>Kyiv</b> <i>said</i> on<em>Monday</em></p>", "Kyiv said onMonday"},
		{"whitespace collapsed", "<p>  a\n\t b  </p>\n\n<p>c</p>", "a b\n\nc"},
		{"entities", "<p>caf&eacute; &ldquo;x&rdquo; &#8212; &amp;</p>", "café “x” — &"},
		{"br", "<p>line one<br>line two<br/>line three</p>", "line one\nline two\nline three"},
		{"double br", "first<br><br>second", "first\n\nsecond"},
		{"br with spaces", "first<br> <br>second", "first\n\nsecond"},
		{"script style dropped", "<p>a</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>b</p>", "a\n\nb"},
		{"nested skip", "<p>a<svg><g><text>no</text></g></svg> b</p>", "a b"},
		{"iframe", "<p>Watch:</p><iframe src=x>fallback</iframe><p>after</p>", "Watch:\n\nafter"},
		{"lists", "<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"},
		{"headings", "<h2>Split vote</h2>Text after", "Split vote\n\nText after"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"img alt dropped", "<p>before<img src=x alt=photo>after</p>", "before after"},
		{"comment", "<p>a<!-- hidden -->b</p>", "ab"},
		{"unclosed", "<p>open <b>bold", "open bold"},
		{"div soup", "<div><div>deep</div>text</div>", "deep\n\ntext"},
		{"only markup", "<p> </p><br><hr>", ""},
		{"cdata-like", "<![CDATA[x]]>y", "y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBody(t *testing.T) {
	tests := []struct {
		name, in, want string
		truncated      bool
	}{
		{"plain", "<p>Full text.</p>", "Full text.", false},
		{"wordpress footer", "<p>Text.</p><p>The post <a href=x>Title</a> appeared first on <a href=y>Site</a>.</p>", "Text.", false},
		{"continue reading", "<p>Text.</p><p><a href=x>Continue reading...</a></p>", "Text.", true},
		{"read more", "<p>Text.</p><p>Read more »</p>", "Text.", true},
		{"read the full story", "<p>Text.</p><p>Read the full story at Example News</p>", "Text.", true},
		{"bracket ellipsis", "<p>Negotiators met [&#8230;]</p>", "Negotiators met", true},
		{"bracket dots", "Negotiators met [...]", "Negotiators met", true},
		{"ellipsis char", "Negotiators met…", "Negotiators met", true},
		{"three dots", "Negotiators met...", "Negotiators met", true},
		{"footer then ellipsis", "<p>Negotiators met…</p><p>Continue reading</p><p>The post T appeared first on S.</p>", "Negotiators met", true},
		{"mid-text ellipsis kept", "<p>He paused... then spoke.</p>", "He paused... then spoke.", false},
		{"read more inside sentence kept", "<p>Read more about it in the report, officials said, which runs to 400 pages and covers every region of the country.</p>", "Read more about it in the report, officials said, which runs to 400 pages and covers every region of the country.", false},
		{"only footer", "<p>Continue reading</p>", "", true},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, truncated := body(tt.in)
			if got != tt.want || truncated != tt.truncated {
				t.Errorf("body(%q) = %q, %v; want %q, %v", tt.in, got, truncated, tt.want, tt.truncated)
			}
		})
	}
}

func TestPartial(t *testing.T) {
	long := strings.Repeat("<p>The committee voted to hold rates after inflation eased for a third month.</p>", 14)
	tests := []struct {
		name string
		it   Item
		want bool
	}{
		{"full content", Item{Content: long}, false},
		{"summary only short", Item{Summary: "<p>Rates held.</p>"}, true},
		{"long summary no content", Item{Summary: long}, false},
		{"long but truncated", Item{Content: long + "<p>Continue reading…</p>"}, true},
		{"long ending in ellipsis", Item{Content: long + "<p>And then…</p>"}, true},
		{"empty content falls back to summary", Item{Content: "<p> </p>", Summary: long}, false},
		{"nothing", Item{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.it.Partial(); got != tt.want {
				t.Errorf("Partial() = %v, want %v (text %d bytes)", got, tt.want, len(tt.it.Text()))
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		notFeed bool
	}{
		{"empty", "", true},
		{"html page", "<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>", true},
		{"plain text", "Talks resumed on Monday.", true},
		{"json not a feed", `{"text": "hello"}`, true},
		{"broken json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, false},
		{"json feed wrong types", `{"version": "https://jsonfeed.org/version/1", "items": "none"}`, false},
		{"truncated xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A`, false},
		{"other json", `[{"title": "a", "items": 3}]`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.data), "")
			if err == nil {
				t.Fatalf("no error; feed %+v", f)
			}
			if errors.Is(err, ErrNotFeed) != tt.notFeed {
				t.Errorf("err = %v, ErrNotFeed = %v", err, tt.notFeed)
			}
		})
	}
}

func TestParseLenient(t *testing.T) {
	// Real feeds break rules; a readable item should still come through.
	tests := []struct {
		name, data string
		title      string
		items      int
	}{
		{"unescaped ampersand", `<rss version="2.0"><channel><title>A & B</title><item><title>x</title><link>https://a.example/1</link></item></channel></rss>`, "A & B", 1},
		{"no channel title", `<rss version="2.0"><channel><item><description>text</description></item></channel></rss>`, "", 1},
		{"no items", `<rss version="2.0"><channel><title>Empty</title></channel></rss>`, "Empty", 0},
		{"leading whitespace and bom", "\ufeff\n  <rss version=\"2.0\"><channel><title>T</title></channel></rss>", "T", 0},
		{"mismatched tags", `<rss version="2.0"><channel><item><title>A</link></item></channel></rss>`, "", 1},
		{"json feed without version", `{"title": "J", "items": [{"id": "1", "content_text": "x"}]}`, "J", 1},
		{"atom without namespace", `<feed><title>T</title><entry><title>e</title><id>1</id></entry></feed>`, "T", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.data), "")
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || len(f.Items) != tt.items {
				t.Errorf("got title %q, %d items; want %q, %d", f.Title, len(f.Items), tt.title, tt.items)
			}
		})
	}
}

func TestLinks(t *testing.T) {
	const rss = `<rss version="2.0"><channel><title>T</title><link>%s</link>
<item><title>a</title><link>%s</link><description>x</description></item></channel></rss>`
	tests := []struct {
		name, base, feedLink, itemLink, want string
	}{
		{"absolute", "https://a.example/feed", "https://a.example/", "https://b.example/x", "https://b.example/x"},
		{"relative to base", "https://a.example/feeds/world.xml", "", "story/1", "https://a.example/feeds/story/1"},
		{"root-relative to base", "https://a.example/feeds/world.xml", "", "/story/1", "https://a.example/story/1"},
		{"file base uses feed link", "feeds/world.xml", "https://a.example/news/", "story/1", "https://a.example/news/story/1"},
		{"no base at all", "", "", "/story/1", "/story/1"},
		{"protocol-relative", "https://a.example/feed", "", "//cdn.example/s", "https://cdn.example/s"},
		{"javascript dropped", "https://a.example/feed", "", "javascript:alert(1)", ""},
		{"mailto dropped", "https://a.example/feed", "", "mailto:desk@a.example", ""},
		{"spaces trimmed", "https://a.example/feed", "", "  /s  ", "https://a.example/s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(strings.Replace(rss, "%s", tt.feedLink, 1), "%s", tt.itemLink, 1)
			f, err := Parse([]byte(data), tt.base)
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Items[0].Link; got != tt.want {
				t.Errorf("link = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIDs(t *testing.T) {
	const rss = `<rss version="2.0"><channel><title>T</title>
<item><guid isPermaLink="false">g-1</guid><link>https://a.example/1</link><description>x</description></item>
<item><link>https://a.example/2</link><description>x</description></item>
<item><title>No link</title><description>same text</description></item>
<item><title>No link</title><description>same text</description></item>
<item><title>Other</title><description>same text</description></item>
</channel></rss>`
	f, err := Parse([]byte(rss), "")
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(f.Items))
	for i, it := range f.Items {
		ids[i] = it.ID
	}
	if ids[0] != "g-1" || ids[1] != "https://a.example/2" {
		t.Errorf("ids %q", ids)
	}
	if !strings.HasPrefix(ids[2], "item-") || ids[2] != ids[3] || ids[2] == ids[4] {
		t.Errorf("hash ids %q: want stable and distinct by content", ids[2:])
	}
	if f.Items[0].Link != "https://a.example/1" {
		t.Errorf("a non-permalink guid replaced the link: %q", f.Items[0].Link)
	}
}

func TestArticlesSource(t *testing.T) {
	it := Item{ID: "1", Title: "T", Link: "https://www.c.example/s", Summary: "text", Author: "A", Published: time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)}
	tests := []struct {
		name, given string
		f           Feed
		want        string
	}{
		{"given wins", " Reuters ", Feed{Title: "Feed title"}, "Reuters"},
		{"feed title", "", Feed{Title: "Feed title"}, "Feed title"},
		{"feed host", "", Feed{Link: "https://www.b.example/news"}, "b.example"},
		{"item host", "", Feed{}, "c.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Items = []Item{it, {ID: "empty", Title: "no text"}}
			arts := Articles(&tt.f, tt.given)
			if len(arts) != 1 {
				t.Fatalf("%d articles, want 1 (the item without text is skipped)", len(arts))
			}
			a := arts[0]
			if a.Source != tt.want {
				t.Errorf("Source = %q, want %q", a.Source, tt.want)
			}
			if a.ID != "1" || a.Title != "T" || a.URL != it.Link || a.Author != "A" || a.Body != "text" || !a.Published.Equal(it.Published) {
				t.Errorf("article %+v", a)
			}
		})
	}
	f := &Feed{Items: []Item{{Title: "no text", Link: "https://d.example/x"}}}
	if a := f.Article(&f.Items[0], ""); a.Body != "" || a.URL != "https://d.example/x" || a.Source != "d.example" {
		t.Errorf("Article of an empty item: %+v", a)
	}
}

func TestComplete(t *testing.T) {
	when := time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)
	a := &parallax.Article{ID: "i1", Title: "Item title", Body: "Only an excerpt…"}
	Complete(a, &parallax.Article{Title: "Page title", Author: "R. Osei", Published: when, Body: "The whole text."})
	if a.Body != "The whole text." || a.Title != "Item title" || a.Author != "R. Osei" || !a.Published.Equal(when) || a.ID != "i1" {
		t.Errorf("Complete = %+v", a)
	}
}
