package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax"
)

// DefaultFeedInterval is parallax.DefaultFeedInterval.
const DefaultFeedInterval = parallax.DefaultFeedInterval

// FeedID is parallax.FeedID.
func FeedID(normalizedURL string) string { return parallax.FeedID(normalizedURL) }

const feedColumns = `id, url, source, interval_s, added, title, etag, last_modified,
	last_polled, last_success, next_poll, failures, last_error, articles`

func scanFeed(r scanner) (parallax.FeedSubscription, error) {
	var (
		f                            parallax.FeedSubscription
		secs                         int64
		added, polled, success, next sql.NullString
	)
	if err := r.Scan(&f.ID, &f.URL, &f.Source, &secs, &added, &f.Title, &f.ETag, &f.LastModified,
		&polled, &success, &next, &f.Failures, &f.LastError, &f.Articles); err != nil {
		return f, err
	}
	f.Interval = time.Duration(secs) * time.Second
	var errs [4]error
	f.Added, errs[0] = parseTime(added)
	f.LastPolled, errs[1] = parseTime(polled)
	f.LastSuccess, errs[2] = parseTime(success)
	f.NextPoll, errs[3] = parseTime(next)
	if err := errors.Join(errs[:]...); err != nil {
		return f, fmt.Errorf("feed %s: %w", f.ID, err)
	}
	return f, nil
}

// AddFeed subscribes a feed by URL, which must be an absolute http or https
// URL. Its id is FeedID of the normalized URL; a zero Interval is
// DefaultFeedInterval and a zero Added the current time. The poll status
// fields of f are not stored: a new subscription has none. A URL already
// subscribed (by NormalizeURL) returns the stored subscription, created
// false.
func (db *DB) AddFeed(ctx context.Context, f parallax.FeedSubscription) (sub parallax.FeedSubscription, created bool, err error) {
	f, err = parallax.CheckFeed(f)
	if err != nil {
		return sub, false, err
	}
	raw, key := f.URL, NormalizeURL(f.URL)
	if f.Added.IsZero() {
		f.Added = db.Now()
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return sub, false, fmt.Errorf("sqlite: add feed %s: %w", raw, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO feeds(id, url, url_key, source, interval_s, added) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, f.ID, raw, key, f.Source, int64(f.Interval/time.Second), formatTime(f.Added))
	if err != nil {
		return sub, false, fmt.Errorf("sqlite: add feed %s: %w", raw, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return sub, false, fmt.Errorf("sqlite: add feed %s: %w", raw, err)
	}
	sub, err = scanFeed(tx.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url_key = ?`, key))
	if errors.Is(err, sql.ErrNoRows) {
		// Not inserted, yet no feed has the URL: another URL's id is the
		// same (12 hex digits of SHA-256 collide).
		return sub, false, errorf(parallax.ECONFLICT, "add feed %s: id %s is taken by another feed", raw, FeedID(key))
	}
	if err != nil {
		return sub, false, fmt.Errorf("sqlite: add feed %s: %w", raw, err)
	}
	if err := tx.Commit(); err != nil {
		return sub, false, fmt.Errorf("sqlite: add feed %s: %w", raw, err)
	}
	return sub, n == 1, nil
}

// RemoveFeed ends a subscription.
func (db *DB) RemoveFeed(ctx context.Context, id string) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: remove feed %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlite: remove feed %s: %w", id, err)
	} else if n == 0 {
		return errorf(ENOTFOUND, "feed %q not found", id)
	}
	return nil
}

// Feed returns one subscription with its poll status.
func (db *DB) Feed(ctx context.Context, id string) (parallax.FeedSubscription, error) {
	f, err := scanFeed(db.read.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, errorf(ENOTFOUND, "feed %q not found", id)
	}
	if err != nil {
		return f, fmt.Errorf("sqlite: feed %s: %w", id, err)
	}
	return f, nil
}

// Feeds lists subscriptions in the order they were added.
func (db *DB) Feeds(ctx context.Context) ([]parallax.FeedSubscription, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: feeds: %w", err)
	}
	defer rows.Close()
	var out []parallax.FeedSubscription
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: feeds: %w", err)
	}
	return out, nil
}

// UpdateFeed stores the poll status fields of f (everything but ID, URL,
// Source, Interval and Added) after a poll.
func (db *DB) UpdateFeed(ctx context.Context, f parallax.FeedSubscription) error {
	res, err := db.write.ExecContext(ctx, `UPDATE feeds SET title = ?, etag = ?, last_modified = ?,
		last_polled = ?, last_success = ?, next_poll = ?, failures = ?, last_error = ?, articles = ?
		WHERE id = ?`,
		f.Title, f.ETag, f.LastModified, nullTime(f.LastPolled), nullTime(f.LastSuccess), nullTime(f.NextPoll),
		f.Failures, f.LastError, f.Articles, f.ID)
	if err != nil {
		return fmt.Errorf("sqlite: update feed %s: %w", f.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlite: update feed %s: %w", f.ID, err)
	} else if n == 0 {
		return errorf(ENOTFOUND, "feed %q not found", f.ID)
	}
	return nil
}
