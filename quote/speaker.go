package quote

import (
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/entity"
)

// phrase is a speaker phrase as a token range [from, to], inclusive.
type phrase struct {
	from, to int
	ok       bool
	pronoun  bool
	rel      bool // a relative pronoun ("who") standing for the phrase before it
}

// objectPronoun reports whether "it" at token j is the object of the word
// before it ("crews who fought it told the paper"), not a subject.
func (a *analysis) objectPronoun(j, s int) bool {
	if !a.is(j, "it") || !a.usable(j-1, s) || a.toks[j-1].kind != tWord {
		return false
	}
	return !a.in(j-1, stopWords) && !a.in(j-1, backSkip) && !a.in(j-1, introWords)
}

// relatives are relative pronouns that can be a cue's subject.
var relatives = set("who", "which")

// approximates reports "about", "around", "over" or "under" before a
// quantity ("About three-quarters of voters support ..."): an adverb,
// not a preposition.
func (a *analysis) approximates(k int) bool {
	if !a.in(k, approximators) || k+1 >= len(a.toks) || a.toks[k+1].kind != tWord {
		return false
	}
	return isDigits(a.word(k+1)) || quantWord(a.baseLower(k+1)) || a.in(k+1, numberWords)
}

var (
	approximators = set("about", "around", "over", "under", "nearly", "almost")
	numberWords   = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
)

// subordinators are prepositions that also open a clause ("after Boehner
// chided Obama").
var subordinators = set("after", "before", "since", "as", "until")

// quantJoins sit inside quantities used as subjects ("nine in 10").
var quantJoins = set("in", "of", "out")

// openDash returns the index of the dash opening a dash-delimited
// aside that ends with the dash at token j ("Trump - who had said ... -
// said"), or -1.
func (a *analysis) openDash(j, s int) int {
	if !isDash(a, j) {
		return -1
	}
	for k := j - 1; k >= 0 && j-k < 40 && a.toks[k].sent == s; k-- {
		if isDash(a, k) {
			if k < j-1 {
				return k
			}
			return -1
		}
	}
	return -1
}

func isDash(a *analysis, i int) bool {
	return a.isPunct(i, '-') || a.isPunct(i, '—') || a.isPunct(i, '–')
}

// openParen returns the index of the "(" matching a ")" at token j, or -1.
func (a *analysis) openParen(j, s int) int {
	if !a.isPunct(j, ')') {
		return -1
	}
	for k := j - 1; k >= 0 && j-k < 30 && a.toks[k].sent == s; k-- {
		if a.isPunct(k, '(') {
			return k
		}
		if a.isPunct(k, ')') {
			return -1
		}
	}
	return -1
}

func (a *analysis) phraseSpan(p phrase) parallax.Span {
	if !p.ok {
		return parallax.Span{}
	}
	return a.span(p.from, p.to)
}

// usable reports whether token i can take part in a phrase read within
// sentence s.
func (a *analysis) usable(i, s int) bool {
	return i >= 0 && i < len(a.toks) && a.toks[i].sent == s && !a.toks[i].quoted
}

// npWord reports whether word token i can be part of a speaker phrase:
// capitalized words, possessives, determiners, known modifiers and
// nominal heads. Anything else (verbs, most lower-case words) ends it.
func (a *analysis) npWord(i int) bool {
	t := a.toks[i]
	if t.kind != tWord {
		return false
	}
	w := a.baseLower(i)
	if stopWords.m[w] || notHeads.m[w] {
		return false
	}
	if t.cap || a.possessive(i) {
		return true
	}
	return modifiers.m[w] || personNominals.m[w] || orgNominals.m[w] ||
		docNominals.m[w] || quantWord(w) || isDigits(a.text[t.start:t.end]) || agentNoun(w)
}

// quantWord reports a word that counts people: "half", "most", and
// fractions written with a hyphen ("three-quarters", "two-thirds").
func quantWord(w string) bool {
	if quantNominals.m[w] {
		return true
	}
	i := strings.LastIndexByte(w, '-')
	return i > 0 && quantNominals.m[w[i+1:]]
}

