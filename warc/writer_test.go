package warc

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

func TestWriterMatchesFixture(t *testing.T) {
	for _, compress := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "gz"}[compress]
		t.Run(name, func(t *testing.T) {
			var recs []fixtureRecord
			for _, r := range fixture() {
				if r.version == "WARC/1.0" { // the Writer writes 1.0 only
					recs = append(recs, r)
				}
			}
			var buf bytes.Buffer
			w := NewWriter(&buf, compress)
			for _, r := range recs {
				if err := w.WriteRecord(r.fields, r.block); err != nil {
					t.Fatal(err)
				}
			}
			layout := map[bool]int{false: plain, true: gzMembers}[compress]
			if want := build(recs, layout).data; !compress && !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("Writer output differs from the hand-written records")
			}
			// Compressed bytes depend on the gzip header; compare what
			// reading gives instead, members included.
			b := build(recs, layout)
			r := mustReader(t, buf.Bytes())
			for i, fr := range recs {
				rec, err := r.Next()
				if err != nil {
					t.Fatal(err)
				}
				block, _ := io.ReadAll(rec.Block)
				if rec.Offset != b.offsets[i] || !bytes.Equal(block, fr.block) || rec.Type != fr.fields[0].Value {
					t.Errorf("record %d: %s at %d with %d bytes", i+1, rec.Type, rec.Offset, len(block))
				}
				if compress && rec.Member < 0 {
					t.Errorf("record %d: Member = %d", i+1, rec.Member)
				}
			}
			if _, err := r.Next(); err != io.EOF {
				t.Errorf("end: %v", err)
			}
		})
	}
}

func TestWriteResponse(t *testing.T) {
	date := time.Date(2025, 3, 13, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	write := func() []byte {
		var buf bytes.Buffer
		w := NewWriter(&buf, true)
		for _, uri := range []string{"https://example.com/a", "https://example.com/b"} {
			resp := httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html; charset=utf-8"}, []byte("<p>"+uri+"</p>"))
			if err := w.WriteResponse(uri, date, resp); err != nil {
				t.Fatal(err)
			}
		}
		return buf.Bytes()
	}
	data := write()
	if !bytes.Equal(data, write()) {
		t.Error("output is not reproducible")
	}
	var pages []*Page
	err := Pages(bytes.NewReader(data), 0, func(p *Page, err error) error {
		if err != nil {
			t.Error(err)
		}
		pages = append(pages, p)
		return nil
	})
	if err != nil || len(pages) != 2 {
		t.Fatalf("Pages: %v, %d pages", err, len(pages))
	}
	for _, p := range pages {
		if string(p.Body) != "<p>"+p.URL+"</p>" || !p.Date.Equal(date) || p.Charset != "utf-8" ||
			!strings.HasPrefix(p.RecordID, "<urn:uuid:") || len(p.RecordID) != len("<urn:uuid:00000000-0000-0000-0000-000000000000>") {
			t.Errorf("page %s: %q, %v, %q, %s", p.URL, p.Body, p.Date, p.Charset, p.RecordID)
		}
	}
	if pages[0].RecordID == pages[1].RecordID {
		t.Error("two records share an id")
	}
}
