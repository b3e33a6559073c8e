package quantity

import (
	"github.com/parallax-news/parallax/normalize"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the lexical class of a token.
type kind uint8

const (
	word   kind = iota + 1 // letters, with inner apostrophes ("Trump’s")
	num                    // a well-formed number: "175", "1,300", "2.5"
	badNum                 // digits that are not a plain number: "19.03.2025", "1,30"
	punct                  // any other single rune
)

// token is one lexical unit with its byte span in the scanned text. Words
// are split at hyphens so that "30-day" and "two-and-a-half-hour" can be
// read piece by piece; glue (no space before) says how pieces join.
type token struct {
	start, end int
	text       string // lower-cased for words, as written otherwise
	val        float64
	digits     int // num: digits in the integer part
	// The small fields last, packed together: an article has a token per
	// five bytes.
	kind  kind
	space bool // whitespace or start of text before the token
	nl    bool // a line break before the token
	upper bool // word starting with an upper-case letter
	plain bool // num: integer written without grouping commas
	lead0 bool // num: integer part has a leading zero ("0100")
}

// lex splits s into tokens. It never fails: invalid UTF-8 becomes punct.
func lex(s string) []token {
	toks := make([]token, 0, len(s)/4+1)
	// ASCII words take their lower case from one lower-cased copy of s
	// instead of a string each.
	lower := normalize.ASCIILower(s)
	space, nl := true, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			if r == '\n' || r == '\r' || r == '\u2029' {
				nl = true
			}
			i += size
			continue
		case r >= '0' && r <= '9':
			j := i + 1
			for j < len(s) {
				c := s[j]
				if isDigit(c) || (c == ',' || c == '.') && j+1 < len(s) && isDigit(s[j+1]) {
					j++
					continue
				}
				break
			}
			toks = append(toks, numToken(s, i, j))
			i = j
		case isWordRune(r):
			j := i + size
			for j < len(s) {
				if c := s[j]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
					j++ // the common case, without decoding
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if r2 == '\'' || r2 == '’' {
					if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); j+n2 < len(s) && unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			toks = append(toks, token{
				start: i, end: j, kind: word,
				text:  normalize.LowerWord(s, lower, i, j),
				upper: unicode.IsUpper(r),
			})
			i = j
		default:
			toks = append(toks, token{start: i, end: i + size, kind: punct, text: s[i : i+size]})
			i += size
		}
		toks[len(toks)-1].space = space
		toks[len(toks)-1].nl = nl
		space, nl = false, false
	}
	return toks
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordRune accepts letters and the superscript digits used in "km²".
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' // ASCII letters, either case
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool { return unicode.IsLetter(r) || r == '²' || r == '³' }

// numToken validates a run of digits, commas and dots. Grouping commas must
// separate groups of exactly three digits, and at most one decimal point is
// allowed; anything else (dates, versions, IP addresses, European decimals)
// is a badNum so that no quantity is read from it.
func numToken(s string, i, j int) token {
	t := token{start: i, end: j, kind: badNum, text: s[i:j]}
	raw := s[i:j]
	intPart, frac, hasDot := strings.Cut(raw, ".")
	if hasDot && strings.ContainsAny(frac, ".,") {
		return t
	}
	groups := strings.Split(intPart, ",")
	if len(groups) > 1 {
		if len(groups[0]) > 3 || groups[0][0] == '0' {
			return t
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return t
			}
		}
	}
	clean := strings.ReplaceAll(raw, ",", "")
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return t // out of range
	}
	t.kind = num
	t.val = v
	t.plain = len(groups) == 1 && !hasDot
	t.digits = len(intPart) - (len(groups) - 1)
	t.lead0 = len(groups) == 1 && len(intPart) > 1 && intPart[0] == '0'
	return t
}
