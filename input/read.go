package input

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

const (
	mb = 1 << 20
	// maxBody caps one article's text, and so a whole text, Markdown or
	// HTML file.
	maxBody = 16 * mb
	// maxLine caps one JSON Lines record.
	maxLine = 64 * mb
	// sniffLen is how much of an input is inspected to detect its type
	// and whether it is binary.
	sniffLen = 8 << 10
	// maxInvalid is the share of invalid bytes above which damaged UTF-8
	// is refused instead of repaired.
	maxInvalid = 0.05
	// maxNonText is the share of control characters above which an
	// input is taken for binary.
	maxNonText = 0.30
)

type format int

const (
	// formatDetect asks readAs to choose the format itself.
	formatDetect format = iota - 1
	formatText
	formatMarkdown
	formatHTML
	formatJSON
	formatJSONL
)

// Read reads the articles in one input's bytes. name is the input's path
// ("-" for stdin): its extension chooses the format (unknown extensions are
// sniffed from the content) and its base name is the fallback source and
// id. The error, when not nil, is an ErrorList; a JSON or JSON Lines input
// can return articles and errors for its bad records at once.
func Read(name string, data []byte, d Defaults) ([]*parallax.Article, error) {
	return read(name, bytes.NewReader(data), int64(len(data)), d)
}

// read reads one input from r; size is its length in bytes, or -1 when
// unknown (stdin).
func read(path string, r io.Reader, size int64, d Defaults) ([]*parallax.Article, error) {
	return readAs(path, r, size, d, formatDetect)
}

// readAs is read with the format forced, unless it is formatDetect.
func readAs(path string, r io.Reader, size int64, d Defaults, force format) (arts []*parallax.Article, err error) {
	// The HTML extractor is third-party code fed untrusted input; an
	// adapter must not take the whole run down with it.
	defer func() {
		if p := recover(); p != nil {
			arts, err = nil, ErrorList{{Path: path, Reason: fmt.Sprintf("internal error: %v", p)}}
		}
	}()
	fail := func(reason string) ([]*parallax.Article, error) {
		return nil, ErrorList{{Path: path, Reason: reason}}
	}

	br := bufio.NewReaderSize(r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return fail(osReason(err))
	}
	// UTF-16 is only recognized by its byte order mark; without one it is
	// reported as binary (it is full of NUL bytes).
	if enc := utf16BOM(head); enc != nil {
		br = bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), sniffLen)
		size = -1 // the decoded size differs
		head, err = br.Peek(sniffLen)
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return fail("invalid UTF-16 text")
		}
	}
	if bytes.HasPrefix(head, utf8BOM) {
		br.Discard(len(utf8BOM))
		head, _ = br.Peek(sniffLen)
	}
	if len(head) < sniffLen && len(bytes.TrimSpace(head)) == 0 {
		return fail("empty file")
	}
	if isBinary(head) {
		return fail("binary file, not text")
	}

	f := force
	if f == formatDetect {
		f = detect(path, head)
	}
	switch f {
	case formatJSON:
		return readJSON(path, br, d)
	case formatJSONL:
		return readJSONL(path, br, d)
	}

	if size > maxBody {
		return fail(fmt.Sprintf("file too large: %.1f MB exceeds the %d MB limit", float64(size)/mb, maxBody/mb))
	}
	data, err := io.ReadAll(io.LimitReader(br, maxBody+1))
	if err != nil {
		return fail(osReason(err))
	}
	if len(data) > maxBody {
		return fail(fmt.Sprintf("input too large: exceeds the %d MB limit", maxBody/mb))
	}
	text, reason := decode(data, f == formatHTML)
	if reason != "" {
		return fail(reason)
	}
	if strings.TrimSpace(text) == "" {
		return fail("empty file")
	}

	var a *parallax.Article
	switch f {
	case formatHTML:
		a, err = readHTML(text)
		if err != nil {
			return fail(err.Error())
		}
	case formatMarkdown:
		a = readMarkdown(text)
	default:
		a = readText(text)
	}
	if strings.TrimSpace(a.Body) == "" {
		return fail("no article text")
	}
	a.Path = path
	fill(a, path, 0, d)
	return []*parallax.Article{a}, nil
}

// fill applies the fallbacks for what the input did not say. n is the
// record's 1-based number in a multi-record input, 0 for a single article.
func fill(a *parallax.Article, path string, n int, d Defaults) {
	base := baseName(path)
	if a.Source == "" {
		a.Source = d.Source
	}
	if a.Source == "" {
		a.Source = base
	}
	if a.Published.IsZero() {
		a.Published = d.Published
	}
	if a.ID == "" {
		a.ID = base
		if n > 0 {
			a.ID = fmt.Sprintf("%s#%d", base, n)
		}
	}
}

