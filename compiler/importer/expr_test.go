package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
)

// testSymbols are the questions the translation tests refer to, declared
// in this order by exprSurvey.
func testSymbols() symbols {
	return symbols{
		"color": {id: "color", kind: kSingle, codes: map[string]string{"red": "red", "dark blue": "dark_blue", "1": "1"}, at: 0},
		"feats": {id: "feats", kind: kMulti, codes: map[string]string{"a": "a", "b": "b", "c++": "c_"}, at: 1},
		"age":   {id: "age", kind: kNumber, at: 2},
		"note":  {id: "note", kind: kText, at: 3},
		"grid":  {id: "grid", kind: kMatrix, codes: map[string]string{"1": "1", "2": "2"}, rows: map[string]string{"speed": "speed"}, at: 4},
		"ok":    {id: "ok", kind: kBool, codes: map[string]string{"true": "true", "false": "false", "yes": "true"}, at: 5},
		"late":  {id: "late", kind: kText, at: 9},
	}
}

// exprSurvey is a survey with testSymbols' questions and a last question
// shown when cond holds, for the compiler to judge a translation.
func exprSurvey(cond string) []byte {
	return []byte(`survey "t" {
  title = "t"
  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}
page "p" {
  question "color" {
    type = "single"
    text = "c"
    option "red" { label = "r" }
    option "dark_blue" { label = "b" }
    option "1" { label = "1" }
  }
  question "feats" {
    type = "multi"
    text = "f"
    option "a" { label = "a" }
    option "b" { label = "b" }
    option "c_" { label = "c" }
  }
  question "age" {
    type = "number"
    text = "a"
  }
  question "note" {
    type = "text"
    text = "n"
  }
  question "grid" {
    type = "matrix"
    text = "g"
    option "1" { label = "1" }
    option "2" { label = "2" }
    row "speed" { label = "s" }
  }
  question "ok" {
    type = "boolean"
    text = "o"
  }
  question "last" {
    type    = "text"
    text    = "l"
    show_if = ` + cond + `
  }
}
`)
}

func visibleBefore(at int) func(*symbol) bool {
	return func(s *symbol) bool { return s.at < at }
}

func TestXPathTranslation(t *testing.T) {
	for _, tc := range []struct{ src, want, err string }{
		{"${color} = 'red'", `color == "red"`, ""},
		{"${color} != 'dark blue'", `color != "dark_blue"`, ""},
		{"'red' = ${color}", `color == "red"`, ""},
		{"${color} = 1", `color == "1"`, ""},
		{"selected(${feats}, 'c++')", `contains(feats, "c_")`, ""},
		{"selected(${color}, 'red')", `color == "red"`, ""},
		{"count-selected(${feats}) >= 2", `length(feats) >= 2`, ""},
		{"${age} >= 18 and ${age} < 65", `(age >= 18 && age < 65)`, ""},
		{"${age} > 18 or not(${note} = '')", `(age > 18 || answered(note))`, ""},
		{"not(${age} > 18)", `!(age > 18)`, ""},
		{"not(selected(${feats}, 'a'))", `!contains(feats, "a")`, ""},
		{"${age} + 2 * 3 > 10", `(age + (2 * 3)) > 10`, ""},
		{"${age} div 2 mod 3 = 1", `((age / 2) % 3) == 1`, ""},
		{"-${age} < -5", `-age < -5`, ""},
		{"${age} = '18'", `age == 18`, ""},
		{"${note} != ''", `answered(note)`, ""},
		{"string-length(${note}) > 3", `length(note) > 3`, ""},
		{"true()", `true`, ""},
		{"(${age} > 1)", `age > 1`, ""},
		{"${color} = 'green'", "", "expr_unknown_code"},
		{"${color} > 'red'", "", "expr_order_codes"},
		{"${feats} = 'a'", "", "expr_multi_compare"},
		{"${missing} = 'a'", "", "expr_unknown_ref"},
		{"${late} = 'a'", "", "expr_later_ref"},
		{"today() > ${age}", "", "expr_unknown_function"},
		{"${age}", "", "expr_not_condition"},
		{"${age} > 'x'", "", "expr_compare_types"},
		{"${note} + 1 > 2", "", "expr_arith_types"},
		{"${age} > ", "", "expr_syntax_end"},
		{"${age} > 1 )", "", "expr_syntax"},
		{"${age > 1", "", "expr_syntax"},
		{"selected(${feats})", "", "expr_arity"},
		{"${grid} = '1'", "", "expr_matrix_whole"},
		{strings.Repeat("(", 100) + "1" + strings.Repeat(")", 100), "", "expr_too_deep"},
	} {
		got, err := translateXPath(tc.src, testSymbols(), visibleBefore(6))
		checkTranslation(t, tc.src, got, err, tc.want, tc.err)
	}
}

