package warc

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestNextFields(t *testing.T) {
	recs := fixture()
	want := []struct {
		version, typ, uri, id, contentType string
		date                               time.Time
	}{
		{"WARC/1.0", "warcinfo", "", "<urn:uuid:00000000-0000-4000-8000-000000000001>", "application/warc-fields", time.Date(2025, 3, 13, 7, 0, 0, 0, time.UTC)},
		{"WARC/1.0", "request", uriArticle, "<urn:uuid:00000000-0000-4000-8000-000000000002>", "application/http; msgtype=request", time.Date(2025, 3, 13, 7, 0, 1, 0, time.UTC)},
		{"WARC/1.0", "response", uriArticle, "<urn:uuid:00000000-0000-4000-8000-000000000003>", "application/http; msgtype=response", time.Date(2025, 3, 13, 7, 0, 1, 0, time.UTC)},
		{"WARC/1.0", "response", uriCafe, "<urn:uuid:00000000-0000-4000-8000-000000000004>", "application/http; msgtype=response", time.Date(2025, 3, 13, 7, 0, 2, 250e6, time.UTC)},
		{"WARC/1.0", "response", uriMissing, "<urn:uuid:00000000-0000-4000-8000-000000000005>", "application/http; msgtype=response", time.Date(2025, 3, 13, 7, 0, 3, 0, time.UTC)},
		{"WARC/1.0", "response", uriPDF, "<urn:uuid:00000000-0000-4000-8000-000000000006>", "application/http; msgtype=response", time.Date(2025, 3, 13, 7, 0, 4, 0, time.UTC)},
		{"WARC/1.0", "response", "dns:wire.example.net", "<urn:uuid:00000000-0000-4000-8000-000000000007>", "text/dns", time.Date(2025, 3, 13, 7, 0, 5, 0, time.UTC)},
		{"WARC/1.1", "response", uriXHTML, "<urn:uuid:00000000-0000-4000-8000-000000000008>", "application/http;msgtype=response", time.Date(2025, 3, 13, 7, 0, 6, 123456789, time.UTC)},
		{"WARC/1.0", "response", uriStored, "<urn:uuid:00000000-0000-4000-8000-000000000009>", "application/http; msgtype=response", time.Date(2025, 3, 13, 7, 0, 7, 0, time.UTC)},
		{"WARC/1.0", "metadata", uriArticle, "<urn:uuid:00000000-0000-4000-8000-00000000000a>", "application/warc-fields", time.Date(2025, 3, 13, 7, 0, 8, 0, time.UTC)},
	}
	if len(want) != len(recs) {
		t.Fatalf("table has %d rows for %d records", len(want), len(recs))
	}
	for layout := range layoutsLen {
		// readPrefix < 0 reads whole blocks; otherwise only that many
		// bytes, leaving the rest for Next to skip.
		for _, readPrefix := range []int{-1, 0, 10} {
			b := build(recs, layout)
			name := layoutNames[layout]
			if readPrefix >= 0 {
				name += "/skip-after-" + string(rune('0'+readPrefix/10)) + string(rune('0'+readPrefix%10))
			}
			t.Run(name, func(t *testing.T) {
				r := mustReader(t, b.data)
				for i, w := range want {
					rec, err := r.Next()
					if err != nil {
						t.Fatalf("record %d: %v", i+1, err)
					}
					fr := recs[i]
					checks := []struct {
						field     string
						got, want any
					}{
						{"Number", rec.Number, i + 1},
						{"Version", rec.Version, w.version},
						{"Type", rec.Type, w.typ},
						{"TargetURI", rec.TargetURI, w.uri},
						{"RecordID", rec.RecordID, w.id},
						{"ContentType", rec.ContentType, w.contentType},
						{"Date", rec.Date, w.date},
						{"ContentLength", rec.ContentLength, int64(len(fr.block))},
						{"Offset", rec.Offset, b.offsets[i]},
						{"Member", rec.Member, b.members[i]},
						{"Header[Warc-Type]", rec.Header.Get("warc-type"), w.typ},
						{"len(Header)", len(rec.Header), len(fr.fields) + 1},
					}
					for _, c := range checks {
						if c.got != c.want {
							t.Errorf("record %d (%s): %s = %v, want %v", i+1, fr.name, c.field, c.got, c.want)
						}
					}
					var block []byte
					if readPrefix < 0 {
						block, err = io.ReadAll(rec.Block)
						if err != nil {
							t.Fatalf("record %d: read block: %v", i+1, err)
						}
						if !bytes.Equal(block, fr.block) {
							t.Errorf("record %d (%s): block differs:\n got %q\nwant %q", i+1, fr.name, block, fr.block)
						}
					} else {
						block = make([]byte, readPrefix)
						if _, err := io.ReadFull(rec.Block, block); err != nil {
							t.Fatalf("record %d: read block: %v", i+1, err)
						}
					}
				}
				for range 2 { // io.EOF is sticky
					if rec, err := r.Next(); err != io.EOF {
						t.Fatalf("after the last record: %v, %v; want io.EOF", rec, err)
					}
				}
			})
		}
	}
}

