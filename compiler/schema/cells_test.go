package schema_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/compiler/testkit"
)

// TestCellsSchema: a matrix_multi's boxes and a grid's cells are keys of
// their own (q_row_col), a box true or false and never required by key
// (a box not ticked is not sent), a grid of numbers' cells integers within
// its limits and every one required, a grid of dropdowns' cells its codes.
// The schema is golden (testdata/cells.schema.json).
func TestCellsSchema(t *testing.T) {
	s := testkit.Load(t, "../../testdata/surveys/cells.hcl")
	out, err := schema.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "testdata/cells.schema.json", out)
	var parsed struct {
		Properties struct {
			Answers struct {
				Properties map[string]map[string]any `json:"properties"`
				Required   []string                  `json:"required"`
			} `json:"answers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(out, &parsed); err != nil {
		t.Fatal(err)
	}
	props := parsed.Properties.Answers.Properties
	for _, v := range s.Vars {
		if _, ok := props[v.Name]; !ok {
			t.Errorf("variable %s missing from the schema", v.Name)
		}
	}
	box := props["q_tools_chat_bot"]
	if typ, _ := json.Marshal(box["type"]); string(typ) != `["boolean","null"]` || box["title"] != "Which of these apply to each channel? — Chat — Bot" {
		t.Errorf("a box: %v", box)
	}
	cell := props["q_agents_voice_night"]
	if cell["type"] != "integer" || cell["minimum"] != 0.0 || cell["maximum"] != 10000.0 {
		t.Errorf("a number cell: %v", cell)
	}
	if codes, _ := json.Marshal(props["q_hours_chat_weekend"]["enum"]); string(codes) != `["closed","own","outsourced",null]` {
		t.Errorf("a dropdown cell's codes: %s", codes)
	}
	want := []string{"q_agents_voice_day", "q_agents_voice_night", "q_agents_chat_day", "q_agents_chat_night"}
	if got := parsed.Properties.Answers.Required; !slices.Equal(got, want) {
		t.Errorf("required keys %v, want %v", got, want)
	}
}
