package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/opros/opros/compiler/importer"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/render/form"
)

func init() {
	flagHelpRU["output folder (default: the form's ID)"] = "папка для результата (по умолчанию — ID формы)"
	register(&command{
		name: "import",
		args: "[-o DIR] FILE",
		short: localize.Phrase{
			En: "a survey folder from an XLSForm (.xlsx) or a SurveyJS survey (.json)",
			Ru: "папка анкеты из XLSForm (.xlsx) или анкеты SurveyJS (.json)",
		},
		long: localize.Phrase{
			En: "Import writes DIR/survey.hcl (default DIR: the form's ID) in canonical form from an\nXLSForm spreadsheet (.xlsx) or a SurveyJS survey (.json), then checks it as\nopros check does. It lists on stderr, with their sheet and row or JSON path,\nwhat it left out and what it changed (renamed IDs and codes, filled-in\ntranslations). Exit code 0 when the survey passes the check, 1 otherwise.\ndocs/import.md says what maps to what.",
			Ru: "Записывает DIR/survey.hcl (по умолчанию DIR — ID формы) в каноническом виде из\nтаблицы XLSForm (.xlsx) или анкеты SurveyJS (.json) и проверяет его, как\nopros check. В stderr перечисляет, с листом и строкой или путём в JSON, что\nпропущено и что изменено (переименованные ID и коды, дополненные переводы).\nКод выхода 0, если анкета проходит проверку, иначе 1. Что во что переносится —\nв docs/import.md.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			out := fs.String("o", "", "output folder (default: the form's ID)")
			return func(e *env, args []string) int { return runImport(e, args, *out) }
		},
	})
}

func runImport(e *env, args []string, out string) int {
	if len(args) != 1 {
		fmt.Fprint(e.stderr, msg(e, msgImportArgs))
		return exitUsage
	}
	path := args[0]
	var read func(string, io.Reader, importer.Options) (*importer.Result, error)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		read = importer.XLSForm
	case ".json":
		read = importer.SurveyJS
	default:
		fmt.Fprintf(e.stderr, msg(e, msgImportFormat), path)
		return exitUsage
	}
	f, err := os.Open(path)
	if err != nil {
		printErr(e, "import", err)
		return exitInput
	}
	res, err := read(path, f, importer.Options{EnglishUI: form.BuiltinText("en")})
	f.Close()
	if res != nil {
		listItems(e, res)
	}
	if err != nil {
		printErr(e, "import", err)
		return exitInput
	}
	if out == "" {
		out = res.ID
	}
	file := filepath.Join(out, "survey.hcl")
	if _, err := os.Stat(file); err == nil {
		fmt.Fprintf(e.stderr, msg(e, msgImportExists), file)
		return exitInput
	} else if !errors.Is(err, fs.ErrNotExist) {
		printErr(e, "import", err)
		return exitInput
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		printErr(e, "import", err)
		return exitInput
	}
	if err := os.WriteFile(file, res.Source, 0o644); err != nil {
		printErr(e, "import", err)
		return exitInput
	}
	// The compiler is the only judge of the written survey, as for one
	// written by hand.
	if _, ok := loadSurvey(e, out); !ok {
		fmt.Fprintf(e.stderr, msg(e, msgImportNotValid), file)
		return exitInput
	}
	fmt.Fprintf(e.stdout, msg(e, msgImportDone), file, res.Questions, res.Pages, len(res.Dropped), len(res.Changed))
	return exitOK
}

// listItems prints what the import dropped and changed, in source order.
func listItems(e *env, res *importer.Result) {
	for _, it := range res.Dropped {
		fmt.Fprintf(e.stderr, msg(e, msgImportDropped), it.String(e.lang))
	}
	for _, it := range res.Changed {
		fmt.Fprintf(e.stderr, msg(e, msgImportChanged), it.String(e.lang))
	}
}
