package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax"
)

// testHookArticle, when set, runs after each article insert inside Commit;
// tests use it to fail a batch halfway.
var testHookArticle func(i int) error

// Commit writes b in one transaction and reports, for each of b.Articles,
// whether it was added (false when it was already stored or repeats an
// earlier article of the batch). On error nothing of b is stored.
func (db *DB) Commit(ctx context.Context, b Batch) (added []bool, err error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	now := formatTime(db.Now())
	if added, err = insertArticles(ctx, tx, b.Articles, now); err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	touched := map[string]bool{}
	if err := assign(ctx, tx, b.Assignments, touched, now); err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	if err := saveStories(ctx, tx, b.Stories, touched, now); err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	if err := refreshStories(ctx, tx, touched, now); err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	for _, c := range b.Checkpoints {
		if _, err := tx.ExecContext(ctx, `INSERT INTO checkpoints(source, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT(source) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			c.Source, c.Value, now); err != nil {
			return nil, fmt.Errorf("sqlite: commit: checkpoint %s: %w", c.Source, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: commit: %w", err)
	}
	return added, nil
}

// AddArticles stores the articles in one transaction. An article is not
// added again (added[i] false) when its id, its normalized URL (NormalizeURL)
// or the hash of its text (ContentHash) is already stored, including by an
// earlier article of the same call.
func (db *DB) AddArticles(ctx context.Context, arts []*parallax.Article) (added []bool, err error) {
	return db.Commit(ctx, Batch{Articles: arts})
}

// Assign moves articles into stories in one transaction.
func (db *DB) Assign(ctx context.Context, as []parallax.Assignment) error {
	_, err := db.Commit(ctx, Batch{Assignments: as})
	return err
}

// SaveStory upserts one story, its article assignments and its brief in one
// transaction.
func (db *DB) SaveStory(ctx context.Context, st parallax.Story, brief *parallax.Brief) error {
	_, err := db.Commit(ctx, Batch{Stories: []StoryUpdate{{Story: st, Brief: brief}}})
	return err
}

// SetCheckpoint records a source's resume point on its own. Prefer
// Batch.Checkpoints, which commits it with the batch it covers.
func (db *DB) SetCheckpoint(ctx context.Context, source, value string) error {
	_, err := db.Commit(ctx, Batch{Checkpoints: []Checkpoint{{Source: source, Value: value}}})
	return err
}

// Checkpoint returns a source's resume point, "" when none was saved.
func (db *DB) Checkpoint(ctx context.Context, source string) (string, error) {
	var v string
	err := db.read.QueryRowContext(ctx, `SELECT value FROM checkpoints WHERE source = ?`, source).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: checkpoint %s: %w", source, err)
	}
	return v, nil
}

func insertArticles(ctx context.Context, tx *sql.Tx, arts []*parallax.Article, now string) ([]bool, error) {
	added := make([]bool, len(arts))
	if len(arts) == 0 {
		return added, nil
	}
	var lastSeq int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM articles`).Scan(&lastSeq); err != nil {
		return nil, err
	}
	// DO NOTHING without a target covers all three unique keys (id,
	// url_key, content_hash), so a duplicate by any of them is skipped and
	// reported by its zero row count.
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO articles
		(id, source, title, url, url_key, path, author, published, published_offset, body, content_hash, extra, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	for i, a := range arts {
		var pub, off any
		if !a.Published.IsZero() {
			_, o := a.Published.Zone()
			pub, off = formatTime(a.Published), o
		}
		var extra any
		if a.Extra != nil {
			b, err := json.Marshal(a.Extra)
			if err != nil {
				return nil, fmt.Errorf("article %s: extra: %w", a.ID, err)
			}
			extra = string(b)
		}
		res, err := stmt.ExecContext(ctx, a.ID, a.Source, a.Title, a.URL, nullString(NormalizeURL(a.URL)),
			a.Path, a.Author, pub, off, a.Body, nullString(ContentHash(a.Body)), extra, now)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		added[i] = n == 1
		if testHookArticle != nil {
			if err := testHookArticle(i); err != nil {
				return nil, err
			}
		}
	}
	// seq grows with every insert, so the batch's articles are those past
	// the previous maximum.
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, body)
		SELECT seq, title, body FROM articles WHERE seq > ?`, lastSeq); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return added, nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// assign upserts assignments, creating missing stories as stubs, and marks
// both the old and the new story of each moved article for refreshing.
func assign(ctx context.Context, tx *sql.Tx, as []parallax.Assignment, touched map[string]bool, now string) error {
	if len(as) == 0 {
		return nil
	}
	stub, err := tx.PrepareContext(ctx, `INSERT INTO stories(id, created_at, updated_at) VALUES (?, ?, ?)
		ON CONFLICT(id) DO NOTHING`)
	if err != nil {
		return err
	}
	defer stub.Close()
	old, err := tx.PrepareContext(ctx, `SELECT story_id FROM assignments WHERE article_id = ?`)
	if err != nil {
		return err
	}
	defer old.Close()
	up, err := tx.PrepareContext(ctx, `INSERT INTO assignments(article_id, story_id) VALUES (?, ?)
		ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id`)
	if err != nil {
		return err
	}
	defer up.Close()
	for _, a := range as {
		if _, err := stub.ExecContext(ctx, a.Story, now, now); err != nil {
			return fmt.Errorf("story %s: %w", a.Story, err)
		}
		var prev string
		switch err := old.QueryRowContext(ctx, a.Article).Scan(&prev); {
		case err == nil:
			touched[prev] = true
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("assign %s: %w", a.Article, err)
		}
		if _, err := up.ExecContext(ctx, a.Article, a.Story); err != nil {
			if isForeignKey(err) {
				return errorf(EINVALID, "assign %s to %s: no such article", a.Article, a.Story)
			}
			return fmt.Errorf("assign %s to %s: %w", a.Article, a.Story, err)
		}
		touched[a.Story] = true
	}
	return nil
}

func saveStories(ctx context.Context, tx *sql.Tx, sts []StoryUpdate, touched map[string]bool, now string) error {
	for _, s := range sts {
		st := s.Story
		var brief, independent any
		if s.Brief != nil {
			b, err := parallax.MarshalBrief(s.Brief)
			if err != nil {
				return fmt.Errorf("story %s: brief: %w", st.ID, err)
			}
			brief, independent = string(b), s.Brief.IndependentSources()
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories(id, title, brief, independent, created_at, updated_at)
			VALUES (?1, ?2, ?3, ?4, ?5, ?5)
			ON CONFLICT(id) DO UPDATE SET
				title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE stories.title END,
				brief = coalesce(excluded.brief, stories.brief),
				independent = CASE WHEN excluded.brief IS NULL THEN stories.independent ELSE excluded.independent END,
				updated_at = excluded.updated_at`,
			st.ID, st.Title, brief, independent, now); err != nil {
			return fmt.Errorf("story %s: %w", st.ID, err)
		}
		if s.Brief != nil {
			if err := indexBrief(ctx, tx, st.ID, s.Brief); err != nil {
				return fmt.Errorf("story %s: %w", st.ID, err)
			}
		}
		touched[st.ID] = true
		as := make([]parallax.Assignment, len(st.Articles))
		for i, id := range st.Articles {
			as[i] = parallax.Assignment{Article: id, Story: st.ID}
		}
		if err := assign(ctx, tx, as, touched, now); err != nil {
			return fmt.Errorf("story %s: %w", st.ID, err)
		}
	}
	return nil
}

