package polnear

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
)

// Relation is one attribution relation: who (Source) is credited, through
// which words (Cue), with what (Content). Each role is a list of fragments,
// byte spans into the article text, sorted; a role the annotator left out
// is nil. Discontinuous gold spans ("12 30;34 50") give several fragments.
type Relation struct {
	Source, Cue, Content []parallax.Span
}

// Parse reads one PolNeAR annotation file in brat standoff form against the
// article text it annotates. Gold offsets count Unicode code points; Parse
// turns them into byte offsets of text. Text-bound lines ("T3\tContent 226
// 297\t...") are collected and every event line ("E1\tAttribution:T4
// Content:T3 Cue:T2 Source:T1") becomes a Relation; a second content role
// ("Content2") adds fragments to Content. Lines of other kinds (annotator
// notes) and continuation lines of multi-line span texts are skipped.
// Malformed text-bound lines, offsets outside the text and events naming an
// unknown id are errors.
func Parse(ann, text string) ([]Relation, error) {
	byteAt := runeOffsets(text)
	spans := map[string][]parallax.Span{}
	type event struct {
		line int
		args []string
	}
	var events []event
	for n, line := range strings.Split(ann, "\n") {
		line = strings.TrimRight(line, "\r")
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || len(id) < 2 || !isDigits(id[1:]) {
			continue // notes, continuation lines, blank lines
		}
		switch id[0] {
		case 'T':
			head, _, _ := strings.Cut(rest, "\t")
			frags, err := parseFragments(head, byteAt)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n+1, err)
			}
			spans[id] = frags
		case 'E':
			head, _, _ := strings.Cut(rest, "\t")
			events = append(events, event{n + 1, strings.Fields(head)})
		}
	}
	var out []Relation
	for _, e := range events {
		var r Relation
		for _, arg := range e.args {
			role, ref, ok := strings.Cut(arg, ":")
			if !ok {
				return nil, fmt.Errorf("line %d: bad argument %q", e.line, arg)
			}
			frags, known := spans[ref]
			if !known {
				return nil, fmt.Errorf("line %d: unknown id %q", e.line, ref)
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				r.Source = append(r.Source, frags...)
			case "Cue":
				r.Cue = append(r.Cue, frags...)
			case "Content":
				r.Content = append(r.Content, frags...)
			}
		}
		for _, f := range []*[]parallax.Span{&r.Source, &r.Cue, &r.Content} {
			slices.SortFunc(*f, func(x, y parallax.Span) int { return x.Start - y.Start })
		}
		if r.Source != nil || r.Cue != nil || r.Content != nil {
			out = append(out, r)
		}
	}
	return out, nil
}

// parseFragments reads "Label 10 20;25 30" into byte spans.
func parseFragments(head string, byteAt []int) ([]parallax.Span, error) {
	_, offs, ok := strings.Cut(head, " ")
	if !ok {
		return nil, fmt.Errorf("no offsets in %q", head)
	}
	var out []parallax.Span
	for _, f := range strings.Split(offs, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(f), " ")
		if !ok {
			return nil, fmt.Errorf("bad fragment %q", f)
		}
		s, err1 := strconv.Atoi(a)
		e, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(byteAt) {
			return nil, fmt.Errorf("bad fragment %q", f)
		}
		out = append(out, parallax.Span{Start: byteAt[s], End: byteAt[e]})
	}
	return out, nil
}

// runeOffsets returns the byte offset of every code point of text, plus
// len(text) at the end, so that code point offset i maps to byteAt[i].
func runeOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	// range yields one index per invalid byte too, which is what a reader
	// decoding with replacement characters would count.
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
