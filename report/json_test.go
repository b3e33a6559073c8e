package report

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/parallax-news/parallax"
)

// compileFile compiles a schema from its file in the package directory, the
// way an outside consumer of the published schema would.
func compileFile(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	s, err := jsonschema.NewCompiler().Compile(path)
	if err != nil {
		t.Fatalf("compile %s: %v", path, err)
	}
	return s
}

func validateWith(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, data)
	}
	return s.Validate(inst)
}

func renderJSON(t *testing.T, b *parallax.Brief) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := JSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestJSONValidatesAgainstSchemaFile(t *testing.T) {
	s := compileFile(t, "schema/brief.schema.json")
	b := fixtureBrief(fixtureDocs())
	data := renderJSON(t, b)
	if err := validateWith(t, s, data); err != nil {
		t.Fatalf("fixture brief does not match the schema: %v", err)
	}
	if err := ValidateBrief(data); err != nil {
		t.Fatalf("ValidateBrief: %v", err)
	}
	// Round trip: the contract loses nothing the Brief holds (nil and empty
	// slices compare equal after normalization).
	var back parallax.Brief
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(parallax.NormalizedBrief(b), parallax.NormalizedBrief(&back)) {
		t.Errorf("round trip changed the brief")
	}
}

func TestJSONShape(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	var m map[string]any
	if err := json.Unmarshal(renderJSON(t, b), &m); err != nil {
		t.Fatal(err)
	}
	facts := m["facts"].([]any)
	f2 := facts[1].(map[string]any)
	v0 := f2["variants"].([]any)[0].(map[string]any)
	val := v0["value"].(map[string]any)
	if _, has := val["hi"]; has {
		t.Errorf("unbounded variant has hi = %v, want it absent", val["hi"])
	}
	if val["lo"] != 120.0 || val["unit"] != "minute" || val["qualifier"] != "more_than" {
		t.Errorf("variant value = %v", val)
	}
	v2 := f2["variants"].([]any)[2].(map[string]any)
	if at, ok := v2["attributed_to"].([]any); !ok || len(at) != 0 {
		t.Errorf("nil attributed_to written as %#v, want []", v2["attributed_to"])
	}
	c0 := f2["claims"].([]any)[0].(map[string]any)
	if sp := c0["span"].([]any); len(sp) != 2 {
		t.Errorf("span = %v", sp)
	}
	if _, has := facts[0].(map[string]any)["variants"]; has {
		t.Errorf("corroborated fact has variants")
	}
	jeddah := m["entities"].([]any)[6].(map[string]any)
	if a, ok := jeddah["aliases"].([]any); !ok || len(a) != 0 {
		t.Errorf("nil aliases written as %#v, want []", jeddah["aliases"])
	}
}

func TestJSONEmptyBrief(t *testing.T) {
	data := renderJSON(t, &parallax.Brief{})
	for _, k := range []string{"articles", "facts", "quotes", "entities", "wording", "unique", "timeline", "summary"} {
		if !bytes.Contains(data, []byte(`"`+k+`": []`)) {
			t.Errorf("%s not written as []:\n%s", k, data)
		}
	}
	if bytes.Contains(data, []byte("null")) {
		t.Errorf("null in output:\n%s", data)
	}
	if err := ValidateBrief(data); err != nil {
		t.Errorf("empty brief: %v", err)
	}
}

func TestJSONDoesNotMutate(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	b.Facts[1].Variants[2].AttributedTo = nil
	b.Entities[6].Aliases = nil
	inf := math.Inf(1)
	b.Facts[1].Variants[0].Value.Hi = &inf
	b.Timeline[0].Articles = nil
	before := fixtureBrief(fixtureDocs())
	before.Facts[1].Variants[0].Value.Hi = &inf
	before.Timeline[0].Articles = nil
	renderJSON(t, b)
	if b.Facts[1].Variants[2].AttributedTo != nil || b.Entities[6].Aliases != nil || b.Timeline[0].Articles != nil {
		t.Fatal("JSON replaced nil slices in the caller's brief")
	}
	if b.Facts[1].Variants[0].Value.Hi != &inf {
		t.Fatal("JSON changed the caller's variant value")
	}
	if !reflect.DeepEqual(b, before) {
		t.Fatal("JSON changed the caller's brief")
	}
}

func TestJSONInfiniteHi(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	inf := math.Inf(1)
	b.Facts[1].Variants[0].Value.Hi = &inf
	data := renderJSON(t, b)
	if err := ValidateBrief(data); err != nil {
		t.Fatal(err)
	}
}

