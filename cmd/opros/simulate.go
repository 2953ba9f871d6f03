package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/opros/opros/site/simulate"
)

func init() {
	register(&command{
		name: "simulate",
		args: "[-n N] [--seed S] [--config FILE] [--wave YEAR] SURVEY",
		short: map[string]string{
			"en": "generate realistic synthetic answers as NDJSON",
			"ru": "сгенерировать правдоподобные синтетические ответы (NDJSON)",
		},
		long: map[string]string{
			"en": "Simulate writes synthetic submissions to standard output, one JSON object per line,\nvalid against SURVEY. Companies, segments, channels, waves and their effects come from\n--config (default SURVEY/demo/simulate.hcl if it exists; see examples/README.md).\nThe same seed gives the same bytes.",
			"ru": "Пишет в стандартный вывод синтетические ответы (по JSON-объекту на строку),\nкорректные для АНКЕТЫ. Компании, сегменты, каналы, волны и их эффекты задаются в\n--config (по умолчанию АНКЕТА/demo/simulate.hcl, если есть; см. examples/README.md).\nОдин и тот же seed даёт те же байты.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			o := &simulateOpts{}
			fs.IntVar(&o.n, "n", 0, "total number of responses (default: responses per company per wave from the config)")
			fs.Uint64Var(&o.seed, "seed", 1, "random seed")
			fs.StringVar(&o.config, "config", "", "simulation settings (HCL)")
			fs.IntVar(&o.wave, "wave", 0, "simulate only this wave")
			return func(e *env, args []string) int { return o.run(e, args) }
		},
	})
}

type simulateOpts struct {
	n, wave int
	seed    uint64
	config  string
}

func (o *simulateOpts) run(e *env, args []string) int {
	switch {
	case len(args) == 0:
		fmt.Fprintf(e.stderr, msg(e, "need_survey"), "simulate")
		return exitUsage
	case len(args) > 1:
		fmt.Fprintf(e.stderr, msg(e, "extra_args"), "simulate", strings.Join(args[1:], " "))
		return exitUsage
	}
	s, ok := loadSurvey(e, args[0])
	if !ok {
		return exitInput
	}
	path := o.config
	if path == "" {
		if p := filepath.Join(args[0], "demo", "simulate.hcl"); fileExists(p) {
			path = p
		}
	}
	var cfg *simulate.Config
	if path != "" {
		c, parser, diags := simulate.LoadConfig(path)
		if diags.HasErrors() {
			writeDiags(e, parser.Files(), diags)
			return exitInput
		}
		cfg = c
	}
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	if err := simulate.Simulate(s, cfg, simulate.Options{N: o.n, Seed: o.seed, Wave: o.wave}, w); err != nil {
		printErr(e, "simulate", err)
		return exitInput
	}
	if err := w.Flush(); err != nil {
		printErr(e, "simulate", err)
		return exitInput
	}
	return exitOK
}

func fileExists(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir()
}
