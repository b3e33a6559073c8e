package report

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// The fixture is four reports of one phone call between two leaders: three
// independent origins (the fourth article is a syndicated copy of the
// third), a conflict over the call's length with an unbounded variant, an
// attribution split over a prisoner count, a date conflict, corroborated and
// single-source facts, quotes repeated across outlets, Kiev/Kyiv wording, a
// timeline and a problem input. The text is written for these tests.

var fixtureParagraphs = map[string][][]string{
	"coastal-1": {
		{
			"US President Donald Trump and Russian President Vladimir Putin agreed on Tuesday to pause strikes on energy infrastructure for 30 days, according to US special envoy Steve Witkoff.",
			"Witkoff said the leaders spoke by phone for more than two hours.",
		},
		{
			`"We are a short distance from a full ceasefire," Witkoff told reporters at the White House.`,
			"Russia and Ukraine will exchange 175 prisoners of war each on Wednesday, the Kremlin said.",
			"Moscow will also hand over 23 badly wounded soldiers to Kiev.",
		},
		{
			"Talks between the two countries' delegations will continue in Jeddah on March 23.",
			"Ukrainian President Volodymyr Zelensky has said he would back a full 30-day truce.",
			"The Coastal Post could not independently verify the details of the call.",
		},
		{"Read more: Ukraine war live updates"},
	},
	"herald-7": {
		{
			"Vladimir Putin has agreed to a 30-day halt to attacks on energy infrastructure in Ukraine, the Kremlin said after a call with Donald Trump that lasted about 90 minutes.",
			"Putin has already instructed the Russian military to stop striking energy targets, according to the Kremlin.",
		},
		{
			"The Kremlin said Putin responded positively to the proposal to suspend attacks on energy facilities.",
			"Russia and Ukraine are set to swap 175 prisoners from each side, the Kremlin said.",
		},
		{
			"Kyiv has not yet commented on the call.",
			"Volodymyr Zelenskyy has previously backed a broader ceasefire.",
			"The call was the first between the two leaders since Trump's inauguration in January.",
		},
	},
	"wire-3": {
		{
			"Donald Trump and Vladimir Putin spoke for two and a half hours on Tuesday and agreed to a 30-day pause in strikes on energy facilities.",
			"Ukrainian President Volodymyr Zelensky said 120 prisoners of war would be exchanged on Wednesday.",
		},
		{
			`"We will not accept any conditions that weaken our defence," Zelensky said in Kyiv.`,
			"The Kremlin said Russia wants an end to foreign military aid and intelligence sharing with Kyiv.",
			`"We are a short distance from a full ceasefire," Witkoff said.`,
		},
		{
			"Negotiators are due to meet in Jeddah on Monday, officials said.",
			"Technical talks on shipping in the Black Sea are expected next week.",
		},
	},
}

func init() {
	// The Evening Courier runs the wire copy and adds one line of its own.
	w := fixtureParagraphs["wire-3"]
	c := make([][]string, len(w))
	copy(c, w)
	c[len(c)-1] = append(append([]string(nil), w[len(w)-1]...), `"It is a first step, nothing more," a senior European diplomat said.`)
	fixtureParagraphs["courier-2"] = c
}

var fixtureArticles = []*parallax.Article{
	{
		ID: "coastal-1", Source: "Coastal Post", Title: "Leaders agree to pause strikes on power grid after long call",
		URL: "https://coastalpost.example/world/energy-pause", Author: "Mara Lind",
		Published: time.Date(2025, 3, 18, 21, 10, 0, 0, time.UTC),
		Extra:     map[string]json.RawMessage{"section": json.RawMessage(`"world"`), "wordcount": json.RawMessage(`412`)},
	},
	{
		ID: "herald-7", Source: "Valley Herald", Title: "Kremlin says Putin backs 30-day halt to energy strikes",
		URL:       "https://valleyherald.example/2025/03/18/kremlin-energy-halt",
		Published: time.Date(2025, 3, 18, 19, 45, 0, 0, time.FixedZone("", 3600)),
	},
	{
		ID: "wire-3", Source: "Global Wire", Title: "Prisoner swap set as leaders talk for two and a half hours",
		URL:       "https://globalwire.example/a/8812",
		Published: time.Date(2025, 3, 19, 6, 0, 0, 0, time.UTC),
	},
	{
		ID: "courier-2", Source: "Evening Courier", Title: "Prisoner swap set as leaders talk for two and a half hours",
		Path: "inbox/courier-2025-03-19.txt",
	},
}

