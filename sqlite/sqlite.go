// Package sqlite is the embedded store of Parallax, a parallax.Store kept
// in one SQLite file (modernc.org/sqlite, pure Go): articles, the stories
// they were clustered into, each story's Brief with the quotes and
// entities indexed from it, the resume points of ingest sources and feed
// subscriptions. It follows the specification in package storetest and
// passes its suite.
//
// Every write of stories goes through Commit, one transaction per call: a
// batch of articles, the assignments and story updates they caused (with
// the quote and entity rows of each new brief) and the source checkpoint
// that covers them become visible together or not at all, so an
// interrupted ingest resumes from the checkpoint without loss or
// duplicates. Adding an article is idempotent by id, normalized URL and
// content hash.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/migration"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open store. It is safe for concurrent use: reads run on a pool of
// connections and see a consistent snapshot while one writer commits (WAL).
type DB struct {
	path string
	// write has a single connection and starts transactions with BEGIN
	// IMMEDIATE, so writers queue on the lock instead of failing with
	// SQLITE_BUSY when a read transaction would have to be upgraded.
	write *sql.DB
	// read is a pool of query-only connections; it is write itself for an
	// in-memory database, whose contents exist only on one connection.
	read *sql.DB

	// Now returns the current time; tests replace it.
	Now func() time.Time

	// stmts caches prepared read statements by query text: the hot reads
	// of a server would otherwise spend a fifth of their time parsing SQL.
	stmts sync.Map
}

// prepared returns the read pool's prepared statement for q, preparing it
// on first use.
func (db *DB) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	if s, ok := db.stmts.Load(q); ok {
		return s.(*sql.Stmt), nil
	}
	s, err := db.read.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if prev, loaded := db.stmts.LoadOrStore(q, s); loaded {
		s.Close()
		return prev.(*sql.Stmt), nil
	}
	return s, nil
}

var _ parallax.Store = (*DB)(nil)

// Error codes, errors and listing types are the root package's; these
// names keep the package's earlier API.
const (
	ENOTFOUND = parallax.ENOTFOUND
	EINVALID  = parallax.EINVALID
)

type (
	Error        = parallax.Error
	Batch        = parallax.Batch
	StoryUpdate  = parallax.StoryUpdate
	Checkpoint   = parallax.Checkpoint
	Order        = parallax.Order
	StoryQuery   = parallax.StoryQuery
	StorySummary = parallax.StorySummary
)

const (
	OrderDefault   = parallax.OrderDefault
	OrderNewest    = parallax.OrderNewest
	OrderLargest   = parallax.OrderLargest
	OrderRelevance = parallax.OrderRelevance
	OrderGrowing   = parallax.OrderGrowing
)

// ErrNotFound is returned (wrapped) when a story or article does not exist.
var ErrNotFound = parallax.ErrNotFound

func errorf(code, format string, args ...any) error {
	return parallax.Errorf(code, "sqlite: "+format, args...)
}

// DefaultPath is where the store lives when no --db flag is given:
// $PARALLAX_DB when set; otherwise parallax/parallax.db under the user's data
// directory: $XDG_DATA_HOME or ~/.local/share on Unix, ~/Library/Application
// Support on macOS, %LocalAppData% on Windows.
func DefaultPath() (string, error) {
	if p := os.Getenv("PARALLAX_DB"); p != "" {
		return p, nil
	}
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = os.Getenv("LocalAppData")
		if dir == "" {
			return "", errors.New("sqlite: default path: %LocalAppData% is not set")
		}
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("sqlite: default path: %w", err)
		}
		dir = filepath.Join(home, "Library", "Application Support")
	default:
		// The XDG spec says relative values are invalid and must be ignored.
		if x := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(x) {
			dir = x
		} else {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("sqlite: default path: %w", err)
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "parallax", "parallax.db"), nil
}

// Open opens the store at path, creating the file and its directory when
// missing, and brings the schema up to date. ":memory:" opens a private
// in-memory store, for tests.
func Open(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, 0)
}

