package ingest

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/opros/opros/compiler/localize"
)

// UsageError is a run refused before anything was read or written because
// of what it was asked to do: an output that is an input or lies in an
// input folder, or -o naming a folder. cmd/opros exits 2 on it.
type UsageError struct{ err error }

func (e *UsageError) Error() string               { return e.err.Error() }
func (e *UsageError) Unwrap() error               { return e.err }
func (e *UsageError) Localize(lang string) string { return localize.Text(e.err, lang) }

// ErrNothingAccepted is what Run's error is (errors.Is) when no record was
// accepted: the inputs were empty, or every record was rejected. No output
// is written then, so an earlier run's files stay as they were.
var ErrNothingAccepted = errors.New("ingest: no answer accepted")

type nothingAccepted struct{ err error }

func (e *nothingAccepted) Error() string               { return e.err.Error() }
func (e *nothingAccepted) Unwrap() error               { return e.err }
func (e *nothingAccepted) Is(target error) bool        { return target == ErrNothingAccepted }
func (e *nothingAccepted) Localize(lang string) string { return localize.Text(e.err, lang) }

// rejectSummary is what a run that accepts nothing says of its rejects
// instead of writing them: how many of each code (a record's first error)
// and the first one.
type rejectSummary struct {
	first *Reject
	codes map[string]int
}

func (r *rejectSummary) add(rec *chunkRecord) {
	if r.first == nil {
		r.first = &Reject{Source: rec.Source, Record: rec.Number, Errors: rec.errs}
		r.codes = map[string]int{}
	}
	r.codes[rec.errs[0].Code]++
}

// noAnswers is Run's error for a run that accepted nothing.
func noAnswers(st Stats, said *rejectSummary, inputs []Input) error {
	if said.first == nil {
		var names []string
		for _, in := range inputs {
			names = append(names, in.Path)
		}
		return &nothingAccepted{errorText.Errorf(errNoRecords, strings.Join(names, ", "))}
	}
	codes := slices.Collect(maps.Keys(said.codes))
	slices.SortFunc(codes, func(a, b string) int {
		return cmp.Or(cmp.Compare(said.codes[b], said.codes[a]), cmp.Compare(a, b))
	})
	var counts []string
	for _, c := range codes {
		counts = append(counts, fmt.Sprintf("%d %s", said.codes[c], c))
	}
	e := said.first.Errors[0]
	return &nothingAccepted{errorText.Errorf(errNoneAccepted, st.Rejected, strings.Join(counts, ", "), said.first.Source, said.first.Record, e.Field, e.Reason)}
}

// checkOutputs refuses a run whose outputs could harm its inputs: an
// output that is the same file as an input (a symlink or a hard link to
// one included) or lies in an input folder (where the next run would read
// it, or where the collector keeps its own files), and -o naming a folder.
// named are the inputs as given, files what Files made of them.
func checkOutputs(out string, named, files []Input) error {
	if strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
		return &UsageError{errorText.Errorf(errOutputIsDir, out)}
	}
	var folders [][2]string // input folders: resolved, and as named
	for _, in := range named {
		if fi, err := os.Stat(in.Path); err == nil && fi.IsDir() {
			folders = append(folders, [2]string{resolve(in.Path), in.Path})
		}
	}
	for _, p := range []string{out, RejectsPath(out), SetAsidePath(out)} {
		if fi, err := os.Stat(p); err == nil {
			if fi.IsDir() {
				return &UsageError{errorText.Errorf(errOutputIsDir, p)}
			}
			for _, in := range append(named[:len(named):len(named)], files...) {
				if ifi, err := os.Stat(in.Path); err == nil && os.SameFile(fi, ifi) {
					return &UsageError{errorText.Errorf(errOutputIsInput, p, in.Path)}
				}
			}
		}
		real := resolve(p)
		for _, dir := range folders {
			if rel, err := filepath.Rel(dir[0], real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return &UsageError{errorText.Errorf(errOutputInInput, p, dir[1])}
			}
		}
	}
	return nil
}

// resolve is p's absolute path with the symlinks of its longest existing
// ancestor resolved: where p is, or would be once written.
func resolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(dir) == dir {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// outputs are a run's files, written under temporary names in the output
// folder and renamed into place together only when the run succeeds:
// the side files first and the Parquet file last, so a Parquet file in
// place always comes with the side files of its own run (a run stopped
// between the renames leaves the earlier Parquet file with the new side
// files, never a new Parquet file with old ones). A failed run removes
// its temporary files and the folders it made, and leaves every output
// of an earlier run as it was.
type outputs struct {
	dir     string
	created []string // folders made for the output, deepest first
	files   []*pending
}

type pending struct {
	final string
	tmp   *os.File
}

// prepareOutputs makes out's folder if it is missing.
func prepareOutputs(out string) (*outputs, error) {
	o := &outputs{dir: filepath.Dir(out)}
	for dir := o.dir; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(dir); err == nil || filepath.Dir(dir) == dir {
			break
		}
		o.created = append(o.created, dir)
	}
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		o.abort()
		return nil, err
	}
	return o, nil
}

// create opens the temporary file that becomes final on commit. It is
// hidden and not named as answers, so a folder input never reads it.
func (o *outputs) create(final string) (*os.File, error) {
	f, err := os.CreateTemp(o.dir, "."+filepath.Base(final)+".tmp-*")
	if err != nil {
		return nil, err
	}
	// CreateTemp makes the file private; an output keeps the mode of the
	// file it replaces, or gets a data file's usual one.
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(final); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	o.files = append(o.files, &pending{final: final, tmp: f})
	return f, nil
}

// commit makes each file durable and renames it into place, in the order
// they were created (the Parquet file is created last), then syncs the
// folder so the renames are durable too.
func (o *outputs) commit() error {
	for _, p := range o.files {
		if err := p.tmp.Sync(); err != nil {
			return err
		}
		if err := p.tmp.Close(); err != nil {
			return err
		}
	}
	for i, p := range o.files {
		if err := os.Rename(p.tmp.Name(), p.final); err != nil {
			return err
		}
		o.files[i] = nil
	}
	o.files = nil
	if d, err := os.Open(o.dir); err == nil {
		d.Sync()
		d.Close()
	}
	o.created = nil
	return nil
}

// abort removes what a failed run made; after commit it does nothing.
func (o *outputs) abort() {
	for _, p := range o.files {
		if p != nil {
			p.tmp.Close()
			os.Remove(p.tmp.Name())
		}
	}
	o.files = nil
	for _, dir := range o.created {
		os.Remove(dir) // only if empty: another process may have put something there
	}
	o.created = nil
}

// checkInputs refuses an input that is plainly not answers before any
// record is read: a Parquet file (ingest's own output, given back).
func checkInputs(files []Input) error {
	for _, in := range files {
		f, err := os.Open(in.Path)
		if err != nil {
			return err
		}
		var head [4]byte
		n, _ := io.ReadFull(f, head[:])
		f.Close()
		if n == 4 && string(head[:]) == "PAR1" {
			return errorText.Errorf(errParquetInput, in.Path)
		}
	}
	return nil
}

// RejectsPath is where Run puts the records it did not accept.
func RejectsPath(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".rejects.ndjson"
}

// SetAsidePath is where Run puts the answers of accepted records that the
// current version has no column for (see SetAside).
func SetAsidePath(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".setaside.ndjson"
}
