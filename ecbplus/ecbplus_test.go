package ecbplus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The testdata corpus has six documents written for this test in the ECB+
// JSON Lines form: two events in one port topic, a dock strike and a
// warehouse fire, interleaved as in the real file.
func TestScoreTestdata(t *testing.T) {
	scores, err := Score("testdata")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"bcubed_f1": 1, "bcubed_precision": 1, "bcubed_recall": 1,
		"pairwise_f1": 1, "pairwise_precision": 1, "pairwise_recall": 1,
		"shuffled_bcubed_f1": 1, "shuffled_pairwise_f1": 1}
	if len(scores) != len(want) {
		t.Fatalf("%d scores, want %d", len(scores), len(want))
	}
	for _, s := range scores {
		if s.Suite != "ecbplus" || s.Definition == "" {
			t.Errorf("score %+v: wrong suite or no definition", s)
		}
		if v, ok := want[s.Metric]; !ok || s.Value != v {
			t.Errorf("%s = %.3f, want %.3f", s.Metric, s.Value, v)
		}
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Read(dir); err == nil {
		t.Error("missing file: no error")
	}
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, File), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ name, body, want string }{
		{"bad json", "{\n", ":1:"},
		{"no cluster", `{"doc_id":"1_1ecb","text":"x"}` + "\n", "without doc_id or cluster"},
		{"empty", "\n\n", "no documents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			write(tt.body)
			if _, err := Read(dir); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// corpusDir is where CI keeps the public suites: ../../shared/eval from
// this package.
var corpusDir = filepath.Join("..", "..", "shared", "eval", "ecbplus")

func TestRealCorpus(t *testing.T) {
	if _, err := os.Stat(filepath.Join(corpusDir, File)); err != nil {
		t.Skipf("ECB+ not found at %s: %v", corpusDir, err)
	}
	scores, err := Score(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scores {
		t.Logf("%-22s %.3f", s.Metric, s.Value)
		// Floors a little under the values measured on 2026-11-22.
		if s.Metric == "bcubed_f1" && s.Value < 0.84 || s.Metric == "pairwise_f1" && s.Value < 0.78 {
			t.Errorf("%s = %.3f fell below its floor", s.Metric, s.Value)
		}
	}
}
