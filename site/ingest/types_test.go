package ingest_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/simulate"
)

// TestEveryConstructColumns ingests simulated answers to the survey with
// every question type and reads each answer of the types added for #19
// back from its typed column: a boolean is a bool column holding the
// answer, null where there was none.
func TestEveryConstructColumns(t *testing.T) {
	s := testkit.Load(t, "../../testdata/surveys/every-construct.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 300, Seed: 5}, &buf); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 300 {
		t.Fatalf("%+v %v", st, err)
	}
	tbl := readTable(t, out)
	for _, v := range s.Vars {
		if s.Question(v.Question).Type != ir.Boolean {
			continue
		}
		if f := tbl.Schema().Field(tbl.Schema().FieldIndices(v.Name)[0]); f.Type.ID() != arrow.BOOL {
			t.Errorf("%s is a %s column", v.Name, f.Type)
		}
	}
	rows := readRows(t, out)
	seen := map[string]map[any]int{}
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		var sub struct {
			ID      string         `json:"response_id"`
			Answers map[string]any `json:"answers"`
		}
		if err := json.Unmarshal(line, &sub); err != nil {
			t.Fatal(err)
		}
		for _, v := range s.Vars {
			if s.Question(v.Question).Type != ir.Boolean {
				continue
			}
			got, want := rows[sub.ID][v.Name], sub.Answers[v.Name]
			if got != want {
				t.Fatalf("%s %s: column %v, answer %v", sub.ID, v.Name, got, want)
			}
			if seen[v.Name] == nil {
				seen[v.Name] = map[any]int{}
			}
			seen[v.Name][got]++
		}
	}
	// Both answers (and, for the optional question, none) were read back.
	for name, values := range seen {
		if values[true] == 0 || values[false] == 0 || !s.Question(name).Required && values[nil] == 0 {
			t.Errorf("%s: simulated values %v, want every one", name, values)
		}
	}
}
