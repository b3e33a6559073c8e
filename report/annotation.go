package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// annotation is the JSON form of one Document, the contract described by
// schema/annotation.schema.json. Copies of the text under each span ride
// along so that a reader of the JSON need not slice strings by bytes.
type annotation struct {
	Article      annArticle       `json:"article"`
	Text         string           `json:"text"`
	Headline     *parallax.Span   `json:"headline"`
	Paragraphs   []parallax.Span  `json:"paragraphs"`
	Boilerplate  []parallax.Span  `json:"boilerplate"`
	Sentences    []annSentence    `json:"sentences"`
	Entities     []annEntity      `json:"entities"`
	Quantities   []annQuantity    `json:"quantities"`
	Dates        []annDate        `json:"dates"`
	Quotes       []annQuote       `json:"quotes"`
	Attributions []annAttribution `json:"attributions"`
	Claims       []annClaim       `json:"claims"`
}

type annArticle struct {
	ID        string                     `json:"id"`
	Source    string                     `json:"source"`
	Title     string                     `json:"title"`
	Published string                     `json:"published,omitempty"`
	Path      string                     `json:"path,omitempty"`
	URL       string                     `json:"url,omitempty"`
	Author    string                     `json:"author,omitempty"`
	Extra     map[string]json.RawMessage `json:"extra,omitempty"`
}

type annSentence struct {
	Span      parallax.Span `json:"span"`
	Paragraph int           `json:"paragraph"`
}

type annEntity struct {
	Name     string          `json:"name"`
	Type     string          `json:"type"`
	Title    string          `json:"title,omitempty"`
	Aliases  []string        `json:"aliases"`
	Key      string          `json:"key"`
	Mentions []parallax.Span `json:"mentions"`
}

type annQuantity struct {
	Text      string        `json:"text"`
	Span      parallax.Span `json:"span"`
	Value     annInterval   `json:"value"`
	Dimension string        `json:"dimension"`
	Qualifier string        `json:"qualifier"`
	Scope     string        `json:"scope"`
}

// annInterval holds nil for an infinite or undefined end: JSON has no Inf.
type annInterval struct {
	Lo     *float64 `json:"lo"`
	Hi     *float64 `json:"hi"`
	LoOpen bool     `json:"lo_open"`
	HiOpen bool     `json:"hi_open"`
	Unit   string   `json:"unit"`
}

type annDate struct {
	Text        string        `json:"text"`
	Span        parallax.Span `json:"span"`
	Value       *string       `json:"value"`
	Granularity string        `json:"granularity"`
	Anchor      string        `json:"anchor"`
}

type annQuote struct {
	Text        string         `json:"text"`
	Span        parallax.Span  `json:"span"`
	Kind        string         `json:"kind"`
	Speaker     *string        `json:"speaker"`
	SpeakerText string         `json:"speaker_text"`
	SpeakerSpan *parallax.Span `json:"speaker_span"`
	Cue         string         `json:"cue"`
	CueSpan     *parallax.Span `json:"cue_span"`
}

type annAttribution struct {
	Source     *string        `json:"source"`
	SourceText string         `json:"source_text"`
	SourceSpan *parallax.Span `json:"source_span"`
	Cue        string         `json:"cue"`
	CueSpan    *parallax.Span `json:"cue_span"`
	Content    string         `json:"content"`
	Span       parallax.Span  `json:"span"`
}

type annClaim struct {
	Sentence     int           `json:"sentence"`
	Span         parallax.Span `json:"span"`
	Entities     []int         `json:"entities"`
	Quantities   []int         `json:"quantities"`
	Dates        []int         `json:"dates"`
	AttributedTo *string       `json:"attributed_to"`
}

// Annotation writes d as one line of JSON (annotate --format json): the
// article's metadata, the normalized text and every finding as spans into
// it. Indexes that point nowhere are written as they are, so that
// ValidateAnnotation can flag the stage that produced them.
func Annotation(w io.Writer, d *parallax.Document) error {
	a, err := newAnnotation(d)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w) // Encode ends the line; the text's newlines are escaped
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return fmt.Errorf("report: write annotation of %s: %w", a.Article.ID, err)
	}
	return nil
}

