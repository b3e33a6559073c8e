// Package analyze owns the per-article pipeline: one pure function that
// turns a parallax.Article into a parallax.Document by running every stage in
// dependency order. It does no I/O and keeps no state, so callers may run it
// concurrently on many articles.
package analyze

import (
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/claim"
	"github.com/parallax-news/parallax/dates"
	"github.com/parallax-news/parallax/entity"
	"github.com/parallax-news/parallax/normalize"
	"github.com/parallax-news/parallax/quantity"
	"github.com/parallax-news/parallax/quote"
	"github.com/parallax-news/parallax/segment"
)

// Article analyzes one article. The stages read top to bottom; each one
// sees only what the stages before it produced.
func Article(a *parallax.Article) *parallax.Document {
	text, offsets := normalize.Text(a.Body)
	d := &parallax.Document{Article: a, Text: text, Offsets: offsets}
	d.Paragraphs, d.Boilerplate = normalize.Paragraphs(text)
	d.Sentences = segment.Sentences(text, d.Paragraphs)
	d.Entities = entity.Recognize(text, d.Sentences)
	d.Quantities = quantitiesIn(quantity.Find(text), d.Sentences)
	d.Dates = datesIn(dates.Find(text, a.Published), d.Sentences)
	d.Quotes, d.Attributions = quote.Find(d)
	d.Claims = claim.Extract(d)
	return d
}

// quantitiesIn keeps the quantities that lie inside a sentence, so that
// numbers in captions and credits never become facts.
func quantitiesIn(qs []parallax.Quantity, sents []parallax.Sentence) []parallax.Quantity {
	out := qs[:0]
	for _, q := range qs {
		if inside(q.Span, sents) {
			out = append(out, q)
		}
	}
	return out
}

// datesIn is quantitiesIn for dates.
func datesIn(ds []parallax.Date, sents []parallax.Sentence) []parallax.Date {
	out := ds[:0]
	for _, d := range ds {
		if inside(d.Span, sents) {
			out = append(out, d)
		}
	}
	return out
}

// inside reports whether s lies within one of the sorted sentences.
func inside(s parallax.Span, sents []parallax.Sentence) bool {
	lo, hi := 0, len(sents)
	for lo < hi {
		m := (lo + hi) / 2
		if sents[m].Span.End <= s.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(sents) && sents[lo].Span.Contains(s)
}

// Story runs the stages that need every article of a story at once. Today
// that is date resolution when some publication dates are unknown: a weekday
// in one report and a calendar date in another can fix the year for all of
// them. Dates are re-resolved in place and claims rebuilt so their date
// indexes stay valid. Documents with known publication dates are unchanged.
func Story(docs []*parallax.Document) {
	unknown := false
	for _, d := range docs {
		if d.Article.Published.IsZero() {
			unknown = true
			break
		}
	}
	if !unknown {
		return
	}
	texts := make([]string, len(docs))
	published := make([]time.Time, len(docs))
	for i, d := range docs {
		texts[i] = d.Text
		published[i] = d.Article.Published
	}
	for i, ds := range dates.FindStory(texts, published) {
		d := docs[i]
		if !d.Article.Published.IsZero() {
			continue
		}
		d.Dates = datesIn(ds, d.Sentences)
		d.Claims = claim.Extract(d)
	}
}
