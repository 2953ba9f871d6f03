// Package export writes a survey's answers, as ingest stored them in
// Parquet, for the tools analysts use: an SPSS system file (.sav, sav.go),
// an Excel workbook (.xlsx, xlsx.go) or CSV (csv.go). Every format has the
// same variables (dict.go): the meta columns, hidden fields and answer
// variables of the codebook, a multi's answer as one 0/1 variable per
// option, codes as numbers with their options as value labels. The data
// files are read a record batch at a time (read.go), so memory stays flat
// in the number of rows.
package export

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/parallel"
)

// Options are an export's settings.
type Options struct {
	// Lang is the language of labels; "" is the survey's first.
	Lang string
	// Labels writes a labelled value as its label in .xlsx and .csv
	// (.sav always keeps codes and their labels apart).
	Labels bool
	// Created is the creation time a .sav file records; zero is now.
	Created time.Time
}

// Result is what an export wrote and what it could not write as the data
// held it.
type Result struct {
	Dict     *Dictionary
	Rows     int64
	Problems Problems
}

// MemoryLimit is the soft limit of the Go heap the command sets (as ingest
// does): the row groups in flight and their compressed bytes take a few
// tens of MB each, and the collector then keeps the process near 200 MB
// whatever the number of rows (measured: 100k and 1M contact-center rows
// alike).
const MemoryLimit = 256 << 20

// Formats are the file extensions Export writes.
var Formats = []string{".sav", ".xlsx", ".csv"}

