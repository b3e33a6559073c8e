package quantity

import (
	"math"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
)

// NumberMatch is one number written in text, with its value.
type NumberMatch struct {
	Span  parallax.Span
	Value float64
}

// Numbers returns every number written in text, in order: digits in any
// common grouping ("1,234,567", "1 234 567", "12,34,567", "1.111,11"),
// decimals (".08", "5,00"), signs ("-4", "minus five"), powers ("1.3e6",
// "2.5^-1", "6.23x10^-4"), scale suffixes ("10k", "1.2b", "10M", "2 bln",
// "13 lakh"), number words with scales ("twenty-one trillion and three
// hundred", "4 thousand 3 hundred and 21", "three dozens"), decimals in
// words ("nine point nought four") and fractions ("3/4", "2 1/4", "⅔",
// "two thirds", "one hundred and three quarters", "a hundredth", "five and
// a half million", "one over twenty", "one out of three").
//
// Unlike Find it reads numbers alone: it keeps years, dates, phone numbers
// and counts without a noun, and it ignores units, so it is the reading
// the Recognizers-Text NumberModel scores. It still leaves out what is not
// a number: the pronoun "one" ("the one you mentioned"), the article "a",
// ordinals ("May 4th", "a first class seat"), digits glued to a unit or
// word ("180ml", "29km"), and anything inside a URL.
func Numbers(text string) []NumberMatch {
	p := newScanner(text)
	skip := p.urlTokens()
	var out []NumberMatch
	for i := 0; i < len(p.toks); {
		if skip[i] {
			i++
			continue
		}
		if p.toks[i].kind == badNum {
			if _, _, ok := parseGrouped(p.toks[i].text); !ok {
				out = p.numberList(out, i)
				i++
				continue
			}
		}
		if r, ok := p.numberAt(i, false, false); ok && finite(r.val) {
			out = append(out, NumberMatch{Span: parallax.Span{Start: p.toks[i].start, End: p.toks[r.end-1].end}, Value: r.val})
			i = r.end
			continue
		}
		i++
	}
	return out
}

// numberList splits a run of digits joined by dots and commas that is no
// number format ("192.168.1.2", "22,24,26,31") into its numbers.
func (p *scanner) numberList(out []NumberMatch, i int) []NumberMatch {
	t := p.toks[i]
	start := t.start
	for part := range strings.FieldsFuncSeq(t.text, func(r rune) bool { return r == '.' || r == ',' }) {
		at := strings.Index(p.src[start:t.end], part)
		if at < 0 {
			break
		}
		b := start + at
		if v, err := strconv.ParseFloat(part, 64); err == nil {
			out = append(out, NumberMatch{Span: parallax.Span{Start: b, End: b + len(part)}, Value: v})
		}
		start = b + len(part)
	}
	return out
}

// urlTokens marks the tokens inside URLs and e-mail-like runs, where digits
// and percent signs are not quantities ("...?q=30%25").
func (p *scanner) urlTokens() []bool {
	skip := make([]bool, len(p.toks))
	s := p.src
	for i := 0; i < len(p.toks); {
		// The whitespace-delimited run holding token i.
		j := i
		for j+1 < len(p.toks) && !p.toks[j+1].space {
			j++
		}
		run := s[p.toks[i].start:p.toks[j].end]
		if strings.Contains(run, "://") || strings.HasPrefix(strings.ToLower(run), "www.") {
			for k := i; k <= j; k++ {
				skip[k] = true
			}
		}
		i = j + 1
	}
	return skip
}

// numRead is a number read by the Numbers grammar.
type numRead struct {
	val float64
	end int // token after the number
	// plain is set for a bare integer or decimal (no sign, fraction,
	// power or scale), which may still be followed by a scale word.
	plain bool
	// suffix is set when digits stop at a glued word that is no scale:
	// "180ml", "4th". Numbers rejects them; Measures reads the unit.
	suffix bool
	// lastScale is the largest scale word ("million") in a cardinal, and
	// endsScale says the cardinal ends with it: "two million and a half"
	// adds half of it.
	lastScale float64
	endsScale bool
	// andScale says "and" follows a scale word ("two million and three"):
	// such a number is no fraction's numerator ("two million and three
	// fifths" is 2.6 million).
	andScale bool
	scaled   bool   // multiplied by a scale of a million or more ("5 million", "5m")
	words    bool   // written at least partly in words
	lone     string // the only word of a one-word number ("one")
	fraction bool
}

