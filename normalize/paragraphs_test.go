package normalize

import (
	"reflect"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		// Captions and photo credits.
		{"(Cover: U.S. President Donald Trump (R) attends", true},
		{"(Cover: Trump and Putin at the G20 summit in Osaka, Japan, June 28, 2019. /CFP)", true},
		{"(Photo: Reuters)", true},
		{"Photo: Reuters", true},
		{"PHOTO: A resident wades through floodwater", true},
		{"Photos: AFP", true},
		{"Image: Getty", true},
		{"File photo", true},
		{"FILE PHOTO: Russian President Vladimir Putin attends a meeting in Moscow", true},
		{"FILE - President Donald Trump speaks in the Oval Office, March 18, 2025.", true},
		{"Russian President Vladimir Putin attends a meeting in Moscow, March 18, 2025. Sputnik/Gavriil Grigorov/Pool via Reuters", true},
		{"Trump speaks to reporters aboard Air Force One, March 16, 2025. REUTERS/Nathan Howard", true},
		{"Ukrainian servicemen fire a howitzer near Pokrovsk / Reuters", true},
		{"U.S. President Donald Trump speaks in the Oval Office. (AP Photo/Evan Vucci)", true},
		{"A man walks past a destroyed building in Kharkiv. (Photo by John Doe/Getty Images)", true},
		{"A view of the Zaporizhzhia plant. Photo credit: IAEA", true},
		{"Representational image", true},
		{"(Representational image)", true},
		// Agency and editing notes.
		{"(With input from agencies)", true},
		{"(With inputs from PTI)", true},
		{"(Reporting by Guy Faulconbridge; Editing by Andrew Osborn)", true},
		{"Reporting by Jane Doe in Kyiv; additional reporting by John Roe", true},
		{"Editing by Sam Holmes", true},
		{"[Compiled by the news desk]", true},
		{"(This story has been corrected to fix the date in paragraph 3)", true},
		{"This article was originally published by The Conversation.", true},
		// Links and calls to action.
		{"Read more", true},
		{"Read more: How Europe's ageing dams became a hidden risk", true},
		{"READ MORE: Kremlin says talks were 'constructive'", true},
		{"Also read", true},
		{"Also Read: Ukraine war latest", true},
		{"Related:", true},
		{"Related: Trump's envoy meets Putin", true},
		{"Related stories", true},
		{"Advertisement", true},
		{"ADVERTISEMENT", true},
		{"Subscribe to our newsletter", true},
		{"Subscribe", true},
		{"Sign up for our daily briefing", true},
		{"Share this article", true},
		{"Click here to read the full statement", true},
		{"Follow us on Twitter and Facebook", true},
		{"Story continues below advertisement", true},
		{"Listen to this article", true},
		// Bylines.
		{"By Jane Doe", true},
		{"BY JANE DOE", true},
		{"By Jane Doe and John Roe, Reuters", true},
		{"By Jane Doe, John Roe and Ann Poe", true},
		{"By Jane Doe in Kyiv and John Roe in Moscow", true},
		{"By Jane Doe, senior correspondent", true},
		{"By Jane Doe, Updated 10:45 AM EDT, Tue March 18, 2025", true},
		{"By Dmitri de la Cruz-O'Hara", true},
		{"By John Q.", true},
		{"Jane Doe | Reuters", true},
		{"Jane Doe, Reuters", true},
		{"Staff - AFP", true},
		{"Reuters", true},
		{"World | Europe", true},
		// Datelines and dates alone.
		{"WASHINGTON", true},
		{"KYIV, Ukraine", true},
		{"MOSCOW, March 18 (Reuters) -", true},
		{"UNITED NATIONS (AP) -", true},
		{"ST. PETERSBURG, Russia -", true},
		{"March 18, 2025", true},
		{"Tuesday, March 18, 2025", true},
		{"Tue 18 Mar 2025 10.45 GMT", true},
		{"Updated: 5:03 PM EDT, March 18, 2025", true},
		{"Published 18.03.2025, 09:15", true},
		{"5 min read", true},
		{"2 hours ago", true},
		// Copyright.
		{"© 2025 Thomson Reuters. All rights reserved.", true},
		{"Copyright 2025 The Associated Press", true},
		{"Copyright © Reuters", true},
		{"(c) 2025 Example Media Ltd", true},

		// Content: sentences and headings.
		{"By Tuesday, officials had agreed to a 30-day pause.", false},
		{"By Tuesday evening the talks had collapsed", false},
		{"By then, more than 100 people had died.", false},
		{"By the numbers", false},
		{"Zelenskyy skeptical, wants a 'just' peace", false},
		{"Russia outlines conditions for preventing further escalation", false},
		{"Trump and Putin agree to 30-day energy truce in Ukraine during phone call", false},
		{"WASHINGTON - According to the White House, President Donald Trump and Russian President Vladimir Putin agreed.", false},
		{"(CNN) - Russia and Ukraine agreed to swap 175 prisoners each.", false},
		{"(Reuters) - Russia said on Tuesday it would halt strikes.", false},
		{"(The figures do not include Crimea.)", false},
		{"(More than 100 people died in the attack.)", false},
		{"Photos shared on social media showed smoke over the city.", false},
		{"Images of the damage spread quickly online.", false},
		{"Video footage showed the plant on fire.", false},
		{"Subscribers to the service will get refunds, the company said.", false},
		{"Copyright law does not protect facts, the court ruled.", false},
		{"Sources told Reuters the deal was close.", false},
		{"Sources said the talks would resume in Jeddah on March 23.", false},
		{"Related talks will take place in Riyadh next week.", false},
		{"Trump told reporters aboard Air Force One that talks went well.", false},
		{"The Kremlin said the call lasted more than two hours.", false},
		{"\"We will be talking about land,\" Trump said.", false},
		{"Read the full statement here, the ministry said in a post on X.", false},
		{"The dam, completed in 1968, was rated 24/7 safe.", false},
		{"Key findings from the report", false},
		{"Putin met Witkoff in Moscow on March 13/14.", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := IsBoilerplate(tt.line); got != tt.want {
				t.Errorf("IsBoilerplate(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestIsHeading(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Zelenskyy skeptical, wants a 'just' peace", true},
		{"Zelenskyy skeptical", true},
		{"Russia outlines conditions for preventing further escalation", true},
		{"Trump and Putin agree to 30-day energy truce in Ukraine during phone call", true},
		{"Questions over warnings", true},
		{"What we know so far:", true},
		{"'Just' peace demanded", true},
		{"2025 in review", true},
		{"Putin agreed to a 30-day pause.", false},
		{"Why now?", false},
		{"Stop the war!", false},
		{"\"We want peace,\" he said.", false},
		{"The Kremlin said:", true},
		{"and the talks went on", false},
		{"Trump, who during his campaign pledged,", false},
		{"", false},
		{"---", false},
		{"Ukrainian President Volodymyr Zelenskyy said last week that Kyiv would agree to a 30-day ceasefire but only if Russia also signed on", false},
		{"Line one\nline two", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := IsHeading(tt.line); got != tt.want {
				t.Errorf("IsHeading(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	sp := func(s, e int) parallax.Span { return parallax.Span{Start: s, End: e} }
	tests := []struct {
		name        string
		text        string
		content     []parallax.Span
		boilerplate []parallax.Span
	}{
		{"empty", "", nil, nil},
		{"one", "Putin agreed.", []parallax.Span{sp(0, 13)}, nil},
		{"two", "A b.\n\nC d.", []parallax.Span{sp(0, 4), sp(6, 10)}, nil},
		{"trimmed", "  A b. \n\n\n\n C d.\n", []parallax.Span{sp(2, 6), sp(12, 16)}, nil},
		{"single newline keeps a paragraph", "A b\nc d.", []parallax.Span{sp(0, 8)}, nil},
		{
			"boilerplate",
			"By Jane Doe\n\nPutin agreed.\n\n(With input from agencies)",
			[]parallax.Span{sp(13, 26)},
			[]parallax.Span{sp(0, 11), sp(28, 54)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, b := Paragraphs(tt.text)
			if !reflect.DeepEqual(c, tt.content) || !reflect.DeepEqual(b, tt.boilerplate) {
				t.Errorf("Paragraphs(%q) =\n %v %v\nwant\n %v %v", tt.text, c, b, tt.content, tt.boilerplate)
			}
		})
	}
}

// TestParagraphsArticle runs the whole stage on a realistic article and
// checks exactly which paragraphs are boilerplate and which are headings.
func TestParagraphsArticle(t *testing.T) {
	text, _ := Text(readArticle(t))
	content, boiler := Paragraphs(text)
	var gotBoiler, gotHeads []string
	for _, s := range boiler {
		gotBoiler = append(gotBoiler, text[s.Start:s.End])
	}
	for _, s := range content {
		if IsHeading(text[s.Start:s.End]) {
			gotHeads = append(gotHeads, text[s.Start:s.End])
		}
	}
	wantBoiler := []string{
		"By Maria Kovalenko and Peter O'Neill, Reuters",
		"MARKETOWN, Oct. 14 (Reuters) -",
		"(Photo: A resident wades through floodwater in Marketown, October 14. REUTERS/Tomas Berg)",
		"Read more: How Europe's ageing dams became a hidden risk",
		"Advertisement",
		"(Reporting by Maria Kovalenko in Marketown and Peter O'Neill in London; Editing by Sam Holmes)",
		"© 2025 Thomson Reuters. All rights reserved.",
	}
	wantHeads := []string{
		"Dam breach floods river towns as rescuers race to reach stranded families",
		"Questions over warnings",
	}
	if !reflect.DeepEqual(gotBoiler, wantBoiler) {
		t.Errorf("boilerplate:\n%q\nwant\n%q", gotBoiler, wantBoiler)
	}
	if !reflect.DeepEqual(gotHeads, wantHeads) {
		t.Errorf("headings:\n%q\nwant\n%q", gotHeads, wantHeads)
	}
	if n := len(content) + len(boiler); n != 30 {
		t.Errorf("%d paragraphs, want 30", n)
	}
}

func FuzzParagraphs(f *testing.F) {
	f.Add(readArticle(f))
	f.Add("By Jane Doe\n\nPutin agreed.\n\n(With input from agencies)")
	f.Add("(\n\n[x\n\n(c)\n\nBy \n\n|")
	f.Fuzz(func(t *testing.T, text string) {
		c, b := Paragraphs(text)
		all := append(append([]parallax.Span{}, c...), b...)
		for _, s := range all {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("bad span %v in %d bytes", s, len(text))
			}
		}
		for _, list := range [][]parallax.Span{c, b} {
			for i := 1; i < len(list); i++ {
				if list[i].Start < list[i-1].End {
					t.Fatalf("unsorted or overlapping %v", list)
				}
			}
		}
		for _, s := range all {
			IsHeading(text[s.Start:s.End])
		}
	})
}

func BenchmarkParagraphs(b *testing.B) {
	text, _ := Text(readArticle(b))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Paragraphs(text)
	}
}
