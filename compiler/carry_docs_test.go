package compiler_test

import (
	"os"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
)

// TestDocCarryExample compiles the example of carry forward and option
// conditions in docs/language.md, on a page of a survey with the hidden
// field it reads: the reference must show what the compiler takes.
func TestDocCarryExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, found := strings.Cut(string(doc), "<!-- example: TestDocCarryExample -->\n```hcl\n")
	example, _, closed := strings.Cut(rest, "```\n")
	if !found || !closed {
		t.Fatal("docs/language.md has no carry forward example")
	}
	src := "survey \"d\" {\n  title = \"D\"\n  endpoint {\n    url = \"https://example.org/c\"\n  }\n}\nhidden \"segment\" {}\npage \"p\" {\n" + example + "}\n"
	s, d := compiler.New().LoadSource("doc.hcl", []byte(src))
	if d.HasErrors() {
		t.Fatal(d.Error())
	}
	best, try := s.Question("q_best"), s.Question("q_try")
	if len(best.Options) != 4 || !best.Options[0].Carried || best.Options[3].Code != "unsure" || best.Options[3].Carried {
		t.Errorf("q_best's options %+v", best.Options)
	}
	if try.OptionsFrom == nil || try.OptionsFrom.Take != "not_chosen" || try.Option("branch").ShowIf == nil {
		t.Errorf("q_try %+v", try)
	}
}