// numberAt reads one number starting at token i: an optional sign, then
// digits, words or a fraction. money says a currency symbol came first,
// which makes a glued "m" mean million ("$5m"). unit says the caller reads
// a unit next: digits may then stop at a glued word ("75ml"), and "one"
// is a number even after "that" ("that one mile").
func (p *scanner) numberAt(i int, money, unit bool) (numRead, bool) {
	if i >= len(p.toks) {
		return numRead{}, false
	}
	sign, j := p.signAt(i)
	if j >= len(p.toks) {
		return numRead{}, false
	}
	if sign < 0 && p.toks[i].kind == punct && !p.isDigitStart(j) {
		return numRead{}, false // a dash before a word is punctuation
	}
	r, ok := p.magnitude(j, money)
	if !ok || r.suffix && !money && !unit {
		return numRead{}, false
	}
	if r.lone == "one" && sign > 0 && !unit && p.pronounOne(j) {
		return numRead{}, false // "the one you mentioned"
	}
	r.val *= sign
	if sign < 0 {
		r.plain = false
	}
	return r, true
}

// pronounOne reports a lone "one" at j used as a pronoun: after a
// determiner ("the one you mentioned", "which one", "that one") or in "the
// only one"; "only one seat" and "at one point" keep the number.
func (p *scanner) pronounOne(j int) bool {
	switch p.w(j - 1) {
	case "the", "this", "that", "which", "any", "every", "each", "no", "another", "such", "whichever":
		return true
	case "only":
		return p.w(j-2) == "the"
	}
	return false
}

// isDigitStart reports whether digits start at token i (".5" included).
func (p *scanner) isDigitStart(i int) bool {
	if i >= len(p.toks) {
		return false
	}
	t := p.toks[i]
	if t.kind == num || t.kind == badNum {
		return true
	}
	return t.text == "." && i+1 < len(p.toks) && p.glued(i+1) && p.toks[i+1].kind == num
}

// signAt reads a minus sign at i: "minus", "negative" or a dash that is
// not a joiner ("-4" but not "SCP-173", "1-222" or "1000 - 5000").
func (p *scanner) signAt(i int) (float64, int) {
	t := p.toks[i]
	switch {
	case t.kind == word && (t.text == "minus" || t.text == "negative") && p.spaced(i+1):
		return -1, i + 1
	case t.kind == punct && (t.text == "-" || t.text == "−"):
		if i > 0 {
			prev := p.toks[i-1]
			if prev.kind == num || prev.kind == badNum {
				return 1, i
			}
			if !t.space && (prev.kind == word || isDash(prev.text) || prev.text == "/") {
				return 1, i
			}
		}
		if i+1 < len(p.toks) && !p.toks[i+1].nl {
			return -1, i + 1
		}
	}
	return 1, i
}

// magnitude reads an unsigned number at j.
func (p *scanner) magnitude(j int, money bool) (numRead, bool) {
	t := p.toks[j]
	if t.kind == punct {
		if v, ok := vulgarFractions[t.text]; ok {
			return numRead{val: v, end: j + 1, fraction: true}, true
		}
		if !p.isDigitStart(j) {
			return numRead{}, false
		}
	}
	if t.kind == word {
		if r, ok := p.halfOf(j); ok {
			return r, true
		}
	}
	if o := p.fractionEnd(j); o > j {
		if r, ok := p.wordFraction(j, o); ok {
			return r, true
		}
	}
	c, ok := p.cardinal(j, len(p.toks), true, money)
	if !ok {
		return numRead{}, false
	}
	if c.words && !c.plain {
		if r, ok := p.pointDecimals(c); ok {
			c = r
		}
	}
	if r, ok := p.ratio(c); ok {
		return r, true
	}
	return c, true
}

