// Package ecbplus adapts the ECB+ corpus (Cybulska and Vossen, LREC 2014)
// to story clustering: it reads the documents with their gold event
// clusters, clusters them with package cluster and scores the result with
// pairwise and BCubed precision, recall and F1.
//
// ECB+ has no timestamps. Documents are fed in file order (sorted by
// document id, so the two events of a topic arrive interleaved) all at one
// fixed time, which turns off time decay and eviction: the score measures
// the similarity model alone. Each topic holds two similar but different
// events (two earthquakes, two rehab admissions), so the clusterer has to
// keep near-miss events apart.
package ecbplus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
)

// File is the corpus file inside the ECB+ directory.
const File = "ecbplus_docs.jsonl"

// Doc is one ECB+ document.
type Doc struct {
	ID      string `json:"doc_id"`
	Topic   int    `json:"topic"`
	Cluster string `json:"cluster"` // gold event cluster: "<topic>_<ecb|ecbplus>"
	Text    string `json:"text"`
}

// Read returns the documents of dir/ecbplus_docs.jsonl in file order.
func Read(dir string) ([]Doc, error) {
	path := filepath.Join(dir, File)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var d Doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if d.ID == "" || d.Cluster == "" {
			return nil, fmt.Errorf("%s:%d: record without doc_id or cluster", path, line)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no documents", path)
	}
	return docs, nil
}

// fixed is the one time every document is given.
var fixed = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Cluster clusters docs in the given order (nil means file order) and
// returns each document's predicted story, indexed like docs.
func Cluster(docs []Doc, cfg cluster.Config, order []int) []string {
	if order == nil {
		order = make([]int, len(docs))
		for i := range order {
			order[i] = i
		}
	}
	c := cluster.New(cfg)
	pred := make([]string, len(docs))
	for _, i := range order {
		in := cluster.Features("", docs[i].Text, nil)
		in.ID, in.Time = docs[i].ID, fixed
		pred[i] = c.Add(in).Story
	}
	return pred
}

// Shuffles is how many seeded random arrival orders the order-robustness
// scores average over.
const Shuffles = 5

// Score clusters the corpus in dir with the default configuration and
// scores it against the gold event clusters, in file order and averaged
// over Shuffles seeded random orders.
func Score(dir string) ([]parallax.Score, error) {
	docs, err := Read(dir)
	if err != nil {
		return nil, err
	}
	gold := make([]string, len(docs))
	for i, d := range docs {
		gold[i] = d.Cluster
	}
	pred := Cluster(docs, cluster.Config{}, nil)
	b, p := cluster.BCubed(gold, pred), cluster.Pairwise(gold, pred)

	var sb, sp cluster.PRF
	for seed := range uint64(Shuffles) {
		order := rand.New(rand.NewPCG(seed, 0xec8)).Perm(len(docs))
		pr := Cluster(docs, cluster.Config{}, order)
		b2, p2 := cluster.BCubed(gold, pr), cluster.Pairwise(gold, pr)
		sb.F1 += b2.F1 / Shuffles
		sp.F1 += p2.F1 / Shuffles
	}

	const suite = "ecbplus"
	const order = " (documents fed in file order at one fixed time)"
	return []parallax.Score{
		{Suite: suite, Metric: "bcubed_f1", Value: b.F1,
			Definition: "harmonic mean of BCubed precision and recall of the predicted stories against the gold event clusters" + order},
		{Suite: suite, Metric: "bcubed_precision", Value: b.Precision,
			Definition: "mean over documents of the share of the document's predicted story that is in its gold cluster" + order},
		{Suite: suite, Metric: "bcubed_recall", Value: b.Recall,
			Definition: "mean over documents of the share of the document's gold cluster that is in its predicted story" + order},
		{Suite: suite, Metric: "pairwise_f1", Value: p.F1,
			Definition: "harmonic mean of pairwise precision and recall over all document pairs" + order},
		{Suite: suite, Metric: "pairwise_precision", Value: p.Precision,
			Definition: "share of document pairs put in one predicted story that share a gold cluster" + order},
		{Suite: suite, Metric: "pairwise_recall", Value: p.Recall,
			Definition: "share of document pairs sharing a gold cluster that are put in one predicted story" + order},
		{Suite: suite, Metric: "shuffled_bcubed_f1", Value: sb.F1,
			Definition: fmt.Sprintf("BCubed F1 averaged over %d seeded random arrival orders (order robustness)", Shuffles)},
		{Suite: suite, Metric: "shuffled_pairwise_f1", Value: sp.F1,
			Definition: fmt.Sprintf("pairwise F1 averaged over %d seeded random arrival orders (order robustness)", Shuffles)},
	}, nil
}
