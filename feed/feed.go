// Package feed reads RSS (0.9x, 1.0, 2.0), Atom and JSON Feed documents
// into entries and turns entries into Articles. Parsing is gofeed's; this
// package owns what Parallax needs on top of it: links resolved against
// the feed's address, item HTML reduced to paragraphs of text, a stable id
// for every item, and the judgement of whether an item carries the whole
// article or only an excerpt whose page should be fetched.
//
// It does no I/O: the caller fetches or reads the bytes (package fetch for
// URLs) and decides what to do with partial items.
package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cespare/xxhash/v2"
	"github.com/mmcdole/gofeed"
	"github.com/parallax-news/parallax"
)

// ErrNotFeed is returned for data that is not RSS, Atom or JSON Feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Feed is a parsed feed with its items in document order.
type Feed struct {
	Title string
	Link  string // the site's address, absolute when it could be resolved
	Items []Item
}

// Item is one feed entry. Summary and Content are as the feed gives them,
// usually HTML; Text returns them as plain text.
type Item struct {
	// ID is the entry's guid or id, else its link, else a hash of its
	// title and text, so that it is stable across polls.
	ID        string
	Title     string // plain text
	Link      string // absolute when it could be resolved
	Author    string
	Summary   string    // RSS description, Atom summary, JSON summary
	Content   string    // content:encoded, Atom content, JSON content_html/text
	Published time.Time // published, else updated; zero when the feed has none
	// Updated is when the entry was last revised, zero when not given; a
	// poller compares it to see corrections of items it already has.
	Updated time.Time
}

// Parse reads a feed. base is the address the feed was read from (a URL;
// a file path is ignored) and resolves relative links; without one, the
// feed's own link is used when it is absolute.
func Parse(data []byte, base string) (f *Feed, err error) {
	// gofeed is a third-party parser of untrusted input; a panic in it
	// must not take the batch down.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parse feed: parser failure: %v", r)
		}
	}()
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, ErrNotFeed
		}
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	if gf.FeedType == "json" && !isJSONFeed(data) {
		return nil, ErrNotFeed
	}
	baseURL := absoluteURL(base)
	f = &Feed{Title: oneLine(gf.Title), Link: resolve(baseURL, gf.Link)}
	if baseURL == nil {
		baseURL = absoluteURL(f.Link)
	}
	f.Items = make([]Item, 0, len(gf.Items))
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		f.Items = append(f.Items, item(gi, baseURL))
	}
	return f, nil
}

// isJSONFeed tells a JSON Feed from other JSON, which gofeed takes for
// one: JSON article records must reach the JSON reader, not become an
// empty feed. A feed names its version or has an items array.
func isJSONFeed(data []byte) bool {
	var head struct {
		Version string          `json:"version"`
		Items   json.RawMessage `json:"items"`
	}
	if json.Unmarshal(data, &head) != nil {
		return false
	}
	v := strings.TrimPrefix(strings.TrimPrefix(head.Version, "https://"), "http://")
	return strings.HasPrefix(v, "jsonfeed.org/version/") || bytes.HasPrefix(bytes.TrimSpace(head.Items), []byte("["))
}

func item(gi *gofeed.Item, base *url.URL) Item {
	it := Item{
		Title:   oneLine(gi.Title),
		Link:    resolve(base, strings.TrimSpace(gi.Link)),
		Author:  author(gi),
		Summary: gi.Description,
		Content: gi.Content,
	}
	guid := strings.TrimSpace(gi.GUID)
	if it.Link == "" && isWebURL(guid) {
		// An RSS guid with isPermaLink (the default) is the item's
		// address.
		it.Link = guid
	}
	if gi.UpdatedParsed != nil {
		it.Updated = *gi.UpdatedParsed
	}
	it.Published = it.Updated
	if gi.PublishedParsed != nil {
		it.Published = *gi.PublishedParsed
	}
	switch {
	case guid != "":
		it.ID = guid
	case it.Link != "":
		it.ID = it.Link
	default:
		h := xxhash.New()
		h.WriteString(it.Title)
		h.WriteString("\x00")
		h.WriteString(it.Summary)
		h.WriteString("\x00")
		h.WriteString(it.Content)
		it.ID = "item-" + strconv.FormatUint(h.Sum64(), 16)
	}
	return it
}

func author(gi *gofeed.Item) string {
	var names []string
	for _, p := range gi.Authors {
		if p != nil {
			if n := oneLine(p.Name); n != "" {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 && gi.DublinCoreExt != nil {
		for _, n := range gi.DublinCoreExt.Creator {
			if n = oneLine(n); n != "" {
				names = append(names, n)
			}
		}
	}
	return strings.Join(names, ", ")
}

// absoluteURL parses s when it is an absolute http or https URL.
func absoluteURL(s string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

func isWebURL(s string) bool { return absoluteURL(s) != nil }

// resolve makes link absolute against base. A link that resolves to
// something other than http or https (javascript:, data:) is dropped; a
// relative link without a base is kept as it is.
func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme == "" {
		return link
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

// Text returns the item's text: its content, or its summary when it has
// no content, as paragraphs separated by blank lines, with feed footers
// ("The post ... appeared first on ...", "Continue reading") removed.
func (it *Item) Text() string {
	t, _ := it.text()
	return t
}

func (it *Item) text() (string, bool) {
	if t, truncated := body(it.Content); t != "" {
		return t, truncated
	}
	return body(it.Summary)
}

// minFullText is the least text an item must carry to count as the whole
// article: about 150 words, shorter than nearly any news report and longer
// than nearly any excerpt.
const minFullText = 900

// Partial reports whether the item probably carries only an excerpt of the
// article, so that its Link is worth fetching: it has little text, or its
// text ends in a truncation mark ("…", "[…]", "Continue reading").
func (it *Item) Partial() bool {
	t, truncated := it.text()
	return truncated || len(t) < minFullText
}

// Articles turns items into Articles, skipping items without text. The
// Source is source when given, else the feed title, else the feed's host.
func Articles(f *Feed, source string) []*parallax.Article {
	var out []*parallax.Article
	for i := range f.Items {
		if a := f.Article(&f.Items[i], source); a.Body != "" {
			out = append(out, a)
		}
	}
	return out
}

// Article turns one item into an Article; Body is empty when the item has
// no text (the caller may fetch Link instead). source works as in Articles.
func (f *Feed) Article(it *Item, source string) *parallax.Article {
	return &parallax.Article{
		ID:        it.ID,
		Source:    f.source(source, it),
		Title:     it.Title,
		URL:       it.Link,
		Author:    it.Author,
		Published: it.Published,
		Body:      it.Text(),
	}
}

func (f *Feed) source(given string, it *Item) string {
	if s := oneLine(given); s != "" {
		return s
	}
	if f.Title != "" {
		return f.Title
	}
	for _, link := range []string{f.Link, it.Link} {
		if absoluteURL(link) != nil {
			return parallax.SiteName(link)
		}
	}
	return "feed"
}

// Complete fills an excerpt item's article from the article read off its
// web page: the page's text replaces the excerpt, and the page's title,
// author and date fill in what the item left empty.
func Complete(a, page *parallax.Article) {
	a.Body = page.Body
	if a.Title == "" {
		a.Title = page.Title
	}
	if a.Author == "" {
		a.Author = page.Author
	}
	if a.Published.IsZero() {
		a.Published = page.Published
	}
}
