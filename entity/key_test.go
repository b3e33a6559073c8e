package entity

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestKey(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Vladimir Putin", "vladimir putin"},
		{"Wiśniewski", "wisniewsky"},
		{"Zelensky", "zelensky"},
		{"Zelenskyy", "zelensky"},
		{"Zelenskiy", "zelensky"},
		{"Zelenskyi", "zelensky"},
		{"Zelenski", "zelensky"},
		{"Volodymyr Zelenskyy", "volodymyr zelensky"},
		{"Kiev", "kyiv"},
		{"Kyiv", "kyiv"},
		{"Kharkov", "kharkiv"},
		{"Kharkiv", "kharkiv"},
		{"Odessa", "odesa"},
		{"Odesa", "odesa"},
		{"Kiev Post", "kyiv post"},
		{"U.S.", "united states"},
		{"US", "united states"},
		{"United States", "united states"},
		{"the Kremlin", "kremlin"},
		{"North Atlantic Treaty Organization", "nato"},
		{"Élysée", "elysee"},
		{"Łukasz Kowalski", "lukasz kowalsky"},
		{"O'Brien", "obrien"},
		{"Putin's", "putin"},
		{"Dmitri Peskov", "dmitry peskov"},
		{"Dmitry Peskov", "dmitry peskov"},
		{"  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKeyKeepsNamesApart(t *testing.T) {
	pairs := [][2]string{
		{"Trump", "Truman"},
		{"Putin", "Rutin"},
		{"Kyiv", "Kyrgyzstan"},
		{"Austria", "Australia"},
		{"Iran", "Iraq"},
		{"Steve Witkoff", "Alex Witkoff"},
		{"Niger", "Nigeria"},
		{"Georgia", "Georgian"},
	}
	for _, pr := range pairs {
		t.Run(pr[0]+"/"+pr[1], func(t *testing.T) {
			if a, b := Key(pr[0]), Key(pr[1]); a == b {
				t.Errorf("Key(%q) == Key(%q) == %q", pr[0], pr[1], a)
			}
		})
	}
}

func person(name string) parallax.Entity {
	return parallax.Entity{Name: name, Type: parallax.Person, Key: Key(name)}
}

func TestSameReferent(t *testing.T) {
	tests := []struct {
		name string
		a, b parallax.Entity
		want bool
	}{
		{"surname in full name", person("Witkoff"), person("Steve Witkoff"), true},
		{"full name in surname", person("Steve Witkoff"), person("Witkoff"), true},
		{"different given names", person("Steve Witkoff"), person("Alex Witkoff"), false},
		{"transliterated surname", person("Zelenskyy"), person("Volodymyr Zelensky"), true},
		{"transliterated full names", person("Volodymyr Zelenskiy"), person("Volodymyr Zelenskyy"), true},
		{"different surnames", person("Trump"), person("Donald Truman"), false},
		{"person is not a place", person("Jordan"), parallax.Entity{Name: "Jordan", Type: parallax.Place}, false},
		// The city and the state acting through it are told apart, as
		// Recognize does within one article.
		{"capital as place and government",
			parallax.Entity{Name: "Washington", Type: parallax.Place},
			parallax.Entity{Name: "Washington", Type: parallax.Government}, false},
		{"seat of power typed as organization elsewhere",
			parallax.Entity{Name: "White House", Type: parallax.Government},
			parallax.Entity{Name: "White House", Type: parallax.Organization}, true},
		{"title written into the name", person("special envoy Steve Witkoff"), person("Witkoff"), true},
		{"capitalized title in the name", person("US Special Envoy Steve Witkoff"), person("Steve Witkoff"), true},
		{"title and different given name", person("special envoy Steve Witkoff"), person("Alex Witkoff"), false},
		{"place name as given name stays", person("Jordan Peterson"), person("Peterson"), true},
		{"place name as given name is no title", person("Jordan Peterson"), person("Jordan Smith"), false},
		{"descriptive institutions by key",
			parallax.Entity{Name: "regional health ministry", Type: parallax.Organization},
			parallax.Entity{Name: "regional health ministry", Type: parallax.Organization}, true},
		{"administration is not the president", person("Trump"),
			parallax.Entity{Name: "Trump administration", Type: parallax.Government}, false},
		{"transliterated city",
			parallax.Entity{Name: "Kiev", Type: parallax.Place},
			parallax.Entity{Name: "Kyiv", Type: parallax.Place}, true},
		{"one-word org suffix does not merge",
			parallax.Entity{Name: "Post", Type: parallax.Organization},
			parallax.Entity{Name: "Washington Post", Type: parallax.Organization}, false},
		{"multi-word org suffix merges",
			parallax.Entity{Name: "Atomic Energy Agency", Type: parallax.Organization},
			parallax.Entity{Name: "International Atomic Energy Agency", Type: parallax.Organization}, true},
		{"empty names", parallax.Entity{Type: parallax.Person}, parallax.Entity{Type: parallax.Person}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SameReferent(tt.a, tt.b); got != tt.want {
				t.Errorf("SameReferent(%q, %q) = %v, want %v", tt.a.Name, tt.b.Name, got, tt.want)
			}
		})
	}
}

func TestGroup(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  []int
	}{
		{"bare surname joins its only full name",
			[]string{"Steve Witkoff", "Witkoff", "Vladimir Putin", "Putin", "Steve Witkoff"},
			[]int{0, 0, 1, 1, 0}},
		{"bare surname shared by two full names stays alone",
			[]string{"Steve Witkoff", "Alex Witkoff", "Witkoff", "Witkoff"},
			[]int{0, 1, 2, 2}},
		{"spellings of one person",
			[]string{"Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"},
			[]int{0, 0, 0}},
		{"short and long forms with a title",
			[]string{"Witkoff", "Steve Witkoff", "special envoy Steve Witkoff", "President Trump", "Donald Trump"},
			[]int{0, 0, 0, 1, 1}},
		{"a second Witkoff keeps the bare surname apart",
			[]string{"special envoy Steve Witkoff", "Witkoff", "Alex Witkoff", "Steve Witkoff"},
			[]int{0, 1, 2, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ents []parallax.Entity
			for _, n := range tt.names {
				ents = append(ents, person(n))
			}
			if got := Group(ents); !slices.Equal(got, tt.want) {
				t.Errorf("Group(%q) = %v, want %v", tt.names, got, tt.want)
			}
		})
	}
}
