package quantity

import (
	"math"
	"strings"

	"github.com/parallax-news/parallax"
)

// Dimensions Measures reads beyond those of the parallax package. Find
// does not report them: news comparisons rarely hinge on them, and
// "30 degrees" or "5G" are too often something else.
const (
	Volume      parallax.Dimension = "volume"      // canonical unit "l" (litre)
	Speed       parallax.Dimension = "speed"       // canonical unit "km/h"
	Information parallax.Dimension = "information" // canonical unit "bit"
	Angle       parallax.Dimension = "angle"       // canonical unit "degree"
)

// Measure is one number with its unit as written, without qualifier or
// counted noun: "$ 75 million", "3-inch", "20 (kg)", "5 feet 2 inches".
type Measure struct {
	Span parallax.Span
	// Value is in Unit, the dimension's canonical unit (see the package
	// comment and the constants above); money is in its currency.
	Value float64
	// Known is false for a unit named without a number: "the dollar",
	// "a metric ton is...", "a small percent". Value is then 0.
	Known     bool
	Unit      string
	Dimension parallax.Dimension
}

// Measures returns every number with a unit in text: money ("$ 94,000",
// "c $ 16.4 million", "420 million finnish markka", "115USD", "3 dollars
// 50 cents"), percentages ("5%", "twenty percent", "per cent of 210",
// "minus five percent"), lengths, areas, masses, volumes, speeds, data
// sizes, angles and durations, each converted to its canonical unit. It
// also reports unambiguous unit names standing without a number, with
// Known false.
//
// It is the reading the Recognizers-Text NumberWithUnit and percent models
// score. Find, which news analysis uses, also reads qualifiers, ranges and
// counted nouns, and keeps to the dimensions of the parallax package.
func Measures(text string) []Measure {
	p := newScanner(text)
	skip := p.urlTokens()
	var out []Measure
	for i := 0; i < len(p.toks); {
		if skip[i] {
			i++
			continue
		}
		if m, end, ok := p.measureAt(i); ok && finite(m.Value) {
			out = append(out, m)
			i = end
			continue
		}
		i++
	}
	return out
}

// mUnit is one written unit for Measures.
type mUnit struct {
	dim    parallax.Dimension
	unit   string
	factor float64
	// alone: the name is unambiguous enough to count as a mention
	// without a number ("the dollar", "metric ton").
	alone bool
	// exact: match the name case-sensitively ("MB" megabyte, "mb"
	// megabit).
	exact bool
	// letter: a one-letter unit ("m", "t"), read spaced only before
	// punctuation, a number or "x".
	letter bool
}

// mEntry is a unit name as tokens.
type mEntry struct {
	toks   []string // lower-case unless exact
	spaced []bool   // whether token k is preceded by a space in the name
	def    mUnit
}

// mUnits indexes unit names by their first token.
var mUnits = buildMeasureUnits()

