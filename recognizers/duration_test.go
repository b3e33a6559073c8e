package recognizers

import (
	"math"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestDurationItem(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		q    parallax.Quantity
		tag  string
		secs float64
	}{
		{"exact", parallax.Quantity{Value: parallax.Exact(90)}, "", 5400},
		{"more than", parallax.Quantity{Value: parallax.Interval{Lo: 60, Hi: inf, LoOpen: true}, Qualifier: "more_than"}, "more", 3600},
		{"less than", parallax.Quantity{Value: parallax.Interval{Lo: 0, Hi: 2880, HiOpen: true}, Qualifier: "less_than"}, "less", 172800},
		{"at least", parallax.Quantity{Value: parallax.Interval{Lo: 60, Hi: inf}, Qualifier: "at_least"}, "", 3600},
		{"up to", parallax.Quantity{Value: parallax.Interval{Lo: 0, Hi: 60}, Qualifier: "up_to"}, "", 3600},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := durationItem(tc.q)
			if got.tag != tc.tag || len(got.vals) != 1 || !specClose(got.vals[0], tc.secs) {
				t.Errorf("durationItem = %+v, want tag %q, %v s", got, tc.tag, tc.secs)
			}
		})
	}
}
