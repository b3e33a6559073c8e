-- Listing reads stories off these indexes alone: a stories row holds its
-- brief, often kilobytes in overflow pages that columns stored after it
-- (updated_at) would make SQLite walk for every listed story.
DROP INDEX stories_newest;
DROP INDEX stories_largest;
CREATE INDEX stories_newest ON stories(last DESC, id, n_articles, title, n_outlets, independent, first, updated_at);
CREATE INDEX stories_largest ON stories(n_articles DESC, last DESC, id, title, n_outlets, independent, first, updated_at);
-- Briefs are rewritten in their canonical form (parallax.MarshalBrief) by
-- the Go step of this version, so a server can send them as stored.
