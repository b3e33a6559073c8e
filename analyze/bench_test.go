package analyze

import (
	"os"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/claim"
	"github.com/parallax-news/parallax/dates"
	"github.com/parallax-news/parallax/entity"
	"github.com/parallax-news/parallax/normalize"
	"github.com/parallax-news/parallax/quantity"
	"github.com/parallax-news/parallax/quote"
	"github.com/parallax-news/parallax/segment"
)

// benchArticle loads the ~4 KB news report in testdata, the size issue 5's
// throughput target is stated for.
func benchArticle(b *testing.B) *parallax.Article {
	b.Helper()
	body, err := os.ReadFile("testdata/bench_article.txt")
	if err != nil {
		b.Fatal(err)
	}
	return &parallax.Article{ID: "bench", Source: "Bench Wire", Body: string(body),
		Published: time.Date(2025, 3, 9, 18, 0, 0, 0, time.UTC)}
}

// BenchmarkArticle4K reports single-core throughput on a news-sized article.
func BenchmarkArticle4K(b *testing.B) {
	a := benchArticle(b)
	b.SetBytes(int64(len(a.Body)))
	b.ReportAllocs()
	for b.Loop() {
		Article(a)
	}
}

// BenchmarkArticle4KParallel runs Article on every core at once and reports
// articles per second, the number issue 5 sets a floor for.
func BenchmarkArticle4KParallel(b *testing.B) {
	a := benchArticle(b)
	b.SetBytes(int64(len(a.Body)))
	b.ReportAllocs()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			Article(a)
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// BenchmarkStages times each stage on the same article, fed the earlier
// stages' output, so a regression shows where it is.
func BenchmarkStages(b *testing.B) {
	a := benchArticle(b)
	d := Article(a)
	text := d.Text
	stage := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				f()
			}
		})
	}
	stage("normalize.Text", func() { normalize.Text(a.Body) })
	stage("normalize.Paragraphs", func() { normalize.Paragraphs(text) })
	stage("segment", func() { segment.Sentences(text, d.Paragraphs) })
	stage("entity", func() { entity.Recognize(text, d.Sentences) })
	stage("quantity", func() { quantity.Find(text) })
	stage("dates", func() { dates.Find(text, a.Published) })
	stage("quote", func() { quote.Find(d) })
	stage("claim", func() { claim.Extract(d) })
}
