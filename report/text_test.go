package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

func renderText(t *testing.T, b *parallax.Brief, o Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Text(&buf, b, o); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestTextGolden(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	golden(t, "brief.txt.golden", []byte(renderText(t, b, Options{})))
	golden(t, "brief-60.txt.golden", []byte(renderText(t, b, Options{Width: 60})))
}

func TestTextSectionsInOrder(t *testing.T) {
	out := renderText(t, fixtureBrief(fixtureDocs()), Options{})
	order := []string{
		"PARALLAX BRIEF — 4 articles from 4 outlets, 3 independent origins",
		"SUMMARY (3)", "AGREED (2)", "DISPUTED (3)", "ONE SOURCE, SEVERAL OUTLETS (1)", "WHO SAID WHAT (7)",
		"ONLY IN ONE OUTLET (3)", "WORDING (2)", "TIMELINE (5)", "PROBLEMS (1)",
	}
	pos := 0
	for _, h := range order {
		i := strings.Index(out[pos:], h)
		if i < 0 {
			t.Fatalf("%q missing or out of order", h)
		}
		pos += i
	}
	for _, want := range []string{
		`• "more than two hours" — >120 min — [1] Coastal Post, attributed to Steve Witkoff`,
		`• "about 90 minutes" — ~90 min — [2] Valley Herald, attributed to Kremlin`,
		`• "two and a half hours" — 150 min — [3] Global Wire, [4] Evening Courier`,
		`• "on Monday" — 2025-03-24 — [3] Global Wire, [4] Evening Courier`,
		"(4 outlets, 3 independent sources) [1,2,3,4]",
		"(2 outlets, 1 independent source) [3,4], attributed to Kremlin",
		"“We are a short distance from a full ceasefire,” — direct, told/said — [1] Coastal Post, [3] Global Wire, [4] Evening Courier",
		"Unattributed",
		"inbox/scan-0042.pdf: unsupported format: application/pdf",
	} {
		if !strings.Contains(oneLine(out), want) { // wrapping aside
			t.Errorf("missing %q", want)
		}
	}
}

func TestTextWidth(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	for _, w := range []int{40, 60, 80, 100, 140} {
		for _, color := range []bool{false, true} {
			out := renderText(t, b, Options{Width: w, Color: color})
			for i, l := range strings.Split(out, "\n") {
				plain := stripANSI(l)
				if n := utf8.RuneCountInString(plain); n > w && strings.Contains(strings.TrimSpace(plain), " ") {
					t.Errorf("width %d color %v line %d has %d runes: %q", w, color, i+1, n, plain)
				}
			}
			if !color && strings.Contains(out, "\x1b") {
				t.Errorf("width %d: escape codes without color", w)
			}
		}
	}
}

func TestTextColor(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	out := renderText(t, b, Options{Color: true})
	for _, want := range []string{
		ansiBold + "AGREED (2)" + ansiReset,
		"  • " + ansiGreen + "Trump and Putin agreed",
		"  ! " + ansiRed + "Trump and Putin spoke by phone on Tuesday." + ansiReset,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	if stripANSI(out) != renderText(t, b, Options{}) {
		t.Error("color changes the text, not just its style")
	}
}

func TestTextHostileInput(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	b.Articles[0].Title = "Title\x1b[2J\x1b]0;pwned\x07 with\nnewline"
	b.Facts[0].Statement = "Clear\x1b[31m screen\r\x00"
	out := renderText(t, b, Options{Color: false})
	if strings.ContainsAny(out, "\x1b\x07\r\x00") {
		t.Errorf("control characters reach the terminal: %q", out[:300])
	}
	if !strings.Contains(out, "Title[2J]0;pwned with newline") {
		t.Errorf("title not cleaned as expected:\n%s", out[:400])
	}
}

func TestTextEmptyAndNil(t *testing.T) {
	out := renderText(t, &parallax.Brief{}, Options{})
	want := "PARALLAX BRIEF — 0 articles from 0 outlets, 0 independent origins\n\n" +
		"AGREED (0)\n  No fact is reported by two independent sources.\n\n" +
		"DISPUTED (0)\n  No disagreement found between sources.\n"
	if out != want {
		t.Errorf("empty brief:\n%s\nwant:\n%s", out, want)
	}
	if err := Text(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("nil brief accepted")
	}
}

func TestTextUnknownArticleStaysVisible(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	b.Summary[2].Articles = []string{"wire-3", "ghost-9"}
	out := renderText(t, b, Options{})
	if !strings.Contains(out, "Negotiators are to meet again in Jeddah. [3,?ghost-9]") {
		t.Errorf("unknown article dropped:\n%s", out)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errShort
	}
	f.n--
	return len(p), nil
}

var errShort = &shortErr{}

type shortErr struct{}

func (*shortErr) Error() string { return "disk full" }

func TestWriteErrorsReturned(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	docs := fixtureDocs()
	for name, render := range map[string]func(w *failWriter) error{ // n writes succeed, then the writer fails
		"text":            func(w *failWriter) error { return Text(w, b, Options{}) },
		"markdown":        func(w *failWriter) error { return Markdown(w, b) },
		"html":            func(w *failWriter) error { return HTML(w, b, docs) },
		"json":            func(w *failWriter) error { return JSON(w, b) },
		"annotation":      func(w *failWriter) error { return Annotation(w, docs[0]) },
		"annotation text": func(w *failWriter) error { return AnnotationText(w, docs[0]) },
	} {
		t.Run(name, func(t *testing.T) {
			for _, n := range []int{0, 3} {
				if strings.Contains(name, "json") || name == "annotation" {
					if n > 0 {
						continue // a single write
					}
				}
				if err := render(&failWriter{n: n}); err == nil || !strings.Contains(err.Error(), "disk full") {
					t.Errorf("after %d writes: err = %v, want the writer's error", n, err)
				}
			}
		})
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
