// Package fetch gets web pages and feeds over HTTP for Parallax, safely:
// every request has a timeout, a size limit, a bounded number of redirects
// and a User-Agent that says who is asking; robots.txt is honoured; and
// connections to loopback, private, link-local and other non-public
// addresses are refused unless the caller allows them.
//
// It owns the network edge of the input adapters. It knows nothing of
// feeds or articles: it returns bytes and the validators (ETag,
// Last-Modified) a poller needs for its next conditional request.
//
// Decisions worth knowing:
//
//   - The address check runs in the dialer's Control hook, on the address
//     actually connected to after name resolution, for every connection
//     and every redirect hop. A host name that resolves to 127.0.0.1 (DNS
//     rebinding) or a public page that redirects to 169.254.169.254 are
//     refused the same way as a literal private address. Environment proxy
//     settings are ignored, as a proxy would connect on our behalf.
//   - robots.txt follows RFC 9309: fetched once per origin and cached for a
//     day; a 4xx answer (no robots.txt) allows everything, a 5xx, 429 or
//     network failure disallows everything for a few minutes; the longest
//     matching rule wins and Allow wins a tie; "*" and a final "$" work as
//     in the RFC.
//   - A body larger than the limit is an error, not a silent truncation:
//     half an article is worse than none.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Errors the caller may test for with errors.Is. ErrPrivateAddress is in
// addr.go.
var (
	ErrDisallowed        = errors.New("disallowed by robots.txt")
	ErrTooLarge          = errors.New("response too large")
	ErrTooManyRedirects  = errors.New("too many redirects")
	ErrUnsupportedScheme = errors.New("unsupported URL scheme")
)

// Defaults used for zero Options fields.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultHeaderTimeout = 15 * time.Second
	DefaultMaxBytes      = 10 << 20
	DefaultMaxRedirects  = 5
)

// Robots cache lifetimes: a day for a robots.txt that was read (RFC 9309
// section 2.4 asks for no more), minutes for an unreachable one so that a
// poller retries soon.
const (
	robotsTTL            = 24 * time.Hour
	robotsUnreachableTTL = 5 * time.Minute
)

// UserAgent is the User-Agent Parallax sends: a product token robots.txt
// groups can name, the version, and where to read about the crawler.
func UserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return "Parallax/" + version + " (+https://github.com/parallax-news/parallax)"
}

// Options configure a Client. The zero value is a safe configuration:
// public addresses only, robots.txt respected, the defaults above.
type Options struct {
	UserAgent     string        // default UserAgent("dev")
	Timeout       time.Duration // whole request including the body; default 30 s
	HeaderTimeout time.Duration // wait for response headers; default 15 s, at most Timeout
	MaxBytes      int64         // largest body accepted; default 10 MiB
	// MaxRedirects is how many redirects are followed: 0 means the
	// default (5), a negative value means none.
	MaxRedirects int
	// AllowPrivate permits loopback, private, link-local and other
	// non-public addresses (the --allow-private flag; tests).
	AllowPrivate bool
	// IgnoreRobots skips robots.txt. It is a negative so that the zero
	// Options respect robots.txt.
	IgnoreRobots bool
}

// Conditional carries the validators of an earlier response, sent as
// If-None-Match and If-Modified-Since.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a successful fetch: a 2xx with its body, or a 304 when the
// request was conditional and the resource has not changed.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	Header       http.Header
	Body         []byte // nil when NotModified
	ETag         string
	LastModified string
	// NotModified is set on a 304: the caller's copy is current. ETag and
	// LastModified then hold the validators to send next time (the
	// server's if it repeated them, else the caller's).
	NotModified bool
}

// Validators returns the Conditional to send on the next request for the
// same resource, or nil when the server gave none.
func (r *Response) Validators() *Conditional {
	if r.ETag == "" && r.LastModified == "" {
		return nil
	}
	return &Conditional{ETag: r.ETag, LastModified: r.LastModified}
}

