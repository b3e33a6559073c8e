package reconcile

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
)

// personUnits are count units that all count people: "14 workers" and
// "22 people" answer the same question when they are claims of one fact.
var personUnits = map[string]bool{
	"person": true, "people": true, "resident": true, "worker": true, "employee": true,
	"civilian": true, "firefighter": true, "soldier": true, "troop": true, "prisoner": true,
	"captive": true, "passenger": true, "patient": true, "child": true, "student": true,
	"victim": true, "casualty": true, "officer": true, "migrant": true, "refugee": true,
	"protester": true, "adult": true, "man": true, "woman": true, "staff": true,
	"evacuee": true, "pilgrim": true, "miner": true, "crew": true, "inmate": true,
}

// vesselUnits are count units that all count vessels: "nearly 20
// vessels" and "18 boats" answer the same question.
var vesselUnits = map[string]bool{
	"vessel": true, "boat": true, "ship": true, "craft": true, "lifeboat": true, "cutter": true,
	"trawler": true, "ferry": true, "tug": true, "tugboat": true, "yacht": true, "dinghy": true,
}

// unitClass is the unit quantities are compared under.
func unitClass(q parallax.Quantity) string {
	u := strings.ToLower(q.Unit)
	if q.Dimension == parallax.Count {
		s := strings.TrimSuffix(u, "s")
		switch {
		case personUnits[u] || personUnits[s]:
			return "person"
		case vesselUnits[u] || vesselUnits[s]:
			return "vessel"
		}
	}
	return u
}

// quantityKey is the comparison key of a quantity: dimension and unit
// class.
func quantityKey(q parallax.Quantity) string {
	return string(q.Dimension) + ":" + unitClass(q)
}

// measurable reports whether a quantity takes part in fact checking.
// Ordinals ("11th anniversary") name things rather than measure them.
func measurable(q parallax.Quantity) bool {
	if q.Dimension == parallax.Ordinal || q.Dimension == "" {
		return false
	}
	return !math.IsNaN(q.Value.Lo) && !math.IsNaN(q.Value.Hi) && q.Value.Lo <= q.Value.Hi
}

// compatible reports whether two quantities can both be true: their
// intervals intersect and they do not count in different scopes ("175
// each" against "175 in total").
func compatible(a, b parallax.Quantity) bool {
	if a.Scope != "" && b.Scope != "" && a.Scope != b.Scope {
		return false
	}
	return a.Value.Intersects(b.Value)
}

func resolved(d parallax.Date) bool {
	return d.Anchor != "unresolved" && !d.Value.IsZero() && d.Granularity != ""
}

