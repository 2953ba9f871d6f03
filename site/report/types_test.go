package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

// TestQuestionTypesPages builds the report of simulated answers to the
// survey with every question type and checks the question page of the
// types added for #19, in both languages: a boolean shows its two
// answers by the author's labels, with a bar chart of the shares and a
// table with their intervals.
func TestQuestionTypesPages(t *testing.T) {
	const path = "../../testdata/surveys/every-construct.hcl"
	s := testkit.Load(t, path)
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 300, Seed: 5}, &buf); err != nil {
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
	out := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: filepath.Dir(path), Keys: testKeys(t, s, res)}, out); err != nil {
		t.Fatal(err)
	}
	files := readAll(t, out)
	pages := 0
	for _, lang := range s.Languages {
		page, ok := files[lang+"/questions-types.html"]
		if !ok {
			continue // the report's languages: the survey's first unless it says
		}
		pages++
		sec := between(page, `id="q-q_bool_labels"`, `id="q-`)
		if sec == "" {
			sec = between(page, `id="q-q_bool_labels"`, `</main>`)
		}
		q := s.Question("q_bool_labels")
		for _, want := range []string{q.TrueLabel[lang], q.FalseLabel[lang], "<svg", "<table"} {
			if !strings.Contains(sec, want) {
				t.Errorf("%s: the boolean's section lacks %q:\n%s", lang, want, sec)
			}
		}
		if strings.Contains(sec, ">true<") || strings.Contains(sec, ">false<") {
			t.Errorf("%s: the boolean's section shows codes instead of labels:\n%s", lang, sec)
		}
		// An inputs question: a bar chart of each box's mean with a table of
		// means and intervals, by the boxes' labels.
		boxes := between(files[lang+"/questions-inputs.html"], `id="q-q_agents"`, `</section>`)
		// A constant sum: the mean allocation of each box, likewise.
		shares := between(files[lang+"/questions-sums.html"], `id="q-q_share"`, `</section>`)
		for _, it := range s.Question("q_share").Items {
			if !strings.Contains(shares, it.Label[lang]) || !strings.Contains(shares, "<svg") {
				t.Errorf("%s: the constant sum's section lacks %q or its chart:\n%s", lang, it.Label[lang], shares)
			}
		}
		// Piped texts name what they pipe (ir.PipesNamed), never {q}.
		logic := files[lang+"/questions-logic.html"]
		if want := map[string]string{"en": "[answer to q_staff]", "ru": "[ответ на q_staff]"}[lang]; !strings.Contains(logic, want) ||
			strings.Contains(logic, "{q_staff") || strings.Contains(logic, "{c_staff_other}") {
			t.Errorf("%s: the logic page does not name its piped values as %s:\n%s", lang, want, logic)
		}
		// A ranking: mean ranks on a chart, and the share ranked first.
		ranks := between(files[lang+"/questions-ranks.html"], `id="q-q_priorities"`, `</section>`)
		for _, want := range []string{s.Question("q_priorities").Items[0].Label[lang], "<svg", map[string]string{"en": "Ranked first", "ru": "На первом месте"}[lang]} {
			if !strings.Contains(ranks, want) {
				t.Errorf("%s: the ranking's section lacks %q:\n%s", lang, want, ranks)
			}
		}
		agents := s.Question("q_agents")
		for _, want := range []string{agents.Items[0].Label[lang], agents.Items[1].Label[lang], "<svg", "<table"} {
			if !strings.Contains(boxes, want) {
				t.Errorf("%s: the inputs section lacks %q:\n%s", lang, want, boxes)
			}
		}
	}
	if pages == 0 {
		t.Fatal("no questions-types.html in any language")
	}
}