// agentNoun reports whether a lower-case word has the form of a noun for
// a person by what they do ("pollster", "strategist", "organizers",
// "historian", "supporters"), so that a lexicon need not list every
// occupation. Common words with the same endings are excluded.
func agentNoun(w string) bool {
	if len(w) < 6 {
		return false
	}
	b := w
	if b[len(b)-1] == 's' {
		b = b[:len(b)-1]
	}
	ok := false
	for _, suf := range agentSuffixes {
		if len(b) > len(suf)+2 && string(b[len(b)-len(suf):]) == suf {
			ok = true
			break
		}
	}
	return ok && !notAgents.m[b]
}

var agentSuffixes = []string{"ster", "ist", "ian", "er", "or"}

// notAgents end like agent nouns but name no person.
var notAgents = set("other", "under", "after", "over", "never", "ever", "however", "whether", "either",
	"neither", "together", "rather", "later", "earlier", "order", "number", "power", "paper", "water",
	"matter", "letter", "center", "centre", "border", "summer", "winter", "october", "november",
	"december", "september", "former", "latter", "corner", "chapter", "quarter", "river", "trigger",
	"disaster", "register", "character", "computer", "answer", "wonder", "whatever", "whenever",
	"wherever", "moreover", "further", "furthermore", "nevertheless", "another", "barrier", "cancer",
	"dinner", "error", "factor", "favor", "favour", "floor", "honor", "honour", "horror", "humor",
	"labor", "labour", "mirror", "motor", "sector", "terror", "color", "colour", "behavior", "major",
	"minor", "senior", "junior", "interior", "exterior", "superior", "inferior", "prior",
	"vendor", "corridor", "elevator", "calculator", "indicator", "monitor", "radiator",
	"christian", "median", "asian", "indian", "italian", "russian", "persian",
	"canadian", "australian", "brazilian", "egyptian", "iranian", "syrian", "libyan", "nigerian",
	"belgian", "hungarian", "bulgarian", "norwegian", "ukrainian", "palestinian", "tunisian",
	"romanian", "croatian", "jordanian", "mauritanian", "armenian", "georgian", "fictional",
	"consider", "remember", "deliver", "discover", "recover", "offer", "suffer", "differ", "gather",
	"bother", "bother", "matter", "enter", "render", "surrender", "wander", "hinder", "consist",
	"insist", "resist", "assist", "exist", "persist", "twist", "list", "mist", "wrist", "fist",
	"ballot", "lower", "higher", "bigger", "smaller", "larger", "greater", "better", "faster",
	"stronger", "longer", "younger", "older", "closer", "harder", "easier", "clearer", "broader",
	"wider", "deeper", "cheaper", "richer", "poorer", "tougher", "weaker", "safer", "lesser", "newer",
	"fewer", "sooner", "shelter", "platter", "encounter", "counter", "filter", "cluster", "monster",
	"roster", "poster", "jupiter", "twitter", "whisper", "thunder", "cover",
	"cater", "feather", "leather", "weather",
)

// headWord reports whether token i can head a speaker phrase on its own.
func (a *analysis) headWord(i int) bool {
	t := a.toks[i]
	w := a.baseLower(i)
	if t.cap && !modifiers.m[w] && !notHeads.m[w] && !stopWords.m[w] {
		// A sentence opening with "Adding", "Continuing" or "Informed"
		// is a participle, not a name.
		first := i == 0 || a.toks[i-1].sent != t.sent
		return !(first && (hasSuffix(w, "ing") || hasSuffix(w, "ed") || hasSuffix(w, "ly")) && a.mentionIn(i, i) < 0)
	}
	return personNominals.m[w] || orgNominals.m[w] || docNominals.m[w] ||
		quantWord(w) || a.mentionIn(i, i) >= 0
}

func hasSuffix(b string, suf string) bool {
	return len(b) > len(suf)+1 && string(b[len(b)-len(suf):]) == suf
}

func (a *analysis) hasHead(p phrase) bool {
	for i := p.from; i <= p.to; i++ {
		if a.headWord(i) {
			return true
		}
	}
	return false
}

