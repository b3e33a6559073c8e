package recognizers

import (
	"math"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/quantity"
)

// DimensionModel scores the measures (length, area, mass, volume, speed,
// information, angle) of quantity.Measures on
// NumberWithUnit/English/DimensionModel.json.
func DimensionModel(dir string) (parallax.Score, error) { return specRun(dir, unitDimensionSuite()) }

// CurrencyModel scores the money amounts of quantity.Measures on
// NumberWithUnit/English/CurrencyModel.json.
func CurrencyModel(dir string) (parallax.Score, error) { return specRun(dir, unitCurrencySuite()) }

func unitDimensionSuite() specSuite {
	return specSuite{
		name: "DimensionModel",
		file: "NumberWithUnit/English/DimensionModel.json",
		definition: "share of Recognizers-Text English DimensionModel cases where the measures of quantity.Measures equal " +
			"the expected ones exactly in span and canonical unit and, within 1e-6 relative, in converted value, with none extra.",
		expect: func(c specCase, r specResult) (specItem, error) { return unitExpect(c, r, unitDimensions, false) },
		run: func(input string) []specItem {
			var out []specItem
			for _, m := range quantity.Measures(input) {
				if unitIsDimension[m.Dimension] {
					out = append(out, numberMeasureItem(m, m.Unit+"|"))
				}
			}
			return out
		},
	}
}

func unitCurrencySuite() specSuite {
	return specSuite{
		name: "CurrencyModel",
		file: "NumberWithUnit/English/CurrencyModel.json",
		definition: "share of Recognizers-Text English CurrencyModel cases where the money amounts of quantity.Measures equal " +
			"the expected ones exactly in span and currency and, within 1e-6 relative, in value, with none extra.",
		expect: func(c specCase, r specResult) (specItem, error) { return unitExpect(c, r, unitCurrencies, true) },
		run: func(input string) []specItem {
			var out []specItem
			for _, m := range quantity.Measures(input) {
				if m.Dimension == parallax.Money {
					out = append(out, numberMeasureItem(m, m.Unit+"|"))
				}
			}
			return out
		},
	}
}

// unitIsDimension lists the dimensions the DimensionModel covers.
var unitIsDimension = map[parallax.Dimension]bool{
	parallax.Length: true, parallax.Area: true, parallax.Mass: true, quantity.Volume: true,
	quantity.Speed: true, quantity.Information: true, quantity.Angle: true,
}

// unitConv maps a Recognizers-Text unit name to a Parallax canonical unit:
// the spec value times factor is the value in unit.
type unitConv struct {
	unit   string
	factor float64
}

func unitExpect(c specCase, r specResult, table map[string]unitConv, money bool) (specItem, error) {
	sp, res, err := numberResult(c, r)
	if err != nil {
		return specItem{}, err
	}
	conv, known := table[res.Unit]
	if money && res.IsoCurrency != "" {
		conv, known = unitConv{res.IsoCurrency, 1}, true
	}
	if !known {
		// No canonical unit: the item can never match, so the case fails.
		conv = unitConv{"unmapped:" + res.Unit, 1}
	}
	v, ok, err := specNumber(res.Value)
	if err != nil {
		return specItem{}, err
	}
	if !ok {
		return specItem{span: sp, tag: conv.unit + "|null"}, nil
	}
	return specItem{span: sp, tag: conv.unit + "|", vals: []float64{v * conv.factor}}, nil
}

