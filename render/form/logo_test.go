package form_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/render/form"
)

// TestLogoContained: Build copies a theme logo only from inside the
// survey's folder, even for an IR opros check never saw (a survey.json
// from elsewhere, or a logo replaced by a link after the check): a path
// leading out of the folder, an absolute one, and a link to a file
// outside are refused, in English and Russian, and nothing of the file
// is written; a logo that has gone is named; a logo in the folder is
// copied.
func TestLogoContained(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "survey")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(tmp, "hostname"), []byte("secret-host\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "logo.svg"), []byte("<svg/>"), 0o644)
	os.Symlink(filepath.Join(tmp, "hostname"), filepath.Join(dir, "link.svg"))
	for _, tc := range []struct {
		logo, en, ru string
	}{
		{logo: "logo.svg"},
		{"../hostname", `theme logo: The file "../hostname" leads out of the survey's folder`, `логотип темы: Файл "../hostname" ведёт за пределы папки анкеты`},
		{"../../../etc/hostname", `theme logo: The file "../../../etc/hostname" leads out of the survey's folder`, `логотип темы: Файл "../../../etc/hostname" ведёт за пределы папки анкеты`},
		{filepath.Join(tmp, "hostname"), `is an absolute path`, `— абсолютный путь`},
		{"link.svg", `a symbolic link takes it to ../hostname, outside the folder`, `символическая ссылка ведёт к ../hostname, вне папки`},
		// Gone since opros check found it.
		{"gone.svg", "theme logo: open " + filepath.Join(dir, "gone.svg") + ": no such file", "логотип темы: open " + filepath.Join(dir, "gone.svg") + ": no such file"},
	} {
		t.Run(tc.logo, func(t *testing.T) {
			s := load(t, "testdata/alltypes.hcl")
			s.Theme.Logo = tc.logo
			out := t.TempDir()
			_, err := form.Build(s, out, form.Options{SurveyDir: dir})
			if tc.en == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got, _ := os.ReadFile(filepath.Join(out, s.ID, s.Languages[0], "logo.svg")); string(got) != "<svg/>" {
					t.Errorf("logo not copied: %q", got)
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
			filepath.Walk(out, func(path string, info os.FileInfo, err error) error {
				if raw, _ := os.ReadFile(path); strings.Contains(string(raw), "secret-host") {
					t.Errorf("%s holds the file outside the folder", path)
				}
				return nil
			})
		})
	}
}
