package cluster

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/parallax-news/parallax/streamgen"
)

// synthetic returns the features and gold labels of a generated stream.
func synthetic(t testing.TB, cfg streamgen.Config) (ins []Input, gold, origin []string) {
	t.Helper()
	fz := NewFeaturizer()
	for _, it := range streamgen.Generate(cfg) {
		in := fz.Features(it.Article.Title, it.Article.Body, nil)
		in.ID, in.Time = it.Article.ID, it.Article.Published
		ins = append(ins, in)
		gold = append(gold, it.Story)
		origin = append(origin, it.Origin)
	}
	return ins, gold, origin
}

func run(cfg Config, ins []Input, order []int) []Result {
	c := New(cfg)
	out := make([]Result, len(ins))
	for _, i := range order {
		out[i] = c.Add(ins[i])
	}
	return out
}

func identity(n int) []int {
	o := make([]int, n)
	for i := range o {
		o[i] = i
	}
	return o
}

func stories(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Story
	}
	return out
}

// TestSyntheticQuality checks clustering and near-duplicate detection on a
// generated stream against its gold labels. The floors sit a little below
// the measured values (BCubed F1 0.939, pairwise F1 0.952 on this stream), so
// a regression fails.
func TestSyntheticQuality(t *testing.T) {
	ins, gold, origin := synthetic(t, streamgen.Config{Seed: 11, Articles: 6000})
	rs := run(Config{}, ins, identity(len(ins)))
	pred := stories(rs)
	b, p := BCubed(gold, pred), Pairwise(gold, pred)
	t.Logf("BCubed %+v, pairwise %+v", b, p)
	if b.F1 < 0.89 || p.F1 < 0.93 {
		t.Errorf("BCubed F1 %.3f (floor 0.89), pairwise F1 %.3f (floor 0.93)", b.F1, p.F1)
	}
	var copies, found, wrong int
	for i, r := range rs {
		isCopy := origin[i] != ins[i].ID
		if isCopy {
			copies++
		}
		switch {
		case r.Duplicate && r.Origin == origin[i]:
			found++
		case r.Duplicate || r.Origin != ins[i].ID:
			wrong++
		}
	}
	t.Logf("copies %d, found with the right origin %d, wrong %d", copies, found, wrong)
	if float64(found) < 0.9*float64(copies) || float64(wrong) > 0.01*float64(len(ins)) {
		t.Errorf("near-duplicates: %d of %d copies found, %d wrong", found, copies, wrong)
	}
}

// TestIndexMatchesExhaustive checks that candidate retrieval through the
// inverted index loses almost nothing against scoring every active story.
func TestIndexMatchesExhaustive(t *testing.T) {
	ins, _, _ := synthetic(t, streamgen.Config{Seed: 12, Articles: 3000})
	fast := stories(run(Config{}, ins, identity(len(ins))))
	c := New(Config{})
	c.exhaustive = true
	slow := make([]string, len(ins))
	for i := range ins {
		slow[i] = c.Add(ins[i]).Story
	}
	if f := BCubed(slow, fast).F1; f < 0.98 {
		t.Errorf("indexed vs exhaustive BCubed F1 = %.3f, want >= 0.98", f)
	}
}

// TestOrderRobustness shuffles arrival order within consecutive six-hour
// blocks and measures how many article pairs keep their together/apart
// relation, among pairs that share a story in either run (pairs apart in
// both runs are the vast majority and would make any clustering look
// stable).
func TestOrderRobustness(t *testing.T) {
	ins, _, _ := synthetic(t, streamgen.Config{Seed: 13, Articles: 6000})
	base := stories(run(Config{}, ins, identity(len(ins))))
	rng := rand.New(rand.NewPCG(1, 2))
	order := identity(len(ins))
	const block = 6 * time.Hour
	for lo := 0; lo < len(order); {
		hi := lo
		for hi < len(order) && ins[order[hi]].Time.Sub(ins[order[lo]].Time) < block {
			hi++
		}
		rng.Shuffle(hi-lo, func(i, j int) { order[lo+i], order[lo+j] = order[lo+j], order[lo+i] })
		lo = hi
	}
	shuffled := stories(run(Config{}, ins, order))
	p := Pairwise(base, shuffled)
	t.Logf("pairwise agreement between arrival orders: %+v", p)
	if p.F1 < 0.95 {
		t.Errorf("pairwise F1 between orders = %.3f, want >= 0.95", p.F1)
	}
}

// TestDeterministic checks that the same input order gives the same output.
func TestDeterministic(t *testing.T) {
	ins, _, _ := synthetic(t, streamgen.Config{Seed: 14, Articles: 1500})
	a := run(Config{}, ins, identity(len(ins)))
	b := run(Config{}, ins, identity(len(ins)))
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("article %d: %+v then %+v", i, a[i], b[i])
		}
	}
}
