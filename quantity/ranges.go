package quantity

import (
	"math"
	"slices"

	"github.com/parallax-news/parallax"
)

// RangeMatch is a comparison or range of plain numbers: "more than 20",
// "between 20 and 30", "no more than 50 and no less than 20".
type RangeMatch struct {
	Span parallax.Span
	// Value is the set of numbers the phrase allows. Lo is -Inf when it
	// has no lower bound, Hi +Inf when it has no upper bound; an
	// equality ("equal to 20") is [v, v].
	Value parallax.Interval
}

// NumberRanges returns the comparisons and ranges of numbers in text, with
// no unit or counted noun (the reading the Recognizers-Text
// NumberRangeModel scores; Find reads the same phrases with their units).
//
// It reads comparators before the number ("more than", "at least", "no
// less than", "up to", "equal to or less than", ">=", "<"), after it ("or
// more", "or less", "or greater than"), two-sided ranges ("between a and
// b", "from a to b", "a-b", "a through b", "a~b") and two one-sided
// conditions joined by "and", "but" or a comma when they bound the same
// interval ("larger than 10 and smaller than 20").
//
// Two-sided ranges follow the Recognizers-Text convention: the first
// number is included and the second excluded, "between 20 and 30" is
// [20, 30). Find instead reads news ranges as closed intervals.
func NumberRanges(text string) []RangeMatch {
	p := newScanner(text)
	skip := p.urlTokens()
	var out []RangeMatch
	for i := 0; i < len(p.toks); {
		if skip[i] {
			i++
			continue
		}
		c, ok := p.condition(i)
		if !ok {
			i++
			continue
		}
		// "larger than 10 and smaller than 20": one interval.
		if j := c.end; j < len(p.toks) && (p.w(j) == "and" || p.w(j) == "but" || p.is(j, ",")) && j+1 < len(p.toks) {
			if c2, ok := p.condition(j + 1); ok {
				if m, ok := mergeConditions(c, c2); ok {
					c = m
				}
			}
		}
		out = append(out, RangeMatch{Span: parallax.Span{Start: p.toks[c.start].start, End: p.toks[c.end-1].end}, Value: c.iv})
		i = c.end
	}
	return out
}

// cond is one condition on a number, over tokens [start, end).
type cond struct {
	start, end int
	iv         parallax.Interval
	side       byte // 'l' lower bound only, 'u' upper bound only, 'e' equal, 'r' range
}

func mergeConditions(a, b cond) (cond, bool) {
	var lo, hi cond
	switch {
	case a.side == 'l' && b.side == 'u':
		lo, hi = a, b
	case a.side == 'u' && b.side == 'l':
		lo, hi = b, a
	default:
		return a, false
	}
	iv := parallax.Interval{Lo: lo.iv.Lo, LoOpen: lo.iv.LoOpen, Hi: hi.iv.Hi, HiOpen: hi.iv.HiOpen}
	if iv.Lo >= iv.Hi {
		return a, false // "more than 40 and less than 10" are two conditions
	}
	return cond{start: a.start, end: b.end, iv: iv, side: 'r'}, true
}

// cmpPhrase is a comparator written before a number.
type cmpPhrase struct {
	toks   []string
	side   byte // 'l' the number is a lower bound, 'u' an upper bound, 'e' equal
	closed bool
}

var (
	greaterWords = []string{"more", "greater", "larger", "bigger", "higher"}
	lessWords    = []string{"less", "fewer", "smaller", "lower"}
)

