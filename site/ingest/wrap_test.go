package ingest

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// TestErrorsSayWhat: an I/O failure inside a run says what ingest was
// doing, and the cause stays reachable with errors.Is.
func TestErrorsSayWhat(t *testing.T) {
	c := &chunk{recs: []chunkRecord{{Record: Record{Source: "in.ndjson", Number: 1, Raw: []byte("x")},
		errs: []answer.FieldError{{Field: "record", Code: "unreadable", Reason: "not valid JSON"}}}}}
	err := sequence(c, &Stats{}, json.NewEncoder(failingWriter{}), nil, nil, nil, nil, new(int64), &rejectSummary{})
	if !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), "write the rejects") {
		t.Errorf("a failed rejects write: %v", err)
	}

	s := testkit.Load(t, "../../examples/nps-csat-ces")
	schema, err := Schema(s)
	if err != nil {
		t.Fatal(err)
	}
	dicts := newCodeDictionaries(s, schema)
	defer dicts.release()
	rg := newRowGroupBuilder(s, spillVersions(s, nil), dicts)
	defer rg.release()
	spill, err := os.Create(filepath.Join(t.TempDir(), "spill"))
	if err != nil {
		t.Fatal(err)
	}
	spill.Close()
	_, err = rg.build(spill, []rowRef{{size: 10}})
	if !errors.Is(err, os.ErrClosed) || !strings.Contains(err.Error(), "read the spill file") {
		t.Errorf("a failed spill read: %v", err)
	}
}
