package streamgen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestGenerate(t *testing.T) {
	cfg := Config{Seed: 3, Articles: 2000, Stories: 100}
	items := Generate(cfg)
	if len(items) != 2000 {
		t.Fatalf("%d articles, want 2000", len(items))
	}
	ids := map[string]bool{}
	byStory := map[string]int{}
	copies := 0
	storyOf := map[string]string{}
	for i, it := range items {
		a := it.Article
		if ids[a.ID] {
			t.Fatalf("duplicate id %s", a.ID)
		}
		ids[a.ID] = true
		storyOf[a.ID] = it.Story
		if i > 0 && a.Published.Before(items[i-1].Article.Published) {
			t.Fatalf("article %d out of time order", i)
		}
		if a.Title == "" || len(a.Body) < 100 || a.Source == "" || strings.Contains(a.Body+a.Title, "{") {
			t.Fatalf("article %s badly filled: %q / %.80q", a.ID, a.Title, a.Body)
		}
		byStory[it.Story]++
		if it.Origin != a.ID {
			copies++
			if storyOf[it.Origin] != it.Story {
				t.Errorf("%s copies %s of another story", a.ID, it.Origin)
			}
		}
	}
	if len(byStory) != 100 {
		t.Errorf("%d stories, want 100", len(byStory))
	}
	if share := float64(copies) / 2000; share < 0.08 || share > 0.2 {
		t.Errorf("copy share %.3f, want about 0.15 of the articles", share)
	}
	first, last := items[0].Article.Published, items[len(items)-1].Article.Published
	if span := last.Sub(first); span < 20*24*time.Hour || span > 45*24*time.Hour {
		t.Errorf("stream spans %v, want about 30 days", span)
	}
}

func TestDeterministic(t *testing.T) {
	a := Generate(Config{Seed: 5, Articles: 300})
	b := Generate(Config{Seed: 5, Articles: 300})
	c := Generate(Config{Seed: 6, Articles: 300})
	for i := range a {
		if a[i].Article.Body != b[i].Article.Body || a[i].Story != b[i].Story || !a[i].Article.Published.Equal(b[i].Article.Published) {
			t.Fatalf("article %d differs between runs with one seed", i)
		}
	}
	if a[0].Article.Body == c[0].Article.Body {
		t.Error("different seeds gave the same first article")
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, Config{Seed: 1, Articles: 50}); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var r struct {
			ID, Title, Body, Story, Origin string
			Published                      time.Time
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if r.ID == "" || r.Body == "" || r.Story == "" || r.Origin == "" || r.Published.IsZero() {
			t.Fatalf("line %d incomplete: %+v", n+1, r)
		}
		n++
	}
	if n != 50 {
		t.Errorf("%d lines, want 50", n)
	}
}

func BenchmarkNext(b *testing.B) {
	b.ReportAllocs()
	s := New(Config{Seed: 1, Articles: 10_000_000})
	for b.Loop() {
		s.Next()
	}
}
