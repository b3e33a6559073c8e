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
const dbFlagHelp = "story store: a SQLite file (default $PARALLAX_DB or the user data directory) or a postgres:// URL"

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
// missing, or a postgres:// URL), or the default SQLite file.
func openStore(ctx context.Context, db string) (*namedStore, error) {
	if isPostgres(db) {
		s, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, err
		}
		return &namedStore{s, redactDSN(db)}, nil
	}
	if db == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			return nil, err
		}
		db = p
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
	if !isPostgres(db) {
		path := db
		if path == "" {
			p, err := sqlite.DefaultPath()
			if err != nil {
				return nil, err
			}
			path = p
		}
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("no story store at %s (run parallax ingest first, or pass --db)", path)
			}
			return nil, err
		}
		db = path
	}
	return openStore(ctx, db)
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
