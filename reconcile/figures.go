package reconcile

import (
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// Figures. The quantity stage reads one number at a time; whether two
// numbers of different articles can be rival figures for one thing also
// depends on the words that tie a number to the rest of its sentence:
// "19 of the 41 seats" counts seats and makes 41 the size of a whole,
// "More than 1,100 of them" counts what the sentence before counted, "The
// Green List holds five seats" and "the Civic Alliance holds 19" are
// figures of different holders, and "its candidate four years ago took a
// third of the vote" is a figure of another time than "Okoro won 60% of
// the vote".

// partDeterminers may stand between "of" and the whole in "N of the M
// seats".
var partDeterminers = map[string]bool{"the": true, "its": true, "their": true, "his": true, "her": true, "our": true, "all": true}

// backReferences are the pronouns of "N of them" that point back at
// something counted before.
var backReferences = map[string]bool{"them": true, "those": true, "these": true, "which": true, "whom": true}

// figures returns the document's quantities as reconcile compares them,
// and which of them size a whole. A bare count that is a part of a whole
// takes the whole's unit: "19 of the 41 seats" counts seats (and 41 is
// the whole, not a rival figure), "More than 1,100 of them" counts what
// the nearest count before it in its sentence or the one before counted.
// The document is not changed.
func figures(d *parallax.Document) ([]parallax.Quantity, []bool) {
	qs := make([]parallax.Quantity, len(d.Quantities))
	copy(qs, d.Quantities)
	whole := make([]bool, len(qs))
	for i := range qs {
		q := &qs[i]
		if q.Dimension != parallax.Count || q.Unit != "" || q.Span.End <= 0 || q.Span.End > len(d.Text) {
			continue
		}
		ws := words(d.Text, q.Span.End, min(len(d.Text), q.Span.End+40))
		if len(ws) < 2 || ws[0].lower != "of" || strings.ContainsAny(d.Text[q.Span.End:ws[0].start], ",;:.()") {
			continue
		}
		if backReferences[ws[1].lower] {
			if j := countBefore(d, qs, i); j >= 0 {
				q.Unit = qs[j].Unit
			}
			continue
		}
		next := ws[1]
		if partDeterminers[next.lower] && len(ws) > 2 {
			next = ws[2]
		}
		for j := range qs {
			if j != i && qs[j].Span.Start == next.start && qs[j].Dimension == parallax.Count && qs[j].Unit != "" {
				q.Unit = qs[j].Unit
				whole[j] = true
				break
			}
		}
	}
	return qs, whole
}

// countBefore returns the nearest count with a unit before quantity i in
// its sentence or the sentence before, or -1.
func countBefore(d *parallax.Document, qs []parallax.Quantity, i int) int {
	si := sentenceOf(d, qs[i].Span.Start)
	if si < 0 {
		return -1
	}
	from := d.Sentences[max(0, si-1)].Span.Start
	best := -1
	for j, q := range qs {
		if q.Dimension != parallax.Count || q.Unit == "" || q.Span.End > qs[i].Span.Start || q.Span.Start < from {
			continue
		}
		if best < 0 || q.Span.Start > qs[best].Span.Start {
			best = j
		}
	}
	return best
}

// sentenceOf returns the index of the sentence holding byte offset at, or
// -1.
func sentenceOf(d *parallax.Document, at int) int {
	for i, s := range d.Sentences {
		if s.Span.Start <= at && at < s.Span.End {
			return i
		}
	}
	return -1
}

// maxHolderGap is how many words may stand between a holder and the
// figure it holds ("The Green List, which holds five council seats").
const maxHolderGap = 4

// holder returns the merged entity whose figure a quantity is: the
// subject named just before it, joined by a verb or a relative pronoun
// and nothing else ("Her Civic Alliance holds 19", "Okoro won nearly
// 60%"). A source joined by a speech verb is not a holder ("Veltran said
// 14 workers"). It returns -1 when there is none.
func holder(c *corpus, cr *claimRec, q parallax.Quantity) int {
	a := c.arts[cr.art]
	d := a.doc
	best, bestEnd := -1, -1
	for _, e := range cr.c.Entities {
		if e < 0 || e >= len(d.Entities) || e >= len(a.ents) || a.ents[e] < 0 {
			continue
		}
		for _, m := range d.Entities[e].Mentions {
			if m.End <= q.Span.Start && m.End > bestEnd && m.Start >= cr.c.Span.Start {
				best, bestEnd = a.ents[e], m.End
			}
		}
	}
	if best < 0 {
		return -1
	}
	gap := d.Text[bestEnd:q.Span.Start]
	if strings.HasPrefix(gap, ", which ") || strings.HasPrefix(gap, ", who ") {
		gap = gap[1:]
	}
	if strings.ContainsAny(gap, ",;:.()\"“”") {
		return -1
	}
	ws := words(gap, 0, len(gap))
	if len(ws) == 0 || len(ws) > maxHolderGap {
		return -1
	}
	for _, w := range ws {
		if c.st.concept(w.lower) == speechConcept || notHolding[w.lower] {
			return -1
		}
	}
	return best
}

// notHolding are words that, between a name and a number, show that the
// name is not the number's subject: prepositions and conjunctions ("in
// Ukraine during their 90-minute call", "a statement from the Kremlin
// following their two-and-a-half hour call").
var notHolding = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "from": true, "of": true, "for": true,
	"with": true, "by": true, "after": true, "before": true, "following": true, "to": true,
	"into": true, "over": true, "under": true, "than": true, "and": true, "or": true, "but": true,
	"about": true, "since": true, "until": true, "between": true, "against": true, "across": true,
	"through": true, "via": true, "per": true, "as": true, "like": true, "near": true,
}

