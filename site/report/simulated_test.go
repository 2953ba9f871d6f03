package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

// simulatedSite runs the whole pipeline on a test survey: n simulated
// answers (seed), ingested, scored and built into a report site, whose
// public files it returns by path (en/…, ru/…) with the answers it
// simulated. Simulated answers keep every rule of the survey, so one
// refused by ingest fails the test.
func simulatedSite(t *testing.T, path string, n int, seed uint64) (*ir.Survey, []byte, *score.Results, map[string]string) {
	t.Helper()
	s := testkit.Load(t, path)
	var answers bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: n, Seed: seed}, &answers); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	if err := os.WriteFile(in, answers.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil || st.Rejected > 0 {
		t.Fatalf("ingest of the simulated answers: %+v %v", st, err)
	}
	res, err := score.Compute(s, []string{data}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: filepath.Dir(path), Keys: testKeys(t, s, res)}, out); err != nil {
		t.Fatal(err)
	}
	return s, answers.Bytes(), res, readAll(t, out)
}
