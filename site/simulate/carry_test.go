package simulate_test

import (
	"testing"
)

// TestSimulateCarry: simulated respondents choose only among the options
// they are offered (carried from q_channels, chosen or not, and options
// whose show_if holds), so every answer is valid; the carrying questions
// are answered, with carried options and own ones, and q_try is skipped
// by those who chose every channel.
func TestSimulateCarry(t *testing.T) {
	_, subs := validSimulated(t, "../../render/form/testdata/carry.hcl", 400, 7)
	seen := map[string]int{}
	for _, sub := range subs {
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
