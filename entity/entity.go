// Package entity recognizes the people, organizations, places and
// governments named in one article, and owns the identity key that lets the
// same referent be matched across articles.
//
// Recognition is rule-based and deterministic: title cues ("Russian
// President Vladimir Putin"), a compact gazetteer of countries, capitals,
// regions and institutions, and capitalized-span chunking for the rest.
// Within an article, surnames, role descriptions ("the Russian president")
// and acronyms are resolved to the full names they stand for.
//
// Two choices worth knowing:
//   - Seats of power that speak for a state ("the Kremlin", "the White
//     House", "Downing Street", "the Élysée") are Government entities named
//     after the seat ("Kremlin"). A capital is a Government entity, named
//     after the capital ("Washington"), when it is the subject of a speech or
//     decision verb ("Washington hoped", "Moscow will") or owns a political
//     noun ("Moscow's support"); otherwise it is a Place ("in Moscow", "to
//     Kyiv"). Countries are always Places: "Russia said" is rarer than
//     "in Russia", and splitting one country into two entities per article
//     would mislead more than it helps.
//   - Gazetteer entities take the gazetteer's canonical name ("United
//     States" for "U.S.", "Kyiv" for "Kiev"); the spelling each article used
//     is kept in Aliases.
//   - Institutions named by description are entities when they can be
//     sources: "the regional health ministry" (Organization "regional
//     health ministry"), "Ukrainian officials said", "the Trump
//     administration" (Government, not a mention of Trump). Phrases that
//     only describe an institution named before ("the ministry", "the
//     company", "the firm") are mentions of it, and are dropped when nothing
//     fits: guessing a source is worse than naming none.
//
// Gender and Genders say whether a person is a man or a woman when the
// article states it (a given name, a courtesy title, a gendered role, or
// the pronouns used right after the person is named), so that later
// stages can resolve "he" and "she".
//
// Across articles, Group and SameReferent decide which entities are one
// referent and Merge builds the canonical entity of each; a capital as a
// place and as a government stay apart there too.
package entity

import (
	"github.com/parallax-news/parallax/normalize"
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
)

// Recognize returns the entities mentioned inside the given sentence spans of
// text, ordered by first mention. Every entity has at least one mention;
// mentions are sorted byte spans into text.
func Recognize(text string, sentences []parallax.Sentence) []parallax.Entity {
	g := theGazetteer()
	sents := make([][]token, 0, len(sentences))
	// News text has about one word per five to six bytes; sizing for five
	// means the array is almost never grown.
	all := make([]token, 0, len(text)/5+16)
	var toks []token
	lower := normalize.ASCIILower(text)
	for _, s := range sentences {
		start, end := s.Span.Start, s.Span.End
		if start < 0 {
			start = 0
		}
		if end > len(text) {
			end = len(text)
		}
		if start >= end {
			continue
		}
		all, toks = tokenize(all, text, lower, start, end)
		sents = append(sents, toks)
	}
	st := collectStats(sents, len(all))
	// The per-token marks of all sentences share one set of arrays, and
	// candidates one slice (news text yields about one per 15 words).
	arr := newScanArrays(len(all))
	cands := make([]cand, 0, len(all)/12+8)
	for _, toks := range sents {
		cands = scanSentence(text, toks, g, st, arr, cands)
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return a.span.Start - b.span.Start })
	return resolve(text, cands, g, st)
}

// evidence is what the whole article says about one capitalized name.
type evidence struct {
	person, org, place, acronym, speech bool
	company                             bool // treated as a business: "X shares", "X, a chemicals company"
	personCue                           bool // a person by a title, given name or relation, not only by speaking
	nameLike                            bool // has the form of a full name in mid-sentence
	strong                              bool // seen outside a headline or sentence opener
	count                               int
	expansion                           string // key of the name an acronym abbreviates
}

// ent is an entity under construction.
type ent struct {
	id       string
	name     string
	words    int
	typ      parallax.EntityType
	title    string
	nat      string
	roles    []string
	mentions []parallax.Span
	aliases  []alias
	company  bool     // a business that "the company" may refer to
	head     string   // head noun of a descriptive name: "ministry"
	instWs   []string // words of a descriptive name, lower case
}

type alias struct {
	pos  int
	text string
}

func (e *ent) add(span parallax.Span, text string) {
	e.mentions = append(e.mentions, span)
	e.aliases = append(e.aliases, alias{span.Start, text})
}

// lastMentionBefore returns the start of the last mention before pos, or -1.
func (e *ent) lastMentionBefore(pos int) int {
	best := -1
	for _, m := range e.mentions {
		if m.Start < pos && m.Start > best {
			best = m.Start
		}
	}
	return best
}

