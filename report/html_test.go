package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func renderHTML(t *testing.T, b *parallax.Brief, docs []*parallax.Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, b, docs); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestHTMLGolden(t *testing.T) {
	docs := fixtureDocs()
	golden(t, "brief.html.golden", []byte(renderHTML(t, fixtureBrief(docs), docs)))
}

func TestHTMLStructure(t *testing.T) {
	docs := fixtureDocs()
	out := renderHTML(t, fixtureBrief(docs), docs)
	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="en">`, `<meta name="viewport"`,
		"<header>", "<main>", "<nav", `<section id="agreed">`, `<section id="disputed">`,
		`<section id="quotes">`, `<section id="unique">`, `<section id="wording">`, `<section id="timeline">`,
		`<section id="problems">`, `<section id="articles">`, `<article class="pane" id="pane-1"`,
		`<span class="badge st-conflict">conflict</span>`,
		`<span class="badge st-attribution_split">attribution split</span>`,
		`<span class="badge st-corroborated">agreed</span>`,
		`<span class="badge st-single_source">single source</span>`,
		`<span class="value">&gt;120 min</span>`,
		`grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr))`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	// No external requests: nothing is loaded from anywhere.
	for _, bad := range []string{"<link", " src=", "@import", "url(", "<iframe", "<img"} {
		if strings.Contains(out, bad) {
			t.Errorf("page loads something: %q", bad)
		}
	}
	if n := strings.Count(out, "<script"); n != 1 {
		t.Errorf("%d script elements, want our one", n)
	}
}

// TestHTMLTargets checks that every id a fact points at exists, is the
// sentence that holds the claim, and that each claim's sentence is cited.
func TestHTMLTargets(t *testing.T) {
	docs := fixtureDocs()
	b := fixtureBrief(docs)
	out := renderHTML(t, b, docs)

	ids := map[string]string{}
	for _, m := range regexp.MustCompile(`<span id="(a\d+-s\d+)"(?: class="c")?>([^<]*)</span>`).FindAllStringSubmatch(out, -1) {
		ids[m[1]] = m[2]
	}
	total := 0
	for _, d := range docs {
		total += len(d.Sentences)
	}
	if len(ids) != total {
		t.Errorf("%d sentence spans, want %d", len(ids), total)
	}
	// Fact f2 (the call's length) cites sentence 2 of article 1, the first of 2, 3, 4.
	m := regexp.MustCompile(`data-targets="([^"]*)" aria-pressed="false"><span class="badge st-conflict">conflict</span> <span class="statement">Trump and Putin spoke`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("conflict fact is not a button with targets")
	}
	if m[1] != "a1-s181 a2-s0 a3-s0 a4-s0" {
		t.Errorf("targets = %q", m[1])
	}
	if ids["a1-s181"] != "Witkoff said the leaders spoke by phone for more than two hours." {
		t.Errorf("a1-s181 = %q", ids["a1-s181"])
	}
	for _, all := range regexp.MustCompile(`data-targets="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		for _, id := range strings.Fields(all[1]) {
			if _, ok := ids[id]; !ok {
				t.Errorf("target %s has no sentence", id)
			}
		}
	}
	// Cited sentences are marked; an uncited one is not.
	if !strings.Contains(out, `<span id="a1-s181" class="c">`) || !strings.Contains(out, `<span id="a1-s247" class="c">`) {
		t.Error("cited sentences not marked")
	}
	if strings.Contains(out, `<span id="a2-s464" class="c">`) {
		t.Error("uncited sentence marked")
	}
	// Paragraph breaks survive between sentence spans.
	if !strings.Contains(out, "more than two hours.</span>\n\n<span id=\"a1-s247\"") {
		t.Error("paragraph break lost")
	}
}

func TestHTMLWithoutDocs(t *testing.T) {
	out := renderHTML(t, fixtureBrief(fixtureDocs()), nil)
	if strings.Contains(out, `id="articles"`) || strings.Contains(out, `data-targets="`) || strings.Contains(out, "pane-") {
		t.Error("article pane or targets without documents")
	}
	if !strings.Contains(out, `<div class="pick"><span class="badge st-conflict">`) {
		t.Error("facts not rendered without documents")
	}
	empty := renderHTML(t, &parallax.Brief{}, nil)
	if !strings.Contains(empty, "No disagreement found between sources.") {
		t.Error("empty brief page")
	}
	if err := HTML(&bytes.Buffer{}, nil, nil); err == nil {
		t.Error("nil brief accepted")
	}
}

func TestHTMLEscapesHostileText(t *testing.T) {
	docs := fixtureDocs()
	evil := `<script>alert("x")</script><img src=x onerror=alert(1)>`
	docs[1].Text = strings.Replace(docs[1].Text, "Kyiv has not yet commented", evil+" Kyi", 1)
	docs[1].Sentences = newDoc(docs[1].Article, [][]string{{docs[1].Text}}).Sentences // one sentence: the whole text
	b := fixtureBrief(fixtureDocs())
	b.Articles[0].Title = evil
	b.Articles[1].URL = "javascript:alert(1)"
	b.Facts[0].Statement = evil
	b.Quotes[0].Text = evil
	b.Wording[0].Variants[0].Term = evil
	b.Summary[0].Sentence = evil
	b.Timeline[0].Provenance = evil
	b.Problems[0].Path = evil
	b.Facts[1].Variants[0].Text = `" onmouseover="alert(1)`
	out := renderHTML(t, b, docs)
	if n := strings.Count(out, "<script"); n != 1 {
		t.Errorf("%d script elements: hostile text got through", n)
	}
	for _, bad := range []string{"<img", `onmouseover="alert`, `href="javascript:`} {
		if strings.Contains(out, bad) {
			t.Errorf("hostile %q in output", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
		t.Error("hostile text not shown escaped")
	}
}

func TestHTMLBadSpans(t *testing.T) {
	docs := fixtureDocs()
	d := docs[0]
	d.Sentences = append(d.Sentences,
		parallax.Sentence{Span: parallax.Span{Start: 5, End: 2}},
		parallax.Sentence{Span: parallax.Span{Start: 10, End: len(d.Text) + 50}},
		parallax.Sentence{Span: parallax.Span{Start: -3, End: 4}},
	)
	d.Text = d.Text + "é"
	d.Sentences = append(d.Sentences, parallax.Sentence{Span: parallax.Span{Start: len(d.Text) - 1, End: len(d.Text)}}) // splits é
	b := fixtureBrief(fixtureDocs())
	b.Facts[0].Claims[0].Span = parallax.Span{Start: 99999, End: 100000}
	out := renderHTML(t, b, docs)
	if !strings.Contains(out, `id="pane-1"`) {
		t.Error("pane lost")
	}
}
