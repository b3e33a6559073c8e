package quantity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedDir finds the shared seed reports; the test skips without them.
func seedDir(t *testing.T) string {
	t.Helper()
	for _, d := range []string{"/work/shared/seeds", "../../shared/seeds", "../shared/seeds"} {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	t.Skip("seed reports not found")
	return ""
}

// TestSeedsLog lists every quantity found in the seed reports (go test -v).
func TestSeedsLog(t *testing.T) {
	dir := seedDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, q := range Find(text) {
			t.Logf("%s %q %v %s %s %s %s", filepath.Base(f)[:3], text[q.Span.Start:q.Span.End], q.Value, q.Unit, q.Dimension, q.Qualifier, q.Scope)
		}
	}
}

// TestSeeds checks the quantities the seed reports must yield.
func TestSeeds(t *testing.T) {
	dir := seedDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var all []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, q := range Find(text) {
			all = append(all, describe(text, q))
		}
	}
	for _, want := range []string{
		`"more than two hours" (120, +Inf) minute duration qual=more_than`,
		`"two-and-a-half hour" [150, 150] minute duration`,
		`"90-minute" [90, 90] minute duration`,
		`"at least 90 minutes" [90, +Inf) minute duration qual=at_least`,
		`"30 days" [43200, 43200] minute duration`,
		`"175 prisoners of war" [175, 175] prisoner count scope=each`,
		`"175 prisoners" [175, 175] prisoner count scope=each`,
		`"23 critically wounded soldiers" [23, 23] soldier count`,
		`"23 severely wounded soldiers" [23, 23] soldier count`,
		`"an estimated 1,300 square kilometers" [1170000000, 1430000000] m2 area qual=about`,
	} {
		found := false
		for _, got := range all {
			if strings.Contains(got, want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("seeds: no quantity %s", want)
		}
	}
	for _, got := range all {
		for _, bad := range []string{`"2016`, `"2022`, `"19"`, `"23"`, `"28`, `"2019`, `"20"`, `"II`, `"one`, `qual=more_than`} {
			if strings.Contains(got, bad) && !strings.Contains(got, "more than") {
				t.Errorf("seeds: false hit %s", got)
			}
		}
	}
}
