package cluster

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
)

// SketchSize is the number of MinHash values in a sketch. With 16 LSH bands
// of 4 values, pairs with Jaccard similarity 0.5 become candidates with
// probability 0.64 and pairs at 0.7 with probability 0.998.
const SketchSize = 64

const (
	lshBands     = 16
	lshRows      = SketchSize / lshBands
	shingleWords = 4
)

// MinHash returns the sketch of text: one-permutation MinHash over shingles
// of four consecutive lower-cased words (stop words kept, since copies keep
// them too), so that the share of equal positions in two sketches estimates
// the Jaccard similarity of their shingle sets. Text with no word gives nil.
//
// One hash per shingle is split into 64 bins by its top bits and each bin
// keeps its minimum; empty bins borrow from the next full one (rotation
// densification). That costs one hash per shingle instead of 64.
func MinHash(text string) []uint32 {
	var words []uint64
	var buf []byte
	forTokens(text, func(s, e int) {
		buf = buf[:0]
		for _, r := range text[s:e] {
			switch {
			case r == '\u2019':
				r = '\''
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case r >= utf8.RuneSelf:
				r = unicode.ToLower(r)
			}
			buf = utf8.AppendRune(buf, r)
		}
		words = append(words, xxhash.Sum64(buf))
	})
	if len(words) == 0 {
		return nil
	}
	var sig [SketchSize]uint32
	var full [SketchSize]bool
	n := len(words) - shingleWords + 1
	if n < 1 {
		n = 1
	}
	for i := 0; i < n; i++ {
		var h uint64 = 0x2545F4914F6CDD1D
		for _, w := range words[i:min(i+shingleWords, len(words))] {
			h = bits.RotateLeft64(h, 23) ^ w
			h *= 0x9E3779B97F4A7C15
		}
		h = mix64(h)
		bin, v := h>>(64-6), uint32(h)
		if !full[bin] || v < sig[bin] {
			sig[bin], full[bin] = v, true
		}
	}
	out := make([]uint32, SketchSize)
	for i := range sig {
		if full[i] {
			out[i] = sig[i]
			continue
		}
		for k := 1; k < SketchSize; k++ {
			if j := (i + k) % SketchSize; full[j] {
				out[i] = uint32(mix64(uint64(sig[j]) + uint64(k)*0xD6E8FEB86659FD93))
				break
			}
		}
	}
	return out
}

// Resemblance estimates the Jaccard similarity of the shingle sets behind
// two sketches: the share of equal positions. It is 0 when either is nil.
func Resemblance(a, b []uint32) float64 {
	if len(a) != SketchSize || len(b) != SketchSize {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / SketchSize
}

func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xFF51AFD7ED558CCD
	h ^= h >> 33
	h *= 0xC4CEB9FE1A85EC53
	h ^= h >> 33
	return h
}

// bandKey hashes band b of a sketch.
func bandKey(sig []uint32, b int) uint64 {
	h := uint64(b+1) * 0x9E3779B97F4A7C15
	for _, v := range sig[b*lshRows : (b+1)*lshRows] {
		h = mix64(h ^ uint64(v))
	}
	return h
}
