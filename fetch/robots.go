package fetch

import (
	"bytes"
	"strings"
)

// robots is the rule set of one robots.txt that applies to one user agent,
// per RFC 9309. The zero value allows everything.
type robots struct {
	rules []rule
	// disallowAll marks an unreachable robots.txt (server error, network
	// failure): RFC 9309 section 2.3.1.4 says to assume complete
	// disallow.
	disallowAll bool
	reason      string // why disallowAll: "503 Service Unavailable", a network error
}

type rule struct {
	allow   bool
	pattern string // normalized; "$" only as the last byte, as an anchor
}

// maxRobotsBytes is how much of a robots.txt is read; RFC 9309 asks
// crawlers to parse at least 500 KiB and allows ignoring the rest.
const maxRobotsBytes = 512 << 10

// parseRobots reads a robots.txt and keeps the rules of the groups that
// apply to agent (a product token such as "Parallax"): the groups naming
// it, combined, or else the "*" groups, combined. It never fails: lines it
// cannot read are skipped, as the RFC asks.
func parseRobots(data []byte, agent string) *robots {
	if len(data) > maxRobotsBytes {
		data = data[:maxRobotsBytes]
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // UTF-8 byte order mark
	agent = strings.ToLower(agent)
	var (
		mine, star   []rule
		matchMine    bool // the current group names agent
		matchStar    bool // the current group names "*"
		inAgentLines bool // the previous record was a user-agent line
		sawMine      bool
	)
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		k := strings.ToLower(string(bytes.TrimSpace(key)))
		v := string(bytes.TrimSpace(value))
		switch k {
		case "user-agent":
			if !inAgentLines {
				// A user-agent line after rules starts a new group.
				matchMine, matchStar = false, false
			}
			inAgentLines = true
			switch token := agentToken(v); {
			case token == "*":
				matchStar = true
			case token != "" && token == agent:
				matchMine, sawMine = true, true
			}
		case "allow", "disallow":
			inAgentLines = false
			if v == "" {
				// "Disallow:" with no path allows everything; it
				// adds no rule.
				continue
			}
			r := rule{allow: k == "allow", pattern: normalizePattern(v)}
			if matchMine {
				mine = append(mine, r)
			}
			if matchStar {
				star = append(star, r)
			}
		default:
			// Sitemap, Crawl-delay and unknown records neither start
			// nor end a group.
		}
	}
	if sawMine {
		return &robots{rules: mine}
	}
	return &robots{rules: star}
}

// agentToken is the product token of a user-agent line's value, lower case:
// "Parallax/1.0 (+https://...)" reads as "parallax".
func agentToken(v string) string {
	if v == "*" {
		return v
	}
	end := 0
	for end < len(v) {
		c := v[end]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_') {
			break
		}
		end++
	}
	return strings.ToLower(v[:end])
}

// productToken is the part of a User-Agent header robots.txt groups name.
func productToken(ua string) string {
	return agentToken(strings.TrimSpace(ua))
}

// allowed reports whether path (the escaped path and query of a URL) may be
// fetched: the rule with the longest pattern that matches decides, Allow
// winning a tie, and no matching rule means allowed.
func (r *robots) allowed(path string) bool {
	if r == nil {
		return true
	}
	if path == "/robots.txt" {
		return true
	}
	if r.disallowAll {
		return false
	}
	if path == "" || path[0] != '/' {
		path = "/" + path
	}
	path = normalizePath(path)
	best, allow := -1, true
	for _, ru := range r.rules {
		n := len(ru.pattern)
		if n < best || (n == best && allow) {
			continue
		}
		if match(ru.pattern, path) {
			best, allow = n, ru.allow
		}
	}
	return allow
}

// match reports whether pattern matches a prefix of path, or the whole of
// it when the pattern ends in "$"; "*" matches any run of bytes. It is the
// usual linear-backtracking glob match: each "*" only ever moves forward,
// so the cost is O(len(pattern)*len(path)) at worst, not exponential.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case p == len(pattern) && !anchored:
			return true // the pattern matched a prefix
		case star >= 0:
			mark++
			s = mark
			p = star + 1
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// normalizePattern brings a rule path to the form paths are compared in. A
// "$" that is not the last byte stays an ordinary character, as it is in
// URL paths.
func normalizePattern(v string) string { return normalizePath(v) }

// normalizePath percent-encodes bytes outside printable ASCII and upper-cases
// the hex digits of existing escapes, so that "/caf%c3%a9", "/café" and
// "/caf%C3%A9" compare equal (RFC 9309 section 2.2.2).
func normalizePath(p string) string {
	clean := true
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c <= ' ' || c >= 0x7f || c == '%' {
			clean = false
			break
		}
	}
	if clean {
		return p
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(p) + 8)
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteByte('%')
			b.WriteByte(upperHex(p[i+1]))
			b.WriteByte(upperHex(p[i+2]))
			i += 2
		case c <= ' ' || c >= 0x7f:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func upperHex(c byte) byte {
	if c >= 'a' && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}
