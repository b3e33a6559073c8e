package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// site is a loopback test server that counts requests by path.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
	uas  []string
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.hits {
		n += v
	}
	return n
}

// newSite serves h on addr ("" for 127.0.0.1) and counts what it serves.
func newSite(t testing.TB, addr string, h http.HandlerFunc) *site {
	t.Helper()
	s := &site{hits: make(map[string]int)}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.uas = append(s.uas, r.UserAgent())
		s.mu.Unlock()
		h(w, r)
	}))
	if addr != "" {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			t.Skipf("cannot listen on %s: %v", addr, err)
		}
		s.Listener.Close()
		s.Listener = l
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

// pages serves a fixed map of path to body; robots.txt 404s unless given.
func pages(m map[string]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, ok := m[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		io := strings.NewReader(body)
		w.Header().Set("Content-Type", "text/plain")
		io.WriteTo(w)
	}
}

var local = Options{AllowPrivate: true}

func TestGet(t *testing.T) {
	s := newSite(t, "", pages(map[string]string{"/a": "hello"}))
	c := New(local)
	r, err := c.Get(context.Background(), s.URL+"/a", nil)
	if err != nil {
		t.Fatal(err)
	}
	if string(r.Body) != "hello" || r.Status != 200 || r.URL != s.URL+"/a" || r.NotModified {
		t.Errorf("got %+v", r)
	}
	if r.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("Content-Type = %q", r.Header.Get("Content-Type"))
	}
}

func TestUserAgent(t *testing.T) {
	s := newSite(t, "", pages(map[string]string{"/a": "x"}))
	for _, tt := range []struct{ set, want string }{
		{"", "Parallax/dev (+https://github.com/parallax-news/parallax)"},
		{UserAgent("1.4.0"), "Parallax/1.4.0 (+https://github.com/parallax-news/parallax)"},
		{"TestBot/9", "TestBot/9"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			s.mu.Lock()
			s.uas = nil
			s.mu.Unlock()
			o := local
			o.UserAgent = tt.set
			if _, err := New(o).Get(context.Background(), s.URL+"/a", nil); err != nil {
				t.Fatal(err)
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			// robots.txt and the page: both carry the User-Agent.
			if len(s.uas) != 2 || s.uas[0] != tt.want || s.uas[1] != tt.want {
				t.Errorf("User-Agents = %q, want 2 × %q", s.uas, tt.want)
			}
		})
	}
}

func TestPrivateRefused(t *testing.T) {
	s := newSite(t, "", pages(map[string]string{"/a": "x", "/robots.txt": ""}))
	_, port, _ := net.SplitHostPort(s.Listener.Addr().String())
	for _, u := range []string{
		s.URL + "/a",
		"http://[::ffff:127.0.0.1]:" + port + "/a",
		// A name is not checked before the dial: refusing it proves the
		// check runs on the resolved address.
		"http://localhost:" + port + "/a",
	} {
		t.Run(u, func(t *testing.T) {
			for _, o := range []Options{{}, {IgnoreRobots: true}} {
				_, err := New(o).Get(context.Background(), u, nil)
				if !errors.Is(err, ErrPrivateAddress) {
					t.Fatalf("Get(%s) = %v, want ErrPrivateAddress", u, err)
				}
			}
			if n := s.total(); n != 0 {
				t.Errorf("server saw %d requests", n)
			}
		})
	}
}

