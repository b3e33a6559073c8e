package dates

import (
	"slices"
	"time"
)

const (
	minYear = 1800 // a bare four-digit number outside [minYear, maxYear] is no year
	maxYear = 2200
	// The window searched for the year in which a month-day falls on a
	// weekday, and the latest year taken when nothing bounds it from below.
	inferFirst = 1990
	inferLast  = 2035
	horizon    = 2030
)

// event is a day already placed on the calendar, with the sentence that
// tells it.
type event struct {
	a    *article
	sent int
	d    time.Time
}

// infer fills ref (or year) for the articles whose publication date is
// unknown, following the heuristic documented on FindStory.
func infer(arts []*article) {
	need := false
	for _, a := range arts {
		if a.ref.IsZero() && len(a.ments) > 0 {
			need = true
		}
	}
	if !need {
		return
	}
	var fixed []event
	for _, a := range arts {
		a.words = contentWords(a)
		if !a.ref.IsZero() {
			a.res = a.resolve()
			fixed = append(fixed, a.events()...)
			continue
		}
		for _, m := range a.ments {
			if m.form == fDate {
				fixed = append(fixed, event{a, m.sent, day(m.y, m.m, m.d)})
			}
		}
	}
	year := storyYear(arts, fixed)
	for changed := true; changed; {
		changed = false
		for _, a := range arts {
			if !a.ref.IsZero() {
				continue
			}
			d, ahead, ok := a.pin(arts, fixed, year)
			if !ok {
				continue
			}
			a.ref, a.anchor = a.reference(d, ahead, year), Inferred
			a.res = a.resolve()
			fixed = append(fixed, a.events()...)
			changed = true
		}
	}
	for _, a := range arts {
		if a.ref.IsZero() {
			a.year = year
		}
	}
}

// events lists the days a resolved article mentions.
func (a *article) events() []event {
	var out []event
	for i, m := range a.ments {
		switch m.form {
		case fDate, fMonthDay, fWeekday, fRelDay, fContext:
			if d := a.res[i].date; !d.Value.IsZero() {
				out = append(out, event{a, m.sent, d.Value})
			}
		}
	}
	return out
}

// storyYear votes for the year as described on FindStory; 0 means no
// evidence.
func storyYear(arts []*article, fixed []event) int {
	votes := map[int]int{}
	agree := func(m time.Month, d int, wd time.Weekday) {
		for y := inferFirst; y <= inferLast; y++ {
			if validDay(y, m, d) && day(y, m, d).Weekday() == wd {
				votes[y]++
			}
		}
	}
	lower := 0
	for _, a := range arts {
		if !a.ref.IsZero() {
			lower = max(lower, a.ref.Year())
			continue
		}
		for _, m := range a.ments {
			switch m.form {
			case fDate, fMonthYear, fYear:
				if m.lean <= 0 {
					lower = max(lower, m.y)
				}
			}
			switch {
			case m.form == fMonthDay && m.hasWD:
				agree(m.m, m.d, m.wd)
			case m.form == fWeekday && m.rel == 0:
				for _, e := range fixed {
					if e.d.Weekday() == m.wd && coref(a, m.sent, e.a, e.sent) {
						votes[e.d.Year()]++
					}
				}
				for _, b := range arts {
					if !b.ref.IsZero() {
						continue
					}
					for _, md := range b.ments {
						if md.form == fMonthDay && coref(a, m.sent, b, md.sent) {
							agree(md.m, md.d, m.wd)
						}
					}
				}
			case m.form == fMonthDay:
				for _, e := range fixed {
					if e.d.Month() == m.m && e.d.Day() == m.d && coref(a, m.sent, e.a, e.sent) {
						votes[e.d.Year()]++
					}
				}
			}
		}
	}
	best := 0
	var cands []int
	for y, v := range votes {
		switch {
		case v > best:
			best, cands = v, []int{y}
		case v == best:
			cands = append(cands, y)
		}
	}
	if best == 0 {
		return 0
	}
	slices.Sort(cands)
	if lower > 0 {
		for _, y := range cands {
			if y >= lower {
				return y
			}
		}
		return cands[len(cands)-1]
	}
	for i := len(cands) - 1; i >= 0; i-- {
		if cands[i] <= horizon {
			return cands[i]
		}
	}
	return cands[0]
}