func TestSurveyJSTranslation(t *testing.T) {
	for _, tc := range []struct{ src, want, err string }{
		{"{color} = 'red'", `color == "red"`, ""},
		{"{color} == 'red' && {age} > 3", `(color == "red" && age > 3)`, ""},
		{"{color} <> 'red' || {age} >= 3", `(color != "red" || age >= 3)`, ""},
		{"{feats} contains 'a'", `contains(feats, "a")`, ""},
		{"{feats} notcontains 'c++'", `!contains(feats, "c_")`, ""},
		{"{note} contains 'x'", `contains(note, "x")`, ""},
		{"{feats} anyof ['a', 'b']", `(contains(feats, "a") || contains(feats, "b"))`, ""},
		{"{color} anyof ['red', 1]", `(color == "red" || color == "1")`, ""},
		{"{feats} allof ['a', 'b']", `(contains(feats, "a") && contains(feats, "b"))`, ""},
		{"{note} notempty", `answered(note)`, ""},
		{"{note} empty and !({age} > 3)", `(!answered(note) && !(age > 3))`, ""},
		{"{grid.speed} = 2", `grid.speed == "2"`, ""},
		{"{age} * 2 + 1 > 5", `((age * 2) + 1) > 5`, ""},
		{"{age} % 2 = 0", `(age % 2) == 0`, ""},
		{"{age} greater 3 and {age} less 10", `(age > 3 && age < 10)`, ""},
		{"not {note} empty", `answered(note)`, ""},
		{"!({color} = 'red')", `!(color == "red")`, ""},
		{"!({feats} anyof ['a'] or {age} > 1)", `!(contains(feats, "a") || age > 1)`, ""},
		{"{ok} = true", `ok == true`, ""},
		{"{ok} != 'yes'", `ok != true`, ""},
		{"{ok} and {age} > 1", `(ok && age > 1)`, ""},
		{"{ok} > 1", "", "expr_compare_types"},
		{"{color} = 'blue'", "", "expr_unknown_code"},
		{"{grid.slow} = 1", "", "expr_unknown_row"},
		{"age({born}) > 3", "", "expr_unknown_function"},
		{"{born} > 3", "", "expr_unknown_ref"},
		{"iif({age} > 3, 1, 2) = 1", "", "expr_unknown_function"},
		{"{feats} anyof 'a'", "", "expr_selected_args"},
		{"{age} = 3 and", "", "expr_syntax_end"},
		{"{age} = #", "", "expr_syntax"},
	} {
		got, err := translateSurveyJS(tc.src, testSymbols(), visibleBefore(6))
		checkTranslation(t, tc.src, got, err, tc.want, tc.err)
	}
}

func checkTranslation(t *testing.T, src, got string, err error, want, wantErr string) {
	t.Helper()
	if wantErr != "" {
		id, _ := asDrop(err)
		if err == nil || id != wantErr {
			t.Errorf("%s: got %q, %v; want error %s", src, got, err, wantErr)
		}
		return
	}
	if err != nil || got != want {
		t.Errorf("%s: got %q, %v; want %q", src, got, err, want)
		return
	}
	compiles(t, src, got)
}

// compiles holds a translation to the compiler: a condition it accepts.
func compiles(t *testing.T, src, cond string) {
	t.Helper()
	c := compiler.New()
	if _, diags := c.LoadSource("t.hcl", exprSurvey(cond)); diags.HasErrors() {
		var b bytes.Buffer
		_ = c.WriteDiagnostics(&b, diags)
		t.Errorf("%s -> %s: the compiler refuses it:\n%s", src, cond, b.String())
	}
}

func translateXPath(src string, syms symbols, visible func(*symbol) bool) (string, error) {
	n, err := parseXPath(src)
	if err != nil {
		return "", err
	}
	return (&translator{syms: syms, visible: visible}).condition(n)
}

func translateSurveyJS(src string, syms symbols, visible func(*symbol) bool) (string, error) {
	n, err := parseSurveyJS(src)
	if err != nil {
		return "", err
	}
	return (&translator{syms: syms, visible: visible}).condition(n)
}

// The translators never panic, and whatever they translate the compiler
// accepts as a condition: a wrong translation would make an import fail
// opros check (or, worse, change the logic; the tables above pin that).
func FuzzXPath(f *testing.F) {
	for _, s := range []string{"${color} = 'red'", "selected(${feats}, 'a') and ${age} > 3", "count-selected(${feats}) >= 2",
		"not(${note} = '') or -${age} div 2 < 1", "${age} = '18'", "string-length(${note}) mod 2 = 1", "((${age}))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got, err := translateXPath(src, testSymbols(), visibleBefore(6))
		if err == nil {
			compiles(t, src, got)
		}
	})
}

func FuzzSurveyJSExpr(f *testing.F) {
	for _, s := range []string{"{color} = 'red'", "{feats} anyof ['a', 'b'] or {note} notempty", "{grid.speed} = 2",
		"!({age} * 2 > 3) && {color} <> 'red'", "{feats} allof ['a'] and {note} contains 'x'", "{age} % 2 = 0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got, err := translateSurveyJS(src, testSymbols(), visibleBefore(6))
		if err == nil {
			compiles(t, src, got)
		}
	})
}