// phraseBefore collects a speaker phrase ending at token j, reading
// backward. "X of the Y" is crossed once when the word before "of" is a
// head ("The White House's summary of the call").
func (a *analysis) phraseBefore(j, s int) phrase {
	i := j
	crossed := false
	for a.usable(i, s) {
		if a.npWord(i) {
			i--
			continue
		}
		if crossed {
			break
		}
		// Look for a connector up to four words back.
		k := i
		found := -1
		for n := 0; n < 4 && a.usable(k, s) && a.toks[k].kind == tWord; n++ {
			if a.in(k, connectors) {
				found = k
				break
			}
			k--
		}
		if found < 0 || !a.usable(found-1, s) || !a.npWord(found-1) || !a.headWord(found-1) {
			break
		}
		crossed = true
		i = found - 1
	}
	p := phrase{from: i + 1, to: j, ok: i+1 <= j}
	// A phrase never starts with a connector or a bare modifier run.
	for p.ok && p.from <= p.to && a.in(p.from, connectors) {
		p.from++
	}
	if !p.ok || p.from > p.to || !a.hasHead(p) {
		return phrase{}
	}
	return p
}

// phraseAfter reads a speaker phrase forward from token i, not past token
// limit (exclusive). Strict phrases accept only phrase words (and a
// connector between them: "Secretary of State Marco Rubio"); lenient ones,
// used after "according to", take any words up to a clause word or
// punctuation ("unnamed sources cited by Bloomberg").
func (a *analysis) phraseAfter(i, limit int, lenient bool) phrase {
	if !a.usable(i, a.sentOf(i)) {
		return phrase{}
	}
	s := a.toks[i].sent
	j := i
	for n := 0; j < limit && n < 12 && a.usable(j, s) && a.toks[j].kind == tWord; n++ {
		if lenient {
			if a.in(j, forwardStops) {
				break
			}
		} else if !a.npWord(j) {
			if j > i && a.in(j, connectors) && j+1 < limit && a.usable(j+1, s) && a.npWord(j+1) {
				j++
				continue
			}
			break
		}
		j++
	}
	p := phrase{from: i, to: j - 1, ok: j > i}
	// "Its readout of a call": drop the dangling "of a".
	for p.to > p.from && (a.in(p.to, connectors) || a.in(p.to, modifiers) && !a.toks[p.to].cap) {
		p.to--
	}
	// After "according to" anything nominal is the source ("according
	// to state law", "according to him", "according to one index").
	if !p.ok || !lenient && !a.hasHead(p) {
		return phrase{}
	}
	return p
}

func (a *analysis) sentOf(i int) int {
	if i < 0 || i >= len(a.toks) {
		return -1
	}
	return a.toks[i].sent
}

