package server

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/parallax-news/parallax"
)

// Caps on one ingest request, beyond the body size limit.
const (
	maxIngestArticles = 1000
	maxIngestURLs     = 100
	fetchWorkers      = 4
)

type ingestRequest struct {
	Articles []articleInput `json:"articles"`
	URLs     []string       `json:"urls"`
}

type articleInput struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Body      string `json:"body"`
}

// ingestResult is one parallax.Ingested with the part of the request it
// came from ("articles[2]", "urls[0]").
type ingestResult struct {
	Input string `json:"input"`
	parallax.Ingested
}

type ingestResponse struct {
	Results  []ingestResult `json:"results"`
	Problems []problem      `json:"problems"`
}

// ingest is POST /api/ingest. Each article and URL is checked on its own: a
// bad one becomes a problem and the rest are still ingested. Only a request
// with nothing usable fails as a whole.
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ingester == nil {
		writeError(w, r, http.StatusServiceUnavailable, codeUnavailable, "this server does not ingest articles")
		return
	}
	var req ingestRequest
	if !decodeBody(w, r, &req) {
		return
	}
	switch {
	case len(req.Articles) == 0 && len(req.URLs) == 0:
		writeError(w, r, http.StatusBadRequest, codeInvalid, "nothing to ingest: give at least one of articles or urls")
		return
	case len(req.Articles) > maxIngestArticles:
		writeError(w, r, http.StatusBadRequest, codeInvalid, "at most %d articles per request, got %d", maxIngestArticles, len(req.Articles))
		return
	case len(req.URLs) > maxIngestURLs:
		writeError(w, r, http.StatusBadRequest, codeInvalid, "at most %d urls per request, got %d", maxIngestURLs, len(req.URLs))
		return
	}

	var (
		arts     []*parallax.Article
		inputs   []string
		problems []problem
	)
	for i, in := range req.Articles {
		where := fmt.Sprintf("articles[%d]", i)
		a, p := articleOf(in, where)
		if p != nil {
			problems = append(problems, *p)
			continue
		}
		arts = append(arts, a)
		inputs = append(inputs, where)
	}

	fetched, fetchProblems := s.fetchAll(r, req.URLs)
	problems = append(problems, fetchProblems...)
	for i, as := range fetched {
		for _, a := range as {
			arts = append(arts, a)
			inputs = append(inputs, fmt.Sprintf("urls[%d]", i))
		}
	}
	if len(arts) == 0 {
		writeJSON(w, r, http.StatusBadRequest, apiError{Error: errorBody{
			Code: codeInvalid, Message: "nothing to ingest: no article or url was usable", Problems: problems,
		}})
		return
	}

	res, err := s.cfg.Ingester.Ingest(r.Context(), arts)
	if err != nil {
		fail(w, r, err)
		return
	}
	if len(res) != len(arts) {
		fail(w, r, fmt.Errorf("ingester returned %d results for %d articles", len(res), len(arts)))
		return
	}
	out := ingestResponse{Results: make([]ingestResult, len(res)), Problems: nonNil(problems)}
	added := 0
	for i, g := range res {
		out.Results[i] = ingestResult{Input: inputs[i], Ingested: g}
		if !g.Duplicate {
			added++
		}
	}
	s.metrics.ingested.WithLabelValues("api").Add(float64(added))
	writeJSON(w, r, http.StatusOK, out)
}

// articleOf checks one article of a request.
func articleOf(in articleInput, where string) (*parallax.Article, *problem) {
	bad := func(field, format string, args ...any) (*parallax.Article, *problem) {
		p := where
		if field != "" {
			p += "." + field
		}
		return nil, &problem{Path: p, Reason: fmt.Sprintf(format, args...)}
	}
	if strings.TrimSpace(in.Body) == "" {
		return bad("body", "body is empty")
	}
	a := &parallax.Article{
		ID: strings.TrimSpace(in.ID), Source: strings.TrimSpace(in.Source), Title: strings.TrimSpace(in.Title),
		URL: strings.TrimSpace(in.URL), Author: strings.TrimSpace(in.Author), Body: in.Body,
	}
	if a.URL != "" {
		if _, err := webURL(a.URL); err != nil {
			return bad("url", "%v", err)
		}
		if a.Source == "" {
			a.Source = parallax.SiteName(a.URL)
		}
	}
	if a.Source == "" {
		return bad("source", "source (the outlet) is needed when there is no url")
	}
	if p := strings.TrimSpace(in.Published); p != "" {
		t, err := time.Parse(time.RFC3339, p)
		if err != nil {
			return bad("published", "published must be an RFC 3339 time such as 2025-03-14T09:30:00Z, not %q", p)
		}
		a.Published = t
	}
	if a.ID == "" {
		// Stable, so that sending the same article twice is a duplicate.
		if a.URL != "" {
			a.ID = parallax.NormalizeURL(a.URL)
		} else {
			a.ID = "api-" + parallax.ContentHash(a.Body)[:16]
		}
	}
	return a, nil
}

// webURL parses an absolute http or https URL.
func webURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("not a URL: %q", raw)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("must be an absolute http or https URL, not %q", raw)
	}
	if u.User != nil {
		return nil, fmt.Errorf("must not carry a user name or password")
	}
	return u, nil
}

// fetchAll reads the request's URLs into articles, a few at a time; the
// result has one entry per URL, nil for the ones that became problems.
func (s *Server) fetchAll(r *http.Request, urls []string) ([][]*parallax.Article, []problem) {
	out := make([][]*parallax.Article, len(urls))
	reasons := make([]string, len(urls))
	seen := map[string]int{}
	var g errgroup.Group
	g.SetLimit(fetchWorkers)
	for i, raw := range urls {
		raw = strings.TrimSpace(raw)
		if _, err := webURL(raw); err != nil {
			reasons[i] = err.Error()
			continue
		}
		if s.cfg.Fetch == nil {
			reasons[i] = "this server does not fetch pages; send the article itself"
			continue
		}
		if j, dup := seen[parallax.NormalizeURL(raw)]; dup {
			reasons[i] = fmt.Sprintf("repeats urls[%d]", j)
			continue
		}
		seen[parallax.NormalizeURL(raw)] = i
		g.Go(func() error {
			arts, err := s.cfg.Fetch(r.Context(), raw)
			switch {
			case err != nil:
				reasons[i] = "fetch: " + err.Error()
			case len(arts) == 0:
				reasons[i] = "no article found on the page"
			default:
				for _, a := range arts {
					if a.ID == "" { // the same stable id an article sent by URL gets
						a.ID = parallax.NormalizeURL(cmp.Or(a.URL, raw))
					}
				}
				out[i] = arts
			}
			return nil
		})
	}
	g.Wait()
	var problems []problem
	for i, why := range reasons {
		if why != "" {
			problems = append(problems, problem{Path: fmt.Sprintf("urls[%d]", i), Reason: why})
		}
	}
	return out, problems
}