// TestPrivateRefusedPerHop proves that each redirect hop and each new
// connection is checked, not only the first URL. 127.0.0.2 stands for a
// public host: the test's policy lets it through and refuses the rest as
// the real check does. A redirect from it to a private host (127.0.0.1,
// named "localhost" so that only the dialer can catch it) is refused.
func TestPrivateRefusedPerHop(t *testing.T) {
	inner := newSite(t, "", pages(map[string]string{"/secret": "metadata", "/robots.txt": ""}))
	_, innerPort, _ := net.SplitHostPort(inner.Listener.Addr().String())
	target := "http://localhost:" + innerPort + "/secret"
	outer := newSite(t, "127.0.0.2:0", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/page":
			w.Write([]byte("public page"))
		case "/literal":
			http.Redirect(w, r, inner.URL+"/secret", http.StatusFound)
		default:
			http.Redirect(w, r, target, http.StatusFound)
		}
	})
	public := netip.MustParseAddr("127.0.0.2")
	newClient := func(o Options) *Client {
		c := New(o)
		c.check = func(ip netip.Addr) error {
			if ip == public {
				return nil
			}
			return checkAddr(ip)
		}
		return c
	}
	for _, tt := range []struct {
		name string
		path string
		o    Options
	}{
		{"redirect to name, robots", "/go", Options{}},
		{"redirect to name, no robots", "/go", Options{IgnoreRobots: true}},
		{"redirect to literal", "/literal", Options{IgnoreRobots: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(tt.o)
			if _, err := c.Get(context.Background(), outer.URL+"/page", nil); err != nil {
				t.Fatalf("public page: %v", err)
			}
			_, err := c.Get(context.Background(), outer.URL+tt.path, nil)
			if !errors.Is(err, ErrPrivateAddress) {
				t.Fatalf("Get = %v, want ErrPrivateAddress", err)
			}
			if n := inner.total(); n != 0 {
				t.Errorf("private server saw %d requests", n)
			}
		})
	}
	t.Run("every connection", func(t *testing.T) {
		c := newClient(Options{IgnoreRobots: true})
		if _, err := c.Get(context.Background(), outer.URL+"/page", nil); err != nil {
			t.Fatal(err)
		}
		// The name now "resolves" elsewhere: the policy changes under a
		// client that already connected once.
		c.check = checkAddr
		c.hc.CloseIdleConnections()
		if _, err := c.Get(context.Background(), outer.URL+"/page", nil); !errors.Is(err, ErrPrivateAddress) {
			t.Fatalf("second connection: %v, want ErrPrivateAddress", err)
		}
	})
}

func TestScheme(t *testing.T) {
	s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	c := New(Options{AllowPrivate: true, IgnoreRobots: true})
	for _, u := range []string{"ftp://example.com/x", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)", s.URL + "/go"} {
		if _, err := c.Get(context.Background(), u, nil); !errors.Is(err, ErrUnsupportedScheme) {
			t.Errorf("Get(%s) = %v, want ErrUnsupportedScheme", u, err)
		}
	}
	if _, err := c.Get(context.Background(), "http:///nohost", nil); err == nil || !strings.Contains(err.Error(), "no host") {
		t.Errorf("no host: %v", err)
	}
}

// chain redirects /r/N to /r/N-1 ... to /r/0, which answers.
func chain(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/r/"))
	switch {
	case err != nil:
		http.NotFound(w, r)
	case n == 0:
		w.Write([]byte("end"))
	default:
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusMovedPermanently)
	}
}

