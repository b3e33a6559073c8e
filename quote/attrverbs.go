package quote

import "strings"

// attrVerbs are cues of attribution that is not speech: what a source
// thinks ("Democrats fear that ..."), what evidence shows ("polls show
// Clinton ahead"), what a source wants or intends ("Rubio wants to ..."),
// and where a source stands ("Christie endorsed Trump", "critics accused
// him of ..."). They credit the content to the source in an Attribution
// but never make a Quote: nobody is reported as saying anything.
//
// Each entry lists the inflected forms of one verb, so the list stays a
// closed, auditable vocabulary. Forms already in verbs keep their speech
// reading.
var attrVerbs = buildForms(map[clauseMode][]string{
	free: {
		// belief and knowledge, taking a clause with or without "that"
		"think thinks thought", "believe believes believed", "feel feels felt",
		"fear fears feared", "hope hopes hoped", "expect expects expected",
		"doubt doubts doubted", "suspect suspects suspected", "worry worries worried",
		"guess guessed", "figure figured", "reckon reckons reckoned", "assume assumes assumed",
		"contend contends", "maintain maintains", "predict predicts",
		// evidence
		"show shows showed showing", "suggest", "indicate", "estimate estimates estimated",
		"project projects projected", "conclude concludes", "reveal reveals revealed",
		// wanting and intending, taking "to ..." or an object
		"want wants wanted", "plan plans planned", "intend intends intended",
		"seek seeks sought", "hope", "vow vows", "pledge pledges", "promise promises",
		"prefer prefers preferred preferring", "decide decides decided", "refuse refuses refused",
		"decline declines declined", "offer offers offered", "propose proposes proposed",
		"demand demands demanded", "threaten threatens threatened", "aim aims aimed",
		// stance towards a person, party or proposal
		"endorse endorses endorsed", "support supports supported", "back backs backed",
		"oppose opposes opposed", "criticize criticizes criticise criticises",
		"praise praises", "defend defends defended", "blame blames blamed",
		"reject rejects rejected", "dismiss dismisses dismissed", "attack attacks attacked",
		"blast blasts blasted", "denounce denounces denounced", "mock mocks mocked",
		"accuse accuses", "challenge challenges challenged",
		"condemn condemns", "applaud applauds applauded", "welcome welcomes welcomed",
		"decry decries decried", "slam slams", "chide chides chided", "rebuke rebukes rebuked",
		"ridicule ridicules ridiculed", "embrace embraces embraced", "favor favors favored",
		"urge urges", "ask asks", "admit admits admitting", "deny denies", "acknowledge acknowledges",
		"charge charges charged", "cite cites cited", "recall recalls", "mention mentions mentioned",
		"describe describes",
		"characterize characterizes characterized", "portray portrays portrayed",
		"express expresses expressed", "voice voices voiced", "echo echoes echoed",
		"repeat repeats repeated", "insist", "discuss discusses discussed",
		"call", "question questions questioned", "consider considers considered", "deem deems deemed",
		"view views viewed", "regard regards regarded", "tout touts touted",
		"highlight highlights highlighted", "imply implies implied", "recommend recommends recommended",
		"encourage encourages encouraged", "remind reminds reminded", "thank thanks thanked",
		"compare compares compared", "request requests requested", "shout shouts shouted",
		"chant chants chanted", "reference references referenced", "reads",
		"side sides sided", "rail rails railed", "focus focuses focused",
	},
	needThat: {
		"know knows knew", "find finds found", "realize realizes realized",
		"understand understands understood", "learn learns learned", "hear hears heard",
		"see sees saw", "recognize recognizes recognized", "remember remembers remembered",
		"determine determines determined", "report", "confirm", "announce",
		"allege alleges alleged", "argue", "claim", "note", "state", "write",
		"complain complains", "warn", "explain", "testify testifies testified",
		"emphasize", "stress", "signal signals", "concede concedes", "hint hints hinted",
		"speculate speculates speculated", "insinuate insinuates insinuated",
		"agree agrees agreed",
	},
})

