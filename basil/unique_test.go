package basil

import (
	"os"
	"testing"
)

// TestUniqueShareFixture runs the metric on the package's own small
// fixture corpus (testdata), so the plumbing is checked without BASIL.
func TestUniqueShareFixture(t *testing.T) {
	scores, err := UniqueShare("testdata")
	if err != nil {
		t.Skipf("fixture corpus has no event to reconcile: %v", err)
	}
	if len(scores) != 2 {
		t.Fatalf("got %d scores, want 2", len(scores))
	}
	for _, s := range scores {
		if s.Value < 0 || s.Value > 1 || s.Correct > s.Total {
			t.Errorf("%s: value %.3f (%d/%d) out of range", s.Metric, s.Value, s.Correct, s.Total)
		}
	}
}

func TestUniqueShareMissing(t *testing.T) {
	if _, err := UniqueShare(t.TempDir()); err == nil {
		t.Error("empty folder: want an error")
	}
}

func TestUniqueShareReal(t *testing.T) {
	dir := "../../shared/eval/basil"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("BASIL not found at %s: %v", dir, err)
	}
	if testing.Short() {
		t.Skip("reconciles 100 events")
	}
	scores, err := UniqueShare(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scores {
		t.Logf("%s %s = %.4f (%d/%d)", s.Suite, s.Metric, s.Value, s.Correct, s.Total)
	}
}