// cmpPhrases holds the comparators by first token, longest first.
var cmpPhrases = func() map[string][]cmpPhrase {
	var ps []cmpPhrase
	add := func(side byte, closed bool, toks ...string) {
		ps = append(ps, cmpPhrase{toks: toks, side: side, closed: closed})
	}
	for _, ws := range []struct {
		words    []string
		side, no byte
	}{{greaterWords, 'l', 'u'}, {lessWords, 'u', 'l'}} {
		for _, w := range ws.words {
			add(ws.side, false, w, "than")
			add(ws.side, true, w, "than", "or", "equal", "to")
			add(ws.side, true, w, "or", "equal", "than")
			add(ws.side, true, w, "or", "equal", "to")
			add(ws.side, true, "equal", "to", "or", w, "than")
			add(ws.no, true, "no", w, "than")
			add(ws.no, true, "not", w, "than")
		}
	}
	for _, w := range []string{"over", "above", "exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "surpassing", ">"} {
		add('l', false, w)
	}
	for _, w := range []string{"below", "under", "<"} {
		add('u', false, w)
	}
	add('l', true, "at", "least", "or", "equal", "to")
	add('l', true, "at", "least")
	add('l', true, ">", "=")
	add('l', true, "≥")
	add('u', true, "at", "most")
	add('u', true, "up", "to")
	add('u', true, "<", "=")
	add('u', true, "≤")
	for _, ws := range [][]string{{"equal", "to"}, {"equals", "to"}, {"equals"}, {"equaling", "to"}, {"equaling"}, {"equal"}} {
		add('e', true, ws...)
	}
	slices.SortStableFunc(ps, func(a, b cmpPhrase) int { return len(b.toks) - len(a.toks) })
	idx := map[string][]cmpPhrase{}
	for _, c := range ps {
		idx[c.toks[0]] = append(idx[c.toks[0]], c)
	}
	return idx
}()

// phrase matches token texts from i and returns the index after them.
func (p *scanner) phrase(i int, toks ...string) (int, bool) {
	for _, x := range toks {
		if i >= len(p.toks) || p.toks[i].kind == num || p.toks[i].text != x {
			return 0, false
		}
		i++
	}
	return i, true
}

// comparator reads a comparator phrase at i.
func (p *scanner) comparator(i int) (cmpPhrase, int, bool) {
	t := p.toks[i]
	if t.kind == punct {
		// "<>", "=>" and "=<" are no comparators.
		if t.text == "<" && p.is(i+1, ">") || i > 0 && !t.space && (p.is(i-1, "=") || p.is(i-1, "<")) {
			return cmpPhrase{}, 0, false
		}
	}
	for _, c := range cmpPhrases[t.text] {
		if e, ok := p.phrase(i, c.toks...); ok {
			if c.toks[0] == ">" && p.is(e, "=") || c.toks[0] == "<" && p.is(e, "=") && len(c.toks) == 1 {
				continue
			}
			return c, e, true
		}
	}
	return cmpPhrase{}, 0, false
}

// operand reads the number a comparator bounds: a number, or an ordinal
// ("the tenth", "the 10th").
func (p *scanner) operand(i int) (float64, int, bool) {
	if i >= len(p.toks) {
		return 0, 0, false
	}
	if r, ok := p.numberAt(i, false, false); ok {
		return r.val, r.end, true
	}
	k := i
	if p.w(k) == "the" && p.spaced(k+1) {
		k++
	}
	if v, ok := ordinals[p.w(k)]; ok {
		return v, k + 1, true
	}
	if tv, ok := tens[p.w(k)]; ok && p.hyphenAt(k+1) {
		if v, ok := ordinals[p.w(k+2)]; ok && v < 10 {
			return tv + v, k + 3, true
		}
	}
	if k < len(p.toks) && p.toks[k].kind == num && p.glued(k+1) && ordinalSuffix(p.toks[k].val, p.w(k+1)) {
		return p.toks[k].val, k + 2, true
	}
	return 0, 0, false
}

// numberAhead reports whether a number starts at i.
func (p *scanner) numberAhead(i int) bool {
	if i >= len(p.toks) {
		return false
	}
	_, _, ok := p.operand(i)
	return ok
}

