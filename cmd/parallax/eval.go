package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/basil"
	"github.com/parallax-news/parallax/claimdiff"
	"github.com/parallax-news/parallax/ecbplus"
	"github.com/parallax-news/parallax/gold"
	"github.com/parallax-news/parallax/polnear"
	"github.com/parallax-news/parallax/recognizers"
)

// suite is one public evaluation suite: where its data lives under the
// shared eval folder and how to score it.
type suite struct {
	name string
	dir  string // folder name under the eval root
	run  func(dir string) ([]parallax.Score, error)
}

// one adapts a scorer that returns a single score.
func one(f func(string) (parallax.Score, error)) func(string) ([]parallax.Score, error) {
	return func(dir string) ([]parallax.Score, error) {
		s, err := f(dir)
		if err != nil {
			return nil, err
		}
		return []parallax.Score{s}, nil
	}
}

// both runs two scorers on the same data.
func both(f, g func(string) ([]parallax.Score, error)) func(string) ([]parallax.Score, error) {
	return func(dir string) ([]parallax.Score, error) {
		a, err := f(dir)
		if err != nil {
			return nil, err
		}
		b, err := g(dir)
		if err != nil {
			return nil, err
		}
		return append(a, b...), nil
	}
}

// suites lists every suite in the order `eval all` runs them.
var suites = []suite{
	{"recognizers/NumberModel", "recognizers-text-specs-en", one(recognizers.NumberModel)},
	{"recognizers/NumberRangeModel", "recognizers-text-specs-en", one(recognizers.NumberRangeModel)},
	{"recognizers/PercentModel", "recognizers-text-specs-en", one(recognizers.PercentModel)},
	{"recognizers/DimensionModel", "recognizers-text-specs-en", one(recognizers.DimensionModel)},
	{"recognizers/CurrencyModel", "recognizers-text-specs-en", one(recognizers.CurrencyModel)},
	{"recognizers/DurationExtractor", "recognizers-text-specs-en", one(recognizers.DurationExtractor)},
	{"recognizers/DurationParser", "recognizers-text-specs-en", one(recognizers.DurationParser)},
	{"recognizers/DateParser", "recognizers-text-specs-en", one(recognizers.DateParser)},
	{"recognizers/DatePeriodParser", "recognizers-text-specs-en", one(recognizers.DatePeriodParser)},
	{"polnear", "polnear", func(dir string) ([]parallax.Score, error) { return polnear.Score(dir, "train", "dev") }},
	{"basil", "basil", both(basil.Score, basil.UniqueShare)},
	{"claimdiff", "claimdiff", claimdiff.Score},
	{"ecbplus", "ecbplus", ecbplus.Score},
	// The gold set is the project's own (gold/testdata), not part of the
	// public eval folder, so "all" leaves it out; run it by name.
	{"gold", "testdata", gold.Score},
}

// pick returns the suites a SUITE argument names: one suite, every suite
// with a prefix ("recognizers"), or "all".
func pick(name string) []suite {
	var out []suite
	for _, s := range suites {
		if (name == "all" && s.name != "gold") || s.name == name || strings.HasPrefix(s.name, name+"/") {
			out = append(out, s)
		}
	}
	return out
}

// suiteDir finds a suite's data: PATH may be the eval root that holds the
// suite's folder, or the suite's folder itself (any name).
func suiteDir(path string, s suite) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("%s is not a folder", path)
	}
	p := filepath.Join(path, s.dir)
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return p, nil
	}
	return path, nil
}