// reference picks the stand-in publication date of an article pinned by
// a mention on day d. Days the article places without a reference (the
// pinned one, written dates, month-days in the story year) within ten days
// of d bound it: not before the latest one told in the past tense, not
// after the first one told as ahead. A report usually comes out the day
// of or the day after the last event it tells, and the day before or of
// the next one, so at most two days remain; of those it takes the one
// under which the article's bare weekdays lie closest to publication
// ("said Wednesday" in a Wednesday report), the earlier on a tie.
func (a *article) reference(d time.Time, ahead bool, year int) time.Time {
	var lo, hi time.Time
	note := func(v time.Time, ahead bool) {
		if dist := v.Sub(d); dist > 10*24*time.Hour || dist < -10*24*time.Hour {
			return
		}
		switch {
		case ahead && (hi.IsZero() || v.Before(hi)):
			hi = v
		case !ahead && v.After(lo):
			lo = v
		}
	}
	note(d, ahead)
	for _, m := range a.ments {
		switch {
		case m.form == fDate:
			note(day(m.y, m.m, m.d), m.lean > 0)
		case m.form == fMonthDay && year != 0 && validDay(year, m.m, m.d):
			note(day(year, m.m, m.d), m.lean > 0)
		}
	}
	var from, to time.Time
	switch {
	case lo.IsZero():
		from, to = hi.AddDate(0, 0, -1), hi
	case hi.IsZero():
		from, to = lo, lo.AddDate(0, 0, 1)
	case hi.Before(lo): // the evidence disagrees: trust the pinned mention
		from = d
		if ahead {
			from = d.AddDate(0, 0, -1)
		}
		to = from
	default:
		from, to = lo, lo.AddDate(0, 0, 1)
		if hi.Before(to) {
			to = hi
		}
	}
	best, bestScore := from, -1
	for p := from; !p.After(to); p = p.AddDate(0, 0, 1) {
		score := 0
		for _, m := range a.ments {
			if m.form == fWeekday && m.rel == 0 {
				score += absDays(weekday(p, m.wd, 0, m.lean).Sub(p))
			}
		}
		if bestScore < 0 || score < bestScore {
			best, bestScore = p, score
		}
	}
	return best
}

func absDays(d time.Duration) int {
	n := int(d.Hours() / 24)
	if n < 0 {
		return -n
	}
	return n
}

// pin finds the first mention of a that the evidence places on a date.
// ahead reports that the mention's clause looks to the future.
func (a *article) pin(arts []*article, fixed []event, year int) (d time.Time, ahead, ok bool) {
	for _, m := range a.ments {
		ahead = m.lean > 0
		switch {
		case m.form == fMonthDay && m.hasWD:
			if year != 0 && validDay(year, m.m, m.d) && day(year, m.m, m.d).Weekday() == m.wd {
				return day(year, m.m, m.d), ahead, true
			}
		case m.form == fWeekday && m.rel == 0:
			for _, e := range fixed {
				if e.d.Weekday() == m.wd && coref(a, m.sent, e.a, e.sent) {
					return e.d, ahead, true
				}
			}
			if year == 0 {
				continue
			}
			for _, b := range arts {
				if !b.ref.IsZero() && b != a {
					continue
				}
				for _, md := range b.ments {
					if md.form == fMonthDay && validDay(year, md.m, md.d) &&
						day(year, md.m, md.d).Weekday() == m.wd && coref(a, m.sent, b, md.sent) {
						return day(year, md.m, md.d), ahead, true
					}
				}
			}
		case m.form == fMonthDay:
			for _, e := range fixed {
				if e.d.Month() == m.m && e.d.Day() == m.d && coref(a, m.sent, e.a, e.sent) {
					return e.d, ahead, true
				}
			}
			if year == 0 || !validDay(year, m.m, m.d) {
				continue
			}
			wd := day(year, m.m, m.d).Weekday()
			for _, b := range arts {
				if !b.ref.IsZero() && b != a {
					continue
				}
				for _, w := range b.ments {
					if w.form == fWeekday && w.rel == 0 && w.wd == wd && coref(a, m.sent, b, w.sent) {
						return day(year, m.m, m.d), ahead, true
					}
				}
			}
		}
	}
	return time.Time{}, false, false
}

