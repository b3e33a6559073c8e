// Package input reads news articles from files, directories and stdin into
// parallax.Article values. It owns format detection (plain text, Markdown,
// HTML, JSON, JSON Lines), text decoding, main-content extraction from web
// pages, the fallbacks for missing metadata (source, id, publication date)
// and the per-file problems reported for inputs that cannot be used.
//
// It is an adapter: it reads the file system, but it never logs and never
// panics; every bad input becomes a Problem while the other inputs load.
//
// Decisions worth knowing:
//
//   - Body is the text an article is analyzed from. For plain text whose
//     first line looks like a headline, the headline becomes Title and Body
//     starts at the next non-blank line. Markdown bodies are converted to
//     plain text first, so offsets refer to that plain text, not the file.
//     HTML bodies are the extracted main content, one block per paragraph,
//     paragraphs separated by "\n\n", without the headline block.
//   - Fallbacks: Source is the input's own metadata, else Defaults.Source,
//     else the file name without extension ("stdin" for "-"); Published is
//     the metadata, else Defaults.Published; ID is the record's id, else the
//     file name, numbered "name#3" when the input holds several records.
//   - An input whose first 8 KB hold a NUL byte or more than 30% control
//     characters is binary and refused. UTF-8 and UTF-16 byte order marks
//     are honoured.
//   - Text that is not valid UTF-8 is decoded as Windows-1252 when it holds
//     no valid multi-byte UTF-8 sequence at all (a legacy single-byte file);
//     otherwise it is damaged UTF-8 whose invalid bytes become U+FFFD, and it
//     is refused when more than 5% of its bytes are invalid. An HTML page
//     that declares another charset (<meta charset>) is decoded with it.
//   - A text, Markdown or HTML file larger than 16 MB is refused rather than
//     truncated. JSON and JSON Lines files are streamed and may be larger;
//     the 16 MB limit applies to each record's text, and a JSON Lines line
//     may be up to 64 MB.
package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// Defaults fills what the inputs themselves lack; they come from the
// --source and --published flags.
type Defaults struct {
	Source    string
	Published time.Time
}

// Error is one problem with an input: the whole input when Line is 0, or
// the record starting at Line.
type Error struct {
	Path   string
	Line   int
	Reason string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d: %s", e.Path, e.Line, e.Reason)
	}
	return e.Path + ": " + e.Reason
}

// Problem converts the error to the form a Brief reports.
func (e *Error) Problem() parallax.Problem {
	if e.Line > 0 {
		return parallax.Problem{Path: e.Path, Reason: fmt.Sprintf("line %d: %s", e.Line, e.Reason)}
	}
	return parallax.Problem{Path: e.Path, Reason: e.Reason}
}

// ErrorList collects the problems of one input, like go/scanner.ErrorList.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns nil when the list is empty, else the list itself.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Problems converts err, as returned by Read, to Problems reported under
// path. An error that is not an ErrorList becomes one Problem.
func Problems(path string, err error) []parallax.Problem {
	if err == nil {
		return nil
	}
	var list ErrorList
	if errors.As(err, &list) {
		out := make([]parallax.Problem, len(list))
		for i, e := range list {
			out[i] = e.Problem()
		}
		return out
	}
	var one *Error
	if errors.As(err, &one) {
		return []parallax.Problem{one.Problem()}
	}
	return []parallax.Problem{{Path: path, Reason: err.Error()}}
}

// stdinPath is how stdin is named on the command line and in Article.Path.
const stdinPath = "-"

