package feed

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text turns an HTML fragment from a feed into plain text: one paragraph
// per block element, paragraphs separated by a blank line, whitespace
// collapsed, entities decoded, scripts, styles and embeds dropped. A
// single <br> becomes a line break, two in a row a paragraph break. Text
// without markup keeps its blank-line paragraphs.
func Text(s string) string {
	if !looksLikeHTML(s) {
		return plainText(html.UnescapeString(s))
	}
	var (
		paras  []string
		cur    strings.Builder
		space  bool // whitespace seen since the last word
		brs    int  // consecutive <br>s
		skip   int  // depth inside elements whose text is not content
		tokens = html.NewTokenizer(strings.NewReader(s))
	)
	flush := func() {
		if cur.Len() > 0 {
			paras = append(paras, strings.TrimRight(cur.String(), "\n"))
			cur.Reset()
		}
		space, brs = false, 0
	}
	for {
		tt := tokens.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			if skip > 0 {
				continue
			}
			text := string(tokens.Text())
			if text != "" && isSpace(text[0]) {
				space = true
			}
			for i, w := range strings.Fields(text) {
				if (space || i > 0) && cur.Len() > 0 && !endsInNewline(&cur) {
					cur.WriteByte(' ')
				}
				cur.WriteString(w)
				space, brs = false, 0
			}
			if text != "" && isSpace(text[len(text)-1]) {
				space = true
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := tokens.TagName()
			a := atom.Lookup(name)
			if skipped[a] {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch {
			case a == atom.Br:
				brs++
				if brs >= 2 {
					flush()
				} else if cur.Len() > 0 {
					cur.WriteByte('\n')
					space = false
				}
			case blocks[a]:
				flush()
			case a == atom.Td || a == atom.Th || a == atom.Img:
				space = true
			}
		}
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// Elements whose text is not article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Video: true, atom.Audio: true, atom.Select: true, atom.Button: true,
	atom.Head: true, atom.Title: true,
}

// Elements that start and end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Main: true, atom.Body: true,
	atom.Aside: true, atom.Details: true, atom.Summary: true, atom.Caption: true,
	atom.Address: true, atom.Nav: true, atom.Form: true,
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func endsInNewline(b *strings.Builder) bool {
	s := b.String()
	return s != "" && s[len(s)-1] == '\n'
}

// looksLikeHTML reports whether s has a tag, comment or doctype: "<"
// followed by a letter, "/" or "!". "a < b" in plain text is not markup.
func looksLikeHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// plainText splits text on blank lines into paragraphs and collapses the
// whitespace inside each.
func plainText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var paras []string
	for _, block := range blankLine.Split(s, -1) {
		if p := strings.Join(strings.Fields(block), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

var blankLine = regexp.MustCompile(`\n[ \t\f]*\n`)

// oneLine is Text on one line: for titles, names and outlet names.
func oneLine(s string) string {
	if strings.ContainsAny(s, "<&") {
		s = Text(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// Feed footers: the last paragraphs feeds append to an item that are not
// the article's. A "continue reading" link or an ellipsis also says the
// item is cut short.
var (
	wordpressFooter = regexp.MustCompile(`^The post .+ appeared first on .+$`)
	readMore        = regexp.MustCompile(`(?i)^(?:continue reading|read more|read the (?:full|rest of the|whole) (?:story|article|post)|keep reading|full story)\b[^\n]{0,60}$`)
)

// body is Text of an item's HTML without feed footers, and whether the
// text ends in a sign that it was cut short.
func body(src string) (string, bool) {
	t := Text(src)
	truncated := false
	for range 3 {
		last := t
		i := strings.LastIndex(t, "\n\n")
		if i >= 0 {
			last = t[i+2:]
		}
		switch {
		case wordpressFooter.MatchString(last):
		case readMore.MatchString(last):
			truncated = true
		default:
			if cut, ok := trimEllipsis(t); ok {
				t, truncated = cut, true
			}
			return t, truncated
		}
		if i < 0 {
			return "", truncated
		}
		t = t[:i]
	}
	return t, truncated
}

// trimEllipsis removes a final "…", "...", "[…]" or "[...]", the marks
// feeds put where they cut an article short.
func trimEllipsis(t string) (string, bool) {
	for _, mark := range []string{"[…]", "[...]", "…", "..."} {
		if strings.HasSuffix(t, mark) {
			return strings.TrimRight(t[:len(t)-len(mark)], " \t\n\u00a0"), true
		}
	}
	return t, false
}
