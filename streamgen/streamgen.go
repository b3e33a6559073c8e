// Package streamgen owns a deterministic generator of synthetic news
// streams: timestamped articles about many concurrent stories, with the gold
// story of every article and the gold origin of syndicated copies, for
// testing and benchmarking online story clustering.
//
// Stories start spread over the stream's span, have heavy-tailed sizes and
// bursty lifetimes (most articles early, a thinning tail). Each story has
// its own names, place, organization and a coined name, drawn over a
// category's topical words (several stories of a category run at once and
// share those words) mixed with general news vocabulary. A share of the
// articles are syndicated copies of an earlier article of the same story,
// lightly edited: another outlet, some swapped words, a dropped sentence,
// an added credit line. The same Config always gives the same stream.
package streamgen

import (
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// Config describes a stream. Zero fields take their defaults.
type Config struct {
	Seed     uint64
	Articles int // articles in the stream; default 1000
	// Stories is the number of stories; default Articles/20 (at least 1).
	Stories int
	Start   time.Time     // default 2026-01-05 00:00 UTC
	Span    time.Duration // over which stories start; default 30 days
	// Lifetime is the mean time scale of a story's burst: its articles
	// after the first arrive as exponential times with this mean (drawn
	// per story between a quarter and three times it). Default 24h.
	Lifetime time.Duration
	// CopyShare is the share of articles that copy an earlier article of
	// the same story; default 0.15. Negative means none.
	CopyShare float64
}

func (c Config) withDefaults() Config {
	if c.Articles <= 0 {
		c.Articles = 1000
	}
	if c.Stories <= 0 {
		c.Stories = max(1, c.Articles/20)
	}
	c.Stories = min(c.Stories, c.Articles)
	if c.Start.IsZero() {
		c.Start = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	}
	if c.Span <= 0 {
		c.Span = 30 * 24 * time.Hour
	}
	if c.Lifetime <= 0 {
		c.Lifetime = 24 * time.Hour
	}
	if c.CopyShare == 0 {
		c.CopyShare = 0.15
	}
	return c
}

// Item is one generated article with its gold labels.
type Item struct {
	Article parallax.Article
	Story   string // gold story id
	// Origin is the id of the article this one copies (the first of the
	// copy chain), or the article's own id.
	Origin string
}

// Stream produces the articles of a Config in publication order, holding
// only the stories in progress.
type Stream struct {
	cfg     Config
	sizes   []int32
	next    int // next story to start
	emitted int
	live    storyHeap
}

// New returns the stream described by cfg.
func New(cfg Config) *Stream {
	cfg = cfg.withDefaults()
	s := &Stream{cfg: cfg, sizes: storySizes(cfg)}
	return s
}

// Generate returns the whole stream of cfg.
func Generate(cfg Config) []Item {
	s := New(cfg)
	var out []Item
	for {
		it, ok := s.Next()
		if !ok {
			return out
		}
		out = append(out, it)
	}
}

// storySizes draws heavy-tailed story sizes (Pareto, capped) that add up to
// exactly cfg.Articles.
func storySizes(cfg Config) []int32 {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x51e5))
	w := make([]float64, cfg.Stories)
	var sum float64
	for i := range w {
		w[i] = min(math.Pow(1-rng.Float64(), -1/1.6), 60)
		sum += w[i]
	}
	sizes := make([]int32, cfg.Stories)
	total := 0
	spare := cfg.Articles - cfg.Stories
	for i := range sizes {
		sizes[i] = 1 + int32(w[i]/sum*float64(spare))
		total += int(sizes[i])
	}
	for total < cfg.Articles {
		sizes[rng.IntN(len(sizes))]++
		total++
	}
	return sizes
}

// Next returns the next article in time order; false at the end.
func (s *Stream) Next() (Item, bool) {
	if s.emitted >= s.cfg.Articles {
		return Item{}, false
	}
	// Start every story whose first article comes before the earliest
	// pending one.
	for s.next < len(s.sizes) && (len(s.live) == 0 || !s.startOf(s.next).After(s.live[0].t)) {
		st := s.newStory(s.next)
		s.next++
		heap.Push(&s.live, st)
	}
	st := s.live[0]
	it := st.article(s.cfg, s.emitted)
	s.emitted++
	if st.k++; st.k >= st.n {
		heap.Pop(&s.live)
	} else {
		// Exponential order statistics: with m arrivals left the next gap
		// is Exp(1)/m times the scale, so early articles bunch together.
		m := float64(st.n - st.k)
		gap := st.rng.ExpFloat64() / m * float64(st.scale)
		st.t = st.t.Add(time.Duration(gap))
		heap.Fix(&s.live, 0)
	}
	return it, true
}