func TestRedirects(t *testing.T) {
	s := newSite(t, "", chain)
	tests := []struct {
		max, hops int
		ok        bool
	}{
		{0, 5, true}, // default 5
		{0, 6, false},
		{3, 3, true},
		{3, 4, false},
		{-1, 0, true},
		{-1, 1, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("max %d hops %d", tt.max, tt.hops), func(t *testing.T) {
			c := New(Options{AllowPrivate: true, MaxRedirects: tt.max})
			r, err := c.Get(context.Background(), fmt.Sprintf("%s/r/%d", s.URL, tt.hops), nil)
			if !tt.ok {
				if !errors.Is(err, ErrTooManyRedirects) {
					t.Fatalf("err = %v, want ErrTooManyRedirects", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.URL != s.URL+"/r/0" || string(r.Body) != "end" {
				t.Errorf("final %s %q", r.URL, r.Body)
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	const limit = 100
	s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		body := bytes.Repeat([]byte("x"), n)
		switch r.URL.Path {
		case "/length":
			w.Header().Set("Content-Length", strconv.Itoa(n))
			w.Write(body)
		case "/chunked":
			// Flushing before the end forces chunked encoding: no
			// Content-Length to refuse early on.
			w.Write(body[:n/2])
			w.(http.Flusher).Flush()
			w.Write(body[n/2:])
		case "/gzip":
			// Small on the wire, large once decoded: the limit is on
			// what is decoded.
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write(body)
			zw.Close()
		default:
			http.NotFound(w, r)
		}
	})
	c := New(Options{AllowPrivate: true, MaxBytes: limit})
	for _, path := range []string{"/length", "/chunked", "/gzip"} {
		for _, n := range []int{0, limit - 1, limit, limit + 1, 10 * limit} {
			t.Run(fmt.Sprintf("%s %d", path, n), func(t *testing.T) {
				r, err := c.Get(context.Background(), fmt.Sprintf("%s%s?n=%d", s.URL, path, n), nil)
				if n > limit {
					if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "response larger than 100 bytes") {
						t.Fatalf("err = %v, want ErrTooLarge", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if len(r.Body) != n {
					t.Errorf("body %d bytes, want %d", len(r.Body), n)
				}
			})
		}
	}
}

func TestConditional(t *testing.T) {
	const etag, lastMod = `"v1"`, "Mon, 02 Jan 2006 15:04:05 GMT"
	s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
				w.Header().Set("ETag", etag)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", lastMod)
			w.Write([]byte("<rss/>"))
		case "/bare":
			// A 304 that repeats no validators.
			w.WriteHeader(http.StatusNotModified)
		default:
			http.NotFound(w, r)
		}
	})
	c := New(local)
	ctx := context.Background()
	r, err := c.Get(ctx, s.URL+"/feed", nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.NotModified || r.ETag != etag || r.LastModified != lastMod || string(r.Body) != "<rss/>" {
		t.Fatalf("first: %+v", r)
	}
	v := r.Validators()
	for _, cond := range []*Conditional{v, {ETag: etag}, {LastModified: lastMod}} {
		r, err := c.Get(ctx, s.URL+"/feed", cond)
		if err != nil {
			t.Fatal(err)
		}
		if !r.NotModified || r.Status != 304 || r.Body != nil || r.ETag != etag {
			t.Errorf("cond %+v: %+v", cond, r)
		}
	}
	r, err = c.Get(ctx, s.URL+"/bare", &Conditional{ETag: `"x"`, LastModified: lastMod})
	if err != nil {
		t.Fatal(err)
	}
	if !r.NotModified || r.ETag != `"x"` || r.LastModified != lastMod {
		t.Errorf("bare 304 lost the caller's validators: %+v", r)
	}
	if (&Response{}).Validators() != nil {
		t.Error("Validators of a response without any is not nil")
	}
}

func TestStatusError(t *testing.T) {
	s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/busy":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/slow-down":
			w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			http.NotFound(w, r)
		}
	})
	c := New(Options{AllowPrivate: true, IgnoreRobots: true})
	tests := []struct {
		path      string
		status    int
		temporary bool
		minRetry  time.Duration
		maxRetry  time.Duration
	}{
		{"/busy", 503, true, 120 * time.Second, 120 * time.Second},
		{"/slow-down", 429, true, 59 * time.Minute, time.Hour},
		{"/gone", 404, false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := c.Get(context.Background(), s.URL+tt.path, nil)
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want *StatusError", err)
			}
			if se.Status != tt.status || se.Temporary() != tt.temporary || se.RetryAfter < tt.minRetry || se.RetryAfter > tt.maxRetry {
				t.Errorf("got %+v temporary=%v", se, se.Temporary())
			}
			if !strings.Contains(se.Error(), strconv.Itoa(tt.status)) {
				t.Errorf("message %q", se.Error())
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := map[string]time.Duration{
		"":                              0,
		"30":                            30 * time.Second,
		" 5 ":                           5 * time.Second,
		"0":                             0,
		"-3":                            0,
		"soon":                          0,
		"Sat, 01 Mar 2025 12:10:00 GMT": 10 * time.Minute,
		"Sat, 01 Mar 2025 11:00:00 GMT": 0, // past
		"99999999999":                   365 * 24 * time.Hour,
	}
	for in, want := range tests {
		if got := retryAfter(in, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

// sleepy waits d or until the client gives up.
func sleepy(w http.ResponseWriter, r *http.Request, d time.Duration) {
	select {
	case <-time.After(d):
	case <-r.Context().Done():
	}
}

func TestTimeouts(t *testing.T) {
	s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/headers":
			sleepy(w, r, 5*time.Second)
		case "/body":
			w.Write([]byte("start"))
			w.(http.Flusher).Flush()
			sleepy(w, r, 5*time.Second)
		}
	})
	tests := []struct {
		name string
		path string
		o    Options
	}{
		{"header timeout", "/headers", Options{HeaderTimeout: 100 * time.Millisecond, Timeout: 10 * time.Second}},
		{"overall timeout on headers", "/headers", Options{Timeout: 150 * time.Millisecond}},
		{"overall timeout on body", "/body", Options{Timeout: 150 * time.Millisecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.AllowPrivate, tt.o.IgnoreRobots = true, true
			start := time.Now()
			_, err := New(tt.o).Get(context.Background(), s.URL+tt.path, nil)
			if err == nil {
				t.Fatal("no error")
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	t.Run("context", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		_, err := New(local).Get(ctx, s.URL+"/headers", nil)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want DeadlineExceeded", err)
		}
	})
}

func TestRobots(t *testing.T) {
	const txt = "User-agent: *\nDisallow: /private\n\nUser-agent: Parallax\nDisallow: /no-parallax\nAllow: /no-parallax/ok\n"
	tests := []struct {
		name       string
		robots     func(w http.ResponseWriter, r *http.Request)
		path       string
		disallowed bool
	}{
		{"allowed", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(txt)) }, "/news/1", false},
		{"own group", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(txt)) }, "/no-parallax/x", true},
		{"own group allow", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(txt)) }, "/no-parallax/ok", false},
		{"star group ignored", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(txt)) }, "/private", false},
		{"404 allows all", http.NotFound, "/anything", false},
		{"403 allows all", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(403) }, "/anything", false},
		{"500 disallows all", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) }, "/anything", true},
		{"429 disallows all", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(429) }, "/anything", true},
		{"redirected robots", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/real-robots", 301) }, "/no-parallax/x", true},
		{"oversized robots read in part", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(txt))
			w.Write(bytes.Repeat([]byte("# padding\n"), maxRobotsBytes/10+10))
		}, "/no-parallax/x", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
				switch r.URL.Path {
				case "/robots.txt":
					tt.robots(w, r)
				case "/real-robots":
					w.Write([]byte(txt))
				default:
					w.Write([]byte("page"))
				}
			})
			c := New(Options{AllowPrivate: true, MaxBytes: 64 << 10})
			for range 3 {
				_, err := c.Get(context.Background(), s.URL+tt.path, nil)
				if tt.disallowed != errors.Is(err, ErrDisallowed) {
					t.Fatalf("err = %v, want disallowed=%v", err, tt.disallowed)
				}
				if !tt.disallowed && err != nil {
					t.Fatal(err)
				}
			}
			if n := s.count("/robots.txt"); n != 1 {
				t.Errorf("robots.txt fetched %d times, want once", n)
			}
			if tt.disallowed && s.count(tt.path) != 0 {
				t.Errorf("disallowed page was fetched")
			}
		})
	}
}

