package compiler_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/localize"
)

// pathsSurvey is a valid survey whose theme logo is logo (line 5, column
// 14) and whose report has the pages given.
func pathsSurvey(logo string, pages ...string) string {
	quoted := make([]string, len(pages))
	for i, p := range pages {
		quoted[i] = `"` + p + `"`
	}
	return `survey "paths" {
  title = "Paths"
  endpoint { url = "https://example.org/collect" }
  theme {
    logo   = "` + logo + `"
  }
}
page "p" {
  title = "P"
  question "q" {
    type = "nps"
    text = "Recommend?"
  }
}
report {
  pages = [` + strings.Join(quoted, ", ") + `]
}
`
}

// TestSurveyPaths: files a survey names are checked where they resolve,
// symbolic links followed: one inside the survey's folder compiles (a
// plain file, a link to a file beside it, a survey folder that is itself
// a link); a link that leads outside is reported at the attribute's
// value, naming where it leads from the survey's folder, in English and
// Russian. A page list reports each element at its own range.
func TestSurveyPaths(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "survey")
	os.MkdirAll(filepath.Join(dir, "img"), 0o755)
	os.WriteFile(filepath.Join(dir, "img", "logo.svg"), []byte("<svg/>"), 0o644)
	os.WriteFile(filepath.Join(dir, "intro.md"), []byte("# Intro\n"), 0o644)
	os.WriteFile(filepath.Join(tmp, "passwd"), []byte("root:x:0:0\n"), 0o644)
	os.Symlink(filepath.Join("img", "logo.svg"), filepath.Join(dir, "logo.svg"))
	os.Symlink(filepath.Join("..", "passwd"), filepath.Join(dir, "page.md"))
	os.Symlink(dir, filepath.Join(tmp, "alias"))

	write := func(src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "survey.hcl"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(pathsSurvey("img/logo.svg", "intro.md", "./img/../intro.md"))
	for _, survey := range []string{dir, filepath.Join(tmp, "alias"), filepath.Join(dir, "survey.hcl")} {
		if _, diags := compiler.New().Load(survey); diags.HasErrors() {
			t.Errorf("%s: paths inside the folder refused: %s", survey, diags.Error())
		}
	}
	write(pathsSurvey("logo.svg", "intro.md"))
	if _, diags := compiler.New().Load(dir); diags.HasErrors() {
		t.Errorf("a link to a file in the folder refused: %s", diags.Error())
	}

	write(pathsSurvey("logo.svg", "intro.md", "page.md"))
	_, diags := compiler.New().Load(dir)
	if len(diags) != 1 {
		t.Fatalf("%d diagnostics, want 1: %s", len(diags), diags.Error())
	}
	d := diags[0]
	if got := compiler.MessageID(d); got != compiler.MsgPathLinkOutside {
		t.Errorf("diagnostic %s, want path_link_outside", compiler.MessageName(got))
	}
	// "page.md" is the list's second element, on line 16: columns 24-33.
	if r := d.Subject; r == nil || r.Start.Line != 16 || r.Start.Column != 24 || r.End.Column != 33 {
		t.Errorf("range %v, want line 16, columns 24-33", d.Subject)
	}
	for lang, want := range map[string]string{
		"en": `The report page "page.md" is in the survey's folder, but a symbolic link takes it to ../passwd, outside the folder`,
		"ru": `Страница отчёта "page.md" лежит в папке анкеты, но символическая ссылка ведёт к ../passwd, вне папки`,
	} {
		if _, detail := compiler.Localize(d, lang); !strings.Contains(detail, want) {
			t.Errorf("%s: %q lacks %q", lang, detail, want)
		}
	}
}

