package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/report"
)

func newAnnotate() *cobra.Command {
	var in inputFlags
	var format string
	cmd := &cobra.Command{
		Use:   "annotate PATH...",
		Short: "Show what Parallax finds in each article: sentences, entities, numbers, dates, quotes",
		Long: `Annotate runs the per-article analysis only. With --format json it writes one
JSON object per article per line (see report/schema/annotation.schema.json);
spans are byte offsets into the normalized "text".`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			docs, _, err := in.load(cmd, args)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			for _, d := range docs {
				if format == "json" {
					err = report.Annotation(w, d)
				} else {
					err = report.AnnotationText(w, d)
				}
				if err != nil {
					return fmt.Errorf("write %s: %w", d.Article.ID, err)
				}
			}
			return w.Flush()
		},
	}
	in.register(cmd)
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json (JSON Lines)")
	return cmd
}
