package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run executes the parallax command tree in-process.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRoot(strings.NewReader(stdin), &out, &errb)
	root.SetArgs(args)
	err = root.Execute()
	return out.String(), errb.String(), err
}

const example = "../../examples/kessling-fire"

func analyzeExample(t *testing.T) *parallax.Brief {
	t.Helper()
	out, stderr, err := run(t, "", "analyze", "--format", "json", example)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	if err := report.ValidateBrief([]byte(out)); err != nil {
		t.Fatalf("brief JSON does not match the schema: %v", err)
	}
	var b parallax.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	return &b
}

// TestExampleGolden pins the whole JSON brief of the bundled example, so
// any change in what Parallax reports shows up in review.
func TestExampleGolden(t *testing.T) {
	out, stderr, err := run(t, "", "analyze", "--format", "json", example)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	golden := filepath.Join("testdata", "kessling-fire.golden.json")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/parallax -update)", err)
	}
	if out != string(want) {
		t.Errorf("brief differs from %s; run go test ./cmd/parallax -update and review the diff", golden)
	}
}

// TestAnnotateJSONLines checks that annotate writes one schema-valid JSON
// object per article.
func TestAnnotateJSONLines(t *testing.T) {
	out, stderr, err := run(t, "", "annotate", "--format", "json", example)
	if err != nil {
		t.Fatalf("annotate: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("got %d lines, want 6 (one per article)", len(lines))
	}
	for i, l := range lines {
		if err := report.ValidateAnnotation([]byte(l)); err != nil {
			t.Errorf("line %d: %v", i+1, err)
		}
	}
}

// TestSeedsSchemaValid runs on the real seed reports when they are present.
func TestSeedsSchemaValid(t *testing.T) {
	seeds := "../../../shared/seeds"
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("seed reports not found at %s: %v", seeds, err)
	}
	out, stderr, err := run(t, "", "analyze", "--format", "json", seeds)
	if err != nil {
		t.Fatalf("analyze seeds: %v\n%s", err, stderr)
	}
	if err := report.ValidateBrief([]byte(out)); err != nil {
		t.Fatalf("seed brief JSON does not match the schema: %v", err)
	}
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct{ format, want string }{
		{"text", "DISPUTED"},
		{"md", "## "},
		{"html", "<!DOCTYPE html>"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			out, stderr, err := run(t, "", "analyze", "--format", tc.format, example)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("output lacks %q", tc.want)
			}
		})
	}
	if _, _, err := run(t, "", "analyze", "--format", "pdf", example); err == nil {
		t.Error("--format pdf: want an error")
	}
}

// TestBadInputs feeds every kind of unusable file next to a good one: each
// must be reported with its path and a reason, and the good one analyzed.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Storm closes harbor\n\nThe harbor in Port Elden was closed on Monday after a storm damaged two piers, the port authority said.\n"))
	big := bytes.Repeat([]byte("The council met again and discussed the budget at length. "), 20<<20/58+1)
	bad := map[string]string{
		write("binary.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0, 0, 3, 4, 0, 0}): "binary",
		write("mixed.txt", bytes.Repeat([]byte("naïve \xff\xfe "), 200)):                  "UTF-8",
		write("empty.txt", nil): "empty",
		write("huge.txt", big):  "large",
		write("broken.json", []byte(`{"title": "x", "text": "unterminated`)): "JSON",
	}
	args := []string{"analyze", "--format", "json", good}
	for p := range bad {
		args = append(args, p)
	}
	out, stderr, err := run(t, "", args...)
	if err != nil {
		t.Fatalf("analyze with one good file failed: %v\n%s", err, stderr)
	}
	for p, reason := range bad {
		line := ""
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, p) {
				line = l
			}
		}
		if line == "" {
			t.Errorf("no message for %s in stderr:\n%s", p, stderr)
			continue
		}
		if !strings.Contains(strings.ToLower(line), strings.ToLower(reason)) {
			t.Errorf("message for %s = %q, want it to mention %q", filepath.Base(p), line, reason)
		}
	}
	var b parallax.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Articles) != 1 || b.Articles[0].Path != good {
		t.Errorf("articles = %+v, want just %s", b.Articles, good)
	}
	if len(b.Problems) != len(bad) {
		t.Errorf("brief lists %d problems, want %d", len(b.Problems), len(bad))
	}

	// Nothing usable: non-zero exit.
	if _, _, err := run(t, "", "analyze", filepath.Join(dir, "empty.txt")); err == nil {
		t.Error("analyze of only an empty file: want an error")
	}
	// Malformed HTML still yields a message or an article, never a panic.
	if _, _, err := run(t, "", "analyze", write("broken.html", []byte("<html><body><p>unclosed <div><<>>"))); err == nil {
		t.Log("broken.html was read as an article")
	}
}

func TestStdin(t *testing.T) {
	in := `{"id":"a1","source":"Harbor Times","title":"Storm","text":"The harbor in Port Elden was closed on Monday after a storm damaged two piers, the port authority said."}` + "\n"
	out, stderr, err := run(t, in, "annotate", "--format", "json", "-")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(out, `"a1"`) {
		t.Errorf("annotate output lacks the record id: %s", out)
	}
}