// startOf spreads story starts evenly over the span, one per stratum, so
// they come in order without being drawn up front.
func (s *Stream) startOf(i int) time.Time {
	rng := rand.New(rand.NewPCG(s.cfg.Seed^0xa11ce, uint64(i)))
	frac := (float64(i) + rng.Float64()) / float64(len(s.sizes))
	return s.cfg.Start.Add(time.Duration(frac * float64(s.cfg.Span)))
}

type liveStory struct {
	gold  string
	rng   *rand.Rand
	n, k  int
	t     time.Time
	scale time.Duration
	cat   *category
	topic []string // the story's own topical words, a subset of the category's
	first []string
	last  []string
	nouns []string // the story's own subject matter
	place string
	org   string
	coin  string
	nums  []int
	day   string
	// recent articles, for copies
	recent []Item
}

func (s *Stream) newStory(i int) *liveStory {
	rng := rand.New(rand.NewPCG(s.cfg.Seed, uint64(i)+1))
	st := &liveStory{
		gold: "g" + strconv.Itoa(i+1),
		rng:  rng,
		n:    int(s.sizes[i]),
		t:    s.startOf(i),
		cat:  &categories[rng.IntN(len(categories))],
	}
	st.scale = time.Duration((0.25 + 2.75*rng.Float64()) * float64(s.cfg.Lifetime))
	perm := rng.Perm(len(st.cat.words))
	for _, j := range perm[:8] {
		st.topic = append(st.topic, st.cat.words[j])
	}
	for range 2 + rng.IntN(2) {
		// Real news names thousands of people; a short list alone would
		// make unrelated stories share surnames far too often.
		last := coined(rng)
		if rng.IntN(3) == 0 {
			last = pick(rng, surnames)
		}
		st.first = append(st.first, pick(rng, firstNames))
		st.last = append(st.last, last)
	}
	for range 4 {
		st.nouns = append(st.nouns, pick(rng, concreteNouns))
	}
	st.place = pick(rng, places)
	st.org = pick(rng, places) + " " + pick(rng, orgSuffixes)
	st.coin = coined(rng)
	for range 3 {
		st.nums = append(st.nums, 2+rng.IntN(400))
	}
	st.day = pick(rng, weekdays)
	return st
}

func pick(rng *rand.Rand, words []string) string { return words[rng.IntN(len(words))] }

// coined makes a pronounceable invented name, the kind of rare word (an
// operation, a storm, a product) that marks one story.
func coined(rng *rand.Rand) string {
	const cons, vows = "bdfgklmnprstvz", "aeiou"
	var b strings.Builder
	for i := range 2 + rng.IntN(2) {
		c := cons[rng.IntN(len(cons))]
		if i == 0 {
			c -= 'a' - 'A'
		}
		b.WriteByte(c)
		b.WriteByte(vows[rng.IntN(len(vows))])
	}
	b.WriteByte(cons[rng.IntN(len(cons))])
	return b.String()
}

func (st *liveStory) article(cfg Config, seq int) Item {
	rng := st.rng
	id := fmt.Sprintf("a%07d", seq+1)
	if len(st.recent) > 0 && rng.Float64() < cfg.CopyShare {
		return st.copyOf(st.recent[rng.IntN(len(st.recent))], id)
	}
	var body strings.Builder
	sentences := 6 + rng.IntN(10)
	for p := 0; p < sentences; p++ {
		pat := pick(rng, storyPatterns)
		if rng.Float64() < 0.35 {
			pat = pick(rng, generalPatterns)
		}
		if p > 0 {
			if rng.IntN(3) == 0 {
				body.WriteString("\n\n")
			} else {
				body.WriteByte(' ')
			}
		}
		body.WriteString(st.fill(pat))
	}
	it := Item{
		Article: parallax.Article{
			ID:        id,
			Source:    pick(rng, outlets),
			Title:     st.fill(pick(rng, st.cat.headlines)),
			Published: st.t,
			Body:      body.String(),
		},
		Story:  st.gold,
		Origin: id,
	}
	st.remember(it)
	return it
}

