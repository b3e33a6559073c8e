package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLooksLikeFeed(t *testing.T) {
	for _, tc := range []struct {
		name, ct, head string
		want           bool
	}{
		{"rss by type", "application/rss+xml; charset=utf-8", "", true},
		{"atom by type", "application/atom+xml", "", true},
		{"json feed by type", "application/feed+json", "", true},
		{"html by type wins", "text/html", "<rss version=\"2.0\">", false},
		{"rss after declaration and comment", "text/xml", "\uFEFF<?xml version=\"1.0\"?>\n<!-- generated -->\n<rss version=\"2.0\">", true},
		{"atom", "", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", true},
		{"rss 1.0", "", "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", true},
		{"json feed", "application/json", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, true},
		{"json article", "application/json", `{"title": "Storm", "text": "The harbor closed."}`, false},
		{"html page", "", "<!DOCTYPE html><html><body><p>Storm</p></body></html>", false},
		{"other xml", "application/xml", "<?xml version=\"1.0\"?><sitemap/>", false},
		{"unclosed declaration", "", "<?xml version=\"1.0\"", false},
		{"text", "", "Storm closes harbor", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := looksLikeFeed(tc.ct, []byte(tc.head)); got != tc.want {
				t.Errorf("looksLikeFeed(%q, %q) = %v, want %v", tc.ct, tc.head, got, tc.want)
			}
		})
	}
}

func TestMediaType(t *testing.T) {
	for _, tc := range []struct{ in, mt, cs string }{
		{"text/html; charset=ISO-8859-1", "text/html", "iso-8859-1"},
		{`Text/HTML;charset="utf-8"`, "text/html", "utf-8"},
		{"application/rss+xml", "application/rss+xml", ""},
		{"", "", ""},
	} {
		if mt, cs := mediaType(tc.in); mt != tc.mt || cs != tc.cs {
			t.Errorf("mediaType(%q) = %q, %q; want %q, %q", tc.in, mt, cs, tc.mt, tc.cs)
		}
	}
}

func TestPlan(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":            "Storm closes harbor",
		"b.jsonl":          "{\"text\":\"x\"}\n",
		"feed.xml":         "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>",
		"crawl.warc.gz":    "\x1f\x8b",
		"raw":              "WARC/1.0\r\n",
		"photo.gz":         "\x1f\x8b\x08\x00",
		"nested/page.html": "<p>Storm</p>",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	srcs, problems := plan([]string{dir, "https://example.com/rss", "-", filepath.Join(dir, "photo.gz"), filepath.Join(dir, "none")})
	got := map[string]string{}
	for _, s := range srcs {
		rel, err := filepath.Rel(dir, s.path)
		if err != nil || s.kind == "url" || s.kind == "stdin" {
			rel = s.path
		}
		got[filepath.ToSlash(rel)] = s.kind
	}
	want := map[string]string{
		"a.txt": "file", "b.jsonl": "file", "feed.xml": "feedfile", "crawl.warc.gz": "warc",
		"raw": "warc", "nested/page.html": "file", "photo.gz": "file",
		"https://example.com/rss": "url", "-": "stdin",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: kind %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("sources %v, want %v", got, want)
	}
	if len(problems) != 1 || problems[0].Reason != "not found" {
		t.Errorf("problems %v", problems)
	}
	if n := totalSize(srcs); n != -1 {
		t.Errorf("totalSize with a URL = %d, want -1", n)
	}
}

func FuzzLooksLikeFeed(f *testing.F) {
	f.Add("application/rss+xml", "<?xml version=\"1.0\"?><rss>")
	f.Add("", "<!-- x --><!DOCTYPE feed><feed>")
	f.Add("application/json", `{"version":"https://jsonfeed.org/version/1"}`)
	f.Add("text/plain", "<?")
	f.Fuzz(func(t *testing.T, ct, head string) {
		looksLikeFeed(ct, []byte(head))
		mediaType(ct)
	})
}
