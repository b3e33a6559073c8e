package report

import (
	"math"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestVariantValue(t *testing.T) {
	tests := []struct {
		name string
		v    parallax.VariantValue
		want string
	}{
		{"more than, unbounded", parallax.VariantValue{Lo: f64(120), Unit: "minute", Qualifier: "more_than"}, ">120 min"},
		{"at least, unbounded", parallax.VariantValue{Lo: f64(90), Unit: "minute", Qualifier: "at_least"}, "≥90 min"},
		{"unbounded, no qualifier", parallax.VariantValue{Lo: f64(90), Unit: "minute"}, "≥90 min"},
		{"exact minutes", parallax.VariantValue{Lo: f64(150), Hi: f64(150), Unit: "minute"}, "150 min"},
		{"about", parallax.VariantValue{Lo: f64(90), Hi: f64(90), Unit: "minute", Qualifier: "about"}, "~90 min"},
		{"nearly", parallax.VariantValue{Lo: f64(300), Hi: f64(300), Unit: "resident", Qualifier: "nearly"}, "nearly 300 residents"},
		{"days", parallax.VariantValue{Lo: f64(43200), Hi: f64(43200), Unit: "minute"}, "30 days"},
		{"one day", parallax.VariantValue{Lo: f64(1440), Hi: f64(1440), Unit: "minute"}, "1 day"},
		{"two weeks", parallax.VariantValue{Lo: f64(20160), Hi: f64(20160), Unit: "minute"}, "2 weeks"},
		{"hours", parallax.VariantValue{Lo: f64(360), Hi: f64(360), Unit: "minute"}, "6 h"},
		{"hours and minutes", parallax.VariantValue{Lo: f64(200), Hi: f64(200), Unit: "minute"}, "3 h 20 min"},
		{"days and hours", parallax.VariantValue{Lo: f64(4380), Hi: f64(4380), Unit: "minute"}, "3 days 1 h"},
		{"minute range", parallax.VariantValue{Lo: f64(90), Hi: f64(150), Unit: "minute", Qualifier: "range"}, "90–150 min"},
		{"count range", parallax.VariantValue{Lo: f64(1080), Hi: f64(1320), Unit: "resident", Qualifier: "about"}, "~1,080–1,320 residents"},
		{"plain range", parallax.VariantValue{Lo: f64(1080), Hi: f64(1320), Unit: "resident", Qualifier: "range"}, "1,080–1,320 residents"},
		{"one unit singular", parallax.VariantValue{Lo: f64(1), Hi: f64(1), Unit: "soldier"}, "1 soldier"},
		{"plural of phrase", parallax.VariantValue{Lo: f64(175), Hi: f64(175), Unit: "prisoner of war"}, "175 prisoners of war"},
		{"plural y", parallax.VariantValue{Lo: f64(12), Hi: f64(12), Unit: "casualty"}, "12 casualties"},
		{"irregular plural", parallax.VariantValue{Lo: f64(40), Hi: f64(40), Unit: "person"}, "40 people"},
		{"less than", parallax.VariantValue{Lo: f64(0), Hi: f64(5), Unit: "person", Qualifier: "less_than"}, "<5 people"},
		{"up to, no lo", parallax.VariantValue{Hi: f64(5000), Unit: "person", Qualifier: "up_to"}, "≤5,000 people"},
		{"dollars", parallax.VariantValue{Lo: f64(2.5e9), Hi: f64(2.5e9), Unit: "USD"}, "$2.5 billion"},
		{"euros", parallax.VariantValue{Lo: f64(1200), Hi: f64(1200), Unit: "EUR"}, "€1,200"},
		{"other currency", parallax.VariantValue{Lo: f64(3e6), Hi: f64(3e6), Unit: "UAH"}, "3 million UAH"},
		{"percent", parallax.VariantValue{Lo: f64(12.5), Hi: f64(12.5), Unit: "percent"}, "12.5%"},
		{"decimals rounded", parallax.VariantValue{Lo: f64(3.14159), Hi: f64(3.14159), Unit: "km"}, "3.14 km"},
		{"no unit", parallax.VariantValue{Lo: f64(1234567.5), Hi: f64(1234567.5)}, "1,234,567.5"},
		{"date", parallax.VariantValue{Date: "2025-03-23", Granularity: "day"}, "2025-03-23"},
		{"term", parallax.VariantValue{Term: "each side"}, "each side"},
		{"empty", parallax.VariantValue{}, ""},
		{"negative", parallax.VariantValue{Lo: f64(-1500), Hi: f64(-1500), Unit: "USD"}, "$-1,500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := variantValue(tt.v); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIntervalNonFinite(t *testing.T) {
	tests := []struct {
		name string
		iv   parallax.Interval
		want string
	}{
		{"unbounded above", parallax.Interval{Lo: 120, Hi: math.Inf(1), LoOpen: true}, "≥120 min"},
		{"unbounded below", parallax.Interval{Lo: math.Inf(-1), Hi: 60}, "≤60 min"},
		{"both infinite", parallax.Interval{Lo: math.Inf(-1), Hi: math.Inf(1)}, "?"},
		{"NaN", parallax.Interval{Lo: math.NaN(), Hi: math.NaN()}, "?"},
		{"huge", parallax.Exact(1e15), "1,000,000,000,000,000 min"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := interval(tt.iv, "minute", "")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		v     float64
		words bool
		want  string
	}{
		{0, false, "0"},
		{999, false, "999"},
		{1000, false, "1,000"},
		{-0.001, false, "0"},
		{1080, true, "1,080"},
		{1500000, true, "1.5 million"},
		{1234567, true, "1,234,567"},
		{1234567, false, "1,234,567"},
		{2e12, true, "2 trillion"},
		{0.125, false, "0.13"},
	}
	for _, tt := range tests {
		if got := number(tt.v, tt.words); got != tt.want {
			t.Errorf("number(%v, %v) = %q, want %q", tt.v, tt.words, got, tt.want)
		}
	}
}
