package collect_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/opros/opros/site/collect"
)

// post sends each body once from a few clients at a time and sorts the
// replies: acknowledged (200, with the duplicate flag) or refused for
// storage (503); anything else fails the test.
func post(t *testing.T, url string, bodies [][]byte) (acked map[string]bool, dups, refused int) {
	t.Helper()
	acked = map[string]bool{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan []byte)
	for c := 0; c < 4; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for body := range next {
				res, err := http.Post(url+"/submit", jsonCT, bytes.NewReader(body))
				if err != nil {
					t.Error(err)
					continue
				}
				var r struct {
					OK         bool   `json:"ok"`
					ResponseID string `json:"response_id"`
					Duplicate  bool   `json:"duplicate"`
				}
				json.NewDecoder(res.Body).Decode(&r)
				res.Body.Close()
				mu.Lock()
				switch {
				case res.StatusCode == 200 && r.OK:
					acked[r.ResponseID] = true
					if r.Duplicate {
						dups++
					}
				case res.StatusCode == 503:
					refused++
				default:
					t.Errorf("status %d for a valid answer", res.StatusCode)
				}
				mu.Unlock()
			}
		}()
	}
	for _, b := range bodies {
		next <- b
	}
	close(next)
	wg.Wait()
	return acked, dups, refused
}

// stored counts the log's lines by response id.
func stored(t *testing.T, srv *collect.Server) map[string]int {
	t.Helper()
	log, err := collect.ReadLog(srv.LogPath())
	if err != nil {
		t.Fatalf("log unreadable: %v", err)
	}
	times := map[string]int{}
	for _, l := range log {
		times[l.Submission.ResponseID]++
	}
	return times
}

// checkLog: every acknowledged answer is in the log exactly once, and
// nothing that was not acknowledged is (with exact).
func checkLog(t *testing.T, srv *collect.Server, acked map[string]bool, exact bool) (lost, twice int) {
	t.Helper()
	times := stored(t, srv)
	for id, n := range times {
		if n > 1 {
			twice++
			t.Errorf("%s stored %d times", id, n)
		}
		if exact && !acked[id] {
			t.Errorf("%s is in the log but was not acknowledged", id)
		}
	}
	for id := range acked {
		if times[id] == 0 {
			lost++
			t.Errorf("acknowledged %s is not in the log", id)
		}
	}
	return lost, twice
}

// TestFsyncFails makes every third fsync of the log fail while answers
// arrive: an answer whose fsync failed gets a 503 and is not left in the
// log; a retry once fsync works stores it once.
func TestFsyncFails(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 300)
	var calls, faults atomic.Int64
	collect.FailSync(t, func(f *os.File) error {
		if calls.Add(1)%3 == 1 {
			faults.Add(1)
			return errors.New("injected: fsync failed")
		}
		return f.Sync()
	})
	srv, hs := start(t, s, collect.Options{RatePerMin: 1 << 20})
	acked, dups, refused := post(t, hs.URL, subs)
	if refused == 0 || dups != 0 {
		t.Fatalf("%d refused, %d duplicates with %d fsyncs failed", refused, dups, faults.Load())
	}
	lost, twice := checkLog(t, srv, acked, true)

	// Retries of everything, with fsync failing still: the ones stored are
	// duplicates, the rest are stored now or refused again.
	for round := 0; round < 10 && len(acked) < len(subs); round++ {
		more, _, _ := post(t, hs.URL, subs)
		for id := range more {
			acked[id] = true
		}
	}
	if len(acked) != len(subs) {
		t.Fatalf("%d of %d stored after 10 rounds of retries", len(acked), len(subs))
	}
	l2, t2 := checkLog(t, srv, acked, true)
	t.Logf("fsync faults injected: %d; refused (503): %d; acknowledged answers lost: %d; duplicates stored: %d", faults.Load(), refused, lost+l2, twice+t2)
}

