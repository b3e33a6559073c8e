// Package quantity finds numbers with units in news text and turns each into
// an interval in one canonical unit per dimension, so that "more than two
// hours", "a 90-minute call" and "at least 90 minutes" can be compared.
//
// It owns number reading (digits, number words, fractions, vague amounts
// such as "tens of thousands"), units and their conversion, the counted noun
// of a count ("175 prisoners of war" counts "prisoner"), qualifiers and
// ranges, and the scope of a count ("each", "total"). It rejects numbers that
// are not quantities: years, days of the month, times, phone numbers and
// designations such as "F-16", "G7", "COVID-19" or "World War 2".
//
// Canonical units: Duration in "minute" (a month is 30 days, a year 365
// days), Length in "m", Area in "m2", Mass in "kg" (a "ton" is a metric
// tonne), Percent in "percent", Money in the ISO currency code (not
// converted), Count in the singular noun ("" when none), Ordinal in the
// noun it ranks.
//
// Qualifiers become intervals on the value v:
//
//	exact                          [v, v]
//	more than, over, upwards of    (v, +Inf)      "more_than"
//	just over                      (v, 1.1v]      "more_than"
//	at least, no fewer than        [v, +Inf)      "at_least"
//	less than, fewer than, under   [0, v)         "less_than"
//	at most, no more than          [0, v]         "at_most"
//	up to, as many as              [0, v]         "up_to"
//	about, around, approximately,
//	roughly, some, an estimated    [0.9v, 1.1v]   "about" (±10%)
//	nearly, almost, close to,
//	just under                     [0.9v, v)      "nearly"
//	between a and b, a-b, a to b   [a, b]         "range"
//
// Vague amounts are intervals too, with qualifier "about": "dozens" is
// [24, 120), "hundreds" [200, 1000), "tens of thousands" [20000, 100000),
// "several hundred" [300, 1000). A fraction without a unit ("nearly half",
// "a quarter of the electricity") is a share in percent.
//
// Besides Find, three readers serve the public Recognizers-Text suites
// (package recognizers scores them) and any caller that wants plain
// mentions rather than news quantities:
//
//   - Numbers reads every number as written ("192.168.1.2" is four,
//     "one hundred thirty-fifths" is 100/35, "5/17/2018" is three), with
//     none of Find's news filters for years, dates or bare counts.
//   - NumberRanges reads comparisons and ranges of plain numbers with the
//     Recognizers convention that "between 20 and 30" is [20, 30).
//   - Measures reads a number with its unit and nothing else ("over two
//     pounds" gives "two pounds"), in more dimensions (Volume, Speed,
//     Information, Angle), and unit names standing alone ("the dollar").
//
// They are separate because the suites expect readings that would hurt
// news analysis if Find made them: every "2018" and "5" a number, spans
// without their qualifiers, "percent" alone a percentage. Find stays the
// reader of news quantities; durations, which it reads the way the suites
// do, are scored through it.
//
// Everything is pure: no I/O, no logging, no panics on any input.
package quantity

import (
	"math"
	"strings"

	"github.com/parallax-news/parallax"
)

// tolerance is the relative width given to "about" and "nearly".
const tolerance = 0.1

// Find returns every quantity in text, sorted by span and non-overlapping.
// Spans are byte offsets into text and cover the qualifier, the number and
// its unit or counted noun ("more than two hours", "175 prisoners of war").
func Find(text string) []parallax.Quantity {
	p := newScanner(text)
	var out []parallax.Quantity
	for i := 0; i < len(p.toks); {
		if q, next, ok := p.match(i); ok {
			out = append(out, q)
			i = next
			p.lastEnd = next
			continue
		}
		i++
	}
	return out
}

