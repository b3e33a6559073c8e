package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"strings"
	"sync"
	"time"
)

// More errors of one record's payload; see the package errors above.
var (
	// ErrBadHTTP: the block of a response record is not an HTTP response.
	ErrBadHTTP = errors.New("malformed HTTP response")
	// ErrUnsupported: the payload uses a content coding the standard
	// library cannot decode (br, zstd, ...).
	ErrUnsupported = errors.New("unsupported content coding")
)

// Page is the HTTP response of a response record, its payload decoded.
type Page struct {
	URL      string    // WARC-Target-URI
	Date     time.Time // WARC-Date: when the page was fetched
	RecordID string    // WARC-Record-ID
	Status   int
	// ContentType is the media type of the HTTP Content-Type, lower case,
	// without parameters ("text/html"); when the server sent none, the
	// crawler's WARC-Identified-Payload-Type.
	ContentType string
	// Charset is the Content-Type's charset parameter, lower case; empty
	// when the server declared none (the page itself may, in <meta>).
	Charset string
	Header  http.Header
	// Body is the payload with transfer and content codings removed, in
	// its declared charset.
	Body []byte
	// Truncated reports a partial payload: the crawler cut it short
	// (WARC-Truncated) or its coding breaks off midway.
	Truncated bool
}

// HTML reports whether p is a successful HTML page: status 2xx, text/html
// or application/xhtml+xml.
func (p *Page) HTML() bool {
	return p.Status >= 200 && p.Status < 300 &&
		(p.ContentType == "text/html" || p.ContentType == "application/xhtml+xml")
}

// ReadResponse reads and decodes the HTTP response held by rec, a record of
// WARC-Type response and Content-Type application/http. It reads the body
// into memory only up to maxBody bytes, before and after decoding
// (DefaultMaxBody when maxBody <= 0); a larger payload fails with
// ErrTooLarge and is left for Next to skip.
//
// On error, the Page holds what could be read (at least URL, Date and
// RecordID) and the error is an *Error naming the record. The error ends
// the stream only when the record itself is cut short (ErrTruncated, or a
// corrupt gzip member of the file); then Next returns it too.
func ReadResponse(rec *Record, maxBody int64) (*Page, error) {
	p, hr, err := readHead(rec)
	if hr != nil {
		defer hr.release()
	}
	if err != nil {
		return p, recordError(rec, err)
	}
	if err := p.readBody(rec, hr, maxBody); err != nil {
		return p, recordError(rec, err)
	}
	return p, nil
}

// Pages calls fn for every successful HTML page (see Page.HTML) of the WARC
// or WARC.gz stream r, in order, reading one record at a time. Other records
// are skipped without reading their payloads.
//
// A response record whose payload cannot be decoded (malformed HTTP, larger
// than maxBody, corrupt compressed body, unsupported coding) is passed to
// fn with its error and a Page holding what is known of it; fn returns nil
// to go on past it or an error to stop. Pages returns fn's error, the error
// that ended the stream (not a WARC file, truncated or corrupt file; an
// *Error naming the record), or nil at the end of the input.
func Pages(r io.Reader, maxBody int64, fn func(*Page, error) error) error {
	wr, err := NewReader(r)
	if err != nil {
		return err
	}
	for {
		rec, err := wr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if !isHTTPResponse(rec) {
			continue
		}
		p, hr, err := readHead(rec)
		if err == nil && !p.HTML() {
			hr.release()
			continue
		}
		if err == nil {
			err = p.readBody(rec, hr, maxBody)
		}
		if hr != nil {
			hr.release()
		}
		if err != nil {
			if wr.err != nil { // the file itself broke off
				return wr.err
			}
			err = recordError(rec, err)
		}
		if err := fn(p, err); err != nil {
			return err
		}
	}
}

// isHTTPResponse reports whether rec holds an HTTP response; Common Crawl
// also writes response records for DNS lookups (text/dns).
func isHTTPResponse(rec *Record) bool {
	if rec.Type != "response" {
		return false
	}
	mt, params := mediaType(rec.ContentType)
	return mt == "application/http" && (params["msgtype"] == "" || params["msgtype"] == "response")
}

// headReader reads the HTTP head and then the body of one record's block.
type headReader struct {
	br    *bufio.Reader
	lines lineReader
}

var headReaders = sync.Pool{New: func() any {
	hr := &headReader{br: bufio.NewReaderSize(nil, 16<<10)}
	hr.lines.br = hr.br
	return hr
}}

func (hr *headReader) release() {
	hr.br.Reset(nil)
	if cap(hr.lines.long) > 64<<10 {
		hr.lines.long = nil // do not pin a huge line in the pool
	}
	headReaders.Put(hr)
}

// readHead reads the status line and header of the HTTP response in rec.
func readHead(rec *Record) (*Page, *headReader, error) {
	p := &Page{URL: rec.TargetURI, Date: rec.Date, RecordID: rec.RecordID}
	if !isHTTPResponse(rec) {
		return p, nil, fmt.Errorf("%w: WARC-Type %q, Content-Type %q", ErrNotResponse, rec.Type, rec.ContentType)
	}
	p.Truncated = get(rec.Header, keyTruncated) != ""
	hr := headReaders.Get().(*headReader)
	hr.br.Reset(rec.Block)
	line, err := hr.lines.line()
	if err != nil && (err != io.EOF || len(line) == 0) {
		if err == io.EOF {
			err = fmt.Errorf("%w: empty block", ErrBadHTTP)
		}
		return p, hr, err
	}
	status, ok := parseStatus(line)
	if !ok {
		return p, hr, fmt.Errorf("%w: bad status line %q", ErrBadHTTP, clip(line))
	}
	p.Status = status
	h, err := readHeader(&hr.lines, false)
	if err != nil {
		return p, hr, err
	}
	p.Header = http.Header(h)
	ct := get(h, keyContentType)
	if ct == "" {
		ct = get(rec.Header, keyIdentified)
	}
	var params map[string]string
	p.ContentType, params = mediaType(ct)
	p.Charset = params["charset"]
	return p, hr, nil
}