// open is Open with the schema brought only up to version upTo when it is
// positive.
func open(ctx context.Context, path string, upTo int) (*DB, error) {
	if path == "" {
		return nil, errorf(EINVALID, "open: empty path")
	}
	db := &DB{path: path, Now: time.Now}
	memory := path == ":memory:"
	if !memory {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
	}

	// synchronous=NORMAL in WAL mode loses no committed transaction when the
	// process dies, only (the last ones) on power loss, and then the
	// checkpoint rolls back with its batch, so resuming stays exact.
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_txlock", "immediate")
	if !memory {
		q.Add("_pragma", "journal_mode(WAL)")
	}
	w, err := sql.Open("sqlite", dsn(path, q))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	db.write, db.read = w, w
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := db.migrate(ctx, upTo); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if memory {
		return db, nil
	}

	rq := url.Values{}
	rq.Add("_pragma", "busy_timeout(10000)")
	rq.Add("_pragma", "query_only(1)")
	// Readers map the file instead of copying each page out with a
	// pread call: a brief spans several overflow pages, and the system
	// calls were a quarter of a server's time answering brief reads.
	// Pages past the mapped size are still read the usual way.
	rq.Add("_pragma", "mmap_size(1073741824)")
	r, err := sql.Open("sqlite", dsn(path, rq))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	db.read = r
	return db, nil
}

// dsn appends driver parameters to a plain file name. Query strings are cut
// from plain names before SQLite sees them, so a '?' inside the path itself
// would be lost; such paths go through a file: URI instead.
func dsn(path string, q url.Values) string {
	if strings.ContainsAny(path, "?#") && path != ":memory:" {
		u := url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: q.Encode()}
		return u.String()
	}
	return path + "?" + q.Encode()
}

// Path returns the file the store was opened from.
func (db *DB) Path() string { return db.path }

// Close closes the store.
func (db *DB) Close() error {
	db.stmts.Range(func(_, s any) bool {
		s.(*sql.Stmt).Close()
		return true
	})
	var err error
	if db.read != db.write {
		err = db.read.Close()
	}
	return errors.Join(err, db.write.Close())
}

// loadMigrations reads the embedded migrations in version order.
func loadMigrations() ([]migration.Migration, error) {
	return migration.Load(migrations, "migrations/*.sql")
}

// upgrades are the steps of a migration that SQL cannot do, run after the
// migration's SQL in the same transaction. Version 2 derives the quote and
// entity tables from the briefs already stored; version 3 rewrites them in
// their canonical form.
var upgrades = map[int]func(ctx context.Context, tx *sql.Tx) error{
	2: reindexBriefs,
	3: canonicalBriefs,
}

// migrate applies every migration newer than the database, each in its own
// transaction together with its schema_version row, stopping after version
// upTo when it is positive (tests build old databases with it). Two
// processes opening the same new file serialize on BEGIN IMMEDIATE and the
// second sees the first one's versions.
func (db *DB) migrate(ctx context.Context, upTo int) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	if upTo > 0 {
		ms = slices.DeleteFunc(ms, func(m migration.Migration) bool { return m.Version > upTo })
	}
	if _, err := db.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("schema_version: %w", err)
	}
	for _, m := range ms {
		if err := db.apply(ctx, m, ms[len(ms)-1].Version); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) apply(ctx context.Context, m migration.Migration, latest int) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var cur int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&cur); err != nil {
		return fmt.Errorf("schema_version: %w", err)
	}
	if cur > latest {
		return fmt.Errorf("schema version %d is newer than this program knows (%d)", cur, latest)
	}
	if cur >= m.Version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if up := upgrades[m.Version]; up != nil {
		if err := up(ctx, tx); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, formatTime(db.Now())); err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	return tx.Commit()
}

// SchemaVersion reports the newest migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.read.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// timeLayout is fixed width and always UTC, so that comparing the stored
// text compares the times (for years 0000-9999).
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeLayout, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s.String, err)
	}
	return t, nil
}
