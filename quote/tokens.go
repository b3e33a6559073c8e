package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tPunct
	tMark // a quote mark of a region
)

// token is a word, a punctuation rune or a quote mark, with byte offsets.
type token struct {
	start, end int
	kind       tokKind
	punct      rune
	quoted     bool // inside a region's marks
	cap        bool // word starts with an upper-case letter
	sent       int  // sentence index
}

// honorifics keep their dot so that "Ms. Kallas" stays one phrase.
var honorifics = set("Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Prof", "St", "Adm", "Maj")

// tokenize splits the text into words and punctuation. A word keeps
// inner apostrophes, hyphens, dots and ampersands (Trump's, U.S.-Russia,
// two-and-a-half) so that possessives stay one token.
func (a *analysis) tokenize() {
	text := a.text
	a.toks = make([]token, 0, len(text)/5)
	ri, si := 0, 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		t := token{start: i, sent: -1}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			t.kind = tWord
			t.cap = unicode.IsUpper(r)
			j := i + w
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += w2
					continue
				}
				if (r2 == '\'' || r2 == '-' || r2 == '.' || r2 == '&') && j+w2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+w2:])
					if (unicode.IsLetter(r3) || unicode.IsDigit(r3)) && !a.isMark(j) {
						j += w2
						continue
					}
				}
				break
			}
			// Keep the final dot of an abbreviation (U.S., D.C.) or an
			// initial (John F. Kennedy) inside the word.
			if j < len(text) && text[j] == '.' && (strings.Contains(text[i:j], ".") || j-i == 1 && t.cap || honorifics.m[text[i:j]]) {
				j++
			}
			t.end = j
		} else {
			t.kind = tPunct
			t.punct = r
			t.end = i + w
			if a.isMark(i) {
				t.kind = tMark
			}
		}
		for ri < len(a.regs) && a.regs[ri].end <= t.start {
			ri++
		}
		if ri < len(a.regs) && t.start >= a.regs[ri].open {
			t.quoted = true
		}
		for si < len(a.sents) && a.sents[si].span.End <= t.start {
			si++
		}
		if si < len(a.sents) && t.start >= a.sents[si].span.Start {
			t.sent = si
		}
		a.toks = append(a.toks, t)
		i = t.end
	}
	a.lexicalize()
}

// isMark reports whether offset i is an opening or closing mark of a region.
func (a *analysis) isMark(i int) bool {
	if a.text[i] != '"' && a.text[i] != '\'' {
		return false
	}
	k := a.regionAt(i)
	return k >= 0 && (a.regs[k].open == i || a.regs[k].close == i)
}

// regionAt returns the region whose marks enclose offset i, or -1.
func (a *analysis) regionAt(i int) int {
	lo, hi := 0, len(a.regs)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case i < a.regs[m].open:
			hi = m
		case i >= a.regs[m].end:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// lower returns the ASCII-lower-cased word of token i: a slice of the
// text lower-cased once per article, since ASCII folding keeps offsets.
func (a *analysis) lower(i int) string {
	t := a.toks[i]
	return a.lowerText[t.start:t.end]
}

// lexicalize records, for every word token, the word sets its lower-cased
// form belongs to, so that asking whether a token is in a set is a bit
// test rather than a map look-up.
func (a *analysis) lexicalize() {
	a.lex = make([]uint64, len(a.toks))
	for i, t := range a.toks {
		if t.kind == tWord {
			a.lex[i] = lexicon[a.lower(i)]
		}
	}
}

// in reports whether token i is a word in the set.
func (a *analysis) in(i int, s wordSet) bool {
	if i < 0 || i >= len(a.toks) || a.toks[i].kind != tWord {
		return false
	}
	if s.bit != 0 {
		return a.lex[i]&s.bit != 0
	}
	return s.m[a.lower(i)]
}

// is reports whether token i is the word w (lower case).
func (a *analysis) is(i int, w string) bool {
	if i < 0 || i >= len(a.toks) || a.toks[i].kind != tWord {
		return false
	}
	return a.lower(i) == w
}

func (a *analysis) isPunct(i int, r rune) bool {
	return i >= 0 && i < len(a.toks) && a.toks[i].kind == tPunct && a.toks[i].punct == r
}

// possessive reports whether word token i ends in 's or s'.
func (a *analysis) possessive(i int) bool {
	t := a.toks[i]
	w := a.text[t.start:t.end]
	return len(w) > 2 && (w[len(w)-2:] == "'s" || w[len(w)-2:] == "'S")
}

// baseLower is lower(i) without a possessive 's.
func (a *analysis) baseLower(i int) string {
	b := a.lower(i)
	if len(b) > 2 && b[len(b)-2] == '\'' && b[len(b)-1] == 's' {
		b = b[:len(b)-2]
	}
	return b
}

// tokenAt returns the index of the first token starting at or after off.
func (a *analysis) tokenAt(off int) int {
	lo, hi := 0, len(a.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if a.toks[m].start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (a *analysis) span(from, to int) parallax.Span {
	return parallax.Span{Start: a.toks[from].start, End: a.toks[to].end}
}
