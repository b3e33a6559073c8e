package quantity

import (
	"testing"

	"github.com/parallax-news/parallax"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"175", 175, true},
		{"1,300", 1300, true},
		{"2.5", 2.5, true},
		{"0.75", 0.75, true},
		{"one hundred seventy-five", 175, true},
		{"one hundred and seventy-five", 175, true},
		{"two thousand five hundred", 2500, true},
		{"a hundred and fifty", 150, true},
		{"twenty-three", 23, true},
		{"Twenty Three", 23, true},
		{"nineteen", 19, true},
		{"zero", 0, true},
		{"two-and-a-half", 2.5, true},
		{"two and a half", 2.5, true},
		{"one and a half", 1.5, true},
		{"two and a half million", 2.5e6, true},
		{"a dozen", 12, true},
		{"two dozen", 24, true},
		{"half a dozen", 6, true},
		{"dozens", 24, true},
		{"a quarter", 0.25, true},
		{"half", 0.5, true},
		{"nearly half", 0.5, true},
		{"three-quarters", 0.75, true},
		{"three quarters", 0.75, true},
		{"two-thirds", 2.0 / 3, true},
		{"one-third", 1.0 / 3, true},
		{"tens of thousands", 20000, true},
		{"hundreds of thousands", 200000, true},
		{"hundreds", 200, true},
		{"thousands", 2000, true},
		{"several hundred", 300, true},
		{"a few thousand", 2000, true},
		{"1.2 million", 1.2e6, true},
		{"half a million", 5e5, true},
		{"half million", 5e5, true},
		{"quarter million", 2.5e5, true},
		{"five and a quarter", 5.25, true},
		{"a million", 1e6, true},
		{"$3bn", 3e9, true},
		{"3bn", 3e9, true},
		{"£5m", 5e6, true},
		{"5m", 5e6, true},
		{"10k", 1e4, true},
		{"2.5 billion", 2.5e9, true},
		{"about 300", 300, true},
		{"", 0, false},
		{"tens", 0, false},
		{"a", 0, false},
		{"abc", 0, false},
		{"175 prisoners", 0, false},
		{"1,30", 0, false},
		{"19.03.2025", 0, false},
		{"twenty twenty", 0, false},
		{"one one", 0, false},
		{"thousand", 0, false},
		{"$", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := Number(tc.in)
			if ok != tc.ok || ok && !closeTo(got, tc.want) {
				t.Errorf("Number(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want want
		ok   bool
	}{
		{"more than two hours", w("more than two hours", 120, inf, "minute", dur).open(true, false).q("more_than"), true},
		{"at least 90 minutes", w("at least 90 minutes", 90, inf, "minute", dur).q("at_least"), true},
		{"  90-minute call", ex("90-minute", 90, "minute", dur), true},
		{"175 prisoners of war each", ex("175 prisoners of war", 175, "prisoner", cnt).sc("each"), true},
		{"a total of 300 prisoners", ex("300 prisoners", 300, "prisoner", cnt).sc("total"), true},
		{"$3bn", ex("$3bn", 3e9, "USD", mon), true},
		{"the 175 prisoners", want{}, false},
		{"in 2025", want{}, false},
		{"2025", want{}, false},
		{"a", want{}, false},
		{"", want{}, false},
		{"one", want{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := Parse(tc.in)
			if ok != tc.ok {
				t.Fatalf("Parse(%q) ok = %v, want %v (%+v)", tc.in, ok, tc.ok, got)
			}
			if ok {
				checkQuantity(t, tc.in, got, tc.want)
			} else if got != (parallax.Quantity{}) {
				t.Errorf("Parse(%q) failed but returned %+v", tc.in, got)
			}
		})
	}
}
