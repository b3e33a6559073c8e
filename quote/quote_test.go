package quote

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// wq is an expected quote. Text fields name the first occurrence of the
// string in the document; "text@2" names the second.
type wq struct {
	text    string
	kind    parallax.QuoteKind
	speaker string // entity name, "" for -1
	spk     string // speaker phrase, "" for none
	cue     string
}

// wa is an expected attribution.
type wa struct {
	content string
	source  string
	spk     string
	cue     string
}

var (
	trump     = person("Donald Trump", "Trump").titled("U.S. President")
	putin     = person("Vladimir Putin", "Putin").titled("Russian President")
	zelenskyy = person("Volodymyr Zelenskyy", "Zelenskyy").titled("Ukrainian President")
	witkoff   = person("Steve Witkoff", "Witkoff").titled("special envoy")
	peskov    = person("Dmitry Peskov", "Peskov").titled("Kremlin spokesman")
	grushko   = person("Alexander Grushko", "Grushko").titled("Deputy Foreign Minister")
	hill      = person("Hugh Hill", "Hill")
	kallas    = person("Kaja Kallas", "Kallas")
	kremlin   = gov("Kremlin")
	whiteHse  = gov("White House")
	nato      = org("NATO")
	nbc       = org("NBC News", "NBC")
	ukraine   = place("Ukraine")
	russia    = place("Russia")
	moscow    = place("Moscow")
)

func D(text, speaker, spk, cue string) wq { return wq{text, parallax.Direct, speaker, spk, cue} }
func I(text, speaker, spk, cue string) wq { return wq{text, parallax.Indirect, speaker, spk, cue} }

