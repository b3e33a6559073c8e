package reconcile

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallax-news/parallax"
)

// quotes lists every quote of every article, in reading order.
func (c *corpus) quotes() []parallax.QuoteRef {
	out := []parallax.QuoteRef{}
	for _, a := range c.arts {
		d := a.doc
		qs := make([]parallax.Quote, len(d.Quotes))
		copy(qs, d.Quotes)
		sort.SliceStable(qs, func(i, j int) bool { return qs[i].Span.Start < qs[j].Span.Start })
		for _, q := range qs {
			text := strings.TrimSpace(d.Slice(q.Span))
			if text == "" {
				continue
			}
			r := parallax.QuoteRef{Article: a.id, Text: text, Kind: string(q.Kind), Cue: d.Slice(q.Cue), Span: q.Span}
			if q.Speaker >= 0 && q.Speaker < len(a.ents) && a.ents[q.Speaker] >= 0 {
				r.Speaker = c.ents[a.ents[q.Speaker]].name
			} else {
				r.Speaker = d.Slice(q.SpeakerSpan)
			}
			out = append(out, r)
		}
	}
	return out
}

// termClasses are things outlets name with loaded or house-style words.
var termClasses = []struct {
	label string
	terms []string
}{
	{"the war", []string{"war", "conflict", "crisis", "invasion", "special military operation"}},
	{"the ceasefire", []string{"ceasefire", "cease-fire", "truce", "pause"}},
}

// wording reports entities spelled differently across articles (Kiev and
// Kyiv, Zelensky and Zelenskyy: same referent, different transliteration,
// not a shorter form of the name) and the outlets' words for the war and
// the ceasefire, each only where at least two forms are in use.
func (c *corpus) wording() []parallax.Wording {
	out := []parallax.Wording{}
	for _, e := range c.ents {
		if len(e.articles) < 2 {
			continue
		}
		out = append(out, c.spellings(e)...)
	}
	for _, tc := range termClasses {
		used := map[string]map[int]bool{}
		for _, cr := range c.claims {
			for _, t := range tc.terms {
				if containsTerm(cr.ws, t) {
					if used[t] == nil {
						used[t] = map[int]bool{}
					}
					used[t][cr.art] = true
				}
			}
		}
		arts := map[int]bool{}
		for _, m := range used {
			for a := range m {
				arts[a] = true
			}
		}
		if len(used) < 2 || len(arts) < 2 {
			continue
		}
		w := parallax.Wording{Entity: tc.label}
		for _, t := range tc.terms {
			if m := used[t]; m != nil {
				w.Variants = append(w.Variants, parallax.WordingTerm{Term: t, Articles: c.ids(sortedKeys(m))})
			}
		}
		out = append(out, w)
	}
	return out
}

