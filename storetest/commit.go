package storetest

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func testCommitIdempotent(t *testing.T, open func(t *testing.T) parallax.Store) {
	const body = "Rescuers reached the village at dawn.\n\nEleven people were taken to hospital."
	a := func(id, url, body string) *parallax.Article {
		return &parallax.Article{ID: id, Source: "Outlet " + id, Title: "Title " + id, URL: url, Body: body}
	}
	tests := []struct {
		name   string
		first  []*parallax.Article // committed first
		then   []*parallax.Article
		want   []bool
		absent []string // ids that must not be stored
	}{
		{
			name:  "same id",
			first: []*parallax.Article{a("a", "https://ex.com/a", body)},
			then:  []*parallax.Article{a("a", "https://ex.com/other", "A different text altogether.")},
			want:  []bool{false},
		},
		{
			name:   "same normalized URL",
			first:  []*parallax.Article{a("a", "https://news.example.com/world/fire?id=7&page=2", body)},
			then:   []*parallax.Article{a("b", "HTTPS://News.Example.com:443/world/fire?page=2&utm_source=rss&id=7&utm_medium=feed#top", "Another text.")},
			want:   []bool{false},
			absent: []string{"b"},
		},
		{
			name:   "same text modulo white space",
			first:  []*parallax.Article{a("a", "https://ex.com/a", body)},
			then:   []*parallax.Article{a("b", "https://ex.com/b", "  Rescuers reached the village\tat dawn. Eleven people\nwere taken to hospital.\n")},
			want:   []bool{false},
			absent: []string{"b"},
		},
		{
			name:  "repeats within one batch",
			first: nil,
			then: []*parallax.Article{
				a("a", "https://ex.com/a", body),
				a("a", "https://ex.com/a2", "Same id, other text."),
				a("b", "https://EX.com/a?utm_campaign=x", "Same URL, other text."),
				a("c", "https://ex.com/c", body+"\n"),
				a("d", "https://ex.com/d", "A new report."),
			},
			want:   []bool{true, false, false, false, true},
			absent: []string{"b", "c"},
		},
		{
			name:  "empty URL and empty body are no identity",
			first: []*parallax.Article{a("a", "", "")},
			then:  []*parallax.Article{a("b", "", ""), a("c", "", "Some text."), a("d", "https://ex.com/d", "")},
			want:  []bool{true, true, true},
		},
		{
			name:  "different article",
			first: []*parallax.Article{a("a", "https://ex.com/a", body)},
			then:  []*parallax.Article{a("b", "https://ex.com/b", "Eleven people were taken to hospital.")},
			want:  []bool{true},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			if tc.first != nil {
				if added := commit(t, s, parallax.Batch{Articles: tc.first}); slices.Contains(added, false) {
					t.Fatalf("first commit added %v", added)
				}
			}
			if got := commit(t, s, parallax.Batch{Articles: tc.then}); !slices.Equal(got, tc.want) {
				t.Errorf("added = %v, want %v", got, tc.want)
			}
			for _, id := range tc.absent {
				if _, err := s.Article(t.Context(), id); !errors.Is(err, parallax.ErrNotFound) {
					t.Errorf("Article(%q) of a duplicate: err = %v, want ErrNotFound", id, err)
				}
			}
			// The first copy stays as it was.
			if len(tc.first) > 0 {
				got, err := s.Article(t.Context(), tc.first[0].ID)
				if err != nil {
					t.Fatal(err)
				}
				sameArticle(t, got, tc.first[0])
			}
			// Committing the same again adds nothing.
			again := commit(t, s, parallax.Batch{Articles: tc.then})
			if slices.Contains(again, true) {
				t.Errorf("second commit added %v", again)
			}
			want := 0
			for _, b := range tc.want {
				if b {
					want++
				}
			}
			st, err := s.Stats(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != want+len(tc.first) {
				t.Errorf("Stats.Articles = %d, want %d", st.Articles, want+len(tc.first))
			}
		})
	}
	t.Run("empty batch", func(t *testing.T) {
		s := open(t)
		if added := commit(t, s, parallax.Batch{}); len(added) != 0 {
			t.Errorf("added = %v", added)
		}
	})
}

func testCommitInvalid(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	commit(t, s, parallax.Batch{Articles: []*parallax.Article{art("a", "X", "A", "", at(0))}})
	bad := []struct {
		name string
		b    parallax.Batch
	}{
		{"nil article", parallax.Batch{Articles: []*parallax.Article{nil}}},
		{"article without id", parallax.Batch{Articles: []*parallax.Article{{Body: "no id"}}}},
		{"assignment without story", parallax.Batch{Assignments: []parallax.Assignment{{Article: "a"}}}},
		{"assignment without article", parallax.Batch{Assignments: []parallax.Assignment{{Story: "s"}}}},
		{"story without id", parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{Articles: []string{"a"}}}}}},
		{"checkpoint without source", parallax.Batch{Checkpoints: []parallax.Checkpoint{{Value: "1"}}}},
		{"assignment of a missing article", parallax.Batch{Assignments: []parallax.Assignment{{Article: "missing", Story: "s"}}}},
		{"story lists a missing article", parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s", Articles: []string{"a", "missing"}}}}}},
	}
	for _, tc := range bad {
		_, err := s.Commit(t.Context(), tc.b)
		wantCode(t, tc.name, err, parallax.EINVALID)
	}
	if id, err := s.StoryOf(t.Context(), "a"); err != nil || id != "" {
		t.Errorf("after rejected batches StoryOf(a) = %q, %v; want none", id, err)
	}
	if _, _, err := s.Story(t.Context(), "s"); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("story of a rejected batch: err = %v, want ErrNotFound", err)
	}
}

