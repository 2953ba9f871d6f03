package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/report"
)

// TestErrorsSayWhere: an error names the file, or the page being built,
// it comes from.
func TestErrorsSayWhere(t *testing.T) {
	t.Run("access.csv", func(t *testing.T) {
		for _, body := range []string{
			"participant,label\n\"unclosed\n",                     // not CSV
			"participant,label,token,passphrase,folder\nAcme,A\n", // rows of different lengths
			"participant,label\nAcme,A\n",                         // too few columns
		} {
			dir := t.TempDir()
			path := filepath.Join(dir, report.AccessFile)
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := report.Deliverables(dir); err == nil || !strings.Contains(err.Error(), path) {
				t.Errorf("%q: %v, want an error naming %s", body, err, path)
			}
		}
	})
	t.Run("participant's report", func(t *testing.T) {
		// The summary section is on participants' own pages only: the
		// public site builds, the deliverables do not, and say whose.
		s, res := dataset(t, "nps-csat-ces", 200)
		dir := failingTheme(t, "summary")
		rs, rep := *s, *s.Report
		rep.Theme, rep.Pages = "theme", nil
		rs.Report = &rep
		_, err := report.Build(&rs, res, report.Config{SurveyDir: dir}, t.TempDir())
		for _, name := range report.Participants(s, res) {
			if want := fmt.Sprintf("report of participant %q, ", name); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%v, want it to name each participant: %s", err, want)
			}
		}
		if got := localize.Text(err, "ru"); !strings.HasPrefix(got, "отчёт участника ") {
			t.Errorf("ru: %s", got)
		}
	})
	t.Run("question page", func(t *testing.T) {
		// The overview builds, the page of the question q_nps does not.
		s, res := dataset(t, "nps-csat-ces", 200)
		dir := failingTheme(t, "q-q_nps")
		rs, rep := *s, *s.Report
		rep.Theme, rep.Pages = "theme", nil
		rs.Report = &rep
		var page string
		for _, p := range s.Pages {
			for _, q := range p.Questions {
				if q.ID == "q_nps" {
					page = "questions-" + p.ID + ".html"
				}
			}
		}
		_, err := report.Build(&rs, res, report.Config{SurveyDir: dir}, t.TempDir())
		if page == "" || err == nil || !strings.Contains(err.Error(), page+": ") {
			t.Errorf("%v, want an error naming %q", err, page)
		}
	})
}

// failingTheme makes a survey folder whose theme is the report's templates
// with a sections template that fails on the section of the given id only.
func failingTheme(t *testing.T, id string) string {
	t.Helper()
	dir := t.TempDir()
	theme := filepath.Join(dir, "theme", "templates")
	if err := os.CopyFS(theme, os.DirFS("templates")); err != nil {
		t.Fatal(err)
	}
	tmpl := `{{define "sections"}}{{range .Sections}}{{if eq .ID "` + id + `"}}{{.NoSuchField}}{{end}}{{end}}{{end}}`
	if err := os.WriteFile(filepath.Join(theme, "sections.html"), []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}
