package cluster

import (
	"fmt"
	"testing"
	"time"
)

// Two stories told in several short reports each, written for these tests.
var (
	strikeReports = []string{
		"Dock workers at the port of Vellmar walked out on Tuesday after pay talks collapsed, union leader Marta Oosterhuis said. Container ships are waiting at anchor off Vellmar as the dock strike halts the port.",
		"The Vellmar dock strike entered its second day as the Harbour Workers' Union rejected a 3.5 percent pay offer. Oosterhuis said dock workers would stay out until the port employers improve the pay offer.",
		"Freight forwarders rerouted cargo away from Vellmar as the dock strike at the port continued. The port employers called the pay demands of Oosterhuis and the Harbour Workers' Union unrealistic.",
		"Economy Minister Hans Kuiper offered a mediator to end the Vellmar dock strike. Oosterhuis welcomed the offer but said the pay dispute at the port was not over and dock workers would not return yet.",
	}
	floodReports = []string{
		"Flooding forced hundreds of families from their homes in the Arnhold valley after three days of rain. Soldiers filled sandbags along the Arnhold dikes as the river rose.",
		"The river in Arnhold rose to a record level and the water board opened two reservoirs to relieve the Arnhold dikes, board chairman Erik Vos said. More families left their homes as flooding spread.",
		"Evacuated families in Arnhold spent a second night in shelters as flooding covered farmland along the river. Vos said the Arnhold dikes were holding despite the rain.",
		"Rain eased over the Arnhold valley but the flood crest was still moving down the river, and soldiers with sandbags stayed on the dikes, Vos said. Families were told not to return to their homes yet.",
	}
)

type arrival struct {
	id   string
	text string
	at   time.Duration // after the stream's start
}

func feed(c *Clusterer, arrivals []arrival) map[string]Result {
	start := time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
	out := map[string]Result{}
	for _, a := range arrivals {
		in := Features("", a.text, nil)
		in.ID, in.Time = a.id, start.Add(a.at)
		out[a.id] = c.Add(in)
	}
	return out
}