// coref reports whether sentence sa of a and sentence sb of b plausibly
// tell the same event: they share a number and two more content words,
// or at least five content words making up half of the shorter sentence.
// Two dates in one sentence are taken as two events.
func coref(a *article, sa int, b *article, sb int) bool {
	if a == b && sa == sb {
		return false
	}
	if sa < 0 || sa >= len(a.words) || sb < 0 || sb >= len(b.words) {
		return false
	}
	x, y := a.words[sa], b.words[sb]
	shared, nums := 0, 0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			shared++
			if x[i][0] == '#' {
				nums++
			}
			i++
			j++
		}
	}
	if nums > 0 && shared >= 3 {
		return true
	}
	return shared >= 5 && 2*shared >= min(len(x), len(y))
}

// contentWords lists, per sentence, the distinct words that carry its
// content (numbers prefixed with "#"), leaving out stop words and the
// date expressions themselves.
func contentWords(a *article) [][]string {
	if len(a.toks) == 0 {
		return nil
	}
	out := make([][]string, a.toks[len(a.toks)-1].sent+1)
	k := 0
	for _, t := range a.toks {
		for k < len(a.ments) && a.ments[k].span.End <= t.start {
			k++
		}
		if k < len(a.ments) && a.ments[k].span.Start <= t.start {
			continue
		}
		var key string
		switch {
		case t.kind == number:
			key = "#" + t.lower
		case t.kind == word && len(t.lower) >= 3 && !stopWords[t.lower]:
			key = t.lower
			if len(key) > 4 && key[len(key)-1] == 's' && key[len(key)-2] != 's' {
				key = key[:len(key)-1] // crude plural folding: prisoners/prisoner
			}
		default:
			continue
		}
		out[t.sent] = append(out[t.sent], key)
	}
	for i, s := range out {
		slices.Sort(s)
		out[i] = slices.Compact(s)
	}
	return out
}

var stopWords = map[string]bool{
	"the": true, "and": true, "for": true, "that": true, "with": true, "was": true,
	"were": true, "has": true, "have": true, "had": true, "will": true, "would": true,
	"are": true, "from": true, "this": true, "his": true, "her": true, "its": true,
	"their": true, "they": true, "them": true, "which": true, "who": true, "also": true,
	"but": true, "not": true, "been": true, "after": true, "into": true, "over": true,
	"than": true, "then": true, "more": true, "each": true, "about": true, "what": true,
	"when": true, "where": true, "there": true, "these": true, "those": true, "other": true,
	"some": true, "any": true, "all": true, "can": true, "could": true, "should": true,
	"may": true, "might": true, "our": true, "out": true, "off": true, "one": true,
	"two": true, "said": true, "says": true, "told": true, "added": true, "according": true,
	"she": true, "him": true, "you": true, "she's": true, "it's": true, "while": true,
	"during": true, "before": true, "between": true, "because": true, "such": true,
	"very": true, "just": true, "only": true, "most": true, "being": true, "did": true,
	"does": true, "how": true, "why": true, "now": true, "set": true, "day": true,
	"week": true, "month": true, "year": true, "years": true, "days": true, "weeks": true,
	"months": true, "last": true, "next": true, "earlier": true, "later": true,
}
