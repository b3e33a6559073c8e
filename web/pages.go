package web

import (
	"cmp"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/normalize"
)

// List lengths on the home, search and quotes pages.
const (
	homeLatest  = 15
	homeGrowing = 8
	searchLimit = 50
	quoteLimit  = 200
	// maxQuery caps a search or speaker query, in bytes.
	maxQuery = 200
)

type homePage struct {
	Latest, Growing []storyRow
	// Missing notes lists the store could not give.
	Missing []string
}

func (s *server) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var p homePage
	var errs []error
	latest, err := s.store.Stories(ctx, parallax.StoryQuery{Order: parallax.OrderNewest, Limit: homeLatest})
	if err != nil {
		errs = append(errs, err)
		p.Missing = append(p.Missing, "the latest stories")
	}
	growing, err := s.store.Stories(ctx, parallax.StoryQuery{Order: parallax.OrderGrowing, Limit: homeGrowing})
	if err != nil {
		errs = append(errs, err)
		p.Missing = append(p.Missing, "the growing stories")
	}
	if len(errs) == 2 {
		s.storeFailed(w, r, "story list", errors.Join(errs...))
		return
	}
	for _, err := range errs {
		s.log.Error("store", "what", "home lists", "err", err)
	}
	p.Latest, p.Growing = s.storyRows(latest), s.storyRows(growing)
	if len(errs) > 0 || s.opt.PageCacheBytes < 0 {
		s.render(w, r, http.StatusOK, "home", layoutData{Nav: "home", Page: p})
		return
	}
	// Every reader gets the same home page until a story changes: keep the
	// last one rendered and reuse it while the lists are the same.
	version := homeVersion(p)
	if last := s.homePage.Load(); last != nil && last.version == version {
		writeHTMLString(w, http.StatusOK, last.page)
		return
	}
	s.renderThen(w, r, http.StatusOK, "home", layoutData{Nav: "home", Page: p}, func(page []byte) {
		s.homePage.Store(&renderedPage{version: version, page: string(page)})
	})
}

// renderedPage is a page kept to be served again while its version holds.
type renderedPage struct {
	version uint64
	page    string
}

// homeVersion identifies what the home page shows.
func homeVersion(p homePage) uint64 {
	d := xxhash.New()
	for _, rows := range [][]storyRow{p.Latest, p.Growing} {
		for _, r := range rows {
			for _, f := range []string{r.Href, r.Title, r.Outlets, r.Sources, r.Articles, r.Recent, r.TimeLabel, r.TimeISO, r.TimeText} {
				d.WriteString(f)
				d.Write([]byte{0})
			}
		}
		d.Write([]byte{1})
	}
	return d.Sum64()
}

// searchPage is the search page and the htmx fragment of its results.
type searchPage struct {
	Query   string
	Stories []storyRow
	// Problem says why the search could not run, "" when it ran.
	Problem string
	Limited bool // the list stops at searchLimit
}

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	p := searchPage{Query: clip(strings.TrimSpace(r.URL.Query().Get("q")), maxQuery)}
	code := http.StatusOK
	if p.Query != "" {
		sts, err := s.store.Stories(r.Context(), parallax.StoryQuery{Search: p.Query, Limit: searchLimit})
		switch {
		case err == nil:
			p.Stories = s.storyRows(sts)
			p.Limited = len(sts) == searchLimit
		case errors.Is(err, parallax.ErrInvalid):
			p.Problem = "This search could not be run: " + err.Error()
		default:
			s.log.Error("store", "what", "search", "q", p.Query, "err", err)
			p.Problem = "The search failed in the store. Try again in a moment."
			code = http.StatusInternalServerError
		}
	}
	w.Header().Set("Vary", "HX-Request")
	if r.Header.Get("HX-Request") == "true" {
		// htmx swaps only successful answers in; the message says what failed.
		s.renderFragment(w, r, "search", "results", p)
		return
	}
	s.render(w, r, code, "search", layoutData{Title: titleOr("Search", p.Query), Nav: "search", Query: p.Query, Page: p})
}

// storyRow is one story of a list, written out for the storyrow template.
type storyRow struct {
	Href  string
	Title string
	// Outlets, Sources and Articles are the counts in words; Recent says
	// how many reports the story gained in the growth window ("" outside
	// the growing list).
	Outlets, Sources, Articles, Recent string
	// TimeLabel, TimeISO and TimeText say when the story last changed
	// ("latest report" with its latest article's time, else "updated"
	// with the store's); all "" when neither is known.
	TimeLabel, TimeISO, TimeText string
}

func (s *server) storyRows(sts []parallax.StorySummary) []storyRow {
	if len(sts) == 0 {
		return nil
	}
	out := make([]storyRow, len(sts))
	for i, st := range sts {
		r := storyRow{
			Href: s.link("stories", st.ID), Title: cmp.Or(st.Title, "Untitled story"),
			Outlets: plural(st.Outlets, "outlet", "outlets"), Sources: sources(st.Independent),
			Articles: plural(st.Articles, "article", "articles"),
		}
		if st.Recent > 0 {
			r.Recent = plural(st.Recent, "new report", "new reports") + " in the day"
		}
		switch {
		case !st.Last.IsZero():
			r.TimeLabel, r.TimeISO, r.TimeText = "latest report", iso(st.Last), when(st.Last)
		case !st.UpdatedAt.IsZero():
			r.TimeLabel, r.TimeISO, r.TimeText = "updated", iso(st.UpdatedAt), when(st.UpdatedAt)
		}
		out[i] = r
	}
	return out
}

func titleOr(title, q string) string {
	if q == "" {
		return title
	}
	return title + ": " + q
}