func newAnnotation(d *parallax.Document) (*annotation, error) {
	if d == nil || d.Article == nil {
		return nil, errors.New("report: annotation needs a document with its article")
	}
	art := d.Article
	a := &annotation{
		Article: annArticle{
			ID: art.ID, Source: art.Source, Title: art.Title,
			Path: art.Path, URL: art.URL, Author: art.Author,
		},
		Text:         d.Text,
		Paragraphs:   nonNil(d.Paragraphs),
		Boilerplate:  nonNil(d.Boilerplate),
		Sentences:    make([]annSentence, len(d.Sentences)),
		Entities:     make([]annEntity, len(d.Entities)),
		Quantities:   make([]annQuantity, len(d.Quantities)),
		Dates:        make([]annDate, len(d.Dates)),
		Quotes:       make([]annQuote, len(d.Quotes)),
		Attributions: make([]annAttribution, len(d.Attributions)),
		Claims:       make([]annClaim, len(d.Claims)),
	}
	if !art.Published.IsZero() {
		a.Article.Published = art.Published.Format(time.RFC3339)
	}
	if len(art.Extra) > 0 {
		a.Article.Extra = make(map[string]json.RawMessage, len(art.Extra))
		for k, v := range art.Extra {
			if !json.Valid(v) { // keep the bytes, as a string, rather than fail the article
				v, _ = json.Marshal(string(v))
			}
			a.Article.Extra[k] = v
		}
	}
	if d.Headline != (parallax.Span{}) {
		h := d.Headline
		a.Headline = &h
	}
	for i, s := range d.Sentences {
		a.Sentences[i] = annSentence{Span: s.Span, Paragraph: s.Paragraph}
	}
	for i, e := range d.Entities {
		a.Entities[i] = annEntity{
			Name: e.Name, Type: string(e.Type), Title: e.Title,
			Aliases: nonNil(e.Aliases), Key: e.Key, Mentions: nonNil(e.Mentions),
		}
	}
	for i, q := range d.Quantities {
		a.Quantities[i] = annQuantity{
			Text: d.Slice(q.Span), Span: q.Span,
			Value: annInterval{
				Lo: finite(q.Value.Lo), Hi: finite(q.Value.Hi),
				LoOpen: q.Value.LoOpen, HiOpen: q.Value.HiOpen, Unit: q.Unit,
			},
			Dimension: string(q.Dimension), Qualifier: q.Qualifier, Scope: q.Scope,
		}
	}
	for i, dt := range d.Dates {
		ad := annDate{Text: d.Slice(dt.Span), Span: dt.Span, Granularity: string(dt.Granularity), Anchor: dt.Anchor}
		if !dt.Value.IsZero() && dt.Anchor != "unresolved" {
			if v := iso(dt.Value, dt.Granularity); v != "" {
				ad.Value = &v
			}
		}
		a.Dates[i] = ad
	}
	for i, q := range d.Quotes {
		a.Quotes[i] = annQuote{
			Text: d.Slice(q.Span), Span: q.Span, Kind: string(q.Kind),
			Speaker:     entityName(d, q.Speaker),
			SpeakerText: d.Slice(q.SpeakerSpan), SpeakerSpan: optSpan(q.SpeakerSpan),
			Cue: d.Slice(q.Cue), CueSpan: optSpan(q.Cue),
		}
	}
	for i, at := range d.Attributions {
		a.Attributions[i] = annAttribution{
			Source:     entityName(d, at.Source),
			SourceText: d.Slice(at.SourceSpan), SourceSpan: optSpan(at.SourceSpan),
			Cue: d.Slice(at.Cue), CueSpan: optSpan(at.Cue),
			Content: d.Slice(at.Content), Span: at.Content,
		}
	}
	for i, c := range d.Claims {
		a.Claims[i] = annClaim{
			Sentence: c.Sentence, Span: c.Span,
			Entities: nonNil(c.Entities), Quantities: nonNil(c.Quantities), Dates: nonNil(c.Dates),
			AttributedTo: entityName(d, c.AttributedTo),
		}
	}
	return a, nil
}

// finite returns a pointer to v, or nil when JSON cannot hold it.
func finite(v float64) *float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	return &v
}

// optSpan is nil for the zero span, which the domain uses for "not found".
func optSpan(s parallax.Span) *parallax.Span {
	if s == (parallax.Span{}) {
		return nil
	}
	return &s
}

func entityName(d *parallax.Document, i int) *string {
	if i < 0 || i >= len(d.Entities) {
		return nil
	}
	n := d.Entities[i].Name
	return &n
}

// iso writes t at granularity g as ISO 8601: "2025-03-19", "2025-W12",
// "2025-03" or "2025". The dates package owns resolving dates; this only
// prints them, so the report does not depend on it.
func iso(t time.Time, g parallax.Granularity) string {
	t = t.UTC()
	switch g {
	case parallax.Day:
		return t.Format("2006-01-02")
	case parallax.Week:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case parallax.Month:
		return t.Format("2006-01")
	case parallax.Year:
		return t.Format("2006")
	}
	return ""
}

