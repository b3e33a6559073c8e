package claimdiff

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

var fixtureDir = filepath.Join("testdata", "corpus")

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		want    []Pair
		wantErr string
	}{
		{
			name: "reversed twin folds into one pair",
			json: `{"data":[
				{"topic":"T","date":"2024-01-02","pair_id":"x","claim_a":"A says one.","claim_b":"B says two.","article_a":"TA","article_b":"TB","relation":0,"rationale":[]},
				{"topic":"T","date":"2024-01-03","pair_id":"x_rev","claim_a":"B says two.","claim_b":"A says one.","article_a":"TB","article_b":"TA","relation":1,"rationale":["two"]}]}`,
			want: []Pair{{ID: "x", Topic: "T", ClaimA: "A says one.", ClaimB: "B says two.", TitleA: "TA", TitleB: "TB",
				DateA: "2024-01-02", DateB: "2024-01-03", Differs: true, Directions: 2, Rationale: []string{"two"}}},
		},
		{
			name: "reversed record first keeps its direction",
			json: `{"data":[
				{"topic":"T","date":"","pair_id":"y_rev","claim_a":"B.","claim_b":"A.","article_a":"TB","article_b":"TA","relation":0}]}`,
			want: []Pair{{ID: "y", Topic: "T", ClaimA: "B.", ClaimB: "A.", TitleA: "TB", TitleB: "TA", Directions: 1}},
		},
		{
			name: "pairs keep file order",
			json: `{"data":[
				{"pair_id":"b","claim_a":"1.","claim_b":"2.","relation":1},
				{"pair_id":"a","claim_a":"3.","claim_b":"4.","relation":0},
				{"pair_id":"b_rev","claim_a":"2.","claim_b":"1.","relation":0}]}`,
			want: []Pair{
				{ID: "b", ClaimA: "1.", ClaimB: "2.", Differs: true, Directions: 2},
				{ID: "a", ClaimA: "3.", ClaimB: "4.", Directions: 1},
			},
		},
		{name: "empty data", json: `{"data":[]}`},
		{name: "not JSON", json: `{"data":[`, wantErr: "claimdiff:"},
		{name: "missing claim", json: `{"data":[{"pair_id":"x","claim_a":"A.","claim_b":" "}]}`, wantErr: "record 0: missing"},
		{name: "missing id", json: `{"data":[{"claim_a":"A.","claim_b":"B."}]}`, wantErr: "record 0: missing"},
		{name: "bad relation", json: `{"data":[{"pair_id":"x","claim_a":"A.","claim_b":"B.","relation":2}]}`, wantErr: "relation 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.json))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none.json"))
	if err == nil || !strings.Contains(err.Error(), "none.json") {
		t.Fatalf("err = %v, want one naming the file", err)
	}
}

