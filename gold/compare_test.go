package gold

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// doc builds a Document whose sentences are the given strings, joined by
// one space, with the dates given as "sentence:text=YYYY-MM-DD".
func doc(id string, sents []string, dates ...string) *parallax.Document {
	d := &parallax.Document{Article: &parallax.Article{ID: id}}
	for i, s := range sents {
		if i > 0 {
			d.Text += " "
		}
		d.Sentences = append(d.Sentences, parallax.Sentence{Span: parallax.Span{Start: len(d.Text), End: len(d.Text) + len(s)}})
		d.Text += s
	}
	for _, spec := range dates {
		text, day, _ := strings.Cut(spec, "=")
		at := strings.Index(d.Text, text)
		v, _ := time.Parse("2006-01-02", day)
		d.Dates = append(d.Dates, parallax.Date{Span: parallax.Span{Start: at, End: at + len(text)}, Value: v, Granularity: parallax.Day, Anchor: "publication"})
	}
	return d
}

// ref cites sentence i of d as the Brief would.
func ref(d *parallax.Document, i int) parallax.ClaimRef {
	sp := d.Sentences[i].Span
	return parallax.ClaimRef{Article: d.Article.ID, Sentence: d.Slice(sp), Span: sp}
}

func fact(id string, st parallax.FactStatus, claims ...parallax.ClaimRef) parallax.Fact {
	return parallax.Fact{ID: id, Status: st, Claims: claims}
}

var (
	docA = doc("a", []string{
		"Ten people died when the bridge fell on Monday.",
		"At least 40 people were hurt.",
		"The mayor said: “We will rebuild it.”",
	}, "Monday=2026-03-02")
	docB = doc("b", []string{
		"Twelve people died when the bridge collapsed on March 2.",
		"Doctors treated 52 people.",
		"The bridge was built in 1931.",
	}, "March 2=2026-03-02")
	docC = doc("c", []string{
		"Ten people died when the bridge fell on Monday.",
		"The mayor, Jan Kowalski, visited the site.",
	})
)

var tinyLabels = &Labels{
	Story:   "bridge",
	Origins: [][]string{{"a", "c"}, {"b"}},
	Facts: []Fact{
		{ID: "deaths", Status: parallax.Conflict, Variants: []Variant{
			{Value: "10", Claims: []Cite{{Article: "a", Sentence: "Ten people died"}, {Article: "c", Sentence: "Ten people died"}}},
			{Value: "12", Claims: []Cite{{Article: "b", Sentence: "Twelve people died"}}},
		}},
		{ID: "hurt", Status: parallax.Corroborated, Claims: []Cite{
			{Article: "a", Sentence: "at least 40 people were hurt", Value: "At least 40 people"},
			{Article: "b", Sentence: "Doctors treated 52 people", Value: "52 people"},
		}},
		{ID: "built", Status: parallax.SingleSource, Claims: []Cite{{Article: "b", Sentence: "built in 1931"}}},
	},
	MustNotConflict: []Pair{{Why: "at least 40 includes 52",
		A: Cite{Article: "a", Sentence: "At least 40 people were hurt"},
		B: Cite{Article: "b", Sentence: "Doctors treated 52 people"}}},
	Unique: []Unique{
		{Article: "a", Sentences: []string{"\"We will rebuild it.\""}},
		{Article: "b", Sentences: []string{"The bridge was built in 1931."}},
		{Article: "c", Partly: []string{"The mayor, Jan Kowalski"}},
	},
	Dates: []DateEvent{{ID: "collapse", Date: "2026-03-02", Mentions: []DateMention{
		{Article: "a", Written: "Monday", Sentence: "Ten people died"},
		{Article: "b", Written: "March 2", Sentence: "Twelve people died"},
	}}},
	Spellings: []Spelling{{Forms: []string{"Wiśniewski", "Wisniewski"}}},
}

// goodBrief is what a perfect pipeline would say about the tiny story.
func goodBrief() *parallax.Brief {
	return &parallax.Brief{
		Articles: []parallax.ArticleRef{{ID: "a", Origin: "a"}, {ID: "b", Origin: "b"}, {ID: "c", Origin: "a"}},
		Facts: []parallax.Fact{
			{ID: "f1", Status: parallax.Conflict, Claims: []parallax.ClaimRef{ref(docA, 0), ref(docB, 0), ref(docC, 0)},
				Variants: []parallax.Variant{{Text: "Ten people", Articles: []string{"a", "c"}}, {Text: "Twelve people", Articles: []string{"b"}}}},
			fact("f2", parallax.Corroborated, ref(docA, 1), ref(docB, 1)),
			fact("f3", parallax.SingleSource, ref(docB, 2)),
		},
		Unique: []parallax.Unique{
			{Article: "a", Sentences: []parallax.UniqueSentence{{Text: "We will rebuild it.", Span: parallax.Span{Start: docA.Sentences[2].Span.Start + 16, End: docA.Sentences[2].Span.End}}}},
			{Article: "b", Sentences: []parallax.UniqueSentence{{Text: "The bridge was built in 1931.", Span: docB.Sentences[2].Span}}},
			{Article: "c", Sentences: []parallax.UniqueSentence{{Text: "The mayor, Jan Kowalski, visited the site.", Span: docC.Sentences[1].Span}}},
		},
		Timeline: []parallax.TimelineEntry{{Date: "2026-03-02", Articles: []string{"a", "b", "c"}}},
		Wording: []parallax.Wording{{Entity: "Jan Wiśniewski", Variants: []parallax.WordingTerm{
			{Term: "Jan Wiśniewski", Articles: []string{"a"}}, {Term: "Jan Wisniewski", Articles: []string{"b"}}}}},
	}
}

