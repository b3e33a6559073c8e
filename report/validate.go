package report

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/parallax-news/parallax"
)

// The JSON Schemas are the canonical, published contract of the JSON
// outputs; they are embedded so that other packages' tests can check what
// they produce without locating files on disk.
//
//go:embed schema/*.json
var schemaFS embed.FS

const (
	briefSchemaPath      = "schema/brief.schema.json"
	annotationSchemaPath = "schema/annotation.schema.json"
)

var (
	briefSchema      = sync.OnceValues(func() (*jsonschema.Schema, error) { return compileEmbedded(briefSchemaPath) })
	annotationSchema = sync.OnceValues(func() (*jsonschema.Schema, error) { return compileEmbedded(annotationSchemaPath) })
)

func compileEmbedded(path string) (*jsonschema.Schema, error) {
	data, err := schemaFS.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("report: read %s: %w", path, err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("report: parse %s: %w", path, err)
	}
	c := jsonschema.NewCompiler()
	// A private URL: the compiler must never try to fetch the schema.
	url := "mem:///" + path
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("report: add %s: %w", path, err)
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("report: compile %s: %w", path, err)
	}
	return s, nil
}

// ValidateBrief checks data, the output of JSON, against the brief schema,
// then checks what a schema cannot say: article ids are unique, every
// article reference names a listed article, and spans do not run
// backwards. It is meant for tests of the packages that build Briefs.
func ValidateBrief(data []byte) error {
	s, err := briefSchema()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("brief: %w", err)
	}
	if err := s.Validate(inst); err != nil {
		return fmt.Errorf("brief: %w", err)
	}
	var b parallax.Brief
	if err := json.Unmarshal(data, &b); err != nil {
		return fmt.Errorf("brief: %w", err)
	}
	return briefIntegrity(&b)
}

func briefIntegrity(b *parallax.Brief) error {
	var errs []error
	ids := map[string]bool{}
	for i, a := range b.Articles {
		if ids[a.ID] {
			errs = append(errs, fmt.Errorf("articles[%d]: duplicate id %q", i, a.ID))
		}
		ids[a.ID] = true
	}
	ref := func(where, id string) {
		if !ids[id] {
			errs = append(errs, fmt.Errorf("%s: article %q is not in articles", where, id))
		}
	}
	refs := func(where string, list []string) {
		for j, id := range list {
			ref(fmt.Sprintf("%s[%d]", where, j), id)
		}
	}
	span := func(where string, s parallax.Span) {
		if s.End < s.Start {
			errs = append(errs, fmt.Errorf("%s: span [%d,%d] runs backwards", where, s.Start, s.End))
		}
	}
	for i, f := range b.Facts {
		for j, c := range f.Claims {
			w := fmt.Sprintf("facts[%d].claims[%d]", i, j)
			ref(w+".article", c.Article)
			span(w+".span", c.Span)
		}
		for j, v := range f.Variants {
			refs(fmt.Sprintf("facts[%d].variants[%d].articles", i, j), v.Articles)
		}
	}
	for i, q := range b.Quotes {
		ref(fmt.Sprintf("quotes[%d].article", i), q.Article)
		span(fmt.Sprintf("quotes[%d].span", i), q.Span)
	}
	for i, e := range b.Entities {
		refs(fmt.Sprintf("entities[%d].articles", i), e.Articles)
	}
	for i, w := range b.Wording {
		for j, t := range w.Variants {
			refs(fmt.Sprintf("wording[%d].variants[%d].articles", i, j), t.Articles)
		}
	}
	for i, u := range b.Unique {
		ref(fmt.Sprintf("unique[%d].article", i), u.Article)
		for j, s := range u.Sentences {
			span(fmt.Sprintf("unique[%d].sentences[%d].span", i, j), s.Span)
		}
	}
	for i, t := range b.Timeline {
		refs(fmt.Sprintf("timeline[%d].articles", i), t.Articles)
	}
	for i, s := range b.Summary {
		refs(fmt.Sprintf("summary[%d].articles", i), s.Articles)
	}
	if len(errs) > 0 {
		return fmt.Errorf("brief: %w", errors.Join(errs...))
	}
	return nil
}

