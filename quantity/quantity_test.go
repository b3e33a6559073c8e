package quantity

import (
	"math"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

var inf = math.Inf(1)

// want is one expected quantity. The span is given as text and checked as
// the exact byte range of its first occurrence in the input (at or after
// from, when set).
type want struct {
	span           string
	from           int
	lo, hi         float64
	loOpen, hiOpen bool
	unit           string
	dim            parallax.Dimension
	qual           string
	scope          string
}

func w(span string, lo, hi float64, unit string, dim parallax.Dimension) want {
	return want{span: span, lo: lo, hi: hi, unit: unit, dim: dim}
}

func (x want) q(qual string) want    { x.qual = qual; return x }
func (x want) open(lo, hi bool) want { x.loOpen, x.hiOpen = lo, hi; return x }
func (x want) sc(scope string) want  { x.scope = scope; return x }
func (x want) after(off int) want    { x.from = off; return x }
func ex(span string, v float64, unit string, dim parallax.Dimension) want {
	return w(span, v, v, unit, dim)
}

const (
	cnt = parallax.Count
	dur = parallax.Duration
	mon = parallax.Money
	pct = parallax.Percent
	lng = parallax.Length
	are = parallax.Area
	mas = parallax.Mass
	ord = parallax.Ordinal
)

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		// Durations from the seed-like sentences.
		{"more than two hours", "a phone call that lasted more than two hours earlier in the day",
			[]want{w("more than two hours", 120, inf, "minute", dur).open(true, false).q("more_than")}},
		{"two-and-a-half hour", "following their two-and-a-half hour phone call.",
			[]want{ex("two-and-a-half hour", 150, "minute", dur)}},
		{"two-and-a-half-hour", "a two-and-a-half-hour call",
			[]want{ex("two-and-a-half-hour", 150, "minute", dur)}},
		{"two and a half hours", "talks lasted two and a half hours",
			[]want{ex("two and a half hours", 150, "minute", dur)}},
		{"90-minute", "during their 90-minute phone call, keeping",
			[]want{ex("90-minute", 90, "minute", dur)}},
		{"at least 90 minutes", "the call, which lasted at least 90 minutes.",
			[]want{w("at least 90 minutes", 90, inf, "minute", dur).q("at_least")}},
		{"30 days", "halt strikes on energy infrastructure for 30 days and backed",
			[]want{ex("30 days", 43200, "minute", dur)}},
		{"30-day", "to accept a 30-day ceasefire agreement",
			[]want{ex("30-day", 43200, "minute", dur)}},
		{"an hour and a half", "The meeting lasted an hour and a half.",
			[]want{ex("an hour and a half", 90, "minute", dur)}},
		{"half an hour", "they spoke for half an hour",
			[]want{ex("half an hour", 30, "minute", dur)}},
		{"hours and minutes", "after two hours and 30 minutes of talks",
			[]want{ex("two hours and 30 minutes", 150, "minute", dur)}},
		{"more than an hour", "waited more than an hour",
			[]want{w("more than an hour", 60, inf, "minute", dur).open(true, false).q("more_than")}},
		{"hour-long", "a two-hour-long meeting",
			[]want{ex("two-hour-long", 120, "minute", dur)}},
		{"year-old", "a 40-year-old man was arrested",
			[]want{ex("40-year-old", 40*525600, "minute", dur)}},
		{"three-year war", "the more than three-year war in Ukraine",
			[]want{w("more than three-year", 3*525600, inf, "minute", dur).open(true, false).q("more_than")}},
		{"over as during", "pledged €50bn over four years",
			[]want{ex("€50bn", 5e10, "EUR", mon), ex("four years", 4*525600, "minute", dur)}},
		{"suspended hyphen", "over the next three- to four-day period", []want{w("three- to four-day", 4320, 5760, "minute", dur).q("range")}},
		{"million-dollar", "a million-dollar check", []want{ex("a million-dollar", 1e6, "USD", mon)}},
		{"partitive", "Fifteen of his speeches were paid", []want{ex("Fifteen of his speeches", 15, "speech", cnt)}},
		{"others", "at least 53 others were wounded", []want{w("at least 53", 53, inf, "", cnt).q("at_least")}},
		{"under one is not less than", "under one roof", []want{ex("one roof", 1, "roof", cnt)}},
		{"weeks", "two weeks later", []want{ex("two weeks", 20160, "minute", dur)}},
		{"seconds", "within 30 seconds", []want{ex("30 seconds", 0.5, "minute", dur)}},
		{"an hour", "they spoke for an hour", []want{ex("an hour", 60, "minute", dur)}},
		{"a year ago", "a year ago, talks failed", []want{ex("a year", 525600, "minute", dur)}},
		{"a fortnight", "within a fortnight", []want{ex("a fortnight", 20160, "minute", dur)}},
		{"a week-long", "a week-long visit", []want{ex("a week-long", 10080, "minute", dur)}},
		{"rate is no duration", "flights twice a day", nil},
		{"rate after a quantity", "24 hours a day", []want{ex("24 hours", 1440, "minute", dur)}},
		{"a second time", "voted for a second time", []want{ex("second time", 2, "time", ord)}},
		{"all day", "they met all day", []want{ex("all day", 1440, "minute", dur)}},
		{"full year", "the full year", []want{ex("full year", 525600, "minute", dur)}},
		{"all-week", "an all-week summit", []want{ex("all-week", 10080, "minute", dur)}},
		{"another month", "for another month", []want{ex("another month", 43200, "minute", dur)}},
		{"another business day", "within another business day", []want{ex("another business day", 1440, "minute", dur)}},
		{"all years is no duration", "all years and another second", nil},
		{"several days", "after several days", []want{w("several days", 3*1440, 10*1440, "minute", dur).open(false, true).q("about")}},
		{"a few minutes", "a few minutes later", []want{w("a few minutes", 2, 10, "minute", dur).open(false, true).q("about")}},
		{"few hours", "in few hours", []want{w("few hours", 120, 600, "minute", dur).open(false, true).q("about")}},
		{"some weeks", "some weeks ago", []want{w("some weeks", 2*10080, 10*10080, "minute", dur).open(false, true).q("about")}},
		{"some is about", "some 40 drones", []want{w("some 40 drones", 36, 44, "drone", cnt).q("about")}},
		{"a couple of days", "a couple of days", []want{ex("a couple of days", 2880, "minute", dur)}},
		{"spaced h", "a run of 3 h.", []want{ex("3 h", 180, "minute", dur)}},
		{"spaced h before a word", "3 h pylori", []want{ex("3", 3, "", cnt)}},
		{"an hour and half", "an hour and half", []want{ex("an hour and half", 90, "minute", dur)}},
		{"duration parts", "1 year 2 months 5 days", []want{ex("1 year 2 months 5 days", (365+60+5)*1440, "minute", dur)}},
		{"duration parts any order", "3 days 1 week", []want{ex("3 days 1 week", 10*1440, "minute", dur)}},
		{"tens and ones", "twenty and four hours", []want{ex("twenty and four hours", 1440, "minute", dur)}},

		// Counts.
		{"prisoners of war each", "set to exchange 175 prisoners of war each on Wednesday",
			[]want{ex("175 prisoners of war", 175, "prisoner", cnt).sc("each")}},
		{"prisoners from each side", "set to swap 175 prisoners from each side on March 19.",
			[]want{ex("175 prisoners", 175, "prisoner", cnt).sc("each")}},
		{"critically wounded soldiers", "will also hand over to Kiev 23 critically wounded soldiers, the Kremlin reported.",
			[]want{ex("23 critically wounded soldiers", 23, "soldier", cnt)}},
		{"hand over is not more than", "Russia will also hand over 23 severely wounded soldiers to Ukraine",
			[]want{ex("23 severely wounded soldiers", 23, "soldier", cnt)}},
		{"nationality adjective", "23 severely wounded Ukrainian soldiers currently receiving treatment",
			[]want{ex("23 severely wounded Ukrainian soldiers", 23, "soldier", cnt)}},
		{"strong", "a 175-strong delegation arrived in Jeddah",
			[]want{ex("175-strong delegation", 175, "delegation", cnt)}},
		{"residents", "more than 1,200 residents were evacuated",
			[]want{w("more than 1,200 residents", 1200, inf, "resident", cnt).open(true, false).q("more_than")}},
		{"people", "over 200 people died", []want{w("over 200 people", 200, inf, "person", cnt).open(true, false).q("more_than")}},
		{"children", "12 children and 3 women", []want{ex("12 children", 12, "child", cnt), ex("3 women", 3, "woman", cnt)}},
		{"casualties", "1,500 civilian casualties", []want{ex("1,500 civilian casualties", 1500, "casualty", cnt)}},
		{"number words", "one hundred seventy-five prisoners",
			[]want{ex("one hundred seventy-five prisoners", 175, "prisoner", cnt)}},
		{"twenty-three", "twenty-three soldiers", []want{ex("twenty-three soldiers", 23, "soldier", cnt)}},
		{"half-dozen", "more than a half-dozen senators", []want{w("more than a half-dozen senators", 6, inf, "senator", cnt).open(true, false).q("more_than")}},
		{"a dozen", "a dozen drones were shot down", []want{ex("a dozen drones", 12, "drone", cnt)}},
		{"two leaders", "the two leaders discussed the war", []want{ex("two leaders", 2, "leader", cnt)}},
		{"one soldier", "one soldier was killed", []want{ex("one soldier", 1, "soldier", cnt)}},
		{"bare number", "the toll rose to 175.", []want{ex("175", 175, "", cnt)}},
		{"upwards of", "upwards of 500 troops", []want{w("upwards of 500 troops", 500, inf, "troop", cnt).open(true, false).q("more_than")}},
		{"fewer than", "fewer than 50 civilians", []want{w("fewer than 50 civilians", 0, 50, "civilian", cnt).open(false, true).q("less_than")}},
		{"no more than", "no more than 40 people", []want{w("no more than 40 people", 0, 40, "person", cnt).q("at_most")}},
		{"about", "about 300 soldiers", []want{w("about 300 soldiers", 270, 330, "soldier", cnt).q("about")}},
		{"nearly", "nearly 200 drones", []want{w("nearly 200 drones", 180, 200, "drone", cnt).open(false, true).q("nearly")}},
		{"just over", "just over 100 people", []want{w("just over 100 people", 100, 110, "person", cnt).open(true, false).q("more_than")}},
		{"or more", "175 or more prisoners", []want{w("175 or more prisoners", 175, inf, "prisoner", cnt).q("at_least")}},
		{"tens of thousands", "tens of thousands of people fled",
			[]want{w("tens of thousands of people", 20000, 100000, "person", cnt).open(false, true).q("about")}},
		{"dozens", "dozens of civilians", []want{w("dozens of civilians", 24, 120, "civilian", cnt).open(false, true).q("about")}},
		{"hundreds", "hundreds were killed", []want{w("hundreds", 200, 1000, "", cnt).open(false, true).q("about")}},
		{"million people", "roughly 1.2 million people", []want{w("roughly 1.2 million people", 1.08e6, 1.32e6, "person", cnt).q("about")}},
		{"glued m people", "3.7m people", []want{ex("3.7m people", 3.7e6, "person", cnt)}},
		{"article sentence start", "Article 5 applies", nil},
		{"in total", "300 prisoners in total", []want{ex("300 prisoners", 300, "prisoner", cnt).sc("total")}},
		{"a total of", "a total of 300 prisoners", []want{ex("300 prisoners", 300, "prisoner", cnt).sc("total")}},
		{"apiece", "they freed 175 apiece", []want{ex("175", 175, "", cnt).sc("each")}},
		{"each day is a rate", "175 drones each day", []want{ex("175 drones", 175, "drone", cnt)}},

		// Ranges.
		{"between", "between 3 and 5 days", []want{w("between 3 and 5 days", 4320, 7200, "minute", dur).q("range")}},
		{"hyphen range", "3-5 days", []want{w("3-5 days", 4320, 7200, "minute", dur).q("range")}},
		{"en dash range", "3–5 days", []want{w("3–5 days", 4320, 7200, "minute", dur).q("range")}},
		{"to range percent", "3 to 5 percent", []want{w("3 to 5 percent", 3, 5, "percent", pct).q("range")}},
		{"from to", "from 10 to 20 soldiers", []want{w("from 10 to 20 soldiers", 10, 20, "soldier", cnt).q("range")}},
		{"or range", "two or three weeks", []want{w("two or three weeks", 20160, 30240, "minute", dur).q("range")}},
		{"range with scale", "between 3 and 5 million people", []want{w("between 3 and 5 million people", 3e6, 5e6, "person", cnt).q("range")}},
		{"money range", "between $3 million and $5 million", []want{w("between $3 million and $5 million", 3e6, 5e6, "USD", mon).q("range")}},
		{"money range bn", "$3-5 billion", []want{w("$3-5 billion", 3e9, 5e9, "USD", mon).q("range")}},

		// Money.
		{"dollar bn", "a $3bn aid package", []want{ex("$3bn", 3e9, "USD", mon)}},
		{"around dollars", "around $3bn", []want{w("around $3bn", 2.7e9, 3.3e9, "USD", mon).q("about")}},
		{"pound m", "£5m", []want{ex("£5m", 5e6, "GBP", mon)}},
		{"euro billion", "€1.5 billion", []want{ex("€1.5 billion", 1.5e9, "EUR", mon)}},
		{"rubles", "200 million rubles", []want{ex("200 million rubles", 2e8, "RUB", mon)}},
		{"hryvnias", "10,000 hryvnias", []want{ex("10,000 hryvnias", 1e4, "UAH", mon)}},
		{"dollars word", "5 million dollars", []want{ex("5 million dollars", 5e6, "USD", mon)}},
		{"US dollar prefix", "US$40 million", []want{ex("US$40 million", 4e7, "USD", mon)}},
		{"million pounds", "5 million pounds", []want{ex("5 million pounds", 5e6, "GBP", mon)}},
		{"millions of dollars", "millions of dollars", []want{w("millions of dollars", 2e6, 1e7, "USD", mon).open(false, true).q("about")}},

		// Percent and shares.
		{"percent sign", "a 5% rise", []want{ex("5%", 5, "percent", pct)}},
		{"percent word", "5 percent", []want{ex("5 percent", 5, "percent", pct)}},
		{"per cent words", "five per cent", []want{ex("five per cent", 5, "percent", pct)}},
		{"less than percent", "less than 5%", []want{w("less than 5%", 0, 5, "percent", pct).open(false, true).q("less_than")}},
		{"nearly half", "nearly half of Ukrainians", []want{w("nearly half", 45, 50, "percent", pct).open(false, true).q("nearly")}},
		{"a quarter of", "generating nearly a quarter of Ukraine’s electricity",
			[]want{w("nearly a quarter", 22.5, 25, "percent", pct).open(false, true).q("nearly")}},
		{"three-quarters", "three-quarters of the territory", []want{ex("three-quarters", 75, "percent", pct)}},

		// Length, area, mass.
		{"miles", "10 miles", []want{ex("10 miles", 16093.44, "m", lng)}},
		{"under km", "under 10 km", []want{w("under 10 km", 0, 10000, "m", lng).open(false, true).q("less_than")}},
		{"glued km", "a 2.5km stretch", []want{ex("2.5km", 2500, "m", lng)}},
		{"glued metres", "a 100m wall", []want{ex("100m", 100, "m", lng)}},
		{"close to km", "close to 500 km", []want{w("close to 500 km", 450000, 500000, "m", lng).open(false, true).q("nearly")}},
		{"square km and miles", "an estimated 1,300 square kilometers (500 square miles) of land",
			[]want{w("an estimated 1,300 square kilometers", 1.17e9, 1.43e9, "m2", are).q("about"),
				ex("500 square miles", 500*1609.344*1609.344, "m2", are)}},
		{"hectares", "200 hectares", []want{ex("200 hectares", 2e6, "m2", are)}},
		{"km2", "40 km2", []want{ex("40 km2", 4e7, "m2", are)}},
		{"tonnes", "3 tonnes", []want{ex("3 tonnes", 3000, "kg", mas)}},
		{"pounds weight", "40 pounds of explosives", []want{ex("40 pounds", 40*0.45359237, "kg", mas)}},

		// Ordinals.
		{"ordinal digits", "the 11th anniversary of", []want{ex("11th anniversary", 11, "anniversary", ord)}},
		{"ordinal thousands", "the war's 1,000th day", []want{ex("1,000th day", 1000, "day", ord)}},
		{"ordinal word", "the first step", []want{ex("first step", 1, "step", ord)}},

		// Not quantities.
		{"year", "in 2025", nil},
		{"since year", "since 2014", nil},
		{"election year", "the 2016 presidential election", nil},
		{"month day", "on March 19.", nil},
		{"day month", "on 19 March", nil},
		{"day of month", "on the 19th of March", nil},
		{"full date", "June 28, 2019", nil},
		{"slash date", "on 3/19/2025", nil},
		{"iso date", "on 2025-03-19", nil},
		{"dotted date", "on 19.03.2025", nil},
		{"time", "at 10:30 local time", nil},
		{"pm", "at 5 p.m.", nil},
		{"world war", "since World War II", nil},
		{"world war digit", "since World War 2", nil},
		{"g7", "the G7 summit", nil},
		{"covid", "COVID-19 pandemic", nil},
		{"boeing", "a Boeing 737 crashed", nil},
		{"f-16", "F-16 jets and F-16s", nil},
		{"su-35", "Su-35 fighters", nil},
		{"phone", "call +1 202-555-0100 now", nil},
		{"phone spaced", "call 202 555 0100 now", nil},
		{"one of the", "one of the conditions", nil},
		{"no one", "no one knows", nil},
		{"the one", "the one that got away", nil},
		{"a alone", "a", nil},
		{"decade", "the 1990s", nil},
		{"article", "under Article 5 of the treaty", nil},
		{"ordinal date", "on the 19th", nil},
		{"score", "a 5-4 ruling", nil},
		{"second-largest", "the second-largest city", nil},
		{"5G", "5G networks", nil},
		{"version", "version 2.5.1", nil},
		{"first half", "in the first half", nil},
		{"at first", "at first, he said", nil},
		{"one another", "they blamed one another", nil},
		{"minsk", "under the Minsk 2 accords", nil},
		{"year range", "2014-2022", nil},
		{"speed", "at 100 km/h and 50 mph", nil},
		{"version", "Trump 2.0 era, web 2.0", nil},
		{"capitalized number word", "the NCAA Final Four tournament", nil},
		{"at one point", "he said at one point", nil},
		{"one day idiom", "One day, he said", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q): got %d quantities, want %d:\n%s", tc.text, len(got), len(tc.want), dump(tc.text, got))
			}
			for i, x := range tc.want {
				checkQuantity(t, tc.text, got[i], x)
			}
		})
	}
}

