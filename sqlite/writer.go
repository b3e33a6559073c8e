package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/parallax-news/parallax"
)

// writerLocks are the stores this process holds the writer lock of, by
// path: a second LockWriter in the same process fails without relying on
// the operating system's lock semantics.
var writerLocks sync.Map

// LockWriter makes this process the store's one writer. The lock is an
// exclusive lock on the file PATH.writer (flock on Unix), which the system
// drops when the process ends, however it ends; where no such lock exists
// (Windows and a few Unix systems), only this process's other callers are
// kept out. An in-memory store only has callers in this process.
func (db *DB) LockWriter(ctx context.Context) (func() error, error) {
	memory := db.path == ":memory:"
	key := db.path
	if memory {
		key = fmt.Sprintf(":memory:%p", db) // each in-memory store is its own
	}
	if _, held := writerLocks.LoadOrStore(key, true); held {
		return nil, errorf(parallax.ECONFLICT, "%s: another writer in this process holds the store", db.path)
	}
	if memory {
		return releaseOnce(func() error { writerLocks.Delete(key); return nil }), nil
	}
	f, err := os.OpenFile(db.path+".writer", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		writerLocks.Delete(key)
		return nil, fmt.Errorf("sqlite: writer lock: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		writerLocks.Delete(key)
		if errors.Is(err, errLocked) {
			return nil, errorf(parallax.ECONFLICT, "%s: another process is writing to the store (parallax serve or ingest)", db.path)
		}
		return nil, fmt.Errorf("sqlite: writer lock: %w", err)
	}
	return releaseOnce(func() error {
		err := errors.Join(unlockFile(f), f.Close())
		writerLocks.Delete(key)
		return err
	}), nil
}

// releaseOnce makes a release function safe to call more than once.
func releaseOnce(f func() error) func() error {
	var once sync.Once
	var err error
	return func() error {
		once.Do(func() { err = f() })
		return err
	}
}
