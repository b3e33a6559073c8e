package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/parallax-news/parallax"
)

func TestLoopback(t *testing.T) {
	for _, tc := range []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:8080", true},
		{"127.3.2.1:80", true},
		{"[::1]:8080", true},
		{"::1", true},
		{"localhost:8080", true},
		{"LocalHost", true},
		{"127.0.0.1", true},
		{":8080", false},
		{"0.0.0.0:8080", false},
		{"[::]:8080", false},
		{"192.168.1.10:8080", false},
		{"10.0.0.1", false},
		{"example.com:80", false},
		{"localhost.example.com:80", false},
		{"", false},
	} {
		if got := Loopback(tc.addr); got != tc.want {
			t.Errorf("Loopback(%q) = %v, want %v", tc.addr, got, tc.want)
		}
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	db := openStore(t)
	for name, c := range map[string]Config{
		"no store":          {},
		"token unset":       {Store: db, RequireToken: true},
		"negative body cap": {Store: db, MaxBodyBytes: -1},
	} {
		if _, err := New(c); err == nil {
			t.Errorf("%s: New accepted %+v", name, c)
		}
	}
}

func TestWritesNeedToken(t *testing.T) {
	db := openStore(t)
	feed := `{"url":"https://example.com/feed.xml"}`
	json := []string{"Content-Type", "application/json"}
	with := func(h ...string) []string { return append(append([]string{}, json...), h...) }

	required := newServer(t, Config{Store: db, Token: testToken, RequireToken: true}).Handler()
	local := newServer(t, Config{Store: db}).Handler()
	localWithToken := newServer(t, Config{Store: db, Token: testToken}).Handler()

	for _, tc := range []struct {
		name      string
		h         http.Handler
		headers   []string
		want      int
		challenge string
	}{
		{"required, none", required, json, 401, `Bearer realm="parallax"`},
		{"required, wrong", required, with("Authorization", "Bearer nope"), 401, `Bearer realm="parallax", error="invalid_token"`},
		{"required, prefix of the token", required, with("Authorization", "Bearer "+testToken[:4]), 401, `Bearer realm="parallax", error="invalid_token"`},
		{"required, basic", required, with("Authorization", "Basic "+testToken), 401, `Bearer realm="parallax", error="invalid_token"`},
		{"required, right", required, with("Authorization", "Bearer "+testToken), 201, ""},
		{"required, right, lower-case scheme", required, with("Authorization", "bearer "+testToken), 200, ""},
		{"required, right, from afar", required, with("Authorization", "Bearer "+testToken, "Host", "news.example.org"), 200, ""},
		{"loopback, no token, localhost", local, with("Host", "localhost:8080"), 200, ""},
		{"loopback, no token, [::1]", local, with("Host", "[::1]:8080"), 200, ""},
		{"loopback, rebinding host", local, with("Host", "attacker.example:8080"), 401, `Bearer realm="parallax"`},
		{"loopback, token sent, none set", local, with("Authorization", "Bearer x"), 401, `Bearer realm="parallax", error="invalid_token"`},
		{"loopback with token, none sent", localWithToken, json, 200, ""},
		{"loopback with token, wrong", localWithToken, with("Authorization", "Bearer nope"), 401, `Bearer realm="parallax", error="invalid_token"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := do(tc.h, "POST", "/api/feeds", feed, tc.headers...)
			if w.Code != tc.want {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.want, w.Body.Bytes())
			}
			if got := w.Header().Get("WWW-Authenticate"); got != tc.challenge {
				t.Errorf("WWW-Authenticate %q, want %q", got, tc.challenge)
			}
			if tc.want == 401 && errorCode(w.Body.Bytes()) != codeUnauthorized {
				t.Errorf("body %s", w.Body.Bytes())
			}
		})
	}
	// Reads need no token even where writes do.
	if w := do(required, "GET", "/api/feeds", "", "Host", "news.example.org"); w.Code != 200 {
		t.Errorf("read without token: %d", w.Code)
	}
	// A refused delete leaves the feed in place.
	w := do(required, "DELETE", "/api/feeds/x", "")
	if w.Code != 401 {
		t.Errorf("delete without token: %d", w.Code)
	}
}

// TestCrossSiteWritesRefused: with no token needed on loopback, a page on
// another site could otherwise make a visitor's browser write to the store.
func TestCrossSiteWritesRefused(t *testing.T) {
	db := openStore(t)
	h := newServer(t, Config{Store: db}).Handler()
	feed := `{"url":"https://example.com/feed.xml"}`
	for _, tc := range []struct {
		headers []string
		want    int
	}{
		{[]string{"Sec-Fetch-Site", "cross-site"}, 403},
		{[]string{"Origin", "https://evil.example"}, 403},
		{[]string{"Sec-Fetch-Site", "same-origin"}, 201},
		{[]string{"Origin", "http://127.0.0.1:8080"}, 200},
		{nil, 200}, // curl and other non-browser clients
	} {
		w := do(h, "POST", "/api/feeds", feed, append([]string{"Content-Type", "application/json"}, tc.headers...)...)
		if w.Code != tc.want {
			t.Errorf("%v: %d %s, want %d", tc.headers, w.Code, w.Body.Bytes(), tc.want)
		}
	}
	// Reads from anywhere are fine.
	if w := do(h, "GET", "/api/feeds", "", "Sec-Fetch-Site", "cross-site"); w.Code != 200 {
		t.Errorf("cross-site read: %d", w.Code)
	}
}

func TestBodyLimit(t *testing.T) {
	db := openStore(t)
	h := newServer(t, Config{Store: db, Ingester: newIngester(db, "s"), MaxBodyBytes: 1024}).Handler()
	big := `{"articles":[{"source":"Wire","body":"` + strings.Repeat("word ", 400) + `"}]}`

	// Declared length over the limit: refused before reading.
	w := do(h, "POST", "/api/ingest", big, "Content-Type", "application/json")
	if w.Code != 413 || errorCode(w.Body.Bytes()) != codeTooLarge {
		t.Errorf("declared: %d %s", w.Code, w.Body.Bytes())
	}
	// Unknown length (chunked): refused while reading.
	req := httptest.NewRequest("POST", "/api/ingest", io.MultiReader(strings.NewReader(big)))
	req.Host = "localhost"
	req.Header.Set("Content-Type", "application/json")
	if req.ContentLength > 0 {
		t.Fatalf("request has a length; the test needs a chunked body")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 413 || !strings.Contains(rec.Body.String(), "1024 bytes") {
		t.Errorf("chunked: %d %s", rec.Code, rec.Body.Bytes())
	}
	// Under the limit it is ingested.
	if w := do(h, "POST", "/api/ingest", `{"articles":[{"source":"Wire","body":"short text"}]}`, "Content-Type", "application/json"); w.Code != 200 {
		t.Errorf("small: %d %s", w.Code, w.Body.Bytes())
	}
}

func TestBadJSONIsExplained(t *testing.T) {
	db := openStore(t)
	h := newServer(t, Config{Store: db, Ingester: newIngester(db, "s")}).Handler()
	for _, tc := range []struct {
		body, ct string
		status   int
		says     string
	}{
		{`{"articles": [}`, "application/json", 400, "not valid JSON"},
		{`{"articles": [`, "application/json", 400, "ends in the middle"},
		{``, "application/json", 400, "body is empty"},
		{`{"artcles": []}`, "application/json", 400, `unknown field \"artcles\"`},
		{`{"articles": {"body": "x"}}`, "application/json", 400, "articles must be an array"},
		{`{"articles": [{"body": 5}]}`, "application/json", 400, "articles.body must be a string"},
		{`{"urls": []} {"urls": []}`, "application/json", 400, "after the JSON value"},
		{`{"urls": []}`, "application/json; charset=utf-8", 400, "nothing to ingest"},
		{`{"urls": []}`, "text/plain", 415, "Content-Type: application/json"},
		{`urls=x`, "application/x-www-form-urlencoded", 415, "Content-Type: application/json"},
	} {
		w := do(h, "POST", "/api/ingest", tc.body, "Content-Type", tc.ct)
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.says) {
			t.Errorf("%s (%s): %d %s; want %d saying %q", tc.body, tc.ct, w.Code, w.Body.Bytes(), tc.status, tc.says)
		}
	}
}

func TestTimeoutAnswers503(t *testing.T) {
	db := openStore(t)
	h := newServer(t, Config{Store: slowStore{db}, RequestTimeout: 50 * time.Millisecond}).Handler()
	start := time.Now()
	w := do(h, "GET", "/api/stories", "")
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("timed-out request took %s", took)
	}
	if w.Code != 503 || errorCode(w.Body.Bytes()) != codeTimeout || w.Header().Get("Retry-After") == "" {
		t.Errorf("%d %v %s", w.Code, w.Header(), w.Body.Bytes())
	}
	// The store's own error text never reaches the client.
	if strings.Contains(w.Body.String(), "deadline") {
		t.Errorf("internal error text leaked: %s", w.Body.Bytes())
	}
}

func TestInternalErrorsNameNoInternals(t *testing.T) {
	db := openStore(t)
	db.Close()
	var logs bytes.Buffer
	h := newServer(t, Config{Store: db, Logger: slog.New(slog.NewJSONHandler(&logs, nil))}).Handler()
	w := do(h, "GET", "/api/stories", "")
	if w.Code != 500 || w.Body.String() != `{"error":{"code":"internal","message":"internal error"}}`+"\n" {
		t.Errorf("%d %s", w.Code, w.Body.Bytes())
	}
	if !strings.Contains(logs.String(), "sqlite") {
		t.Errorf("the log should keep the real error: %s", logs.String())
	}
}

// TestGracefulShutdown cancels Serve while an ingest is in flight: the
// ingest finishes and is answered, Serve returns after it, and the
// listener is closed.
func TestGracefulShutdown(t *testing.T) {
	db := openStore(t)
	ing := newIngester(db, "s")
	ing.delay = 300 * time.Millisecond
	s := newServer(t, Config{Store: db, Ingester: ing, Token: testToken})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	url := "http://" + ln.Addr().String()
	type result struct {
		status int
		body   []byte
		err    error
	}
	answered := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest("POST", url+"/api/ingest", strings.NewReader(`{"articles":[{"id":"slow-1","source":"Wire","body":"A slow article about a harbour."}]}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		answered <- result{status: resp.StatusCode, body: b}
	}()
	<-ing.started
	shutdownAt := time.Now()
	cancel()

	select {
	case err := <-served:
		t.Fatalf("Serve returned (%v) while the ingest was in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	r := <-answered
	if r.err != nil || r.status != 200 {
		t.Fatalf("in-flight ingest: %d %v %s", r.status, r.err, r.body)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if took := time.Since(shutdownAt); took < 150*time.Millisecond {
		t.Errorf("Serve returned %s after cancel, before the ingest could finish", took)
	}
	if _, err := db.Article(context.Background(), "slow-1"); err != nil {
		t.Errorf("the in-flight ingest was not stored: %v", err)
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Errorf("server still accepts connections after shutdown")
	}
}

// TestShutdownCutsOffStragglers: a request longer than ShutdownTimeout is
// cut off and Serve says so.
func TestShutdownCutsOffStragglers(t *testing.T) {
	db := openStore(t)
	ing := newIngester(db, "s")
	ing.delay = 400 * time.Millisecond
	s := newServer(t, Config{Store: db, Ingester: ing, ShutdownTimeout: 50 * time.Millisecond})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	done := make(chan struct{})
	go func() {
		defer close(done)
		resp, err := http.Post("http://"+ln.Addr().String()+"/api/ingest", "application/json",
			strings.NewReader(`{"articles":[{"source":"Wire","body":"late"}]}`))
		if err == nil {
			resp.Body.Close()
		}
	}()
	<-ing.started
	cancel()
	err = <-served
	if err == nil || !strings.Contains(err.Error(), "cut off") {
		t.Errorf("Serve = %v, want a cut-off error", err)
	}
	<-done
	time.Sleep(ing.delay) // let the detached ingest end before the store closes
}

func TestMetrics(t *testing.T) {
	fx := newFixture(t)
	reg := prometheus.NewRegistry()
	s := newServer(t, Config{Store: fx.store, Ingester: newIngester(fx.store, "api-story"), Registry: reg, Version: "v9.9"})
	h := s.Handler()

	do(h, "GET", "/api/stories", "")
	do(h, "GET", "/api/stories", "")
	do(h, "GET", "/api/stories/nope", "")
	w := do(h, "POST", "/api/ingest", `{"articles":[
		{"id":"m-1","source":"Wire","body":"First metric article about the harbour crane."},
		{"id":"m-2","source":"Wire","body":"Second metric article about the harbour crane, longer."},
		{"id":"m-1","source":"Wire","body":"First metric article about the harbour crane."}]}`, "Content-Type", "application/json")
	if w.Code != 200 {
		t.Fatalf("ingest %d %s", w.Code, w.Body.Bytes())
	}
	s.FeedPolled(parallax.FeedSubscription{ID: "feed-1"}, 3, nil)
	s.FeedPolled(parallax.FeedSubscription{ID: "feed-2"}, 0, errors.New("feed-2: 502 Bad Gateway"))
	s.FeedPolled(parallax.FeedSubscription{ID: "feed-2"}, 0, errors.New("feed-2: 502 Bad Gateway"))

	if got := testutil.ToFloat64(s.metrics.ingested.WithLabelValues("api")); got != 2 {
		t.Errorf("ingested via api = %v, want 2 (the repeat is a duplicate)", got)
	}
	if got := testutil.ToFloat64(s.metrics.ingested.WithLabelValues("feed")); got != 3 {
		t.Errorf("ingested via feed = %v, want 3", got)
	}

	m := do(h, "GET", "/metrics", "")
	if m.Code != 200 || !strings.HasPrefix(m.Header().Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics: %d %s", m.Code, m.Header().Get("Content-Type"))
	}
	text := m.Body.String()
	stats, err := fx.store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for series, want := range map[string]float64{
		`parallax_feed_errors_total`:                   2,
		`parallax_articles_ingested_total{via="api"}`:  2,
		`parallax_articles_ingested_total{via="feed"}`: 3,
		`parallax_stories`:                             float64(stats.Stories),
		`parallax_articles_stored`:                     float64(stats.Articles),
		`parallax_build_info{version="v9.9"}`:          1,
		`parallax_http_request_duration_seconds_count{code="200",method="GET",route="/api/stories"}`:      2,
		`parallax_http_request_duration_seconds_count{code="404",method="GET",route="/api/stories/{id}"}`: 1,
		`parallax_http_request_duration_seconds_count{code="200",method="POST",route="/api/ingest"}`:      1,
	} {
		if got, ok := sample(text, series); !ok || got != want {
			t.Errorf("%s = %v (found %v), want %v", series, got, ok, want)
		}
	}
	if stats.Stories < 2 || stats.Articles < len(fx.articles)+3 {
		t.Errorf("stats %+v do not count the example and the ingest", stats)
	}
}

// sample reads one series' value from the Prometheus text format.
func sample(text, series string) (float64, bool) {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` (\S+)$`)
	m := re.FindStringSubmatch(text)
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(m[1], 64)
	return v, err == nil
}

// TestHostileContentStaysData: markup in an article comes back as escaped
// JSON strings, never as markup, with headers that stop content sniffing.
func TestHostileContentStaysData(t *testing.T) {
	db := openStore(t)
	h := newServer(t, Config{Store: db, Ingester: newIngester(db, "hostile")}).Handler()
	title := `<script>alert("t")</script>`
	body := `The mayor said <img src=x onerror=alert(1)> the bridge closed. </script><script>alert(2)</script> Officials confirmed it on Monday & Tuesday.`
	req, _ := json.Marshal(map[string]any{"articles": []map[string]string{{
		"id": "x<1>", "source": "<b>Outlet</b>", "title": title, "body": body, "author": "<i>A</i>",
	}}})
	if w := do(h, "POST", "/api/ingest", string(req), "Content-Type", "application/json"); w.Code != 200 {
		t.Fatalf("ingest %d %s", w.Code, w.Body.Bytes())
	}
	for _, path := range []string{"/api/articles/x%3C1%3E", "/api/stories/hostile/articles", "/api/stories/hostile", "/api/stories/hostile/brief", "/api/stories"} {
		w := do(h, "GET", path, "")
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", path, w.Code, w.Body.Bytes())
		}
		if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", path, ct)
		}
		if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, got)
		}
		if raw := w.Body.String(); strings.ContainsAny(raw, "<>") {
			t.Errorf("%s: raw markup in the body: %.300s", path, raw)
		}
		if !json.Valid(w.Body.Bytes()) {
			t.Errorf("%s: not JSON", path)
		}
	}
	w := do(h, "GET", "/api/articles/x%3C1%3E", "")
	var out struct {
		Article struct{ Title, Body, Source string } `json:"article"`
	}
	json.Unmarshal(w.Body.Bytes(), &out)
	if out.Article.Title != title || out.Article.Body != body || out.Article.Source != "<b>Outlet</b>" {
		t.Errorf("the data did not round-trip: %+v", out.Article)
	}
}

func TestRequestLogLine(t *testing.T) {
	db := openStore(t)
	var logs bytes.Buffer
	h := newServer(t, Config{Store: db, Logger: slog.New(slog.NewJSONHandler(&logs, nil))}).Handler()
	w := do(h, "GET", "/api/stories/missing", "")
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one log line per request, got %d:\n%s", len(lines), logs.String())
	}
	var line struct {
		Msg, Method, Route, Path string
		Status                   int
		Duration                 *float64 `json:"duration_ms"`
		Bytes                    int
	}
	if err := json.Unmarshal([]byte(lines[0]), &line); err != nil {
		t.Fatalf("log line is not JSON: %v\n%s", err, lines[0])
	}
	if line.Msg != "request" || line.Method != "GET" || line.Route != "/api/stories/{id}" || line.Path != "/api/stories/missing" ||
		line.Status != 404 || line.Duration == nil || line.Bytes != w.Body.Len() {
		t.Errorf("log line %s", lines[0])
	}
}

func TestFallbacks(t *testing.T) {
	db := openStore(t)
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/boom" {
			panic("ui bug")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><title>ui</title>"+r.URL.Path)
	})
	withUI := newServer(t, Config{Store: db, UI: ui}).Handler()
	bare := newServer(t, Config{Store: db}).Handler()

	w := do(withUI, "DELETE", "/api/stories", "")
	if w.Code != 405 || w.Header().Get("Allow") != "GET, HEAD" || errorCode(w.Body.Bytes()) != codeMethodNotAllowed {
		t.Errorf("DELETE /api/stories: %d Allow %q %s", w.Code, w.Header().Get("Allow"), w.Body.Bytes())
	}
	w = do(withUI, "PUT", "/api/feeds/abc", "")
	if w.Code != 405 || w.Header().Get("Allow") != "GET, DELETE, HEAD" {
		t.Errorf("PUT /api/feeds/abc: %d Allow %q", w.Code, w.Header().Get("Allow"))
	}
	w = do(withUI, "POST", "/healthz", "")
	if w.Code != 405 || errorCode(w.Body.Bytes()) != codeMethodNotAllowed {
		t.Errorf("POST /healthz reached %d %s", w.Code, w.Body.Bytes())
	}
	w = do(withUI, "GET", "/api/nothing/here", "")
	if w.Code != 404 || errorCode(w.Body.Bytes()) != codeNotFound {
		t.Errorf("unknown API path: %d %s", w.Code, w.Body.Bytes())
	}
	w = do(withUI, "HEAD", "/api/stories", "")
	if w.Code != 200 {
		t.Errorf("HEAD /api/stories: %d", w.Code)
	}
	for _, p := range []string{"/", "/stories/abc"} {
		w = do(withUI, "GET", p, "")
		if w.Code != 200 || !strings.Contains(w.Body.String(), "<title>ui</title>"+p) {
			t.Errorf("UI %s: %d %s", p, w.Code, w.Body.Bytes())
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("UI %s without nosniff", p)
		}
	}
	w = do(withUI, "GET", "/boom", "")
	if w.Code != 500 || errorCode(w.Body.Bytes()) != codeInternal {
		t.Errorf("panic: %d %s", w.Code, w.Body.Bytes())
	}
	w = do(bare, "GET", "/", "")
	if w.Code != 404 || errorCode(w.Body.Bytes()) != codeNotFound {
		t.Errorf("no UI: %d %s", w.Code, w.Body.Bytes())
	}
}

// TestIngestSurvivesClientHangup: an ingest that has started is finished
// and stored even when its client goes away.
func TestIngestSurvivesClientHangup(t *testing.T) {
	db := openStore(t)
	ing := newIngester(db, "s")
	ing.delay = 100 * time.Millisecond
	h := newServer(t, Config{Store: db, Ingester: ing}).Handler()
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequestWithContext(ctx, "POST", "/api/ingest",
		strings.NewReader(`{"articles":[{"id":"gone-1","source":"Wire","body":"The client left early."}]}`))
	req.Host = "localhost"
	req.Header.Set("Content-Type", "application/json")
	done := make(chan int)
	go func() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		done <- w.Code
	}()
	<-ing.started
	cancel()
	if code := <-done; code != 200 {
		t.Errorf("status %d", code)
	}
	if _, err := db.Article(context.Background(), "gone-1"); err != nil {
		t.Errorf("abandoned ingest not stored: %v", err)
	}
}

func TestConditionalValidators(t *testing.T) {
	mod := time.Date(2025, 3, 14, 9, 30, 15, 500, time.UTC)
	serve := func(header ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "/x", nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		w := httptest.NewRecorder()
		writeConditional(w, req, map[string]string{"a": "b"}, nil, mod)
		return w
	}
	first := serve()
	etag := first.Header().Get("ETag")
	if first.Code != 200 || !strings.HasPrefix(etag, `"`) || first.Header().Get("Last-Modified") != "Fri, 14 Mar 2025 09:30:15 GMT" {
		t.Fatalf("first: %d %v", first.Code, first.Header())
	}
	for _, tc := range []struct {
		header []string
		want   int
	}{
		{[]string{"If-None-Match", etag}, 304},
		{[]string{"If-None-Match", `"a", ` + etag}, 304},
		{[]string{"If-None-Match", "W/" + etag}, 304},
		{[]string{"If-None-Match", `"other"`}, 200},
		{[]string{"If-Modified-Since", "Fri, 14 Mar 2025 09:30:15 GMT"}, 304},
		{[]string{"If-Modified-Since", "Sat, 15 Mar 2025 00:00:00 GMT"}, 304},
		{[]string{"If-Modified-Since", "Fri, 14 Mar 2025 09:30:14 GMT"}, 200},
		{[]string{"If-Modified-Since", "yesterday"}, 200},
		// If-None-Match decides when both are sent.
		{[]string{"If-None-Match", `"other"`, "If-Modified-Since", "Sat, 15 Mar 2025 00:00:00 GMT"}, 200},
	} {
		w := serve(tc.header...)
		if w.Code != tc.want {
			t.Errorf("%q: %d, want %d", tc.header, w.Code, tc.want)
		}
		if tc.want == 304 && (w.Body.Len() != 0 || w.Header().Get("ETag") != etag) {
			t.Errorf("%q: 304 with body %q, ETag %q", tc.header, w.Body.Bytes(), w.Header().Get("ETag"))
		}
	}
}

// readOnlyFeeds is a real store that cannot record a feed's poll status.
type readOnlyFeeds struct{ parallax.Store }

func (readOnlyFeeds) UpdateFeed(context.Context, parallax.FeedSubscription) error {
	return errors.New("disk full")
}

// TestPollFeed covers what the walk does not: the ways a poll request may
// come without a body, and a poll the store could not record.
func TestPollFeed(t *testing.T) {
	feeds := newFeedServer(t)
	db := openStore(t)
	// On loopback without a token, as `parallax serve` runs by default.
	h := newServer(t, Config{Store: db, PollFeed: newPoller(db).Poll}).Handler()
	w := do(h, "POST", "/api/feeds", `{"url":"`+feeds.URL+`/rss.xml"}`, "Content-Type", "application/json")
	if w.Code != 201 {
		t.Fatalf("subscribe: %d %s", w.Code, w.Body.Bytes())
	}
	var sub feedJSON
	json.Unmarshal(w.Body.Bytes(), &sub)
	path := "/api/feeds/" + sub.ID + "/poll"

	for _, tc := range []struct {
		name     string
		body, ct string
		chunked  bool
		want     int
	}{
		{name: "no body", want: 200},
		{name: "no body, JSON declared", ct: "application/json", want: 200},
		{name: "empty chunked body", chunked: true, want: 200},
		{name: "empty object", body: `{}`, ct: "application/json; charset=utf-8", want: 200},
		{name: "empty object, chunked", body: `{}`, ct: "application/json", chunked: true, want: 200},
		{name: "object without Content-Type", body: `{}`, want: 415},
		{name: "form", body: `force=1`, ct: "application/x-www-form-urlencoded", want: 415},
		{name: "array", body: `[]`, ct: "application/json", want: 400},
		{name: "unknown option", body: `{"force":true}`, ct: "application/json", chunked: true, want: 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var body io.Reader = http.NoBody
			if tc.chunked {
				body = io.MultiReader(strings.NewReader(tc.body)) // no length: chunked
			} else if tc.body != "" {
				body = strings.NewReader(tc.body)
			}
			req := httptest.NewRequest("POST", path, body)
			req.Host = "localhost:8080"
			if tc.ct != "" {
				req.Header.Set("Content-Type", tc.ct)
			}
			if want := int64(len(tc.body)); tc.chunked {
				if req.ContentLength != -1 {
					t.Fatalf("ContentLength %d; the case needs a chunked body", req.ContentLength)
				}
			} else if req.ContentLength != want {
				t.Fatalf("ContentLength %d, want %d", req.ContentLength, want)
			}
			before := len(feeds.hits())
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.want, rec.Body.Bytes())
			}
			polled := len(feeds.hits()) - before
			if tc.want == 200 && (polled != 1 || !strings.Contains(rec.Body.String(), `"last_success":"`)) {
				t.Errorf("answered 200 after %d GETs of the feed: %s", polled, rec.Body.Bytes())
			}
			if tc.want != 200 && polled != 0 {
				t.Errorf("refused request polled the feed %d times", polled)
			}
		})
	}

	// A failure the store could not record is not answered with the
	// stored, healthy-looking status.
	t.Run("unrecorded failure", func(t *testing.T) {
		w := do(h, "POST", "/api/feeds", `{"url":"`+feeds.URL+`/broken.xml"}`, "Content-Type", "application/json")
		var broken feedJSON
		json.Unmarshal(w.Body.Bytes(), &broken)
		ro := readOnlyFeeds{db}
		h := newServer(t, Config{Store: ro, PollFeed: newPoller(ro).Poll}).Handler()
		w = do(h, "POST", "/api/feeds/"+broken.ID+"/poll", "")
		if w.Code != 500 || errorCode(w.Body.Bytes()) != codeInternal {
			t.Errorf("status %d %s, want 500", w.Code, w.Body.Bytes())
		}
		if f, err := db.Feed(context.Background(), broken.ID); err != nil || f.Failures != 0 || !f.LastPolled.IsZero() {
			t.Errorf("store holds %+v (%v), want the status untouched", f, err)
		}
	})
}
