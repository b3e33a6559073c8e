package parallax

import (
	"errors"
	"testing"
	"time"
)

func TestCheckFeed(t *testing.T) {
	f, err := CheckFeed(FeedSubscription{URL: "  HTTPS://News.Example.org/rss.xml?utm_source=x "})
	if err != nil {
		t.Fatal(err)
	}
	if f.URL != "HTTPS://News.Example.org/rss.xml?utm_source=x" || f.Interval != DefaultFeedInterval ||
		f.ID != FeedID("https://news.example.org/rss.xml") || len(f.ID) != 12 {
		t.Errorf("CheckFeed = %+v", f)
	}
	if g, _ := CheckFeed(FeedSubscription{URL: "https://news.example.org/rss.xml", Interval: time.Hour}); g.ID != f.ID || g.Interval != time.Hour {
		t.Errorf("the same feed written differently: %+v vs %+v", g, f)
	}
	for _, bad := range []FeedSubscription{
		{URL: ""}, {URL: "news.example.org/rss"}, {URL: "ftp://example.org/feed"}, {URL: "mailto:desk@example.org"},
		{URL: "https://"}, {URL: "https://example.org/rss", Interval: time.Millisecond}, {URL: "https://example.org/rss", Interval: -time.Minute},
	} {
		if _, err := CheckFeed(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("CheckFeed(%+v) = %v, want invalid", bad, err)
		}
	}
}

func TestIndependentSources(t *testing.T) {
	b := &Brief{Articles: []ArticleRef{{ID: "a", Origin: "o1"}, {ID: "b", Origin: "o1"}, {ID: "c", Origin: "o2"}, {ID: "d"}, {ID: "e"}}}
	if n := b.IndependentSources(); n != 4 {
		t.Errorf("IndependentSources = %d, want 4 (one copy pair, two without origin)", n)
	}
}

func TestBatchValidate(t *testing.T) {
	ok := Batch{Articles: []*Article{{ID: "a"}}, Assignments: []Assignment{{Article: "a", Story: "s"}},
		Stories: []StoryUpdate{{Story: Story{ID: "s"}}}, Checkpoints: []Checkpoint{{Source: "f", Value: "1"}}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string]Batch{
		"nil article":   {Articles: []*Article{nil}},
		"article no id": {Articles: []*Article{{}}},
		"assignment":    {Assignments: []Assignment{{Article: "a"}}},
		"story no id":   {Stories: []StoryUpdate{{}}},
		"checkpoint":    {Checkpoints: []Checkpoint{{Value: "1"}}},
	} {
		if err := b.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Validate = %v, want invalid", name, err)
		}
	}
}