func resolve(text string, cands []cand, g *gazetteer, st *stats) []parallax.Entity {
	keys := map[string]string{}
	Key := func(s string) string { // memoized: names repeat within an article
		k, ok := keys[s]
		if !ok {
			k = Key(s)
			keys[s] = k
		}
		return k
	}
	// 1. Gather the article's evidence about each capitalized name.
	ev := map[string]*evidence{}
	for _, c := range cands {
		if c.kind != mName {
			continue
		}
		k := Key(c.surface)
		e := ev[k]
		if e == nil {
			e = &evidence{}
			ev[k] = e
		}
		e.person = e.person || c.person
		e.org = e.org || c.org
		e.place = e.place || c.place
		e.acronym = e.acronym || c.acronym
		e.speech = e.speech || c.speech
		e.company = e.company || c.company
		e.personCue = e.personCue || c.personCue
		e.nameLike = e.nameLike || c.nameLike
		e.strong = e.strong || !c.weak
		e.count++
	}
	for _, c := range cands {
		if c.kind == mName && c.defines != "" {
			if e := ev[Key(c.defines)]; e != nil {
				e.expansion = Key(c.surface)
			}
		}
	}
	// Full names (two or more words) by the key of their last word, with
	// where they are mentioned, to resolve bare surnames.
	fullBySurname := map[string][]string{}
	familyFirst := map[string][]string{}
	fullPos := map[string][]int{}
	for _, c := range cands {
		if c.kind != mName || c.words < 2 {
			continue
		}
		k := Key(c.surface)
		if e := ev[k]; !e.person || e.org || !e.strong {
			continue
		}
		sk := Key(c.last)
		if !slices.Contains(fullBySurname[sk], k) {
			fullBySurname[sk] = append(fullBySurname[sk], k)
		}
		// Family name first ("Xi Jinping" ... "Xi"): a first word that is
		// not a known given name may be the surname.
		first, _, _ := strings.Cut(c.surface, " ")
		if fk := Key(first); !g.first[strings.ToLower(first)] && fk != sk && !slices.Contains(fullBySurname[fk], k) {
			familyFirst[fk] = append(familyFirst[fk], k)
		}
		fullPos[k] = append(fullPos[k], c.span.Start)
	}
	classOf := func(c cand) parallax.EntityType {
		k := Key(c.surface)
		e := ev[k]
		single := c.words == 1
		surname := single && len(fullBySurname[k]) > 0
		if !e.strong && !surname && !(e.speech && !strings.HasSuffix(k, "s")) {
			return ""
		}
		switch {
		case e.org:
			return parallax.Organization
		case e.company && !e.personCue && !surname:
			// "Norvik, a chemicals company ... Norvik said": companies
			// speak too.
			return parallax.Organization
		case e.person || surname:
			return parallax.Person
		case e.acronym && !stopAcronyms[c.surface] && (e.count >= 2 || e.expansion != ""):
			return parallax.Organization
		case e.place && e.acronym:
			return parallax.Organization // "the SWIFT system": places are not acronyms
		case e.place:
			return parallax.Place
		case e.nameLike && !e.acronym:
			return parallax.Person // "met Hanna Sorel": the form of a full name
		}
		return ""
	}
	// Companies of two or more words by the key of their first word:
	// "Veltran" alone is "Veltran Chemicals" when no person bears it. Only
	// companies: "Drava" is not short for "Drava Power Agreement".
	orgByFirst := map[string][]string{}
	for _, c := range cands {
		if c.kind != mName || c.words < 2 {
			continue
		}
		if e := ev[Key(c.surface)]; !e.company && !c.company {
			continue
		}
		fk, k := Key(c.firstWord), Key(c.surface)
		if !slices.Contains(orgByFirst[fk], k) {
			orgByFirst[fk] = append(orgByFirst[fk], k)
		}
	}

	// 2. Build entities in order of mention.
	var ents []*ent
	byID := map[string]*ent{}
	get := func(id, name string, words int, typ parallax.EntityType) *ent {
		e := byID[id]
		if e == nil {
			e = &ent{id: id, name: name, words: words, typ: typ}
			byID[id] = e
			ents = append(ents, e)
		}
		return e
	}
	// A family-first surname counts only where no full name ends in it.
	for fk, fulls := range familyFirst {
		if len(fullBySurname[fk]) == 0 && len(fulls) == 1 {
			fullBySurname[fk] = fulls
		}
	}
	for _, c := range cands {
		switch c.kind {
		case mGaz:
			en := g.entries[c.gaz]
			typ := en.typ
			// "Michael Bloomberg ... Bloomberg said": the surname of a
			// person named in full is that person, not the outlet.
			if typ == parallax.Organization && c.words == 1 {
				if full := nearestFull(fullBySurname[Key(c.surface)], fullPos, c.span.Start); full != "" {
					e := get(string(parallax.Person)+"|"+full, c.surface, 1, parallax.Person)
					e.add(c.span, c.surface)
					continue
				}
			}
			if en.capital && c.gov {
				typ = parallax.Government
			}
			e := get("g|"+string(typ)+"|"+en.name, en.name, c.words, typ)
			e.add(c.span, c.surface)
			e.company = e.company || en.company
		case mInst:
			resolveInst(c, ents, get)
		case mName:
			k := Key(c.surface)
			typ := classOf(c)
			if orgs := orgByFirst[k]; c.words == 1 && len(orgs) == 1 && len(fullBySurname[k]) == 0 && c.title == "" && !ev[k].place {
				typ = parallax.Organization
				k = orgs[0]
			}
			if typ == "" {
				continue
			}
			id := string(typ) + "|" + k
			if typ == parallax.Person && c.words == 1 {
				if full := nearestFull(fullBySurname[k], fullPos, c.span.Start); full != "" {
					id = string(typ) + "|" + full
				}
			}
			if x := ev[k].expansion; x != "" {
				if xe := byID[string(parallax.Organization)+"|"+x]; xe != nil {
					id = xe.id
				}
			}
			e := get(id, c.surface, c.words, typ)
			if c.words > e.words || (c.words == e.words && len(c.surface) > len(e.name)) {
				e.name, e.words = c.surface, c.words
			}
			e.add(c.span, c.surface)
			if typ == parallax.Organization && (ev[Key(c.surface)].company || c.company) {
				e.company = true
			}
			if typ == parallax.Person {
				if len(c.title) > len(e.title) {
					e.title = c.title
				}
				if e.nat == "" {
					e.nat = c.nat
				}
				if c.role != "" && !slices.Contains(e.roles, c.role) {
					e.roles = append(e.roles, c.role)
				}
				if c.titleAlias != "" {
					e.aliases = append(e.aliases, alias{c.titleStart, c.titleAlias})
				}
			}
		}
	}
	// 3. Role anaphors refer back to a titled person.
	for _, c := range cands {
		if c.kind != mAnaphor {
			continue
		}
		if e := resolveAnaphor(c, ents); e != nil {
			e.add(c.span, c.surface)
		}
	}
	return finish(ents, Key)
}

