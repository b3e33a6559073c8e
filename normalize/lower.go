package normalize

import (
	"strings"
	"unicode/utf8"
)

// ASCIILower lower-cases the ASCII letters of s and leaves every other
// byte alone, so byte offsets into s are offsets into the result. It
// copies only when s has an upper-case ASCII letter. Stages lower-case an
// article once with it and slice words out of the copy.
func ASCIILower(s string) string {
	k := 0
	for k < len(s) && (s[k] < 'A' || s[k] > 'Z') {
		k++
	}
	if k == len(s) {
		return s
	}
	var b strings.Builder // String does not copy
	b.Grow(len(s))
	from := 0 // s[from:k] is still to write
	for ; k < len(s); k++ {
		if c := s[k]; c >= 'A' && c <= 'Z' {
			b.WriteString(s[from:k])
			b.WriteByte(c + 'a' - 'A')
			from = k + 1
		}
	}
	b.WriteString(s[from:])
	return b.String()
}

// LowerWord is strings.ToLower(s[i:j]), sliced from lower (ASCIILower(s))
// without allocating when the word is ASCII.
func LowerWord(s, lower string, i, j int) string {
	for k := i; k < j; k++ {
		if s[k] >= utf8.RuneSelf {
			return strings.ToLower(s[i:j])
		}
	}
	return lower[i:j]
}
