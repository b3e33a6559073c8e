package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/storetest"
)

func TestConformance(t *testing.T) {
	testDSN(t)
	t.Parallel()
	storetest.Run(t, func(t *testing.T) parallax.Store { return openTest(t) })
}

func TestOpenConcurrent(t *testing.T) {
	dsn := testDSN(t)
	t.Parallel()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	// A schema that does not exist yet: the first Open creates it, the
	// others wait on the migration lock and find it done.
	name := newSchemaName(t)
	t.Cleanup(func() { exec(t, dsn, `DROP SCHEMA IF EXISTS `+name+` CASCADE`) })
	sdsn := withSearchPath(t, dsn, name)
	const servers = 6
	dbs := make([]*DB, servers)
	errs := make([]error, servers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range servers {
		wg.Go(func() {
			<-start
			dbs[i], errs[i] = Open(context.Background(), sdsn)
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("Open %d of %d: %v", i, servers, err)
		}
		defer dbs[i].Close()
	}
	db := dbs[0]
	if n := count(t, db, `SELECT count(*) FROM schema_migrations`); n != len(ms) {
		t.Errorf("%d schema_migrations rows, want %d", n, len(ms))
	}
	if v, err := db.SchemaVersion(context.Background()); err != nil || v != ms[len(ms)-1].Version {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, ms[len(ms)-1].Version)
	}
	// The tables are in the schema the DSN names, not in public.
	if n := count(t, db, `SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'articles'`, name); n != 1 {
		t.Errorf("articles table not in schema %s", name)
	}

	// Data written through one server is read through another, and
	// survives a reopen.
	commit(t, dbs[1], parallax.Batch{Articles: []*parallax.Article{newsArticle(1)}})
	if _, err := dbs[2].Article(context.Background(), newsArticle(1).ID); err != nil {
		t.Errorf("article written by one server, read by another: %v", err)
	}
	again, err := Open(context.Background(), sdsn)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if n := count(t, again, `SELECT count(*) FROM articles`); n != 1 {
		t.Errorf("%d articles after reopen, want 1", n)
	}
}

func TestOpenQuotedSchema(t *testing.T) {
	dsn := testDSN(t)
	t.Parallel()
	// A mixed-case name must be quoted in search_path; it is created as
	// written.
	name := "Parallax Test " + strings.TrimPrefix(newSchemaName(t), "parallax_test_")
	t.Cleanup(func() { exec(t, dsn, `DROP SCHEMA IF EXISTS "`+name+`" CASCADE`) })
	db, err := Open(context.Background(), withSearchPath(t, dsn, `"`+name+`", public`))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, `SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'stories'`, name); n != 1 {
		t.Errorf("stories table not in schema %q", name)
	}
}