func testCommitAtomic(t *testing.T, open func(t *testing.T) parallax.Store) {
	// A batch of three articles, a story holding them with a brief, a
	// second story by assignment and the checkpoint covering them.
	batch := func() parallax.Batch {
		arts := []*parallax.Article{
			art("b1", "North", "Wildfire spreads", "A wildfire spread across the hills.", at(1)),
			art("b2", "South", "Wildfire grows", "The wildfire grew overnight.", at(2)),
			art("b3", "East", "Evacuations", "Villages were evacuated ahead of the wildfire.", at(3)),
		}
		return parallax.Batch{
			Articles:    arts,
			Assignments: []parallax.Assignment{{Article: "b3", Story: "s3"}},
			Stories: []parallax.StoryUpdate{{
				Story: parallax.Story{ID: "s2", Title: "Wildfire", Articles: []string{"b1", "b2"}},
				Brief: &parallax.Brief{
					Articles: []parallax.ArticleRef{{ID: "b1", Origin: "b1"}, {ID: "b2", Origin: "b2"}},
					Quotes:   []parallax.QuoteRef{{Article: "b1", Speaker: "Anya Weller", Text: "We pulled the crews back."}},
					Entities: []parallax.EntitySummary{{Name: "Anya Weller", Type: "person", Aliases: []string{"Weller"}, Articles: []string{"b1"}, Mentions: 2}},
				},
			}},
			Checkpoints: []parallax.Checkpoint{{Source: "feed", Value: "2"}},
		}
	}
	tests := []struct {
		name   string
		modify func(b *parallax.Batch)
	}{
		{"assignment to a missing article", func(b *parallax.Batch) {
			b.Assignments = append(b.Assignments, parallax.Assignment{Article: "missing", Story: "s3"})
		}},
		{"story lists a missing article", func(b *parallax.Batch) {
			b.Stories[0].Story.Articles = append(b.Stories[0].Story.Articles, "missing")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			ctx := t.Context()
			first := art("a1", "North", "Wildfire near town", "A wildfire was reported near the town.", at(0))
			commit(t, s, parallax.Batch{
				Articles:    []*parallax.Article{first},
				Stories:     []parallax.StoryUpdate{{Story: parallax.Story{ID: "s1", Articles: []string{"a1"}}}},
				Checkpoints: []parallax.Checkpoint{{Source: "feed", Value: "1"}},
			})
			before, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}

			b := batch()
			tc.modify(&b)
			_, err = s.Commit(ctx, b)
			wantCode(t, "Commit", err, parallax.EINVALID)

			for _, id := range []string{"b1", "b2", "b3"} {
				if _, err := s.Article(ctx, id); !errors.Is(err, parallax.ErrNotFound) {
					t.Errorf("Article(%s) after a failed batch: err = %v, want ErrNotFound", id, err)
				}
			}
			for _, id := range []string{"s2", "s3"} {
				if _, _, err := s.Story(ctx, id); !errors.Is(err, parallax.ErrNotFound) {
					t.Errorf("Story(%s) after a failed batch: err = %v, want ErrNotFound", id, err)
				}
			}
			if cp, err := s.Checkpoint(ctx, "feed"); err != nil || cp != "1" {
				t.Errorf("checkpoint = %q, %v; want 1", cp, err)
			}
			if after, err := s.Stats(ctx); err != nil || after != before {
				t.Errorf("Stats after a failed batch = %+v, %v; want %+v", after, err, before)
			}
			if got := stories(t, s, parallax.StoryQuery{Search: "wildfire"}); !slices.Equal(got, []string{"s1"}) {
				t.Errorf("search after a failed batch = %v, want [s1]", got)
			}
			if hits, err := s.Quotes(ctx, parallax.QuoteQuery{Speaker: "Weller"}); err != nil || len(hits) != 0 {
				t.Errorf("Quotes after a failed batch = %v, %v; want none", hits, err)
			}
			if _, err := s.Entity(ctx, "Anya Weller"); !errors.Is(err, parallax.ErrNotFound) {
				t.Errorf("Entity after a failed batch: err = %v, want ErrNotFound", err)
			}

			// The store is still usable and the same batch goes in whole.
			if added := commit(t, s, batch()); slices.Contains(added, false) {
				t.Errorf("retry added %v", added)
			}
			if cp, _ := s.Checkpoint(ctx, "feed"); cp != "2" {
				t.Errorf("checkpoint after retry = %q, want 2", cp)
			}
			if got := stories(t, s, parallax.StoryQuery{Order: parallax.OrderNewest}); !slices.Equal(got, []string{"s3", "s2", "s1"}) {
				t.Errorf("stories after retry = %v, want [s3 s2 s1]", got)
			}
			if hits, err := s.Quotes(ctx, parallax.QuoteQuery{Speaker: "Weller"}); err != nil || len(hits) != 1 {
				t.Errorf("Quotes after retry = %v, %v; want one", hits, err)
			}
		})
	}
}

