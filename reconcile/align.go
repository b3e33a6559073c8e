package reconcile

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
)

// Alignment. A claim has three TF-IDF vectors: its content concepts
// (stems mapped through the synonym table), the merged entities it
// mentions, and the dimensions and units of its quantities with its
// resolved dates. Two claims' similarity is a weighted mean of the three
// cosines, where the entity and number parts count only when both claims
// have some: a claim that names no one is not evidence against a match,
// but two claims about different people are. Words weigh most, and two
// claims must share some content words at all, so that neither a common
// entity nor a common number glues different facts ("a 30-day pause in
// energy strikes" is not "a 30-day full ceasefire").
const (
	wordPart     = 0.65
	entityPart   = 0.25
	numberPart   = 0.15
	minWordSim   = 0.12
	placeWeight  = 0.5 // places say where a story is, rarely which fact
	datePerQuant = 0.5 // a date counts less than a quantity
	// anchorBefore and anchorAfter are how many content words around a
	// quantity say what it counts.
	anchorBefore = 3
	anchorAfter  = 3
	anchorWeight = 1.5 // what a number counts identifies a fact well
	anchorDecay  = 0.5 // and the nearest words say it best
	nearRank     = 1   // the two nearest content words on each side
	// sameFact is the similarity above which two claims of different
	// articles may state the same fact; linkFact is the average
	// similarity a claim must keep with every claim of the fact it joins.
	sameFact = 0.28
	linkFact = 0.2
)

// term is one weighted feature of a sparse claim vector.
type term struct {
	id int32
	w  float64
}

// vector is a sparse, L2-normalized feature vector sorted by term id.
type vector []term

func dot(a, b vector) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id == b[j].id:
			s += a[i].w * b[j].w
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return s
}

// claimRec is one claim of one article, with what alignment needs.
type claimRec struct {
	art  int // index into the sorted articles
	c    parallax.Claim
	text string
	ws   []word // the words of the claim, offsets into the document text
	ents []int  // merged entity ids, sorted
	// src is the merged entity the claim is credited to, or -1; srcKey
	// and srcName identify the cited source, an entity or a source the
	// entity stage did not resolve ("the regional health ministry"),
	// and are empty for the outlet's own voice.
	src             int
	srcKey, srcName string
	// anchors are the content concepts around each quantity (by index
	// into the document's quantities): what the number counts.
	anchors map[int]map[string]bool
	// near are the anchors next to each quantity (nearRank words each
	// side), used to find one figure across facts.
	near map[int]map[string]bool
	// figs are the holder and year of each quantity (by index into the
	// document's quantities).
	figs map[int]figure
	// words, names and numbers are the normalized feature vectors.
	words, names, numbers vector
	// fact is the index of the fact group the claim belongs to; echo marks
	// a claim that restates a fact its article already contributes to.
	fact int
	echo bool
}

// similarity is how likely two claims state the same fact, in [0, 1].
func similarity(a, b *claimRec) float64 {
	ws := dot(a.words, b.words)
	if ws < minWordSim {
		return ws * wordPart
	}
	sum, weight := wordPart*ws, wordPart
	if len(a.names) > 0 && len(b.names) > 0 {
		sum += entityPart * dot(a.names, b.names)
		weight += entityPart
	}
	if len(a.numbers) > 0 && len(b.numbers) > 0 {
		sum += numberPart * dot(a.numbers, b.numbers)
		weight += numberPart
	}
	return sum / weight
}

