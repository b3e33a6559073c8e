package quote

import (
	"strings"

	"github.com/parallax-news/parallax"
)

// startAdverbials may stand between a verb and its "that" ("said on
// Tuesday that", "said after the call that").
var startAdverbials = set("on", "in", "at", "during", "after", "before", "last", "this",
	"earlier", "later", "late", "early", "via", "over", "through", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight",
	"again", "also", "repeatedly", "publicly", "privately", "previously", "recently",
	"separately", "once", "while", "when", "following", "to", "with")

// leadingTime are words skipped before reported content without "that"
// ("said Tuesday Russia would ...").
var leadingTime = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "today", "yesterday", "tonight", "again", "repeatedly", "publicly", "privately",
	"previously", "recently", "separately")

// reported emits indirect quotes and attributions for every cue whose
// content is not a direct quote next to it.
func (a *analysis) reported() {
	for ci := range a.cues {
		c := &a.cues[ci]
		if c.consumed || !c.spk.ok || a.negated(c) {
			continue
		}
		switch {
		case c.according:
			if content, ok := a.accordingContent(c); ok {
				a.attribute(c, content)
			}
		case c.info.mode == quoteOnly:
			if c.used {
				continue
			}
			if content, ok := a.describedAs(c); ok {
				a.attribute(c, content)
			} else if content, ok := a.objectContent(ci); ok && !a.in(c.tok, continuers) {
				a.addWeak(c, content)
			}
		default:
			if before, after, ok := a.interjected(ci); ok {
				for _, content := range []parallax.Span{before, after} {
					if !c.info.attrOnly {
						a.quotes = append(a.quotes, parallax.Quote{Span: content, Kind: parallax.Indirect,
							Speaker: c.ent, SpeakerSpan: a.phraseSpan(c.spk), Cue: a.cueSpan(c)})
						a.attribute(c, content)
					} else {
						a.addWeak(c, content)
					}
				}
				continue
			}
			content, ok := a.reportedContent(ci)
			switch {
			case !ok && c.info.mode == needThat && !c.used:
				// "announced his candidacy": no reported speech, but the
				// object is still credited to the source.
				if content, ok := a.objectContent(ci); ok {
					a.addWeak(c, content)
				}
			case !ok:
			case c.info.attrOnly:
				a.addWeak(c, content)
			default:
				a.quotes = append(a.quotes, parallax.Quote{Span: content, Kind: parallax.Indirect,
					Speaker: c.ent, SpeakerSpan: a.phraseSpan(c.spk), Cue: a.cueSpan(c)})
				a.attribute(c, content)
			}
		}
	}
}

// addWeak records an attribution that reports no speech; see keepOuter.
func (a *analysis) addWeak(c *cue, content parallax.Span) {
	a.weak = append(a.weak, parallax.Attribution{Source: c.ent, SourceSpan: a.phraseSpan(c.spk),
		Cue: a.cueSpan(c), Content: content})
}

// objectContent is what a cue credits when it reports no clause: its
// object and complements up to the clause end ("criticized Clinton's
// record", "urged voters to turn out", "declined to comment").
func (a *analysis) objectContent(ci int) (parallax.Span, bool) {
	c := &a.cues[ci]
	if c.inverted {
		return parallax.Span{}, false
	}
	start := a.tail(c) + 1
	for a.usable(start, c.sent) && a.in(start, leadingTime) {
		start++
	}
	if start >= len(a.toks) || a.toks[start].sent != c.sent || a.toks[start].kind == tPunct {
		return parallax.Span{}, false
	}
	if a.in(start, preps) && !(a.is(start, "to") && a.usable(start+1, c.sent)) {
		return parallax.Span{}, false
	}
	return a.content(start, a.clauseEnd(ci, start))
}

// negated reports a cue denied by "not", "never" or a contracted "n't"
// between its subject and verb ("Investigators have not yet said", "It
// didn't report"): nothing was said.
func (a *analysis) negated(c *cue) bool {
	for i, n := c.tok-1, 0; i >= 0 && n < 4 && a.toks[i].sent == c.sent && a.toks[i].kind == tWord; i, n = i-1, n+1 {
		if a.in(i, negations) || strings.HasSuffix(a.lower(i), "n't") {
			return true
		}
		if c.spk.ok && !c.inverted && i <= c.spk.to {
			break
		}
	}
	return false
}

// continuers attribute only the quote they continue: "Clinton continues
// to grow" credits nothing to Clinton.
var continuers = set("continued", "continues")

var negations = set("not", "never", "no", "neither", "nor")

func (a *analysis) attribute(c *cue, content parallax.Span) {
	a.attrs = append(a.attrs, parallax.Attribution{Source: c.ent, SourceSpan: a.phraseSpan(c.spk),
		Cue: a.cueSpan(c), Content: content})
}

