package score_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/score"
)

// TestWeightedSum works a sum index by hand: six respondents, three with
// every item answered, three with one item missing (the scale's "don't
// know", unanswered, a missing option), who get no sum.
func TestWeightedSum(t *testing.T) {
	s := testkit.Load(t, "testdata/sum.hcl")
	answers := []string{
		`"q_a":5,"q_b":4,"q_m":{"r1":"yes"}`,       // 2·5 + 4 + 2 = 16; plain 9
		`"q_a":1,"q_b":1,"q_m":{"r1":"no"}`,        // 2·1 + 1 + 0 = 3; plain 2
		`"q_a":3,"q_b":5,"q_m":{"r1":"partly"}`,    // 2·3 + 5 + 1 = 12; plain 8
		`"q_a_na":true,"q_b":5,"q_m":{"r1":"yes"}`, // no q_a: neither
		`"q_a":4,"q_m":{"r1":"yes"}`,               // no q_b: neither
		`"q_a":2,"q_b":2,"q_m":{"r1":"na"}`,        // N/A row: no weighted; plain 4
	}
	var lines []string
	for i, a := range answers {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"sum","version":"%s","lang":"en","submitted_at":"2025-05-0%dT10:00:00Z","answers":{%s}}`,
			i, s.Hash, i+1, a))
	}
	res, err := score.Compute(s, []string{ingestLines(t, s, lines, 4)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := res.Group("all")
	w, p := all.Indexes["weighted"], all.Indexes["plain"]
	if w == nil || p == nil {
		t.Fatalf("indexes missing: %+v", all.Indexes)
	}
	near(t, "weighted sum", w.Value, 31.0/3)
	near(t, "weighted n", w.N, 3)
	near(t, "plain sum", p.Value, 23.0/4)
	near(t, "plain n", p.N, 4)
	if w.Level != "" {
		t.Errorf("a sum got a maturity level %q", w.Level)
	}
	// The range: 2·1 + 1 + 0 to 2·5 + 5 + 2.
	ix := s.Indexes[0]
	if ix.Min != 3 || ix.Max != 17 || strings.Join(ix.Items, " ") != "q_a q_b q_m.r1" {
		t.Errorf("index %+v", ix)
	}
}
