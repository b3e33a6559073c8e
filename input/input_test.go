package input

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"golang.org/x/text/encoding/charmap"
)

// article is the part of an Article the Load tests check.
type article struct {
	ID, Source, Title, Path, Body string
}

func summarize(arts []*parallax.Article) []article {
	out := make([]article, len(arts))
	for i, a := range arts {
		out[i] = article{a.ID, a.Source, a.Title, a.Path, a.Body}
	}
	return out
}

// writeFiles creates files (path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func prob(path, reason string) parallax.Problem {
	return parallax.Problem{Path: path, Reason: reason}
}

const lede = "Dockworkers at three container ports voted on Friday to end a 12-day strike."

func TestLoad(t *testing.T) {
	big := strings.Repeat("The strike ended on Friday after 12 days of talks.\n", 20*mb/51+1)[:20*mb]
	tests := []struct {
		name     string
		files    map[string]string
		dirs     []string // extra empty directories
		args     []string // relative to the temp dir, "-" for stdin
		stdin    string
		want     []article // Path relative to the temp dir
		problems []parallax.Problem
	}{
		{
			name: "tree",
			files: map[string]string{
				"news/b.txt":               "Port strike ends\n\n" + lede + "\n",
				"news/a/one.md":            "# Talks resume\n\nNegotiators *met* again.\n",
				"news/a/deep/two.json":     `{"id":"x2","text":"Two.","source":"Wire"}`,
				"news/notes":               lede,
				"news/photo.png":           "\x89PNG\r\n\x1a\n\x00\x00",
				"news/.hidden.txt":         lede,
				"news/.git/HEAD.txt":       lede,
				"news/a/deep/archive.zip":  "PK\x03\x04",
				"news/a/deep/feed.ndjson":  "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n",
				"news/a/deep/.cache/x.txt": lede,
			},
			args: []string{"news"},
			want: []article{
				{"feed#1", "feed", "", "news/a/deep/feed.ndjson", "One."},
				{"feed#2", "feed", "", "news/a/deep/feed.ndjson", "Two."},
				{"x2", "Wire", "", "news/a/deep/two.json", "Two."},
				{"one", "one", "Talks resume", "news/a/one.md", "Negotiators met again."},
				{"b", "b", "Port strike ends", "news/b.txt", lede},
				{"notes", "notes", "", "news/notes", lede},
			},
		},
		{
			name:     "missing file and empty directory",
			files:    map[string]string{"ok.txt": lede, "only-hidden/.x.txt": lede},
			dirs:     []string{"empty"},
			args:     []string{"nope.txt", "ok.txt/x", "empty", "only-hidden", "ok.txt"},
			want:     []article{{"ok", "ok", "", "ok.txt", lede}},
			problems: []parallax.Problem{prob("nope.txt", "not found"), prob("ok.txt/x", "not a directory"), prob("empty", "directory has no article files"), prob("only-hidden", "directory has no article files")},
		},
		{
			name:  "stdin sniffed as JSON Lines, read once",
			args:  []string{"-", "-"},
			stdin: "{\"text\":\"One.\",\"id\":\"s1\"}\n{\"text\":\"Two.\"}\n",
			want: []article{
				{"s1", "stdin", "", "-", "One."},
				{"stdin#2", "stdin", "", "-", "Two."},
			},
			problems: []parallax.Problem{prob("-", "standard input already read")},
		},
		{
			name:  "stdin plain text",
			args:  []string{"-"},
			stdin: "Port strike ends\n\n" + lede,
			want:  []article{{"stdin", "stdin", "Port strike ends", "-", lede}},
		},
		{
			name:     "stdin HTML without content",
			args:     []string{"-"},
			stdin:    "<html><body><nav><a href=/>Home</a></nav></body></html>",
			problems: []parallax.Problem{prob("-", "no main content found")},
		},
		{
			name:     "bad files do not stop good ones",
			files:    map[string]string{"big.txt": big, "empty.txt": "", "blank.md": " \n\t\n", "bin.txt": "GIF89a\x00\x01\x02binary", "ok.txt": lede},
			args:     []string{"big.txt", "empty.txt", "blank.md", "bin.txt", "ok.txt"},
			want:     []article{{"ok", "ok", "", "ok.txt", lede}},
			problems: []parallax.Problem{prob("big.txt", "file too large: 20.0 MB exceeds the 16 MB limit"), prob("empty.txt", "empty file"), prob("blank.md", "empty file"), prob("bin.txt", "binary file, not text")},
		},
		{
			name:     "malformed JSON",
			files:    map[string]string{"bad.json": "{\n  \"text\": \"x\",\n  \"title\": }\n"},
			args:     []string{"bad.json"},
			problems: []parallax.Problem{prob("bad.json", "line 3: malformed JSON: invalid character '}' looking for beginning of value")},
		},
		{
			name:  "repeated ids are made unique",
			files: map[string]string{"a/x.txt": lede, "b/x.txt": lede, "c/x.txt": lede},
			args:  []string{"a", "b/x.txt", "c"},
			want:  []article{{"x", "x", "", "a/x.txt", lede}, {"x~2", "x", "", "b/x.txt", lede}, {"x~3", "x", "", "c/x.txt", lede}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			for _, d := range tt.dirs {
				if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			// Paths are given relative to dir, as a user would type them.
			t.Chdir(dir)
			arts, problems := Load(tt.args, strings.NewReader(tt.stdin), Defaults{})
			if got := summarize(arts); (len(got) > 0 || len(tt.want) > 0) && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("articles:\n got %q\nwant %q", got, tt.want)
			}
			if !reflect.DeepEqual(problems, tt.problems) {
				t.Errorf("problems:\n got %q\nwant %q", problems, tt.problems)
			}
		})
	}
}

func TestLoadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read files without permission")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(p, []byte(lede), 0o000); err != nil {
		t.Fatal(err)
	}
	_, problems := Load([]string{p}, nil, Defaults{})
	want := []parallax.Problem{prob(p, "permission denied")}
	if !reflect.DeepEqual(problems, want) {
		t.Errorf("got %q, want %q", problems, want)
	}
}

func TestDefaults(t *testing.T) {
	pub := time.Date(2025, 3, 18, 0, 0, 0, 0, time.UTC)
	d := Defaults{Source: "Wire Service", Published: pub}
	tests := []struct {
		name, file, data    string
		wantSource, wantPub string
	}{
		{"text takes the defaults", "a.txt", lede, "Wire Service", "2025-03-18"},
		{"record metadata wins", "r.json", `{"text":"x","source":"Gazette","date":"2024-10-04"}`, "Gazette", "2024-10-04"},
		{"markdown title without text", "t.md", "# Title only\n\n![photo](p.jpg)\n", "", ""},
		{"front matter wins", "m.md", "---\nsource: Gazette\ndate: 2024-10-04\n---\nBody text here.", "Gazette", "2024-10-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Read(tt.file, []byte(tt.data), d)
			if tt.wantSource == "" {
				if want := tt.file + ": no article text"; err == nil || err.Error() != want {
					t.Fatalf("err = %v, want %q", err, want)
				}
				return
			}
			if err != nil || len(arts) != 1 {
				t.Fatalf("Read: %v, %d articles", err, len(arts))
			}
			if got := arts[0].Source; got != tt.wantSource {
				t.Errorf("Source = %q, want %q", got, tt.wantSource)
			}
			if got := arts[0].Published.Format("2006-01-02"); got != tt.wantPub {
				t.Errorf("Published = %s, want %s", got, tt.wantPub)
			}
		})
	}
}

