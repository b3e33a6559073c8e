package basil

import (
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
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

// TestDumpArticle prints the entities and quotes Parallax finds in the
// article named by $BASIL_ARTICLE (its file name without extension), for
// error analysis during development.
func TestDumpArticle(t *testing.T) {
	name := os.Getenv("BASIL_ARTICLE")
	if name == "" {
		t.Skip("set BASIL_ARTICLE=<article id> to dump")
	}
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "articles", "*", name+".json"))
	if len(paths) == 0 {
		t.Fatalf("no article %s", name)
	}
	art, err := ReadArticle(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	body, _ := art.Body()
	doc := analyze.Article(&parallax.Article{ID: name, Source: art.Source, Title: art.Title, Body: body})
	for i, e := range doc.Entities {
		t.Logf("E%d %s %q title=%q aliases=%q", i, e.Type, e.Name, e.Title, e.Aliases)
	}
	for _, q := range doc.Quotes {
		spk := "-"
		if q.Speaker >= 0 {
			spk = doc.Entities[q.Speaker].Name
		}
		t.Logf("Q %s [%s] %q cue=%q spk=%q", q.Kind, spk, doc.Slice(q.Span), doc.Slice(q.Cue), doc.Slice(q.SpeakerSpan))
	}
}
