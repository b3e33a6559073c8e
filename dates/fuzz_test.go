package dates

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// FuzzFind checks that any text yields sorted, in-range, non-overlapping
// spans and that Value is zero exactly when the date is unresolved.
func FuzzFind(f *testing.F) {
	seeds := []string{
		"Trump and Putin held talks on Tuesday.",
		"It began on Wednesday, March 19, 2025, at dawn.",
		"The form was filed on 3/19/2025 and 2025-02-30 and 31.12.2024.",
		"in mid-2024, in early April, the end of March, August last year",
		"the day before yesterday, earlier in the day, three years ago, in two weeks",
		"Wednesday (March 19) 19th of March Mar. 19, 1,300 2025 troops",
		"May 31st\nJune\n2019:\nFebruary 29, 2023",
		"\xff\xfeMarch 1\u00e9 Tuesday's",
		"from March 3 to 5, between 4 and 22 this month, November 19-20, 2014-18, from 10/25 to 01/25",
		"the third week of this month, the last week of July, Q3 2016, 2016H2, the first half of next year",
		"this weekend, at the weekend, the 1990s, the '80s, the seventies, the 21st century, week 10",
		"within 1 year and 2 months, for 3 days from Friday, two weeks starting Monday, less than 2 weeks from today",
		"Friday the 13th, the first Friday of April, the 20th of next month, on the 27th, on 15",
		"nineteen seventy-eight, September 10, two thousand, 2019-sep-1, 16. Nov. 2016, 3/19/25, 08/12,2015",
		"next week between Wednesday and Friday, this week from Tue to Thur, Wed, 22 of Jan, 2 years 1 month ago",
	}
	for _, s := range seeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, published bool) {
		var ref time.Time
		if published {
			ref = pub
		}
		checkDates(t, text, Find(text, ref))
		checkPeriods(t, text, Periods(text, ref))
		// Split in two reports of one story, one of them maybe dated.
		half := len(text) / 2
		texts := []string{text[:half], text[half:]}
		for k, ds := range FindStory(texts, []time.Time{{}, ref}) {
			checkDates(t, texts[k], ds)
		}
	})
}

func checkDates(t *testing.T, text string, ds []parallax.Date) {
	t.Helper()
	prev := 0
	for _, d := range ds {
		if d.Span.Start < prev || d.Span.Start >= d.Span.End || d.Span.End > len(text) {
			t.Fatalf("bad span %v after %d in %q", d.Span, prev, text)
		}
		prev = d.Span.End
		if d.Value.IsZero() != (d.Anchor == Unresolved) {
			t.Fatalf("value %v with anchor %q", d.Value, d.Anchor)
		}
		if (ISO(d) == "") != d.Value.IsZero() {
			t.Fatalf("ISO %q for value %v", ISO(d), d.Value)
		}
		switch d.Granularity {
		case D, W, M, Y:
		default:
			t.Fatalf("granularity %q", d.Granularity)
		}
	}
}

// checkPeriods checks that periods are sorted, in range, non-overlapping,
// non-empty when resolved, and zero exactly when unresolved.
func checkPeriods(t *testing.T, text string, ps []Period) {
	t.Helper()
	prev := 0
	for _, p := range ps {
		if p.Span.Start < prev || p.Span.Start >= p.Span.End || p.Span.End > len(text) {
			t.Fatalf("bad span %v after %d in %q", p.Span, prev, text)
		}
		prev = p.Span.End
		if p.Start.IsZero() != (p.Anchor == Unresolved) || p.Start.IsZero() != p.End.IsZero() {
			t.Fatalf("period %v..%v with anchor %q", p.Start, p.End, p.Anchor)
		}
		if !p.Start.IsZero() && !p.End.After(p.Start) {
			t.Fatalf("empty period %v..%v for %q", p.Start, p.End, text[p.Span.Start:p.Span.End])
		}
	}
}
