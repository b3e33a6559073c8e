package sqlite

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

const envWriterDB = "PARALLAX_TEST_WRITER_DB"

// TestWriterChild holds a store's writer lock until killed.
func TestWriterChild(t *testing.T) {
	path := os.Getenv(envWriterDB)
	if path == "" {
		t.Skip("only run as the child of TestWriterLockAcrossProcesses")
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.LockWriter(context.Background()); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("locked\n")
	time.Sleep(time.Minute)
}

// TestWriterLockAcrossProcesses: a second process cannot take the writer
// lock while the first holds it, and gets it once the first is killed.
func TestWriterLockAcrossProcesses(t *testing.T) {
	switch runtime.GOOS {
	case "linux", "darwin", "freebsd", "netbsd", "openbsd", "dragonfly":
	default:
		t.Skip("no flock on " + runtime.GOOS)
	}
	path := filepath.Join(t.TempDir(), "w.db")
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	child := exec.Command(os.Args[0], "-test.run=^TestWriterChild$")
	child.Env = append(os.Environ(), envWriterDB+"="+path)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "locked" {
		t.Fatalf("child said %q", line)
	}
	if release, err := db.LockWriter(ctx); !errors.Is(err, parallax.ErrConflict) {
		if release != nil {
			release()
		}
		t.Fatalf("LockWriter while another process holds it = %v, want a conflict", err)
	}
	child.Process.Kill()
	child.Wait()
	release, err := db.LockWriter(ctx)
	if err != nil {
		t.Fatalf("LockWriter after the holder died: %v", err)
	}
	release()
}
