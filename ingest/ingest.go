// Package ingest is the ingest pipeline: it takes articles from any source,
// drops those the store already has, analyzes the rest, clusters them into
// stories online and keeps each story's brief current, committing every
// batch in one store transaction with the sources' resume points. The
// command line (parallax ingest), the HTTP API and the feed poller all feed
// stores through it.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"maps"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/cespare/xxhash/v2"
	"golang.org/x/sync/errgroup"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/cluster"
	"github.com/parallax-news/parallax/reconcile"
)

// Item is one thing read from a source: an article, or none when it only
// moves the source's checkpoint.
type Item struct {
	Article *parallax.Article
	// OwnID reports that Article.ID came from the source (a record id, a
	// feed guid, a URL) rather than from a file name: a stored article
	// with that id is the same article.
	OwnID bool
	// Checkpoint, when its Source is set, is the source's resume point
	// once this item and those before it are stored.
	Checkpoint parallax.Checkpoint
}

var _ parallax.Ingester = (*Pipeline)(nil)

// Ingest commits articles as one batch (each keeps its own id) and then
// rebuilds the briefs of the stories it touched that the batch left stale,
// so that each has a current brief when it returns. Other stale stories
// wait for RefreshStale. A duplicate's Story is the story of
// the stored article with the same id, when there is one.
func (g *Pipeline) Ingest(ctx context.Context, arts []*parallax.Article) ([]parallax.Ingested, error) {
	items := make([]Item, len(arts))
	for i, a := range arts {
		if a == nil || a.ID == "" {
			return nil, parallax.Errorf(parallax.EINVALID, "ingest: article %d has no id", i)
		}
		items[i] = Item{Article: a, OwnID: true}
	}
	res, err := g.Commit(ctx, items)
	if err != nil {
		return nil, err
	}
	touched := make([]string, 0, len(res))
	for _, r := range res {
		if r.Story != "" {
			touched = append(touched, r.Story)
		}
	}
	if err := g.RefreshStories(ctx, touched); err != nil {
		return res, err
	}
	for i := range res {
		if res[i].Duplicate && res[i].Story == "" {
			if sid, err := g.db.StoryOf(ctx, res[i].Article); err == nil {
				res[i].Story = sid
			}
		}
	}
	return res, nil
}

// Pipeline ingests articles into a store: it keeps the clusterer with the
// stories of the active window, the analyses of recent articles and the keys
// of articles stored while it runs. Its methods may be called from several
// goroutines; batches are committed one at a time, in call order.
type Pipeline struct {
	mu      sync.Mutex
	db      parallax.Store
	cl      *cluster.Clusterer
	fz      *cluster.Featurizer
	workers int
	docs    *docCache
	// Now returns the current time; tests replace it.
	Now func() time.Time

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

	stats Stats
}

// Stats counts what a Pipeline did.
type Stats struct {
	Read       int // articles handed in
	Added      int // articles stored
	Duplicates int // articles the store or the run already had
	// Touched is the set of stories that gained articles or briefs.
	Touched map[string]bool
}

// New returns a pipeline over store that analyzes and briefs with up to
// workers goroutines. Call Restore before the first batch so new articles
// join the stories stored by earlier runs.
func New(store parallax.Store, workers int) *Pipeline {
	return &Pipeline{
		db: store, cl: cluster.New(cluster.Config{}), fz: cluster.NewFeaturizer(),
		workers: max(workers, 1), docs: newDocCache(docCacheSize), Now: time.Now,
		storyOf: map[string]string{}, hashes: map[uint64]bool{}, urls: map[uint64]bool{},
		pending: map[string][]*parallax.Article{},
		size:    map[string]int{}, briefed: map[string]int{}, stale: map[string]bool{},
		stats: Stats{Touched: map[string]bool{}},
	}
}

func (g *Pipeline) now() time.Time { return g.Now() }

// Stats returns a copy of the counts so far.
func (g *Pipeline) Stats() Stats {
	g.mu.Lock()
	defer g.mu.Unlock()
	s := g.stats
	s.Touched = maps.Clone(g.stats.Touched)
	return s
}

// Restored is how many articles of the active window Restore re-clustered.
func (g *Pipeline) Restored() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.restored
}

// Stale is how many stories have a brief that lags behind their articles.
func (g *Pipeline) Stale() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.stale)
}

// Pending reports whether stored articles without a story wait to be
// committed with the next batch (Commit with no items flushes them).
func (g *Pipeline) Pending() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.pending) > 0
}

// features is what the clusterer sees of an article: its words and the
// proper names found by capitalization, not the entities of the full
// analysis (see parallax cluster --help for why).
func (g *Pipeline) features(a *parallax.Article) cluster.Input {
	in := g.fz.Features(a.Title, a.Body, nil)
	in.ID, in.Time = a.ID, a.Published
	return in
}