func buildMeasureUnits() map[string][]mEntry {
	idx := map[string][]mEntry{}
	add := func(def mUnit, names ...string) {
		for _, n := range names {
			ts := lex(n)
			e := mEntry{def: def}
			for k, t := range ts {
				txt := t.text
				if def.exact {
					txt = n[t.start:t.end]
				}
				e.toks = append(e.toks, txt)
				e.spaced = append(e.spaced, k > 0 && t.space)
			}
			if len(e.toks) == 0 {
				continue
			}
			key := strings.ToLower(e.toks[0])
			idx[key] = append(idx[key], e)
		}
	}
	u := func(dim parallax.Dimension, unit string, factor float64) mUnit {
		return mUnit{dim: dim, unit: unit, factor: factor}
	}
	alone := func(m mUnit) mUnit { m.alone = true; return m }
	exact := func(m mUnit) mUnit { m.exact = true; return m }
	letter := func(m mUnit) mUnit { m.letter = true; return m }

	L, A, M := parallax.Length, parallax.Area, parallax.Mass
	add(letter(u(L, metre, 1)), "m")
	add(u(L, metre, 1), "meter", "meters", "metre", "metres")
	add(alone(u(L, metre, 1000)), "kilometer", "kilometers", "kilometre", "kilometres")
	add(u(L, metre, 1000), "km", "kms")
	add(u(L, metre, 0.1), "dm", "decimeter", "decimeters", "decimetre", "decimetres")
	add(u(L, metre, 0.01), "cm", "centimeter", "centimeters", "centimetre", "centimetres")
	add(u(L, metre, 0.001), "mm", "millimeter", "millimeters", "millimetre", "millimetres")
	add(u(L, metre, 1e-6), "micrometer", "micrometers", "micrometre", "micrometres", "μm")
	add(u(L, metre, 1e-9), "nanometer", "nanometers", "nanometre", "nanometres", "nm")
	add(u(L, metre, 1e-12), "picometer", "picometers", "picometre", "picometres")
	add(u(L, metre, 1609.344), "mile", "miles")
	add(u(L, metre, 1852), "nautical mile", "nautical miles")
	add(u(L, metre, 0.9144), "yard", "yards", "yd", "yds")
	add(u(L, metre, 0.3048), "foot", "feet", "ft")
	add(u(L, metre, 0.0254), "inch", "inches")

	sq := func(f float64) float64 { return f * f }
	add(u(A, sqMetre, 1), "square meter", "square meters", "square metre", "square metres", "sq m", "m2", "m²")
	add(u(A, sqMetre, 1e6), "square kilometer", "square kilometers", "square kilometre", "square kilometres",
		"sq km", "km2", "km²")
	add(u(A, sqMetre, 1e-4), "square centimeter", "square centimeters", "square centimetre", "square centimetres", "cm2", "cm²")
	add(u(A, sqMetre, sq(1609.344)), "square mile", "square miles", "sq mi")
	add(u(A, sqMetre, sq(0.3048)), "square foot", "square feet", "sq ft")
	add(u(A, sqMetre, sq(0.9144)), "square yard", "square yards")
	add(u(A, sqMetre, 4046.8564224), "acre", "acres")
	add(u(A, sqMetre, 1e4), "hectare", "hectares", "ha")

	add(u(M, kilo, 1), "kg", "kgs")
	add(alone(u(M, kilo, 1)), "kilogram", "kilograms", "kilogramme", "kilogrammes")
	add(letter(u(M, kilo, 1e-3)), "g")
	add(alone(u(M, kilo, 1e-3)), "gram", "grams", "gramme", "grammes")
	add(u(M, kilo, 1e-6), "mg")
	add(alone(u(M, kilo, 1e-6)), "milligram", "milligrams", "milligramme", "milligrammes")
	add(alone(u(M, kilo, 1e-9)), "microgram", "micrograms", "microgramme", "microgrammes", "mcg", "μg")
	// "ton" is the metric tonne, as in Find.
	add(u(M, kilo, 1000), "ton", "tons", "tonne", "tonnes")
	add(letter(u(M, kilo, 1000)), "t")
	add(alone(u(M, kilo, 1000)), "metric ton", "metric tons", "metric tonne", "metric tonnes")
	add(u(M, kilo, 0.45359237), "pound", "pounds", "lb", "lbs")
	add(u(M, kilo, 0.028349523125), "ounce", "ounces", "oz")

	V := Volume
	add(letter(u(V, "l", 1)), "l")
	add(alone(u(V, "l", 1)), "liter", "liters", "litre", "litres")
	add(u(V, "l", 1e-3), "ml")
	add(alone(u(V, "l", 1e-3)), "milliliter", "milliliters", "millilitre", "millilitres")
	add(u(V, "l", 0.01), "cl", "centiliter", "centiliters", "centilitre", "centilitres")
	add(u(V, "l", 1000), "cubic meter", "cubic meters", "cubic metre", "cubic metres", "m3", "m³")
	add(u(V, "l", 28.316846592), "cubic foot", "cubic feet", "cu ft")
	add(u(V, "l", 0.016387064), "cubic inch", "cubic inches")
	add(u(V, "l", 3.785411784), "gallon", "gallons", "gal")
	add(u(V, "l", 158.987294928), "barrel", "barrels", "bbl", "bbls")
	add(u(V, "l", 0.473176473), "pint", "pints")
	add(u(V, "l", 0.946352946), "quart", "quarts")
	add(u(V, "l", 0.2365882365), "cup", "cups")
	add(u(V, "l", 0.01478676478125), "tablespoon", "tablespoons", "tbsp")
	add(u(V, "l", 0.00492892159375), "teaspoon", "teaspoons", "tsp")
	add(u(V, "l", 0.0295735295625), "fluid ounce", "fluid ounces", "fl oz")

	S := Speed
	add(u(S, "km/h", 1), "km/h", "kph", "kmph", "km/hr", "kmh", "kilometers per hour", "kilometres per hour",
		"kilometer per hour", "kilometre per hour", "kilometers an hour", "kilometres an hour")
	add(u(S, "km/h", 1.609344), "mph", "miles per hour", "mile per hour", "miles an hour", "mile an hour")
	add(u(S, "km/h", 3.6), "m/s", "meters per second", "metres per second")
	add(u(S, "km/h", 1.852), "knot", "knots")

	I := Information
	add(u(I, "bit", 1), "bit", "bits")
	add(u(I, "bit", 8), "byte", "bytes")
	for _, s := range []struct {
		prefix string
		f      float64
	}{{"kilo", 1e3}, {"mega", 1e6}, {"giga", 1e9}, {"tera", 1e12}, {"peta", 1e15}} {
		add(u(I, "bit", s.f), s.prefix+"bit", s.prefix+"bits")
		add(u(I, "bit", 8*s.f), s.prefix+"byte", s.prefix+"bytes")
	}
	// Abbreviations keep their case: a capital B is a byte.
	add(exact(u(I, "bit", 8e3)), "KB", "kB")
	add(exact(u(I, "bit", 8e6)), "MB")
	add(exact(u(I, "bit", 8e9)), "GB")
	add(exact(u(I, "bit", 8e12)), "TB")
	add(exact(u(I, "bit", 1e3)), "kb", "Kb", "kbit")
	add(exact(u(I, "bit", 1e6)), "Mb", "mb", "Mbit")
	add(exact(u(I, "bit", 1e9)), "Gb", "gb", "Gbit")

	add(u(Angle, "degree", 1), "degree", "degrees")
	add(u(Angle, "degree", 180/math.Pi), "rad", "radian", "radians")

	P := parallax.Percent
	add(u(P, percent, 1), "%", "percent", "percents", "per cent", "pct", "percentage", "percentage point", "percentage points")

	for name, d := range units {
		if d.dim == parallax.Duration && !d.glued {
			add(u(d.dim, d.unit, d.factor), name)
		}
	}
	add(u(parallax.Duration, minute, 1.0/60000), "ms", "millisecond", "milliseconds")

	Mo := parallax.Money
	for _, c := range []struct {
		code  string
		f     float64
		alone bool
		names []string
	}{
		{"USD", 1, true, []string{"dollar", "dollars"}},
		{"USD", 1, false, []string{"us dollar", "us dollars", "u.s. dollar", "u.s. dollars", "american dollars", "united states dollars"}},
		{"USD", 0.01, false, []string{"cent", "cents"}},
		{"AUD", 1, false, []string{"australian dollar", "australian dollars"}},
		{"CAD", 1, false, []string{"canadian dollar", "canadian dollars"}},
		{"HKD", 1, false, []string{"hong kong dollar", "hong kong dollars"}},
		{"NZD", 1, false, []string{"new zealand dollar", "new zealand dollars"}},
		{"SGD", 1, false, []string{"singapore dollar", "singapore dollars"}},
		{"EUR", 1, true, []string{"euro", "euros"}},
		{"GBP", 1, false, []string{"sterling", "pounds sterling", "pound sterling", "british pound", "british pounds"}},
		{"GBP", 0.01, false, []string{"pence", "penny", "pennies"}},
		{"JPY", 1, true, []string{"yen", "japanese yen"}},
		{"CNY", 1, true, []string{"yuan", "chinese yuan", "renminbi", "rmb", "元"}},
		{"CHF", 1, false, []string{"franc", "francs", "swiss franc", "swiss francs"}},
		{"INR", 1, true, []string{"rupee", "rupees", "indian rupee", "indian rupees"}},
		{"RUB", 1, true, []string{"ruble", "rubles", "rouble", "roubles"}},
		{"UAH", 1, true, []string{"hryvnia", "hryvnias", "hryvnya"}},
		{"ILS", 1, true, []string{"shekel", "shekels"}},
		{"TRY", 1, false, []string{"turkish lira", "turkish liras", "lira", "liras"}},
		{"MXN", 1, false, []string{"mexican peso", "mexican pesos"}},
		{"FIM", 1, false, []string{"finnish markka", "markka"}},
		{"ESP", 1, false, []string{"peseta", "pesetas"}},
		{"NLG", 1, false, []string{"dutch guilder", "dutch guilders", "guilder", "guilders"}},
		{"BTC", 1, true, []string{"bitcoin", "bitcoins", "btc"}},
		{"BTC", 1e-8, false, []string{"satoshi", "satoshis"}},
	} {
		m := u(Mo, c.code, c.f)
		m.alone = c.alone
		add(m, c.names...)
	}
	for code := range isoCodes {
		add(u(Mo, strings.ToUpper(code), 1), code)
	}
	return idx
}

