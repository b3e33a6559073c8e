package reconcile

import (
	"sort"

	"github.com/parallax-news/parallax"
)

// scopeWord is one word of a claim for scope comparison.
type scopeWord struct {
	w       word
	stem    string
	content bool // a content word outside entity mentions
}

// conjunctions join two scope terms into one wider scope ("energy and
// infrastructure").
var conjunctions = map[string]bool{"and": true, "or": true, "&": true}

// scopeDispute looks for a key phrase that some claims of the fact write
// wider than others: "X and Y" or "X M Y" against "X Y" ("energy and
// infrastructure targets" against "energy infrastructure"). When the wide
// and narrow forms follow different cited sources it is an attribution
// split; otherwise it is only wording and no dispute.
func scopeDispute(c *corpus, fact []int) (aspect, bool) {
	seqs := make(map[int][]scopeWord, len(fact))
	for _, ci := range fact {
		seqs[ci] = scopeWords(c, c.claims[ci])
	}
	type cand struct{ x, y string }
	cands := map[cand]bool{}
	for _, ci := range fact {
		a := seqs[ci]
		for i := 0; i+2 < len(a); i++ {
			if !a[i].content || !a[i+2].content {
				continue
			}
			if !conjunctions[a[i+1].w.lower] && !a[i+1].content {
				continue
			}
			k := cand{a[i].stem, a[i+2].stem}
			if cands[k] {
				continue
			}
			for _, cj := range fact {
				if c.claims[cj].art != c.claims[ci].art && narrowAt(seqs[cj], k.x, k.y) >= 0 && wideAt(seqs[cj], k.x, k.y) < 0 {
					cands[k] = true
					break
				}
			}
		}
	}
	if len(cands) == 0 {
		return aspect{}, false
	}
	keys := make([]cand, 0, len(cands))
	for k := range cands {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].x != keys[j].x {
			return keys[i].x < keys[j].x
		}
		return keys[i].y < keys[j].y
	})
	var best []variant
	bestN := 0
	for _, k := range keys {
		var wide, narrow variant
		for _, ci := range fact {
			s := seqs[ci]
			doc := c.arts[c.claims[ci].art].doc
			if i := wideAt(s, k.x, k.y); i >= 0 {
				if len(wide.claims) == 0 {
					wide.text = doc.Text[s[i].w.start:s[i+2].w.end]
				}
				wide.claims = append(wide.claims, ci)
			} else if i := narrowAt(s, k.x, k.y); i >= 0 {
				if len(narrow.claims) == 0 {
					narrow.text = doc.Text[s[i].w.start:s[i+1].w.end]
				}
				narrow.claims = append(narrow.claims, ci)
			}
		}
		if len(wide.claims) == 0 || len(narrow.claims) == 0 {
			continue
		}
		vs := []variant{wide, narrow}
		if splitOrConflict(c, vs, func(i, j int) bool { return true }) != parallax.AttributionSplit {
			continue
		}
		if n := len(wide.claims) + len(narrow.claims); n > bestN {
			best, bestN = vs, n
		}
	}
	if best == nil {
		return aspect{}, false
	}
	for i := range best {
		best[i].value = parallax.VariantValue{Term: best[i].text}
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].text < best[j].text })
	return aspect{kind: "scope", label: "the scope", status: parallax.AttributionSplit, variants: best}, true
}

// wideAt returns the index of "x ? y" in s, or -1.
func wideAt(s []scopeWord, x, y string) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i].stem == x && s[i+2].stem == y && s[i].content && s[i+2].content &&
			(conjunctions[s[i+1].w.lower] || s[i+1].content) {
			return i
		}
	}
	return -1
}

// narrowAt returns the index of "x y" in s, or -1.
func narrowAt(s []scopeWord, x, y string) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i].stem == x && s[i+1].stem == y && s[i].content && s[i+1].content {
			return i
		}
	}
	return -1
}

// scopeWords lists the words of a claim with their stems, marking content
// words outside entity mentions.
func scopeWords(c *corpus, cr *claimRec) []scopeWord {
	d := c.arts[cr.art].doc
	mentions := mentionSpans(d, cr.c.Entities)
	out := make([]scopeWord, len(cr.ws))
	for i, w := range cr.ws {
		content := len(w.lower) >= 3 && !stopWords[w.lower] && !hasDigit(w.lower)
		if content {
			for _, m := range mentions {
				if w.start < m.End && m.Start < w.end {
					content = false
					break
				}
			}
		}
		out[i] = scopeWord{w: w, stem: c.st.stem(w.lower), content: content}
	}
	return out
}
