package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// storyPage is everything the story template shows.
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
	Color    int
	Articles int
}

// Class is the CSS class carrying the outlet's color.
func (l legendEntry) Class() string { return cite{Color: l.Color}.Class() }

type citedLine struct {
	Text  string
	Cites []cite
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
	Text         string
	Value        string
	AttributedTo []string
	Compatible   bool
	Cites        []cite
}

type factView struct {
	ID          string
	Statement   string
	Outlets     int
	Independent int
	Cites       []cite
}

type speaker struct {
	Name     string // "" when unknown
	IsEntity bool
	Quotes   []quoteView
}

type quoteView struct {
	Text   string
	Direct bool
	Cue    string
	// Cites lists every article printing the same words: syndicated copies
	// and outlets quoting the same statement.
	Cites []cite
}

type uniqueView struct {
	Source    cite
	Sentences []citedText
}

type citedText struct {
	Text string
	Cite cite
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
	Cites      []cite
}

type entityLink struct {
	Name     string
	Type     string
	Title    string
	Mentions int
	Articles int
}

type articleRow struct {
	ID        string
	Href      string
	Title     string
	Outlet    string
	Color     int
	Published time.Time
	Author    string
	URL       string
	// Origin names the outlet of the report this one copies, "" when it
	// is independent.
	Origin string
	Host   string // the host of URL, for the link's text
}

// Class is the CSS class carrying the outlet's color.
func (a articleRow) Class() string { return cite{Color: a.Color}.Class() }

func (s *server) story(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, brief, err := s.store.Story(r.Context(), id)
	if err != nil {
		s.storeFailed(w, r, "story", err)
		return
	}
	var missing []string
	arts, err := s.store.StoryArticles(r.Context(), id)
	if err != nil {
		s.log.Error("store", "what", "story articles", "story", id, "err", err)
		missing = append(missing, "the story's stored articles (the list below comes from its brief)")
		arts = nil
	}
	p := s.storyPage(st, brief, arts)
	p.Missing = missing
	s.render(w, r, http.StatusOK, "story", layoutData{Title: p.Title, Chart: p.Chart != nil, Page: p})
}

// storyPage builds the view of one story.
func (s *server) storyPage(st parallax.Story, b *parallax.Brief, arts []*parallax.Article) storyPage {
	c := newCiter(s, b, arts)
	p := storyPage{ID: st.ID, Title: st.Title, First: st.First, Last: st.Last, Independent: -1, HasBrief: b != nil}
	if p.Title == "" && len(arts) > 0 {
		p.Title = arts[0].Title
	}
	if p.Title == "" && b != nil && len(b.Articles) > 0 {
		p.Title = b.Articles[0].Title
	}
	if p.Title == "" {
		p.Title = "Story " + st.ID
	}

	p.List = articleRows(c, b, arts)
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
		p.Legend = append(p.Legend, legendEntry{Outlet: o, Color: c.colors[o], Articles: counts[o]})
	}
	if b == nil {
		return p
	}
	origins := map[string]bool{}
	for _, r := range b.Articles {
		origins[cmp.Or(r.Origin, r.ID)] = true
	}
	p.Independent = len(origins)
	p.Disputed = b.Disputed
	p.Problems = b.Problems

	facts := map[string]*parallax.Fact{}
	for i := range b.Facts {
		facts[b.Facts[i].Statement] = &b.Facts[i]
	}
	for _, l := range b.Summary {
		line := citedLine{Text: l.Sentence}
		f := facts[l.Sentence]
		for _, a := range l.Articles {
			if f != nil {
				if ct, ok := c.claimOf(f, a, ""); ok {
					line.Cites = append(line.Cites, ct)
					continue
				}
			}
			line.Cites = append(line.Cites, c.find(a, l.Sentence))
		}
		p.Summary = append(p.Summary, line)
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
		v := uniqueView{Source: c.plain(u.Article)}
		for _, sn := range u.Sentences {
			v.Sentences = append(v.Sentences, citedText{Text: sn.Text, Cite: c.at(u.Article, sn.Span)})
		}
		if len(v.Sentences) > 0 {
			p.Unique = append(p.Unique, v)
		}
	}
	for _, wd := range b.Wording {
		v := wordingView{Entity: wd.Entity}
		for _, t := range wd.Variants {
			line := citedLine{Text: t.Term}
			for _, a := range t.Articles {
				line.Cites = append(line.Cites, c.find(a, t.Term))
			}
			v.Terms = append(v.Terms, line)
		}
		p.Wording = append(p.Wording, v)
	}
	for _, e := range b.Timeline {
		row := timelineRow{Date: e.Date, Label: dateLabel(e.Date, e.Granularity), Text: e.Text, Provenance: e.Provenance}
		for _, a := range e.Articles {
			row.Cites = append(row.Cites, c.related(a, e.Text))
		}
		p.Timeline = append(p.Timeline, row)
	}
	p.Chart = chartOf(b.Timeline, p.List)
	for _, e := range b.Entities {
		p.Entities = append(p.Entities, entityLink{Name: e.Name, Type: e.Type, Title: e.Title, Mentions: e.Mentions, Articles: len(e.Articles)})
	}
	return p
}

