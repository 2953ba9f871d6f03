package collect_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/collect"
)

func prefixes(t *testing.T, v ...string) []netip.Prefix {
	t.Helper()
	p, err := collect.ParseTrustedProxies(v)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParseTrustedProxies(t *testing.T) {
	p, err := collect.ParseTrustedProxies([]string{"10.0.0.0/8, 192.168.1.7", "::1", "172.16.5.9/12"})
	want := "[10.0.0.0/8 192.168.1.7/32 ::1/128 172.16.0.0/12]"
	if err != nil || fmt.Sprint(p) != want {
		t.Errorf("got %v %v, want %s", p, err, want)
	}
	for _, bad := range []string{"10.0.0.0/33", "localhost", "10.0.0.0/8,nope"} {
		if _, err := collect.ParseTrustedProxies([]string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestTrustProxy: behind a trusted proxy respondents are told apart by
// X-Forwarded-For; from any other peer the header changes nothing, so
// writing it does not escape the limit.
func TestTrustProxy(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 8)
	type post struct {
		xff  string
		want int
	}
	cases := []struct {
		name    string
		trusted []string
		posts   []post
	}{
		{"trusted proxy: one limit per respondent", []string{"127.0.0.0/8"}, []post{
			{"203.0.113.1", 200}, {"203.0.113.2", 200}, {"203.0.113.1", 429}, {"203.0.113.3", 200}}},
		{"untrusted peer: the header is ignored", []string{"10.0.0.0/8"}, []post{
			{"203.0.113.1", 200}, {"203.0.113.2", 429}}},
		{"no proxy trusted: the header is ignored", nil, []post{
			{"203.0.113.1", 200}, {"203.0.113.2", 429}}},
		{"a client's own X-Forwarded-For is left of the proxy's hop", []string{"127.0.0.0/8"}, []post{
			{"198.51.100.1, 203.0.113.1", 200}, {"198.51.100.2, 203.0.113.1", 429}}},
		{"trusted hops are skipped", []string{"127.0.0.0/8", "10.0.0.0/8"}, []post{
			{"203.0.113.1, 10.1.2.3", 200}, {"203.0.113.1, 10.9.9.9", 429}, {"203.0.113.2, 10.1.2.3", 200}}},
		{"hops with ports, IPv6", []string{"127.0.0.0/8"}, []post{
			{"203.0.113.1:5000", 200}, {"203.0.113.1:5001", 429}, {"[2001:db8::1]:443", 200}, {"2001:db8::1", 429}, {"2001:db8::2", 200}}},
		{"garbage where the proxy's hop should be: the peer counts", []string{"127.0.0.0/8"}, []post{
			{"203.0.113.1, nonsense", 200}, {"203.0.113.2, nonsense", 429}}},
	}
	for _, c := range cases {
		var trusted []netip.Prefix
		if c.trusted != nil {
			trusted = prefixes(t, c.trusted...)
		}
		_, hs := start(t, s, collect.Options{RatePerMin: 1, TrustedProxies: trusted})
		for i, p := range c.posts {
			r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT, "X-Forwarded-For": p.xff}, subs[i])
			if r.status != p.want {
				t.Errorf("%s: post %d (X-Forwarded-For %s): %d, want %d", c.name, i+1, p.xff, r.status, p.want)
			}
		}
	}
}

// TestRateTableForgets: addresses idle for a minute leave the table.
func TestRateTableForgets(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 51)
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv, hs := start(t, s, collect.Options{RatePerMin: 5, Now: clock, TrustedProxies: prefixes(t, "127.0.0.0/8")})
	for i := 0; i < 50; i++ {
		r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT, "X-Forwarded-For": fmt.Sprintf("198.51.100.%d", i)}, subs[i])
		if r.status != 200 {
			t.Fatalf("post %d: %d %s", i, r.status, r.body)
		}
	}
	if n := collect.RateTableSize(srv); n != 50 {
		t.Fatalf("%d addresses remembered, want 50", n)
	}
	mu.Lock()
	now = now.Add(61 * time.Second)
	mu.Unlock()
	do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT, "X-Forwarded-For": "198.51.100.200"}, subs[50])
	if n := collect.RateTableSize(srv); n != 1 {
		t.Errorf("%d addresses remembered a minute later, want 1 (the new one)", n)
	}
}

type sideStats struct {
	Rejects, Spam collect.SideLogStats
}

func stats(t *testing.T, base string) sideStats {
	t.Helper()
	r := do(t, "GET", base+"/stats", nil, nil)
	var st sideStats
	if err := json.Unmarshal([]byte(r.body), &st); err != nil {
		t.Fatalf("stats %s: %v", r.body, err)
	}
	return st
}

