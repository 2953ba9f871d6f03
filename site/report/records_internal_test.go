package report

import (
	"reflect"
	"testing"

	"github.com/opros/opros/compiler/ir"
)

// TestRecordColumns: a drill-down shows hidden fields but the
// participant's and personal ones, and every answer but an e-mail
// question's (personal whether marked or not), a question marked personal
// and "not applicable" flags.
func TestRecordColumns(t *testing.T) {
	s := &ir.Survey{
		Bench:  ir.Benchmark{Participant: "company"},
		Hidden: []ir.Hidden{{ID: "company", Role: "participant"}, {ID: "city", Role: "segment"}, {ID: "visitor", Personal: true}},
		Pages: []ir.Page{{Questions: []ir.Question{
			{ID: "score", Type: ir.Scale}, {ID: "mail", Type: ir.Email}, {ID: "name", Type: ir.TextQ, Personal: true}, {ID: "comment", Type: ir.TextQ},
		}}},
		Vars: []ir.Variable{
			{Name: "score", Question: "score", Kind: ir.VarInt, Role: "answer"},
			{Name: "score_na", Question: "score", Kind: ir.VarBool, Role: "na"},
			{Name: "mail", Question: "mail", Kind: ir.VarString, Role: "answer"},
			{Name: "name", Question: "name", Kind: ir.VarString, Role: "answer"},
			{Name: "comment", Question: "comment", Kind: ir.VarString, Role: "answer"},
		},
	}
	var got []string
	for _, c := range recordColumns(s) {
		got = append(got, c.name)
	}
	if want := []string{"city", "score", "comment"}; !reflect.DeepEqual(got, want) {
		t.Errorf("columns %v, want %v", got, want)
	}
}
