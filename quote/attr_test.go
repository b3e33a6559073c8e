package quote

import "github.com/parallax-news/parallax"

// attributionTests cover attribution beyond speech verbs and the subject
// shapes of news English: quantities, relative pronouns, parentheses,
// dash asides, interjected attributions, colons and headlines.
var attributionTests = []struct {
	name  string
	text  string
	ents  []ent
	want  []wq
	attrs []wa // checked when non-nil
}{
	{
		name: "doubled apostrophes are quote marks",
		text: `''We will win this state,'' Sanders said on Monday.`,
		ents: []ent{sanders},
		want: []wq{D("We will win this state", "Bernie Sanders", "Sanders", "said")},
	},
	{
		name:  "evidence verb gives an attribution, not a quote",
		text:  `New polls show Clinton leading in Ohio by four points.`,
		ents:  []ent{clinton, place("Ohio")},
		want:  []wq{},
		attrs: []wa{{"Clinton leading in Ohio by four points", "", "New polls", "show"}},
	},
	{
		name:  "belief verb with that",
		text:  `Many Democrats fear that the convention will be chaotic.`,
		want:  []wq{},
		attrs: []wa{{"the convention will be chaotic", "", "Many Democrats", "fear"}},
	},
	{
		name:  "stance verb credits its object",
		text:  `Christie endorsed Trump at a rally in Texas.`,
		ents:  []ent{christie, trump},
		want:  []wq{},
		attrs: []wa{{"Trump at a rally in Texas", "Chris Christie", "Christie", "endorsed"}},
	},
	{
		name:  "infinitive content",
		text:  `The campaign declined to comment on the report.`,
		want:  []wq{},
		attrs: []wa{{"to comment on the report", "", "The campaign", "declined"}},
	},
	{
		name:  "verb with particle",
		text:  `Trump called for a special prosecutor to investigate the emails.`,
		ents:  []ent{trump},
		want:  []wq{},
		attrs: []wa{{"a special prosecutor to investigate the emails", "Donald Trump", "Trump", "called for"}},
	},
	{
		name:  "announced without that credits its object",
		text:  `Murdoch announced his engagement to Jerry Hall.`,
		ents:  []ent{person("Rupert Murdoch", "Murdoch"), person("Jerry Hall")},
		want:  []wq{},
		attrs: []wa{{"his engagement to Jerry Hall", "Rupert Murdoch", "Murdoch", "announced"}},
	},
	{
		name:  "belief inside reported speech belongs to the reporter",
		text:  `Trump said Clinton wants to raise taxes on everyone.`,
		ents:  []ent{trump, clinton},
		want:  []wq{I("Clinton wants to raise taxes on everyone", "Donald Trump", "Trump", "said")},
		attrs: []wa{{"Clinton wants to raise taxes on everyone", "Donald Trump", "Trump", "said"}},
	},
	{
		name: "attribution-only cue takes no direct quote",
		text: `Rubio wants a "new American century" for the party.`,
		ents: []ent{rubio},
		want: []wq{D("new American century", "", "", "")},
	},
	{
		name:  "relative pronoun subject",
		text:  `Christie, who endorsed Trump in February, spoke first.`,
		ents:  []ent{christie, trump},
		want:  []wq{},
		attrs: []wa{{"Trump in February", "Chris Christie", "who", "endorsed"}},
	},
	{
		name: "quantity subjects",
		text: `Twenty-four percent said they would vote for him. Nearly half say the economy is worse.`,
		want: []wq{
			I("they would vote for him", "", "Twenty-four percent", "said"),
			I("the economy is worse", "", "Nearly half", "say"),
		},
	},
	{
		name: "subject with a modifier",
		text: `A source close to the campaign said the staff would be cut.`,
		want: []wq{I("the staff would be cut", "", "A source", "said")},
	},
	{
		name: "parenthesis after the subject",
		text: `Sen. Bernie Sanders (I-Vt.) said he would release his records.`,
		ents: []ent{sanders},
		want: []wq{I("he would release his records", "Bernie Sanders", "Sen. Bernie Sanders", "said")},
	},
	{
		name: "dash aside after the subject",
		text: `Trump - who had promised to bomb the oil fields - said at a rally that the border should close.`,
		ents: []ent{trump},
		want: []wq{I("the border should close", "Donald Trump", "Trump", "said")},
	},
	{
		name: "interjected attribution reports both halves",
		text: `By dropping the receiving line, Ms. Tchen said, the White House can invite twice as many guests.`,
		ents: []ent{person("Tina Tchen", "Tchen"), whiteHse},
		want: []wq{
			I("By dropping the receiving line", "Tina Tchen", "Ms. Tchen", "said"),
			I("the White House can invite twice as many guests", "Tina Tchen", "Ms. Tchen", "said"),
		},
	},
	{
		name: "headline in title case",
		text: "Trump Says He Will Win Iowa\n\nThe caucuses are on Monday.",
		ents: []ent{trump, place("Iowa")},
		want: []wq{I("He Will Win Iowa", "Donald Trump", "Trump", "Says")},
	},
	{
		name: "inverted speaker before a venue",
		text: `"We will fight back," says Perry in a new television ad.`,
		ents: []ent{perry},
		want: []wq{D("We will fight back", "Rick Perry", "Perry", "says")},
	},
	{
		name: "colon introduces a quote",
		text: `Biden was quick to retort: "That is a bunch of malarkey."`,
		ents: []ent{biden},
		want: []wq{D("That is a bunch of malarkey", "Joe Biden", "Biden", ":")},
	},
	{
		name: "colon before a quoted paragraph",
		text: "Fox posted his own account in response:\n\n\"Stop lying about my country.\"",
		ents: []ent{person("Vicente Fox", "Fox")},
		want: []wq{D("Stop lying about my country", "Vicente Fox", "Fox", ":")},
	},
	{
		name: "coordinated verbs share the clause subject",
		text: `Grimm stormed back, leaned into him and said, "Let me be clear."`,
		ents: []ent{person("Michael Grimm", "Grimm")},
		want: []wq{D("Let me be clear", "Michael Grimm", "Grimm", "said")},
	},
	{
		name: "abbreviated title matches a nominal",
		text: `Gov. Mike Pence signed the bill on Thursday.` + "\n\n" + `"I support this law," the governor said.`,
		ents: []ent{person("Mike Pence", "Pence").titled("Gov.")},
		want: []wq{D("I support this law", "Mike Pence", "the governor", "said")},
	},
	{
		name: "pronoun after a non-subject mention prefers the last speaker",
		text: `"I feel terrible for her," Weiner said.` + "\n\n" +
			`The congressman also worried about his wife, an aide to Hillary Clinton. "I am protecting my wife," he told CNN.`,
		ents: []ent{person("Anthony Weiner", "Weiner"), clinton, org("CNN")},
		want: []wq{
			D("I feel terrible for her", "Anthony Weiner", "Weiner", "said"),
			D("I am protecting my wife", "Anthony Weiner", "he@3", "told"),
		},
	},
	{
		name:  "negated speech reports nothing",
		text:  `Investigators have not yet said what caused the blast. The company didn't report any leak.`,
		want:  []wq{},
		attrs: []wa{},
	},
	{
		name: "an object it is not the subject",
		text: `The plant burned for hours, crews who fought it told the paper.`,
		ents: []ent{org("Veltran")},
		want: []wq{},
	},
	{
		name: "lower-case nouns complete a subject named after a place",
		text: `The Kessling fire brigade said 60 firefighters took part.`,
		ents: []ent{place("Kessling")},
		want: []wq{I("60 firefighters took part", "", "The Kessling fire brigade", "said")},
	},
}

var (
	sanders  = person("Bernie Sanders", "Sanders").titled("Sen.")
	clinton  = person("Hillary Clinton", "Clinton")
	christie = person("Chris Christie", "Christie")
	rubio    = person("Marco Rubio", "Rubio")
	perry    = person("Rick Perry", "Perry")
	biden    = person("Joe Biden", "Biden")
)

var _ = parallax.Direct
