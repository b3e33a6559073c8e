package recognizers

import (
	"encoding/json"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/quantity"
)

func TestUnitExpect(t *testing.T) {
	input := "it cost 40 bucks over 12 miles"
	end := 15
	tests := []struct {
		name  string
		res   string
		table map[string]unitConv
		money bool
		want  specItem
	}{
		{"mapped", `{"value":"12","unit":"Mile"}`, unitDimensions, false, specItem{tag: "m|", vals: []float64{12 * 1609.344}}},
		{"iso wins", `{"value":"40","unit":"Canadian dollar","isoCurrency":"CAD"}`, unitCurrencies, true, specItem{tag: "CAD|", vals: []float64{40}}},
		{"minor unit", `{"value":"40","unit":"Pence"}`, unitCurrencies, true, specItem{tag: "GBP|", vals: []float64{0.4}}},
		{"unmapped", `{"value":"40","unit":"Buck"}`, unitCurrencies, true, specItem{tag: "unmapped:Buck|", vals: []float64{40}}},
		{"null value", `{"value":null,"unit":"Dollar"}`, unitCurrencies, true, specItem{tag: "USD|null"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := specResult{Text: "40 bucks", Resolution: json.RawMessage(tc.res), Start: 8, End: &end}
			got, err := unitExpect(specCase{Input: input}, r, tc.table, tc.money)
			if err != nil {
				t.Fatal(err)
			}
			tc.want.span = specSpan{8, 16}
			if !got.equal(tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestUnitTablesCanonical checks that every mapped unit is one quantity
// reports, so that a mapped spec result can match at all.
func TestUnitTablesCanonical(t *testing.T) {
	canonical := map[string]bool{"m": true, "m2": true, "kg": true, "l": true, "km/h": true, "bit": true, "degree": true}
	for name, c := range unitDimensions {
		if !canonical[c.unit] || c.factor <= 0 {
			t.Errorf("%s maps to %+v", name, c)
		}
	}
	for name, c := range unitCurrencies {
		if len(c.unit) != 3 || c.factor <= 0 {
			t.Errorf("%s maps to %+v", name, c)
		}
	}
	// And the other way: quantity's units for these dimensions are in
	// the table's range.
	for _, m := range quantity.Measures("5 km, 2 acres, 3 kg, 4 gallons, 60 mph, 8 MB, 90 degrees") {
		if !canonical[m.Unit] || !unitIsDimension[m.Dimension] {
			t.Errorf("quantity unit %s %s not covered", m.Unit, m.Dimension)
		}
	}
	if !unitIsDimension[parallax.Length] || unitIsDimension[parallax.Money] {
		t.Error("unitIsDimension lists the wrong dimensions")
	}
}
