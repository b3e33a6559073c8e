// Package claimdiff scores how Parallax presents claim pairs that people
// judged to differ, using ClaimDiff (Ko et al. 2022, "ClaimDiff: Comparing
// and Contrasting Claims on Contentious Issues", arXiv 2205.12221): pairs
// of sentences from two articles by different presses on one contentious
// topic, labelled 1 when annotators judged that the first claim differs
// from the second in nuance — in ClaimDiff-S by strengthening the point,
// in ClaimDiff-W by weakening it — with rationale spans in the first
// claim. Both train files hold the same pairs, labelled differently.
//
// The package owns reading the corpus (Parse, Load), running the pipeline
// on each pair (Evaluate) and the metrics (Score). It never writes
// anything.
//
// Pairs. A record and its "_rev" twin are the two directions of one
// unordered pair. Parallax's verdict does not depend on direction, so each
// unordered pair is scored once: it is labelled differing when either
// direction has relation 1, and not differing when every direction present
// has relation 0.
//
// Articles. The corpus stores only each article's title and the claim
// sentences taken from it, not its body. In Context mode (what Score uses)
// an article is rebuilt from every claim sentence of it that the file
// holds, one paragraph each, in order of first appearance, so that a claim
// competes with the rest of its article for alignment as it would in real
// use; the two articles of a topic are reconciled together once. In
// Isolated mode each article holds only the pair's claim. Articles carry
// their title, a distinct source and the record's date (ClaimDiff dates
// article A; article B takes its own date from a record where it is A,
// else its partner's).
//
// Verdict. A claim sentence is located in the Brief through the facts
// whose cited claims overlap it (spans mapped back to the rebuilt body).
// The pair's Outcome is conflict or attribution_split when one fact of
// that status cites both sentences; otherwise corroborated when one
// corroborated fact cites both; otherwise same_origin when some other fact
// cites both, separate when no fact cites both, and dropped when a sentence
// is in no fact at all. Flagged (strict) means conflict or
// attribution_split; NotCorroborated (lenient) means anything but
// corroborated, that is, Parallax does not present the two as agreeing.
package claimdiff

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax"
)

// record is one ClaimDiff entry as stored.
type record struct {
	Topic     string   `json:"topic"`
	Date      string   `json:"date"`
	PairID    string   `json:"pair_id"`
	ClaimA    string   `json:"claim_a"`
	ClaimB    string   `json:"claim_b"`
	ArticleA  string   `json:"article_a"`
	ArticleB  string   `json:"article_b"`
	Relation  int      `json:"relation"`
	Rationale []string `json:"rationale"`
}

// Pair is one unordered claim pair, both directions folded together. A and
// B follow the first direction found in the file.
type Pair struct {
	ID     string // pair_id without the "_rev" suffix
	Topic  string
	ClaimA string
	ClaimB string
	TitleA string // title of the article ClaimA comes from
	TitleB string
	DateA  string // publication date of article A, YYYY-MM-DD, may be ""
	DateB  string // publication date of article B when the file gives it
	// Differs is true when some direction is labelled relation 1.
	Differs bool
	// Directions counts the records folded into the pair (1 or 2).
	Directions int
	// Rationale holds the annotated spans of the directions labelled 1.
	Rationale []string
}

// revSuffix marks the reversed direction of a pair.
const revSuffix = "_rev"

