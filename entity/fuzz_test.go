package entity

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/parallax-news/parallax"
)

func goldenArticle(tb testing.TB) string {
	tb.Helper()
	ar, err := txtar.ParseFile("testdata/grain_talks.txtar")
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "article.txt" {
			return string(f.Data)
		}
	}
	tb.Fatal("no article.txt")
	return ""
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"Russian President Vladimir Putin spoke to Kiev.",
		"U.S.-Russia relations, the Trump-Putin call and Bashar al-Assad's fall.",
		"WASHINGTON (AP) - The White House said. “Up until recently,” Witkoff said.",
		"The Ukrainian Grain Export Association (UGEA) warned. UGEA said so.",
		"Dmitry Peskov, Putin’s spokesperson, told the Russian president's aides.",
		"The regional health ministry said. The ministry said. Acme Chemicals said; the company agreed.",
		"Insurers such as Lloyd's of London and the Black Sea Grain Initiative. Lloyd's of",
		"The Trump administration led Washington to restart aid; the the government said.",
		"Police said. Ukrainian officials said. the workers' union's the",
		"U.S", "U.S.", "A.", "O'", "’s", "-", "Al-", "the the the", "Mr. ", "\xff\xfe",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/grain_talks.txtar"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := splitSentences(text)
		ents := Recognize(text, sents)
		checkInvariants(t, text, ents)
		for _, e := range ents {
			for _, m := range e.Mentions {
				inside := false
				for _, s := range sents {
					if s.Span.Contains(m) {
						inside = true
					}
				}
				if !inside {
					t.Errorf("mention %v of %q outside every sentence", m, e.Name)
				}
			}
		}
		// Genders never panics, even on sentences past the text's end.
		if g := Genders(&parallax.Document{Text: text, Sentences: sents, Entities: ents}); len(g) != len(ents) {
			t.Errorf("Genders: %d values for %d entities", len(g), len(ents))
		}
		// The whole text as one sentence, and a sentence past the end.
		whole := []parallax.Sentence{{Span: parallax.Span{Start: 0, End: len(text)}}, {Span: parallax.Span{Start: len(text) / 2, End: len(text) + 7}}}
		checkInvariants(t, text, Recognize(text, whole))
		for _, e := range ents {
			if strings.TrimSpace(e.Key) == "" {
				t.Errorf("empty key for %q", e.Name)
			}
		}
		// Merging across articles never panics and numbers every entity.
		merged, groups := Merge(append(ents, Recognize(text, whole)...))
		for _, g := range groups {
			if g < 0 || g >= len(merged) {
				t.Errorf("group %d outside %d merged entities", g, len(merged))
			}
		}
	})
}

func BenchmarkRecognize(b *testing.B) {
	text := goldenArticle(b)
	sents := splitSentences(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Recognize(text, sents)
	}
}

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Key("Volodymyr Zelenskyy")
	}
}

// FuzzGenders feeds Genders sentence and mention spans that lie anywhere,
// as a buggy upstream stage might produce.
func FuzzGenders(f *testing.F) {
	f.Add("Okafor spoke. He said his plan would pass.", 0, 6, 0, 13, 14, 42)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Add("Mrs. Ruiz left. She said so.", 5, 9, -3, 15, 16, 99)
	f.Fuzz(func(t *testing.T, text string, ms, me, s1s, s1e, s2s, s2e int) {
		doc := &parallax.Document{Text: text,
			Sentences: []parallax.Sentence{{Span: parallax.Span{Start: s1s, End: s1e}}, {Span: parallax.Span{Start: s2s, End: s2e}}},
			Entities:  []parallax.Entity{{Name: "Okafor", Type: parallax.Person, Mentions: []parallax.Span{{Start: ms, End: me}}}}}
		if g := Genders(doc); len(g) != 1 {
			t.Errorf("Genders: %d values", len(g))
		}
	})
}
