package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("OPROS_LANG", "en")
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCLI(t *testing.T) {
	tmp := t.TempDir()
	broken := filepath.Join(tmp, "broken.hcl")
	os.WriteFile(broken, []byte("survey \"b\" {\n  title = \"B\"\n  endpoint {\n    url = \"https://e.org\"\n  }\n}\npage \"p\" {\n  question \"q\" {\n    type = \"nps\"\n    text = \"Q\"\n    show_if = q_missing > 1\n  }\n}\n"), 0o644)
	unformatted := filepath.Join(tmp, "unformatted.hcl")
	os.WriteFile(unformatted, []byte("survey \"u\" {\ntitle=\"U\"\n  endpoint {\n    url = \"https://e.org\"\n  }\n}\npage \"p\" {\n  question \"q\" {\n    type = \"nps\"\n    text = \"Q\"\n  }\n}\n"), 0o644)
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no args", nil, exitUsage, "", "Usage"},
		{"help", []string{"--help"}, exitOK, "Commands", ""},
		{"help cmd", []string{"help", "build"}, exitOK, "opros build", ""},
		{"cmd help flag", []string{"check", "--help"}, exitOK, "opros check", ""},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", "unknown command"},
		{"unknown flag", []string{"fmt", "-frob", "x"}, exitUsage, "", "flag provided but not defined"},
		{"check needs a survey", []string{"check"}, exitUsage, "", "name a survey"},
		{"check example", []string{"check", "../../examples/nps-csat-ces"}, exitOK, "ok — 3 pages, 16 questions", ""},
		{"check broken", []string{"check", broken}, exitInput, "", "broken.hcl line 11"},
		{"check missing path", []string{"check", filepath.Join(tmp, "nope")}, exitInput, "", "no such file"},
		{"fmt check clean", []string{"fmt", "-check", "../../examples/cx-index"}, exitOK, "", ""},
		{"fmt check dirty", []string{"fmt", "-check", unformatted}, exitInput, "is not formatted", ""},
		{"fmt flag after path", []string{"fmt", unformatted, "-check"}, exitInput, "is not formatted", ""},
		{"diff same", []string{"diff", "../../examples/cx-index", "../../examples/cx-index"}, exitOK, "No changes.", ""},
		{"diff args", []string{"diff", "a"}, exitUsage, "", "OLD and the NEW"},
		{"build", []string{"build", "-o", filepath.Join(tmp, "dist"), "../../examples/nps-csat-ces"}, exitOK, "built", ""},
		{"ingest unknown compression", []string{"ingest", "--survey", "../../examples/nps-csat-ces", "--compression", "lz4", "-o", filepath.Join(tmp, "a.parquet"), broken}, exitUsage, "", "snappy or zstd"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errs)
			}
			if !strings.Contains(out, tc.stdout) {
				t.Errorf("stdout %q lacks %q", out, tc.stdout)
			}
			if !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tc.stderr)
			}
		})
	}
	for _, f := range []string{"survey.json", "schema.json", "codebook.md", "codebook.csv"} {
		if _, err := os.Stat(filepath.Join(tmp, "dist", "nps-csat-ces", f)); err != nil {
			t.Errorf("build did not write %s", f)
		}
	}
}

func TestInitThenCheckAndFmt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if code, _, errs := run(t, "init", dir); code != exitOK {
		t.Fatalf("init: %d %s", code, errs)
	}
	if code, _, errs := run(t, "check", dir); code != exitOK {
		t.Fatalf("starter survey does not check: %s", errs)
	}
	if code, out, _ := run(t, "fmt", "-check", dir); code != exitOK {
		t.Fatalf("starter survey is not formatted: %s", out)
	}
	if code, _, _ := run(t, "init", dir); code != exitInput {
		t.Fatal("init overwrote an existing survey")
	}
}

func TestFmtRewrites(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "s.hcl")
	os.WriteFile(f, []byte("survey \"u\" {\ntitle=\"U\"\n}\n"), 0o644)
	if code, out, _ := run(t, "fmt", dir); code != exitOK || !strings.Contains(out, "formatted") {
		t.Fatalf("fmt: %d %s", code, out)
	}
	got, _ := os.ReadFile(f)
	if string(got) != "survey \"u\" {\n  title = \"U\"\n}\n" {
		t.Fatalf("rewritten to %q", got)
	}
}

// TestMessages: every message of the command line exists in English and
// in Russian, with the same arguments.
func TestMessages(t *testing.T) {
	for _, bad := range messages.Check(msgCount) {
		t.Error(bad)
	}
}

func TestRussianUsage(t *testing.T) {
	t.Setenv("OPROS_LANG", "ru")
	var out bytes.Buffer
	Main([]string{"--help"}, nil, &out, &out)
	if !strings.Contains(out.String(), "Команды") {
		t.Fatalf("no Russian usage: %s", out.String())
	}
}

