package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// wantPage is what ReadResponse must make of a fixture record; err is the
// sentinel it must fail with instead.
type wantPage struct {
	status      int
	contentType string
	charset     string
	body        string
	truncated   bool
	html        bool
	header      [2]string // one header field and its value
	err         error
}

var fixturePages = map[string]wantPage{
	"warcinfo": {err: ErrNotResponse},
	"request":  {err: ErrNotResponse},
	"html": {status: 200, contentType: "text/html", charset: "utf-8", body: articleHTML, html: true,
		header: [2]string{"Cache-Control", "max-age=60"}},
	"chunked-gzip": {status: 200, contentType: "text/html", charset: "iso-8859-1", body: string(latin1Page), html: true,
		header: [2]string{"Vary", "Accept-Encoding"}},
	"404": {status: 404, contentType: "text/html", body: "<html><body><h1>Page not found</h1></body></html>",
		header: [2]string{"Content-Type", "text/html"}},
	"pdf": {status: 200, contentType: "application/pdf", body: "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
		header: [2]string{"Content-Type", "application/pdf"}},
	"dns": {err: ErrNotResponse},
	"xhtml-deflate": {status: 200, contentType: "application/xhtml+xml", charset: "utf-8", html: true,
		body:   `<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Talks resumed on Monday.</p></body></html>`,
		header: [2]string{"X-Long", "a folded value"}},
	"stored-decoded": {status: 200, contentType: "text/html", body: "<html><body><p>The vote was delayed until", truncated: true, html: true,
		header: [2]string{"X-Crawler-Content-Encoding", "gzip"}},
	"metadata": {err: ErrNotResponse},
}

