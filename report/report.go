// Package report renders Parallax results for people and programs: the
// cross-article Brief as a terminal report, Markdown, a self-contained HTML
// page or JSON (the public contract, see schema/brief.schema.json), and one
// analysed Document as an annotation (JSON line, see
// schema/annotation.schema.json, or text).
//
// Renderers write to an io.Writer and return the first write error; they
// never read files and never modify what they are given. Article text is
// hostile input: every renderer escapes it for its format.
package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
)

// Options tunes the terminal report.
type Options struct {
	// Color adds ANSI styles (bold headings, green agreed, red disputed).
	Color bool
	// Width is the column to wrap at; 0 means 100.
	Width int
}

const defaultWidth = 100

// minWidth keeps wrapping sane when a caller passes a tiny terminal width.
const minWidth = 40

// catalog numbers the articles of a brief 1..n so that every citation in a
// report reads as [1,3] instead of an opaque id.
type catalog struct {
	refs []parallax.ArticleRef
	num  map[string]int // article id -> 1-based number
}

func newCatalog(b *parallax.Brief) *catalog {
	c := &catalog{refs: b.Articles, num: make(map[string]int, len(b.Articles))}
	for i, a := range b.Articles {
		if _, dup := c.num[a.ID]; !dup {
			c.num[a.ID] = i + 1
		}
	}
	return c
}

// source names the outlet of an article id, or the id itself when the brief
// does not list it (a reconcile bug should stay visible, not vanish).
func (c *catalog) source(id string) string {
	if n, ok := c.num[id]; ok {
		if s := c.refs[n-1].Source; s != "" {
			return s
		}
	}
	return id
}

