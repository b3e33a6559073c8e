package quote

// clauseMode says whether a reporting verb can introduce reported speech
// and how.
type clauseMode uint8

const (
	// quoteOnly verbs ("called", "commended", "described") attribute a
	// direct or partial quote in their sentence but never introduce an
	// indirect quote: what follows them is usually an object, not speech.
	quoteOnly clauseMode = iota
	// needThat verbs introduce reported speech only through "that"
	// ("announced that ..."); without it they usually take a plain object
	// ("announced tariffs").
	needThat
	// free verbs introduce reported speech with or without "that"
	// ("said Russia would ...").
	free
)

type verbInfo struct {
	mode       clauseMode
	attrOnly   bool // credits content without reporting speech: no Quote
	participle bool // "adding", "saying": the subject is usually elsewhere
	told       bool // takes the addressee before the clause ("told reporters that")
}

// verbs is the closed list of speech cues. A closed list keeps the stage
// auditable: every attribution can be explained by the word that fired it.
var verbs = map[string]verbInfo{
	"said": {mode: free}, "says": {mode: free}, "say": {mode: free},
	"added": {mode: free}, "adds": {mode: free},
	"noted": {mode: free}, "notes": {mode: free},
	"stated": {mode: free}, "states": {mode: free},
	"claimed": {mode: free}, "claims": {mode: free},
	"warned": {mode: free}, "warns": {mode: free},
	"wrote": {mode: free}, "writes": {mode: free},
	"argued": {mode: free}, "argues": {mode: free},
	"suggested": {mode: free}, "suggests": {mode: free},
	"stressed": {mode: free}, "stresses": {mode: free},
	"emphasized": {mode: free}, "emphasised": {mode: free}, "emphasizes": {mode: free}, "emphasises": {mode: free},
	"insisted": {mode: free}, "insists": {mode: needThat},
	"explained": {mode: free}, "explains": {mode: free},
	"asserted": {mode: free}, "asserts": {mode: free},
	"declared": {mode: free}, "declares": {mode: free},
	"indicated": {mode: free}, "indicates": {mode: needThat},
	"reiterated": {mode: needThat},
	"tweeted":    {mode: free},
	"told":       {mode: needThat, told: true}, "tells": {mode: needThat, told: true},
	"informed":  {mode: needThat, told: true},
	"assured":   {mode: needThat, told: true},
	"announced": {mode: needThat}, "announces": {mode: needThat},
	"confirmed": {mode: needThat}, "confirms": {mode: needThat},
	"reported": {mode: needThat}, "reports": {mode: needThat},
	"acknowledged": {mode: needThat}, "admitted": {mode: needThat},
	"denied": {mode: needThat}, "predicted": {mode: needThat},
	"signaled": {mode: needThat}, "signalled": {mode: needThat},
	"maintained": {mode: needThat}, "contended": {mode: needThat},
	"conceded": {mode: needThat}, "cautioned": {mode: needThat},
	"complained": {mode: needThat}, "boasted": {mode: needThat},
	"vowed": {mode: needThat}, "pledged": {mode: needThat}, "promised": {mode: needThat},
	"grumbled": {mode: needThat}, "remarked": {mode: needThat}, "observed": {mode: needThat},
	"recalled": {mode: needThat}, "replied": {mode: needThat}, "responded": {mode: needThat},
	"answered": {mode: needThat}, "joked": {mode: needThat}, "quipped": {mode: needThat},
	"concluded": {mode: needThat}, "continued": {mode: quoteOnly}, "continues": {mode: quoteOnly},
	"calls": {mode: quoteOnly}, "describes": {mode: quoteOnly}, "dubs": {mode: quoteOnly},
	"described": {mode: quoteOnly}, "called": {mode: quoteOnly},
	"commended": {mode: quoteOnly}, "praised": {mode: quoteOnly},
	"hailed": {mode: quoteOnly}, "urged": {mode: quoteOnly},
	"dubbed": {mode: quoteOnly}, "termed": {mode: quoteOnly},
	"labeled": {mode: quoteOnly}, "labelled": {mode: quoteOnly},
	"branded": {mode: quoteOnly}, "slammed": {mode: quoteOnly},
	"criticized": {mode: quoteOnly}, "criticised": {mode: quoteOnly},
	"condemned": {mode: quoteOnly}, "accused": {mode: quoteOnly},
	"asked": {mode: quoteOnly}, "posted": {mode: quoteOnly},
	"lamented": {mode: needThat},
	// Base forms after a plural or pronoun subject ("critics argue that").
	"argue": {mode: free}, "claim": {mode: needThat}, "note": {mode: needThat},
	"warn": {mode: needThat}, "explain": {mode: needThat}, "insist": {mode: needThat},
	"stress": {mode: needThat}, "emphasize": {mode: needThat}, "report": {mode: needThat},
	"confirm": {mode: needThat}, "announce": {mode: needThat}, "tell": {mode: needThat, told: true},
	"write": {mode: needThat}, "add": {mode: needThat}, "declare": {mode: needThat},
	"contend": {mode: needThat}, "acknowledge": {mode: needThat}, "admit": {mode: needThat},
	"deny": {mode: needThat}, "predict": {mode: needThat}, "suggest": {mode: needThat},
	"retorted": {mode: free}, "countered": {mode: free}, "pleaded": {mode: quoteOnly},
	"tweeting": {mode: needThat, participle: true}, "posting": {mode: quoteOnly, participle: true},
	"accusing": {mode: quoteOnly, participle: true}, "criticizing": {mode: quoteOnly, participle: true},
	"praising": {mode: quoteOnly, participle: true}, "blasting": {mode: quoteOnly, participle: true},
	"mocking": {mode: quoteOnly, participle: true}, "slamming": {mode: quoteOnly, participle: true},
	"recalling": {mode: needThat, participle: true}, "promising": {mode: needThat, participle: true},
	"vowing": {mode: needThat, participle: true}, "predicting": {mode: needThat, participle: true},
	"replying": {mode: needThat, participle: true}, "responding": {mode: quoteOnly, participle: true},

	"saying": {mode: free, participle: true}, "adding": {mode: free, participle: true},
	"noting": {mode: free, participle: true}, "stating": {mode: free, participle: true},
	"warning": {mode: free, participle: true}, "claiming": {mode: free, participle: true},
	"insisting": {mode: needThat, participle: true}, "arguing": {mode: free, participle: true},
	"suggesting": {mode: needThat, participle: true}, "stressing": {mode: free, participle: true},
	"emphasizing": {mode: free, participle: true}, "emphasising": {mode: free, participle: true},
	"explaining": {mode: free, participle: true}, "indicating": {mode: free, participle: true},
	"declaring": {mode: free, participle: true}, "asserting": {mode: free, participle: true},
	"writing": {mode: needThat, participle: true}, "telling": {mode: needThat, participle: true, told: true},
	"announcing": {mode: needThat, participle: true}, "confirming": {mode: needThat, participle: true},
	"acknowledging": {mode: needThat, participle: true},
	"calling":       {mode: quoteOnly, participle: true}, "describing": {mode: quoteOnly, participle: true},
	"urging": {mode: quoteOnly, participle: true},
}