// Export writes the answers in files (data files of s written by opros
// ingest, in this order) to out, in the format its extension names. The
// file is written beside out under a temporary name and renamed when
// complete, so a failed export leaves an earlier file as it was.
func Export(s *ir.Survey, files []string, out string, opts Options) (*Result, error) {
	ext := strings.ToLower(filepath.Ext(out))
	switch ext {
	case ".sav", ".xlsx", ".csv":
	default:
		return nil, errorText.Errorf(errFormat, out)
	}
	if opts.Lang == "" && len(s.Languages) > 0 {
		opts.Lang = s.Languages[0]
	}
	if opts.Created.IsZero() {
		opts.Created = time.Now().UTC()
	}
	res := &Result{Dict: NewDictionary(s, opts.Lang)}
	for _, v := range res.Dict.Vars {
		if v.kind != "" && !knownKind[v.kind] {
			res.Problems.OtherKind = append(res.Problems.OtherKind, v.Name)
		}
	}
	for _, f := range files {
		n, err := checkFile(s, f)
		if err != nil {
			return nil, err
		}
		res.Rows += n
	}
	if ext == ".xlsx" && len(res.Dict.Vars) > maxColumns {
		return nil, errorText.Errorf(errTooWide, out, len(res.Dict.Vars))
	}
	if ext == ".xlsx" && res.Rows > maxRows-2 {
		return nil, errorText.Errorf(errTooLong, out, res.Rows)
	}
	pieces, err := piecesOf(files)
	if err != nil {
		return nil, err
	}
	rows := func(fn func([]cell) error) error { return eachRow(res.Dict, pieces, &res.Problems, nil, fn) }
	err = atomicWrite(out, func(w io.Writer) error {
		switch ext {
		case ".sav":
			if err := measureStrings(res.Dict, pieces); err != nil {
				return err
			}
			docs := []string{errorText.Format(docExported, opts.Lang, s.ID, s.Hash)}
			for _, r := range res.Dict.Renamed {
				docs = append(docs, errorText.Format(docRenamed, opts.Lang, r.From, r.To))
			}
			return writeSav(w, res.Dict, s.Title.Get(opts.Lang), docs, res.Rows, opts.Created, &res.Problems, pieces)
		case ".xlsx":
			return writeXLSX(w, s, res.Dict, opts, rows)
		}
		return writeCSV(w, res.Dict, opts.Labels, rows)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// Notes are what the command says of an export on stderr, in lang: each
// renamed variable, then whatever could not be written as the data held it.
func (r *Result) Notes(lang string) string {
	var b strings.Builder
	for _, rn := range r.Dict.Renamed {
		b.WriteString(errorText.Format(noteRenamed, lang, rn.From, rn.To))
	}
	p := r.Problems
	for _, v := range r.Dict.Vars {
		if n := p.UnknownCodes[v.Name]; n > 0 {
			b.WriteString(errorText.Format(noteUnknownCodes, lang, v.Name, n))
		}
	}
	if p.BadWeights > 0 {
		b.WriteString(errorText.Format(noteBadWeights, lang, p.BadWeights))
	}
	var files []string
	for f := range p.NoColumn {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		b.WriteString(errorText.Format(noteNoColumn, lang, f, strings.Join(p.NoColumn[f], ", ")))
	}
	for _, name := range p.OtherKind {
		b.WriteString(errorText.Format(noteOtherKind, lang, name))
	}
	if p.LongLabels > 0 {
		b.WriteString(errorText.Format(noteLongLabels, lang, p.LongLabels))
	}
	if p.LongTexts > 0 {
		b.WriteString(errorText.Format(noteLongTexts, lang, p.LongTexts))
	}
	for _, name := range p.ExtraMissing {
		b.WriteString(errorText.Format(noteExtraMissing, lang, name))
	}
	return b.String()
}

// Summary is the line the command prints when the file is written.
func (r *Result) Summary(lang, path string) string {
	return errorText.Format(noteWrote, lang, path, r.Rows, len(r.Dict.Vars))
}

var knownKind = map[string]bool{ir.VarCode: true, ir.VarCodes: true, ir.VarInt: true, ir.VarFloat: true,
	ir.VarString: true, ir.VarDate: true, ir.VarBool: true}

// measureStrings sets each text variable's width to its longest value in
// bytes: a first pass over the text columns alone, so a .sav holds no
// wider strings than the data needs.
func measureStrings(d *Dictionary, pieces []piece) error {
	var texts []int
	for k, v := range d.Vars {
		switch {
		case v.Type == String && v.bound > 0:
			v.Width = v.bound
		case v.Type == String:
			texts = append(texts, k)
		}
	}
	if len(texts) == 0 {
		return nil
	}
	isText := func(v *Variable) bool { return v.Type == String && v.bound == 0 }
	widths := make([][]int, len(pieces)) // by piece, by text variable
	errs := make([]error, len(pieces))
	parallel.For(len(pieces), func(i int) {
		w := make([]int, len(texts))
		var ignored Problems // counted in the second pass
		row := make([]cell, len(d.Vars))
		errs[i] = readPiece(d, pieces[i], &ignored, isText, row, func(row []cell) error {
			for j, k := range texts {
				if n := len(row[k].str); n > w[j] {
					w[j] = n
				}

			}
			return nil
		})
		widths[i] = w
	})
	for i := range pieces {
		if errs[i] != nil {
			return errs[i]
		}
	}
	for j, k := range texts {
		w := 1
		for i := range pieces {
			w = max(w, widths[i][j])
		}
		d.Vars[k].Width = min(w, maxString)
	}
	return nil
}

// maxString is SPSS's widest string, in bytes. Longer texts (opros allows
// 20,000 characters, up to 80,000 bytes) are cut there, and counted.
const maxString = 32767

// atomicWrite writes a file through a temporary one beside it.
func atomicWrite(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return errorText.Errorf(errWrite, path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return errorText.Errorf(errWrite, path, err)
	}
	if err = tmp.Close(); err != nil {
		return errorText.Errorf(errWrite, path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return errorText.Errorf(errWrite, path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return errorText.Errorf(errWrite, path, err)
	}
	return nil
}

// text is a cell as .csv and .xlsx write it: a labelled value as its label
// when labels is set, a number as Go writes it shortest, days and times in
// ISO form (UTC). words is true for text and labels, which a spreadsheet
// must not read as a formula.
func (v *Variable) text(c cell, labels bool) (s string, words bool) {
	if !c.ok {
		return "", false
	}
	switch v.Type {
	case String:
		return c.str, true
	case Date:
		return time.Unix(int64(c.num), 0).UTC().Format(time.DateOnly), false
	case DateTime:
		return time.Unix(int64(c.num), 0).UTC().Format(time.DateTime), false
	}
	if labels {
		if l, ok := v.labelOf(c.num); ok {
			return l, true
		}
	}
	return strconv.FormatFloat(c.num, 'f', -1, 64), false
}

func (v *Variable) labelOf(x float64) (string, bool) {
	for _, l := range v.Labels {
		if l.Value == x {
			return l.Label, true
		}
	}
	return "", false
}