// subjectBefore finds the speaker phrase before verb token v: "Witkoff
// said", "Putin also said", "he added", "Hugh Hill, a doctor, said". pp
// reports that the phrase follows a preposition and so is an object
// ("meeting with Zelenskyy grumbled").
func (a *analysis) subjectBefore(v int, participle bool) (p phrase, pp bool) {
	s := a.toks[v].sent
	j := v - 1
	for {
		for a.usable(j, s) && a.toks[j].kind == tWord && (a.in(j, backSkip) || isDigits(a.word(j)) && !a.in(j-1, quantJoins)) {
			j--
		}
		// "Sen. Bernie Sanders (I-Vt.) said", "Kasich (who has 25
		// delegates) said": a parenthesis is skipped.
		if k := a.openParen(j, s); k > 0 && a.usable(k-1, s) {
			j = k - 1
			continue
		}
		if k := a.openDash(j, s); k > 0 && a.usable(k-1, s) {
			j = k - 1
			continue
		}
		break
	}
	if !a.usable(j, s) {
		return phrase{}, false
	}
	if a.in(j, pronouns) {
		if a.objectPronoun(j, s) {
			return phrase{}, false
		}
		return phrase{from: j, to: j, ok: true, pronoun: true}, false
	}
	if a.in(j, relatives) && (a.isPunct(j-1, ',') || a.usable(j-1, s) && a.npWord(j-1)) {
		// "Christie, who endorsed Trump": "who" stands for Christie.
		return phrase{from: j, to: j, ok: true, rel: true}, false
	}
	if a.isPunct(j, ',') {
		if participle {
			return phrase{}, false
		}
		// Appositive: NAME, a doctor at the clinic, said.
		k := j - 1
		for n := 0; n < 30 && a.usable(k, s); n++ {
			if a.toks[k].kind != tWord && !a.isPunct(k, '\'') && !a.isPunct(k, '-') &&
				!a.isPunct(k, '(') && !a.isPunct(k, ')') && !a.isPunct(k, '.') {
				break
			}
			k--
		}
		if a.isPunct(k, ',') && k < j-1 && a.toks[k].sent == s {
			if a.in(k-1, pronouns) {
				return phrase{from: k - 1, to: k - 1, ok: true, pronoun: true}, false
			}
			e := k - 1
			if o := a.openParen(e, s); o > 0 {
				e = o - 1
			}
			p = a.phraseBefore(e, s)
			if p.ok {
				return p, a.in(p.from-1, preps)
			}
		}
		return phrase{}, false
	}
	p = a.phraseBefore(j, s)
	if !p.ok {
		return a.bareNoun(j, s), false
	}
	// "a call between Putin and Erdogan said": a coordination inside a
	// prepositional phrase is an object too.
	q := p
	for n := 0; n < 3 && (a.is(q.from-1, "and") || a.is(q.from-1, "or")); n++ {
		r := a.phraseBefore(q.from-2, s)
		if !r.ok {
			break
		}
		q = r
	}
	// "after Boehner chided": a preposition that also joins clauses
	// makes the phrase right before the verb a subject.
	if a.in(q.from-1, preps) && !a.in(q.from-1, subordinators) && !a.approximates(q.from-1) {
		return p, true
	}
	// "Trump and Putin said", "Its readout of a call between Putin and
	// Erdogan said": the whole coordination is the subject.
	p.from = q.from
	return p, false
}

// bareNoun accepts a plain lower-case noun right before the verb at the
// start of a clause: "traders said", "the ministry said". Without a
// lexicon entry this is the best available guess and names no entity.
func (a *analysis) bareNoun(j, s int) phrase {
	if !a.usable(j, s) || a.toks[j].kind != tWord || a.toks[j].cap || a.in(j, stopWords) ||
		a.in(j, backSkip) || a.in(j, modifiers) || isDigits(a.word(j)) {
		return phrase{}
	}
	if _, _, isCue := a.cueWord(j); isCue {
		return phrase{}
	}
	k := j
	for a.usable(k-1, s) && a.in(k-1, modifiers) {
		k--
	}
	if !a.usable(k-1, s) || a.isPunct(k-1, ',') || a.toks[k-1].kind == tMark {
		return phrase{from: k, to: j, ok: true}
	}
	return phrase{}
}

// clauseSubject finds the subject at the start of the clause holding
// token v: skips a dateline ("WASHINGTON —"), an introductory phrase up to
// its comma ("On Monday, ...") and a leading conjunction.
func (a *analysis) clauseSubject(s, v int) phrase {
	if s < 0 {
		return phrase{}
	}
	i := a.tokenAt(a.sents[s].span.Start)
	for i < v && a.toks[i].quoted {
		i++
	}
	for k := i; k < min(v, i+5); k++ {
		// A dateline ("WASHINGTON —", normalized to a hyphen).
		if isDash(a, k) {
			i = k + 1
			break
		}
	}
	if a.in(i, introWords) {
		k := i + 1
		for ; k < v && k < i+16 && !a.isPunct(k, ','); k++ {
		}
		// "In Wednesday's speech the senator took ...": with no comma,
		// the phrase ends where a new determiner or pronoun follows
		// its noun.
		switch j := a.introEnd(i, v); {
		case j >= 0:
			i = j
		case a.isPunct(k, ',') && k < v:
			i = k + 1
		default:
			return phrase{}
		}
	}
	for i < v && a.in(i, clauseJoins) {
		i++
	}
	if i >= v || !a.usable(i, s) {
		return phrase{}
	}
	if a.in(i, pronouns) {
		return phrase{from: i, to: i, ok: true, pronoun: true}
	}
	return a.phraseAfter(i, v, false)
}

