package dates

import (
	"time"

	"github.com/parallax-news/parallax"
)

// The anchors a resolved date can carry (parallax.Date.Anchor).
const (
	Absolute    = "absolute"
	Publication = "publication"
	Inferred    = "inferred"
	Unresolved  = "unresolved"
)

// lean reports whether the clause before token i points to the future
// (+1), to the past (-1) or has no cue (0). It walks back at most 12
// words to the start of the sentence or a ";", and the nearest tense cue
// wins: in "said on Tuesday that talks will resume on Friday" Tuesday is
// past and Friday future. Callers read 0 as past, since news reports
// mostly tell what happened.
func lean(toks []token, i int) int {
	if i < 0 || i >= len(toks) {
		return -1
	}
	sent := toks[i].sent
	words := 0
	for j := i - 1; j >= 0 && words < 12; j-- {
		t := toks[j]
		if t.sent != sent || (t.kind == punct && t.lower == ";") {
			break
		}
		if t.kind == punct {
			continue
		}
		words++
		if t.kind != word {
			continue
		}
		next := ""
		if j+1 < i && toks[j+1].kind == word {
			next = toks[j+1].lower
		}
		switch w := t.lower; {
		case w == "may" && t.upper:
			// The month, not the modal verb.
		case t.cls&cFuture != 0: // futureWords[w], looked up once per token
			return 1
		case t.cls&cFutureBefore != 0 && (next == "to" || next == "for"):
			return 1
		case w == "to" && next == "be":
			return 1
		case w == "won" && j+2 < i && toks[j+1].kind == punct && toks[j+2].lower == "t":
			return 1
		case t.cls&cPast != 0 && j > 0 && toks[j-1].kind == word && afterModal[toks[j-1].lower]:
			// "will be held", "will last": a participle or verb after a
			// modal; the modal itself decides.
		case t.cls&cPast != 0:
			return -1
		}
	}
	return 0
}

// futureWords point the rest of their clause to the future.
var futureWords = map[string]bool{
	"will": true, "shall": true, "would": true, "ll": true, "scheduled": true,
	"slated": true, "upcoming": true, "next": true, "planned": true, "plans": true,
	"planning": true, "intends": true, "expected": true, "expect": true, "expects": true, "due": true, "may": true,
	"might": true, "forthcoming": true, "tomorrow": true,
}

// futureBefore are future cues only when "to" or "for" follows: "set to",
// "set for", "going to", "hopes to", "ahead of" is handled as "ahead".
var futureBefore = map[string]bool{
	"set": true, "going": true, "hopes": true, "hope": true, "aims": true, "poised": true,
	"ready": true, "preparing": true, "prepares": true,
}

// afterModal precede a verb form that the tense of an earlier word
// governs.
var afterModal = map[string]bool{
	"be": true, "will": true, "would": true, "shall": true, "to": true, "ll": true, "been": true,
}

// pastWords are common reporting and event verbs in the past tense.
var pastWords = map[string]bool{
	"said": true, "told": true, "held": true, "met": true, "agreed": true, "spoke": true,
	"announced": true, "reported": true, "signed": true, "launched": true, "killed": true,
	"was": true, "were": true, "had": true, "did": true, "called": true, "claimed": true,
	"began": true, "ended": true, "took": true, "came": true, "made": true, "went": true,
	"sent": true, "struck": true, "attacked": true, "visited": true, "arrived": true,
	"returned": true, "declared": true, "confirmed": true, "stated": true, "added": true,
	"noted": true, "wrote": true, "posted": true, "occurred": true, "happened": true,
	"published": true, "released": true, "voted": true, "passed": true, "approved": true,
	"rejected": true, "accepted": true, "ago": true, "last": true, "yesterday": true,
	"discussed": true, "talked": true, "urged": true, "warned": true, "insisted": true,
}

