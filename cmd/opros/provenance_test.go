package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestReportProvenance is the audit's case and its neighbours: opros
// report refuses a Parquet file of another survey (cx-index's answers
// reported as nps-csat-ces, which once gave made-up figures and exit 0),
// a file that is not opros data, and one ingested under an older version
// whose answers have no place in the current one, saying how to
// re-ingest; it reads the survey's own file, and one ingested under a
// version that differs only in wording, with a note.
func TestReportProvenance(t *testing.T) {
	tmp := t.TempDir()
	ingestAs := func(name, survey string, simulate ...string) string {
		t.Helper()
		in := filepath.Join(tmp, name+".ndjson")
		simulateTo(t, in, append([]string{"-n", "30", "--seed", "3"}, append(simulate, survey)...)...)
		out := filepath.Join(tmp, name+".parquet")
		if code, _, errs := run(t, "ingest", "--survey", survey, "-o", out, in); code != exitOK {
			t.Fatalf("ingest %s: %d %s", name, code, errs)
		}
		return out
	}
	own := ingestAs("own", npsExample)
	cx := ingestAs("cx", "../../examples/cx-index")
	old := filepath.Join(tmp, "old")
	legacySurvey(t, old)
	legacy := ingestAs("legacy", old, "--config", filepath.Join(npsExample, "demo", "simulate.hcl"))
	reworded := copySurvey(t, filepath.Join(tmp, "reworded"), map[string][2]string{"pages.hcl": {"en = \"What did you like most?\"", "en = \"What did you like best?\""}})
	wording := ingestAs("wording", reworded)
	foreign := filepath.Join(tmp, "foreign.parquet")
	writeParquet(t, foreign, nil)

	for _, tc := range []struct {
		name   string
		file   string
		code   int
		en, ru []string
	}{
		{"another survey's data", cx, exitInput,
			[]string{"opros report: " + cx + `: the file holds answers to survey "cx-index", not to "nps-csat-ces"`},
			[]string{"opros report: " + cx + `: в файле ответы на анкету "cx-index", а не на "nps-csat-ces"`}},
		{"not opros data", foreign, exitInput,
			[]string{"opros report: " + foreign + ": not an opros data file"},
			[]string{"opros report: " + foreign + ": это не файл данных opros"}},
		{"older version, a question removed since", legacy, exitInput,
			[]string{"opros report: " + legacy + ": the file was ingested for version sha256:", `q_legacy: The question "q_legacy" was removed`, "opros ingest --survey SURVEY --previous OLD"},
			[]string{"opros report: " + legacy + ": файл собран для версии анкеты sha256:", `q_legacy: Вопрос "q_legacy" удалён`, "opros ingest --survey АНКЕТА --previous СТАРАЯ"}},
		{"older version, reworded since", wording, exitOK,
			[]string{"opros report: note: " + wording + " was ingested for an earlier version of the survey (sha256:", "opros diff lists the changes (1)"},
			[]string{"opros report: примечание: " + wording + " собран для прежней версии анкеты (sha256:", "изменения перечисляет opros diff (1)"}},
		{"the survey's own data", own, exitOK, []string{""}, []string{""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for lang, want := range map[string][]string{"en": tc.en, "ru": tc.ru} {
				code, errs := runLang(t, lang, "report", "--survey", npsExample, "-o", filepath.Join(tmp, "site"), tc.file)
				if code != tc.code {
					t.Errorf("%s: exit %d, want %d; stderr %s", lang, code, tc.code, errs)
				}
				for _, w := range want {
					if !strings.Contains(errs, w) {
						t.Errorf("%s: stderr %q lacks %q", lang, errs, w)
					}
				}
				// The survey's own file gets no provenance note (other notes,
				// such as what suppression hid, may follow).
				if tc.name == "the survey's own data" && (strings.Contains(errs, wording) || strings.Contains(errs, "opros diff")) {
					t.Errorf("%s: stderr %q, want no provenance note", lang, errs)
				}
			}
		})
	}
}
