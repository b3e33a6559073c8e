package web

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// valueText writes a variant's normalized value for reading ("about 3,000
// people", "more than 10 hours", "3 March 2026"), "" when it has none.
func valueText(v parallax.VariantValue) string {
	switch {
	case v.Date != "":
		return dateLabel(v.Date, v.Granularity)
	case v.Lo != nil:
		lo := *v.Lo
		q := v.Qualifier
		switch {
		case v.Hi == nil:
			if q == "" {
				q = "at_least"
			}
			return qualifierWords[q] + amount(lo, v.Unit)
		case *v.Hi == lo:
			return qualifierWords[q] + amount(lo, v.Unit)
		case q == "about" || q == "nearly":
			// "about 3,000" is stored as a band around 3,000.
			return qualifierWords[q] + amount((lo+*v.Hi)/2, v.Unit)
		default:
			hi := *v.Hi
			if v.Unit == "minute" && wholeHours(lo) && wholeHours(hi) {
				return number(lo/60) + "–" + amount(hi, v.Unit)
			}
			return number(lo) + "–" + amount(hi, v.Unit)
		}
	case v.Term != "":
		return v.Term
	}
	return ""
}

var qualifierWords = map[string]string{
	"more_than": "more than ", "at_least": "at least ", "less_than": "less than ",
	"at_most": "at most ", "about": "about ", "nearly": "nearly ", "up_to": "up to ",
}

// amount writes a number with its unit, whole hours as hours.
func amount(x float64, unit string) string {
	if unit == "minute" && wholeHours(x) {
		x, unit = x/60, "hour"
	}
	if unit == "" {
		return number(x)
	}
	return number(x) + " " + unitWord(unit, x)
}

func wholeHours(x float64) bool { return x >= 60 && math.Mod(x, 60) == 0 }

func unitWord(unit string, x float64) string {
	if x == 1 {
		return unit
	}
	switch unit {
	case "person":
		return "people"
	case "percent", "USD", "EUR", "GBP":
		return unit
	}
	if strings.HasSuffix(unit, "s") {
		return unit
	}
	return unit + "s"
}

// number writes x with thousands separators and at most two decimals.
func number(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if math.Abs(x-math.Round(x)) > 0 {
		s = strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// dateLabel writes a brief's ISO date for reading: "3 March 2026", "March
// 2026", "week 10 of 2026", "2026"; the date as given when it is none of
// those.
func dateLabel(date, granularity string) string {
	t, g, ok := parseDate(date)
	if !ok {
		return date
	}
	if granularity == "" {
		granularity = g
	}
	switch granularity {
	case "day":
		return t.Format("2 January 2006")
	case "week":
		y, w := t.ISOWeek()
		return "week " + strconv.Itoa(w) + " of " + strconv.Itoa(y)
	case "month":
		return t.Format("January 2006")
	case "year":
		return t.Format("2006")
	}
	return date
}

// parseDate reads YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www as the first day of
// the period, with the granularity the form implies.
func parseDate(s string) (time.Time, string, bool) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, "day", true
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t, "month", true
	}
	if y, w, ok := strings.Cut(s, "-W"); ok {
		year, err1 := strconv.Atoi(y)
		week, err2 := strconv.Atoi(w)
		if err1 != nil || err2 != nil || week < 1 || week > 53 || len(y) != 4 {
			return time.Time{}, "", false
		}
		// ISO week 1 holds January 4; weeks start on Monday.
		jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return monday.AddDate(0, 0, 7*(week-1)), "week", true
	}
	if len(s) == 4 {
		if t, err := time.Parse("2006", s); err == nil {
			return t, "year", true
		}
	}
	return time.Time{}, "", false
}
