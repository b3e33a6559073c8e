package web

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/normalize"
)

// paletteSize is how many outlet colors parallax.css defines (.oc0 …).
const paletteSize = 10

// outletColors gives each outlet a palette slot derived from its name, so an
// outlet keeps its color from page to page; when two outlets on one page
// would share a slot the later one takes the next free slot.
func outletColors(outlets []string) map[string]int {
	out := make(map[string]int, len(outlets))
	var used [paletteSize]bool
	for _, o := range outlets {
		if _, ok := out[o]; ok {
			continue
		}
		slot := int(fnv32a(o) % paletteSize)
		for i := 0; i < paletteSize; i++ {
			if j := (slot + i) % paletteSize; !used[j] {
				slot = j
				break
			}
		}
		used[slot] = true
		out[o] = slot
	}
	return out
}

// fnv32a is the 32-bit FNV-1a hash of s (hash/fnv's New32a, without its
// allocations).
func fnv32a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// colorClass is the CSS class carrying palette slot n.
func colorClass(n int) string {
	if n >= 0 && n < paletteSize {
		return colorClasses[n]
	}
	return "oc" + strconv.Itoa(n)
}

var colorClasses = func() (out [paletteSize]string) {
	for i := range out {
		out[i] = "oc" + strconv.Itoa(i)
	}
	return out
}()

// cite is one link to a cited sentence (the quotes page's citations).
type cite struct {
	Article string
	Outlet  string
	Title   string // the article's title, for the link's tooltip
	Color   int
	Href    string
	// Exact says the link highlights the cited text; when false it opens
	// the article without a highlight because the text was not found.
	Exact bool
}

// Class is the CSS class carrying the outlet's color.
func (c cite) Class() string { return colorClass(c.Color) }

// source is what every citation of one article shows, worked out once per
// page.
type source struct {
	id     string
	outlet string // the outlet's name, the article id when unknown
	title  string
	color  int
	href   string // the article's page, unescaped
}

// citeLink is one link of the story page to an article, at bytes span of
// its normalized text when exact.
type citeLink struct {
	src   *source
	span  parallax.Span
	exact bool
}

// href is the link's target, unescaped.
func (ct citeLink) href() string {
	if !ct.exact {
		return ct.src.href
	}
	return string(ct.appendHref(nil))
}

func (ct citeLink) appendHref(b []byte) []byte {
	b = append(b, ct.src.href...)
	if ct.exact {
		b = append(b, "?s="...)
		b = strconv.AppendInt(b, int64(ct.span.Start), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(ct.span.End), 10)
		b = append(b, "#cited"...)
	}
	return b
}

// citer turns what a Brief says about an article into links to the cited
// bytes of its normalized text. Facts carry spans; summary lines, timeline
// entries and wording terms carry only article ids and text, so their spans
// are found through the facts' claims or, failing that, in the text itself.
type citer struct {
	s       *server
	refs    map[string]parallax.ArticleRef
	colors  map[string]int
	sources map[string]*source
	facts   []parallax.Fact
	// claims indexes every claim's span by article and sentence; sentences
	// lists, for each claim sentence, the facts that have it, in order.
	claims    map[[2]string]parallax.Span
	sentences map[string][]int
	// bodies gives the story's stored articles by id, loaded on the first
	// text search; texts caches their normalized text.
	bodies func() map[string]*parallax.Article
	texts  map[string]string
	// scratch and out are reused to build hrefs and markup while writing
	// citations.
	scratch, out []byte
}

// newCiter indexes brief b and the story's articles. arts may be nil when
// the brief describes every article; bodies is called (at most once, by the
// caller's contract) only when a citation must be searched for in an
// article's text.
func newCiter(s *server, b *parallax.Brief, arts []*parallax.Article, bodies func() map[string]*parallax.Article) *citer {
	c := &citer{
		s:       s,
		refs:    map[string]parallax.ArticleRef{},
		sources: map[string]*source{},
		bodies:  bodies,
	}
	var outlets []string
	if b != nil {
		c.facts = b.Facts
		n := 0
		for _, f := range b.Facts {
			n += len(f.Claims)
		}
		c.claims = make(map[[2]string]parallax.Span, n)
		c.sentences = make(map[string][]int, n)
		for _, r := range b.Articles {
			c.refs[r.ID] = r
			outlets = append(outlets, r.Source)
		}
		for i, f := range b.Facts {
			for _, cl := range f.Claims {
				k := [2]string{cl.Article, cl.Sentence}
				if _, ok := c.claims[k]; !ok {
					c.claims[k] = cl.Span
				}
				if fs := c.sentences[cl.Sentence]; len(fs) == 0 || fs[len(fs)-1] != i {
					c.sentences[cl.Sentence] = append(fs, i)
				}
			}
		}
	}
	for _, a := range arts {
		if _, ok := c.refs[a.ID]; !ok {
			c.refs[a.ID] = parallax.ArticleRef{ID: a.ID, Source: a.Source, Title: a.Title, URL: a.URL}
			outlets = append(outlets, a.Source)
		}
	}
	c.colors = outletColors(outlets)
	return c
}

// outlet names the outlet of an article, its id when unknown.
func (c *citer) outlet(article string) string {
	if r, ok := c.refs[article]; ok && r.Source != "" {
		return r.Source
	}
	return article
}

