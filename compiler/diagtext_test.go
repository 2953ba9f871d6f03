package compiler

import (
	"bytes"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestWriteDiagnostics pins the printed form of a diagnostic: file, line,
// column and the blocks around it; the source lines; carets under the
// range, counted in characters (Cyrillic, a combining mark) and keeping
// tabs; long ranges cut; the detail wrapped.
func TestWriteDiagnostics(t *testing.T) {
	src := []byte("page \"p\" {\n\tquestion \"q\" {\n\t\ttext = \"Вопрос\u0308\" # ё\n\t\tmissing = {\n\t\t  a = 1\n\n\t\t  b = 2\n\t\t  c = 3\n\t\t}\n\t}\n}\n")
	f, diags := hclsyntax.ParseConfig(src, "s.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	body := f.Body.(*hclsyntax.Body)
	q := body.Blocks[0].Body.Blocks[0]
	text := q.Body.Attributes["text"].Expr.Range()
	obj := q.Body.Attributes["missing"].Expr.Range()
	long := "This detail is long enough to be wrapped: " + string(bytes.Repeat([]byte("слово "), 20)) + "end."
	in := hcl.Diagnostics{
		{Severity: hcl.DiagError, Summary: "Text Here", Detail: "Under the text.", Subject: &text},
		{Severity: hcl.DiagWarning, Summary: "Object Here", Detail: long, Subject: &obj},
		{Severity: hcl.DiagError, Summary: "No Range", Detail: "Nothing to show."},
		{Severity: hcl.DiagError, Summary: "Empty Range", Subject: &hcl.Range{Filename: "s.hcl", Start: obj.End, End: obj.End}},
		{Severity: hcl.DiagError, Summary: "Unknown File", Subject: &hcl.Range{Filename: "gone.hcl", Start: hcl.InitialPos, End: hcl.InitialPos}},
	}
	var out bytes.Buffer
	if err := WriteDiagnostics(&out, map[string]*hcl.File{"s.hcl": f}, in, "en"); err != nil {
		t.Fatal(err)
	}
	want := "Error: Text Here\n\n" +
		"  on s.hcl line 3, column 10, in page \"p\", question \"q\":\n" +
		"  3: \t\ttext = \"Вопрос\u0308\" # ё\n" +
		"     \t\t       ^^^^^^^^\n\n" +
		"Under the text.\n\n" +
		"Warning: Object Here\n\n" +
		"  on s.hcl line 4, column 13, in page \"p\", question \"q\":\n" +
		"  4: \t\tmissing = {\n" +
		"     \t\t          ^\n" +
		"  5: \t\t  a = 1\n" +
		"     \t\t  ^^^^^\n" +
		"  6: \n" +
		"  7: \t\t  b = 2\n" +
		"     \t\t  ^^^^^\n" +
		"     …\n\n" +
		"This detail is long enough to be wrapped: слово слово слово слово слово слово слово слово слово\n" +
		"слово слово слово слово слово слово слово слово слово слово слово end.\n\n" +
		"Error: No Range\n\n" +
		"Nothing to show.\n\n" +
		"Error: Empty Range\n\n" +
		"  on s.hcl line 9, column 4, in page \"p\", question \"q\":\n" +
		"  9: \t\t}\n" +
		"     \t\t ^\n\n" +
		"Error: Unknown File\n\n" +
		"  on gone.hcl line 1, column 1:\n  (source code not available)\n\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
