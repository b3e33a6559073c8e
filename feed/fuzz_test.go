package feed

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to Parse and the item text functions.
// Nothing may panic; every item has an id; links are absolute http(s) or
// kept relative, never another scheme; text is valid UTF-8 without
// surrounding space; every Article has an id, a source and a body.
func FuzzParse(f *testing.F) {
	archives, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range archives {
		_, files := readArchive(f, file)
		f.Add(feedData(files), string(files["base"]))
	}
	for _, s := range []string{
		`<rss version="2.0"><channel><item><title>A</link></item></channel></rss>`,
		`{"version": "https://jsonfeed.org/version/1.1", "items": [{"url": "javascript:x", "content_html": "<p>a<br><br>b</p>"}]}`,
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="../x/"><entry><link href="//h/p"/><content type="xhtml"><div><p>t…</p></div></content></entry></feed>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item><description>&lt;p&gt;x</description></item></rdf:RDF>`,
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>caf\xe9</title></channel></rss>",
		"\xff\xfe<\x00r\x00",
	} {
		f.Add([]byte(s), "https://example.com/feed")
	}
	f.Fuzz(func(t *testing.T, data []byte, base string) {
		feed, err := Parse(data, base)
		if err != nil {
			return
		}
		for i := range feed.Items {
			it := &feed.Items[i]
			if it.ID == "" {
				t.Fatalf("item %d has no id", i)
			}
			if it.Link != "" && strings.Contains(it.Link, ":") && !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
				if u := absoluteURL(it.Link); u == nil && strings.Index(it.Link, ":") < strings.IndexAny(it.Link+"/", "/?#") {
					t.Fatalf("link with scheme %q", it.Link)
				}
			}
			text := it.Text()
			if text != strings.TrimSpace(text) {
				t.Fatalf("text not trimmed: %q", text)
			}
			it.Partial()
		}
		for _, a := range Articles(feed, "") {
			if a.ID == "" || a.Source == "" || a.Body == "" {
				t.Fatalf("bad article %+v", a)
			}
		}
	})
}

// FuzzText checks the HTML-to-text conversion alone: no panic, no
// surrounding space, no more than one blank line in a row, and valid
// UTF-8 out for valid UTF-8 in.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "<p>a</p><p>b</p>", "a<br><br>b", "x &amp; y", "<script>", "<p>a<svg>b</p>c", "a\n\n\nb", "<<>>&#0;&#xD800;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(s)
		if got != strings.TrimSpace(got) {
			t.Fatalf("Text(%q) = %q: surrounding space", s, got)
		}
		if strings.Contains(got, "\n\n\n") {
			t.Fatalf("Text(%q) = %q: blank lines", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Text(%q) = %q: invalid UTF-8", s, got)
		}
		body(s)
	})
}
