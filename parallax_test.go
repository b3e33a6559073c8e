package parallax

import (
	"encoding/json"
	"math"
	"testing"
)

func TestSpanJSON(t *testing.T) {
	b, err := json.Marshal(Span{3, 17})
	if err != nil || string(b) != "[3,17]" {
		t.Fatalf("Marshal = %s, %v; want [3,17]", b, err)
	}
	var s Span
	if err := json.Unmarshal([]byte("[5, 9]"), &s); err != nil || s != (Span{5, 9}) {
		t.Fatalf("Unmarshal = %+v, %v", s, err)
	}
	if err := json.Unmarshal([]byte(`{"start":1}`), &s); err == nil {
		t.Error("Unmarshal of an object: want an error")
	}
}

func TestSpanRelations(t *testing.T) {
	a := Span{10, 20}
	for _, tc := range []struct {
		name               string
		b                  Span
		contains, overlaps bool
	}{
		{"inside", Span{12, 15}, true, true},
		{"equal", Span{10, 20}, true, true},
		{"straddles end", Span{15, 25}, false, true},
		{"touches end", Span{20, 25}, false, false},
		{"before", Span{0, 10}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := a.Contains(tc.b); got != tc.contains {
				t.Errorf("Contains = %v", got)
			}
			if got := a.Overlaps(tc.b); got != tc.overlaps {
				t.Errorf("Overlaps = %v", got)
			}
		})
	}
}

func TestIntervalIntersects(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		name string
		a, b Interval
		want bool
	}{
		// The seed reports: 90 minutes against more than two hours.
		{"90 vs more than 120", Exact(90), Interval{Lo: 120, Hi: inf, LoOpen: true}, false},
		{"at least 90 vs 150", Interval{Lo: 90, Hi: inf}, Exact(150), true},
		{"at least 90 vs 90", Interval{Lo: 90, Hi: inf}, Exact(90), true},
		{"more than 90 vs 90", Interval{Lo: 90, Hi: inf, LoOpen: true}, Exact(90), false},
		{"about 3000 vs 3100", Interval{Lo: 2700, Hi: 3300}, Exact(3100), true},
		{"up to 10 vs 10 open", Interval{Lo: 0, Hi: 10, HiOpen: true}, Exact(10), false},
		{"disjoint", Exact(1200), Interval{Lo: 2700, Hi: 3300}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.a.Intersects(tc.b); got != tc.want {
				t.Errorf("a∩b = %v, want %v", got, tc.want)
			}
			if got := tc.b.Intersects(tc.a); got != tc.want {
				t.Errorf("b∩a = %v, want %v (must be symmetric)", got, tc.want)
			}
		})
	}
	if !(Interval{Lo: 1, Hi: inf}).Unbounded() || Exact(3).Unbounded() {
		t.Error("Unbounded is wrong")
	}
}

func TestOffsetMapOriginal(t *testing.T) {
	// Original "a  b“c”" normalized to "a b\"c\"": the double space
	// collapses at 1, and the 3-byte curly quotes become 1 byte.
	m := OffsetMap{Norm: []int{2, 4, 5, 6}, Orig: []int{3, 8, 9, 12}}
	for _, tc := range []struct{ norm, want int }{
		{0, 0}, {1, 1}, {2, 3}, {3, 4}, {4, 8}, {5, 9}, {6, 12}, {7, 13},
	} {
		if got := m.Original(tc.norm); got != tc.want {
			t.Errorf("Original(%d) = %d, want %d", tc.norm, got, tc.want)
		}
	}
	if got := (OffsetMap{}).Original(7); got != 7 {
		t.Errorf("empty map: Original(7) = %d, want 7", got)
	}
}

func TestDocumentSentenceAtAndSlice(t *testing.T) {
	d := &Document{
		Text:      "One two. Three four.\n\nFive.",
		Sentences: []Sentence{{Span: Span{0, 8}}, {Span: Span{9, 20}}, {Span: Span{22, 27}, Paragraph: 1}},
	}
	for _, tc := range []struct{ off, want int }{{0, 0}, {7, 0}, {8, -1}, {9, 1}, {19, 1}, {21, -1}, {22, 2}, {30, -1}} {
		if got := d.SentenceAt(tc.off); got != tc.want {
			t.Errorf("SentenceAt(%d) = %d, want %d", tc.off, got, tc.want)
		}
	}
	if got := d.Slice(Span{9, 20}); got != "Three four." {
		t.Errorf("Slice = %q", got)
	}
	if got := d.Slice(Span{-3, 100}); got != d.Text {
		t.Errorf("clamped Slice = %q", got)
	}
	if got := d.Slice(Span{5, 2}); got != "" {
		t.Errorf("reversed Slice = %q", got)
	}
}

func TestSpanUnmarshalMatchesJSON(t *testing.T) {
	for _, in := range []string{
		"[1,2]", "[0,0]", " [ 12 ,\n 34 ] ", "[-3,4]", "[\n      7,\n      9\n    ]",
		"[1,2,3]", "[1]", "[01,2]", "[1.5,2]", "[1e2,3]", "[1,2", "null", `["1",2]`, "[]",
		"[99999999999999999999,1]", "[-,1]", "[1,2]x",
	} {
		var want [2]int
		wantErr := json.Unmarshal([]byte(in), &want) != nil
		var got Span
		err := got.UnmarshalJSON([]byte(in))
		if (err != nil) != wantErr {
			t.Errorf("%q: error %v, encoding/json error %v", in, err, wantErr)
			continue
		}
		if err == nil && (got.Start != want[0] || got.End != want[1]) {
			t.Errorf("%q = %v, encoding/json reads %v", in, got, want)
		}
	}
}

func FuzzSpanUnmarshal(f *testing.F) {
	for _, s := range []string{"[1,2]", " [ 12 ,\n 34 ] ", "[-3,4]", "[01,2]", "[1.5,2]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var want [2]int
		wantErr := json.Unmarshal([]byte(in), &want) != nil
		var got Span
		err := got.UnmarshalJSON([]byte(in))
		if (err != nil) != wantErr || (err == nil && (got.Start != want[0] || got.End != want[1])) {
			t.Errorf("%q: got %v (%v), encoding/json %v (error %v)", in, got, err, want, wantErr)
		}
	})
}
