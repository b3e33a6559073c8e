package dates

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// pub is a Wednesday.
var pub = time.Date(2025, 3, 19, 14, 30, 0, 0, time.UTC)

// want is one expected date: the exact text of its span (the n-th
// occurrence of sub, counting from 0), its ISO value, granularity and
// anchor.
type want struct {
	sub    string
	iso    string
	gran   parallax.Granularity
	anchor string
	n      int
}

const (
	D = parallax.Day
	W = parallax.Week
	M = parallax.Month
	Y = parallax.Year
	a = Absolute
	p = Publication
	i = Inferred
	u = Unresolved
)

func TestFindPublished(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		// Written dates.
		{"month day year", "The talks were held on March 19, 2025, in Riyadh.", []want{{"March 19, 2025", "2025-03-19", D, a, 0}}},
		{"day month year", "The deal was signed on 19 March 2025 in Paris.", []want{{"19 March 2025", "2025-03-19", D, a, 0}}},
		{"abbreviated month", "Officials met on Mar. 19 to discuss it.", []want{{"Mar. 19", "2025-03-19", D, p, 0}}},
		{"US numeric", "The form was filed on 3/19/2025 in court.", []want{{"3/19/2025", "2025-03-19", D, a, 0}}},
		{"day-first numeric", "The form was filed on 23/03/2025 in court.", []want{{"23/03/2025", "2025-03-23", D, a, 0}}},
		{"ISO date", "Records dated 2025-03-19 show the transfer.", []want{{"2025-03-19", "2025-03-19", D, a, 0}}},
		{"month year", "Prices rose in March 2025, the agency said.", []want{{"March 2025", "2025-03", M, a, 0}}},
		{"ordinal of month", "The summit opens on the 21st of March.", []want{{"21st of March", "2025-03-21", D, p, 0}}},
		{"month day ordinal", "It closes on March 3rd.", []want{{"March 3rd", "2025-03-03", D, p, 0}}},
		{"month day ahead", "Talks will continue in Jeddah, Saudi Arabia, on March 23.", []want{{"March 23", "2025-03-23", D, p, 0}}},
		{"month day as modifier", "Following a disastrous February 28 White House meeting, aid stopped.", []want{{"February 28", "2025-02-28", D, p, 0}}},
		{"closest occurrence back", "The program expired on September 30.", []want{{"September 30", "2024-09-30", D, p, 0}}},
		{"explicit future overrides closeness", "The talks will resume on January 5.", []want{{"January 5", "2026-01-05", D, p, 0}}},
		{"closest occurrence across new year", "Shelling resumed on December 28.", []want{{"December 28", "2024-12-28", D, p, 0}}},
		{"weekday with date", "It began on Wednesday, March 19, 2025, at dawn.", []want{{"Wednesday, March 19, 2025", "2025-03-19", D, a, 0}}},
		{"weekday with parenthesised date", "The swap happened on Wednesday (March 19) near Sumy.", []want{{"Wednesday (March 19)", "2025-03-19", D, p, 0}}},
		{"photo caption", "Putin and Trump in Osaka, Japan, June 28, 2019. /CFP", []want{{"June 28, 2019", "2019-06-28", D, a, 0}}},

		// Months without a day.
		{"early month ahead", "Exports will recover in early April.", []want{{"early April", "2025-04", M, p, 0}}},
		{"late month", "A heated clash in late February ended the talks.", []want{{"late February", "2025-02", M, p, 0}}},
		{"mid month", "Fighting intensified in mid-March.", []want{{"mid-March", "2025-03", M, p, 0}}},
		{"in month", "Since the inauguration in January, prices rose.", []want{{"January", "2025-01", M, p, 0}}},
		{"end of month", "The offer expires at the end of March.", []want{{"end of March", "2025-03", M, p, 0}}},
		{"month last year", "Ukraine attacked in August last year.", []want{{"August last year", "2024-08", M, p, 0}}},
		{"last May", "The two leaders last met last May.", []want{{"last May", "2024-05", M, p, 0}}},
		{"next May", "Elections are due next May.", []want{{"next May", "2025-05", M, p, 0}}},
		{"month range", "Output fell from January to March.", []want{{"January", "2025-01", M, p, 0}, {"March", "2025-03", M, p, 0}}},

		// Years.
		{"in year", "Russia invaded Ukraine in 2022.", []want{{"2022", "2022", Y, a, 0}}},
		{"since year", "Crimea has been occupied since 2014.", []want{{"2014", "2014", Y, a, 0}}},
		{"by year", "The plant should close by 2030.", []want{{"2030", "2030", Y, a, 0}}},
		{"mid year", "Production resumes in mid-2024, officials said.", []want{{"mid-2024", "2024", Y, a, 0}}},
		{"year as modifier", "He won the 2016 presidential election.", []want{{"2016", "2016", Y, a, 0}}},
		{"year range", "Prices doubled between 2019 and 2022.", []want{{"2019", "2019", Y, a, 0}, {"2022", "2022", Y, a, 0}}},
		{"thousands separator is no year", "They took an estimated 1,300 square kilometers.", nil},
		{"count is no year", "The ministry sent 2025 troops to the border.", nil},
		{"decade is no year", "Relations were warmer in the 1990s.", nil},

		// Words that look like dates.
		{"modal may", "Officials said Russia may agree, and May could still veto it.", nil},
		{"march as noun", "The March on Washington drew crowds; protesters march on.", nil},
		{"surname may", "Theresa May met Merkel on Sept. 11 in Berlin.", []want{{"Sept. 11", "2024-09-11", D, p, 0}}},
		{"newspaper", "The Sunday Times reported the leak.", nil},
		{"shopping day", "Black Friday sales slumped.", nil},
		{"time alone", "The strike hit at 10:30 p.m. local time.", nil},
		{"duration in", "It was the first time in two years that they met.", nil},

		// Weekdays and tense.
		{"past weekday", "Trump and Putin held talks on Tuesday.", []want{{"Tuesday", "2025-03-18", D, p, 0}}},
		{"publication weekday", "Russia and Ukraine are set to exchange 175 prisoners of war each on Wednesday.", []want{{"Wednesday", "2025-03-19", D, p, 0}}},
		{"set to ahead", "The two sides are set to exchange prisoners on Friday.", []want{{"Friday", "2025-03-21", D, p, 0}}},
		{"past Friday", "The exchange took place on Friday.", []want{{"Friday", "2025-03-14", D, p, 0}}},
		{"will", "Talks will resume on Monday.", []want{{"Monday", "2025-03-24", D, p, 0}}},
		{"said then would", "He said on Monday that talks would resume on Thursday.", []want{{"Monday", "2025-03-17", D, p, 0}, {"Thursday", "2025-03-20", D, p, 0}}},
		{"evening", "Zelenskyy, speaking via Zoom Tuesday evening, called it a step.", []want{{"Tuesday evening", "2025-03-18", D, p, 0}}},
		{"morning", "Officials met Monday morning.", []want{{"Monday morning", "2025-03-17", D, p, 0}}},
		{"night", "Drones struck Kyiv on Sunday night.", []want{{"Sunday night", "2025-03-16", D, p, 0}}},
		{"last weekday", "Talks collapsed last Friday.", []want{{"last Friday", "2025-03-14", D, p, 0}}},
		{"last same weekday", "They met last Wednesday.", []want{{"last Wednesday", "2025-03-12", D, p, 0}}},
		{"next weekday", "They meet again next Tuesday.", []want{{"next Tuesday", "2025-03-25", D, p, 0}}},
		{"scheduled", "The vote is scheduled for Saturday.", []want{{"Saturday", "2025-03-22", D, p, 0}}},
		{"expected to", "A ruling is expected to come on Sunday.", []want{{"Sunday", "2025-03-23", D, p, 0}}},
		{"plans to", "He plans to travel to Kyiv on Thursday.", []want{{"Thursday", "2025-03-20", D, p, 0}}},
		{"passive after a modal", "The vote will be held on Friday.", []want{{"Friday", "2025-03-21", D, p, 0}}},
		{"verb after a modal", "The strike will last until Friday.", []want{{"Friday", "2025-03-21", D, p, 0}}},
		{"possessive weekday", "Trump's Tuesday call lasted two hours.", []want{{"Tuesday", "2025-03-18", D, p, 0}}},
		{"said weekday", "The idea is correct, he said Thursday.", []want{{"Thursday", "2025-03-13", D, p, 0}}},

		// Relative to publication.
		{"today", "Witkoff said today that a deal was close.", []want{{"today", "2025-03-19", D, p, 0}}},
		{"yesterday and tomorrow", "Talks stalled yesterday but resume tomorrow.", []want{{"yesterday", "2025-03-18", D, p, 0}, {"tomorrow", "2025-03-20", D, p, 0}}},
		{"day before yesterday", "It rained the day before yesterday.", []want{{"the day before yesterday", "2025-03-17", D, p, 0}}},
		{"last night", "Drones hit the city last night.", []want{{"last night", "2025-03-18", D, p, 0}}},
		{"this morning", "The minister resigned this morning.", []want{{"this morning", "2025-03-19", D, p, 0}}},
		{"weeks", "Officials met last week; more talks come next week and this week.", []want{
			{"last week", "2025-W11", W, p, 0}, {"next week", "2025-W13", W, p, 0}, {"this week", "2025-W12", W, p, 0}}},
		{"months", "Exports fell last month and will rise next month.", []want{{"last month", "2025-02", M, p, 0}, {"next month", "2025-04", M, p, 0}}},
		{"earlier this month", "Delegations met in Saudi Arabia earlier this month.", []want{{"earlier this month", "2025-03", M, p, 0}}},
		{"years", "Growth slowed last year and should recover next year.", []want{{"last year", "2024", Y, p, 0}, {"next year", "2026", Y, p, 0}}},
		{"earlier this year", "The law passed earlier this year.", []want{{"earlier this year", "2025", Y, p, 0}}},
		{"days ago", "The offensive began three days ago.", []want{{"three days ago", "2025-03-16", D, p, 0}}},
		{"weeks ago", "The truce collapsed two weeks ago.", []want{{"two weeks ago", "2025-W10", W, p, 0}}},
		{"years ago", "Russia invaded its neighbor three years ago.", []want{{"three years ago", "2022", Y, p, 0}}},
		{"a year ago", "Prices were lower a year ago.", []want{{"a year ago", "2024", Y, p, 0}}},
		{"in two weeks", "The ceasefire will be reviewed in two weeks.", []want{{"in two weeks", "2025-W14", W, p, 0}}},
		{"earlier in the day", "Witkoff said on Monday that the call lasted two hours earlier in the day.", []want{
			{"Monday", "2025-03-17", D, p, 0}, {"earlier in the day", "2025-03-17", D, p, 0}}},
		{"next day", "On Monday he flew to Riyadh. He met the crown prince the next day.", []want{
			{"Monday", "2025-03-17", D, p, 0}, {"the next day", "2025-03-18", D, p, 0}}},
		{"day after absolute", "Troops crossed on March 3, 2025. The day after, the bridge fell.", []want{
			{"March 3, 2025", "2025-03-03", D, a, 0}, {"The day after", "2025-03-04", D, a, 0}}},
		{"context stops at a paragraph break", "The bridge fell late Monday.\nBerger, who flew over the area earlier in the day, said aid was coming.", []want{
			{"late Monday", "2025-03-17", D, p, 0}, {"earlier in the day", "2025-03-19", D, p, 0}}},
		{"context without earlier day", "Later in the day, the Kremlin issued a readout.", []want{{"Later in the day", "2025-03-19", D, p, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, tt.text, Find(tt.text, pub), tt.want)
		})
	}
}

