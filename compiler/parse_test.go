package compiler

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/opros/opros/compiler/ir"
)

// compileWith compiles src parsed by parse and returns survey.json (with
// source ranges) or the printed diagnostics.
func compileWith(t *testing.T, src []byte, parse func(string, []byte) (*hcl.File, hcl.Diagnostics)) string {
	t.Helper()
	f, diags := parse("large.hcl", src)
	if !diags.HasErrors() {
		var s *ir.Survey
		s, diags = compileFiles([]*hcl.File{f}, false)
		if !diags.HasErrors() {
			out, err := ir.MarshalSurvey(s)
			if err != nil {
				t.Fatal(err)
			}
			return string(out)
		}
	}
	var buf bytes.Buffer
	wr := hcl.NewDiagnosticTextWriter(&buf, map[string]*hcl.File{"large.hcl": {Bytes: src}}, 100, false)
	wr.WriteDiagnostics(diags)
	return buf.String()
}

func wholeFile(name string, src []byte) (*hcl.File, hcl.Diagnostics) {
	return hclsyntax.ParseConfig(src, name, hcl.InitialPos)
}

// TestParseInPieces checks that cutting a large file and parsing the
// pieces concurrently gives exactly what parsing it whole gives: the same
// IR with the same source ranges, or the same diagnostics.
func TestParseInPieces(t *testing.T) {
	large := GenerateLargeSurvey(1000)
	if len(cutPoints(large, 2)) < 2 {
		t.Fatal("the 1,000-question survey is not cut: the test would prove nothing")
	}
	mid := bytes.Index(large[len(large)/2:], []byte("\n}\n")) + len(large)/2 + 3
	// insert puts text in the middle of the survey; the text is large
	// enough that a cut must fall inside it.
	insert := func(t *testing.T, text string) []byte {
		src := append(append(append([]byte{}, large[:mid]...), text...), large[mid:]...)
		for _, c := range cutPoints(src, 2) {
			if c > mid && c < mid+len(text) {
				return src
			}
		}
		t.Fatal("no cut falls inside the inserted text")
		return nil
	}
	// Text that looks like the end of one block and the start of the next
	// every few kilobytes, as a cut wants, inside a heredoc or comment.
	tricky := strings.Repeat(strings.Repeat("x", 4000)+"\n}\npage \"c\" {\n", 60)
	cases := map[string]func(t *testing.T) []byte{
		"large": func(*testing.T) []byte { return large },
		// Heredoc and comment text with "}" lines where cuts fall.
		"heredoc": func(t *testing.T) []byte {
			return insert(t, "hidden \"notes\" {\n  label = <<EOT\n"+tricky+"EOT\n}\n")
		},
		"comment": func(t *testing.T) []byte { return insert(t, "/*\n"+tricky+"*/\n") },
		"syntax error late": func(*testing.T) []byte {
			return append(append([]byte{}, large...), "\npage \"broken\" {\n  title = \n}\n"...)
		},
		"unknown block late": func(*testing.T) []byte {
			return append(append([]byte{}, large...), "\nsection \"s\" {\n}\n"...)
		},
		"duplicate id across pieces": func(*testing.T) []byte {
			return append(append([]byte{}, large...), "\nhidden \"company\" {}\n"...)
		},
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			src := make(t)
			got, want := compileWith(t, src, parseFile), compileWith(t, src, wholeFile)
			if got != want {
				t.Errorf("parsed in pieces:\n%.600s\nparsed whole:\n%.600s", got, want)
			}
		})
	}
}

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
