package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax"
)

// DefaultFeedInterval is parallax.DefaultFeedInterval.
const DefaultFeedInterval = parallax.DefaultFeedInterval

const feedColumns = `id, url, source, interval_s, added_at, title, etag, last_modified,
	last_polled, last_success, next_poll, failures, last_error, articles`

func scanFeed(r pgx.Row) (parallax.FeedSubscription, error) {
	var (
		f                     parallax.FeedSubscription
		seconds               int64
		added                 time.Time
		polled, success, next *time.Time
	)
	err := r.Scan(&f.ID, &f.URL, &f.Source, &seconds, &added, &f.Title, &f.ETag, &f.LastModified,
		&polled, &success, &next, &f.Failures, &f.LastError, &f.Articles)
	if err != nil {
		return f, err
	}
	f.Interval = time.Duration(seconds) * time.Second
	f.Added = added.UTC()
	f.LastPolled, f.LastSuccess, f.NextPoll = timeOf(polled), timeOf(success), timeOf(next)
	return f, nil
}

// AddFeed subscribes a feed by URL, an absolute http or https URL. A URL
// already subscribed (compared by parallax.NormalizeURL) returns the stored
// subscription and created false. Interval 0 means DefaultFeedInterval; it
// is kept in whole seconds.
func (db *DB) AddFeed(ctx context.Context, f parallax.FeedSubscription) (parallax.FeedSubscription, bool, error) {
	f, err := parallax.CheckFeed(f)
	if err != nil {
		return parallax.FeedSubscription{}, false, err
	}
	if !validKey(f.URL) {
		return parallax.FeedSubscription{}, false, errorf(parallax.EINVALID, "add feed: %q is not UTF-8 text without NUL", f.URL)
	}
	raw, interval := f.URL, f.Interval
	added := f.Added
	if added.IsZero() {
		added = db.now()
	}
	id := f.ID
	// The conflict waits for a concurrent insert of the same feed to end,
	// but the statement's snapshot predates it: the stored row is then read
	// by the next attempt.
	for range 3 {
		sub, err := scanFeed(db.pool.QueryRow(ctx, `INSERT INTO feeds (id, url, source, interval_s, added_at)
			VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (id) DO NOTHING
			RETURNING `+feedColumns, id, raw, text(f.Source), int64(interval/time.Second), added))
		if err == nil {
			return sub, true, nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return parallax.FeedSubscription{}, false, fmt.Errorf("postgres: add feed %s: %w", raw, err)
		}
		sub, err = db.Feed(ctx, id)
		if err == nil {
			return sub, false, nil
		}
		if !errors.Is(err, parallax.ErrNotFound) {
			return parallax.FeedSubscription{}, false, err
		}
		// Removed in between: insert again.
	}
	return parallax.FeedSubscription{}, false, fmt.Errorf("postgres: add feed %s: subscription keeps changing", raw)
}

// RemoveFeed ends a subscription.
func (db *DB) RemoveFeed(ctx context.Context, id string) error {
	if !validKey(id) {
		return errorf(parallax.ENOTFOUND, "feed %q not found", id)
	}
	tag, err := db.pool.Exec(ctx, `DELETE FROM feeds WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: remove feed %s: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return errorf(parallax.ENOTFOUND, "feed %q not found", id)
	}
	return nil
}

// Feed returns one subscription with its poll status.
func (db *DB) Feed(ctx context.Context, id string) (parallax.FeedSubscription, error) {
	if !validKey(id) {
		return parallax.FeedSubscription{}, errorf(parallax.ENOTFOUND, "feed %q not found", id)
	}
	f, err := scanFeed(db.pool.QueryRow(ctx, `SELECT `+feedColumns+` FROM feeds WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return f, errorf(parallax.ENOTFOUND, "feed %q not found", id)
	}
	if err != nil {
		return f, fmt.Errorf("postgres: feed %s: %w", id, err)
	}
	return f, nil
}

// Feeds lists subscriptions in the order they were added.
func (db *DB) Feeds(ctx context.Context) ([]parallax.FeedSubscription, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("postgres: feeds: %w", err)
	}
	defer rows.Close()
	var out []parallax.FeedSubscription
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: feeds: %w", err)
	}
	return out, nil
}

// UpdateFeed stores the poll status fields of f (everything but ID, URL,
// Source, Interval and Added) after a poll.
func (db *DB) UpdateFeed(ctx context.Context, f parallax.FeedSubscription) error {
	if !validKey(f.ID) {
		return errorf(parallax.ENOTFOUND, "feed %q not found", f.ID)
	}
	tag, err := db.pool.Exec(ctx, `UPDATE feeds SET title = $2, etag = $3, last_modified = $4,
			last_polled = $5, last_success = $6, next_poll = $7, failures = $8, last_error = $9, articles = $10
		WHERE id = $1`,
		f.ID, text(f.Title), text(f.ETag), text(f.LastModified),
		nullTime(f.LastPolled), nullTime(f.LastSuccess), nullTime(f.NextPoll), f.Failures, text(f.LastError), f.Articles)
	if err != nil {
		return fmt.Errorf("postgres: update feed %s: %w", f.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return errorf(parallax.ENOTFOUND, "feed %q not found", f.ID)
	}
	return nil
}
