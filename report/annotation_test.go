package report

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func renderAnnotation(t *testing.T, d *parallax.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Annotation(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAnnotationValidates(t *testing.T) {
	file := compileFile(t, "schema/annotation.schema.json")
	for _, d := range fixtureDocs() {
		t.Run(d.Article.ID, func(t *testing.T) {
			line := renderAnnotation(t, d)
			if n := bytes.Count(line, []byte("\n")); n != 1 || line[len(line)-1] != '\n' {
				t.Fatalf("want exactly one line, got %d newlines", n)
			}
			if err := validateWith(t, file, line); err != nil {
				t.Fatalf("schema file: %v", err)
			}
			if err := ValidateAnnotation(line); err != nil {
				t.Fatalf("ValidateAnnotation: %v", err)
			}
		})
	}
}

func TestAnnotationContent(t *testing.T) {
	d := fixtureDocs()[0]
	var a map[string]any
	if err := json.Unmarshal(renderAnnotation(t, d), &a); err != nil {
		t.Fatal(err)
	}
	get := func(path ...any) any {
		var v any = a
		for _, p := range path {
			switch k := p.(type) {
			case string:
				v = v.(map[string]any)[k]
			case int:
				v = v.([]any)[k]
			}
		}
		return v
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"article id", get("article", "id"), "coastal-1"},
		{"published", get("article", "published"), "2025-03-18T21:10:00Z"},
		{"extra kept", get("article", "extra", "section"), "world"},
		{"extra number", get("article", "extra", "wordcount"), 412.0},
		{"no path", get("article", "path"), nil},
		{"headline absent", get("headline"), nil},
		{"sentence span", get("sentences", 1, "span"), []any{181.0, 245.0}},
		{"sentence paragraph", get("sentences", 2, "paragraph"), 1.0},
		{"boilerplate", get("boilerplate", 0), []any{float64(strings.Index(d.Text, "Read more")), float64(len(d.Text))}},
		{"entity key", get("entities", 5, "key"), "zelensky"},
		{"entity title", get("entities", 2, "title"), "US special envoy"},
		{"entity mentions", len(get("entities", 2, "mentions").([]any)), 3},
		{"quantity text", get("quantities", 1, "text"), "more than two hours"},
		{"unbounded hi is null", get("quantities", 1, "value", "hi"), nil},
		{"lo", get("quantities", 1, "value", "lo"), 120.0},
		{"lo open", get("quantities", 1, "value", "lo_open"), true},
		{"unit", get("quantities", 2, "value", "unit"), "prisoner of war"},
		{"scope", get("quantities", 2, "scope"), "each"},
		{"qualifier", get("quantities", 1, "qualifier"), "more_than"},
		{"date value", get("dates", 0, "value"), "2025-03-18"},
		{"date text", get("dates", 2, "text"), "on March 23"},
		{"date anchor", get("dates", 0, "anchor"), "publication"},
		{"quote speaker", get("quotes", 0, "speaker"), "Steve Witkoff"},
		{"quote speaker text", get("quotes", 0, "speaker_text"), "Witkoff"},
		{"quote cue", get("quotes", 0, "cue"), "told"},
		{"quote kind", get("quotes", 1, "kind"), "indirect"},
		{"attribution source", get("attributions", 1, "source"), "Kremlin"},
		{"attribution source text", get("attributions", 0, "source_text"), "US special envoy Steve Witkoff"},
		{"attribution content", get("attributions", 1, "content"), "Russia and Ukraine will exchange 175 prisoners of war each on Wednesday"},
		{"claim own voice", get("claims", 3, "attributed_to"), nil},
		{"claim attributed", get("claims", 2, "attributed_to"), "Kremlin"},
		{"claim empty entities", get("claims", 2, "entities"), []any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gj, _ := json.Marshal(tt.got)
			wj, _ := json.Marshal(tt.want)
			if string(gj) != string(wj) {
				t.Errorf("got %s, want %s", gj, wj)
			}
		})
	}
	// The fixture's sentence offsets are what the spans say they are.
	if got := d.Slice(d.Sentences[1].Span); got != "Witkoff said the leaders spoke by phone for more than two hours." {
		t.Errorf("sentence 1 = %q", got)
	}
}