// TestDiskFull runs a collector under a file-size limit (RLIMIT_FSIZE,
// SIGXFSZ ignored: a write past it fails with EFBIG as on a full disk) in
// a child process of the test binary, so the limit binds no other test.
// While the disk is "full", answers get 503, the log keeps no partial
// line, the collector keeps answering; when space returns the same
// answers are stored, once.
func TestDiskFull(t *testing.T) {
	if os.Getenv("OPROS_TEST_DISK_FULL") == "" {
		if testing.Short() {
			t.Skip("runs the test binary again")
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFull$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "OPROS_TEST_DISK_FULL=1")
		out, err := cmd.CombinedOutput()
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "faults_test.go") {
				t.Log(strings.TrimSpace(l))
			}
		}
		if err != nil {
			t.Fatalf("the child under the file-size limit: %v\n%s", err, out)
		}
		return
	}
	signal.Ignore(syscall.SIGXFSZ)
	s := survey(t)
	subs := submissions(t, s, 120)
	srv, hs := start(t, s, collect.Options{RatePerMin: 1 << 20})
	acked, _, refused := post(t, hs.URL, subs[:40])
	if refused != 0 || len(acked) != 40 {
		t.Fatalf("before the limit: %d acknowledged, %d refused", len(acked), refused)
	}
	st, err := os.Stat(srv.LogPath())
	if err != nil {
		t.Fatal(err)
	}
	full := st.Size()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	// Room for half an answer: the next write is cut short.
	lim := old
	lim.Cur = uint64(full + full/40/2)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skipf("cannot set RLIMIT_FSIZE: %v", err)
	}
	more, _, faults := post(t, hs.URL, subs[40:])
	for id := range more {
		acked[id] = true
	}
	if faults == 0 {
		t.Fatalf("no answer refused with the disk full (%d acknowledged)", len(more))
	}
	if st, _ := os.Stat(srv.LogPath()); uint64(st.Size()) > lim.Cur || len(more) == 0 && st.Size() != full {
		t.Errorf("log of %d bytes after a full disk; %d before", st.Size(), full)
	}
	if r := do(t, "GET", hs.URL+"/healthz", nil, nil); r.status != 200 {
		t.Errorf("healthz with the disk full: %d", r.status)
	}
	lost, twice := checkLog(t, srv, acked, true)

	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	again, dups, refused := post(t, hs.URL, subs)
	if refused != 0 || len(again) != len(subs) || dups != len(acked) {
		t.Errorf("space back: %d acknowledged of %d, %d refused, %d duplicates (want %d)", len(again), len(subs), refused, dups, len(acked))
	}
	l2, t2 := checkLog(t, srv, again, true)
	hs.Close()
	srv.Close()
	// The failed writes left nothing for the next start to set aside.
	srv2, _ := start(t, s, collect.Options{DataDir: strings.TrimSuffix(srv.LogPath(), "/"+s.ID+"/answers.ndjson")})
	if rec := srv2.Recovered(); rec.SetAside != 0 || rec.Kept != len(subs) {
		t.Errorf("restart after the full disk: %+v", rec)
	}
	t.Logf("disk-full faults injected: %d answers refused (503); acknowledged answers lost: %d; duplicates stored: %d", faults, lost+l2, twice+t2)
}

// TestTruncateFails: when a failed batch cannot be cut off the log either,
// the collector stores nothing after it (503, /healthz 503) until it can,
// so the failed answer's retry is not stored beside its leftover.
func TestTruncateFails(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 12)
	var failSync, failTrunc atomic.Bool
	var faults atomic.Int64
	collect.FailSync(t, func(f *os.File) error {
		if failSync.Load() {
			faults.Add(1)
			return errors.New("injected: fsync failed")
		}
		return f.Sync()
	})
	collect.FailTruncate(t, func(f *os.File, size int64) error {
		if failTrunc.Load() {
			faults.Add(1)
			return errors.New("injected: truncate failed")
		}
		return f.Truncate(size)
	})
	srv, hs := start(t, s, collect.Options{RatePerMin: 1 << 20})
	acked, _, _ := post(t, hs.URL, subs[:10])
	failSync.Store(true)
	failTrunc.Store(true)
	if _, _, refused := post(t, hs.URL, subs[10:11]); refused != 1 {
		t.Fatalf("an answer whose fsync failed was not refused")
	}
	failSync.Store(false)
	if _, _, refused := post(t, hs.URL, subs[11:12]); refused != 1 {
		t.Errorf("an answer was stored after a failed batch that is still in the log")
	}
	if r := do(t, "GET", hs.URL+"/healthz", nil, nil); r.status != 503 {
		t.Errorf("healthz with a failed batch stuck in the log: %d %s", r.status, r.body)
	}
	failTrunc.Store(false)
	more, dups, refused := post(t, hs.URL, subs[10:])
	if len(more) != 2 || dups != 0 || refused != 0 {
		t.Errorf("once the log can be cut: %d acknowledged, %d duplicates, %d refused", len(more), dups, refused)
	}
	if r := do(t, "GET", hs.URL+"/healthz", nil, nil); r.status != 200 {
		t.Errorf("healthz once the log is cut: %d %s", r.status, r.body)
	}
	for id := range more {
		acked[id] = true
	}
	lost, twice := checkLog(t, srv, acked, true)
	t.Logf("fsync and truncate faults injected: %d; acknowledged answers lost: %d; duplicates stored: %d", faults.Load(), lost, twice)
}
