package warc

import (
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Writer writes WARC/1.0 records in the Common Crawl layout: each record
// its own gzip member when compressing. It exists for tests and tools that
// need WARC input; Parallax itself only reads WARC. It writes what it is
// given and checks little.
type Writer struct {
	w        io.Writer
	compress bool
	gz       *gzip.Writer
	n        int
}

// Field is one header field of a record to write.
type Field struct{ Name, Value string }

// NewWriter returns a Writer to w, gzip compressed when compress is set.
func NewWriter(w io.Writer, compress bool) *Writer {
	return &Writer{w: w, compress: compress}
}

// WriteRecord writes one record: the version line, fields in order, a
// Content-Length computed from block (any Content-Length in fields is
// dropped), the block and the closing blank lines.
func (w *Writer) WriteRecord(fields []Field, block []byte) error {
	var b strings.Builder
	b.WriteString("WARC/1.0\r\n")
	for _, f := range fields {
		if strings.EqualFold(f.Name, "Content-Length") {
			continue
		}
		b.WriteString(f.Name + ": " + f.Value + "\r\n")
	}
	b.WriteString("Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n")

	out := w.w
	if w.compress {
		if w.gz == nil {
			w.gz = gzip.NewWriter(w.w)
		} else {
			w.gz.Reset(w.w)
		}
		out = w.gz
	}
	if _, err := io.WriteString(out, b.String()); err != nil {
		return err
	}
	if _, err := out.Write(block); err != nil {
		return err
	}
	if _, err := io.WriteString(out, "\r\n\r\n"); err != nil {
		return err
	}
	w.n++
	if w.compress {
		return w.gz.Close() // ends the member; w.w stays open
	}
	return nil
}

// WriteResponse writes a response record for uri fetched at date, whose
// block is the raw HTTP response resp (status line, header, blank line,
// body as sent). The record id is derived from uri, date and the record's
// position, so output is reproducible.
func (w *Writer) WriteResponse(uri string, date time.Time, resp []byte) error {
	fields := []Field{
		{"WARC-Type", "response"},
		{"WARC-Date", date.UTC().Format(time.RFC3339)},
		{"WARC-Record-ID", w.recordID(uri, date)},
		{"Content-Type", "application/http; msgtype=response"},
		{"WARC-Target-URI", uri},
	}
	if i := strings.Index(string(resp), "\r\n\r\n"); i >= 0 {
		sum := sha1.Sum(resp[i+4:])
		fields = append(fields, Field{"WARC-Payload-Digest", "sha1:" + base32.StdEncoding.EncodeToString(sum[:])})
	}
	return w.WriteRecord(fields, resp)
}

// recordID returns a reproducible urn:uuid in the form crawlers write.
func (w *Writer) recordID(uri string, date time.Time) string {
	s := sha1.Sum([]byte(fmt.Sprintf("%s|%s|%d", uri, date.Format(time.RFC3339Nano), w.n)))
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
}
