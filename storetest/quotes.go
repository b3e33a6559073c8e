package storetest

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func quoteTexts(hits []parallax.QuoteHit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, h.Text)
	}
	return out
}

// quoteFixture stores two stories with briefs: s-early (older) and s-recent.
func quoteFixture(t *testing.T, s parallax.Store) {
	t.Helper()
	kyiv := time.FixedZone("", 3*3600)
	commit(t, s, parallax.Batch{
		Articles: []*parallax.Article{
			art("o1", "Northern Ledger", "Talks stall", "", time.Date(2024, 5, 10, 11, 0, 0, 0, kyiv)),
			art("o2", "Wire Service", "Talks stall again", "", at(1)),
			art("n1", "Evening Post", "Talks resume", "", at(5)),
			art("n2", "Daily Meridian", "Summit", "", time.Time{}), // ingested now: s-recent is the newest story
		},
		Stories: []parallax.StoryUpdate{
			{
				Story: parallax.Story{ID: "s-early", Title: "Talks stall", Articles: []string{"o1", "o2"}},
				Brief: &parallax.Brief{
					Articles: []parallax.ArticleRef{{ID: "o1", Source: "Ledger (as briefed)"}, {ID: "o2"}},
					Quotes: []parallax.QuoteRef{
						{Article: "o1", Speaker: "Vladimir Putin", Text: "old 1", Kind: "direct", Cue: "said", Span: parallax.Span{Start: 3, End: 9}},
						{Article: "o2", Speaker: "Olaf Scholz", Text: "old scholz", Kind: "indirect", Cue: "told"},
						{Article: "o2", Speaker: "", Text: "old unknown", Kind: "direct"},
						{Article: "o2", Speaker: "Vladimir Putin", Text: "old 2", Kind: "indirect", Cue: "according to"},
						{Article: "o1", Speaker: "José Álvarez-Núñez", Text: "old alvarez", Kind: "direct"},
						{Article: "gone", Speaker: "Vladimir Putin", Text: "old 3", Kind: "direct"}, // an article the store does not hold
					},
					Entities: []parallax.EntitySummary{
						{Name: "Vladímir Putin", Type: "person", Title: "Russian President", Aliases: []string{"Putin", "Vladimir Putin"}, Articles: []string{"o1", "o2"}, Mentions: 5},
						{Name: "Olaf Scholz", Type: "person", Aliases: []string{"Scholz"}, Articles: []string{"o2"}, Mentions: 1},
						{Name: "John Smith", Type: "person", Aliases: []string{"Smith", "John Smith"}, Articles: []string{"o1"}, Mentions: 6},
						{Name: "Jane Smith", Type: "person", Aliases: []string{"Smith"}, Articles: []string{"o2"}, Mentions: 4},
						{Name: "José Álvarez-Núñez", Type: "person", Aliases: []string{"Álvarez"}, Articles: []string{"o1"}, Mentions: 1},
					},
				},
			},
			{
				Story: parallax.Story{ID: "s-recent", Title: "Talks resume", Articles: []string{"n1", "n2"}},
				Brief: &parallax.Brief{
					Articles: []parallax.ArticleRef{{ID: "n1"}, {ID: "n2"}},
					Quotes: []parallax.QuoteRef{
						{Article: "n2", Speaker: "vladimir  PUTIN", Text: "new 1", Kind: "direct", Cue: "said"},
						{Article: "n1", Speaker: "Dmitry Peskov", Text: "new peskov", Kind: "direct", Cue: "said"},
					},
					Entities: []parallax.EntitySummary{
						{Name: "Vladimir Putin", Type: "", Title: "President", Aliases: []string{"President Putin", "Putin"}, Articles: []string{"n1", "n2"}, Mentions: 2},
						{Name: "Jane Smith", Type: "person", Aliases: []string{"Jane Smith"}, Articles: []string{"n1"}, Mentions: 1},
						// The same entity twice in one brief is merged.
						{Name: "Dmitry Peskov", Type: "person", Aliases: []string{"Peskov"}, Articles: []string{"n1"}, Mentions: 2},
						{Name: "Dmitry Peskov", Type: "person", Aliases: []string{"Kremlin spokesman"}, Articles: []string{"n1", "n2"}, Mentions: 1},
					},
				},
			},
		},
	})
}

