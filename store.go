package parallax

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Store keeps articles, the stories they were clustered into, each story's
// Brief, the resume points of ingest sources and feed subscriptions. The
// embedded SQLite store (package sqlite) and the shared PostgreSQL store
// (package postgres) implement it; package storetest is the conformance
// suite both pass.
//
// Every write is transactional: a Commit becomes visible whole or not at all.
// Errors a caller can act on are *Error values: errors.Is(err, ErrNotFound)
// holds for a missing story, article, entity or feed.
type Store interface {
	// Commit writes b in one transaction and reports, for each of
	// b.Articles, whether it was added (false when it was already stored,
	// by id, normalized URL or text, or repeats an earlier article of the
	// batch). On error nothing of b is stored.
	Commit(ctx context.Context, b Batch) (added []bool, err error)
	// Article returns one stored article.
	Article(ctx context.Context, id string) (*Article, error)
	// Story returns a story, its article ids in ingest order and its brief
	// (nil when none was saved).
	Story(ctx context.Context, id string) (Story, *Brief, error)
	// StoryBriefJSON is Story with the brief as stored: the bytes of
	// MarshalBrief, nil when the story has no brief. Servers send them
	// without decoding.
	StoryBriefJSON(ctx context.Context, id string) (Story, []byte, error)
	// StoryArticles returns a story's articles in ingest order.
	StoryArticles(ctx context.Context, id string) ([]*Article, error)
	// StoryOf returns the id of the story an article is in, "" when none.
	StoryOf(ctx context.Context, article string) (string, error)
	// Stories lists stories that have at least one article.
	Stories(ctx context.Context, q StoryQuery) ([]StorySummary, error)
	// ActiveWindow returns the articles published or ingested at or after
	// since, in ingest order, and the assignments of those in a story.
	ActiveWindow(ctx context.Context, since time.Time) ([]*Article, []Assignment, error)
	// Checkpoint returns a source's resume point, "" when none was saved.
	Checkpoint(ctx context.Context, source string) (string, error)

	// Quotes lists the quotes of stored briefs whose speaker matches q,
	// newest story first.
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteHit, error)
	// Entity returns what the stored briefs say about one entity, found by
	// its canonical name or any alias, case-insensitively.
	Entity(ctx context.Context, name string) (EntityPage, error)

	// AddFeed subscribes a feed by URL. Subscribing a URL already
	// subscribed (after NormalizeURL-style normalization) returns the
	// stored subscription and created false.
	AddFeed(ctx context.Context, f FeedSubscription) (sub FeedSubscription, created bool, err error)
	// RemoveFeed ends a subscription.
	RemoveFeed(ctx context.Context, id string) error
	// Feed returns one subscription with its poll status.
	Feed(ctx context.Context, id string) (FeedSubscription, error)
	// Feeds lists subscriptions in the order they were added.
	Feeds(ctx context.Context) ([]FeedSubscription, error)
	// UpdateFeed stores the poll status fields of f (everything but ID,
	// URL, Source, Interval and Added) after a poll.
	UpdateFeed(ctx context.Context, f FeedSubscription) error

	// LockWriter makes the caller the store's one writer until release
	// is called or the process ends: an ingest pipeline keeps the active
	// stories in memory, so two writers would cluster the same articles
	// apart. While another process (or caller) holds it, LockWriter
	// fails with ErrConflict.
	LockWriter(ctx context.Context) (release func() error, err error)

	// Stats counts what is stored.
	Stats(ctx context.Context) (StoreStats, error)
	// Ping checks the store answers.
	Ping(ctx context.Context) error
	Close() error
}

// Batch is everything one step of an ingest writes. Commit applies it in one
// transaction, in field order, so a crash leaves either all of it or none:
// never an article without its assignment, a story without its brief, or a
// checkpoint ahead of the articles it covers.
type Batch struct {
	// Articles are added unless already stored.
	Articles []*Article
	// Assignments move articles into stories; a story that does not exist
	// yet is created with an empty title.
	Assignments []Assignment
	// Stories are upserted after the assignments.
	Stories []StoryUpdate
	// Checkpoints record how far each source has been read.
	Checkpoints []Checkpoint
}

// StoryUpdate is a story to upsert with its brief.
type StoryUpdate struct {
	// Story's ID, Title and Articles are stored: every listed article is
	// assigned to the story. An empty Title keeps the stored one (or the
	// first article's title for a new story). First and Last are not taken
	// from here: they, like the article and outlet counts, are recomputed
	// from the story's articles.
	Story Story
	// Brief replaces the stored brief; nil keeps it. The quotes and
	// entities a store indexes for Quotes and Entity come from it.
	Brief *Brief
}

// Checkpoint is the resume point of one ingest source: a file offset, a feed
// item id, the last path read; its meaning belongs to the source.
type Checkpoint struct {
	Source string
	Value  string
}

// Order is how Stories sorts.
type Order string

const (
	// OrderDefault is OrderRelevance with a search and OrderNewest without.
	OrderDefault Order = ""
	// OrderNewest puts the story with the latest article first.
	OrderNewest Order = "newest"
	// OrderLargest puts the story with the most articles first.
	OrderLargest Order = "largest"
	// OrderRelevance ranks stories by how well their articles match the
	// search; it needs Search.
	OrderRelevance Order = "relevance"
	// OrderGrowing lists the stories that gained articles in the
	// GrowthWindow before the store's latest article, most gained first
	// (StorySummary.Recent); the others are left out.
	OrderGrowing Order = "growing"
)