// StatusError is a response with a status other than 2xx or 304.
type StatusError struct {
	URL    string
	Status int
	// RetryAfter is the server's Retry-After, zero when absent or
	// unreadable; a poller backs off at least this long.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// Temporary reports whether trying again later may succeed: timeouts, rate
// limits and server errors.
func (e *StatusError) Temporary() bool {
	return e.Status == http.StatusRequestTimeout || e.Status == http.StatusTooManyRequests || e.Status >= 500
}

// Client fetches URLs under the limits of its Options. It is safe for
// concurrent use and caches robots.txt per origin, so keep one per run.
type Client struct {
	opts  Options
	agent string // robots.txt product token
	hc    *http.Client
	now   func() time.Time
	// check vets every dialled address; tests replace it before use.
	check func(netip.Addr) error

	mu     sync.Mutex
	robots map[string]*robotsEntry
}

type robotsEntry struct {
	done    chan struct{} // closed when r and err are set
	r       *robots
	err     error
	expires time.Time
}

// New returns a Client with o's zero fields set to the defaults.
func New(o Options) *Client {
	if o.UserAgent == "" {
		o.UserAgent = UserAgent("")
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.HeaderTimeout <= 0 {
		o.HeaderTimeout = DefaultHeaderTimeout
	}
	o.HeaderTimeout = min(o.HeaderTimeout, o.Timeout)
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	c := &Client{
		opts:   o,
		agent:  productToken(o.UserAgent),
		now:    time.Now,
		check:  checkAddr,
		robots: make(map[string]*robotsEntry),
	}
	if o.AllowPrivate {
		c.check = func(netip.Addr) error { return nil }
	}
	dialer := &net.Dialer{
		Timeout:   min(10*time.Second, o.Timeout),
		KeepAlive: 30 * time.Second,
		Control:   dialControl(func(ip netip.Addr) error { return c.check(ip) }),
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us, past the address check
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   min(10*time.Second, o.Timeout),
		ResponseHeaderTimeout: o.HeaderTimeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   4,
	}
	c.hc = &http.Client{
		Transport:     transport,
		Timeout:       o.Timeout,
		CheckRedirect: c.checkRedirect,
	}
	return c
}

// Get fetches rawURL. With cond it asks only for a changed resource, and a
// 304 comes back as a Response with NotModified set. A status other than
// 2xx or 304 is a *StatusError; a refused address wraps ErrPrivateAddress,
// a robots.txt refusal ErrDisallowed, an oversized body ErrTooLarge.
func (c *Client) Get(ctx context.Context, rawURL string, cond *Conditional) (*Response, error) {
	u, err := c.vet(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	if err := c.allowedByRobots(ctx, u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	return c.do(ctx, u, cond, false)
}

// vet parses rawURL and refuses what no request should be made for: other
// schemes, missing hosts, literal non-public addresses. The dialer checks
// addresses again; checking literals here gives a clear error before any
// robots.txt request.
func (c *Client) vet(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	return u, c.vetURL(u)
}

func (c *Client) vetURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w %q: only http and https are fetched", ErrUnsupportedScheme, u.Scheme)
	}
	host := u.Hostname()
	if host == "" {
		return errors.New("URL has no host")
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return c.check(ip)
	}
	return nil
}

// checkRedirect bounds the redirect chain and vets each hop as Get vets the
// first: scheme, literal address, robots.txt.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, max(c.opts.MaxRedirects, 0))
	}
	if err := c.vetURL(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL, err)
	}
	if isRobotsFetch(req.Context()) {
		return nil
	}
	if err := c.allowedByRobots(req.Context(), req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL, err)
	}
	return nil
}

