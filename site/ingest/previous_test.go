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
  question "q_multi" {
    type = "multi"
    text = "Topics?"
    option "x" {
      label = "X"
    }
    option "y" {
      label = "Y"
    }
    option "o" {
      label = "Other"
      other = true
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
// survey, for each kind of change between the versions. A record valid
// under the version it was made with is accepted: a question or row added
// since reads as null (even a required one), and an answer the current
// version has no column for (a removed question, row, option or hidden
// field, a changed type) is left out of the Parquet file and set aside,
// with the diff's reason, in the set-aside file. A record invalid under
// its own version is still rejected, and a repeated response id takes its
// set-aside answers with it, whether the index drops it at once or only
// at the end (runs on disk).
func TestPrevious(t *testing.T) {
	old := compileSource(t, versionBase)
	records := []string{
		`{"response_id":"old-record-000001","survey":"v","version":%q,"lang":"en","hidden":{"company":"acme"},"answers":{"q_nps":9,"q_single":"a","m":{"r1":"yes","r2":"no"},"q_multi":["x","o"],"q_multi_other":"misc","q_text":"hello"}}`,
		`{"response_id":"old-record-000002","survey":"v","version":%q,"lang":"en","hidden":{"company":"acme"},"answers":{"q_nps":3,"q_single":"c","m":{"r1":"no","r2":"yes"},"q_multi":["y"]}}`,
		`{"response_id":"old-record-000003","survey":"v","version":%q,"lang":"en","answers":{"q_nps":10,"m":{"r1":"yes"},"q_text":"fine"}}`,
		// invalid under its own version: rejected, nothing set aside
		`{"response_id":"old-record-000004","survey":"v","version":%q,"lang":"en","answers":{"q_nps":11,"q_text":"too high"}}`,
		// a repeat of the first: dropped, and its answers with it
		`{"response_id":"old-record-000001","survey":"v","version":%q,"lang":"en","hidden":{"company":"again"},"answers":{"q_nps":1,"q_single":"c","m":{"r2":"no"},"q_multi":["o"],"q_multi_other":"again","q_text":"again"}}`,
	}
	in := filepath.Join(t.TempDir(), "old.ndjson")
	var lines []string
	for _, r := range records {
		lines = append(lines, fmt.Sprintf(r, old.Hash))
	}
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	// Every accepted record's values as read back, by column, when
	// nothing is set aside.
	all := map[string]map[string]any{
		"old-record-000001": {"company": "acme", "q_nps": int64(9), "q_single": "a", "m_r1": "yes", "m_r2": "no", "q_multi": []string{"x", "o"}, "q_multi_other": "misc", "q_text": "hello"},
		"old-record-000002": {"company": "acme", "q_nps": int64(3), "q_single": "c", "m_r1": "no", "m_r2": "yes", "q_multi": []string{"y"}},
		"old-record-000003": {"q_nps": int64(10), "m_r1": "yes", "q_text": "fine"},
	}
	columns := []string{"company", "q_nps", "q_single", "m_r1", "m_r2", "q_multi", "q_multi_other", "q_text"}
	ids := []string{"old-record-000001", "old-record-000002", "old-record-000003"}
	rejected := map[string][]string{"old-record-000004": {`answers.q_nps:out_of_range 11 is not a whole number from 0 to 10`}}
	// aside is a set-aside line as ingest must write it; value is JSON.
	aside := func(record int, id, field, code, value, reason string) string {
		return fmt.Sprintf(`{"source":%q,"record":%d,"response_id":%q,"version":%q,"wave":2024,"field":%q,"code":%q,"value":%s,"reason":%q}`,
			in, record, id, old.Hash, field, code, value, reason)
	}
	const (
		newQuestion   = "  question \"q_new\" {\n    type     = \"single\"\n    text     = \"New?\"\n    required = true\n    option \"x\" {\n      label = \"X\"\n    }\n  }\n"
		textRemoved   = `The question "q_text" was removed; its trend ends with the old version.`
		cRemoved      = `Option "c" was removed; answers recorded with it cannot be mapped to the new version.`
		noRemoved     = `Option "no" was removed; answers recorded with it cannot be mapped to the new version.`
		otherRemoved  = `Option "o" was removed; answers recorded with it cannot be mapped to the new version.`
		r2Removed     = `Matrix row "r2" was removed; its trend ends.`
		textToNumber  = `The question changed from text to number; answers are not comparable.`
		showIfChanged = `Who is asked changed (show_if "" → "q_nps >= 5"); the answering population differs.`
	)
	type change struct{ from, to string }
	cases := []struct {
		name    string
		changes []change
		values  map[string]map[string]any // read back, where not as in all
		aside   []string                  // the set-aside file's lines
	}{
		{name: "question added, required", changes: []change{{"  question \"q_text\" {", newQuestion + "  question \"q_text\" {"}}},
		{name: "question removed", changes: []change{{"  question \"q_text\" {\n    type = \"text\"\n    text = \"Why?\"\n  }\n", ""}},
			aside: []string{
				aside(1, "old-record-000001", "answers.q_text", "question_removed", `"hello"`, textRemoved),
				aside(3, "old-record-000003", "answers.q_text", "question_removed", `"fine"`, textRemoved),
			}},
		// The answer cannot be put in the column: it goes aside, the
		// column is null.
		{name: "single: option removed", changes: []change{{"    option \"c\" {\n      label = \"C\"\n    }\n", ""}},
			values: map[string]map[string]any{"old-record-000002": {"q_single": nil}},
			aside:  []string{aside(2, "old-record-000002", "answers.q_single", "option_removed", `"c"`, cRemoved)}},
		{name: "matrix: option removed", changes: []change{{"    option \"no\" {\n      label = \"No\"\n    }\n", ""}},
			values: map[string]map[string]any{"old-record-000001": {"m_r2": nil}, "old-record-000002": {"m_r1": nil}},
			aside: []string{
				aside(1, "old-record-000001", "answers.m.r2", "option_removed", `"no"`, noRemoved),
				aside(2, "old-record-000002", "answers.m.r1", "option_removed", `"no"`, noRemoved),
			}},
		// The question is otherwise comparable: the removed code goes
		// aside, with the "other" text it carried; the rest is kept.
		{name: "multi: option removed", changes: []change{{"    option \"o\" {\n      label = \"Other\"\n      other = true\n    }\n", ""}},
			values: map[string]map[string]any{"old-record-000001": {"q_multi": []string{"x"}}},
			aside: []string{
				aside(1, "old-record-000001", "answers.q_multi", "option_removed", `["o"]`, otherRemoved),
				aside(1, "old-record-000001", "answers.q_multi_other", "option_removed", `"misc"`, otherRemoved),
			}},
		// Who is asked changed too: what is left is not comparable, so
		// the whole answer goes aside.
		{name: "multi: option removed, and show_if changed", changes: []change{
			{"    option \"o\" {\n      label = \"Other\"\n      other = true\n    }\n", ""},
			{"    type = \"multi\"\n", "    type    = \"multi\"\n    show_if = q_nps >= 5\n"}},
			values: map[string]map[string]any{"old-record-000001": {"q_multi": nil}},
			aside: []string{
				aside(1, "old-record-000001", "answers.q_multi", "option_removed", `["x","o"]`, otherRemoved+" "+showIfChanged),
				aside(1, "old-record-000001", "answers.q_multi_other", "option_removed", `"misc"`, otherRemoved+" "+showIfChanged),
			}},
		{name: "multi: show_if changed, no option removed", changes: []change{{"    type = \"multi\"\n", "    type    = \"multi\"\n    show_if = q_nps >= 5\n"}}},
		{name: "type changed", changes: []change{{"    type = \"text\"\n", "    type = \"number\"\n"}},
			values: map[string]map[string]any{"old-record-000001": {"q_text": nil}, "old-record-000003": {"q_text": nil}},
			aside: []string{
				aside(1, "old-record-000001", "answers.q_text", "type_changed", `"hello"`, textToNumber),
				aside(3, "old-record-000003", "answers.q_text", "type_changed", `"fine"`, textToNumber),
			}},
		{name: "matrix row added", changes: []change{{"    row \"r2\" {", "    row \"r3\" {\n      label = \"App\"\n    }\n    row \"r2\" {"}},
			values: map[string]map[string]any{"old-record-000001": {"m_r3": nil}}},
		{name: "matrix row removed", changes: []change{{"    row \"r2\" {\n      label = \"Chat\"\n    }\n", ""}},
			aside: []string{
				aside(1, "old-record-000001", "answers.m.r2", "row_removed", `"no"`, r2Removed),
				aside(2, "old-record-000002", "answers.m.r2", "row_removed", `"yes"`, r2Removed),
			}},
		// Not in the diff, but the current version has no column for it.
		{name: "hidden field removed", changes: []change{{"hidden \"company\" {}\n", ""}},
			aside: []string{
				aside(1, "old-record-000001", "hidden.company", "no_column", `"acme"`, `the current version has no hidden field "company"`),
				aside(2, "old-record-000002", "hidden.company", "no_column", `"acme"`, `the current version has no hidden field "company"`),
			}},
		{name: "reworded", changes: []change{{`text     = "Recommend?"`, `text     = "Would you recommend us?"`}}},
		{name: "made required", changes: []change{{"    type = \"single\"\n    text = \"Which?\"\n", "    type     = \"single\"\n    text     = \"Which?\"\n    required = true\n"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := versionBase
			for _, c := range tc.changes {
				if !strings.Contains(src, c.from) {
					t.Fatalf("the change %q did not apply", c.from)
				}
				src = strings.Replace(src, c.from, c.to, 1)
			}
			cur := compileSource(t, src)
			wantAside := ""
			for _, l := range tc.aside {
				wantAside += l + "\n"
			}
			for _, indexRows := range []int{0, 1} { // in memory, and runs on disk
				out := filepath.Join(t.TempDir(), "out.parquet")
				st, err := ingest.Run(cur, []ingest.Input{{Path: in, Wave: 2024}}, out, ingest.Options{Previous: []*ir.Survey{old}, IndexRows: indexRows})
				if err != nil {
					t.Fatal(err)
				}
				if want := (ingest.Stats{Accepted: 3, Rejected: 1, Duplicates: 1, SetAside: len(tc.aside)}); st != want {
					t.Errorf("index rows %d: stats %+v, want %+v", indexRows, st, want)
				}
				if got := readRejects(t, out); !reflect.DeepEqual(got, rejected) {
					t.Errorf("rejects\n%v\nwant\n%v", got, rejected)
				}
				if got, _ := os.ReadFile(ingest.SetAsidePath(out)); string(got) != wantAside {
					t.Errorf("index rows %d: set aside\n%s\nwant\n%s", indexRows, got, wantAside)
				}
				got := readRows(t, out)
				var gotIDs []string
				for id := range got {
					gotIDs = append(gotIDs, id)
				}
				sort.Strings(gotIDs)
				if !reflect.DeepEqual(gotIDs, ids) {
					t.Fatalf("rows %v, want %v", gotIDs, ids)
				}
				for _, id := range ids {
					row := got[id]
					if row["version"] != old.Hash {
						t.Errorf("%s: version %v, want the old one", id, row["version"])
					}
					for _, col := range append(columns, "q_new", "m_r3") {
						_, exists := row[col]
						if exists != hasColumn(cur, col) {
							t.Errorf("%s: column %s exists %v, want %v", id, col, exists, !exists)
						}
						if !exists {
							continue
						}
						want, changed := tc.values[id][col]
						if !changed {
							want = all[id][col]
						}
						if !reflect.DeepEqual(row[col], want) {
							t.Errorf("%s %s: read back %#v, want %#v", id, col, row[col], want)
						}
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
