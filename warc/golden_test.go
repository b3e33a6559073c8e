package warc

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/fixture.golden")

// TestGolden dumps what the reader makes of the fixture file, record by
// record, so that a change in any field or offset shows up in review.
func TestGolden(t *testing.T) {
	r := mustReader(t, build(fixture(), plain).data)
	var out bytes.Buffer
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "record %d at %d: %s %s, %d bytes\n", rec.Number, rec.Offset, rec.Version, rec.Type, rec.ContentLength)
		fmt.Fprintf(&out, "\tid %s\n\tdate %s\n\turi %q\n\tcontent-type %q\n", rec.RecordID, rec.Date.Format("2006-01-02T15:04:05.999999999Z07:00"), rec.TargetURI, rec.ContentType)
		p, err := ReadResponse(rec, 0)
		switch {
		case errors.Is(err, ErrNotResponse):
			continue
		case err != nil:
			fmt.Fprintf(&out, "\terror %v\n", err)
			continue
		}
		fmt.Fprintf(&out, "\thttp %d %q charset %q html %v truncated %v\n", p.Status, p.ContentType, p.Charset, p.HTML(), p.Truncated)
		fmt.Fprintf(&out, "\tbody %d bytes sha1 %x\n\t\t%q\n", len(p.Body), sha1.Sum(p.Body), clip(p.Body))
	}
	const path = "testdata/fixture.golden"
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("dump differs from %s (go test -update rewrites it):\n%s", path, out.Bytes())
	}
}
