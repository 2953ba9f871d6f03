package collect_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/collect"
)

// TestLock: one collector per data folder. A second one refuses, naming
// the holder's pid and address in English and Russian; once the first
// stops, the folder is free; a lock file nobody holds (left by a killed
// collector) blocks nothing.
func TestLock(t *testing.T) {
	s := survey(t)
	dir := t.TempDir()
	first, err := collect.New(s, collect.Options{DataDir: dir, Addr: "127.0.0.1:8123"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := collect.New(s, collect.Options{DataDir: dir, Addr: "127.0.0.1:8124"})
	if err == nil {
		second.Close()
		first.Close()
		t.Fatal("a second collector started on the same data folder")
	}
	pid := fmt.Sprint(os.Getpid())
	for _, lang := range []string{"en", "ru"} {
		text := localize.Text(err, lang)
		if !strings.Contains(text, "pid "+pid) || !strings.Contains(text, "127.0.0.1:8123") || !strings.Contains(text, "--data") {
			t.Errorf("%s: the refusal does not name the holder: %s", lang, text)
		}
	}
	if ru := localize.Text(err, "ru"); !strings.Contains(ru, "занята") {
		t.Errorf("the refusal in Russian: %s", ru)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	lockPath := filepath.Join(dir, s.ID, collect.LockName)
	if data, _ := os.ReadFile(lockPath); len(data) != 0 {
		t.Errorf("the lock file still names a stopped collector: %s", data)
	}
	third, err := collect.New(s, collect.Options{DataDir: dir})
	if err != nil {
		t.Fatalf("after the first stopped: %v", err)
	}
	third.Close()

	// A lock file as a killed collector leaves it, naming a holder that is
	// gone, does not stop the next one, which writes itself in.
	stale := t.TempDir()
	os.MkdirAll(filepath.Join(stale, s.ID), 0o755)
	os.WriteFile(filepath.Join(stale, s.ID, collect.LockName), []byte(`{"pid":999999,"addr":"10.0.0.1:80"}`+"\n"), 0o644)
	srv, err := collect.New(s, collect.Options{DataDir: stale, Addr: "127.0.0.1:8125"})
	if err != nil {
		t.Fatalf("a stale lock file blocked the start: %v", err)
	}
	defer srv.Close()
	var h struct {
		PID  int
		Addr string
	}
	data, _ := os.ReadFile(filepath.Join(stale, s.ID, collect.LockName))
	if json.Unmarshal(data, &h) != nil || h.PID != os.Getpid() || h.Addr != "127.0.0.1:8125" {
		t.Errorf("lock file of the running collector: %s", data)
	}
}