// numbers returns the sorted, de-duplicated article numbers of ids, and the
// ids the brief does not list.
func (c *catalog) numbers(ids []string) (nums []int, unknown []string) {
	seen := map[int]bool{}
	for _, id := range ids {
		n, ok := c.num[id]
		if !ok {
			unknown = append(unknown, id)
			continue
		}
		if !seen[n] {
			seen[n] = true
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	return nums, unknown
}

// cite renders ids as "[1,3]"; unknown ids are shown verbatim with a "?".
func (c *catalog) cite(ids []string) string {
	nums, unknown := c.numbers(ids)
	if len(nums) == 0 && len(unknown) == 0 {
		return ""
	}
	parts := make([]string, 0, len(nums)+len(unknown))
	for _, n := range nums {
		parts = append(parts, strconv.Itoa(n))
	}
	for _, u := range unknown {
		parts = append(parts, "?"+u)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// outlets renders ids as "[1] Coastal Post, [3] Evening Courier".
func (c *catalog) outlets(ids []string) string {
	nums, unknown := c.numbers(ids)
	parts := make([]string, 0, len(nums)+len(unknown))
	for _, n := range nums {
		parts = append(parts, fmt.Sprintf("[%d] %s", n, c.refs[n-1].Source))
	}
	for _, u := range unknown {
		parts = append(parts, "[?] "+u)
	}
	return strings.Join(parts, ", ")
}

// counts returns the number of distinct outlets and independent origins
// among the brief's articles.
func (c *catalog) counts() (outlets, origins int) {
	o, g := map[string]bool{}, map[string]bool{}
	for _, a := range c.refs {
		o[a.Source] = true
		key := a.Origin
		if key == "" { // no origin: the article stands alone
			key = "\x00" + a.ID
		}
		g[key] = true
	}
	return len(o), len(g)
}

// claimArticles lists the article ids a fact's claims come from, in order.
func claimArticles(f *parallax.Fact) []string {
	ids := make([]string, 0, len(f.Claims))
	for _, c := range f.Claims {
		ids = append(ids, c.Article)
	}
	return ids
}

// date shortens an RFC 3339 publication time to its calendar day; anything
// else is shown as written.
func date(published string) string {
	if len(published) >= 10 && published[4] == '-' && published[7] == '-' {
		return published[:10]
	}
	return published
}

// plural returns "1 outlet" / "3 outlets".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// support says how well a fact is sourced: "(4 outlets, 3 independent sources)".
func support(f *parallax.Fact) string {
	s := "(" + plural(f.Outlets, "outlet", "outlets") + ", " +
		plural(f.Independent, "independent source", "independent sources")
	// Reporters who all cite one primary source corroborate only that
	// they heard the same thing: say so, with both numbers.
	if f.PrimarySources > 0 && f.PrimarySources < f.Independent {
		s += ", " + plural(f.PrimarySources, "primary source", "primary sources")
		var names []string
		for _, c := range f.Claims {
			if c.AttributedTo != "" && !contains(names, c.AttributedTo) {
				names = append(names, c.AttributedTo)
			}
		}
		if len(names) == f.PrimarySources {
			s += ": " + joinNames(names)
		}
	}
	return s + ")"
}

// statusLabel names a status for people.
func statusLabel(s parallax.FactStatus) string {
	switch s {
	case parallax.Corroborated:
		return "agreed"
	case parallax.SingleSource:
		return "single source"
	case parallax.Conflict:
		return "conflict"
	case parallax.AttributionSplit:
		return "attribution split"
	}
	return string(s)
}

// disputeLabel explains a disputed fact in a few words.
func disputeLabel(f *parallax.Fact) string {
	var s string
	switch f.Status {
	case parallax.AttributionSplit:
		s = "attribution split: the versions follow who is cited"
	default:
		s = "conflict"
		if f.Kind != "" {
			s += " over " + f.Kind
		}
	}
	return s
}

// factGroups splits facts by section, keeping their order.
func factGroups(facts []parallax.Fact) (agreed, disputed, single []*parallax.Fact) {
	for i := range facts {
		f := &facts[i]
		switch f.Status {
		case parallax.Corroborated:
			agreed = append(agreed, f)
		case parallax.Conflict, parallax.AttributionSplit:
			disputed = append(disputed, f)
		default: // single_source and anything unknown: shown, never dropped
			single = append(single, f)
		}
	}
	return agreed, disputed, single
}

// splitRepeated returns the single-source facts that several outlets
// carry (copies of one origin) and counts the rest, which one article
// alone states.
func splitRepeated(single []*parallax.Fact) (repeated []*parallax.Fact, alone int) {
	for _, f := range single {
		if f.Outlets > 1 {
			repeated = append(repeated, f)
		} else {
			alone++
		}
	}
	return repeated, alone
}

// variantLine is the human form of one variant:
// "more than two hours" — >120 min — [1] Coastal Post, attributed to X.
func variantLine(c *catalog, v *parallax.Variant, glue func(string) string) string {
	var b strings.Builder
	b.WriteString(`"` + v.Text + `"`)
	if val := variantValue(v.Value); val != "" {
		b.WriteString(" — " + val)
	}
	if o := c.outlets(v.Articles); o != "" {
		b.WriteString(" — " + glue(o))
	}
	if v.Compatible {
		b.WriteString(" (fits every other version)")
	}
	if a := variantAttribution(c, v); a != "" {
		b.WriteString(", " + a)
	}
	return b.String()
}

// variantAttribution says who a variant is credited to: "attributed to
// the Kremlin", or "in the outlet's own voice" when the cited source is one
// of the variant's own outlets (the outlet stated it without citing anyone).
func variantAttribution(c *catalog, v *parallax.Variant) string {
	outlets := map[string]bool{}
	for _, id := range v.Articles {
		outlets[c.source(id)] = true
	}
	var cited []string
	own := false
	for _, a := range v.AttributedTo {
		if outlets[a] {
			own = true
		} else {
			cited = append(cited, a)
		}
	}
	var s string
	if a := joinNames(cited); a != "" {
		s = "attributed to " + a
	}
	if own {
		if s != "" {
			s += "; also "
		}
		s += "in the outlet's own voice"
	}
	return s
}

// joinNames writes "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	var ns []string
	for _, n := range names {
		if n != "" {
			ns = append(ns, n)
		}
	}
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

// speakerGroup is one speaker's quotes, identical wordings merged across
// outlets.
type speakerGroup struct {
	Speaker string // "" when unknown
	Title   string
	Quotes  []quoteGroup
}

type quoteGroup struct {
	Text     string
	Kind     string
	Cues     []string
	Articles []string
	Refs     []parallax.QuoteRef
}

// quotesBySpeaker groups quotes by speaker (most quoted first, unknown
// speakers last) and merges the same words reported by several outlets.
func quotesBySpeaker(b *parallax.Brief) []speakerGroup {
	titles := map[string]string{}
	for _, e := range b.Entities {
		if e.Title != "" {
			titles[e.Name] = e.Title
		}
	}
	var groups []speakerGroup
	index := map[string]int{}
	count := map[string]int{}
	for _, q := range b.Quotes {
		gi, ok := index[q.Speaker]
		if !ok {
			gi = len(groups)
			index[q.Speaker] = gi
			groups = append(groups, speakerGroup{Speaker: q.Speaker, Title: titles[q.Speaker]})
		}
		count[q.Speaker]++
		g := &groups[gi]
		key := quoteKey(q.Text)
		merged := false
		for i := range g.Quotes {
			qg := &g.Quotes[i]
			if quoteKey(qg.Text) == key && qg.Kind == q.Kind {
				qg.Articles = append(qg.Articles, q.Article)
				qg.Refs = append(qg.Refs, q)
				if q.Cue != "" && !contains(qg.Cues, q.Cue) {
					qg.Cues = append(qg.Cues, q.Cue)
				}
				merged = true
				break
			}
		}
		if !merged {
			qg := quoteGroup{Text: q.Text, Kind: q.Kind, Articles: []string{q.Article}, Refs: []parallax.QuoteRef{q}}
			if q.Cue != "" {
				qg.Cues = []string{q.Cue}
			}
			g.Quotes = append(g.Quotes, qg)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool {
		gi, gj := groups[i], groups[j]
		if (gi.Speaker == "") != (gj.Speaker == "") {
			return gj.Speaker == ""
		}
		return count[gi.Speaker] > count[gj.Speaker]
	})
	return groups
}

// quoteKey folds case and spacing so that the same words quoted by two
// outlets merge.
func quoteKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func speakerName(name string) string {
	if name == "" {
		return "Unattributed"
	}
	return name
}