// formatDate writes a date at its granularity, as the contract's ISO 8601
// forms.
func formatDate(d parallax.Date) string {
	t := d.Value.UTC()
	switch d.Granularity {
	case parallax.Day:
		return t.Format("2006-01-02")
	case parallax.Week:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case parallax.Month:
		return t.Format("2006-01")
	case parallax.Year:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

// aspect is one thing the claims of a fact disagree on.
type aspect struct {
	kind     string // "quantity", "date" or "scope"
	key      string // for quantities, the quantityKey of the figures
	label    string // "the duration", "the number of workers", "the date"
	status   parallax.FactStatus
	variants []variant
}

// variant is one version of a disputed value and the claims that give it.
type variant struct {
	text   string
	value  parallax.VariantValue
	claims []int // indexes into the corpus claims
	order  [3]float64
	q      parallax.Quantity
	date   string
	// fits marks a quantity variant compatible with every other variant:
	// it takes no side in the dispute.
	fits bool
	// at holds where each claim states a quantity variant's figure (by
	// claim index), to tell whose voice the figure is in.
	at map[int]parallax.Span
}

// voice is the source key a variant's claim ci states it in: the figure's
// voice for quantities, the claim's source otherwise.
func (v variant) voice(c *corpus, ci int) string {
	if sp, ok := v.at[ci]; ok {
		return c.voice(ci, sp)
	}
	return c.claims[ci].srcKey
}

// disputes returns what the claims of one fact disagree on: quantities of
// the same dimension and unit with incompatible values, resolved dates of
// the same granularity that differ, and key phrases written in two scopes
// when each scope follows a different cited source. Each dispute is a
// conflict unless its variants follow the cited sources, then an
// attribution split. Scope differences that do not follow the sources are
// wording, not disputes.
func disputes(c *corpus, fact []int) []aspect {
	var out []aspect
	out = append(out, quantityDisputes(c, fact)...)
	out = append(out, dateDisputes(c, fact)...)
	if a, ok := scopeDispute(c, fact); ok {
		out = append(out, a)
	}
	return out
}

// anchoredQuantity is a quantity of a claim with the concepts around it,
// its holder and its time.
type anchoredQuantity struct {
	q       parallax.Quantity
	anchors map[string]bool // the context words compared
	context map[string]bool // all context words of the quantity
	of      string          // the concept of the noun it sizes, or ""
	holder  int             // the merged entity whose figure it is, or -1
	// capacity marks what something can hold ("certified to carry 400
	// passengers"), never a rival of how many it held.
	capacity bool
	year     int // the year it is explicitly dated to, or 0
	now      int // the publication year of its article, or 0
}

// sameThing reports whether two quantities measure the same thing: they
// share a concept around them ("the call lasted 90 minutes", "a
// two-and-a-half hour phone call") or state one specific value in one
// unit ("212 votes"), are within a factor of maxRatio of each other, and
// belong to no two different holders, times or sized nouns, nor is one a
// capacity and the other not. A call's length and a
// truce's length are both durations but never rival figures; rival
// reports of one figure differ by less. "The Green List holds five seats"
// and "the Civic Alliance holds 19 seats" are two holders' figures, and a
// figure dated to an earlier year than its report ("four years ago") is
// not a rival of one stated for the story's own time.
func sameThing(a, b anchoredQuantity) bool {
	x, y := magnitude(a.q.Value), magnitude(b.q.Value)
	if x > 0 && y > 0 && max(x, y) >= maxRatio*min(x, y) {
		return false
	}
	if a.holder >= 0 && b.holder >= 0 && a.holder != b.holder || a.capacity != b.capacity {
		return false
	}
	if !sameTime(a, b) || !sizes(a, b) || !sizes(b, a) {
		return false
	}
	if sameSpecific(a.q, b.q) {
		return true
	}
	for k := range a.anchors {
		if b.anchors[k] {
			return true
		}
	}
	return false
}

// sameTime reports whether two figures may hold at one time: their
// explicit years agree, or neither has one, or the one with a year is
// not dated before its own report.
func sameTime(a, b anchoredQuantity) bool {
	switch {
	case a.year != 0 && b.year != 0:
		return a.year == b.year
	case a.year != 0:
		return a.now == 0 || a.year >= a.now
	case b.year != 0:
		return b.now == 0 || b.year >= b.now
	}
	return true
}

// sizes reports whether b can measure what a measures when a is the size
// of a noun ("a town of about 38,000 people"): b sizes the same noun, or
// names it around its number.
func sizes(a, b anchoredQuantity) bool {
	switch {
	case a.of == "":
		return true
	case b.of != "":
		return a.of == b.of
	}
	return b.context[a.of]
}

// specificDigits is how many significant digits make an exact value
// specific enough that two reports of it in one unit are one figure:
// "212 votes" twice is one margin, "two days" twice may be anything.
const specificDigits = 3

// sameSpecific reports whether two quantities state one exact, specific
// value in the same unit as written.
func sameSpecific(a, b parallax.Quantity) bool {
	if a.Qualifier != "" || b.Qualifier != "" || a.Value != b.Value || a.Value.Lo != a.Value.Hi {
		return false
	}
	if !strings.EqualFold(a.Unit, b.Unit) {
		return false
	}
	return significantDigits(a.Value.Lo) >= specificDigits
}

// significantDigits counts the significant digits of x as written in
// shortest form: 212 has three, 2340 three, 63.2 three, 90 one.
func significantDigits(x float64) int {
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return 0
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
	s = strings.ReplaceAll(s, ".", "")
	s = strings.TrimLeft(s, "0")
	s = strings.TrimRight(s, "0")
	return len(s)
}

// maxRatio is the factor past which two values are taken for different
// things.
const maxRatio = 20

// magnitude is a representative size of an interval: its upper bound, or
// its lower bound when it has none.
func magnitude(iv parallax.Interval) float64 {
	if iv.Unbounded() {
		return math.Abs(iv.Lo)
	}
	return math.Abs(iv.Hi)
}

func quantityDisputes(c *corpus, fact []int) []aspect {
	byKey := map[string]map[int][]anchoredQuantity{}
	var keys []string
	for _, ci := range fact {
		cr := c.claims[ci]
		for _, qi := range cr.c.Quantities {
			aq, ok := c.comparable(cr, qi, cr.anchors[qi])
			if !ok {
				continue
			}
			k := quantityKey(aq.q)
			if byKey[k] == nil {
				byKey[k] = map[int][]anchoredQuantity{}
				keys = append(keys, k)
			}
			byKey[k][ci] = append(byKey[k][ci], aq)
		}
	}
	sort.Strings(keys)
	var out []aspect
	for _, k := range keys {
		per := byKey[k]
		if len(per) < 2 {
			continue
		}
		cis := sortedKeys(per)
		// Each claim contributes its principal quantity: the one that
		// measures the same thing as, and agrees with, the most other
		// claims, so that a second number in the sentence ("and 23 wounded
		// soldiers") is not taken for a rival figure. A claim whose
		// numbers measure nothing the others measure stays out.
		var vs []variant
		var picked []anchoredQuantity
		for _, ci := range cis {
			best, bestScore := anchoredQuantity{}, 0
			for _, q := range per[ci] {
				score := 0
				for _, cj := range cis {
					if cj == ci {
						continue
					}
					same, agree := false, false
					for _, q2 := range per[cj] {
						if sameThing(q, q2) {
							same = true
							agree = agree || compatible(q.q, q2.q)
						}
					}
					if same {
						score += 2
					}
					if agree {
						score++
					}
				}
				if score > bestScore {
					best, bestScore = q, score
				}
			}
			if bestScore == 0 {
				continue
			}
			vs = addQuantityVariant(vs, c, ci, best.q)
			picked = append(picked, best)
		}
		conflict := false
		for i := range picked {
			for j := i + 1; j < len(picked); j++ {
				if sameThing(picked[i], picked[j]) && !compatible(picked[i].q, picked[j].q) {
					conflict = true
				}
			}
		}
		if !conflict || len(vs) < 2 {
			continue
		}
		sort.SliceStable(vs, func(i, j int) bool { return lessOrder(vs[i].order, vs[j].order) })
		if a := c.quantityAspect(vs); a != nil {
			a.key = k
			out = append(out, *a)
		}
	}
	return out
}

// quantityAspect judges quantity variants sorted by value: a conflict or
// an attribution split among the variants that clash with some other
// variant. A variant that fits every other one ("at least five hours"
// beside "six hours" and "more than 10 hours") takes no side; it stays
// visible, marked and listed last, but does not decide the status. It
// returns nil when fewer than two variants clash.
func (c *corpus) quantityAspect(vs []variant) *aspect {
	var rivals []variant
	for i := range vs {
		vs[i].fits = true
		for j := range vs {
			if i != j && !compatible(vs[i].q, vs[j].q) {
				vs[i].fits = false
				break
			}
		}
		if !vs[i].fits {
			rivals = append(rivals, vs[i])
		}
	}
	if len(rivals) < 2 {
		return nil
	}
	sort.SliceStable(vs, func(i, j int) bool { return !vs[i].fits && vs[j].fits })
	a := &aspect{kind: "quantity", label: quantityLabel(vs), variants: vs}
	a.status = splitOrConflict(c, rivals, func(i, j int) bool { return !compatible(rivals[i].q, rivals[j].q) })
	return a
}

func addQuantityVariant(vs []variant, c *corpus, ci int, q parallax.Quantity) []variant {
	for i := range vs {
		v := &vs[i]
		// One value in one scope: a scope left unsaid matches a stated one.
		if v.q.Value == q.Value && v.q.Qualifier == q.Qualifier && (v.q.Scope == q.Scope || v.q.Scope == "" || q.Scope == "") {
			if v.q.Scope == "" {
				v.q.Scope = q.Scope
			}
			v.claims = append(v.claims, ci)
			v.at[ci] = q.Span
			return vs
		}
	}
	d := c.arts[c.claims[ci].art].doc
	val := parallax.VariantValue{Unit: q.Unit, Qualifier: q.Qualifier}
	lo := tidy(q.Value.Lo)
	if !math.IsInf(lo, -1) {
		val.Lo = &lo
	}
	if !q.Value.Unbounded() {
		hi := tidy(q.Value.Hi)
		val.Hi = &hi
	}
	hiKey := q.Value.Hi
	return append(vs, variant{
		text:   d.Slice(q.Span),
		value:  val,
		claims: []int{ci},
		q:      q,
		order:  [3]float64{lo, hiKey, 0},
		at:     map[int]parallax.Span{ci: q.Span},
	})
}

func dateDisputes(c *corpus, fact []int) []aspect {
	var out []aspect
	for _, g := range []parallax.Granularity{parallax.Day, parallax.Week, parallax.Month} {
		per := map[int][]parallax.Date{}
		for _, ci := range fact {
			cr := c.claims[ci]
			d := c.arts[cr.art].doc
			for _, di := range cr.c.Dates {
				if di >= 0 && di < len(d.Dates) && d.Dates[di].Granularity == g && resolved(d.Dates[di]) {
					per[ci] = append(per[ci], d.Dates[di])
				}
			}
		}
		if len(per) < 2 {
			continue
		}
		cis := sortedKeys(per)
		count := map[string]int{}
		for _, ci := range cis {
			seen := map[string]bool{}
			for _, d := range per[ci] {
				if f := formatDate(d); !seen[f] {
					seen[f] = true
					count[f]++
				}
			}
		}
		var vs []variant
		for _, ci := range cis {
			best := per[ci][0]
			for _, d := range per[ci] {
				if count[formatDate(d)] > count[formatDate(best)] {
					best = d
				}
			}
			vs = addDateVariant(vs, c, ci, best)
		}
		if len(vs) < 2 || !closeParaphrase(c, vs) {
			continue
		}
		sort.SliceStable(vs, func(i, j int) bool { return vs[i].date < vs[j].date })
		a := aspect{kind: "date", label: "the date", variants: vs}
		a.status = splitOrConflict(c, vs, func(i, j int) bool { return true })
		out = append(out, a)
	}
	return out
}

// dateSure is how similar two claims must be for their different dates
// to be a dispute rather than two events: a speech "on Monday" and one "on
// Thursday" can align as one fact while being two speeches.
const dateSure = 0.45

// closeParaphrase reports whether some claims of two different variants
// say nearly the same thing.
func closeParaphrase(c *corpus, vs []variant) bool {
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			for _, a := range vs[i].claims {
				for _, b := range vs[j].claims {
					if similarity(c.claims[a], c.claims[b]) >= dateSure {
						return true
					}
				}
			}
		}
	}
	return false
}

