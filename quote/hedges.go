package quote

import "github.com/parallax-news/parallax"

// Attributions that have no speech verb: hedges ("Trump seemed to
// concede", "the bill is expected to pass"), questions put to somebody
// ("Asked whether she would run, ..."), and nouns of saying and stance
// with their owner ("his claim that ...", "Mr. Trump's decision to ...",
// "in Bolton's view"). They are weak attributions (see keepOuter): what
// they credit is the owner's claim, or for a hedge nobody's in particular
// but not the outlet's plain assertion either.

// hedgeVerbs mark content as an impression rather than a fact.
var hedgeVerbs = set("seem", "seems", "seemed", "appear", "appears", "appeared")

// hedgeBlockers after an "appear" verb show it means showing up ("appeared
// on television", "appeared at the rally").
var hedgeBlockers = set("on", "at", "in", "before", "with", "alongside", "onstage", "together",
	"live", "for", "during", "after", "briefly", "publicly", "outside", "inside", "via")

// stanceNouns are nouns whose owner is the source of what follows them.
var stanceNouns = set("claim", "claims", "call", "calls", "decision", "plan", "plans", "view",
	"views", "criticism", "criticisms", "attack", "attacks", "support", "opposition", "hope",
	"hopes", "promise", "promises", "pledge", "pledges", "vow", "vows", "warning", "warnings",
	"assertion", "assertions", "allegation", "allegations", "accusation", "accusations", "argument",
	"arguments", "belief", "beliefs", "insistence", "suggestion", "suggestions", "assessment",
	"proposal", "proposals", "position", "stance", "demand", "demands", "concern", "concerns",
	"fear", "fears", "threat", "threats", "refusal", "denial", "denials", "praise", "endorsement",
	"opinion", "request", "appeal", "intention", "desire", "complaint", "complaints", "objection",
	"objections", "prediction", "predictions", "conclusion", "contention", "charge", "charges",
	"rejection", "defense", "defence", "announcement", "admission", "acknowledgment", "doubts",
	"questions", "remarks", "comments", "insult", "insults", "criticism", "push", "bid", "idea")

// thatNouns take a "that" clause as their content even without an owner
// ("criticism that Trump was urging ...").
var thatNouns = set("claim", "claims", "criticism", "assertion", "allegation", "allegations",
	"accusation", "accusations", "argument", "belief", "insistence", "suggestion", "warning",
	"fear", "fears", "concern", "concerns", "hope", "hopes", "contention", "charge", "view",
	"notion", "admission", "promise", "pledge", "prediction", "conclusion", "speculation",
	"complaint", "complaints", "assurance", "assurances", "denial", "impression", "perception")

// hedges finds the attributions that have no speech verb.
func (a *analysis) hedges() {
	ci := 0
	for i, t := range a.toks {
		for ci < len(a.cues) && a.cues[ci].tok < i {
			ci++
		}
		if t.kind != tWord || t.quoted || t.sent < 0 {
			continue
		}
		if a.is(i, "asked") && a.askedOpens(i) {
			a.asked(i)
			continue
		}
		if ci < len(a.cues) && a.cues[ci].tok == i {
			continue // a verb cue already ("Democrats fear that ...")
		}
		switch {
		case a.in(i, hedgeVerbs):
			a.hedge(i, i)
		case a.in(i, passiveHedges) && a.passiveHedge(i) >= 0:
			a.hedge(a.passiveHedge(i), i) // "the bill is expected to pass"
		case a.in(i, hedgeAdverbs) && !a.in(i-1, beForms):
			a.hedge(i, i) // "Trump reportedly told aides ..."
		case a.in(i, stanceNouns):
			a.stanceNoun(i)
		}
	}
}

var beForms = set("is", "are", "was", "were", "be", "been", "being")

// passiveHedges credit their clause to an unnamed source in the passive:
// "is expected to", "is widely seen as", "was said to", "are believed to".
var passiveHedges = set("expected", "seen", "considered", "viewed", "regarded", "believed", "thought",
	"said", "reported", "rumored", "rumoured", "alleged", "deemed", "estimated", "projected", "known",
	"described", "understood", "predicted")

// hedgeAdverbs report without naming a source: "Trump reportedly told
// aides ...".
var hedgeAdverbs = set("reportedly", "allegedly", "purportedly", "supposedly", "ostensibly")

// passiveHedge returns the be-form opening a passive hedge at participle
// i ("is expected to", "was widely seen as", "were said to"), or -1. The
// participle must be followed by "to", "as" or "that"; "by" names the
// source and is left to other rules.
func (a *analysis) passiveHedge(i int) int {
	b := i - 1
	if a.usable(b, a.toks[i].sent) && hasSuffix(a.lower(b), "ly") && !a.in(b, beForms) {
		b-- // "widely seen as"
	}
	if !a.in(b, beForms) || !(a.is(i+1, "to") || a.is(i+1, "as") || a.is(i+1, "that")) {
		return -1
	}
	return b
}

// hedge credits the clause of a hedge verb at tokens [from, to] to no
// source: its subject through the clause end, or after "It seems that"
// only the clause.
func (a *analysis) hedge(from, to int) {
	s := a.toks[to].sent
	next := to + 1
	if !a.usable(next, s) || a.toks[next].kind != tWord || a.in(next, hedgeBlockers) {
		return
	}
	if a.is(from-1, "it") && a.is(next, "that") {
		if content, ok := a.content(next+1, a.sentEnd(next+1)); ok {
			a.weakFrom(-1, parallax.Span{}, a.span(from, to), content)
		}
		return
	}
	start := a.clauseStart(from)
	if start >= from {
		return // no subject: "Seemingly ..." or a participle
	}
	if content, ok := a.content(start, a.sentEnd(next)); ok {
		a.weakFrom(-1, parallax.Span{}, a.span(from, to), content)
	}
}

