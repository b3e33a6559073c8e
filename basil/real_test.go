package basil

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDir is where CI keeps the public suites: ../../shared/eval from
// this package.
var corpusDir = filepath.Join("..", "..", "shared", "eval", "basil")

func TestRealCorpus(t *testing.T) {
	if _, err := os.Stat(filepath.Join(corpusDir, "annotations")); err != nil {
		t.Skipf("BASIL not found at %s (copy of launchnlp/BASIL articles/ and annotations/): %v", corpusDir, err)
	}
	cases, err := Evaluate(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	correct, found := 0, 0
	for _, c := range cases {
		if c.Correct {
			correct++
		}
		if c.Found {
			found++
		}
		if testing.Verbose() && os.Getenv("BASIL_DUMP") != "" && !c.Correct {
			t.Logf("%s found=%v gold=%s pred=%q phrase=%q %q", c.Article, c.Found, c.Gold, c.Predicted, c.Phrase, c.Text)
		}
	}
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	t.Logf("speaker accuracy %.3f (%d/%d); a quote overlaps %d spans", float64(correct)/float64(len(cases)), correct, len(cases), found)
}
