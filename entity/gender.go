package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// Grammatical gender of person entities, so that "he" and "she" can be
// resolved to the right person ("Vieira asked Trump ... He said" is
// Trump). It is read from what the article itself says: a courtesy title
// or a gendered role ("Mrs.", "spokeswoman"), a common given name, and
// failing both, the pronouns used right after the person is the only one
// named. Unknown is the answer whenever the evidence is missing or mixed:
// a wrong gender would hide the right antecedent.

// Gender values.
const (
	Male   = "male"
	Female = "female"
)

// maleNames and femaleNames are common given names across the languages of
// international and US political news. Names given to both sexes (Jordan,
// Leslie, Kim, Jean, Andrea, Nicola, Lindsey, Terry) are in neither list.
const maleNames = `aaron abdel abdul abdullah abraham abu adam adolfo adrian ahmad ahmed al alan albert alberto alec aleksandr aleksei alessandro alexander alexandre alexei alexey alfonso alfred alfredo ali allen alonzo alvaro amir anatoly anders andre andrei andrej andres andrew andrii andriy andrzej angelo angus anthony antoine anton antonio antony anwar ari arnold arseniy arthur artie artur arturo ashraf august augusto barack barney barry bashar beau ben benedict benito benjamin benny bernard bernd bernie beto bibi bill billy bob bobby boris brad bradley brandon brendan brent bret brett brian brit bruce bruno bryan buck burt byron calvin carl carlo carlos cesar chad charles charlie chester chip chris christian christoph christopher chuck clarence claus clay clayton clifford clint clinton cody colin conor cornel cory craig curt curtis cyril dale damian dan daniel danny darrell darren darryl dave david dean denis dennis denys derek desmond deval devin dick diego dietrich dimitri dmitri dmitriy dmitro dmitry dmytro dominic don donald doug douglas duane duncan dustin dwight earl ed eddie edgar edmund eduardo edward edwin elias elijah eliot elliot elliott elon emanuel emil emilio emmanuel enrique eric erich erik ernest ernesto ethan eugene evan evgeny evo ezra fabio federico felipe felix ferdinand fernando fidel filippo francesco francis francisco francois frank franz fred freddie frederick friedrich fyodor gabriel garrett gary gavin gene geoffrey george gerald gerard gerhard gianni giorgio giovanni giuseppe glenn gordon graham grant greg gregg gregor gregory guillaume gus gustavo guy hakan hal hamad hamid hank hans harold harrison harry harvey hassan heinrich heinz henri henrik henry herbert herman hernan horace hosni hossein howard hubert hugh hugo hussein ian ibrahim igor ike ilya imran isaac ivan jack jacob jacques jaime jair jake james jared jason javier jay jean-claude jean-luc jean-marc jean-paul jean-pierre jeb jed jeff jeffrey jeh jeremiah jeremy jerome jerrold jerry jesus jim jimmy joachim joao joaquin joe joel johann johannes john johnny jon jonah jonathan jorge jose josef joseph josh joshua juan julian julio julius justin karl keir keith ken kenneth kevin kirill kirk klaus kurt kyle lamar lance larry lars laurent lawrence leo leon leonard leonardo leonid lewis lloyd loren lorenzo lou louis lowell lucas luigi luis luiz luka lukas luke luther lyndon mahmoud malcolm manuel marc marcel marco marcus mariano mario mark marko martin marty marvin matt matteo matthew matthias maurice max maxim mehmet michael michel miguel mike mikhail miles milton mitch mitchell mitt moammar mohamed mohammad mohammed mort moses muammar muhammad murray nathan nathaniel ned neil nelson newt nicholas nick nicolas nigel nikita nikolai nikolay noah norbert norman olaf oleg oleksandr oleksiy oliver ollie omar orrin oscar otto owen pablo paolo pascal patrick paul pavel pedro pete peter petr petro phil philip philippe pierre piotr porter rafael rahm ralph ramon ramzan rand randall randy raul ray raymond reggie reginald reid reince reinhard rex ricardo richard rick rob robert roberto rocco rod rodney rodrigo roger roland roman ron ronald ronan rory ross roy ruben rudolf rudolph rudy rupert rush ruslan russell ryan sal salvador sam samuel saul scott sean sebastian serge sergei sergey sergii sergio sergiy seth shane shaun shawn sheldon sherrod sid silvio simon sonny spencer stan stanley stefan steny stephan stephen steve steven stuart sven ted teddy theodore thomas thorsten tim timothy tobias todd tom tommy tony travis trent trey troy tucker tyler ulrich valery vasily vasyl vernon vicente viktor vince vincent vincenzo vito vladimir vladislav volodymyr wade walter warren wayne wendell werner wesley wilbur will willard william willie wilson wolfgang xavier yaakov yair yevgeny yitzhak yosef yuri yury yves zach zachary`

