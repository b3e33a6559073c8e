package input

import (
	"testing"

	"golang.org/x/tools/txtar"
)

// archiveFile returns the named file of a testdata archive.
func archiveFile(b *testing.B, archive, name string) []byte {
	ar, err := txtar.ParseFile("testdata/" + archive)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	b.Fatalf("%s has no %s", archive, name)
	return nil
}

func BenchmarkReadHTML(b *testing.B) {
	page := archiveFile(b, "html_page.txtar", "port-strike.html")
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("port-strike.html", page, Defaults{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadText(b *testing.B) {
	text := archiveFile(b, "text_headline.txtar", "014_port_strike.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("014_port_strike.txt", text, Defaults{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadJSONL(b *testing.B) {
	feed := archiveFile(b, "jsonl.txtar", "feed.jsonl")
	b.SetBytes(int64(len(feed)))
	b.ReportAllocs()
	for b.Loop() {
		Read("feed.jsonl", feed, Defaults{})
	}
}
