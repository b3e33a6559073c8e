// Package basil scores Parallax's quote speakers against BASIL (Fan et
// al., EMNLP 2019, "In Plain Sight: Media Bias Through the Lens of Factual
// Reporting"): news articles with phrase-level annotations, where a
// phrase inside a quotation carries the label of who speaks it
// ("Michael_Steele", "other_anti").
//
// The package owns reading the corpus (ReadArticle, ReadAnnotations), the
// speaker comparison (Named, SameSpeaker) and the metric (Score). It never
// writes anything.
//
// Metric. An article body is rebuilt from its paragraphs: the sentences
// of a paragraph joined by one space, paragraphs by a blank line. Each
// annotation with quote "yes" and a named speaker is located in the body
// (its start and end count code points within the sentence whose text it
// matches) and is one case. The article is analyzed with analyze.Article;
// the case's predicted quote is the direct quote sharing the most letters
// and digits with the span (mapped back through Document.Offsets), or,
// when no direct quote overlaps it, such an indirect quote. The case is
// correct when that quote's speaker entity has the gold speaker's name
// (SameSpeaker). accuracy = correct / cases; a case with no overlapping
// quote, or whose quote has no speaker entity, is wrong.
package basil

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"golang.org/x/text/unicode/norm"
)

// Article is one BASIL article as stored in articles/<year>/<id>.json.
type Article struct {
	UUID       string     `json:"uuid"`
	Title      string     `json:"title"`
	Date       string     `json:"date"`
	Source     string     `json:"source"`
	URL        string     `json:"url"`
	Paragraphs [][]string `json:"body-paragraphs"`
}

// Phrase is one phrase-level annotation.
type Phrase struct {
	Text    string `json:"txt"`
	Start   int    `json:"start"` // code points into one sentence
	End     int    `json:"end"`
	Quote   string `json:"quote"` // "yes" inside a quotation
	Speaker string `json:"speaker"`
	Bias    string `json:"bias"` // "inf" (informational) or "lex" (lexical)
}

// Annotations is one article's annotation file.
type Annotations struct {
	UUID    string   `json:"uuid"`
	Phrases []Phrase `json:"phrase-level-annotations"`
}

// Body rebuilds the article text and returns the byte offset of every
// sentence in it, paragraph by paragraph.
func (a *Article) Body() (string, [][]int) {
	var b strings.Builder
	offs := make([][]int, len(a.Paragraphs))
	for pi, p := range a.Paragraphs {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		for si, s := range p {
			if si > 0 {
				b.WriteByte(' ')
			}
			offs[pi] = append(offs[pi], b.Len())
			b.WriteString(s)
		}
	}
	return b.String(), offs
}

// Locate returns the byte span of ph in the body built by Body: in the
// first sentence whose code points [Start, End) spell ph.Text, else at the
// first sentence holding ph.Text anywhere. ok is false when neither exists.
func (a *Article) Locate(ph Phrase, offs [][]int) (parallax.Span, bool) {
	if ph.Text == "" {
		return parallax.Span{}, false
	}
	for pi, p := range a.Paragraphs {
		for si, s := range p {
			if b, e, ok := runeRange(s, ph.Start, ph.End); ok && s[b:e] == ph.Text {
				return parallax.Span{Start: offs[pi][si] + b, End: offs[pi][si] + e}, true
			}
		}
	}
	for pi, p := range a.Paragraphs {
		for si, s := range p {
			if i := strings.Index(s, ph.Text); i >= 0 {
				return parallax.Span{Start: offs[pi][si] + i, End: offs[pi][si] + i + len(ph.Text)}, true
			}
		}
	}
	return parallax.Span{}, false
}

// runeRange turns code point offsets [from, to) of s into byte offsets.
func runeRange(s string, from, to int) (int, int, bool) {
	if from < 0 || to < from {
		return 0, 0, false
	}
	b, e, n := -1, -1, 0
	for i := range s {
		if n == from {
			b = i
		}
		if n == to {
			e = i
			break
		}
		n++
	}
	if n == from && b < 0 {
		b = len(s)
	}
	if n == to && e < 0 {
		e = len(s)
	}
	return b, e, b >= 0 && e >= 0
}

// ReadArticle reads one article file.
func ReadArticle(path string) (*Article, error) {
	var a Article
	if err := readJSON(path, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// ReadAnnotations reads one annotation file.
func ReadAnnotations(path string) (*Annotations, error) {
	var a Annotations
	if err := readJSON(path, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("basil: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("basil: %s: %w", path, err)
	}
	return nil
}

// Case is one scored quote span.
type Case struct {
	Article   string // article file name without extension
	Text      string // the annotated phrase
	Gold      string // gold speaker label
	Predicted string // canonical name of the predicted speaker, "" when none
	Phrase    string // where the predicted quote names its speaker, as written
	Found     bool   // some quote overlaps the span
	Correct   bool
}

// Score scores every article under dir/articles that has an annotation
// file under dir/annotations.
func Score(dir string) ([]parallax.Score, error) {
	cases, err := Evaluate(dir)
	if err != nil {
		return nil, err
	}
	correct := 0
	for _, c := range cases {
		if c.Correct {
			correct++
		}
	}
	s := parallax.Score{Suite: "basil", Metric: "speaker_accuracy", Correct: correct, Total: len(cases),
		Definition: "share of quote spans with a named speaker (not other_* or a group) whose overlapping Parallax quote has a speaker entity with the gold speaker's surname; a span with no overlapping quote or no speaker entity counts as wrong"}
	if len(cases) > 0 {
		s.Value = float64(correct) / float64(len(cases))
	}
	return []parallax.Score{s}, nil
}

// Evaluate returns every case of the corpus in dir, in file order.
func Evaluate(dir string) ([]Case, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "annotations", "*", "*_ann.json"))
	if err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("basil: no annotation files under %s", filepath.Join(dir, "annotations"))
	}
	slices.Sort(anns)
	var cases []Case
	for _, ap := range anns {
		rel, err := filepath.Rel(filepath.Join(dir, "annotations"), ap)
		if err != nil {
			return nil, err
		}
		artPath := filepath.Join(dir, "articles", strings.TrimSuffix(rel, "_ann.json")+".json")
		art, err := ReadArticle(artPath)
		if err != nil {
			return nil, err
		}
		ann, err := ReadAnnotations(ap)
		if err != nil {
			return nil, err
		}
		cs, err := articleCases(art, ann, strings.TrimSuffix(filepath.Base(artPath), ".json"), artPath)
		if err != nil {
			return nil, err
		}
		cases = append(cases, cs...)
	}
	return cases, nil
}

