package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/report"
	"github.com/parallax-news/parallax/sqlite"
	"github.com/parallax-news/parallax/warc"
)

// summary is the counts of ingest's summary line.
type summary struct{ read, added, duplicates, problems, touched int }

var summaryRE = regexp.MustCompile(`read (\d+) articles: added (\d+), duplicates (\d+), problems (\d+), stories touched (\d+)`)

func runIngestCmd(t *testing.T, args ...string) (summary, string) {
	t.Helper()
	out, stderr, err := run(t, "", append([]string{"ingest"}, args...)...)
	if err != nil {
		t.Fatalf("ingest %v: %v\n%s%s", args, err, out, stderr)
	}
	return parseSummary(t, out), stderr
}

func parseSummary(t *testing.T, out string) summary {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary in %q", out)
	}
	var s summary
	for i, p := range []*int{&s.read, &s.added, &s.duplicates, &s.problems, &s.touched} {
		fmt.Sscan(m[i+1], p)
	}
	return s
}

func openDB(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// stored returns every stored article id with its story ("" for none).
func stored(t *testing.T, path string) map[string]string {
	t.Helper()
	db := openDB(t, path)
	arts, as, err := db.ActiveWindow(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string, len(arts))
	for _, a := range arts {
		out[a.ID] = ""
	}
	for _, a := range as {
		out[a.Article] = a.Story
	}
	return out
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(to, 0o755)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIngestDirectoryTwice(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	first, _ := runIngestCmd(t, "--db", db, example)
	if first != (summary{read: 6, added: 6, touched: first.touched}) || first.touched == 0 {
		t.Fatalf("first ingest: %+v", first)
	}
	// The same directory again: every file's checkpoint says it is done.
	if again, _ := runIngestCmd(t, "--db", db, example); again != (summary{}) {
		t.Errorf("second ingest: %+v, want nothing read", again)
	}
	// A copy elsewhere has no checkpoints: every article is read and
	// recognized by its id and text.
	copyDir(t, example, filepath.Join(dir, "copy"))
	if copied, _ := runIngestCmd(t, "--db", db, filepath.Join(dir, "copy")); copied != (summary{read: 6, duplicates: 6}) {
		t.Errorf("ingest of a copy: %+v, want 6 read, 6 duplicates", copied)
	}
	got := stored(t, db)
	if len(got) != 6 {
		t.Errorf("%d articles stored, want 6: %v", len(got), got)
	}
	for id, story := range got {
		if story == "" {
			t.Errorf("article %s has no story", id)
		}
	}

	// Every story lists and renders in every format.
	out, stderr, err := run(t, "", "stories", "--db", db, "--format", "json", "--sort", "largest")
	if err != nil {
		t.Fatalf("stories: %v\n%s", err, stderr)
	}
	var list []storyLine
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("stories JSON: %v\n%s", err, out)
	}
	total := 0
	for i, s := range list {
		total += s.Articles
		if i > 0 && s.Articles > list[i-1].Articles {
			t.Errorf("--sort largest: %d articles after %d", s.Articles, list[i-1].Articles)
		}
		if s.Independent == nil || *s.Independent < 1 || s.Title == "" || s.Last == "" {
			t.Errorf("story %+v lacks its brief's counts, title or time", s)
		}
		checkStory(t, db, s.ID, s.Articles)
	}
	if total != 6 {
		t.Errorf("stories hold %d articles, want 6", total)
	}
}

// checkStory renders a story in every format and checks the brief covers
// its n articles.
func checkStory(t *testing.T, db, id string, n int) {
	t.Helper()
	out, stderr, err := run(t, "", "story", "--db", db, "--format", "json", id)
	if err != nil {
		t.Fatalf("story %s: %v\n%s", id, err, stderr)
	}
	if err := report.ValidateBrief([]byte(out)); err != nil {
		t.Errorf("story %s: brief JSON does not match the schema: %v", id, err)
	}
	var b parallax.Brief
	json.Unmarshal([]byte(out), &b)
	if len(b.Articles) != n {
		t.Errorf("story %s: brief covers %d articles, want %d", id, len(b.Articles), n)
	}
	for format, want := range map[string]string{"text": "PARALLAX BRIEF", "md": "#", "html": "<!DOCTYPE html>"} {
		out, stderr, err := run(t, "", "story", "--db", db, "--format", format, id)
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("story %s --format %s: %v, output lacks %q\n%s", id, format, err, want, stderr)
		}
	}
}

func TestStoriesCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	runIngestCmd(t, "--db", db, example)

	out, _, err := run(t, "", "stories", "--db", db)
	if err != nil || !strings.HasPrefix(strings.TrimSpace(out), "ID") || !strings.Contains(out, "Kessling") {
		t.Errorf("stories text: %v\n%s", err, out)
	}
	out, _, err = run(t, "", "stories", "--db", db, "--limit", "1", "--format", "json")
	var list []storyLine
	if err != nil || json.Unmarshal([]byte(out), &list) != nil || len(list) != 1 {
		t.Errorf("--limit 1: %v %s", err, out)
	}
	out, _, err = run(t, "", "stories", "--db", db, "--search", "toluene", "--format", "json")
	list = nil
	if err != nil || json.Unmarshal([]byte(out), &list) != nil || len(list) == 0 {
		t.Errorf("--search toluene: %v %s", err, out)
	}
	// Growing: the stories with reports in the day before the latest one,
	// with how many (the example's Valley Herald copy, dated midnight
	// March 4, is more than a day before the Ledger's March 5 report).
	out, _, err = run(t, "", "stories", "--db", db, "--sort", "growing", "--format", "json")
	list = nil
	recent := 0
	if err == nil && json.Unmarshal([]byte(out), &list) == nil {
		for _, l := range list {
			recent += l.Recent
		}
	}
	if err != nil || len(list) == 0 || recent != 5 {
		t.Errorf("--sort growing: %v, %d recent in all, want 5\n%s", err, recent, out)
	}
	if out, _, err = run(t, "", "stories", "--db", db, "--sort", "growing"); err != nil || !strings.Contains(out, "(+") {
		t.Errorf("--sort growing text: %v\n%s", err, out)
	}
	out, _, err = run(t, "", "stories", "--db", db, "--search", "zeppelin")
	if err != nil || strings.TrimSpace(out) != "no stories" {
		t.Errorf("--search with no match: %v %q", err, out)
	}
	for _, args := range [][]string{
		{"stories", "--db", db, "--sort", "oldest"},
		{"stories", "--db", db, "--format", "xml"},
		{"stories", "--db", filepath.Join(dir, "missing.db")},
		{"story", "--db", db, "s0000000000000000"},
		{"story", "--db", db, "--format", "pdf", "x"},
	} {
		if _, _, err := run(t, "", args...); err == nil {
			t.Errorf("%v: want an error", args)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("listing a missing store created it")
	}
}

// Environment of the ingest child process of TestIngestInterrupted.
const (
	envChildDB    = "PARALLAX_TEST_INGEST_DB"
	envChildInput = "PARALLAX_TEST_INGEST_INPUT"
)

// TestIngestChild is the ingest process that TestIngestInterrupted
// interrupts and kills; it does nothing in a normal test run.
func TestIngestChild(t *testing.T) {
	db := os.Getenv(envChildDB)
	if db == "" {
		t.Skip("only run as the child of TestIngestInterrupted")
	}
	var out, errb strings.Builder
	root := newRoot(strings.NewReader(""), &out, &errb)
	root.SetArgs([]string{"ingest", "--db", db, "--batch", "20", os.Getenv(envChildInput)})
	err := root.Execute()
	fmt.Print(out.String())
	fmt.Fprint(os.Stderr, errb.String())
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(3)
	}
}

// startChild runs ingest in a child process and stops it with sig once
// the store holds at least min articles.
func startChild(t *testing.T, db, input string, sig syscall.Signal, min int) (stdout, stderr string, exit error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envChildDB+"="+db, envChildInput+"="+input)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.After(2 * time.Minute)
	for {
		select {
		case err := <-done:
			t.Fatalf("child ended before it was stopped: %v\n%s%s", err, out.String(), errb.String())
		case <-deadline:
			cmd.Process.Kill()
			t.Fatal("child made no progress")
		case <-time.After(50 * time.Millisecond):
		}
		if n := countStored(db); n >= min {
			break
		}
	}
	cmd.Process.Signal(sig)
	select {
	case exit = <-done:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("child did not stop after %v", sig)
	}
	return out.String(), errb.String(), exit
}

// countStored counts stored articles, 0 while the store is not there yet.
func countStored(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		return 0
	}
	defer db.Close()
	arts, _, err := db.ActiveWindow(context.Background(), time.Time{})
	if err != nil {
		return 0
	}
	return len(arts)
}

