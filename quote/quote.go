// Package quote finds who said what in one article: direct quotes (text
// between quote marks), indirect quotes (reported speech after "said",
// "told reporters that", "adding that", ", the Kremlin reported") and
// attributions ("according to X", "X's readout said", "in what X described
// as"), each tied to the entity that speaks.
//
// The stage is rule-based and auditable: every quote carries the span of
// the cue word that fired it and of the phrase that names the speaker.
// Speakers are found next to the quote first ("...," Witkoff said /
// Witkoff said: "..."), then anywhere in the quote's sentence (partial
// quotes: Witkoff commended Putin "for all he did"), then by continuation
// (a second quote right after an attributed one, the next paragraph of a
// multi-paragraph quote). Pronouns resolve to the nearest preceding person
// entity of a fitting gender (entity.Genders); role nouns ("the
// congressman") to the titled person named last; nominals ("officials",
// "a spokesperson") keep the speaker unknown but record where they are
// named.
//
// Attribution is wider than speech. Verbs of belief, evidence, intention
// and stance ("Democrats fear that ...", "polls show ...", "Rubio wants
// to ...", "Christie endorsed Trump", "called for a special prosecutor")
// and speech verbs used with a plain object ("announced his candidacy")
// credit content to a source as an Attribution without making a Quote;
// such an attribution is dropped when its cue lies inside content already
// credited to another source ("Trump said Clinton wants ..." is Trump's
// claim), and no direct quote attaches to its cue. Hedges ("seemed to",
// "is expected to", "reportedly"), questions put to somebody ("Asked
// whether ...") and stance nouns with their owner ("his claim that ...",
// "in Bolton's view") are weak attributions too (hedges.go).
package quote

import (
	"github.com/parallax-news/parallax/normalize"
	"slices"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/entity"
)

// Find returns the quotes and attributions of doc, sorted by position. It
// reads doc.Text, Paragraphs, Sentences and Entities and changes nothing.
//
// Conventions:
//   - A direct quote's span excludes the marks and one trailing comma or
//     period ("manipulative." and "manipulative," both give manipulative).
//   - Pronouns: "he"/"she" resolve to the first person named in the
//     nearest sentence naming one before the pronoun (its subject), "it" and
//     "its readout" to an organization or government; names inside quotes
//     are skipped. Nominals ("officials", "a spokesperson for the EU")
//     give Speaker -1 unless a person's Title matches uniquely ("the
//     Russian president").
//   - "an NBC News translation of the Kremlin's readout" credits the
//     Kremlin (the author of the translated text); "the readout" alone
//     names no entity.
//   - A trailing attribution ("..., the Kremlin reported") reports the
//     whole clause before it, including any indirect or partial quote.
//   - A split quote ("...," he added, "...") gives two quotes with the
//     same speaker and cue; so does a multi-sentence quote interrupted by
//     its attribution, and each paragraph of a multi-paragraph quote.
//   - A quote continuing an attributed one shares its SpeakerSpan and Cue,
//     which then lie outside the quote's own sentence.
//   - "according to X" gives an attribution, not an indirect quote; it is
//     the cue of a direct quote right next to it or in its sentence.
//   - A direct quote whose speaker comes from another cue ("Putin indicated
//     that "...," according to the Kremlin") gets a second attribution to
//     the "according to" source.
//   - Scare quotes and other unattributed quotes are direct quotes with
//     Speaker -1, zero SpeakerSpan and Cue, and no attribution.
//   - Two apostrophes used as a double mark (”Yes,” he said) are quote
//     marks.
//   - A colon introducing a quote, with no speech verb right before it,
//     is the cue; the clause's subject speaks ("Biden retorted at once:
//     "..."", also across a paragraph break).
//   - An attribution interjected in its clause ("By dropping the line,
//     Ms. Tchen said, the White House can ...") reports both halves: two
//     indirect quotes with the same speaker and cue.
//   - Subjects may carry a parenthesis ("Sanders (I-Vt.) said"), a dash
//     aside, a post-modifier ("A source close to him said"), a quantity
//     ("Twenty-four percent said") or be a relative pronoun ("who
//     endorsed Trump", SpeakerSpan "who", Speaker its antecedent).
//   - "he"/"she" resolve to the last speaker of the three sentences before
//     when the nearest person named does not open its sentence ("He said
//     Obama ..." has Obama as an object); "he" never resolves to a woman
//     nor "she" to a man, and a name fronted in a prepositional phrase
//     ("Of Obama, he said") is not the pronoun's antecedent.
//   - "the statement continued" speaks for the author of the statement a
//     cue named just before ("said in a statement"); a definite office
//     noun with no titled match ("the Texas governor continues") is the
//     untitled person quoted just before.
func Find(doc *parallax.Document) ([]parallax.Quote, []parallax.Attribution) {
	if doc == nil || doc.Text == "" {
		return nil, nil
	}
	a := newAnalysis(doc)
	a.findRegions()
	a.tokenize()
	a.findCues()
	a.attachRegions()
	a.reported()
	a.hedges()
	return a.finish()
}

