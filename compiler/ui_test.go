package compiler_test

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
)

// TestUIBlocks compiles a survey with its own interface text (all of it in
// German, one Russian override) and keeps its survey.json as a golden file;
// the text is in the fingerprint, since respondents read it.
func TestUIBlocks(t *testing.T) {
	s := testkit.Load(t, "testdata/ui/survey.hcl")
	need := 0 // a survey without loops or carried options needs no text only they show
	for _, k := range ir.UIKeys {
		if !k.Loops && !k.Offers {
			need++
		}
	}
	if len(s.UI["de"]) != need || s.UI["ru"]["submit"] != "Отправить анкету" || len(s.UI["ru"]) != 1 {
		t.Errorf("UI = %v", s.UI)
	}
	out, err := ir.MarshalSurvey(s)
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "testdata/ui/survey.json", out)

	hash := s.Hash
	s.UI["ru"]["submit"] = "Готово"
	if s.ComputeHash() == hash {
		t.Error("a changed interface text keeps the fingerprint")
	}
	delete(s.UI, "ru")
	if s.ComputeHash() == hash {
		t.Error("a removed ui block keeps the fingerprint")
	}
}

// TestUIBuiltinLanguages: a survey in a language with built-in interface
// text, or a regional variant of one, needs no ui block; one in another
// language does.
func TestUIBuiltinLanguages(t *testing.T) {
	for _, tc := range []struct {
		langs string
		ok    bool
	}{{`"en"`, true}, {`"ru", "en"`, true}, {`"ru-RU"`, true}, {`"en-GB", "ru"`, true}, {`"de"`, false}, {`"ru", "kk"`, false}} {
		src := `survey "s" {
  title     = "S"
  languages = [` + tc.langs + `]
  endpoint {
    url = "https://example.org/c"
  }
}
page "p" {
  title = "P"
  question "q" {
    type = "text"
    text = "Q"
  }
}
`
		if strings.Contains(tc.langs, ",") {
			src = strings.ReplaceAll(src, `= "S"`, `= { `+textFor(tc.langs, "S")+` }`)
			src = strings.ReplaceAll(src, `= "P"`, `= { `+textFor(tc.langs, "P")+` }`)
			src = strings.ReplaceAll(src, `= "Q"`, `= { `+textFor(tc.langs, "Q")+` }`)
		}
		_, diags := compiler.New().LoadSource("s.hcl", []byte(src))
		missing := false
		for _, d := range diags {
			if d.Summary == "Missing Interface Text" {
				missing = true
			} else {
				t.Errorf("%s: %s: %s", tc.langs, d.Summary, d.Detail)
			}
		}
		if missing == tc.ok {
			t.Errorf("languages [%s]: Missing Interface Text reported: %v", tc.langs, missing)
		}
	}
}

// textFor is a text in every language of a list such as `"ru", "en"`.
func textFor(langs, text string) string {
	var parts []string
	for _, l := range strings.Split(langs, ", ") {
		parts = append(parts, l+` = "`+text+`"`)
	}
	return strings.Join(parts, ", ")
}
