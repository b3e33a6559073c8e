package dates

import (
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// form is the shape of a date expression before it is placed on the
// calendar.
type form uint8

const (
	fDate      form = iota + 1 // year, month and day written: "March 19, 2025"
	fMonthDay                  // month and day, year from context: "March 19"
	fMonthYear                 // "March 2025"
	fMonth                     // month, year from context: "in March", "mid-March"
	fYear                      // "in 2022"
	fWeekday                   // "on Tuesday", "last Friday"
	fRelDay                    // off days from the reference: "yesterday"
	fRelWeek                   // off weeks: "last week"
	fRelMonth                  // off months: "next month"
	fRelYear                   // off years: "three years ago"
	fContext                   // off days from the day last mentioned: "earlier in the day"
)

// mention is one date expression found in the text.
type mention struct {
	span parallax.Span
	form form
	y    int
	m    time.Month
	d    int
	wd   time.Weekday
	// hasWD marks a weekday written with a month-day ("Wednesday, March
	// 19"): direct evidence for the year.
	hasWD bool
	// rel is the weekday or month modifier: -1 "last", +1 "next", 0 none.
	rel int
	// yrel marks a month qualified by "last year", "this year" or "next
	// year"; off then holds the year offset.
	yrel bool
	off  int
	lean int // +1 when the clause points to the future, -1 to the past, 0 no cue
	tok  int // index of the first token
	sent int
	para int
}

// scanner walks the tokens once, left to right, and collects mentions.
type scanner struct {
	text string
	toks []token
	// done is the index of the first token not yet consumed by a mention;
	// modifiers looked up behind a head word must lie at or after it.
	done int
	out  []mention
}

// mentions returns every date expression in toks, in text order and
// non-overlapping.
func mentions(text string, toks []token) []mention {
	s := scanner{text: text, toks: toks}
	for i := 0; i < len(toks); {
		if n := s.at(i); n > i {
			i = n
			s.done = n
			continue
		}
		i++
	}
	return s.out
}

// at tries every pattern whose head is token i and returns the index
// after the match, or i when nothing matched.
func (s *scanner) at(i int) int {
	t := s.toks[i]
	switch t.kind {
	case number:
		if n := s.numeric(i); n > i {
			return n
		}
		if n := s.dayMonth(i); n > i {
			return n
		}
		if n := s.year(i); n > i {
			return n
		}
		return s.ago(i)
	case word:
		if _, ok := weekdays[t.lower]; ok {
			return s.weekday(i)
		}
		if _, ok := months[t.lower]; ok {
			return s.month(i)
		}
		return s.relative(i)
	}
	return i
}

func (s *scanner) add(m mention, first, next int) int {
	m.span = parallax.Span{Start: s.toks[first].start, End: s.toks[next-1].end}
	m.tok = first
	m.sent, m.para = s.toks[first].sent, s.toks[first].para
	if m.lean == 0 {
		m.lean = lean(s.toks, first)
	}
	s.out = append(s.out, m)
	return next
}

// w returns the lower-cased word at i, or "" when i is out of range or
// not a word.
func (s *scanner) w(i int) string {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != word {
		return ""
	}
	return s.toks[i].lower
}

// p reports whether token i is the punctuation c.
func (s *scanner) p(i int, c string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == punct && s.toks[i].lower == c
}

// free reports whether token i exists and is not part of an earlier
// mention.
func (s *scanner) free(i int) bool { return i >= s.done && i >= 0 }

// dayNum returns the day of month written at i (1-31, optionally "19th").
func (s *scanner) dayNum(i int) (int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	t := s.toks[i]
	if t.kind != number || t.ndig == 0 || t.ndig > 2 || t.val < 1 || t.val > 31 {
		return 0, false
	}
	// "March 19:30" or "March 3-5" are handled as numbers, not days; a
	// following "%" or unit glued on means a quantity.
	if i+1 < len(s.toks) && s.toks[i+1].start == t.end && s.toks[i+1].kind != punct {
		return 0, false
	}
	return t.val, true
}

// yearNum returns a four-digit year written at i.
func (s *scanner) yearNum(i int) (int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	t := s.toks[i]
	if t.kind != number || t.ndig != 4 || t.ord || t.val < minYear || t.val > maxYear {
		return 0, false
	}
	// "1990s", "2025-level": glued to a word, not a year by itself.
	if i+1 < len(s.toks) && s.toks[i+1].start == t.end && (s.toks[i+1].kind == word || s.p(i+1, "%")) {
		return 0, false
	}
	return t.val, true
}

// monthAt returns the month named at i: capitalised full names, or
// capitalised abbreviations (optionally followed by a dot). It returns
// the index after the name.
func (s *scanner) monthAt(i int) (time.Month, bool, int) {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != word || !s.toks[i].upper {
		return 0, false, i
	}
	mi, ok := months[s.toks[i].lower]
	if !ok {
		return 0, false, i
	}
	n := i + 1
	if mi.abbr && s.p(n, ".") && s.toks[n].start == s.toks[i].end {
		n++
	}
	return mi.m, true, n
}

// numeric matches dates written in digits: 2025-03-19, 2025/03/19,
// 3/19/2025 (US order, or day first when the first part exceeds 12) and
// 19.03.2025.
func (s *scanner) numeric(i int) int {
	t := s.toks[i]
	if t.val >= 0 {
		return i
	}
	raw := t.lower
	var sep byte
	for k := 0; k < len(raw); k++ {
		if !isDigit(raw[k]) {
			sep = raw[k]
			break
		}
	}
	if sep != '-' && sep != '/' && sep != '.' {
		return i
	}
	parts := strings.Split(raw, string(sep))
	if len(parts) != 3 {
		return i
	}
	for _, p := range parts {
		if !allDigits(p) || len(p) > 4 {
			return i
		}
	}
	var y, mo, d int
	switch {
	case len(parts[0]) == 4 && (sep == '-' || sep == '/') && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, mo, d = atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		a, b := atoi(parts[0]), atoi(parts[1])
		y = atoi(parts[2])
		switch {
		case sep == '.': // European order
			d, mo = a, b
		case a > 12:
			d, mo = a, b
		default:
			mo, d = a, b
		}
	default:
		return i
	}
	if y < minYear || y > maxYear || !validDay(y, time.Month(mo), d) {
		return i
	}
	return s.add(mention{form: fDate, y: y, m: time.Month(mo), d: d}, i, i+1)
}

// yearAfter matches an optional ", 2025" or " 2025" at i and returns the
// year and the index after it.
func (s *scanner) yearAfter(i int) (int, int) {
	j := i
	if s.p(j, ",") {
		j++
	}
	if y, ok := s.yearNum(j); ok {
		return y, j + 1
	}
	return 0, i
}

// dayMonth matches "19 March", "19th of March", "19 March 2025".
func (s *scanner) dayMonth(i int) int {
	d, ok := s.dayNum(i)
	if !ok {
		return i
	}
	j := i + 1
	if s.w(j) == "of" {
		j++
	}
	m, ok, n := s.monthAt(j)
	if !ok {
		return i
	}
	return s.monthDay(i, m, d, n, mention{}, false)
}

// monthDay finishes a month-day match whose year, if any, starts at n;
// open says a "(" after a weekday waits to be closed.
func (s *scanner) monthDay(first int, m time.Month, d, n int, base mention, open bool) int {
	if y, next := s.yearAfter(n); next > n {
		if !validDay(y, m, d) {
			return first
		}
		base.form, base.y, base.m, base.d = fDate, y, m, d
		return s.add(base, first, s.closeParen(next, open))
	}
	if !validDay(2024, m, d) { // 2024 is a leap year: allows Feb 29
		return first
	}
	base.form, base.m, base.d = fMonthDay, m, d
	return s.add(base, first, s.closeParen(n, open))
}

// weekday matches "Tuesday", "on Tuesday evening", "last Friday" and
// "Wednesday, March 19".
func (s *scanner) weekday(i int) int {
	t := s.toks[i]
	if !t.upper {
		return i
	}
	wd := weekdays[t.lower]
	if i > 0 && s.toks[i-1].upper && notDayBefore[s.w(i-1)] {
		return i // "Black Friday", "Bloody Sunday"
	}
	if i+1 < len(s.toks) && s.toks[i+1].upper && notDayAfter[s.w(i+1)] {
		return i // "Sunday Times"
	}
	// A weekday written with its calendar date.
	j := i + 1
	paren := s.p(j, "(")
	if paren || s.p(j, ",") {
		j++
	}
	if s.w(j) == "the" {
		j++
	}
	if m, ok, n := s.monthAt(j); ok {
		if d, ok := s.dayNum(n); ok {
			return s.monthDay(i, m, d, n+1, mention{wd: wd, hasWD: true}, paren)
		}
	}
	if d, ok := s.dayNum(j); ok {
		k := j + 1
		if s.w(k) == "of" {
			k++
		}
		if m, ok, n := s.monthAt(k); ok {
			return s.monthDay(i, m, d, n, mention{wd: wd, hasWD: true}, paren)
		}
	}
	first, next := i, i+1
	mt := mention{form: fWeekday, wd: wd}
	switch pw := s.w(i - 1); {
	case !s.free(i - 1):
	case pw == "last" || pw == "past":
		mt.rel, mt.lean, first = -1, -1, i-1
	case pw == "next" || pw == "coming":
		mt.rel, mt.lean, first = 1, 1, i-1
	case pw == "this" || pw == "late" || pw == "early":
		first = i - 1
	}
	switch s.w(next) {
	case "morning", "afternoon", "evening", "night", "overnight":
		next++
	}
	return s.add(mt, first, next)
}

// closeParen includes the ")" that closes "Wednesday (March 19)".
func (s *scanner) closeParen(n int, open bool) int {
	if open && s.p(n, ")") {
		return n + 1
	}
	return n
}

// month matches "March 19", "Mar. 19, 2025", "March 2025", and a bare
// month in a date context: "in March", "mid-March", "early April", "the
// end of March", "last May", "in August last year".
func (s *scanner) month(i int) int {
	m, ok, n := s.monthAt(i)
	if !ok {
		return i
	}
	if d, ok := s.dayNum(n); ok {
		return s.monthDay(i, m, d, n+1, mention{}, false)
	}
	if y, ok := s.yearNum(n); ok {
		return s.add(mention{form: fMonthYear, y: y, m: m}, s.modStart(i), n+1)
	}
	if s.w(n) == "of" {
		if y, ok := s.yearNum(n + 1); ok {
			return s.add(mention{form: fMonthYear, y: y, m: m}, s.modStart(i), n+2)
		}
	}
	if months[s.toks[i].lower].abbr {
		return i // "Jan", "Dec" alone are names or noise
	}
	first := s.modStart(i)
	mt := mention{form: fMonth, m: m}
	switch pw := s.w(i - 1); {
	case !s.free(i - 1):
		return i
	case pw == "last":
		mt.rel, mt.lean = -1, -1
	case pw == "next":
		mt.rel, mt.lean = 1, 1
	case first < i, monthContext[pw]:
	case (pw == "to" || pw == "and" || pw == "or") && s.isMonth(i-2):
		// "from January to March", "January and February"
	default:
		return i
	}
	j := n
	if s.w(j) == "of" {
		j++
	}
	if s.w(j+1) == "year" {
		switch s.w(j) {
		case "last":
			mt.yrel, mt.off, n = true, -1, j+2
		case "this":
			mt.yrel, mt.off, n = true, 0, j+2
		case "next":
			mt.yrel, mt.off, n = true, 1, j+2
		}
	}
	return s.add(mt, first, n)
}

func (s *scanner) isMonth(i int) bool {
	_, ok, _ := s.monthAt(i)
	return ok
}

// modStart extends a month or year head backwards over "early", "mid-",
// "late", "last", "next", "this" and "the end of"/"the beginning of".
func (s *scanner) modStart(i int) int {
	j := i - 1
	if s.p(j, "-") && s.w(j-1) == "mid" && s.free(j-1) {
		return j - 1
	}
	switch s.w(j) {
	case "early", "mid", "late", "last", "next", "this":
		if s.free(j) {
			return j
		}
	case "of":
		switch s.w(j - 1) {
		case "end", "beginning", "start", "middle":
			k := j - 1
			if s.w(k-1) == "the" {
				k--
			}
			if s.free(k) {
				return k
			}
		}
	}
	return i
}

// year matches a four-digit year where the words around it make it one:
// "in 2022", "since 2014", "mid-2025", "between 2019 and 2022", "the 2016
// presidential election", "(2019)". "2025 troops" and "1,300" are not
// years.
func (s *scanner) year(i int) int {
	y, ok := s.yearNum(i)
	if !ok {
		return i
	}
	if s.p(i-1, "$") || s.p(i-1, "#") {
		return i
	}
	first := s.modStart(i)
	pw := s.w(i - 1)
	switch {
	case first < i && pw != "last" && pw != "next" && pw != "this":
	case yearContext[pw]:
	case (pw == "and" || pw == "to" || pw == "or" || s.p(i-1, "-")) && s.isYear(i-2):
	case pw == "the" && yearNouns[s.w(i+1)]:
	case (s.p(i-1, ",") || s.p(i-1, "(")) && (i+1 == len(s.toks) || s.p(i+1, ")") || s.p(i+1, ",") ||
		s.p(i+1, ".") || s.p(i+1, ";") || s.toks[i+1].nl):
	case i == 0 || s.toks[i].nl:
		// A year standing alone at the start of a line ("2019: ...").
		if !(i+1 == len(s.toks) || s.p(i+1, ":") || s.toks[i+1].nl) {
			return i
		}
	default:
		return i
	}
	if first == i || pw == "last" || pw == "next" || pw == "this" {
		first = i
	}
	return s.add(mention{form: fYear, y: y}, first, i+1)
}

func (s *scanner) isYear(i int) bool {
	_, ok := s.yearNum(i)
	return ok
}

// count reads a small count written as digits or a word at i.
func (s *scanner) count(i int) (int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	t := s.toks[i]
	if t.kind == number && t.val >= 0 && t.ndig <= 3 && !t.ord {
		return t.val, true
	}
	n, ok := counts[t.lower]
	return n, ok && t.kind == word
}

// unitAt reads "day(s)", "week(s)", "month(s)", "year(s)".
func (s *scanner) unitAt(i int) (form, bool) {
	switch s.w(i) {
	case "day", "days":
		return fRelDay, true
	case "week", "weeks":
		return fRelWeek, true
	case "month", "months":
		return fRelMonth, true
	case "year", "years":
		return fRelYear, true
	}
	return 0, false
}

// ago matches "three days ago", "a year ago" with its head at i.
func (s *scanner) ago(i int) int {
	n, ok := s.count(i)
	if !ok {
		return i
	}
	f, ok := s.unitAt(i + 1)
	if !ok || s.w(i+2) != "ago" {
		return i
	}
	return s.add(mention{form: f, off: -n, lean: -1}, i, i+3)
}

// relative matches words and phrases that count from the publication
// date or from the day last mentioned.
func (s *scanner) relative(i int) int {
	w := s.w(i)
	switch w {
	case "today", "tonight":
		first := i
		if pw := s.w(i - 1); (pw == "earlier" || pw == "later") && s.free(i-1) {
			first = i - 1
		}
		return s.add(mention{form: fRelDay}, first, i+1)
	case "yesterday":
		return s.add(mention{form: fRelDay, off: -1}, i, i+1)
	case "tomorrow":
		return s.add(mention{form: fRelDay, off: 1}, i, i+1)
	case "a", "an":
		if n := s.ago(i); n > i {
			return n
		}
		// "a day earlier", "a day later"
		if s.w(i+1) == "day" {
			switch s.w(i + 2) {
			case "earlier":
				return s.add(mention{form: fContext, off: -1}, i, i+3)
			case "later":
				return s.add(mention{form: fContext, off: 1}, i, i+3)
			}
		}
	case "in":
		// "in two weeks": only when the clause looks ahead, since "the
		// first time in two years" is a duration.
		n, ok := s.count(i + 1)
		if !ok {
			return i
		}
		f, ok := s.unitAt(i + 2)
		if !ok || lean(s.toks, i) <= 0 || s.w(i+3) == "time" {
			return i
		}
		return s.add(mention{form: f, off: n, lean: 1}, i, i+3)
	case "last", "this", "next", "earlier", "later":
		return s.thisNext(i)
	case "the", "that":
		return s.theDay(i)
	}
	if _, ok := counts[w]; ok {
		return s.ago(i)
	}
	return i
}

// thisNext matches "last week", "this month", "next year", "earlier this
// week", "later this year", "last night", "this morning", "earlier in the
// day", "later that day".
func (s *scanner) thisNext(i int) int {
	w := s.w(i)
	j := i
	off := 0
	switch w {
	case "earlier", "later":
		switch {
		case s.w(i+1) == "in" && s.w(i+2) == "the" && s.w(i+3) == "day":
			return s.add(mention{form: fContext}, i, i+4)
		case s.w(i+1) == "that" && s.w(i+2) == "day":
			return s.add(mention{form: fContext}, i, i+3)
		case s.w(i+1) == "on" && s.w(i+2) == "the" && s.w(i+3) == "same" && s.w(i+4) == "day":
			return s.add(mention{form: fContext}, i, i+5)
		case s.w(i+1) != "this":
			return i
		}
		j = i + 1
	case "last":
		off = -1
	case "next":
		off = 1
	}
	// "the last week", "the next month" are spans of time, not calendar
	// periods.
	if pw := s.w(i - 1); pw == "the" || pw == "past" || pw == "over" {
		return i
	}
	switch s.w(j + 1) {
	case "week":
		return s.add(mention{form: fRelWeek, off: off}, i, j+2)
	case "month":
		return s.add(mention{form: fRelMonth, off: off}, i, j+2)
	case "year":
		return s.add(mention{form: fRelYear, off: off}, i, j+2)
	case "night":
		if w == "last" {
			return s.add(mention{form: fRelDay, off: -1}, i, j+2)
		}
		if w == "this" {
			return s.add(mention{form: fRelDay}, i, j+2)
		}
	case "morning", "afternoon", "evening":
		if w == "this" {
			return s.add(mention{form: fRelDay}, i, j+2)
		}
	}
	return i
}

// theDay matches "the day before", "the day after", "the next day", "the
// following day", "the previous day", "the same day", "that day", "the
// day before yesterday", "the day after tomorrow".
func (s *scanner) theDay(i int) int {
	w1, w2 := s.w(i+1), s.w(i+2)
	if s.w(i) == "that" {
		switch {
		case w1 == "day":
			return s.add(mention{form: fContext}, i, i+2)
		case w1 == "same" && w2 == "day":
			return s.add(mention{form: fContext}, i, i+3)
		}
		return i
	}
	switch {
	case (w1 == "next" || w1 == "following") && w2 == "day":
		return s.add(mention{form: fContext, off: 1}, i, i+3)
	case w1 == "previous" && w2 == "day":
		return s.add(mention{form: fContext, off: -1}, i, i+3)
	case w1 == "same" && w2 == "day":
		return s.add(mention{form: fContext}, i, i+3)
	case w1 == "day" && (w2 == "before" || w2 == "after"):
		off := -1
		if w2 == "after" {
			off = 1
		}
		switch s.w(i + 3) {
		case "yesterday":
			return s.add(mention{form: fRelDay, off: off - 1}, i, i+4)
		case "tomorrow":
			return s.add(mention{form: fRelDay, off: off + 1}, i, i+4)
		case "":
			// Only when the phrase ends there: "the day before the vote"
			// counts from an event this package cannot date.
			return s.add(mention{form: fContext, off: off}, i, i+3)
		}
	}
	return i
}

type monthInfo struct {
	m    time.Month
	abbr bool
}

var months = map[string]monthInfo{
	"january": {time.January, false}, "february": {time.February, false}, "march": {time.March, false},
	"april": {time.April, false}, "may": {time.May, false}, "june": {time.June, false},
	"july": {time.July, false}, "august": {time.August, false}, "september": {time.September, false},
	"october": {time.October, false}, "november": {time.November, false}, "december": {time.December, false},
	"jan": {time.January, true}, "feb": {time.February, true}, "mar": {time.March, true},
	"apr": {time.April, true}, "jun": {time.June, true}, "jul": {time.July, true},
	"aug": {time.August, true}, "sep": {time.September, true}, "sept": {time.September, true},
	"oct": {time.October, true}, "nov": {time.November, true}, "dec": {time.December, true},
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// monthContext are words after which a capitalised month name is a month
// and not a verb, noun or name ("in May" but "Russia May agree", "the
// March on Washington").
var monthContext = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "through": true,
	"throughout": true, "from": true, "of": true, "during": true, "before": true, "after": true,
	"early": true, "mid": true, "late": true, "this": true, "between": true, "last": true, "next": true,
}

// yearContext are words after which a four-digit number is a year.
var yearContext = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "through": true,
	"of": true, "from": true, "during": true, "before": true, "after": true, "early": true,
	"mid": true, "late": true, "between": true, "year": true, "circa": true, "around": true,
	"throughout": true,
}