// vulgarFractions are the single-character fractions.
var vulgarFractions = map[string]float64{
	"½": 0.5, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
	"⅘": 0.8, "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}

// halfOf reads "half", "a half" alone and "half a dozen", "half (a)
// million", "(a) quarter million".
func (p *scanner) halfOf(j int) (numRead, bool) {
	k := j
	if x := p.w(k); (x == "a" || x == "an") && p.spaced(k+1) {
		k++
	}
	x := p.w(k)
	if x != "half" && x != "quarter" {
		return numRead{}, false
	}
	v := fractionOf(x)
	e := k + 1
	if p.hyphenAt(e) && p.w(e+1) == "dozen" {
		return numRead{val: v * 12, end: e + 2, words: true}, true
	}
	m := e
	if y := p.w(m); (y == "a" || y == "an") && p.spaced(m) {
		m++
	}
	if p.spaced(m) {
		if y := p.w(m); dozenWords[y] && y != "dozens" {
			return numRead{val: v * 12, end: m + 1, words: true}, true
		}
		if s := scales[p.w(m)]; s >= 1e3 {
			return numRead{val: v * s, end: m + 1, words: true, scaled: s >= 1e6}, true
		}
	}
	if x == "quarter" || k > j {
		// "a quarter", "a half" are read by wordFraction; a lone
		// "quarter" is a period, not a number.
		return numRead{}, false
	}
	return numRead{val: v, end: e, words: true, fraction: true}, true
}

// minorUnits are the hundredths of a currency.
var minorUnits = map[string]bool{"cent": true, "cents": true, "pence": true, "penny": true, "pennies": true}

var dozenWords = map[string]bool{"dozen": true, "dozens": true, "dz": true, "dzs": true, "doz": true, "dozs": true}

// cardKind classifies one element of a cardinal number.
type cardKind uint8

const (
	ckNone cardKind = iota
	ckZero
	ckOnes
	ckTeens
	ckTens
	ckDigits
	ckHundred
	ckScale
	ckDozen
)

// wordKind classifies a number word.
func wordKind(w string) (cardKind, float64) {
	switch w {
	case "zero", "nought", "naught":
		return ckZero, 0
	case "hundred", "hundreds":
		return ckHundred, 100
	}
	if v, ok := ones[w]; ok {
		return ckOnes, v
	}
	if v, ok := teens[w]; ok {
		return ckTeens, v
	}
	if v, ok := tens[w]; ok {
		return ckTens, v
	}
	if s := scales[w]; s > 100 {
		return ckScale, s
	}
	if s := scales[strings.TrimSuffix(w, "s")]; s > 100 {
		return ckScale, s // "five thousands"
	}
	if dozenWords[w] {
		return ckDozen, 12
	}
	return ckNone, 0
}

// cardinal reads a whole number from token i, in words, digits or both:
// "twenty-one trillion and three hundred", "4 thousand 3 hundred and 21",
// "1,674.5 million", "three hundred and two dozens", "a hundred". It reads
// no further than limit. loose also joins tens and ones with "and"
// ("twenty and four"), which a fraction's numerator may not.
func (p *scanner) cardinal(i, limit int, loose, money bool) (numRead, bool) {
	var (
		total, cur, low float64 // low: the part of cur since the last hundred
		lastScale       float64 // the last scale applied; the next must be smaller
		maxScale        float64
		prev            cardKind
		hasHundred      bool
		words           bool
		end, digitsEnd  int
	)
	first := p.toks[i]
	switch {
	case first.kind == word && (first.text == "a" || first.text == "an"):
		k, _ := wordKind(p.w(i + 1))
		if i+1 >= limit || !p.spaced(i+1) || k != ckHundred && k != ckScale && k != ckDozen {
			return numRead{}, false
		}
		cur, low, prev, words, end = 1, 1, ckOnes, true, i+1
	case first.kind == word:
		k, v := wordKind(first.text)
		switch k {
		case ckZero:
			return numRead{val: 0, end: i + 1, words: true, lone: first.text}, true
		case ckOnes, ckTeens, ckTens:
		default:
			return numRead{}, false
		}
		cur, low, prev, words, end = v, v, k, true, i+1
	default:
		d, ok := p.digits(i, money)
		if !ok {
			return numRead{}, false
		}
		if !d.plain || d.suffix || d.end >= limit {
			return d, true
		}
		cur, low, prev, end = d.val, d.val, ckDigits, d.end
		digitsEnd = d.end
	}
	type state struct {
		total, cur, low, lastScale, maxScale float64
		prev                                 cardKind
		hasHundred                           bool
		end                                  int
	}
	var before state
	andJoint, andScale := false, false
	for end < limit {
		e := end
		k := e
		joint := ' '
		switch {
		case isHyphen(p.toks[e].text) || p.toks[e].text == "–":
			glued := p.glued(e) && p.glued(e+1)
			spaced := p.toks[e].space && p.spaced(e+1)
			if prev != ckTens || !glued && !spaced {
				k = -1
				break
			}
			k, joint = e+1, '-'
		case p.w(e) == "and" && p.toks[e].space:
			k, joint = e+1, '&'
		case !p.toks[e].space || p.toks[e].nl:
			k = -1
		}
		if k < 0 || k >= limit || joint != ' ' && !p.spaced(k) && joint != '-' {
			break
		}
		t := p.toks[k]
		var kind cardKind
		var v float64
		if t.kind == word {
			kind, v = wordKind(t.text)
		} else if t.kind == num && !strings.Contains(t.text, ".") && !t.lead0 && !p.glued(k+1) {
			kind, v = ckDigits, t.val
		}
		ok := false
		switch kind {
		case ckOnes:
			ok = prev == ckTens && (joint != '&' || loose) || (prev == ckHundred || prev == ckScale) && joint != '-'
		case ckTeens, ckTens:
			ok = (prev == ckHundred || prev == ckScale) && joint != '-'
		case ckDigits:
			ok = joint != '-' && v > 0 && (prev == ckHundred && v < 100 || prev == ckScale && v < lastScale && v < 1000)
		case ckHundred:
			ok = joint == ' ' && !hasHundred && (prev == ckOnes || prev == ckTeens || prev == ckTens || prev == ckDigits)
		case ckScale:
			ok = joint == ' ' && (prev != ckScale && prev != ckNone && (lastScale == 0 || v < lastScale) ||
				prev == ckScale && v > lastScale)
		case ckDozen:
			ok = joint == ' ' && (prev == ckOnes || prev == ckTeens || prev == ckTens || prev == ckDigits)
		}
		if !ok {
			break
		}
		if joint == '&' {
			before = state{total, cur, low, lastScale, maxScale, prev, hasHundred, end}
			andJoint = true
			andScale = andScale || prev == ckScale
		} else if kind != ckOnes || prev != ckTens {
			andJoint = andJoint && kind != ckHundred && kind != ckScale
		}
		switch kind {
		case ckOnes, ckTeens, ckTens, ckDigits:
			cur += v
			low += v
		case ckHundred:
			cur *= 100
			low = 0
			hasHundred = true
		case ckScale:
			if prev == ckScale {
				total *= v
			} else {
				total += cur * v
			}
			cur, low, hasHundred, lastScale = 0, 0, false, v
			maxScale = max(maxScale, v)
		case ckDozen:
			cur += low * 11
			low = 0
		}
		if t.kind == word {
			words = true
		}
		prev = kind
		end = k + 1
		if kind == ckDozen || kind == ckHundred && t.text == "hundreds" || kind == ckScale && strings.HasSuffix(t.text, "s") && scales[t.text] == 0 {
			break
		}
	}
	// "3 hundred and 2 hundred" are two numbers: an "and" that leads to a
	// scale word that cannot join is not part of the first.
	if andJoint && end < limit {
		// So are "$3 million and 50 cents".
		k, _ := wordKind(p.w(end))
		if (k == ckHundred || k == ckScale || minorUnits[p.w(end)]) && p.spaced(end) {
			total, cur, low, lastScale, maxScale = before.total, before.cur, before.low, before.lastScale, before.maxScale
			prev, hasHundred, end = before.prev, before.hasHundred, before.end
		}
	}
	r := numRead{val: total + cur, end: end, words: words, lastScale: maxScale, endsScale: prev == ckScale, andScale: andScale,
		scaled: maxScale >= 1e6}
	r.plain = first.kind != word && end == digitsEnd
	if end == i+1 && first.kind == word {
		r.lone = first.text
	}
	return r, true
}

// pointDecimals reads "point" and the digit words after a number in words:
// "two hundred point zero three", "nine point nought four", "nought
// point eleven".
func (p *scanner) pointDecimals(c numRead) (numRead, bool) {
	e := c.end
	if p.w(e) != "point" || !p.spaced(e) || p.toks[e-1].kind != word {
		return c, false
	}
	var ds strings.Builder
	k := e + 1
	for k < len(p.toks) && p.spaced(k) {
		kind, v := wordKind(p.w(k))
		switch kind {
		case ckZero, ckOnes:
			ds.WriteString(strconv.Itoa(int(v)))
			k++
			continue
		case ckTeens:
			ds.WriteString(strconv.Itoa(int(v)))
			k++
			continue
		case ckTens:
			if p.hyphenAt(k + 1) {
				if k2, v2 := wordKind(p.w(k + 2)); k2 == ckOnes {
					ds.WriteString(strconv.Itoa(int(v + v2)))
					k += 3
					continue
				}
			}
			ds.WriteString(strconv.Itoa(int(v)))
			k++
			continue
		}
		break
	}
	if ds.Len() == 0 {
		return c, false
	}
	f, err := strconv.ParseFloat("0."+ds.String(), 64)
	if err != nil {
		return c, false
	}
	c.val += f
	c.end = k
	c.lone = ""
	return c, true
}

// ratio reads "one over three", "one out of three" and "1 in 21" after a
// whole number. "over" needs nothing after the divisor ("$2000 over 3
// years" is two numbers); "out of" and "in" need the first number to be
// the smaller ("12 out of 10", "8 in 5" are two).
func (p *scanner) ratio(c numRead) (numRead, bool) {
	e := c.end
	if c.val != math.Trunc(c.val) || c.fraction || e >= len(p.toks) || !p.spaced(e) {
		return c, false
	}
	var k int
	switch p.w(e) {
	case "over", "in":
		k = e + 1
	case "out":
		if p.w(e+1) != "of" {
			return c, false
		}
		k = e + 2
	default:
		return c, false
	}
	if k >= len(p.toks) || !p.spaced(k) {
		return c, false
	}
	d, ok := p.cardinal(k, len(p.toks), true, false)
	if !ok || d.val == 0 || d.suffix {
		return c, false
	}
	switch p.w(e) {
	case "over":
		if d.end < len(p.toks) && p.toks[d.end].kind == word {
			return c, false
		}
	case "in":
		t := p.toks[k]
		if c.val >= d.val || t.kind == num && t.plain && t.digits == 4 && t.val >= 1000 {
			return c, false
		}
	default:
		if c.val >= d.val {
			return c, false
		}
	}
	return numRead{val: c.val / d.val, end: d.end, words: c.words || d.words, fraction: true}, true
}

// fractionEnd finds the fraction word that ends a run of number words from
// j ("one hundred and thirty fifths", "a twenty-first", "three and a
// half") and returns its index, or j when there is none.
func (p *scanner) fractionEnd(j int) int {
	for k := j; k < len(p.toks) && k < j+16; k++ {
		t := p.toks[k]
		if k > j && t.nl {
			return j
		}
		switch {
		case t.kind == word:
			if k > j && fractionWord(t.text) != 0 {
				return k
			}
			if kind, _ := wordKind(t.text); kind != ckNone && kind != ckDozen {
				continue
			}
			if t.text == "and" && k > j || (t.text == "a" || t.text == "an") {
				continue
			}
			return j
		case t.kind == num && k == j:
		case t.kind == punct && isDash(t.text) && k > j:
		default:
			return j
		}
	}
	return j
}

// fractionWord returns the denominator a word names: "half" 2, "thirds" 3,
// "quarter" 4, "twenty-first" (its last part) 1. It is 0 for other words.
func fractionWord(w string) float64 {
	switch w {
	case "half", "halves":
		return 2
	case "quarter", "quarters":
		return 4
	}
	if v, ok := ordinals[w]; ok {
		return v
	}
	if v, ok := ordinals[strings.TrimSuffix(w, "s")]; ok && strings.HasSuffix(w, "s") {
		return v
	}
	return 0
}

// wordFraction reads a fraction whose denominator word is at o: "two
// thirds", "one hundred thirty-fifths" (100/35), "one hundred and thirty
// fifths" (130/5), "a hundredth", and mixed numbers "twenty and three
// fifths", "one hundred and three quarters", "two million and a half".
func (p *scanner) wordFraction(j, o int) (numRead, bool) {
	w := p.w(o)
	halfOrQuarter := w == "half" || w == "halves" || w == "quarter" || w == "quarters"
	var (
		r  numRead
		ok bool
	)
	if halfOrQuarter {
		if r, ok = p.mixedFraction(j, o); !ok {
			r, ok = p.simpleFraction(j, o, false)
		}
	} else if r, ok = p.simpleFraction(j, o, false); !ok {
		r, ok = p.mixedFraction(j, o)
	}
	if !ok {
		return numRead{}, false
	}
	// "three quarters billion", "two thirds of a million".
	k := r.end
	if p.w(k) == "of" && (p.w(k+1) == "a" || p.w(k+1) == "an") {
		if s := scales[p.w(k+2)]; s >= 1e3 && p.spaced(k+2) {
			r.val, r.end, r.scaled, r.fraction = r.val*s, k+3, s >= 1e6, false
		}
	} else if s := scales[p.w(k)]; s >= 1e3 && p.spaced(k) && r.end == o+1 && !r.scaled {
		r.val, r.end, r.scaled, r.fraction = r.val*s, k+1, s >= 1e6, false
	}
	return r, true
}

// simpleFraction reads numerator and denominator between j and the
// fraction word at o. It prefers the longest denominator: "one hundred
// thirty fifths" is a hundred thirty-fifths. inMixed allows "fifty-four
// hundredths" after "two and".
func (p *scanner) simpleFraction(j, o int, inMixed bool) (numRead, bool) {
	w := p.w(o)
	base := fractionWord(w)
	plural := strings.HasSuffix(w, "s")
	halfOrQuarter := w == "half" || w == "halves" || w == "quarter" || w == "quarters"
	for k := j + 1; k <= o; k++ {
		nEnd := k
		if isDash(p.toks[k-1].text) && k-1 > j {
			// "one-eighth", "one - fourth"; but in "ninety - five" the
			// dash joins tens and ones.
			if pk, _ := wordKind(p.w(k - 2)); pk == ckTens {
				if ck, _ := wordKind(p.w(k)); ck == ckOnes {
					continue
				}
			}
			nEnd = k - 1
		}
		if nEnd <= j || isDash(p.toks[k].text) {
			continue
		}
		// Numerator.
		var n float64
		byA := false
		if x := p.w(j); (x == "a" || x == "an") && nEnd == j+1 {
			n, byA = 1, true
		} else {
			c, ok := p.cardinal(j, nEnd, false, false)
			if !ok || c.end != nEnd || c.suffix || c.andScale || c.val != math.Trunc(c.val) {
				continue
			}
			n = c.val
			byA = p.w(j) == "a" || p.w(j) == "an"
		}
		// Denominator: the fraction word, perhaps with number words
		// before it ("thirty fifths", "one hundred and fifth").
		d := base
		if k < o {
			if halfOrQuarter {
				continue
			}
			dEnd := o
			if isDash(p.toks[o-1].text) {
				dEnd = o - 1
			}
			if p.w(dEnd-1) == "and" {
				dEnd--
			}
			c, ok := p.cardinal(k, dEnd, false, false)
			if !ok || c.end != dEnd || !c.words || c.val == 0 || !compoundOrdinal(p, dEnd, base) {
				continue
			}
			d = c.val + base
		} else {
			if base <= 2 && !halfOrQuarter {
				continue // "a first", "a second" are ordinals, never halves
			}
			if base >= 100 && !halfOrQuarter && !byA && !inMixed {
				continue // "two millionth" is an ordinal
			}
		}
		if !plural && n != 1 {
			continue
		}
		if !plural && !halfOrQuarter && !inMixed && o+1 < len(p.toks) && p.spaced(o+1) {
			if x := p.w(o + 1); x != "" && x != "of" && !stop[x] {
				continue // "a third party", "a fifth term"
			}
		}
		return numRead{val: n / d, end: o + 1, words: true, fraction: true}, true
	}
	return numRead{}, false
}

// compoundOrdinal checks that the number words in [k, end) can precede an
// ordinal of value base; they end at end: "thirty" + "fifth", "one hundred (and)" +
// "fifth", "one thousand" + "fifth", but not "two" + "fifth".
func compoundOrdinal(p *scanner, end int, base float64) bool {
	last := end - 1
	kind, v := wordKind(p.w(last))
	switch kind {
	case ckTens:
		return base < 10
	case ckHundred:
		return base < 100
	case ckScale:
		return base < v
	}
	return false
}

// mixedFraction reads a whole number, "and", and a fraction: "twenty and
// three fifths", "one hundred and three quarters", "two million and a
// half" (half a million more), "five and a half million".
func (p *scanner) mixedFraction(j, o int) (numRead, bool) {
	for q := o - 1; q > j; q-- {
		if p.w(q) != "and" {
			continue
		}
		whole, ok := p.cardinal(j, q, true, false)
		if !ok || whole.end != q {
			continue
		}
		f, ok := p.simpleFraction(q+1, o, true)
		if !ok {
			continue
		}
		r := numRead{val: whole.val + f.val, end: f.end, words: true, fraction: true}
		s := 0.0
		if e := f.end; p.spaced(e) {
			if s = scales[p.w(e)]; s < 1e3 {
				s = 0
			}
		}
		switch {
		case s > 0 && whole.lastScale > s:
			r.val, r.end = whole.val+f.val*s, f.end+1 // "one billion and a half million"
		case s > 0:
			r.val, r.end = (whole.val+f.val)*s, f.end+1 // "five and a half million"
		case whole.endsScale:
			r.val = whole.val + f.val*whole.lastScale // "two million and a half"
		}
		r.scaled = s >= 1e6 || whole.scaled
		return r, true
	}
	return numRead{}, false
}

// digits reads a number written in digits at i, with its decimals,
// grouping, exponent, fraction and scale suffix.
func (p *scanner) digits(i int, money bool) (numRead, bool) {
	t := p.toks[i]
	r := numRead{end: i + 1, plain: true}
	switch {
	case t.text == "." && t.kind == punct:
		// ".08": a decimal without its leading zero, unless the dot ends
		// a word or number ("v.2", "192.168").
		if i+1 >= len(p.toks) || !p.glued(i+1) || p.toks[i+1].kind != num || strings.Contains(p.toks[i+1].text, ".") {
			return r, false
		}
		if i > 0 && !t.space && p.toks[i-1].kind != punct {
			return r, false
		}
		v, err := strconv.ParseFloat("0."+p.toks[i+1].text, 64)
		if err != nil {
			return r, false
		}
		r.val, r.end = v, i+2
	case t.kind == num:
		r.val = t.val
		if t.plain && t.digits <= 3 && !t.lead0 {
			r.val, r.end = p.spacedGroups(i)
		}
	case t.kind == badNum:
		v, _, ok := parseGrouped(t.text)
		if !ok {
			return r, false
		}
		r.val = v
	default:
		return r, false
	}
	p.digitTail(&r, money)
	return r, true
}

// spacedGroups joins digits grouped by single spaces: "1 234 567",
// "40 000", "1 234 567.89" (with a narrow no-break space too).
func (p *scanner) spacedGroups(i int) (float64, int) {
	s := p.toks[i].text
	end := i + 1
	for k := i + 1; k < len(p.toks); k++ {
		t := p.toks[k]
		gap := p.src[p.toks[k-1].end:t.start]
		if t.kind != num || gap != " " && gap != "\u00a0" && gap != "\u202f" {
			break
		}
		intPart, _, _ := strings.Cut(t.text, ".")
		if len(intPart) != 3 || strings.Contains(intPart, ",") {
			break
		}
		s += t.text
		end = k + 1
		if strings.Contains(t.text, ".") {
			break
		}
	}
	if end == i+1 {
		return p.toks[i].val, end
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return p.toks[i].val, i + 1
	}
	return v, end
}

// parseGrouped reads digit strings the lexer could not: decimal commas
// ("1,3", "5,00", "1.111,11") and Indian grouping ("12,34,567.89"). kind
// is "comma" or "indian".
func parseGrouped(s string) (float64, string, bool) {
	digitsOnly := func(x string) bool {
		if x == "" {
			return false
		}
		for i := 0; i < len(x); i++ {
			if !isDigit(x[i]) {
				return false
			}
		}
		return true
	}
	// Indian: 1-2 digits, pairs, then a final group of three.
	intPart, frac, hasDot := strings.Cut(s, ".")
	if !hasDot || digitsOnly(frac) {
		g := strings.Split(intPart, ",")
		if len(g) >= 3 && len(g[0]) <= 2 && len(g[len(g)-1]) == 3 {
			ok := true
			for _, x := range g[1 : len(g)-1] {
				ok = ok && len(x) == 2 && digitsOnly(x)
			}
			if ok && digitsOnly(g[0]) && digitsOnly(g[len(g)-1]) {
				v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
				return v, "indian", err == nil
			}
		}
	}
	// Decimal comma, with optional dot grouping: "1,3", "1.111,11".
	whole, dec, ok := strings.Cut(s, ",")
	if !ok || !digitsOnly(dec) {
		return 0, "", false
	}
	g := strings.Split(whole, ".")
	if len(g[0]) == 0 || len(g[0]) > 3 && len(g) > 1 {
		return 0, "", false
	}
	for _, x := range g {
		if !digitsOnly(x) || len(g) > 1 && x != g[0] && len(x) != 3 {
			return 0, "", false
		}
	}
	if len(g) == 1 && len(dec) == 3 {
		return 0, "", false // "1,300" is grouping, read by the lexer
	}
	v, err := strconv.ParseFloat(strings.Join(g, "")+"."+dec, 64)
	return v, "comma", err == nil
}

// digitTail reads what may follow digits: an exponent ("e10", "^-1",
// "x10^6"), a fraction ("3/4", "2 1/4"), or a scale suffix ("10k",
// "1.2b", "2.33 k"). It sets suffix when a glued word that is no scale
// follows ("180ml").
func (p *scanner) digitTail(r *numRead, money bool) {
	e := r.end
	if e >= len(p.toks) {
		return
	}
	t := p.toks[e]
	glued := !t.space
	// Exponents.
	if glued && t.kind == word && (t.text == "e" || t.text == "x") || glued && t.text == "^" {
		if v, end, ok := p.exponent(r.val, e); ok {
			r.val, r.end, r.plain = v, end, false
			return
		}
	}
	// Fractions.
	if r.val == math.Trunc(r.val) && p.toks[e-1].kind == num {
		if v, end, ok := p.slash(e - 1); ok {
			r.val, r.end, r.plain, r.fraction = v, end, false, true
			return
		}
		if t.kind == num && t.space && !t.nl {
			if v, end, ok := p.slash(e); ok && v < 1 {
				r.val, r.end, r.plain, r.fraction = r.val+v, end, false, true
				return
			}
		}
	}
	if t.kind != word {
		return
	}
	raw := p.src[t.start:t.end]
	if glued {
		if s := suffixScale(raw, money); s > 0 {
			r.val, r.end, r.plain, r.scaled = r.val*s, e+1, false, s >= 1e6
			return
		}
		r.suffix = true
		return
	}
	// A spaced abbreviation: "2 bln", "2.33 k", "1,674.5 G".
	s := shortScales[t.text]
	if len(t.text) == 1 {
		s = 0
		if raw == "k" || raw == "K" || raw == "M" || raw == "G" {
			if e+1 >= len(p.toks) || p.toks[e+1].kind == punct {
				s = map[string]float64{"k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9}[raw]
			}
		}
	}
	if s > 0 && t.text != "b" {
		r.val, r.end, r.plain, r.scaled = r.val*s, e+1, false, s >= 1e6
	}
}

// suffixScale returns the multiplier of a scale abbreviation glued to
// digits, as written: "k" and "K" thousand, "M" and "MM" million (a
// lower-case "m" is metres unless money came first), "G" and "b" billion.
func suffixScale(raw string, money bool) float64 {
	switch raw {
	case "k", "K":
		return 1e3
	case "M", "MM":
		return 1e6
	case "m":
		if money {
			return 1e6
		}
		return 0
	case "G", "B", "b":
		return 1e9
	}
	return shortScales[strings.ToLower(raw)]
}

// exponent reads "e10", "e+14", "^23", "^--23" and "x10^-4" after a value.
func (p *scanner) exponent(v float64, e int) (float64, int, bool) {
	k := e
	power := false
	switch {
	case p.w(k) == "e":
		k++
	case p.w(k) == "x":
		if !p.glued(k+1) || p.toks[k+1].text != "10" || !p.is(k+2, "^") || !p.glued(k+2) {
			return 0, 0, false
		}
		k += 3
	case p.is(k, "^"):
		power = true
		k++
	}
	sign := 1.0
	for k < len(p.toks) && p.glued(k) && (p.toks[k].text == "+" || p.toks[k].text == "-") {
		if p.toks[k].text == "-" {
			sign = -sign
		}
		k++
	}
	if k >= len(p.toks) || !p.glued(k) || p.toks[k].kind != num {
		return 0, 0, false
	}
	x := sign * p.toks[k].val
	var out float64
	if power {
		out = math.Pow(v, x)
	} else {
		out = v * math.Pow(10, x)
	}
	if math.IsInf(out, 0) || math.IsNaN(out) {
		return 0, 0, false
	}
	return out, k + 1, true
}

// slash reads "a/b" at token k when it is a proper fraction and not part
// of a date or a code ("5/17/2018", "2222/2222").
func (p *scanner) slash(k int) (float64, int, bool) {
	if k+2 >= len(p.toks) || !p.is(k+1, "/") || !p.glued(k+1) || !p.glued(k+2) {
		return 0, 0, false
	}
	a, b := p.toks[k], p.toks[k+2]
	if a.kind != num || b.kind != num || !a.plain || !b.plain || a.val >= b.val || b.val == 0 {
		return 0, 0, false
	}
	if k+4 < len(p.toks) && p.glued(k+3) && (p.is(k+3, "/") || isDash(p.toks[k+3].text)) && p.toks[k+4].kind == num {
		return 0, 0, false
	}
	if k >= 2 && !a.space && (p.is(k-1, "/") || isDash(p.toks[k-1].text)) && p.toks[k-2].kind == num {
		return 0, 0, false
	}
	if k+3 < len(p.toks) && p.glued(k+3) && p.toks[k+3].kind == word {
		return 0, 0, false
	}
	return a.val / b.val, k + 3, true
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
