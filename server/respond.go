package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/parallax-news/parallax"
)

// Error codes of the API's error envelope, beyond parallax's own.
const (
	codeNotFound         = parallax.ENOTFOUND
	codeInvalid          = parallax.EINVALID
	codeConflict         = parallax.ECONFLICT
	codeUnauthorized     = "unauthorized"
	codeForbidden        = "forbidden"
	codeTooLarge         = "too_large"
	codeUnsupportedMedia = "unsupported_media_type"
	codeMethodNotAllowed = "method_not_allowed"
	codeTimeout          = "timeout"
	codeUnavailable      = "unavailable"
	codeInternal         = "internal"
)

// statusOf is the one table from parallax error codes to HTTP statuses.
var statusOf = map[string]int{
	parallax.ENOTFOUND: http.StatusNotFound,
	parallax.EINVALID:  http.StatusBadRequest,
	parallax.ECONFLICT: http.StatusConflict,
}

// apiError is the body of every error response.
type apiError struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// Problems lists what was wrong with each part of a request that
	// had nothing usable.
	Problems []problem `json:"problems,omitempty"`
}

// problem is one part of a request that could not be used.
type problem struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// writeJSON writes v as the response body. <, > and & inside strings are
// written as \u escapes, so a hostile title is inert even where a client
// mistakes the body for HTML.
func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		// Only a programming error (a type JSON cannot hold) gets here.
		logFrom(r).Error("encode response", "err", err)
		status, body = http.StatusInternalServerError, []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	writeBody(w, status, append(body, '\n'))
}

// writeRaw writes JSON produced elsewhere (the report package's renderers)
// after the same HTML escaping writeJSON applies.
func writeRaw(w http.ResponseWriter, status int, raw []byte) {
	var b bytes.Buffer
	json.HTMLEscape(&b, raw)
	writeBody(w, status, b.Bytes())
}

func writeBody(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// writeError writes the error envelope.
func writeError(w http.ResponseWriter, r *http.Request, status int, code, format string, args ...any) {
	writeJSON(w, r, status, apiError{Error: errorBody{Code: code, Message: fmt.Sprintf(format, args...)}})
}

// fail answers with err: a *parallax.Error by its code and message, a
// deadline as 503, anything else as a 500 that names no internals (the
// error itself goes to the log).
func fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *parallax.Error
	switch {
	case errors.As(err, &pe) && statusOf[pe.Code] != 0:
		msg := pe.Message
		if msg == "" {
			msg = strings.ReplaceAll(pe.Code, "_", " ")
		}
		writeError(w, r, statusOf[pe.Code], pe.Code, "%s", msg)
	case errors.Is(err, context.DeadlineExceeded):
		w.Header().Set("Retry-After", "5")
		writeError(w, r, http.StatusServiceUnavailable, codeTimeout, "the request took too long and was stopped")
	case errors.Is(err, context.Canceled):
		writeError(w, r, http.StatusServiceUnavailable, codeUnavailable, "the request was canceled")
	default:
		logFrom(r).Error("request failed", "route", routeOf(r), "err", err)
		writeError(w, r, http.StatusInternalServerError, codeInternal, "internal error")
	}
}

// writeConditional writes a 200 JSON body with a strong ETag (a hash of the
// bytes) and, when modified is known, Last-Modified; or 304 Not Modified
// when the request's validators show the client has it already (RFC 9110
// 13.2.2: If-None-Match decides when present, If-Modified-Since otherwise).
// raw bodies come from the report renderers; others are encoded from v.
func writeConditional(w http.ResponseWriter, r *http.Request, v any, raw []byte, modified time.Time) {
	var body []byte
	if raw == nil {
		var err error
		if body, err = json.Marshal(v); err != nil {
			fail(w, r, fmt.Errorf("encode response: %w", err))
			return
		}
		body = append(body, '\n')
	} else if needsHTMLEscape(raw) {
		// The same escaping json.Marshal applies, so no response body
		// ever carries a raw < > & from article text.
		var b bytes.Buffer
		json.HTMLEscape(&b, raw)
		body = b.Bytes()
	} else {
		body = raw
	}
	// The ETag only has to change when the body does: a 64-bit hash of
	// it, cheap enough to compute on every read of a large brief.
	etag := `"` + strconv.FormatUint(xxhash.Sum64(body), 16) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache") // store, but revalidate every time
	modified = modified.UTC().Truncate(time.Second)
	if !modified.IsZero() {
		h.Set("Last-Modified", modified.Format(http.TimeFormat))
	}
	notModified := false
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		notModified = etagMatches(inm, etag)
	} else if ims := r.Header.Get("If-Modified-Since"); ims != "" && !modified.IsZero() {
		t, err := http.ParseTime(ims)
		notModified = err == nil && !modified.After(t)
	}
	if notModified {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeBody(w, http.StatusOK, body)
}

