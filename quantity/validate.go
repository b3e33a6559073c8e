package quantity

import (
	"strings"

	"github.com/parallax-news/parallax"
)

// valid applies the context rules that keep non-quantities out: years,
// days of the month, clock times, designations ("Boeing 737"), the pronoun
// "one", the article "a" and fractions that are not shares ("the first
// half"). second is set for the end of a range.
func (p *scanner) valid(m measured, qual string, ranged, second bool) bool {
	n := m.n
	if n.digit >= 0 {
		t := p.toks[n.digit]
		if !p.digitOK(n.digit, second) {
			return false
		}
		// A four-digit integer in the range of years is a year unless
		// something makes it an amount: "in 2025" but "more than 2000
		// troops", "$2025", "2025 km".
		if t.plain && t.digits == 4 && t.val >= 1000 && t.val <= 2100 &&
			qual == "" && m.post == "" && m.cur == "" && !m.measure && n.scale == 1 {
			return false
		}
		if t.plain && t.val >= 1 && t.val <= 31 && t.val == float64(int(t.val)) && p.monthNear(n.digit, n.digit+1) {
			return false
		}
		if p.clockAfter(n.digit + 1) {
			return false
		}
	}
	if !second && qual == "" && m.cur == "" && p.designation(m) {
		return false
	}
	if p.foreignUnit(m.end) {
		return false
	}
	if n.digit >= 0 && !m.measure && m.unit == "" && n.scale == 1 && strings.Contains(p.toks[n.digit].text, ".") {
		return false // a bare "2.0" is a version or a score, not a count
	}
	if n.one && m.dim == parallax.Duration && m.unit == minute && m.factor == minPerDay && p.is(m.end, ",") {
		return false // "One day, he said": an idiom
	}
	if n.words && p.toks[n.start].upper && !p.sentenceStart(n.start) && p.w(n.start) != "a" && p.w(n.start) != "an" {
		return false // a capitalized number word is a name: "the Final Four", "Group of Seven"
	}
	if n.one && !ranged {
		if !m.measure && m.unit == "" || oneBlockers[p.w(m.start-1)] {
			return false
		}
	}
	if n.article && (!m.measure || m.dim == parallax.Count || qual == "" && !m.half && !p.articleDuration(m)) {
		return false
	}
	if n.fraction && m.dim == parallax.Percent && m.factor == 100 {
		// A share needs "of" or a determiner after it, or a qualifier:
		// "half of the", "half the country", "nearly half".
		if x := p.w(n.end); qual == "" && x != "of" && !shareDeterminers[x] {
			return false
		}
		if x := p.w(n.start - 1); ordinals[x] != 0 || x == "the" || x == "latter" || x == "other" || x == "and" {
			return false
		}
	}
	return true
}

var shareDeterminers = map[string]bool{
	"the": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"this": true, "that": true, "these": true, "those": true, "all": true,
}

// designation reports a number that is part of a name: a capitalized word
// right before it, in mid-sentence ("World War 2", "Boeing 737", "Trump
// 2.0"), unless a noun or unit follows ("Kiev 23 wounded soldiers").
func (p *scanner) designation(m measured) bool {
	prev := m.start - 1
	if prev < 0 || !p.toks[m.start].space && p.toks[prev].kind == word {
		return false
	}
	pt := p.toks[prev]
	if pt.kind == punct && (pt.text == "#" || pt.text == "." && p.w(prev-1) == "no" && p.glued(prev)) {
		return true
	}
	if pt.kind != word || !pt.upper {
		return false
	}
	if nameWords[pt.text] {
		return true
	}
	if p.sentenceStart(prev) {
		return false
	}
	return !m.measure && m.unit == ""
}

// sentenceStart reports whether word i opens a sentence, line or list item,
// where capitals say nothing about names.
func (p *scanner) sentenceStart(i int) bool {
	if i == 0 || p.toks[i].nl {
		return true
	}
	prev := p.toks[i-1]
	return prev.kind == punct && strings.Contains(".!?:;\"“”‘’'([—–-•*", prev.text)
}

