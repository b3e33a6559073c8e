package quantity

import (
	"math"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// at returns the byte span of the n-th (0-based) occurrence of sub in s.
func at(t *testing.T, s, sub string, n int) parallax.Span {
	t.Helper()
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			t.Fatalf("bad test: %q (occurrence %d) not in %q", sub, n, s)
		}
		if n == 0 {
			return parallax.Span{Start: off + i, End: off + i + len(sub)}
		}
		n--
		off += i + len(sub)
	}
}

// nm is one expected number: its text (the occ-th occurrence) and value.
type nm struct {
	text string
	v    float64
	occ  int
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []nm
	}{
		{"digits", "The fund paid 1,234,567 to 12 firms.", []nm{{"1,234,567", 1234567, 0}, {"12", 12, 0}}},
		{"decimal without zero", "a reading of .35 overnight", []nm{{".35", 0.35, 0}}},
		{"trailing dot", "The count was 412.", []nm{{"412", 412, 0}}},
		{"space grouping", "a population of 2 305 118 people", []nm{{"2 305 118", 2305118, 0}}},
		{"narrow space grouping", "about 7\u202f500 votes", []nm{{"7\u202f500", 7500, 0}}},
		{"not a group", "rooms 310 2041", []nm{{"310", 310, 0}, {"2041", 2041, 0}}},
		{"decimal comma", "priced at 3,75 in Paris", []nm{{"3,75", 3.75, 0}}},
		{"european grouping", "a total of 2.345,5 tonnes", []nm{{"2.345,5", 2345.5, 0}}},
		{"indian grouping", "a budget of 4,52,300 rupees", []nm{{"4,52,300", 452300, 0}}},
		{"list of numbers", "see items 4,7,19", []nm{{"4", 4, 0}, {"7", 7, 0}, {"19", 19, 0}}},
		{"dotted address", "host 10.0.3.7 replied", []nm{{"10", 10, 0}, {"0", 0, 1}, {"3", 3, 0}, {"7", 7, 0}}},
		{"negative", "a change of -3.5 points", []nm{{"-3.5", -3.5, 0}}},
		{"minus word", "it fell to minus twelve", []nm{{"minus twelve", -12, 0}}},
		{"code dash is no sign", "the SU-57 jet", []nm{{"57", 57, 0}}},
		{"exponent", "about 6.1e5 cells", []nm{{"6.1e5", 6.1e5, 0}}},
		{"power", "growth of 1.05^10", []nm{{"1.05^10", math.Pow(1.05, 10), 0}}},
		{"times ten", "a mass of 2x10^3", []nm{{"2x10^3", 2000, 0}}},
		{"suffix k", "a 40k salary", []nm{{"40k", 40000, 0}}},
		{"suffix M", "worth 3M now", []nm{{"3M", 3e6, 0}}},
		{"suffix bn spaced", "a 7 bn deal", []nm{{"7 bn", 7e9, 0}}},
		{"lakh", "raised 12 lakh", []nm{{"12 lakh", 1.2e6, 0}}},
		{"unit suffix is no number", "a 40km walk and a 5ml dose", nil},
		{"lower m is no million", "a 3m wall", nil},
		{"ordinal is no number", "on the 21st floor", nil},
		{"words", "ninety-nine thousand four hundred and twelve voters", []nm{{"ninety-nine thousand four hundred and twelve", 99412, 0}}},
		{"words and digits", "some 7 thousand 2 hundred and 5 ballots", []nm{{"7 thousand 2 hundred and 5", 7205, 0}}},
		{"two numbers at and", "5 hundred and 6 hundred", []nm{{"5 hundred", 500, 0}, {"6 hundred", 600, 0}}},
		{"scale on scale", "four lakh crore", []nm{{"four lakh crore", 4e12, 0}}},
		{"digits and scale", "1.25 million", []nm{{"1.25 million", 1.25e6, 0}}},
		{"dozens", "four dozen eggs", []nm{{"four dozen", 48, 0}}},
		{"half a dozen", "half a dozen boats", []nm{{"half a dozen", 6, 0}}},
		{"point", "seven point two five", []nm{{"seven point two five", 7.25, 0}}},
		{"point tens", "six point forty-four", []nm{{"six point forty-four", 6.44, 0}}},
		{"slash fraction", "3/8 of voters", []nm{{"3/8", 0.375, 0}}},
		{"mixed fraction", "about 4 1/2 hours", []nm{{"4 1/2", 4.5, 0}}},
		{"date is no fraction", "on 3/11/2019", []nm{{"3", 3, 0}, {"11", 11, 0}, {"2019", 2019, 0}}},
		{"vulgar fraction", "add ¾ now", []nm{{"¾", 0.75, 0}}},
		{"word fraction", "two thirds of members", []nm{{"two thirds", 2.0 / 3, 0}}},
		{"compound denominator", "one hundred thirty-fifths", []nm{{"one hundred thirty-fifths", 100.0 / 35, 0}}},
		{"and keeps the numerator", "one hundred and thirty fifths", []nm{{"one hundred and thirty fifths", 26, 0}}},
		{"mixed words", "forty and three fifths", []nm{{"forty and three fifths", 40.6, 0}}},
		{"hundred and quarters", "one hundred and three quarters", []nm{{"one hundred and three quarters", 100.75, 0}}},
		{"a hundredth", "a hundredth of it", []nm{{"a hundredth", 0.01, 0}}},
		{"scale ordinal is ordinal", "its two millionth visitor", []nm{{"two", 2, 0}}},
		{"half of scale", "two million and a half", []nm{{"two million and a half", 2.5e6, 0}}},
		{"and a half million", "seven and a half million", []nm{{"seven and a half million", 7.5e6, 0}}},
		{"fraction of a million", "three quarters of a million", []nm{{"three quarters of a million", 750000, 0}}},
		{"over", "one over eight", []nm{{"one over eight", 0.125, 0}}},
		{"over a period", "$500 over 4 weeks", []nm{{"500", 500, 0}, {"4", 4, 0}}},
		{"out of", "three out of ten", []nm{{"three out of ten", 0.3, 0}}},
		{"out of, larger first", "nine out of two", []nm{{"nine", 9, 0}, {"two", 2, 0}}},
		{"in a year", "30 in 2021", []nm{{"30", 30, 0}, {"2021", 2021, 0}}},
		{"one in", "one in five adults", []nm{{"one in five", 0.2, 0}}},
		{"half alone", "half the staff", []nm{{"half", 0.5, 0}}},
		{"zero words", "nought and zero", []nm{{"nought", 0, 0}, {"zero", 0, 0}}},
		{"hyphenated digits", "a score of four-nil", []nm{{"four", 4, 0}}},
		{"pronoun one", "the one they chose, which one", nil},
		{"one as number", "only one seat", []nm{{"one", 1, 0}}},
		{"article", "a man and an idea", nil},
		{"a first", "a first step and a third party", nil},
		{"a fifth of", "a fifth of the vote", []nm{{"a fifth", 0.2, 0}}},
		{"url", "see http://example.com/a?id=42&n=7 now", nil},
		{"currency symbol is skipped", "$40", []nm{{"40", 40, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Numbers(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Numbers(%q) = %v, want %d numbers", tc.text, showNumbers(tc.text, got), len(tc.want))
			}
			for i, w := range tc.want {
				span := at(t, tc.text, w.text, w.occ)
				if got[i].Span != span || !closeTo(got[i].Value, w.v) {
					t.Errorf("Numbers(%q)[%d] = %q %v, want %q %v", tc.text, i,
						tc.text[got[i].Span.Start:got[i].Span.End], got[i].Value, w.text, w.v)
				}
			}
		})
	}
}

