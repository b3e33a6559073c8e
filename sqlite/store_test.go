package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func TestOpenMigrations(t *testing.T) {
	ctx := context.Background()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sub", "dir", "p.db") // directories are created
	for round := range 3 {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: Open: %v", round, err)
		}
		if v, err := db.SchemaVersion(ctx); err != nil || v != ms[len(ms)-1].Version {
			t.Errorf("round %d: SchemaVersion = %d, %v; want %d", round, v, err, ms[len(ms)-1].Version)
		}
		if n := count(t, db, `SELECT count(*) FROM schema_version`); n != len(ms) {
			t.Errorf("round %d: %d schema_version rows, want %d", round, n, len(ms))
		}
		var mode string
		if err := db.write.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("round %d: journal_mode = %q, %v; want wal", round, mode, err)
		}
		var fk int
		if err := db.write.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Errorf("round %d: foreign_keys = %d, %v", round, fk, err)
		}
		// Data written in one round survives the next reopen.
		if n := count(t, db, `SELECT count(*) FROM articles`); n != round {
			t.Errorf("round %d: %d articles, want %d", round, n, round)
		}
		commit(t, db, Batch{Articles: []*parallax.Article{newsArticle(round)}})
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenOddPath(t *testing.T) {
	ctx := context.Background()
	// '?' and '#' would start a query or fragment in a DSN.
	path := filepath.Join(t.TempDir(), "my news?v=1#x.db")
	db := openAt(t, path)
	commit(t, db, Batch{Articles: []*parallax.Article{newsArticle(1)}})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("store not at %q: %v", path, err)
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, `SELECT count(*) FROM articles`); n != 1 {
		t.Errorf("%d articles after reopen, want 1", n)
	}
}

func TestOpenNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db := openAt(t, path)
	if _, err := db.write.ExecContext(ctx, `INSERT INTO schema_version VALUES (9999, '9999_future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, path); err == nil {
		t.Fatal("Open of a database from a newer program succeeded")
	}
}

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG layout is tested on Linux")
	}
	tests := []struct {
		name, env, xdg, home, want string
	}{
		{"env wins", "/srv/p.db", "/xdg", "/home/u", "/srv/p.db"},
		{"xdg", "", "/xdg", "/home/u", "/xdg/parallax/parallax.db"},
		{"relative xdg ignored", "", "rel", "/home/u", "/home/u/.local/share/parallax/parallax.db"},
		{"home", "", "", "/home/u", "/home/u/.local/share/parallax/parallax.db"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("PARALLAX_DB", tc.env)
			t.Setenv("XDG_DATA_HOME", tc.xdg)
			t.Setenv("HOME", tc.home)
			got, err := DefaultPath()
			if err != nil || got != tc.want {
				t.Errorf("DefaultPath() = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestAddArticlesIdempotent(t *testing.T) {
	const body = "Rescuers reached the village at dawn.\n\nEleven people were taken to hospital."
	tests := []struct {
		name  string
		first []*parallax.Article // committed first
		then  []*parallax.Article
		want  []bool
	}{
		{
			name:  "same article again",
			first: []*parallax.Article{art("a", "https://ex.com/a", body)},
			then:  []*parallax.Article{art("a", "https://ex.com/a", body)},
			want:  []bool{false},
		},
		{
			name:  "same id, other url and text",
			first: []*parallax.Article{art("a", "https://ex.com/a", body)},
			then:  []*parallax.Article{art("a", "https://ex.com/b", "Other text.")},
			want:  []bool{false},
		},
		{
			name:  "url differs only in host case, fragment and utm",
			first: []*parallax.Article{art("a", "https://ex.com/world/a?id=3", body)},
			then:  []*parallax.Article{art("b", "HTTPS://EX.com:443/world/a?utm_source=rss&id=3#top", "Updated text.")},
			want:  []bool{false},
		},
		{
			name:  "url path case differs",
			first: []*parallax.Article{art("a", "https://ex.com/World/A", body)},
			then:  []*parallax.Article{art("b", "https://ex.com/world/a", "Updated text.")},
			want:  []bool{true},
		},
		{
			name:  "same text rewrapped, other url",
			first: []*parallax.Article{art("a", "https://ex.com/a", body)},
			then:  []*parallax.Article{art("b", "https://mirror.org/a", "  Rescuers reached the village\nat dawn. Eleven people were taken to hospital.\n")},
			want:  []bool{false},
		},
		{
			name:  "same text, no urls",
			first: []*parallax.Article{art("a", "", body)},
			then:  []*parallax.Article{art("b", "", body)},
			want:  []bool{false},
		},
		{
			name: "duplicates inside one batch",
			then: []*parallax.Article{
				art("a", "https://ex.com/a", body),
				art("b", "https://ex.com/a#x", "Other."),
				art("c", "https://ex.com/c", body),
				art("d", "https://ex.com/d", "Third."),
				art("d", "https://ex.com/e", "Fourth."),
			},
			want: []bool{true, false, false, true, false},
		},
		{
			name: "empty bodies are told apart by url",
			then: []*parallax.Article{art("a", "https://ex.com/a", ""), art("b", "https://ex.com/b", " \n")},
			want: []bool{true, true},
		},
		{
			name:  "different articles",
			first: []*parallax.Article{art("a", "https://ex.com/a", body)},
			then:  []*parallax.Article{art("b", "https://ex.com/b", body+" Two more were missing.")},
			want:  []bool{true},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openMemory(t)
			ctx := context.Background()
			if tc.first != nil {
				commit(t, db, Batch{Articles: tc.first})
			}
			before := count(t, db, `SELECT count(*) FROM articles`)
			got, err := db.AddArticles(ctx, tc.then)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("added = %v, want %v", got, tc.want)
			}
			wantN := before
			for _, a := range tc.want {
				if a {
					wantN++
				}
			}
			if n := count(t, db, `SELECT count(*) FROM articles`); n != wantN {
				t.Errorf("%d articles stored, want %d", n, wantN)
			}
			// Re-adding the whole input adds nothing.
			again, err := db.AddArticles(ctx, append(tc.first, tc.then...))
			if err != nil {
				t.Fatal(err)
			}
			if slices.Contains(again, true) {
				t.Errorf("re-ingest added %v", again)
			}
		})
	}
}

func TestArticleRoundTrip(t *testing.T) {
	eachStore(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		cet := time.FixedZone("", 3600)
		full := &parallax.Article{
			ID: "full", Source: "Coastline Times", Title: "Ferry collision in fog", URL: "https://coast.example/ferry",
			Path: "/in/ferry.json", Author: "J. Doe",
			Published: time.Date(2025, 3, 14, 23, 30, 15, 123456789, cet),
			Body:      "Two ferries collided.\n\nNo one was hurt.",
			Extra:     map[string]json.RawMessage{"section": json.RawMessage(`"world"`), "tags": json.RawMessage(`["ferry","fog"]`)},
		}
		bare := &parallax.Article{ID: "bare", Body: "Only text."}
		commit(t, db, Batch{Articles: []*parallax.Article{full, bare}})
		for _, want := range []*parallax.Article{full, bare} {
			got, err := db.Article(ctx, want.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Published.Equal(want.Published) {
				t.Errorf("%s: Published = %v, want %v", want.ID, got.Published, want.Published)
			}
			if _, o := got.Published.Zone(); !want.Published.IsZero() && o != 3600 {
				t.Errorf("%s: offset %d, want 3600", want.ID, o)
			}
			if got.Published.Format(time.DateOnly) != want.Published.Format(time.DateOnly) {
				t.Errorf("%s: local date %s, want %s", want.ID, got.Published.Format(time.DateOnly), want.Published.Format(time.DateOnly))
			}
			g, w := *got, *want
			g.Published, w.Published = time.Time{}, time.Time{}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s: got %+v\nwant %+v", want.ID, g, w)
			}
		}
	})
}

func TestNotFound(t *testing.T) {
	db := openMemory(t)
	ctx := context.Background()
	_, err1 := db.Article(ctx, "nope")
	_, _, err2 := db.Story(ctx, "nope")
	_, err3 := db.StoryArticles(ctx, "nope")
	for i, err := range []error{err1, err2, err3} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("call %d: err = %v, want ErrNotFound", i, err)
		}
		var e *Error
		if !errors.As(err, &e) || e.Message == "" {
			t.Errorf("call %d: %v has no message", i, err)
		}
	}
	if v, err := db.Checkpoint(ctx, "nope"); v != "" || err != nil {
		t.Errorf("Checkpoint = %q, %v; want empty", v, err)
	}
}

func TestCommitInvalid(t *testing.T) {
	db := openMemory(t)
	bad := []Batch{
		{Articles: []*parallax.Article{nil}},
		{Articles: []*parallax.Article{{Body: "no id"}}},
		{Assignments: []parallax.Assignment{{Article: "a"}}},
		{Stories: []StoryUpdate{{}}},
		{Checkpoints: []Checkpoint{{Value: "1"}}},
	}
	for i, b := range bad {
		var e *Error
		if _, err := db.Commit(context.Background(), b); !errors.As(err, &e) || e.Code != EINVALID {
			t.Errorf("batch %d: err = %v, want EINVALID", i, err)
		}
	}
}

// batchState counts what a batch could have left behind.
func batchState(t *testing.T, db *DB) [5]int {
	return [5]int{
		count(t, db, `SELECT count(*) FROM articles`),
		count(t, db, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'wildfire'`),
		count(t, db, `SELECT count(*) FROM assignments`),
		count(t, db, `SELECT count(*) FROM stories`),
		count(t, db, `SELECT count(*) FROM checkpoints WHERE value = '2'`),
	}
}