// unitDimensions maps Recognizers-Text DimensionModel unit names to
// Parallax's canonical units: m, m2, kg, l (litre), km/h, bit and degree.
// A "Ton" is the metric tonne, as quantity reads "ton" in news; gallons,
// cups and spoons are US measures; a barrel is an oil barrel.
var unitDimensions = map[string]unitConv{
	// Length, in metres.
	"Meter": {"m", 1}, "Kilometer": {"m", 1000}, "Decimeter": {"m", 0.1}, "Centimeter": {"m", 0.01},
	"Millimeter": {"m", 0.001}, "Micrometer": {"m", 1e-6}, "Nanometer": {"m", 1e-9}, "Picometer": {"m", 1e-12},
	"Mile": {"m", 1609.344}, "Yard": {"m", 0.9144}, "Foot": {"m", 0.3048}, "Inch": {"m", 0.0254},
	"Nautical mile": {"m", 1852},
	// Area, in square metres.
	"Square meter": {"m2", 1}, "Square kilometer": {"m2", 1e6}, "Square centimeter": {"m2", 1e-4},
	"Square mile": {"m2", 1609.344 * 1609.344}, "Square foot": {"m2", 0.3048 * 0.3048},
	"Square yard": {"m2", 0.9144 * 0.9144}, "Square inch": {"m2", 0.0254 * 0.0254},
	"Acre": {"m2", 4046.8564224}, "Hectare": {"m2", 1e4},
	// Mass, in kilograms.
	"Kilogram": {"kg", 1}, "Gram": {"kg", 1e-3}, "Milligram": {"kg", 1e-6}, "Microgram": {"kg", 1e-9},
	"Ton": {"kg", 1000}, "Metric ton": {"kg", 1000}, "Pound": {"kg", 0.45359237},
	"Ounce": {"kg", 0.028349523125}, "Dram": {"kg", 0.0017718451953125}, "Stone": {"kg", 6.35029318},
	// Volume, in litres. The spec files some volumes under Weight.
	"Liter": {"l", 1}, "Milliliter": {"l", 1e-3}, "Centiliter": {"l", 0.01}, "Deciliter": {"l", 0.1},
	"Cubic meter": {"l", 1000}, "Cubic centimeter": {"l", 1e-3}, "Cubic foot": {"l", 28.316846592},
	"Cubic inch": {"l", 0.016387064}, "Gallon": {"l", 3.785411784}, "Barrel": {"l", 158.987294928},
	"Pint": {"l", 0.473176473}, "Quart": {"l", 0.946352946}, "Cup": {"l", 0.2365882365},
	"Tablespoon": {"l", 0.01478676478125}, "Teaspoon": {"l", 0.00492892159375},
	"Fluid ounce": {"l", 0.0295735295625},
	// Speed, in kilometres per hour.
	"Kilometer per hour": {"km/h", 1}, "Mile per hour": {"km/h", 1.609344}, "Meter per second": {"km/h", 3.6},
	"Knot": {"km/h", 1.852}, "Foot per second": {"km/h", 1.09728}, "Kilometer per minute": {"km/h", 60},
	"Meter per millisecond": {"km/h", 3600}, "Centimeter per millisecond": {"km/h", 36},
	"Kilometer per millisecond": {"km/h", 3.6e6},
	// Information, in bits.
	"Bit": {"bit", 1}, "Kilobit": {"bit", 1e3}, "Megabit": {"bit", 1e6}, "Gigabit": {"bit", 1e9},
	"Terabit": {"bit", 1e12}, "Byte": {"bit", 8}, "Kilobyte": {"bit", 8e3}, "Megabyte": {"bit", 8e6},
	"Gigabyte": {"bit", 8e9}, "Terabyte": {"bit", 8e12}, "Petabyte": {"bit", 8e15},
	// Angle, in degrees.
	"Degree": {"degree", 1}, "Radian": {"degree", 180 / math.Pi}, "Turn": {"degree", 360},
}

// unitCurrencies maps Recognizers-Text currency names to ISO codes, used
// when a result has no isoCurrency of its own. A bare "Dollar" ("$") is the
// US dollar and a bare "Pound" ("£") sterling, as quantity reads them in
// English news; cents and pence are hundredths of those; "Franc" is the
// Swiss franc, the one still in use.
var unitCurrencies = map[string]unitConv{
	"Dollar": {"USD", 1}, "Cent": {"USD", 0.01}, "Pound": {"GBP", 1}, "Pence": {"GBP", 0.01},
	"Penny": {"GBP", 0.01}, "Euro": {"EUR", 1}, "Franc": {"CHF", 1}, "Rupee": {"INR", 1},
	"Yen": {"JPY", 1}, "Yuan": {"CNY", 1}, "Finnish markka": {"FIM", 1}, "Peseta": {"ESP", 1},
	"Netherlands guilder": {"NLG", 1}, "Bitcoin": {"BTC", 1}, "Satoshi": {"BTC", 1e-8},
}
