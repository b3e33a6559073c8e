package entity

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
)

// Institutions named by description. News credits many statements to
// sources that have no proper name: "the regional health ministry said",
// "according to the regional fire service", "Ukrainian officials said",
// "the Trump administration". These are entities in their own right, named
// by the phrase without its article. A phrase that only describes an
// institution named earlier ("the company", "the ministry", "the embattled
// firm") is a mention of that institution instead.

// instKind says how a descriptive phrase is used.
type instKind int

const (
	instNamed    instKind = iota // names an institution: "regional health ministry"
	instAnaphor                  // refers back: "the ministry", "the company"
	instStandoff                 // a bare head that names a speaker when nothing precedes: "police said"
)

// inst is what findInstitutions learns about one phrase.
type inst struct {
	kind    instKind
	head    string   // lower-case head noun: "ministry"
	words   []string // lower-case modifier and head words, for subset matching
	typ     parallax.EntityType
	company bool // the head names a business: resolve to a company
}

// risky heads also name everyday things ("the memorial service", "the food
// court", "the birthday party"); without a level word, a named owner, a
// possessive or a speech context they are not taken as institutions.
var riskyHeads = set(`service office court union coalition alliance party department`)

// findInstitutions emits descriptive institution phrases and marks the
// capitalized words they absorb ("Trump" in "the Trump administration"),
// so that those are not emitted on their own.
func (sc *sentenceScan) findInstitutions() {
	if sc.headline {
		return
	}
	toks := sc.toks
	for h := range toks {
		t := toks[h]
		if t.cap && !t.initial {
			continue
		}
		if !anyHead[t.lower] {
			continue // most words head nothing: one look-up, not three
		}
		typ, isHead := instHeads[t.lower]
		company := companyHeads[t.lower]
		plural := pluralHeads[t.lower]
		if !isHead && !company && !plural {
			continue
		}
		if plural {
			typ = parallax.Government
		}
		if company {
			typ = parallax.Organization
		}
		if !sc.headEnds(h) {
			continue
		}
		// Read modifiers backwards from the head.
		var (
			nLevel, nField, nDesc, nCap, nPoss int
			start                              = h
		)
		abort := false
		for p := h - 1; p >= 0 && h-p <= 4; p-- {
			q := toks[p]
			gap := sc.text[q.pe:toks[p+1].s]
			if gap != " " && !(gap == "-" && q.hyph) {
				break
			}
			if q.poss && (q.cap || p != h-1) {
				break // "Putin's government": the owner is a person, not part of the name
			}
			if q.cap {
				if id := sc.gazCov[p]; id >= 0 {
					if sc.g.entries[id].typ != parallax.Place {
						abort = true // "the Kremlin press service" is the Kremlin
						break
					}
					nCap++
					start = p
					continue
				}
				if sc.demonym[p] != "" || (sc.eligible(p) && !q.initial) || (q.initial && sc.eligible(p) && sc.st.capsMid[q.text]) {
					nCap++
					start = p
					continue
				}
				if sc.roleCov[p] {
					abort = true
				}
				break
			}
			w := q.lower
			switch {
			case determiners[w] || functionWords[w] || speechVerbs[w] || govVerbs[w] || causativeVerbs[w] || !unicode.IsLetter(rune(w[0])):
			case levelWords[w]:
				nLevel++
				start = p
				continue
			case q.poss:
				nPoss++
				start = p
				continue
			case descriptiveWords[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || len(w) < 3:
				nDesc++
				start = p
				continue
			case sc.roleCov[p]:
				abort = true
			default:
				nField++
				start = p
				continue
			}
			break
		}
		if abort {
			continue
		}
		// Trim leading descriptive words so the name starts at a real
		// modifier; count what precedes.
		article := start > 0 && toks[start-1].lower == "the" && sc.text[toks[start-1].pe:toks[start].s] == " "
		if start > 0 && !article {
			prev := toks[start-1].lower
			if (prev == "a" || prev == "an") && sc.text[toks[start-1].pe:toks[start].s] == " " {
				continue // "a union representative": no particular institution
			}
		}
		ctx := sc.speechContext(start, h)
		nMod := nLevel + nField + nCap + nPoss
		in := inst{head: t.lower, typ: typ, company: company}
		for k := start; k <= h; k++ {
			in.words = append(in.words, toks[k].lower)
		}
		switch {
		case plural:
			if nCap == 0 || !ctx || nDesc > 0 {
				continue
			}
			in.kind = instNamed
		case company:
			if !article {
				continue
			}
			in.kind = instAnaphor
		case article && (nMod == 0 || nDesc > 0):
			in.kind = instAnaphor
			if nMod == 0 && standaloneHeads[t.lower] && ctx {
				in.kind = instStandoff
			}
		case article:
			if riskyHeads[t.lower] && nLevel == 0 && nCap == 0 && nPoss == 0 && !ctx {
				continue
			}
			in.kind = instNamed
		case nCap > 0 && nDesc == 0 && (t.lower == "administration" || t.lower == "government"):
			in.kind = instNamed // "Trump administration officials"
		case nMod == 0 && standaloneHeads[t.lower] && ctx:
			in.kind = instStandoff // "police said"
		default:
			continue
		}
		span := parallax.Span{Start: toks[start].s, End: t.e}
		if in.kind == instAnaphor && article {
			span.Start = toks[start-1].s // like "the Russian president"
		}
		if in.kind != instAnaphor {
			for k := start; k < h; k++ {
				if toks[k].cap {
					sc.instCov[k] = true
				}
			}
		}
		c := cand{kind: mInst, span: span, inst: in, weak: true}
		c.surface = sc.text[span.Start:span.End]
		if in.kind != instAnaphor && toks[start].initial && toks[start].cap && nCap == 0 {
			// "Police said": the capital is the sentence's, not the name's.
			c.name = toks[start].lower + sc.text[toks[start].e:span.End]
		}
		c.words = h - start + 1
		sc.out = append(sc.out, c)
	}
}

// headEnds reports whether the head noun at h ends its phrase: followed by
// punctuation, a possessive, a verb or a function word, and not by another
// noun it would modify ("the ministry spokesman"), a name it describes
// ("the state news agency TASS") or "of" ("the ministry of health", which
// the capitalized form usually names).
func (sc *sentenceScan) headEnds(h int) bool {
	toks := sc.toks
	if toks[h].poss || h+1 >= len(toks) {
		return true
	}
	gap := sc.text[toks[h].pe:toks[h+1].s]
	if gap != " " {
		return !(gap == "-" && toks[h].hyph)
	}
	n := toks[h+1]
	if n.cap {
		return !sc.eligible(h+1) && sc.gazCov[h+1] < 0 && !sc.roleCov[h+1]
	}
	w := n.lower
	if w == "of" || sc.roleCov[h+1] {
		return false
	}
	if followers[w] || speechVerbs[w] || govVerbs[w] || adverbs[w] || timeWords[w] {
		return true
	}
	// A third-person or past-tense verb: "the agency found", "the firm plans".
	return strings.HasSuffix(w, "ed") || (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"))
}

// speechContext reports whether the phrase at tokens [a, h] is a source:
// followed by a speech verb ("Ukrainian officials said") or preceded by
// "according to", "citing" or "told by".
func (sc *sentenceScan) speechContext(a, h int) bool {
	toks := sc.toks
	m := h + 1
	for m < len(toks) && (adverbs[toks[m].lower] || timeWords[toks[m].lower]) && m < h+4 {
		m++
	}
	if m < len(toks) && (speechVerbs[toks[m].lower] || govVerbs[toks[m].lower]) {
		return true
	}
	p := a - 1
	if p >= 0 && toks[p].lower == "the" {
		p--
	}
	if p < 0 {
		return false
	}
	switch toks[p].lower {
	case "citing", "cited":
		return true
	case "to":
		return p > 0 && toks[p-1].lower == "according"
	}
	return false
}

// timeWords may stand between a source and its verb: "Ukrainian officials
// last week agreed".
var timeWords = set(`last this next week month year weekend night morning earlier later today yesterday monday tuesday wednesday thursday friday saturday sunday`)

// hasCompanyMorph reports whether a single unknown word is built like a
// business name: "Rosselkhozbank", "Gazprombank", "Lukoil".
func hasCompanyMorph(w string) bool {
	lw := strings.ToLower(w)
	for _, m := range companyMorphs {
		if strings.HasSuffix(lw, m) && len(lw) >= len(m)+3 {
			return true
		}
	}
	return false
}

// ownedBusiness are nouns after a possessive that make the owner a
// business: "Veltran's plant", "the firm's shareholders".
var ownedBusiness = set(`shares stock shareholders investors plant factory subsidiary headquarters ceo`)

// businessCues marks a name that ends before token b as a company when the
// text treats it as one: "X shares fell", "X's plant", "X, a chemicals
// company", "X, which makes solvents".
func (sc *sentenceScan) businessCues(c *cand, b int) {
	toks := sc.toks
	if b >= len(toks) {
		return
	}
	gap := sc.text[toks[b-1].pe:toks[b].s]
	w := toks[b].lower
	switch {
	case gap == " " && !toks[b-1].poss && businessCues[w]:
	case gap == " " && toks[b-1].poss && ownedBusiness[w]:
	case gap == ", " && w == "which" && b+1 < len(toks) && businessVerbs[toks[b+1].lower]:
	case gap == ", " && sc.appositiveCompany(b):
	default:
		return
	}
	c.company = true // weaker than a name head: "Putin shares the view"
}

// appositiveCompany reports whether an appositive starting at token m calls
// the name before it a business: "a chemicals company", "Russia's largest
// lender".
func (sc *sentenceScan) appositiveCompany(m int) bool {
	toks := sc.toks
	for k := m; k < len(toks) && k < m+5; k++ {
		t := toks[k]
		if k > m && sc.text[toks[k-1].pe:t.s] != " " && sc.text[toks[k-1].pe:t.s] != "-" {
			return false
		}
		if companyHeads[t.lower] && !t.cap && !t.poss {
			return sc.headEnds(k)
		}
		if t.lower == "of" || speechVerbs[t.lower] || t.lower == "who" {
			return false
		}
	}
	return false
}
