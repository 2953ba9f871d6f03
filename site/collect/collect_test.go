package collect_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/simulate"
)

func survey(t testing.TB) *ir.Survey {
	t.Helper()
	s := testkit.Load(t, "../../examples/nps-csat-ces")
	return s
}

// submissions returns n valid, distinct simulated submissions as JSON.
func submissions(t testing.TB, s *ir.Survey, n int) [][]byte {
	t.Helper()
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: n, Seed: 11}, &buf); err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		out = append(out, append([]byte(nil), sc.Bytes()...))
	}
	if len(out) != n {
		t.Fatalf("simulated %d, want %d", len(out), n)
	}
	return out
}

func start(t testing.TB, s *ir.Survey, opts collect.Options) (*collect.Server, *httptest.Server) {
	t.Helper()
	if opts.DataDir == "" {
		opts.DataDir = t.TempDir()
	}
	srv, err := collect.New(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { hs.Close(); srv.Close() })
	return srv, hs
}

type reply struct {
	status int
	header http.Header
	body   string
}

func do(t testing.TB, method, u string, header map[string]string, body []byte) reply {
	t.Helper()
	req, err := http.NewRequest(method, u, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return reply{res.StatusCode, res.Header, string(b)}
}

func lines(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

func count(t testing.TB, path string) int {
	l := lines(t, path)
	if len(l) == 1 && l[0] == "" {
		return 0
	}
	return len(l)
}

const jsonCT = "application/json"

// TestSubmit walks every answer a submission can get, in order, against one
// collector, and checks what was stored where.
func TestSubmit(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 3)
	dir := t.TempDir()
	srv, hs := start(t, s, collect.Options{DataDir: dir, MaxBody: 64 << 10, RatePerMin: 1000})
	submit := hs.URL + "/submit"

	mutate := func(raw []byte, f func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, _ := json.Marshal(m)
		return b
	}
	honey := mutate(subs[2], func(m map[string]any) { m["hp"] = "http://spam.example" })
	wrongVersion := mutate(subs[1], func(m map[string]any) { m["version"] = "sha256:old" })
	badCode := mutate(subs[1], func(m map[string]any) { m["answers"].(map[string]any)["q_nps"] = float64(11) })

	cases := []struct {
		name    string
		method  string
		header  map[string]string
		body    []byte
		status  int
		inBody  string
		answers int // lines in answers.ndjson afterwards
		rejects int
	}{
		{"valid", "POST", map[string]string{"Content-Type": jsonCT}, subs[0], 200, `"duplicate":false`, 1, 0},
		{"resubmitted", "POST", map[string]string{"Content-Type": jsonCT}, subs[0], 200, `"duplicate":true`, 1, 0},
		{"out of range", "POST", map[string]string{"Content-Type": jsonCT}, badCode, 422, `"field":"answers.q_nps"`, 1, 1},
		{"older form", "POST", map[string]string{"Content-Type": jsonCT}, wrongVersion, 422, `"code":"wrong_version"`, 1, 2},
		{"not JSON", "POST", map[string]string{"Content-Type": jsonCT}, []byte(`{"response_id": `), 422, `"code":"unreadable"`, 1, 3},
		{"unknown key", "POST", map[string]string{"Content-Type": jsonCT}, []byte(`{"respons_id":"x"}`), 422, `"field":"respons_id","code":"unknown_field","reason":"is not a key of a submission"`, 1, 4},
		{"too large", "POST", map[string]string{"Content-Type": jsonCT}, bytes.Repeat([]byte("x"), 65<<10), 413, "larger than", 1, 4},
		{"honeypot", "POST", map[string]string{"Content-Type": jsonCT}, honey, 200, `"ok":true`, 1, 4},
		{"GET", "GET", nil, nil, 405, "use POST", 1, 4},
		{"second valid", "POST", map[string]string{"Content-Type": jsonCT}, subs[1], 200, `"duplicate":false`, 2, 4},
	}
	for _, c := range cases {
		r := do(t, c.method, submit, c.header, c.body)
		if r.status != c.status || !strings.Contains(r.body, c.inBody) {
			t.Errorf("%s: %d %s; want %d and %q", c.name, r.status, r.body, c.status, c.inBody)
		}
		if n := count(t, filepath.Join(dir, s.ID, "answers.ndjson")); n != c.answers {
			t.Errorf("%s: %d answers stored, want %d", c.name, n, c.answers)
		}
		if n := count(t, filepath.Join(dir, s.ID, "rejects.ndjson")); n != c.rejects {
			t.Errorf("%s: %d rejects, want %d", c.name, n, c.rejects)
		}
	}
	if n := count(t, filepath.Join(dir, s.ID, "spam.ndjson")); n != 1 {
		t.Errorf("spam: %d lines, want 1", n)
	}
	// A reject keeps the body as sent and the reasons.
	rej := lines(t, filepath.Join(dir, s.ID, "rejects.ndjson"))[0]
	var rl struct {
		Body   string
		Errors []answer.FieldError
	}
	if err := json.Unmarshal([]byte(rej), &rl); err != nil || rl.Body != string(badCode) || len(rl.Errors) == 0 {
		t.Errorf("reject line %s", rej)
	}
	// The log is what ingest reads: the stored submissions, unchanged.
	log, err := collect.ReadLog(srv.LogPath())
	if err != nil || len(log) != 2 {
		t.Fatalf("ReadLog: %v, %d lines", err, len(log))
	}
	want, _ := answer.DecodeJSON(subs[0])
	if log[0].Submission.ResponseID != want.ResponseID || len(log[0].Submission.Answers) != len(want.Answers) {
		t.Errorf("stored %+v, sent %+v", log[0].Submission, want)
	}
	if _, err := time.Parse(time.RFC3339Nano, log[0].ReceivedAt); err != nil {
		t.Errorf("received_at %q: %v", log[0].ReceivedAt, err)
	}

	r := do(t, "GET", hs.URL+"/stats", nil, nil)
	if r.status != 200 || !strings.Contains(r.body, `"answers":2`) || !strings.Contains(r.body, `"by_language"`) {
		t.Errorf("stats: %d %s", r.status, r.body)
	}
	if r := do(t, "GET", hs.URL+"/healthz", nil, nil); r.status != 200 || !strings.Contains(r.body, `"ok":true`) {
		t.Errorf("healthz: %d %s", r.status, r.body)
	}
}

func TestCORS(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 2)
	cases := []struct {
		name    string
		allowed []string
		origin  string
		status  int
		acao    string
	}{
		{"any origin by default", nil, "https://forms.example", 204, "*"},
		{"listed origin", []string{"https://forms.example"}, "https://forms.example", 204, "https://forms.example"},
		{"other origin", []string{"https://forms.example"}, "https://evil.example", 403, ""},
	}
	for _, c := range cases {
		_, hs := start(t, s, collect.Options{AllowOrigins: c.allowed})
		pre := do(t, "OPTIONS", hs.URL+"/submit", map[string]string{"Origin": c.origin, "Access-Control-Request-Method": "POST"}, nil)
		if pre.status != c.status || pre.header.Get("Access-Control-Allow-Origin") != c.acao {
			t.Errorf("%s: preflight %d, allow-origin %q; want %d %q", c.name, pre.status, pre.header.Get("Access-Control-Allow-Origin"), c.status, c.acao)
		}
		if c.status == 204 && !strings.Contains(pre.header.Get("Access-Control-Allow-Headers"), "Content-Type") {
			t.Errorf("%s: preflight does not allow Content-Type", c.name)
		}
		post := do(t, "POST", hs.URL+"/submit", map[string]string{"Origin": c.origin, "Content-Type": jsonCT}, subs[0])
		wantPost := map[bool]int{true: 200, false: 403}[c.status == 204]
		if post.status != wantPost {
			t.Errorf("%s: POST %d, want %d", c.name, post.status, wantPost)
		}
	}
}

