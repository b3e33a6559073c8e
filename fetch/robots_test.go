package fetch

import (
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/", true},
		{"/", "/anything", true},
		{"/fish", "/fish", true},
		{"/fish", "/fish.html", true},
		{"/fish", "/fish/salmon.html", true},
		{"/fish", "/fishheads?id=1", true},
		{"/fish", "/Fish.asp", false}, // case-sensitive
		{"/fish", "/catfish", false},
		{"/fish", "/", false},
		{"/fish*", "/fish", true},
		{"/fish*", "/fishheads", true},
		{"/fish/", "/fish/", true},
		{"/fish/", "/fish/?id=anything", true},
		{"/fish/", "/fish", false},
		{"/*.php", "/index.php", true},
		{"/*.php", "/filename.php", true},
		{"/*.php", "/folder/filename.php?parameters", true},
		{"/*.php", "/windows.PHP", false},
		{"/*.php", "/", false},
		{"/*.php$", "/filename.php", true},
		{"/*.php$", "/folder/filename.php", true},
		{"/*.php$", "/filename.php?parameters", false},
		{"/*.php$", "/filename.php5", false},
		{"/fish*.php", "/fish.php", true},
		{"/fish*.php", "/fishheads/catfish.php?parameters", true},
		{"/fish*.php", "/Fish.PHP", false},
		{"/$", "/", true},
		{"/$", "/a", false},
		{"*", "/x", true},
		{"/a*b*c", "/aXbYc", true},
		{"/a*b*c", "/aXcYb", false},
		{"/a*b*c$", "/abcabc", true},
		{"/a*b*c$", "/abcab", false},
		{"/**", "/", true},
		{"/a**b$", "/ab", true},
		{"/a**b$", "/axxb", true},
		{"/a**b$", "/axxbx", false},
		{"/x", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+" "+tt.path, func(t *testing.T) {
			if got := match(tt.pattern, tt.path); got != tt.want {
				t.Errorf("match(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
			}
		})
	}
}

// A pathological pattern must not take exponential time.
func TestMatchLinear(t *testing.T) {
	pattern := strings.Repeat("/*a", 200) + "$"
	path := "/" + strings.Repeat("a", 2000) + "b"
	if match(pattern, path) {
		t.Fatal("matched")
	}
}

const robotsTxt = `# Example robots.txt
User-agent: *
Disallow: /private/
Disallow: /tmp
Allow: /private/public-note
Disallow: /*.pdf$
Disallow:

User-agent: BadBot
User-agent: WorseBot
Disallow: /

User-agent: Parallax
Disallow: /no-parallax/
Allow: /no-parallax/but-this
Disallow: /page   # trailing comment
Allow: /page.html
Disallow: /caf%c3%a9
Sitemap: https://example.com/sitemap.xml

user-agent: parallax/2.0
disallow: /second-group

User-agent: Other
Disallow: /other
`

