package score_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/score"
)

// TestEndingCounts: the respondents are counted by wave and the ending
// they reached, in the survey's order of endings, screen-outs included.
func TestEndingCounts(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/endings.hcl")
	answers := []string{`"q_age":30,"q_nps":10`, `"q_age":40,"q_nps":3`, `"q_age":15`, `"q_age":16`, `"q_age":50,"q_nps":9`}
	var lines []string
	for i, a := range answers {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"endings","version":"%s","lang":"en","submitted_at":"2025-05-0%dT10:00:00Z","answers":{%s}}`,
			i, s.Hash, i+1, a))
	}
	res, err := score.Compute(s, []string{ingestLines(t, s, lines, 2)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []score.EndingCount{{Wave: 2025, Ending: "promoter", N: 2}, {Wave: 2025, Ending: "complete", N: 1}, {Wave: 2025, Ending: "young", N: 2}}
	if !reflect.DeepEqual(res.Endings, want) {
		t.Errorf("endings %+v\nwant %+v", res.Endings, want)
	}
}