func TestCompare(t *testing.T) {
	type want struct {
		conflicts, disputesTrue, disputes, status, pairs, originAgree int
		uniqueTrue, uniqueScored, uniqueFound, dates, spellings       int
	}
	perfect := want{1, 1, 1, 3, 1, 3, 2, 2, 2, 2, 1}
	tests := []struct {
		name string
		edit func(b *parallax.Brief)
		want want
	}{
		{"perfect", func(b *parallax.Brief) {}, perfect},
		{"conflict reported as split", func(b *parallax.Brief) {
			b.Facts[0].Status = parallax.AttributionSplit
		}, want{0, 1, 1, 2, 1, 3, 2, 2, 2, 2, 1}},
		{"conflict spread over two facts", func(b *parallax.Brief) {
			b.Facts[0] = fact("f1", parallax.SingleSource, ref(docA, 0), ref(docC, 0))
			b.Facts = append(b.Facts, fact("f4", parallax.SingleSource, ref(docB, 0)))
		}, want{0, 0, 0, 2, 1, 3, 2, 2, 2, 2, 1}},
		{"one variant alone is no match", func(b *parallax.Brief) {
			b.Facts[0] = fact("f1", parallax.Conflict, ref(docA, 0), ref(docC, 0), ref(docA, 1))
			b.Facts = append(b.Facts, fact("f4", parallax.SingleSource, ref(docB, 0)))
		}, want{0, 0, 1, 3, 1, 3, 2, 2, 2, 2, 1}},
		{"compatible values as a false conflict", func(b *parallax.Brief) {
			b.Facts[1].Status = parallax.Conflict
		}, want{1, 1, 2, 2, 0, 3, 2, 2, 2, 2, 1}},
		{"compatible values in different variants of a true conflict", func(b *parallax.Brief) {
			f := &b.Facts[0]
			f.Claims = append(f.Claims, ref(docA, 1), ref(docB, 1))
			f.Variants = append(f.Variants,
				parallax.Variant{Text: "At least 40 people", Articles: []string{"a"}},
				parallax.Variant{Text: "52 people", Articles: []string{"b"}})
			b.Facts = append(b.Facts[:1], b.Facts[2:]...)
		}, want{1, 1, 1, 2, 0, 3, 2, 2, 2, 2, 1}},
		{"copies taken for independent reports", func(b *parallax.Brief) {
			b.Articles[2].Origin = "c"
		}, want{1, 1, 1, 3, 1, 2, 2, 2, 2, 2, 1}},
		{"everything independent is one origin", func(b *parallax.Brief) {
			for i := range b.Articles {
				b.Articles[i].Origin = "x"
			}
		}, want{1, 1, 1, 3, 1, 1, 2, 2, 2, 2, 1}},
		{"shared sentence listed as unique", func(b *parallax.Brief) {
			b.Unique[0].Sentences = append(b.Unique[0].Sentences, parallax.UniqueSentence{Text: "Ten people died", Span: docA.Sentences[0].Span})
		}, want{1, 1, 1, 3, 1, 3, 2, 3, 2, 2, 1}},
		{"unique sentence missing", func(b *parallax.Brief) {
			b.Unique = b.Unique[1:]
		}, want{1, 1, 1, 3, 1, 3, 1, 1, 1, 2, 1}},
		{"date missing from the timeline", func(b *parallax.Brief) {
			b.Timeline[0].Articles = []string{"a"}
		}, want{1, 1, 1, 3, 1, 3, 2, 2, 2, 1, 1}},
		{"spellings in separate entries", func(b *parallax.Brief) {
			w := b.Wording[0]
			b.Wording = []parallax.Wording{{Variants: w.Variants[:1]}, {Variants: w.Variants[1:]}}
		}, want{1, 1, 1, 3, 1, 3, 2, 2, 2, 2, 0}},
		{"fact cited by a span in the middle of the sentence", func(b *parallax.Brief) {
			c := &b.Facts[2].Claims[0]
			c.Span = parallax.Span{Start: c.Span.Start + 4, End: c.Span.End - 2}
		}, perfect},
		{"empty brief", func(b *parallax.Brief) {
			*b = parallax.Brief{}
		}, want{0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := goodBrief()
			tc.edit(b)
			r, err := Compare(tinyLabels, []*parallax.Document{docA, docB, docC}, b)
			if err != nil {
				t.Fatal(err)
			}
			got := want{r.ConflictsFound, r.DisputesTrue, r.Disputes, r.StatusCorrect, r.PairsKept, r.OriginAgree,
				r.UniqueTrue, r.UniqueScored, r.UniqueFound, r.DatesAgree, r.SpellingsFound}
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v\nmisses:\n%s", got, tc.want, strings.Join(r.Misses, "\n"))
			}
			if r.Conflicts != 1 || r.Facts != 3 || r.Pairs != 1 || r.OriginPairs != 3 || r.UniqueGold != 2 || r.DateMentions != 2 || r.Spellings != 1 {
				t.Errorf("totals changed: %+v", r)
			}
		})
	}
}

