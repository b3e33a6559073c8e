package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/postgres"
	"github.com/parallax-news/parallax/sqlite"
)

// dbFlagHelp is the help of every --db flag.
const dbFlagHelp = "story store: a SQLite file or a postgres:// URL (default $PARALLAX_DB, else a SQLite file in the user data directory)"

// namedStore is an open store with the name messages show for it.
type namedStore struct {
	parallax.Store
	name string
}

// isPostgres reports whether a --db value names a PostgreSQL server.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// openStore opens the store named by --db (a SQLite file, created when
// missing, or a postgres:// URL), or the default store (see storeAddress).
func openStore(ctx context.Context, db string) (*namedStore, error) {
	db, err := storeAddress(db)
	if err != nil {
		return nil, err
	}
	if isPostgres(db) {
		s, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, err
		}
		return &namedStore{s, redactDSN(db)}, nil
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	return &namedStore{s, db}, nil
}

// openExisting is openStore for commands that only read: a SQLite file
// must exist already.
func openExisting(ctx context.Context, db string) (*namedStore, error) {
	db, err := storeAddress(db)
	if err != nil {
		return nil, err
	}
	if !isPostgres(db) {
		if _, err := os.Stat(db); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("no story store at %s (run parallax ingest first, or pass --db)", db)
			}
			return nil, err
		}
	}
	return openStore(ctx, db)
}

// storeAddress is the store a --db value names: the value itself, or when
// it is empty the default, which is $PARALLAX_DB (a SQLite file or a
// postgres:// URL) or the SQLite file in the user data directory.
func storeAddress(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	return sqlite.DefaultPath()
}

// redactDSN hides the password of a connection URL in messages.
func redactDSN(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	creds := dsn[scheme+3 : at]
	if i := strings.Index(creds, ":"); i >= 0 {
		return dsn[:scheme+3] + creds[:i] + ":***" + dsn[at:]
	}
	return dsn
}
