package quote

import "github.com/parallax-news/parallax"

// attachRegions finds the speaker of every direct quote: a cue right after
// it, a cue right before it, the nearest cue of its sentence, and finally
// the quote it continues.
func (a *analysis) attachRegions() {
	for ri := range a.regs {
		r := &a.regs[ri]
		after, before := a.cueAfter(r), a.cueBefore(r)
		ci := after
		switch {
		case after >= 0 && before >= 0 && a.cues[after].according:
			// "Putin indicated that "...," according to the Kremlin":
			// Putin speaks, the Kremlin is the source.
			ci = before
			r.according = &a.cues[after]
		case after < 0:
			ci = before
		}
		switch {
		case ci < 0:
			ci = a.cueInSentence(r)
		case ci == before:
			a.cues[ci].consumed = true
		case !a.wordsBefore(r):
			// The quote is the whole clause the cue reports; a quote
			// inside a longer clause leaves the cue reporting that clause
			// too ("... would "ensure safety," the Kremlin reported").
			a.cues[ci].consumed = true
		}
		if ci < 0 {
			continue
		}
		c := &a.cues[ci]
		c.used = true
		r.att = attachment{ent: c.ent, spk: a.phraseSpan(c.spk), cue: ci}
		if !c.according && r.according == nil {
			r.according = a.accordingNear(r)
		}
	}
	a.continuations()
}

// wordsBefore reports whether unquoted words precede the quote in its
// sentence.
func (a *analysis) wordsBefore(r *region) bool {
	s := a.sentIndex(r.open)
	if s < 0 {
		return false
	}
	for i := a.tokenAt(a.sents[s].span.Start); i < len(a.toks) && a.toks[i].start < r.open; i++ {
		if a.toks[i].kind == tWord && !a.toks[i].quoted {
			return true
		}
	}
	return false
}

// cueAfter: `"...," Witkoff said` / `"...," said Witkoff` / `"...,"
// according to X` — only punctuation between the closing mark and the cue.
func (a *analysis) cueAfter(r *region) int {
	if r.close < 0 {
		return -1
	}
	// A period inside the marks ends the sentence: what follows is a new
	// sentence, not this quote's attribution.
	if k := trimSpan(a.text, parallax.Span{Start: r.open + 1, End: r.close}).End; k > r.open+1 && a.text[k-1] == '.' {
		return -1
	}
	i := a.tokenAt(r.end)
	for n := 0; n < 3 && i < len(a.toks) && a.toks[i].kind == tPunct; n++ {
		switch a.toks[i].punct {
		case ',', '—', '–', '-', ')':
			i++
			continue
		}
		return -1
	}
	if i >= len(a.toks) || a.toks[i].start >= a.paras[r.para].End {
		return -1
	}
	if ci, ok := a.leadAt[a.toks[i].start]; ok {
		return ci
	}
	return -1
}

// cueBefore: `Witkoff said: "..."`, `said, "..."`, `said on Tuesday that
// "..."`, and across a paragraph break after a colon.
func (a *analysis) cueBefore(r *region) int {
	i := a.tokenAt(r.open) - 1
	for n := 0; n < 8 && i >= 0; n++ {
		t := a.toks[i]
		if ci, ok := a.tailAt[t.end]; ok {
			return ci
		}
		if ci, ok := a.thatAt[i]; ok {
			return ci
		}
		switch {
		case t.kind == tPunct && (t.punct == ',' || t.punct == ':'):
		case t.kind == tWord && (a.in(i, timeWords) || a.is(i, "that") || isDigits(a.word(i))):
		default:
			return -1
		}
		i--
	}
	return -1
}

// cueInSentence returns the cue with a speaker nearest to a quote within
// the sentences it touches (partial quotes: Witkoff commended Putin "for
// all he did"), preferring the one before on a tie.
func (a *analysis) cueInSentence(r *region) int {
	s1, s2 := a.sentIndex(r.open), a.sentIndex(r.content.End-1)
	if s1 < 0 {
		s1 = s2
	}
	if s2 < 0 {
		s2 = s1
	}
	if s1 < 0 {
		return -1
	}
	// Only speech cues: in "Grushko said Moscow would seek "ironclad
	// guarantees"" Grushko speaks, Moscow only seeks.
	return a.nearestCue(r, s1, s2, false)
}

