package claimdiff

import (
	"strings"
	"time"

	"github.com/cespare/xxhash/v2"
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/reconcile"
)

// Mode says what each article of a pair holds.
type Mode int

const (
	// Context rebuilds each article from all of its claim sentences in
	// the file, closest to real use.
	Context Mode = iota
	// Isolated gives each article only the pair's claim.
	Isolated
)

func (m Mode) String() string {
	if m == Isolated {
		return "isolated"
	}
	return "context"
}

// Outcome is how the Brief presents one pair.
type Outcome string

const (
	// OutcomeConflict: one fact cites both sentences and gives
	// incompatible values.
	OutcomeConflict Outcome = "conflict"
	// OutcomeAttributionSplit: one fact cites both and its variants follow
	// who is cited.
	OutcomeAttributionSplit Outcome = "attribution_split"
	// OutcomeCorroborated: one corroborated fact cites both.
	OutcomeCorroborated Outcome = "corroborated"
	// OutcomeSameOrigin: a fact cites both but counts one independent
	// source (the two articles were taken for copies).
	OutcomeSameOrigin Outcome = "same_origin"
	// OutcomeSeparate: both sentences are in facts, never the same one.
	OutcomeSeparate Outcome = "separate"
	// OutcomeDropped: a sentence is in no fact (not a claim, or folded
	// away as an echo of another claim of its article).
	OutcomeDropped Outcome = "dropped"
)

// Flagged reports whether the Brief presents the pair as a difference:
// one fact with conflicting or attribution-split variants cites both.
func (o Outcome) Flagged() bool {
	return o == OutcomeConflict || o == OutcomeAttributionSplit
}

// NotCorroborated reports whether the Brief does not present the pair as
// agreeing.
func (o Outcome) NotCorroborated() bool { return o != OutcomeCorroborated }

// Result is one pair with its outcome.
type Result struct {
	Pair    Pair
	Outcome Outcome
	// FactA and FactB are the statuses of the facts citing each sentence,
	// for diagnosis.
	FactA, FactB []parallax.FactStatus
}

// Evaluate runs the pipeline on every pair and returns the results in
// pair order.
func Evaluate(pairs []Pair, mode Mode) []Result {
	return newEvaluator().evaluate(pairs, mode)
}

// evaluator caches analyzed articles by text hash across pairs and files:
// a claim recurs in several pairs and both train files hold the same
// pairs.
type evaluator struct {
	docs map[uint64]*parallax.Document
}

func newEvaluator() *evaluator { return &evaluator{docs: map[uint64]*parallax.Document{}} }

// article is one rebuilt article: its body and where each claim sits in
// it.
type article struct {
	id, title, date string // id doubles as the outlet name
	body            strings.Builder
	at              map[string]parallax.Span // claim text → byte range in body
}

func (a *article) add(claim string) {
	if _, ok := a.at[claim]; ok {
		return
	}
	if a.body.Len() > 0 {
		// A paragraph per claim keeps sentence boundaries where the
		// corpus put them.
		a.body.WriteString("\n\n")
	}
	start := a.body.Len()
	a.body.WriteString(claim)
	a.at[claim] = parallax.Span{Start: start, End: a.body.Len()}
}

func (e *evaluator) evaluate(pairs []Pair, mode Mode) []Result {
	dates := articleDates(pairs)
	out := make([]Result, len(pairs))
	if mode == Isolated {
		for i, p := range pairs {
			a := newArticle(p.TitleA, dates[artKey{p.Topic, p.TitleA}])
			b := newArticle(p.TitleB, dates[artKey{p.Topic, p.TitleB}])
			if b.id == a.id {
				b.id += " (B)"
			}
			a.add(p.ClaimA)
			b.add(p.ClaimB)
			out[i] = e.brief(a, b).judge(p, a, b)
		}
		return out
	}
	// Context: one article per (topic, title), one brief per topic.
	arts := map[artKey]*article{}
	get := func(topic, title string) *article {
		k := artKey{topic, title}
		a, ok := arts[k]
		if !ok {
			a = newArticle(title, dates[k])
			arts[k] = a
		}
		return a
	}
	for _, p := range pairs {
		get(p.Topic, p.TitleA).add(p.ClaimA)
		get(p.Topic, p.TitleB).add(p.ClaimB)
	}
	briefs := map[[2]*article]*reconciled{}
	for i, p := range pairs {
		a, b := arts[artKey{p.Topic, p.TitleA}], arts[artKey{p.Topic, p.TitleB}]
		k := [2]*article{a, b}
		if a.id > b.id {
			k = [2]*article{b, a}
		}
		br, ok := briefs[k]
		if !ok {
			br = e.brief(k[0], k[1])
			briefs[k] = br
		}
		out[i] = br.judge(p, a, b)
	}
	return out
}

type artKey struct{ topic, title string }

