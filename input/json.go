package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// Field names accepted for each Article field, in order of preference.
// Keys are compared after fieldKey, so "published_at", "publishedAt" and
// "Published-At" are the same key.
var (
	idKeys        = []string{"id", "guid"}
	titleKeys     = []string{"title", "headline"}
	bodyKeys      = []string{"text", "body", "content", "articlebody", "maintext"}
	sourceKeys    = []string{"source", "outlet", "site", "sitename", "publisher"}
	urlKeys       = []string{"url", "link", "canonicalurl"}
	publishedKeys = []string{"published", "date", "publishedat", "datepublished", "pubdate"}
	authorKeys    = []string{"author", "authors", "byline"}
)

// fieldKey folds a field name for matching: lower case without '_', '-'
// and spaces.
func fieldKey(k string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', ' ':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(k)))
}

// numbered is an article with its 1-based record number in its input.
type numbered struct {
	a *parallax.Article
	n int
}

// finish applies the fallbacks to the records of one input. Records are
// numbered in their fallback ids only when the input holds more than one.
func finish(path string, recs []numbered, total int, d Defaults) []*parallax.Article {
	out := make([]*parallax.Article, len(recs))
	for i, r := range recs {
		r.a.Path = path
		n := r.n
		if total == 1 {
			n = 0
		}
		fill(r.a, path, n, d)
		out[i] = r.a
	}
	return out
}

// readJSON reads one JSON object, an array of objects, or several such
// values one after another. Arrays are streamed element by element so a
// large file never has to fit in memory at once. A syntax error ends the
// input (the decoder cannot resynchronize); records before it load.
func readJSON(path string, r *bufio.Reader, d Defaults) ([]*parallax.Article, error) {
	lc := &lineCounter{r: r}
	dec := json.NewDecoder(lc)
	var (
		recs  []numbered
		errs  ErrorList
		total int
	)
	addRecord := func(raw json.RawMessage, line int) {
		total++
		a, reason := record(raw)
		if reason != "" {
			errs = append(errs, &Error{Path: path, Line: line, Reason: reason})
			return
		}
		recs = append(recs, numbered{a, total})
	}
	syntax := func(err error) {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		var line int
		switch {
		case errors.As(err, &se):
			line = lc.line(se.Offset)
		case errors.As(err, &te):
			line = lc.line(te.Offset)
		default:
			line = lc.line(lc.read)
		}
		msg := err.Error()
		if errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of input"
		}
		errs = append(errs, &Error{Path: path, Line: line, Reason: "malformed JSON: " + msg})
	}

	// A leading array is streamed through the decoder's tokens.
	if first, _ := firstByte(r); first == '[' {
		if _, err := dec.Token(); err != nil {
			syntax(err)
			return finish(path, recs, total, d), errs.Err()
		}
		for dec.More() {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				syntax(err)
				return finish(path, recs, total, d), errs.Err()
			}
			addRecord(raw, lc.line(dec.InputOffset()-int64(len(raw))))
		}
		if _, err := dec.Token(); err != nil {
			syntax(err)
			return finish(path, recs, total, d), errs.Err()
		}
	}
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			break
		}
		if err != nil {
			syntax(err)
			break
		}
		start := dec.InputOffset() - int64(len(raw))
		line := lc.line(start)
		switch raw[0] {
		case '{':
			addRecord(raw, line)
		case '[':
			// Later top-level arrays are rare (concatenated files);
			// they are decoded in memory.
			var elems []json.RawMessage
			if err := json.Unmarshal(raw, &elems); err != nil {
				syntax(err)
				return finish(path, recs, total, d), errs.Err()
			}
			off := 0
			for _, e := range elems {
				i := bytes.Index(raw[off:], e)
				if i >= 0 {
					off += i
				}
				addRecord(e, line+bytes.Count(raw[:off], []byte{'\n'}))
			}
		default:
			errs = append(errs, &Error{Path: path, Line: line, Reason: "JSON input must be an object or an array of objects"})
			return finish(path, recs, total, d), errs.Err()
		}
	}
	if total == 0 && len(errs) == 0 {
		errs = append(errs, &Error{Path: path, Reason: "no records in JSON input"})
	}
	return finish(path, recs, total, d), errs.Err()
}

