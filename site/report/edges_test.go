package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
)

// answer is one respondent of ../score/testdata/edges.hcl; a negative
// answer is left unanswered.
type answer struct {
	company          string
	wave             int
	nps, ces, da, db int
}

// edgeSite ingests the answers (one file per wave), scores them and builds
// the site; it returns the results, their JSON and the site's files.
func edgeSite(t *testing.T, s *ir.Survey, rows []answer) (*score.Results, string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	byWave := map[int][]string{}
	var waves []int
	for i, r := range rows {
		ans := map[string]int{}
		for k, v := range map[string]int{"q_nps": r.nps, "q_ces": r.ces, "d_a": r.da, "d_b": r.db} {
			if v >= 0 {
				ans[k] = v
			}
		}
		line, _ := json.Marshal(map[string]any{"response_id": fmt.Sprintf("resp-%012d", i), "survey": s.ID, "version": s.Hash, "lang": "en",
			"hidden": map[string]string{"company": r.company, "w": fmt.Sprint(1 + i%2)}, "submitted_at": "2025-05-01T10:00:00Z", "answers": ans})
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
	var js bytes.Buffer
	if err := res.WriteJSON(&js); err != nil {
		t.Fatalf("--json: %v", err)
	}
	site := filepath.Join(dir, "site")
	if _, err := report.Build(s, res, report.Config{}, site); err != nil {
		t.Fatal(err)
	}
	return res, js.String(), readAll(t, site)
}

// badNumber finds what a page, its data tables (the CSV downloads) or the
// JSON must never show: NaN, infinities, a negative zero, an interval of
// zeros made from NaN, a p-value with a decimal point in Russian.
var badNumber = regexp.MustCompile(`NaN|[+-]?Inf\b|[-−]0[.,]0\b|\[0[.,]0; 0[.,]0\]|<td>0[.,]0; 0[.,]0</td>`)

func checkOutputs(t *testing.T, what, js string, files map[string]string) {
	t.Helper()
	if m := badNumber.FindString(js); m != "" {
		t.Errorf("%s: JSON shows %q", what, m)
	}
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Errorf("%s: JSON does not parse: %v", what, err)
	}
	for name, body := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if i := badNumber.FindStringIndex(body); i != nil {
			t.Errorf("%s: %s shows %q in …%s…", what, name, body[i[0]:i[1]], body[max(0, i[0]-80):min(len(body), i[1]+40)])
		}
		if strings.Contains(body, "= &lt; 0") {
			t.Errorf("%s: %s shows \"= < 0.001\"", what, name)
		}
		if strings.HasPrefix(name, "ru/") && regexp.MustCompile(`p(\(Holm\))? = (&lt; )?[01]\.\d`).MatchString(body) {
			t.Errorf("%s: %s shows a p-value with a decimal point in Russian", what, name)
		}
	}
}

