package recognizers

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var specFailures = flag.Bool("spec.failures", false, "log every failing case of the real number, unit and duration suites")

// specDir finds the Recognizers-Text specs next to the checkout; the test
// skips without them.
func specDir(t *testing.T) string {
	t.Helper()
	d := filepath.Join("..", "..", "shared", "eval", "recognizers-text-specs-en")
	if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
		t.Skipf("Recognizers-Text specs not found at %s (../../shared/eval): skipping the real suites", d)
	}
	return d
}

// TestSpecSuites runs the real suites and logs their scores; the floors are
// enforced by `parallax eval`, not here.
func TestSpecSuites(t *testing.T) {
	dir := specDir(t)
	for _, s := range specSuites() {
		sc, fails, err := specEvaluate(dir, s)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%-18s %3d/%3d = %.3f (skipped %d)", s.name, sc.passed, sc.total, float64(sc.passed)/float64(max(sc.total, 1)), sc.skipped)
		if *specFailures {
			for _, f := range fails {
				t.Logf("  FAIL %q\n    want %s\n    got  %s", f.input, specShow(f.input, f.want), specShow(f.input, f.got))
			}
		}
	}
}

func TestSpecParse(t *testing.T) {
	// A byte order mark, a non-BMP character (two UTF-16 code units) before
	// the result, an inclusive End and a Length.
	b := []byte("\ufeff" + `[{"Input": "🕑 at 7 and 9", "NotSupported": "java",
	  "Results": [{"Text": "7", "Start": 6, "End": 6}, {"Text": "9", "Start": 12, "Length": 1}]}]`)
	cases, err := specParse(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 1 || specSkipped(cases[0]) {
		t.Fatalf("cases = %+v", cases)
	}
	in := cases[0].Input
	for i, want := range []string{"7", "9"} {
		sp, err := cases[0].Results[i].span(in)
		if err != nil {
			t.Fatal(err)
		}
		if in[sp.start:sp.end] != want || sp.end-sp.start != 1 {
			t.Errorf("result %d: span %v = %q, want %q", i, sp, in[sp.start:sp.end], want)
		}
	}
	bad := cases[0].Results[0]
	bad.Start = 5
	if _, err := bad.span(in); err == nil {
		t.Error("a span that does not hold the result's text: no error")
	}
	if _, err := specParse([]byte("{")); err == nil {
		t.Error("bad JSON: no error")
	}
}

func TestSpecSkipped(t *testing.T) {
	tests := []struct {
		ns, nsbd string
		want     bool
	}{
		{"", "", false},
		{"javascript, python", "", false},
		{"", "javascript,python,java", false},
		{"dotnet, javascript", "", true},
		{"", "DotNet", true},
		{"dotnetcore", "", false},
	}
	for _, tc := range tests {
		if got := specSkipped(specCase{NotSupported: tc.ns, NotSupportedByDesign: tc.nsbd}); got != tc.want {
			t.Errorf("specSkipped(%q, %q) = %v, want %v", tc.ns, tc.nsbd, got, tc.want)
		}
	}
}

func TestSpecSame(t *testing.T) {
	a := specItem{span: specSpan{0, 3}, vals: []float64{12}}
	b := specItem{span: specSpan{5, 7}, vals: []float64{0.5}}
	near := specItem{span: specSpan{0, 3}, vals: []float64{12 * (1 + 1e-9)}}
	far := specItem{span: specSpan{0, 3}, vals: []float64{12.1}}
	null := specItem{span: specSpan{0, 3}, tag: "null"}
	tests := []struct {
		name      string
		want, got []specItem
		same      bool
	}{
		{"equal", []specItem{a, b}, []specItem{b, a}, true},
		{"tolerance", []specItem{a}, []specItem{near}, true},
		{"value", []specItem{a}, []specItem{far}, false},
		{"extra", []specItem{a}, []specItem{a, b}, false},
		{"missing", []specItem{a, b}, []specItem{a}, false},
		{"twice", []specItem{a, b}, []specItem{a, a}, false},
		{"null", []specItem{null}, []specItem{a}, false},
		{"none", nil, nil, true},
	}
	for _, tc := range tests {
		if got := specSame(tc.want, tc.got); got != tc.same {
			t.Errorf("%s: specSame = %v, want %v", tc.name, got, tc.same)
		}
	}
}

func TestSpecNumber(t *testing.T) {
	for in, want := range map[string]float64{`"192"`: 192, `"1E-12"`: 1e-12, `"-5%"`: -5, `"103.666666666667"`: 103.666666666667, `7`: 7} {
		v, ok, err := specNumber([]byte(in))
		if err != nil || !ok || v != want {
			t.Errorf("specNumber(%s) = %v, %v, %v; want %v", in, v, ok, err, want)
		}
	}
	for _, in := range []string{`null`, `"null"`, ``} {
		if _, ok, err := specNumber([]byte(in)); ok || err != nil {
			t.Errorf("specNumber(%s): ok=%v err=%v, want a null", in, ok, err)
		}
	}
	if _, _, err := specNumber([]byte(`"12x"`)); err == nil {
		t.Error(`specNumber("12x"): no error`)
	}
}

func specShow(input string, items []specItem) string {
	var b strings.Builder
	for _, it := range items {
		txt := "?"
		if it.span.start >= 0 && it.span.end <= len(input) && it.span.start <= it.span.end {
			txt = input[it.span.start:it.span.end]
		}
		fmt.Fprintf(&b, "[%q %s %v] ", txt, it.tag, it.vals)
	}
	return b.String()
}
