package polnear

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
)

// TestDump writes one line per gold and unpaired predicted relation to
// $POLNEAR_DUMP, for error analysis during development.
func TestDump(t *testing.T) {
	out := os.Getenv("POLNEAR_DUMP")
	if out == "" {
		t.Skip("set POLNEAR_DUMP=file to dump")
	}
	split := os.Getenv("POLNEAR_SPLIT")
	if split == "" {
		split = "train"
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	paths, _ := filepath.Glob(filepath.Join(corpusDir, split, "text", "*.txt"))
	slices.Sort(paths)
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		anns, _ := filepath.Glob(filepath.Join(corpusDir, split, "attributions", name+"_*.ann"))
		slices.Sort(anns)
		body, _ := os.ReadFile(path)
		ann, _ := os.ReadFile(anns[0])
		text := string(body)
		gold, err := Parse(string(ann), text)
		if err != nil {
			t.Fatal(err)
		}
		doc := analyze.Article(&parallax.Article{ID: name, Body: text})
		pred := Predicted(doc)
		_, partner := compare(text, gold, pred)
		used := make([]bool, len(pred))
		show := func(fr []parallax.Span) string {
			var parts []string
			for _, s := range trimmed(text, fr) {
				parts = append(parts, strings.ReplaceAll(text[s.Start:s.End], "\n", " "))
			}
			return strings.Join(parts, " … ")
		}
		for gi, g := range gold {
			line := fmt.Sprintf("G\t%s\t%s\t%s\t%s", name, show(g.Source), show(g.Cue), show(g.Content))
			if p := partner[gi]; p >= 0 {
				used[p] = true
				pr := pred[p]
				flags := ""
				for r := Role(0); r < numRoles; r++ {
					gs, ps := g.role(r), pr.role(r)
					switch {
					case len(trimmed(text, gs)) == 0 && len(trimmed(text, ps)) == 0:
						flags += "-"
					case shared(text, gs, ps) == 0:
						flags += "x"
					case hull(trimmed(text, gs)) == hull(trimmed(text, ps)):
						flags += "E"
					default:
						flags += "o"
					}
				}
				line += fmt.Sprintf("\t%s\t%s\t%s\t%s", flags, show(pr.Source), show(pr.Cue), show(pr.Content))
			} else {
				line += "\tmiss\t" + context(text, g)
			}
			fmt.Fprintln(f, line)
		}
		for pi, p := range pred {
			if !used[pi] {
				fmt.Fprintf(f, "P\t%s\t%s\t%s\t%s\n", name, show(p.Source), show(p.Cue), show(p.Content))
			}
		}
	}
}

// context returns the text around a relation's cue (or content), on one
// line, with the cue in brackets.
func context(text string, r Relation) string {
	spans := trimmed(text, r.Cue)
	if len(spans) == 0 {
		spans = trimmed(text, r.Content)
	}
	if len(spans) == 0 {
		return ""
	}
	c := spans[0]
	from, to := max(c.Start-200, 0), min(c.End+200, len(text))
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	s := text[from:c.Start] + "[[" + text[c.Start:c.End] + "]]" + text[c.End:to]
	return strings.ReplaceAll(s, "\n", " ")
}

// TestDumpText prints the attributions Parallax finds in the text of the
// file $POLNEAR_TEXT, for error analysis during development.
func TestDumpText(t *testing.T) {
	path := os.Getenv("POLNEAR_TEXT")
	if path == "" {
		t.Skip("set POLNEAR_TEXT=file to dump")
	}
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := analyze.Article(&parallax.Article{ID: "text", Body: string(body)})
	for _, a := range doc.Attributions {
		t.Logf("[%s] [%s] [%s]", doc.Slice(a.SourceSpan), doc.Slice(a.Cue), doc.Slice(a.Content))
	}
}
