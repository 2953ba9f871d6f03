package codebook_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/largesurvey"
	"github.com/opros/opros/compiler/testkit"
)

func TestCodebookGolden(t *testing.T) {
	for name, path := range map[string]string{
		"nps-csat-ces":    "../../examples/nps-csat-ces",
		"every-construct": "../../testdata/surveys/every-construct.hcl",
		"cells":           "../../testdata/surveys/cells.hcl",
		"loop":            "../../render/form/testdata/loop.hcl", // a column per question per iteration
		"calculate":       "../../render/form/testdata/calculate.hcl",
	} {
		s, d := compiler.New().Load(path)
		if d.HasErrors() {
			t.Fatal(d.Error())
		}
		for _, lang := range s.Languages {
			var md, csv bytes.Buffer
			if err := codebook.WriteMarkdown(&md, s, lang); err != nil {
				t.Fatal(err)
			}
			if err := codebook.WriteCSV(&csv, s, lang); err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, "testdata/"+name+"."+lang+".md", md.Bytes())
			testkit.Golden(t, "testdata/"+name+"."+lang+".csv", csv.Bytes())
		}
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1": "'+1", "-2": "'-2", "@a": "'@a", "plain": "plain", "": "",
	} {
		if got := codebook.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExprString(t *testing.T) {
	src := strings.Replace(string(largesurvey.Source(3)), `show_if = q0 == "o1" || q0 == "o2"`, `show_if = !(q0 == "o1") && contains(["o2"], q0) || q0 != "o3"`, 1)
	s, d := compiler.New().LoadSource("x.hcl", []byte(src))
	if d.HasErrors() {
		t.Fatal(d.Error())
	}
	got := codebook.ExprString(s.Question("q1").ShowIf)
	want := `(!(q0 == "o1") && contains(["o2"], q0)) || (q0 != "o3")`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