func TestReadResponse(t *testing.T) {
	recs := fixture()
	for layout := range layoutsLen {
		b := build(recs, layout)
		r := mustReader(t, b.data)
		for i, fr := range recs {
			t.Run(layoutNames[layout]+"/"+fr.name, func(t *testing.T) {
				rec, err := r.Next()
				if err != nil {
					t.Fatal(err)
				}
				w, ok := fixturePages[fr.name]
				if !ok {
					t.Fatalf("no expectation for %s", fr.name)
				}
				p, err := ReadResponse(rec, 1<<20)
				if p == nil || p.URL != rec.TargetURI || !p.Date.Equal(rec.Date) || p.RecordID != rec.RecordID {
					t.Fatalf("page %+v does not carry the record's URL, date and id", p)
				}
				if w.err != nil {
					var we *Error
					if !errors.Is(err, w.err) || !errors.As(err, &we) || we.Record != i+1 {
						t.Fatalf("error %v, want %v for record %d", err, w.err, i+1)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				checks := []struct {
					field     string
					got, want any
				}{
					{"Status", p.Status, w.status},
					{"ContentType", p.ContentType, w.contentType},
					{"Charset", p.Charset, w.charset},
					{"Truncated", p.Truncated, w.truncated},
					{"HTML()", p.HTML(), w.html},
					{"Header " + w.header[0], p.Header.Get(w.header[0]), w.header[1]},
				}
				for _, c := range checks {
					if c.got != c.want {
						t.Errorf("%s = %v, want %v", c.field, c.got, c.want)
					}
				}
				if string(p.Body) != w.body {
					t.Errorf("Body = %q\nwant %q", clip(p.Body), clip([]byte(w.body)))
				}
			})
		}
	}
}

// response builds a one-record WARC holding an HTTP response.
func response(uri string, resp []byte) []byte {
	return rawRecord("WARC/1.0", fields(
		"WARC-Type", "response",
		"WARC-Date", "2025-03-13T08:00:00Z",
		"Content-Type", "application/http; msgtype=response",
		"WARC-Target-URI", uri,
	), resp)
}

// TestPayloadErrors: payload problems fail one record with a clear error
// and leave the stream readable.
func TestPayloadErrors(t *testing.T) {
	big := bytes.Repeat([]byte("<p>The council met again on Friday.</p>\n"), 100) // 4,000 bytes
	tests := []struct {
		name    string
		resp    []byte
		maxBody int64
		want    error
		inMsg   string
	}{
		{"larger than maxBody", httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html"}, big), 1000, ErrTooLarge, "payload of 4000 bytes, limit 1000"},
		{"gzip bomb", httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html", "Content-Encoding: gzip"}, gzipBytes(big)), 1000, ErrTooLarge, "payload over 1000 bytes"},
		{"deflate bomb", httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html", "Content-Encoding: deflate"}, zlibBytes(big)), 1000, ErrTooLarge, "payload over 1000 bytes"},
		{"corrupt gzip body", httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html", "Content-Encoding: gzip"}, append([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, "\xff\xff\xff\xff not deflate"...)), 0, ErrCorrupt, "gzip payload"},
		{"corrupt deflate body", httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html", "Content-Encoding: deflate"}, []byte("\xff\xff\xff\xffjunk")), 0, ErrCorrupt, "deflate payload"},
		{"brotli", httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html", "Content-Encoding: br"}, []byte("\x1b\x03")), 0, ErrUnsupported, `unsupported content coding "br"`},
		{"bad status line", []byte("HTTP/1.1 OK\r\nContent-Type: text/html\r\n\r\n<p>"), 0, ErrBadHTTP, `bad status line "HTTP/1.1 OK"`},
		{"not HTTP", []byte("<html><p>no head</p></html>"), 0, ErrBadHTTP, "bad status line"},
		{"empty block", nil, 0, ErrBadHTTP, "empty block"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := response("https://example.com/next", httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html"}, []byte("<p>next</p>")))
			data := append(response("https://example.com/bad", tt.resp), next...)
			r := mustReader(t, data)
			rec, err := r.Next()
			if err != nil {
				t.Fatal(err)
			}
			p, err := ReadResponse(rec, tt.maxBody)
			var we *Error
			if !errors.Is(err, tt.want) || !errors.As(err, &we) {
				t.Fatalf("ReadResponse: %v, want %v", err, tt.want)
			}
			if we.Record != 1 || we.URI != "https://example.com/bad" || p.URL != "https://example.com/bad" {
				t.Errorf("error names record %d %q, page %q", we.Record, we.URI, p.URL)
			}
			if !strings.Contains(err.Error(), tt.inMsg) {
				t.Errorf("message %q does not contain %q", err, tt.inMsg)
			}
			rec, err = r.Next()
			if err != nil {
				t.Fatalf("the stream did not go on: %v", err)
			}
			if p, err := ReadResponse(rec, tt.maxBody); err != nil || string(p.Body) != "<p>next</p>" {
				t.Errorf("next record: %v, %v", p, err)
			}
		})
	}
}

// TestCodings checks the decoding of transfer and content codings,
// including the forgiving cases.
func TestCodings(t *testing.T) {
	body := []byte("<p>Officials said 1,200 people had left the valley.</p>")
	gz := gzipBytes(body)
	var long bytes.Buffer // compresses poorly enough to cut mid-stream
	for i := range 300 {
		fmt.Fprintf(&long, "<p>Reading %d: the gauge stood at %d.%d metres.</p>\n", i, i*37%11, i*91%10)
	}
	tests := []struct {
		name      string
		header    []string
		payload   []byte
		truncated bool
	}{
		{"identity", []string{"Content-Encoding: identity"}, body, false},
		{"chunked", []string{"Transfer-Encoding: chunked"}, chunk(body, 7), false},
		{"chunked after gzip transfer coding list", []string{"Transfer-Encoding: gzip, chunked", "Content-Encoding: gzip"}, chunk(gz, 5), false},
		{"x-gzip", []string{"Content-Encoding: x-gzip"}, gz, false},
		{"zlib deflate", []string{"Content-Encoding: deflate"}, zlibBytes(body), false},
		{"raw deflate", []string{"Content-Encoding: Deflate"}, flateBytes(body), false},
		{"gzip twice", []string{"Content-Encoding: gzip, gzip"}, gzipBytes(gz), false},
		{"gzip twice in two fields", []string{"Content-Encoding: gzip", "Content-Encoding: gzip"}, gzipBytes(gz), false},
		{"stored dechunked", []string{"Transfer-Encoding: chunked"}, body, false},
		{"stored gunzipped", []string{"Content-Encoding: gzip"}, body, false},
		{"chunked cut short", []string{"Transfer-Encoding: chunked"}, bytes.TrimSuffix(chunk(body, 10), []byte("0\r\n\r\n")), true},
		{"gzip cut short", []string{"Content-Encoding: gzip"}, gzipBytes(long.Bytes())[:600], true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hdr := append([]string{"Content-Type: text/html"}, tt.header...)
			r := mustReader(t, response("https://example.com/a", httpResponse("HTTP/1.1 200 OK", hdr, tt.payload)))
			rec, err := r.Next()
			if err != nil {
				t.Fatal(err)
			}
			p, err := ReadResponse(rec, 0)
			if err != nil {
				t.Fatal(err)
			}
			if p.Truncated != tt.truncated {
				t.Errorf("Truncated = %v, want %v", p.Truncated, tt.truncated)
			}
			want := body
			if tt.truncated {
				if len(p.Body) == 0 || !bytes.HasPrefix(append(bytes.Clone(body), long.Bytes()...), p.Body) && !bytes.HasPrefix(long.Bytes(), p.Body) {
					t.Errorf("Body = %q, want a prefix of the page", clip(p.Body))
				}
				return
			}
			if !bytes.Equal(p.Body, want) {
				t.Errorf("Body = %q, want %q", p.Body, want)
			}
		})
	}
}

func TestMediaType(t *testing.T) {
	tests := []struct {
		in, mt, charset string
	}{
		{"text/html; charset=UTF-8", "text/html", "utf-8"},
		{"TEXT/HTML;CHARSET=\"Windows-1252\"", "text/html", "windows-1252"},
		{"text/html; charset", "text/html", ""},
		{"text/html; foo=bar; charset='euc-jp' ; x", "text/html", "euc-jp"},
		{"", "", ""},
		{"application/xhtml+xml", "application/xhtml+xml", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			mt, params := mediaType(tt.in)
			if mt != tt.mt || params["charset"] != tt.charset {
				t.Errorf("mediaType(%q) = %q, charset %q; want %q, %q", tt.in, mt, params["charset"], tt.mt, tt.charset)
			}
		})
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		line string
		code int
		ok   bool
	}{
		{"HTTP/1.1 200 OK", 200, true},
		{"HTTP/1.0 404 Not Found", 404, true},
		{"HTTP/2 301", 301, true},
		{"HTTP/1.1  503  Busy", 503, true},
		{"HTTP/1.1 2000 OK", 0, false},
		{"HTTP/1.1 099", 0, false},
		{"HTTP/1.1", 0, false},
		{"ICY 200 OK", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			code, ok := parseStatus([]byte(tt.line))
			if ok != tt.ok || (ok && code != tt.code) {
				t.Errorf("parseStatus(%q) = %d, %v; want %d, %v", tt.line, code, ok, tt.code, tt.ok)
			}
		})
	}
}

// pageLog collects what Pages passes to its callback.
type pageLog struct {
	urls []string
	errs []error
}

func (l *pageLog) fn(p *Page, err error) error {
	if err != nil {
		l.errs = append(l.errs, err)
		return nil
	}
	l.urls = append(l.urls, p.URL)
	return nil
}

func TestPages(t *testing.T) {
	for layout := range layoutsLen {
		t.Run(layoutNames[layout], func(t *testing.T) {
			var log pageLog
			if err := Pages(bytes.NewReader(build(fixture(), layout).data), 0, log.fn); err != nil {
				t.Fatal(err)
			}
			want := []string{uriArticle, uriCafe, uriXHTML, uriStored}
			if strings.Join(log.urls, "\n") != strings.Join(want, "\n") || len(log.errs) > 0 {
				t.Errorf("pages %q, errors %v; want %q", log.urls, log.errs, want)
			}
		})
	}

	// maxBody refuses the article page only; the stream goes on.
	t.Run("record larger than maxBody", func(t *testing.T) {
		var log pageLog
		if err := Pages(bytes.NewReader(build(fixture(), gzMembers).data), 1000, log.fn); err != nil {
			t.Fatal(err)
		}
		if strings.Join(log.urls, " ") != strings.Join([]string{uriCafe, uriXHTML, uriStored}, " ") {
			t.Errorf("pages %q", log.urls)
		}
		var we *Error
		if len(log.errs) != 1 || !errors.Is(log.errs[0], ErrTooLarge) || !errors.As(log.errs[0], &we) || we.Record != 3 || we.URI != uriArticle {
			t.Errorf("errors %v, want ErrTooLarge for record 3", log.errs)
		}
	})

	// A non-HTML page too large for maxBody is skipped without error: its
	// body is never read.
	t.Run("large non-HTML skipped quietly", func(t *testing.T) {
		data := response("https://example.com/video.mp4", httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: video/mp4"}, make([]byte, 5000)))
		var log pageLog
		if err := Pages(bytes.NewReader(data), 1000, log.fn); err != nil || len(log.urls)+len(log.errs) > 0 {
			t.Errorf("Pages: %v, %q, %v", err, log.urls, log.errs)
		}
	})

	t.Run("callback error stops", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		err := Pages(bytes.NewReader(build(fixture(), plain).data), 0, func(*Page, error) error {
			n++
			return stop
		})
		if err != stop || n != 1 {
			t.Errorf("Pages = %v after %d calls, want stop after 1", err, n)
		}
	})

	t.Run("truncated file ends with its error", func(t *testing.T) {
		b := build(fixture(), gzMembers)
		var log pageLog
		err := Pages(bytes.NewReader(b.data[:b.members[3]+40]), 0, log.fn)
		var we *Error
		if !errors.Is(err, ErrTruncated) || !errors.As(err, &we) || we.Record != 4 || we.Member != b.members[3] {
			t.Errorf("Pages = %v, want ErrTruncated at record 4", err)
		}
		if len(log.urls) != 1 || len(log.errs) != 0 {
			t.Errorf("pages %q, errors %v before the end", log.urls, log.errs)
		}
	})

	t.Run("not a WARC file", func(t *testing.T) {
		err := Pages(strings.NewReader("id,url\n1,https://example.com\n"), 0, (&pageLog{}).fn)
		if !errors.Is(err, ErrNotWARC) {
			t.Errorf("Pages = %v, want ErrNotWARC", err)
		}
	})
}

// TestReadResponseOtherBlock: ReadResponse also works on a Record built by
// hand around any reader, with maxBody enforced while reading.
func TestReadResponseOtherBlock(t *testing.T) {
	resp := httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html"}, []byte("<p>hand made</p>"))
	rec := &Record{Type: "response", ContentType: "application/http", TargetURI: "https://example.com/h",
		Date: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), Block: bytes.NewReader(resp)}
	p, err := ReadResponse(rec, 0)
	if err != nil || string(p.Body) != "<p>hand made</p>" || p.URL != "https://example.com/h" {
		t.Errorf("ReadResponse = %+v, %v", p, err)
	}
	rec.Block = io.MultiReader(bytes.NewReader(resp), bytes.NewReader(make([]byte, 100)))
	if _, err := ReadResponse(rec, 50); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v, want ErrTooLarge", err)
	}
}
