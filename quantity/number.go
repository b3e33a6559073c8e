package quantity

import "strings"

// numVal is a number read from tokens, before any unit or qualifier.
type numVal struct {
	lo, hi   float64 // equal unless vague
	hiOpen   bool
	base     float64 // value before a trailing scale word, for ranges
	scale    float64 // trailing scale applied ("3 and 5 million"), or 1
	vague    bool    // "dozens", "tens of thousands"
	fraction bool    // "half", "a quarter", "two-thirds"
	words    bool    // written in words
	one      bool    // the lone word "one", which is often a pronoun
	article  bool    // the lone article "a"/"an", read as 1
	digit    int     // index of the digit token, or -1
	start    int     // first token
	end      int     // token after the number
}

func (n numVal) exact(v float64) numVal {
	n.lo, n.hi, n.base = v, v, v
	if n.scale == 0 {
		n.scale = 1
	}
	return n
}

// scanner holds the tokens of one text.
type scanner struct {
	src  string
	toks []token
	// lastEnd is the token after the last quantity Find accepted, so that
	// a quantity right after another can be read in that light.
	lastEnd int
}

func newScanner(s string) *scanner { return &scanner{src: s, toks: lex(s)} }

// w returns the lower-case word at i, or "" when i is not a word.
func (p *scanner) w(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != word {
		return ""
	}
	return p.toks[i].text
}

// is reports whether token i is the given word or punctuation.
func (p *scanner) is(i int, s string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].text == s && p.toks[i].kind != num
}

// glued reports whether token i exists and touches the token before it.
func (p *scanner) glued(i int) bool { return i < len(p.toks) && i > 0 && !p.toks[i].space }

// spaced reports whether token i exists and has whitespace before it.
func (p *scanner) spaced(i int) bool { return i < len(p.toks) && p.toks[i].space }

// hyphenAt reports whether token i is a hyphen glued on both sides, the
// joiner of "30-day" and "seventy-five".
func (p *scanner) hyphenAt(i int) bool {
	return i+1 < len(p.toks) && isHyphen(p.toks[i].text) && p.glued(i) && p.glued(i+1)
}

func isHyphen(s string) bool { return s == "-" || s == "‐" || s == "‑" }

func isDash(s string) bool { return isHyphen(s) || s == "–" }

// next steps over a hyphen joiner at i, so that "two and a half" and
// "two-and-a-half" read alike. It returns the index of the word.
func (p *scanner) next(i int) int {
	if p.hyphenAt(i) {
		return i + 1
	}
	return i
}

// seq matches words starting at i, each separated from the last by a space
// or a joining hyphen, and returns the index after the last one.
func (p *scanner) seq(i int, words ...string) (int, bool) {
	for _, w := range words {
		i = p.next(i)
		if p.w(i) != w {
			return 0, false
		}
		i++
	}
	return i, true
}

