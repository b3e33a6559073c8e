package entity

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
)

// mkind is what found a candidate mention.
type mkind int

const (
	mGaz     mkind = iota // a gazetteer name
	mName                 // a capitalized chunk
	mAnaphor              // "the Russian president"
	mInst                 // "the regional health ministry", "the company"
)

// cand is one candidate mention found in a sentence, before the
// article-level decisions on type and identity.
type cand struct {
	kind    mkind
	span    parallax.Span // the name, possessive suffix excluded
	surface string
	words   int // tokens in the name
	last    string
	gaz     int  // gazetteer entry for mGaz
	gov     bool // a capital acting as the government

	title      string // "Russian President"; "" when none
	titleAlias string // "Russian President Vladimir Putin"
	titleStart int
	nat        string // country named in the title or anaphor
	role       string // lower-case role words: "deputy foreign minister"

	person, org, place, speech, acronym bool
	weak                                bool // needs support elsewhere in the article
	defines                             string
	personCue                           bool // person by a cue other than a speech verb
	company                             bool // a business: "the company" may refer to it
	nameLike                            bool // looks like a person's full name by form alone
	firstWord                           string
	inst                                inst   // for mInst
	name                                string // the name when it differs from surface
}

// stats are article-wide facts the per-sentence scan consults.
type stats struct {
	capsMid    map[string]bool // capitalized away from a sentence start
	standalone map[string]bool // capitalized, not part of a hyphen compound
	// lowerSeen holds the capitalized words, lower-cased, that the article
	// also has in lower case; ask seenLower.
	lowerSeen map[string]bool
}

// seenLower reports whether token t's word appears in lower case in the
// article: always for a lower-case token, which is one.
func (st *stats) seenLower(t token) bool {
	return !t.cap || st.lowerSeen[t.lower]
}

func collectStats(sents [][]token, words int) *stats {
	// Sized up front: growing the maps word by word was most of the cost.
	// Distinct capitalized words are far fewer than words.
	st := &stats{capsMid: make(map[string]bool, words/8), standalone: make(map[string]bool, words/8),
		lowerSeen: make(map[string]bool, words/8)}
	// shapes has a bit for the first byte and length of every candidate,
	// so that most lower-case words are ruled out without a look-up.
	var shapes [256]uint64
	shape := func(w string) (byte, uint64) { return w[0], 1 << (len(w) & 63) }
	for _, toks := range sents {
		for i, t := range toks {
			if !t.cap {
				continue
			}
			// Only capitalized words are asked about in lower case, so
			// only they are candidates for lowerSeen.
			st.lowerSeen[t.lower] = false
			c, bit := shape(t.lower)
			shapes[c] |= bit
			if t.initial {
				continue
			}
			st.capsMid[t.text] = true
			if !t.hyph && (i == 0 || !toks[i-1].hyph) {
				st.standalone[t.text] = true
			}
		}
	}
	for _, toks := range sents {
		for _, t := range toks {
			if c, bit := shape(t.lower); t.cap || shapes[c]&bit == 0 {
				continue
			}
			if _, ok := st.lowerSeen[t.lower]; ok {
				st.lowerSeen[t.lower] = true
			}
		}
	}
	return st
}

// sentenceScan holds the per-token markup of one sentence.
type sentenceScan struct {
	text     string
	toks     []token
	g        *gazetteer
	st       *stats
	headline bool
	gazAt    []int // entry starting here, -1 when none
	gazLen   []int
	gazCov   []int // entry covering the token, -1 when none
	roleLen  []int // role phrase starting here
	roleCov  []bool
	demonym  []string
	instCov  []bool // absorbed by a descriptive institution name
	possOf   []bool // possessive inside a name: "Lloyd's of London"
	out      []cand
}

// gap returns the text between token i and token i+1.
func (sc *sentenceScan) gap(i int) string {
	return sc.text[sc.toks[i].pe:sc.toks[i+1].s]
}

// linked reports whether tokens i and i+1 are one phrase: a single space or
// a hyphen between them, and no possessive on i.
func (sc *sentenceScan) linked(i int) bool {
	if i+1 >= len(sc.toks) || sc.toks[i].poss {
		return false
	}
	g := sc.gap(i)
	return g == " " || (g == "-" && sc.toks[i].hyph)
}

