package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	t.Run("question page", func(t *testing.T) {
		// A theme (the report's templates) whose sections template fails
		// on one question's section only: the overview builds, that
		// question's page does not.
		s, res := dataset(t, "nps-csat-ces", 200)
		dir := t.TempDir()
		theme := filepath.Join(dir, "theme", "templates")
		if err := os.CopyFS(theme, os.DirFS("templates")); err != nil {
			t.Fatal(err)
		}
		tmpl := `{{define "sections"}}{{range .Sections}}{{if eq .ID "q-q_nps"}}{{.NoSuchField}}{{end}}{{end}}{{end}}`
		if err := os.WriteFile(filepath.Join(theme, "sections.html"), []byte(tmpl), 0o644); err != nil {
			t.Fatal(err)
		}
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
