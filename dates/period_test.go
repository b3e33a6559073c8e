package dates

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// TestPeriods checks the extent of expressions against pub (Wednesday,
// March 19, 2025): the span, [start, end) and the unit of the last
// calendar unit.
func TestPeriods(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		sub        string
		start, end string
		unit       parallax.Granularity
	}{
		// Ranges.
		{"range of days", "The talks ran from March 3 to 5.", "from March 3 to 5", "2025-03-03", "2025-03-06", D},
		{"range with month after", "Shops closed between 4 and 22 this month.", "between 4 and 22 this month", "2025-03-04", "2025-03-23", D},
		{"range without opener", "Shops close 4 to 23 next month.", "4 to 23 next month", "2025-04-04", "2025-04-24", D},
		{"hyphenated days", "The fair will run November 19-20.", "November 19-20", "2025-11-19", "2025-11-21", D},
		{"month between days", "The fair will run November between 19 and 20.", "November between 19 and 20", "2025-11-19", "2025-11-21", D},
		{"month, days and year", "The fair ran Feb between 2-7, 2018.", "Feb between 2-7, 2018", "2018-02-02", "2018-02-08", D},
		{"lower-case month with a year", "Talks resume june next year.", "june next year", "2026-06-01", "2026-07-01", M},
		{"two month-days", "Voting ran Feb. 2 to February 22.", "Feb. 2 to February 22", "2025-02-02", "2025-02-23", D},
		{"across the new year", "The program will run from October 25 to January 25.", "from October 25 to January 25", "2025-10-25", "2026-01-26", D},
		{"year closes the range", "He served between March 3 and 5, 2019.", "between March 3 and 5, 2019", "2019-03-03", "2019-03-06", D},
		{"year lent backwards", "It ran from Feb 1st to March 2019.", "from Feb 1st to March 2019", "2019-02-01", "2019-04-01", M},
		{"years", "Prices doubled between 2019 and 2022.", "between 2019 and 2022", "2019-01-01", "2023-01-01", Y},
		{"year range in one token", "The 2014-18 plan failed.", "2014-18", "2014-01-01", "2019-01-01", Y},
		{"months", "Output fell from January to March.", "from January to March", "2025-01-01", "2025-04-01", M},
		{"days of a named week", "The team meets next week between Wednesday and Friday.", "next week between Wednesday and Friday", "2025-03-26", "2025-03-29", D},
		{"abbreviated weekdays", "Talks run this week from Tue to Thur.", "this week from Tue to Thur", "2025-03-18", "2025-03-21", D},
		{"weekdays into the next week", "The fair ran from Friday to Tuesday.", "from Friday to Tuesday", "2025-03-14", "2025-03-19", D},
		{"today till tomorrow", "The museum is shut today till tomorrow.", "today till tomorrow", "2025-03-19", "2025-03-21", D},
		{"until now", "Prices rose between Jan 22 and now.", "between Jan 22 and now", "2025-01-22", "2025-03-20", D},

		// Weeks, weekends, quarters, decades.
		{"weekend ahead", "Protests are planned this weekend.", "this weekend", "2025-03-22", "2025-03-24", D},
		{"weekend past", "Clashes erupted at the weekend.", "the weekend", "2025-03-15", "2025-03-17", D},
		{"ISO week", "Sales peaked in week 10.", "week 10", "2025-03-03", "2025-03-10", W},
		{"week of a day", "The meeting is set for the week of March 24.", "the week of March 24", "2025-03-24", "2025-03-31", W},
		{"week starting", "It is booked for the week starting on April 7.", "the week starting on April 7", "2025-04-07", "2025-04-14", W},
		{"third week of this month", "Prices peaked in the third week of this month.", "the third week of this month", "2025-03-17", "2025-03-24", W},
		{"last week of a month", "Talks will resume the last week of April.", "the last week of April", "2025-04-21", "2025-04-28", W},
		{"first week of a year", "Sales fell in the first week of 2015.", "the first week of 2015", "2014-12-29", "2015-01-05", W},
		{"quarter of a year", "Results for the fourth quarter of 2024 were weak.", "the fourth quarter of 2024", "2024-10-01", "2025-01-01", M},
		{"quarter told in the past", "Profits fell in the second quarter.", "the second quarter", "2024-04-01", "2024-07-01", M},
		{"Q and year", "Revenue rose in Q2 2024.", "Q2 2024", "2024-04-01", "2024-07-01", M},
		{"year and half", "The plan targets 2026 H2.", "2026 H2", "2026-07-01", "2027-01-01", M},
		{"half of next year", "The first half of next year looks weak.", "The first half of next year", "2026-01-01", "2026-07-01", M},
		{"last quarter", "Growth slowed last quarter.", "last quarter", "2024-10-01", "2025-01-01", M},
		{"decade", "Trade boomed in the 1990s.", "the 1990s", "1990-01-01", "2000-01-01", Y},
		{"decade in words", "Trade boomed in the seventies.", "the seventies", "1970-01-01", "1980-01-01", Y},
		{"decade with apostrophe", "Trade boomed in the '80s.", "the '80s", "1980-01-01", "1990-01-01", Y},
		{"century", "The bridge dates from the 15th century.", "the 15th century", "1400-01-01", "1500-01-01", Y},

		// Spans counted from publication.
		{"next days", "Rain is expected over the next three days.", "next three days", "2025-03-20", "2025-03-23", D},
		{"past weeks", "Prices rose in the past 3 weeks.", "past 3 weeks", "2025-02-26", "2025-03-19", D},
		{"within", "A decision is due within 5 days.", "within 5 days", "2025-03-19", "2025-03-24", D},
		{"within several units", "It will be built within 1 year and 2 months.", "within 1 year and 2 months", "2025-03-19", "2026-05-19", D},
		{"rest of the week", "Schools stay shut for the rest of the week.", "rest of the week", "2025-03-19", "2025-03-24", D},
		{"span from a day", "The strike will run for two weeks starting Monday.", "two weeks starting Monday", "2025-03-24", "2025-04-07", D},
		{"for ... from", "Roads will close for three days from Friday.", "for three days from Friday", "2025-03-21", "2025-03-24", D},
		{"less than", "Results come less than 2 weeks from today.", "less than 2 weeks from today", "2025-03-19", "2025-04-02", D},

		// Days.
		{"day of month alone", "The vote will be held on the 27th.", "the 27th", "2025-03-27", "2025-03-28", D},
		{"day alone after on", "The vote was on 12", "12", "2025-03-12", "2025-03-13", D},
		{"weekday and day", "Officials met Friday the 14th.", "Friday the 14th", "2025-03-14", "2025-03-15", D},
		{"nth weekday", "Polls open the first Friday of April.", "the first Friday of April", "2025-04-04", "2025-04-05", D},
		{"nth weekday of a relative month", "Polls open the second Monday of next month.", "the second Monday of next month", "2025-04-14", "2025-04-15", D},
		{"day of next month", "Payments resume on the 20th of next month.", "20th of next month", "2025-04-20", "2025-04-21", D},
		{"spelled day", "He returned on the twenty-first of February.", "twenty-first of February", "2025-02-21", "2025-02-22", D},
		{"spelled day after month", "It happened on Jan first.", "Jan first", "2025-01-01", "2025-01-02", D},
		{"several units ago", "The fire began 1 month and 21 days ago.", "1 month and 21 days ago", "2025-01-29", "2025-01-30", D},
		{"days from tomorrow", "It opens two days from tomorrow.", "two days from tomorrow", "2025-03-22", "2025-03-23", D},
		{"days later after a told day", "The bridge fell on Monday. Two days later, rescuers arrived.", "Two days later", "2025-03-19", "2025-03-20", D},
		{"next weekday is next week's", "The law takes effect next Sunday.", "next Sunday", "2025-03-30", "2025-03-31", D},
		{"weekday of a named week", "They meet Friday next week.", "Friday next week", "2025-03-28", "2025-03-29", D},
		{"named week and weekday", "They meet next week on Tuesday.", "next week on Tuesday", "2025-03-25", "2025-03-26", D},

		// Numeric and written-out forms.
		{"two-digit year", "The form was filed on 3/19/25.", "3/19/25", "2025-03-19", "2025-03-20", D},
		{"year-month", "Data for 2016-11 was revised.", "2016-11", "2016-11-01", "2016-12-01", M},
		{"month/year", "Data for 11/2016 was revised.", "11/2016", "2016-11-01", "2016-12-01", M},
		{"year then month", "The 2016 November vote was close.", "2016 November", "2016-11-01", "2016-12-01", M},
		{"month and day without year", "It was filed on 4/22, officials said.", "4/22", "2024-04-22", "2024-04-23", D},
		{"year with month name", "It was filed 2019-sep-1.", "2019-sep-1", "2019-09-01", "2019-09-02", D},
		{"day first with dots", "It ended 16. Nov. 2016 in Bonn.", "16. Nov. 2016", "2016-11-16", "2016-11-17", D},
		{"year in words", "It was founded in nineteen seventy-eight.", "nineteen seventy-eight", "1978-01-01", "1979-01-01", Y},
		{"full date with year in words", "It was signed on September 10, two thousand.", "September 10, two thousand", "2000-09-10", "2000-09-11", D},
		{"old full date", "The charter is dated 5 December 1391.", "5 December 1391", "1391-12-05", "1391-12-06", D},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Periods(tt.text, pub)
			start := nthIndex(tt.text, tt.sub, 0)
			if start < 0 {
				t.Fatalf("test bug: %q not in text", tt.sub)
			}
			span := parallax.Span{Start: start, End: start + len(tt.sub)}
			for _, p := range got {
				if p.Span != span {
					continue
				}
				if f := p.Start.Format(time.DateOnly); f != tt.start || p.End.Format(time.DateOnly) != tt.end || p.Unit != tt.unit {
					t.Errorf("%q = [%s, %s) %s, want [%s, %s) %s", tt.sub, f, p.End.Format(time.DateOnly), p.Unit, tt.start, tt.end, tt.unit)
				}
				return
			}
			t.Errorf("no period %q in %s", tt.sub, describePeriods(tt.text, got))
		})
	}
}