// TestBriefSchemaRejects checks that the schema and ValidateBrief catch
// each kind of broken brief, and name what is wrong.
func TestBriefSchemaRejects(t *testing.T) {
	file := compileFile(t, "schema/brief.schema.json")
	tests := []struct {
		name   string
		mutate func(b *parallax.Brief)
		raw    func(s string) string // edits the JSON text instead
		want   string                // in the error
		schema bool                  // the schema alone must reject it
	}{
		{name: "bad status", mutate: func(b *parallax.Brief) { b.Facts[0].Status = "probable" }, want: "status", schema: true},
		{name: "conflict without variants", mutate: func(b *parallax.Brief) { b.Facts[1].Variants = nil }, want: "variants", schema: true},
		{name: "attribution split with one variant", mutate: func(b *parallax.Brief) { b.Facts[2].Variants = b.Facts[2].Variants[:1] }, want: "minItems", schema: true},
		{name: "bad quote kind", mutate: func(b *parallax.Brief) { b.Quotes[0].Kind = "paraphrase" }, want: "kind", schema: true},
		{name: "bad granularity", mutate: func(b *parallax.Brief) { b.Timeline[0].Granularity = "quarter" }, want: "granularity", schema: true},
		{name: "date not matching granularity", mutate: func(b *parallax.Brief) { b.Timeline[1].Date = "2025-03" }, want: "date", schema: true},
		{name: "date not ISO", mutate: func(b *parallax.Brief) { b.Timeline[1].Date = "March 18, 2025" }, want: "date", schema: true},
		{name: "bad published", mutate: func(b *parallax.Brief) { b.Articles[0].Published = "Tuesday" }, want: "published", schema: true},
		{name: "article without path or url", mutate: func(b *parallax.Brief) { b.Articles[3].Path = "" }, want: "anyOf", schema: true},
		{name: "bad entity type", mutate: func(b *parallax.Brief) { b.Entities[0].Type = "celebrity" }, want: "type", schema: true},
		{name: "bad fact kind", mutate: func(b *parallax.Brief) { b.Facts[1].Kind = "number" }, want: "kind", schema: true},
		{name: "unknown field", raw: func(s string) string { return strings.Replace(s, `"id": "f1"`, `"id": "f1", "score": 0.9`, 1) }, want: "score", schema: true},
		{name: "null array", raw: func(s string) string { return strings.Replace(s, `"quotes": [`, `"quotes": null, "x": [`, 1) }, want: "quotes", schema: true},
		{name: "span of three", raw: func(s string) string { return strings.Replace(s, `"span": [`, `"span": [1,`, 1) }, want: "span", schema: true},
		{name: "dangling article", mutate: func(b *parallax.Brief) { b.Facts[0].Claims[0].Article = "nowhere" }, want: "nowhere"},
		{name: "dangling variant article", mutate: func(b *parallax.Brief) { b.Facts[1].Variants[0].Articles = []string{"gone"} }, want: "gone"},
		{name: "duplicate article id", mutate: func(b *parallax.Brief) { b.Articles[1].ID = "coastal-1" }, want: "duplicate"},
		{name: "backwards span", mutate: func(b *parallax.Brief) { b.Quotes[0].Span = parallax.Span{Start: 9, End: 3} }, want: "backwards"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := fixtureBrief(fixtureDocs())
			if tt.mutate != nil {
				tt.mutate(b)
			}
			data := renderJSON(t, b)
			if tt.raw != nil {
				edited := tt.raw(string(data))
				if edited == string(data) {
					t.Fatal("edit did not apply")
				}
				data = []byte(edited)
			}
			err := ValidateBrief(data)
			if err == nil {
				t.Fatal("ValidateBrief accepted a broken brief")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error does not mention %q: %v", tt.want, err)
			}
			if tt.schema {
				if err := validateWith(t, file, data); err == nil {
					t.Error("schema file accepted a broken brief")
				}
			}
		})
	}
}

// TestSchemaFiles guards the published files: they must parse
// and name draft 2020-12.
func TestSchemaFiles(t *testing.T) {
	for _, p := range []string{briefSchemaPath, annotationSchemaPath} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if m["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema = %v", p, m["$schema"])
		}
		compileFile(t, p)
	}
}

func TestJSONScopeAndOptionalFields(t *testing.T) {
	b := fixtureBrief(fixtureDocs())
	b.Facts = append(b.Facts, parallax.Fact{
		ID: "f8", Status: parallax.Conflict, Kind: "scope",
		Statement: "The pause covers energy infrastructure.",
		Claims:    []parallax.ClaimRef{b.Facts[0].Claims[0], b.Facts[0].Claims[1]},
		Variants: []parallax.Variant{
			{Text: "energy infrastructure", Value: parallax.VariantValue{Term: "energy infrastructure"}, Articles: []string{"coastal-1"}},
			{Text: "energy and infrastructure targets", Value: parallax.VariantValue{Term: "energy and infrastructure"}, Articles: []string{"herald-7"}},
		},
		Outlets: 2, Independent: 2, PrimarySources: 2,
	})
	b.Articles[1].Published = "" // unknown publication time is left out
	b.Disputed = ""
	b.Problems = nil
	data := renderJSON(t, b)
	if err := ValidateBrief(data); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(`"problems"`)) || bytes.Contains(data, []byte(`"disputed"`)) {
		t.Error("empty optional fields written")
	}
	var buf bytes.Buffer
	if err := Text(&buf, b, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `• "energy and infrastructure targets" — energy and infrastructure — [2] Valley Herald`) {
		t.Errorf("scope variant:\n%s", buf.String())
	}
}
