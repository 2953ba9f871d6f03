package ingest_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/opros/opros/site/ingest"
)

// FuzzIngest feeds arbitrary NDJSON and CSV inputs through the whole of
// ingest and holds it to what it promises whatever the input: it does not
// panic, every record is accepted, rejected or a repeat (none goes
// missing), a run that accepts nothing writes no file, the Parquet file
// holds exactly the accepted rows, every reject
// names a field, a code and a reason, and a second run writes the same
// bytes. Run it with
//
//	go test -run '^$' -fuzz FuzzIngest ./site/ingest/
func FuzzIngest(f *testing.F) {
	s := survey(f, "nps-csat-ces")
	valid := `{"response_id":"fuzz-seed-00000001","survey":"nps-csat-ces","lang":"ru","answers":{` + npsAnswers() + `}}`
	f.Add([]byte(valid+"\n"+valid+"\n{\"response_id\":1}\n\n  \n"), false)
	f.Add([]byte(`{"received_at":"2025-01-02T03:04:05Z","submission":`+valid+"}\n"), false)
	f.Add([]byte(`{"_response_id":"fuzz-flat-000000001","_survey":"nps-csat-ces","_lang":"en","q_nps":"3","q_csat":"4","q_ces":"2","d_speed":"1","d_competence":"2","d_politeness":"3","d_ease":"4","d_price":"5","q_resolved":"no"}`), false)
	f.Add([]byte("\ufeffresponse_id,survey,lang,q_nps,q_csat,q_ces,d_speed,d_competence,d_politeness,d_ease,d_price,q_resolved,q_topics\n"+
		"fuzz-csv-000000001,nps-csat-ces,ru,9,5,6,4,4,4,4,4,yes,product;delivery\n"+
		"fuzz-csv-000000002,nps-csat-ces,ru,ten,5,6,4,4,4,4,4,yes,\n"+
		"\"fuzz-csv-\"000003,nps-csat-ces\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, csv bool) {
		dir := t.TempDir()
		name := "in.ndjson"
		if csv {
			name = "in.csv"
		}
		in := filepath.Join(dir, name)
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		run := func(out string) (ingest.Stats, [][]byte, bool) {
			st, err := ingest.Run(s, []ingest.Input{{Path: in, Wave: 2025}}, out, ingest.Options{})
			if errors.Is(err, ingest.ErrNothingAccepted) {
				// Nothing accepted: every record rejected, and not a
				// file written, not even a temporary one.
				if st.Accepted != 0 || st.Duplicates != 0 {
					t.Errorf("nothing accepted, yet %+v", st)
				}
				if !csv && st.Rejected != records(data) {
					t.Errorf("%d records in, %d rejected", records(data), st.Rejected)
				}
				if left, _ := os.ReadDir(dir); len(left) != 1 {
					t.Errorf("a run that accepted nothing left files: %v", left)
				}
				return st, nil, false
			}
			if err != nil && bytes.HasPrefix(data, []byte("PAR1")) {
				return st, nil, false // refused as a Parquet file
			}
			if err != nil {
				// Only an unreadable CSV header stops a run; the input
				// is left as it was and the error says why.
				if !csv {
					t.Fatalf("NDJSON input stopped the run: %v", err)
				}
				return st, nil, false
			}
			var files [][]byte
			for _, p := range []string{out, ingest.RejectsPath(out), ingest.SetAsidePath(out)} {
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, b)
			}
			return st, files, true
		}
		out := filepath.Join(dir, "a.parquet")
		st, files, ok := run(out)
		if !ok {
			return
		}
		if rows := readTable(t, out).NumRows(); rows != int64(st.Accepted) {
			t.Errorf("%d rows in the file, %d accepted", rows, st.Accepted)
		}
		rejects := 0
		sc := bufio.NewScanner(bytes.NewReader(files[1]))
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			rejects++
			var r ingest.Reject
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("rejects line %d: %v", rejects, err)
			}
			if len(r.Errors) == 0 || r.Record <= 0 {
				t.Errorf("reject without a reason or record number: %s", sc.Bytes())
			}
			for _, e := range r.Errors {
				if e.Field == "" || e.Code == "" || e.Reason == "" {
					t.Errorf("reject error without field, code or reason: %s", sc.Bytes())
				}
			}
		}
		if rejects != st.Rejected {
			t.Errorf("%d lines in the rejects file, %d rejected", rejects, st.Rejected)
		}
		if !csv {
			if got := st.Accepted + st.Rejected + st.Duplicates; got != records(data) {
				t.Errorf("%d records in, %d accepted + %d rejected + %d repeats out", records(data), st.Accepted, st.Rejected, st.Duplicates)
			}
		}
		_, again, _ := run(filepath.Join(dir, "a.parquet"))
		for i := range files {
			if !bytes.Equal(files[i], again[i]) {
				t.Errorf("output %d differs between two runs on the same input", i)
			}
		}
	})
}

// records counts the NDJSON records of data: its lines with more than
// white space.
func records(data []byte) int {
	n := 0
	for _, l := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			n++
		}
	}
	return n
}