func TestRobotsRedirectTarget(t *testing.T) {
	s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /hidden\n"))
		case "/go":
			http.Redirect(w, r, "/hidden/page", http.StatusFound)
		default:
			w.Write([]byte("page"))
		}
	})
	c := New(local)
	_, err := c.Get(context.Background(), s.URL+"/go", nil)
	if !errors.Is(err, ErrDisallowed) {
		t.Fatalf("err = %v, want ErrDisallowed", err)
	}
	if s.count("/hidden/page") != 0 {
		t.Error("disallowed redirect target was fetched")
	}
}

func TestRobotsIgnored(t *testing.T) {
	s := newSite(t, "", pages(map[string]string{"/robots.txt": "User-agent: *\nDisallow: /\n", "/a": "x"}))
	if _, err := New(Options{AllowPrivate: true, IgnoreRobots: true}).Get(context.Background(), s.URL+"/a", nil); err != nil {
		t.Fatal(err)
	}
	if s.count("/robots.txt") != 0 {
		t.Error("robots.txt fetched though ignored")
	}
}

func TestRobotsCacheExpiry(t *testing.T) {
	var status atomic.Int32
	status.Store(500)
	s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(int(status.Load()))
			return
		}
		w.Write([]byte("page"))
	})
	c := New(local)
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	get := func() error { _, err := c.Get(context.Background(), s.URL+"/a", nil); return err }

	if err := get(); !errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), "unreachable") {
		t.Fatalf("robots 500: %v", err)
	}
	status.Store(404)
	if err := get(); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("cached unreachable: %v", err)
	}
	now = now.Add(robotsUnreachableTTL + time.Second)
	if err := get(); err != nil {
		t.Fatalf("after expiry: %v", err)
	}
	if n := s.count("/robots.txt"); n != 2 {
		t.Errorf("robots.txt fetched %d times, want 2", n)
	}
}

