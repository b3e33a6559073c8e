package gold

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// canon folds text for comparison: lower case, every quote mark to ' or ",
// every dash to -, runs of white space to one space, trimmed.
func canon(s string) string {
	f, _ := fold(s)
	return f
}

// fold is canon that also returns, for every byte of the folded text, the
// byte offset in s it came from, so that a match can be mapped back to a
// span of the original.
func fold(s string) (string, []int) {
	var b strings.Builder
	at := make([]int, 0, len(s))
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			at = append(at, i)
			space = false
		}
		switch r {
		case '‘', '’', '‚', '‛', '′', '`':
			r = '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			r = '"'
		case '‐', '‑', '‒', '–', '—', '―', '−':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			at = append(at, i)
		}
	}
	return b.String(), at
}

// sref is one sentence of one article.
type sref struct {
	art  string
	sent int
}

// noSentence stands for a cited text that lies in no sentence; no claim
// ever maps to it.
const noSentence = -1

// sentSet is the sentences a cite resolves to: usually one, more when the
// segmenter split what the label calls one sentence.
type sentSet []sref

func (s sentSet) has(r sref) bool {
	for _, x := range s {
		if x == r {
			return true
		}
	}
	return false
}

// story is the analyzed articles of one story, indexed by article id.
type story struct {
	docs   map[string]*parallax.Document
	folded map[string]foldedText
}

type foldedText struct {
	text string
	at   []int
}

func newStory(docs []*parallax.Document) *story {
	s := &story{docs: map[string]*parallax.Document{}, folded: map[string]foldedText{}}
	for _, d := range docs {
		if d == nil || d.Article == nil {
			continue
		}
		s.docs[d.Article.ID] = d
	}
	return s
}

// locate finds the one place where key occurs in the article's text and
// returns its span. It fails when the key is missing or occurs twice.
func (s *story) locate(article, key string) (parallax.Span, error) {
	d := s.docs[article]
	if d == nil {
		return parallax.Span{}, fmt.Errorf("no article %q", article)
	}
	ft, ok := s.folded[article]
	if !ok {
		t, at := fold(d.Text)
		ft = foldedText{t, at}
		s.folded[article] = ft
	}
	k := canon(key)
	if k == "" {
		return parallax.Span{}, fmt.Errorf("%s: empty key", article)
	}
	i := strings.Index(ft.text, k)
	if i < 0 {
		return parallax.Span{}, fmt.Errorf("%s: %q not in the text", article, key)
	}
	if strings.Contains(ft.text[i+1:], k) {
		return parallax.Span{}, fmt.Errorf("%s: %q occurs more than once", article, key)
	}
	end := i + len(k) - 1
	last := ft.at[end]
	_, size := utf8.DecodeRuneInString(d.Text[last:])
	return parallax.Span{Start: ft.at[i], End: last + size}, nil
}

// resolve maps a cite to the sentences its key overlaps.
func (s *story) resolve(c Cite) (sentSet, error) {
	sp, err := s.locate(c.Article, c.Sentence)
	if err != nil {
		return nil, err
	}
	var out sentSet
	for i, st := range s.docs[c.Article].Sentences {
		if st.Span.Overlaps(sp) {
			out = append(out, sref{c.Article, i})
		}
	}
	if len(out) == 0 {
		// The text is there but the pipeline kept it out of every
		// sentence (taken for boilerplate): the cite stays unmatched
		// rather than failing the whole story.
		out = sentSet{{c.Article, noSentence}}
	}
	return out, nil
}

// at maps a span cited by the Brief to its sentence, or ok=false when the
// article or sentence is unknown.
func (s *story) at(article string, sp parallax.Span) (sref, bool) {
	d := s.docs[article]
	if d == nil {
		return sref{}, false
	}
	for _, off := range []int{sp.Start, (sp.Start + sp.End) / 2} {
		if i := d.SentenceAt(off); i >= 0 {
			return sref{article, i}, true
		}
	}
	return sref{}, false
}

// text is the text of the sentences, joined by a space.
func (s *story) text(set sentSet) string {
	var parts []string
	for _, r := range set {
		if d := s.docs[r.art]; r.sent >= 0 && r.sent < len(d.Sentences) {
			parts = append(parts, d.Slice(d.Sentences[r.sent].Span))
		}
	}
	return strings.Join(parts, " ")
}

// factSents is the sentences a predicted fact cites.
func (s *story) factSents(f *parallax.Fact) []sref {
	var out []sref
	for _, c := range f.Claims {
		if r, ok := s.at(c.Article, c.Span); ok {
			out = append(out, r)
		}
	}
	return out
}

// citesAny reports whether one of the sentences is in set.
func citesAny(sents []sref, set sentSet) bool {
	for _, r := range sents {
		if set.has(r) {
			return true
		}
	}
	return false
}

// sortedKeys returns the map's keys in order, for stable reports.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