// buildForms indexes the forms of every entry, adding the -ing
// participle of the first (base) form unless the entry lists one: a
// participle ("calling", "praising") borrows the speaker of its clause.
// Forms that are speech verbs keep their speech entry.
func buildForms(groups map[clauseMode][]string) map[string]verbInfo {
	out := map[string]verbInfo{}
	add := func(w string, info verbInfo) {
		if _, speech := verbs[w]; speech {
			return
		}
		if _, dup := out[w]; !dup {
			out[w] = info
		}
	}
	for _, mode := range []clauseMode{free, needThat} {
		for _, e := range groups[mode] {
			ws := strings.Fields(e)
			hasIng := false
			for _, w := range ws {
				ing := strings.HasSuffix(w, "ing")
				hasIng = hasIng || ing
				add(w, verbInfo{mode: mode, attrOnly: true, participle: ing})
			}
			if g := gerund(ws[0]); g != "" && !hasIng {
				add(g, verbInfo{mode: mode, attrOnly: true, participle: true})
			}
		}
	}
	return out
}

// gerund forms the -ing participle of a base verb by the regular English
// rules: drop a silent final e (believe → believing, but see → seeing),
// double a final consonant after one short vowel in one-syllable verbs
// (plan → planning), else add -ing.
func gerund(base string) string {
	n := len(base)
	if n < 2 {
		return ""
	}
	switch {
	case strings.HasSuffix(base, "ie"):
		return base[:n-2] + "ying"
	case base[n-1] == 'e' && !strings.HasSuffix(base, "ee") && !strings.HasSuffix(base, "ye"):
		return base[:n-1] + "ing"
	case n <= 4 && isConsonant(base[n-1]) && base[n-1] != 'w' && base[n-1] != 'x' && base[n-1] != 'y' &&
		isVowel(base[n-2]) && (n < 3 || isConsonant(base[n-3])):
		return base + base[n-1:] + "ing"
	}
	return base + "ing"
}

func isVowel(b byte) bool     { return strings.IndexByte("aeiou", b) >= 0 }
func isConsonant(b byte) bool { return b >= 'a' && b <= 'z' && !isVowel(b) }

// phrasalCues are verb-particle cues: the particle belongs to the cue and
// the content follows it ("called for a special prosecutor", "pointed to
// the polls", "lashed out at Trump").
var phrasalCues = map[string][]string{
	"call": {"for", "on"}, "calls": {"for", "on"}, "called": {"for", "on"}, "calling": {"for", "on"},
	"point": {"to", "out"}, "points": {"to", "out"}, "pointed": {"to", "out"}, "pointing": {"to", "out"},
	"refer": {"to"}, "refers": {"to"}, "referred": {"to"}, "referring": {"to"},
	"talk": {"about"}, "talks": {"about"}, "talked": {"about"}, "talking": {"about"},
	"speak": {"about", "of", "out"}, "speaks": {"about", "of", "out"}, "spoke": {"about", "of", "out"},
	"speaking": {"about", "of", "out"},
	"lash":     {"out"}, "lashed": {"out"}, "lashing": {"out"},
	"weigh": {"in"}, "weighed": {"in"}, "weighing": {"in"},
	"push": {"for"}, "pushed": {"for"}, "pushing": {"for"},
	"argue": {"for", "against"}, "argued": {"for", "against"}, "arguing": {"for", "against"},
	"advocate": {"for"}, "advocated": {"for"}, "vote": {"for", "against"}, "voted": {"for", "against"},
	"campaign": {"for", "against"}, "campaigned": {"for", "against"},
	"complain": {"about", "of"}, "complained": {"about", "of"},
	"ask": {"about", "for"}, "asked": {"about", "for"}, "asking": {"about", "for"},
}

// outAt extends "lashed out" and "spoke out" over a following "at",
// "against" or "about".
var outAt = set("at", "against", "about", "on")