// digitOK checks the characters around a digit token: it must not be glued
// to a word ("G7", "F-16", "COVID-19"), sit in a date or time ("3/19",
// "10:30"), start with a zero ("0100"), stand next to another number ("202
// 555 0100") or carry a glued "'s" ("1990's"). second allows the glued dash
// of a range end ("3-5").
func (p *scanner) digitOK(d int, second bool) bool {
	t := p.toks[d]
	if t.lead0 {
		return false
	}
	if d > 0 && !t.space {
		prev := p.toks[d-1]
		switch {
		case prev.kind == punct && currencySymbols[prev.text] != "":
		case prev.kind == punct && strings.Contains("([\"“‘'~", prev.text):
		case second && prev.kind == punct && isDash(prev.text):
		default:
			return false
		}
	}
	if d+2 < len(p.toks) && p.glued(d+1) && p.glued(d+2) {
		sep, after := p.toks[d+1], p.toks[d+2]
		if (sep.text == ":" || sep.text == "/" || sep.text == ".") && (after.kind == num || after.kind == badNum) {
			return false
		}
		if (sep.text == "'" || sep.text == "’") && after.text == "s" {
			return false
		}
	}
	isNum := func(k int) bool {
		return k >= 0 && k < len(p.toks) && (p.toks[k].kind == num || p.toks[k].kind == badNum)
	}
	if isNum(d-1) && t.space || isNum(d+1) && p.toks[d+1].space {
		return false
	}
	// "(202) 555-0100"
	if p.is(d-1, "(") && p.is(d+1, ")") && isNum(d+2) {
		return false
	}
	return true
}

// monthNear reports a month name right before the number at d ("March
// 19", "Feb. 28", "March the 19th") or right after the number ending at end
// ("19 March", "19th of March").
func (p *scanner) monthNear(d, end int) bool {
	isMonth := func(k int) bool {
		return k >= 0 && k < len(p.toks) && p.toks[k].kind == word && p.toks[k].upper && months[p.toks[k].text]
	}
	if isMonth(d-1) || p.is(d-1, ".") && isMonth(d-2) || p.w(d-1) == "the" && isMonth(d-2) {
		return true
	}
	if k := end; k < len(p.toks) && p.glued(k) && p.toks[k].kind == word {
		end = k + 1 // "19th March"
	}
	return isMonth(end) || p.w(end) == "of" && isMonth(end+1)
}

// clockAfter reports a clock word after a number: "10 am", "5 p.m.",
// "1400 GMT".
func (p *scanner) clockAfter(k int) bool {
	if clockWords[p.w(k)] {
		return true
	}
	x := p.w(k)
	return (x == "a" || x == "p") && p.is(k+1, ".") && p.w(k+2) == "m"
}

// foreignUnits are units this package does not convert; a number before
// one is not a count of anything ("50 mph", "30 degrees").
var foreignUnits = map[string]bool{
	"mph": true, "kph": true, "knots": true, "degrees": true, "°": true, "mbps": true,
	"gbps": true, "kwh": true, "mwh": true, "gwh": true, "hz": true, "mhz": true, "ghz": true,
	"db": true, "psi": true, "rpm": true, "bpd": true,
}

// foreignUnit reports an unconverted unit at k, or a rate written with a
// slash after a unit ("100 km/h").
func (p *scanner) foreignUnit(k int) bool {
	if foreignUnits[p.w(k)] || p.is(k, "°") {
		return true
	}
	return p.is(k, "/") && p.glued(k) && p.glued(k+1) && p.toks[k+1].kind == word && k > 0 && p.toks[k-1].kind == word
}

// articleDuration accepts "an hour", "a year", "a fortnight" as one unit of
// time, except in a rate ("twice a day", "500,000 barrels a day", "$5 a
// week") and "a second", which is mostly the ordinal.
func (p *scanner) articleDuration(m measured) bool {
	if m.dim != parallax.Duration || m.factor == 1.0/60 || m.end > m.n.end+3 {
		return false
	}
	i := m.start
	if i > 0 && p.lastEnd == i {
		return false
	}
	switch p.w(i - 1) {
	case "once", "twice", "thrice", "times", "per", "a", "an":
		return false
	}
	return i == 0 || p.toks[i-1].kind != num
}