// resolveInst adds a descriptive institution phrase to the entity it
// names or refers back to.
func resolveInst(c cand, ents []*ent, get func(id, name string, words int, typ parallax.EntityType) *ent) {
	in := c.inst
	if in.kind != instNamed {
		if e := instAntecedent(c, ents); e != nil {
			e.add(c.span, c.surface)
			return
		}
		if in.kind == instAnaphor {
			return // "the company" with no company named before: unknown
		}
	}
	// A shorter or longer form of a descriptive name already seen is the
	// same institution: "the health ministry" after "the regional health
	// ministry".
	var same *ent
	for _, e := range ents {
		if e.head == in.head && e.typ == in.typ && (subset(in.words, e.instWs) || subset(e.instWs, in.words)) {
			if same == nil || e.lastMentionBefore(c.span.Start) > same.lastMentionBefore(c.span.Start) {
				same = e
			}
		}
	}
	name := c.surface
	if c.name != "" {
		name = c.name
	}
	if same == nil {
		same = get(string(in.typ)+"|"+Key(name), name, c.words, in.typ)
		if same.head == "" {
			same.head, same.instWs = in.head, in.words
		}
	} else if len(in.words) > len(same.instWs) {
		same.name, same.words, same.instWs = name, c.words, in.words
	}
	same.add(c.span, c.surface)
}

// instAntecedent finds what "the ministry" or "the company" refers back to:
// the organization or government mentioned last before it whose name ends in
// the same head noun, or for a business noun the last company.
func instAntecedent(c cand, ents []*ent) *ent {
	in := c.inst
	var fits []*ent
	for _, e := range ents {
		if (e.typ != parallax.Organization && e.typ != parallax.Government) || e.lastMentionBefore(c.span.Start) < 0 {
			continue
		}
		if in.company {
			if e.company {
				fits = append(fits, e)
			}
			continue
		}
		ok := e.head == in.head
		for _, a := range e.aliases {
			if i := strings.LastIndexByte(a.text, ' '); i >= 0 && strings.EqualFold(a.text[i+1:], in.head) {
				ok = true
			}
		}
		if ok {
			fits = append(fits, e)
		}
	}
	return mostRecent(fits, c.span.Start)
}

