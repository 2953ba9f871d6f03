package simulate_test

import (
	"bytes"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/simulate"
)

// TestSimulateCalculation: a follow-up shown by a calculate block's value
// is answered by the simulated respondents it is shown to (the share of
// staff in chat over 50), and every simulated answer is valid.
func TestSimulateCalculation(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/calculate.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 300, Seed: 5}, &buf); err != nil {
		t.Fatal(err)
	}
	why := 0
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		sub, err := answer.DecodeJSON(line)
		if err != nil {
			t.Fatal(err)
		}
		if errs := answer.Validate(s, sub); len(errs) > 0 {
			t.Fatalf("%v of %s", errs, line)
		}
		if _, ok := sub.Answers["q_why"]; ok {
			why++
		}
	}
	if why == 0 {
		t.Error("no simulated respondent answered the follow-up its calculation shows")
	}
	t.Logf("%d of 300 answered the follow-up", why)
}