// referencePoints are the words that make a date a point of comparison
// rather than the time of a figure ("the lowest since 2010", "by the end
// of 2027").
var referencePoints = map[string]bool{
	"since": true, "until": true, "till": true, "before": true, "after": true, "by": true,
	"from": true, "than": true, "to": true,
}

// maxTimeGap is how many words may stand between a figure and the date
// that says when it held.
const maxTimeGap = 8

// figureYear returns the year of the earlier period a quantity is
// explicitly dated to: a resolved date in its claim, close to it and in
// the same clause, that is not a point of comparison ("Its candidate four
// years ago took less than a third of the vote"), and that is a year or
// lies more than a year before the report. It returns 0 when the figure
// has no such date.
func figureYear(c *corpus, cr *claimRec, q parallax.Quantity) int {
	d := c.arts[cr.art].doc
	for _, di := range cr.c.Dates {
		if di < 0 || di >= len(d.Dates) || !resolved(d.Dates[di]) || !within(d.Dates[di].Span, d.Text) {
			continue
		}
		dt := d.Dates[di]
		lo, hi := dt.Span.End, q.Span.Start
		if q.Span.End <= dt.Span.Start {
			lo, hi = q.Span.End, dt.Span.Start
		}
		if lo > hi || lo < 0 || hi > len(d.Text) || strings.ContainsAny(d.Text[lo:hi], ",;:()") {
			continue
		}
		if len(words(d.Text, lo, hi)) > maxTimeGap {
			continue
		}
		before := words(d.Text, max(cr.c.Span.Start, dt.Span.Start-30), dt.Span.Start)
		if len(before) > 0 && referencePoints[before[len(before)-1].lower] {
			continue
		}
		if len(before) > 1 && referencePoints[before[len(before)-2].lower] && partDeterminers[before[len(before)-1].lower] {
			continue
		}
		// Only a date of an earlier year than the report, or a year on
		// its own, dates a figure to a period of its own: "on Monday"
		// places a figure in the story's own time.
		a := c.arts[cr.art]
		if dt.Granularity == parallax.Year || (!a.published.IsZero() && a.published.Sub(dt.Value) > 365*24*time.Hour) {
			return dt.Value.Year()
		}
	}
	return 0
}

// capacityWords, shortly before a number, make it what something can
// hold rather than what it held: "certified to carry 400 passengers", "a
// capacity of 5,000".
var capacityWords = map[string]bool{
	"can": true, "able": true, "capable": true, "certified": true, "designed": true,
	"licensed": true, "permitted": true, "allowed": true, "capacity": true, "rated": true,
}

// capacityBefore is how many words before a number may say it is a
// capacity.
const capacityBefore = 4

// capacity reports whether a quantity is a capacity, a limit of what
// something can hold, which is never a rival of how many it held.
func capacity(c *corpus, cr *claimRec, q parallax.Quantity) bool {
	d := c.arts[cr.art].doc
	ws := words(d.Text, max(cr.c.Span.Start, q.Span.Start-60), q.Span.Start)
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-capacityBefore; i-- {
		if strings.ContainsAny(d.Text[ws[i].end:q.Span.Start], ",;:()") {
			return false
		}
		if capacityWords[ws[i].lower] {
			return true
		}
	}
	return false
}

// figure is what ties one quantity of a claim to the rest of its
// sentence.
type figure struct {
	holder int    // merged entity, or -1
	year   int    // explicit year, or 0
	of     string // the concept of the noun it sizes, or ""
	cap    bool   // a capacity, not a count of what happened
}

