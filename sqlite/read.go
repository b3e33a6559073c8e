package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax"
)

const articleColumns = `a.id, a.source, a.title, a.url, a.path, a.author, a.published, a.published_offset, a.body, a.extra`

type scanner interface{ Scan(dest ...any) error }

func scanArticle(r scanner) (*parallax.Article, error) {
	var (
		a      parallax.Article
		pub    sql.NullString
		offset sql.NullInt64
		extra  sql.NullString
	)
	if err := r.Scan(&a.ID, &a.Source, &a.Title, &a.URL, &a.Path, &a.Author, &pub, &offset, &a.Body, &extra); err != nil {
		return nil, err
	}
	t, err := publishedTime(pub, offset)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	a.Published = t
	if extra.Valid {
		if err := json.Unmarshal([]byte(extra.String), &a.Extra); err != nil {
			return nil, fmt.Errorf("article %s: extra: %w", a.ID, err)
		}
	}
	return &a, nil
}

// publishedTime reads a stored publication time back in the offset the
// source wrote it in; its local date matters when relative dates are
// resolved.
func publishedTime(pub sql.NullString, offset sql.NullInt64) (time.Time, error) {
	t, err := parseTime(pub)
	if err != nil || t.IsZero() {
		return t, err
	}
	if o := int(offset.Int64); o != 0 {
		t = t.In(time.FixedZone("", o))
	}
	return t, nil
}