func TestCompareBadLabels(t *testing.T) {
	tests := []struct {
		name string
		cite Cite
		want string
	}{
		{"missing", Cite{Article: "a", Sentence: "Eleven people"}, "not in the text"},
		{"twice", Cite{Article: "a", Sentence: "people"}, "more than once"},
		{"unknown article", Cite{Article: "z", Sentence: "Ten"}, `no article "z"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := &Labels{Story: "bad", Origins: [][]string{{"a"}},
				Facts: []Fact{{ID: "x", Status: parallax.SingleSource, Claims: []Cite{tc.cite}}}}
			_, err := Compare(l, []*parallax.Document{docA}, &parallax.Brief{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestCiteOutsideSentences(t *testing.T) {
	d := doc("a", []string{"Ten people died."})
	d.Text += "\n\nRead more: Ten bridges to see"
	l := &Labels{Story: "x", Origins: [][]string{{"a"}},
		Facts:  []Fact{{ID: "more", Status: parallax.SingleSource, Claims: []Cite{{Article: "a", Sentence: "Ten bridges to see"}}}},
		Unique: []Unique{{Article: "a", Sentences: []string{"Read more"}}}}
	r, err := Compare(l, []*parallax.Document{d}, &parallax.Brief{Facts: []parallax.Fact{fact("f1", parallax.SingleSource, ref(d, 0))}})
	if err != nil {
		t.Fatal(err)
	}
	if r.StatusCorrect != 0 || r.Facts != 1 || r.UniqueFound != 0 || r.UniqueGold != 1 {
		t.Errorf("a cite outside every sentence must stay unmatched: %+v", r)
	}
}

func TestLocate(t *testing.T) {
	d := doc("x", []string{"He said: “It’s over — really.”", "Then   he\nleft."})
	s := newStory([]*parallax.Document{d})
	tests := []struct {
		key  string
		want string
	}{
		{`"it's over - really."`, "“It’s over — really.”"},
		{"THEN HE LEFT", "Then   he\nleft"},
		{"over", "over"},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			sp, err := s.locate("x", tc.key)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Slice(sp); got != tc.want {
				t.Errorf("locate(%q) = %q, want %q", tc.key, got, tc.want)
			}
		})
	}
}

func TestScoresSum(t *testing.T) {
	rs := []*Result{
		{ConflictsFound: 1, Conflicts: 2, Disputes: 0},
		{ConflictsFound: 2, Conflicts: 2, Disputes: 3, DisputesTrue: 2},
	}
	got := map[string]parallax.Score{}
	for _, s := range Scores(rs) {
		if s.Suite != Suite || s.Definition == "" {
			t.Errorf("%s: suite %q, definition %q", s.Metric, s.Suite, s.Definition)
		}
		got[s.Metric] = s
	}
	if s := got["conflict_recall"]; s.Correct != 3 || s.Total != 4 || s.Value != 0.75 {
		t.Errorf("conflict_recall = %+v", s)
	}
	if s := got["conflict_precision"]; s.Correct != 2 || s.Total != 3 {
		t.Errorf("conflict_precision = %+v", s)
	}
	if s := got["split_recall"]; s.Total != 0 || s.Value != 1 {
		t.Errorf("split_recall with nothing to find = %+v, want 1", s)
	}
}

// FuzzLocate checks that folding maps every byte back into the text and
// that locating any key in any text never panics and returns a span of the
// text that folds to the key.
func FuzzLocate(f *testing.F) {
	f.Add("He said: “It’s over — really.”", "it's over")
	f.Add("Tofteøy  is\tan island", "TOFTEØY IS")
	f.Add("İstanbul", "i̇stanbul")
	f.Add("\xff\xfe a", "a")
	f.Fuzz(func(t *testing.T, text, key string) {
		folded, at := fold(text)
		if len(at) != len(folded) {
			t.Fatalf("fold(%q): %d offsets for %d bytes", text, len(at), len(folded))
		}
		for i := 1; i < len(at); i++ {
			if at[i] < at[i-1] || at[i] >= len(text) {
				t.Fatalf("fold(%q): offsets not increasing within the text: %v", text, at)
			}
		}
		d := doc("x", []string{text})
		sp, err := newStory([]*parallax.Document{d}).locate("x", key)
		if err != nil {
			return
		}
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			t.Fatalf("locate(%q, %q) = %v", text, key, sp)
		}
		if got, want := canon(text[sp.Start:sp.End]), canon(key); got != want {
			t.Fatalf("locate(%q, %q) = %q, folds to %q, want %q", text, key, text[sp.Start:sp.End], got, want)
		}
	})
}
