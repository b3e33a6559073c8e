-- Articles as ingested. seq is the ingest order; id, url_key and
-- content_hash are the three identities a re-ingest is checked against.
CREATE TABLE articles (
	seq              INTEGER PRIMARY KEY,
	id               TEXT    NOT NULL UNIQUE,
	source           TEXT    NOT NULL DEFAULT '',
	title            TEXT    NOT NULL DEFAULT '',
	url              TEXT    NOT NULL DEFAULT '',
	url_key          TEXT    UNIQUE,  -- normalized URL, NULL when the article has none
	path             TEXT    NOT NULL DEFAULT '',
	author           TEXT    NOT NULL DEFAULT '',
	published        TEXT,            -- UTC, fixed width so text order is time order; NULL when unknown
	published_offset INTEGER,         -- seconds east of UTC as written by the source
	body             TEXT    NOT NULL DEFAULT '',
	content_hash     TEXT    UNIQUE,  -- sha256 of the whitespace-collapsed body, NULL when empty
	extra            TEXT,            -- JSON object of unknown record fields
	ingested_at      TEXT    NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_ingested ON articles(ingested_at);

-- Full-text index over titles and bodies. Commit indexes a batch's new
-- articles with one statement: FTS5 flushes its pending terms at every
-- statement savepoint, so an insert trigger would write one index segment
-- per article and spend most of an ingest merging them. Deletes and
-- updates are rare and kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, body,
	content = 'articles', content_rowid = 'seq',
	tokenize = 'porter unicode61'
);
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, body ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

-- Stories. first, last, n_articles and n_outlets are derived from the
-- story's articles and recomputed in the transaction that changes them, so
-- listing and ordering need no join.
CREATE TABLE stories (
	id          TEXT    PRIMARY KEY,
	title       TEXT    NOT NULL DEFAULT '',
	first       TEXT,
	last        TEXT,
	n_articles  INTEGER NOT NULL DEFAULT 0,
	n_outlets   INTEGER NOT NULL DEFAULT 0,
	independent INTEGER,              -- distinct origins in the brief, NULL without one
	brief       TEXT,                 -- parallax.Brief as JSON
	created_at  TEXT    NOT NULL,
	updated_at  TEXT    NOT NULL
);
-- Match the listing orders exactly, so a page is read off the index
-- without sorting every story.
CREATE INDEX stories_newest ON stories(last DESC, id);
CREATE INDEX stories_largest ON stories(n_articles DESC, last DESC, id);

-- Which story each article belongs to; an article is in at most one.
CREATE TABLE assignments (
	article_id TEXT NOT NULL PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
);
CREATE INDEX assignments_story ON assignments(story_id);

-- Resume points of ingest sources, written in the same transaction as the
-- batch they cover.
CREATE TABLE checkpoints (
	source     TEXT PRIMARY KEY,
	value      TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
