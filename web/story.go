package web

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/parallax-news/parallax"
)

// storyPage is everything the story template shows. Lists the page repeats
// per item carry finished strings (and citations their finished markup), so
// the template does field reads instead of calls.
type storyPage struct {
	ID          string
	Title       string
	First, Last time.Time
	Articles    int
	Outlets     int
	Independent int // -1 without a brief
	HasBrief    bool
	Legend      []legendEntry

	Summary  []citedLine
	Disputed string
	Disputes []dispute
	Agreed   []factView
	Single   []factView
	Speakers []speaker
	Unique   []uniqueView
	Wording  []wordingView
	Timeline []timelineRow
	Chart    *chartData
	Entities []entityLink
	List     []articleRow
	Problems []parallax.Problem
	// Missing notes parts the store could not give; the page shows the rest.
	Missing []string
}

type legendEntry struct {
	Outlet   string
	Class    string // the CSS class carrying the outlet's color
	Articles int
}

type citedLine struct {
	Text  string
	Cites template.HTML
}

type dispute struct {
	ID        string
	Status    string // "conflict" or "attribution_split"
	Label     string
	Kind      string
	Statement string
	Variants  []variantView
}

type variantView struct {
	Text  string
	Value string
	// AttributedTo lists the cited sources, comma-separated; Attributed
	// says there are any (a source may have no name).
	AttributedTo string
	Attributed   bool
	Compatible   bool
	Cites        template.HTML
}

type factView struct {
	ID          string
	Statement   string
	Outlets     string // "3 outlets"
	Independent string // "2 independent sources"
	Cites       template.HTML
}

type speaker struct {
	Name     string // "" when unknown
	IsEntity bool
	// QuotesHref and EntityHref link the speaker's quotes and entity pages.
	QuotesHref, EntityHref string
	Quotes                 []quoteView
}

type quoteView struct {
	Text   string
	Direct bool
	Cue    string
	// cites lists every article printing the same words: syndicated copies
	// and outlets quoting the same statement.
	cites []citeLink
	Cites template.HTML
}

type uniqueView struct {
	// Class, Outlet and Title describe the article.
	Class, Outlet, Title string
	Sentences            []citedText
}

type citedText struct {
	Text string
	Href string
}

type wordingView struct {
	Entity string
	Terms  []citedLine
}

type timelineRow struct {
	Date       string // as the brief has it
	Label      string // for reading
	Text       string
	Provenance string
	Cites      template.HTML
}

type entityLink struct {
	Name     string
	Href     string
	Type     string
	Title    string
	Mentions string // "4 mentions"
	Articles string // "2 articles"
}

type articleRow struct {
	ID        string
	Href      string
	Title     string
	Outlet    string
	Color     int
	Class     string // the CSS class carrying the outlet's color
	Published time.Time
	// PublishedISO and PublishedText write Published for <time>; "" when
	// it is unknown.
	PublishedISO, PublishedText string
	Author                      string
	URL                         string
	// Origin names the outlet of the report this one copies, "" when it
	// is independent.
	Origin string
	Host   string // the host of URL, for the link's text
}

// storyMissingArticles is what the story page notes when the store could
// not give the story's articles.
const storyMissingArticles = "the story's stored articles (the list below comes from its brief)"

func (s *server) story(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, raw, err := s.store.StoryBriefJSON(r.Context(), id)
	if err != nil {
		s.storeFailed(w, r, "story", err)
		return
	}
	version := storyVersion(st, raw)
	if page, ok := s.storyPages.get(id, version); ok {
		writeHTMLString(w, http.StatusOK, page)
		return
	}
	var brief *parallax.Brief
	if raw != nil {
		brief = new(parallax.Brief)
		if err := json.Unmarshal(raw, brief); err != nil {
			s.storeFailed(w, r, "story", fmt.Errorf("story %s: brief: %w", id, err))
			return
		}
	}
	p := s.storyPage(st, brief, func() ([]*parallax.Article, error) {
		arts, err := s.store.StoryArticles(r.Context(), id)
		if err != nil {
			s.log.Error("store", "what", "story articles", "story", id, "err", err)
		}
		return arts, err
	})
	var keep func([]byte)
	if len(p.Missing) == 0 {
		keep = func(page []byte) { s.storyPages.put(id, version, page) }
	}
	s.renderThen(w, r, http.StatusOK, "story", layoutData{Title: p.Title, Chart: p.Chart != nil, Page: p}, keep)
}

