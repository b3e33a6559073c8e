package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func renderMarkdown(t *testing.T, b *parallax.Brief) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Markdown(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestMarkdownGolden(t *testing.T) {
	golden(t, "brief.md.golden", []byte(renderMarkdown(t, fixtureBrief(fixtureDocs()))))
}

func TestMarkdownContent(t *testing.T) {
	out := renderMarkdown(t, fixtureBrief(fixtureDocs()))
	for _, want := range []string{
		"## Summary (3)\n",
		"## Disputed (3)\n",
		"| \"more than two hours\" | \\>120 min | Coastal Post[^1] | Steve Witkoff |\n",
		"| Kyiv | Kiev | Coastal Post[^1] |\n",
		"|  | Kyiv | Valley Herald[^2], Global Wire[^3], Evening Courier[^4] |\n",
		"[^4]: Evening Courier, “Prisoner swap set as leaders talk for two and a half hours”, `inbox/courier-2025-03-19.txt`\n",
		"[^1]: Coastal Post, “Leaders agree to pause strikes on power grid after long call”, 2025-03-18, <https://coastalpost.example/world/energy-pause>\n",
		"- `inbox/scan-0042.pdf`: unsupported format: application/pdf\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain words", "plain words"},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"a | b", `a \| b`},
		{"*bold* _it_ [link](x) `code`", "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\`"},
		{"line\nbreak", "line break"},
		{"- starts like a list", `\- starts like a list`},
		{"1. starts like a list", `1\. starts like a list`},
		{"1.5 million", "1.5 million"},
		{"# heading", `\# heading`},
		{"AT&T", `AT\&T`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := md(tt.in); got != tt.want {
				t.Errorf("md(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdownHostileTable(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	b.Wording[0].Variants[0].Term = "Ki|ev\n| x | y |"
	out := renderMarkdown(t, b)
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| Kyiv |") && strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") != 4 {
			t.Errorf("pipe in a term broke the table row: %q", l)
		}
	}
}