const femaleNames = `abigail ada adele adriana agnes aisha alejandra alessandra alexandra alexandria alexis alice alicia alina alison allison alma amanda amber amelia amy ana anastasia angela angelina angelique anita ann ann-marie anna annalena anne annette annie antonia april ariana arlene ashley audrey ayanna barbara beata beatrice becky belinda bella bernadette beth bethany betsy betty beverly bianca bonnie brenda bridget brittany brooke camila candice cara carla carmen carol carole caroline carolyn cassandra catherine cathy cecilia celia charlene charlotte chelsea cheryl chloe christa christina christine cindy claire clara claudia cokie colleen condoleezza connie constance courtney cristina crystal cynthia daisy daniela danielle daphne darlene dawn deb debbie deborah debra delia denise diana diane dianne dolly dolores donna doris dorothy edith eileen elaine eleanor elena elisa elisabeth elise elissa eliza elizabeth ella ellen eloise elsa emilia emily emma erica erika erin esther eugenia eva evelyn fatima felicia fiona florence frances francesca gabby gabriela gabriella gabrielle gail geraldine gillian gina ginni giorgia gladys gloria grace greta gretchen gwen gwendolyn hanna hannah harriet hazel heather heidi helen helena helga hilary hillary holly hope huma ilhan ingrid irene irina iris isabel isabella isabelle ivana ivanka jacqueline jane janet janice jasmine jeanette jeanine jeanne jeannie jennifer jenny jessica jill joan joanna joanne jodi joni josephine joy joyce juanita judith judy julia julie juliet june justine kamala karen karin karina karine karoline katarina kate katherine kathleen kathryn kathy katie katrin katy katya kay kayla kayleigh kelli kelly kellyanne kirsten kirstjen kristen kristi kristin kristina kristy krysten kyrsten laura lauren leah lena lesley lilia lillian linda lisa liz liza lois loretta lori lorraine louise lucia lucy luisa lydia lynne madeleine maggie mallory mara marcia margaret margarita maria mariana marianne marie marilyn marina marine marjorie marla marsha martha mary maureen maxine mazie megan meghan megyn melania melanie melinda melissa meredith mia michaela michele michelle mika mildred millie mindy miranda miriam misty molly monica monika nadia nadine nancy naomi natalia natalie natasha nia nicole nikki nina nora olena olga olivia omarosa paige pamela patricia patty paula pauline peggy penelope penny phyllis pramila priscilla rachel rashida rebecca regina renata rhonda rita roberta rosa rosalind rosalyn rose rosemary roxanne ruth sabine sally samantha sandra sara sarah shanna sharon sheila shelley sherry sheryl shirley silvia sofia sonia sophia sophie stacey stacy stephanie susan susana susanne suzanne svetlana sylvia tamara tammy tanya tara teresa theresa tiffany tina tracey tulsi ursula valentina valerie vanessa vera veronica victoria violet virginia vivian wanda wendy whitney yolanda yulia yvette yvonne zina zoe`

// maleTitles and femaleTitles are courtesy titles, honorifics and roles
// that say a person's gender.
var (
	maleTitles = set(`mr mr. mister sir lord king prince duke father brother son husband uncle nephew grandfather
		spokesman congressman councilman assemblyman alderman businessman sportsman anchorman
		cameraman fireman policeman frontman gentleman boyfriend widower monsieur herr senor señor`)
	femaleTitles = set(`mrs mrs. ms ms. miss madam madame mme mme. dame lady queen princess duchess mother sister
		daughter wife aunt niece grandmother widow spokeswoman congresswoman councilwoman assemblywoman
		alderwoman businesswoman chairwoman anchorwoman actress girlfriend frau senora señora`)
)

var givenGender = func() map[string]string {
	m := map[string]string{}
	for _, n := range strings.Fields(maleNames) {
		m[n] = Male
	}
	for _, n := range strings.Fields(femaleNames) {
		if m[n] == Male {
			delete(m, n) // listed as both: not a cue
			continue
		}
		m[n] = Female
	}
	return m
}()

// Gender returns Male or Female for a person entity whose name, aliases
// or title state it: a courtesy title or gendered role in the title or
// any alias ("Mrs. Clinton", "White House spokeswoman"), else the given
// name that opens a name of two or more words ("Hillary Clinton"). It
// returns "" for other entities, for unknown names and for conflicting
// evidence.
func Gender(e parallax.Entity) string {
	if e.Type != parallax.Person {
		return ""
	}
	male, female := 0, 0
	vote := func(g string) {
		switch g {
		case Male:
			male++
		case Female:
			female++
		}
	}
	for _, w := range strings.Fields(strings.ToLower(e.Title)) {
		vote(titleGender(w))
	}
	if strings.Contains(strings.ToLower(e.Title), "first lady") {
		female++
	}
	names := append([]string{e.Name}, e.Aliases...)
	for _, n := range names {
		words := strings.Fields(n)
		for _, w := range words {
			vote(titleGender(strings.ToLower(w)))
		}
	}
	// The given name: the first word of the canonical name, after any
	// courtesy title, when a surname follows it. Aliases with a title in
	// front ("Virginia Gov. Terry McAuliffe") are not read for given
	// names: a place before the title would pass for one.
	for _, n := range names {
		if g := givenNameGender(n); g != "" {
			vote(g)
			break
		}
	}
	switch {
	case male > 0 && female == 0:
		return Male
	case female > 0 && male == 0:
		return Female
	}
	return ""
}

