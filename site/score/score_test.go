package score_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

// small writes the hand-worked data set: company A answers NPS 10, 9, 6 and
// CSAT 5, 4, 2; company B answers NPS 8, 0, 10 and CSAT 3, 1, 5.
func small(t *testing.T, weights bool) (*ir.Survey, string) {
	t.Helper()
	s := testkit.Load(t, "testdata/small.hcl")
	if weights {
		s.Bench.Weight = "w"
	}
	rows := []struct {
		company      string
		nps, csat, w int
		ch           string
	}{{"A", 10, 5, 2, `["web"]`}, {"A", 9, 4, 2, `["web","phone"]`}, {"A", 6, 2, 2, `[]`}, {"B", 8, 3, 1, `["phone"]`}, {"B", 0, 1, 1, `["phone"]`}, {"B", 10, 5, 1, `["web"]`}}
	var lines []string
	for i, r := range rows {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"small","version":"%s","lang":"en","hidden":{"company":%q,"w":"%d"},"submitted_at":"2025-05-0%dT10:00:00Z","answers":{"q_nps":%d,"q_csat":%d,"q_ch":%s}}`,
			i, s.Hash, r.company, r.w, i+1, r.nps, r.csat, r.ch))
	}
	return s, ingestLines(t, s, lines, 2)
}

// ingestLines ingests NDJSON lines, all of which must be accepted, in row
// groups of batchRows, and returns the Parquet file.
func ingestLines(t *testing.T, s *ir.Survey, lines []string, batchRows int) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "data.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{BatchRows: batchRows}); err != nil || st.Accepted != len(lines) {
		t.Fatalf("%+v %v", st, err)
	}
	return out
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6 {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func TestHandWorked(t *testing.T) {
	s, path := small(t, false)
	res, err := score.Compute(s, []string{path}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all, a, b := res.Group("all"), res.Group("company=A"), res.Group("company=B")
	if all == nil || a == nil || b == nil {
		t.Fatal("groups missing")
	}
	// Overall: promoters 10, 9, 10; detractors 6, 0 → (3 − 2)/6.
	near(t, "NPS all", all.Indexes["nps"].Value, 100.0/6)
	near(t, "promoters", all.Indexes["nps"].Promoters, 50)
	near(t, "NPS A", a.Indexes["nps"].Value, 100.0/3)
	near(t, "NPS B", b.Indexes["nps"].Value, 0)
	// CSAT top-2-box (4-5): 5, 4, 5 of 6.
	near(t, "CSAT all", all.Indexes["csat"].Value, 50)
	near(t, "CSAT A", a.Indexes["csat"].Value, 200.0/3)
	near(t, "CSAT mean", all.Indexes["csat_mean"].Value, 20.0/6)
	// Block: CSAT rescaled to 0-100 from 1-5: (100+75+25+50+0+100)/6.
	near(t, "block", all.Blocks["sat"].Value, 350.0/6)
	// Multi: share of respondents choosing web: 3 of 6.
	q := all.Questions["q_ch"]
	near(t, "web share", q.Options[0].Share, 50)
	near(t, "phone share", q.Options[1].Share, 50)
	// Median of CSAT 1 2 3 4 5 5 = 3.5.
	near(t, "median", *all.Questions["q_csat"].Median, 3.5)
	// Benchmark: participants A (33.3) and B (0): median 16.7, A first.
	bm := res.Benchmark("index", "nps")
	if bm == nil || bm.Suppressed {
		t.Fatal("no benchmark")
	}
	near(t, "benchmark median", bm.Median, 100.0/6)
	if bm.Participants[0].Name != "A" || bm.Participants[0].Rank != 1 || bm.Participants[0].Percentile != 100 {
		t.Errorf("ranking %+v", bm.Participants)
	}
	near(t, "gap", bm.Participants[0].Gap, 100.0/3-100.0/6)
	if res.N != 6 || res.Fieldwork.From != "2025-05-01" || res.Fieldwork.To != "2025-05-06" {
		t.Errorf("n %d fieldwork %+v", res.N, res.Fieldwork)
	}
}

func TestSuppression(t *testing.T) {
	s, path := small(t, false)
	s.Bench.MinGroupSize = 4 // each company has 3 respondents
	res, err := score.Compute(s, []string{path}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"company=A", "company=B", "company=A|wave=2025"} {
		g := res.Group(key)
		if g == nil || !g.Suppressed || g.Indexes != nil || g.Questions != nil || g.Verbatims != nil {
			t.Errorf("%s must be suppressed with no figures: %+v", key, g)
		}
	}
	if bm := res.Benchmark("index", "nps"); bm == nil || !bm.Suppressed || bm.Participants != nil {
		t.Error("a benchmark without enough unsuppressed participants must be suppressed")
	}
	raw, _ := json.Marshal(res.Group("company=A"))
	if strings.Contains(string(raw), "indexes") || strings.Contains(string(raw), "questions") {
		t.Errorf("a suppressed group leaks a number: %s", raw)
	}
}

func TestWeights(t *testing.T) {
	s, path := small(t, true)
	res, err := score.Compute(s, []string{path}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A's answers weigh 2, B's 1: promoters 2+2+1 = 5, detractors 2+1 = 3, of 9.
	all := res.Group("all")
	near(t, "weighted NPS", all.Indexes["nps"].Value, 200.0/9)
	near(t, "weighted n", all.Indexes["nps"].N, 9)
	// Kish: (Σw)²/Σw² = 81/15.
	near(t, "n_eff", all.NEff, 81.0/15)

	// SEs are linearised with the weights as given (docs/methods.md, as R's
	// svymean on svydesign(ids = ~1, weights = ~w)):
	// Var = N/(N−1)·Σw²(y−ȳ)²/(Σw)², N = 6 respondents.
	// NPS, y = ±100 or 0, ȳ = 2/9: Σw²(y−ȳ)² = 1050/81 (÷100²).
	near(t, "weighted NPS SE", all.Indexes["nps"].SE, 100*math.Sqrt(6.0/5*1050/81/81))
	// CSAT top-2 box, y = 1 or 0, p = 5/9: Σw²(y−p)² = 294/81.
	near(t, "weighted CSAT SE", all.Indexes["csat"].SE, 100*math.Sqrt(6.0/5*294/81/81))
	// Mean CSAT 31/9 (Kish's n_eff gave 0.6495).
	near(t, "weighted mean SE", all.Indexes["csat_mean"].SE, 0.642355063)
	// Company A (3.667, linearised variance 0.7888²) against the rest, B
	// (3, 1.0328²): Welch-type t = 0.667/√(0.7888² + 1.0328²).
	a := res.Group("company=A").Indexes["csat_mean"]
	if a == nil || a.VsRest == nil {
		t.Fatal("company A's mean CSAT has no test against the rest")
	}
	near(t, "weighted t vs rest", a.VsRest.Stat, 0.512989176)
}

func TestNoValidAnswers(t *testing.T) {
	s, path := small(t, false)
	s.Indexes = append(s.Indexes, ir.Index{ID: "web_only", Kind: ir.IndexShare, Items: []string{"q_ch"}, Options: []string{"none"}, Min: 0, Max: 100})
	res, err := score.Compute(s, []string{path}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Every respondent answered q_ch, so the share exists and is 0 — not missing.
	near(t, "share of an unchosen code", res.Group("all").Indexes["web_only"].Value, 0)
}

func simulatedFile(t *testing.T, ex string, n int) (*ir.Survey, string) {
	t.Helper()
	s := testkit.Load(t, "../../examples/"+ex)
	cfg, _, _ := simulate.LoadConfig("../../examples/" + ex + "/demo/simulate.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{N: n, Seed: 11}, &buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, buf.Bytes(), 0o644)
	out := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{BatchRows: 500}); err != nil {
		t.Fatal(err)
	}
	return s, out
}

func TestSameResultsWhateverTheWorkers(t *testing.T) {
	s, path := simulatedFile(t, "nps-csat-ces", 3000)
	var outs []string
	for _, w := range []int{1, 2, 5} {
		res, err := score.Compute(s, []string{path}, score.Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		res.WriteJSON(&buf)
		outs = append(outs, buf.String())
	}
	if outs[0] != outs[1] || outs[0] != outs[2] {
		t.Fatal("results depend on the number of workers")
	}
}

// TestAgainstDuckDB computes NPS, CSAT top-2, a mean and group counts with
// DuckDB SQL on the same file and compares them with the engine's.
func TestAgainstDuckDB(t *testing.T) {
	node := testkit.Node(t)
	mod := testkit.NodeModule(t, "@duckdb/node-api")
	s, path := simulatedFile(t, "nps-csat-ces", 2000)
	// Unweighted: DuckDB has no raking; TestRaking checks the weights.
	s.Bench.Margins = nil
	res, err := score.Compute(s, []string{path}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(t.TempDir(), "q.mjs")
	os.WriteFile(script, []byte(`
import { DuckDBInstance } from '`+filepath.Join(mod, "lib", "index.js")+`';
const c = await (await DuckDBInstance.create(':memory:')).connect();
const r = await c.runAndReadAll(`+"`"+`
  select company, wave, count(*)::int as n,
    100 * (avg(case when q_nps >= 9 then 1.0 else 0 end) - avg(case when q_nps <= 6 then 1.0 else 0 end)) as nps,
    100 * avg(case when q_csat >= 4 then 1.0 else 0 end) as csat,
    avg(q_ces) as ces, avg(d_speed) as speed
  from read_parquet('`+path+`') group by company, wave order by company, wave`+"`"+`);
console.log(JSON.stringify(r.getRowObjectsJson()));
`), 0o644)
	raw, err := exec.Command(node, script).Output()
	if err != nil {
		t.Fatalf("duckdb: %v", err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(raw, &rows); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	if len(rows) < 10 {
		t.Fatalf("%d groups from DuckDB", len(rows))
	}
	num := func(v any) float64 {
		switch x := v.(type) {
		case float64:
			return x
		case string:
			var f float64
			fmt.Sscan(x, &f)
			return f
		}
		return math.NaN()
	}
	for _, r := range rows {
		key := fmt.Sprintf("company=%s|wave=%v", r["company"], r["wave"])
		g := res.Group(key)
		if g == nil {
			t.Fatalf("no group %s", key)
		}
		if g.N != int(num(r["n"])) {
			t.Errorf("%s: n %d, DuckDB %v", key, g.N, r["n"])
		}
		if g.Suppressed {
			continue
		}
		for _, c := range []struct {
			what string
			got  float64
			sql  any
		}{{"nps", g.Indexes["nps"].Value, r["nps"]}, {"csat", g.Indexes["csat"].Value, r["csat"]},
			{"ces", g.Indexes["ces"].Value, r["ces"]}, {"d_speed mean", *g.Questions["d_speed"].Mean, r["speed"]}} {
			if math.Abs(c.got-num(c.sql)) > 1e-6 {
				t.Errorf("%s %s: ours %v, DuckDB %v", key, c.what, c.got, c.sql)
			}
		}
	}
}

// BenchmarkScore: all figures for all questions by company and wave for N
// simulated contact-center responses (OPROS_BENCH_N, default 100,000),
// with the time DuckDB takes for comparable aggregates on the same file.
func BenchmarkScore(b *testing.B) {
	n := 100000
	if v := os.Getenv("OPROS_BENCH_N"); v != "" {
		fmt.Sscan(v, &n)
	}
	s := testkit.Load(b, "../../examples/contact-center-2018")
	// Respondent-level scoring is what is measured: contact-center-2018 is
	// a company-level benchmark, whose ingest would keep one answer per
	// company and wave (a few dozen rows) of the n simulated.
	s.Bench.Unit = ir.UnitRespondent
	cfg, _, _ := simulate.LoadConfig("../../examples/contact-center-2018/demo/simulate.hcl")
	dir := b.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	f, _ := os.Create(in)
	simulate.Simulate(s, cfg, simulate.Options{N: n, Seed: 1}, f)
	f.Close()
	path := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, path, ingest.Options{}); err != nil {
		b.Fatal(err)
	}
	var peak uint64
	b.ResetTimer()
	for b.Loop() {
		stop := testkit.SampleHeap(&peak)
		if _, err := score.Compute(s, []string{path}, score.Options{}); err != nil {
			b.Fatal(err)
		}
		stop()
	}
	ours := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(n)/ours, "responses/s")
	if secs, ok := duckDBSeconds(b, s, path); ok {
		b.ReportMetric(ours/secs, "x-duckdb-time")
	}
}

// duckDBSeconds times DuckDB computing the distributions behind our
// figures on the same file: every code, list item and number per company
// and wave. It reports false when node or DuckDB is not installed, so that
// make bench still prints our own figures.
func duckDBSeconds(b *testing.B, s *ir.Survey, path string) (float64, bool) {
	node, err := exec.LookPath("node")
	mod := filepath.Join(testkit.Root(b), ".ci", "node_modules", "@duckdb", "node-api")
	if _, serr := os.Stat(mod); err != nil || serr != nil {
		return 0, false
	}
	var parts []string
	from := "read_parquet('" + path + "')"
	for _, v := range s.Vars {
		switch v.Kind {
		case ir.VarCode:
			parts = append(parts, fmt.Sprintf(`select company, wave, '%s' as v, "%s" as k, count(*) as n, 0.0 as x from %s group by all`, v.Name, v.Name, from))
		case ir.VarCodes:
			parts = append(parts, fmt.Sprintf(`select company, wave, '%s' as v, k, count(*) as n, 0.0 as x from (select company, wave, unnest("%s") as k from %s) group by all`, v.Name, v.Name, from))
		case ir.VarInt, ir.VarFloat:
			parts = append(parts, fmt.Sprintf(`select company, wave, '%s' as v, null as k, count("%s") as n, avg("%s") as x from %s group by all`, v.Name, v.Name, v.Name, from))
		}
	}
	script := filepath.Join(b.TempDir(), "bench.mjs")
	os.WriteFile(script, []byte(`
import { DuckDBInstance } from '`+filepath.Join(mod, "lib", "index.js")+`';
const c = await (await DuckDBInstance.create(':memory:')).connect();
const q = `+"`"+strings.Join(parts, " union all ")+"`"+`;
await c.runAndReadAll(q); // warm the file cache
const runs = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  await c.runAndReadAll(q);
  runs.push((performance.now() - t0) / 1000);
}
runs.sort((a, b) => a - b);
console.log(runs[1]);
`), 0o644)
	out, err := exec.Command(node, script).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			b.Logf("duckdb: %v: %s", err, ee.Stderr)
		}
		return 0, false
	}
	var secs float64
	if _, err := fmt.Sscan(string(out), &secs); err != nil || secs <= 0 {
		return 0, false
	}
	b.Logf("DuckDB: %.3f s for the same distributions (median of 3)", secs)
	return secs, true
}

// mixedNPS gives every company of TestComplementarySuppression promoters
// and detractors, so that no hidden count is 0 or all of its group (which
// the bounds would give away, and disclose.go then hides more).
var mixedNPS = []int{10, 0, 8, 9, 5, 10, 2, 7, 9, 4, 10, 6}

// TestComplementarySuppression: with one company hidden for its size, the
// smallest other one is hidden too, or "all" minus the shown companies
// would reveal it; with two hidden, they cover each other.
func TestComplementarySuppression(t *testing.T) {
	cases := []struct {
		name       string
		sizes      map[string]int
		hidden     []string // suppressed for size
		complement []string
		shown      []string
	}{
		{"one small", map[string]int{"A": 2, "B": 5, "C": 4}, []string{"A"}, []string{"C"}, []string{"B"}},
		{"two small", map[string]int{"A": 2, "B": 2, "C": 5}, []string{"A", "B"}, nil, []string{"C"}},
		{"none small", map[string]int{"A": 3, "B": 3}, nil, nil, []string{"A", "B"}},
		{"ties go to the first", map[string]int{"A": 1, "B": 4, "C": 4}, []string{"A"}, []string{"B"}, []string{"C"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := testkit.Load(t, "testdata/small.hcl")
			s.Bench.MinGroupSize = 3
			var lines []string
			i := 0
			for _, company := range []string{"A", "B", "C"} {
				for k := 0; k < c.sizes[company]; k++ {
					lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"small","version":"%s","lang":"en","hidden":{"company":%q},"submitted_at":"2025-05-01T10:00:00Z","answers":{"q_nps":%d,"q_csat":3,"q_ch":[]}}`,
						i, s.Hash, company, mixedNPS[i%len(mixedNPS)]))
					i++
				}
			}
			dir := t.TempDir()
			in := filepath.Join(dir, "in.ndjson")
			os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
			out := filepath.Join(dir, "c.parquet")
			if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil {
				t.Fatal(err)
			}
			res, err := score.Compute(s, []string{out}, score.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, suffix := range []string{"", "|wave=2025"} {
				for _, name := range c.hidden {
					if g := res.Group("company=" + name + suffix); g == nil || !g.Suppressed || g.Complement {
						t.Errorf("%s%s should be suppressed for its size: %+v", name, suffix, g)
					}
				}
				for _, name := range c.complement {
					g := res.Group("company=" + name + suffix)
					if g == nil || !g.Suppressed || !g.Complement || g.Indexes != nil || g.Questions != nil {
						t.Errorf("%s%s should be suppressed as the complement: %+v", name, suffix, g)
					}
				}
				for _, name := range c.shown {
					if g := res.Group("company=" + name + suffix); g == nil || g.Suppressed || g.Indexes["nps"] == nil {
						t.Errorf("%s%s should be shown: %+v", name, suffix, g)
					}
				}
			}
		})
	}
}

