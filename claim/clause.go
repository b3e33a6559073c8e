package claim

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
)

// minClauseWords is the shortest half a sentence may be split into; a
// shorter one ("but not yet") is not a statement on its own.
const minClauseWords = 5

// clauseBreaks are the joints where one sentence carries two statements.
// They split only when both halves have a verb, so "energy; and
// infrastructure" lists stay whole.
var clauseBreaks = []string{";", ", but ", ", while ", ", whereas "}

// clauses splits the sentence span sp into independent clauses. Breaks
// inside double quotes are ignored: a quote is one statement of its
// speaker.
func clauses(text string, sp parallax.Span) []parallax.Span {
	out := []parallax.Span{sp}
	for {
		split := false
		for i, c := range out {
			a, b, ok := splitOnce(text, c)
			if !ok {
				continue
			}
			out = append(out[:i], append([]parallax.Span{a, b}, out[i+1:]...)...)
			split = true
			break
		}
		if !split {
			return out
		}
	}
}

// splitOnce splits sp at its first acceptable clause break.
func splitOnce(text string, sp parallax.Span) (parallax.Span, parallax.Span, bool) {
	s := text[sp.Start:sp.End]
	for _, br := range clauseBreaks {
		from := 0
		for {
			i := strings.Index(s[from:], br)
			if i < 0 {
				break
			}
			i += from
			from = i + len(br)
			if insideQuote(s[:i]) {
				continue
			}
			a := trimSpan(text, parallax.Span{Start: sp.Start, End: sp.Start + i})
			// The ";" or "," is dropped; a "but" stays with its clause so
			// that it reads as written.
			b := trimSpan(text, parallax.Span{Start: sp.Start + i + 1, End: sp.End})
			if !clauseLike(text[a.Start:a.End]) || !clauseLike(text[b.Start:b.End]) {
				continue
			}
			return a, b, true
		}
	}
	return sp, sp, false
}

// insideQuote reports whether an odd number of double quotes precede the
// end of prefix.
func insideQuote(prefix string) bool {
	n := strings.Count(prefix, "\"")
	n += strings.Count(prefix, "“")
	n -= strings.Count(prefix, "”")
	return n%2 != 0
}

// clauseLike reports whether s is long enough and has a finite verb.
func clauseLike(s string) bool {
	if countWords(s) < minClauseWords {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		if verbLike(w) {
			return true
		}
	}
	return false
}

// verbs are frequent finite verbs of news prose that carry no -ed ending.
var verbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"has": true, "have": true, "had": true, "will": true, "would": true,
	"can": true, "could": true, "may": true, "might": true, "must": true,
	"shall": true, "should": true, "did": true, "does": true, "do": true,
	"said": true, "says": true, "say": true, "told": true, "tells": true,
	"made": true, "makes": true, "took": true, "takes": true, "gave": true,
	"gives": true, "went": true, "goes": true, "came": true, "comes": true,
	"began": true, "begins": true, "remains": true, "remain": true,
	"wants": true, "want": true, "agree": true, "agrees": true,
	"sees": true, "saw": true, "seems": true, "held": true, "holds": true,
	"left": true, "kept": true, "keeps": true, "won": true, "lost": true,
	"rose": true, "fell": true, "met": true, "meets": true, "sent": true,
	"thinks": true, "thought": true, "knew": true, "knows": true,
	"insists": true, "denies": true, "expects": true, "plans": true,
}

func verbLike(w string) bool {
	if verbs[w] {
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}
