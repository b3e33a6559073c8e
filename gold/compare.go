package gold

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
)

// Result is one story scored against its labels: a count behind every
// metric and one line for every miss, so that a failing score says which
// gold item failed.
type Result struct {
	Story string

	ConflictsFound, Conflicts int // gold conflicts found / gold conflicts
	SplitsFound, Splits       int // gold attribution splits found / gold splits
	StatusCorrect, Facts      int // labelled facts whose matched fact has the gold status
	DisputesTrue, Disputes    int // predicted conflict/split facts that match a gold dispute / all of them
	PairsKept, Pairs          int // must-not-conflict pairs not reported as conflicting
	OriginAgree, OriginPairs  int // article pairs on which origin grouping agrees / all pairs
	UniqueTrue, UniqueScored  int // predicted unique sentences that are gold unique / those not labelled partly
	UniqueFound, UniqueGold   int // gold unique sentences predicted / gold unique sentences
	DatesAgree, DateMentions  int // date mentions resolved and on the timeline / mentions
	SpellingsFound, Spellings int // name spellings reported in one wording entry / spellings

	Misses []string
	// LabelNotes are weaknesses of the labels seen through this run's
	// segmentation, such as two labelled facts citing one sentence.
	LabelNotes []string
}

// FalseDisputes is the number of predicted conflict or split facts that
// match no gold conflict or split.
func (r *Result) FalseDisputes() int { return r.Disputes - r.DisputesTrue }

func (r *Result) miss(format string, a ...any) {
	r.Misses = append(r.Misses, fmt.Sprintf(format, a...))
}

// goldFact is a labelled fact with its cites resolved to sentences.
type goldFact struct {
	f        *Fact
	cites    []sentSet   // every cite: variants' and the fact's own
	variants [][]sentSet // per variant, its cites
}

