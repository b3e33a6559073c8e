// Package gold owns Parallax's own gold set: fictional stories, each told
// by several fictional outlets, with hand-written labels of what a careful
// reader finds in them — which facts are corroborated or reported by one
// origin only, which numbers conflict, which variants follow who is cited,
// which articles are copies of one another, what only one outlet reports,
// which dates are written two ways and which names are spelled two ways.
// Score runs the whole pipeline on every story and measures the Brief
// against the labels; the labels never look at what the pipeline outputs.
//
// # Layout
//
// Each story is a directory holding labels.json and the articles, by
// default in articles/ next to it (JSON records like
// examples/kessling-fire; any format input.Load reads):
//
//	testdata/<story>/labels.json
//	testdata/<story>/articles/*.json
//
// # Label format
//
// labels.json is one object:
//
//	story        name of the story
//	description  what happened and who reports it, for reviewers
//	articles     optional directory of the articles, relative to the
//	             labels file ("articles" when empty)
//	origins      the articles grouped by origin: every article id exactly
//	             once; copies (syndicated or lightly edited) share a group
//	facts        facts that matter, each {id, status, description,
//	             claims, variants}; status is corroborated, single_source,
//	             conflict or attribution_split. claims cite every sentence
//	             that states the fact; for conflict and attribution_split
//	             the incompatible versions are variants {value, source,
//	             claims} — claims within one variant agree, claims of
//	             different variants do not — and the fact's own claims are
//	             sentences compatible with every variant.
//	must_not_conflict  pairs {why, a, b} of cites whose values are
//	             compatible although written differently ("at least 40"
//	             and "52")
//	unique       per article {article, sentences, partly}: sentences whose
//	             content no other origin reports, listed under every
//	             article of the origin that carries them; partly lists
//	             sentences that are only partly reported elsewhere, which
//	             are neither required nor penalized
//	dates        events dated in more than one way {id, date (YYYY-MM-DD),
//	             mentions: {article, written, sentence}}
//	spellings    names written differently {forms: ["Ørjan Søberg",
//	             "Orjan Soberg"]}
//
// A cite is {article, sentence, value}: the article id, a substring of
// exactly one sentence of that article as written (quote marks, dashes,
// spacing and letter case do not matter) and optionally the words that
// state the value, a substring of sentence. Cites are resolved to the
// sentences of the analyzed Document that the substring overlaps, and
// everything is matched by those sentence spans — never by fact ids or
// fact order, which are the pipeline's own. Because of that, a sentence
// should stand for one labelled fact only; Compare notes it when two
// labelled facts cite one sentence.
//
// testdata/example/kessling-fire holds labels for the bundled example in
// the same format; its articles field points at examples/kessling-fire.
package gold

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax"
)

// Labels is one story's gold labels, as read from labels.json.
type Labels struct {
	Story           string      `json:"story"`
	Description     string      `json:"description"`
	Articles        string      `json:"articles,omitempty"`
	Origins         [][]string  `json:"origins"`
	Facts           []Fact      `json:"facts"`
	MustNotConflict []Pair      `json:"must_not_conflict"`
	Unique          []Unique    `json:"unique"`
	Dates           []DateEvent `json:"dates"`
	Spellings       []Spelling  `json:"spellings"`
}

// Cite points at one sentence of one article.
type Cite struct {
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
	Value    string `json:"value,omitempty"`
}

// Fact is one labelled fact.
type Fact struct {
	ID          string              `json:"id"`
	Status      parallax.FactStatus `json:"status"`
	Description string              `json:"description"`
	Claims      []Cite              `json:"claims,omitempty"`
	Variants    []Variant           `json:"variants,omitempty"`
}

// Disputed reports whether the fact is a conflict or an attribution split.
func (f *Fact) Disputed() bool {
	return f.Status == parallax.Conflict || f.Status == parallax.AttributionSplit
}

// Variant is one version of a disputed fact.
type Variant struct {
	Value  string `json:"value"`
	Source string `json:"source,omitempty"` // who is cited for it, for splits
	Claims []Cite `json:"claims"`
}

// Pair is two cites whose values must not be reported as conflicting.
type Pair struct {
	Why string `json:"why"`
	A   Cite   `json:"a"`
	B   Cite   `json:"b"`
}