// Parse reads one quantity at the start of s (after leading space). Text
// after the quantity is allowed and used only as context ("175 prisoners
// each" gives scope "each"). The span is relative to s.
func Parse(s string) (parallax.Quantity, bool) {
	p := newScanner(s)
	if len(p.toks) == 0 {
		return parallax.Quantity{}, false
	}
	q, _, ok := p.match(0)
	if !ok || q.Span.Start != p.toks[0].start && !p.totalPrefixAt0() {
		return parallax.Quantity{}, false
	}
	return q, true
}

// totalPrefixAt0 reports whether s starts with "a total of", which the
// span leaves out.
func (p *scanner) totalPrefixAt0() bool {
	_, ok := p.totalPrefix(0)
	return ok
}

// Number reads s as a number alone: digits ("1,300", "2.5"), number words
// ("one hundred seventy-five", "two-and-a-half", "a dozen"), fractions ("a
// quarter", "three-quarters"), scales ("1.2 million", "$3bn") and vague
// amounts ("dozens", "tens of thousands"). A leading qualifier is skipped
// ("nearly half" is 0.5). For a vague amount it returns the lower bound of
// the interval Find would give ("dozens" is 24).
func Number(s string) (float64, bool) {
	p := newScanner(s)
	if len(p.toks) == 0 {
		return 0, false
	}
	_, i := p.qualifier(0)
	cur, j := p.currencyPrefix(i)
	n, ok := p.number(j, cur != "")
	if !ok || n.article || cur != "" && n.digit < 0 {
		return 0, false
	}
	end := n.end
	// A glued "m" left by the scale reader is million here: there is no
	// unit to read.
	if n.digit >= 0 && end < len(p.toks) && p.glued(end) && p.w(end) == "m" && n.scale == 1 {
		n = n.exact(n.lo * 1e6)
		end++
	}
	if end != len(p.toks) || math.IsInf(n.lo, 0) || math.IsNaN(n.lo) {
		return 0, false
	}
	return n.lo, true
}

// canStart reports whether a quantity can begin at token i.
func (p *scanner) canStart(i int) bool {
	t := p.toks[i]
	switch t.kind {
	case num:
		return true
	case punct:
		return currencySymbols[t.text] != ""
	case word:
	default:
		return false
	}
	return startWords[t.text]
}

// startWords are the words a quantity can begin with: every word canStart
// accepts, gathered into one set because canStart runs on every token.
var startWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"between", "from", "a", "an", "half", "several", "few", "couple", "in"} {
		m[w] = true
	}
	for w, ok := range qualStarts {
		m[w] = m[w] || ok
	}
	for w, ok := range wholeWords {
		m[w] = m[w] || ok
	}
	for _, t := range []map[string]float64{vague, scales} {
		for w, v := range t {
			m[w] = m[w] || v != 0
		}
	}
	for _, t := range []map[string]string{dollarPrefixes, currencyCodes} {
		for w, v := range t {
			m[w] = m[w] || v != ""
		}
	}
	for _, t := range []map[string]float64{ones, teens, tens, ordinals} {
		for w := range t {
			m[w] = true
		}
	}
	return m
}()

