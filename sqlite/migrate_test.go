package sqlite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax"
)

// TestMigrateBackfill opens a database written at schema version 1, before
// the quote, entity and feed tables, and checks that version 2 indexes the
// briefs it already holds.
func TestMigrateBackfill(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	old, err := open(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := old.SchemaVersion(ctx); err != nil || v != 1 {
		t.Fatalf("SchemaVersion = %d, %v; want 1", v, err)
	}
	brief := parallax.Brief{
		Articles: []parallax.ArticleRef{{ID: "a1", Origin: "a1"}},
		Quotes: []parallax.QuoteRef{
			{Article: "a1", Speaker: "Fire Chief Anya Weller", Text: "We pulled the crews back.", Kind: "direct", Cue: "said"},
			{Article: "a1", Speaker: "", Text: "Nobody knows."},
		},
		Entities: []parallax.EntitySummary{{Name: "Anya Weller", Type: "person", Title: "fire chief",
			Aliases: []string{"Weller"}, Articles: []string{"a1"}, Mentions: 4}},
	}
	js, err := json.Marshal(brief)
	if err != nil {
		t.Fatal(err)
	}
	// What version 1's Commit wrote, written directly: today's Commit
	// needs the version 2 tables.
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO articles(id, source, title, body, published, ingested_at) VALUES ('a1', 'Ledger', 'Wildfire', 'Crews pulled back.', ?, ?)`,
			[]any{formatTime(t0), formatTime(t0)}},
		{`INSERT INTO articles_fts(rowid, title, body) SELECT seq, title, body FROM articles`, nil},
		{`INSERT INTO stories(id, title, first, last, n_articles, n_outlets, independent, brief, created_at, updated_at)
			VALUES ('s1', 'Wildfire', ?1, ?1, 1, 1, 1, ?2, ?1, ?1)`, []any{formatTime(t0), string(js)}},
		{`INSERT INTO stories(id, title, created_at, updated_at) VALUES ('s2', 'No brief', ?1, ?1)`, []any{formatTime(t0)}},
		{`INSERT INTO assignments(article_id, story_id) VALUES ('a1', 's1')`, nil},
	} {
		if _, err := old.write.ExecContext(ctx, q.sql, q.args...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db := openAt(t, path)
	if v, err := db.SchemaVersion(ctx); err != nil || v != 4 {
		t.Fatalf("SchemaVersion after upgrade = %d, %v; want 4", v, err)
	}
	// Version 3 rewrote the brief stored by version 1 in canonical form.
	st, raw, err := db.StoryBriefJSON(ctx, "s1")
	if err != nil || raw == nil {
		t.Fatalf("StoryBriefJSON after upgrade: %v, %s", err, raw)
	}
	_, b, _ := db.Story(ctx, st.ID)
	if want, _ := parallax.MarshalBrief(b); string(raw) != string(want) {
		t.Errorf("brief after upgrade =\n%s\nwant\n%s", raw, want)
	}
	hits, err := db.Quotes(ctx, parallax.QuoteQuery{Speaker: "Weller"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Story != "s1" || hits[0].Source != "Ledger" || hits[0].Text != "We pulled the crews back." ||
		!hits[0].Published.Equal(t0) {
		t.Errorf("Quotes(Weller) after upgrade = %+v", hits)
	}
	page, err := db.Entity(ctx, "weller")
	if err != nil {
		t.Fatal(err)
	}
	if page.Name != "Anya Weller" || page.Mentions != 4 || len(page.Stories) != 1 || page.Stories[0].ID != "s1" ||
		!slices.Equal(page.Aliases, []string{"Weller"}) {
		t.Errorf("Entity(weller) after upgrade = %+v", page)
	}
	if n := count(t, db, `SELECT count(*) FROM quotes`); n != 2 {
		t.Errorf("%d quote rows, want 2 (the unattributed one too)", n)
	}
	if _, created, err := db.AddFeed(ctx, parallax.FeedSubscription{URL: "https://example.com/rss"}); err != nil || !created {
		t.Errorf("AddFeed after upgrade: created %v, %v", created, err)
	}
	// Commit writes the new tables from now on.
	brief.Quotes[0].Speaker = "Anya Weller"
	commit(t, db, Batch{Stories: []StoryUpdate{{Story: parallax.Story{ID: "s1"}, Brief: &brief}}})
	if hits, err := db.Quotes(ctx, parallax.QuoteQuery{Speaker: "Fire Chief"}); err != nil || len(hits) != 0 {
		t.Errorf("Quotes(Fire Chief) after a new brief = %+v, %v; want none", hits, err)
	}
	if n := count(t, db, `SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH '"anya weler"'`); n != 1 {
		t.Errorf("%d indexed quotes for anya weler, want 1", n)
	}
}

// TestIndexIntegrity checks that rewriting briefs keeps the quote index in
// step with its table: FTS5's own integrity check compares them.
func TestIndexIntegrity(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	commit(t, db, Batch{Articles: []*parallax.Article{newsArticle(0), newsArticle(1)}})
	for round := range 5 {
		var quotes []parallax.QuoteRef
		for i := range 3 + round%2 {
			quotes = append(quotes, parallax.QuoteRef{Article: newsArticle(round % 2).ID, Speaker: []string{"Mayor Elena Castell", "Tom Ridley", ""}[i%3], Text: "q"})
		}
		commit(t, db, Batch{Stories: []StoryUpdate{
			{Story: parallax.Story{ID: "s1", Articles: []string{newsArticle(0).ID}}, Brief: &parallax.Brief{Quotes: quotes}},
			{Story: parallax.Story{ID: "s2", Articles: []string{newsArticle(1).ID}}, Brief: &parallax.Brief{Quotes: quotes[:round%3]}},
		}})
	}
	if _, err := db.write.ExecContext(ctx, `INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("quotes_fts integrity check: %v", err)
	}
	for _, word := range []string{"ridley", "elena"} {
		want := count(t, db, `SELECT count(*) FROM quotes WHERE speaker_key LIKE ?`, "%"+word+"%")
		if n := count(t, db, `SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?`, word); n != want || want == 0 {
			t.Errorf("%d indexed quotes for %s, %d stored", n, word, want)
		}
	}
}
