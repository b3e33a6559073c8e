package polnear

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDir is where CI keeps the public suites: ../../shared/eval from
// this package.
var corpusDir = filepath.Join("..", "..", "shared", "eval", "polnear")

func TestRealCorpus(t *testing.T) {
	if _, err := os.Stat(filepath.Join(corpusDir, "train", "text")); err != nil {
		t.Skipf("PolNeAR not found at %s (copy of networkdynamics/PolNeAR data/): %v", corpusDir, err)
	}
	if testing.Short() {
		t.Skip("analyzing 924 articles; skipped in -short mode")
	}
	var all Counts
	for _, split := range DefaultSplits {
		c, err := Evaluate(corpusDir, split)
		if err != nil {
			t.Fatal(err)
		}
		logCounts(t, split, c)
		all.Add(c)
	}
	logCounts(t, "train+dev", all)
}

func logCounts(t *testing.T, name string, c Counts) {
	t.Helper()
	t.Logf("%s: gold %d, predicted %d, paired %d relations", name, c.Gold, c.Pred, c.Paired)
	for r := Role(0); r < numRoles; r++ {
		rc := c.Roles[r]
		pe, re, fe := PRF(rc.Exact, rc.Pred, rc.Gold)
		po, ro, fo := PRF(rc.Overlap, rc.Pred, rc.Gold)
		t.Logf("%s %-7s exact P %.3f R %.3f F1 %.3f | overlap P %.3f R %.3f F1 %.3f", name, r, pe, re, fe, po, ro, fo)
	}
}