func TestCommitAtomic(t *testing.T) {
	// The batch: six articles, a story holding them with a brief, and the
	// checkpoint that says they were read.
	batch := func() Batch {
		var arts []*parallax.Article
		var ids []string
		for i := 6; i < 12; i++ {
			a := newsArticle(i)
			arts, ids = append(arts, a), append(ids, a.ID)
		}
		return Batch{
			Articles:    arts,
			Stories:     []StoryUpdate{{Story: parallax.Story{ID: "s2", Articles: ids}, Brief: &parallax.Brief{Disputed: "x"}}},
			Checkpoints: []Checkpoint{{Source: "feed", Value: "2"}},
		}
	}
	tests := []struct {
		name   string
		modify func(b *Batch)
		hook   func(cancel context.CancelFunc) func(int) error
	}{
		{
			name: "assignment to a missing article",
			modify: func(b *Batch) {
				b.Assignments = []parallax.Assignment{{Article: "missing", Story: "s2"}}
			},
		},
		{
			name: "story lists a missing article",
			modify: func(b *Batch) {
				b.Stories[0].Story.Articles = append(b.Stories[0].Story.Articles, "missing")
			},
		},
		{
			name: "context cancelled mid-batch",
			hook: func(cancel context.CancelFunc) func(int) error {
				return func(i int) error {
					if i == 3 {
						cancel()
					}
					return nil
				}
			},
		},
		{
			name: "failure mid-batch",
			hook: func(context.CancelFunc) func(int) error {
				return func(i int) error {
					if i == 3 {
						return errors.New("disk on fire")
					}
					return nil
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			eachStore(t, func(t *testing.T, db *DB) {
				// A committed first batch that must stay as it is.
				first := newsArticle(2) // wildfire topic, like batch articles 8
				commit(t, db, Batch{
					Articles:    []*parallax.Article{first},
					Stories:     []StoryUpdate{{Story: parallax.Story{ID: "s1", Articles: []string{first.ID}}}},
					Checkpoints: []Checkpoint{{Source: "feed", Value: "1"}},
				})
				before := batchState(t, db)

				b := batch()
				if tc.modify != nil {
					tc.modify(&b)
				}
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				if tc.hook != nil {
					testHookArticle = tc.hook(cancel)
					defer func() { testHookArticle = nil }()
				}
				if _, err := db.Commit(ctx, b); err == nil {
					t.Fatal("Commit succeeded")
				}
				testHookArticle = nil
				if after := batchState(t, db); after != before {
					t.Errorf("after failed batch: %v, before: %v", after, before)
				}
				if cp, _ := db.Checkpoint(context.Background(), "feed"); cp != "1" {
					t.Errorf("checkpoint = %q, want 1", cp)
				}
				// The store is still usable and the same batch goes in whole.
				added := commit(t, db, batch())
				if slices.Contains(added, false) {
					t.Errorf("retry added %v", added)
				}
				if cp, _ := db.Checkpoint(context.Background(), "feed"); cp != "2" {
					t.Errorf("checkpoint after retry = %q, want 2", cp)
				}
			})
		})
	}
}

func TestStoryRoundTrip(t *testing.T) {
	eachStore(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		c := &clock{t: t0.Add(time.Hour)}
		db.Now = c.now
		a, b, d := newsArticle(0), newsArticle(6), newsArticle(12) // same topic
		d.Source = a.Source                                        // two outlets among three articles
		b.Published = time.Time{}                                  // falls back to ingest time
		commit(t, db, Batch{Articles: []*parallax.Article{a, b, d}})

		brief := &parallax.Brief{
			Articles: []parallax.ArticleRef{
				{ID: a.ID, Source: a.Source, Origin: "o1"},
				{ID: b.ID, Source: b.Source, Origin: "o2"},
				{ID: d.ID, Source: d.Source, Origin: "o1"},
			},
			Facts: []parallax.Fact{{ID: "f1", Status: parallax.Conflict, Statement: "people affected",
				Claims:   []parallax.ClaimRef{{Article: a.ID, Sentence: "s1", Span: parallax.Span{Start: 3, End: 9}}},
				Outlets:  2,
				Variants: []parallax.Variant{{Text: "12 people", Articles: []string{a.ID}, AttributedTo: []string{}}}}},
			Disputed: "Sources differ on how many people were affected.",
		}
		c.t = t0.Add(2 * time.Hour)
		// d is listed first but arrived last: the store gives ingest order.
		st := parallax.Story{ID: "st", Title: "Valmora floods", Articles: []string{d.ID, a.ID, b.ID}}
		if err := db.SaveStory(ctx, st, brief); err != nil {
			t.Fatal(err)
		}
		got, gotBrief, err := db.Story(ctx, "st")
		if err != nil {
			t.Fatal(err)
		}
		want := parallax.Story{ID: "st", Title: "Valmora floods", Articles: []string{a.ID, b.ID, d.ID},
			First: a.Published, Last: t0.Add(time.Hour), UpdatedAt: c.t, Outlets: 2, Independent: 2}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Story = %+v\nwant %+v", got, want)
		}
		if !reflect.DeepEqual(gotBrief, parallax.NormalizedBrief(brief)) {
			t.Errorf("brief = %+v\nwant %+v", gotBrief, brief)
		}
		arts, err := db.StoryArticles(ctx, "st")
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != 3 || arts[0].ID != a.ID || arts[2].Body != d.Body {
			t.Errorf("StoryArticles = %d articles", len(arts))
		}
		sums, err := db.Stories(ctx, StoryQuery{})
		if err != nil {
			t.Fatal(err)
		}
		wantSum := []StorySummary{{ID: "st", Title: "Valmora floods", Articles: 3, Outlets: 2, Independent: 2,
			First: a.Published, Last: t0.Add(time.Hour), UpdatedAt: t0.Add(2 * time.Hour)}}
		if !reflect.DeepEqual(sums, wantSum) {
			t.Errorf("Stories = %+v\nwant %+v", sums, wantSum)
		}

		// An update without brief or title keeps both; moving an article
		// out updates both stories.
		c.t = t0.Add(3 * time.Hour)
		if _, err := db.Commit(ctx, Batch{
			Stories:     []StoryUpdate{{Story: parallax.Story{ID: "st"}}},
			Assignments: []parallax.Assignment{{Article: b.ID, Story: "other"}},
		}); err != nil {
			t.Fatal(err)
		}
		got, gotBrief, err = db.Story(ctx, "st")
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "Valmora floods" || !reflect.DeepEqual(gotBrief, parallax.NormalizedBrief(brief)) || !slices.Equal(got.Articles, []string{a.ID, d.ID}) {
			t.Errorf("after update: %+v, brief kept: %v", got, reflect.DeepEqual(gotBrief, parallax.NormalizedBrief(brief)))
		}
		if !got.Last.Equal(d.Published) {
			t.Errorf("Last = %v, want %v", got.Last, d.Published)
		}
		other, otherBrief, err := db.Story(ctx, "other")
		if err != nil {
			t.Fatal(err)
		}
		// A story created by an assignment takes its first article's title.
		if other.Title != b.Title || otherBrief != nil || !slices.Equal(other.Articles, []string{b.ID}) {
			t.Errorf("other = %+v, brief %v", other, otherBrief)
		}
		sums, err = db.Stories(ctx, StoryQuery{Order: OrderLargest})
		if err != nil {
			t.Fatal(err)
		}
		if len(sums) != 2 || sums[0].ID != "st" || sums[0].Articles != 2 || sums[0].Outlets != 1 ||
			sums[1].Independent != -1 || !sums[0].UpdatedAt.Equal(t0.Add(3*time.Hour)) {
			t.Errorf("after move: %+v", sums)
		}
	})
}

