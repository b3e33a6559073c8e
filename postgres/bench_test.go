package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// seedLarge stores stories stories of per articles each, committed a
// hundred stories to a batch, each story with a small brief.
func seedLarge(b *testing.B, db *DB, stories, per int) {
	b.Helper()
	start := time.Now()
	const storiesPerBatch = 100
	for s0 := 0; s0 < stories; s0 += storiesPerBatch {
		var batch parallax.Batch
		for s := s0; s < min(s0+storiesPerBatch, stories); s++ {
			st := parallax.Story{ID: fmt.Sprintf("s%05d", s)}
			brief := &parallax.Brief{}
			for j := range per {
				a := newsArticle(s*per + j)
				batch.Articles = append(batch.Articles, a)
				st.Articles = append(st.Articles, a.ID)
				brief.Articles = append(brief.Articles, parallax.ArticleRef{ID: a.ID, Origin: a.Source})
			}
			batch.Stories = append(batch.Stories, parallax.StoryUpdate{Story: st, Brief: brief})
		}
		batch.Checkpoints = []parallax.Checkpoint{{Source: "bench", Value: fmt.Sprint(s0)}}
		if _, err := db.Commit(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := db.pool.Exec(context.Background(), `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d stories of %d articles in %v", stories, per, time.Since(start).Round(time.Millisecond))
}

// envBenchStories sets how many stories BenchmarkStore seeds; the default
// 1,000 seeds in seconds, PARALLAX_BENCH_STORIES=10000 in about half a
// minute.
const envBenchStories = "PARALLAX_BENCH_STORIES"

// BenchmarkStore reads a store of stories of three ~1.5 kB articles each
// (1,000 stories, or $PARALLAX_BENCH_STORIES) and commits into it.
func BenchmarkStore(b *testing.B) {
	db := openTest(b)
	stories, per := 1000, 3
	if v := os.Getenv(envBenchStories); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 100 {
			b.Fatalf("%s=%q: want a number of stories, at least 100", envBenchStories, v)
		}
		stories = n
	}
	seedLarge(b, db, stories, per)
	ctx := context.Background()

	for _, q := range []parallax.StoryQuery{
		{Order: parallax.OrderNewest, Limit: 20},
		{Order: parallax.OrderNewest, Limit: 20, Offset: stories / 2},
		{Order: parallax.OrderLargest, Limit: 20},
		{Search: "ferry collision", Limit: 20}, // a fifth of the articles match
		{Search: "affected", Limit: 20},        // every article matches
		{Search: "affected", Order: parallax.OrderNewest, Limit: 20},
		{Search: "Report 2345", Limit: 20}, // one article matches
	} {
		b.Run(fmt.Sprintf("Stories/order=%s/search=%q/offset=%d", q.Order, q.Search, q.Offset), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sums, err := db.Stories(ctx, q)
				if err != nil || len(sums) == 0 {
					b.Fatalf("%d stories, %v", len(sums), err)
				}
			}
		})
	}
	b.Run("Story", func(b *testing.B) {
		rng := rand.New(rand.NewPCG(1, 2))
		b.ReportAllocs()
		for b.Loop() {
			st, brief, err := db.Story(ctx, fmt.Sprintf("s%05d", rng.IntN(stories)))
			if err != nil || len(st.Articles) != per || brief == nil {
				b.Fatalf("%+v, %v", st, err)
			}
		}
	})
	b.Run("StoryArticles", func(b *testing.B) {
		rng := rand.New(rand.NewPCG(1, 2))
		b.ReportAllocs()
		for b.Loop() {
			arts, err := db.StoryArticles(ctx, fmt.Sprintf("s%05d", rng.IntN(stories)))
			if err != nil || len(arts) != per {
				b.Fatalf("%d articles, %v", len(arts), err)
			}
		}
	})
	for _, size := range []int{1, 100} {
		// New articles joining existing stories, with the checkpoint.
		b.Run(fmt.Sprintf("Commit/batch=%d", size), func(b *testing.B) {
			next := stories * per
			rng := rand.New(rand.NewPCG(3, 4))
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				batch := parallax.Batch{Checkpoints: []parallax.Checkpoint{{Source: "bench", Value: fmt.Sprint(next)}}}
				for range size {
					a := newsArticle(next)
					batch.Articles = append(batch.Articles, a)
					batch.Assignments = append(batch.Assignments, parallax.Assignment{Article: a.ID, Story: fmt.Sprintf("s%05d", rng.IntN(stories))})
					next++
				}
				b.StartTimer()
				if _, err := db.Commit(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(next-stories*per)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
