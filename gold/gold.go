package gold

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/reconcile"
)

// Suite is the suite name of every Score this package returns.
const Suite = "gold"

// Stories lists the story directories under dir: its immediate
// subdirectories that hold a labels file, in name order.
func Stories(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if _, err := os.Stat(filepath.Join(p, LabelsFile)); err == nil {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil, fmt.Errorf("gold: no story with a %s under %s", LabelsFile, dir)
	}
	return out, nil
}

// Run reads a story's labels and articles and runs the whole pipeline on
// the articles: input.Load, analyze.Article, analyze.Story,
// reconcile.Brief. Any article that cannot be read is an error: a gold
// story must be complete.
func Run(storyDir string) (*Labels, []*parallax.Document, *parallax.Brief, error) {
	l, err := ReadLabels(filepath.Join(storyDir, LabelsFile))
	if err != nil {
		return nil, nil, nil, err
	}
	arts, problems := input.Load([]string{l.ArticlesDir(storyDir)}, nil, input.Defaults{})
	if len(problems) > 0 {
		var ps []string
		for _, p := range problems {
			ps = append(ps, p.Path+": "+p.Reason)
		}
		return nil, nil, nil, fmt.Errorf("gold: %s: %s", storyDir, strings.Join(ps, "; "))
	}
	ids := map[string]bool{}
	for _, a := range arts {
		ids[a.ID] = true
	}
	labelled := map[string]bool{}
	for _, g := range l.Origins {
		for _, id := range g {
			labelled[id] = true
			if !ids[id] {
				return nil, nil, nil, fmt.Errorf("gold: %s: labelled article %q not among the articles", storyDir, id)
			}
		}
	}
	for id := range ids {
		if !labelled[id] {
			return nil, nil, nil, fmt.Errorf("gold: %s: article %q is in no origin group", storyDir, id)
		}
	}
	docs := make([]*parallax.Document, len(arts))
	for i, a := range arts {
		docs[i] = analyze.Article(a)
	}
	analyze.Story(docs)
	return l, docs, reconcile.Brief(docs), nil
}

// Evaluate scores every story under dir.
func Evaluate(dir string) ([]*Result, error) {
	stories, err := Stories(dir)
	if err != nil {
		return nil, err
	}
	var out []*Result
	for _, sd := range stories {
		l, docs, b, err := Run(sd)
		if err != nil {
			return nil, err
		}
		r, err := Compare(l, docs, b)
		if err != nil {
			return nil, fmt.Errorf("gold: %s: %w", sd, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Score scores every story under dir and sums the counts over stories.
func Score(dir string) ([]parallax.Score, error) {
	rs, err := Evaluate(dir)
	if err != nil {
		return nil, err
	}
	return Scores(rs), nil
}

// Scores turns story results into Scores, each summed over the stories.
// A ratio with nothing to count is 1 (nothing was missed or wrong).
func Scores(rs []*Result) []parallax.Score {
	sum := func(f func(r *Result) (int, int)) (int, int) {
		c, t := 0, 0
		for _, r := range rs {
			a, b := f(r)
			c += a
			t += b
		}
		return c, t
	}
	mk := func(metric, def string, f func(r *Result) (int, int)) parallax.Score {
		c, t := sum(f)
		v := 1.0
		if t > 0 {
			v = float64(c) / float64(t)
		}
		return parallax.Score{Suite: Suite, Metric: metric, Value: v, Correct: c, Total: t, Definition: def}
	}
	return []parallax.Score{
		mk("conflict_recall",
			"share of labelled conflicts for which some Brief fact with status conflict cites sentences of at least two of the conflict's labelled variants",
			func(r *Result) (int, int) { return r.ConflictsFound, r.Conflicts }),
		mk("split_recall",
			"share of labelled attribution splits for which some Brief fact with status attribution_split cites sentences of at least two of the split's labelled variants",
			func(r *Result) (int, int) { return r.SplitsFound, r.Splits }),
		mk("conflict_precision",
			"share of Brief facts with status conflict or attribution_split that cite sentences of at least two variants of one labelled conflict or split; Total minus Correct is the number of false conflicts",
			func(r *Result) (int, int) { return r.DisputesTrue, r.Disputes }),
		mk("status_accuracy",
			"share of labelled facts whose best-matching Brief fact (the one citing most of the fact's labelled sentences, ties going to the gold status) has the labelled status; a fact no Brief fact cites counts as wrong",
			func(r *Result) (int, int) { return r.StatusCorrect, r.Facts }),
		mk("compatible_kept",
			"share of labelled must-not-conflict pairs (compatible values written differently) that no Brief conflict or split cites together as a false conflict or in different variants",
			func(r *Result) (int, int) { return r.PairsKept, r.Pairs }),
		mk("origin_accuracy",
			"share of article pairs on which the Brief's origins agree with the labelled origin groups (same origin for copies, different for independent reports)",
			func(r *Result) (int, int) { return r.OriginAgree, r.OriginPairs }),
		mk("unique_precision",
			"share of sentences in Brief.Unique (by sentence span, one per sentence) that are labelled unique to their article's origin; sentences labelled partly unique are left out",
			func(r *Result) (int, int) { return r.UniqueTrue, r.UniqueScored }),
		mk("unique_recall",
			"share of labelled unique sentences that Brief.Unique lists under their article",
			func(r *Result) (int, int) { return r.UniqueFound, r.UniqueGold }),
		mk("timeline_date_agreement",
			"share of labelled mentions of events dated in several ways (a weekday and a calendar date) whose date in the cited sentence resolves to the labelled day and whose article the Brief's timeline lists under that day",
			func(r *Result) (int, int) { return r.DatesAgree, r.DateMentions }),
		mk("spelling_recall",
			"share of labelled names written in several ways for which one Brief wording entry lists every form as a separate term",
			func(r *Result) (int, int) { return r.SpellingsFound, r.Spellings }),
	}
}
