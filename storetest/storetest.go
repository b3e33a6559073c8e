// Package storetest is the conformance suite of parallax.Store: Run checks
// one implementation against the behaviour callers depend on, and this
// comment is the specification every backend (sqlite, postgres) follows.
// Where parallax.Store's own comments are silent, this is what they mean.
//
// # General
//
//   - Errors a caller can act on are *parallax.Error values: EINVALID for a
//     bad argument, ENOTFOUND (errors.Is(err, parallax.ErrNotFound)) for a
//     missing article, story, entity or feed.
//   - Times are kept to at least the microsecond; callers compare them with
//     time.Equal. Article.Published comes back in the UTC offset it was
//     stored with; other times may come back in any location.
//   - Limit 0 means no cap; a negative Limit or Offset is EINVALID.
//   - "Newest story first" anywhere means story Last descending, a story
//     without articles (no Last) after all others.
//
// # Commit
//
//   - A Batch is applied in one transaction, in field order: articles,
//     assignments, story updates, checkpoints. On any error nothing of it is
//     stored. An empty batch is a no-op.
//   - EINVALID, before anything is written: a nil article, an article with
//     no ID, an assignment with an empty article or story, a story update
//     with no story ID, a checkpoint with no source; and, rolling the batch
//     back, an assignment or a StoryUpdate.Story.Articles entry naming an
//     article that is not stored (counting the batch's own articles).
//   - added has one entry per article. An article is not added (false)
//     when its ID, its normalized URL (sqlite.NormalizeURL: scheme and host
//     lower-cased, default port, fragment and tracking parameters such as
//     utm_* dropped, other parameters sorted, an empty path written "/") or
//     its content hash (sqlite.ContentHash: SHA-256 of the body with white
//     space runs collapsed and ends trimmed) is already stored, also by an
//     earlier article of the same batch. An empty URL and an empty body are
//     no identity: they never make an article a duplicate. A duplicate is
//     not stored under its own ID.
//   - An assignment moves an article into a story (an article is in at most
//     one story), creating the story when missing. A StoryUpdate upserts
//     the story and assigns every article it lists; an empty Title keeps
//     the stored title. A story without a title takes the title of its
//     first article (in ingest order) that has one. First and Last are the
//     earliest and latest Published of the story's articles, the ingest
//     time standing in for an unknown Published. A non-nil Brief replaces
//     the stored one and, in the same transaction, the story's indexed
//     quotes and entities; a nil Brief keeps them.
//
// # Reading stories
//
//   - Story and StoryArticles give article ids and articles in ingest
//     order (the order Commit added them), not the order a StoryUpdate
//     listed them. A story whose articles all moved away still exists.
//   - StoryOf returns "" and no error for an article in no story, also for
//     an article that is not stored.
//   - Stories lists only stories with at least one article. Orders:
//     newest = Last descending, then ID ascending; largest = article count
//     descending, then Last descending, then ID ascending; relevance =
//     best match first (a story's score adds up its matching articles'),
//     then Last descending, then ID. The default is relevance with a
//     search and newest without. An unknown order, or relevance without a
//     search, is EINVALID.
//   - Search keeps stories with at least one article whose title and body
//     together contain every word of the search, stemmed (English) and
//     case-insensitively; words are maximal runs of letters, digits and
//     combining marks, everything else (quotes, '*', parentheses, '-',
//     ':') only separates words. Search-engine syntax in the input (AND,
//     OR, NOT, NEAR, prefix '*', phrases) has no operator meaning: it never
//     causes an error and never widens the result beyond what the plain
//     words match. A search with no words matches nothing.
//   - Outlets counts distinct Article.Source values among the story's
//     articles. Independent is -1 for a story without a brief, otherwise
//     the number of distinct ArticleRef.Origin values in the brief, a ref
//     with an empty Origin counting on its own.
//   - ActiveWindow(since) returns the articles whose Published or ingest
//     time is at or after since, in ingest order, and the assignments of
//     those that are in a story, in the same order.
//   - Checkpoint returns "" and no error for a source never saved.
//   - OrderGrowing lists only the stories with articles (by Published, else
//     ingest time) in the parallax.GrowthWindow before the latest story
//     time in the store, most such articles first (Recent), then newest.
//   - LockWriter admits one holder at a time (a second gets ErrConflict,
//     other reads and writes go on); release frees it and may be called
//     twice.
//
// # Quotes and entities
//
// Both are indexed from stored briefs only. Names are compared by their
// entity.Key (lower case, diacritics and punctuation dropped, spelling
// variants folded: "Zelenskyy" and "Zelensky" meet).
//
//   - Quotes matches a QuoteRef whose speaker key equals the query's key or
//     contains it as a run of whole words (keys are space-separated
//     words): "putin", "VLADIMIR" and "Vladimir Putin" find "Vladimir
//     Putin"; "Put" and "Putin Vladimir" do not. A speaker with no key
//     (empty query) is EINVALID; quotes with an unknown speaker are never
//     hits. Hits are ordered newest story first, then story ID, then the
//     quote's position in Brief.Quotes. Story, Article, Speaker (as
//     written), Text, Kind, Cue and Span come from the brief; StoryTitle
//     is the story's current title; Source and Published are the stored
//     article's (empty and zero when the article is not stored).
//   - Entity(name): a name with no key is EINVALID. The entity is the one
//     whose canonical name (EntitySummary.Name) has the name's key; failing
//     that, among entities having an alias with that key, the one with the
//     most mentions in all stories (ties: smallest key); failing that,
//     ENOTFOUND. Entries of one brief with the same key are first merged:
//     name, type and title the first non-empty, aliases united, mentions
//     added, articles united; an entry whose name has no key is ignored.
//     The page gathers every story's entity with that canonical key:
//     Name, Type and Title each from the newest story (then lowest ID)
//     where it is non-empty; Aliases the distinct aliases as written, of
//     all stories, sorted by bytes, never nil; Mentions the sum; Stories
//     one entry per story, newest first then by ID, with the story's
//     current title and Last, its mentions and the number of distinct
//     articles naming it; Quotes the number of stored quotes whose
//     speaker key equals the entity's key exactly.
//
// # Feeds
//
//   - AddFeed: the URL must be an absolute http or https URL with a host
//     (EINVALID otherwise); it is stored trimmed, as given, and compared
//     by its normalized form (as for articles). The ID is the first 12
//     hex digits of the SHA-256 of the normalized URL (sqlite.FeedID), so
//     a feed has the same ID in every store. Interval 0 means 15 minutes;
//     a negative Interval, or one under a second, is EINVALID; it is kept
//     in whole seconds (rounded down). Added is the caller's when non-zero,
//     else the time of the call. The poll status fields of a new
//     subscription are zero, whatever f holds. A URL already subscribed
//     returns the stored subscription and created false.
//   - RemoveFeed deletes the subscription (ENOTFOUND when there is none);
//     adding the URL again creates it anew, last in Feeds.
//   - Feeds lists subscriptions in the order AddFeed created them.
//   - UpdateFeed stores Title, ETag, LastModified, LastPolled,
//     LastSuccess, NextPoll, Failures, LastError and Articles by ID and
//     leaves URL, Source, Interval and Added as they are; ENOTFOUND for an
//     unknown ID.
//   - Stats counts articles, stories with at least one article, and feeds,
//     in one snapshot.
//
// # Concurrency
//
// A Store is safe for concurrent use; readers see whole batches only.
//
// # Running the suite
//
// open must return a fresh, empty store and arrange its closing with
// t.Cleanup; Run calls it once per subtest, never concurrently. The suite
// does not call Close.
package storetest

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// Run runs the conformance suite against the stores open returns.
func Run(t *testing.T, open func(t *testing.T) parallax.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open func(t *testing.T) parallax.Store)
	}{
		{"CommitIdempotent", testCommitIdempotent},
		{"CommitInvalid", testCommitInvalid},
		{"CommitAtomic", testCommitAtomic},
		{"ArticleRoundTrip", testArticleRoundTrip},
		{"NotFound", testNotFound},
		{"StoryRoundTrip", testStoryRoundTrip},
		{"StoryUpdatedAt", testStoryUpdatedAt},
		{"StoryMoves", testStoryMoves},
		{"StoriesOrder", testStoriesOrder},
		{"StoriesSearch", testStoriesSearch},
		{"StoriesGrowing", testStoriesGrowing},
		{"ActiveWindow", testActiveWindow},
		{"Checkpoint", testCheckpoint},
		{"LockWriter", testLockWriter},
		{"Quotes", testQuotes},
		{"Entity", testEntity},
		{"Feeds", testFeeds},
		{"Stats", testStats},
		{"ConcurrentReaders", testConcurrentReaders},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

// t0 is the base of the suite's times: whole seconds, so every backend
// keeps them exactly.
var t0 = time.Date(2024, 5, 10, 8, 0, 0, 0, time.UTC)

func at(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }

// art is an article whose URL and body derive from id, so articles with
// different ids are never duplicates of each other.
func art(id, source, title, body string, published time.Time) *parallax.Article {
	if body == "" {
		body = "Report " + id + " from the scene."
	}
	return &parallax.Article{
		ID: id, Source: source, Title: title,
		URL:       "https://news.example.com/" + id,
		Body:      body,
		Published: published,
	}
}

func commit(t *testing.T, s parallax.Store, b parallax.Batch) []bool {
	t.Helper()
	added, err := s.Commit(t.Context(), b)
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	if len(added) != len(b.Articles) {
		t.Fatalf("Commit: %d added flags for %d articles", len(added), len(b.Articles))
	}
	return added
}

// wantCode checks that err is an *parallax.Error with the given code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	var e *parallax.Error
	if !errors.As(err, &e) || e.Code != code {
		t.Errorf("%s: err = %v, want an *parallax.Error with code %q", what, err, code)
	}
}