// fixtureDocs builds the Documents: text, paragraphs and sentences for all,
// and full findings for the first (the annotation fixture).
func fixtureDocs() []*parallax.Document {
	var docs []*parallax.Document
	for _, a := range fixtureArticles {
		docs = append(docs, newDoc(a, fixtureParagraphs[a.ID]))
	}
	annotate(docs[0])
	return docs
}

func newDoc(a *parallax.Article, paras [][]string) *parallax.Document {
	d := &parallax.Document{Article: a}
	var b strings.Builder
	for pi, p := range paras {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		for si, s := range p {
			if si > 0 {
				b.WriteByte(' ')
			}
			d.Sentences = append(d.Sentences, parallax.Sentence{
				Span:      parallax.Span{Start: b.Len(), End: b.Len() + len(s)},
				Paragraph: pi,
			})
			b.WriteString(s)
		}
		d.Paragraphs = append(d.Paragraphs, parallax.Span{Start: start, End: b.Len()})
	}
	d.Text = b.String()
	a.Body = d.Text
	return d
}

// at returns the span of the n-th (0-based) occurrence of sub in d.Text.
func at(d *parallax.Document, sub string, n int) parallax.Span {
	off := 0
	for {
		i := strings.Index(d.Text[off:], sub)
		if i < 0 {
			panic(fmt.Sprintf("fixture: %q not in %s", sub, d.Article.ID))
		}
		if n == 0 {
			return parallax.Span{Start: off + i, End: off + i + len(sub)}
		}
		n--
		off += i + len(sub)
	}
}

func span(d *parallax.Document, sub string) parallax.Span { return at(d, sub, 0) }

func day(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }

