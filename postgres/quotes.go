package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/entity"
)

// Quotes lists the quotes of stored briefs whose speaker matches q: the
// speaker's entity.Key equals the query's key or contains it as a run of
// whole words ("Putin" finds "Vladimir Putin"). Hits come newest story
// first, then by story id and position in the brief.
func (db *DB) Quotes(ctx context.Context, q parallax.QuoteQuery) ([]parallax.QuoteHit, error) {
	key := entity.Key(q.Speaker)
	if key == "" {
		return nil, errorf(parallax.EINVALID, "quotes: speaker %q has no name to match", q.Speaker)
	}
	if q.Limit < 0 || q.Offset < 0 {
		return nil, errorf(parallax.EINVALID, "quotes: negative limit or offset")
	}
	var limit any
	if q.Limit > 0 {
		limit = q.Limit
	}
	key = text(key)
	// The GIN index on speaker_words finds speakers having every word;
	// strpos keeps those where the words are one run.
	rows, err := db.pool.Query(ctx, `SELECT q.story_id, s.title, q.article_id, coalesce(a.source, ''),
			q.speaker, q.text, q.kind, q.cue, q.span_start, q.span_end, a.published, a.published_offset
		FROM quotes q
		JOIN stories s ON s.id = q.story_id
		LEFT JOIN articles a ON a.id = q.article_id
		WHERE q.speaker_words @> $1 AND strpos(' ' || q.speaker_key || ' ', ' ' || $2 || ' ') > 0
		ORDER BY s.last_at DESC NULLS LAST, s.id, q.pos
		LIMIT $3 OFFSET $4`, strings.Fields(key), key, limit, q.Offset)
	if err != nil {
		return nil, fmt.Errorf("postgres: quotes: %w", err)
	}
	defer rows.Close()
	var out []parallax.QuoteHit
	for rows.Next() {
		var (
			h      parallax.QuoteHit
			pub    *time.Time
			offset *int32
		)
		if err := rows.Scan(&h.Story, &h.StoryTitle, &h.Article, &h.Source, &h.Speaker, &h.Text, &h.Kind, &h.Cue,
			&h.Span.Start, &h.Span.End, &pub, &offset); err != nil {
			return nil, fmt.Errorf("postgres: quotes: %w", err)
		}
		if pub != nil {
			h.Published = pub.UTC()
			if offset != nil && *offset != 0 {
				h.Published = h.Published.In(time.FixedZone("", int(*offset)))
			}
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: quotes: %w", err)
	}
	return out, nil
}

// Entity returns what the stored briefs say about one entity, found by the
// entity.Key of its canonical name or, failing that, of an alias (the
// entity with the most mentions having that alias, ties to the smallest
// key).
func (db *DB) Entity(ctx context.Context, name string) (parallax.EntityPage, error) {
	key := entity.Key(name)
	if key == "" {
		return parallax.EntityPage{}, errorf(parallax.EINVALID, "entity: %q has no name to look up", name)
	}
	key = text(key)
	// One statement: the canonical key, its rows newest story first and
	// its quote count come from one snapshot.
	rows, err := db.pool.Query(ctx, `WITH canon AS (
			SELECT key FROM (
				(SELECT key, 0 AS pri, 0::bigint AS mentions FROM entities WHERE key = $1 LIMIT 1)
				UNION ALL
				SELECT e.key, 1, sum(e.mentions) FROM entities e
				WHERE e.key IN (SELECT key FROM entities WHERE alias_keys @> ARRAY[$1::text])
				GROUP BY e.key
			) c ORDER BY pri, mentions DESC, key LIMIT 1
		)
		SELECT canon.key, e.name, e.type, e.title, e.aliases, e.mentions, e.articles, s.id, s.title, s.last_at,
			(SELECT count(*) FROM quotes WHERE speaker_key = canon.key)
		FROM canon
		JOIN entities e ON e.key = canon.key
		JOIN stories s ON s.id = e.story_id
		ORDER BY s.last_at DESC NULLS LAST, s.id`, key)
	if err != nil {
		return parallax.EntityPage{}, fmt.Errorf("postgres: entity %s: %w", name, err)
	}
	defer rows.Close()
	var (
		p       parallax.EntityPage
		aliases = map[string]bool{}
		found   bool
	)
	p.Aliases, p.Stories = []string{}, []parallax.EntityStory{}
	for rows.Next() {
		var (
			canon, ename, typ, title string
			als                      []string
			es                       parallax.EntityStory
			last                     *time.Time
		)
		if err := rows.Scan(&canon, &ename, &typ, &title, &als, &es.Mentions, &es.Articles, &es.ID, &es.Title, &last, &p.Quotes); err != nil {
			return parallax.EntityPage{}, fmt.Errorf("postgres: entity %s: %w", name, err)
		}
		found = true
		// Rows come newest story first: the first non-empty value wins.
		if p.Name == "" {
			p.Name = ename
		}
		if p.Type == "" {
			p.Type = typ
		}
		if p.Title == "" {
			p.Title = title
		}
		for _, a := range als {
			aliases[a] = true
		}
		es.Last = timeOf(last)
		p.Mentions += es.Mentions
		p.Stories = append(p.Stories, es)
	}
	if err := rows.Err(); err != nil {
		return parallax.EntityPage{}, fmt.Errorf("postgres: entity %s: %w", name, err)
	}
	if !found {
		return parallax.EntityPage{}, errorf(parallax.ENOTFOUND, "entity %q not found", name)
	}
	for a := range aliases {
		p.Aliases = append(p.Aliases, a)
	}
	slices.Sort(p.Aliases)
	return p, nil
}
