package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/parallax-news/parallax"
)

// JSON writes b as indented JSON, the public contract described by
// schema/brief.schema.json. Nil slices are written as empty arrays so that
// consumers can rely on every array being present; b itself is not changed.
func JSON(w io.Writer, b *parallax.Brief) error {
	if b == nil {
		return errors.New("report: nil brief")
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(normalize(b)); err != nil {
		return fmt.Errorf("report: write brief json: %w", err)
	}
	return nil
}

// nonNil returns s, or an empty slice when s is nil (JSON [] instead of null).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// normalize returns a copy of b whose slices are never nil. Inner slices are
// replaced in copies of the elements, so the caller's Brief is untouched.
// Variants and Problems carry omitempty in the contract and stay as they are.
func normalize(b *parallax.Brief) *parallax.Brief {
	n := *b
	n.Articles = nonNil(b.Articles)

	n.Facts = make([]parallax.Fact, len(b.Facts))
	for i, f := range b.Facts {
		f.Claims = nonNil(f.Claims)
		if f.Variants != nil {
			vs := make([]parallax.Variant, len(f.Variants))
			for j, v := range f.Variants {
				v.Articles = nonNil(v.Articles)
				v.AttributedTo = nonNil(v.AttributedTo)
				// JSON has no infinity; an unbounded end is written absent.
				if v.Value.Hi != nil && math.IsInf(*v.Value.Hi, 1) {
					v.Value.Hi = nil
				}
				if v.Value.Lo != nil && math.IsInf(*v.Value.Lo, -1) {
					v.Value.Lo = nil
				}
				vs[j] = v
			}
			f.Variants = vs
		}
		n.Facts[i] = f
	}

	n.Quotes = nonNil(b.Quotes)

	n.Entities = make([]parallax.EntitySummary, len(b.Entities))
	for i, e := range b.Entities {
		e.Aliases = nonNil(e.Aliases)
		e.Articles = nonNil(e.Articles)
		n.Entities[i] = e
	}

	n.Wording = make([]parallax.Wording, len(b.Wording))
	for i, w := range b.Wording {
		ts := make([]parallax.WordingTerm, len(w.Variants))
		for j, t := range w.Variants {
			t.Articles = nonNil(t.Articles)
			ts[j] = t
		}
		w.Variants = ts
		n.Wording[i] = w
	}

	n.Unique = make([]parallax.Unique, len(b.Unique))
	for i, u := range b.Unique {
		u.Sentences = nonNil(u.Sentences)
		n.Unique[i] = u
	}

	n.Timeline = make([]parallax.TimelineEntry, len(b.Timeline))
	for i, t := range b.Timeline {
		t.Articles = nonNil(t.Articles)
		n.Timeline[i] = t
	}

	n.Summary = make([]parallax.SummaryLine, len(b.Summary))
	for i, s := range b.Summary {
		s.Articles = nonNil(s.Articles)
		n.Summary[i] = s
	}
	return &n
}
