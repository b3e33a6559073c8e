package recognizers

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// specTestdata is a small hand-written specs tree with the real layout.
var specTestdata = filepath.Join("testdata", "specs")

// TestSpecScorers runs every scorer on the hand-written specs and checks
// the counts: each file holds cases that pass, a case with a wrong
// expectation or an unmapped unit that must fail, and a case the
// reference implementation does not support, which is skipped.
func TestSpecScorers(t *testing.T) {
	tests := []struct {
		name           string
		run            func(string) (parallax.Score, error)
		correct, total int
	}{
		{"recognizers/NumberModel", NumberModel, 3, 4},
		{"recognizers/NumberRangeModel", NumberRangeModel, 2, 2},
		{"recognizers/PercentModel", PercentModel, 2, 2},
		{"recognizers/DimensionModel", DimensionModel, 1, 2},
		{"recognizers/CurrencyModel", CurrencyModel, 2, 2},
		{"recognizers/DurationExtractor", DurationExtractor, 2, 2},
		{"recognizers/DurationParser", DurationParser, 2, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := tc.run(specTestdata)
			if err != nil {
				t.Fatal(err)
			}
			if sc.Suite != tc.name || sc.Metric != "accuracy" || sc.Correct != tc.correct || sc.Total != tc.total {
				t.Errorf("score = %s %s %d/%d, want %s accuracy %d/%d", sc.Suite, sc.Metric, sc.Correct, sc.Total, tc.name, tc.correct, tc.total)
			}
			if want := float64(tc.correct) / float64(tc.total); math.Abs(sc.Value-want) > 1e-12 {
				t.Errorf("value = %v, want %v", sc.Value, want)
			}
			if !strings.HasPrefix(sc.Definition, "share of Recognizers-Text English") || !strings.HasSuffix(sc.Definition, ".") || strings.Contains(sc.Definition, ". ") {
				t.Errorf("definition is not one sentence: %q", sc.Definition)
			}
		})
	}
	all, err := All(specTestdata)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(tests) {
		t.Fatalf("All returned %d scores, want %d", len(all), len(tests))
	}
	for i, sc := range all {
		if sc.Suite != tests[i].name {
			t.Errorf("All()[%d] = %s, want %s", i, sc.Suite, tests[i].name)
		}
	}
}

func TestSpecMissingDir(t *testing.T) {
	if _, err := NumberModel(filepath.Join("testdata", "no-such-dir")); err == nil {
		t.Error("NumberModel on a missing directory: no error")
	}
	if _, err := All(filepath.Join("testdata", "no-such-dir")); err == nil {
		t.Error("All on a missing directory: no error")
	}
}

func TestNumberParseInterval(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		in   string
		want parallax.Interval
		ok   bool
	}{
		{"[20,30)", parallax.Interval{Lo: 20, Hi: 30, HiOpen: true}, true},
		{"(20,35]", parallax.Interval{Lo: 20, Hi: 35, LoOpen: true}, true},
		{"[3965,)", parallax.Interval{Lo: 3965, Hi: inf, HiOpen: true}, true},
		{"(,100]", parallax.Interval{Lo: -inf, Hi: 100, LoOpen: true}, true},
		{"[0.4,)", parallax.Interval{Lo: 0.4, Hi: inf, HiOpen: true}, true},
		{"[170,170]", parallax.Interval{Lo: 170, Hi: 170}, true},
		{"20,30", parallax.Interval{}, false},
		{"[a,3)", parallax.Interval{}, false},
		{"[]", parallax.Interval{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := numberParseInterval(tc.in)
			if (err == nil) != tc.ok || tc.ok && got != tc.want {
				t.Errorf("numberParseInterval(%q) = %+v, %v; want %+v ok=%v", tc.in, got, err, tc.want, tc.ok)
			}
		})
	}
}

// TestNumberRangeItem checks that the openness of an infinite bound is
// not compared: "(,100]" and a range read as [-Inf, 100] are equal.
func TestNumberRangeItem(t *testing.T) {
	sp := specSpan{0, 5}
	a := numberRangeItem(sp, parallax.Interval{Lo: math.Inf(-1), Hi: 100, LoOpen: true})
	b := numberRangeItem(sp, parallax.Interval{Lo: math.Inf(-1), Hi: 100})
	if !a.equal(b) {
		t.Errorf("%+v != %+v", a, b)
	}
	c := numberRangeItem(sp, parallax.Interval{Lo: math.Inf(-1), Hi: 100, HiOpen: true})
	if a.equal(c) {
		t.Errorf("(,100] equals (,100)")
	}
}