// TestReportRakingWarnings: a margin value nobody has is reported on stderr,
// in the researcher's language.
func TestReportRakingWarnings(t *testing.T) {
	tmp := t.TempDir()
	survey := filepath.Join(tmp, "survey")
	os.MkdirAll(survey, 0o755)
	for _, f := range []string{"survey.hcl", "pages.hcl", "scoring.hcl"} {
		src, err := os.ReadFile(filepath.Join("../../examples/nps-csat-ces", f))
		if err != nil {
			t.Fatal(err)
		}
		src = bytes.Replace(src, []byte("office = 0.15 }"), []byte("office = 0.15, fax = 0.05 }"), 1)
		os.WriteFile(filepath.Join(survey, f), src, 0o644)
	}
	code, answers, errs := run(t, "simulate", "-n", "300", "--seed", "1", "--config", "../../examples/nps-csat-ces/demo/simulate.hcl", survey)
	if code != exitOK {
		t.Fatalf("simulate: %d %s", code, errs)
	}
	in := filepath.Join(tmp, "answers.ndjson")
	os.WriteFile(in, []byte(answers), 0o644)
	data := filepath.Join(tmp, "answers.parquet")
	if code, _, errs := run(t, "ingest", "--survey", survey, "-o", data, in); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	for lang, want := range map[string]string{
		"en": "no respondent has channel=fax",
		"ru": "нет ни одного респондента с channel=fax",
	} {
		var out, errb bytes.Buffer
		t.Setenv("OPROS_LANG", lang)
		if code := Main([]string{"report", "--survey", survey, "-o", filepath.Join(tmp, "site-"+lang), data}, strings.NewReader(""), &out, &errb); code != exitOK {
			t.Fatalf("report: %d %s", code, errb.String())
		}
		if !strings.Contains(errb.String(), want) {
			t.Errorf("%s: stderr %q lacks %q", lang, errb.String(), want)
		}
	}
}

// TestFlagHelpTranslated: every flag of every command has Russian help, and
// the Russian help of a command shows no English flag text.
func TestFlagHelpTranslated(t *testing.T) {
	for name, c := range commands {
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		c.setup(fs)
		fs.VisitAll(func(f *flag.Flag) {
			if _, ok := flagHelpRU[f.Usage]; !ok {
				t.Errorf("opros %s -%s: no Russian help for %q", name, f.Name, f.Usage)
			}
		})
	}
	t.Setenv("OPROS_LANG", "ru")
	var out bytes.Buffer
	if code := Main([]string{"help", "collect"}, nil, &out, &out); code != exitOK {
		t.Fatalf("help collect: %d", code)
	}
	for _, want := range []string{"Флаги:", "-max-body int", "наибольший принимаемый ответ, байт (по умолчанию 1048576)", `папка для журналов ответов (по умолчанию "data")`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("Russian help lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "default") {
		t.Errorf("Russian help has English in it:\n%s", out.String())
	}
}

// TestFlagErrors: a wrong flag is a usage error (exit 2) worded in the
// interface language, followed by the command's usage.
func TestFlagErrors(t *testing.T) {
	for _, tt := range []struct {
		lang string
		args []string
		want []string
	}{
		{"en", []string{"ingest", "--bogus"}, []string{"opros ingest: flag provided but not defined: -bogus", "Usage: opros ingest"}},
		{"ru", []string{"ingest", "--bogus"}, []string{"opros ingest: неизвестный флаг: -bogus", "Использование: opros ingest"}},
		{"ru", []string{"ingest", "--wave", "x"}, []string{`opros ingest: недопустимое значение "x" флага -wave: не удалось разобрать`}},
		{"ru", []string{"build", "-o"}, []string{"opros build: флагу нужно значение: -o"}},
		{"ru", []string{"ingest", "--survey", "s", "--compression", "lz4", "x.ndjson"}, []string{`opros ingest: --compression — snappy или zstd, а не "lz4"`}},
		{"ru", []string{"ingest", "x.ndjson"}, []string{"opros ingest: укажите --survey АНКЕТА и хотя бы один ВХОД"}},
		{"ru", []string{"report", "--survey", "s"}, []string{"opros report: укажите --survey АНКЕТА и хотя бы один файл DATA.parquet"}},
		{"ru", []string{"collect", "a", "b"}, []string{"opros collect: лишние аргументы: a b"}},
		{"en", []string{"collect", "--trust-proxy", "10.0.0.0/8,proxy.local", "s"}, []string{`opros collect: a trusted proxy is a CIDR prefix (such as 10.0.0.0/8) or an address, not "proxy.local"`}},
		{"ru", []string{"collect", "--trust-proxy", "10.0.0.0/33", "s"}, []string{`opros collect: доверенный прокси задаётся префиксом CIDR (например, 10.0.0.0/8) или адресом, а не "10.0.0.0/33"`}},
	} {
		t.Setenv("OPROS_LANG", tt.lang)
		var out, errb bytes.Buffer
		if code := Main(tt.args, strings.NewReader(""), &out, &errb); code != exitUsage {
			t.Errorf("%s %v: exit %d, want %d", tt.lang, tt.args, code, exitUsage)
		}
		for _, w := range tt.want {
			if !strings.Contains(errb.String(), w) {
				t.Errorf("%s %v: stderr lacks %q:\n%s", tt.lang, tt.args, w, errb.String())
			}
		}
	}
}