// givenNameGender reads the gender of the given name opening name, when
// name is a bare personal name (only capitalized words and initials, the
// first of them a listed given name followed by at least one more word).
func givenNameGender(name string) string {
	words := strings.Fields(name)
	for len(words) > 0 && titleGender(strings.ToLower(words[0])) != "" {
		words = words[1:]
	}
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return ""
		}
		if _, isRole := roles[strings.ToLower(w)]; isRole {
			return ""
		}
	}
	return givenGender[strings.ToLower(strings.TrimSuffix(words[0], "."))]
}

func titleGender(w string) string {
	w = strings.Trim(w, ",;:()")
	switch {
	case maleTitles[w]:
		return Male
	case femaleTitles[w]:
		return Female
	}
	return ""
}

// Genders returns the gender of every entity of doc, by index: Gender's
// answer where the name or title states it, else what the article's
// pronouns say. A pronoun counts for a person when that person is the
// only one named in the sentence and the pronoun follows the mention in
// the same sentence ("Perry said his ..."), or stands in the next
// sentence when that one names no person. Pronouns inside quotation
// marks count too: they are mostly about the speaker's subject, which is
// usually the person named. A person needs two pronouns of one gender
// and at most a third as many of the other.
func Genders(doc *parallax.Document) []string {
	if doc == nil {
		return nil
	}
	out := make([]string, len(doc.Entities))
	unknown := false
	for i, e := range doc.Entities {
		out[i] = Gender(e)
		unknown = unknown || e.Type == parallax.Person && out[i] == ""
	}
	if !unknown || len(doc.Sentences) == 0 {
		return out
	}
	text := doc.Text
	// persons[s] lists the person entities named in sentence s, with the
	// end of their first mention there.
	type named struct{ ent, end int }
	persons := make([][]named, len(doc.Sentences))
	for ei, e := range doc.Entities {
		if e.Type != parallax.Person {
			continue
		}
		for _, m := range e.Mentions {
			s := doc.SentenceAt(m.Start)
			if s < 0 {
				continue
			}
			seen := false
			for _, p := range persons[s] {
				seen = seen || p.ent == ei
			}
			if !seen {
				persons[s] = append(persons[s], named{ei, m.End})
			}
		}
	}
	he := make([]int, len(doc.Entities))
	she := make([]int, len(doc.Entities))
	count := func(ei int, from, to int) {
		m, f := pronounCounts(text, from, to)
		he[ei] += m
		she[ei] += f
	}
	for s, ps := range persons {
		if len(ps) != 1 {
			continue
		}
		p := ps[0]
		sp := doc.Sentences[s].Span
		count(p.ent, max(p.end, sp.Start), min(sp.End, len(text)))
		if s+1 < len(doc.Sentences) && len(persons[s+1]) == 0 {
			n := doc.Sentences[s+1].Span
			count(p.ent, max(n.Start, 0), min(n.End, len(text)))
		}
	}
	for i := range out {
		if out[i] != "" || doc.Entities[i].Type != parallax.Person {
			continue
		}
		switch {
		case he[i] >= 2 && she[i]*3 <= he[i]:
			out[i] = Male
		case she[i] >= 2 && he[i]*3 <= she[i]:
			out[i] = Female
		}
	}
	return out
}

// pronounCounts counts third-person singular pronouns of each gender in
// text[from:to].
func pronounCounts(text string, from, to int) (male, female int) {
	if from < 0 || to > len(text) || from >= to {
		return 0, 0
	}
	// Words are runs of letters. This runs over every sentence that
	// follows a person's mention, so it scans in place: no word slice, and
	// ASCII words are lower-cased into a small buffer.
	s := text[from:to]
	var buf [8]byte
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		start, ascii := i, true
		for i < len(s) {
			r, n = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
				ascii = false
			}
			if !unicode.IsLetter(r) {
				break
			}
			i += n
		}
		w := s[start:i]
		var lw string
		switch {
		case !ascii:
			lw = strings.ToLower(w)
		case len(w) > len(buf):
			continue // longer than any pronoun
		default:
			b := buf[:len(w)]
			for k := range len(w) {
				c := w[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[k] = c
			}
			lw = string(b)
		}
		switch lw {
		case "he", "him", "his", "himself":
			male++
		case "she", "her", "hers", "herself":
			female++
		}
	}
	return male, female
}
