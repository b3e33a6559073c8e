package parallax

import (
	"strings"
	"testing"
)

var urlCases = []struct {
	name, in, want string
}{
	{"empty", "", ""},
	{"blank", "  \t", ""},
	{"already normal", "https://example.com/world/a-1", "https://example.com/world/a-1"},
	{"scheme and host case", "HTTPS://News.Example.COM/World/A-1", "https://news.example.com/World/A-1"},
	{"fragment", "https://example.com/a#comments", "https://example.com/a"},
	{"utm params", "https://example.com/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x", "https://example.com/a"},
	{"utm mixed with real params", "https://example.com/a?utm_source=rss&id=7&page=2", "https://example.com/a?id=7&page=2"},
	{"params sorted", "https://example.com/a?page=2&id=7", "https://example.com/a?id=7&page=2"},
	{"click ids", "https://example.com/a?fbclid=abc&gclid=def", "https://example.com/a"},
	{"default https port", "https://example.com:443/a", "https://example.com/a"},
	{"default http port", "http://example.com:80/a", "http://example.com/a"},
	{"other port kept", "http://example.com:8080/a", "http://example.com:8080/a"},
	{"empty path", "https://example.com", "https://example.com/"},
	{"empty query", "https://example.com/a?", "https://example.com/a"},
	{"trailing dot host", "https://example.com./a", "https://example.com/a"},
	{"trailing dots host", "A://A..", "a://a/"},
	{"space before fragment", "A://0?x0 #000000", "a://0/?x0"},
	{"ipv6 host", "http://[::1]:80/a", "http://[::1]/a"},
	{"path case kept", "https://example.com/Some/Path", "https://example.com/Some/Path"},
	{"escaped param kept", "https://example.com/s?q=a%20b", "https://example.com/s?q=a%20b"},
	{"relative kept", "world/a-1.html", "world/a-1.html"},
	{"unparseable trimmed", " http://exa mple.com/%zz ", "http://exa mple.com/%zz"},
}

func TestNormalizeURL(t *testing.T) {
	for _, tc := range urlCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := NormalizeURL(tc.in); got != tc.want {
				t.Errorf("NormalizeURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestContentHash(t *testing.T) {
	base := ContentHash("The ferry left at 9:40.\n\nAll 212 passengers were safe.")
	tests := []struct {
		name, body string
		same       bool
	}{
		{"identical", "The ferry left at 9:40.\n\nAll 212 passengers were safe.", true},
		{"rewrapped", "The ferry left\nat 9:40. All 212\tpassengers were safe.", true},
		{"indented and padded", "   The ferry left at 9:40.\r\n   All 212 passengers were safe.  \n", true},
		{"unicode spaces", "The\u00a0ferry left at 9:40.\u2003All 212 passengers were safe.", true},
		{"different number", "The ferry left at 9:40. All 213 passengers were safe.", false},
		{"different case", "the ferry left at 9:40. All 212 passengers were safe.", false},
		{"joined words", "The ferry left at 9:40.All 212 passengers were safe.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ContentHash(tc.body) == base; got != tc.same {
				t.Errorf("ContentHash(%q) == base: %v, want %v", tc.body, got, tc.same)
			}
		})
	}
	for _, empty := range []string{"", " \n\t "} {
		if h := ContentHash(empty); h != "" {
			t.Errorf("ContentHash(%q) = %q, want empty", empty, h)
		}
	}
	if len(base) != 64 {
		t.Errorf("hash %q is not hex sha256", base)
	}
}

func FuzzNormalizeURL(f *testing.F) {
	for _, tc := range urlCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeURL(s)
		if strings.TrimSpace(s) == "" && n != "" {
			t.Fatalf("NormalizeURL(%q) = %q, want empty", s, n)
		}
		if strings.TrimSpace(s) != "" && n == "" {
			t.Fatalf("NormalizeURL(%q) is empty", s)
		}
		// Stored keys are compared with freshly normalized ones, so
		// normalizing twice must change nothing.
		if nn := NormalizeURL(n); nn != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, nn)
		}
	})
}

func FuzzContentHash(f *testing.F) {
	f.Add("The ferry left at 9:40.\n\nAll 212 passengers were safe.")
	f.Add("  \u00a0 a\tb\xff c ")
	f.Fuzz(func(t *testing.T, s string) {
		h := ContentHash(s)
		if want := ContentHash(strings.Join(strings.Fields(s), " ")); h != want {
			t.Fatalf("ContentHash(%q) = %s differs from its collapsed form %s", s, h, want)
		}
	})
}

func TestSiteName(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.example.com/news/1":    "example.com",
		" https://News.Example.org:8443/a ": "News.Example.org",
		"http://wwwexample.net/":            "wwwexample.net",
		"/relative/path":                    "",
		"":                                  "",
		"::not a url":                       "",
	} {
		if got := SiteName(in); got != want {
			t.Errorf("SiteName(%q) = %q, want %q", in, got, want)
		}
	}
}
