package report

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax"
)

// Markdown writes the brief as CommonMark with GitHub tables and footnotes:
// the same sections as the terminal report, tables for variants and
// wording, and citations as footnotes [^1] that resolve to the article
// list at the end.
func Markdown(w io.Writer, b *parallax.Brief) error {
	if b == nil {
		return errors.New("report: nil brief")
	}
	p := &printer{w: w}
	c := newCatalog(b)
	cite := func(ids []string) string { return mdCite(c, ids) }

	outlets, origins := c.counts()
	p.write("# Parallax brief\n\n")
	p.write(fmt.Sprintf("%s from %s, %s.\n\n",
		plural(len(b.Articles), "article", "articles"),
		plural(outlets, "outlet", "outlets"),
		plural(origins, "independent origin", "independent origins")))
	for i, a := range b.Articles {
		s := fmt.Sprintf("%d. **%s** — %s", i+1, md(a.Source), md(a.Title))
		if d := date(a.Published); d != "" {
			s += " — " + md(d)
		}
		p.write(s + "\n")
	}

	if len(b.Summary) > 0 {
		p.write(fmt.Sprintf("\n## Summary (%d)\n\n", len(b.Summary)))
		for i, s := range b.Summary {
			p.write(fmt.Sprintf("%d. %s%s\n", i+1, md(s.Sentence), cite(s.Articles)))
		}
	}

	agreed, disputed, single := factGroups(b.Facts)
	p.write(fmt.Sprintf("\n## Agreed (%d)\n\n", len(agreed)))
	if len(agreed) == 0 {
		p.write("No fact is reported by two independent sources.\n")
	}
	for _, f := range agreed {
		p.write(fmt.Sprintf("- %s %s%s\n", md(f.Statement), support(f), cite(claimArticles(f))))
	}

	p.write(fmt.Sprintf("\n## Disputed (%d)\n\n", len(disputed)))
	if len(disputed) == 0 {
		p.write("No disagreement found between sources.\n")
	}
	for _, f := range disputed {
		p.write(fmt.Sprintf("### %s\n\n", md(f.Statement)))
		p.write(fmt.Sprintf("*%s*, %s\n\n", disputeLabel(f), strings.Trim(support(f), "()")))
		p.write("| Version | Value | Reported by | Attributed to |\n|---|---|---|---|\n")
		for _, v := range f.Variants {
			p.write(fmt.Sprintf("| %s | %s | %s | %s |\n",
				cell(`"`+v.Text+`"`), cell(variantValue(v.Value)),
				mdOutlets(c, v.Articles), cell(strings.TrimPrefix(variantAttribution(c, &v), "attributed to "))))
		}
		p.write("\n")
	}
	if b.Disputed != "" {
		p.write(md(b.Disputed) + "\n")
	}

	if repeated, alone := splitRepeated(single); len(repeated) > 0 {
		p.write(fmt.Sprintf("\n## One source, several outlets (%d)\n\n", len(repeated)))
		for _, f := range repeated {
			p.write(fmt.Sprintf("- %s %s%s%s\n", md(f.Statement), support(f), md(attributedTo(f)), cite(claimArticles(f))))
		}
		if alone > 0 {
			p.write(fmt.Sprintf("\n%s under *Only in one outlet*.\n", plural(alone, "more single-source fact appears", "more single-source facts appear")))
		}
	}

	if len(b.Quotes) > 0 {
		p.write(fmt.Sprintf("\n## Who said what (%d)\n", len(b.Quotes)))
		for _, g := range quotesBySpeaker(b) {
			name := speakerName(g.Speaker)
			if g.Title != "" {
				name += ", " + g.Title
			}
			p.write(fmt.Sprintf("\n### %s\n\n", md(name)))
			for _, q := range g.Quotes {
				s := fmt.Sprintf("- “%s” — %s", md(q.Text), q.Kind)
				if len(q.Cues) > 0 {
					s += ", " + md(strings.Join(q.Cues, "/"))
				}
				p.write(s + cite(q.Articles) + "\n")
			}
		}
	}

	if len(b.Unique) > 0 {
		n := 0
		for _, u := range b.Unique {
			n += len(u.Sentences)
		}
		p.write(fmt.Sprintf("\n## Only in one outlet (%d)\n", n))
		for _, u := range b.Unique {
			p.write(fmt.Sprintf("\n### %s\n\n", mdOutlets(c, []string{u.Article})))
			for _, s := range u.Sentences {
				p.write("- " + md(s.Text) + "\n")
			}
		}
	}

	if len(b.Wording) > 0 {
		p.write(fmt.Sprintf("\n## Wording (%d)\n\n", len(b.Wording)))
		p.write("| Entity | Term | Outlets |\n|---|---|---|\n")
		for _, w := range b.Wording {
			for i, t := range w.Variants {
				ent := ""
				if i == 0 {
					ent = cell(w.Entity)
				}
				p.write(fmt.Sprintf("| %s | %s | %s |\n", ent, cell(t.Term), mdOutlets(c, t.Articles)))
			}
		}
	}

	if len(b.Timeline) > 0 {
		p.write(fmt.Sprintf("\n## Timeline (%d)\n\n", len(b.Timeline)))
		p.write("| Date | Event | How dated |\n|---|---|---|\n")
		for _, t := range b.Timeline {
			p.write(fmt.Sprintf("| %s | %s%s | %s |\n", cell(t.Date), cell(t.Text), cite(t.Articles), cell(t.Provenance)))
		}
	}

	if len(b.Problems) > 0 {
		p.write(fmt.Sprintf("\n## Problems (%d)\n\n", len(b.Problems)))
		for _, pr := range b.Problems {
			p.write(fmt.Sprintf("- `%s`: %s\n", code(pr.Path), md(pr.Reason)))
		}
	}

	if len(b.Articles) > 0 {
		p.write("\n")
		for i, a := range b.Articles {
			s := fmt.Sprintf("[^%d]: %s, “%s”", i+1, md(a.Source), md(a.Title))
			if d := date(a.Published); d != "" {
				s += ", " + md(d)
			}
			if a.URL != "" {
				s += ", <" + mdURL(a.URL) + ">"
			} else if a.Path != "" {
				s += ", `" + code(a.Path) + "`"
			}
			p.write(s + "\n")
		}
	}
	return p.err
}