// Concurrent first requests to one origin share one robots.txt fetch.
func TestRobotsConcurrent(t *testing.T) {
	s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			time.Sleep(50 * time.Millisecond)
			w.Write([]byte("User-agent: *\nDisallow: /x\n"))
			return
		}
		w.Write([]byte("page"))
	})
	c := New(local)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() { _, errs[i] = c.Get(context.Background(), s.URL+"/a", nil) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times", n)
	}
}

// A MaxBytes smaller than robots.txt must not cut rules off.
func TestRobotsSmallMaxBytes(t *testing.T) {
	s := newSite(t, "", pages(map[string]string{"/robots.txt": "User-agent: *\nDisallow: /x\n", "/x": "y"}))
	_, err := New(Options{AllowPrivate: true, MaxBytes: 5}).Get(context.Background(), s.URL+"/x", nil)
	if !errors.Is(err, ErrDisallowed) {
		t.Fatalf("err = %v, want ErrDisallowed", err)
	}
}

// A request waiting on another's robots.txt fetch does not inherit that
// request's cancellation: it fetches robots.txt itself.
func TestRobotsFetcherCancelled(t *testing.T) {
	var calls atomic.Int32
	arrived := make(chan struct{})
	s := newSite(t, "", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" {
			w.Write([]byte("page"))
			return
		}
		if calls.Add(1) == 1 {
			close(arrived)
			<-r.Context().Done() // hold the first fetch until it is cancelled
			return
		}
		w.Write([]byte("User-agent: *\nDisallow: /x\n"))
	})
	c := New(local)
	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan error)
	go func() { _, err := c.Get(ctx, s.URL+"/a", nil); first <- err }()
	<-arrived
	second := make(chan error)
	go func() { _, err := c.Get(context.Background(), s.URL+"/a", nil); second <- err }()
	time.Sleep(20 * time.Millisecond) // let the second request start waiting
	cancel()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Errorf("first: %v, want Canceled", err)
	}
	if err := <-second; err != nil {
		t.Errorf("second: %v", err)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("robots.txt fetched %d times, want 2", n)
	}
}
