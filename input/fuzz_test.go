package input

import (
	"errors"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

// FuzzRead feeds arbitrary bytes under names of every format. Read must
// not panic, and whatever it returns must be usable: every article has an
// id, a source, its path and a non-empty valid UTF-8 body; every error is
// an ErrorList of positioned problems.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, tf := range ar.Files {
			if tf.Name != "want.json" {
				f.Add(tf.Name, tf.Data)
			}
		}
	}
	for _, name := range []string{"a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a", "-"} {
		f.Add(name, []byte("Talks resume\n\nThe talks resumed on Monday."))
		f.Add(name, []byte("{\"text\":\"a\"}\n[1]\n{\"text\":"))
		f.Add(name, []byte("<p>"+lede+" "+lede+"</p>"))
		f.Add(name, []byte("caf\xe9 \xff\x00"))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		arts, err := Read(name, data, Defaults{})
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v (%T) is not a non-empty ErrorList", err, err)
			}
			for _, e := range list {
				if e.Reason == "" || e.Path != name {
					t.Fatalf("bad problem %+v", e)
				}
			}
		}
		for _, a := range arts {
			switch {
			case a.ID == "" || a.Source == "":
				t.Fatalf("article without id or source: %+v", a)
			case a.Path != name:
				t.Fatalf("Path = %q, want %q", a.Path, name)
			case a.Body == "" || !utf8.ValidString(a.Body):
				t.Fatalf("bad body %q", a.Body)
			}
		}
	})
}
