package main

import (
	"flag"
	"fmt"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/compiler/semdiff"
)

func init() {
	register(&command{
		name: "diff",
		args: "[-json] OLD NEW",
		short: localize.Phrase{
			En: "what changed between two versions, and what breaks comparability",
			Ru: "что изменилось между версиями анкеты и что нарушает сопоставимость",
		},
		long: localize.Phrase{
			En: "Diff compares two versions of a survey question by question and classifies each\nchange as breaking (data not comparable across waves), caution or compatible.\nExit code 0 when nothing breaks comparability, 1 when something does.",
			Ru: "Сравнивает две версии анкеты по вопросам и помечает каждое изменение как\n«несопоставимо» (данные волн сравнивать нельзя), «внимание» или «совместимо»\n(в -json: breaking, caution, compatible).\nКод выхода 0, если сопоставимость сохранена, и 1, если нет.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			asJSON := fs.Bool("json", false, "print the changes as JSON")
			return func(e *env, args []string) int { return runDiff(e, args, *asJSON) }
		},
	})
}

func runDiff(e *env, args []string, asJSON bool) int {
	if len(args) != 2 {
		fmt.Fprint(e.stderr, msg(e, msgDiffArgs))
		return exitUsage
	}
	old, ok1 := loadSurvey(e, args[0])
	new, ok2 := loadSurvey(e, args[1])
	if !ok1 || !ok2 {
		return exitInput
	}
	r := semdiff.Diff(old, new)
	var err error
	if asJSON {
		err = r.WriteJSON(e.stdout)
	} else {
		err = r.WriteText(e.stdout, e.lang)
	}
	if err != nil {
		printErr(e, "diff", err)
		return exitInput
	}
	if r.Breaking() {
		return exitInput
	}
	return exitOK
}
