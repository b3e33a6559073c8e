package recognizers

// Date scoring. A case of DateParser.json or DatePeriodParser.json passes
// when dates.Periods, run on its Input with the case's
// Context.ReferenceDateTime as the publication date (zero when the case has
// none), returns for every expected result a period with exactly the
// expected span (Start and Length, counted in characters) whose value
// matches:
//
//   - The expected value is read from the Future and the Past resolution,
//     which differ only when the text leaves something open (no year, no
//     month, a bare weekday): "date" is the one day [d, d+1),
//     "startDate"/"endDate" the stretch [start, end). Our period
//     [Start, End) matches when it equals either of them. For a range
//     Timex ("(2016-11-04,2016-11-22,P18D)") the suite writes the end as
//     the first day of the range's last unit, so the end also matches when
//     it equals End minus one Unit of ours.
//   - Or the Timex names a whole calendar unit: a year ("2016", "XXXX"), a
//     month ("2016-11", "XXXX-02"), an ISO week ("2016-W46") or a day
//     ("2016-11-07", "XXXX-03-19", "XXXX-XX-15"). Then our Date (the
//     smallest calendar unit holding the period, what dates.Find reports)
//     must be that unit, with the X parts taken from the year (and month)
//     of the Future or the Past resolution's start. So a year-less
//     "XXXX-03-19" passes when month and day match and our year is that
//     of the expected Past or Future date; "late this month" passes as the
//     month its Timex names.
//   - A resolution with one bound only ("more than 2 weeks after today"
//     starts on a day and never ends) matches a period with that bound.
//   - An expected date that does not exist (resolution "0001-01-01", as
//     for "Feb 30") passes when we resolve nothing at that span.
//
// Extra findings of ours are ignored, except in cases that expect no
// result, which pass only when we resolve nothing at all. Expressions
// Parallax does not represent count as failures: times of day, seasons
// (their resolution is empty, so nothing can match) and references to an
// event the text does not date ("the same week that it happened").
// Accuracy is passed cases over all cases; NotSupported and
// NotSupportedByDesign (which name other ports of Recognizers-Text, not
// the .NET reference that passes every case) skip nothing.

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/dates"
)

// dateDefinition is the one-sentence definition shared by both date
// scores.
const dateDefinition = "share of cases where dates.Periods, given the case's reference date as publication date, " +
	"returns each expected span (start, length) with a value equal to the expected future or past resolution " +
	"(range ends read inclusively or exclusively) or to the calendar unit its Timex names, X parts filled from those resolutions; " +
	"cases expecting nothing pass when nothing resolves, and seasons and times of day count as failures"

// DateParser scores date expressions (days) on
// DateTime/English/DateParser.json under dir.
func DateParser(dir string) (parallax.Score, error) {
	return dateScore(dir, "DateParser")
}

// DatePeriodParser scores date periods (weeks, months, years, quarters,
// ranges) on DateTime/English/DatePeriodParser.json under dir.
func DatePeriodParser(dir string) (parallax.Score, error) {
	return dateScore(dir, "DatePeriodParser")
}

func dateScore(dir, name string) (parallax.Score, error) {
	cases, err := dateLoad(dir, name+".json")
	if err != nil {
		return parallax.Score{}, err
	}
	correct, err := dateCount(cases)
	if err != nil {
		return parallax.Score{}, fmt.Errorf("%s: %w", name, err)
	}
	s := parallax.Score{
		Suite:      "recognizers/" + name,
		Metric:     "accuracy",
		Correct:    correct,
		Total:      len(cases),
		Definition: dateDefinition,
	}
	if s.Total > 0 {
		s.Value = float64(s.Correct) / float64(s.Total)
	}
	return s, nil
}

