package ingest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"github.com/opros/opros/site/ingest"
)

// npsRecord is a valid submission to nps-csat-ces without its closing
// brace, for tests to add to.
func npsAnswers() string {
	return `"q_nps":9,"q_csat":5,"q_ces":6,"d_speed":4,"d_competence":4,"d_politeness":4,"d_ease":4,"d_price":4,"q_resolved":"yes"`
}

// rejectReasons ingests lines into nps-csat-ces and returns the rejects,
// one "record field:code reason" each, and the rejects file's bytes. A
// valid record follows the lines: a run that accepts nothing writes no
// files.
func rejectReasons(t *testing.T, lines []string, name string) ([]string, []byte) {
	t.Helper()
	s := survey(t, "nps-csat-ces")
	dir := t.TempDir()
	in := filepath.Join(dir, name)
	valid := `{"response_id":"valid-record-000001","survey":"nps-csat-ces","lang":"en","answers":{` + npsAnswers() + `}}`
	os.WriteFile(in, []byte(strings.Join(append(lines, valid), "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "out.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in, Wave: 2025}}, out, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(ingest.RejectsPath(out))
	if err != nil {
		t.Fatal(err)
	}
	raw = bytes.ReplaceAll(raw, []byte(dir), []byte("DIR")) // the same in every process
	var got []string
	for _, l := range bytes.Split(bytes.TrimSpace(raw), []byte("\n")) {
		if len(l) == 0 {
			continue
		}
		var r ingest.Reject
		if err := json.Unmarshal(l, &r); err != nil {
			t.Fatal(err)
		}
		for _, e := range r.Errors {
			got = append(got, strings.Join([]string{itoa(r.Record), e.Field + ":" + e.Code, e.Reason}, " "))
		}
	}
	return got, raw
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// badRecords are records of every shape that cannot be read, each with the
// exact reason it must get: reasons are worded by opros, not by the JSON
// library, which words its own at random per process.
var badRecords = []struct{ line, want string }{
	{`{"response_id":5,"survey":"nps-csat-ces","lang":"en","answers":{}}`, `response_id:wrong_type must be a string, not a number`},
	{`{"response_id":"abcdefghijklmnop01","survey":"nps-csat-ces","lang":"en","hidden":{"company":1},"answers":{}}`, `hidden.company:wrong_type must be a string, not a number`},
	{`{"response_id":"abcdefghijklmnop02","survey":"nps-csat-ces","lang":"en","hidden":[],"answers":{}}`, `hidden:wrong_type must be an object of strings, not a list`},
	{`{"response_id":"abcdefghijklmnop03","survey":"nps-csat-ces","lang":"en","answers":{"q_nps":1e400}}`, `answers.q_nps:wrong_type 1e400 is not a usable number`},
	{`{"response_id":"abcdefghijklmnop04","survey":"nps-csat-ces","lang":"en","answers":{},"extra":1}`, `extra:unknown_field is not a key of a submission`},
	{`{"response_id":"abcdefghijklmnop05","survey":"nps-csat-ces","survey":"x","lang":"en","answers":{}}`, `survey:duplicate_key appears twice; which one is meant is not clear, so neither is taken`},
	{`{"response_id":"abcdefghijklmnop06","survey":"nps-csat-ces","lang":"en","answers":{"q_nps":9,"q_nps":10}}`, `answers.q_nps:duplicate_key appears twice; which one is meant is not clear, so neither is taken`},
	{`{"response_id":"abcdefghijklmnop07","lang":"en","answers":{"q_topics":[1],"d_speed":{"a":1}}}`, `answers.d_speed:wrong_type matrix row "a" must hold an option code (a string)`},
	{`not json`, `record:unreadable not valid JSON at byte 1: invalid character 'o' in literal null (expecting 'u')`},
	{`[1,2]`, `record:unreadable a record must be a JSON object, not a list`},
	{`{"a":1} {"b":2}`, `record:unreadable not valid JSON: more after the record's object`},
	// collector log lines, read as strictly as submissions
	{`{"received_at":"2026-01-01T00:00:00Z","submission":{"response_id":"abcdefghijklmnop08","survey":"nps-csat-ces","lang":"en","answers":{` + npsAnswers() + `}},"extra":1}`, `extra:unknown_field is not a key of a collector log line (received_at, submission)`},
	{`{"received_at":"2026-01-01T00:00:00Z","submission":{"response_id":"abcdefghijklmnop09","survey":"nps-csat-ces","lang":"en","answers":{` + npsAnswers() + `}},"submission":{}}`, `submission:duplicate_key appears twice; which one is meant is not clear, so neither is taken`},
	{`{"received_at":1767225600,"submission":{"response_id":"abcdefghijklmnop10","survey":"nps-csat-ces","lang":"en","answers":{` + npsAnswers() + `}}}`, `received_at:wrong_type must be a string (an RFC 3339 time), not a number`},
	{`{"received_at":"2026-01-01T00:00:00Z","submission":[]}`, `submission:wrong_type must be an object, not a list`},
	{`{"received_at":"2026-01-01T00:00:00Z","submission":{"response_id":5}}`, `response_id:wrong_type must be a string, not a number`},
	// flat exports
	{`{"response_id":"abcdefghijklmnop11","survey":"nps-csat-ces","lang":"en","q_nps":"ten"}`, `answers.q_nps:wrong_type "ten" is not a number`},
	{`{"response_id":"abcdefghijklmnop12","survey":"nps-csat-ces","lang":"en","q_nps":9,"q_nps":10}`, `q_nps:duplicate_key appears twice; which one is meant is not clear, so neither is taken`},
	{`{"response_id":"abcdefghijklmnop13","survey":"nps-csat-ces","lang":"en","company":"A","_hidden.company":"B"}`, `hidden.company:duplicate_key is given twice, as "_hidden.company" and as "company"`},
	{`{"response_id":"abcdefghijklmnop14","survey":"nps-csat-ces","lang":"en","q_csat":{"a":1}}`, `answers.q_csat:wrong_type is an object; a flat export holds no nested objects`},
	{`{"response_id":"abcdefghijklmnop15","survey":"nps-csat-ces","lang":"en","q_topics":["billing",2]}`, `answers.q_topics:wrong_type must be a list of option codes (strings)`},
}

// TestRejectReasons: every unreadable record gets its exact reason, naming
// the field at fault.
func TestRejectReasons(t *testing.T) {
	var lines, want []string
	for i, b := range badRecords {
		lines = append(lines, b.line)
		want = append(want, itoa(i+1)+" "+b.want)
	}
	got, _ := rejectReasons(t, lines, "in.ndjson")
	// Some records have more problems than the one listed (validation's):
	// the listed one must be each record's first.
	var first []string
	seen := map[string]bool{}
	for _, g := range got {
		rec := strings.SplitN(g, " ", 2)[0]
		if !seen[rec] {
			seen[rec] = true
			first = append(first, g)
		}
	}
	if !reflect.DeepEqual(first, want) {
		t.Errorf("reasons:\n%s\nwant:\n%s", strings.Join(first, "\n"), strings.Join(want, "\n"))
	}
}

// TestRejectsSameBytesAcrossProcesses: the rejects file of the same input
// is the same bytes in every process. encoding/json v2 picks "cannot" or
// "unable to" for its messages once per process, so a reason that passed
// one of them on differed between runs; eight processes all pick the same
// word by chance once in 128.
func TestRejectsSameBytesAcrossProcesses(t *testing.T) {
	if os.Getenv("OPROS_REJECTS_CHILD") != "" {
		var lines []string
		for _, b := range badRecords {
			lines = append(lines, b.line)
		}
		_, raw := rejectReasons(t, lines, "in.ndjson")
		os.Stdout.Write(raw)
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var first []byte
	for i := 0; i < 8; i++ {
		cmd := exec.Command(exe, "-test.run=^TestRejectsSameBytesAcrossProcesses$", "-test.count=1")
		cmd.Env = append(os.Environ(), "OPROS_REJECTS_CHILD=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		out = out[:bytes.LastIndex(out, []byte("PASS"))] // the test binary's own line
		if i == 0 {
			first = out
			if !bytes.Contains(first, []byte(`"record":1`)) {
				t.Fatalf("the child wrote no rejects:\n%s", first)
			}
			continue
		}
		if !bytes.Equal(out, first) {
			t.Fatalf("process %d wrote other rejects:\n%s\nthan process 1:\n%s", i+1, out, first)
		}
	}
}

// TestFormNames: a flat record (NDJSON or CSV) whose fields are named as
// opros's form-urlencoded format names them — what a Formspree-style
// service stores and exports — is read like one named by the codebook.
func TestFormNames(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	dir := t.TempDir()
	ndjson := filepath.Join(dir, "form.ndjson")
	os.WriteFile(ndjson, []byte(`{"_response_id":"formspree-000000001","_survey":"nps-csat-ces","_version":"`+s.Hash+`","_lang":"ru","_started_at":"2025-03-01T10:00:00Z","_submitted_at":"2025-03-01T10:05:00Z","_hp":"","_hidden.company":"Acme","_hidden.segment":"b2b","q_nps":"9","q_csat":"5","q_ces":"6","d_speed":"4","d_competence":"4","d_politeness":"4","d_ease":"4","d_price":"4","q_resolved":"yes","q_topics":["billing","other"],"q_topics_other":"тариф"}`+"\n"), 0o644)
	csvPath := filepath.Join(dir, "form.csv")
	os.WriteFile(csvPath, []byte("_response_id,_survey,_version,_lang,_submitted_at,_hidden.company,_hidden.segment,q_nps,q_csat,q_ces,d_speed,d_competence,d_politeness,d_ease,d_price,q_resolved,q_topics,q_topics_other\n"+
		"formspree-000000002,nps-csat-ces,"+s.Hash+",en,2025-03-02T10:05:00Z,Beta,b2c,3,2,2,1,2,3,1,2,no,billing;other,\"price, again\"\n"), 0o644)
	out := filepath.Join(dir, "out.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: ndjson}, {Path: csvPath}}, out, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Accepted != 2 || st.Rejected != 0 {
		rej, _ := os.ReadFile(ingest.RejectsPath(out))
		t.Fatalf("%+v\n%s", st, rej)
	}
	rows := readRows(t, out)
	for id, want := range map[string]map[string]any{
		"formspree-000000001": {"survey_id": "nps-csat-ces", "version": s.Hash, "lang": "ru", "wave": int32(2025), "started_at": "2025-03-01T10:00:00Z",
			"company": "Acme", "segment": "b2b", "q_nps": int64(9), "q_resolved": "yes", "q_topics": []string{"billing", "other"}, "q_topics_other": "тариф"},
		"formspree-000000002": {"lang": "en", "started_at": nil, "submitted_at": "2025-03-02T10:05:00Z", "company": "Beta", "segment": "b2c",
			"q_nps": int64(3), "q_resolved": "no", "q_topics": []string{"billing", "other"}, "q_topics_other": "price, again"},
	} {
		row, ok := rows[id]
		if !ok {
			t.Errorf("%s is not in the file", id)
			continue
		}
		for col, v := range want {
			if !reflect.DeepEqual(row[col], v) {
				t.Errorf("%s %s: %#v, want %#v", id, col, row[col], v)
			}
		}
	}
}

// TestCSVRejects: a CSV type error names its column as a field, with a
// type code, and a rejected row is kept as it was written, quotes and
// all, so that nothing of it is lost.
func TestCSVRejects(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	header := "response_id,survey,lang,company,q_nps,q_csat,q_ces,d_speed,d_competence,d_politeness,d_ease,d_price,q_resolved,q_comment"
	rows := []string{
		`csv-row-0000000001,nps-csat-ces,en,Acme,ten,5,6,4,4,4,4,4,yes,"said ""hi"", then left"`,
		"csv-row-0000000002,nps-csat-ces,en,\"Acme, Inc.\",9,5,6,4,4,4,4,4,maybe,\"two\r\nlines\"",
		`csv-row-0000000003,nps-csat-ces,en,Acme,9,5`,
		`csv-row-0000000004,nps-csat-ces,en,Acme,9,5,6,4,4,4,4,4,yes,"bare " quote"`,
	}
	valid := `csv-row-0000000005,nps-csat-ces,en,Acme,9,5,6,4,4,4,4,4,yes,` // a run that accepts nothing writes no files
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	os.WriteFile(in, []byte(header+"\r\n"+strings.Join(append(rows, valid), "\r\n")+"\r\n"), 0o644)
	out := filepath.Join(dir, "out.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in, Wave: 2025}}, out, ingest.Options{})
	if err != nil || st.Rejected != 4 {
		t.Fatalf("%+v %v", st, err)
	}
	raw, _ := os.ReadFile(ingest.RejectsPath(out))
	var got []ingest.Reject
	for _, l := range bytes.Split(bytes.TrimSpace(raw), []byte("\n")) {
		var r ingest.Reject
		json.Unmarshal(l, &r)
		got = append(got, r)
	}
	wantFirst := []string{
		`answers.q_nps:wrong_type "ten" is not a number`,
		`answers.q_resolved:unknown_option "maybe" is not an option (the codes are yes, partly, no)`,
		`record:unreadable the row has 6 fields, the header 14`,
		`record:unreadable parse error on line 6, column 67: extraneous or missing " in quoted-field`,
	}
	for i, r := range got {
		if r.Raw != rows[i] {
			t.Errorf("record %d: raw %q, want the line as written %q", r.Record, r.Raw, rows[i])
		}
		if first := r.Errors[0].Field + ":" + r.Errors[0].Code + " " + r.Errors[0].Reason; first != wantFirst[i] {
			t.Errorf("record %d: %s, want %s", r.Record, first, wantFirst[i])
		}
	}
}

// readRows reads a Parquet file back as response id → column → value (nil
// for null; lists as []string).
func readRows(t *testing.T, path string) map[string]map[string]any {
	t.Helper()
	tbl := readTable(t, path)
	rows := map[string]map[string]any{}
	rr := array.NewTableReader(tbl, 1000)
	defer rr.Release()
	for rr.Next() {
		rec := rr.Record()
		ids := rec.Column(0).(*array.String)
		for i := 0; i < int(rec.NumRows()); i++ {
			row := map[string]any{}
			for c := 0; c < int(rec.NumCols()); c++ {
				row[rec.ColumnName(c)] = cell(rec.Column(c), i)
			}
			rows[ids.Value(i)] = row
		}
	}
	return rows
}

func cell(col arrow.Array, i int) any {
	if col.IsNull(i) {
		return nil
	}
	switch a := col.(type) {
	case *array.String:
		return a.Value(i)
	case *array.Int64:
		return a.Value(i)
	case *array.Int32:
		return a.Value(i)
	case *array.Float64:
		return a.Value(i)
	case *array.Boolean:
		return a.Value(i)
	case *array.Date32:
		return a.Value(i).ToTime().Format("2006-01-02")
	case *array.Timestamp:
		return a.Value(i).ToTime(arrow.Millisecond).UTC().Format("2006-01-02T15:04:05Z07:00")
	case *array.Dictionary:
		return cell(a.Dictionary(), a.GetValueIndex(i))
	case *array.List:
		start, end := a.ValueOffsets(i)
		out := []string{}
		for j := start; j < end; j++ {
			out = append(out, fmt.Sprint(cell(a.ListValues(), int(j))))
		}
		return out
	}
	return fmt.Sprintf("unread %T", col)
}