// scanArrays backs the per-token marks of every sentence of an article:
// each sentence takes the next, zeroed, stretch of each array.
type scanArrays struct {
	ints                     []int // gazAt, gazLen, gazCov, roleLen by turns
	roleCov, instCov, possOf []bool
	demonym                  []string
}

func newScanArrays(tokens int) *scanArrays {
	return &scanArrays{ints: make([]int, 4*tokens), roleCov: make([]bool, tokens),
		instCov: make([]bool, tokens), possOf: make([]bool, tokens), demonym: make([]string, tokens)}
}

// take returns n zeroed marks of each kind, from the arrays while they
// last, else newly made.
func take[T any](a *[]T, n int) []T {
	if len(*a) < n {
		return make([]T, n)
	}
	s := (*a)[:n:n]
	*a = (*a)[n:]
	return s
}

// scanSentence appends the candidates of one sentence to out.
func scanSentence(text string, toks []token, g *gazetteer, st *stats, arr *scanArrays, out []cand) []cand {
	n := len(toks)
	sc := &sentenceScan{
		text: text, toks: toks, g: g, st: st,
		gazAt: take(&arr.ints, n), gazLen: take(&arr.ints, n), gazCov: take(&arr.ints, n),
		roleLen: take(&arr.ints, n), roleCov: take(&arr.roleCov, n), demonym: take(&arr.demonym, n),
		instCov: take(&arr.instCov, n), possOf: take(&arr.possOf, n), out: out,
	}
	sc.headline = isHeadline(toks)
	sc.markGazetteer()
	sc.markRoles()
	sc.markPossessiveNames()
	sc.absorbPlacesIntoOrgs()
	sc.findInstitutions()
	sc.findGazetteer()
	sc.findAnaphors()
	sc.findChunks()
	return sc.out
}

// isHeadline reports whether a sentence is set in title case, where
// capitals say nothing about names: every content word is capitalized. Any
// ordinary sentence has a lower-case verb or noun.
func isHeadline(toks []token) bool {
	content := 0
	for _, t := range toks {
		if functionWords[t.lower] || !unicode.IsLetter(rune(t.text[0])) {
			continue
		}
		if !t.cap {
			return false
		}
		content++
	}
	return content >= 4
}

func (sc *sentenceScan) markGazetteer() {
	toks := sc.toks
	for i := range toks {
		sc.gazAt[i], sc.gazCov[i] = -1, -1
		if !toks[i].cap && sc.g.capDemonyms {
			continue // token.cap is exactly "starts upper-case"
		}
		if d, ok := sc.g.demonyms[toks[i].text]; ok {
			sc.demonym[i] = d
		}
	}
	for i := 0; i < len(toks); {
		if !toks[i].cap {
			i++
			continue
		}
		best, bestLen := -1, 0
		for l := 1; l <= sc.g.maxWords && i+l <= len(toks); l++ {
			if l > 1 && !sc.linked(i+l-2) {
				break
			}
			last := toks[i+l-1]
			if !last.cap && !unicode.IsDigit(rune(last.text[0])) {
				continue
			}
			if id, ok := sc.g.find(sc.text[toks[i].s:last.e]); ok {
				best, bestLen = id, l
			}
		}
		// "Michael Jordan", "George Washington", "Michael Bloomberg": a
		// known given name before a single place or organization name
		// makes it a surname.
		if best >= 0 && bestLen == 1 && i > 0 && sc.linked(i-1) && toks[i-1].cap &&
			sc.g.first[toks[i-1].lower] && (sc.g.entries[best].typ == parallax.Place || sc.g.entries[best].typ == parallax.Organization) {
			best = -1
		}
		if best < 0 {
			i++
			continue
		}
		sc.gazAt[i], sc.gazLen[i] = best, bestLen
		for k := i; k < i+bestLen; k++ {
			sc.gazCov[k] = best
			sc.demonym[k] = "" // "Saudi Arabia" is a name, not a demonym
		}
		i += bestLen
	}
}

