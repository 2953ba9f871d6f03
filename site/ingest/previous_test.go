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

// TestPreviousFlat ingests flat records (CSV rows and flat NDJSON
// objects, as spreadsheets and Formspree-style services export them) of
// an older version whose number and multi questions were removed since,
// with an option removed and a required question added. A flat record
// has no types of its own, so it is read by the version it names
// (version or _version): the removed questions' values are typed by that
// version (a number, a list of codes), validated against it and set aside
// as they were recorded. An input declared as the older version
// (Input.Version, an export without a version column) is read the same
// way, record by record, unless a record names its own version; a
// version-less record of an undeclared input is the current survey's, as
// before, and a removed question rejects it.
func TestPreviousFlat(t *testing.T) {
	old := compileSource(t, versionBase)
	src := versionBase
	for _, c := range []struct{ from, to string }{
		{"  question \"q_nps\" {\n    type     = \"nps\"\n    text     = \"Recommend?\"\n    required = true\n  }\n", ""},
		{"    option \"c\" {\n      label = \"C\"\n    }\n", ""},
		{"  question \"q_multi\" {\n    type = \"multi\"\n    text = \"Topics?\"\n    option \"x\" {\n      label = \"X\"\n    }\n    option \"y\" {\n      label = \"Y\"\n    }\n    option \"o\" {\n      label = \"Other\"\n      other = true\n    }\n  }\n", ""},
		{"  question \"q_text\" {", "  question \"q_new\" {\n    type     = \"single\"\n    text     = \"New?\"\n    required = true\n    option \"x\" {\n      label = \"X\"\n    }\n  }\n  question \"q_text\" {"},
	} {
		if !strings.Contains(src, c.from) {
			t.Fatalf("the change %q did not apply", c.from)
		}
		src = strings.Replace(src, c.from, c.to, 1)
	}
	cur := compileSource(t, src)
	dir := t.TempDir()
	write := func(name string, lines ...string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
		return p
	}
	// Rows of both versions and one of an unknown version share a file.
	csvIn := write("export.csv",
		"response_id,survey,_version,lang,company,q_nps,q_single,m_r1,m.r2,q_multi,q_multi_other,q_new,q_text",
		"old-csv-0000000001,v,"+old.Hash+",en,acme,9,a,yes,no,x;o,misc,,hello",
		"old-csv-0000000002,v,"+old.Hash+",en,acme,3,c,no,yes,y,,,",
		"cur-csv-0000000003,v,"+cur.Hash+",en,beta,,b,yes,,,,x,now",
		"old-csv-0000000004,v,"+old.Hash+",en,acme,11,a,,,,,,",
		"unk-csv-0000000005,v,sha256:0000,en,acme,,a,,,,,,",
	)
	flatIn := write("export.ndjson",
		`{"response_id":"old-flat-000000001","survey":"v","version":"`+old.Hash+`","lang":"en","company":"acme","q_nps":"10","q_single":"c","m.r1":"yes","q_multi":["x"],"q_text":"fine"}`,
		`{"_response_id":"old-flat-000000002","_survey":"v","_version":"`+old.Hash+`","_lang":"en","q_nps":7,"q_single":"b"}`,
	)
	// An old wave's exports without a version column, declared as the old
	// version; a submission without one too, and a record naming the
	// current version, which stays the current one's.
	declCSV := write("wave2023.csv",
		"response_id,survey,lang,q_nps,q_single,q_multi",
		"old-decl-000000001,v,en,8,c,x;y",
	)
	declNDJSON := write("wave2023.ndjson",
		`{"response_id":"old-decl-000000002","survey":"v","lang":"en","q_nps":5,"q_single":"a"}`,
		`{"response_id":"old-decl-000000003","survey":"v","lang":"en","answers":{"q_nps":6}}`,
		`{"response_id":"cur-decl-000000004","survey":"v","version":"`+cur.Hash+`","lang":"en","q_new":"x"}`,
	)
	// Not declared, no version: the current survey's, which has no q_nps.
	plainIn := write("plain.csv",
		"response_id,survey,lang,q_nps,q_new",
		"old-plain-00000001,v,en,4,x",
	)
	inputs := []ingest.Input{{Path: csvIn, Wave: 2024}, {Path: flatIn, Wave: 2024},
		{Path: declCSV, Wave: 2023, Version: old.Hash}, {Path: declNDJSON, Wave: 2023, Version: old.Hash}, {Path: plainIn, Wave: 2024}}
	aside := func(source string, record int, id string, wave int, field, code, value, reason string) string {
		return fmt.Sprintf(`{"source":%q,"record":%d,"response_id":%q,"version":%q,"wave":%d,"field":%q,"code":%q,"value":%s,"reason":%q}`,
			source, record, id, old.Hash, wave, field, code, value, reason)
	}
	const (
		npsRemoved   = `The question "q_nps" was removed; its trend ends with the old version.`
		multiRemoved = `The question "q_multi" was removed; its trend ends with the old version.`
		cRemoved     = `Option "c" was removed; answers recorded with it cannot be mapped to the new version.`
	)
	wantAside := strings.Join([]string{
		aside(csvIn, 1, "old-csv-0000000001", 2024, "answers.q_nps", "question_removed", `9`, npsRemoved),
		aside(csvIn, 1, "old-csv-0000000001", 2024, "answers.q_multi", "question_removed", `["x","o"]`, multiRemoved),
		aside(csvIn, 1, "old-csv-0000000001", 2024, "answers.q_multi_other", "question_removed", `"misc"`, multiRemoved),
		aside(csvIn, 2, "old-csv-0000000002", 2024, "answers.q_nps", "question_removed", `3`, npsRemoved),
		aside(csvIn, 2, "old-csv-0000000002", 2024, "answers.q_single", "option_removed", `"c"`, cRemoved),
		aside(csvIn, 2, "old-csv-0000000002", 2024, "answers.q_multi", "question_removed", `["y"]`, multiRemoved),
		aside(flatIn, 1, "old-flat-000000001", 2024, "answers.q_nps", "question_removed", `10`, npsRemoved),
		aside(flatIn, 1, "old-flat-000000001", 2024, "answers.q_single", "option_removed", `"c"`, cRemoved),
		aside(flatIn, 1, "old-flat-000000001", 2024, "answers.q_multi", "question_removed", `["x"]`, multiRemoved),
		aside(flatIn, 2, "old-flat-000000002", 2024, "answers.q_nps", "question_removed", `7`, npsRemoved),
		aside(declCSV, 1, "old-decl-000000001", 2023, "answers.q_nps", "question_removed", `8`, npsRemoved),
		aside(declCSV, 1, "old-decl-000000001", 2023, "answers.q_single", "option_removed", `"c"`, cRemoved),
		aside(declCSV, 1, "old-decl-000000001", 2023, "answers.q_multi", "question_removed", `["x","y"]`, multiRemoved),
		aside(declNDJSON, 1, "old-decl-000000002", 2023, "answers.q_nps", "question_removed", `5`, npsRemoved),
		aside(declNDJSON, 2, "old-decl-000000003", 2023, "answers.q_nps", "question_removed", `6`, npsRemoved),
	}, "\n") + "\n"
	// Rejects by file and record (a CSV row's raw line is no JSON).
	rejected := []string{
		"export.csv 4 answers.q_nps:out_of_range 11 is not a whole number from 0 to 10",
		"export.csv 5 version:unknown_version recorded against survey version sha256:0000, which is neither the current one nor a --previous version",
		`plain.csv 1 answers.q_nps:unknown_field the survey has no question or variable "q_nps"`,
	}
	// Every accepted record's columns as read back (absent: null).
	want := map[string]map[string]any{
		"old-csv-0000000001": {"version": old.Hash, "wave": int32(2024), "company": "acme", "q_single": "a", "m_r1": "yes", "m_r2": "no", "q_text": "hello"},
		"old-csv-0000000002": {"version": old.Hash, "wave": int32(2024), "company": "acme", "m_r1": "no", "m_r2": "yes"},
		"cur-csv-0000000003": {"version": cur.Hash, "wave": int32(2024), "company": "beta", "q_single": "b", "m_r1": "yes", "q_new": "x", "q_text": "now"},
		"old-flat-000000001": {"version": old.Hash, "wave": int32(2024), "company": "acme", "m_r1": "yes", "q_text": "fine"},
		"old-flat-000000002": {"version": old.Hash, "wave": int32(2024), "q_single": "b"},
		"old-decl-000000001": {"version": old.Hash, "wave": int32(2023)},
		"old-decl-000000002": {"version": old.Hash, "wave": int32(2023), "q_single": "a"},
		"old-decl-000000003": {"version": old.Hash, "wave": int32(2023)},
		"cur-decl-000000004": {"version": cur.Hash, "wave": int32(2023), "q_new": "x"},
	}
	for _, indexRows := range []int{0, 1} { // in memory, and runs on disk
		out := filepath.Join(t.TempDir(), "out.parquet")
		st, err := ingest.Run(cur, inputs, out, ingest.Options{Previous: []*ir.Survey{old}, IndexRows: indexRows})
		if err != nil {
			t.Fatal(err)
		}
		if want := (ingest.Stats{Accepted: 9, Rejected: 3, SetAside: 15}); st != want {
			t.Errorf("index rows %d: stats %+v, want %+v", indexRows, st, want)
		}
		raw, _ := os.ReadFile(ingest.RejectsPath(out))
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			var r ingest.Reject
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatal(err)
			}
			for _, e := range r.Errors {
				got = append(got, fmt.Sprintf("%s %d %s:%s %s", filepath.Base(r.Source), r.Record, e.Field, e.Code, e.Reason))
			}
		}
		if !reflect.DeepEqual(got, rejected) {
			t.Errorf("rejects\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(rejected, "\n"))
		}
		if got, _ := os.ReadFile(ingest.SetAsidePath(out)); string(got) != wantAside {
			t.Errorf("index rows %d: set aside\n%s\nwant\n%s", indexRows, got, wantAside)
		}
		rows := readRows(t, out)
		if len(rows) != len(want) {
			t.Errorf("%d rows, want %d", len(rows), len(want))
		}
		for id, cols := range want {
			row, ok := rows[id]
			if !ok {
				t.Errorf("%s is not in the file", id)
				continue
			}
			for _, col := range []string{"version", "wave", "company", "q_single", "m_r1", "m_r2", "q_new", "q_text"} {
				if !reflect.DeepEqual(row[col], cols[col]) {
					t.Errorf("%s %s: read back %#v, want %#v", id, col, row[col], cols[col])
				}
			}
			for _, col := range []string{"q_nps", "q_multi", "q_multi_other"} {
				if _, has := row[col]; has {
					t.Errorf("%s: the current version has a column %s", id, col)
				}
			}
		}
	}
	// An input declared as a version ingest was not given is refused
	// before anything is read.
	_, err := ingest.Run(cur, []ingest.Input{{Path: declCSV, Version: "sha256:0000"}}, filepath.Join(dir, "x.parquet"), ingest.Options{Previous: []*ir.Survey{old}})
	if want := declCSV + ": declared as version sha256:0000, which is neither the current one nor a --previous version"; err == nil || err.Error() != want {
		t.Errorf("an unknown declared version: %v, want %s", err, want)
	}
}

