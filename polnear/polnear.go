// Package polnear scores Parallax's quotes and attributions against
// PolNeAR (Newell, Margolin & Ruths, LREC 2018), a corpus of US political
// news with gold attribution relations: a Source, a Cue and a Content span
// per relation, in brat standoff files next to each article's text.
//
// The package owns reading the corpus (Parse), turning an analyzed
// Document into relations in the corpus's coordinates (Predicted), and
// the metric (Compare, Score). It never writes anything.
//
// Metric. Every parallax.Attribution of a Document is one predicted
// relation; its spans (SourceSpan, Cue, Content) are mapped from the
// normalized text back to the article file through Document.Offsets, so
// both sides are byte spans of the same file. Gold code-point offsets are
// converted to bytes. Before comparing, every span is trimmed of leading
// and trailing white space, punctuation and symbols (so the quote marks
// and final period PolNeAR includes in a direct quote's content do not
// count). A predicted and a gold relation may pair when their cues or
// their contents share a letter or digit; pairs are formed one-to-one,
// greedily, cue-overlapping candidates first and then by the number of
// shared content letters. For each role R:
//
//   - exact: a pair matches on R when both trimmed R spans are identical
//     (for a discontinuous gold span, its first-to-last hull);
//   - overlap: a pair matches on R when the R spans share at least one
//     letter or digit (any word token in common);
//   - precision = matches / predicted relations that have an R span,
//     recall = matches / gold relations that have an R span, F1 their
//     harmonic mean.
//
// "Source F1" in the project's reports is the overlap F1 of the source
// role; the exact one is reported beside it. Articles annotated by several
// annotators are scored once, against the annotation file whose name sorts
// first.
package polnear

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
)

// DefaultSplits are the development splits: the corpus's test split is
// reserved for independent evaluation.
var DefaultSplits = []string{"train", "dev"}

// Score analyzes every article of the given splits of the PolNeAR folder
// dir (train and dev when none are given) and returns exact and overlap F1
// for source, cue and content.
func Score(dir string, splits ...string) ([]parallax.Score, error) {
	c, err := Evaluate(dir, splits...)
	if err != nil {
		return nil, err
	}
	return c.Scores(), nil
}

// Evaluate is Score returning the raw counts.
func Evaluate(dir string, splits ...string) (Counts, error) {
	if len(splits) == 0 {
		splits = DefaultSplits
	}
	var total Counts
	for _, split := range splits {
		articles, err := filepath.Glob(filepath.Join(dir, split, "text", "*.txt"))
		if err != nil {
			return total, err
		}
		if len(articles) == 0 {
			return total, fmt.Errorf("polnear: no articles in %s", filepath.Join(dir, split, "text"))
		}
		slices.Sort(articles)
		for _, path := range articles {
			c, err := evaluateArticle(dir, split, path)
			if err != nil {
				return total, err
			}
			total.Add(c)
		}
	}
	return total, nil
}

func evaluateArticle(dir, split, path string) (Counts, error) {
	name := strings.TrimSuffix(filepath.Base(path), ".txt")
	anns, err := filepath.Glob(filepath.Join(dir, split, "attributions", globEscape(name)+"_*.ann"))
	if err != nil {
		return Counts{}, err
	}
	if len(anns) == 0 {
		return Counts{}, fmt.Errorf("polnear: no annotation for %s", path)
	}
	slices.Sort(anns)
	body, err := os.ReadFile(path)
	if err != nil {
		return Counts{}, fmt.Errorf("polnear: %w", err)
	}
	ann, err := os.ReadFile(anns[0])
	if err != nil {
		return Counts{}, fmt.Errorf("polnear: %w", err)
	}
	text := string(body)
	gold, err := Parse(string(ann), text)
	if err != nil {
		return Counts{}, fmt.Errorf("polnear: %s: %w", anns[0], err)
	}
	doc := analyze.Article(&parallax.Article{ID: name, Source: name, Path: path, Body: text})
	return Compare(text, gold, Predicted(doc)), nil
}

// globEscape protects glob metacharacters in a file name.
func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}

// Predicted returns the document's attributions as relations with byte
// spans into the article body (doc.Article.Body), mapped through
// doc.Offsets. Attributions sharing a cue and a source span are one act of
// speech (a quote interrupted by its attribution, a quote running over
// several sentences or paragraphs) and form one relation whose content
// has one fragment per attribution, as PolNeAR annotates them. Empty
// spans give a nil role.
func Predicted(doc *parallax.Document) []Relation {
	out := make([]Relation, 0, len(doc.Attributions))
	type act struct{ cue, src parallax.Span }
	seen := map[act]int{}
	for _, a := range doc.Attributions {
		k := act{a.Cue, a.SourceSpan}
		if i, ok := seen[k]; ok && a.Cue.Start < a.Cue.End {
			out[i].Content = append(out[i].Content, original(doc, a.Content)...)
			slices.SortFunc(out[i].Content, func(x, y parallax.Span) int { return x.Start - y.Start })
			continue
		}
		seen[k] = len(out)
		out = append(out, Relation{
			Source:  original(doc, a.SourceSpan),
			Cue:     original(doc, a.Cue),
			Content: original(doc, a.Content),
		})
	}
	return out
}

func original(doc *parallax.Document, s parallax.Span) []parallax.Span {
	if s.Start >= s.End {
		return nil
	}
	return []parallax.Span{{Start: doc.Offsets.Original(s.Start), End: doc.Offsets.Original(s.End)}}
}

// Scores turns counts into the six F1 scores.
func (c Counts) Scores() []parallax.Score {
	var out []parallax.Score
	for r := Role(0); r < numRoles; r++ {
		rc := c.Roles[r]
		_, _, fe := PRF(rc.Exact, rc.Pred, rc.Gold)
		_, _, fo := PRF(rc.Overlap, rc.Pred, rc.Gold)
		out = append(out,
			parallax.Score{Suite: "polnear", Metric: r.String() + "_exact_f1", Value: fe,
				Definition: fmt.Sprintf("F1 of paired relations whose %s spans are identical after trimming white space and punctuation, over %d predicted and %d gold relations with a %s", r, rc.Pred, rc.Gold, r)},
			parallax.Score{Suite: "polnear", Metric: r.String() + "_overlap_f1", Value: fo,
				Definition: fmt.Sprintf("F1 of paired relations whose %s spans share at least one letter or digit, over %d predicted and %d gold relations with a %s", r, rc.Pred, rc.Gold, r)},
		)
	}
	return out
}