// articlePage is the reader of one article.
type articlePage struct {
	Article    *parallax.Article
	Title      string
	Color      int
	Paragraphs [][]piece
	// Cited says a passage is highlighted; BadSpan that ?s= named one this
	// text does not have.
	Cited      bool
	BadSpan    bool
	Story      string // id of its story, "" when none or unknown
	StoryTitle string
	Missing    string // what the store could not tell
}

// Class is the CSS class carrying the outlet's color.
func (a articlePage) Class() string { return cite{Color: a.Color}.Class() }

// piece is a run of text, highlighted when Mark; the first highlighted run
// carries the id the citation links scroll to.
type piece struct {
	Text  string
	Mark  bool
	First bool
}

func (s *server) article(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.PathValue("id")
	a, err := s.store.Article(ctx, id)
	if err != nil {
		s.storeFailed(w, r, "article", err)
		return
	}
	// Citations point into the normalized text, as the analysis made it
	// (analyze.Article's Text is normalize.Text of the body).
	text, cached := s.texts.get(a.ID)
	if !cached {
		text, _ = normalize.Text(a.Body)
		s.texts.put(a.ID, text)
	}
	p := articlePage{Article: a, Title: cmp.Or(a.Title, a.ID), Color: outletColors([]string{a.Source})[a.Source]}
	sp, ok, given := parseSpan(r.URL.Query().Get("s"), text)
	p.Cited, p.BadSpan = ok, given && !ok
	p.Paragraphs = paragraphs(text, sp, ok)

	story, err := s.store.StoryOf(ctx, id)
	switch {
	case err != nil:
		s.log.Error("store", "what", "story of article", "article", id, "err", err)
		p.Missing = "which story this article belongs to"
	case story != "":
		p.Story, p.StoryTitle = story, "Story "+story
		// Only the title is needed: the brief is not decoded.
		if st, _, err := s.store.StoryBriefJSON(ctx, story); err == nil && st.Title != "" {
			p.StoryTitle = st.Title
		}
	}
	s.render(w, r, http.StatusOK, "article", layoutData{Title: p.Title, Page: p})
}

// parseSpan reads ?s=START-END against text. ok says the span is usable
// (inside text, non-empty, on character boundaries); given says s was set.
func parseSpan(s, text string) (sp parallax.Span, ok, given bool) {
	if s == "" {
		return sp, false, false
	}
	a, b, found := strings.Cut(s, "-")
	if !found {
		return sp, false, true
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || start < 0 || end <= start || end > len(text) {
		return sp, false, true
	}
	if !boundary(text, start) || !boundary(text, end) {
		return sp, false, true
	}
	return parallax.Span{Start: start, End: end}, true, true
}

// boundary reports whether byte i of s starts a character (or ends s).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// paragraphs splits normalized text at its blank lines and cuts the
// highlighted span out of the paragraphs it touches.
func paragraphs(text string, sp parallax.Span, mark bool) [][]piece {
	var out [][]piece
	first := true
	start := 0
	for start <= len(text) {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			var ps []piece
			add := func(from, to int, m bool) {
				if from < to {
					ps = append(ps, piece{Text: text[from:to], Mark: m, First: m && first})
					if m {
						first = false
					}
				}
			}
			if mark && sp.Start < end && sp.End > start {
				ms, me := max(sp.Start, start), min(sp.End, end)
				add(start, ms, false)
				add(ms, me, true)
				add(me, end, false)
			} else {
				add(start, end, false)
			}
			out = append(out, ps)
		}
		start = end + 2
	}
	return out
}

func (s *server) entity(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	e, err := s.store.Entity(r.Context(), name)
	if err != nil {
		s.storeFailed(w, r, "entity", err)
		return
	}
	s.render(w, r, http.StatusOK, "entity", layoutData{Title: cmp.Or(e.Name, name), Page: e})
}

// quotesPage lists quotes by one speaker, grouped by story.
type quotesPage struct {
	Speaker string
	Groups  []quoteGroup
	Count   int
	Limited bool
}

type quoteGroup struct {
	Story  string
	Title  string
	Quotes []quoteHit
}

type quoteHit struct {
	parallax.QuoteHit
	Cite cite
}

func (s *server) quotes(w http.ResponseWriter, r *http.Request) {
	p := quotesPage{Speaker: clip(strings.TrimSpace(r.URL.Query().Get("speaker")), maxQuery)}
	if p.Speaker != "" {
		hits, err := s.store.Quotes(r.Context(), parallax.QuoteQuery{Speaker: p.Speaker, Limit: quoteLimit})
		if err != nil {
			s.storeFailed(w, r, "quotes", err)
			return
		}
		p.Count, p.Limited = len(hits), len(hits) == quoteLimit
		var outlets []string
		for _, h := range hits {
			outlets = append(outlets, h.Source)
		}
		colors := outletColors(outlets)
		idx := map[string]int{}
		for _, h := range hits {
			i, ok := idx[h.Story]
			if !ok {
				i = len(p.Groups)
				idx[h.Story] = i
				p.Groups = append(p.Groups, quoteGroup{Story: h.Story, Title: cmp.Or(h.StoryTitle, "Story "+h.Story)})
			}
			ct := cite{Article: h.Article, Outlet: cmp.Or(h.Source, h.Article), Color: colors[h.Source], Href: s.link("articles", h.Article)}
			if h.Span.End > h.Span.Start {
				ct.Href, ct.Exact = s.articleURL(h.Article, h.Span), true
			}
			p.Groups[i].Quotes = append(p.Groups[i].Quotes, quoteHit{h, ct})
		}
	}
	s.render(w, r, http.StatusOK, "quotes", layoutData{Title: titleOr("Quotes", p.Speaker), Nav: "quotes", Page: p})
}

// clip cuts s to at most n bytes on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
