package sqlite

import (
	"context"
	"fmt"
	"strings"
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

// briefFor is a brief with the quotes and entities of a generated story:
// its official speaks in every article, next to two other speakers.
func briefFor(s int, ids []string) *parallax.Brief {
	tp := topics[s%len(topics)]
	b := &parallax.Brief{}
	for _, id := range ids {
		b.Articles = append(b.Articles, parallax.ArticleRef{ID: id, Origin: id})
		b.Quotes = append(b.Quotes,
			parallax.QuoteRef{Article: id, Speaker: tp.official, Text: "We are doing everything we can.", Kind: "direct", Cue: "said"},
			parallax.QuoteRef{Article: id, Speaker: fmt.Sprintf("Resident %d", s), Text: "far too late", Kind: "direct", Cue: "said"},
			parallax.QuoteRef{Article: id, Speaker: "", Text: "earlier warnings had been ignored", Kind: "indirect", Cue: "saying"})
	}
	b.Entities = []parallax.EntitySummary{
		{Name: tp.official, Type: "person", Aliases: []string{tp.official, tp.official[strings.LastIndex(tp.official, " ")+1:]}, Articles: ids, Mentions: 2 * len(ids)},
		{Name: tp.place, Type: "place", Aliases: []string{tp.place}, Articles: ids, Mentions: 3 * len(ids)},
		{Name: fmt.Sprintf("Resident %d", s), Type: "person", Articles: ids[:1], Mentions: 1},
	}
	return b
}

// BenchmarkQuotesEntity looks up speakers and entities among 500 stories
// of 10 articles, 30 quotes and 3 entities each.
func BenchmarkQuotesEntity(b *testing.B) {
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
		batch.Stories = append(batch.Stories, StoryUpdate{Story: st, Brief: briefFor(s, st.Articles)})
	}
	commit(b, db, batch)
	for _, speaker := range []string{"Resident 7", "Castell"} {
		b.Run("quotes="+speaker, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				hits, err := db.Quotes(ctx, parallax.QuoteQuery{Speaker: speaker, Limit: 20})
				if err != nil || len(hits) == 0 {
					b.Fatalf("%d hits, %v", len(hits), err)
				}
			}
		})
	}
	for _, name := range []string{"Mayor Elena Castell", "Castell", "Valmora"} {
		b.Run("entity="+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := db.Entity(ctx, name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// Rewriting one story's brief, as an ingest does for every story a
	// batch touches.
	// The same without a brief is the cost of the story update alone.
	ids := make([]string, 10)
	for j := range ids {
		ids[j] = newsArticle(j).ID
	}
	for _, brief := range []bool{true, false} {
		b.Run(fmt.Sprintf("update/brief=%v", brief), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				up := StoryUpdate{Story: parallax.Story{ID: "s000", Articles: ids}}
				if brief {
					up.Brief = briefFor(0, ids)
				}
				commit(b, db, Batch{Stories: []StoryUpdate{up}})
			}
		})
	}
}
