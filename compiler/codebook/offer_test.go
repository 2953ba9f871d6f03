package codebook_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/testkit"
)

// TestCodebookCarry: a carried option says where it comes from, an
// option with a show_if its condition (Markdown), and each such option's
// CSV row says in show_if when it is offered, so a filter gives its base
// (goldens carry.*).
func TestCodebookCarry(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/carry.hcl")
	for _, lang := range s.Languages {
		var md, csv bytes.Buffer
		if err := codebook.WriteMarkdown(&md, s, lang); err != nil {
			t.Fatal(err)
		}
		if err := codebook.WriteCSV(&csv, s, lang); err != nil {
			t.Fatal(err)
		}
		testkit.Golden(t, "testdata/carry."+lang+".md", md.Bytes())
		testkit.Golden(t, "testdata/carry."+lang+".csv", csv.Bytes())
		for _, want := range []string{"`phone` Phone (options from q_channels, chosen)", "`email` E-mail (options from q_channels, not chosen)",
			"(offered if !contains(q_channels, \"email\"))", "(offered if segment == \"bank\")"} {
			if lang == "en" && !strings.Contains(md.String(), want) {
				t.Errorf("the codebook lacks %s", want)
			}
		}
	}
}
