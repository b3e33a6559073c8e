package input

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// Headline limits: longer first lines are the lede, not a headline.
const (
	maxHeadlineWords = 20
	maxHeadlineBytes = 160
)

// readText reads a plain-text article. When the first line looks like a
// headline it becomes the Title and the Body starts at the next non-blank
// line; otherwise the whole text is the Body.
func readText(text string) *parallax.Article {
	title, start := splitHeadline(text)
	return &parallax.Article{Title: title, Body: strings.TrimRightFunc(text[start:], unicode.IsSpace)}
}

// splitHeadline returns the headline of text, if its first non-blank line
// is one, and the offset at which the body starts.
func splitHeadline(text string) (string, int) {
	start := skipBlankLines(text, 0)
	line, next := lineAt(text, start)
	body := skipBlankLines(text, next)
	if body >= len(text) || !isHeadline(line) {
		return "", start
	}
	return strings.TrimSpace(line), body
}

// lineAt returns the line starting at i, without its line ending, and the
// offset of the next line.
func lineAt(text string, i int) (string, int) {
	j := strings.IndexByte(text[i:], '\n')
	if j < 0 {
		return strings.TrimSuffix(text[i:], "\r"), len(text)
	}
	return strings.TrimSuffix(text[i:i+j], "\r"), i + j + 1
}

// skipBlankLines returns the offset of the first line at or after i that
// holds more than whitespace, or len(text).
func skipBlankLines(text string, i int) int {
	for i < len(text) {
		line, next := lineAt(text, i)
		if strings.TrimSpace(line) != "" {
			return i
		}
		i = next
	}
	return len(text)
}

// isHeadline reports whether a first line reads like a headline: short, not
// a bullet, not starting in lower case, and not ending like a sentence or a
// dateline.
func isHeadline(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" || len(s) > maxHeadlineBytes {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > maxHeadlineWords {
		return false
	}
	if isBullet(s) {
		return false
	}
	if first, _ := utf8.DecodeRuneInString(s); unicode.IsLower(first) {
		return false
	}
	// A period inside closing quotes or brackets still ends a sentence.
	end := strings.TrimRight(s, "\"'”’»)]")
	last, _ := utf8.DecodeLastRuneInString(end)
	switch last {
	case '.', ',', ';', ':', '…', '-', '–', '—':
		return false
	}
	return true
}

// isBullet reports whether s starts with a list marker: "- ", "* ", "• ",
// "1. ", "2) ".
func isBullet(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '+', '•', '–', '—', '·', '▪', '►', '>':
		return true
	}
	if r >= '0' && r <= '9' {
		i := n
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i < len(s)-1 && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
			return true
		}
	}
	return false
}
