package entity

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/parallax-news/parallax"
)

var update = flag.Bool("update", false, "rewrite the golden entities in testdata")

// render prints entities one per line with every mention as start-end
// and its text, for review in testdata.
func render(text string, ents []parallax.Entity) string {
	var b strings.Builder
	for _, e := range ents {
		fmt.Fprintf(&b, "%s %q key=%q", e.Type, e.Name, e.Key)
		if e.Title != "" {
			fmt.Fprintf(&b, " title=%q", e.Title)
		}
		fmt.Fprintf(&b, "\n  aliases: %q\n  mentions:", e.Aliases)
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, " %d-%d=%q", m.Start, m.End, text[m.Start:m.End])
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var text string
			out := -1
			for i, file := range ar.Files {
				switch file.Name {
				case "article.txt":
					text = string(file.Data)
				case "entities.txt":
					out = i
				}
			}
			if out < 0 {
				t.Fatal("no entities.txt section")
			}
			ents := Recognize(text, splitSentences(text))
			checkInvariants(t, text, ents)
			got := render(text, ents)
			if *update {
				ar.Files[out].Data = []byte(got)
				if err := os.WriteFile(f, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(ar.Files[out].Data); got != want {
				t.Errorf("entities differ from %s (rerun with -update and review):\n%s", f, lineDiff(want, got))
			}
		})
	}
}

// lineDiff lists the lines only in want (-) or only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	in := func(s string, xs []string) bool {
		for _, x := range xs {
			if x == s {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	for _, l := range w {
		if !in(l, g) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !in(l, w) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
