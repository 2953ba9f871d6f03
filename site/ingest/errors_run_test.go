package ingest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
)

// TestRunErrorsLocalized covers the errors of Run that cmd/opros keeps
// a researcher from meeting (it checks --compression itself and declares
// only --previous versions), in both languages.
func TestRunErrorsLocalized(t *testing.T) {
	s := testkit.Load(t, "../../examples/nps-csat-ces")
	tmp := t.TempDir()
	out := filepath.Join(tmp, "o.parquet")
	a := filepath.Join(tmp, "a.ndjson")
	if err := os.WriteFile(a, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		inputs []ingest.Input
		opts   ingest.Options
		en, ru string
	}{
		{[]ingest.Input{{Path: a}}, ingest.Options{Compression: "lz4"},
			`unknown compression "lz4": use snappy or zstd`, `неизвестное сжатие "lz4": используйте snappy или zstd`},
		{[]ingest.Input{{Path: a, Version: "v0"}}, ingest.Options{},
			a + ": declared as version v0, which is neither the current one nor a --previous version",
			a + ": указана версия v0, но это не текущая версия и не одна из --previous"},
	} {
		_, err := ingest.Run(s, tc.inputs, out, tc.opts)
		if err == nil {
			t.Fatalf("%v %+v: no error", tc.inputs, tc.opts)
		}
		if got := localize.Text(err, "en"); got != tc.en {
			t.Errorf("en: %q, want %q", got, tc.en)
		}
		if got := localize.Text(err, "ru"); got != tc.ru {
			t.Errorf("ru: %q, want %q", got, tc.ru)
		}
	}
}
