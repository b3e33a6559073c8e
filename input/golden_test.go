package input

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want.json sections of testdata/*.txtar")

// goldenArticle is how an article is written in the golden files: only the
// fields that are set, the date as RFC 3339.
type goldenArticle struct {
	ID        string                     `json:"id"`
	Source    string                     `json:"source"`
	Title     string                     `json:"title,omitempty"`
	URL       string                     `json:"url,omitempty"`
	Path      string                     `json:"path"`
	Author    string                     `json:"author,omitempty"`
	Published string                     `json:"published,omitempty"`
	Body      string                     `json:"body"`
	Extra     map[string]json.RawMessage `json:"extra,omitempty"`
}

type goldenResult struct {
	Input    string             `json:"input"`
	Articles []goldenArticle    `json:"articles,omitempty"`
	Problems []parallax.Problem `json:"problems,omitempty"`
}

func toGolden(a *parallax.Article) goldenArticle {
	g := goldenArticle{ID: a.ID, Source: a.Source, Title: a.Title, URL: a.URL, Path: a.Path,
		Author: a.Author, Body: a.Body, Extra: a.Extra}
	if !a.Published.IsZero() {
		g.Published = a.Published.Format(time.RFC3339)
	}
	return g
}

// TestGolden reads every input file of every testdata/*.txtar archive with
// Read and compares the articles and problems with the archive's want.json.
// Run with -update to rewrite want.json after a deliberate change.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var got []goldenResult
			var want []byte
			for _, f := range ar.Files {
				if f.Name == "want.json" {
					want = f.Data
					continue
				}
				arts, err := Read(f.Name, f.Data, Defaults{})
				r := goldenResult{Input: f.Name, Problems: Problems(f.Name, err)}
				for _, a := range arts {
					r.Articles = append(r.Articles, toGolden(a))
				}
				got = append(got, r)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(got); err != nil {
				t.Fatal(err)
			}
			if *update {
				var kept []txtar.File
				for _, f := range ar.Files {
					if f.Name != "want.json" {
						kept = append(kept, f)
					}
				}
				ar.Files = append(kept, txtar.File{Name: "want.json", Data: buf.Bytes()})
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want == nil {
				t.Fatalf("%s has no want.json section; run go test -update", file)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s: got\n%s\nwant\n%s", file, buf.Bytes(), want)
			}
		})
	}
}
