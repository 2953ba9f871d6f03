package compiler

import (
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestLiteralText holds the syntax-tree reading of texts equal to
// evaluating them, and checks it leaves every other form to evaluation.
func TestLiteralText(t *testing.T) {
	tests := []struct {
		src     string
		literal bool
	}{
		{`"Как вы оцениваете?"`, true},
		{`"tab\tquote\" unicode \u00e9 e\u0301"`, true},
		{`""`, true},
		{`{ en = "Yes", ru = "Да" }`, true},
		{`{ "en" = "Yes", "ru" = "Да" }`, true},
		{`{ en = "first", en = "second" }`, true},
		{`{}`, true},
		{`{ (en) = "x" }`, false},
		{`{ en = 1 }`, false},
		{`{ en = "a${1}" }`, false},
		{`"a${"b"}c"`, false},
		{`"%{ if true }x%{ endif }"`, false},
		{"<<EOT\nline one\nline two\nEOT\n", true},
		{"<<-EOT\n    indented\n      more\n    EOT\n", true},
		{`1`, false},
		{`["en"]`, false},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e, diags := hclsyntax.ParseExpression([]byte(tt.src), "t.hcl", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			one, byLang, ok := literalText(e)
			if ok != tt.literal {
				t.Fatalf("literal = %v, want %v", ok, tt.literal)
			}
			if !ok {
				return
			}
			b := &builder{}
			wantOne, wantByLang, evalOK := b.evalText(&hcl.Attribute{Name: "text", Expr: e})
			if !evalOK || one != wantOne || !reflect.DeepEqual(byLang, wantByLang) {
				t.Errorf("literal (%q, %v), evaluated (%q, %v, %v)", one, byLang, wantOne, wantByLang, evalOK)
			}
		})
	}
}
