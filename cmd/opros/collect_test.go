package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/collect"
)

// TestCollectLocked: `opros collect` on a data folder another collector
// holds refuses, naming the holder's pid and address, in both languages.
func TestCollectLocked(t *testing.T) {
	survey := filepath.Join(testkit.Root(t), "examples/nps-csat-ces")
	data := t.TempDir()
	holder, err := collect.New(testkit.Load(t, survey), collect.Options{DataDir: data, Addr: "127.0.0.1:8999"})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	for lang, says := range map[string]string{"en": "in use by another collector", "ru": "занята другим приёмником"} {
		code, stderr := runLang(t, lang, "collect", "--survey", survey, "--data", data, "--addr", "127.0.0.1:0")
		if code != exitInput || !strings.Contains(stderr, says) || !strings.Contains(stderr, fmt.Sprintf("pid %d", os.Getpid())) || !strings.Contains(stderr, "127.0.0.1:8999") {
			t.Errorf("%s: exit %d, %s", lang, code, stderr)
		}
	}
}

// TestCollectSaysWhatItSetAside: a collector started on a log with an
// unreadable line says on stderr how many lines it set aside, where, and
// how many it kept, in the interface language; then stops on SIGINT.
func TestCollectSaysWhatItSetAside(t *testing.T) {
	survey := filepath.Join(testkit.Root(t), "examples/nps-csat-ces")
	s := testkit.Load(t, survey)
	for lang, says := range map[string]string{"en": "opros collect: 1 unreadable lines of ", "ru": "opros collect: отложено нечитаемых строк: 1 из "} {
		data := t.TempDir()
		// A log whose one line was cut short before the newline.
		os.MkdirAll(filepath.Join(data, s.ID), 0o755)
		os.WriteFile(filepath.Join(data, s.ID, "answers.ndjson"), []byte(`{"received_at":"2026-`+"\n"), 0o644)
		t.Setenv("OPROS_LANG", lang)
		outR, outW := io.Pipe()
		var errb bytes.Buffer
		done := make(chan int, 1)
		go func() {
			done <- Main([]string{"collect", "--survey", survey, "--data", data, "--addr", "127.0.0.1:0"}, strings.NewReader(""), outW, &errb)
			outW.Close()
		}()
		first, err := bufio.NewReader(outR).ReadString('\n')
		go io.Copy(io.Discard, outR)
		if err != nil || !strings.Contains(first, "http://") {
			t.Fatalf("%s: collector did not start: %q %v", lang, first, err)
		}
		syscall.Kill(os.Getpid(), syscall.SIGINT) // it listens for Ctrl-C from its first line on
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("%s: exit %d after Ctrl-C: %s", lang, code, errb.String())
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: Ctrl-C did not stop the collector", lang)
		}
		torn, _ := filepath.Glob(filepath.Join(data, s.ID, "torn-*.ndjson"))
		if len(torn) != 1 || !strings.Contains(errb.String(), says) || !strings.Contains(errb.String(), torn[0]) {
			t.Errorf("%s: stderr %q; set aside in %v", lang, errb.String(), torn)
		}
	}
}
