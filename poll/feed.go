package poll

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/feed"
	"github.com/parallax-news/parallax/fetch"
)

// pageWorkers bounds the item pages fetched at once for one feed.
const pageWorkers = 4

// outcome is one recorded poll.
type outcome struct {
	sub         parallax.FeedSubscription // as recorded
	items       int                       // items in the feed
	added       int                       // articles the ingester added
	notModified bool
	failure     *Error
}

// poll fetches, reads and ingests one feed and records the outcome. The
// error is not the feed's failure (that is outcome.failure) but a reason
// nothing was recorded: ctx ended before the feed was in hand, or the store
// could not save the status.
func (p *Poller) poll(ctx context.Context, sub parallax.FeedSubscription) (outcome, error) {
	started := p.o.Now()
	var cond *fetch.Conditional
	if sub.ETag != "" || sub.LastModified != "" {
		cond = &fetch.Conditional{ETag: sub.ETag, LastModified: sub.LastModified}
	}
	resp, err := p.o.Client.Get(ctx, sub.URL, cond)
	if err != nil {
		if ctx.Err() != nil {
			// Our cancellation, not the feed's failure.
			return outcome{}, ctx.Err()
		}
		return p.fail(ctx, sub, started, fetchFailure(sub, err))
	}
	if resp.NotModified {
		sub.ETag, sub.LastModified = resp.ETag, resp.LastModified
		return p.succeed(ctx, sub, started, outcome{notModified: true})
	}
	f, err := feed.Parse(resp.Body, resp.URL)
	if err != nil {
		return p.fail(ctx, sub, started, parseFailure(sub, resp, err))
	}
	arts, err := p.articles(ctx, sub, f)
	if err != nil {
		return outcome{}, err
	}

	// The feed is in hand: from here on the poll completes, so that an
	// ingest is never cut in half nor left unrecorded.
	ctx = context.WithoutCancel(ctx)
	added := 0
	if len(arts) > 0 {
		res, err := p.ing.Ingest(ctx, arts)
		if err != nil {
			return p.fail(ctx, sub, started, &Error{Feed: sub.ID, URL: sub.URL, Reason: "ingest: " + oneLine(err.Error()), Err: err})
		}
		for _, r := range res {
			if !r.Duplicate {
				added++
			}
		}
	}
	if f.Title != "" {
		sub.Title = f.Title
	}
	sub.ETag, sub.LastModified = resp.ETag, resp.LastModified
	sub.Articles += added
	return p.succeed(ctx, sub, started, outcome{items: len(f.Items), added: added})
}

// succeed records a successful poll: sub carries the new validators, title
// and article count.
func (p *Poller) succeed(ctx context.Context, sub parallax.FeedSubscription, started time.Time, out outcome) (outcome, error) {
	sub.LastPolled = started
	sub.LastSuccess = started
	sub.Failures = 0
	sub.LastError = ""
	sub.NextPoll = p.o.Now().Add(p.delay(sub, 0))
	out.sub = sub
	return out, p.save(ctx, sub)
}

// fail records a failed poll; the validators, title and count are kept.
func (p *Poller) fail(ctx context.Context, sub parallax.FeedSubscription, started time.Time, e *Error) (outcome, error) {
	sub.LastPolled = started
	sub.Failures++
	sub.LastError = e.Reason
	sub.NextPoll = p.o.Now().Add(p.delay(sub, e.RetryAfter))
	return outcome{sub: sub, failure: e}, p.save(ctx, sub)
}

// save stores a poll's status even when ctx is cancelled. A feed removed
// while it was polled is no error: there is nothing left to record.
func (p *Poller) save(ctx context.Context, sub parallax.FeedSubscription) error {
	err := p.store.UpdateFeed(context.WithoutCancel(ctx), sub)
	if err != nil && !errors.Is(err, parallax.ErrNotFound) {
		return fmt.Errorf("poll: record status of feed %s: %w", sub.ID, err)
	}
	return nil
}

// articles turns the feed's items into articles, skipping items already
// stored and items without text. An item with only an excerpt gets the text
// of its page from Options.Page, keeping the feed's metadata (id, title,
// link, date, author, outlet); when there is no Page or it fails, the
// excerpt is kept. The error is ctx's: a poll cancelled while fetching pages
// is abandoned rather than ingesting excerpts in place of pages.
func (p *Poller) articles(ctx context.Context, sub parallax.FeedSubscription, f *feed.Feed) ([]*parallax.Article, error) {
	arts := make([]*parallax.Article, len(f.Items))
	var g errgroup.Group
	g.SetLimit(pageWorkers)
	for i := range f.Items {
		it := &f.Items[i]
		a := f.Article(it, sub.Source)
		if a.ID == "" {
			a.ID = it.Link
		}
		if p.stored(ctx, a) {
			continue
		}
		arts[i] = a
		if p.o.Page == nil || !isWebURL(it.Link) || (!it.Partial() && strings.TrimSpace(a.Body) != "") {
			continue
		}
		g.Go(func() error {
			p.page(ctx, sub, a, it.Link)
			return nil
		})
	}
	g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := arts[:0]
	for _, a := range arts {
		if a != nil && strings.TrimSpace(a.Body) != "" {
			out = append(out, a)
		}
	}
	return out, nil
}

// page replaces a's excerpt with the text of its page, filling in what the
// feed did not say; it leaves a as it is when the page cannot be had.
func (p *Poller) page(ctx context.Context, sub parallax.FeedSubscription, a *parallax.Article, link string) {
	pg, err := p.o.Page(ctx, link)
	if err == nil && (pg == nil || strings.TrimSpace(pg.Body) == "") {
		err = errors.New("no article text")
	}
	if err != nil {
		if ctx.Err() == nil {
			kept := "the excerpt"
			if strings.TrimSpace(a.Body) == "" {
				kept = "nothing"
			}
			p.o.Logger.Warn("poll: item page", "feed", sub.ID, "item", a.ID, "url", link, "err", err, "kept", kept)
		}
		return
	}
	feed.Complete(a, pg)
}

// stored reports whether a is already in the store under its id and
// address: the store would drop it as a duplicate, so neither its page nor
// the ingester's work is worth spending. A lookup that fails is taken as
// not stored; the store still drops duplicates.
func (p *Poller) stored(ctx context.Context, a *parallax.Article) bool {
	if a.ID == "" {
		return false
	}
	got, err := p.store.Article(ctx, a.ID)
	if err != nil || got == nil || got.URL != a.URL {
		return false
	}
	return a.URL != "" || (got.Source == a.Source && got.Title == a.Title)
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// mediaType is the media type of a Content-Type header, "" when absent.
func mediaType(ct string) string {
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}
