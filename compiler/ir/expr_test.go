package ir_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
)

// vector is one case of testdata/expr/vectors.json, the table the form's
// JavaScript evaluator runs too: both must give the same answer.
type vector struct {
	Name string         `json:"name"`
	Expr *ir.Expr       `json:"expr"`
	Env  map[string]any `json:"env"`
	Want any            `json:"want"`
}

func loadVectors(t *testing.T) []vector {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(testkit.Root(t), "testdata", "expr", "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var vs []vector
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatal(err)
	}
	if len(vs) < 50 {
		t.Fatalf("only %d vectors", len(vs))
	}
	return vs
}

func TestEvalVectors(t *testing.T) {
	for _, v := range loadVectors(t) {
		t.Run(v.Name, func(t *testing.T) {
			got := v.Expr.Eval(func(ref string) any { return v.Env[ref] })
			want := v.Want
			if l, ok := want.([]any); ok {
				want = toStrings(l)
			}
			if !ir.Equal(got, want) {
				t.Errorf("got %#v, want %#v", got, want)
			}
		})
	}
}

func toStrings(l []any) []string {
	out := make([]string, len(l))
	for i, x := range l {
		out[i], _ = x.(string)
	}
	return out
}

func TestRefs(t *testing.T) {
	e := &ir.Expr{Op: ir.OpAnd, Args: []*ir.Expr{
		{Op: ir.OpRef, Ref: "a"}, {Op: ir.OpCall, Fn: "contains", Args: []*ir.Expr{{Op: ir.OpRef, Ref: "b"}, {Op: ir.OpRef, Ref: "a"}}},
	}}
	got := e.Refs()
	if len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Fatalf("Refs = %v, want [a b]", got)
	}
}

func TestHashIgnoresRanges(t *testing.T) {
	a := &ir.Survey{ID: "s", Languages: []string{"en"}, Pages: []ir.Page{{ID: "p", Range: ir.Range{File: "a.hcl", Line: 1}}}}
	b := &ir.Survey{ID: "s", Languages: []string{"en"}, Pages: []ir.Page{{ID: "p", Range: ir.Range{File: "b.hcl", Line: 9}}}}
	if a.ComputeHash() != b.ComputeHash() {
		t.Fatal("moving a block changed the fingerprint")
	}
	b.Pages[0].ID = "q"
	if a.Hash == b.ComputeHash() {
		t.Fatal("changing content kept the fingerprint")
	}
}

func TestHashIgnoresAnalysisRules(t *testing.T) {
	a := &ir.Survey{ID: "s", Languages: []string{"en"}, Pages: []ir.Page{{ID: "p"}}}
	before := a.ComputeHash()
	a.Indexes = []ir.Index{{ID: "nps", Kind: ir.IndexNPS, Items: []string{"q"}}}
	a.Bench.Margins = []ir.Margin{{Field: "seg"}}
	a.Report = &ir.Report{Indexes: []string{"nps"}}
	if a.ComputeHash() != before {
		t.Fatal("an analysis rule changed the questionnaire's fingerprint")
	}
	a.Hidden = []ir.Hidden{{ID: "seg"}}
	if a.ComputeHash() == before {
		t.Fatal("a new hidden field kept the fingerprint")
	}
}

func TestHashIgnoresOddFileNames(t *testing.T) {
	// File names with quotes, backslashes and braces must not confuse the
	// scan that drops ranges.
	a := &ir.Survey{ID: "s", Languages: []string{"en"}, Pages: []ir.Page{{ID: "p", Range: ir.Range{File: `a"}\{.hcl`, Line: 1}}}}
	b := &ir.Survey{ID: "s", Languages: []string{"en"}, Pages: []ir.Page{{ID: "p", Range: ir.Range{File: "b.hcl", Line: 9}}}}
	if a.ComputeHash() != b.ComputeHash() {
		t.Fatal("a file name changed the fingerprint")
	}
}