// Parse reads a ClaimDiff JSON file ({"data": [...]}) and folds each
// record with its reversed twin into one Pair, in order of first
// appearance. Records without an id or a claim are an error, since
// skipping them would change the counts silently.
func Parse(data []byte) ([]Pair, error) {
	var f struct {
		Data []record `json:"data"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("claimdiff: %w", err)
	}
	var out []Pair
	at := map[string]int{}
	for i, r := range f.Data {
		if r.PairID == "" || strings.TrimSpace(r.ClaimA) == "" || strings.TrimSpace(r.ClaimB) == "" {
			return nil, fmt.Errorf("claimdiff: record %d: missing pair_id or claim", i)
		}
		if r.Relation != 0 && r.Relation != 1 {
			return nil, fmt.Errorf("claimdiff: record %d (%s): relation %d is not 0 or 1", i, r.PairID, r.Relation)
		}
		id := strings.TrimSuffix(r.PairID, revSuffix)
		k, seen := at[id]
		if !seen {
			at[id] = len(out)
			out = append(out, Pair{ID: id, Topic: r.Topic, ClaimA: r.ClaimA, ClaimB: r.ClaimB,
				TitleA: r.ArticleA, TitleB: r.ArticleB, DateA: r.Date})
			k = len(out) - 1
		}
		p := &out[k]
		p.Directions++
		if r.Relation == 1 {
			p.Differs = true
			p.Rationale = append(p.Rationale, r.Rationale...)
		}
		if seen && r.ArticleA == p.TitleB && r.Date != "" {
			p.DateB = r.Date
		}
	}
	return out, nil
}

// Load reads and parses one ClaimDiff JSON file.
func Load(path string) ([]Pair, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	ps, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ps, nil
}

// Subset is one labelling of the corpus.
type Subset struct {
	Name string // "S" or "W"
	Path string // train file, relative to the corpus directory
	What string // what relation 1 means, for definitions
}

// TrainSubsets are the files Score reads, relative to the corpus
// directory.
var TrainSubsets = []Subset{
	{"S", filepath.Join("ClaimDiff-S", "ClaimDiff-strength-train.json"), "ClaimDiff-S train (relation 1: one claim strengthens the point relative to the other)"},
	{"W", filepath.Join("ClaimDiff-W", "ClaimDiff-weak-train.json"), "ClaimDiff-W train (relation 1: one claim weakens the point relative to the other)"},
}

// Score runs Parallax on the ClaimDiff train files under dir (Context
// mode) and returns, for each subset and for pairs labelled differing and
// not differing, the share flagged as a conflict or attribution split and
// the share not presented as corroborated.
func Score(dir string) ([]parallax.Score, error) {
	ev := newEvaluator()
	var out []parallax.Score
	for _, sub := range TrainSubsets {
		pairs, err := Load(filepath.Join(dir, sub.Path))
		if err != nil {
			return nil, err
		}
		out = append(out, scores(sub, ev.evaluate(pairs, Context))...)
	}
	return out, nil
}

// scores tabulates one subset's results.
func scores(sub Subset, rs []Result) []parallax.Score {
	var out []parallax.Score
	for _, differs := range []bool{true, false} {
		label, side := "differing", "the issue's detection rate"
		if !differs {
			label, side = "not_differing", "the false-alarm side"
		}
		var total, flagged, notCorr int
		for _, r := range rs {
			if r.Pair.Differs != differs {
				continue
			}
			total++
			if r.Outcome.Flagged() {
				flagged++
			}
			if r.Outcome.NotCorroborated() {
				notCorr++
			}
		}
		rel := "labelled 1 in either direction"
		if !differs {
			rel = "labelled 0 in every direction"
		}
		out = append(out,
			parallax.Score{Suite: "claimdiff", Metric: sub.Name + "_" + label + "_flagged_conflict_rate",
				Value: ratio(flagged, total), Correct: flagged, Total: total,
				Definition: fmt.Sprintf("share of unordered %s pairs %s whose two claim sentences, each placed in its article rebuilt from the file's claims, are cited by one fact with status conflict or attribution_split (%s)", sub.What, rel, side)},
			parallax.Score{Suite: "claimdiff", Metric: sub.Name + "_" + label + "_not_corroborated_rate",
				Value: ratio(notCorr, total), Correct: notCorr, Total: total,
				Definition: fmt.Sprintf("share of unordered %s pairs %s whose two claim sentences are not cited together by a corroborated fact, i.e. Parallax does not present them as agreeing (%s)", sub.What, rel, side)},
		)
	}
	return out
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}
