package entity

import (
	"strings"
	"sync"
	"unicode"

	"github.com/parallax-news/parallax"
	"golang.org/x/text/unicode/norm"
)

// Key returns the cross-article identity key of a name: lower case,
// diacritics stripped, punctuation dropped, and transliteration variants
// folded so that "Zelensky", "Zelenskyy", "Zelenskiy" and "Zelenski" meet,
// as do "Kiev" and "Kyiv". Gazetteer aliases fold to their canonical name
// ("U.S." and "United States" share a key) and keep a readable key
// ("russia"); other names get the folded form ("steve witkof").
//
// The folding is by general rules applied to each word: doubled letters
// collapse (Zelenskyy, Odessa, Witkoff), the Slavic endings -iy/-yi/-ij/-yj
// become -y and a final -i after a consonant becomes -y (Zelenskiy,
// Zelenskyi, Zelenski), and known place transliterations (Kiev→Kyiv,
// Kharkov→Kharkiv) come from the gazetteer.
func Key(name string) string {
	k := foldWords(name)
	if c, ok := keyAliases()[k]; ok {
		return c
	}
	return k
}

var (
	aliasOnce sync.Once
	aliasKeys map[string]string // folded alias → folded canonical name
	wordKeys  map[string]string // folded one-word alias → folded canonical word
)

func keyAliases() map[string]string {
	aliasOnce.Do(func() {
		g := theGazetteer()
		aliasKeys, wordKeys = map[string]string{}, map[string]string{}
		for surface, id := range g.lookup {
			canon := foldPlain(g.entries[id].name)
			alias := foldPlain(surface)
			if alias == canon {
				continue
			}
			if !strings.Contains(alias, " ") && !strings.Contains(canon, " ") && g.entries[id].typ == parallax.Place {
				// One-word place spellings fold inside longer names too:
				// "Kiev Post" and "Kyiv Post".
				wordKeys[alias] = canon
			}
		}
		for surface, id := range g.lookup {
			// Known names keep a readable key: "russia", not "rusia".
			canon := strings.Join(plainWords(g.entries[id].name), " ")
			aliasKeys[foldWith(surface, wordKeys)] = canon
			aliasKeys[foldWith(g.entries[id].name, wordKeys)] = canon
		}
	})
	return aliasKeys
}

// foldPlain lower-cases, strips diacritics and punctuation, and applies the
// per-word spelling rules, without the place table.
func foldPlain(s string) string {
	words := plainWords(s)
	for i, w := range words {
		words[i] = foldWord(w)
	}
	return strings.Join(words, " ")
}

func foldWords(s string) string {
	keyAliases()
	return foldWith(s, wordKeys)
}

// foldWith folds each word and maps one-word place spellings through table.
func foldWith(s string, table map[string]string) string {
	words := plainWords(s)
	for i, w := range words {
		w = foldWord(w)
		if c, ok := table[w]; ok {
			w = c
		}
		words[i] = w
	}
	return strings.Join(words, " ")
}

// special letters that do not decompose into a base letter and a mark.
var special = map[rune]string{
	'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ß': "ss",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i", 'þ': "th", 'ð': "d",
}

// plainWords splits a name into lower-case ASCII-folded words. Apostrophes
// and periods vanish ("U.S." → "us", "O'Brien" → "obrien"); everything
// else that is not a letter or digit separates words. A leading "the" is
// dropped.
func plainWords(s string) []string {
	var b strings.Builder
	if isASCII(s) {
		// The loop below, byte by byte: ASCII has no marks and no
		// special letters.
		b.Grow(len(s))
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == '.' || c == '\'':
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				b.WriteByte(c)
			case 'A' <= c && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			default:
				b.WriteByte(' ')
			}
		}
	} else {
		s = norm.NFD.String(s)
		for _, r := range s {
			switch {
			case unicode.Is(unicode.Mn, r):
			case r == '.' || r == '\'' || r == '\u2019':
			case special[r] != "":
				b.WriteString(special[r])
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(unicode.ToLower(r))
			default:
				b.WriteByte(' ')
			}
		}
	}
	words := strings.Fields(b.String())
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	// A possessive left on a name must not change its key.
	if n := len(words); n > 0 && (strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "\u2019s")) {
		words[n-1] = strings.TrimSuffix(words[n-1], "s")
	}
	return words
}

// foldWord applies the spelling rules to one lower-case word.
func foldWord(w string) string {
	if len(w) < 4 {
		return w
	}
	// Collapse doubled letters: zelenskyy → zelensky, odessa → odesa.
	// Most words have none, and keep their string.
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] && isASCIILetter(w[i]) {
			w = collapseDoubles(w)
			break
		}
	}
	if len(w) < 4 {
		return w
	}
	// Slavic adjectival endings: -iy, -yi, -ij, -yj → -y.
	for _, end := range []string{"iy", "yi", "ij", "yj"} {
		if strings.HasSuffix(w, end) && isConsonant(w[len(w)-3]) {
			return w[:len(w)-2] + "y"
		}
	}
	// Final -i after a consonant: zelenski → zelensky, dmitri → dmitry.
	if w[len(w)-1] == 'i' && isConsonant(w[len(w)-2]) {
		return w[:len(w)-1] + "y"
	}
	return w
}

