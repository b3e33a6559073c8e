package entity

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
)

// splitSentences is a small stand-in for the segment stage so that tests do
// not depend on another package: it ends a sentence at a newline, or at
// ". ", "? ", "! " (optionally after a closing quote) followed by an
// upper-case letter or an opening quote, unless the word before the period
// is a known abbreviation or a single letter.
func splitSentences(text string) []parallax.Sentence {
	var out []parallax.Sentence
	para := 0
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\n') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\n') {
			e--
		}
		if s < e {
			out = append(out, parallax.Sentence{Span: parallax.Span{Start: s, End: e}, Paragraph: para})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i)
			start = i + 1
			if i+1 < len(text) && text[i+1] == '\n' {
				para++
			}
			continue
		}
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.ContainsRune("\"'”’)", rune(text[j])) {
			j++
		}
		if j >= len(text) || text[j] != ' ' {
			continue
		}
		k := j + 1
		if k >= len(text) {
			continue
		}
		next := rune(text[k])
		if !unicode.IsUpper(next) && next != '"' && text[k] != 0xE2 {
			continue
		}
		if c == '.' {
			w := i
			for w > 0 && text[w-1] != ' ' && text[w-1] != '\n' {
				w--
			}
			word := strings.ToLower(strings.Trim(text[w:i], "\"'("))
			if abbrevs[word] || len(word) == 1 || strings.Contains(word, ".") {
				continue
			}
		}
		emit(j)
		start = j
	}
	emit(len(text))
	return out
}

// checkInvariants asserts what every Recognize result must satisfy.
func checkInvariants(t interface {
	Helper()
	Errorf(string, ...any)
}, text string, ents []parallax.Entity) {
	t.Helper()
	prevFirst := -1
	for _, e := range ents {
		if len(e.Mentions) == 0 {
			t.Errorf("entity %q has no mentions", e.Name)
			continue
		}
		if e.Mentions[0].Start < prevFirst {
			t.Errorf("entity %q out of first-mention order", e.Name)
		}
		prevFirst = e.Mentions[0].Start
		for i, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Errorf("entity %q mention %v outside text", e.Name, m)
			}
			if i > 0 && (m.Start < e.Mentions[i-1].Start || m == e.Mentions[i-1]) {
				t.Errorf("entity %q mentions not sorted: %v", e.Name, e.Mentions)
			}
		}
		if e.Key == "" || e.Name == "" || e.Type == "" {
			t.Errorf("entity %+v lacks name, type or key", e)
		}
	}
}