// parseStatus reads the status code of a status line such as
// "HTTP/1.1 200 OK". Crawlers also store "HTTP/2 200".
func parseStatus(line []byte) (int, bool) {
	if !bytes.HasPrefix(line, []byte("HTTP/")) {
		return 0, false
	}
	sp := bytes.IndexByte(line, ' ')
	if sp < 0 {
		return 0, false
	}
	rest := bytes.TrimLeft(line[sp+1:], " ")
	if len(rest) < 3 || !allDigits(rest[:3]) || (len(rest) > 3 && rest[3] != ' ') {
		return 0, false
	}
	code := int(rest[0]-'0')*100 + int(rest[1]-'0')*10 + int(rest[2]-'0')
	return code, code >= 100
}

// mediaType splits a Content-Type into its lower-case media type and
// parameters. It is more forgiving than mime.ParseMediaType: a malformed
// parameter is skipped, not fatal, since the media type is what matters.
func mediaType(v string) (string, map[string]string) {
	mt, rest, _ := strings.Cut(v, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	var params map[string]string
	for rest != "" {
		var p string
		p, rest, _ = strings.Cut(rest, ";")
		k, val, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		if params == nil {
			params = make(map[string]string, 2)
		}
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		params[strings.ToLower(strings.TrimSpace(k))] = strings.ToLower(val)
	}
	return mt, params
}

// readBody reads the rest of the block as the payload and removes its
// transfer and content codings.
func (p *Page) readBody(rec *Record, hr *headReader, maxBody int64) error {
	if maxBody <= 0 {
		maxBody = DefaultMaxBody
	}
	var raw []byte
	if b, ok := rec.Block.(*block); ok {
		// The size is known: refuse without reading, allocate once.
		size := b.left + int64(hr.br.Buffered())
		if size > maxBody {
			return fmt.Errorf("%w: payload of %d bytes, limit %d", ErrTooLarge, size, maxBody)
		}
		raw = make([]byte, size)
		if _, err := io.ReadFull(hr.br, raw); err != nil {
			return err
		}
	} else {
		var err error
		if raw, err = readAll(hr.br, maxBody); err != nil {
			return err
		}
	}

	body := raw
	if chunked(p.Header) {
		dec, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(raw)))
		switch {
		case err == nil:
			body = dec
		case len(dec) > 0: // the crawler stopped midway
			body, p.Truncated = dec, true
		}
		// Nothing decoded: the payload was stored already dechunked.
	}
	codings := p.Header.Values("Content-Encoding")
	for i := len(codings) - 1; i >= 0; i-- {
		parts := strings.Split(codings[i], ",")
		for j := len(parts) - 1; j >= 0; j-- {
			dec, truncated, err := decode(strings.ToLower(strings.TrimSpace(parts[j])), body, maxBody)
			if err != nil {
				return err
			}
			body = dec
			p.Truncated = p.Truncated || truncated
		}
	}
	p.Body = body
	return nil
}

// chunked reports whether the last transfer coding is chunked.
func chunked(h http.Header) bool {
	te := h.Values("Transfer-Encoding")
	if len(te) == 0 {
		return false
	}
	last := te[len(te)-1]
	last = last[strings.LastIndexByte(last, ',')+1:]
	return strings.EqualFold(strings.TrimSpace(last), "chunked")
}

// decode removes one content coding from body.
func decode(coding string, body []byte, maxBody int64) (dec []byte, truncated bool, err error) {
	var zr io.Reader
	switch coding {
	case "", "identity":
		return body, false, nil
	case "gzip", "x-gzip":
		if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
			return body, false, nil // stored already decoded
		}
		gz, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, false, fmt.Errorf("%w: gzip payload: %v", ErrCorrupt, err)
		}
		zr = gz
	case "deflate":
		// RFC 9110 deflate is zlib-wrapped, but many servers send raw
		// deflate; the zlib header check tells them apart.
		if z, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			zr = z
		} else {
			zr = flate.NewReader(bytes.NewReader(body))
		}
	default:
		return nil, false, fmt.Errorf("%w %q", ErrUnsupported, coding)
	}
	dec, err = readAll(zr, maxBody)
	switch {
	case err == nil:
		return dec, false, nil
	case errors.Is(err, ErrTooLarge):
		return nil, false, err
	case len(dec) > 0 && errors.Is(err, io.ErrUnexpectedEOF): // cut short by the crawler
		return dec, true, nil
	}
	return nil, false, fmt.Errorf("%w: %s payload: %v", ErrCorrupt, coding, err)
}

// readAll reads r to its end, refusing more than max bytes.
func readAll(r io.Reader, max int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if n > max {
		return nil, fmt.Errorf("%w: payload over %d bytes", ErrTooLarge, max)
	}
	return buf.Bytes(), err
}