// isoCodes are currency codes read after a number ("20 usd") and, in
// capitals, before it ("USD 200"); "MUSD" is a million dollars.
var isoCodes = map[string]bool{
	"usd": true, "eur": true, "gbp": true, "jpy": true, "cny": true, "inr": true, "chf": true, "aud": true,
	"cad": true, "hkd": true, "nzd": true, "sgd": true, "rub": true, "uah": true, "ils": true, "mxn": true,
	"sek": true, "nok": true, "dkk": true, "krw": true, "brl": true, "zar": true, "pln": true,
}

// moneySymbols are currency signs, before or after the number.
var moneySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₪": "ILS",
	"₡": "CRC", "₾": "GEL", "₭": "LAK", "₿": "BTC", "₩": "KRW", "₺": "TRY", "₱": "PHP", "฿": "THB",
	"₫": "VND", "₦": "NGN", "ரூ": "LKR",
}

// longSymbols are the currency signs the lexer splits into several
// tokens.
var longSymbols = func() []string {
	var out []string
	for sym := range moneySymbols {
		if len(lex(sym)) > 1 {
			out = append(out, sym)
		}
	}
	return out
}()

// dollarMarks are the letters written before "$" to say which dollar:
// "US$", "C $", "HK$", "Mex$", "usd$".
var dollarMarks = map[string]string{
	"us": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD", "hk": "HKD", "hkd": "HKD",
	"au": "AUD", "aud": "AUD", "nz": "NZD", "nzd": "NZD", "mex": "MXN", "mxn": "MXN", "sg": "SGD", "s": "SGD",
	"sgd": "SGD",
}

