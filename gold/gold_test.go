package gold

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/input"
)

// TestGoldSet runs the whole pipeline on every gold story, logs every
// score and every miss, and holds the pipeline to issue 4's bar: every
// labelled conflict and split found, no false conflict.
func TestGoldSet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline on every story")
	}
	rs, err := Evaluate("testdata")
	if err != nil {
		t.Fatal(err)
	}
	logResults(t, rs)
	// The bar: every planted conflict and split found, and no
	// false conflict.
	conflicts, splits, falses := 0, 0, 0
	wantConflicts, wantSplits := 0, 0
	for _, r := range rs {
		for _, n := range r.LabelNotes {
			t.Errorf("%s: labels: %s", r.Story, n)
		}
		conflicts += r.ConflictsFound
		splits += r.SplitsFound
		falses += r.FalseDisputes()
		wantConflicts += r.Conflicts
		wantSplits += r.Splits
	}
	if conflicts != wantConflicts {
		t.Errorf("conflicts found: %d of %d", conflicts, wantConflicts)
	}
	if splits != wantSplits {
		t.Errorf("splits found: %d of %d", splits, wantSplits)
	}
	if falses != 0 {
		t.Errorf("false conflicts: %d, want none", falses)
	}
	if wantConflicts == 0 || wantSplits == 0 {
		t.Errorf("the gold set plants %d conflicts and %d splits; it must plant both", wantConflicts, wantSplits)
	}
}

func logResults(t *testing.T, rs []*Result) {
	t.Helper()
	for _, r := range rs {
		t.Logf("%s: %d misses", r.Story, len(r.Misses))
		for _, m := range r.Misses {
			t.Logf("  %s", m)
		}
	}
	var b strings.Builder
	for _, s := range Scores(rs) {
		fmt.Fprintf(&b, "\n  %-24s %.3f (%d/%d)", s.Metric, s.Value, s.Correct, s.Total)
	}
	t.Logf("scores:%s", b.String())
}

// TestBundledExample scores the bundled example against labels written
// for it by hand, with the same bar as the gold set.
func TestBundledExample(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline")
	}
	rs, err := Evaluate("testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	logResults(t, rs)
	for _, r := range rs {
		if r.ConflictsFound != r.Conflicts || r.SplitsFound != r.Splits || r.FalseDisputes() > 0 {
			t.Errorf("%s: conflicts %d/%d, splits %d/%d, false conflicts %d",
				r.Story, r.ConflictsFound, r.Conflicts, r.SplitsFound, r.Splits, r.FalseDisputes())
		}
	}
}

// TestLabelsInArticles checks the labels against the raw article texts,
// without the pipeline: every cite occurs exactly once in its article, so
// a failure here is a labelling error, not a pipeline regression.
func TestLabelsInArticles(t *testing.T) {
	dirs, err := Stories("testdata")
	if err != nil {
		t.Fatal(err)
	}
	dirs = append(dirs, "testdata/example/kessling-fire")
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			l, err := ReadLabels(filepath.Join(dir, LabelsFile))
			if err != nil {
				t.Fatal(err)
			}
			arts, problems := input.Load([]string{l.ArticlesDir(dir)}, nil, input.Defaults{})
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			body := map[string]string{}
			for _, a := range arts {
				body[a.ID] = canon(a.Body)
			}
			check := func(what string, c Cite) {
				b, ok := body[c.Article]
				if !ok {
					t.Errorf("%s: no article %q", what, c.Article)
					return
				}
				if n := strings.Count(b, canon(c.Sentence)); n != 1 {
					t.Errorf("%s: %s: %q occurs %d times", what, c.Article, c.Sentence, n)
				}
			}
			for _, f := range l.Facts {
				for _, c := range f.Claims {
					check(f.ID, c)
				}
				for _, v := range f.Variants {
					for _, c := range v.Claims {
						check(f.ID, c)
					}
				}
			}
			for _, p := range l.MustNotConflict {
				check("must_not_conflict", p.A)
				check("must_not_conflict", p.B)
			}
			for _, u := range l.Unique {
				for _, s := range append(append([]string{}, u.Sentences...), u.Partly...) {
					check("unique", Cite{Article: u.Article, Sentence: s})
				}
			}
			for _, d := range l.Dates {
				for _, m := range d.Mentions {
					check(d.ID, Cite{Article: m.Article, Sentence: m.Sentence})
				}
			}
			if len(l.Origins) == 0 || len(l.Facts) == 0 {
				t.Errorf("no origins or facts")
			}
		})
	}
}

// BenchmarkCompare measures scoring one analyzed story (the pipeline runs
// once, outside the loop).
func BenchmarkCompare(b *testing.B) {
	l, docs, brief, err := Run("testdata/tofteoy-ferry")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compare(l, docs, brief); err != nil {
			b.Fatal(err)
		}
	}
}
