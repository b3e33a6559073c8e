// Package normalize owns the first stage of the per-article pipeline: it
// turns an article body as read (any bytes) into the canonical text every
// later stage points into, with an OffsetMap back to the original, and it
// splits that text into content paragraphs and boilerplate lines (captions,
// credits, bylines, "Read more" links) that must never become facts.
//
// Normalization rules, applied in this order:
//
//  1. Invalid UTF-8 bytes become U+FFFD. CRLF, CR, NEL, U+2028 and U+2029
//     become "\n"; tabs and Unicode spaces (NBSP, thin, em, ideographic...)
//     become " ". Zero-width and other invisible format characters (soft
//     hyphen, ZWSP, ZWJ, BOM, bidi marks) and control characters are
//     dropped. Typographic quotes become straight ones: ‘ ’ ‚ ‛ ′ ‹ › → '
//     and “ ” „ ‟ « » ″ → ". Dropping happens before NFC so that a removed
//     character can never leave a composable pair behind (idempotence).
//  2. NFC.
//  3. Dashes. A lone hyphen-like character (-, ‐, ‑, ‒, –, −) becomes "-"
//     and keeps its spacing, so the range "90–120" stays "90-120" and the
//     spaced dash "aspects – the energy" stays "aspects - the energy". An
//     em dash or horizontal bar (— ―) or any run of two or more dash
//     characters ("--") is punctuation between words, so it becomes " - "
//     even when unspaced: "war—and" reads "war - and", never the false
//     compound "war-and".
//  4. Runs of spaces collapse to one; lines are trimmed; leading bullet
//     markers ("- ", "• ", "* ", ...) are removed, repeatedly.
//  5. Every non-empty line is its own paragraph: in news text files a line
//     is a paragraph, so lines are joined with exactly "\n\n".
//
// Text(Text(x)) == Text(x) for every x; FuzzText checks it.
package normalize

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"golang.org/x/text/unicode/norm"
)

// item is one rune on its way through normalization, with the byte range
// [off, off+w) of the original text it came from. Inserted runes have w 0.
type item struct {
	off int
	r   rune
	w   int32
}

// Text normalizes raw and returns the normalized text with a map from its
// byte offsets back to byte offsets in raw. Original(i) is the original
// offset of the character that produced normalized byte i; Original of the
// text's end is len(raw).
func Text(raw string) (string, parallax.OffsetMap) {
	if !composable(raw) {
		return textByLines(raw)
	}
	return textWhole(raw)
}

// textWhole normalizes raw in one piece: every rune is cleaned, then the
// whole text is composed to NFC, then laid out.
func textWhole(raw string) (string, parallax.OffsetMap) {
	items := clean(raw)
	items = nfc(items)
	l := newLayout(len(raw))
	l.feed(items)
	return l.finish(len(raw))
}

// textByLines is textWhole for text that NFC leaves as it is (see
// composable): with no composition to do, each line can be cleaned and
// laid out on its own, in one small reused buffer instead of an item per
// byte of the article.
func textByLines(raw string) (string, parallax.OffsetMap) {
	l := newLayout(len(raw))
	items := make([]item, 0, 256)
	for i := 0; i < len(raw); {
		items, i = cleanLine(raw, i, items[:0])
		l.feed(items)
	}
	return l.finish(len(raw))
}

// composable reports whether NFC might change the cleaned text of raw. It
// cannot when every rune that survives cleaning is NFC on its own and never
// combines with the rune before it: ASCII, and most Latin-1, punctuation
// and symbols. Combining marks, Hangul jamo and the like say yes.
func composable(raw string) bool {
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(raw[i:])
		c := raw[i : i+w]
		i += w
		if r == utf8.RuneError && w == 1 {
			c = "\ufffd" // what clean makes of an invalid byte
		} else if r == 0x85 || r == 0x2028 || r == 0x2029 || unicode.Is(unicode.Zs, r) ||
			invisible(r) || foldQuote(r) != r {
			continue // becomes ASCII or nothing
		}
		if !norm.NFC.PropertiesString(c).BoundaryBefore() || !norm.NFC.IsNormalString(c) {
			return true
		}
	}
	return false
}

