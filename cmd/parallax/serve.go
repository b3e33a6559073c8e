package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
	"github.com/parallax-news/parallax/poll"
	"github.com/parallax-news/parallax/server"
	"github.com/parallax-news/parallax/web"
)

// serveOptions are the flags of parallax serve.
type serveOptions struct {
	src       sourceFlags
	addr      string
	db        string
	token     string
	workers   int
	pollEvery time.Duration
	pollers   int
	maxBody   int64
	reqTime   time.Duration
	logFormat string
	noPoll    bool
	debugAddr string
	pageCache int
	reader    bool
}

func newServe() *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the story store over HTTP: JSON API, web UI and feed polling",
		Long: `Serve runs Parallax as a service. It opens the story store (the embedded
SQLite file by default, or PostgreSQL with --db postgres://...), serves the web
UI at / and the JSON API under /api (described by /api/openapi.json), and polls
the subscribed feeds on their schedules, backing off when a feed fails.

Operations: /healthz (the process runs), /readyz (the store answers),
/metrics (Prometheus). Logs are JSON lines on stderr. SIGINT or SIGTERM stops
accepting connections and lets requests and feed polls in progress finish.

Writes (POST /api/ingest, feed subscriptions) need the API token whenever the
server listens beyond loopback: pass --token or set PARALLAX_TOKEN, and send
"Authorization: Bearer TOKEN". Without a token such a server refuses to start.`,
		Example: `  parallax serve                       # http://127.0.0.1:8080, the default store
  parallax serve --addr :8080 --token "$(openssl rand -hex 16)"
  parallax serve --db postgres://parallax@db.internal/parallax
  curl -X POST -H 'Content-Type: application/json' localhost:8080/api/feeds -d '{"url":"https://example.com/rss.xml"}'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd, &o) },
	}
	o.src.register(cmd)
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on")
	f.StringVar(&o.db, "db", "", dbFlagHelp)
	f.StringVar(&o.token, "token", "", "API token for write endpoints (default $PARALLAX_TOKEN); required beyond loopback")
	f.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "articles analyzed in parallel")
	f.DurationVar(&o.pollEvery, "poll-every", 30*time.Second, "how often feeds are checked for a due poll")
	f.IntVar(&o.pollers, "pollers", 4, "feeds polled at the same time")
	f.BoolVar(&o.reader, "reader", false, "serve reads only: no ingest (POST /api/ingest and feed polls answer 503) and no feed polling; run one instance without it as the writer of a shared store")
	f.BoolVar(&o.noPoll, "no-poll", false, "do not poll feeds on schedule (another instance does); POST /api/feeds/{id}/poll still polls one")
	f.Int64Var(&o.maxBody, "max-body", 10<<20, "largest request body accepted, in bytes")
	f.DurationVar(&o.reqTime, "request-timeout", 30*time.Second, "time limit for one request")
	f.StringVar(&o.logFormat, "log-format", "json", "log format on stderr: json or text")
	f.IntVar(&o.pageCache, "page-cache-mb", 32, "memory for rendered story and home pages, in MB (0: none)")
	f.StringVar(&o.debugAddr, "debug-addr", "", "serve Go's pprof profiles on this loopback address (e.g. 127.0.0.1:6060); off when empty")
	return cmd
}

func runServe(cmd *cobra.Command, o *serveOptions) error {
	if err := checkFormat(o.logFormat, "json", "text"); err != nil {
		return fmt.Errorf("--log-format: %w", err)
	}
	if o.token == "" {
		o.token = os.Getenv("PARALLAX_TOKEN")
	}
	loopback := server.Loopback(o.addr)
	if !loopback && o.token == "" {
		return fmt.Errorf("--addr %s listens beyond loopback: set --token or PARALLAX_TOKEN so that writes need it", o.addr)
	}
	d, err := o.src.defaults()
	if err != nil {
		return err
	}
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	var logger *slog.Logger
	if o.logFormat == "json" {
		logger = slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), opts))
	} else {
		logger = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), opts))
	}
	slog.SetDefault(logger)

	ctx, stop := signal.NotifyContext(contextOrBackground(cmd.Context()), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Shutdown work (finishing writes, closing the store) must not be
	// cancelled by the signal that started it.
	work := context.WithoutCancel(ctx)

	db, err := openStore(work, o.db)
	if err != nil {
		return err
	}
	defer db.Close()
	// One writer clusters a store's articles: its clusterer holds the
	// active stories in memory, so a second instance ingesting into the
	// same shared store would build stories of its own. Readers (--reader)
	// skip it, and the minutes a large window takes to restore.
	var (
		pipe     *ingest.Pipeline
		ingester parallax.Ingester
		pollFeed func(ctx context.Context, id string) error
		poller   *poll.Poller
	)
	if o.reader {
		logger.Info("store opened", "store", db.name, "mode", "reader")
	} else {
		release, err := db.LockWriter(work)
		if err != nil {
			if errors.Is(err, parallax.ErrConflict) {
				return fmt.Errorf("%w: start this server with --reader, or stop the other writer", err)
			}
			return err
		}
		defer release()
		pipe = ingest.New(db, o.workers)
		if err := pipe.Restore(work); err != nil {
			return fmt.Errorf("restore the clusterer from %s: %w", db.name, err)
		}
		logger.Info("store opened", "store", db.name, "mode", "writer", "window_articles", pipe.Restored())
		ingester = pipe
		pollFeed = func(ctx context.Context, id string) error { return poller.Poll(ctx, id) }
	}

	client := o.src.client()
	rd := &reader{d: d, flags: &o.src, client: client}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if o.pageCache < 0 {
		return fmt.Errorf("--page-cache-mb must not be negative")
	}
	cacheBytes := o.pageCache << 20
	if o.pageCache == 0 {
		cacheBytes = -1 // web: negative turns the caches off
	}
	ui, err := web.New(db, web.Options{Version: version, Logger: logger, PageCacheBytes: cacheBytes})
	if err != nil {
		return err
	}
	// The poller reports to the server's metrics and the server asks it to
	// poll a feed now (POST /api/feeds/{id}/poll), so one is made after
	// the other; it exists before Serve starts. --no-poll stops only the
	// schedule: polls a client asks for still run.
	srv, err := server.New(server.Config{
		Store:          db,
		PollFeed:       pollFeed,
		Ingester:       ingester,
		Fetch:          rd.fetchURL,
		UI:             ui,
		Token:          o.token,
		RequireToken:   !loopback,
		MaxBodyBytes:   o.maxBody,
		RequestTimeout: o.reqTime,
		Logger:         logger,
		Registry:       reg,
		Version:        version,
	})
	if err != nil {
		return err
	}
	if o.debugAddr != "" {
		if !server.Loopback(o.debugAddr) {
			return fmt.Errorf("--debug-addr %s: profiles are only served on loopback", o.debugAddr)
		}
		dl, err := net.Listen("tcp", o.debugAddr)
		if err != nil {
			return fmt.Errorf("--debug-addr: %w", err)
		}
		mux := http.NewServeMux()
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
		mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
		ds := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go ds.Serve(dl)
		defer ds.Close()
		logger.Info("profiles", "url", "http://"+dl.Addr().String()+"/debug/pprof/")
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	if strings.HasPrefix(o.addr, ":") || strings.HasPrefix(o.addr, "0.0.0.0:") || strings.HasPrefix(o.addr, "[::]:") {
		url = fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
	}
	logger.Info("serving", "url", url, "store", db.name, "token_required", !loopback, "reader", o.reader)
	mode := ""
	if o.reader {
		mode = ", reads only"
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "parallax: serving %s (web UI at /, API at /api, store %s%s)\n", url, db.name, mode)

	refreshDone := make(chan struct{})
	if pipe != nil && pipe.Stale() > 0 {
		// Briefs an interrupted ingest left behind are rebuilt in the
		// background; an ingest request waits for its turn meanwhile.
		// Shutdown waits for the briefs already built to be committed.
		go func() {
			defer close(refreshDone)
			if err := pipe.RefreshStale(ctx); err != nil && ctx.Err() == nil {
				logger.Error("rebuilding stale briefs", "err", err)
			}
		}()
	} else {
		close(refreshDone)
	}
	pollDone := make(chan error, 1)
	if pipe != nil {
		poller = poll.New(db, pipe, poll.Options{
			Client:      client,
			Page:        rd.fetchPage,
			Tick:        o.pollEvery,
			Concurrency: o.pollers,
			OnPoll:      srv.FeedPolled,
			Logger:      logger,
		})
	}
	if o.noPoll || poller == nil {
		pollDone <- nil
	} else {
		go func() { pollDone <- poller.Run(ctx) }()
	}
	serveErr := srv.Serve(ctx, ln)
	stop()
	<-refreshDone
	if err := <-pollDone; err != nil && !errors.Is(err, context.Canceled) {
		logger.Error("feed poller", "err", err)
	}
	logger.Info("stopped")
	return serveErr
}

// fetchURL reads a web address for POST /api/ingest: a feed's items or a
// page's article.
func (r *reader) fetchURL(ctx context.Context, u string) ([]*parallax.Article, error) {
	if !isURL(u) {
		return nil, parallax.Errorf(parallax.EINVALID, "%q is not an http(s) address", u)
	}
	var arts []*parallax.Article
	var problems []string
	rd := *r
	rd.emit = func(it item) error {
		if it.art != nil {
			arts = append(arts, it.art)
		}
		if it.problem != nil {
			problems = append(problems, it.problem.Reason)
		}
		return nil
	}
	if err := rd.url(ctx, source{kind: "url", path: u}); err != nil {
		return nil, err
	}
	if len(arts) == 0 && len(problems) > 0 {
		return nil, errors.New(problems[0])
	}
	return arts, nil
}

// fetchPage reads the page of a feed item that carries only an excerpt.
func (r *reader) fetchPage(ctx context.Context, u string) (*parallax.Article, error) {
	resp, err := r.fetcher().Get(ctx, u, nil)
	if err != nil {
		return nil, errors.New(fetchReason(err))
	}
	mt, cs := mediaType(resp.Header.Get("Content-Type"))
	return r.page(resp.URL, mt, cs, resp.Body, time.Time{})
}
