package dates

import (
	"time"

	"github.com/parallax-news/parallax"
)

// form is the shape of a date expression before it is placed on the
// calendar.
type form uint8

const (
	fDate        form = iota + 1 // year, month and day written: "March 19, 2025"
	fMonthDay                    // month and day, year from context: "March 19"
	fMonthYear                   // "March 2025"
	fMonth                       // month, year from context: "in March", "mid-March"
	fYear                        // "in 2022"
	fWeekday                     // "on Tuesday", "last Friday", "Friday next week"
	fRelDay                      // off days from the reference: "yesterday"
	fRelWeek                     // off weeks: "last week"
	fRelMonth                    // off months: "next month"
	fRelYear                     // off years: "three years ago"
	fContext                     // off days from the day last mentioned: "earlier in the day"
	fDay                         // a day of the month alone: "on the 27th"
	fRelMonthDay                 // a day of a month counted from the reference: "the 20th of next month"
	fWeekdayDay                  // "Friday the 22nd": the nearby month where the 22nd is a Friday
	fNthWeekday                  // "the first Friday of July", "the second Sunday"
	fNthWeek                     // "the third week of this month", "the last week of 2015"
	fWeekend                     // "this weekend", "at the weekend"
	fQuarter                     // "the third quarter of 2016", "Q3", "H2 2016"
	fSpan                        // "the next three days", "the past 3 weeks", "within 5 days"
	fRest                        // "the rest of the week"
	fDecade                      // "the 1990s"
	fCentury                     // "the 21st century"
	fISOWeek                     // "week 10"
	fDur                         // a day a duration away: "1 month and 21 days ago"
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
	// For a span it is the direction: -1 past, +1 next, 0 "within"; for a
	// weekend, 1 when "this", "next" or "last" names the week.
	rel int
	// yrel marks a month (or quarter, or week of a year) qualified by
	// "last year", "this year" or "next year"; off then holds the year
	// offset.
	yrel bool
	off  int
	// mrel marks a month counted from the reference ("of next month");
	// moff is its offset.
	mrel bool
	moff int
	// n is an ordinal or a number: the n-th weekday or week (-1 for the
	// last), the quarter or half, the ISO week, the first year of a
	// decade, the century.
	n int
	// size is the length of a quarter (3) or half (6) in months.
	size int
	// unit is the finest unit of an offset (fDur) or the unit whose rest
	// fRest covers: fRelDay, fRelWeek, fRelMonth or fRelYear.
	unit form
	// dur is the duration of a span or an offset, in years, months and
	// days (a week is seven days); base is the day it counts from when not
	// the reference: "for 3 days from Monday".
	dur  [3]int
	base *mention
	// wk marks a weekday placed in a week counted from the reference
	// ("Friday next week"); off is then the week offset.
	wk bool
	// widen reports the week or month that holds the day: "the week of
	// March 4".
	widen parallax.Granularity
	// to is the second end of a range ("from March 3 to 5"); head is then
	// the span of the first end, and span covers the whole range.
	to   *mention
	head parallax.Span
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
// after the match, or i when nothing matched. A match may grow into a
// range: "from March 3 to 5", "today till tomorrow".
func (s *scanner) at(i int) int {
	if n := s.rangeAt(i); n > i {
		return n
	}
	n := s.single(i)
	if n > i {
		n = s.rangeOn(n)
	}
	return n
}

// single matches one date expression with its head at token i.
func (s *scanner) single(i int) int {
	t := s.toks[i]
	switch t.kind {
	case number:
		for _, f := range []func(int) int{s.numeric, s.spacedNumeric, s.dayMonth, s.century, s.decade, s.yearFirst, s.year, s.ago} {
			if n := f(i); n > i {
				return n
			}
		}
	case word:
		full := t.cls&cWeekday != 0
		if abbr := t.cls&cWeekdayAbbr != 0; full || abbr {
			if n := s.weekday(i, false); n > i || full {
				return n
			}
		}
		if t.cls&cMonth != 0 {
			if n := s.month(i); n > i {
				return n
			}
		}
		if n := s.dayWordMonth(i); n > i {
			return n
		}
		return s.relative(i)
	case punct:
		return s.decade(i)
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
// cls returns the word classes of token i, 0 for anything but a word.
func (s *scanner) cls(i int) uint16 {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != word {
		return 0
	}
	return s.toks[i].cls
}

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

// glued reports whether token i starts right where token i-1 ends.
func (s *scanner) glued(i int) bool {
	return i > 0 && i < len(s.toks) && s.toks[i].start == s.toks[i-1].end
}

// ends reports whether nothing that could continue a phrase follows
// token i-1: the end of the text, a line break or punctuation other than
// a hyphen or slash.
func (s *scanner) ends(i int) bool {
	if i >= len(s.toks) || s.toks[i].nl {
		return true
	}
	t := s.toks[i]
	return t.kind == punct && t.lower != "-" && t.lower != "/" && t.lower != "%" && t.lower != "$"
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
	if s.glued(i+1) && (s.toks[i+1].kind != punct || s.toks[i+1].lower == "%") {
		return 0, false
	}
	return t.val, true
}

// dayWord reads a day of the month written in words at i: an ordinal
// ("first", "twenty-first", "twenty second") or, when card is set, a
// cardinal ("fifteen", "twenty one"). It returns the index after it.
func (s *scanner) dayWord(i int, card bool) (int, int, bool) {
	if s.cls(i)&(cOrdinal|cTens|cCardinal) == 0 {
		return 0, i, false // in none of the tables read below
	}
	w := s.w(i)
	if d, ok := ordinals[w]; ok {
		return d, i + 1, true
	}
	if t, ok := tens[w]; ok {
		j := i + 1
		if s.p(j, "-") && s.glued(j) && s.glued(j+1) {
			j++
		}
		u := s.w(j)
		if d, ok := ordinals[u]; ok && d < 10 && t+d <= 31 {
			return t + d, j + 1, true
		}
		if d, ok := cardinals[u]; ok && card && d < 10 && t+d <= 31 {
			return t + d, j + 1, true
		}
		if card {
			return t, i + 1, true
		}
		return 0, i, false
	}
	if d, ok := cardinals[w]; ok && card {
		return d, i + 1, true
	}
	return 0, i, false
}

// dayAt reads a day of the month written in digits or words at i and
// returns the index after it.
func (s *scanner) dayAt(i int, card bool) (int, int, bool) {
	if d, ok := s.dayNum(i); ok {
		return d, i + 1, true
	}
	return s.dayWord(i, card)
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
	if s.glued(i+1) && (s.toks[i+1].kind == word || s.p(i+1, "%") || s.p(i+1, "'")) {
		return 0, false
	}
	return t.val, true
}

// fullYear reads the year of a full date: four digits, a wider range
// than a bare year since the day and month already make it a date.
func (s *scanner) fullYear(i int) (int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	t := s.toks[i]
	if t.kind != number || t.ndig != 4 || t.ord || t.val < minFullYear || t.val > maxYear {
		return 0, false
	}
	if s.glued(i+1) && (s.toks[i+1].kind == word || s.p(i+1, "%")) {
		return 0, false
	}
	return t.val, true
}

// monthAt returns the month named at i and the index after the name.
// Capitalised names and abbreviations always count; in lower case, names
// that are also common words ("may", "march") do not, and abbreviations
// only when a number follows. An abbreviation's dot, or a dot glued to a
// full name, belongs to the name when a number follows it.
func (s *scanner) monthAt(i int) (time.Month, bool, int) {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != word {
		return 0, false, i
	}
	t := s.toks[i]
	mi, ok := months[t.lower]
	if !ok {
		return 0, false, i
	}
	n := i + 1
	if s.p(n, ".") && s.glued(n) && n+1 < len(s.toks) && s.toks[n+1].kind == number {
		n++
	}
	if !t.upper {
		switch {
		case lowerAmbiguous[t.lower]:
			// "may 20th" is a date; "may 20" and "may" alone are not.
			if n >= len(s.toks) || !s.toks[n].ord {
				return 0, false, i
			}
		case mi.abbr && (n >= len(s.toks) || s.toks[n].kind != number) && !s.p(n, "-") && !s.p(n, "/"):
			// "sept" alone: only after a number or a modifier.
			if !s.isYear(i-1) && !s.p(i-1, ",") && !s.p(i-1, "-") && !s.p(i-1, "/") && !(i > 0 && s.toks[i-1].kind == number) &&
				!s.isWeekday(i-1) && !(s.dayWordAfter(n)) {
				switch s.w(i - 1) {
				case "last", "next", "this", "of":
				default:
					return 0, false, i
				}
			}
		}
	}
	return mi.m, true, n
}

// dayWordAfter reports whether a day written in words starts at i.
func (s *scanner) dayWordAfter(i int) bool {
	_, _, ok := s.dayWord(i, false)
	return ok
}

// numeric matches dates written in digits as one token: 2025-03-19,
// 2025/03/19, 3/19/2025 (US order, or day first when the first part
// exceeds 12), 19.03.2025, two-digit years (3/19/25), 08/12,2015; the
// month and year 2016-11, 11/2016, 2015/3; and the day and month 4/22
// (after "on" also 4-22 and 4.22). A year range 2014-2018 or 2014-18 is
// two years.
func (s *scanner) numeric(i int) int {
	t := s.toks[i]
	if t.val >= 0 {
		return i
	}
	raw := t.lower
	var parts []string
	var seps []byte
	k := 0
	for j := 0; j < len(raw); j++ {
		if !isDigit(raw[j]) {
			parts = append(parts, raw[k:j])
			seps = append(seps, raw[j])
			k = j + 1
		}
	}
	parts = append(parts, raw[k:])
	for _, p := range parts {
		if len(p) > 4 {
			return i
		}
	}
	switch len(parts) {
	case 3:
		return s.numericDate(i, parts, seps)
	case 2:
		return s.numericPair(i, parts, seps[0])
	}
	return i
}

// numericDate reads a three-part numeric date.
func (s *scanner) numericDate(i int, parts []string, seps []byte) int {
	sep := seps[0]
	// The year may follow a comma: "08/12,2015".
	if seps[1] != sep && !(seps[1] == ',' && sep == '/') {
		return i
	}
	if sep != '-' && sep != '/' && sep != '.' {
		return i
	}
	var y, mo, d int
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, mo, d = atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	case (len(parts[2]) == 4 || len(parts[2]) == 2) && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		a, b := atoi(parts[0]), atoi(parts[1])
		y = atoi(parts[2])
		if len(parts[2]) == 2 {
			y = twoDigitYear(y)
		}
		switch {
		case sep == '.' || a > 12: // European order
			d, mo = a, b
		default:
			mo, d = a, b
		}
	default:
		return i
	}
	if y < minFullYear || y > maxYear || !validDay(y, time.Month(mo), d) {
		return i
	}
	return s.add(mention{form: fDate, y: y, m: time.Month(mo), d: d}, i, i+1)
}

// twoDigitYear places a two-digit year in the century that keeps it
// within fifty years of 2000: "89" is 1989, "27" is 2027.
func twoDigitYear(y int) int {
	if y < 50 {
		return 2000 + y
	}
	return 1900 + y
}

// numericPair reads a two-part number: a year range, a month and year, or
// a month and day.
func (s *scanner) numericPair(i int, parts []string, sep byte) int {
	a, b := atoi(parts[0]), atoi(parts[1])
	la, lb := len(parts[0]), len(parts[1])
	switch {
	case sep == ',' || sep == ':':
		return i
	case la == 4 && (sep == '-' || sep == '/') && a >= minYear && a <= maxYear:
		// 2014-2018 and 2014-18 are ranges of years; 2016-11 (November
		// 2016) is a month, as no range runs back to 2011.
		end := b
		if lb == 2 {
			end = a/100*100 + b
		}
		if (lb == 4 || lb == 2) && end > a && end <= maxYear && sep == '-' {
			return s.yearRange(i, a, end, la, lb)
		}
		if b >= 1 && b <= 12 && lb <= 2 {
			return s.add(mention{form: fMonthYear, y: a, m: time.Month(b)}, i, i+1)
		}
	case lb == 4 && la <= 2 && (sep == '-' || sep == '/') && b >= minYear && b <= maxYear:
		if a >= 1 && a <= 12 {
			return s.add(mention{form: fMonthYear, y: b, m: time.Month(a)}, i, i+1)
		}
	case la <= 2 && lb <= 2:
		// A month and day: "4/22", "22/04"; with "-" or "." only after
		// "on", since "won 4-2" and "4.22 percent" are numbers.
		if sep != '/' && !(s.w(i-1) == "on" && s.ends(i+1)) {
			return i
		}
		if sep == '/' && !timePreps[s.w(i-1)] && !s.ends(i+1) {
			return i // "2 1/2 cups", "a 3/4 majority", but "on 4/22", "from 10/1 to 11/7"
		}
		mo, d := a, b
		if a > 12 {
			mo, d = b, a
		}
		if !validDay(2024, time.Month(mo), d) {
			return i
		}
		return s.add(mention{form: fMonthDay, m: time.Month(mo), d: d}, i, i+1)
	}
	return i
}

// yearRange adds "2014-2018", written as one token, as a range of two
// years.
func (s *scanner) yearRange(i, a, b, la, lb int) int {
	t := s.toks[i]
	from := mention{form: fYear, y: a}
	to := mention{form: fYear, y: b}
	from.span = parallax.Span{Start: t.start, End: t.start + la}
	to.span = parallax.Span{Start: t.end - lb, End: t.end}
	to.tok, to.sent, to.para = i, t.sent, t.para
	from.head = from.span
	from.to = &to
	return s.add(from, s.opener(i), i+1)
}

// opener extends a range back over "from" or "between" before token i.
func (s *scanner) opener(i int) int {
	if pw := s.w(i - 1); (pw == "from" || pw == "between") && s.free(i-1) {
		return i - 1
	}
	return i
}

// spacedNumeric matches a month and year written with spaced separators:
// "2016 - 11", "2016/ 11", "11 / 2016".
func (s *scanner) spacedNumeric(i int) int {
	t := s.toks[i]
	if t.kind != number || t.val < 0 || !(s.p(i+1, "-") || s.p(i+1, "/")) {
		return i
	}
	if s.glued(i+1) && s.glued(i+2) {
		return i
	}
	if i+2 >= len(s.toks) || s.toks[i+2].kind != number || s.toks[i+2].val < 0 {
		return i
	}
	u := s.toks[i+2]
	if s.glued(i+3) && !s.ends(i+3) {
		return i
	}
	switch {
	case t.ndig == 4 && u.ndig <= 2 && t.val >= minYear && t.val <= maxYear && u.val >= 1 && u.val <= 12 &&
		t.val/100*100+u.val <= t.val:
		return s.add(mention{form: fMonthYear, y: t.val, m: time.Month(u.val)}, i, i+3)
	case u.ndig == 4 && t.ndig <= 2 && u.val >= minYear && u.val <= maxYear && t.val >= 1 && t.val <= 12:
		return s.add(mention{form: fMonthYear, y: u.val, m: time.Month(t.val)}, i, i+3)
	}
	return i
}

// yearAfter matches an optional ", 2025" or " 2025" at i and returns the
// year and the index after it.
func (s *scanner) yearAfter(i int) (int, int) {
	j := i
	if s.p(j, ",") {
		j++
	}
	if y, ok := s.fullYear(j); ok {
		return y, j + 1
	}
	if y, next, ok := s.yearWords(j); ok {
		return y, next
	}
	return 0, i
}

// dayMonth matches "19 March", "19th of March", "16. Nov. 2016", "19
// March 2025", and a day of a month counted from the reference: "20th of
// next month".
func (s *scanner) dayMonth(i int) int {
	d, ok := s.dayNum(i)
	if !ok {
		return i
	}
	j := i + 1
	if s.p(j, ".") && s.glued(j) {
		j++ // "16. Nov."
	}
	if s.w(j) == "of" {
		j++
		if n := s.relMonthAfter(j); n > j {
			return s.add(mention{form: fRelMonthDay, d: d, mrel: true, moff: s.monthOffset(j)}, i, n)
		}
	}
	m, ok, n := s.monthAt(j)
	if !ok {
		return i
	}
	return s.monthDay(i, m, d, n, mention{}, false)
}

// dayWordMonth matches a day in words before its month: "second of
// Aug", "the twenty second of June", "tenth of September, 2000".
func (s *scanner) dayWordMonth(i int) int {
	d, j, ok := s.dayWord(i, false)
	if !ok || s.w(j) != "of" {
		return i
	}
	if n := s.relMonthAfter(j + 1); n > j+1 {
		return s.add(mention{form: fRelMonthDay, d: d, mrel: true, moff: s.monthOffset(j + 1)}, i, n)
	}
	m, ok, n := s.monthAt(j + 1)
	if !ok {
		return i
	}
	return s.monthDay(i, m, d, n, mention{}, false)
}

// relMonthAfter matches "this month", "next month", "last month",
// "previous month" at i and returns the index after it.
func (s *scanner) relMonthAfter(i int) int {
	switch s.w(i) {
	case "this", "next", "last", "previous", "current", "the":
		if s.w(i+1) == "month" {
			return i + 2
		}
	}
	return i
}

// monthOffset returns the offset of the relative month at i.
func (s *scanner) monthOffset(i int) int {
	switch s.w(i) {
	case "next":
		return 1
	case "last", "previous":
		return -1
	}
	return 0
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

// weekdayAt returns the weekday named at i: full names in any case, and
// abbreviations ("Wed") when abbr is set.
func (s *scanner) weekdayAt(i int, abbr bool) (time.Weekday, bool) {
	w := s.w(i)
	if wd, ok := weekdays[w]; ok {
		return wd, true
	}
	if wd, ok := weekdayAbbrs[w]; ok && abbr && s.toks[i].upper {
		return wd, true
	}
	return 0, false
}

// weekday matches "Tuesday", "on Tuesday evening", "last Friday",
// "Wednesday, March 19", "Friday the 22nd", "Friday next week";
// abbreviations ("Wed, 22 of Jan") only with a date or, when abbr is set,
// inside a range of weekdays.
func (s *scanner) weekday(i int, abbr bool) int {
	t := s.toks[i]
	wd, ok := s.weekdayAt(i, true)
	if !ok {
		return i
	}
	_, full := weekdays[t.lower]
	if _, ok := ordinals[s.w(i-1)]; ok && (s.w(i+1) == "of" || s.w(i+1) == "in") {
		return i // "the first Sunday of Advent": a feast, not a date
	}
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
	the := s.w(j) == "the"
	if the {
		j++
	}
	if m, ok, n := s.monthAt(j); ok {
		if d, k, ok := s.dayAt(n, true); ok {
			return s.monthDay(i, m, d, k, mention{wd: wd, hasWD: true}, paren)
		}
	}
	if d, k, ok := s.dayAt(j, the); ok {
		if s.w(k) == "of" {
			k++
		}
		if m, ok, n := s.monthAt(k); ok {
			return s.monthDay(i, m, d, n, mention{wd: wd, hasWD: true}, paren)
		}
		if the && !paren {
			// "Friday the 22nd": the month comes from the reference.
			return s.add(mention{form: fWeekdayDay, wd: wd, d: d}, i, k)
		}
	}
	if !full && !abbr {
		return i
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
	// "Friday next week", "Sunday of next week".
	k := next
	if s.w(k) == "of" {
		k++
	}
	if off, n, ok := s.relWeek(k); ok && mt.rel == 0 {
		mt.wk, mt.off = true, off
		next = n
	}
	return s.add(mt, first, next)
}

// relWeek matches "this week", "next week", "last week" at i and returns
// the week offset and the index after it.
func (s *scanner) relWeek(i int) (int, int, bool) {
	if s.w(i+1) != "week" {
		return 0, i, false
	}
	switch s.w(i) {
	case "this", "current":
		return 0, i + 2, true
	case "next", "coming":
		return 1, i + 2, true
	case "last", "previous":
		return -1, i + 2, true
	}
	return 0, i, false
}

// closeParen includes the ")" that closes "Wednesday (March 19)".
func (s *scanner) closeParen(n int, open bool) int {
	if open && s.p(n, ")") {
		return n + 1
	}
	return n
}

// month matches "March 19", "Mar. 19, 2025", "Oct-2", "Jan first", "May
// twenty one", "September the 21st", "March 2025", "November, 2016", and
// a bare month in a date context: "in March", "mid-March", "early April",
// "the end of March", "last May", "in August last year", "February".
func (s *scanner) month(i int) int {
	m, ok, n := s.monthAt(i)
	if !ok {
		return i
	}
	upper := s.toks[i].upper
	if n > i+1 && !months[s.toks[i].lower].abbr && !s.ends(n+1) {
		n = i + 1 // "in October. 2 people": the sentence ends after the month
	}
	j := n
	if (s.p(j, "-") || s.p(j, "/")) && s.glued(j) && s.glued(j+1) {
		j++ // "Oct-2", "Oct/2"
	}
	if d, k, ok := s.dayAt(j, j == n); ok {
		return s.monthDay(i, m, d, k, mention{}, false)
	}
	if n := s.monthDays(i, m, n); n > i {
		return n
	}
	if s.w(n) == "the" {
		if d, k, ok := s.dayAt(n+1, true); ok {
			return s.monthDay(i, m, d, k, mention{}, false)
		}
	}
	if y, next := s.yearAfter(n); next > n {
		if _, ok := s.yearNum(next - 1); ok || s.fullYearOK(next-1) {
			return s.add(mention{form: fMonthYear, y: y, m: m}, s.modStart(i), next)
		}
	}
	if s.w(n) == "of" {
		if y, ok := s.yearNum(n + 1); ok {
			return s.add(mention{form: fMonthYear, y: y, m: m}, s.modStart(i), n+2)
		}
		if y, next, ok := s.yearWords(n + 1); ok {
			return s.add(mention{form: fMonthYear, y: y, m: m}, s.modStart(i), next)
		}
	}
	if !upper && !s.yearRelAfter(n) && !monthContext[s.w(i-1)] {
		return i
	}
	if months[s.toks[i].lower].abbr && upper {
		switch s.w(i - 1) {
		case "last", "next", "this", "of":
		default:
			return i // "Jan", "Dec" alone are names or noise
		}
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
	case first < i, monthContext[pw], s.yearRelAfter(n):
	case (pw == "to" || pw == "and" || pw == "or") && s.isMonth(i-2):
		// "from January to March", "January and February"
	case upper && !lowerAmbiguous[s.toks[i].lower] && !s.nameAround(i):
		// "February" alone; "April Ryan" and "Mary June" are names.
	default:
		return i
	}
	k := n
	if s.w(k) == "of" {
		k++
	}
	if s.w(k+1) == "year" {
		switch s.w(k) {
		case "last":
			mt.yrel, mt.off, n = true, -1, k+2
		case "this":
			mt.yrel, mt.off, n = true, 0, k+2
		case "next":
			mt.yrel, mt.off, n = true, 1, k+2
		}
	}
	return s.add(mt, first, n)
}

// yearRelAfter reports whether "last year", "this year" or "next year"
// (optionally after "of") follows at n.
func (s *scanner) yearRelAfter(n int) bool {
	if s.w(n) == "of" {
		n++
	}
	switch s.w(n) {
	case "last", "this", "next":
		return s.w(n+1) == "year"
	}
	return false
}

// monthDays matches a range of days after the month named at i, whose
// name ends before n: "November 19-20", "November between 19 and 20".
func (s *scanner) monthDays(i int, m time.Month, n int) int {
	j := n
	opener := s.w(j) == "between" || s.w(j) == "from"
	if opener {
		j++
	}
	var e1, e2 mention
	end := 0
	if d1, d2, ok := s.dayPair(j); ok {
		e1, e2, end = s.bareDay(j, d1, 0), s.bareDay(j, d2, 1), j+1
	} else if opener {
		d1, k, ok := s.dayAt(j, false)
		if !ok || !(connectors[s.w(k)] || s.w(n) == "between" && s.w(k) == "and") {
			return i
		}
		d2, k2, ok := s.dayAt(k+1, false)
		if !ok {
			return i
		}
		k0 := len(s.out)
		s.add(mention{form: fDay, d: d1}, j, k)
		s.add(mention{form: fDay, d: d2}, k+1, k2)
		e1, e2, end = s.out[k0], s.out[k0+1], k2
		s.out = s.out[:k0]
	} else {
		return i
	}
	e1.form, e1.m = fMonthDay, m
	e2.form, e2.m = fMonthDay, m
	if y, next := s.yearAfter(end); next > end {
		end = next
		e2.y, e2.form = y, fDate
	}
	return s.finishRange(i, e1, e2, end)
}

// fullYearOK reports whether the year at i, read by yearAfter, stands on
// its own (not "March 1500 troops").
func (s *scanner) fullYearOK(i int) bool {
	_, ok := s.fullYear(i)
	return ok && s.ends(i+1)
}

// nameAround reports whether the capitalised word at i is part of a
// name: a capitalised word other than a date word touches it.
func (s *scanner) nameAround(i int) bool {
	for _, k := range []int{i - 1, i + 1} {
		if k < 0 || k >= len(s.toks) || s.toks[k].kind != word || !s.toks[k].upper {
			continue
		}
		if k == i-1 && (k == 0 || endsSentence(s.toks, k-1) || s.toks[k].nl) {
			continue // a sentence-initial word is capitalised anyway
		}
		w := s.toks[k].lower
		if _, ok := months[w]; ok {
			continue
		}
		if _, ok := weekdays[w]; ok {
			continue
		}
		return true
	}
	return false
}

func (s *scanner) isMonth(i int) bool {
	_, ok, _ := s.monthAt(i)
	return ok
}

// modStart extends a month or year head backwards over "early", "mid-",
// "late", "last", "next", "this" and "end of"/"beginning of". The article
// before "end of" stays out, as it does for the other modifiers.
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
			if s.free(j - 1) {
				return j - 1
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

// yearFirst matches expressions that start with a year: "2016 November",
// "2016, nov", "2019-sep-1", "2019/sep/01", "2016 Q3", "2016H2", "2016
// the third quarter".
func (s *scanner) yearFirst(i int) int {
	t := s.toks[i]
	if t.kind != number || t.ndig != 4 || t.ord || t.val < minYear || t.val > maxYear {
		return i
	}
	y := t.val
	// "2019-sep-1"
	if (s.p(i+1, "-") || s.p(i+1, "/")) && s.glued(i+1) && s.glued(i+2) {
		if m, ok, n := s.monthAt(i + 2); ok && s.p(n, s.toks[i+1].lower) && s.glued(n) && s.glued(n+1) {
			if d, ok := s.dayNum(n + 1); ok && validDay(y, m, d) {
				return s.add(mention{form: fDate, y: y, m: m, d: d}, i, n+2)
			}
		}
		return i
	}
	if q, size, n, ok := s.quarterName(i + 1); ok {
		return s.add(mention{form: fQuarter, y: y, n: q, size: size}, i, n)
	}
	if s.glued(i+1) && !s.p(i+1, ",") {
		return i
	}
	j := i + 1
	if s.p(j, ",") {
		j++
	}
	if m, ok, n := s.monthAt(j); ok && (j > i+1 || s.toks[j].upper || !months[s.toks[j].lower].abbr) {
		if _, ok := s.dayNum(n); ok {
			return i // "2016 March 3" is rare; leave it to the month
		}
		if s.toks[j].upper || j > i+1 || s.ends(n) {
			return s.add(mention{form: fMonthYear, y: y, m: m}, i, n)
		}
	}
	if s.w(i+1) == "the" {
		if q, size, n, ok := s.ordinalQuarter(i + 2); ok {
			return s.add(mention{form: fQuarter, y: y, n: q, size: size}, i, n)
		}
	}
	return i
}

func (s *scanner) isYear(i int) bool {
	_, ok := s.yearNum(i)
	return ok
}

// century matches "the 21st century", "15th century".
func (s *scanner) century(i int) int {
	t := s.toks[i]
	if t.kind != number || !t.ord || t.val < 1 || t.val > 22 || s.w(i+1) != "century" {
		return i
	}
	first := i
	if s.w(i-1) == "the" && s.free(i-1) {
		first = i - 1
	}
	return s.add(mention{form: fCentury, n: t.val}, first, i+2)
}

// decade matches "the 1990s", "the 1970's", "the '40s". Two-digit decades
// without an apostrophe ("in their 70s") are ages or temperatures.
func (s *scanner) decade(i int) int {
	j := i
	short := false
	if s.p(j, "'") || s.p(j, "’") {
		j++
		short = true
		if !s.glued(j) {
			return i
		}
	}
	if j >= len(s.toks) {
		return i
	}
	t := s.toks[j]
	if t.kind != number || t.ord || t.val < 0 || t.val%10 != 0 {
		return i
	}
	k := j + 1
	apos := (s.p(k, "'") || s.p(k, "’")) && s.glued(k)
	if apos {
		k++
	}
	switch {
	case short && t.ndig == 2:
	case !short && t.ndig == 4 && t.val >= minYear && t.val <= maxYear:
	case !short && t.ndig == 2 && apos && s.w(i-1) == "the":
		// "the 70's"; "in their 70s" is an age.
		short = true
	default:
		return i
	}
	if s.w(k) != "s" || !s.glued(k) {
		return i
	}
	y := t.val
	if short {
		y = 1900 + y // "the '40s" in news are the last century's
	}
	first := i
	if s.w(i-1) == "the" && s.free(i-1) {
		first = i - 1
	}
	return s.add(mention{form: fDecade, n: y}, first, k+1)
}

// minFullYear bounds the year of a date written with its day and month.
const minFullYear = 1000