// mdCite writes footnote references "[^1][^3]"; ids the brief does not list
// are named in plain text so that they stay visible.
func mdCite(c *catalog, ids []string) string {
	nums, unknown := c.numbers(ids)
	var b strings.Builder
	for _, n := range nums {
		fmt.Fprintf(&b, "[^%d]", n)
	}
	for _, u := range unknown {
		b.WriteString(" (unknown article " + md(u) + ")")
	}
	return b.String()
}

// mdOutlets names the outlets with their footnotes: "Coastal Post[^1]".
func mdOutlets(c *catalog, ids []string) string {
	nums, unknown := c.numbers(ids)
	parts := make([]string, 0, len(nums)+len(unknown))
	for _, n := range nums {
		parts = append(parts, fmt.Sprintf("%s[^%d]", cell(c.refs[n-1].Source), n))
	}
	for _, u := range unknown {
		parts = append(parts, cell(u)+" (unknown)")
	}
	return strings.Join(parts, ", ")
}

// mdEscaper backslash-escapes the characters that start Markdown syntax or
// raw HTML, so that article text renders as the words it is.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `#`, `\#`, `~`, `\~`, `&`, `\&`,
)

// md escapes inline text and keeps it on one line. A leading "-", "+", "="
// or "1." would start a nested block inside a list item, so it is escaped
// too.
func md(s string) string {
	s = mdEscaper.Replace(oneLine(clean(s)))
	if s != "" && strings.ContainsRune("-+=", rune(s[0])) {
		return `\` + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// cell is md for table cells (md already escapes the pipe).
func cell(s string) string { return md(s) }

// code makes s safe inside a backtick code span.
func code(s string) string {
	return strings.ReplaceAll(oneLine(clean(s)), "`", "'")
}

// mdURL keeps an autolink intact: no spaces or angle brackets inside.
func mdURL(u string) string {
	return strings.NewReplacer(" ", "%20", "<", "%3C", ">", "%3E").Replace(oneLine(clean(u)))
}