// introEnd returns the token opening the subject after an introductory
// prepositional phrase at token i that has no comma: the first "the" or
// subject pronoun after at least one noun phrase word, before token v; -1
// when the phrase holds anything else.
func (a *analysis) introEnd(i, v int) int {
	s := a.toks[i].sent
	for k := i + 1; k < v && k < i+8 && a.usable(k, s); k++ {
		if k > i+1 && (a.is(k, "the") || a.in(k, subjectPronouns)) {
			return k
		}
		if !a.npWord(k) && (a.toks[k].kind != tWord || !notHeads.m[a.baseLower(k)]) {
			return -1
		}
	}
	return -1
}

var subjectPronouns = set("he", "she", "they", "we")

// entityOf names the entity a speaker phrase refers to, or -1. A
// document's author speaks for it ("the Kremlin readout" → the Kremlin); a
// relayed document speaks for the source of its "of" phrase ("an NBC News
// translation of the Kremlin's readout" → the Kremlin); a person nominal
// after a name ("Putin's spokesperson") is somebody else and stays -1
// unless an entity's title matches it unambiguously.
func (a *analysis) entityOf(p phrase) int {
	if !p.ok {
		return -1
	}
	if p.pronoun {
		return a.resolvePronoun(p.from)
	}
	if p.rel {
		k := p.from - 1
		if a.isPunct(k, ',') {
			k--
		}
		if o := a.openParen(k, a.sentOf(p.from)); o > 0 {
			k = o - 1
		}
		if k < 0 || k >= p.from || a.sentOf(k) != a.sentOf(p.from) {
			return -1
		}
		if a.in(k, pronouns) {
			return a.resolvePronoun(k)
		}
		return a.entityOf(a.phraseBefore(k, a.sentOf(p.from)))
	}
	cut := p.to + 1
	for i := p.from + 1; i <= p.to; i++ {
		if a.in(i, connectors) {
			cut = i
			break
		}
	}
	head := a.baseLower(cut - 1)
	if cut <= p.to && relayHeads.m[head] {
		if e := a.mentionIn(cut+1, p.to); e >= 0 {
			return e
		}
	}
	if e := a.mentionIn(p.from, cut-1); e >= 0 {
		m := a.lastMentionEnd
		for i := a.tokenAt(m); i < cut; i++ {
			w := a.baseLower(i)
			if personNominals.m[w] {
				return a.byTitle(p.from, cut-1)
			}
			if orgNominals.m[w] && a.ents[e].Type == parallax.Person {
				return -1
			}
		}
		// "the Kessling fire brigade": a place naming what a noun
		// belongs to is not the speaker.
		if a.ents[e].Type == parallax.Place && m < a.toks[cut-1].end && !a.toks[cut-1].cap {
			return -1
		}
		return e
	}
	if personNominals.m[head] {
		return a.byTitle(p.from, cut-1)
	}
	// "the statement continued" after "Trump said in a statement": the
	// author of the statement named before speaks.
	if docNominals.m[head] && a.is(p.from, "the") {
		if e := a.authorOf(head, p.from); e >= 0 {
			return e
		}
	}
	// "Its readout", "his office": the owner speaks.
	if docNominals.m[head] || orgNominals.m[head] {
		switch a.lower(p.from) {
		case "its":
			return a.resolveAs(p.from, "it")
		case "his":
			return a.resolveAs(p.from, "he")
		case "her":
			return a.resolveAs(p.from, "she")
		}
	}
	if cut <= p.to {
		return a.mentionIn(cut+1, p.to)
	}
	return -1
}

