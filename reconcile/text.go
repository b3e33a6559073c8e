package reconcile

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/unicode/norm"
)

// word is one word of a claim with its byte offsets in the document text.
type word struct {
	text       string // as written
	lower      string // lower-cased, diacritics folded
	start, end int
}

// words splits text[start:end] into words. Hyphenated and apostrophe
// words stay whole ("cease-fire", "30-day", "Ukraine's"); callers split
// them further when they need to.
func words(text string, start, end int) []word {
	var out []word
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r) {
				j += n
				continue
			}
			// Keep inner hyphens and apostrophes that join letters.
			if (r == '-' || r == '\'' || r == '’') && j+n < end {
				r2, _ := utf8.DecodeRuneInString(text[j+n : end])
				if isWordRune(r2) {
					j += n
					continue
				}
			}
			break
		}
		w := text[i:j]
		out = append(out, word{text: w, lower: fold(w), start: i, end: j})
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// fold lower-cases s, strips diacritics and unifies apostrophes, so that
// "Wiśniewski" and "Wisniewski" compare equal.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || (s[i] >= 'A' && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case '’', 'ʼ', '‘':
			r = '\''
		case 'ł', 'Ł':
			r = 'l'
		case 'ø', 'Ø':
			r = 'o'
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// localKey is the fallback cross-article key of an entity name when the
// entity stage left Key empty: folded words, with a trailing doubled "y"
// folded too ("Zelenskyy" → "zelensky").
func localKey(name string) string {
	ws := words(name, 0, len(name))
	parts := make([]string, 0, len(ws))
	for _, w := range ws {
		l := strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "'")
		if strings.HasSuffix(l, "yy") {
			l = l[:len(l)-1]
		}
		parts = append(parts, l)
	}
	return strings.Join(parts, " ")
}

// synonymClasses are the news verbs and nouns that outlets swap freely for
// one another. Every word of a class maps to the class's first word, so
// "halt strikes", "suspend attacks" and "pause in strikes" share their
// concepts. Multi-word entries match consecutive words.
var synonymClasses = [][]string{
	{"halt", "pause", "suspend", "suspension", "stop", "cease", "cessation", "hold off", "freeze", "moratorium", "refrain"},
	{"strike", "attack", "bombing", "bombard", "bombardment", "shelling", "shell", "airstrike", "raid"},
	{"agree", "agreement", "accept", "back", "endorse", "approve", "consent", "accord"},
	{"ceasefire", "truce", "cease-fire", "armistice"},
	{"call", "talk", "conversation", "phone", "phonecall", "discussion"},
	{"prisoner", "captive", "pow", "pows", "detainee"},
	{"swap", "exchange"},
	{"say", "tell", "state", "statement", "add", "note", "announce", "declare", "report"},
	{"reject", "refuse", "rebuff", "dismiss", "decline", "set aside", "throw out", "thrown out", "threw out", "disqualify", "invalidate", "discard", "void"},
	{"propose", "proposal", "plan", "initiative", "offer", "suggest"},
	{"kill", "dead", "death", "die", "fatality"},
	{"injure", "injury", "wound", "hurt"},
	{"hospitalize", "hospital", "hospitalization"},
	{"evacuate", "evacuation", "evacuee"},
	{"fire", "blaze", "flame", "inferno"},
	{"begin", "start", "launch", "commence"},
	{"resident", "people", "person", "inhabitant"},
	{"full", "complete", "total", "comprehensive"},
	{"immediate", "immediately", "instant"},
	{"aid", "assistance", "help", "support"},
	{"war", "conflict", "invasion", "fighting", "hostility"},
	{"investigation", "inquiry", "probe"},
	{"close", "shut", "closure"},
	{"join", "take part", "took part", "taking part", "takes part", "participate", "participation"},
}

// alsoMeans adds a second, weaker concept to a class: a ceasefire is a
// halt, so "energy ceasefire" partly matches "halt to energy strikes".
var alsoMeans = map[string]string{"ceasefire": "halt"}

// stemmer memoizes the Snowball stemmer for one Brief call.
type stemmer struct {
	cache   map[string]string
	synonym map[string]string // stem → class
	phrases map[string]string // "hold off" (folded words) → class
}

func newStemmer() *stemmer {
	s := &stemmer{cache: map[string]string{}, synonym: map[string]string{}, phrases: map[string]string{}}
	for _, class := range synonymClasses {
		head := class[0]
		for _, w := range class {
			if strings.Contains(w, " ") {
				s.phrases[w] = head
				continue
			}
			s.synonym[english.Stem(w, true)] = head
			s.synonym[w] = head
		}
	}
	return s
}

