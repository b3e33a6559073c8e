package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestPickSuites(t *testing.T) {
	for _, tc := range []struct {
		name string
		want int
	}{
		{"recognizers/NumberModel", 1},
		{"recognizers", 9},
		{"polnear", 1},
		{"gold", 1},
		{"nope", 0},
	} {
		if got := len(pick(tc.name)); got != tc.want {
			t.Errorf("pick(%q) = %d suites, want %d", tc.name, got, tc.want)
		}
	}
	for _, s := range pick("all") {
		if s.name == "gold" {
			t.Error(`"all" must not run the in-repo gold set`)
		}
	}
}

func TestFloors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "floors.tsv")
	os.WriteFile(path, []byte("# suite metric floor\nbasil speaker_accuracy 0.75\npolnear content_overlap_f1\t0.60  # comment\n"), 0o644)
	fl, err := readFloors(path)
	if err != nil {
		t.Fatal(err)
	}
	if fl["basil speaker_accuracy"] != 0.75 || fl["polnear content_overlap_f1"] != 0.60 {
		t.Fatalf("floors = %v", fl)
	}
	scores := []parallax.Score{
		{Suite: "basil", Metric: "speaker_accuracy", Value: 0.748},
		{Suite: "polnear", Metric: "content_overlap_f1", Value: 0.59},
	}
	var buf bytes.Buffer
	err = checkFloors(&buf, scores, fl, 0.005)
	if err == nil || !strings.Contains(buf.String(), "polnear content_overlap_f1") || strings.Contains(buf.String(), "basil") {
		t.Errorf("checkFloors = %v, output %q; want only polnear below its floor (basil is within tolerance)", err, buf.String())
	}
	// A floor for a metric the suite no longer reports is an error.
	buf.Reset()
	if err := checkFloors(&buf, scores[:1], map[string]float64{"basil renamed": 0.5}, 0); err == nil {
		t.Error("missing metric: want an error")
	}
	// Floors of suites that did not run are ignored.
	if err := checkFloors(&buf, scores[:1], map[string]float64{"gold conflict_recall": 1}, 0); err != nil {
		t.Errorf("floor of a suite that did not run: %v", err)
	}
	os.WriteFile(path, []byte("basil speaker_accuracy\n"), 0o644)
	if _, err := readFloors(path); err == nil {
		t.Error("malformed floors line: want an error")
	}
}

// TestEvalCommand runs a suite end to end on the small spec fixtures the
// recognizers package keeps in its testdata (written for this project).
func TestEvalCommand(t *testing.T) {
	out, stderr, err := run(t, "", "eval", "recognizers/DurationParser", "../../recognizers/testdata/specs")
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "recognizers/DurationParser") || !strings.Contains(out, "Definitions:") {
		t.Errorf("output lacks the score or its definition:\n%s", out)
	}
	if _, _, err := run(t, "", "eval", "recognizers/DurationParser", t.TempDir()); err == nil {
		t.Error("eval on a folder without the suite: want an error")
	}
	if _, _, err := run(t, "", "eval", "bogus", "."); err == nil {
		t.Error("unknown suite: want an error")
	}
}
