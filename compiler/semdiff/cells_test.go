package semdiff_test

import (
	"os"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/semdiff"
)

// TestDiffCells: of a matrix_multi and a grid (testdata/surveys/cells.hcl),
// a row or a grid column added is compatible (earlier waves have no
// answers in its cells) and removed breaking (its trend ends); a
// matrix_multi's option added is a caution, like a multi's; a grid's
// cells from numbers to dropdowns, or a matrix to a matrix_multi, change
// the type. Said in Russian too.
func TestDiffCells(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/surveys/cells.hcl")
	if err != nil {
		t.Fatal(err)
	}
	src := string(raw)
	edit := func(old, new string) string {
		t.Helper()
		if !strings.Contains(src, old) {
			t.Fatalf("cells.hcl has no %q", old)
		}
		return strings.Replace(src, old, new, 1)
	}
	mail := "    row \"mail\" {\n      label = { en = \"Mail\", ru = \"Почта\" }\n    }\n    column \"day\" {"
	// q_agents's cells become a choice of "many" or "few" (its validate
	// rule, which compares numbers, goes).
	rule := src[strings.Index(src, "    validate {"):]
	rule = rule[:strings.Index(rule, "\n    }\n")+7]
	dropdowns := strings.Replace(edit("    integer  = true\n    min      = 0\n    max      = 10000\n",
		"    input    = \"dropdown\"\n    option \"many\" {\n      label = { en = \"Many\", ru = \"Много\" }\n    }\n"), rule, "", 1)
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"same", src, src, ""},
		{"row added", src, edit("    column \"day\" {", mail), "compatible row_added q_agents/mail: New matrix row \"mail\"."},
		{"row removed", edit("    column \"day\" {", mail), src, "breaking row_removed q_agents/mail: Matrix row \"mail\" was removed; its trend ends."},
		{"column added", src, edit("    column \"night\" {", "    column \"evening\" {\n      label = { en = \"Evening\", ru = \"Вечер\" }\n    }\n    column \"night\" {"),
			"compatible column_added q_agents/evening: New grid column \"evening\"."},
		{"column removed", src, edit("    column \"weekend\" {\n      label = { en = \"Weekend\", ru = \"Выходные\" }\n    }\n", ""),
			"breaking column_removed q_hours/weekend: Grid column \"weekend\" was removed; its trend ends."},
		{"box option added", src, edit("    option \"none\" {", "    option \"email\" {\n      label = { en = \"E-mail\", ru = \"Почта\" }\n    }\n    option \"none\" {"),
			"caution option_added q_tools/email: New option \"email\" (E-mail); shares of the other options are not comparable with earlier waves."},
		{"numbers to dropdowns", src, dropdowns, "breaking type_changed q_agents: The question changed from grid (number) to grid (dropdown); answers are not comparable."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range semdiff.Diff(compile(t, tc.from), compile(t, tc.to)).Changes {
				if c.Question == "" {
					continue
				}
				code := ""
				if c.Code != "" {
					code = "/" + c.Code
				}
				got = append(got, c.Severity+" "+c.Kind+" "+c.Question+code+": "+c.Reason)
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
	removed := semdiff.Diff(compile(t, src), compile(t, strings.Replace(src, "    column \"weekend\" {\n      label = { en = \"Weekend\", ru = \"Выходные\" }\n    }\n", "", 1)))
	for _, c := range removed.Changes {
		if c.Kind == "column_removed" {
			if got, want := c.Text("ru"), "Столбец таблицы \"weekend\" удалён; его динамика заканчивается."; !strings.Contains(got, want) {
				t.Errorf("in Russian: %s, want %s", got, want)
			}
			return
		}
	}
	t.Errorf("a column removed is not said: %v", removed.Changes)
}
