package entity

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// seedArticles reads the shared seed articles, or skips: they live outside
// the repository and are not ours to copy into testdata.
func seedArticles(t *testing.T) map[string]string {
	t.Helper()
	files, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seed articles in ../../shared/seeds")
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

// TestSeeds prints what Recognize finds in the shared seed articles, for
// review with -v, and checks the invariants.
func TestSeeds(t *testing.T) {
	arts := seedArticles(t)
	for _, name := range slices.Sorted(maps.Keys(arts)) {
		text := arts[name]
		ents := Recognize(text, splitSentences(text))
		checkInvariants(t, text, ents)
		if testing.Verbose() {
			var sb strings.Builder
			for _, e := range ents {
				fmt.Fprintf(&sb, "  %-13s %-28q key=%q title=%q n=%d aliases=%q\n", e.Type, e.Name, e.Key, e.Title, len(e.Mentions), e.Aliases)
			}
			t.Logf("%s\n%s", name, sb.String())
		}
	}
}

// TestSeedsAcrossArticles recognizes the entities of every seed article and
// merges them into referents, as a brief does.
func TestSeedsAcrossArticles(t *testing.T) {
	arts := seedArticles(t)
	var all []parallax.Entity
	for _, name := range slices.Sorted(maps.Keys(arts)) {
		text := arts[name]
		all = append(all, Recognize(text, splitSentences(text))...)
	}
	merged, groups := Merge(all)
	if testing.Verbose() {
		var sb strings.Builder
		for _, e := range merged {
			fmt.Fprintf(&sb, "  %-13s %-24q title=%q aliases=%q\n", e.Type, e.Name, e.Title, e.Aliases)
		}
		t.Logf("merged:\n%s", sb.String())
	}
	// find returns the canonical entity of the cluster holding an entity
	// named name with type typ.
	find := func(name string, typ parallax.EntityType) (parallax.Entity, int) {
		t.Helper()
		for i, e := range all {
			if e.Name == name && e.Type == typ {
				return merged[groups[i]], groups[i]
			}
		}
		t.Fatalf("no %s entity named %q in the seeds", typ, name)
		return parallax.Entity{}, -1
	}
	tests := []struct {
		member      string
		typ         parallax.EntityType
		name        string
		titleHas    string
		wantAliases []string
	}{
		{"Vladimir Putin", parallax.Person, "Vladimir Putin", "Russian President", []string{"Putin", "The Russian president"}},
		{"Donald Trump", parallax.Person, "Donald Trump", "President", []string{"Trump", "President Trump"}},
		{"Volodymyr Zelensky", parallax.Person, "Volodymyr Zelenskyy", "Ukrainian President", []string{"Volodymyr Zelensky", "Zelenskyy"}},
		{"Steve Witkoff", parallax.Person, "Steve Witkoff", "special envoy", []string{"Witkoff", "US special envoy Steve Witkoff"}},
		{"Kremlin", parallax.Government, "Kremlin", "", nil},
		{"White House", parallax.Government, "White House", "", nil},
		{"Kyiv", parallax.Place, "Kyiv", "", []string{"Kiev", "Kyiv"}},
		{"Trump administration", parallax.Government, "Trump administration", "", nil},
	}
	clusters := map[int]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, g := find(tt.member, tt.typ)
			if prev, dup := clusters[g]; dup {
				t.Errorf("%q and %q share a cluster", tt.name, prev)
			}
			clusters[g] = tt.name
			if got.Name != tt.name || got.Type != tt.typ || !strings.Contains(got.Title, tt.titleHas) {
				t.Errorf("got %s %q title %q, want %s %q title containing %q", got.Type, got.Name, got.Title, tt.typ, tt.name, tt.titleHas)
			}
			for _, a := range tt.wantAliases {
				if !slices.Contains(got.Aliases, a) {
					t.Errorf("aliases %q lack %q", got.Aliases, a)
				}
			}
		})
	}
	// Every spelling and form of one referent lands in its cluster.
	sameCluster := map[string][]string{
		"Zelenskyy": {"volodymyr zelensky", "zelensky"},
		"Witkoff":   {"steve witkof", "witkof"},
		"Kremlin":   {"kremlin"},
	}
	for who, keys := range sameCluster {
		seen := map[int]bool{}
		for i, e := range all {
			if slices.Contains(keys, e.Key) && e.Type != parallax.Place {
				seen[groups[i]] = true
			}
		}
		if len(seen) != 1 {
			t.Errorf("%s spread over %d clusters", who, len(seen))
		}
	}
	// No cluster joins people with different surnames, and the capital as
	// a place stays apart from the capital as a government.
	surnames := map[int]map[string]bool{}
	govKyiv, placeKyiv := -1, -1
	for i, e := range all {
		switch {
		case e.Type == parallax.Person:
			k := strings.Fields(referentKey(e))
			if surnames[groups[i]] == nil {
				surnames[groups[i]] = map[string]bool{}
			}
			surnames[groups[i]][k[len(k)-1]] = true
		case e.Name == "Kyiv" && e.Type == parallax.Government:
			govKyiv = groups[i]
		case e.Name == "Kyiv" && e.Type == parallax.Place:
			placeKyiv = groups[i]
		}
	}
	for g, s := range surnames {
		if len(s) != 1 {
			t.Errorf("cluster %q joins surnames %v", merged[g].Name, slices.Collect(maps.Keys(s)))
		}
	}
	if govKyiv >= 0 && govKyiv == placeKyiv {
		t.Error("Kyiv the government merged with Kyiv the city")
	}
}
