package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExport runs opros export on simulated answers to the example
// survey: each format is written, the rename of a multi's "other" option
// is said on stderr in the interface language, and a wrong command line,
// format or survey gets its exit code.
func TestExport(t *testing.T) {
	tmp := t.TempDir()
	survey := "../../examples/contact-center-2018"
	in := filepath.Join(tmp, "in.ndjson")
	code, sim, stderr := run(t, "simulate", "-n", "60", "--seed", "2", survey)
	if code != exitOK {
		t.Fatalf("simulate: %d %s", code, stderr)
	}
	os.WriteFile(in, []byte(sim), 0o644)
	data := filepath.Join(tmp, "data.parquet")
	if code, _, stderr := run(t, "ingest", "--survey", survey, "-o", data, in); code != exitOK {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	for _, ext := range []string{".sav", ".xlsx", ".csv"} {
		out := filepath.Join(tmp, "out"+ext)
		code, stdout, stderr := run(t, "export", "--survey", survey, "-o", out, data)
		if code != exitOK || !strings.Contains(stdout, "wrote "+out) || !strings.Contains(stderr, "q5_2.other is named q5_2_other_2") {
			t.Errorf("%s: %d %q %q", ext, code, stdout, stderr)
		}
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", ext, err)
		}
	}
	code, errText := runLang(t, "ru", "export", "--survey", survey, "-o", filepath.Join(tmp, "ru.sav"), data)
	if code != exitOK || !strings.Contains(errText, "q5_2.other названа q5_2_other_2") {
		t.Errorf("ru: %d %q", code, errText)
	}
	other := "../../examples/nps-csat-ces"
	link := filepath.Join(tmp, "link.sav") // the data file under another name
	os.Symlink(data, link)
	for _, c := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"export", "--survey", survey, data}, exitUsage, "give --survey SURVEY, -o"},
		{[]string{"export", "--survey", survey, "-o", filepath.Join(tmp, "x.pdf"), data}, exitUsage, "extension names its format"},
		{[]string{"export", "--survey", survey, "--lang", "de", "-o", filepath.Join(tmp, "x.sav"), data}, exitUsage, "--lang de"},
		{[]string{"export", "--survey", survey, "-o", link, data}, exitUsage, "is one of the data files"},
		{[]string{"export", "--survey", other, "-o", filepath.Join(tmp, "x.sav"), data}, exitInput, "not to \"nps-csat-ces\""},
	} {
		code, _, stderr := run(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.stderr) {
			t.Errorf("%v: %d %q", c.args, code, stderr)
		}
	}
	if code, _, stderr := run(t, "export", "--survey", survey, "--labels", "-o", filepath.Join(tmp, "l.sav"), data); code != exitOK || !strings.Contains(stderr, "--labels is for .xlsx and .csv") {
		t.Errorf("--labels with .sav: %d %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(tmp, "x.sav")); err == nil {
		t.Error("a failed export left a file")
	}
}
