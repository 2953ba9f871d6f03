package collect_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opros/opros/site/collect"
)

// lockedBuffer is the HTTP server's error log, written from its goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestGracefulStop stops the HTTP server with a short timeout while a
// client sends its body a byte a second and others post at full speed,
// then closes the collector before the slow body is complete. No handler
// panics, every acknowledged answer is in the log once, and the slow
// client gets a 503 or a closed connection, never a 200 for an answer that
// is not on disk. Either the collector alone is closed (the slow handler
// reaches store after Close) or the connections are cut first, as
// `opros collect` does when its patience runs out.
func TestGracefulStop(t *testing.T) {
	s := survey(t)
	subs := submissions(t, s, 3000) // more than 4 clients post in 300 ms
	for _, cutConnections := range []bool{false, true} {
		t.Run(fmt.Sprintf("cut connections %v", cutConnections), func(t *testing.T) {
			srv, err := collect.New(s, collect.Options{DataDir: t.TempDir(), RatePerMin: 1 << 20})
			if err != nil {
				t.Fatal(err)
			}
			var errLog lockedBuffer
			hs := &http.Server{Handler: srv.Handler(), ErrorLog: log.New(&errLog, "", 0)}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			go hs.Serve(ln)
			base := "http://" + ln.Addr().String()

			// The slow client: headers and all but the last three bytes of
			// its body at once, then a byte a second.
			slowBody := subs[0]
			slowID := responseID(t, slowBody)
			conn, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "POST /submit HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(slowBody))
			conn.Write(slowBody[:len(slowBody)-3])
			slowDone := make(chan string, 1)
			go func() {
				for _, b := range slowBody[len(slowBody)-3:] {
					time.Sleep(time.Second)
					if _, err := conn.Write([]byte{b}); err != nil {
						slowDone <- "write: " + err.Error()
						return
					}
				}
				conn.SetReadDeadline(time.Now().Add(10 * time.Second))
				status, err := bufio.NewReader(conn).ReadString('\n')
				if err != nil {
					slowDone <- "read: " + err.Error()
					return
				}
				slowDone <- strings.TrimSpace(status)
			}()

			// Fast clients until the server stops taking requests.
			var mu sync.Mutex
			acked := map[string]bool{}
			var wg sync.WaitGroup
			for c := 0; c < 4; c++ {
				wg.Add(1)
				go func(c int) {
					defer wg.Done()
					client := &http.Client{Timeout: 5 * time.Second}
					for i := 1 + c; i < len(subs); i += 4 {
						res, err := client.Post(base+"/submit", jsonCT, bytes.NewReader(subs[i]))
						if err != nil {
							return // the server has stopped
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
						}
					}
				}(c)
			}

			time.Sleep(300 * time.Millisecond)
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			err = hs.Shutdown(ctx)
			cancel()
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("Shutdown with a slow client connected: %v; want its timeout", err)
			}
			if cutConnections {
				hs.Close()
			}
			if err := srv.Close(); err != nil {
				t.Fatal(err)
			}
			slow := <-slowDone
			wg.Wait()
			hs.Close()

			if strings.Contains(errLog.String(), "panic") {
				t.Errorf("a handler panicked:\n%s", errLog.String())
			}
			logLines, err := collect.ReadLog(srv.LogPath())
			if err != nil {
				t.Fatal(err)
			}
			times := map[string]int{}
			for _, l := range logLines {
				times[l.Submission.ResponseID]++
			}
			for id, n := range times {
				if n != 1 {
					t.Errorf("%s stored %d times", id, n)
				}
			}
			lost := 0
			for id := range acked {
				if times[id] != 1 {
					lost++
				}
			}
			if lost > 0 {
				t.Errorf("%d acknowledged answers are not in the log", lost)
			}
			if strings.Contains(slow, " 200 ") && times[slowID] != 1 {
				t.Errorf("the slow client got %q but its answer is not on disk", slow)
			}
			if !strings.Contains(slow, " 503 ") && !strings.HasPrefix(slow, "read: ") && !strings.HasPrefix(slow, "write: ") {
				t.Errorf("the slow client got %q; want a 503 or a closed connection", slow)
			}
			t.Logf("%d acknowledged, %d in the log; the slow client: %s", len(acked), len(logLines), slow)
		})
	}
}

func responseID(t testing.TB, body []byte) string {
	var r struct {
		ResponseID string `json:"response_id"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	return r.ResponseID
}

// TestIncompleteBody: a body that stops short of its Content-Length (the
// server's read timeout ran out) is said as incomplete, not as too large,
// and nothing is stored.
func TestIncompleteBody(t *testing.T) {
	s := survey(t)
	body := submissions(t, s, 1)[0]
	srv, err := collect.New(s, collect.Options{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	hs := &http.Server{Handler: srv.Handler(), ReadTimeout: 300 * time.Millisecond}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln)
	defer hs.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /submit HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body))
	conn.Write(body[:len(body)/2])
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	reply, _ := io.ReadAll(res.Body)
	if res.StatusCode != 400 || !strings.Contains(string(reply), "incomplete") {
		t.Errorf("a body cut short: %d %s", res.StatusCode, reply)
	}
	if n := count(t, srv.LogPath()); n != 0 {
		t.Errorf("%d answers stored", n)
	}
}
