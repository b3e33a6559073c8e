package parallax

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
)

// MarshalBrief returns the canonical JSON of a Brief, the bytes
// `parallax analyze --format json` writes: every list present (never null),
// unbounded ends of ranges left out, <, > and & written as themselves,
// two-space indentation and a final newline. Stores keep these bytes, so a
// server sends a stored brief as it is, without decoding it.
func MarshalBrief(b *Brief) ([]byte, error) {
	if b == nil {
		return nil, fmt.Errorf("marshal brief: nil brief")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(normalizeBrief(b)); err != nil {
		return nil, fmt.Errorf("marshal brief: %w", err)
	}
	return buf.Bytes(), nil
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
func normalizeBrief(b *Brief) *Brief {
	n := *b
	n.Articles = nonNil(b.Articles)

	n.Facts = make([]Fact, len(b.Facts))
	for i, f := range b.Facts {
		f.Claims = nonNil(f.Claims)
		if f.Variants != nil {
			vs := make([]Variant, len(f.Variants))
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

	n.Entities = make([]EntitySummary, len(b.Entities))
	for i, e := range b.Entities {
		e.Aliases = nonNil(e.Aliases)
		e.Articles = nonNil(e.Articles)
		n.Entities[i] = e
	}

	n.Wording = make([]Wording, len(b.Wording))
	for i, w := range b.Wording {
		ts := make([]WordingTerm, len(w.Variants))
		for j, t := range w.Variants {
			t.Articles = nonNil(t.Articles)
			ts[j] = t
		}
		w.Variants = ts
		n.Wording[i] = w
	}

	n.Unique = make([]Unique, len(b.Unique))
	for i, u := range b.Unique {
		u.Sentences = nonNil(u.Sentences)
		n.Unique[i] = u
	}

	n.Timeline = make([]TimelineEntry, len(b.Timeline))
	for i, t := range b.Timeline {
		t.Articles = nonNil(t.Articles)
		n.Timeline[i] = t
	}

	n.Summary = make([]SummaryLine, len(b.Summary))
	for i, s := range b.Summary {
		s.Articles = nonNil(s.Articles)
		n.Summary[i] = s
	}
	return &n
}

// NormalizedBrief returns a copy of b as MarshalBrief writes it: lists
// never nil, unbounded range ends absent. The caller's Brief is untouched.
func NormalizedBrief(b *Brief) *Brief { return normalizeBrief(b) }
