package report

import (
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/parallax-news/parallax"
)

//go:embed html.tmpl
var htmlSource string

// htmlTemplate is parsed once; html/template escapes every value by
// context, which is what keeps hostile article text inert.
var htmlTemplate = template.Must(template.New("brief").Parse(htmlSource))

// HTML writes the brief as one self-contained page (inline CSS and script,
// no external requests). With docs, an article pane shows every article's
// normalized text split into sentences, each a <span id="a{n}-s{start}">
// where n is the article's number in the brief and start the sentence's
// byte offset; activating a fact highlights the sentences it cites in every
// article. docs may be nil: the page then has no article pane.
func HTML(w io.Writer, b *parallax.Brief, docs []*parallax.Document) error {
	if b == nil {
		return errors.New("report: nil brief")
	}
	if err := htmlTemplate.Execute(w, newHTMLPage(b, docs)); err != nil {
		return fmt.Errorf("report: write html: %w", err)
	}
	return nil
}

type htmlPage struct {
	Title        string
	Counts       string
	Articles     []htmlArticle
	Summary      []htmlSummary
	Agreed       []htmlFact
	Disputed     []htmlFact
	DisputedText string
	Single       []htmlFact
	QuoteCount   int
	Speakers     []htmlSpeaker
	UniqueCount  int
	Unique       []htmlUnique
	Wording      []htmlWording
	Timeline     []htmlTimeline
	Problems     []parallax.Problem
	Panes        []htmlPane
}

type htmlArticle struct {
	Num                            int
	Source, Title, Date, URL, Path string
	HasPane                        bool
}

type htmlCite struct {
	Num    int // 0 when the brief does not list the article
	Source string
	Label  string // article id for an unknown article
}

type htmlSummary struct {
	Sentence string
	Cites    []htmlCite
}

type htmlFact struct {
	ID, Status, StatusLabel, Statement, Support, Note string
	Cites                                             []htmlCite
	Targets                                           string // space-separated sentence ids
	Variants                                          []htmlVariant
}

type htmlVariant struct {
	Text, Value, Attribution string
	Compatible               bool
	Outlets                  []htmlCite
	Targets                  string
}

type htmlSpeaker struct {
	Name, Title string
	Quotes      []htmlQuote
}

type htmlQuote struct {
	Text, Kind, Cue string
	Outlets         []htmlCite
	Targets         string
}

type htmlUnique struct {
	Outlet    htmlCite
	Sentences []htmlTargeted
}

type htmlTargeted struct {
	Text, Targets string
}

type htmlWording struct {
	Entity string
	Terms  []htmlTerm
}

type htmlTerm struct {
	Term    string
	Outlets []htmlCite
}

type htmlTimeline struct {
	Date, Granularity, Text, Provenance string
	Cites                               []htmlCite
}

type htmlPane struct {
	Num                 int
	Source, Title, Date string
	Chunks              []htmlChunk
}

// htmlChunk is a run of article text: a sentence (with an id) or the text
// between sentences.
type htmlChunk struct {
	ID    string
	Cited bool
	Text  string
}

// locator turns spans cited in the brief into sentence ids of the article
// pane; it knows nothing when there are no documents.
type locator struct {
	c     *catalog
	docs  map[string]*parallax.Document
	cited map[string]bool
}

// target returns the id of the sentence of article id that holds byte
// offset off, or "".
func (l *locator) target(id string, off int) string {
	d := l.docs[id]
	n := l.c.num[id]
	if d == nil || n == 0 {
		return ""
	}
	i := d.SentenceAt(off)
	if i < 0 {
		return ""
	}
	s := sentenceID(n, d.Sentences[i].Span.Start)
	l.cited[s] = true
	return s
}

func sentenceID(article, start int) string { return fmt.Sprintf("a%d-s%d", article, start) }

// targets joins ids, dropping empty and repeated ones, keeping order.
func targets(ids []string) string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return strings.Join(out, " ")
}

func (l *locator) cites(ids []string) []htmlCite {
	nums, unknown := l.c.numbers(ids)
	out := make([]htmlCite, 0, len(nums)+len(unknown))
	for _, n := range nums {
		out = append(out, htmlCite{Num: n, Source: l.c.refs[n-1].Source})
	}
	for _, u := range unknown {
		out = append(out, htmlCite{Source: u, Label: u})
	}
	return out
}

