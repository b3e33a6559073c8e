package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// bufSize is the read buffer of a Reader: large enough that most header
// lines are read in place, small enough to keep per-file memory flat.
const bufSize = 64 << 10

// Reader reads the records of a WARC or WARC.gz stream in order.
type Reader struct {
	br    *bufio.Reader   // uncompressed WARC data
	cnt   *countingReader // under br: its count is the uncompressed offset
	gz    *gzipStream     // nil for uncompressed input
	lines lineReader
	n     int    // records returned so far
	cur   *block // block of the last record returned
	err   error  // sticky: the error that ended the stream
}

// NewReader returns a Reader for r, which holds a WARC file, plain or gzip
// compressed (told apart by the gzip magic bytes, so a file's name does not
// matter). It reads the first bytes of r to check that they start a WARC
// record, and reports ErrNotWARC when they do not.
func NewReader(r io.Reader) (*Reader, error) {
	cnt := &countingReader{r: r}
	src := bufio.NewReaderSize(cnt, bufSize)
	rd := &Reader{br: src, cnt: cnt}
	magic, err := src.Peek(2)
	switch {
	case len(magic) == 0 && err == io.EOF:
		return nil, &Error{Member: -1, Err: fmt.Errorf("%w: empty input", ErrNotWARC)}
	case len(magic) == 0:
		return nil, &Error{Member: -1, Err: err}
	case len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		g, err := newGzipStream(src, cnt)
		if err != nil {
			return nil, &Error{Member: 0, Err: err}
		}
		rd.gz = g
		rd.cnt = &countingReader{r: g}
		rd.br = bufio.NewReaderSize(rd.cnt, bufSize)
	}
	rd.lines.br = rd.br
	head, err := rd.br.Peek(5)
	if string(head) != "WARC/" {
		if err != nil && err != io.EOF {
			return nil, &Error{Member: rd.member(0), Err: err}
		}
		return nil, &Error{Member: rd.member(0), Err: ErrNotWARC}
	}
	return rd, nil
}

// pos is the uncompressed offset of the next byte the Reader will parse.
func (r *Reader) pos() int64 { return r.cnt.n - int64(r.br.Buffered()) }

func (r *Reader) member(off int64) int64 {
	if r.gz == nil {
		return -1
	}
	return r.gz.memberAt(off)
}

// Next returns the next record, skipping what was left unread of the
// previous record's block. It returns io.EOF after the last record. Any
// other error ends the stream: later calls return it again.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	if b := r.cur; b != nil {
		r.cur = nil
		err := b.skip()
		b.stale = true
		if err != nil {
			return nil, err
		}
	}
	rec, err := r.readRecord()
	if err != nil {
		r.err = err
		return nil, err
	}
	r.n++
	r.cur = rec.Block.(*block)
	return rec, nil
}

func (r *Reader) fail(rec *Record, err error) error {
	rec.Member = r.member(rec.Offset)
	return recordError(rec, err)
}

func (r *Reader) readRecord() (*Record, error) {
	rec := &Record{Number: r.n + 1, Member: -1}
	var line []byte
	for {
		rec.Offset = r.pos()
		l, err := r.lines.line()
		switch {
		case err == io.EOF && len(l) == 0:
			return nil, io.EOF
		case err == io.EOF:
			return nil, r.fail(rec, fmt.Errorf("%w: input ends in the version line", ErrTruncated))
		case err != nil:
			return nil, r.fail(rec, err)
		}
		if len(l) > 0 { // blank lines between records are tolerated
			line = l
			break
		}
	}
	rec.Member = r.member(rec.Offset)
	if !bytes.HasPrefix(line, []byte("WARC/")) || !validVersion(line[5:]) {
		if r.n == 0 && !bytes.HasPrefix(line, []byte("WARC/")) {
			return nil, r.fail(rec, ErrNotWARC)
		}
		return nil, r.fail(rec, fmt.Errorf("%w: bad version line %q", ErrMalformed, clip(line)))
	}
	switch string(line) { // no allocation for the usual versions
	case "WARC/1.0":
		rec.Version = "WARC/1.0"
	case "WARC/1.1":
		rec.Version = "WARC/1.1"
	default:
		rec.Version = string(line)
	}

	h, err := readHeader(&r.lines, true)
	if err != nil {
		return nil, r.fail(rec, err)
	}
	rec.Header = h
	rec.Type = get(h, keyType)
	rec.TargetURI = get(h, keyTargetURI)
	rec.RecordID = get(h, keyRecordID)
	rec.ContentType = get(h, keyContentType)
	if d := get(h, keyDate); d != "" {
		// A bad date is not worth losing the record over; it stays zero.
		rec.Date, _ = time.Parse(time.RFC3339Nano, d)
	}
	cl, ok := h[keyContentLength]
	if !ok {
		return nil, r.fail(rec, fmt.Errorf("%w: no Content-Length", ErrMalformed))
	}
	n, err := strconv.ParseInt(cl[0], 10, 64)
	if err != nil || n < 0 || cl[0][0] == '+' {
		return nil, r.fail(rec, fmt.Errorf("%w: invalid Content-Length %q", ErrMalformed, clip([]byte(cl[0]))))
	}
	rec.ContentLength = n
	rec.Block = &block{r: r, rec: rec, left: n}
	return rec, nil
}

