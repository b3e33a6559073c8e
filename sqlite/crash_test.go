package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// The crash test re-runs this test binary as an ingest process that writes
// numbered batches, each with the checkpoint that covers it, and kills it.
const (
	envCrashDB    = "PARALLAX_SQLITE_CRASH_DB"    // store path; set only in the child
	envCrashStall = "PARALLAX_SQLITE_CRASH_STALL" // batch to stop in halfway
	envCrashLast  = "PARALLAX_SQLITE_CRASH_LAST"  // last batch to write
	crashPerBatch = 100
	crashSource   = "feed.jsonl"
)

// crashBatch is batch n (from 1): its articles, one story holding them all
// with a brief, and checkpoint n.
func crashBatch(n int) Batch {
	st := parallax.Story{ID: fmt.Sprintf("story-%03d", n)}
	brief := &parallax.Brief{Disputed: st.ID}
	var arts []*parallax.Article
	for j := 0; j < crashPerBatch; j++ {
		a := newsArticle(n*crashPerBatch + j)
		arts = append(arts, a)
		st.Articles = append(st.Articles, a.ID)
		brief.Articles = append(brief.Articles, parallax.ArticleRef{ID: a.ID, Origin: a.ID})
	}
	return Batch{
		Articles:    arts,
		Stories:     []StoryUpdate{{Story: st, Brief: brief}},
		Checkpoints: []Checkpoint{{Source: crashSource, Value: strconv.Itoa(n)}},
	}
}

// TestCrashChild is the ingest process of TestCrashResume; it does nothing
// in a normal test run.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(envCrashDB)
	if path == "" {
		t.Skip("only run as the child of TestCrashResume")
	}
	stall, _ := strconv.Atoi(os.Getenv(envCrashStall))
	last, err := strconv.Atoi(os.Getenv(envCrashLast))
	if err != nil {
		last = 1 << 30
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := db.Checkpoint(ctx, crashSource)
	if err != nil {
		t.Fatal(err)
	}
	done, _ := strconv.Atoi(cp)
	for n := done + 1; n <= last; n++ {
		if n == stall {
			testHookArticle = func(i int) error {
				if i == crashPerBatch/2 {
					fmt.Printf("crash: mid %d\n", n)
					time.Sleep(time.Minute) // killed here, inside the transaction
				}
				return nil
			}
		}
		if _, err := db.Commit(ctx, crashBatch(n)); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("crash: committed %d\n", n)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// crashChild starts the ingest process and returns it with a channel of its
// "crash: " lines.
func crashChild(t *testing.T, ctx context.Context, path string, env ...string) (*exec.Cmd, <-chan string) {
	t.Helper()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), append(env, envCrashDB+"="+path)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1024)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if l, ok := strings.CutPrefix(sc.Text(), "crash: "); ok {
				lines <- l
			}
		}
	}()
	return cmd, lines
}

// kill ends the child with SIGKILL once it printed a line starting with
// prefix, after delay.
func kill(t *testing.T, cmd *exec.Cmd, lines <-chan string, prefix string, delay time.Duration) {
	t.Helper()
	for l := range lines {
		if strings.HasPrefix(l, prefix) {
			time.Sleep(delay)
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			for range lines {
			}
			cmd.Wait() // "signal: killed" is the expected outcome
			return
		}
	}
	t.Fatalf("child ended before printing %q: %v", prefix, cmd.Wait())
}

// verifyCrashStore checks that the store holds exactly the batches up to its
// checkpoint, each whole, and returns the checkpoint.
func verifyCrashStore(t *testing.T, path string) int {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer db.Close()
	var ok string
	if err := db.write.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	cp, err := db.Checkpoint(ctx, crashSource)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(cp)
	if got := count(t, db, `SELECT count(*) FROM articles`); got != n*crashPerBatch {
		t.Errorf("checkpoint %d but %d articles stored, want %d", n, got, n*crashPerBatch)
	}
	if got := count(t, db, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'affected'`); got != n*crashPerBatch {
		t.Errorf("checkpoint %d but %d articles indexed, want %d", n, got, n*crashPerBatch)
	}
	sums, err := db.Stories(ctx, StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != n {
		t.Errorf("checkpoint %d but %d stories", n, len(sums))
	}
	for _, s := range sums {
		if s.Articles != crashPerBatch || s.Independent != crashPerBatch {
			t.Errorf("story %s half-written: %d articles, %d independent", s.ID, s.Articles, s.Independent)
		}
	}
	// The batch after the checkpoint left nothing behind.
	next := crashBatch(n + 1)
	if _, err := db.Article(ctx, next.Articles[0].ID); err == nil {
		t.Errorf("first article of uncommitted batch %d is stored", n+1)
	}
	return n
}

func TestCrashResume(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	path := filepath.Join(t.TempDir(), "crash.db")

	// Killed inside the transaction of batch 3.
	cmd, lines := crashChild(t, ctx, path, envCrashStall+"=3")
	kill(t, cmd, lines, "mid 3", 0)
	if n := verifyCrashStore(t, path); n != 2 {
		t.Fatalf("after kill in batch 3: checkpoint %d, want 2", n)
	}

	// Killed at whatever point it reached; every resume continues from the
	// checkpoint.
	rng := rand.New(rand.NewPCG(1, 2))
	prev := 2
	for round := 0; round < 3; round++ {
		cmd, lines := crashChild(t, ctx, path)
		kill(t, cmd, lines, "committed", time.Duration(rng.IntN(40))*time.Millisecond)
		n := verifyCrashStore(t, path)
		if n <= prev {
			t.Errorf("round %d: checkpoint %d did not advance from %d", round, n, prev)
		}
		prev = n
	}

	// Run to the end without a crash.
	last := prev + 2
	cmd, lines = crashChild(t, ctx, path, fmt.Sprintf("%s=%d", envCrashLast, last))
	for range lines {
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("final run: %v", err)
	}
	if n := verifyCrashStore(t, path); n != last {
		t.Fatalf("final checkpoint %d, want %d", n, last)
	}

	// Ingesting everything again from the start adds nothing.
	db := openAt(t, path)
	for n := 1; n <= last; n++ {
		added, err := db.Commit(ctx, crashBatch(n))
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(added, true) {
			t.Fatalf("re-ingest of batch %d added articles", n)
		}
	}
	if got := count(t, db, `SELECT count(*) FROM articles`); got != last*crashPerBatch {
		t.Errorf("%d articles after re-ingest, want %d", got, last*crashPerBatch)
	}
}