func TestRateLimit(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 4)
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	_, hs := start(t, s, collect.Options{RatePerMin: 2, Now: clock})
	for i, want := range []int{200, 200, 429} {
		r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, subs[i])
		if r.status != want {
			t.Errorf("request %d: %d, want %d", i+1, r.status, want)
		}
		if want == 429 && r.header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	}
	mu.Lock()
	now = now.Add(61 * time.Second)
	mu.Unlock()
	if r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, subs[3]); r.status != 200 {
		t.Errorf("a minute later: %d %s", r.status, r.body)
	}
}

// TestNoJavaScriptForm posts what a browser without JavaScript sends: form
// fields, no response id, hidden fields only in the Referer.
func TestNoJavaScriptForm(t *testing.T) {
	s := survey(t)
	dir := t.TempDir()
	srv, hs := start(t, s, collect.Options{DataDir: dir})
	sub, _ := answer.DecodeJSON(submissions(t, s, 1)[0])
	sub.Lang = "ru"
	form := formOf(s, sub)
	hdr := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html,*/*",
		"Referer": hs.URL + "/nps-csat-ces/ru/?company=acme&segment=bank"}
	r := do(t, "POST", hs.URL+"/submit", hdr, []byte(form.Encode()))
	if r.status != 200 || !strings.Contains(r.header.Get("Content-Type"), "text/html") || !strings.Contains(r.body, "<h1>") {
		t.Fatalf("no-JS submit: %d %s\n%s", r.status, r.header.Get("Content-Type"), r.body)
	}
	log, err := collect.ReadLog(srv.LogPath())
	if err != nil || len(log) != 1 {
		t.Fatalf("log: %v %d", err, len(log))
	}
	got := log[0].Submission
	if !answer.ValidResponseID(got.ResponseID) || !strings.HasPrefix(got.ResponseID, "nojs-") {
		t.Errorf("server-made response id %q", got.ResponseID)
	}
	if got.Hidden["company"] != "acme" {
		t.Errorf("hidden fields from the Referer: %v", got.Hidden)
	}
	// Errors come back as a page a person can read, in both languages.
	form.Set("q_nps", "12")
	r = do(t, "POST", hs.URL+"/submit", hdr, []byte(form.Encode()))
	if r.status != 422 || !strings.Contains(r.body, "q_nps") || !strings.Contains(r.body, "Ответы не приняты") {
		t.Errorf("no-JS reject: %d %s", r.status, r.body)
	}
}

// TestConcurrentRetries sends every answer several times at once from many
// clients: each is stored exactly once and every request is acknowledged.
func TestConcurrentRetries(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 60)
	srv, hs := start(t, s, collect.Options{RatePerMin: 1 << 20})
	var wg sync.WaitGroup
	errs := make(chan string, 1000)
	for copyN := 0; copyN < 4; copyN++ {
		for i := range subs {
			wg.Add(1)
			go func(body []byte) {
				defer wg.Done()
				res, err := http.Post(hs.URL+"/submit", jsonCT, bytes.NewReader(body))
				if err != nil {
					errs <- err.Error()
					return
				}
				res.Body.Close()
				if res.StatusCode != 200 {
					errs <- res.Status
				}
			}(subs[i])
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	log, err := collect.ReadLog(srv.LogPath())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, l := range log {
		seen[l.Submission.ResponseID]++
	}
	if len(log) != len(subs) || len(seen) != len(subs) {
		t.Errorf("%d lines, %d distinct ids; want %d once each", len(log), len(seen), len(subs))
	}
}

// TestRecoverTornLine starts a collector on a log that ends mid-line, as a
// crash during a write leaves it.
func TestRecoverTornLine(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 2)
	dir := t.TempDir()
	srv, hs := start(t, s, collect.Options{DataDir: dir})
	if r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, subs[0]); r.status != 200 {
		t.Fatal(r.body)
	}
	hs.Close()
	srv.Close()
	logPath := srv.LogPath()
	whole, _ := os.ReadFile(logPath)
	torn := []byte(`{"received_at":"2026-03-01T10:00:00Z","submission":{"response_id":"abc`)
	os.WriteFile(logPath, append(append([]byte(nil), whole...), torn...), 0o644)

	srv2, hs2 := start(t, s, collect.Options{DataDir: dir})
	after, _ := os.ReadFile(logPath)
	if !bytes.Equal(after, whole) {
		t.Errorf("log after recovery:\n%s\nwant:\n%s", after, whole)
	}
	set, _ := filepath.Glob(filepath.Join(dir, s.ID, "torn-*.ndjson"))
	if len(set) != 1 {
		t.Fatalf("torn files: %v", set)
	}
	want, _ := json.Marshal(collect.SetAsideLine{Offset: int64(len(whole)), Line: ptr(string(torn))})
	if kept, _ := os.ReadFile(set[0]); !bytes.Equal(kept, append(want, '\n')) {
		t.Errorf("torn line kept as %s, want %s", kept, want)
	}
	// The restarted collector still knows what it stored before.
	if r := do(t, "POST", hs2.URL+"/submit", map[string]string{"Content-Type": jsonCT}, subs[0]); !strings.Contains(r.body, `"duplicate":true`) {
		t.Errorf("resubmission after restart: %s", r.body)
	}
	if r := do(t, "POST", hs2.URL+"/submit", map[string]string{"Content-Type": jsonCT}, subs[1]); r.status != 200 {
		t.Errorf("new answer after restart: %s", r.body)
	}
	if log, err := collect.ReadLog(srv2.LogPath()); err != nil || len(log) != 2 {
		t.Errorf("log after restart: %v, %d lines", err, len(log))
	}
}

func ptr[T any](v T) *T { return &v }

// BenchmarkCollect: accepted submissions per second over loopback HTTP with
// fsync on, from 32 concurrent clients.
func BenchmarkCollect(b *testing.B) {
	s := survey(b)
	subs := submissions(b, s, 20000)
	srv, hs := start(b, s, collect.Options{RatePerMin: 1 << 30})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	var next int64
	var mu sync.Mutex
	b.SetParallelism(16) // × GOMAXPROCS clients
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			mu.Lock()
			body := subs[next%int64(len(subs))]
			// Past the first round ids repeat and would be cheap duplicates;
			// give each request its own id so every one is a real write.
			id := fmt.Sprintf("bench-%016d", next)
			next++
			mu.Unlock()
			body = bytes.Replace(body, []byte(`"response_id":"`), []byte(`"response_id":"`+id), 1)
			res, err := client.Post(hs.URL+"/submit", jsonCT, bytes.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				b.Fatalf("status %d", res.StatusCode)
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "accepted/s")
	if log, err := collect.ReadLog(srv.LogPath()); err != nil || len(log) != b.N {
		b.Fatalf("log has %d answers after %d acknowledged (%v)", len(log), b.N, err)
	}
}

// TestHugeInteger: the collector validates as ingest does, so an integer
// that no column holds exactly is refused with the reason, JSON or form.
func TestHugeInteger(t *testing.T) {
	s := testkit.Load(t, "../../testdata/surveys/numbers.hcl")
	_, hs := start(t, s, collect.Options{RatePerMin: 1000})
	body := `{"response_id":"r-0123456789abcdef","survey":"s","version":"` + s.Hash + `","lang":"en","answers":{"n":1e19}}`
	r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, []byte(body))
	if r.status != 422 || !strings.Contains(r.body, `"field":"answers.n","code":"out_of_range"`) {
		t.Errorf("1e19: %d %s", r.status, r.body)
	}
	form := url.Values{"_response_id": {"r-0123456789abcdeg"}, "_survey": {"s"}, "_version": {s.Hash}, "_lang": {"en"}, "n": {"9007199254740993"}}
	r = do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, []byte(form.Encode()))
	if r.status != 422 || !strings.Contains(r.body, `"code":"out_of_range"`) {
		t.Errorf("9007199254740993 from a form: %d %s", r.status, r.body)
	}
}
