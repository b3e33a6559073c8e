// Package claim owns checkable statements: it turns the sentences of a
// Document's content paragraphs into claims (a sentence, or a clause of it)
// and records what each claim mentions — entities, quantities, dates — and
// which source it is credited to. Headings, boilerplate and fragments are
// not claims. The package is pure: no I/O, no state.
package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// minWords is the shortest sentence that still states something checkable;
// shorter ones are datelines, captions or stray fragments.
const minWords = 4

// headingWords is the longest line without terminal punctuation that is
// taken for a heading rather than a sentence.
const headingWords = 14

// Extract returns the claims of doc in text order. It reads Sentences,
// Paragraphs, Boilerplate, Headline, Entities, Quantities, Dates, Quotes
// and Attributions; any of them may be empty.
func Extract(doc *parallax.Document) []parallax.Claim {
	if doc == nil {
		return nil
	}
	var out []parallax.Claim
	for si, s := range doc.Sentences {
		span, ok := sentenceSpan(doc, si, s)
		if !ok {
			continue
		}
		for _, cs := range clauses(doc.Text, span) {
			c := parallax.Claim{Sentence: si, Span: cs, AttributedTo: -1}
			c.Entities = entitiesIn(doc, cs)
			c.Quantities = quantitiesIn(doc, cs)
			c.Dates = datesIn(doc, cs)
			c.AttributedTo = source(doc, span, cs)
			out = append(out, c)
		}
	}
	return out
}

// sentenceSpan returns the checkable part of sentence s (bullet marks and
// datelines trimmed), or false when the sentence is not a claim at all.
func sentenceSpan(doc *parallax.Document, si int, s parallax.Sentence) (parallax.Span, bool) {
	sp := s.Span
	if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start >= sp.End {
		return sp, false
	}
	if len(doc.Paragraphs) > 0 && !inParagraph(doc, s) {
		return sp, false
	}
	if doc.Headline.Len() > 0 && doc.Headline.Overlaps(sp) {
		return sp, false
	}
	for _, b := range doc.Boilerplate {
		if overlap(b, sp)*2 > sp.Len() {
			return sp, false
		}
	}
	sp = trimSpan(doc.Text, sp)
	sp.Start += leadLen(doc.Text[sp.Start:sp.End])
	if sp.Start >= sp.End {
		return sp, false
	}
	text := doc.Text[sp.Start:sp.End]
	n := countWords(text)
	if n < minWords {
		return sp, false
	}
	if !terminated(text) && n <= headingWords {
		return sp, false
	}
	return sp, true
}

// inParagraph reports whether the sentence lies in a content paragraph.
func inParagraph(doc *parallax.Document, s parallax.Sentence) bool {
	if s.Paragraph >= 0 && s.Paragraph < len(doc.Paragraphs) && doc.Paragraphs[s.Paragraph].Overlaps(s.Span) {
		return true
	}
	for _, p := range doc.Paragraphs {
		if p.Contains(s.Span) {
			return true
		}
	}
	return false
}

// terminated reports whether text ends like a sentence, possibly inside a
// closing quote or bracket.
func terminated(text string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’)]»", r)
	})
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(".!?…:", r)
}

// leadLen is the length of a list bullet or a dateline ("KESSLING — ",
// "WASHINGTON (Reuters) - ") at the start of text; they carry no claim and
// would make the same sentence look different across outlets.
func leadLen(text string) int {
	n := 0
	for _, b := range []string{"- ", "• ", "* ", "– ", "— "} {
		if strings.HasPrefix(text, b) {
			n = len(b)
			break
		}
	}
	rest := text[n:]
	// A dateline is a short run of words before a dash, with its first
	// word in capitals or the whole run shorter than five words.
	// Only a dash in the first 60 bytes counts, so only they are searched:
	// sentences are much longer.
	for _, dash := range []string{" — ", " – ", " - ", " -- "} {
		i := strings.Index(rest[:min(len(rest), 60+len(dash))], dash)
		if i <= 0 || i > 60 {
			continue
		}
		head := rest[:i]
		if strings.ContainsAny(head, ".!?\"") && !strings.Contains(head, "(") {
			continue
		}
		first := strings.FieldsFunc(head, func(r rune) bool { return !unicode.IsLetter(r) })
		if len(first) == 0 || countWords(head) > 5 {
			continue
		}
		if isUpperWord(first[0]) || strings.Contains(head, "(") || datelike(head) {
			return n + i + len(dash)
		}
	}
	return n
}