// check compares found dates with the expected ones, span by span.
func check(t *testing.T, text string, got []parallax.Date, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Errorf("got %d dates, want %d: %s", len(got), len(wants), describe(text, got))
		return
	}
	for k, w := range wants {
		g := got[k]
		start := nthIndex(text, w.sub, w.n)
		if start < 0 {
			t.Fatalf("test bug: %q not in text", w.sub)
		}
		wantSpan := parallax.Span{Start: start, End: start + len(w.sub)}
		if g.Span != wantSpan || ISO(g) != w.iso || g.Granularity != w.gran || g.Anchor != w.anchor {
			t.Errorf("date %d = %q %s %s %s, want %q %s %s %s", k,
				text[g.Span.Start:g.Span.End], ISO(g), g.Granularity, g.Anchor, w.sub, w.iso, w.gran, w.anchor)
		}
	}
}

func nthIndex(s, sub string, n int) int {
	off := 0
	for {
		k := strings.Index(s[off:], sub)
		if k < 0 {
			return -1
		}
		if n == 0 {
			return off + k
		}
		n--
		off += k + len(sub)
	}
}

func describe(text string, ds []parallax.Date) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("[" + text[d.Span.Start:d.Span.End] + " " + ISO(d) + " " + string(d.Granularity) + " " + d.Anchor + "] ")
	}
	return b.String()
}

