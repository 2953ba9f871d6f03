package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportKeys: the first report makes the keys file beside the data
// (0600) and says so; a rebuild with it gives the same access.csv (tokens,
// passphrases, labels) and the same public site; a damaged keys file stops
// the report with an error in the interface language and leaves the file
// and the earlier report as they were; a keys file inside the public site
// is refused; --keys elsewhere makes a new set of links.
func TestReportKeys(t *testing.T) {
	tmp := t.TempDir()
	simulateTo(t, filepath.Join(tmp, "answers.ndjson"), "-n", "300", "--seed", "3", npsExample)
	data := filepath.Join(tmp, "answers.parquet")
	if code, _, errs := run(t, "ingest", "--survey", npsExample, "-o", data, filepath.Join(tmp, "answers.ndjson")); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	site := filepath.Join(tmp, "site")
	keysFile := filepath.Join(tmp, "nps-csat-ces.keys.json")
	code, out, errs := run(t, "report", "--survey", npsExample, "-o", site, data)
	if code != exitOK || !strings.Contains(out, "new keys file "+keysFile) || !strings.Contains(out, "6 participant report(s) in "+filepath.Join(site, "participants")) {
		t.Fatalf("first report: %d\n%s\n%s", code, out, errs)
	}
	if lines := strings.SplitN(out, "\n", 2); lines[0] != filepath.Join(site, "public", "index.html") {
		t.Errorf("first line %q, want the public index", lines[0])
	}
	if info, err := os.Stat(keysFile); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("keys file: %v %v", info, err)
	}
	access, _ := os.ReadFile(filepath.Join(site, "access.csv"))
	overview, _ := os.ReadFile(filepath.Join(site, "public", "ru", "index.html"))
	keysBefore, _ := os.ReadFile(keysFile)

	code, out, errs = run(t, "report", "--survey", npsExample, "-o", site, data)
	again, _ := os.ReadFile(filepath.Join(site, "access.csv"))
	overview2, _ := os.ReadFile(filepath.Join(site, "public", "ru", "index.html"))
	if code != exitOK || strings.Contains(out, "keys file") || !bytes.Equal(access, again) || !bytes.Equal(overview, overview2) {
		t.Errorf("rebuild: %d, same access.csv %v, same overview %v\n%s%s", code, bytes.Equal(access, again), bytes.Equal(overview, overview2), out, errs)
	}

	os.WriteFile(keysFile, keysBefore[:len(keysBefore)/2], 0o600)
	for lang, want := range map[string]string{"en": "is damaged", "ru": "повреждён"} {
		code, errs := runLang(t, lang, "report", "--survey", npsExample, "-o", site, data)
		if code != exitInput || !strings.Contains(errs, keysFile) || !strings.Contains(errs, want) {
			t.Errorf("%s: damaged keys: %d %s", lang, code, errs)
		}
	}
	if kept, _ := os.ReadFile(keysFile); !bytes.Equal(kept, keysBefore[:len(keysBefore)/2]) {
		t.Error("the damaged keys file was changed")
	}
	if kept, _ := os.ReadFile(filepath.Join(site, "access.csv")); !bytes.Equal(kept, access) {
		t.Error("the earlier report was changed by a run that stopped")
	}

	inside := filepath.Join(site, "public", "k.json")
	if code, _, errs := run(t, "report", "--survey", npsExample, "-o", site, "--keys", inside, data); code != exitUsage || !strings.Contains(errs, "would be published") {
		t.Errorf("keys inside public/: %d %s", code, errs)
	}
	if _, err := os.Stat(inside); err == nil {
		t.Error("a keys file was made inside public/")
	}

	other := filepath.Join(tmp, "other.keys.json")
	if code, _, errs := run(t, "report", "--survey", npsExample, "-o", site, "--keys", other, data); code != exitOK {
		t.Fatalf("--keys elsewhere: %d %s", code, errs)
	}
	if fresh, _ := os.ReadFile(filepath.Join(site, "access.csv")); bytes.Equal(fresh, access) {
		t.Error("a new keys file gave the same links")
	}
}
