package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImport: opros import writes a survey that opros check and opros fmt
// accept, lists what it dropped and changed (en/ru), refuses to overwrite,
// and says what is wrong with a file it cannot read.
func TestImport(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join("..", "..", "compiler", "importer", "testdata", "surveyjs", "all.json")
	out := filepath.Join(tmp, "imported")

	code, stdout, stderr := run(t, "import", "-o", out, src)
	if code != exitOK {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "wrote "+filepath.Join(out, "survey.hcl")) || !strings.Contains(stdout, "passes opros check") {
		t.Errorf("import's summary: %q", stdout)
	}
	for _, want := range []string{
		"opros import: dropped: pages[1].elements[13]: type \"file\" has no opros equivalent",
		"opros import: changed: pages[0].elements[3].name: \"team-size\" is not an opros identifier",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	dropped := strings.Count(stderr, "opros import: dropped: ")
	if !strings.Contains(stdout, " "+strconv.Itoa(dropped)+" item(s) of the source dropped") {
		t.Errorf("the summary does not count the %d dropped items it listed: %q", dropped, stdout)
	}
	if code, o, e := run(t, "check", out); code != exitOK {
		t.Errorf("opros check of the import: exit %d\n%s%s", code, o, e)
	}
	if code, o, e := run(t, "fmt", "-check", out); code != exitOK {
		t.Errorf("opros fmt -check of the import: exit %d\n%s%s", code, o, e)
	}

	// A second import does not overwrite the first.
	before, _ := os.ReadFile(filepath.Join(out, "survey.hcl"))
	if code, _, e := run(t, "import", "-o", out, src); code != exitInput || !strings.Contains(e, "already exists") {
		t.Errorf("import over an earlier one: exit %d, %q", code, e)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "survey.hcl")); !bytes.Equal(before, after) {
		t.Error("the earlier import was overwritten")
	}

	// In Russian.
	t.Setenv("OPROS_LANG", "ru")
	var o, e bytes.Buffer
	if code := Main([]string{"import", "-o", filepath.Join(tmp, "ru"), src}, strings.NewReader(""), &o, &e); code != exitOK {
		t.Fatalf("import in Russian: exit %d\n%s", code, e.String())
	}
	if !strings.Contains(e.String(), "opros import: пропущено: pages[1].elements[13]: у типа \"file\" нет аналога в opros") ||
		!strings.Contains(o.String(), "проходит opros check") {
		t.Errorf("import in Russian:\n%s%s", o.String(), e.String())
	}

	// Files it cannot import.
	bad := filepath.Join(tmp, "bad.json")
	os.WriteFile(bad, []byte(`{"pages": [`), 0o644)
	empty := filepath.Join(tmp, "empty.json")
	os.WriteFile(empty, []byte(`{"pages": [{"elements": [{"type": "file", "name": "f"}]}]}`), 0o644)
	notXLSX := filepath.Join(tmp, "form.xlsx")
	os.WriteFile(notXLSX, []byte("not a zip"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, exitUsage, "name one FILE"},
		{[]string{"import", filepath.Join(tmp, "form.docx")}, exitUsage, "not .xlsx (XLSForm) or .json (SurveyJS)"},
		{[]string{"import", "-o", filepath.Join(tmp, "b"), bad}, exitInput, "bad.json: not a SurveyJS survey"},
		{[]string{"import", "-o", filepath.Join(tmp, "e"), empty}, exitInput, "no question could be imported"},
		{[]string{"import", "-o", filepath.Join(tmp, "x"), notXLSX}, exitInput, "form.xlsx: cannot read the spreadsheet"},
	} {
		code, _, stderr := run(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(tmp, "e")); err == nil {
		t.Error("an import with no question wrote a folder")
	}
}