// vectorize builds the feature vectors of every claim, weighing features
// by inverse document frequency over all claims.
func vectorize(st *stemmer, arts []*article, ents []*entity, claims []*claimRec) {
	raw := make([][3]map[string]float64, len(claims))
	df := map[string]int{}
	for i, cr := range claims {
		a := arts[cr.art]
		f := [3]map[string]float64{{}, {}, {}}
		add := func(part int) func(string, float64) {
			return func(k string, w float64) {
				if w > f[part][k] {
					f[part][k] = w
				}
			}
		}
		// The words of names, numbers and dates are features of their
		// own; counting them as words too would count them twice.
		mentions := mentionSpans(a.doc, cr.c.Entities)
		for _, qi := range cr.c.Quantities {
			if qi >= 0 && qi < len(a.qs) {
				mentions = append(mentions, a.qs[qi].Span)
			}
		}
		for _, di := range cr.c.Dates {
			if di >= 0 && di < len(a.doc.Dates) {
				mentions = append(mentions, a.doc.Dates[di].Span)
			}
		}
		skip := func(s, e int) bool {
			for _, m := range mentions {
				if s < m.End && m.Start < e {
					return true
				}
			}
			return false
		}
		ws := cr.ws
		var concepts, counted []concept
		st.contentWords(ws, skip, func(c string, at int, w float64) {
			add(0)(c, w)
			// Capitalized words inside the sentence are names the entity
			// stage missed ("the Lower Quay and Millbrook districts"); they
			// say where or who, not what a number counts.
			r := []rune(ws[at].text)[0]
			if w == 1 && (at == 0 || !unicode.IsUpper(r)) {
				concepts = append(concepts, concept{c, at})
				// Nor does a speech verb say what a number counts: "212
				// votes, the commission said" and "fewer than 100 votes, the
				// campaign said" share the saying, not the thing counted. It
				// still helps align rival attributed figures as words.
				if c != speechConcept {
					counted = append(counted, concept{c, at})
				}
			}
		})
		// Who a claim is credited to is not what it says: the company and
		// the ministry giving rival counts still state one fact.
		for _, g := range cr.ents {
			if g == cr.src {
				continue
			}
			w := 1.0
			if ents[g].typ == string(parallax.Place) {
				w = placeWeight
			}
			add(1)("e"+strconv.Itoa(g), w)
		}
		// A quantity is anchored to the words around it: "3,000 people
		// were evacuated" and "evacuate 1,200 residents" share the anchor
		// count:person~evacuate, which "22 people were hospitalized" does
		// not.
		for _, qi := range cr.c.Quantities {
			if qi < 0 || qi >= len(a.qs) {
				continue
			}
			q := a.qs[qi]
			k := quantityKey(q)
			add(2)("q"+k, 1)
			first, last := -1, -1
			for i, w := range ws {
				if w.start < q.Span.End && q.Span.Start < w.end {
					if first < 0 {
						first = i
					}
					last = i
				}
			}
			if first < 0 {
				continue
			}
			if cr.anchors == nil {
				cr.anchors = map[int]map[string]bool{}
			}
			cr.anchors[qi] = map[string]bool{}
			if cr.near == nil {
				cr.near = map[int]map[string]bool{}
			}
			cr.near[qi] = map[string]bool{}
			for _, a := range anchors(concepts, first, last) {
				add(0)("\x00"+k+"~"+a.c, anchorWeight*math.Pow(anchorDecay, float64(a.at)))
			}
			for _, a := range anchors(counted, first, last) {
				cr.anchors[qi][a.c] = true
				if a.at <= nearRank {
					cr.near[qi][a.c] = true
				}
			}
			// A counted subject's predicate says what happened to it even
			// when a long modifier separates them: "Some 3,000 residents of
			// the Lower Quay and Millbrook districts were evacuated".
			if p, ok := predicate(a.doc.Text, ws, concepts, last); ok {
				cr.anchors[qi][p] = true
				cr.near[qi][p] = true
				add(0)("\x00"+k+"~"+p, anchorWeight)
			}
		}
		for _, di := range cr.c.Dates {
			if di >= 0 && di < len(a.doc.Dates) {
				if d := a.doc.Dates[di]; resolved(d) {
					add(2)("d"+formatDate(d), datePerQuant)
				}
			}
		}
		raw[i] = f
		for p := range f {
			for k := range f[p] {
				df[strconv.Itoa(p)+k]++
			}
		}
	}
	ids := make(map[string]int32, len(df))
	keys := make([]string, 0, len(df))
	for k := range df {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		ids[k] = int32(i)
	}
	n := float64(len(claims))
	for i, f := range raw {
		var vs [3]vector
		for p := range f {
			v := make(vector, 0, len(f[p]))
			norm := 0.0
			for k, w := range f[p] {
				pk := strconv.Itoa(p) + k
				x := w * math.Log(1+n/float64(df[pk]))
				v = append(v, term{ids[pk], x})
				norm += x * x
			}
			if norm > 0 {
				norm = math.Sqrt(norm)
				for j := range v {
					v[j].w /= norm
				}
			}
			sort.Slice(v, func(a, b int) bool { return v[a].id < v[b].id })
			vs[p] = v
		}
		claims[i].words, claims[i].names, claims[i].numbers = vs[0], vs[1], vs[2]
	}
}

// passiveAux are the auxiliaries that put a participle after a counted
// subject.
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "be": true, "is": true, "are": true}

// predicate returns the content concept of the participle that follows a
// quantity's subject phrase through an auxiliary within a few words
// ("... residents of the three districts were evacuated"). It stops at
// clause punctuation so it never reaches into another clause.
func predicate(text string, ws []word, cs []concept, last int) (string, bool) {
	const reach = 10
	for i := last + 1; i < len(ws) && i <= last+reach; i++ {
		if clauseBreakBefore(text, ws, i) {
			return "", false
		}
		if !passiveAux[ws[i].lower] {
			continue
		}
		for _, c := range cs {
			if c.at > i && c.at <= i+2 {
				return c.c, true
			}
		}
		return "", false
	}
	return "", false
}