func (sc *sentenceScan) markRoles() {
	toks := sc.toks
	for i := 0; i < len(toks); {
		if !roleFirst[toks[i].lower] {
			i++
			continue
		}
		best := 0
		var b strings.Builder
		for l := 1; l <= 4 && i+l <= len(toks); l++ {
			k := i + l - 1
			if sc.gazCov[k] >= 0 {
				break
			}
			if l > 1 {
				if !sc.linked(k - 1) {
					break
				}
				if sc.gap(k-1) == "-" {
					b.WriteByte('-')
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(toks[k].lower)
			if _, ok := roles[b.String()]; ok {
				best = l
			}
		}
		if best == 0 {
			i++
			continue
		}
		sc.roleLen[i] = best
		for k := i; k < i+best; k++ {
			sc.roleCov[k] = true
		}
		i += best
	}
}

// absorbPlacesIntoOrgs unmarks place names that are part of an
// organization's name ("Kyiv School of Economics", "Bank of England",
// "Moscow State University"): a run of capitalized words, joined by spaces
// or connectors, that holds an organization head.
func (sc *sentenceScan) absorbPlacesIntoOrgs() {
	toks := sc.toks
	isPlace := func(k int) bool {
		return sc.gazCov[k] >= 0 && sc.g.entries[sc.gazCov[k]].typ == parallax.Place
	}
	nameish := func(k int) bool {
		return toks[k].cap && !sc.roleCov[k] && !stopCaps[toks[k].lower] && (sc.gazCov[k] < 0 || isPlace(k))
	}
	for a := 0; a < len(toks); {
		if !nameish(a) {
			a++
			continue
		}
		b := a + 1
		for b < len(toks) && sc.linked(b-1) && sc.gap(b-1) == " " {
			if nameish(b) {
				b++
			} else if connectors[toks[b].lower] && !toks[b].cap && b+1 < len(toks) && sc.linked(b) && nameish(b+1) {
				b += 2
			} else {
				break
			}
		}
		hasOrg, hasPlace := false, false
		for k := a; k < b; k++ {
			hasOrg = hasOrg || (sc.gazCov[k] < 0 && orgHeads[toks[k].text])
			// "Black Sea Grain Initiative", "Ostra River", "Lake Geneva":
			// title case joins unrelated words, so not in headlines.
			hasOrg = hasOrg || (!sc.headline && sc.gazCov[k] < 0 && (namedThingHeads[toks[k].text] || placeHeads[toks[k].text]))
			hasPlace = hasPlace || isPlace(k)
		}
		if hasOrg && hasPlace {
			for k := a; k < b; k++ {
				if isPlace(k) {
					sc.gazAt[k], sc.gazLen[k], sc.gazCov[k] = -1, 0, -1
				}
			}
		}
		a = b
	}
}

// markPossessiveNames finds names built on a possessive and "of" ("Lloyd's
// of London", "Domino's of Kyiv"): the place after "of" belongs to the name.
func (sc *sentenceScan) markPossessiveNames() {
	toks := sc.toks
	for i := 0; i+2 < len(toks); i++ {
		t := toks[i]
		if !t.poss || !t.cap || sc.gazCov[i] >= 0 || sc.roleCov[i] || stopCaps[t.lower] || t.upper {
			continue
		}
		if sc.text[t.pe:toks[i+1].s] != " " || toks[i+1].lower != "of" || toks[i+1].cap ||
			sc.text[toks[i+1].pe:toks[i+2].s] != " " || !toks[i+2].cap {
			continue
		}
		if id := sc.gazCov[i+2]; id >= 0 && sc.g.entries[id].typ != parallax.Place {
			continue
		}
		sc.possOf[i] = true
		if sc.gazAt[i+2] >= 0 {
			for k := i + 2; k < i+2+sc.gazLen[i+2]; k++ {
				sc.gazAt[k], sc.gazCov[k] = -1, -1
			}
			sc.gazLen[i+2] = 0
		}
	}
}

// roleAt returns the role phrase starting at token i.
func (sc *sentenceScan) roleAt(i int) (string, roleInfo) {
	var parts []string
	for k := i; k < i+sc.roleLen[i]; k++ {
		parts = append(parts, sc.toks[k].lower)
	}
	p := strings.Join(parts, " ")
	if info, ok := roles[p]; ok {
		return p, info
	}
	p = strings.Join(parts, "-")
	return p, roles[p]
}

// findGazetteer emits gazetteer mentions and decides whether a capital acts
// as its government.
func (sc *sentenceScan) findGazetteer() {
	toks := sc.toks
	for i := range toks {
		id := sc.gazAt[i]
		if id < 0 || sc.instCov[i] {
			continue
		}
		last := i + sc.gazLen[i] - 1
		c := cand{kind: mGaz, gaz: id, span: parallax.Span{Start: toks[i].s, End: toks[last].e}}
		c.surface = sc.text[c.span.Start:c.span.End]
		c.words = sc.gazLen[i]
		if sc.g.entries[id].capital {
			c.gov = sc.actsAsGovernment(i, last)
		}
		sc.out = append(sc.out, c)
	}
}

// actsAsGovernment reports whether the capital at tokens [i, last] is the
// subject of a speech or decision verb ("Washington hoped", "Kyiv would
// agree", "Washington and Moscow have begun") or owns a political noun
// ("Moscow's support"). "in Moscow", "to Kyiv" stay places.
func (sc *sentenceScan) actsAsGovernment(i, last int) bool {
	toks := sc.toks
	if sc.causedBy(i, last) {
		return true
	}
	if i > 0 && (placePreps[toks[i-1].lower] || objectPreps[toks[i-1].lower]) {
		return false
	}
	if toks[last].poss {
		return last+1 < len(toks) && govNouns[toks[last+1].lower]
	}
	m := last + 1
	// Skip coordinated capitals: "Washington and Moscow have".
	for m+1 < len(toks) && toks[m].lower == "and" && sc.gazAt[m+1] >= 0 && sc.g.entries[sc.gazAt[m+1]].capital {
		m += 1 + sc.gazLen[m+1]
	}
	if m >= len(toks) || sc.text[toks[m-1].pe:toks[m].s] != " " {
		return false
	}
	for m+1 < len(toks) && adverbs[toks[m].lower] {
		m++
	}
	w := toks[m].lower
	if !govVerbs[w] {
		return false
	}
	if (w == "has" || w == "have" || w == "had") && m+1 < len(toks) && toks[m+1].lower == "been" {
		return false
	}
	return true
}

// causedBy reports whether the capital at tokens [i, last] is the object of
// a causative verb and the actor of the next one: "led Washington to
// restart aid", "urged Moscow to stop", "called on Kyiv to accept".
func (sc *sentenceScan) causedBy(i, last int) bool {
	toks := sc.toks
	if i == 0 || sc.text[toks[i-1].pe:toks[i].s] != " " {
		return false
	}
	p := i - 1
	if p > 0 && toks[p].lower == "on" && toks[p-1].lower == "called" && sc.text[toks[p-1].pe:toks[p].s] == " " {
		p--
	}
	if !causativeVerbs[toks[p].lower] {
		return false
	}
	m := last + 1
	if m+1 >= len(toks) || toks[m].lower != "to" || sc.text[toks[last].pe:toks[m].s] != " " || sc.text[toks[m].pe:toks[m+1].s] != " " {
		return false
	}
	n := toks[m+1]
	return !n.cap && unicode.IsLetter(rune(n.text[0])) && !functionWords[n.lower]
}

// titleBefore reads a title that ends at token j: role words, modifiers,
// demonyms and known names ("Russian Deputy Foreign Minister", "US special
// envoy", "Kremlin spokesperson"). It returns the first token of the title,
// or -1 when token j does not end a role.
func (sc *sentenceScan) titleBefore(j int) (start int, nat, role string, info roleInfo) {
	if j < 0 || !sc.roleCov[j] {
		return -1, "", "", roleInfo{}
	}
	start = j
	for p := j - 1; p >= 0; p-- {
		t := sc.toks[p]
		ok := sc.roleCov[p] || modifiers[t.lower] || sc.demonym[p] != "" || sc.gazCov[p] >= 0
		// A lower-case field word between a country or institution and
		// the role: "UN trade chief", "Russian energy minister".
		if !ok && !t.cap && p > 0 && (sc.gazCov[p-1] >= 0 || sc.demonym[p-1] != "") && sc.linked(p-1) &&
			!functionWords[t.lower] && !speechVerbs[t.lower] && !govVerbs[t.lower] && !determiners[t.lower] &&
			unicode.IsLetter(rune(t.lower[0])) {
			ok = true
		}
		if !ok && sc.fieldWord(p) {
			ok = true // "regional fire chief", "plant manager"
		}
		link := sc.text[t.pe:sc.toks[p+1].s]
		if !ok || (link != " " && !(link == "-" && t.hyph)) {
			break
		}
		if t.poss && sc.gazCov[p] < 0 {
			break // "Putin's spokesperson": the owner is not part of the title
		}
		start = p
	}
	var words []string
	hasHead := false
	for p := start; p <= j; p++ {
		if nat == "" {
			if sc.demonym[p] != "" {
				nat = sc.demonym[p]
			} else if id := sc.gazCov[p]; id >= 0 {
				nat = sc.g.entries[id].country
			}
		}
		if sc.roleLen[p] > 0 {
			r, ri := sc.roleAt(p)
			hasHead = true
			info = ri
			for _, w := range strings.Fields(r) {
				words = append(words, synonym(w))
			}
			continue
		}
		if sc.roleCov[p] {
			continue
		}
		if modifiers[sc.toks[p].lower] && sc.demonym[p] == "" && sc.gazCov[p] < 0 {
			words = append(words, synonym(sc.toks[p].lower))
		}
	}
	if !hasHead {
		return -1, "", "", roleInfo{}
	}
	// Leading modifiers without a role before them ("first", "state") are
	// fine inside a title but not alone at its edge before a known name.
	return start, nat, strings.Join(words, " "), info
}

// fieldWord reports whether token p is a lower-case noun that says what a
// role is in charge of ("fire" in "regional fire chief", "plant" in "plant
// manager"): right before a role word, and itself after a modifier, a
// determiner, a speech verb or the start of the clause, so that a verb
// ("met trade chief") is not taken into the title.
func (sc *sentenceScan) fieldWord(p int) bool {
	toks := sc.toks
	t := toks[p]
	if p+1 >= len(toks) || !sc.roleCov[p+1] || sc.roleCov[p] || sc.gazCov[p] >= 0 || sc.demonym[p] != "" ||
		t.poss || !unicode.IsLetter(rune(t.lower[0])) || len(t.lower) < 3 {
		return false
	}
	w := t.lower
	if functionWords[w] || speechVerbs[w] || govVerbs[w] || determiners[w] || causativeVerbs[w] || stopCaps[w] ||
		strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false
	}
	if t.cap && !t.initial {
		return false
	}
	if p == 0 || t.initial || !sc.linked(p-1) {
		return true
	}
	q := toks[p-1].lower
	return modifiers[q] || levelWords[q] || determiners[q] || speechVerbs[q] || sc.gazCov[p-1] >= 0 || sc.demonym[p-1] != ""
}

func synonym(w string) string {
	if s, ok := roleSynonyms[w]; ok {
		return s
	}
	return w
}

// findAnaphors emits "the [Russian|U.S.|Kremlin] <role>" not followed by a
// name: a description that refers back to a titled person.
func (sc *sentenceScan) findAnaphors() {
	toks := sc.toks
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower != "the" {
			continue
		}
		m, nat := i+1, ""
		var mods []string
		for m < len(toks) && sc.linked(m-1) {
			if sc.roleLen[m] == 0 && qualifiers[toks[m].lower] {
				mods = append(mods, toks[m].lower)
				m++
			} else if d := sc.demonym[m]; d != "" {
				nat = d
				m++
			} else if id := sc.gazAt[m]; id >= 0 && sc.g.entries[id].country != "" {
				nat = sc.g.entries[id].country
				m += sc.gazLen[m]
			} else {
				break
			}
		}
		if m >= len(toks) || sc.roleLen[m] == 0 || !sc.linked(m-1) {
			continue
		}
		role, info := sc.roleAt(m)
		end := m + sc.roleLen[m] - 1
		if !info.anaphor {
			continue
		}
		if end+1 < len(toks) && sc.linked(end) && sc.eligible(end+1) {
			continue // "the Russian President Vladimir Putin": a title cue
		}
		if end+1 < len(toks) && sc.text[toks[end].pe:toks[end+1].s] == " " && toks[end+1].lower == "of" {
			continue // "the president of the commission": not a back reference
		}
		words := mods
		for _, w := range strings.Fields(role) {
			words = append(words, synonym(w))
		}
		c := cand{kind: mAnaphor, span: parallax.Span{Start: toks[i].s, End: toks[end].e}, nat: nat, role: strings.Join(words, " ")}
		c.surface = sc.text[c.span.Start:c.span.End]
		sc.out = append(sc.out, c)
	}
}