// TestEdgesOnPages: the cases as a reader meets them. Company B
// has one respondent, C answers CES 5 throughout; A goes from NPS 0 / CES 1
// for everyone in 2024 to NPS 10 / CES 7 in 2025; D, E and F tie.
func TestEdgesOnPages(t *testing.T) {
	s := testkit.Load(t, "../score/testdata/edges.hcl")
	var rows []answer
	for i := 0; i < 5; i++ {
		rows = append(rows, answer{"A", 2024, 0, 1, 1, 1}, answer{"A", 2025, 10, 7, 5, 5}, answer{"C", 2025, 8, 5, 3, 3})
	}
	rows = append(rows, answer{"B", 2025, 9, 6, 4, 4})
	for _, c := range []string{"D", "E", "F"} {
		rows = append(rows, answer{c, 2025, 9, 4, 2, 3}, answer{c, 2025, 5, 2, 3, 2})
	}
	res, js, files := edgeSite(t, s, rows)
	checkOutputs(t, "edges", js, files)
	if res.Benchmark("index", "nps") == nil {
		t.Fatal("no benchmark")
	}
	for lang, want := range map[string][]string{
		"en": {"n too small for an interval", "no interval: every answer is the same", "not testable: no variance in either group", "=4 of 6", ">=4<"},
		"ru": {"n слишком мало для интервала", "интервала нет: все ответы одинаковы", "не проверяется: в обеих группах нет разброса", "=4 из 6", ">=4<"},
	} {
		var all strings.Builder
		for name, body := range files {
			if strings.HasPrefix(name, lang+"/") {
				all.WriteString(body)
			}
		}
		for _, w := range want {
			if !strings.Contains(all.String(), w) {
				t.Errorf("%s pages never say %q", lang, w)
			}
		}
	}
	// NPS −100 → +100 is a significant change, shown as one.
	a := files["en/participants/p01.html"]
	if !strings.Contains(a, "&#43;200.0 *") {
		t.Errorf("A's NPS change: %s", between(a, "NPS</th>", "</tr>"))
	}
	if strings.Contains(between(a, "CES</th>", "</tr>"), " *") {
		t.Errorf("CES 1 → 7 for everyone must not be marked: %s", between(a, "CES</th>", "</tr>"))
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

// TestTinyDataSetsProperty scores and publishes random tiny data sets — 0
// to 5 respondents per company, answers constant within a company or not,
// questions left unanswered, one wave or two, a minimum group size of 1 to
// 3 — and checks every output: the JSON marshals and parses and no page or
// data table shows NaN, an infinity, "-0.0" or a [0.0; 0.0] interval.
func TestTinyDataSetsProperty(t *testing.T) {
	s := testkit.Load(t, "../score/testdata/edges.hcl")
	rnd := rand.New(rand.NewSource(13))
	runs := 40
	if testing.Short() {
		runs = 8
	}
	for run := 0; run < runs; run++ {
		s.Bench.MinGroupSize = 1 + rnd.Intn(3)
		waves := []int{2025}
		if rnd.Intn(2) == 0 {
			waves = []int{2024, 2025}
		}
		var rows []answer
		for _, c := range []string{"A", "B", "C"} {
			for _, w := range waves {
				constant := rnd.Intn(2) == 0
				base := answer{c, w, rnd.Intn(11), 1 + rnd.Intn(7), 1 + rnd.Intn(5), 1 + rnd.Intn(5)}
				for k := rnd.Intn(6); k > 0; k-- {
					r := base
					if !constant {
						r = answer{c, w, rnd.Intn(11), 1 + rnd.Intn(7), 1 + rnd.Intn(5), 1 + rnd.Intn(5)}
					}
					if rnd.Intn(5) == 0 {
						r.ces = -1
					}
					if rnd.Intn(5) == 0 {
						r.da = -1
					}
					rows = append(rows, r)
				}
			}
		}
		if len(rows) == 0 {
			rows = append(rows, answer{"A", 2025, 10, 7, 5, 5})
		}
		_, js, files := edgeSite(t, s, rows)
		checkOutputs(t, fmt.Sprintf("run %d (%d rows, min %d, waves %v)", run, len(rows), s.Bench.MinGroupSize, waves), js, files)
	}
}

// TestWeightedBasesLabelled: with weights, a base that is a sum of weights
// says so (the overview's "weighted n", the questions' counts), and the
// drivers' n counts respondents (10 here; the weights sum to 15).
func TestWeightedBasesLabelled(t *testing.T) {
	s := testkit.Load(t, "../score/testdata/edges.hcl")
	s.Bench.Weight = "w"
	var rows []answer
	for i := 0; i < 10; i++ {
		rows = append(rows, answer{"A", 2025, i, 1 + i%7, 1 + i%5, 1 + (i/2)%5})
	}
	res, js, files := edgeSite(t, s, rows)
	checkOutputs(t, "weighted", js, files)
	if res.Drivers == nil || res.Drivers.N != 10 {
		t.Fatalf("drivers %+v", res.Drivers)
	}
	for page, want := range map[string]string{
		"en/index.html":       "weighted n = ",
		"ru/index.html":       "взвешенное n = ",
		"en/questions-p.html": "(weighted counts)",
		"en/indexes.html":     "n = 10 respondents (correlations weighted)",
		"ru/indexes.html":     "n = 10 респондентов (корреляции взвешены)",
		// Standard errors of a weighted survey are linearised.
		"en/methodology.html": "the weights taken as given: Var = N/(N − 1)·Σw²(y − ȳ)²/(Σw)²",
		"ru/methodology.html": "при весах как заданных: Var = N/(N − 1)·Σw²(y − ȳ)²/(Σw)²",
	} {
		if !strings.Contains(files[page], want) {
			t.Errorf("%s does not say %q", page, want)
		}
	}
}

// TestDriversCannotBeComputed: with a driver everyone answered the same,
// its correlation, R² and the shares are "cannot be computed", never 0.0.
func TestDriversCannotBeComputed(t *testing.T) {
	s := testkit.Load(t, "../score/testdata/edges.hcl")
	var rows []answer
	for i := 0; i < 6; i++ {
		rows = append(rows, answer{"A", 2025, i + 4, 4, 3, 1 + i%5})
	}
	res, js, files := edgeSite(t, s, rows)
	checkOutputs(t, "constant driver", js, files)
	if res.Drivers == nil {
		t.Fatal("no drivers")
	}
	for page, want := range map[string]string{"en/indexes.html": "R² = cannot be computed", "ru/indexes.html": "R² = не вычисляется"} {
		body := files[page]
		sec := between(body, `id="drivers"`, "</section>")
		if sec == "" || !strings.Contains(body, want) || strings.Contains(sec, "<td>0.0</td>") || strings.Contains(sec, "<td>0,0</td>") {
			t.Errorf("%s: %s", page, between(body, `id="drivers"`, "</table>"))
		}
	}
}

// TestOneAnswerOnPages: A's 2024 has one CES answer of five, 2025 five
// (4, 5, 6, 7, 7): the change +2.8 reads "not testable" with its reason,
// in both languages, where it used to show no test at all.
func TestOneAnswerOnPages(t *testing.T) {
	s := testkit.Load(t, "../score/testdata/edges.hcl")
	rows := []answer{{"A", 2024, 5, 3, 3, 3}}
	for i := 0; i < 4; i++ {
		rows = append(rows, answer{"A", 2024, 5, -1, 3, 3})
	}
	for _, c := range []int{4, 5, 6, 7, 7} {
		rows = append(rows, answer{"A", 2025, 5, c, 3, 3}, answer{"B", 2025, 8, c, 4, 4})
	}
	_, js, files := edgeSite(t, s, rows)
	checkOutputs(t, "one answer", js, files)
	for lang, want := range map[string]string{"en": "not testable: a group has fewer than two answers", "ru": "не проверяется: в группе меньше двух ответов"} {
		found := false
		for name, body := range files {
			if strings.HasPrefix(name, lang+"/") && strings.Contains(body, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s pages never say %q", lang, want)
		}
	}
}
