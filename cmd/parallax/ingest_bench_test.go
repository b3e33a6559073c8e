package main

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/streamgen"
)

// writeStream writes a streamgen stream of n articles as JSON Lines.
func writeStream(tb testing.TB, path string, n int, seed uint64) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := streamgen.WriteJSONL(w, streamgen.Config{Seed: seed, Articles: n}); err != nil {
		tb.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// benchSelected reports whether -test.bench names this benchmark
// explicitly, for benchmarks too slow for a `-bench .` sweep.
func benchSelected(name string) bool {
	f := flag.Lookup("test.bench")
	return f != nil && strings.Contains(f.Value.String(), name)
}

func benchIngest(b *testing.B, name string, n int) {
	if !benchSelected(name) {
		b.Skipf("takes minutes; run with -bench %s", name)
	}
	dir := b.TempDir()
	stream := filepath.Join(dir, "stream.jsonl")
	writeStream(b, stream, n, 1)
	info, err := os.Stat(stream)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		db := filepath.Join(dir, "store"+string(rune('a'+i))+".db")
		if out, stderr, err := runB(b, "", "ingest", "--db", db, stream); err != nil {
			b.Fatalf("ingest: %v\n%s%s", err, out, stderr)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkIngestJSONL100k ingests a 100,000-article stream into a new
// store end to end: streaming, duplicate checks, analysis, clustering,
// story briefs and commits. It takes minutes, so it runs only when named:
//
//	go test ./cmd/parallax -run '^$' -bench IngestJSONL100k -benchtime 1x
func BenchmarkIngestJSONL100k(b *testing.B) { benchIngest(b, "IngestJSONL100k", 100000) }

// BenchmarkIngestJSONL10k is the same on 10,000 articles.
//
//	go test ./cmd/parallax -run '^$' -bench IngestJSONL10k -benchtime 1x
func BenchmarkIngestJSONL10k(b *testing.B) { benchIngest(b, "IngestJSONL10k", 10000) }

// runB is main_test.go's run for benchmarks and helpers.
func runB(tb testing.TB, stdin string, args ...string) (stdout, stderr string, err error) {
	tb.Helper()
	var out, errb strings.Builder
	root := newRoot(strings.NewReader(stdin), &out, &errb)
	root.SetArgs(args)
	err = root.Execute()
	return out.String(), errb.String(), err
}