var findTests = []struct {
	name  string
	text  string
	ents  []ent
	want  []wq
	attrs []wa // checked when non-nil
}{
	{
		name:  "speaker after",
		text:  `"We will not retreat from Kharkiv," Zelenskyy said.`,
		ents:  []ent{zelenskyy},
		want:  []wq{D("We will not retreat from Kharkiv", "Volodymyr Zelenskyy", "Zelenskyy", "said")},
		attrs: []wa{{"We will not retreat from Kharkiv", "Volodymyr Zelenskyy", "Zelenskyy", "said"}},
	},
	{
		name: "inverted speaker after",
		text: `"The talks were constructive," said Peskov.`,
		ents: []ent{peskov},
		want: []wq{D("The talks were constructive", "Dmitry Peskov", "Peskov", "said")},
	},
	{
		name: "speaker before with colon",
		text: `Witkoff said: "We are very close to a deal."`,
		ents: []ent{witkoff},
		want: []wq{D("We are very close to a deal", "Steve Witkoff", "Witkoff", "said")},
	},
	{
		name: "speaker before with comma",
		text: `Zelenskyy said, "Ukraine will not give up its land."`,
		ents: []ent{zelenskyy, ukraine},
		want: []wq{D("Ukraine will not give up its land", "Volodymyr Zelenskyy", "Zelenskyy", "said")},
	},
	{
		name: "speaker before with time and colon",
		text: `Putin said on Thursday: "The idea itself is correct."`,
		ents: []ent{putin},
		want: []wq{D("The idea itself is correct", "Vladimir Putin", "Putin", "said")},
	},
	{
		name: "pronoun resolves to previous person, skipping a government",
		text: `Kallas spoke after the Kremlin issued its statement. "This is not a peace plan," she said.`,
		ents: []ent{kallas, kremlin},
		want: []wq{D("This is not a peace plan", "Kaja Kallas", "she", "said")},
	},
	{
		name: "pronoun skips names inside the quote",
		text: `Trump spoke to reporters on Sunday.` + "\n\n" + `"I had a very good call with Putin," he added.`,
		ents: []ent{trump, putin},
		want: []wq{D("I had a very good call with Putin", "Donald Trump", "he", "added")},
	},
	{
		name: "pronoun prefers the subject of the nearest sentence",
		text: `Zelenskyy said he wanted details on what Putin and Trump agreed. However, he rejected any halt to military aid, warning that it would weaken Ukraine.`,
		ents: []ent{zelenskyy, putin, trump, ukraine},
		want: []wq{
			I("he wanted details on what Putin and Trump agreed", "Volodymyr Zelenskyy", "Zelenskyy", "said"),
			I("it would weaken Ukraine", "Volodymyr Zelenskyy", "he@2", "warning"),
		},
	},
	{
		name: "appositive before indirect speech",
		text: `Hugh Hill, a doctor at the clinic, said the wounded had been arriving since dawn.`,
		ents: []ent{hill},
		want: []wq{I("the wounded had been arriving since dawn", "Hugh Hill", "Hugh Hill", "said")},
	},
	{
		name: "appositive after a quote",
		text: `"We have run out of beds," Hugh Hill, a doctor at the clinic, said.`,
		ents: []ent{hill},
		want: []wq{D("We have run out of beds", "Hugh Hill", "Hugh Hill", "said")},
	},
	{
		name: "appositive with possessive name inside",
		text: `Dmitry Peskov, Putin's spokesperson, told reporters on Tuesday that no summit was planned.`,
		ents: []ent{peskov, putin},
		want: []wq{I("no summit was planned", "Dmitry Peskov", "Dmitry Peskov", "told reporters")},
	},
	{
		name: "nominal speaker, indirect",
		text: `Officials said the bridge would reopen on Monday.`,
		want: []wq{I("the bridge would reopen on Monday", "", "Officials", "said")},
	},
	{
		name: "nominal speaker, direct",
		text: `"The decision is final," a spokesperson said.`,
		want: []wq{D("The decision is final", "", "a spokesperson", "said")},
	},
	{
		name: "possessive person nominal stays unknown",
		text: `Putin's spokesperson said the call lasted two hours.`,
		ents: []ent{putin},
		want: []wq{I("the call lasted two hours", "", "Putin's spokesperson", "said")},
	},
	{
		name: "government speaker with venue",
		text: `"Both leaders agreed this conflict needs to end," the White House said in a statement.`,
		ents: []ent{whiteHse},
		want: []wq{D("Both leaders agreed this conflict needs to end", "White House", "the White House", "said in a statement")},
	},
	{
		name: "partial quote takes the sentence subject",
		text: `Witkoff commended Putin "for all he did today on that call."`,
		ents: []ent{witkoff, putin},
		want: []wq{D("for all he did today on that call", "Steve Witkoff", "Witkoff", "commended")},
	},
	{
		name: "multi-sentence quote",
		text: `"We are ready. We have always been ready," Peskov told reporters.`,
		ents: []ent{peskov},
		want: []wq{D("We are ready. We have always been ready", "Dmitry Peskov", "Peskov", "told reporters")},
	},
	{
		name: "split quote gives two quotes",
		text: `"We will rebuild," he added, "and we will do it quickly."`,
		want: []wq{
			D("We will rebuild", "", "he", "added"),
			D("and we will do it quickly", "", "he", "added"),
		},
	},
	{
		name: "quote continues in the next sentence",
		text: `"The plan is dead," the Kremlin said in a statement. "Moscow will not negotiate under pressure."`,
		ents: []ent{kremlin, moscow},
		want: []wq{
			D("The plan is dead", "Kremlin", "the Kremlin", "said in a statement"),
			D("Moscow will not negotiate under pressure", "Kremlin", "the Kremlin", "said in a statement"),
		},
	},
	{
		name: "multi-paragraph quote, speaker first",
		text: `Zelenskyy said: "We asked for air defense and we got promises.` + "\n\n" + `"We cannot shoot down missiles with promises."`,
		ents: []ent{zelenskyy},
		want: []wq{
			D("We asked for air defense and we got promises", "Volodymyr Zelenskyy", "Zelenskyy", "said"),
			D("We cannot shoot down missiles with promises", "Volodymyr Zelenskyy", "Zelenskyy", "said"),
		},
	},
	{
		name: "multi-paragraph quote, speaker last",
		text: `"The front is holding, but only just.` + "\n\n" + `"We need shells, not speeches," Zelenskyy said.`,
		ents: []ent{zelenskyy},
		want: []wq{
			D("The front is holding, but only just", "Volodymyr Zelenskyy", "Zelenskyy", "said"),
			D("We need shells, not speeches", "Volodymyr Zelenskyy", "Zelenskyy", "said"),
		},
	},
	{
		name: "unclosed quote ends at its paragraph",
		text: `Trump said: "This will end badly for everyone` + "\n\n" + `Markets fell on the news.`,
		ents: []ent{trump},
		want: []wq{D("This will end badly for everyone", "Donald Trump", "Trump", "said")},
	},
	{
		name: "inch mark is not a quote",
		text: `The storm dropped 5" of rain on the city, officials said.`,
		want: []wq{I("The storm dropped 5\" of rain on the city", "", "officials", "said")},
	},
	{
		name: "apostrophes are not quotes",
		text: `Ukraine's leaders don't expect a return to the '90s, when talks with Russia's envoys' aides stalled, officials said.`,
		ents: []ent{ukraine, russia},
		want: []wq{I("Ukraine's leaders don't expect a return to the '90s, when talks with Russia's envoys' aides stalled", "", "officials", "said")},
	},
	{
		name:  "single-quoted scare quote in a headline",
		text:  "Zelenskyy wary, wants a 'just' peace\n\nThe talks resume on Monday.",
		ents:  []ent{zelenskyy},
		want:  []wq{D("just", "", "", "")},
		attrs: []wa{},
	},
	{
		name: "single-quoted quote with a cue in a headline",
		text: "Trump says Russia talks 'going very well'\n\nThe talks resume on Monday.",
		ents: []ent{trump, russia},
		want: []wq{
			I("Russia talks 'going very well'", "Donald Trump", "Trump", "says"),
			D("going very well", "Donald Trump", "Trump", "says"),
		},
	},
	{
		name:  "according to, leading",
		text:  `According to the Kremlin, Putin agreed to pause strikes for 30 days.`,
		ents:  []ent{kremlin, putin},
		want:  []wq{},
		attrs: []wa{{"Putin agreed to pause strikes for 30 days", "Kremlin", "the Kremlin", "According to"}},
	},
	{
		name:  "according to, trailing",
		text:  `The two sides will swap 175 prisoners each, according to the Kremlin.`,
		ents:  []ent{kremlin},
		want:  []wq{},
		attrs: []wa{{"The two sides will swap 175 prisoners each", "Kremlin", "the Kremlin", "according to"}},
	},
	{
		name:  "according to a statement from",
		text:  `Putin accepted the proposal, according to a statement from the Kremlin following the call.`,
		ents:  []ent{kremlin, putin},
		want:  []wq{},
		attrs: []wa{{"Putin accepted the proposal", "Kremlin", "a statement from the Kremlin", "according to"}},
	},
	{
		name: "according to a readout after a quote",
		text: `Talks "will begin immediately," according to a White House readout of the call.`,
		ents: []ent{whiteHse},
		want: []wq{D("will begin immediately", "White House", "a White House readout of the call", "according to")},
	},
	{
		name: "according to a translation credits the readout's author",
		text: `Putin "immediately" gave the order, according to an NBC News translation of the Kremlin's readout.`,
		ents: []ent{putin, nbc, kremlin},
		want: []wq{D("immediately", "Kremlin", "an NBC News translation of the Kremlin's readout", "according to")},
		attrs: []wa{
			{"Putin \"immediately\" gave the order", "Kremlin", "an NBC News translation of the Kremlin's readout", "according to"},
			{"immediately", "Kremlin", "an NBC News translation of the Kremlin's readout", "according to"},
		},
	},
	{
		name: "possessive readout said",
		text: `The Kremlin's readout said Putin had raised the issue of foreign aid.`,
		ents: []ent{kremlin, putin},
		want: []wq{I("Putin had raised the issue of foreign aid", "Kremlin", "The Kremlin's readout", "said")},
	},
	{
		name: "summary of the call added",
		text: `The White House's summary of the call added that talks would start in the Middle East.`,
		ents: []ent{whiteHse},
		want: []wq{I("talks would start in the Middle East", "White House", "The White House's summary of the call", "added")},
	},
	{
		name: "trailing reported",
		text: `Russia will hand over 23 wounded soldiers, the Kremlin reported.`,
		ents: []ent{russia, kremlin},
		want: []wq{I("Russia will hand over 23 wounded soldiers", "Kremlin", "the Kremlin", "reported")},
	},
	{
		name: "said after the call that",
		text: `The Kremlin said after the call that Putin had ordered a halt.`,
		ents: []ent{kremlin, putin},
		want: []wq{I("Putin had ordered a halt", "Kremlin", "The Kremlin", "said")},
	},
	{
		name: "in what X described as, quoted",
		text: `In what the Kremlin described as a "gesture of goodwill," Russia will return 23 soldiers.`,
		ents: []ent{kremlin, russia},
		want: []wq{D("gesture of goodwill", "Kremlin", "the Kremlin", "described")},
	},
	{
		name:  "in what X described as, unquoted",
		text:  `In what the Kremlin described as a gesture of goodwill, Russia will return 23 soldiers.`,
		ents:  []ent{kremlin, russia},
		want:  []wq{},
		attrs: []wa{{"a gesture of goodwill", "Kremlin", "the Kremlin", "described"}},
	},
	{
		name: "wrote in a post",
		text: `"The war must end now," Trump wrote in a Truth Social post after the call.`,
		ents: []ent{trump},
		want: []wq{D("The war must end now", "Donald Trump", "Trump", "wrote in a Truth Social post")},
	},
	{
		name: "venue with adjectives",
		text: `Zelenskyy stated in his nightly video address that he doubted Putin's readiness for peace.`,
		ents: []ent{zelenskyy, putin},
		want: []wq{I("he doubted Putin's readiness for peace", "Volodymyr Zelenskyy", "Zelenskyy", "stated in his nightly video address")},
	},
	{
		name: "participle borrows the speaker",
		text: `Zelenskyy said the attack killed four people, adding that rescuers were still searching the rubble.`,
		ents: []ent{zelenskyy},
		want: []wq{
			I("the attack killed four people", "Volodymyr Zelenskyy", "Zelenskyy", "said"),
			I("rescuers were still searching the rubble", "Volodymyr Zelenskyy", "Zelenskyy", "adding"),
		},
	},
	{
		name: "coordinated verb borrows the speaker",
		text: `Putin last week said he backed the idea, but emphasized that monitoring was needed.`,
		ents: []ent{putin},
		want: []wq{
			I("he backed the idea", "Vladimir Putin", "Putin", "said"),
			I("monitoring was needed", "Vladimir Putin", "Putin", "emphasized"),
		},
	},
	{
		name: "participle with its own subject",
		text: `Putin welcomed the plan, with the Kremlin indicating talks would begin soon.`,
		ents: []ent{putin, kremlin},
		want: []wq{I("talks would begin soon", "Kremlin", "the Kremlin", "indicating")},
	},
	{
		name: "nested report: the Kremlin reported what Putin told",
		text: `Putin told Trump that Russia would free 175 prisoners, adding that Moscow would return 23 wounded soldiers, the Kremlin reported.`,
		ents: []ent{putin, trump, russia, moscow, kremlin},
		want: []wq{
			I("Putin told Trump that Russia would free 175 prisoners, adding that Moscow would return 23 wounded soldiers", "Kremlin", "the Kremlin", "reported"),
			I("Russia would free 175 prisoners", "Vladimir Putin", "Putin", "told"),
			I("Moscow would return 23 wounded soldiers", "Vladimir Putin", "Putin", "adding"),
		},
	},
	{
		name: "quote after that, with according to",
		text: `Putin indicated to Trump that "foreign aid must stop," according to the Kremlin.`,
		ents: []ent{putin, trump, kremlin},
		want: []wq{D("foreign aid must stop", "Vladimir Putin", "Putin", "indicated")},
		attrs: []wa{
			{"Putin indicated to Trump that \"foreign aid must stop,\"", "Kremlin", "the Kremlin", "according to"},
			{"foreign aid must stop", "Vladimir Putin", "Putin", "indicated"},
			{"foreign aid must stop", "Kremlin", "the Kremlin", "according to"},
		},
	},
	{
		name: "prepositional object is not the speaker",
		text: `The president during his meeting with Zelenskyy complained that "nobody listens."`,
		ents: []ent{trump, zelenskyy},
		want: []wq{D("nobody listens", "", "The president", "complained")},
	},
	{
		name: "nominal resolved by a unique title",
		text: `The Russian president said the offer was "serious."`,
		ents: []ent{trump, putin},
		want: []wq{
			I("the offer was \"serious.\"", "Vladimir Putin", "The Russian president", "said"),
			D("serious", "Vladimir Putin", "The Russian president", "said"),
		},
	},
	{
		name: "trailing attribution around a partial quote",
		text: `Moscow holds "all the cards" and Kyiv does not, Trump has said repeatedly.`,
		ents: []ent{moscow, trump},
		want: []wq{
			I("Moscow holds \"all the cards\" and Kyiv does not", "Donald Trump", "Trump", "said"),
			D("all the cards", "Donald Trump", "Trump", "said"),
		},
	},
	{
		name: "inverted readout speaker after a quote subject",
		text: `"Sanctions must go first" is the main condition, said the Kremlin readout, which was published late on Tuesday.`,
		ents: []ent{kremlin},
		want: []wq{
			I("\"Sanctions must go first\" is the main condition", "Kremlin", "the Kremlin readout", "said"),
			D("Sanctions must go first", "Kremlin", "the Kremlin readout", "said"),
		},
	},
	{
		name: "indirect speech holding a partial quote",
		text: `Grushko on Monday said Moscow would seek "ironclad guarantees" in any deal.`,
		ents: []ent{grushko, moscow},
		want: []wq{
			I("Moscow would seek \"ironclad guarantees\" in any deal", "Alexander Grushko", "Grushko", "said"),
			D("ironclad guarantees", "Alexander Grushko", "Grushko", "said"),
		},
	},
	{
		name: "it resolves to an organization",
		text: `NATO said its air policing mission would expand. It added that two more jets would arrive.`,
		ents: []ent{nato},
		want: []wq{
			I("its air policing mission would expand", "NATO", "NATO", "said"),
			I("two more jets would arrive", "NATO", "It", "added"),
		},
	},
	{
		name: "question mark before the attribution",
		text: `Kallas met ministers in Brussels. "Who will pay for this?" she asked.`,
		ents: []ent{kallas},
		want: []wq{D("Who will pay for this?", "Kaja Kallas", "she", "asked")},
	},
	{
		name: "period inside the marks ends the attribution search",
		text: `Witkoff praised the "progress on that call." He later met Putin in Moscow.`,
		ents: []ent{witkoff, putin, moscow},
		want: []wq{D("progress on that call", "Steve Witkoff", "Witkoff", "praised")},
	},
	{
		name:  "outlet voice gives nothing",
		text:  `The plant generated a quarter of Ukraine's electricity before the war. Its reactors have been shut down since 2022.`,
		ents:  []ent{ukraine},
		want:  []wq{},
		attrs: []wa{},
	},
	{
		name: "scare quote in outlet voice",
		text: `The so-called "coalition of the willing" met in Paris on Thursday.`,
		want: []wq{D("coalition of the willing", "", "", "")},
	},
	{
		name: "United States is not a cue",
		text: `Trump has also stated that he wants ties between the United States and Russia to return to normal.`,
		ents: []ent{trump, russia},
		want: []wq{I("he wants ties between the United States and Russia to return to normal", "Donald Trump", "Trump", "stated")},
	},
	{
		name: "plural noun claims is not a cue",
		text: `Zelenskyy disputed Russian claims that his troops were encircled.`,
		ents: []ent{zelenskyy},
		want: []wq{},
	},
	{
		name: "bare plural noun speaker",
		text: `Wheat prices fell 4 percent on the news, traders said.`,
		want: []wq{I("Wheat prices fell 4 percent on the news", "", "traders", "said")},
	},
	{
		name: "its readout speaks for the organization",
		text: `The Kremlin said the corridor would stay open. Its readout of a call between Putin and Trump said Moscow expected sanctions relief.`,
		ents: []ent{kremlin, putin, trump, moscow},
		want: []wq{
			I("the corridor would stay open", "Kremlin", "The Kremlin", "said"),
			I("Moscow expected sanctions relief", "Kremlin", "Its readout of a call between Putin and Trump", "said@2"),
		},
	},
	{
		name: "warns of is not reported speech",
		text: "Kyiv warns of 'empty words'\n\nThe talks resume on Monday.",
		ents: []ent{place("Kyiv")},
		want: []wq{D("empty words", "Kyiv", "Kyiv", "warns")},
	},
	{
		name: "quote continues after a long attribution and across paragraphs",
		text: `"We have seen Russia break deals before," Kuleba wrote in a post on social media. "If the ships are attacked, the deal is dead.` + "\n\n" + `"Our navy will be ready."`,
		ents: []ent{person("Dmytro Kuleba", "Kuleba"), russia},
		want: []wq{
			D("We have seen Russia break deals before", "Dmytro Kuleba", "Kuleba", "wrote in a post"),
			D("If the ships are attacked, the deal is dead", "Dmytro Kuleba", "Kuleba", "wrote in a post"),
			D("Our navy will be ready", "Dmytro Kuleba", "Kuleba", "wrote in a post"),
		},
	},
	{
		name: "partial quote belongs to the clause it sits in",
		text: `Guterres told the council that the deal was "the best chance in months" and urged both sides to respect it.`,
		ents: []ent{person("Antonio Guterres", "Guterres")},
		want: []wq{
			I("the deal was \"the best chance in months\"", "Antonio Guterres", "Guterres", "told"),
			D("the best chance in months", "Antonio Guterres", "Guterres", "told"),
		},
	},
	{
		name: "partial quote inside a clause reported by a trailing source",
		text: `Putin said the fleet would "ensure safety in its zone," the Kremlin reported.`,
		ents: []ent{putin, kremlin},
		want: []wq{
			I("Putin said the fleet would \"ensure safety in its zone,\"", "Kremlin", "the Kremlin", "reported"),
			I("the fleet would \"ensure safety in its zone,\"", "Vladimir Putin", "Putin", "said"),
			D("ensure safety in its zone", "Kremlin", "the Kremlin", "reported"),
		},
	},
	{
		name: "venue then addressee before that",
		text: `Trump said in an interview with CNN that he would call Putin.`,
		ents: []ent{trump, putin, org("CNN")},
		want: []wq{I("he would call Putin", "Donald Trump", "Trump", "said in an interview")},
	},
	{
		name: "honorific stays in the speaker phrase",
		text: `Ms. Kallas said, "Russia is not serious."`,
		ents: []ent{kallas, russia},
		want: []wq{D("Russia is not serious", "Kaja Kallas", "Ms. Kallas", "said")},
	},
	{
		name: "joint speakers",
		text: `Trump and Putin said in a joint statement that talks would continue.`,
		ents: []ent{trump, putin},
		want: []wq{I("talks would continue", "Vladimir Putin", "Trump and Putin", "said in a joint statement")},
	},
	{
		name:  "dateline before according to",
		text:  `WASHINGTON — According to the White House, the call lasted 90 minutes.`,
		ents:  []ent{whiteHse},
		want:  []wq{},
		attrs: []wa{{"the call lasted 90 minutes", "White House", "the White House", "According to"}},
	},
}

