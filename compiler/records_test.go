package compiler_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
)

// TestReportRecords: report { records } is off unless set; set without a
// participant it is refused at the attribute (en and ru); personal = true
// on a question and a hidden field reaches the IR.
func TestReportRecords(t *testing.T) {
	const head = `survey "rec" {
  title = "Records"
  endpoint { url = "https://example.org/collect" }
}
hidden "company" {
  role = "participant"
}
hidden "visitor" {
  personal = true
}
page "p" {
  title = "P"
  question "q" {
    type = "nps"
    text = "Recommend?"
  }
  question "mail" {
    type     = "text"
    text     = "Your e-mail, if we may answer"
    personal = true
  }
}
`
	for _, tc := range []struct {
		name, bench, report string
		records             bool
		diag                compiler.DiagID
	}{
		{"default off", "benchmark {\n  participant = hidden.company\n}\n", "report {\n}\n", false, compiler.NoDiag},
		{"on", "benchmark {\n  participant = hidden.company\n}\n", "report {\n  records = true\n}\n", true, compiler.NoDiag},
		{"no participant", "", "report {\n  records = true\n}\n", false, compiler.MsgRecordsNoParticipant},
		{"not a bool", "benchmark {\n  participant = hidden.company\n}\n", "report {\n  records = \"yes\"\n}\n", false, compiler.MsgWrongValueType},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := head + tc.bench + tc.report
			if tc.bench == "" { // no participant role either
				src = strings.Replace(head, "  role = \"participant\"\n", "", 1) + tc.report
			}
			if err := os.WriteFile(filepath.Join(dir, "survey.hcl"), []byte(src), 0o644); err != nil {
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
			if s.Report.Records != tc.records {
				t.Errorf("records %v, want %v", s.Report.Records, tc.records)
			}
			if !s.Hidden[1].Personal || s.Hidden[0].Personal {
				t.Errorf("hidden personal: %+v", s.Hidden)
			}
			if q := s.Pages[0].Questions; !q[1].Personal || q[0].Personal {
				t.Errorf("question personal: %v %v", q[0].Personal, q[1].Personal)
			}
		})
	}
}