func addDateVariant(vs []variant, c *corpus, ci int, d parallax.Date) []variant {
	f := formatDate(d)
	for i := range vs {
		if vs[i].date == f {
			vs[i].claims = append(vs[i].claims, ci)
			return vs
		}
	}
	doc := c.arts[c.claims[ci].art].doc
	return append(vs, variant{
		text:   doc.Slice(d.Span),
		value:  parallax.VariantValue{Date: f, Granularity: string(d.Granularity)},
		claims: []int{ci},
		date:   f,
	})
}

// splitOrConflict decides whether disputed variants follow who is cited:
// every variant has at least one claim credited to a named source, and
// variants that disagree (clash(i, j)) never share a cited source. Claims
// in an outlet's own voice may repeat a cited figure, but a variant only
// outlets state is a conflict between outlets. A quantity is credited to
// a claim's source only when it lies in what the source is said to have
// said (see corpus.voice).
func splitOrConflict(c *corpus, vs []variant, clash func(i, j int) bool) parallax.FactStatus {
	cited := make([]map[string]bool, len(vs))
	for i, v := range vs {
		cited[i] = map[string]bool{}
		for _, ci := range v.claims {
			if s := v.voice(c, ci); s != "" {
				cited[i][s] = true
			}
		}
		if len(cited[i]) == 0 {
			return parallax.Conflict
		}
	}
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if !clash(i, j) {
				continue
			}
			for s := range cited[i] {
				if cited[j][s] {
					return parallax.Conflict
				}
			}
		}
	}
	return parallax.AttributionSplit
}

