package cluster

// PRF is a precision, recall and F1 triple.
type PRF struct {
	Precision, Recall, F1 float64
}

func prf(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

type pair struct{ gold, pred string }

// Pairwise scores a clustering against gold labels by counting article
// pairs: precision is the share of pairs put in one predicted cluster that
// share a gold cluster, recall the share of gold-cluster pairs that share a
// predicted cluster. gold[i] and pred[i] label article i; extra entries of
// the longer slice are ignored. With no pair on a side its score is 1.
func Pairwise(gold, pred []string) PRF {
	n := min(len(gold), len(pred))
	cell, g, p := map[pair]int{}, map[string]int{}, map[string]int{}
	for i := range n {
		cell[pair{gold[i], pred[i]}]++
		g[gold[i]]++
		p[pred[i]]++
	}
	pairs := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var tp, gp, pp float64
	for _, k := range cell {
		tp += pairs(k)
	}
	for _, k := range g {
		gp += pairs(k)
	}
	for _, k := range p {
		pp += pairs(k)
	}
	prec, rec := 1.0, 1.0
	if pp > 0 {
		prec = tp / pp
	}
	if gp > 0 {
		rec = tp / gp
	}
	return prf(prec, rec)
}

// BCubed scores a clustering against gold labels article by article: an
// article's precision is the share of its predicted cluster (itself
// included) in its gold cluster, its recall the share of its gold cluster
// in its predicted cluster; both are averaged over articles and F1 is their
// harmonic mean.
func BCubed(gold, pred []string) PRF {
	n := min(len(gold), len(pred))
	if n == 0 {
		return PRF{}
	}
	cell, g, p := map[pair]int{}, map[string]int{}, map[string]int{}
	for i := range n {
		cell[pair{gold[i], pred[i]}]++
		g[gold[i]]++
		p[pred[i]]++
	}
	var prec, rec float64
	for i := range n {
		k := float64(cell[pair{gold[i], pred[i]}])
		prec += k / float64(p[pred[i]])
		rec += k / float64(g[gold[i]])
	}
	return prf(prec/float64(n), rec/float64(n))
}
