package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

// TestReportNoRows: data with no responses (an ingested file's schema and
// metadata, no rows) is refused with exit 1 in English and Russian, and no
// site or JSON is written — before, it built a page reading "n = ".
func TestReportNoRows(t *testing.T) {
	tmp := t.TempDir()
	simulateTo(t, filepath.Join(tmp, "answers.ndjson"), "-n", "5", "--seed", "1", npsExample)
	full := filepath.Join(tmp, "answers.parquet")
	if code, _, errs := run(t, "ingest", "--survey", npsExample, "-o", full, filepath.Join(tmp, "answers.ndjson")); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	empty := filepath.Join(tmp, "empty.parquet")
	emptyCopy(t, full, empty)
	for lang, want := range map[string]string{
		"en": "opros report: the data has no responses (1 file(s) read): there is nothing to report, and nothing was written\n",
		"ru": "opros report: в данных нет ни одного ответа (прочитано файлов: 1): отчитываться не о чем, ничего не записано\n",
	} {
		site, js := filepath.Join(tmp, "site-"+lang), filepath.Join(tmp, lang+".json")
		code, errs := runLang(t, lang, "report", "--survey", npsExample, "-o", site, "--json", js, empty)
		if code != exitInput || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d, stderr %q, want %d and %q", lang, code, errs, exitInput, want)
		}
		for _, p := range []string{site, js} {
			if _, err := os.Stat(p); err == nil {
				t.Errorf("%s: %s was written", lang, p)
			}
		}
	}
}

// emptyCopy writes a Parquet file with from's schema and metadata and no
// rows.
func emptyCopy(t *testing.T, from, to string) {
	t.Helper()
	r, err := file.OpenParquetFile(from, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	fr, err := pqarrow.NewFileReader(r, pqarrow.ArrowReadProperties{}, memory.NewGoAllocator())
	if err != nil {
		t.Fatal(err)
	}
	schema, err := fr.Schema()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	w, err := pqarrow.NewFileWriter(schema, f, nil, pqarrow.DefaultWriterProps())
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
}