// validVersion reports whether v is a version number like "1.0".
func validVersion(v []byte) bool {
	dot := bytes.IndexByte(v, '.')
	return dot > 0 && dot < len(v)-1 && allDigits(v[:dot]) && allDigits(v[dot+1:])
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// clip shortens b for an error message.
func clip(b []byte) string {
	const max = 40
	if len(b) > max {
		return string(b[:max]) + "..."
	}
	return string(b)
}

// errStale is returned by a block read after Next has moved on.
var errStale = errors.New("warc: block read after Next")

// block reads one record's block straight from the Reader's buffer.
type block struct {
	r     *Reader
	rec   *Record
	left  int64
	stale bool
}

func (b *block) Read(p []byte) (int, error) {
	if b.stale {
		return 0, errStale
	}
	if b.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.br.Read(p)
	b.left -= int64(n)
	if err != nil {
		return n, b.broken(err)
	}
	if b.r.gz != nil && len(b.r.gz.starts) > 16 {
		b.r.gz.memberAt(b.r.pos())
	}
	return n, nil
}

// skip discards the rest of the block.
func (b *block) skip() error {
	for b.left > 0 {
		// In steps, so that the member list of a gzip stream is pruned
		// as the reader moves through a long block.
		step := min(b.left, bufSize)
		d, err := b.r.br.Discard(int(step))
		b.left -= int64(d)
		if err != nil {
			return b.broken(err)
		}
		if b.r.gz != nil {
			b.r.gz.memberAt(b.r.pos())
		}
	}
	return nil
}

// broken records the error that cut the block short; the stream cannot go
// on after it.
func (b *block) broken(err error) error {
	if err == io.EOF {
		err = fmt.Errorf("%w: block ends %d bytes short of its Content-Length %d", ErrTruncated, b.left, b.rec.ContentLength)
	}
	err = recordError(b.rec, err)
	b.r.err = err
	return err
}

// errLineTooLong reports a header line longer than MaxHeaderBytes.
var errLineTooLong = fmt.Errorf("%w: header line longer than %d bytes", ErrMalformed, MaxHeaderBytes)

// lineReader reads header lines, in place when they fit the buffer.
type lineReader struct {
	br     *bufio.Reader
	long   []byte // assembles lines longer than the buffer
	header []byte // gathers the lines of a header
}

// line returns the next line without its line ending, valid until the
// next call. At the end of the input it returns the unterminated rest, if
// any, with io.EOF.
func (l *lineReader) line() ([]byte, error) {
	s, err := l.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		l.long = append(l.long[:0], s...)
		for err == bufio.ErrBufferFull {
			if len(l.long) > MaxHeaderBytes {
				return nil, errLineTooLong
			}
			s, err = l.br.ReadSlice('\n')
			l.long = append(l.long, s...)
		}
		s = l.long
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	s = bytes.TrimSuffix(s, []byte("\n"))
	s = bytes.TrimSuffix(s, []byte("\r"))
	return s, err
}

// readHeader reads header fields up to the blank line that ends them. A
// WARC header (strict) must be well formed and complete, or the record
// cannot be trusted; an HTTP header is read leniently, skipping lines that
// are not fields, because servers send all sorts.
//
// The lines are gathered first and converted to one string, so that keys
// and values are substrings of it: a handful of allocations per header
// instead of two per field.
func readHeader(l *lineReader, strict bool) (textproto.MIMEHeader, error) {
	buf := l.header[:0]
	lines := 0
	for {
		line, err := l.line()
		if err != nil && err != io.EOF {
			return nil, err
		}
		if err == io.EOF && strict {
			return nil, fmt.Errorf("%w: input ends in the header", ErrTruncated)
		}
		if len(line) == 0 {
			break
		}
		if len(buf)+len(line)+1 > MaxHeaderBytes {
			return nil, fmt.Errorf("%w: header longer than %d bytes", ErrMalformed, MaxHeaderBytes)
		}
		if lines++; lines > maxHeaderFields {
			return nil, fmt.Errorf("%w: more than %d header lines", ErrMalformed, maxHeaderFields)
		}
		buf = append(buf, line...)
		buf = append(buf, '\n')
		if err == io.EOF { // lenient: a header cut short ends there
			break
		}
	}
	if cap(buf) <= bufSize { // keep a small buffer for the next header
		l.header = buf
	}
	text := string(buf)
	h := make(textproto.MIMEHeader, lines)
	values := make([]string, lines) // backing store: one []string per field
	var last string
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if line[0] == ' ' || line[0] == '\t' { // obsolete line folding
			if last == "" {
				if strict {
					return nil, fmt.Errorf("%w: header starts with a continuation line", ErrMalformed)
				}
				continue
			}
			vs := h[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !strict {
			key = strings.TrimRight(key, " \t")
		}
		if !ok || !validKey(key) {
			if strict {
				return nil, fmt.Errorf("%w: bad header line %q", ErrMalformed, clip([]byte(line)))
			}
			last = ""
			continue
		}
		k, ok := commonKeys[key]
		if !ok {
			k = textproto.CanonicalMIMEHeaderKey(key)
		}
		value = strings.TrimSpace(value)
		if vs := h[k]; vs != nil {
			h[k] = append(vs, value)
		} else {
			values[0] = value
			h[k] = values[:1:1]
			values = values[1:]
		}
		last = k
	}
	return h, nil
}

// validKey reports whether k is an RFC 7230 token.
func validKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// Canonical keys of the fields the reader looks up; indexing the header
// with them directly avoids MIMEHeader.Get's canonicalization.
const (
	keyType          = "Warc-Type"
	keyTargetURI     = "Warc-Target-Uri"
	keyRecordID      = "Warc-Record-Id"
	keyDate          = "Warc-Date"
	keyTruncated     = "Warc-Truncated"
	keyIdentified    = "Warc-Identified-Payload-Type"
	keyContentType   = "Content-Type"
	keyContentLength = "Content-Length"
)

// get returns the first value of canonical key k.
func get(h textproto.MIMEHeader, k string) string {
	if vs := h[k]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// commonKeys maps the field names seen in nearly every record to their
// canonical form without allocating.
var commonKeys = func() map[string]string {
	m := make(map[string]string)
	for _, k := range []string{
		"WARC-Type", "WARC-Target-URI", "WARC-Date", "WARC-Record-ID",
		"WARC-Payload-Digest", "WARC-Block-Digest", "WARC-IP-Address",
		"WARC-Warcinfo-ID", "WARC-Concurrent-To", "WARC-Identified-Payload-Type",
		"WARC-Truncated", "WARC-Filename", "WARC-Refers-To", "WARC-Profile",
		"Content-Length", "Content-Type", "Content-Encoding", "Transfer-Encoding",
		"Date", "Server", "Last-Modified", "ETag", "Cache-Control", "Expires",
		"Connection", "Vary", "Set-Cookie", "Location", "Content-Language",
		"Accept-Ranges", "Age", "Via", "X-Cache", "Strict-Transport-Security",
		"X-Crawler-Content-Encoding", "X-Crawler-Transfer-Encoding", "X-Crawler-Content-Length",
	} {
		c := textproto.CanonicalMIMEHeaderKey(k)
		m[k] = c
		m[c] = c
	}
	return m
}()
