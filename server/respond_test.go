package server

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestNeedsHTMLEscape(t *testing.T) {
	for _, s := range []string{"", "plain", `{"a":"b"}`, "caf\u00e9 \u2027 \u202a", "\xe2\x80"} {
		var b bytes.Buffer
		json.HTMLEscape(&b, []byte(s))
		if needsHTMLEscape([]byte(s)) != (b.String() != s) {
			t.Errorf("needsHTMLEscape(%q) = %v, HTMLEscape changes it: %v", s, needsHTMLEscape([]byte(s)), b.String() != s)
		}
	}
	for _, s := range []string{"<", "a>b", "&amp;", "line\u2028sep", "para\u2029sep"} {
		if !needsHTMLEscape([]byte(s)) {
			t.Errorf("needsHTMLEscape(%q) = false", s)
		}
	}
}
