package web

import (
	"time"

	"github.com/parallax-news/parallax"
)

// chartData is the timeline chart's data, handed to the page's script as
// JSON through html/template's JS escaping. Bins are days (months when the
// story spans more than a year); X holds each bin's start in Unix seconds,
// and the same numbers are listed in the table beside the chart.
type chartData struct {
	X []int64 `json:"x"`
	// Events counts the dated events of the timeline in each bin;
	// Published counts the story's articles published in it.
	Events    []int `json:"events"`
	Published []int `json:"published"`
	// Texts lists each bin's events, shown when a bin is pointed at.
	Texts [][]string `json:"texts"`
	// Labels name each bin for reading.
	Labels []string `json:"labels"`
	Unit   string   `json:"unit"` // "day" or "month"
}

// chartRow is one bin as a table row.
type chartRow struct {
	Label     string
	Date      string
	Events    int
	Published int
}

// Rows lists the bins that hold something, for the table beside the chart.
func (c *chartData) Rows() []chartRow {
	var out []chartRow
	for i := range c.X {
		if c.Events[i] == 0 && c.Published[i] == 0 {
			continue
		}
		out = append(out, chartRow{
			Label: c.Labels[i], Date: time.Unix(c.X[i], 0).UTC().Format("2006-01-02"),
			Events: c.Events[i], Published: c.Published[i],
		})
	}
	return out
}

// maxDayBins is the longest span binned by day.
const maxDayBins = 370

// chartOf bins a story's dated events and article publications; nil when
// nothing is dated.
func chartOf(tl []parallax.TimelineEntry, arts []articleRow) *chartData {
	type point struct {
		t    time.Time
		text string
	}
	var events, pubs []point
	for _, e := range tl {
		if t, _, ok := parseDate(e.Date); ok {
			events = append(events, point{t, e.Text})
		}
	}
	for _, a := range arts {
		if !a.Published.IsZero() {
			pubs = append(pubs, point{t: a.Published.UTC()})
		}
	}
	if len(events)+len(pubs) == 0 {
		return nil
	}
	lo, hi := time.Time{}, time.Time{}
	for _, p := range append(append([]point{}, events...), pubs...) {
		d := day(p.t)
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if hi.IsZero() || d.After(hi) {
			hi = d
		}
	}
	unit := "day"
	bin := day
	next := func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	label := func(t time.Time) string { return t.Format("2 Jan 2006") }
	if hi.Sub(lo) > maxDayBins*24*time.Hour {
		unit = "month"
		bin = month
		next = func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
		label = func(t time.Time) string { return t.Format("Jan 2006") }
		lo, hi = month(lo), month(hi)
	}
	c := &chartData{Unit: unit}
	index := map[int64]int{}
	for t := lo; !t.After(hi); t = next(t) {
		index[t.Unix()] = len(c.X)
		c.X = append(c.X, t.Unix())
		c.Labels = append(c.Labels, label(t))
	}
	c.Events = make([]int, len(c.X))
	c.Published = make([]int, len(c.X))
	c.Texts = make([][]string, len(c.X))
	for _, e := range events {
		i := index[bin(e.t).Unix()]
		c.Events[i]++
		c.Texts[i] = append(c.Texts[i], e.text)
	}
	for _, p := range pubs {
		c.Published[index[bin(p.t).Unix()]]++
	}
	return c
}

func day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func month(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}
