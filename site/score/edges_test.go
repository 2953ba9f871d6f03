package score_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/score"
)

// edgeRow is one respondent of testdata/edges.hcl; a negative answer is
// left unanswered.
type edgeRow struct {
	company  string
	wave     int
	nps, ces int
	a, b     int
	ch       []string
	w        float64
}

// edgeFile ingests the rows, one Parquet file per wave, and scores them.
func edgeResults(t *testing.T, s *ir.Survey, rows []edgeRow) *score.Results {
	t.Helper()
	dir := t.TempDir()
	byWave := map[int][]string{}
	var waves []int
	for i, r := range rows {
		ans := map[string]any{}
		for k, v := range map[string]int{"q_nps": r.nps, "q_ces": r.ces, "d_a": r.a, "d_b": r.b} {
			if v >= 0 {
				ans[k] = v
			}
		}
		if r.ch != nil {
			ans["q_ch"] = r.ch
		}
		hidden := map[string]string{"company": r.company}
		if r.w != 0 {
			hidden["w"] = fmt.Sprint(r.w)
		}
		line, _ := json.Marshal(map[string]any{"response_id": fmt.Sprintf("resp-%012d", i), "survey": s.ID, "version": s.Hash, "lang": "en",
			"hidden": hidden, "submitted_at": "2025-05-01T10:00:00Z", "answers": ans})
		if byWave[r.wave] == nil {
			waves = append(waves, r.wave)
		}
		byWave[r.wave] = append(byWave[r.wave], string(line))
	}
	var files []string
	for _, w := range waves {
		in := filepath.Join(dir, fmt.Sprintf("%d.ndjson", w))
		os.WriteFile(in, []byte(strings.Join(byWave[w], "\n")+"\n"), 0o644)
		out := filepath.Join(dir, fmt.Sprintf("%d.parquet", w))
		if st, err := ingest.Run(s, []ingest.Input{{Path: in, Wave: w}}, out, ingest.Options{}); err != nil || st.Accepted != len(byWave[w]) {
			t.Fatalf("%+v %v", st, err)
		}
		files = append(files, out)
	}
	res, err := score.Compute(s, files, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func edgeSurvey(t *testing.T) *ir.Survey {
	t.Helper()
	return testkit.Load(t, "testdata/edges.hcl")
}

// TestIntervalsStayInRange: the cases. CES 7, 7, 7, 4 (mean 6.25,
// s = 1.5, n = 4) has a t interval 6.25 ± 3.182·0.75 = [3.86; 8.64] on a 1–7
// scale; FCR 20% of 5 as a mean of 0/100 values is [−35.5; 75.5]; the
// service index 85 of items 4 and 5 on 1–5 (75, 100; 87.5 …) passes 100.
func TestIntervalsStayInRange(t *testing.T) {
	s := edgeSurvey(t)
	rows := []edgeRow{
		{company: "A", wave: 2025, nps: 9, ces: 7, a: 5, b: 5},
		{company: "A", wave: 2025, nps: 9, ces: 7, a: 5, b: 5},
		{company: "A", wave: 2025, nps: 9, ces: 7, a: 5, b: 5},
		{company: "A", wave: 2025, nps: 9, ces: 4, a: 2, b: 3},
		{company: "B", wave: 2025, nps: 9, ces: 7, a: 4, b: 4},
		{company: "B", wave: 2025, nps: 9, ces: 3, a: 4, b: 4},
		{company: "B", wave: 2025, nps: 9, ces: 3, a: 4, b: 5},
		{company: "B", wave: 2025, nps: 9, ces: 2, a: 5, b: 5},
		{company: "B", wave: 2025, nps: 9, ces: 1, a: 5, b: 5},
	}
	res := edgeResults(t, s, rows)
	a := res.Group("company=A").Indexes["ces"]
	if a == nil || a.Value != 6.25 {
		t.Fatalf("CES A = %+v", a)
	}
	if a.High != 7 || math.Abs(a.Low-3.8634) > 1e-3 {
		t.Errorf("CES 6.25 on 1–7: interval [%v; %v], want [3.86; 7] (clipped)", a.Low, a.High)
	}
	if f := res.Group("company=B").Indexes["fcr"]; f == nil || f.Value != 20 || f.Low != 0 {
		t.Errorf("FCR 20%% of 5: %+v, want low 0 (clipped from −35.5)", f)
	}
	for _, g := range res.Groups {
		for _, ix := range s.Indexes {
			f := g.Indexes[ix.ID]
			if f == nil || f.NoInterval != "" {
				continue
			}
			if f.Low < ix.Min || f.High > ix.Max || f.Low > f.Value || f.High < f.Value {
				t.Errorf("%s %s: %v [%v; %v] leaves %v–%v", g.Key, ix.ID, f.Value, f.Low, f.High, ix.Min, ix.Max)
			}
		}
		if f := g.Blocks["sat"]; f != nil && f.NoInterval == "" && (f.Low < 0 || f.High > 100) {
			t.Errorf("%s block: [%v; %v] leaves 0–100", g.Key, f.Low, f.High)
		}
		if q := g.Questions["q_ces"]; q != nil && q.MeanLow != nil && (*q.MeanLow < 1 || *q.MeanHigh > 7) {
			t.Errorf("%s q_ces mean: [%v; %v] leaves 1–7", g.Key, *q.MeanLow, *q.MeanHigh)
		}
	}
}

// TestNoIntervalWithoutData: one respondent (B), or answers that are all
// the same (C), give the figure without an interval, with the reason, and
// the JSON says null — never [0; 0] or [6; 6].
func TestNoIntervalWithoutData(t *testing.T) {
	s := edgeSurvey(t)
	rows := []edgeRow{{company: "B", wave: 2025, nps: 9, ces: 6, a: 4, b: 4}}
	for i := 0; i < 4; i++ {
		rows = append(rows, edgeRow{company: "C", wave: 2025, nps: 9, ces: 5, a: 3, b: 3})
	}
	res := edgeResults(t, s, rows)
	b := res.Group("company=B").Indexes["ces"]
	if b.Value != 6 || !math.IsNaN(b.Low) || !math.IsNaN(b.High) || !math.IsNaN(b.SE) || b.NoInterval != "n" {
		t.Errorf("n = 1: %+v, want 6 with no interval (n)", b)
	}
	if f := res.Group("company=B").Indexes["nps"]; f.NoInterval != "n" || !math.IsNaN(f.Low) {
		t.Errorf("NPS of one answer: %+v", f)
	}
	if q := res.Group("company=B").Questions["q_ces"]; q.SD != nil || q.MeanLow != nil || q.NoInterval != "n" {
		t.Errorf("question of one answer: sd %v low %v why %q", q.SD, q.MeanLow, q.NoInterval)
	}
	c := res.Group("company=C").Indexes["ces"]
	if c.Value != 5 || !math.IsNaN(c.Low) || c.NoInterval != "variance" {
		t.Errorf("constant answers: %+v, want 5 with no interval (variance)", c)
	}
	// mean_100 of 50 repeated: Σx² − (Σx)²/n must not leave float noise.
	if f := res.Group("company=C").Blocks["sat"]; f.NoInterval != "variance" {
		t.Errorf("constant block score: %+v", f)
	}
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf); err != nil {
		t.Fatalf("--json: %v", err)
	}
	js := buf.String()
	if strings.Contains(js, "NaN") || strings.Contains(js, "Inf") || !strings.Contains(js, `"low": null`) {
		t.Errorf("JSON must write null for a missing interval")
	}
	path := filepath.Join(t.TempDir(), "r.json")
	os.WriteFile(path, buf.Bytes(), 0o644)
	back, err := score.ReadJSON(path)
	if err != nil {
		t.Fatal(err)
	}
	bb := back.Group("company=B").Indexes["ces"]
	// B's one answer against C's: Welch has no variance for B, so the test
	// vs the rest is not testable (too_few), its p null and read back NaN.
	if b.VsRest == nil || b.VsRest.NotTestable != "too_few" {
		t.Errorf("one answer vs the rest: %+v, want not testable (too_few)", b.VsRest)
	}
	if bb.Value != 6 || !math.IsNaN(bb.Low) || bb.NoInterval != "n" || bb.VsRest == nil || bb.VsRest.NotTestable != "too_few" || !math.IsNaN(bb.VsRest.P) {
		t.Errorf("read back: %+v", bb)
	}
	if back.Group("company=C").Indexes["nps"].Promoters != 100 || back.Group("company=C").Indexes["nps"].Passives != 0 {
		t.Errorf("omitempty fields read back: %+v", back.Group("company=C").Indexes["nps"])
	}
}

// TestTestsAtTheEdges: every answer of A's 2024 is NPS 0 and CES 1, every
// answer of 2025 NPS 10 and CES 7 (n = 5 each). NPS −100 → +100 is tested
// with the adjusted Wald (p < 0.001, see site/stats); CES 1 → 7 has no
// variance, so it is "not testable", never "not significant".
func TestTestsAtTheEdges(t *testing.T) {
	s := edgeSurvey(t)
	var rows []edgeRow
	for i := 0; i < 5; i++ {
		rows = append(rows, edgeRow{company: "A", wave: 2024, nps: 0, ces: 1, a: 1, b: 1},
			edgeRow{company: "A", wave: 2025, nps: 10, ces: 7, a: 5, b: 5})
	}
	res := edgeResults(t, s, rows)
	g := res.Group("company=A|wave=2025")
	nps := g.Indexes["nps"].VsPrevious
	if nps == nil || nps.Diff != 200 || !nps.Significant || nps.P >= 0.001 {
		t.Errorf("NPS −100 → +100: %+v, want a significant change", nps)
	}
	ces := g.Indexes["ces"].VsPrevious
	if ces == nil || ces.Diff != 6 || ces.Significant || ces.NotTestable != "no_variance" || !math.IsNaN(ces.P) {
		t.Errorf("CES 1 → 7 for everyone: %+v, want not testable", ces)
	}
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf); err != nil || strings.Contains(buf.String(), "NaN") {
		t.Errorf("JSON: %v", err)
	}
}

