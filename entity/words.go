package entity

import (
	"strings"

	"github.com/parallax-news/parallax"
)

// Word lists that steer recognition. They are lower-case and matched
// case-insensitively unless said otherwise.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// roleInfo describes a title or role phrase ("deputy foreign minister").
type roleInfo struct {
	anaphor bool // usable as "the <role>" to refer back to a titled person
	noTitle bool // relational ("counterpart"): marks a person but is no title
}

// roles maps a lower-case role phrase to what it allows. Multi-word phrases
// are matched longest-first, so "secretary of state" wins over "secretary".
var roles = func() map[string]roleInfo {
	m := map[string]roleInfo{}
	// Roles that also work as anaphors: "the president", "the envoy".
	for _, r := range strings.Split(`president|vice president|president-elect|prime minister|premier|chancellor|leader|supreme leader|foreign minister|defense minister|defence minister|interior minister|finance minister|minister|secretary of state|secretary of defense|defense secretary|treasury secretary|secretary-general|secretary general|press secretary|secretary|envoy|special envoy|spokesperson|spokesman|spokeswoman|ambassador|king|queen|pope|emir|crown prince|senator|governor|mayor|general|admiral|commander|negotiator|adviser|advisor|national security adviser|chief of staff|attorney general|speaker|chairman|chairwoman|chief executive|director|commissioner|aide|chief|judge|justice|representative|sheikh|ayatollah|manager`, "|") {
		m[r] = roleInfo{anaphor: true}
	}
	// Titles that only ever precede a name.
	for _, r := range strings.Split(`dr.|sen.|rep.|gov.|gen.|lt.|col.|capt.|sgt.|adm.|maj.|prof.|rev.|sir|dame|lord|prince|princess|professor|ceo|democrat|republican|lawmaker|official|minister of foreign affairs|foreign secretary|home secretary|colonel|lieutenant|captain|sergeant`, "|") {
		m[r] = roleInfo{}
	}
	// Courtesy titles and relations mark a person but are no role.
	for _, r := range []string{"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "counterpart"} {
		m[r] = roleInfo{noTitle: true}
	}
	return m
}()

// roleFirst holds the first word of every role phrase, so that the role
// matcher only starts where a role can begin.
var roleFirst = func() map[string]bool {
	m := map[string]bool{}
	for r := range roles {
		w, _, _ := strings.Cut(r, " ")
		w, _, _ = strings.Cut(w, "-")
		m[w] = true
	}
	return m
}()

// roleSynonyms folds role heads that name the same job.
var roleSynonyms = map[string]string{
	"spokesman":   "spokesperson",
	"spokeswoman": "spokesperson",
	"advisor":     "adviser",
	"defence":     "defense",
	"premier":     "prime minister",
}

// leaderRoles are the heads a "the Russian leader" anaphor may resolve to.
var leaderRoles = set(`president prime minister chancellor leader king queen emir supreme leader`)

// qualifiers make a role a different job: "the president" is not the vice
// president, "the minister" not the deputy minister.
var qualifiers = set(`vice deputy former ex assistant under acting-deputy`)

// modifiers may stand inside a title before the role head.
var modifiers = set(`deputy vice special foreign defense defence interior finance economy chief senior top former acting interim first press national security presidential state federal regional military opposition then`)

// stopCaps are capitalized words that never begin or form a name by
// themselves: function words at sentence start, pronouns, calendar words.
var stopCaps = set(`a an the in on at for but and or nor so yet if as of to by from with without into onto over under after before during since until while when where why how what who whom whose which that this these those there here it its he she they we i you me him her them us our your their his my mine ours also still then now however meanwhile moreover furthermore nevertheless nonetheless although though because according following despite among amid between both all some many most much several few such other another each every either neither no not yes last next first second third new more less just only even already about around across up down out off once today tomorrow yesterday tonight monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec western eastern northern southern analysts officials experts critics residents witnesses sources authorities police lawmakers diplomats observers others people leaders reporters maybe perhaps instead indeed overall earlier later asked speaking like unlike under while whether will would could should can may must might do does did let please thank thanks dear hello ok okay breaking update exclusive live watch read see photo video cover`)

// months end a name run unless a given name precedes ("Theresa May").
var months = set(`january february march april may june july august september october november december`)

