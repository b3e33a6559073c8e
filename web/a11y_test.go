package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeHowTo says how to make axe-core available to TestAccessibility.
const axeHowTo = "npm install --prefix /tmp/parallax-axe axe-core && export PARALLAX_AXE=/tmp/parallax-axe/node_modules/axe-core/axe.min.js"

// axeScript finds axe-core's axe.min.js: $PARALLAX_AXE, else
// node_modules/axe-core/axe.min.js under $PARALLAX_AXE_DIR or a few usual
// places. It returns "" and the paths it tried when there is none. axe-core
// is not part of the repository; CI installs it with npm.
func axeScript() (string, []string) {
	const rel = "node_modules/axe-core/axe.min.js"
	var tried []string
	if p := os.Getenv("PARALLAX_AXE"); p != "" {
		tried = append(tried, p)
	} else {
		var dirs []string
		if d := os.Getenv("PARALLAX_AXE_DIR"); d != "" {
			dirs = append(dirs, d)
		}
		dirs = append(dirs, filepath.Join(os.TempDir(), "parallax-axe"), "/tmp/parallax-axe", "..", ".")
		if home, err := os.UserHomeDir(); err == nil {
			dirs = append(dirs, home)
		}
		for _, d := range dirs {
			if p := filepath.Join(d, rel); !slices.Contains(tried, p) {
				tried = append(tried, p)
			}
		}
	}
	for _, p := range tried {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, tried
		}
	}
	return "", tried
}

// axeFinding is one rule axe-core found broken on a page, reduced to what a
// failure message needs.
type axeFinding struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	URL     string   `json:"url"`
	Nodes   int      `json:"nodes"`
	Targets []string `json:"targets"`
	Summary string   `json:"summary"`
}

// axeReport is what one axe-core run found.
type axeReport struct {
	Version    string       `json:"version"`
	Violations []axeFinding `json:"violations"`
	Incomplete []axeFinding `json:"incomplete"`
	Ran        []string     `json:"ran"`
}

