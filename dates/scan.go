package dates

import (
	"github.com/parallax-news/parallax/normalize"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the lexical class of a token.
type kind uint8

const (
	word   kind = iota + 1 // a run of letters
	number                 // digits, possibly joined by . , : / - ("3/19/2025", "1,300")
	punct                  // any other single rune
)

// token is one lexical unit with byte offsets into the text.
type token struct {
	start, end int
	// lower is the lower-cased word, the raw number (ordinal suffix
	// stripped) or the punctuation rune.
	lower string
	// val is the value of a number made only of 1-4 digits, else -1.
	val  int
	ndig int // digits in such a number
	sent int // sentence index
	para int // paragraph (line) index
	// The small fields last, packed together: an article has a token per
	// five bytes.
	kind  kind
	upper bool   // a word that starts with an upper-case letter
	nl    bool   // a line break separates it from the previous token
	ord   bool   // a number written with an ordinal suffix: "19th"
	cls   uint16 // a word's classes in the word tables (see wordClass)
}

// tokenize splits text into words, numbers and punctuation. Apostrophes
// split words ("Tuesday's" is "Tuesday" "'" "s") so that possessives of
// weekdays and months are still found.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/4)
	// ASCII words take their lower case from one lower-cased copy of the
	// text instead of a string each.
	lower := normalize.ASCIILower(text)
	nl := false
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			if r == '\n' || r == '\r' {
				nl = true
			}
			i += w
			continue
		case unicode.IsLetter(r):
			j := i + w
			ascii := r < utf8.RuneSelf
			for j < len(text) {
				if c := text[j]; c < utf8.RuneSelf {
					if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
						j++
						continue
					}
					break
				}
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsMark(r2) {
					break
				}
				ascii = false
				j += w2
			}
			lw := lower[i:j]
			if !ascii {
				lw = strings.ToLower(text[i:j])
			}
			toks = append(toks, token{start: i, end: j, kind: word, lower: lw,
				upper: unicode.IsUpper(r), nl: nl, val: -1, cls: wordClass[lw]})
			i = j
		case r >= '0' && r <= '9':
			j := i + 1
			for j < len(text) {
				c := text[j]
				if isDigit(c) {
					j++
					continue
				}
				if (c == '.' || c == ',' || c == ':' || c == '/' || c == '-') && j+1 < len(text) && isDigit(text[j+1]) {
					j += 2
					continue
				}
				break
			}
			t := token{start: i, end: j, kind: number, lower: text[i:j], nl: nl, val: -1}
			if j-i <= 4 && allDigits(text[i:j]) {
				t.ndig = j - i
				t.val = atoi(text[i:j])
				if j+2 <= len(text) && isOrdinal(text[j:j+2]) && (j+2 == len(text) || !startsLetter(text[j+2:])) {
					t.ord = true
					j += 2
					t.end = j
				}
			}
			toks = append(toks, t)
			i = j
		default:
			toks = append(toks, token{start: i, end: i + w, kind: punct, lower: text[i : i+w], nl: nl, val: -1})
			i += w
		}
		nl = false
	}
	markSentences(toks)
	return toks
}

// markSentences numbers sentences and paragraphs: a new sentence starts
// after ".", "!" or "?" (unless the dot closes an abbreviation such as
// "U.S." or "Mar.") and at every line break, which also starts a new
// paragraph.
func markSentences(toks []token) {
	s, p := 0, 0
	for i := range toks {
		if i > 0 && (toks[i].nl || endsSentence(toks, i-1)) {
			s++
		}
		if i > 0 && toks[i].nl {
			p++
		}
		toks[i].sent, toks[i].para = s, p
	}
}

// endsSentence reports whether token i closes a sentence.
func endsSentence(toks []token, i int) bool {
	t := toks[i]
	if t.kind != punct {
		return false
	}
	switch t.lower {
	case "!", "?":
		return true
	case ".":
		if i > 0 && toks[i-1].kind == word && toks[i-1].end == t.start {
			p := toks[i-1].lower
			if len(p) == 1 || abbrevs[p] {
				return false
			}
		}
		return true
	}
	return false
}

// abbrevs are words commonly followed by a dot inside a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "st": true, "lt": true, "col": true, "sgt": true, "capt": true, "prof": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true, "fri": true,
	"sat": true, "sun": true, "jr": true, "sr": true, "inc": true, "co": true, "corp": true,
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// atoi converts a short run of ASCII digits; callers bound the length.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func isOrdinal(s string) bool {
	switch strings.ToLower(s) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}