func ids(arts []*parallax.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

func storyIDs(sums []parallax.StorySummary) []string {
	out := []string{}
	for _, s := range sums {
		out = append(out, s.ID)
	}
	return out
}

func stories(t *testing.T, s parallax.Store, q parallax.StoryQuery) []string {
	t.Helper()
	sums, err := s.Stories(t.Context(), q)
	if err != nil {
		t.Fatalf("Stories(%+v): %v", q, err)
	}
	return storyIDs(sums)
}

func sorted(xs []string) []string {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs
}

// sameArticle compares every field; times by Equal and offset, Extra as
// JSON values (a backend may re-format the JSON).
func sameArticle(t *testing.T, got, want *parallax.Article) {
	t.Helper()
	if got == nil {
		t.Errorf("article %s: nil", want.ID)
		return
	}
	g, w := *got, *want
	g.Published, w.Published = time.Time{}, time.Time{}
	g.Extra, w.Extra = nil, nil
	if !reflect.DeepEqual(g, w) {
		t.Errorf("article %s = %+v\nwant %+v", want.ID, g, w)
	}
	if !got.Published.Equal(want.Published) {
		t.Errorf("article %s: Published = %v, want %v", want.ID, got.Published, want.Published)
	} else if !want.Published.IsZero() {
		_, go_ := got.Published.Zone()
		_, wo := want.Published.Zone()
		if go_ != wo {
			t.Errorf("article %s: Published offset = %ds, want %ds", want.ID, go_, wo)
		}
	}
	if !sameJSONMap(got.Extra, want.Extra) {
		t.Errorf("article %s: Extra = %s, want %s", want.ID, jsonString(got.Extra), jsonString(want.Extra))
	}
}

func sameJSONMap(a, b map[string]json.RawMessage) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var x, y any
	if json.Unmarshal([]byte(jsonString(a)), &x) != nil || json.Unmarshal([]byte(jsonString(b)), &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}