func articleCases(art *Article, ann *Annotations, name, path string) ([]Case, error) {
	var phrases []Phrase
	for _, ph := range ann.Phrases {
		if ph.Quote == "yes" && Named(ph.Speaker) {
			phrases = append(phrases, ph)
		}
	}
	if len(phrases) == 0 {
		return nil, nil
	}
	body, offs := art.Body()
	pa := &parallax.Article{ID: name, Source: art.Source, Title: art.Title, URL: art.URL, Path: path, Body: body}
	if t, err := time.Parse("2006-01-02", art.Date); err == nil {
		pa.Published = t
	}
	doc := analyze.Article(pa)
	var out []Case
	for _, ph := range phrases {
		gold, ok := art.Locate(ph, offs)
		if !ok {
			return nil, fmt.Errorf("basil: %s: phrase %q not in the article", path, ph.Text)
		}
		c := Case{Article: name, Text: ph.Text, Gold: ph.Speaker}
		if q := QuoteAt(doc, body, gold); q >= 0 {
			c.Found = true
			c.Phrase = doc.Slice(doc.Quotes[q].SpeakerSpan)
			if e := doc.Quotes[q].Speaker; e >= 0 && e < len(doc.Entities) {
				c.Predicted = doc.Entities[e].Name
			}
		}
		c.Correct = c.Predicted != "" && SameSpeaker(c.Gold, c.Predicted)
		out = append(out, c)
	}
	return out, nil
}

// QuoteAt returns the index of the quote of doc that best covers the span
// gold of the original body: the direct quote sharing the most letters and
// digits with it, else the indirect one; -1 when none overlaps.
func QuoteAt(doc *parallax.Document, body string, gold parallax.Span) int {
	best, bestDirect, bestShared := -1, false, 0
	for i, q := range doc.Quotes {
		s := parallax.Span{Start: doc.Offsets.Original(q.Span.Start), End: doc.Offsets.Original(q.Span.End)}
		n := sharedLetters(body, s, gold)
		if n == 0 {
			continue
		}
		direct := q.Kind == parallax.Direct
		if best < 0 || direct && !bestDirect || direct == bestDirect && n > bestShared {
			best, bestDirect, bestShared = i, direct, n
		}
	}
	return best
}

func sharedLetters(text string, a, b parallax.Span) int {
	s, e := max(a.Start, b.Start, 0), min(a.End, b.End, len(text))
	n := 0
	if s < e {
		for _, r := range text[s:e] {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
			}
		}
	}
	return n
}

// groupNouns end labels that describe a group rather than name a speaker
// ("Republican_Lawmakers", "House_Democrats").
var groupNouns = map[string]bool{
	"lawmakers": true, "officials": true, "democrats": true, "republicans": true,
	"catholics": true, "campaign": true, "protestors": true, "protesters": true,
	"plaintiffs": true, "companies": true, "supporters": true, "voters": true,
	"members": true, "leaders": true, "activists": true, "critics": true,
}

// Named reports whether a speaker label names one person or organization:
// not empty, not "other_*" or "unknown", and not a group description — a
// label with a lower-case word ("Nebraska_officials", "protestors",
// "Obama_campaign") or ending in a collective noun ("Republican_Lawmakers",
// "House_Democrats").
func Named(label string) bool {
	l := strings.ToLower(label)
	if l == "" || strings.HasPrefix(l, "other") || l == "unknown" || l == "none" {
		return false
	}
	words := strings.FieldsFunc(label, func(r rune) bool { return r == '_' || r == ' ' })
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && w != "and" && w != "of" && w != "the" {
			return false
		}
	}
	return len(words) > 0 && !groupNouns[strings.ToLower(words[len(words)-1])]
}

// suffixes are generational suffixes skipped when taking a surname.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// SameSpeaker reports whether a gold label ("Michael_Steele") and a
// predicted canonical name ("Michael Steele", "Steele") name the same
// speaker: their surnames — last words after underscores become spaces,
// diacritics are removed, case and punctuation are folded and a suffix
// ("Jr.") is dropped — are equal, or the gold surname is a prefix of at
// least four letters of the predicted one, because BASIL's labels were
// cut at the first non-ASCII letter ("Felipe_Calder" for Calderón).
// Given names are not compared, so "Bibi_Netanyahu" matches "Benjamin
// Netanyahu" (and "Donald_Trump_Jr." matches "Donald Trump": the surname
// rule cannot tell them apart).
func SameSpeaker(gold, predicted string) bool {
	g, p := surname(gold), surname(predicted)
	return g != "" && (g == p || len(g) >= 4 && strings.HasPrefix(p, g))
}

func surname(name string) string {
	words := foldWords(strings.ReplaceAll(name, "_", " "))
	for len(words) > 1 && suffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

// foldWords lower-cases, strips diacritics and splits on anything that is
// not a letter or digit; apostrophes inside words are dropped (O'Rourke →
// orourke).
func foldWords(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}
