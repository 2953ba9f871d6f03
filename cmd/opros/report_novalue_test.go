package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportNoValue: an index d_speed / (d_ease − 3) added to a copy of
// nps-csat-ces divides by zero for every respondent who rated ease 3; opros
// report says how many per index on stderr, in English and Russian, with
// the count --json carries, and so does the methodology page (never
// silently).
func TestReportNoValue(t *testing.T) {
	tmp := t.TempDir()
	survey := filepath.Join(tmp, "survey")
	os.Mkdir(survey, 0o755)
	for _, f := range []string{"survey.hcl", "pages.hcl", "scoring.hcl"} {
		b, err := os.ReadFile(filepath.Join(npsExample, f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "scoring.hcl" {
			b = append(b, "\nindex \"ratio\" {\n  title = { ru = \"Отношение\", en = \"Ratio\" }\n  kind  = \"expr\"\n  expr  = d_speed / (d_ease - 3)\n  min   = -5\n  max   = 5\n}\n"...)
		}
		os.WriteFile(filepath.Join(survey, f), b, 0o644)
	}
	simulateTo(t, filepath.Join(tmp, "answers.ndjson"), "-n", "60", "--seed", "1", survey)
	data := filepath.Join(tmp, "answers.parquet")
	if code, _, errs := run(t, "ingest", "--survey", survey, "-o", data, filepath.Join(tmp, "answers.ndjson")); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	for lang, want := range map[string]string{
		"en": "opros report: note: index ratio: its formula divides by zero for %d respondent(s), who have no value for it",
		"ru": "opros report: примечание: индекс ratio: формула делит на ноль у %d респондентов",
	} {
		js := filepath.Join(tmp, lang+".json")
		code, errs := runLang(t, lang, "report", "--survey", survey, "-o", filepath.Join(tmp, "site-"+lang), "--keys", filepath.Join(tmp, "keys.json"), "--json", js, data)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", lang, code, errs)
		}
		var res struct {
			NoValue map[string]int `json:"no_value"`
		}
		b, _ := os.ReadFile(js)
		if err := json.Unmarshal(b, &res); err != nil {
			t.Fatal(err)
		}
		n := res.NoValue["ratio"]
		if n == 0 || len(res.NoValue) != 1 {
			t.Fatalf("%s: --json no_value = %v, want ratio > 0 only (ease 3 is among the simulated answers)", lang, res.NoValue)
		}
		if !strings.Contains(errs, fmt.Sprintf(want, n)) {
			t.Errorf("%s: stderr %q does not say %q", lang, errs, fmt.Sprintf(want, n))
		}
		// The methodology pages (both languages of the site) say it too.
		page := map[string]string{"en": "divides by zero for %d respondent(s)", "ru": "делит на ноль у %d респондентов"}
		for pl, w := range page {
			b, err := os.ReadFile(filepath.Join(tmp, "site-"+lang, "public", pl, "methodology.html"))
			if err != nil || !strings.Contains(string(b), fmt.Sprintf(w, n)) {
				t.Errorf("%s site: %s methodology page does not say %q (%v)", lang, pl, fmt.Sprintf(w, n), err)
			}
		}
	}
}
