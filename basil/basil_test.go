package basil

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestNamed(t *testing.T) {
	tests := []struct {
		label string
		want  bool
	}{
		{"Michael_Steele", true},
		{"Donald_Trump_Jr.", true},
		{"NAACP", true},
		{"Tea_Party", true},
		{"Nebraska_and_Oklahoma_officials", false},
		{"other_anti", false},
		{"other_neutral", false},
		{"", false},
		{"unknown", false},
		{"Republican_Lawmakers", false},
		{"House_Democrats", false},
		{"Obama_campaign", false},
		{"protestors", false},
		{"senate_Democrats", false},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			if got := Named(tc.label); got != tc.want {
				t.Errorf("Named(%q) = %v, want %v", tc.label, got, tc.want)
			}
		})
	}
}

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       bool
	}{
		{"Michael_Steele", "Michael Steele", true},
		{"Michael_Steele", "Steele", true},
		{"Bibi_Netanyahu", "Benjamin Netanyahu", true},
		{"Felipe_Calder", "Felipe Calderón", true},
		{"Beto_ORourke", "Beto O'Rourke", true},
		{"Donald_Trump_Jr.", "Donald Trump", true},
		{"Jose_Marti", "José Martí", true},
		{"Michael_Steele", "Michael Bloomberg", false},
		{"Rick_Perry", "Perry Como Jr", false},
		{"Ann_Lee", "Tom Leeds", false}, // a prefix needs four letters
		{"Michael_Steele", "", false},
		{"", "Steele", false},
	}
	for _, tc := range tests {
		t.Run(tc.gold+"/"+tc.pred, func(t *testing.T) {
			if got := SameSpeaker(tc.gold, tc.pred); got != tc.want {
				t.Errorf("SameSpeaker(%q, %q) = %v, want %v", tc.gold, tc.pred, got, tc.want)
			}
		})
	}
}

func TestBodyAndLocate(t *testing.T) {
	a := &Article{Paragraphs: [][]string{{"Café owners said “no.”", "Then they left."}, {"Ünal spoke last."}}}
	body, offs := a.Body()
	if want := "Café owners said “no.” Then they left.\n\nÜnal spoke last."; body != want {
		t.Fatalf("body = %q, want %q", body, want)
	}
	tests := []struct {
		name string
		ph   Phrase
		want string
		ok   bool
	}{
		{"code points after a multi-byte rune", Phrase{Text: "“no.”", Start: 17, End: 22}, "“no.”", true},
		{"second sentence", Phrase{Text: "they left", Start: 5, End: 14}, "they left", true},
		{"second paragraph", Phrase{Text: "spoke", Start: 5, End: 10}, "spoke", true},
		{"wrong offsets fall back to the text", Phrase{Text: "owners", Start: 0, End: 3}, "owners", true},
		{"offsets past the sentence", Phrase{Text: "zzz", Start: 90, End: 99}, "", false},
		{"missing text", Phrase{Text: "absent", Start: 0, End: 6}, "", false},
		{"empty phrase", Phrase{}, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := a.Locate(tc.ph, offs)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if ok && body[s.Start:s.End] != tc.want {
				t.Errorf("located %q, want %q", body[s.Start:s.End], tc.want)
			}
		})
	}
}

func TestQuoteAt(t *testing.T) {
	body := `He said taxes would rise to "crushing levels" soon.`
	doc := &parallax.Document{Text: body, Quotes: []parallax.Quote{
		{Span: span(body, `taxes would rise to "crushing levels" soon`), Kind: parallax.Indirect},
		{Span: span(body, `crushing levels`), Kind: parallax.Direct},
	}}
	tests := []struct {
		name, gold string
		want       int
	}{
		{"direct quote preferred", `"crushing levels"`, 1},
		{"indirect when no direct overlaps", `taxes would`, 0},
		{"no overlap", `He`, -1},
		{"punctuation only", ` "`, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := QuoteAt(doc, body, span(body, tc.gold)); got != tc.want {
				t.Errorf("QuoteAt(%q) = %d, want %d", tc.gold, got, tc.want)
			}
		})
	}
}

func span(text, s string) parallax.Span {
	i := strings.Index(text, s)
	return parallax.Span{Start: i, End: i + len(s)}
}

// TestEvaluateFixture runs the adapter on a hand-written article: three
// spans by a named senator, one by a named governor, one by "other_anti"
// (not counted) and one outside quotes (not counted).
func TestEvaluateFixture(t *testing.T) {
	cases, err := Evaluate("testdata")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		text, gold string
	}{
		{"“a gift to the wealthy.”", "Maria_Lopez"},
		{"We cannot cut school lunches", "Maria_Lopez"},
		{"hurt working families", "Maria_Lopez"},
		{"Every dollar is accounted for", "Tom_Baker"},
	}
	if len(cases) != len(want) {
		t.Fatalf("got %d cases, want %d", len(cases), len(want))
	}
	for i, w := range want {
		c := cases[i]
		if c.Text != w.text || c.Gold != w.gold {
			t.Errorf("case %d = %q by %s, want %q by %s", i, c.Text, c.Gold, w.text, w.gold)
		}
		if !c.Correct {
			t.Errorf("case %q: predicted %q (phrase %q, found %v), want %s", c.Text, c.Predicted, c.Phrase, c.Found, c.Gold)
		}
	}
	scores, err := Score("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 1 || scores[0].Total != 4 || scores[0].Correct != 4 || scores[0].Value != 1 {
		t.Errorf("scores = %+v", scores)
	}
	if _, err := Score(t.TempDir()); err == nil {
		t.Error("empty folder: want an error")
	}
}

func FuzzLocate(f *testing.F) {
	f.Add("Café owners said “no.”", "“no.”", 17, 22)
	f.Add("abc", "", 0, 0)
	f.Add("a\xffb", "b", 2, 3)
	f.Fuzz(func(t *testing.T, sentence, text string, start, end int) {
		a := &Article{Paragraphs: [][]string{{sentence}}}
		body, offs := a.Body()
		s, ok := a.Locate(Phrase{Text: text, Start: start, End: end}, offs)
		if !ok {
			return
		}
		if s.Start < 0 || s.End > len(body) || s.Start > s.End || body[s.Start:s.End] != text {
			t.Fatalf("Locate gave %v for %q in %q", s, text, body)
		}
	})
}

func BenchmarkEvaluate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate("testdata"); err != nil {
			b.Fatal(err)
		}
	}
}