func describePeriods(text string, ps []Period) string {
	s := ""
	for _, p := range ps {
		s += "[" + text[p.Span.Start:p.Span.End] + " " + p.Start.Format(time.DateOnly) + ".." + p.End.Format(time.DateOnly) + "] "
	}
	return s
}

// TestPeriodsUnresolved checks expressions that name no existing day, or
// need a day the text never gives.
func TestPeriodsUnresolved(t *testing.T) {
	tests := []struct {
		name, text, sub string
	}{
		{"fifth weekday that does not exist", "They meet the fifth Sunday of next month.", "the fifth Sunday of next month"},
		{"31st of a short month", "They meet on the 31st of next month.", "31st of next month"},
		{"range that ends before it starts", "It ran from 2019 to 2015.", "from 2019 to 2015"},
		{"days later with no day told", "Two days later, the bridge collapsed.", "Two days later"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range Periods(tt.text, pub) {
				if tt.text[p.Span.Start:p.Span.End] == tt.sub {
					if !p.Start.IsZero() || p.Anchor != Unresolved {
						t.Errorf("%q resolved to %v (%s)", tt.sub, p.Start, p.Anchor)
					}
					return
				}
			}
			t.Errorf("no period %q in %s", tt.sub, describePeriods(tt.text, Periods(tt.text, pub)))
		})
	}
}

