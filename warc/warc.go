// Package warc reads WARC files (ISO 28500, versions 1.0 and 1.1) as a
// stream, plain or gzip-compressed, in the layout Common Crawl News publishes:
// one gzip member per record, response records holding full HTTP responses
// with HTML payloads. It owns the WARC record framing, the decoding of the
// HTTP payload (chunked transfer coding, gzip and deflate content coding,
// the declared charset) and the errors that say which record of which file
// went wrong.
//
// No WARC module is reachable from this build, so this is a small reader on
// the standard library. It never loads a whole file: a record's block is an
// io.Reader over the input, headers are capped at MaxHeaderBytes, and
// payloads are read into memory only up to the caller's limit.
//
// Decisions worth knowing:
//
//   - Framing errors (not a WARC file, bad version line, missing or invalid
//     Content-Length, truncated record, corrupt gzip member) end the stream:
//     without a trustworthy length the next record cannot be found. Payload
//     errors (a malformed HTTP response, a payload over the limit, a corrupt
//     gzip body) belong to one record and the stream goes on past them.
//   - The WARC Content-Length frames the HTTP payload; the HTTP
//     Content-Length is ignored, as warcio does. A body declared chunked or
//     gzip that is not (Common Crawl sometimes stores decoded payloads under
//     the original headers) is taken as it is; a coding that breaks off
//     midway keeps the decoded prefix and marks the page Truncated.
//   - Blank lines between records are skipped, and LF line endings are
//     accepted as well as CRLF.
//   - The body is returned undecoded, with the charset the Content-Type
//     declares; turning it into UTF-8 text is the HTML reader's job.
package warc

import (
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strings"
	"time"
)

// Errors a caller can test for with errors.Is. They arrive wrapped in an
// *Error that says which record they concern.
var (
	// ErrNotWARC: the input does not start with a WARC version line.
	ErrNotWARC = errors.New("not a WARC file")
	// ErrMalformed: a bad version line, header line or Content-Length.
	ErrMalformed = errors.New("malformed WARC record")
	// ErrTruncated: the input ends inside a record or gzip member.
	ErrTruncated = errors.New("truncated record")
	// ErrCorrupt: a gzip member of the file or a gzip or deflate payload
	// cannot be decompressed.
	ErrCorrupt = errors.New("corrupt compressed data")
	// ErrTooLarge: a payload is larger than the caller's limit.
	ErrTooLarge = errors.New("payload larger than the limit")
	// ErrNotResponse: ReadResponse was given a record that does not hold an
	// HTTP response.
	ErrNotResponse = errors.New("not an HTTP response record")
)

// MaxHeaderBytes caps the header section of a WARC record and of an HTTP
// response, so that a corrupt file cannot make the reader buffer without
// bound.
const MaxHeaderBytes = 1 << 20

// maxHeaderFields caps the number of header fields for the same reason.
const maxHeaderFields = 1000

// DefaultMaxBody is the payload limit used when a caller passes 0 or less,
// the same 16 MB limit package input applies to a web page.
const DefaultMaxBody = 16 << 20

// Record is one WARC record. Its Block is valid until the next call to
// Reader.Next.
type Record struct {
	Version   string // "WARC/1.0" or "WARC/1.1"
	Type      string // WARC-Type: warcinfo, request, response, metadata, ...
	TargetURI string // WARC-Target-URI, empty when absent
	RecordID  string // WARC-Record-ID, e.g. "<urn:uuid:...>"
	Date      time.Time
	// ContentType is the record's Content-Type, e.g.
	// "application/http; msgtype=response".
	ContentType   string
	ContentLength int64
	// Header holds every header field under its canonical MIME key
	// ("Warc-Target-Uri"); Header.Get canonicalizes the name it is given.
	Header textproto.MIMEHeader
	// Block reads the ContentLength bytes of the record's block. Bytes left
	// unread are skipped by the next call to Next.
	Block io.Reader

	Number int   // 1 for the first record of the input
	Offset int64 // where the record starts in the uncompressed WARC data
	// Member is, for gzip input, the offset in the compressed file of the
	// gzip member the record starts in (the offset a Common Crawl index
	// gives); -1 for uncompressed input.
	Member int64
}

// Error says which record a problem concerns. Record is 0 when the problem
// is with the input as a whole (it is not a WARC file).
type Error struct {
	Record int
	Offset int64
	Member int64 // -1 for uncompressed input
	URI    string
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("warc: ")
	if e.Record > 0 {
		fmt.Fprintf(&b, "record %d", e.Record)
		if e.URI != "" {
			fmt.Fprintf(&b, " (%s)", e.URI)
		}
		fmt.Fprintf(&b, " at offset %d", e.Offset)
		if e.Member >= 0 {
			fmt.Fprintf(&b, " (gzip member at %d)", e.Member)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// recordError wraps err with the position of rec, unless it already is an
// *Error.
func recordError(rec *Record, err error) error {
	var we *Error
	if errors.As(err, &we) {
		return err
	}
	return &Error{Record: rec.Number, Offset: rec.Offset, Member: rec.Member, URI: rec.TargetURI, Err: err}
}