func TestFind(t *testing.T) {
	for _, tc := range append(append(append(append(findTests, attributionTests...), corefTests...), hedgeTests...), agreeTests...) {
		t.Run(tc.name, func(t *testing.T) {
			doc := newDoc(tc.text, tc.ents...)
			quotes, attrs := Find(doc)
			var got, want []string
			for _, q := range quotes {
				got = append(got, fmtQuote(doc, q))
			}
			for _, w := range tc.want {
				want = append(want, fmtQuote(doc, w.resolve(t, doc)))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("quotes:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			checkCovered(t, doc, quotes, attrs)
			if tc.attrs == nil {
				return
			}
			got, want = nil, nil
			for _, a := range attrs {
				got = append(got, fmtAttr(doc, a))
			}
			for _, w := range tc.attrs {
				want = append(want, fmtAttr(doc, w.resolve(t, doc)))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("attributions:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// checkCovered: every attributed quote has an attribution with the same
// content, source and cue.
func checkCovered(t *testing.T, doc *parallax.Document, quotes []parallax.Quote, attrs []parallax.Attribution) {
	t.Helper()
	for _, q := range quotes {
		if q.Cue == (parallax.Span{}) {
			continue
		}
		found := false
		for _, a := range attrs {
			if a.Content == q.Span && a.Source == q.Speaker && a.Cue == q.Cue && a.SourceSpan == q.SpeakerSpan {
				found = true
			}
		}
		if !found {
			t.Errorf("quote %q has no attribution", doc.Slice(q.Span))
		}
	}
}

func (w wq) resolve(t *testing.T, doc *parallax.Document) parallax.Quote {
	return parallax.Quote{Span: at(t, doc, w.text), Kind: w.kind, Speaker: entityIndex(t, doc, w.speaker),
		SpeakerSpan: at(t, doc, w.spk), Cue: at(t, doc, w.cue)}
}

func (w wa) resolve(t *testing.T, doc *parallax.Document) parallax.Attribution {
	return parallax.Attribution{Content: at(t, doc, w.content), Source: entityIndex(t, doc, w.source),
		SourceSpan: at(t, doc, w.spk), Cue: at(t, doc, w.cue)}
}

// at returns the span of the first occurrence of s in the document, or of
// the nth for "s@n"; the zero span for "".
func at(t *testing.T, doc *parallax.Document, s string) parallax.Span {
	t.Helper()
	if s == "" {
		return parallax.Span{}
	}
	n := 1
	if i := strings.LastIndex(s, "@"); i > 0 {
		if k, err := strconv.Atoi(s[i+1:]); err == nil {
			s, n = s[:i], k
		}
	}
	off := 0
	for ; n > 0; n-- {
		i := strings.Index(doc.Text[off:], s)
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		off += i
		if n > 1 {
			off++
		}
	}
	return parallax.Span{Start: off, End: off + len(s)}
}

func entityIndex(t *testing.T, doc *parallax.Document, name string) int {
	t.Helper()
	if name == "" {
		return -1
	}
	for i, e := range doc.Entities {
		if e.Name == name {
			return i
		}
	}
	t.Fatalf("no entity %q", name)
	return -1
}

func fmtQuote(doc *parallax.Document, q parallax.Quote) string {
	name := "-"
	if q.Speaker >= 0 && q.Speaker < len(doc.Entities) {
		name = doc.Entities[q.Speaker].Name
	}
	return fmt.Sprintf("%s %v %q speaker=%s spk=%v %q cue=%v %q", q.Kind, q.Span, doc.Slice(q.Span),
		name, q.SpeakerSpan, doc.Slice(q.SpeakerSpan), q.Cue, doc.Slice(q.Cue))
}

func fmtAttr(doc *parallax.Document, a parallax.Attribution) string {
	name := "-"
	if a.Source >= 0 && a.Source < len(doc.Entities) {
		name = doc.Entities[a.Source].Name
	}
	return fmt.Sprintf("%v %q source=%s spk=%v %q cue=%v %q", a.Content, doc.Slice(a.Content),
		name, a.SourceSpan, doc.Slice(a.SourceSpan), a.Cue, doc.Slice(a.Cue))
}
