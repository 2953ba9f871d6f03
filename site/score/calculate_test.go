package score_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/score"
)

// TestCalculationIndexes works calculate.hcl's indexes over its
// calculations by hand. chat_share = round(q_chat / q_total * 100) is
// 67, 25, 50 and 90 for the first four respondents and null for 0 of 0
// and for one who answered nothing; chat_heavy (> 50) is true, false,
// false, true and null twice.
func TestCalculationIndexes(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/calculate.hcl")
	answers := []string{
		`"q_total":12,"q_chat":8,"q_why":"queues"`,
		`"q_total":4,"q_chat":1`,
		`"q_total":10,"q_chat":5`,
		`"q_total":10,"q_chat":9,"q_why":"cost"`,
		`"q_total":0,"q_chat":0`,
		``,
	}
	var lines []string
	for i, a := range answers {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"calculate","version":"%s","lang":"en","submitted_at":"2025-05-0%dT10:00:00Z","answers":{%s}}`,
			i, s.Hash, i+1, a))
	}
	res, err := score.Compute(s, []string{ingestLines(t, s, lines, 2)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := res.Group("all")
	for _, c := range []struct {
		index  string
		value  float64
		n      float64
		reason string
	}{
		{"chat_mean", (67 + 25 + 50 + 90) / 4.0, 4, "the mean of the four shares"},
		{"heavy_share", 50, 4, "2 of 4 true"},
		{"heavy_100", 50, 4, "true 100, false 0"},
		{"heavy_sum", 0.5, 4, "true 1, false 0"},
		// heavy ? share / 10 : 0 is 6.7, 0, 0, 9 and 0 for both with a
		// null chat_heavy (a null condition is false).
		{"chat_points", (6.7 + 9) / 6, 6, "an expr formula reads both calculations"},
	} {
		ix := all.Indexes[c.index]
		if ix == nil {
			t.Errorf("%s: no value", c.index)
			continue
		}
		near(t, c.index+" ("+c.reason+")", ix.Value, c.value)
		near(t, c.index+" n", ix.N, c.n)
	}
	// Each calculation's figures, as a question's: the number's mean, the
	// shares of true and false, the text's count.
	share, heavy, size := all.Questions["chat_share"], all.Questions["chat_heavy"], all.Questions["size"]
	if share == nil || heavy == nil || size == nil || share.Mean == nil || len(heavy.Options) != 2 {
		t.Fatalf("calculation figures: %+v %+v %+v", share, heavy, size)
	}
	near(t, "chat_share valid", share.Valid, 4)
	near(t, "chat_share mean", *share.Mean, 58)
	near(t, "chat_heavy true", heavy.Options[0].Count, 2)
	near(t, "chat_heavy true share", heavy.Options[0].Share, 50)
	near(t, "chat_heavy false", heavy.Options[1].Count, 2)
	near(t, "size valid", size.Valid, 5) // "small" for 0 staff too
	if ix := s.Indexes[3]; ix.ID != "heavy_sum" || ix.Min != 0 || ix.Max != 1 {
		t.Errorf("%s range %v..%v, want 0..1", ix.ID, ix.Min, ix.Max)
	}
}

// TestCalculationChanged: a file ingested under a version whose
// calculation read otherwise holds its old values, so score refuses it,
// naming the calculation; ingested again with the old version as
// --previous, the column holds the new formula's values.
func TestCalculationChanged(t *testing.T) {
	old := testkit.Load(t, "../../render/form/testdata/calculate.hcl")
	src, err := os.ReadFile("../../render/form/testdata/calculate.hcl")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	changed := strings.Replace(string(src), "round(q_chat / q_total * 100)", "round(q_chat / q_total * 1000)", 1)
	if err := os.WriteFile(filepath.Join(dir, "calculate.hcl"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	cur := testkit.Load(t, filepath.Join(dir, "calculate.hcl"))
	var lines []string // five, the smallest group shown
	for i := range 5 {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-00000000000%d","survey":"calculate","version":"%s","lang":"en","answers":{"q_total":4,"q_chat":1}}`, i, old.Hash))
	}
	_, err = score.Compute(cur, []string{ingestLines(t, old, lines, 2)}, score.Options{})
	if err == nil || !strings.Contains(err.Error(), `The calculation "chat_share" is now`) || !strings.Contains(err.Error(), "--previous") {
		t.Fatalf("a file with the old formula's values: %v", err)
	}
	in := filepath.Join(dir, "in.ndjson")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(cur, []ingest.Input{{Path: in}}, data, ingest.Options{Previous: []*ir.Survey{old}}); err != nil {
		t.Fatal(err)
	}
	res, err := score.Compute(cur, []string{data}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ix := res.Group("all").Indexes["chat_mean"]; ix == nil {
		t.Error("no chat_mean")
	} else {
		near(t, "chat_mean under the new formula", ix.Value, 250) // 1 of 4 × 1000
	}
}
