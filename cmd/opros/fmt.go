package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/format"
	"github.com/opros/opros/compiler/localize"
)

func init() {
	register(&command{
		name: "fmt",
		args: "[-check] SURVEY...",
		short: localize.Phrase{
			En: "rewrite survey files in canonical form",
			Ru: "привести файлы анкет к каноническому виду",
		},
		long: localize.Phrase{
			En: "Fmt rewrites each .hcl file of each SURVEY in canonical form and lists the files\nit changed. With -check it changes nothing, lists the files that are not\nformatted and exits 1 if there are any (for CI).",
			Ru: "Переписывает файлы .hcl каждой АНКЕТЫ в каноническом виде и перечисляет\nизменённые. С -check ничего не меняет, перечисляет неотформатированные файлы\nи завершается с кодом 1, если они есть (для CI).",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			check := fs.Bool("check", false, "only report unformatted files; exit 1 if any")
			return func(e *env, args []string) int { return runFmt(e, args, *check) }
		},
	})
}

func runFmt(e *env, args []string, check bool) int {
	if len(args) == 0 {
		fmt.Fprintf(e.stderr, msg(e, msgNeedSurvey), "fmt")
		return exitUsage
	}
	files, err := compiler.SurveyFiles(args...)
	if err != nil {
		printErr(e, "fmt", err)
		return exitInput
	}
	code := exitOK
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			printErr(e, "fmt", err)
			code = exitInput
			continue
		}
		out, diags := format.Format(src, name)
		if diags.HasErrors() {
			// The file does not parse, so only its bytes can show the snippet.
			_ = compiler.WriteDiagnostics(e.stderr, map[string]*hcl.File{name: {Bytes: src}}, diags, e.lang)
			code = exitInput
			continue
		}
		if bytes.Equal(src, out) {
			continue
		}
		if check {
			fmt.Fprintf(e.stdout, msg(e, msgFmtUnformatted), name)
			code = exitInput
			continue
		}
		if err := os.WriteFile(name, out, 0o644); err != nil {
			printErr(e, "fmt", err)
			code = exitInput
			continue
		}
		fmt.Fprintf(e.stdout, msg(e, msgFmtRewrote), name)
	}
	return code
}
