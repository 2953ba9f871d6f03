package score_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/score"
)

// cellLines is one submission per entry: its company, year and answers.
func cellLines(s *ir.Survey, subs [][3]string) []string {
	var lines []string
	for i, r := range subs {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"cells","version":"%s","lang":"en","hidden":{"company":%q},"submitted_at":"%s-05-01T10:00:00Z","answers":{%s}}`,
			i, s.Hash, r[0], r[1], r[2]))
	}
	return lines
}

// publishedCells is the results JSON as written (--json), read as plain
// maps: group key → question → its boxes, rows and cells by code
// ("row/col" for a cell).
func publishedCells(t *testing.T, res *score.Results) (string, map[string]map[string]map[string]map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Groups []struct {
			Key       string `json:"key"`
			Questions map[string]struct {
				Items, Rows, Cells []map[string]any
			} `json:"questions"`
		} `json:"groups"`
	}
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]map[string]map[string]any{}
	for _, g := range raw.Groups {
		out[g.Key] = map[string]map[string]map[string]any{}
		for q, qs := range g.Questions {
			m := map[string]map[string]any{}
			for _, x := range append(qs.Items, qs.Rows...) {
				m[x["code"].(string)] = x
			}
			for _, x := range qs.Cells {
				m[x["row"].(string)+"/"+x["col"].(string)] = x
			}
			out[g.Key][q] = m
		}
	}
	return buf.String(), out
}

// onlyItsSize fails unless a hidden box, row or cell holds nothing but
// its codes, its n and why it is hidden: every figure null or absent.
func onlyItsSize(t *testing.T, what string, x map[string]any, complement bool) {
	t.Helper()
	if x == nil {
		t.Errorf("%s: missing", what)
		return
	}
	if x["suppressed"] != true || (x["complement"] == true) != complement {
		t.Errorf("%s: suppressed %v complement %v, want true %v", what, x["suppressed"], x["complement"], complement)
	}
	for k, v := range x {
		switch k {
		case "code", "row", "col", "n", "suppressed", "complement":
		default:
			if v != nil {
				t.Errorf("%s: %s = %v published", what, k, v)
			}
		}
	}
}

// TestCellsUnderTheMinimum: min_group_size 3, companies A and B of four
// respondents each, so both are published, but inside them
//   - grid cell Phone × Day: A's answered by 2 (7 and 9: mean 8), B's by
//     4 (1, 2, 3, 4: mean 2.5), the whole sample's by 6 (mean 26/6 =
//     4.333…, s = 3.077, t interval 4.333 ± 2.571·3.077/√6 = [1.10; 7.56]);
//   - box a: A's answered by 1 (11), B's by 4 (1 each);
//   - matrix row r1: A's by 2 (yes, yes), B's by 4 (no).
//
// A's are under the minimum; B's are then "all minus A's" away from them,
// so B's are hidden too (complement) and the whole sample's shown. Every
// hidden one keeps its n alone in the --json: no mean, share, count or
// interval, nor the valid base. Phone × Night, answered by all 8, is shown
// everywhere.
func TestCellsUnderTheMinimum(t *testing.T) {
	s := testkit.Load(t, "testdata/cells.hcl")
	s.Bench.MinGroupSize = 3
	var subs [][3]string
	for _, a := range []string{
		`"q_staff_voice_day":7,"q_box_a":11,"q_m":{"r1":"y"}`, `"q_staff_voice_day":9,"q_m":{"r1":"y"}`, ``, ``,
	} {
		subs = append(subs, [3]string{"A", "2025", a + strings.Repeat(`,"q_staff_voice_night":5`, 1)})
	}
	for d := 1; d <= 4; d++ {
		subs = append(subs, [3]string{"B", "2025", fmt.Sprintf(`"q_staff_voice_day":%d,"q_box_a":1,"q_m":{"r1":"n"},"q_staff_voice_night":5`, d)})
	}
	for i := range subs {
		subs[i][2] = strings.TrimPrefix(subs[i][2], ",")
	}
	res, err := score.Compute(s, []string{ingestLines(t, s, cellLines(s, subs), 100)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text, groups := publishedCells(t, res)
	for _, g := range []string{"company=A", "company=B"} {
		complement := g == "company=B"
		onlyItsSize(t, g+" q_staff voice/day", groups[g]["q_staff"]["voice/day"], complement)
		onlyItsSize(t, g+" q_box a", groups[g]["q_box"]["a"], complement)
		onlyItsSize(t, g+" q_m r1", groups[g]["q_m"]["r1"], complement)
		if night := groups[g]["q_staff"]["voice/night"]; night["mean"] != 5.0 || night["suppressed"] != nil {
			t.Errorf("%s: Phone × Night, answered by 4, should be shown: %v", g, night)
		}
	}
	if n := groups["company=A"]["q_staff"]["voice/day"]["n"]; n != 2.0 {
		t.Errorf("A's hidden cell keeps its n: %v, want 2", n)
	}
	day := res.Group("all").Questions["q_staff"].Cells[0]
	if day.Suppressed || day.N != 6 || day.Mean == nil || day.MeanLow == nil {
		t.Fatalf("the whole sample's Phone × Day should be shown: %+v", day)
	}
	near(t, "all: Phone × Day mean", *day.Mean, 26.0/6)
	near(t, "all: Phone × Day low", *day.MeanLow, 1.10443514)
	// The attacker (attack_test.go, cells_attack_test.go) recovers
	// nothing from the --json; from results that hid A's cell alone it
	// recovers A's mean 8 (all's 26 minus B's 10 over 6 − 4 answers).
	for _, f := range attack(published(t, res)) {
		t.Error(f)
	}
	open := *s
	open.Bench.MinGroupSize = 1
	naive, err := score.Compute(&open, []string{ingestLines(t, s, cellLines(s, subs), 100)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	naive.MinGroupSize = 3
	for _, g := range naive.Groups {
		if g.Key == "company=A" {
			g.Questions["q_staff"].Cells[0] = score.CellStat{Row: "voice", Col: "day", N: 2, Valid: math.NaN(), Share: math.NaN(), Low: math.NaN(), High: math.NaN(), Hidden: score.Hidden{Suppressed: true}}
		}
	}
	found := false
	for _, f := range attack(published(t, naive)) {
		found = found || (f.Cell == "company=A" && f.Figure == "q_staff cell voice/day mean" && math.Abs(f.Value-8) < 1e-6)
	}
	if !found {
		t.Error("the attacker does not recover A's hidden mean 8 when B's cell is shown")
	}
	for _, leak := range []string{`"mean":8,`, `"mean":8}`, `"mean":2.5`, `"mean":11`} {
		if strings.Contains(text, leak) {
			t.Errorf("--json holds a hidden figure: %s", leak)
		}
	}
}

// TestCellsCountParticipants: a company-level benchmark with
// min_participants 2 (a peer group needs 3). Companies A, B, C and D
// answer in 2024 and 2025; Phone × Night is answered by A in both waves
// and by B in 2025: 3 submissions in the whole sample but 2 participants,
// so it is hidden there (counting submissions would show it), with n = 2,
// and in each wave (1 and 2 participants). Phone × Day, answered by all
// four in both waves, is shown with n = 4 participants.
func TestCellsCountParticipants(t *testing.T) {
	s := testkit.Load(t, "testdata/cells.hcl")
	s.Bench.Unit = ir.UnitParticipant
	s.Bench.MinParticipants = 2
	var subs [][3]string
	for _, y := range []string{"2024", "2025"} {
		for _, c := range []string{"A", "B", "C", "D"} {
			a := `"q_staff_voice_day":4`
			if c == "A" || (c == "B" && y == "2025") {
				a += `,"q_staff_voice_night":2`
			}
			subs = append(subs, [3]string{c, y, a})
		}
	}
	res, err := score.Compute(s, []string{ingestLines(t, s, cellLines(s, subs), 100)}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, groups := publishedCells(t, res)
	for _, g := range []string{"all", "wave=2024", "wave=2025"} {
		if groups[g] == nil {
			t.Fatalf("group %s missing or suppressed", g)
		}
		onlyItsSize(t, g+" Phone × Night", groups[g]["q_staff"]["voice/night"], false)
		if day := groups[g]["q_staff"]["voice/day"]; day["suppressed"] != nil || day["n"] != 4.0 {
			t.Errorf("%s: Phone × Day should be shown over 4 participants: %v", g, day)
		}
	}
	if n := groups["all"]["q_staff"]["voice/night"]["n"]; n != 2.0 {
		t.Errorf("all: Phone × Night n = %v, want 2 participants", n)
	}
}
