package score

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
)

// TestErrorText holds the error catalogue's languages to the same verbs.
func TestErrorText(t *testing.T) {
	for _, bad := range errorText.Check(errorCount) {
		t.Error(bad)
	}
}

// TestErrorsNameTheFile: a file that cannot be read is named in the error,
// and a failed read returns no results.
func TestErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	notParquet := filepath.Join(dir, "answers.parquet")
	notJSON := filepath.Join(dir, "results.json")
	for path, body := range map[string]string{notParquet: "not a parquet file, long enough to have a footer", notJSON: `{"n": "many"}`} {
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := eachBatch(notParquet, 0, nil, func(arrow.Record) error { return nil })
	if err == nil || !strings.Contains(err.Error(), notParquet) {
		t.Errorf("reading a file that is not Parquet: %v, want an error naming %s", err, notParquet)
	}
	res, err := ReadJSON(notJSON)
	if err == nil || !strings.Contains(err.Error(), notJSON) || res != nil {
		t.Errorf("ReadJSON of a wrong file: %v, %v; want no results and an error naming %s", res, err, notJSON)
	}
}
