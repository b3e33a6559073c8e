package quote

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
)

// cue is one speech verb or "according to" with its speaker.
type cue struct {
	tok, ext  int // first token of the verb; last token incl. extension ("said in a statement")
	info      verbInfo
	according bool
	sent      int
	spk       phrase
	ent       int
	inverted  bool // speaker after the verb ("said Witkoff", "according to X")
	borrowed  bool // speaker taken from the clause or an earlier cue ("..., adding that")
	consumed  bool // its content is a direct quote right next to it
	used      bool // some direct quote is attributed to it
	viaPP     bool // the phrase before the verb was a prepositional object
	that      int  // token of the "that" opening its clause, or -1
}

// ambiguousNouns are verb forms that are more often plural nouns ("Russian
// claims that ..."): they count only after a clear speaker.
var ambiguousNouns = set("claims", "reports", "states", "notes", "calls", "statements", "says")

func (a *analysis) cueSpan(c *cue) parallax.Span { return a.span(c.tok, c.ext) }

// lead is where the cue's clause starts: its speaker when named before the
// verb, else the verb.
func (a *analysis) lead(c *cue) int {
	if c.spk.ok && !c.inverted && !c.borrowed && c.spk.from < c.tok {
		return c.spk.from
	}
	return c.tok
}

// tail is the last token of the cue's clause head: the extension, or the
// speaker when it follows the verb.
func (a *analysis) tail(c *cue) int {
	if c.inverted && c.spk.ok && c.spk.to > c.ext {
		return c.spk.to
	}
	return c.ext
}

func (a *analysis) findCues() {
	for i := range a.toks {
		t := a.toks[i]
		if t.kind != tWord || t.quoted || t.sent < 0 {
			continue
		}
		if a.is(i, "according") && a.is(i+1, "to") && a.usable(i+1, t.sent) {
			c := cue{tok: i, ext: i + 1, according: true, sent: t.sent, ent: -1, inverted: true}
			c.spk = a.phraseAfter(i+2, len(a.toks), true)
			c.ent = a.entityOf(c.spk)
			a.cues = append(a.cues, c)
			continue
		}
		info, ext, ok := a.cueWord(i)
		if !ok {
			continue
		}
		// A capitalized cue word inside a sentence is part of a name
		// ("the United States").
		if t.cap && i > 0 && a.toks[i-1].sent == t.sent && !a.isPunct(i-1, '"') && a.toks[i-1].kind != tMark &&
			!a.titleCase(t.sent) {
			continue
		}
		c := cue{tok: i, info: info, sent: t.sent, ent: -1}
		c.ext = a.extend(ext, info)
		a.speakerFor(&c)
		if (ambiguousNouns.m[a.lower(i)] || info.attrOnly && !info.participle) && (!a.clearSpeaker(&c) || c.viaPP) {
			continue
		}
		a.cues = append(a.cues, c)
	}
	a.colonCues()
	// Participles and coordinated verbs ("..., adding that", "but
	// emphasized that") borrow the speaker of the clause.
	for ci := range a.cues {
		c := &a.cues[ci]
		if c.spk.ok || c.according {
			continue
		}
		coord := a.isPunct(c.tok-1, ',') || a.in(c.tok-1, clauseJoins)
		if !c.info.participle && !coord {
			continue
		}
		stance := -1
		for k := ci - 1; k >= 0 && a.cues[k].sent == c.sent; k-- {
			p := &a.cues[k]
			if !p.spk.ok || p.according {
				continue
			}
			if !p.info.attrOnly {
				c.spk, c.ent, c.borrowed = p.spk, p.ent, true
				break
			}
			if stance < 0 && !p.viaPP && !p.info.participle {
				stance = k
			}
		}
		if !c.spk.ok && stance >= 0 && c.info.participle {
			// "Boehner chided Obama, accusing the president of ...":
			// with no speech verb before it, a participle shares the
			// subject of the stance verb it elaborates.
			p := &a.cues[stance]
			c.spk, c.ent, c.borrowed = p.spk, p.ent, true
		}
		if !c.spk.ok && (c.info.participle || !c.info.attrOnly) {
			// "Grimm stormed back, leaned into him and said": the
			// subject of the coordinated verbs.
			if p := a.clauseSubject(c.sent, c.tok); p.ok {
				c.spk, c.ent, c.borrowed = p, a.entityOf(p), true
			}
		}
	}
	a.leadAt = make(map[int]int, len(a.cues))
	a.tailAt = make(map[int]int, len(a.cues))
	a.thatAt = make(map[int]int, len(a.cues))
	for ci := range a.cues {
		c := &a.cues[ci]
		c.that = -1
		if !c.according {
			c.that = a.thatAfter(c)
		}
		if !c.spk.ok || c.info.attrOnly {
			// Attribution-only cues report no speech: no direct quote
			// attaches to them.
			continue
		}
		if c.that >= 0 {
			a.thatAt[c.that] = ci
		}
		if _, dup := a.leadAt[a.toks[a.lead(c)].start]; !dup {
			a.leadAt[a.toks[a.lead(c)].start] = ci
		}
		a.tailAt[a.toks[a.tail(c)].end] = ci
	}
}