func TestAnnotationUnresolvedAndEdgeValues(t *testing.T) {
	d := newDoc(&parallax.Article{ID: "x", Source: "X", Title: "T"}, [][]string{{"Fewer than 5 people came some time ago."}})
	d.Quantities = []parallax.Quantity{
		{Span: span(d, "Fewer than 5 people"), Value: parallax.Interval{Lo: math.Inf(-1), Hi: 5, HiOpen: true}, Unit: "person", Dimension: parallax.Count, Qualifier: "less_than"},
		{Span: span(d, "5"), Value: parallax.Interval{Lo: math.NaN(), Hi: math.NaN()}, Unit: "person", Dimension: parallax.Count},
	}
	d.Dates = []parallax.Date{{Span: span(d, "some time ago"), Anchor: "unresolved"}}
	d.Quotes = []parallax.Quote{{Span: span(d, "came"), Kind: parallax.Indirect, Speaker: 7}} // dangling speaker index
	line := renderAnnotation(t, d)
	if err := ValidateAnnotation(line); err != nil {
		t.Fatal(err)
	}
	var a annotation
	if err := json.Unmarshal(line, &a); err != nil {
		t.Fatal(err)
	}
	if a.Quantities[0].Value.Lo != nil || *a.Quantities[0].Value.Hi != 5 || a.Quantities[1].Value.Hi != nil {
		t.Errorf("infinite or NaN bounds not null: %+v %+v", a.Quantities[0].Value, a.Quantities[1].Value)
	}
	if a.Dates[0].Value != nil {
		t.Errorf("unresolved date value = %q", *a.Dates[0].Value)
	}
	if a.Quotes[0].Speaker != nil || a.Quotes[0].SpeakerSpan != nil || a.Quotes[0].CueSpan != nil {
		t.Errorf("unknown speaker = %+v", a.Quotes[0])
	}
}

func TestValidateAnnotationRejects(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(d *parallax.Document)
		want   string
	}{
		{"span past text", func(d *parallax.Document) { d.Quantities[0].Span.End = len(d.Text) + 4 }, "outside text"},
		{"backwards span", func(d *parallax.Document) { d.Sentences[0].Span = parallax.Span{Start: 10, End: 2} }, "backwards"},
		{"negative span", func(d *parallax.Document) { d.Entities[0].Mentions[0].Start = -1 }, "minimum"},
		{"claim entity index", func(d *parallax.Document) { d.Claims[0].Entities = []int{99} }, "index 99"},
		{"claim sentence index", func(d *parallax.Document) { d.Claims[0].Sentence = 50 }, "index 50"},
		{"bad kind", func(d *parallax.Document) { d.Quotes[0].Kind = "loud" }, "kind"},
		{"bad dimension", func(d *parallax.Document) { d.Quantities[0].Dimension = "volume" }, "dimension"},
		{"hi below lo", func(d *parallax.Document) { d.Quantities[0].Value = parallax.Interval{Lo: 5, Hi: 1} }, "below"},
		{"split character", func(d *parallax.Document) {
			d.Text = "Café" + d.Text[4:]
			d.Entities[0].Mentions[0] = parallax.Span{Start: 0, End: 4}
		}, "splits a character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := fixtureDocs()[0]
			tt.mutate(d)
			err := ValidateAnnotation(renderAnnotation(t, d))
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error does not mention %q: %v", tt.want, err)
			}
		})
	}
	if err := ValidateAnnotation([]byte("{}\n{}\n")); err == nil {
		t.Error("two lines accepted")
	}
}

func TestAnnotationNil(t *testing.T) {
	var buf bytes.Buffer
	if err := Annotation(&buf, nil); err == nil {
		t.Error("nil document accepted")
	}
	if err := Annotation(&buf, &parallax.Document{}); err == nil {
		t.Error("document without article accepted")
	}
	if err := AnnotationText(&buf, nil); err == nil {
		t.Error("nil document accepted by AnnotationText")
	}
}

func TestISO(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		g    parallax.Granularity
		want string
	}{
		{"day", day(2025, 3, 19), parallax.Day, "2025-03-19"},
		{"month", day(2025, 3, 1), parallax.Month, "2025-03"},
		{"year", day(2025, 1, 1), parallax.Year, "2025"},
		{"week", day(2025, 3, 17), parallax.Week, "2025-W12"},
		{"week of previous ISO year", day(2021, 1, 1), parallax.Week, "2020-W53"},
		{"week of next ISO year", day(2024, 12, 30), parallax.Week, "2025-W01"},
		{"day in other zone", time.Date(2025, 3, 19, 23, 0, 0, 0, time.FixedZone("", -3600*5)), parallax.Day, "2025-03-20"},
		{"unknown granularity", day(2025, 3, 19), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := iso(tt.t, tt.g); got != tt.want {
				t.Errorf("iso = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAnnotationTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := AnnotationText(&buf, fixtureDocs()[0]); err != nil {
		t.Fatal(err)
	}
	golden(t, "annotation.txt.golden", buf.Bytes())
}
