package quantity

import "strings"

// Word lists. Everything is lower-case; matching is on token text.

var ones = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9,
}

var teens = map[string]float64{
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scales multiply what precedes them: "one hundred", "1.2 million".
var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	// Indian English: a lakh is a hundred thousand, a crore ten million.
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// shortScales are abbreviations written after digits: "$3bn", "5m", "10k".
// "m" is absent: it is decided in context (million or metre).
var shortScales = map[string]float64{
	"k": 1e3, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12,
}

// vague plurals stand for an order of magnitude. "hundreds" is read as
// [200, 1000): at least two of the unit, fewer than the next power of ten.
var vague = map[string]float64{
	"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}

var ordinals = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
	"hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}

// qualifier phrases, before the number. Longer phrases are tried first.
type qualPhrase struct {
	words []string
	qual  string
}

// justOver is internal: "just over" reads as "more_than" with a 10% cap.
const justOver = "just_over"

var qualPhrases = []qualPhrase{
	{[]string{"a", "little", "more", "than"}, justOver},
	{[]string{"slightly", "more", "than"}, justOver},
	{[]string{"just", "more", "than"}, justOver},
	{[]string{"well", "more", "than"}, "more_than"},
	{[]string{"no", "fewer", "than"}, "at_least"},
	{[]string{"no", "less", "than"}, "at_least"},
	{[]string{"not", "less", "than"}, "at_least"},
	{[]string{"not", "fewer", "than"}, "at_least"},
	{[]string{"no", "more", "than"}, "at_most"},
	{[]string{"not", "more", "than"}, "at_most"},
	{[]string{"no", "greater", "than"}, "at_most"},
	{[]string{"in", "excess", "of"}, "more_than"},
	{[]string{"a", "minimum", "of"}, "at_least"},
	{[]string{"a", "maximum", "of"}, "at_most"},
	{[]string{"a", "little", "over"}, justOver},
	{[]string{"as", "many", "as"}, "up_to"},
	{[]string{"as", "much", "as"}, "up_to"},
	{[]string{"just", "shy", "of"}, "nearly"},
	{[]string{"just", "short", "of"}, "nearly"},
	{[]string{"more", "than"}, "more_than"},
	{[]string{"greater", "than"}, "more_than"},
	{[]string{"upwards", "of"}, "more_than"},
	{[]string{"upward", "of"}, "more_than"},
	{[]string{"north", "of"}, "more_than"},
	{[]string{"just", "over"}, justOver},
	{[]string{"just", "above"}, justOver},
	{[]string{"well", "over"}, "more_than"},
	{[]string{"well", "above"}, "more_than"},
	{[]string{"at", "least"}, "at_least"},
	{[]string{"less", "than"}, "less_than"},
	{[]string{"fewer", "than"}, "less_than"},
	{[]string{"well", "under"}, "less_than"},
	{[]string{"well", "below"}, "less_than"},
	{[]string{"at", "most"}, "at_most"},
	{[]string{"up", "to"}, "up_to"},
	{[]string{"an", "estimated"}, "about"},
	{[]string{"close", "to"}, "nearly"},
	{[]string{"just", "under"}, "nearly"},
	{[]string{"just", "below"}, "nearly"},
	{[]string{"not", "quite"}, "nearly"},
	{[]string{"over"}, "more_than"},
	{[]string{"above"}, "more_than"},
	{[]string{"under"}, "less_than"},
	{[]string{"below"}, "less_than"},
	{[]string{"about"}, "about"},
	{[]string{"around"}, "about"},
	{[]string{"approximately"}, "about"},
	{[]string{"approx"}, "about"},
	{[]string{"roughly"}, "about"},
	{[]string{"some"}, "about"},
	{[]string{"estimated"}, "about"},
	{[]string{"circa"}, "about"},
	{[]string{"nearly"}, "nearly"},
	{[]string{"almost"}, "nearly"},
}

// qualByStart holds the qualifier phrases by first word, in table order.
var qualByStart = func() map[string][]qualPhrase {
	m := map[string][]qualPhrase{}
	for _, q := range qualPhrases {
		m[q.words[0]] = append(m[q.words[0]], q)
	}
	return m
}()

// qualStarts holds the first word of every qualifier phrase, to skip the
// phrase table quickly.
var qualStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, q := range qualPhrases {
		m[q.words[0]] = true
	}
	return m
}()

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// clockWords after a number make it a time of day.
var clockWords = map[string]bool{
	"am": true, "pm": true, "gmt": true, "utc": true, "bst": true, "cet": true,
	"cest": true, "est": true, "edt": true, "pst": true, "pdt": true, "msk": true,
	"eet": true, "eest": true, "o'clock": true, "o’clock": true,
}

// nameWords before a number make it part of a name or designation:
// "World War 2", "Article 5", "Boeing 737", "Resolution 2231".
var nameWords = map[string]bool{
	"war": true, "article": true, "section": true, "chapter": true, "resolution": true,
	"flight": true, "boeing": true, "airbus": true, "apollo": true, "windows": true,
	"level": true, "phase": true, "stage": true, "route": true, "highway": true,
	"road": true, "room": true, "gate": true, "terminal": true, "no": true,
	"number": true, "formula": true, "paragraph": true, "clause": true,
	"protocol": true, "title": true, "category": true, "grade": true, "class": true,
	"type": true, "model": true, "version": true, "mark": true, "block": true,
	"unit": true, "building": true, "platform": true, "channel": true, "minsk": true,
	"vol": true, "volume": true, "page": true, "episode": true, "season": true,
	"covid": true, "g": true, "iphone": true, "ps": true, "group": true,
}

// oneBlockers before "one" make it a pronoun: "no one", "the one".
var oneBlockers = map[string]bool{
	"no": true, "the": true, "any": true, "every": true, "each": true, "this": true,
	"that": true, "which": true, "another": true, "only": true, "such": true,
	"at": true, // "at one point", "at one time"
}

// determiners that may introduce an ordinal: "the first step".
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true,
	"her": true, "our": true, "my": true, "your": true, "this": true, "that": true,
	"these": true, "those": true, "every": true, "each": true,
}