// functionWords stay lower case even in title-case headlines.
var functionWords = set(`the a an and or but nor for so yet of to in on at by with from into onto over under after before during since until amid among between about against as via vs per than that this`)

// ownedRoles after a possessive name make the owner a person: "Putin's
// spokesperson", "Trump's aides".
var ownedRoles = set(`wife husband son daughter brother sister mother father aide aides adviser advisers advisor advisors lawyer lawyers predecessor successor counterpart spokesperson spokesman spokeswoman chief-of-staff`)

// speechVerbs after a name mark a speaker, hence a person when the name is
// not a known institution.
var speechVerbs = set(`said says say told tells added adds noted notes wrote writes claimed claims stated argued argues insisted insists warned warns urged urges asked asks explained explains tweeted posted announced announces replied replies responded responds recalled acknowledged admitted denied denies stressed stresses emphasized emphasised commended suggested suggests reiterated declared confirmed confirms thinks thought spoke speaks grumbled boasted vowed pledged`)

// govVerbs after a capital make it act as a government ("Washington
// hoped", "Moscow will").
var govVerbs = set(`said says say told added noted claimed stated insisted insists warned warns urged urges announced announces replied responded denied denies hoped hopes hope will would wants wanted want has have had accused accuses demanded demands agreed agrees rejected rejects refused refuses may might could should must can cannot did does sent sends seeks sought expects expected plans planned intends offered offers imposed proposed accepted accepts backed backs supports supported threatened threatens launched condemned signed considers considered views sees saw needs welcomed welcomes approved approves blamed blames retaliated struck attacked began insisted believes believed vowed pledged`)

// adverbs may sit between a subject and its verb.
var adverbs = set(`also already reportedly now still then quickly previously repeatedly officially publicly not never long recently since itself meanwhile`)

// govNouns after a capital's possessive make it the government: "Moscow's
// support", "Kyiv's position".
var govNouns = set(`support position demands demand proposal proposals orbit response stance offer plan conditions terms approval policy decision refusal claim claims aims goals ally allies envoy ambassador officials readout consent interests security negotiators delegation`)

// placePreps before an otherwise unknown name make it a place.
var placePreps = set(`in at from to near into toward towards across outside inside around through throughout off along`)

// objectPreps before a capital make it an object, never a subject.
var objectPreps = set(`of for with by about between against on over than`)

// orgHeads anywhere in a name make it an organization.
var orgHeads = set(`Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC PLC Plc Group Party Ministry Agency Council Committee Bank University College Company Co. Chemicals Industries Department Office Commission Service Services Authority Institute Association Union Court Foundation Federation Organization Organisation Forces Army Navy Guard Parliament Assembly Police Directorate Bureau Administration Alliance Coalition Movement Front Fund Trust Holdings Airlines Airways Motors Energy Technologies Systems Laboratories Labs Network Press Times Post News Journal Gazette Herald Tribune Telegraph Observer Review Broadcasting Television Radio Club School Academy Centre Center Hospital Church Embassy Cabinet Senate Congress Board Secretariat Corps Brigade Battalion Regiment Division Command`)

// geoHeads allow "of" inside a name: "Gulf of Aden", "Republic of Korea".
var geoHeads = set(`Gulf Sea Bay Strait Republic Kingdom Isle Islands Cape Lake Mount Duke Prince Bishop Archbishop Province State States Sultanate Emirate Mouth Straits Port University Bank Ministry Department Secretary Minister Council Court Institute Bureau Office Commission Committee Board Chamber House Church Museum College School Academy Association Federation Union Organization Organisation Agency Party`)

// connectors may join capitalized tokens inside one name.
var connectors = set(`of for de da del della di du van von der den ter bin ibn al el la le dos das y`)

// determiners start a role anaphor or appositive.
var determiners = set(`the a an his her its their`)

// stopAcronyms are all-caps words that are shouting, not acronyms.
var stopAcronyms = set(`END AND THE NOT ALL NEW BIG NOW YES NO WAR OK CEO TV PM AM IT WE`)

// instHeads are lower-case nouns that head a descriptive name of an
// institution ("the regional health ministry", "the Trump
// administration"), with the type such a name gets.
var instHeads = func() map[string]parallax.EntityType {
	m := map[string]parallax.EntityType{}
	for _, w := range strings.Fields(`ministry agency service department office police court brigade army military navy council committee commission authority union regulator inspectorate watchdog bureau directorate parliament legislature embassy consulate prosecutor prosecutors coalition alliance party`) {
		m[w] = parallax.Organization
	}
	for _, w := range strings.Fields(`government administration cabinet`) {
		m[w] = parallax.Government
	}
	return m
}()

