package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// Paragraphs splits normalized text into paragraphs, separated by blank
// lines, and sorts them into content and boilerplate: captions, photo
// credits, bylines, datelines alone on a line, agency and copyright notes,
// "Read more" and subscription links. Spans are trimmed of surrounding
// whitespace and returned in text order.
//
// Headings are content; IsHeading lets later stages keep them out of facts.
func Paragraphs(text string) (content, boilerplate []parallax.Span) {
	for start := 0; start < len(text); {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s := trimSpan(text, start, end)
		start = end + 2
		if s.Len() == 0 {
			continue
		}
		if IsBoilerplate(text[s.Start:s.End]) {
			boilerplate = append(boilerplate, s)
		} else {
			content = append(content, s)
		}
	}
	return content, boilerplate
}

func trimSpan(text string, start, end int) parallax.Span {
	for start < end && isSpace(text[start]) {
		start++
	}
	for end > start && isSpace(text[end-1]) {
		end--
	}
	return parallax.Span{Start: start, End: end}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// IsBoilerplate reports whether a paragraph is page furniture rather than
// reporting: it must not become a fact.
func IsBoilerplate(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" {
		return false
	}
	lower := strings.ToLower(line)
	switch {
	case labelled(lower),
		parenNote(line, lower),
		photoCredit(line, lower),
		copyright(lower),
		byline(line),
		pipeCredit(line),
		agencyCredit(line),
		dateline(line),
		dateOnly(lower):
		return true
	}
	return false
}

// phrases open a boilerplate line wherever they stand at its start.
var phrases = []string{
	"read more", "read also", "also read", "also see", "see also", "more from",
	"advertisement", "sponsored", "scroll to continue", "story continues",
	"continue reading", "subscribe", "sign up for", "sign up to", "sign up now",
	"share this", "share on", "click here", "tap here", "follow us", "follow the latest",
	"join our", "join us on", "download the", "download our", "get the latest",
	"don't miss", "must read", "listen to this article",
	"all rights reserved",
	"with input from", "with inputs from", "reporting by", "additional reporting",
	"writing by", "written by", "editing by", "edited by", "compiled by",
	"contributing reporting", "reporting contributed", "photo by", "photos by",
	"photo credit", "photo courtesy", "image credit", "image courtesy", "file photo",
	"representational image", "representative image", "this story has been",
	"this article has been", "this article was", "this story was", "this story is",
	"this is a developing story", "more to follow", "editor's note",
}

// captionLabels open a boilerplate line only as "Label:" or as the whole
// line, or anywhere inside a leading parenthesis: "Photos show the damage"
// is reporting, "Photo: Reuters" and "(Cover: Trump attends" are captions.
var captionLabels = []string{
	"cover", "cover photo", "cover image", "photo", "photos", "image", "images",
	"picture", "pictures", "pic", "video", "graphic", "illustration",
	"caption", "credit", "credits", "source", "sources", "file", "file photo",
	"representational image", "representative image", "top image", "main image",
	"featured image", "lead image", "header image",
}

// labels are like captionLabels but are ordinary words inside parentheses:
// "(More than 100 people died.)" is reporting.
var labels = []string{
	"watch", "related",
	"related stories", "related articles", "related coverage", "related news",
	"related content", "related reading", "related topics", "recommended",
	"updated", "published", "posted", "last updated", "first published", "listen",
	"trending", "top stories", "more", "note", "share", "tweet", "email",
	"print", "comments", "menu", "close", "skip to content", "loading",
	"key points", "highlights", "breaking", "breaking news", "live updates",
}

// labelled matches the phrases and labels above on a lower-cased line.
func labelled(lower string) bool {
	for _, p := range phrases {
		if hasWord(lower, p) {
			return true
		}
	}
	body := strings.TrimLeft(lower, "([ ")
	opened := len(body) < len(lower)
	if labelIn(body, captionLabels, opened) || labelIn(body, labels, false) {
		return true
	}
	if opened {
		for _, p := range phrases {
			if hasWord(body, p) {
				return true
			}
		}
	}
	return false
}

