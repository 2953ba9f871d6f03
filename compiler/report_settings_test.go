package compiler_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
)

// TestReportComments: report { public_comments, aliases } reach the IR;
// left out, comments stay off the public site and there are no aliases;
// a value of the wrong type is refused at the attribute.
func TestReportComments(t *testing.T) {
	base := pathsSurvey("", "")
	base = strings.Replace(base, "  theme {\n    logo   = \"\"\n  }\n", "", 1)
	base = strings.Replace(base, "  pages = [\"\"]\n", "", 1)
	for _, tc := range []struct {
		name, body string
		public     bool
		aliases    map[string][]string
		diag       compiler.DiagID
	}{
		{"defaults", "", false, nil, compiler.NoDiag},
		{"set", "  public_comments = true\n  aliases = {\n    \"Клевер\" = [\"Clever\", \"Клевер-Сервис\"]\n    Ромашка = []\n  }\n", true,
			map[string][]string{"Клевер": {"Clever", "Клевер-Сервис"}}, compiler.NoDiag},
		{"aliases not a map of lists", "  aliases = [\"Clever\"]\n", false, nil, compiler.MsgWrongValueType},
		{"public_comments not a bool", "  public_comments = \"yes\"\n", false, nil, compiler.MsgWrongValueType},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "survey.hcl"), []byte(strings.Replace(base, "report {\n", "report {\n"+tc.body, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			s, diags := compiler.New().Load(dir)
			if tc.diag != compiler.NoDiag {
				if len(diags) != 1 || compiler.MessageID(diags[0]) != tc.diag {
					t.Fatalf("diagnostics %v, want one %q", diags, compiler.MessageName(tc.diag))
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			if s.Report.PublicComments != tc.public || !reflect.DeepEqual(s.Report.Aliases, tc.aliases) {
				t.Errorf("public_comments %v, aliases %v", s.Report.PublicComments, s.Report.Aliases)
			}
		})
	}
}
