// Package compiler turns survey files written in the opros HCL language into
// the one IR (package ir) every later phase reads.
//
// It works in stages, each returning hcl.Diagnostics so a run reports every
// problem at once: files (parse every .hcl file) → survey (decode each block
// into a syntax node that keeps its expressions and ranges) → IR (resolve
// references, check types and rules, derive variables, fingerprint). The
// package is the only place that knows HCL; nothing downstream does.
package compiler

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/parallel"
)

// Compiler compiles surveys. It keeps the parsed files so that diagnostics
// can be printed with their source snippets.
type Compiler struct {
	parser *hclparse.Parser
	// Lang is the language WriteDiagnostics prints in: "en" (the default)
	// or "ru".
	Lang string
}

// New returns a compiler with an empty file cache.
func New() *Compiler {
	return &Compiler{parser: hclparse.NewParser(), Lang: "en"}
}

// Files returns the parsed files by name, for diagnostic printers.
func (c *Compiler) Files() map[string]*hcl.File { return c.parser.Files() }

// SurveyFiles lists the .hcl files of a survey given as files and/or folders:
// a folder contributes every *.hcl directly inside it, sorted by name, so
// the page order of a multi-file survey does not depend on the file system.
func SurveyFiles(paths ...string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".hcl") {
				names = append(names, filepath.Join(p, e.Name()))
			}
		}
		sort.Strings(names)
		if len(names) == 0 {
			return nil, fileErrors.Errorf(errNoHCLFiles, p)
		}
		files = append(files, names...)
	}
	return files, nil
}

// Load compiles one survey from .hcl files and/or folders.
func (c *Compiler) Load(paths ...string) (*ir.Survey, hcl.Diagnostics) {
	files, err := SurveyFiles(paths...)
	if err != nil {
		return nil, hcl.Diagnostics{newDiag(nil, msgCannotReadSurvey, err)}
	}
	// Files are parsed concurrently: HCL's lexer dominates compile time, and
	// surveys kept in git are usually split into several files.
	parsed := make([]*hcl.File, len(files))
	perFile := make([]hcl.Diagnostics, len(files))
	parallel.For(len(files), func(i int) {
		src, err := os.ReadFile(files[i])
		if err != nil {
			perFile[i] = hcl.Diagnostics{newDiag(nil, msgCannotReadFile, err.Error())}
			return
		}
		parsed[i], perFile[i] = parseFile(files[i], src)
	})
	var bodies []*hcl.File
	var diags hcl.Diagnostics
	for i, name := range files {
		diags = append(diags, perFile[i]...)
		if parsed[i] != nil {
			c.parser.AddFile(name, parsed[i])
			bodies = append(bodies, parsed[i])
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	s, d := compileFiles(bodies, true)
	return s, append(diags, d...)
}

// LoadSource compiles one in-memory file (tests, fuzzing, editors). The
// files it names (a logo, report pages) are checked for leaving the
// survey's folder, not looked up.
func (c *Compiler) LoadSource(filename string, src []byte) (*ir.Survey, hcl.Diagnostics) {
	f, diags := parseFile(filename, src)
	if diags.HasErrors() {
		return nil, diags
	}
	c.parser.AddFile(filename, f)
	s, d := compileFiles([]*hcl.File{f}, false)
	return s, append(diags, d...)
}

func compileFiles(files []*hcl.File, onDisk bool) (*ir.Survey, hcl.Diagnostics) {
	syn, diags := decodeFiles(files)
	if syn == nil {
		return nil, diags
	}
	s, d := buildIR(syn, onDisk)
	diags = onceEach(append(diags, d...))
	if s != nil {
		fillLoops(s)
	}
	sortDiagnostics(diags)
	if diags.HasErrors() {
		return nil, diags
	}
	s.ComputeHash()
	return s, diags
}

func toRange(r hcl.Range) ir.Range {
	return ir.Range{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column}
}

// sortDiagnostics orders diagnostics by file and position, so that a
// researcher reads them top to bottom whatever pass found them.
func sortDiagnostics(diags hcl.Diagnostics) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i].Subject, diags[j].Subject
		if a == nil || b == nil {
			return a != nil
		}
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Start.Line != b.Start.Line {
			return a.Start.Line < b.Start.Line
		}
		return a.Start.Column < b.Start.Column
	})
}