// measureAt reads one measure starting at token i.
func (p *scanner) measureAt(i int) (Measure, int, bool) {
	if code, f, k, ok := p.moneyPrefix(i); ok {
		if r, ok := p.numberAt(k, true, true); ok && !r.suffix {
			v, end := r.val*f, r.end
			if f == 1 && !r.scaled {
				v, end = p.centsTail(v, end)
			}
			return p.measure1(i, end, v, mUnit{dim: parallax.Money, unit: code, factor: 1}), end, true
		}
	}
	if p.codeNumber(i) {
		return Measure{}, 0, false
	}
	if r, ok := p.numberAt(i, false, true); ok {
		if u, end, ok := p.unitAfter(r); ok {
			v := r.val * u.factor
			switch {
			case u.dim == parallax.Money && u.factor == 1 && !r.scaled:
				v, end = p.centsTail(v, end)
			case u.unit == metre && u.factor == 0.3048:
				v, end = p.inchesTail(v, end)
			}
			return p.measure1(i, end, v, u), end, true
		}
	}
	return p.unitAlone(i)
}

func (p *scanner) measure1(i, end int, v float64, u mUnit) Measure {
	return Measure{
		Span:  parallax.Span{Start: p.toks[i].start, End: p.toks[end-1].end},
		Value: v, Known: true, Unit: u.unit, Dimension: u.dim,
	}
}

