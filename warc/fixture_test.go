package warc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// articleHTML is a news page written for these tests: markup, boilerplate
// and an article body in the shape news sites serve.
const articleHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Flood barrier fails as river peaks at 6.2 metres | Riverside Courier</title>
<meta name="description" content="The Eastgate flood barrier failed early on Thursday.">
<meta property="article:published_time" content="2025-03-13T06:40:00Z">
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"section": "local"});</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main>
<article>
<h1>Flood barrier fails as river peaks at 6.2 metres</h1>
<p class="byline">By Mara Okafor, Environment Correspondent &middot; 13 March 2025</p>
<p>A temporary flood barrier on the River Wend gave way early on Thursday, sending water into about 140 homes in the Eastgate district, the county council said.</p>
<p>The river peaked at 6.2 metres at the Mill Lane gauge shortly after 3am, according to the Environment Agency, the highest level recorded there since 1998. The council had put the figure at 5.9 metres in a statement issued overnight.</p>
<p>&ldquo;The barrier was designed for exactly this kind of event, and we need to understand why it did not hold,&rdquo; said Councillor Priya Nandakumar, who leads the council&rsquo;s emergency committee.</p>
<p>Fire crews evacuated 63 residents from two care homes on Station Road. No injuries were reported, a spokesperson for the fire service said, although one firefighter was treated for hypothermia.</p>
<p>The barrier, installed in 2019 at a cost of &pound;4.3 million, was last inspected in October. Residents said they had warned the council about gaps at its northern end as recently as January.</p>
<p>The Met Office has issued an amber warning for further rain on Saturday, with up to 40mm expected on high ground.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a1">Council tax to rise 4.99%</a></li><li><a href="/a2">New bus routes from April</a></li></ul></aside>
</main>
<footer><p>&copy; 2025 Riverside Courier. All rights reserved.</p></footer>
</body>
</html>
`

// Field helpers for the fixture records.
func fields(kv ...string) []Field {
	var fs []Field
	for i := 0; i+1 < len(kv); i += 2 {
		fs = append(fs, Field{kv[i], kv[i+1]})
	}
	return fs
}

// rawRecord writes one record by hand, independent of Writer, so that the
// reader's tests do not rest on the writer being right.
func rawRecord(version string, fs []Field, block []byte) []byte {
	var b bytes.Buffer
	b.WriteString(version + "\r\n")
	for _, f := range fs {
		b.WriteString(f.Name + ": " + f.Value + "\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func gzipBytes(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func zlibBytes(b []byte) []byte {
	var out bytes.Buffer
	zw := zlib.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func flateBytes(b []byte) []byte {
	var out bytes.Buffer
	zw, _ := flate.NewWriter(&out, flate.DefaultCompression)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// chunk writes b in HTTP chunked transfer coding, in chunks of size n.
func chunk(b []byte, n int) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		c := b[:min(n, len(b))]
		b = b[len(c):]
		fmt.Fprintf(&out, "%x\r\n%s\r\n", len(c), c)
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

func httpResponse(statusLine string, header []string, body []byte) []byte {
	return append([]byte(statusLine+"\r\n"+strings.Join(header, "\r\n")+"\r\n\r\n"), body...)
}

// latin1Page is articleHTML's first paragraph as ISO-8859-1 bytes.
var latin1Page = []byte("<html><head><title>Caf\xe9 owners count the cost</title></head><body><p>The caf\xe9 lost \xa312,000 of stock.</p></body></html>")

// fixtureRecord is one record of the test WARC with what reading it must
// give.
type fixtureRecord struct {
	name    string
	version string
	fields  []Field
	block   []byte
}

const (
	uriArticle = "https://www.riverside-courier.example/local/2025/03/13/flood-barrier-fails"
	uriCafe    = "https://news.example.org/business/cafe-owners-count-the-cost"
	uriMissing = "https://www.riverside-courier.example/local/old-story"
	uriPDF     = "https://www.riverside-courier.example/reports/flood-review.pdf"
	uriXHTML   = "https://wire.example.net/world/talks-resume.xhtml"
	uriStored  = "https://daily.example.com/politics/vote-delayed"
)

// fixture is a small WARC in the Common Crawl News layout: a warcinfo
// record, a request, responses (plain HTML, chunked and gzip-coded, a 404, a
// PDF, a DNS lookup, raw-deflate XHTML over HTTP/2, a payload stored
// decoded under its original headers) and a metadata record.
func fixture() []fixtureRecord {
	return []fixtureRecord{
		{"warcinfo", "WARC/1.0", fields(
			"WARC-Type", "warcinfo",
			"WARC-Date", "2025-03-13T07:00:00Z",
			"WARC-Filename", "CC-NEWS-20250313070000-00001.warc.gz",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000001>",
			"Content-Type", "application/warc-fields",
		), []byte("software: parallax-test\r\nformat: WARC File Format 1.0\r\n")},
		{"request", "WARC/1.0", fields(
			"WARC-Type", "request",
			"WARC-Date", "2025-03-13T07:00:01Z",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000002>",
			"Content-Type", "application/http; msgtype=request",
			"WARC-Target-URI", uriArticle,
		), []byte("GET /local/2025/03/13/flood-barrier-fails HTTP/1.1\r\nHost: www.riverside-courier.example\r\nUser-Agent: CCBot/2.0\r\n\r\n")},
		{"html", "WARC/1.0", fields(
			"WARC-Type", "response",
			"WARC-Date", "2025-03-13T07:00:01Z",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000003>",
			"Content-Type", "application/http; msgtype=response",
			"WARC-Warcinfo-ID", "<urn:uuid:00000000-0000-4000-8000-000000000001>",
			"WARC-Concurrent-To", "<urn:uuid:00000000-0000-4000-8000-000000000002>",
			"WARC-IP-Address", "203.0.113.7",
			"WARC-Target-URI", uriArticle,
			"WARC-Payload-Digest", "sha1:7Q6TBEV5AMZLHNX2HFWQ5MOQMSJDZ2FQ",
			"WARC-Identified-Payload-Type", "text/html",
		), httpResponse("HTTP/1.1 200 OK", []string{
			"Date: Thu, 13 Mar 2025 07:00:01 GMT",
			"Content-Type: text/html; charset=UTF-8",
			"Content-Length: " + strconv.Itoa(len(articleHTML)),
			"Cache-Control: max-age=60",
		}, []byte(articleHTML))},
		{"chunked-gzip", "WARC/1.0", fields(
			"WARC-Type", "response",
			"WARC-Date", "2025-03-13T07:00:02.250Z",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000004>",
			"Content-Type", "application/http; msgtype=response",
			"WARC-Target-URI", uriCafe,
		), httpResponse("HTTP/1.1 200 OK", []string{
			"Content-Type: text/html;charset=\"ISO-8859-1\"",
			"Transfer-Encoding: chunked",
			"Content-Encoding: gzip",
			"Vary: Accept-Encoding",
		}, chunk(gzipBytes(latin1Page), 37))},
		{"404", "WARC/1.0", fields(
			"WARC-Type", "response",
			"WARC-Date", "2025-03-13T07:00:03Z",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000005>",
			"Content-Type", "application/http; msgtype=response",
			"WARC-Target-URI", uriMissing,
		), httpResponse("HTTP/1.1 404 Not Found", []string{
			"Content-Type: text/html",
		}, []byte("<html><body><h1>Page not found</h1></body></html>"))},
		{"pdf", "WARC/1.0", fields(
			"WARC-Type", "response",
			"WARC-Date", "2025-03-13T07:00:04Z",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000006>",
			"Content-Type", "application/http; msgtype=response",
			"WARC-Target-URI", uriPDF,
		), httpResponse("HTTP/1.1 200 OK", []string{
			"Content-Type: application/pdf",
		}, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))},
		{"dns", "WARC/1.0", fields(
			"WARC-Type", "response",
			"WARC-Date", "2025-03-13T07:00:05Z",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000007>",
			"Content-Type", "text/dns",
			"WARC-Target-URI", "dns:wire.example.net",
		), []byte("20250313070005\nwire.example.net.\t300\tIN\tA\t198.51.100.20\n")},
		{"xhtml-deflate", "WARC/1.1", fields(
			"WARC-Type", "response",
			"WARC-Date", "2025-03-13T07:00:06.123456789Z",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000008>",
			"Content-Type", "application/http;msgtype=response",
			"WARC-Target-URI", uriXHTML,
		), httpResponse("HTTP/2 200", []string{
			"content-type: application/xhtml+xml; charset=utf-8",
			"content-encoding: deflate",
			"x-long: a",
			" folded value",
		}, flateBytes([]byte(`<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Talks resumed on Monday.</p></body></html>`)))},
		{"stored-decoded", "WARC/1.0", fields(
			"WARC-Type", "response",
			"WARC-Date", "2025-03-13T07:00:07Z",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000009>",
			"Content-Type", "application/http; msgtype=response",
			"WARC-Target-URI", uriStored,
			"WARC-Truncated", "length",
		), httpResponse("HTTP/1.1 200 OK", []string{
			"Content-Type: text/html",
			"Content-Encoding: gzip",
			"Transfer-Encoding: chunked",
			"X-Crawler-Content-Encoding: gzip",
		}, []byte("<html><body><p>The vote was delayed until"))},
		{"metadata", "WARC/1.0", fields(
			"WARC-Type", "metadata",
			"WARC-Date", "2025-03-13T07:00:08Z",
			"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-00000000000a>",
			"WARC-Refers-To", "<urn:uuid:00000000-0000-4000-8000-000000000003>",
			"Content-Type", "application/warc-fields",
			"WARC-Target-URI", uriArticle,
		), []byte("fetchTimeMs: 412\r\ncharset-detected: UTF-8\r\n")},
	}
}

// Layouts of a test file.
const (
	plain      = iota
	gzMembers  // one gzip member per record: Common Crawl
	gzSingle   // the whole file one gzip stream
	layoutsLen // number of layouts
)

var layoutNames = [...]string{"plain", "gz-members", "gz-single"}

// built is a WARC file made from fixture records, with where each record
// starts.
type built struct {
	data    []byte
	offsets []int64 // in the uncompressed data
	members []int64 // compressed offset of the member holding the start; -1 for plain
	plain   int     // size of the uncompressed data
}

func build(recs []fixtureRecord, layout int) built {
	var b built
	var raw, gz bytes.Buffer
	for _, r := range recs {
		rec := rawRecord(r.version, r.fields, r.block)
		b.offsets = append(b.offsets, int64(raw.Len()))
		switch layout {
		case plain:
			b.members = append(b.members, -1)
		case gzMembers:
			b.members = append(b.members, int64(gz.Len()))
			gz.Write(gzipBytes(rec))
		case gzSingle:
			b.members = append(b.members, 0)
		}
		raw.Write(rec)
	}
	b.plain = raw.Len()
	switch layout {
	case plain:
		b.data = raw.Bytes()
	case gzMembers:
		b.data = gz.Bytes()
	case gzSingle:
		b.data = gzipBytes(raw.Bytes())
	}
	return b
}

// mustReader opens data or fails the test.
func mustReader(t testing.TB, data []byte) *Reader {
	t.Helper()
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	return r
}
