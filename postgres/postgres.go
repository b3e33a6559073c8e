// Package postgres is the shared store of Parallax: the parallax.Store
// contract (articles, the stories they were clustered into, each story's
// Brief, the quotes and entities of the briefs, feed subscriptions and the
// resume points of ingest sources) kept in a PostgreSQL database through
// pgx, so that several servers can ingest into and read from one store.
//
// It behaves as the embedded store of package sqlite does: every Commit is
// one transaction, articles are idempotent by id, normalized URL
// (parallax.NormalizeURL) and content hash (parallax.ContentHash), a story's
// counts and times are recomputed in the transaction that changes them, and
// stories list in the same orders. Search uses a stored tsvector column
// (English stemming, title words weighted above body words) with a GIN
// index; a story's relevance adds up ts_rank over its matching articles.
//
// # Connecting
//
// Open takes a libpq-style URL or keyword/value string, for example
//
//	postgres://parallax@db.internal:5432/news?sslmode=verify-full
//	postgres://parallax@db.internal/news?search_path=parallax_prod
//	host=db.internal dbname=news search_path=parallax_prod
//
// A search_path parameter selects the schema the tables live in, the first
// entry of the path; Open creates that schema when it does not exist, so
// several stores can share one database. A mixed-case name is quoted, as
// in SQL, and in a URL percent-encoded: search_path=%22News%20Desk%22
// ('+' is not a space in a libpq URL). Without search_path the tables go in
// the role's default schema (usually public). pgxpool parameters
// (pool_max_conns, ...) and pgx ones (default_query_exec_mode=exec behind a
// transaction-mode pooler) are accepted too.
//
// Open brings the schema up to date with the embedded migrations, recorded
// in schema_migrations. Migrating holds a transaction-scoped advisory lock
// keyed by the search_path, so servers starting together on a new database
// apply each migration once.
//
// # Several writers
//
// Servers may commit to one store at once. A Commit locks the stories it
// touches in id order before recomputing them, so each recount sees every
// committed assignment; a transaction PostgreSQL still aborts as a deadlock
// victim is run again, a few times at most.
//
// # Differences from the SQLite store
//
// PostgreSQL text cannot hold NUL bytes or invalid UTF-8: article text and
// the indexed quotes and entities are stored with those replaced by U+FFFD
// (a brief's JSON keeps NUL escaped), and an id, story id, checkpoint source
// or value containing them is rejected as invalid. Times are kept to the
// microsecond, timestamptz's resolution. Search follows PostgreSQL's English
// configuration: stop words ("the", "of") are ignored rather than required,
// a search of stop words only finds nothing, and accents are folded in the
// search words but not in the stored text, so "FÉRRY" finds "ferry" while
// "cafe" does not find "café".
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/migration"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open store. It is safe for concurrent use, also by several
// processes sharing the database.
type DB struct {
	pool *pgxpool.Pool
	// Now returns the current time; tests replace it. The store keeps it
	// to the microsecond.
	Now func() time.Time
}

var _ parallax.Store = (*DB)(nil)

func errorf(code, format string, args ...any) error {
	return parallax.Errorf(code, "postgres: "+format, args...)
}

// Open connects to the database dsn names and brings the schema up to
// date. See the package documentation for the forms dsn takes.
func Open(ctx context.Context, dsn string) (*DB, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, errorf(parallax.EINVALID, "open: empty connection string")
	}
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgconn's parse errors leave the password out.
		return nil, errorf(parallax.EINVALID, "open: %v", err)
	}
	where := describe(cfg)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", where, err)
	}
	db := &DB{pool: pool, Now: time.Now}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", where, err)
	}
	if err := db.migrate(ctx, cfg.ConnConfig.RuntimeParams["search_path"]); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", where, err)
	}
	return db, nil
}