// GrowthWindow is the span OrderGrowing counts new articles in. It ends at
// the store's latest article rather than at the clock, so an archive ingested
// long after the events still shows which stories were growing then.
const GrowthWindow = 24 * time.Hour

// StoryQuery selects and orders stories.
type StoryQuery struct {
	Order Order
	// Search keeps stories with at least one article containing every word
	// (stemmed, case-insensitive) in its title or text.
	Search string
	// Limit caps the result; 0 means no cap.
	Limit, Offset int
}

// StorySummary is one line of a story listing.
type StorySummary struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Articles int    `json:"articles"` // articles in the story
	Outlets  int    `json:"outlets"`  // distinct outlets among them
	// Independent counts distinct origins once syndicated copies are
	// collapsed; -1 when the story has no brief yet.
	Independent int       `json:"independent_sources"`
	First       time.Time `json:"first"`
	Last        time.Time `json:"last"`
	UpdatedAt   time.Time `json:"updated_at"`
	// Recent counts the story's articles in the GrowthWindow; it is only
	// filled for OrderGrowing.
	Recent int `json:"recent,omitempty"`
}

// QuoteQuery selects quotes by speaker.
type QuoteQuery struct {
	// Speaker matches a quote's speaker name case-insensitively, whole
	// name or any whole word run of it ("Putin" finds "Vladimir Putin").
	Speaker string
	// Limit caps the result; 0 means no cap.
	Limit, Offset int
}

// QuoteHit is one quote of a stored brief, with where it was said.
type QuoteHit struct {
	Story      string    `json:"story"`
	StoryTitle string    `json:"story_title"`
	Article    string    `json:"article"`
	Source     string    `json:"source"` // the outlet that printed it
	Speaker    string    `json:"speaker"`
	Text       string    `json:"text"`
	Kind       string    `json:"kind"`
	Cue        string    `json:"cue"`
	Span       Span      `json:"span"`
	Published  time.Time `json:"published,omitzero"`
}

// EntityPage is one entity across every stored story.
type EntityPage struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Title   string   `json:"title,omitempty"`
	Aliases []string `json:"aliases"`
	// Mentions adds up the entity's mentions in every story.
	Mentions int           `json:"mentions"`
	Stories  []EntityStory `json:"stories"`
	// Quotes counts the stored quotes this entity is the speaker of.
	Quotes int `json:"quotes"`
}

// EntityStory is one story an entity appears in.
type EntityStory struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Mentions int       `json:"mentions"`
	Articles int       `json:"articles"` // articles of the story naming it
	Last     time.Time `json:"last"`
}

// FeedSubscription is a feed polled on a schedule, with the status of its
// polls.
type FeedSubscription struct {
	ID       string        `json:"id"` // assigned by the store
	URL      string        `json:"url"`
	Source   string        `json:"source,omitempty"` // outlet name for its items; the feed's own title when empty
	Interval time.Duration `json:"-"`                // time between polls when they succeed
	Added    time.Time     `json:"added"`

	Title        string    `json:"title,omitempty"` // the feed's own title, from its last poll
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPolled   time.Time `json:"last_polled,omitzero"`
	LastSuccess  time.Time `json:"last_success,omitzero"`
	NextPoll     time.Time `json:"next_poll,omitzero"`
	// Failures counts the polls that failed since the last success; the
	// poller backs off with it.
	Failures  int    `json:"failures"`
	LastError string `json:"last_error,omitempty"`
	// Articles counts the articles this feed has added in all.
	Articles int `json:"articles"`
}

// StoreStats counts what a store holds.
type StoreStats struct {
	Articles int `json:"articles"`
	Stories  int `json:"stories"` // stories with at least one article
	Feeds    int `json:"feeds"`
}

// Ingested is what became of one article handed to an Ingester.
type Ingested struct {
	// Article is the id the article is stored under (it may differ from
	// the id it came with when that clashed with a different article).
	Article string `json:"article"`
	// Story is the story it joined; for a duplicate, the story of the
	// stored copy, "" when unknown.
	Story string `json:"story,omitempty"`
	// Duplicate says the store already held it (same id, URL or text):
	// nothing was added.
	Duplicate bool `json:"duplicate"`
}

// Ingester adds articles to a store: it analyzes them, clusters them into
// stories and keeps the stories' briefs current. The result has one entry
// per article, in order.
type Ingester interface {
	Ingest(ctx context.Context, arts []*Article) ([]Ingested, error)
}

// Error codes.
const (
	ENOTFOUND = "not_found"
	EINVALID  = "invalid"
	ECONFLICT = "conflict"
)

// Error is an error a caller can act on, identified by Code.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string {
	if e.Message == "" {
		return e.Code
	}
	return e.Message
}

// Is matches errors by code, so a specific message still matches the
// sentinel.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// Sentinels for errors.Is.
var (
	ErrNotFound = &Error{Code: ENOTFOUND}
	ErrInvalid  = &Error{Code: EINVALID}
	ErrConflict = &Error{Code: ECONFLICT}
)

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, "" when
// there is none.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
