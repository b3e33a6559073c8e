package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
)

// variantValue renders a variant's normalized value for people: ">120 min",
// "1,080–1,320 residents", "2025-03-23", or the scope term.
func variantValue(v parallax.VariantValue) string {
	switch {
	case v.Date != "":
		return v.Date
	case v.Lo != nil || v.Hi != nil:
		return quantity(v.Lo, v.Hi, v.Unit, v.Qualifier)
	case v.Term != "":
		return v.Term
	}
	return ""
}

// interval renders a Document quantity's interval the same way.
func interval(iv parallax.Interval, unit, qualifier string) string {
	var lo, hi *float64
	if !math.IsInf(iv.Lo, -1) && !math.IsNaN(iv.Lo) {
		lo = &iv.Lo
	}
	if !math.IsInf(iv.Hi, 1) && !math.IsNaN(iv.Hi) {
		hi = &iv.Hi
	}
	return quantity(lo, hi, unit, qualifier)
}

// quantity renders an interval with its bound words as symbols. A nil hi is
// unbounded above, a nil lo unbounded below.
func quantity(lo, hi *float64, unit, qualifier string) string {
	switch {
	case lo == nil && hi == nil:
		return "?"
	case hi == nil:
		op := "≥"
		if qualifier == "more_than" {
			op = ">"
		}
		return op + amounts(unit, *lo)
	case lo == nil || (*lo == 0 && *hi > 0 && upperOnly(qualifier)):
		op := "≤"
		if qualifier == "less_than" {
			op = "<"
		}
		return op + amounts(unit, *hi)
	case *lo == *hi:
		return exactPrefix(qualifier) + amounts(unit, *lo)
	}
	pre := ""
	if qualifier == "about" || qualifier == "nearly" {
		pre = "~"
	}
	return pre + amounts(unit, *lo, *hi)
}

func upperOnly(q string) bool {
	return q == "less_than" || q == "at_most" || q == "up_to"
}

func exactPrefix(q string) string {
	switch q {
	case "about":
		return "~"
	case "nearly":
		return "nearly "
	case "more_than":
		return ">"
	case "at_least":
		return "≥"
	case "less_than":
		return "<"
	case "at_most", "up_to":
		return "≤"
	}
	return ""
}

// amounts renders one value or a lo–hi range in unit, naming the unit once.
func amounts(unit string, vs ...float64) string {
	if unit == "minute" {
		return durations(vs...)
	}
	nums := make([]string, len(vs))
	for i, v := range vs {
		nums[i] = number(v, unit != "percent")
	}
	n := strings.Join(nums, "–")
	switch unit {
	case "":
		return n
	case "percent":
		return n + "%"
	case "USD":
		return "$" + n
	case "EUR":
		return "€" + n
	case "GBP":
		return "£" + n
	}
	if isCurrencyCode(unit) {
		return n + " " + unit
	}
	if len(vs) == 1 && vs[0] == 1 {
		return n + " " + unit
	}
	return n + " " + pluralize(unit)
}

func isCurrencyCode(u string) bool {
	if len(u) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}

// pluralize makes a canonical unit noun plural: "resident" → "residents",
// "casualty" → "casualties". Units already plural or abbreviated stay.
func pluralize(u string) string {
	if i := strings.Index(u, " of "); i > 0 { // "prisoner of war"
		return pluralize(u[:i]) + u[i:]
	}
	if i := strings.LastIndexByte(u, ' '); i >= 0 { // "wounded soldier"
		return u[:i+1] + pluralize(u[i+1:])
	}
	if u == "" || strings.HasSuffix(u, "s") || strings.Contains(u, "/") {
		return u
	}
	switch u {
	case "km", "m", "cm", "mm", "kg", "g", "t", "mi", "ft", "lb", "km2", "m2", "ha":
		return u
	case "person":
		return "people"
	case "child":
		return "children"
	case "man":
		return "men"
	case "woman":
		return "women"
	}
	if n := len(u); n > 1 && u[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(u[n-2])) {
		return u[:n-1] + "ies"
	}
	if strings.HasSuffix(u, "ch") || strings.HasSuffix(u, "sh") || strings.HasSuffix(u, "x") {
		return u + "es"
	}
	return u + "s"
}

// durations renders minutes at a scale people read: "150 min" below three
// hours, whole days as "30 days", whole hours as "6 h", else "2 h 30 min".
// One scale serves every value of a range so that "90–150 min" compares.
func durations(vs ...float64) string {
	maxv := 0.0
	allDays, allHours := true, true
	for _, v := range vs {
		a := math.Abs(v)
		maxv = math.Max(maxv, a)
		if math.Mod(a, 1440) != 0 {
			allDays = false
		}
		if math.Mod(a, 60) != 0 {
			allHours = false
		}
	}
	scaled := func(div float64, unit1, unitN string) string {
		nums := make([]string, len(vs))
		for i, v := range vs {
			nums[i] = number(v/div, false)
		}
		u := unitN
		if len(vs) == 1 && vs[0] == div {
			u = unit1
		}
		return strings.Join(nums, "–") + " " + u
	}
	switch {
	case maxv < 180 || maxv > 1e12 || math.IsInf(maxv, 0) || math.IsNaN(maxv):
		return scaled(1, "min", "min")
	case allDays:
		if maxv >= 7*1440 && allWeeks(vs) && maxv < 30*1440 {
			return scaled(7*1440, "week", "weeks")
		}
		return scaled(1440, "day", "days")
	case allHours && maxv < 2*1440:
		return scaled(60, "h", "h")
	}
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = hm(v)
	}
	return strings.Join(parts, "–")
}

func allWeeks(vs []float64) bool {
	for _, v := range vs {
		if math.Mod(v, 7*1440) != 0 {
			return false
		}
	}
	return true
}

// hm renders minutes as "2 h 30 min" or, past two days, "3 days 4 h".
func hm(v float64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	m := int64(math.Round(v))
	if m >= 2*1440 {
		d, h := m/1440, (m%1440)/60
		s := sign + strconv.FormatInt(d, 10) + " days"
		if h > 0 {
			s += " " + strconv.FormatInt(h, 10) + " h"
		}
		return s
	}
	h, mm := m/60, m%60
	s := sign + strconv.FormatInt(h, 10) + " h"
	if mm > 0 {
		s += " " + strconv.FormatInt(mm, 10) + " min"
	}
	return s
}

// number writes v with thousands separators and at most two decimals;
// with words, round millions and billions read as "2.5 million".
func number(v float64, words bool) string {
	switch {
	case math.IsNaN(v):
		return "?"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	}
	if words {
		a := math.Abs(v)
		for _, s := range []struct {
			div  float64
			name string
		}{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}} {
			if a >= s.div && a < s.div*1000 {
				q := v / s.div
				if r := math.Round(q*100) / 100; math.Abs(r-q) < 1e-9 {
					return trimZeros(strconv.FormatFloat(r, 'f', 2, 64)) + " " + s.name
				}
			}
		}
	}
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = trimZeros(s)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	if len(intPart) > 21 { // astronomically large: leave unformatted
		return sign + intPart + frac
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if sign == "-" && b.String() == "0" && frac == "" {
		sign = ""
	}
	return sign + b.String() + frac
}

func trimZeros(s string) string {
	if strings.IndexByte(s, '.') < 0 {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
