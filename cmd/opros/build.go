package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/render/form"
)

func init() {
	register(&command{
		name: "build",
		args: "[-o DIR] SURVEY",
		short: map[string]string{
			"en": "compile a survey: forms, survey.json, schema.json, codebook",
			"ru": "собрать анкету: формы, survey.json, schema.json, кодбук",
		},
		long: map[string]string{
			"en": "Build compiles SURVEY and writes into DIR/<survey-id>/: survey.json (the IR),\nschema.json (JSON Schema of one submission), codebook.md and codebook.csv, and\none static form per language in <lang>/index.html.",
			"ru": "Компилирует АНКЕТУ и пишет в DIR/<id-анкеты>/: survey.json (IR), schema.json\n(JSON Schema одного ответа), codebook.md и codebook.csv и по статической форме\nна каждый язык в <язык>/index.html.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			out := fs.String("o", "dist", "output folder")
			return func(e *env, args []string) int { return runBuild(e, args, *out) }
		},
	})
}

func runBuild(e *env, args []string, out string) int {
	if len(args) != 1 {
		fmt.Fprintf(e.stderr, msg(e, "need_survey"), "build")
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
		fmt.Fprintf(e.stderr, "opros build: %v\n", err)
		return exitInput
	}
	for _, f := range forms {
		fmt.Fprintf(e.stdout, msg(e, "built"), f)
	}
	fmt.Fprintf(e.stdout, msg(e, "built"), dir)
	return exitOK
}

// writeArtifacts writes the IR, the submission schema and the codebook.
func writeArtifacts(s *ir.Survey, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	irJSON, err := ir.MarshalSurvey(s)
	if err != nil {
		return err
	}
	sch, err := schema.Build(s)
	if err != nil {
		return err
	}
	var md, csv bytes.Buffer
	lang := s.Languages[0]
	if err := codebook.WriteMarkdown(&md, s, lang); err != nil {
		return err
	}
	if err := codebook.WriteCSV(&csv, s, lang); err != nil {
		return err
	}
	for name, data := range map[string][]byte{
		"survey.json": irJSON, "schema.json": sch, "codebook.md": md.Bytes(), "codebook.csv": csv.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
