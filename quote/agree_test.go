package quote

// agreeTests pin down how "agree" attributes: a that-clause ("agreed
// that ...", "agreed with X that ..."), the clause it trails ("...,
// Vera agreed") and speech it introduces ("agreed, saying ...") are
// credited to the source; "agreed on" and "agreed with" a person credit
// nothing. Commitments reported as speech ("vowed to", "promised to")
// stay attributions, as PolNeAR annotates them. "agreed to X" and
// "agreed X" are left out on purpose: they credit their object today,
// which is how PolNeAR marks most of them, and whether they should is
// still open.
var agreeTests = []struct {
	name  string
	text  string
	ents  []ent
	want  []wq
	attrs []wa
}{
	{
		name:  "agreed on a timetable",
		text:  `The two ministers agreed on a timetable for the tariff cuts.`,
		want:  []wq{},
		attrs: []wa{},
	},
	{
		name:  "agreed with a person",
		text:  `Ortiz agreed with Vera on the need for a new bridge.`,
		ents:  []ent{ortiz, vera},
		want:  []wq{},
		attrs: []wa{},
	},
	{
		name:  "agreed that keeps its clause",
		text:  `Ortiz agreed that the fund should be doubled by 2030.`,
		ents:  []ent{ortiz},
		want:  []wq{},
		attrs: []wa{{"the fund should be doubled by 2030", "Tomas Ortiz", "Ortiz", "agreed"}},
	},
	{
		name:  "agreed with somebody that keeps its clause",
		text:  `Vera agreed with Ortiz that the bridge must be finished first.`,
		ents:  []ent{ortiz, vera},
		want:  []wq{},
		attrs: []wa{{"the bridge must be finished first", "Ana Vera", "Vera", "agreed"}},
	},
	{
		name:  "trailing agreed credits the clause before it",
		text:  `The bridge must be finished first, Vera agreed.`,
		ents:  []ent{vera},
		want:  []wq{},
		attrs: []wa{{"The bridge must be finished first", "Ana Vera", "Vera", "agreed"}},
	},
	{
		name:  "agreed, saying keeps the speech",
		text:  `Ortiz agreed, saying the fund was overdue.`,
		ents:  []ent{ortiz},
		want:  []wq{I("the fund was overdue", "Tomas Ortiz", "Ortiz", "saying")},
		attrs: []wa{{"the fund was overdue", "Tomas Ortiz", "Ortiz", "saying"}},
	},
	{
		name:  "vowed to stays a commitment",
		text:  `Ortiz vowed to double the fund by 2030.`,
		ents:  []ent{ortiz},
		want:  []wq{},
		attrs: []wa{{"to double the fund by 2030", "Tomas Ortiz", "Ortiz", "vowed"}},
	},
	{
		name:  "promised to stays a commitment",
		text:  `Vera promised to reopen the border crossing within a week.`,
		ents:  []ent{vera},
		want:  []wq{},
		attrs: []wa{{"to reopen the border crossing within a week", "Ana Vera", "Vera", "promised"}},
	},
}

var (
	ortiz = person("Tomas Ortiz", "Ortiz")
	vera  = person("Ana Vera", "Vera")
)
