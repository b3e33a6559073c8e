package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func fptr(v float64) *float64 { return &v }

// richBrief uses every part of a Brief, so a round trip that drops or
// reshapes a field shows.
func richBrief(arts ...*parallax.Article) *parallax.Brief {
	b := &parallax.Brief{
		Facts: []parallax.Fact{{
			ID: "f1", Status: parallax.Conflict, Statement: "how many people were evacuated",
			Claims: []parallax.ClaimRef{{Article: arts[0].ID, Sentence: "s2", Span: parallax.Span{Start: 10, End: 42}, AttributedTo: "police"}},
			Variants: []parallax.Variant{
				{Text: "300 people", Value: parallax.VariantValue{Lo: fptr(300), Hi: fptr(300), Unit: "person"}, Articles: []string{arts[0].ID}, AttributedTo: []string{"police"}},
				{Text: "about 1,200", Value: parallax.VariantValue{Lo: fptr(1100.5), Hi: fptr(1300), Qualifier: "about"}, Articles: []string{arts[1].ID}, AttributedTo: []string{}, Compatible: true},
			},
			Outlets: 2, Independent: 2, PrimarySources: 1, Kind: "count",
		}},
		Quotes: []parallax.QuoteRef{{Article: arts[0].ID, Text: "Everyone got out in time.", Speaker: "Ana Müller", Kind: "direct", Cue: "said", Span: parallax.Span{Start: 5, End: 30}}},
		Entities: []parallax.EntitySummary{{Name: "Ana Müller", Type: "person", Title: "fire chief", Aliases: []string{"Müller", "Ana Müller"},
			Articles: []string{arts[0].ID}, Mentions: 3}},
		Wording:  []parallax.Wording{{Entity: "Kessling", Variants: []parallax.WordingTerm{{Term: "Keßling", Articles: []string{arts[1].ID}}}}},
		Unique:   []parallax.Unique{{Article: arts[1].ID, Sentences: []parallax.UniqueSentence{{Text: "Only here.", Span: parallax.Span{Start: 0, End: 10}}}}},
		Timeline: []parallax.TimelineEntry{{Date: "2024-05-10", Granularity: "day", Text: "The fire starts — 火事.", Articles: []string{arts[0].ID}, Provenance: "on Friday (weekday)"}},
		Summary:  []parallax.SummaryLine{{Sentence: "A fire broke out.", Articles: []string{arts[0].ID, arts[1].ID}}},
		Disputed: "Sources differ on the number evacuated.",
		Problems: []parallax.Problem{{Path: "x.bin", Reason: "binary"}},
	}
	for _, a := range arts {
		b.Articles = append(b.Articles, parallax.ArticleRef{ID: a.ID, Source: a.Source, Title: a.Title,
			Published: a.Published.Format(time.RFC3339), URL: a.URL, Origin: "o-" + a.Source})
	}
	return b
}

// sameBrief compares a stored brief with the one saved, as the contract
// writes both (parallax.MarshalBrief: absent lists read back as empty), and
// checks StoryBriefJSON hands out exactly those bytes.
func sameBrief(t *testing.T, what string, got, want *parallax.Brief) {
	t.Helper()
	g, err1 := parallax.MarshalBrief(got)
	w, err2 := parallax.MarshalBrief(want)
	if err1 != nil || err2 != nil {
		t.Fatalf("%s: %v %v", what, err1, err2)
	}
	if string(g) != string(w) {
		t.Errorf("%s: brief =\n%s\nwant\n%s", what, g, w)
	}
}

