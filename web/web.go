// Package web owns the server-rendered reading interface of Parallax: the
// home page of recent and growing stories, one page per story (the cited
// summary, agreed and disputed facts, who said what, what only one outlet
// reports, wording differences, a timeline and the articles), the article
// reader that highlights a cited sentence, story search, entity and speaker
// pages, and the static files they need (CSS, htmx, uPlot), embedded in the
// binary.
//
// Pages are html/template documents that work without JavaScript; htmx
// updates search results in place and uPlot draws the timeline chart, both
// served from /static with no third-party origin. Everything the store holds
// (titles, article text, outlet names, quotes) is treated as untrusted and
// reaches the page only through html/template's contextual escaping, or,
// for the story page's lists of citations, through a writer that escapes
// byte for byte as html/template does (escape.go, tested against it).
//
// A story page reads the story and its brief in one store call; the stored
// articles are read only when the brief does not list them all or a
// citation must be found in their text. Rendered story pages (within
// Options.PageCacheBytes) and the home page are reused while what they
// show is unchanged.
package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure the interface.
type Options struct {
	// Title names the site in the header and in every page title;
	// "Parallax" when empty.
	Title string
	// Version is shown in the footer when set.
	Version string
	// BasePath is the path prefix the handler is mounted under, without a
	// trailing slash ("" for the root, "/ui" for
	// mux.Handle("/ui/", http.StripPrefix("/ui", h))). Every link the pages
	// make starts with it.
	BasePath string
	// Logger receives server-side errors (a failing store, a template that
	// could not render); nothing is logged when nil.
	Logger *slog.Logger
	// PageCacheBytes bounds the memory, in bytes, of the rendered story
	// pages kept for reuse; a page is reused only while its story, brief
	// and list of articles are unchanged. 0 means DefaultPageCacheBytes; a
	// negative value keeps no rendered page (nor the home page, which is
	// otherwise kept while its lists are unchanged).
	PageCacheBytes int
}

// DefaultPageCacheBytes is the page cache's bound when Options leave it 0.
const DefaultPageCacheBytes = 32 << 20

// textCacheBytes bounds the normalized article texts kept for placing
// citations (stored articles never change, so neither does their text).
const textCacheBytes = 8 << 20

// server holds what every request needs.
type server struct {
	store  parallax.Store
	opt    Options
	log    *slog.Logger
	pages  map[string]*template.Template
	static fs.FS
	// hashes maps a static file name to a short hash of its content; links
	// carry it as ?v= so the files can be cached for a year.
	hashes map[string]string
	// storyPages keeps rendered story pages (see Options.PageCacheBytes);
	// texts keeps normalized article texts by article id.
	storyPages *pageCache
	texts      *lru
	// homePage is the home page last rendered from complete lists.
	homePage atomic.Pointer[renderedPage]
}

// New returns the interface's handler over store. It serves:
//
//	GET /                    recent and growing stories, a search box
//	GET /search?q=           story search (a fragment for htmx requests)
//	GET /stories/{id}        a story's brief
//	GET /articles/{id}?s=A-B an article with bytes [A, B) of its normalized text highlighted
//	GET /entities/{name}     one entity across stories
//	GET /quotes?speaker=     quotes by speaker
//	GET /static/...          CSS, scripts and their licenses
//
// Unknown paths and missing stories, articles and entities get a 404 page,
// store failures a 500 page, both in the site's layout.
func New(store parallax.Store, o Options) (http.Handler, error) {
	s, err := newServer(store, o)
	if err != nil {
		return nil, err
	}
	return s.handler(), nil
}