// ValidateAnnotation checks one line written by Annotation against the
// annotation schema, then checks that every span lies inside text, does not
// run backwards and cuts text at character boundaries, and that every
// index points at an existing finding.
func ValidateAnnotation(line []byte) error {
	s, err := annotationSchema()
	if err != nil {
		return err
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	if bytes.ContainsAny(line, "\n") {
		return errors.New("annotation: more than one line")
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
	if err != nil {
		return fmt.Errorf("annotation: %w", err)
	}
	if err := s.Validate(inst); err != nil {
		return fmt.Errorf("annotation: %w", err)
	}
	var a annotation
	if err := json.Unmarshal(line, &a); err != nil {
		return fmt.Errorf("annotation: %w", err)
	}
	return annotationIntegrity(&a)
}

func annotationIntegrity(a *annotation) error {
	var errs []error
	n := len(a.Text)
	boundary := func(off int) bool {
		// A byte offset must not fall inside a UTF-8 sequence.
		return off == n || a.Text[off]&0xC0 != 0x80
	}
	span := func(where string, s parallax.Span) {
		switch {
		case s.End < s.Start:
			errs = append(errs, fmt.Errorf("%s: span [%d,%d] runs backwards", where, s.Start, s.End))
		case s.Start < 0 || s.End > n:
			errs = append(errs, fmt.Errorf("%s: span [%d,%d] outside text of %d bytes", where, s.Start, s.End, n))
		case !boundary(s.Start) || !boundary(s.End):
			errs = append(errs, fmt.Errorf("%s: span [%d,%d] splits a character", where, s.Start, s.End))
		}
	}
	opt := func(where string, s *parallax.Span) {
		if s != nil {
			span(where, *s)
		}
	}
	index := func(where string, i, length int) {
		if i < 0 || i >= length {
			errs = append(errs, fmt.Errorf("%s: index %d out of range [0,%d)", where, i, length))
		}
	}
	opt("headline", a.Headline)
	for i, s := range a.Paragraphs {
		span(fmt.Sprintf("paragraphs[%d]", i), s)
	}
	for i, s := range a.Boilerplate {
		span(fmt.Sprintf("boilerplate[%d]", i), s)
	}
	for i, s := range a.Sentences {
		span(fmt.Sprintf("sentences[%d].span", i), s.Span)
		if len(a.Paragraphs) > 0 {
			index(fmt.Sprintf("sentences[%d].paragraph", i), s.Paragraph, len(a.Paragraphs))
		}
	}
	for i, e := range a.Entities {
		for j, m := range e.Mentions {
			span(fmt.Sprintf("entities[%d].mentions[%d]", i, j), m)
		}
	}
	for i, q := range a.Quantities {
		span(fmt.Sprintf("quantities[%d].span", i), q.Span)
		if q.Value.Lo != nil && q.Value.Hi != nil && *q.Value.Hi < *q.Value.Lo {
			errs = append(errs, fmt.Errorf("quantities[%d].value: hi %v below lo %v", i, *q.Value.Hi, *q.Value.Lo))
		}
	}
	for i, d := range a.Dates {
		span(fmt.Sprintf("dates[%d].span", i), d.Span)
	}
	for i, q := range a.Quotes {
		span(fmt.Sprintf("quotes[%d].span", i), q.Span)
		opt(fmt.Sprintf("quotes[%d].speaker_span", i), q.SpeakerSpan)
		opt(fmt.Sprintf("quotes[%d].cue_span", i), q.CueSpan)
	}
	for i, at := range a.Attributions {
		span(fmt.Sprintf("attributions[%d].span", i), at.Span)
		opt(fmt.Sprintf("attributions[%d].source_span", i), at.SourceSpan)
		opt(fmt.Sprintf("attributions[%d].cue_span", i), at.CueSpan)
	}
	for i, c := range a.Claims {
		w := fmt.Sprintf("claims[%d]", i)
		span(w+".span", c.Span)
		index(w+".sentence", c.Sentence, len(a.Sentences))
		for j, e := range c.Entities {
			index(fmt.Sprintf("%s.entities[%d]", w, j), e, len(a.Entities))
		}
		for j, q := range c.Quantities {
			index(fmt.Sprintf("%s.quantities[%d]", w, j), q, len(a.Quantities))
		}
		for j, d := range c.Dates {
			index(fmt.Sprintf("%s.dates[%d]", w, j), d, len(a.Dates))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("annotation of %q: %w", a.Article.ID, errors.Join(errs...))
	}
	return nil
}
