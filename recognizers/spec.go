package recognizers

// This file loads the Recognizers-Text spec JSON and scores suites of it;
// the scoring is documented on All.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// specCase is one case of a Recognizers-Text spec file. The *Model files
// give results with TypeName, Resolution and an inclusive End; the
// Extractor/Parser files give Type, Value and Length.
type specCase struct {
	Input                string
	Context              *specContext `json:",omitempty"`
	NotSupported         string
	NotSupportedByDesign string
	Results              []specResult
}

type specContext struct {
	ReferenceDateTime string
}

type specResult struct {
	Text       string
	TypeName   string
	Type       string
	Resolution json.RawMessage
	Value      json.RawMessage
	Start      int
	End        *int
	Length     *int
}

// specSpan is a half-open byte range into a case's Input.
type specSpan struct{ start, end int }

// specLoad reads one spec file: dir is the specs root, rel its path below
// it ("Number/English/NumberModel.json").
func specLoad(dir, rel string) ([]specCase, error) {
	path := filepath.Join(dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read spec: %w", err)
	}
	cases, err := specParse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// specParse decodes spec JSON, which may start with a UTF-8 byte order
// mark.
func specParse(b []byte) ([]specCase, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	var cases []specCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return nil, fmt.Errorf("decode spec: %w", err)
	}
	return cases, nil
}

// specSkipped reports a case the reference .NET implementation does not
// pass either.
func specSkipped(c specCase) bool {
	return specNames(c.NotSupported, "dotnet") || specNames(c.NotSupportedByDesign, "dotnet")
}

func specNames(list, name string) bool {
	for f := range strings.SplitSeq(list, ",") {
		if strings.EqualFold(strings.TrimSpace(f), name) {
			return true
		}
	}
	return false
}

// span converts a result's character offsets into a byte span of input.
// Offsets count UTF-16 code units, as .NET strings do.
func (r specResult) span(input string) (specSpan, error) {
	var endUnits int
	switch {
	case r.End != nil:
		endUnits = *r.End + 1
	case r.Length != nil:
		endUnits = r.Start + *r.Length
	default:
		return specSpan{}, fmt.Errorf("result %q has neither End nor Length", r.Text)
	}
	start, ok1 := specByteOffset(input, r.Start)
	end, ok2 := specByteOffset(input, endUnits)
	if !ok1 || !ok2 || start > end {
		return specSpan{}, fmt.Errorf("result %q: offsets %d..%d outside %q", r.Text, r.Start, endUnits, input)
	}
	// The spec's Text is sometimes lower-cased; the span must still be it.
	if !strings.EqualFold(input[start:end], r.Text) {
		return specSpan{}, fmt.Errorf("result %q does not match input text %q at %d", r.Text, input[start:end], r.Start)
	}
	return specSpan{start, end}, nil
}

