package dates

import (
	"github.com/parallax-news/parallax"
)

// count reads a small count written as digits or words at i ("3",
// "three", "a few", "a couple of") and returns it with the index after.
func (s *scanner) count(i int) (int, int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, i, false
	}
	t := s.toks[i]
	if t.kind == number {
		if t.val >= 0 && t.ndig <= 3 && !t.ord {
			return t.val, i + 1, true
		}
		return 0, i, false
	}
	if t.kind != word {
		return 0, i, false
	}
	if t.lower == "a" || t.lower == "an" {
		switch s.w(i + 1) {
		case "few":
			return 3, i + 2, true
		case "couple":
			if s.w(i+2) == "of" {
				return 2, i + 3, true
			}
			return 2, i + 2, true
		}
	}
	if t.lower == "couple" && s.w(i+1) == "of" {
		return 2, i + 2, true
	}
	n, ok := counts[t.lower]
	return n, i + 1, ok
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

// duration reads a duration at i: one or more counts with their units,
// "3 weeks", "2 years 1 month and 21 days". It returns the duration, its
// finest unit, the count of a single-unit duration (0 for several units)
// and the index after it.
func (s *scanner) duration(i int) (dur [3]int, unit form, single, next int, ok bool) {
	j := i
	parts := 0
	for {
		n, k, ok := s.count(j)
		if !ok || n == 0 {
			break
		}
		f, ok := s.unitAt(k)
		if !ok {
			break
		}
		switch f {
		case fRelDay:
			dur[2] += n
		case fRelWeek:
			dur[2] += 7 * n
		case fRelMonth:
			dur[1] += n
		case fRelYear:
			dur[0] += n
		}
		if parts == 0 || f < unit {
			// Units are ordered fRelDay < fRelWeek < fRelMonth < fRelYear.
			unit = f
		}
		parts++
		single = n
		next = k + 1
		j = next
		if s.p(j, ",") || s.w(j) == "and" {
			if _, k2, ok := s.count(j + 1); ok {
				if _, ok := s.unitAt(k2); ok {
					j++
				}
			}
		}
	}
	if parts != 1 {
		single = 0
	}
	return dur, unit, single, next, parts > 0
}

// ago matches, with the count at i, "three days ago", "a year ago", "1
// month and 21 days ago", "two days from tomorrow", "two weeks from now",
// "two days later" (after the day last mentioned), "2 days hence", "4
// weeks in the future" and a span from a given day: "3 days starting
// from next Monday".
func (s *scanner) ago(i int) int {
	dur, f, n, j, ok := s.duration(i)
	if !ok {
		return i
	}
	if k := s.anchored(i, dur, j, false); k > i {
		return k
	}
	switch s.w(j) {
	case "ago":
		if n > 0 {
			return s.add(mention{form: f, off: -n, lean: -1}, i, j+1)
		}
		return s.add(mention{form: fDur, dur: dur, unit: f, rel: -1, lean: -1}, i, j+1)
	case "from", "after", "before":
		sign := 1
		if s.w(j) == "before" {
			sign = -1
		}
		base := 0
		switch s.w(j + 1) {
		case "now", "today":
		case "tomorrow":
			base = 1
		case "yesterday":
			base = -1
		default:
			return i
		}
		if s.w(j) != "from" && s.w(j+1) == "now" {
			return i
		}
		if n > 0 && (f == fRelDay || base == 0 && s.w(j) == "from") {
			if f == fRelDay {
				n = dur[2]
			}
			return s.add(mention{form: f, off: base + sign*n, lean: sign}, i, j+2)
		}
		b := s.baseDay(j+1, base)
		return s.add(mention{form: fDur, dur: dur, unit: f, rel: sign, base: &b, lean: sign}, i, j+2)
	case "later", "earlier":
		sign := 1
		if s.w(j) == "earlier" {
			sign = -1
		}
		if n > 0 && f == fRelDay {
			// "Two days later, the bridge fell": after the day last told,
			// and only then.
			return s.add(mention{form: fContext, off: sign * n, rel: 1}, i, j+1)
		}
		if n == 0 {
			return s.add(mention{form: fDur, dur: dur, unit: f, rel: sign, lean: sign}, i, j+1)
		}
	case "hence":
		return s.add(mention{form: fSpan, dur: dur, rel: 1, lean: 1}, i, j+1)
	case "in":
		if s.w(j+1) == "the" && s.w(j+2) == "future" {
			return s.add(mention{form: fSpan, dur: dur, rel: 1, lean: 1}, i, j+3)
		}
	}
	return i
}

