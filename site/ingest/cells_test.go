package ingest_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/simulate"
)

// TestCellsColumns ingests simulated answers to a matrix_multi and two
// grids (testdata/surveys/cells.hcl) and two written by hand, and reads
// every cell back from its typed column: a box is a bool column, true
// where ticked, false where not but another box of its row is (the form
// sends only the ticked ones; one sent as false reads the same); a grid
// of whole numbers has int64 columns, a grid of dropdowns a dictionary
// of its codes, null where a cell was left empty.
func TestCellsColumns(t *testing.T) {
	s := testkit.Load(t, "../../testdata/surveys/cells.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 300, Seed: 5}, &buf); err != nil {
		t.Fatal(err)
	}
	// By hand: the phone's row answered with "none" alone, the chat's
	// with a bot; a second respondent with the exclusive box sent as
	// false among the ticked ones.
	buf.WriteString(`{"response_id":"hand-000000000001","survey":"cells","version":"` + s.Hash + `","lang":"en","answers":{"q_tools_voice_none":true,"q_tools_chat_bot":true,"q_agents_voice_day":5,"q_agents_voice_night":1,"q_agents_chat_day":2,"q_agents_chat_night":0,"q_hours_chat_weekend":"closed"}}` + "\n")
	buf.WriteString(`{"response_id":"hand-000000000002","survey":"cells","version":"` + s.Hash + `","lang":"ru","answers":{"q_tools_voice_ivr":true,"q_tools_voice_none":false,"q_tools_chat_ivr":true,"q_agents_voice_day":7,"q_agents_voice_night":7,"q_agents_chat_day":0,"q_agents_chat_night":0}}` + "\n")
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 302 {
		t.Fatalf("%+v %v", st, err)
	}
	tbl := readTable(t, out)
	for _, v := range s.Vars {
		want := map[string]arrow.Type{"q_tools": arrow.BOOL, "q_agents": arrow.INT64, "q_hours": arrow.DICTIONARY}[v.Question]
		if f := tbl.Schema().Field(tbl.Schema().FieldIndices(v.Name)[0]); f.Type.ID() != want {
			t.Errorf("%s is a %s column, want %s", v.Name, f.Type, want)
		}
	}
	rows := readRows(t, out)
	hand := map[string]map[string]any{
		"hand-000000000001": {"q_tools_voice_ivr": false, "q_tools_voice_none": true, "q_tools_chat_ivr": false, "q_tools_chat_bot": true,
			"q_agents_voice_night": int64(1), "q_hours_chat_weekend": "closed", "q_hours_voice_weekdays": nil},
		"hand-000000000002": {"q_tools_voice_ivr": true, "q_tools_voice_none": false, "q_tools_chat_bot": false,
			"q_agents_chat_day": int64(0), "q_hours_chat_weekend": nil},
	}
	for id, cells := range hand {
		for name, want := range cells {
			if got := rows[id][name]; got != want {
				t.Errorf("%s %s = %v, want %v", id, name, got, want)
			}
		}
	}
	seen := map[any]int{}
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		var sub struct {
			ID      string         `json:"response_id"`
			Answers map[string]any `json:"answers"`
		}
		if err := json.Unmarshal(line, &sub); err != nil {
			t.Fatal(err)
		}
		for _, v := range s.Vars {
			want := sub.Answers[v.Name]
			if f, ok := want.(float64); ok {
				want = int64(f)
			}
			if v.Question == "q_tools" { // ticked, else false when the row has a tick, else none
				rowTicked := false
				for k, x := range sub.Answers {
					rowTicked = rowTicked || strings.HasPrefix(k, "q_tools_"+v.Cell.Row+"_") && x == true
				}
				switch {
				case want == true:
				case rowTicked:
					want = false
				default:
					want = nil
				}
				seen[want]++
			}
			if got := rows[sub.ID][v.Name]; got != want {
				t.Fatalf("%s %s: column %v, want %v", sub.ID, v.Name, got, want)
			}
		}
	}
	// q_tools is required, so no row is left empty (answer.TestCellValue
	// reads such a row's boxes as no value).
	if seen[true] == 0 || seen[false] == 0 {
		t.Errorf("the boxes held %v: want ticked and not ticked ones", seen)
	}
}

// TestPreviousCells: answers recorded against an older version whose grid
// had a column since removed keep their other cells, and the removed
// column's cells are set aside one by one (no column of the current
// version holds them), never dropped silently; so is a dropdown cell
// whose option was removed.
func TestPreviousCells(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/surveys/cells.hcl")
	if err != nil {
		t.Fatal(err)
	}
	weekend := "    column \"weekend\" {\n      label = { en = \"Weekend\", ru = \"Выходные\" }\n    }\n"
	if !strings.Contains(string(raw), weekend) {
		t.Fatal("cells.hcl has no weekend column")
	}
	old := compileSource(t, string(raw))
	cur := compileSource(t, strings.Replace(string(raw), weekend, "", 1))
	in := filepath.Join(t.TempDir(), "old.ndjson")
	os.WriteFile(in, []byte(`{"response_id":"old-record-000001","survey":"cells","version":"`+old.Hash+`","lang":"en","answers":{"q_tools_voice_ivr":true,"q_tools_chat_bot":true,"q_agents_voice_day":4,"q_agents_voice_night":1,"q_agents_chat_day":2,"q_agents_chat_night":0,"q_hours_voice_weekdays":"own","q_hours_voice_weekend":"closed","q_hours_chat_weekend":"outsourced"}}`+"\n"), 0o644)
	out := filepath.Join(t.TempDir(), "out.parquet")
	st, err := ingest.Run(cur, []ingest.Input{{Path: in}}, out, ingest.Options{Previous: []*ir.Survey{old}})
	if err != nil || st.Accepted != 1 || st.SetAside != 2 {
		t.Fatalf("%+v %v", st, err)
	}
	aside, _ := os.ReadFile(ingest.SetAsidePath(out))
	for _, key := range []string{"q_hours_voice_weekend", "q_hours_chat_weekend"} {
		if !strings.Contains(string(aside), key) {
			t.Errorf("%s not set aside:\n%s", key, aside)
		}
	}
	if row := readRows(t, out)["old-record-000001"]; row["q_hours_voice_weekdays"] != "own" || row["q_tools_voice_bot"] != false {
		t.Errorf("read back %v", row)
	}
	// An option of the dropdowns removed: the cell that chose it is set
	// aside as option_removed, the others kept.
	closed := "    option \"closed\" {\n      label = { en = \"Closed\", ru = \"Закрыто\" }\n    }\n"
	cur = compileSource(t, strings.Replace(string(raw), closed, "", 1))
	st, err = ingest.Run(cur, []ingest.Input{{Path: in}}, out, ingest.Options{Previous: []*ir.Survey{old}})
	if err != nil || st.Accepted != 1 || st.SetAside != 1 {
		t.Fatalf("option removed: %+v %v", st, err)
	}
	if aside, _ := os.ReadFile(ingest.SetAsidePath(out)); !strings.Contains(string(aside), `"code":"option_removed"`) || !strings.Contains(string(aside), "q_hours_voice_weekend") {
		t.Errorf("option removed: set aside\n%s", aside)
	}
	if row := readRows(t, out)["old-record-000001"]; row["q_hours_voice_weekend"] != nil || row["q_hours_chat_weekend"] != "outsourced" {
		t.Errorf("option removed: read back %v", row)
	}
}