// TestIngestInterrupted stops an ingest of a JSON Lines stream twice, with
// Ctrl-C and then with kill -9, and resumes it: the store must end up with
// every record exactly once, in the stories an uninterrupted ingest builds.
func TestIngestInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("runs ingest three times in child processes")
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "stream.jsonl")
	writeStream(t, input, 1500, 7)

	reference := filepath.Join(dir, "reference.db")
	runIngestCmd(t, "--db", reference, input)
	want := stored(t, reference)

	db := filepath.Join(dir, "store.db")
	out, stderr, err := startChild(t, db, input, syscall.SIGINT, 200)
	if err == nil || !strings.Contains(stderr, "interrupted; run the same command again") {
		t.Errorf("after Ctrl-C: exit %v, stderr:\n%s", err, stderr)
	}
	afterInt := countStored(db)
	if s := summaryRE.FindStringSubmatch(out); s == nil {
		t.Errorf("no summary after Ctrl-C:\n%s", out)
	}
	if afterInt >= len(want) {
		t.Fatalf("the child ingested everything (%d) before it was interrupted; make the input larger", afterInt)
	}

	_, _, err = startChild(t, db, input, syscall.SIGKILL, afterInt+200)
	if err == nil {
		t.Fatal("kill -9: child exited normally")
	}
	afterKill := countStored(db)
	if afterKill >= len(want) {
		t.Fatalf("the child ingested everything (%d) before it was killed", afterKill)
	}

	s, _ := runIngestCmd(t, "--db", db, input)
	t.Logf("stored %d after Ctrl-C, %d after kill -9; resumed: %+v; reference %d", afterInt, afterKill, s, len(want))
	if s.duplicates != 0 || s.added != len(want)-afterKill {
		t.Errorf("resumed ingest: %+v, want %d added and no duplicates (%d were stored before)", s, len(want)-afterKill, afterKill)
	}
	got := stored(t, db)
	if len(got) != len(want) {
		t.Errorf("%d articles stored, want %d", len(got), len(want))
	}
	moved := 0
	for id, story := range want {
		g, ok := got[id]
		switch {
		case !ok:
			t.Errorf("article %s missing", id)
		case g == "":
			t.Errorf("article %s has no story", id)
		case g != story:
			moved++
		}
	}
	// The clusterer is rebuilt by replaying the stored window, so the
	// resumed run sees what the uninterrupted one saw.
	if moved > 0 {
		t.Errorf("%d of %d articles are in other stories than in an uninterrupted ingest", moved, len(want))
	}
	// Every record of the input is stored, under its own id.
	f, _ := os.Open(input)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct{ ID string }
		json.Unmarshal(sc.Bytes(), &rec)
		if _, ok := got[rec.ID]; !ok {
			if _, inRef := want[rec.ID]; inRef {
				t.Errorf("record %s not stored", rec.ID)
			}
		}
	}
}

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbor Times</title><link>%[1]s/</link>
<item><guid>ht-1</guid><title>Storm closes Port Elden harbor</title><link>%[1]s/1</link>
<pubDate>Mon, 17 Mar 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The harbor in Port Elden was closed on Monday after a storm damaged two piers, the port authority said. Ferries to the islands were cancelled and about 40 fishing boats stayed in port.&lt;/p&gt;&lt;p&gt;Harbor master Ines Varga said repairs to the northern pier would take at least three weeks. The southern pier could reopen on Thursday if inspections go well, she said.&lt;/p&gt;&lt;p&gt;The storm brought winds of up to 120 kilometers per hour to the coast on Sunday night, the national weather service said.&lt;/p&gt;&lt;p&gt;Fishermen said it was the worst storm to hit the town in a decade. Several boats broke free of their moorings and two were found on the rocks north of the harbor on Monday morning. No one was hurt, the coast guard said.&lt;/p&gt;&lt;p&gt;The port authority said it would publish a full damage assessment by the end of the week.&lt;/p&gt;&lt;p&gt;Officials said they would review the town storm defenses, which were last upgraded in 1998, and present a plan to the council in the spring. The mayor said the review would look at the sea wall, the harbor entrance and the drainage of the low-lying streets near the quay.&lt;/p&gt;</description></item>
<item><guid>ht-2</guid><title>Ferries to resume Thursday</title><link>%[1]s/2</link>
<pubDate>Tue, 18 Mar 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Ferry services between Port Elden and the islands will resume on Thursday, the ferry operator said on Tuesday, after the storm that closed the harbor on Monday.&lt;/p&gt;&lt;p&gt;The operator said the first crossing would leave at 7 a.m. and that tickets booked for Monday and Tuesday remained valid. Harbor master Ines Varga said the southern pier had passed its inspection.&lt;/p&gt;&lt;p&gt;Repairs to the northern pier are expected to take three weeks.&lt;/p&gt;&lt;p&gt;Island residents said the three days without ferries had left shops short of fresh food and forced some workers to stay on the mainland. The operator said it would add two extra crossings on Thursday and Friday to clear the backlog of passengers and freight.&lt;/p&gt;&lt;p&gt;The port authority said the harbor would fully reopen once the northern pier was repaired.&lt;/p&gt;&lt;p&gt;Officials said they would review the town storm defenses, which were last upgraded in 1998, and present a plan to the council in the spring. The mayor said the review would look at the sea wall, the harbor entrance and the drainage of the low-lying streets near the quay.&lt;/p&gt;</description></item>
<item><guid>ht-3</guid><title>Storm damage tops 2 million euros</title><link>%[1]s/3</link>
<pubDate>Wed, 19 Mar 2025 10:00:00 GMT</pubDate>
<description>Damage from the storm that closed the harbor is estimated at…</description></item>
</channel></rss>`

const storyPage = `<!DOCTYPE html><html><head><title>Storm damage tops 2 million euros</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Storm damage tops 2 million euros</h1>
<p>Damage from the storm that closed the harbor in Port Elden on Monday is estimated at 2.3 million euros, the regional government said on Wednesday.</p>
<p>Most of the cost is for the northern pier, where the storm tore away a 60-meter section, harbor master Ines Varga said. Repairs will take at least three weeks.</p>
<p>The regional government said it would ask the national disaster fund to cover half of the cost. Fishermen whose boats were damaged can apply for compensation until the end of April.</p>
</article><footer>Copyright Harbor Times</footer></body></html>`

func feedServer(t *testing.T) (*httptest.Server, *int) {
	t.Helper()
	var srv *httptest.Server
	pages := 0
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss.xml":
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, rssFeed, srv.URL)
		case "/1", "/2":
			t.Errorf("fetched %s, whose feed item is whole", r.URL.Path)
			http.NotFound(w, r)
		case "/3":
			pages++
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, storyPage)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &pages
}

func TestIngestFeed(t *testing.T) {
	srv, pages := feedServer(t)
	db := filepath.Join(t.TempDir(), "store.db")
	feedURL := srv.URL + "/rss.xml"

	// Without --allow-private the loopback server is refused, clearly.
	out, stderr, err := run(t, "", "ingest", "--db", db, feedURL)
	if err == nil {
		t.Errorf("ingest from loopback without --allow-private succeeded:\n%s", out)
	}
	if !strings.Contains(stderr, feedURL) || !strings.Contains(stderr, "--allow-private") || !strings.Contains(stderr, "non-public") {
		t.Errorf("refusal does not say what and how to allow it:\n%s", stderr)
	}

	s, stderr := runIngestCmd(t, "--db", db, "--allow-private", feedURL)
	if s.read != 3 || s.added != 3 || s.problems != 0 {
		t.Fatalf("feed ingest: %+v\n%s", s, stderr)
	}
	if *pages != 1 {
		t.Errorf("fetched the partial item's page %d times, want once", *pages)
	}
	store := openDB(t, db)
	a, err := store.Article(context.Background(), "ht-3")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "2.3 million euros") || strings.Contains(a.Body, "Copyright") {
		t.Errorf("partial item's body is not its page's article text: %q", a.Body)
	}
	if a.Source != "Harbor Times" || a.Title != "Storm damage tops 2 million euros" || a.URL != srv.URL+"/3" ||
		a.Published.Format("2006-01-02") != "2025-03-19" {
		t.Errorf("partial item lost the feed's metadata: %+v", a)
	}

	// Polled again, the feed answers 304 to the saved ETag.
	if again, _ := runIngestCmd(t, "--db", db, "--allow-private", feedURL); again != (summary{}) {
		t.Errorf("second poll: %+v, want nothing read", again)
	}
	if *pages != 1 {
		t.Errorf("second poll fetched the page again")
	}

	// A page address is read as one article.
	page := filepath.Join(t.TempDir(), "page.db")
	if s, _ := runIngestCmd(t, "--db", page, "--allow-private", srv.URL+"/3"); s.added != 1 {
		t.Errorf("page ingest: %+v", s)
	}
}

func TestIngestFeedFile(t *testing.T) {
	srv, _ := feedServer(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "harbor.rss")
	os.WriteFile(path, []byte(fmt.Sprintf(rssFeed, srv.URL)), 0o644)
	s, stderr := runIngestCmd(t, "--db", filepath.Join(dir, "s.db"), "--allow-private", path)
	if s.added != 3 {
		t.Errorf("feed file: %+v\n%s", s, stderr)
	}
}

// warcFile writes a WARC.gz with two pages about one event, a page that
// is not HTML and a 404.
func warcFile(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := warc.NewWriter(f, true)
	date := time.Date(2025, 3, 19, 12, 0, 0, 0, time.UTC)
	page := func(title string, paras ...string) []byte {
		var b strings.Builder
		fmt.Fprintf(&b, "<!DOCTYPE html><html><head><title>%s</title></head><body><article><h1>%s</h1>", title, title)
		for _, p := range paras {
			fmt.Fprintf(&b, "<p>%s</p>", p)
		}
		b.WriteString("</article></body></html>")
		body := b.String()
		return []byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body))
	}
	records := []struct {
		uri  string
		resp []byte
	}{
		{"https://www.harbortimes.example/storm", page("Storm closes Port Elden harbor",
			"The harbor in Port Elden was closed on Monday after a storm damaged two piers, the port authority said.",
			"Harbor master Ines Varga said repairs to the northern pier would take at least three weeks.",
			"About 40 fishing boats stayed in port and ferries to the islands were cancelled.")},
		{"https://coastnews.example/2025/03/harbor", page("Port Elden harbor shut after storm wrecks piers",
			"A storm damaged two piers in Port Elden on Monday, forcing the port authority to close the harbor.",
			"Repairs to the northern pier will take three weeks, harbor master Ines Varga said.",
			"Ferries to the islands were cancelled and dozens of fishing boats stayed in port.")},
		{"https://coastnews.example/logo.png", []byte("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 4\r\n\r\n\x89PNG")},
		{"https://coastnews.example/gone", []byte("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found")},
	}
	for _, r := range records {
		if err := w.WriteResponse(r.uri, date, r.resp); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIngestWARC(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "crawl", "news.warc.gz")
	os.MkdirAll(filepath.Dir(archive), 0o755)
	warcFile(t, archive)
	db := filepath.Join(dir, "store.db")
	// The directory walk finds the archive.
	s, stderr := runIngestCmd(t, "--db", db, filepath.Dir(archive))
	if s.read != 2 || s.added != 2 || s.problems != 0 {
		t.Fatalf("WARC ingest: %+v\n%s", s, stderr)
	}
	store := openDB(t, db)
	a, err := store.Article(context.Background(), "https://www.harbortimes.example/storm")
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "harbortimes.example" || a.Published.IsZero() || !strings.Contains(a.Body, "two piers") {
		t.Errorf("WARC page: %+v", a)
	}
	out, _, err := run(t, "", "stories", "--db", db, "--format", "json")
	var list []storyLine
	if err != nil || json.Unmarshal([]byte(out), &list) != nil || len(list) == 0 {
		t.Fatalf("stories: %v\n%s", err, out)
	}
	n := 0
	for _, st := range list {
		n += st.Articles
		checkStory(t, db, st.ID, st.Articles)
	}
	if n != 2 {
		t.Errorf("stories hold %d articles, want 2", n)
	}
	if again, _ := runIngestCmd(t, "--db", db, archive); again.read != 0 {
		t.Errorf("archive read again: %+v", again)
	}
}

func TestIngestProblems(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("{\"id\":\"ok\",\"text\":\"The harbor in Port Elden was closed on Monday.\"}\n{broken\n"), 0o644)
	out, stderr, err := run(t, "", "ingest", "--db", db, bad, filepath.Join(dir, "missing.txt"))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if s := parseSummary(t, out); s.added != 1 || s.problems != 2 {
		t.Errorf("summary %+v", s)
	}
	for _, want := range []string{"bad.jsonl: line 2: malformed JSON", "missing.txt: not found"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// Nothing usable at all is an error.
	if _, _, err := run(t, "", "ingest", "--db", db, filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("ingest of only a missing file: want an error")
	}
	// Stdin streams too, without a checkpoint.
	in := `{"id":"s1","text":"Ferries to the islands will resume on Thursday, the operator said."}` + "\n"
	out, stderr, err = run(t, in, "ingest", "--db", db, "-")
	if err != nil || parseSummary(t, out).added != 1 {
		t.Errorf("stdin: %v\n%s%s", err, out, stderr)
	}
}

// TestFallbackIDs ingests two files with the same name from different
// directories: their fallback ids clash, their texts differ, so the second
// is stored under a numbered id, not dropped.
func TestFallbackIDs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	for i, text := range []string{"The harbor closed on Monday after the storm.", "Ferries resume on Thursday, the operator said."} {
		p := filepath.Join(dir, fmt.Sprint(i), "report.txt")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	s, _ := runIngestCmd(t, "--db", db, filepath.Join(dir, "0"), filepath.Join(dir, "1"))
	if s.added != 2 {
		t.Errorf("%+v", s)
	}
	got := stored(t, db)
	if _, ok := got["report~2"]; !ok {
		t.Errorf("stored ids %v, want report and report~2", got)
	}
}
