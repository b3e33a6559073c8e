package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/report"
)

const specURL = "mem:///openapi.json"

// openapiDoc is the spec, parsed for walking and compiled for validating.
type openapiDoc struct {
	raw      map[string]any
	compiler *jsonschema.Compiler
	schemas  map[string]*jsonschema.Schema
}

func loadSpec(t *testing.T) *openapiDoc {
	t.Helper()
	var raw map[string]any
	if err := json.Unmarshal(openapiSpec, &raw); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openapiSpec))
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(specURL, doc); err != nil {
		t.Fatal(err)
	}
	// The brief and annotation contracts are referred to by their $id;
	// the published files are the resources behind those ids.
	for _, f := range []string{"../report/schema/brief.schema.json", "../report/schema/annotation.schema.json"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := c.AddResource(s.(map[string]any)["$id"].(string), s); err != nil {
			t.Fatal(err)
		}
	}
	return &openapiDoc{raw: raw, compiler: c, schemas: map[string]*jsonschema.Schema{}}
}

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }

// resolve follows a local $ref ("#/components/responses/NotFound").
func (d *openapiDoc) resolve(v map[string]any) map[string]any {
	for {
		ref, ok := v["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#/") {
			return v
		}
		cur := any(d.raw)
		for _, tok := range strings.Split(ref[2:], "/") {
			tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
			cur = obj(cur)[tok]
		}
		v = obj(cur)
	}
}

// operations lists "METHOD /path" for every operation of the spec.
func (d *openapiDoc) operations() []string {
	var ops []string
	for p, item := range obj(d.raw["paths"]) {
		for m := range obj(item) {
			if slices.Contains([]string{"get", "put", "post", "delete", "patch", "head", "options"}, m) {
				ops = append(ops, strings.ToUpper(m)+" "+p)
			}
		}
	}
	sort.Strings(ops)
	return ops
}

func (d *openapiDoc) operation(op string) map[string]any {
	method, path, _ := strings.Cut(op, " ")
	return obj(obj(obj(d.raw["paths"])[path])[strings.ToLower(method)])
}

// schema compiles a schema of the spec given by its $ref.
func (d *openapiDoc) schema(t *testing.T, ref string) *jsonschema.Schema {
	t.Helper()
	if s, ok := d.schemas[ref]; ok {
		return s
	}
	s, err := d.compiler.Compile(specURL + ref)
	if err != nil {
		t.Fatalf("compile %s: %v", ref, err)
	}
	d.schemas[ref] = s
	return s
}

// check verifies that a response of op is documented: its status, its
// media type, its required headers, and its body against the schema.
func (d *openapiDoc) check(t *testing.T, op string, resp *httptest.ResponseRecorder) {
	t.Helper()
	status := fmt.Sprint(resp.Code)
	r := obj(obj(d.operation(op)["responses"])[status])
	if r == nil {
		t.Errorf("%s answered %d, which the spec does not document; body %s", op, resp.Code, resp.Body.Bytes())
		return
	}
	r = d.resolve(r)
	for name, h := range obj(r["headers"]) {
		if req, _ := d.resolve(obj(h))["required"].(bool); req && resp.Header().Get(name) == "" {
			t.Errorf("%s %d: documented header %s missing", op, resp.Code, name)
		}
	}
	content := obj(r["content"])
	if content == nil {
		if resp.Body.Len() != 0 {
			t.Errorf("%s %d: documented without a body, got %q", op, resp.Code, resp.Body.Bytes())
		}
		return
	}
	media, _, err := mime.ParseMediaType(resp.Header().Get("Content-Type"))
	if err != nil {
		t.Errorf("%s %d: Content-Type %q: %v", op, resp.Code, resp.Header().Get("Content-Type"), err)
		return
	}
	mt := obj(content[media])
	if mt == nil {
		t.Errorf("%s %d: media type %s is not documented", op, resp.Code, media)
		return
	}
	if media != "application/json" {
		if resp.Body.Len() == 0 {
			t.Errorf("%s %d: empty %s body", op, resp.Code, media)
		}
		return
	}
	if got := resp.Header().Get("Content-Type"); got != "application/json; charset=utf-8" {
		t.Errorf("%s %d: Content-Type %q", op, resp.Code, got)
	}
	ref, _ := obj(mt["schema"])["$ref"].(string)
	if ref == "" {
		t.Errorf("%s %d: JSON schema must be a $ref to components/schemas", op, resp.Code)
		return
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(resp.Body.Bytes()))
	if err != nil {
		t.Errorf("%s %d: body is not JSON: %v\n%s", op, resp.Code, err, resp.Body.Bytes())
		return
	}
	if err := d.schema(t, ref).Validate(inst); err != nil {
		t.Errorf("%s %d: body does not match %s: %v\n%.2000s", op, resp.Code, ref, err, resp.Body.Bytes())
	}
}

