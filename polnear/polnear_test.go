package polnear

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

const fixture = "testdata/corpus/dev"

func readFixture(t testing.TB) (text, ann string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixture, "text", "city-budget.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := os.ReadFile(filepath.Join(fixture, "attributions", "city-budget_ab12.ann"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b), string(a)
}

func fragText(text string, frags []parallax.Span) string {
	var parts []string
	for _, f := range frags {
		parts = append(parts, text[f.Start:f.End])
	}
	return strings.Join(parts, " … ")
}

func TestParse(t *testing.T) {
	text, ann := readFixture(t)
	rels, err := Parse(ann, text)
	if err != nil {
		t.Fatal(err)
	}
	// Code-point offsets after "Mayor’s" and "mayor’s" must land on the
	// same bytes as the span texts.
	want := [][3]string{
		{"City Council member Ana Ruiz", "said", "the plan “cuts too deep.”"},
		{"The mayor’s office", "said in a statement", "the budget was balanced"},
		{"the finance department", "According to", "revenue rose 3 percent last year"},
		{"Residents", "fear", "the library will close"},
		{"the union", "warned of", "layoffs"},
	}
	if len(rels) != len(want) {
		t.Fatalf("got %d relations, want %d", len(rels), len(want))
	}
	for i, w := range want {
		r := rels[i]
		got := [3]string{fragText(text, r.Source), fragText(text, r.Cue), fragText(text, r.Content)}
		if got != w {
			t.Errorf("relation %d: got %q, want %q", i, got, w)
		}
	}
}