// storyVersion identifies what a story page shows: the story as stored, its
// list of articles (stored articles never change) and its brief.
func storyVersion(st parallax.Story, brief []byte) uint64 {
	d := xxhash.New()
	for _, s := range []string{st.ID, st.Title, st.First.Format(time.RFC3339Nano), st.Last.Format(time.RFC3339Nano),
		st.UpdatedAt.Format(time.RFC3339Nano), strconv.Itoa(st.Outlets), strconv.Itoa(st.Independent), strconv.Itoa(len(st.Articles))} {
		d.WriteString(s)
		d.Write([]byte{0})
	}
	for _, a := range st.Articles {
		d.WriteString(a)
		d.Write([]byte{0})
	}
	if brief == nil {
		d.Write([]byte{1})
	}
	d.Write(brief)
	return d.Sum64()
}

// storyPage builds the view of one story. load gives the story's stored
// articles; it is called only when the brief does not describe every
// article of the story or a citation must be searched for in their text,
// and at most once. When it fails the page says so and shows the rest.
func (s *server) storyPage(st parallax.Story, b *parallax.Brief, load func() ([]*parallax.Article, error)) storyPage {
	var (
		arts   []*parallax.Article
		loaded bool
		failed bool
		byID   map[string]*parallax.Article
	)
	fetch := func() []*parallax.Article {
		if !loaded {
			loaded = true
			var err error
			if arts, err = load(); err != nil {
				arts, failed = nil, true
			}
		}
		return arts
	}
	bodies := func() map[string]*parallax.Article {
		if byID == nil {
			byID = map[string]*parallax.Article{}
			for _, a := range fetch() {
				byID[a.ID] = a
			}
		}
		return byID
	}

	refs, covered := briefCovers(st, b)
	if !covered {
		fetch()
	}
	c := newCiter(s, b, arts, bodies)
	p := storyPage{ID: st.ID, Title: st.Title, First: st.First, Last: st.Last, Independent: -1, HasBrief: b != nil}
	if p.Title == "" && covered {
		p.Title = refs[0].Title
	}
	if p.Title == "" && len(arts) > 0 {
		p.Title = arts[0].Title
	}
	if p.Title == "" && b != nil && len(b.Articles) > 0 {
		p.Title = b.Articles[0].Title
	}
	if p.Title == "" {
		p.Title = "Story " + st.ID
	}

	if covered {
		p.List = briefRows(c, b, refs)
	} else {
		p.List = articleRows(c, b, arts)
	}
	p.Articles = len(p.List)
	counts := map[string]int{}
	var order []string
	for _, a := range p.List {
		if counts[a.Outlet] == 0 {
			order = append(order, a.Outlet)
		}
		counts[a.Outlet]++
	}
	p.Outlets = len(order)
	for _, o := range order {
		p.Legend = append(p.Legend, legendEntry{Outlet: o, Class: colorClass(c.colors[o]), Articles: counts[o]})
	}
	if b != nil {
		s.briefSections(&p, c, b)
	}
	if failed {
		p.Missing = append(p.Missing, storyMissingArticles)
	}
	return p
}

