package quantity

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
)

// measured is one number with what it measures, before qualifiers apply.
type measured struct {
	n      numVal
	start  int // first token: currency prefix or number
	end    int // token after the unit, noun or number
	cur    string
	dim    parallax.Dimension
	unit   string
	factor float64
	// measure is true for units of measure, currencies and percentages,
	// false for counts; only measures make "2025" or "a" a quantity.
	measure bool
	post    string // qualifier written after the number: "or more"
	half    bool   // "an hour and a half" added half a unit
	bad     bool   // the number carries an unknown glued suffix ("1990s", "5G")
}

// measure reads a currency prefix, a number and its unit or counted noun.
func (p *scanner) measure(i int) (measured, bool) {
	m := measured{start: i, factor: 1}
	j := i
	if cur, k := p.currencyPrefix(i); cur != "" {
		m.cur, j = cur, k
	}
	n, ok := p.number(j, m.cur != "")
	if !ok || m.cur != "" && n.digit < 0 {
		return m, false
	}
	m.n = n
	k := n.end
	// A suspended hyphen, "three- to four-day", leaves the unit to the
	// end of the range.
	if k+1 < len(p.toks) && isHyphen(p.toks[k].text) && p.glued(k) && p.spaced(k+1) {
		if x := p.w(k + 1); x == "to" || x == "or" || x == "and" {
			m.end = k + 1
			m.dim = parallax.Count
			return m, true
		}
	}
	if q, e := p.postQual(k); q != "" {
		m.post, k = q, e
	}
	m.end = k
	// Only "half" takes a unit: "half an hour", "a half-hour"; "a third
	// day" is an ordinal.
	unitOK := !n.fraction || n.lo == 0.5
	switch {
	case m.cur != "":
		m.dim, m.unit, m.measure = parallax.Money, m.cur, true
		return p.tail(m), true
	case unitOK && m.setUnit(p, k):
		return p.tail(m), true
	case unitOK && n.fraction && (p.w(k) == "a" || p.w(k) == "an") && m.setUnit(p, k+1) && m.dim != parallax.Count:
		// "half an hour"
		return p.tail(m), true
	case n.fraction:
		// "nearly a quarter of the electricity": a share, in percent.
		m.dim, m.unit, m.factor, m.measure = parallax.Percent, percent, 100, true
		return m, true
	}
	if n.digit >= 0 && p.glued(k) && p.toks[k].kind == word {
		m.bad = true // "1990s", "5G", "3pm"
		return m, true
	}
	m.dim = parallax.Count
	if n.vague && p.w(k) == "of" {
		if m.setUnit(p, k+1) {
			return p.tail(m), true
		}
		if u, e, ok := p.noun(k+1, false); ok {
			m.unit, m.end = u, e
		}
		return m, true
	}
	if u, e, ok := p.noun(k, n.lo == 1 && !n.vague); ok {
		m.unit, m.end = u, e
	} else if p.w(k) == "of" && partitiveDeterminers[p.w(k+1)] && n.lo > 1 && !n.vague {
		// "fifteen of his speeches" counts speeches.
		if u, e, ok := p.noun(k+2, false); ok {
			m.unit, m.end = u, e
		}
	}
	return m, true
}

var partitiveDeterminers = map[string]bool{
	"the": true, "his": true, "her": true, "their": true, "its": true, "our": true,
	"these": true, "those": true,
}

// tail reads what may follow a unit: "and a half", a smaller duration unit
// ("two hours and 30 minutes") and a trailing qualifier ("10 days or more").
func (p *scanner) tail(m measured) measured {
	if m.dim == parallax.Duration {
		e, ok := p.seq(m.end, "and", "a", "half")
		if !ok {
			e, ok = p.seq(m.end, "and", "half") // "an hour and half"
		}
		if ok && m.n.lo == m.n.hi {
			m.n.lo += 0.5
			m.n.hi += 0.5
			m.end, m.half = e, true
		} else {
			m = p.durationParts(m)
		}
	}
	if m.post == "" {
		if q, e := p.postQual(m.end); q != "" {
			m.post, m.end = q, e
		}
	}
	return m
}