func TestOpenNewerSchema(t *testing.T) {
	t.Parallel()
	dsn := freshSchema(t)
	db, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.pool.Exec(context.Background(), `INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	if db2, err := Open(context.Background(), dsn); err == nil {
		db2.Close()
		t.Fatal("Open of a schema from a newer program succeeded")
	} else if !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q does not say the schema is newer", err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{"", "  ", "postgres://host:notaport/db", "sslmode=bogus host=x"} {
		if db, err := Open(ctx, dsn); err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded", dsn)
		} else if parallax.ErrorCode(err) != parallax.EINVALID {
			t.Errorf("Open(%q): %v; want EINVALID", dsn, err)
		}
	}
	// Nothing listens on port 1; the error names the server but not the
	// password.
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	db, err := Open(ctx, "postgres://u:s3cret@127.0.0.1:1/db?connect_timeout=2")
	if err == nil {
		db.Close()
		t.Fatal("Open of a closed port succeeded")
	}
	if !strings.Contains(err.Error(), "127.0.0.1") || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error %q: want the host and no password", err)
	}
}

func TestFirstSchema(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"news", "news"},
		{"News, public", "news"},
		{" news ,public", "news"},
		{`"News Desk", public`, "News Desk"},
		{`"a""b"`, `a"b`},
		{`"open`, ""},
		{"$user, public", ""},
	}
	for _, tc := range tests {
		if got := firstSchema(tc.in); got != tc.want {
			t.Errorf("firstSchema(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSearchWords(t *testing.T) {
	tests := []struct {
		in            string
		words, folded []string
	}{
		{"ferry", []string{"ferry"}, []string{""}},
		{`"ferry" OR NEAR(budget*) title:`, []string{"ferry", "OR", "NEAR", "budget", "title"}, []string{"", "", "", "", ""}},
		{"FÉRRY ferry FÉRRY", []string{"FÉRRY", "ferry"}, []string{"FERRY", ""}},
		{"e\u0301te", []string{"e\u0301te"}, []string{"ete"}}, // combining accent stays inside the word
		{"fire & | ! <-> : ()", []string{"fire"}, []string{""}},
		{"\x00\xff'--;", nil, nil},
		{"Zürich 2024", []string{"Zürich", "2024"}, []string{"Zurich", ""}},
	}
	for _, tc := range tests {
		w, f := searchWords(tc.in)
		if !slices.Equal(w, tc.words) || !slices.Equal(f, tc.folded) {
			t.Errorf("searchWords(%q) = %q, %q; want %q, %q", tc.in, w, f, tc.words, tc.folded)
		}
	}
}

// tableCounts counts every table a batch writes to.
func tableCounts(t *testing.T, db *DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"articles", "stories", "assignments", "checkpoints", "quotes", "entities"} {
		out[table] = count(t, db, `SELECT count(*) FROM `+table)
	}
	out["matching wildfire"] = count(t, db, `SELECT count(*) FROM articles WHERE search @@ plainto_tsquery('english', 'wildfire')`)
	out["checkpoint 2"] = count(t, db, `SELECT count(*) FROM checkpoints WHERE value = '2'`)
	return out
}

// TestCommitFailsHalfway fails a batch after half its articles were
// inserted: the rollback leaves nothing of it, and the same batch then goes
// in whole. It sets the package's test hook, so it does not run in
// parallel.
func TestCommitFailsHalfway(t *testing.T) {
	batch := func() parallax.Batch {
		var arts []*parallax.Article
		var ids []string
		for i := 10; i < 18; i++ {
			a := newsArticle(i)
			arts, ids = append(arts, a), append(ids, a.ID)
		}
		return parallax.Batch{
			Articles:    arts,
			Assignments: []parallax.Assignment{{Article: ids[0], Story: "s-moved"}},
			Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s2", Articles: ids[1:]}, Brief: &parallax.Brief{
				Quotes:   []parallax.QuoteRef{{Article: ids[1], Speaker: "Anya Weller", Text: "We pulled the crews back."}},
				Entities: []parallax.EntitySummary{{Name: "Anya Weller", Type: "person", Mentions: 2}},
			}}},
			Checkpoints: []parallax.Checkpoint{{Source: "feed", Value: "2"}},
		}
	}
	tests := []struct {
		name string
		hook func(cancel context.CancelFunc) func(int) error
	}{
		{"error mid-batch", func(context.CancelFunc) func(int) error {
			return func(i int) error {
				if i == 4 {
					return errors.New("disk on fire")
				}
				return nil
			}
		}},
		{"context cancelled mid-batch", func(cancel context.CancelFunc) func(int) error {
			return func(i int) error {
				if i == 4 {
					cancel()
				}
				return nil
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t)
			first := newsArticle(2) // the wildfire topic, like batch articles 12 and 17
			commit(t, db, parallax.Batch{
				Articles:    []*parallax.Article{first},
				Stories:     []parallax.StoryUpdate{{Story: parallax.Story{ID: "s1", Articles: []string{first.ID}}}},
				Checkpoints: []parallax.Checkpoint{{Source: "feed", Value: "1"}},
			})
			before := tableCounts(t, db)

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			testHookArticle = tc.hook(cancel)
			_, err := db.Commit(ctx, batch())
			testHookArticle = nil
			if err == nil {
				t.Fatal("Commit succeeded")
			}
			if after := tableCounts(t, db); !mapsEqual(after, before) {
				t.Errorf("after a failed batch: %v\nbefore: %v", after, before)
			}
			if cp, _ := db.Checkpoint(context.Background(), "feed"); cp != "1" {
				t.Errorf("checkpoint = %q, want 1", cp)
			}
			added := commit(t, db, batch())
			if slices.Contains(added, false) {
				t.Errorf("retry added %v", added)
			}
			after := tableCounts(t, db)
			if after["articles"] != before["articles"]+8 || after["quotes"] != 1 || after["checkpoint 2"] != 1 {
				t.Errorf("after the retry: %v", after)
			}
		})
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestText stores what PostgreSQL text cannot hold: NUL and invalid UTF-8
// in article text become U+FFFD; in ids they are refused.
func TestText(t *testing.T) {
	t.Parallel()
	db := openTest(t)
	ctx := context.Background()
	a := &parallax.Article{ID: "nul", Title: "Bad\x00title", Body: "Body with \xff\xfe bytes and a NUL \x00 here.",
		Source: "S\x00", URL: "https://ex.com/\x00"}
	added := commit(t, db, parallax.Batch{Articles: []*parallax.Article{a}})
	if !added[0] {
		t.Fatal("not added")
	}
	got, err := db.Article(ctx, "nul")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Bad\uFFFDtitle" || got.Body != "Body with \uFFFD bytes and a NUL \uFFFD here." || got.Source != "S\uFFFD" {
		t.Errorf("stored %+v", got)
	}
	// The same body again is a duplicate: the hash is of the text as given.
	if added := commit(t, db, parallax.Batch{Articles: []*parallax.Article{{ID: "again", Body: a.Body}}}); added[0] {
		t.Error("a copy of a sanitized body was added")
	}
	for _, b := range []parallax.Batch{
		{Articles: []*parallax.Article{{ID: "a\x00b", Body: "x"}}},
		{Articles: []*parallax.Article{{ID: "a\xffb", Body: "x"}}},
		{Assignments: []parallax.Assignment{{Article: "nul", Story: "s\x00"}}},
		{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s", Articles: []string{"\xff"}}}}},
		{Checkpoints: []parallax.Checkpoint{{Source: "src", Value: "\x00"}}},
	} {
		if _, err := db.Commit(ctx, b); parallax.ErrorCode(err) != parallax.EINVALID {
			t.Errorf("Commit(%+v): %v; want EINVALID", b, err)
		}
	}
	// A brief's text may hold them too.
	brief := &parallax.Brief{Disputed: "NUL \x00 and \xff",
		Quotes:   []parallax.QuoteRef{{Article: "nul", Speaker: "Anya\x00 Weller\xff", Text: "We\x00 left."}},
		Entities: []parallax.EntitySummary{{Name: "Anya Weller", Title: "chief\x00", Aliases: []string{"Weller\xff"}}}}
	commit(t, db, parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s", Title: "T\x00", Articles: []string{"nul"}}, Brief: brief}}})
	st, gotBrief, err := db.Story(ctx, "s")
	if err != nil {
		t.Fatal(err)
	}
	if st.Title != "T\uFFFD" || gotBrief == nil || gotBrief.Disputed != "NUL \x00 and \uFFFD" {
		t.Errorf("story %+v, brief %+v", st, gotBrief)
	}
	if hits, err := db.Quotes(ctx, parallax.QuoteQuery{Speaker: "Anya Weller"}); err != nil || len(hits) != 1 || hits[0].Text != "We\uFFFD left." {
		t.Errorf("Quotes = %+v, %v", hits, err)
	}
	if p, err := db.Entity(ctx, "Weller"); err != nil || p.Title != "chief\uFFFD" {
		t.Errorf("Entity = %+v, %v", p, err)
	}
	if _, err := db.Article(ctx, "a\x00b"); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("Article with a NUL id: %v; want ErrNotFound", err)
	}
	if _, _, err := db.Story(ctx, "\xff"); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("Story with an invalid id: %v; want ErrNotFound", err)
	}
	if v, err := db.Checkpoint(ctx, "\x00"); v != "" || err != nil {
		t.Errorf("Checkpoint(NUL) = %q, %v", v, err)
	}
}