// TestReadEncodings covers decoding: byte order marks, legacy
// single-byte text, damaged UTF-8 and binary data.
func TestReadEncodings(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range "Peace talks\n\nThey met." {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*131 + i*i*7 + 1) // no NULs, mostly high bytes
		if random[i] == 0 {
			random[i] = 0x90
		}
	}
	tests := []struct {
		name     string
		data     []byte
		wantBody string
		wantErr  string
		file     string // "x.txt" when empty
	}{
		{"utf-8 bom", []byte("\xEF\xBB\xBFCafé owners said prices rose."), "Café owners said prices rose.", "", ""},
		{"utf-16 bom", utf16le, "They met.", "", ""},
		{"utf-8 bom before JSON", []byte("\xEF\xBB\xBF{\"text\": \"They met.\"}"), "They met.", "", "x.json"},
		{"windows-1252", []byte("The \x93deal\x94 pleased caf\xe9 owners."), "The “deal” pleased café owners.", "", ""},
		{"damaged utf-8 is repaired", []byte("Café owners said “prices rose” by 3% this year \xff and would rise again."), "Café owners said “prices rose” by 3% this year \uFFFD and would rise again.", "", ""},
		{"mostly invalid utf-8", []byte("Café prices \xff\xfe rose \xfd\xfc again \xfa\xfb this \xf9 year."), "", "x.txt: not valid UTF-8 text: 16% of bytes are invalid", ""},
		{"nul bytes", []byte("text\x00more text"), "", "x.txt: binary file, not text", ""},
		{"high-byte noise", random, "", "x.txt: not valid UTF-8 text: 47% of bytes are invalid", ""},
		{"control characters", bytes.Repeat([]byte("ab\x01\x02\x03"), 100), "", "x.txt: binary file, not text", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "x.txt"
			}
			arts, err := Read(file, tt.data, Defaults{})
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(arts) != 1 {
				t.Fatalf("Read: %v, %d articles", err, len(arts))
			}
			if arts[0].Body != tt.wantBody {
				t.Errorf("Body = %q, want %q", arts[0].Body, tt.wantBody)
			}
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	page := func(charset, para string) []byte {
		return []byte("<html><head><meta charset=\"" + charset + "\"><title>T</title></head><body><article><p>" +
			strings.Repeat(para+" ", 6) + "</p></article></body></html>")
	}
	koi8, err := charmap.KOI8R.NewEncoder().String("Переговоры возобновятся в понедельник в Женеве.")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		page []byte
		want string
	}{
		{"latin-1", page("iso-8859-1", "Le caf\xe9 a ferm\xe9 ses portes apr\xe8s trente ans."), "Le café a fermé ses portes après trente ans."},
		{"koi8-r", page("koi8-r", koi8), "Переговоры возобновятся в понедельник в Женеве."},
		{"utf-8 declared as latin-1", page("iso-8859-1", "Le café a fermé ses portes après trente ans."), "Le café a fermé ses portes après trente ans."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Read("page.html", tt.page, Defaults{})
			if err != nil || len(arts) != 1 {
				t.Fatalf("Read: %v, %d articles", err, len(arts))
			}
			if !strings.HasPrefix(arts[0].Body, tt.want) {
				t.Errorf("Body = %q, want prefix %q", arts[0].Body, tt.want)
			}
		})
	}
}