// number reads a number starting at token i: digits with an optional
// scale ("1.2 million", "3bn"), number words ("one hundred seventy-five",
// "two-and-a-half", "a dozen"), fractions ("a quarter", "three-quarters")
// and vague amounts ("dozens", "tens of thousands"). money says whether a
// currency symbol came first, which makes a glued "m" mean million.
func (p *scanner) number(i int, money bool) (numVal, bool) {
	if i >= len(p.toks) {
		return numVal{}, false
	}
	n := numVal{digit: -1, start: i, scale: 1}
	t := p.toks[i]
	if t.kind == num {
		n.digit = i
		n = n.exact(t.val)
		n.end = i + 1
		return p.scaled(n, money), true
	}
	if t.kind != word {
		return numVal{}, false
	}
	n.words = true
	w := t.text
	switch {
	case w == "a" || w == "an":
		j := i + 1
		// "a dozen", "a hundred", "a million", "a few thousand".
		if p.spaced(j) {
			switch x := p.w(j); {
			case x == "dozen":
				n = n.exact(12)
				n.end = j + 1
				return n, true
			case scales[x] != 0:
				if v, end, ok := p.cardinalFrom(j, 1); ok {
					n = n.exact(v)
					n.end = end
					return n, true
				}
			case x == "few":
				return p.several(n, j+1, 2)
			case x == "couple" && p.w(j+1) == "of":
				n = n.exact(2)
				n.end = j + 2
				return n, true
			case x == "half", x == "quarter", x == "third", x == "fifth":
				n = n.exact(fractionOf(x))
				n.fraction = true
				n.end = j + 1
				return p.fractionOfScale(n), true
			}
		}
		n = n.exact(1)
		n.article = true
		n.end = i + 1
		return n, true
	case w == "half" || w == "quarter" && scales[p.w(i+1)] >= 1e3:
		n = n.exact(fractionOf(w))
		n.fraction = true
		n.end = i + 1
		return p.fractionOfScale(n), true
	case w == "several":
		return p.several(n, i+1, 3)
	case w == "few" || w == "some":
		// "few hours", "some days": a vague count of a unit.
		if d := units[p.w(i+1)]; d.dim != "" && !d.glued && p.spaced(i+1) && looksPlural(p.w(i+1)) {
			return p.several(n, i+1, 2)
		}
		return numVal{}, false
	case w == "couple" && p.w(i+1) == "of":
		n = n.exact(2)
		n.end = i + 2
		return n, true
	case vague[w] != 0:
		return p.vagueAmount(n, i)
	}
	v, end, ok := p.cardinalFrom(i, 0)
	if !ok {
		return numVal{}, false
	}
	n = n.exact(v)
	n.end = end
	n.one = end == i+1 && w == "one"
	// "two and a half", "two-and-a-half", "five and a quarter": then an
	// optional scale ("two and a half million").
	for _, f := range []string{"half", "quarter"} {
		if e, ok := p.seq(end, "and", "a", f); ok && v < 100 {
			v += fractionOf(f)
			n = n.exact(v)
			n.one = false
			n.end = e
			if s := scales[p.w(e)]; s != 0 && p.spaced(e) {
				n = n.exact(v * s)
				n.end = e + 1
			}
			return n, true
		}
	}
	// "two-thirds", "three quarters", "one half".
	j := p.next(end)
	if f := p.w(j); j < len(p.toks) && (j > end || p.spaced(j)) {
		plural := f == "thirds" || f == "quarters" || f == "fifths"
		single := f == "third" || f == "quarter" || f == "half" || f == "fifth"
		if v >= 2 && v < 10 && plural || v == 1 && single {
			n = n.exact(v * fractionOf(strings.TrimSuffix(f, "s")))
			n.fraction = true
			n.one = false
			n.end = j + 1
			return n, true
		}
	}
	// "two dozen".
	if p.w(end) == "dozen" && p.spaced(end) {
		n = n.exact(v * 12)
		n.one = false
		n.end = end + 1
	}
	return n, true
}

func fractionOf(w string) float64 {
	switch w {
	case "half":
		return 0.5
	case "quarter":
		return 0.25
	case "third":
		return 1.0 / 3
	case "fifth":
		return 0.2
	}
	return 0
}

// fractionOfScale reads "half a million", "half a dozen" and "quarter
// million".
func (p *scanner) fractionOfScale(n numVal) numVal {
	j := n.end
	if n.lo == 0.5 && p.hyphenAt(j) && p.w(j+1) == "dozen" {
		n = n.exact(6) // "a half-dozen"
		n.fraction = false
		n.end = j + 2
		return n
	}
	if p.is(j, "a") && p.spaced(j+1) {
		j++
	}
	if !p.spaced(j) {
		return n
	}
	x := p.w(j)
	s := scales[x]
	if x == "dozen" {
		s = 12
	}
	if s == 0 || x == "hundred" {
		return n
	}
	n = n.exact(n.lo * s)
	n.fraction = false
	n.end = j + 1
	return n
}

// several reads "several hundred", "a few thousand": at least k of the
// scale and fewer than ten of it. A following larger scale multiplies.
func (p *scanner) several(n numVal, j int, k float64) (numVal, bool) {
	x := p.w(j)
	s := scales[x]
	if x == "dozen" {
		s = 12
	}
	if d := units[x]; s == 0 && d.dim != "" && !d.glued && looksPlural(x) && p.spaced(j) {
		// "several days", "a few minutes": the unit is read next.
		n.lo, n.hi, n.hiOpen, n.base, n.vague = k, 10, true, k, true
		n.end = j
		return n, true
	}
	if s == 0 || !p.spaced(j) {
		return numVal{}, false
	}
	end := j + 1
	if s2 := scales[p.w(end)]; s2 > s && p.spaced(end) {
		s *= s2
		end++
	}
	n.lo, n.hi, n.hiOpen, n.base, n.vague = k*s, 10*s, true, k*s, true
	n.end = end
	return n, true
}