// datelike reports whether a short lead-in ends in a day number, as in
// "Kessling, March 4".
func datelike(head string) bool {
	head = strings.TrimSpace(head)
	r, _ := utf8.DecodeLastRuneInString(head)
	return strings.Contains(head, ",") && unicode.IsDigit(r)
}

func isUpperWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// trimSpan shrinks sp past surrounding white space.
func trimSpan(text string, sp parallax.Span) parallax.Span {
	for sp.Start < sp.End {
		r, n := utf8.DecodeRuneInString(text[sp.Start:sp.End])
		if !unicode.IsSpace(r) {
			break
		}
		sp.Start += n
	}
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
		if !unicode.IsSpace(r) {
			break
		}
		sp.End -= n
	}
	return sp
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		var w bool
		if r < utf8.RuneSelf {
			w = 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
		} else {
			w = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func overlap(a, b parallax.Span) int {
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	if hi < lo {
		return 0
	}
	return hi - lo
}

func entitiesIn(doc *parallax.Document, sp parallax.Span) []int {
	var out []int
	for i, e := range doc.Entities {
		for _, m := range e.Mentions {
			if sp.Contains(m) && m.Len() > 0 {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

func quantitiesIn(doc *parallax.Document, sp parallax.Span) []int {
	var out []int
	for i, q := range doc.Quantities {
		if q.Span.Len() > 0 && sp.Contains(q.Span) {
			out = append(out, i)
		}
	}
	return out
}

func datesIn(doc *parallax.Document, sp parallax.Span) []int {
	var out []int
	for i, d := range doc.Dates {
		if d.Span.Len() > 0 && sp.Contains(d.Span) {
			out = append(out, i)
		}
	}
	return out
}

// source returns the entity the claim cs (inside sentence sent) is
// credited to, or -1 for the outlet's own voice. A cue inside the claim
// wins over attributed content covering it, which wins over a cue elsewhere
// in the same sentence; quotes with a known speaker count like
// attributions when no attribution applies.
func source(doc *parallax.Document, sent, cs parallax.Span) int {
	best, bestScore := -1, 0.0
	consider := func(src int, cue, content parallax.Span) {
		if src < 0 || src >= len(doc.Entities) {
			return
		}
		score := 0.0
		switch {
		case cue.Len() > 0 && cs.Contains(cue):
			score = 3
		case content.Len() > 0 && overlap(content, cs)*2 >= cs.Len():
			score = 2 + float64(overlap(content, cs))/float64(cs.Len())
		case cue.Len() > 0 && sent.Contains(cue):
			score = 1
		}
		if score > bestScore {
			best, bestScore = src, score
		}
	}
	for _, a := range doc.Attributions {
		if commitment(doc.Text, a.Cue) {
			continue
		}
		consider(a.Source, a.Cue, a.Content)
	}
	if best >= 0 {
		return best
	}
	for _, q := range doc.Quotes {
		consider(q.Speaker, q.Cue, q.Span)
	}
	return best
}

// commitmentCues are attribution cues of what a source agrees to, wants,
// intends or promises. PolNeAR annotates them as attributions, rightly,
// but they do not make a source the authority for the facts of their
// sentence: in "Trump and Putin agreed to a pause during their 90-minute
// call" the call's length is the outlet's statement, not Putin's. Claims
// are credited to speech, "according to" and belief or evidence cues only.
var commitmentCues = map[string]bool{}

func init() {
	for _, forms := range []string{
		"agree agrees agreed agreeing", "want wants wanted", "plan plans planned",
		"intend intends intended", "seek seeks sought", "vow vows vowed", "pledge pledges pledged",
		"promise promises promised", "prefer prefers preferred", "decide decides decided",
		"refuse refuses refused", "decline declines declined", "offer offers offered",
		"propose proposes proposed", "demand demands demanded", "threaten threatens threatened",
		"aim aims aimed",
	} {
		for _, f := range strings.Fields(forms) {
			commitmentCues[f] = true
		}
	}
}

// commitment reports whether the cue at span is a commitment verb (its
// first word, lower-cased).
func commitment(text string, cue parallax.Span) bool {
	if cue.Len() <= 0 || cue.Start < 0 || cue.End > len(text) {
		return false
	}
	w := text[cue.Start:cue.End]
	if i := strings.IndexByte(w, ' '); i >= 0 {
		w = w[:i]
	}
	return commitmentCues[strings.ToLower(w)]
}
