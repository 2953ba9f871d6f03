package compiler

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/opros/opros/compiler/localize"
)

// A survey names files next to it: the form's logo (theme { logo }), the
// report's narrative pages and theme folder (report { pages, theme }).
// opros publishes them (a build copies the logo into every form, a report
// turns each page into a page of the site), so each must stay inside the
// survey's folder: "../../../etc/passwd", an absolute path or a symbolic
// link to a file elsewhere would publish a local file. opros check reports
// such a path with its range; render/form and site/report call SurveyFile
// and refuse it at build time too, should they get an IR check never saw.

// Phrases naming what a path is, as a detail's first words.
var (
	logoFile     = localize.Phrase{En: "The theme logo", Ru: "Логотип темы"}
	reportPage   = localize.Phrase{En: "The report page", Ru: "Страница отчёта"}
	reportTheme  = localize.Phrase{En: "The report theme folder", Ru: "Папка темы отчёта"}
	themeFile    = localize.Phrase{En: "The report theme's file", Ru: "Файл темы отчёта"}
	surveyFileOf = localize.Phrase{En: "The file", Ru: "Файл"}
)

// containedPath is dir joined with rel, a path a survey in dir names, or
// a diagnostic without a range (the caller gives it one) when rel is
// absolute, leads out of dir, or (with resolve) exists and resolves
// through symbolic links outside dir. What does not exist is left to the
// caller.
func containedPath(dir, rel string, what localize.Phrase, resolve bool) (string, *hcl.Diagnostic) {
	if filepath.IsAbs(rel) || strings.HasPrefix(rel, "/") || strings.HasPrefix(rel, `\`) || filepath.VolumeName(rel) != "" {
		return "", newDiag(nil, msgPathAbsolute, what, rel)
	}
	clean := filepath.Clean(filepath.FromSlash(rel))
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", newDiag(nil, msgPathOutside, what, rel)
	}
	path := filepath.Join(dir, clean)
	if !resolve {
		return path, nil
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return path, nil // missing, or unreadable: whoever reads it says so
	}
	root, err := filepath.EvalSymlinks(dirOrDot(dir))
	if err != nil {
		return path, nil
	}
	if rootAbs, err := filepath.Abs(root); err == nil {
		root = rootAbs
	}
	if realAbs, err := filepath.Abs(real); err == nil {
		real = realAbs
	}
	if real != root && !strings.HasPrefix(real, strings.TrimSuffix(root, string(filepath.Separator))+string(filepath.Separator)) {
		// Named from the survey's folder, as rel is (and the same on every machine).
		target := real
		if r, err := filepath.Rel(root, real); err == nil {
			target = r
		}
		return "", newDiag(nil, msgPathLinkOutside, what, rel, target)
	}
	return path, nil
}

func dirOrDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// SurveyFile is the path of rel, a file or folder named by the survey in
// dir, for reading. It is an error, in English and Russian as opros check
// words it, for rel to be absolute, to lead out of dir, or to resolve
// through a symbolic link to a file outside dir; whether it exists is
// left to the reader.
func SurveyFile(dir, rel string) (string, error) {
	path, d := containedPath(dir, rel, surveyFileOf, true)
	if d != nil {
		return "", diagError{d}
	}
	return path, nil
}

// diagError is a diagnostic without a source, as an error in the reader's
// language (compiler/localize).
type diagError struct{ d *hcl.Diagnostic }

func (e diagError) Error() string { return e.d.Detail }

func (e diagError) Localize(lang string) string {
	_, detail := Localize(e.d, lang)
	return detail
}

// checkPath reports what is wrong with rel, the value of an attribute
// naming a file (or, with dir true, a folder) at rng: everything
// containedPath refuses and, for a survey loaded from disk, a path that
// does not exist or is of the other kind. The survey's folder is the one
// of the file that names the path.
func (b *builder) checkPath(rel string, rng hcl.Range, what localize.Phrase, dir bool) {
	if rel == "" {
		return
	}
	// An in-memory survey (LoadSource) has no folder to look in.
	path, d := containedPath(filepath.Dir(rng.Filename), rel, what, b.onDisk)
	if d != nil {
		d.Subject = rng.Ptr()
		b.add(d)
		return
	}
	if !b.onDisk {
		return
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		b.errorf(rng, msgPathMissing, what, rel, dirOrDot(filepath.Dir(rng.Filename)))
	case err != nil:
		b.errorf(rng, msgCannotReadFile, err.Error())
	case dir && !info.IsDir():
		b.errorf(rng, msgPathNotDir, what, rel)
	case !dir && info.IsDir():
		b.errorf(rng, msgPathNotFile, what, rel)
	case dir:
		b.checkFolder(path, rel, rng)
	}
}

// checkFolder reports, at rng, each file in the folder rel (at path) that
// a symbolic link takes outside the survey's folder: a report publishes
// what its theme folder holds.
func (b *builder) checkFolder(path, rel string, rng hcl.Range) {
	surveyDir := filepath.Dir(rng.Filename)
	_ = filepath.WalkDir(path, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.Type()&fs.ModeSymlink == 0 {
			return nil // WalkDir does not follow links, so only a link can lead out
		}
		inside, _ := filepath.Rel(path, p)
		name := filepath.ToSlash(filepath.Join(rel, inside))
		if _, d := containedPath(surveyDir, name, themeFile, true); d != nil {
			d.Subject = rng.Ptr()
			b.add(d)
		}
		return nil
	})
}

// checkPathList checks each string of a list attribute naming files, at
// the element's own range where the list is written out.
func (b *builder) checkPathList(a *hcl.Attribute, rels []string, what localize.Phrase) {
	elems, d := hcl.ExprList(a.Expr)
	for i, rel := range rels {
		rng := a.Expr.Range()
		if !d.HasErrors() && len(elems) == len(rels) {
			rng = elems[i].Range()
		}
		b.checkPath(rel, rng, what, false)
	}
}