// restore rebuilds the clusterer from the articles of the active window by
// clustering them again in ingest order. The clusterer is deterministic, so
// it finds the stories they were stored in; each of its stories is mapped
// to the stored story of its latest article, so new articles join stories
// stored by earlier runs.
func (g *Pipeline) Restore(ctx context.Context) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	since := g.now().Add(-g.cl.Config().Window)
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
func (g *Pipeline) storeStory(clusterStory, firstArticle string) string {
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
	hash = parallax.ContentHash(a.Body)
	h = xxhash.Sum64String(hash)
	if nu := parallax.NormalizeURL(a.URL); nu != "" {
		u = xxhash.Sum64String(nu)
	}
	return hash, h, u
}

func (g *Pipeline) remember(a *parallax.Article) {
	_, h, u := keys(a)
	g.hashes[h] = true
	if u != 0 {
		g.urls[u] = true
	}
}

// fresh drops the articles the store already has, or that repeat one read
// earlier in this run, and returns the rest, with res filled for every
// article item and slot[i] the index in res of the i-th returned article.
// An article whose id comes from its file name and clashes with a different
// stored article gets a numbered id ("name~2"), as input.Load does within
// one load; one whose id is its own is the same article as the stored one.
func (g *Pipeline) fresh(ctx context.Context, items []Item) (out []*parallax.Article, res []parallax.Ingested, slot []int, err error) {
	ids := map[string]bool{}
	for _, it := range items {
		a := it.Article
		if a == nil {
			continue
		}
		g.stats.Read++
		r := len(res)
		res = append(res, parallax.Ingested{Article: a.ID})
		hash, h, u := keys(a)
		if g.hashes[h] || (u != 0 && g.urls[u]) {
			g.stats.Duplicates++
			res[r].Duplicate = true
			continue
		}
		id, dup, err := g.freeID(ctx, a.ID, hash, it.OwnID, ids)
		if err != nil {
			return nil, nil, nil, err
		}
		if dup {
			g.stats.Duplicates++
			res[r].Duplicate = true
			continue
		}
		a.ID = id
		res[r].Article = id
		ids[id] = true
		g.hashes[h] = true
		if u != 0 {
			g.urls[u] = true
		}
		out = append(out, a)
		slot = append(slot, r)
	}
	return out, res, slot, nil
}

// freeID finds the id an article is stored under: id itself when no other
// article has it, or the next free numbered form for a fallback id. dup
// reports that the store already holds this article.
func (g *Pipeline) freeID(ctx context.Context, id, hash string, own bool, batch map[string]bool) (string, bool, error) {
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
		case errors.Is(err, parallax.ErrNotFound):
			return cand, false, nil
		case err != nil:
			return "", false, err
		case own || parallax.ContentHash(ex.Body) == hash:
			return "", true, nil
		}
	}
}

// Commit stores one batch: the new articles, their stories with rebuilt
// briefs and the sources' checkpoints, in one transaction. It returns what
// became of each item that carries an article, in order.
func (g *Pipeline) Commit(ctx context.Context, items []Item) ([]parallax.Ingested, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var cps []parallax.Checkpoint
	at := map[string]int{}
	for _, it := range items {
		if it.Checkpoint.Source == "" {
			continue
		}
		if i, ok := at[it.Checkpoint.Source]; ok {
			cps[i].Value = it.Checkpoint.Value
			continue
		}
		at[it.Checkpoint.Source] = len(cps)
		cps = append(cps, it.Checkpoint)
	}
	arts, res, slot, err := g.fresh(ctx, items)
	if err != nil {
		return nil, err
	}
	if err := g.analyzeAll(ctx, arts); err != nil {
		return nil, err
	}
	// Cluster in input order: the clusterer is sequential by design.
	members := map[string][]*parallax.Article{}
	for sid, as := range g.pending {
		members[sid] = append(members[sid], as...)
	}
	for i, a := range arts {
		r := g.cl.Add(g.features(a))
		sid := g.storeStory(r.Story, a.ID)
		members[sid] = append(members[sid], a)
		res[slot[i]].Story = sid
	}
	b := parallax.Batch{Articles: arts, Checkpoints: cps}
	stale, err := g.stories(ctx, members, &b)
	if err != nil {
		return nil, err
	}
	added, err := g.db.Commit(ctx, b)
	if err != nil && errors.Is(err, parallax.ErrInvalid) && len(arts) > 0 {
		// An article the store has under another id (same URL or text
		// from an earlier run) left its assignment dangling. Store the
		// articles first to learn which are new, then the rest.
		added, err = g.commitSplit(ctx, b, members)
	} else if err == nil {
		g.done(added, b, stale)
	}
	if err != nil {
		return nil, err
	}
	for i, ok := range added {
		if !ok {
			res[slot[i]].Duplicate = true
			res[slot[i]].Story = ""
		}
	}
	return res, nil
}

