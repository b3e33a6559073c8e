package web

import "strings"

// The writers below escape text the way html/template does for the contexts
// the story page's citations use, byte for byte, so markup written in Go
// reads exactly as the template would have written it. TestCitesMatchTemplate
// and FuzzCitesMatchTemplate compare them with html/template itself.

// htmlReplacements is html/template's table for text and quoted attribute
// values: NUL becomes U+FFFD; quotes, ampersands, plus signs and angle
// brackets become references.
var htmlReplacements = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// appendHTMLEscaped appends s escaped for HTML text or a quoted attribute
// value. Every byte it replaces is ASCII, so a byte loop treats invalid
// UTF-8 as html/template does: left as it is.
func appendHTMLEscaped(b []byte, s string) []byte {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if int(c) < len(htmlReplacements) && htmlReplacements[c] != "" {
			b = append(b, s[written:i]...)
			b = append(b, htmlReplacements[c]...)
			written = i + 1
		}
	}
	return append(b, s[written:]...)
}

// appendURLAttr appends u as the value of a quoted URL attribute (href):
// html/template's URL filter (a scheme other than http, https or mailto
// becomes "#ZgotmplZ"), its URL normalizer (bytes outside RFC 3986's
// reserved and unreserved sets are percent-encoded, valid escapes kept),
// then the attribute escaper.
func appendURLAttr(b []byte, u []byte) []byte {
	if !safeURL(u) {
		return append(b, "#ZgotmplZ"...)
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '+':
			b = append(b, "&#43;"...)
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			b = append(b, c)
		case strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			b = append(b, c)
		case c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

// safeURL reports whether u has no scheme, or http, https or mailto.
func safeURL(u []byte) bool {
	for i, c := range u {
		switch c {
		case '/':
			return true
		case ':':
			p := string(u[:i])
			return strings.EqualFold(p, "http") || strings.EqualFold(p, "https") || strings.EqualFold(p, "mailto")
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
