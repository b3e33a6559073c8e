package claimdiff

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusDir is where CI keeps the public suites: ../../shared/eval from
// this package.
var corpusDir = filepath.Join("..", "..", "shared", "eval", "claimdiff")

func skipWithoutCorpus(t testing.TB) {
	t.Helper()
	for _, s := range TrainSubsets {
		if _, err := os.Stat(filepath.Join(corpusDir, s.Path)); err != nil {
			t.Skipf("ClaimDiff train file not found at %s (copy of kaistAI/ClaimDiff ClaimDiff-S/ and ClaimDiff-W/): %v", corpusDir, err)
		}
	}
}

// TestRealCorpus runs the train files and logs the scores; floors live
// with `parallax eval`.
func TestRealCorpus(t *testing.T) {
	skipWithoutCorpus(t)
	scores, err := Score(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 8 {
		t.Fatalf("got %d scores, want 8", len(scores))
	}
	for _, s := range scores {
		if s.Total == 0 {
			t.Errorf("%s: no pairs", s.Metric)
		}
		t.Logf("%-40s %.3f (%d/%d)", s.Metric, s.Value, s.Correct, s.Total)
	}
}

// TestRealOutcomes logs how each mode presents the pairs, by label. Both
// files hold the same pairs, so outcomes are computed once per mode. With
// CLAIMDIFF_DUMP=S or W (and -v) it prints the pairs that subset labels
// differing and Context mode does not flag.
func TestRealOutcomes(t *testing.T) {
	skipWithoutCorpus(t)
	var subsets [][]Pair
	for _, sub := range TrainSubsets {
		pairs, err := Load(filepath.Join(corpusDir, sub.Path))
		if err != nil {
			t.Fatal(err)
		}
		subsets = append(subsets, pairs)
	}
	for _, mode := range []Mode{Context, Isolated} {
		outcome := map[string]Result{}
		for _, r := range Evaluate(subsets[0], mode) {
			outcome[r.Pair.ID] = r
		}
		for si, sub := range TrainSubsets {
			counts := map[string]int{}
			for _, p := range subsets[si] {
				r, ok := outcome[p.ID]
				if !ok {
					t.Errorf("%s pair %s is not in %s", sub.Name, p.ID, TrainSubsets[0].Name)
					continue
				}
				counts[fmt.Sprintf("differs=%v %s", p.Differs, r.Outcome)]++
				if mode == Context && os.Getenv("CLAIMDIFF_DUMP") == sub.Name && p.Differs && !r.Outcome.Flagged() {
					fmt.Printf("MISS %s %s\n  A: %s\n  B: %s\n  rationale: %q\n  facts A=%v B=%v\n", p.ID, r.Outcome, p.ClaimA, p.ClaimB, p.Rationale, r.FactA, r.FactB)
				}
			}
			keys := make([]string, 0, len(counts))
			for k := range counts {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			var b strings.Builder
			for _, k := range keys {
				fmt.Fprintf(&b, "\n  %-32s %d", k, counts[k])
			}
			t.Logf("%s %s (%d pairs):%s", sub.Name, mode, len(subsets[si]), b.String())
		}
	}
}
