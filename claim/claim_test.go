package claim

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// sentenceEnd finds sentence ends in the hand-written fixtures: terminal
// punctuation, an optional closing quote, then a space.
var sentenceEnd = regexp.MustCompile(`[.!?]["”]?\s`)

// build makes a Document from text with paragraphs separated by blank
// lines. Lines listed in boiler become Boilerplate instead of paragraphs.
func build(text string, boiler ...string) *parallax.Document {
	d := &parallax.Document{Text: text}
	start := 0
	for _, p := range strings.SplitAfter(text, "\n\n") {
		sp := parallax.Span{Start: start, End: start + len(strings.TrimRight(p, "\n"))}
		start += len(p)
		isBoiler := false
		for _, b := range boiler {
			if text[sp.Start:sp.End] == b {
				isBoiler = true
			}
		}
		if isBoiler {
			d.Boilerplate = append(d.Boilerplate, sp)
			continue
		}
		d.Paragraphs = append(d.Paragraphs, sp)
		s := sp.Start
		for _, m := range sentenceEnd.FindAllStringIndex(text[sp.Start:sp.End], -1) {
			end := sp.Start + m[1] - 1
			d.Sentences = append(d.Sentences, parallax.Sentence{Span: parallax.Span{Start: s, End: end}, Paragraph: len(d.Paragraphs) - 1})
			s = end + 1
		}
		if s < sp.End {
			d.Sentences = append(d.Sentences, parallax.Sentence{Span: parallax.Span{Start: s, End: sp.End}, Paragraph: len(d.Paragraphs) - 1})
		}
	}
	return d
}

// span returns the span of the n-th (0-based) occurrence of sub.
func span(t *testing.T, text, sub string, n int) parallax.Span {
	t.Helper()
	from := 0
	for {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q not in text", sub)
		}
		if n == 0 {
			return parallax.Span{Start: from + i, End: from + i + len(sub)}
		}
		n--
		from += i + len(sub)
	}
}

// entity adds an entity mentioned wherever one of its forms occurs.
func entity(d *parallax.Document, name string, forms ...string) {
	e := parallax.Entity{Name: name, Key: strings.ToLower(name), Aliases: forms}
	for _, f := range forms {
		for from := 0; ; {
			i := strings.Index(d.Text[from:], f)
			if i < 0 {
				break
			}
			e.Mentions = append(e.Mentions, parallax.Span{Start: from + i, End: from + i + len(f)})
			from += i + len(f)
		}
	}
	d.Entities = append(d.Entities, e)
}

func texts(d *parallax.Document, cs []parallax.Claim) []string {
	var out []string
	for _, c := range cs {
		out = append(out, d.Slice(c.Span))
	}
	return out
}

