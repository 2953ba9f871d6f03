package ingest_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/opros/opros/site/ingest"
)

// TestFiles walks a collector's data folder, which holds a folder per
// survey it serves: this survey's answers are read, less what is not
// answers (the collector's rejects, spam, started and torn lines, an earlier
// ingest's side files, a file of another type), each reported with its
// kind, torn files with their lines; another survey's folder, one with an
// answers.ndjson, is skipped whole and reported once, but a folder
// without one is walked, and a file or folder named as an input is always
// read.
func TestFiles(t *testing.T) {
	data := t.TempDir()
	for _, f := range []string{
		"v/answers.ndjson", "v/rejects.ndjson", "v/spam.ndjson", "v/started.ndjson", "v/torn-20260101T000000Z.ndjson",
		"other/answers.ndjson", "other/rejects.ndjson", "other/old/answers.ndjson",
		"third/answers.ndjson",
		"exports/2024.csv", "exports/2025.jsonl", "exports/notes.txt",
		"out.rejects.ndjson", "out.setaside.ndjson",
	} {
		p := filepath.Join(data, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	// The collector's torn lines, as it now writes them, the last one cut
	// short by a crash; a blank line is not a line set aside.
	torn := `{"offset":10,"line":"{\"received_at\":"}` + "\n\n" + `{"offset":42,"line_base64":"/w=="}` + "\n" + `{"offset":90,"li`
	os.WriteFile(filepath.Join(data, "v/torn-20260101T000000Z.ndjson"), []byte(torn), 0o644)
	os.WriteFile(filepath.Join(data, "v/.collect.lock"), nil, 0o644) // hidden: passed over unsaid
	at := func(f string) string { return filepath.Join(data, f) }
	files, skipped, err := ingest.Files("v", []ingest.Input{
		{Path: data, Wave: 2025},
		{Path: at("other/answers.ndjson")}, // named: read
		{Path: at("third"), Wave: 2024},    // named: read
	})
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []ingest.Input{
		{Path: at("exports/2024.csv"), Wave: 2025}, {Path: at("exports/2025.jsonl"), Wave: 2025},
		{Path: at("v/answers.ndjson"), Wave: 2025},
		{Path: at("other/answers.ndjson")},
		{Path: at("third/answers.ndjson"), Wave: 2024},
	}
	if !reflect.DeepEqual(files, wantFiles) {
		t.Errorf("files\n%v\nwant\n%v", files, wantFiles)
	}
	wantSkipped := []ingest.Skipped{
		{Path: at("exports/notes.txt"), Kind: ingest.SkipOther},
		{Path: at("other"), Kind: ingest.SkipSurvey, Survey: "other"},
		{Path: at("out.rejects.ndjson"), Kind: ingest.SkipIngestOutput},
		{Path: at("out.setaside.ndjson"), Kind: ingest.SkipIngestOutput},
		{Path: at("third"), Kind: ingest.SkipSurvey, Survey: "third"},
		{Path: at("v/rejects.ndjson"), Kind: ingest.SkipCollectorRejects},
		{Path: at("v/spam.ndjson"), Kind: ingest.SkipSpam},
		{Path: at("v/started.ndjson"), Kind: ingest.SkipStarted},
		{Path: at("v/torn-20260101T000000Z.ndjson"), Kind: ingest.SkipTorn, Lines: 3},
	}
	if !reflect.DeepEqual(skipped, wantSkipped) {
		t.Errorf("skipped %v, want %v", skipped, wantSkipped)
	}

	// Only other surveys' folders: nothing to read, and the error says why.
	only := t.TempDir()
	os.MkdirAll(filepath.Join(only, "other"), 0o755)
	os.WriteFile(filepath.Join(only, "other", "answers.ndjson"), nil, 0o644)
	_, skipped, err = ingest.Files("v", []ingest.Input{{Path: only}})
	if err == nil || !strings.Contains(err.Error(), `no answer files of survey "v" in the folder, only other surveys' folders (other)`) || len(skipped) != 1 {
		t.Errorf("a folder of other surveys only: %v, skipped %v", err, skipped)
	}
}