func newHTMLPage(b *parallax.Brief, docs []*parallax.Document) *htmlPage {
	c := newCatalog(b)
	l := &locator{c: c, docs: map[string]*parallax.Document{}, cited: map[string]bool{}}
	for _, d := range docs {
		if d != nil && d.Article != nil {
			if _, ok := c.num[d.Article.ID]; ok {
				l.docs[d.Article.ID] = d
			}
		}
	}
	outlets, origins := c.counts()
	pg := &htmlPage{
		Counts: fmt.Sprintf("%s from %s, %s",
			plural(len(b.Articles), "article", "articles"),
			plural(outlets, "outlet", "outlets"),
			plural(origins, "independent origin", "independent origins")),
		DisputedText: b.Disputed,
		Problems:     b.Problems,
		QuoteCount:   len(b.Quotes),
	}
	pg.Title = "Parallax brief — " + pg.Counts
	for i, a := range b.Articles {
		_, has := l.docs[a.ID]
		pg.Articles = append(pg.Articles, htmlArticle{
			Num: i + 1, Source: a.Source, Title: a.Title, Date: date(a.Published),
			URL: a.URL, Path: a.Path, HasPane: has && c.num[a.ID] == i+1,
		})
	}
	for _, s := range b.Summary {
		pg.Summary = append(pg.Summary, htmlSummary{Sentence: s.Sentence, Cites: l.cites(s.Articles)})
	}

	agreed, disputed, single := factGroups(b.Facts)
	for _, f := range agreed {
		pg.Agreed = append(pg.Agreed, l.fact(f))
	}
	for _, f := range disputed {
		pg.Disputed = append(pg.Disputed, l.fact(f))
	}
	for _, f := range single {
		pg.Single = append(pg.Single, l.fact(f))
	}

	for _, g := range quotesBySpeaker(b) {
		sp := htmlSpeaker{Name: speakerName(g.Speaker), Title: g.Title}
		for _, q := range g.Quotes {
			var ts []string
			for _, r := range q.Refs {
				ts = append(ts, l.target(r.Article, r.Span.Start))
			}
			sp.Quotes = append(sp.Quotes, htmlQuote{
				Text: q.Text, Kind: q.Kind, Cue: strings.Join(q.Cues, "/"),
				Outlets: l.cites(q.Articles), Targets: targets(ts),
			})
		}
		pg.Speakers = append(pg.Speakers, sp)
	}

	for _, u := range b.Unique {
		hu := htmlUnique{}
		if cs := l.cites([]string{u.Article}); len(cs) > 0 {
			hu.Outlet = cs[0]
		}
		for _, s := range u.Sentences {
			hu.Sentences = append(hu.Sentences, htmlTargeted{Text: s.Text, Targets: l.target(u.Article, s.Span.Start)})
		}
		pg.UniqueCount += len(u.Sentences)
		pg.Unique = append(pg.Unique, hu)
	}

	for _, w := range b.Wording {
		hw := htmlWording{Entity: w.Entity}
		for _, t := range w.Variants {
			hw.Terms = append(hw.Terms, htmlTerm{Term: t.Term, Outlets: l.cites(t.Articles)})
		}
		pg.Wording = append(pg.Wording, hw)
	}
	for _, t := range b.Timeline {
		pg.Timeline = append(pg.Timeline, htmlTimeline{
			Date: t.Date, Granularity: t.Granularity, Text: t.Text,
			Provenance: t.Provenance, Cites: l.cites(t.Articles),
		})
	}

	// Panes last: by now the locator knows which sentences are cited.
	for i, a := range b.Articles {
		d, ok := l.docs[a.ID]
		if !ok || c.num[a.ID] != i+1 {
			continue
		}
		pg.Panes = append(pg.Panes, htmlPane{
			Num: i + 1, Source: a.Source, Title: a.Title, Date: date(a.Published),
			Chunks: chunks(d, i+1, l.cited),
		})
	}
	return pg
}

func (l *locator) fact(f *parallax.Fact) htmlFact {
	hf := htmlFact{
		ID: f.ID, Status: string(f.Status), StatusLabel: statusLabel(f.Status),
		Statement: f.Statement, Support: strings.Trim(support(f), "()"),
		Cites: l.cites(claimArticles(f)),
	}
	switch f.Status {
	case parallax.Conflict, parallax.AttributionSplit:
		hf.Note = disputeLabel(f)
	case parallax.SingleSource:
		hf.Note = strings.TrimPrefix(attributedTo(f), ", ")
	}
	ts := make([]string, 0, len(f.Claims))
	for _, c := range f.Claims {
		ts = append(ts, l.target(c.Article, c.Span.Start))
	}
	hf.Targets = targets(ts)
	for _, v := range f.Variants {
		// A variant cites the fact's claims made by the variant's articles.
		var vts []string
		for _, c := range f.Claims {
			if contains(v.Articles, c.Article) {
				vts = append(vts, l.target(c.Article, c.Span.Start))
			}
		}
		hf.Variants = append(hf.Variants, htmlVariant{
			Text: v.Text, Value: variantValue(v.Value), Attribution: variantAttribution(l.c, &v), Compatible: v.Compatible,
			Outlets: l.cites(v.Articles), Targets: targets(vts),
		})
	}
	return hf
}

// chunks splits d.Text into sentences and the text between them. Spans
// that overlap, run backwards or leave the text are skipped, and chunks are
// made valid UTF-8, so a faulty upstream stage cannot break the page.
func chunks(d *parallax.Document, num int, cited map[string]bool) []htmlChunk {
	sents := make([]parallax.Span, 0, len(d.Sentences))
	for _, s := range d.Sentences {
		sents = append(sents, s.Span)
	}
	sort.SliceStable(sents, func(i, j int) bool { return sents[i].Start < sents[j].Start })
	var out []htmlChunk
	pos := 0
	for _, s := range sents {
		if s.Start < pos || s.End <= s.Start || s.End > len(d.Text) {
			continue
		}
		if s.Start > pos {
			out = append(out, htmlChunk{Text: strings.ToValidUTF8(d.Text[pos:s.Start], "\uFFFD")})
		}
		id := sentenceID(num, s.Start)
		out = append(out, htmlChunk{ID: id, Cited: cited[id], Text: strings.ToValidUTF8(d.Text[s.Start:s.End], "\uFFFD")})
		pos = s.End
	}
	if pos < len(d.Text) {
		out = append(out, htmlChunk{Text: strings.ToValidUTF8(d.Text[pos:], "\uFFFD")})
	}
	return out
}
