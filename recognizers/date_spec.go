package recognizers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// dateCase is one case of a DateTime Parser spec file.
type dateCase struct {
	Input   string
	Context struct {
		ReferenceDateTime string
	}
	// NotSupported and NotSupportedByDesign name the ports (javascript,
	// python, java) that fail the case; the .NET reference passes all of
	// them, so both are read and ignored: every case counts.
	NotSupported         string
	NotSupportedByDesign string
	Results              []dateResult
}

// dateResult is one expected finding: its text, where it starts and how
// long it is (in characters), and its resolved value.
type dateResult struct {
	Text   string
	Type   string
	Start  int
	Length int
	Value  struct {
		Timex            string
		FutureResolution map[string]string
		PastResolution   map[string]string
	}
}

// dateRefLayout is how spec files write ReferenceDateTime.
const dateRefLayout = "2006-01-02T15:04:05"

// dateReference returns the case's reference date, zero when the case
// has none.
func (c dateCase) dateReference() (time.Time, error) {
	if c.Context.ReferenceDateTime == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateRefLayout, c.Context.ReferenceDateTime)
	if err != nil {
		return time.Time{}, fmt.Errorf("reference date %q: %w", c.Context.ReferenceDateTime, err)
	}
	return t, nil
}

// dateLoad reads the spec file DateTime/English/name under dir.
func dateLoad(dir, name string) ([]dateCase, error) {
	path := filepath.Join(dir, "DateTime", "English", name)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	cases, err := dateParse(b)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return cases, nil
}

// dateParse decodes a spec file, which may start with a UTF-8 BOM.
func dateParse(b []byte) ([]dateCase, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var cases []dateCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return nil, err
	}
	return cases, nil
}
