package collect_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/ingest"
)

// TestRecoverKeepsGoodLines starts a collector on a 1,000-line log with
// bad lines in the middle: only the bad lines are set aside, with their
// offsets and exact bytes; every later line stays in the log, /stats and
// ingest count it, and a re-post of an answer stored after a bad line is
// a duplicate.
func TestRecoverKeepsGoodLines(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 1000)
	var good [][]byte // the 1,000 log lines, newline included
	for _, raw := range subs {
		sub, err := answer.DecodeJSON(raw)
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(answer.LogLine{ReceivedAt: "2026-03-01T10:00:00Z", Submission: sub})
		good = append(good, append(line, '\n'))
	}
	type mangle struct {
		after int    // the bad line goes after this many good lines…
		cut   bool   // …in place of the next one, cut short; else inserted
		text  []byte // the bad line without its newline (when not cut)
	}
	cases := []struct {
		name    string
		bad     []mangle
		noFinal bool // the log's last line lacks its newline
		want    int  // answers /stats and ingest count
	}{
		{"empty line after line 500", []mangle{{after: 500, text: []byte{}}}, false, 1000},
		{"line 10 cut short", []mangle{{after: 9, cut: true}}, false, 999},
		{"both", []mangle{{after: 9, cut: true}, {after: 500, text: []byte{}}}, false, 999},
		{"not UTF-8", []mangle{{after: 300, text: []byte("{\"received_at\":\"\xff\xfe")}}, false, 1000},
		// Read as ingest reads the log: a key no submission has is not an
		// answer, though a lenient JSON reader would take the line.
		{"a line ingest cannot read", []mangle{{after: 200, text: []byte(`{"received_at":"2026-03-01T10:00:00Z","submission":{"response_id":"r-extra-0123456789","survey":"x","lang":"en","answers":{},"extra":1}}`)}}, false, 1000},
		{"torn last line", []mangle{{after: 999, cut: true}}, true, 999},
		{"whole last line without its newline", nil, true, 1000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var log, kept bytes.Buffer
			var want []collect.SetAsideLine
			bad := c.bad
			for i := 0; i <= len(good); i++ {
				cut := false
				for len(bad) > 0 && bad[0].after == i {
					text := bad[0].text
					if bad[0].cut {
						text = good[i][:len(good[i])/2]
						cut = true
					}
					l := collect.SetAsideLine{Offset: int64(log.Len())}
					if s := string(text); strings.ToValidUTF8(s, "?") == s {
						l.Line = &s
					} else {
						l.LineBase64 = text
					}
					want = append(want, l)
					log.Write(text)
					if !(c.noFinal && i == len(good)-1) {
						log.WriteByte('\n')
					}
					bad = bad[1:]
				}
				if i == len(good) || cut {
					continue
				}
				kept.Write(good[i])
				if c.noFinal && i == len(good)-1 {
					log.Write(good[i][:len(good[i])-1])
				} else {
					log.Write(good[i])
				}
			}
			dir := t.TempDir()
			logPath := filepath.Join(dir, s.ID, "answers.ndjson")
			os.MkdirAll(filepath.Dir(logPath), 0o755)
			if err := os.WriteFile(logPath, log.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}

			srv, hs := start(t, s, collect.Options{DataDir: dir})
			rec := srv.Recovered()
			if rec.Kept != c.want || rec.SetAside != len(want) || (rec.File == "") != (len(want) == 0) {
				t.Errorf("Recovered() = %+v; want %d kept, %d set aside", rec, c.want, len(want))
			}
			if after, _ := os.ReadFile(logPath); !bytes.Equal(after, kept.Bytes()) {
				t.Errorf("the log after recovery is not the good lines (%d bytes, want %d)", len(after), kept.Len())
			}
			torn, _ := filepath.Glob(filepath.Join(dir, s.ID, "torn-*.ndjson"))
			if len(want) == 0 && len(torn) > 0 {
				t.Errorf("set-aside files %v with nothing to set aside", torn)
			}
			if len(want) > 0 {
				if len(torn) != 1 || torn[0] != rec.File {
					t.Fatalf("set-aside files %v; Recovered says %q", torn, rec.File)
				}
				data, _ := os.ReadFile(torn[0])
				var got []collect.SetAsideLine
				for _, l := range lines(t, torn[0]) {
					var sa collect.SetAsideLine
					if err := json.Unmarshal([]byte(l), &sa); err != nil {
						t.Fatalf("set-aside line %s: %v", l, err)
					}
					got = append(got, sa)
				}
				if fmt.Sprint(show(got)) != fmt.Sprint(show(want)) {
					t.Errorf("set aside:\n%s\nwant:\n%v", data, show(want))
				}
			}

			r := do(t, "GET", hs.URL+"/stats", nil, nil)
			if !strings.Contains(r.body, fmt.Sprintf(`"answers":%d,`, c.want)) {
				t.Errorf("/stats: %s; want %d answers", r.body, c.want)
			}
			r = do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, subs[699])
			if r.status != 200 || !strings.Contains(r.body, `"duplicate":true`) {
				t.Errorf("re-post of line 700: %d %s", r.status, r.body)
			}

			st, err := ingest.Run(s, []ingest.Input{{Path: dir}}, filepath.Join(t.TempDir(), "a.parquet"), ingest.Options{})
			if err != nil || st.Accepted != c.want || st.Rejected != 0 {
				t.Errorf("ingest of the folder: %+v, %v; want %d accepted", st, err, c.want)
			}

			// A second start finds nothing more to set aside.
			hs.Close()
			srv.Close()
			srv2, _ := start(t, s, collect.Options{DataDir: dir})
			if rec := srv2.Recovered(); rec.SetAside != 0 || rec.Kept != c.want {
				t.Errorf("second start: %+v", rec)
			}
		})
	}
}

// show prints set-aside lines comparably.
func show(ls []collect.SetAsideLine) []string {
	var out []string
	for _, l := range ls {
		text := fmt.Sprintf("base64 %x", l.LineBase64)
		if l.Line != nil {
			text = fmt.Sprintf("%q", *l.Line)
		}
		out = append(out, fmt.Sprintf("%d %s", l.Offset, text))
	}
	return out
}

// TestRecoverLeftoverCopy: a crash during a recovery can leave its copy
// of the log beside the log, which is still whole then; the next start
// removes the copy and reads the log.
func TestRecoverLeftoverCopy(t *testing.T) {
	s := survey(t)
	dir := t.TempDir()
	srv, hs := start(t, s, collect.Options{DataDir: dir})
	for _, body := range submissions(t, s, 3) {
		if r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, body); r.status != 200 {
			t.Fatal(r.body)
		}
	}
	hs.Close()
	srv.Close()
	whole, _ := os.ReadFile(srv.LogPath())
	leftover := filepath.Join(dir, s.ID, "answers.ndjson.123456.tmp")
	os.WriteFile(leftover, whole[:len(whole)/2], 0o600)

	srv2, _ := start(t, s, collect.Options{DataDir: dir})
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Errorf("the copy a crashed recovery left is still there: %v", err)
	}
	if rec := srv2.Recovered(); rec.Kept != 3 || rec.SetAside != 0 {
		t.Errorf("Recovered() = %+v", rec)
	}
	if after, _ := os.ReadFile(srv2.LogPath()); !bytes.Equal(after, whole) {
		t.Error("the log changed")
	}
}