// reportedContent finds the clause a cue reports: after "that" or the
// verb ("said Russia would ..."), up to the next cue's clause or the
// sentence end; or, for a trailing attribution ("..., the Kremlin said."),
// the clause before it.
func (a *analysis) reportedContent(ci int) (parallax.Span, bool) {
	c := &a.cues[ci]
	that := c.that
	if that < 0 && !c.info.participle && !c.borrowed && a.trailing(c) && (!c.info.attrOnly || a.endsClause(c)) {
		l := a.lead(c)
		first := a.tokenAt(a.sents[c.sent].span.Start)
		return a.content(first, l-1)
	}
	var start int
	switch {
	case that >= 0:
		start = that + 1
	case c.info.mode != free:
		return parallax.Span{}, false
	default:
		start = a.tail(c) + 1
		for a.usable(start, c.sent) && a.in(start, leadingTime) {
			start++
		}
	}
	if start >= len(a.toks) || a.toks[start].sent != c.sent || a.toks[start].kind == tPunct {
		return parallax.Span{}, false
	}
	// "warns of", "said in", "told about": a prepositional phrase, not a
	// reported clause.
	if that < 0 && a.in(start, preps) && !(c.info.attrOnly && a.is(start, "to") && a.usable(start+1, c.sent)) {
		return parallax.Span{}, false
	}
	return a.content(start, a.clauseEnd(ci, start))
}

// thatAfter returns the "that" opening the cue's clause, or -1: right
// after the cue, after an addressee ("told Trump that"), or after a short
// adverbial ("said on Tuesday that").
func (a *analysis) thatAfter(c *cue) int {
	s := c.sent
	k := a.tail(c) + 1
	if !a.usable(k, s) {
		return -1
	}
	if a.is(k, "that") {
		return k
	}
	limit := 0
	switch {
	case c.info.told:
		limit = 6
	case a.in(k, startAdverbials):
		limit = 10
	}
	for n := 0; n < limit && a.usable(k, s) && a.toks[k].kind == tWord; n++ {
		if a.is(k, "that") {
			return k
		}
		if _, _, isCue := a.cueWord(k); isCue {
			return -1
		}
		k++
	}
	return -1
}

// interjected finds the two halves of a clause interrupted by its
// attribution: "By eliminating the line, Ms. Tchen said, the White House
// can invite more guests." Both halves are what the source said.
func (a *analysis) interjected(ci int) (before, after parallax.Span, ok bool) {
	c := &a.cues[ci]
	if c.that >= 0 || c.info.participle || c.borrowed || c.inverted || c.according || !c.spk.ok {
		return before, after, false
	}
	l, t := a.lead(c), a.tail(c)+1
	for a.usable(t, c.sent) && a.in(t, leadingTime) {
		t++
	}
	if !a.isPunct(l-1, ',') || !a.isPunct(t, ',') || a.sentOf(l-1) != c.sent || a.sentOf(t) != c.sent ||
		!a.usable(t+1, c.sent) || a.toks[t+1].kind != tWord {
		return before, after, false
	}
	first := a.tokenAt(a.sents[c.sent].span.Start)
	if first >= l-1 {
		return before, after, false
	}
	before, ok1 := a.content(first, l-2)
	after, ok2 := a.content(t+1, a.clauseEnd(ci, t+1))
	return before, after, ok1 && ok2
}

// endsClause reports whether nothing but punctuation follows the cue in
// its sentence ("..., polls show."), so that "Christie, who endorsed Trump"
// does not read as a trailing attribution.
func (a *analysis) endsClause(c *cue) bool {
	k := a.tail(c) + 1
	return k >= len(a.toks) || a.toks[k].sent != c.sent || a.toks[k].kind == tPunct && a.toks[k].punct != '('
}

// trailing reports an attribution after its clause: "..., the Kremlin
// said." The clause before the comma must hold at least three words and
// not be an introductory phrase ("On Monday, Trump said ...").
func (a *analysis) trailing(c *cue) bool {
	l := a.lead(c)
	// The comma may sit inside a closing quote: `would "ensure safety,"
	// the Kremlin reported`.
	commaInQuote := l > 0 && a.toks[l-1].kind == tMark && a.toks[l-1].start > 0 && a.text[a.toks[l-1].start-1] == ','
	if !a.isPunct(l-1, ',') && !commaInQuote || a.sentOf(l-1) != c.sent {
		return false
	}
	first := a.tokenAt(a.sents[c.sent].span.Start)
	if first >= l-1 {
		return false
	}
	if a.in(first, introWords) {
		// "On Monday, Trump said ..." opens with the cue's clause; "As
		// a woman, she raised less suspicion, Mr. Verdery said" has a
		// whole clause between the introduction and the cue.
		k := first + 1
		for k < l-1 && !a.isPunct(k, ',') {
			k++
		}
		if k >= l-1 {
			return false
		}
	}
	words := 0
	for i := first; i < l-1; i++ {
		if a.toks[i].kind == tWord {
			words++
		}
	}
	return words >= 3
}