// toldObjects are addressees folded into the cue ("told reporters").
var toldObjects = set("reporters", "journalists", "lawmakers", "supporters", "parliament", "congress", "press")

// venueNouns end a cue extension like "said in a statement" or "wrote in a
// Truth Social post".
var venueNouns = set("statement", "post", "readout", "interview", "address", "briefing",
	"speech", "tweet", "message", "letter", "release", "conference", "note", "remarks",
	"report", "video", "broadcast", "session", "appearance", "op-ed", "column", "podcast",
	"communique", "summary", "transcript", "call", "meeting", "summit")

// determiners and modifiers may open or sit inside a speaker phrase
// ("a senior official", "the two leaders").
var modifiers = set("the", "a", "an", "his", "her", "its", "their", "our", "this", "these",
	"those", "another", "one", "two", "three", "four", "five", "several", "some", "many",
	"both", "other", "senior", "top", "former", "unnamed", "anonymous", "local", "regional",
	"military", "foreign", "federal", "national", "western", "joint", "official", "new",
	"latest", "written", "brief", "separate", "chief", "deputy", "acting", "special", "u.s",
	"press", "state", "government", "nightly", "weekly", "daily", "evening",
	"morning", "video", "ukrainian", "russian", "american", "european", "us", "uk", "eu")

