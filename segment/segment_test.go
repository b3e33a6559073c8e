package segment

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// texts returns the sentences of a one-paragraph text as strings.
func texts(text string) []string {
	var out []string
	for _, s := range Sentences(text, []parallax.Span{{Start: 0, End: len(text)}}) {
		out = append(out, text[s.Span.Start:s.Span.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two plain", "Putin agreed. Trump welcomed it.", []string{"Putin agreed.", "Trump welcomed it."}},
		{"headline without period", "Trump and Putin agree to 30-day energy truce", []string{"Trump and Putin agree to 30-day energy truce"}},
		{"no final period", "It ended. Then silence", []string{"It ended.", "Then silence"}},
		{"U.S. mid-sentence", "U.S. President Donald Trump spoke with the U.S. envoy.", []string{"U.S. President Donald Trump spoke with the U.S. envoy."}},
		{"U.S. before name", "The deal was backed by U.S. President Donald Trump. Then it ended.", []string{"The deal was backed by U.S. President Donald Trump.", "Then it ended."}},
		{"U.S. ends sentence", "Talks between Russia and the U.S. The next round is in Jeddah.", []string{"Talks between Russia and the U.S.", "The next round is in Jeddah."}},
		{"U.S.-Russia", "It strained U.S.-Russia ties. Moscow objected.", []string{"It strained U.S.-Russia ties.", "Moscow objected."}},
		{"titles", "Mr. Witkoff met Dr. Aas, Gen. Paul Whitfield and Sen. Laura Mills. Prof. Jones and Gov. Abbott did not.", []string{"Mr. Witkoff met Dr. Aas, Gen. Paul Whitfield and Sen. Laura Mills.", "Prof. Jones and Gov. Abbott did not."}},
		{"months", "The Feb. 28 meeting went badly. In Jan. Trump took office.", []string{"The Feb. 28 meeting went badly.", "In Jan. Trump took office."}},
		{"month ends sentence", "Talks resume in Jan. The date is not set.", []string{"Talks resume in Jan.", "The date is not set."}},
		{"a.m. p.m.", "They met at 10 a.m. Tuesday and left at 5 p.m. on Wednesday. It was 5 p.m. The talks ended.", []string{"They met at 10 a.m. Tuesday and left at 5 p.m. on Wednesday.", "It was 5 p.m.", "The talks ended."}},
		{"St. and No.", "Residents of St. Albans gathered at No. 10 Main St. The fire spread.", []string{"Residents of St. Albans gathered at No. 10 Main St.", "The fire spread."}},
		{"No. as a word", "He said no. The talks ended.", []string{"He said no.", "The talks ended."}},
		{"initials", "President Donald J. Trump spoke. J. R. R. Tolkien wrote. It was plan B. The end.", []string{"President Donald J. Trump spoke.", "J. R. R. Tolkien wrote.", "It was plan B.", "The end."}},
		{"decimals and money", "Growth was 2.5 percent. Insurers put losses at $1.2bn. Shares fell 18.4%.", []string{"Growth was 2.5 percent.", "Insurers put losses at $1.2bn.", "Shares fell 18.4%."}},
		{"company", "Vale Hydro Inc. said it would help. Acme Inc. The company declined.", []string{"Vale Hydro Inc. said it would help.", "Acme Inc.", "The company declined."}},
		{"etc and e.g.", "Pumps, boats, etc. were sent. Some, e.g. Poland, sent more.", []string{"Pumps, boats, etc. were sent.", "Some, e.g. Poland, sent more."}},
		{"quote comma said", `"We want peace," he said. Next came the vote.`, []string{`"We want peace," he said.`, "Next came the vote."}},
		{"quote period then name", `He called it "a step towards peace." Zelenskyy said he wanted details.`, []string{`He called it "a step towards peace."`, "Zelenskyy said he wanted details."}},
		{"closing quote then capital", `They said "we are at war." The army moved.`, []string{`They said "we are at war."`, "The army moved."}},
		{"question in quote lower", `"Why now?" she asked. Nobody answered.`, []string{`"Why now?" she asked.`, "Nobody answered."}},
		{"question in quote speaker", `"Why now?" Zelenskyy asked. Nobody answered.`, []string{`"Why now?" Zelenskyy asked.`, "Nobody answered."}},
		{"question in quote long speaker", `"Why now?" Ukrainian President Volodymyr Zelenskyy asked reporters.`, []string{`"Why now?" Ukrainian President Volodymyr Zelenskyy asked reporters.`}},
		{"exclamation in quote", `"Stop!" he shouted. They stopped.`, []string{`"Stop!" he shouted.`, "They stopped."}},
		{"question quote then sentence", `He asked, "Why now?" The answer was unclear.`, []string{`He asked, "Why now?"`, "The answer was unclear."}},
		{"question ends sentence", "Why now? Nobody knows. Really!", []string{"Why now?", "Nobody knows.", "Really!"}},
		{"multi-sentence quote stays with speaker", `"What are the details? And hopefully, we will be informed," Zelenskyy said. "Trying to negotiate without Ukraine will not work."`, []string{`"What are the details? And hopefully, we will be informed," Zelenskyy said.`, `"Trying to negotiate without Ukraine will not work."`}},
		{"quote after colon", `The readout said: "The leaders agreed. This includes deals." Moscow agreed.`, []string{`The readout said: "The leaders agreed. This includes deals."`, "Moscow agreed."}},
		{"unclosed quote splits", `"We will fight. We will not give up.`, []string{`"We will fight.`, "We will not give up."}},
		{"inch mark ignored", `The screen is 55" wide. It is new.`, []string{`The screen is 55" wide.`, "It is new."}},
		{"ellipsis capital", "He waited... Then he left. It was over\u2026 Nobody came.", []string{"He waited...", "Then he left.", "It was over\u2026", "Nobody came."}},
		{"ellipsis lower", "I heard a roar like a train\u2026 then the water came.", []string{"I heard a roar like a train\u2026 then the water came."}},
		{"parenthesis", "It lost 1,300 square kilometers (500 square miles) of land. (It was 2024.) Then it retreated.", []string{"It lost 1,300 square kilometers (500 square miles) of land.", "(It was 2024.)", "Then it retreated."}},
		{"brackets in quote", `"The idea [of a ceasefire] itself is correct," he said. Yes.`, []string{`"The idea [of a ceasefire] itself is correct," he said.`, "Yes."}},
		{"single quotes", "'We are ready,' he said. 'Really?' she asked.", []string{"'We are ready,' he said.", "'Really?' she asked."}},
		{"year then sentence", "Moscow invaded in 2022. Russia's land grab followed.", []string{"Moscow invaded in 2022.", "Russia's land grab followed."}},
		{"number starts sentence", "The count rose again. 27 people died.", []string{"The count rose again.", "27 people died."}},
		{"dateline dash", "WASHINGTON - According to the White House, Trump agreed. Putin too.", []string{"WASHINGTON - According to the White House, Trump agreed.", "Putin too."}},
		{"no space after period", "He wrote.Then left.", []string{"He wrote.Then left."}},
		{"line break is a boundary", "Heading line\nBody text here.", []string{"Heading line", "Body text here."}},
		{"spaces trimmed", "  One.   Two.  ", []string{"One.", "Two."}},
		{"only punctuation", "...", []string{"..."}},
		{"empty", "", nil},
		{"curly quotes tolerated", "\u201cWhy now?\u201d she asked. Done.", []string{"\u201cWhy now?\u201d she asked.", "Done."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesSpans(t *testing.T) {
	sp := func(s, e int) parallax.Span { return parallax.Span{Start: s, End: e} }
	sent := func(s, e, p int) parallax.Sentence { return parallax.Sentence{Span: sp(s, e), Paragraph: p} }
	tests := []struct {
		name  string
		text  string
		paras []parallax.Span
		want  []parallax.Sentence
	}{
		{"nil paragraphs", "A b. C d.", nil, []parallax.Sentence{}},
		{"one paragraph", "A b. C d.", []parallax.Span{sp(0, 9)}, []parallax.Sentence{sent(0, 4, 0), sent(5, 9, 0)}},
		{
			"never crosses paragraphs",
			"Heading\n\nA b. C d\n\nE f.",
			[]parallax.Span{sp(0, 7), sp(9, 17), sp(19, 23)},
			[]parallax.Sentence{sent(0, 7, 0), sent(9, 13, 1), sent(14, 17, 1), sent(19, 23, 2)},
		},
		{
			"boilerplate gap keeps indexes",
			"By Jane Doe\n\nA b.\n\nPhoto: X\n\nC d.",
			[]parallax.Span{sp(13, 17), sp(29, 33)},
			[]parallax.Sentence{sent(13, 17, 0), sent(29, 33, 1)},
		},
		{"multibyte", "Café é. Über.", []parallax.Span{sp(0, 16)}, []parallax.Sentence{sent(0, 9, 0), sent(10, 16, 0)}},
		{"span past text clamped", "A b.", []parallax.Span{sp(0, 99)}, []parallax.Sentence{sent(0, 4, 0)}},
		{"overlap skipped", "A b. C d.", []parallax.Span{sp(0, 9), sp(2, 9)}, []parallax.Sentence{sent(0, 4, 0), sent(5, 9, 0)}},
		{"negative start", "A b.", []parallax.Span{sp(-3, 4)}, []parallax.Sentence{sent(0, 4, 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.text, tt.paras)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q, %v) =\n%v\nwant\n%v", tt.text, tt.paras, got, tt.want)
			}
		})
	}
}

// TestSentencesArticle checks every sentence of a realistic normalized
// article, kept under testdata as one sentence per line in the golden file.
func TestSentencesArticle(t *testing.T) {
	text := readArticle(t)
	var got []string
	for _, s := range Sentences(text, paragraphs(text)) {
		got = append(got, text[s.Span.Start:s.Span.End])
	}
	b, err := os.ReadFile("testdata/article.golden")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got), len(want)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("sentence %d:\n got %q\nwant %q", i, g, w)
			}
		}
	}
}

