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
	for _, tc := range []struct {
		src, want string
		err       msgID
	}{
		{"${color} = 'red'", `color == "red"`, noMsg},
		{"${color} != 'dark blue'", `color != "dark_blue"`, noMsg},
		{"'red' = ${color}", `color == "red"`, noMsg},
		{"${color} = 1", `color == "1"`, noMsg},
		{"selected(${feats}, 'c++')", `contains(feats, "c_")`, noMsg},
		{"selected(${color}, 'red')", `color == "red"`, noMsg},
		{"count-selected(${feats}) >= 2", `length(feats) >= 2`, noMsg},
		{"${age} >= 18 and ${age} < 65", `(age >= 18 && age < 65)`, noMsg},
		{"${age} > 18 or not(${note} = '')", `(age > 18 || answered(note))`, noMsg},
		{"not(${age} > 18)", `!(age > 18)`, noMsg},
		{"not(selected(${feats}, 'a'))", `!contains(feats, "a")`, noMsg},
		{"${age} + 2 * 3 > 10", `(age + (2 * 3)) > 10`, noMsg},
		{"${age} div 2 mod 3 = 1", `((age / 2) % 3) == 1`, noMsg},
		{"-${age} < -5", `-age < -5`, noMsg},
		{"${age} = '18'", `age == 18`, noMsg},
		{"${note} != ''", `answered(note)`, noMsg},
		{"string-length(${note}) > 3", `length(note) > 3`, noMsg},
		{"true()", `true`, noMsg},
		{"(${age} > 1)", `age > 1`, noMsg},
		{"if(${age} > 18, 'adult', 'minor') = 'adult'", `(age > 18 ? "adult" : "minor") == "adult"`, noMsg},
		{"round(${age} div 3) = 2", `round((age / 3)) == 2`, noMsg},
		{"sum(${age}, 1) > max(${age}, 2)", `sum(age, 1) > max(age, 2)`, noMsg},
		{"coalesce(${note}, 'none') = 'none'", `coalesce(note, "none") == "none"`, noMsg},
		{"sum(${note}, 1) > 1", "", msgExprArithTypes},
		{"round(${age}, 2) > 1", "", msgExprArity},
		{"${color} = 'green'", "", msgExprUnknownCode},
		{"${color} > 'red'", "", msgExprOrderCodes},
		{"${feats} = 'a'", "", msgExprMultiCompare},
		{"${missing} = 'a'", "", msgExprUnknownRef},
		{"${late} = 'a'", "", msgExprLaterRef},
		{"today() > ${age}", "", msgExprUnknownFunction},
		{"${age}", "", msgExprNotCondition},
		{"${age} > 'x'", "", msgExprCompareTypes},
		{"${note} + 1 > 2", "", msgExprArithTypes},
		{"${age} > ", "", msgExprSyntaxEnd},
		{"${age} > 1 )", "", msgExprSyntax},
		{"${age > 1", "", msgExprSyntax},
		{"selected(${feats})", "", msgExprArity},
		{"${grid} = '1'", "", msgExprMatrixWhole},
		{strings.Repeat("(", 100) + "1" + strings.Repeat(")", 100), "", msgExprTooDeep},
	} {
		got, err := translateXPath(tc.src, testSymbols(), visibleBefore(6))
		checkTranslation(t, tc.src, got, err, tc.want, tc.err)
	}
}

func TestSurveyJSTranslation(t *testing.T) {
	for _, tc := range []struct {
		src, want string
		err       msgID
	}{
		{"{color} = 'red'", `color == "red"`, noMsg},
		{"{color} == 'red' && {age} > 3", `(color == "red" && age > 3)`, noMsg},
		{"{color} <> 'red' || {age} >= 3", `(color != "red" || age >= 3)`, noMsg},
		{"{feats} contains 'a'", `contains(feats, "a")`, noMsg},
		{"{feats} notcontains 'c++'", `!contains(feats, "c_")`, noMsg},
		{"{note} contains 'x'", `contains(note, "x")`, noMsg},
		{"{feats} anyof ['a', 'b']", `(contains(feats, "a") || contains(feats, "b"))`, noMsg},
		{"{color} anyof ['red', 1]", `(color == "red" || color == "1")`, noMsg},
		{"{feats} allof ['a', 'b']", `(contains(feats, "a") && contains(feats, "b"))`, noMsg},
		{"{note} notempty", `answered(note)`, noMsg},
		{"{note} empty and !({age} > 3)", `(!answered(note) && !(age > 3))`, noMsg},
		{"{grid.speed} = 2", `grid.speed == "2"`, noMsg},
		{"{age} * 2 + 1 > 5", `((age * 2) + 1) > 5`, noMsg},
		{"{age} % 2 = 0", `(age % 2) == 0`, noMsg},
		{"{age} greater 3 and {age} less 10", `(age > 3 && age < 10)`, noMsg},
		{"not {note} empty", `answered(note)`, noMsg},
		{"!({color} = 'red')", `!(color == "red")`, noMsg},
		{"!({feats} anyof ['a'] or {age} > 1)", `!(contains(feats, "a") || age > 1)`, noMsg},
		{"{ok} = true", `ok == true`, noMsg},
		{"{ok} != 'yes'", `ok != true`, noMsg},
		{"{ok} and {age} > 1", `(ok && age > 1)`, noMsg},
		{"{ok} > 1", "", msgExprCompareTypes},
		{"{color} >= 1", `color == "1"`, noMsg},
		{"{color} > 5", `false`, noMsg},
		{"{color} > 'x'", "", msgExprOrderCodes},
		{"{color} = 'blue'", "", msgExprUnknownCode},
		{"{grid.slow} = 1", "", msgExprUnknownRow},
		{"age({born}) > 3", "", msgExprUnknownFunction},
		{"{born} > 3", "", msgExprUnknownRef},
		{"iif({age} > 3, 1, 2) = 1", `(age > 3 ? 1 : 2) == 1`, noMsg},
		{"avg({age}, 3) > 2", `mean(age, 3) > 2`, noMsg},
		{"iif({age} > 3, 1, 'x') = 1", "", msgExprCompareTypes},
		{"{feats} anyof 'a'", "", msgExprSelectedArgs},
		{"{age} = 3 and", "", msgExprSyntaxEnd},
		{"{age} = #", "", msgExprSyntax},
	} {
		got, err := translateSurveyJS(tc.src, testSymbols(), visibleBefore(6))
		checkTranslation(t, tc.src, got, err, tc.want, tc.err)
	}
}

// noMsg is no error.
const noMsg msgID = -1

func checkTranslation(t *testing.T, src, got string, err error, want string, wantErr msgID) {
	t.Helper()
	if wantErr != noMsg {
		id, _ := asDrop(err)
		if err == nil || id != wantErr {
			t.Errorf("%s: got %q, %v; want error %q", src, got, err, messages[wantErr].En)
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