// match reads the quantity starting at token i and returns it with the
// index of the token after its span.
func (p *scanner) match(i int) (parallax.Quantity, int, bool) {
	var q parallax.Quantity
	if !p.canStart(i) {
		return q, 0, false
	}
	if q, e, ok := p.wholeUnit(i); ok {
		return q, e, true
	}
	scope := ""
	j := i
	if e, ok := p.totalPrefix(i); ok {
		scope, j = "total", e
	}
	qual, k := p.qualifier(j)
	if x := p.w(j); (x == "over" || x == "under") && (particleVerb(p.w(j-1)) || p.lastEnd == j && j > 0 || p.w(k) == "one") {
		// "hand over 23 soldiers" is a phrasal verb and "€50bn over four
		// years" a period, not "more than".
		return q, 0, false
	}
	start := j
	if qual == "" {
		if q, e, ok := p.ordinal(k); ok {
			return q, e, true
		}
	}
	var m1, m2 measured
	ranged := false
	switch opener := p.w(k); {
	case qual == "" && (opener == "between" || opener == "from"):
		a, ok := p.measure(k + 1)
		if !ok || a.bad || a.n.article {
			return q, 0, false
		}
		c := a.end
		if opener == "between" && p.w(c) == "and" || opener == "from" && (p.w(c) == "to" || p.is(c, "-") || p.is(c, "–")) {
			b, ok := p.measure(c + 1)
			if !ok || b.bad || b.n.article || !p.unify(&a, &b) {
				return q, 0, false
			}
			m1, m2, ranged = a, b, true
		} else {
			return q, 0, false
		}
	default:
		a, ok := p.measure(k)
		if !ok || a.bad {
			return q, 0, false
		}
		m1 = a
		b, ok, poison := p.rangeTail(&m1)
		if poison {
			return q, 0, false
		}
		if ok {
			m2, ranged = b, true
		}
	}
	if !p.valid(m1, qual, ranged, false) || ranged && !p.valid(m2, qual, ranged, true) {
		return q, 0, false
	}
	last := m1
	if ranged {
		last = m2
		qual = "range"
	}
	endTok := last.end
	q.Span = parallax.Span{Start: p.toks[start].start, End: p.toks[endTok-1].end}
	q.Dimension, q.Unit = last.dim, last.unit
	if q.Dimension == "" {
		q.Dimension = parallax.Count
	}
	if ranged {
		q.Value = parallax.Interval{Lo: m1.n.lo * m1.factor, Hi: m2.n.hi * m2.factor, HiOpen: m2.n.hiOpen}
	} else {
		if qual == "" {
			qual = m1.post
		}
		q.Value = bound(m1.n.lo*m1.factor, m1.n.hi*m1.factor, m1.n.hiOpen, qual)
		if qual == "" && m1.n.vague {
			qual = "about" // the interval is the word's own, not ±10%
		}
	}
	if qual == justOver {
		qual = "more_than"
	}
	q.Qualifier = qual
	if scope == "" {
		scope = p.scopeAt(endTok)
	}
	q.Scope = scope
	// A count is whole: "magnitude 6.8" or "Trump 2.0" count nothing.
	if q.Dimension == parallax.Count && q.Value.Lo != math.Trunc(q.Value.Lo) && !q.Value.Unbounded() && q.Value.Lo == q.Value.Hi {
		return parallax.Quantity{}, 0, false
	}
	if !sane(q.Value) {
		return parallax.Quantity{}, 0, false
	}
	return q, endTok, true
}

// sane rejects intervals that overflowed.
func sane(v parallax.Interval) bool {
	return !math.IsNaN(v.Lo) && !math.IsNaN(v.Hi) && !math.IsInf(v.Lo, 0) && v.Lo <= v.Hi
}

// bound turns a value and its qualifier into an interval.
func bound(lo, hi float64, hiOpen bool, qual string) parallax.Interval {
	inf := math.Inf(1)
	switch qual {
	case "more_than":
		return parallax.Interval{Lo: lo, Hi: inf, LoOpen: true}
	case justOver:
		return parallax.Interval{Lo: lo, Hi: hi * (1 + tolerance), LoOpen: true}
	case "at_least":
		return parallax.Interval{Lo: lo, Hi: inf}
	case "less_than":
		return parallax.Interval{Lo: 0, Hi: hi, HiOpen: true}
	case "at_most", "up_to":
		return parallax.Interval{Lo: 0, Hi: hi, HiOpen: hiOpen}
	case "about":
		return parallax.Interval{Lo: lo * (1 - tolerance), Hi: hi * (1 + tolerance), HiOpen: hiOpen}
	case "nearly":
		return parallax.Interval{Lo: lo * (1 - tolerance), Hi: hi, HiOpen: true}
	}
	return parallax.Interval{Lo: lo, Hi: hi, HiOpen: hiOpen}
}