// TestDriversAtTheEdges: a driver answered the same by everyone has no
// correlation (not 0, not 1.41) and R² cannot be computed; n counts
// respondents, not their weights (0.4 + 0.4 + 0.4 + 0.4 = 1.6 ≠ 4).
func TestDriversAtTheEdges(t *testing.T) {
	s := edgeSurvey(t)
	s.Bench.Weight = "w"
	rows := []edgeRow{
		{company: "A", wave: 2025, nps: 3, ces: 1, a: 4, b: 1, w: 0.4},
		{company: "A", wave: 2025, nps: 6, ces: 1, a: 4, b: 2, w: 0.4},
		{company: "A", wave: 2025, nps: 9, ces: 1, a: 4, b: 4, w: 0.4},
		{company: "A", wave: 2025, nps: 10, ces: 1, a: 4, b: 5, w: 0.4},
	}
	res := edgeResults(t, s, rows)
	d := res.Drivers
	if d == nil || d.N != 4 || !d.Weighted {
		t.Fatalf("drivers: %+v, want n = 4 respondents, weighted", d)
	}
	if !math.IsNaN(d.R2) {
		t.Errorf("R² with a constant driver = %v, want none", d.R2)
	}
	for _, it := range d.Items {
		if it.Ref == "d_a" && !math.IsNaN(it.Correlation) {
			t.Errorf("constant driver: r = %v, want none", it.Correlation)
		}
		if it.Ref == "d_b" && !(it.Correlation > 0.5 && it.Correlation <= 1) {
			t.Errorf("d_b: r = %v", it.Correlation)
		}
		if !math.IsNaN(it.Share) {
			t.Errorf("%s share = %v without R²", it.Ref, it.Share)
		}
	}
}

