package quote

import "github.com/parallax-news/parallax"

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
		info, ok := verbs[string(a.lower(i))]
		if !ok || a.notSpeech(i) {
			continue
		}
		// A capitalized cue word inside a sentence is part of a name
		// ("the United States").
		if t.cap && i > 0 && a.toks[i-1].sent == t.sent && !a.isPunct(i-1, '"') && a.toks[i-1].kind != tMark {
			continue
		}
		c := cue{tok: i, info: info, sent: t.sent, ent: -1}
		c.ext = a.extend(i, info)
		a.speakerFor(&c)
		if ambiguousNouns[string(a.lower(i))] && (!a.clearSpeaker(&c) || c.viaPP) {
			continue
		}
		a.cues = append(a.cues, c)
	}
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
		for k := ci - 1; k >= 0 && a.cues[k].sent == c.sent; k-- {
			if p := &a.cues[k]; p.spk.ok && !p.according {
				c.spk, c.ent, c.borrowed = p.spk, p.ent, true
				break
			}
		}
		if !c.spk.ok && c.info.participle {
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
		if !c.spk.ok {
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

// notSpeech filters uses of cue words that are not speech: "the said
// agreement", "all told", "called for", "called off".
func (a *analysis) notSpeech(i int) bool {
	if a.is(i-1, "the") || a.is(i-1, "a") || a.is(i-1, "an") {
		return true
	}
	switch string(a.lower(i)) {
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
	if !c.spk.ok || c.inverted {
		return false
	}
	if c.spk.pronoun || c.ent >= 0 {
		return true
	}
	w := string(a.baseLower(c.spk.to))
	return personNominals[w] || orgNominals[w] || docNominals[w]
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
	if n < len(a.toks) && a.toks[n].sent == s && a.toks[n].kind == tWord {
		return phrase{}
	}
	return p
}