// seedStories stores stories built from generated articles: story k gets
// sizes[k] articles of topic k, published one hour apart per story.
func seedStories(t testing.TB, db *DB, sizes []int) {
	t.Helper()
	var b Batch
	i := 0
	for k, n := range sizes {
		st := parallax.Story{ID: fmt.Sprintf("s%d", k)}
		for j := 0; j < n; j++ {
			a := newsArticle(k + j*len(topics))
			a.ID = fmt.Sprintf("s%d-a%d", k, j)
			a.URL = ""
			a.Body += fmt.Sprintf(" Ref %d.", i)
			a.Published = t0.Add(time.Duration(k)*time.Hour + time.Duration(j)*time.Minute)
			b.Articles = append(b.Articles, a)
			st.Articles = append(st.Articles, a.ID)
			i++
		}
		b.Stories = append(b.Stories, StoryUpdate{Story: st})
	}
	commit(t, db, b)
}

func ids(sums []StorySummary) []string {
	out := make([]string, len(sums))
	for i, s := range sums {
		out[i] = s.ID
	}
	return out
}

func TestStoriesOrder(t *testing.T) {
	eachStore(t, func(t *testing.T, db *DB) {
		seedStories(t, db, []int{3, 1, 5, 2})
		// An empty story (its only article moved away) is not listed.
		commit(t, db, Batch{Articles: []*parallax.Article{art("lone", "", "Lone text.")},
			Assignments: []parallax.Assignment{{Article: "lone", Story: "empty"}}})
		commit(t, db, Batch{Assignments: []parallax.Assignment{{Article: "lone", Story: "s1"}}})
		tests := []struct {
			name string
			q    StoryQuery
			want []string
		}{
			{"default is newest", StoryQuery{}, []string{"s1", "s3", "s2", "s0"}},
			{"newest", StoryQuery{Order: OrderNewest}, []string{"s1", "s3", "s2", "s0"}},
			// s1 and s3 both have two articles; s1's newest is newer.
			{"largest", StoryQuery{Order: OrderLargest}, []string{"s2", "s0", "s1", "s3"}},
			{"limit", StoryQuery{Order: OrderLargest, Limit: 2}, []string{"s2", "s0"}},
			{"offset", StoryQuery{Order: OrderLargest, Limit: 2, Offset: 2}, []string{"s1", "s3"}},
			{"offset past end", StoryQuery{Offset: 10}, nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				sums, err := db.Stories(context.Background(), tc.q)
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(sums); !slices.Equal(got, tc.want) {
					t.Errorf("Stories(%+v) = %v, want %v", tc.q, got, tc.want)
				}
			})
		}
		for _, q := range []StoryQuery{{Order: "oldest"}, {Order: OrderRelevance}, {Limit: -1}} {
			var e *Error
			if _, err := db.Stories(context.Background(), q); !errors.As(err, &e) || e.Code != EINVALID {
				t.Errorf("Stories(%+v) err = %v, want EINVALID", q, err)
			}
		}
	})
}