func showNumbers(text string, ms []NumberMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, text[m.Span.Start:m.Span.End])
	}
	return out
}

func TestNumberRanges(t *testing.T) {
	ninf := math.Inf(-1)
	tests := []struct {
		name string
		text string
		want []string // span texts
		ivs  []parallax.Interval
	}{
		{"more than", "a turnout of more than 60", []string{"more than 60"}, []parallax.Interval{{Lo: 60, Hi: inf, LoOpen: true}}},
		{"at least words", "at least forty", []string{"at least forty"}, []parallax.Interval{{Lo: 40, Hi: inf}}},
		{"up to", "up to 300", []string{"up to 300"}, []parallax.Interval{{Lo: ninf, Hi: 300}}},
		{"fewer than", "fewer than a hundred", []string{"fewer than a hundred"}, []parallax.Interval{{Lo: ninf, Hi: 100, HiOpen: true}}},
		{"or more", "six or more", []string{"six or more"}, []parallax.Interval{{Lo: 6, Hi: inf}}},
		{"or less", "12 or less", []string{"12 or less"}, []parallax.Interval{{Lo: ninf, Hi: 12}}},
		{"dangling than", "90 or greater than", []string{"90 or greater than"}, []parallax.Interval{{Lo: 90, Hi: inf}}},
		{"equal", "equal to 7", []string{"equal to 7"}, []parallax.Interval{{Lo: 7, Hi: 7}}},
		{"equal or less", "equal to 7 or less", []string{"equal to 7 or less"}, []parallax.Interval{{Lo: ninf, Hi: 7}}},
		{"or equal", "more than 7 or equal", []string{"more than 7 or equal"}, []parallax.Interval{{Lo: 7, Hi: inf}}},
		{"two conditions", "more than 7 or equal to 9", []string{"more than 7", "equal to 9"},
			[]parallax.Interval{{Lo: 7, Hi: inf, LoOpen: true}, {Lo: 9, Hi: 9}}},
		{"symbols", "a>5 and b<= 8", []string{">5", "<= 8"}, []parallax.Interval{{Lo: 5, Hi: inf, LoOpen: true}, {Lo: ninf, Hi: 8}}},
		{"no comparator", "x <> 5 and y => 3", nil, nil},
		{"negative bound", "below -4", []string{"below -4"}, []parallax.Interval{{Lo: ninf, Hi: -4, HiOpen: true}}},
		{"between", "between 15 and 25", []string{"between 15 and 25"}, []parallax.Interval{{Lo: 15, Hi: 25, HiOpen: true}}},
		{"from to words", "from ten to twenty", []string{"from ten to twenty"}, []parallax.Interval{{Lo: 10, Hi: 20, HiOpen: true}}},
		{"dash", "2,000-3,000", []string{"2,000-3,000"}, []parallax.Interval{{Lo: 2000, Hi: 3000, HiOpen: true}}},
		{"spaced dash", "40 – 60", []string{"40 – 60"}, []parallax.Interval{{Lo: 40, Hi: 60, HiOpen: true}}},
		{"reversed dash is no range", "2019-07", nil, nil},
		{"phone is no range", "+44-207-9460", nil, nil},
		{"through", "5 through 9", []string{"5 through 9"}, []parallax.Interval{{Lo: 5, Hi: 9, HiOpen: true}}},
		{"ordinals", "between the third and the eighth", []string{"between the third and the eighth"},
			[]parallax.Interval{{Lo: 3, Hi: 8, HiOpen: true}}},
		{"merged", "above 20 but below 30", []string{"above 20 but below 30"}, []parallax.Interval{{Lo: 20, Hi: 30, LoOpen: true, HiOpen: true}}},
		{"merged comma", "no less than 2, no more than 4", []string{"no less than 2, no more than 4"}, []parallax.Interval{{Lo: 2, Hi: 4}}},
		{"not merged when empty", "over 50 and under 10", []string{"over 50", "under 10"},
			[]parallax.Interval{{Lo: 50, Hi: inf, LoOpen: true}, {Lo: ninf, Hi: 10, HiOpen: true}}},
		{"fraction bound", "more than half", []string{"more than half"}, []parallax.Interval{{Lo: 0.5, Hi: inf, LoOpen: true}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := NumberRanges(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("NumberRanges(%q) = %+v, want %q", tc.text, got, tc.want)
			}
			for i, w := range tc.want {
				if got[i].Span != at(t, tc.text, w, 0) {
					t.Errorf("span %d = %q, want %q", i, tc.text[got[i].Span.Start:got[i].Span.End], w)
				}
				g, x := got[i].Value, tc.ivs[i]
				if !closeTo(g.Lo, x.Lo) && g.Lo != x.Lo || !closeTo(g.Hi, x.Hi) || g.LoOpen != x.LoOpen || g.HiOpen != x.HiOpen {
					t.Errorf("%q: interval %+v, want %+v", w, g, x)
				}
			}
		})
	}
}

