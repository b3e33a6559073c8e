package reconcile

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// A fixture is an article written with inline marks for what the
// per-article stages would find, so that reconcile is tested on its own:
//
//	{{90-minute|q:duration:minute:90:90}}            quantity lo hi [qualifier [scope]]
//	{{more than two hours|q:duration:minute:120:inf:more_than}}
//	{{Tuesday|d:2026-03-03:day:publication}}          date value granularity [anchor]
//	{{the Kremlin said|a:kremlin}}                    attribution cue; source by entity key
//	{{the ministry said|u:the ministry}}              attribution to a source no entity names
//	{{We will cooperate|qt:wisniewski}}               direct quote; speaker by entity key
//
// Entities come from a cast: every occurrence of one of an entity's forms
// is a mention. Paragraphs are separated by blank lines and sentences end
// at ". ", "! ", "? " (fixtures avoid abbreviations).
type fixture struct {
	id, source, published string
	text                  string
}

// castMember is an entity the fixtures may mention.
type castMember struct {
	key   string
	typ   parallax.EntityType
	forms []string // longest first is not required
}

var mark = regexp.MustCompile(`\{\{([^|{}]*)\|([^{}]*)\}\}`)

var sentenceEnd = regexp.MustCompile(`[.!?]["”]?(\s|$)`)

type pendingMark struct {
	span parallax.Span
	spec []string
}