// source returns what citations of an article show.
func (c *citer) source(article string) *source {
	if src, ok := c.sources[article]; ok {
		return src
	}
	o := c.outlet(article)
	src := &source{id: article, outlet: o, title: c.refs[article].Title, color: c.colors[o], href: c.s.link("articles", article)}
	c.sources[article] = src
	return src
}

// plain links to an article without a highlight.
func (c *citer) plain(article string) citeLink {
	return citeLink{src: c.source(article)}
}

// at links to bytes sp of an article's normalized text.
func (c *citer) at(article string, sp parallax.Span) citeLink {
	return citeLink{src: c.source(article), span: sp, exact: sp.End > sp.Start && sp.Start >= 0}
}

// find links to text in an article: a claim with that sentence, else the
// first place the text occurs in the article, else the article itself.
func (c *citer) find(article, text string) citeLink {
	if sp, ok := c.claims[[2]string{article, text}]; ok {
		return c.at(article, sp)
	}
	if sp, ok := c.search(article, text); ok {
		return c.at(article, sp)
	}
	return c.plain(article)
}

// claimOf links to the claim of fact f made by article, preferring one whose
// sentence contains hint (a variant's wording).
func (c *citer) claimOf(f *parallax.Fact, article, hint string) (citeLink, bool) {
	var first *parallax.ClaimRef
	h := strings.ToLower(hint)
	for i := range f.Claims {
		cl := &f.Claims[i]
		if cl.Article != article {
			continue
		}
		if h != "" && strings.Contains(strings.ToLower(cl.Sentence), h) {
			return c.at(article, cl.Span), true
		}
		if first == nil {
			first = cl
		}
	}
	if first == nil {
		return citeLink{}, false
	}
	return c.at(article, first.Span), true
}

// related links an article's sentence about the same fact as text: text is
// one claim's sentence (a timeline entry shows the shortest of several), and
// the other articles said it in their own words.
func (c *citer) related(article, text string) citeLink {
	if sp, ok := c.claims[[2]string{article, text}]; ok {
		return c.at(article, sp)
	}
	prefix := strings.TrimSuffix(text, "…")
	if prefix == text {
		// Only facts with a claim of exactly this sentence are about it.
		for _, i := range c.sentences[text] {
			if ct, ok := c.claimOf(&c.facts[i], article, ""); ok {
				return ct
			}
		}
		return c.find(article, prefix)
	}
	for i := range c.facts {
		f := &c.facts[i]
		for _, cl := range f.Claims {
			if cl.Sentence == text || strings.HasPrefix(cl.Sentence, prefix) {
				if ct, ok := c.claimOf(f, article, ""); ok {
					return ct
				}
				break
			}
		}
	}
	return c.find(article, prefix)
}

// search finds text in an article's normalized text.
func (c *citer) search(article, text string) (parallax.Span, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return parallax.Span{}, false
	}
	t, ok := c.texts[article]
	if !ok {
		t = c.text(article)
		if c.texts == nil {
			c.texts = map[string]string{}
		}
		c.texts[article] = t
	}
	i := strings.Index(t, text)
	if i < 0 {
		return parallax.Span{}, false
	}
	return parallax.Span{Start: i, End: i + len(text)}, true
}

// text returns an article's normalized text: from the server's cache, else
// normalized from the stored article (and then kept); "" when the store
// could not give it.
func (c *citer) text(article string) string {
	if t, ok := c.s.texts.get(article); ok {
		return t
	}
	if c.bodies == nil {
		return ""
	}
	a := c.bodies()[article]
	if a == nil {
		return ""
	}
	t, _ := normalize.Text(a.Body)
	c.s.texts.put(article, t)
	return t
}

// cites writes a list of citations as the markup below, escaped exactly as
// html/template escapes it (TestCitesMatchTemplate holds the two together):
//
//	<span class="cites"><span class="vh">Cited from: </span><a class="cite {{class}}"
//	href="{{href}}"{{if title}} title="{{title}}"{{end}}>{{outlet}}</a> …</span>
//
// An empty list writes nothing. The story page shows hundreds of
// citations; writing them here instead of through a template avoids a
// reflective call per escaped value.
func (c *citer) cites(cs []citeLink) template.HTML {
	if len(cs) == 0 {
		return ""
	}
	b := c.out[:0]
	b = append(b, `<span class="cites"><span class="vh">Cited from: </span>`...)
	for i, ct := range cs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, `<a class="cite `...)
		b = appendHTMLEscaped(b, colorClass(ct.src.color))
		b = append(b, `" href="`...)
		c.scratch = ct.appendHref(c.scratch[:0])
		b = appendURLAttr(b, c.scratch)
		b = append(b, '"')
		if ct.src.title != "" {
			b = append(b, ` title="`...)
			b = appendHTMLEscaped(b, ct.src.title)
			b = append(b, '"')
		}
		b = append(b, '>')
		b = appendHTMLEscaped(b, ct.src.outlet)
		b = append(b, "</a>"...)
	}
	b = append(b, "</span>"...)
	c.out = b
	return template.HTML(b)
}

// articleURL links to an article with bytes sp of its normalized text
// highlighted and scrolled to.
func (s *server) articleURL(article string, sp parallax.Span) string {
	return fmt.Sprintf("%s?s=%d-%d#cited", s.link("articles", article), sp.Start, sp.End)
}