// resolver places mentions on the calendar against a reference date.
type resolver struct {
	ref    time.Time // publication date (or the inferred one); zero if unknown
	anchor string    // anchor of values computed from ref
	// year is the story year inferred when ref is zero (0 if unknown);
	// month-days and months then take it.
	year int
	// ctx is the last day-granularity date resolved in paragraph ctxPara,
	// the base of "earlier in the day" and "the next day". Across a
	// paragraph break the publication date is the likelier base.
	ctx       time.Time
	ctxAnchor string
	ctxPara   int
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// calendarDay returns the calendar date of t in its own location, as UTC
// midnight.
func calendarDay(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return day(y, m, d)
}

// result is a mention placed on the calendar.
type result struct {
	// date is the mention as a parallax.Date: its own calendar unit, or
	// for a range the first end.
	date parallax.Date
	// start and end bound the stretch covered, [start, end); zero when
	// unresolved. unit is the granularity of its last calendar unit.
	start, end time.Time
	unit       parallax.Granularity
	// to is the second end of a range.
	to *parallax.Date
}

// resolve places a mention, and both ends of a range.
func (r *resolver) resolve(mt mention) result {
	if mt.to == nil {
		return r.one(mt)
	}
	head := mt
	head.to, head.span = nil, mt.head
	a := r.one(head)
	b := r.one(*mt.to)
	// An end whose year the text leaves open follows the first end: "from
	// October 25 to January 25" crosses the new year.
	if !a.start.IsZero() && !b.start.IsZero() && b.start.Before(a.start) {
		switch {
		case openYear(mt.to.form):
			b = r.shiftYear(*mt.to, b)
		case mt.to.form == fWeekday && !mt.to.wk && mt.to.rel == 0:
			// "Friday to Thursday" runs into the next week.
			b.date.Value = b.date.Value.AddDate(0, 0, 7)
			b.start, b.end = b.start.AddDate(0, 0, 7), b.end.AddDate(0, 0, 7)
		}
	}
	out := result{date: a.date, to: &b.date}
	out.date.Span = mt.head
	out.to.Span = mt.to.span
	if a.start.IsZero() || b.start.IsZero() || !b.end.After(a.start) {
		return out
	}
	out.start, out.end, out.unit = a.start, b.end, b.unit
	return out
}

// openYear reports whether a mention of form f takes its year from the
// reference rather than from the text.
func openYear(f form) bool {
	switch f {
	case fMonthDay, fMonth, fNthWeekday:
		return true
	}
	return false
}

// shiftYear moves a resolved year-less mention one year later.
func (r *resolver) shiftYear(mt mention, res result) result {
	v := res.date.Value
	if !validDay(v.Year()+1, v.Month(), v.Day()) {
		return res
	}
	res.date.Value = v.AddDate(1, 0, 0)
	res.start, res.end = res.start.AddDate(1, 0, 0), res.end.AddDate(1, 0, 0)
	return res
}

// one places a mention that is not a range.
func (r *resolver) one(mt mention) result {
	out := result{date: parallax.Date{Span: mt.span, Anchor: Unresolved, Granularity: natural(mt.form)}}
	// set records a calendar unit; stretch records a period that no unit
	// names, whose Date is the smallest unit holding it.
	set := func(v time.Time, g parallax.Granularity, anchor string) {
		out.date.Value, out.date.Granularity, out.date.Anchor = v, g, anchor
		out.start, out.end, out.unit = v, End(out.date), g
	}
	stretch := func(start, end time.Time, unit parallax.Granularity, anchor string) {
		out.start, out.end, out.unit = start, end, unit
		p := Period{Span: mt.span, Start: start, End: end, Anchor: anchor}
		if d, ok := p.Date(); ok {
			out.date = d
		} else {
			out.date.Anchor = anchor
			out.date.Value, out.date.Granularity = time.Time{}, ""
		}
	}
	ref := !r.ref.IsZero()
	switch mt.form {
	case fDate:
		set(day(mt.y, mt.m, mt.d), parallax.Day, Absolute)
	case fMonthYear:
		set(day(mt.y, mt.m, 1), parallax.Month, Absolute)
	case fYear:
		set(day(mt.y, 1, 1), parallax.Year, Absolute)
	case fMonthDay:
		switch {
		case ref:
			if v, ok := closestDay(r.ref, mt.m, mt.d, mt.lean); ok {
				set(v, parallax.Day, r.anchor)
			}
		case r.year != 0 && validDay(r.year, mt.m, mt.d):
			set(day(r.year, mt.m, mt.d), parallax.Day, Inferred)
		}
	case fMonth:
		switch {
		case ref:
			set(r.month(mt), parallax.Month, r.anchor)
		case r.year != 0 && mt.rel == 0:
			y := r.year
			if mt.yrel {
				y += mt.off
			}
			set(day(y, mt.m, 1), parallax.Month, Inferred)
		}
	case fWeekday:
		switch {
		case !ref:
		case mt.wk:
			mon := monday(r.ref.AddDate(0, 0, 7*mt.off))
			set(mon.AddDate(0, 0, (int(mt.wd)+6)%7), parallax.Day, r.anchor)
		default:
			set(weekday(r.ref, mt.wd, mt.rel, mt.lean), parallax.Day, r.anchor)
		}
	case fRelDay:
		if ref {
			set(r.ref.AddDate(0, 0, mt.off), parallax.Day, r.anchor)
		}
	case fRelWeek:
		if ref {
			set(monday(r.ref.AddDate(0, 0, 7*mt.off)), parallax.Week, r.anchor)
		}
	case fRelMonth:
		if ref {
			set(day(r.ref.Year(), r.ref.Month()+time.Month(mt.off), 1), parallax.Month, r.anchor)
		}
	case fRelYear:
		if ref {
			set(day(r.ref.Year()+mt.off, 1, 1), parallax.Year, r.anchor)
		}
	case fContext:
		switch {
		case !r.ctx.IsZero() && r.ctxPara == mt.para:
			set(r.ctx.AddDate(0, 0, mt.off), parallax.Day, r.ctxAnchor)
		case ref && mt.rel == 0: // rel 1: "two days later" needs a day told before
			set(r.ref.AddDate(0, 0, mt.off), parallax.Day, r.anchor)
		}
	case fDay:
		if ref {
			if v, ok := dayOfMonth(r.ref, mt.d, mt.lean); ok {
				set(v, parallax.Day, r.anchor)
			}
		}
	case fRelMonthDay:
		if ref {
			first := day(r.ref.Year(), r.ref.Month()+time.Month(mt.moff), 1)
			if validDay(first.Year(), first.Month(), mt.d) {
				set(day(first.Year(), first.Month(), mt.d), parallax.Day, r.anchor)
			}
		}
	case fWeekdayDay:
		if ref {
			if v, ok := weekdayDay(r.ref, mt.wd, mt.d, mt.lean); ok {
				set(v, parallax.Day, r.anchor)
			}
		}
	case fNthWeekday:
		if y, m, anchor, ok := r.monthOf(mt); ok {
			if v, ok := nthWeekday(y, m, mt.wd, mt.n); ok {
				set(v, parallax.Day, anchor)
			}
		}
	case fNthWeek:
		if mt.m != 0 || mt.mrel {
			if y, m, anchor, ok := r.monthOf(mt); ok {
				if v, ok := nthWeek(day(y, m, 1), day(y, m+1, 1), mt.n); ok {
					set(v, parallax.Week, anchor)
				}
			}
		} else if y, anchor, ok := r.yearOf(mt); ok {
			if v, ok := nthWeek(day(y, 1, 1), day(y+1, 1, 1), mt.n); ok {
				set(v, parallax.Week, anchor)
			}
		}
	case fISOWeek:
		if y, anchor, ok := r.yearOf(mt); ok {
			if v, ok := nthWeek(day(y, 1, 1), day(y+1, 1, 1), mt.n); ok {
				set(v, parallax.Week, anchor)
			}
		}
	case fWeekend:
		if ref {
			mon := monday(r.ref.AddDate(0, 0, 7*mt.off))
			if mt.rel == 0 && r.ref.Weekday() != time.Saturday && r.ref.Weekday() != time.Sunday && mt.lean <= 0 {
				mon = mon.AddDate(0, 0, -7) // "at the weekend", told in the past
			}
			stretch(mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 7), parallax.Day, r.anchor)
		}
	case fQuarter:
		if y, q, anchor, ok := r.quarterOf(mt); ok {
			start := day(y, time.Month((q-1)*mt.size+1), 1)
			stretch(start, start.AddDate(0, mt.size, 0), parallax.Month, anchor)
		}
	case fSpan:
		base, anchor := r.ref, r.anchor
		if mt.base != nil {
			b := r.one(*mt.base)
			base, anchor = b.start, b.date.Anchor
		}
		if !base.IsZero() {
			start, end := base, base
			switch {
			case mt.rel > 0:
				start = base.AddDate(0, 0, 1)
				end = addDur(start, mt.dur, 1)
			case mt.rel < 0:
				start = addDur(base, mt.dur, -1)
			default:
				end = addDur(base, mt.dur, 1)
			}
			stretch(start, end, parallax.Day, anchor)
		}
	case fDur:
		base, anchor := r.ref, r.anchor
		if mt.base != nil {
			b := r.one(*mt.base)
			base, anchor = b.start, b.date.Anchor
		}
		if !base.IsZero() {
			g := granularity(mt.unit)
			set(unitStart(addDur(base, mt.dur, mt.rel), g), g, anchor)
		}
	case fRest:
		if ref {
			stretch(r.ref, addUnits(unitStart(r.ref, granularity(mt.unit)), mt.unit, 1), parallax.Day, r.anchor)
		}
	case fDecade:
		switch {
		case mt.yrel && ref:
			y := r.ref.Year()/10*10 + 10*mt.off
			stretch(day(y, 1, 1), day(y+10, 1, 1), parallax.Year, r.anchor)
		case !mt.yrel:
			stretch(day(mt.n, 1, 1), day(mt.n+10, 1, 1), parallax.Year, Absolute)
		}
	case fCentury:
		y := (mt.n - 1) * 100
		stretch(day(y, 1, 1), day(y+100, 1, 1), parallax.Year, Absolute)
	}
	if mt.widen != "" && !out.start.IsZero() {
		set(unitStart(out.start, mt.widen), mt.widen, out.date.Anchor)
	}
	if out.start.IsZero() {
		out.date.Anchor, out.date.Value = Unresolved, time.Time{}
		if out.date.Granularity == "" {
			out.date.Granularity = natural(mt.form)
		}
	} else if out.date.Granularity == parallax.Day && out.unit == parallax.Day {
		r.ctx, r.ctxAnchor, r.ctxPara = out.date.Value, out.date.Anchor, mt.para
	}
	return out
}

