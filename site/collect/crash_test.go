package collect_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/collect"
)

// TestCrash runs `opros collect` as a real process, posts answers from
// several clients, kills it with SIGKILL mid-stream, restarts it, and does
// that again. Every answer that was acknowledged must be in the log exactly
// once, and the log must stay readable.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a subprocess")
	}
	root := testkit.Root(t)
	bin := filepath.Join(t.TempDir(), "opros")
	build := exec.Command("go", "build", "-o", bin, "./cmd/opros")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	s := survey(t)
	subs := submissions(t, s, 12000)
	data := t.TempDir()

	var mu sync.Mutex
	acked := map[string]bool{}
	next := 0
	for round := 0; round < 4; round++ {
		cmd := exec.Command(bin, "collect", "--survey", filepath.Join(root, "examples/nps-csat-ces"),
			"--data", data, "--addr", "127.0.0.1:0", "--rate", "100000000")
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		words := strings.Fields(line)
		if err != nil || len(words) == 0 || !strings.HasPrefix(words[len(words)-1], "http://") {
			cmd.Process.Kill()
			t.Fatalf("collector did not start: %q %v", line, err)
		}
		base := words[len(words)-1]
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for c := 0; c < 8; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				client := &http.Client{Timeout: 5 * time.Second}
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					mu.Lock()
					var body []byte
					if i%10 == 9 && next > 0 {
						body = subs[(next*7+c)%next] // a retry of an earlier answer
					} else if next < len(subs) {
						body = subs[next]
						next++
					} else {
						mu.Unlock()
						return
					}
					mu.Unlock()
					res, err := client.Post(base+"/submit", jsonCT, bytes.NewReader(body))
					if err != nil {
						continue // the collector died under us: not acknowledged
					}
					var r struct {
						OK         bool   `json:"ok"`
						ResponseID string `json:"response_id"`
					}
					json.NewDecoder(res.Body).Decode(&r)
					res.Body.Close()
					if res.StatusCode == 200 && r.OK {
						mu.Lock()
						acked[r.ResponseID] = true
						mu.Unlock()
					} else {
						t.Errorf("status %d for a valid answer", res.StatusCode)
					}
				}
			}(c)
		}
		time.Sleep(time.Duration(150+100*round) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL: no chance to flush or close anything
		cmd.Wait()
		close(stop)
		wg.Wait()
	}
	// A last start recovers whatever the last kill left, then stops cleanly.
	srv, err := collect.New(s, collect.Options{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	srv.Close()
	log, err := collect.ReadLog(srv.LogPath())
	if err != nil {
		t.Fatalf("log unreadable after crashes: %v", err)
	}
	times := map[string]int{}
	for _, l := range log {
		times[l.Submission.ResponseID]++
	}
	for id, n := range times {
		if n != 1 {
			t.Errorf("%s stored %d times", id, n)
		}
	}
	for id := range acked {
		if times[id] != 1 {
			t.Errorf("acknowledged %s is not in the log", id)
		}
	}
	if len(acked) < 100 {
		t.Errorf("only %d answers acknowledged over 4 rounds; the test proves little", len(acked))
	}
	// What the restarts set aside: at most the one line each kill cut
	// short, and never a line that reads as an answer.
	torn, _ := filepath.Glob(filepath.Join(data, s.ID, "torn-*.ndjson"))
	setAside := 0
	for _, f := range torn {
		for _, l := range lines(t, f) {
			var sa collect.SetAsideLine
			if err := json.Unmarshal([]byte(l), &sa); err != nil || sa.Line == nil && sa.LineBase64 == nil {
				t.Errorf("%s: %s is not a set-aside line", f, l)
				continue
			}
			setAside++
			var ll answer.LogLine
			if sa.Line != nil && json.Unmarshal([]byte(*sa.Line), &ll) == nil && ll.Submission != nil {
				t.Errorf("%s: a whole answer was set aside: %s", f, l)
			}
		}
	}
	if setAside > 4 {
		t.Errorf("%d lines set aside after 4 kills; a kill cuts at most one", setAside)
	}
	t.Logf("%d acknowledged, %d in the log, %d torn lines set aside, over 4 kills", len(acked), len(log), setAside)
}
