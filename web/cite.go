package web

import (
	"fmt"
	"hash/fnv"
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
	out := map[string]int{}
	var used [paletteSize]bool
	for _, o := range outlets {
		if _, ok := out[o]; ok {
			continue
		}
		h := fnv.New32a()
		h.Write([]byte(o))
		slot := int(h.Sum32() % paletteSize)
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

// cite is one link to a cited sentence.
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
func (c cite) Class() string { return fmt.Sprintf("oc%d", c.Color) }

// citer turns what a Brief says about an article into links to the cited
// bytes of its normalized text. Facts carry spans; summary lines, timeline
// entries and wording terms carry only article ids and text, so their spans
// are found through the facts' claims or, failing that, in the text itself.
type citer struct {
	s      *server
	refs   map[string]parallax.ArticleRef
	colors map[string]int
	facts  []parallax.Fact
	// claims indexes every claim's span by article and sentence.
	claims map[[2]string]parallax.Span
	// bodies are the story's stored articles; texts caches their
	// normalized text, computed on first use.
	bodies map[string]*parallax.Article
	texts  map[string]string
}

func newCiter(s *server, b *parallax.Brief, arts []*parallax.Article) *citer {
	c := &citer{
		s:      s,
		refs:   map[string]parallax.ArticleRef{},
		claims: map[[2]string]parallax.Span{},
		bodies: map[string]*parallax.Article{},
		texts:  map[string]string{},
	}
	var outlets []string
	for _, a := range arts {
		c.bodies[a.ID] = a
	}
	if b != nil {
		c.facts = b.Facts
		for _, r := range b.Articles {
			c.refs[r.ID] = r
			outlets = append(outlets, r.Source)
		}
		for _, f := range b.Facts {
			for _, cl := range f.Claims {
				k := [2]string{cl.Article, cl.Sentence}
				if _, ok := c.claims[k]; !ok {
					c.claims[k] = cl.Span
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

// plain links to an article without a highlight.
func (c *citer) plain(article string) cite {
	r := c.refs[article]
	o := c.outlet(article)
	return cite{Article: article, Outlet: o, Title: r.Title, Color: c.colors[o], Href: c.s.link("articles", article)}
}

// at links to bytes sp of an article's normalized text.
func (c *citer) at(article string, sp parallax.Span) cite {
	ct := c.plain(article)
	if sp.End > sp.Start && sp.Start >= 0 {
		ct.Href = c.s.articleURL(article, sp)
		ct.Exact = true
	}
	return ct
}

// find links to text in an article: a claim with that sentence, else the
// first place the text occurs in the article, else the article itself.
func (c *citer) find(article, text string) cite {
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
func (c *citer) claimOf(f *parallax.Fact, article, hint string) (cite, bool) {
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
		return cite{}, false
	}
	return c.at(article, first.Span), true
}

// related links an article's sentence about the same fact as text: text is
// one claim's sentence (a timeline entry shows the shortest of several), and
// the other articles said it in their own words.
func (c *citer) related(article, text string) cite {
	if sp, ok := c.claims[[2]string{article, text}]; ok {
		return c.at(article, sp)
	}
	prefix := strings.TrimSuffix(text, "…")
	for i := range c.facts {
		f := &c.facts[i]
		for _, cl := range f.Claims {
			if cl.Sentence == text || (prefix != text && strings.HasPrefix(cl.Sentence, prefix)) {
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
		if a := c.bodies[article]; a != nil {
			t, _ = normalize.Text(a.Body)
		}
		c.texts[article] = t
	}
	i := strings.Index(t, text)
	if i < 0 {
		return parallax.Span{}, false
	}
	return parallax.Span{Start: i, End: i + len(text)}, true
}

// articleURL links to an article with bytes sp of its normalized text
// highlighted and scrolled to.
func (s *server) articleURL(article string, sp parallax.Span) string {
	return fmt.Sprintf("%s?s=%d-%d#cited", s.link("articles", article), sp.Start, sp.End)
}
