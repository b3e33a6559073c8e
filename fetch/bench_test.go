package fetch

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// newsRobots is shaped like the robots.txt of a large news site: a long
// star group of section and query rules, AI-crawler groups, sitemaps.
var newsRobots = func() string {
	var b strings.Builder
	b.WriteString("# robots.txt for a news site\nUser-agent: *\n")
	for _, p := range []string{"/search", "/*?cmpid=", "/*?utm_", "/account/", "/newsletters/preferences", "/video/embed/", "/*.json$", "/amp/", "/print/", "/live/*/comments", "/api/", "/tag/*?page="} {
		b.WriteString("Disallow: " + p + "\n")
	}
	b.WriteString("Allow: /api/oembed\nAllow: /live/\n\n")
	for _, bot := range []string{"GPTBot", "CCBot", "Google-Extended", "anthropic-ai", "Bytespider", "PerplexityBot"} {
		b.WriteString("User-agent: " + bot + "\nDisallow: /\n\n")
	}
	for i := range 20 {
		b.WriteString("Sitemap: https://news.example/sitemaps/" + strings.Repeat("x", i) + ".xml\n")
	}
	return b.String()
}()

func BenchmarkRobots(b *testing.B) {
	paths := []string{
		"/world/2025/mar/14/ceasefire-talks-resume-in-geneva",
		"/world/live/2025/mar/14/ukraine-war-live-updates/comments",
		"/business/markets?utm_source=rss&utm_medium=feed",
		"/search?q=prisoner+exchange",
		"/api/oembed?url=https://news.example/video/1",
	}
	b.ReportAllocs()
	for b.Loop() {
		r := parseRobots([]byte(newsRobots), "parallax")
		for _, p := range paths {
			r.allowed(p)
		}
	}
}

func BenchmarkGet(b *testing.B) {
	page := strings.Repeat("<p>Negotiators met for a third day in Geneva on Thursday.</p>\n", 200)
	s := newSite(b, "", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte(newsRobots))
			return
		}
		w.Write([]byte(page))
	})
	c := New(local)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Get(context.Background(), s.URL+"/world/2025/story", nil); err != nil {
			b.Fatal(err)
		}
	}
}