// natural is the granularity a form names, reported for an unresolved
// mention; "" for forms no single unit holds.
func natural(f form) parallax.Granularity {
	switch f {
	case fRelWeek, fWeekend, fNthWeek, fISOWeek:
		return parallax.Week
	case fMonth, fMonthYear, fRelMonth:
		return parallax.Month
	case fYear, fRelYear, fQuarter:
		return parallax.Year
	case fSpan, fRest, fDecade, fCentury:
		return ""
	case fDur:
		return parallax.Day
	}
	return parallax.Day
}

// granularity is the granularity of a unit form.
func granularity(f form) parallax.Granularity {
	switch f {
	case fRelWeek:
		return parallax.Week
	case fRelMonth:
		return parallax.Month
	case fRelYear:
		return parallax.Year
	}
	return parallax.Day
}

// addDur adds (sign +1) or subtracts (sign -1) a duration of years,
// months and days.
func addDur(t time.Time, dur [3]int, sign int) time.Time {
	return t.AddDate(sign*dur[0], sign*dur[1], sign*dur[2])
}

// addUnits adds n units of form f (fRelDay ... fRelYear) to t.
func addUnits(t time.Time, f form, n int) time.Time {
	switch f {
	case fRelWeek:
		return t.AddDate(0, 0, 7*n)
	case fRelMonth:
		return t.AddDate(0, n, 0)
	case fRelYear:
		return t.AddDate(n, 0, 0)
	}
	return t.AddDate(0, 0, n)
}