func (s *stemmer) stem(w string) string {
	if st, ok := s.cache[w]; ok {
		return st
	}
	st := english.Stem(w, true)
	s.cache[w] = st
	return st
}

// irregular maps irregular verb forms of news prose to their base form,
// which the stemmer cannot do ("struck" is a strike, "told" is a say).
var irregular = map[string]string{
	"began": "begin", "begun": "begin", "broke": "break", "broken": "break", "spoke": "speak",
	"spoken": "speak", "told": "tell", "said": "say", "says": "say", "fell": "fall", "fallen": "fall",
	"rose": "rise", "risen": "rise", "took": "take", "taken": "take", "gave": "give", "given": "give",
	"met": "meet", "held": "hold", "sent": "send", "left": "leave", "struck": "strike",
	"fought": "fight", "caught": "catch", "kept": "keep", "led": "lead", "won": "win", "lost": "lose",
	"sought": "seek", "brought": "bring", "thought": "think", "made": "make", "went": "go",
	"gone": "go", "came": "come", "saw": "see", "seen": "see", "knew": "know", "known": "know",
	"shot": "shoot", "hit": "hit", "fled": "flee", "froze": "freeze", "frozen": "freeze",
	"wrote": "write", "written": "write", "bought": "buy", "sold": "sell", "paid": "pay",
	"withdrew": "withdraw", "withdrawn": "withdraw", "drove": "drive", "driven": "drive",
	"burnt": "burn", "spread": "spread", "stood": "stand", "understood": "understand",
}

// concept maps a folded word to its synonym class or its stem.
func (s *stemmer) concept(w string) string {
	if base, ok := irregular[w]; ok {
		w = base
	}
	if c, ok := s.synonym[w]; ok {
		return c
	}
	st := s.stem(w)
	if c, ok := s.synonym[st]; ok {
		return c
	}
	return st
}

// stopWords are dropped from claim vectors: function words, and words
// that carry no fact of their own in news prose (weekdays and units are
// covered by the date and quantity findings).
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a about above after again against all am an and any are as at be because
	been before being below between both but by can did do does doing don down during each few for from
	further had has have having he her here hers herself him himself his how i if in into is it its itself
	just me more most my myself no nor not now of off on once only or other our ours ourselves out over own
	s same she should so some such t than that the their theirs them themselves then there these they this
	those through to too under until up very was we were what when where which while who whom why will with
	you your yours yourself yourselves also would could may might must shall one two three four five six
	seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion half dozen
	first second third last next week weeks year years month months day days hour hours minute minutes
	monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight morning
	afternoon evening night january february march april may june july august september october november
	december mr mrs ms per among upon within without via however yet still even already according
	including around president minister prime deputy secretary chancellor spokesman
	spokeswoman spokesperson envoy mayor governor ambassador senator chairman chairwoman dr`) {
		stopWords[w] = true
	}
}

// contentWords emits the concepts of the words ws that skip does not
// exclude (entity mentions, numbers), with the index of their word and a
// weight: a word that also means something else adds that second concept
// at half weight.
func (s *stemmer) contentWords(ws []word, skip func(start, end int) bool, emit func(concept string, at int, weight float64)) {
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if skip(w.start, w.end) {
			continue
		}
		if i+1 < len(ws) {
			if c, ok := s.phrases[w.lower+" "+ws[i+1].lower]; ok {
				emit(c, i, 1)
				i++
				continue
			}
		}
		parts := []string{w.lower}
		if strings.ContainsRune(w.lower, '-') {
			if _, ok := s.synonym[strings.ReplaceAll(w.lower, "-", "")]; ok {
				parts = []string{strings.ReplaceAll(w.lower, "-", "")}
			} else if _, ok := s.synonym[w.lower]; !ok {
				parts = strings.Split(w.lower, "-")
			}
		}
		for _, p := range parts {
			p = strings.TrimSuffix(strings.TrimSuffix(p, "'s"), "'")
			if len(p) < 2 || stopWords[p] || hasDigit(p) {
				continue
			}
			c := s.concept(p)
			if stopWords[c] {
				continue
			}
			emit(c, i, 1)
			if also, ok := alsoMeans[c]; ok {
				emit(also, i, 0.5)
			}
		}
	}
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}
