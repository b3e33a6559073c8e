package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/entity"
)

// The quote and entity tables are derived from the stored briefs: every
// Commit that saves a story's brief rewrites the story's rows in the same
// transaction, so they never disagree with the brief Story returns. Names
// are compared by entity.Key, the key the analysis itself matches entities
// across articles with ("Zelenskyy" and "Zelensky" meet).

// indexBrief replaces the quote and entity rows of story id with those of b.
func indexBrief(ctx context.Context, tx *sql.Tx, id string, b *parallax.Brief) error {
	for _, q := range []string{
		`DELETE FROM quotes WHERE story_id = ?`,   // the trigger unindexes them
		`DELETE FROM entities WHERE story_id = ?`, // and cascades to entity_aliases
	} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return fmt.Errorf("index brief: %w", err)
		}
	}
	if len(b.Quotes) > 0 {
		if err := insertQuotes(ctx, tx, id, b.Quotes); err != nil {
			return fmt.Errorf("index brief: quotes: %w", err)
		}
	}
	if len(b.Entities) > 0 {
		if err := insertEntities(ctx, tx, id, b.Entities); err != nil {
			return fmt.Errorf("index brief: entities: %w", err)
		}
	}
	return nil
}

func insertQuotes(ctx context.Context, tx *sql.Tx, id string, quotes []parallax.QuoteRef) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO quotes
		(story_id, pos, article_id, speaker, speaker_key, text, kind, cue, span_start, span_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, q := range quotes {
		if _, err := stmt.ExecContext(ctx, id, i, q.Article, q.Speaker, entity.Key(q.Speaker),
			q.Text, q.Kind, q.Cue, q.Span.Start, q.Span.End); err != nil {
			return err
		}
	}
	// One statement for the story's quotes: see articles_fts.
	_, err = tx.ExecContext(ctx, `INSERT INTO quotes_fts(rowid, speaker_key)
		SELECT id, speaker_key FROM quotes WHERE story_id = ?`, id)
	return err
}

// briefEntity is the entries of one brief that share a name key, merged.
type briefEntity struct {
	key, name, typ, title string
	pos                   int
	aliases               []string
	mentions              int
	articles              map[string]bool
}

// mergeEntities groups a brief's entities by entity.Key(Name), in order of
// first appearance; name, type and title are the first non-empty ones.
// Entities whose name has no key are left out.
func mergeEntities(ents []parallax.EntitySummary) []*briefEntity {
	var out []*briefEntity
	byKey := map[string]*briefEntity{}
	for i, e := range ents {
		k := entity.Key(e.Name)
		if k == "" {
			continue
		}
		m := byKey[k]
		if m == nil {
			m = &briefEntity{key: k, pos: i, articles: map[string]bool{}}
			byKey[k] = m
			out = append(out, m)
		}
		if m.name == "" {
			m.name = e.Name
		}
		if m.typ == "" {
			m.typ = e.Type
		}
		if m.title == "" {
			m.title = e.Title
		}
		for _, a := range e.Aliases {
			if !slices.Contains(m.aliases, a) {
				m.aliases = append(m.aliases, a)
			}
		}
		m.mentions += e.Mentions
		for _, a := range e.Articles {
			m.articles[a] = true
		}
	}
	return out
}

