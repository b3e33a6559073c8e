package reconcile

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/parallax-news/parallax"
)

// benchSentences is a pool of news sentences about the fire corpus's
// aftermath; each benchmark article takes a different selection, so that
// some facts are shared and most are not.
var benchSentences = []string{
	"Investigators from the national safety board arrived at the plant on {{Thursday|d:2026-03-05:day:publication}} to begin collecting evidence.",
	"The safety board said its inspectors would examine the storage tanks, the ventilation system and the maintenance records.",
	"Residents of the Lower Quay district complained of a chemical smell that lingered for {{two days|q:duration:minute:2880:2880}} after the fire.",
	"The regional hospital said it had discharged most of the patients by the evening of the fire.",
	"Shares in Castor Polymers recovered part of their losses on {{Thursday|d:2026-03-05:day:publication}} as analysts played down the cost of the damage.",
	"Analysts at a Frankfurt bank estimated the cost of rebuilding the warehouse at {{12 million euros|q:money:EUR:12000000:12000000}}.",
	"The company has {{340 employees|q:count:employee:340:340}} at the Dunmere site and supplies coatings to the car industry.",
	"A spokesman for the union said workers had raised concerns about ventilation at three safety meetings since the autumn.",
	"The mayor said the town would hold a public meeting on the fire next week.",
	"Environmental groups called for an independent review of safety at every chemical plant in the region.",
	"The river authority said water samples showed no trace of solvent in the Ostra river.",
	"Firefighters from four neighbouring towns helped to contain the blaze, the fire brigade said.",
	"The fire brigade said {{60 firefighters|q:count:firefighter:60:60}} and {{14 engines|q:count:engine:14:14}} took part in the operation.",
	"Police closed the main road past the plant for most of the afternoon while the smoke cleared.",
	"Train services between Dunmere and the coast were suspended for {{three hours|q:duration:minute:180:180}} because of the smoke.",
	"The plant was last inspected in {{2024|d:2024-01-01:year}}, when the authorities found no serious faults.",
	"Opposition politicians demanded that the environment minister explain why the inspection regime had failed.",
	"The environment minister said the government would wait for the findings of the safety board before acting.",
	"Insurance experts said the claim could be one of the largest industrial claims in the region this year.",
	"Toluene is used in paints, adhesives and cleaning products and can cause dizziness when inhaled.",
	"Doctors advised residents with breathing problems to keep their windows closed for another day.",
	"The local football club postponed its weekend match as a precaution.",
	"Several families said they had spent the night with relatives outside the town.",
	"The company said it had set up a hotline for residents who want to claim compensation.",
	"A parliamentary committee is expected to call company executives to give evidence.",
	"The fire was the third at a chemical plant in the region in five years.",
	"Union leaders said they would meet company managers next week to discuss safety at the site.",
	"Schools in the district reopened after the local authority declared the air safe.",
	"Ambulance crews treated several residents at the scene for eye irritation.",
	"Aerial footage showed the warehouse roof had collapsed and the tanks were blackened.",
	"The regional governor thanked the firefighters and promised money for new equipment.",
	"Experts said the smoke plume was visible from more than {{20 kilometres|q:length:kilometre:20:20}} away.",
	"The company said production lines outside the warehouse had not been damaged.",
	"Neighbouring factories sent their staff home early on the day of the fire.",
	"Local shops near the plant stayed closed until the evacuation order was lifted.",
	"The health ministry said it would publish air quality readings every hour until further notice.",
	"Fire investigators said they had not found any sign of arson.",
	"Castor Polymers said it would pay for an independent engineering review of the site.",
	"Lawyers representing residents said they were considering a class action against the company.",
	"The regional council said it would review the emergency plan for the industrial zone.",
}

func benchDocs(b *testing.B) []*parallax.Document {
	b.Helper()
	var fs []fixture
	for i, f := range fireCorpus {
		var sb strings.Builder
		sb.WriteString(f.text)
		for k := 0; k < 32; k++ {
			sb.WriteString("\n")
			sb.WriteString(benchSentences[(i*7+k*3)%len(benchSentences)])
			sb.WriteString("\n")
		}
		f.text = sb.String()
		fs = append(fs, f)
	}
	docs := make([]*parallax.Document, len(fs))
	for i, f := range fs {
		docs[i] = build(b, f, fireCast)
	}
	return docs
}

func BenchmarkBrief(b *testing.B) {
	docs := benchDocs(b)
	n := 0
	for _, d := range docs {
		n += len(d.Sentences)
	}
	b.ReportMetric(float64(n)/float64(len(docs)), "sentences/doc")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Brief(docs)
	}
}

