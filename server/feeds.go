package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// Feed poll intervals a subscription may ask for.
const (
	defaultFeedInterval = 15 * time.Minute
	minFeedInterval     = time.Minute
	maxFeedInterval     = 7 * 24 * time.Hour
)

// feedJSON is a subscription as the API writes it: every status field is
// present (null or empty when unknown) and the interval is a Go duration
// string ("15m0s").
type feedJSON struct {
	ID           string     `json:"id"`
	URL          string     `json:"url"`
	Source       string     `json:"source"`
	Interval     string     `json:"interval"`
	Added        time.Time  `json:"added"`
	Title        string     `json:"title"`
	ETag         string     `json:"etag"`
	LastModified string     `json:"last_modified"`
	LastPolled   *time.Time `json:"last_polled"`
	LastSuccess  *time.Time `json:"last_success"`
	NextPoll     *time.Time `json:"next_poll"`
	Failures     int        `json:"failures"`
	LastError    string     `json:"last_error"`
	Articles     int        `json:"articles"`
}

func feedOf(f parallax.FeedSubscription) feedJSON {
	opt := func(t time.Time) *time.Time {
		if t.IsZero() {
			return nil
		}
		t = t.UTC()
		return &t
	}
	return feedJSON{
		ID: f.ID, URL: f.URL, Source: f.Source, Interval: f.Interval.String(), Added: f.Added.UTC(),
		Title: f.Title, ETag: f.ETag, LastModified: f.LastModified,
		LastPolled: opt(f.LastPolled), LastSuccess: opt(f.LastSuccess), NextPoll: opt(f.NextPoll),
		Failures: f.Failures, LastError: f.LastError, Articles: f.Articles,
	}
}

type feedList struct {
	Feeds []feedJSON `json:"feeds"`
}

// listFeeds is GET /api/feeds.
func (s *Server) listFeeds(w http.ResponseWriter, r *http.Request) {
	fs, err := s.cfg.Store.Feeds(r.Context())
	if err != nil {
		fail(w, r, err)
		return
	}
	out := feedList{Feeds: make([]feedJSON, len(fs))}
	for i, f := range fs {
		out.Feeds[i] = feedOf(f)
	}
	writeJSON(w, r, http.StatusOK, out)
}

type feedRequest struct {
	URL      string `json:"url"`
	Source   string `json:"source"`
	Interval string `json:"interval"`
}

// addFeed is POST /api/feeds: 201 for a new subscription, 200 with the
// stored one when the URL is already subscribed.
func (s *Server) addFeed(w http.ResponseWriter, r *http.Request) {
	var req feedRequest
	if !decodeBody(w, r, &req) {
		return
	}
	raw := strings.TrimSpace(req.URL)
	if raw == "" {
		writeError(w, r, http.StatusBadRequest, codeInvalid, "url is required")
		return
	}
	if _, err := webURL(raw); err != nil {
		writeError(w, r, http.StatusBadRequest, codeInvalid, "url %v", err)
		return
	}
	interval := defaultFeedInterval
	if v := strings.TrimSpace(req.Interval); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			writeError(w, r, http.StatusBadRequest, codeInvalid, "interval must be a duration such as 15m or 1h30m, not %q", v)
			return
		}
		if d < minFeedInterval || d > maxFeedInterval {
			writeError(w, r, http.StatusBadRequest, codeInvalid, "interval must be between %s and %s, not %s", minFeedInterval, maxFeedInterval, d)
			return
		}
		interval = d
	}
	sub, created, err := s.cfg.Store.AddFeed(r.Context(), parallax.FeedSubscription{
		URL: raw, Source: strings.TrimSpace(req.Source), Interval: interval,
	})
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", location("/api/feeds", sub.ID))
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		s.log.Info("feed subscribed", "feed", sub.ID, "url", sub.URL, "interval", sub.Interval.String())
	}
	writeJSON(w, r, status, feedOf(sub))
}

// getFeed is GET /api/feeds/{id}.
func (s *Server) getFeed(w http.ResponseWriter, r *http.Request) {
	f, err := s.cfg.Store.Feed(r.Context(), r.PathValue("id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, r, http.StatusOK, feedOf(f))
}

// removeFeed is DELETE /api/feeds/{id}.
func (s *Server) removeFeed(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := s.cfg.Store.RemoveFeed(r.Context(), id); err != nil {
		fail(w, r, err)
		return
	}
	s.log.Info("feed unsubscribed", "feed", id)
	w.WriteHeader(http.StatusNoContent)
}

// pollRequest is the optional body of POST /api/feeds/{id}/poll: nothing
// to set yet, so only an empty body or {} is accepted.
type pollRequest struct{}

// pollFeed is POST /api/feeds/{id}/poll: it polls the feed now and answers
// with its status as the poll recorded it. A feed that failed to fetch,
// parse or ingest is still a poll made: 200, with failures and last_error
// saying why. The status read afterwards also tells the other outcomes
// apart without knowing the poller's error types: no such feed (404), a
// store that does not answer (500), a failure nobody recorded (500).
func (s *Server) pollFeed(w http.ResponseWriter, r *http.Request) {
	if s.cfg.PollFeed == nil {
		writeError(w, r, http.StatusServiceUnavailable, codeUnavailable, "feed polling is off")
		return
	}
	var req pollRequest
	if !decodeOptionalBody(w, r, &req) {
		return
	}
	ctx, id := r.Context(), r.PathValue("id")
	perr := s.cfg.PollFeed(ctx, id)
	if perr != nil && ctx.Err() != nil {
		// Our deadline, not the feed's: a fetch that timed out on its
		// own is a recorded failure like any other.
		fail(w, r, ctx.Err())
		return
	}
	f, err := s.cfg.Store.Feed(ctx, id)
	if err != nil {
		fail(w, r, err)
		return
	}
	if perr != nil && f.Failures == 0 {
		// A recorded failure counts one at least, so this error (the
		// store's, most likely) kept the poll from being recorded.
		fail(w, r, perr)
		return
	}
	writeJSON(w, r, http.StatusOK, feedOf(f))
}
