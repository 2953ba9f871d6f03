package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/simulate"
)

func init() {
	register(&command{
		name: "simulate",
		args: "[-n N] [--seed S] [--config FILE] [--wave YEAR] [--links [YEAR=]LINKS.csv]... SURVEY",
		short: localize.Phrase{
			En: "generate realistic synthetic answers as NDJSON",
			Ru: "сгенерировать правдоподобные синтетические ответы (NDJSON)",
		},
		long: localize.Phrase{
			En: "Simulate writes synthetic submissions to standard output, one JSON object per line,\nvalid against SURVEY. Companies, segments, channels, waves and their effects come from\n--config (default SURVEY/demo/simulate.hcl if it exists; see examples/README.md).\nThe same seed gives the same bytes.\n--links LINKS.csv (opros invite's links file; YEAR=LINKS.csv for a wave's) makes each answer come\nthrough an unused link of its participant, segment and channel, with its hidden values and signature;\nlinks no answer takes are invitees who did not answer, answers with no link left are left out.",
			Ru: "Пишет в стандартный вывод синтетические ответы (по JSON-объекту на строку),\nкорректные для АНКЕТЫ. Компании, сегменты, каналы, волны и их эффекты задаются в\n--config (по умолчанию АНКЕТА/demo/simulate.hcl, если есть; см. examples/README.md).\nОдин и тот же seed даёт те же байты.\n--links LINKS.csv (файл ссылок opros invite; ГОД=LINKS.csv — для волны) направляет каждый ответ через\nещё не использованную ссылку его участника, сегмента и канала, с её скрытыми полями и подписью;\nссылки без ответа — не ответившие приглашённые, ответы без свободной ссылки не выводятся.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			o := &simulateOpts{}
			fs.IntVar(&o.n, "n", 0, "total number of responses (default: responses per company per wave from the config)")
			fs.Uint64Var(&o.seed, "seed", 1, "random seed")
			fs.StringVar(&o.config, "config", "", "simulation settings (HCL)")
			fs.IntVar(&o.wave, "wave", 0, "simulate only this wave")
			fs.Func("links", "answer through the links of opros invite (repeatable); YEAR=LINKS.csv: wave YEAR's", func(v string) error {
				o.links = append(o.links, v)
				return nil
			})
			return func(e *env, args []string) int { return o.run(e, args) }
		},
	})
}

type simulateOpts struct {
	n, wave int
	seed    uint64
	config  string
	links   []string
}

func (o *simulateOpts) run(e *env, args []string) int {
	switch {
	case len(args) == 0:
		fmt.Fprintf(e.stderr, msg(e, msgNeedSurvey), "simulate")
		return exitUsage
	case len(args) > 1:
		fmt.Fprintf(e.stderr, msg(e, msgExtraArgs), "simulate", strings.Join(args[1:], " "))
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
	var sim bytes.Buffer
	var out io.Writer = w
	if len(o.links) > 0 {
		out = &sim
	}
	if err := simulate.Simulate(s, cfg, simulate.Options{N: o.n, Seed: o.seed, Wave: o.wave}, out); err != nil {
		printErr(e, "simulate", err)
		return exitInput
	}
	if len(o.links) > 0 {
		taken, left, unanswered, err := answerThroughLinks(s, o.links, sim.Bytes(), w)
		if err != nil {
			printErr(e, "simulate", err)
			return exitInput
		}
		fmt.Fprintf(e.stderr, msg(e, msgSimulateLinks), taken, unanswered, left)
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