func collapseDoubles(w string) string {
	b := []byte(w)
	out := b[:1]
	for i := 1; i < len(b); i++ {
		if b[i] != b[i-1] || !isASCIILetter(b[i]) {
			out = append(out, b[i])
		}
	}
	return string(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' }

func isConsonant(c byte) bool {
	return isASCIILetter(c) && !strings.ContainsRune("aeiouy", rune(c))
}

// SameReferent reports whether two entities from different articles name
// the same referent. They do when their keys are equal and their types are
// compatible, or when one name is a word-suffix of the other ("Witkoff" and
// "Steve Witkoff"). A person's title written into the name does not count
// ("special envoy Steve Witkoff" is "Steve Witkoff"). Two full names with
// different given names are different people ("Steve Witkoff" and "Alex
// Witkoff"). Only persons, and names of two or more words, merge by suffix:
// a bare "Post" must not join "Washington Post".
//
// SameReferent sees two entities only; a bare surname shared by two
// different full names in a corpus is ambiguous, which Group handles.
func SameReferent(a, b parallax.Entity) bool {
	if !compatible(a.Type, b.Type) {
		return false
	}
	ka, kb := referentKey(a), referentKey(b)
	if ka == "" || kb == "" {
		return false
	}
	if ka == kb {
		return true
	}
	// Suffixes compare the names as written (folded), not the keys: the
	// key of "International Atomic Energy Agency" is "iaea".
	wa, wb := strings.Fields(foldWords(bareName(a))), strings.Fields(foldWords(bareName(b)))
	if len(wa) == 0 || len(wb) == 0 {
		wa, wb = strings.Fields(ka), strings.Fields(kb)
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 1 && (a.Type != parallax.Person || b.Type != parallax.Person) {
		return false
	}
	return isSuffix(wa, wb)
}

func keyOf(e parallax.Entity) string {
	if e.Key != "" {
		return e.Key
	}
	return Key(e.Name)
}

// referentKey is the key that identifies an entity across articles: its
// Key, except that a person whose name carries a title ("special envoy Steve
// Witkoff", "President Trump") is keyed by the name without it.
func referentKey(e parallax.Entity) string {
	if n := bareName(e); n != e.Name {
		return Key(n)
	}
	return keyOf(e)
}

// bareName returns a person's name without leading title words: roles,
// their modifiers, nationalities and countries ("US special envoy",
// "Russia's", "Mr."). At least one word always remains. Other types keep
// their name: "General Motors" is no general.
func bareName(e parallax.Entity) string {
	if e.Type != parallax.Person {
		return e.Name
	}
	g := theGazetteer()
	words := strings.Fields(e.Name)
	i := 0
	for i < len(words)-1 {
		w := strings.TrimSuffix(strings.TrimSuffix(words[i], "'s"), "’s")
		lw := strings.ToLower(w)
		_, known := g.find(w)
		if !titleWords[lw] && !modifiers[lw] && g.demonyms[w] == "" && !known && lw != "the" {
			break
		}
		i++
	}
	if i == 0 {
		return e.Name
	}
	return strings.Join(words[i:], " ")
}

// titleWords holds every word of every role phrase ("secretary", "of",
// "state", "envoy", "mr.").
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for r := range roles {
		for _, w := range strings.FieldsFunc(r, func(c rune) bool { return c == ' ' || c == '-' }) {
			m[w] = true
		}
	}
	return m
}()

func isSuffix(short, long []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i, w := range short {
		if long[off+i] != w {
			return false
		}
	}
	return true
}

// compatible reports whether two entity types can name one referent. A seat
// of power may be typed as an organization by another producer. A capital
// acting as its government ("Kyiv would agree") is not the city ("in
// Kyiv"): Recognize keeps the two apart within an article, and merging them
// across articles would hide who speaks.
func compatible(a, b parallax.EntityType) bool {
	if a == b {
		return true
	}
	return (a == parallax.Government && b == parallax.Organization) || (a == parallax.Organization && b == parallax.Government)
}

// Group clusters entities from many articles into referents and returns a
// cluster number for each entity, numbered by first appearance.
//
// The rule for bare surnames: a one-word person ("Witkoff") joins a full
// name ("Steve Witkoff") only when every full name in the corpus ending in
// that surname is the same person. When two different full names share it
// ("Steve Witkoff", "Alex Witkoff"), the bare surname stays on its own:
// guessing would merge statements by one person into the other.
func Group(ents []parallax.Entity) []int {
	parent := make([]int, len(ents))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	keys := make([]string, len(ents))
	for i, e := range ents {
		keys[i] = referentKey(e)
	}
	// Distinct full-name keys per surname key.
	fulls := map[string]map[string]bool{}
	for i, e := range ents {
		w := strings.Fields(keys[i])
		if e.Type != parallax.Person || len(w) < 2 {
			continue
		}
		s := w[len(w)-1]
		if fulls[s] == nil {
			fulls[s] = map[string]bool{}
		}
		fulls[s][keys[i]] = true
	}
	for i := range ents {
		for j := i + 1; j < len(ents); j++ {
			if !SameReferent(ents[i], ents[j]) {
				continue
			}
			if bare, full := bareAndFull(keys[i], keys[j]); bare != "" && full != "" &&
				ents[i].Type == parallax.Person && len(fulls[bare]) > 1 {
				continue
			}
			parent[find(j)] = find(i)
		}
	}
	out := make([]int, len(ents))
	num := map[int]int{}
	for i := range ents {
		r := find(i)
		if _, ok := num[r]; !ok {
			num[r] = len(num)
		}
		out[i] = num[r]
	}
	return out
}

// bareAndFull returns the one-word key and the longer key when exactly one of
// the two is a single word.
func bareAndFull(a, b string) (bare, full string) {
	wa, wb := strings.Count(a, " ") == 0, strings.Count(b, " ") == 0
	switch {
	case wa && !wb:
		return a, b
	case wb && !wa:
		return b, a
	}
	return "", ""
}