// articleRows lists the story's articles: the stored ones in ingest order,
// or the brief's references when the store could not give them.
func articleRows(c *citer, b *parallax.Brief, arts []*parallax.Article) []articleRow {
	origin := map[string]string{}
	if b != nil {
		for _, r := range b.Articles {
			if r.Origin != "" && r.Origin != r.ID {
				origin[r.ID] = r.Origin
			}
		}
	}
	var out []articleRow
	row := func(id, title, link, author string, pub time.Time) {
		o := c.outlet(id)
		out = append(out, articleRow{
			ID: id, Href: c.s.link("articles", id), Title: cmp.Or(title, id), Outlet: o, Color: c.colors[o],
			Published: pub, Author: author, URL: link, Host: host(link),
		})
		if o, ok := origin[id]; ok {
			out[len(out)-1].Origin = c.outlet(o)
		}
	}
	if arts != nil {
		for _, a := range arts {
			row(a.ID, a.Title, a.URL, a.Author, a.Published)
		}
		return out
	}
	if b != nil {
		for _, r := range b.Articles {
			t, _ := time.Parse(time.RFC3339, r.Published)
			row(r.ID, r.Title, r.URL, r.Author, t)
		}
	}
	return out
}

func factOf(c *citer, f *parallax.Fact) factView {
	v := factView{ID: f.ID, Statement: f.Statement, Outlets: f.Outlets, Independent: f.Independent}
	seen := map[string]bool{}
	for _, cl := range f.Claims {
		if seen[cl.Article] {
			continue
		}
		seen[cl.Article] = true
		v.Cites = append(v.Cites, c.at(cl.Article, cl.Span))
	}
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
	for _, vr := range f.Variants {
		v := variantView{Text: vr.Text, Value: valueText(vr.Value), AttributedTo: vr.AttributedTo, Compatible: vr.Compatible}
		if strings.EqualFold(v.Value, vr.Text) {
			v.Value = "" // "Read as" would only repeat it
		}
		for _, a := range vr.Articles {
			if ct, ok := c.claimOf(f, a, vr.Text); ok {
				v.Cites = append(v.Cites, ct)
			} else {
				v.Cites = append(v.Cites, c.find(a, vr.Text))
			}
		}
		d.Variants = append(d.Variants, v)
	}
	if len(d.Variants) == 0 {
		// A dispute without variants still shows its claims side by side.
		for _, cl := range f.Claims {
			d.Variants = append(d.Variants, variantView{Text: cl.Sentence, AttributedTo: nonEmpty(cl.AttributedTo), Cites: []cite{c.at(cl.Article, cl.Span)}})
		}
	}
	return d
}

var kindWords = map[string]string{"quantity": "figures", "date": "dates", "scope": "scopes"}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// speakers groups the brief's quotes by speaker: most quoted first, the
// quotes with no known speaker last.
func speakers(c *citer, b *parallax.Brief) []speaker {
	entities := map[string]bool{}
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
			out = append(out, speaker{Name: q.Speaker, IsEntity: entities[q.Speaker]})
		}
		ct := c.at(q.Article, q.Span)
		k := [2]string{q.Speaker, q.Text}
		if j, ok := same[k]; ok {
			qv := &out[i].Quotes[j]
			if !slices.ContainsFunc(qv.Cites, func(o cite) bool { return o.Article == q.Article }) {
				qv.Cites = append(qv.Cites, ct)
			}
			continue
		}
		same[k] = len(out[i].Quotes)
		out[i].Quotes = append(out[i].Quotes, quoteView{
			Text: q.Text, Direct: q.Kind == string(parallax.Direct), Cue: q.Cue, Cites: []cite{ct},
		})
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

// host is the host name of a URL, "" when it has none.
func host(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