// personNominals name people without naming them: the speaker stays
// unknown (-1) unless an entity's title matches unambiguously.
var personNominals = set("spokesperson", "spokesman", "spokeswoman", "spokespeople", "official",
	"officials", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "source",
	"sources", "analyst", "analysts", "diplomat", "diplomats", "expert", "experts", "minister",
	"ministers", "president", "leader", "leaders", "envoy", "negotiator", "negotiators",
	"lawmaker", "lawmakers", "senator", "ambassador", "secretary", "chancellor", "premier",
	"governor", "mayor", "commander", "general", "doctor", "doctors", "witness", "witnesses",
	"resident", "residents", "people", "person", "critic", "critics", "observers", "authors",
	"researcher", "researchers", "investigators", "prosecutor", "prosecutors", "officer",
	"officers", "soldiers", "member", "members", "representative", "representatives",
	"correspondent", "economist", "economists", "scientist", "scientists", "professor",
	"director", "chief", "head", "chairman", "chairwoman", "chair", "executive", "executives",
	"lawyer", "lawyers", "attorney", "judge", "manager", "owner", "worker", "workers",
	"firefighters", "medics", "paramedics", "survivors", "families", "parents", "students",
	"voters", "administrator", "coordinator", "inspector", "inspectors", "planner",
	"superintendent", "sheriff", "chiefs", "monitors", "mediators", "militants", "rebels",
	"allies", "partners", "sides", "participants", "congressman", "congresswoman", "councilman",
	"councilwoman", "candidate", "nominee", "businessman", "businesswoman", "billionaire", "mogul",
	"host", "anchor", "columnist", "activist", "activists", "founder", "pastor", "bishop", "justice")

// quantNominals head subjects that count people or share them out:
// "Twenty-four percent said", "nearly half say", "most believe", "others
// argue".
var quantNominals = set("percent", "half", "majority", "minority", "third", "thirds", "quarter",
	"quarters", "most", "many", "others", "another", "both", "few", "several", "none", "all",
	"plurality", "share", "fifth", "fifths", "tenth", "tenths")

// orgNominals name bodies; "the ministry said" has no entity but is not
// a person either.
var orgNominals = set("government", "administration", "ministry", "office", "department",
	"agency", "army", "military", "council", "committee", "parliament", "court", "embassy",
	"campaign", "company", "firm", "group", "organization", "organisation", "police",
	"service", "commission", "cabinet", "party", "regime", "authorities", "team", "union",
	"bank", "board", "mission", "palace", "delegation", "side", "network", "newspaper",
	"agency's", "outlet", "station", "utility", "district", "county", "city", "hospital",
	"clinic", "school", "university", "institute", "coalition", "alliance", "presidency",
	"secretariat", "directorate", "headquarters", "command", "staff", "inquiry", "tribunal",
	"regulator", "operator", "press", "media", "observatory")

// docNominals are texts that speak for their author: "the Kremlin readout
// said" is the Kremlin speaking.
var docNominals = set("statement", "statements", "readout", "readouts", "summary", "transcript",
	"post", "report", "release", "translation", "version", "copy", "account", "letter",
	"message", "tweet", "note", "communique", "announcement", "document", "memo", "filing",
	"notice", "decree", "website", "channel", "video", "address", "speech", "interview",
	"briefing", "remarks", "data", "figures", "estimate", "estimates", "tally", "count",
	"assessment", "analysis", "study", "survey", "poll", "update", "bulletin", "filings",
	"polls", "surveys", "studies", "records", "documents", "reports", "results", "numbers",
	"emails", "lawsuit", "suit", "complaint", "ad", "ads", "book", "article", "editorial", "op-ed",
	"documents", "papers", "research", "evidence", "tweets", "platform", "order", "ruling", "bill")

// relayHeads pass the attribution on to the "of" phrase: "a translation of
// the Kremlin's readout" is the Kremlin speaking.
var relayHeads = set("translation", "version", "copy", "summary", "excerpt", "transcript", "recording")

