package quote

// hedgeTests cover attributions without a speech verb (hedges, questions,
// stance nouns) and the subject and clause shapes they need.
var hedgeTests = []struct {
	name  string
	text  string
	ents  []ent
	want  []wq
	attrs []wa
}{
	{
		name:  "seem credits the clause to nobody",
		text:  `Dan Morrow seemed to concede the point on Monday.`,
		ents:  []ent{person("Dan Morrow", "Morrow")},
		want:  []wq{},
		attrs: []wa{{"Dan Morrow seemed to concede the point on Monday", "", "", "seemed"}},
	},
	{
		name:  "it appears that",
		text:  `It appears that the vote will be close.`,
		want:  []wq{},
		attrs: []wa{{"the vote will be close", "", "", "appears"}},
	},
	{
		name:  "appearing somewhere is no hedge",
		text:  `Dan Morrow appeared on television on Monday.`,
		ents:  []ent{person("Dan Morrow", "Morrow")},
		want:  []wq{},
		attrs: []wa{},
	},
	{
		name:  "passive hedge with an adverb",
		text:  `The bill is widely expected to pass the Senate.`,
		want:  []wq{},
		attrs: []wa{{"The bill is widely expected to pass the Senate", "", "", "is widely expected"}},
	},
	{
		name:  "reportedly",
		text:  `Dan Morrow reportedly told aides he would quit.`,
		ents:  []ent{person("Dan Morrow", "Morrow")},
		want:  []wq{},
		attrs: []wa{{"Dan Morrow reportedly told aides he would quit", "", "", "reportedly"}},
	},
	{
		name: "a question put to the speaker",
		text: `Asked whether she would run again, Jane Alder said she had not decided.`,
		ents: []ent{person("Jane Alder", "Alder")},
		want: []wq{I("she had not decided", "Jane Alder", "Jane Alder", "said")},
		attrs: []wa{
			{"whether she would run again", "", "", "Asked"},
			{"she had not decided", "Jane Alder", "Jane Alder", "said"},
		},
	},
	{
		name:  "asked about",
		text:  `When asked about the budget, the mayor laughed.`,
		want:  []wq{},
		attrs: []wa{{"the budget", "", "", "asked about"}},
	},
	{
		name:  "possessive owner of a stance noun",
		text:  `In a memo, Dan Morrow's decision to skip the debate was explained.`,
		ents:  []ent{person("Dan Morrow", "Morrow")},
		want:  []wq{},
		attrs: []wa{{"to skip the debate was explained", "Dan Morrow", "Dan Morrow's", "decision"}},
	},
	{
		name:  "stance noun with a that clause and no owner",
		text:  `The ruling drew criticism that the court had overreached.`,
		want:  []wq{},
		attrs: []wa{{"the court had overreached", "", "", "criticism"}},
	},
	{
		name:  "a relative that is no content clause",
		text:  `The ruling that the court issued stands.`,
		want:  []wq{},
		attrs: []wa{},
	},
	{
		name:  "in somebody's view",
		text:  `In Dan Morrow's view, the tax is a mistake.`,
		ents:  []ent{person("Dan Morrow", "Morrow")},
		want:  []wq{},
		attrs: []wa{{"the tax is a mistake", "Dan Morrow", "Dan Morrow's", "view"}},
	},
	{
		name:  "pronoun owner and a preposition in the cue",
		text:  `Jane Alder kept up her attacks on the mayor, aides said.`,
		ents:  []ent{person("Jane Alder", "Alder")},
		want:  []wq{I("Jane Alder kept up her attacks on the mayor", "", "aides", "said")},
		attrs: []wa{{"Jane Alder kept up her attacks on the mayor", "", "aides", "said"}},
	},
	{
		name:  "trailing attribution after an introductory clause",
		text:  `As a woman, she raised less suspicion, Dan Morrow said.`,
		ents:  []ent{person("Dan Morrow", "Morrow")},
		want:  []wq{I("As a woman, she raised less suspicion", "Dan Morrow", "Dan Morrow", "said")},
		attrs: []wa{{"As a woman, she raised less suspicion", "Dan Morrow", "Dan Morrow", "said"}},
	},
	{
		name: "an occupation the lexicon does not list",
		text: `"The race is tied," said pollster Eli Stark.`,
		ents: []ent{person("Eli Stark", "Stark")},
		want: []wq{D("The race is tied", "Eli Stark", "pollster Eli Stark", "said")},
	},
	{
		name:  "anything nominal after according to",
		text:  `The economy grew last year, according to state data.`,
		want:  []wq{},
		attrs: []wa{{"The economy grew last year", "", "state data", "according to"}},
	},
	{
		name:  "an approximate share as the subject",
		text:  `About three-quarters of voters support a ban.`,
		want:  []wq{},
		attrs: []wa{{"a ban", "", "three-quarters of voters", "support"}},
	},
	{
		name:  "continuing credits nothing without a quote",
		text:  `Jane Alder continues to grow her lead.`,
		ents:  []ent{person("Jane Alder", "Alder")},
		want:  []wq{},
		attrs: []wa{},
	},
}
