package warc

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// benchPage returns a news page of about 30 KB, the article wrapped in the
// navigation, inline scripts and link lists that make up most of a real
// news site's HTML, varied by i so that the pages do not compress alike.
func benchPage(i int) []byte {
	var b strings.Builder
	head, rest, _ := strings.Cut(articleHTML, "<main>")
	b.WriteString(head)
	b.WriteString("<nav class=\"mega\">")
	for j := range 120 {
		fmt.Fprintf(&b, "<a href=\"/section/%d/topic-%d\" data-track=\"nav-%d-%d\">Topic %d</a>\n", j%17, (i*31+j)%997, i, j, j)
	}
	b.WriteString("</nav><script>")
	for j := range 60 {
		fmt.Fprintf(&b, "window.__cfg_%d = {id: %d, slot: \"ad-%d\", sizes: [[300, 250], [728, 90]], lazy: %v};\n", j, i*1000+j, j, j%2 == 0)
	}
	b.WriteString("</script><main>")
	b.WriteString(rest)
	return []byte(b.String())
}

// benchWARC is a WARC.gz of n response records in the Common Crawl
// layout, with the size of its uncompressed data.
func benchWARC(b *testing.B, n int) (data []byte, plainSize int64) {
	var gz, raw bytes.Buffer
	wz := NewWriter(&gz, true)
	wr := NewWriter(&raw, false)
	date := time.Date(2025, 3, 13, 7, 0, 0, 0, time.UTC)
	for i := range n {
		uri := fmt.Sprintf("https://www.riverside-courier.example/local/2025/03/13/story-%d", i)
		resp := httpResponse("HTTP/1.1 200 OK", []string{
			"Date: Thu, 13 Mar 2025 07:00:01 GMT",
			"Content-Type: text/html; charset=UTF-8",
			"Cache-Control: max-age=60",
			"Server: nginx",
		}, benchPage(i))
		for _, w := range []*Writer{wz, wr} {
			if err := w.WriteResponse(uri, date.Add(time.Duration(i)*time.Second), resp); err != nil {
				b.Fatal(err)
			}
		}
	}
	return gz.Bytes(), int64(raw.Len())
}

// BenchmarkNext reads every record of a 1,000-record WARC.gz and skips the
// blocks: the cost of framing and decompression. Bytes are uncompressed.
func BenchmarkNext(b *testing.B) {
	data, size := benchWARC(b, 1000)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 1000 {
			b.Fatalf("%d records", n)
		}
	}
}

// BenchmarkPages decodes every HTML page of the same file.
func BenchmarkPages(b *testing.B) {
	data, size := benchWARC(b, 1000)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := Pages(bytes.NewReader(data), 0, func(p *Page, err error) error {
			n++
			return err
		})
		if err != nil || n != 1000 {
			b.Fatalf("%d pages, %v", n, err)
		}
	}
}

// BenchmarkPagesPlain decodes the pages of the uncompressed file: the cost
// of the reader without gzip.
func BenchmarkPagesPlain(b *testing.B) {
	gz, _ := benchWARC(b, 1000)
	r, _ := NewReader(bytes.NewReader(gz))
	var raw bytes.Buffer
	for {
		rec, err := r.Next()
		if err != nil {
			break
		}
		block, _ := io.ReadAll(rec.Block)
		raw.Write(rawRecord(rec.Version, headerFields(rec), block))
	}
	b.SetBytes(int64(raw.Len()))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := Pages(bytes.NewReader(raw.Bytes()), 0, func(*Page, error) error { n++; return nil }); err != nil || n != 1000 {
			b.Fatalf("%d pages, %v", n, err)
		}
	}
}

func headerFields(rec *Record) []Field {
	var fs []Field
	for k, vs := range rec.Header {
		if k != "Content-Length" {
			for _, v := range vs {
				fs = append(fs, Field{k, v})
			}
		}
	}
	return fs
}