func testQuotes(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	quoteFixture(t, s)
	putin := []string{"new 1", "old 1", "old 2", "old 3"} // newest story first, then brief order
	tests := []struct {
		q    parallax.QuoteQuery
		want []string
	}{
		{parallax.QuoteQuery{Speaker: "Vladimir Putin"}, putin},
		{parallax.QuoteQuery{Speaker: "putin"}, putin},
		{parallax.QuoteQuery{Speaker: "VLADIMIR"}, putin},
		{parallax.QuoteQuery{Speaker: "  vladimir\tputin "}, putin},
		{parallax.QuoteQuery{Speaker: "Put"}, nil},
		{parallax.QuoteQuery{Speaker: "Putin Vladimir"}, nil},
		{parallax.QuoteQuery{Speaker: "Vladimir Putin Jr"}, nil},
		{parallax.QuoteQuery{Speaker: "Scholz"}, []string{"old scholz"}},
		{parallax.QuoteQuery{Speaker: "jose alvarez nunez"}, []string{"old alvarez"}}, // diacritics and hyphen folded
		{parallax.QuoteQuery{Speaker: "Álvarez"}, []string{"old alvarez"}},
		{parallax.QuoteQuery{Speaker: "Nobody"}, nil},
		{parallax.QuoteQuery{Speaker: "putin", Limit: 2}, putin[:2]},
		{parallax.QuoteQuery{Speaker: "putin", Limit: 2, Offset: 1}, putin[1:3]},
		{parallax.QuoteQuery{Speaker: "putin", Offset: 3}, putin[3:]},
		{parallax.QuoteQuery{Speaker: "putin", Offset: 9}, nil},
	}
	for _, tc := range tests {
		hits, err := s.Quotes(ctx, tc.q)
		if err != nil {
			t.Errorf("Quotes(%+v): %v", tc.q, err)
			continue
		}
		if got := quoteTexts(hits); !slices.Equal(got, tc.want) && len(got)+len(tc.want) > 0 {
			t.Errorf("Quotes(%+v) = %q, want %q", tc.q, got, tc.want)
		}
	}

	// Every field of a hit.
	hits, err := s.Quotes(ctx, parallax.QuoteQuery{Speaker: "Putin"})
	if err != nil || len(hits) != 4 {
		t.Fatalf("Quotes(Putin) = %d hits, %v", len(hits), err)
	}
	want := parallax.QuoteHit{Story: "s-early", StoryTitle: "Talks stall", Article: "o1", Source: "Northern Ledger",
		Speaker: "Vladimir Putin", Text: "old 1", Kind: "direct", Cue: "said", Span: parallax.Span{Start: 3, End: 9}}
	got := hits[1]
	if !got.Published.Equal(at(0)) {
		t.Errorf("hit Published = %v, want %v", got.Published, at(0))
	}
	got.Published = time.Time{}
	if got != want {
		t.Errorf("hit = %+v\nwant %+v", got, want)
	}
	if h := hits[0]; h.Story != "s-recent" || h.Speaker != "vladimir  PUTIN" || h.Source != "Daily Meridian" || !h.Published.IsZero() {
		t.Errorf("hit of an undated article = %+v", h)
	}
	if h := hits[3]; h.Article != "gone" || h.Source != "" || !h.Published.IsZero() || h.StoryTitle != "Talks stall" {
		t.Errorf("hit of an article the store lacks = %+v; want empty source and zero time", h)
	}

	// The story's current title is reported.
	commit(t, s, parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s-early", Title: "Talks collapse"}}}})
	hits, err = s.Quotes(ctx, parallax.QuoteQuery{Speaker: "Scholz"})
	if err != nil || len(hits) != 1 || hits[0].StoryTitle != "Talks collapse" {
		t.Errorf("after a retitle: %+v, %v", hits, err)
	}

	// A story update without brief keeps its quotes; a new brief replaces
	// them.
	commit(t, s, parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s-recent"}}}})
	if hits, err := s.Quotes(ctx, parallax.QuoteQuery{Speaker: "Putin"}); err != nil || len(hits) != 4 {
		t.Errorf("after an update without brief: %d hits, %v; want 4", len(hits), err)
	}
	commit(t, s, parallax.Batch{Stories: []parallax.StoryUpdate{{
		Story: parallax.Story{ID: "s-early"},
		Brief: &parallax.Brief{Quotes: []parallax.QuoteRef{{Article: "o2", Speaker: "Olaf Scholz", Text: "replaced scholz"}}},
	}}})
	if got := quoteTexts(mustQuotes(t, s, "Putin")); !slices.Equal(got, []string{"new 1"}) {
		t.Errorf("after a new brief, Putin's quotes = %q, want [new 1]", got)
	}
	if got := quoteTexts(mustQuotes(t, s, "Scholz")); !slices.Equal(got, []string{"replaced scholz"}) {
		t.Errorf("after a new brief, Scholz's quotes = %q, want [replaced scholz]", got)
	}

	for _, q := range []parallax.QuoteQuery{{}, {Speaker: "  "}, {Speaker: "?!"}, {Speaker: "putin", Limit: -1}, {Speaker: "putin", Offset: -1}} {
		_, err := s.Quotes(ctx, q)
		wantCode(t, fmt.Sprintf("Quotes(%+v)", q), err, parallax.EINVALID)
	}
}

func mustQuotes(t *testing.T, s parallax.Store, speaker string) []parallax.QuoteHit {
	t.Helper()
	hits, err := s.Quotes(t.Context(), parallax.QuoteQuery{Speaker: speaker})
	if err != nil {
		t.Fatalf("Quotes(%q): %v", speaker, err)
	}
	return hits
}

func testEntity(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	quoteFixture(t, s)
	newLast := func() time.Time {
		st, _, err := s.Story(ctx, "s-recent")
		if err != nil {
			t.Fatal(err)
		}
		return st.Last
	}()
	want := parallax.EntityPage{
		// Name and Title from the newest story, Type from the newest that
		// has one.
		Name: "Vladimir Putin", Type: "person", Title: "President",
		Aliases:  []string{"President Putin", "Putin", "Vladimir Putin"},
		Mentions: 7,
		Stories: []parallax.EntityStory{
			{ID: "s-recent", Title: "Talks resume", Mentions: 2, Articles: 2, Last: newLast},
			{ID: "s-early", Title: "Talks stall", Mentions: 5, Articles: 2, Last: at(1)},
		},
		Quotes: 4,
	}
	for _, name := range []string{"Vladimir Putin", "vladimir putin", " VLADIMIR   PUTIN ", "Putin", "president putin"} {
		got, err := s.Entity(ctx, name)
		if err != nil {
			t.Errorf("Entity(%q): %v", name, err)
			continue
		}
		sameEntity(t, name, got, want)
	}

	// An alias shared by two entities picks the one with more mentions in
	// all (John Smith: 6, Jane Smith: 4+1); a canonical name wins over an
	// alias.
	if got, err := s.Entity(ctx, "Smith"); err != nil || got.Name != "John Smith" || got.Mentions != 6 || len(got.Stories) != 1 {
		t.Errorf("Entity(Smith) = %+v, %v; want John Smith, 6 mentions in 1 story", got, err)
	}
	if got, err := s.Entity(ctx, "jane smith"); err != nil || got.Name != "Jane Smith" || got.Mentions != 5 || len(got.Stories) != 2 {
		t.Errorf("Entity(jane smith) = %+v, %v; want Jane Smith, 5 mentions in 2 stories", got, err)
	}
	// Diacritics and punctuation fold.
	if got, err := s.Entity(ctx, "Jose Alvarez Nunez"); err != nil || got.Name != "José Álvarez-Núñez" {
		t.Errorf("Entity(Jose Alvarez Nunez) = %+v, %v", got, err)
	}
	if got, err := s.Entity(ctx, "alvarez"); err != nil || got.Name != "José Álvarez-Núñez" {
		t.Errorf("Entity(alvarez) by alias = %+v, %v", got, err)
	}
	// Entries of one brief with the same name merge.
	got, err := s.Entity(ctx, "Peskov")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Dmitry Peskov" || got.Mentions != 3 || len(got.Stories) != 1 || got.Stories[0].Articles != 2 ||
		got.Stories[0].Mentions != 3 || !slices.Equal(got.Aliases, []string{"Kremlin spokesman", "Peskov"}) || got.Quotes != 1 {
		t.Errorf("Entity(Peskov) = %+v; want 3 mentions, 2 articles in one story, 1 quote", got)
	}
	// Only whole names and aliases: a word of a name is not enough.
	for _, name := range []string{"Vladimir", "Putin Vladimir", "Olaf Scholz Jr", "Kremlin"} {
		if _, err := s.Entity(ctx, name); !errors.Is(err, parallax.ErrNotFound) {
			t.Errorf("Entity(%q): err = %v, want ErrNotFound", name, err)
		}
	}
	for _, name := range []string{"", "  ", "--"} {
		_, err := s.Entity(ctx, name)
		wantCode(t, fmt.Sprintf("Entity(%q)", name), err, parallax.EINVALID)
	}

	// A new brief without Putin removes him from that story.
	commit(t, s, parallax.Batch{Stories: []parallax.StoryUpdate{{
		Story: parallax.Story{ID: "s-recent"},
		Brief: &parallax.Brief{Entities: []parallax.EntitySummary{{Name: "Dmitry Peskov", Type: "person", Articles: []string{"n1"}, Mentions: 1}}},
	}}})
	got, err = s.Entity(ctx, "Putin")
	if err != nil {
		t.Fatal(err)
	}
	if got.Mentions != 5 || len(got.Stories) != 1 || got.Stories[0].ID != "s-early" || got.Quotes != 3 ||
		!slices.Equal(got.Aliases, []string{"Putin", "Vladimir Putin"}) {
		t.Errorf("after a new brief: %+v; want 5 mentions in s-early, 3 quotes", got)
	}
	commit(t, s, parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s-early"}, Brief: &parallax.Brief{}}}})
	if _, err := s.Entity(ctx, "Putin"); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("Entity(Putin) with no brief naming him: err = %v, want ErrNotFound", err)
	}
}

func sameEntity(t *testing.T, name string, got, want parallax.EntityPage) {
	t.Helper()
	if len(got.Stories) == len(want.Stories) {
		for i := range got.Stories {
			if !got.Stories[i].Last.Equal(want.Stories[i].Last) {
				t.Errorf("Entity(%q) story %d Last = %v, want %v", name, i, got.Stories[i].Last, want.Stories[i].Last)
			}
			got.Stories[i].Last = want.Stories[i].Last
		}
	}
	if g, w := jsonString(got), jsonString(want); g != w {
		t.Errorf("Entity(%q) =\n%s\nwant\n%s", name, g, w)
	}
}
