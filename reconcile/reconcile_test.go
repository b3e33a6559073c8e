package reconcile

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// factsWith returns the facts with a claim of article id containing sub.
func factsWith(b *parallax.Brief, id, sub string) []parallax.Fact {
	var out []parallax.Fact
	for _, f := range b.Facts {
		for _, c := range f.Claims {
			if c.Article == id && strings.Contains(c.Sentence, sub) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// factWith returns the one fact of the given status with a claim of
// article id containing sub.
func factWith(t *testing.T, b *parallax.Brief, id, sub string, status parallax.FactStatus) parallax.Fact {
	t.Helper()
	var found []parallax.Fact
	for _, f := range factsWith(b, id, sub) {
		if f.Status == status {
			found = append(found, f)
		}
	}
	if len(found) != 1 {
		var got []string
		for _, f := range factsWith(b, id, sub) {
			got = append(got, f.ID+":"+string(f.Status))
		}
		t.Fatalf("want one %s fact with %s %q, found %d (facts with the claim: %v)", status, id, sub, len(found), got)
	}
	return found[0]
}

// variantView is a variant flattened for comparison.
type variantView struct {
	Text     string
	Lo, Hi   float64 // Hi is +Inf when unbounded
	Qual     string
	Articles string
	Sources  string
}

func viewVariants(vs []parallax.Variant) []variantView {
	var out []variantView
	for _, v := range vs {
		w := variantView{Text: v.Text, Qual: v.Value.Qualifier, Articles: strings.Join(v.Articles, ","), Sources: strings.Join(v.AttributedTo, ",")}
		w.Hi = math.Inf(1)
		if v.Value.Lo != nil {
			w.Lo = *v.Value.Lo
		}
		if v.Value.Hi != nil {
			w.Hi = *v.Value.Hi
		}
		out = append(out, w)
	}
	return out
}

func disputedFacts(b *parallax.Brief) []parallax.Fact {
	var out []parallax.Fact
	for _, f := range b.Facts {
		if f.Status == parallax.Conflict || f.Status == parallax.AttributionSplit {
			out = append(out, f)
		}
	}
	return out
}

func TestFireCorpus(t *testing.T) {
	b := Brief(buildAll(t, fireCorpus, fireCast))

	t.Run("articles and origins", func(t *testing.T) {
		var got []string
		for _, a := range b.Articles {
			got = append(got, a.ID+"<"+a.Origin)
		}
		// Reading order is by publication time; the reprint shares the
		// wire story's origin.
		want := []string{"radio-3<radio-3", "northwire-1<northwire-1", "courier-7<northwire-1", "meridian-5<meridian-5", "herald-6<herald-6", "ledger-4<ledger-4"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("articles %v, want %v", got, want)
		}
		if b.Articles[1].Source != "Northwire" || b.Articles[1].Published != "2026-03-04T09:00:00Z" {
			t.Errorf("article ref %+v", b.Articles[1])
		}
	})

	t.Run("hospital count follows the cited source", func(t *testing.T) {
		f := factWith(t, b, "ledger-4", "22 people were hospitalized", parallax.AttributionSplit)
		want := []variantView{
			{Text: "14 workers", Lo: 14, Hi: 14, Articles: "northwire-1,courier-7,meridian-5", Sources: "Castor Polymers"},
			{Text: "Twenty-two people", Lo: 22, Hi: 22, Articles: "radio-3,ledger-4", Sources: "regional health ministry"},
		}
		if got := viewVariants(f.Variants); !reflect.DeepEqual(got, want) {
			t.Errorf("variants\n got %+v\nwant %+v", got, want)
		}
		if f.Kind != "quantity" || f.Outlets != 5 || f.Independent != 4 || f.PrimarySources != 2 {
			t.Errorf("kind %q outlets %d independent %d primary %d; want quantity 5 4 2", f.Kind, f.Outlets, f.Independent, f.PrimarySources)
		}
	})

	t.Run("evacuation count conflicts", func(t *testing.T) {
		f := factWith(t, b, "radio-3", "About 3,000 people were evacuated", parallax.Conflict)
		want := []variantView{
			{Text: "1,200 residents", Lo: 1200, Hi: 1200, Articles: "northwire-1,courier-7", Sources: "Daily Courier,Northwire"},
			{Text: "About 3,000 people", Lo: 2700, Hi: 3300, Qual: "about", Articles: "radio-3,ledger-4", Sources: "Dunmere Ledger,Northern Radio"},
		}
		if got := viewVariants(f.Variants); !reflect.DeepEqual(got, want) {
			t.Errorf("variants\n got %+v\nwant %+v", got, want)
		}
		if f.Outlets != 4 || f.Independent != 3 {
			t.Errorf("outlets %d independent %d, want 4 3", f.Outlets, f.Independent)
		}
	})

	t.Run("fire duration conflicts", func(t *testing.T) {
		f := factWith(t, b, "ledger-4", "more than 10 hours", parallax.Conflict)
		want := []variantView{
			{Text: "six hours", Lo: 360, Hi: 360, Articles: "northwire-1,courier-7", Sources: "Rena Okafor"},
			{Text: "more than 10 hours", Lo: 600, Hi: math.Inf(1), Qual: "more_than", Articles: "ledger-4", Sources: "Dunmere Ledger"},
			// It fits both rivals, so it takes no side and comes last.
			{Text: "at least five hours", Lo: 300, Hi: math.Inf(1), Qual: "at_least", Articles: "meridian-5", Sources: "fire service"},
		}
		if got := viewVariants(f.Variants); !reflect.DeepEqual(got, want) {
			t.Errorf("variants\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("only the three real disputes", func(t *testing.T) {
		if got := len(disputedFacts(b)); got != 3 {
			for _, f := range disputedFacts(b) {
				t.Logf("%s %s %q", f.ID, f.Status, f.Statement)
			}
			t.Errorf("%d disputed facts, want 3", got)
		}
	})

	t.Run("corroborated facts", func(t *testing.T) {
		f := factWith(t, b, "ledger-4", "storage tank of toluene", parallax.Corroborated)
		if f.Outlets != 6 || f.Independent != 5 || len(f.Variants) != 0 {
			t.Errorf("toluene: outlets %d independent %d variants %v", f.Outlets, f.Independent, f.Variants)
		}
		// "Tuesday" and "March 3", "Wednesday" everywhere: no date dispute.
		factWith(t, b, "ledger-4", "Schools near the plant were closed", parallax.Corroborated)
		factWith(t, b, "herald-6", "hearing on the fire on March 12", parallax.Corroborated)
	})

	t.Run("fact order and ids", func(t *testing.T) {
		rank := map[parallax.FactStatus]int{parallax.Conflict: 0, parallax.AttributionSplit: 0, parallax.Corroborated: 1, parallax.SingleSource: 2}
		for i, f := range b.Facts {
			if f.ID != "f"+itoa(i+1) {
				t.Errorf("fact %d has id %s", i, f.ID)
			}
			if i > 0 {
				p := b.Facts[i-1]
				if rank[p.Status] > rank[f.Status] || (rank[p.Status] == rank[f.Status] && p.Independent < f.Independent) {
					t.Errorf("%s (%s, %d) before %s (%s, %d)", p.ID, p.Status, p.Independent, f.ID, f.Status, f.Independent)
				}
			}
			if f.Statement == "" || len(f.Claims) == 0 {
				t.Errorf("%s: empty statement or claims", f.ID)
			}
		}
	})

	t.Run("same date written two ways", func(t *testing.T) {
		var found bool
		for _, e := range b.Timeline {
			if e.Date == "2026-03-03" && strings.Contains(e.Provenance, "'March 3' in Northern Radio") &&
				strings.Contains(e.Provenance, "'Tuesday' in Northwire, Daily Courier (resolved from the publication date)") {
				found = true
				if !slices.Equal(e.Articles, []string{"radio-3", "northwire-1", "courier-7"}) || e.Granularity != "day" {
					t.Errorf("entry %+v", e)
				}
			}
		}
		if !found {
			t.Errorf("no 2026-03-03 entry with both spellings in %+v", b.Timeline)
		}
		for i := 1; i < len(b.Timeline); i++ {
			if b.Timeline[i-1].Date > b.Timeline[i].Date {
				t.Errorf("timeline out of order at %d", i)
			}
		}
	})

	t.Run("name spelled two ways", func(t *testing.T) {
		want := parallax.Wording{Entity: "Paweł Jóźwiak", Variants: []parallax.WordingTerm{
			{Term: "Pawel Jozwiak", Articles: []string{"meridian-5"}},
			{Term: "Paweł Jóźwiak", Articles: []string{"northwire-1", "courier-7", "herald-6"}},
		}}
		if !reflect.DeepEqual(b.Wording, []parallax.Wording{want}) {
			t.Errorf("wording %+v", b.Wording)
		}
	})

	t.Run("unique content", func(t *testing.T) {
		got := map[string][]string{}
		for _, u := range b.Unique {
			for _, s := range u.Sentences {
				got[u.Article] = append(got[u.Article], s.Text)
			}
		}
		for id, sub := range map[string]string{
			"ledger-4":    "A 2019 inspection found",
			"meridian-5":  "Shares in Castor Polymers fell 4.2%",
			"herald-6":    "poor ventilation",
			"northwire-1": "The environment agency said",
		} {
			if !slices.ContainsFunc(got[id], func(s string) bool { return strings.Contains(s, sub) }) {
				t.Errorf("%s: no unique sentence with %q in %q", id, sub, got[id])
			}
		}
		// Nothing another origin reports is unique.
		for id, ss := range got {
			for _, s := range ss {
				for _, f := range b.Facts {
					if f.Independent > 1 && slices.ContainsFunc(f.Claims, func(c parallax.ClaimRef) bool { return c.Article == id && c.Sentence == s }) {
						t.Errorf("%s: %q is unique but in %s", id, s, f.ID)
					}
				}
			}
		}
	})

	t.Run("summary", func(t *testing.T) {
		if len(b.Summary) == 0 {
			t.Fatal("no summary")
		}
		if !strings.Contains(b.Summary[0].Sentence, "tank of toluene") {
			t.Errorf("first line %q, want the most supported fact", b.Summary[0].Sentence)
		}
		for _, l := range b.Summary {
			if len(l.Articles) < 2 {
				t.Errorf("line %q cites %v", l.Sentence, l.Articles)
			}
		}
	})

	t.Run("disputed paragraph", func(t *testing.T) {
		for _, sub := range []string{
			"the number of people depends on who is cited: 14 workers according to Castor Polymers (Northwire, Daily Courier, Meridian Post); Twenty-two people according to regional health ministry (Northern Radio, Dunmere Ledger).",
			"Outlets disagree on the duration in ",
			"six hours (Northwire, Daily Courier); more than 10 hours (Dunmere Ledger); at least five hours (Meridian Post; compatible with both others).",
		} {
			if !strings.Contains(b.Disputed, sub) {
				t.Errorf("disputed paragraph lacks %q:\n%s", sub, b.Disputed)
			}
		}
	})

	t.Run("quotes and entities", func(t *testing.T) {
		var speakers []string
		for _, q := range b.Quotes {
			speakers = append(speakers, q.Article+":"+q.Speaker)
		}
		want := []string{"radio-3:Tom Feld", "northwire-1:Paweł Jóźwiak", "courier-7:Paweł Jóźwiak", "herald-6:Anna Lenz"}
		if !reflect.DeepEqual(speakers, want) {
			t.Errorf("quote speakers %v, want %v", speakers, want)
		}
		if b.Quotes[0].Cue != "said" || b.Quotes[0].Text != "We saw flames higher than the chimney" {
			t.Errorf("quote %+v", b.Quotes[0])
		}
		var manager *parallax.EntitySummary
		for i := range b.Entities {
			if b.Entities[i].Name == "Paweł Jóźwiak" {
				manager = &b.Entities[i]
			}
		}
		if manager == nil || !reflect.DeepEqual(manager.Aliases, []string{"Pawel Jozwiak", "Paweł Jóźwiak"}) ||
			!reflect.DeepEqual(manager.Articles, []string{"northwire-1", "courier-7", "meridian-5", "herald-6"}) {
			t.Errorf("merged manager %+v", manager)
		}
		if b.Entities[0].Name != "Castor Polymers" || b.Entities[0].Mentions != 11 {
			t.Errorf("most mentioned entity %+v", b.Entities[0])
		}
	})
}

func TestSeedLikeCorpus(t *testing.T) {
	b := Brief(buildAll(t, seedCorpus, seedCast))

	t.Run("reprint shares an origin", func(t *testing.T) {
		for _, a := range b.Articles {
			want := a.ID
			if a.ID == "peninsula-5" {
				want = "gulf-0"
			}
			if a.Origin != want {
				t.Errorf("%s: origin %s, want %s", a.ID, a.Origin, want)
			}
		}
	})

	t.Run("call length conflicts", func(t *testing.T) {
		f := factWith(t, b, "harbor-3", "90-minute phone call", parallax.Conflict)
		want := []variantView{
			{Text: "90-minute", Lo: 90, Hi: 90, Articles: "harbor-3", Sources: "Harbor Broadcast"},
			{Text: "more than two hours", Lo: 120, Hi: math.Inf(1), Qual: "more_than", Articles: "gulf-0,peninsula-5", Sources: "Steve Witkoff"},
			{Text: "two and a half hours", Lo: 150, Hi: 150, Articles: "eurasia-2", Sources: "Kremlin"},
			// It fits every other length, so it takes no side and comes last.
			{Text: "at least 90 minutes", Lo: 90, Hi: math.Inf(1), Qual: "at_least", Articles: "network-4", Sources: "White House"},
		}
		if got := viewVariants(f.Variants); !reflect.DeepEqual(got, want) {
			t.Errorf("variants\n got %+v\nwant %+v", got, want)
		}
		// The reprint adds an outlet but not an independent source.
		if f.Outlets != 5 || f.Independent != 4 || f.PrimarySources != 4 {
			t.Errorf("outlets %d independent %d primary %d, want 5 4 4", f.Outlets, f.Independent, f.PrimarySources)
		}
	})

	t.Run("scope follows the cited side", func(t *testing.T) {
		f := factWith(t, b, "eurasia-2", "mutual halt to attacks on energy infrastructure", parallax.AttributionSplit)
		if f.Kind != "scope" || len(f.Variants) != 2 {
			t.Fatalf("kind %q variants %+v", f.Kind, f.Variants)
		}
		wide, narrow := f.Variants[0], f.Variants[1]
		if wide.Value.Term != "energy and infrastructure" || !slices.Contains(wide.AttributedTo, "White House") || slices.Contains(wide.AttributedTo, "Kremlin") {
			t.Errorf("wide variant %+v", wide)
		}
		if narrow.Value.Term != "energy infrastructure" || !slices.Contains(narrow.AttributedTo, "Kremlin") || slices.Contains(narrow.AttributedTo, "White House") {
			t.Errorf("narrow variant %+v", narrow)
		}
		if f.Independent != 5 || f.Outlets != 6 {
			t.Errorf("outlets %d independent %d, want 6 5", f.Outlets, f.Independent)
		}
	})

	t.Run("energy pause is not the full ceasefire", func(t *testing.T) {
		pause := factsWith(b, "harbor-3", "pause strikes on energy targets")
		full := factsWith(b, "network-4", "30-day full ceasefire")
		if len(pause) != 1 || len(full) != 1 {
			t.Fatalf("pause in %d facts, full ceasefire in %d", len(pause), len(full))
		}
		if pause[0].ID == full[0].ID {
			t.Errorf("both in %s: %+v", pause[0].ID, pause[0].Claims)
		}
		if pause[0].Status != parallax.Corroborated || full[0].Status != parallax.Corroborated {
			t.Errorf("statuses %s, %s", pause[0].Status, full[0].Status)
		}
	})

	t.Run("prisoner exchange agrees", func(t *testing.T) {
		f := factWith(t, b, "eurasia-2", "swap 175 prisoners", parallax.Corroborated)
		if f.Outlets != 5 || f.Independent != 4 || len(f.Variants) != 0 {
			t.Errorf("outlets %d independent %d variants %+v", f.Outlets, f.Independent, f.Variants)
		}
		var entry *parallax.TimelineEntry
		for i, e := range b.Timeline {
			if e.Date == "2025-03-19" {
				entry = &b.Timeline[i]
			}
		}
		if entry == nil || !strings.Contains(entry.Provenance, "'March 19' in Eurasia Today") || !strings.Contains(entry.Provenance, "'Wednesday' in Gulf Wire, Capital Daily, Harbor Broadcast, Peninsula Daily") {
			t.Errorf("timeline entry %+v", entry)
		}
	})

	t.Run("exactly two disputes", func(t *testing.T) {
		if got := len(disputedFacts(b)); got != 2 {
			for _, f := range disputedFacts(b) {
				t.Logf("%s %s %q %+v", f.ID, f.Status, f.Statement, f.Variants)
			}
			t.Errorf("%d disputed facts, want 2", got)
		}
	})

	t.Run("wording", func(t *testing.T) {
		got := map[string]string{}
		for _, w := range b.Wording {
			var terms []string
			for _, v := range w.Variants {
				terms = append(terms, v.Term+"="+strings.Join(v.Articles, "+"))
			}
			got[w.Entity] = strings.Join(terms, " ")
		}
		want := map[string]string{
			"Kiev":               "Kiev=gulf-0+peninsula-5 Kyiv=harbor-3",
			"Volodymyr Zelensky": "Volodymyr Zelensky=gulf-0 Volodymyr Zelenskyy=capital-1+harbor-3",
			"the war":            "war=gulf-0+capital-1+harbor-3+peninsula-5 conflict=gulf-0+harbor-3+peninsula-5 crisis=eurasia-2 invasion=capital-1",
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("wording %q: got %q, want %q", k, got[k], v)
			}
		}
		// Putin and Vladimir Putin differ in length, not spelling.
		if _, ok := got["Vladimir Putin"]; ok {
			t.Errorf("Putin reported as a spelling difference: %q", got["Vladimir Putin"])
		}
	})

	t.Run("summary is cited and not redundant", func(t *testing.T) {
		if len(b.Summary) < 5 || len(b.Summary) > 8 {
			t.Errorf("%d summary lines", len(b.Summary))
		}
		seen := map[string]bool{}
		for _, l := range b.Summary {
			if seen[l.Sentence] {
				t.Errorf("repeated line %q", l.Sentence)
			}
			seen[l.Sentence] = true
		}
	})
}

// pair builds two short articles from marked texts.
func pair(t *testing.T, a, b string) *parallax.Brief {
	t.Helper()
	cast := []castMember{
		{key: "company", typ: parallax.Organization, forms: []string{"the company"}},
		{key: "ministry", typ: parallax.Government, forms: []string{"the ministry"}},
	}
	return Brief(buildAll(t, []fixture{
		{id: "a", source: "A", published: "2026-03-04T09:00:00Z", text: a},
		{id: "b", source: "B", published: "2026-03-04T10:00:00Z", text: b},
	}, cast))
}

func TestVerdicts(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		status parallax.FactStatus
		kind   string
		texts  []string
	}{
		{
			name:   "at least 90 minutes agrees with two and a half hours",
			a:      "The two leaders spoke by phone for {{at least 90 minutes|q:duration:minute:90:inf:at_least}} on the crisis.",
			b:      "The two leaders spoke by phone for {{two and a half hours|q:duration:minute:150:150}} on the crisis.",
			status: parallax.Corroborated,
		},
		{
			name:   "more than two hours agrees with two and a half hours",
			a:      "The two leaders spoke by phone for {{more than two hours|q:duration:minute:120:inf:more_than}} on the crisis.",
			b:      "The two leaders spoke by phone for {{two and a half hours|q:duration:minute:150:150}} on the crisis.",
			status: parallax.Corroborated,
		},
		{
			name:   "about 3,000 agrees with 3,000",
			a:      "Police evacuated {{about 3,000 residents|q:count:resident:2700:3300:about}} from the flooded valley.",
			b:      "Police evacuated {{3,000 people|q:count:person:3000:3000}} from the flooded valley.",
			status: parallax.Corroborated,
		},
		{
			name:   "unstated scope agrees with each",
			a:      "Both countries will exchange {{175 prisoners|q:count:prisoner:175:175}} of war at the border.",
			b:      "Both countries will exchange {{175 prisoners each|q:count:prisoner:175:175::each}} at the border.",
			status: parallax.Corroborated,
		},
		{
			name:   "weekday and calendar date of the same day agree",
			a:      "The bridge over the river collapsed on {{Tuesday|d:2026-03-03:day:publication}} after heavy rain.",
			b:      "The bridge over the river collapsed on {{March 3|d:2026-03-03:day}} after heavy rain.",
			status: parallax.Corroborated,
		},
		{
			name:   "90 minutes conflicts with more than two hours",
			a:      "The two leaders spoke by phone for {{90 minutes|q:duration:minute:90:90}} on the crisis.",
			b:      "The two leaders spoke by phone for {{more than two hours|q:duration:minute:120:inf:more_than}} on the crisis.",
			status: parallax.Conflict, kind: "quantity",
			texts: []string{"90 minutes", "more than two hours"},
		},
		{
			name:   "each conflicts with in total",
			a:      "Both countries will exchange {{175 prisoners each|q:count:prisoner:175:175::each}} at the border.",
			b:      "Both countries will exchange {{175 prisoners in total|q:count:prisoner:175:175::total}} at the border.",
			status: parallax.Conflict, kind: "quantity",
			texts: []string{"175 prisoners each", "175 prisoners in total"},
		},
		{
			name:   "different days conflict",
			a:      "The bridge over the river collapsed on {{March 3|d:2026-03-03:day}} after heavy rain.",
			b:      "The bridge over the river collapsed on {{March 4|d:2026-03-04:day}} after heavy rain.",
			status: parallax.Conflict, kind: "date",
			texts: []string{"March 3", "March 4"},
		},
		{
			name:   "rival counts from rival sources split",
			a:      "{{22 people|q:count:person:22:22}} were treated in hospital after the blast, {{the ministry said|a:ministry}}.",
			b:      "{{14 workers|q:count:worker:14:14}} were treated in hospital after the blast, {{the company said|a:company}}.",
			status: parallax.AttributionSplit, kind: "quantity",
			texts: []string{"14 workers", "22 people"},
		},
		{
			name:   "rival counts from sources no entity names split",
			a:      "{{22 people|q:count:person:22:22}} were treated in hospital after the blast, {{the health service said|u:the health service}}.",
			b:      "{{14 workers|q:count:worker:14:14}} were treated in hospital after the blast, {{according to the plant operator|u:the plant operator}}.",
			status: parallax.AttributionSplit, kind: "quantity",
			texts: []string{"14 workers", "22 people"},
		},
		{
			name:   "rival counts in the outlets' own voice conflict",
			a:      "{{22 people|q:count:person:22:22}} were treated in hospital after the blast.",
			b:      "{{14 workers|q:count:worker:14:14}} were treated in hospital after the blast.",
			status: parallax.Conflict, kind: "quantity",
			texts: []string{"14 workers", "22 people"},
		},
		{
			name:   "one source giving both counts is a conflict",
			a:      "{{22 people|q:count:person:22:22}} were treated in hospital after the blast, {{the ministry said|a:ministry}}.",
			b:      "{{14 people|q:count:person:14:14}} were treated in hospital after the blast, {{the ministry said|a:ministry}}.",
			status: parallax.Conflict, kind: "quantity",
			texts: []string{"14 people", "22 people"},
		},
		{
			name:   "scope wording that follows the sources splits",
			a:      "The truce covers strikes on energy and infrastructure targets across the region, {{the ministry said|a:ministry}}.",
			b:      "The truce covers strikes on energy infrastructure targets across the region, {{the company said|a:company}}.",
			status: parallax.AttributionSplit, kind: "scope",
			texts: []string{"energy and infrastructure", "energy infrastructure"},
		},
		{
			name:   "scope wording in the outlets' own voice is only wording",
			a:      "The truce covers strikes on energy and infrastructure targets across the region.",
			b:      "The truce covers strikes on energy infrastructure targets across the region.",
			status: parallax.Corroborated,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := pair(t, tt.a, tt.b)
			if len(b.Facts) != 1 {
				for _, f := range b.Facts {
					t.Logf("%s %s %+v", f.ID, f.Status, f.Claims)
				}
				t.Fatalf("%d facts, want 1", len(b.Facts))
			}
			f := b.Facts[0]
			var texts []string
			for _, v := range f.Variants {
				texts = append(texts, v.Text)
			}
			if f.Status != tt.status || f.Kind != tt.kind || !reflect.DeepEqual(texts, tt.texts) {
				t.Errorf("got %s %q %q, want %s %q %q", f.Status, f.Kind, texts, tt.status, tt.kind, tt.texts)
			}
			if (f.Status == parallax.Conflict || f.Status == parallax.AttributionSplit) != (b.Disputed != "") {
				t.Errorf("disputed paragraph %q for status %s", b.Disputed, f.Status)
			}
		})
	}
}

func TestFigureAcrossFacts(t *testing.T) {
	// Each call length sits in a sentence about something else, so the two
	// sentences belong to different facts; the length is still one figure.
	cast := []castMember{{key: "kremlin", typ: parallax.Government, forms: []string{"Kremlin"}}, {key: "black sea", typ: parallax.Place, forms: []string{"Black Sea"}}}
	b := Brief(buildAll(t, []fixture{
		{id: "a", source: "A", text: "Both presidents agreed to halt strikes on power plants and energy infrastructure during their {{90-minute|q:duration:minute:90:90}} phone call."},
		{id: "b", source: "B", text: "{{The Kremlin said|a:kremlin}} Moscow backed a maritime truce in the Black Sea and naval security talks after a {{two-and-a-half-hour|q:duration:minute:150:150}} phone call."},
		{id: "c", source: "C", text: "Both presidents agreed to halt strikes on power plants and energy infrastructure, a first step toward peace."},
		{id: "d", source: "D", text: "Moscow supported naval security talks and a maritime truce covering the Black Sea, officials said."},
	}, cast))
	f := factWith(t, b, "a", "90-minute", parallax.Conflict)
	var texts []string
	for _, v := range f.Variants {
		texts = append(texts, v.Text+"@"+strings.Join(v.Articles, ","))
	}
	if want := []string{"90-minute@a", "two-and-a-half-hour@b"}; !reflect.DeepEqual(texts, want) || f.Kind != "quantity" {
		t.Errorf("variants %q kind %q, want %q", texts, f.Kind, want)
	}
	if len(f.Claims) != 2 || f.ID != "f1" {
		t.Errorf("%s claims %+v", f.ID, f.Claims)
	}
	// The two facts the sentences belong to stay corroborated.
	factWith(t, b, "c", "halt strikes", parallax.Corroborated)
	factWith(t, b, "d", "maritime truce", parallax.Corroborated)
}

func TestOrderDoesNotMatter(t *testing.T) {
	docs := buildAll(t, fireCorpus, fireCast)
	want, _ := json.Marshal(Brief(docs))
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	got, _ := json.Marshal(Brief(rev))
	if string(got) != string(want) {
		t.Errorf("reversed input changed the brief")
	}
	again, _ := json.Marshal(Brief(docs))
	if string(again) != string(want) {
		t.Errorf("second run changed the brief")
	}
}

func TestEdgeInputs(t *testing.T) {
	tests := []struct {
		name string
		docs []*parallax.Document
	}{
		{"nil", nil},
		{"nil document", []*parallax.Document{nil}},
		{"no article", []*parallax.Document{{Text: "A fire broke out at the plant on Tuesday and burned for hours."}}},
		{"bad spans", []*parallax.Document{{
			Article:    &parallax.Article{ID: "x"},
			Text:       "Short text.",
			Sentences:  []parallax.Sentence{{Span: parallax.Span{Start: 0, End: 99}}},
			Entities:   []parallax.Entity{{Mentions: []parallax.Span{{Start: -4, End: 2}}}},
			Quantities: []parallax.Quantity{{Span: parallax.Span{Start: 5, End: 1}, Value: parallax.Interval{Lo: math.NaN(), Hi: 1}, Dimension: parallax.Count}},
			Quotes:     []parallax.Quote{{Speaker: 9, Span: parallax.Span{Start: 3, End: 400}}},
			Claims:     []parallax.Claim{{Span: parallax.Span{Start: 0, End: 11}, Entities: []int{0, 7}, Quantities: []int{0, 3}, Dates: []int{2}, AttributedTo: 5}},
		}}},
		{"duplicate ids", []*parallax.Document{
			{Article: &parallax.Article{ID: "same"}, Text: "One."},
			{Article: &parallax.Article{ID: "same"}, Text: "Two."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Brief(tt.docs)
			if b == nil || b.Facts == nil || b.Quotes == nil || b.Entities == nil || b.Wording == nil || b.Unique == nil || b.Timeline == nil || b.Summary == nil {
				t.Fatalf("brief has nil lists: %+v", b)
			}
			ids := map[string]bool{}
			for _, a := range b.Articles {
				if ids[a.ID] {
					t.Errorf("duplicate article id %s", a.ID)
				}
				ids[a.ID] = true
			}
		})
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
