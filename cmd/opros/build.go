package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/render/form"
)

func init() {
	register(&command{
		name: "build",
		args: "[-o DIR] SURVEY",
		short: localize.Phrase{
			En: "compile a survey: forms, survey.json, schema.json, codebook",
			Ru: "собрать анкету: формы, survey.json, schema.json, кодбук",
		},
		long: localize.Phrase{
			En: "Build compiles SURVEY and writes into DIR/<survey-id>/: survey.json (the IR),\nschema.json (JSON Schema of one submission), codebook.md and codebook.csv, and\none static form per language in <lang>/index.html.",
			Ru: "Компилирует АНКЕТУ и пишет в DIR/<id-анкеты>/: survey.json (IR), schema.json\n(JSON Schema одного ответа), codebook.md и codebook.csv и по статической форме\nна каждый язык в <язык>/index.html.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			out := fs.String("o", "dist", "output folder")
			return func(e *env, args []string) int { return runBuild(e, args, *out) }
		},
	})
}

func runBuild(e *env, args []string, out string) int {
	switch {
	case len(args) == 0:
		fmt.Fprintf(e.stderr, msg(e, msgNeedSurvey), "build")
		return exitUsage
	case len(args) > 1:
		fmt.Fprintf(e.stderr, msg(e, msgExtraArgs), "build", strings.Join(args[1:], " "))
		return exitUsage
	}
	s, ok := loadSurvey(e, args[0])
	if !ok {
		return exitInput
	}
	dir := filepath.Join(out, s.ID)
	surveyDir := args[0]
	if info, err := os.Stat(surveyDir); err == nil && !info.IsDir() {
		surveyDir = filepath.Dir(surveyDir)
	}
	// The artifacts and the forms are independent: write them side by side.
	artifacts := make(chan error, 1)
	go func() { artifacts <- writeArtifacts(s, dir) }()
	forms, err := form.Build(s, out, form.Options{SurveyDir: surveyDir})
	if err := errors.Join(<-artifacts, err); err != nil {
		printErr(e, "build", err)
		return exitInput
	}
	for _, f := range forms {
		fmt.Fprintf(e.stdout, msg(e, msgBuilt), f)
	}
	fmt.Fprintf(e.stdout, msg(e, msgBuilt), dir)
	return exitOK
}

// writeArtifacts writes the IR, the submission schema and the codebook,
// each in its own goroutine: together they take longer than the forms.
func writeArtifacts(s *ir.Survey, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	lang := s.Languages[0]
	buffered := func(write func(io.Writer, *ir.Survey, string) error) func() ([]byte, error) {
		return func() ([]byte, error) {
			var buf bytes.Buffer
			err := write(&buf, s, lang)
			return buf.Bytes(), err
		}
	}
	artifacts := []struct {
		name string
		make func() ([]byte, error)
	}{
		{"survey.json", func() ([]byte, error) { return ir.MarshalSurvey(s) }},
		{"schema.json", func() ([]byte, error) { return schema.Build(s) }},
		{"codebook.md", buffered(codebook.WriteMarkdown)},
		{"codebook.csv", buffered(codebook.WriteCSV)},
	}
	errs := make([]error, len(artifacts))
	var wg sync.WaitGroup
	for i, a := range artifacts {
		wg.Go(func() {
			data, err := a.make()
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, a.name), data, 0o644)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
