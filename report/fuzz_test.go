package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// FuzzRenderers feeds hostile text and arbitrary spans to every renderer:
// none may panic or fail on a writer that accepts everything, JSON outputs
// must stay valid JSON (one line for annotations), HTML must never gain a
// second script element, and the terminal report must carry no control
// characters.
func FuzzRenderers(f *testing.F) {
	docs := fixtureDocs()
	f.Add(docs[0].Text, fixtureArticles[0].Title, "Trump and Putin spoke by phone on Tuesday.", 181, 245, 100)
	f.Add(`<script>alert(1)</script>`, "</style><script>", "\x1b[2J\x00\r", 0, 8, 40)
	f.Add("Café «Kyiv» — 30 days\n\nNext", "a | b *c* [d](e)", "- 1. # x", 3, 4, 0)
	f.Add("", "", "", -5, 1<<30, -1)
	f.Add("\xff\xfe invalid utf8 \u2028 line", "\u202e right-to-left", "`code` ~~strike~~", 1, 3, 55)
	f.Fuzz(func(t *testing.T, text, title, statement string, start, end, width int) {
		a := &parallax.Article{ID: "x1", Source: title, Title: title, Path: "in/" + title}
		d := &parallax.Document{Article: a, Text: text}
		d.Sentences = []parallax.Sentence{{Span: parallax.Span{Start: start, End: end}}}
		d.Entities = []parallax.Entity{{Name: title, Type: parallax.Person, Mentions: []parallax.Span{{Start: start, End: end}}}}
		d.Quantities = []parallax.Quantity{{Span: parallax.Span{Start: start, End: end}, Value: parallax.Interval{Lo: float64(start), Hi: float64(end)}, Unit: title}}
		d.Quotes = []parallax.Quote{{Span: parallax.Span{Start: start, End: end}, Kind: parallax.Direct, Speaker: start}}
		d.Attributions = []parallax.Attribution{{Source: end, Content: parallax.Span{Start: end, End: start}}}
		d.Claims = []parallax.Claim{{Sentence: start, Span: parallax.Span{Start: start, End: end}, Entities: []int{end}}}
		d.Boilerplate = []parallax.Span{{Start: end, End: start}}
		sp := parallax.Span{Start: start, End: end}
		lo := float64(start)
		b := &parallax.Brief{
			Articles: []parallax.ArticleRef{{ID: "x1", Source: title, Title: title, Published: title, URL: title, Origin: title}},
			Facts: []parallax.Fact{
				{ID: "f", Status: parallax.FactStatus(statement), Statement: statement,
					Claims:   []parallax.ClaimRef{{Article: "x1", Sentence: text, Span: sp, AttributedTo: title}, {Article: title, Span: sp}},
					Variants: []parallax.Variant{{Text: statement, Value: parallax.VariantValue{Lo: &lo, Unit: title, Qualifier: statement}, Articles: []string{"x1", title}}},
					Kind:     statement, Outlets: start, Independent: end},
			},
			Quotes:   []parallax.QuoteRef{{Article: "x1", Text: statement, Speaker: title, Kind: statement, Span: sp}},
			Wording:  []parallax.Wording{{Entity: title, Variants: []parallax.WordingTerm{{Term: statement, Articles: []string{"x1"}}, {Term: text}}}},
			Unique:   []parallax.Unique{{Article: title, Sentences: []parallax.UniqueSentence{{Text: text, Span: sp}}}},
			Timeline: []parallax.TimelineEntry{{Date: title, Text: text, Provenance: statement, Articles: []string{"x1"}}},
			Summary:  []parallax.SummaryLine{{Sentence: text, Articles: []string{title}}},
			Disputed: text,
			Problems: []parallax.Problem{{Path: title, Reason: statement}},
		}

		var buf bytes.Buffer
		if err := Text(&buf, b, Options{Width: width}); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsFunc(buf.String(), func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 }) {
			t.Fatalf("control character in text report: %q", buf.String())
		}
		if err := Markdown(io.Discard, b); err != nil {
			t.Fatal(err)
		}
		buf.Reset()
		if err := HTML(&buf, b, []*parallax.Document{d, nil, {}}); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(strings.ToLower(buf.String()), "<script"); n != 1 {
			t.Fatalf("%d script elements", n)
		}
		buf.Reset()
		if err := JSON(&buf, b); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(buf.Bytes()) {
			t.Fatalf("invalid JSON: %s", buf.Bytes())
		}
		buf.Reset()
		if err := Annotation(&buf, d); err != nil {
			t.Fatal(err)
		}
		line := buf.Bytes()
		if bytes.Count(line, []byte("\n")) != 1 || !json.Valid(line) {
			t.Fatalf("annotation is not one JSON line: %q", line)
		}
		_ = ValidateAnnotation(line) // must not panic; spans may well be invalid
		_ = ValidateBrief(buf.Bytes())
		if err := AnnotationText(io.Discard, d); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkText(b *testing.B) {
	br := fixtureBrief(fixtureDocs())
	b.ReportAllocs()
	for b.Loop() {
		if err := Text(io.Discard, br, Options{Color: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarkdown(b *testing.B) {
	br := fixtureBrief(fixtureDocs())
	b.ReportAllocs()
	for b.Loop() {
		if err := Markdown(io.Discard, br); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	docs := fixtureDocs()
	br := fixtureBrief(docs)
	b.ReportAllocs()
	for b.Loop() {
		if err := HTML(io.Discard, br, docs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON(b *testing.B) {
	br := fixtureBrief(fixtureDocs())
	b.ReportAllocs()
	for b.Loop() {
		if err := JSON(io.Discard, br); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnnotation(b *testing.B) {
	d := fixtureDocs()[0]
	b.ReportAllocs()
	for b.Loop() {
		if err := Annotation(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateBrief(b *testing.B) {
	var buf bytes.Buffer
	if err := JSON(&buf, fixtureBrief(fixtureDocs())); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateBrief(buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}
