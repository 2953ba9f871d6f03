package answer_test

import (
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

// TestEndingAndScreenOut: a screen-out that holds ends the survey after
// its page, so the later required questions are not asked and an answer
// to one is refused as not shown; the ending reached is the screen-out's,
// else the first completion ending whose show_if holds (form.js chooses
// alike: TestBrowserEndings).
func TestEndingAndScreenOut(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/endings.hcl")
	for _, tc := range []struct {
		name    string
		answers map[string]any
		ending  string
		codes   []string // Validate's error codes
	}{
		{"promoter", map[string]any{"q_age": 30.0, "q_nps": 10.0}, "promoter", nil},
		{"complete", map[string]any{"q_age": 30.0, "q_nps": 3.0}, "complete", nil},
		{"no ending holds", map[string]any{"q_age": 30.0}, "", []string{"required"}},
		{"screened out", map[string]any{"q_age": 15.0}, "young", nil},
		{"screened out, answered on", map[string]any{"q_age": 15.0, "q_nps": 10.0}, "young", []string{"not_shown"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "en",
				Hidden: map[string]string{"rid": "p1"}, Answers: tc.answers}
			if got := answer.Ending(s, sub); got != tc.ending {
				t.Errorf("ending %q, want %q", got, tc.ending)
			}
			var codes []string
			for _, e := range answer.Validate(s, sub) {
				codes = append(codes, e.Code)
			}
			if len(codes) != len(tc.codes) || len(codes) > 0 && codes[0] != tc.codes[0] {
				t.Errorf("errors %v, want %v", codes, tc.codes)
			}
		})
	}
}