func readArticle(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return strings.TrimSuffix(string(b), "\n")
}

// paragraphs splits normalized text at "\n\n", as normalize.Paragraphs
// does, without classifying boilerplate.
func paragraphs(text string) []parallax.Span {
	var out []parallax.Span
	start := 0
	for start <= len(text) {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if end > start {
			out = append(out, parallax.Span{Start: start, End: end})
		}
		start = end + 2
	}
	return out
}

func FuzzSentences(f *testing.F) {
	f.Add(readArticle(f))
	f.Add(`"Why now?" Zelenskyy asked. Mr. J. Doe left at 5 p.m. The U.S. "A. B," he said.`)
	f.Add("a\n\nb. C\u2026 \"d?\" E.)] f")
	f.Fuzz(func(t *testing.T, text string) {
		paras := paragraphs(text)
		sents := Sentences(text, paras)
		prev := 0
		for _, s := range sents {
			sp := s.Span
			if sp.Start < prev || sp.Start >= sp.End || sp.End > len(text) {
				t.Fatalf("bad span %v after %d in %d bytes: %v", sp, prev, len(text), sents)
			}
			if s.Paragraph < 0 || s.Paragraph >= len(paras) || !paras[s.Paragraph].Contains(sp) {
				t.Fatalf("span %v outside paragraph %d %v", sp, s.Paragraph, paras)
			}
			if space(text[sp.Start]) || space(text[sp.End-1]) {
				t.Fatalf("span %v not trimmed: %q", sp, text[sp.Start:sp.End])
			}
			prev = sp.End
		}
		// Arbitrary, overlapping paragraph spans must not break the
		// guarantees either.
		odd := []parallax.Span{{Start: len(text) / 2, End: len(text) + 5}, {Start: -1, End: len(text) / 3}, {Start: 1, End: len(text)}}
		prev = 0
		for _, s := range Sentences(text, odd) {
			if s.Span.Start < prev || s.Span.Start >= s.Span.End || s.Span.End > len(text) {
				t.Fatalf("odd paragraphs: bad span %v", s.Span)
			}
			prev = s.Span.End
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	text := readArticle(b)
	paras := paragraphs(text)
	n := len(Sentences(text, paras))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text, paras)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
