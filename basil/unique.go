package basil

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/reconcile"
)

// UniqueCounts is what UniqueShare measured.
type UniqueCounts struct {
	Spans, InUnique int // informational-bias spans, and those in unique content
	// Sentences and UniqueSentences count every sentence Parallax found
	// and those it listed as unique: the base rate a span would land in
	// unique content by chance.
	Sentences, UniqueSentences int
	Triplets                   int
}

// UniqueShare measures how many of BASIL's informational-bias spans —
// content one outlet chose to add — land in the unique content Parallax
// reports for their article when the event's three articles are
// reconciled together.
//
// Metric. For each event (the articles <uuid>_1, _2 and _3 with
// annotation files), the three bodies are analyzed and reconciled as one
// story. An annotation with bias "inf" is located in its body (Locate) and
// counts as landing in unique content when it overlaps a sentence listed in
// Brief.Unique for that article (spans mapped back to the body through
// Document.Offsets). share = landed / spans. The second score is the share
// of all sentences listed as unique, the rate a random span would reach.
func UniqueShare(dir string) ([]parallax.Score, error) {
	c, err := uniqueCounts(dir)
	if err != nil {
		return nil, err
	}
	share := parallax.Score{Suite: "basil", Metric: "informational_bias_in_unique", Correct: c.InUnique, Total: c.Spans,
		Definition: "share of BASIL informational-bias spans that overlap a sentence Parallax lists as unique to their article when the event's three articles are reconciled together"}
	base := parallax.Score{Suite: "basil", Metric: "unique_sentence_rate", Correct: c.UniqueSentences, Total: c.Sentences,
		Definition: "share of all sentences of the same articles that Parallax lists as unique (the chance level for the score above)"}
	if c.Spans > 0 {
		share.Value = float64(c.InUnique) / float64(c.Spans)
	}
	if c.Sentences > 0 {
		base.Value = float64(c.UniqueSentences) / float64(c.Sentences)
	}
	return []parallax.Score{share, base}, nil
}

func uniqueCounts(dir string) (UniqueCounts, error) {
	var c UniqueCounts
	anns, err := filepath.Glob(filepath.Join(dir, "annotations", "*", "*_ann.json"))
	if err != nil {
		return c, err
	}
	if len(anns) == 0 {
		return c, fmt.Errorf("basil: no annotation files under %s", filepath.Join(dir, "annotations"))
	}
	slices.Sort(anns)
	// Group the annotation files by event: <uuid>_<n>_ann.json.
	events := map[string][]string{}
	var order []string
	for _, ap := range anns {
		base := strings.TrimSuffix(filepath.Base(ap), "_ann.json")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			continue
		}
		key := filepath.Join(filepath.Dir(ap), base[:i])
		if events[key] == nil {
			order = append(order, key)
		}
		events[key] = append(events[key], ap)
	}
	for _, key := range order {
		if err := c.addEvent(dir, events[key]); err != nil {
			return c, err
		}
	}
	return c, nil
}

// addEvent reconciles one event's articles and counts its spans.
func (c *UniqueCounts) addEvent(dir string, annPaths []string) error {
	type member struct {
		art  *Article
		ann  *Annotations
		body string
		offs [][]int
		doc  *parallax.Document
	}
	var ms []*member
	var docs []*parallax.Document
	for _, ap := range annPaths {
		rel, err := filepath.Rel(filepath.Join(dir, "annotations"), ap)
		if err != nil {
			return err
		}
		artPath := filepath.Join(dir, "articles", strings.TrimSuffix(rel, "_ann.json")+".json")
		art, err := ReadArticle(artPath)
		if err != nil {
			return err
		}
		ann, err := ReadAnnotations(ap)
		if err != nil {
			return err
		}
		body, offs := art.Body()
		a := &parallax.Article{
			ID:     strings.TrimSuffix(filepath.Base(artPath), ".json"),
			Source: art.Source,
			Title:  art.Title,
			URL:    art.URL,
			Path:   artPath,
			Body:   body,
		}
		if t, err := time.Parse("2006-01-02", art.Date); err == nil {
			a.Published = t
		}
		m := &member{art: art, ann: ann, body: body, offs: offs, doc: analyze.Article(a)}
		ms = append(ms, m)
		docs = append(docs, m.doc)
	}
	if len(ms) < 2 {
		return nil // nothing to reconcile against
	}
	c.Triplets++
	analyze.Story(docs)
	b := reconcile.Brief(docs)
	unique := map[string][]parallax.Span{} // article id -> unique sentence spans in the body
	for _, u := range b.Unique {
		for _, s := range u.Sentences {
			unique[u.Article] = append(unique[u.Article], s.Span)
		}
	}
	for _, m := range ms {
		id := m.doc.Article.ID
		c.Sentences += len(m.doc.Sentences)
		c.UniqueSentences += len(unique[id])
		var spans []parallax.Span // unique sentences in body coordinates
		for _, s := range unique[id] {
			spans = append(spans, parallax.Span{Start: m.doc.Offsets.Original(s.Start), End: m.doc.Offsets.Original(s.End)})
		}
		for _, ph := range m.ann.Phrases {
			if ph.Bias != "inf" {
				continue
			}
			sp, ok := m.art.Locate(ph, m.offs)
			if !ok {
				continue
			}
			c.Spans++
			for _, u := range spans {
				if u.Overlaps(sp) {
					c.InUnique++
					break
				}
			}
		}
	}
	return nil
}
