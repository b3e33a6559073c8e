// Package reconcile owns the cross-article view: it takes the analyzed
// Documents of many reports about the same events and builds the Brief —
// which articles are independent and which are copies of one origin,
// entities merged across articles, claims aligned into facts, conflicts and
// attribution splits between them, what only one outlet reports, how
// outlets word the same things, a timeline and a cited summary.
//
// Brief is pure and deterministic: no I/O, no logging, no randomness, and
// every list is sorted by a stable key. Articles are read in order of
// publication (unknown last), then by id, so the input order does not
// change the result.
package reconcile

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/claim"
)

// article is one input document with its cross-article bookkeeping.
type article struct {
	idx       int // position in reading order
	doc       *parallax.Document
	id        string
	source    string // outlet name, the id when unknown
	published time.Time
	origin    string
	ents      []int // document entity index → merged entity id, or -1
	// qs are the document's quantities as compared (see figures), and
	// whole marks those that size a whole rather than state a figure.
	qs    []parallax.Quantity
	whole []bool
}

// corpus is everything Brief works on.
type corpus struct {
	arts   []*article
	ents   []*entity
	claims []*claimRec
	st     *stemmer
	byKey  map[string]int // folded entity name or alias → merged entity
}

// fact is one output fact with what the views need.
type fact struct {
	out    parallax.Fact
	claims []int // corpus claim indexes
	rep    int   // representative claim
	arts   []int // article indexes, sorted
	aspect *aspect
	first  [2]int
}

// Brief reconciles the documents into a brief. Nil documents are skipped;
// documents without claims get them from claim.Extract.
func Brief(docs []*parallax.Document) *parallax.Brief {
	c := newCorpus(docs)
	assignOrigins(c.arts)
	c.ents = mergeEntities(c.arts)
	c.collectClaims()
	vectorize(c.st, c.arts, c.ents, c.claims)
	c.describeFigures()
	groups := align(c.claims)
	facts := c.buildFacts(groups)

	b := &parallax.Brief{
		Articles: c.articleRefs(),
		Facts:    make([]parallax.Fact, len(facts)),
		Quotes:   c.quotes(),
		Entities: c.entitySummaries(),
		Wording:  c.wording(),
		Unique:   c.unique(facts),
		Timeline: c.timeline(),
		Summary:  c.summary(facts),
		Disputed: c.disputed(facts),
	}
	for i, f := range facts {
		b.Facts[i] = f.out
	}
	return b
}

func newCorpus(docs []*parallax.Document) *corpus {
	c := &corpus{st: newStemmer()}
	used := map[string]int{}
	for i, d := range docs {
		if d == nil {
			continue
		}
		a := &article{doc: d}
		if d.Article != nil {
			a.id = d.Article.ID
			a.source = d.Article.Source
			a.published = d.Article.Published
		}
		if a.id == "" {
			a.id = fmt.Sprintf("article-%d", i+1)
		}
		if n := used[a.id]; n > 0 {
			used[a.id]++
			a.id = fmt.Sprintf("%s-%d", a.id, n+1)
		}
		used[a.id]++
		if a.source == "" {
			a.source = a.id
		}
		a.qs, a.whole = figures(d)
		c.arts = append(c.arts, a)
	}
	sort.SliceStable(c.arts, func(i, j int) bool {
		a, b := c.arts[i], c.arts[j]
		if az, bz := a.published.IsZero(), b.published.IsZero(); az != bz {
			return bz
		}
		if !a.published.Equal(b.published) {
			return a.published.Before(b.published)
		}
		return a.id < b.id
	})
	for i, a := range c.arts {
		a.idx = i
	}
	return c
}

