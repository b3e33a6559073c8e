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

// numberSeeds exercise the readers of Numbers, NumberRanges and Measures.
var numberSeeds = []string{
	"1 234 567.89", "12,34,567.89", "1.111,11, 1,111.11", "192.168.1.2", "22,24,26,31", "-1.1^--23",
	"6.23x10^-4", "1.3e6", "- 10  k", "10G", "1MM", "one hundred and thirty fifths", "ninety - five hundred-fifths",
	"two hundred and fifty-four hundredths", "one billion and a half million", "three quarters of a million",
	"one over one hundred and twenty one", "two out of five hundreds", "nine point nought four", "⅔ and ½",
	"3 hundred and 2 hundred", "four lakh crore", "more than 5000 or equal to", "< = 100", "<>30", "=<30",
	"+1-222-2222/2222", "between the tenth and the fifteenth", "5k-20k", "c $ 100 and fifty", "u.s $ 100,000,000",
	"100,000 ரூ", "75 USD million", "MAUD 60", "12 ft 2 in", "50 km/ms", "20 {kg}", "24703m212", "scp2-173m",
	"percents of twenty", "http://a.b/?q=30%25%2020%", "1e400 trillion trillion", "9^999999", "$ ", "- ",
}

func FuzzNumbers(f *testing.F) {
	for _, s := range append(fuzzSeeds, numberSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, m := range Numbers(text) {
			if m.Span.Start < prev || m.Span.Start >= m.Span.End || m.Span.End > len(text) || !finite(m.Value) {
				t.Fatalf("Numbers: bad match %+v (prev end %d) in %q", m, prev, text)
			}
			prev = m.Span.End
		}
		prev = 0
		for _, r := range NumberRanges(text) {
			v := r.Value
			if r.Span.Start < prev || r.Span.Start >= r.Span.End || r.Span.End > len(text) ||
				math.IsNaN(v.Lo) || math.IsNaN(v.Hi) || v.Lo > v.Hi {
				t.Fatalf("NumberRanges: bad match %+v (prev end %d) in %q", r, prev, text)
			}
			prev = r.Span.End
		}
		prev = 0
		for _, m := range Measures(text) {
			if m.Span.Start < prev || m.Span.Start >= m.Span.End || m.Span.End > len(text) || !finite(m.Value) ||
				m.Unit == "" || m.Dimension == "" || !m.Known && m.Value != 0 {
				t.Fatalf("Measures: bad match %+v (prev end %d) in %q", m, prev, text)
			}
			prev = m.Span.End
		}
	})
}
