package simulate_test

import (
	"bytes"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/simulate"
)

// TestSimulateCarry: simulated respondents choose only among the options
// they are offered (carried from q_channels, chosen or not, and options
// whose show_if holds), so every answer is valid; the carrying questions
// are answered, with carried options and own ones, and q_try is skipped
// by those who chose every channel.
func TestSimulateCarry(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/carry.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 400, Seed: 7}, &buf); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		sub, err := answer.DecodeJSON(line)
		if err != nil {
			t.Fatal(err)
		}
		if errs := answer.Validate(s, sub); len(errs) > 0 {
			t.Fatalf("%v of %s", errs, line)
		}
		for _, q := range []string{"q_best", "q_main"} {
			if c, ok := sub.Answers[q].(string); ok {
				seen[q+"="+c]++
			}
		}
		if try, ok := sub.Answers["q_try"].([]string); ok {
			for _, c := range try {
				seen["q_try="+c]++
			}
		}
	}
	for _, want := range []string{"q_best=phone", "q_best=unsure", "q_try=email", "q_try=video", "q_main=chat"} {
		if seen[want] < 5 {
			t.Errorf("%s chosen %d times of 400: %v", want, seen[want], seen)
		}
	}
}
