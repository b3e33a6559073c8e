package entity

import (
	"github.com/parallax-news/parallax/normalize"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a sentence with byte offsets into the article text.
type token struct {
	s, e    int    // the word, without a possessive suffix
	pe      int    // end including the possessive "'s" or "'", else e
	text    string // text[s:e]
	lower   string
	cap     bool // starts with an upper-case letter
	upper   bool // two or more letters, all upper case ("NATO", "U.S.")
	poss    bool // followed by a possessive suffix
	contr   bool // a contraction ("I'm", "don't")
	hyph    bool // joined to the next token by a hyphen, no spaces
	initial bool // first word of the sentence, a quote or a bracket
}

// abbrevs take their period into the token: "Dr.", "Sen.", "St.".
var abbrevs = set(`mr mrs ms dr st sen rep gov gen lt col capt sgt adm prof rev jr sr maj mt ft pres supt cmdr no`)

// contractions are what may follow an apostrophe inside a contraction.
var contractions = set(`m re ve ll d t`)

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// isWordRune reports letters, digits and combining marks. ASCII, nearly
// every rune of news text, is answered by a table small enough to inline.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isUpperWord(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

func titleCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

// runeAt decodes the rune at i, or returns 0 past the end.
func runeAt(text string, i, end int) (rune, int) {
	if i < end && text[i] < utf8.RuneSelf {
		return rune(text[i]), 1
	}
	return decodeAt(text, i, end)
}

func decodeAt(text string, i, end int) (rune, int) {
	if i >= end {
		return 0, 0
	}
	return utf8.DecodeRuneInString(text[i:end])
}

// tokenize splits text[start:end] into words, appended to toks (a shared
// backing array for the whole article, so that sentences do not each grow
// their own). It returns toks extended and the sentence's words, capped so
// that appending to them can never overwrite the next sentence. Punctuation
// is not kept: the scanner reads gaps between tokens straight from the text.
//
// lower is text with its ASCII letters lower-cased (asciiLower): ASCII
// words take their lower case from it instead of a string each.
func tokenize(toks []token, text, lower string, start, end int) (all, sent []token) {
	base := len(toks)
	i := start
	for i < end {
		r, n := runeAt(text, i, end)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		t := scanWord(text, i, end)
		t.text = text[t.s:t.e]
		t.lower = normalize.LowerWord(text, lower, t.s, t.e)
		first, _ := utf8.DecodeRuneInString(t.text)
		t.cap = unicode.IsUpper(first)
		t.upper = isUpperWord(t.text)
		if len(toks) == base {
			t.initial = true
		} else {
			gap := strings.TrimRight(text[toks[len(toks)-1].pe:t.s], " ")
			if gap != text[toks[len(toks)-1].pe:t.s] {
				gap = "" // a space before the word: an opener must touch it
			}
			if strings.HasSuffix(gap, "\"") || strings.HasSuffix(gap, "\u201c") ||
				strings.HasSuffix(gap, "\u2018") || strings.HasSuffix(gap, "(") ||
				strings.HasSuffix(gap, "[") || strings.HasSuffix(gap, "'") {
				t.initial = true
			}
		}
		toks = append(toks, t)
		i = t.pe
		if t.hyph {
			i++
		}
	}
	return toks, toks[base:len(toks):len(toks)]
}

// scanWord reads one word starting at i.
func scanWord(text string, i, end int) token {
	t := token{s: i}
	j := i
	letters := 0 // word runes since the last period
loop:
	for j < end {
		r, n := runeAt(text, j, end)
		switch {
		case isWordRune(r):
			j += n
			letters++
		case r == '.':
			if letters == 1 {
				// "U.S.", "U.K.": single letters joined by periods.
				r2, n2 := runeAt(text, j+1, end)
				r3, _ := runeAt(text, j+1+n2, end)
				if unicode.IsUpper(r2) && !isWordRune(r3) {
					j += 1 + n2
					letters = 1
					continue
				}
				word := text[t.s:j]
				r1, _ := utf8.DecodeRuneInString(word)
				if strings.Contains(word, ".") || unicode.IsUpper(r1) {
					j++ // final period of "U.S." or a middle initial "W."
				}
				break loop
			}
			if abbrevs[strings.ToLower(text[t.s:j])] {
				j++
			}
			break loop
		case isApostrophe(r):
			k := j + n
			m := k
			for m < end {
				r2, n2 := runeAt(text, m, end)
				if !unicode.IsLetter(r2) {
					break
				}
				m += n2
			}
			suffix := strings.ToLower(text[k:m])
			switch {
			case suffix == "s":
				t.e, t.pe, t.poss = j, m, true
				return t
			case suffix == "":
				// Plural possessive: "the United Nations' agency".
				if j > t.s && (text[j-1] == 's' || text[j-1] == 'S') {
					t.e, t.pe, t.poss = j, k, true
					return t
				}
				break loop
			case contractions[suffix]:
				t.contr = true
				j = m
			default:
				j = m // O'Brien, D'Alema: the apostrophe is part of the name
			}
		default:
			break loop
		}
	}
	t.e, t.pe = j, j
	if j < end && text[j] == '-' {
		if r2, _ := runeAt(text, j+1, end); unicode.IsLetter(r2) || unicode.IsDigit(r2) {
			t.hyph = true
		}
	}
	return t
}
