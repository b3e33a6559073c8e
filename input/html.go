package input

import (
	"errors"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"github.com/parallax-news/parallax"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var errNoContent = errors.New("no main content found")

// readHTML extracts the main content and metadata of a web page. The page
// is parsed here rather than by trafilatura.Extract so that the text
// decoding policy of this package applies, not a charset guess.
func readHTML(text string) (*parallax.Article, error) {
	res, err := extract(text, trafilatura.Options{ExcludeComments: true})
	if err != nil || res.ContentNode == nil {
		// The fallback extractors (readability, DOM distiller) are
		// slower; they only run when the main one finds nothing.
		res, err = extract(text, trafilatura.Options{ExcludeComments: true, EnableFallback: true, Focus: trafilatura.FavorRecall})
	}
	if err != nil || res.ContentNode == nil {
		return nil, errNoContent
	}
	m := res.Metadata
	a := &parallax.Article{
		Title:     clean(m.Title),
		Author:    clean(m.Author),
		URL:       strings.TrimSpace(m.URL),
		Source:    clean(m.Sitename),
		Published: m.Date,
	}
	if a.Source == "" {
		a.Source = strings.TrimPrefix(m.Hostname, "www.")
	}
	paras, linked := paragraphs(res.ContentNode)
	if !enoughContent(paras, linked) {
		return nil, errNoContent
	}
	// The page's headline is usually the first block of the article; it
	// is the Title, not part of the Body, as for plain text.
	if len(paras) > 0 && a.Title != "" && strings.EqualFold(paras[0], a.Title) {
		paras = paras[1:]
	}
	if len(paras) == 0 {
		return nil, errNoContent
	}
	a.Body = strings.Join(paras, "\n\n")
	return a, nil
}

func extract(text string, opts trafilatura.Options) (*trafilatura.ExtractResult, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	opts.HtmlDateMode = trafilatura.Fast
	return trafilatura.ExtractDocument(doc, opts)
}

// blockAtoms are the elements that start a new paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Main: true, atom.Body: true,
	atom.Aside: true, atom.Details: true, atom.Summary: true, atom.Caption: true,
}

// Thresholds below which extracted content is navigation or a stub, not
// an article: too little text, or text that is mostly links.
const (
	minContentBytes = 80
	maxLinkDensity  = 0.5
)

// enoughContent reports whether the extracted paragraphs read like an
// article. The extractor's last resort takes whatever text a page has,
// menus included.
func enoughContent(paras []string, linked int) bool {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return n >= minContentBytes && float64(linked) <= maxLinkDensity*float64(n)
}

// tag returns an element's atom. Nodes built by the extractor carry only
// their name, not their atom.
func tag(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// paragraphs walks extracted content and returns the text of each block
// element as its own paragraph, whitespace collapsed as a browser would,
// and how many bytes of text are inside links. trafilatura's ContentText
// joins blocks with spaces and loses the paragraphs.
func paragraphs(root *html.Node) ([]string, int) {
	var (
		out    []string
		cur    strings.Builder
		linked int
	)
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	// space writes one space unless the paragraph is empty or already
	// ends in whitespace.
	space := func() {
		s := cur.String()
		if s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
			cur.WriteByte(' ')
		}
	}
	var walk func(n *html.Node, pre, link bool)
	walk = func(n *html.Node, pre, link bool) {
		switch n.Type {
		case html.TextNode:
			if link {
				linked += len(strings.TrimSpace(n.Data))
			}
			if pre {
				cur.WriteString(n.Data)
				return
			}
			if n.Data != "" && isHTMLSpace(n.Data[0]) {
				space()
			}
			fields := strings.Fields(n.Data)
			for i, f := range fields {
				if i > 0 {
					cur.WriteByte(' ')
				}
				cur.WriteString(f)
			}
			if len(fields) > 0 && isHTMLSpace(n.Data[len(n.Data)-1]) {
				cur.WriteByte(' ')
			}
			return
		case html.ElementNode:
			switch tag(n) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Img, atom.Svg, atom.Iframe:
				return
			case atom.Br:
				// A line break inside a paragraph; normalization
				// decides what it becomes.
				trimTrailingSpace(&cur)
				if cur.Len() > 0 {
					cur.WriteByte('\n')
				}
				return
			case atom.Td, atom.Th:
				space()
			}
		case html.CommentNode, html.DoctypeNode:
			return
		}
		var t atom.Atom
		if n.Type == html.ElementNode {
			t = tag(n)
		}
		block := blockAtoms[t]
		if block {
			flush()
		}
		pre = pre || t == atom.Pre
		link = link || t == atom.A
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre, link)
		}
		if block {
			flush()
		}
	}
	walk(root, false, false)
	flush()
	return out, linked
}

func trimTrailingSpace(b *strings.Builder) {
	s := b.String()
	if t := strings.TrimRight(s, " "); len(t) != len(s) {
		b.Reset()
		b.WriteString(t)
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// clean collapses the whitespace of a metadata value.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