// qualifier reads a qualifier phrase at i. It returns "" and i when there
// is none.
func (p *scanner) qualifier(i int) (string, int) {
	if !qualStarts[p.w(i)] {
		return "", i
	}
	if d := units[p.w(i+1)]; p.w(i) == "some" && d.dim != "" {
		return "", i // "some days" is a vague number of days
	}
	// Token i is a word, so a phrase can only match from its first word.
	for _, q := range qualByStart[p.w(i)] {
		if e, ok := p.seq(i, q.words...); ok && e < len(p.toks) && p.spaced(e) {
			return q.qual, e
		}
	}
	return "", i
}

// totalPrefix reads "a total of", "a combined (total of)" and "in total"
// before a number.
func (p *scanner) totalPrefix(i int) (int, bool) {
	for _, ws := range [][]string{
		{"a", "combined", "total", "of"}, {"a", "total", "of"}, {"a", "combined"}, {"in", "total"},
	} {
		if e, ok := p.seq(i, ws...); ok {
			if p.is(e, ",") {
				e++
			}
			return e, true
		}
	}
	return i, false
}

// rangeTail reads the second half of "3-5", "3 to 5" or "two or three"
// after a and merges units. poison is set when a dash joins a to a number
// that does not make a range ("5-4", "2025-03-19"): then neither is a
// quantity.
func (p *scanner) rangeTail(a *measured) (measured, bool, bool) {
	c := a.end
	if c >= len(p.toks) || a.n.article || a.n.fraction {
		return measured{}, false, false
	}
	t := p.toks[c]
	dash := t.kind == punct && isDash(t.text)
	gluedDash := dash && !t.space
	switch {
	case dash, t.text == "to" && t.kind == word:
	case (t.text == "or" || t.text == "and") && t.kind == word && c > 0 && isHyphen(p.toks[c-1].text):
		// "three- or four-day"
	case t.text == "or" && t.kind == word && !a.measure && a.unit == "":
	default:
		return measured{}, false, false
	}
	if gluedDash && (c+1 >= len(p.toks) || !p.glued(c+1)) {
		return measured{}, false, false
	}
	nextIsNum := c+1 < len(p.toks) && (p.toks[c+1].kind == num || p.toks[c+1].kind == badNum)
	b, ok := p.measure(c + 1)
	if !ok || b.bad || b.n.article || b.n.one || a.n.words != b.n.words && !nextIsNum {
		return measured{}, false, gluedDash && nextIsNum
	}
	if gluedDash && p.glued(b.n.end) && b.n.end+1 < len(p.toks) && isDash(p.toks[b.n.end].text) &&
		p.toks[b.n.end+1].kind != word {
		return measured{}, false, true // "202-555-0100", "2025-03-19"
	}
	if !p.unify(a, &b) {
		return measured{}, false, gluedDash && nextIsNum
	}
	return b, true, false
}

// unify gives the two ends of a range one unit and scale, and checks that
// they are ordered. A bare start takes the end's unit ("3-5 days"); a bare
// end takes the start's currency ("$3-5bn").
func (p *scanner) unify(a, b *measured) bool {
	aBare := !a.measure && a.unit == ""
	bBare := !b.measure && b.unit == ""
	switch {
	case aBare && bBare:
	case aBare:
		a.dim, a.unit, a.factor, a.measure, a.cur = b.dim, b.unit, b.factor, b.measure, b.cur
	case bBare:
		if a.cur == "" {
			return false
		}
		b.dim, b.unit, b.factor, b.measure, b.cur = a.dim, a.unit, a.factor, a.measure, a.cur
	case a.dim != b.dim || a.unit != b.unit:
		return false
	}
	// "between 3 and 5 million", "$3-5bn": the scale applies to both.
	if a.n.scale == 1 && b.n.scale > 1 && !a.n.vague && a.n.base <= b.n.base {
		a.n = a.n.exact(a.n.lo * b.n.scale)
	}
	return a.n.lo*a.factor < b.n.lo*b.factor
}

