package cluster

import (
	"strings"
	"testing"
	"time"
)

// edit applies light syndication edits: swapped words, a dropped last
// paragraph, an added credit line.
func edit(text string) string {
	r := strings.NewReplacer("said", "stated", "officials", "authorities", "Tuesday", "Tuesday morning")
	paras := strings.Split(r.Replace(text), "\n\n")
	return strings.Join(paras[:len(paras)-1], "\n\n") + "\n\nThis story was first published by Continental Press."
}

const otherArticle = `Flooding forced hundreds of families from their homes in the river valley on Sunday after three days of rain, emergency services said.

The regional water board opened two reservoirs to relieve pressure on the dikes, and soldiers filled sandbags through the night in the town of Arnhold.

Forecasters expect the rain to ease by Tuesday but warned that river levels would keep rising for another day as water flows down from the hills.`

func TestResemblance(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		lo, hi float64
	}{
		{"identical", benchArticle, benchArticle, 1, 1},
		{"light edit", benchArticle, edit(benchArticle), 0.5, 0.95},
		{"case and apostrophes do not matter", benchArticle, strings.ToUpper(strings.ReplaceAll(benchArticle, "'", "\u2019")), 1, 1},
		{"different story", benchArticle, otherArticle, 0, 0.1},
		{"same topic, different text", benchArticle, "Dock workers at the port of Vellmar went on strike on Tuesday over pay, and union leader Marta Oosterhuis said the offer of 3.5 percent was too low.", 0, 0.1},
		{"empty", benchArticle, "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Resemblance(MinHash(tt.a), MinHash(tt.b))
			if got < tt.lo || got > tt.hi {
				t.Errorf("Resemblance = %.3f, want in [%.2f, %.2f]", got, tt.lo, tt.hi)
			}
		})
	}
	if MinHash("") != nil || MinHash(" ... ") != nil {
		t.Error("MinHash of text without words should be nil")
	}
	if s := MinHash("short"); len(s) != SketchSize {
		t.Errorf("one-word sketch has %d values", len(s))
	}
}

func TestNearDuplicates(t *testing.T) {
	base := time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)
	articles := []struct {
		id, text   string
		at         time.Duration
		wantOrigin string
	}{
		{"wire", benchArticle, 0, "wire"},
		{"other", otherArticle, time.Hour, "other"},
		{"gazette", edit(benchArticle), 2 * time.Hour, "wire"},
		{"reprint-of-reprint", edit(edit(benchArticle)), 3 * time.Hour, "wire"},
		{"other-copy", otherArticle + "\n\nReporting by the desk.", 4 * time.Hour, "other"},
		// Past the window the original is forgotten: a late copy starts
		// its own group.
		{"late", edit(benchArticle), 100 * time.Hour, "late"},
	}
	c := New(Config{Window: 72 * time.Hour})
	stories := map[string]string{}
	for _, a := range articles {
		in := Features("", a.text, nil)
		in.ID, in.Time = a.id, base.Add(a.at)
		r := c.Add(in)
		stories[a.id] = r.Story
		if r.Origin != a.wantOrigin {
			t.Errorf("%s: origin %q, want %q", a.id, r.Origin, a.wantOrigin)
		}
		if r.Duplicate != (a.wantOrigin != a.id) {
			t.Errorf("%s: Duplicate = %v", a.id, r.Duplicate)
		}
	}
	if stories["gazette"] != stories["wire"] || stories["other-copy"] != stories["other"] {
		t.Errorf("copies should join their original's story: %v", stories)
	}
	if stories["wire"] == stories["other"] {
		t.Errorf("different stories merged: %v", stories)
	}
	if got := c.Stats().DupArticles; got != 1 {
		t.Errorf("DupArticles = %d after the window moved on, want 1", got)
	}
}

// TestDupIndexExpiry fills the near-duplicate index past one chunk with
// a small capacity and checks that old records leave and new ones are found.
func TestDupIndexExpiry(t *testing.T) {
	d := newDupIndex()
	sig := func(i int) []uint32 {
		return MinHash(strings.Repeat("word"+string(rune('a'+i%26))+" ", 5) + " n" + strings.Repeat("x", i))
	}
	for i := range 3000 {
		r := d.push(sig(i))
		r.id, r.origin, r.t = "a", "a", int64(i)
		d.expire(0, 500)
	}
	if d.len() != 500 || len(d.chunks) > 2 {
		t.Fatalf("len %d, %d chunks; want 500 records in at most 2 chunks", d.len(), len(d.chunks))
	}
	if r, _ := d.find(sig(2999), 0.9); r == nil || r.t != 2999 {
		t.Errorf("newest record not found: %+v", r)
	}
	if r, _ := d.find(sig(100), 0.99); r != nil {
		t.Errorf("expired record found: t=%d", r.t)
	}
	entries := 0
	for _, m := range d.bands {
		entries += len(m)
	}
	if entries > 500*lshBands {
		t.Errorf("%d band entries for 500 records", entries)
	}
}