// codeNumber reports digits that belong to a code: glued to a word
// ("scp173m") or to a dash after a word ("SCP-173 m", "L-202").
func (p *scanner) codeNumber(i int) bool {
	t := p.toks[i]
	if t.kind != num && t.kind != badNum || t.space || i == 0 {
		return false
	}
	prev := p.toks[i-1]
	if prev.kind == word {
		return true
	}
	if !isDash(prev.text) || prev.space {
		return false
	}
	// Walk back over the glued run before the dash: "scp2-173".
	for k := i - 2; k >= 0; k-- {
		if p.toks[k].kind == word {
			return true
		}
		if p.toks[k].space {
			break
		}
	}
	return false
}

// moneyPrefix reads a currency written before the number: "$", "€",
// "US$", "c $", "u.s $", "mex$", "USD", "MAUD" (millions of AUD). It
// returns the currency, the factor the number takes and the token after.
func (p *scanner) moneyPrefix(i int) (string, float64, int, bool) {
	if code, end, ok := p.symbolAt(i); ok {
		return code, 1, end, true
	}
	t := p.toks[i]
	if t.kind != word {
		return "", 0, 0, false
	}
	// "u.s $", "U.S.$"
	k := i
	mark := t.text
	if t.text == "u" && p.is(i+1, ".") && p.glued(i+1) && p.w(i+2) == "s" && p.glued(i+2) {
		mark, k = "us", i+2
		if p.is(k+1, ".") && p.glued(k+1) {
			k++
		}
	}
	if code, ok := dollarMarks[mark]; ok && p.is(k+1, "$") {
		glued := p.glued(k + 1)
		// A lone "a" or "s" is an article or a letter unless glued: "A$5".
		if glued || len(mark) > 1 || mark == "c" {
			return code, 1, k + 2, true
		}
	}
	raw := p.src[t.start:t.end]
	if !allCaps(raw) || !p.isDigitStart(i+1) && p.w(i+1) == "" {
		return "", 0, 0, false
	}
	if isoCodes[t.text] {
		return strings.ToUpper(t.text), 1, i + 1, true
	}
	if len(raw) == 4 && raw[0] == 'M' && isoCodes[t.text[1:]] {
		return raw[1:], 1e6, i + 1, true // "MAUD 60"
	}
	return "", 0, 0, false
}

// symbolAt reads a currency sign at i, which may span several tokens
// ("ரூ").
func (p *scanner) symbolAt(i int) (string, int, bool) {
	t := p.toks[i]
	if code, ok := moneySymbols[t.text]; ok && t.kind == punct {
		return code, i + 1, true
	}
	for _, sym := range longSymbols {
		if code := moneySymbols[sym]; strings.HasPrefix(p.src[t.start:], sym) {
			end := t.start + len(sym)
			for k := i; k < len(p.toks) && p.toks[k].start < end; k++ {
				if p.toks[k].end == end {
					return code, k + 1, true
				}
			}
		}
	}
	return "", 0, false
}

// unitAfter reads the unit after a number: glued ("75ml"), hyphenated
// ("3-inch"), bracketed ("20 (kg)") or spaced ("ten miles"), then checks
// that the unit is not the start of a code ("24703 m212").
func (p *scanner) unitAfter(r numRead) (mUnit, int, bool) {
	e := r.end
	if e >= len(p.toks) || p.toks[e].nl {
		return mUnit{}, 0, false
	}
	// A currency sign after the number, unless it starts the next amount
	// ("1 $10").
	if code, end, ok := p.symbolAt(e); ok {
		if !p.isDigitStart(end) || p.spaced(end) && p.toks[end].kind != num {
			return mUnit{dim: parallax.Money, unit: code, factor: 1}, end, true
		}
		if end < len(p.toks) && p.spaced(end) {
			return mUnit{dim: parallax.Money, unit: code, factor: 1}, end, true
		}
		return mUnit{}, 0, false
	}
	glued := !p.toks[e].space
	k := e
	closeBr := ""
	switch {
	case glued && p.hyphenAt(e):
		k = e + 1
	case !glued && p.toks[e].kind == punct:
		if c, ok := brackets[p.toks[e].text]; ok && p.glued(e+1) {
			k, closeBr = e+1, c
		}
	}
	u, end, ok := p.unitName(k, k > e || glued, r)
	if !ok {
		return mUnit{}, 0, false
	}
	if closeBr != "" {
		if !p.is(end, closeBr) || !p.glued(end) {
			return mUnit{}, 0, false
		}
		end++
	}
	// "75 USD million", "30 MUSD".
	if u.dim == parallax.Money && p.spaced(end) {
		if s := scales[p.w(end)]; s >= 1e3 {
			u.factor *= s
			end++
		}
	}
	// A unit glued to more letters or digits is part of a code.
	if end < len(p.toks) && !p.toks[end].space {
		t := p.toks[end]
		if t.kind == word || t.kind == num || t.kind == badNum {
			return mUnit{}, 0, false
		}
		if isDash(t.text) && end+1 < len(p.toks) && p.glued(end+1) && p.toks[end+1].kind != word {
			return mUnit{}, 0, false
		}
	}
	return u, end, true
}

