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
