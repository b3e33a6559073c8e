-- Quotes of each story's stored brief, for lookups by speaker. Commit
-- rewrites a story's rows whenever it saves a new brief; the migration
-- backfills them from the briefs already stored (see upgrades in
-- sqlite.go). speaker_key is entity.Key(speaker), '' when the speaker is
-- unknown. article_id is not a foreign key: a brief may cite an article
-- the store does not hold.
CREATE TABLE quotes (
	id          INTEGER PRIMARY KEY,
	story_id    TEXT    NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	pos         INTEGER NOT NULL,            -- index in Brief.Quotes
	article_id  TEXT    NOT NULL DEFAULT '',
	speaker     TEXT    NOT NULL DEFAULT '',
	speaker_key TEXT    NOT NULL DEFAULT '',
	text        TEXT    NOT NULL DEFAULT '',
	kind        TEXT    NOT NULL DEFAULT '',
	cue         TEXT    NOT NULL DEFAULT '',
	span_start  INTEGER NOT NULL DEFAULT 0,
	span_end    INTEGER NOT NULL DEFAULT 0,
	UNIQUE (story_id, pos)
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);

-- Speaker keys as words, so that a run of whole words of a name is a
-- phrase query. Commit indexes a brief's quotes with one statement (see
-- articles_fts); deletes are kept in step by the trigger. Every row is
-- indexed, an empty key too, as an external-content table expects.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
	speaker_key,
	content = 'quotes', content_rowid = 'id',
	tokenize = 'unicode61'
);
CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
	INSERT INTO quotes_fts(quotes_fts, rowid, speaker_key) VALUES ('delete', old.id, old.speaker_key);
END;

-- Entities of each story's stored brief, one row per canonical name key
-- (entries of one brief with the same key merged), rewritten with the
-- brief like quotes.
CREATE TABLE entities (
	name_key   TEXT    NOT NULL,             -- entity.Key(name)
	story_id   TEXT    NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,             -- first index in Brief.Entities
	name       TEXT    NOT NULL,
	type       TEXT    NOT NULL DEFAULT '',
	title      TEXT    NOT NULL DEFAULT '',
	aliases    TEXT    NOT NULL DEFAULT '[]', -- JSON array of distinct aliases as written
	mentions   INTEGER NOT NULL DEFAULT 0,
	n_articles INTEGER NOT NULL DEFAULT 0,   -- distinct articles naming it
	PRIMARY KEY (name_key, story_id)
) WITHOUT ROWID;
CREATE INDEX entities_story ON entities(story_id);

-- Alias keys of those entities, for lookups by any alias.
CREATE TABLE entity_aliases (
	alias_key TEXT NOT NULL,
	name_key  TEXT NOT NULL,
	story_id  TEXT NOT NULL,
	PRIMARY KEY (alias_key, name_key, story_id),
	FOREIGN KEY (name_key, story_id) REFERENCES entities(name_key, story_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX entity_aliases_entity ON entity_aliases(name_key, story_id);

-- Feed subscriptions and the status of their last poll. seq is the order
-- they were added in; id is derived from url_key, the normalized URL.
CREATE TABLE feeds (
	seq           INTEGER PRIMARY KEY,
	id            TEXT    NOT NULL UNIQUE,
	url           TEXT    NOT NULL,
	url_key       TEXT    NOT NULL UNIQUE,
	source        TEXT    NOT NULL DEFAULT '',
	interval_s    INTEGER NOT NULL,            -- seconds between successful polls
	added         TEXT    NOT NULL,
	title         TEXT    NOT NULL DEFAULT '',
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	last_polled   TEXT,
	last_success  TEXT,
	next_poll     TEXT,
	failures      INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT    NOT NULL DEFAULT '',
	articles      INTEGER NOT NULL DEFAULT 0
);
