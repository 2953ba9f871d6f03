package ingest_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/ingest"
)

// participantSurvey is a company-level benchmark; %s is the rest of its
// benchmark block.
const participantSurvey = `
survey "pl" {
  title = "P"
  wave  = 2025
  endpoint {
    url = "https://example.org/c"
  }
}
hidden "company" {
  role = "participant"
}
page "p" {
  title = "P"
  question "q_nps" {
    type = "nps"
    text = "Recommend?"
  }
  %s
}
benchmark {
  %s
}
`

// participantRecords: acme answers twice in 2025 (a day apart) and once
// in 2026, its first 2025 answer then posted again (the same response id:
// a duplicate, not a repeat); beta twice at the same second (the response
// id decides), once as a flat export; gamma once, recorded against an
// older version with a question since removed (set aside as an answer);
// two records name no company, one of them flat; delta answers once with
// no time (wave 2025, the survey's), once with one.
func participantRecords(current, old string) []string {
	sub := func(id, company, at, ver string, nps int, extra string) string {
		hidden := ""
		if company != "" {
			hidden = fmt.Sprintf(`"hidden":{"company":%q},`, company)
		}
		return fmt.Sprintf(`{"response_id":%q,"survey":"pl","version":%q,"lang":"en",%s"submitted_at":%q,"answers":{"q_nps":%d%s}}`,
			id, ver, hidden, at, nps, extra)
	}
	return []string{
		sub("resp-acme-2025-first", "acme", "2025-03-01T10:00:00Z", old, 5, `,"q_old":"first words"`),
		sub("resp-beta-2025-b", "beta", "2025-03-01T09:00:00Z", current, 7, ""),
		sub("resp-acme-2025-second", "acme", "2025-03-02T10:00:00Z", current, 9, ""),
		`{"response_id":"resp-beta-2025-a","survey":"pl","lang":"en","company":"beta","submitted_at":"2025-03-01T09:00:00Z","q_nps":6}`,
		sub("resp-none-2025-submission", "", "2025-03-03T10:00:00Z", current, 8, ""),
		`{"response_id":"resp-none-flat-export","survey":"pl","lang":"en","company":"","submitted_at":"2025-03-03T10:00:00Z","q_nps":4}`,
		sub("resp-gamma-2025-only", "gamma", "2025-04-01T10:00:00Z", old, 10, `,"q_old":"kept aside"`),
		sub("resp-acme-2025-first", "acme", "2025-03-01T10:00:00Z", old, 5, `,"q_old":"first words"`),
		sub("resp-acme-2026-only", "acme", "2026-02-01T10:00:00Z", current, 3, ""),
		strings.Replace(sub("resp-delta-untimed", "delta", "", current, 2, ""), `"submitted_at":"",`, "", 1),
		sub("resp-delta-2025-timed", "delta", "2025-01-01T10:00:00Z", current, 1, ""),
	}
}

