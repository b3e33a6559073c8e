package dates

import (
	"time"

	"github.com/parallax-news/parallax"
)

// Ranges: "from March 3 to 5", "between 4 and 22 this month", "November
// 19-20", "Oct. 2 to October 22", "today till tomorrow", "from 2014 to
// 2018", "next week between Wednesday and Friday". A range is one
// mention: its first end with to pointing at the second. An end written
// as a bare day takes its month and year from the other end or from a
// following "this month"; an end without a year takes the other's.

// rangeAt matches a range led by "from" or "between" at i, or a range of
// bare days that a month context completes: "4 to 23 next month".
func (s *scanner) rangeAt(i int) int {
	w := s.w(i)
	j := i
	if w == "from" || w == "between" {
		j++
	} else if s.toks[i].kind != number {
		return i
	}
	if d1, d2, ok := s.dayPair(j); ok {
		from, to := s.bareDay(j, d1, 0), s.bareDay(j, d2, 1)
		return s.finishRange(i, from, to, j+1)
	}
	e1, n, ok := s.endpoint(j)
	if !ok || e1.to != nil || (j == i && e1.form != fDay) {
		return i
	}
	if n >= len(s.toks) {
		return i
	}
	if c := s.toks[n].lower; !connectors[c] && !(w == "between" && c == "and") {
		return i
	}
	e2, end, ok := s.endpoint(n + 1)
	if !ok || e2.to != nil {
		return i
	}
	if j == i {
		// Without "from", a bare first day needs a month after the
		// second: "4 to 23 next month", "4 till 23 of this month".
		switch e2.form {
		case fDay, fRelMonthDay, fMonthDay, fDate:
		default:
			return i
		}
	}
	return s.finishRange(i, e1, e2, end)
}

// rangeOn grows the mention that ends before token n into a range when a
// connector and a second end follow: "March 3 to 5", "Oct. 2 - Oct. 22".
func (s *scanner) rangeOn(n int) int {
	if n >= len(s.toks) || len(s.out) == 0 {
		return n
	}
	last := s.out[len(s.out)-1]
	if last.to != nil || !rangeable(last.form) {
		return n
	}
	if !connectors[s.toks[n].lower] || s.toks[n].nl {
		return n
	}
	if s.toks[n].lower == "-" && !s.glued(n) && s.glued(n+1) {
		return n // "March 3 -5" is no range
	}
	e2, end, ok := s.endpoint(n + 1)
	if !ok || e2.to != nil {
		return n
	}
	s.out = s.out[:len(s.out)-1]
	if r := s.finishRange(last.tok, last, e2, end); r > last.tok {
		return r
	}
	s.out = append(s.out, last)
	return n
}

// rangeable reports whether a mention of form f can end a range.
func rangeable(f form) bool {
	switch f {
	case fContext, fSpan, fRest, fDecade, fCentury, fWeekend:
		return false
	}
	return true
}

// endpoint matches one end of a range at j without keeping it: a date
// expression, "now", or a bare day ("4", "22nd").
func (s *scanner) endpoint(j int) (mention, int, bool) {
	if j >= len(s.toks) {
		return mention{}, j, false
	}
	k := len(s.out)
	if s.w(j) == "now" {
		s.add(mention{form: fRelDay}, j, j+1)
		m := s.out[k]
		s.out = s.out[:k]
		return m, j + 1, true
	}
	n := s.single(j)
	if n == j && s.toks[j].kind == word {
		n = s.weekday(j, true)
		if n == j {
			// "from next Friday": the weekday looks back at its modifier.
			if _, ok := s.weekdayAt(j+1, false); ok {
				n = s.weekday(j+1, false)
				if n > j+1 && (len(s.out) == k || s.out[k].tok != j) {
					s.out = s.out[:k]
					n = j
				}
			}
		}
	}
	if n == j {
		if y, ok := s.yearNum(j); ok {
			s.add(mention{form: fYear, y: y}, j, j+1)
			n = j + 1
		} else if y, next, ok := s.yearWords(j); ok {
			s.add(mention{form: fYear, y: y}, j, next)
			n = next
		}
	}
	if n > j && len(s.out) > k {
		m := s.out[k]
		s.out = s.out[:k]
		if !rangeable(m.form) {
			return mention{}, j, false
		}
		return m, n, true
	}
	if d, n, ok := s.dayAt(j, false); ok && s.toks[j].kind == number {
		s.add(mention{form: fDay, d: d}, j, n)
		m := s.out[k]
		s.out = s.out[:k]
		return m, n, true
	}
	return mention{}, j, false
}

// dayPair reads two days written as one token, "4-22".
func (s *scanner) dayPair(j int) (int, int, bool) {
	if j < 0 || j >= len(s.toks) || s.toks[j].kind != number || s.toks[j].val >= 0 {
		return 0, 0, false
	}
	raw := s.toks[j].lower
	k := 0
	for k < len(raw) && isDigit(raw[k]) {
		k++
	}
	if k == 0 || k > 2 || k >= len(raw) || raw[k] != '-' || len(raw)-k-1 > 2 || !allDigits(raw[k+1:]) {
		return 0, 0, false
	}
	a, b := atoi(raw[:k]), atoi(raw[k+1:])
	if a < 1 || b > 31 || a >= b {
		return 0, 0, false
	}
	return a, b, true
}