// baseDay makes the mention of "today" (off 0), "tomorrow" or
// "yesterday" at j that a duration counts from.
func (s *scanner) baseDay(j, off int) mention {
	t := s.toks[j]
	return mention{form: fRelDay, off: off, span: parallax.Span{Start: t.start, End: t.end}, tok: j, sent: t.sent, para: t.para}
}

// anchored matches the start of a span of duration dur that ends before
// j: "3 days starting from next Monday", "a week starting tomorrow", and,
// with led set (a leading "for" at first), "for 3 days from today", "for
// 1 week, from 20th Dec".
func (s *scanner) anchored(first int, dur [3]int, j int, led bool) int {
	k := j
	if s.p(k, ",") {
		k++
	}
	switch s.w(k) {
	case "starting", "beginning":
		if led {
			first++ // "for" stays out of "3 days starting Monday"
		}
		k++
		if s.w(k) == "from" || s.w(k) == "on" {
			k++
		}
	case "from":
		if !led {
			return first
		}
		k++
	default:
		return first
	}
	b, n, ok := s.endpoint(k)
	if !ok || b.to != nil {
		return first
	}
	switch b.form {
	case fDate, fMonthDay, fDay, fWeekday, fWeekdayDay, fRelDay, fRelMonthDay, fNthWeekday:
	default:
		return first
	}
	return s.add(mention{form: fSpan, dur: dur, base: &b}, first, n)
}

// bounded matches "less than 2 weeks from today" (the stretch up to that
// day) and "more than 2 weeks after today" (the day the open stretch
// starts), with "less" or "more" at i.
func (s *scanner) bounded(i int) int {
	if s.w(i+1) != "than" {
		return i
	}
	dur, _, _, j, ok := s.duration(i + 2)
	if !ok {
		return i
	}
	sign := 1
	switch s.w(j) {
	case "from", "after":
	case "before":
		sign = -1
	default:
		return i
	}
	base := 0
	switch s.w(j + 1) {
	case "today", "now":
	case "tomorrow":
		base = 1
	case "yesterday":
		base = -1
	default:
		return i
	}
	b := s.baseDay(j+1, base)
	if s.w(i) == "less" {
		return s.add(mention{form: fSpan, dur: dur, rel: min(sign, 0), base: &b}, i, j+2)
	}
	return s.add(mention{form: fDur, dur: dur, unit: fRelDay, rel: sign, base: &b}, i, j+2)
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
	case "in", "since", "until", "by":
		// "in nineteen twenty-eight"
		if y, n, ok := s.yearWords(i + 1); ok {
			return s.add(mention{form: fYear, y: y}, i+1, n)
		}
		if w != "in" {
			return i
		}
		// "in two weeks": only when the clause looks ahead, since "the
		// first time in two years" is a duration.
		n, j, ok := s.count(i + 1)
		if !ok {
			return i
		}
		f, ok := s.unitAt(j)
		if !ok || lean(s.toks, i) <= 0 || s.w(j+1) == "time" {
			return i
		}
		return s.add(mention{form: f, off: n, lean: 1}, i, j+1)
	case "within":
		return s.within(i)
	case "less", "more":
		return s.bounded(i)
	case "for":
		if dur, _, _, j, ok := s.duration(i + 1); ok {
			return s.anchored(i, dur, j, true)
		}
	case "on":
		// "on 15": a bare day of the month closing the clause.
		if d, ok := s.dayNum(i + 1); ok && s.ends(i+2) && !s.p(i+2, ".") || ok && i+2 == len(s.toks) {
			return s.add(mention{form: fDay, d: d}, i+1, i+2)
		}
	case "last", "this", "next", "earlier", "later", "coming", "upcoming", "current", "previous", "past":
		if w == "last" && (s.w(i+1) == "week" || s.isWeekday(i+1)) && (s.w(i+2) == "of" || s.w(i+2) == "in") {
			if n := s.nth(i, i); n > i {
				return n // "last week of July", "last Friday of the month"
			}
		}
		return s.thisNext(i)
	case "the", "that":
		return s.theAt(i)
	case "rest":
		return s.rest(i)
	case "week", "month":
		return s.weekOf(i, i)
	case "weekend":
		switch s.w(i - 1) {
		case "on", "at", "over", "during", "for":
			return s.add(mention{form: fWeekend}, i, i+1)
		}
	case "q", "h":
		if q, size, n, ok := s.quarterName(i); ok {
			mt := mention{form: fQuarter, n: q, size: size}
			n = s.yearSpec(n, &mt)
			return s.add(mt, i, n)
		}
	case "w":
		// "w/c Feb 4": the week commencing.
		if s.p(i+1, "/") && s.w(i+2) == "c" && s.glued(i+1) && s.glued(i+2) {
			return s.widen(i, i+3, parallax.Week)
		}
	}
	if s.cls(i)&cOrdinal != 0 || w == "last" {
		return s.nth(i, i)
	}
	if s.cls(i)&cCount != 0 {
		return s.ago(i)
	}
	return i
}