// TestParticipantRepeats: in a participant-level survey one submission
// per participant and wave counts, the last by submission time (ties by
// response id) or the first, as the benchmark's once says; the others are set
// aside whole with the reason, in input order among the set-aside answers,
// and counted; a record naming no participant is rejected; a repeated
// response id stays a duplicate. The files do not depend on whether the
// index runs in memory or on disk, on the order of the input, or on the
// run. A respondent-level survey keeps every submission.
func TestParticipantRepeats(t *testing.T) {
	old := compileSource(t, fmt.Sprintf(participantSurvey, `question "q_old" {
    type = "text"
    text = "Old"
  }`, `unit = "participant"`))
	for _, tc := range []struct {
		name, bench string
		counted     []string
		aside       map[string]string // set aside whole → the response id named as counting
		answers     []string          // records whose removed answer is set aside
	}{
		{"last", `unit = "participant"`,
			[]string{"resp-acme-2025-second", "resp-acme-2026-only", "resp-beta-2025-b", "resp-delta-2025-timed", "resp-gamma-2025-only"},
			map[string]string{"resp-acme-2025-first": "resp-acme-2025-second", "resp-beta-2025-a": "resp-beta-2025-b", "resp-delta-untimed": "resp-delta-2025-timed"},
			[]string{"resp-gamma-2025-only"}},
		{"first", "unit = \"participant\"\n  once = \"first\"",
			[]string{"resp-acme-2025-first", "resp-acme-2026-only", "resp-beta-2025-a", "resp-delta-2025-timed", "resp-gamma-2025-only"},
			map[string]string{"resp-acme-2025-second": "resp-acme-2025-first", "resp-beta-2025-b": "resp-beta-2025-a", "resp-delta-untimed": "resp-delta-2025-timed"},
			[]string{"resp-acme-2025-first", "resp-gamma-2025-only"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := compileSource(t, fmt.Sprintf(participantSurvey, "", tc.bench))
			lines := participantRecords(s.Hash, old.Hash)
			dir := t.TempDir()
			var first map[string][]byte
			for run, order := range [][]string{lines, lines, reversedKeepingFirst(lines)} {
				for _, indexRows := range []int{0, 1} {
					in := filepath.Join(dir, []string{"in.ndjson", "in.ndjson", "reversed.ndjson"}[run])
					os.WriteFile(in, []byte(strings.Join(order, "\n")+"\n"), 0o644)
					out := filepath.Join(dir, "out.parquet")
					st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{IndexRows: indexRows, Previous: []*ir.Survey{old}})
					if err != nil {
						t.Fatal(err)
					}
					want := ingest.Stats{Accepted: len(tc.counted), Rejected: 2, Duplicates: 1, SetAside: len(tc.answers), Repeats: len(tc.aside)}
					if st != want {
						t.Fatalf("run %d, index rows %d: stats %+v, want %+v", run, indexRows, st, want)
					}
					rows := readRows(t, out)
					if got := slices.Sorted(mapsKeys(rows)); !slices.Equal(got, tc.counted) {
						t.Errorf("rows %v, want %v", got, tc.counted)
					}
					checkSetAside(t, ingest.SetAsidePath(out), tc.aside, tc.answers, old.Hash)
					rej, _ := os.ReadFile(ingest.RejectsPath(out))
					if n := strings.Count(string(rej), `"code":"participant_missing"`); n != 2 || !strings.Contains(string(rej), `"field":"hidden.company"`) {
						t.Errorf("rejects, want 2 participant_missing on hidden.company:\n%s", rej)
					}
					// The same input gives the same bytes, whatever the
					// index does; input in another order, the same Parquet.
					files := map[string][]byte{}
					for _, p := range []string{out, ingest.SetAsidePath(out)} {
						files[p], _ = os.ReadFile(p)
					}
					if first == nil {
						first = files
					} else if !bytes.Equal(files[out], first[out]) {
						t.Errorf("run %d, index rows %d: a different Parquet file", run, indexRows)
					} else if run < 2 && !bytes.Equal(files[ingest.SetAsidePath(out)], first[ingest.SetAsidePath(out)]) {
						t.Errorf("run %d, index rows %d: a different set-aside file", run, indexRows)
					}
				}
			}
		})
	}
	t.Run("respondent level", func(t *testing.T) {
		s := compileSource(t, fmt.Sprintf(participantSurvey, "", `min_participants = 3`))
		in := filepath.Join(t.TempDir(), "in.ndjson")
		os.WriteFile(in, []byte(strings.Join(participantRecords(s.Hash, old.Hash), "\n")+"\n"), 0o644)
		out := filepath.Join(t.TempDir(), "out.parquet")
		st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{Previous: []*ir.Survey{old}})
		if err != nil {
			t.Fatal(err)
		}
		// Every record counts, with or without a company, once each.
		if st != (ingest.Stats{Accepted: 10, Duplicates: 1, SetAside: 2}) {
			rej, _ := os.ReadFile(ingest.RejectsPath(out))
			t.Errorf("stats %+v\n%s", st, rej)
		}
	})
}