func testArticleRoundTrip(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	kolkata := time.FixedZone("IST", 5*3600+30*60)
	newYork := time.FixedZone("EDT", -4*3600)
	arts := []*parallax.Article{
		{
			ID: "ü-1", Source: "Neue Zürcher Zeitung", Title: "Brand in Zürich: 火事 — «Évacuation» 🔥",
			URL: "https://www.nzz.ch/zürich/brand?x=1", Path: "crawl/nzz/1.html", Author: "Jürg Müller, Agnès Ōtani",
			Published: time.Date(2024, 5, 10, 23, 45, 7, 0, kolkata),
			Body:      "Первый абзац.\n\nΔεύτερη παράγραφος — مرحبا — 한국어 text with \"quotes\" and a tab\there.",
			Extra: map[string]json.RawMessage{
				"tags":   json.RawMessage(`["fire", "zürich"]`),
				"score":  json.RawMessage(`1.5`),
				"nested": json.RawMessage(`{"z": 1, "a": null, "s": "x\"y"}`),
			},
		},
		{ID: "b", Source: "Wire", Title: "West", Body: "Published west of UTC.", Published: time.Date(2024, 5, 10, 1, 2, 3, 0, newYork)},
		{ID: "c", Source: "Wire", Title: "Undated", Body: "No date known."},
		{ID: "d", Source: "Wire", Title: "UTC", Body: "Published in UTC.", Published: at(5)},
	}
	commit(t, s, parallax.Batch{Articles: arts})
	for _, want := range arts {
		got, err := s.Article(t.Context(), want.ID)
		if err != nil {
			t.Fatalf("Article(%q): %v", want.ID, err)
		}
		sameArticle(t, got, want)
	}
	// The store keeps its own copy: changing the caller's article after
	// Commit changes nothing stored.
	arts[1].Title = "changed"
	if got, _ := s.Article(t.Context(), "b"); got == nil || got.Title != "West" {
		t.Errorf("stored article follows the caller's copy: %+v", got)
	}
}

func testNotFound(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	commit(t, s, parallax.Batch{Articles: []*parallax.Article{art("a", "X", "A", "", at(0))}})
	checks := []struct {
		name string
		err  error
	}{}
	add := func(name string, err error) {
		checks = append(checks, struct {
			name string
			err  error
		}{name, err})
	}
	_, err := s.Article(ctx, "missing")
	add("Article", err)
	_, _, err = s.Story(ctx, "missing")
	add("Story", err)
	_, err = s.StoryArticles(ctx, "missing")
	add("StoryArticles", err)
	_, err = s.Entity(ctx, "Nobody Atall")
	add("Entity", err)
	_, err = s.Feed(ctx, "missing")
	add("Feed", err)
	add("RemoveFeed", s.RemoveFeed(ctx, "missing"))
	add("UpdateFeed", s.UpdateFeed(ctx, parallax.FeedSubscription{ID: "missing", Title: "x"}))
	for _, c := range checks {
		if !errors.Is(c.err, parallax.ErrNotFound) {
			t.Errorf("%s of a missing thing: err = %v, want ErrNotFound", c.name, c.err)
		}
		wantCode(t, c.name, c.err, parallax.ENOTFOUND)
	}
	if id, err := s.StoryOf(ctx, "missing"); err != nil || id != "" {
		t.Errorf("StoryOf(missing) = %q, %v; want \"\", nil", id, err)
	}
	if id, err := s.StoryOf(ctx, "a"); err != nil || id != "" {
		t.Errorf("StoryOf of an unassigned article = %q, %v; want \"\", nil", id, err)
	}
	if v, err := s.Checkpoint(ctx, "missing"); err != nil || v != "" {
		t.Errorf("Checkpoint(missing) = %q, %v; want \"\", nil", v, err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func testCheckpoint(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	commit(t, s, parallax.Batch{Checkpoints: []parallax.Checkpoint{{Source: "warc", Value: "file-1:100"}, {Source: "feed:x", Value: "item-7"}}})
	commit(t, s, parallax.Batch{
		Articles:    []*parallax.Article{art("a", "X", "A", "", at(0))},
		Checkpoints: []parallax.Checkpoint{{Source: "warc", Value: "file-1:200"}},
	})
	for src, want := range map[string]string{"warc": "file-1:200", "feed:x": "item-7", "other": ""} {
		if got, err := s.Checkpoint(ctx, src); err != nil || got != want {
			t.Errorf("Checkpoint(%q) = %q, %v; want %q", src, got, err, want)
		}
	}
}