func TestParseFormats(t *testing.T) {
	text := "ab€cd efgh ijkl"
	tests := []struct {
		name    string
		ann     string
		want    []string // content fragments of each relation, joined
		wantErr bool
	}{
		{"discontinuous content", "T1\tContent 0 2;6 10\tab … efgh\nT2\tCue 11 15\tijkl\nE1\tCue:T2 Content:T1\n", []string{"ab … efgh"}, false},
		{"second content role", "T1\tContent 0 2\tab\nT2\tContent 6 10\tefgh\nE1\tContent:T1 Content2:T2\n", []string{"ab … efgh"}, false},
		{"multi-byte rune counts once", "T1\tContent 3 5\tcd\nE1\tContent:T1\n", []string{"cd"}, false},
		{"continuation lines and notes are skipped", "T1\tContent 0 2\tab\nmore text of T1\n#1\tAnnotatorNotes T1\tnote\nE1\tContent:T1\n", []string{"ab"}, false},
		{"CRLF line ends", "T1\tContent 0 2\tab\r\nE1\tContent:T1\r\n", []string{"ab"}, false},
		{"offset past the end", "T1\tContent 0 99\tab\n", nil, true},
		{"reversed offsets", "T1\tContent 5 2\tab\n", nil, true},
		{"unknown id", "E1\tContent:T9\n", nil, true},
		{"argument without role", "T1\tContent 0 2\tab\nE1\tT1\n", nil, true},
		{"empty", "", nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rels, err := Parse(tc.ann, text)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			var got []string
			for _, r := range rels {
				got = append(got, fragText(text, r.Content))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// span returns the fragment of s in text (first occurrence).
func span(t *testing.T, text, s string) []parallax.Span {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in text", s)
	}
	return []parallax.Span{{Start: i, End: i + len(s)}}
}

func TestCompare(t *testing.T) {
	text := `Ruiz said the plan "cuts too deep." Lee said taxes would rise, and Kim said no.`
	rel := func(src, cue, content string) Relation {
		var r Relation
		if src != "" {
			r.Source = span(t, text, src)
		}
		if cue != "" {
			r.Cue = span(t, text, cue)
		}
		if content != "" {
			r.Content = span(t, text, content)
		}
		return r
	}
	// "said" occurs three times; build the later cues by offset.
	second := strings.Index(text, "Lee said") + len("Lee ")
	third := strings.Index(text, "Kim said") + len("Kim ")
	at := func(r Relation, cue int) Relation {
		r.Cue = []parallax.Span{{Start: cue, End: cue + 4}}
		return r
	}
	gold := []Relation{
		rel("Ruiz", "said", `the plan "cuts too deep."`),
		at(rel("Lee", "", "taxes would rise"), second),
		at(rel("Kim", "", "no"), third),
	}
	tests := []struct {
		name string
		pred []Relation
		want [numRoles]RoleCounts
	}{
		{
			name: "marks and final period do not count",
			pred: []Relation{rel("Ruiz", "said", `the plan "cuts too deep`)},
			want: [numRoles]RoleCounts{{3, 1, 1, 1}, {3, 1, 1, 1}, {3, 1, 1, 1}},
		},
		{
			name: "partial content overlaps but is not exact",
			pred: []Relation{at(rel("Lee", "", "taxes would"), second)},
			want: [numRoles]RoleCounts{{3, 1, 1, 1}, {3, 1, 1, 1}, {3, 1, 0, 1}},
		},
		{
			name: "one gold relation pairs once",
			pred: []Relation{
				rel("Ruiz", "said", `the plan "cuts too deep`),
				rel("Ruiz", "", "the plan"),
			},
			want: [numRoles]RoleCounts{{3, 2, 1, 1}, {3, 1, 1, 1}, {3, 2, 1, 1}},
		},
		{
			name: "cue overlap pairs before content overlap",
			pred: []Relation{at(rel("Lee", "", "taxes would rise, and Kim said no"), third)},
			want: [numRoles]RoleCounts{{3, 1, 0, 0}, {3, 1, 1, 1}, {3, 1, 0, 1}},
		},
		{
			name: "wrong source",
			pred: []Relation{at(rel("Kim", "", "taxes would rise"), second)},
			want: [numRoles]RoleCounts{{3, 1, 0, 0}, {3, 1, 1, 1}, {3, 1, 1, 1}},
		},
		{
			name: "nothing predicted",
			want: [numRoles]RoleCounts{{3, 0, 0, 0}, {3, 0, 0, 0}, {3, 0, 0, 0}},
		},
		{
			name: "only punctuation shared is no overlap",
			pred: []Relation{{Content: []parallax.Span{{Start: strings.Index(text, `." Lee`), End: strings.Index(text, ` Lee`)}}}},
			want: [numRoles]RoleCounts{{3, 0, 0, 0}, {3, 0, 0, 0}, {3, 0, 0, 0}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Compare(text, gold, tc.pred)
			if got.Roles != tc.want {
				t.Errorf("got %+v, want %+v", got.Roles, tc.want)
			}
		})
	}
}

func TestPRF(t *testing.T) {
	tests := []struct {
		matched, pred, gold int
		p, r, f             float64
	}{
		{1, 2, 4, 0.5, 0.25, 1.0 / 3},
		{0, 0, 0, 0, 0, 0},
		{3, 3, 3, 1, 1, 1},
	}
	for _, tc := range tests {
		p, r, f := PRF(tc.matched, tc.pred, tc.gold)
		if abs(p-tc.p) > 1e-9 || abs(r-tc.r) > 1e-9 || abs(f-tc.f) > 1e-9 {
			t.Errorf("PRF(%d,%d,%d) = %v %v %v, want %v %v %v", tc.matched, tc.pred, tc.gold, p, r, f, tc.p, tc.r, tc.f)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestScoreFixture runs the whole adapter on a hand-written article.
func TestScoreFixture(t *testing.T) {
	c, err := Evaluate("testdata/corpus", "dev")
	if err != nil {
		t.Fatal(err)
	}
	if c.Gold != 5 {
		t.Errorf("gold relations = %d, want 5 (only the first annotator file counts)", c.Gold)
	}
	logCounts(t, "fixture", c)
	// The article's four plain attributions are within reach of the
	// quote stage; "warned of layoffs" is not.
	if c.Roles[Content].Overlap < 4 {
		t.Errorf("content overlap matches = %d, want at least 4", c.Roles[Content].Overlap)
	}
	scores, err := Score("testdata/corpus", "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 6 {
		t.Fatalf("got %d scores, want 6", len(scores))
	}
	for _, s := range scores {
		if s.Suite != "polnear" || s.Value < 0 || s.Value > 1 || s.Definition == "" {
			t.Errorf("bad score %+v", s)
		}
	}
	if _, err := Score("testdata/corpus", "nosuchsplit"); err == nil {
		t.Error("missing split: want an error")
	}
}

func TestPredictedMergesOneAct(t *testing.T) {
	doc := &parallax.Document{Text: `"A," he said, "B."`}
	cue := parallax.Span{Start: 8, End: 12}
	spk := parallax.Span{Start: 5, End: 7}
	doc.Attributions = []parallax.Attribution{
		{Source: -1, SourceSpan: spk, Cue: cue, Content: parallax.Span{Start: 1, End: 2}},
		{Source: -1, SourceSpan: spk, Cue: cue, Content: parallax.Span{Start: 15, End: 16}},
	}
	rels := Predicted(doc)
	if len(rels) != 1 || len(rels[0].Content) != 2 {
		t.Fatalf("got %+v, want one relation with two content fragments", rels)
	}
}

func FuzzParse(f *testing.F) {
	text, ann := readFixture(f)
	f.Add(ann, text)
	f.Add("T1\tContent 0 2;6 10\tx\nE1\tContent:T1 Cue:T1\n", "ab€cd efgh ijkl")
	f.Add("T1\tCue 1 1\t\nE1\tCue:T1", "")
	f.Add("E1\tContent:T1\n", "x")
	f.Fuzz(func(t *testing.T, ann, text string) {
		rels, err := Parse(ann, text)
		if err != nil {
			return
		}
		for _, r := range rels {
			for _, frags := range [][]parallax.Span{r.Source, r.Cue, r.Content} {
				for _, s := range frags {
					if s.Start < 0 || s.End > len(text) || s.Start > s.End {
						t.Fatalf("span %v outside text of %d bytes", s, len(text))
					}
				}
			}
			Compare(text, rels, rels)
		}
	})
}

func BenchmarkEvaluateArticle(b *testing.B) {
	b.ReportAllocs()
	path := filepath.Join(fixture, "text", "city-budget.txt")
	for b.Loop() {
		if _, err := evaluateArticle("testdata/corpus", "dev", path); err != nil {
			b.Fatal(err)
		}
	}
}
