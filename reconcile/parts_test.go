package reconcile

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestOrigins(t *testing.T) {
	base := "The regional council voted on Monday to close the old harbour bridge to lorries after engineers found cracks in two of its supports. " +
		"The bridge, built in 1931, carries about 14,000 vehicles a day between the port and the ring road. " +
		"Council leader Maria Holt said the closure would last at least until the summer while repairs are planned. " +
		"Hauliers warned that the detour through the town centre would add half an hour to every delivery. " +
		"Engineers will return next week to inspect the remaining supports with divers and underwater cameras. " +
		"The council said it had set aside money for the repairs but did not give a figure."
	edited := strings.Replace(base, "voted on Monday", "decided on Monday", 1)
	edited = strings.Replace(edited, "Hauliers warned", "Haulage firms warned", 1)
	other := "Rail workers in the north will strike for two days next month over pay, their union said on Friday. " +
		"The union said talks with the operator had broken down after the company offered a raise of three percent. " +
		"Passengers were told to expect severe disruption on regional lines and to check timetables before travelling. " +
		"The operator said it regretted the decision and remained open to further talks with the union leadership."
	// A reprint that keeps three long sentences and rewrites the rest.
	sents := strings.SplitAfter(base, ". ")
	cut := "A local outlet reported the story with its own introduction and quotes from residents who live near the harbour. " +
		sents[1] + sents[2] + sents[4] + "Residents said they were worried about noise."
	// Independent reports quoting the same long statement are not copies.
	quote := `"The closure would last at least until the summer while repairs are planned and costed," Holt said. `
	q1 := "Lorries were banned from the harbour bridge on Monday. " + quote + "Drivers were angry about the detour."
	q2 := "Cracks closed a bridge to heavy traffic this week. " + quote + "Repairs could cost millions, experts said."
	q3 := "The bridge has been a worry for years, residents say. " + quote + "The port fears for its trade."

	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"identical", base, base, true},
		{"lightly edited", base, edited, true},
		{"unrelated", base, other, false},
		{"three shared sentences", base, cut, true},
		{"shared quote", q1, q2, false},
		{"shared quote again", q2, q3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []*article{plainArticle("a", tt.a, 0), plainArticle("b", tt.b, 1)}
			assignOrigins(arts)
			if got := arts[1].origin == arts[0].origin; got != tt.same {
				t.Errorf("same origin = %v, want %v (jaccard %.2f)", got, tt.same,
					jaccard(signature(words(tt.a, 0, len(tt.a))), signature(words(tt.b, 0, len(tt.b)))))
			}
			if arts[0].origin != "a" {
				t.Errorf("first article's origin %q", arts[0].origin)
			}
		})
	}
}

// plainArticle makes an article from text with sentences split at ". ".
func plainArticle(id, text string, idx int) *article {
	d := &parallax.Document{Article: &parallax.Article{ID: id}, Text: text}
	start := 0
	for _, s := range strings.SplitAfter(text, ". ") {
		d.Sentences = append(d.Sentences, parallax.Sentence{Span: parallax.Span{Start: start, End: start + len(strings.TrimSpace(s))}})
		start += len(s)
	}
	return &article{idx: idx, doc: d, id: id}
}