// newServer checks the options and prepares what every request needs.
func newServer(store parallax.Store, o Options) (*server, error) {
	if store == nil {
		return nil, errors.New("web: nil store")
	}
	if o.Title == "" {
		o.Title = "Parallax"
	}
	o.BasePath = strings.TrimRight(o.BasePath, "/")
	if o.BasePath != "" && !strings.HasPrefix(o.BasePath, "/") {
		return nil, fmt.Errorf("web: base path %q must start with /", o.BasePath)
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	s := &server{store: store, opt: o, log: log, static: static, texts: newLRU(textCacheBytes)}
	switch {
	case o.PageCacheBytes == 0:
		s.storyPages = newPageCache(DefaultPageCacheBytes)
	case o.PageCacheBytes > 0:
		s.storyPages = newPageCache(o.PageCacheBytes)
	}
	if s.hashes, err = hashFiles(static); err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	if s.pages, err = s.parseTemplates(); err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	return s, nil
}

// handler routes requests to the pages.
func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /search", s.search)
	mux.HandleFunc("GET /stories/{id}", s.story)
	mux.HandleFunc("GET /articles/{id}", s.article)
	mux.HandleFunc("GET /entities/{name...}", s.entity)
	mux.HandleFunc("GET /quotes", s.quotes)
	mux.Handle("GET /static/", http.StripPrefix("/static", s.staticHandler()))
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.opt.BasePath+"/static/favicon.svg?v="+s.hashes["favicon.svg"], http.StatusMovedPermanently)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.fail(w, r, http.StatusMethodNotAllowed, "This page can only be read.")
			return
		}
		s.notFound(w, r, "There is no page at this address.")
	})
	return s.secure(s.recoverer(mux))
}

// page names the templates that render a whole page in the layout.
var pageNames = []string{"home", "search", "story", "article", "entity", "quotes", "error"}

func (s *server) parseTemplates() (map[string]*template.Template, error) {
	base, err := template.New("layout").Funcs(s.funcs()).ParseFS(templateFS, "templates/layout.tmpl", "templates/parts.tmpl")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(templateFS, "templates/"+name+".tmpl"); err != nil {
			return nil, err
		}
		out[name] = t
	}
	return out, nil
}

// layoutData is what the layout needs around every page's content.
type layoutData struct {
	Site    string
	Version string
	Title   string // the page's own title, "" on the home page
	Nav     string // which nav entry is current
	Query   string // the search box's value
	Chart   bool   // load uPlot and the chart script
	Noindex bool
	Page    any
}

// render writes one page with status code, or the 500 page when the
// template fails; nothing is written before the page rendered whole.
func (s *server) render(w http.ResponseWriter, r *http.Request, code int, name string, d layoutData) {
	s.renderThen(w, r, code, name, d, nil)
}

// renderThen is render that also hands the page written, when it rendered,
// to keep (which must copy what it keeps: the bytes are reused).
func (s *server) renderThen(w http.ResponseWriter, r *http.Request, code int, name string, d layoutData, keep func([]byte)) {
	d.Site, d.Version = s.opt.Title, s.opt.Version
	buf := getBuffer()
	defer putBuffer(buf)
	if err := s.pages[name].ExecuteTemplate(buf, "layout", d); err != nil {
		s.log.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		if name == "error" {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		s.fail(w, r, http.StatusInternalServerError, "This page could not be shown.")
		return
	}
	writeHTML(w, code, buf.Bytes())
	if keep != nil {
		keep(buf.Bytes())
	}
}

// renderFragment writes one named template without the layout (for htmx).
func (s *server) renderFragment(w http.ResponseWriter, r *http.Request, page, name string, data any) {
	buf := getBuffer()
	defer putBuffer(buf)
	if err := s.pages[page].ExecuteTemplate(buf, name, data); err != nil {
		s.log.Error("render fragment", "fragment", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeHTML(w, http.StatusOK, buf.Bytes())
}

// buffers recycles the buffers pages are rendered into: a story page is
// tens to hundreds of kilobytes, and growing a fresh buffer to that size
// for every request allocates about twice as much again.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the largest buffer kept for reuse.
const maxPooledBuffer = 1 << 20

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	buffers.Put(b)
}

func writeHTML(w http.ResponseWriter, code int, body []byte) {
	htmlHeader(w, code)
	w.Write(body)
}

// writeHTMLString is writeHTML for a page kept as a string.
func writeHTMLString(w http.ResponseWriter, code int, body string) {
	htmlHeader(w, code)
	io.WriteString(w, body)
}

func htmlHeader(w http.ResponseWriter, code int) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(code)
}

// errorPage is the content of the 404 and 500 pages.
type errorPage struct {
	Code    int
	Heading string
	Message string
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	s.fail(w, r, http.StatusNotFound, msg)
}

// fail writes the error page with code and a message for the reader.
func (s *server) fail(w http.ResponseWriter, r *http.Request, code int, msg string) {
	heading := http.StatusText(code)
	switch code {
	case http.StatusNotFound:
		heading = "Page not found"
	case http.StatusInternalServerError:
		heading = "Something went wrong"
	}
	s.render(w, r, code, "error", layoutData{Title: heading, Noindex: true, Page: errorPage{code, heading, msg}})
}

// storeFailed answers a request whose main content the store could not give:
// a 404 page for a missing thing, a 500 page (and a log line) otherwise.
func (s *server) storeFailed(w http.ResponseWriter, r *http.Request, what string, err error) {
	if errors.Is(err, parallax.ErrNotFound) {
		s.notFound(w, r, fmt.Sprintf("There is no %s here; it may have been removed or the link is wrong.", what))
		return
	}
	if errors.Is(err, context.Canceled) {
		return
	}
	s.log.Error("store", "what", what, "path", r.URL.Path, "err", err)
	s.fail(w, r, http.StatusInternalServerError, fmt.Sprintf("The %s could not be loaded from the store. Try again in a moment.", what))
}

// recoverer turns a panic in a handler into the 500 page.
func (s *server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v))
				s.fail(w, r, http.StatusInternalServerError, "This page could not be shown.")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// csp allows scripts, styles and images from this origin only: no inline
