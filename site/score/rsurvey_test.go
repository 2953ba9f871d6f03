package score_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/score"
)

// rsurveyColumns are the data columns testdata/rsurvey.R reads, after
// response_id and wave.
var rsurveyColumns = []string{"company", "segment", "channel", "q_nps", "q_csat", "q_ces",
	"d_speed", "d_competence", "d_politeness", "d_ease", "d_price", "q_resolved", "q_contacts"}

// rScenario is one weighting the cross-check runs: a base weight column and
// raking targets.
type rScenario struct {
	name    string
	weight  string             // the base weight's column; "": none (the example has none)
	targets map[string]float64 // "field=code" → share, over the survey's own; nil: the survey's
	// seBand is how far (relative) our standard errors may be from the
	// survey package's calibrated variance (the raking accounted for), as
	// docs/methods.md states; 0: the ratios are logged only. With the
	// weights taken as given they must be equal in every scenario
	// (seEqual).
	seBand float64
}

// seEqual is how far (relative) our standard errors may be from svymean's
// on svydesign(ids = ~1, weights = the raked weights): the same linearised
// variance, computed from other sums and R's weights (equal to ours within
// 1e-9), and ours stored with 9 significant digits.
const seEqual = 1e-6

var rScenarios = []rScenario{
	{name: "example", seBand: 0.05},
	// The number of contacts as a base weight (missing: 1), then raked to
	// the survey's margins.
	{name: "weighted", weight: "q_contacts"},
	// Far from the sample (30% b2b, 40% phone): raking factors 0.015 to 8.4,
	// a design effect of about 6, beyond what a researcher should publish
	// (docs/methods.md) but where the variance methods part.
	{name: "extreme", targets: map[string]float64{"segment=b2c": 0.05, "segment=b2b": 0.95,
		"channel=phone": 0.7, "channel=chat": 0.1, "channel=email": 0.1, "channel=office": 0.1}},
}

