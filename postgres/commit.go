package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/entity"
)

// testHookArticle, when set, runs as each article's insert is confirmed
// inside Commit; tests use it to fail a batch halfway.
var testHookArticle func(i int) error

// commitAttempts bounds how often a batch that lost a deadlock or
// serialization race to another writer is run again.
const commitAttempts = 4

// retries counts the commits run again, for tests.
var retries atomic.Int64

// Commit writes b in one transaction and reports, for each of b.Articles,
// whether it was added (false when it was already stored, by id,
// normalized URL or content hash, or repeats an earlier article of the
// batch). On error nothing of b is stored.
//
// A transaction that PostgreSQL aborts as a deadlock victim (two servers
// committing to the same stories) is run again, up to a few times.
func (db *DB) Commit(ctx context.Context, b parallax.Batch) ([]bool, error) {
	if err := validate(&b); err != nil {
		return nil, err
	}
	for attempt := 1; ; attempt++ {
		added, err := db.commit(ctx, &b)
		if err == nil {
			return added, nil
		}
		if c := pgCode(err); (c == codeDeadlock || c == codeSerialization) && attempt < commitAttempts && ctx.Err() == nil {
			retries.Add(1)
			continue
		}
		if parallax.ErrorCode(err) != "" {
			return nil, err
		}
		return nil, fmt.Errorf("postgres: commit: %w", err)
	}
}

func (db *DB) commit(ctx context.Context, b *parallax.Batch) (added []bool, err error) {
	now := db.now()
	err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var err error
		if added, err = insertArticles(ctx, tx, b.Articles, now); err != nil {
			return err
		}
		touched, err := writeStories(ctx, tx, b, now)
		if err != nil {
			return err
		}
		return finish(ctx, tx, touched, b.Checkpoints, now)
	})
	return added, err
}

// validate rejects what is a caller's bug before a transaction starts.
func validate(b *parallax.Batch) error {
	if err := b.Validate(); err != nil {
		return err
	}
	// PostgreSQL text holds neither NUL nor invalid UTF-8.
	for _, a := range b.Articles {
		if !validKey(a.ID) {
			return errorf(parallax.EINVALID, "article id %q: not UTF-8 text without NUL", a.ID)
		}
	}
	for _, a := range b.Assignments {
		if !validKey(a.Article) || !validKey(a.Story) {
			return errorf(parallax.EINVALID, "assignment %q -> %q: not UTF-8 text without NUL", a.Article, a.Story)
		}
	}
	for _, s := range b.Stories {
		if !validKey(s.Story.ID) {
			return errorf(parallax.EINVALID, "story id %q: not UTF-8 text without NUL", s.Story.ID)
		}
		for _, id := range s.Story.Articles {
			if !validKey(id) {
				return errorf(parallax.EINVALID, "story %s: article id %q: not UTF-8 text without NUL", s.Story.ID, id)
			}
		}
	}
	for _, c := range b.Checkpoints {
		if !validKey(c.Source) || !validKey(c.Value) {
			return errorf(parallax.EINVALID, "checkpoint %q: not UTF-8 text without NUL", c.Source)
		}
	}
	return nil
}