// labelIn reports whether body opens with one of labels used as a label:
// followed by a colon, a closing bracket, nothing, or the AP caption dash
// ("FILE - President Trump speaks..."); any follower when loose.
func labelIn(body string, labels []string, loose bool) bool {
	for _, l := range labels {
		if !hasWord(body, l) {
			continue
		}
		rest := strings.TrimLeft(body[len(l):], " ")
		if loose || rest == "" || rest[0] == ':' || rest[0] == ')' || rest[0] == ']' ||
			strings.HasPrefix(rest, "- ") {
			return true
		}
	}
	return false
}

// hasWord reports whether s starts with the words p, ending at a word
// boundary.
func hasWord(s, p string) bool {
	if !strings.HasPrefix(s, p) {
		return false
	}
	if len(s) == len(p) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[len(p):])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// parenNote matches a line wrapped whole in parentheses or brackets that is
// not a sentence: "(With input from agencies)", "[Reporting by ...]".
// "(The figure excludes Crimea.)" ends like a sentence and stays content.
func parenNote(line, lower string) bool {
	if strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")") ||
		strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
		if closeOf(line) != len(line)-1 {
			return false // "(CNN) ... (AP)" is a sentence with a tag
		}
		inner := strings.TrimSpace(line[1 : len(line)-1])
		return !endsSentence(inner)
	}
	return false
}

// closeOf returns the index of the bracket closing line[0], or -1.
func closeOf(line string) int {
	open := line[0]
	closing := byte(')')
	if open == '[' {
		closing = ']'
	}
	depth := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case open:
			depth++
		case closing:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// endsSentence reports whether s ends with sentence punctuation, possibly
// followed by a closing quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"')] ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// photoAgencies are credit tags written as "Name/AGENCY" or "(AP Photo/...)".
var photoAgencies = []string{
	"ap", "afp", "reuters", "epa", "epa-efe", "getty", "getty images", "pti", "ani",
	"anadolu", "tass", "xinhua", "sputnik", "bloomberg", "pool", "handout", "cfp",
	"ians", "yonhap", "kyodo", "shutterstock", "alamy", "ukrinform", "zuma",
}

// photoCredit matches captions that carry a photo credit: "(AP Photo/Evan
// Vucci)", "... Moscow, March 18. REUTERS/Evgenia Novozhenina", "Sputnik/
// Pool via Reuters", "Photo by X/Getty Images".
func photoCredit(line, lower string) bool {
	if !strings.Contains(lower, "photo") && !strings.Contains(lower, "/") && !strings.Contains(lower, "getty") {
		return false
	}
	for _, a := range photoAgencies {
		if strings.Contains(lower, "("+a+" photo") || strings.Contains(lower, a+" photo/") {
			return true
		}
	}
	for _, c := range []string{"via getty images", "(photo:", "(photo by", "(photos:", "(photo credit", "photo/", "photo credit"} {
		if strings.Contains(lower, c) {
			return true
		}
	}
	// A credit tail "X/Y" ends the line without sentence punctuation; the
	// text after the last slash is a short proper name or agency.
	body := strings.TrimRight(line, ") ")
	if endsSentence(body) || strings.HasSuffix(body, "\"") {
		return false
	}
	slash := strings.LastIndexByte(body, '/')
	if slash < 0 {
		return false
	}
	tail := strings.TrimSpace(body[slash+1:])
	words := strings.Fields(tail)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tail)
	if !unicode.IsUpper(r) {
		return false
	}
	// The credit must follow a caption-like stretch or an agency, not a
	// technical "AC/DC" in a heading: require a known agency in the tail or
	// right before the slash.
	before := strings.Fields(strings.ToLower(body[:slash]))
	last := ""
	if len(before) > 0 {
		last = strings.Trim(before[len(before)-1], ".,(")
	}
	lowTail := strings.ToLower(tail)
	for _, a := range photoAgencies {
		if last == a || hasAnyWord(lowTail, a) {
			return true
		}
	}
	return false
}

// hasAnyWord reports whether w occurs in s as a whole word.
func hasAnyWord(s, w string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if f == w {
			return true
		}
	}
	return false
}

func copyright(lower string) bool {
	if strings.HasPrefix(lower, "©") || strings.Contains(lower, "all rights reserved") {
		return true
	}
	// "Copyright 2025 Reuters", "Copyright © The Associated Press", but not
	// "Copyright law protects ...".
	for _, p := range []string{"(c)", "copyright"} {
		if !hasWord(lower, p) {
			continue
		}
		rest := strings.TrimSpace(lower[len(p):])
		if rest == "" || rest[0] >= '0' && rest[0] <= '9' || strings.HasPrefix(rest, "©") ||
			strings.HasPrefix(rest, "(c)") || p == "copyright" && !endsSentence(rest) && len(strings.Fields(rest)) <= 6 {
			return true
		}
	}
	return false
}

