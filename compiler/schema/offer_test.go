package schema_test

import (
	"encoding/json"
	"regexp"
	"slices"
	"testing"

	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/compiler/testkit"
)

// TestSchemaCarry: a question whose options are carried or conditional
// keeps every code enumerated (which were offered is Validate's to
// check); one that can be left with nothing to offer (q_try: carried and
// conditional options only; q_main: carried only) is neither required
// nor refused an answer by the schema, while q_best, whose own "unsure"
// is always offered, stays required when shown (golden carry.schema.json, without the $comment).
func TestSchemaCarry(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/carry.hcl")
	if got := schema.Unexpressed(s); !slices.Equal(got, []string{"q_try", "q_main"}) {
		t.Errorf("unexpressed %v, want q_try, q_main", got)
	}
	out, err := schema.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	var parsed struct {
		Properties struct {
			Answers struct {
				Properties map[string]struct {
					Enum  []any `json:"enum"`
					Items struct {
						Enum []any `json:"enum"`
					} `json:"items"`
				} `json:"properties"`
				Required []string `json:"required"`
			} `json:"answers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(out, &parsed); err != nil {
		t.Fatal(err)
	}
	a := parsed.Properties.Answers
	if got := a.Properties["q_best"].Enum; !slices.Equal(got, []any{"phone", "chat", "email", "unsure", nil}) && !slices.Equal(got, []any{"phone", "chat", "email", "unsure"}) {
		t.Errorf("q_best's codes %v", got)
	}
	if got := a.Properties["q_main"].Enum; len(got) < 4 {
		t.Errorf("q_main's codes %v", got)
	}
	// The golden leaves out the $comment, which lists every limit of
	// every survey: TestSchemaGolden's goldens hold it.
	testkit.Golden(t, "testdata/carry.schema.json", regexp.MustCompile(`(?m)^  "\$comment": .*\n`).ReplaceAll(out, nil))
}