// TestDeclaredVersionSubmission: a submission without a version in an
// input declared as an older version is that version's, even when the
// current version would take it as it is (here the two differ only in a
// question's wording): the fast path, which takes a version-less record
// as the current one's, must leave it alone.
func TestDeclaredVersionSubmission(t *testing.T) {
	old := compileSource(t, versionBase)
	cur := compileSource(t, strings.Replace(versionBase, `text = "Why?"`, `text = "Why is that?"`, 1))
	in := filepath.Join(t.TempDir(), "old.ndjson")
	os.WriteFile(in, []byte(`{"response_id":"old-record-000001","survey":"v","lang":"en","started_at":"2023-05-01T10:00:00Z","submitted_at":"2023-05-01T10:05:00Z","hidden":{"company":"acme"},"answers":{"q_nps":9,"q_single":"a","q_text":"hello"}}`+"\n"), 0o644)
	for _, tc := range []struct{ declared, want string }{{"", ""}, {old.Hash, old.Hash}, {cur.Hash, cur.Hash}} {
		out := filepath.Join(t.TempDir(), "out.parquet")
		st, err := ingest.Run(cur, []ingest.Input{{Path: in, Version: tc.declared}}, out, ingest.Options{Previous: []*ir.Survey{old}})
		if err != nil || st != (ingest.Stats{Accepted: 1}) {
			t.Fatalf("declared %q: %+v %v", tc.declared, st, err)
		}
		row := readRows(t, out)["old-record-000001"]
		if row["version"] != tc.want || row["q_nps"] != int64(9) || row["q_text"] != "hello" {
			t.Errorf("declared %q: version %v, q_nps %v, q_text %v; want version %q", tc.declared, row["version"], row["q_nps"], row["q_text"], tc.want)
		}
	}
}