// clauseEnd returns the last token of the clause starting at token start
// for cue ci: before the next cue that opens a new clause (after a comma,
// semicolon, conjunction or closing quote), a semicolon, or the sentence
// end.
func (a *analysis) clauseEnd(ci, start int) int {
	s := a.cues[ci].sent
	end := start
	for end+1 < len(a.toks) && a.toks[end+1].sent == s {
		end++
	}
	for k := ci + 1; k < len(a.cues) && a.cues[k].sent == s; k++ {
		l := a.lead(&a.cues[k])
		if l <= start || l > end {
			continue
		}
		p := l - 1
		if a.isPunct(p, ',') || a.isPunct(p, ';') || a.in(p, clauseJoins) ||
			(a.toks[p].kind == tMark && a.text[a.toks[p].start] == '"' && a.regionAt(a.toks[p].start) >= 0 &&
				a.regs[a.regionAt(a.toks[p].start)].close == a.toks[p].start) {
			end = p
			break
		}
	}
	c := &a.cues[ci]
	// "Christie, who endorsed Trump in February, spoke": a relative
	// clause set off by commas ends at the next one.
	relClause := c.spk.rel && a.isPunct(c.spk.from-1, ',')
	for i := start; i <= end; i++ {
		if (a.isPunct(i, ';') || relClause && a.isPunct(i, ',')) && !a.toks[i].quoted {
			end = i
			break
		}
	}
	return end
}

// content turns tokens [from, to] into a span, trimming trailing
// punctuation and dangling conjunctions; it fails on fewer than two words
// and on content that is nothing but one direct quote.
func (a *analysis) content(from, to int) (parallax.Span, bool) {
	for from <= to && from < len(a.toks) && a.toks[from].kind == tPunct && a.toks[from].punct != '(' && a.toks[from].punct != '[' {
		from++
	}
	for to >= from {
		t := a.toks[to]
		if t.kind == tPunct && (t.punct == ',' || t.punct == ';' || t.punct == ':' || t.punct == '.' ||
			t.punct == '—' || t.punct == '–' || t.punct == '-') {
			to--
			continue
		}
		if t.kind == tWord && !t.quoted && a.in(to, clauseJoins) {
			to--
			continue
		}
		break
	}
	if to < from {
		return parallax.Span{}, false
	}
	words := 0
	for i := from; i <= to; i++ {
		if a.toks[i].kind == tWord {
			words++
		}
	}
	if words < 2 {
		return parallax.Span{}, false
	}
	sp := a.span(from, to)
	if a.toks[from].kind == tMark {
		if r := a.regionAt(sp.Start); r >= 0 && a.regs[r].open == sp.Start && a.regs[r].end >= sp.End {
			return parallax.Span{}, false
		}
	}
	return sp, true
}

// accordingContent is what "according to X" credits: the rest of the
// sentence after "According to X," at its start, the clause before ",
// according to X", else the whole sentence.
func (a *analysis) accordingContent(c *cue) (parallax.Span, bool) {
	s := c.sent
	first := a.tokenAt(a.sents[s].span.Start)
	last := first
	for last+1 < len(a.toks) && a.toks[last+1].sent == s {
		last++
	}
	// Leading: nothing but a dateline ("WASHINGTON —") or a conjunction before.
	leading := true
	for i := first; i < c.tok; i++ {
		if !(a.toks[i].kind == tWord && a.toks[i].cap) && !isDash(a, i) && !a.in(i, clauseJoins) {
			leading = false
			break
		}
	}
	if leading && c.tok > first && !isDash(a, c.tok-1) && !a.in(c.tok-1, clauseJoins) {
		leading = false
	}
	if leading && c.spk.ok && a.isPunct(c.spk.to+1, ',') {
		return a.content(c.spk.to+2, last)
	}
	if a.isPunct(c.tok-1, ',') && c.tok-1 > first {
		return a.content(first, c.tok-2)
	}
	if c.tok-1 > first && a.toks[c.tok-1].kind == tMark {
		return a.content(first, c.tok-1)
	}
	return a.content(first, last)
}

// describedAs credits "In what the Kremlin described as a gesture of
// goodwill" when no direct quote carries the description.
func (a *analysis) describedAs(c *cue) (parallax.Span, bool) {
	w := a.lower(c.tok)
	if w != "described" && w != "describing" && w != "called" && w != "calling" {
		return parallax.Span{}, false
	}
	k := c.ext + 1
	if !a.is(k, "as") {
		k++
	}
	if !a.is(k, "as") || !a.usable(k+1, c.sent) {
		return parallax.Span{}, false
	}
	end := k + 1
	for end+1 < len(a.toks) && a.toks[end+1].sent == c.sent && !a.isPunct(end+1, ',') {
		end++
	}
	return a.content(k+1, end)
}
