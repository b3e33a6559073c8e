package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/reconcile"
	"github.com/parallax-news/parallax/sqlite"
)

// fixture is a real store holding the bundled Kessling fire example as one
// story, with the brief the real analysis made of it.
type fixture struct {
	store *sqlite.DB
	brief *parallax.Brief
	docs  map[string]*parallax.Document
	arts  []*parallax.Article
}

const storyID = "kessling"

func newFixture(t testing.TB) *fixture {
	t.Helper()
	arts, problems := input.Load([]string{"../examples/kessling-fire"}, nil, input.Defaults{})
	if len(problems) > 0 || len(arts) != 6 {
		t.Fatalf("load example: %d articles, problems %v", len(arts), problems)
	}
	return storeOf(t, storyID, arts)
}

// storeOf analyzes arts the way ingest does and commits them as one story.
func storeOf(t testing.TB, id string, arts []*parallax.Article) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{docs: map[string]*parallax.Document{}, arts: arts}
	var docs []*parallax.Document
	var ids []string
	for _, a := range arts {
		d := analyze.Article(a)
		docs = append(docs, d)
		f.docs[a.ID] = d
		ids = append(ids, a.ID)
	}
	analyze.Story(docs)
	f.brief = reconcile.Brief(docs)
	db, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	_, err = db.Commit(ctx, parallax.Batch{
		Articles: arts,
		Stories:  []parallax.StoryUpdate{{Story: parallax.Story{ID: id, Articles: ids}, Brief: f.brief}},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.store = db
	return f
}

// handler builds the interface over store.
func handler(t testing.TB, store parallax.Store, o Options) http.Handler {
	t.Helper()
	h, err := New(store, o)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// get requests path from h and returns the status, headers and body.
func get(t testing.TB, h http.Handler, path string, header ...string) (int, http.Header, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, rec.Result().Header, string(body)
}

// mustContain fails for every want missing from body.
func mustContain(t testing.TB, where, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("%s: missing %q", where, w)
		}
	}
}