// cueWord reports whether word token i opens a cue, with the cue's info
// and its last token so far: a speech verb, an attribution verb, or a
// verb with its particle ("called for", "pointed to", "lashed out at").
func (a *analysis) cueWord(i int) (verbInfo, int, bool) {
	if cueBit != 0 && a.lex[i]&cueBit == 0 {
		return verbInfo{}, 0, false // in none of the cue tables
	}
	s := a.toks[i].sent
	if parts, ok := phrasalCues[a.lower(i)]; ok && a.usable(i+1, s) {
		ing := strings.HasSuffix(a.lower(i), "ing")
		for _, p := range parts {
			if !a.is(i+1, p) {
				continue
			}
			ext := i + 1
			if p == "out" && a.usable(i+2, s) && a.in(i+2, outAt) {
				ext = i + 2
			}
			if a.is(i-1, "the") || a.is(i-1, "a") || a.is(i-1, "an") {
				return verbInfo{}, 0, false
			}
			return verbInfo{mode: free, attrOnly: true, participle: ing}, ext, true
		}
	}
	info, ok := verbs[a.lower(i)]
	if !ok {
		info, ok = attrVerbs[a.lower(i)]
	}
	if !ok || a.notSpeech(i) {
		return verbInfo{}, 0, false
	}
	if info.attrOnly && (a.in(i-1, nounMarkers) || a.possessive(max(i-1, 0)) && i > 0) {
		return verbInfo{}, 0, false // "their support", "Trump's plans"
	}
	return info, i, true
}

// nounMarkers before a cue word make it a noun or an infinitive ("to
// support", "his plans", "the show").
var nounMarkers = set("to", "the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
	"this", "that", "these", "those", "of", "no", "any", "some", "whose")

// colonCues adds a cue for a colon that introduces a direct quote when
// no speech verb precedes it in its sentence ("Biden was quick to
// retort: "..."", "Fox tweeted his own recollection in response:" before
// a quoted paragraph): the speaker is the clause's subject and the colon
// is the cue. Cues stay in text order.
func (a *analysis) colonCues() {
	var extra []cue
	for i, t := range a.toks {
		if t.kind != tPunct || t.punct != ':' || t.quoted || t.sent < 0 || !a.introducesQuote(i) {
			continue
		}
		if a.verbBefore(i) {
			continue // "Witkoff said:" has its verb
		}
		p := a.clauseSubject(t.sent, i)
		if !p.ok || p.to >= i-1 && a.toks[p.to].end == t.start {
			continue // "Trump: ..." with nothing said
		}
		extra = append(extra, cue{tok: i, ext: i, info: verbInfo{mode: quoteOnly}, sent: t.sent, spk: p, ent: a.entityOf(p)})
	}
	if len(extra) == 0 {
		return
	}
	a.cues = append(a.cues, extra...)
	slices.SortStableFunc(a.cues, func(x, y cue) int { return x.tok - y.tok })
}

// verbBefore reports whether a speech cue ends right before token i, time
// words aside ("said Thursday:").
func (a *analysis) verbBefore(i int) bool {
	j := i - 1
	for j >= 0 && a.in(j, timeWords) {
		j--
	}
	if j < 0 {
		return false
	}
	for ci := a.firstCueIn(a.toks[i].sent); ci < len(a.cues) && a.cues[ci].tok <= j; ci++ {
		if a.tail(&a.cues[ci]) == j || a.cues[ci].ext == j {
			return true
		}
	}
	return false
}

