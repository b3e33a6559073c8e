package normalize

import (
	"strings"
	"testing"
)

func TestASCIILower(t *testing.T) {
	for _, s := range []string{"", "plain", "Kyiv SAID", "Zelenskyy in KYIV", "Ça VA", "ŁÓDŹ Mayor"} {
		got := ASCIILower(s)
		if len(got) != len(s) {
			t.Errorf("ASCIILower(%q) changed the length: %q", s, got)
		}
		for i := 0; i < len(s); i++ {
			want := s[i]
			if want >= 'A' && want <= 'Z' {
				want += 'a' - 'A'
			}
			if got[i] != want {
				t.Errorf("ASCIILower(%q)[%d] = %q, want %q", s, i, got[i], want)
				break
			}
		}
	}
}

func TestLowerWord(t *testing.T) {
	s := "The ŁÓDŹ Mayor said"
	lower := ASCIILower(s)
	for _, w := range []string{"The", "ŁÓDŹ", "Mayor"} {
		i := strings.Index(s, w)
		if got, want := LowerWord(s, lower, i, i+len(w)), strings.ToLower(w); got != want {
			t.Errorf("LowerWord(%q) = %q, want %q", w, got, want)
		}
	}
}
