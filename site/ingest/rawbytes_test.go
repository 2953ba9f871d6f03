package ingest_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/opros/opros/site/ingest"
)

// TestRejectKeepsBytes: a rejected record that is not valid UTF-8 is kept
// exactly, in raw_base64, beside its raw text (where JSON can hold only
// U+FFFD for the bad bytes); a valid one has no raw_base64.
func TestRejectKeepsBytes(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	dir := t.TempDir()
	latin1 := []byte("{\"response_id\":\"abcdefghijklmnop01\",\"survey\":\"nps-csat-ces\",\"lang\":\"en\",\"answers\":{\"q_comment\":\"caf\xe9\"}}")
	cut := []byte("{\"response_id\":\"abcdefghijklmnop02\",\"hidden\":{\"company\":\"\xd0\x9e\xd0")
	text := []byte(`{"response_id":"abcdefghijklmnop03"}`)
	valid := `{"response_id":"valid-record-000001","survey":"nps-csat-ces","lang":"en","answers":{` + npsAnswers() + `}}`
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, bytes.Join([][]byte{latin1, cut, text, []byte(valid)}, []byte("\n")), 0o644)
	out := filepath.Join(dir, "a.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil || st.Rejected != 3 {
		t.Fatalf("%+v %v", st, err)
	}
	raw, _ := os.ReadFile(ingest.RejectsPath(out))
	lines := bytes.Split(bytes.TrimSpace(raw), []byte("\n"))
	if len(lines) != 3 {
		t.Fatalf("%d rejects", len(lines))
	}
	for i, want := range [][]byte{latin1, cut, text} {
		var r ingest.Reject
		if err := json.Unmarshal(lines[i], &r); err != nil {
			t.Fatal(err)
		}
		got, err := base64.StdEncoding.DecodeString(r.RawBase64)
		switch {
		case i < 2 && (err != nil || !bytes.Equal(got, want)):
			t.Errorf("record %d: raw_base64 %q, want the bytes %q", r.Record, got, want)
		case i == 2 && (r.RawBase64 != "" || r.Raw != string(text)):
			t.Errorf("record %d: %s", r.Record, lines[i])
		}
	}
}
