package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
)

func newCluster() *cobra.Command {
	var src sourceFlags
	cmd := &cobra.Command{
		Use:   "cluster PATH...",
		Short: "Group a stream of articles into stories: one {\"article\", \"story\"} JSON line per article",
		Long: `Cluster reads articles in order — files, directories, JSON Lines of any size
(streamed), WARC archives, feeds and web addresses, as parallax ingest does —
and writes, for each article as it is read, one JSON line saying which story
it joined:

  {"article":"a0001","story":"s1"}

The article id is the record's own id when the input has one, else one made
from the file name (repeats get "~2", "~3"). An article joins the most similar
story active in the last 72 hours, with similarity halved for every 24 hours
between it and the story's latest article, or starts a new story; near-copies
join the story of the article they copy. Nothing is stored.

Articles are compared by their stemmed words (title words weighted up) and by
the proper names found by capitalization, without the full per-article
analysis: on ECB+ (772 documents, two near-miss events per topic) that
scores BCubed F1 0.851 (pairwise 0.792) in file order, where the entities of
the full analysis score 0.793 (0.729), in about a quarter of the time.`,
		Example: `  parallax cluster examples/kessling-fire
  parallax cluster stream.jsonl > assignments.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := src.defaults()
			if err != nil {
				return err
			}
			srcs, problems := plan(args)
			stderr := cmd.ErrOrStderr()
			for _, p := range problems {
				fmt.Fprintf(stderr, "parallax: skipped %s: %s\n", p.Path, p.Reason)
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			cl := cluster.New(cluster.Config{})
			fz := cluster.NewFeaturizer()
			seen := map[string]bool{}
			n := 0
			enc := json.NewEncoder(w)
			rd := &reader{d: d, flags: &src, stdin: cmd.InOrStdin(), emit: func(it item) error {
				if it.problem != nil {
					fmt.Fprintf(stderr, "parallax: skipped %s: %s\n", it.problem.Path, it.problem.Reason)
					problems = append(problems, *it.problem)
				}
				a := it.art
				if a == nil {
					return nil
				}
				a.ID = uniqueID(seen, a.ID)
				in := fz.Features(a.Title, a.Body, nil)
				in.ID, in.Time = a.ID, a.Published
				n++
				return enc.Encode(parallax.Assignment{Article: a.ID, Story: cl.Add(in).Story})
			}}
			err = rd.run(contextOrBackground(cmd.Context()), srcs)
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return err
			}
			if n == 0 {
				return errNothingRead
			}
			return nil
		},
	}
	src.register(cmd)
	return cmd
}

// uniqueID returns id, or id with the first free "~N" suffix when it was
// seen before, and marks the result seen.
func uniqueID(seen map[string]bool, id string) string {
	out := id
	for n := 2; seen[out]; n++ {
		out = id + "~" + strconv.Itoa(n)
	}
	seen[out] = true
	return out
}
