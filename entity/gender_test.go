package entity

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestGender(t *testing.T) {
	person := func(name, title string, aliases ...string) parallax.Entity {
		return parallax.Entity{Name: name, Type: parallax.Person, Title: title, Aliases: aliases}
	}
	tests := []struct {
		name string
		e    parallax.Entity
		want string
	}{
		{"female given name", person("Hillary Clinton", "", "Clinton"), Female},
		{"male given name", person("Rick Perry", "Texas Gov."), Male},
		{"given name after an initial form", person("Anita L. Russell", ""), Female},
		{"courtesy title in an alias", person("Okafor", "", "Mrs. Okafor"), Female},
		{"honorific in an alias", person("Tchen", "", "Mr. Tchen"), Male},
		{"gendered role in the title", person("Dana Ruiz", "White House spokeswoman"), Female},
		{"first lady", person("Carla Ness", "first lady"), Female},
		{"bare surname", person("Okafor", ""), ""},
		{"name given to both sexes", person("Jordan Blake", ""), ""},
		{"place before a title is no given name", person("Terry Vale", "", "Virginia Gov. Terry Vale"), ""},
		{"title and name disagree", person("John Smith", "", "Mrs. Smith"), ""},
		{"single word is no given name", person("Michael", ""), ""},
		{"not a person", parallax.Entity{Name: "Victoria Station", Type: parallax.Place}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Gender(tc.e); got != tc.want {
				t.Errorf("Gender(%+v) = %q, want %q", tc.e, got, tc.want)
			}
		})
	}
}

func TestGenders(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]string // entity name → gender
	}{
		{
			name: "pronouns after the only person named",
			text: "Okafor spoke first. He said his plan would pass. Okafor then left with his aides.",
			want: map[string]string{"Okafor": Male},
		},
		{
			name: "one pronoun is not enough",
			text: "Okafor spoke first and said her plan would pass.",
			want: map[string]string{"Okafor": ""},
		},
		{
			name: "two persons in a sentence give no evidence",
			text: "Okafor met Brask. She said she was pleased. Okafor and Brask left.",
			want: map[string]string{"Okafor": "", "Brask": ""},
		},
		{
			name: "the name wins over pronouns",
			text: "Hillary Clinton spoke. He said nothing. He left.",
			want: map[string]string{"Hillary Clinton": Female},
		},
		{
			name: "mixed pronouns stay unknown",
			text: "Okafor spoke. He said she would come. Okafor said his and her plans differ.",
			want: map[string]string{"Okafor": ""},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &parallax.Document{Text: tc.text, Sentences: splitSentences(tc.text)}
			for name := range tc.want {
				e := parallax.Entity{Name: name, Type: parallax.Person}
				for off := 0; ; {
					i := strings.Index(tc.text[off:], name)
					if i < 0 {
						break
					}
					e.Mentions = append(e.Mentions, parallax.Span{Start: off + i, End: off + i + len(name)})
					off += i + len(name)
				}
				doc.Entities = append(doc.Entities, e)
			}
			got := Genders(doc)
			if len(got) != len(doc.Entities) {
				t.Fatalf("Genders returned %d values for %d entities", len(got), len(doc.Entities))
			}
			seen := map[string]bool{}
			for i, e := range doc.Entities {
				if w, ok := tc.want[e.Name]; ok {
					seen[e.Name] = true
					if got[i] != w {
						t.Errorf("%s: gender %q, want %q", e.Name, got[i], w)
					}
				}
			}
			for n := range tc.want {
				if !seen[n] {
					t.Errorf("no entity %q in %v", n, doc.Entities)
				}
			}
		})
	}
	if Genders(nil) != nil {
		t.Error("Genders(nil) != nil")
	}
}
