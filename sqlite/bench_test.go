package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/parallax-news/parallax"
)

// BenchmarkAddArticles commits batches of new ~3 KB wire reports to a store
// file (WAL, synchronous=NORMAL), each with its checkpoint.
func BenchmarkAddArticles(b *testing.B) {
	for _, size := range []int{1, 100} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			db := openTemp(b)
			ctx := context.Background()
			b.ReportAllocs()
			next := 0
			for b.Loop() {
				b.StopTimer()
				batch := Batch{Checkpoints: []Checkpoint{{Source: "bench", Value: fmt.Sprint(next)}}}
				for range size {
					batch.Articles = append(batch.Articles, newsArticle(next))
					next++
				}
				b.StartTimer()
				if _, err := db.Commit(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(next)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkStories lists 500 stories of 10 articles each.
func BenchmarkStories(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	var batch Batch
	for s := 0; s < 500; s++ {
		st := parallax.Story{ID: fmt.Sprintf("s%03d", s)}
		for j := 0; j < 10; j++ {
			a := newsArticle(s*10 + j)
			batch.Articles = append(batch.Articles, a)
			st.Articles = append(st.Articles, a.ID)
		}
		batch.Stories = append(batch.Stories, StoryUpdate{Story: st})
	}
	commit(b, db, batch)
	for _, q := range []StoryQuery{
		{Limit: 20},
		{Order: OrderLargest, Limit: 20},
		{Search: "ferry collision", Limit: 20},
		{Search: "affected", Limit: 20}, // every article matches
	} {
		b.Run(fmt.Sprintf("order=%s/search=%q", q.Order, q.Search), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sums, err := db.Stories(ctx, q)
				if err != nil || len(sums) != 20 {
					b.Fatalf("%d stories, %v", len(sums), err)
				}
			}
		})
	}
}
