package quote

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// region is one direct quote: the marks and the content between them.
type region struct {
	open      int           // offset of the opening mark
	close     int           // offset of the closing mark, -1 when unclosed
	end       int           // end of the region: after the closing mark, or the content end
	content   parallax.Span // without marks, trailing comma and spaces
	para      int           // paragraph index
	single    bool          // single-quoted ('just')
	prev      int           // the region this one continues from the previous paragraph, or -1
	next      int           // the region continuing it in the next paragraph, or -1
	att       attachment    // who said it, once known
	according *cue          // an "according to" next to it when the speaker came from another cue
}

// cleanSpans clamps spans to the text, drops empty ones, sorts them and
// removes overlaps, so that later stages can binary-search them whatever
// an upstream stage produced.
func cleanSpans(in []parallax.Span, n int) []parallax.Span {
	out := make([]parallax.Span, 0, len(in))
	for _, s := range in {
		s.Start = max(s.Start, 0)
		s.End = min(s.End, n)
		if s.Start < s.End {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b parallax.Span) int { return a.Start - b.Start })
	w := 0
	for _, s := range out {
		if w > 0 && s.Start < out[w-1].End {
			s.Start = out[w-1].End
			if s.Start >= s.End {
				continue
			}
		}
		out[w] = s
		w++
	}
	return out[:w]
}

// splitParagraphs is the fallback when the document carries no
// paragraphs: blank-line separated blocks.
func splitParagraphs(text string) []parallax.Span {
	var out []parallax.Span
	start := 0
	for start < len(text) {
		i := strings.Index(text[start:], "\n\n")
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		if s := trimSpan(text, parallax.Span{Start: start, End: end}); s.Start < s.End {
			out = append(out, s)
		}
		if i < 0 {
			break
		}
		start = end + 2
	}
	return out
}

// coverSentences returns the document's sentences plus every uncovered
// piece of a paragraph as a sentence of its own, each with its paragraph.
func coverSentences(text string, paras, given []parallax.Span) []sentence {
	out := make([]sentence, 0, len(given)+len(paras))
	j := 0
	for pi, p := range paras {
		for j < len(given) && given[j].End <= p.Start {
			out = append(out, sentence{span: given[j], para: -1})
			j++
		}
		pos := p.Start
		for j < len(given) && given[j].Start < p.End {
			g := given[j]
			if g.Start > pos {
				if s := trimSpan(text, parallax.Span{Start: pos, End: g.Start}); s.Start < s.End {
					out = append(out, sentence{span: s, para: pi})
				}
			}
			para := pi
			if g.Start < p.Start {
				para = -1
			}
			out = append(out, sentence{span: g, para: para})
			pos = max(pos, g.End)
			j++
			if g.End > p.End {
				break
			}
		}
		if pos < p.End {
			if s := trimSpan(text, parallax.Span{Start: pos, End: p.End}); s.Start < s.End {
				out = append(out, sentence{span: s, para: pi})
			}
		}
	}
	for ; j < len(given); j++ {
		out = append(out, sentence{span: given[j], para: -1})
	}
	return out
}

