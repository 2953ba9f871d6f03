package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/ingest"
)

// files is every file under dir with its bytes.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			raw, _ := os.ReadFile(p)
			out[p] = string(raw)
		}
		return nil
	})
	return out
}

// TestFailedRunLeavesNothing: a run that fails after it has spilled rows,
// sorted index runs to disk and written rejects (an unreadable CSV header
// in its second input) leaves the output folder as it was: the earlier
// run's outputs byte for byte, and not one temporary file.
func TestFailedRunLeavesNothing(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	in := simulated(t, s, "nps-csat-ces", 3000)
	raw, _ := os.ReadFile(in)
	os.WriteFile(in, append(raw, "not an answer\n"...), 0o644)
	dir := t.TempDir()
	out := filepath.Join(dir, "out", "a.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	badCSV := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(badCSV, []byte("response_id,\"survey\n"), 0o644)
	before := files(t, dir)
	_, err := ingest.Run(s, []ingest.Input{{Path: in}, {Path: badCSV}}, out, ingest.Options{IndexRows: 500, BatchRows: 100})
	if err == nil || !strings.Contains(err.Error(), "header") {
		t.Fatalf("want the CSV header's error, got %v", err)
	}
	after := files(t, dir)
	for p, was := range before {
		if after[p] != was {
			t.Errorf("%s changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s left behind", p)
		}
	}
	// Into a folder the run made: the folder goes too.
	fresh := filepath.Join(dir, "new", "deeper", "a.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: badCSV}}, fresh, ingest.Options{}); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !os.IsNotExist(err) {
		t.Errorf("the folder the failed run made is still there: %v", err)
	}
}

// TestNothingAccepted: a run that reads no record, or rejects every one,
// is ErrNothingAccepted, counts what it read, says the first reason in
// English and Russian, and writes nothing.
func TestNothingAccepted(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.ndjson")
	os.WriteFile(empty, []byte("\n\n"), 0o644)
	bad := filepath.Join(dir, "bad.ndjson")
	os.WriteFile(bad, []byte("[1]\n{\"response_id\":5}\n[2]\n"), 0o644)
	out := filepath.Join(dir, "o", "a.parquet")
	for _, tc := range []struct {
		in       string
		rejected int
		en, ru   string
	}{
		{empty, 0, "no records in " + empty + ": nothing to ingest; no output written",
			"в " + empty + " нет ни одной записи: загружать нечего; ничего не записано"},
		{bad, 3, "no answer accepted: all 3 records rejected (2 unreadable, 1 bad_response_id), the first at " + bad + ":1 (record: a record must be a JSON object, not a list); no output written, earlier outputs left as they were",
			"не принято ни одного ответа: отклонены все записи, 3 (2 unreadable, 1 bad_response_id), первая — " + bad + ":1 (record: a record must be a JSON object, not a list); ничего не записано, прежние результаты не тронуты"},
	} {
		st, err := ingest.Run(s, []ingest.Input{{Path: tc.in}}, out, ingest.Options{})
		if !errors.Is(err, ingest.ErrNothingAccepted) || st.Accepted != 0 || st.Rejected != tc.rejected {
			t.Errorf("%s: %+v %v", tc.in, st, err)
			continue
		}
		if got := localize.Text(err, "en"); got != tc.en {
			t.Errorf("en: %q, want %q", got, tc.en)
		}
		if got := localize.Text(err, "ru"); got != tc.ru {
			t.Errorf("ru: %q, want %q", got, tc.ru)
		}
		if _, err := os.Stat(filepath.Join(dir, "o")); !os.IsNotExist(err) {
			t.Errorf("%s: the output folder was made: %v", tc.in, err)
		}
	}
}

// TestOutputRefusals: the refusals are UsageErrors (cmd/opros exits 2 on
// them), made before anything is read or written, whichever way the path
// names the input: relative, absolute, through a symlinked folder.
func TestOutputRefusals(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	dir := t.TempDir()
	in := simulated(t, s, "nps-csat-ces", 3)
	raw, _ := os.ReadFile(in)
	os.WriteFile(filepath.Join(dir, "in.ndjson"), raw, 0o644)
	os.Symlink(dir, filepath.Join(dir, "..", filepath.Base(dir)+"-alias"))
	alias := filepath.Join(filepath.Dir(dir), filepath.Base(dir)+"-alias")
	defer os.Remove(alias)
	t.Chdir(dir)
	for _, tc := range []struct{ out, in string }{
		{"in.ndjson", filepath.Join(dir, "in.ndjson")},
		{filepath.Join(alias, "in.ndjson"), "in.ndjson"},
		{filepath.Join(alias, "x.parquet"), "."},
		{"x.parquet", alias},
		{dir, "in.ndjson"},
	} {
		before := files(t, dir)
		_, err := ingest.Run(s, []ingest.Input{{Path: tc.in}}, tc.out, ingest.Options{})
		var usage *ingest.UsageError
		if !errors.As(err, &usage) {
			t.Errorf("-o %s %s: %v, want a UsageError", tc.out, tc.in, err)
		}
		if after := files(t, dir); len(after) != len(before) || after[filepath.Join(dir, "in.ndjson")] != string(raw) {
			t.Errorf("-o %s %s: files %d, were %d", tc.out, tc.in, len(after), len(before))
		}
	}
}

// TestOutputMode: an output keeps the mode of the file it replaces (the
// temporary file it is written to is private); a new one is 0644.
func TestOutputMode(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	in := simulated(t, s, "nps-csat-ces", 3)
	dir := t.TempDir()
	out := filepath.Join(dir, "a.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o644 {
		t.Errorf("a new output: %v", fi.Mode())
	}
	os.Chmod(out, 0o640)
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o640 {
		t.Errorf("a replaced output: %v, want 0640", fi.Mode())
	}
}