// describe names the database for error messages, without credentials.
func describe(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	s := fmt.Sprintf("%s:%d/%s", c.Host, c.Port, c.Database)
	if sp := c.RuntimeParams["search_path"]; sp != "" {
		s += " (search_path " + sp + ")"
	}
	return s
}

// Close closes the connections.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Ping checks the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.pool.Ping(ctx); err != nil {
		return fmt.Errorf("postgres: ping: %w", err)
	}
	return nil
}

// loadMigrations reads the embedded migrations in version order.
func loadMigrations() ([]migration.Migration, error) {
	return migration.Load(migrations, "migrations/*.sql")
}

// migrate applies the migrations newer than the schema in one transaction
// that first takes an advisory lock keyed by the search_path: a second
// server starting at the same time waits for it and then finds the
// migrations applied.
func (db *DB) migrate(ctx context.Context, searchPath string) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	latest := ms[len(ms)-1].Version
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('parallax migrate'), hashtext(current_setting('search_path')))`); err != nil {
			return fmt.Errorf("migration lock: %w", err)
		}
		if schema := firstSchema(searchPath); schema != "" {
			// CREATE SCHEMA IF NOT EXISTS would need the CREATE privilege
			// on the database even when the schema exists.
			var exists bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, schema).Scan(&exists); err != nil {
				return fmt.Errorf("schema %q: %w", schema, err)
			}
			if !exists {
				if _, err := tx.Exec(ctx, `CREATE SCHEMA `+pgx.Identifier{schema}.Sanitize()); err != nil {
					return fmt.Errorf("create schema %q: %w", schema, err)
				}
			}
		}
		var current *string
		if err := tx.QueryRow(ctx, `SELECT current_schema()`).Scan(&current); err != nil {
			return err
		}
		if current == nil {
			return fmt.Errorf("no schema to create tables in: search_path %q names none that exists", searchPath)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer     PRIMARY KEY,
			name       text        NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
			return fmt.Errorf("schema_migrations: %w", err)
		}
		var cur int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&cur); err != nil {
			return fmt.Errorf("schema_migrations: %w", err)
		}
		if cur > latest {
			return fmt.Errorf("schema %s is at version %d, newer than this program knows (%d)", *current, cur, latest)
		}
		for _, m := range ms {
			if m.Version <= cur {
				continue
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
		}
		return nil
	})
}

// firstSchema returns the schema the first entry of a search_path setting
// names, as PostgreSQL reads it: unquoted names are lower-cased, quoted ones
// kept with "" read as ". It returns "" for an empty path and for $user,
// which names a schema per role.
func firstSchema(searchPath string) string {
	s := strings.TrimSpace(searchPath)
	if s == "" {
		return ""
	}
	if s[0] == '"' {
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			if s[i] != '"' {
				b.WriteByte(s[i])
				continue
			}
			if i+1 < len(s) && s[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			return b.String()
		}
		return "" // unterminated: let the server report it
	}
	name, _, _ := strings.Cut(s, ",")
	name = strings.TrimSpace(name)
	if name == "$user" {
		return ""
	}
	return asciiLower(name)
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// SchemaVersion reports the newest migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("postgres: schema version: %w", err)
	}
	return v, nil
}

// now is the store's clock, to the microsecond that timestamptz keeps.
func (db *DB) now() time.Time { return db.Now().UTC().Truncate(time.Microsecond) }

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// timeOf reads a nullable timestamptz, NULL as the zero time, in UTC.
func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// validKey reports whether s can be stored as PostgreSQL text unchanged: an
// identifier that cannot is rejected rather than altered.
func validKey(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// text makes s storable as PostgreSQL text, which has no NUL and must be
// valid UTF-8: both become U+FFFD.
func text(s string) string {
	if validKey(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// Retryable PostgreSQL errors: a transaction that lost a serialization race
// or was picked as a deadlock victim can run again.
const (
	codeSerialization = "40001"
	codeDeadlock      = "40P01"
	codeForeignKey    = "23503"
)

func pgCode(err error) string {
	var e *pgconn.PgError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