// yearOf returns the year a mention names: written, counted from the
// reference ("next year"), or the reference's (the story's) own.
func (r *resolver) yearOf(mt mention) (int, string, bool) {
	switch {
	case mt.y != 0:
		return mt.y, Absolute, true
	case !r.ref.IsZero() && mt.yrel:
		return r.ref.Year() + mt.off, r.anchor, true
	case !r.ref.IsZero():
		return r.ref.Year(), r.anchor, true
	case r.year != 0 && !mt.yrel:
		return r.year, Inferred, true
	}
	return 0, "", false
}

// monthOf returns the month a mention names: "of July 2016", "of next
// month", "of July" (the closest July), or with no month the reference's.
func (r *resolver) monthOf(mt mention) (int, time.Month, string, bool) {
	ref := !r.ref.IsZero()
	switch {
	case mt.mrel && ref:
		v := day(r.ref.Year(), r.ref.Month()+time.Month(mt.moff), 1)
		return v.Year(), v.Month(), r.anchor, true
	case mt.mrel:
		return 0, 0, "", false
	case mt.m != 0 && mt.y != 0:
		return mt.y, mt.m, Absolute, true
	case mt.m != 0 && ref:
		v := r.month(mention{m: mt.m, yrel: mt.yrel, off: mt.off, lean: mt.lean})
		return v.Year(), v.Month(), r.anchor, true
	case mt.m != 0 && r.year != 0:
		return r.year, mt.m, Inferred, true
	case mt.m == 0 && ref:
		return r.ref.Year(), r.ref.Month(), r.anchor, true
	}
	return 0, 0, "", false
}

