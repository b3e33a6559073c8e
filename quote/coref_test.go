package quote

// corefTests cover who a pronoun, a role noun or a document noun stands
// for: gender, fronted objects, the subject of the sentence before, and
// the speaker a role noun names again.
var corefTests = []struct {
	name  string
	text  string
	ents  []ent
	want  []wq
	attrs []wa
}{
	{
		name: "he skips a woman named first",
		text: `Host Jane Alder asked Tom Brask whether he would run. He said, "I am serious."`,
		ents: []ent{person("Jane Alder", "Alder"), person("Tom Brask", "Brask")},
		want: []wq{D("I am serious", "Tom Brask", "He", "said")},
	},
	{
		name: "she skips a man named first",
		text: `Tom Brask met Jane Alder on Monday. She said, "We agreed on nothing."`,
		ents: []ent{person("Tom Brask", "Brask"), person("Jane Alder", "Alder")},
		want: []wq{D("We agreed on nothing", "Jane Alder", "She", "said")},
	},
	{
		name: "courtesy title gives the gender",
		text: `Dan Morrow met Mrs. Okafor. She said, "He was late."`,
		ents: []ent{person("Okafor", "Mrs. Okafor"), person("Dan Morrow", "Morrow")},
		want: []wq{D("He was late", "Okafor", "She", "said")},
	},
	{
		name: "a fronted object is not the pronoun",
		text: `Dan Morrow spoke for an hour. Of Eli Stark, he said, "He is a fighter."`,
		ents: []ent{person("Dan Morrow", "Morrow"), person("Eli Stark", "Stark")},
		want: []wq{D("He is a fighter", "Dan Morrow", "he", "said")},
	},
	{
		name: "a name after a pronoun subject is its object",
		text: `"I am ready," Dan Morrow said. He said Eli Stark "has no plan." Of Stark, he said, "He never did."`,
		ents: []ent{person("Dan Morrow", "Morrow"), person("Eli Stark", "Stark")},
		want: []wq{
			D("I am ready", "Dan Morrow", "Dan Morrow", "said"),
			I(`Eli Stark "has no plan."`, "Dan Morrow", "He", "said@2"),
			D("has no plan", "Dan Morrow", "He", "said@2"),
			D("He never did", "Dan Morrow", "he", "said@3"),
		},
	},
	{
		name: "participle shares the subject of a stance verb",
		text: `It came after Dan Morrow chided Eli Stark on Friday, accusing him of having "wasted another week."`,
		ents: []ent{person("Dan Morrow", "Morrow"), person("Eli Stark", "Stark")},
		want: []wq{D("wasted another week", "Dan Morrow", "Dan Morrow", "accusing")},
	},
	{
		name: "participle after an issued document",
		text: `Dan Morrow released a statement late Tuesday saying: "We will win this."`,
		ents: []ent{person("Dan Morrow", "Morrow")},
		want: []wq{D("We will win this", "Dan Morrow", "Dan Morrow", "saying")},
	},
	{
		name: "the statement is its author's",
		text: `"We will win," Dan Morrow said in a statement. "We cannot lose now," the statement continued.`,
		ents: []ent{person("Dan Morrow", "Morrow")},
		want: []wq{
			D("We will win", "Dan Morrow", "Dan Morrow", "said in a statement"),
			D("We cannot lose now", "Dan Morrow", "the statement", "continued"),
		},
	},
	{
		name: "a quoted show title does not carry the quote after it",
		text: `"I want the file," said Dan Morrow in an interview on KTV's "Morning" show, according to the Ledger. "Why is it missing?"`,
		ents: []ent{person("Dan Morrow", "Morrow"), org("Ledger")},
		want: []wq{
			D("I want the file", "Dan Morrow", "Dan Morrow", "said"),
			D("Morning", "Ledger", "the Ledger", "according to"),
			D("Why is it missing?", "Dan Morrow", "Dan Morrow", "said"),
		},
	},
	{
		name: "role noun names the titled person mentioned last",
		text: `Rep. Dan Morrow and Rep. Eli Stark met. Stark left first. The congressman said the talks "went nowhere."`,
		ents: []ent{person("Dan Morrow", "Morrow").titled("Rep."), person("Eli Stark", "Stark").titled("Rep.")},
		want: []wq{
			I(`the talks "went nowhere."`, "Eli Stark", "The congressman", "said"),
			D("went nowhere", "Eli Stark", "The congressman", "said"),
		},
	},
	{
		name: "gendered role noun skips the other gender",
		text: `Spokesperson Jane Alder and spokesperson Tom Brask took questions. The spokeswoman said, "No comment."`,
		ents: []ent{person("Jane Alder", "Alder").titled("Spokesperson"), person("Tom Brask", "Brask").titled("spokesperson")},
		want: []wq{D("No comment", "Jane Alder", "The spokeswoman", "said")},
	},
	{
		name: "untitled speaker named again by office",
		text: `"We will fight," says Morrow. "We will win," the Ohio governor continues.`,
		ents: []ent{person("Dan Morrow", "Morrow"), place("Ohio")},
		want: []wq{
			D("We will fight", "Dan Morrow", "Morrow", "says"),
			D("We will win", "Dan Morrow", "the Ohio governor", "continues"),
		},
	},
	{
		name: "office noun does not reach a titled speaker of another office",
		text: `"We will fight," said Sen. Dan Morrow. "We will win," the governor said.`,
		ents: []ent{person("Dan Morrow", "Morrow", "Sen. Dan Morrow").titled("Sen.")},
		want: []wq{
			D("We will fight", "Dan Morrow", "Sen. Dan Morrow", "said"),
			D("We will win", "", "the governor", "said@2"),
		},
	},
	{
		name: "introductory phrase without a comma",
		text: `Sen. Mara Quill spoke on Monday. In Wednesday's speech the senator also took a swipe at the mayor, calling his record "a quiet disaster."`,
		ents: []ent{person("Mara Quill", "Quill").titled("Sen.")},
		want: []wq{D("a quiet disaster", "Mara Quill", "the senator", "calling")},
	},
	{
		name: "what he calls",
		text: `Dan Morrow vowed to end what he calls "a war on farms."`,
		ents: []ent{person("Dan Morrow", "Morrow")},
		want: []wq{D("a war on farms", "Dan Morrow", "he", "calls")},
	},
}