// TestSideLogCap: rejects and spam stop growing at the day's cap; what is
// over it is counted by day, said once a day, shown in /stats and kept
// over a restart; the next day starts a new allowance.
func TestSideLogCap(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 1)
	dir := t.TempDir()
	now := time.Date(2026, 3, 1, 23, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	var said []string
	full := func(path, day string, capBytes int64) {
		mu.Lock()
		defer mu.Unlock()
		said = append(said, fmt.Sprintf("%s %s %d", filepath.Base(path), day, capBytes))
	}
	opts := collect.Options{DataDir: dir, RatePerMin: 1000, Now: clock, SideLogCap: 1000, SideLogFull: full}
	srv, hs := start(t, s, opts)
	bad := []byte(`{"response_id": ` + strings.Repeat(" ", 200)) // one reject line is about 400 bytes
	var honey map[string]any
	json.Unmarshal(subs[0], &honey)
	honey["hp"] = "http://spam.example"
	spam, _ := json.Marshal(honey)
	for i := 0; i < 5; i++ {
		if r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, bad); r.status != 422 {
			t.Fatalf("bad post: %d %s", r.status, r.body)
		}
		// Spam gets 200 whether it was kept or not: a bot learns nothing.
		if r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, spam); r.status != 200 {
			t.Fatalf("spam post: %d %s", r.status, r.body)
		}
	}
	rejects := filepath.Join(dir, s.ID, "rejects.ndjson")
	spamLog := filepath.Join(dir, s.ID, "spam.ndjson")
	kept := count(t, rejects)
	if st, _ := os.Stat(rejects); kept == 0 || kept >= 5 || st.Size() > 1000 {
		t.Fatalf("%d reject lines (%d bytes) kept under a 1000-byte cap", kept, st.Size())
	}
	keptSpam := count(t, spamLog)
	if st, _ := os.Stat(spamLog); keptSpam >= 5 || st.Size() > 1000 {
		t.Fatalf("%d spam lines (%d bytes) kept under a 1000-byte cap", keptSpam, st.Size())
	}
	st := stats(t, hs.URL)
	want := sideStats{
		Rejects: collect.SideLogStats{Stored: kept, Dropped: 5 - kept, DroppedByDay: map[string]int{"2026-03-01": 5 - kept}, CapPerDay: 1000},
		Spam:    collect.SideLogStats{Stored: keptSpam, Dropped: 5 - keptSpam, DroppedByDay: map[string]int{"2026-03-01": 5 - keptSpam}, CapPerDay: 1000},
	}
	if fmt.Sprint(st) != fmt.Sprint(want) {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	mu.Lock()
	slices.Sort(said)
	mu.Unlock()
	if fmt.Sprint(said) != "[rejects.ndjson 2026-03-01 1000 spam.ndjson 2026-03-01 1000]" {
		t.Errorf("said %v, want each log's first drop of the day once", said)
	}

	// A restart the same day neither grants a new allowance nor forgets
	// what was dropped.
	hs.Close()
	srv.Close()
	srv, hs = start(t, s, opts)
	do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, bad)
	if n := count(t, rejects); n != kept {
		t.Errorf("after a restart the same day %d reject lines, want still %d", n, kept)
	}
	if st := stats(t, hs.URL); st.Rejects.Stored != kept || st.Rejects.Dropped != 6-kept || st.Spam.Dropped != 5-keptSpam {
		t.Errorf("stats after restart %+v", st)
	}

	// The next UTC day has its own allowance, and its first drop is said.
	mu.Lock()
	now = now.Add(2 * time.Hour)
	mu.Unlock()
	for i := 0; i < 5; i++ {
		do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, bad)
	}
	if n := count(t, rejects); n != 2*kept {
		t.Errorf("the next day: %d reject lines, want %d", n, 2*kept)
	}
	st = stats(t, hs.URL)
	if st.Rejects.DroppedByDay["2026-03-02"] != 5-kept || st.Rejects.Dropped != 11-2*kept {
		t.Errorf("stats the next day %+v", st.Rejects)
	}
	// A new process says it again: its operator may not have seen the first.
	if fmt.Sprint(said[2:]) != "[rejects.ndjson 2026-03-01 1000 rejects.ndjson 2026-03-02 1000]" {
		t.Errorf("said %v after the restart, want the day's first drop and the next day's", said[2:])
	}
	srv.Close()
	var onDisk map[string]int
	data, _ := os.ReadFile(filepath.Join(dir, s.ID, "rejects.dropped.json"))
	if err := json.Unmarshal(data, &onDisk); err != nil || onDisk["2026-03-01"] != 6-kept || onDisk["2026-03-02"] != 5-kept {
		t.Errorf("rejects.dropped.json %s %v", data, err)
	}
}