// Unique is what only one article's origin reports.
type Unique struct {
	Article   string   `json:"article"`
	Sentences []string `json:"sentences"`
	Partly    []string `json:"partly,omitempty"`
}

// DateEvent is one event dated by several outlets, possibly in different
// words ("Saturday", "April 18").
type DateEvent struct {
	ID       string        `json:"id"`
	Date     string        `json:"date"`
	Mentions []DateMention `json:"mentions"`
}

// DateMention is how one article writes an event's date.
type DateMention struct {
	Article  string `json:"article"`
	Written  string `json:"written"`
	Sentence string `json:"sentence"`
}

// Spelling is one name written in several ways.
type Spelling struct {
	Forms []string `json:"forms"`
}

// LabelsFile is the name of a story's label file.
const LabelsFile = "labels.json"

// ReadLabels reads and checks the shape of a labels file.
func ReadLabels(path string) (*Labels, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var l Labels
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := l.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &l, nil
}

// ArticlesDir is the directory holding the story's articles, given the
// directory of its labels file.
func (l *Labels) ArticlesDir(storyDir string) string {
	if l.Articles == "" {
		return filepath.Join(storyDir, "articles")
	}
	return filepath.Join(storyDir, filepath.FromSlash(l.Articles))
}

// check verifies what can be verified without the articles: statuses,
// variants where they belong, values inside their sentences, each article
// in one origin group.
func (l *Labels) check() error {
	var errs []string
	bad := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	inOrigin := map[string]bool{}
	for _, g := range l.Origins {
		for _, id := range g {
			if inOrigin[id] {
				bad("article %q in two origin groups", id)
			}
			inOrigin[id] = true
		}
	}
	cite := func(where string, c Cite) {
		if !inOrigin[c.Article] {
			bad("%s: article %q is in no origin group", where, c.Article)
		}
		if strings.TrimSpace(c.Sentence) == "" {
			bad("%s: empty sentence", where)
		}
		if c.Value != "" && !strings.Contains(canon(c.Sentence), canon(c.Value)) {
			bad("%s: value %q not in sentence %q", where, c.Value, c.Sentence)
		}
	}
	ids := map[string]bool{}
	for _, f := range l.Facts {
		if ids[f.ID] {
			bad("fact %q twice", f.ID)
		}
		ids[f.ID] = true
		switch f.Status {
		case parallax.Corroborated, parallax.SingleSource:
			if len(f.Variants) > 0 {
				bad("fact %q: %s with variants", f.ID, f.Status)
			}
			if len(f.Claims) == 0 {
				bad("fact %q: no claims", f.ID)
			}
		case parallax.Conflict, parallax.AttributionSplit:
			if len(f.Variants) < 2 {
				bad("fact %q: %s needs at least two variants", f.ID, f.Status)
			}
			for _, v := range f.Variants {
				if len(v.Claims) == 0 {
					bad("fact %q: variant %q has no claims", f.ID, v.Value)
				}
				for _, c := range v.Claims {
					cite("fact "+f.ID, c)
				}
			}
		default:
			bad("fact %q: unknown status %q", f.ID, f.Status)
		}
		for _, c := range f.Claims {
			cite("fact "+f.ID, c)
		}
	}
	for i, p := range l.MustNotConflict {
		cite(fmt.Sprint("must_not_conflict ", i), p.A)
		cite(fmt.Sprint("must_not_conflict ", i), p.B)
	}
	for _, u := range l.Unique {
		if !inOrigin[u.Article] {
			bad("unique: article %q is in no origin group", u.Article)
		}
	}
	for _, d := range l.Dates {
		if len(d.Mentions) < 2 {
			bad("date %q: fewer than two mentions", d.ID)
		}
		for _, m := range d.Mentions {
			// The written form is checked against the whole sentence once
			// the articles are read: the key need not contain it.
			cite("date "+d.ID, Cite{Article: m.Article, Sentence: m.Sentence})
			if strings.TrimSpace(m.Written) == "" {
				bad("date %q: empty written form", d.ID)
			}
		}
	}
	for _, s := range l.Spellings {
		if len(s.Forms) < 2 {
			bad("spelling %v: fewer than two forms", s.Forms)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("bad labels:\n\t%s", strings.Join(errs, "\n\t"))
	}
	return nil
}