// TestOpenAPIDocument checks what the walk cannot: the document's own
// shape, every operation named and described, every path parameter
// declared, every schema compiling.
func TestOpenAPIDocument(t *testing.T) {
	d := loadSpec(t)
	if v, _ := d.raw["openapi"].(string); !strings.HasPrefix(v, "3.1.") {
		t.Errorf("openapi = %q, want 3.1.x", v)
	}
	ids := map[string]string{}
	param := regexp.MustCompile(`\{([^}]+)\}`)
	for _, op := range d.operations() {
		o := d.operation(op)
		id, _ := o["operationId"].(string)
		if id == "" {
			t.Errorf("%s: no operationId", op)
		} else if prev, dup := ids[id]; dup {
			t.Errorf("%s: operationId %q also used by %s", op, id, prev)
		}
		ids[id] = op
		if s, _ := o["summary"].(string); s == "" {
			t.Errorf("%s: no summary", op)
		}
		declared := map[string]bool{}
		params, _ := o["parameters"].([]any)
		for _, p := range params {
			p := d.resolve(obj(p))
			if p["in"] == "path" {
				if req, _ := p["required"].(bool); !req {
					t.Errorf("%s: path parameter %v not required", op, p["name"])
				}
				declared[p["name"].(string)] = true
			}
		}
		_, path, _ := strings.Cut(op, " ")
		for _, m := range param.FindAllStringSubmatch(path, -1) {
			if !declared[m[1]] {
				t.Errorf("%s: path parameter {%s} not declared", op, m[1])
			}
			delete(declared, m[1])
		}
		for name := range declared {
			t.Errorf("%s: declares path parameter %s that the path does not have", op, name)
		}
		for code, r := range obj(o["responses"]) {
			if r := d.resolve(obj(r)); r["description"] == nil {
				t.Errorf("%s %s: response without description", op, code)
			}
		}
		if rb := obj(o["requestBody"]); rb != nil {
			if ref, _ := obj(obj(obj(rb["content"])["application/json"])["schema"])["$ref"].(string); ref == "" {
				t.Errorf("%s: request body schema must be a $ref", op)
			} else {
				d.schema(t, ref)
			}
		}
	}
	for name := range obj(obj(d.raw["components"])["schemas"]) {
		d.schema(t, "#/components/schemas/"+name)
	}
}

// TestRoutesMatchSpec is the reverse direction: every route the server
// registers is an operation of the spec and the other way round, and a
// request to each spec path reaches that route.
func TestRoutesMatchSpec(t *testing.T) {
	d := loadSpec(t)
	s := newServer(t, Config{Store: openStore(t)})
	var routes []string
	for _, rt := range s.routes() {
		routes = append(routes, rt.method+" "+rt.path)
	}
	sort.Strings(routes)
	if ops := d.operations(); !slices.Equal(routes, ops) {
		t.Errorf("routes and spec differ:\nroutes %q\nspec   %q", routes, ops)
	}
	for _, op := range d.operations() {
		method, path, _ := strings.Cut(op, " ")
		req := httptest.NewRequest(method, strings.NewReplacer("{id}", "x", "{name}", "x").Replace(path), nil)
		if _, pattern := s.mux.Handler(req); pattern != op {
			t.Errorf("%s reaches pattern %q", op, pattern)
		}
	}
}

// walkCase is one request of the walk. Path and headers may name values an
// earlier case saved ({feed}, {etag:stories}).
type walkCase struct {
	op      string // the spec operation the request must reach
	server  string // which server of the walk answers
	path    string
	headers []string
	body    string
	want    int
	then    func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string)
}

