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

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/score"
)

// rsurveyColumns are the data columns testdata/rsurvey.R reads, after
// response_id, wave and base.
var rsurveyColumns = []string{"company", "segment", "channel", "q_nps", "q_csat", "q_ces",
	"d_speed", "d_competence", "d_politeness", "d_ease", "d_price", "q_resolved", "q_contacts"}

// TestAgainstRSurvey is a second engine for the weighted figures: R's survey
// package rakes the nps-csat-ces example to its margins within each wave
// (rake, and calibrate with the raking distance) and estimates every index
// in every group with svymean. Raked weights and point estimates must equal
// ours; standard errors are compared with the package's linearisation and
// the ratios logged (docs/methods.md, "Checked against R's survey package").
func TestAgainstRSurvey(t *testing.T) {
	rscript := testkit.Rscript(t, "survey", "MASS")
	s, path := simulatedFile(t, "nps-csat-ces", 2000)
	if len(s.Bench.Margins) == 0 {
		t.Fatal("the example has no raking margins: nothing to cross-check")
	}
	res, err := score.Compute(s, []string{path}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, rw := range res.Raking {
		if !rw.Converged || len(rw.Warnings()) > 0 {
			t.Fatalf("wave %d: the cross-check needs a plain raking: %+v", rw.Wave, rw.Warnings())
		}
	}
	rows, err := score.Respondents(s, []string{path}, rsurveyColumns)
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	data := [][]string{append([]string{"response_id", "wave", "base"}, rsurveyColumns...)}
	for _, r := range rows {
		rec := []string{r.ID, strconv.Itoa(r.Wave), strconv.FormatFloat(r.Base, 'g', -1, 64)}
		for _, v := range r.Values {
			rec = append(rec, csvValue(t, v))
		}
		data = append(data, rec)
	}
	margins := [][]string{{"field", "code", "share"}}
	for _, m := range s.Bench.Margins {
		for _, tg := range m.Targets {
			margins = append(margins, []string{m.Field, tg.Code, strconv.FormatFloat(tg.Share, 'g', -1, 64)})
		}
	}
	writeCSV(t, filepath.Join(dir, "data.csv"), data)
	writeCSV(t, filepath.Join(dir, "margins.csv"), margins)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	cmd := exec.CommandContext(ctx, rscript, "--vanilla", "testdata/rsurvey.R",
		filepath.Join(dir, "data.csv"), filepath.Join(dir, "margins.csv"), filepath.Join(dir, "weights.csv"), filepath.Join(dir, "estimates.csv"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("Rscript: %v\n%s", err, out)
	}
	t.Logf("R: %d respondents in %.1f s", len(rows), time.Since(start).Seconds())

	// Raked weights, respondent by respondent: rake() and calibrate() agree
	// with each other and with ours.
	ours := map[string]float64{}
	for _, r := range rows {
		ours[r.ID] = r.Weight
	}
	weights := readCSV(t, filepath.Join(dir, "weights.csv"))
	if len(weights) != len(rows) {
		t.Fatalf("%d weights from R for %d respondents", len(weights), len(rows))
	}
	worst, wrong := 0.0, 0
	for _, w := range weights {
		for _, col := range []string{"weight", "calibrated"} {
			theirs := parseFloat(t, w[col])
			got, ok := ours[w["response_id"]]
			if !ok {
				t.Fatalf("R weighs %q, which we do not know", w["response_id"])
			}
			rel := math.Abs(got-theirs) / theirs
			worst = max(worst, rel)
			if rel > 1e-9 {
				if wrong++; wrong <= 5 {
					t.Errorf("%s: raked weight %v, R's %s %v", w["response_id"], got, col, theirs)
				}
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d of %d raked weights differ from R's by more than 1e-9 (relative)", wrong, 2*len(weights))
	}
	t.Logf("raked weights: %d respondents, largest relative difference %.1e", len(weights), worst)

	// Point estimates in every group, and the standard errors side by side.
	type seRow struct {
		key, index               string
		ours, weights, calibrate float64
	}
	ses := map[string]*seRow{}
	compared := 0
	for _, e := range readCSV(t, filepath.Join(dir, "estimates.csv")) {
		key, ix := e["key"], e["index"]
		g := res.Group(key)
		if g == nil {
			t.Errorf("R has group %q, we do not", key)
			continue
		}
		if g.Suppressed {
			continue
		}
		f := g.Indexes[ix]
		if f == nil {
			t.Errorf("%s: no %s", key, ix)
			continue
		}
		value, se := parseFloat(t, e["value"]), parseFloat(t, e["se"])
		if !equal9(f.Value, value) {
			t.Errorf("%s %s (%s design): ours %v, R %v", key, ix, e["design"], f.Value, value)
		}
		compared++
		id := key + " " + ix
		r := ses[id]
		if r == nil {
			r = &seRow{key: key, index: ix, ours: f.SE}
			ses[id] = r
		}
		switch e["design"] {
		case "weights":
			r.weights = se
		case "calibrate":
			r.calibrate = se
		}
	}
	shown := 0
	for _, g := range res.Groups {
		if !g.Suppressed {
			shown += len(g.Indexes)
		}
	}
	if compared != 2*shown {
		t.Errorf("%d estimates compared, want 2 designs × %d figures", compared, shown)
	}

	// Standard errors: ours (Kish's n_eff) over the survey package's, per
	// index and design; the whole sample and the waves in full. Within
	// seBand of the linearisation is what docs/methods.md states.
	var keys []string
	for k := range ses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	byIndex := map[string][2][]float64{}
	for _, k := range keys {
		r := ses[k]
		ratios := byIndex[r.index]
		for d, theirs := range []float64{r.weights, r.calibrate} {
			ratios[d] = append(ratios[d], r.ours/theirs)
		}
		byIndex[r.index] = ratios
		if r.key == "all" || strings.HasPrefix(r.key, "wave=") {
			t.Logf("%-10s %-8s SE ours %.4f  survey: weights %.4f, calibrate %.4f", r.key, r.index, r.ours, r.weights, r.calibrate)
		}
	}
	var ids []string
	for ix := range byIndex {
		ids = append(ids, ix)
	}
	sort.Strings(ids)
	for _, ix := range ids {
		var parts []string
		for d, name := range []string{"weights", "calibrate"} {
			x := byIndex[ix][d]
			slices.Sort(x)
			parts = append(parts, fmt.Sprintf("%s %.3f (%.3f–%.3f)", name, median(x), x[0], x[len(x)-1]))
			if x[0] < 1-seBand || x[len(x)-1] > 1+seBand {
				t.Errorf("%s: our SEs are %.3f to %.3f times the survey package's (%s design), beyond the ±%.0f%% docs/methods.md states",
					ix, x[0], x[len(x)-1], name, 100*seBand)
			}
		}
		t.Logf("%-8s SE ours/survey over %d groups, median (range): %s", ix, len(byIndex[ix][0]), strings.Join(parts, "; "))
	}
}

// seBand is how far our standard errors may be from the survey package's
// linearisation, relative, in this example (docs/methods.md).
const seBand = 0.05

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

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

func csvValue(t *testing.T, v any) string {
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

func writeCSV(t *testing.T, path string, rows [][]string) {
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

// readCSV reads a CSV file with a header into one map per row.
func readCSV(t *testing.T, path string) []map[string]string {
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

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("a number from R: %v", err)
	}
	return x
}
