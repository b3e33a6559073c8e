// Package poll keeps feed subscriptions current: it polls each subscribed
// feed (parallax.FeedSubscription, kept by a parallax.Store) when it is due,
// with a conditional GET that sends the validators of the last response,
// turns new items into articles and hands them to a parallax.Ingester, and
// records every poll's outcome on the subscription: its validators, when it
// last succeeded, how many polls failed since, why the last one failed and
// when to poll next.
//
// It owns the schedule, the backoff and the per-feed status; fetching is
// package fetch's, parsing package feed's, storing and clustering the
// Ingester's.
//
// Decisions worth knowing:
//
//   - A feed is due when its NextPoll is zero or not after now. A success
//     schedules the next poll one Interval later (15 minutes when the
//     subscription has none); the n-th failure in a row waits
//     Interval·2^(n-1), capped at MaxBackoff but never less than Interval,
//     and never less than the server's Retry-After (itself capped at a
//     day). Every delay is then stretched by a fixed fraction of up to 10 %
//     derived from the feed's ID, so feeds added together drift apart
//     instead of polling in lockstep, and the schedule stays reproducible.
//   - Permanent failures (404, 410, a document that is not a feed) back
//     off the same way: a feed that went away for a day comes back by
//     itself, and the recorded reason tells an operator to remove it.
//   - Once a feed's response is in hand, ingesting its articles and
//     recording the poll run to completion even when the context is
//     cancelled, so stopping the poller never leaves a poll half recorded.
//     A poll cancelled before that point records nothing: the feed stays
//     due and its validators unchanged.
//   - Items already stored under the same id and URL are skipped before
//     anything else, so an excerpt-only feed does not cost a page fetch
//     per item on every change of the feed.
//   - At most Concurrency feeds are polled at once, whoever asked: the
//     schedule, PollOnce or Poll. One feed is never polled twice at once;
//     Poll of a feed being polled waits for that poll.
package poll

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/fetch"
)

// Defaults used for zero Options fields.
const (
	DefaultTick        = 30 * time.Second
	DefaultConcurrency = 4
	DefaultMaxBackoff  = 6 * time.Hour
	// DefaultInterval is the time between polls of a subscription whose
	// Interval is zero.
	DefaultInterval = 15 * time.Minute
)

// Fetcher gets a URL, conditionally when cond is not nil. *fetch.Client is
// the implementation; it returns a *fetch.StatusError for a status other
// than 2xx or 304.
type Fetcher interface {
	Get(ctx context.Context, url string, cond *fetch.Conditional) (*fetch.Response, error)
}

var _ Fetcher = (*fetch.Client)(nil)

// Options configure a Poller.
type Options struct {
	// Client fetches the feeds; default fetch.New(fetch.Options{}), which
	// honours robots.txt and refuses non-public addresses.
	Client Fetcher
	// Page reads the web page of a feed item that carries only an
	// excerpt into an article; its Body replaces the excerpt. When nil,
	// or when it fails, the excerpt is kept.
	Page func(ctx context.Context, url string) (*parallax.Article, error)
	// Tick is how often Run looks for due feeds; default 30 s.
	Tick time.Duration
	// Concurrency bounds the feeds polled at once; default 4.
	Concurrency int
	// MaxBackoff caps the wait after repeated failures; default 6 h.
	MaxBackoff time.Duration
	// Now is the clock; default time.Now.
	Now func() time.Time
	// OnPoll, when set, is called after every recorded poll with the
	// subscription as recorded, the articles it added and the poll's
	// failure (nil on success), for metrics.
	OnPoll func(feed parallax.FeedSubscription, added int, err error)
	// Logger receives a line per poll (Debug when nothing was added);
	// default discards.
	Logger *slog.Logger
}

// Poller polls the feeds of a store on a schedule. It is safe for
// concurrent use.
type Poller struct {
	store parallax.Store
	ing   parallax.Ingester
	o     Options
	slots chan struct{} // one token per poll in progress

	mu       sync.Mutex
	inflight map[string]*call // by feed id
}

// call is one poll in progress; done is closed when err is set.
type call struct {
	done   chan struct{}
	polled bool
	err    error
}

