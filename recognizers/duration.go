package recognizers

import (
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/quantity"
)

// DurationExtractor scores the duration spans of quantity.Find on
// DateTime/English/DurationExtractor.json.
func DurationExtractor(dir string) (parallax.Score, error) {
	return specRun(dir, durationExtractorSuite())
}

// DurationParser scores the duration spans, values and modifiers of
// quantity.Find on DateTime/English/DurationParser.json.
func DurationParser(dir string) (parallax.Score, error) {
	return specRun(dir, durationParserSuite())
}

func durationExtractorSuite() specSuite {
	return specSuite{
		name: "DurationExtractor",
		file: "DateTime/English/DurationExtractor.json",
		definition: "share of Recognizers-Text English DurationExtractor cases where the duration spans of quantity.Find " +
			"equal the expected spans exactly, with none extra.",
		expect: func(c specCase, r specResult) (specItem, error) {
			sp, err := r.span(c.Input)
			return specItem{span: sp}, err
		},
		run: func(input string) []specItem {
			var out []specItem
			for _, q := range durationFind(input) {
				out = append(out, specItem{span: specSpanOf(q.Span)})
			}
			return out
		},
	}
}

func durationParserSuite() specSuite {
	return specSuite{
		name: "DurationParser",
		file: "DateTime/English/DurationParser.json",
		definition: "share of Recognizers-Text English DurationParser cases where the durations of quantity.Find equal the " +
			"expected ones exactly in span, within 1e-6 relative in seconds, and in modifier (more/less), with none extra.",
		expect: durationExpect,
		run: func(input string) []specItem {
			var out []specItem
			for _, q := range durationFind(input) {
				out = append(out, durationItem(q))
			}
			return out
		},
	}
}

func durationFind(text string) []parallax.Quantity {
	var out []parallax.Quantity
	for _, q := range quantity.Find(text) {
		if q.Dimension == parallax.Duration {
			out = append(out, q)
		}
	}
	return out
}

// durationValue is the Value of a DurationParser result.
type durationValue struct {
	Mod              string
	FutureResolution struct {
		Duration json.RawMessage `json:"duration"`
	}
}

func durationExpect(c specCase, r specResult) (specItem, error) {
	sp, err := r.span(c.Input)
	if err != nil {
		return specItem{}, err
	}
	var v durationValue
	if err := json.Unmarshal(r.Value, &v); err != nil {
		return specItem{}, fmt.Errorf("duration value of %q: %w", r.Text, err)
	}
	secs, ok, err := specNumber(v.FutureResolution.Duration)
	if err != nil {
		return specItem{}, err
	}
	if !ok {
		return specItem{span: sp, tag: "null"}, nil
	}
	return specItem{span: sp, tag: v.Mod, vals: []float64{secs}}, nil
}

// durationItem gives a duration its point value in seconds and the spec's
// modifier: the bound a qualifier is stated against ("more than an hour"
// is the hour), and "more"/"less" for strict bounds.
func durationItem(q parallax.Quantity) specItem {
	v := q.Value.Lo
	mod := ""
	switch q.Qualifier {
	case "more_than":
		mod = "more"
	case "less_than":
		mod = "less"
		v = q.Value.Hi
	case "at_most", "up_to", "nearly":
		v = q.Value.Hi
	case "about":
		v = (q.Value.Lo + q.Value.Hi) / 2
	}
	return specItem{span: specSpanOf(q.Span), tag: mod, vals: []float64{v * 60}}
}
