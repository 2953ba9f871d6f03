package semdiff_test

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/semdiff"
)

const base = `
survey "s" {
  title = "S"
  endpoint {
    url = "https://example.org/c"
  }
}
page "p" {
  title = "P"
  question "q1" {
    type = "single"
    text = "Colour?"
    option "red" {
      label = "Red"
    }
    option "blue" {
      label = "Blue"
    }
  }
  question "q2" {
    type = "likert"
    text = "Agree?"
    min  = 1
    max  = 5
  }
  question "q3" {
    type = "text"
    text = "Why?"
  }
}
index "i" {
  kind  = "mean"
  items = [q2]
}
block "b" {
  title = "B"
  items = [q2]
}
hidden "seg" {}
benchmark {
  min_group_size = 5
  margin {
    field   = hidden.seg
    targets = { a = 0.5, b = 0.5 }
  }
}
`

func compile(t *testing.T, src string) *ir.Survey {
	t.Helper()
	s, d := compiler.New().LoadSource("s.hcl", []byte(src))
	if d.HasErrors() {
		t.Fatal(d.Error())
	}
	return s
}

func TestDiff(t *testing.T) {
	cases := []struct {
		name, from, to string
		want           []string // "severity kind question/code"
	}{
		{"no change", "", "", nil},
		{"reworded question", `text = "Colour?"`, `text = "Favourite colour?"`, []string{"caution question_reworded q1"}},
		{"option removed", "    option \"blue\" {\n      label = \"Blue\"\n    }\n", "", []string{"breaking option_removed q1/blue"}},
		{"option relabelled", `label = "Blue"`, `label = "Navy blue"`, []string{"caution option_reworded q1/blue"}},
		{"source code given", `label = "Blue"`, "label  = \"Blue\"\n      source = \"2.0\"", []string{"caution source_changed q1/blue"}},
		{"scale changed", "max  = 5", "max  = 7", []string{"breaking scale_changed q2"}},
		{"type changed", "type = \"text\"\n    text = \"Why?\"", "type = \"email\"\n    text = \"Why?\"", []string{"breaking type_changed q3"}},
		{"question removed", "  question \"q3\" {\n    type = \"text\"\n    text = \"Why?\"\n  }\n", "", []string{"breaking question_removed q3"}},
		{"show_if added", "text = \"Why?\"", "text = \"Why?\"\n    show_if = q1 == \"red\"", []string{"breaking show_if_changed q3"}},
		{"index redefined", "kind  = \"mean\"\n  items = [q2]", "kind  = \"top_box\"\n  items = [q2]", []string{"breaking index_changed /i"}},
		{"block removed", "block \"b\" {\n  title = \"B\"\n  items = [q2]\n}\n", "", []string{"breaking block_removed /b"}},
		{"margins changed", "a = 0.5, b = 0.5", "a = 0.6, b = 0.4", []string{"caution margins_changed "}},
		{"suppression changed", "min_group_size = 5", "min_group_size = 10", []string{"compatible suppression_changed "}},
		{"respondent unit stated", "min_group_size = 5", "min_group_size = 5\n  unit = \"respondent\"", nil},
		{"option added", "    option \"blue\" {\n", "    option \"green\" {\n      label = \"Green\"\n    }\n    option \"blue\" {\n", []string{"breaking option_added q1/green"}},
		{"interface text changed", "page \"p\" {\n  title = \"P\"", "ui \"en\" {\n  next = \"Onward\"\n}\npage \"p\" {\n  title = \"P\"", []string{"compatible ui_changed "}},
		{"review step on one page", "    url = \"https://example.org/c\"\n  }", "    url = \"https://example.org/c\"\n  }\n  flow {\n    review = true\n  }", []string{"compatible flow_changed "}},
		{"one page's flow stated", "    url = \"https://example.org/c\"\n  }", "    url = \"https://example.org/c\"\n  }\n  flow {\n    review   = false\n    progress = false\n  }", nil},
		{"screen-out added", "page \"p\" {\n  title = \"P\"", "ending \"out\" {\n  text = \"Bye\"\n}\npage \"p\" {\n  screen_out {\n    if     = q1 == \"red\"\n    ending = \"out\"\n  }\n  title = \"P\"", []string{"breaking screen_out_changed ", "caution endings_changed "}},
		{"own message added", "    text = \"Why?\"", "    text = \"Why?\"\n    required = true\n    messages {\n      required = \"Say why.\"\n    }", []string{"caution required_changed q3", "compatible messages_changed q3"}},
		{"rule added", "    text = \"Why?\"", "    text = \"Why?\"\n    validate {\n      must    = q1 != \"red\" || answered(q3)\n      message = \"Say why.\"\n    }", []string{"caution rules_changed q3"}},
		{"page rule added", "page \"p\" {\n  title = \"P\"", "page \"p\" {\n  validate {\n    must    = q1 != \"red\" || answered(q3)\n    message = \"Say why.\"\n  }\n  title = \"P\"", []string{"caution page_rules_changed "}},
		{"logo height set", "    url = \"https://example.org/c\"\n  }", "    url = \"https://example.org/c\"\n  }\n  theme {\n    logo_height = 48\n  }", []string{"compatible logo_height_changed "}},
		{"question source given", "    text = \"Why?\"\n  }", "    text = \"Why?\"\n    source = \"why\"\n  }", []string{"caution q_source_changed q3"}},
		{"question added", "  question \"q3\" {\n", "  question \"q4\" {\n    type = \"email\"\n    text = \"Mail?\"\n  }\n  question \"q3\" {\n", []string{"compatible question_added q4"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			old := compile(t, base)
			newSrc := strings.Replace(base, tc.from, tc.to, 1)
			if tc.from != "" && newSrc == base {
				t.Fatal("replacement did not apply")
			}
			r := semdiff.Diff(old, compile(t, newSrc))
			var got []string
			for _, c := range r.Changes {
				got = append(got, c.Severity+" "+c.Kind+" "+c.Question+map[bool]string{true: "/" + c.Code, false: ""}[c.Code != ""])
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			wantBreaking := false
			for _, w := range tc.want {
				wantBreaking = wantBreaking || strings.HasPrefix(w, "breaking")
			}
			if r.Breaking() != wantBreaking {
				t.Errorf("Breaking() = %v", r.Breaking())
			}
		})
	}
}

// TestDiffMultiOptionAdded: a new checkbox in a multi question is a
// caution, not a break: the other options' shares move only a little.
func TestDiffMultiOptionAdded(t *testing.T) {
	multi := strings.Replace(base, "type = \"single\"\n    text = \"Colour?\"", "type = \"multi\"\n    text = \"Colour?\"", 1)
	added := strings.Replace(multi, "    option \"blue\" {\n", "    option \"green\" {\n      label = \"Green\"\n    }\n    option \"blue\" {\n", 1)
	if multi == base || added == multi {
		t.Fatal("replacement did not apply")
	}
	r := semdiff.Diff(compile(t, multi), compile(t, added))
	if len(r.Changes) != 1 || r.Changes[0].Kind != "option_added" || r.Changes[0].Severity != semdiff.Caution || r.Changes[0].Code != "green" {
		t.Fatalf("changes %+v, want one caution option_added q1/green", r.Changes)
	}
	if r.Breaking() {
		t.Error("a new multi option breaks comparability")
	}
}

func TestMapper(t *testing.T) {
	old := compile(t, base)
	newSrc := strings.Replace(base, "    option \"blue\" {\n      label = \"Blue\"\n    }\n", "", 1)
	newSrc = strings.Replace(newSrc, "  question \"q3\" {\n    type = \"text\"\n    text = \"Why?\"\n  }\n", "", 1)
	m := semdiff.Diff(old, compile(t, newSrc)).Mapper()
	if ok, _ := m.Code("q1", "red"); !ok {
		t.Error("kept code rejected")
	}
	if ok, why := m.Code("q1", "blue"); ok || !strings.Contains(why, "removed") {
		t.Errorf("removed code kept (%q)", why)
	}
	if ok, _ := m.Question("q3"); ok {
		t.Error("removed question kept")
	}
	if ok, _ := m.Question("q2"); !ok {
		t.Error("kept question rejected")
	}
}

// TestMapperRows: a removed matrix row is asked about as a row, with the
// diff's reason; an added one needs nothing.
func TestMapperRows(t *testing.T) {
	matrix := func(rows string) string {
		return `
survey "s" {
  title = "S"
  endpoint {
    url = "https://example.org/c"
  }
}
page "p" {
  title = "P"
  question "m" {
    type = "matrix"
    text = "Channels"
` + rows + `
    option "yes" {
      label = "Yes"
    }
    option "no" {
      label = "No"
    }
  }
}
`
	}
	row := func(code string) string { return "    row \"" + code + "\" {\n      label = \"" + code + "\"\n    }\n" }
	m := semdiff.Diff(compile(t, matrix(row("phone")+row("email"))), compile(t, matrix(row("phone")+row("chat")))).Mapper()
	if ok, why := m.Row("m", "email"); ok || why != `Matrix row "email" was removed; its trend ends.` {
		t.Errorf("removed row: %v %q", ok, why)
	}
	if ok, _ := m.Row("m", "phone"); !ok {
		t.Error("kept row rejected")
	}
	if ok, _ := m.Question("m"); !ok {
		t.Error("the matrix itself rejected for a removed row")
	}
}

// TestSetAside: the changes SetAside lists are exactly those whose answers
// the Mapper sets aside, so report refuses a file ingested under Old only
// when re-ingesting it with --previous would set something aside.
func TestSetAside(t *testing.T) {
	old := compile(t, base)
	newSrc := strings.Replace(base, "    option \"blue\" {\n      label = \"Blue\"\n    }\n", "", 1)
	newSrc = strings.Replace(newSrc, "  question \"q3\" {\n    type = \"text\"\n    text = \"Why?\"\n  }\n", "", 1)
	newSrc = strings.Replace(newSrc, "max  = 5", "max  = 7", 1)
	newSrc = strings.Replace(newSrc, `text = "Colour?"`, `text = "Which colour?"`, 1)
	r := semdiff.Diff(old, compile(t, newSrc))
	m := r.Mapper()
	var got []string
	for _, c := range r.SetAside() {
		got = append(got, c.Kind+" "+c.Question+"/"+c.Code)
		if c.Code != "" {
			if ok, _ := m.Code(c.Question, c.Code); ok {
				t.Errorf("%s listed, but the mapper keeps %s/%s", c.Kind, c.Question, c.Code)
			}
		} else if ok, _ := m.Question(c.Question); ok {
			t.Errorf("%s listed, but the mapper keeps %s", c.Kind, c.Question)
		}
	}
	if want := "option_removed q1/blue scale_changed q2/ question_removed q3/"; strings.Join(got, " ") != want {
		t.Errorf("set aside: %q, want %q (a reworded question is not)", strings.Join(got, " "), want)
	}
	if txt := r.SetAside()[1].Text("ru"); txt != "Шкала изменилась с 1..5 на 1..7; ответы несопоставимы." {
		t.Errorf("in Russian: %q", txt)
	}
}

// TestDiffUnit: a benchmark turned participant-level, or its duplicate
// rule (once) changed, is a caution; an IR from before units (none) is
// respondent-level.
func TestDiffUnit(t *testing.T) {
	bench := func(unit, once string) *ir.Survey {
		return &ir.Survey{Languages: []string{"en"}, Bench: ir.Benchmark{Unit: unit, Once: once, MinGroupSize: 5, MinParticipants: 3}}
	}
	for _, tc := range []struct {
		name     string
		old, new *ir.Survey
		want     string
	}{
		{"from before units", bench("", ""), bench(ir.UnitRespondent, ""), ""},
		{"to participant", bench(ir.UnitRespondent, ""), bench(ir.UnitParticipant, ir.OnceLast),
			"The unit of analysis is now participant, once last (was respondent): peer figures, their suppression and which submissions count change."},
		{"once changed", bench(ir.UnitParticipant, ir.OnceLast), bench(ir.UnitParticipant, ir.OnceFirst),
			"The unit of analysis is now participant, once first (was participant, once last): peer figures, their suppression and which submissions count change."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range semdiff.Diff(tc.old, tc.new).Changes {
				got = append(got, c.Severity+" "+c.Kind+": "+c.Reason)
			}
			want := []string(nil)
			if tc.want != "" {
				want = []string{semdiff.Caution + " unit_changed: " + tc.want}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestDiffInvitations: an invitations block added, removed or with another
// rule is a caution, in English and Russian; the same block is no change.
func TestDiffInvitations(t *testing.T) {
	survey := func(inv *ir.Invitations) *ir.Survey {
		return &ir.Survey{Languages: []string{"en"}, Invitations: inv}
	}
	required := &ir.Invitations{Required: true, Once: ir.OnceFirst}
	for _, tc := range []struct {
		name     string
		old, new *ir.Invitations
		want, ru string
	}{
		{"none", nil, nil, "", ""},
		{"same", required, &ir.Invitations{Required: true, Once: ir.OnceFirst}, "", ""},
		{"added", nil, required,
			"caution invitations_added: Answers now come through signed invitations (required, once first): a form opened without one is refused or marked, and response rates can be computed from this version on.",
			"Ответы теперь принимаются по подписанным приглашениям (приглашение обязательно, учитывается первый ответ)"},
		{"removed", &ir.Invitations{}, nil,
			"caution invitations_removed: Answers no longer need invitations (was optional): they are not checked, each counts, and response rates end with the previous version.",
			"Приглашения больше не нужны (было: приглашение необязательно)"},
		{"changed", &ir.Invitations{}, required,
			"caution invitations_changed: The invitation rule is now required, once first (was optional): which answers are taken and which count change.",
			"Правило приглашений теперь: приглашение обязательно, учитывается первый ответ (было: приглашение необязательно)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := semdiff.Diff(survey(tc.old), survey(tc.new))
			var got []string
			for _, c := range r.Changes {
				got = append(got, c.Severity+" "+c.Kind+": "+c.Reason)
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
			if tc.ru != "" && !strings.Contains(r.Changes[0].Text("ru"), tc.ru) {
				t.Errorf("ru: %s", r.Changes[0].Text("ru"))
			}
		})
	}
}

// TestDiffBoolean: new labels of a boolean question are a caution (the
// answers keep their meaning as far as the words do); turning a yes/no
// single question into a boolean one is a change of type.
func TestDiffBoolean(t *testing.T) {
	withBool := strings.Replace(base, "  question \"q3\" {\n", "  question \"qb\" {\n    type = \"boolean\"\n    text = \"Outsourced?\"\n  }\n  question \"q3\" {\n", 1)
	relabelled := strings.Replace(withBool, "text = \"Outsourced?\"\n", "text = \"Outsourced?\"\n    true_label = \"Outsourced\"\n    false_label = \"In-house\"\n", 1)
	asSingle := strings.Replace(withBool, "type = \"boolean\"\n    text = \"Outsourced?\"\n", "type = \"single\"\n    text = \"Outsourced?\"\n    option \"yes\" {\n      label = \"Yes\"\n    }\n    option \"no\" {\n      label = \"No\"\n    }\n", 1)
	if withBool == base || relabelled == withBool || asSingle == withBool {
		t.Fatal("replacement did not apply")
	}
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"same", withBool, withBool, ""},
		{"relabelled", withBool, relabelled, `caution boolean_relabelled qb: The labels of yes and no changed (en): "Yes"/"No" → "Outsourced"/"In-house"; respondents may read them differently.`},
		{"single to boolean", asSingle, withBool, "breaking type_changed qb: The question changed from single to boolean; answers are not comparable."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range semdiff.Diff(compile(t, tc.from), compile(t, tc.to)).Changes {
				got = append(got, c.Severity+" "+c.Kind+" "+c.Question+": "+c.Reason)
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

// TestDiffInputs: a box added to an inputs question is compatible (its
// column starts), one removed breaks its trend, and boxes that took text
// and now take numbers change the type of the question's columns.
func TestDiffInputs(t *testing.T) {
	withInputs := strings.Replace(base, "  question \"q3\" {\n", "  question \"qi\" {\n    type = \"inputs\"\n    text = \"Agents?\"\n    item \"voice\" {\n      label = \"Phone\"\n    }\n    item \"chat\" {\n      label = \"Chat\"\n    }\n  }\n  question \"q3\" {\n", 1)
	added := strings.Replace(withInputs, "    item \"chat\" {\n", "    item \"mail\" {\n      label = \"Mail\"\n    }\n    item \"chat\" {\n", 1)
	numbers := strings.Replace(withInputs, "text = \"Agents?\"\n", "text = \"Agents?\"\n    input = \"number\"\n", 1)
	sum := strings.Replace(withInputs, "type = \"inputs\"\n", "type = \"constant_sum\"\n", 1)
	ranking := strings.Replace(withInputs, "type = \"inputs\"\n", "type = \"ranking\"\n", 1)
	if withInputs == base || added == withInputs || numbers == withInputs || sum == withInputs {
		t.Fatal("replacement did not apply")
	}
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"same", withInputs, withInputs, ""},
		{"box added", withInputs, added, "compatible item_added qi/mail: New box \"mail\"."},
		{"box removed", added, withInputs, "breaking item_removed qi/mail: Box \"mail\" was removed; its trend ends."},
		{"text to numbers", withInputs, numbers, "breaking type_changed qi: The question changed from inputs (text) to inputs (number); answers are not comparable."},
		{"fewer ranked", ranking, strings.Replace(ranking, "type = \"ranking\"\n", "type = \"ranking\"\n    rank = 1\n", 1), "breaking rank_changed qi: 1 items are ranked instead of 2; the ranks are not comparable."},
		{"options in columns", base, strings.Replace(base, "text = \"Colour?\"\n", "text = \"Colour?\"\n    columns = 2\n", 1), "compatible columns_changed q1: The options are laid out in 2 columns instead of 1."},
		{"box relabelled", withInputs, strings.Replace(withInputs, `label = "Chat"`, `label = "Web chat"`, 1), "caution item_reworded qi/chat: Box \"chat\" is labelled \"Web chat\" instead of \"Chat\"; respondents may read it differently."},
		{"another total", sum, strings.Replace(sum, "type = \"constant_sum\"\n", "type = \"constant_sum\"\n    total = 10\n", 1), "breaking total_changed qi: The boxes add up to 10 instead of 100; the allocations are not comparable."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range semdiff.Diff(compile(t, tc.from), compile(t, tc.to)).Changes {
				code := ""
				if c.Code != "" {
					code = "/" + c.Code
				}
				got = append(got, c.Severity+" "+c.Kind+" "+c.Question+code+": "+c.Reason)
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

// TestDiffCalculation: a calculate block that computes something else
// changes who a show_if reading it asks, though the show_if reads the
// same: breaking, named by the calculation.
func TestDiffCalculation(t *testing.T) {
	withCalc := func(value string) string {
		return strings.Replace(base, "  question \"q3\" {\n    type = \"text\"\n", "  calculate \"c\" {\n    value = "+value+"\n  }\n  question \"q3\" {\n    type = \"text\"\n    show_if = c > 4\n", 1)
	}
	old, new := compile(t, withCalc("q2 * 2")), compile(t, withCalc("q2 * 3"))
	var got []string
	for _, c := range semdiff.Diff(old, new).Changes {
		got = append(got, c.Severity+" "+c.Kind+" "+c.Reason)
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], `breaking calculation_changed The calculation "c" is now q2 * 3`) {
		t.Errorf("changes %q", got)
	}
	// Its column in the old version's data holds the old values: opros
	// report and export refuse such a file until it is ingested again.
	if aside := semdiff.Diff(old, new).SetAside(); len(aside) != 1 || aside[0].Kind != "calculation_changed" {
		t.Errorf("set aside %v", aside)
	}
	if d := semdiff.Diff(old, old).Changes; len(d) != 0 {
		t.Errorf("unchanged: %v", d)
	}
	// Added, the old data have no column for it; removed, its column ends;
	// a number become true/false is a change (its text differs too; no
	// show_if reads it there, as c > 4 would not compile).
	plain := compile(t, base)
	calcOnly := func(value string) string {
		return strings.Replace(base, "  question \"q3\" {\n", "  calculate \"c\" {\n    value = "+value+"\n  }\n  question \"q3\" {\n", 1)
	}
	for _, c := range []struct {
		name     string
		old, new *ir.Survey
		want     string
	}{
		{"added", plain, old, `compatible calculation_added The calculation "c" is new`},
		{"removed", old, plain, `caution calculation_removed The calculation "c" is gone`},
		{"type", compile(t, calcOnly("q2 * 2")), compile(t, calcOnly("q2 > 2")), `breaking calculation_changed The calculation "c" is now q2 > 2 (was q2 * 2)`},
	} {
		var calc []string
		for _, ch := range semdiff.Diff(c.old, c.new).Changes {
			if strings.HasPrefix(ch.Kind, "calculation_") {
				calc = append(calc, ch.Severity+" "+ch.Kind+" "+ch.Reason)
			}
		}
		if len(calc) != 1 || !strings.HasPrefix(calc[0], c.want) {
			t.Errorf("%s: %q", c.name, calc)
		}
	}
}

// TestDiffLogoHeight: the logo's height set, changed or back to the
// form's default is a compatible change, worded in English and Russian;
// the same height is no change.
func TestDiffLogoHeight(t *testing.T) {
	survey := func(h int) *ir.Survey {
		return &ir.Survey{Languages: []string{"en"}, Theme: ir.Theme{Logo: "logo.svg", LogoHeight: h}}
	}
	for _, tc := range []struct {
		old, new int
		en, ru   string
	}{
		{48, 48, "", ""},
		{0, 48, "compatible logo_height_changed: The logo's height is now 48 px (was the form's default); the forms look different, answers stay comparable.",
			"Высота логотипа теперь 48 пикс. (была по умолчанию формы)"},
		{48, 64, "compatible logo_height_changed: The logo's height is now 64 px (was 48 px); the forms look different, answers stay comparable.",
			"Высота логотипа теперь 64 пикс. (была 48 пикс.)"},
		{64, 0, "compatible logo_height_changed: The logo's height is now the form's default (was 64 px); the forms look different, answers stay comparable.",
			"Высота логотипа теперь по умолчанию формы (была 64 пикс.)"},
	} {
		r := semdiff.Diff(survey(tc.old), survey(tc.new))
		var got []string
		for _, c := range r.Changes {
			got = append(got, c.Severity+" "+c.Kind+": "+c.Reason)
		}
		if strings.Join(got, "\n") != tc.en {
			t.Errorf("%d -> %d: changes:\n%s\nwant:\n%s", tc.old, tc.new, strings.Join(got, "\n"), tc.en)
		}
		if tc.ru != "" && !strings.Contains(r.Changes[0].Text("ru"), tc.ru) {
			t.Errorf("%d -> %d: ru: %s", tc.old, tc.new, r.Changes[0].Text("ru"))
		}
		if r.Breaking() {
			t.Errorf("%d -> %d: a logo's height breaks comparability", tc.old, tc.new)
		}
	}
}

// TestDiffRowSourceChanged: a matrix row's and an inputs item's source
// name given (a re-import naming them as the old tool did) is a caution
// naming the row or item, as an option's source is.
func TestDiffRowSourceChanged(t *testing.T) {
	withRows := strings.Replace(base, "  question \"q3\" {\n", `  question "m" {
    type = "matrix"
    text = "Rate"
    option "good" {
      label = "Good"
    }
    row "support_team" {
      label = "Support team"
    }
  }
  question "h" {
    type = "inputs"
    text = "Hours"
    item "mon" {
      label = "Monday"
    }
  }
  question "q3" {
`, 1)
	sourced := strings.Replace(strings.Replace(withRows, "label = \"Support team\"", "label = \"Support team\"\n      source = \"support team\"", 1),
		"label = \"Monday\"", "label = \"Monday\"\n      source = \"day 1\"", 1)
	if withRows == base || sourced == withRows {
		t.Fatal("replacement did not apply")
	}
	r := semdiff.Diff(compile(t, withRows), compile(t, sourced))
	var got []string
	for _, c := range r.Changes {
		got = append(got, c.Severity+" "+c.Kind+" "+c.Question+"/"+c.Code)
	}
	want := "caution row_source_changed m/support_team\ncaution row_source_changed h/mon"
	if strings.Join(got, "\n") != want {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