// copyOf makes a lightly edited syndicated copy of orig.
func (st *liveStory) copyOf(orig Item, id string) Item {
	rng := st.rng
	a := orig.Article
	a.ID = id
	a.Published = st.t
	source := a.Source
	for a.Source == source {
		a.Source = pick(rng, outlets)
	}
	if rng.IntN(2) == 0 {
		a.Title = st.fill(pick(rng, st.cat.headlines))
	}
	words := strings.Split(a.Body, " ")
	if len(words) > 20 && rng.IntN(2) == 0 { // drop the last sentence-ish tail
		words = words[:len(words)-len(words)/8]
	}
	for i, w := range words {
		if r, ok := swaps[w]; ok && rng.IntN(2) == 0 {
			words[i] = r
		}
	}
	a.Body = strings.Join(words, " ") + "\n\n" +
		strings.ReplaceAll(pick(rng, taglines), "{S}", source)
	it := Item{Article: a, Story: st.gold, Origin: orig.Origin}
	st.remember(it)
	return it
}

func (st *liveStory) remember(it Item) {
	if len(st.recent) < 3 {
		st.recent = append(st.recent, it)
		return
	}
	st.recent[st.rng.IntN(3)] = it
}

// fill replaces the slots of a pattern.
func (st *liveStory) fill(pat string) string {
	rng := st.rng
	var b strings.Builder
	for {
		i := strings.IndexByte(pat, '{')
		if i < 0 || i+2 >= len(pat) || pat[i+2] != '}' {
			b.WriteString(pat)
			return b.String()
		}
		b.WriteString(pat[:i])
		switch pat[i+1] {
		case 'P':
			b.WriteString(pick(rng, st.last))
		case 'F':
			j := rng.IntN(len(st.first))
			b.WriteString(st.first[j] + " " + st.last[j])
		case 'L':
			b.WriteString(st.place)
		case 'O':
			b.WriteString(st.org)
		case 'C':
			b.WriteString(st.coin)
		case 'T':
			if rng.IntN(4) == 0 {
				b.WriteString(pick(rng, st.cat.words))
			} else {
				b.WriteString(pick(rng, st.topic))
			}
		case 'S':
			b.WriteString(pick(rng, st.nouns))
		case 'N':
			b.WriteString(strconv.Itoa(st.nums[rng.IntN(len(st.nums))]))
		case 'G':
			b.WriteString(pick(rng, generalWords))
		case 'V':
			b.WriteString(pick(rng, generalVerbs))
		case 'D':
			b.WriteString(st.day)
		default:
			b.WriteString(pat[i : i+3])
		}
		pat = pat[i+3:]
	}
}

type storyHeap []*liveStory

func (h storyHeap) Len() int { return len(h) }
func (h storyHeap) Less(i, j int) bool {
	if !h[i].t.Equal(h[j].t) {
		return h[i].t.Before(h[j].t)
	}
	return h[i].gold < h[j].gold
}
func (h storyHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *storyHeap) Push(x any)   { *h = append(*h, x.(*liveStory)) }
func (h *storyHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return x
}

// record is the JSON Lines form of an Item: the article fields the input
// adapter reads plus the gold labels.
type record struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Published time.Time `json:"published"`
	Body      string    `json:"body"`
	Story     string    `json:"story"`
	Origin    string    `json:"origin"`
}

// WriteJSONL writes the stream of cfg to w, one JSON object per line.
func WriteJSONL(w io.Writer, cfg Config) error {
	s := New(cfg)
	enc := json.NewEncoder(w)
	for {
		it, ok := s.Next()
		if !ok {
			return nil
		}
		a := it.Article
		if err := enc.Encode(record{a.ID, a.Source, a.Title, a.Published, a.Body, it.Story, it.Origin}); err != nil {
			return fmt.Errorf("write article %s: %w", a.ID, err)
		}
	}
}