// bareDay makes the mention of one day of a "4-22" token: the first
// (part 0) or the second (part 1) number.
func (s *scanner) bareDay(j, d, part int) mention {
	t := s.toks[j]
	m := mention{form: fDay, d: d, tok: j, sent: t.sent, para: t.para, lean: lean(s.toks, j)}
	k := t.start
	for k < t.end && isDigit(s.text[k]) {
		k++
	}
	if part == 0 {
		m.span = parallax.Span{Start: t.start, End: k}
	} else {
		m.span = parallax.Span{Start: k + 1, End: t.end}
	}
	return m
}

// finishRange completes a range from first to the token before n: it
// reads a month context after it ("this month", "of next month", "in
// January, 1995"), lets each end borrow what the other has, and adds it.
// It returns first when the ends do not make a range.
func (s *scanner) finishRange(first int, e1, e2 mention, n int) int {
	if e1.form == fDay || e2.form == fDay {
		k := n
		if s.w(k) == "of" || s.w(k) == "in" {
			k++
		}
		switch {
		case s.relMonthAfter(k) > k:
			ctx := mention{form: fRelMonthDay, mrel: true, moff: s.monthOffset(k)}
			n = s.relMonthAfter(k)
			for _, e := range []*mention{&e1, &e2} {
				if e.form == fDay {
					e.form, e.mrel, e.moff = ctx.form, ctx.mrel, ctx.moff
				}
			}
		case s.isMonth(k) && e2.form == fDay:
			m, _, next := s.monthAt(k)
			e2.m, e2.form = m, fMonthDay
			if y, after := s.yearAfter(next); after > next {
				e2.y, e2.form = y, fDate
				next = after
			}
			n = next
		}
	}
	borrow(&e1, &e2)
	borrow(&e2, &e1)
	if e2.form == fMonthDay && e2.y == 0 {
		// "between March 3 and 5, 2019": the year closes the range.
		if y, after := s.yearAfter(n); after > n && validDay(y, e2.m, e2.d) {
			e2.form, e2.y, n = fDate, y, after
		}
	}
	if e1.form == fDay || e2.form == fDay {
		return first
	}
	if !validEnd(e1) || !validEnd(e2) {
		return first
	}
	// An end with a year lends it to one without: "from Feb 1 to March
	// 2019", "between March 3 and April 5, 2025".
	lendYear(&e1, &e2, 1)
	lendYear(&e2, &e1, -1)
	to := e2
	e1.head = e1.span
	e1.to = &to
	if e1.lean == 0 {
		e1.lean = e2.lean
	}
	return s.add(e1, first, n)
}

// borrow gives a bare day e the month (and year) of the other end o.
func borrow(e, o *mention) {
	if e.form != fDay {
		return
	}
	switch o.form {
	case fMonthDay, fDate, fRelMonthDay, fMonthYear, fMonth:
		e.m, e.y, e.mrel, e.moff, e.yrel, e.off, e.rel = o.m, o.y, o.mrel, o.moff, o.yrel, o.off, o.rel
		switch o.form {
		case fDate, fMonthYear:
			e.form = fDate
		case fRelMonthDay:
			e.form = fRelMonthDay
		default:
			e.form = fMonthDay
		}
	}
}

// validEnd reports whether a range end names a day that exists.
func validEnd(e mention) bool {
	switch e.form {
	case fDate:
		return validDay(e.y, e.m, e.d)
	case fMonthDay:
		return validDay(2024, e.m, e.d)
	}
	return true
}

// lendYear gives the end e without a year the year of o. dir says where
// o lies: +1 after e (the year goes back one when e's month-day comes
// later in the year), -1 before e.
func lendYear(e, o *mention, dir int) {
	var oy int
	switch o.form {
	case fDate, fMonthYear, fYear:
		oy = o.y
	default:
		return
	}
	om, od := o.m, o.d
	if o.form == fYear {
		om, od = time.January, 1
		if dir > 0 {
			om, od = time.December, 31
		}
	}
	if od == 0 {
		od = 1
	}
	switch e.form {
	case fMonthDay:
		y := oy
		if dir > 0 && (e.m > om || e.m == om && e.d > od) {
			y--
		}
		if dir < 0 && (e.m < om || e.m == om && e.d < od) {
			y++
		}
		if validDay(y, e.m, e.d) {
			e.form, e.y = fDate, y
		}
	case fMonth:
		y := oy
		if dir > 0 && e.m > om {
			y--
		}
		if dir < 0 && e.m < om {
			y++
		}
		e.form, e.y = fMonthYear, y
	}
}

// weekdayRange matches "between Wednesday and Friday" or "from Tue to
// Thur" at i after a named week (offset off) that starts at first.
func (s *scanner) weekdayRange(first, i, off int) int {
	w := s.w(i)
	if w != "between" && w != "from" {
		return i
	}
	wd1, ok := s.weekdayAt(i+1, true)
	if !ok {
		return i
	}
	c := s.w(i + 2)
	if !(connectors[c] || w == "between" && c == "and") {
		return i
	}
	wd2, ok := s.weekdayAt(i+3, true)
	if !ok {
		return i
	}
	k := len(s.out)
	s.add(mention{form: fWeekday, wd: wd1, wk: true, off: off}, i+1, i+2)
	s.add(mention{form: fWeekday, wd: wd2, wk: true, off: off}, i+3, i+4)
	e1, e2 := s.out[k], s.out[k+1]
	s.out = s.out[:k]
	e1.head = e1.span
	e1.to = &e2
	return s.add(e1, first, i+4)
}