// setUnit reads a unit of measure, a currency word or a percent sign at k.
func (m *measured) setUnit(p *scanner, k int) bool {
	if k >= len(p.toks) {
		return false
	}
	t := p.toks[k]
	set := func(d unitDef, end int) bool {
		m.dim, m.unit, m.factor, m.measure, m.end = d.dim, d.unit, d.factor, true, end
		// "two-hour-long", "a 40-year-old".
		if p.hyphenAt(end) && (p.w(end+1) == "long" || p.w(end+1) == "old") {
			m.end = end + 2
		}
		return true
	}
	money := func(code string, end int) bool {
		m.dim, m.unit, m.factor, m.measure, m.end = parallax.Money, code, 1, true, end
		return true
	}
	pct := unitDef{dim: parallax.Percent, unit: percent, factor: 1}
	if t.kind == punct {
		if t.text == "%" {
			return set(pct, k+1)
		}
		if p.hyphenAt(k) {
			return m.hyphenUnit(p, k+1)
		}
		return false
	}
	if t.kind != word {
		return false
	}
	x := t.text
	if !t.space {
		// Glued to digits: "10km", "5kg", "100m", "24h", "km2".
		if m.n.digit < 0 || m.n.end != k {
			return false
		}
		d, ok := units[x]
		if !ok || d.glued && t.upper {
			return false // "5G" is a network, not five grams
		}
		if d.dim == parallax.Length && p.glued(k+1) && p.toks[k+1].kind == num && p.toks[k+1].text == "2" {
			return set(unitDef{dim: parallax.Area, unit: sqMetre, factor: d.factor * d.factor}, k+2)
		}
		return set(d, k+1)
	}
	switch x {
	case "per":
		if p.w(k+1) == "cent" {
			return set(pct, k+2)
		}
		return false
	case "percentage":
		if y := p.w(k + 1); y == "point" || y == "points" {
			return set(pct, k+2)
		}
		return false
	case "square", "sq":
		j := k + 1
		if p.is(j, ".") && p.glued(j) {
			j++
		}
		if d, ok := units[p.w(j)]; ok && d.dim == parallax.Length && !d.glued {
			return set(unitDef{dim: parallax.Area, unit: sqMetre, factor: d.factor * d.factor}, j+1)
		}
		return false
	case "business", "working":
		if y := p.w(k + 1); (y == "day" || y == "days") && p.spaced(k+1) {
			return set(units[y], k+2) // "another business day"
		}
		return false
	case "nautical":
		if y := p.w(k + 1); y == "mile" || y == "miles" {
			return set(unitDef{dim: parallax.Length, unit: metre, factor: 1852}, k+2)
		}
		return false
	case "metric":
		if d, ok := units[p.w(k+1)]; ok && d.dim == parallax.Mass && d.factor == 1000 {
			return set(d, k+2)
		}
		return false
	case "us", "american":
		if y := p.w(k + 1); y == "dollars" || y == "dollar" {
			return money("USD", k+2)
		}
		return false
	case "british":
		if y := p.w(k + 1); y == "pounds" || y == "pound" {
			return money("GBP", k+2)
		}
		return false
	case "pound", "pounds":
		// Money after a scale ("5 million pounds") or before "sterling";
		// otherwise weight.
		if p.w(k+1) == "sterling" {
			return money("GBP", k+2)
		}
		if m.n.scale > 1 || m.n.vague {
			return money("GBP", k+1)
		}
	}
	if code, ok := currencyWords[x]; ok {
		if t.upper && x == "sterling" {
			return false
		}
		return money(code, k+1)
	}
	if d, ok := units[x]; ok && d.glued && d.dim == parallax.Duration && m.n.digit >= 0 && m.n.end == k &&
		(k+1 >= len(p.toks) || p.toks[k+1].kind != word) {
		return set(d, k+1) // "3 h": a spaced letter unit, at the end of a phrase
	}
	if d, ok := units[x]; ok && !d.glued {
		if d.dim == parallax.Length && p.glued(k+1) && p.toks[k+1].kind == num && p.toks[k+1].text == "2" {
			return set(unitDef{dim: parallax.Area, unit: sqMetre, factor: d.factor * d.factor}, k+2)
		}
		return set(d, k+1)
	}
	return false
}

// hyphenIdioms are words that follow "N-" without making a count:
// "one-time", "two-way", "three-fold", "twenty-something".
var hyphenIdioms = map[string]bool{
	"time": true, "way": true, "fold": true, "sided": true, "off": true, "on": true,
	"up": true, "shot": true, "liner": true, "something": true, "all": true,
	"out": true, "for": true, "to": true, "in": true, "of": true, "and": true, "or": true,
}

