package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// ANSI styles; applied after wrapping so that they never count as width.
const (
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiReset = "\x1b[0m"
)

// printer writes wrapped, optionally styled lines and keeps the first error
// so that rendering code reads straight through.
type printer struct {
	w     io.Writer
	width int
	color bool
	err   error
}

// line writes s as it is (after removing control characters).
func (p *printer) line(s string) { p.styled("", s) }

func (p *printer) blank() { p.write("\n") }

func (p *printer) write(s string) {
	if p.err != nil {
		return
	}
	_, p.err = io.WriteString(p.w, s)
}

func (p *printer) styled(style, s string) {
	s = clean(s)
	if p.color && style != "" && s != "" {
		s = style + s + ansiReset
	}
	p.write(s + "\n")
}

// section writes a heading with its count, preceded by a blank line.
func (p *printer) section(title string, n int) {
	p.blank()
	p.styled(ansiBold, fmt.Sprintf("%s (%d)", title, n))
}

// para wraps text to the width: the first line starts with first, the rest
// with an indent as wide as first, so lists hang.
func (p *printer) para(style, first, text string) {
	p.hang(style, first, strings.Repeat(" ", utf8.RuneCountInString(first)), text)
}

// hang wraps text with distinct first-line and continuation prefixes.
func (p *printer) hang(style, first, rest, text string) {
	for i, l := range wrap(clean(text), p.width-utf8.RuneCountInString(first)) {
		prefix := rest
		if i == 0 {
			prefix = first
		}
		if p.color && style != "" {
			p.write(prefix + style + l + ansiReset + "\n")
		} else {
			p.write(prefix + l + "\n")
		}
	}
}

// nbsp glues words that should not be split across lines ("[3] Global
// Wire"); wrap breaks only at ASCII spaces and prints it as a space.
const nbsp = "\u00a0"

// wrap breaks text into lines of at most width runes at spaces; a word
// longer than the width gets a line of its own rather than being cut.
func wrap(text string, width int) []string {
	if width < 10 {
		width = 10
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' })
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	var cur strings.Builder
	n := 0
	for _, w := range words {
		wl := utf8.RuneCountInString(w)
		if n > 0 && n+1+wl > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(strings.ReplaceAll(w, nbsp, " "))
		n += wl
	}
	return append(lines, cur.String())
}

// clean drops control characters (an article could carry escape sequences
// that would drive the reader's terminal) and turns newlines and tabs into
// spaces.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r' || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsControl(r):
			return -1
		case r == utf8.RuneError:
			return '\uFFFD'
		}
		return r
	}, s)
}

// Text writes the terminal report: header and article list, then summary,
// agreed, disputed and single-source facts, who said what, what only one
// outlet reports, wording, timeline and problems. Empty optional sections
// are left out; AGREED and DISPUTED always appear, because "none" is news.
func Text(w io.Writer, b *parallax.Brief, o Options) error {
	if b == nil {
		return errors.New("report: nil brief")
	}
	width := o.Width
	if width <= 0 {
		width = defaultWidth
	}
	if width < minWidth {
		width = minWidth
	}
	p := &printer{w: w, width: width, color: o.Color}
	c := newCatalog(b)

	outlets, origins := c.counts()
	p.para(ansiBold, "", fmt.Sprintf("PARALLAX BRIEF — %s from %s, %s",
		plural(len(b.Articles), "article", "articles"),
		plural(outlets, "outlet", "outlets"),
		plural(origins, "independent origin", "independent origins")))
	for i, a := range b.Articles {
		s := a.Source + " — " + a.Title
		if d := date(a.Published); d != "" {
			s += " — " + d
		}
		p.para("", fmt.Sprintf("  [%d] ", i+1), s)
	}

	if len(b.Summary) > 0 {
		p.section("SUMMARY", len(b.Summary))
		for i, s := range b.Summary {
			p.para("", fmt.Sprintf("  %d. ", i+1), s.Sentence+" "+c.cite(s.Articles))
		}
	}

	agreed, disputed, single := factGroups(b.Facts)
	p.section("AGREED", len(agreed))
	if len(agreed) == 0 {
		p.line("  No fact is reported by two independent sources.")
	}
	for _, f := range agreed {
		p.para(ansiGreen, "  • ", f.Statement)
		p.para(ansiDim, "    ", support(f)+" "+c.cite(claimArticles(f)))
	}

	p.section("DISPUTED", len(disputed))
	if len(disputed) == 0 {
		p.line("  No disagreement found between sources.")
	}
	for _, f := range disputed {
		p.para(ansiRed, "  ! ", f.Statement)
		p.para(ansiDim, "    ", disputeLabel(f)+"; "+strings.TrimSuffix(strings.TrimPrefix(support(f), "("), ")"))
		for i := range f.Variants {
			p.para("", "    • ", variantLine(c, &f.Variants[i], glue))
		}
	}
	if b.Disputed != "" {
		p.blank()
		p.para("", "  ", b.Disputed)
	}

	// Facts only one article states are listed under ONLY IN ONE OUTLET;
	// here go those several outlets repeat from one origin (copies).
	if repeated, alone := splitRepeated(single); len(repeated) > 0 {
		p.section("ONE SOURCE, SEVERAL OUTLETS", len(repeated))
		for _, f := range repeated {
			p.para("", "  • ", f.Statement)
			p.para(ansiDim, "    ", support(f)+" "+c.cite(claimArticles(f))+attributedTo(f))
		}
		if alone > 0 {
			p.para(ansiDim, "  ", plural(alone, "more single-source fact appears", "more single-source facts appear")+" under ONLY IN ONE OUTLET.")
		}
	}

	if len(b.Quotes) > 0 {
		groups := quotesBySpeaker(b)
		p.section("WHO SAID WHAT", len(b.Quotes))
		for _, g := range groups {
			name := speakerName(g.Speaker)
			if g.Title != "" {
				name += ", " + g.Title
			}
			p.para(ansiBold, "  ", name)
			for _, q := range g.Quotes {
				p.para("", "    ", quoteLine(c, q))
			}
		}
	}

	if len(b.Unique) > 0 {
		n := 0
		for _, u := range b.Unique {
			n += len(u.Sentences)
		}
		p.section("ONLY IN ONE OUTLET", n)
		for _, u := range b.Unique {
			p.para(ansiBold, "  ", c.outlets([]string{u.Article}))
			for i, s := range u.Sentences {
				if i == maxUniqueText {
					p.para(ansiDim, "    ", fmt.Sprintf("… and %d more, least informative last (all are in --format json, md and html)", len(u.Sentences)-i))
					break
				}
				p.para("", "    • ", s.Text)
			}
		}
	}

	if len(b.Wording) > 0 {
		p.section("WORDING", len(b.Wording))
		wordingTable(p, c, b.Wording)
	}

	if len(b.Timeline) > 0 {
		p.section("TIMELINE", len(b.Timeline))
		dw := 0
		for _, t := range b.Timeline {
			dw = max(dw, utf8.RuneCountInString(clean(t.Date)))
		}
		for _, t := range b.Timeline {
			d := clean(t.Date)
			first := "  " + d + strings.Repeat(" ", dw-utf8.RuneCountInString(d)) + "  "
			p.para("", first, t.Text+" "+c.cite(t.Articles))
			if t.Provenance != "" {
				p.para(ansiDim, strings.Repeat(" ", utf8.RuneCountInString(first)), "("+t.Provenance+")")
			}
		}
	}

	if len(b.Problems) > 0 {
		p.section("PROBLEMS", len(b.Problems))
		for _, pr := range b.Problems {
			p.para(ansiRed, "  ", pr.Path+": "+pr.Reason)
		}
	}
	return p.err
}

