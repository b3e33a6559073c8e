package cluster

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
	"github.com/kljensen/snowball/english"
	"github.com/parallax-news/parallax"
)

// Term is one feature of an article: a hashed stem or entity key with its
// raw count (title words count extra). Entity terms have the top bit of ID
// set, so the clusterer can weigh them apart from ordinary words.
type Term struct {
	ID    uint32
	Count float32
}

// entityBit marks entity terms; word terms keep it clear.
const entityBit = 1 << 31

// IsEntity reports whether t came from an entity key or a proper name.
func (t Term) IsEntity() bool { return t.ID&entityBit != 0 }

// titleCount is what one title word adds to its term's count: a headline
// names the event in few words, so each of them says more than a body word.
const titleCount = 2

// Tokens returns the byte spans of the word tokens of text: runs of letters
// and digits, with an apostrophe or a decimal point or thousands comma kept
// inside a token ("don't", "7.2", "1,200") but hyphens and all other
// punctuation splitting it.
func Tokens(text string) []parallax.Span {
	var out []parallax.Span
	forTokens(text, func(s, e int) { out = append(out, parallax.Span{Start: s, End: e}) })
	return out
}

// forTokens calls f with the start and end of each token of text; it is the
// allocation-free core of Tokens.
func forTokens(text string, f func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if start >= 0 && isJoiner(text, i, r, size) {
			i += size
			continue
		}
		if start >= 0 {
			f(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(start, len(text))
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether the rune at text[i:] continues the current token:
// an apostrophe between letters, or '.' or ',' between digits.
func isJoiner(text string, i int, r rune, size int) bool {
	if i == 0 || i+size >= len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	switch r {
	case '\'', '\u2019':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case '.', ',':
		return '0' <= prev && prev <= '9' && '0' <= next && next <= '9'
	}
	return false
}

// Features turns an article into clusterer input: stemmed content words of
// title and text (stop words dropped, title words counted extra), entity
// terms and a MinHash sketch of the text for near-duplicate detection.
//
// entities are cross-article entity keys such as parallax.Entity.Key; repeat
// a key to give it more weight. When entities is nil, Features falls back to
// proper names found by capitalization: capitalized words that do not open a
// sentence. Pass an empty, non-nil slice to have no entity terms at all.
//
// The Input's ID and Time are left for the caller to set. For a stream, a
// Featurizer does the same work faster.
func Features(title, text string, entities []string) Input {
	return NewFeaturizer().Features(title, text, entities)
}

// Featurizer computes Features with a bounded cache of stemmed words, which
// makes a stream of articles several times cheaper than stemming every word
// afresh. It is not safe for concurrent use.
type Featurizer struct {
	f featurizer
}

// maxStems bounds a Featurizer's stem cache; the cache is dropped when full.
const maxStems = 1 << 16

// NewFeaturizer returns a Featurizer with an empty cache.
func NewFeaturizer() *Featurizer {
	return &Featurizer{featurizer{
		counts: make(map[uint32]float32, 256),
		stems:  make(map[string]uint32, 1024),
	}}
}

// Features is the package-level Features with z's cache.
func (z *Featurizer) Features(title, text string, entities []string) Input {
	f := &z.f
	if len(f.stems) > maxStems {
		clear(f.stems)
	}
	clear(f.counts)
	// Headlines are often in title case, so capitals there say nothing
	// about names; names in a headline recur in the body anyway.
	f.add(title, titleCount, false)
	f.add(text, 1, entities == nil)
	for _, k := range entities {
		k = strings.TrimSpace(k)
		if k != "" {
			f.counts[entityID(strings.ToLower(k))]++
		}
	}
	in := Input{Title: title, Terms: make([]Term, 0, len(f.counts))}
	for id, c := range f.counts {
		in.Terms = append(in.Terms, Term{ID: id, Count: c})
	}
	slices.SortFunc(in.Terms, func(a, b Term) int { return cmpUint32(a.ID, b.ID) })
	sketchText := text
	if strings.TrimSpace(sketchText) == "" {
		sketchText = title
	}
	in.Sketch = MinHash(sketchText)
	return in
}

type featurizer struct {
	counts map[uint32]float32
	stems  map[string]uint32 // lower-cased word -> word term id
	buf    []byte
}

func (f *featurizer) add(text string, weight float32, names bool) {
	sentenceStart := true
	last := 0
	forTokens(text, func(s, e int) {
		opens := sentenceStart || opensSentence(text[last:s])
		last = e
		sentenceStart = false
		word := f.lower(text[s:e])
		word = trimPossessive(word)
		if len(word) < 2 || isStopWord(word) {
			return
		}
		id, ok := f.stems[string(word)]
		if !ok {
			w := string(word)
			id = wordID(stem(w))
			f.stems[w] = id
		}
		f.counts[id] += weight
		if names && !opens && isCapitalized(text[s:e]) {
			f.counts[entityID(string(word))] += weight
		}
	})
}

// lower returns tok lower-cased in f's scratch buffer.
func (f *featurizer) lower(tok string) []byte {
	f.buf = f.buf[:0]
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= utf8.RuneSelf {
			f.buf = append(f.buf[:0], strings.ToLower(tok)...)
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		f.buf = append(f.buf, c)
	}
	for i := 0; i+2 < len(f.buf); i++ { // fold the typographic apostrophe
		if f.buf[i] == 0xE2 && f.buf[i+1] == 0x80 && f.buf[i+2] == 0x99 {
			f.buf = append(f.buf[:i+1], f.buf[i+3:]...)
			f.buf[i] = '\''
		}
	}
	return f.buf
}

func trimPossessive(w []byte) []byte {
	if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
		return w[:n-2]
	}
	return w
}

// opensSentence reports whether the gap between two tokens ends a sentence
// or a line, so that the next capitalized word says nothing about names.
func opensSentence(gap string) bool {
	return strings.ContainsAny(gap, ".!?:\n\"`") || strings.Contains(gap, "\u201c")
}

func isCapitalized(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
}

func stem(w string) string {
	if w[0] >= '0' && w[0] <= '9' {
		return w
	}
	return english.Stem(w, false)
}

func wordID(stem string) uint32 {
	h := xxhash.Sum64String(stem)
	return uint32(h^h>>32) &^ entityBit
}

func entityID(key string) uint32 {
	h := xxhash.Sum64String(key)
	h = h*0x9E3779B97F4A7C15 ^ h>>29 // a different family from word ids
	return uint32(h^h>>32) | entityBit
}

func cmpUint32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// isStopWord reports whether w (lower case) carries no topic: function
// words, and the reporting verbs and time words every news story uses.
func isStopWord(w []byte) bool {
	_, ok := stopWords[string(w)]
	return ok
}

var stopWords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`a about above after again against all almost also although am among an and
	another any anyone anything are aren't around as at be became because become been before being below
	between both but by can can't cannot could couldn't did didn't do does doesn't doing don't done down
	during each either else ever every few for from further get gets got had hadn't has hasn't have haven't
	having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm
	i've if in into is isn't it it's its itself just least less let's like made make many may me might
	more most much must mustn't my myself neither no nor not now of off often on once one only onto or other
	others otherwise ought our ours ourselves out over own per perhaps quite rather really s said same say
	saying says shall shan't she she'd she'll she's should shouldn't since so some still such t than that
	that's the their theirs them themselves then there there's these they they'd they'll they're they've
	this those though through thus to told too toward towards under unless until up upon us very via was
	wasn't we we'd we'll we're we've were weren't what what's whatever when when's where where's whether
	which while who who's whom whose why why's will with within without won't would wouldn't yet you
	you'd you'll you're you've your yours yourself yourselves mr mrs ms according added adding tell
	telling asked told reported reporting news monday tuesday wednesday thursday friday saturday sunday
	today yesterday tomorrow http https www com html htm week weeks year years day days time last first new two three`) {
		m[w] = struct{}{}
	}
	return m
}()
