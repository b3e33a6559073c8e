package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/unicode/norm"

	"github.com/parallax-news/parallax"
)

const articleColumns = `a.id, a.source, a.title, a.url, a.path, a.author, a.published, a.published_offset, a.body, a.extra`

// scanArticle reads articleColumns, then dest.
func scanArticle(r pgx.Row, dest ...any) (*parallax.Article, error) {
	var (
		a      parallax.Article
		pub    *time.Time
		offset *int32
		extra  []byte
	)
	cols := append([]any{&a.ID, &a.Source, &a.Title, &a.URL, &a.Path, &a.Author, &pub, &offset, &a.Body, &extra}, dest...)
	if err := r.Scan(cols...); err != nil {
		return nil, err
	}
	if pub != nil {
		// Give the time back in the offset the source wrote it in; its
		// local date matters when relative dates are resolved.
		t := pub.UTC()
		if offset != nil && *offset != 0 {
			t = t.In(time.FixedZone("", int(*offset)))
		}
		a.Published = t
	}
	if extra != nil {
		if err := json.Unmarshal(extra, &a.Extra); err != nil {
			return nil, fmt.Errorf("article %s: extra: %w", a.ID, err)
		}
	}
	return &a, nil
}

// Article returns one stored article.
func (db *DB) Article(ctx context.Context, id string) (*parallax.Article, error) {
	if !validKey(id) {
		return nil, errorf(parallax.ENOTFOUND, "article %q not found", id)
	}
	a, err := scanArticle(db.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, errorf(parallax.ENOTFOUND, "article %q not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	return a, nil
}

// Story returns a story, its article ids in ingest order and its brief (nil
// when none was saved).
func (db *DB) Story(ctx context.Context, id string) (parallax.Story, *parallax.Brief, error) {
	st, raw, err := db.StoryBriefJSON(ctx, id)
	if err != nil || raw == nil {
		return st, nil, err
	}
	var b parallax.Brief
	if err := json.Unmarshal(raw, &b); err != nil {
		return st, nil, fmt.Errorf("postgres: story %s: brief: %w", id, err)
	}
	return st, &b, nil
}

// StoryBriefJSON is Story with the brief's stored JSON, not decoded.
func (db *DB) StoryBriefJSON(ctx context.Context, id string) (parallax.Story, []byte, error) {
	st := parallax.Story{ID: id}
	if !validKey(id) {
		return st, nil, errorf(parallax.ENOTFOUND, "story %q not found", id)
	}
	var (
		first, last *time.Time
		updated     time.Time
		brief       []byte
	)
	// One statement, so the story and its articles are one snapshot.
	err := db.pool.QueryRow(ctx, `SELECT s.title, s.first_at, s.last_at, s.updated_at, s.n_outlets, coalesce(s.independent, -1), s.brief,
			(SELECT array_agg(g.article_id ORDER BY g.article_seq) FROM assignments g WHERE g.story_id = s.id)
		FROM stories s WHERE s.id = $1`, id).Scan(&st.Title, &first, &last, &updated, &st.Outlets, &st.Independent, &brief, &st.Articles)
	if errors.Is(err, pgx.ErrNoRows) {
		return st, nil, errorf(parallax.ENOTFOUND, "story %q not found", id)
	}
	if err != nil {
		return st, nil, fmt.Errorf("postgres: story %s: %w", id, err)
	}
	st.First, st.Last, st.UpdatedAt = timeOf(first), timeOf(last), updated.UTC()
	return st, brief, nil
}

// StoryArticles returns a story's articles in ingest order.
func (db *DB) StoryArticles(ctx context.Context, id string) ([]*parallax.Article, error) {
	if !validKey(id) {
		return nil, errorf(parallax.ENOTFOUND, "story %q not found", id)
	}
	arts, err := queryArticles(ctx, db.pool, `SELECT `+articleColumns+`
		FROM assignments g JOIN articles a ON a.id = g.article_id
		WHERE g.story_id = $1 ORDER BY g.article_seq`, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: story %s: %w", id, err)
	}
	if len(arts) > 0 {
		return arts, nil
	}
	var exists bool
	if err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE id = $1)`, id).Scan(&exists); err != nil {
		return nil, fmt.Errorf("postgres: story %s: %w", id, err)
	}
	if !exists {
		return nil, errorf(parallax.ENOTFOUND, "story %q not found", id)
	}
	return arts, nil
}

type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

func queryArticles(ctx context.Context, q querier, query string, args ...any) ([]*parallax.Article, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*parallax.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// StoryOf returns the id of the story an article is in, "" when none (also
// when the article is not stored).
func (db *DB) StoryOf(ctx context.Context, article string) (string, error) {
	if !validKey(article) {
		return "", nil
	}
	var id string
	err := db.pool.QueryRow(ctx, `SELECT story_id FROM assignments WHERE article_id = $1`, article).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("postgres: story of %s: %w", article, err)
	}
	return id, nil
}

// ActiveWindow returns what an online clusterer needs to rebuild its state
// after a restart: the articles published or ingested at or after since, in
// ingest order, and the assignments of those that joined a story.
func (db *DB) ActiveWindow(ctx context.Context, since time.Time) ([]*parallax.Article, []parallax.Assignment, error) {
	// One statement, so articles and assignments are one snapshot.
	rows, err := db.pool.Query(ctx, `SELECT `+articleColumns+`, g.story_id
		FROM articles a LEFT JOIN assignments g ON g.article_id = a.id
		WHERE a.published >= $1 OR a.ingested_at >= $1
		ORDER BY a.seq`, since)
	if err != nil {
		return nil, nil, fmt.Errorf("postgres: active window: %w", err)
	}
	defer rows.Close()
	var (
		arts []*parallax.Article
		as   []parallax.Assignment
	)
	for rows.Next() {
		var story *string
		a, err := scanArticle(rows, &story)
		if err != nil {
			return nil, nil, fmt.Errorf("postgres: active window: %w", err)
		}
		arts = append(arts, a)
		if story != nil {
			as = append(as, parallax.Assignment{Article: a.ID, Story: *story})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("postgres: active window: %w", err)
	}
	return arts, as, nil
}

// Checkpoint returns a source's resume point, "" when none was saved.
func (db *DB) Checkpoint(ctx context.Context, source string) (string, error) {
	if !validKey(source) {
		return "", nil
	}
	var v string
	err := db.pool.QueryRow(ctx, `SELECT value FROM checkpoints WHERE source = $1`, source).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("postgres: checkpoint %s: %w", source, err)
	}
	return v, nil
}

// Stats counts the articles, the stories with at least one article and the
// feed subscriptions.
func (db *DB) Stats(ctx context.Context) (parallax.StoreStats, error) {
	var s parallax.StoreStats
	err := db.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM stories WHERE n_articles > 0),
		(SELECT count(*) FROM feeds)`).Scan(&s.Articles, &s.Stories, &s.Feeds)
	if err != nil {
		return s, fmt.Errorf("postgres: stats: %w", err)
	}
	return s, nil
}