// authorOf returns the entity of the latest cue before token i, within
// the three sentences before it, whose venue or speaker phrase holds the
// document noun head ("said in a statement", "a statement from the
// Kremlin"), or -1.
func (a *analysis) authorOf(head string, i int) int {
	s := a.toks[i].sent
	for ci := len(a.cues) - 1; ci >= 0; ci-- {
		c := &a.cues[ci]
		if c.tok >= i {
			continue
		}
		if c.sent < s-3 {
			break
		}
		if c.ent < 0 {
			continue
		}
		for k := c.tok; k <= c.ext; k++ {
			if a.baseLower(k) == head {
				return c.ent
			}
		}
		if c.spk.ok {
			for k := c.spk.from; k <= c.spk.to; k++ {
				if a.baseLower(k) == head {
					return c.ent
				}
			}
		}
	}
	return -1
}

// byTitle resolves a nominal like "the Russian president" or "the
// congressman" to a person entity whose title holds every word of it
// (spelled out: "Rep." is "representative", and so is "congressman"),
// the one mentioned last before the nominal when several do. A gendered
// nominal ("the spokeswoman") skips persons of the other gender. With no
// title matching, a definite office noun ("the Texas governor
// continued") that is a speaker is the latest person speaker of the
// sentences just before, when that person has no title to contradict it:
// news varies how it names the speaker it is quoting.
func (a *analysis) byTitle(from, to int) int {
	var words []string
	head := ""
	for i := from; i <= to; i++ {
		w := strings.ReplaceAll(a.baseLower(i), ".", "")
		if w == "the" || w == "a" || w == "an" || w == "" {
			continue
		}
		head = w
		if full, ok := titleAbbrevs[w]; ok {
			w = full
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return -1
	}
	pron := ""
	switch {
	case femaleNominals.m[head]:
		pron = "she"
	case maleNominals.m[head]:
		pron = "he"
	}
	found, foundAt, n := -1, -1, 0
	at := a.toks[from].start
	for ei, e := range a.ents {
		if e.Type != parallax.Person || e.Title == "" || pron != "" && !a.genderFits(ei, pron) {
			continue
		}
		title := a.title(ei)
		all := true
		for _, w := range words {
			if !strings.Contains(title, " "+w+" ") {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		last := -1
		for _, m := range e.Mentions {
			if m.Start < at && m.Start > last {
				last = m.Start
			}
		}
		n++
		if found < 0 || last > foundAt {
			found, foundAt = ei, last
		}
	}
	if n > 1 && foundAt < 0 {
		found = -1 // several fit and none was named before
	}
	if found >= 0 || !officeNouns.m[head] || !a.is(from, "the") {
		return found
	}
	return a.titlelessSpeaker(a.toks[from].sent, pron)
}

// titlelessSpeaker returns the person entity of the latest speech cue in
// sentences [s-2, s] that has no title and fits pronoun pron ("" for
// any), or -1.
func (a *analysis) titlelessSpeaker(s int, pron string) int {
	for ci := len(a.cues) - 1; ci >= 0; ci-- {
		c := &a.cues[ci]
		if c.sent > s {
			continue
		}
		if c.sent < s-2 {
			break
		}
		if c.info.attrOnly || c.according || c.ent < 0 || a.ents[c.ent].Type != parallax.Person {
			continue
		}
		if a.ents[c.ent].Title != "" || pron != "" && !a.genderFits(c.ent, pron) {
			return -1
		}
		return c.ent
	}
	return -1
}

// officeNouns are the roles a writer uses to name again a person just
// quoted ("the Texas governor", "the congressman", "the candidate").
var officeNouns = set("governor", "senator", "representative", "congressman", "congresswoman",
	"mayor", "president", "candidate", "nominee", "lawmaker", "billionaire", "businessman",
	"businesswoman", "mogul", "sheriff", "councilman", "councilwoman", "chairman", "chairwoman")

// maleNominals and femaleNominals are person nouns that say a gender.
var (
	maleNominals   = set("congressman", "spokesman", "chairman", "councilman", "businessman", "assemblyman")
	femaleNominals = set("congresswoman", "spokeswoman", "chairwoman", "councilwoman", "businesswoman", "assemblywoman")
)

// title returns entity ei's title for matching: lower case, without
// dots, abbreviations spelled out, padded with spaces. Titles are
// computed once per analysis.
func (a *analysis) title(ei int) string {
	if a.titles == nil {
		a.titles = make([]string, len(a.ents))
		for i, e := range a.ents {
			if e.Title == "" {
				continue
			}
			var b strings.Builder
			for _, w := range strings.Fields(strings.ReplaceAll(strings.ToLower(e.Title), ".", "")) {
				if full, ok := titleAbbrevs[w]; ok {
					w = full
				}
				b.WriteString(" " + w)
			}
			a.titles[i] = b.String() + " "
		}
	}
	return a.titles[ei]
}

// titleAbbrevs spell out abbreviated titles, so that "Sen. Ted Cruz" is
// "the senator".
var titleAbbrevs = map[string]string{"sen": "senator", "gov": "governor", "rep": "representative",
	"congressman": "representative", "congresswoman": "representative", "spokesman": "spokesperson",
	"spokeswoman": "spokesperson", "chairman": "chair", "chairwoman": "chair",
	"gen": "general", "pres": "president", "sec": "secretary", "amb": "ambassador", "lt": "lieutenant",
	"col": "colonel", "adm": "admiral", "atty": "attorney", "supt": "superintendent", "dr": "doctor",
	"prof": "professor", "cmdr": "commander", "capt": "captain", "sgt": "sergeant"}

// mentionIn returns the entity of the mention that ends last among those
// overlapping tokens [from, to], or -1; lastMentionEnd is set to its end.
func (a *analysis) mentionIn(from, to int) int {
	if from < 0 || to >= len(a.toks) || from > to {
		return -1
	}
	lo, hi := a.toks[from].start, a.toks[to].end
	best, bestEnd := -1, -1
	i := a.firstMentionEndingAfter(lo)
	for ; i < len(a.ments) && a.ments[i].span.Start < hi; i++ {
		m := a.ments[i]
		if m.span.End > lo && m.span.End > bestEnd {
			best, bestEnd = m.ent, m.span.End
		}
	}
	a.lastMentionEnd = bestEnd
	return best
}

func (a *analysis) firstMentionEndingAfter(off int) int {
	// Mentions are sorted by start and do not nest deeply; step back a
	// little from the first mention starting at or after off.
	lo, hi := 0, len(a.ments)
	for lo < hi {
		m := (lo + hi) / 2
		if a.ments[m].span.Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for lo > 0 && a.ments[lo-1].span.End > off {
		lo--
	}
	for lo > 0 && off-a.ments[lo-1].span.Start < 64 {
		lo--
	}
	return lo
}

// resolvePronoun ties "he"/"she" to a person and "it" to an organization
// or government: the first one named (the subject) in the nearest
// sentence before the pronoun that names one, looking at most six
// sentences back, else the most recent one named anywhere before. Names
// inside direct quotes are skipped: a speaker quoting someone else is
// still the speaker. "they", "we" and "I" stay unknown.
func (a *analysis) resolvePronoun(i int) int {
	return a.resolveAs(i, a.lower(i))
}

// resolveAs resolves the pronoun w standing at token i.
func (a *analysis) resolveAs(i int, w string) int {
	var want func(parallax.EntityType) bool
	switch w {
	case "he", "she":
		want = func(t parallax.EntityType) bool { return t == parallax.Person }
	case "it":
		want = func(t parallax.EntityType) bool { return t == parallax.Organization || t == parallax.Government }
	default:
		return -1
	}
	off := a.toks[i].start
	lo, hi := 0, len(a.ments)
	for lo < hi {
		m := (lo + hi) / 2
		if a.ments[m].span.Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	fits := func(m mention) bool {
		if m.span.End > off || !want(a.ents[m.ent].Type) || !a.genderFits(m.ent, w) {
			return false
		}
		r := a.regionAt(m.span.Start)
		return (r < 0 || a.regs[r].single) && !a.frontedObject(m.span, i)
	}
	s := a.toks[i].sent
	if s < 0 {
		s = a.sentIndex(off)
	}
	latest := -1
	// Bounded look-back keeps articles full of pronouns and no persons linear.
	for k := lo - 1; k >= 0 && k >= lo-400; k-- {
		m := a.ments[k]
		if !fits(m) {
			continue
		}
		if latest < 0 {
			latest = m.ent
		}
		ms := a.sentIndex(m.span.Start)
		if s >= 0 && (ms < s-6 || ms < 0) {
			break
		}
		// The first fitting mention of that sentence is its subject.
		first, firstAt := m.ent, m.span.Start
		for j := k - 1; j >= 0 && a.sentIndex(a.ments[j].span.Start) == ms; j-- {
			if fits(a.ments[j]) {
				first, firstAt = a.ments[j].ent, a.ments[j].span.Start
			}
		}
		// When that person is not the sentence's subject ("The
		// congressman worried about his wife, an aide to Hillary
		// Clinton. "...," he told CNN"), the last speaker is likelier.
		if w == "he" || w == "she" {
			if sp := a.lastSpeaker(s, ms, w); sp >= 0 && sp != first && !a.opensSentence(firstAt, ms) {
				return sp
			}
		}
		return first
	}
	return latest
}

// frontedObject reports whether mention m is the object of a preposition
// in a phrase set off by a comma before the pronoun at token i, in the
// same sentence: in "Of Obama, he said" and "Asked about Clinton, she
// said" the pronoun is somebody else.
func (a *analysis) frontedObject(m parallax.Span, i int) bool {
	k := a.tokenAt(m.Start)
	s := a.toks[i].sent
	if s < 0 || a.sentOf(k) != s || !a.in(k-1, topicPreps) {
		return false
	}
	for j := k + 1; j < i; j++ {
		if a.isPunct(j, ',') {
			return true
		}
	}
	return false
}

// topicPreps introduce what a fronted phrase is about.
var topicPreps = set("of", "about", "on", "regarding", "like", "unlike", "to", "toward", "towards", "against", "with")

// lastSpeaker returns the person entity of the latest speech cue found so
// far in sentences [from-3, from] that the pronoun w can stand for, or -1.
func (a *analysis) lastSpeaker(from, near int, w string) int {
	lo := min(from, near) - 3
	for ci := len(a.cues) - 1; ci >= 0; ci-- {
		c := &a.cues[ci]
		if c.sent < lo {
			break
		}
		if c.sent > from || c.info.attrOnly || c.according || c.ent < 0 || a.ents[c.ent].Type != parallax.Person ||
			!a.genderFits(c.ent, w) {
			continue
		}
		return c.ent
	}
	return -1
}

// genderFits reports whether the pronoun w ("he", "she", "it") can stand
// for entity e: "he" never for a woman, "she" never for a man; a person of
// unknown gender fits both.
func (a *analysis) genderFits(e int, w string) bool {
	if e < 0 || e >= len(a.genders) {
		return true
	}
	switch w {
	case "he":
		return a.genders[e] != entity.Female
	case "she":
		return a.genders[e] != entity.Male
	}
	return true
}

// opensSentence reports whether byte offset off lies within the first
// three words of sentence s (after a dateline or introductory phrase it
// is no longer the subject, which this cannot tell; the cost is a
// fallback to the last speaker).
func (a *analysis) opensSentence(off, s int) bool {
	if s < 0 || s >= len(a.sents) {
		return false
	}
	n := 0
	for i := a.tokenAt(a.sents[s].span.Start); i < len(a.toks) && a.toks[i].start < off; i++ {
		if a.toks[i].kind == tWord {
			n++
			// "He said Obama ...", "Trump told Obama": a pronoun, or a
			// verb after the first word, puts the name in the object
			// ("Said Obama: ..." keeps it the subject).
			if a.in(i, pronouns) || n > 1 && a.in(i, speechSubjectVerbs) {
				return false
			}
		}
	}
	return n <= 2
}

// speechSubjectVerbs are verbs that, between a sentence's first word and
// a name, show the name is not the subject ("Trump told Obama").
var speechSubjectVerbs = set("said", "says", "told", "tells", "asked", "added", "called", "urged")

func (a *analysis) word(i int) string {
	return a.text[a.toks[i].start:a.toks[i].end]
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
