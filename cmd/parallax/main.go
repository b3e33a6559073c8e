// Command parallax reads news reports of the same events and tells a reader
// what independent sources agree on, where they disagree, who said what and
// what only one outlet reports. This package only wires: flags, inputs,
// concurrency and output live here; every stage lives in its own package.
package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// errNothingRead is returned when no input could be used; main turns it
// into exit status 1 after the per-file problems have been printed.
var errNothingRead = errors.New("no usable articles were read")

func main() {
	if err := newRoot(os.Stdin, os.Stdout, os.Stderr).Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "parallax:", err)
		os.Exit(1)
	}
}

// newRoot builds the command tree with its streams injected, so tests can
// run commands in-process.
func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "parallax",
		Short: "Reconcile many news reports of the same events, fact by fact",
		Long: `Parallax reads several news reports of the same events and reports, fact by
fact, what independent sources agree on, where they disagree, who said what,
and what only one outlet reports. Every statement cites its sentences.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	var verbose bool
	root.PersistentFlags().BoolVarP(&verbose, "verbose", "v", false, "log progress to stderr")
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
		level := slog.LevelWarn
		if verbose {
			level = slog.LevelInfo
		}
		slog.SetDefault(slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: level})))
	}
	root.AddCommand(newAnalyze(), newAnnotate(), newEval(), newIngest(), newCluster(), newStories(), newStory(), newServe())
	return root
}
