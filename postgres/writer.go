package postgres

import (
	"context"
	"fmt"
	"sync"

	"github.com/parallax-news/parallax"
)

// LockWriter makes the caller the store's one writer: a session-level
// advisory lock keyed by the schema, held on a connection taken out of the
// pool until release. PostgreSQL drops it when that session ends, so a
// writer that dies frees the store at once.
func (db *DB) LockWriter(ctx context.Context) (func() error, error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: writer lock: %w", err)
	}
	const key = `hashtext('parallax writer'), hashtext(current_schema())`
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(`+key+`)`).Scan(&ok); err != nil {
		conn.Release()
		return nil, fmt.Errorf("postgres: writer lock: %w", err)
	}
	if !ok {
		conn.Release()
		return nil, errorf(parallax.ECONFLICT, "another writer (parallax serve or ingest) holds this store")
	}
	var once sync.Once
	var rerr error
	return func() error {
		once.Do(func() {
			// A new context: releasing must work after the caller's
			// is done.
			_, rerr = conn.Exec(context.Background(), `SELECT pg_advisory_unlock(`+key+`)`)
			if rerr != nil {
				// The lock is tied to the session: closing it frees the
				// lock whatever went wrong.
				conn.Conn().Close(context.Background())
				rerr = fmt.Errorf("postgres: writer unlock: %w", rerr)
			}
			conn.Release()
		})
		return rerr
	}, nil
}
