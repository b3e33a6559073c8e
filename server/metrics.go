package server

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/parallax-news/parallax"
)

// statsTTL is how long one Store.Stats answer serves scrapes, so that
// several Prometheus servers scraping at once cost one count.
const statsTTL = 5 * time.Second

// metrics are the server's Prometheus series.
type metrics struct {
	reg        *prometheus.Registry
	ingested   *prometheus.CounterVec
	feedErrors prometheus.Counter
	duration   *prometheus.HistogramVec
}

func newMetrics(reg *prometheus.Registry, store parallax.Store, version string, log *slog.Logger) (*metrics, error) {
	m := &metrics{
		reg: reg,
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parallax_articles_ingested_total",
			Help: "Articles added to the store (duplicates not counted), by how they arrived: api (POST /api/ingest) or feed (the feed poller).",
		}, []string{"via"}),
		feedErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "parallax_feed_errors_total",
			Help: "Feed polls that failed.",
		}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "parallax_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route pattern, method and status code.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route", "method", "code"}),
	}
	// Both label values exist from the start, so rate() sees the first
	// increment.
	m.ingested.WithLabelValues("api")
	m.ingested.WithLabelValues("feed")
	build := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "parallax_build_info",
		Help:        "Always 1; the version label says which build is running.",
		ConstLabels: prometheus.Labels{"version": version},
	})
	build.Set(1)
	for _, c := range []prometheus.Collector{m.ingested, m.feedErrors, m.duration, build, newStoreCollector(store, log)} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		Registry:            m.reg, // promhttp's own error and in-flight counters
		ErrorHandling:       promhttp.ContinueOnError,
		MaxRequestsInFlight: 4,
	})
}

// FeedPolled records one poll of a feed; its signature is the feed
// poller's OnPoll hook (package poll), which also logs the poll. Added
// articles count as ingested, an error as a feed error. It is safe for
// concurrent use.
func (s *Server) FeedPolled(feed parallax.FeedSubscription, added int, err error) {
	if added > 0 {
		s.metrics.ingested.WithLabelValues("feed").Add(float64(added))
	}
	if err != nil {
		s.metrics.feedErrors.Inc()
	}
}

// storeCollector reports what the store holds, counted at scrape time.
type storeCollector struct {
	store parallax.Store
	log   *slog.Logger

	stories, articles, feeds *prometheus.Desc

	mu    sync.Mutex
	at    time.Time
	stats parallax.StoreStats
	err   error
}

func newStoreCollector(store parallax.Store, log *slog.Logger) *storeCollector {
	return &storeCollector{
		store:    store,
		log:      log,
		stories:  prometheus.NewDesc("parallax_stories", "Stories with at least one article.", nil, nil),
		articles: prometheus.NewDesc("parallax_articles_stored", "Articles in the store.", nil, nil),
		feeds:    prometheus.NewDesc("parallax_feeds", "Feed subscriptions.", nil, nil),
	}
}

func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.stories
	ch <- c.articles
	ch <- c.feeds
}

// Collect counts at most once per statsTTL. When the store cannot count,
// the gauges are left out of the scrape (absent rather than wrong) and the
// error is logged once per TTL.
func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	c.mu.Lock()
	if time.Since(c.at) >= statsTTL {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		c.stats, c.err = c.store.Stats(ctx)
		cancel()
		c.at = time.Now()
		if c.err != nil {
			c.log.Warn("metrics: store stats", "err", c.err)
		}
	}
	st, err := c.stats, c.err
	c.mu.Unlock()
	if err != nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(c.stories, prometheus.GaugeValue, float64(st.Stories))
	ch <- prometheus.MustNewConstMetric(c.articles, prometheus.GaugeValue, float64(st.Articles))
	ch <- prometheus.MustNewConstMetric(c.feeds, prometheus.GaugeValue, float64(st.Feeds))
}
