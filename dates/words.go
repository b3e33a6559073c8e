package dates

import "time"

// Word tables shared by the matchers.

type monthInfo struct {
	m    time.Month
	abbr bool
}

var months = map[string]monthInfo{
	"january": {time.January, false}, "february": {time.February, false}, "march": {time.March, false},
	"april": {time.April, false}, "may": {time.May, false}, "june": {time.June, false},
	"july": {time.July, false}, "august": {time.August, false}, "september": {time.September, false},
	"october": {time.October, false}, "november": {time.November, false}, "december": {time.December, false},
	"jan": {time.January, true}, "feb": {time.February, true}, "mar": {time.March, true},
	"apr": {time.April, true}, "jun": {time.June, true}, "jul": {time.July, true},
	"aug": {time.August, true}, "sep": {time.September, true}, "sept": {time.September, true},
	"oct": {time.October, true}, "nov": {time.November, true}, "dec": {time.December, true},
}

// lowerAmbiguous are month names that, written in lower case, are
// common English words.
var lowerAmbiguous = map[string]bool{"may": true, "march": true, "mar": true}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// weekdayAbbrs are read as weekdays only next to a date or another
// weekday: "Sun" and "Sat" are also a newspaper and a verb.
var weekdayAbbrs = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wed": time.Wednesday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday,
}

// monthContext are words after which a capitalised month name is a month
// and not a verb, noun or name ("in May" but "Russia May agree", "the
// March on Washington").
var monthContext = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "through": true,
	"throughout": true, "from": true, "of": true, "during": true, "before": true, "after": true,
	"early": true, "mid": true, "late": true, "this": true, "between": true, "last": true, "next": true,
	"for": true,
}

// yearContext are words after which a four-digit number is a year.
var yearContext = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "through": true,
	"of": true, "from": true, "during": true, "before": true, "after": true, "early": true,
	"mid": true, "late": true, "between": true, "year": true, "circa": true, "around": true,
	"throughout": true,
}

// yearNouns follow a year used as a modifier: "the 2016 presidential
// election", "the 2014 annexation".
var yearNouns = map[string]bool{
	"election": true, "elections": true, "presidential": true, "parliamentary": true,
	"general": true, "midterm": true, "midterms": true, "summit": true, "war": true,
	"invasion": true, "annexation": true, "olympics": true, "olympic": true, "world": true,
	"census": true, "budget": true, "season": true, "campaign": true, "crisis": true,
	"agreement": true, "accord": true, "accords": true, "deal": true, "ceasefire": true,
	"truce": true, "referendum": true, "revolution": true, "uprising": true, "coup": true,
	"protests": true, "attack": true, "attacks": true, "earthquake": true, "floods": true,
	"conflict": true, "talks": true, "visit": true, "report": true, "law": true, "act": true,
	"treaty": true, "games": true, "cup": true, "pandemic": true, "outbreak": true,
	"offensive": true, "counteroffensive": true, "incursion": true, "meeting": true,
	"vote": true, "race": true, "edition": true, "fiscal": true, "financial": true,
}

// notDayBefore and notDayAfter turn a weekday into part of a name.
var notDayBefore = map[string]bool{
	"black": true, "good": true, "super": true, "cyber": true, "bloody": true, "ash": true,
	"palm": true, "easter": true, "holy": true, "maundy": true, "giving": true, "shrove": true,
	"fat": true, "great": true, "orthodox": true,
}

var notDayAfter = map[string]bool{
	"times": true, "telegraph": true, "express": true, "mirror": true, "mail": true,
	"post": true, "herald": true, "independent": true, "observer": true, "world": true,
	"star": true, "tribune": true, "sport": true, "people": true, "school": true,
	"league": true, "edition": true, "magazine": true, "review": true,
}

// counts are small counts written as words; "few" and "couple" stand for
// three and two.
var counts = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"few": 3, "couple": 2, "several": 3,
}

// cardinals and ordinals below twenty, and the tens, for days of the
// month written as words ("the twenty-first", "May twenty one").
var cardinals = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

var tens = map[string]int{"twenty": 20, "thirty": 30}

// connectors join the two ends of a range: "from March 3 to 5", "March
// 3-5", "between 4 and 22" ("and" only after "between").
var connectors = map[string]bool{
	"to": true, "till": true, "til": true, "until": true, "through": true, "thru": true,
	"-": true, "–": true, "—": true,
}

// validDay reports whether y-m-d exists.
func validDay(y int, m time.Month, d int) bool {
	if m < time.January || m > time.December || d < 1 {
		return false
	}
	return d <= time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// tensWords are the tens from twenty to ninety; a number below a hundred
// written in words is a ten, a teen, a unit, or a ten and a unit
// ("seventy-eight", "ninety nine").
var tensWords = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// decadeWords name decades: "the seventies", "the nineteen nineties",
// "the twenty-tens", "the noughties".
var decadeWords = map[string]int{
	"tens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
	"seventies": 70, "eighties": 80, "nineties": 90,
}

// Word classes: which of the tables above hold a word. Tokens carry them
// so that the scanner, which asks about every word, needs one look-up per
// word rather than one per table.
const (
	cWeekday uint16 = 1 << iota
	cWeekdayAbbr
	cMonth
	cOrdinal
	cTens
	cCardinal
	cCount
	cFuture       // futureWords
	cFutureBefore // futureBefore
	cPast         // pastWords
)

var wordClass = func() map[string]uint16 {
	m := map[string]uint16{}
	for w := range weekdays {
		m[w] |= cWeekday
	}
	for w := range weekdayAbbrs {
		m[w] |= cWeekdayAbbr
	}
	for w := range months {
		m[w] |= cMonth
	}
	for w := range ordinals {
		m[w] |= cOrdinal
	}
	for w := range tens {
		m[w] |= cTens
	}
	for w := range cardinals {
		m[w] |= cCardinal
	}
	for w := range counts {
		m[w] |= cCount
	}
	for _, t := range []struct {
		words map[string]bool
		c     uint16
	}{{futureWords, cFuture}, {futureBefore, cFutureBefore}, {pastWords, cPast}} {
		for w, ok := range t.words {
			if ok {
				m[w] |= t.c
			}
		}
	}
	return m
}()
