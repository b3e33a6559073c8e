package reconcile

import (
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax"
)

// entity is one referent merged across articles.
type entity struct {
	key      string
	name     string
	typ      string
	title    string
	aliases  []string
	articles []int // article indexes, sorted
	mentions int
}

// member is one article's entity inside a merged entity.
type member struct{ art, ent int }

// mergeEntities merges the entities of all articles by Key, then folds a
// shorter key into the one longer key that ends with it ("zelensky" into
// "volodymyr zelensky") when exactly one candidate exists, and sets each
// article's ents map. It returns the merged entities in output order: most
// mentioned first, then by name.
func mergeEntities(arts []*article) []*entity {
	byKey := map[string][]member{}
	for ai, a := range arts {
		a.ents = make([]int, len(a.doc.Entities))
		for ei, e := range a.doc.Entities {
			a.ents[ei] = -1
			k := entityKey(e)
			if k == "" {
				continue
			}
			if e.Type == parallax.Person {
				k = transliterationKey(k)
			}
			byKey[k] = append(byKey[k], member{ai, ei})
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	types := make([]parallax.EntityType, len(keys))
	byLast := map[string][]int{}
	for i, k := range keys {
		counts := map[parallax.EntityType]int{}
		for _, m := range byKey[k] {
			counts[arts[m.art].doc.Entities[m.ent].Type]++
		}
		types[i] = mostCommon(counts)
		if f := strings.Fields(k); len(f) > 0 {
			byLast[f[len(f)-1]] = append(byLast[f[len(f)-1]], i)
		}
	}
	// Longer keys merge first, so that a surname whose full names are
	// already one entity counts one candidate.
	byLen := make([]int, len(keys))
	for i := range byLen {
		byLen[i] = i
	}
	sort.SliceStable(byLen, func(a, b int) bool {
		return len(strings.Fields(keys[byLen[a]])) > len(strings.Fields(keys[byLen[b]]))
	})
	u := newUnionFind(len(keys))
	for _, i := range byLen {
		k := keys[i]
		t := types[i]
		toks := strings.Fields(k)
		if t == parallax.Place || len(toks) == 0 {
			continue
		}
		roots := map[int]bool{}
		cand := -1
		for _, j := range byLast[toks[len(toks)-1]] {
			toks2 := strings.Fields(keys[j])
			if len(toks2) <= len(toks) || !slices.Equal(toks2[len(toks2)-len(toks):], toks) {
				continue
			}
			if t != "" && types[j] != "" && t != types[j] {
				continue
			}
			cand = j
			roots[u.find(j)] = true
		}
		if len(roots) == 1 {
			u.union(i, cand)
		}
	}
	groups := map[int][]member{}
	for i, k := range keys {
		r := u.find(i)
		groups[r] = append(groups[r], byKey[k]...)
	}
	var out []*entity
	owners := [][]member{}
	for r := range keys {
		ms, ok := groups[r]
		if !ok {
			continue
		}
		out = append(out, summarize(arts, keys[r], ms))
		owners = append(owners, ms)
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := out[order[i]], out[order[j]]
		if a.mentions != b.mentions {
			return a.mentions > b.mentions
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.key < b.key
	})
	sorted := make([]*entity, len(out))
	for gid, oi := range order {
		sorted[gid] = out[oi]
		for _, m := range owners[oi] {
			arts[m.art].ents[m.ent] = gid
		}
	}
	return sorted
}

// entityKey is the entity's cross-article key: the entity stage's Key, or
// a local fold of its name.
func entityKey(e parallax.Entity) string {
	if e.Key != "" {
		return e.Key
	}
	if e.Name != "" {
		return localKey(e.Name)
	}
	if len(e.Aliases) > 0 {
		return localKey(e.Aliases[0])
	}
	return ""
}

// transliterationKey folds the spellings that transliterations of one
// personal name differ by, word by word: an initial "Ye" written as "E"
// (Yevgenia, Evgenia; Yelena, Elena) and doubled letters written single
// (Mohammed, Mohamed). Words of three letters or fewer stay as they are.
func transliterationKey(key string) string {
	f := strings.Fields(key)
	for i, w := range f {
		f[i] = foldTransliteration(w)
	}
	return strings.Join(f, " ")
}

func foldTransliteration(w string) string {
	r := []rune(w)
	if len(r) <= 3 {
		return w
	}
	if r[0] == 'y' && r[1] == 'e' {
		r = r[1:]
	}
	out := r[:1]
	for _, x := range r[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return string(out)
}

// summarize builds the merged view of the member entities.
func summarize(arts []*article, key string, ms []member) *entity {
	e := &entity{key: key}
	names := map[string]int{}
	types := map[parallax.EntityType]int{}
	titles := map[string]int{}
	aliases := map[string]bool{}
	seen := map[int]bool{}
	for _, m := range ms {
		de := arts[m.art].doc.Entities[m.ent]
		if de.Name != "" {
			names[de.Name]++
			aliases[de.Name] = true
		}
		types[de.Type]++
		if de.Title != "" {
			titles[de.Title]++
		}
		for _, a := range de.Aliases {
			if a != "" {
				aliases[a] = true
			}
		}
		e.mentions += len(de.Mentions)
		if !seen[m.art] {
			seen[m.art] = true
			e.articles = append(e.articles, m.art)
		}
	}
	sort.Ints(e.articles)
	// The name is the longest form, and among equally long forms the one
	// most articles use.
	best, bestWords, bestCount := "", -1, -1
	for n, c := range names {
		w := len(strings.Fields(n))
		if w > bestWords || (w == bestWords && (c > bestCount || (c == bestCount && n < best))) {
			best, bestWords, bestCount = n, w, c
		}
	}
	if best == "" {
		for a := range aliases {
			if best == "" || len(a) > len(best) || (len(a) == len(best) && a < best) {
				best = a
			}
		}
	}
	e.name = best
	e.typ = string(mostCommon(types))
	e.title = mostCommon(titles)
	for a := range aliases {
		e.aliases = append(e.aliases, a)
	}
	sort.Strings(e.aliases)
	return e
}

// mostCommon returns the most frequent non-zero key, ties broken by the
// smaller key.
func mostCommon[K ~string](counts map[K]int) K {
	var best K
	bc := 0
	for k, c := range counts {
		if k == "" {
			continue
		}
		if c > bc || (c == bc && k < best) {
			best, bc = k, c
		}
	}
	return best
}
