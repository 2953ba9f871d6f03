package score_test

import (
	"fmt"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/score"
)

// TestBoxItems works by hand each index a box or a boolean may be an item
// of, over three respondents:
//
//	q_n (0..10): a 2, 6, 10; b 4, 8, 0
//	q_s (total 100): a 50, 20, 80; b 30, 20, 10; c 20, 60, 10
//	q_r: a ranked 1, 2, 1
//	q_b: yes, no, yes
//
// mean q_n.a = 6; the mean rank of q_r.a = 4/3 (range 1..3); mean q_s.a =
// 50 (range 0..100); mean_100 of q_s.a (0..100) and q_n.a (0..10) = the
// mean of (50+20)/2, (20+60)/2, (80+100)/2 = 55; sum q_s.a + q_s.b = the
// mean of 80, 40, 90 = 70 (range 0..200); the share of q_b = 2/3; expr
// q_n.a + q_n.b = the mean of 6, 14, 10 = 10.
func TestBoxItems(t *testing.T) {
	s := testkit.Load(t, "testdata/box_items.hcl")
	answers := []string{
		`"q_n_a":2,"q_n_b":4,"q_s_a":50,"q_s_b":30,"q_s_c":20,"q_r_a":1,"q_r_b":2,"q_r_c":3,"q_b":true`,
		`"q_n_a":6,"q_n_b":8,"q_s_a":20,"q_s_b":20,"q_s_c":60,"q_r_a":2,"q_r_b":1,"q_r_c":3,"q_b":false`,
		`"q_n_a":10,"q_n_b":0,"q_s_a":80,"q_s_b":10,"q_s_c":10,"q_r_a":1,"q_r_b":3,"q_r_c":2,"q_b":true`,
	}
	var lines []string
	for i, a := range answers {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"box_items","version":"%s","lang":"en","submitted_at":"2025-05-0%dT10:00:00Z","answers":{%s}}`,
			i, s.Hash, i+1, a))
	}
	res, err := score.Compute(s, []string{ingestLines(t, s, lines, 2)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := res.Group("all")
	for id, want := range map[string]float64{"day_agents": 6, "rank_a": 4.0 / 3, "phone_share": 50, "phone_day": 55, "live": 70, "bot": 200.0 / 3, "agents": 10} {
		f := all.Indexes[id]
		if f == nil {
			t.Errorf("%s: no figure", id)
			continue
		}
		near(t, id, f.Value, want)
	}
	for id, want := range map[string][2]float64{"day_agents": {0, 10}, "rank_a": {1, 3}, "phone_share": {0, 100}, "phone_day": {0, 100}, "live": {0, 200}, "bot": {0, 100}, "agents": {0, 20}} {
		for _, ix := range s.Indexes {
			if ix.ID == id && (ix.Min != want[0] || ix.Max != want[1]) {
				t.Errorf("%s: range %v..%v, want %v..%v", id, ix.Min, ix.Max, want[0], want[1])
			}
		}
	}
}