// fuzzDoc turns arbitrary text into a Document with findings a careless
// stage might produce: capitalized words as entities, digits as counts,
// weekdays as dates, "said" as attribution cues.
func fuzzDoc(id, text string) *parallax.Document {
	d := &parallax.Document{Article: &parallax.Article{ID: id, Source: id, Published: time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)}, Text: text}
	start := 0
	for _, p := range strings.SplitAfter(text, "\n\n") {
		body := strings.TrimRight(p, "\n")
		sp := parallax.Span{Start: start, End: start + len(body)}
		start += len(p)
		d.Paragraphs = append(d.Paragraphs, sp)
		s := sp.Start
		for _, part := range strings.SplitAfter(body, ". ") {
			d.Sentences = append(d.Sentences, parallax.Sentence{Span: parallax.Span{Start: s, End: s + len(part)}, Paragraph: len(d.Paragraphs) - 1})
			s += len(part)
		}
	}
	keys := map[string]int{}
	for _, w := range words(text, 0, len(text)) {
		r := []rune(w.text)[0]
		switch {
		case unicode.IsUpper(r):
			k := strings.ToLower(w.text)
			i, ok := keys[k]
			if !ok {
				i = len(d.Entities)
				keys[k] = i
				d.Entities = append(d.Entities, parallax.Entity{Name: w.text, Key: k, Type: parallax.Person})
			}
			d.Entities[i].Mentions = append(d.Entities[i].Mentions, parallax.Span{Start: w.start, End: w.end})
			d.Entities[i].Aliases = append(d.Entities[i].Aliases, w.text)
		case unicode.IsDigit(r):
			v, _ := strconv.ParseFloat(strings.Trim(w.text, "-"), 64)
			// Some counts have no unit, so that "N of them" and "N of the M
			// seats" are exercised.
			unit := []string{"person", "", "seat"}[len(w.text)%3]
			d.Quantities = append(d.Quantities, parallax.Quantity{Span: parallax.Span{Start: w.start, End: w.end}, Value: parallax.Interval{Lo: v, Hi: v + float64(len(w.text)%2)}, Unit: unit, Dimension: parallax.Count, Scope: []string{"", "each", "total"}[len(w.text)%3]})
			if len(w.text) == 4 {
				// A year, as a date, so that figures get dated.
				d.Dates = append(d.Dates, parallax.Date{Span: parallax.Span{Start: w.start, End: w.end}, Granularity: parallax.Year, Anchor: "absolute", Value: time.Date(int(v)%3000+1, 1, 1, 0, 0, 0, 0, time.UTC)})
			}
		case strings.HasSuffix(w.lower, "day"):
			d.Dates = append(d.Dates, parallax.Date{Span: parallax.Span{Start: w.start, End: w.end}, Granularity: parallax.Day, Anchor: "publication", Value: time.Date(2026, 3, 1+len(w.text)%7, 0, 0, 0, 0, time.UTC)})
		case w.lower == "said" && len(d.Entities) > 0:
			d.Attributions = append(d.Attributions, parallax.Attribution{Source: len(d.Entities) - 1, Cue: parallax.Span{Start: w.start, End: w.end}, Content: parallax.Span{Start: 0, End: w.end}})
		}
	}
	return d
}

func FuzzBrief(f *testing.F) {
	for _, fx := range fireCorpus {
		f.Add(mark.ReplaceAllString(fx.text, "$1"))
	}
	f.Add("Alpha said 3 people left on Monday. Beta said 4 people left on Monday.\x00Alpha said 3 people left on Tuesday; Beta said 5 each.\x00")
	f.Add("Voters cast 47 ballots. More than 11 of them were set aside, Gamma said.\x00Gamma holds 19 of the 41 seats. Its candidate in 2022 took 30.\x00Yevgenia said about 600 ballots were rejected.\x00Evgenia said 212 votes.")
	f.Fuzz(func(t *testing.T, text string) {
		parts := strings.Split(text, "\x00")
		if len(parts) == 1 {
			// One text is reported by three outlets, one of them cut short.
			parts = []string{text, text, text[:len(text)/2]}
		}
		var docs []*parallax.Document
		for i, p := range parts {
			docs = append(docs, fuzzDoc(fmt.Sprint("d", i), p))
		}
		done := make(chan *parallax.Brief, 1)
		go func() { done <- Brief(docs) }()
		var b *parallax.Brief
		select {
		case b = <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Brief took over 5s on %q", text)
		}
		ids := map[string]bool{}
		for _, fact := range b.Facts {
			if ids[fact.ID] {
				t.Fatalf("duplicate fact id %s", fact.ID)
			}
			ids[fact.ID] = true
			if fact.Independent > fact.Outlets || fact.Independent < 1 {
				t.Fatalf("%s: %d independent of %d outlets", fact.ID, fact.Independent, fact.Outlets)
			}
			for _, c := range fact.Claims {
				if c.Span.Start < 0 || c.Span.Start >= c.Span.End {
					t.Fatalf("%s: bad claim span %v", fact.ID, c.Span)
				}
			}
		}
	})
}