// Stories lists stories that have at least one article.
func (db *DB) Stories(ctx context.Context, q parallax.StoryQuery) ([]parallax.StorySummary, error) {
	order := q.Order
	if order == parallax.OrderDefault {
		order = parallax.OrderNewest
		if q.Search != "" {
			order = parallax.OrderRelevance
		}
	}
	var orderBy string
	switch order {
	case parallax.OrderNewest:
		orderBy = `s.last_at DESC, s.id`
	case parallax.OrderLargest:
		orderBy = `s.n_articles DESC, s.last_at DESC, s.id`
	case parallax.OrderRelevance:
		if q.Search == "" {
			return nil, errorf(parallax.EINVALID, "stories: relevance order needs a search")
		}
		orderBy = `m.rank DESC, s.last_at DESC, s.id`
	case parallax.OrderGrowing:
		orderBy = `r.n DESC, s.last_at DESC, s.id`
	default:
		return nil, errorf(parallax.EINVALID, "stories: unknown order %q", q.Order)
	}
	if q.Limit < 0 || q.Offset < 0 {
		return nil, errorf(parallax.EINVALID, "stories: negative limit or offset")
	}
	var limit any // NULL: no limit
	if q.Limit > 0 {
		limit = q.Limit
	}

	const cols = `s.id, s.title, s.n_articles, s.n_outlets, coalesce(s.independent, -1), s.first_at, s.last_at, s.updated_at`
	// recent counts each story's articles in the growth window, which ends
	// at the latest story activity; only the growing order reads it, and
	// it keeps only the stories that grew.
	recent, recentCol, join := ``, `, 0`, ``
	if order == parallax.OrderGrowing {
		recent = fmt.Sprintf(`recent AS (
				SELECT g.story_id, count(*) AS n
				FROM articles a JOIN assignments g ON g.article_id = a.id
				WHERE coalesce(a.published, a.ingested_at) >= (SELECT max(last_at) FROM stories) - interval '%d seconds'
				GROUP BY g.story_id), `, int(parallax.GrowthWindow/time.Second))
		recentCol, join = `, r.n`, ` JOIN recent r ON r.story_id = s.id`
	}
	var (
		query string
		args  []any
	)
	if q.Search != "" {
		words, folded := searchWords(q.Search)
		if len(words) == 0 {
			return nil, nil // no searchable words: nothing can match
		}
		// Each word is its own plainto_tsquery, ORed with its unaccented
		// form; tsquery_and_all joins them with &&. A stop word gives an
		// empty query, which && ignores; numnode is 0 when all are.
		// A story's rank adds up ts_rank over its matching articles, so
		// a story many articles match outranks a passing mention. Other
		// orders need only the matching stories.
		rank := `0`
		if order == parallax.OrderRelevance {
			rank = `sum(ts_rank(a.search, q.query))`
		}
		query = `WITH ` + recent + `q AS (
				SELECT tsquery_and_all(plainto_tsquery('english', w) || plainto_tsquery('english', f)) AS query
				FROM unnest($1::text[], $2::text[]) AS u(w, f)
			), m AS (
				SELECT g.story_id, ` + rank + ` AS rank
				FROM q JOIN articles a ON a.search @@ q.query
				JOIN assignments g ON g.article_id = a.id
				WHERE numnode(q.query) > 0
				GROUP BY g.story_id
			)
			SELECT ` + cols + recentCol + ` FROM m JOIN stories s ON s.id = m.story_id` + join + `
			WHERE s.n_articles > 0
			ORDER BY ` + orderBy + ` LIMIT $3 OFFSET $4`
		args = []any{words, folded, limit, q.Offset}
	} else {
		with := ``
		if recent != "" {
			with = `WITH ` + strings.TrimSuffix(recent, ", ") + ` `
		}
		query = with + `SELECT ` + cols + recentCol + ` FROM stories s` + join + ` WHERE s.n_articles > 0
			ORDER BY ` + orderBy + ` LIMIT $1 OFFSET $2`
		args = []any{limit, q.Offset}
	}
	rows, err := db.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	defer rows.Close()
	var out []parallax.StorySummary
	for rows.Next() {
		var (
			s           parallax.StorySummary
			first, last *time.Time
		)
		if err := rows.Scan(&s.ID, &s.Title, &s.Articles, &s.Outlets, &s.Independent, &first, &last, &s.UpdatedAt, &s.Recent); err != nil {
			return nil, fmt.Errorf("postgres: stories: %w", err)
		}
		s.First, s.Last, s.UpdatedAt = timeOf(first), timeOf(last), s.UpdatedAt.UTC()
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return out, nil
}

// searchWords splits a reader's search into words, maximal runs of letters,
// digits and combining marks, as the SQLite store does: everything else,
// search syntax included, only separates words. folded[i] is words[i]
// without its diacritics, "" when it has none.
func searchWords(search string) (words, folded []string) {
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(search, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}) {
		if seen[w] {
			continue
		}
		seen[w] = true
		f := foldAccents(w)
		if f == w {
			f = ""
		}
		words, folded = append(words, w), append(folded, f)
	}
	return words, folded
}

// foldAccents drops the combining marks of s's canonical decomposition:
// "FÉRRY" becomes "FERRY".
func foldAccents(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	for _, r := range d {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