// TestFindPeriods checks what Find reports for periods: a range as its
// two ends, other periods as the calendar unit that holds them, nothing
// for periods no unit holds.
func TestFindPeriods(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"range ends", "The talks ran from March 3 to 5.", []want{{"March 3", "2025-03-03", D, p, 0}, {"5", "2025-03-05", D, p, 0}}},
		{"range of bare days", "Shops closed between 4 and 22 this month.", []want{{"4", "2025-03-04", D, p, 0}, {"22", "2025-03-22", D, p, 0}}},
		{"year range ends", "The 2014-18 plan failed.", []want{{"2014", "2014", Y, a, 0}, {"18", "2018", Y, a, 0}}},
		{"weekend as its week", "Protests are planned this weekend.", []want{{"this weekend", "2025-W12", W, p, 0}}},
		{"quarter as its year", "Revenue rose in Q2 2024.", []want{{"Q2 2024", "2024", Y, a, 0}}},
		{"span as its week", "A decision is due within 5 days.", []want{{"within 5 days", "2025-W12", W, p, 0}}},
		{"span as its month", "A decision is due within 10 days.", []want{{"within 10 days", "2025-03", M, p, 0}}},
		{"week of a day", "The meeting is set for the week of March 24.", []want{{"the week of March 24", "2025-W13", W, p, 0}}},
		{"decade is no unit", "Relations were warmer in the 1990s.", nil},
		{"position is no day", "She came in the second. He was the 27 th.", nil},
		{"fraction is no date", "A 3/4 majority backed it, and 1/2 of voters agreed.", nil},
		{"feast is no month", "The first Sunday of Advent falls early.", nil},
		{"count is no year", "In two thousand homes the power failed.", nil},
		{"name is no month", "April Ryan asked, and June Carter sang.", nil},
		{"zero count is no span", "Prices rose in the last 0 weeks.", nil},
		{"decimal is no date", "Shares fell 4.22 percent and the score was 4-22.", nil},
		{"sentence ends after the month", "It rose in October. 2 people died.", []want{{"October", "2024-10", M, p, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, tt.text, Find(tt.text, pub), tt.want)
		})
	}
}