// maxUniqueText is how many unique sentences per article the terminal
// report shows; they come most informative first.
const maxUniqueText = 8

// attributedTo lists who a single-source fact is credited to, if anyone.
func attributedTo(f *parallax.Fact) string {
	var names []string
	for _, c := range f.Claims {
		if c.AttributedTo != "" && !contains(names, c.AttributedTo) {
			names = append(names, c.AttributedTo)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return ", attributed to " + joinNames(names)
}

// quoteLine is “words” — direct, said — [1] Coastal Post, [3] Evening Courier.
func quoteLine(c *catalog, q quoteGroup) string {
	s := "“" + q.Text + "” — " + q.Kind
	if len(q.Cues) > 0 {
		s += ", " + strings.Join(q.Cues, "/")
	}
	return s + " — " + glue(c.outlets(q.Articles))
}

// glue keeps each "[n] Outlet Name" of an outlets list on one line.
func glue(outlets string) string {
	parts := strings.Split(outlets, ", ")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(p, " ", nbsp)
	}
	return strings.Join(parts, ", ")
}

// wordingTable lays out entity | term | outlets with columns sized to the
// content and the outlets column wrapped to what is left of the width. When
// the columns do not fit, it falls back to a list.
func wordingTable(p *printer, c *catalog, ws []parallax.Wording) {
	ew, tw := utf8.RuneCountInString("ENTITY"), utf8.RuneCountInString("TERM")
	for _, w := range ws {
		ew = max(ew, utf8.RuneCountInString(clean(w.Entity)))
		for _, t := range w.Variants {
			tw = max(tw, utf8.RuneCountInString(clean(t.Term)))
		}
	}
	if ew > p.width/3 || tw > p.width/4 || p.width-(2+ew+2+tw+2) < 24 {
		for _, w := range ws {
			p.para(ansiBold, "  ", w.Entity)
			for _, t := range w.Variants {
				p.para("", "    ", t.Term+" — "+glue(c.outlets(t.Articles)))
			}
		}
		return
	}
	pad := func(s string, n int) string {
		s = clean(s)
		return s + strings.Repeat(" ", n-utf8.RuneCountInString(s))
	}
	p.styled(ansiDim, "  "+pad("ENTITY", ew)+"  "+pad("TERM", tw)+"  OUTLETS")
	for _, w := range ws {
		for i, t := range w.Variants {
			ent := ""
			if i == 0 {
				ent = w.Entity
			}
			first := "  " + pad(ent, ew) + "  " + pad(t.Term, tw) + "  "
			rest := strings.Repeat(" ", 2+ew+2+tw+2)
			p.hang("", first, rest, glue(c.outlets(t.Articles)))
		}
	}
}
