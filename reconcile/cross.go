package reconcile

import (
	"slices"
	"sort"

	"github.com/parallax-news/parallax"
)

// occurrence is one quantity in one claim.
type occurrence struct {
	ci int
	aq anchoredQuantity
}

// crossFacts finds rival figures for one thing that alignment put into
// different facts. A sentence often states two facts at once ("agreed to
// a pause in energy strikes during their 90-minute call"), and its fact is
// the one its words favor; the call's length must still be compared with
// "the call lasted more than two hours" elsewhere. Quantities of the same
// dimension and unit that are one figure (sameThing) are grouped; where
// such a figure has incompatible values in different articles, the fact
// that already reports that dispute takes in the figure's other mentions,
// or, when no fact reports it, it becomes a fact of its own.
func (c *corpus) crossFacts(facts []*fact) []*fact {
	byKey := map[string][]occurrence{}
	var keys []string
	for ci, cr := range c.claims {
		for _, qi := range cr.c.Quantities {
			aq, ok := c.comparable(cr, qi, cr.near[qi])
			if !ok || len(aq.anchors) == 0 {
				continue
			}
			k := quantityKey(aq.q)
			if byKey[k] == nil {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], occurrence{ci, aq})
		}
	}
	sort.Strings(keys)
	var out []*fact
	for _, k := range keys {
		occ := byKey[k]
		u := newUnionFind(len(occ))
		for i := range occ {
			for j := i + 1; j < len(occ); j++ {
				if c.claims[occ[i].ci].art != c.claims[occ[j].ci].art && sameThing(occ[i].aq, occ[j].aq) {
					u.union(i, j)
				}
			}
		}
		comps := map[int][]int{}
		for i := range occ {
			comps[u.find(i)] = append(comps[u.find(i)], i)
		}
		for r := range occ {
			if f := c.crossFact(k, occ, comps[r], facts, out); f != nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// crossFact builds the dispute fact of one component of occurrences of
// the figures keyed k, given the facts so far: facts, and the dispute
// facts found before it, more. It returns nil when the component has no
// dispute, or when a fact already reports it: that fact then takes in the
// component's claims (see extend), so that every version of the figure is
// shown where the dispute is.
func (c *corpus) crossFact(k string, occ []occurrence, comp []int, facts, more []*fact) *fact {
	// One occurrence per article: its first.
	seen := map[int]bool{}
	var picked []occurrence
	for _, i := range comp {
		if a := c.claims[occ[i].ci].art; !seen[a] {
			seen[a] = true
			picked = append(picked, occ[i])
		}
	}
	if len(picked) < 2 {
		return nil
	}
	conflict := false
	groups := map[int]bool{}
	for i := range picked {
		groups[c.claims[picked[i].ci].fact] = true
		for j := i + 1; j < len(picked); j++ {
			if sameThing(picked[i].aq, picked[j].aq) && !compatible(picked[i].aq.q, picked[j].aq.q) {
				conflict = true
			}
		}
	}
	if !conflict || len(groups) < 2 {
		return nil // no dispute, or one fact holds it all and judged it
	}
	var cis []int
	for _, o := range picked {
		cis = append(cis, o.ci)
	}
	sort.Ints(cis)
	// A fact that already reports a dispute over two of these claims has
	// said it; it takes in the rest.
	for _, f := range slices.Concat(facts, more) {
		if f.aspect == nil || f.aspect.kind != "quantity" {
			continue
		}
		n := 0
		for _, ci := range f.claims {
			if contains(cis, ci) {
				n++
			}
		}
		if n >= 2 {
			c.extend(f, k, cis)
			return nil
		}
	}
	var vs []variant
	for _, o := range picked {
		vs = addQuantityVariant(vs, c, o.ci, o.aq.q)
	}
	sort.SliceStable(vs, func(i, j int) bool { return lessOrder(vs[i].order, vs[j].order) })
	a := c.quantityAspect(vs)
	if a == nil {
		return nil
	}
	a.key = k
	f := &fact{claims: cis, aspect: a}
	c.setAspect(f)
	return f
}

// extend adds to the dispute fact f the claims of cis from articles whose
// claims in f state no figure keyed k, and judges its dispute over those
// figures again. It leaves f as it is when the wider set no longer shows
// that dispute.
func (c *corpus) extend(f *fact, k string, cis []int) {
	arts := map[int]bool{}
	for _, ci := range f.claims {
		if c.states(ci, k) {
			arts[c.claims[ci].art] = true
		}
	}
	claims := append([]int{}, f.claims...)
	for _, ci := range cis {
		if a := c.claims[ci].art; !arts[a] && !contains(claims, ci) {
			arts[a] = true
			claims = append(claims, ci)
		}
	}
	if len(claims) == len(f.claims) {
		return
	}
	sort.Ints(claims)
	for _, a := range quantityDisputes(c, claims) {
		if a.key == k {
			f.claims = claims
			f.arts = nil
			f.out = parallax.Fact{}
			f.aspect = &a
			c.setAspect(f)
			return
		}
	}
}

// setAspect fills the counts, status, kind, variants and representative
// claim of a dispute fact from its claims and aspect.
func (c *corpus) setAspect(f *fact) {
	a := f.aspect
	c.fillCounts(f)
	f.out.Status = a.status
	f.out.Kind = a.kind
	f.out.Variants = nil
	var carrying []int
	for _, v := range a.variants {
		carrying = append(carrying, v.claims...)
		f.out.Variants = append(f.out.Variants, c.variantOut(v))
	}
	sort.Ints(carrying)
	f.rep = c.representative(carrying)
}

// states reports whether claim ci states a comparable figure keyed k.
func (c *corpus) states(ci int, k string) bool {
	cr := c.claims[ci]
	for _, qi := range cr.c.Quantities {
		if aq, ok := c.comparable(cr, qi, nil); ok && quantityKey(aq.q) == k {
			return true
		}
	}
	return false
}
