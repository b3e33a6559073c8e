// Package server owns `parallax serve`: the JSON HTTP API over a
// parallax.Store (stories, briefs, articles with their annotations, quotes,
// entities, feed subscriptions, ingest), its OpenAPI 3.1 description
// (openapi.json, served at /api/openapi.json) and the operational endpoints
// (/healthz, /readyz, /metrics). It talks to the rest of the project only
// through the root types; cmd/parallax builds the store, the ingester, the
// page fetcher and the web UI and hands them over in a Config.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/parallax-news/parallax"
)

// Defaults applied by New to zero Config fields.
const (
	DefaultMaxBodyBytes    = 10 << 20
	DefaultRequestTimeout  = 30 * time.Second
	DefaultIngestTimeout   = 2 * time.Minute
	DefaultShutdownTimeout = 20 * time.Second
)

// Limits of the underlying http.Server, set by Serve.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = time.Minute // a whole request, body included
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
)

// Config is everything a Server needs; only Store is required.
type Config struct {
	// Store answers every read and the feed endpoints.
	Store parallax.Store
	// Ingester adds the articles of POST /api/ingest; nil makes the ingest
	// endpoint answer 503.
	Ingester parallax.Ingester
	// PollFeed polls the subscribed feed with the given id now, for
	// POST /api/feeds/{id}/poll; nil makes that endpoint answer 503.
	// (*poll.Poller).Poll is the implementation. Its error is read
	// against the stored subscription afterwards: ctx's end is a timeout,
	// a feed the store does not have is 404, and a failure the store
	// records (Failures > 0) was the feed's, answered with 200 and the
	// recorded status like a success.
	PollFeed func(ctx context.Context, id string) error
	// Fetch reads a page URL of POST /api/ingest into articles; nil makes
	// URLs in an ingest request problems rather than articles. It must be
	// safe against server-side request forgery (package fetch is).
	Fetch func(ctx context.Context, url string) ([]*parallax.Article, error)
	// UI, when set, serves every path outside /api/, /healthz, /readyz and
	// /metrics.
	UI http.Handler

	// Token is the bearer token write endpoints (POST /api/ingest,
	// POST /api/feeds, DELETE /api/feeds/{id}, POST /api/feeds/{id}/poll)
	// check. RequireToken makes it mandatory; set it whenever the listen
	// address is not loopback (see Loopback). Without RequireToken a
	// request carrying an Authorization header must still carry the right
	// token, and a write without one is accepted only when its Host header
	// names a loopback address, which stops DNS-rebinding pages from
	// writing through a browser.
	Token        string
	RequireToken bool

	// MaxBodyBytes caps a request body (413 beyond it); default 10 MiB.
	MaxBodyBytes int64
	// RequestTimeout bounds every request but ingest and feed polls (503
	// beyond it); default 30 s.
	RequestTimeout time.Duration
	// IngestTimeout bounds POST /api/ingest and POST /api/feeds/{id}/poll,
	// which may fetch pages and analyze many articles; default 2 min.
	IngestTimeout time.Duration
	// ShutdownTimeout is how long Serve waits for in-flight requests once
	// its context is done; default 20 s.
	ShutdownTimeout time.Duration

	// Logger receives one line per request and the server's own events;
	// nil logs JSON to stderr.
	Logger *slog.Logger
	// Registry holds the server's metrics and is what /metrics exposes;
	// nil makes a new one with the Go and process collectors.
	Registry *prometheus.Registry
	// Version is reported by /healthz and parallax_build_info.
	Version string
}

// Server is the HTTP API over a store. Build it with New.
type Server struct {
	cfg     Config
	log     *slog.Logger
	metrics *metrics
	mux     *http.ServeMux
	handler http.Handler
	csrf    *http.CrossOriginProtection
}

// New checks c, fills in its defaults and builds the server's routes and
// metrics.
func New(c Config) (*Server, error) {
	if c.Store == nil {
		return nil, errors.New("server: config needs a store")
	}
	if c.RequireToken && c.Token == "" {
		return nil, errors.New("server: a token is required but none is set")
	}
	if c.MaxBodyBytes < 0 || c.RequestTimeout < 0 || c.IngestTimeout < 0 || c.ShutdownTimeout < 0 {
		return nil, errors.New("server: negative limit in config")
	}
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.RequestTimeout == 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.IngestTimeout == 0 {
		c.IngestTimeout = DefaultIngestTimeout
	}
	if c.ShutdownTimeout == 0 {
		c.ShutdownTimeout = DefaultShutdownTimeout
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	if c.Registry == nil {
		c.Registry = prometheus.NewRegistry()
		c.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	s := &Server{cfg: c, log: c.Logger, csrf: http.NewCrossOriginProtection()}
	m, err := newMetrics(c.Registry, c.Store, c.Version, c.Logger)
	if err != nil {
		return nil, err
	}
	s.metrics = m
	s.mux = http.NewServeMux()
	for _, rt := range s.routes() {
		s.mux.Handle(rt.method+" "+rt.path, s.route(rt))
	}
	// Paths the API owns answer 404 or 405 as JSON whatever the method,
	// rather than falling through to the UI.
	s.mux.Handle("/api/", s.route(route{path: "/api/", h: s.apiFallback}))
	for _, p := range []string{"/healthz", "/readyz", "/metrics"} {
		s.mux.Handle(p, s.route(route{path: p, h: s.apiFallback}))
	}
	if c.UI != nil {
		s.mux.Handle("/", s.route(route{path: "/", h: c.UI.ServeHTTP, ui: true}))
	} else {
		s.mux.Handle("/", s.route(route{path: "/", h: s.apiFallback}))
	}
	s.handler = s.observe(s.mux)
	return s, nil
}

// Handler returns the server's whole HTTP handler: API, operations, UI.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve answers HTTP requests on ln until ctx is done, then shuts down
// gracefully: it stops accepting connections and waits up to
// ShutdownTimeout for in-flight requests (an ingest commit among them) to
// finish before returning. Requests still running then are cut off and Serve
// says so in its error. Serve closes ln.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		// Handlers end by their own deadline; the write timeout is the
		// backstop for a client that stops reading.
		WriteTimeout:   max(s.cfg.RequestTimeout, s.cfg.IngestTimeout) + 10*time.Second,
		IdleTimeout:    idleTimeout,
		MaxHeaderBytes: maxHeaderBytes,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()

	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "grace", s.cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		hs.Close()
		err = fmt.Errorf("server: shutdown: requests still running after %s were cut off: %w", s.cfg.ShutdownTimeout, err)
	}
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = fmt.Errorf("server: %w", serr)
	}
	return err
}

// Loopback reports whether a listen address (host:port or a bare host)
// accepts connections only from this machine: 127.0.0.0/8, ::1 or
// "localhost". An empty host (":8080") or an unspecified address
// ("0.0.0.0", "::") listens on every interface and is not loopback.
func Loopback(addr string) bool {
	host := addr
	if h, _, err := net.SplitHostPort(addr); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.EqualFold(host, "localhost.") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	return ip.Unmap().WithZone("").IsLoopback()
}
