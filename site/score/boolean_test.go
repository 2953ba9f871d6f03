package score_test

import (
	"fmt"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/score"
)

// TestBoolean works a boolean question's statistics and indexes by hand:
// yes counts 1 and no 0, so mean_100 of one item is the share of yes,
// sum counts the yeses, and an expr index averages a condition.
func TestBoolean(t *testing.T) {
	s := testkit.Load(t, "testdata/boolean.hcl")
	answers := []string{
		`"q_cc":true,"q_out":true`,
		`"q_cc":true,"q_out":false`,
		`"q_cc":true`,
		`"q_cc":false,"q_out":false`,
		`"q_out":true`,
	}
	var lines []string
	for i, a := range answers {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"boolean","version":"%s","lang":"en","submitted_at":"2025-05-0%dT10:00:00Z","answers":{%s}}`,
			i, s.Hash, i+1, a))
	}
	res, err := score.Compute(s, []string{ingestLines(t, s, lines, 2)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := res.Group("all")
	cc := all.Questions["q_cc"]
	if cc == nil || len(cc.Options) != 2 || cc.Options[0].Code != "true" || cc.Options[1].Code != "false" {
		t.Fatalf("q_cc: %+v", cc)
	}
	near(t, "q_cc valid", cc.Valid, 4)
	near(t, "q_cc yes", cc.Options[0].Count, 3)
	near(t, "q_cc yes share", cc.Options[0].Share, 75)
	near(t, "q_cc no", cc.Options[1].Count, 1)
	if !(cc.Options[0].Low < 75 && cc.Options[0].High > 75) {
		t.Errorf("q_cc yes interval %v..%v", cc.Options[0].Low, cc.Options[0].High)
	}
	near(t, "cc_share", all.Indexes["cc_share"].Value, 75)
	near(t, "yes_count", all.Indexes["yes_count"].Value, 3.0/3) // both answered: 2, 1, 0
	near(t, "yes_count n", all.Indexes["yes_count"].N, 3)
	near(t, "both", all.Indexes["both"].Value, 20) // a condition: its share, ×100
	if ix := s.Indexes[1]; ix.Min != 0 || ix.Max != 2 {
		t.Errorf("sum range %v..%v, want 0..2", ix.Min, ix.Max)
	}
}

// TestInputs works an inputs question's boxes by hand: each box is a
// number column of its own with its mean and interval, and an empty box
// is not counted.
func TestInputs(t *testing.T) {
	s := testkit.Load(t, "testdata/inputs.hcl")
	answers := []string{
		`"q_agents_voice":10,"q_agents_chat":2`,
		`"q_agents_voice":20,"q_agents_chat":4`,
		`"q_agents_voice":30`,
	}
	var lines []string
	for i, a := range answers {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"inputs","version":"%s","lang":"en","submitted_at":"2025-05-0%dT10:00:00Z","answers":{%s}}`,
			i, s.Hash, i+1, a))
	}
	res, err := score.Compute(s, []string{ingestLines(t, s, lines, 2)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	qs := res.Group("all").Questions["q_agents"]
	if qs == nil || len(qs.Items) != 2 || qs.Items[0].Code != "voice" || qs.Items[1].Code != "chat" {
		t.Fatalf("q_agents: %+v", qs)
	}
	voice, chat := qs.Items[0], qs.Items[1]
	near(t, "voice valid", voice.Valid, 3)
	near(t, "voice mean", *voice.Mean, 20)
	near(t, "voice sd", *voice.SD, 10)
	near(t, "chat valid", chat.Valid, 2)
	near(t, "chat mean", *chat.Mean, 3)
	if voice.MeanLow == nil || !(*voice.MeanLow < 20 && *voice.MeanHigh > 20) {
		t.Errorf("voice interval %v %v", voice.MeanLow, voice.MeanHigh)
	}
}

// TestRanking works a ranking by hand: each item's mean rank, and the
// share of respondents who ranked it first with its Wilson interval.
func TestRanking(t *testing.T) {
	s := testkit.Load(t, "testdata/ranking.hcl")
	answers := []string{
		`"q_r_a":1,"q_r_b":2,"q_r_c":3`,
		`"q_r_b":1,"q_r_a":2,"q_r_c":3`,
		`"q_r_a":1,"q_r_c":2,"q_r_b":3`,
	}
	var lines []string
	for i, a := range answers {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"ranking","version":"%s","lang":"en","submitted_at":"2025-05-0%dT10:00:00Z","answers":{%s}}`,
			i, s.Hash, i+1, a))
	}
	res, err := score.Compute(s, []string{ingestLines(t, s, lines, 2)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	qs := res.Group("all").Questions["q_r"]
	if qs == nil || len(qs.Items) != 3 {
		t.Fatalf("q_r: %+v", qs)
	}
	a, b, c := qs.Items[0], qs.Items[1], qs.Items[2]
	near(t, "a mean rank", *a.Mean, 4.0/3)
	near(t, "b mean rank", *b.Mean, 2)
	near(t, "c mean rank", *c.Mean, 8.0/3)
	near(t, "a first", a.First, 200.0/3)
	near(t, "b first", b.First, 100.0/3)
	near(t, "c first", c.First, 0)
	if !(a.FirstLow < a.First && a.FirstHigh > a.First) || !(c.FirstHigh > 0) {
		t.Errorf("intervals a %v..%v, c %v..%v", a.FirstLow, a.FirstHigh, c.FirstLow, c.FirstHigh)
	}
	// The order column ("a b c", …) is the ranks again, not an open
	// answer: no verbatims.
	if v := res.Group("all").Verbatims; len(v["q_r"]) > 0 {
		t.Errorf("the ranking's order is kept as open answers: %v", v["q_r"])
	}
}
