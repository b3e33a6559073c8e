package quote

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
)

// ent describes a test entity: its name, type, title and the surface forms
// to mark as mentions wherever they occur as whole words.
type ent struct {
	name  string
	typ   parallax.EntityType
	title string
	forms []string
}

func person(name string, forms ...string) ent {
	return ent{name: name, typ: parallax.Person, forms: append([]string{name}, forms...)}
}

func gov(name string, forms ...string) ent {
	return ent{name: name, typ: parallax.Government, forms: append([]string{name}, forms...)}
}

func org(name string, forms ...string) ent {
	return ent{name: name, typ: parallax.Organization, forms: append([]string{name}, forms...)}
}

func place(name string, forms ...string) ent {
	return ent{name: name, typ: parallax.Place, forms: append([]string{name}, forms...)}
}

func (e ent) titled(t string) ent { e.title = t; return e }

// newDoc builds a Document the way the upstream stages would, naively:
// paragraphs split on blank lines, sentences split after . ! ? (and a
// closing quote) before a space, except after abbreviations such as
// "U.S." or "Mr.", and entity mentions at every whole-word occurrence of
// their forms, longest forms first, never overlapping.
func newDoc(text string, ents ...ent) *parallax.Document {
	doc := &parallax.Document{Text: text}
	start := 0
	for start <= len(text) {
		i := strings.Index(text[start:], "\n\n")
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		if end > start {
			doc.Paragraphs = append(doc.Paragraphs, parallax.Span{Start: start, End: end})
		}
		if i < 0 {
			break
		}
		start = end + 2
	}
	for pi, p := range doc.Paragraphs {
		s := p.Start
		for i := p.Start; i < p.End; i++ {
			c := text[i]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			j := i + 1
			for j < p.End && (text[j] == '"' || text[j] == '\'') {
				j++
			}
			if j >= p.End || text[j] != ' ' || (c == '.' && abbreviation(text[s:i])) {
				continue
			}
			doc.Sentences = append(doc.Sentences, parallax.Sentence{Span: parallax.Span{Start: s, End: j}, Paragraph: pi})
			s = j + 1
			i = j
		}
		if s < p.End {
			doc.Sentences = append(doc.Sentences, parallax.Sentence{Span: parallax.Span{Start: s, End: p.End}, Paragraph: pi})
		}
	}
	type form struct {
		text string
		ent  int
	}
	var forms []form
	for ei, e := range ents {
		doc.Entities = append(doc.Entities, parallax.Entity{Name: e.name, Type: e.typ, Title: e.title, Aliases: e.forms})
		for _, f := range e.forms {
			forms = append(forms, form{f, ei})
		}
	}
	slices.SortStableFunc(forms, func(x, y form) int { return len(y.text) - len(x.text) })
	var taken []parallax.Span
	for _, f := range forms {
		for off := 0; ; {
			i := strings.Index(text[off:], f.text)
			if i < 0 {
				break
			}
			s := parallax.Span{Start: off + i, End: off + i + len(f.text)}
			off = s.End
			if s.Start > 0 && isWordByte(text[s.Start-1]) || s.End < len(text) && isWordByte(text[s.End]) {
				continue
			}
			if slices.ContainsFunc(taken, s.Overlaps) {
				continue
			}
			taken = append(taken, s)
			m := &doc.Entities[f.ent].Mentions
			*m = append(*m, s)
		}
	}
	for i := range doc.Entities {
		slices.SortFunc(doc.Entities[i].Mentions, func(x, y parallax.Span) int { return x.Start - y.Start })
	}
	return doc
}

// abbreviation reports whether the text before a period ends in an
// abbreviation ("U.S", "Mr", a single initial).
func abbreviation(before string) bool {
	k := strings.LastIndexAny(before, " \n\"(")
	w := before[k+1:]
	if strings.Contains(w, ".") || len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Jr", "Sr", "No", "Inc", "Corp":
		return true
	}
	return false
}
