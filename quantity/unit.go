package quantity

import (
	"strings"

	"github.com/parallax-news/parallax"
)

// unitDef converts one written unit into its dimension's canonical unit.
type unitDef struct {
	dim    parallax.Dimension
	unit   string  // canonical unit
	factor float64 // canonical units per written unit
	// glued units are single letters ("m", "g", "h") that are only units
	// when written against the number ("100m"); spaced they are too
	// ambiguous.
	glued bool
}

// Canonical units, one per dimension.
const (
	minute  = "minute"
	metre   = "m"
	sqMetre = "m2"
	kilo    = "kg"
	percent = "percent"
)

// Calendar durations use fixed lengths so that "30 days" and "a month" can
// be compared: a month is 30 days and a year 365 days.
const (
	minPerHour  = 60
	minPerDay   = 24 * minPerHour
	minPerWeek  = 7 * minPerDay
	minPerMonth = 30 * minPerDay
	minPerYear  = 365 * minPerDay
)

// units maps every written unit name to its definition.
var units = buildUnits()

func buildUnits() map[string]unitDef {
	units := map[string]unitDef{}
	addUnit := func(dim parallax.Dimension, canon string, factor float64, names ...string) {
		for _, n := range names {
			units[n] = unitDef{dim: dim, unit: canon, factor: factor}
		}
	}
	d := parallax.Duration
	addUnit(d, minute, 1.0/60, "second", "seconds", "sec", "secs")
	addUnit(d, minute, 1, "minute", "minutes", "min", "mins")
	addUnit(d, minute, minPerHour, "hour", "hours", "hr", "hrs")
	addUnit(d, minute, minPerDay, "day", "days")
	addUnit(d, minute, minPerWeek, "week", "weeks")
	addUnit(d, minute, 2*minPerWeek, "fortnight", "fortnights")
	addUnit(d, minute, minPerMonth, "month", "months")
	addUnit(d, minute, minPerYear, "year", "years", "yr", "yrs")
	addUnit(d, minute, 10*minPerYear, "decade", "decades")
	addUnit(d, minute, 100*minPerYear, "century", "centuries")

	l := parallax.Length
	addUnit(l, metre, 1, "metre", "metres", "meter", "meters")
	addUnit(l, metre, 1000, "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")
	addUnit(l, metre, 0.01, "cm", "centimetre", "centimetres", "centimeter", "centimeters")
	addUnit(l, metre, 0.001, "mm", "millimetre", "millimetres", "millimeter", "millimeters")
	addUnit(l, metre, 1609.344, "mile", "miles", "mi")
	addUnit(l, metre, 0.3048, "foot", "feet", "ft")
	addUnit(l, metre, 0.9144, "yard", "yards", "yd", "yds")
	addUnit(l, metre, 0.0254, "inch", "inches")

	a := parallax.Area
	addUnit(a, sqMetre, 1e6, "km²", "km2")
	addUnit(a, sqMetre, 1, "m²")
	addUnit(a, sqMetre, 1e4, "hectare", "hectares", "ha")
	addUnit(a, sqMetre, 4046.8564224, "acre", "acres")

	m := parallax.Mass
	addUnit(m, kilo, 1, "kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos")
	addUnit(m, kilo, 0.001, "gram", "grams", "gramme", "grammes")
	// News uses "ton" loosely; treating it as the metric tonne keeps
	// "tons" and "tonnes" of the same shipment comparable.
	addUnit(m, kilo, 1000, "tonne", "tonnes", "ton", "tons")
	addUnit(m, kilo, 0.45359237, "pound", "pounds", "lb", "lbs")
	addUnit(m, kilo, 0.028349523125, "ounce", "ounces", "oz")

	addUnit(parallax.Percent, percent, 1, "percent", "pct")

	for _, g := range []struct {
		name string
		def  unitDef
	}{
		{"m", unitDef{l, metre, 1, true}},
		{"g", unitDef{m, kilo, 0.001, true}},
		{"h", unitDef{d, minute, minPerHour, true}},
		{"t", unitDef{m, kilo, 1000, true}},
	} {
		units[g.name] = g.def
	}
	return units
}

// currencyWords are currency names and codes written after the number.
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "usd": "USD",
	"euro": "EUR", "euros": "EUR", "eur": "EUR",
	"sterling": "GBP", "gbp": "GBP",
	"ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rub": "RUB",
	"hryvnia": "UAH", "hryvnias": "UAH", "hryvnya": "UAH", "hryvnyas": "UAH", "uah": "UAH",
	"yuan": "CNY", "renminbi": "CNY", "cny": "CNY",
	"yen": "JPY", "jpy": "JPY",
	"rupee": "INR", "rupees": "INR", "inr": "INR",
	"shekel": "ILS", "shekels": "ILS", "ils": "ILS",
	"franc": "CHF", "francs": "CHF", "chf": "CHF",
}

// currencySymbols are written before the number.
var currencySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR", "₪": "ILS",
}

// dollarPrefixes qualify "$" when glued to it: "US$5", "C$5".
var dollarPrefixes = map[string]string{"us": "USD", "c": "CAD", "a": "AUD", "hk": "HKD", "nz": "NZD"}

// currencyCodes are ISO codes that may stand before the number ("USD 5").
var currencyCodes = map[string]string{
	"usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB", "uah": "UAH",
	"cny": "CNY", "jpy": "JPY", "inr": "INR", "chf": "CHF", "ils": "ILS",
}

// irregular maps plural (and a few singular) count nouns to their lemma.
var irregular = map[string]string{
	"people": "person", "persons": "person",
	"children": "child", "men": "man", "women": "woman",
	"police": "police", "personnel": "personnel", "staff": "staff",
	"aircraft": "aircraft", "cattle": "cattle", "livestock": "livestock",
	"sheep": "sheep", "fish": "fish", "deer": "deer",
	"series": "series", "species": "species", "news": "news",
	"lives": "life", "wives": "wife", "knives": "knife", "wolves": "wolf",
	"halves": "half", "thieves": "thief", "leaves": "leaf", "shelves": "shelf",
	"heroes": "hero", "echoes": "echo", "vetoes": "veto", "tomatoes": "tomato", "potatoes": "potato",
	"crises": "crisis", "analyses": "analysis", "theses": "thesis",
	"pows": "prisoner", "pow": "prisoner", "mps": "mp",
	"feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
	"criteria": "criterion", "phenomena": "phenomenon",
}

// pluralOnly lists plural count nouns that do not end in "s".
var pluralOnly = map[string]bool{
	"people": true, "children": true, "men": true, "women": true, "police": true,
	"personnel": true, "staff": true, "aircraft": true, "cattle": true, "livestock": true,
	"sheep": true, "fish": true, "deer": true, "feet": true, "teeth": true, "mice": true,
	"geese": true, "criteria": true, "phenomena": true,
}

// lemma returns the singular of a count noun.
func lemma(w string) string {
	if l, ok := irregular[w]; ok {
		return l
	}
	switch {
	case strings.HasSuffix(w, "men") && len(w) > 4:
		return w[:len(w)-3] + "man" // servicemen, gunmen
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"),
		strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "uses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}

// looksPlural reports whether a lower-case word reads as a plural noun.
func looksPlural(w string) bool {
	if pluralOnly[w] {
		return true
	}
	if len(w) < 3 || !strings.HasSuffix(w, "s") || stop[w] {
		return false
	}
	if strings.ContainsAny(w, "'’") {
		return false
	}
	return !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}
