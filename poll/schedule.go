package poll

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/feed"
	"github.com/parallax-news/parallax/fetch"
)

// maxRetryAfter caps how long a server's Retry-After can hold a feed back:
// one header should not silence a subscription for longer than a day.
const maxRetryAfter = 24 * time.Hour

// maxJitter is the largest stretch of a delay, in ten-thousandths: 10 %.
const maxJitter = 1000

// Error is a failed poll of a feed. Reason is what the poll recorded as the
// feed's LastError.
type Error struct {
	Feed   string // subscription id
	URL    string
	Reason string // one line: "HTTP 503 Service Unavailable", "not a feed: ..."
	// RetryAfter is the server's Retry-After, zero when it gave none.
	RetryAfter time.Duration
	Err        error // the cause
}

// Error says which feed failed and why.
func (e *Error) Error() string { return "poll " + e.URL + ": " + e.Reason }

// Unwrap returns the cause, so that errors.As finds a *fetch.StatusError
// and errors.Is finds feed.ErrNotFeed or fetch.ErrDisallowed.
func (e *Error) Unwrap() error { return e.Err }

func isFailure(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// fetchFailure describes a failed GET of the feed.
func fetchFailure(sub parallax.FeedSubscription, err error) *Error {
	e := &Error{Feed: sub.ID, URL: sub.URL, Err: err}
	var se *fetch.StatusError
	if errors.As(err, &se) {
		e.Reason = strings.TrimSpace(fmt.Sprintf("HTTP %d %s", se.Status, http.StatusText(se.Status)))
		if se.RetryAfter > 0 {
			e.RetryAfter = se.RetryAfter
			e.Reason += fmt.Sprintf(" (Retry-After %s)", se.RetryAfter)
		}
		return e
	}
	msg := err.Error()
	// fetch names the URL first ("fetch URL: cause"); it is the feed's
	// own, so the reason keeps only the cause.
	if rest, ok := strings.CutPrefix(msg, "fetch "); ok {
		if _, cause, ok := strings.Cut(rest, ": "); ok {
			msg = cause
		}
	}
	e.Reason = oneLine(msg)
	return e
}

// parseFailure describes a response that could not be read as a feed.
func parseFailure(sub parallax.FeedSubscription, resp *fetch.Response, err error) *Error {
	e := &Error{Feed: sub.ID, URL: sub.URL, Err: err}
	switch mt := mediaType(resp.Header.Get("Content-Type")); {
	case errors.Is(err, feed.ErrNotFeed) && mt != "":
		e.Reason = "not a feed: the server sent " + mt
	case errors.Is(err, feed.ErrNotFeed):
		e.Reason = "not a feed: " + err.Error()
	default:
		e.Reason = oneLine(err.Error())
	}
	return e
}

// oneLine folds runs of white space, newlines included, into one space and
// cuts the result to a length a status column can show.
func oneLine(s string) string {
	const limit = 300
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// delay is how long after a poll sub is polled again, given its Failures
// (0 after a success) and the server's Retry-After.
func (p *Poller) delay(sub parallax.FeedSubscription, retryAfter time.Duration) time.Duration {
	interval := sub.Interval
	if interval <= 0 {
		interval = DefaultInterval
	}
	return jitter(sub.ID, backoff(interval, p.o.MaxBackoff, sub.Failures, retryAfter))
}

// backoff is interval after a success (failures 0) or a first failure, and
// doubles with each further failure up to maxBackoff; it is never less than
// interval nor than retryAfter (up to maxRetryAfter).
func backoff(interval, maxBackoff time.Duration, failures int, retryAfter time.Duration) time.Duration {
	d := interval
	for i := 1; i < failures && d < maxBackoff && d <= math.MaxInt64/2; i++ {
		d *= 2
	}
	d = min(d, maxBackoff)
	return max(d, interval, min(retryAfter, maxRetryAfter))
}

// jitter stretches d by a fraction below 10 % fixed by the feed id, so that
// feeds subscribed together spread out, the same way on every run.
func jitter(id string, d time.Duration) time.Duration {
	frac := float64(xxhash.Sum64String(id)%maxJitter) / 10000
	extra := float64(d) * frac
	if float64(d)+extra >= math.MaxInt64 {
		return d
	}
	return d + time.Duration(extra)
}
