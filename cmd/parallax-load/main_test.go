package main

import (
	"context"
	"net"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallax-news/parallax/sqlite"
)

// TestLoadSmoke runs the load program's pieces end to end on a small store:
// fill it with briefed stories, serve it, list the stories through the API
// and drive every scenario for a moment without errors.
func TestLoadSmoke(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := fill(ctx, db, 12, 3); err != nil {
		t.Fatal(err)
	}
	st, err := db.Stats(ctx)
	if err != nil || st.Stories != 12 || st.Articles != 36 {
		t.Fatalf("after fill: %+v, %v; want 12 stories of 3 articles", st, err)
	}
	if err := fill(ctx, db, 12, 3); err != nil { // already full: a no-op
		t.Fatal(err)
	}
	srv, err := newServer(db)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, ln) }()
	defer func() { stop(); <-done }()
	base := "http://" + ln.Addr().String()

	ids, err := storyIDs(ctx, base)
	if err != nil || len(ids) != 12 {
		t.Fatalf("storyIDs = %d ids, %v; want 12", len(ids), err)
	}
	client := &http.Client{}
	for _, sc := range scenarios(ids) {
		r := run(ctx, client, base, sc, 4, 150*time.Millisecond)
		if r.Errors != 0 || r.Requests == 0 || r.P99 < r.P50 || r.Max < r.P99 {
			t.Errorf("%s: %+v", sc.name, r)
		}
	}
}