// sameBriefJSON checks that StoryBriefJSON returns a story's brief as
// MarshalBrief writes it, with the same story fields Story returns.
func sameBriefJSON(t *testing.T, s parallax.Store, id string) {
	t.Helper()
	st, b, err := s.Story(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	st2, raw, err := s.StoryBriefJSON(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if jsonString(st) != jsonString(st2) {
		t.Errorf("StoryBriefJSON story %+v, Story %+v", st2, st)
	}
	if b == nil {
		if raw != nil {
			t.Errorf("StoryBriefJSON(%s) = %s for a story without a brief", id, raw)
		}
		return
	}
	want, err := parallax.MarshalBrief(b)
	if err != nil {
		t.Fatal(err)
	}
	if string(raw) != string(want) {
		t.Errorf("StoryBriefJSON(%s) =\n%s\nwant MarshalBrief's\n%s", id, raw, want)
	}
}

func summary(t *testing.T, s parallax.Store, id string) parallax.StorySummary {
	t.Helper()
	sums, err := s.Stories(t.Context(), parallax.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range sums {
		if sum.ID == id {
			return sum
		}
	}
	t.Fatalf("story %s not listed in %v", id, storyIDs(sums))
	return parallax.StorySummary{}
}

func testStoryRoundTrip(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	a := art("a", "Northern Ledger", "Fire at Kessling plant", "", at(0))
	b := art("b", "Coastline Times", "Kessling fire burns", "", at(2))
	c := art("c", "Northern Ledger", "", "", at(1)) // no title
	commit(t, s, parallax.Batch{Articles: []*parallax.Article{a, b, c}})

	brief := richBrief(a, b, c)
	brief.Articles[2].Origin = "" // counts on its own: origins o-Northern Ledger, o-Coastline Times, and c
	// c, a, b listed; the store gives ingest order a, b, c.
	commit(t, s, parallax.Batch{Stories: []parallax.StoryUpdate{{
		Story: parallax.Story{ID: "s1", Title: "Kessling plant fire", Articles: []string{"c", "a", "b"},
			First: at(-100), Last: at(100)}, // ignored: derived from the articles
		Brief: brief,
	}}})
	st, gotBrief, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if st.ID != "s1" || st.Title != "Kessling plant fire" || !slices.Equal(st.Articles, []string{"a", "b", "c"}) {
		t.Errorf("Story = %+v", st)
	}
	if !st.First.Equal(at(0)) || !st.Last.Equal(at(2)) {
		t.Errorf("Story First, Last = %v, %v; want %v, %v", st.First, st.Last, at(0), at(2))
	}
	sameBrief(t, "Story", gotBrief, brief)
	arts, err := s.StoryArticles(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(arts), []string{"a", "b", "c"}) {
		t.Fatalf("StoryArticles = %v, want [a b c]", ids(arts))
	}
	for i, want := range []*parallax.Article{a, b, c} {
		sameArticle(t, arts[i], want)
	}
	sum := summary(t, s, "s1")
	if sum.Title != "Kessling plant fire" || sum.Articles != 3 || sum.Outlets != 2 || sum.Independent != 3 ||
		!sum.First.Equal(at(0)) || !sum.Last.Equal(at(2)) || sum.UpdatedAt.IsZero() {
		t.Errorf("summary = %+v; want 3 articles, 2 outlets, 3 independent, first %v, last %v", sum, at(0), at(2))
	}
	for _, id := range []string{"a", "b", "c"} {
		if got, err := s.StoryOf(ctx, id); err != nil || got != "s1" {
			t.Errorf("StoryOf(%s) = %q, %v; want s1", id, got, err)
		}
	}

	// An update with neither title nor brief keeps both.
	commit(t, s, parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s1"}}}})
	st, gotBrief, err = s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if st.Title != "Kessling plant fire" || len(st.Articles) != 3 {
		t.Errorf("after an empty update: %+v", st)
	}
	sameBrief(t, "after an empty update", gotBrief, brief)

	// A new brief replaces the old one whole.
	small := &parallax.Brief{Articles: []parallax.ArticleRef{{ID: "a", Origin: "x"}, {ID: "b", Origin: "x"}}, Disputed: "nothing"}
	commit(t, s, parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s1", Title: "Renamed"}, Brief: small}}})
	st, gotBrief, err = s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if st.Title != "Renamed" {
		t.Errorf("Title = %q, want Renamed", st.Title)
	}
	sameBrief(t, "after a new brief", gotBrief, small)
	sameBriefJSON(t, s, "s1")
	if sum := summary(t, s, "s1"); sum.Independent != 1 || sum.Title != "Renamed" {
		t.Errorf("summary after a new brief = %+v; want 1 independent", sum)
	}

	// A story without a brief: nil brief, Independent -1; its title is
	// its first titled article's.
	commit(t, s, parallax.Batch{Articles: []*parallax.Article{
		art("d", "X", "", "", at(3)), art("e", "Y", "Second headline", "", at(4)), art("f", "Y", "Third headline", "", at(5)),
	}, Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s2", Articles: []string{"f", "e", "d"}}}}})
	st, gotBrief, err = s.Story(ctx, "s2")
	if err != nil {
		t.Fatal(err)
	}
	if gotBrief != nil {
		t.Errorf("brief of a story without one = %+v, want nil", gotBrief)
	}
	if st.Title != "Second headline" || !slices.Equal(st.Articles, []string{"d", "e", "f"}) {
		t.Errorf("Story(s2) = %+v; want title %q, articles [d e f]", st, "Second headline")
	}
	if sum := summary(t, s, "s2"); sum.Independent != -1 || sum.Articles != 3 || sum.Outlets != 2 {
		t.Errorf("summary without brief = %+v; want independent -1, 3 articles, 2 outlets", sum)
	}
}

func testStoryMoves(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	// An unknown Published falls back to the ingest time, which is now.
	before := time.Now().Add(-time.Minute)
	commit(t, s, parallax.Batch{
		Articles: []*parallax.Article{
			art("a", "X", "Alpha", "", at(0)), art("b", "Y", "Beta", "", at(1)), art("c", "Y", "Gamma", "", time.Time{}),
		},
		// A story made by assignments takes its first article's title.
		Assignments: []parallax.Assignment{{Article: "b", Story: "s1"}, {Article: "a", Story: "s1"}, {Article: "c", Story: "s2"}},
	})
	st, _, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if st.Title != "Alpha" || !slices.Equal(st.Articles, []string{"a", "b"}) {
		t.Errorf("Story(s1) = %+v; want title Alpha, articles [a b]", st)
	}
	st, _, err = s.Story(ctx, "s2")
	if err != nil {
		t.Fatal(err)
	}
	if st.First.Before(before) || !st.First.Equal(st.Last) {
		t.Errorf("Story(s2) of an undated article: First %v, Last %v; want the ingest time", st.First, st.Last)
	}

	// Moving b to s2 updates both stories; moving a too empties s1, which
	// is then no longer listed but still exists.
	commit(t, s, parallax.Batch{Assignments: []parallax.Assignment{{Article: "b", Story: "s2"}}})
	if sum := summary(t, s, "s1"); sum.Articles != 1 || sum.Outlets != 1 || !sum.Last.Equal(at(0)) {
		t.Errorf("s1 after a move = %+v; want 1 article, 1 outlet, last %v", sum, at(0))
	}
	if got, err := s.StoryOf(ctx, "b"); err != nil || got != "s2" {
		t.Errorf("StoryOf(b) = %q, %v; want s2", got, err)
	}
	commit(t, s, parallax.Batch{Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "s2", Articles: []string{"a"}}}}})
	if got := stories(t, s, parallax.StoryQuery{}); !slices.Equal(got, []string{"s2"}) {
		t.Errorf("Stories = %v, want [s2] (s1 is empty)", got)
	}
	st, _, err = s.Story(ctx, "s1")
	if err != nil {
		t.Fatalf("Story of an emptied story: %v", err)
	}
	if len(st.Articles) != 0 {
		t.Errorf("emptied story lists %v", st.Articles)
	}
	if arts, err := s.StoryArticles(ctx, "s1"); err != nil || len(arts) != 0 {
		t.Errorf("StoryArticles(s1) = %v, %v; want none", ids(arts), err)
	}
	st, _, err = s.Story(ctx, "s2")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(st.Articles, []string{"a", "b", "c"}) || !st.First.Equal(at(0)) || st.Last.Before(before) {
		t.Errorf("Story(s2) = %+v; want [a b c] from %v to the ingest time", st, at(0))
	}
	if st, err := s.Stats(ctx); err != nil || st.Stories != 1 || st.Articles != 3 {
		t.Errorf("Stats = %+v, %v; want 3 articles, 1 story", st, err)
	}
}

func testStoriesOrder(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	// s9: 2 articles, last at 3h (one moved in from s5, which ends empty)
	// s2: 3 articles, last at 1h
	// s3, s4: 2 articles each, last at 2h (tie broken by id)
	commit(t, s, parallax.Batch{
		Articles: []*parallax.Article{
			art("p", "A", "P", "", at(3)), art("e", "B", "E", "", at(0)),
			art("q1", "A", "Q1", "", at(0)), art("q2", "B", "Q2", "", at(1)), art("q3", "C", "Q3", "", at(-1)),
			art("r1", "A", "R1", "", at(2)), art("r2", "A", "R2", "", at(1)),
			art("t1", "A", "T1", "", at(2)), art("t2", "B", "T2", "", at(0)),
		},
		Assignments: []parallax.Assignment{
			{Article: "p", Story: "s9"}, {Article: "e", Story: "s5"},
			{Article: "t1", Story: "s4"}, {Article: "t2", Story: "s4"},
			{Article: "q1", Story: "s2"}, {Article: "q2", Story: "s2"}, {Article: "q3", Story: "s2"},
			{Article: "r1", Story: "s3"}, {Article: "r2", Story: "s3"},
		},
	})
	commit(t, s, parallax.Batch{Assignments: []parallax.Assignment{{Article: "e", Story: "s9"}}})

	tests := []struct {
		q    parallax.StoryQuery
		want []string
	}{
		{parallax.StoryQuery{}, []string{"s9", "s3", "s4", "s2"}},
		{parallax.StoryQuery{Order: parallax.OrderNewest}, []string{"s9", "s3", "s4", "s2"}},
		{parallax.StoryQuery{Order: parallax.OrderLargest}, []string{"s2", "s9", "s3", "s4"}},
		{parallax.StoryQuery{Limit: 2}, []string{"s9", "s3"}},
		{parallax.StoryQuery{Limit: 1, Offset: 2}, []string{"s4"}},
		{parallax.StoryQuery{Offset: 3}, []string{"s2"}},
		{parallax.StoryQuery{Offset: 4}, []string{}},
		{parallax.StoryQuery{Order: parallax.OrderLargest, Limit: 2, Offset: 1}, []string{"s9", "s3"}},
		{parallax.StoryQuery{Limit: 100}, []string{"s9", "s3", "s4", "s2"}},
	}
	for _, tc := range tests {
		if got := stories(t, s, tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("Stories(%+v) = %v, want %v", tc.q, got, tc.want)
		}
	}
	sums, err := s.Stories(ctx, parallax.StoryQuery{Order: parallax.OrderLargest})
	if err != nil {
		t.Fatal(err)
	}
	wantCounts := map[string][2]int{"s9": {2, 2}, "s2": {3, 3}, "s3": {2, 1}, "s4": {2, 2}}
	for _, sum := range sums {
		if w := wantCounts[sum.ID]; sum.Articles != w[0] || sum.Outlets != w[1] {
			t.Errorf("%s: %d articles, %d outlets; want %d, %d", sum.ID, sum.Articles, sum.Outlets, w[0], w[1])
		}
	}

	bad := []parallax.StoryQuery{
		{Order: "oldest"},
		{Order: parallax.OrderRelevance},
		{Limit: -1},
		{Offset: -1},
		{Search: "fire", Limit: -5},
	}
	for _, q := range bad {
		_, err := s.Stories(ctx, q)
		wantCode(t, fmt.Sprintf("Stories(%+v)", q), err, parallax.EINVALID)
	}
}

func testStoriesSearch(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	filler := " The council met on Tuesday to discuss the budget, the new library and road repairs on the east side of town."
	commit(t, s, parallax.Batch{
		Articles: []*parallax.Article{
			// s-fire: the oldest story, all about fire.
			art("f1", "A", "Fire at chemical plant", "A fire broke out at the plant. Smoke and fire were seen for miles as the fire spread.", at(0)),
			art("f2", "B", "Plant fire burns on", "The fire burned for hours. Fire crews fought the fire overnight.", at(1)),
			art("f3", "C", "Fire contained", "Firefighters said the fire was contained by morning; the fire had destroyed two warehouses.", at(1)),
			// s-flood: only flooding.
			art("w1", "A", "Flooding in the valley", "The river flooded the valley after days of rain; flood defences failed.", at(4)),
			// s-mixed: the words in different articles, fire mentioned once.
			art("m1", "A", "Council news", "A small fire in a kitchen was put out quickly."+filler+filler, at(5)),
			art("m2", "B", "Weather", "A flood warning was issued for the coast.", at(5)),
			// s-both: both words in one article, the newest.
			art("b1", "C", "Storm damage", "Fire and flood hit the town on the same day.", at(6)),
			// Not in any story: never a result.
			art("x1", "D", "Fire drill", "A fire drill was held.", at(7)),
		},
		Assignments: []parallax.Assignment{
			{Article: "f1", Story: "s-fire"}, {Article: "f2", Story: "s-fire"}, {Article: "f3", Story: "s-fire"},
			{Article: "w1", Story: "s-flood"},
			{Article: "m1", Story: "s-mixed"}, {Article: "m2", Story: "s-mixed"},
			{Article: "b1", Story: "s-both"},
		},
	})
	fireStories := []string{"s-both", "s-fire", "s-mixed"}
	sets := []struct {
		search string
		want   []string // sorted
	}{
		{"fire", fireStories},
		{"fires", fireStories},             // stemmed
		{"FIRE", fireStories},              // case-insensitive
		{"  Fire\t", fireStories},          // white space
		{"\"fire\"", fireStories},          // quotes are not syntax
		{"fire*", fireStories},             // nor is '*'
		{"fire((", fireStories},            // nor parentheses
		{"fire)", fireStories},             //
		{"title:fire", nil},                // nor a column filter: "title" is a word no article has
		{"fire flood", []string{"s-both"}}, // every word, in one article
		{"flooding", []string{"s-both", "s-flood", "s-mixed"}},
		{"chemical plant", []string{"s-fire"}},
		{"fi", nil},  // whole words, not prefixes
		{"***", nil}, // no words
		{"-", nil},   //
		{"fire smoke", []string{"s-fire"}},
		{"fire AND smoke", []string{"s-fire"}},
		{"warehouses destroyed", []string{"s-fire"}},
		{"drill", nil}, // only an article in no story
	}
	for _, tc := range sets {
		if got := sorted(stories(t, s, parallax.StoryQuery{Search: tc.search})); !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("search %q = %v, want %v", tc.search, got, tc.want)
		}
	}
	// Operators have no meaning: never an error, never more than the
	// plain words give.
	operators := []struct{ search, plain string }{
		{"fire OR flood", "fire flood"},
		{"fire NOT flood", "fire flood"},
		{"NOT fire", "fire"},
		{"NEAR(fire", "fire"},
		{"NEAR(fire flood)", "fire flood"},
		{"NEAR(fire flood, 2)", "fire flood"},
		{"fire + flood", "fire flood"},
		{"^fire", "fire"},
		{"{title body}: fire", "fire"},
		{"fire' OR '1'='1", "fire"},
		{"\"unterminated", "unterminated"},
		{"fire & | ! <-> : ()", "fire"},
	}
	for _, tc := range operators {
		got, err := s.Stories(ctx, parallax.StoryQuery{Search: tc.search})
		if err != nil {
			t.Errorf("search %q: %v", tc.search, err)
			continue
		}
		plain := stories(t, s, parallax.StoryQuery{Search: tc.plain})
		for _, id := range storyIDs(got) {
			if !slices.Contains(plain, id) {
				t.Errorf("search %q found %s, which %q does not", tc.search, id, tc.plain)
			}
		}
	}

	// Relevance (the default with a search) puts the story all about fire
	// first although it is the oldest; newest order is by date.
	rel := stories(t, s, parallax.StoryQuery{Search: "fire"})
	if len(rel) != 3 || rel[0] != "s-fire" {
		t.Errorf("relevance order for fire = %v, want s-fire first", rel)
	}
	if got := stories(t, s, parallax.StoryQuery{Search: "fire", Order: parallax.OrderRelevance}); !slices.Equal(got, rel) {
		t.Errorf("explicit relevance order = %v, default %v", got, rel)
	}
	if got := stories(t, s, parallax.StoryQuery{Search: "fire", Order: parallax.OrderNewest}); !slices.Equal(got, []string{"s-both", "s-mixed", "s-fire"}) {
		t.Errorf("newest order for fire = %v, want [s-both s-mixed s-fire]", got)
	}
	if got := stories(t, s, parallax.StoryQuery{Search: "fire", Order: parallax.OrderLargest}); !slices.Equal(got, []string{"s-fire", "s-mixed", "s-both"}) {
		t.Errorf("largest order for fire = %v, want [s-fire s-mixed s-both]", got)
	}
	if got := stories(t, s, parallax.StoryQuery{Search: "fire", Order: parallax.OrderNewest, Limit: 1, Offset: 1}); !slices.Equal(got, []string{"s-mixed"}) {
		t.Errorf("newest order for fire, second page of one = %v, want [s-mixed]", got)
	}
	// Summaries from a search are whole: counts of all the story's
	// articles, not only the matching ones.
	sums, err := s.Stories(ctx, parallax.StoryQuery{Search: "kitchen"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 1 || sums[0].ID != "s-mixed" || sums[0].Articles != 2 || sums[0].Outlets != 2 || sums[0].Title != "Council news" {
		t.Errorf("search kitchen = %+v; want s-mixed with 2 articles, 2 outlets", sums)
	}
}

func testActiveWindow(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	// Ingest time is the store's clock; the window is placed around it.
	now := time.Now().Truncate(time.Second)
	future := now.Add(48 * time.Hour).In(time.FixedZone("", 2*3600))
	old := art("old", "A", "Old", "", time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC))
	fut := art("future", "B", "Future", "", future)
	undated := art("undated", "C", "Undated", "", time.Time{})
	loose := art("loose", "C", "Loose", "", time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC))
	commit(t, s, parallax.Batch{
		Articles:    []*parallax.Article{old, fut, undated, loose},
		Assignments: []parallax.Assignment{{Article: "future", Story: "s1"}, {Article: "old", Story: "s2"}},
	})
	tests := []struct {
		since    time.Time
		articles []string
		assigned []parallax.Assignment
	}{
		{now.Add(-time.Hour), []string{"old", "future", "undated", "loose"},
			[]parallax.Assignment{{Article: "old", Story: "s2"}, {Article: "future", Story: "s1"}}},
		{now.Add(24 * time.Hour), []string{"future"}, []parallax.Assignment{{Article: "future", Story: "s1"}}},
		{future, []string{"future"}, []parallax.Assignment{{Article: "future", Story: "s1"}}}, // at or after
		{future.Add(time.Second), nil, nil},
	}
	for _, tc := range tests {
		arts, as, err := s.ActiveWindow(ctx, tc.since)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(arts), tc.articles) && len(arts)+len(tc.articles) > 0 {
			t.Errorf("ActiveWindow(%v) articles = %v, want %v", tc.since, ids(arts), tc.articles)
		}
		if !slices.Equal(as, tc.assigned) && len(as)+len(tc.assigned) > 0 {
			t.Errorf("ActiveWindow(%v) assignments = %v, want %v", tc.since, as, tc.assigned)
		}
		for _, a := range arts {
			if a.ID == "future" {
				sameArticle(t, a, fut)
			}
		}
	}
}

// testStoryUpdatedAt: a story read carries the time the store last changed
// it (servers send it as Last-Modified), the same as the listing's, and a
// later change never moves it back.
func testStoryUpdatedAt(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := context.Background()
	before := time.Now().Add(-time.Minute)
	a := art("u1", "Outlet A", "Bridge closes", "The bridge closed on Monday.", at(1))
	commit(t, s, parallax.Batch{Articles: []*parallax.Article{a},
		Stories: []parallax.StoryUpdate{{Story: parallax.Story{ID: "su", Articles: []string{"u1"}}}}})
	st, _, err := s.Story(ctx, "su")
	if err != nil {
		t.Fatal(err)
	}
	after := time.Now().Add(time.Minute)
	if st.UpdatedAt.Before(before) || st.UpdatedAt.After(after) {
		t.Fatalf("UpdatedAt = %v, want the time of the commit (between %v and %v)", st.UpdatedAt, before, after)
	}
	list, err := s.Stories(ctx, parallax.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || !list[0].UpdatedAt.Equal(st.UpdatedAt) {
		t.Errorf("listing UpdatedAt %v, story %v: want the same", list, st.UpdatedAt)
	}
	if st.Outlets != 1 || st.Independent != -1 {
		t.Errorf("story counts: %d outlets, %d independent; want 1 and -1 (no brief)", st.Outlets, st.Independent)
	}
	b := art("u2", "Outlet B", "Bridge shut", "The bridge was shut on Monday night.", at(2))
	commit(t, s, parallax.Batch{Articles: []*parallax.Article{b},
		Assignments: []parallax.Assignment{{Article: "u2", Story: "su"}}})
	st2, _, err := s.Story(ctx, "su")
	if err != nil {
		t.Fatal(err)
	}
	if st2.Outlets != 2 {
		t.Errorf("story outlets after a second outlet's article: %d, want 2", st2.Outlets)
	}
	if st2.UpdatedAt.Before(st.UpdatedAt) {
		t.Errorf("UpdatedAt went back from %v to %v after a change", st.UpdatedAt, st2.UpdatedAt)
	}
}

// testStoriesGrowing: the growing order counts each story's articles in the
// GrowthWindow before the latest article in the store (not before the
// clock), lists the stories that gained most first and leaves out those
// that gained nothing.
func testStoriesGrowing(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	if got, err := s.Stories(ctx, parallax.StoryQuery{Order: parallax.OrderGrowing}); err != nil || len(got) != 0 {
		t.Fatalf("growing on an empty store: %v, %v", got, err)
	}
	// big: 4 articles, all two days before the latest; hot: 2 in the last
	// day; warm: 1 in the last day and 1 older; the latest article is at 48h.
	commit(t, s, parallax.Batch{
		Articles: []*parallax.Article{
			art("b1", "A", "Big one", "", at(0)), art("b2", "B", "Big two", "", at(1)),
			art("b3", "C", "Big three", "", at(2)), art("b4", "D", "Big four", "", at(3)),
			art("h1", "A", "Hot one", "", at(40)), art("h2", "B", "Hot two", "", at(48)),
			art("w1", "A", "Warm one", "", at(10)), art("w2", "C", "Warm two", "", at(30)),
		},
		Assignments: []parallax.Assignment{
			{Article: "b1", Story: "big"}, {Article: "b2", Story: "big"}, {Article: "b3", Story: "big"}, {Article: "b4", Story: "big"},
			{Article: "h1", Story: "hot"}, {Article: "h2", Story: "hot"},
			{Article: "w1", Story: "warm"}, {Article: "w2", Story: "warm"},
		},
	})
	got, err := s.Stories(ctx, parallax.StoryQuery{Order: parallax.OrderGrowing})
	if err != nil {
		t.Fatal(err)
	}
	var line []string
	for _, g := range got {
		line = append(line, fmt.Sprintf("%s+%d", g.ID, g.Recent))
	}
	if want := []string{"hot+2", "warm+1"}; !slices.Equal(line, want) {
		t.Errorf("growing = %v, want %v", line, want)
	}
	if got := stories(t, s, parallax.StoryQuery{Order: parallax.OrderGrowing, Limit: 1, Offset: 1}); !slices.Equal(got, []string{"warm"}) {
		t.Errorf("growing, second page of one = %v, want [warm]", got)
	}
	if got := stories(t, s, parallax.StoryQuery{Order: parallax.OrderGrowing, Search: "big"}); len(got) != 0 {
		t.Errorf("growing stories matching \"big\" = %v, want none (big did not grow)", got)
	}
	if got := stories(t, s, parallax.StoryQuery{Order: parallax.OrderGrowing, Search: "warm"}); !slices.Equal(got, []string{"warm"}) {
		t.Errorf("growing stories matching \"warm\" = %v, want [warm]", got)
	}
	if sums, _ := s.Stories(ctx, parallax.StoryQuery{Order: parallax.OrderLargest}); len(sums) == 0 || sums[0].Recent != 0 {
		t.Errorf("largest order fills Recent: %+v", sums)
	}
}

// testLockWriter: one writer at a time; releasing lets the next one in, and
// releasing twice is harmless.
func testLockWriter(t *testing.T, open func(t *testing.T) parallax.Store) {
	s := open(t)
	ctx := t.Context()
	release, err := s.LockWriter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r2, err := s.LockWriter(ctx); !errors.Is(err, parallax.ErrConflict) {
		if r2 != nil {
			r2()
		}
		t.Fatalf("second LockWriter = %v, want a conflict", err)
	}
	// Reads and writes of other callers go on while the lock is held.
	commit(t, s, parallax.Batch{Checkpoints: []parallax.Checkpoint{{Source: "lock", Value: "1"}}})
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := release(); err != nil {
		t.Errorf("second release: %v", err)
	}
	again, err := s.LockWriter(ctx)
	if err != nil {
		t.Fatalf("LockWriter after release: %v", err)
	}
	if err := again(); err != nil {
		t.Fatal(err)
	}
}
