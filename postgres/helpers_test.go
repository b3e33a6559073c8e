package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax"
)

// envDSN names the database the tests run against. Each test works in a
// schema of its own, created and dropped by the test, so tests run in
// parallel and leave nothing behind.
const envDSN = "PARALLAX_TEST_POSTGRES"

var (
	reachOnce sync.Once
	reachErr  error
)

// testDSN returns the test database's connection string, skipping the test
// when none is configured or the server does not answer.
func testDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(envDSN)
	required := os.Getenv("PARALLAX_POSTGRES_REQUIRED") == "1"
	if dsn == "" {
		if required {
			t.Fatalf("PARALLAX_POSTGRES_REQUIRED=1 but %s is not set", envDSN)
		}
		t.Skipf("PostgreSQL tests need a server: set %s, e.g. %s=postgres://root@127.0.0.1:5432/test?sslmode=disable go test ./postgres/", envDSN, envDSN)
	}
	reachOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			reachErr = err
			return
		}
		defer conn.Close(ctx)
		reachErr = conn.Ping(ctx)
	})
	if reachErr != nil {
		if required {
			t.Fatalf("PARALLAX_POSTGRES_REQUIRED=1 but PostgreSQL named by %s is unreachable: %v", envDSN, reachErr)
		}
		t.Skipf("PostgreSQL named by %s is unreachable (%v); start it or point %s at a reachable server", envDSN, reachErr, envDSN)
	}
	return dsn
}

// withSearchPath adds a search_path parameter to a URL or keyword/value
// connection string.
func withSearchPath(t testing.TB, dsn, schema string) string {
	t.Helper()
	return withParam(t, dsn, "search_path", schema)
}

// withParam adds a parameter to a URL or keyword/value connection string.
func withParam(t testing.TB, dsn, key, value string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatalf("%s: %v", envDSN, err)
		}
		q := u.Query()
		q.Set(key, value)
		// libpq (and pgx after it) reads '+' in a URI as itself, not as
		// a space; Encode writes a literal '+' as %2B.
		u.RawQuery = strings.ReplaceAll(q.Encode(), "+", "%20")
		return u.String()
	}
	return dsn + " " + key + "='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(value) + "'"
}

// newSchemaName returns a random schema name no other test uses.
func newSchemaName(t testing.TB) string {
	t.Helper()
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "parallax_test_" + hex.EncodeToString(b)
}

// exec runs statements on the test database outside any store.
func exec(t testing.TB, dsn string, sql ...string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, s := range sql {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// freshSchema creates an empty schema, drops it with everything in it when
// the test ends, and returns a connection string whose search_path names
// it.
func freshSchema(t testing.TB) string {
	t.Helper()
	dsn := testDSN(t)
	name := newSchemaName(t)
	exec(t, dsn, `CREATE SCHEMA `+name)
	t.Cleanup(func() { exec(t, dsn, `DROP SCHEMA IF EXISTS `+name+` CASCADE`) })
	return withSearchPath(t, dsn, name)
}

// openTest opens a store in a fresh schema; it is closed before the schema
// is dropped.
func openTest(t testing.TB) *DB {
	t.Helper()
	dsn := freshSchema(t)
	db, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t testing.TB, db *DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.pool.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func commit(t testing.TB, db *DB, b parallax.Batch) []bool {
	t.Helper()
	added, err := db.Commit(context.Background(), b)
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return added
}

var t0 = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

// Topics for generated articles: each has its own vocabulary so that
// searches have a right answer.
var topics = []struct{ place, event, official, agency string }{
	{"Valmora", "flooding along the Serrin river", "Mayor Elena Castell", "the regional water authority"},
	{"Kestrel Bay", "a ferry collision in heavy fog", "Harbour Master Tom Ridley", "the coastguard"},
	{"Ostrava Plains", "a wildfire that jumped a firebreak", "Fire Chief Anya Weller", "the forestry service"},
	{"Marbury", "a strike by transit workers over pay", "union leader Dev Malhotra", "the transport ministry"},
	{"Lindholm", "a cyberattack on the hospital network", "Health Minister Sigrid Aas", "the national cyber security centre"},
}

// newsArticle is a wire-style report of about 250 words, unique per i, on
// topic i%len(topics).
func newsArticle(i int) *parallax.Article {
	tp := topics[i%len(topics)]
	body := fmt.Sprintf(`%[1]s - Authorities in %[1]s said on Tuesday that at least %[2]d people had been affected by %[3]s, and warned that the figure could rise as teams reached outlying districts.

%[4]s told reporters that %[5]s had deployed additional staff overnight. "We are doing everything we can, but the next 48 hours will be critical," %[4]s said at a briefing outside the municipal offices.

Residents described a chaotic night. One shopkeeper, who asked not to be named, said the warning came "far too late" and that neighbours had helped each other. Others praised volunteers who arrived before the official teams.

The opposition called for an independent inquiry into the response, saying earlier warnings had been ignored. A spokesperson for %[5]s rejected the criticism and said procedures would be reviewed once the emergency was over.

Report %[6]d filed by the regional desk.`, tp.place, 12+i%37, tp.event, tp.official, tp.agency, i)
	return &parallax.Article{
		ID:        fmt.Sprintf("a%06d", i),
		Source:    []string{"Northern Ledger", "Coastline Times", "Daily Meridian", "Wire Service", "Evening Post"}[i%5],
		Title:     fmt.Sprintf("%s: %d affected by %s", tp.place, 12+i%37, tp.event),
		URL:       fmt.Sprintf("https://news.example.com/%s/story-%d?utm_source=feed", strings.ToLower(strings.ReplaceAll(tp.place, " ", "-")), i),
		Author:    "Staff reporter",
		Published: t0.Add(time.Duration(i) * time.Minute),
		Body:      body,
	}
}