func TestClassify(t *testing.T) {
	br := &parallax.Brief{Facts: []parallax.Fact{
		{Status: parallax.Conflict},
		{Status: parallax.AttributionSplit},
		{Status: parallax.Corroborated},
		{Status: parallax.SingleSource},
		{Status: parallax.SingleSource},
	}}
	tests := []struct {
		name   string
		fa, fb []int
		want   Outcome
	}{
		{"shared conflict", []int{0, 3}, []int{0}, OutcomeConflict},
		{"shared split", []int{1}, []int{1, 4}, OutcomeAttributionSplit},
		{"conflict beats corroborated", []int{2, 0}, []int{2, 0}, OutcomeConflict},
		{"split beats corroborated", []int{2, 1}, []int{1, 2}, OutcomeAttributionSplit},
		{"shared corroborated", []int{2}, []int{2, 4}, OutcomeCorroborated},
		{"shared single source", []int{3}, []int{3}, OutcomeSameOrigin},
		{"disputed but not shared", []int{0}, []int{1}, OutcomeSeparate},
		{"no fact for A", nil, []int{2}, OutcomeDropped},
		{"no fact for B", []int{2}, nil, OutcomeDropped},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := classify(br, tt.fa, tt.fb); got != tt.want {
				t.Errorf("classify = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestOutcomeFlags(t *testing.T) {
	tests := []struct {
		o                        Outcome
		flagged, notCorroborated bool
	}{
		{OutcomeConflict, true, true},
		{OutcomeAttributionSplit, true, true},
		{OutcomeCorroborated, false, false},
		{OutcomeSameOrigin, false, true},
		{OutcomeSeparate, false, true},
		{OutcomeDropped, false, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.o), func(t *testing.T) {
			if tt.o.Flagged() != tt.flagged || tt.o.NotCorroborated() != tt.notCorroborated {
				t.Errorf("Flagged=%v NotCorroborated=%v, want %v %v", tt.o.Flagged(), tt.o.NotCorroborated(), tt.flagged, tt.notCorroborated)
			}
		})
	}
}

// TestFactsCiting checks that claim spans in normalized text are mapped
// back to the body before they are compared with a claim's place in it.
func TestFactsCiting(t *testing.T) {
	// Normalized text is 2 bytes shorter from offset 10 on (a curly
	// quote folded to a straight one), so normalized [20,30) is body
	// [22,32).
	d := &parallax.Document{
		Article: &parallax.Article{ID: "x"},
		Offsets: parallax.OffsetMap{Norm: []int{10}, Orig: []int{12}},
	}
	br := &parallax.Brief{Facts: []parallax.Fact{
		{Claims: []parallax.ClaimRef{{Article: "y", Span: parallax.Span{Start: 20, End: 30}}}},
		{Claims: []parallax.ClaimRef{{Article: "x", Span: parallax.Span{Start: 0, End: 8}}}},
		{Claims: []parallax.ClaimRef{{Article: "y", Span: parallax.Span{Start: 0, End: 5}}, {Article: "x", Span: parallax.Span{Start: 20, End: 30}}}},
	}}
	tests := []struct {
		name string
		body parallax.Span
		want []int
	}{
		{"mapped span overlaps", parallax.Span{Start: 31, End: 40}, []int{2}},
		{"unmapped span would overlap, mapped does not", parallax.Span{Start: 8, End: 22}, nil},
		{"before the shift", parallax.Span{Start: 0, End: 3}, []int{1}},
		{"other article's span ignored", parallax.Span{Start: 1, End: 4}, []int{1}},
		{"nothing there", parallax.Span{Start: 40, End: 50}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := factsCiting(br, d, tt.body); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("factsCiting = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestArticleDates(t *testing.T) {
	pairs := []Pair{
		{Topic: "T", TitleA: "a", TitleB: "b", DateA: "2024-01-01"},
		{Topic: "U", TitleA: "c", TitleB: "d", DateA: "", DateB: "2024-02-02"},
		{Topic: "V", TitleA: "e", TitleB: "f"},
	}
	got := articleDates(pairs)
	want := map[artKey]string{
		{"T", "a"}: "2024-01-01", {"T", "b"}: "2024-01-01",
		{"U", "c"}: "2024-02-02", {"U", "d"}: "2024-02-02",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articleDates = %v, want %v", got, want)
	}
}

// TestEvaluateFixture runs the whole pipeline on the invented corpus. The
// number pair must be a conflict and the unrelated pair must stay apart in
// both modes; the paraphrases are logged, since alignment of reworded
// sentences is the reconciler's business and may change.
func TestEvaluateFixture(t *testing.T) {
	pairs, err := Load(filepath.Join(fixtureDir, TrainSubsets[0].Path))
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 4 {
		t.Fatalf("got %d pairs, want 4", len(pairs))
	}
	for _, mode := range []Mode{Context, Isolated} {
		t.Run(mode.String(), func(t *testing.T) {
			rs := Evaluate(pairs, mode)
			if len(rs) != len(pairs) {
				t.Fatalf("got %d results for %d pairs", len(rs), len(pairs))
			}
			want := map[string]Outcome{"p1": OutcomeConflict, "p3": OutcomeSeparate}
			for _, r := range rs {
				if w, ok := want[r.Pair.ID]; ok && r.Outcome != w {
					t.Errorf("%s: outcome %s, want %s (facts A=%v B=%v)", r.Pair.ID, r.Outcome, w, r.FactA, r.FactB)
				}
				if len(r.FactA) == 0 && r.Outcome != OutcomeDropped {
					t.Errorf("%s: no fact for claim A but outcome %s", r.Pair.ID, r.Outcome)
				}
				t.Logf("%s %s A=%v B=%v", r.Pair.ID, r.Outcome, r.FactA, r.FactB)
			}
		})
	}
}

func TestScores(t *testing.T) {
	res := func(differs bool, o Outcome) Result { return Result{Pair: Pair{Differs: differs}, Outcome: o} }
	rs := []Result{
		res(true, OutcomeConflict),
		res(true, OutcomeAttributionSplit),
		res(true, OutcomeCorroborated),
		res(true, OutcomeSeparate),
		res(true, OutcomeDropped),
		res(false, OutcomeCorroborated),
		res(false, OutcomeCorroborated),
		res(false, OutcomeSameOrigin),
		res(false, OutcomeConflict),
	}
	want := []struct {
		metric         string
		correct, total int
	}{
		{"X_differing_flagged_conflict_rate", 2, 5},
		{"X_differing_not_corroborated_rate", 4, 5},
		{"X_not_differing_flagged_conflict_rate", 1, 4},
		{"X_not_differing_not_corroborated_rate", 2, 4},
	}
	got := scores(Subset{Name: "X", What: "test"}, rs)
	if len(got) != len(want) {
		t.Fatalf("got %d scores, want %d", len(got), len(want))
	}
	for i, w := range want {
		t.Run(w.metric, func(t *testing.T) {
			s := got[i]
			if s.Suite != "claimdiff" || s.Metric != w.metric || s.Correct != w.correct || s.Total != w.total ||
				s.Value != float64(w.correct)/float64(w.total) || s.Definition == "" {
				t.Errorf("got %+v, want %s %d/%d", s, w.metric, w.correct, w.total)
			}
		})
	}
	if s := scores(Subset{Name: "X"}, nil); s[0].Value != 0 || s[0].Total != 0 {
		t.Errorf("empty subset: %+v", s[0])
	}
}

// TestScoreFixture checks the wiring: both files read, pairs folded and
// counted per label. In S, p1 (a number conflict) and p3 (unrelated)
// differ; in W, p2 and p4 (paraphrases) do.
func TestScoreFixture(t *testing.T) {
	scores, err := Score(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 8 {
		t.Fatalf("got %d scores, want 8", len(scores))
	}
	byName := map[string]parallax.Score{}
	for _, s := range scores {
		if s.Total != 2 {
			t.Errorf("%s: %d pairs, want 2", s.Metric, s.Total)
		}
		byName[s.Metric] = s
	}
	for metric, correct := range map[string]int{
		"S_differing_flagged_conflict_rate":     1, // p1
		"S_differing_not_corroborated_rate":     2, // p1, p3
		"W_not_differing_flagged_conflict_rate": 1, // p1
		"W_not_differing_not_corroborated_rate": 2,
	} {
		if s, ok := byName[metric]; !ok || s.Correct != correct {
			t.Errorf("%s: %d/%d, want %d", metric, s.Correct, s.Total, correct)
		}
	}
}

func TestScoreMissingDir(t *testing.T) {
	if _, err := Score(t.TempDir()); err == nil {
		t.Fatal("Score on an empty directory succeeded")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range TrainSubsets {
		if b, err := os.ReadFile(filepath.Join(fixtureDir, s.Path)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"data":[{"pair_id":"x_rev_rev","claim_a":"a","claim_b":"b","relation":1}]}`))
	f.Add([]byte(`{"data":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Parse(data)
		if err != nil {
			return
		}
		for _, p := range ps {
			if p.Directions < 1 || p.ClaimA == "" || p.ClaimB == "" {
				t.Fatalf("bad pair %+v", p)
			}
		}
		// Whatever parses must evaluate without panicking.
		if len(ps) <= 4 {
			Evaluate(ps, Context)
			Evaluate(ps, Isolated)
		}
	})
}

// benchA and benchB are two invented reports of one story, sentence i of
// one paired with sentence i of the other, the size of a short news
// article.
var benchA = []string{
	"Flooding along the Merrow River forced the evacuation of about 1,200 residents on Sunday, county officials said.",
	"The river crested at 6.4 meters early Monday, nearly two meters above flood stage, according to the regional water agency.",
	"Governor Ellen Marsh declared a state of emergency in three counties and asked for federal assistance.",
	"“We have never seen water this high in the lower valley,” Marsh told reporters in Harlow.",
	"At least 14 people were rescued from rooftops by boat crews overnight, the fire department said.",
	"Two people were reported missing after their car was swept off a bridge near Corran.",
	"More than 300 homes were damaged, and power was cut to some 18,000 customers.",
	"Schools in the district will remain closed until Wednesday.",
	"Forecasters expect more rain on Tuesday, which could slow the river's retreat.",
	"The last comparable flood, in 1998, caused damage estimated at $240 million.",
}

var benchB = []string{
	"Some 2,000 people were ordered to leave their homes on Sunday as the Merrow River burst its banks.",
	"The water agency said the river peaked at 6.1 meters on Monday morning.",
	"Marsh, the governor, declared an emergency in four counties on Sunday night.",
	"Officials in Harlow said the flooding was the worst the valley had seen in decades.",
	"Rescue teams pulled 20 people from flooded houses, fire officials said.",
	"Police said a search was under way for two people whose vehicle was carried away near Corran.",
	"About 250 houses were damaged, according to a preliminary county estimate.",
	"All schools in the district are closed through Wednesday, the superintendent said.",
	"More rain is forecast for Tuesday, the national weather service said.",
	"A flood in 1998 caused about $240 million in damage across the valley.",
}

// BenchmarkEvaluate measures one story: two ten-sentence reports, every
// sentence pair judged in Context mode (one brief, no cache carried over).
func BenchmarkEvaluate(b *testing.B) {
	var pairs []Pair
	for i := range benchA {
		pairs = append(pairs, Pair{ID: fmt.Sprint(i), Topic: "Merrow River flood", ClaimA: benchA[i], ClaimB: benchB[i],
			TitleA: "Thousands evacuated as Merrow River floods", TitleB: "Merrow River bursts its banks",
			DateA: "2025-04-06", Directions: 1})
	}
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(pairs, Context)
	}
}
