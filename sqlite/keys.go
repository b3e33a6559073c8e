package sqlite

import "github.com/parallax-news/parallax"

// NormalizeURL is parallax.NormalizeURL, the URL identity of a stored article.
func NormalizeURL(raw string) string { return parallax.NormalizeURL(raw) }

// ContentHash is parallax.ContentHash, the text identity of a stored article.
func ContentHash(body string) string { return parallax.ContentHash(body) }
