package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

func init() {
	register(&command{
		name: "check",
		args: "SURVEY...",
		short: localize.Phrase{
			En: "report every problem in surveys, with file, line and a snippet",
			Ru: "показать все ошибки в анкетах: файл, строка, фрагмент",
		},
		long: localize.Phrase{
			En: "Check compiles each SURVEY (a .hcl file or a folder of them) and prints every\nproblem at once. Exit code 1 when any survey has errors.",
			Ru: "Компилирует каждую АНКЕТУ (файл .hcl или папку) и выводит все ошибки сразу.\nКод выхода 1, если есть ошибки.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			return runCheck
		},
	})
}

func runCheck(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintf(e.stderr, msg(e, msgNeedSurvey), "check")
		return exitUsage
	}
	code := exitOK
	for _, path := range args {
		s, ok := loadSurvey(e, path)
		if !ok {
			code = exitInput
			continue
		}
		fmt.Fprintf(e.stdout, msg(e, msgCheckOk), path, len(s.Pages), len(s.Questions()), len(s.Indexes), len(s.Languages), strings.Join(s.Languages, ", "))
	}
	return code
}

// loadSurvey compiles one survey and prints its diagnostics (warnings too);
// ok is false when it has errors.
func loadSurvey(e *env, paths ...string) (*ir.Survey, bool) {
	c := compiler.New()
	c.Lang = e.lang
	s, diags := c.Load(paths...)
	if len(diags) > 0 {
		_ = c.WriteDiagnostics(e.stderr, diags)
	}
	if diags.HasErrors() || s == nil {
		n := 0
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				n++
			}
		}
		fmt.Fprintf(e.stderr, msg(e, msgCheckFail), strings.Join(paths, " "), n)
		return nil, false
	}
	return s, true
}

// writeDiags prints diagnostics of a file parsed outside the compiler
// (simulation settings), with snippets.
func writeDiags(e *env, files map[string]*hcl.File, diags hcl.Diagnostics) {
	_ = compiler.WriteDiagnostics(e.stderr, files, diags, e.lang)
}