// quarterOf returns the year and index of a quarter or half: written
// ("Q3 2016"), counted from the reference quarter ("last quarter"), or
// open ("the third quarter"): this year's, unless the clause's tense
// points to the one before or after.
func (r *resolver) quarterOf(mt mention) (int, int, string, bool) {
	ref := !r.ref.IsZero()
	if mt.mrel {
		if !ref {
			return 0, 0, "", false
		}
		k := (int(r.ref.Month())-1)/mt.size + mt.moff
		per := 12 / mt.size
		y := r.ref.Year() + floorDiv(k, per)
		return y, k - floorDiv(k, per)*per + 1, r.anchor, true
	}
	if mt.y != 0 || mt.yrel {
		y, anchor, ok := r.yearOf(mt)
		return y, mt.n, anchor, ok
	}
	y, anchor, ok := r.yearOf(mt)
	if !ok || !ref {
		return y, mt.n, anchor, ok
	}
	start := day(y, time.Month((mt.n-1)*mt.size+1), 1)
	end := start.AddDate(0, mt.size, 0)
	switch {
	case mt.lean > 0 && !end.After(r.ref):
		y++
	case mt.lean <= 0 && start.After(r.ref):
		y--
	}
	return y, mt.n, anchor, true
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// dayOfMonth places a day of the month written alone ("on the 27th"):
// the latest such day up to ref, or with a clause looking ahead the first
// from ref on. It fails when that month has no such day.
func dayOfMonth(ref time.Time, d, lean int) (time.Time, bool) {
	y, m := ref.Year(), ref.Month()
	switch {
	case lean > 0 && d < ref.Day():
		m++
	case lean <= 0 && d > ref.Day():
		m--
	}
	first := day(y, m, 1)
	if !validDay(first.Year(), first.Month(), d) {
		return time.Time{}, false
	}
	return day(first.Year(), first.Month(), d), true
}

// weekdayDay places "Friday the 22nd": among the months around ref, the
// 22nd that falls on a Friday closest to ref; a tie follows the tense.
func weekdayDay(ref time.Time, wd time.Weekday, d, lean int) (time.Time, bool) {
	var best time.Time
	bestDist := -1
	for k := -6; k <= 6; k++ {
		first := day(ref.Year(), ref.Month()+time.Month(k), 1)
		if !validDay(first.Year(), first.Month(), d) {
			continue
		}
		v := day(first.Year(), first.Month(), d)
		if v.Weekday() != wd {
			continue
		}
		dist := absDays(v.Sub(ref))
		if bestDist < 0 || dist < bestDist || (dist == bestDist && (lean > 0) == v.After(ref)) {
			best, bestDist = v, dist
		}
	}
	return best, bestDist >= 0
}

// nthWeekday returns the n-th weekday wd of a month (n = -1 for the
// last); it fails when the month has no such day ("the fifth Sunday").
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) (time.Time, bool) {
	if n < 0 {
		last := day(y, m+1, 0)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7)), true
	}
	first := day(y, m, 1)
	v := first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
	if v.Month() != m {
		return time.Time{}, false
	}
	return v, true
}