// clauseStart returns the first token of the clause holding token i: after
// the last comma, semicolon, colon, dash or clause conjunction before it in
// its sentence, or the sentence start.
func (a *analysis) clauseStart(i int) int {
	s := a.toks[i].sent
	k := i - 1
	for ; a.usable(k, s); k-- {
		if a.isPunct(k, ',') || a.isPunct(k, ';') || a.isPunct(k, ':') || isDash(a, k) || a.in(k, clauseJoins) ||
			a.toks[k].kind == tMark {
			break
		}
	}
	return k + 1
}

// sentEnd returns the last token of the sentence holding token i, or of
// its clause when a semicolon ends that first.
func (a *analysis) sentEnd(i int) int {
	s := a.toks[i].sent
	end := i
	for end+1 < len(a.toks) && a.toks[end+1].sent == s {
		end++
		if a.isPunct(end, ';') && !a.toks[end].quoted {
			return end - 1
		}
	}
	return end
}

// askedOpens reports a question put to the subject that opens its
// sentence: "Asked whether ...", "When asked about ...".
func (a *analysis) askedOpens(i int) bool {
	s := a.toks[i].sent
	first := a.tokenAt(a.sents[s].span.Start)
	if i != first && !(i == first+1 && (a.is(first, "when") || a.is(first, "if") || a.is(first, "once"))) {
		return false
	}
	return a.usable(i+1, s) && a.in(i+1, questionWords)
}

var questionWords = set("whether", "if", "about", "what", "how", "why", "who", "when", "where", "which")

// asked credits the question after "Asked" up to its comma; the person
// asked is the subject after the comma and usually answers with a cue of
// its own, so the question names no source.
func (a *analysis) asked(i int) {
	s := a.toks[i].sent
	end := i + 1
	for a.usable(end+1, s) && !a.isPunct(end+1, ',') {
		end++
	}
	if !a.isPunct(end+1, ',') {
		return
	}
	cue := a.span(i, i)
	from := i + 1
	if a.is(from, "about") {
		cue = a.span(i, from)
		from++
	}
	if content, ok := a.content(from, end); ok {
		a.weakFrom(-1, parallax.Span{}, cue, content)
	}
}

// stanceNoun credits what follows a stance noun to its owner: "his claim
// that ...", "Mr. Trump's decision to ...", "their attacks on Clinton",
// "in Bolton's view, ...". Without an owner only a "that" clause after a
// noun of saying counts ("criticism that Trump was urging ...").
func (a *analysis) stanceNoun(i int) {
	s := a.toks[i].sent
	owner := phrase{}
	ownerEnt := -1
	switch k := i - 1; {
	case a.in(k, ownerPronouns):
		owner = phrase{from: k, to: k, ok: true}
		ownerEnt = a.resolveAs(k, ownerPronouns2[a.lower(k)])
	case a.usable(k, s) && a.possessive(k):
		owner = a.phraseBefore(k, s)
		if owner.ok {
			ownerEnt = a.entityOf(owner)
		}
	}
	next := i + 1
	if !a.usable(next, s) {
		return
	}
	// "in Bolton's view, X": the rest of the sentence, on either side.
	if owner.ok && a.is(i, "view") && a.is(owner.from-1, "in") {
		first := a.tokenAt(a.sents[s].span.Start)
		var content parallax.Span
		var ok bool
		if owner.from-1 > first {
			content, ok = a.content(first, owner.from-2)
		} else {
			content, ok = a.content(next, a.sentEnd(next))
		}
		if ok {
			a.weakFrom(ownerEnt, a.phraseSpan(owner), a.span(i, i), content)
		}
		return
	}
	cue := a.span(i, i)
	from := next
	switch {
	case a.is(next, "that"):
		if !owner.ok && !a.in(i, thatNouns) {
			return
		}
		from = next + 1
	case !owner.ok:
		return
	case a.is(next, "to") || a.in(next, stanceObjectPreps):
		if !a.is(next, "to") {
			cue = a.span(i, next) // "attacks on", "support for"
			from = next + 1
		}
	default:
		return
	}
	if !a.usable(from, s) || a.toks[from].kind != tWord {
		return
	}
	if content, ok := a.content(from, a.phraseEnd(from)); ok {
		a.weakFrom(ownerEnt, a.phraseSpan(owner), cue, content)
	}
}

var (
	ownerPronouns     = set("his", "her", "their", "its")
	ownerPronouns2    = map[string]string{"his": "he", "her": "she", "its": "it", "their": "they"}
	stanceObjectPreps = set("on", "for", "of", "against", "about", "over")
)

// phraseEnd returns the last token of the stretch after a stance noun:
// up to the first comma, semicolon, dash or closing of the sentence.
func (a *analysis) phraseEnd(i int) int {
	s := a.toks[i].sent
	end := i
	for a.usable(end+1, s) && !a.isPunct(end+1, ',') && !a.isPunct(end+1, ';') && !isDash(a, end+1) {
		end++
	}
	return end
}

// weakFrom records a weak attribution without a cue struct.
func (a *analysis) weakFrom(ent int, src, cue, content parallax.Span) {
	a.weak = append(a.weak, parallax.Attribution{Source: ent, SourceSpan: src, Cue: cue, Content: content})
}
