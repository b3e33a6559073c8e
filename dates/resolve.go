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
		case futureWords[w]:
			return 1
		case futureBefore[w] && (next == "to" || next == "for"):
			return 1
		case w == "to" && next == "be":
			return 1
		case w == "won" && j+2 < i && toks[j+1].kind == punct && toks[j+2].lower == "t":
			return 1
		case pastWords[w]:
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

func (r *resolver) resolve(mt mention) parallax.Date {
	out := parallax.Date{Span: mt.span, Anchor: Unresolved}
	set := func(v time.Time, g parallax.Granularity, anchor string) {
		out.Value, out.Granularity, out.Anchor = v, g, anchor
	}
	switch mt.form {
	case fDate:
		set(day(mt.y, mt.m, mt.d), parallax.Day, Absolute)
	case fMonthYear:
		set(day(mt.y, mt.m, 1), parallax.Month, Absolute)
	case fYear:
		set(day(mt.y, 1, 1), parallax.Year, Absolute)
	case fMonthDay:
		out.Granularity = parallax.Day
		switch {
		case !r.ref.IsZero():
			if v, ok := closestDay(r.ref, mt.m, mt.d, mt.lean); ok {
				set(v, parallax.Day, r.anchor)
			}
		case r.year != 0 && validDay(r.year, mt.m, mt.d):
			set(day(r.year, mt.m, mt.d), parallax.Day, Inferred)
		}
	case fMonth:
		out.Granularity = parallax.Month
		switch {
		case !r.ref.IsZero():
			set(r.month(mt), parallax.Month, r.anchor)
		case r.year != 0 && mt.rel == 0:
			y := r.year
			if mt.yrel {
				y += mt.off
			}
			set(day(y, mt.m, 1), parallax.Month, Inferred)
		}
	case fWeekday:
		out.Granularity = parallax.Day
		if !r.ref.IsZero() {
			set(weekday(r.ref, mt.wd, mt.rel, mt.lean), parallax.Day, r.anchor)
		}
	case fRelDay:
		out.Granularity = parallax.Day
		if !r.ref.IsZero() {
			set(r.ref.AddDate(0, 0, mt.off), parallax.Day, r.anchor)
		}
	case fRelWeek:
		out.Granularity = parallax.Week
		if !r.ref.IsZero() {
			set(monday(r.ref.AddDate(0, 0, 7*mt.off)), parallax.Week, r.anchor)
		}
	case fRelMonth:
		out.Granularity = parallax.Month
		if !r.ref.IsZero() {
			set(day(r.ref.Year(), r.ref.Month()+time.Month(mt.off), 1), parallax.Month, r.anchor)
		}
	case fRelYear:
		out.Granularity = parallax.Year
		if !r.ref.IsZero() {
			set(day(r.ref.Year()+mt.off, 1, 1), parallax.Year, r.anchor)
		}
	case fContext:
		out.Granularity = parallax.Day
		switch {
		case !r.ctx.IsZero() && r.ctxPara == mt.para:
			set(r.ctx.AddDate(0, 0, mt.off), parallax.Day, r.ctxAnchor)
		case !r.ref.IsZero():
			set(r.ref.AddDate(0, 0, mt.off), parallax.Day, r.anchor)
		}
	}
	if out.Value.IsZero() {
		out.Anchor = Unresolved
		if out.Granularity == "" {
			out.Granularity = parallax.Day
		}
	} else if out.Granularity == parallax.Day {
		r.ctx, r.ctxAnchor, r.ctxPara = out.Value, out.Anchor, mt.para
	}
	return out
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
// the most recent such day before ref, "next" and a future-tense clause
// the first one after.
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
		if fwd == 0 {
			fwd = 7
		}
		return ref.AddDate(0, 0, fwd)
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