// TestOpenAPIWalk issues real requests for every operation of the spec
// against servers over a real SQLite store holding the bundled example,
// checks each answer is documented (status, headers, body schema), and
// that every documented status of every operation was seen.
func TestOpenAPIWalk(t *testing.T) {
	d := loadSpec(t)
	fx := newFixture(t)
	base, fetch := pageServer(t, map[string]string{"/harbour": testPage})

	feeds := newFeedServer(t)
	closed := openStore(t)
	closed.Close()
	servers := map[string]http.Handler{
		// main: the token is required, as beyond loopback.
		"main": newServer(t, Config{Store: fx.store, Ingester: newIngester(fx.store, "api-story"), Fetch: fetch,
			PollFeed: newPoller(fx.store).Poll, Token: testToken, RequireToken: true, Version: "test"}).Handler(),
		// noingest neither ingests nor polls feeds.
		"noingest": newServer(t, Config{Store: fx.store, Token: testToken, RequireToken: true}).Handler(),
		"tiny": newServer(t, Config{Store: fx.store, Ingester: newIngester(fx.store, "api-story"), PollFeed: newPoller(fx.store).Poll,
			Token: testToken, RequireToken: true, MaxBodyBytes: 64}).Handler(),
		"slow": newServer(t, Config{Store: slowStore{fx.store}, Ingester: newIngester(slowStore{fx.store}, "api-story"), PollFeed: newPoller(slowStore{fx.store}).Poll,
			Token: testToken, RequireToken: true, RequestTimeout: 20 * time.Millisecond, IngestTimeout: 20 * time.Millisecond}).Handler(),
		"closed": newServer(t, Config{Store: closed, Ingester: newIngester(closed, "api-story"), PollFeed: newPoller(closed).Poll,
			Token: testToken, RequireToken: true}).Handler(),
	}

	quote, entity := "", ""
	for _, q := range fx.brief.Quotes {
		if q.Speaker != "" {
			quote = q.Speaker
			break
		}
	}
	if len(fx.brief.Entities) > 0 {
		entity = fx.brief.Entities[0].Name
	}
	if quote == "" || entity == "" {
		t.Fatalf("example brief has no speaker (%q) or entity (%q)", quote, entity)
	}
	art := fx.articles[0]
	esc := func(s string) string { return strings.ReplaceAll(s, " ", "%20") }
	saveETag := func(name string) func(*testing.T, *httptest.ResponseRecorder, map[string]string) {
		return func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			vars["etag:"+name] = w.Header().Get("ETag")
		}
	}

	saveFeed := func(name string) func(*testing.T, *httptest.ResponseRecorder, map[string]string) {
		return func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			vars[name] = decodeFeed(t, w).ID
		}
	}

	cases := []walkCase{
		{op: "GET /api/stories", path: "/api/stories", want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			vars["etag:stories"] = w.Header().Get("ETag")
			var l storyList
			json.Unmarshal(w.Body.Bytes(), &l)
			if len(l.Stories) != 2 || l.Limit != defaultLimit {
				t.Errorf("stories: %d stories, limit %d; want 2, %d", len(l.Stories), l.Limit, defaultLimit)
			}
		}},
		{op: "GET /api/stories", path: "/api/stories?q=chemical+fire&order=relevance&limit=5", want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			var l storyList
			json.Unmarshal(w.Body.Bytes(), &l)
			if len(l.Stories) != 1 || l.Stories[0].ID != kesslingStory || l.Stories[0].Articles != len(fx.articles) {
				t.Errorf("search: %+v", l.Stories)
			}
		}},
		{op: "GET /api/stories", path: "/api/stories?order=growing", want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			var l struct {
				Stories []struct {
					ID     string `json:"id"`
					Recent int    `json:"recent"`
				} `json:"stories"`
			}
			json.Unmarshal(w.Body.Bytes(), &l)
			if len(l.Stories) == 0 || l.Stories[0].ID != kesslingStory || l.Stories[0].Recent < 1 {
				t.Errorf("growing: %+v, want the example story first with its recent articles", l.Stories)
			}
		}},
		{op: "GET /api/stories", path: "/api/stories", headers: []string{"If-None-Match", "{etag:stories}"}, want: 304},
		{op: "GET /api/stories", path: "/api/stories?limit=0", want: 400},
		{op: "GET /api/stories", path: "/api/stories?order=oldest", want: 400},
		{op: "GET /api/stories", path: "/api/stories?order=relevance", want: 400},
		{op: "GET /api/stories", server: "closed", path: "/api/stories", want: 500},
		{op: "GET /api/stories", server: "slow", path: "/api/stories", want: 503},

		{op: "GET /api/stories/{id}", path: "/api/stories/" + kesslingStory, want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			vars["etag:story"] = w.Header().Get("ETag")
			var out struct {
				Story storyJSON       `json:"story"`
				Brief json.RawMessage `json:"brief"`
			}
			json.Unmarshal(w.Body.Bytes(), &out)
			if out.Story.Articles != len(fx.articles) || len(out.Story.ArticleIDs) != len(fx.articles) || out.Story.Independent < 1 {
				t.Errorf("story: %+v", out.Story)
			}
			if err := report.ValidateBrief(out.Brief); err != nil {
				t.Errorf("story brief: %v", err)
			}
		}},
		{op: "GET /api/stories/{id}", path: "/api/stories/" + kesslingStory, headers: []string{"If-None-Match", "W/{etag:story}, \"other\""}, want: 304},
		{op: "GET /api/stories/{id}", path: "/api/stories/" + briefless, want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			if !bytes.Contains(w.Body.Bytes(), []byte(`"brief":null`)) || !bytes.Contains(w.Body.Bytes(), []byte(`"independent_sources":-1`)) {
				t.Errorf("briefless story: %s", w.Body.Bytes())
			}
		}},
		{op: "GET /api/stories/{id}", path: "/api/stories/nope", want: 404},
		{op: "GET /api/stories/{id}", server: "closed", path: "/api/stories/" + kesslingStory, want: 500},
		{op: "GET /api/stories/{id}", server: "slow", path: "/api/stories/" + kesslingStory, want: 503},

		{op: "GET /api/stories/{id}/brief", path: "/api/stories/" + kesslingStory + "/brief", want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			vars["etag:brief"] = w.Header().Get("ETag")
			if err := report.ValidateBrief(w.Body.Bytes()); err != nil {
				t.Errorf("brief: %v", err)
			}
			// The same JSON `parallax analyze --format json` writes.
			var want bytes.Buffer
			report.JSON(&want, fx.brief)
			if !sameJSON(w.Body.Bytes(), want.Bytes()) {
				t.Errorf("brief differs from report.JSON of the stored brief")
			}
		}},
		{op: "GET /api/stories/{id}/brief", path: "/api/stories/" + kesslingStory + "/brief", headers: []string{"If-None-Match", "{etag:brief}"}, want: 304},
		{op: "GET /api/stories/{id}/brief", path: "/api/stories/" + briefless + "/brief", want: 404},
		{op: "GET /api/stories/{id}/brief", path: "/api/stories/nope/brief", want: 404},
		{op: "GET /api/stories/{id}/brief", server: "closed", path: "/api/stories/" + kesslingStory + "/brief", want: 500},
		{op: "GET /api/stories/{id}/brief", server: "slow", path: "/api/stories/" + kesslingStory + "/brief", want: 503},

		{op: "GET /api/stories/{id}/articles", path: "/api/stories/" + kesslingStory + "/articles", want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			vars["etag:articles"] = w.Header().Get("ETag")
			var out storyArticles
			json.Unmarshal(w.Body.Bytes(), &out)
			if len(out.Articles) != len(fx.articles) || bytes.Contains(w.Body.Bytes(), []byte(`"body"`)) {
				t.Errorf("story articles: %d, want %d, without bodies", len(out.Articles), len(fx.articles))
			}
		}},
		{op: "GET /api/stories/{id}/articles", path: "/api/stories/" + kesslingStory + "/articles", headers: []string{"If-None-Match", "{etag:articles}"}, want: 304},
		{op: "GET /api/stories/{id}/articles", path: "/api/stories/nope/articles", want: 404},
		{op: "GET /api/stories/{id}/articles", server: "closed", path: "/api/stories/" + kesslingStory + "/articles", want: 500},
		{op: "GET /api/stories/{id}/articles", server: "slow", path: "/api/stories/" + kesslingStory + "/articles", want: 503},

		{op: "GET /api/articles/{id}", path: "/api/articles/" + esc(art.ID), want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			vars["etag:article"] = w.Header().Get("ETag")
			checkArticle(t, w.Body.Bytes(), art, kesslingStory)
		}},
		{op: "GET /api/articles/{id}", path: "/api/articles/" + esc(art.ID), headers: []string{"If-None-Match", "*"}, want: 304},
		{op: "GET /api/articles/{id}", path: "/api/articles/nope", want: 404},
		{op: "GET /api/articles/{id}", server: "closed", path: "/api/articles/" + esc(art.ID), want: 500},
		{op: "GET /api/articles/{id}", server: "slow", path: "/api/articles/" + esc(art.ID), want: 503},

		{op: "GET /api/quotes", path: "/api/quotes?speaker=" + esc(quote), want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			var out quoteList
			json.Unmarshal(w.Body.Bytes(), &out)
			if len(out.Quotes) == 0 {
				t.Errorf("no quotes of %q", quote)
			}
			for _, q := range out.Quotes {
				if q.Story != kesslingStory || !strings.EqualFold(q.Speaker, quote) {
					t.Errorf("quote of %q: %+v", quote, q)
				}
			}
		}},
		{op: "GET /api/quotes", path: "/api/quotes?speaker=Nobody%20Atall", want: 200},
		{op: "GET /api/quotes", path: "/api/quotes", want: 400},
		{op: "GET /api/quotes", path: "/api/quotes?speaker=x&limit=201", want: 400},
		{op: "GET /api/quotes", server: "closed", path: "/api/quotes?speaker=x", want: 500},
		{op: "GET /api/quotes", server: "slow", path: "/api/quotes?speaker=x", want: 503},

		{op: "GET /api/entities/{name}", path: "/api/entities/" + esc(entity), want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			var page parallax.EntityPage
			json.Unmarshal(w.Body.Bytes(), &page)
			if page.Name != entity || len(page.Stories) == 0 || page.Stories[0].ID != kesslingStory {
				t.Errorf("entity %q: %+v", entity, page)
			}
		}},
		{op: "GET /api/entities/{name}", path: "/api/entities/Nobody%20Atall", want: 404},
		{op: "GET /api/entities/{name}", server: "closed", path: "/api/entities/x", want: 500},
		{op: "GET /api/entities/{name}", server: "slow", path: "/api/entities/x", want: 503},

		{op: "POST /api/ingest", path: "/api/ingest", headers: jsonHeaders, want: 200,
			body: `{"articles":[
				{"id":"api-1","source":"Test Wire","title":"Harbour crane falls","published":"2025-03-15T12:00:00Z","body":"A crane fell at the north harbour on Saturday, the port authority said."},
				{"id":"api-2","source":"Test Wire","published":"15 March 2025","body":"A second report."},
				{"id":"api-3","source":"Test Wire","body":"   "}]}`,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				var out ingestResponse
				json.Unmarshal(w.Body.Bytes(), &out)
				if len(out.Results) != 1 || out.Results[0].Article != "api-1" || out.Results[0].Duplicate || out.Results[0].Input != "articles[0]" {
					t.Errorf("results %+v", out.Results)
				}
				paths := []string{}
				for _, p := range out.Problems {
					paths = append(paths, p.Path)
				}
				if !slices.Equal(paths, []string{"articles[1].published", "articles[2].body"}) {
					t.Errorf("problems %+v", out.Problems)
				}
			}},
		{op: "POST /api/ingest", path: "/api/ingest", headers: jsonHeaders, want: 200,
			body: `{"articles":[{"id":"api-1","source":"Test Wire","body":"A crane fell at the north harbour on Saturday, the port authority said."}],
				"urls":["` + base + `/harbour","` + base + `/missing","ftp://example.com/x"]}`,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				var out ingestResponse
				json.Unmarshal(w.Body.Bytes(), &out)
				if len(out.Results) != 2 || !out.Results[0].Duplicate || out.Results[1].Duplicate || out.Results[1].Input != "urls[0]" {
					t.Errorf("results %+v", out.Results)
				}
				if len(out.Problems) != 2 || out.Problems[0].Path != "urls[1]" || out.Problems[1].Path != "urls[2]" {
					t.Errorf("problems %+v", out.Problems)
				}
			}},
		{op: "POST /api/ingest", path: "/api/ingest", headers: jsonHeaders, body: `{"articles":[]}`, want: 400},
		{op: "POST /api/ingest", path: "/api/ingest", headers: jsonHeaders, body: `{"articles":[{"body":"no outlet"}]}`, want: 400,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				if !bytes.Contains(w.Body.Bytes(), []byte(`"path":"articles[0].source"`)) {
					t.Errorf("nothing usable: %s", w.Body.Bytes())
				}
			}},
		{op: "POST /api/ingest", path: "/api/ingest", headers: jsonHeaders, body: `{"articles":[{"body":`, want: 400},
		{op: "POST /api/ingest", path: "/api/ingest", headers: jsonHeaders, body: `{"artcles":[]}`, want: 400},
		{op: "POST /api/ingest", path: "/api/ingest", headers: []string{"Content-Type", "application/json"}, body: `{}`, want: 401},
		{op: "POST /api/ingest", path: "/api/ingest", headers: []string{"Content-Type", "application/json", "Authorization", "Bearer wrong"}, body: `{}`, want: 401},
		{op: "POST /api/ingest", path: "/api/ingest", headers: append([]string{"Sec-Fetch-Site", "cross-site"}, jsonHeaders...), body: `{}`, want: 403},
		{op: "POST /api/ingest", server: "tiny", path: "/api/ingest", headers: jsonHeaders, body: `{"articles":[{"source":"Test Wire","body":"` + strings.Repeat("x", 100) + `"}]}`, want: 413},
		{op: "POST /api/ingest", path: "/api/ingest", headers: []string{"Content-Type", "text/plain", "Authorization", "Bearer " + testToken}, body: `{}`, want: 415},
		{op: "POST /api/ingest", server: "closed", path: "/api/ingest", headers: jsonHeaders, body: `{"articles":[{"source":"Test Wire","body":"text"}]}`, want: 500},
		{op: "POST /api/ingest", server: "noingest", path: "/api/ingest", headers: jsonHeaders, body: `{"articles":[{"source":"Test Wire","body":"text"}]}`, want: 503},
		{op: "POST /api/ingest", server: "slow", path: "/api/ingest", headers: jsonHeaders, body: `{"articles":[{"source":"Test Wire","body":"text"}]}`, want: 503},

		{op: "POST /api/feeds", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"https://example.com/rss.xml","source":"Example","interval":"30m"}`, want: 201,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				var f feedJSON
				json.Unmarshal(w.Body.Bytes(), &f)
				vars["feed"] = f.ID
				if f.ID == "" || f.Interval != "30m0s" || f.Source != "Example" || w.Header().Get("Location") != "/api/feeds/"+f.ID {
					t.Errorf("created feed %+v, Location %q", f, w.Header().Get("Location"))
				}
			}},
		{op: "POST /api/feeds", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"https://EXAMPLE.com/rss.xml?utm_source=x"}`, want: 200,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				var f feedJSON
				json.Unmarshal(w.Body.Bytes(), &f)
				if f.ID != vars["feed"] || f.Interval != "30m0s" {
					t.Errorf("existing feed %+v, want id %s", f, vars["feed"])
				}
			}},
		{op: "POST /api/feeds", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"file:///etc/passwd"}`, want: 400},
		{op: "POST /api/feeds", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"https://example.org/feed","interval":"5s"}`, want: 400},
		{op: "POST /api/feeds", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"https://example.org/feed","interval":15}`, want: 400},
		{op: "POST /api/feeds", path: "/api/feeds", body: `{"url":"https://example.org/feed"}`, headers: []string{"Content-Type", "application/json"}, want: 401},
		{op: "POST /api/feeds", path: "/api/feeds", headers: append([]string{"Origin", "https://evil.example"}, jsonHeaders...), body: `{"url":"https://example.org/feed"}`, want: 403},
		{op: "POST /api/feeds", server: "tiny", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"https://example.org/` + strings.Repeat("x", 100) + `"}`, want: 413},
		{op: "POST /api/feeds", path: "/api/feeds", headers: []string{"Authorization", "Bearer " + testToken}, body: `{"url":"https://example.org/feed"}`, want: 415},
		{op: "POST /api/feeds", server: "closed", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"https://example.org/feed"}`, want: 500},
		{op: "POST /api/feeds", server: "slow", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"https://example.org/feed"}`, want: 503},

		{op: "GET /api/feeds", path: "/api/feeds", want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			var l feedList
			json.Unmarshal(w.Body.Bytes(), &l)
			if len(l.Feeds) != 1 || l.Feeds[0].ID != vars["feed"] {
				t.Errorf("feeds %+v", l.Feeds)
			}
		}},
		{op: "GET /api/feeds", server: "closed", path: "/api/feeds", want: 500},
		{op: "GET /api/feeds", server: "slow", path: "/api/feeds", want: 503},

		{op: "GET /api/feeds/{id}", path: "/api/feeds/{feed}", want: 200},
		{op: "GET /api/feeds/{id}", path: "/api/feeds/nope", want: 404},
		{op: "GET /api/feeds/{id}", server: "closed", path: "/api/feeds/x", want: 500},
		{op: "GET /api/feeds/{id}", server: "slow", path: "/api/feeds/x", want: 503},

		{op: "DELETE /api/feeds/{id}", path: "/api/feeds/{feed}", headers: []string{"Authorization", "Bearer wrong"}, want: 401},
		{op: "DELETE /api/feeds/{id}", path: "/api/feeds/{feed}", headers: append([]string{"Sec-Fetch-Site", "same-site"}, jsonHeaders...), want: 403},
		{op: "DELETE /api/feeds/{id}", path: "/api/feeds/{feed}", headers: append([]string{"Sec-Fetch-Site", "same-origin"}, jsonHeaders...), want: 204},
		{op: "DELETE /api/feeds/{id}", path: "/api/feeds/{feed}", headers: jsonHeaders, want: 404},
		{op: "GET /api/feeds/{id}", path: "/api/feeds/{feed}", want: 404},
		{op: "DELETE /api/feeds/{id}", server: "closed", path: "/api/feeds/x", headers: jsonHeaders, want: 500},
		{op: "DELETE /api/feeds/{id}", server: "slow", path: "/api/feeds/x", headers: jsonHeaders, want: 503},

		// Polling on request, against the real feed server on loopback.
		{op: "POST /api/feeds", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"` + feeds.URL + `/rss.xml","source":"Coastal Times"}`, want: 201, then: saveFeed("live")},
		{op: "POST /api/feeds", path: "/api/feeds", headers: jsonHeaders, body: `{"url":"` + feeds.URL + `/broken.xml"}`, want: 201, then: saveFeed("broken")},
		// No body and so no Content-Type: the first poll reads the feed
		// and ingests its items.
		{op: "POST /api/feeds/{id}/poll", path: "/api/feeds/{live}/poll", headers: []string{"Authorization", "Bearer " + testToken}, want: 200,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				f := decodeFeed(t, w)
				if f.ID != vars["live"] || f.LastSuccess == nil || f.LastPolled == nil || f.NextPoll == nil ||
					f.Failures != 0 || f.LastError != "" || f.Articles != len(feedItems) || f.ETag != feedETag || f.Title != "Coastal Times harbour desk" {
					t.Errorf("first poll: %+v", f)
				}
				if hits := feeds.hits(); len(hits) != 1 || hits[0].ifNoneMatch != "" || hits[0].status != 200 {
					t.Errorf("feed server saw %+v, want one unconditional GET", hits)
				}
				for _, id := range feedItems {
					if a, err := fx.store.Article(context.Background(), id); err != nil || a.Source != "Coastal Times" || a.Body == "" {
						t.Errorf("item %s not ingested: %v %+v", id, err, a)
					}
				}
				vars["articles:live"] = fmt.Sprint(f.Articles)
				vars["success:live"] = f.LastSuccess.Format(time.RFC3339Nano)
			}},
		// The second is conditional, and {} is an acceptable body.
		{op: "POST /api/feeds/{id}/poll", path: "/api/feeds/{live}/poll", headers: jsonHeaders, body: `{}`, want: 200,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				f := decodeFeed(t, w)
				hits := feeds.hits()
				if len(hits) != 2 || hits[1].ifNoneMatch != feedETag || hits[1].status != http.StatusNotModified {
					t.Errorf("feed server saw %+v, want a second GET with If-None-Match %s answered 304", hits, feedETag)
				}
				if fmt.Sprint(f.Articles) != vars["articles:live"] || f.Failures != 0 || f.ETag != feedETag || f.LastSuccess == nil ||
					f.LastSuccess.Format(time.RFC3339Nano) < vars["success:live"] {
					t.Errorf("after a 304: %+v, want articles %s and a success no older than %s", f, vars["articles:live"], vars["success:live"])
				}
			}},
		// A failing feed is a poll made: 200 with the failure recorded.
		{op: "POST /api/feeds/{id}/poll", path: "/api/feeds/{broken}/poll", headers: jsonHeaders, want: 200,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				f := decodeFeed(t, w)
				if f.ID != vars["broken"] || f.Failures != 1 || !strings.Contains(f.LastError, "500") || f.LastSuccess != nil || f.LastPolled == nil || f.Articles != 0 {
					t.Errorf("failed poll: %+v", f)
				}
				stored, err := fx.store.Feed(context.Background(), vars["broken"])
				if err != nil || stored.Failures != 1 || stored.LastError != f.LastError {
					t.Errorf("stored status %+v (%v) differs from the answer %+v", stored, err, f)
				}
			}},
		{op: "POST /api/feeds/{id}/poll", path: "/api/feeds/nope/poll", headers: jsonHeaders, want: 404},
		{op: "POST /api/feeds/{id}/poll", path: "/api/feeds/{live}/poll", headers: jsonHeaders, body: `{"force":true}`, want: 400},
		{op: "POST /api/feeds/{id}/poll", path: "/api/feeds/{live}/poll", want: 401},
		{op: "POST /api/feeds/{id}/poll", path: "/api/feeds/{live}/poll", headers: append([]string{"Sec-Fetch-Site", "cross-site"}, jsonHeaders...), want: 403},
		{op: "POST /api/feeds/{id}/poll", server: "tiny", path: "/api/feeds/{live}/poll", headers: jsonHeaders, body: `{"padding":"` + strings.Repeat("x", 100) + `"}`, want: 413},
		{op: "POST /api/feeds/{id}/poll", path: "/api/feeds/{live}/poll", headers: []string{"Content-Type", "text/plain", "Authorization", "Bearer " + testToken}, body: `{}`, want: 415},
		{op: "POST /api/feeds/{id}/poll", server: "closed", path: "/api/feeds/x/poll", headers: jsonHeaders, want: 500},
		{op: "POST /api/feeds/{id}/poll", server: "slow", path: "/api/feeds/x/poll", headers: jsonHeaders, want: 503,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				if errorCode(w.Body.Bytes()) != codeTimeout || w.Header().Get("Retry-After") == "" {
					t.Errorf("slow poll: %s, Retry-After %q", w.Body.Bytes(), w.Header().Get("Retry-After"))
				}
			}},
		{op: "POST /api/feeds/{id}/poll", server: "noingest", path: "/api/feeds/{live}/poll", headers: jsonHeaders, want: 503,
			then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
				if errorCode(w.Body.Bytes()) != codeUnavailable || !strings.Contains(w.Body.String(), "feed polling is off") {
					t.Errorf("no poller: %s", w.Body.Bytes())
				}
			}},
		// None of the refused requests reached the feed server.
		{op: "GET /api/feeds/{id}", path: "/api/feeds/{live}", want: 200, then: func(t *testing.T, w *httptest.ResponseRecorder, vars map[string]string) {
			if hits := feeds.hits(); len(hits) != 2 {
				t.Errorf("feed server saw %d GETs, want 2", len(hits))
			}
		}},

		{op: "GET /api/openapi.json", path: "/api/openapi.json", want: 200, then: saveETag("spec")},
		{op: "GET /api/openapi.json", path: "/api/openapi.json", headers: []string{"If-None-Match", "{etag:spec}"}, want: 304},
		{op: "GET /healthz", server: "closed", path: "/healthz", want: 200},
		{op: "GET /readyz", path: "/readyz", want: 200},
		{op: "GET /readyz", server: "closed", path: "/readyz", want: 503},
		{op: "GET /metrics", path: "/metrics", want: 200},
	}

	vars := map[string]string{}
	fill := func(s string) string {
		for k, v := range vars {
			s = strings.ReplaceAll(s, "{"+k+"}", v)
		}
		return s
	}
	probe := newServer(t, Config{Store: fx.store})
	seen := map[string]bool{}
	for i, c := range cases {
		name := c.server
		if name == "" {
			name = "main"
		}
		t.Run(fmt.Sprintf("%02d %s %s", i, c.op, name), func(t *testing.T) {
			method, _, _ := strings.Cut(c.op, " ")
			headers := make([]string, len(c.headers))
			for j, h := range c.headers {
				headers[j] = fill(h)
			}
			path := fill(c.path)
			// Each case must reach the operation it claims.
			if _, got := probe.mux.Handler(httptest.NewRequest(method, path, nil)); got != c.op {
				t.Fatalf("%s %s reaches %q, not %q", method, path, got, c.op)
			}
			w := do(servers[name], method, path, c.body, headers...)
			if w.Code != c.want {
				t.Fatalf("status %d, want %d; body %s", w.Code, c.want, w.Body.Bytes())
			}
			if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			d.check(t, c.op, w)
			seen[c.op+" "+fmt.Sprint(w.Code)] = true
			if c.then != nil {
				c.then(t, w, vars)
			}
		})
	}

	// Every documented status of every operation was produced.
	for _, op := range d.operations() {
		for code := range obj(d.operation(op)["responses"]) {
			if !seen[op+" "+code] {
				t.Errorf("%s %s is documented but no request of the walk produced it", op, code)
			}
		}
	}
}

// checkArticle checks GET /api/articles/{id}: the stored article with its
// body, and an annotation that validates and whose spans index its text.
func checkArticle(t *testing.T, body []byte, want *parallax.Article, story string) {
	t.Helper()
	var out struct {
		Article struct {
			ID, Title, Body string
			Story           *string
		} `json:"article"`
		Annotation json.RawMessage `json:"annotation"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("article: %v", err)
	}
	if out.Article.ID != want.ID || out.Article.Title != want.Title || out.Article.Body != want.Body {
		t.Errorf("article %q: got id %q title %q, body of %d bytes", want.ID, out.Article.ID, out.Article.Title, len(out.Article.Body))
	}
	if out.Article.Story == nil || *out.Article.Story != story {
		t.Errorf("article story = %v, want %q", out.Article.Story, story)
	}
	if err := report.ValidateAnnotation(out.Annotation); err != nil {
		t.Errorf("annotation: %v", err)
	}
	var ann struct {
		Text      string `json:"text"`
		Sentences []struct {
			Span parallax.Span `json:"span"`
		} `json:"sentences"`
	}
	json.Unmarshal(out.Annotation, &ann)
	if len(ann.Sentences) == 0 || ann.Text == "" {
		t.Fatalf("annotation without text or sentences")
	}
	// The first sentence's span cuts a real sentence out of the text.
	s := ann.Sentences[0].Span
	if first := ann.Text[s.Start:s.End]; !strings.Contains(ann.Text, first) || len(strings.TrimSpace(first)) < 10 {
		t.Errorf("first sentence %q", first)
	}
}

// decodeFeed reads a Feed answer.
func decodeFeed(t *testing.T, w *httptest.ResponseRecorder) feedJSON {
	t.Helper()
	var f feedJSON
	if err := json.Unmarshal(w.Body.Bytes(), &f); err != nil || f.ID == "" {
		t.Fatalf("not a feed: %v %s", err, w.Body.Bytes())
	}
	return f
}

// sameJSON reports whether a and b hold the same JSON value.
func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return bytes.Equal(xa, ya)
}