func TestStoriesSearch(t *testing.T) {
	eachStore(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		seedStories(t, db, []int{2, 2, 2, 2, 2, 2})
		// s6: three articles that are about the ferry; s1: two generated
		// reports on a ferry collision; s7: one article that mentions a
		// ferry in passing. s6 and s7 have no publication date, so their
		// ingest time (now) makes them the newest.
		var b Batch
		for i, body := range []string{
			"The ferry operator said both ferries were inspected last month. Ferry services are suspended.",
			"Ferry passengers described the collision. The ferry company apologised.",
			"A second ferry was damaged. Ferry traffic resumed at noon.",
		} {
			id := fmt.Sprintf("f%d", i)
			b.Articles = append(b.Articles, &parallax.Article{ID: id, Source: "Harbour News", Title: "Ferry update " + id, Body: body})
			b.Assignments = append(b.Assignments, parallax.Assignment{Article: id, Story: "s6"})
		}
		b.Articles = append(b.Articles, &parallax.Article{ID: "p", Title: "Budget vote", Body: strings.Repeat("The council debated the budget for hours. ", 10) + "One councillor arrived by ferry."})
		b.Assignments = append(b.Assignments, parallax.Assignment{Article: "p", Story: "s7"})
		commit(t, db, b)

		tests := []struct {
			name, search string
			order        Order
			want         []string
		}{
			{"ranked by matching articles", "ferry", "", []string{"s6", "s1", "s7"}},
			{"stemmed", "ferries", "", []string{"s6", "s1", "s7"}},
			{"case and accents", "FÉRRY", "", []string{"s6", "s1", "s7"}},
			{"all words needed", "ferry fog", "", []string{"s1"}},
			{"topic words", "wildfire firebreak", "", []string{"s2"}},
			{"title words", "Valmora", "", []string{"s0"}},
			{"newest among matches", "ferry", OrderNewest, []string{"s6", "s7", "s1"}},
			{"largest among matches", "ferry", OrderLargest, []string{"s6", "s1", "s7"}},
			{"no match", "volcano", "", nil},
			{"fts syntax is text", `ferry" OR NEAR(budget*) title:`, "", nil},
			{"no words", `"*^:`, "", nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				sums, err := db.Stories(ctx, StoryQuery{Search: tc.search, Order: tc.order})
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(sums); !slices.Equal(got, tc.want) {
					t.Errorf("Stories(%q) = %v, want %v", tc.search, got, tc.want)
				}
			})
		}
	})
}