// axeRun runs axe-core, already loaded into the page, with the given run
// options and reduces its results to an axeReport.
const axeRun = `(async () => {
	const reduce = r => ({
		id: r.id, impact: r.impact || '', help: r.help, url: r.helpUrl,
		nodes: r.nodes.length,
		targets: r.nodes.slice(0, 4).map(n => n.target.flat(Infinity).join(' ')),
		summary: r.nodes.length ? (r.nodes[0].failureSummary || '') : '',
	});
	const res = await axe.run(document, %s);
	return {
		version: axe.version,
		violations: res.violations.map(reduce),
		incomplete: res.incomplete.map(reduce),
		ran: [...res.passes, ...res.violations, ...res.incomplete, ...res.inapplicable].map(r => r.id),
	};
})()`

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules on every kind of
// page, on a desktop and a phone screen, in the light and the dark color
// scheme. A serious or critical violation fails the test; moderate and minor
// ones, and checks axe-core could not decide, are logged.
func TestAccessibility(t *testing.T) {
	axePath, tried := axeScript()
	if axePath == "" {
		// Skipped even when PARALLAX_BROWSER_REQUIRED=1: axe-core comes from
		// npm, which a machine running the tests need not have.
		t.Skipf("axe-core not found (tried %s); to run this test: %s", strings.Join(tried, ", "), axeHowTo)
	}
	axeSrc, err := os.ReadFile(axePath)
	if err != nil {
		t.Skipf("read axe-core: %v; to run this test: %s", err, axeHowTo)
	}
	exe := needBrowser(t)
	f := newFixture(t)
	srv := httptest.NewServer(handler(t, f.store, Options{Version: "a11y"}))
	defer srv.Close()
	ctx := newBrowser(t, exe)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", exe, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	// The article page as a reader reaches it: from the story's first
	// citation, with the cited sentence highlighted.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/stories/"+storyID),
		chromedp.WaitVisible(chromedp.CSS("#summary a.cite")),
	); err != nil {
		t.Fatalf("story page: %v", err)
	}
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#summary a.cite"), "href"))
	if err != nil || !href.Exists {
		t.Fatalf("story page: no summary citation (%v)", err)
	}
	if _, _, ok := strings.Cut(href.Value, "#cited"); !ok {
		t.Fatalf("citation %s does not lead to a highlight", href.Value)
	}
	// Each page as it looks once wait is visible, after typing typed into
	// the search box when typed is set.
	pages := []struct{ name, path, typed, wait string }{
		{"home", "/", "", "main h1"},
		{"home search", "/", "toluene", "#search-results ol.rows a"},
		{"story", "/stories/" + storyID, "", "#timeline-chart canvas"},
		{"article", href.Value, "", "mark#cited"},
		{"search", "/search?q=chemical+fire", "", "main ol.rows a"},
		{"quotes", "/quotes?speaker=" + url.QueryEscape("Ilse Brandt"), "", "main h1"},
		{"entity", "/entities/" + url.PathEscape("Veltran Chemicals"), "", "main h1"},
		{"404", "/no/such/page", "", "main h1"},
	}
	screens := []struct {
		name          string
		width, height int64
		mobile        bool
	}{
		{"desktop", 1280, 900, false},
		{"phone", 375, 812, true},
	}
	// Every WCAG 2.1 A and AA rule in the light scheme; in the dark one
	// only the rules about color, since nothing else changes with it.
	schemes := []struct{ name, options string }{
		{"light", `{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations', 'incomplete']}`},
		{"dark", `{runOnly: {type: 'rule', values: ['color-contrast', 'link-in-text-block']}, resultTypes: ['violations', 'incomplete']}`},
	}

	// check loads axe-core into the open page and runs it with options.
	check := func(where, options string) axeReport {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(axeSrc))); err != nil {
			t.Fatalf("%s: load axe-core %s: %v", where, axePath, err)
		}
		rep, err := chromedp.Run(ctx, chromedp.Evaluate[axeReport](fmt.Sprintf(axeRun, options), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: run axe-core %s: %v", where, axePath, err)
		}
		if !slices.Contains(rep.Ran, "color-contrast") {
			t.Errorf("%s: axe-core %s did not run the color-contrast rule (ran %v)", where, rep.Version, rep.Ran)
		}
		return rep
	}

	// The harness must see a violation when there is one: a faint
	// paragraph and an image without a text alternative, added to a page.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/no/such/page"),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
		// Styles set through the DOM: the CSP ignores style attributes.
		chromedp.Evaluate[chromedp.Void](`(() => {
			const main = document.querySelector('main');
			main.insertAdjacentHTML('beforeend', '<p id="faint">faint</p><img id="noalt" src="/static/favicon.svg">');
			const p = document.getElementById('faint');
			p.style.color = '#c8c8c8';
			p.style.background = '#ffffff';
		})()`),
	); err != nil {
		t.Fatalf("canary page: %v", err)
	}
	canary := check("canary", schemes[0].options)
	for id, target := range map[string]string{"color-contrast": "#faint", "image-alt": "#noalt"} {
		i := slices.IndexFunc(canary.Violations, func(v axeFinding) bool { return v.ID == id })
		if i < 0 {
			t.Errorf("canary: axe-core %s found no %s violation, want one on %s", canary.Version, id, target)
			continue
		}
		if v := canary.Violations[i]; !severe(v.Impact) || !slices.Contains(v.Targets, target) {
			t.Errorf("canary: axe-core reports %s [%s] on %v, want a serious or critical violation on %s", id, v.Impact, v.Targets, target)
		}
	}

	runs := 0
	for _, sc := range schemes {
		media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: sc.name}}}
		if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, media)
			return err
		})); err != nil {
			t.Fatalf("emulate %s color scheme: %v", sc.name, err)
		}
		for _, scr := range screens {
			var opts []chromedp.EmulateViewportOption
			if scr.mobile {
				opts = append(opts, chromedp.EmulateMobile)
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(scr.width, scr.height, opts...)); err != nil {
				t.Fatalf("emulate %s screen: %v", scr.name, err)
			}
			for _, p := range pages {
				where := fmt.Sprintf("%s %s %s (%s)", sc.name, scr.name, p.name, p.path)
				steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(srv.URL + p.path)}
				if p.typed != "" {
					steps = append(steps, chromedp.SendKeys(chromedp.ID("q"), p.typed))
				}
				steps = append(steps, chromedp.WaitVisible(chromedp.CSS(p.wait)),
					// What a reader can unfold is checked unfolded.
					chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details').forEach(d => { d.open = true })`))
				if err := chromedp.Do(ctx, steps...); err != nil {
					t.Fatalf("%s: open: %v", where, err)
				}
				dark, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`matchMedia('(prefers-color-scheme: dark)').matches`))
				if err != nil || dark != (sc.name == "dark") {
					t.Fatalf("%s: prefers-color-scheme dark is %v (%v)", where, dark, err)
				}
				rep := check(where, sc.options)
				runs++
				for _, v := range rep.Violations {
					msg := fmt.Sprintf("%s: %s [%s] %s: %d element(s), e.g. %s\n\t%s\n\t%s",
						where, v.ID, v.Impact, v.Help, v.Nodes, strings.Join(v.Targets, " | "),
						strings.ReplaceAll(strings.TrimSpace(v.Summary), "\n", "\n\t"), v.URL)
					if severe(v.Impact) {
						t.Error(msg)
					} else {
						t.Log(msg)
					}
				}
				for _, v := range rep.Incomplete {
					t.Logf("%s: needs review: %s [%s] %s: %d element(s), e.g. %s",
						where, v.ID, v.Impact, v.Help, v.Nodes, strings.Join(v.Targets, " | "))
				}
			}
		}
	}
	t.Logf("axe-core %s from %s: %d page runs", canary.Version, axePath, runs)
}

// severe reports whether an axe-core impact fails the test.
func severe(impact string) bool {
	return impact == "serious" || impact == "critical"
}
