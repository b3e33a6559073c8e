package main

import (
	"bufio"
	"fmt"
	"github.com/parallax-news/parallax"
	"os"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/reconcile"
	"github.com/parallax-news/parallax/report"
)

func newAnalyze() *cobra.Command {
	var in inputFlags
	var format, output, color string
	var width int
	cmd := &cobra.Command{
		Use:   "analyze PATH...",
		Short: "Reconcile articles into a brief: agreed, disputed, who said what, unique",
		Long: `Analyze reads articles from files, directories (recursively) and "-" for
stdin — plain text, Markdown, HTML, JSON and JSON Lines — and prints the
reconciled brief. Inputs that cannot be read are reported on stderr and the
rest are still analyzed; the exit status is non-zero only when nothing
usable was read.`,
		Example: `  parallax analyze examples/kessling-fire
  parallax analyze --format json reports/ > brief.json
  parallax analyze --format html -o brief.html a.html b.html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "md", "json", "html"); err != nil {
				return err
			}
			docs, problems, err := in.load(cmd, args)
			if err != nil {
				return err
			}
			b := reconcile.Brief(docs)
			b.Problems = problems
			return writeReport(cmd, reportOptions{format: format, output: output, color: color, width: width}, b, docs, "")
		},
	}
	in.register(cmd)
	cmd.Flags().StringVarP(&format, "format", "f", "text", "report format: text, md, json or html")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the report to this file instead of stdout")
	cmd.Flags().StringVar(&color, "color", "auto", "color the text report: auto, always or never")
	cmd.Flags().IntVar(&width, "width", 100, "wrap the text report at this many columns")
	return cmd
}

// reportOptions are the output flags shared by analyze and story.
type reportOptions struct {
	format, output, color string
	width                 int
}

// writeReport renders b in the chosen format to stdout or --output; header
// is printed above a text report.
func writeReport(cmd *cobra.Command, o reportOptions, b *parallax.Brief, docs []*parallax.Document, header string) (err error) {
	out := cmd.OutOrStdout()
	var file *os.File
	if o.output != "" && o.output != "-" {
		if file, err = os.Create(o.output); err != nil {
			return err
		}
		out = file
	}
	w := bufio.NewWriter(out)
	switch o.format {
	case "json":
		err = report.JSON(w, b)
	case "md":
		err = report.Markdown(w, b)
	case "html":
		err = report.HTML(w, b, docs)
	default:
		fmt.Fprint(w, header)
		err = report.Text(w, b, report.Options{Color: useColor(o.color, out), Width: o.width})
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// checkFormat rejects a --format value outside allowed.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return fmt.Errorf("unknown --format %q (want one of %v)", format, allowed)
}

// useColor resolves --color against whether out is a terminal.
func useColor(mode string, out any) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	w, ok := out.(*os.File)
	return ok && isTerminal(w)
}