func build(t testing.TB, f fixture, cast []castMember) *parallax.Document {
	t.Helper()
	var plain strings.Builder
	var marks []pendingMark
	last := 0
	for _, m := range mark.FindAllStringSubmatchIndex(f.text, -1) {
		plain.WriteString(f.text[last:m[0]])
		start := plain.Len()
		plain.WriteString(f.text[m[2]:m[3]])
		marks = append(marks, pendingMark{parallax.Span{Start: start, End: plain.Len()}, strings.Split(f.text[m[4]:m[5]], ":")})
		last = m[1]
	}
	plain.WriteString(f.text[last:])
	text := plain.String()

	art := &parallax.Article{ID: f.id, Source: f.source, Title: f.id + " title", Body: text}
	if f.published != "" {
		p, err := time.Parse(time.RFC3339, f.published)
		if err != nil {
			t.Fatal(err)
		}
		art.Published = p
	}
	d := &parallax.Document{Article: art, Text: text}

	// Paragraphs and sentences.
	start := 0
	for _, p := range strings.SplitAfter(text, "\n\n") {
		body := strings.TrimRight(p, "\n")
		sp := parallax.Span{Start: start, End: start + len(body)}
		start += len(p)
		if sp.Len() == 0 {
			continue
		}
		d.Paragraphs = append(d.Paragraphs, sp)
		s := sp.Start
		for _, m := range sentenceEnd.FindAllStringIndex(text[sp.Start:sp.End], -1) {
			end := sp.Start + m[0] + 1
			if end < sp.End && text[end] == '"' {
				end++
			}
			d.Sentences = append(d.Sentences, parallax.Sentence{Span: parallax.Span{Start: s, End: end}, Paragraph: len(d.Paragraphs) - 1})
			s = sp.Start + m[1]
		}
		if s < sp.End {
			d.Sentences = append(d.Sentences, parallax.Sentence{Span: parallax.Span{Start: s, End: sp.End}, Paragraph: len(d.Paragraphs) - 1})
		}
	}

	// Entities: longest forms claim their text first.
	type form struct {
		member int
		text   string
	}
	var forms []form
	for i, c := range cast {
		for _, f := range c.forms {
			forms = append(forms, form{i, f})
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	taken := make([]bool, len(text))
	found := map[int][]parallax.Span{}
	aliases := map[int][]string{}
	for _, f := range forms {
		for from := 0; ; {
			i := strings.Index(text[from:], f.text)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(f.text)
			from = e
			if (s > 0 && isWordByte(text[s-1])) || (e < len(text) && isWordByte(text[e])) || taken[s] || taken[e-1] {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			found[f.member] = append(found[f.member], parallax.Span{Start: s, End: e})
			if !contains(aliases[f.member], f.text) {
				aliases[f.member] = append(aliases[f.member], f.text)
			}
		}
	}
	entIndex := map[string]int{}
	for i, c := range cast {
		ms := found[i]
		if len(ms) == 0 {
			continue
		}
		sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
		name := ""
		for _, a := range aliases[i] {
			if len(a) > len(name) {
				name = a
			}
		}
		entIndex[c.key] = len(d.Entities)
		d.Entities = append(d.Entities, parallax.Entity{Name: name, Type: c.typ, Aliases: aliases[i], Mentions: ms, Key: c.key})
	}

	sentenceOf := func(sp parallax.Span) parallax.Span {
		if i := d.SentenceAt(sp.Start); i >= 0 {
			return d.Sentences[i].Span
		}
		t.Fatalf("%s: mark %v outside sentences", f.id, sp)
		return sp
	}
	for _, m := range marks {
		switch m.spec[0] {
		case "q":
			q := parallax.Quantity{Span: m.span, Dimension: parallax.Dimension(m.spec[1]), Unit: m.spec[2]}
			q.Value = parallax.Interval{Lo: num(t, m.spec[3]), Hi: num(t, m.spec[4])}
			if len(m.spec) > 5 {
				q.Qualifier = m.spec[5]
				q.Value.LoOpen = q.Qualifier == "more_than"
				q.Value.HiOpen = q.Qualifier == "less_than"
			}
			if len(m.spec) > 6 {
				q.Scope = m.spec[6]
			}
			d.Quantities = append(d.Quantities, q)
		case "d":
			v, err := time.Parse("2006-01-02", m.spec[1])
			if err != nil {
				t.Fatal(err)
			}
			dt := parallax.Date{Span: m.span, Value: v, Granularity: parallax.Granularity(m.spec[2]), Anchor: "absolute"}
			if len(m.spec) > 3 {
				dt.Anchor = m.spec[3]
			}
			d.Dates = append(d.Dates, dt)
		case "a":
			src, ok := entIndex[m.spec[1]]
			if !ok {
				t.Fatalf("%s: attribution to %q, not mentioned", f.id, m.spec[1])
			}
			var srcSpan parallax.Span
			for _, ms := range d.Entities[src].Mentions {
				if m.span.Contains(ms) {
					srcSpan = ms
				}
			}
			d.Attributions = append(d.Attributions, parallax.Attribution{Source: src, SourceSpan: srcSpan, Cue: m.span, Content: sentenceOf(m.span)})
		case "u":
			i := strings.Index(text[m.span.Start:m.span.End], m.spec[1])
			if i < 0 {
				t.Fatalf("%s: source %q not in %q", f.id, m.spec[1], text[m.span.Start:m.span.End])
			}
			src := parallax.Span{Start: m.span.Start + i, End: m.span.Start + i + len(m.spec[1])}
			d.Attributions = append(d.Attributions, parallax.Attribution{Source: -1, SourceSpan: src, Cue: m.span, Content: sentenceOf(m.span)})
		case "qt":
			spk, ok := entIndex[m.spec[1]]
			if !ok {
				t.Fatalf("%s: quote by %q, not mentioned", f.id, m.spec[1])
			}
			q := parallax.Quote{Span: m.span, Kind: parallax.Direct, Speaker: spk}
			sent := sentenceOf(m.span)
			if sent.End < m.span.End {
				t.Fatalf("%s: quote %v spans sentences", f.id, m.span)
			}
			if i := strings.Index(text[m.span.End:sent.End], "said"); i >= 0 {
				q.Cue = parallax.Span{Start: m.span.End + i, End: m.span.End + i + 4}
			}
			for _, ms := range d.Entities[spk].Mentions {
				if sent.Contains(ms) {
					q.SpeakerSpan = ms
				}
			}
			d.Quotes = append(d.Quotes, q)
		default:
			t.Fatalf("%s: unknown mark %q", f.id, m.spec)
		}
	}
	sort.Slice(d.Quantities, func(i, j int) bool { return d.Quantities[i].Span.Start < d.Quantities[j].Span.Start })
	sort.Slice(d.Dates, func(i, j int) bool { return d.Dates[i].Span.Start < d.Dates[j].Span.Start })
	return d
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

func num(t testing.TB, s string) float64 {
	if s == "inf" {
		return math.Inf(1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func buildAll(t testing.TB, fs []fixture, cast []castMember) []*parallax.Document {
	t.Helper()
	out := make([]*parallax.Document, len(fs))
	for i, f := range fs {
		out[i] = build(t, f, cast)
	}
	return out
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