// condition reads one condition starting at token i.
func (p *scanner) condition(i int) (cond, bool) {
	if c, ok := p.twoSided(i); ok {
		return c, true
	}
	if cp, k, ok := p.comparator(i); ok {
		v, e, ok := p.operand(k)
		if !ok {
			return cond{}, false
		}
		if !finite(v) {
			return cond{}, false
		}
		c := cond{start: i, end: e, side: cp.side}
		closed := cp.closed
		switch cp.side {
		case 'e':
			// "equal to 5000 or less", "equal to 5000 or more than".
			if side, e2, ok := p.orBound(e); ok {
				c.side, c.end, closed = side, e2, true
			}
		default:
			// "less than 5000 or equal", "more than 5000 or equal to".
			// Not "more than 5000 or equal to 6000": that is two.
			if e2, ok := p.phrase(e, "or", "equal"); ok && !p.numberAhead(e2) {
				e3, to := p.phrase(e2, "to")
				if !to {
					c.end, closed = e2, true
				} else if !p.numberAhead(e3) {
					c.end, closed = e3, true
				}
			}
		}
		c.iv = sideInterval(c.side, v, closed)
		return c, true
	}
	// "500 or more", "200 or greater than".
	if v, e, ok := p.operand(i); ok && p.w(i) != "the" && finite(v) {
		if side, e2, ok := p.orBound(e); ok {
			return cond{start: i, end: e2, side: side, iv: sideInterval(side, v, true)}, true
		}
	}
	return cond{}, false
}

// orBound reads "or more", "and more", "or less", "or greater (than)"
// after a number, when no number follows.
func (p *scanner) orBound(e int) (byte, int, bool) {
	if x := p.w(e); x != "or" && x != "and" {
		return 0, 0, false
	}
	side := byte(0)
	switch p.w(e + 1) {
	case "more", "greater", "larger", "bigger", "higher", "above", "over":
		side = 'l'
	case "less", "fewer", "smaller", "lower", "below", "under":
		side = 'u'
	default:
		return 0, 0, false
	}
	end := e + 2
	if p.w(end) == "than" {
		if p.numberAhead(end + 1) {
			return 0, 0, false // "200 or greater than 190"
		}
		end++
	}
	return side, end, true
}

func sideInterval(side byte, v float64, closed bool) parallax.Interval {
	switch side {
	case 'l':
		return parallax.Interval{Lo: v, Hi: math.Inf(1), LoOpen: !closed}
	case 'u':
		return parallax.Interval{Lo: math.Inf(-1), Hi: v, HiOpen: !closed}
	}
	return parallax.Exact(v)
}

// twoSided reads "between a and b", "from a to b", "a-b", "a - b", "a
// through b" and "a~b", with a below b.
func (p *scanner) twoSided(i int) (cond, bool) {
	var a, b float64
	var end int
	switch x := p.w(i); x {
	case "between", "from":
		v, e, ok := p.operand(i + 1)
		if !ok {
			return cond{}, false
		}
		joiner := "and"
		if x == "from" {
			joiner = "to"
		}
		if p.w(e) != joiner {
			return cond{}, false
		}
		w, e2, ok := p.operand(e + 1)
		if !ok {
			return cond{}, false
		}
		a, b, end = v, w, e2
	default:
		if p.toks[i].kind == word && p.w(i) != "the" && !p.isNumberWord(i) {
			return cond{}, false
		}
		// A code such as "+1-222-2222" is no range.
		if i > 0 && !p.toks[i].space && (p.is(i-1, "+") || p.is(i-1, "/") || isDash(p.toks[i-1].text)) {
			return cond{}, false
		}
		v, e, ok := p.operand(i)
		if !ok || e >= len(p.toks) {
			return cond{}, false
		}
		t := p.toks[e]
		switch {
		case p.w(e) == "through" || p.w(e) == "thru":
		case t.text == "~" || isDash(t.text) && (p.glued(e) == p.glued(e+1)):
		default:
			return cond{}, false
		}
		w, e2, ok := p.operand(e + 1)
		if !ok {
			return cond{}, false
		}
		if e2+1 < len(p.toks) && p.glued(e2) && (isDash(p.toks[e2].text) || p.is(e2, "/")) && p.toks[e2+1].kind == num {
			return cond{}, false
		}
		a, b, end = v, w, e2
	}
	if a >= b || !finite(a) || !finite(b) {
		return cond{}, false
	}
	return cond{start: i, end: end, side: 'r', iv: parallax.Interval{Lo: a, Hi: b, HiOpen: true}}, true
}

// isNumberWord reports whether word i can start a number.
func (p *scanner) isNumberWord(i int) bool {
	x := p.w(i)
	k, _ := wordKind(x)
	return k != ckNone || x == "a" || x == "an" || x == "half" || x == "minus" || x == "negative"
}
