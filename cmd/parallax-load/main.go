// Command parallax-load measures how fast a Parallax server answers story
// reads under concurrent clients. It fills a store with generated stories
// (each with a real brief built by the analysis and reconciliation stages),
// serves it on loopback with the same handlers as parallax serve, and runs a
// fixed number of clients for a fixed time against each scenario, printing
// latency percentiles and throughput.
//
//	go run ./cmd/parallax-load -stories 10000 -clients 100 -duration 20s
//
// With -url it loads a server that is already running instead (its stories
// are listed first), and with -db it reuses a store filled by an earlier run.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/postgres"
	"github.com/parallax-news/parallax/reconcile"
	"github.com/parallax-news/parallax/server"
	"github.com/parallax-news/parallax/sqlite"
	"github.com/parallax-news/parallax/streamgen"
	"github.com/parallax-news/parallax/web"
)

func main() {
	var (
		stories  = flag.Int("stories", 10000, "stories to store before the load (skipped when the store has them)")
		per      = flag.Int("articles", 3, "articles per generated story")
		clients  = flag.Int("clients", 100, "concurrent clients")
		duration = flag.Duration("duration", 20*time.Second, "how long each scenario runs")
		warmup   = flag.Duration("warmup", 2*time.Second, "unmeasured load before each scenario")
		dbPath   = flag.String("db", "", "store to fill or reuse: a SQLite file (default: a temporary one) or a postgres:// URL")
		target   = flag.String("url", "", "load a running server at this base URL instead of an in-process one")
		only     = flag.String("scenario", "", "run only this scenario")
		jsonOut  = flag.Bool("json", false, "print results as JSON lines")
		cpuProf  = flag.String("cpuprofile", "", "write a CPU profile of the measured runs to this file")
	)
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("parallax-load: ")
	ctx := context.Background()

	base := *target
	var ids []string
	if base == "" {
		path := *dbPath
		if path == "" {
			dir, err := os.MkdirTemp("", "parallax-load-")
			if err != nil {
				log.Fatal(err)
			}
			defer os.RemoveAll(dir)
			path = filepath.Join(dir, "load.db")
		}
		var db parallax.Store
		var err error
		if strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://") {
			db, err = postgres.Open(ctx, path)
		} else {
			db, err = sqlite.Open(ctx, path)
		}
		if err != nil {
			log.Fatal(err)
		}
		defer db.Close()
		if err := fill(ctx, db, *stories, *per); err != nil {
			log.Fatal(err)
		}
		srv, err := newServer(db)
		if err != nil {
			log.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			log.Fatal(err)
		}
		sctx, stop := context.WithCancel(ctx)
		defer stop()
		go srv.Serve(sctx, ln)
		base = "http://" + ln.Addr().String()
	}
	ids, err := storyIDs(ctx, base)
	if err != nil {
		log.Fatal(err)
	}
	if len(ids) == 0 {
		log.Fatal("the server has no stories")
	}
	log.Printf("%d stories at %s; %d clients, %s per scenario, GOMAXPROCS %d", len(ids), base, *clients, *duration, runtime.GOMAXPROCS(0))

	client := &http.Client{Transport: &http.Transport{
		MaxIdleConns: *clients * 2, MaxIdleConnsPerHost: *clients * 2, MaxConnsPerHost: 0,
	}}
	if *cpuProf != "" {
		f, err := os.Create(*cpuProf)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	for _, sc := range scenarios(ids) {
		if *only != "" && sc.name != *only {
			continue
		}
		if *warmup > 0 {
			run(ctx, client, base, sc, *clients, *warmup)
		}
		r := run(ctx, client, base, sc, *clients, *duration)
		if *jsonOut {
			json.NewEncoder(os.Stdout).Encode(r)
		} else {
			fmt.Println(r)
		}
		if r.Errors > 0 {
			defer os.Exit(1)
		}
	}
}

// newServer builds the handlers parallax serve uses, reads only.
func newServer(db parallax.Store) (*server.Server, error) {
	ui, err := web.New(db, web.Options{})
	if err != nil {
		return nil, err
	}
	return server.New(server.Config{Store: db, UI: ui, Logger: slog.New(slog.DiscardHandler)})
}