// TestSearchLanguage pins where PostgreSQL's English configuration differs
// from the SQLite store: stop words are not required, accents fold in the
// search only.
func TestSearchLanguage(t *testing.T) {
	t.Parallel()
	db := openTest(t)
	ctx := context.Background()
	commit(t, db, parallax.Batch{
		Articles: []*parallax.Article{
			{ID: "f", Title: "Ferry update", Body: "The ferries were inspected at the harbour."},
			{ID: "c", Title: "Café reopens", Body: "The café on the square reopened."},
		},
		Assignments: []parallax.Assignment{{Article: "f", Story: "s-ferry"}, {Article: "c", Story: "s-cafe"}},
	})
	tests := []struct {
		search string
		want   []string
	}{
		{"ferry", []string{"s-ferry"}},
		{"FÉRRY", []string{"s-ferry"}},
		{"the ferry", []string{"s-ferry"}},  // "the" is a stop word
		{"the", nil},                        // only stop words: nothing
		{"café", []string{"s-cafe"}},        // as written
		{"CAFÉ square", []string{"s-cafe"}}, //
		{"inspect harbours", []string{"s-ferry"}},
		{"ferry café", nil},
	}
	for _, tc := range tests {
		sums, err := db.Stories(ctx, parallax.StoryQuery{Search: tc.search})
		if err != nil {
			t.Fatalf("Stories(%q): %v", tc.search, err)
		}
		var got []string
		for _, s := range sums {
			got = append(got, s.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Stories(%q) = %v, want %v", tc.search, got, tc.want)
		}
	}
}

func FuzzStoriesSearch(f *testing.F) {
	for _, s := range []string{"ferry", `ferry" OR NEAR(budget*) title:`, `"*^:`, "a & b | !c <-> d", "-x", "NOT", "é\u0301", "\x00", "'); DROP TABLE articles; --"} {
		f.Add(s)
	}
	db := openTest(f)
	var b parallax.Batch
	for i := range 6 {
		a := newsArticle(i)
		b.Articles = append(b.Articles, a)
		b.Assignments = append(b.Assignments, parallax.Assignment{Article: a.ID, Story: fmt.Sprint("s", i%3)})
	}
	commit(f, db, b)
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := db.Stories(context.Background(), parallax.StoryQuery{Search: s}); err != nil {
			t.Fatalf("Stories(%q): %v", s, err)
		}
	})
}

