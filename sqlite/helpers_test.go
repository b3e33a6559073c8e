package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// eachStore runs fn against a fresh temp-file store and a fresh in-memory
// store: the file one exercises WAL and the separate read pool, the memory
// one the single-connection path.
func eachStore(t *testing.T, fn func(t *testing.T, db *DB)) {
	t.Helper()
	t.Run("file", func(t *testing.T) { fn(t, openTemp(t)) })
	t.Run("memory", func(t *testing.T) { fn(t, openMemory(t)) })
}

func openTemp(t testing.TB) *DB {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "parallax.db"))
}

func openMemory(t testing.TB) *DB {
	t.Helper()
	return openAt(t, ":memory:")
}

func openAt(t testing.TB, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

// clock is a settable DB.Now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

var t0 = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

func art(id, url, body string) *parallax.Article {
	return &parallax.Article{ID: id, Source: "Outlet " + id, Title: "Title " + id, URL: url, Body: body}
}

func count(t testing.TB, db *DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.read.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func commit(t testing.TB, db *DB, b Batch) []bool {
	t.Helper()
	added, err := db.Commit(context.Background(), b)
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return added
}

// Topics for generated articles: each has its own vocabulary so that
// searches have a right answer.
var topics = []struct{ place, event, official, agency, detail string }{
	{"Valmora", "flooding along the Serrin river", "Mayor Elena Castell", "the regional water authority", "sandbag barriers gave way near the old rail bridge"},
	{"Kestrel Bay", "a ferry collision in heavy fog", "Harbour Master Tom Ridley", "the coastguard", "both vessels were carrying commuters at the time"},
	{"Ostrava Plains", "a wildfire that jumped a firebreak", "Fire Chief Anya Weller", "the forestry service", "crews were pulled back as winds shifted overnight"},
	{"Marbury", "a strike by transit workers over pay", "union leader Dev Malhotra", "the transport ministry", "talks broke down after a fourteen-hour session"},
	{"Lindholm", "a cyberattack on the hospital network", "Health Minister Sigrid Aas", "the national cyber security centre", "patients were diverted to two neighbouring hospitals"},
	{"Port Azura", "a fuel depot explosion", "Governor Luis Ferrante", "the civil protection agency", "residents within two kilometres were told to keep windows shut"},
}

// newsArticle is a realistic wire-style report, about 450 words, unique per
// i (numbers and ids vary) on topic i%len(topics).
func newsArticle(i int) *parallax.Article {
	tp := topics[i%len(topics)]
	n := 12 + i%37
	body := fmt.Sprintf(`%[1]s, %[9]s - Authorities in %[1]s said on Tuesday that at least %[2]d people had been affected by %[3]s, and warned that the figure could rise as teams reached outlying districts.

%[4]s told reporters that %[5]s had deployed additional staff overnight. "We are doing everything we can, but the next 48 hours will be critical," %[4]s said at a briefing outside the municipal offices.

According to %[5]s, %[6]s. Officials said %[7]d emergency shelters had been opened and that roughly %[8]d households were without electricity on Tuesday morning.

Residents described a chaotic night. One shopkeeper, who asked not to be named, said the warning came "far too late" and that neighbours had helped each other move belongings to higher ground. Others praised volunteers who arrived before the official teams.

The opposition called for an independent inquiry into the response, saying earlier warnings had been ignored. A spokesperson for %[5]s rejected the criticism, saying the agency had followed its published procedures and would review them once the emergency was over.

Forecasters expect conditions to ease by Thursday, though %[5]s said it would keep its alert level unchanged until at least the weekend. Schools in the affected districts will remain closed for a second day, and the main road into %[1]s is open only to emergency vehicles.

The government has promised an initial relief payment of %[10]d euros per affected household, with applications opening next week. Aid groups said the sum would cover only a fraction of the losses and urged faster payments to families who had lost their homes.

Report %[11]d filed by the regional desk.`,
		tp.place, n, tp.event, tp.official, tp.agency, tp.detail, 3+i%9, 1000+i*7, "March 14", 500+10*(i%50), i)
	return &parallax.Article{
		ID:        fmt.Sprintf("a%06d", i),
		Source:    []string{"Northern Ledger", "Coastline Times", "Daily Meridian", "Wire Service", "Evening Post"}[i%5],
		Title:     fmt.Sprintf("%s: %d affected by %s", tp.place, n, tp.event),
		URL:       fmt.Sprintf("https://news.example.com/%s/story-%d?utm_source=feed", strings.ToLower(strings.ReplaceAll(tp.place, " ", "-")), i),
		Author:    "Staff reporter",
		Published: t0.Add(time.Duration(i) * time.Minute),
		Body:      body,
	}
}