// containsTerm reports whether the words contain the (possibly
// multi-word) term, singular or plural.
func containsTerm(ws []word, term string) bool {
	tw := strings.Fields(term)
	for i := 0; i+len(tw) <= len(ws); i++ {
		ok := true
		for k, t := range tw {
			w := ws[i+k].lower
			if w != t && w != t+"s" && w != t+"es" {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// spellings finds the words of an entity's surface forms that are
// spellings of one another ("Jóźwiak" and "Jozwiak"), and which articles
// use each. Each spelling is shown in the longest form that contains it;
// classes that show the same forms ("Paweł"/"Pawel" beside
// "Jóźwiak"/"Jozwiak") are reported once.
func (c *corpus) spellings(e *entity) []parallax.Wording {
	byWord := map[string]map[int]bool{}
	formsOf := map[string][]string{} // word → forms containing it
	for _, ai := range e.articles {
		a := c.arts[ai]
		for di, g := range a.ents {
			if g < 0 || c.ents[g] != e {
				continue
			}
			de := a.doc.Entities[di]
			forms := append([]string{}, de.Aliases...)
			for _, m := range de.Mentions {
				forms = append(forms, a.doc.Slice(m))
			}
			for _, f := range forms {
				for _, w := range words(f, 0, len(f)) {
					t := strings.TrimSuffix(strings.TrimSuffix(w.text, "'s"), "’s")
					if len([]rune(t)) < 3 {
						continue
					}
					if byWord[t] == nil {
						byWord[t] = map[int]bool{}
					}
					byWord[t][ai] = true
					if !contains(formsOf[t], f) {
						formsOf[t] = append(formsOf[t], f)
					}
				}
			}
		}
	}
	ws := make([]string, 0, len(byWord))
	for w := range byWord {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	u := newUnionFind(len(ws))
	for i := range ws {
		for j := i + 1; j < len(ws); j++ {
			if spellingVariants(ws[i], ws[j]) {
				u.union(i, j)
			}
		}
	}
	classes := map[int][]int{}
	for i := range ws {
		classes[u.find(i)] = append(classes[u.find(i)], i)
	}
	var out []parallax.Wording
	shown := map[string]bool{}
	for r := range ws {
		cl := classes[r]
		if len(cl) < 2 {
			continue
		}
		w := parallax.Wording{Entity: e.name}
		arts := map[int]bool{}
		var terms []string
		for _, i := range cl {
			term := shortestName(ws[i], formsOf[ws[i]])
			terms = append(terms, term)
			w.Variants = append(w.Variants, parallax.WordingTerm{Term: term, Articles: c.ids(sortedKeys(byWord[ws[i]]))})
			for a := range byWord[ws[i]] {
				arts[a] = true
			}
		}
		sort.Strings(terms)
		sig := strings.Join(terms, "\x00")
		if len(arts) >= 2 && !shown[sig] {
			shown[sig] = true
			out = append(out, w)
		}
	}
	return out
}

// shortestName is the form a spelling is shown in: the shortest form of
// at least two words that contains it ("Volodymyr Zelensky", not
// "Ukraine's President Volodymyr Zelensky"), or the word alone.
func shortestName(word string, forms []string) string {
	term := word
	for _, f := range forms {
		if len(strings.Fields(f)) < 2 {
			continue
		}
		if term == word || len(f) < len(term) || (len(f) == len(term) && f < term) {
			term = f
		}
	}
	return term
}

// spellingVariants reports whether two different words of one entity's
// names are spellings of the same word: equal once case, diacritics and a
// doubled final "y" are folded, or within two edits of each other with the
// same first letter and not a mere plural or possessive, or the same once
// transliteration differences are folded ("Yevgenia", "Evgenia").
func spellingVariants(a, b string) bool {
	if strings.EqualFold(a, b) {
		return false // "KESSLING" in a dateline is not another spelling
	}
	fa, fb := localKey(a), localKey(b)
	if fa == fb {
		return true
	}
	if foldTransliteration(fa) == foldTransliteration(fb) {
		return true
	}
	ra, rb := []rune(fa), []rune(fb)
	if len(ra) < 4 || len(rb) < 4 || ra[0] != rb[0] {
		return false
	}
	if fa+"s" == fb || fb+"s" == fa {
		return false
	}
	return editDistance(ra, rb) <= 2
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// unique lists, per article, every claim of a single-source fact that no
// other origin reports (reports may show only the first few; the Brief
// loses none), most informative first (entities, numbers, dates,
// quotes, a named source).
func (c *corpus) unique(facts []*fact) []parallax.Unique {
	out := []parallax.Unique{}
	origins := map[string]bool{}
	for _, a := range c.arts {
		origins[a.origin] = true
	}
	if len(origins) < 2 {
		return out
	}
	type cand struct {
		ci    int
		score float64
	}
	per := map[int][]cand{}
	for _, f := range facts {
		if f.out.Status != parallax.SingleSource || f.out.Independent != 1 {
			continue
		}
		for _, ci := range f.claims {
			cr := c.claims[ci]
			d := c.arts[cr.art].doc
			score := float64(len(cr.ents)) + 1.5*float64(len(cr.c.Quantities)) + float64(len(cr.c.Dates))
			for _, q := range d.Quotes {
				if cr.c.Span.Overlaps(q.Span) {
					score++
					break
				}
			}
			if cr.srcKey != "" {
				score += 0.5
			}
			per[cr.art] = append(per[cr.art], cand{ci, score})
		}
	}
	for ai, a := range c.arts {
		cs := per[ai]
		if len(cs) == 0 {
			continue
		}
		sort.SliceStable(cs, func(i, j int) bool {
			if cs[i].score != cs[j].score {
				return cs[i].score > cs[j].score
			}
			return c.claims[cs[i].ci].c.Span.Start < c.claims[cs[j].ci].c.Span.Start
		})
		u := parallax.Unique{Article: a.id}
		for _, x := range cs {
			cr := c.claims[x.ci]
			u.Sentences = append(u.Sentences, parallax.UniqueSentence{Text: cr.text, Span: cr.c.Span})
		}
		out = append(out, u)
	}
	return out
}

// dateUse is one claim's date as written.
type dateUse struct {
	ci      int
	written string
	anchor  string
}

// maxTimelineText is the longest timeline text in runes.
const maxTimelineText = 200

// timeline lists dated events: claims with resolved dates of day, week or
// month granularity, one entry per date and fact, sorted by date.
func (c *corpus) timeline() []parallax.TimelineEntry {
	type key struct {
		date  string
		gran  parallax.Granularity
		group int
	}
	entries := map[key][]dateUse{}
	var keys []key
	when := map[key]int64{}
	for ci, cr := range c.claims {
		d := c.arts[cr.art].doc
		for _, di := range cr.c.Dates {
			if di < 0 || di >= len(d.Dates) {
				continue
			}
			dt := d.Dates[di]
			if !resolved(dt) || (dt.Granularity != parallax.Day && dt.Granularity != parallax.Week && dt.Granularity != parallax.Month) {
				continue
			}
			k := key{formatDate(dt), dt.Granularity, cr.fact}
			if _, ok := entries[k]; !ok {
				keys = append(keys, k)
				when[k] = dt.Value.Unix()
			}
			entries[k] = append(entries[k], dateUse{ci, strings.TrimSpace(d.Slice(dt.Span)), dt.Anchor})
		}
	}
	granOrder := map[parallax.Granularity]int{parallax.Day: 0, parallax.Week: 1, parallax.Month: 2}
	out := []parallax.TimelineEntry{}
	for _, k := range keys {
		us := entries[k]
		arts := map[int]bool{}
		text := ""
		for _, u := range us {
			cr := c.claims[u.ci]
			arts[cr.art] = true
			if text == "" || len(cr.text) < len(text) {
				text = cr.text
			}
		}
		out = append(out, parallax.TimelineEntry{
			Date:        k.date,
			Granularity: string(k.gran),
			Text:        cut(strings.Join(strings.Fields(text), " "), maxTimelineText),
			Articles:    c.ids(sortedKeys(arts)),
			Provenance:  c.provenance(us),
		})
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := keys[idx[i]], keys[idx[j]]
		if when[a] != when[b] {
			return when[a] < when[b]
		}
		if granOrder[a.gran] != granOrder[b.gran] {
			return granOrder[a.gran] < granOrder[b.gran]
		}
		return out[idx[i]].Text < out[idx[j]].Text
	})
	sorted := make([]parallax.TimelineEntry, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

// provenance says how each outlet wrote the date: "written as 'Tuesday'
// in A (resolved from the publication date); 'March 3' in B".
func (c *corpus) provenance(us []dateUse) string {
	type form struct {
		written, anchor string
	}
	var forms []form
	outlets := map[form][]string{}
	for _, u := range us {
		f := form{u.written, u.anchor}
		src := c.arts[c.claims[u.ci].art].source
		if _, ok := outlets[f]; !ok {
			forms = append(forms, f)
		}
		if !contains(outlets[f], src) {
			outlets[f] = append(outlets[f], src)
		}
	}
	parts := make([]string, len(forms))
	for i, f := range forms {
		p := fmt.Sprintf("'%s' in %s", f.written, strings.Join(outlets[f], ", "))
		switch f.anchor {
		case "publication":
			p += " (resolved from the publication date)"
		case "inferred":
			p += " (year inferred)"
		}
		parts[i] = p
	}
	return "written as " + strings.Join(parts, "; ")
}

func contains[T comparable](ss []T, s T) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Summary selection: up to maxSummary corroborated facts by maximal
// marginal relevance (support against redundancy with what is already
// chosen); past minSummary lines, a fact too close to a chosen one is
// left out.
const (
	minSummary = 5
	maxSummary = 8
	mmrLambda  = 0.7
	redundant  = 0.6
)

// summary is the consensus: corroborated facts, most independently
// supported first, redundancy removed, each line cited.
func (c *corpus) summary(facts []*fact) []parallax.SummaryLine {
	var cands []*fact
	top := 0
	for _, f := range facts {
		if f.out.Status == parallax.Corroborated {
			cands = append(cands, f)
			top = max(top, f.out.Independent)
		}
	}
	out := []parallax.SummaryLine{}
	var chosen []*fact
	used := make([]bool, len(cands))
	for len(chosen) < maxSummary {
		best, bestScore, bestSim := -1, 0.0, 0.0
		for i, f := range cands {
			if used[i] {
				continue
			}
			sim := 0.0
			for _, g := range chosen {
				sim = max(sim, similarity(c.claims[f.rep], c.claims[g.rep]))
			}
			rel := float64(f.out.Independent) / float64(top)
			score := mmrLambda*rel - (1-mmrLambda)*sim
			if best < 0 || score > bestScore {
				best, bestScore, bestSim = i, score, sim
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		if len(chosen) >= minSummary && bestSim >= redundant {
			continue
		}
		chosen = append(chosen, cands[best])
	}
	for _, f := range chosen {
		out = append(out, parallax.SummaryLine{Sentence: f.out.Statement, Articles: c.ids(f.arts)})
	}
	return out
}

// disputed writes the disputes in plain words, one sentence each.
func (c *corpus) disputed(facts []*fact) string {
	var parts []string
	for _, f := range facts {
		a := f.aspect
		if a == nil {
			continue
		}
		context := cutWords(f.out.Statement, 12)
		var vs []string
		for _, v := range a.variants {
			outlets := c.outletNames(v.claims)
			// A version that fits every other one takes no side; saying so
			// keeps a reader from counting it as a rival.
			if v.fits {
				outlets += fmt.Sprintf("; compatible with %s", others(len(a.variants)-1))
			}
			switch {
			case a.status == parallax.AttributionSplit && c.citedNames(v) != "":
				vs = append(vs, fmt.Sprintf("%s according to %s (%s)", v.text, c.citedNames(v), outlets))
			default:
				vs = append(vs, fmt.Sprintf("%s (%s)", v.text, outlets))
			}
		}
		switch a.status {
		case parallax.AttributionSplit:
			parts = append(parts, fmt.Sprintf("On \u201c%s\u201d, %s depends on who is cited: %s.", context, a.label, strings.Join(vs, "; ")))
		default:
			parts = append(parts, fmt.Sprintf("Outlets disagree on %s in \u201c%s\u201d: %s.", a.label, context, strings.Join(vs, "; ")))
		}
	}
	return strings.Join(parts, " ")
}

// others names the other versions a compatible one fits.
func others(n int) string {
	if n == 2 {
		return "both others"
	}
	if n == 1 {
		return "the other"
	}
	return "all others"
}

// outletNames lists the outlets of the claims, in reading order.
func (c *corpus) outletNames(cis []int) string {
	arts := map[int]bool{}
	for _, ci := range cis {
		arts[c.claims[ci].art] = true
	}
	var names []string
	for _, a := range sortedKeys(arts) {
		if s := c.arts[a].source; !contains(names, s) {
			names = append(names, s)
		}
	}
	return strings.Join(names, ", ")
}

// citedNames lists the named sources a variant's claims state it in.
func (c *corpus) citedNames(v variant) string {
	var names []string
	for _, ci := range v.claims {
		if cr := c.claims[ci]; cr.srcName != "" && v.voice(c, ci) != "" && !contains(names, cr.srcName) {
			names = append(names, cr.srcName)
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// cutWords keeps the first n words of s.
func cutWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.TrimRight(s, ".")
	}
	return strings.TrimRight(strings.Join(f[:n], " "), ",;:") + "…"
}
