package answer_test

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

// TestInvitationDecoded: the invitation a form sends, as JSON and as a
// form post, reads the same; a survey that requires one says so in its
// schema, which ajv holds records to as Validate's decoder reads them.
func TestInvitationDecoded(t *testing.T) {
	root := testkit.Root(t)
	s := *testkit.Load(t, filepath.Join(root, "examples", "nps-csat-ces"))
	s.Invitations = &ir.Invitations{Required: true}
	base := simulated(t, filepath.Join(root, "examples", "nps-csat-ces"), &s, 1)[0]
	sig := strings.Repeat("A", 48)
	with := func(inv string) []byte {
		if inv == "" {
			return base
		}
		return append(append(append([]byte(nil), base[:len(base)-1]...), `,"invitation":`+inv...), '}')
	}
	sub, err := answer.DecodeJSON(with(`{"id":"i1","sig":"` + sig + `","exp":"2026-12-31"}`))
	if err != nil || sub.Invitation == nil || *sub.Invitation != (answer.Invitation{ID: "i1", Sig: sig, Expires: "2026-12-31"}) {
		t.Fatalf("JSON: %v %+v", err, sub)
	}
	form := answer.DecodeForm(url.Values{"_inv": {"i1"}, "_sig": {sig}, "_exp": {"2026-12-31"}}, &s)
	if form.Invitation == nil || *form.Invitation != *sub.Invitation {
		t.Errorf("form post: %+v", form.Invitation)
	}
	if answer.DecodeForm(url.Values{"_hidden.company": {"a"}}, &s).Invitation != nil {
		t.Error("a form post without an invitation has one")
	}
	if _, err := answer.DecodeJSON(with(`{"id":"i1","sig":"x","extra":1}`)); err == nil {
		t.Error("an unknown key of the invitation is taken")
	}
	records := [][]byte{
		with(`{"id":"i1","sig":"` + sig + `","exp":"2026-12-31"}`),
		with(`{"id":"i1","sig":"` + sig + `"}`),
		with(""),
		with(`{"id":"i1","sig":"short"}`),
		with(`{"id":"i 1","sig":"` + sig + `"}`),
		with(`{"id":"i1"}`),
	}
	verdicts := ajv(t, &s, records)
	for i, want := range []string{"", "", "required", "pattern", "pattern", "required"} {
		got := strings.Join(verdicts[i], "; ")
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("record %d: ajv says %q, want %q", i, got, want)
		}
	}
	optional := s
	optional.Invitations = &ir.Invitations{}
	if v := ajv(t, &optional, [][]byte{with("")}); len(v[0]) > 0 {
		t.Errorf("an answer without an invitation to an optional survey: %v", v[0])
	}
	raw, _ := json.Marshal(sub)
	if !strings.Contains(string(raw), `"invitation":{"id":"i1","sig":"`+sig+`","exp":"2026-12-31"}`) {
		t.Errorf("marshalled: %s", raw)
	}
}