// firstByte peeks at the first byte that is not JSON whitespace.
func firstByte(r *bufio.Reader) (byte, bool) {
	for n := 1; ; n++ {
		b, err := r.Peek(n)
		if len(b) < n || err != nil {
			return 0, false
		}
		switch c := b[n-1]; c {
		case ' ', '\t', '\r', '\n':
		default:
			return c, true
		}
	}
}

// readJSONL reads one JSON object per line, line by line. A bad line is a
// problem for that record only; the following lines still load.
func readJSONL(path string, r *bufio.Reader, d Defaults) ([]*parallax.Article, error) {
	var (
		recs  []numbered
		errs  ErrorList
		total int
		buf   []byte
	)
	for lineNo := 1; ; lineNo++ {
		line, _, tooLong, more, err := readLine(r, maxLine, buf[:0])
		buf = line
		if err != nil {
			errs = append(errs, &Error{Path: path, Line: lineNo, Reason: osReason(err)})
			break
		}
		switch {
		case tooLong:
			total++
			errs = append(errs, &Error{Path: path, Line: lineNo, Reason: fmt.Sprintf("line too long: exceeds the %d MB limit", maxLine/mb)})
		case len(bytes.TrimSpace(line)) > 0:
			total++
			var reason string
			var a *parallax.Article
			if !jsonValid(line) {
				reason = "malformed JSON: " + jsonSyntaxMessage(line)
			} else {
				a, reason = record(bytes.TrimSpace(line))
			}
			if reason != "" {
				errs = append(errs, &Error{Path: path, Line: lineNo, Reason: reason})
			} else {
				recs = append(recs, numbered{a, total})
			}
		}
		if !more {
			break
		}
	}
	if total == 0 && len(errs) == 0 {
		errs = append(errs, &Error{Path: path, Reason: "empty file"})
	}
	return finish(path, recs, total, d), errs.Err()
}

// readLine reads one line into buf, without its line ending. A line longer
// than max is consumed but not kept (tooLong). n counts the bytes consumed,
// line ending included. more is false after the last line.
func readLine(r *bufio.Reader, max int, buf []byte) (line []byte, n int64, tooLong, more bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		n += int64(len(chunk))
		if !tooLong {
			if len(buf)+len(chunk) > max+2 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case nil:
			buf = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte{'\n'}), []byte{'\r'})
			return buf, n, tooLong, true, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return buf, n, tooLong, false, nil
		default:
			return buf, n, tooLong, false, err
		}
	}
}

func jsonValid(b []byte) bool { return json.Valid(b) }

// jsonSyntaxMessage says what is wrong with invalid JSON.
func jsonSyntaxMessage(b []byte) string {
	var v any
	err := json.Unmarshal(b, &v)
	if err == nil {
		return "invalid JSON"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s (at byte %d)", se.Error(), se.Offset)
	}
	return err.Error()
}

