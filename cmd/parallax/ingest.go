package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/cespare/xxhash/v2"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/cluster"
	"github.com/parallax-news/parallax/reconcile"
	"github.com/parallax-news/parallax/sqlite"
)

// ingestOptions are the flags of parallax ingest.
type ingestOptions struct {
	src      sourceFlags
	db       string
	batch    int
	workers  int
	progress string
}

func newIngest() *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest SOURCE...",
		Short: "Add articles to the story store, cluster them into stories and keep each story's brief current",
		Long: `Ingest reads articles and adds them to the embedded story store. A SOURCE is
a file or directory (plain text, Markdown, HTML, JSON, JSON Lines — streamed
line by line, of any size), a WARC or WARC.gz archive (each HTML page), an
RSS, Atom or JSON feed file, "-" for stdin, or an http(s) address of a feed or
a page. Feed items that carry only an excerpt have their page fetched. Web
pages without a date of their own take the date they were fetched (for
WARC records, the crawl date) unless --published says otherwise.

Articles already in the store (same id, same normalized URL or same text) are
skipped. New articles are analyzed and clustered into stories (see parallax
cluster --help), and the brief of every story they join is rebuilt from all
of its articles: at once while the story is small, then each time it has
doubled, and at the end of the run for every story left behind.

Each batch of articles is committed in one transaction together with its
stories, briefs and the position reached in every source. An interrupted
ingest (Ctrl-C finishes the current batch; a crash loses at most the batch in
progress) continues where it stopped when run again, and re-ingesting the
same input adds nothing twice.

Web requests refuse loopback and private addresses unless --allow-private is
given, honour robots.txt, and feeds are polled with conditional requests.`,
		Example: `  parallax ingest examples/kessling-fire
  parallax ingest --db news.db crawl/CC-NEWS-20250319.warc.gz
  parallax ingest https://example.com/rss.xml
  zcat dump.jsonl.gz | parallax ingest -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runIngest(cmd, args, &o) },
	}
	o.src.register(cmd)
	cmd.Flags().StringVar(&o.db, "db", "", "story store file (default $PARALLAX_DB or the user data directory)")
	cmd.Flags().IntVar(&o.batch, "batch", 500, "articles committed per transaction")
	cmd.Flags().IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "articles analyzed in parallel")
	cmd.Flags().StringVar(&o.progress, "progress", "auto", "progress bar: auto (on a terminal), always or never")
	return cmd
}

// openStore opens the store named by --db, or the default one.
func openStore(ctx context.Context, path string) (*sqlite.DB, error) {
	if path == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	return sqlite.Open(ctx, path)
}

// ingestStats counts what an ingest did.
type ingestStats struct {
	read, added, duplicates, problems int
	touched                           map[string]bool
	bytes                             int64
}

func runIngest(cmd *cobra.Command, args []string, o *ingestOptions) error {
	if o.batch < 1 {
		return fmt.Errorf("--batch must be at least 1")
	}
	if err := checkFormat(o.progress, "auto", "always", "never"); err != nil {
		return fmt.Errorf("--progress: %w", err)
	}
	d, err := o.src.defaults()
	if err != nil {
		return err
	}
	parent := contextOrBackground(cmd.Context())
	// The first Ctrl-C stops reading and lets the batch in hand commit; a
	// second one kills the process the default way.
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	// Work on a batch already read is finished even after an interrupt.
	work := context.WithoutCancel(ctx)

	db, err := openStore(work, o.db)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	g := newIngester(db, o.workers)
	if err := g.restore(work); err != nil {
		return err
	}
	slog.Info("store opened", "path", db.Path(), "window_articles", g.restored)

	srcs, planProblems := plan(args)
	stderr := cmd.ErrOrStderr()
	prog := newProgress(stderr, totalSize(srcs), o.progress, &g.stats, start)
	report := func(p *parallax.Problem) {
		g.stats.problems++
		prog.println(fmt.Sprintf("parallax: skipped %s: %s", p.Path, p.Reason))
	}
	for i := range planProblems {
		report(&planProblems[i])
	}

	items := make(chan item, 2*o.batch)
	rd := &reader{
		d: d, flags: &o.src, stdin: cmd.InOrStdin(),
		resume: db.Checkpoint,
		emit: func(it item) error {
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		},
	}
	readDone := make(chan error, 1)
	go func() {
		readDone <- rd.run(ctx, srcs)
		close(items)
	}()

	var batch []item
	arts := 0
	flush := func() error {
		if len(batch) == 0 && len(g.pending) == 0 {
			return nil
		}
		err := g.commit(work, batch)
		batch, arts = batch[:0], 0
		prog.update()
		return err
	}
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	var runErr error
loop:
	for {
		select {
		case it, ok := <-items:
			if !ok {
				break loop
			}
			if it.problem != nil {
				report(it.problem)
			}
			g.stats.bytes += it.progress
			batch = append(batch, it)
			if it.art != nil {
				arts++
			}
			if arts >= o.batch {
				if runErr = flush(); runErr != nil {
					break loop
				}
			}
		case <-tick.C:
			// A slow source (a feed fetching pages) still commits
			// what it has every few seconds.
			if runErr = flush(); runErr != nil {
				break loop
			}
		case <-ctx.Done():
			break loop
		}
	}
	if runErr == nil {
		runErr = flush()
	}
	interrupted := ctx.Err() != nil && parent.Err() == nil
	if runErr == nil && !interrupted {
		// Stories that outgrew their briefs get them rebuilt; an
		// interrupt leaves that to the next run.
		prog.describe(fmt.Sprintf("rebuilding the briefs of %d stories", len(g.stale)))
		if err := g.refreshStale(ctx); err != nil && ctx.Err() == nil {
			runErr = err
		}
		interrupted = ctx.Err() != nil && parent.Err() == nil
	}
	if runErr == nil && !interrupted {
		// Wait for the reader only when it ran to its end: after an
		// interrupt it stops on its own.
		if err := <-readDone; err != nil && !errors.Is(err, context.Canceled) {
			runErr = err
		}
	}
	prog.finish()

	st := g.stats
	elapsed := time.Since(start)
	rate := float64(st.read) / max(elapsed.Seconds(), 1e-9)
	fmt.Fprintf(cmd.OutOrStdout(), "read %d articles: added %d, duplicates %d, problems %d, stories touched %d, in %s (%.0f articles/s)\n",
		st.read, st.added, st.duplicates, st.problems, len(st.touched), elapsed.Round(time.Millisecond), rate)
	if interrupted {
		fmt.Fprintln(stderr, "parallax: interrupted; run the same command again to continue where it stopped")
	}
	if runErr != nil {
		return runErr
	}
	if interrupted {
		return errors.New("interrupted")
	}
	if st.read == 0 && st.problems > 0 {
		return errNothingRead
	}
	return nil
}

// ingester keeps the state of one ingest run: the clusterer with the
// stories of the active window, the analyses of recent articles, and the
// keys of articles stored during the run.
type ingester struct {
	db      *sqlite.DB
	cl      *cluster.Clusterer
	fz      *cluster.Featurizer
	workers int
	docs    *docCache

	// storyOf maps the clusterer's story ids, which restart at s1 in
	// every run, to the store's story ids, which are derived from each
	// story's first article and so never collide across runs.
	storyOf map[string]string
	// hashes and urls hold the content hashes and URL keys seen this run,
	// so duplicates inside the input are dropped before clustering.
	hashes, urls map[uint64]bool
	// pending are assignments of stored articles that had none (an
	// earlier run stopped between storing them and clustering them),
	// committed with the first batch.
	pending  map[string][]*parallax.Article
	restored int
	// size and briefed count, for each story touched in this run, its
	// stored articles and the articles its stored brief covers; stale
	// holds the stories whose brief lags behind (see briefDue).
	size, briefed map[string]int
	stale         map[string]bool

	stats ingestStats
}

func newIngester(db *sqlite.DB, workers int) *ingester {
	return &ingester{
		db: db, cl: cluster.New(cluster.Config{}), fz: cluster.NewFeaturizer(),
		workers: max(workers, 1), docs: newDocCache(docCacheSize),
		storyOf: map[string]string{}, hashes: map[uint64]bool{}, urls: map[uint64]bool{},
		pending: map[string][]*parallax.Article{},
		size:    map[string]int{}, briefed: map[string]int{}, stale: map[string]bool{},
		stats: ingestStats{touched: map[string]bool{}},
	}
}

// features is what the clusterer sees of an article: its words and the
// proper names found by capitalization, not the entities of the full
// analysis (see parallax cluster --help for why).
func (g *ingester) features(a *parallax.Article) cluster.Input {
	in := g.fz.Features(a.Title, a.Body, nil)
	in.ID, in.Time = a.ID, a.Published
	return in
}

// restore rebuilds the clusterer from the articles of the active window by
// clustering them again in ingest order. The clusterer is deterministic, so
// it finds the stories they were stored in; each of its stories is mapped
// to the stored story of its latest article, so new articles join stories
// stored by earlier runs.
func (g *ingester) restore(ctx context.Context) error {
	since := g.db.Now().Add(-g.cl.Config().Window)
	arts, as, err := g.db.ActiveWindow(ctx, since)
	if err != nil {
		return err
	}
	stored := make(map[string]string, len(as))
	for _, a := range as {
		stored[a.Article] = a.Story
	}
	type orphan struct {
		a     *parallax.Article
		story string
	}
	var orphans []orphan
	for _, a := range arts {
		res := g.cl.Add(g.features(a))
		g.remember(a)
		if sid, ok := stored[a.ID]; ok {
			g.storyOf[res.Story] = sid
		} else {
			orphans = append(orphans, orphan{a, res.Story})
		}
	}
	for _, o := range orphans {
		sid := g.storeStory(o.story, o.a.ID)
		g.pending[sid] = append(g.pending[sid], o.a)
	}
	g.restored = len(arts)
	v, err := g.db.Checkpoint(ctx, staleSource)
	if err != nil {
		return err
	}
	var stale []string
	if v != "" && json.Unmarshal([]byte(v), &stale) == nil {
		for _, sid := range stale {
			g.stale[sid] = true
		}
	}
	return nil
}

// storeStory returns the store's id for a clusterer story, making one from
// the id of its first article for a new story.
func (g *ingester) storeStory(clusterStory, firstArticle string) string {
	if sid, ok := g.storyOf[clusterStory]; ok {
		return sid
	}
	sum := sha256.Sum256([]byte(firstArticle))
	sid := "s" + hex.EncodeToString(sum[:8])
	g.storyOf[clusterStory] = sid
	return sid
}

// keys returns the run-local keys of an article's text and URL (0 when it
// has no URL).
func keys(a *parallax.Article) (hash string, h, u uint64) {
	hash = sqlite.ContentHash(a.Body)
	h = xxhash.Sum64String(hash)
	if nu := sqlite.NormalizeURL(a.URL); nu != "" {
		u = xxhash.Sum64String(nu)
	}
	return hash, h, u
}

func (g *ingester) remember(a *parallax.Article) {
	_, h, u := keys(a)
	g.hashes[h] = true
	if u != 0 {
		g.urls[u] = true
	}
}

// fresh drops the articles the store already has, or that repeat one read
// earlier in this run, and returns the rest. An article whose id comes
// from its file name and clashes with a different stored article gets a
// numbered id ("name~2"), as input.Load does within one load; one whose id
// is its own is the same article as the stored one.
func (g *ingester) fresh(ctx context.Context, items []item) ([]*parallax.Article, error) {
	var out []*parallax.Article
	ids := map[string]bool{}
	for _, it := range items {
		a := it.art
		if a == nil {
			continue
		}
		g.stats.read++
		hash, h, u := keys(a)
		if g.hashes[h] || (u != 0 && g.urls[u]) {
			g.stats.duplicates++
			continue
		}
		id, dup, err := g.freeID(ctx, a.ID, hash, it.ownID, ids)
		if err != nil {
			return nil, err
		}
		if dup {
			g.stats.duplicates++
			continue
		}
		a.ID = id
		ids[id] = true
		g.hashes[h] = true
		if u != 0 {
			g.urls[u] = true
		}
		out = append(out, a)
	}
	return out, nil
}

// freeID finds the id an article is stored under: id itself when no other
// article has it, or the next free numbered form for a fallback id. dup
// reports that the store already holds this article.
func (g *ingester) freeID(ctx context.Context, id, hash string, own bool, batch map[string]bool) (string, bool, error) {
	for n := 1; ; n++ {
		cand := id
		if n > 1 {
			cand = id + "~" + strconv.Itoa(n)
		}
		if batch[cand] {
			if own {
				return "", true, nil
			}
			continue
		}
		ex, err := g.db.Article(ctx, cand)
		switch {
		case errors.Is(err, sqlite.ErrNotFound):
			return cand, false, nil
		case err != nil:
			return "", false, err
		case own || sqlite.ContentHash(ex.Body) == hash:
			return "", true, nil
		}
	}
}

// commit stores one batch: the new articles, their stories with rebuilt
// briefs and the sources' checkpoints, in one transaction.
func (g *ingester) commit(ctx context.Context, items []item) error {
	var cps []sqlite.Checkpoint
	at := map[string]int{}
	for _, it := range items {
		if it.cp.source == "" {
			continue
		}
		if i, ok := at[it.cp.source]; ok {
			cps[i].Value = it.cp.value
			continue
		}
		at[it.cp.source] = len(cps)
		cps = append(cps, sqlite.Checkpoint{Source: it.cp.source, Value: it.cp.value})
	}
	arts, err := g.fresh(ctx, items)
	if err != nil {
		return err
	}
	if err := g.analyzeAll(ctx, arts); err != nil {
		return err
	}
	// Cluster in input order: the clusterer is sequential by design.
	members := map[string][]*parallax.Article{}
	for sid, as := range g.pending {
		members[sid] = append(members[sid], as...)
	}
	for _, a := range arts {
		res := g.cl.Add(g.features(a))
		sid := g.storeStory(res.Story, a.ID)
		members[sid] = append(members[sid], a)
	}
	b := sqlite.Batch{Articles: arts, Checkpoints: cps}
	stale, err := g.stories(ctx, members, &b)
	if err != nil {
		return err
	}
	added, err := g.db.Commit(ctx, b)
	if err != nil && errors.Is(err, &sqlite.Error{Code: sqlite.EINVALID}) && len(arts) > 0 {
		// An article the store has under another id (same URL or text
		// from an earlier run) left its assignment dangling. Store the
		// articles first to learn which are new, then the rest.
		return g.commitSplit(ctx, b, members)
	}
	if err != nil {
		return err
	}
	g.done(added, b, stale)
	return nil
}

// commitSplit is commit's fallback in two transactions. A crash between
// them leaves stored articles without a story; the next run's restore
// finds them in the active window and clusters them.
func (g *ingester) commitSplit(ctx context.Context, b sqlite.Batch, members map[string][]*parallax.Article) error {
	added, err := g.db.AddArticles(ctx, b.Articles)
	if err != nil {
		return err
	}
	dup := map[string]bool{}
	for i, a := range b.Articles {
		if !added[i] {
			dup[a.ID] = true
		}
	}
	for sid, as := range members {
		members[sid] = slices.DeleteFunc(as, func(a *parallax.Article) bool { return dup[a.ID] })
		if len(members[sid]) == 0 {
			delete(members, sid)
		}
	}
	rest := sqlite.Batch{Checkpoints: b.Checkpoints}
	stale, err := g.stories(ctx, members, &rest)
	if err != nil {
		return err
	}
	if _, err := g.db.Commit(ctx, rest); err != nil {
		return err
	}
	g.done(added, rest, stale)
	return nil
}

// done records a committed batch.
func (g *ingester) done(added []bool, b sqlite.Batch, stale map[string]bool) {
	for _, ok := range added {
		if ok {
			g.stats.added++
		} else {
			g.stats.duplicates++
		}
	}
	for _, a := range b.Assignments {
		g.size[a.Story]++
		g.stats.touched[a.Story] = true
	}
	for _, s := range b.Stories {
		if s.Brief != nil {
			g.briefed[s.Story.ID] = len(s.Brief.Articles)
		}
	}
	g.stale = stale
	clear(g.pending)
}

// Briefs are rebuilt as a story grows, not at every article: reconciling
// a story costs about the square of its size (400 articles take over a
// second), so rebuilding a large story for every batch it gains an article
// in would dominate an ingest. A story's brief is rebuilt in the batch that
// touches it while the story is small, and after that whenever the story
// has doubled since its last brief, which keeps the total cost within
// about a third more than one final brief. Stories left behind are "stale": the
// set is saved with every batch and their briefs are rebuilt at the end of
// the run (or of the next run, after an interrupt), and parallax story
// rebuilds a stale brief on the fly.
const (
	smallStory  = 4
	staleSource = "ingest:stale-briefs"
)

// briefDue reports whether a story of n articles whose last brief covered
// briefed of them gets a new brief now.
func briefDue(n, briefed int) bool {
	return briefed == 0 || n <= smallStory || n >= 2*briefed
}

// stories adds to b the assignments of members (story id → articles
// joining it) and the stories whose briefs are rebuilt now, with the
// stale set that results. Briefs are built in parallel.
func (g *ingester) stories(ctx context.Context, members map[string][]*parallax.Article, b *sqlite.Batch) (map[string]bool, error) {
	ids := make([]string, 0, len(members))
	for sid := range members {
		ids = append(ids, sid)
	}
	slices.Sort(ids)
	stale := maps.Clone(g.stale)
	var rebuild []string
	for _, sid := range ids {
		for _, a := range members[sid] {
			b.Assignments = append(b.Assignments, parallax.Assignment{Article: a.ID, Story: sid})
		}
		if err := g.loadStory(ctx, sid); err != nil {
			return nil, err
		}
		if briefDue(g.size[sid]+len(members[sid]), g.briefed[sid]) {
			rebuild = append(rebuild, sid)
			delete(stale, sid)
		} else {
			stale[sid] = true
		}
	}
	ups, err := g.briefs(ctx, rebuild, members)
	if err != nil {
		return nil, err
	}
	b.Stories = append(b.Stories, ups...)
	if !maps.Equal(stale, g.stale) {
		b.Checkpoints = append(b.Checkpoints, staleCheckpoint(stale))
	}
	return stale, nil
}

func staleCheckpoint(stale map[string]bool) sqlite.Checkpoint {
	ids := slices.Sorted(maps.Keys(stale))
	if ids == nil {
		ids = []string{}
	}
	return sqlite.Checkpoint{Source: staleSource, Value: marshal(ids)}
}

// loadStory learns, on a story's first touch in this run, how many
// articles it has and how many its stored brief covers.
func (g *ingester) loadStory(ctx context.Context, sid string) error {
	if _, ok := g.size[sid]; ok {
		return nil
	}
	st, brief, err := g.db.Story(ctx, sid)
	switch {
	case errors.Is(err, sqlite.ErrNotFound):
		g.size[sid], g.briefed[sid] = 0, 0
		return nil
	case err != nil:
		return err
	}
	g.size[sid] = len(st.Articles)
	g.briefed[sid] = 0
	if brief != nil {
		g.briefed[sid] = len(brief.Articles)
	}
	return nil
}

// briefs builds the briefs of stories in parallel.
func (g *ingester) briefs(ctx context.Context, ids []string, extra map[string][]*parallax.Article) ([]sqlite.StoryUpdate, error) {
	ups := make([]sqlite.StoryUpdate, len(ids))
	eg, ctx := errgroup.WithContext(ctx)
	eg.SetLimit(g.workers)
	for i, sid := range ids {
		eg.Go(func() error {
			var err error
			ups[i], err = g.brief(ctx, sid, extra[sid])
			return err
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, err
	}
	return ups, nil
}

// brief builds a story's brief from its stored articles and the ones
// joining it (extra), analyzed from the cache when possible.
func (g *ingester) brief(ctx context.Context, sid string, extra []*parallax.Article) (sqlite.StoryUpdate, error) {
	stored, err := g.db.StoryArticles(ctx, sid)
	if err != nil && !errors.Is(err, sqlite.ErrNotFound) {
		return sqlite.StoryUpdate{}, err
	}
	all := append(stored, extra...)
	docs := make([]*parallax.Document, len(all))
	for j, a := range all {
		if docs[j] = g.docs.get(a.ID); docs[j] == nil {
			docs[j] = analyze.Article(a)
			g.docs.put(a.ID, docs[j])
		}
	}
	analyze.Story(docs)
	return sqlite.StoryUpdate{Story: parallax.Story{ID: sid}, Brief: reconcile.Brief(docs)}, nil
}

// refreshStale rebuilds the briefs of the stale stories. Briefs are built
// on every worker while finished ones are committed, a few stories per
// transaction, each with the stale set that remains.
func (g *ingester) refreshStale(ctx context.Context) error {
	ids := slices.Sorted(maps.Keys(g.stale))
	if len(ids) == 0 {
		return nil
	}
	slog.Info("rebuilding the briefs of stories that grew", "stories", len(ids))
	start := time.Now()
	defer func() { slog.Info("briefs rebuilt", "elapsed", time.Since(start)) }()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	built := make(chan sqlite.StoryUpdate)
	var eg errgroup.Group
	eg.Go(func() error {
		defer close(built)
		var workers errgroup.Group
		workers.SetLimit(g.workers)
		for _, sid := range ids {
			workers.Go(func() error {
				up, err := g.brief(ctx, sid, nil)
				if err != nil {
					return err
				}
				select {
				case built <- up:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
		}
		return workers.Wait()
	})
	const per = 32
	var ups []sqlite.StoryUpdate
	commit := func() error {
		stale := maps.Clone(g.stale)
		for _, up := range ups {
			delete(stale, up.Story.ID)
		}
		b := sqlite.Batch{Stories: ups, Checkpoints: []sqlite.Checkpoint{staleCheckpoint(stale)}}
		if _, err := g.db.Commit(context.WithoutCancel(ctx), b); err != nil {
			return err
		}
		g.done(nil, b, stale)
		ups = nil
		return nil
	}
	var err error
	for up := range built {
		if err != nil {
			continue // drain after a failed commit
		}
		ups = append(ups, up)
		if len(ups) >= per {
			if err = commit(); err != nil {
				cancel()
			}
		}
	}
	if werr := eg.Wait(); err == nil {
		err = werr
	}
	if len(ups) > 0 && (err == nil || errors.Is(err, context.Canceled)) {
		// Briefs built before an interrupt are kept.
		if cerr := commit(); err == nil {
			err = cerr
		}
	}
	return err
}

// analyzeAll analyzes articles in parallel into the cache.
func (g *ingester) analyzeAll(ctx context.Context, arts []*parallax.Article) error {
	eg, ctx := errgroup.WithContext(ctx)
	eg.SetLimit(g.workers)
	for _, a := range arts {
		eg.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			g.docs.put(a.ID, analyze.Article(a))
			return nil
		})
	}
	return eg.Wait()
}

// docCacheSize bounds the analyses kept between batches, at a few tens of
// KB each: rebuilding a long-lived story's brief re-analyzes its articles
// that fell out of the cache.
const docCacheSize = 8192

// docCache keeps recent analyses by article id, evicting the oldest first.
// A story's articles are mostly recent, so first-in first-out serves it
// about as well as LRU at less cost.
type docCache struct {
	mu    sync.Mutex
	m     map[string]*parallax.Document
	order []string
	next  int
}

func newDocCache(n int) *docCache {
	return &docCache{m: make(map[string]*parallax.Document, n), order: make([]string, 0, n)}
}

func (c *docCache) get(id string) *parallax.Document {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[id]
}

func (c *docCache) put(id string, d *parallax.Document) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[id]; ok {
		c.m[id] = d
		return
	}
	if len(c.order) < cap(c.order) {
		c.order = append(c.order, id)
	} else {
		delete(c.m, c.order[c.next])
		c.order[c.next] = id
		c.next = (c.next + 1) % len(c.order)
	}
	c.m[id] = d
}

// progress shows how an ingest goes: a bar on a terminal, log lines
// otherwise.
type progress struct {
	bar   *progressbar.ProgressBar
	w     io.Writer
	st    *ingestStats
	start time.Time
	last  time.Time
}

// logEvery is how often progress is logged when stderr is no terminal.
const logEvery = 10 * time.Second

func newProgress(w io.Writer, total int64, mode string, st *ingestStats, start time.Time) *progress {
	p := &progress{w: w, st: st, start: start, last: start}
	if mode == "never" || (mode == "auto" && !isTerminal(w)) {
		return p
	}
	max := total
	if max <= 0 {
		max = -1 // a spinner
	}
	p.bar = progressbar.NewOptions64(max,
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionClearOnFinish(),
	)
	return p
}

func (p *progress) rate() float64 {
	return float64(p.st.read) / max(time.Since(p.start).Seconds(), 1e-9)
}

// update shows the counts after a batch.
func (p *progress) update() {
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("%d articles, %.0f/s", p.st.read, p.rate()))
		p.bar.Set64(p.st.bytes)
		return
	}
	if time.Since(p.last) >= logEvery {
		p.last = time.Now()
		slog.Info("ingest", "read", p.st.read, "added", p.st.added, "duplicates", p.st.duplicates,
			"problems", p.st.problems, "articles_per_s", int(p.rate()))
	}
}

// describe says what the run is doing when it is not reading.
func (p *progress) describe(s string) {
	if p.bar != nil {
		p.bar.Describe(s)
	}
}

// println writes a line without breaking the bar.
func (p *progress) println(s string) {
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintln(p.w, s)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
