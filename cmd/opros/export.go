package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/opros/opros/compiler/localize"

	"github.com/opros/opros/site/export"
)

func init() {
	register(&command{
		name: "export",
		args: "--survey SURVEY -o OUT.sav|OUT.xlsx|OUT.csv [--labels] [--lang LANG] DATA.parquet...",
		short: localize.Phrase{
			En: "answers for SPSS (.sav), Excel (.xlsx) or CSV, with labels",
			Ru: "ответы для SPSS (.sav), Excel (.xlsx) или CSV, с метками",
		},
		long: localize.Phrase{
			En: "Export writes the answers in the DATA files (opros ingest's Parquet) in the format OUT's\nextension names: an SPSS system file (.sav, read by SPSS, PSPP, R haven, pandas), an Excel\nworkbook (.xlsx: a data sheet with the variable labels as its second header row, and a codebook\nsheet) or CSV. Every format has the same variables: the meta columns, hidden fields and the\ncodebook's answer variables, a multiple-choice question as one 0/1 variable per option; option\ncodes are numbers (the codes themselves when all are whole numbers, else 1, 2, … in the\nsurvey's order) with the options' texts as value labels. .sav also keeps question texts as\nvariable labels, options marked missing as user-missing values, measurement levels, dates, the\nweight and multiple-response sets. --labels writes labels instead of codes in .xlsx and .csv;\n--lang picks the labels' language. Names SPSS would not take are changed and listed on stderr,\nas is every value that could not be written as the data held it.\nExit code 0, 1 for unreadable data or data of another survey, 2 for a wrong command line.",
			Ru: "Выгружает ответы из файлов ДАННЫХ (Parquet от opros ingest) в формате, который задаёт\nрасширение OUT: файл SPSS (.sav; читают SPSS, PSPP, R haven, pandas), книга Excel (.xlsx: лист\nданных, где вторая строка заголовка — метки переменных, и лист кодовой книги) или CSV. Переменные\nво всех форматах одни и те же: служебные столбцы, скрытые поля и переменные ответов из кодовой\nкниги; вопрос с несколькими ответами — по переменной 0/1 на вариант; коды вариантов — числа (сами\nкоды, если все они целые, иначе 1, 2, … в порядке анкеты), тексты вариантов — метки значений.\nВ .sav также сохраняются тексты вопросов как метки переменных, варианты с missing как\nпользовательские пропуски, шкалы измерения, даты, вес и наборы множественных ответов. --labels\nпишет в .xlsx и .csv метки вместо кодов; --lang выбирает язык меток. Имена, которые SPSS не\nпримет, меняются и перечисляются в stderr, как и каждое значение, которое не удалось записать\nтак, как оно было в данных.\nКод выхода 0, 1 — данные не читаются или от другой анкеты, 2 — ошибка в командной строке.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			o := &exportOpts{}
			fs.StringVar(&o.survey, "survey", "", "the survey (.hcl file or folder)")
			fs.StringVar(&o.out, "o", "", "output file: .sav, .xlsx or .csv")
			fs.BoolVar(&o.labels, "labels", false, "write labels instead of codes (.xlsx, .csv)")
			fs.StringVar(&o.lang, "lang", "", "language of the labels (default: the survey's first)")
			return func(e *env, args []string) int { return o.run(e, args) }
		},
	})
	// The flags' Russian help (flags.go's map, kept here with the command).
	flagHelpRU["output file: .sav, .xlsx or .csv"] = "выходной файл: .sav, .xlsx или .csv"
	flagHelpRU["write labels instead of codes (.xlsx, .csv)"] = "писать метки вместо кодов (.xlsx, .csv)"
	flagHelpRU["language of the labels (default: the survey's first)"] = "язык меток (по умолчанию первый язык анкеты)"
}

type exportOpts struct {
	survey, out, lang string
	labels            bool
}

func (o *exportOpts) run(e *env, args []string) int {
	if o.survey == "" || o.out == "" || len(args) == 0 {
		fmt.Fprint(e.stderr, msg(e, msgExportArgs))
		return exitUsage
	}
	if !slices.Contains(export.Formats, strings.ToLower(filepath.Ext(o.out))) {
		fmt.Fprintf(e.stderr, msg(e, msgExportFormat), o.out)
		return exitUsage
	}
	if o.labels && strings.EqualFold(filepath.Ext(o.out), ".sav") {
		fmt.Fprint(e.stderr, msg(e, msgExportLabelsSav))
	}
	s, ok := loadSurvey(e, o.survey)
	if !ok {
		return exitInput
	}
	if o.lang != "" && !slices.Contains(s.Languages, o.lang) {
		fmt.Fprintf(e.stderr, msg(e, msgExportLang), o.lang, s.Languages)
		return exitUsage
	}
	for _, a := range args {
		if same(a, o.out) {
			fmt.Fprintf(e.stderr, msg(e, msgExportOverInput), o.out)
			return exitUsage
		}
	}
	// main trades memory for speed for short commands; an export's memory
	// stays flat in the number of rows, at the default pace of collection.
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(export.MemoryLimit)
	res, err := export.Export(s, args, o.out, export.Options{Lang: o.lang, Labels: o.labels})
	if err != nil {
		printErr(e, "export", err)
		return exitInput
	}
	fmt.Fprint(e.stderr, res.Notes(e.lang))
	fmt.Fprint(e.stdout, res.Summary(e.lang, o.out))
	return exitOK
}

// same reports whether two paths name one file.
func same(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