func FuzzStoriesSearch(f *testing.F) {
	for _, s := range []string{"ferry", `ferry" OR NEAR(budget*) title:`, `"*^:`, "a AND b", "-x", "NOT", "é\u0301", "\x00"} {
		f.Add(s)
	}
	db := openMemory(f)
	seedStories(f, db, []int{2, 1, 3})
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := db.Stories(context.Background(), StoryQuery{Search: s}); err != nil {
			t.Fatalf("Stories(%q): %v", s, err)
		}
	})
}

func TestActiveWindow(t *testing.T) {
	eachStore(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		c := &clock{t: t0}
		db.Now = c.now
		old := art("old", "", "Published long ago, ingested long ago.")
		old.Published = t0.Add(-30 * 24 * time.Hour)
		recent := art("recent", "", "Published recently, ingested long ago.")
		recent.Published = t0.Add(48 * time.Hour) // a future-dated article
		undated := art("undated", "", "No date, ingested long ago.")
		commit(t, db, Batch{Articles: []*parallax.Article{old, recent, undated},
			Assignments: []parallax.Assignment{{Article: "old", Story: "s1"}, {Article: "recent", Story: "s1"}}})

		c.t = t0.Add(72 * time.Hour)
		late := art("late", "", "Published long ago, ingested now.")
		late.Published = t0.Add(-60 * 24 * time.Hour)
		fresh := art("fresh", "", "Fresh, unassigned.")
		commit(t, db, Batch{Articles: []*parallax.Article{late, fresh},
			Assignments: []parallax.Assignment{{Article: "late", Story: "s2"}}})

		arts, as, err := db.ActiveWindow(ctx, t0.Add(24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range arts {
			got = append(got, a.ID)
		}
		if want := []string{"recent", "late", "fresh"}; !slices.Equal(got, want) {
			t.Errorf("articles = %v, want %v", got, want)
		}
		wantAs := []parallax.Assignment{{Article: "recent", Story: "s1"}, {Article: "late", Story: "s2"}}
		if !slices.Equal(as, wantAs) {
			t.Errorf("assignments = %v, want %v", as, wantAs)
		}
		if arts, _, _ := db.ActiveWindow(ctx, time.Time{}); len(arts) != 5 {
			t.Errorf("window from the zero time has %d articles, want 5", len(arts))
		}
	})
}

func TestCheckpoints(t *testing.T) {
	eachStore(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		for _, v := range []string{"offset:10", "offset:20"} {
			if err := db.SetCheckpoint(ctx, "feeds/a.jsonl", v); err != nil {
				t.Fatal(err)
			}
			if got, err := db.Checkpoint(ctx, "feeds/a.jsonl"); got != v || err != nil {
				t.Errorf("Checkpoint = %q, %v; want %q", got, err, v)
			}
		}
		if got, _ := db.Checkpoint(ctx, "feeds/b.jsonl"); got != "" {
			t.Errorf("other source has checkpoint %q", got)
		}
	})
}