// Compare scores a Brief built from docs against the story's labels. It
// fails only when a label cannot be resolved in the documents (a cite that
// is not in its article, or is there twice), which is a labelling error.
func Compare(l *Labels, docs []*parallax.Document, b *parallax.Brief) (*Result, error) {
	s := newStory(docs)
	var errs []string
	res := func(c Cite) sentSet {
		set, err := s.resolve(c)
		if err != nil {
			errs = append(errs, err.Error())
		}
		return set
	}
	gfs := make([]*goldFact, len(l.Facts))
	for i := range l.Facts {
		f := &l.Facts[i]
		g := &goldFact{f: f}
		for _, v := range f.Variants {
			var vs []sentSet
			for _, c := range v.Claims {
				vs = append(vs, res(c))
			}
			g.variants = append(g.variants, vs)
			g.cites = append(g.cites, vs...)
		}
		for _, c := range f.Claims {
			g.cites = append(g.cites, res(c))
		}
		gfs[i] = g
	}
	pairs := make([][2]sentSet, len(l.MustNotConflict))
	for i, p := range l.MustNotConflict {
		pairs[i] = [2]sentSet{res(p.A), res(p.B)}
	}
	type uniq struct {
		set    sentSet
		art    string
		key    string
		partly bool
	}
	var uniques []uniq
	for _, u := range l.Unique {
		for _, k := range u.Sentences {
			uniques = append(uniques, uniq{res(Cite{Article: u.Article, Sentence: k}), u.Article, k, false})
		}
		for _, k := range u.Partly {
			uniques = append(uniques, uniq{res(Cite{Article: u.Article, Sentence: k}), u.Article, k, true})
		}
	}
	dateSets := make([][]sentSet, len(l.Dates))
	for i, d := range l.Dates {
		for _, m := range d.Mentions {
			set := res(Cite{Article: m.Article, Sentence: m.Sentence})
			if set != nil && !strings.Contains(canon(s.text(set)), canon(m.Written)) {
				errs = append(errs, fmt.Sprintf("%s: %q not in the sentence of %q", m.Article, m.Written, m.Sentence))
			}
			dateSets[i] = append(dateSets[i], set)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s: labels do not match the articles:\n\t%s", l.Story, strings.Join(errs, "\n\t"))
	}

	r := &Result{Story: l.Story}
	// Facts are matched by the sentences they cite, so a sentence should
	// stand for one labelled fact only. Whether two cites land in one
	// sentence depends on the segmenter, so this is a note, not an error.
	owner := map[sref]string{}
	for _, g := range gfs {
		for _, set := range g.cites {
			for _, ref := range set {
				if o, ok := owner[ref]; ok && o != g.f.ID && ref.sent != noSentence {
					r.LabelNotes = append(r.LabelNotes, fmt.Sprintf("%s: sentence %d is cited by facts %s and %s", ref.art, ref.sent+1, o, g.f.ID))
				}
				owner[ref] = g.f.ID
			}
		}
	}
	preds := make([][]sref, len(b.Facts))
	for i := range b.Facts {
		preds[i] = s.factSents(&b.Facts[i])
	}
	disputed := func(st parallax.FactStatus) bool {
		return st == parallax.Conflict || st == parallax.AttributionSplit
	}

	// A predicted fact matches a gold dispute when its claims cite
	// sentences of at least two of the dispute's variants.
	matches := func(p []sref, g *goldFact) bool {
		n := 0
		for _, v := range g.variants {
			for _, set := range v {
				if citesAny(p, set) {
					n++
					break
				}
			}
		}
		return n >= 2
	}

	for _, g := range gfs {
		switch g.f.Status {
		case parallax.Conflict:
			r.Conflicts++
		case parallax.AttributionSplit:
			r.Splits++
		default:
			continue
		}
		found := false
		var near []string
		for i := range b.Facts {
			if !matches(preds[i], g) {
				continue
			}
			if b.Facts[i].Status == g.f.Status {
				found = true
				break
			}
			near = append(near, fmt.Sprintf("%s as %s", b.Facts[i].ID, b.Facts[i].Status))
		}
		switch {
		case found && g.f.Status == parallax.Conflict:
			r.ConflictsFound++
		case found:
			r.SplitsFound++
		case len(near) > 0:
			r.miss("%s %s: variants aligned but reported as %s", g.f.Status, g.f.ID, strings.Join(near, ", "))
		default:
			r.miss("%s %s: no predicted fact cites two of its variants (%s)", g.f.Status, g.f.ID, where(s, g, preds, b))
		}
	}

	for i := range b.Facts {
		f := &b.Facts[i]
		if !disputed(f.Status) {
			continue
		}
		r.Disputes++
		ok := false
		for _, g := range gfs {
			if g.f.Disputed() && matches(preds[i], g) {
				ok = true
				break
			}
		}
		if ok {
			r.DisputesTrue++
		} else {
			r.miss("false %s %s: %q, variants %s", f.Status, f.ID, cutText(f.Statement, 90), variantList(f))
		}
	}

	// Status: the predicted fact citing the most of the gold fact's
	// sentences; among equals, one with the gold status.
	for _, g := range gfs {
		r.Facts++
		best, bestN := -1, 0
		for i := range b.Facts {
			n := 0
			for _, set := range g.cites {
				if citesAny(preds[i], set) {
					n++
				}
			}
			if n > bestN || (n == bestN && n > 0 && b.Facts[i].Status == g.f.Status && b.Facts[best].Status != g.f.Status) {
				best, bestN = i, n
			}
		}
		switch {
		case best < 0:
			r.miss("status %s: no predicted fact cites its sentences (want %s)", g.f.ID, g.f.Status)
		case b.Facts[best].Status == g.f.Status:
			r.StatusCorrect++
		default:
			r.miss("status %s: want %s, got %s (%s, %d of %d sentences: %q)", g.f.ID, g.f.Status,
				b.Facts[best].Status, b.Facts[best].ID, bestN, len(g.cites), cutText(b.Facts[best].Statement, 70))
		}
	}

	for i, p := range l.MustNotConflict {
		r.Pairs++
		if why := pairBroken(s, b, preds, gfs, pairs[i], matches); why != "" {
			r.miss("must not conflict (%s): %s", p.Why, why)
		} else {
			r.PairsKept++
		}
	}

	scoreOrigins(r, l, b)

	predUnique := map[sref]string{}
	for _, u := range b.Unique {
		for _, us := range u.Sentences {
			if ref, ok := s.at(u.Article, us.Span); ok {
				predUnique[ref] = us.Text
			}
		}
	}
	for ref, text := range predUnique {
		label := -1
		for i, u := range uniques {
			if u.set.has(ref) {
				label = i
				if !u.partly {
					break
				}
			}
		}
		switch {
		case label < 0:
			r.UniqueScored++
			r.miss("unique %s: %q is not unique", ref.art, cutText(text, 80))
		case !uniques[label].partly:
			r.UniqueScored++
			r.UniqueTrue++
		}
	}
	for _, u := range uniques {
		if u.partly {
			continue
		}
		r.UniqueGold++
		found := false
		for _, ref := range u.set {
			if _, ok := predUnique[ref]; ok {
				found = true
			}
		}
		if found {
			r.UniqueFound++
		} else {
			r.miss("unique %s: %q not listed", u.art, cutText(u.key, 80))
		}
	}

	for i, d := range l.Dates {
		for j, m := range d.Mentions {
			r.DateMentions++
			if why := dateMiss(s, b, d.Date, m, dateSets[i][j]); why != "" {
				r.miss("date %s: %s %q: %s", d.ID, m.Article, m.Written, why)
			} else {
				r.DatesAgree++
			}
		}
	}

	for _, sp := range l.Spellings {
		r.Spellings++
		if spellingFound(b.Wording, sp.Forms) {
			r.SpellingsFound++
		} else {
			r.miss("spelling %s: no wording entry lists them all", strings.Join(sp.Forms, " / "))
		}
	}
	return r, nil
}

// where says, for a missed dispute, which predicted facts its variants
// landed in.
func where(s *story, g *goldFact, preds [][]sref, b *parallax.Brief) string {
	var parts []string
	for vi, v := range g.variants {
		seen := map[string]bool{}
		var ids []string
		for _, set := range v {
			for i := range b.Facts {
				if citesAny(preds[i], set) && !seen[b.Facts[i].ID] {
					seen[b.Facts[i].ID] = true
					ids = append(ids, b.Facts[i].ID+"/"+string(b.Facts[i].Status))
				}
			}
		}
		if len(ids) == 0 {
			ids = []string{"none"}
		}
		parts = append(parts, fmt.Sprintf("%q in %s", g.f.Variants[vi].Value, strings.Join(ids, ",")))
	}
	return strings.Join(parts, "; ")
}

// pairBroken says how a must-not-conflict pair was reported as
// conflicting, or "" when it was not: a predicted conflict or split cites
// both sentences and either matches no gold dispute or puts the two
// values in different variants (a Variant is, by contract, one of the
// incompatible versions).
func pairBroken(s *story, b *parallax.Brief, preds [][]sref, gfs []*goldFact, p [2]sentSet, matches func([]sref, *goldFact) bool) string {
	for i := range b.Facts {
		f := &b.Facts[i]
		if f.Status != parallax.Conflict && f.Status != parallax.AttributionSplit {
			continue
		}
		if !citesAny(preds[i], p[0]) || !citesAny(preds[i], p[1]) {
			continue
		}
		gold := false
		for _, g := range gfs {
			if g.f.Disputed() && matches(preds[i], g) {
				gold = true
				break
			}
		}
		if !gold {
			return fmt.Sprintf("%s %s cites both and is no gold dispute", f.Status, f.ID)
		}
		va, vb := variantsHolding(s, f, p[0]), variantsHolding(s, f, p[1])
		if len(va) > 0 && len(vb) > 0 && !intersects(va, vb) && !anyCompatible(f, va) && !anyCompatible(f, vb) {
			return fmt.Sprintf("%s %s puts them in different variants", f.Status, f.ID)
		}
	}
	return ""
}

// anyCompatible reports whether one of the variants vs is marked as fitting
// every other version, which takes no side and so splits no pair.
func anyCompatible(f *parallax.Fact, vs []int) bool {
	for _, i := range vs {
		if f.Variants[i].Compatible {
			return true
		}
	}
	return false
}

// variantsHolding lists the variants of f that stand for the cited
// sentence: the variant names its article and its text is in the
// sentence.
func variantsHolding(s *story, f *parallax.Fact, set sentSet) []int {
	text := canon(s.text(set))
	var out []int
	for i, v := range f.Variants {
		if len(set) == 0 || !contains(v.Articles, set[0].art) || v.Text == "" {
			continue
		}
		if strings.Contains(text, canon(v.Text)) {
			out = append(out, i)
		}
	}
	return out
}

func intersects(a, b []int) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// scoreOrigins compares origin grouping pair by pair over the labelled
// articles.
func scoreOrigins(r *Result, l *Labels, b *parallax.Brief) {
	goldOf := map[string]int{}
	var ids []string
	for gi, g := range l.Origins {
		for _, id := range g {
			goldOf[id] = gi
			ids = append(ids, id)
		}
	}
	predOf := map[string]string{}
	for _, a := range b.Articles {
		predOf[a.ID] = a.Origin
	}
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			a, c := ids[i], ids[j]
			r.OriginPairs++
			pa, okA := predOf[a]
			pc, okC := predOf[c]
			if !okA || !okC {
				r.miss("origin: %s or %s is not in the brief", a, c)
				continue
			}
			want, got := goldOf[a] == goldOf[c], pa == pc
			if want == got {
				r.OriginAgree++
				continue
			}
			if want {
				r.miss("origin: %s and %s are copies but have origins %q and %q", a, c, pa, pc)
			} else {
				r.miss("origin: %s and %s are independent but share origin %q", a, c, pa)
			}
		}
	}
}

