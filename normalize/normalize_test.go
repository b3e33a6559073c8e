package normalize

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "Putin agreed.", "Putin agreed."},
		{"crlf and cr", "One.\r\nTwo.\rThree.", "One.\n\nTwo.\n\nThree."},
		{"every line a paragraph", "First line.\nSecond line.\n\n\n\nThird.", "First line.\n\nSecond line.\n\nThird."},
		{"lines trimmed and spaces collapsed", "  a \t b  \n\t c   ", "a b\n\nc"},
		{"blank lines with spaces", "a\n \n\t\n  \nb", "a\n\nb"},
		{"leading and trailing blank lines", "\n\n  x  \n\n", "x"},
		{"curly single quotes", "Trump\u2019s \u2018deal\u2019", "Trump's 'deal'"},
		{"curly double quotes", "\u201cpeace\u201d \u201elow\u201f", `"peace" "low"`},
		{"guillemets and primes", "\u00abpaix\u00bb 5\u2032 7\u2033", `"paix" 5' 7"`},
		{"single guillemets", "\u2039x\u203a", "'x'"},
		{"en dash range stays a range", "90\u2013120 minutes", "90-120 minutes"},
		{"spaced en dash", "two aspects \u2013 the energy", "two aspects - the energy"},
		{"spaced em dash", "Kyiv \u2014 the capital", "Kyiv - the capital"},
		{"unspaced em dash", "the war\u2014and peace", "the war - and peace"},
		{"dateline em dash", "WASHINGTON \u2014 According to", "WASHINGTON - According to"},
		{"double hyphen", "war -- and peace", "war - and peace"},
		{"unspaced double hyphen", "war--and", "war - and"},
		{"horizontal bar", "a\u2015b", "a - b"},
		{"minus sign", "\u22125 degrees", "-5 degrees"},
		{"figure dash", "555\u20121234", "555-1234"},
		{"hyphen variants", "non\u2011breaking co\u2010op", "non-breaking co-op"},
		{"hyphenated word kept", "Russia-Ukraine war", "Russia-Ukraine war"},
		{"nbsp and unicode spaces", "30\u00a0days\u2009and\u3000more\u202fhere", "30 days and more here"},
		{"zero width and soft hyphen", "Zelen\u00adskyy\u200b \u200dsaid\ufeff", "Zelenskyy said"},
		{"bidi marks", "\u200eKyiv\u200f", "Kyiv"},
		{"controls dropped", "a\x00b\x07c\x1bd", "abcd"},
		{"nfc composes", "Cafe\u0301", "Caf\u00e9"},
		{"nfc singleton", "\u212b", "\u00c5"},
		{"invalid utf8", "bad\xffbyte\xc3", "bad\ufffdbyte\ufffd"},
		{"dash bullet", "- U.S. said\n- Russia said", "U.S. said\n\nRussia said"},
		{"dot bullet", "\u2022 first\n\u2022  second", "first\n\nsecond"},
		{"star bullet", "* point", "point"},
		{"nested bullets", "- - point", "point"},
		{"en dash bullet", "\u2013 point", "point"},
		{"em dash bullet", "\u2014 point", "point"},
		{"bullet needs a space", "-5 degrees\n*note", "-5 degrees\n\n*note"},
		{"lone bullet char kept", "- \n*", "-\n\n*"},
		{"section break", "* * *", "*"},
		{"line separator", "a\u2028b\u2029c\u0085d", "a\n\nb\n\nc\n\nd"},
		{"tabs", "a\tb", "a b"},
		{"vertical tab and form feed", "a\vb\fc", "a\n\nb\n\nc"},
		{"ellipsis kept", "then\u2026 nothing", "then\u2026 nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, m := Text(tt.in)
			if got != tt.want {
				t.Fatalf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			checkMap(t, tt.in, got, m.Original, true)
			if again, _ := Text(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestTextOffsets(t *testing.T) {
	tests := []struct {
		name string
		in   string
		norm []int // normalized offsets to check
		orig []int // expected original offsets
	}{
		{"identity", "abc", []int{0, 2, 3}, []int{0, 2, 3}},
		{"curly quote shrinks", "a\u2019b", []int{0, 1, 2, 3}, []int{0, 1, 4, 5}},
		{"crlf", "a\r\nb", []int{0, 1, 2, 3, 4}, []int{0, 1, 1, 3, 4}},
		{"leading spaces", "   x", []int{0, 1}, []int{3, 4}},
		{"bullet", "- x", []int{0, 1}, []int{2, 3}},
		{"invalid byte grows", "a\xffb", []int{0, 1, 2, 3, 4, 5}, []int{0, 1, 1, 1, 2, 3}},
		{"combining", "e\u0301x", []int{0, 2, 3}, []int{0, 3, 4}},
		{"em dash", "a\u2014b", []int{1, 2, 3, 4}, []int{1, 1, 1, 4}},
		{"end maps to end", "x  \n\n", []int{1}, []int{5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, m := Text(tt.in)
			for i, n := range tt.norm {
				if got := m.Original(n); got != tt.orig[i] {
					t.Errorf("Original(%d) = %d, want %d (map %v)", n, got, tt.orig[i], m)
				}
			}
		})
	}
}

// TestTextArticle checks the map on a realistic article: every output rune
// must come from an original rune that folds to it.
func TestTextArticle(t *testing.T) {
	raw := readArticle(t)
	got, m := Text(raw)
	checkMap(t, raw, got, m.Original, true)
	for _, bad := range []string{"\u2019", "\u201c", "\u2014", "\u2013", "\r", "  ", "\n\n\n", " \n", "\n "} {
		if strings.Contains(got, bad) {
			t.Errorf("normalized article contains %q", bad)
		}
	}
	if !strings.HasPrefix(got, "Dam breach floods river towns") {
		t.Errorf("article starts %q", got[:40])
	}
	if !strings.Contains(got, "\n\nAt least 27 people were killed and") {
		t.Errorf("bullet not stripped")
	}
}

// checkMap verifies that the map is monotone and in range and, when strict,
// that the original rune at Original(i) is the source of output rune i.
func checkMap(t *testing.T, raw, out string, original func(int) int, strict bool) {
	t.Helper()
	prev := 0
	for i := 0; i <= len(out); i++ {
		o := original(i)
		if o < prev || o > len(raw) {
			t.Fatalf("Original(%d) = %d: not monotone in [%d, %d]", i, o, prev, len(raw))
		}
		prev = o
	}
	if original(len(out)) != len(raw) {
		t.Errorf("Original(end) = %d, want %d", original(len(out)), len(raw))
	}
	if !strict {
		return
	}
	for i, r := range out {
		o := original(i)
		src, w := utf8.DecodeRuneInString(raw[o:])
		if !derives(r, src, w) {
			t.Errorf("output %q at %d maps to original %q at %d", r, i, src, o)
		}
	}
}

// derives reports whether output rune r can come from original rune src.
func derives(r, src rune, w int) bool {
	switch {
	case r == utf8.RuneError:
		return src == utf8.RuneError
	case r == '\n':
		return src == '\n' || src == '\r' || unicode.IsSpace(src)
	case r == ' ':
		d, _ := isDash(src)
		return unicode.IsSpace(src) || d
	case r == '-':
		d, _ := isDash(src)
		return d
	case r == '\'' || r == '"':
		return foldQuote(src) == r
	}
	base := func(x rune) rune {
		y, _ := utf8.DecodeRuneInString(norm.NFD.String(string(x)))
		return y
	}
	return base(r) == base(src)
}

func readArticle(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func FuzzText(f *testing.F) {
	f.Add(readArticle(f))
	for _, s := range []string{
		"", "a\r\nb", "- x", "e\u0301", "a\u2014b", "90\u2013120", "\xff\xfe",
		"x\u200b\u0301", "- \u0301a", "a\u00a0\u0301", "\u2014\u0301", "\u212b\u0301",
		"* * *", "ᄀ\u200bᅡ", "a -- b", "\u2013 \u2013 x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		out, m := Text(raw)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output %q", out)
		}
		if again, _ := Text(out); again != out {
			t.Fatalf("not idempotent:\n in  %q\n out %q\n 2nd %q", raw, out, again)
		}
		if strings.Contains(out, "\n\n\n") || strings.Contains(out, "  ") ||
			strings.HasPrefix(out, "\n") || strings.HasSuffix(out, "\n") {
			t.Fatalf("bad layout %q", out)
		}
		for i := 1; i < len(m.Norm); i++ {
			if m.Norm[i] <= m.Norm[i-1] {
				t.Fatalf("map not sorted: %v", m.Norm)
			}
		}
		checkMap(t, raw, out, m.Original, false)
	})
}

func BenchmarkText(b *testing.B) {
	raw := readArticle(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Text(raw)
	}
}

// FuzzTextByLines checks the line-by-line path against the whole-text
// path it stands in for: on text that composable calls safe, both must
// give the same text and offset map, and NFC must indeed have nothing to do.
func FuzzTextByLines(f *testing.F) {
	f.Add(readArticle(f))
	for _, s := range []string{
		"", "a\r\nb", "- x", "e\u0301", "a\u2014b", "90\u2013120", "\xff\xfe", "a\x7fb\x00c",
		"x\u200b\u0301", "- \u0301a", "a\u00a0\u0301", "\u2014\u0301", "\u212b\u0301", "\u00e9\u2019s",
		"* * *", "\u1100\u200b\u1161", "a -- b", "\u2013 \u2013 x", "a\u2028b\u2029c\u0085d\r",
		"\u201cquote\u201d \u2026 \u00a35 \u20ac3 caf\u00e9 \u00fc\u00df", "-\n- x\n\u2014\u2014 y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		whole, wm := textWhole(raw)
		if composable(raw) {
			return
		}
		if items := clean(raw); len(nfc(items)) != len(items) || !slicesEqual(nfc(items), items) {
			t.Fatalf("composable(%q) = false, but NFC changes it", raw)
		}
		lines, lm := textByLines(raw)
		if lines != whole {
			t.Fatalf("%q: by lines %q, whole %q", raw, lines, whole)
		}
		if !slicesEqual(lm.Norm, wm.Norm) || !slicesEqual(lm.Orig, wm.Orig) {
			t.Fatalf("%q: maps differ: by lines %v %v, whole %v %v", raw, lm.Norm, lm.Orig, wm.Norm, wm.Orig)
		}
	})
}

func slicesEqual[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
