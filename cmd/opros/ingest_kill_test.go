package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
)

// TestIngestKill9 kills `opros ingest` with SIGKILL at several points of a
// run over 40,000 answers, from reading to the renames, into a folder
// that holds an earlier run's outputs: after each kill every output name
// holds either the earlier run's file, byte for byte, or the complete
// file of the killed run, and a new Parquet file comes with its own side
// files (it is renamed last). Only hidden temporary files may be left.
func TestIngestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds opros and ingests 40,000 answers eleven times")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "opros")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = filepath.Join(testkit.Root(t), "cmd", "opros")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// 2,000 simulated answers, 20 times over under new response ids, and a
	// rejected record in every copy so that the rejects file has lines.
	sim := filepath.Join(tmp, "sim.ndjson")
	simulateTo(t, sim, "-n", "2000", "--seed", "9", npsExample)
	raw, _ := os.ReadFile(sim)
	var big bytes.Buffer
	for c := range 20 {
		big.Write(bytes.ReplaceAll(raw, []byte(`"response_id":"sim-`), fmt.Appendf(nil, `"response_id":"k%02d-`, c)))
		big.WriteString("not an answer\n")
	}
	in := filepath.Join(tmp, "big.ndjson")
	os.WriteFile(in, big.Bytes(), 0o644)
	small := filepath.Join(tmp, "small.ndjson")
	os.WriteFile(small, raw[:bytes.IndexByte(raw[20000:], '\n')+20001], 0o644)

	ingestTo := func(out, input string) (time.Duration, error) {
		start := time.Now()
		out2, err := exec.Command(bin, "ingest", "--survey", npsExample, "-o", out, input).CombinedOutput()
		if err != nil {
			return 0, fmt.Errorf("%v: %s", err, out2)
		}
		return time.Since(start), nil
	}
	names := func(out string) []string { return []string{ingest.RejectsPath(out), ingest.SetAsidePath(out), out} }
	read := func(out string) [][]byte {
		var files [][]byte
		for _, p := range names(out) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, b)
		}
		return files
	}
	// The complete outputs of the big run and an earlier run's outputs of
	// a small one, each in a folder of its own under the same names.
	os.Mkdir(filepath.Join(tmp, "ref"), 0o755)
	os.Mkdir(filepath.Join(tmp, "old"), 0o755)
	if _, err := ingestTo(filepath.Join(tmp, "ref", "answers.parquet"), in); err != nil {
		t.Fatal(err)
	}
	took, err := ingestTo(filepath.Join(tmp, "ref", "answers.parquet"), in)
	if err != nil {
		t.Fatal(err)
	}
	complete := read(filepath.Join(tmp, "ref", "answers.parquet"))
	if _, err := ingestTo(filepath.Join(tmp, "old", "answers.parquet"), small); err != nil {
		t.Fatal(err)
	}
	earlier := read(filepath.Join(tmp, "old", "answers.parquet"))
	if bytes.Equal(earlier[2], complete[2]) || bytes.Equal(earlier[0], complete[0]) {
		t.Fatal("the earlier and the complete outputs are the same")
	}

	// Kill points: when a phase of the run is seen to begin (its temporary
	// file appears in the output folder), and at a share of a run's time
	// near its end.
	type killPoint struct {
		name    string
		after   float64 // share of a run's time
		pattern string  // or: once a file matching it exists ...
		size    int     // ... and holds this many bytes
	}
	points := []killPoint{
		{name: "at once"},
		{name: "spilling rows", pattern: ".opros-ingest-*"},
		{name: "writing the Parquet file", pattern: ".answers.parquet.tmp-*"},
		// Its bytes reach the file at once at the end (a 1 MiB buffer):
		// this kill comes just before, during or after the renames.
		{name: "with the Parquet file's bytes written", pattern: ".answers.parquet.tmp-*", size: len(complete[2]) / 2},
	}
	for _, f := range []float64{0.85, 0.95, 1.0, 1.05} {
		points = append(points, killPoint{name: fmt.Sprintf("at %.0f%%", f*100), after: f})
	}
	outcomes := map[string]int{}
	for i, kp := range points {
		dir := filepath.Join(tmp, fmt.Sprint("kill", i))
		out := filepath.Join(dir, "answers.parquet")
		os.MkdirAll(dir, 0o755)
		for j, p := range names(out) {
			os.WriteFile(p, earlier[j], 0o644)
		}
		cmd := exec.Command(bin, "ingest", "--survey", npsExample, "-o", out, in)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		time.Sleep(time.Duration(kp.after * float64(took)))
		if kp.pattern != "" && !seen(dir, kp.pattern, kp.size, exited) {
			t.Errorf("%s: the run ended before it was seen", kp.name)
		}
		cmd.Process.Kill() // SIGKILL
		<-exited
		frac := kp.name
		var state []string
		for j, p := range names(out) {
			b, err := os.ReadFile(p)
			switch {
			case err != nil:
				t.Errorf("kill %s: %s: %v", frac, filepath.Base(p), err)
			case bytes.Equal(b, earlier[j]) && bytes.Equal(b, complete[j]):
				state = append(state, "either") // the set-aside files: empty either way
			case bytes.Equal(b, earlier[j]):
				state = append(state, "earlier")
			case bytes.Equal(b, complete[j]):
				state = append(state, "complete")
			default:
				t.Errorf("kill %s: %s is neither the earlier file nor the complete one (%d bytes)", frac, filepath.Base(p), len(b))
			}
		}
		if len(state) == 3 && state[2] == "complete" && (state[0] == "earlier" || state[1] == "earlier") {
			t.Errorf("kill %s: a new Parquet file with side files %v", frac, state[:2])
		}
		outcomes[strings.Join(state, "+")]++
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "answers.") {
				t.Errorf("kill %s: %s left in the output folder", frac, e.Name())
			}
		}
	}
	t.Logf("a run takes %v, its Parquet file %d bytes; outcomes of the kills (rejects+setaside+parquet): %v", took, len(complete[2]), outcomes)
	if outcomes["earlier+either+earlier"] == 0 {
		t.Error("no kill came before the renames")
	}
}

// seen waits until a file in dir matches pattern and holds at least size
// bytes, and says whether it did before the process exited.
func seen(dir, pattern string, size int, exited <-chan struct{}) bool {
	for {
		matches, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, m := range matches {
			if fi, err := os.Stat(m); err == nil && fi.Size() >= int64(size) {
				return true
			}
		}
		select {
		case <-exited:
			return false
		case <-time.After(200 * time.Microsecond):
		}
	}
}