// eligible reports whether token k can be part of a capitalized name chunk.
func (sc *sentenceScan) eligible(k int) bool {
	t := sc.toks[k]
	if !t.cap || sc.gazCov[k] >= 0 || sc.roleCov[k] || t.contr || sc.instCov[k] {
		return false
	}
	if sc.demonym[k] != "" {
		// A demonym opens a name only when one follows:
		// "Ukrainian Grain Association", not "Russian forces".
		return k+1 < len(sc.toks) && sc.linked(k) && sc.demonym[k+1] == "" && sc.eligible(k+1)
	}
	if stopCaps[t.lower] {
		return false
	}
	return len(t.text) >= 2
}

// isInitialWord reports a middle initial such as "W.".
func isInitialWord(t token) bool {
	return len(t.text) == 2 && t.text[1] == '.' && t.cap
}

// splitHyphen decides whether "A-B" names two things ("Trump-Putin call",
// "Russia-Ukraine war") or one ("Jean-Claude").
func (sc *sentenceScan) splitHyphen(p, q int) bool {
	toks := sc.toks
	if sc.st.standalone[toks[p].text] && sc.st.standalone[toks[q].text] {
		return true
	}
	if q+1 < len(toks) && sc.text[toks[q].pe:toks[q+1].s] == " " && !toks[q+1].cap &&
		unicode.IsLetter(rune(toks[q+1].lower[0])) && !speechVerbs[toks[q+1].lower] && !govVerbs[toks[q+1].lower] {
		return true // used as a modifier of a lower-case noun
	}
	return false
}

