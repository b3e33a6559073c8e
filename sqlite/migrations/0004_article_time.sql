-- An article's time is its publication, else its arrival: the growing
-- order counts a story's articles by it within a window, which this index
-- answers without reading every article.
CREATE INDEX articles_time ON articles(coalesce(published, ingested_at));