// etagMatches applies If-None-Match's weak comparison (RFC 9110 13.1.2).
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// decodeBody reads a JSON request body into v, strictly: the body must be
// declared as JSON (which also keeps cross-site HTML forms out), fields
// must be known, and nothing may follow the value. It answers the request
// itself and returns false when the body is not usable.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	ct := r.Header.Get("Content-Type")
	media, _, _ := strings.Cut(ct, ";")
	if media = strings.ToLower(strings.TrimSpace(media)); media != "application/json" {
		if ct == "" {
			ct = "none"
		}
		writeError(w, r, http.StatusUnsupportedMediaType, codeUnsupportedMedia,
			"the request body must be JSON sent with Content-Type: application/json (got %s)", ct)
		return false
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("unexpected data after the JSON value")
	}
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, r, http.StatusRequestEntityTooLarge, codeTooLarge, "request body is over the limit of %d bytes", tooBig.Limit)
	case errors.Is(err, context.DeadlineExceeded):
		fail(w, r, err)
	case errors.Is(err, io.EOF):
		writeError(w, r, http.StatusBadRequest, codeInvalid, "the request body is empty; it must be a JSON object")
	case errors.As(err, &syntax):
		writeError(w, r, http.StatusBadRequest, codeInvalid, "the request body is not valid JSON: %v (at byte %d)", syntax, syntax.Offset)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the request body"
		}
		writeError(w, r, http.StatusBadRequest, codeInvalid, "%s must be %s, not JSON %s", field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		writeError(w, r, http.StatusBadRequest, codeInvalid, "the request body is not valid JSON: it ends in the middle of a value")
	default:
		// Unknown fields and trailing data.
		writeError(w, r, http.StatusBadRequest, codeInvalid, "the request body is not usable: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	return false
}

// decodeOptionalBody is decodeBody for writes whose body may be left out:
// an empty body needs no Content-Type and leaves v as it is; a body that is
// there follows decodeBody's rules.
func decodeOptionalBody(w http.ResponseWriter, r *http.Request, v any) bool {
	if r.ContentLength == 0 {
		return true
	}
	// A chunked body may still turn out empty. A read error other than
	// the end is kept by the bufio.Reader and met again by decodeBody.
	br := bufio.NewReader(r.Body)
	if _, err := br.Peek(1); errors.Is(err, io.EOF) {
		return true
	}
	r.Body = struct {
		io.Reader
		io.Closer
	}{br, r.Body}
	return decodeBody(w, r, v)
}

// jsonKind names a Go kind the way a JSON client thinks of it.
func jsonKind(kind string) string {
	switch kind {
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "an array"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	default:
		return "a number"
	}
}

// logFrom is the request's logger.
func logFrom(r *http.Request) *slog.Logger {
	if info := infoFrom(r.Context()); info != nil && info.log != nil {
		return info.log
	}
	return slog.Default()
}

// routeOf is the route label of a request, "" before routing.
func routeOf(r *http.Request) string {
	if info := infoFrom(r.Context()); info != nil {
		return info.route
	}
	return ""
}

// needsHTMLEscape reports whether json.HTMLEscape would change b: it holds
// <, >, & or U+2028/U+2029 (UTF-8 E2 80 A8/A9). bytes.IndexByte is
// vectorized, so four passes beat one byte loop over a 20 KB brief (and
// bytes.ContainsAny with non-ASCII runes in its set rescans b per rune).
func needsHTMLEscape(b []byte) bool {
	if bytes.IndexByte(b, '<') >= 0 || bytes.IndexByte(b, '>') >= 0 || bytes.IndexByte(b, '&') >= 0 {
		return true
	}
	for i := 0; i < len(b); i++ {
		j := bytes.IndexByte(b[i:], 0xE2)
		if j < 0 {
			return false
		}
		i += j
		if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9) {
			return true
		}
	}
	return false
}