// findChunks emits runs of capitalized tokens that are neither gazetteer
// names nor role words.
func (sc *sentenceScan) findChunks() {
	toks := sc.toks
	n := len(toks)
	for a := 0; a < n; {
		if !sc.eligible(a) {
			a++
			continue
		}
		b := a + 1
		for b < n && (!toks[b-1].poss || sc.possOf[b-1]) {
			if toks[b-1].hyph && sc.gap(b-1) == "-" {
				if sc.eligible(b) && !sc.splitHyphen(b-1, b) {
					b++
					continue
				}
				break
			}
			if sc.gap(b-1) != " " {
				break
			}
			if sc.eligible(b) || (isInitialWord(toks[b]) && b+1 < n && sc.linked(b) && sc.eligible(b+1)) {
				b++
				continue
			}
			if months[toks[b].lower] && toks[b].cap && sc.g.first[toks[b-1].lower] {
				b++ // "Theresa May"
				continue
			}
			// Connectors, possibly several ("von der Leyen"), then a name.
			c := b
			for c < n && c-b < 3 && connectors[toks[c].lower] && !toks[c].cap && sc.linked(c) {
				c++
			}
			if c > b && c < n && sc.eligible(c) {
				if (toks[b].lower != "of" && toks[b].lower != "for") || geoHeads[toks[b-1].text] || orgHeads[toks[b-1].text] || sc.possOf[b-1] {
					b = c + 1
					continue
				}
			}
			break
		}
		next := b
		weak := sc.headline
		if toks[a].initial && !sc.g.first[toks[a].lower] && !sc.st.capsMid[toks[a].text] {
			w := toks[a].lower
			switch {
			case b-a >= 2 && (sc.st.seenLower(toks[a]) || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")):
				a++ // "Following Putin's call": drop the sentence opener
			case b-a == 1 && sc.st.seenLower(toks[a]):
				a = next
				continue
			case b-a == 1:
				weak = true
			}
		}
		if sc.headline {
			// Title case joins unrelated words ("Putin Agree"): offer each
			// word alone; only those the body confirms survive.
			for k := a; k < b; k++ {
				sc.emitChunk(k, k+1, true)
			}
		} else {
			sc.emitChunk(a, b, weak)
		}
		a = next
	}
}

func (sc *sentenceScan) emitChunk(a, b int, weak bool) {
	toks := sc.toks
	org := false
	for k := a; k < b; k++ {
		org = org || orgHeads[toks[k].text] || sc.possOf[k]
		org = org || (b-a > 1 && namedThingHeads[toks[k].text] && !sc.headline)
	}
	for !org && a < b && sc.demonym[a] != "" {
		a++ // "Russian Deputy Foreign": the demonym belongs to a title
	}
	onlyMods := true
	for k := a; k < b; k++ {
		if !modifiers[toks[k].lower] && !connectors[toks[k].lower] {
			onlyMods = false
		}
	}
	if onlyMods {
		return
	}
	c := cand{kind: mName, span: parallax.Span{Start: toks[a].s, End: toks[b-1].e}, weak: weak, titleStart: -1}
	c.surface = sc.text[c.span.Start:c.span.End]
	c.words = b - a
	c.last = toks[b-1].text

	c.org = org
	c.firstWord = toks[a].text
	if c.words > 1 && placeHeads[toks[b-1].text] && !org && !sc.headline {
		c.place = true // "Ostra River", "Donetsk Oblast"
	}
	if org && (companySuffixes[toks[b-1].text] || sc.possOf[a]) {
		c.company = true
	}
	if c.words == 1 && !toks[a].upper && hasCompanyMorph(toks[a].text) {
		c.company = true // "Rosselkhozbank", "Lukoil"
	}
	sc.businessCues(&c, b)
	c.nameLike = sc.looksLikeFullName(a, b)
	if c.words == 1 && toks[a].upper && len(toks[a].text) <= 6 && !strings.ContainsAny(toks[a].text, "0123456789") {
		c.acronym = true
	}
	if c.words >= 2 && sc.g.first[toks[a].lower] {
		c.person = true
	}
	// Title before the name: "Russian President Vladimir Putin".
	if a > 0 && sc.text[toks[a-1].pe:toks[a].s] == " " {
		if s, nat, role, info := sc.titleBefore(a - 1); s >= 0 {
			c.person = true
			c.nat = nat
			if !info.noTitle {
				c.role = role
				c.titleStart = toks[s].s
				c.title = sc.text[toks[s].s:toks[a-1].e]
				c.titleAlias = sc.text[toks[s].s:c.span.End]
			}
		}
	}
	// Appositive title before: "Putin's spokesperson, Dmitry Peskov".
	if a > 1 && c.title == "" && sc.text[toks[a-1].pe:toks[a].s] == ", " {
		if s, nat, role, info := sc.titleBefore(a - 1); s >= 0 {
			c.person = true
			if c.nat == "" {
				c.nat = nat
			}
			if !info.noTitle {
				c.role = role
				c.title = sc.text[toks[s].s:toks[a-1].e]
			}
		}
	}
	// Appositive title after: "Dmitry Peskov, Putin's spokesperson, said".
	if b < len(toks) && c.title == "" && sc.text[toks[b-1].pe:toks[b].s] == ", " {
		sc.titleAfter(&c, b)
	}
	if b < len(toks) {
		g := sc.text[toks[b-1].pe:toks[b].s]
		w := toks[b].lower
		if g == " " && speechVerbs[w] {
			c.person, c.speech = true, true
		}
		if g == ", " && w == "who" {
			c.person = true
		}
		if toks[b-1].poss && g == " " && ownedRoles[w] {
			c.person = true // "Putin's spokesperson", "Trump's aides"
		}
		// "WASHINGTON (Danube Wire) -": a name in brackets after a
		// dateline is the outlet.
		if a > 0 && toks[a-1].upper && strings.HasSuffix(sc.text[toks[a-1].pe:toks[a].s], "(") && strings.HasPrefix(g, ")") {
			c.org, c.nameLike = true, false
		}
		if g == " (" && toks[b].upper && strings.HasPrefix(sc.text[toks[b].pe:], ")") {
			if initials(toks[a:b]) == strings.ReplaceAll(toks[b].text, ".", "") {
				c.defines = toks[b].text
			}
		}
	}
	if a > 0 && sc.text[toks[a-1].pe:toks[a].s] == " " {
		p := toks[a-1].lower
		if placePreps[p] || (p == "the" && a > 1 && placePreps[toks[a-2].lower] && sc.text[toks[a-2].pe:toks[a-1].s] == " ") {
			c.place = true // "in Pokrovsk", "off the Bosphorus"
		}
		// "in Odesa and Izmail": coordinated with a place.
		if (p == "and" || p == "or") && a > 1 && sc.gazCov[a-2] >= 0 && !toks[a-2].poss &&
			sc.g.entries[sc.gazCov[a-2]].typ == parallax.Place && sc.text[toks[a-2].pe:toks[a-1].s] == " " {
			c.place = true
		}
		if p == "said" && (b == len(toks) || sc.text[toks[b-1].pe:toks[b].s] != " ") {
			c.person, c.speech = true, true // "..., said Witkoff."
		}
	}
	c.personCue = c.person && !c.speech
	sc.out = append(sc.out, c)
}

// titleAfter reads an appositive role after a name: ", the Kremlin
// spokesman," or ", Putin's spokesperson,".
func (sc *sentenceScan) titleAfter(c *cand, m int) {
	toks := sc.toks
	if determiners[toks[m].lower] || (toks[m].poss && toks[m].cap && sc.gazCov[m] < 0) {
		m++
	}
	start := m
	end := -1
	for k := m; k < len(toks); k++ {
		t := toks[k]
		if !(sc.roleCov[k] || modifiers[t.lower] || sc.demonym[k] != "" || sc.gazCov[k] >= 0) {
			break
		}
		if sc.roleCov[k] && (k+1 == len(toks) || !sc.roleCov[k+1]) {
			end = k
		}
		if k+1 < len(toks) && !sc.linked(k) {
			break
		}
	}
	if end < 0 {
		return
	}
	// The role must close the appositive: a comma, a period or the end.
	if end+1 < len(toks) {
		g := strings.TrimLeft(sc.text[toks[end].pe:toks[end+1].s], " ")
		if g == "" || (g[0] != ',' && g[0] != '.' && g[0] != ';') {
			return
		}
	}
	s, nat, role, info := sc.titleBefore(end)
	if s < start {
		s = start
	}
	if s < 0 {
		return
	}
	c.person = true
	if c.nat == "" {
		c.nat = nat
	}
	if !info.noTitle {
		c.role = role
		c.title = sc.text[toks[s].s:toks[end].e]
	}
}

// initials returns the upper-case initials of the capitalized words.
func initials(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.cap {
			r := []rune(t.text)[0]
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// looksLikeFullName reports whether tokens [a, b) have the form of a
// person's full name with no other evidence: two or three capitalized words
// in mid-sentence ("met Hanna Sorel"), none of them a word the article also
// uses in lower case, a name head ("River", "Agency") or a calendar word,
// and not after an article or a preposition of place ("the Lower Quay", "a
// Complete Ceasefire", "in Velyka Novosilka").
func (sc *sentenceScan) looksLikeFullName(a, b int) bool {
	toks := sc.toks
	if sc.headline || b-a < 2 || b-a > 3 || toks[a].initial {
		return false
	}
	for k := a; k < b; k++ {
		t := toks[k]
		if !t.cap || t.upper || len(t.text) < 2 || sc.st.seenLower(t) || months[t.lower] ||
			orgHeads[t.text] || placeHeads[t.text] || geoHeads[t.text] || namedThingHeads[t.text] ||
			modifiers[t.lower] || sc.demonym[k] != "" || sc.possOf[k] {
			return false
		}
		if k > a && sc.text[toks[k-1].pe:t.s] != " " && !(sc.text[toks[k-1].pe:t.s] == "-" && toks[k-1].hyph) {
			return false
		}
		for _, r := range t.text {
			if !unicode.IsLetter(r) && r != '\'' && r != '\u2019' {
				return false
			}
		}
	}
	if a > 0 && sc.text[toks[a-1].pe:toks[a].s] == " " {
		p := toks[a-1].lower
		if determiners[p] || placePreps[p] || p == "of" || toks[a-1].poss {
			return false
		}
	}
	return true
}