// articleDates gives each article the first date the file states for it,
// or else its partner's: ClaimDiff dates only article A of a record.
func articleDates(pairs []Pair) map[artKey]string {
	d := map[artKey]string{}
	set := func(k artKey, date string) {
		if _, ok := d[k]; !ok && date != "" {
			d[k] = date
		}
	}
	for _, p := range pairs {
		set(artKey{p.Topic, p.TitleA}, p.DateA)
		set(artKey{p.Topic, p.TitleB}, p.DateB)
	}
	for _, p := range pairs {
		set(artKey{p.Topic, p.TitleB}, d[artKey{p.Topic, p.TitleA}])
		set(artKey{p.Topic, p.TitleA}, d[artKey{p.Topic, p.TitleB}])
	}
	return d
}

// newArticle starts an article named after its title: the corpus names
// no outlets, and the two articles of a topic always differ in title.
func newArticle(title, date string) *article {
	id := strings.TrimSpace(title)
	if id == "" {
		id = "untitled"
	}
	return &article{id: id, title: title, date: date, at: map[string]parallax.Span{}}
}

// analyzed returns the Document of a rebuilt article, from the cache when
// the same text and date were analyzed before.
func (e *evaluator) analyzed(a *article) *parallax.Document {
	body := a.body.String()
	pub, err := time.Parse(time.DateOnly, a.date)
	if err != nil {
		pub = time.Time{}
	}
	// Documents with an unknown date are not shared: analyze.Story may
	// rewrite their dates depending on the other article.
	key := xxhash.Sum64String(a.date + "\x00" + a.id + "\x00" + body)
	if d, ok := e.docs[key]; ok && !pub.IsZero() {
		return d
	}
	d := analyze.Article(&parallax.Article{ID: a.id, Source: a.id, Title: a.title, Published: pub, Body: body})
	if !pub.IsZero() {
		e.docs[key] = d
	}
	return d
}

// reconciled is the brief of two articles with their documents.
type reconciled struct {
	br   *parallax.Brief
	docs map[*article]*parallax.Document
}

// brief runs the cross-article stages on two articles.
func (e *evaluator) brief(a, b *article) *reconciled {
	da := e.analyzed(a)
	docs := []*parallax.Document{da}
	byArt := map[*article]*parallax.Document{a: da}
	// Both claims of a pair may come from one article when the file
	// gives both sides the same title; it is reconciled once.
	if b != a {
		db := e.analyzed(b)
		docs = append(docs, db)
		byArt[b] = db
	}
	analyze.Story(docs)
	return &reconciled{br: reconcile.Brief(docs), docs: byArt}
}

// judge classifies a pair from the brief of its two articles.
func (r *reconciled) judge(p Pair, a, b *article) Result {
	fa := factsCiting(r.br, r.docs[a], a.at[p.ClaimA])
	fb := factsCiting(r.br, r.docs[b], b.at[p.ClaimB])
	res := Result{Pair: p, Outcome: classify(r.br, fa, fb)}
	for _, f := range fa {
		res.FactA = append(res.FactA, r.br.Facts[f].Status)
	}
	for _, f := range fb {
		res.FactB = append(res.FactB, r.br.Facts[f].Status)
	}
	return res
}

// factsCiting returns the indexes of the facts of br citing a claim of d
// that overlaps body, a byte range of the original article body.
func factsCiting(br *parallax.Brief, d *parallax.Document, body parallax.Span) []int {
	var out []int
	for i, f := range br.Facts {
		for _, c := range f.Claims {
			if c.Article != d.Article.ID {
				continue
			}
			orig := parallax.Span{Start: d.Offsets.Original(c.Span.Start), End: d.Offsets.Original(c.Span.End)}
			if orig.Overlaps(body) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// classify decides the outcome from the facts citing each sentence.
func classify(br *parallax.Brief, fa, fb []int) Outcome {
	if len(fa) == 0 || len(fb) == 0 {
		return OutcomeDropped
	}
	in := map[int]bool{}
	for _, f := range fa {
		in[f] = true
	}
	var shared []parallax.FactStatus
	for _, f := range fb {
		if in[f] {
			shared = append(shared, br.Facts[f].Status)
		}
	}
	// The strongest presentation wins: a reader who sees the pair in a
	// disputed fact has been told they differ even if another fact also
	// pairs them.
	for _, want := range []struct {
		s parallax.FactStatus
		o Outcome
	}{
		{parallax.Conflict, OutcomeConflict},
		{parallax.AttributionSplit, OutcomeAttributionSplit},
		{parallax.Corroborated, OutcomeCorroborated},
	} {
		for _, s := range shared {
			if s == want.s {
				return want.o
			}
		}
	}
	if len(shared) > 0 {
		return OutcomeSameOrigin
	}
	return OutcomeSeparate
}
