package poll

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
)

// TestPipeline polls through the real ingest pipeline: feed items become
// stored articles in stories with briefs, and a second poll of a changed
// feed adds only its new item.
func TestPipeline(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	srv := newFeedServer(t, item{"a1", "Bridge reopens", true}, item{"a2", "Council votes", true})
	sub := subscribe(t, st, srv.URL(), 0)
	pipe := ingest.New(st, 2)
	if err := pipe.Restore(ctx); err != nil {
		t.Fatal(err)
	}
	clk := newClock()
	var added []int
	p := New(st, pipe, Options{Client: client(), Now: clk.Now, OnPoll: func(_ parallax.FeedSubscription, n int, err error) {
		if err != nil {
			t.Errorf("poll failed: %v", err)
		}
		added = append(added, n)
	}})
	if _, err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	srv.publish(item{"a3", "Port strike", true}, item{"a1", "Bridge reopens", true}, item{"a2", "Council votes", true})
	clk.Advance(DefaultInterval * 2)
	if _, err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if len(added) != 2 || added[0] != 2 || added[1] != 1 {
		t.Fatalf("added per poll %v, want [2 1]", added)
	}
	for _, id := range []string{"a1", "a2", "a3"} {
		story, err := st.StoryOf(ctx, id)
		if err != nil || story == "" {
			t.Fatalf("article %s is in no story (%q, %v)", id, story, err)
		}
		if _, brief, err := st.Story(ctx, story); err != nil || brief == nil {
			t.Errorf("story %s of %s has no brief (%v)", story, id, err)
		}
	}
	if got := feedOf(t, st, sub.ID); got.Articles != 3 || got.Failures != 0 {
		t.Errorf("feed articles %d failures %d, want 3, 0", got.Articles, got.Failures)
	}
}
