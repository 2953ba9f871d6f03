package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
)

// TestFormulaEveryKind: every index kind the IR declares (its Index*
// constants, read from compiler/ir/ir.go so a new kind cannot be missed)
// has a methodology text in English and in Russian.
func TestFormulaEveryKind(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../../compiler/ir/ir.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 || !strings.HasPrefix(vs.Names[0].Name, "Index") {
			return true
		}
		if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			k, _ := strconv.Unquote(lit.Value)
			kinds = append(kinds, k)
		}
		return true
	})
	if len(kinds) < 9 {
		t.Fatalf("only %d index kinds found in ir.go: %v", len(kinds), kinds)
	}
	for _, kind := range kinds {
		ix := ir.Index{Kind: kind, Items: []string{"q1"}, Options: []string{"a"}, Top: 2, Expr: &ir.Expr{Op: ir.OpRef, Ref: "q1"}}
		en, ru := (&lang{code: "en"}).formula(ix), (&lang{code: "ru"}).formula(ix)
		if en == "" || ru == "" || en == ru {
			t.Errorf("%s: formula en %q, ru %q", kind, en, ru)
		}
	}
}

// TestFormulaSum: a sum's text shows its weights and its range, numbers
// written as the language writes them.
func TestFormulaSum(t *testing.T) {
	ix := ir.Index{Kind: ir.IndexSum, Items: []string{"q_speed", "q_staff", "q5_14.voice"}, Weights: []float64{2, 1, 0.5}, Min: 3, Max: 16.5}
	for code, want := range map[string]string{
		"en": "Sum per respondent of 2×q_speed + q_staff + 0.5×q5_14.voice (scale points, option scores), averaged over the respondents who answered every item; range 3–16.5; t interval.",
		"ru": "Сумма на респондента: 2×q_speed + q_staff + 0,5×q5_14.voice (баллы шкал и вариантов), среднее по респондентам, ответившим на все пункты; диапазон 3–16,5; t-интервал.",
	} {
		if got := (&lang{code: code}).formula(ix); got != want {
			t.Errorf("%s:\n got %s\nwant %s", code, got, want)
		}
	}
	ix.Weights = nil
	if got := (&lang{code: "en"}).formula(ix); !strings.HasPrefix(got, "Sum per respondent of q_speed + q_staff + q5_14.voice (") {
		t.Errorf("without weights: %s", got)
	}
}
