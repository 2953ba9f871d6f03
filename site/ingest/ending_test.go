package ingest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
)

// TestEndingColumn: a survey with endings has an ending column after the
// hidden fields holding the ending each respondent reached, the
// screen-out's for one screened out (whose later questions are null).
func TestEndingColumn(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/endings.hcl")
	want := map[string]string{"r-promoter-000000001": "promoter", "r-complete-000000002": "complete", "r-screened-000000003": "young"}
	answers := map[string]string{"r-promoter-000000001": `"q_age":30,"q_nps":10`, "r-complete-000000002": `"q_age":30,"q_nps":3`, "r-screened-000000003": `"q_age":15`}
	var lines []string
	for _, id := range []string{"r-promoter-000000001", "r-complete-000000002", "r-screened-000000003"} {
		lines = append(lines, fmt.Sprintf(`{"response_id":%q,"survey":%q,"version":%q,"lang":"en","hidden":{"rid":"p"},"answers":{%s}}`, id, s.ID, s.Hash, answers[id]))
	}
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 3 {
		t.Fatalf("%+v %v", st, err)
	}
	if names := readTable(t, out).Schema().FieldIndices(ingest.EndingColumn); len(names) != 1 {
		t.Fatalf("no %s column", ingest.EndingColumn)
	}
	rows := readRows(t, out)
	for id, ending := range want {
		if got := rows[id][ingest.EndingColumn]; got != ending {
			t.Errorf("%s: ending %v, want %s", id, got, ending)
		}
	}
	if got := rows["r-screened-000000003"]["q_nps"]; got != nil {
		t.Errorf("screened out, q_nps %v", got)
	}
}

// TestValidateRuleRejects: ingest refuses a record whose answer breaks a
// validate rule, naming the field and the rule's code (the fast path is
// off for such a survey, so every record meets Validate).
func TestValidateRuleRejects(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/rules.hcl")
	lines := []string{
		fmt.Sprintf(`{"response_id":"r-holds-00000000001","survey":%q,"version":%q,"lang":"en","answers":{"q_total":10,"q_chat":4}}`, s.ID, s.Hash),
		fmt.Sprintf(`{"response_id":"r-breaks-0000000002","survey":%q,"version":%q,"lang":"en","answers":{"q_total":10,"q_chat":12}}`, s.ID, s.Hash),
	}
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 1 {
		t.Fatalf("%+v %v", st, err)
	}
	rejects, err := os.ReadFile(ingest.RejectsPath(out))
	if err != nil || !strings.Contains(string(rejects), `"field":"answers.q_chat","code":"rule"`) {
		t.Errorf("rejects: %s %v", rejects, err)
	}
}
