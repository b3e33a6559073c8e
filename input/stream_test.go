package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// streamed is what the stream tests check of one Record.
type streamed struct {
	ID, Body, Problem string
	OwnID             bool
	After             Position
}

func collect(t testing.TB, path string, from Position) []streamed {
	t.Helper()
	var out []streamed
	err := StreamFile(path, from, Defaults{}, func(r Record) error {
		out = append(out, summarizeRecord(r))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func summarizeRecord(r Record) streamed {
	s := streamed{OwnID: r.OwnID, After: r.After}
	if r.Article != nil {
		s.ID, s.Body = r.Article.ID, r.Article.Body
	}
	if r.Problem != nil {
		s.Problem = r.Problem.Reason
	}
	return s
}

func TestStreamFile(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             []streamed
	}{
		{
			name: "lines",
			file: "feed.jsonl",
			data: "{\"text\":\"One.\"}\n\n{\"id\":\"b\",\"text\":\"Two.\"}\r\n{broken\n{\"title\":\"no text\"}\n{\"text\":\"Five.\"}",
			want: []streamed{
				{ID: "feed#1", Body: "One.", After: Position{Offset: 16, Records: 1, Lines: 1}},
				{ID: "b", Body: "Two.", OwnID: true, After: Position{Offset: 43, Records: 2, Lines: 3}},
				{Problem: "line 4: malformed JSON: invalid character 'b' looking for beginning of object key string (at byte 2)", After: Position{Offset: 51, Records: 3, Lines: 4}},
				{Problem: "line 5: no text or body field", After: Position{Offset: 71, Records: 4, Lines: 5}},
				{ID: "feed#5", Body: "Five.", After: Position{Offset: 87, Records: 5, Lines: 6}},
			},
		},
		{
			name: "single record keeps the bare name",
			file: "one.ndjson",
			data: "{\"text\":\"Only.\"}\n\n",
			want: []streamed{{ID: "one", Body: "Only.", After: Position{Offset: 17, Records: 1, Lines: 1}}},
		},
		{
			name: "byte order mark",
			file: "bom.jsonl",
			data: "\uFEFF{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n",
			want: []streamed{
				{ID: "bom#1", Body: "A.", After: Position{Offset: 17, Records: 1, Lines: 1}},
				{ID: "bom#2", Body: "B.", After: Position{Offset: 31, Records: 2, Lines: 2}},
			},
		},
		{
			name: "empty",
			file: "empty.jsonl",
			data: "\n\n",
			want: []streamed{{Problem: "empty file", After: Position{Offset: 2, Lines: 2}}},
		},
		{
			name: "text file read whole",
			file: "story.txt",
			data: "Harbor closes\n\nThe harbor closed on Monday.\n",
			want: []streamed{{ID: "story", Body: "The harbor closed on Monday.", After: Position{Offset: 44, Records: 1}}},
		},
		{
			name: "JSON array read whole, last record carries the end",
			file: "batch.json",
			data: `[{"id":"x","text":"A."},{"text":"B."},{"text":""}]`,
			want: []streamed{
				{ID: "x", Body: "A.", OwnID: true, After: Position{Records: 1}},
				{ID: "batch#2", Body: "B.", After: Position{Records: 2}},
				{Problem: `line 1: field "text" is empty`, After: Position{Offset: 50, Records: 3}},
			},
		},
		{
			name: "JSON Lines sniffed without an extension",
			file: "dump",
			data: "{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n",
			want: []streamed{
				{ID: "dump#1", Body: "A.", After: Position{Offset: 14, Records: 1, Lines: 1}},
				{ID: "dump#2", Body: "B.", After: Position{Offset: 28, Records: 2, Lines: 2}},
			},
		},
		{
			name: "binary",
			file: "x.jsonl",
			data: "\x00\x01\x02{}",
			want: []streamed{{Problem: "binary file, not text", After: Position{Offset: 5, Records: 1}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			got := collect(t, path, Position{})
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

// TestStreamResume checks that resuming after any record yields exactly
// the records that follow it, with the same ids and line numbers.
func TestStreamResume(t *testing.T) {
	var sb strings.Builder
	for i := 1; i <= 40; i++ {
		switch {
		case i%7 == 0:
			sb.WriteString("{not json\n")
		case i%5 == 0:
			sb.WriteString("\n")
		default:
			fmt.Fprintf(&sb, "{\"text\":\"Record %d.\"}\n", i)
		}
	}
	path := filepath.Join(t.TempDir(), "wire.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	all := collect(t, path, Position{})
	for i, r := range all {
		rest := collect(t, path, r.After)
		if !reflect.DeepEqual(rest, all[i+1:]) && !(len(rest) == 0 && i == len(all)-1) {
			t.Fatalf("resume after record %d: got\n%+v\nwant\n%+v", i+1, rest, all[i+1:])
		}
	}

	// Lines appended later are read from where the last read stopped.
	end := all[len(all)-1].After
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("{\"id\":\"late\",\"text\":\"Appended.\"}\n")
	f.Close()
	got := collect(t, path, end)
	if len(got) != 1 || got[0].ID != "late" || got[0].After.Records != end.Records+1 {
		t.Errorf("after append: %+v", got)
	}

	// A file shorter than the position was replaced: read from the start.
	if err := os.WriteFile(path, []byte("{\"text\":\"New.\"}\n{\"text\":\"Newer.\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got = collect(t, path, end)
	if len(got) != 2 || got[0].ID != "wire#1" {
		t.Errorf("after replace: %+v", got)
	}

	// A whole-file input read to its end is skipped.
	txt := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(txt, []byte("Storm\n\nThe storm hit."), 0o644)
	first := collect(t, txt, Position{})
	if again := collect(t, txt, first[len(first)-1].After); len(again) != 0 {
		t.Errorf("finished text file read again: %+v", again)
	}
}

// TestStreamMatchesLoad streams a tree and compares with Load, which reads
// the same inputs whole.
func TestStreamMatchesLoad(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"news/b.txt":              "Port strike ends\n\n" + lede + "\n",
		"news/a/one.md":           "# Talks resume\n\nNegotiators *met* again.\n",
		"news/a/deep/two.json":    `{"id":"x2","text":"Two.","source":"Wire"}`,
		"news/a/deep/feed.ndjson": "{\"text\":\"One.\"}\n{\"text\":\"Two.\",\"published\":\"2025-03-19\"}\nnope\n",
		"news/crawl.warc.gz":      "not read by Load",
		"news/photo.png":          "\x89PNG",
	})
	root := filepath.Join(dir, "news")
	arts, problems := Load([]string{root, "-"}, strings.NewReader(`{"text":"From stdin."}`), Defaults{Source: "Desk"})
	var gotArts []*parallax.Article
	var gotProblems []parallax.Problem
	err := Stream([]string{root, "-"}, strings.NewReader(`{"text":"From stdin."}`), Defaults{Source: "Desk"}, func(r Record) error {
		if r.Article != nil {
			gotArts = append(gotArts, r.Article)
		} else {
			gotProblems = append(gotProblems, *r.Problem)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotArts, arts) {
		t.Errorf("articles differ:\nstream %+v\nload   %+v", summarize(gotArts), summarize(arts))
	}
	if !reflect.DeepEqual(gotProblems, problems) {
		t.Errorf("problems differ:\nstream %+v\nload   %+v", gotProblems, problems)
	}

	files, _ := Files([]string{root}, ".warc.gz")
	want := []string{"a/deep/feed.ndjson", "a/deep/two.json", "a/one.md", "b.txt", "crawl.warc.gz"}
	for i := range files {
		files[i], _ = filepath.Rel(root, files[i])
		files[i] = filepath.ToSlash(files[i])
	}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("Files = %v, want %v", files, want)
	}
}

// endless is a JSON Lines input that never ends.
type endless struct {
	n   int
	buf bytes.Buffer
}

func (e *endless) Read(p []byte) (int, error) {
	for e.buf.Len() < len(p) {
		e.n++
		fmt.Fprintf(&e.buf, "{\"id\":\"r%d\",\"text\":\"Record number %d of a stream that never ends.\"}\n", e.n, e.n)
	}
	return e.buf.Read(p)
}

// TestStreamBoundedMemory reads from an input that never ends: only a
// reader that handles records one at a time can stop after some of them.
func TestStreamBoundedMemory(t *testing.T) {
	stop := errors.New("enough")
	n := 0
	err := StreamReader("-", &endless{}, Defaults{}, func(r Record) error {
		if r.Article == nil {
			t.Fatalf("unexpected problem %+v", r.Problem)
		}
		n++
		if r.Article.ID != fmt.Sprintf("r%d", n) {
			t.Fatalf("record %d has id %s", n, r.Article.ID)
		}
		if n == 100000 {
			return stop
		}
		return nil
	})
	if err != stop {
		t.Fatalf("err = %v, want the callback's error", err)
	}
}

func TestReadHTML(t *testing.T) {
	page := "<div><h1>Bridge reopens</h1><p>The bridge over the Elden river reopened on Tuesday after repairs that took four months, the city said.</p></div>"
	arts, err := ReadHTML("https://example.com/news/bridge", []byte(page), Defaults{Source: "City Post"})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || !strings.Contains(arts[0].Body, "reopened on Tuesday") || arts[0].Source != "City Post" {
		t.Errorf("got %+v", arts)
	}
}

func FuzzStream(f *testing.F) {
	f.Add("{\"text\":\"One.\"}\n\n{\"id\":\"b\",\"text\":\"Two.\"}\r\n{broken\n")
	f.Add("\uFEFF{\"text\":\"A.\"}\n{\"text\":\"B.\"}")
	f.Add("{\"text\":\"x\"}\n{\"text\":\"\"}\n\n\n{}")
	f.Fuzz(func(t *testing.T, data string) {
		path := filepath.Join(t.TempDir(), "f.jsonl")
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		all := collect(t, path, Position{})
		last := Position{}
		for i, r := range all {
			if r.After.Offset < last.Offset || r.After.Offset > int64(len(data)) {
				t.Fatalf("record %d: offset %d after %d (len %d)", i, r.After.Offset, last.Offset, len(data))
			}
			last = r.After
			if r.After.Offset == 0 {
				continue
			}
			rest := collect(t, path, r.After)
			if len(rest) != len(all)-i-1 {
				t.Fatalf("resume after %d: %d records, want %d", i, len(rest), len(all)-i-1)
			}
		}
	})
}

var _ io.Reader = (*endless)(nil)