// insertArticles sends the inserts in one pipeline. DO NOTHING without a
// conflict target covers all three unique keys (id, normalized URL, content
// hash), so a duplicate by any of them, also of an earlier article of the
// batch, is skipped and reported by its zero row count.
func insertArticles(ctx context.Context, tx pgx.Tx, arts []*parallax.Article, now time.Time) ([]bool, error) {
	added := make([]bool, len(arts))
	if len(arts) == 0 {
		return added, nil
	}
	q := &pgx.Batch{}
	for _, a := range arts {
		var pub, off any
		if !a.Published.IsZero() {
			_, o := a.Published.Zone()
			pub, off = a.Published, o
		}
		var extra any
		if a.Extra != nil {
			b, err := json.Marshal(a.Extra)
			if err != nil {
				return nil, errorf(parallax.EINVALID, "article %s: extra: %v", a.ID, err)
			}
			extra = text(string(b))
		}
		q.Queue(`INSERT INTO articles
			(id, source, title, url, url_key, path, author, published, published_offset, body, content_hash, extra, ingested_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			ON CONFLICT DO NOTHING`,
			a.ID, text(a.Source), text(a.Title), text(a.URL), nullString(text(parallax.NormalizeURL(a.URL))),
			text(a.Path), text(a.Author), pub, off, text(a.Body), nullString(parallax.ContentHash(a.Body)), extra, now)
	}
	res := tx.SendBatch(ctx, q)
	defer res.Close()
	for i, a := range arts {
		tag, err := res.Exec()
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		added[i] = tag.RowsAffected() == 1
		if testHookArticle != nil {
			if err := testHookArticle(i); err != nil {
				return nil, err
			}
		}
	}
	return added, res.Close()
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// assignSQL moves one article into a story that exists and returns the
// story it was in before ("" when none) and whether the article is stored.
// The previous story is read from the statement's snapshot, before the
// upsert.
const assignSQL = `WITH prev AS (
		SELECT story_id FROM assignments WHERE article_id = $1
	), up AS (
		INSERT INTO assignments (article_id, article_seq, story_id)
		SELECT id, seq, $2 FROM articles WHERE id = $1
		ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id
		RETURNING 1
	)
	SELECT coalesce((SELECT story_id FROM prev), ''), EXISTS (SELECT 1 FROM up)`

// writeStories applies the batch's assignments and story updates in field
// order and returns every story whose derived columns must be recomputed:
// those named and those articles moved out of.
//
// The stories the batch names are created first and locked in id order,
// with those its articles are in now, so that two servers committing to the
// same stories queue instead of deadlocking.
func writeStories(ctx context.Context, tx pgx.Tx, b *parallax.Batch, now time.Time) (map[string]bool, error) {
	touched := map[string]bool{}
	if len(b.Assignments) == 0 && len(b.Stories) == 0 {
		return touched, nil
	}
	var named []string
	for _, a := range b.Assignments {
		named = append(named, a.Story)
	}
	for _, s := range b.Stories {
		named = append(named, s.Story.ID)
	}
	slices.Sort(named)
	named = slices.Compact(named)
	// The articles assigned: the stories they leave are locked too.
	var moved []string
	for _, a := range b.Assignments {
		moved = append(moved, a.Article)
	}
	for _, s := range b.Stories {
		moved = append(moved, s.Story.Articles...)
	}

	q := &pgx.Batch{}
	q.Queue(`INSERT INTO stories (id, created_at, updated_at)
		SELECT id, $2, $2 FROM unnest($1::text[]) AS t(id) ORDER BY id COLLATE "C"
		ON CONFLICT (id) DO NOTHING`, named, now)
	q.Queue(`SELECT id FROM stories
		WHERE id IN (SELECT unnest($1::text[]) UNION SELECT story_id FROM assignments WHERE article_id = ANY($2))
		ORDER BY id FOR NO KEY UPDATE`, named, moved)

	// What each queued statement is, to read its result.
	type step struct {
		assign     *parallax.Assignment
		story      string // a story update
		briefIndex bool   // a delete or insert of the brief's quotes and entities
	}
	var steps []step
	for i := range b.Assignments {
		a := &b.Assignments[i]
		q.Queue(assignSQL, a.Article, a.Story)
		steps = append(steps, step{assign: a})
	}
	for _, s := range b.Stories {
		st := s.Story
		var brief, independent any
		if s.Brief != nil {
			j, err := parallax.MarshalBrief(s.Brief)
			if err != nil {
				return nil, errorf(parallax.EINVALID, "story %s: brief: %v", st.ID, err)
			}
			brief, independent = text(string(j)), s.Brief.IndependentSources()
		}
		q.Queue(`UPDATE stories SET
				title = CASE WHEN $2::text <> '' THEN $2::text ELSE title END,
				brief = CASE WHEN $3::json IS NULL THEN brief ELSE $3::json END,
				independent = CASE WHEN $3::json IS NULL THEN independent ELSE $4::integer END,
				updated_at = $5
			WHERE id = $1`, st.ID, text(st.Title), brief, independent, now)
		steps = append(steps, step{story: st.ID})
		if s.Brief != nil {
			n := queueBriefIndex(q, st.ID, s.Brief)
			for range n {
				steps = append(steps, step{briefIndex: true})
			}
		}
		for _, id := range st.Articles {
			a := &parallax.Assignment{Article: id, Story: st.ID}
			q.Queue(assignSQL, a.Article, a.Story)
			steps = append(steps, step{assign: a})
		}
	}

	res := tx.SendBatch(ctx, q)
	defer res.Close()
	if _, err := res.Exec(); err != nil {
		return nil, fmt.Errorf("create stories: %w", err)
	}
	if _, err := res.Exec(); err != nil {
		return nil, fmt.Errorf("lock stories: %w", err)
	}
	for _, s := range steps {
		switch {
		case s.assign != nil:
			var prev string
			var found bool
			if err := res.QueryRow().Scan(&prev, &found); err != nil {
				return nil, fmt.Errorf("assign %s to %s: %w", s.assign.Article, s.assign.Story, err)
			}
			if !found {
				return nil, errorf(parallax.EINVALID, "assign %s to %s: no such article", s.assign.Article, s.assign.Story)
			}
			if prev != "" {
				touched[prev] = true
			}
			touched[s.assign.Story] = true
		case s.story != "":
			if _, err := res.Exec(); err != nil {
				return nil, fmt.Errorf("story %s: %w", s.story, err)
			}
			touched[s.story] = true
		default:
			if _, err := res.Exec(); err != nil {
				return nil, fmt.Errorf("index brief: %w", err)
			}
		}
	}
	return touched, res.Close()
}

// queueBriefIndex queues the statements that replace a story's indexed
// quotes and entities with those of brief and returns how many it queued.
func queueBriefIndex(q *pgx.Batch, story string, brief *parallax.Brief) int {
	n := q.Len()
	q.Queue(`DELETE FROM quotes WHERE story_id = $1`, story)
	q.Queue(`DELETE FROM entities WHERE story_id = $1`, story)
	for i, qt := range brief.Quotes {
		key := entity.Key(qt.Speaker)
		words := strings.Fields(key)
		if words == nil {
			words = []string{}
		}
		q.Queue(`INSERT INTO quotes (story_id, pos, article_id, speaker, speaker_key, speaker_words, text, kind, cue, span_start, span_end)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			story, i, text(qt.Article), text(qt.Speaker), text(key), words,
			text(qt.Text), text(qt.Kind), text(qt.Cue), qt.Span.Start, qt.Span.End)
	}
	for _, e := range mergeEntities(brief.Entities) {
		q.Queue(`INSERT INTO entities (story_id, key, name, type, title, aliases, alias_keys, mentions, articles)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			story, e.key, e.name, e.typ, e.title, e.aliases, e.aliasKeys, e.mentions, e.articles)
	}
	return q.Len() - n
}

// briefEntity is the row of one entity key in one brief.
type briefEntity struct {
	key, name, typ, title string
	aliases, aliasKeys    []string
	mentions, articles    int
}

// mergeEntities gathers a brief's entities by the key of their canonical
// name, in brief order: the first non-empty name, type and title win,
// aliases and articles are united (aliases sorted), mentions added up.
// Entities whose name has no key are left out: no search can find them.
func mergeEntities(es []parallax.EntitySummary) []briefEntity {
	var out []*briefEntity
	byKey := map[string]*briefEntity{}
	arts := map[string]map[string]bool{}
	aliases := map[string]map[string]bool{}
	for _, e := range es {
		key := text(entity.Key(e.Name))
		if key == "" {
			continue
		}
		m := byKey[key]
		if m == nil {
			m = &briefEntity{key: key}
			byKey[key] = m
			out = append(out, m)
			arts[key], aliases[key] = map[string]bool{}, map[string]bool{}
		}
		if m.name == "" {
			m.name = text(e.Name)
		}
		if m.typ == "" {
			m.typ = text(e.Type)
		}
		if m.title == "" {
			m.title = text(e.Title)
		}
		m.mentions += e.Mentions
		for _, a := range e.Articles {
			arts[key][a] = true
		}
		for _, a := range e.Aliases {
			aliases[key][text(a)] = true
		}
	}
	res := make([]briefEntity, len(out))
	for i, m := range out {
		m.articles = len(arts[m.key])
		m.aliases = []string{}
		keys := map[string]bool{}
		for a := range aliases[m.key] {
			m.aliases = append(m.aliases, a)
			if k := text(entity.Key(a)); k != "" {
				keys[k] = true
			}
		}
		slices.Sort(m.aliases)
		m.aliasKeys = []string{}
		for k := range keys {
			m.aliasKeys = append(m.aliasKeys, k)
		}
		slices.Sort(m.aliasKeys)
		res[i] = *m
	}
	return res
}

// finish recomputes the derived columns of the stories the batch changed
// and saves the checkpoints. The touched stories are locked by a statement
// of their own first: the recomputing statement then starts after any
// other writer to them committed, and counts what it wrote.
func finish(ctx context.Context, tx pgx.Tx, touched map[string]bool, cps []parallax.Checkpoint, now time.Time) error {
	q := &pgx.Batch{}
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if len(ids) > 0 {
		q.Queue(`SELECT id FROM stories WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`, ids)
		q.Queue(`UPDATE stories s SET
				n_articles = c.n,
				n_outlets = c.outlets,
				first_at = c.first_at,
				last_at = c.last_at,
				title = CASE WHEN s.title <> '' THEN s.title ELSE coalesce(ft.title, '') END,
				updated_at = $2
			FROM unnest($1::text[]) AS t(id)
			CROSS JOIN LATERAL (
				SELECT count(*) AS n, count(DISTINCT a.source) AS outlets,
					min(coalesce(a.published, a.ingested_at)) AS first_at,
					max(coalesce(a.published, a.ingested_at)) AS last_at
				FROM assignments g JOIN articles a ON a.id = g.article_id
				WHERE g.story_id = t.id) c
			LEFT JOIN LATERAL (
				SELECT a.title FROM assignments g JOIN articles a ON a.id = g.article_id
				WHERE g.story_id = t.id AND a.title <> ''
				ORDER BY g.article_seq LIMIT 1) ft ON true
			WHERE s.id = t.id`, ids, now)
	}
	for _, c := range cps {
		q.Queue(`INSERT INTO checkpoints (source, value, updated_at) VALUES ($1, $2, $3)
			ON CONFLICT (source) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			c.Source, c.Value, now)
	}
	if q.Len() == 0 {
		return nil
	}
	res := tx.SendBatch(ctx, q)
	defer res.Close()
	if len(ids) > 0 {
		if _, err := res.Exec(); err != nil {
			return fmt.Errorf("lock stories: %w", err)
		}
		if _, err := res.Exec(); err != nil {
			return fmt.Errorf("refresh stories: %w", err)
		}
	}
	for _, c := range cps {
		if _, err := res.Exec(); err != nil {
			return fmt.Errorf("checkpoint %s: %w", c.Source, err)
		}
	}
	return res.Close()
}
