package compiler_test

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/largesurvey"
	"github.com/opros/opros/compiler/testkit"
)

const header = `
survey "t" {
  title = "T"
  endpoint {
    url = "https://example.org/c"
  }
}
hidden "company" {
  role = "participant"
}
page "p" {
  title = "P"
  question "first" {
    type = "single"
    text = "First"
    option "a" {
      label = "A"
    }
    option "b" {
      label = "B"
    }
  }
`

// TestQuestionTypes compiles one question of every type and checks the IR
// and the data variables it produces, and keeps both in a golden file per
// case under testdata/types (go test -update rewrites them).
func TestQuestionTypes(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	cases := []struct {
		name  string
		src   string
		check func(t *testing.T, q *ir.Question, vars []ir.Variable)
	}{
		{"single with other", `
  question "q" {
    type     = "single"
    text     = "Q"
    required = true
    option "x" {
      label = "X"
    }
    option "other" {
      label = "Other"
      other = true
    }
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Type == ir.Single && q.Required && len(q.Options) == 2 && q.Options[1].Other, "single options")
			wantVars(t, vars, "q:code", "q_other:string")
		}},
		{"multi with exclusive and limits", `
  question "q" {
    type       = "multi"
    text       = "Q"
    min_select = 1
    max_select = 2
    randomize  = true
    option "x" {
      label = "X"
    }
    option "y" {
      label = "Y"
    }
    option "none" {
      label     = "None"
      exclusive = true
      anchor    = true
    }
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.MinSelect == 1 && q.MaxSelect == 2 && q.Randomize && q.Options[2].Exclusive && q.Options[2].Anchor, "multi attributes")
			wantVars(t, vars, "q:codes")
		}},
		{"dropdown", `
  question "q" {
    type = "dropdown"
    text = "Q"
    option "x" {
      label = "X"
    }
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			wantVars(t, vars, "q:code")
		}},
		{"matrix from option set", `
  question "q" {
    type    = "matrix"
    text    = "Q"
    options = option_set.ynx
    row "r1" {
      label = "R1"
    }
    row "r2" {
      label = "R2"
    }
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, len(q.Rows) == 2 && len(q.Options) == 3 && q.Options[2].Missing, "matrix rows and set")
			wantVars(t, vars, "q_r1:code", "q_r2:code")
		}},
		{"likert from scale with missing", `
  question "q" {
    type  = "likert"
    text  = "Q"
    scale = scale.agree
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Scale.Min == 1 && q.Scale.Max == 5 && q.Scale.Missing != nil && len(q.Scale.Labels) == 5, "likert scale")
			wantVars(t, vars, "q:int", "q_na:bool")
		}},
		{"scale inline", `
  question "q" {
    type      = "scale"
    text      = "Q"
    min       = 0
    max       = 10
    min_label = "Low"
    max_label = "High"
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Scale.Min == 0 && q.Scale.Max == 10 && q.Scale.MaxLabel["en"] == "High", "inline scale")
		}},
		{"nps is 0..10", `
  question "q" {
    type = "nps"
    text = "Q"
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Scale.Min == 0 && q.Scale.Max == 10, "nps range")
			wantVars(t, vars, "q:int")
		}},
		{"rating defaults to 1..5", `
  question "q" {
    type = "rating"
    text = "Q"
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Scale.Min == 1 && q.Scale.Max == 5, "rating default")
		}},
		{"rating 1..10", `
  question "q" {
    type = "rating"
    text = "Q"
    max  = 10
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Scale.Max == 10, "rating 10")
		}},
		{"short text", `
  question "q" {
    type        = "text"
    text        = "Q"
    placeholder = "One line"
    max_length  = 80
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, !q.Multiline && q.MaxLength == 80 && q.Placeholder["en"] == "One line", "short text attributes")
			wantVars(t, vars, "q:string")
		}},
		{"long text with limits and pattern", `
  question "q" {
    type            = "text"
    text            = "Q"
    multiline       = true
    min_length      = 2
    max_length      = 10
    pattern         = "[0-9]+"
    pattern_message = "Digits"
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Multiline && q.MinLength == 2 && q.MaxLength == 10 && q.Pattern == "[0-9]+" && q.PatternMessage["en"] == "Digits", "text attributes")
			wantVars(t, vars, "q:string")
		}},
		{"integer number", `
  question "q" {
    type    = "number"
    text    = "Q"
    min     = 0
    max     = 99.5
    integer = true
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, *q.Min == *f(0) && *q.Max == 99.5 && q.Integer, "number range")
			wantVars(t, vars, "q:int")
		}},
		{"decimal number", `
  question "q" {
    type = "number"
    text = "Q"
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			wantVars(t, vars, "q:float")
		}},
		{"email", `
  question "q" {
    type = "email"
    text = "Q"
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			wantVars(t, vars, "q:string")
		}},
		{"boolean", `
  question "q" {
    type = "boolean"
    text = "Q"
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.TrueLabel["en"] == "Yes" && q.FalseLabel["en"] == "No", "default labels")
			wantVars(t, vars, "q:bool")
		}},
		{"boolean with labels", `
  question "q" {
    type        = "boolean"
    text        = "Q"
    true_label  = "Outsourced"
    false_label = "In-house"
    show_if     = first == "a"
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.TrueLabel["en"] == "Outsourced" && q.FalseLabel["en"] == "In-house", "author's labels")
			wantVars(t, vars, "q:bool")
		}},
		{"inputs of numbers", `
  question "q" {
    type    = "inputs"
    text    = "Q"
    input   = "number"
    integer = true
    min     = 0
    item "voice" {
      label = "Phone"
    }
    item "chat" {
      label = "Chat"
    }
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Input == ir.InputNumber && len(q.Items) == 2 && q.Integer, "inputs")
			wantVars(t, vars, "q_voice:int", "q_chat:int")
		}},
		{"inputs of text", `
  question "q" {
    type       = "inputs"
    text       = "Q"
    max_length = 50
    item "name" {
      label = "Name"
    }
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Input == ir.InputText && q.MaxLength == 50, "inputs")
			wantVars(t, vars, "q_name:string")
		}},
		{"date", `
  question "q" {
    type = "date"
    text = "Q"
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			wantVars(t, vars, "q:date")
		}},
		{"statements with scores and show_if", `
  question "q" {
    type    = "single"
    style   = "statements"
    text    = "Q"
    show_if = first == "a" && hidden.company != "x"
    option "l1" {
      label = "Level 1"
      score = 1
    }
    option "l2" {
      label = "Level 2"
      score = 2
    }
  }`, func(t *testing.T, q *ir.Question, vars []ir.Variable) {
			want(t, q.Style == "statements" && *q.Options[1].Score == 2, "statement scores")
			want(t, q.ShowIf != nil && q.ShowIf.Op == ir.OpAnd && q.ShowIf.Type == "bool", "show_if tree")
			refs := q.ShowIf.Refs()
			want(t, len(refs) == 2 && refs[0] == "first" && refs[1] == "company", "show_if refs")
		}},
	}
	sets := `
option_set "ynx" {
  option "y" {
    label = "Y"
  }
  option "n" {
    label = "N"
  }
  option "x" {
    label   = "N/A"
    missing = true
  }
}
scale "agree" {
  min     = 1
  max     = 5
  labels  = ["1", "2", "3", "4", "5"]
  missing = "Don't know"
}
`
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := header + tc.src + "\n}\n" + sets
			s, diags := compiler.New().LoadSource("t.hcl", []byte(src))
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			q := s.Question("q")
			if q == nil {
				t.Fatal("question q missing")
			}
			var vars []ir.Variable
			for _, v := range s.Vars {
				if v.Question == "q" {
					vars = append(vars, v)
				}
			}
			tc.check(t, q, vars)
			// The whole question as the IR has it, kept as a golden file per
			// type so that any change to what a type compiles to shows in review.
			out, err := json.MarshalIndent(struct {
				Question  *ir.Question  `json:"question"`
				Variables []ir.Variable `json:"variables"`
			}{q, vars}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, filepath.Join("testdata", "types", goldenName.ReplaceAllString(tc.name, "-")+".json"), append(out, '\n'))
		})
	}
}

var goldenName = regexp.MustCompile(`[^a-z0-9]+`)

func want(t *testing.T, ok bool, what string) {
	t.Helper()
	if !ok {
		t.Errorf("%s: not as expected", what)
	}
}

func wantVars(t *testing.T, vars []ir.Variable, names ...string) {
	t.Helper()
	var got []string
	for _, v := range vars {
		got = append(got, v.Name+":"+v.Kind)
	}
	if len(got) != len(names) {
		t.Fatalf("variables %v, want %v", got, names)
	}
	for i := range names {
		if got[i] != names[i] {
			t.Fatalf("variables %v, want %v", got, names)
		}
	}
}

func TestDeterministicIR(t *testing.T) {
	src := largesurvey.Source(50)
	a, d1 := compiler.New().LoadSource("x.hcl", src)
	b, d2 := compiler.New().LoadSource("x.hcl", src)
	if d1.HasErrors() || d2.HasErrors() {
		t.Fatal(d1, d2)
	}
	ja, _ := ir.MarshalSurvey(a)
	jb, _ := ir.MarshalSurvey(b)
	if string(ja) != string(jb) || a.Hash != b.Hash {
		t.Fatal("two compiles of the same source differ")
	}
}

func TestExamplesCompile(t *testing.T) {
	for _, ex := range []string{"contact-center-2018", "customer-centricity", "cx-index", "nps-csat-ces"} {
		s, diags := compiler.New().Load("../examples/" + ex)
		if diags.HasErrors() {
			t.Errorf("%s: %s", ex, diags.Error())
			continue
		}
		if s.ID != ex {
			t.Errorf("%s: survey id %q", ex, s.ID)
		}
	}
}

// FuzzLoadSource: the compiler must never panic, whatever it is given.
func FuzzLoadSource(f *testing.F) {
	f.Add([]byte(header + "}\n"))
	f.Add(largesurvey.Source(3))
	f.Add([]byte(`survey "x" { title = { ru = 1 } }`))
	f.Add([]byte(`survey "x" { languages = ["de", "de"] }` + "\n" + `ui "de" { progress = "{i} {n} {x}" nxet = 1 }` + "\n" + `ui "" {}`))
	f.Add([]byte(`page "p" { question "q" { type = "single" show_if = contains(q, [1]) ? a.b.c : -x } }`))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, diags := compiler.New().LoadSource("fuzz.hcl", src)
		if s == nil && !diags.HasErrors() {
			t.Fatal("no survey and no error")
		}
	})
}