// briefSections fills the parts of the story page that come from its brief.
func (s *server) briefSections(p *storyPage, c *citer, b *parallax.Brief) {
	origins := map[string]bool{}
	for _, r := range b.Articles {
		origins[cmp.Or(r.Origin, r.ID)] = true
	}
	p.Independent = len(origins)
	p.Disputed = b.Disputed
	p.Problems = b.Problems

	facts := make(map[string]*parallax.Fact, len(b.Facts))
	for i := range b.Facts {
		facts[b.Facts[i].Statement] = &b.Facts[i]
	}
	var cs []citeLink
	for _, l := range b.Summary {
		f := facts[l.Sentence]
		cs = cs[:0]
		for _, a := range l.Articles {
			if f != nil {
				if ct, ok := c.claimOf(f, a, ""); ok {
					cs = append(cs, ct)
					continue
				}
			}
			cs = append(cs, c.find(a, l.Sentence))
		}
		p.Summary = append(p.Summary, citedLine{Text: l.Sentence, Cites: c.cites(cs)})
	}

	for i := range b.Facts {
		f := &b.Facts[i]
		switch f.Status {
		case parallax.Conflict, parallax.AttributionSplit:
			p.Disputes = append(p.Disputes, disputeView(c, f))
		case parallax.Corroborated:
			p.Agreed = append(p.Agreed, factOf(c, f))
		case parallax.SingleSource:
			p.Single = append(p.Single, factOf(c, f))
		}
	}

	p.Speakers = speakers(c, b)
	for _, u := range b.Unique {
		src := c.source(u.Article)
		v := uniqueView{Class: colorClass(src.color), Outlet: src.outlet, Title: src.title}
		for _, sn := range u.Sentences {
			v.Sentences = append(v.Sentences, citedText{Text: sn.Text, Href: c.at(u.Article, sn.Span).href()})
		}
		if len(v.Sentences) > 0 {
			p.Unique = append(p.Unique, v)
		}
	}
	for _, wd := range b.Wording {
		v := wordingView{Entity: wd.Entity}
		for _, t := range wd.Variants {
			cs = cs[:0]
			for _, a := range t.Articles {
				cs = append(cs, c.find(a, t.Term))
			}
			v.Terms = append(v.Terms, citedLine{Text: t.Term, Cites: c.cites(cs)})
		}
		p.Wording = append(p.Wording, v)
	}
	for _, e := range b.Timeline {
		cs = cs[:0]
		for _, a := range e.Articles {
			cs = append(cs, c.related(a, e.Text))
		}
		p.Timeline = append(p.Timeline, timelineRow{
			Date: e.Date, Label: dateLabel(e.Date, e.Granularity), Text: e.Text, Provenance: e.Provenance, Cites: c.cites(cs),
		})
	}
	p.Chart = chartOf(b.Timeline, p.List)
	for _, e := range b.Entities {
		p.Entities = append(p.Entities, entityLink{
			Name: e.Name, Href: s.link("entities", e.Name), Type: e.Type, Title: e.Title,
			Mentions: plural(e.Mentions, "mention", "mentions"), Articles: plural(len(e.Articles), "article", "articles"),
		})
	}
}

// briefCovers returns, in the story's order, the brief's references to
// every article of the story, and whether it has them all: then the page
// needs no stored article to list them. A brief made before the story's
// latest articles arrived does not cover it.
func briefCovers(st parallax.Story, b *parallax.Brief) ([]parallax.ArticleRef, bool) {
	if b == nil || len(st.Articles) == 0 {
		return nil, false
	}
	byID := make(map[string]int, len(b.Articles))
	for i, r := range b.Articles {
		byID[r.ID] = i
	}
	out := make([]parallax.ArticleRef, 0, len(st.Articles))
	for _, id := range st.Articles {
		i, ok := byID[id]
		if !ok {
			return nil, false
		}
		r := b.Articles[i]
		if r.Published != "" {
			if _, err := time.Parse(time.RFC3339, r.Published); err != nil {
				return nil, false
			}
		}
		out = append(out, r)
	}
	return out, true
}

// articleRows lists the story's articles: the stored ones in ingest order,
// or the brief's references when the store could not give them.
func articleRows(c *citer, b *parallax.Brief, arts []*parallax.Article) []articleRow {
	if arts != nil {
		out := make([]articleRow, 0, len(arts))
		origin := origins(b)
		for _, a := range arts {
			out = append(out, c.articleRow(origin, a.ID, a.Title, a.URL, a.Author, a.Published))
		}
		return out
	}
	if b != nil {
		return briefRows(c, b, b.Articles)
	}
	return nil
}

// briefRows lists refs, the brief's references to the story's articles.
func briefRows(c *citer, b *parallax.Brief, refs []parallax.ArticleRef) []articleRow {
	out := make([]articleRow, 0, len(refs))
	origin := origins(b)
	for _, r := range refs {
		t, _ := time.Parse(time.RFC3339, r.Published)
		out = append(out, c.articleRow(origin, r.ID, r.Title, r.URL, r.Author, t))
	}
	return out
}

// origins maps each syndicated copy of a brief to the article it copies.
func origins(b *parallax.Brief) map[string]string {
	origin := map[string]string{}
	if b != nil {
		for _, r := range b.Articles {
			if r.Origin != "" && r.Origin != r.ID {
				origin[r.ID] = r.Origin
			}
		}
	}
	return origin
}

func (c *citer) articleRow(origin map[string]string, id, title, link, author string, pub time.Time) articleRow {
	src := c.source(id)
	row := articleRow{
		ID: id, Href: src.href, Title: cmp.Or(title, id), Outlet: src.outlet, Color: src.color, Class: colorClass(src.color),
		Published: pub, PublishedISO: iso(pub), PublishedText: when(pub), Author: author, URL: link, Host: parallax.SiteName(link),
	}
	if o, ok := origin[id]; ok {
		row.Origin = c.outlet(o)
	}
	return row
}

