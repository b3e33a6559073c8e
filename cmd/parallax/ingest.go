package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
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
	cmd.Flags().StringVar(&o.db, "db", "", dbFlagHelp)
	cmd.Flags().IntVar(&o.batch, "batch", 500, "articles committed per transaction")
	cmd.Flags().IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "articles analyzed in parallel")
	cmd.Flags().StringVar(&o.progress, "progress", "auto", "progress bar: auto (on a terminal), always or never")
	return cmd
}

// ingestStats counts what an ingest did.
type ingestStats struct {
	read, added, duplicates, problems int
	touched                           map[string]bool
	bytes                             int64
}

// update takes the pipeline's counts.
func (st *ingestStats) update(s ingest.Stats) {
	st.read, st.added, st.duplicates, st.touched = s.Read, s.Added, s.Duplicates, s.Touched
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
	release, err := db.LockWriter(work)
	if err != nil {
		if errors.Is(err, parallax.ErrConflict) {
			return fmt.Errorf("%w: wait for it, or send the articles to the running parallax serve (POST /api/ingest)", err)
		}
		return err
	}
	defer release()
	start := time.Now()
	g := ingest.New(db, o.workers)
	if err := g.Restore(work); err != nil {
		return err
	}
	slog.Info("store opened", "path", db.name, "window_articles", g.Restored())

	srcs, planProblems := plan(args)
	stderr := cmd.ErrOrStderr()
	var st ingestStats
	prog := newProgress(stderr, totalSize(srcs), o.progress, &st, start)
	report := func(p *parallax.Problem) {
		st.problems++
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

	var batch []ingest.Item
	arts := 0
	flush := func() error {
		if len(batch) == 0 && !g.Pending() {
			return nil
		}
		_, err := g.Commit(work, batch)
		st.update(g.Stats())
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
			st.bytes += it.progress
			batch = append(batch, ingest.Item{Article: it.art, OwnID: it.ownID, Checkpoint: parallax.Checkpoint{Source: it.cp.source, Value: it.cp.value}})
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
		prog.describe(fmt.Sprintf("rebuilding the briefs of %d stories", g.Stale()))
		if err := g.RefreshStale(ctx); err != nil && ctx.Err() == nil {
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

	st.update(g.Stats())
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