func annotate(d *parallax.Document) {
	// Last paragraph is a "Read more" link: boilerplate, not content.
	last := d.Paragraphs[len(d.Paragraphs)-1]
	d.Boilerplate = []parallax.Span{last}
	d.Paragraphs = d.Paragraphs[:len(d.Paragraphs)-1]
	d.Sentences = d.Sentences[:len(d.Sentences)-1]

	d.Entities = []parallax.Entity{
		{Name: "Donald Trump", Type: parallax.Person, Title: "US President", Aliases: []string{"Donald Trump"},
			Mentions: []parallax.Span{span(d, "Donald Trump")}, Key: "donald trump"},
		{Name: "Vladimir Putin", Type: parallax.Person, Title: "Russian President", Aliases: []string{"Vladimir Putin"},
			Mentions: []parallax.Span{span(d, "Vladimir Putin")}, Key: "vladimir putin"},
		{Name: "Steve Witkoff", Type: parallax.Person, Title: "US special envoy", Aliases: []string{"Steve Witkoff", "Witkoff"},
			Mentions: []parallax.Span{span(d, "Steve Witkoff"), at(d, "Witkoff", 1), at(d, "Witkoff", 2)}, Key: "steve witkoff"},
		{Name: "Kremlin", Type: parallax.Government, Aliases: []string{"the Kremlin"},
			Mentions: []parallax.Span{span(d, "the Kremlin")}, Key: "kremlin"},
		{Name: "Kyiv", Type: parallax.Place, Aliases: []string{"Kiev"},
			Mentions: []parallax.Span{span(d, "Kiev")}, Key: "kyiv"},
		{Name: "Volodymyr Zelensky", Type: parallax.Person, Title: "Ukrainian President", Aliases: []string{"Volodymyr Zelensky"},
			Mentions: []parallax.Span{span(d, "Volodymyr Zelensky")}, Key: "zelensky"},
		{Name: "Jeddah", Type: parallax.Place, Aliases: []string{"Jeddah"},
			Mentions: []parallax.Span{span(d, "Jeddah")}, Key: "jeddah"},
	}
	d.Quantities = []parallax.Quantity{
		{Span: span(d, "30 days"), Value: parallax.Exact(43200), Unit: "minute", Dimension: parallax.Duration},
		{Span: span(d, "more than two hours"), Value: parallax.Interval{Lo: 120, Hi: math.Inf(1), LoOpen: true},
			Unit: "minute", Dimension: parallax.Duration, Qualifier: "more_than"},
		{Span: span(d, "175 prisoners of war each"), Value: parallax.Exact(175), Unit: "prisoner of war",
			Dimension: parallax.Count, Scope: "each"},
		{Span: span(d, "23 badly wounded soldiers"), Value: parallax.Exact(23), Unit: "soldier", Dimension: parallax.Count},
		{Span: span(d, "30-day"), Value: parallax.Exact(43200), Unit: "minute", Dimension: parallax.Duration},
	}
	d.Dates = []parallax.Date{
		{Span: span(d, "on Tuesday"), Value: day(2025, 3, 18), Granularity: parallax.Day, Anchor: "publication"},
		{Span: span(d, "on Wednesday"), Value: day(2025, 3, 19), Granularity: parallax.Day, Anchor: "publication"},
		{Span: span(d, "on March 23"), Value: day(2025, 3, 23), Granularity: parallax.Day, Anchor: "inferred"},
	}
	d.Quotes = []parallax.Quote{
		{Span: span(d, "We are a short distance from a full ceasefire,"), Kind: parallax.Direct, Speaker: 2,
			SpeakerSpan: at(d, "Witkoff", 2), Cue: span(d, "told")},
		{Span: span(d, "the leaders spoke by phone for more than two hours"), Kind: parallax.Indirect, Speaker: 2,
			SpeakerSpan: at(d, "Witkoff", 1), Cue: at(d, "said", 0)},
	}
	d.Attributions = []parallax.Attribution{
		{Source: 2, SourceSpan: span(d, "US special envoy Steve Witkoff"), Cue: span(d, "according to"),
			Content: span(d, "US President Donald Trump and Russian President Vladimir Putin agreed on Tuesday to pause strikes on energy infrastructure for 30 days")},
		{Source: 3, SourceSpan: at(d, "the Kremlin", 0), Cue: at(d, "said", 1),
			Content: span(d, "Russia and Ukraine will exchange 175 prisoners of war each on Wednesday")},
	}
	d.Claims = []parallax.Claim{
		{Sentence: 0, Span: d.Sentences[0].Span, Entities: []int{0, 1, 2}, Quantities: []int{0}, Dates: []int{0}, AttributedTo: 2},
		{Sentence: 1, Span: d.Sentences[1].Span, Entities: []int{2}, Quantities: []int{1}, AttributedTo: 2},
		{Sentence: 3, Span: d.Sentences[3].Span, Quantities: []int{2}, Dates: []int{1}, AttributedTo: 3},
		{Sentence: 4, Span: d.Sentences[4].Span, Entities: []int{4}, Quantities: []int{3}, AttributedTo: -1},
		{Sentence: 5, Span: d.Sentences[5].Span, Entities: []int{6}, Dates: []int{2}, AttributedTo: -1},
	}
}

func f64(v float64) *float64 { return &v }

// claim cites the sentence of doc that contains sub.
func claim(docs map[string]*parallax.Document, id, sub, attributed string) parallax.ClaimRef {
	d := docs[id]
	s := span(d, sub)
	i := d.SentenceAt(s.Start)
	ss := d.Sentences[i].Span
	return parallax.ClaimRef{Article: id, Sentence: d.Slice(ss), Span: ss, AttributedTo: attributed}
}

func quoteRef(docs map[string]*parallax.Document, id, text, speaker, kind, cue string) parallax.QuoteRef {
	return parallax.QuoteRef{Article: id, Text: text, Speaker: speaker, Kind: kind, Cue: cue, Span: span(docs[id], text)}
}

