package warc

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader and decodes every HTTP
// response. It must not panic or hang, must not allocate for a claimed
// length it has not seen (the fuzzer's memory limit catches that), and
// every error other than io.EOF must be an *Error; records must come in
// order, numbered from 1.
func FuzzReader(f *testing.F) {
	for layout := range layoutsLen {
		b := build(fixture(), layout)
		f.Add(b.data)
		f.Add(b.data[:len(b.data)/2])
	}
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 9000000000000000000\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Add([]byte("WARC/1.0\nContent-Length: 3\n\nabc\n\nWARC/1.1\nContent-Length: x\n\n"))
	f.Add(response("https://example.com/", httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"}, chunk(gzipBytes([]byte("<p>hi</p>")), 3))))
	f.Add(gzipBytes(response("https://example.com/", httpResponse("HTTP/2 200", []string{"Content-Encoding: deflate"}, zlibBytes([]byte("<p>x</p>"))))))
	f.Add([]byte{0x1f, 0x8b, 8, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			var we *Error
			if !errors.As(err, &we) {
				t.Fatalf("NewReader error %v (%T) is not an *Error", err, err)
			}
			return
		}
		last := int64(-1)
		for i := 1; ; i++ {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var we *Error
				if !errors.As(err, &we) || we.Record < i-1 || we.Record > i {
					t.Fatalf("Next error %v (%T) does not name record %d", err, err, i)
				}
				return
			}
			if rec.Number != i || rec.Offset <= last || rec.ContentLength < 0 || rec.Header == nil {
				t.Fatalf("record %d: Number %d, Offset %d after %d, ContentLength %d", i, rec.Number, rec.Offset, last, rec.ContentLength)
			}
			last = rec.Offset
			if isHTTPResponse(rec) {
				p, err := ReadResponse(rec, 1<<16)
				if p == nil {
					t.Fatal("ReadResponse returned no page")
				}
				if err == nil && int64(len(p.Body)) > 1<<16 {
					t.Fatalf("body of %d bytes over the limit", len(p.Body))
				}
				var we *Error
				if err != nil && !errors.As(err, &we) {
					t.Fatalf("ReadResponse error %v (%T) is not an *Error", err, err)
				}
			} else if rec.Number%2 == 0 {
				io.Copy(io.Discard, io.LimitReader(rec.Block, 100))
			}
		}
	})
}
