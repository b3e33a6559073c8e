package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/reconcile"
)

func newStories() *cobra.Command {
	var dbPath, sort, search, format string
	var limit int
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List the stories in the store",
		Long: `Stories lists the stories built by parallax ingest: id, latest article, number
of articles, outlets and independent sources (outlets once syndicated copies
are collapsed), and title. --search keeps stories with an article containing
every word (stemmed, case- and accent-insensitive) and ranks them by relevance
unless --sort says otherwise.`,
		Example: `  parallax stories --limit 20
  parallax stories --search "harbor strike" --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			q := parallax.StoryQuery{Search: search, Limit: limit}
			switch sort {
			case "":
			case "newest", "largest", "growing", "relevance":
				q.Order = parallax.Order(sort)
			default:
				return fmt.Errorf("unknown --sort %q (want newest, largest, growing or relevance)", sort)
			}
			if limit < 0 {
				return errors.New("--limit must not be negative")
			}
			ctx := contextOrBackground(cmd.Context())
			db, err := openExisting(ctx, dbPath)
			if err != nil {
				return err
			}
			defer db.Close()
			list, err := db.Stories(ctx, q)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			if format == "json" {
				err = storiesJSON(w, list)
			} else {
				err = storiesText(w, list)
			}
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", "", dbFlagHelp)
	cmd.Flags().StringVar(&sort, "sort", "", "order: newest, largest, growing (most articles in the day before the latest one) or relevance (default: relevance with --search, else newest)")
	cmd.Flags().StringVar(&search, "search", "", "keep stories with an article containing all these words")
	cmd.Flags().IntVarP(&limit, "limit", "n", 50, "list at most this many stories (0: all)")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}

// storyLine is the JSON form of a story listing entry.
type storyLine struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Articles    int    `json:"articles"`
	Outlets     int    `json:"outlets"`
	Independent *int   `json:"independent_sources,omitempty"`
	First       string `json:"first,omitempty"`
	Last        string `json:"last,omitempty"`
	Updated     string `json:"updated,omitempty"`
	// Recent is, with --sort growing, the story's articles in the day
	// before the store's latest article.
	Recent int `json:"recent,omitempty"`
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func storiesJSON(w io.Writer, list []parallax.StorySummary) error {
	out := make([]storyLine, len(list))
	for i, s := range list {
		out[i] = storyLine{ID: s.ID, Title: s.Title, Articles: s.Articles, Outlets: s.Outlets,
			First: rfc3339(s.First), Last: rfc3339(s.Last), Updated: rfc3339(s.UpdatedAt), Recent: s.Recent}
		if s.Independent >= 0 {
			n := s.Independent
			out[i].Independent = &n
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func storiesText(w io.Writer, list []parallax.StorySummary) error {
	if len(list) == 0 {
		_, err := fmt.Fprintln(w, "no stories")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// Every cell but the title ends in a tab: the title, after the last
	// tab, is left as it is, flush left.
	fmt.Fprintln(tw, "ID\tLATEST\tARTICLES\tOUTLETS\tINDEPENDENT\t  TITLE")
	for _, s := range list {
		last := "-"
		if !s.Last.IsZero() {
			last = s.Last.UTC().Format("2006-01-02 15:04")
		}
		indep := "-"
		if s.Independent >= 0 {
			indep = fmt.Sprint(s.Independent)
		}
		articles := fmt.Sprint(s.Articles)
		if s.Recent > 0 {
			articles = fmt.Sprintf("%d (+%d)", s.Articles, s.Recent)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t  %s\n", s.ID, last, articles, s.Outlets, indep, oneLine(s.Title, 80))
	}
	return tw.Flush()
}

// oneLine flattens a title to one line of at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func newStory() *cobra.Command {
	var dbPath, format, output, color string
	var width int
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Show one story's brief: agreed, disputed, who said what, unique",
		Long: `Story prints the brief of one stored story, as analyze prints it for a set of
files. The brief is the one ingest stored, rebuilt from the story's articles
when it no longer covers all of them; the HTML report re-analyzes the story's
articles to show them side by side.`,
		Example: `  parallax story s3f9a1c2b7e4d5a6f
  parallax story --format html -o story.html s3f9a1c2b7e4d5a6f`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "md", "json", "html"); err != nil {
				return err
			}
			ctx := contextOrBackground(cmd.Context())
			db, err := openExisting(ctx, dbPath)
			if err != nil {
				return err
			}
			defer db.Close()
			st, b, err := db.Story(ctx, args[0])
			if errors.Is(err, parallax.ErrNotFound) {
				return fmt.Errorf("no story %q in %s (parallax stories lists them)", args[0], db.name)
			}
			if err != nil {
				return err
			}
			// A brief that covers fewer articles than the story has is
			// stale (ingest rebuilds briefs as stories grow by half, and
			// at the end of a run): rebuild it here.
			stale := b == nil || len(b.Articles) != len(st.Articles)
			var docs []*parallax.Document
			if stale || format == "html" {
				arts, err := db.StoryArticles(ctx, st.ID)
				if err != nil {
					return err
				}
				docs, err = analyzeAll(ctx, arts, runtime.GOMAXPROCS(0))
				if err != nil {
					return err
				}
				analyze.Story(docs)
				if stale {
					b = reconcile.Brief(docs)
				}
			}
			header := fmt.Sprintf("Story %s · %s · %d articles\n\n", st.ID, oneLine(st.Title, 80), len(st.Articles))
			return writeReport(cmd, reportOptions{format: format, output: output, color: color, width: width}, b, docs, header)
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", "", dbFlagHelp)
	cmd.Flags().StringVarP(&format, "format", "f", "text", "report format: text, md, json or html")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the report to this file instead of stdout")
	cmd.Flags().StringVar(&color, "color", "auto", "color the text report: auto, always or never")
	cmd.Flags().IntVar(&width, "width", 100, "wrap the text report at this many columns")
	return cmd
}