// commitSplit is commit's fallback in two transactions. A crash between
// them leaves stored articles without a story; the next run's restore
// finds them in the active window and clusters them.
func (g *Pipeline) commitSplit(ctx context.Context, b parallax.Batch, members map[string][]*parallax.Article) ([]bool, error) {
	added, err := g.db.Commit(ctx, parallax.Batch{Articles: b.Articles})
	if err != nil {
		return nil, err
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
	rest := parallax.Batch{Checkpoints: b.Checkpoints}
	stale, err := g.stories(ctx, members, &rest)
	if err != nil {
		return nil, err
	}
	if _, err := g.db.Commit(ctx, rest); err != nil {
		return nil, err
	}
	g.done(added, rest, stale)
	return added, nil
}

// done records a committed batch.
func (g *Pipeline) done(added []bool, b parallax.Batch, stale map[string]bool) {
	for _, ok := range added {
		if ok {
			g.stats.Added++
		} else {
			g.stats.Duplicates++
		}
	}
	for _, a := range b.Assignments {
		g.size[a.Story]++
		g.stats.Touched[a.Story] = true
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
func (g *Pipeline) stories(ctx context.Context, members map[string][]*parallax.Article, b *parallax.Batch) (map[string]bool, error) {
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

func staleCheckpoint(stale map[string]bool) parallax.Checkpoint {
	ids := slices.Sorted(maps.Keys(stale))
	if ids == nil {
		ids = []string{}
	}
	b, _ := json.Marshal(ids) // a []string always marshals
	return parallax.Checkpoint{Source: staleSource, Value: string(b)}
}

// loadStory learns, on a story's first touch in this run, how many
// articles it has and how many its stored brief covers.
func (g *Pipeline) loadStory(ctx context.Context, sid string) error {
	if _, ok := g.size[sid]; ok {
		return nil
	}
	st, brief, err := g.db.Story(ctx, sid)
	switch {
	case errors.Is(err, parallax.ErrNotFound):
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
func (g *Pipeline) briefs(ctx context.Context, ids []string, extra map[string][]*parallax.Article) ([]parallax.StoryUpdate, error) {
	ups := make([]parallax.StoryUpdate, len(ids))
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
func (g *Pipeline) brief(ctx context.Context, sid string, extra []*parallax.Article) (parallax.StoryUpdate, error) {
	stored, err := g.db.StoryArticles(ctx, sid)
	if err != nil && !errors.Is(err, parallax.ErrNotFound) {
		return parallax.StoryUpdate{}, err
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
	return parallax.StoryUpdate{Story: parallax.Story{ID: sid}, Brief: reconcile.Brief(docs)}, nil
}

// RefreshStale rebuilds the briefs of the stale stories. Briefs are built
// on every worker while finished ones are committed, a few stories per
// transaction, each with the stale set that remains.
func (g *Pipeline) RefreshStale(ctx context.Context) error {
	return g.refresh(ctx, nil)
}

// RefreshStories rebuilds the briefs of those of ids that are stale, so a
// caller that just added articles to them reads current briefs without
// paying for every other stale story.
func (g *Pipeline) RefreshStories(ctx context.Context, ids []string) error {
	if ids == nil {
		ids = []string{}
	}
	return g.refresh(ctx, ids)
}

// refresh rebuilds the stale briefs among only, or all of them when only
// is nil.
func (g *Pipeline) refresh(ctx context.Context, only []string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	var ids []string
	if only == nil {
		ids = slices.Sorted(maps.Keys(g.stale))
	} else {
		for _, id := range only {
			if g.stale[id] {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
	}
	if len(ids) == 0 {
		return nil
	}
	if only == nil {
		slog.Info("rebuilding the briefs of stories that grew", "stories", len(ids))
		start := time.Now()
		defer func() { slog.Info("briefs rebuilt", "elapsed", time.Since(start)) }()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	built := make(chan parallax.StoryUpdate)
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
	var ups []parallax.StoryUpdate
	commit := func() error {
		stale := maps.Clone(g.stale)
		for _, up := range ups {
			delete(stale, up.Story.ID)
		}
		b := parallax.Batch{Stories: ups, Checkpoints: []parallax.Checkpoint{staleCheckpoint(stale)}}
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
func (g *Pipeline) analyzeAll(ctx context.Context, arts []*parallax.Article) error {
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
