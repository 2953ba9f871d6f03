package compiler_test

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
)

// TestFlow: the survey's flow block, and the defaults without it: a review
// step and a step counter when there is more than one page.
func TestFlow(t *testing.T) {
	onePage := "page \"p\" {\n  question \"q\" {\n    type = \"nps\"\n    text = \"Recommend?\"\n  }\n}\n"
	twoPages := onePage + "page \"p2\" {\n  question \"q2\" {\n    type = \"text\"\n    text = \"Why?\"\n  }\n}\n"
	for _, tc := range []struct {
		name, block, pages     string
		review, progress       bool
		problem, problemDetail string
	}{
		{"one page", ``, onePage, false, false, "", ""},
		{"two pages", ``, twoPages, true, true, "", ""},
		{"empty block", `flow {}`, twoPages, true, true, "", ""},
		{"no review", "flow {\n    review = false\n  }", twoPages, false, true, "", ""},
		{"no counter", "flow {\n    progress = false\n  }", twoPages, true, false, "", ""},
		{"review on one page", "flow {\n    review = true\n    progress = true\n  }", onePage, true, true, "", ""},
		{"not a bool", "flow {\n    review = \"no\"\n  }", onePage, false, false, "", "true or false"},
		{"unknown setting", "flow {\n    reveiw = false\n  }", onePage, false, false, "Unsupported argument", ""},
		{"twice", "flow {}\n  flow {}", onePage, false, false, "Duplicate Block", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "survey \"u\" {\n  title = \"U\"\n  endpoint {\n    url = \"https://example.org/c\"\n  }\n  " + tc.block + "\n}\n" + tc.pages
			s, diags := compiler.New().LoadSource("u.hcl", []byte(src))
			if tc.problem != "" || tc.problemDetail != "" {
				if !diags.HasErrors() || !strings.Contains(diags.Error(), tc.problem) || !strings.Contains(diags.Error(), tc.problemDetail) {
					t.Fatalf("want %q %q, got %v", tc.problem, tc.problemDetail, diags)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if s.ReviewStep() != tc.review || s.ProgressShown() != tc.progress {
				t.Errorf("review %v, progress %v; want %v, %v", s.ReviewStep(), s.ProgressShown(), tc.review, tc.progress)
			}
		})
	}
}