func TestRobotsAllowed(t *testing.T) {
	tests := []struct {
		name  string
		txt   string
		agent string
		path  string
		want  bool
	}{
		{"own group ignores star", robotsTxt, "Parallax", "/private/x", true},
		{"own group rule", robotsTxt, "Parallax", "/no-parallax/x", false},
		{"own group longer allow", robotsTxt, "Parallax", "/no-parallax/but-this/one", true},
		{"agent case-insensitive", robotsTxt, "PARALLAX", "/no-parallax/x", false},
		{"groups combined", robotsTxt, "Parallax", "/second-group/a", false},
		{"longest wins allow", robotsTxt, "Parallax", "/page.html", true},
		{"longest wins disallow", robotsTxt, "Parallax", "/pages", false},
		{"percent encoding case", robotsTxt, "Parallax", "/caf%C3%A9/menu", false},
		{"raw utf-8 path", robotsTxt, "Parallax", "/café/menu", false},
		{"unmatched path", robotsTxt, "Parallax", "/news/2024/story", true},
		{"robots.txt always", robotsTxt, "BadBot", "/robots.txt", true},
		{"star group", robotsTxt, "Otherbot", "/private/x", false},
		{"star allow inside disallow", robotsTxt, "Otherbot", "/private/public-note", true},
		{"star prefix", robotsTxt, "Otherbot", "/tmpfile", false},
		{"star anchored pdf", robotsTxt, "Otherbot", "/docs/a.pdf", false},
		{"star anchored pdf query", robotsTxt, "Otherbot", "/docs/a.pdf?x=1", true},
		{"shared group first agent", robotsTxt, "BadBot", "/anything", false},
		{"shared group second agent", robotsTxt, "WorseBot", "/", false},
		{"empty file", "", "Parallax", "/x", true},
		{"no star no match", "User-agent: Foo\nDisallow: /\n", "Parallax", "/x", true},
		{"rules before any agent ignored", "Disallow: /\n", "Parallax", "/x", true},
		{"empty disallow allows", "User-agent: *\nDisallow:\n", "Parallax", "/x", true},
		{"tie allow wins", "User-agent: *\nDisallow: /a\nAllow: /a\n", "Parallax", "/a", true},
		{"tie allow wins reversed", "User-agent: *\nAllow: /a\nDisallow: /a\n", "Parallax", "/a", true},
		{"longer wildcard disallow", "User-agent: *\nAllow: /a\nDisallow: /a*z\n", "Parallax", "/abz", false},
		{"crlf", "User-agent: *\r\nDisallow: /x\r\n", "Parallax", "/x", false},
		{"cr only", "User-agent: *\rDisallow: /x\r", "Parallax", "/x", false},
		{"bom", "\xef\xbb\xbfUser-agent: *\nDisallow: /x\n", "Parallax", "/x", false},
		{"spaces around colon", "User-agent :  *\nDisallow :  /x \n", "Parallax", "/x", false},
		{"garbage lines", "hello\n<html>\nUser-agent: *\nnonsense\nDisallow: /x\n", "Parallax", "/x", false},
		{"sitemap does not end group", "User-agent: *\nSitemap: /s.xml\nDisallow: /x\n", "Parallax", "/x", false},
		{"agent after rules starts group", "User-agent: Parallax\nDisallow: /a\nUser-agent: Foo\nDisallow: /b\n", "Parallax", "/b", true},
		{"dollar in middle literal", "User-agent: *\nDisallow: /a$b\n", "Parallax", "/a$b", false},
		{"dollar in middle not anchor", "User-agent: *\nDisallow: /a$b\n", "Parallax", "/a", true},
		{"query disallowed", "User-agent: *\nDisallow: /*?\n", "Parallax", "/search?q=1", false},
		{"query allowed without ?", "User-agent: *\nDisallow: /*?\n", "Parallax", "/search", true},
		{"empty path is root", "User-agent: *\nDisallow: /$\n", "Parallax", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseRobots([]byte(tt.txt), strings.ToLower(tt.agent))
			if got := r.allowed(tt.path); got != tt.want {
				t.Errorf("allowed(%q) = %v, want %v (rules %+v)", tt.path, got, tt.want, r.rules)
			}
		})
	}
}

func TestRobotsDisallowAll(t *testing.T) {
	r := &robots{disallowAll: true}
	if r.allowed("/") || r.allowed("/x") {
		t.Error("unreachable robots.txt allows")
	}
	if !r.allowed("/robots.txt") {
		t.Error("robots.txt itself refused")
	}
	var none *robots
	if !none.allowed("/x") {
		t.Error("nil robots refuses")
	}
}

func TestProductToken(t *testing.T) {
	tests := map[string]string{
		UserAgent("1.2.3"):       "parallax",
		"Parallax":               "parallax",
		"  Some-Bot_2/1.0 (x)":   "some-bot_",
		"*":                      "*",
		"Mozilla/5.0 (Parallax)": "mozilla",
		"":                       "",
	}
	for in, want := range tests {
		if got := productToken(in); got != want {
			t.Errorf("productToken(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizePath(t *testing.T) {
	tests := map[string]string{
		"/plain":     "/plain",
		"/caf%c3%a9": "/caf%C3%A9",
		"/café":      "/caf%C3%A9",
		"/a b":       "/a%20b",
		"/100%":      "/100%",
		"/%zz":       "/%zz",
		"/%4":        "/%4",
		"/x\x7f":     "/x%7F",
		"/%2f%2F":    "/%2F%2F",
	}
	for in, want := range tests {
		if got := normalizePath(in); got != want {
			t.Errorf("normalizePath(%q) = %q, want %q", in, got, want)
		}
	}
}
