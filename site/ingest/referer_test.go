package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow/array"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/invite"
)

// TestInvitationReferer: a post of the form without JavaScript to an
// endpoint other than opros collect carries no invitation in its body;
// an endpoint that keeps the post's Referer as _referer lets ingest read
// the link's hidden values and invitation from it, as the collector does,
// and check them: the genuine one is kept with its id and company, a
// link with company= changed is refused as altered, a post without a
// Referer as missing its invitation.
func TestInvitationReferer(t *testing.T) {
	s := *survey(t, "nps-csat-ces")
	s.Invitations = &ir.Invitations{Required: true}
	k := inviteKey(t)
	hidden := map[string]string{"company": "acme", "segment": "b2c"}
	inv := invite.Signed{Survey: s.ID, ID: "nojs1", Expires: "2026-05-31", Hidden: hidden}
	link := "https://forms.example.org/nps-csat-ces/en/?company=acme&segment=b2c&inv=nojs1&exp=2026-05-31&sig=" + k.Sign(inv)
	post := func(rid, referer string) string {
		rec := `{"_response_id":"` + rid + `","_survey":"nps-csat-ces","_version":"` + s.Hash + `","_lang":"en","submitted_at":"2026-05-10T10:00:00Z",` +
			`"_hidden.company":"","_hidden.segment":"","q_nps":"8","q_csat":"4","q_ces":"5","d_speed":"4","d_competence":"4","d_politeness":"4","d_ease":"4","d_price":"4","q_resolved":"yes"`
		if referer != "" {
			rec += `,"_referer":"` + referer + `"`
		}
		return rec + "}"
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "formspree.ndjson")
	os.WriteFile(in, []byte(post("nojs-000000000001", link)+"\n"+
		post("nojs-000000000002", strings.Replace(link, "company=acme", "company=rival", 1))+"\n"+
		post("nojs-000000000003", "")+"\n"), 0o644)
	out := filepath.Join(dir, "out.parquet")
	st, err := ingest.Run(&s, []ingest.Input{{Path: in}}, out, ingest.Options{Invitations: k})
	if err != nil || st.Accepted != 1 || st.Rejected != 2 {
		t.Fatalf("%v %+v", err, st)
	}
	rej, _ := os.ReadFile(ingest.RejectsPath(out))
	for _, want := range []string{`"code":"altered"`, `"code":"invitation_missing"`} {
		if !strings.Contains(string(rej), want) {
			t.Errorf("rejects lack %s:\n%s", want, rej)
		}
	}
	tbl := readTable(t, out)
	value := func(name string) string {
		col := tbl.Schema().FieldIndices(name)
		if len(col) != 1 {
			t.Fatalf("no %s column", name)
		}
		return tbl.Column(col[0]).Data().Chunks()[0].(*array.String).Value(0)
	}
	if value(ingest.InvitationColumn) != "nojs1" || value("company") != "acme" || value("segment") != "b2c" {
		t.Errorf("kept: invitation %q, company %q, segment %q", value(ingest.InvitationColumn), value("company"), value("segment"))
	}
}