// TestTiesInBenchmarks: three participants with the same NPS share rank 1
// and sit at the 50th percentile (mid-rank), not at 0.
func TestTiesInBenchmarks(t *testing.T) {
	s := edgeSurvey(t)
	var rows []edgeRow
	for _, c := range []string{"A", "B", "C"} {
		rows = append(rows, edgeRow{company: c, wave: 2025, nps: 9, ces: 5, a: 3, b: 3}, edgeRow{company: c, wave: 2025, nps: 3, ces: 5, a: 3, b: 3})
	}
	rows = append(rows, edgeRow{company: "D", wave: 2025, nps: 9, ces: 5, a: 3, b: 3})
	res := edgeResults(t, s, rows)
	b := res.Benchmark("index", "nps")
	if b == nil || len(b.Participants) != 4 {
		t.Fatalf("benchmark %+v", b)
	}
	for _, p := range b.Participants {
		switch p.Name {
		case "D":
			if p.Rank != 1 || p.Tied || p.Percentile != 100 {
				t.Errorf("D: %+v", p)
			}
		default: // three tied at rank 2 of 4: beat none, tie 2 of 3 others → (0 + 1)/3
			if p.Rank != 2 || !p.Tied || math.Abs(p.Percentile-100.0/3) > 1e-6 {
				t.Errorf("%s: %+v, want =2 at 33.3", p.Name, p)
			}
		}
	}
}

