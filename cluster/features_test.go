package cluster

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"words and punctuation", "Fire hits Kessling, officials say.", []string{"Fire", "hits", "Kessling", "officials", "say"}},
		{"apostrophes inside words", "the union's offer wasn't 'final'", []string{"the", "union's", "offer", "wasn't", "final"}},
		{"typographic apostrophe", "Reid\u2019s rep", []string{"Reid\u2019s", "rep"}},
		{"decimal and thousands", "a 7.2 quake, 1,200 evacuated.", []string{"a", "7.2", "quake", "1,200", "evacuated"}},
		{"hyphen splits", "court-mandated rehab", []string{"court", "mandated", "rehab"}},
		{"unicode letters", "Wiśniewski in Zürich", []string{"Wiśniewski", "in", "Zürich"}},
		{"ECB+ tokenization", "Reid 's rep `` said ''", []string{"Reid", "s", "rep", "said"}},
		{"empty", "", nil},
		{"punctuation only", " -- ... ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Tokens(tt.text) {
				got = append(got, tt.text[s.Start:s.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
	if got, want := Tokens("Port of Vellmar"), []parallax.Span{{Start: 0, End: 4}, {Start: 5, End: 7}, {Start: 8, End: 15}}; !slices.Equal(got, want) {
		t.Errorf("spans = %v, want %v", got, want)
	}
}

// counts returns the features of an input as a map from a readable name to
// count, for the names asked about.
func counts(in Input, words, entities []string) map[string]float32 {
	m := map[string]float32{}
	for _, tm := range in.Terms {
		for _, w := range words {
			if tm.ID == wordID(w) {
				m[w] = tm.Count
			}
		}
		for _, e := range entities {
			if tm.ID == entityID(e) {
				m["E:"+e] = tm.Count
			}
		}
	}
	return m
}

func TestFeatures(t *testing.T) {
	tests := []struct {
		name     string
		title    string
		text     string
		entities []string
		words    []string // stems asked about
		ents     []string // entity keys asked about
		want     map[string]float32
	}{
		{
			name:  "stems, stop words dropped, title counts double",
			title: "Strikes halt port",
			text:  "The dockers said the strike halted the port.",
			words: []string{"strike", "halt", "port", "docker", "the", "said"},
			want:  map[string]float32{"strike": 3, "halt": 3, "port": 3, "docker": 1},
		},
		{
			name:  "proper names found by capitals, not at sentence start",
			text:  "Police in Vellmar said Oosterhuis spoke. Police left.",
			words: []string{"polic", "vellmar"},
			ents:  []string{"vellmar", "oosterhuis", "police"},
			want:  map[string]float32{"polic": 2, "vellmar": 1, "E:vellmar": 1, "E:oosterhuis": 1},
		},
		{
			name:     "given entity keys replace capitalization",
			text:     "Police in Vellmar said Zelenskyy spoke.",
			entities: []string{"zelensky", "Zelensky ", "vellmar"},
			ents:     []string{"zelensky", "vellmar", "police"},
			want:     map[string]float32{"E:zelensky": 2, "E:vellmar": 1},
		},
		{
			name:     "empty entity list means no entity terms",
			text:     "Police in Vellmar said Oosterhuis spoke.",
			entities: []string{},
			ents:     []string{"vellmar", "oosterhuis"},
			want:     map[string]float32{},
		},
		{
			name:  "numbers kept, single characters and possessives dropped",
			text:  "A 7.2 quake hit the union's 3 depots.",
			words: []string{"7.2", "union", "3", "depot"},
			want:  map[string]float32{"7.2": 1, "union": 1, "depot": 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Features(tt.title, tt.text, tt.entities)
			got := counts(in, tt.words, tt.ents)
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s: got %v, want %v (all: %v)", k, got[k], v, got)
				}
			}
			if !slices.IsSortedFunc(in.Terms, func(a, b Term) int { return cmpUint32(a.ID, b.ID) }) {
				t.Error("terms not sorted by id")
			}
		})
	}
}

func TestFeaturizerCacheMatchesFresh(t *testing.T) {
	fz := NewFeaturizer()
	for _, text := range []string{benchArticle, "Strikes halt the port again.", benchArticle} {
		a, b := fz.Features(benchTitle, text, nil), Features(benchTitle, text, nil)
		if !slices.Equal(a.Terms, b.Terms) || !slices.Equal(a.Sketch, b.Sketch) {
			t.Fatalf("cached and fresh features differ for %.30q", text)
		}
	}
}

func FuzzFeatures(f *testing.F) {
	for _, s := range []string{"", "Fire hits Kessling, officials say.", "Reid\u2019s 7.2 \xff\xfe", benchArticle[:400], "a'b 1,2.3 ''", "İstanbul ǅ"} {
		f.Add("A headline", s)
	}
	f.Fuzz(func(t *testing.T, title, text string) {
		in := Features(title, text, nil)
		if !slices.IsSortedFunc(in.Terms, func(a, b Term) int { return cmpUint32(a.ID, b.ID) }) {
			t.Fatal("terms not sorted")
		}
		for _, tm := range in.Terms {
			if tm.Count <= 0 {
				t.Fatalf("term %x with count %v", tm.ID, tm.Count)
			}
		}
		if in.Sketch != nil && len(in.Sketch) != SketchSize {
			t.Fatalf("sketch of %d values", len(in.Sketch))
		}
		for _, s := range Tokens(text) {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("bad span %v in %d bytes", s, len(text))
			}
		}
		// Whatever the text, the clusterer takes it.
		c := New(Config{})
		in.ID = "x"
		c.Add(in)
		c.Add(in)
	})
}

// FuzzAdd feeds the clusterer hand-made inputs: unsorted and repeated
// term ids, odd counts, short sketches, times going backwards.
func FuzzAdd(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8}, int64(0), uint8(64))
	f.Add([]byte("\xff\xff\xff\xff\x00\x00\x80\x7f"), int64(-1e18), uint8(3))
	f.Fuzz(func(t *testing.T, raw []byte, at int64, sketch uint8) {
		c := New(Config{Window: time.Hour, DocTerms: 4, StoryTerms: 6, Candidates: 2})
		for round := range 3 {
			var in Input
			for i := 0; i+8 <= len(raw); i += 8 {
				id := uint32(raw[i]) | uint32(raw[i+1])<<8 | uint32(raw[i+2])<<16 | uint32(raw[i+3])<<24
				cnt := math.Float32frombits(uint32(raw[i+4]) | uint32(raw[i+5])<<8 | uint32(raw[i+6])<<16 | uint32(raw[i+7])<<24)
				in.Terms = append(in.Terms, Term{ID: id, Count: cnt})
			}
			in.Sketch = make([]uint32, int(sketch)%(SketchSize+2))
			in.ID = fmt.Sprint(round)
			in.Time = time.Unix(0, at-int64(round)*int64(time.Hour))
			r := c.Add(in)
			if r.Story == "" || r.Origin == "" || math.IsNaN(r.Similarity) {
				t.Fatalf("round %d: %+v", round, r)
			}
		}
	})
}
