// Package parallax holds the domain types of the Parallax engine: articles as
// read from disk or the network, the per-article Document with every finding
// as a byte Span into its normalized text, and the cross-article Brief that
// says which facts independent sources agree on, which are disputed, who said
// what and what only one outlet reports.
//
// The root package imports nothing of the project. Stages (normalize,
// segment, entity, quantity, dates, quote, reconcile) and adapters (input,
// report) live in their own packages and talk to each other only through
// these types; cmd/parallax wires them together.
package parallax

import (
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// Span is a half-open byte range [Start, End) into a Document's normalized
// Text. Findings carry spans instead of copies so that every statement in a
// report can be traced back to its sentence.
type Span struct {
	Start int
	End   int
}

// Len reports the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// MarshalJSON writes a span as [start, end], the form the JSON contract uses.
func (s Span) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", s.Start, s.End)), nil
}

// UnmarshalJSON reads a span written as [start, end].
func (s *Span) UnmarshalJSON(b []byte) error {
	// Briefs carry hundreds of spans; reading "[12, 34]" by hand spares a
	// nested decoder for each. Anything else goes the general way, which
	// also gives the error.
	if start, end, ok := parseSpan(b); ok {
		s.Start, s.End = start, end
		return nil
	}
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// parseSpan reads exactly "[int,int]" with optional JSON whitespace and
// integers without fraction or exponent that fit an int.
func parseSpan(b []byte) (start, end int, ok bool) {
	i := 0
	space := func() {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
			i++
		}
	}
	num := func() (int, bool) {
		neg := i < len(b) && b[i] == '-'
		if neg {
			i++
		}
		j := i
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			if i-j >= 18 {
				return 0, false // leave overflow to encoding/json
			}
			n = n*10 + int(b[i]-'0')
			i++
		}
		if i == j || (b[j] == '0' && i-j > 1) {
			return 0, false // no digits, or a leading zero JSON forbids
		}
		if neg {
			n = -n
		}
		return n, true
	}
	expect := func(c byte) bool {
		space()
		if i < len(b) && b[i] == c {
			i++
			return true
		}
		return false
	}
	if !expect('[') {
		return 0, 0, false
	}
	space()
	if start, ok = num(); !ok || !expect(',') {
		return 0, 0, false
	}
	space()
	if end, ok = num(); !ok || !expect(']') {
		return 0, 0, false
	}
	space()
	return start, end, i == len(b)
}

// Article is one news report as read from its source, before analysis.
type Article struct {
	// ID is the record's own id when the input has one, otherwise a stable
	// id derived from the path or URL.
	ID        string
	Source    string // outlet name; falls back to the file name
	Title     string
	URL       string
	Path      string
	Author    string
	Published time.Time // zero when unknown
	// Body is the article text as read (after HTML extraction), before
	// normalization. Document offsets map back into it.
	Body string
	// Extra keeps fields of JSON records that Parallax does not know.
	Extra map[string]json.RawMessage
}

// Document is an Article after per-article analysis. Every finding points at
// byte offsets in Text.
type Document struct {
	Article *Article
	// Text is the normalized body: NFC, straight quotes and dashes
	// unified, whitespace collapsed, paragraphs separated by "\n\n".
	Text string
	// Offsets maps byte offsets in Text back to byte offsets in Article.Body.
	Offsets OffsetMap
	// Headline is the title's span when the title is part of Text (plain
	// text whose first line looks like a headline), else zero.
	Headline Span
	// Paragraphs are the content paragraphs of Text; Boilerplate lists the
	// lines dropped as captions, credits, bylines and "Read more" links.
	Paragraphs  []Span
	Boilerplate []Span

	Sentences    []Sentence
	Entities     []Entity
	Quantities   []Quantity
	Dates        []Date
	Quotes       []Quote
	Attributions []Attribution
	Claims       []Claim
}

// Slice returns the normalized text under s, clamped to Text.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(d.Text) {
		s.End = len(d.Text)
	}
	if s.Start >= s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1.
func (d *Document) SentenceAt(off int) int {
	return SpanIndex(d.Sentences, off, func(s *Sentence) Span { return s.Span })
}

