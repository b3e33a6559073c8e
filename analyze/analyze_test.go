package analyze

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
)

const body = `PORT ELDEN — Harbor officials said on Monday that a storm damaged two piers and forced the evacuation of about 400 people from the waterfront.

“We have never seen water this high in the old harbor,” harbor master Anna Berg told reporters.

(Photo: 12 boats sank at their moorings / Harbor Times)

The city council will meet on Thursday to discuss repairs, according to Mayor Jon Hale.`

func TestArticle(t *testing.T) {
	a := &parallax.Article{ID: "t1", Source: "Harbor Times", Body: body,
		Published: time.Date(2026, 2, 3, 9, 0, 0, 0, time.UTC)} // a Tuesday
	d := Article(a)

	if len(d.Boilerplate) != 1 || !strings.HasPrefix(d.Slice(d.Boilerplate[0]), "(Photo:") {
		t.Errorf("boilerplate = %v, want the photo credit", spans(d, d.Boilerplate))
	}
	if len(d.Sentences) != 3 {
		t.Errorf("got %d sentences, want 3: %v", len(d.Sentences), sentences(d))
	}
	// The caption's "12 boats" must not become a quantity.
	for _, q := range d.Quantities {
		if strings.Contains(d.Slice(q.Span), "boats") {
			t.Errorf("quantity %q from a caption", d.Slice(q.Span))
		}
	}
	var found bool
	for _, q := range d.Quantities {
		if strings.Contains(d.Slice(q.Span), "400") && q.Value.Lo < 400 && q.Value.Hi > 400 {
			found = true
		}
	}
	if !found {
		t.Errorf("no 'about 400 people' interval among %v", d.Quantities)
	}
	names := map[string]bool{}
	for _, e := range d.Entities {
		names[e.Name] = true
	}
	for _, n := range []string{"Anna Berg", "Jon Hale"} {
		if !names[n] {
			t.Errorf("entity %q missing; have %v", n, names)
		}
	}
	var direct *parallax.Quote
	for i, q := range d.Quotes {
		if q.Kind == parallax.Direct {
			direct = &d.Quotes[i]
		}
	}
	if direct == nil || direct.Speaker < 0 || d.Entities[direct.Speaker].Name != "Anna Berg" {
		t.Errorf("quotes = %+v, want a direct quote by Anna Berg", d.Quotes)
	}
	days := map[string]bool{}
	for _, dt := range d.Dates {
		days[dt.Value.Format("2006-01-02")] = true
	}
	if !days["2026-02-02"] || !days["2026-02-05"] {
		t.Errorf("dates = %v, want Monday 2026-02-02 (past) and Thursday 2026-02-05 (future: 'will meet')", days)
	}
	if len(d.Claims) == 0 {
		t.Fatal("no claims")
	}
	checkSpans(t, d)
}

// checkSpans asserts the invariants every stage promises: spans inside
// the text on rune boundaries, and the offset map pointing back at the
// same words in the original body.
func checkSpans(t *testing.T, d *parallax.Document) {
	t.Helper()
	ok := func(s parallax.Span) bool {
		return 0 <= s.Start && s.Start <= s.End && s.End <= len(d.Text) &&
			utf8.RuneStart(d.Text[min(s.Start, len(d.Text)-1)])
	}
	for _, s := range d.Sentences {
		if !ok(s.Span) {
			t.Errorf("bad sentence span %v", s.Span)
			continue
		}
		// The first word of every sentence is found at the mapped offset
		// in the original.
		word := strings.Fields(d.Slice(s.Span))[0]
		orig := d.Offsets.Original(s.Span.Start)
		if !strings.HasPrefix(d.Article.Body[orig:], strings.Trim(word, `"`)) &&
			!strings.HasPrefix(d.Article.Body[orig:], "“") {
			t.Errorf("sentence %q maps to original %q", word, d.Article.Body[orig:min(orig+20, len(d.Article.Body))])
		}
	}
	for _, q := range d.Quantities {
		if !ok(q.Span) {
			t.Errorf("bad quantity span %v", q.Span)
		}
	}
	for _, c := range d.Claims {
		if !ok(c.Span) {
			t.Errorf("bad claim span %v", c.Span)
		}
	}
}

func spans(d *parallax.Document, ss []parallax.Span) []string {
	var out []string
	for _, s := range ss {
		out = append(out, d.Slice(s))
	}
	return out
}

func sentences(d *parallax.Document) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Slice(s.Span))
	}
	return out
}

// TestStoryInfersYear checks cross-article year inference: neither report
// has a publication date, but a weekday in one and a calendar date in the
// other fix the year.
func TestStoryInfersYear(t *testing.T) {
	docs := []*parallax.Document{
		Article(&parallax.Article{ID: "a", Body: "The two sides are set to exchange 40 detainees each on Wednesday, officials said."}),
		Article(&parallax.Article{ID: "b", Body: "The two sides will exchange 40 detainees each on March 19, officials said."}),
	}
	Story(docs)
	for _, d := range docs {
		if len(d.Dates) != 1 {
			t.Fatalf("%s: dates = %+v", d.Article.ID, d.Dates)
		}
		if got := d.Dates[0].Value.Format("2006-01-02"); d.Dates[0].Value.Weekday() != time.Wednesday || got[5:] != "03-19" {
			t.Errorf("%s: date = %s, want a Wednesday March 19", d.Article.ID, got)
		}
	}
}

func BenchmarkArticle(b *testing.B) {
	arts, problems := input.Load([]string{"../examples/kessling-fire"}, nil, input.Defaults{})
	if len(problems) > 0 || len(arts) == 0 {
		b.Fatalf("load: %v", problems)
	}
	size := 0
	for _, a := range arts {
		size += len(a.Body)
	}
	b.SetBytes(int64(size / len(arts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Article(arts[i%len(arts)])
	}
}