// nearestCue is cueInSentence among speech cues or among attribution-only
// cues.
func (a *analysis) nearestCue(r *region, s1, s2 int, attrOnly bool) int {
	best, bestDist := -1, 1<<62
	for ci := a.firstCueIn(s1); ci < len(a.cues) && a.cues[ci].sent <= s2; ci++ {
		c := &a.cues[ci]
		if !c.spk.ok || c.info.attrOnly != attrOnly {
			continue
		}
		var d int
		if end := a.toks[a.tail(c)].end; end <= r.open {
			d = r.open - end
		} else {
			d = a.toks[a.lead(c)].start - r.end
			if c.borrowed {
				// "told the council that "..." and urged": the
				// quote belongs to the clause it sits in.
				d += len(a.text)
			}
		}
		if d >= 0 && d < bestDist {
			best, bestDist = ci, d
		}
	}
	return best
}

// accordingNear returns an "according to" cue in the quote's sentence, so
// that a quote with a speaker also credits the document that reports it.
func (a *analysis) accordingNear(r *region) *cue {
	s := a.sentIndex(r.open)
	if s < 0 {
		return nil
	}
	for ci := a.firstCueIn(s); ci < len(a.cues) && a.cues[ci].sent == s; ci++ {
		if c := &a.cues[ci]; c.according && c.spk.ok {
			return c
		}
	}
	return nil
}

// firstCueIn returns the index of the first cue in sentence s or later;
// cues are in text order, so their sentences are sorted.
func (a *analysis) firstCueIn(s int) int {
	lo, hi := 0, len(a.cues)
	for lo < hi {
		m := (lo + hi) / 2
		if a.cues[m].sent < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (a *analysis) sentIndex(off int) int {
	return parallax.SpanIndex(a.sents, off, func(s *sentence) parallax.Span { return s.span })
}

// continuations gives an unattributed quote the speaker of the quote it
// continues: the other paragraphs of a multi-paragraph quote, a quote in
// the sentence right after an attributed one ("...," the White House said.
// "..."), or one immediately followed by an attributed quote.
func (a *analysis) continuations() {
	for pass := 0; pass < 2; pass++ {
		for ri := range a.regs {
			r := &a.regs[ri]
			if r.att.cue >= 0 {
				continue
			}
			for _, k := range []int{r.prev, r.next} {
				if k >= 0 && a.regs[k].att.cue >= 0 {
					r.att = a.regs[k].att
					break
				}
			}
			if r.att.cue >= 0 {
				continue
			}
			if ri > 0 && a.follows(&a.regs[ri-1], r) {
				r.att = a.regs[ri-1].att
				// `"...," said Trump on NBC's "Today" show, according
				// to TIME. "..."`: a quoted name inside the attribution
				// is not the quote continued; the speaker is.
				if p := &a.regs[ri-1]; a.cues[p.att.cue].according && ri > 1 && a.follows(&a.regs[ri-2], r) &&
					!a.cues[a.regs[ri-2].att.cue].according {
					r.att = a.regs[ri-2].att
				}
				continue
			}
			if ri+1 < len(a.regs) && a.regs[ri+1].para == r.para && a.regs[ri+1].att.cue >= 0 &&
				r.close >= 0 && onlySpace(a.text[r.end:a.regs[ri+1].open]) {
				r.att = a.regs[ri+1].att
			}
		}
	}
}

// follows reports whether r comes right after the attributed quote p in
// the same paragraph, with nothing between them but p's attribution.
func (a *analysis) follows(p, r *region) bool {
	if p.att.cue < 0 || p.para != r.para || p.close < 0 || p.single != r.single {
		return false
	}
	from := p.end
	if c := &a.cues[p.att.cue]; a.toks[a.lead(c)].start >= p.end {
		from = a.toks[a.tail(c)].end
	}
	if from > r.open {
		return false
	}
	// The quote opens the sentence right after the attribution's.
	if k := a.sentIndex(from - 1); k >= 0 && k+1 < len(a.sents) && a.sents[k+1].span.Start == r.open &&
		a.sentIndex(p.open) <= k {
		return true
	}
	for i := a.tokenAt(from); i < len(a.toks) && a.toks[i].start < r.open; i++ {
		t := a.toks[i]
		if t.kind == tPunct && (t.punct == '.' || t.punct == ',' || t.punct == ':' || t.punct == ';') {
			continue
		}
		if t.kind == tWord && (a.in(i, timeWords) || isDigits(a.word(i))) {
			continue
		}
		return false
	}
	return true
}

func onlySpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			return false
		}
	}
	return true
}
