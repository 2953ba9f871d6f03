package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/compiler/semdiff"
	"github.com/opros/opros/site/keys"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
)

func init() {
	register(&command{
		name: "report",
		args: "--survey SURVEY [-o DIR] [--keys FILE] [--json FILE] [--encrypt] [--pdf] [--invitations [YEAR=]LINKS.csv]... [--started [YEAR=]STARTED.ndjson]... DATA.parquet...",
		short: localize.Phrase{
			En: "score the data and build the static benchmark report site",
			Ru: "рассчитать показатели и собрать статический сайт отчёта",
		},
		long: localize.Phrase{
			En: "Report reads the Parquet files written by opros ingest (one or several waves), computes\nevery figure (indexes with intervals, breakdowns, tests, benchmarks, drivers) and writes\ninto DIR (default report): public/, the site anyone may read, with participants anonymised;\nparticipants/TOKEN/, one report per participant, naming it against the anonymised peers;\nand access.csv, who gets which folder and passphrase (never publish it). Each has one folder\nper interface language. Tokens, passphrases and anonymous labels are kept in the keys file\n(--keys, default SURVEY-ID.keys.json beside the first data file), made on first use:\nrebuilding with it keeps links already sent. It prints the path of the public index.html.\n--json also writes the computed results. --invitations LINKS.csv (opros invite's links file; YEAR=LINKS.csv\nfor a wave's) adds response rates to the overview (in all) and the methodology page (per segment and\nchannel too), under the report's minimum sizes; each participant's summary adds its own rate against its\npeers' median. --started STARTED.ndjson (opros collect's, YEAR= for a wave's) counts who started;\nwithout it the pages say started is not known.",
			Ru: "Читает Parquet-файлы opros ingest (одну или несколько волн), рассчитывает все показатели\n(индексы с интервалами, разрезы, тесты, бенчмарки, драйверы) и пишет в DIR (по умолчанию\nreport): public/ — сайт для всех, участники обезличены; participants/ТОКЕН/ — отчёт каждого\nучастника, где он назван среди обезличенных коллег; access.csv — кому какая папка и пароль\n(не публикуйте его). В каждом — по папке на язык интерфейса. Токены, пароли и обезличенные\nметки хранятся в файле ключей (--keys, по умолчанию ID-АНКЕТЫ.keys.json рядом с первым файлом\nданных), он создаётся при первом запуске: пересборка с ним сохраняет уже разосланные ссылки.\nПечатает путь к index.html публичного сайта. --json дополнительно сохраняет рассчитанные результаты.\n--invitations LINKS.csv (файл ссылок opros invite; ГОД=LINKS.csv — для волны) добавляет на страницу\nобзора долю ответивших (всего), а на страницу методики — ещё и по сегментам и каналам, с минимальными\nразмерами групп отчёта; сводка каждого участника — его собственную долю рядом с медианой коллег.\n--started STARTED.ndjson (файл opros collect; ГОД= — для волны) считает, сколько начали; без него\nстраницы пишут, что это неизвестно.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			o := &reportOpts{}
			fs.StringVar(&o.survey, "survey", "", "the survey (.hcl file or folder)")
			fs.StringVar(&o.out, "o", "report", "output folder")
			fs.StringVar(&o.json, "json", "", "also write the computed results as JSON to this file")
			fs.StringVar(&o.keys, "keys", "", "participants' tokens, passphrases and labels (default: SURVEY-ID.keys.json by data)")
			fs.IntVar(&o.workers, "workers", 0, "row groups scored in parallel (default: number of CPUs)")
			fs.BoolVar(&o.encrypt, "encrypt", false, "encrypt each participant's report with its passphrase, for a static host")
			fs.BoolVar(&o.pdf, "pdf", false, "also print each participant's report to PDF (needs Chromium)")
			fs.Func("invitations", "links file of opros invite, for response rates (repeatable); YEAR=LINKS.csv: wave YEAR's", func(v string) error {
				o.invitations = append(o.invitations, v)
				return nil
			})
			fs.Func("started", startedFlagHelp, func(v string) error {
				o.started = append(o.started, v)
				return nil
			})
			return func(e *env, args []string) int { return o.run(e, args) }
		},
	})
}