var brackets = map[string]string{"(": ")", "[": "]", "{": "}", "<": ">"}

// unitName matches the longest unit name at k. glued says the name touches
// the number (after a hyphen or with no space at all).
func (p *scanner) unitName(k int, glued bool, r numRead) (mUnit, int, bool) {
	if k >= len(p.toks) {
		return mUnit{}, 0, false
	}
	t := p.toks[k]
	raw := p.src[t.start:t.end]
	var best mEntry
	bestEnd := -1
	for _, e := range mUnits[t.text] {
		end, ok := p.entryAt(k, e)
		if ok && end > bestEnd {
			best, bestEnd = e, end
		}
	}
	// "MUSD": millions of a currency.
	if bestEnd < 0 && len(raw) == 4 && raw[0] == 'M' && allCaps(raw) && isoCodes[t.text[1:]] {
		return mUnit{dim: parallax.Money, unit: raw[1:], factor: 1e6}, k + 1, true
	}
	if bestEnd < 0 {
		return mUnit{}, 0, false
	}
	u := best.def
	end := bestEnd
	if u.letter && !glued {
		// "1 m x 1 m", "1 m 1 m": a spaced letter is a unit only before
		// punctuation, a number, "x" or the end.
		if end < len(p.toks) && p.toks[end].kind == word && p.w(end) != "x" {
			return mUnit{}, 0, false
		}
		if u.dim == Volume {
			return mUnit{}, 0, false
		}
	}
	if u.dim == parallax.Mass && u.factor == 0.45359237 && (r.scaled || p.w(end) == "sterling") {
		u = mUnit{dim: parallax.Money, unit: "GBP", factor: 1} // "361 million pounds"
		if p.w(end) == "sterling" {
			end++
		}
	}
	if u.dim == parallax.Length {
		if su, send, ok := p.perTime(end, u); ok {
			return su, send, true
		}
	}
	if u.dim == Angle && u.factor == 1 && p.temperatureNear(k) {
		return mUnit{}, 0, false // "the temperature is 24 degrees"
	}
	return u, end, true
}

// entryAt matches a unit name's tokens at k.
func (p *scanner) entryAt(k int, e mEntry) (int, bool) {
	for n, want := range e.toks {
		j := k + n
		if j >= len(p.toks) {
			return 0, false
		}
		t := p.toks[j]
		got := t.text
		if e.def.exact {
			got = p.src[t.start:t.end]
		} else if t.kind == num {
			got = t.text
		}
		if got != want {
			return 0, false
		}
		if n > 0 && (t.space != e.spaced[n] || t.nl) {
			return 0, false
		}
	}
	return k + len(e.toks), true
}

// perTime reads "per millisecond", "/ms", "an hour" after a length unit
// and returns the speed.
func (p *scanner) perTime(k int, u mUnit) (mUnit, int, bool) {
	var j int
	switch {
	case p.w(k) == "per" && p.spaced(k):
		j = k + 1
	case p.is(k, "/") && p.glued(k) && p.glued(k+1):
		j = k + 1
	default:
		return mUnit{}, 0, false
	}
	d, ok := units[p.w(j)]
	minutes := d.factor
	switch p.w(j) {
	case "ms", "millisecond", "milliseconds":
		ok, minutes = true, 1.0/60000
	case "s", "sec":
		ok, minutes = true, 1.0/60
	case "h", "hr":
		ok, minutes = true, 60
	}
	if !ok || d.dim != parallax.Duration && minutes == d.factor || minutes > 60 {
		return mUnit{}, 0, false
	}
	hours := minutes / 60
	return mUnit{dim: Speed, unit: "km/h", factor: u.factor / 1000 / hours}, j + 1, true
}