func insertEntities(ctx context.Context, tx *sql.Tx, id string, ents []parallax.EntitySummary) error {
	ins, err := tx.PrepareContext(ctx, `INSERT INTO entities
		(name_key, story_id, pos, name, type, title, aliases, mentions, n_articles)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	alias, err := tx.PrepareContext(ctx, `INSERT INTO entity_aliases(alias_key, name_key, story_id)
		VALUES (?, ?, ?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return err
	}
	defer alias.Close()
	for _, e := range mergeEntities(ents) {
		aliases := e.aliases
		if aliases == nil {
			aliases = []string{}
		}
		js, err := json.Marshal(aliases)
		if err != nil {
			return err
		}
		if _, err := ins.ExecContext(ctx, e.key, id, e.pos, e.name, e.typ, e.title, string(js), e.mentions, len(e.articles)); err != nil {
			return fmt.Errorf("%s: %w", e.name, err)
		}
		for _, a := range e.aliases {
			if k := entity.Key(a); k != "" {
				if _, err := alias.ExecContext(ctx, k, e.key, id); err != nil {
					return fmt.Errorf("%s: alias %s: %w", e.name, a, err)
				}
			}
		}
	}
	return nil
}

// reindexBriefs rebuilds the quote and entity rows of every story with a
// brief; it is the Go half of migration 2.
func reindexBriefs(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM stories WHERE brief IS NOT NULL ORDER BY id`)
	if err != nil {
		return err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		var js string
		if err := tx.QueryRowContext(ctx, `SELECT brief FROM stories WHERE id = ?`, id).Scan(&js); err != nil {
			return fmt.Errorf("story %s: %w", id, err)
		}
		var b parallax.Brief
		if err := json.Unmarshal([]byte(js), &b); err != nil {
			return fmt.Errorf("story %s: brief: %w", id, err)
		}
		if err := indexBrief(ctx, tx, id, &b); err != nil {
			return fmt.Errorf("story %s: %w", id, err)
		}
	}
	return nil
}

// canonicalBriefs rewrites every stored brief as parallax.MarshalBrief
// writes it (briefs stored before version 3 were plain json.Marshal output:
// null lists, escaped < > &), so StoryBriefJSON hands out contract bytes.
func canonicalBriefs(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, brief FROM stories WHERE brief IS NOT NULL ORDER BY id`)
	if err != nil {
		return err
	}
	type row struct{ id, brief string }
	var rs []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.brief); err != nil {
			rows.Close()
			return err
		}
		rs = append(rs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range rs {
		var b parallax.Brief
		if err := json.Unmarshal([]byte(r.brief), &b); err != nil {
			return fmt.Errorf("story %s: brief: %w", r.id, err)
		}
		data, err := parallax.MarshalBrief(&b)
		if err != nil {
			return fmt.Errorf("story %s: %w", r.id, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET brief = ? WHERE id = ?`, string(data), r.id); err != nil {
			return fmt.Errorf("story %s: %w", r.id, err)
		}
	}
	return nil
}

// checkPage rejects a negative limit or offset and turns limit 0 into
// SQLite's "no limit".
func checkPage(what string, limit, offset int) (int, error) {
	if limit < 0 || offset < 0 {
		return 0, errorf(EINVALID, "%s: negative limit or offset", what)
	}
	if limit == 0 {
		return -1, nil
	}
	return limit, nil
}

// Quotes lists the quotes of stored briefs whose speaker's key is the key of
// q.Speaker or has it as a run of whole words ("putin" finds "Vladimir
// Putin"), newest story first, then in brief order.
func (db *DB) Quotes(ctx context.Context, q parallax.QuoteQuery) ([]parallax.QuoteHit, error) {
	key := entity.Key(q.Speaker)
	if key == "" {
		return nil, errorf(EINVALID, "quotes: speaker %q has no letters or digits", q.Speaker)
	}
	limit, err := checkPage("quotes", q.Limit, q.Offset)
	if err != nil {
		return nil, err
	}
	// A key is words of letters and digits, so as one FTS5 phrase it
	// matches exactly the runs of those whole words.
	phrase := `"` + strings.ReplaceAll(key, `"`, `""`) + `"`
	// The page is cut before the articles are joined, so a speaker with
	// thousands of quotes costs thousands of index reads, not article
	// reads.
	rows, err := db.read.QueryContext(ctx, `WITH page AS (
			SELECT q.id, q.pos, s.id AS story_id, s.title, s.last
			FROM quotes_fts f
			JOIN quotes q ON q.id = f.rowid
			JOIN stories s ON s.id = q.story_id
			WHERE quotes_fts MATCH ?
			ORDER BY s.last DESC, s.id, q.pos
			LIMIT ? OFFSET ?)
		SELECT p.story_id, p.title, q.article_id, coalesce(a.source, ''),
			q.speaker, q.text, q.kind, q.cue, q.span_start, q.span_end, a.published, a.published_offset
		FROM page p
		JOIN quotes q ON q.id = p.id
		LEFT JOIN articles a ON a.id = q.article_id
		ORDER BY p.last DESC, p.story_id, p.pos`, phrase, limit, q.Offset)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes %q: %w", q.Speaker, err)
	}
	defer rows.Close()
	var out []parallax.QuoteHit
	for rows.Next() {
		var (
			h   parallax.QuoteHit
			pub sql.NullString
			off sql.NullInt64
		)
		if err := rows.Scan(&h.Story, &h.StoryTitle, &h.Article, &h.Source, &h.Speaker, &h.Text, &h.Kind, &h.Cue,
			&h.Span.Start, &h.Span.End, &pub, &off); err != nil {
			return nil, fmt.Errorf("sqlite: quotes %q: %w", q.Speaker, err)
		}
		if h.Published, err = publishedTime(pub, off); err != nil {
			return nil, fmt.Errorf("sqlite: quotes %q: %w", q.Speaker, err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: quotes %q: %w", q.Speaker, err)
	}
	return out, nil
}

// Entity returns what the stored briefs say about the entity whose
// canonical name has the key of name or, failing that, the entity with the
// most mentions among those having an alias with that key.
func (db *DB) Entity(ctx context.Context, name string) (parallax.EntityPage, error) {
	key := entity.Key(name)
	if key == "" {
		return parallax.EntityPage{}, errorf(EINVALID, "entity: name %q has no letters or digits", name)
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return parallax.EntityPage{}, fmt.Errorf("sqlite: entity %q: %w", name, err)
	}
	defer tx.Rollback()
	page, err := entityPage(ctx, tx, key)
	if errors.Is(err, sql.ErrNoRows) {
		return parallax.EntityPage{}, errorf(ENOTFOUND, "entity %q not found", name)
	}
	if err != nil {
		return parallax.EntityPage{}, fmt.Errorf("sqlite: entity %q: %w", name, err)
	}
	return page, nil
}

func entityPage(ctx context.Context, tx *sql.Tx, key string) (parallax.EntityPage, error) {
	var page parallax.EntityPage
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM entities WHERE name_key = ? LIMIT 1`, key).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.QueryRowContext(ctx, `SELECT name_key FROM entities
			WHERE name_key IN (SELECT name_key FROM entity_aliases WHERE alias_key = ?)
			GROUP BY name_key ORDER BY sum(mentions) DESC, name_key LIMIT 1`, key).Scan(&key)
	}
	if err != nil {
		return page, err // sql.ErrNoRows: no such entity
	}
	rows, err := tx.QueryContext(ctx, `SELECT e.story_id, s.title, s.last, e.name, e.type, e.title, e.aliases, e.mentions, e.n_articles
		FROM entities e JOIN stories s ON s.id = e.story_id
		WHERE e.name_key = ?
		ORDER BY s.last DESC, s.id`, key)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	page.Aliases, page.Stories = []string{}, []parallax.EntityStory{}
	for rows.Next() {
		var (
			st               parallax.EntityStory
			last             sql.NullString
			name, typ, title string
			aliases          string
		)
		if err := rows.Scan(&st.ID, &st.Title, &last, &name, &typ, &title, &aliases, &st.Mentions, &st.Articles); err != nil {
			return page, err
		}
		if st.Last, err = parseTime(last); err != nil {
			return page, err
		}
		var as []string
		if err := json.Unmarshal([]byte(aliases), &as); err != nil {
			return page, fmt.Errorf("story %s: aliases: %w", st.ID, err)
		}
		for _, a := range as {
			if !slices.Contains(page.Aliases, a) {
				page.Aliases = append(page.Aliases, a)
			}
		}
		// Newest first: the first non-empty value is the newest story's.
		if page.Name == "" {
			page.Name = name
		}
		if page.Type == "" {
			page.Type = typ
		}
		if page.Title == "" {
			page.Title = title
		}
		page.Mentions += st.Mentions
		page.Stories = append(page.Stories, st)
	}
	if err := rows.Err(); err != nil {
		return page, err
	}
	slices.Sort(page.Aliases)
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM quotes WHERE speaker_key = ?`, key).Scan(&page.Quotes); err != nil {
		return page, err
	}
	return page, nil
}