// describeFigures finds the holder and the year of every quantity of every
// claim.
func (c *corpus) describeFigures() {
	for _, cr := range c.claims {
		a := c.arts[cr.art]
		for _, qi := range cr.c.Quantities {
			if qi < 0 || qi >= len(a.qs) || !within(a.qs[qi].Span, a.doc.Text) {
				continue
			}
			if cr.figs == nil {
				cr.figs = map[int]figure{}
			}
			cr.figs[qi] = figure{holder: holder(c, cr, a.qs[qi]), year: figureYear(c, cr, a.qs[qi]), of: sizedNoun(c, cr, a.qs[qi]), cap: capacity(c, cr, a.qs[qi])}
		}
	}
}

// comparable returns quantity qi of claim cr as compared across articles,
// with the given context words, and false when it takes no part in fact
// checking: an ordinal, an invalid value or the size of a whole.
func (c *corpus) comparable(cr *claimRec, qi int, context map[string]bool) (anchoredQuantity, bool) {
	a := c.arts[cr.art]
	if qi < 0 || qi >= len(a.qs) || a.whole[qi] || !measurable(a.qs[qi]) {
		return anchoredQuantity{}, false
	}
	f, ok := cr.figs[qi]
	if !ok {
		f.holder = -1
	}
	aq := anchoredQuantity{q: a.qs[qi], anchors: context, context: cr.anchors[qi], holder: f.holder, year: f.year, of: f.of, capacity: f.cap}
	if !a.published.IsZero() {
		aq.now = a.published.Year()
	}
	return aq, true
}

// collectives are the nouns of "a N of 30 observers" that only say how
// many there are: "a total of 18 boats" counts boats.
var collectives = map[string]bool{
	"total": true, "number": true, "group": true, "crowd": true, "handful": true, "lot": true,
	"lots": true, "batch": true, "fleet": true, "team": true, "set": true, "series": true,
	"host": true, "pair": true, "couple": true, "dozen": true, "dozens": true, "score": true,
	"scores": true, "maximum": true, "minimum": true, "average": true, "estimate": true,
	"tally": true, "count": true, "sum": true, "amount": true, "figure": true, "majority": true,
	"minority": true, "range": true, "hundreds": true, "thousands": true, "tens": true,
}

// sizedNoun returns the concept of the noun a quantity is the size of in
// "a town of about 38,000 people" or "a lead of 247 votes": what such a
// number measures is the town or the lead, not the people or votes on
// their own. It returns "" when the quantity does not follow "NOUN of" or
// the noun only counts ("a total of").
func sizedNoun(c *corpus, cr *claimRec, q parallax.Quantity) string {
	d := c.arts[cr.art].doc
	ws := words(d.Text, max(cr.c.Span.Start, q.Span.Start-40), q.Span.Start)
	if len(ws) < 2 || ws[len(ws)-1].lower != "of" {
		return ""
	}
	n := ws[len(ws)-2]
	if strings.ContainsAny(d.Text[n.end:q.Span.Start], ",;:()") || stopWords[n.lower] || collectives[n.lower] || hasDigit(n.lower) {
		return ""
	}
	return c.st.concept(n.lower)
}

// voice returns the key of the source a figure of claim ci is credited
// to, "" for the outlet's own voice. A claim credited to a source may
// still state some numbers in the outlet's words: in "according to a
// statement from the Kremlin following their two-and-a-half hour call" the
// call's length is not what the statement says. So when the claim's
// attributions and quotes say what they cover, a figure outside all of it
// is the outlet's own; when they say nothing, the claim's source stands.
func (c *corpus) voice(ci int, at parallax.Span) string {
	cr := c.claims[ci]
	if cr.srcKey == "" || at.Len() <= 0 {
		return cr.srcKey
	}
	d := c.arts[cr.art].doc
	var sent parallax.Span
	if s := cr.c.Sentence; s >= 0 && s < len(d.Sentences) {
		sent = d.Sentences[s].Span
	}
	covered := false
	check := func(cue, content parallax.Span) bool {
		if content.Len() <= 0 || !(content.Overlaps(cr.c.Span) || (cue.Len() > 0 && sent.Contains(cue))) {
			return false
		}
		covered = true
		return content.Contains(at)
	}
	for _, a := range d.Attributions {
		if check(a.Cue, a.Content) {
			return cr.srcKey
		}
	}
	for _, q := range d.Quotes {
		if check(q.Cue, q.Span) {
			return cr.srcKey
		}
	}
	if covered {
		return ""
	}
	return cr.srcKey
}

// within reports whether sp is a valid span of text.
func within(sp parallax.Span, text string) bool {
	return sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(text)
}