// clean decodes raw into items, applying rule 1 of the package comment.
func clean(raw string) []item {
	items := make([]item, 0, len(raw))
	for i := 0; i < len(raw); {
		items, i = cleanLine(raw, i, items)
	}
	return items
}

// cleanLine cleans raw from offset i up to and including the next line
// break, appending the items to items, and returns them with the offset
// after the line.
func cleanLine(raw string, i int, items []item) ([]item, int) {
	for i < len(raw) {
		if c := raw[i]; c >= ' ' && c < 0x7f {
			// Printable ASCII passes as it is.
			items = append(items, item{i, rune(c), 1})
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(raw[i:])
		off := i
		i += w
		if r == utf8.RuneError && w == 1 {
			items = append(items, item{off, utf8.RuneError, 1})
			continue
		}
		switch {
		case r == '\r':
			if i < len(raw) && raw[i] == '\n' {
				i++
				w = 2
			}
			r = '\n'
		case r == '\n' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			r = '\n'
		case r == ' ' || r == '\t' || (r > 0x7f && unicode.Is(unicode.Zs, r)):
			r = ' '
		case invisible(r):
			continue
		default:
			r = foldQuote(r)
		}
		items = append(items, item{off, r, int32(w)})
		if r == '\n' {
			break
		}
	}
	return items, i
}

// invisible reports characters that carry no text: C0/C1 controls (the
// line and tab controls are handled before) and format characters such as
// the soft hyphen, zero-width space and joiners, BOM and bidi marks.
func invisible(r rune) bool {
	if r < 0x20 || r == 0x7f {
		return true
	}
	if r < 0x80 {
		return false
	}
	// U+180E MONGOLIAN VOWEL SEPARATOR was a space before Unicode 6.3 and
	// shows up as a zero-width character in scraped text.
	return (r >= 0x80 && r < 0xa0) || r == 0x180e || unicode.Is(unicode.Cf, r)
}

// foldQuote maps typographic quotes and primes to their ASCII form.
func foldQuote(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u2039', '\u203a':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033':
		return '"'
	}
	return r
}

// nfc composes items to NFC. Each normalization segment whose bytes change
// maps all its output runes to the segment's first original offset.
func nfc(items []item) []item {
	buf := make([]byte, 0, len(items))
	for _, it := range items {
		buf = utf8.AppendRune(buf, it.r)
	}
	if norm.NFC.IsNormal(buf) {
		return items
	}
	out := make([]item, 0, len(items))
	var iter norm.Iter
	iter.Init(norm.NFC, buf)
	j, pos := 0, 0 // items[j] starts at buf[pos]
	for !iter.Done() {
		seg := iter.Next()
		end := iter.Pos()
		j0, p0 := j, pos
		for pos < end && j < len(items) {
			pos += utf8.RuneLen(items[j].r)
			j++
		}
		if string(seg) == string(buf[p0:pos]) {
			out = append(out, items[j0:j]...)
			continue
		}
		first := items[min(j0, len(items)-1)]
		for len(seg) > 0 {
			r, w := utf8.DecodeRune(seg)
			seg = seg[w:]
			out = append(out, item{first.off, r, 0})
		}
	}
	return out
}

// isDash reports hyphen and dash characters. long reports the ones that
// are always punctuation between words, never a hyphen or a range.
func isDash(r rune) (dash, long bool) {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\ufe63', '\uff0d':
		return true, false
	case '\u2014', '\u2015', '\ufe58':
		return true, true
	}
	return false, false
}

// isBullet reports characters that open a bulleted line when followed by a
// space.
func isBullet(r rune) bool {
	switch r {
	case '-', '*', '\u2022', '\u00b7', '\u2023', '\u25e6', '\u25aa', '\u25cf', '\u25a0', '\u25ba', '\u2043':
		return true
	}
	return false
}