// introducesQuote reports whether the colon at token i is followed by an
// opening quote mark, right after it or at the start of the next
// paragraph.
func (a *analysis) introducesQuote(i int) bool {
	n := i + 1
	if n >= len(a.toks) || a.toks[n].kind != tMark {
		return false
	}
	r := a.regionAt(a.toks[n].start)
	if r < 0 || a.regs[r].open != a.toks[n].start {
		return false
	}
	return a.regs[r].para == a.paraOf(i) || a.regs[r].para == a.paraOf(i)+1
}

func (a *analysis) paraOf(i int) int {
	if s := a.toks[i].sent; s >= 0 {
		return a.sents[s].para
	}
	return -1
}

// notSpeech filters uses of cue words that are not speech: "the said
// agreement", "all told", "called for", "called off".
func (a *analysis) notSpeech(i int) bool {
	if a.is(i-1, "the") || a.is(i-1, "a") || a.is(i-1, "an") {
		return true
	}
	switch a.lower(i) {
	case "told":
		return a.is(i-1, "all")
	case "called", "calling", "calls":
		return a.is(i+1, "for") || a.is(i+1, "off") || a.is(i+1, "on") || a.is(i+1, "up") ||
			a.is(i+1, "in") || a.is(i+1, "out") || a.is(i+1, "back")
	case "asked":
		return a.is(i+1, "to") || a.is(i-1, "when") || a.is(i-1, "if")
	}
	return false
}

func (a *analysis) clearSpeaker(c *cue) bool {
	if c.inverted && c.spk.ok {
		// `"...," says Perry`: right after a quote the word is a verb.
		j := c.tok - 1
		if a.isPunct(j, ',') {
			j--
		}
		return j >= 0 && a.toks[j].kind == tMark
	}
	if !c.spk.ok {
		return false
	}
	if c.spk.pronoun || c.spk.rel || c.ent >= 0 {
		return true
	}
	w := a.baseLower(c.spk.to)
	// A capitalized plural names a group: "Democrats", "Republicans".
	plural := a.toks[c.spk.to].cap && len(w) > 3 && w[len(w)-1] == 's' && !a.possessive(c.spk.to)
	return personNominals.m[w] || orgNominals.m[w] || docNominals.m[w] || quantWord(w) || plural
}

// extend grows a cue over its addressee and venue: "told reporters",
// "said in a statement", "wrote in a Truth Social post".
func (a *analysis) extend(i int, info verbInfo) int {
	s := a.toks[i].sent
	e := i
	if info.told {
		if a.usable(e+1, s) && a.in(e+1, toldObjects) {
			e++
		} else if a.is(e+1, "the") && a.usable(e+2, s) && a.in(e+2, toldObjects) {
			e += 2
		}
	}
	if a.usable(e+1, s) && (a.is(e+1, "in") || a.is(e+1, "at") || a.is(e+1, "during")) {
		// The longest run ending in a venue noun: "in his nightly video
		// address", not "in his nightly video".
		k := e + 2
		last := -1
		if a.usable(k, s) && a.in(k, modifiers) {
			for n := 0; n < 6 && a.usable(k, s) && a.toks[k].kind == tWord && (n == 0 || !a.in(k, stopWords)); n++ {
				if n > 0 && a.in(k, venueNouns) {
					last = k
				}
				k++
			}
		}
		if last > 0 {
			return last
		}
	}
	return e
}