// TestMissingOptionsLeaveShareBase: answers web, phone, "Don't know" only,
// and nothing: the share choosing web is 1 of 3 (the "Don't know" is not a
// zero in the base) and the mean count of web/phone is 2/3.
func TestMissingOptionsLeaveShareBase(t *testing.T) {
	s := edgeSurvey(t)
	rows := []edgeRow{
		{company: "A", wave: 2025, nps: 9, ces: 5, a: 3, b: 3, ch: []string{"web"}},
		{company: "A", wave: 2025, nps: 9, ces: 5, a: 3, b: 3, ch: []string{"phone"}},
		{company: "A", wave: 2025, nps: 9, ces: 5, a: 3, b: 3, ch: []string{"na"}},
		{company: "A", wave: 2025, nps: 9, ces: 5, a: 3, b: 3, ch: []string{}},
	}
	res := edgeResults(t, s, rows)
	all := res.Group("all")
	near(t, "web share", all.Indexes["web"].Value, 100.0/3)
	near(t, "web base", all.Indexes["web"].N, 3)
	near(t, "channel count", all.Indexes["channels"].Value, 2.0/3)
	near(t, "question valid", all.Questions["q_ch"].Valid, 3)
}

// TestWelchOneAnswer: in A's 2024 one respondent of five answered CES (3),
// in 2025 all five (4, 5, 6, 7, 7): Welch's t needs two answers a group,
// so the change +2.8 is "not testable" (too_few), not left without a test.
func TestWelchOneAnswer(t *testing.T) {
	s := edgeSurvey(t)
	rows := []edgeRow{{company: "A", wave: 2024, nps: 5, ces: 3, a: 3, b: 3}}
	for i := 0; i < 4; i++ {
		rows = append(rows, edgeRow{company: "A", wave: 2024, nps: 5, ces: -1, a: 3, b: 3})
	}
	for _, c := range []int{4, 5, 6, 7, 7} {
		rows = append(rows, edgeRow{company: "A", wave: 2025, nps: 5, ces: c, a: 3, b: 3})
	}
	res := edgeResults(t, s, rows)
	ces := res.Group("company=A|wave=2025").Indexes["ces"].VsPrevious
	if ces == nil || ces.Diff != 2.8 || ces.Significant || ces.NotTestable != "too_few" || !math.IsNaN(ces.P) {
		t.Errorf("CES 3 (n = 1) → 5.8 (n = 5): %+v, want not testable (too_few)", ces)
	}
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf); err != nil || !strings.Contains(buf.String(), `"too_few"`) {
		t.Errorf("JSON: %v, too_few not written", err)
	}
}

// TestExprNoValueCounted: an expr index d_a / (d_b − 3) divides by zero for
// the three respondents with d_b = 3: they have no value (the index's n is
// 4 of 8) and Results.NoValue says so per index, in --json too; the one who
// left d_b unanswered has no value either but is not counted (missing).
func TestExprNoValueCounted(t *testing.T) {
	src, err := os.ReadFile("testdata/edges.hcl")
	if err != nil {
		t.Fatal(err)
	}
	ratio := "index \"ratio\" {\n  title = { en = \"Ratio\", ru = \"Отношение\" }\n  kind  = \"expr\"\n  expr  = d_a / (d_b - 3)\n  min   = -10\n  max   = 10\n}\n\nblock \"sat\""
	path := filepath.Join(t.TempDir(), "ratio.hcl")
	os.WriteFile(path, []byte(strings.Replace(string(src), `block "sat"`, ratio, 1)), 0o644)
	s := testkit.Load(t, path)
	var rows []edgeRow
	for i := 0; i < 3; i++ {
		rows = append(rows, edgeRow{company: "A", wave: 2025, nps: 9, ces: 5, a: 2, b: 3})
	}
	for i := 0; i < 4; i++ {
		rows = append(rows, edgeRow{company: "B", wave: 2025, nps: 9, ces: 5, a: 2, b: 4})
	}
	// d_b unanswered: no value because an answer is missing, not counted.
	rows = append(rows, edgeRow{company: "B", wave: 2025, nps: 9, ces: 5, a: 2, b: -1})
	res := edgeResults(t, s, rows)
	if f := res.Group("all").Indexes["ratio"]; f == nil || f.N != 4 || f.Value != 2 {
		t.Fatalf("ratio over all: %+v, want 2 from 4 respondents", f)
	}
	if len(res.NoValue) != 1 || res.NoValue["ratio"] != 3 {
		t.Errorf("NoValue = %v, want ratio: 3 (fcr never divides)", res.NoValue)
	}
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf); err != nil || !strings.Contains(buf.String(), `"no_value": {`) {
		t.Errorf("--json does not carry no_value: %v", err)
	}
}
