package semdiff_test

import (
	"os"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/semdiff"
)

// TestDiffOffers: on render/form/testdata/carry.hcl, carrying another
// question's options (or the other ones: take = "not_chosen"), no longer
// carrying them, and changing an option's show_if each change who is
// offered an option, which the codes and labels alone would not show:
// breaking, said in English and in Russian.
func TestDiffOffers(t *testing.T) {
	raw, err := os.ReadFile("../../render/form/testdata/carry.hcl")
	if err != nil {
		t.Fatal(err)
	}
	base := string(raw)
	for _, tc := range []struct {
		name, from, to string
		want           string // "severity kind question/code: reason"
		ru             string // a part of the Russian text
	}{
		{"take changed", "question = q_channels # phone", "take = \"not_chosen\"\n      question = q_channels # phone",
			`breaking options_from_changed q_best: The options are now carried forward from q_channels, the options not chosen there (was: q_channels, the options chosen there): who is offered which option changes, and with it each option's base.`,
			"Варианты теперь переносятся из q_channels, варианты, не выбранные в нём (было: q_channels, варианты, выбранные в нём)"},
		{"source changed", "options_from {\n      question = q_best", "options_from {\n      question = q_try",
			`breaking options_from_changed q_main: The options are now carried forward from q_try, the options chosen there (was: q_best, the options chosen there): who is offered which option changes, and with it each option's base.`,
			"из q_try, варианты, выбранные в нём (было: q_best, варианты, выбранные в нём)"},
		{"condition changed", `show_if = !contains(q_channels, "email")`, `show_if = !contains(q_channels, "phone")`,
			`breaking option_if_changed q_try/video: The option "video" is now offered if !contains(q_channels, "phone") (was if !contains(q_channels, "email")): who can choose it changes, and with it its base.`,
			`Вариант "video" теперь предлагается если !contains(q_channels, "phone") (было: если !contains(q_channels, "email"))`},
		{"condition removed", "      show_if = hidden.segment == \"bank\"\n", "",
			`breaking option_if_changed q_try/branch: The option "branch" is now offered always (was if segment == "bank"): who can choose it changes, and with it its base.`,
			`Вариант "branch" теперь предлагается всегда`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			newSrc := strings.Replace(base, tc.from, tc.to, 1)
			if newSrc == base {
				t.Fatal("replacement did not apply")
			}
			r := semdiff.Diff(compile(t, base), compile(t, newSrc))
			var got []string
			for _, c := range r.Changes {
				if strings.HasPrefix(c.Kind, "option_if") || strings.HasPrefix(c.Kind, "options_from") {
					got = append(got, c.Severity+" "+c.Kind+" "+c.Question+map[bool]string{true: "/" + c.Code, false: ""}[c.Code != ""]+": "+c.Reason)
					if ru := c.Text("ru"); !strings.Contains(ru, tc.ru) {
						t.Errorf("Russian: %s\nwant a part %s", ru, tc.ru)
					}
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
			if !r.Breaking() {
				t.Error("not breaking")
			}
		})
	}
	if d := semdiff.Diff(compile(t, base), compile(t, base)).Changes; len(d) != 0 {
		t.Errorf("unchanged: %v", d)
	}
}