// reversedKeepingFirst reverses the records but keeps the first one first,
// so that the index keeps the same record of a repeated response id.
func reversedKeepingFirst(lines []string) []string {
	out := []string{lines[0]}
	for i := len(lines) - 1; i > 0; i-- {
		out = append(out, lines[i])
	}
	return out
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// checkSetAside reads the set-aside file: gamma's removed answer, and one
// whole record for each submission that does not count, whose value is the
// record as read and whose reason names the one that counts.
func checkSetAside(t *testing.T, path string, aside map[string]string, answerIDs []string, oldHash string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	whole := map[string]string{}
	var answers, order []string
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var a ingest.SetAside
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		switch a.Field {
		case "record":
			if a.Code != ingest.CodeParticipantRepeat {
				t.Errorf("code %q", a.Code)
			}
			var rec map[string]any
			if err := json.Unmarshal([]byte(a.Value.(string)), &rec); err != nil || rec["response_id"] != a.ResponseID {
				t.Errorf("value %v is not the record %s", a.Value, a.ResponseID)
			}
			if a.ResponseID == "resp-acme-2025-first" && a.Version != oldHash {
				t.Errorf("version %q, want the old one", a.Version)
			}
			for _, counted := range aside {
				if strings.Contains(a.Reason, fmt.Sprintf("response id %q", counted)) {
					whole[a.ResponseID] = counted
				}
			}
			if !strings.Contains(a.Reason, `participant "`) || a.Wave != 2025 {
				t.Errorf("reason %q, wave %d", a.Reason, a.Wave)
			}
		case "answers.q_old":
			answers = append(answers, a.ResponseID)
		default:
			t.Errorf("set aside: %s", line)
		}
		order = append(order, fmt.Sprintf("%s:%d", a.Source, a.Record))
	}
	// A record that does not count is set aside whole, its removed
	// answer with it.
	slices.Sort(answers)
	if !reflect.DeepEqual(whole, aside) || !slices.Equal(answers, answerIDs) {
		t.Errorf("set aside whole %v and the answers of %v, want %v and %v:\n%s", whole, answers, aside, answerIDs, data)
	}
	// Lines are in input order.
	if !slices.IsSortedFunc(order, func(a, b string) int {
		var sa, sb string
		var ra, rb int
		fmt.Sscanf(strings.Replace(a, ":", " ", 1), "%s %d", &sa, &ra)
		fmt.Sscanf(strings.Replace(b, ":", " ", 1), "%s %d", &sb, &rb)
		return cmp.Or(strings.Compare(sa, sb), ra-rb)
	}) {
		t.Errorf("set-aside lines not in input order: %v", order)
	}
}

// TestParticipantRepeatsCSV: a CSV row set aside whole keeps the row as it
// is in the file, and a row with an empty participant cell is rejected.
func TestParticipantRepeatsCSV(t *testing.T) {
	s := compileSource(t, fmt.Sprintf(participantSurvey, "", `unit = "participant"`))
	dir := t.TempDir()
	in := filepath.Join(dir, "export.csv")
	rows := "response_id,survey,lang,company,submitted_at,q_nps\n" +
		"csv-row-0000000001,pl,en,acme,2025-05-01T10:00:00Z,4\n" +
		"csv-row-0000000002,pl,en,acme,2025-05-02T10:00:00Z,8\n" +
		"csv-row-0000000003,pl,en,,2025-05-02T10:00:00Z,8\n"
	os.WriteFile(in, []byte(rows), 0o644)
	out := filepath.Join(dir, "out.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st != (ingest.Stats{Accepted: 1, Rejected: 1, Repeats: 1}) {
		t.Fatalf("stats %+v", st)
	}
	data, _ := os.ReadFile(ingest.SetAsidePath(out))
	var a ingest.SetAside
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if a.ResponseID != "csv-row-0000000001" || a.Record != 1 || a.Value != "csv-row-0000000001,pl,en,acme,2025-05-01T10:00:00Z,4" ||
		!strings.Contains(a.Reason, `"csv-row-0000000002"`) {
		t.Errorf("set aside %+v", a)
	}
}
