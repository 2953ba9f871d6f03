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

// TestPageRuleRejects: ingest refuses a record that breaks a page's
// validate rule, naming the record, the page and the rule's condition;
// a record whose page with a rule was not shown is taken.
func TestPageRuleRejects(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/page_rules.hcl")
	lines := []string{
		fmt.Sprintf(`{"response_id":"r-holds-00000000001","survey":%q,"version":%q,"lang":"en","answers":{"q_total":10,"q_chat":4,"q_phone":6}}`, s.ID, s.Hash),
		fmt.Sprintf(`{"response_id":"r-breaks-0000000002","survey":%q,"version":%q,"lang":"en","answers":{"q_total":10,"q_chat":4,"q_phone":7}}`, s.ID, s.Hash),
		fmt.Sprintf(`{"response_id":"r-unshown-000000003","survey":%q,"version":%q,"lang":"en","answers":{"q_total":9,"q_chat":4}}`, s.ID, s.Hash),
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
	for _, want := range []string{`"record":2,`, `r-breaks-0000000002`, `"field":"pages.phone","code":"page_rule"`, `(q_phone + q_chat) <= q_total`} {
		if err != nil || !strings.Contains(string(rejects), want) {
			t.Errorf("rejects lack %s: %s %v", want, rejects, err)
		}
	}
}