// backSkip words may stand between a speaker and the verb ("Putin also
// said", "Trump has said", "He went on to say", "Putin on Tuesday said").
var backSkip = set("also", "further", "reportedly", "later", "then", "previously", "earlier",
	"again", "repeatedly", "publicly", "privately", "separately", "once", "has", "have", "had",
	"was", "were", "is", "are", "would", "will", "could", "can", "may", "might", "did", "does",
	"do", "not", "never", "already", "frequently", "often", "recently", "meanwhile", "went",
	"on", "to", "continued", "last", "this", "week", "month", "year", "yesterday", "today",
	"tonight", "morning", "evening", "night", "afternoon", "first", "initially",
	"subsequently", "simply", "just", "only", "even", "still", "too", "quickly", "immediately",
	"flatly", "bluntly", "explicitly", "openly", "angrily", "allegedly", "apparently",
	"himself", "herself", "itself", "themselves", "early", "late", "had", "been", "being",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// timeWords may sit between a cue and its quote or clause ("said
// Thursday: ...", "said on Tuesday that ...").
var timeWords = set("on", "last", "this", "late", "early", "earlier", "later", "week", "month",
	"year", "today", "yesterday", "tonight", "morning", "afternoon", "evening", "night",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "again", "also", "repeatedly", "publicly", "then", "in", "at",
	"the", "during", "after", "before", "past", "weekend", "previously", "recently")

// notHeads are capitalized words that never name a speaker.
var notHeads = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december", "today", "yesterday", "tonight")

// stopWords end a speaker phrase even when capitalized at a sentence start.
var stopWords = set("and", "but", "or", "so", "however", "meanwhile", "still", "yet", "then",
	"in", "on", "at", "after", "before", "when", "while", "as", "if", "although", "though",
	"because", "since", "also", "that", "which", "who", "whom", "whose", "what", "it", "he",
	"she", "they", "we", "i", "you", "there", "here", "following", "during", "with", "for",
	"from", "by", "to", "of", "about", "into", "than", "not", "is", "are", "was", "were",
	"has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must",
	"be", "been", "being", "do", "does", "did", "where", "why", "how", "according", "amid",
	"despite", "over", "under", "up", "down", "out", "off", "now", "all", "no", "nor")

// preps before a phrase make it an object, not the subject: "the
// president during his meeting with Zelenskyy grumbled" is not Zelenskyy.
var preps = set("with", "of", "to", "for", "from", "in", "on", "at", "by", "during", "after",
	"before", "about", "between", "against", "via", "over", "under", "among", "toward",
	"towards", "without", "into", "like", "than", "including", "regarding", "told", "informed")

// connectors join a head to its source phrase: "a statement from the
// Kremlin", "a readout of the call".
var connectors = set("of", "from", "by", "at", "for")

// introWords open an introductory phrase that ends at a comma ("On
// Monday, Trump said ...").
var introWords = set("on", "in", "at", "after", "before", "during", "last", "earlier", "later",
	"however", "meanwhile", "but", "and", "still", "also", "following", "with", "since", "as",
	"while", "when", "by", "for", "despite", "amid", "speaking", "asked", "separately",
	"instead", "yet", "now", "then", "this", "today", "yesterday", "separately", "under",
	"if", "although", "though", "because", "once", "unlike", "like", "over", "to", "from",
	"according", "earlier", "overnight", "previously")

// forwardStops end a speaker phrase read forward ("according to X
// following the call", "said X, who ...").
var forwardStops = set("that", "which", "who", "whom", "whose", "following", "after", "before",
	"during", "when", "while", "as", "because", "but", "since", "though", "although", "if",
	"on", "at", "in", "said", "says", "told", "added", "noted", "and", "is", "was", "were",
	"are", "has", "had", "have", "will", "would", "could", "did", "to")

// clauseJoins end one reported clause before the next cue.
var clauseJoins = set("and", "but", "while", "whereas", "yet")

var pronouns = set("he", "she", "they", "it", "we", "i")

func set(words ...string) wordSet {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	s := wordSet{m: m}
	if lexiconBits < 64 {
		s.bit = 1 << lexiconBits
		lexiconBits++
		for _, w := range words {
			lexicon[w] |= s.bit
		}
	}
	return s
}

// wordSet is a set of lower-case words. The first 64 sets each own a bit
// of lexicon, so that a token's memberships in all of them are found with
// one map look-up per token instead of one per question asked about it;
// a set without a bit answers from its map.
type wordSet struct {
	m   map[string]bool
	bit uint64
}

// has reports whether w is in the set.
func (s wordSet) has(w string) bool { return s.m[w] }

var (
	lexicon     = map[string]uint64{} // word → bits of the sets holding it
	lexiconBits uint
)

// cueBit marks in lexicon the words that may open a cue: the keys of
// verbs, attrVerbs and phrasalCues. Most tokens are none of them.
var cueBit uint64

func init() {
	if lexiconBits >= 64 {
		return
	}
	cueBit = 1 << lexiconBits
	lexiconBits++
	for w := range verbs {
		lexicon[w] |= cueBit
	}
	for w := range attrVerbs {
		lexicon[w] |= cueBit
	}
	for w := range phrasalCues {
		lexicon[w] |= cueBit
	}
}