// ordinal reads "the 11th anniversary", "the first step": an ordinal
// followed by its noun.
func (p *scanner) ordinal(i int) (parallax.Quantity, int, bool) {
	var q parallax.Quantity
	if i >= len(p.toks) {
		return q, 0, false
	}
	t := p.toks[i]
	v, k := 0.0, 0
	switch t.kind {
	case num:
		suf := p.w(i + 1)
		if t.val != math.Trunc(t.val) || strings.Contains(t.text, ".") || !p.glued(i+1) || !ordinalSuffix(t.val, suf) || !p.digitOK(i, false) {
			return q, 0, false
		}
		if p.monthNear(i, i+2) {
			return q, 0, false
		}
		v, k = t.val, i+2
	case word:
		if !determiners[p.w(i-1)] && !strings.HasSuffix(p.w(i-1), "'s") && !strings.HasSuffix(p.w(i-1), "’s") {
			return q, 0, false
		}
		if o, ok := ordinals[t.text]; ok {
			v, k = o, i+1
		} else if tv, ok := tens[t.text]; ok && p.hyphenAt(i+1) && ordinals[p.w(i+2)] < 10 && ordinals[p.w(i+2)] > 0 {
			v, k = tv+ordinals[p.w(i+2)], i+3
		} else {
			return q, 0, false
		}
		if p.monthNear(i, k) {
			return q, 0, false
		}
	default:
		return q, 0, false
	}
	u, e, ok := p.noun(k, true)
	if !ok {
		return q, 0, false
	}
	q.Span = parallax.Span{Start: t.start, End: p.toks[e-1].end}
	q.Value = parallax.Exact(v)
	q.Dimension, q.Unit = parallax.Ordinal, u
	return q, e, true
}

// ordinalSuffix checks "1st", "2nd", "3rd", "11th", "21st".
func ordinalSuffix(v float64, suf string) bool {
	n := int64(v)
	want := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return suf == want
}

// scopeAt reads how a count distributes, right after it: "each",
// "apiece", "from each side", "per side", "in total", "combined".
func (p *scanner) scopeAt(k int) string {
	j := k
	switch p.w(j) {
	case "from", "on", "for", "by", "to":
		if p.w(j+1) == "each" {
			j++
		}
	case "in":
		if x := p.w(j + 1); x == "total" || x == "all" {
			return "total"
		}
	}
	switch p.w(j) {
	case "each":
		x := p.w(j + 1)
		if x == "other" || x == "of" || x == "time" || units[x].dim == parallax.Duration {
			return ""
		}
		return "each"
	case "apiece":
		return "each"
	case "per":
		x := p.w(j + 1)
		if x == "" || x == "cent" || x == "time" || units[x].dim != "" {
			return ""
		}
		return "each"
	case "combined", "altogether":
		return "total"
	}
	return ""
}

// wholeWords make one unit of time of the unit after them: "all day", "a
// full year", "the whole week", "another month", "all-day".
var wholeWords = map[string]bool{"all": true, "full": true, "whole": true, "entire": true, "another": true}

// wholeUnit reads one unit of time after a wholeWord at i.
func (p *scanner) wholeUnit(i int) (parallax.Quantity, int, bool) {
	var q parallax.Quantity
	if !wholeWords[p.w(i)] {
		return q, 0, false
	}
	k := i + 1 // the unit, or the hyphen of "all-day", which setUnit reads
	if !p.spaced(k) && !p.hyphenAt(k) {
		return q, 0, false
	}
	m := measured{n: numVal{digit: -1, end: k}}
	if !m.setUnit(p, k) || m.dim != parallax.Duration || m.factor == 1.0/60 || looksPlural(p.w(m.end-1)) {
		return q, 0, false // "another second" is mostly the ordinal
	}
	q.Span = parallax.Span{Start: p.toks[i].start, End: p.toks[m.end-1].end}
	q.Value = parallax.Exact(m.factor)
	q.Unit, q.Dimension = m.unit, m.dim
	return q, m.end, true
}
