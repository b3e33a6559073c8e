package fetch

import (
	"strings"
	"testing"
)

// FuzzRobots parses arbitrary robots.txt text and checks arbitrary paths.
// Nothing may panic; robots.txt itself is always allowed; a file naming no
// group for us allows everything; adding "Allow: <path>$" for the exact
// path to the group in force allows it, as it is the longest possible
// match or ties with an equally long Disallow.
func FuzzRobots(f *testing.F) {
	f.Add(robotsTxt, "/no-parallax/x")
	f.Add("User-agent: *\nDisallow: /*.php$\n", "/a.php")
	f.Add("User-agent: *\nDisallow: /a*b*c$\n", "/aXbYc")
	f.Add("\xef\xbb\xbfuser-agent:parallax\r\ndisallow:/caf%c3%a9\r", "/café")
	f.Add("User-agent: *\nDisallow: /%", "/%")
	f.Add("User-agent: *\nAllow: *\nDisallow: **$", "")
	f.Add("", "?q=1")
	f.Fuzz(func(t *testing.T, txt, path string) {
		r := parseRobots([]byte(txt), "parallax")
		got := r.allowed(path)
		if !r.allowed("/robots.txt") {
			t.Fatal("robots.txt disallowed")
		}
		if !strings.Contains(strings.ToLower(txt), "user-agent") && !got {
			t.Fatalf("no groups, yet %q disallowed", path)
		}
		if len(path) == 0 || path[0] != '/' || strings.ContainsAny(path, "*$") {
			return
		}
		// An exact Allow for path in a group of our own decides for it.
		r2 := parseRobots([]byte(txt+"\nUser-agent: parallax\nAllow: "+path+"$\n"), "parallax")
		if !r2.allowed(path) && !strings.ContainsAny(path, "#\r\n") && strings.TrimSpace(path) == path {
			t.Fatalf("exact Allow for %q did not allow it; rules %+v", path, r2.rules)
		}
	})
}