// TestRejectKeepsBodyExactly: a body that is not UTF-8 is kept in base64,
// byte for byte; a UTF-8 one as text.
func TestRejectKeepsBodyExactly(t *testing.T) {
	s := survey(t)
	dir := t.TempDir()
	_, hs := start(t, s, collect.Options{DataDir: dir, RatePerMin: 1000})
	bodies := [][]byte{
		[]byte("{\"response_id\": \"\xff\xfe\x80 not utf-8\", \x00\xc3\x28}"),
		[]byte(`{"response_id": "кириллица <b>&amp;</b>`),
		[]byte("a=\xe2\x82&_lang=\xc0\xaf"),
	}
	ctypes := []string{jsonCT, jsonCT, "application/x-www-form-urlencoded"}
	for i, b := range bodies {
		if r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": ctypes[i]}, b); r.status != 422 {
			t.Fatalf("body %d: %d %s", i, r.status, r.body)
		}
	}
	got := lines(t, filepath.Join(dir, s.ID, "rejects.ndjson"))
	if len(got) != len(bodies) {
		t.Fatalf("%d rejects", len(got))
	}
	for i, l := range got {
		var rec struct {
			Body       *string `json:"body"`
			BodyBase64 *string `json:"body_base64"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		var stored []byte
		switch {
		case rec.Body != nil && rec.BodyBase64 == nil:
			stored = []byte(*rec.Body)
		case rec.BodyBase64 != nil && rec.Body == nil:
			stored, _ = base64.StdEncoding.DecodeString(*rec.BodyBase64)
		default:
			t.Errorf("reject %d has body %v and body_base64 %v", i, rec.Body, rec.BodyBase64)
		}
		if !bytes.Equal(stored, bodies[i]) {
			t.Errorf("reject %d stored %q, sent %q", i, stored, bodies[i])
		}
		if wantText := i == 1; (rec.Body != nil) != wantText {
			t.Errorf("reject %d: body as text %v, want %v", i, rec.Body != nil, wantText)
		}
	}
}

// formOf is what the form without JavaScript posts for sub.
func formOf(s *ir.Survey, sub *answer.Submission) url.Values {
	form := url.Values{"_survey": {s.ID}, "_version": {s.Hash}, "_lang": {sub.Lang}}
	for k, v := range sub.Answers {
		switch v := v.(type) {
		case string:
			form.Set(k, v)
		case float64:
			form.Set(k, fmt.Sprint(v))
		case []string:
			form[k] = v
		case bool:
			if v {
				form.Set(k, "on")
			}
		case map[string]string:
			for row, code := range v {
				form.Set(k+"."+row, code)
			}
		}
	}
	return form
}

func TestMultipartForm(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 2)
	dir := t.TempDir()
	srv, hs := start(t, s, collect.Options{DataDir: dir, RatePerMin: 1000})
	encode := func(v url.Values, file bool) ([]byte, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for k, vals := range v {
			for _, x := range vals {
				mw.WriteField(k, x)
			}
		}
		if file {
			fw, _ := mw.CreateFormFile("q_comment", "a.txt")
			fw.Write([]byte("text in a file"))
		}
		mw.Close()
		return b.Bytes(), mw.FormDataContentType()
	}
	sub, _ := answer.DecodeJSON(subs[0])
	form := formOf(s, sub)
	form.Set("_response_id", sub.ResponseID)
	body, ctype := encode(form, false)
	r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": ctype}, body)
	if r.status != 200 || !strings.Contains(r.body, `"response_id":"`+sub.ResponseID+`"`) {
		t.Fatalf("multipart: %d %s", r.status, r.body)
	}
	log, err := collect.ReadLog(srv.LogPath())
	if err != nil || len(log) != 1 || log[0].Submission.ResponseID != sub.ResponseID || len(log[0].Submission.Answers) != len(sub.Answers) {
		t.Fatalf("stored %v %+v, sent %+v", err, log, sub)
	}
	sub2, _ := answer.DecodeJSON(subs[1])
	form2 := formOf(s, sub2)
	for _, c := range []struct {
		name, ctype string
		body        []byte
		inBody      string
	}{
		{"a file", "", nil, "a file was sent"},
		{"no boundary", "multipart/form-data", body, "boundary"},
		{"broken", "multipart/form-data; boundary=zzz", body, "unreadable"},
	} {
		if c.body == nil {
			c.body, c.ctype = encode(form2, true)
		}
		r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": c.ctype}, c.body)
		if r.status != 422 || !strings.Contains(r.body, c.inBody) {
			t.Errorf("%s: %d %s", c.name, r.status, r.body)
		}
	}
	if n := count(t, filepath.Join(dir, s.ID, "rejects.ndjson")); n != 3 {
		t.Errorf("%d rejects, want 3", n)
	}
}

// formsDir lays out forms as opros build does, with a form page carrying
// the empty response id slot the form template writes.
func formsDir(t *testing.T, s *ir.Survey) string {
	t.Helper()
	dir := t.TempDir()
	page := `<!doctype html><form action="/submit" method="post"><input type="hidden" name="_response_id" value=""><input type="hidden" name="_survey" value="` + s.ID + `"></form>`
	for name, text := range map[string]string{
		s.ID + "/en/index.html": page, s.ID + "/en/form.js": "//", s.ID + "/assets/logo.svg": "<svg/>",
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	return dir
}

func TestNoDirectoryListing(t *testing.T) {
	s := survey(t)
	_, hs := start(t, s, collect.Options{FormsDir: formsDir(t, s)})
	for _, c := range []struct {
		path   string
		status int
	}{
		{"/", 404}, {"/" + s.ID + "/", 404}, {"/" + s.ID + "/assets/", 404}, {"/" + s.ID + "/assets", 404},
		{"/" + s.ID + "/en/", 200}, {"/" + s.ID + "/en/form.js", 200}, {"/" + s.ID + "/assets/logo.svg", 200},
		{"/" + s.ID + "/en/index.html", 200}, // redirected to the folder
		{"/nothing", 404}, {"/../../etc/passwd", 404},
	} {
		r := do(t, "GET", hs.URL+c.path, nil, nil)
		if r.status != c.status {
			t.Errorf("GET %s: %d, want %d\n%s", c.path, r.status, c.status, r.body)
		}
		if strings.Contains(r.body, "<pre>") {
			t.Errorf("GET %s lists a folder:\n%s", c.path, r.body)
		}
	}
}

var pageID = regexp.MustCompile(`name="_response_id" value="([^"]*)"`)

