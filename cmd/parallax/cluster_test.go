package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/streamgen"
)

// assignments parses cluster's output.
func assignments(t *testing.T, out string) []parallax.Assignment {
	t.Helper()
	var as []parallax.Assignment
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a parallax.Assignment
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil || a.Article == "" || a.Story == "" {
			t.Fatalf("line %d %q: %v", i+1, line, err)
		}
		as = append(as, a)
	}
	return as
}

func TestClusterExample(t *testing.T) {
	out, stderr, err := run(t, "", "cluster", example)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	as := assignments(t, out)
	want := []string{"cp-0304-kessling", "rg-2026-03-04-114", "nbn-88213", "ledger-2026-0305-01", "mp-5521907", "06-valley-herald"}
	if len(as) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(as), len(want), out)
	}
	for i, a := range as {
		if a.Article != want[i] {
			t.Errorf("line %d: article %q, want %q (the record's own id, in input order)", i+1, a.Article, want[i])
		}
	}
	// The three wire-style reports of the evacuation are one story.
	if as[0].Story != as[1].Story || as[1].Story != as[2].Story {
		t.Errorf("evacuation reports split: %v", as[:3])
	}
}

func TestClusterJSONL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "stream.jsonl")
	items := streamgen.Generate(streamgen.Config{Seed: 3, Articles: 400})
	f, _ := os.Create(path)
	streamgen.WriteJSONL(f, streamgen.Config{Seed: 3, Articles: 400})
	f.Close()
	out, stderr, err := run(t, "", "cluster", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	as := assignments(t, out)
	if len(as) != len(items) {
		t.Fatalf("%d assignments for %d records", len(as), len(items))
	}
	gold := make([]string, len(items))
	pred := make([]string, len(items))
	copies, together := 0, 0
	story := map[string]string{}
	for i, it := range items {
		if as[i].Article != it.Article.ID {
			t.Fatalf("line %d: article %q, want the record id %q", i+1, as[i].Article, it.Article.ID)
		}
		gold[i], pred[i] = it.Story, as[i].Story
		story[it.Article.ID] = as[i].Story
		if it.Origin != it.Article.ID {
			copies++
			if story[it.Origin] == as[i].Story {
				together++
			}
		}
	}
	// Syndicated copies are near-duplicates: they join their original.
	if copies == 0 || float64(together) < 0.9*float64(copies) {
		t.Errorf("%d of %d copies in their original's story", together, copies)
	}
	stories := map[string]bool{}
	for _, s := range pred {
		stories[s] = true
	}
	if len(stories) < 5 || len(stories) > len(items)/2 {
		t.Errorf("%d stories for %d articles of %d gold stories", len(stories), len(items), countDistinct(gold))
	}
}

func countDistinct(xs []string) int {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return len(m)
}

// TestClusterUniqueIDs: files with the same name in two directories get
// distinct ids, as analyze gives them.
func TestClusterUniqueIDs(t *testing.T) {
	dir := t.TempDir()
	for i := range 2 {
		p := filepath.Join(dir, fmt.Sprint(i), "report.txt")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(fmt.Sprintf("Report %d\n\nThe harbor closed on Monday after the storm, officials said.", i)), 0o644)
	}
	out, stderr, err := run(t, "", "cluster", dir, "-", filepath.Join(dir, "missing"))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	as := assignments(t, out)
	if len(as) != 2 || as[0].Article != "report" || as[1].Article != "report~2" {
		t.Errorf("got %v", as)
	}
	if !strings.Contains(stderr, "missing: not found") {
		t.Errorf("stderr lacks the missing file:\n%s", stderr)
	}
	if _, _, err := run(t, "", "cluster", filepath.Join(dir, "missing")); err == nil {
		t.Error("cluster of nothing: want an error")
	}
}

