package server

import (
	"bytes"
	"context"
	_ "embed"
	"net/http"
	"time"
)

// openapiSpec is the API's OpenAPI 3.1 description.
//
//go:embed openapi.json
var openapiSpec []byte

// OpenAPI returns the API's OpenAPI 3.1 description, the document served
// at /api/openapi.json. The brief and annotation schemas it refers to by
// $id are the report package's published contracts
// (report/schema/brief.schema.json, report/schema/annotation.schema.json).
func OpenAPI() []byte { return bytes.Clone(openapiSpec) }

// readyTimeout bounds the store check of /readyz.
const readyTimeout = 2 * time.Second

// openAPI is GET /api/openapi.json.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-cache")
	writeConditional(w, r, nil, openapiSpec, time.Time{})
}

type status struct {
	Status  string `json:"status"`
	Version string `json:"version,omitempty"`
}

// healthz is GET /healthz: the process is up and answering.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, r, http.StatusOK, status{Status: "ok", Version: s.cfg.Version})
}

// readyz is GET /readyz: the store answers within readyTimeout.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()
	if err := s.cfg.Store.Ping(ctx); err != nil {
		logFrom(r).Warn("not ready", "err", err)
		writeError(w, r, http.StatusServiceUnavailable, codeUnavailable, "the store does not answer")
		return
	}
	writeJSON(w, r, http.StatusOK, status{Status: "ready", Version: s.cfg.Version})
}