// temperatureNear reports a word about temperature in the sentence before
// token k, which makes "degrees" a temperature, not an angle.
func (p *scanner) temperatureNear(k int) bool {
	for j := k; j >= 0 && j > k-15; j-- {
		t := p.toks[j]
		if t.kind == punct && (t.text == "." || t.text == "!" || t.text == "?") {
			break
		}
		switch t.text {
		case "temperature", "temperatures", "celsius", "fahrenheit", "warm", "warmer", "cold", "colder",
			"hot", "hotter", "heat", "cool", "freezing":
			return true
		}
	}
	switch p.w(k + 1) {
	case "celsius", "fahrenheit", "c", "f":
		return true
	}
	return false
}

// centsTail adds the cents written after whole currency units: "3 dollars
// 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50",
// "c $ 100 and fifty". Without a cent word the number must end the phrase
// ("$3 and 50 people" is no $3.50).
func (p *scanner) centsTail(v float64, e int) (float64, int) {
	if v != math.Trunc(v) || e >= len(p.toks) || !p.spaced(e) {
		return v, e
	}
	k := e
	if p.w(k) == "and" {
		k++
	}
	if k >= len(p.toks) || !p.spaced(k) {
		return v, e
	}
	r, ok := p.numberAt(k, false, false)
	if !ok || r.val <= 0 || r.val >= 100 || r.val != math.Trunc(r.val) || r.fraction || r.scaled {
		return v, e
	}
	end := r.end
	switch x := p.w(end); {
	case x == "cent" || x == "cents" || x == "pence" || x == "penny":
		end++
	case end >= len(p.toks):
	case p.toks[end].kind == punct && !p.isDigitStart(end) && moneySymbols[p.toks[end].text] == "":
	case x != "" && (stop[x] || x == "more") && p.spaced(end):
	default:
		return v, e
	}
	return v + r.val/100, end
}

// inchesTail adds the inches after feet: "5 feet 2 inches", "12 ft 2 in",
// "5 feet and 2 inches".
func (p *scanner) inchesTail(v float64, e int) (float64, int) {
	k := e
	if p.w(k) == "and" {
		k++
	}
	if k >= len(p.toks) || !p.spaced(k) {
		return v, e
	}
	r, ok := p.numberAt(k, false, false)
	if !ok || r.val >= 12 || !p.spaced(r.end) {
		return v, e
	}
	switch p.w(r.end) {
	case "inch", "inches", "in":
		return v + r.val*0.0254, r.end + 1
	}
	return v, e
}

// unitAlone reads a unit named without a number ("the dollar", "a
// metric ton", "a small percent", "the % of") and "percent of 10".
func (p *scanner) unitAlone(i int) (Measure, int, bool) {
	t := p.toks[i]
	if t.kind != word && t.text != "%" || t.kind == word && t.upper && !p.sentenceStart(i) {
		return Measure{}, 0, false
	}
	if i > 0 && !t.space && p.toks[i-1].kind != punct {
		return Measure{}, 0, false
	}
	u, end, ok := p.unitName(i, false, numRead{})
	if !ok || !u.alone && u.dim != parallax.Percent {
		return Measure{}, 0, false
	}
	if end < len(p.toks) && !p.toks[end].space && p.toks[end].kind != punct {
		return Measure{}, 0, false
	}
	m := Measure{Span: parallax.Span{Start: t.start, End: p.toks[end-1].end}, Unit: u.unit, Dimension: u.dim}
	if u.dim == parallax.Percent {
		if p.toks[i].text == "percentage" && p.w(end) == "point" {
			return Measure{}, 0, false
		}
		// "per cent of twenty-two": the number ends the phrase.
		if p.w(end) == "of" && p.spaced(end+1) {
			if r, ok := p.numberAt(end+1, false, false); ok && (r.end >= len(p.toks) || p.toks[r.end].kind != word) {
				m.Value, m.Known = r.val, true
				m.Span.End = p.toks[r.end-1].end
				return m, r.end, true
			}
		}
	}
	return m, end, true
}

// allCaps reports whether s has no lower-case ASCII letter.
func allCaps(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return false
		}
	}
	return true
}