// modifiers can stand between a number and its noun but are never the
// noun: "175 more prisoners", "23 additional troops".
var modifiers = map[string]bool{
	"more": true, "additional": true, "other": true, "further": true, "new": true,
	"extra": true, "former": true, "fresh": true, "separate": true, "different": true,
	"consecutive": true, "straight": true, "successive": true, "full": true,
	"whole": true, "entire": true, "long": true, "short": true, "few": true,
	"remaining": true, "wounded": true, "injured": true,
}

// postModifiers complete a few plural heads: "prisoners of war".
var postModifiers = map[string]bool{
	"war": true, "parliament": true, "state": true, "staff": true, "government": true,
}

// stop words end a noun phrase: function words, auxiliaries and the most
// common reporting verbs.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to",
		"for", "from", "by", "with", "without", "into", "onto", "over", "under",
		"about", "after", "before", "since", "until", "till", "during", "between",
		"among", "against", "through", "across", "per", "than", "as", "via",
		"toward", "towards", "within", "upon", "each", "every", "both", "all",
		"any", "some", "no", "not", "this", "that", "these", "those", "which",
		"who", "whom", "whose", "what", "when", "where", "while", "why", "how",
		"is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
		"had", "having", "do", "does", "did", "will", "would", "shall", "should",
		"can", "could", "may", "might", "must", "it", "its", "he", "she", "they",
		"them", "their", "his", "her", "him", "we", "us", "our", "you", "your",
		"i", "me", "my", "said", "says", "say", "told", "tells", "according",
		"also", "only", "just", "even", "still", "already", "ago", "later",
		"earlier", "apiece", "if", "so", "because", "then", "there", "here",
		"too", "very", "most", "less", "least", "fewer", "such", "own", "same",
		"another", "whether", "though", "although", "yet", "now", "again", "away",
		"back", "out", "up", "down", "off", "near", "around", "like", "instead",
		"including", "except", "plus", "minus", "total", "combined", "altogether",
		"overall", "respectively", "thus", "hers", "ours", "theirs", "yours",
		"yes", "unless", "whereas", "across", "news", "percent", "per", "cent",
		"one", "ones", "alone", "together", "each", "either", "neither", "about",
		"nearly", "almost", "approximately", "roughly", "left", "aged", "old",
		"others", "themselves", "ourselves", "apart",
	} {
		m[w] = true
	}
	return m
}()

// particleVerbs take "over" or "under" as a particle ("hand over 23
// soldiers", "took over 30 villages"), so the word does not mean "more
// than" after them. Forms are listed because there is no stemmer here.
func particleVerb(w string) bool {
	for _, stem := range []string{"hand", "turn", "sign", "pass", "roll", "knock", "fight", "carry", "hold", "bowl"} {
		if rest, ok := strings.CutPrefix(w, stem); ok {
			switch rest {
			case "", "s", "ed", "ing", "es":
				return true
			}
		}
	}
	switch w {
	case "take", "takes", "took", "taken", "taking", "give", "gives", "gave", "given",
		"giving", "win", "wins", "won", "held", "bring", "brings", "brought", "send",
		"sends", "sent", "fought", "carried", "carries", "argue", "argued", "argues",
		"arguing", "dispute", "disputed", "spread", "all", "come", "came", "go", "went":
		return true
	}
	return false
}