// collectClaims gathers every valid claim with its merged entities and
// cited source.
func (c *corpus) collectClaims() {
	c.byKey = map[string]int{}
	for g, e := range c.ents {
		for _, a := range append([]string{e.name}, e.aliases...) {
			if _, ok := c.byKey[localKey(a)]; !ok {
				c.byKey[localKey(a)] = g
			}
		}
	}
	for ai, a := range c.arts {
		cs := a.doc.Claims
		if len(cs) == 0 {
			cs = claim.Extract(a.doc)
		}
		for _, cl := range cs {
			if cl.Span.Start < 0 || cl.Span.End > len(a.doc.Text) || cl.Span.Start >= cl.Span.End {
				continue
			}
			cr := &claimRec{art: ai, c: cl, text: strings.TrimSpace(a.doc.Text[cl.Span.Start:cl.Span.End]), src: -1}
			if cr.text == "" {
				continue
			}
			cr.ws = words(a.doc.Text, cl.Span.Start, cl.Span.End)
			seen := map[int]bool{}
			for _, e := range cl.Entities {
				if e >= 0 && e < len(a.ents) && a.ents[e] >= 0 && !seen[a.ents[e]] {
					seen[a.ents[e]] = true
					cr.ents = append(cr.ents, a.ents[e])
				}
			}
			sort.Ints(cr.ents)
			if s := cl.AttributedTo; s >= 0 && s < len(a.ents) && a.ents[s] >= 0 {
				cr.src = a.ents[s]
			} else if name := unresolvedSource(a.doc, cl); name != "" {
				if g, ok := c.byKey[localKey(name)]; ok {
					cr.src = g
				} else {
					cr.srcKey, cr.srcName = "t"+localKey(name), name
				}
			}
			if cr.src >= 0 {
				cr.srcKey, cr.srcName = fmt.Sprint("e", cr.src), c.ents[cr.src].name
			}
			c.claims = append(c.claims, cr)
		}
	}
}

func (c *corpus) articleRefs() []parallax.ArticleRef {
	out := make([]parallax.ArticleRef, len(c.arts))
	for i, a := range c.arts {
		r := parallax.ArticleRef{ID: a.id, Source: a.source, Origin: a.origin}
		if ar := a.doc.Article; ar != nil {
			r.Source = ar.Source
			r.Title = ar.Title
			r.Path = ar.Path
			r.URL = ar.URL
			r.Author = ar.Author
			if !ar.Published.IsZero() {
				r.Published = ar.Published.UTC().Format(time.RFC3339)
			}
		}
		out[i] = r
	}
	return out
}

func (c *corpus) entitySummaries() []parallax.EntitySummary {
	out := make([]parallax.EntitySummary, len(c.ents))
	for i, e := range c.ents {
		out[i] = parallax.EntitySummary{
			Name:     e.name,
			Type:     e.typ,
			Title:    e.title,
			Aliases:  e.aliases,
			Articles: c.ids(e.articles),
			Mentions: e.mentions,
		}
		if out[i].Aliases == nil {
			out[i].Aliases = []string{}
		}
	}
	return out
}

// ids returns the ids of the given article indexes.
func (c *corpus) ids(arts []int) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = c.arts[a].id
	}
	return out
}

// sourceName names a claim's source: the merged entity, or the outlet for
// its own voice.
func (c *corpus) sourceName(cr *claimRec) string {
	if cr.srcName != "" {
		return cr.srcName
	}
	return c.arts[cr.art].source
}

