package quantity

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

// TestGolden runs Find on each paragraph of testdata/find.txtar and compares
// the result with its .want section.
func TestGolden(t *testing.T) {
	path := filepath.Join("testdata", "find.txtar")
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []txtar.File
	for _, f := range ar.Files {
		name, ok := strings.CutSuffix(f.Name, ".txt")
		if !ok {
			continue
		}
		text := strings.TrimSuffix(string(f.Data), "\n")
		var b strings.Builder
		for _, q := range Find(text) {
			b.WriteString(describe(text, q) + "\n")
		}
		got := b.String()
		out = append(out, f, txtar.File{Name: name + ".want", Data: []byte(got)})
		if *update {
			continue
		}
		t.Run(name, func(t *testing.T) {
			var want string
			for _, g := range ar.Files {
				if g.Name == name+".want" {
					want = string(g.Data)
				}
			}
			if got != want {
				t.Errorf("Find mismatch for %s\ngot:\n%swant:\n%s", name, got, want)
			}
		})
	}
	if *update {
		ar.Files = out
		if err := os.WriteFile(path, bytes.TrimRight(txtar.Format(ar), "\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
