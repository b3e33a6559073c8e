package parallax

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"
)

// DefaultFeedInterval is the time between polls of a feed subscribed
// without one.
const DefaultFeedInterval = 15 * time.Minute

// FeedID is the id of the feed at a normalized URL (NormalizeURL): the first
// 12 hex digits of its SHA-256, so one feed has one id in every store.
func FeedID(normalizedURL string) string {
	h := sha256.Sum256([]byte(normalizedURL))
	return hex.EncodeToString(h[:6])
}

// CheckFeed checks a subscription before a store adds it and fills in what
// the rules give: the URL trimmed (it must be an absolute http or https URL
// with a host), ID from the normalized URL, a zero Interval as
// DefaultFeedInterval. An interval under a second is invalid. Errors are
// *Error with code EINVALID.
func CheckFeed(f FeedSubscription) (FeedSubscription, error) {
	raw := strings.TrimSpace(f.URL)
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.Host == "" || u.Hostname() == "" {
		return f, Errorf(EINVALID, "feed URL %q: not an absolute http or https URL", f.URL)
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return f, Errorf(EINVALID, "feed URL %q: scheme must be http or https", f.URL)
	}
	switch {
	case f.Interval == 0:
		f.Interval = DefaultFeedInterval
	case f.Interval < time.Second:
		return f, Errorf(EINVALID, "feed %s: interval %v: must be at least a second", raw, f.Interval)
	}
	f.URL = raw
	f.ID = FeedID(NormalizeURL(raw))
	return f, nil
}

// IndependentSources counts the distinct origins among a brief's articles:
// syndicated copies share an origin and count once; an article without an
// origin counts as its own.
func (b *Brief) IndependentSources() int {
	seen := map[string]bool{}
	for _, a := range b.Articles {
		o := a.Origin
		if o == "" {
			o = "\x00" + a.ID
		}
		seen[o] = true
	}
	return len(seen)
}

// Validate rejects a batch that no store could apply: a nil article, an
// empty article, story or assignment id, a checkpoint without a source.
// Stores call it before a transaction starts; the error has code EINVALID.
func (b *Batch) Validate() error {
	for i, a := range b.Articles {
		if a == nil {
			return Errorf(EINVALID, "article %d is nil", i)
		}
		if a.ID == "" {
			return Errorf(EINVALID, "article %d has no id", i)
		}
	}
	for _, a := range b.Assignments {
		if a.Article == "" || a.Story == "" {
			return Errorf(EINVALID, "assignment %q -> %q: empty id", a.Article, a.Story)
		}
	}
	for _, s := range b.Stories {
		if s.Story.ID == "" {
			return Errorf(EINVALID, "story with no id")
		}
	}
	for _, c := range b.Checkpoints {
		if c.Source == "" {
			return Errorf(EINVALID, "checkpoint with no source")
		}
	}
	return nil
}
