package sqlite

import (
	"context"
	"errors"

	"github.com/parallax-news/parallax"
)

// Placeholders until the store's quote, entity and feed tables land; they
// keep *DB a parallax.Store meanwhile.
var errTODO = errors.New("sqlite: not implemented yet")

var _ parallax.Store = (*DB)(nil)

func (db *DB) StoryOf(ctx context.Context, article string) (string, error) { return "", errTODO }
func (db *DB) Quotes(ctx context.Context, q parallax.QuoteQuery) ([]parallax.QuoteHit, error) {
	return nil, errTODO
}
func (db *DB) Entity(ctx context.Context, name string) (parallax.EntityPage, error) {
	return parallax.EntityPage{}, errTODO
}
func (db *DB) AddFeed(ctx context.Context, f parallax.FeedSubscription) (parallax.FeedSubscription, bool, error) {
	return f, false, errTODO
}
func (db *DB) RemoveFeed(ctx context.Context, id string) error { return errTODO }
func (db *DB) Feed(ctx context.Context, id string) (parallax.FeedSubscription, error) {
	return parallax.FeedSubscription{}, errTODO
}
func (db *DB) Feeds(ctx context.Context) ([]parallax.FeedSubscription, error)    { return nil, errTODO }
func (db *DB) UpdateFeed(ctx context.Context, f parallax.FeedSubscription) error { return errTODO }
func (db *DB) Stats(ctx context.Context) (parallax.StoreStats, error) {
	return parallax.StoreStats{}, errTODO
}
func (db *DB) Ping(ctx context.Context) error { return db.read.PingContext(ctx) }