func TestExtractSelectsSentences(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		boiler []string
		want   []string
	}{
		{
			name: "plain sentences",
			text: "The fire burned for six hours on Tuesday. Officials said 14 workers were hurt.",
			want: []string{"The fire burned for six hours on Tuesday.", "Officials said 14 workers were hurt."},
		},
		{
			name: "heading without punctuation is skipped",
			text: "Zelenskyy skeptical, wants a just peace\n\nZelenskyy said he was seeking more details on the deal.",
			want: []string{"Zelenskyy said he was seeking more details on the deal."},
		},
		{
			name:   "boilerplate is skipped",
			text:   "The plant reopened on Monday after the repairs.\n\nRead more: Chemical safety rules under review after string of fires.",
			boiler: []string{"Read more: Chemical safety rules under review after string of fires."},
			want:   []string{"The plant reopened on Monday after the repairs."},
		},
		{
			name: "short fragments are skipped",
			text: "Not yet. The committee will meet again next week to vote.",
			want: []string{"The committee will meet again next week to vote."},
		},
		{
			name: "bullet and dateline are trimmed",
			text: "- Trump and Putin agreed on a limited halt to strikes.\n\nKESSLING — A fire tore through the solvent plant on Tuesday.\n\nKessling, March 4 — Veltran said 14 workers were hospitalized.",
			want: []string{"Trump and Putin agreed on a limited halt to strikes.", "A fire tore through the solvent plant on Tuesday.", "Veltran said 14 workers were hospitalized."},
		},
		{
			name: "long unterminated line is still a claim",
			text: "Russia and Ukraine are set to exchange 175 prisoners of war each on Wednesday in a deal brokered by the United Arab Emirates",
			want: []string{"Russia and Ukraine are set to exchange 175 prisoners of war each on Wednesday in a deal brokered by the United Arab Emirates"},
		},
		{
			name: "semicolon splits two statements",
			text: "The fire was contained by the evening on Tuesday; residents were allowed back home late that night.",
			want: []string{"The fire was contained by the evening on Tuesday", "residents were allowed back home late that night."},
		},
		{
			name: "but splits when both halves have a verb",
			text: "Putin agreed to halt attacks on energy infrastructure, but he rejected an immediate and full ceasefire.",
			want: []string{"Putin agreed to halt attacks on energy infrastructure", "but he rejected an immediate and full ceasefire."},
		},
		{
			name: "but does not split a verbless half",
			text: "The talks were long and difficult, but not without results for both sides.",
			want: []string{"The talks were long and difficult, but not without results for both sides."},
		},
		{
			name: "no split inside a quote",
			text: "\"The readings are improving, but we are not taking any chances with children,\" Brandt said.",
			want: []string{"\"The readings are improving, but we are not taking any chances with children,\" Brandt said."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(tt.text, tt.boiler...)
			got := texts(d, Extract(d))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("claims\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestExtractHeadlineSkipped(t *testing.T) {
	text := "Trump and Putin agree to energy truce\n\nTrump and Putin agreed to a 30-day halt to energy strikes."
	d := build(text)
	d.Headline = parallax.Span{Start: 0, End: strings.Index(text, "\n")}
	got := texts(d, Extract(d))
	want := []string{"Trump and Putin agreed to a 30-day halt to energy strikes."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestExtractFindings(t *testing.T) {
	text := "Veltran Chemicals said 14 workers were hospitalized on Tuesday. " +
		"Twenty-two people were treated in hospital, the health ministry said. " +
		"The fire burned for six hours. " +
		"\"We will cooperate fully with the investigation,\" plant manager Tomasz Wisniewski said."
	d := build(text)
	entity(d, "Veltran Chemicals", "Veltran Chemicals") // 0
	entity(d, "health ministry", "health ministry")     // 1
	entity(d, "Tomasz Wisniewski", "Tomasz Wisniewski") // 2
	d.Quantities = []parallax.Quantity{
		{Span: span(t, text, "14 workers", 0), Value: parallax.Exact(14), Unit: "worker", Dimension: parallax.Count},
		{Span: span(t, text, "Twenty-two people", 0), Value: parallax.Exact(22), Unit: "person", Dimension: parallax.Count},
		{Span: span(t, text, "six hours", 0), Value: parallax.Exact(360), Unit: "minute", Dimension: parallax.Duration},
	}
	d.Dates = []parallax.Date{{Span: span(t, text, "Tuesday", 0), Granularity: parallax.Day, Anchor: "publication"}}
	d.Attributions = []parallax.Attribution{
		// "Veltran Chemicals said": cue inside the sentence, content after it.
		{Source: 0, SourceSpan: span(t, text, "Veltran Chemicals", 0), Cue: span(t, text, "said", 0),
			Content: parallax.Span{Start: span(t, text, "14 workers", 0).Start, End: span(t, text, "Tuesday.", 0).End}},
		// "the health ministry said": content before the cue.
		{Source: 1, SourceSpan: span(t, text, "health ministry", 0), Cue: span(t, text, "said", 1),
			Content: parallax.Span{Start: span(t, text, "Twenty-two", 0).Start, End: span(t, text, "hospital", 1).End}},
	}
	d.Quotes = []parallax.Quote{{Span: span(t, text, "We will cooperate fully with the investigation,", 0), Kind: parallax.Direct, Speaker: 2, Cue: span(t, text, "said", 2)}}

	got := Extract(d)
	want := []struct {
		ents, qs, ds []int
		src          int
	}{
		{ents: []int{0}, qs: []int{0}, ds: []int{0}, src: 0},
		{ents: []int{1}, qs: []int{1}, src: 1},
		{qs: []int{2}, src: -1},
		{ents: []int{2}, src: 2},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d claims %q, want %d", len(got), texts(d, got), len(want))
	}
	for i, w := range want {
		c := got[i]
		if c.Sentence != i {
			t.Errorf("claim %d: sentence %d", i, c.Sentence)
		}
		if !reflect.DeepEqual(c.Entities, w.ents) || !reflect.DeepEqual(c.Quantities, w.qs) || !reflect.DeepEqual(c.Dates, w.ds) || c.AttributedTo != w.src {
			t.Errorf("claim %d %q: ents %v qs %v ds %v src %d; want %v %v %v %d", i, d.Slice(c.Span),
				c.Entities, c.Quantities, c.Dates, c.AttributedTo, w.ents, w.qs, w.ds, w.src)
		}
	}
}

func TestExtractClauseAttribution(t *testing.T) {
	// The cue of the sentence covers both clauses; a clause with its own
	// cue keeps it.
	text := "The company said the fire was out by 8 p.m., but the fire service said crews stayed on site overnight."
	d := build(text)
	entity(d, "company", "company")
	entity(d, "fire service", "fire service")
	d.Attributions = []parallax.Attribution{
		{Source: 0, Cue: span(t, text, "said", 0), Content: parallax.Span{Start: span(t, text, "the fire was", 0).Start, End: span(t, text, "p.m.", 0).End}},
		{Source: 1, Cue: span(t, text, "said", 1), Content: parallax.Span{Start: span(t, text, "crews", 0).Start, End: len(text) - 1}},
	}
	got := Extract(d)
	if len(got) != 2 {
		t.Fatalf("got %q", texts(d, got))
	}
	if got[0].AttributedTo != 0 || got[1].AttributedTo != 1 {
		t.Errorf("attributed to %d, %d; want 0, 1", got[0].AttributedTo, got[1].AttributedTo)
	}
	if !reflect.DeepEqual(got[1].Entities, []int{1}) {
		t.Errorf("second clause entities %v", got[1].Entities)
	}
}

func TestExtractNil(t *testing.T) {
	if Extract(nil) != nil {
		t.Error("nil document gave claims")
	}
	d := &parallax.Document{Text: "short", Sentences: []parallax.Sentence{{Span: parallax.Span{Start: 3, End: 99}}}}
	if got := Extract(d); len(got) != 0 {
		t.Errorf("out-of-range sentence gave %v", got)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("The fire burned for six hours; crews stayed, but the company said nothing.\n\nKESSLING — A heading\n\n- A bullet with \"a quote; inside, but here\" said X.")
	f.Add("WASHINGTON (Reuters) - Talks begin.")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		d := build(text)
		// Findings at arbitrary offsets must not break extraction.
		n := len(text)
		d.Entities = []parallax.Entity{{Mentions: []parallax.Span{{Start: n / 3, End: n / 2}, {Start: n, End: n + 5}}}}
		d.Quantities = []parallax.Quantity{{Span: parallax.Span{Start: n / 4, End: n / 3}}}
		d.Attributions = []parallax.Attribution{{Source: 0, Cue: parallax.Span{Start: 0, End: n / 5}, Content: parallax.Span{Start: n / 5, End: n}}, {Source: 7}}
		d.Quotes = []parallax.Quote{{Speaker: -3, Span: parallax.Span{Start: -1, End: n * 2}}}
		for _, c := range Extract(d) {
			if c.Span.Start < 0 || c.Span.End > len(text) || c.Span.Start >= c.Span.End {
				t.Fatalf("bad span %v for %q", c.Span, text)
			}
			if c.AttributedTo < -1 || c.AttributedTo >= len(d.Entities) {
				t.Fatalf("bad source %d", c.AttributedTo)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	var sb strings.Builder
	paras := []string{
		"KESSLING — A fire tore through a solvent storage building at the Veltran Chemicals plant in Kessling on Tuesday, forcing authorities to evacuate 1,200 residents from nearby streets.",
		"The blaze burned for six hours before firefighters brought it under control shortly after 8 p.m., regional fire chief Marta Kowalczyk told reporters.",
		"Veltran Chemicals said 14 workers were taken to hospital with breathing difficulties and minor burns; none of the injuries were life-threatening, the company said.",
		"\"Our first thought is with our employees and with the people of Kessling,\" plant manager Tomasz Wisniewski said. \"We will cooperate fully with the investigation.\"",
		"Mayor Ilse Brandt said schools in the three districts closest to the plant would stay closed on Wednesday, but officials expected them to reopen on Monday.",
	}
	for i := 0; i < 8; i++ {
		for _, p := range paras {
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
	}
	d := build(sb.String())
	entity(d, "Veltran Chemicals", "Veltran Chemicals")
	entity(d, "Marta Kowalczyk", "Marta Kowalczyk")
	entity(d, "Ilse Brandt", "Ilse Brandt", "Brandt")
	for _, c := range Extract(d) {
		d.Attributions = append(d.Attributions, parallax.Attribution{Source: 0, Cue: c.Span, Content: c.Span})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Extract(d)
	}
}

// TestExtractCommitmentNotSource: what a source agrees to or promises is
// attributed to it in the quote stage, but the facts of the sentence stay
// the outlet's; a speech cue in the same shape still credits the source.
func TestExtractCommitmentNotSource(t *testing.T) {
	for _, tc := range []struct {
		cue  string
		want int
	}{
		{"agreed", -1},
		{"promised", -1},
		{"Agrees", -1},
		{"said", 0},
		{"announced", 0},
	} {
		text := "The mayor " + tc.cue + " to reopen the bridge after a 40-minute inspection on Friday."
		d := build(text)
		entity(d, "mayor", "mayor")
		d.Attributions = []parallax.Attribution{{
			Source: 0, Cue: span(t, text, tc.cue, 0),
			Content: parallax.Span{Start: span(t, text, "to reopen", 0).Start, End: len(text) - 1},
		}}
		got := Extract(d)
		if len(got) != 1 {
			t.Fatalf("%s: got %q", tc.cue, texts(d, got))
		}
		if got[0].AttributedTo != tc.want {
			t.Errorf("cue %q: attributed to %d, want %d", tc.cue, got[0].AttributedTo, tc.want)
		}
	}
}