// buildFacts turns claim groups into facts, one per disputed aspect or
// one for an undisputed group, and orders them: disputed first, then
// corroborated, then single-source, each by independent sources.
func (c *corpus) buildFacts(groups [][]int) []*fact {
	var facts []*fact
	for _, g := range groups {
		if len(g) == 1 && c.claims[g[0]].echo {
			continue
		}
		base := fact{claims: g}
		c.fillCounts(&base)
		aspects := disputes(c, g)
		if len(aspects) == 0 {
			f := base
			f.rep = c.representative(g)
			if f.out.Independent >= 2 {
				f.out.Status = parallax.Corroborated
			} else {
				f.out.Status = parallax.SingleSource
			}
			facts = append(facts, &f)
			continue
		}
		for ai := range aspects {
			a := &aspects[ai]
			f := base
			f.aspect = a
			f.out.Status = a.status
			f.out.Kind = a.kind
			var carrying []int
			for _, v := range a.variants {
				carrying = append(carrying, v.claims...)
				f.out.Variants = append(f.out.Variants, c.variantOut(v))
			}
			sort.Ints(carrying)
			f.rep = c.representative(carrying)
			facts = append(facts, &f)
		}
	}
	facts = append(facts, c.crossFacts(facts)...)
	rank := map[parallax.FactStatus]int{parallax.Conflict: 0, parallax.AttributionSplit: 0, parallax.Corroborated: 1, parallax.SingleSource: 2}
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if rank[a.out.Status] != rank[b.out.Status] {
			return rank[a.out.Status] < rank[b.out.Status]
		}
		if a.out.Independent != b.out.Independent {
			return a.out.Independent > b.out.Independent
		}
		if a.out.Outlets != b.out.Outlets {
			return a.out.Outlets > b.out.Outlets
		}
		if a.first != b.first {
			return a.first[0] < b.first[0] || (a.first[0] == b.first[0] && a.first[1] < b.first[1])
		}
		return false
	})
	for i, f := range facts {
		f.out.ID = fmt.Sprintf("f%d", i+1)
		f.out.Statement = statement(c.claims[f.rep].text)
	}
	return facts
}

// fillCounts sets the claims, outlet, origin and source counts of a fact.
func (c *corpus) fillCounts(f *fact) {
	outlets := map[string]bool{}
	origins := map[string]bool{}
	sources := map[string]bool{}
	seen := map[int]bool{}
	f.first = [2]int{1 << 30, 1 << 30}
	for _, ci := range f.claims {
		cr := c.claims[ci]
		a := c.arts[cr.art]
		outlets[a.source] = true
		origins[a.origin] = true
		if cr.srcKey != "" {
			sources[cr.srcKey] = true
		} else {
			sources["o"+a.source] = true
		}
		if !seen[cr.art] {
			seen[cr.art] = true
			f.arts = append(f.arts, cr.art)
		}
		if p := [2]int{cr.art, cr.c.Span.Start}; p[0] < f.first[0] || (p[0] == f.first[0] && p[1] < f.first[1]) {
			f.first = p
		}
		ref := parallax.ClaimRef{Article: a.id, Sentence: cr.text, Span: cr.c.Span}
		ref.AttributedTo = cr.srcName
		f.out.Claims = append(f.out.Claims, ref)
	}
	sort.Ints(f.arts)
	f.out.Outlets = len(outlets)
	f.out.Independent = len(origins)
	f.out.PrimarySources = len(sources)
}

func (c *corpus) variantOut(v variant) parallax.Variant {
	arts := map[int]bool{}
	names := map[string]bool{}
	for _, ci := range v.claims {
		cr := c.claims[ci]
		arts[cr.art] = true
		if v.voice(c, ci) == "" {
			names[c.arts[cr.art].source] = true
		} else {
			names[c.sourceName(cr)] = true
		}
	}
	out := parallax.Variant{Text: v.text, Value: v.value, Articles: c.ids(sortedKeys(arts)), AttributedTo: []string{}, Compatible: v.fits}
	for n := range names {
		out.AttributedTo = append(out.AttributedTo, n)
	}
	sort.Strings(out.AttributedTo)
	return out
}

