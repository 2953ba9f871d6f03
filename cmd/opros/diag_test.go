package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var cyrillic = regexp.MustCompile(`\p{Cyrillic}`)

// TestCheckInRussian: with OPROS_LANG=ru, opros check prints every error
// file's diagnostics in Russian: headings, where, summaries.
func TestCheckInRussian(t *testing.T) {
	files, _ := filepath.Glob("../../compiler/testdata/errors/*.hcl")
	if len(files) == 0 {
		t.Fatal("no error files")
	}
	t.Setenv("OPROS_LANG", "ru")
	for _, f := range files {
		var out, errb bytes.Buffer
		if code := Main([]string{"check", f}, strings.NewReader(""), &out, &errb); code != exitInput {
			t.Errorf("%s: exit %d, want %d", f, code, exitInput)
		}
		n := 0
		for _, line := range strings.Split(errb.String(), "\n") {
			if strings.HasPrefix(line, "Error") || strings.HasPrefix(line, "  on ") {
				t.Errorf("%s: English in Russian output: %q", f, line)
			}
			if s, ok := strings.CutPrefix(line, "Ошибка: "); ok {
				n++
				if !cyrillic.MatchString(s) {
					t.Errorf("%s: English summary: %q", f, line)
				}
			}
		}
		if n == 0 || !strings.Contains(errb.String(), ", строка ") || !strings.Contains(errb.String(), "ошибок: ") {
			t.Errorf("%s: no Russian diagnostics:\n%s", f, errb.String())
		}
	}
}

// TestFmtSyntaxError: opros fmt of a file that does not parse shows the
// source line and where it is, in the interface language.
func TestFmtSyntaxError(t *testing.T) {
	f := filepath.Join(t.TempDir(), "bad.hcl")
	os.WriteFile(f, []byte("survey \"x\" {\n  title = \"Опрос\n}\n"), 0o644)
	for lang, want := range map[string]string{
		"en": "Error: Invalid multi-line string\n\n  on " + f + " line 2, column 17:\n  2:   title = \"Опрос\n",
		"ru": "Ошибка: Недопустимая многострочная строка\n\n  в " + f + ", строка 2, столбец 17:\n  2:   title = \"Опрос\n",
	} {
		t.Setenv("OPROS_LANG", lang)
		var out, errb bytes.Buffer
		if code := Main([]string{"fmt", f}, strings.NewReader(""), &out, &errb); code != exitInput {
			t.Errorf("%s: exit %d", lang, code)
		}
		if got := strings.ReplaceAll(errb.String(), "в\nредакторе", "в редакторе"); !strings.HasPrefix(got, want) { // the detail is wrapped
			t.Errorf("%s: stderr\n%s\nwant it to begin\n%s", lang, errb.String(), want)
		}
	}
}

// TestFmtEncodingInRussian: opros fmt's own diagnostic is translated too.
func TestFmtEncodingInRussian(t *testing.T) {
	f := filepath.Join(t.TempDir(), "latin1.hcl")
	os.WriteFile(f, []byte("survey \"x\" {\n  title = \"Caf\xe9\"\n}\n"), 0o644)
	t.Setenv("OPROS_LANG", "ru")
	var out, errb bytes.Buffer
	if code := Main([]string{"fmt", f}, strings.NewReader(""), &out, &errb); code != exitInput {
		t.Errorf("exit %d", code)
	}
	want := "Ошибка: Недопустимая кодировка символов\n\n" + f + " — не в кодировке UTF-8; сохраните его в редакторе как UTF-8.\n"
	if got := strings.ReplaceAll(errb.String(), "в\nредакторе", "в редакторе"); !strings.HasPrefix(got, want) { // the detail is wrapped
		t.Errorf("stderr %q, want %q", errb.String(), want)
	}
}

// TestDiffInRussian: opros diff words its lines (severities, kinds,
// reasons) and totals in the interface language; -json stays English.
func TestDiffInRussian(t *testing.T) {
	dir := t.TempDir()
	base := "survey \"d\" {\n  title = \"D\"\n  endpoint {\n    url = \"https://e.org\"\n  }\n}\npage \"p\" {\n  question \"q1\" {\n    type = \"text\"\n    text = \"Q\"\n  }\n%s}\n"
	old, new := filepath.Join(dir, "old.hcl"), filepath.Join(dir, "new.hcl")
	os.WriteFile(old, []byte(fmt.Sprintf(base, "")), 0o644)
	os.WriteFile(new, []byte(fmt.Sprintf(base, "  question \"q2\" {\n    type = \"email\"\n    text = \"Mail\"\n  }\n")), 0o644)
	t.Setenv("OPROS_LANG", "ru")
	var out, errb bytes.Buffer
	if code := Main([]string{"diff", old, new}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"совместимо     вопрос добавлен            q2 ", `Новый вопрос "q2"; в прежних волнах ответов на него нет.`, "Итого: несопоставимо — 0, внимание — 0, совместимо — 1."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("diff output lacks %q:\n%s", want, out.String())
		}
	}
	for _, english := range []string{"compatible", "question_added", "breaking"} {
		if strings.Contains(out.String(), english) {
			t.Errorf("English %q in the Russian diff:\n%s", english, out.String())
		}
	}
	// JSON is for programs: the same in every language.
	out.Reset()
	Main([]string{"diff", "-json", old, new}, strings.NewReader(""), &out, &errb)
	for _, want := range []string{`"severity": "compatible"`, `"kind": "question_added"`, `"reason": "New question \"q2\"; earlier waves have no answers to it."`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("JSON diff lacks %s:\n%s", want, out.String())
		}
	}
	out.Reset()
	Main([]string{"diff", old, old}, strings.NewReader(""), &out, &errb)
	if out.String() != "Изменений нет.\n" {
		t.Errorf("no changes: %q", out.String())
	}
}

// TestSimulateConfigInRussian: opros simulate reports a bad settings file
// in the interface language, its own diagnostics (Invalid Wave) included.
func TestSimulateConfigInRussian(t *testing.T) {
	f := filepath.Join(t.TempDir(), "simulate.hcl")
	os.WriteFile(f, []byte("wave \"next\" {}\n"), 0o644)
	t.Setenv("OPROS_LANG", "ru")
	var out, errb bytes.Buffer
	if code := Main([]string{"simulate", "--config", f, "../../examples/nps-csat-ces"}, strings.NewReader(""), &out, &errb); code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	want := "Ошибка: Недопустимая волна\n\n  в " + f + ", строка 1, столбец 6, в блоке wave \"next\":\n"
	if !strings.HasPrefix(errb.String(), want) || strings.Contains(errb.String(), "Invalid Wave") {
		t.Errorf("stderr:\n%s\nwant it to begin\n%s", errb.String(), want)
	}
}