// TestConcurrentReaders reads while a writer commits: WAL lets readers run
// without waiting, and every read sees whole batches only.
func TestConcurrentReaders(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	const batches, per = 40, 10
	var wg sync.WaitGroup
	done := make(chan struct{})
	errs := make(chan error, 16)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reads := 0
			for {
				select {
				case <-done:
					if reads == 0 {
						errs <- errors.New("reader never read")
					}
					return
				default:
				}
				reads++
				// Pause so that on a small machine the readers do not
				// starve the writer of CPU.
				time.Sleep(500 * time.Microsecond)
				sums, err := db.Stories(ctx, StoryQuery{Search: "affected"})
				if err != nil {
					errs <- err
					return
				}
				for _, s := range sums {
					if s.Articles != per || s.Independent != per {
						errs <- fmt.Errorf("story %s seen half-written: %d articles, %d independent", s.ID, s.Articles, s.Independent)
						return
					}
				}
				var n int
				if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
					errs <- err
					return
				}
				if n%per != 0 {
					errs <- fmt.Errorf("%d articles visible: a batch is half-visible", n)
					return
				}
			}
		}()
	}
	for i := 0; i < batches; i++ {
		b := Batch{Checkpoints: []Checkpoint{{Source: "src", Value: fmt.Sprint(i)}}}
		st := parallax.Story{ID: fmt.Sprintf("s%d", i)}
		brief := &parallax.Brief{}
		for j := 0; j < per; j++ {
			a := newsArticle(i*per + j)
			b.Articles = append(b.Articles, a)
			st.Articles = append(st.Articles, a.ID)
			brief.Articles = append(brief.Articles, parallax.ArticleRef{ID: a.ID, Origin: a.ID})
		}
		b.Stories = []StoryUpdate{{Story: st, Brief: brief}}
		commit(t, db, b)
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := count(t, db, `SELECT count(*) FROM articles`); n != batches*per {
		t.Errorf("%d articles, want %d", n, batches*per)
	}
}