func TestFindUnpublished(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"weekday written with its date", "The exchange is set for Wednesday, March 19. Officials held talks on Tuesday.", []want{
			{"Wednesday, March 19", "2025-03-19", D, i, 0}, {"Tuesday", "2025-03-18", D, i, 0}}},
		{"written year bounds the cycle", "The war began in 2014. On Wednesday, March 19, prisoners were swapped.", []want{
			{"2014", "2014", Y, a, 0}, {"Wednesday, March 19", "2014-03-19", D, i, 0}}},
		{"latest year written wins", "The war began in 2022. On Wednesday, March 19, prisoners were swapped. Talks were held last week.", []want{
			{"2022", "2022", Y, a, 0}, {"Wednesday, March 19", "2025-03-19", D, i, 0}, {"last week", "2025-W11", W, i, 0}}},
		{"same event in two sentences",
			"Russia and Ukraine will exchange 175 prisoners of war on Wednesday, the Kremlin said. Putin spoke to Trump on Tuesday.\n\n" +
				"The swap of 175 prisoners of war on March 19 was confirmed by Kyiv.", []want{
				{"Wednesday", "2025-03-19", D, i, 0}, {"Tuesday", "2025-03-18", D, i, 0}, {"March 19", "2025-03-19", D, i, 0}}},
		{"unrelated sentences give no year", "Talks were held on Tuesday. A second round is due in Jeddah on March 23.", []want{
			{"Tuesday", "", D, u, 0}, {"March 23", "", D, u, 0}}},
		{"written dates stay absolute", "On March 19, 2025, the talks began. They ended on Friday.", []want{
			{"March 19, 2025", "2025-03-19", D, a, 0}, {"Friday", "", D, u, 0}}},
		{"relative words need a reference", "Officials met last week and will meet again tomorrow.", []want{
			{"last week", "", W, u, 0}, {"tomorrow", "", D, u, 0}}},
		{"no written year takes the latest cycle up to 2030", "The exchange is set for Thursday, March 19. It follows talks on Tuesday.", []want{
			{"Thursday, March 19", "2026-03-19", D, i, 0}, {"Tuesday", "2026-03-17", D, i, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, tt.text, Find(tt.text, time.Time{}), tt.want)
		})
	}
}