// dateCount returns how many cases pass.
func dateCount(cases []dateCase) (int, error) {
	n := 0
	for i, c := range cases {
		ok, err := datePass(c)
		if err != nil {
			return 0, fmt.Errorf("case %d (%q): %w", i, c.Input, err)
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// datePass scores one case as described in the file comment.
func datePass(c dateCase) (bool, error) {
	ref, err := c.dateReference()
	if err != nil {
		return false, err
	}
	got := dates.Periods(c.Input, ref)
	if len(c.Results) == 0 {
		for _, p := range got {
			if !p.Start.IsZero() {
				return false, nil
			}
		}
		return true, nil
	}
	for _, r := range c.Results {
		p, ok := dateAt(c.Input, got, r.Start, r.Length)
		if dateNonexistent(r) {
			if ok && !p.Start.IsZero() {
				return false, nil
			}
			continue
		}
		if !ok || !dateMatch(p, r) {
			return false, nil
		}
	}
	return true, nil
}

// dateAt finds the period whose span, counted in characters, starts at
// start and is length characters long.
func dateAt(text string, ps []dates.Period, start, length int) (dates.Period, bool) {
	for _, p := range ps {
		s, e := p.Span.Start, p.Span.End
		if s < 0 || e > len(text) || s > e {
			continue
		}
		if utf8.RuneCountInString(text[:s]) == start && utf8.RuneCountInString(text[s:e]) == length {
			return p, true
		}
	}
	return dates.Period{}, false
}

// dateInterval is an expected stretch [start, end).
type dateInterval struct{ start, end time.Time }

// dateInvalid is how the suite writes a date that does not exist.
const dateInvalid = "0001-01-01"

// dateNonexistent reports whether r expects a date that does not exist.
func dateNonexistent(r dateResult) bool {
	return r.Value.FutureResolution["date"] == dateInvalid || r.Value.PastResolution["date"] == dateInvalid
}

// dateMatch reports whether our period p has the value r expects.
func dateMatch(p dates.Period, r dateResult) bool {
	var want []dateInterval
	for _, res := range []map[string]string{r.Value.FutureResolution, r.Value.PastResolution} {
		if iv, ok := dateResolution(res); ok {
			want = append(want, iv)
		}
	}
	if p.Start.IsZero() {
		return false
	}
	timex := r.Value.Timex
	for _, iv := range want {
		switch {
		case iv.start.Equal(p.Start) && iv.end.Equal(p.End):
			return true
		case iv.end.IsZero() && iv.start.Equal(p.Start), iv.start.IsZero() && iv.end.Equal(p.End):
			// An open stretch ("more than 2 weeks after today"): its
			// one written bound must be ours.
			return true
		}
		if strings.HasPrefix(timex, "(") && iv.start.Equal(p.Start) && iv.end.Equal(dateLastUnit(p)) {
			return true
		}
	}
	d, ok := p.Date()
	if !ok {
		return false
	}
	for _, iv := range want {
		if u, g, ok := dateTimexUnit(timex, iv.start); ok && g == d.Granularity && u.Equal(d.Value) {
			return true
		}
	}
	return false
}

// dateResolution reads one resolution: {"date": d} or {"startDate": s,
// "endDate": e}.
func dateResolution(res map[string]string) (dateInterval, bool) {
	if s, ok := res["date"]; ok {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return dateInterval{}, false
		}
		return dateInterval{d, d.AddDate(0, 0, 1)}, true
	}
	s, err1 := time.Parse(time.DateOnly, res["startDate"])
	e, err2 := time.Parse(time.DateOnly, res["endDate"])
	if err1 != nil && err2 != nil {
		return dateInterval{}, false
	}
	return dateInterval{s, e}, true
}

// dateLastUnit returns the first day of the last unit of p: End minus
// one Unit.
func dateLastUnit(p dates.Period) time.Time {
	switch p.Unit {
	case parallax.Week:
		return p.End.AddDate(0, 0, -7)
	case parallax.Month:
		return p.End.AddDate(0, -1, 0)
	case parallax.Year:
		return p.End.AddDate(-1, 0, 0)
	}
	return p.End.AddDate(0, 0, -1)
}

// dateTimexUnit reads a Timex naming one calendar unit ("2016", "XXXX-02",
// "2016-W46", "XXXX-XX-15") and returns the unit's first day and
// granularity, taking X parts from fill. ok is false for any other
// Timex (ranges, weekdays, weekends, seasons) or a unit that does not
// exist.
func dateTimexUnit(timex string, fill time.Time) (time.Time, parallax.Granularity, bool) {
	parts := strings.Split(timex, "-")
	year, ok := dateTimexNum(parts[0], 4, fill.Year())
	if !ok {
		return time.Time{}, "", false
	}
	switch {
	case len(parts) == 1:
		return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), parallax.Year, true
	case len(parts) == 2 && strings.HasPrefix(parts[1], "W"):
		w, ok := dateTimexNum(parts[1][1:], 2, -1)
		if !ok || w < 1 || w > 53 {
			return time.Time{}, "", false
		}
		// ISO week 1 holds January 4.
		jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return mon, parallax.Week, true
	}
	month, ok := dateTimexNum(parts[1], 2, int(fill.Month()))
	if !ok || month < 1 || month > 12 {
		return time.Time{}, "", false
	}
	switch len(parts) {
	case 2:
		return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), parallax.Month, true
	case 3:
		d, ok := dateTimexNum(parts[2], 2, -1)
		t := time.Date(year, time.Month(month), d, 0, 0, 0, 0, time.UTC)
		if !ok || t.Day() != d {
			return time.Time{}, "", false
		}
		return t, parallax.Day, true
	}
	return time.Time{}, "", false
}

// dateTimexNum reads a Timex field of n digits, or n X's standing for
// fill (refused when fill < 0).
func dateTimexNum(s string, n, fill int) (int, bool) {
	if len(s) != n {
		return 0, false
	}
	if s == strings.Repeat("X", n) {
		return fill, fill >= 0
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}
