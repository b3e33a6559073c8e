package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeeds prints what Recognize finds in the shared seed articles, for
// review with -v. It asserts only the invariants; the seeds are not ours
// to copy into testdata.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seed articles")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		ents := Recognize(text, splitSentences(text))
		checkInvariants(t, text, ents)
		if testing.Verbose() {
			var sb strings.Builder
			for _, e := range ents {
				fmt.Fprintf(&sb, "  %-13s %-28q key=%q title=%q n=%d aliases=%q\n", e.Type, e.Name, e.Key, e.Title, len(e.Mentions), e.Aliases)
			}
			t.Logf("%s\n%s", filepath.Base(f), sb.String())
		}
	}
}
