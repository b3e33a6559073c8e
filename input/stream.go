package input

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
)

// Position says how far an input has been read: a later read resumes just
// after it. The zero Position is the start of the input.
type Position struct {
	// Offset is the number of bytes of the input consumed. For formats
	// read as a whole it is the file's size once the file is done, and 0
	// before its last record.
	Offset int64 `json:"offset"`
	// Records counts the records consumed, usable or not; Lines the lines
	// (JSON Lines only). They keep fallback ids and problem line numbers
	// right after a resume.
	Records int `json:"records"`
	Lines   int `json:"lines,omitempty"`
}

// Record is one record streamed from an input: an article, or the problem
// that kept it from being one.
type Record struct {
	Article *parallax.Article // nil when Problem is set
	Problem *parallax.Problem
	// OwnID reports that Article.ID came from the input itself rather
	// than from the fallback derived from the file name ("name",
	// "name#3"). An input whose own id has the fallback's form counts as
	// not having one.
	OwnID bool
	// After is where the input's next record starts.
	After Position
}

// Files lists the files Load reads for paths, in the order it reads them:
// files as given, directories walked recursively in lexical order (hidden
// entries and files that are obviously not articles skipped), "-" kept as
// it is. A file under a directory whose lower-cased name ends in one of keep
// is listed even when its extension is otherwise skipped (".warc.gz").
// Paths that cannot be used become Problems.
func Files(paths []string, keep ...string) ([]string, []parallax.Problem) {
	var files []string
	var problems []parallax.Problem
	for _, p := range paths {
		if p == stdinPath {
			files = append(files, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, parallax.Problem{Path: p, Reason: osReason(err)})
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		found, err := walk(p, keep...)
		if err != nil {
			problems = append(problems, parallax.Problem{Path: p, Reason: err.Error()})
		}
		if len(found) == 0 && err == nil {
			problems = append(problems, parallax.Problem{Path: p, Reason: "directory has no article files"})
		}
		files = append(files, found...)
	}
	return files, problems
}

// Stream reads every path like Load, but hands each record to fn as soon as
// it is read instead of collecting them: JSON Lines one line at a time, so
// an input of any size is read in bounded memory; other formats one file at
// a time. Problems arrive in order as Records with Problem set. Unlike Load,
// Stream does not make ids unique across inputs: it would have to remember
// every id. fn's error stops the stream and is returned.
func Stream(paths []string, stdin io.Reader, d Defaults, fn func(Record) error) error {
	files, problems := Files(paths)
	for _, p := range problems {
		if err := fn(Record{Problem: &p}); err != nil {
			return err
		}
	}
	stdinDone := false
	for _, f := range files {
		if f != stdinPath {
			if err := StreamFile(f, Position{}, d, fn); err != nil {
				return err
			}
			continue
		}
		var reason string
		switch {
		case stdin == nil:
			reason = "no standard input"
		case stdinDone:
			reason = "standard input already read"
		}
		if reason != "" {
			if err := fn(Record{Problem: &parallax.Problem{Path: f, Reason: reason}}); err != nil {
				return err
			}
			continue
		}
		stdinDone = true
		if err := StreamReader(f, stdin, d, fn); err != nil {
			return err
		}
	}
	return nil
}

// StreamFile reads the file at path from position from and calls fn for
// each record, in order. JSON Lines files resume at from.Offset; a file now
// shorter than that was replaced and is read from its start. A file in
// another format is read as a whole, and skipped when from says it was read
// to its end already. fn's error stops the stream and is returned; problems
// with the file are passed to fn, not returned.
func StreamFile(path string, from Position, d Defaults, fn func(Record) error) error {
	f, err := os.Open(path)
	if err != nil {
		return emitProblem(fn, path, osReason(err), from)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return emitProblem(fn, path, osReason(err), from)
	}
	if info.IsDir() {
		return emitProblem(fn, path, "is a directory", from)
	}
	size := info.Size()
	if from.Offset > size {
		from = Position{}
	}
	br := bufio.NewReaderSize(f, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return emitProblem(fn, path, osReason(err), from)
	}
	if !streamable(path, head) {
		if from.Offset > 0 && from.Offset >= size {
			return nil
		}
		return streamWhole(path, br, size, d, fn)
	}
	if from.Offset > 0 {
		if _, err := f.Seek(from.Offset, io.SeekStart); err != nil {
			return emitProblem(fn, path, osReason(err), from)
		}
		br.Reset(f)
	}
	return streamLines(path, br, from, d, fn)
}

// StreamReader is StreamFile for an input read once from its start, such as
// stdin; name is its path as in Read.
func StreamReader(name string, r io.Reader, d Defaults, fn func(Record) error) error {
	br := bufio.NewReaderSize(r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return emitProblem(fn, name, osReason(err), Position{})
	}
	if !streamable(name, head) {
		return streamWhole(name, br, -1, d, fn)
	}
	return streamLines(name, br, Position{}, d, fn)
}

// ReadHTML reads data as an HTML page whatever name says, for pages whose
// type is known from elsewhere (an HTTP Content-Type, a WARC record). name
// is the page's address or path, used as Read uses it.
func ReadHTML(name string, data []byte, d Defaults) ([]*parallax.Article, error) {
	return readAs(name, bytes.NewReader(data), int64(len(data)), d, formatHTML)
}

// streamable reports whether an input is JSON Lines in UTF-8, the format
// read line by line. UTF-16 input goes through the whole-file reader, which
// decodes it.
func streamable(path string, head []byte) bool {
	return utf16BOM(head) == nil && !isBinary(head) &&
		detect(path, bytes.TrimPrefix(head, utf8BOM)) == formatJSONL
}

func emitProblem(fn func(Record) error, path, reason string, at Position) error {
	return fn(Record{Problem: &parallax.Problem{Path: path, Reason: reason}, After: at})
}

// streamWhole reads an input in a format read as a whole and hands its
// records to fn. Only the last record carries the input's end as its
// position, so that an interruption before it re-reads the file.
func streamWhole(path string, r io.Reader, size int64, d Defaults, fn func(Record) error) error {
	arts, err := read(path, r, size, d)
	recs := make([]Record, 0, len(arts))
	for _, a := range arts {
		recs = append(recs, Record{Article: a, OwnID: !isFallbackID(path, a.ID)})
	}
	for _, p := range Problems(path, err) {
		recs = append(recs, Record{Problem: &p})
	}
	for i := range recs {
		recs[i].After.Records = i + 1
	}
	if n := len(recs); n > 0 && size >= 0 {
		recs[n-1].After.Offset = size
	}
	for _, rec := range recs {
		if err := fn(rec); err != nil {
			return err
		}
	}
	return nil
}

// isFallbackID reports whether id has the form of the fallback id of an
// input at path: its base name, perhaps numbered.
func isFallbackID(path, id string) bool {
	base := baseName(path)
	if id == base {
		return true
	}
	n, ok := strings.CutPrefix(id, base+"#")
	if !ok {
		return false
	}
	_, err := strconv.Atoi(n)
	return err == nil
}

// streamLines reads JSON Lines from r, which is positioned at from. The
// first record of an input is held back until the next one shows whether
// the input has several records, so that fallback ids come out as Load
// makes them ("name" for a single record, "name#1", "name#2" otherwise).
func streamLines(path string, r *bufio.Reader, from Position, d Defaults, fn func(Record) error) error {
	pos := from
	if pos.Offset == 0 {
		if head, _ := r.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
			r.Discard(len(utf8BOM))
			pos.Offset = int64(len(utf8BOM))
		}
	}
	var (
		held *Record // the first record, while its numbering is open
		buf  []byte
	)
	// emit finishes a record: fallbacks for articles, problems numbered
	// by line.
	emit := func(rec Record, numbered bool) error {
		if a := rec.Article; a != nil {
			a.Path = path
			rec.OwnID = a.ID != ""
			n := rec.After.Records
			if !numbered {
				n = 0
			}
			fill(a, path, n, d)
		}
		return fn(rec)
	}
	for {
		line, n, tooLong, more, err := readLine(r, maxLine, buf[:0])
		buf = line
		pos.Offset += n
		if n > 0 {
			pos.Lines++
		}
		if err != nil {
			if held != nil {
				if e := emit(*held, true); e != nil {
					return e
				}
				held = nil
			}
			return emitProblem(fn, path, fmt.Sprintf("line %d: %s", pos.Lines, osReason(err)), pos)
		}
		var rec Record
		switch {
		case !tooLong && len(bytes.TrimSpace(line)) == 0:
			// A blank line is no record, but the position moves past it.
			if more {
				continue
			}
		case tooLong:
			rec.Problem = &parallax.Problem{Path: path, Reason: fmt.Sprintf("line %d: line too long: exceeds the %d MB limit", pos.Lines, maxLine/mb)}
		default:
			if !jsonValid(line) {
				rec.Problem = &parallax.Problem{Path: path, Reason: fmt.Sprintf("line %d: malformed JSON: %s", pos.Lines, jsonSyntaxMessage(line))}
			} else if a, reason := record(bytes.TrimSpace(line)); reason != "" {
				rec.Problem = &parallax.Problem{Path: path, Reason: fmt.Sprintf("line %d: %s", pos.Lines, reason)}
			} else {
				rec.Article = a
			}
		}
		if rec.Article != nil || rec.Problem != nil {
			pos.Records++
			rec.After = pos
			switch {
			case held != nil:
				if err := emit(*held, true); err != nil {
					return err
				}
				held = nil
				if err := emit(rec, true); err != nil {
					return err
				}
			case pos.Records == 1 && rec.Article != nil:
				held = &rec
			default:
				if err := emit(rec, true); err != nil {
					return err
				}
			}
		}
		if !more {
			break
		}
	}
	if held != nil {
		// The input's only record: no number in its fallback id.
		return emit(*held, false)
	}
	if pos.Records == 0 && from.Records == 0 && from.Offset == 0 {
		return emitProblem(fn, path, "empty file", pos)
	}
	return nil
}