func queryArticles(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) ([]*parallax.Article, error) {
	rows, err := q.QueryContext(ctx, query, args...)
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

// Article returns one stored article.
func (db *DB) Article(ctx context.Context, id string) (*parallax.Article, error) {
	row := db.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errorf(ENOTFOUND, "article %q not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, err)
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
		return st, nil, fmt.Errorf("sqlite: story %s: brief: %w", id, err)
	}
	return st, &b, nil
}

// storyQuery reads a story row and its article ids in ingest order in one
// statement, so both come from one snapshot.
const storyQuery = `SELECT s.title, s.first, s.last, s.updated_at, s.n_outlets, coalesce(s.independent, -1), s.brief,
	(SELECT json_group_array(g.article_id ORDER BY a.seq) FROM assignments g JOIN articles a ON a.id = g.article_id
		WHERE g.story_id = s.id)
	FROM stories s WHERE s.id = ?`

// StoryBriefJSON is Story with the brief's stored JSON, not decoded.
func (db *DB) StoryBriefJSON(ctx context.Context, id string) (parallax.Story, []byte, error) {
	st := parallax.Story{ID: id}
	stmt, err := db.prepared(ctx, storyQuery)
	if err != nil {
		return st, nil, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	var (
		first, last, updated sql.NullString
		brief                []byte
		ids                  string
	)
	err = stmt.QueryRowContext(ctx, id).Scan(&st.Title, &first, &last, &updated, &st.Outlets, &st.Independent, &brief, &ids)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil, errorf(ENOTFOUND, "story %q not found", id)
	}
	if err != nil {
		return st, nil, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	var err1, err2, err3 error
	st.First, err1 = parseTime(first)
	st.Last, err2 = parseTime(last)
	st.UpdatedAt, err3 = parseTime(updated)
	if err := errors.Join(err1, err2, err3); err != nil {
		return st, nil, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(ids), &st.Articles); err != nil {
		return st, nil, fmt.Errorf("sqlite: story %s: article ids: %w", id, err)
	}
	if len(st.Articles) == 0 {
		st.Articles = nil
	}
	return st, brief, nil
}

// StoryArticles returns a story's articles in ingest order.
func (db *DB) StoryArticles(ctx context.Context, id string) ([]*parallax.Article, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	defer tx.Rollback()
	var one int
	err = tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errorf(ENOTFOUND, "story %q not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	arts, err := queryArticles(ctx, tx, `SELECT `+articleColumns+` FROM assignments s JOIN articles a ON a.id = s.article_id
		WHERE s.story_id = ? ORDER BY a.seq`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	return arts, nil
}

// ActiveWindow returns what an online clusterer needs to rebuild its state
// after a restart: the articles published or ingested at or after since, in
// ingest order, and the assignments of those that joined a story.
func (db *DB) ActiveWindow(ctx context.Context, since time.Time) ([]*parallax.Article, []parallax.Assignment, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: active window: %w", err)
	}
	defer tx.Rollback()
	s := formatTime(since)
	arts, err := queryArticles(ctx, tx, `SELECT `+articleColumns+` FROM articles a
		WHERE a.published >= ?1 OR a.ingested_at >= ?1 ORDER BY a.seq`, s)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: active window: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT s.article_id, s.story_id FROM assignments s JOIN articles a ON a.id = s.article_id
		WHERE a.published >= ?1 OR a.ingested_at >= ?1 ORDER BY a.seq`, s)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: active window: %w", err)
	}
	defer rows.Close()
	var as []parallax.Assignment
	for rows.Next() {
		var a parallax.Assignment
		if err := rows.Scan(&a.Article, &a.Story); err != nil {
			return nil, nil, fmt.Errorf("sqlite: active window: %w", err)
		}
		as = append(as, a)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: active window: %w", err)
	}
	return arts, as, nil
}

// Stories lists stories that have at least one article.
func (db *DB) Stories(ctx context.Context, q StoryQuery) ([]StorySummary, error) {
	order := q.Order
	if order == OrderDefault {
		order = OrderNewest
		if q.Search != "" {
			order = OrderRelevance
		}
	}
	var orderBy string
	switch order {
	case OrderNewest:
		orderBy = `s.last DESC, s.id`
	case OrderLargest:
		orderBy = `s.n_articles DESC, s.last DESC, s.id`
	case OrderRelevance:
		if q.Search == "" {
			return nil, errorf(EINVALID, "stories: relevance order needs a search")
		}
		orderBy = `m.rank, s.last DESC, s.id`
	case OrderGrowing:
		orderBy = `r.n DESC, s.last DESC, s.id`
	default:
		return nil, errorf(EINVALID, "stories: unknown order %q", q.Order)
	}
	if q.Limit < 0 || q.Offset < 0 {
		return nil, errorf(EINVALID, "stories: negative limit or offset")
	}
	limit := q.Limit
	if limit == 0 {
		limit = -1 // SQLite: no limit
	}

	const cols = `s.id, s.title, s.n_articles, s.n_outlets, coalesce(s.independent, -1), s.first, s.last, s.updated_at`
	// recent counts each story's articles in the growth window; only the
	// growing order reads it, and it keeps only the stories that grew.
	recent, recentCol, recentArgs := "", `, 0`, []any(nil)
	if order == OrderGrowing {
		var latest sql.NullString
		if err := db.read.QueryRowContext(ctx, `SELECT max(last) FROM stories`).Scan(&latest); err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		t, err := parseTime(latest)
		if err != nil || t.IsZero() {
			return nil, wrapStories(err) // nil for no stories yet
		}
		recent = `recent AS (
				SELECT g.story_id AS story_id, count(*) AS n
				FROM articles a JOIN assignments g ON g.article_id = a.id
				WHERE coalesce(a.published, a.ingested_at) >= ?
				GROUP BY g.story_id), `
		recentCol = `, r.n`
		recentArgs = []any{formatTime(t.Add(-parallax.GrowthWindow))}
	}
	var query string
	var args []any
	if q.Search != "" {
		match := matchQuery(q.Search)
		if match == "" {
			return nil, nil // no searchable words: nothing can match
		}
		// bm25 is lower for better matches; a story's rank adds up its
		// matching articles, so a story many articles match outranks a
		// story one article mentions in passing.
		// bm25 is only callable in the query that runs the MATCH, so hits
		// are ranked first and grouped after.
		join := ``
		if recent != "" {
			join = ` JOIN recent r ON r.story_id = s.id`
		}
		query = `WITH ` + recent + `hits AS MATERIALIZED (
				SELECT rowid AS seq, bm25(articles_fts, 2.0, 1.0) AS rank
				FROM articles_fts WHERE articles_fts MATCH ?),
			m AS (
				SELECT asg.story_id AS story_id, sum(h.rank) AS rank
				FROM hits h
				JOIN articles a ON a.seq = h.seq
				JOIN assignments asg ON asg.article_id = a.id
				GROUP BY asg.story_id)
			SELECT ` + cols + recentCol + ` FROM m JOIN stories s ON s.id = m.story_id` + join + `
			WHERE s.n_articles > 0 ORDER BY ` + orderBy + ` LIMIT ? OFFSET ?`
		args = append(append(recentArgs, match), limit, q.Offset)
	} else if recent != "" {
		query = `WITH ` + strings.TrimSuffix(recent, ", ") + `
			SELECT ` + cols + recentCol + ` FROM recent r JOIN stories s ON s.id = r.story_id
			WHERE s.n_articles > 0 ORDER BY ` + orderBy + ` LIMIT ? OFFSET ?`
		args = append(recentArgs, limit, q.Offset)
	} else {
		// The unary + keeps SQLite from picking an index for the filter
		// over the one that yields the order.
		query = `SELECT ` + cols + recentCol + ` FROM stories s WHERE +s.n_articles > 0 ORDER BY ` + orderBy + ` LIMIT ? OFFSET ?`
		args = []any{limit, q.Offset}
	}
	stmt, err := db.prepared(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	defer rows.Close()
	var out []StorySummary
	for rows.Next() {
		var (
			s                   StorySummary
			first, last, update sql.NullString
		)
		if err := rows.Scan(&s.ID, &s.Title, &s.Articles, &s.Outlets, &s.Independent, &first, &last, &update, &s.Recent); err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		var err1, err2, err3 error
		s.First, err1 = parseTime(first)
		s.Last, err2 = parseTime(last)
		s.UpdatedAt, err3 = parseTime(update)
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	return out, nil
}

// matchQuery turns a reader's words into an FTS5 query that needs all of
// them. Each word is quoted, so FTS5 syntax in the input (AND, NEAR, *, ^,
// column filters) is searched for as text rather than interpreted.
func matchQuery(search string) string {
	words := strings.FieldsFunc(search, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}

// StoryOf returns the id of the story an article is in, "" when it is in
// none or not stored.
func (db *DB) StoryOf(ctx context.Context, article string) (string, error) {
	var id string
	err := db.read.QueryRowContext(ctx, `SELECT story_id FROM assignments WHERE article_id = ?`, article).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: story of %s: %w", article, err)
	}
	return id, nil
}

// Stats counts the stored articles, the stories with at least one article
// and the feed subscriptions, in one snapshot.
func (db *DB) Stats(ctx context.Context) (parallax.StoreStats, error) {
	var st parallax.StoreStats
	err := db.read.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM stories WHERE n_articles > 0),
		(SELECT count(*) FROM feeds)`).Scan(&st.Articles, &st.Stories, &st.Feeds)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}

// Ping checks the store answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.read.PingContext(ctx); err != nil {
		return fmt.Errorf("sqlite: ping: %w", err)
	}
	return nil
}

// wrapStories adds the method's prefix to an error, keeping nil.
func wrapStories(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("sqlite: stories: %w", err)
}