// Load reads every path: files, directories (walked recursively in sorted
// order, skipping hidden entries and files that are obviously not
// articles) and "-" for stdin. Bad inputs become Problems; the rest load.
// Article IDs are made unique across the whole load by suffixing repeats
// with "~2", "~3", … so that later stages can key on them.
func Load(paths []string, stdin io.Reader, d Defaults) ([]*parallax.Article, []parallax.Problem) {
	var (
		arts      []*parallax.Article
		problems  []parallax.Problem
		stdinDone bool
	)
	add := func(path string, a []*parallax.Article, err error) {
		arts = append(arts, a...)
		problems = append(problems, Problems(path, err)...)
	}
	for _, p := range paths {
		if p == stdinPath {
			switch {
			case stdin == nil:
				problems = append(problems, parallax.Problem{Path: p, Reason: "no standard input"})
			case stdinDone:
				problems = append(problems, parallax.Problem{Path: p, Reason: "standard input already read"})
			default:
				stdinDone = true
				a, err := read(p, stdin, -1, d)
				add(p, a, err)
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, parallax.Problem{Path: p, Reason: osReason(err)})
			continue
		}
		if !info.IsDir() {
			a, err := loadFile(p, d)
			add(p, a, err)
			continue
		}
		files, err := walk(p)
		if err != nil {
			problems = append(problems, parallax.Problem{Path: p, Reason: err.Error()})
		}
		if len(files) == 0 && err == nil {
			problems = append(problems, parallax.Problem{Path: p, Reason: "directory has no article files"})
		}
		for _, f := range files {
			a, err := loadFile(f, d)
			add(f, a, err)
		}
	}
	uniqueIDs(arts)
	return arts, problems
}

// loadFile reads one file from disk.
func loadFile(path string, d Defaults) ([]*parallax.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Reason: osReason(err)}
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, &Error{Path: path, Reason: "is a directory"}
		}
		size = info.Size()
	}
	return read(path, f, size, d)
}

// walk lists the candidate article files under dir in lexical order. A
// file whose lower-cased name ends in one of keep is listed even when its
// extension is one skipExt skips.
func walk(dir string, keep ...string) ([]string, error) {
	var files []string
	var errs []string
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable subdirectory is reported and skipped; the
			// walk goes on with its siblings.
			errs = append(errs, fmt.Sprintf("%s: %s", path, osReason(err)))
			if e != nil && e.IsDir() && path != dir {
				return fs.SkipDir
			}
			return nil
		}
		if path != dir && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case e.IsDir():
			return nil
		case e.Type()&fs.ModeSymlink != 0:
			// Follow links to files only: a link to a directory could
			// make the walk loop.
			info, err := os.Stat(path)
			if err != nil || !info.Mode().IsRegular() {
				return nil
			}
		case !e.Type().IsRegular():
			return nil
		}
		if skipExt[strings.ToLower(filepath.Ext(path))] && !hasSuffix(strings.ToLower(e.Name()), keep) {
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		errs = append(errs, osReason(err))
	}
	if len(errs) > 0 {
		return files, errors.New(strings.Join(errs, "; "))
	}
	return files, nil
}

func hasSuffix(name string, suffixes []string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// skipExt lists extensions of files that are never articles; a directory
// walk skips them silently. A file named explicitly is still read (and
// reported as binary when it is).
var skipExt = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true,
	".bmp": true, ".ico": true, ".tif": true, ".tiff": true, ".svg": true,
	".avif": true, ".heic": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true,
	".ppt": true, ".pptx": true, ".odt": true, ".epub": true,
	".zip": true, ".gz": true, ".tgz": true, ".bz2": true, ".xz": true,
	".zst": true, ".7z": true, ".rar": true, ".tar": true, ".warc": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".bin": true,
	".o": true, ".a": true, ".class": true, ".jar": true, ".pyc": true,
	".wasm": true,
	".mp3":  true, ".mp4": true, ".m4a": true, ".mov": true, ".avi": true,
	".mkv": true, ".wav": true, ".flac": true, ".ogg": true, ".webm": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".css": true, ".js": true, ".map": true,
	".db": true, ".sqlite": true, ".parquet": true,
}

// osReason turns a file system error into a short reason without the path
// (the Problem carries the path).
func osReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "not found"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// uniqueIDs suffixes repeated IDs so every article in one load has its own.
func uniqueIDs(arts []*parallax.Article) {
	seen := make(map[string]bool, len(arts))
	for _, a := range arts {
		if !seen[a.ID] {
			seen[a.ID] = true
			continue
		}
		for n := 2; ; n++ {
			id := a.ID + "~" + strconv.Itoa(n)
			if !seen[id] {
				a.ID = id
				seen[id] = true
				break
			}
		}
	}
}
