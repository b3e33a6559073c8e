package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net"
	"net/http"
	"slices"
	"strings"
)

// route is one endpoint: a ServeMux pattern split into method and path (the
// path is written the way openapi.json writes it) and its handler.
type route struct {
	method, path string
	h            http.HandlerFunc
	// write marks endpoints that change the store: they need the token and
	// get the ingest or request deadline.
	write bool
	// long endpoints get IngestTimeout instead of RequestTimeout.
	long bool
	// ui is the web UI mounted at "/": no API headers, no JSON fallback.
	ui bool
}

// routes lists every endpoint the API serves; New registers exactly these,
// and the OpenAPI test checks the spec against the same list.
func (s *Server) routes() []route {
	return []route{
		{method: "GET", path: "/api/stories", h: s.listStories},
		{method: "GET", path: "/api/stories/{id}", h: s.getStory},
		{method: "GET", path: "/api/stories/{id}/brief", h: s.getBrief},
		{method: "GET", path: "/api/stories/{id}/articles", h: s.getStoryArticles},
		{method: "GET", path: "/api/articles/{id}", h: s.getArticle},
		{method: "GET", path: "/api/quotes", h: s.listQuotes},
		{method: "GET", path: "/api/entities/{name}", h: s.getEntity},
		{method: "POST", path: "/api/ingest", h: s.ingest, write: true, long: true},
		{method: "GET", path: "/api/feeds", h: s.listFeeds},
		{method: "POST", path: "/api/feeds", h: s.addFeed, write: true},
		{method: "GET", path: "/api/feeds/{id}", h: s.getFeed},
		{method: "DELETE", path: "/api/feeds/{id}", h: s.removeFeed, write: true},
		{method: "POST", path: "/api/feeds/{id}/poll", h: s.pollFeed, write: true, long: true},
		{method: "GET", path: "/api/openapi.json", h: s.openAPI},
		{method: "GET", path: "/healthz", h: s.healthz},
		{method: "GET", path: "/readyz", h: s.readyz},
		{method: "GET", path: "/metrics", h: s.metrics.handler().ServeHTTP},
	}
}

// route wraps one endpoint's handler with what every endpoint of its kind
// needs: its name for logs and metrics, API headers, the token check for
// writes, the body limit and the deadline.
func (s *Server) route(rt route) http.Handler {
	label := rt.path
	timeout := s.cfg.RequestTimeout
	if rt.long {
		timeout = s.cfg.IngestTimeout
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if info := infoFrom(r.Context()); info != nil {
			info.route = label
		}
		if !rt.ui {
			h := w.Header()
			h.Set("Cache-Control", "no-store")
			h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
			h.Set("Referrer-Policy", "no-referrer")
		}
		if rt.write {
			// A page on another site must not write through a visitor's
			// browser, least of all to a loopback server without a token.
			if err := s.csrf.Check(r); err != nil {
				writeError(w, r, http.StatusForbidden, codeForbidden, "cross-origin writes from a browser are refused")
				return
			}
			if !s.authorized(w, r) {
				return
			}
		}
		if r.ContentLength > s.cfg.MaxBodyBytes {
			writeError(w, r, http.StatusRequestEntityTooLarge, codeTooLarge,
				"request body of %d bytes is over the limit of %d bytes", r.ContentLength, s.cfg.MaxBodyBytes)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		ctx := r.Context()
		if rt.write {
			// A write that has started finishes even if the client
			// hangs up: it is idempotent, and a half-seen result is
			// worse than a complete one nobody reads.
			ctx = context.WithoutCancel(ctx)
		}
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		rt.h(w, r.WithContext(ctx))
	})
}

// authorized checks a write's bearer token and answers 401 when it fails.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	if auth == "" && !s.cfg.RequireToken {
		if loopbackHost(r.Host) {
			return true
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
		writeError(w, r, http.StatusUnauthorized, codeUnauthorized,
			"writes without a token are accepted only through a loopback host name (localhost, 127.0.0.1, [::1]); got host %q", r.Host)
		return false
	}
	scheme, token, ok := strings.Cut(auth, " ")
	if auth == "" || !ok || !strings.EqualFold(scheme, "Bearer") || s.cfg.Token == "" || !sameToken(strings.TrimSpace(token), s.cfg.Token) {
		if auth == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
			writeError(w, r, http.StatusUnauthorized, codeUnauthorized, "this endpoint needs an Authorization: Bearer token")
		} else {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parallax", error="invalid_token"`)
			writeError(w, r, http.StatusUnauthorized, codeUnauthorized, "the bearer token is not valid")
		}
		return false
	}
	return true
}

// sameToken compares in time independent of where the tokens differ and of
// their lengths (both are hashed first).
func sameToken(got, want string) bool {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return host != "" && Loopback(host)
}

// apiFallback answers paths no route serves: 405 with Allow when the path
// exists under other methods, 404 otherwise, both as JSON errors.
func (s *Server) apiFallback(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		probe := r.Clone(r.Context())
		probe.Method = m
		// Routes are registered with a method; fallbacks without one.
		if _, pattern := s.mux.Handler(probe); strings.Contains(pattern, " ") {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		if slices.Contains(allow, "GET") {
			allow = append(allow, "HEAD")
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, r, http.StatusMethodNotAllowed, codeMethodNotAllowed, "%s is not allowed on %s; allowed: %s", r.Method, r.URL.Path, strings.Join(allow, ", "))
		return
	}
	writeError(w, r, http.StatusNotFound, codeNotFound, "no endpoint at %s; the API is described at /api/openapi.json", r.URL.Path)
}
