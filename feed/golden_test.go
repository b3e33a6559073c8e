package feed

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want.json sections of testdata/*.txtar")

type goldenItem struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Link      string `json:"link,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"`
	Updated   string `json:"updated,omitempty"`
	Text      string `json:"text"`
	Partial   bool   `json:"partial"`
}

type goldenArticle struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	Body   string `json:"body"`
}

type golden struct {
	Title    string          `json:"title"`
	Link     string          `json:"link,omitempty"`
	Items    []goldenItem    `json:"items"`
	Articles []goldenArticle `json:"articles"`
}

func readArchive(t testing.TB, file string) (*txtar.Archive, map[string][]byte) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string][]byte)
	for _, f := range ar.Files {
		files[f.Name] = f.Data
	}
	return ar, files
}

// feedData is the archive's feed file, whatever its name.
func feedData(files map[string][]byte) []byte {
	for name, data := range files {
		if strings.HasPrefix(name, "feed.") {
			return data
		}
	}
	return nil
}

// TestGolden parses each testdata archive's feed with its base and checks
// items and articles against want.json; -update rewrites want.json.
func TestGolden(t *testing.T) {
	archives, _ := filepath.Glob("testdata/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no testdata")
	}
	for _, file := range archives {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, files := readArchive(t, file)
			f, err := Parse(feedData(files), strings.TrimSpace(string(files["base"])))
			if err != nil {
				t.Fatal(err)
			}
			g := golden{Title: f.Title, Link: f.Link, Items: []goldenItem{}, Articles: []goldenArticle{}}
			for i := range f.Items {
				it := &f.Items[i]
				gi := goldenItem{ID: it.ID, Title: it.Title, Link: it.Link, Author: it.Author, Text: it.Text(), Partial: it.Partial()}
				if !it.Published.IsZero() {
					gi.Published = it.Published.Format(time.RFC3339)
				}
				if !it.Updated.IsZero() {
					gi.Updated = it.Updated.Format(time.RFC3339)
				}
				g.Items = append(g.Items, gi)
			}
			for _, a := range Articles(f, "") {
				g.Articles = append(g.Articles, goldenArticle{ID: a.ID, Source: a.Source, URL: a.URL, Body: a.Body})
			}
			got, err := json.MarshalIndent(g, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if *update {
				replaced := false
				for i := range ar.Files {
					if ar.Files[i].Name == "want.json" {
						ar.Files[i].Data, replaced = got, true
					}
				}
				if !replaced {
					ar.Files = append(ar.Files, txtar.File{Name: "want.json", Data: got})
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := files["want.json"]; !bytes.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