// refreshStories recomputes the derived columns of the stories a commit
// changed, so listing stays a single-table read.
func refreshStories(ctx context.Context, tx *sql.Tx, touched map[string]bool, now string) error {
	if len(touched) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE stories SET
		n_articles = (SELECT count(*) FROM assignments WHERE story_id = ?1),
		n_outlets = (SELECT count(DISTINCT a.source) FROM assignments s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1),
		first = (SELECT min(coalesce(a.published, a.ingested_at)) FROM assignments s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1),
		last = (SELECT max(coalesce(a.published, a.ingested_at)) FROM assignments s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1),
		title = CASE WHEN title <> '' THEN title ELSE coalesce((SELECT a.title FROM assignments s JOIN articles a ON a.id = s.article_id
			WHERE s.story_id = ?1 AND a.title <> '' ORDER BY a.seq LIMIT 1), '') END,
		updated_at = ?2
		WHERE id = ?1`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for id := range touched {
		if _, err := stmt.ExecContext(ctx, id, now); err != nil {
			return fmt.Errorf("story %s: %w", id, err)
		}
	}
	return nil
}

// isForeignKey reports a foreign key violation (SQLITE_CONSTRAINT_FOREIGNKEY).
func isForeignKey(err error) bool {
	var e interface{ Code() int }
	return errors.As(err, &e) && e.Code() == 787
}
