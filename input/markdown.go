package input

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// readMarkdown reads a Markdown article. Simple YAML front matter (title,
// date, source, author, url, id as "key: value" lines) fills the metadata.
// The title is a leading "# " heading, a setext heading, or a first line
// that looks like a headline. The Body is the rest converted to plain text
// (see plainMarkdown), so offsets into it do not map back into the file.
func readMarkdown(text string) *parallax.Article {
	a := &parallax.Article{}
	text = frontMatter(text, a)
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) {
		first := strings.TrimSpace(lines[i])
		switch {
		case atxLevel(first) == 1:
			a.Title = plainInline(atxText(first))
			i++
		case i+1 < len(lines) && isSetextRule(lines[i+1], '=') && first != "":
			a.Title = plainInline(first)
			i += 2
		default:
			if plain := plainInline(first); isHeadline(plain) && hasTextAfter(lines[i+1:]) {
				a.Title = plain
				i++
			}
		}
	}
	a.Body = plainMarkdown(lines[i:])
	return a
}

func hasTextAfter(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return true
		}
	}
	return false
}

// frontMatter reads a leading "---" block of "key: value" lines into a and
// returns the text after it. Anything more elaborate than flat scalar keys
// is ignored rather than misread.
func frontMatter(text string, a *parallax.Article) string {
	if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "---\r\n") {
		return text
	}
	_, rest, _ := strings.Cut(text, "\n")
	var block string
	found := false
	for off := 0; off < len(rest); {
		line, next := lineAt(rest, off)
		if strings.TrimSpace(line) == "---" {
			block, text, found = rest[:off], rest[next:], true
			break
		}
		off = next
	}
	if !found {
		return text
	}
	for _, line := range strings.Split(block, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		if v == "" {
			continue
		}
		switch fieldKey(k) {
		case "title":
			a.Title = v
		case "id":
			a.ID = v
		case "source", "outlet", "site", "publisher":
			a.Source = v
		case "author", "byline":
			a.Author = v
		case "url", "link":
			a.URL = v
		case "date", "published", "publishedat", "pubdate":
			if t, err := ParseTime(v); err == nil {
				a.Published = t
			}
		}
	}
	return text
}

// plainMarkdown converts Markdown block syntax to plain text, minimally:
// heading markers, blockquote markers, code fences, rules and link
// definitions go; list items stay as "- item"; inline syntax is handled by
// plainInline. Paragraph breaks (blank lines) are kept.
func plainMarkdown(lines []string) string {
	var b strings.Builder
	inFence := false
	fence := ""
	prevBlank := true
	for _, raw := range lines {
		line := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimSpace(line)
		if inFence {
			if strings.HasPrefix(trimmed, fence) {
				inFence = false
				continue
			}
			b.WriteString(line)
			b.WriteByte('\n')
			prevBlank = false
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence, fence = true, trimmed[:3]
			continue
		}
		if isThematicBreak(trimmed) || isSetextRule(trimmed, '=') || isLinkDefinition(trimmed) {
			continue
		}
		for strings.HasPrefix(trimmed, ">") {
			trimmed = strings.TrimSpace(trimmed[1:])
		}
		if trimmed == "" {
			if !prevBlank {
				b.WriteByte('\n')
			}
			prevBlank = true
			continue
		}
		if atxLevel(trimmed) > 0 {
			trimmed = atxText(trimmed)
		} else if len(trimmed) > 2 && (trimmed[0] == '*' || trimmed[0] == '+' || trimmed[0] == '-') && trimmed[1] == ' ' {
			trimmed = "- " + strings.TrimSpace(trimmed[2:])
		}
		text := plainInline(trimmed)
		if text == "" {
			continue
		}
		b.WriteString(text)
		b.WriteByte('\n')
		prevBlank = false
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace)
}

// atxLevel returns the level of an ATX heading ("## x" is 2), or 0.
func atxLevel(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(s) && s[n] != ' ' && s[n] != '\t') {
		return 0
	}
	return n
}

// atxText is the heading text without the opening and closing #s.
func atxText(s string) string {
	s = strings.TrimSpace(strings.TrimLeft(s, "#"))
	if t := strings.TrimRight(s, "#"); t != s && (t == "" || strings.HasSuffix(t, " ")) {
		s = strings.TrimSpace(t)
	}
	return s
}