// ms is one expected measure: text, value, unit, dimension; known is
// false for a unit alone.
type ms struct {
	text  string
	v     float64
	unit  string
	dim   parallax.Dimension
	alone bool
}

func TestMeasures(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []ms
	}{
		{"dollars spaced", "a grant of $ 12 million", []ms{{"$ 12 million", 12e6, "USD", mon, false}}},
		{"glued m after symbol", "£4m", []ms{{"£4m", 4e6, "GBP", mon, false}}},
		{"marked dollar", "C$ 3.5 billion and HK$ 20", []ms{{"C$ 3.5 billion", 3.5e9, "CAD", mon, false}, {"HK$ 20", 20, "HKD", mon, false}}},
		{"dotted marker", "U.S.$ 400", []ms{{"U.S.$ 400", 400, "USD", mon, false}}},
		{"code before", "EUR 90 and USD45", []ms{{"EUR 90", 90, "EUR", mon, false}, {"USD45", 45, "USD", mon, false}}},
		{"code after", "80 chf and 3 usd million", []ms{{"80 chf", 80, "CHF", mon, false}, {"3 usd million", 3e6, "USD", mon, false}}},
		{"millions code", "about 12 MEUR", []ms{{"12 MEUR", 12e6, "EUR", mon, false}}},
		{"symbol after", "it costs 25 € here", []ms{{"25 €", 25, "EUR", mon, false}}},
		{"symbol starts next amount", "2 $40 notes", []ms{{"$40", 40, "USD", mon, false}}},
		{"currency words", "900 million australian dollars", []ms{{"900 million australian dollars", 9e8, "AUD", mon, false}}},
		{"cents", "a rise of 35 cents", []ms{{"35 cents", 0.35, "USD", mon, false}}},
		{"pence", "up 12 pence", []ms{{"12 pence", 0.12, "GBP", mon, false}}},
		{"dollars and cents", "eight dollars and twenty cents", []ms{{"eight dollars and twenty cents", 8.2, "USD", mon, false}}},
		{"no cents before a noun", "$3 and 50 people", []ms{{"$3", 3, "USD", mon, false}}},
		{"no cents after millions", "$3 million and 50 cents", []ms{{"$3 million", 3e6, "USD", mon, false}, {"50 cents", 0.5, "USD", mon, false}}},
		{"pounds with scale are money", "2 million pounds", []ms{{"2 million pounds", 2e6, "GBP", mon, false}}},
		{"pounds are weight", "a 9 pounds baby", []ms{{"9 pounds", 9 * 0.45359237, "kg", mas, false}}},
		{"hyphen money", "a 40-cent fare", []ms{{"40-cent", 0.4, "USD", mon, false}}},
		{"dollar alone", "the dollar rose", []ms{{"dollar", 0, "USD", mon, true}}},
		{"percent", "5% and twelve percent and 3 per cent", []ms{{"5%", 5, "percent", pct, false},
			{"twelve percent", 12, "percent", pct, false}, {"3 per cent", 3, "percent", pct, false}}},
		{"negative percent", "minus two percent", []ms{{"minus two percent", -2, "percent", pct, false}}},
		{"percent of", "per cent of 40", []ms{{"per cent of 40", 40, "percent", pct, false}}},
		{"percent of a count is no percent", "the percent of 40 people", []ms{{"percent", 0, "percent", pct, true}}},
		{"percentage alone", "a large percentage", []ms{{"percentage", 0, "percent", pct, true}}},
		{"url percent", "go to https://x.org/?q=50%25 today", nil},
		{"km", "a 12 km road and 3.5km more", []ms{{"12 km", 12000, "m", lng, false}, {"3.5km", 3500, "m", lng, false}}},
		{"hyphen unit", "a 6-foot fence", []ms{{"6-foot", 6 * 0.3048, "m", lng, false}}},
		{"feet and inches", "he is 6 feet 1 inch", []ms{{"6 feet 1 inch", 6*0.3048 + 0.0254, "m", lng, false}}},
		{"bracket", "load: 40 [kg]", []ms{{"40 [kg]", 40, "kg", mas, false}}},
		{"glued letter", "a 30t truck on a 9m bridge", []ms{{"30t", 30000, "kg", mas, false}, {"9m", 9, "m", lng, false}}},
		{"spaced letter", "2 m x 3 m", []ms{{"2 m", 2, "m", lng, false}, {"3 m", 3, "m", lng, false}}},
		{"spaced letter before word", "5 m people", nil},
		{"code", "part 4471m37 and KR-2m", nil},
		{"area", "600 square miles and 40 km2", []ms{{"600 square miles", 600 * 1609.344 * 1609.344, "m2", are, false},
			{"40 km2", 4e7, "m2", are, false}}},
		{"metric tons", "8,000 metric tons", []ms{{"8,000 metric tons", 8e6, "kg", mas, false}}},
		{"metric ton alone", "per metric ton", []ms{{"metric ton", 0, "kg", mas, true}}},
		{"volume", "3 million barrels and 2 gallons", []ms{{"3 million barrels", 3e6 * 158.987294928, "l", Volume, false},
			{"2 gallons", 2 * 3.785411784, "l", Volume, false}}},
		{"speed", "at 80 mph, or 120 km/h, or 30 meters per second", []ms{{"80 mph", 80 * 1.609344, "km/h", Speed, false},
			{"120 km/h", 120, "km/h", Speed, false}, {"30 meters per second", 108, "km/h", Speed, false}}},
		{"miles an hour", "winds of 90 miles an hour", []ms{{"90 miles an hour", 90 * 1.609344, "km/h", Speed, false}}},
		{"data", "a 64 GB card and 100 Mb link", []ms{{"64 GB", 64 * 8e9, "bit", Information, false}, {"100 Mb", 1e8, "bit", Information, false}}},
		{"angle", "turned 180 degrees", []ms{{"180 degrees", 180, "degree", Angle, false}}},
		{"temperature is no angle", "the temperature hit 40 degrees", nil},
		{"duration", "for 3 hours", []ms{{"3 hours", 180, "minute", dur, false}}},
		{"count is no measure", "40 people", nil},
		{"one after that", "that one mile", []ms{{"one mile", 1609.344, "m", lng, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Measures(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Measures(%q) = %+v, want %d", tc.text, got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Span != at(t, tc.text, w.text, 0) {
					t.Errorf("span %d = %q, want %q", i, tc.text[g.Span.Start:g.Span.End], w.text)
				}
				if g.Known == w.alone || g.Unit != w.unit || g.Dimension != w.dim || w.alone == false && !closeTo(g.Value, w.v) {
					t.Errorf("%q: got %+v, want %v %s %s known=%v", w.text, g, w.v, w.unit, w.dim, !w.alone)
				}
			}
		})
	}
}
