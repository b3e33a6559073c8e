package server

import (
	"encoding/json"
	"net/http"
	"testing"
)

// FuzzWriteBodies sends arbitrary bodies to the write endpoints of a server
// over a real store: whatever arrives, the answer is a documented client
// error or success with a JSON body, never a 500 or a panic.
func FuzzWriteBodies(f *testing.F) {
	for _, seed := range []string{
		`{"articles":[{"id":"a1","title":"T","body":"Some text.","published":"2026-03-04T09:00:00Z"}]}`,
		`{"articles":[{"body":""}]}`, `{"urls":["not a url"]}`, `{"articles":[{"id":"x","body":"b","published":"yesterday"}]}`,
		`{"url":"https://example.org/rss","interval":"10m"}`, `{"url":"ftp://x","interval":"-1s"}`,
		`[]`, `null`, `{"articles":null}`, `{"articles":[null]}`, "\x00", `{"a":1}{"b":2}`, `{"articles":[{"id":"\u0000"}]}`,
	} {
		f.Add(seed)
	}
	fx := newFixture(f)
	s := newServer(f, Config{Store: fx.store, Ingester: newIngester(fx.store, "fuzz"), Token: testToken, RequireToken: true})
	h := s.Handler()
	f.Fuzz(func(t *testing.T, body string) {
		for _, target := range []string{"/api/ingest", "/api/feeds"} {
			w := do(h, http.MethodPost, target, body, jsonHeaders...)
			switch w.Code {
			case http.StatusOK, http.StatusCreated, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
			default:
				t.Fatalf("POST %s %q: %d %s", target, body, w.Code, w.Body)
			}
			if !json.Valid(w.Body.Bytes()) {
				t.Fatalf("POST %s %q: body is not JSON: %q", target, body, w.Body)
			}
		}
	})
}
