package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/net/html/charset"
	"golang.org/x/sync/errgroup"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/feed"
	"github.com/parallax-news/parallax/fetch"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/warc"
)

// sourceFlags are the flags of commands that read articles from files,
// WARC archives and the web (ingest, cluster).
type sourceFlags struct {
	source       string
	published    string
	allowPrivate bool
	userAgent    string
	timeout      time.Duration
}

func (f *sourceFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.source, "source", "", "outlet name for inputs that do not say (default: the file name or web host)")
	cmd.Flags().StringVar(&f.published, "published", "", "publication date for inputs that do not say (e.g. 2025-03-19)")
	cmd.Flags().BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching from loopback and private network addresses")
	cmd.Flags().StringVar(&f.userAgent, "user-agent", fetch.UserAgent(version), "User-Agent sent with web requests")
	cmd.Flags().DurationVar(&f.timeout, "timeout", fetch.DefaultTimeout, "time limit for each web request")
}

func (f *sourceFlags) defaults() (input.Defaults, error) {
	d := input.Defaults{Source: f.source}
	if f.published != "" {
		t, err := input.ParseTime(f.published)
		if err != nil {
			return d, fmt.Errorf("--published %q: %w", f.published, err)
		}
		d.Published = t
	}
	return d, nil
}

func (f *sourceFlags) client() *fetch.Client {
	return fetch.New(fetch.Options{UserAgent: f.userAgent, Timeout: f.timeout, AllowPrivate: f.allowPrivate})
}

// item is one thing read from a source: an article, a problem, or neither
// when it only moves the source's checkpoint.
type item struct {
	art *parallax.Article
	// ownID reports that art.ID came from the source (a record id, a feed
	// guid, a URL) rather than from a file name.
	ownID   bool
	problem *parallax.Problem
	// cp, when cp.Source is set, is the source's resume point once this
	// item and those before it are stored.
	cp checkpoint
	// progress is how many bytes of the inputs this item accounts for.
	progress int64
}

// checkpoint is a resume point: sqlite.Checkpoint without the dependency.
type checkpoint struct{ source, value string }

// reader reads the sources named on a command line and emits their items in
// order.
type reader struct {
	d      input.Defaults
	flags  *sourceFlags
	client *fetch.Client // made on first use
	stdin  io.Reader
	// resume returns a source's saved checkpoint, "" for none. nil when
	// nothing is resumed (parallax cluster).
	resume func(ctx context.Context, source string) (string, error)
	emit   func(item) error
}

// source is one input: a file, an archive, a web address or stdin.
type source struct {
	kind string // "file", "warc", "feedfile", "url", "stdin"
	path string // file path or URL
	size int64  // bytes, -1 when unknown
}

// plan lists the sources of args in order, with the problems of arguments
// that cannot be used. Directories are walked like input.Load walks them,
// with WARC archives included.
func plan(args []string) ([]source, []parallax.Problem) {
	var out []source
	var problems []parallax.Problem
	for _, a := range args {
		if isURL(a) {
			out = append(out, source{kind: "url", path: a, size: -1})
			continue
		}
		files, ps := input.Files([]string{a}, ".warc", ".warc.gz")
		problems = append(problems, ps...)
		for _, f := range files {
			if f == "-" {
				out = append(out, source{kind: "stdin", path: f, size: -1})
				continue
			}
			out = append(out, classify(f))
		}
	}
	return out, problems
}

func contextOrBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// classify tells WARC archives and feed files from article files by name
// and by their first bytes.
func classify(path string) source {
	s := source{kind: "file", path: path, size: -1}
	if info, err := os.Stat(path); err == nil {
		s.size = info.Size()
	}
	lower := strings.ToLower(path)
	if strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz") {
		s.kind = "warc"
		return s
	}
	f, err := os.Open(path)
	if err != nil {
		return s // input reports it
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		s.kind = "warc"
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		// A gzip file is a WARC archive only if it holds one; anything
		// else is left to input, which reports it as binary.
		if _, err := f.Seek(0, io.SeekStart); err == nil {
			if _, err := warc.NewReader(f); err == nil {
				s.kind = "warc"
			}
		}
	case looksLikeFeed("", head):
		s.kind = "feedfile"
	}
	return s
}