func TestBlockAfterNext(t *testing.T) {
	r := mustReader(t, build(fixture(), plain).data)
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	if _, err := rec.Block.Read(make([]byte, 8)); err != errStale {
		t.Errorf("read of an old block: %v, want errStale", err)
	}
}

// TestLenientFraming: LF line endings, blank lines between records and a
// missing final CRLF CRLF are accepted.
func TestLenientFraming(t *testing.T) {
	in := "WARC/1.0\nWARC-Type: metadata\nContent-Length: 5\n\nhello\n\n\r\n\n" +
		"WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 3\r\n\r\nend"
	r := mustReader(t, []byte(in))
	for i, want := range []struct {
		typ, block string
		offset     int64
	}{
		{"metadata", "hello", 0},
		{"resource", "end", int64(strings.Index(in, "WARC/1.1"))},
	} {
		rec, err := r.Next()
		if err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		block, _ := io.ReadAll(rec.Block)
		if rec.Type != want.typ || string(block) != want.block || rec.Offset != want.offset {
			t.Errorf("record %d = %s %q at %d, want %s %q at %d", i+1, rec.Type, block, rec.Offset, want.typ, want.block, want.offset)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("end: %v, want io.EOF", err)
	}
}

// TestLongHeaderLine: a header line longer than the read buffer is
// assembled; one longer than MaxHeaderBytes is refused.
func TestLongHeaderLine(t *testing.T) {
	long := "https://example.com/?q=" + strings.Repeat("x", 3*bufSize)
	in := rawRecord("WARC/1.0", fields("WARC-Type", "resource", "WARC-Target-URI", long), []byte("ok"))
	rec, err := mustReader(t, in).Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.TargetURI != long {
		t.Errorf("TargetURI has %d bytes, want %d", len(rec.TargetURI), len(long))
	}

	huge := rawRecord("WARC/1.0", fields("WARC-Type", "resource", "X-Junk", strings.Repeat("y", MaxHeaderBytes+10)), nil)
	_, err = mustReader(t, huge).Next()
	if !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("huge header line: %v, want ErrMalformed", err)
	}
}

