package input

import (
	"fmt"
	"strings"
	"time"
)

// timeLayouts are the date forms ParseTime accepts, most specific first.
// Layouts without a zone are read as UTC.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.ANSIC,
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
}

// ParseTime reads a publication date: RFC 3339, "2006-01-02",
// "2006-01-02 15:04", RFC 1123 (as in RSS), "January 2, 2006",
// "Jan 2, 2006" and a few close variants.
func ParseTime(s string) (time.Time, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, fmt.Errorf("empty date")
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	// "Sept." is common in news copy but unknown to package time.
	if r := strings.Replace(s, "Sept", "Sep", 1); r != s {
		return ParseTime(r)
	}
	return time.Time{}, fmt.Errorf("unrecognized date %q", s)
}