// New returns a Poller of store's subscriptions that ingests through ing,
// with o's zero fields set to the defaults.
func New(store parallax.Store, ing parallax.Ingester, o Options) *Poller {
	if o.Client == nil {
		o.Client = fetch.New(fetch.Options{})
	}
	if o.Tick <= 0 {
		o.Tick = DefaultTick
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Poller{
		store:    store,
		ing:      ing,
		o:        o,
		slots:    make(chan struct{}, o.Concurrency),
		inflight: make(map[string]*call),
	}
}

// Run polls due feeds every Tick, starting at once, until ctx is done; then
// it waits for the polls it started to finish and returns ctx's error. A
// store that cannot list the feeds is logged and tried again next tick.
func (p *Poller) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	t := time.NewTicker(p.o.Tick)
	defer t.Stop()
	for {
		if _, err := p.startDue(ctx, &wg); err != nil && ctx.Err() == nil {
			p.o.Logger.Error("poll: list feeds", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// PollOnce polls every due feed now, at most Concurrency at once, and
// returns how many it polled. Feeds that another caller is polling are left
// to it. A feed's failure is recorded on the feed, not returned; the error
// is ctx's or the store's.
func (p *Poller) PollOnce(ctx context.Context) (int, error) {
	var wg sync.WaitGroup
	calls, err := p.startDue(ctx, &wg)
	wg.Wait()
	n := 0
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	for _, c := range calls {
		if c.polled {
			n++
		}
		if c.err != nil && !isFailure(c.err) && !errors.Is(c.err, ctx.Err()) {
			errs = append(errs, c.err)
		}
	}
	if err := ctx.Err(); err != nil && len(errs) == 0 {
		errs = append(errs, err)
	}
	return n, errors.Join(errs...)
}

// Poll polls the feed with the given id now, due or not, and returns the
// poll's failure as an *Error (it is recorded on the feed too), an error
// matching parallax.ErrNotFound for an unknown feed, or a store error. When
// the feed is being polled already, Poll waits for that poll and returns its
// outcome.
func (p *Poller) Poll(ctx context.Context, id string) error {
	for {
		if c := p.current(id); c != nil {
			select {
			case <-c.done:
			case <-ctx.Done():
				return ctx.Err()
			}
			if c.polled || c.err != nil {
				return c.err
			}
			continue // a scheduled poll that found nothing to do
		}
		if err := p.acquire(ctx); err != nil {
			return err
		}
		c, ok := p.begin(id)
		if !ok {
			p.release()
			continue
		}
		c.polled, c.err = p.run(ctx, id, false)
		p.end(id, c)
		p.release()
		return c.err
	}
}

// startDue lists the feeds and starts a poll of each one due and not being
// polled, in its own goroutine counted in wg, as slots become free. It
// returns the calls it started; their results are set once wg is done.
func (p *Poller) startDue(ctx context.Context, wg *sync.WaitGroup) ([]*call, error) {
	subs, err := p.store.Feeds(ctx)
	if err != nil {
		return nil, fmt.Errorf("poll: list feeds: %w", err)
	}
	now := p.o.Now()
	var calls []*call
	for _, sub := range subs {
		if !due(sub, now) || p.current(sub.ID) != nil {
			continue
		}
		if err := p.acquire(ctx); err != nil {
			return calls, err
		}
		c, ok := p.begin(sub.ID)
		if !ok {
			p.release()
			continue
		}
		calls = append(calls, c)
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.polled, c.err = p.run(ctx, sub.ID, true)
			p.end(sub.ID, c)
			p.release()
		}()
	}
	return calls, nil
}

func due(sub parallax.FeedSubscription, now time.Time) bool {
	return sub.NextPoll.IsZero() || !sub.NextPoll.After(now)
}

func (p *Poller) acquire(ctx context.Context) error {
	select {
	case p.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *Poller) release() { <-p.slots }

// current returns the poll of feed id in progress, nil when there is none.
func (p *Poller) current(id string) *call {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.inflight[id]
}

// begin registers a poll of feed id; false when one is in progress.
func (p *Poller) begin(id string) (*call, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.inflight[id] != nil {
		return nil, false
	}
	c := &call{done: make(chan struct{})}
	p.inflight[id] = c
	return c, true
}

func (p *Poller) end(id string, c *call) {
	p.mu.Lock()
	delete(p.inflight, id)
	p.mu.Unlock()
	close(c.done)
}

// run reads feed id afresh (another poll may have just recorded) and polls
// it; a scheduled poll of a feed removed or no longer due does nothing. It
// reports whether a poll was made.
func (p *Poller) run(ctx context.Context, id string, scheduled bool) (bool, error) {
	sub, err := p.store.Feed(ctx, id)
	if err != nil {
		if scheduled && errors.Is(err, parallax.ErrNotFound) {
			return false, nil
		}
		if errors.Is(err, parallax.ErrNotFound) {
			return false, err
		}
		return false, fmt.Errorf("poll: read feed %s: %w", id, err)
	}
	if scheduled && !due(sub, p.o.Now()) {
		return false, nil
	}
	out, err := p.poll(ctx, sub)
	if err != nil {
		// Abandoned before the feed was in hand (ctx), or polled but
		// not recorded (store).
		made := out.sub.ID != ""
		if made {
			p.o.Logger.Error("poll: record feed status", "feed", sub.ID, "url", sub.URL, "err", err)
		}
		return made, err
	}
	p.report(out)
	if out.failure != nil {
		return true, out.failure
	}
	return true, nil
}

// report logs a recorded poll and calls OnPoll.
func (p *Poller) report(out outcome) {
	log := p.o.Logger.With("feed", out.sub.ID, "url", out.sub.URL)
	switch {
	case out.failure != nil:
		log.Warn("poll failed", "reason", out.failure.Reason, "failures", out.sub.Failures, "next", out.sub.NextPoll)
	case out.notModified:
		log.Debug("poll: not modified", "next", out.sub.NextPoll)
	case out.added > 0:
		log.Info("polled", "items", out.items, "added", out.added, "next", out.sub.NextPoll)
	default:
		log.Debug("polled", "items", out.items, "added", 0, "next", out.sub.NextPoll)
	}
	if p.o.OnPoll != nil {
		var err error
		if out.failure != nil {
			err = out.failure
		}
		p.o.OnPoll(out.sub, out.added, err)
	}
}