func uniq(docs map[string]*parallax.Document, id, text string) parallax.UniqueSentence {
	return parallax.UniqueSentence{Text: text, Span: span(docs[id], text)}
}

func byID(docs []*parallax.Document) map[string]*parallax.Document {
	m := map[string]*parallax.Document{}
	for _, d := range docs {
		m[d.Article.ID] = d
	}
	return m
}

// fixtureBrief is what reconcile would make of fixtureDocs.
func fixtureBrief(docs []*parallax.Document) *parallax.Brief {
	m := byID(docs)
	all := []string{"coastal-1", "herald-7", "wire-3", "courier-2"}
	return &parallax.Brief{
		Articles: []parallax.ArticleRef{
			{ID: "coastal-1", Source: "Coastal Post", Title: fixtureArticles[0].Title, Published: "2025-03-18T21:10:00Z",
				URL: fixtureArticles[0].URL, Author: "Mara Lind", Origin: "coastal-1"},
			{ID: "herald-7", Source: "Valley Herald", Title: fixtureArticles[1].Title, Published: "2025-03-18T19:45:00+01:00",
				URL: fixtureArticles[1].URL, Origin: "herald-7"},
			{ID: "wire-3", Source: "Global Wire", Title: fixtureArticles[2].Title, Published: "2025-03-19T06:00:00Z",
				URL: fixtureArticles[2].URL, Origin: "wire-3"},
			{ID: "courier-2", Source: "Evening Courier", Title: fixtureArticles[3].Title,
				Path: fixtureArticles[3].Path, Origin: "wire-3"},
		},
		Facts: []parallax.Fact{
			{
				ID: "f1", Status: parallax.Corroborated,
				Statement: "Trump and Putin agreed to pause strikes on energy infrastructure for 30 days.",
				Claims: []parallax.ClaimRef{
					claim(m, "coastal-1", "pause strikes on energy infrastructure", "Steve Witkoff"),
					claim(m, "herald-7", "30-day halt", "Kremlin"),
					claim(m, "wire-3", "30-day pause", ""),
					claim(m, "courier-2", "30-day pause", ""),
				},
				Outlets: 4, Independent: 3, PrimarySources: 3,
			},
			{
				ID: "f2", Status: parallax.Conflict, Kind: "quantity",
				Statement: "Trump and Putin spoke by phone on Tuesday.",
				Claims: []parallax.ClaimRef{
					claim(m, "coastal-1", "more than two hours", "Steve Witkoff"),
					claim(m, "herald-7", "about 90 minutes", "Kremlin"),
					claim(m, "wire-3", "two and a half hours", ""),
					claim(m, "courier-2", "two and a half hours", ""),
				},
				Variants: []parallax.Variant{
					{Text: "more than two hours", Value: parallax.VariantValue{Lo: f64(120), Unit: "minute", Qualifier: "more_than"},
						Articles: []string{"coastal-1"}, AttributedTo: []string{"Steve Witkoff"}},
					{Text: "about 90 minutes", Value: parallax.VariantValue{Lo: f64(90), Hi: f64(90), Unit: "minute", Qualifier: "about"},
						Articles: []string{"herald-7"}, AttributedTo: []string{"Kremlin"}},
					{Text: "two and a half hours", Value: parallax.VariantValue{Lo: f64(150), Hi: f64(150), Unit: "minute"},
						Articles: []string{"wire-3", "courier-2"}}, // nil AttributedTo: JSON must still say []
				},
				Outlets: 4, Independent: 3, PrimarySources: 3,
			},
			{
				ID: "f3", Status: parallax.AttributionSplit, Kind: "quantity",
				Statement: "Russia and Ukraine will exchange prisoners of war on Wednesday.",
				Claims: []parallax.ClaimRef{
					claim(m, "coastal-1", "175 prisoners of war each", "Kremlin"),
					claim(m, "herald-7", "175 prisoners from each side", "Kremlin"),
					claim(m, "wire-3", "120 prisoners of war", "Volodymyr Zelensky"),
					claim(m, "courier-2", "120 prisoners of war", "Volodymyr Zelensky"),
				},
				Variants: []parallax.Variant{
					{Text: "175 prisoners of war each", Value: parallax.VariantValue{Lo: f64(175), Hi: f64(175), Unit: "prisoner of war"},
						Articles: []string{"coastal-1", "herald-7"}, AttributedTo: []string{"Kremlin"}},
					{Text: "120 prisoners of war", Value: parallax.VariantValue{Lo: f64(120), Hi: f64(120), Unit: "prisoner of war"},
						Articles: []string{"wire-3", "courier-2"}, AttributedTo: []string{"Volodymyr Zelensky"}},
				},
				Outlets: 4, Independent: 3, PrimarySources: 2,
			},
			{
				ID: "f4", Status: parallax.Conflict, Kind: "date",
				Statement: "Negotiators will meet in Jeddah.",
				Claims: []parallax.ClaimRef{
					claim(m, "coastal-1", "Jeddah on March 23", ""),
					claim(m, "wire-3", "Jeddah on Monday", ""),
					claim(m, "courier-2", "Jeddah on Monday", ""),
				},
				Variants: []parallax.Variant{
					{Text: "on March 23", Value: parallax.VariantValue{Date: "2025-03-23", Granularity: "day"},
						Articles: []string{"coastal-1"}, AttributedTo: []string{}},
					{Text: "on Monday", Value: parallax.VariantValue{Date: "2025-03-24", Granularity: "day"},
						Articles: []string{"wire-3", "courier-2"}, AttributedTo: []string{}},
				},
				Outlets: 3, Independent: 2, PrimarySources: 2,
			},
			{
				ID: "f5", Status: parallax.Corroborated,
				Statement: "Zelensky backs a full ceasefire.",
				Claims: []parallax.ClaimRef{
					claim(m, "coastal-1", "would back a full 30-day truce", ""),
					claim(m, "herald-7", "backed a broader ceasefire", ""),
				},
				Outlets: 2, Independent: 2, PrimarySources: 2,
			},
			{
				ID: "f6", Status: parallax.SingleSource,
				Statement: "Russia wants an end to foreign military aid and intelligence sharing with Kyiv.",
				Claims: []parallax.ClaimRef{
					claim(m, "wire-3", "foreign military aid", "Kremlin"),
					claim(m, "courier-2", "foreign military aid", "Kremlin"),
				},
				Outlets: 2, Independent: 1, PrimarySources: 1,
			},
			{
				ID: "f7", Status: parallax.SingleSource,
				Statement: "Putin has already ordered the Russian military to stop striking energy targets.",
				Claims:    []parallax.ClaimRef{claim(m, "herald-7", "already instructed", "Kremlin")},
				Outlets:   1, Independent: 1, PrimarySources: 1,
			},
		},
		Quotes: []parallax.QuoteRef{
			quoteRef(m, "coastal-1", "We are a short distance from a full ceasefire,", "Steve Witkoff", "direct", "told"),
			quoteRef(m, "herald-7", "Putin responded positively to the proposal to suspend attacks on energy facilities", "Kremlin", "indirect", "said"),
			quoteRef(m, "wire-3", "We will not accept any conditions that weaken our defence,", "Volodymyr Zelensky", "direct", "said"),
			quoteRef(m, "wire-3", "We are a short distance from a full ceasefire,", "Steve Witkoff", "direct", "said"),
			quoteRef(m, "courier-2", "We will not accept any conditions that weaken our defence,", "Volodymyr Zelensky", "direct", "said"),
			quoteRef(m, "courier-2", "We are a short distance from a full ceasefire,", "Steve Witkoff", "direct", "said"),
			quoteRef(m, "courier-2", "It is a first step, nothing more,", "", "direct", "said"),
		},
		Entities: []parallax.EntitySummary{
			{Name: "Donald Trump", Type: "person", Title: "US President", Aliases: []string{"Donald Trump", "Trump"}, Articles: all, Mentions: 6},
			{Name: "Vladimir Putin", Type: "person", Title: "Russian President", Aliases: []string{"Vladimir Putin", "Putin"}, Articles: all, Mentions: 8},
			{Name: "Steve Witkoff", Type: "person", Title: "US special envoy", Aliases: []string{"Steve Witkoff", "Witkoff"},
				Articles: []string{"coastal-1", "wire-3", "courier-2"}, Mentions: 5},
			{Name: "Kremlin", Type: "government", Aliases: []string{"the Kremlin"}, Articles: all, Mentions: 8},
			{Name: "Volodymyr Zelensky", Type: "person", Title: "Ukrainian President", Aliases: []string{"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelensky"},
				Articles: all, Mentions: 7},
			{Name: "Kyiv", Type: "place", Aliases: []string{"Kiev", "Kyiv"}, Articles: all, Mentions: 6},
			{Name: "Jeddah", Type: "place", Articles: []string{"coastal-1", "wire-3", "courier-2"}, Mentions: 3}, // nil Aliases
		},
		Wording: []parallax.Wording{
			{Entity: "Kyiv", Variants: []parallax.WordingTerm{
				{Term: "Kiev", Articles: []string{"coastal-1"}},
				{Term: "Kyiv", Articles: []string{"herald-7", "wire-3", "courier-2"}},
			}},
			{Entity: "Volodymyr Zelensky", Variants: []parallax.WordingTerm{
				{Term: "Zelensky", Articles: []string{"coastal-1", "wire-3", "courier-2"}},
				{Term: "Zelenskyy", Articles: []string{"herald-7"}},
			}},
		},
		Unique: []parallax.Unique{
			{Article: "coastal-1", Sentences: []parallax.UniqueSentence{
				uniq(m, "coastal-1", "Moscow will also hand over 23 badly wounded soldiers to Kiev."),
				uniq(m, "coastal-1", "The Coastal Post could not independently verify the details of the call."),
			}},
			{Article: "herald-7", Sentences: []parallax.UniqueSentence{
				uniq(m, "herald-7", "The call was the first between the two leaders since Trump's inauguration in January."),
			}},
		},
		Timeline: []parallax.TimelineEntry{
			{Date: "2025-01", Granularity: "month", Text: "Trump is inaugurated.", Articles: []string{"herald-7"},
				Provenance: `"in January": month, year taken from the publication date`},
			{Date: "2025-03-18", Granularity: "day", Text: "Trump and Putin speak by phone.", Articles: all,
				Provenance: `"on Tuesday": weekday resolved against the publication date`},
			{Date: "2025-03-19", Granularity: "day", Text: "Russia and Ukraine exchange prisoners of war.", Articles: all,
				Provenance: `"on Wednesday": weekday resolved against the publication date`},
			{Date: "2025-03-23", Granularity: "day", Text: "Delegations meet in Jeddah.", Articles: []string{"coastal-1"},
				Provenance: `"on March 23": calendar date`},
			{Date: "2025-W13", Granularity: "week", Text: "Technical talks on Black Sea shipping.", Articles: []string{"wire-3", "courier-2"},
				Provenance: `"next week": relative to the publication date`},
		},
		Summary: []parallax.SummaryLine{
			{Sentence: "Trump and Putin agreed in a phone call on Tuesday to pause strikes on energy infrastructure for 30 days.", Articles: all},
			{Sentence: "Russia and Ukraine are to exchange prisoners of war on Wednesday; the number differs by source.", Articles: all},
			{Sentence: "Negotiators are to meet again in Jeddah.", Articles: []string{"coastal-1", "wire-3", "courier-2"}},
		},
		Disputed: "Sources disagree on how long the call lasted (about 90 minutes according to the Kremlin, more than two hours according to Steve Witkoff, two and a half hours according to Global Wire), on how many prisoners will be exchanged (175 each according to the Kremlin, 120 according to Volodymyr Zelensky), and on when the talks in Jeddah take place (March 23 or Monday, March 24).",
		Problems: []parallax.Problem{{Path: "inbox/scan-0042.pdf", Reason: "unsupported format: application/pdf"}},
	}
}
