package schema_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/compiler/testkit"
)

func TestSchemaGolden(t *testing.T) {
	for _, ex := range []string{"nps-csat-ces", "contact-center-2018", "conditions", "calculate", "loop"} {
		path := "../../examples/" + ex
		switch ex {
		case "conditions":
			path = "testdata/conditions.hcl" // every show_if form the schema translates
		case "calculate":
			path = "../../render/form/testdata/calculate.hcl" // calculations: no key of their own
		case "loop":
			path = "../../render/form/testdata/loop.hcl" // an iteration: its page's contains()
		}
		s, d := compiler.New().Load(path)
		if d.HasErrors() {
			t.Fatal(d.Error())
		}
		out, err := schema.Build(s)
		if err != nil {
			t.Fatal(err)
		}
		var parsed map[string]any
		if err := json.Unmarshal(out, &parsed); err != nil {
			t.Fatalf("%s: schema is not JSON: %v", ex, err)
		}
		answers := parsed["properties"].(map[string]any)["answers"].(map[string]any)["properties"].(map[string]any)
		for _, v := range s.Vars {
			if v.Row != "" {
				continue // matrix rows live inside the question's object
			}
			_, ok := answers[v.Name]
			if v.Role == ir.RoleCalc {
				if ok {
					t.Errorf("%s: calculation %s is a key of the schema, which the form never sends", ex, v.Name)
				}
				continue
			}
			if !ok {
				t.Errorf("%s: variable %s missing from the schema", ex, v.Name)
			}
		}
		again, _ := schema.Build(s)
		if string(again) != string(out) {
			t.Fatal("schema output is not deterministic")
		}
		testkit.Golden(t, "testdata/"+ex+".schema.json", out)
	}
}

// TestUnexpressed: of conditions.hcl's show_if conditions, only the one
// with a function other than contains() and answered() and the one with
// arithmetic are beyond the schema.
func TestUnexpressed(t *testing.T) {
	s := testkit.Load(t, "testdata/conditions.hcl")
	if got := schema.Unexpressed(s); !slices.Equal(got, []string{"q_lower", "q_gold"}) {
		t.Errorf("unexpressed %v, want [q_lower q_gold]", got)
	}
	for _, ex := range []string{"nps-csat-ces", "contact-center-2018", "cx-index", "customer-centricity"} {
		if got := schema.Unexpressed(testkit.Load(t, "../../examples/"+ex)); len(got) > 0 {
			t.Errorf("%s: show_if of %v not expressed", ex, got)
		}
	}
}