// yearNouns follow a year used as a modifier: "the 2016 presidential
// election", "the 2014 annexation".
var yearNouns = map[string]bool{
	"election": true, "elections": true, "presidential": true, "parliamentary": true,
	"general": true, "midterm": true, "midterms": true, "summit": true, "war": true,
	"invasion": true, "annexation": true, "olympics": true, "olympic": true, "world": true,
	"census": true, "budget": true, "season": true, "campaign": true, "crisis": true,
	"agreement": true, "accord": true, "accords": true, "deal": true, "ceasefire": true,
	"truce": true, "referendum": true, "revolution": true, "uprising": true, "coup": true,
	"protests": true, "attack": true, "attacks": true, "earthquake": true, "floods": true,
	"conflict": true, "talks": true, "visit": true, "report": true, "law": true, "act": true,
	"treaty": true, "games": true, "cup": true, "pandemic": true, "outbreak": true,
	"offensive": true, "counteroffensive": true, "incursion": true, "meeting": true,
	"vote": true, "race": true, "edition": true, "fiscal": true, "financial": true,
}

// notDayBefore and notDayAfter turn a weekday into part of a name.
var notDayBefore = map[string]bool{
	"black": true, "good": true, "super": true, "cyber": true, "bloody": true, "ash": true,
	"palm": true, "easter": true, "holy": true, "maundy": true, "giving": true, "shrove": true,
	"fat": true, "great": true, "orthodox": true,
}

var notDayAfter = map[string]bool{
	"times": true, "telegraph": true, "express": true, "mirror": true, "mail": true,
	"post": true, "herald": true, "independent": true, "observer": true, "world": true,
	"star": true, "tribune": true, "sport": true, "people": true, "school": true,
	"league": true, "edition": true, "magazine": true, "review": true,
}

var counts = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// validDay reports whether y-m-d exists.
func validDay(y int, m time.Month, d int) bool {
	if m < time.January || m > time.December || d < 1 {
		return false
	}
	return d <= time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