// TestRaking checks iterative proportional fitting against a 2×2 table
// worked by hand. The sample has segment a/b × channel x/y counts 30, 20,
// 10, 40; the targets are a 40%, b 60%, x 50%, y 50%. Raking keeps the
// table's odds ratio (30·40)/(20·10) = 6, so the raked counts m solve
// m(10+m)/((40−m)(50−m)) = 6 with m < 40: m² − 110m + 2400 = 0, m = 30.
// Raked table 30, 10, 20, 40: factors 1, 0.5, 2, 1. One more respondent
// has no segment and keeps weight 1.
func TestRaking(t *testing.T) {
	s := testkit.Load(t, "testdata/raked.hcl")
	cells := []struct {
		seg, ch string
		n, csat int
	}{{"a", "x", 30, 5}, {"a", "y", 20, 4}, {"b", "x", 10, 2}, {"b", "y", 40, 1}, {"", "x", 1, 3}}
	var lines []string
	for _, c := range cells {
		for i := 0; i < c.n; i++ {
			lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":"raked","version":"%s","lang":"en","hidden":{"company":"C%d","seg":%q},"submitted_at":"2025-05-01T10:00:00Z","answers":{"q_ch":%q,"q_csat":%d}}`,
				len(lines), s.Hash, len(lines)%2, c.seg, c.ch, c.csat))
		}
	}
	path := ingestLines(t, s, lines, 7)
	for _, workers := range []int{1, 3} {
		res, err := score.Compute(s, []string{path}, score.Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Weighted || len(res.Raking) != 1 {
			t.Fatalf("raking report %+v", res.Raking)
		}
		rw := res.Raking[0]
		if rw.Wave != 2025 || rw.Respondents != 100 || rw.Unraked != 1 || !rw.Converged {
			t.Errorf("raking report %+v", rw)
		}
		near(t, "min factor", rw.MinFactor, 0.5)
		near(t, "max factor", rw.MaxFactor, 2)
		// Σf²·n / (Σf·n)² · n = 100·115/100².
		near(t, "design effect", rw.DesignEffect, 1.15)
		seg := rw.Margins[0]
		if seg.Field != "seg" || seg.Values[0].Code != "a" {
			t.Fatalf("margin %+v", seg)
		}
		near(t, "target a", seg.Values[0].Target, 40)
		near(t, "sample a", seg.Values[0].Sample, 50)
		near(t, "weighted a", seg.Values[0].Weighted, 40)
		near(t, "weighted y", rw.Margins[1].Values[1].Weighted, 50)

		// Weighted mean: (30·5 + 10·4 + 20·2 + 40·1 + 1·3) / 101.
		all := res.Group("all")
		near(t, "raked mean", all.Indexes["csat_mean"].Value, 273.0/101)
		// Kish: (Σw)²/Σw² = 101² / (30 + 20·0.25 + 10·4 + 40 + 1).
		near(t, "n_eff", math.Round(all.NEff*1e4)/1e4, math.Round(101.0*101/116*1e4)/1e4)
		// Option shares use the weights too: x = (30 + 20 + 1)/101.
		near(t, "share x", all.Questions["q_ch"].Options[0].Share, 100*51.0/101)
	}
}