// SpanIndex returns the index of the element of xs whose span contains byte
// offset off, or -1. The spans, read by span, must be sorted and must not
// overlap.
func SpanIndex[T any](xs []T, off int, span func(*T) Span) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := (lo + hi) / 2
		s := span(&xs[m])
		switch {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// OffsetMap maps byte offsets in normalized text back to the original text.
// It stores one entry per point where the two texts stop advancing in step;
// between entries the offsets move together.
type OffsetMap struct {
	// Norm and Orig are parallel, sorted by Norm: at normalized offset
	// Norm[i] the original offset is Orig[i].
	Norm []int
	Orig []int
}

// Original maps a normalized byte offset to the original text.
func (m OffsetMap) Original(norm int) int {
	if len(m.Norm) == 0 {
		return norm
	}
	// Last entry with Norm <= norm.
	lo, hi := 0, len(m.Norm)
	for lo < hi {
		mid := (lo + hi) / 2
		if m.Norm[mid] <= norm {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return norm
	}
	i := lo - 1
	return m.Orig[i] + (norm - m.Norm[i])
}

// Sentence is one sentence of a Document.
type Sentence struct {
	Span      Span
	Paragraph int // index into Document.Paragraphs
}

// EntityType says what kind of thing an entity is.
type EntityType string

const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	Place        EntityType = "place"
	// Government is a state acting as a speaker, often named by its seat or
	// capital ("the Kremlin", "the White House", "Washington").
	Government EntityType = "government"
)

// Entity is one real-world referent inside one Document, with every mention.
type Entity struct {
	Name     string     // canonical, longest proper form: "Vladimir Putin"
	Type     EntityType //
	Title    string     // role or title when stated: "Russian President"
	Aliases  []string   // every distinct surface form used in the article
	Mentions []Span
	// Key identifies the entity across articles: a lower-cased,
	// transliteration-folded form of Name ("zelensky" for "Zelenskyy").
	Key string
}

// Dimension is what a quantity measures.
type Dimension string

const (
	Count    Dimension = "count"
	Duration Dimension = "duration"
	Money    Dimension = "money"
	Percent  Dimension = "percent"
	Length   Dimension = "length"
	Area     Dimension = "area"
	Mass     Dimension = "mass"
	Ordinal  Dimension = "ordinal"
)

// Interval is a closed or half-open numeric range. An exact value has
// Lo == Hi. Hi is +Inf when the range is unbounded above.
type Interval struct {
	Lo, Hi         float64
	LoOpen, HiOpen bool
}

// Exact returns the interval [v, v].
func Exact(v float64) Interval { return Interval{Lo: v, Hi: v} }

// Unbounded reports whether the interval has no upper bound.
func (iv Interval) Unbounded() bool { return math.IsInf(iv.Hi, 1) }

// Intersects reports whether two intervals share at least one value.
func (iv Interval) Intersects(o Interval) bool {
	if iv.Hi < o.Lo || o.Hi < iv.Lo {
		return false
	}
	if iv.Hi == o.Lo && (iv.HiOpen || o.LoOpen) {
		return false
	}
	if o.Hi == iv.Lo && (o.HiOpen || iv.LoOpen) {
		return false
	}
	return true
}

// Quantity is a number with its unit, as an interval in a canonical unit.
type Quantity struct {
	Span      Span
	Value     Interval
	Unit      string    // canonical unit: "minute", "prisoner", "USD", "percent"
	Dimension Dimension //
	// Qualifier is how the text bounds the value: "" for exact, or one of
	// "more_than", "at_least", "less_than", "at_most", "about", "nearly",
	// "up_to", "range".
	Qualifier string
	// Scope says how a count distributes: "each", "total" or "".
	Scope string
}

// Granularity is how precise a resolved date is.
type Granularity string

const (
	Day   Granularity = "day"
	Week  Granularity = "week"
	Month Granularity = "month"
	Year  Granularity = "year"
)

// Date is a date expression resolved to a calendar date.
type Date struct {
	Span        Span
	Value       time.Time // first day of the period, UTC
	Granularity Granularity
	// Anchor says how the value was obtained: "absolute" for a written
	// calendar date, "publication" when resolved relative to the article's
	// publication date, "inferred" when the year came from other evidence,
	// "unresolved" when it could not be placed (Value is zero).
	Anchor string
}

// QuoteKind separates verbatim from reported speech.
type QuoteKind string

const (
	Direct   QuoteKind = "direct"
	Indirect QuoteKind = "indirect"
)

// Quote is speech attributed to a speaker.
type Quote struct {
	Span    Span // the quoted content, without quote marks for direct quotes
	Kind    QuoteKind
	Speaker int // index into Document.Entities, or -1 when unknown
	// SpeakerSpan is where the speaker is named in the text ("he",
	// "officials", "Witkoff"); zero when no speaker was found.
	SpeakerSpan Span
	Cue         Span // the speech verb or phrase ("said", "according to")
}

// Attribution ties a stretch of text to the source it is credited to:
// "according to the Kremlin", "the White House said", "X's readout said".
type Attribution struct {
	Source     int  // index into Document.Entities, or -1
	SourceSpan Span // where the source is named
	Cue        Span
	Content    Span // what is attributed
}

// Claim is a checkable statement: a sentence or clause with what it mentions
// and who it is attributed to.
type Claim struct {
	Sentence   int // index into Document.Sentences
	Span       Span
	Entities   []int // indexes into Document.Entities
	Quantities []int // indexes into Document.Quantities
	Dates      []int // indexes into Document.Dates
	// AttributedTo is the index of the Entity the claim is credited to,
	// or -1 when the outlet states it in its own voice.
	AttributedTo int
}
