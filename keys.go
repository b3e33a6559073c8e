package parallax

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// trackingParams are query parameters that say how a reader arrived, not
// which article they read; utm_* is matched by prefix.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true, "ocid": true,
	"cmpid": true, "smid": true,
}

// NormalizeURL returns the form of an article URL that re-ingests are
// compared by: scheme and host lower-cased, default port and fragment
// dropped, tracking parameters (utm_*, fbclid, gclid, ...) removed and the
// remaining ones sorted, an empty path written as "/". A string that does not
// parse as an absolute URL is only trimmed. The empty string stays empty.
func NormalizeURL(raw string) string {
	s := strings.TrimSpace(raw)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "" {
		return s
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6 literal
	}
	switch port := u.Port(); {
	case port == "", u.Scheme == "http" && port == "80", u.Scheme == "https" && port == "443":
	default:
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String()
}

// cleanQuery drops tracking parameters and sorts the rest, keeping each
// parameter's bytes as written so that nothing is re-escaped differently.
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		key, _, _ := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		key = strings.ToLower(key)
		if strings.HasPrefix(key, "utm_") || trackingParams[key] {
			continue
		}
		kept = append(kept, p)
	}
	sort.Strings(kept)
	return strings.Join(kept, "&")
}

// ContentHash is the hex SHA-256 of an article body with runs of white space
// collapsed to one space and the ends trimmed, so that a copy re-read with
// different line wrapping or indentation is recognized. It is "" for a body
// with no text, which is then not deduplicated by content.
func ContentHash(body string) string {
	h := sha256.New()
	var buf [256]byte
	b := buf[:0]
	space, seen := false, false
	for _, r := range body {
		if unicode.IsSpace(r) {
			space = seen
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		seen = true
		b = utf8.AppendRune(b, r)
		if len(b) > len(buf)-8 {
			h.Write(b)
			b = b[:0]
		}
	}
	if !seen {
		return ""
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// SiteName is the name an article's outlet falls back to when nothing else
// names it: the host of its address without "www.", "" when rawURL has no
// host.
func SiteName(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