// do makes one GET request (following redirects) and reads the body. With
// truncate set, the body is cut at maxRobotsBytes instead of failing on
// MaxBytes; only robots.txt is read that way.
func (c *Client) do(ctx context.Context, u *url.URL, cond *Conditional, truncate bool) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, application/json;q=0.8, */*;q=0.5")
	if cond != nil {
		if cond.ETag != "" {
			req.Header.Set("If-None-Match", cond.ETag)
		}
		if cond.LastModified != "" {
			req.Header.Set("If-Modified-Since", cond.LastModified)
		}
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		// url.Error repeats the method and URL; keep only its cause.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	defer resp.Body.Close()

	final := resp.Request.URL.String()
	r := &Response{
		URL:          final,
		Status:       resp.StatusCode,
		Header:       resp.Header,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		r.NotModified = true
		if cond != nil {
			if r.ETag == "" {
				r.ETag = cond.ETag
			}
			if r.LastModified == "" {
				r.LastModified = cond.LastModified
			}
		}
		return r, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Drain a little so the connection can be reused.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return nil, &StatusError{URL: final, Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), c.now())}
	}

	limit := c.opts.MaxBytes
	if truncate {
		// robots.txt has its own limit: a small MaxBytes must not cut
		// rules off and so allow what they disallow.
		limit = maxRobotsBytes
	}
	if resp.ContentLength > limit && !truncate {
		return nil, fmt.Errorf("fetch %s: %w", final, &tooLarge{limit})
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: read body: %w", final, err)
	}
	if int64(len(body)) > limit {
		if !truncate {
			return nil, fmt.Errorf("fetch %s: %w", final, &tooLarge{limit})
		}
		body = body[:limit]
	}
	r.Body = body
	return r, nil
}

// tooLarge says how large is too large and is ErrTooLarge for errors.Is.
type tooLarge struct{ limit int64 }

func (e *tooLarge) Error() string        { return fmt.Sprintf("response larger than %d bytes", e.limit) }
func (e *tooLarge) Is(target error) bool { return target == ErrTooLarge }

// retryAfter reads a Retry-After header: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		return time.Duration(min(n, int64(365*24*3600))) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

type robotsFetchKey struct{}

// isRobotsFetch marks requests for robots.txt itself, whose redirects are
// not checked against robots.txt (that would never end).
func isRobotsFetch(ctx context.Context) bool { return ctx.Value(robotsFetchKey{}) != nil }

// allowedByRobots returns nil when u may be fetched, else an error wrapping
// ErrDisallowed or the reason robots.txt could not be consulted.
func (c *Client) allowedByRobots(ctx context.Context, u *url.URL) error {
	if c.opts.IgnoreRobots {
		return nil
	}
	r, err := c.robotsFor(ctx, u)
	if err != nil {
		return err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if r.allowed(path) {
		return nil
	}
	if r.disallowAll {
		return fmt.Errorf("%w: robots.txt of %s is unreachable (%s), which means disallow", ErrDisallowed, u.Host, r.reason)
	}
	return fmt.Errorf("%w: %s is disallowed for %s", ErrDisallowed, path, c.agent)
}

// robotsFor returns the cached rules of u's origin, fetching them once when
// absent or expired; concurrent callers wait for the one fetch.
func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*robots, error) {
	origin := u.Scheme + "://" + strings.ToLower(u.Host)
	for {
		c.mu.Lock()
		e := c.robots[origin]
		if e != nil {
			select {
			case <-e.done:
				if c.now().After(e.expires) {
					e = nil
				}
			default: // being fetched; wait below
			}
		}
		if e == nil {
			break // with c.mu held
		}
		c.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if e.err != nil && isContextErr(e.err) && ctx.Err() == nil {
			// The request that fetched was cancelled, not this one:
			// fetch again.
			continue
		}
		return e.r, e.err
	}
	e := &robotsEntry{done: make(chan struct{})}
	c.robots[origin] = e
	c.mu.Unlock()

	r, ttl, err := c.fetchRobots(ctx, origin)
	e.r, e.err, e.expires = r, err, c.now().Add(ttl)
	if err != nil {
		// Errors of this request (cancelled, refused address) say
		// nothing lasting about the origin: do not cache them.
		c.mu.Lock()
		if c.robots[origin] == e {
			delete(c.robots, origin)
		}
		c.mu.Unlock()
	}
	close(e.done)
	return r, err
}

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// fetchRobots gets and parses origin's robots.txt, mapping failures to the
// RFC 9309 outcomes. It returns an error only when the failure is the
// caller's (cancellation) or the address is refused anyway.
func (c *Client) fetchRobots(ctx context.Context, origin string) (*robots, time.Duration, error) {
	u, err := url.Parse(origin + "/robots.txt")
	if err != nil {
		return nil, 0, err
	}
	resp, err := c.do(context.WithValue(ctx, robotsFetchKey{}, true), u, nil, true)
	var se *StatusError
	switch {
	case err == nil:
		return parseRobots(resp.Body, c.agent), robotsTTL, nil
	case ctx.Err() != nil:
		return nil, 0, ctx.Err()
	case errors.Is(err, ErrPrivateAddress):
		return nil, 0, err
	case errors.As(err, &se) && se.Status >= 400 && se.Status < 500 && se.Status != http.StatusTooManyRequests:
		// "Unavailable": no robots.txt, or not for us to read.
		return &robots{}, robotsTTL, nil
	default:
		// "Unreachable": server error, rate limit, network failure.
		reason := err.Error()
		if se != nil {
			reason = fmt.Sprintf("%d %s", se.Status, http.StatusText(se.Status))
		} else if ue := (*net.OpError)(nil); errors.As(err, &ue) {
			reason = ue.Err.Error()
		}
		return &robots{disallowAll: true, reason: reason}, robotsUnreachableTTL, nil
	}
}
