package ingest_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow/array"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/invite"
)

func inviteKey(t *testing.T) *invite.Key {
	k, _, err := invite.LoadOrCreate(filepath.Join(t.TempDir(), "invite.keys"))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// invitationRecord is an answer to the example through an invitation
// signed by k for acme (or none when id is ""); edit changes the record
// after signing, as a respondent editing the link would.
func invitationRecord(s *ir.Survey, k *invite.Key, rid, id, exp, at string, edit func(map[string]any)) string {
	hidden := map[string]string{"company": "acme", "segment": "b2c"}
	rec := map[string]any{"response_id": rid, "survey": s.ID, "version": s.Hash, "lang": "en", "submitted_at": at,
		"hidden": hidden, "answers": map[string]any{"q_nps": 9, "q_csat": 5, "q_ces": 6, "d_speed": 4, "d_competence": 4,
			"d_politeness": 4, "d_ease": 4, "d_price": 4, "q_resolved": "yes"}}
	if id != "" {
		rec["invitation"] = map[string]string{"id": id, "exp": exp,
			"sig": k.Sign(invite.Signed{Survey: s.ID, ID: id, Expires: exp, Hidden: hidden})}
	}
	if edit != nil {
		edit(rec)
	}
	raw, _ := json.Marshal(rec)
	return string(raw)
}

// TestInvitations: ingest keeps the answers whose invitation verifies,
// with its id in the invitation column (never the signature), and
// rejects with the reason a forged company=, an expired link, a key since
// replaced and, when invitations are required, an answer without one;
// when they are optional that answer is kept with a null invitation.
func TestInvitations(t *testing.T) {
	base := survey(t, "nps-csat-ces")
	k, old := inviteKey(t), inviteKey(t)
	const at = "2026-05-10T10:00:00Z"
	forge := func(r map[string]any) { r["hidden"].(map[string]string)["company"] = "rival" }
	lines := []string{
		invitationRecord(base, k, "r-signed-0000001", "inv1", "", at, nil),
		invitationRecord(base, k, "r-signed-0000002", "inv2", "2026-05-31", at, nil),
		invitationRecord(base, k, "r-forged-0000003", "inv3", "", at, forge),
		invitationRecord(base, k, "r-expired-000004", "inv4", "2026-05-09", at, nil),
		invitationRecord(base, old, "r-oldkey-0000005", "inv5", "", at, nil),
		invitationRecord(base, k, "r-nosign-0000006", "", "", at, nil),
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	for _, tc := range []struct {
		name     string
		required bool
		accepted int
		ids      []string // the invitation column, by response id order
	}{
		{"required", true, 2, []string{"inv1", "inv2"}},
		{"optional", false, 3, []string{"", "inv1", "inv2"}}, // r-nosign… sorts first
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := *base
			s.Invitations = &ir.Invitations{Required: tc.required}
			out := filepath.Join(dir, tc.name, "out.parquet")
			if _, err := ingest.Run(&s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err == nil || !strings.Contains(err.Error(), "--keys") {
				t.Fatalf("without a key: %v", err)
			}
			st, err := ingest.Run(&s, []ingest.Input{{Path: in}}, out, ingest.Options{Invitations: k})
			if err != nil {
				t.Fatal(err)
			}
			if st.Accepted != tc.accepted || st.Rejected != len(lines)-tc.accepted {
				t.Fatalf("stats %+v", st)
			}
			rej, _ := os.ReadFile(ingest.RejectsPath(out))
			want := []string{`"field":"invitation.sig","code":"altered"`, `"field":"invitation.exp","code":"expired"`, `"field":"invitation.sig","code":"other_key"`}
			if tc.required {
				want = append(want, `"field":"invitation","code":"invitation_missing"`)
			}
			for _, w := range want {
				if !strings.Contains(string(rej), w) {
					t.Errorf("rejects lack %s:\n%s", w, rej)
				}
			}
			tbl := readTable(t, out)
			col := tbl.Schema().FieldIndices(ingest.InvitationColumn)
			if len(col) != 1 {
				t.Fatalf("no invitation column: %v", tbl.Schema())
			}
			var got []string
			for _, chunk := range tbl.Column(col[0]).Data().Chunks() {
				c := chunk.(*array.String)
				for i := 0; i < c.Len(); i++ {
					got = append(got, c.Value(i))
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.ids, ",") {
				t.Errorf("invitation column %q, want %q", got, tc.ids)
			}
			raw, _ := os.ReadFile(out)
			var sig map[string]any
			json.Unmarshal([]byte(lines[0]), &sig)
			if strings.Contains(string(raw), sig["invitation"].(map[string]any)["sig"].(string)) {
				t.Error("a signature reached the Parquet file")
			}
		})
	}
}

// TestInvitationFlat: a flat export from another endpoint carries the
// invitation as the form post names it (_inv, _sig, _exp) and is checked
// the same way.
func TestInvitationFlat(t *testing.T) {
	s := *survey(t, "nps-csat-ces")
	s.Invitations = &ir.Invitations{Required: true}
	k := inviteKey(t)
	hidden := map[string]string{"company": "acme"}
	sig := k.Sign(invite.Signed{Survey: s.ID, ID: "f1", Hidden: hidden})
	flat := func(rid, company string) string {
		return `{"response_id":"` + rid + `","survey":"nps-csat-ces","version":"` + s.Hash + `","lang":"en","submitted_at":"2026-05-10T10:00:00Z","company":"` + company +
			`","_inv":"f1","_sig":"` + sig + `","q_nps":3,"q_csat":2,"q_ces":2,"d_speed":1,"d_competence":2,"d_politeness":3,"d_ease":1,"d_price":2,"q_resolved":"no"}`
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(flat("flat-000000000001", "acme")+"\n"+flat("flat-000000000002", "rival")+"\n"), 0o644)
	out := filepath.Join(dir, "out.parquet")
	st, err := ingest.Run(&s, []ingest.Input{{Path: in}}, out, ingest.Options{Invitations: k})
	if err != nil || st.Accepted != 1 || st.Rejected != 1 {
		t.Fatalf("%v %+v", err, st)
	}
	if rej, _ := os.ReadFile(ingest.RejectsPath(out)); !strings.Contains(string(rej), `"code":"altered"`) {
		t.Errorf("rejects: %s", rej)
	}
}

// TestInvitationOnce: with invitations { once }, the first (or last)
// answer through an invitation counts and the others are set aside whole
// with the reason, whatever their order in the input; answers without an
// invitation (invitations optional) all count.
func TestInvitationOnce(t *testing.T) {
	base := survey(t, "nps-csat-ces")
	k := inviteKey(t)
	lines := []string{
		invitationRecord(base, k, "r-inv1-mid-00001", "inv1", "", "2026-05-10T10:00:00Z", nil),
		invitationRecord(base, k, "r-inv1-first-001", "inv1", "", "2026-05-09T10:00:00Z", nil),
		invitationRecord(base, k, "r-inv2-only-0001", "inv2", "", "2026-05-10T10:00:00Z", nil),
		invitationRecord(base, k, "r-inv1-last-0001", "inv1", "", "2026-05-11T10:00:00Z", nil),
		invitationRecord(base, k, "r-none-000000001", "", "", "2026-05-10T10:00:00Z", nil),
		invitationRecord(base, k, "r-none-000000002", "", "", "2026-05-10T10:00:00Z", nil),
	}
	for _, tc := range []struct {
		once, kept, asideA, asideB string
	}{
		{ir.OnceFirst, "r-inv1-first-001", "r-inv1-mid-00001", "r-inv1-last-0001"},
		{ir.OnceLast, "r-inv1-last-0001", "r-inv1-mid-00001", "r-inv1-first-001"},
	} {
		for _, reversed := range []bool{false, true} {
			t.Run(fmt.Sprint(tc.once, reversed), func(t *testing.T) {
				s := *base
				s.Invitations = &ir.Invitations{Once: tc.once}
				in := slices.Clone(lines)
				if reversed {
					slices.Reverse(in)
				}
				dir := t.TempDir()
				path := filepath.Join(dir, "in.ndjson")
				os.WriteFile(path, []byte(strings.Join(in, "\n")+"\n"), 0o644)
				out := filepath.Join(dir, "out.parquet")
				st, err := ingest.Run(&s, []ingest.Input{{Path: path}}, out, ingest.Options{Invitations: k})
				if err != nil {
					t.Fatal(err)
				}
				if st.Accepted != 4 || st.Repeats != 2 || st.Rejected != 0 {
					t.Fatalf("stats %+v", st)
				}
				tbl := readTable(t, out)
				var ids []string
				for _, chunk := range tbl.Column(0).Data().Chunks() {
					c := chunk.(*array.String)
					for i := 0; i < c.Len(); i++ {
						ids = append(ids, c.Value(i))
					}
				}
				want := []string{tc.kept, "r-inv2-only-0001", "r-none-000000001", "r-none-000000002"}
				slices.Sort(want)
				slices.Sort(ids)
				if !slices.Equal(ids, want) {
					t.Errorf("kept %v, want %v", ids, want)
				}
				aside, _ := os.ReadFile(ingest.SetAsidePath(out))
				for _, id := range []string{tc.asideA, tc.asideB} {
					if !strings.Contains(string(aside), `"response_id":"`+id+`"`) {
						t.Errorf("%s not set aside:\n%s", id, aside)
					}
				}
				if n := strings.Count(string(aside), `"code":"invitation_repeat"`); n != 2 ||
					!strings.Contains(string(aside), `invitation \"inv1\" counts once and has another answer; the `+tc.once+` one counts: response id \"`+tc.kept+`\"`) {
					t.Errorf("set aside (%d):\n%s", n, aside)
				}
			})
		}
	}
}

// TestInvitationPreviousVersion: an earlier wave's answers, recorded
// against a version without invitations, are taken without one; the
// current version's still need theirs.
func TestInvitationPreviousVersion(t *testing.T) {
	base := survey(t, "nps-csat-ces")
	old := *base
	old.Hash = "sha256:" + strings.Repeat("0", 64)
	s := *base
	s.Invitations = &ir.Invitations{Required: true}
	k := inviteKey(t)
	oldRecord := strings.Replace(invitationRecord(base, k, "r-old-0000000001", "", "", "2025-05-10T10:00:00Z", nil), base.Hash, old.Hash, 1)
	lines := []string{
		oldRecord,
		invitationRecord(base, k, "r-new-0000000001", "", "", "2026-05-10T10:00:00Z", nil),
		invitationRecord(base, k, "r-new-0000000002", "n2", "", "2026-05-10T10:00:00Z", nil),
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "out.parquet")
	st, err := ingest.Run(&s, []ingest.Input{{Path: in}}, out, ingest.Options{Invitations: k, Previous: []*ir.Survey{&old}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Accepted != 2 || st.Rejected != 1 {
		t.Fatalf("stats %+v", st)
	}
	if rej, _ := os.ReadFile(ingest.RejectsPath(out)); !strings.Contains(string(rej), "r-new-0000000001") || !strings.Contains(string(rej), "invitation_missing") {
		t.Errorf("rejects:\n%s", rej)
	}
}
