package report_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/report"
)

// TestFilesContained: the report publishes its narrative pages and its
// theme folder's files only from inside the survey's folder, even for an
// IR opros check never saw (a survey.json from elsewhere, or a link put
// in after the check): pages and themes that lead out of the folder, are
// absolute or link to a file outside are refused, in English and
// Russian, and nothing of the outside file is written. A page that has
// gone missing is named. Pages and a theme inside the folder are used.
func TestFilesContained(t *testing.T) {
	s, res := dataset(t, "nps-csat-ces", 200)
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "survey")
	secret := filepath.Join(tmp, "passwd")
	os.WriteFile(secret, []byte("root:x:0:0:secret\n"), 0o644)
	for _, d := range []string{"pages", "theme", "linkcss", "linktmpl/templates"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
	}
	os.WriteFile(filepath.Join(dir, "pages", "intro.md"), []byte("# Intro\n\nInside the folder.\n"), 0o644)
	os.Symlink(secret, filepath.Join(dir, "pages", "link.md"))
	os.WriteFile(filepath.Join(dir, "theme", "report.css"), []byte("body{color:#123456}"), 0o644)
	os.Symlink(secret, filepath.Join(dir, "linkcss", "report.css"))
	os.Symlink(secret, filepath.Join(dir, "linktmpl", "templates", "base.html"))

	for _, tc := range []struct {
		name, theme string
		pages       []string
		en, ru      string
	}{
		{name: "inside", theme: "theme", pages: []string{"pages/intro.md"}},
		{"page out of the folder", "", []string{"../passwd"},
			`narrative page: The file "../passwd" leads out of the survey's folder`, `страница отчёта: Файл "../passwd" ведёт за пределы папки анкеты`},
		{"page absolute", "", []string{secret}, `is an absolute path`, `— абсолютный путь`},
		{"page linked outside", "", []string{"pages/link.md"},
			`a symbolic link takes it to ../passwd, outside the folder`, `символическая ссылка ведёт к ../passwd, вне папки`},
		{"page gone", "", []string{"pages/gone.md"},
			"narrative page: open " + filepath.Join(dir, "pages", "gone.md") + ": no such file", "страница отчёта: open " + filepath.Join(dir, "pages", "gone.md") + ": no such file"},
		{"theme out of the folder", "../", nil,
			`report theme: The file "../" leads out of the survey's folder`, `тема отчёта: Файл "../" ведёт за пределы папки анкеты`},
		{"theme stylesheet linked outside", "linkcss", nil,
			`report theme: The file "linkcss/report.css" is in the survey's folder, but a symbolic link takes it to ../passwd`, `тема отчёта: Файл "linkcss/report.css" лежит в папке анкеты, но символическая ссылка ведёт к ../passwd`},
		{"theme template linked outside", "linktmpl", nil,
			`report theme: The file "linktmpl/templates/base.html" is in the survey's folder, but a symbolic link takes it to ../passwd`, `тема отчёта: Файл "linktmpl/templates/base.html" лежит в папке анкеты`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := *s
			rep := *s.Report
			rep.Theme, rep.Pages = tc.theme, tc.pages
			rs.Report = &rep
			out := t.TempDir()
			_, err := report.Build(&rs, res, report.Config{SurveyDir: dir}, out)
			published := ""
			filepath.Walk(out, func(path string, info os.FileInfo, err error) error {
				raw, _ := os.ReadFile(path)
				published += string(raw)
				return nil
			})
			if strings.Contains(published, "root:x:0:0") {
				t.Error("the file outside the folder was published")
			}
			if tc.en == "" {
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(published, "Inside the folder.") || !strings.Contains(published, "#123456") {
					t.Error("the page or the theme's stylesheet inside the folder is not published")
				}
				return
			}
			if err == nil {
				t.Fatal("built")
			}
			var l localize.Localizer
			if !errors.As(err, &l) {
				t.Errorf("%v is not catalogued", err)
			}
			if en, ru := localize.Text(err, "en"), localize.Text(err, "ru"); !strings.Contains(en, tc.en) || !strings.Contains(ru, tc.ru) {
				t.Errorf("\nen %q\nru %q\nwant %q, %q", en, ru, tc.en, tc.ru)
			}
		})
	}
}
