package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/site/score"
)

// TestReportSaysWhatIsSuppressed: a report on data too small for some
// groups says on stderr, in the researcher's language, how many groups were
// suppressed for their size and how many more hidden to protect them, the
// counts of the results it wrote.
func TestReportSaysWhatIsSuppressed(t *testing.T) {
	tmp := t.TempDir()
	simulateTo(t, filepath.Join(tmp, "answers.ndjson"), "-n", "40", "--seed", "1", npsExample)
	data := filepath.Join(tmp, "answers.parquet")
	if code, _, errs := run(t, "ingest", "--survey", npsExample, "-o", data, filepath.Join(tmp, "answers.ndjson")); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	for lang, format := range map[string]string{
		"en": "%d group(s) with fewer than %d respondents suppressed, and %d more hidden",
		"ru": "скрыто групп, где меньше %[2]d респондентов: %[1]d, и ещё %[3]d, чтобы",
	} {
		js := filepath.Join(tmp, lang+".json")
		code, errs := runLang(t, lang, "report", "--survey", npsExample, "-o", filepath.Join(tmp, "site-"+lang), "--json", js, data)
		if code != exitOK {
			t.Fatalf("%s: report: %d %s", lang, code, errs)
		}
		res, err := score.ReadJSON(js)
		if err != nil {
			t.Fatal(err)
		}
		small, protect := suppressedGroups(res)
		if small == 0 || protect == 0 {
			t.Fatalf("40 answers should leave groups suppressed for size and to protect them: %d, %d", small, protect)
		}
		if want := fmt.Sprintf(format, small, res.MinGroupSize, protect); !strings.Contains(errs, want) {
			t.Errorf("%s: stderr %q lacks %q", lang, errs, want)
		}
	}
}