// vagueAmount reads "dozens", "hundreds", "tens of thousands": two of the
// unit up to (not including) ten of it, times the outer unit.
func (p *scanner) vagueAmount(n numVal, i int) (numVal, bool) {
	s := vague[p.w(i)]
	end := i + 1
	if p.w(end) == "of" {
		if s2 := vague[p.w(end+1)]; s2 > s && s2 >= 1000 {
			s *= s2
			end += 2
		}
	}
	if p.w(i) == "tens" && end == i+1 {
		return numVal{}, false // "tens" alone is not an amount in news text
	}
	n.lo, n.hi, n.hiOpen, n.base, n.vague = 2*s, 10*s, true, 2*s, true
	n.end = end
	return n, true
}

// cardinalFrom reads English cardinal words from i. first, when non-zero,
// is an implied leading value ("a hundred" reads as "one hundred" with
// the "a" already consumed).
func (p *scanner) cardinalFrom(i int, first float64) (float64, int, bool) {
	const (
		none = iota
		onesK
		teensK
		tensK
		hundredK
		scaleK
	)
	total, cur := 0.0, first
	prev := none
	if first != 0 {
		prev = onesK
	}
	lastScale := 0.0
	end := i
	j := i
	for j < len(p.toks) {
		k := j
		if k > i {
			// Words join by a space, a hyphen ("seventy-five"), or "and"
			// after a hundred or a scale ("one hundred and five").
			switch {
			case p.hyphenAt(k):
				k++
			case p.w(k) == "and" && (prev == hundredK || prev == scaleK) && p.spaced(k+1):
				x := p.w(k + 1)
				if ones[x] == 0 && teens[x] == 0 && tens[x] == 0 {
					break
				}
				k++
			case p.w(k) == "and" && prev == tensK && ones[p.w(k+1)] > 0 && p.spaced(k+1):
				k++ // "twenty and four"
			case !p.spaced(k):
				k = -1
			}
			if k < 0 {
				break
			}
		}
		x := p.w(k)
		if x == "" {
			break
		}
		if v, ok := ones[x]; ok {
			if prev == onesK || prev == teensK || (x == "zero" && prev != none) {
				break
			}
			cur += v
			prev = onesK
		} else if v, ok := teens[x]; ok {
			if prev != none && prev != hundredK && prev != scaleK {
				break
			}
			cur += v
			prev = teensK
		} else if v, ok := tens[x]; ok {
			if prev != none && prev != hundredK && prev != scaleK {
				break
			}
			cur += v
			prev = tensK
		} else if x == "hundred" {
			if prev != onesK && prev != teensK && prev != tensK || cur >= 100 {
				break
			}
			cur *= 100
			prev = hundredK
		} else if s, ok := scales[x]; ok {
			if prev == none || prev == scaleK || lastScale != 0 && s >= lastScale {
				break
			}
			total += cur * s
			cur = 0
			lastScale = s
			prev = scaleK
		} else {
			break
		}
		j = k + 1
		end = j
	}
	if end == i {
		return 0, 0, false
	}
	return total + cur, end, true
}

// scaled applies a scale after digits: glued ("3bn", "5m") or spaced
// ("1.2 million"). A glued "m" means million after a currency symbol or
// before a plural noun ("3.7m people"); otherwise it is left for the unit
// reader, which takes it as metres.
func (p *scanner) scaled(n numVal, money bool) numVal {
	j := n.end
	if j >= len(p.toks) || p.toks[j].kind != word {
		return n
	}
	x := p.toks[j].text
	s := 0.0
	if p.glued(j) {
		s = shortScales[x]
		if x == "m" && (money || p.spaced(j+1) && looksPlural(p.w(j+1))) {
			s = 1e6
		}
	} else {
		s = scales[x]
		if x == "bn" || x == "mn" || x == "mln" || x == "bln" || x == "tn" || x == "trn" {
			s = shortScales[x]
		}
		if x == "hundred" && p.toks[n.digit].val >= 100 {
			s = 0
		}
	}
	if s == 0 {
		return n
	}
	base := n.lo
	n = n.exact(base * s)
	n.base, n.scale = base, s
	n.end = j + 1
	return n
}