// baseName is the file name without directory and extension: the fallback
// source and id.
func baseName(path string) string {
	if path == stdinPath {
		return "stdin"
	}
	b := filepath.Base(path)
	if ext := filepath.Ext(b); ext != "" && ext != b {
		b = strings.TrimSuffix(b, ext)
	}
	return b
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func utf16BOM(b []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return nil
}

// isBinary reports whether the first bytes of an input are not text: any
// NUL byte, or too many control characters. Bytes above ASCII are not
// judged here: they may be a legacy encoding, which decode deals with.
func isBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			ctrl++
		}
	}
	return float64(ctrl) > maxNonText*float64(len(head))
}

// detect chooses the format from the extension, and sniffs the content
// when the extension does not say.
func detect(path string, head []byte) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return formatHTML
	case ".md", ".markdown", ".mdown", ".mkd":
		return formatMarkdown
	case ".json":
		if looksLikeJSONL(head) {
			return formatJSONL
		}
		return formatJSON
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".txt", ".text":
		// Web pages are often saved under .txt; a full HTML document
		// is still read as one.
		if looksLikeHTMLDocument(head) {
			return formatHTML
		}
		return formatText
	}
	switch {
	case looksLikeJSONL(head):
		return formatJSONL
	case looksLikeJSON(head):
		return formatJSON
	case looksLikeHTML(head):
		return formatHTML
	}
	return formatText
}

// looksLikeJSON reports whether head opens a JSON object or an array of
// objects. It looks one token further than the first bracket so that text
// starting with "[Updated]" or "{draft}" is not taken for JSON.
func looksLikeJSON(head []byte) bool {
	s := bytes.TrimLeft(head, " \t\r\n")
	if len(s) < 2 || (s[0] != '{' && s[0] != '[') {
		return false
	}
	next := bytes.TrimLeft(s[1:], " \t\r\n")
	if len(next) == 0 {
		return true
	}
	if s[0] == '{' {
		return next[0] == '"' || next[0] == '}'
	}
	return next[0] == '{' || next[0] == ']'
}

// looksLikeJSONL reports whether head holds one complete JSON object on its
// first line followed by another line starting another object. A first
// line longer than the sniffed window is not recognized; such an input is
// read as plain JSON, which still accepts concatenated objects.
func looksLikeJSONL(head []byte) bool {
	s := bytes.TrimLeft(head, " \t\r\n")
	first, rest, ok := bytes.Cut(s, []byte{'\n'})
	if !ok || !looksLikeJSON(first) {
		return false
	}
	first = bytes.TrimSpace(first)
	if len(first) == 0 || first[0] != '{' || !jsonValid(first) {
		return false
	}
	rest = bytes.TrimLeft(rest, " \t\r\n")
	return len(rest) > 0 && rest[0] == '{'
}

var htmlMarkers = []string{"<!doctype html", "<html", "<head", "<body", "<article", "<meta ", "<title>", "<div", "<p>", "<p "}

// looksLikeHTML reports whether the content starts with markup, perhaps
// after a comment or an XML declaration.
func looksLikeHTML(head []byte) bool {
	s := strings.ToLower(string(bytes.TrimLeft(head, " \t\r\n")))
	for strings.HasPrefix(s, "<!--") || strings.HasPrefix(s, "<?xml") {
		end := "-->"
		if strings.HasPrefix(s, "<?xml") {
			end = "?>"
		}
		i := strings.Index(s, end)
		if i < 0 {
			return false
		}
		s = strings.TrimLeft(s[i+len(end):], " \t\r\n")
	}
	for _, m := range htmlMarkers {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// looksLikeHTMLDocument reports whether head opens a whole HTML document,
// a stricter test than looksLikeHTML.
func looksLikeHTMLDocument(head []byte) bool {
	s := strings.ToLower(string(bytes.TrimLeft(head[:min(len(head), 64)], " \t\r\n")))
	return strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html")
}

// decode turns the bytes of a text, Markdown or HTML input into UTF-8
// text, or says why it cannot. See the package comment for the policy.
func decode(data []byte, isHTML bool) (string, string) {
	if utf8.Valid(data) {
		return string(data), ""
	}
	if isHTML {
		// A page that declares a charset other than UTF-8 or Latin-1 is
		// decoded with it; Latin-1 and undeclared pages follow the rules
		// for plain text below.
		if enc, name, _ := charset.DetermineEncoding(data, "text/html"); name != "utf-8" && name != "windows-1252" {
			if s, err := enc.NewDecoder().Bytes(data); err == nil {
				return string(s), ""
			}
		}
	}
	invalid, multibyte := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			multibyte++
		}
		i += n
	}
	if multibyte == 0 {
		s, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err == nil {
			return string(s), ""
		}
	}
	if float64(invalid) > maxInvalid*float64(len(data)) {
		return "", fmt.Sprintf("not valid UTF-8 text: %.0f%% of bytes are invalid", 100*float64(invalid)/float64(len(data)))
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), ""
}
