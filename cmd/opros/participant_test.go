package main

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/site/ingest"
)

// TestIngestParticipantRepeats: the demo of a participant-level example
// (one questionnaire per contact center and wave, two of them sent again
// in each wave) ingests as make demo runs it: the summary line counts the
// submissions set aside whole, in English and in Russian.
func TestIngestParticipantRepeats(t *testing.T) {
	const ex = "../../examples/contact-center-2018"
	tmp := t.TempDir()
	in := filepath.Join(tmp, "answers.ndjson")
	simulateTo(t, in, "--seed", "2026", "--config", ex+"/demo/simulate.hcl", ex)
	out := filepath.Join(tmp, "answers.parquet")
	code, stdout, errs := run(t, "ingest", "--survey", ex, "-o", out, in)
	aside := ingest.SetAsidePath(out)
	want := out + ": 28 accepted, 0 rejected, 0 duplicates; 4 repeat submissions set aside whole in " + aside +
		" (one per participant and wave counts: the last)\n"
	if code != exitOK || stdout != want || errs != "" {
		t.Fatalf("ingest: %d\n%q\nwant %q\n%s", code, stdout, want, errs)
	}
	t.Setenv("OPROS_LANG", "ru")
	var ru bytes.Buffer
	Main([]string{"ingest", "--survey", ex, "-o", out, in}, strings.NewReader(""), &ru, io.Discard)
	if want := out + ": принято 28, отклонено 0, повторов 0; повторных анкет отложено 4 — в " + aside +
		" (у участника в волне учитывается одна: последняя)\n"; ru.String() != want {
		t.Errorf("in Russian: %q, want %q", ru.String(), want)
	}
}