// looksLikeFeed reports whether a response or file holds RSS, Atom or a
// JSON Feed, from its Content-Type when it says and its first bytes.
func looksLikeFeed(contentType string, head []byte) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "feed+json") {
		return true
	}
	if strings.Contains(ct, "html") {
		return false
	}
	s := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
	for {
		var end []byte
		switch {
		case bytes.HasPrefix(s, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(s, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(s, []byte("<!")):
			end = []byte(">")
		}
		if end == nil {
			break
		}
		i := bytes.Index(s, end)
		if i < 0 {
			return false
		}
		s = bytes.TrimLeft(s[i+len(end):], " \t\r\n")
	}
	lower := bytes.ToLower(s[:min(len(s), 16)])
	for _, p := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	return bytes.HasPrefix(s, []byte("{")) && bytes.Contains(head, []byte("jsonfeed.org/version"))
}

// totalSize is the bytes of all sources, or -1 when some size is unknown.
func totalSize(srcs []source) int64 {
	var n int64
	for _, s := range srcs {
		if s.size < 0 {
			return -1
		}
		n += s.size
	}
	return n
}

// run reads every source in order. It stops at the first error of emit or
// of ctx; a source that cannot be read is a problem, not an error.
func (r *reader) run(ctx context.Context, srcs []source) error {
	for _, s := range srcs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch s.kind {
		case "stdin":
			err = input.StreamReader(s.path, r.stdin, r.d, func(rec input.Record) error {
				return r.emit(recordItem(rec, checkpoint{}, 0))
			})
		case "file":
			err = r.file(ctx, s)
		case "warc":
			err = r.warc(ctx, s)
		case "feedfile":
			err = r.feedFile(ctx, s)
		case "url":
			err = r.url(ctx, s)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func recordItem(rec input.Record, cp checkpoint, progress int64) item {
	return item{art: rec.Article, ownID: rec.OwnID, problem: rec.Problem, cp: cp, progress: progress}
}

// checkpointKey names a file source in the store's checkpoints: by its
// absolute path, so that the same file given another way resumes too.
func checkpointKey(kind, path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return kind + ":" + path
}

// load returns the saved checkpoint of key decoded into v; false when there
// is none.
func (r *reader) load(ctx context.Context, key string, v any) (bool, error) {
	if r.resume == nil {
		return false, nil
	}
	s, err := r.resume(ctx, key)
	if err != nil || s == "" {
		return false, err
	}
	// A checkpoint that does not decode is ignored: the source is read
	// again and the store drops what it already has.
	return json.Unmarshal([]byte(s), v) == nil, nil
}

func marshal(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// file streams an article file, resuming at its saved position.
func (r *reader) file(ctx context.Context, s source) error {
	key := checkpointKey("file", s.path)
	var from input.Position
	if _, err := r.load(ctx, key, &from); err != nil {
		return err
	}
	last := from.Offset
	if last > s.size && s.size >= 0 {
		last = 0 // input starts a replaced file over
	}
	return input.StreamFile(s.path, from, r.d, func(rec input.Record) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		progress := max(rec.After.Offset-last, 0)
		last = max(last, rec.After.Offset)
		return r.emit(recordItem(rec, checkpoint{key, marshal(rec.After)}, progress))
	})
}

// warcPosition is the checkpoint of a WARC archive: the pages handed out
// so far, and the archive's size to notice a replaced file.
type warcPosition struct {
	Pages int   `json:"pages"`
	Size  int64 `json:"size"`
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// warc reads the HTML pages of a WARC or WARC.gz archive, resuming after the
// pages already handed out (they are decoded again but not extracted).
func (r *reader) warc(ctx context.Context, s source) error {
	key := checkpointKey("warc", s.path)
	var from warcPosition
	if _, err := r.load(ctx, key, &from); err != nil {
		return err
	}
	if from.Size != s.size {
		from = warcPosition{}
	}
	f, err := os.Open(s.path)
	if err != nil {
		return r.emit(item{problem: &parallax.Problem{Path: s.path, Reason: err.Error()}})
	}
	defer f.Close()
	cr := &countingReader{r: bufio.NewReaderSize(f, 1<<16)}
	var reported int64
	progress := func() int64 {
		p := cr.n - reported
		reported = cr.n
		return p
	}
	n := 0
	err = warc.Pages(cr, 0, func(p *warc.Page, perr error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		n++
		if n <= from.Pages {
			return nil
		}
		cp := checkpoint{key, marshal(warcPosition{Pages: n, Size: s.size})}
		if perr != nil {
			return r.emit(item{problem: &parallax.Problem{Path: s.path, Reason: perr.Error()}, cp: cp, progress: progress()})
		}
		a, err := r.page(p.URL, p.ContentType, p.Charset, p.Body, p.Date)
		if err != nil {
			return r.emit(item{problem: &parallax.Problem{Path: s.path, Reason: fmt.Sprintf("record %d (%s): %s", n, p.URL, err)}, cp: cp, progress: progress()})
		}
		if a.ID == "" {
			a.ID = strings.Trim(p.RecordID, "<>")
		}
		return r.emit(item{art: a, ownID: true, cp: cp, progress: progress()})
	})
	switch {
	case err == nil:
		// The end of the archive: account for the bytes after the last
		// page, and make sure a finished archive has a checkpoint.
		return r.emit(item{cp: checkpoint{key, marshal(warcPosition{Pages: n, Size: s.size})}, progress: max(s.size-cr.n, 0) + progress()})
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return err
	default:
		var we *warc.Error
		if errors.As(err, &we) || errors.Is(err, warc.ErrNotWARC) {
			return r.emit(item{problem: &parallax.Problem{Path: s.path, Reason: err.Error()}})
		}
		return err
	}
}

// page reads one fetched or archived web page into an article, with the
// address, the fetch date as the fallback publication date and the host as
// the fallback source. The page's own metadata wins over both.
func (r *reader) page(pageURL, contentType, cs string, body []byte, fetched time.Time) (*parallax.Article, error) {
	if cs != "" && cs != "utf-8" && cs != "utf8" {
		// The HTTP header's charset: input only sees <meta charset>.
		if enc, _ := charset.Lookup(cs); enc != nil {
			if b, err := enc.NewDecoder().Bytes(body); err == nil {
				body = b
			}
		}
	}
	d := r.d
	if d.Source == "" {
		d.Source = parallax.SiteName(pageURL)
	}
	if d.Published.IsZero() {
		d.Published = fetched
	}
	var arts []*parallax.Article
	var err error
	if contentType == "" || strings.Contains(contentType, "html") {
		arts, err = input.ReadHTML(pageURL, body, d)
	} else {
		arts, err = input.Read(pageURL, body, d)
	}
	if err != nil && len(arts) == 0 {
		var list input.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			return nil, errors.New(list[0].Reason)
		}
		return nil, err
	}
	if len(arts) == 0 {
		return nil, errors.New("no article text")
	}
	a := arts[0]
	a.Path = ""
	if a.URL == "" {
		a.URL = pageURL
	}
	a.ID = pageURL
	return a, nil
}

func (r *reader) fetcher() *fetch.Client {
	if r.client == nil {
		r.client = r.flags.client()
	}
	return r.client
}

// urlValidators is the checkpoint of a web address: the validators for a
// conditional request next time.
type urlValidators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// url fetches a feed or a page. A feed whose validators say it has not
// changed since the last ingest is not read again.
func (r *reader) url(ctx context.Context, s source) error {
	key := "url:" + s.path
	var v urlValidators
	ok, err := r.load(ctx, key, &v)
	if err != nil {
		return err
	}
	var cond *fetch.Conditional
	if ok && (v.ETag != "" || v.LastModified != "") {
		cond = &fetch.Conditional{ETag: v.ETag, LastModified: v.LastModified}
	}
	resp, err := r.fetcher().Get(ctx, s.path, cond)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return r.emit(item{problem: &parallax.Problem{Path: s.path, Reason: fetchReason(err)}})
	}
	if resp.NotModified {
		return nil
	}
	cp := checkpoint{key, marshal(urlValidators{ETag: resp.ETag, LastModified: resp.LastModified})}
	ct := resp.Header.Get("Content-Type")
	if looksLikeFeed(ct, resp.Body[:min(len(resp.Body), 4096)]) {
		return r.feed(ctx, s.path, resp.Body, resp.URL, cp)
	}
	mt, cs := mediaType(ct)
	a, err := r.page(resp.URL, mt, cs, resp.Body, time.Time{})
	if err != nil {
		return r.emit(item{problem: &parallax.Problem{Path: s.path, Reason: err.Error()}, cp: cp})
	}
	return r.emit(item{art: a, ownID: true, cp: cp})
}

// fetchReason says why a fetch failed, with the way out for a refused
// private address.
func fetchReason(err error) string {
	if errors.Is(err, fetch.ErrPrivateAddress) {
		return err.Error() + " (use --allow-private to fetch from local or private networks)"
	}
	return err.Error()
}

// mediaType splits a Content-Type into its lower-case media type and
// charset.
func mediaType(ct string) (string, string) {
	mt, params, _ := strings.Cut(ct, ";")
	cs := ""
	for _, p := range strings.Split(params, ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(k, "charset") {
			cs = strings.ToLower(strings.Trim(v, `"' `))
		}
	}
	return strings.ToLower(strings.TrimSpace(mt)), cs
}

// feedFile reads a feed saved on disk; it is read whole, like any
// non-streamed file.
func (r *reader) feedFile(ctx context.Context, s source) error {
	key := checkpointKey("file", s.path)
	var from input.Position
	if _, err := r.load(ctx, key, &from); err != nil {
		return err
	}
	if from.Offset > 0 && from.Offset == s.size {
		return nil
	}
	data, err := readLimited(s.path, fetch.DefaultMaxBytes)
	if err != nil {
		return r.emit(item{problem: &parallax.Problem{Path: s.path, Reason: err.Error()}})
	}
	end := input.Position{Offset: s.size}
	return r.feed(ctx, s.path, data, "", checkpoint{key, marshal(end)})
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("feed larger than %d MB", limit>>20)
	}
	return data, nil
}

// feedWorkers bounds the item pages fetched at once from one feed.
const feedWorkers = 4

// feed turns a feed's items into articles. An item that carries only an
// excerpt has its page fetched and read; the feed's metadata (id, title,
// link, date, author, outlet) is kept, the page supplies the text. When the
// page cannot be had, the excerpt is kept and the failure reported. cp is
// the feed's checkpoint, carried by its last item.
func (r *reader) feed(ctx context.Context, name string, data []byte, base string, cp checkpoint) error {
	f, err := feed.Parse(data, base)
	if err != nil {
		return r.emit(item{problem: &parallax.Problem{Path: name, Reason: err.Error()}, cp: cp})
	}
	out := make([][]item, len(f.Items))
	r.fetcher() // made before the workers share it
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(feedWorkers)
	for i := range f.Items {
		it := &f.Items[i]
		g.Go(func() error {
			out[i] = r.feedItem(gctx, name, f, it)
			return nil
		})
	}
	g.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	var items []item
	for _, o := range out {
		items = append(items, o...)
	}
	if len(items) == 0 {
		items = append(items, item{})
	}
	items[len(items)-1].cp = cp
	for _, it := range items {
		if err := r.emit(it); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) feedItem(ctx context.Context, name string, f *feed.Feed, it *feed.Item) []item {
	a := f.Article(it, r.d.Source)
	if a.Published.IsZero() {
		a.Published = r.d.Published
	}
	if a.ID == "" {
		a.ID = it.Link
	}
	if !it.Partial() && strings.TrimSpace(a.Body) != "" {
		return []item{{art: a, ownID: true}}
	}
	var failed *parallax.Problem
	if it.Link == "" || !isURL(it.Link) {
		failed = &parallax.Problem{Path: name, Reason: fmt.Sprintf("item %q has only an excerpt and no web link", it.ID)}
	} else if resp, err := r.fetcher().Get(ctx, it.Link, nil); err != nil {
		failed = &parallax.Problem{Path: it.Link, Reason: "fetch item page: " + fetchReason(err)}
	} else {
		mt, cs := mediaType(resp.Header.Get("Content-Type"))
		p, err := r.page(resp.URL, mt, cs, resp.Body, time.Time{})
		if err != nil {
			failed = &parallax.Problem{Path: it.Link, Reason: "read item page: " + err.Error()}
		} else {
			feed.Complete(a, p)
			return []item{{art: a, ownID: true}}
		}
	}
	if strings.TrimSpace(a.Body) == "" {
		return []item{{problem: failed}}
	}
	failed.Reason += "; kept the feed's excerpt"
	return []item{{problem: failed}, {art: a, ownID: true}}
}