// record builds an article from one JSON object, or says why it cannot.
// Fields it does not use are kept in Extra, as is a date it cannot read.
func record(raw []byte) (*parallax.Article, string) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, "record is not a JSON object"
		}
		return nil, "malformed JSON: " + err.Error()
	}
	if obj == nil {
		return nil, "record is not a JSON object"
	}
	// Match keys deterministically even when two differ only in case.
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	byKey := make(map[string]string, len(keys))
	for _, k := range keys {
		if fk := fieldKey(k); byKey[fk] == "" {
			byKey[fk] = k
		}
	}
	used := make(map[string]bool)
	// present lists the present, non-null fields among names, in order
	// of preference; a null field counts as absent and is dropped.
	present := func(names []string) []string {
		var ks []string
		for _, n := range names {
			k, ok := byKey[n]
			if !ok {
				continue
			}
			if v := bytes.TrimSpace(obj[k]); len(v) == 0 || string(v) == "null" {
				used[k] = true
				continue
			}
			ks = append(ks, k)
		}
		return ks
	}

	a := &parallax.Article{}
	bodies := present(bodyKeys)
	if len(bodies) == 0 {
		return nil, "no text or body field"
	}
	k := bodies[0]
	body, ok := jsonString(obj[k])
	if !ok {
		return nil, fmt.Sprintf("field %q is not a string", k)
	}
	if len(body) > maxBody {
		return nil, fmt.Sprintf("text too large: %.1f MB exceeds the %d MB limit", float64(len(body))/mb, maxBody/mb)
	}
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Sprintf("field %q is empty", k)
	}
	a.Body = body
	used[k] = true

	// Metadata takes the first candidate field it can read; the others
	// stay in Extra.
	for _, f := range []struct {
		names []string
		dst   *string
	}{
		{idKeys, &a.ID},
		{titleKeys, &a.Title},
		{sourceKeys, &a.Source},
		{urlKeys, &a.URL},
		{authorKeys, &a.Author},
	} {
		for _, k := range present(f.names) {
			if s, ok := jsonText(obj[k]); ok {
				*f.dst = s
				used[k] = true
				break
			}
		}
	}
	for _, k := range present(publishedKeys) {
		if t, ok := jsonTime(obj[k]); ok {
			a.Published = t
			used[k] = true
			break
		}
	}
	for k, v := range obj {
		if used[k] {
			continue
		}
		if a.Extra == nil {
			a.Extra = make(map[string]json.RawMessage)
		}
		a.Extra[k] = v
	}
	return a, ""
}

// jsonString decodes a JSON string.
func jsonString(v json.RawMessage) (string, bool) {
	var s string
	if len(v) == 0 || v[0] != '"' || json.Unmarshal(v, &s) != nil {
		return "", false
	}
	return s, true
}

// jsonText reads a metadata value: a string, a number (ids), an object
// with a "name" (NewsAPI's source, schema.org's author), or an array of
// those joined with ", " (several authors).
func jsonText(v json.RawMessage) (string, bool) {
	if len(v) == 0 {
		return "", false
	}
	switch v[0] {
	case '"':
		s, ok := jsonString(v)
		return strings.TrimSpace(s), ok && strings.TrimSpace(s) != ""
	case '{':
		var o map[string]json.RawMessage
		if json.Unmarshal(v, &o) != nil {
			return "", false
		}
		for _, k := range []string{"name", "Name", "title"} {
			if s, ok := jsonString(o[k]); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s), true
			}
		}
		return "", false
	case '[':
		var elems []json.RawMessage
		if json.Unmarshal(v, &elems) != nil {
			return "", false
		}
		var parts []string
		for _, e := range elems {
			if s, ok := jsonText(e); ok {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", "), len(parts) > 0
	default:
		var n json.Number
		if json.Unmarshal(v, &n) != nil {
			return "", false
		}
		return n.String(), true
	}
}

// jsonTime reads a date written as a string ParseTime accepts, or as Unix
// seconds (milliseconds when the number is too large for seconds).
func jsonTime(v json.RawMessage) (time.Time, bool) {
	if s, ok := jsonString(v); ok {
		t, err := ParseTime(s)
		return t, err == nil
	}
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f <= 0 {
		return time.Time{}, false
	}
	if f > 1e11 {
		f /= 1000
	}
	if f > 1e11 {
		return time.Time{}, false
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC(), true
}

// lineCounter passes a reader through and remembers where its lines start,
// so that offsets reported by a json.Decoder can be turned into line
// numbers. Queries must not go backwards: it forgets newlines before the
// last queried offset, which keeps memory small on large inputs.
type lineCounter struct {
	r    io.Reader
	read int64   // bytes read so far
	nl   []int64 // offsets of newlines not yet passed by a query
	base int     // newlines forgotten
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.nl = append(c.nl, c.read+int64(i))
		}
	}
	c.read += int64(n)
	return n, err
}

// line returns the 1-based line holding byte offset off.
func (c *lineCounter) line(off int64) int {
	i := sort.Search(len(c.nl), func(i int) bool { return c.nl[i] >= off })
	c.base += i
	c.nl = c.nl[i:]
	return c.base + 1
}