// TestPlainStringCodes: a file whose code columns are plain strings, as
// ingest wrote them before they were dictionaries (and as other tools may),
// scores the same as the dictionary-typed file.
func TestPlainStringCodes(t *testing.T) {
	s := testkit.Load(t, "../../examples/nps-csat-ces")
	cfg, _, _ := simulate.LoadConfig("../../examples/nps-csat-ces/demo/simulate.hcl")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	f, _ := os.Create(in)
	simulate.Simulate(s, cfg, simulate.Options{N: 3000, Seed: 3}, f)
	f.Close()
	path := filepath.Join(dir, "dict.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, path, ingest.Options{BatchRows: 1000}); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "plain.parquet")
	if n := rewritePlain(t, path, plain); n == 0 {
		t.Fatal("no dictionary column to rewrite")
	}
	var out [2]bytes.Buffer
	for k, p := range []string{path, plain} {
		res, err := score.Compute(s, []string{p}, score.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res.WriteJSON(&out[k])
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("the results differ between dictionary and plain string code columns")
	}
}

// rewritePlain copies a Parquet file with its dictionary columns as plain
// strings, and returns how many it changed.
func rewritePlain(t *testing.T, from, to string) int {
	t.Helper()
	mem := memory.NewGoAllocator()
	raw, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := file.NewParquetReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, mem)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	fields := tbl.Schema().Fields()
	cols := make([]arrow.Column, len(fields))
	changed := 0
	for c := range fields {
		col := tbl.Column(c)
		if fields[c].Type.ID() != arrow.DICTIONARY {
			cols[c] = *col
			continue
		}
		changed++
		fields[c].Type = arrow.BinaryTypes.String
		var chunks []arrow.Array
		for _, ch := range col.Data().Chunks() {
			d := ch.(*array.Dictionary)
			b := array.NewStringBuilder(mem)
			for i := 0; i < d.Len(); i++ {
				if d.IsNull(i) {
					b.AppendNull()
				} else {
					b.Append(d.Dictionary().(*array.String).Value(d.GetValueIndex(i)))
				}
			}
			chunks = append(chunks, b.NewArray())
		}
		cols[c] = *arrow.NewColumn(fields[c], arrow.NewChunked(arrow.BinaryTypes.String, chunks))
	}
	var keys, values []string
	for _, kv := range pf.MetaData().KeyValueMetadata() {
		if kv.Key != "ARROW:schema" {
			keys, values = append(keys, kv.Key), append(values, *kv.Value)
		}
	}
	md := arrow.NewMetadata(keys, values)
	schema := arrow.NewSchema(fields, &md)
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := pqarrow.WriteTable(array.NewTable(schema, cols, tbl.NumRows()), out, 1000, nil, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema())); err != nil {
		t.Fatal(err)
	}
	return changed
}