type reportOpts struct {
	survey, out, json, keys string
	workers                 int
	encrypt, pdf            bool // deliver.go
	invitations, started    []string
}

func (o *reportOpts) run(e *env, args []string) int {
	if o.survey == "" || len(args) == 0 {
		fmt.Fprint(e.stderr, msg(e, msgReportArgs))
		return exitUsage
	}
	s, ok := loadSurvey(e, o.survey)
	if !ok {
		return exitInput
	}
	older := func(path string, d *semdiff.Report) {
		fmt.Fprintf(e.stderr, msg(e, msgReportOlder), path, d.Old, d.New, len(d.Changes))
	}
	res, err := score.Compute(s, args, score.Options{Workers: o.workers, Older: older})
	if err != nil {
		printErr(e, "report", err)
		return exitInput
	}
	if res.N == 0 { // a site of "n = " and dashes would pass for a report
		fmt.Fprintf(e.stderr, msg(e, msgReportNoRows), len(args))
		return exitInput
	}
	for _, rw := range res.Raking {
		for _, w := range rw.Warnings() {
			switch w.Kind {
			case "not_converged":
				fmt.Fprintf(e.stderr, msg(e, msgRakeNotConverged), w.Wave, w.N)
			case "empty_value":
				fmt.Fprintf(e.stderr, msg(e, msgRakeEmptyValue), w.Wave, w.Field, w.Code)
			case "unraked":
				fmt.Fprintf(e.stderr, msg(e, msgRakeUnraked), w.Wave, w.N)
			}
		}
	}
	if small, protect := suppressedGroups(res); small+protect > 0 {
		fmt.Fprintf(e.stderr, msg(e, msgReportSuppressed), small, res.MinGroupSize, protect)
	}
	if s.Bench.Outcome != "" && len(s.Bench.Drivers) > 0 && res.Drivers == nil {
		fmt.Fprintf(e.stderr, msg(e, msgReportNoDrivers), res.MinGroupSize)
	}
	for _, ix := range s.Indexes { // in the survey's order
		if n := res.NoValue[ix.ID]; n > 0 {
			fmt.Fprintf(e.stderr, msg(e, msgReportNoValue), ix.ID, n)
		}
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
	chromium, code := o.deliveryCheck(e, len(report.Participants(s, res)))
	if code != exitOK {
		return code
	}
	keysPath := o.keys
	if keysPath == "" {
		keysPath = filepath.Join(filepath.Dir(args[0]), s.ID+".keys.json")
	}
	if published(keysPath, o.out) {
		fmt.Fprintf(e.stderr, msg(e, msgReportKeysInside), keysPath)
		return exitUsage
	}
	k, created, added, err := keys.Load(keysPath, s.ID, report.Participants(s, res))
	if err != nil {
		printErr(e, "report", err)
		return exitInput
	}
	invs, err := responseLists(e, s, o.invitations, o.started, args)
	if err != nil {
		printErr(e, "report", err)
		return exitInput
	}
	index, err := report.Build(s, res, report.Config{SurveyDir: surveyDir, Keys: k, Data: args, Invitations: invs}, o.out)
	if err != nil {
		printErr(e, "report", err)
		return exitInput
	}
	fmt.Fprintln(e.stdout, index) // first, for scripts
	switch {
	case created:
		fmt.Fprintf(e.stdout, msg(e, msgReportKeysNew), keysPath)
	case added > 0:
		fmt.Fprintf(e.stdout, msg(e, msgReportKeysAdded), added, keysPath)
	}
	if ds, err := report.Deliverables(o.out); err == nil && len(ds) > 0 {
		fmt.Fprintf(e.stdout, msg(e, msgReportDelivered), len(ds), filepath.Join(o.out, report.ParticipantsDir), filepath.Join(o.out, report.AccessFile))
	}
	return o.deliver(e, o.out, chromium)
}

// published says whether path would be inside what is handed out: the
// public site or a deliverable under out.
func published(path, out string) bool {
	p, err1 := filepath.Abs(path)
	o, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return false
	}
	for _, dir := range []string{report.PublicDir, report.ParticipantsDir} {
		if rel, err := filepath.Rel(filepath.Join(o, dir), p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
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