// TestErrors checks every framing error: which sentinel, on which call,
// for which record, at which offset, and that the message says so.
func TestErrors(t *testing.T) {
	good := build(fixture(), plain)
	gzm := build(fixture(), gzMembers)
	rec3 := gzm.data[gzm.members[2]:gzm.members[3]]

	// A corrupt member: flip bytes in the middle of record 3's member.
	first := rawRecord("WARC/1.0", fields("WARC-Type", "metadata"), []byte("abc"))
	rec3Body := good.offsets[2] + int64(bytes.Index(good.data[good.offsets[2]:], []byte("\r\n\r\n"))) + 4

	corrupt := bytes.Clone(gzm.data)
	for i := gzm.members[2] + 20; i < gzm.members[2]+40; i++ {
		corrupt[i] ^= 0x5a
	}

	tests := []struct {
		name       string
		data       []byte
		wantOpen   error // from NewReader
		wantErr    error // from Next or a block read
		record     int   // record named by the error
		offset     int64
		member     int64
		wantInMsg  string
		goodBefore int // records read fine before the error
	}{
		{name: "empty", data: nil, wantOpen: ErrNotWARC, member: -1, wantInMsg: "warc: not a WARC file: empty input"},
		{name: "garbage", data: []byte("<html><body>not a warc</body></html>"), wantOpen: ErrNotWARC, member: -1, wantInMsg: "warc: not a WARC file"},
		{name: "binary garbage", data: []byte{0, 1, 2, 0xff, 0xfe}, wantOpen: ErrNotWARC, member: -1},
		{name: "gzip of not a WARC", data: gzipBytes([]byte("hello, world\n")), wantOpen: ErrNotWARC, member: 0},
		{name: "bad gzip header", data: []byte{0x1f, 0x8b, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, wantOpen: ErrCorrupt, member: 0, wantInMsg: "gzip member at 0"},
		{name: "bad version", data: []byte("WARC/one\r\nContent-Length: 0\r\n\r\n\r\n\r\n"), wantErr: ErrMalformed, record: 1, member: -1, wantInMsg: `record 1 at offset 0: malformed WARC record: bad version line "WARC/one"`},
		{
			name:    "bad version of record 2",
			data:    append(bytes.Clone(first), "WARX/1.0\r\n"...),
			wantErr: ErrMalformed, record: 2, offset: int64(len(first)), member: -1, goodBefore: 1,
			wantInMsg: `record 2 at offset ` + itoa(int64(len(first))) + `: malformed WARC record: bad version line "WARX/1.0"`,
		},
		{name: "no Content-Length", data: []byte("WARC/1.0\r\nWARC-Type: metadata\r\n\r\n"), wantErr: ErrMalformed, record: 1, member: -1, wantInMsg: "no Content-Length"},
		{name: "negative Content-Length", data: []byte("WARC/1.0\r\nContent-Length: -5\r\n\r\n"), wantErr: ErrMalformed, record: 1, member: -1, wantInMsg: `invalid Content-Length "-5"`},
		{name: "word Content-Length", data: []byte("WARC/1.0\r\nContent-Length: ten\r\n\r\n"), wantErr: ErrMalformed, record: 1, member: -1},
		{name: "overflowing Content-Length", data: []byte("WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n"), wantErr: ErrMalformed, record: 1, member: -1},
		{name: "bad header line", data: []byte("WARC/1.0\r\nWARC-Type metadata\r\nContent-Length: 0\r\n\r\n"), wantErr: ErrMalformed, record: 1, member: -1, wantInMsg: `bad header line "WARC-Type metadata"`},
		{name: "header ends early", data: []byte("WARC/1.0\r\nWARC-Type: metadata\r\nContent-Len"), wantErr: ErrTruncated, record: 1, member: -1},
		{name: "version line ends early", data: []byte("WARC/1."), wantErr: ErrTruncated, record: 1, member: -1},
		{
			name:    "huge Content-Length",
			data:    []byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 9000000000000000000\r\n\r\nshort"),
			wantErr: ErrTruncated, record: 1, member: -1, goodBefore: 1,
			wantInMsg: "block ends 8999999999999999995 bytes short of its Content-Length 9000000000000000000",
		},
		{
			name:    "plain file cut in record 3",
			data:    good.data[:rec3Body+200],
			wantErr: ErrTruncated, record: 3, offset: good.offsets[2], member: -1, goodBefore: 3,
			wantInMsg: "record 3 (" + uriArticle + ") at offset " + itoa(good.offsets[2]) + ": truncated record: block ends",
		},
		{
			name:    "plain file cut in header of record 4",
			data:    good.data[:good.offsets[3]+30],
			wantErr: ErrTruncated, record: 4, offset: good.offsets[3], member: -1, goodBefore: 3,
		},
		{
			name:    "gz file cut in member 3",
			data:    gzm.data[:gzm.members[2]+int64(len(rec3))/2],
			wantErr: ErrTruncated, record: 3, offset: gzm.offsets[2], member: gzm.members[2], goodBefore: 3,
			wantInMsg: "gzip member at " + itoa(gzm.members[2]) + " ends early",
		},
		{
			name:    "gz file with corrupt member 3",
			data:    corrupt,
			wantErr: ErrCorrupt, record: 3, offset: gzm.offsets[2], member: gzm.members[2], goodBefore: 2,
			wantInMsg: "corrupt compressed data: gzip member at " + itoa(gzm.members[2]),
		},
		{
			name:    "gz file with trailing garbage",
			data:    append(bytes.Clone(gzm.data), "garbage after the last member"...),
			wantErr: ErrCorrupt, record: 11, offset: int64(gzm.plain), member: gzm.members[9], goodBefore: 10,
			wantInMsg: "record 11 at offset " + itoa(int64(gzm.plain)) + " (gzip member at " + itoa(gzm.members[9]) + "): corrupt compressed data: gzip member at " + itoa(int64(len(gzm.data))) + ": gzip: invalid header",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(tt.data))
			var got error
			good := 0
			if err != nil {
				if tt.wantOpen == nil {
					t.Fatalf("NewReader: %v", err)
				}
				if !errors.Is(err, tt.wantOpen) {
					t.Fatalf("NewReader: %v, want %v", err, tt.wantOpen)
				}
				got = err
			} else {
				if tt.wantOpen != nil {
					t.Fatalf("NewReader succeeded, want %v", tt.wantOpen)
				}
				for {
					rec, err := r.Next()
					if err == nil {
						_, err = io.Copy(io.Discard, rec.Block)
						if err == nil {
							good++
							continue
						}
						good++ // the header was fine; its block is not
					}
					if err == io.EOF {
						t.Fatalf("io.EOF after %d records, want %v", good, tt.wantErr)
					}
					if !errors.Is(err, tt.wantErr) {
						t.Fatalf("after %d records: %v, want %v", good, err, tt.wantErr)
					}
					if _, again := r.Next(); again != err {
						t.Errorf("next Next: %v, want the same error again", again)
					}
					got = err
					break
				}
				if good != tt.goodBefore {
					t.Errorf("%d records before the error, want %d", good, tt.goodBefore)
				}
			}
			var we *Error
			if !errors.As(got, &we) {
				t.Fatalf("error %v (%T) is not an *Error", got, got)
			}
			if we.Record != tt.record || we.Offset != tt.offset || we.Member != tt.member {
				t.Errorf("error at record %d offset %d member %d, want %d %d %d", we.Record, we.Offset, we.Member, tt.record, tt.offset, tt.member)
			}
			if !strings.Contains(got.Error(), tt.wantInMsg) {
				t.Errorf("message %q does not contain %q", got.Error(), tt.wantInMsg)
			}
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestHugeContentLengthAllocates: a Content-Length of 9e18 must not make
// the reader allocate for it.
func TestHugeContentLengthAllocates(t *testing.T) {
	in := []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 9000000000000000000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>")
	allocs := testing.AllocsPerRun(20, func() {
		r, err := NewReader(bytes.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadResponse(rec, 0); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("ReadResponse: %v, want ErrTooLarge", err)
		}
		if _, err := r.Next(); !errors.Is(err, ErrTruncated) {
			t.Fatalf("Next: %v, want ErrTruncated", err)
		}
	})
	// The two 64 KB read buffers are the only large allocations; a
	// Content-Length-sized one would be caught by the limit below.
	var ms1, ms2 runtime.MemStats
	runtime.ReadMemStats(&ms1)
	for range 10 {
		r, _ := NewReader(bytes.NewReader(in))
		rec, _ := r.Next()
		ReadResponse(rec, 0)
		r.Next()
	}
	runtime.ReadMemStats(&ms2)
	if per := (ms2.TotalAlloc - ms1.TotalAlloc) / 10; per > 1<<20 {
		t.Errorf("%d bytes allocated per run, want under 1 MB", per)
	}
	if allocs > 100 {
		t.Errorf("%v allocations per run", allocs)
	}
}

// TestMemberOffsets: Member names the gzip member holding a record's first
// byte however records and members line up, and the reader's list of
// member starts stays short.
func TestMemberOffsets(t *testing.T) {
	rec1 := rawRecord("WARC/1.0", fields("WARC-Type", "resource"), bytes.Repeat([]byte("first block "), 50))
	rec2 := rawRecord("WARC/1.0", fields("WARC-Type", "metadata"), []byte("second"))
	raw := append(bytes.Clone(rec1), rec2...)
	empty := gzipBytes(nil)

	var data bytes.Buffer
	member := func(b []byte) int64 { // writes a member, returns its offset
		off := int64(data.Len())
		data.Write(gzipBytes(b))
		return off
	}
	// Record 1 is split over three members; record 2 starts inside the
	// third, after a run of empty members.
	member(raw[:10])
	member(raw[10:300])
	for range 2000 {
		data.Write(empty)
	}
	third := member(raw[300 : len(rec1)+5])
	member(raw[len(rec1)+5:])

	r := mustReader(t, data.Bytes())
	want := []struct {
		offset, member int64
	}{{0, 0}, {int64(len(rec1)), third}}
	for i, w := range want {
		rec, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if rec.Offset != w.offset || rec.Member != w.member {
			t.Errorf("record %d at %d, member %d; want %d, %d", i+1, rec.Offset, rec.Member, w.offset, w.member)
		}
		if n := len(r.gz.starts); n > 4 {
			t.Errorf("record %d: %d member starts kept", i+1, n)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("end: %v", err)
	}
}