// dateMiss says why a date mention does not agree, or "": the article's
// Document must have a date inside the cited sentence whose text contains
// the written form and which resolves to the gold day, and the Brief's
// timeline must list the article under that day.
func dateMiss(s *story, b *parallax.Brief, day string, m DateMention, set sentSet) string {
	d := s.docs[m.Article]
	var got []string
	ok := false
	for _, dt := range d.Dates {
		inside := false
		for _, r := range set {
			if r.sent >= 0 && r.sent < len(d.Sentences) && d.Sentences[r.sent].Span.Overlaps(dt.Span) {
				inside = true
			}
		}
		if !inside || !strings.Contains(canon(d.Slice(dt.Span)), canon(m.Written)) {
			continue
		}
		v := "unresolved"
		if !dt.Value.IsZero() && dt.Anchor != "unresolved" {
			v = dt.Value.Format("2006-01-02")
			if dt.Granularity != parallax.Day {
				v += "/" + string(dt.Granularity)
			}
		}
		if v == day {
			ok = true
			break
		}
		got = append(got, fmt.Sprintf("%q→%s", d.Slice(dt.Span), v))
	}
	if !ok {
		if len(got) == 0 {
			return "no date found in the sentence"
		}
		return "resolved to " + strings.Join(got, ", ")
	}
	for _, t := range b.Timeline {
		if t.Date == day && contains(t.Articles, m.Article) {
			return ""
		}
	}
	return "resolved, but no timeline entry on " + day + " lists the article"
}

// spellingFound reports whether one wording entry lists every form, each
// as a different term (a term matches a form when one contains the
// other, letter case aside).
func spellingFound(ws []parallax.Wording, forms []string) bool {
	for _, w := range ws {
		used := map[int]bool{}
		all := true
		for _, f := range forms {
			cf := canon(f)
			hit := -1
			for i, t := range w.Variants {
				ct := canon(t.Term)
				if used[i] || ct == "" {
					continue
				}
				if strings.Contains(ct, cf) || strings.Contains(cf, ct) {
					hit = i
					break
				}
			}
			if hit < 0 {
				all = false
				break
			}
			used[hit] = true
		}
		if all {
			return true
		}
	}
	return false
}

func variantList(f *parallax.Fact) string {
	var vs []string
	for _, v := range f.Variants {
		vs = append(vs, fmt.Sprintf("%q%v", v.Text, v.Articles))
	}
	return strings.Join(vs, " vs ")
}

func cutText(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
