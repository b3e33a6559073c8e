// Package dates finds date expressions in news text and places them on the
// calendar: written dates ("March 19, 2025", "2025-03-19", "3/19/25",
// "the tenth of September, two thousand"), dates missing their year
// ("March 19", "mid-March", "Friday the 14th", "on the 27th"), years,
// quarters and decades ("in 2022", "Q3 2016", "the 1990s"), ranges
// ("from March 3 to 5", "between 2019 and 2022", "November 19-20") and
// expressions relative to the publication date ("on Tuesday", "last week",
// "this weekend", "three years ago", "the next three days", "the rest of
// the week", "earlier in the day").
//
// Find reports each expression as a parallax.Date: the calendar unit (day,
// ISO week, month, year) that holds it, or a range as its two ends.
// Periods reports the same expressions with the stretch of calendar each
// covers, which a parallax.Date cannot hold ("this weekend" is two days,
// "from March 3 to 5" three).
//
// Weekdays lean to the past, as news reports mostly tell what happened,
// unless their clause looks ahead ("will", "set to", "scheduled",
// "expected to", "would"...); "next Friday" is the Friday of next week.
// When the publication date is unknown the package infers it from
// evidence inside the article (a weekday written next to its month-day,
// or a weekday and a month-day in two sentences that tell the same event)
// or, with FindStory, across several reports of the same events.
// Everything is deterministic: the package never reads the clock.
package dates

import (
	"fmt"
	"time"

	"github.com/parallax-news/parallax"
)

// Find returns every date expression in text, in text order, resolved
// against the publication date published (zero when unknown).
//
// A month-day without a year takes the occurrence closest to the
// publication date. With published zero, the year and a stand-in
// publication date are inferred as described in FindStory, applied to
// this one text; expressions that still cannot be placed come back with
// Anchor "unresolved" and a zero Value.
func Find(text string, published time.Time) []parallax.Date {
	return FindStory([]string{text}, []time.Time{published})[0]
}

// FindStory is Find for several reports of the same events, so that an
// article without a publication date can borrow evidence from the others:
// "exchange 175 prisoners on Wednesday" in one report and "swap 175
// prisoners on March 19" in another fix both the year and the week.
// published[i] belongs to texts[i]; missing entries count as unknown.
//
// For each text whose publication date is unknown the heuristic is:
//
//  1. Pair evidence: a weekday written with its month-day ("Wednesday,
//     March 19"), or a weekday and a month-day in two different sentences
//     that share enough content (a number and two more words, or many
//     words) to tell the same event. A pair agrees with year Y when the
//     month-day falls on the weekday in Y; dates already fixed (written
//     with a year, or resolved in a dated text) vote for their own year.
//  2. The story year is the year in [1990, 2035] with the most votes. Ties,
//     which recur every 5-11 years, go to the first candidate not before
//     the latest year written in past context in the story (articles cite
//     recent years), or, with no year written at all, to the latest
//     candidate up to 2030.
//  3. The first mention of a text that a pair places on a date pins the
//     text. Its stand-in publication date is the day of or after the last
//     nearby event told in the past tense, or the day of or before the
//     next event told as ahead, whichever of the two candidate days puts
//     the text's bare weekdays closest to it. Relative expressions are then
//     resolved against it, with Anchor "inferred". Pinned texts add their
//     dates to the evidence for the others, until nothing changes.
//
// Unpinned texts still give month-days and months the story year.
func FindStory(texts []string, published []time.Time) [][]parallax.Date {
	arts := story(texts, published)
	out := make([][]parallax.Date, len(arts))
	for i, a := range arts {
		out[i] = a.found()
	}
	return out
}

// story analyzes and resolves the texts of one story.
func story(texts []string, published []time.Time) []*article {
	arts := make([]*article, len(texts))
	for i, text := range texts {
		toks := tokenize(text)
		a := &article{text: text, toks: toks, ments: mentions(text, toks)}
		if i < len(published) && !published[i].IsZero() {
			a.ref, a.anchor = calendarDay(published[i]), Publication
		}
		arts[i] = a
	}
	infer(arts)
	for _, a := range arts {
		if a.res == nil || a.ref.IsZero() {
			a.res = a.resolve()
		}
	}
	return arts
}

// found lists the article's dates as Find reports them: each mention as
// the calendar unit that holds it; a range as its two ends, so that no
// reader takes "from March 3 to 5" for one day; an unresolved mention
// with Anchor "unresolved". Periods no unit holds (a decade, "the past
// three years") are left out.
func (a *article) found() []parallax.Date {
	out := make([]parallax.Date, 0, len(a.res))
	for i, r := range a.res {
		switch {
		case a.ments[i].to != nil:
			out = append(out, r.date, *r.to)
		case r.date.Granularity != "":
			out = append(out, r.date)
		}
	}
	return out
}

// ISO formats a resolved date at its granularity: "2025-03-19",
// "2025-03", "2025" or the ISO week "2025-W12". It returns "" for an
// unresolved date.
func ISO(d parallax.Date) string {
	v := d.Value
	if v.IsZero() {
		return ""
	}
	switch d.Granularity {
	case parallax.Year:
		return fmt.Sprintf("%04d", v.Year())
	case parallax.Month:
		return fmt.Sprintf("%04d-%02d", v.Year(), int(v.Month()))
	case parallax.Week:
		y, w := v.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return v.Format("2006-01-02")
}

// article is one text under analysis.
type article struct {
	text  string
	toks  []token
	ments []mention
	ref   time.Time // publication date, given or inferred; zero if unknown
	// anchor is the Anchor of dates computed from ref.
	anchor string
	year   int // story year for texts left without ref
	res    []result
	words  [][]string // content words of each sentence, sorted, for co-reference
}

func (a *article) resolve() []result {
	r := resolver{ref: a.ref, anchor: a.anchor, year: a.year}
	out := make([]result, len(a.ments))
	for i, m := range a.ments {
		out[i] = r.resolve(m)
	}
	return out
}