// fill stores n generated stories of per articles each, with briefs, unless
// the store already has at least n stories.
func fill(ctx context.Context, db parallax.Store, n, per int) error {
	st, err := db.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Stories >= n {
		log.Printf("store has %d stories; not filling", st.Stories)
		return nil
	}
	start := time.Now()
	items := streamgen.Generate(streamgen.Config{Seed: 7, Articles: n * per, Stories: n, CopyShare: -1})
	groups := map[string][]*parallax.Article{}
	var order []string
	for i := range items {
		it := &items[i]
		if _, ok := groups[it.Story]; !ok {
			order = append(order, it.Story)
		}
		groups[it.Story] = append(groups[it.Story], &it.Article)
	}
	const batch = 250
	ups := make([]parallax.StoryUpdate, len(order))
	eg, gctx := errgroup.WithContext(ctx)
	eg.SetLimit(runtime.GOMAXPROCS(0))
	for i, sid := range order {
		eg.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			arts := groups[sid]
			docs := make([]*parallax.Document, len(arts))
			ids := make([]string, len(arts))
			for j, a := range arts {
				docs[j], ids[j] = analyze.Article(a), a.ID
			}
			analyze.Story(docs)
			ups[i] = parallax.StoryUpdate{Story: parallax.Story{ID: "load-" + sid, Articles: ids}, Brief: reconcile.Brief(docs)}
			return nil
		})
	}
	if err := eg.Wait(); err != nil {
		return err
	}
	for i := 0; i < len(ups); i += batch {
		b := parallax.Batch{Stories: ups[i:min(i+batch, len(ups))]}
		for _, u := range b.Stories {
			b.Articles = append(b.Articles, groups[u.Story.ID[len("load-"):]]...)
		}
		if _, err := db.Commit(ctx, b); err != nil {
			return err
		}
	}
	log.Printf("stored %d stories (%d articles) with briefs in %s", len(ups), len(items), time.Since(start).Round(time.Millisecond))
	return nil
}

// storyIDs lists every story of the server through its API.
func storyIDs(ctx context.Context, base string) ([]string, error) {
	var ids []string
	for off := 0; ; {
		var page struct {
			Stories []struct {
				ID string `json:"id"`
			} `json:"stories"`
		}
		if err := getJSON(ctx, fmt.Sprintf("%s/api/stories?order=newest&limit=200&offset=%d", base, off), &page); err != nil {
			return nil, err
		}
		for _, s := range page.Stories {
			ids = append(ids, s.ID)
		}
		if len(page.Stories) < 200 {
			return ids, nil
		}
		off += len(page.Stories)
	}
}

func getJSON(ctx context.Context, url string, v any) error {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// scenario is one kind of request, its path drawn per request.
type scenario struct {
	name string
	path func(r *rand.Rand) string
}

func scenarios(ids []string) []scenario {
	pick := func(r *rand.Rand) string { return ids[r.IntN(len(ids))] }
	return []scenario{
		{"api-brief", func(r *rand.Rand) string { return "/api/stories/" + pick(r) + "/brief" }},
		{"api-story", func(r *rand.Rand) string { return "/api/stories/" + pick(r) }},
		{"api-list", func(r *rand.Rand) string { return fmt.Sprintf("/api/stories?limit=20&offset=%d", r.IntN(50)*20) }},
		{"ui-story", func(r *rand.Rand) string { return "/stories/" + pick(r) }},
		{"ui-home", func(r *rand.Rand) string { return "/" }},
	}
}

// result is one scenario's numbers.
type result struct {
	Scenario   string  `json:"scenario"`
	Clients    int     `json:"clients"`
	Requests   int     `json:"requests"`
	Errors     int     `json:"errors"`
	Seconds    float64 `json:"seconds"`
	Throughput float64 `json:"requests_per_s"`
	P50, P90   float64 // milliseconds
	P99, Max   float64
}

func (r result) String() string {
	return fmt.Sprintf("%-10s clients %3d  requests %7d  errors %d  %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms",
		r.Scenario, r.Clients, r.Requests, r.Errors, r.Throughput, r.P50, r.P90, r.P99, r.Max)
}

// run drives clients workers for d, each sending one request after the
// other (a closed loop), and returns the latency distribution.
func run(ctx context.Context, client *http.Client, base string, sc scenario, clients int, d time.Duration) result {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var (
		mu     sync.Mutex
		all    []time.Duration
		errs   atomic.Int64
		wg     sync.WaitGroup
		errMsg atomic.Value
	)
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), 99))
			lat := make([]time.Duration, 0, 4096)
			for ctx.Err() == nil {
				t0 := time.Now()
				err := get(ctx, client, base+sc.path(r))
				if ctx.Err() != nil {
					break // cut off by the end of the run, not an error
				}
				if err != nil {
					errs.Add(1)
					errMsg.Store(err.Error())
					continue
				}
				lat = append(lat, time.Since(t0))
			}
			mu.Lock()
			all = append(all, lat...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	el := time.Since(start)
	if m, ok := errMsg.Load().(string); ok {
		log.Printf("%s: %d errors, last: %s", sc.name, errs.Load(), m)
	}
	slices.Sort(all)
	q := func(p float64) float64 {
		if len(all) == 0 {
			return 0
		}
		i := min(int(p*float64(len(all))), len(all)-1)
		return float64(all[i].Microseconds()) / 1000
	}
	return result{
		Scenario: sc.name, Clients: clients, Requests: len(all), Errors: int(errs.Load()),
		Seconds: el.Seconds(), Throughput: float64(len(all)) / el.Seconds(),
		P50: q(0.50), P90: q(0.90), P99: q(0.99), Max: q(1),
	}
}

func get(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return errors.New(resp.Status)
	}
	return nil
}