// AnnotationText writes d for people (annotate on a terminal): the article,
// then every finding with its byte span and the words it covers.
func AnnotationText(w io.Writer, d *parallax.Document) error {
	a, err := newAnnotation(d)
	if err != nil {
		return err
	}
	p := &printer{w: w}
	art := a.Article
	p.line(art.Title)
	meta := []string{}
	for _, s := range []string{art.Source, art.Author, art.Published, art.URL, art.Path} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	if len(meta) > 0 {
		p.line(strings.Join(meta, " · "))
	}
	p.line(fmt.Sprintf("id %s · %d bytes · %d paragraphs · %d sentences", art.ID, len(a.Text), len(a.Paragraphs), len(a.Sentences)))

	if len(a.Sentences) > 0 {
		p.section("SENTENCES", len(a.Sentences))
		for i, s := range a.Sentences {
			p.line(fmt.Sprintf("%4d %s ¶%d  %s", i+1, spanText(s.Span), s.Paragraph+1, oneLine(d.Slice(s.Span))))
		}
	}
	if len(a.Entities) > 0 {
		p.section("ENTITIES", len(a.Entities))
		for _, e := range a.Entities {
			s := fmt.Sprintf("  %s [%s]", e.Name, e.Type)
			if e.Title != "" {
				s += " — " + e.Title
			}
			s += fmt.Sprintf(" — %s", plural(len(e.Mentions), "mention", "mentions"))
			if len(e.Aliases) > 0 {
				s += " as " + strings.Join(quoteAll(e.Aliases), ", ")
			}
			s += " — key " + e.Key
			p.line(s)
		}
	}
	if len(d.Quantities) > 0 {
		p.section("QUANTITIES", len(d.Quantities))
		for i, q := range d.Quantities {
			aq := a.Quantities[i]
			s := fmt.Sprintf("  %s %q → %s", spanText(q.Span), oneLine(aq.Text), interval(q.Value, q.Unit, q.Qualifier))
			var tags []string
			for _, t := range []string{aq.Dimension, aq.Qualifier, aq.Scope} {
				if t != "" {
					tags = append(tags, t)
				}
			}
			if len(tags) > 0 {
				s += " (" + strings.Join(tags, ", ") + ")"
			}
			p.line(s)
		}
	}
	if len(a.Dates) > 0 {
		p.section("DATES", len(a.Dates))
		for _, dt := range a.Dates {
			v := "unresolved"
			if dt.Value != nil {
				v = *dt.Value
			}
			p.line(fmt.Sprintf("  %s %q → %s (%s, %s)", spanText(dt.Span), oneLine(dt.Text), v, orDash(dt.Granularity), orDash(dt.Anchor)))
		}
	}
	if len(a.Quotes) > 0 {
		p.section("QUOTES", len(a.Quotes))
		for _, q := range a.Quotes {
			who := "unknown speaker"
			if q.Speaker != nil {
				who = *q.Speaker
			}
			if q.SpeakerText != "" && (q.Speaker == nil || q.SpeakerText != *q.Speaker) {
				who += fmt.Sprintf(" (as %q)", oneLine(q.SpeakerText))
			}
			p.line(fmt.Sprintf("  %s %s, %s: “%s”", spanText(q.Span), q.Kind, who, oneLine(q.Text)))
			if q.Cue != "" {
				p.line(fmt.Sprintf("      cue %q", oneLine(q.Cue)))
			}
		}
	}
	if len(a.Attributions) > 0 {
		p.section("ATTRIBUTIONS", len(a.Attributions))
		for _, at := range a.Attributions {
			src := "unknown source"
			if at.Source != nil {
				src = *at.Source
			}
			if at.SourceText != "" && (at.Source == nil || at.SourceText != *at.Source) {
				src += fmt.Sprintf(" (as %q)", oneLine(at.SourceText))
			}
			p.line(fmt.Sprintf("  %s %s via %q: %s", spanText(at.Span), src, oneLine(at.Cue), oneLine(at.Content)))
		}
	}
	if len(a.Claims) > 0 {
		p.section("CLAIMS", len(a.Claims))
		for _, c := range a.Claims {
			by := "own voice"
			if c.AttributedTo != nil {
				by = "per " + *c.AttributedTo
			}
			p.line(fmt.Sprintf("  %s sentence %d, %s, %s, %s, %s: %s",
				spanText(c.Span), c.Sentence+1, by,
				plural(len(c.Entities), "entity", "entities"),
				plural(len(c.Quantities), "quantity", "quantities"),
				plural(len(c.Dates), "date", "dates"),
				oneLine(d.Slice(c.Span))))
		}
	}
	if len(a.Boilerplate) > 0 {
		p.section("BOILERPLATE", len(a.Boilerplate))
		for _, s := range a.Boilerplate {
			p.line(fmt.Sprintf("  %s %s", spanText(s), oneLine(d.Slice(s))))
		}
	}
	return p.err
}

func spanText(s parallax.Span) string {
	return "@" + strconv.Itoa(s.Start) + "-" + strconv.Itoa(s.End)
}

// oneLine keeps each finding on its own line whatever the text holds.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}
