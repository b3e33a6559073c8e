package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/sqlite"
	"github.com/parallax-news/parallax/streamgen"
)

func TestBriefDue(t *testing.T) {
	for _, tc := range []struct {
		n, briefed int
		want       bool
	}{
		{1, 0, true},
		{4, 3, true},
		{5, 4, false},
		{7, 4, false},
		{8, 4, true},
		{59, 30, false},
		{60, 30, true},
		{100, 0, true},
	} {
		if got := briefDue(tc.n, tc.briefed); got != tc.want {
			t.Errorf("briefDue(%d, %d) = %v, want %v", tc.n, tc.briefed, got, tc.want)
		}
	}
}

func TestDocCache(t *testing.T) {
	c := newDocCache(2)
	d := func(id string) *parallax.Document { return &parallax.Document{Article: &parallax.Article{ID: id}} }
	c.put("a", d("a"))
	c.put("b", d("b"))
	c.put("a", d("a"))
	c.put("c", d("c"))
	if c.get("a") != nil || c.get("b") == nil || c.get("c") == nil {
		t.Errorf("after a, b, c in a cache of 2: a=%v b=%v c=%v", c.get("a"), c.get("b"), c.get("c"))
	}
}

// exampleArticles reads the bundled example corpus.
func exampleArticles(t *testing.T) []*parallax.Article {
	t.Helper()
	arts, problems := input.Load([]string{"../examples/kessling-fire"}, nil, input.Defaults{})
	if len(problems) > 0 {
		t.Fatalf("load: %v", problems)
	}
	return arts
}

func TestIngestStoresBriefsAndReportsDuplicates(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := New(db, 2)
	if err := p.Restore(ctx); err != nil {
		t.Fatal(err)
	}
	arts := exampleArticles(t)
	res, err := p.Ingest(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(arts) {
		t.Fatalf("%d results for %d articles", len(res), len(arts))
	}
	stories := map[string]int{}
	for i, r := range res {
		if r.Duplicate || r.Story == "" || r.Article != arts[i].ID {
			t.Errorf("result %d = %+v, want a new article of %s in a story", i, r, arts[i].ID)
		}
		stories[r.Story]++
	}
	for sid, n := range stories {
		st, brief, err := db.Story(ctx, sid)
		if err != nil {
			t.Fatal(err)
		}
		if brief == nil || len(brief.Articles) != n || len(st.Articles) != n {
			t.Errorf("story %s: %d stored articles, brief %v, want %d and a brief covering them", sid, len(st.Articles), brief != nil, n)
		}
	}

	// The same articles again, in a new pipeline as after a restart: all
	// duplicates, each pointing at the stored story.
	p2 := New(db, 2)
	if err := p2.Restore(ctx); err != nil {
		t.Fatal(err)
	}
	again, err := p2.Ingest(ctx, exampleArticles(t))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range again {
		if !r.Duplicate || r.Story != res[i].Story {
			t.Errorf("re-ingest %d = %+v, want a duplicate in %s", i, r, res[i].Story)
		}
	}
	if s := p2.Stats(); s.Added != 0 || s.Duplicates != len(arts) {
		t.Errorf("re-ingest stats %+v", s)
	}
	if _, err := p2.Ingest(ctx, []*parallax.Article{{Body: "no id"}}); !errors.Is(err, parallax.ErrInvalid) {
		t.Errorf("article without id: err = %v, want invalid", err)
	}
}

// TestIngestRefreshesOnlyItsStories: a story left stale by an earlier batch
// keeps its old brief when Ingest adds an article elsewhere; the story
// Ingest touches is current when it returns.
func TestIngestRefreshesOnlyItsStories(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := New(db, 2)
	items := streamgen.Generate(streamgen.Config{Seed: 3, Articles: 60, Stories: 3, CopyShare: -1})
	byStory := map[string][]*parallax.Article{}
	var order []string
	for i := range items {
		it := &items[i]
		if byStory[it.Story] == nil {
			order = append(order, it.Story)
		}
		byStory[it.Story] = append(byStory[it.Story], &it.Article)
	}
	first, other := byStory[order[0]], byStory[order[1]]
	if len(first) < 6 || len(other) < 1 {
		t.Fatalf("stories of %d and %d articles", len(first), len(other))
	}
	// Five articles briefed together, then a sixth: 6 < 2*5, so the
	// story's brief is now stale (see briefDue).
	commitArts := func(arts []*parallax.Article) {
		t.Helper()
		var its []Item
		for _, a := range arts {
			its = append(its, Item{Article: a, OwnID: true})
		}
		if _, err := p.Commit(ctx, its); err != nil {
			t.Fatal(err)
		}
	}
	commitArts(first[:5])
	commitArts(first[5:6])
	if p.Stale() != 1 {
		t.Fatalf("%d stale stories after the sixth article, want 1", p.Stale())
	}
	res, err := p.Ingest(ctx, other[:1])
	if err != nil {
		t.Fatal(err)
	}
	if p.Stale() != 1 {
		t.Errorf("%d stale stories after ingesting elsewhere, want the first story still stale", p.Stale())
	}
	if _, b, err := db.Story(ctx, res[0].Story); err != nil || b == nil {
		t.Errorf("the ingested article's story has no brief: %v", err)
	}
	if err := p.RefreshStale(ctx); err != nil || p.Stale() != 0 {
		t.Errorf("RefreshStale: %v, %d left", err, p.Stale())
	}
}