// clauseBreakBefore reports whether a semicolon, colon, bracket or dash separates
// word i from the word before it.
func clauseBreakBefore(text string, ws []word, i int) bool {
	if i == 0 || ws[i-1].end > ws[i].start || ws[i].start > len(text) {
		return false
	}
	// Commas do not break: they separate list items inside the subject
	// phrase ("the Lower Quay, Millbrook and Station districts").
	return strings.ContainsAny(text[ws[i-1].end:ws[i].start], ";:()") || strings.Contains(text[ws[i-1].end:ws[i].start], " - ")
}

// speechConcept is the concept of the speech verbs (the head of their
// synonym class).
const speechConcept = "say"

// concept is a content concept at a word index of its claim.
type concept struct {
	c  string
	at int
}

// anchors returns the content concepts nearest a quantity that spans
// words first..last: up to anchorBefore before it and anchorAfter after,
// each with its rank by distance (0 for the nearest) in at.
func anchors(cs []concept, first, last int) []concept {
	var out []concept
	n := 0
	for i := len(cs) - 1; i >= 0 && n < anchorBefore; i-- {
		if cs[i].at < first {
			out = append(out, concept{cs[i].c, n})
			n++
		}
	}
	n = 0
	for _, c := range cs {
		if c.at > last && n < anchorAfter {
			out = append(out, concept{c.c, n})
			n++
		}
	}
	return out
}

// mentionSpans returns the mentions of the given entities.
func mentionSpans(d *parallax.Document, ents []int) []parallax.Span {
	var out []parallax.Span
	for _, e := range ents {
		if e >= 0 && e < len(d.Entities) {
			out = append(out, d.Entities[e].Mentions...)
		}
	}
	return out
}

// group is a fact in the making: claims from distinct articles.
type group struct {
	claims []int
	arts   map[int]bool
}

// align groups the claims into facts: agglomerative clustering over the
// pairs of claims of different articles, most similar first, where a merge
// needs the average similarity across the two groups to stay above
// linkFact and the groups to share no article (a fact takes one claim per
// article, the best matching one since pairs come best first). A leftover
// claim whose article already has a claim in a fact it matches becomes an
// echo of that fact rather than a fact of its own. It returns the groups
// in order of their first claim.
func align(claims []*claimRec) [][]int {
	type pair struct {
		i, j int
		s    float64
	}
	var pairs []pair
	for i := range claims {
		for j := i + 1; j < len(claims); j++ {
			if claims[i].art == claims[j].art {
				continue
			}
			if s := similarity(claims[i], claims[j]); s >= sameFact {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].s != pairs[b].s {
			return pairs[a].s > pairs[b].s
		}
		if pairs[a].i != pairs[b].i {
			return pairs[a].i < pairs[b].i
		}
		return pairs[a].j < pairs[b].j
	})
	of := make([]int, len(claims))
	groups := make([]*group, len(claims))
	for i, c := range claims {
		of[i] = i
		groups[i] = &group{claims: []int{i}, arts: map[int]bool{c.art: true}}
	}
	link := func(a, b *group) float64 {
		s := 0.0
		for _, i := range a.claims {
			for _, j := range b.claims {
				s += similarity(claims[i], claims[j])
			}
		}
		return s / float64(len(a.claims)*len(b.claims))
	}
	for _, p := range pairs {
		gi, gj := of[p.i], of[p.j]
		if gi == gj {
			continue
		}
		a, b := groups[gi], groups[gj]
		if sharesArticle(a, b) || link(a, b) < linkFact {
			continue
		}
		if gj < gi {
			gi, gj = gj, gi
			a, b = b, a
		}
		a.claims = append(a.claims, b.claims...)
		for k := range b.arts {
			a.arts[k] = true
		}
		for _, c := range b.claims {
			of[c] = gi
		}
		groups[gj] = nil
	}
	var out [][]int
	for _, g := range groups {
		if g != nil {
			sort.Ints(g.claims)
			out = append(out, g.claims)
		}
	}
	// Echoes: a single claim that matches a fact its own article already
	// contributes to restates that fact.
	for gi, g := range out {
		if len(g) != 1 {
			continue
		}
		c := claims[g[0]]
		best, bestS := -1, 0.0
		for hi, h := range out {
			if len(h) < 2 {
				continue
			}
			has := false
			s := 0.0
			for _, k := range h {
				has = has || claims[k].art == c.art
				s += similarity(c, claims[k])
			}
			s /= float64(len(h))
			if has && s >= sameFact && s > bestS {
				best, bestS = hi, s
			}
		}
		c.fact = gi
		if best >= 0 {
			c.echo = true
			c.fact = best
		}
	}
	for gi, g := range out {
		if len(g) > 1 {
			for _, k := range g {
				claims[k].fact = gi
			}
		}
	}
	return out
}

func sharesArticle(a, b *group) bool {
	if len(b.arts) < len(a.arts) {
		a, b = b, a
	}
	for k := range a.arts {
		if b.arts[k] {
			return true
		}
	}
	return false
}
