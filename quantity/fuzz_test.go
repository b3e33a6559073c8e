package quantity

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// fuzzSeeds are inputs that exercise every reader.
var fuzzSeeds = []string{
	"more than two hours", "two-and-a-half-hour call", "a 90-minute call", "at least 90 minutes",
	"175 prisoners of war each", "175 prisoners from each side", "between $3 million and $5 million",
	"$3-5bn", "3–5 days", "tens of thousands of people", "nearly a quarter of the", "an hour and a half",
	"on 3/19/2025 at 10:30", "call +1 202-555-0100", "F-16s", "COVID-19", "World War 2", "5-4",
	"1,30", "19.03.2025", "99999999999999999999999999999999999999999999999999999999999999999999" +
		"99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999" +
		"99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999" +
		"99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999e9 km",
	"1e308 bn", "half a million", "a", "-", "$", "one", "\xff\xfe 3 km", "2.5km2", "10%-20%",
}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	if ar, err := txtar.ParseFile(filepath.Join("testdata", "find.txtar")); err == nil {
		for _, file := range ar.Files {
			if strings.HasSuffix(file.Name, ".txt") {
				f.Add(string(file.Data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := Find(text)
		prev := 0
		for _, q := range qs {
			if q.Span.Start < prev || q.Span.Start >= q.Span.End || q.Span.End > len(text) {
				t.Fatalf("bad span %v (prev end %d, len %d) in %q", q.Span, prev, len(text), text)
			}
			prev = q.Span.End
			v := q.Value
			if math.IsNaN(v.Lo) || math.IsNaN(v.Hi) || v.Lo > v.Hi || math.IsInf(v.Lo, 0) {
				t.Fatalf("bad interval %+v for %q", v, text[q.Span.Start:q.Span.End])
			}
			if q.Dimension == "" {
				t.Fatalf("no dimension for %q", text[q.Span.Start:q.Span.End])
			}
		}
		if q, ok := Parse(text); ok && (q.Span.Start < 0 || q.Span.End > len(text) || q.Value.Lo > q.Value.Hi) {
			t.Fatalf("bad Parse result %+v", q)
		}
		if v, ok := Number(text); ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("Number(%q) = %v", text, v)
		}
	})
}
