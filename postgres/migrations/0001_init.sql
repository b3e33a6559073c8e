-- Articles as ingested. seq is the ingest order; id, url_key and
-- content_hash are the three identities a re-ingest is checked against.
-- Identifiers compare and sort byte-wise (COLLATE "C"), as in the SQLite
-- store, whatever the database's default collation.
CREATE TABLE articles (
	seq              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id               text        COLLATE "C" NOT NULL UNIQUE,
	source           text        NOT NULL DEFAULT '',
	title            text        NOT NULL DEFAULT '',
	url              text        NOT NULL DEFAULT '',
	url_key          text        COLLATE "C",      -- normalized URL, NULL when the article has none
	path             text        NOT NULL DEFAULT '',
	author           text        NOT NULL DEFAULT '',
	published        timestamptz,                  -- NULL when unknown
	published_offset integer,                      -- seconds east of UTC as written by the source
	body             text        NOT NULL DEFAULT '',
	content_hash     text        COLLATE "C" UNIQUE, -- sha256 of the whitespace-collapsed body, NULL when empty
	extra            json,                         -- unknown record fields, kept as written
	ingested_at      timestamptz NOT NULL,
	-- Full-text search: title words weigh more than body words.
	search           tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
	) STORED
);
-- The normalized URL is unique through its digest: a btree entry is
-- limited to about 2.7 kB and a URL is not.
CREATE UNIQUE INDEX articles_url_key ON articles (md5(url_key));
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_ingested ON articles (ingested_at);
CREATE INDEX articles_search ON articles USING gin (search);

-- Stories. first_at, last_at, n_articles and
-- n_outlets are derived from the story's articles and recomputed in the
-- transaction that changes them, so listing and ordering need no join.
CREATE TABLE stories (
	id          text        COLLATE "C" PRIMARY KEY,
	title       text        NOT NULL DEFAULT '',
	first_at    timestamptz,
	last_at     timestamptz,
	n_articles  integer     NOT NULL DEFAULT 0,
	n_outlets   integer     NOT NULL DEFAULT 0,
	independent integer,                 -- distinct origins in the brief, NULL without one
	brief       json,                    -- parallax.Brief
	created_at  timestamptz NOT NULL,
	updated_at  timestamptz NOT NULL
);
-- The listing orders, over the listed (non-empty) stories only, so a page
-- is read off an index.
CREATE INDEX stories_newest ON stories (last_at DESC, id) WHERE n_articles > 0;
CREATE INDEX stories_largest ON stories (n_articles DESC, last_at DESC, id) WHERE n_articles > 0;

-- Which story each article belongs to; an article is in at most one.
-- article_seq copies the article's ingest order so that a story's articles
-- are read in order off assignments_story.
CREATE TABLE assignments (
	article_id  text   COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	article_seq bigint NOT NULL,
	story_id    text   COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE
);
CREATE INDEX assignments_story ON assignments (story_id, article_seq);

-- Resume points of ingest sources, written in the same transaction as the
-- batch they cover.
CREATE TABLE checkpoints (
	source     text        COLLATE "C" PRIMARY KEY,
	value      text        NOT NULL,
	updated_at timestamptz NOT NULL
);

-- tsquery_and_all joins the per-word queries of a search with &&, so a
-- search is built from bound words with no query text assembled.
CREATE AGGREGATE tsquery_and_all (tsquery) (SFUNC = tsquery_and, STYPE = tsquery);

-- The quotes of stored briefs, replaced with the brief. speaker_key is the
-- speaker's entity.Key and speaker_words its words, so that a search for a
-- run of whole words narrows on the GIN index before the exact check.
CREATE TABLE quotes (
	story_id      text    COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	pos           integer NOT NULL,  -- position in the brief
	article_id    text    COLLATE "C" NOT NULL,
	speaker       text    NOT NULL,
	speaker_key   text    COLLATE "C" NOT NULL,
	speaker_words text[]  COLLATE "C" NOT NULL,
	text          text    NOT NULL,
	kind          text    NOT NULL,
	cue           text    NOT NULL,
	span_start    integer NOT NULL,
	span_end      integer NOT NULL,
	PRIMARY KEY (story_id, pos)
);
CREATE INDEX quotes_speaker_key ON quotes (speaker_key);
CREATE INDEX quotes_speaker_words ON quotes USING gin (speaker_words);

-- The entities of stored briefs, one row per story and entity key (the
-- entity.Key of the canonical name), entries of one brief with the same key
-- merged.
CREATE TABLE entities (
	story_id   text    COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	key        text    COLLATE "C" NOT NULL,
	name       text    NOT NULL,
	type       text    NOT NULL,
	title      text    NOT NULL,
	aliases    text[]  NOT NULL,
	alias_keys text[]  COLLATE "C" NOT NULL,
	mentions   integer NOT NULL,
	articles   integer NOT NULL,  -- distinct articles of the story naming it
	PRIMARY KEY (story_id, key)
);
CREATE INDEX entities_key ON entities (key);
CREATE INDEX entities_alias_keys ON entities USING gin (alias_keys);

-- Feed subscriptions. seq is the order they were added in; the id derives
-- from the normalized URL, so subscribing the same feed twice meets the
-- primary key.
CREATE TABLE feeds (
	seq           bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
	id            text        COLLATE "C" PRIMARY KEY,
	url           text        NOT NULL,
	source        text        NOT NULL DEFAULT '',
	interval_s    bigint      NOT NULL,
	added_at      timestamptz NOT NULL,
	title         text        NOT NULL DEFAULT '',
	etag          text        NOT NULL DEFAULT '',
	last_modified text        NOT NULL DEFAULT '',
	last_polled   timestamptz,
	last_success  timestamptz,
	next_poll     timestamptz,
	failures      integer     NOT NULL DEFAULT 0,
	last_error    text        NOT NULL DEFAULT '',
	articles      integer     NOT NULL DEFAULT 0
);
