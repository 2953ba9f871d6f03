package ingest_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/ingest"
)

// versionBase is the older version of a survey in TestPrevious; each case
// makes the current version from it with one change.
const versionBase = `
survey "v" {
  title = "V"
  endpoint {
    url = "https://example.org/c"
  }
}
hidden "company" {}
page "p" {
  title = "P"
  question "q_nps" {
    type     = "nps"
    text     = "Recommend?"
    required = true
  }
  question "q_single" {
    type = "single"
    text = "Which?"
    option "a" {
      label = "A"
    }
    option "b" {
      label = "B"
    }
    option "c" {
      label = "C"
    }
  }
  question "m" {
    type = "matrix"
    text = "Channels"
    option "yes" {
      label = "Yes"
    }
    option "no" {
      label = "No"
    }
    row "r1" {
      label = "Phone"
    }
    row "r2" {
      label = "Chat"
    }
  }
  question "q_text" {
    type = "text"
    text = "Why?"
  }
}
`

func compileSource(t *testing.T, src string) *ir.Survey {
	t.Helper()
	s, diags := compiler.New().LoadSource("v.hcl", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return s
}

// TestPrevious ingests answers recorded against an older version of the
// survey, for each kind of change between the versions: they are valid
// under the version they were made with, so what the diff calls
// compatible keeps them (a question or row added since reads as null,
// even a required one), and what it calls breaking for an answer rejects
// that record with the diff's own reason, naming the field.
func TestPrevious(t *testing.T) {
	old := compileSource(t, versionBase)
	records := []string{
		`{"response_id":"old-record-000001","survey":"v","version":%q,"lang":"en","hidden":{"company":"acme"},"answers":{"q_nps":9,"q_single":"a","m":{"r1":"yes","r2":"no"},"q_text":"hello"}}`,
		`{"response_id":"old-record-000002","survey":"v","version":%q,"lang":"en","hidden":{"company":"acme"},"answers":{"q_nps":3,"q_single":"c","m":{"r1":"no","r2":"yes"}}}`,
		`{"response_id":"old-record-000003","survey":"v","version":%q,"lang":"en","answers":{"q_nps":10,"m":{"r1":"yes"},"q_text":"fine"}}`,
	}
	in := filepath.Join(t.TempDir(), "old.ndjson")
	var lines []string
	for _, r := range records {
		lines = append(lines, fmt.Sprintf(r, old.Hash))
	}
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	// Every accepted record's values as read back, by column.
	all := map[string]map[string]any{
		"old-record-000001": {"company": "acme", "q_nps": int64(9), "q_single": "a", "m_r1": "yes", "m_r2": "no", "q_text": "hello"},
		"old-record-000002": {"company": "acme", "q_nps": int64(3), "q_single": "c", "m_r1": "no", "m_r2": "yes"},
		"old-record-000003": {"q_nps": int64(10), "m_r1": "yes", "q_text": "fine"},
	}
	const newQuestion = "  question \"q_new\" {\n    type     = \"single\"\n    text     = \"New?\"\n    required = true\n    option \"x\" {\n      label = \"X\"\n    }\n  }\n"
	cases := []struct {
		name, from, to string
		accepted       []string
		rejected       map[string][]string // response id → field:code reason
		columns        []string            // the columns checked, besides those of all
	}{
		{name: "question added, required", from: "  question \"q_text\" {", to: newQuestion + "  question \"q_text\" {",
			accepted: []string{"old-record-000001", "old-record-000002", "old-record-000003"}, columns: []string{"q_new"}},
		{name: "question removed", from: "  question \"q_text\" {\n    type = \"text\"\n    text = \"Why?\"\n  }\n", to: "",
			accepted: []string{"old-record-000002"},
			rejected: map[string][]string{
				"old-record-000001": {`answers.q_text:not_comparable The question "q_text" was removed; its trend ends with the old version.`},
				"old-record-000003": {`answers.q_text:not_comparable The question "q_text" was removed; its trend ends with the old version.`},
			}},
		{name: "option removed", from: "    option \"c\" {\n      label = \"C\"\n    }\n", to: "",
			accepted: []string{"old-record-000001", "old-record-000003"},
			rejected: map[string][]string{
				"old-record-000002": {`answers.q_single:removed_option Option "c" was removed; answers recorded with it cannot be mapped to the new version.`},
			}},
		{name: "matrix row added", from: "    row \"r2\" {", to: "    row \"r3\" {\n      label = \"App\"\n    }\n    row \"r2\" {",
			accepted: []string{"old-record-000001", "old-record-000002", "old-record-000003"}, columns: []string{"m_r3"}},
		{name: "matrix row removed", from: "    row \"r2\" {\n      label = \"Chat\"\n    }\n", to: "",
			accepted: []string{"old-record-000003"},
			rejected: map[string][]string{
				"old-record-000001": {`answers.m.r2:not_comparable Matrix row "r2" was removed; its trend ends.`},
				"old-record-000002": {`answers.m.r2:not_comparable Matrix row "r2" was removed; its trend ends.`},
			}},
		// Not in the diff, but the current version has no column for it:
		// rejected, not dropped on the way.
		{name: "hidden field removed", from: "hidden \"company\" {}\n", to: "",
			accepted: []string{"old-record-000003"},
			rejected: map[string][]string{
				"old-record-000001": {`hidden.company:not_comparable the current version has no hidden field "company"`},
				"old-record-000002": {`hidden.company:not_comparable the current version has no hidden field "company"`},
			}},
		{name: "reworded", from: `text     = "Recommend?"`, to: `text     = "Would you recommend us?"`,
			accepted: []string{"old-record-000001", "old-record-000002", "old-record-000003"}},
		{name: "made required", from: "    type = \"single\"\n    text = \"Which?\"\n", to: "    type     = \"single\"\n    text     = \"Which?\"\n    required = true\n",
			accepted: []string{"old-record-000001", "old-record-000002", "old-record-000003"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(versionBase, tc.from, tc.to, 1)
			if src == versionBase {
				t.Fatal("the change did not apply")
			}
			cur := compileSource(t, src)
			out := filepath.Join(t.TempDir(), "out.parquet")
			st, err := ingest.Run(cur, []ingest.Input{{Path: in, Wave: 2024}}, out, ingest.Options{Previous: []*ir.Survey{old}})
			if err != nil {
				t.Fatal(err)
			}
			rejected := readRejects(t, out)
			if st.Accepted != len(tc.accepted) || st.Rejected != len(tc.rejected) {
				t.Errorf("stats %+v, want %d accepted, %d rejected; rejects %v", st, len(tc.accepted), len(tc.rejected), rejected)
			}
			if !reflect.DeepEqual(rejected, tc.rejected) && (len(rejected) > 0 || len(tc.rejected) > 0) {
				t.Errorf("rejects\n%v\nwant\n%v", rejected, tc.rejected)
			}
			got := readRows(t, out)
			var ids []string
			for id := range got {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			if !reflect.DeepEqual(ids, tc.accepted) {
				t.Fatalf("rows %v, want %v", ids, tc.accepted)
			}
			for _, id := range ids {
				row := got[id]
				if row["version"] != old.Hash {
					t.Errorf("%s: version %v, want the old one", id, row["version"])
				}
				want := all[id]
				for _, col := range append([]string{"company", "q_nps", "q_single", "m_r1", "m_r2", "q_text"}, tc.columns...) {
					if _, exists := row[col]; !exists && !hasColumn(cur, col) {
						continue // not a column of the current version
					}
					if row[col] != want[col] {
						t.Errorf("%s %s: read back %#v, want %#v", id, col, row[col], want[col])
					}
				}
			}
		})
	}
}

// readRejects reads a rejects file as response id → "field:code reason".
func readRejects(t *testing.T, out string) map[string][]string {
	t.Helper()
	f, err := os.Open(ingest.RejectsPath(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r ingest.Reject
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		var sub struct {
			ResponseID string `json:"response_id"`
		}
		json.Unmarshal([]byte(r.Raw), &sub)
		for _, e := range r.Errors {
			got[sub.ResponseID] = append(got[sub.ResponseID], e.Field+":"+e.Code+" "+e.Reason)
		}
	}
	return got
}

func hasColumn(s *ir.Survey, col string) bool {
	for _, h := range s.Hidden {
		if h.ID == col {
			return true
		}
	}
	for _, v := range s.Vars {
		if v.Name == col {
			return true
		}
	}
	return false
}