// quantityLabel names what the variants measure, for the disputed
// paragraph: "the duration", "the number of workers", "the number of
// people" when the counts name people differently.
func quantityLabel(vs []variant) string {
	q := vs[0].q
	switch q.Dimension {
	case parallax.Duration:
		return "the duration"
	case parallax.Count:
		u := strings.ToLower(q.Unit)
		for _, v := range vs[1:] {
			if strings.ToLower(v.q.Unit) != u {
				u = unitClass(q)
				break
			}
		}
		if u == "" {
			return "the number"
		}
		return "the number of " + plural(u)
	case parallax.Money:
		return "the amount"
	case parallax.Percent:
		return "the percentage"
	case parallax.Length:
		return "the distance"
	case parallax.Area:
		return "the area"
	case parallax.Mass:
		return "the weight"
	}
	return "the figure"
}

func plural(w string) string {
	switch {
	case w == "person":
		return "people"
	case w == "people" || strings.HasSuffix(w, "s"):
		return w
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// tidy rounds away floating-point noise from unit conversion
// (3300.0000000000005 → 3300) so that values read as written.
func tidy(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	y, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 10, 64), 64)
	if err != nil {
		return x
	}
	return y
}

func lessOrder(a, b [3]float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func sortedKeys[V any](m map[int]V) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}