// hyphenUnit reads the word after "N-": a unit ("90-minute"), "strong"
// with its noun ("175-strong delegation"), a trailing qualifier ("30-odd
// years", "50-plus") or a counted noun used as an adjective ("a
// three-judge panel").
func (m *measured) hyphenUnit(p *scanner, k int) bool {
	x := p.w(k)
	if x == "" {
		return false
	}
	if d, ok := units[x]; ok && !d.glued {
		m.dim, m.unit, m.factor, m.measure, m.end = d.dim, d.unit, d.factor, true, k+1
		if p.hyphenAt(k+1) && (p.w(k+2) == "long" || p.w(k+2) == "old") {
			m.end = k + 3
		}
		return true
	}
	if x == "percent" {
		m.dim, m.unit, m.factor, m.measure, m.end = parallax.Percent, percent, 1, true, k+1
		return true
	}
	if code, ok := currencyWords[x]; ok && len(x) > 3 {
		// "a million-dollar check"
		m.dim, m.unit, m.factor, m.measure, m.end = parallax.Money, code, 1, true, k+1
		return true
	}
	switch x {
	case "strong":
		m.dim, m.unit, m.end = parallax.Count, "", k+1
		if u, e, ok := p.noun(k+1, true); ok {
			m.unit, m.end = u, e
		}
		return true
	case "odd", "plus":
		if m.post != "" {
			return false // one trailing qualifier at most: no recursion on "-odd-odd"
		}
		m.post = "about"
		if x == "plus" {
			m.post = "at_least"
		}
		m.end = k + 1
		if p.hyphenAt(k+1) && m.hyphenUnit(p, k+2) {
			return true
		}
		if m.setUnit(p, k+1) {
			return true
		}
		m.dim = parallax.Count
		if u, e, ok := p.noun(k+1, false); ok {
			m.unit, m.end = u, e
		}
		return true
	}
	if m.n.one || m.n.lo == 1 || m.n.fraction || p.toks[k].upper || hyphenIdioms[x] || stop[x] || !isNounish(x) {
		return false
	}
	m.dim, m.unit, m.end = parallax.Count, lemma(x), k+1
	return true
}

// isNounish rejects words that cannot be a counted noun: adverbs,
// participles, number words and anything with an apostrophe.
func isNounish(x string) bool {
	if len(x) < 2 || strings.ContainsAny(x, "'’") || x == "half" || x == "quarter" {
		return false
	}
	if strings.HasSuffix(x, "ly") || strings.HasSuffix(x, "ed") || strings.HasSuffix(x, "ing") || strings.HasSuffix(x, "est") {
		return false
	}
	_, o := ones[x]
	_, t := teens[x]
	_, tt := tens[x]
	_, s := scales[x]
	_, od := ordinals[x]
	// "the nineteen eighties", "in his sixties"
	_, decade := tens[strings.TrimSuffix(x, "ies")+"y"]
	return !o && !t && !tt && !s && !od && !decade
}

// postQual reads a qualifier written after the number.
func (p *scanner) postQual(k int) (string, int) {
	switch {
	case p.hyphenAt(k) && p.w(k+1) == "plus":
		return "at_least", k + 2
	case p.hyphenAt(k) && p.w(k+1) == "odd", p.w(k) == "odd" && p.spaced(k):
		if p.w(k) == "odd" {
			return "about", k + 1
		}
		return "about", k + 2
	}
	if w := p.w(k); w == "or" || w == "and" {
		switch p.w(k + 1) {
		case "more", "above", "over", "older":
			return "at_least", k + 2
		case "so":
			if w == "or" {
				return "about", k + 2
			}
		case "fewer", "less", "under", "below":
			if w == "or" {
				return "at_most", k + 2
			}
		}
	}
	return "", k
}

// currencyPrefix reads "$", "US$", "€" or an ISO code before a number.
func (p *scanner) currencyPrefix(i int) (string, int) {
	if i >= len(p.toks) {
		return "", i
	}
	t := p.toks[i]
	if t.kind == punct {
		if c := currencySymbols[t.text]; c != "" {
			return c, i + 1
		}
		return "", i
	}
	if t.kind != word || !t.upper {
		return "", i
	}
	if c := dollarPrefixes[t.text]; c != "" && p.is(i+1, "$") && p.glued(i+1) {
		return c, i + 2
	}
	if c := currencyCodes[t.text]; c != "" && i+1 < len(p.toks) && p.toks[i+1].kind == num {
		return c, i + 1
	}
	return "", i
}

