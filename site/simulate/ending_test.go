package simulate_test

import (
	"bytes"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/simulate"
)

// TestSimulateScreenOut: a simulated respondent screened out answers no
// later question, so every simulated answer is valid, and both the
// screen-out and the completion endings are reached.
func TestSimulateScreenOut(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/endings.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 400, Seed: 3}, &buf); err != nil {
		t.Fatal(err)
	}
	endings := map[string]int{}
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		sub, err := answer.DecodeJSON(line)
		if err != nil {
			t.Fatal(err)
		}
		if errs := answer.Validate(s, sub); len(errs) > 0 {
			t.Fatalf("%v of %s", errs, line)
		}
		endings[answer.Ending(s, sub)]++
	}
	if endings["young"] == 0 || endings["promoter"] == 0 || endings["complete"] == 0 {
		t.Errorf("endings reached %v, want each", endings)
	}
}

// TestSimulateRules: simulated answers keep to the survey's validate
// rules (staff in chat no more than the total), as a respondent stopped by
// the form would, and every one is valid.
func TestSimulateRules(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/rules.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 300, Seed: 4}, &buf); err != nil {
		t.Fatal(err)
	}
	chat := 0
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		sub, err := answer.DecodeJSON(line)
		if err != nil {
			t.Fatal(err)
		}
		if errs := answer.Validate(s, sub); len(errs) > 0 {
			t.Fatalf("%v of %s", errs, line)
		}
		if _, ok := sub.Answers["q_chat"]; ok {
			chat++
		}
	}
	if chat < 100 {
		t.Errorf("%d of 300 answered q_chat: the rule left too many unanswered", chat)
	}
}
