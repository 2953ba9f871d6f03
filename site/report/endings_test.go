package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

// TestEndingsOnMethodology: the methodology page counts how the
// respondents ended the survey, completions by ending and screen-outs,
// with their share of the wave, in both languages, as score counted them.
func TestEndingsOnMethodology(t *testing.T) {
	const path = "../../render/form/testdata/endings.hcl"
	s := testkit.Load(t, path)
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 300, Seed: 7}, &buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := score.Compute(s, []string{data}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Endings) != 3 {
		t.Fatalf("endings counted %+v, want promoter, complete and young", res.Endings)
	}
	out := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: filepath.Dir(path), Keys: testKeys(t, s, res)}, out); err != nil {
		t.Fatal(err)
	}
	files := readAll(t, out)
	for lang, words := range map[string][]string{"en": {"Endings", "screen-out", "completion"}, "ru": {"Завершения", "отсев", "прохождение"}} {
		sec := between(files[lang+"/methodology.html"], `id="endings"`, `</section>`)
		for _, want := range words {
			if !strings.Contains(sec, want) {
				t.Errorf("%s: the endings section lacks %q:\n%s", lang, want, sec)
			}
		}
		for _, c := range res.Endings {
			if !strings.Contains(sec, ">"+c.Ending+"<") || !strings.Contains(sec, ">"+strconv.Itoa(c.N)+"<") {
				t.Errorf("%s: the endings section lacks %s: %d:\n%s", lang, c.Ending, c.N, sec)
			}
		}
	}
}