// newsArticle is a realistic report of about 4 KB: a lede, attributed
// figures, direct and indirect quotes, dates and a background paragraph.
const newsArticle = `The Marrow Bay bridge will stay closed to heavy traffic until at least the end of June after inspectors found cracks in two of its steel supports, the regional transport authority said on Tuesday.

Engineers discovered the damage during a routine inspection on March 11, authority spokeswoman Clara Ostrander said. Cars and buses under 3.5 tonnes may still cross, but trucks must take a detour of about 40 kilometers through Feldmark, adding roughly 35 minutes to the journey.

"We are not taking any risks with a structure that carries 28,000 vehicles a day," Ostrander told reporters in Harlow. "The bridge is safe for light traffic, and we will keep measuring the supports every week until the repairs are done."

The authority estimated the cost of the repairs at 14 million euros, although two engineers involved in the inspection said privately that the final bill could exceed 20 million. Regional transport minister Pieter Vandamme said the government would cover the cost from its emergency infrastructure fund and that work would begin in May.

Local businesses said the closure was already hurting them. The Marrow Bay chamber of commerce said on Monday that more than 120 firms depend on freight crossing the bridge, and that some haulage companies had started turning down orders. "Every day of detours costs us fuel, drivers' hours and customers," said Annelies Brugge, who runs a timber yard on the northern shore.

Opposition lawmakers accused the government of neglecting the bridge for years. According to a 2023 audit by the national court of auditors, maintenance spending on the region's bridges fell by 18 percent between 2015 and 2022, while traffic grew by nearly a quarter. Vandamme rejected the criticism, saying the cracks were caused by an unusually cold winter and had nothing to do with the budget.

The 1.2-kilometer bridge, which opened in 1974, is the only fixed link between the two halves of the Marrow Bay region. A ferry service that closed in 2009 could be revived as a stopgap, the authority said, but not before April 15.

Police said they would set up checkpoints at both ends of the bridge from Wednesday to stop trucks from using it. Drivers who ignore the weight limit face fines of up to 1,500 euros, a police spokesman said.

The authority said it would publish the full inspection report next week. Independent engineers have called for the report to include measurements from all 14 supports, not only the two where cracks were found, and for a second inspection by an outside firm before the bridge is fully reopened.

Residents on the southern shore, many of whom commute to jobs in Harlow, said they were worried the repairs would take longer than announced. A similar closure of the nearby Osten viaduct in 2019 was meant to last three months and ended up lasting eleven, according to the regional newspaper Kust Dagblad.

The transport authority said on Tuesday evening that it had asked two contractors to submit offers for the repairs by April 4, and that it expected to sign a contract within three weeks of that date. A spokesman for one of the firms, Dreven Construction, said it was ready to start "as soon as the steel is delivered", but warned that special supports would have to be ordered from a mill abroad and could take up to ten weeks to arrive.

Bus operators said their timetables would not change, since all of their vehicles weigh less than the limit. Emergency services will also be allowed to cross. The regional ambulance service said it had nonetheless moved one of its vehicles to a station on the northern shore as a precaution, so that it could reach patients there within the target time of 15 minutes.`

// BenchmarkAnalyzeParallel measures the per-article analysis on all cores
// (GOMAXPROCS goroutines), as ingest runs it, on ~4 KB news articles.
//
//	go test ./cmd/parallax -run '^$' -bench AnalyzeParallel
func BenchmarkAnalyzeParallel(b *testing.B) {
	// Variants with other dates and names so that no stage sees one text
	// over and over.
	var arts []*parallax.Article
	for i := range 8 {
		body := strings.NewReplacer("March 11", fmt.Sprintf("March %d", 3+i), "Clara Ostrander", []string{"Clara Ostrander", "Mira Holt", "Ines Varga", "Tomas Reyes"}[i%4]).Replace(newsArticle)
		arts = append(arts, &parallax.Article{ID: fmt.Sprint(i), Source: "Bay Courier", Title: "Marrow Bay bridge closed to trucks",
			Published: time.Date(2025, 3, 18, 9, 0, 0, 0, time.UTC), Body: body})
	}
	b.SetBytes(int64(len(newsArticle)))
	b.ReportAllocs()
	var next atomic.Int64
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			analyze.Article(arts[next.Add(1)%int64(len(arts))])
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}