// specByteOffset maps an offset in UTF-16 code units to a byte offset.
func specByteOffset(s string, units int) (int, bool) {
	if units < 0 {
		return 0, false
	}
	u := 0
	for i := 0; i < len(s); {
		if u == units {
			return i, true
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
		i += n
	}
	return len(s), u == units
}

// specTolerance is the relative tolerance for comparing values.
const specTolerance = 1e-6

// specClose reports whether a and b are equal within specTolerance.
func specClose(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	return d <= specTolerance*max(math.Abs(a), math.Abs(b)) || d <= 1e-12
}

// specItem is one result in comparable form, expected or returned.
type specItem struct {
	span specSpan
	// tag holds everything compared exactly: the canonical unit, interval
	// openness, a duration modifier, or "null" for a result with no value.
	tag string
	// vals are compared within specTolerance: one value, or an interval's
	// two bounds (±Inf when unbounded).
	vals []float64
}

func (a specItem) equal(b specItem) bool {
	if a.span != b.span || a.tag != b.tag || len(a.vals) != len(b.vals) {
		return false
	}
	for i := range a.vals {
		if !specClose(a.vals[i], b.vals[i]) {
			return false
		}
	}
	return true
}

// specSuite describes how one spec file is scored.
type specSuite struct {
	name       string // "NumberModel"
	file       string // below the specs root
	definition string
	// expect converts one expected result of a case.
	expect func(c specCase, r specResult) (specItem, error)
	// run returns Parallax's results for one input.
	run func(input string) []specItem
}

// specFailure is one failed case, for test logs.
type specFailure struct {
	input     string
	want, got []specItem
}

// specEvaluate scores one suite and returns its failed cases.
func specEvaluate(dir string, s specSuite) (score specScore, fails []specFailure, err error) {
	cases, err := specLoad(dir, s.file)
	if err != nil {
		return specScore{}, nil, err
	}
	for _, c := range cases {
		if specSkipped(c) {
			score.skipped++
			continue
		}
		want := make([]specItem, 0, len(c.Results))
		for _, r := range c.Results {
			it, err := s.expect(c, r)
			if err != nil {
				return specScore{}, nil, fmt.Errorf("%s: case %q: %w", s.file, c.Input, err)
			}
			want = append(want, it)
		}
		got := s.run(c.Input)
		score.total++
		if specSame(want, got) {
			score.passed++
			continue
		}
		fails = append(fails, specFailure{input: c.Input, want: want, got: got})
	}
	return score, fails, nil
}

// specScore counts one suite's cases.
type specScore struct{ passed, total, skipped int }

// specSame reports whether two result lists are equal as multisets.
func specSame(want, got []specItem) bool {
	if len(want) != len(got) {
		return false
	}
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for j, g := range got {
			if !used[j] && w.equal(g) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// specRun scores one suite as a parallax.Score.
func specRun(dir string, s specSuite) (parallax.Score, error) {
	sc, _, err := specEvaluate(dir, s)
	if err != nil {
		return parallax.Score{}, err
	}
	out := parallax.Score{
		Suite:      "recognizers/" + s.name,
		Metric:     "accuracy",
		Correct:    sc.passed,
		Total:      sc.total,
		Definition: s.definition,
	}
	if sc.total > 0 {
		out.Value = float64(sc.passed) / float64(sc.total)
	}
	return out, nil
}

// specSuites lists the suites of this file set in report order.
func specSuites() []specSuite {
	return []specSuite{
		numberSuite(), numberRangeSuite(), percentSuite(),
		unitDimensionSuite(), unitCurrencySuite(),
		durationExtractorSuite(), durationParserSuite(),
	}
}

// All scores the number, number-range, percent, dimension, currency and
// duration suites under dir, the root of the Recognizers-Text English
// specs (the folder holding Number/, NumberWithUnit/ and DateTime/), in
// that order.
//
// Each suite is one JSON file of cases: an Input sentence and the Results
// the reference (.NET) implementation returns, each with its text span and
// resolved value. The score is accuracy: the share of cases whose results
// Parallax returns equal the expected Results as a multiset (every
// expected result matched by exactly one returned result, none extra):
//
//   - NumberModel reads quantity.Numbers; NumberRangeModel
//     quantity.NumberRanges; PercentModel the Percent measures of
//     quantity.Measures; DimensionModel its length, area, mass, volume,
//     speed, information and angle measures; CurrencyModel its money;
//     DurationExtractor and DurationParser the Duration quantities of
//     quantity.Find.
//   - Span: the same start and end. The specs give character offsets
//     (UTF-16 code units, .NET string indices) with End inclusive in the
//     *Model files and Start+Length in the Extractor/Parser files; both
//     become half-open byte offsets into the UTF-8 Input, and the span
//     must hold the result's Text (case-insensitively).
//   - Value: numbers are equal within a relative tolerance of 1e-6 (the
//     specs print 15 significant digits). A result with a null value ("the
//     dollar", "a small percent") matches only a returned result without
//     a value. DurationExtractor compares spans only.
//   - Unit (DimensionModel, CurrencyModel): the spec's unit name is mapped
//     to Parallax's canonical unit and a factor (unitDimensions,
//     unitCurrencies; a result's isoCurrency, when present, is the unit);
//     the value compared is spec value × factor. Conventions: "Ton" is the
//     metric tonne, gallons, cups and spoons are US measures, a barrel is
//     an oil barrel; "Dollar" is USD, "Pound" (as money) GBP, "Cent" a
//     hundredth of USD, "Pence"/"Penny" of GBP, "Franc" CHF. A unit not in
//     the tables cannot match, so its case fails.
//   - NumberRangeModel: both bounds and, for finite bounds, whether each is
//     open, from the spec's notation "[20,30)", "(,100]".
//   - DurationParser: the duration in seconds (Parallax's minutes × 60; the
//     bound a qualifier states, so "more than an hour" is 3600) and the
//     modifier: spec Mod "more"/"less" must be the qualifier
//     "more_than"/"less_than", and no Mod any other reading.
//
// A case is skipped (left out of Total) only when its NotSupported or
// NotSupportedByDesign field names "dotnet": the reference implementation
// itself fails it. Cases marked only for other ports (java, javascript,
// python) are kept, since .NET passes them.
func All(dir string) ([]parallax.Score, error) {
	var out []parallax.Score
	for _, s := range specSuites() {
		sc, err := specRun(dir, s)
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}

// specNumber parses a spec value written as a JSON string ("192",
// "1E-12", "100%") or number; ok is false for null.
func specNumber(raw json.RawMessage) (v float64, ok bool, err error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return 0, false, nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, false, err
		}
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	if s == "null" || s == "" {
		return 0, false, nil
	}
	v, err = strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false, fmt.Errorf("value %q: %w", s, err)
	}
	return v, true, nil
}