func trimSpan(text string, s parallax.Span) parallax.Span {
	for s.Start < s.End && isSpaceByte(text[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isSpaceByte(text[s.End-1]) {
		s.End--
	}
	return s
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// doubledMarks rewrites two apostrophes used as a double quote mark
// (”Yes,” he said — the convention of some newspaper archives) into one
// double quote plus a space, keeping every byte offset: an opening pair
// becomes ` "` and a closing pair `" `. Only pairs that can open or close
// (a space or punctuation on the outer side, text on the inner side) are
// rewritten; the text is copied only when it has any.
func doubledMarks(text string) string {
	i := strings.Index(text, "''")
	if i < 0 {
		return text
	}
	b := []byte(text)
	for ; i >= 0 && i+1 < len(b); i = nextPair(b, i) {
		if i > 0 && b[i-1] == '\'' || i+2 < len(b) && b[i+2] == '\'' {
			continue // three or more apostrophes: leave them
		}
		before, after := byte(' '), byte(' ')
		if i > 0 {
			before = b[i-1]
		}
		if i+2 < len(b) {
			after = b[i+2]
		}
		switch {
		case opensAfter(before) && !isSpaceByte(after):
			b[i], b[i+1] = ' ', '"'
		case !isSpaceByte(before) && !isWordByte(after):
			b[i], b[i+1] = '"', ' '
		}
	}
	return string(b)
}

func nextPair(b []byte, i int) int {
	k := bytes.Index(b[i+2:], []byte("''"))
	if k < 0 {
		return -1
	}
	return i + 2 + k
}

// opensAfter reports whether a quote may open after byte c.
func opensAfter(c byte) bool {
	return isSpaceByte(c) || strings.IndexByte("([{-/:", c) >= 0 || c >= 0x80
}

// findRegions pairs quote marks paragraph by paragraph. Double quotes
// alternate open/close; a mark that can only close while no quote is open
// (5" of rain) is skipped, and a mark that can only open while one is open
// ends the unclosed quote there. A quote still open at its paragraph's end
// stops at that end and, when the next paragraph opens with a mark,
// continues there (the newswire convention for multi-paragraph quotes).
// Single quotes count only as a matched pair outside double quotes, so
// apostrophes (Ukraine's, don't, '90s, leaders') stay text.
func (a *analysis) findRegions() {
	text := a.text
	for pi, p := range a.paras {
		first := len(a.regs)
		open := -1
		for i := p.Start; i < p.End; i++ {
			if text[i] != '"' {
				continue
			}
			if open < 0 {
				if a.canClose(i) && !a.canOpen(i) {
					continue
				}
				open = i
				continue
			}
			if a.canOpen(i) && !a.canClose(i) {
				a.addRegion(open, -1, i, pi)
				open = i
				continue
			}
			a.addRegion(open, i, i, pi)
			open = -1
		}
		if open >= 0 {
			a.addRegion(open, -1, p.End, pi)
		}
		a.findSingles(pi, first)
	}
	// Link an unclosed quote with the quote that opens the next paragraph.
	for i := range a.regs {
		r := &a.regs[i]
		if r.close >= 0 || r.single || r.para+1 >= len(a.paras) || i+1 >= len(a.regs) {
			continue
		}
		n := &a.regs[i+1]
		if n.para == r.para+1 && !n.single && onlySpace(a.text[a.paras[n.para].Start:n.open]) {
			r.next, n.prev = i+1, i
		}
	}
}

func (a *analysis) addRegion(open, close, contentEnd, para int) {
	c := parallax.Span{Start: open + 1, End: contentEnd}
	c = trimSpan(a.text, c)
	for c.End > c.Start && (a.text[c.End-1] == ',' || isSpaceByte(a.text[c.End-1])) {
		c.End--
	}
	// One final period goes too ("manipulative." and "manipulative" are
	// the same words), but not an ellipsis.
	if c.End > c.Start && a.text[c.End-1] == '.' && (c.End-2 < c.Start || a.text[c.End-2] != '.') {
		c.End--
	}
	if c.Start >= c.End {
		return
	}
	end := c.End
	if close >= 0 {
		end = close + 1
	}
	a.regs = append(a.regs, region{open: open, close: close, end: end, content: c, para: para,
		prev: -1, next: -1, att: attachment{ent: -1, cue: -1}})
}

// canOpen: the mark follows a space or opening punctuation and precedes text.
func (a *analysis) canOpen(i int) bool {
	if i+1 >= len(a.text) || isSpaceByte(a.text[i+1]) {
		return false
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(a.text[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/:", r)
}

// canClose: the mark follows text and precedes a space, punctuation or the end.
func (a *analysis) canClose(i int) bool {
	if i == 0 || isSpaceByte(a.text[i-1]) {
		return false
	}
	if i+1 >= len(a.text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(a.text[i+1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// findSingles adds single-quoted regions of paragraph pi that lie outside
// the double-quoted regions regs[first:].
func (a *analysis) findSingles(pi, first int) {
	text := a.text
	p := a.paras[pi]
	doubles := a.regs[first:]
	inDouble := func(i int) bool {
		k, _ := slices.BinarySearchFunc(doubles, i, func(r region, off int) int { return r.open - off })
		// doubles[k-1] is the last region opening at or before i.
		if k < len(doubles) && doubles[k].open == i {
			return true
		}
		return k > 0 && i < doubles[k-1].end
	}
	var singles []region
	for i := p.Start; i < p.End; i++ {
		if text[i] != '\'' || !a.singleOpens(i) || inDouble(i) {
			continue
		}
		limit := min(p.End, i+300)
		for j := i + 2; j < limit; j++ {
			if text[j] == '"' {
				break
			}
			if text[j] != '\'' || isSpaceByte(text[j-1]) || inDouble(j) {
				continue
			}
			if j+1 < len(text) {
				r, _ := utf8.DecodeRuneInString(text[j+1:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					continue // don't, Ukraine's
				}
			}
			n := len(a.regs)
			a.addRegion(i, j, j, pi)
			if len(a.regs) > n {
				a.regs[n].single = true
				singles = append(singles, a.regs[n])
				a.regs = a.regs[:n]
			}
			i = j
			break
		}
	}
	if len(singles) == 0 {
		return
	}
	a.regs = append(a.regs, singles...)
	slices.SortFunc(a.regs[first:], func(x, y region) int { return x.open - y.open })
}

// singleOpens tells an opening single quote from an elision ('90s, 'em).
func (a *analysis) singleOpens(i int) bool {
	if !a.canOpen(i) {
		return false
	}
	rest := a.text[i+1:]
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	// '90s, '22: digits then s or a word end.
	k := 0
	for k < len(rest) && rest[k] >= '0' && rest[k] <= '9' {
		k++
	}
	if k > 0 && (k == len(rest) || rest[k] == 's' || !isWordByte(rest[k])) {
		return false
	}
	w := 0
	for w < len(rest) && isWordByte(rest[w]) {
		w++
	}
	switch strings.ToLower(rest[:w]) {
	case "em", "til", "n", "cause", "tis", "twas", "bout", "round":
		return false
	}
	return true
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