// layout applies rules 3 to 5 of the package comment to items fed to it
// in order, in pieces that end at line breaks (or all at once), and
// writes the result to b.
type layout struct {
	b      builder
	line   []item
	sepOff int // original offset of the first line break after the last emitted line
}

func newLayout(size int) *layout {
	l := &layout{line: make([]item, 0, 256), sepOff: -1}
	l.b.out = make([]byte, 0, size)
	return l
}

// flush emits the line built so far.
func (l *layout) flush() {
	line := bullets(trimRight(l.line))
	if len(line) > 0 {
		if len(l.b.out) > 0 {
			l.b.add('\n', l.sepOff, 0)
			l.b.add('\n', l.sepOff, 0)
		}
		for _, it := range line {
			l.b.add(it.r, it.off, int(it.w))
		}
		l.sepOff = -1
	}
	l.line = l.line[:0]
}

// finish emits the last line and returns the text and its offset map.
func (l *layout) finish(rawLen int) (string, parallax.OffsetMap) {
	l.flush()
	l.b.mark(len(l.b.out), rawLen)
	return string(l.b.out), parallax.OffsetMap{Norm: l.b.norm, Orig: l.b.orig}
}

// feed lays out items. A run of dashes is read to its end, so a piece
// may end only at a line break or at the end of the text.
func (l *layout) feed(items []item) {
	line := l.line
	for i := 0; i < len(items); {
		if items[i].r == '\n' {
			l.line = line
			l.flush()
			line = l.line
			if l.sepOff < 0 {
				l.sepOff = items[i].off
			}
			i++
			continue
		}
		it := items[i]
		dash, long := isDash(it.r)
		switch {
		case dash:
			j := i + 1
			for j < len(items) {
				if d, l := isDash(items[j].r); d {
					long = long || l
					j++
					continue
				}
				break
			}
			if j-i == 1 && !long {
				line = append(line, item{it.off, '-', it.w})
			} else {
				line = space(line, it.off)
				line = append(line, item{it.off, '-', 0})
				line = space(line, it.off)
			}
			i = j
		case it.r == ' ':
			line = space(line, it.off)
			i++
		default:
			line = append(line, it)
			i++
		}
	}
	l.line = line
}

// space appends a space unless the line is empty or already ends in one,
// which both collapses runs and trims the line's start.
func space(line []item, off int) []item {
	if len(line) == 0 || line[len(line)-1].r == ' ' {
		return line
	}
	return append(line, item{off, ' ', 1})
}

func trimRight(line []item) []item {
	for len(line) > 0 && line[len(line)-1].r == ' ' {
		line = line[:len(line)-1]
	}
	return line
}

// bullets strips leading bullet markers. The line is already trimmed and
// collapsed, so what follows "- " is never a space.
func bullets(line []item) []item {
	for len(line) > 2 && isBullet(line[0].r) && line[1].r == ' ' {
		line = line[2:]
	}
	return line
}

// builder accumulates the normalized bytes and the offset map, adding an
// entry only where output and original stop advancing in step.
type builder struct {
	out        []byte
	norm, orig []int
}

// add appends r, which came from original bytes [off, off+w). When r is
// wider than its origin, its extra bytes stay on the origin's last byte so
// that the map never runs ahead into the next character.
func (b *builder) add(r rune, off, w int) {
	n := len(b.out)
	if r < utf8.RuneSelf {
		b.out = append(b.out, byte(r))
		b.mark(n, off)
		return
	}
	b.out = utf8.AppendRune(b.out, r)
	last := max(w-1, 0)
	for k := 0; k < len(b.out)-n; k++ {
		b.mark(n+k, off+min(k, last))
	}
}

// mark records that normalized offset n comes from original offset o.
func (b *builder) mark(n, o int) {
	pred := n
	if k := len(b.norm); k > 0 {
		pred = b.orig[k-1] + n - b.norm[k-1]
	}
	if o != pred {
		b.norm = append(b.norm, n)
		b.orig = append(b.orig, o)
	}
}
