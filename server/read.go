package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/report"
)

// Paging of list endpoints.
const (
	defaultLimit = 20
	maxLimit     = 200
)

// paging reads limit and offset; it answers 400 itself and returns false
// when they are not usable.
func paging(w http.ResponseWriter, r *http.Request) (limit, offset int, ok bool) {
	q := r.URL.Query()
	limit, offset = defaultLimit, 0
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			writeError(w, r, http.StatusBadRequest, codeInvalid, "limit must be a whole number from 1 to %d, not %q", maxLimit, v)
			return 0, 0, false
		}
		limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			writeError(w, r, http.StatusBadRequest, codeInvalid, "offset must be a whole number from 0, not %q", v)
			return 0, 0, false
		}
		offset = n
	}
	return limit, offset, true
}

type storyList struct {
	Stories []parallax.StorySummary `json:"stories"`
	Limit   int                     `json:"limit"`
	Offset  int                     `json:"offset"`
}

// listStories is GET /api/stories.
func (s *Server) listStories(w http.ResponseWriter, r *http.Request) {
	limit, offset, ok := paging(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	order := parallax.Order(q.Get("order"))
	switch order {
	case parallax.OrderDefault, parallax.OrderNewest, parallax.OrderLargest, parallax.OrderGrowing:
	case parallax.OrderRelevance:
		if q.Get("q") == "" {
			writeError(w, r, http.StatusBadRequest, codeInvalid, "order=relevance needs a search (q)")
			return
		}
	default:
		writeError(w, r, http.StatusBadRequest, codeInvalid, "order must be newest, largest, growing or relevance, not %q", order)
		return
	}
	list, err := s.cfg.Store.Stories(r.Context(), parallax.StoryQuery{Order: order, Search: q.Get("q"), Limit: limit, Offset: offset})
	if err != nil {
		fail(w, r, err)
		return
	}
	writeConditional(w, r, storyList{Stories: nonNil(list), Limit: limit, Offset: offset}, nil, time.Time{})
}

// storyJSON is a story with its article ids: the summary fields of a
// listing, computed from the story's articles.
type storyJSON struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Articles    int       `json:"articles"`
	Outlets     int       `json:"outlets"`
	Independent int       `json:"independent_sources"`
	First       time.Time `json:"first"`
	Last        time.Time `json:"last"`
	ArticleIDs  []string  `json:"article_ids"`
}

// getStory is GET /api/stories/{id}. The brief is embedded as the store
// keeps it (parallax.MarshalBrief's bytes), never decoded or re-encoded.
func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, raw, err := s.cfg.Store.StoryBriefJSON(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	head, err := json.Marshal(storyJSON{
		ID: st.ID, Title: st.Title, Articles: len(st.Articles), Outlets: st.Outlets,
		Independent: st.Independent, First: st.First, Last: st.Last, ArticleIDs: nonNil(st.Articles),
	})
	if err != nil {
		fail(w, r, fmt.Errorf("encode story: %w", err))
		return
	}
	if raw == nil {
		raw = []byte("null")
	}
	body := make([]byte, 0, len(head)+len(raw)+32)
	body = append(body, `{"story":`...)
	body = append(body, head...)
	body = append(body, `,"brief":`...)
	body = append(body, bytes.TrimRight(raw, "\n")...)
	body = append(body, "}\n"...)
	writeConditional(w, r, nil, body, st.UpdatedAt)
}