// loadForm GETs a form page as a browser does and returns the response id
// the collector put in it.
func loadForm(t *testing.T, u string) string {
	t.Helper()
	r := do(t, "GET", u, nil, nil)
	m := pageID.FindStringSubmatch(r.body)
	if r.status != 200 || m == nil {
		t.Fatalf("GET %s: %d\n%s", u, r.status, r.body)
	}
	if cc := r.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("form page with Cache-Control %q, want no-store", cc)
	}
	return m[1]
}

// TestNoJavaScriptDoubleSubmit: a form page served by the collector has
// its own response id, so posting the same page twice stores one answer,
// and each load of the page is a new response.
func TestNoJavaScriptDoubleSubmit(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 2)
	srv, hs := start(t, s, collect.Options{FormsDir: formsDir(t, s), RatePerMin: 1000})
	page := hs.URL + "/" + s.ID + "/en/"
	id := loadForm(t, page)
	if !answer.ValidResponseID(id) || len(id) < 16 {
		t.Fatalf("page response id %q", id)
	}
	if again := loadForm(t, page); again == id {
		t.Fatalf("two loads of the page got the same id %q", id)
	}
	hdr := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html,*/*", "Referer": page}
	sub, _ := answer.DecodeJSON(subs[0])
	form := formOf(s, sub)
	form.Set("_response_id", id)
	for i := 0; i < 2; i++ {
		if r := do(t, "POST", hs.URL+"/submit", hdr, []byte(form.Encode())); r.status != 200 || !strings.Contains(r.body, "<h1>") {
			t.Fatalf("post %d: %d %s", i+1, r.status, r.body)
		}
	}
	// Another load of the page is another respondent.
	sub2, _ := answer.DecodeJSON(subs[1])
	form2 := formOf(s, sub2)
	form2.Set("_response_id", loadForm(t, page))
	do(t, "POST", hs.URL+"/submit", hdr, []byte(form2.Encode()))
	log, err := collect.ReadLog(srv.LogPath())
	if err != nil || len(log) != 2 {
		t.Fatalf("log: %v, %d answers, want 2 (the page posted twice stored once)", err, len(log))
	}
	if log[0].Submission.ResponseID != id {
		t.Errorf("stored id %q, the page had %q", log[0].Submission.ResponseID, id)
	}
}

// TestDropCountsUnreadable: a counts file that does not read stops the
// start with its name, rather than the counts starting again unsaid.
func TestDropCountsUnreadable(t *testing.T) {
	s := survey(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, s.ID), 0o755)
	counts := filepath.Join(dir, s.ID, "spam.dropped.json")
	os.WriteFile(counts, []byte(`{"2026-03-01": "many"}`), 0o644)
	srv, err := collect.New(s, collect.Options{DataDir: dir})
	if err == nil {
		srv.Close()
		t.Fatal("started over an unreadable counts file")
	}
	if !strings.Contains(err.Error(), counts) || !strings.Contains(err.Error(), "move it away") {
		t.Errorf("error %v", err)
	}
	// The folder is free again for the next try.
	os.Remove(counts)
	srv, err = collect.New(s, collect.Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	srv.Close()
}