type sentence struct {
	span parallax.Span
	para int
}

type mention struct {
	span parallax.Span
	ent  int
}

// attachment is a resolved speaker with the cue that names it.
type attachment struct {
	ent int           // entity index or -1
	spk parallax.Span // where the speaker is named
	cue int           // index into analysis.cues, -1 when unattributed
}

type analysis struct {
	text  string
	paras []parallax.Span
	sents []sentence
	ents  []parallax.Entity
	ments []mention
	regs  []region
	toks  []token
	cues  []cue

	lowerText string   // text with ASCII letters lower-cased, same offsets
	lex       []uint64 // wordSet bits of each token's lower-cased word

	lastMentionEnd int
	leadAt, tailAt map[int]int // cue lead/tail offsets → cue index
	thatAt         map[int]int // token of a cue's "that" → cue index

	quotes []parallax.Quote
	attrs  []parallax.Attribution
	// weak are attributions of attribution-only cues; they are kept
	// unless their cue lies inside content credited to another source.
	weak []parallax.Attribution

	titles  []string // see title
	genders []string // entity.Genders of ents, by index
}

func newAnalysis(doc *parallax.Document) *analysis {
	a := &analysis{text: doubledMarks(doc.Text), ents: doc.Entities,
		genders: entity.Genders(doc)}
	n := len(doc.Text)
	a.paras = cleanSpans(doc.Paragraphs, n)
	if len(a.paras) == 0 {
		a.paras = splitParagraphs(doc.Text)
	}
	given := make([]parallax.Span, len(doc.Sentences))
	for i, s := range doc.Sentences {
		given[i] = s.Span
	}
	a.sents = coverSentences(doc.Text, a.paras, cleanSpans(given, n))
	a.lowerText = normalize.ASCIILower(a.text)
	for ei, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End <= n && m.Start < m.End {
				a.ments = append(a.ments, mention{span: m, ent: ei})
			}
		}
	}
	slices.SortFunc(a.ments, func(x, y mention) int {
		if x.span.Start != y.span.Start {
			return x.span.Start - y.span.Start
		}
		return y.span.End - x.span.End
	})
	return a
}

// finish turns regions and reported clauses into sorted results.
func (a *analysis) finish() ([]parallax.Quote, []parallax.Attribution) {
	for i := range a.regs {
		r := &a.regs[i]
		q := parallax.Quote{Span: r.content, Kind: parallax.Direct, Speaker: r.att.ent, SpeakerSpan: r.att.spk}
		if r.att.cue >= 0 {
			c := &a.cues[r.att.cue]
			q.Cue = a.cueSpan(c)
			a.attrs = append(a.attrs, parallax.Attribution{Source: r.att.ent, SourceSpan: r.att.spk, Cue: q.Cue, Content: r.content})
		}
		if r.according != nil {
			c := r.according
			a.attrs = append(a.attrs, parallax.Attribution{Source: c.ent, SourceSpan: a.phraseSpan(c.spk), Cue: a.cueSpan(c), Content: r.content})
		}
		a.quotes = append(a.quotes, q)
	}
	a.attrs = append(a.attrs, keepOuter(a.weak, a.attrs)...)
	slices.SortFunc(a.quotes, func(x, y parallax.Quote) int {
		if x.Span.Start != y.Span.Start {
			return x.Span.Start - y.Span.Start
		}
		if x.Span.End != y.Span.End {
			return x.Span.End - y.Span.End
		}
		return cmpKind(x.Kind, y.Kind)
	})
	a.quotes = slices.CompactFunc(a.quotes, func(x, y parallax.Quote) bool {
		return x.Span == y.Span && x.Kind == y.Kind
	})
	slices.SortFunc(a.attrs, func(x, y parallax.Attribution) int {
		if x.Content.Start != y.Content.Start {
			return x.Content.Start - y.Content.Start
		}
		if x.Content.End != y.Content.End {
			return x.Content.End - y.Content.End
		}
		return x.Cue.Start - y.Cue.Start
	})
	a.attrs = slices.Compact(a.attrs)
	return a.quotes, a.attrs
}

// keepOuter returns the weak attributions whose cue lies outside the
// content of every other attribution: in "Trump said Clinton wants higher
// taxes" Trump is the source, and what Clinton wants is his claim.
func keepOuter(weak, strong []parallax.Attribution) []parallax.Attribution {
	var out []parallax.Attribution
	for i, w := range weak {
		inside := slices.ContainsFunc(strong, func(s parallax.Attribution) bool { return s.Content.Contains(w.Cue) })
		for j := range weak {
			if j != i && weak[j].Content.Contains(w.Cue) && !w.Content.Contains(weak[j].Cue) {
				inside = true
			}
		}
		if !inside {
			out = append(out, w)
		}
	}
	return out
}

func cmpKind(x, y parallax.QuoteKind) int {
	switch {
	case x == y:
		return 0
	case x == parallax.Direct:
		return -1
	default:
		return 1
	}
}