// item is one word of a noun phrase, with hyphenated parts joined:
// "long-range", "Russian-backed".
type item struct {
	start, end int    // tokens
	last       string // lower-case last part
	upper      bool
	single     bool // no hyphen
}

// itemAt reads the noun-phrase word at k.
func (p *scanner) itemAt(k int) (item, bool) {
	if k >= len(p.toks) || p.toks[k].kind != word || !p.toks[k].space || p.toks[k].nl {
		return item{}, false
	}
	t := p.toks[k]
	if stop[t.text] || !isWordy(t.text) || t.upper && months[t.text] {
		return item{}, false
	}
	if _, ok := ordinals[t.text]; ok {
		return item{}, false
	}
	if v, end, ok := p.cardinalFrom(k, 0); ok && end > k && v >= 0 {
		return item{}, false
	}
	it := item{start: k, end: k + 1, last: t.text, upper: t.upper, single: true}
	for p.hyphenAt(it.end) && p.toks[it.end+1].kind == word {
		it.last = p.toks[it.end+1].text
		it.end += 2
		it.single = false
	}
	return it, true
}

// isWordy rejects tokens with apostrophes ("Ukraine’s") as noun heads.
func isWordy(x string) bool { return !strings.ContainsAny(x, "'’") }

// noun finds the counted noun after a number. For plurals it is the first
// plural-looking word within four words, skipping adjectives and adverbs
// ("23 critically wounded soldiers"); for singulars ("one soldier", "the
// 11th anniversary") it is the last of a run of plain nouns. A fixed
// post-modifier ("prisoners of war") extends the phrase.
func (p *scanner) noun(k int, singular bool) (string, int, bool) {
	var its [4]item
	n := 0
	for j := k; n < len(its); {
		it, ok := p.itemAt(j)
		if !ok {
			break
		}
		its[n] = it
		n++
		j = it.end
	}
	head := -1
	if singular {
		for x := range n {
			it := its[x]
			if head < 0 {
				if it.upper || modifiers[it.last] || isAdverbOrParticiple(it.last) {
					continue
				}
				if !isNounish(it.last) && !strings.HasSuffix(it.last, "ing") {
					break
				}
				head = x
				continue
			}
			if it.upper || !isNounish(it.last) || strings.HasSuffix(it.last, "s") {
				break
			}
			head = x
		}
	} else {
		for x := range n {
			it := its[x]
			if looksPlural(it.last) && !modifiers[it.last] && isNounish(it.last) {
				head = x
				break
			}
		}
	}
	if head < 0 {
		return "", 0, false
	}
	end := its[head].end
	if p.w(end) == "of" && postModifiers[p.w(end+1)] && p.spaced(end+1) {
		end += 2
	}
	return lemma(its[head].last), end, true
}

func isAdverbOrParticiple(x string) bool {
	return len(x) > 4 && (strings.HasSuffix(x, "ly") || strings.HasSuffix(x, "ed"))
}

// durationParts folds further parts of a duration into its count: "two
// hours and 30 minutes", "1 year 1 month 21 days", "one week three days".
// Each part needs its own unit, different from those before.
func (p *scanner) durationParts(m measured) measured {
	used := []float64{m.factor}
	for len(used) < 5 {
		k := m.end
		if p.w(k) == "and" {
			k++
		}
		if !p.spaced(k) || p.toks[k].nl {
			return m
		}
		n2, ok := p.number(k, false)
		if !ok || n2.vague || n2.fraction || n2.article || n2.lo != n2.hi || n2.digit >= 0 && !p.digitOK(n2.digit, false) {
			return m
		}
		var m2 measured
		m2.n = n2
		if !m2.setUnit(p, n2.end) || m2.dim != parallax.Duration || slices.Contains(used, m2.factor) {
			return m
		}
		add := n2.lo * m2.factor / m.factor
		m.n.lo += add
		m.n.hi += add
		m.end = m2.end
		used = append(used, m2.factor)
	}
	return m
}