// TestConcurrentWriters runs three stores on one schema, as three servers,
// committing to the same stories at once and moving articles between them.
// Every batch must go in (a deadlock victim is retried), and every story's
// derived columns must equal what its articles give at the end: a writer
// that recomputed a story without seeing another's committed assignments
// would leave a stale count.
func TestConcurrentWriters(t *testing.T) {
	t.Parallel()
	for _, briefs := range []bool{false, true} {
		t.Run(fmt.Sprintf("briefs=%v", briefs), func(t *testing.T) {
			t.Parallel()
			concurrentWriters(t, briefs)
		})
	}
}

func concurrentWriters(t *testing.T, briefs bool) {
	dsn := freshSchema(t)
	ctx := context.Background()
	const writers, batches, per, nStories = 3, 20, 4, 4
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		db, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			var mine []string
			for k := range batches {
				var b parallax.Batch
				for j := range per {
					a := newsArticle(w*10000 + k*100 + j)
					a.Published = t0.Add(time.Duration(rng.IntN(1000)) * time.Minute)
					b.Articles = append(b.Articles, a)
					b.Assignments = append(b.Assignments, parallax.Assignment{Article: a.ID, Story: fmt.Sprint("s", rng.IntN(nStories))})
					mine = append(mine, a.ID)
				}
				// Move an earlier article out of a story this batch
				// may not name.
				b.Assignments = append(b.Assignments, parallax.Assignment{Article: mine[rng.IntN(len(mine))], Story: fmt.Sprint("s", rng.IntN(nStories))})
				if briefs {
					b.Stories = []parallax.StoryUpdate{{Story: parallax.Story{ID: fmt.Sprint("s", rng.IntN(nStories))},
						Brief: &parallax.Brief{Quotes: []parallax.QuoteRef{{Article: mine[0], Speaker: "Writer", Text: fmt.Sprint(w, k)}}}}}
				}
				if _, err := db.Commit(ctx, b); err != nil {
					errs <- fmt.Errorf("writer %d batch %d: %w", w, k, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d commits retried in the package so far", retries.Load())
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, `SELECT count(*) FROM assignments`); n != writers*batches*per {
		t.Errorf("%d assignments, want %d", n, writers*batches*per)
	}
	stale := count(t, db, `SELECT count(*) FROM stories s
		CROSS JOIN LATERAL (
			SELECT count(*) AS n, count(DISTINCT a.source) AS outlets,
				min(coalesce(a.published, a.ingested_at)) AS first_at, max(coalesce(a.published, a.ingested_at)) AS last_at
			FROM assignments g JOIN articles a ON a.id = g.article_id WHERE g.story_id = s.id) c
		WHERE s.n_articles <> c.n OR s.n_outlets <> c.outlets
			OR s.first_at IS DISTINCT FROM c.first_at OR s.last_at IS DISTINCT FROM c.last_at`)
	if stale != 0 {
		t.Errorf("%d stories have derived columns that disagree with their articles", stale)
	}
}

// TestCommitRetriesDeadlock makes a Commit the victim of a deadlock with
// another session: the Commit is run again and goes in whole.
func TestCommitRetriesDeadlock(t *testing.T) {
	t.Parallel()
	dsn := freshSchema(t)
	ctx := context.Background()
	other, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	var super bool
	if err := other.QueryRow(ctx, `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`).Scan(&super); err != nil {
		t.Fatal(err)
	}
	if !super {
		t.Skip("the test shortens deadlock_timeout for its store, which takes a superuser")
	}
	// The store detects the deadlock first, so it is the victim.
	db, err := Open(ctx, withParam(t, dsn, "deadlock_timeout", "100ms"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	x1, x2 := newsArticle(1), newsArticle(2)
	insert := `INSERT INTO articles (id, ingested_at) VALUES ($1, now())`
	tx, err := other.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, insert, x2.ID); err != nil {
		t.Fatal(err)
	}
	before := retries.Load()
	type result struct {
		added []bool
		err   error
	}
	done := make(chan result, 1)
	go func() {
		// Inserts x1, then waits for the other session's x2.
		added, err := db.Commit(ctx, parallax.Batch{Articles: []*parallax.Article{x1, x2}})
		done <- result{added, err}
	}()
	time.Sleep(50 * time.Millisecond)
	// The other session now waits for the store's x1: a cycle. Once the
	// store's transaction is aborted, this insert goes through.
	if _, err := tx.Exec(ctx, insert, x1.ID); err != nil {
		t.Fatalf("other session: %v", err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err != nil || !slices.Equal(r.added, []bool{true, true}) {
		t.Fatalf("Commit = %v, %v; want both added", r.added, r.err)
	}
	if n := retries.Load() - before; n < 1 {
		t.Errorf("%d retries; want the deadlocked commit retried", n)
	}
}