func TestClusterHandMade(t *testing.T) {
	interleaved := func() []arrival {
		var as []arrival
		for i := range strikeReports {
			as = append(as,
				arrival{fmt.Sprintf("strike%d", i), strikeReports[i], time.Duration(2*i) * time.Hour},
				arrival{fmt.Sprintf("flood%d", i), floodReports[i], time.Duration(2*i+1) * time.Hour})
		}
		return as
	}
	tests := []struct {
		name     string
		cfg      Config
		arrivals []arrival
		same     [][]string // groups that must share a story
		apart    [][2]string
		newStory []string // articles that must start a story
	}{
		{
			name:     "two interleaved stories stay apart",
			arrivals: interleaved(),
			same:     [][]string{{"strike0", "strike1", "strike2", "strike3"}, {"flood0", "flood1", "flood2", "flood3"}},
			apart:    [][2]string{{"strike0", "flood0"}},
			newStory: []string{"strike0", "flood0"},
		},
		{
			name: "a story quiet past the window is evicted and a late report starts a new one",
			cfg:  noDecay,
			arrivals: []arrival{
				{"strike0", strikeReports[0], 0},
				{"strike3", strikeReports[3], 10 * time.Hour},
				{"flood0", floodReports[0], 50 * time.Hour},
				{"flood1", floodReports[1], 90 * time.Hour},
				{"strike1", strikeReports[1], 100 * time.Hour}, // 90h after strike3: the strike story is gone
				{"strike2", strikeReports[2], 101 * time.Hour},
			},
			same:     [][]string{{"strike0", "strike3"}, {"flood0", "flood1"}, {"strike1", "strike2"}},
			apart:    [][2]string{{"strike3", "strike1"}},
			newStory: []string{"strike0", "flood0", "strike1"},
		},
		{
			name: "a story re-activated within the window continues",
			cfg:  noDecay,
			arrivals: []arrival{
				{"strike0", strikeReports[0], 0},
				{"strike1", strikeReports[1], 60 * time.Hour},
				{"strike2", strikeReports[2], 110 * time.Hour},
			},
			same: [][]string{{"strike0", "strike1", "strike2"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feed(New(tt.cfg), tt.arrivals)
			for _, g := range tt.same {
				for _, id := range g[1:] {
					if got[id].Story != got[g[0]].Story {
						t.Errorf("%s in %s, %s in %s: want one story (sim %.3f)", g[0], got[g[0]].Story, id, got[id].Story, got[id].Similarity)
					}
				}
			}
			for _, p := range tt.apart {
				if got[p[0]].Story == got[p[1]].Story {
					t.Errorf("%s and %s both in %s", p[0], p[1], got[p[0]].Story)
				}
			}
			for _, id := range tt.newStory {
				if !got[id].New {
					t.Errorf("%s joined %s, want a new story", id, got[id].Story)
				}
			}
		})
	}
}

// noDecay turns time decay off, for tests of the window alone.
var noDecay = Config{HalfLife: 1e6 * time.Hour}

func TestTimeDecay(t *testing.T) {
	tests := []struct {
		gap  time.Duration
		join bool
	}{
		{time.Hour, true},
		{60 * time.Hour, false}, // a day-old story needs a much closer match
	}
	for _, tt := range tests {
		t.Run(tt.gap.String(), func(t *testing.T) {
			got := feed(New(Config{}), []arrival{{"a", strikeReports[0], 0}, {"b", strikeReports[1], tt.gap}})
			if joined := got["b"].Story == got["a"].Story; joined != tt.join {
				t.Errorf("joined = %v, want %v (similarity %.3f)", joined, tt.join, got["b"].Similarity)
			}
		})
	}
}

func TestEvictionStats(t *testing.T) {
	c := New(Config{Window: 24 * time.Hour})
	feed(c, []arrival{
		{"strike0", strikeReports[0], 0},
		{"strike1", strikeReports[1], time.Hour},
		{"flood0", floodReports[0], 2 * time.Hour},
	})
	if st := c.Stats(); st.ActiveStories != 2 || st.WindowArticles != 3 {
		t.Fatalf("before: %+v", st)
	}
	feed(c, []arrival{{"flood1", floodReports[1], 27 * time.Hour}}) // strike quiet 26h, flood 25h: both gone
	if st := c.Stats(); st.ActiveStories != 1 || st.WindowArticles != 1 || st.Stories != 3 {
		t.Errorf("after: %+v", st)
	}
}

func TestStoryIDsAndZeroTime(t *testing.T) {
	c := New(Config{})
	var ids []string
	for i, text := range []string{strikeReports[0], floodReports[0], strikeReports[1]} {
		in := Features("", text, nil)
		in.ID = fmt.Sprint(i)
		ids = append(ids, c.Add(in).Story)
	}
	if want := []string{"s1", "s2", "s1"}; fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("stories %v, want %v", ids, want)
	}
	// Empty input starts a story of its own and breaks nothing.
	if r := c.Add(Input{ID: "empty"}); !r.New || r.Origin != "empty" {
		t.Errorf("empty input: %+v", r)
	}
}

func TestScores(t *testing.T) {
	gold := []string{"a", "a", "a", "b", "b"}
	tests := []struct {
		name             string
		pred             []string
		pairwise, bcubed PRF
	}{
		{"perfect", []string{"x", "x", "x", "y", "y"}, PRF{1, 1, 1}, PRF{1, 1, 1}},
		{"all singletons", []string{"1", "2", "3", "4", "5"}, PRF{1, 0, 0}, PRF{1, 0.4, 4.0 / 7}},
		{"one cluster", []string{"x", "x", "x", "x", "x"}, PRF{0.4, 1, 4.0 / 7}, PRF{13.0 / 25, 1, 2 * 13.0 / 25 / (1 + 13.0/25)}},
	}
	near := func(a, b PRF) bool {
		d := func(x, y float64) bool { return x-y < 1e-9 && y-x < 1e-9 }
		return d(a.Precision, b.Precision) && d(a.Recall, b.Recall) && d(a.F1, b.F1)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Pairwise(gold, tt.pred); !near(got, tt.pairwise) {
				t.Errorf("Pairwise = %+v, want %+v", got, tt.pairwise)
			}
			if got := BCubed(gold, tt.pred); !near(got, tt.bcubed) {
				t.Errorf("BCubed = %+v, want %+v", got, tt.bcubed)
			}
		})
	}
}