func TestMergeEntities(t *testing.T) {
	ent := func(name string, typ parallax.EntityType, key string, aliases ...string) parallax.Entity {
		return parallax.Entity{Name: name, Type: typ, Key: key, Aliases: aliases, Mentions: make([]parallax.Span, len(aliases))}
	}
	tests := []struct {
		name string
		docs [][]parallax.Entity
		want []string // "name: aliases | articles"
	}{
		{
			name: "same key across articles",
			docs: [][]parallax.Entity{
				{ent("Volodymyr Zelenskyy", parallax.Person, "volodymyr zelensky", "Volodymyr Zelenskyy", "Zelenskyy")},
				{ent("Volodymyr Zelensky", parallax.Person, "volodymyr zelensky", "Volodymyr Zelensky")},
				{ent("Volodymyr Zelenskyy", parallax.Person, "volodymyr zelensky", "Volodymyr Zelenskyy")},
			},
			want: []string{"Volodymyr Zelenskyy: Volodymyr Zelensky,Volodymyr Zelenskyy,Zelenskyy | 0,1,2"},
		},
		{
			name: "surname joins the one full name",
			docs: [][]parallax.Entity{
				{ent("Steve Witkoff", parallax.Person, "steve witkoff", "Steve Witkoff")},
				{ent("Witkoff", parallax.Person, "witkoff", "Witkoff")},
			},
			want: []string{"Steve Witkoff: Steve Witkoff,Witkoff | 0,1"},
		},
		{
			name: "ambiguous surname stays apart",
			docs: [][]parallax.Entity{
				{ent("Donald Trump", parallax.Person, "donald trump", "Donald Trump")},
				{ent("Melania Trump", parallax.Person, "melania trump", "Melania Trump")},
				{ent("Trump", parallax.Person, "trump", "Trump")},
			},
			want: []string{"Donald Trump: Donald Trump | 0", "Melania Trump: Melania Trump | 1", "Trump: Trump | 2"},
		},
		{
			name: "places never merge by suffix",
			docs: [][]parallax.Entity{
				{ent("South Sudan", parallax.Place, "south sudan", "South Sudan")},
				{ent("Sudan", parallax.Place, "sudan", "Sudan")},
			},
			want: []string{"South Sudan: South Sudan | 0", "Sudan: Sudan | 1"},
		},
		{
			name: "fallback key folds diacritics and doubled y",
			docs: [][]parallax.Entity{
				{ent("Tomasz Wiśniewski", parallax.Person, "", "Tomasz Wiśniewski")},
				{ent("Tomasz Wisniewski", parallax.Person, "", "Tomasz Wisniewski")},
			},
			want: []string{"Tomasz Wisniewski: Tomasz Wisniewski,Tomasz Wiśniewski | 0,1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var arts []*article
			for i, es := range tt.docs {
				arts = append(arts, &article{idx: i, id: fmt.Sprint(i), doc: &parallax.Document{Entities: es}})
			}
			var got []string
			for _, e := range mergeEntities(arts) {
				got = append(got, fmt.Sprintf("%s: %s | %s", e.name, strings.Join(e.aliases, ","), strings.Trim(strings.Join(strings.Fields(fmt.Sprint(e.articles)), ","), "[]")))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			// Every article entity points at the merged entity with its key.
			ents := mergeEntities(arts)
			for _, a := range arts {
				for i, g := range a.ents {
					if g < 0 || !contains(ents[g].aliases, a.doc.Entities[i].Aliases[0]) {
						t.Errorf("article %s entity %d maps to %d", a.id, i, g)
					}
				}
			}
		})
	}
}

func TestSpellingVariants(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Kiev", "Kyiv", true},
		{"Zelensky", "Zelenskyy", true},
		{"Wiśniewski", "Wisniewski", true},
		{"Putin", "Vladimir", false},
		{"Trump", "Trumps", false},
		{"Kyiv", "Kyiv", false},
		{"Ann", "Anne", false}, // too short to judge
		{"Moscow", "Muscat", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := spellingVariants(tt.a, tt.b); got != tt.want {
				t.Errorf("spellingVariants(%q, %q) = %v", tt.a, tt.b, got)
			}
		})
	}
}

func TestConcepts(t *testing.T) {
	st := newStemmer()
	tests := []struct {
		text string
		want string
	}{
		{"halt strikes on energy infrastructure", "halt strike energi infrastructur"},
		{"suspend attacks on energy infrastructure", "halt strike energi infrastructur"},
		{"an immediate pause in strikes against energy infrastructure", "immediate halt strike energi infrastructur"},
		{"hold off for 30 days on attacking", "halt strike"},
		{"a 30-day cease-fire", "ceasefire halt"},
		{"the truce", "ceasefire halt"},
		{"Ukraine's POWs were swapped", "ukrain prisoner swap"},
		{"the Kremlin said it struck", "kremlin say strike"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			st.contentWords(words(tt.text, 0, len(tt.text)), func(int, int) bool { return false }, func(c string, _ int, _ float64) {
				got = append(got, c)
			})
			if strings.Join(got, " ") != tt.want {
				t.Errorf("concepts %q, want %q", strings.Join(got, " "), tt.want)
			}
		})
	}
}