func checkQuantity(t *testing.T, text string, g parallax.Quantity, x want) {
	t.Helper()
	at := strings.Index(text[x.from:], x.span)
	if at < 0 {
		t.Fatalf("bad test: %q not in %q", x.span, text)
	}
	at += x.from
	wantSpan := parallax.Span{Start: at, End: at + len(x.span)}
	if g.Span != wantSpan {
		t.Errorf("span = %v %q, want %v %q", g.Span, text[g.Span.Start:g.Span.End], wantSpan, x.span)
	}
	wantVal := parallax.Interval{Lo: x.lo, Hi: x.hi, LoOpen: x.loOpen, HiOpen: x.hiOpen}
	if !closeTo(g.Value.Lo, wantVal.Lo) || !closeTo(g.Value.Hi, wantVal.Hi) || g.Value.LoOpen != wantVal.LoOpen || g.Value.HiOpen != wantVal.HiOpen {
		t.Errorf("%q: value = %+v, want %+v", x.span, g.Value, wantVal)
	}
	if g.Unit != x.unit || g.Dimension != x.dim {
		t.Errorf("%q: unit = %q %s, want %q %s", x.span, g.Unit, g.Dimension, x.unit, x.dim)
	}
	if g.Qualifier != x.qual || g.Scope != x.scope {
		t.Errorf("%q: qualifier/scope = %q/%q, want %q/%q", x.span, g.Qualifier, g.Scope, x.qual, x.scope)
	}
}

func closeTo(a, b float64) bool {
	if math.IsInf(a, 1) || math.IsInf(b, 1) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func dump(text string, qs []parallax.Quantity) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("  " + describe(text, q) + "\n")
	}
	return b.String()
}
