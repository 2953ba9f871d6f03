package compiler_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
)

// TestLoop compiles render/form/testdata/loop.hcl: its loop's page is
// written out once per non-exclusive option of q_channels, in option
// order, each shown while q_channels has the option, with the option's
// label in its texts, its questions named question__code (a question of
// the loop reading contacts reads its own iteration's), and one column
// per question per iteration, fixed by the options.
func TestLoop(t *testing.T) {
	s, diags := compiler.New().Load("../render/form/testdata/loop.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	type page struct{ id, showIf, titleRu, textEn, satisfiedIf string }
	want := []page{
		{"channels", "", "Ваши каналы", "Which channels do you use?", ""},
		{"channel_volume__phone", `contains(q_channels, "phone")`, "Телефон", "How many contacts a month via Phone?", "contacts__phone > 0"},
		{"channel_volume__chat", `contains(q_channels, "chat")`, "Чат", "How many contacts a month via Chat?", "contacts__chat > 0"},
		{"channel_volume__email", `contains(q_channels, "email")`, "Эл. почта", "How many contacts a month via E-mail?", "contacts__email > 0"},
		{"channel_volume__social", `contains(q_channels, "social")`, "Соцсети", "How many contacts a month via Social media?", "contacts__social > 0"},
		{"end", "", "Последний вопрос", "Anything about the phone line ({contacts__phone|no phone} a month)?", ""},
	}
	if len(s.Pages) != len(want) {
		t.Fatalf("%d pages, want %d", len(s.Pages), len(want))
	}
	for i, w := range want {
		p := s.Pages[i]
		got := page{p.ID, codebook.ExprString(p.ShowIf), p.Title["ru"], p.Questions[0].Text["en"], ""}
		if len(p.Questions) > 1 {
			got.satisfiedIf = codebook.ExprString(p.Questions[1].ShowIf)
		}
		if got != w {
			t.Errorf("page %d:\n got %+v\nwant %+v", i, got, w)
		}
		if code, inLoop := strings.CutPrefix(p.ID, "channel_volume__"); inLoop {
			wantIt := ir.Iteration{Loop: "per_channel", Option: code, Of: "channel_volume"}
			if p.Iteration == nil || *p.Iteration != wantIt {
				t.Errorf("page %s: iteration %+v, want %+v", p.ID, p.Iteration, wantIt)
			}
			q := p.Questions[1]
			if q.Iteration == nil || *q.Iteration != (ir.Iteration{Loop: "per_channel", Option: code, Of: "satisfied"}) {
				t.Errorf("question %s: iteration %+v", q.ID, q.Iteration)
			}
			if !strings.Contains(q.Text["en"], "{contacts__"+code+"}") {
				t.Errorf("question %s pipes %q, not its own iteration's contacts", q.ID, q.Text["en"])
			}
		} else if p.Iteration != nil {
			t.Errorf("page %s outside the loop has an iteration", p.ID)
		}
	}
	var cols []string
	for _, v := range s.Vars {
		cols = append(cols, v.Name+":"+v.Kind)
	}
	wantCols := []string{"q_channels:codes",
		"contacts__phone:int", "satisfied__phone:bool", "contacts__chat:int", "satisfied__chat:bool",
		"contacts__email:int", "satisfied__email:bool", "contacts__social:int", "satisfied__social:bool",
		"q_comment:string"}
	if !slices.Equal(cols, wantCols) {
		t.Errorf("columns\n got %v\nwant %v", cols, wantCols)
	}
	l := s.Loop("per_channel")
	if l == nil || l.Over != "q_channels" || !slices.Equal(l.Options, []string{"phone", "chat", "email", "social"}) ||
		!slices.Equal(l.Pages, []string{"channel_volume"}) || !slices.Equal(l.Asks, []string{"contacts", "satisfied"}) {
		t.Errorf("loop %+v", l)
	}
	if got := s.IterationLabel(s.Pages[3].Iteration, "ru"); got != "Эл. почта" {
		t.Errorf("IterationLabel = %q", got)
	}
}

// TestLoopOfTwoPages: a loop of two pages asks both for one option, then
// both for the next; the second page's condition and text read the first
// page's question of the same iteration.
func TestLoopOfTwoPages(t *testing.T) {
	src := `survey "two" {
  title = "Two"
  endpoint {
    url = "https://example.org/c"
  }
}
page "start" {
  question "q_tools" {
    type = "multi"
    text = "Tools?"
    option "crm" {
      label = "CRM"
    }
    option "wfm" {
      label = "WFM"
    }
  }
}
loop "per_tool" {
  over = q_tools
  page "use" {
    question "q_use" {
      type = "boolean"
      text = "Do you use {loop.label} daily?"
    }
  }
  page "why" {
    show_if = q_use == false
    intro   = "You said {q_use} for {loop.code}."
    question "q_why" {
      type = "text"
      text = "Why not {loop.label}?"
    }
  }
}
`
	s, diags := compiler.New().LoadSource("two.hcl", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var got []string
	for _, p := range s.Pages {
		got = append(got, p.ID+" "+codebook.ExprString(p.ShowIf)+" "+p.Intro["en"]+" "+p.Questions[0].Text["en"])
	}
	want := []string{
		"start   Tools?",
		`use__crm contains(q_tools, "crm")  Do you use CRM daily?`,
		`why__crm contains(q_tools, "crm") && (q_use__crm == false) You said {q_use__crm} for crm. Why not CRM?`,
		`use__wfm contains(q_tools, "wfm")  Do you use WFM daily?`,
		`why__wfm contains(q_tools, "wfm") && (q_use__wfm == false) You said {q_use__wfm} for wfm. Why not WFM?`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages\n got %q\nwant %q", got, want)
	}
}
