package recognizers

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/quantity"
)

// NumberModel scores quantity.Numbers on Number/English/NumberModel.json.
func NumberModel(dir string) (parallax.Score, error) { return specRun(dir, numberSuite()) }

// NumberRangeModel scores quantity.NumberRanges on
// Number/English/NumberRangeModel.json.
func NumberRangeModel(dir string) (parallax.Score, error) { return specRun(dir, numberRangeSuite()) }

// PercentModel scores the percentages of quantity.Measures on
// Number/English/PercentModel.json.
func PercentModel(dir string) (parallax.Score, error) { return specRun(dir, percentSuite()) }

func numberSuite() specSuite {
	return specSuite{
		name: "NumberModel",
		file: "Number/English/NumberModel.json",
		definition: "share of Recognizers-Text English NumberModel cases where the numbers quantity.Numbers finds " +
			"equal the expected ones exactly in span and, within 1e-6 relative, in value, with none extra.",
		expect: numberExpect,
		run: func(input string) []specItem {
			var out []specItem
			for _, m := range quantity.Numbers(input) {
				out = append(out, specItem{span: specSpanOf(m.Span), vals: []float64{m.Value}})
			}
			return out
		},
	}
}

func numberRangeSuite() specSuite {
	return specSuite{
		name: "NumberRangeModel",
		file: "Number/English/NumberRangeModel.json",
		definition: "share of Recognizers-Text English NumberRangeModel cases where the ranges quantity.NumberRanges finds " +
			"equal the expected ones exactly in span, bounds (1e-6 relative) and open or closed ends, with none extra.",
		expect: numberRangeExpect,
		run: func(input string) []specItem {
			var out []specItem
			for _, m := range quantity.NumberRanges(input) {
				out = append(out, numberRangeItem(specSpanOf(m.Span), m.Value))
			}
			return out
		},
	}
}

func percentSuite() specSuite {
	return specSuite{
		name: "PercentModel",
		file: "Number/English/PercentModel.json",
		definition: "share of Recognizers-Text English PercentModel cases where the percentages quantity.Measures finds " +
			"equal the expected ones exactly in span and, within 1e-6 relative, in value (or both have none), with none extra.",
		expect: numberExpect,
		run: func(input string) []specItem {
			var out []specItem
			for _, m := range quantity.Measures(input) {
				if m.Dimension != parallax.Percent {
					continue
				}
				out = append(out, numberMeasureItem(m, ""))
			}
			return out
		},
	}
}

func specSpanOf(s parallax.Span) specSpan { return specSpan{s.Start, s.End} }

// numberResolution is the Resolution of Number and NumberWithUnit results.
type numberResolution struct {
	Value       json.RawMessage `json:"value"`
	Unit        string          `json:"unit"`
	IsoCurrency string          `json:"isoCurrency"`
}

// numberResult reads the span and the Number/NumberWithUnit resolution of
// one expected result.
func numberResult(c specCase, r specResult) (specSpan, numberResolution, error) {
	var res numberResolution
	sp, err := r.span(c.Input)
	if err != nil {
		return sp, res, err
	}
	if err := json.Unmarshal(r.Resolution, &res); err != nil {
		return sp, res, fmt.Errorf("resolution of %q: %w", r.Text, err)
	}
	return sp, res, nil
}

func numberExpect(c specCase, r specResult) (specItem, error) {
	sp, res, err := numberResult(c, r)
	if err != nil {
		return specItem{}, err
	}
	v, ok, err := specNumber(res.Value)
	if err != nil {
		return specItem{}, err
	}
	if !ok {
		return specItem{span: sp, tag: "null"}, nil
	}
	return specItem{span: sp, vals: []float64{v}}, nil
}

// numberMeasureItem turns a measure into a comparable item; unit is the
// tag prefix ("" when the unit is not compared).
func numberMeasureItem(m quantity.Measure, unit string) specItem {
	it := specItem{span: specSpanOf(m.Span), tag: unit}
	if !m.Known {
		it.tag += "null"
		return it
	}
	it.vals = []float64{m.Value}
	return it
}

// numberRangeExpect reads an interval written "[20,30)", "(,100]" or
// "[3965,)".
func numberRangeExpect(c specCase, r specResult) (specItem, error) {
	sp, res, err := numberResult(c, r)
	if err != nil {
		return specItem{}, err
	}
	var s string
	if err := json.Unmarshal(res.Value, &s); err != nil {
		return specItem{}, fmt.Errorf("range value of %q: %w", r.Text, err)
	}
	iv, err := numberParseInterval(s)
	if err != nil {
		return specItem{}, err
	}
	return numberRangeItem(sp, iv), nil
}

func numberParseInterval(s string) (parallax.Interval, error) {
	bad := fmt.Errorf("range value %q: want [a,b) notation", s)
	if len(s) < 3 {
		return parallax.Interval{}, bad
	}
	open, close := s[0], s[len(s)-1]
	lo, hi, ok := strings.Cut(s[1:len(s)-1], ",")
	if !ok || open != '[' && open != '(' || close != ']' && close != ')' {
		return parallax.Interval{}, bad
	}
	iv := parallax.Interval{Lo: math.Inf(-1), Hi: math.Inf(1), LoOpen: open == '(', HiOpen: close == ')'}
	var err error
	if lo = strings.TrimSpace(lo); lo != "" {
		if iv.Lo, err = strconv.ParseFloat(lo, 64); err != nil {
			return parallax.Interval{}, bad
		}
	}
	if hi = strings.TrimSpace(hi); hi != "" {
		if iv.Hi, err = strconv.ParseFloat(hi, 64); err != nil {
			return parallax.Interval{}, bad
		}
	}
	return iv, nil
}

// numberRangeItem compares bounds and, for finite bounds only, whether
// they are open.
func numberRangeItem(sp specSpan, iv parallax.Interval) specItem {
	lo, hi := "(", ")"
	if !math.IsInf(iv.Lo, 0) && !iv.LoOpen {
		lo = "["
	}
	if !math.IsInf(iv.Hi, 0) && !iv.HiOpen {
		hi = "]"
	}
	return specItem{span: sp, tag: lo + hi, vals: []float64{iv.Lo, iv.Hi}}
}
