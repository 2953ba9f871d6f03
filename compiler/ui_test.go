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
	need := 0 // a survey without loops, carried options or the types of Types needs no text only they show
	for _, k := range ir.UIKeys {
		if !k.Loops && !k.Offers && len(k.Types) == 0 {
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

// TestUITypesText: a survey in a language without built-in interface text
// gives the texts of a constant sum's total and a ranking's gap only when
// it has such a question: without one neither is missing, with one its
// text is, by name, with the ui block's range.
func TestUITypesText(t *testing.T) {
	var given []string
	for _, k := range ir.UIKeys {
		if !k.Loops && !k.Offers && len(k.Types) == 0 {
			given = append(given, "  "+k.Name+` = "x`+strings.Repeat(" {n}", strings.Count(strings.Join(k.Placeholders, ""), "{n}"))+strings.Repeat(" {i}", strings.Count(strings.Join(k.Placeholders, ""), "{i}"))+`"`)
		}
	}
	for _, tc := range []struct{ question, missing string }{
		{"type = \"text\"", ""},
		{"type = \"constant_sum\"\n    item \"a\" {\n      label = \"A\"\n    }", "total"},
		{"type = \"ranking\"\n    item \"a\" {\n      label = \"A\"\n    }\n    item \"b\" {\n      label = \"B\"\n    }", "rank_gap"},
	} {
		src := `survey "s" {
  title     = "S"
  languages = ["de"]
  endpoint {
    url = "https://example.org/c"
  }
}
ui "de" {
` + strings.Join(given, "\n") + `
}
page "p" {
  title = "P"
  question "q" {
    ` + tc.question + `
    text = "Q"
  }
}
`
		_, diags := compiler.New().LoadSource("s.hcl", []byte(src))
		var got []string
		for _, d := range diags {
			got = append(got, d.Summary+": "+d.Detail)
			if d.Summary == "Missing Interface Text" && (d.Subject == nil || d.Subject.Start.Line != 8) {
				t.Errorf("%s: the missing text is not said at the ui block: %v", tc.missing, d.Subject)
			}
		}
		want := ""
		if tc.missing != "" {
			want = "Missing: " + tc.missing + "."
		}
		if all := strings.Join(got, "\n"); (want == "") != (all == "") || !strings.Contains(all, want) {
			t.Errorf("%q: diagnostics %q, want %q", tc.missing, all, want)
		}
	}
}

// TestBoxMessagesNeedTheirType: a question's own words for a constant
// sum's total or a ranking's gap are taken on such a question and refused,
// with the attribute's range, on another, which never shows them.
func TestBoxMessagesNeedTheirType(t *testing.T) {
	for _, tc := range []struct{ question, key, want string }{
		{"type = \"constant_sum\"\n    item \"a\" {\n      label = \"A\"\n    }", "total = \"Make it {n}.\"", ""},
		{"type = \"ranking\"\n    item \"a\" {\n      label = \"A\"\n    }\n    item \"b\" {\n      label = \"B\"\n    }", "rank_gap = \"Each once.\"", ""},
		{"type = \"text\"", "total = \"Make it {n}.\"", `messages.total words what the form says when an answer fails that check, but this question has none (set type = "constant_sum" first).`},
		{"type = \"constant_sum\"\n    item \"a\" {\n      label = \"A\"\n    }", "rank_gap = \"Each once.\"", `messages.rank_gap words what the form says when an answer fails that check, but this question has none (set type = "ranking" first).`},
	} {
		src := "survey \"s\" {\n  title = \"S\"\n  endpoint {\n    url = \"https://example.org/c\"\n  }\n}\npage \"p\" {\n  title = \"P\"\n  question \"q\" {\n    " +
			tc.question + "\n    text = \"Q\"\n    messages {\n      " + tc.key + "\n    }\n  }\n}\n"
		_, diags := compiler.New().LoadSource("s.hcl", []byte(src))
		var got []string
		for _, d := range diags {
			got = append(got, d.Detail)
			if d.Subject == nil || d.Subject.Start.Line < 12 {
				t.Errorf("%s: %q has no range at the message: %v", tc.key, d.Detail, d.Subject)
			}
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%s on %s: %q, want %q", tc.key, tc.question, got, tc.want)
		}
	}
}