// subset reports whether every word of a is in b.
func subset(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}

// nearestFull picks, among full names sharing a surname, the one mentioned
// last before pos, else the first one mentioned after it.
func nearestFull(fulls []string, pos map[string][]int, at int) string {
	best, bestPos := "", -1
	for _, f := range fulls {
		for _, p := range pos[f] {
			if p < at && p > bestPos {
				best, bestPos = f, p
			}
		}
	}
	if best != "" {
		return best
	}
	bestPos = int(^uint(0) >> 1)
	for _, f := range fulls {
		for _, p := range pos[f] {
			if p >= at && p < bestPos {
				best, bestPos = f, p
			}
		}
	}
	return best
}

// resolveAnaphor finds the person "the Russian president" refers to: a
// person already mentioned whose role matches. A stated nationality must
// match; when it cannot be checked, only an unambiguous candidate is taken.
func resolveAnaphor(c cand, ents []*ent) *ent {
	var same, unknown []*ent
	for _, e := range ents {
		if e.typ != parallax.Person || e.lastMentionBefore(c.span.Start) < 0 {
			continue
		}
		match := false
		for _, r := range e.roles {
			if roleMatches(c.role, r) {
				match = true
			}
		}
		if !match && c.role == "leader" && c.nat != "" && e.nat == c.nat && len(e.roles) == 0 {
			match = true // "his Russian counterpart, Vladimir Putin" ... "the Russian leader"
		}
		if !match {
			continue
		}
		switch {
		case c.nat != "" && e.nat == c.nat:
			same = append(same, e)
		case e.nat == "" || c.nat == "":
			unknown = append(unknown, e)
		}
	}
	if len(same) > 0 {
		return mostRecent(same, c.span.Start)
	}
	if len(unknown) == 1 {
		return unknown[0]
	}
	return nil
}

func mostRecent(es []*ent, pos int) *ent {
	var best *ent
	bestPos := -1
	for _, e := range es {
		if p := e.lastMentionBefore(pos); p > bestPos {
			best, bestPos = e, p
		}
	}
	return best
}

// roleMatches reports whether an anaphor's role ("president", "envoy",
// "leader") fits a stated title's role ("special envoy").
func roleMatches(ana, title string) bool {
	if ana == title {
		return true
	}
	aw, tw := strings.Fields(ana), strings.Fields(title)
	for _, w := range tw {
		if qualifiers[w] && !slices.Contains(aw, w) {
			return false
		}
	}
	for _, w := range aw {
		if qualifiers[w] && !slices.Contains(tw, w) {
			return false
		}
	}
	if ana == "leader" {
		core := strings.Join(withoutModifiers(tw), " ")
		return leaderRoles[core] || leaderRoles[roleHead(title)]
	}
	return roleHead(ana) == roleHead(title)
}

// roleHead is the noun a role phrase is about: "secretary" in "secretary of
// state", "envoy" in "special envoy".
func roleHead(r string) string {
	if i := strings.Index(r, " of "); i >= 0 {
		r = r[:i]
	}
	if i := strings.LastIndexByte(r, ' '); i >= 0 {
		return r[i+1:]
	}
	return r
}

func withoutModifiers(ws []string) []string {
	var out []string
	for _, w := range ws {
		if _, isRole := roles[w]; modifiers[w] && !isRole {
			continue
		}
		out = append(out, w)
	}
	return out
}

// finish turns entities under construction into the public form.
// finish builds the entities; key is Key, memoized by the caller.
func finish(ents []*ent, key func(string) string) []parallax.Entity {
	out := make([]parallax.Entity, 0, len(ents))
	for _, e := range ents {
		if len(e.mentions) == 0 {
			continue
		}
		slices.SortFunc(e.mentions, func(a, b parallax.Span) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return a.End - b.End
		})
		e.mentions = slices.Compact(e.mentions)
		slices.SortStableFunc(e.aliases, func(a, b alias) int { return a.pos - b.pos })
		var names []string
		for _, a := range e.aliases {
			if !slices.Contains(names, a.text) {
				names = append(names, a.text)
			}
		}
		out = append(out, parallax.Entity{
			Name:     e.name,
			Type:     e.typ,
			Title:    e.title,
			Aliases:  names,
			Mentions: e.mentions,
			Key:      key(e.name),
		})
	}
	slices.SortStableFunc(out, func(a, b parallax.Entity) int { return a.Mentions[0].Start - b.Mentions[0].Start })
	return out
}
