package entity

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
)

// Merge clusters entities from many articles with Group and returns one
// canonical entity per cluster, in cluster order, with the cluster number
// of each input entity.
//
// A canonical entity takes the fullest name (for a person the most words
// once titles are set aside, then the spelling most articles use:
// "Volodymyr Zelenskyy" over "Volodymyr Zelensky" when more articles write
// it so), the type and title most members carry, and every name and alias
// of every member, first seen first, so that spelling variants ("Kiev",
// "Zelensky") stay visible. Mentions are left empty: spans point into one
// article's text and mean nothing across articles.
func Merge(ents []parallax.Entity) (merged []parallax.Entity, groups []int) {
	groups = Group(ents)
	n := 0
	for _, g := range groups {
		n = max(n, g+1)
	}
	members := make([][]int, n)
	for i, g := range groups {
		members[g] = append(members[g], i)
	}
	merged = make([]parallax.Entity, n)
	for g, ms := range members {
		merged[g] = canonical(ents, ms)
	}
	return merged, groups
}

// canonical builds the merged view of the members ms of one cluster.
func canonical(ents []parallax.Entity, ms []int) parallax.Entity {
	types := map[parallax.EntityType]int{}
	names := map[string]int{}
	titles := map[string]int{}
	var aliases []string
	addAlias := func(a string) {
		if a != "" && !slices.Contains(aliases, a) {
			aliases = append(aliases, a)
		}
	}
	for _, i := range ms {
		e := ents[i]
		types[e.Type]++
		names[bareName(e)]++
		if e.Title != "" {
			titles[e.Title]++
		}
		addAlias(e.Name)
		for _, a := range e.Aliases {
			addAlias(a)
		}
	}
	typ := best(types, func(a, b parallax.EntityType) bool {
		if types[a] != types[b] {
			return types[a] > types[b]
		}
		if typeRank(a) != typeRank(b) {
			return typeRank(a) > typeRank(b)
		}
		return a < b
	})
	name := best(names, func(a, b string) bool {
		wa, wb := len(strings.Fields(a)), len(strings.Fields(b))
		if typ == parallax.Person && wa != wb {
			return wa > wb
		}
		if names[a] != names[b] {
			return names[a] > names[b]
		}
		if wa != wb {
			return wa > wb
		}
		if ia, ib := firstIndex(aliases, a), firstIndex(aliases, b); ia != ib {
			return ia < ib
		}
		return a < b
	})
	title := best(titles, func(a, b string) bool {
		if titles[a] != titles[b] {
			return titles[a] > titles[b]
		}
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	key := Key(name)
	if typ == parallax.Person {
		// One key per cluster, the one Group used for its fullest name.
		key = referentKey(parallax.Entity{Name: name, Type: typ})
	}
	return parallax.Entity{Name: name, Type: typ, Title: title, Aliases: aliases, Key: key}
}

// best returns the key of m that beats every other by better, which must be
// a strict total order; the zero value when m is empty.
func best[K comparable](m map[K]int, better func(a, b K) bool) K {
	var out K
	first := true
	for k := range m {
		if first || better(k, out) {
			out, first = k, false
		}
	}
	return out
}

// typeRank breaks type ties: a seat of power typed Government by one
// producer and Organization by another speaks for a state.
func typeRank(t parallax.EntityType) int {
	switch t {
	case parallax.Government:
		return 3
	case parallax.Person:
		return 2
	case parallax.Organization:
		return 1
	}
	return 0
}

func firstIndex(xs []string, s string) int {
	if i := slices.Index(xs, s); i >= 0 {
		return i
	}
	return len(xs)
}