// nthWeek returns the Monday of the n-th week (n = -1 for the last) of
// the stretch [from, to). A week belongs to the month or year that holds
// its Thursday, as ISO weeks belong to years.
func nthWeek(from, to time.Time, n int) (time.Time, bool) {
	firstThu := from.AddDate(0, 0, (int(time.Thursday)-int(from.Weekday())+7)%7)
	if n < 0 {
		last := to.AddDate(0, 0, -1)
		lastThu := last.AddDate(0, 0, -((int(last.Weekday()) - int(time.Thursday) + 7) % 7))
		return lastThu.AddDate(0, 0, -3), true
	}
	thu := firstThu.AddDate(0, 0, 7*(n-1))
	if !thu.Before(to) {
		return time.Time{}, false
	}
	return thu.AddDate(0, 0, -3), true
}

// month places a month written without a year: "last March" is the most
// recent March before the reference month, "next March" the first after,
// "March last year" counts from the reference year, and a bare "March" is
// the closest March to the reference, ties broken by the clause's tense.
func (r *resolver) month(mt mention) time.Time {
	ry, rm := r.ref.Year(), r.ref.Month()
	if mt.yrel {
		return day(ry+mt.off, mt.m, 1)
	}
	switch mt.rel {
	case -1:
		if mt.m < rm {
			return day(ry, mt.m, 1)
		}
		return day(ry-1, mt.m, 1)
	case 1:
		if mt.m > rm {
			return day(ry, mt.m, 1)
		}
		return day(ry+1, mt.m, 1)
	}
	diff := int(mt.m) - int(rm) // -11..11
	switch {
	case diff > 6 || (diff == 6 && mt.lean <= 0):
		return day(ry-1, mt.m, 1)
	case diff < -6 || (diff == -6 && mt.lean > 0):
		return day(ry+1, mt.m, 1)
	}
	return day(ry, mt.m, 1)
}

// closestDay returns the occurrence of month-day m/d closest to ref
// (within a year either way). An explicit tense overrides closeness by up
// to a year: "met on Sept. 11" written in March is last September, "will
// meet on January 5" written in February is next January. Ties, which
// only happen half a year away, also follow the tense.
func closestDay(ref time.Time, m time.Month, d, lean int) (time.Time, bool) {
	v, ok := nearestDay(ref, m, d, lean)
	if !ok {
		return v, false
	}
	const week = 7 * 24 * time.Hour
	switch {
	case lean < 0 && v.Sub(ref) > week && validDay(v.Year()-1, m, d):
		v = day(v.Year()-1, m, d)
	case lean > 0 && ref.Sub(v) > week && validDay(v.Year()+1, m, d):
		v = day(v.Year()+1, m, d)
	}
	return v, true
}

func nearestDay(ref time.Time, m time.Month, d, lean int) (time.Time, bool) {
	var best time.Time
	bestDist := -1
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		if !validDay(y, m, d) {
			continue
		}
		v := day(y, m, d)
		dist := int(v.Sub(ref).Hours() / 24)
		if dist < 0 {
			dist = -dist
		}
		if bestDist < 0 || dist < bestDist || (dist == bestDist && (lean > 0) == v.After(ref)) {
			best, bestDist = v, dist
		}
	}
	return best, bestDist >= 0
}

// weekday places a weekday against ref. The publication weekday is the
// publication day itself; otherwise "last" and a past-tense clause take
// the most recent such day before ref, a future-tense clause the first
// one after, and "next" the one in the week after ref's ("next Sunday"
// written on a Monday is thirteen days on, not six).
func weekday(ref time.Time, wd time.Weekday, rel, lean int) time.Time {
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
	switch rel {
	case -1:
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back)
	case 1:
		return monday(ref).AddDate(0, 0, 7+(int(wd)+6)%7)
	}
	if back == 0 {
		return ref
	}
	if lean > 0 {
		return ref.AddDate(0, 0, fwd)
	}
	return ref.AddDate(0, 0, -back)
}

// monday returns the first day of t's ISO week.
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}
