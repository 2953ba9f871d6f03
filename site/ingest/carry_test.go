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

// TestCarryRejects: ingest checks carried options and option conditions
// again (the general path: the fast path does not know them), refusing a
// record that chose an option it was not offered, with the record, the
// field and the reason; the records that keep to what was offered are
// taken.
func TestCarryRejects(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/carry.hcl")
	lines := []string{
		fmt.Sprintf(`{"response_id":"r-offered-000000001","survey":%q,"version":%q,"lang":"en","answers":{"q_channels":["phone","chat"],"q_best":"chat","q_try":["email"],"q_main":"chat"}}`, s.ID, s.Hash),
		fmt.Sprintf(`{"response_id":"r-notoffer-00000002","survey":%q,"version":%q,"lang":"en","answers":{"q_channels":["phone"],"q_best":"chat"}}`, s.ID, s.Hash),
		fmt.Sprintf(`{"response_id":"r-bank-000000000003","survey":%q,"version":%q,"lang":"en","hidden":{"segment":"bank"},"answers":{"q_channels":["none"],"q_best":"unsure","q_try":["branch"]}}`, s.ID, s.Hash),
	}
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 2 || st.Rejected != 1 {
		t.Fatalf("%+v %v", st, err)
	}
	rejects, err := os.ReadFile(ingest.RejectsPath(out))
	for _, want := range []string{`"record":2,`, `r-notoffer-00000002`, `"field":"answers.q_best","code":"not_offered"`, `was not chosen in q_channels`} {
		if err != nil || !strings.Contains(string(rejects), want) {
			t.Errorf("rejects lack %s: %s %v", want, rejects, err)
		}
	}
}