func TestJSONLimits(t *testing.T) {
	t.Run("large file, small records", func(t *testing.T) {
		var b bytes.Buffer
		rec := `{"text":"` + strings.Repeat("a", 1000) + `"}` + "\n"
		for b.Len() < 17*mb {
			b.WriteString(rec)
		}
		n := b.Len() / len(rec)
		arts, err := Read("big.jsonl", b.Bytes(), Defaults{})
		if err != nil || len(arts) != n {
			t.Fatalf("Read: %v, %d articles, want %d", err, len(arts), n)
		}
		if got := arts[n-1].ID; got != "big#"+strconv.Itoa(n) {
			t.Errorf("last ID = %q", got)
		}
	})
	t.Run("record text over the limit", func(t *testing.T) {
		data := "{\"text\":\"ok\"}\n{\"text\":\"" + strings.Repeat("a", 17*mb) + "\"}\n{\"text\":\"ok too\"}\n"
		arts, err := Read("r.jsonl", []byte(data), Defaults{})
		want := "r.jsonl: line 2: text too large: 17.0 MB exceeds the 16 MB limit"
		if len(arts) != 2 || err == nil || err.Error() != want {
			t.Fatalf("got %d articles, err %v; want 2 and %q", len(arts), err, want)
		}
	})
	t.Run("line over the limit", func(t *testing.T) {
		data := "{\"text\":\"" + strings.Repeat("a", maxLine) + "\"}\n{\"text\":\"ok\"}"
		arts, err := Read("r.jsonl", []byte(data), Defaults{})
		want := "r.jsonl: line 1: line too long: exceeds the 64 MB limit"
		if len(arts) != 1 || arts[0].Body != "ok" || err == nil || err.Error() != want {
			t.Fatalf("got %d articles, err %v; want 1 and %q", len(arts), err, want)
		}
	})
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head string
		want       format
	}{
		{"x.txt", "<!DOCTYPE html><html><body>", formatHTML},
		{"x.txt", "<p>Talks resume.</p>", formatText},
		{"x.htm", "plain", formatHTML},
		{"x.MD", "# T", formatMarkdown},
		{"x.json", "{\"a\":1}\n{\"a\":2}\n", formatJSONL},
		{"x.json", "{\n\"a\":1}", formatJSON},
		{"x", "  [ {\"text\":\"a\"} ]", formatJSON},
		{"x", "[Updated] Talks resume", formatText},
		{"x", "{draft} Talks resume", formatText},
		{"x", "{\"text\":\"a\"}\n\n{\"text\":\"b\"}", formatJSONL},
		{"x", "<!-- saved --><!DOCTYPE html><html>", formatHTML},
		{"x", "<?xml version=\"1.0\"?><html>", formatHTML},
		{"x", "<p>Talks resume.</p>", formatHTML},
		{"x", "<3 love this story", formatText},
		{"-", "Talks resume", formatText},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.head, func(t *testing.T) {
			if got := detect(tt.name, []byte(tt.head)); got != tt.want {
				t.Errorf("detect = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestIsHeadline(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Trump and Putin agree to 30-day energy truce in Ukraine during phone call", true},
		{"Zelenskyy skeptical, wants a 'just' peace", true},
		{"Will the truce hold?", true},
		{"“We are ready,” Kremlin says", true},
		{"The talks ended.", false},
		{"He said it was “over.”", false},
		{"WASHINGTON —", false},
		{"Key points:", false},
		{"- Trump and Putin agree to a truce", false},
		{"1. Trump and Putin agree to a truce", false},
		{"Breaking", false},
		{"trump and putin agree", false},
		{strings.Repeat("word ", 21), false},
		{"U.S. President Donald Trump and his Russian counterpart Vladimir Putin on Tuesday agreed to an immediate pause in strikes against energy infrastructure in Ukraine during their call", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isHeadline(tt.line); got != tt.want {
				t.Errorf("isHeadline(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestSplitHeadlineOffsets(t *testing.T) {
	tests := []struct {
		name, text, title string
		start             int
	}{
		{"blank line after", "Truce agreed\n\nBody.", "Truce agreed", 14},
		{"crlf", "Truce agreed\r\n\r\nBody.", "Truce agreed", 16},
		{"leading blank lines", "\n\nTruce agreed\nBody.", "Truce agreed", 15},
		{"no headline", "\nThe truce was agreed.\nBody.", "", 1},
		{"nothing after", "Truce agreed\n\n", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, start := splitHeadline(tt.text)
			if title != tt.title || start != tt.start {
				t.Errorf("splitHeadline = %q, %d; want %q, %d", title, start, tt.title, tt.start)
			}
		})
	}
}

func TestPlainInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**Bold** and *em* and _em_ and __strong__", "Bold and em and em and strong"},
		{"a [link](http://x.example/(a)) here", "a link here"},
		{"a [ref link][r] here", "a ref link here"},
		{"![img](x.png) gone", "gone"},
		{"code `x := 1` span", "code x := 1 span"},
		{`escaped \*stars\* stay`, "escaped *stars* stay"},
		{"snake_case and 2 * 3 and 5*3", "snake_case and 2 * 3 and 5*3"},
		{"(*aside*)", "(aside)"},
		{"**“Quoted.”**", "“Quoted.”"},
		{"unclosed [bracket and (paren", "unclosed [bracket and (paren"},
		{"<https://x.example/a> and <b>tag</b>", "https://x.example/a and <b>tag</b>"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := plainInline(tt.in); got != tt.want {
				t.Errorf("plainInline(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, "" for an error
	}{
		{"2025-03-18T14:30:00Z", "2025-03-18T14:30:00Z"},
		{"2025-03-18T14:30:00+02:00", "2025-03-18T14:30:00+02:00"},
		{"2025-03-18T14:30:00.123Z", "2025-03-18T14:30:00Z"},
		{"2025-03-18", "2025-03-18T00:00:00Z"},
		{"2025-03-18 14:30", "2025-03-18T14:30:00Z"},
		{"2025-03-18 14:30:05", "2025-03-18T14:30:05Z"},
		{"Tue, 18 Mar 2025 14:30:00 +0000", "2025-03-18T14:30:00Z"},
		{"Tue, 18 Mar 2025 14:30:00 GMT", "2025-03-18T14:30:00Z"},
		{"Tue, 4 Mar 2025 14:30:00 +0100", "2025-03-04T14:30:00+01:00"},
		{"March 18, 2025", "2025-03-18T00:00:00Z"},
		{"Mar 18, 2025", "2025-03-18T00:00:00Z"},
		{"Sept. 3, 2024", "2024-09-03T00:00:00Z"},
		{"18 March 2025", "2025-03-18T00:00:00Z"},
		{"  March   18,  2025 ", "2025-03-18T00:00:00Z"},
		{"yesterday", ""},
		{"", ""},
		{"2025-13-40", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTime(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Errorf("ParseTime(%q) = %v, want an error", tt.in, got)
				}
				return
			}
			if err != nil || got.Format(time.RFC3339) != tt.want {
				t.Errorf("ParseTime(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}
