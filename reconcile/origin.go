package reconcile

import (
	"math/bits"
	"strings"

	"github.com/cespare/xxhash/v2"
)

// Independence: two articles are copies of one origin when their word
// 5-shingle sets overlap by at least sameOrigin (MinHash estimate of the
// Jaccard index), or when they share at least sharedSentences sentences of
// at least sharedWords words outside quotation marks. The second test
// catches a wire story cut down or padded by the outlet that reprints it;
// quoted words are left out because independent reports often quote the
// same statement.
const (
	numHashes       = 128
	shingleWords    = 5
	sameOrigin      = 0.5
	sharedSentences = 3
	sharedWords     = 8
)

// minhashSeeds are fixed so that the signature of a text never changes.
var minhashSeeds = func() [numHashes]uint64 {
	var s [numHashes]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = splitmix(x)
		s[i] = x
	}
	return s
}()

// splitmix is the SplitMix64 finalizer: a cheap, well-mixed permutation of
// 64-bit values, used to derive numHashes hash functions from one.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// signature is the MinHash signature of the word 5-shingles of ws, or nil
// when the text is too short to have one.
func signature(ws []word) []uint64 {
	if len(ws) < shingleWords {
		return nil
	}
	wh := make([]uint64, len(ws))
	for i, w := range ws {
		wh[i] = xxhash.Sum64String(w.lower)
	}
	sig := make([]uint64, numHashes)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for i := 0; i+shingleWords <= len(wh); i++ {
		h := wh[i]
		for k := 1; k < shingleWords; k++ {
			h = bits.RotateLeft64(h, 17)*0x100000001b3 ^ wh[i+k]
		}
		for j := range sig {
			if v := splitmix(h ^ minhashSeeds[j]); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// jaccard estimates the Jaccard index of the shingle sets behind two
// signatures.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// sentenceHashes hashes every long sentence of a document, outside its
// quotation marks, after folding case, diacritics and punctuation.
func sentenceHashes(text string, spans [][2]int) map[uint64]bool {
	out := map[uint64]bool{}
	for _, sp := range spans {
		plain := unquoted(text[sp[0]:sp[1]])
		ws := words(plain, 0, len(plain))
		if len(ws) < sharedWords {
			continue
		}
		parts := make([]string, len(ws))
		for i, w := range ws {
			parts[i] = w.lower
		}
		out[xxhash.Sum64String(strings.Join(parts, " "))] = true
	}
	return out
}

// unquoted drops the text between double quotation marks.
func unquoted(s string) string {
	if !strings.ContainsAny(s, "\"“”") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch r {
		case '"':
			in = !in
			continue
		case '“':
			in = true
			continue
		case '”':
			in = false
			continue
		}
		if !in {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unionFind groups article indexes.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u[rb] = ra
}

// assignOrigins groups near-duplicate articles and names each group after
// its earliest article (by publication time, unknown times last, then by
// article order).
func assignOrigins(arts []*article) {
	sigs := make([][]uint64, len(arts))
	sents := make([]map[uint64]bool, len(arts))
	for i, a := range arts {
		sigs[i] = signature(words(a.doc.Text, 0, len(a.doc.Text)))
		spans := make([][2]int, 0, len(a.doc.Sentences))
		for _, s := range a.doc.Sentences {
			if s.Span.Start >= 0 && s.Span.End <= len(a.doc.Text) && s.Span.Start < s.Span.End {
				spans = append(spans, [2]int{s.Span.Start, s.Span.End})
			}
		}
		sents[i] = sentenceHashes(a.doc.Text, spans)
	}
	u := newUnionFind(len(arts))
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			if jaccard(sigs[i], sigs[j]) >= sameOrigin || shared(sents[i], sents[j]) >= sharedSentences {
				u.union(i, j)
			}
		}
	}
	first := map[int]int{}
	for i, a := range arts {
		r := u.find(i)
		f, ok := first[r]
		if !ok || earlier(a, arts[f]) {
			first[r] = i
		}
	}
	for i, a := range arts {
		a.origin = arts[first[u.find(i)]].id
	}
}

func shared(a, b map[uint64]bool) int {
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for h := range a {
		if b[h] {
			n++
		}
	}
	return n
}

// earlier orders articles by publication time, unknown times last, then
// by their position.
func earlier(a, b *article) bool {
	az, bz := a.published.IsZero(), b.published.IsZero()
	switch {
	case az != bz:
		return bz
	case !az && !a.published.Equal(b.published):
		return a.published.Before(b.published)
	}
	return a.idx < b.idx
}
