package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/site/answer"
)

// TestSimulateLinks: opros simulate --links makes each simulated answer
// come through a link of its participant and segment in its wave: an
// invitation list made from the unsigned simulation, with one more
// invitee per wave who does not answer, gets every answer signed (ingest
// --keys accepts them all), 2 invitees unanswered; a list one row short
// leaves one answer out, counted.
func TestSimulateLinks(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, `required = true`)
	cfg := filepath.Join(dir, "sim.hcl")
	os.WriteFile(cfg, []byte("responses = 3\nwave \"2024\" {}\nwave \"2025\" {}\nsegment \"retail\" {}\nsegment \"b2b\" {}\ncompany \"acme\" {}\ncompany \"globex\" {}\n"), 0o644)
	code, plain, stderr := run(t, "simulate", "--seed", "5", "--config", cfg, path)
	if code != exitOK {
		t.Fatalf("simulate: %s", stderr)
	}
	lists := map[string][]string{} // wave → invitee rows
	n := 0
	sc := bufio.NewScanner(strings.NewReader(plain))
	for sc.Scan() {
		var sub answer.Submission
		if err := json.Unmarshal(sc.Bytes(), &sub); err != nil {
			t.Fatal(err)
		}
		wave := sub.SubmittedAt[:4]
		lists[wave] = append(lists[wave], sub.Hidden["company"]+","+sub.Hidden["segment"])
		n++
	}
	if len(lists) != 2 || n != 12 {
		t.Fatalf("simulated %d answers in %d waves, want 12 in 2", n, len(lists))
	}
	keys := filepath.Join(dir, "invite.keys")
	invite := func(wave string, rows []string) string {
		in, out := filepath.Join(dir, wave+"-invitees.csv"), filepath.Join(dir, wave+"-links.csv")
		os.WriteFile(in, []byte("company,seg\n"+strings.Join(rows, "\n")+"\n"), 0o644)
		if code, _, stderr := run(t, "invite", "--survey", path, "--list", in, "--keys", keys, "-o", out); code != exitOK {
			t.Fatalf("invite: %s", stderr)
		}
		return wave + "=" + out
	}
	args := []string{"simulate", "--seed", "5", "--config", cfg}
	for _, w := range []string{"2024", "2025"} {
		args = append(args, "--links", invite(w, append(lists[w], "acme,retail")))
	}
	code, signed, stderr := run(t, append(args, path)...)
	if code != exitOK || !strings.Contains(stderr, "12 answers through invitation links; 2 invitees do not answer; 0 simulated answers") {
		t.Fatalf("simulate --links: %d %s", code, stderr)
	}
	in := filepath.Join(dir, "signed.ndjson")
	os.WriteFile(in, []byte(signed), 0o644)
	code, stdout, stderr := run(t, "ingest", "--survey", path, "--keys", keys, "-o", filepath.Join(dir, "signed.parquet"), in)
	if code != exitOK || !strings.Contains(stdout, "12 accepted") {
		t.Errorf("ingest of the signed answers: %d %s %s", code, stdout, stderr)
	}
	short := []string{"simulate", "--seed", "5", "--config", cfg, "--links", invite("2024", lists["2024"][1:]), "--links", invite("2025", lists["2025"]), path}
	if code, _, stderr := run(t, short...); code != exitOK || !strings.Contains(stderr, fmt.Sprintf("%d answers through invitation links; 0 invitees do not answer; 1 simulated", n-1)) {
		t.Errorf("a list one short: %d %s", code, stderr)
	}
}