func TestPeriodDate(t *testing.T) {
	tests := []struct {
		name       string
		start, end time.Time
		iso        string
		ok         bool
	}{
		{"day", day(2025, 3, 19), day(2025, 3, 20), "2025-03-19", true},
		{"weekend in its ISO week", day(2025, 3, 22), day(2025, 3, 24), "2025-W12", true},
		{"days across weeks in a month", day(2025, 3, 14), day(2025, 3, 18), "2025-03", true},
		{"quarter in its year", day(2024, 4, 1), day(2024, 7, 1), "2024", true},
		{"across a new year", day(2024, 12, 30), day(2025, 1, 3), "2025-W01", true},
		{"across years", day(2024, 12, 1), day(2025, 2, 1), "", false},
		{"unresolved", time.Time{}, time.Time{}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := Period{Start: tt.start, End: tt.end}.Date()
			if ok != tt.ok || (ok && ISO(d) != tt.iso) {
				t.Errorf("Date() = %s %v, want %s %v", ISO(d), ok, tt.iso, tt.ok)
			}
		})
	}
}

func TestEnd(t *testing.T) {
	tests := []struct {
		d    parallax.Date
		want string
	}{
		{parallax.Date{Value: day(2025, 3, 19), Granularity: D}, "2025-03-20"},
		{parallax.Date{Value: day(2025, 3, 17), Granularity: W}, "2025-03-24"},
		{parallax.Date{Value: day(2025, 2, 1), Granularity: M}, "2025-03-01"},
		{parallax.Date{Value: day(2025, 1, 1), Granularity: Y}, "2026-01-01"},
	}
	for _, tt := range tests {
		t.Run(string(tt.d.Granularity), func(t *testing.T) {
			if got := End(tt.d).Format(time.DateOnly); got != tt.want {
				t.Errorf("End = %s, want %s", got, tt.want)
			}
		})
	}
	if !End(parallax.Date{}).IsZero() {
		t.Error("End of an unresolved date is not zero")
	}
}
