package reconcile

import "testing"

func TestPredicate(t *testing.T) {
	for _, tc := range []struct {
		name, text, after string // after: the word the quantity ends on
		want              string
	}{
		{"long subject with list", "Some 3,000 residents of the Lower Quay, Millbrook and Station districts were evacuated as smoke spread.", "residents", "evacuate"},
		{"adjacent", "About 3,000 people were evacuated from their homes.", "people", "evacuate"},
		{"have been", "Twelve workers have been hospitalized.", "workers", "hospitalize"},
		{"no auxiliary", "The plant employs 340 people in three shifts.", "people", ""},
		{"stops at semicolon", "Some 40 trucks arrived; others were turned back.", "trucks", ""},
		{"too far", "About 3,000 people from the villages on the northern bank of the river near the old mill were evacuated.", "people", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newStemmer()
			ws := words(tc.text, 0, len(tc.text))
			last := -1
			for i, w := range ws {
				if w.text == tc.after {
					last = i
					break
				}
			}
			if last < 0 {
				t.Fatalf("word %q not in text", tc.after)
			}
			var cs []concept
			st.contentWords(ws, func(int, int) bool { return false }, func(c string, at int, w float64) {
				cs = append(cs, concept{c, at})
			})
			got, _ := predicate(tc.text, ws, cs, last)
			if got != tc.want {
				t.Errorf("predicate = %q, want %q", got, tc.want)
			}
		})
	}
}