// connectors may stand between names in a byline.
var connectors = map[string]bool{
	"and": true, "&": true, "in": true, "for": true, "with": true, "of": true,
	"the": true, "de": true, "da": true, "van": true, "von": true, "der": true,
	"al": true, "bin": true, "le": true, "la": true, "-": true, "|": true,
	"at": true, "from": true, "via": true,
}

var calendar = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true,
	"fri": true, "sat": true, "sun": true, "today": true, "tomorrow": true,
	"yesterday": true, "now": true, "then": true, "late": true, "early": true,
	"noon": true, "midnight": true, "dawn": true, "nightfall": true, "year": true,
	"year-end": true, "the": true, "next": true, "last": true, "this": true,
}

// byline matches "By Jane Doe", "BY JANE DOE", "By Jane Doe and John Roe,
// Reuters", "By Jane Doe in Kyiv". "By Tuesday, officials had..." is not a
// byline: the words after "By" must be names, not a date, and the line must
// not end like a sentence.
func byline(line string) bool {
	if !strings.HasPrefix(line, "By ") && !strings.HasPrefix(line, "BY ") {
		return false
	}
	if endsSentence(line) && !endsWithInitial(line) {
		return false
	}
	words := strings.Fields(line[3:])
	if len(words) == 0 || len(words) > 16 {
		return false
	}
	names := 0
	tail := false // after "By Jane Doe," anything goes: titles, outlets, times
	for i, w := range words {
		if tail {
			continue
		}
		bare := strings.Trim(w, ",;:()")
		if bare == "" || connectors[strings.ToLower(bare)] {
			continue
		}
		if i == 0 && calendar[strings.ToLower(strings.TrimRight(bare, "."))] {
			return false
		}
		r, _ := utf8.DecodeRuneInString(bare)
		if !unicode.IsUpper(r) {
			return false
		}
		names++
		if names >= 2 && (strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";")) {
			tail = true
		}
	}
	return names >= 1
}

// endsWithInitial reports lines ending in a capital initial: "By John Q."
func endsWithInitial(line string) bool {
	if !strings.HasSuffix(line, ".") || len(line) < 3 {
		return false
	}
	c, p := line[len(line)-2], line[len(line)-3]
	return c >= 'A' && c <= 'Z' && (p == ' ' || p == '.')
}

// pipeCredit matches short "|"-separated lines: "Jane Doe | Reuters",
// "World | Europe", "Updated 10:45 | March 18, 2025".
func pipeCredit(line string) bool {
	if !strings.Contains(line, "|") || endsSentence(line) {
		return false
	}
	for _, part := range strings.Split(line, "|") {
		if len(strings.Fields(part)) > 7 {
			return false
		}
	}
	return true
}

// agencies are outlets whose name alone ends a credit line.
var agencies = map[string]bool{
	"reuters": true, "ap": true, "afp": true, "associated press": true,
	"the associated press": true, "agence france-presse": true, "bloomberg": true,
	"cnn": true, "bbc": true, "bbc news": true, "al jazeera": true, "tass": true,
	"xinhua": true, "anadolu": true, "anadolu agency": true, "nbc news": true,
	"abc news": true, "cbs news": true, "fox news": true, "sky news": true,
	"dpa": true, "efe": true, "pti": true, "ani": true, "ians": true, "upi": true,
	"ria novosti": true, "interfax": true, "ukrinform": true, "the guardian": true,
	"the new york times": true, "the washington post": true, "usa today": true,
	"agencies": true, "wire services": true, "staff": true, "staff reporter": true,
	"news desk": true, "web desk": true, "cgtn": true, "cfp": true,
}

// agencyCredit matches "Jane Doe, Reuters", "Staff - AFP", "- Reuters" and
// "Reuters" alone: a short line ending in an agency after a separator.
func agencyCredit(line string) bool {
	if endsSentence(line) || len(strings.Fields(line)) > 8 {
		return false
	}
	lower := strings.ToLower(strings.Trim(line, " -()"))
	if agencies[lower] {
		return true
	}
	for _, sep := range []string{", ", " - ", " / ", "/"} {
		if i := strings.LastIndex(lower, sep); i >= 0 && agencies[strings.TrimSpace(lower[i+len(sep):])] {
			return true
		}
	}
	return false
}