// representative picks the claim that best stands for a set: among the
// most central claims (average similarity to the claims of other origins
// within centralBand of the best), the shortest. Copies of one origin do
// not vote for each other.
func (c *corpus) representative(cis []int) int {
	if len(cis) == 1 {
		return cis[0]
	}
	cent := make([]float64, len(cis))
	top := 0.0
	for i, a := range cis {
		n := 0
		for j, b := range cis {
			if i != j && c.arts[c.claims[a].art].origin != c.arts[c.claims[b].art].origin {
				cent[i] += similarity(c.claims[a], c.claims[b])
				n++
			}
		}
		if n > 0 {
			cent[i] /= float64(n)
		}
		top = max(top, cent[i])
	}
	best := -1
	for i, a := range cis {
		if cent[i] < top-centralBand {
			continue
		}
		if best < 0 {
			best = a
			continue
		}
		sa, sb := standalone(c.claims[a].text), standalone(c.claims[best].text)
		if sa != sb {
			if sa {
				best = a
			}
			continue
		}
		if len(c.claims[a].text) < len(c.claims[best].text) {
			best = a
		}
	}
	return best
}

// dependentStarts are first words that make a sentence lean on the one
// before it.
var dependentStarts = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "but": true, "and": true, "or": true,
	"this": true, "that": true, "these": true, "those": true, "his": true, "her": true, "its": true,
	"their": true, "however": true, "also": true, "yet": true,
}

// standalone reports whether a claim reads on its own: it starts with a
// capital and not with a pronoun or conjunction, and it is not a bare
// quote whose speaker is named in another sentence.
func standalone(s string) bool {
	ws := words(s, 0, len(s))
	if len(ws) == 0 {
		return false
	}
	if u := unquoted(s); u != s && len(words(u, 0, len(u))) < 2 {
		return false
	}
	r := []rune(ws[0].text)[0]
	return unicode.IsUpper(r) && !dependentStarts[ws[0].lower]
}

// centralBand is how far below the most central claim a claim may be and
// still be chosen as the statement for being shorter.
const centralBand = 0.08

// determiners open a source's name without being part of it.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true}

// unresolvedSource returns the name of the source a claim is credited to
// when the quote stage found the attribution but not its entity ("the
// regional health ministry said"): the source as written, without its
// determiner. It returns "" when no such attribution covers the claim.
// The coverage rules are claim.Extract's: a cue inside the claim, then
// attributed content covering half of it, then a cue in its sentence.
func unresolvedSource(d *parallax.Document, cl parallax.Claim) string {
	var sent parallax.Span
	if cl.Sentence >= 0 && cl.Sentence < len(d.Sentences) {
		sent = d.Sentences[cl.Sentence].Span
	}
	best, bestScore := "", 0.0
	for _, a := range d.Attributions {
		if a.Source >= 0 || a.SourceSpan.Len() <= 0 {
			continue
		}
		score := 0.0
		switch {
		case a.Cue.Len() > 0 && cl.Span.Contains(a.Cue):
			score = 3
		case a.Content.Len() > 0 && 2*overlapLen(a.Content, cl.Span) >= cl.Span.Len():
			score = 2 + float64(overlapLen(a.Content, cl.Span))/float64(max(1, cl.Span.Len()))
		case a.Cue.Len() > 0 && sent.Contains(a.Cue):
			score = 1
		}
		if score <= bestScore {
			continue
		}
		ws := words(d.Text, max(0, a.SourceSpan.Start), min(len(d.Text), a.SourceSpan.End))
		for len(ws) > 0 && determiners[ws[0].lower] {
			ws = ws[1:]
		}
		if len(ws) == 0 {
			continue
		}
		best, bestScore = d.Text[ws[0].start:ws[len(ws)-1].end], score
	}
	return best
}

func overlapLen(a, b parallax.Span) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}

// maxStatement is the longest statement in runes; longer claims are cut at
// a word boundary.
const maxStatement = 280

// statement makes a claim readable on its own: white space collapsed and
// over-long text cut.
func statement(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return cut(s, maxStatement)
}

// cut shortens s to at most n runes at a word boundary, marking the cut.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	t := string(r[:n])
	if i := strings.LastIndexByte(t, ' '); i > len(t)/2 {
		t = t[:i]
	}
	return strings.TrimRight(t, " ,;:-") + "…"
}