// companyHeads name a business by what it is ("the company", "the chemicals
// group"); such a phrase always refers back to a company named earlier.
var companyHeads = set(`company firm group maker manufacturer producer conglomerate carrier airline lender insurer retailer operator supplier startup giant business corporation`)

// pluralHeads speak for a state when a nationality names it: "Ukrainian
// officials said".
var pluralHeads = set(`officials authorities`)

// anyHead holds the words of instHeads, companyHeads and pluralHeads.
var anyHead = func() map[string]bool {
	m := map[string]bool{}
	for w := range instHeads {
		m[w] = true
	}
	for _, s := range []map[string]bool{companyHeads, pluralHeads} {
		for w, ok := range s {
			m[w] = m[w] || ok
		}
	}
	return m
}()

// standaloneHeads name a speaker even without a modifier or antecedent:
// "police said", "the government said".
var standaloneHeads = set(`police government military army cabinet`)

// levelWords place an institution in a hierarchy: "the regional health
// ministry", "the state news agency".
var levelWords = set(`regional national state federal local city provincial municipal county district central public parliamentary presidential military civil foreign interior international supreme constitutional metropolitan town village`)

// descriptiveWords say something about an institution already named
// instead of naming one: "the same company", "the embattled ministry".
var descriptiveWords = set(`same new old other whole entire such own only first last next former current previous main key latest biggest largest big small powerful influential respective relevant said very all both each every any no some its their his her our this that these those`)

// followers may come right after an institution's head noun without making
// the head a modifier of another noun ("the ministry said" but not "the
// ministry spokesman").
var followers = set(`is was are were be been has had have will would could should can may might must did does do not also still then now later on in at for to from with by about after before as and or but that which who whose when where while than since until if because so said says told added noted confirmed reported announced warned urged denied declined refused stated insisted argued claimed found made took gave saw got kept held put set sent left began became brought wrote spoke ran met paid sought knew thought cut`)

// causativeVerbs take a capital as object and its government as the actor
// of the next verb: "led Washington to restart aid".
var causativeVerbs = set(`led lead leads leading urged urge urges urging pressed press presses pressing asked ask asks asking forced force forces forcing pushed push pushes pushing prompted prompt prompts persuaded persuade convinced convince convinces called allowed allow allows encouraged encourage encourages invited invite invites warned warn warns told tell tells compelled compel pressured pressure pressures spurred spur spurs got get gets`)

// placeHeads at the end of a capitalized name make it a place: "Ostra
// River", "Donetsk Oblast".
var placeHeads = set(`River Lake Valley Mountains Mountain Mount Island Islands Peninsula Desert Forest Canal Creek Hills Coast Oblast Region Province District County Square Bridge Airport Highway Avenue Street Road Dam Reservoir`)

// namedThingHeads end names of agreements and programmes that may contain
// a place: "Black Sea Grain Initiative", "Minsk Agreement".
var namedThingHeads = set(`Initiative Agreement Agreements Accord Accords Deal Pact Treaty Fund Program Programme Plan Corridor Protocol Declaration Charter Summit Convention Conference Forum Project Pipeline`)

// companySuffixes end names of businesses: "Veltran Chemicals", "Halvard
// Group".
var companySuffixes = set(`Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC PLC Plc Group Company Co. Chemicals Industries Holdings Motors Airlines Airways Energy Technologies Systems Bank Pharmaceuticals Pharma Steel Oil Mining Foods Logistics Shipping Capital Partners Ventures Electronics Telecom Petroleum`)

// companyMorphs are word endings that make a single unknown word a business
// name: "Rosselkhozbank", "Gazprom", "Lukoil".
var companyMorphs = []string{"bank", "prom", "neft", "gaz", "oil", "soft", "tech", "corp", "energo", "atom", "com"}

// businessCues after a name ("X shares fell", "X's chief executive") make
// it a company.
var businessCues = set(`shares stock stocks shareholders investors`)

// businessVerbs after ", which" make a name a company: "X, which makes
// solvents".
var businessVerbs = set(`makes produces owns operates employs manufactures sells supplies builds runs markets exports`)