// getBrief is GET /api/stories/{id}/brief: the brief exactly as
// `parallax analyze --format json` writes it: the canonical bytes the store
// keeps (parallax.MarshalBrief), sent as they are.
func (s *Server) getBrief(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, raw, err := s.cfg.Store.StoryBriefJSON(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	if raw == nil {
		writeError(w, r, http.StatusNotFound, codeNotFound, "story %q has no brief yet", id)
		return
	}
	writeConditional(w, r, nil, raw, st.UpdatedAt)
}

// articleRef is an article without its body.
type articleRef struct {
	ID        string     `json:"id"`
	Source    string     `json:"source"`
	Title     string     `json:"title"`
	URL       string     `json:"url"`
	Published *time.Time `json:"published"`
	Author    string     `json:"author"`
}

func refOf(a *parallax.Article) articleRef {
	ref := articleRef{ID: a.ID, Source: a.Source, Title: a.Title, URL: a.URL, Author: a.Author}
	if !a.Published.IsZero() {
		p := a.Published.UTC()
		ref.Published = &p
	}
	return ref
}

type storyArticles struct {
	Story    string       `json:"story"`
	Articles []articleRef `json:"articles"`
}

// getStoryArticles is GET /api/stories/{id}/articles.
func (s *Server) getStoryArticles(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	arts, err := s.cfg.Store.StoryArticles(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	out := storyArticles{Story: id, Articles: make([]articleRef, len(arts))}
	for i, a := range arts {
		out.Articles[i] = refOf(a)
	}
	writeConditional(w, r, out, nil, time.Time{})
}

// rawJSON is JSON written by another renderer; nil is written as null.
type rawJSON []byte

func (r rawJSON) MarshalJSON() ([]byte, error) {
	if r == nil {
		return []byte("null"), nil
	}
	return r, nil
}

type articleJSON struct {
	articleRef
	Body  string  `json:"body"`
	Story *string `json:"story"`
}

type articleDetail struct {
	Article articleJSON `json:"article"`
	// Annotation is report.Annotation's JSON of the analyzed article.
	Annotation rawJSON `json:"annotation"`
}

// getArticle is GET /api/articles/{id}: the stored article and its
// per-article analysis, whose spans index the normalized text it carries.
func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := s.cfg.Store.Article(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	story, err := s.cfg.Store.StoryOf(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	out := articleDetail{Article: articleJSON{articleRef: refOf(a), Body: a.Body}}
	if story != "" {
		out.Article.Story = &story
	}
	// The path an article was read from is the server's business.
	c := *a
	c.Path = ""
	var b bytes.Buffer
	if err := report.Annotation(&b, analyze.Article(&c)); err != nil {
		fail(w, r, err)
		return
	}
	if err := r.Context().Err(); err != nil {
		fail(w, r, err)
		return
	}
	out.Annotation = bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	writeConditional(w, r, out, nil, time.Time{})
}

type quoteList struct {
	Speaker string              `json:"speaker"`
	Quotes  []parallax.QuoteHit `json:"quotes"`
	Limit   int                 `json:"limit"`
	Offset  int                 `json:"offset"`
}

// listQuotes is GET /api/quotes.
func (s *Server) listQuotes(w http.ResponseWriter, r *http.Request) {
	speaker := r.URL.Query().Get("speaker")
	if speaker == "" {
		writeError(w, r, http.StatusBadRequest, codeInvalid, "speaker is required: /api/quotes?speaker=NAME")
		return
	}
	limit, offset, ok := paging(w, r)
	if !ok {
		return
	}
	hits, err := s.cfg.Store.Quotes(r.Context(), parallax.QuoteQuery{Speaker: speaker, Limit: limit, Offset: offset})
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, r, http.StatusOK, quoteList{Speaker: speaker, Quotes: nonNil(hits), Limit: limit, Offset: offset})
}

// getEntity is GET /api/entities/{name}.
func (s *Server) getEntity(w http.ResponseWriter, r *http.Request) {
	page, err := s.cfg.Store.Entity(r.Context(), r.PathValue("name"))
	if err != nil {
		fail(w, r, err)
		return
	}
	page.Aliases = nonNil(page.Aliases)
	page.Stories = nonNil(page.Stories)
	writeJSON(w, r, http.StatusOK, page)
}

// nonNil returns s, or an empty slice for nil, so JSON says [] not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// location is the path of one resource under base.
func location(base, id string) string { return base + "/" + url.PathEscape(id) }
