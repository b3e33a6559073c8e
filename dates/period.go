package dates

import (
	"time"

	"github.com/parallax-news/parallax"
)

// Period is a date expression with the stretch of calendar it covers,
// [Start, End). It says more than a parallax.Date can: "from March 3 to
// 5" covers three days, "this weekend" two, "the third quarter" three
// months.
type Period struct {
	Span  parallax.Span
	Start time.Time // first day covered, UTC midnight; zero when unresolved
	End   time.Time // the day after the last one covered
	// Unit is the granularity of the expression's last calendar unit:
	// Day for "from March 3 to 5", Month for "from January to March".
	Unit   parallax.Granularity
	Anchor string
}

// Periods returns every date expression in text, in text order, with the
// stretch of calendar it covers, resolved as Find resolves it. A range is
// one Period spanning both ends ("from March 3 to 5"), where Find reports
// the two ends. An expression that cannot be placed has zero Start and
// End.
func Periods(text string, published time.Time) []Period {
	a := story([]string{text}, []time.Time{published})[0]
	out := make([]Period, len(a.res))
	for i, r := range a.res {
		out[i] = Period{Span: a.ments[i].span, Start: r.start, End: r.end, Unit: r.unit, Anchor: r.date.Anchor}
		if r.to != nil && r.to.Anchor != Absolute {
			out[i].Anchor = r.to.Anchor
		}
		if r.start.IsZero() {
			out[i].Anchor = Unresolved
		}
	}
	return out
}

// Date returns the smallest calendar unit (day, ISO week, month, year)
// that contains the period, as Find reports it; ok is false when the
// period is unresolved or no single unit contains it (a decade, a range
// across a new year).
func (p Period) Date() (d parallax.Date, ok bool) {
	d = parallax.Date{Span: p.Span, Anchor: p.Anchor}
	if p.Start.IsZero() {
		return d, false
	}
	for _, g := range []parallax.Granularity{parallax.Day, parallax.Week, parallax.Month, parallax.Year} {
		v := unitStart(p.Start, g)
		d.Value, d.Granularity = v, g
		if !p.End.After(End(d)) {
			return d, true
		}
	}
	return d, false
}

// End returns the day after the last day of d's period: Value plus one
// Granularity. It is zero for an unresolved date.
func End(d parallax.Date) time.Time {
	v := d.Value
	if v.IsZero() {
		return v
	}
	switch d.Granularity {
	case parallax.Week:
		return v.AddDate(0, 0, 7)
	case parallax.Month:
		return v.AddDate(0, 1, 0)
	case parallax.Year:
		return v.AddDate(1, 0, 0)
	}
	return v.AddDate(0, 0, 1)
}

// unitStart returns the first day of the unit of granularity g that holds t.
func unitStart(t time.Time, g parallax.Granularity) time.Time {
	switch g {
	case parallax.Week:
		return monday(t)
	case parallax.Month:
		return day(t.Year(), t.Month(), 1)
	case parallax.Year:
		return day(t.Year(), 1, 1)
	}
	return day(t.Year(), t.Month(), t.Day())
}