// speakerFor finds the cue's speaker: the phrase before the verb, an
// appositive's anchor, the clause subject when the phrase before is a
// prepositional object, or an inverted speaker after the verb.
func (a *analysis) speakerFor(c *cue) {
	v := c.tok
	if !c.info.participle {
		// "...," said Witkoff: try the inverted order first when the verb
		// follows a quote.
		j := v - 1
		if a.isPunct(j, ',') {
			j--
		}
		if j >= 0 && a.toks[j].kind == tMark {
			if p := a.invertedAfter(c); p.ok {
				c.spk, c.ent, c.inverted = p, a.entityOf(p), true
				return
			}
		}
	}
	p, pp := a.subjectBefore(v, c.info.participle)
	if p.ok && pp && !c.info.participle {
		c.viaPP = true
		if s := a.clauseSubject(c.sent, v); s.ok && s.to < v {
			p = s
		}
	}
	if !p.ok && !c.info.participle && !c.info.attrOnly && !ambiguousNouns.m[a.lower(v)] {
		// "A source close to him said", "People briefed on the move
		// said": the subject opens the clause and is followed by its
		// modifiers, not by another clause.
		if s := a.clauseSubject(c.sent, v); s.ok && s.to < v && a.plainGap(s.to+1, v-1) {
			p = s
			// "The Kessling fire brigade said": lower-case nouns
			// after the phrase complete it.
			k := v - 1
			for k > p.to && a.in(k, backSkip) {
				k--
			}
			compound := true
			for i := p.to + 1; i <= k; i++ {
				if a.toks[i].kind != tWord || a.in(i, stopWords) || a.in(i, preps) || a.in(i, backSkip) {
					compound = false
					break
				}
			}
			if compound {
				p.to = k
			}
		}
	}
	if p.ok && c.info.participle && a.objectOfVerb(p) {
		// "Romney released a statement saying ...": the statement
		// names nobody; the clause's subject issued it.
		if s := a.clauseSubject(c.sent, p.from); s.ok && s.to < p.from && a.entityOf(p) < 0 && a.entityOf(s) >= 0 {
			p = s
		}
	}
	if p.ok {
		c.spk, c.ent = p, a.entityOf(p)
		return
	}
	if c.info.participle {
		return
	}
	if p := a.invertedAfter(c); p.ok {
		c.spk, c.ent, c.inverted = p, a.entityOf(p), true
	}
}

// objectOfVerb reports whether phrase p follows a lower-case word that is
// neither a function word nor a preposition: a verb whose object it is
// ("released a statement", "issued a report").
func (a *analysis) objectOfVerb(p phrase) bool {
	k := p.from - 1
	if !a.usable(k, a.sentOf(p.from)) || a.toks[k].kind != tWord || a.toks[k].cap {
		return false
	}
	return !a.in(k, stopWords) && !a.in(k, preps) && !a.in(k, backSkip) && !a.in(k, modifiers)
}

// plainGap reports whether tokens [from, to] can be a subject's
// modifiers: at most 15 tokens, with no conjunction, semicolon, colon,
// quote mark or other cue word that would start another clause.
func (a *analysis) plainGap(from, to int) bool {
	if to-from >= 15 {
		return false
	}
	for i := from; i <= to; i++ {
		t := a.toks[i]
		if t.kind == tMark || t.quoted || a.isPunct(i, ';') || a.isPunct(i, ':') || a.in(i, clauseJoins) ||
			a.in(i, relatives) || a.is(i, "that") {
			return false
		}
		if t.kind == tWord {
			if _, _, cue := a.cueWord(i); cue {
				return false
			}
		}
	}
	return true
}

// invertedAfter reads "said the Kremlin readout," — a strict phrase right
// after the cue that ends the clause.
func (a *analysis) invertedAfter(c *cue) phrase {
	s := c.sent
	i := c.ext + 1
	if !a.usable(i, s) || a.toks[i].kind != tWord {
		return phrase{}
	}
	p := a.phraseAfter(i, len(a.toks), false)
	if !p.ok {
		return phrase{}
	}
	n := p.to + 1
	// "says Perry in the new ad": a prepositional phrase may follow.
	if n < len(a.toks) && a.toks[n].sent == s && a.toks[n].kind == tWord && !a.in(n, venuePreps) {
		return phrase{}
	}
	return p
}

// venuePreps may follow an inverted speaker ("said Perry in a statement",
// "says Smith at the rally").
var venuePreps = set("in", "at", "during", "after", "before", "via")

// titleCase reports whether sentence s is a headline in title case: at
// least three words and most of them capitalized, so that "Trump Says He
// Will Run" still has its cue.
func (a *analysis) titleCase(s int) bool {
	if s < 0 || s >= len(a.sents) {
		return false
	}
	words, caps := 0, 0
	for i := a.tokenAt(a.sents[s].span.Start); i < len(a.toks) && a.toks[i].sent == s; i++ {
		if a.toks[i].kind != tWord || a.toks[i].quoted {
			continue
		}
		words++
		if a.toks[i].cap {
			caps++
		}
	}
	return words >= 3 && caps*4 >= words*3
}