// TestAgainstRSurvey is a second engine for the weighted figures: R's survey
// package rakes the nps-csat-ces example within each wave (rake, and
// calibrate with the raking distance) and estimates every index in every
// group with svymean: to the survey's margins, with a base weight too, and
// to targets far from the sample. Raked weights and point estimates must
// equal ours; standard errors are compared with the package's
// linearisation, with and without accounting for the raking (docs/methods.md,
// "Checked against R's survey package").
func TestAgainstRSurvey(t *testing.T) {
	rscript := testkit.Rscript(t, "survey", "MASS")
	s, path := simulatedFile(t, "nps-csat-ces", 2000)
	if len(s.Bench.Margins) == 0 {
		t.Fatal("the example has no raking margins: nothing to cross-check")
	}
	dir := t.TempDir()
	results := map[string]*score.Results{}
	weights := map[string]map[string]float64{} // scenario → response id → weight
	margins := [][]string{{"scenario", "weight", "field", "code", "share"}}
	var data [][]string
	for _, sc := range rScenarios {
		ss := *s
		ss.Bench.Weight = sc.weight
		ss.Bench.Margins = withTargets(t, s.Bench.Margins, sc.targets)
		res, err := score.Compute(&ss, []string{path}, score.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, rw := range res.Raking {
			if !rw.Converged || len(rw.Warnings()) > 0 {
				t.Fatalf("%s, wave %d: the cross-check needs a plain raking: %+v", sc.name, rw.Wave, rw.Warnings())
			}
			t.Logf("%s, wave %d: raking factors %.3f to %.3f, design effect %.3f", sc.name, rw.Wave, rw.MinFactor, rw.MaxFactor, rw.DesignEffect)
		}
		if all := res.Group("all"); all != nil {
			t.Logf("%s: %d respondents, Kish's n_eff %.0f", sc.name, all.N, all.NEff)
		}
		results[sc.name] = res
		rows, err := score.Respondents(&ss, []string{path}, rsurveyColumns)
		if err != nil {
			t.Fatal(err)
		}
		weights[sc.name] = map[string]float64{}
		for _, r := range rows {
			weights[sc.name][r.ID] = r.Weight
		}
		for _, m := range ss.Bench.Margins {
			for _, tg := range m.Targets {
				margins = append(margins, []string{sc.name, sc.weight, m.Field, tg.Code, strconv.FormatFloat(tg.Share, 'g', -1, 64)})
			}
		}
		if data != nil {
			continue
		}
		data = [][]string{append([]string{"response_id", "wave"}, rsurveyColumns...)}
		for _, r := range rows {
			rec := []string{r.ID, strconv.Itoa(r.Wave)}
			for _, v := range r.Values {
				rec = append(rec, rCSVValue(t, v))
			}
			data = append(data, rec)
		}
	}
	writeRCSV(t, filepath.Join(dir, "data.csv"), data)
	writeRCSV(t, filepath.Join(dir, "margins.csv"), margins)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	cmd := exec.CommandContext(ctx, rscript, "--vanilla", "testdata/rsurvey.R",
		filepath.Join(dir, "data.csv"), filepath.Join(dir, "margins.csv"), filepath.Join(dir, "weights.csv"), filepath.Join(dir, "estimates.csv"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("Rscript: %v\n%s", err, out)
	}
	t.Logf("R: %d respondents, %d scenarios in %.1f s", len(data)-1, len(rScenarios), time.Since(start).Seconds())

	// Raked weights, respondent by respondent: rake() and calibrate() agree
	// with each other and with ours.
	worst, wrong, seen := map[string]float64{}, 0, map[string]int{}
	for _, w := range readRCSV(t, filepath.Join(dir, "weights.csv")) {
		sc := w["scenario"]
		seen[sc]++
		got, ok := weights[sc][w["response_id"]]
		if !ok {
			t.Fatalf("%s: R weighs %q, which we do not know", sc, w["response_id"])
		}
		for _, col := range []string{"weight", "calibrated"} {
			theirs := parseRFloat(t, w[col])
			rel := math.Abs(got-theirs) / theirs
			worst[sc] = max(worst[sc], rel)
			if rel > 1e-9 {
				if wrong++; wrong <= 5 {
					t.Errorf("%s, %s: raked weight %v, R's %s %v", sc, w["response_id"], got, col, theirs)
				}
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d raked weights differ from R's by more than 1e-9 (relative)", wrong)
	}
	for _, sc := range rScenarios {
		if seen[sc.name] != len(data)-1 {
			t.Errorf("%s: %d weights from R for %d respondents", sc.name, seen[sc.name], len(data)-1)
		}
		t.Logf("%s: raked weights of %d respondents, largest relative difference %.1e", sc.name, seen[sc.name], worst[sc.name])
	}

	// Point estimates in every group, and the standard errors side by side.
	type seRow struct {
		scenario, key, index           string
		ours, weights, calibrate, rake float64
	}
	ses := map[string]*seRow{}
	compared := map[string]int{}
	for _, e := range readRCSV(t, filepath.Join(dir, "estimates.csv")) {
		sc, key, ix := e["scenario"], e["key"], e["index"]
		g := results[sc].Group(key)
		if g == nil {
			t.Errorf("%s: R has group %q, we do not", sc, key)
			continue
		}
		if g.Suppressed {
			continue
		}
		f := g.Indexes[ix]
		if f == nil {
			t.Errorf("%s, %s: no %s", sc, key, ix)
			continue
		}
		value, se := parseRFloat(t, e["value"]), parseRFloat(t, e["se"])
		if !equal9(f.Value, value) {
			t.Errorf("%s, %s %s (%s design): ours %v, R %v", sc, key, ix, e["design"], f.Value, value)
		}
		if e["design"] != "rake" {
			compared[sc]++
		}
		id := sc + " " + key + " " + ix
		r := ses[id]
		if r == nil {
			r = &seRow{scenario: sc, key: key, index: ix, ours: f.SE}
			ses[id] = r
		}
		switch e["design"] {
		case "weights":
			r.weights = se
		case "calibrate":
			r.calibrate = se
		case "rake":
			r.rake = se
		}
	}
	for _, sc := range rScenarios {
		shown := 0
		for _, g := range results[sc.name].Groups {
			if !g.Suppressed {
				shown += len(g.Indexes)
			}
		}
		if compared[sc.name] != 2*shown {
			t.Errorf("%s: %d estimates compared, want 2 designs × %d figures", sc.name, compared[sc.name], shown)
		}
	}

	// Standard errors: ours (linearised, the weights as given) over the
	// survey package's, per scenario, index and design; the whole sample and
	// the waves in full.
	var keys []string
	for k := range ses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ratios := map[string][2][]float64{} // scenario and index → by design
	unequal, worstSE := 0, map[string]float64{}
	for _, k := range keys {
		r := ses[k]
		rel := math.Abs(r.ours/r.weights - 1)
		worstSE[r.scenario] = max(worstSE[r.scenario], rel)
		if !(rel <= seEqual) {
			if unequal++; unequal <= 5 {
				t.Errorf("%s, %s %s: SE %v, svymean's with the weights as given %v (relative difference %.1e)", r.scenario, r.key, r.index, r.ours, r.weights, rel)
			}
		}
		id := r.scenario + " " + r.index
		x := ratios[id]
		for d, theirs := range []float64{r.weights, r.calibrate} {
			x[d] = append(x[d], r.ours/theirs)
		}
		ratios[id] = x
		if r.key == "all" || strings.HasPrefix(r.key, "wave=") {
			t.Logf("%-8s %-10s %-8s SE ours %.4f  survey: weights %.4f, calibrate %.4f, rake %.4f", r.scenario, r.key, r.index, r.ours, r.weights, r.calibrate, r.rake)
		}
	}
	if unequal > 0 {
		t.Errorf("%d of %d standard errors differ from svymean's (weights as given) by more than %.0e relative", unequal, len(keys), seEqual)
	}
	for _, sc := range rScenarios {
		t.Logf("%s: SEs equal svymean's with the weights as given within %.1e relative", sc.name, worstSE[sc.name])
		for _, ix := range []string{"nps", "csat", "ces", "service", "fcr"} {
			var parts []string
			for d, name := range []string{"weights", "calibrate"} {
				x := ratios[sc.name+" "+ix][d]
				if len(x) == 0 {
					t.Fatalf("%s: no standard errors of %s", sc.name, ix)
				}
				slices.Sort(x)
				parts = append(parts, fmt.Sprintf("%s %.3f (%.3f–%.3f)", name, medianOfSorted(x), x[0], x[len(x)-1]))
				if name == "calibrate" && sc.seBand > 0 && (x[0] < 1-sc.seBand || x[len(x)-1] > 1+sc.seBand) {
					t.Errorf("%s, %s: our SEs are %.3f to %.3f times the survey package's (%s design), beyond the ±%.0f%% docs/methods.md states",
						sc.name, ix, x[0], x[len(x)-1], name, 100*sc.seBand)
				}
			}
			t.Logf("%-8s %-8s SE ours/survey over %d groups, median (range): %s", sc.name, ix, len(ratios[sc.name+" "+ix][0]), strings.Join(parts, "; "))
		}
	}
}

// withTargets is a copy of the margins with some targets' shares replaced
// ("field=code" → share); every replacement must name a target.
func withTargets(t *testing.T, ms []ir.Margin, shares map[string]float64) []ir.Margin {
	t.Helper()
	out := make([]ir.Margin, len(ms))
	used := 0
	for i, m := range ms {
		m.Targets = slices.Clone(m.Targets)
		for j, tg := range m.Targets {
			if x, ok := shares[m.Field+"="+tg.Code]; ok {
				m.Targets[j].Share = x
				used++
			}
		}
		out[i] = m
	}
	if used != len(shares) {
		t.Fatalf("targets %v: %d of them name no margin value", shares, len(shares)-used)
	}
	return out
}

// equal9 compares an estimate of ours, stored with 9 significant digits,
// with R's: within 1e-9 relative (absolute below 1, on 0-100 scales) plus
// half a unit of the ninth digit.
func equal9(ours, theirs float64) bool {
	unit := 0.0
	if theirs != 0 {
		unit = math.Pow(10, math.Floor(math.Log10(math.Abs(theirs)))-8) / 2
	}
	return math.Abs(ours-theirs) <= 1e-9*max(math.Abs(theirs), 1)+unit
}

func medianOfSorted(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

func rCSVValue(t *testing.T, v any) string {
	switch x := v.(type) {
	case nil:
		return "NA"
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strings.ToUpper(strconv.FormatBool(x))
	}
	t.Fatalf("no CSV form for %T", v)
	return ""
}

func writeRCSV(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.WriteAll(rows)
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// readRCSV reads a CSV file with a header into one map per row.
func readRCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	all, err := csv.NewReader(f).ReadAll()
	if err != nil || len(all) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for _, rec := range all[1:] {
		m := map[string]string{}
		for i, h := range all[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

func parseRFloat(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("a number from R: %v", err)
	}
	return x
}
