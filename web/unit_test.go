package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestParseSpan(t *testing.T) {
	text := "Zoë said it. Then more."
	tests := []struct {
		s        string
		want     parallax.Span
		ok, give bool
	}{
		{"", parallax.Span{}, false, false},
		{"0-12", span(0, 12), true, true},
		{"13-24", span(13, 24), true, true},
		{"0-25", parallax.Span{}, false, true}, // past the end
		{"5-5", parallax.Span{}, false, true},  // empty
		{"7-3", parallax.Span{}, false, true},  // reversed
		{"3-6", parallax.Span{}, false, true},  // inside "ë"
		{"-1-4", parallax.Span{}, false, true}, // negative
		{"a-b", parallax.Span{}, false, true},
		{"12", parallax.Span{}, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.s, func(t *testing.T) {
			sp, ok, given := parseSpan(tc.s, text)
			if ok != tc.ok || given != tc.give || (ok && sp != tc.want) {
				t.Errorf("parseSpan(%q) = %v %v %v, want %v %v %v", tc.s, sp, ok, given, tc.want, tc.ok, tc.give)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "First one. Second.\n\nThird here.\n\n\n\nLast."
	render := func(ps [][]piece) string {
		var b strings.Builder
		for _, p := range ps {
			b.WriteString("[")
			for _, x := range p {
				switch {
				case x.First:
					fmt.Fprintf(&b, "<M%s>", x.Text)
				case x.Mark:
					fmt.Fprintf(&b, "<m%s>", x.Text)
				default:
					b.WriteString(x.Text)
				}
			}
			b.WriteString("]")
		}
		return b.String()
	}
	tests := []struct {
		name string
		sp   parallax.Span
		mark bool
		want string
	}{
		{"none", parallax.Span{}, false, "[First one. Second.][Third here.][Last.]"},
		{"inside", span(11, 18), true, "[First one. <MSecond.>][Third here.][Last.]"},
		{"across", span(11, 25), true, "[First one. <MSecond.>][<mThird> here.][Last.]"},
		{"last", span(35, 40), true, "[First one. Second.][Third here.][<MLast.>]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(paragraphs(text, tc.sp, tc.mark)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestValueText(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	tests := []struct {
		v    parallax.VariantValue
		want string
	}{
		{parallax.VariantValue{Lo: f(1200), Hi: f(1200), Unit: "resident"}, "1,200 residents"},
		{parallax.VariantValue{Lo: f(2700), Hi: f(3300), Unit: "person", Qualifier: "about"}, "about 3,000 people"},
		{parallax.VariantValue{Lo: f(360), Hi: f(360), Unit: "minute"}, "6 hours"},
		{parallax.VariantValue{Lo: f(600), Unit: "minute", Qualifier: "more_than"}, "more than 10 hours"},
		{parallax.VariantValue{Lo: f(45), Hi: f(45), Unit: "minute"}, "45 minutes"},
		{parallax.VariantValue{Lo: f(1), Hi: f(1), Unit: "worker"}, "1 worker"},
		{parallax.VariantValue{Lo: f(5), Unit: "hour"}, "at least 5 hours"},
		{parallax.VariantValue{Lo: f(120), Hi: f(180), Unit: "minute"}, "2–3 hours"},
		{parallax.VariantValue{Lo: f(4.25), Hi: f(4.25), Unit: "percent"}, "4.25 percent"},
		{parallax.VariantValue{Date: "2026-03-03", Granularity: "day"}, "3 March 2026"},
		{parallax.VariantValue{Term: "residents"}, "residents"},
		{parallax.VariantValue{}, ""},
	}
	for _, tc := range tests {
		if got := valueText(tc.v); got != tc.want {
			t.Errorf("valueText(%+v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestDateLabel(t *testing.T) {
	tests := []struct{ date, gran, want string }{
		{"2026-03-03", "day", "3 March 2026"},
		{"2026-03", "month", "March 2026"},
		{"2026", "year", "2026"},
		{"2026-W10", "week", "week 10 of 2026"},
		{"2021-W01", "", "week 1 of 2021"},
		{"2026-W99", "week", "2026-W99"},
		{"soon", "", "soon"},
	}
	for _, tc := range tests {
		if got := dateLabel(tc.date, tc.gran); got != tc.want {
			t.Errorf("dateLabel(%q, %q) = %q, want %q", tc.date, tc.gran, got, tc.want)
		}
	}
	// ISO week 1 of 2021 starts on Monday 4 January.
	if d, _, _ := parseDate("2021-W01"); d.Format("2006-01-02") != "2021-01-04" {
		t.Errorf("2021-W01 starts %s", d.Format("2006-01-02"))
	}
}

func TestOutletColors(t *testing.T) {
	outlets := []string{"Continental Press", "The Riverside Gazette", "Northern Broadcast News", "Kessling Daily Ledger", "The Meridian Post", "Valley Herald"}
	a := outletColors(outlets)
	seen := map[int]string{}
	for _, o := range outlets {
		if other, ok := seen[a[o]]; ok {
			t.Errorf("%s and %s share color %d", o, other, a[o])
		}
		seen[a[o]] = o
	}
	// Colors follow the names, not the page: the same outlets get the same
	// colors, and the first outlet of a page has the color it has alone.
	b := outletColors(outlets)
	for _, o := range outlets {
		if a[o] != b[o] {
			t.Errorf("%s: color %d, then %d", o, a[o], b[o])
		}
		rest := append([]string{o}, outlets...)
		if alone, first := outletColors([]string{o})[o], outletColors(rest)[o]; alone != first {
			t.Errorf("%s: color %d alone, %d first among others", o, alone, first)
		}
	}
	// More outlets than colors still get a color each.
	var many []string
	for i := range 25 {
		many = append(many, fmt.Sprintf("Outlet %d", i))
	}
	m := outletColors(many)
	if len(m) != 25 {
		t.Errorf("%d of 25 outlets got a color", len(m))
	}
	for o, c := range m {
		if c < 0 || c >= paletteSize {
			t.Errorf("%s got color %d", o, c)
		}
	}
}

func TestChart(t *testing.T) {
	tl := []parallax.TimelineEntry{
		{Date: "2026-03-03", Text: "a"}, {Date: "2026-03-03", Text: "b"}, {Date: "2026-03-05", Text: "c"}, {Date: "bad", Text: "d"},
	}
	c := chartOf(tl, nil)
	if c == nil || c.Unit != "day" || len(c.X) != 3 || fmt.Sprint(c.Events) != "[2 0 1]" || fmt.Sprint(c.Texts) != "[[a b] [] [c]]" {
		t.Fatalf("chart = %+v", c)
	}
	if rows := c.Rows(); len(rows) != 2 || rows[0].Date != "2026-03-03" || rows[1].Events != 1 {
		t.Errorf("rows = %+v", rows)
	}
	// Two years apart: months.
	long := chartOf([]parallax.TimelineEntry{{Date: "2024-01-15", Text: "x"}, {Date: "2026-02-01", Text: "y"}}, nil)
	if long.Unit != "month" || len(long.X) != 26 || long.Events[0] != 1 || long.Events[25] != 1 {
		t.Errorf("long chart: %s, %d bins, %v", long.Unit, len(long.X), long.Events)
	}
	if chartOf(nil, nil) != nil {
		t.Error("a chart without dates")
	}
}

func span(start, end int) parallax.Span { return parallax.Span{Start: start, End: end} }
