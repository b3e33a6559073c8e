package polnear

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// Role names one part of a relation.
type Role int

const (
	Source Role = iota
	Cue
	Content
	numRoles
)

func (r Role) String() string {
	switch r {
	case Source:
		return "source"
	case Cue:
		return "cue"
	case Content:
		return "content"
	}
	return "role?"
}

func (rel *Relation) role(r Role) []parallax.Span {
	switch r {
	case Source:
		return rel.Source
	case Cue:
		return rel.Cue
	default:
		return rel.Content
	}
}

// RoleCounts are the counts behind one role's scores.
type RoleCounts struct {
	Gold, Pred     int // relations that have the role
	Exact, Overlap int // paired relations whose role spans match
}

// Counts accumulate a comparison over many articles.
type Counts struct {
	Roles [numRoles]RoleCounts
	// Relations counts gold and predicted relations and the pairs formed.
	Gold, Pred, Paired int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	for r := range c.Roles {
		c.Roles[r].Gold += o.Roles[r].Gold
		c.Roles[r].Pred += o.Roles[r].Pred
		c.Roles[r].Exact += o.Roles[r].Exact
		c.Roles[r].Overlap += o.Roles[r].Overlap
	}
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.Paired += o.Paired
}

// PRF returns precision, recall and F1 of matched over pred and gold; each
// is 0 when its denominator is.
func PRF(matched, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(matched) / float64(pred)
	}
	if gold > 0 {
		r = float64(matched) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Compare pairs predicted relations with gold ones in one article and
// counts matching roles. Both sides' spans are byte offsets into text.
//
// Pairing is one-to-one and greedy: a predicted and a gold relation are
// candidates when their cues or their contents overlap (share a letter or
// digit); candidates whose cues overlap come first, then by the number of
// letters and digits their contents share, then in text order. Each role
// of a pair then counts as an exact match when both trimmed spans are
// equal and as an overlap match when they share a letter or digit.
func Compare(text string, gold, pred []Relation) Counts {
	c, _ := compare(text, gold, pred)
	return c
}

// compare is Compare also returning, for each gold relation, the index of
// its predicted partner or -1.
func compare(text string, gold, pred []Relation) (Counts, []int) {
	var c Counts
	c.Gold, c.Pred = len(gold), len(pred)
	for r := Role(0); r < numRoles; r++ {
		for i := range gold {
			if len(trimmed(text, gold[i].role(r))) > 0 {
				c.Roles[r].Gold++
			}
		}
		for i := range pred {
			if len(trimmed(text, pred[i].role(r))) > 0 {
				c.Roles[r].Pred++
			}
		}
	}
	type cand struct{ g, p, cue, content int }
	var cands []cand
	for gi := range gold {
		for pi := range pred {
			cue := shared(text, gold[gi].Cue, pred[pi].Cue)
			content := shared(text, gold[gi].Content, pred[pi].Content)
			if cue > 0 || content > 0 {
				cands = append(cands, cand{gi, pi, cue, content})
			}
		}
	}
	slices.SortStableFunc(cands, func(x, y cand) int {
		if (x.cue > 0) != (y.cue > 0) {
			if x.cue > 0 {
				return -1
			}
			return 1
		}
		return y.content - x.content
	})
	partner := make([]int, len(gold))
	for i := range partner {
		partner[i] = -1
	}
	pUsed := make([]bool, len(pred))
	for _, k := range cands {
		if partner[k.g] >= 0 || pUsed[k.p] {
			continue
		}
		partner[k.g], pUsed[k.p] = k.p, true
		c.Paired++
		for r := Role(0); r < numRoles; r++ {
			g, p := gold[k.g].role(r), pred[k.p].role(r)
			if shared(text, g, p) == 0 {
				continue
			}
			c.Roles[r].Overlap++
			if hull(trimmed(text, g)) == hull(trimmed(text, p)) {
				c.Roles[r].Exact++
			}
		}
	}
	return c, partner
}

// trimmed returns the fragments with leading and trailing white space,
// punctuation and symbols removed (quote marks, a final period), dropping
// fragments left empty.
func trimmed(text string, frags []parallax.Span) []parallax.Span {
	var out []parallax.Span
	for _, f := range frags {
		f = clamp(f, len(text))
		for f.Start < f.End {
			r, n := utf8.DecodeRuneInString(text[f.Start:f.End])
			if !isTrim(r) {
				break
			}
			f.Start += n
		}
		for f.End > f.Start {
			r, n := utf8.DecodeLastRuneInString(text[f.Start:f.End])
			if !isTrim(r) {
				break
			}
			f.End -= n
		}
		if f.Start < f.End {
			out = append(out, f)
		}
	}
	return out
}

func isTrim(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || r == utf8.RuneError
}

// hull is the smallest span covering all fragments; zero for none.
func hull(frags []parallax.Span) parallax.Span {
	if len(frags) == 0 {
		return parallax.Span{}
	}
	h := frags[0]
	for _, f := range frags[1:] {
		h.Start = min(h.Start, f.Start)
		h.End = max(h.End, f.End)
	}
	return h
}

// shared counts the letters and digits that lie in both fragment lists.
func shared(text string, a, b []parallax.Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			s := clamp(parallax.Span{Start: max(x.Start, y.Start), End: min(x.End, y.End)}, len(text))
			for _, r := range text[s.Start:s.End] {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					n++
				}
			}
		}
	}
	return n
}

func clamp(s parallax.Span, n int) parallax.Span {
	s.Start = min(max(s.Start, 0), n)
	s.End = min(max(s.End, s.Start), n)
	return s
}