// dateline matches a dateline alone on a line: "WASHINGTON", "KYIV,
// Ukraine", "MOSCOW, March 18 (Reuters) -", "UNITED NATIONS (AP) -".
func dateline(line string) bool {
	s := strings.TrimRight(line, " -:")
	if endsSentence(s) && !strings.HasSuffix(s, ".)") {
		return false
	}
	// Drop a trailing agency tag such as "(Reuters)".
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i > 0 && agencies[strings.ToLower(s[i+1:len(s)-1])] {
			s = strings.TrimRight(s[:i], " ")
		}
	}
	parts := strings.Split(s, ",")
	place := strings.TrimSpace(parts[0])
	words := strings.Fields(place)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	letters := 0
	for _, r := range place {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r):
			return false
		}
	}
	if letters < 2 {
		return false
	}
	total := len(words)
	for _, p := range parts[1:] {
		ws := strings.Fields(p)
		total += len(ws)
		for _, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return total <= 8
}

// timeWords may make up a line that only states when the piece appeared.
var timeWords = map[string]bool{
	"updated": true, "published": true, "posted": true, "last": true, "first": true,
	"on": true, "at": true, "am": true, "pm": true, "a.m": true, "p.m": true,
	"et": true, "est": true, "edt": true, "pt": true, "pst": true, "pdt": true,
	"ct": true, "cst": true, "cdt": true, "gmt": true, "utc": true, "bst": true,
	"cet": true, "cest": true, "eet": true, "eest": true, "ist": true, "msk": true,
	"jst": true, "aest": true, "hkt": true, "sgt": true, "wib": true, "|": true,
	"-": true, "min": true, "mins": true, "minute": true, "minutes": true,
	"read": true, "ago": true, "hour": true, "hours": true, "day": true, "days": true,
}

// dateOnly matches lines that are only a date, a time or a reading time:
// "March 18, 2025", "Tue 18 Mar 2025 10.45 GMT", "Updated: 5:03 PM EDT",
// "5 min read".
func dateOnly(lower string) bool {
	anchor := false
	for rest := lower; rest != ""; {
		// Next field, split at spaces and date punctuation; it stops at the
		// first word that is not a date word, so prose costs one word.
		i := strings.IndexAny(rest, " ,:()")
		f := rest
		if i >= 0 {
			f, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		f = strings.TrimRight(f, ".")
		switch {
		case f == "":
		case calendar[f] && f != "the" && f != "this" && f != "then" && f != "now":
			anchor = true
		case timeWords[f]:
			if f == "read" || f == "ago" {
				anchor = true
			}
		case numeric(f):
			anchor = true
		default:
			return false
		}
	}
	return anchor
}

// numeric reports tokens made of digits and date/time punctuation, with an
// optional ordinal or am/pm suffix: "2025", "18th", "10.45", "2025-03-18",
// "5pm".
func numeric(f string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th", "am", "pm", "h"} {
		if len(f) > len(suf) && strings.HasSuffix(f, suf) {
			f = f[:len(f)-len(suf)]
			break
		}
	}
	if f == "" || f[0] < '0' || f[0] > '9' {
		return false
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		if (c < '0' || c > '9') && c != '.' && c != '/' && c != '-' && c != ':' {
			return false
		}
	}
	return true
}

// IsHeading reports whether a content line is a section heading or
// headline rather than a sentence: short (at most 16 words), starting with
// a capital or a digit, with letters, and not ending in sentence
// punctuation (. ! ?), a closing double quote, or a comma, semicolon or
// dash that marks a cut line. "Zelenskyy skeptical, wants a 'just' peace"
// is a heading. A short line ending in a colon ("What we know so far:",
// "The Kremlin said:") counts too: it introduces what follows and states
// nothing on its own.
func IsHeading(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || strings.Contains(line, "\n") {
		return false
	}
	words := strings.Fields(line)
	if len(words) > 16 || len(line) > 140 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(line, "'\"("))
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', '!', '?', '"', ',', ';', '-':
		return false
	}
	return strings.IndexFunc(line, unicode.IsLetter) >= 0
}