// within matches "within 5 days", "within the next 3 years": from the
// reference day on.
func (s *scanner) within(i int) int {
	j := i + 1
	if s.w(j) == "the" {
		j++
	}
	switch s.w(j) {
	case "next", "coming", "upcoming":
		j++
	}
	dur, _, _, k, ok := s.duration(j)
	if !ok {
		return i
	}
	if s.w(k) == "from" && (s.w(k+1) == "today" || s.w(k+1) == "now") {
		k += 2
	}
	return s.add(mention{form: fSpan, dur: dur, lean: 1}, i, k)
}

// thisNext matches "last week", "this month", "next year", "the coming
// week", "earlier this week", "later this year", "late last month",
// "early next week", "last night", "this morning", "earlier in the day",
// "later that day", "next day", "this weekend", "last quarter", "the next
// three days", "the past 3 weeks" and "next week on Friday".
func (s *scanner) thisNext(i int) int {
	w := s.w(i)
	j := i
	off := 0
	switch w {
	case "earlier", "later":
		switch {
		case s.w(i+1) == "in" && s.w(i+2) == "the":
			switch s.w(i + 3) {
			case "day":
				return s.add(mention{form: fContext}, i, i+4)
			case "week":
				return s.add(mention{form: fRelWeek}, i, i+4)
			case "month":
				return s.add(mention{form: fRelMonth}, i, i+4)
			case "year":
				return s.add(mention{form: fRelYear}, i, i+4)
			}
			return i
		case s.w(i+1) == "that" && s.w(i+2) == "day":
			return s.add(mention{form: fContext}, i, i+3)
		case s.w(i+1) == "on" && s.w(i+2) == "the" && s.w(i+3) == "same" && s.w(i+4) == "day":
			return s.add(mention{form: fContext}, i, i+5)
		case s.w(i+1) != "this":
			return i
		}
		j = i + 1
	case "last", "previous", "past":
		off = -1
	case "next", "coming", "upcoming":
		off = 1
	}
	// A count makes a span: "the next three days", "past 3 weeks".
	if w != "this" && w != "current" && w != "earlier" && w != "later" && s.w(j+1) != "a" && s.w(j+1) != "an" {
		if dur, _, _, k, ok := s.duration(j + 1); ok {
			return s.add(mention{form: fSpan, dur: dur, rel: off, lean: off}, i, k)
		}
	}
	// "the last week", "the next month" are spans of time, not calendar
	// periods; "the coming week" is the next one, and "the next decade"
	// the coming ten calendar years.
	if pw := s.w(i - 1); (pw == "the" && (w == "last" || w == "next" || w == "past" || w == "previous")) || pw == "over" {
		if w == "next" && pw == "the" && s.w(j+1) == "decade" {
			return s.add(mention{form: fDecade, yrel: true, off: 1}, i-1, j+2)
		}
		return i
	}
	first := s.modBefore(i)
	switch s.w(j + 1) {
	case "week":
		n := j + 2
		if s.w(n) == "on" {
			n++
		}
		if wd, ok := s.weekdayAt(n, false); ok {
			return s.add(mention{form: fWeekday, wd: wd, wk: true, off: off}, first, n+1)
		}
		if r := s.weekdayRange(first, j+2, off); r > j+2 {
			return r
		}
		return s.add(mention{form: fRelWeek, off: off}, first, j+2)
	case "month":
		return s.add(mention{form: fRelMonth, off: off}, first, j+2)
	case "year":
		return s.add(mention{form: fRelYear, off: off}, first, j+2)
	case "weekend":
		return s.add(mention{form: fWeekend, off: off, rel: 1}, first, j+2)
	case "quarter":
		return s.add(mention{form: fQuarter, mrel: true, moff: off, size: 3}, first, j+2)
	case "decade":
		return s.add(mention{form: fDecade, yrel: true, off: off}, first, j+2)
	case "day":
		if w == "next" && s.w(i-1) != "the" {
			return s.add(mention{form: fContext, off: 1}, i, i+2)
		}
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

// modBefore extends a relative period back over "early", "late", "mid",
// "end of", "beginning of", "start of" and "middle of": "late last
// month", "end of next week".
func (s *scanner) modBefore(i int) int {
	j := i - 1
	if s.p(j, "-") && s.w(j-1) == "mid" && s.free(j-1) {
		return j - 1
	}
	switch s.w(j) {
	case "early", "mid", "late":
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

// theAt matches phrases led by "the" or "that": the day before or after
// (theDay), "the 27th", "the second", "the first Friday of July", "the
// third week of this month", "the third quarter of 2016", "the weekend",
// "the week after next", "the week of March 4".
func (s *scanner) theAt(i int) int {
	if n := s.theDay(i); n > i {
		return n
	}
	if s.w(i) != "the" {
		return i
	}
	w1 := s.w(i + 1)
	switch w1 {
	case "week", "month", "year", "weekend":
		if s.w(i+2) == "after" {
			k := i + 3
			if s.w(k) == "the" {
				k++
			}
			if s.w(k) == "next" {
				f := map[string]form{"week": fRelWeek, "month": fRelMonth, "year": fRelYear, "weekend": fWeekend}[w1]
				return s.add(mention{form: f, off: 2, rel: 1, lean: 1}, i, k+1)
			}
		}
		if w1 == "weekend" {
			return s.add(mention{form: fWeekend}, i, i+2)
		}
		return s.weekOf(i, i+1)
	}
	if _, ok := ordinals[w1]; ok || w1 == "last" {
		if n := s.nth(i, i+1); n > i {
			return n
		}
	}
	if n := s.decadeAt(i); n > i {
		return n
	}
	// A day of the month standing alone: "the 27th", "on the second".
	// Without an ordinal suffix it must follow a preposition of time, as
	// "came in the second" and "the 27 members" are no dates.
	d, n, ok := s.dayAt(i+1, true)
	if !ok || !s.ends(n) {
		return i
	}
	if !s.toks[i+1].ord && !timePreps[s.w(i-1)] {
		return i
	}
	if t := s.toks[i+1]; t.kind == number && !t.ord && n < len(s.toks) && s.p(n, ".") && n+1 < len(s.toks) && s.toks[n+1].kind == number {
		return i
	}
	return s.add(mention{form: fDay, d: d}, i, n)
}

// nth matches an ordinal (or "last") at j, led by first: "the first
// Friday of July", "second Sunday", "the last week of July", "first week
// of 2015", "the third quarter of 2016", "the first half of next year".
func (s *scanner) nth(first, j int) int {
	n := ordinals[s.w(j)]
	if s.w(j) == "last" {
		n = -1
	}
	if n == 0 || n > 5 {
		return first
	}
	if first == j && (s.w(j-1) == "a" || s.w(j-1) == "every" || s.w(j-1) == "each") {
		return first
	}
	if wd, ok := s.weekdayAt(j+1, false); ok {
		if n < 0 && first == j {
			return first // "last Friday" is the weekday matcher's
		}
		mt := mention{form: fNthWeekday, n: n, wd: wd}
		k := s.monthSpec(j+2, &mt)
		if k == j+2 && (s.w(k) == "of" || s.w(k) == "in") {
			return first // "the first Sunday of Advent"
		}
		return s.add(mt, first, k)
	}
	switch s.w(j + 1) {
	case "week":
		mt := mention{form: fNthWeek, n: n}
		k := s.monthSpec(j+2, &mt)
		if k == j+2 {
			k = s.yearSpec(j+2, &mt)
		}
		if k == j+2 {
			return first
		}
		return s.add(mt, first, k)
	case "quarter", "half":
		q, size, k, ok := s.ordinalQuarter(j)
		if !ok {
			return first
		}
		mt := mention{form: fQuarter, n: q, size: size}
		end := s.yearSpec(k, &mt)
		if end == k && size == 6 {
			return first // "the second half" alone is a game's
		}
		return s.add(mt, first, end)
	}
	return first
}

// ordinalQuarter reads "third quarter" or "first half" at j.
func (s *scanner) ordinalQuarter(j int) (int, int, int, bool) {
	n := ordinals[s.w(j)]
	switch s.w(j + 1) {
	case "quarter":
		if n >= 1 && n <= 4 {
			return n, 3, j + 2, true
		}
	case "half":
		if n >= 1 && n <= 2 {
			return n, 6, j + 2, true
		}
	}
	return 0, 0, j, false
}

// quarterName reads "Q3" or "H2" at i.
func (s *scanner) quarterName(i int) (int, int, int, bool) {
	if i < 0 || i+1 >= len(s.toks) || s.toks[i].kind != word || !s.toks[i].upper || !s.glued(i+1) {
		return 0, 0, i, false
	}
	t := s.toks[i+1]
	if t.kind != number || t.ord || t.ndig != 1 || (s.glued(i+2) && !s.ends(i+2)) {
		return 0, 0, i, false
	}
	switch {
	case s.toks[i].lower == "q" && t.val >= 1 && t.val <= 4:
		return t.val, 3, i + 2, true
	case s.toks[i].lower == "h" && t.val >= 1 && t.val <= 2:
		return t.val, 6, i + 2, true
	}
	return 0, 0, i, false
}

// monthSpec reads the month an ordinal week or weekday belongs to, at i:
// "of July", "in July 2016", "of this month", "of next month". It fills
// mt and returns the index after it, or i.
func (s *scanner) monthSpec(i int, mt *mention) int {
	j := i
	if s.w(j) == "of" || s.w(j) == "in" {
		j++
	}
	if n := s.relMonthAfter(j); n > j {
		mt.mrel, mt.moff = true, s.monthOffset(j)
		return n
	}
	m, ok, n := s.monthAt(j)
	if !ok || j == i {
		return i
	}
	mt.m = m
	if y, next := s.yearAfter(n); next > n {
		mt.y = y
		return next
	}
	return n
}

// yearSpec reads the year a quarter or week belongs to, at i: "2016",
// "of 2016", "this year", "of next year", "of the year". It fills mt and
// returns the index after it, or i.
func (s *scanner) yearSpec(i int, mt *mention) int {
	j := i
	if s.w(j) == "of" || s.w(j) == "in" || s.p(j, ",") {
		j++
	}
	if y, ok := s.fullYear(j); ok && (s.ends(j+1) || s.toks[j+1].kind == word) {
		mt.y = y
		return j + 1
	}
	if y, next, ok := s.yearWords(j); ok && j > i {
		mt.y = y
		return next
	}
	if s.w(j+1) == "year" {
		switch s.w(j) {
		case "this", "the", "current":
			mt.yrel, mt.off = true, 0
			return j + 2
		case "next":
			mt.yrel, mt.off = true, 1
			return j + 2
		case "last", "previous":
			mt.yrel, mt.off = true, -1
			return j + 2
		}
	}
	return i
}

// weekOf matches, with "week" or "month" at j (led by first), "week 10",
// "the week of March 4", "the week starting (on) February 4", "the week
// beginning February 4", "month of September 16".
func (s *scanner) weekOf(first, j int) int {
	w := s.w(j)
	if w == "week" && first == j {
		t := j + 1
		if t < len(s.toks) && s.toks[t].kind == number && !s.toks[t].ord && s.toks[t].ndig <= 2 &&
			s.toks[t].val >= 1 && s.toks[t].val <= 53 && (!s.glued(t+1) || s.ends(t+1)) {
			mt := mention{form: fISOWeek, n: s.toks[t].val}
			return s.add(mt, j, t+1)
		}
	}
	k := j + 1
	switch s.w(k) {
	case "of":
		k++
	case "starting", "beginning", "commencing":
		if w != "week" {
			return first
		}
		k++
		if s.w(k) == "on" {
			k++
		}
	default:
		return first
	}
	g := parallax.Week
	if w == "month" {
		g = parallax.Month
	}
	return s.widen(first, k, g)
}

// widen matches the day at k and reports the week or month holding it,
// the whole phrase starting at first.
func (s *scanner) widen(first, k int, g parallax.Granularity) int {
	mt, n, ok := s.endpoint(k)
	if !ok || mt.to != nil {
		return first
	}
	switch mt.form {
	case fDate, fMonthDay, fDay, fWeekdayDay, fRelMonthDay:
	default:
		return first
	}
	mt.widen = g
	mt.lean = 0
	return s.add(mt, first, n)
}

// rest matches "rest of the week", "rest of my week", "rest of the
// month", "rest of this year": from the reference day to the end of the
// unit.
func (s *scanner) rest(i int) int {
	j := i + 1
	if s.w(j) == "of" {
		j++
	}
	switch s.w(j) {
	case "the", "this", "my", "current":
		j++
	}
	var f form
	switch s.w(j) {
	case "week":
		f = fRelWeek
	case "month":
		f = fRelMonth
	case "year":
		f = fRelYear
	default:
		return i
	}
	return s.add(mention{form: fRest, unit: f}, i, j+1)
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

// timePreps are prepositions that introduce a date.
var timePreps = map[string]bool{
	"on": true, "for": true, "by": true, "until": true, "till": true, "since": true,
	"before": true, "after": true, "from": true, "to": true, "through": true,
}

// isWeekday reports whether a full weekday name stands at i.
func (s *scanner) isWeekday(i int) bool {
	_, ok := weekdays[s.w(i)]
	return ok
}