// isSetextRule reports whether s is a line of c characters (a setext
// underline).
func isSetextRule(s string, c byte) bool {
	s = strings.TrimSpace(s)
	return len(s) >= 2 && strings.Trim(s, string(c)) == ""
}

// isThematicBreak reports whether s is a rule: three or more of the same
// '-', '*' or '_', optionally spaced.
func isThematicBreak(s string) bool {
	t := strings.ReplaceAll(s, " ", "")
	if len(t) < 3 {
		return false
	}
	c := t[0]
	return (c == '-' || c == '*' || c == '_') && strings.Trim(t, string(c)) == ""
}

// isLinkDefinition reports whether s is a reference link definition:
// "[label]: url".
func isLinkDefinition(s string) bool {
	if !strings.HasPrefix(s, "[") {
		return false
	}
	i := strings.Index(s, "]:")
	return i > 1 && !strings.Contains(s[1:i], "]")
}

// Bounds on how far inline syntax may reach, so that lines full of
// unmatched brackets or backticks take linear, not quadratic, time.
const (
	maxLinkText = 1000
	maxLinkDest = 2048
	maxCodeSpan = 2048
	maxAutolink = 2048
)

// window returns s[i:], cut to at most n bytes.
func window(s string, i, n int) string {
	if len(s)-i > n {
		return s[i : i+n]
	}
	return s[i:]
}

// plainInline converts inline Markdown to plain text: images are dropped,
// links keep their text, code spans and emphasis lose their markers,
// backslash escapes are resolved and autolinks lose their angle brackets.
func plainInline(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if _, end, ok := link(s, i+1); ok {
				i = end
				continue
			}
		case c == '[':
			if text, end, ok := link(s, i); ok {
				b.WriteString(plainInline(text))
				i = end
				continue
			}
		case c == '`':
			n := 0
			for i+n < len(s) && s[i+n] == '`' {
				n++
			}
			if j := strings.Index(window(s, i+n, maxCodeSpan), s[i:i+n]); j >= 0 {
				b.WriteString(strings.TrimSpace(s[i+n : i+n+j]))
				i += n + j + n
				continue
			}
		case c == '<':
			if j := strings.IndexByte(window(s, i, maxAutolink), '>'); j > 0 {
				inner := s[i+1 : i+j]
				if (strings.HasPrefix(inner, "http://") || strings.HasPrefix(inner, "https://") || strings.HasPrefix(inner, "mailto:")) && !strings.ContainsAny(inner, " <") {
					b.WriteString(inner)
					i += j + 1
					continue
				}
			}
		case c == '*' || c == '_':
			n := 0
			for i+n < len(s) && s[i+n] == c {
				n++
			}
			if n <= 3 && isEmphasisDelimiter(s, i, i+n) {
				i += n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return strings.TrimSpace(b.String())
}

// link parses "[text](url)" or "[text][ref]" at s[i] == '[' and returns the
// text and the offset after the link.
func link(s string, i int) (string, int, bool) {
	depth := 0
	j := i
	for lim := min(len(s), i+maxLinkText); j < lim; j++ {
		if s[j] == '\\' {
			j++
			continue
		}
		if s[j] == '[' {
			depth++
		} else if s[j] == ']' {
			depth--
			if depth == 0 {
				break
			}
		}
	}
	if j >= len(s)-1 || s[j] != ']' {
		return "", 0, false
	}
	text := s[i+1 : j]
	open, close := s[j+1], byte(')')
	switch open {
	case '(':
	case '[':
		close = ']'
	default:
		return "", 0, false
	}
	depth = 0
	for k, lim := j+1, min(len(s), j+1+maxLinkDest); k < lim; k++ {
		switch s[k] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return text, k + 1, true
			}
		}
	}
	return "", 0, false
}

// isEmphasisDelimiter reports whether the run s[i:j] of '*' or '_' opens or
// closes emphasis: exactly one side touches text and the other is a space,
// punctuation or the end of the line. "2 * 3", "5*3" and "snake_case" stay.
func isEmphasisDelimiter(s string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	if i == 0 {
		before = ' '
	}
	if j == len(s) {
		after = ' '
	}
	open := !unicode.IsSpace(after) && (unicode.IsSpace(before) || unicode.IsPunct(before))
	closing := !unicode.IsSpace(before) && (unicode.IsSpace(after) || unicode.IsPunct(after))
	return open != closing
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