func TestFindStory(t *testing.T) {
	undatedA := "Russia and Ukraine are set to exchange 175 prisoners of war each on Wednesday. " +
		"Putin and Trump held a lengthy phone call on Tuesday, the Kremlin said. Ukrainian officials met last week in Jeddah."
	undatedB := "Moscow and Kyiv are set to swap 175 prisoners from each side of the war on March 19, the Kremlin said. " +
		"The truce talks began in January."
	dated := "Moscow and Kyiv will exchange 175 prisoners of war on Wednesday, officials said."
	tests := []struct {
		name  string
		texts []string
		pubs  []time.Time
		want  [][]want
	}{
		{"weekday and month-day across reports", []string{undatedA, undatedB}, nil, [][]want{
			{{"Wednesday", "2025-03-19", D, i, 0}, {"Tuesday", "2025-03-18", D, i, 0}, {"last week", "2025-W11", W, i, 0}},
			{{"March 19", "2025-03-19", D, i, 0}, {"January", "2025-01", M, i, 0}},
		}},
		{"a dated report fixes the undated one", []string{undatedA, dated},
			[]time.Time{{}, time.Date(2025, 3, 18, 9, 0, 0, 0, time.UTC)}, [][]want{
				{{"Wednesday", "2025-03-19", D, i, 0}, {"Tuesday", "2025-03-18", D, i, 0}, {"last week", "2025-W11", W, i, 0}},
				{{"Wednesday", "2025-03-19", D, p, 0}},
			}},
		{"alone each report stays unresolved", []string{undatedA}, nil, [][]want{
			{{"Wednesday", "", D, u, 0}, {"Tuesday", "", D, u, 0}, {"last week", "", W, u, 0}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindStory(tt.texts, tt.pubs)
			if len(got) != len(tt.texts) {
				t.Fatalf("got %d results for %d texts", len(got), len(tt.texts))
			}
			for k := range tt.texts {
				check(t, tt.texts[k], got[k], tt.want[k])
			}
		})
	}
}

func TestISO(t *testing.T) {
	tests := []struct {
		name string
		d    parallax.Date
		want string
	}{
		{"day", parallax.Date{Value: day(2025, 3, 19), Granularity: D}, "2025-03-19"},
		{"month", parallax.Date{Value: day(2025, 3, 1), Granularity: M}, "2025-03"},
		{"year", parallax.Date{Value: day(2025, 1, 1), Granularity: Y}, "2025"},
		{"week", parallax.Date{Value: day(2025, 3, 17), Granularity: W}, "2025-W12"},
		{"week across new year", parallax.Date{Value: day(2024, 12, 30), Granularity: W}, "2025-W01"},
		{"unresolved", parallax.Date{Granularity: D, Anchor: Unresolved}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ISO(tt.d); got != tt.want {
				t.Errorf("ISO = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPublishedTimeZone checks that the publication date is read in its
// own time zone: late evening in New York is still that day there.
func TestPublishedTimeZone(t *testing.T) {
	ny := time.FixedZone("EDT", -4*3600)
	got := Find("The talks ended today.", time.Date(2025, 3, 18, 22, 0, 0, 0, ny))
	if len(got) != 1 || ISO(got[0]) != "2025-03-18" {
		t.Errorf("got %s, want 2025-03-18", describe("The talks ended today.", got))
	}
}
