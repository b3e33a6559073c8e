package reconcile

import "sort"

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
// dimension and unit whose nearest words overlap and whose values are of
// one order of magnitude are taken for one figure; where such a figure has
// incompatible values in different articles, and no fact already reports
// that dispute, it becomes a fact of its own.
func (c *corpus) crossFacts(facts []*fact) []*fact {
	byKey := map[string][]occurrence{}
	var keys []string
	for ci, cr := range c.claims {
		d := c.arts[cr.art].doc
		for _, qi := range cr.c.Quantities {
			if qi < 0 || qi >= len(d.Quantities) || !measurable(d.Quantities[qi]) || len(cr.near[qi]) == 0 {
				continue
			}
			k := quantityKey(d.Quantities[qi])
			if byKey[k] == nil {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], occurrence{ci, anchoredQuantity{d.Quantities[qi], cr.near[qi]}})
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
			if f := c.crossFact(occ, comps[r], facts); f != nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// crossFact builds the dispute fact of one component of occurrences, or
// returns nil when it has no dispute or one already reported.
func (c *corpus) crossFact(occ []occurrence, comp []int, facts []*fact) *fact {
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
	var vs []variant
	for _, o := range picked {
		cis = append(cis, o.ci)
		vs = addQuantityVariant(vs, c, o.ci, o.aq.q)
	}
	sort.Ints(cis)
	// A fact that already reports a dispute over two of these claims has
	// said it.
	for _, f := range facts {
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
			return nil
		}
	}
	sort.SliceStable(vs, func(i, j int) bool { return lessOrder(vs[i].order, vs[j].order) })
	a := &aspect{kind: "quantity", label: quantityLabel(vs), variants: vs}
	a.status = splitOrConflict(c, vs, func(i, j int) bool { return !compatible(vs[i].q, vs[j].q) })
	f := &fact{claims: cis, aspect: a}
	c.fillCounts(f)
	f.out.Status = a.status
	f.out.Kind = a.kind
	for _, v := range vs {
		f.out.Variants = append(f.out.Variants, c.variantOut(v))
	}
	f.rep = c.representative(cis)
	return f
}