func newEval() *cobra.Command {
	var floors, format string
	var tolerance float64
	cmd := &cobra.Command{
		Use:   "eval SUITE PATH",
		Short: "Score Parallax on a public test suite",
		Long: `Eval runs a public evaluation suite and prints each score with its definition.
SUITE is one of: all, recognizers, ` + suiteNames() + `.
PATH is the folder holding the suite's data, or the eval root that holds it
(../shared/eval on the project's machines); for gold it is gold/testdata.
"all" runs every public suite. The data is never part of this
repository. With --floors, eval fails when a score falls below the floor
recorded for it (minus --tolerance).`,
		Example: `  parallax eval all ../shared/eval
  parallax eval recognizers/NumberModel ../shared/eval/recognizers-text-specs-en
  parallax eval all ../shared/eval --floors docs/eval-floors.tsv
  parallax eval gold gold/testdata`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			chosen := pick(args[0])
			if len(chosen) == 0 {
				return fmt.Errorf("unknown suite %q (want all, recognizers, %s)", args[0], suiteNames())
			}
			var scores []parallax.Score
			for _, s := range chosen {
				dir, err := suiteDir(args[1], s)
				if err != nil {
					return err
				}
				got, err := s.run(dir)
				if err != nil {
					return fmt.Errorf("%s: %w", s.name, err)
				}
				scores = append(scores, got...)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(scores); err != nil {
					return err
				}
			} else if err := printScores(out, scores); err != nil {
				return err
			}
			if floors == "" {
				return nil
			}
			fl, err := readFloors(floors)
			if err != nil {
				return err
			}
			return checkFloors(cmd.ErrOrStderr(), scores, fl, tolerance)
		},
	}
	cmd.Flags().StringVar(&floors, "floors", "", "fail when a score is below its floor in this file (suite, metric, floor per line)")
	cmd.Flags().Float64Var(&tolerance, "tolerance", 0.005, "how far below its floor a score may fall")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}

func suiteNames() string {
	var ns []string
	for _, s := range suites {
		ns = append(ns, s.name)
	}
	return strings.Join(ns, ", ")
}

func printScores(w io.Writer, scores []parallax.Score) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SUITE\tMETRIC\tSCORE\tCASES")
	for _, s := range scores {
		cases := ""
		if s.Total > 0 {
			cases = fmt.Sprintf("%d/%d", s.Correct, s.Total)
		}
		fmt.Fprintf(tw, "%s\t%s\t%.4f\t%s\n", s.Suite, s.Metric, s.Value, cases)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nDefinitions:")
	seen := map[string]bool{}
	for _, s := range scores {
		k := s.Suite + " " + s.Metric
		if s.Definition == "" || seen[k] {
			continue
		}
		seen[k] = true
		fmt.Fprintf(w, "  %s %s: %s\n", s.Suite, s.Metric, s.Definition)
	}
	return nil
}

// readFloors reads "suite<TAB or spaces>metric<...>floor" lines; # starts a
// comment.
func readFloors(path string) (map[string]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		fs := strings.Fields(line)
		if len(fs) != 3 {
			return nil, fmt.Errorf("%s:%d: want suite, metric and floor, got %q", path, n, line)
		}
		v, err := strconv.ParseFloat(fs[2], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: floor: %w", path, n, err)
		}
		out[fs[0]+" "+fs[1]] = v
	}
	return out, sc.Err()
}

// checkFloors reports every score below its floor; a floor whose suite
// ran but produced no such metric is an error too, so a renamed metric
// cannot silently escape its floor.
func checkFloors(w io.Writer, scores []parallax.Score, floors map[string]float64, tol float64) error {
	ran := map[string]bool{}
	have := map[string]float64{}
	for _, s := range scores {
		ran[s.Suite] = true
		have[s.Suite+" "+s.Metric] = s.Value
	}
	var bad []string
	keys := make([]string, 0, len(floors))
	for k := range floors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		suite := strings.SplitN(k, " ", 2)[0]
		if !ran[suite] {
			continue
		}
		v, ok := have[k]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("%s: no such score (floor %.4f)", k, floors[k]))
		case v < floors[k]-tol:
			bad = append(bad, fmt.Sprintf("%s: %.4f is below the floor %.4f", k, v, floors[k]))
		}
	}
	for _, b := range bad {
		fmt.Fprintln(w, "parallax: eval:", b)
	}
	if len(bad) > 0 {
		return fmt.Errorf("%d score(s) below their floors", len(bad))
	}
	return nil
}
