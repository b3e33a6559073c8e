package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
	"golang.org/x/term"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/input"
)

// inputFlags are the flags shared by commands that read articles.
type inputFlags struct {
	source    string
	published string
	workers   int
}

func (f *inputFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.source, "source", "", "outlet name for inputs that do not say (default: the file name)")
	cmd.Flags().StringVar(&f.published, "published", "", "publication date for inputs that do not say (e.g. 2025-03-19)")
	cmd.Flags().IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "articles analyzed in parallel")
}

// load reads every path, prints one line per unusable input to stderr and
// analyzes the rest. It fails only when nothing usable was read.
func (f *inputFlags) load(cmd *cobra.Command, paths []string) ([]*parallax.Document, []parallax.Problem, error) {
	var d input.Defaults
	d.Source = f.source
	if f.published != "" {
		t, err := input.ParseTime(f.published)
		if err != nil {
			return nil, nil, fmt.Errorf("--published %q: %w", f.published, err)
		}
		d.Published = t
	}
	start := time.Now()
	arts, problems := input.Load(paths, cmd.InOrStdin(), d)
	for _, p := range problems {
		fmt.Fprintf(cmd.ErrOrStderr(), "parallax: skipped %s: %s\n", p.Path, p.Reason)
	}
	if len(arts) == 0 {
		return nil, problems, errNothingRead
	}
	docs, err := analyzeAll(cmd.Context(), arts, f.workers)
	if err != nil {
		return nil, problems, err
	}
	analyze.Story(docs)
	slog.Info("analyzed", "articles", len(docs), "problems", len(problems), "elapsed", time.Since(start))
	return docs, problems, nil
}

// analyzeAll runs the per-article pipeline on every article with at most
// workers goroutines, keeping input order.
func analyzeAll(ctx context.Context, arts []*parallax.Article, workers int) ([]*parallax.Document, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if workers < 1 {
		workers = 1
	}
	docs := make([]*parallax.Document, len(arts))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, a := range arts {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			docs[i] = analyze.Article(a)
			return nil
		})
	}
	return docs, g.Wait()
}

// isTerminal reports whether w is a terminal, for color and default format.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
