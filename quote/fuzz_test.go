package quote

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

func FuzzFind(f *testing.F) {
	for _, tc := range append(findTests, attributionTests...) {
		f.Add(tc.text)
	}
	for _, tc := range corefTests {
		f.Add(tc.text)
	}
	for _, tc := range hedgeTests {
		f.Add(tc.text)
	}
	f.Add(benchArticle)
	f.Add(`"`)
	f.Add(`'a' "b`)
	f.Add("\"a\n\n\"b\n\n\"c,\" he said")
	f.Add(`said, "`)
	f.Add(`according to`)
	f.Add(`, said X "`)
	f.Fuzz(func(t *testing.T, text string) {
		// Without entities, as the brief's contract allows.
		checkInvariants(t, newDoc(text))
		// With every capitalized word a person mention, to exercise
		// speaker and pronoun resolution on arbitrary text.
		checkInvariants(t, capitalizedEntities(text))
	})
}

func checkInvariants(t *testing.T, doc *parallax.Document) {
	t.Helper()
	quotes, attrs := Find(doc)
	n, ents := len(doc.Text), len(doc.Entities)
	inRange := func(what string, s parallax.Span) {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			t.Fatalf("%s span %v out of range [0,%d]", what, s, n)
		}
	}
	for i, q := range quotes {
		inRange("quote", q.Span)
		inRange("speaker", q.SpeakerSpan)
		inRange("cue", q.Cue)
		if q.Span.Len() == 0 {
			t.Fatalf("empty quote %d", i)
		}
		if q.Speaker < -1 || q.Speaker >= ents {
			t.Fatalf("speaker %d out of range", q.Speaker)
		}
		if q.Kind != parallax.Direct && q.Kind != parallax.Indirect {
			t.Fatalf("kind %q", q.Kind)
		}
		if i > 0 && quotes[i-1].Span.Start > q.Span.Start {
			t.Fatalf("quotes not sorted: %v after %v", q.Span, quotes[i-1].Span)
		}
	}
	for i, a := range attrs {
		inRange("content", a.Content)
		inRange("source", a.SourceSpan)
		inRange("cue", a.Cue)
		if a.Source < -1 || a.Source >= ents {
			t.Fatalf("source %d out of range", a.Source)
		}
		if i > 0 && attrs[i-1].Content.Start > a.Content.Start {
			t.Fatalf("attributions not sorted")
		}
	}
}

// capitalizedEntities builds a document whose every capitalized word is a
// mention of its own person entity, every third one a government.
func capitalizedEntities(text string) *parallax.Document {
	doc := newDoc(text)
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsUpper(r) || i > 0 && isWordByte(text[i-1]) {
			i += w
			continue
		}
		j := i + w
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		typ := parallax.Person
		if len(doc.Entities)%3 == 2 {
			typ = parallax.Government
		}
		doc.Entities = append(doc.Entities, parallax.Entity{Name: text[i:j], Type: typ, Title: "President",
			Mentions: []parallax.Span{{Start: i, End: j}}})
		i = j
	}
	return doc
}

// TestMalformedDocument: spans from a broken upstream stage (out of range,
// overlapping, unsorted, empty) and nil input must not break Find.
func TestMalformedDocument(t *testing.T) {
	if q, a := Find(nil); q != nil || a != nil {
		t.Fatalf("nil doc: %v %v", q, a)
	}
	text := `"We are ready," Peskov said. He added that talks would resume.`
	doc := &parallax.Document{
		Text:       text,
		Paragraphs: []parallax.Span{{Start: 40, End: 10}, {Start: -5, End: 500}},
		Sentences: []parallax.Sentence{
			{Span: parallax.Span{Start: 29, End: 900}}, {Span: parallax.Span{Start: 0, End: 30}},
			{Span: parallax.Span{Start: 5, End: 12}}, {Span: parallax.Span{Start: 7, End: 7}},
		},
		Entities: []parallax.Entity{{Name: "Dmitry Peskov", Type: parallax.Person,
			Mentions: []parallax.Span{{Start: 16, End: 22}, {Start: -3, End: 2}, {Start: 60, End: 9000}}}},
	}
	checkInvariants(t, doc)
	quotes, _ := Find(doc)
	if len(quotes) == 0 || doc.Slice(quotes[0].Span) != "We are ready" || quotes[0].Speaker != 0 {
		t.Fatalf("got %+v", quotes)
	}
	// No paragraphs and no sentences at all: Find splits on blank lines.
	doc = &parallax.Document{Text: "\"One,\" he said.\n\n\"Two\n\n\"Three,\" she said."}
	checkInvariants(t, doc)
	quotes, _ = Find(doc)
	if len(quotes) != 3 {
		t.Fatalf("want 3 quotes, got %d", len(quotes))
	}
}