// TestThemeFolderLinks: opros check looks into the report's theme folder,
// whose files a report publishes, and reports at the theme's value each
// file a symbolic link takes outside the survey's folder; a link inside
// is fine.
func TestThemeFolderLinks(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "survey")
	os.MkdirAll(filepath.Join(dir, "theme", "templates"), 0o755)
	os.WriteFile(filepath.Join(tmp, "secret.css"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "shared.css"), []byte("x"), 0o644)
	os.Symlink(filepath.Join("..", "shared.css"), filepath.Join(dir, "theme", "report.css"))
	src := strings.Replace(pathsSurvey("", "intro.md"), "report {\n", "report {\n  theme = \"theme\"\n", 1)
	os.WriteFile(filepath.Join(dir, "intro.md"), []byte("# Intro\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "survey.hcl"), []byte(src), 0o644)
	if _, diags := compiler.New().Load(dir); diags.HasErrors() {
		t.Fatalf("a link inside the folder refused: %s", diags.Error())
	}
	os.Symlink(filepath.Join(tmp, "secret.css"), filepath.Join(dir, "theme", "templates", "layout.html"))
	_, diags := compiler.New().Load(dir)
	if len(diags) != 1 || compiler.MessageID(diags[0]) != compiler.MsgPathLinkOutside {
		t.Fatalf("diagnostics %v, want one path_link_outside", diags)
	}
	if r := diags[0].Subject; r.Start.Line != 16 || r.Start.Column != 11 {
		t.Errorf("range %v, want the theme's value at line 16, column 11", r)
	}
	if _, detail := compiler.Localize(diags[0], "en"); !strings.Contains(detail, `The report theme's file "theme/templates/layout.html" is in the survey's folder, but a symbolic link takes it to ../secret.css`) {
		t.Errorf("detail %q", detail)
	}
}

// TestSurveyFile: what render/form and site/report call before reading a
// file the survey names, for an IR opros check may never have seen.
func TestSurveyFile(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "survey")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(tmp, "secret"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "logo.svg"), []byte("<svg/>"), 0o644)
	os.Symlink(filepath.Join(tmp, "secret"), filepath.Join(dir, "link.svg"))
	for _, tc := range []struct {
		rel, path, en, ru string
	}{
		{rel: "logo.svg", path: filepath.Join(dir, "logo.svg")},
		{rel: "sub/../logo.svg", path: filepath.Join(dir, "logo.svg")},
		{rel: "missing.svg", path: filepath.Join(dir, "missing.svg")}, // the reader says it is missing
		{rel: "../../../etc/hostname", en: `The file "../../../etc/hostname" leads out of the survey's folder`, ru: `Файл "../../../etc/hostname" ведёт за пределы папки анкеты`},
		{rel: "/etc/hostname", en: `The file "/etc/hostname" is an absolute path`, ru: `Файл "/etc/hostname" — абсолютный путь`},
		{rel: "link.svg", en: `a symbolic link takes it to ../secret, outside the folder`, ru: `символическая ссылка ведёт к ../secret, вне папки`},
	} {
		path, err := compiler.SurveyFile(dir, tc.rel)
		if tc.en == "" {
			if err != nil || path != tc.path {
				t.Errorf("%s: %q %v, want %q", tc.rel, path, err, tc.path)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: read as %q", tc.rel, path)
			continue
		}
		if en, ru := localize.Text(err, "en"), localize.Text(err, "ru"); !strings.Contains(en, tc.en) || !strings.Contains(ru, tc.ru) {
			t.Errorf("%s:\n en %q\n ru %q\nwant %q, %q", tc.rel, en, ru, tc.en, tc.ru)
		}
	}
}

// TestSourcePaths: a survey compiled from memory has no folder, so only
// what the path says is checked: leading out or absolute, not whether a
// file by that name exists where the test runs.
func TestSourcePaths(t *testing.T) {
	if _, diags := compiler.New().LoadSource("s.hcl", []byte(pathsSurvey("nowhere/logo.svg", "nowhere/intro.md"))); diags.HasErrors() {
		t.Errorf("in memory, a path inside was looked up: %s", diags.Error())
	}
	_, diags := compiler.New().LoadSource("s.hcl", []byte(pathsSurvey("../logo.svg", "/etc/passwd")))
	var got []compiler.DiagID
	for _, d := range diags {
		got = append(got, compiler.MessageID(d))
	}
	if want := []compiler.DiagID{compiler.MsgPathOutside, compiler.MsgPathAbsolute}; !slices.Equal(got, want) {
		t.Errorf("in memory: %v, want %v (path_outside, path_absolute)", got, want)
	}
}