func factOf(c *citer, f *parallax.Fact) factView {
	v := factView{
		ID: f.ID, Statement: f.Statement,
		Outlets: plural(f.Outlets, "outlet", "outlets"), Independent: sources(f.Independent),
	}
	cs := make([]citeLink, 0, len(f.Claims))
	for _, cl := range f.Claims {
		if slices.ContainsFunc(cs, func(o citeLink) bool { return o.src.id == cl.Article }) {
			continue
		}
		cs = append(cs, c.at(cl.Article, cl.Span))
	}
	v.Cites = c.cites(cs)
	return v
}

func disputeView(c *citer, f *parallax.Fact) dispute {
	d := dispute{ID: f.ID, Status: string(f.Status), Kind: f.Kind, Statement: f.Statement}
	switch f.Status {
	case parallax.Conflict:
		d.Label = "Sources give different " + cmp.Or(kindWords[f.Kind], "versions")
	default:
		d.Label = "The figure depends on who is cited"
	}
	var cs []citeLink
	for _, vr := range f.Variants {
		v := variantView{Text: vr.Text, Value: valueText(vr.Value), AttributedTo: strings.Join(vr.AttributedTo, ", "), Attributed: len(vr.AttributedTo) > 0, Compatible: vr.Compatible}
		if strings.EqualFold(v.Value, vr.Text) {
			v.Value = "" // "Read as" would only repeat it
		}
		cs = cs[:0]
		for _, a := range vr.Articles {
			if ct, ok := c.claimOf(f, a, vr.Text); ok {
				cs = append(cs, ct)
			} else {
				cs = append(cs, c.find(a, vr.Text))
			}
		}
		v.Cites = c.cites(cs)
		d.Variants = append(d.Variants, v)
	}
	if len(d.Variants) == 0 {
		// A dispute without variants still shows its claims side by side.
		for _, cl := range f.Claims {
			d.Variants = append(d.Variants, variantView{Text: cl.Sentence, AttributedTo: cl.AttributedTo, Attributed: cl.AttributedTo != "", Cites: c.cites([]citeLink{c.at(cl.Article, cl.Span)})})
		}
	}
	return d
}

var kindWords = map[string]string{"quantity": "figures", "date": "dates", "scope": "scopes"}

// speakers groups the brief's quotes by speaker: most quoted first, the
// quotes with no known speaker last.
func speakers(c *citer, b *parallax.Brief) []speaker {
	entities := make(map[string]bool, len(b.Entities))
	for _, e := range b.Entities {
		entities[e.Name] = true
	}
	idx := map[string]int{}
	same := map[[2]string]int{}
	var out []speaker
	for _, q := range b.Quotes {
		i, ok := idx[q.Speaker]
		if !ok {
			i = len(out)
			idx[q.Speaker] = i
			sp := speaker{Name: q.Speaker, IsEntity: entities[q.Speaker]}
			if sp.Name != "" {
				sp.QuotesHref = c.s.quotesURL(sp.Name)
				if sp.IsEntity {
					sp.EntityHref = c.s.link("entities", sp.Name)
				}
			}
			out = append(out, sp)
		}
		ct := c.at(q.Article, q.Span)
		k := [2]string{q.Speaker, q.Text}
		if j, ok := same[k]; ok {
			qv := &out[i].Quotes[j]
			if !slices.ContainsFunc(qv.cites, func(o citeLink) bool { return o.src.id == q.Article }) {
				qv.cites = append(qv.cites, ct)
			}
			continue
		}
		same[k] = len(out[i].Quotes)
		out[i].Quotes = append(out[i].Quotes, quoteView{
			Text: q.Text, Direct: q.Kind == string(parallax.Direct), Cue: q.Cue, cites: []citeLink{ct},
		})
	}
	for i := range out {
		for j := range out[i].Quotes {
			qv := &out[i].Quotes[j]
			qv.Cites, qv.cites = c.cites(qv.cites), nil
		}
	}
	slices.SortStableFunc(out, func(a, b speaker) int {
		if (a.Name == "") != (b.Name == "") {
			if a.Name == "" {
				return 1
			}
			return -1
		}
		return len(b.Quotes) - len(a.Quotes)
	})
	return out
}
