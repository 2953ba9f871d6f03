package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/opros/opros/compiler/semdiff"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
)

func init() {
	register(&command{
		name: "report",
		args: "--survey SURVEY [-o DIR] [--json FILE] DATA.parquet...",
		short: map[string]string{
			"en": "score the data and build the static benchmark report site",
			"ru": "рассчитать показатели и собрать статический сайт отчёта",
		},
		long: map[string]string{
			"en": "Report reads the Parquet files written by opros ingest (one or several waves), computes\nevery figure (indexes with intervals, breakdowns, tests, benchmarks, drivers) and writes\na static site into DIR (default report), one folder per interface language. It prints\nthe path of the site's index.html. --json also writes the computed results.",
			"ru": "Читает Parquet-файлы opros ingest (одну или несколько волн), рассчитывает все показатели\n(индексы с интервалами, разрезы, тесты, бенчмарки, драйверы) и пишет статический сайт в DIR\n(по умолчанию report), по папке на язык интерфейса. Печатает путь к index.html.\n--json дополнительно сохраняет рассчитанные результаты.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			o := &reportOpts{}
			fs.StringVar(&o.survey, "survey", "", "the survey (.hcl file or folder)")
			fs.StringVar(&o.out, "o", "report", "output folder")
			fs.StringVar(&o.json, "json", "", "also write the computed results as JSON to this file")
			fs.IntVar(&o.workers, "workers", 0, "row groups scored in parallel (default: number of CPUs)")
			return func(e *env, args []string) int { return o.run(e, args) }
		},
	})
}

type reportOpts struct {
	survey, out, json string
	workers           int
}

func (o *reportOpts) run(e *env, args []string) int {
	if o.survey == "" || len(args) == 0 {
		fmt.Fprint(e.stderr, msg(e, "report_args"))
		return exitUsage
	}
	s, ok := loadSurvey(e, o.survey)
	if !ok {
		return exitInput
	}
	// Scoring streams record batches; the default collector pace keeps the
	// heap near what is live instead of the 5× main allows short commands.
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(400 << 20)
	older := func(path string, d *semdiff.Report) {
		fmt.Fprintf(e.stderr, msg(e, "report_older"), path, d.Old, d.New, len(d.Changes))
	}
	res, err := score.Compute(s, args, score.Options{Workers: o.workers, Older: older})
	if err != nil {
		printErr(e, "report", err)
		return exitInput
	}
	if res.N == 0 { // a site of "n = " and dashes would pass for a report
		fmt.Fprintf(e.stderr, msg(e, "report_no_rows"), len(args))
		return exitInput
	}
	for _, rw := range res.Raking {
		for _, w := range rw.Warnings() {
			switch w.Kind {
			case "not_converged":
				fmt.Fprintf(e.stderr, msg(e, "rake_not_converged"), w.Wave, w.N)
			case "empty_value":
				fmt.Fprintf(e.stderr, msg(e, "rake_empty_value"), w.Wave, w.Field, w.Code)
			case "unraked":
				fmt.Fprintf(e.stderr, msg(e, "rake_unraked"), w.Wave, w.N)
			}
		}
	}
	if small, protect := suppressedGroups(res); small+protect > 0 {
		fmt.Fprintf(e.stderr, msg(e, "report_suppressed"), small, res.MinGroupSize, protect)
	}
	if s.Bench.Outcome != "" && len(s.Bench.Drivers) > 0 && res.Drivers == nil {
		fmt.Fprintf(e.stderr, msg(e, "report_no_drivers"), res.MinGroupSize)
	}
	if o.json != "" {
		f, err := os.Create(o.json)
		if err == nil {
			err = res.WriteJSON(f)
			f.Close()
		}
		if err != nil {
			printErr(e, "report", err)
			return exitInput
		}
	}
	surveyDir := o.survey
	if !isDir(surveyDir) {
		surveyDir = filepath.Dir(surveyDir)
	}
	index, err := report.Build(s, res, report.Config{SurveyDir: surveyDir}, o.out)
	if err != nil {
		printErr(e, "report", err)
		return exitInput
	}
	fmt.Fprintln(e.stdout, index)
	return exitOK
}

// suppressedGroups counts the groups suppressed for their size and those
// hidden to protect them (docs/methods.md, "Disclosure control").
func suppressedGroups(res *score.Results) (small, protect int) {
	for _, g := range res.Groups {
		switch {
		case g.Complement:
			protect++
		case g.Suppressed:
			small++
		}
	}
	return small, protect
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