// script runs, so text that escaped escaping still could not execute.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the security headers every response carries.
func (s *server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// staticHandler serves the embedded files. A request carrying the current
// ?v= hash may be cached for a year; any other gets a short cache, so a
// stale link never pins an old file.
func (s *server) staticHandler() http.Handler {
	files := http.FileServerFS(s.static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		hash, ok := s.hashes[name]
		if !ok {
			s.notFound(w, r, "There is no such file.")
			return
		}
		if v := r.URL.Query().Get("v"); v == hash {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=3600")
		}
		w.Header().Set("ETag", `"`+hash+`"`)
		if strings.HasSuffix(name, ".LICENSE") || strings.HasSuffix(name, ".md") {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		}
		files.ServeHTTP(w, r)
	})
}

// hashFiles hashes every regular file of fsys.
func hashFiles(fsys fs.FS) (map[string]string, error) {
	out := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return err
		}
		out[p] = hex.EncodeToString(h.Sum(nil))[:12]
		return nil
	})
	return out, err
}

// funcs are the helpers the templates call. Every one returns plain
// strings: html/template escapes them for the context they land in.
func (s *server) funcs() template.FuncMap {
	return template.FuncMap{
		"static": func(name string) string {
			return s.opt.BasePath + "/static/" + name + "?v=" + s.hashes[name]
		},
		"link":      s.link,
		"storyURL":  func(id string) string { return s.link("stories", id) },
		"entityURL": func(name string) string { return s.link("entities", name) },
		"quotesURL": s.quotesURL,
		"when":      when,
		"iso":       iso,
		"plural":    plural,
		"sources":   sources,
	}
}

// link joins the base path with path segments, each escaped.
func (s *server) link(parts ...string) string {
	var b strings.Builder
	b.WriteString(s.opt.BasePath)
	for _, p := range parts {
		b.WriteByte('/')
		b.WriteString(escapeSegment(p))
	}
	if len(parts) == 0 {
		b.WriteByte('/')
	}
	return b.String()
}

// escapeSegment escapes one path segment; it also escapes "." and ".." so
// that an id can never climb out of its route.
func escapeSegment(p string) string {
	switch p {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return url.PathEscape(p)
}

func (s *server) quotesURL(speaker string) string {
	return s.opt.BasePath + "/quotes?speaker=" + url.QueryEscape(speaker)
}

// when formats a time for reading, in UTC; "" for the zero time.
func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006, 15:04 UTC")
}

// iso formats a time for a <time datetime> attribute.
func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// plural writes "1 article", "2 articles".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// sources writes an independent-source count; -1 means not yet analyzed.
func sources(n int) string {
	if n < 0 {
		return "sources not yet compared"
	}
	return plural(n, "independent source", "independent sources")
}
