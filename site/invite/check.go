package invite

import (
	"net/url"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
)

// Check tells what is wrong with sub's invitation under s's rule, as
// answer.Validate words problems (field, code, reason), for the collector
// and ingest to refuse the answer with. at is when the answer arrived
// (the collector's clock, or the record's submitted_at at ingest), against
// which the expiry is checked. k may be nil only for a survey without
// invitations, where an answer that carries one is refused: no link of it
// was ever signed.
//
// Under an optional rule an answer without an invitation is taken; one
// with an invitation that does not verify is refused all the same, since
// it can only be a link altered or signed with an old key.
func Check(s *ir.Survey, k *Key, sub *answer.Submission, at time.Time) []answer.FieldError {
	inv := sub.Invitation
	problem := func(field, code, reason string) []answer.FieldError {
		return []answer.FieldError{{Field: field, Code: code, Reason: reason}}
	}
	switch {
	case s.Invitations == nil:
		if inv != nil {
			return problem("invitation", "no_invitations", "the survey takes no invitations, so no link of it carries one")
		}
		return nil
	case inv == nil:
		if s.Invitations.Required {
			return problem("invitation", "invitation_missing", "the survey takes answers by invitation only, and this one came through a link without one")
		}
		return nil
	case !ValidID(inv.ID):
		return problem("invitation.id", "bad_invitation", "the invitation id "+ErrBadID.Error())
	}
	err := k.Verify(Signed{Survey: s.ID, ID: inv.ID, Expires: inv.Expires, Hidden: sub.Hidden}, inv.Sig, at)
	switch err {
	case nil:
		return nil
	case ErrMalformed:
		return problem("invitation.sig", "bad_signature", "the signature "+err.Error())
	case ErrOtherKey:
		return problem("invitation.sig", "other_key", "the signature "+err.Error())
	case ErrAltered:
		return problem("invitation.sig", "altered", "the signature "+err.Error())
	case ErrExpired:
		return problem("invitation.exp", "expired", "the expiry "+inv.Expires+" "+err.Error())
	case ErrBadExpiry:
		return problem("invitation.exp", "bad_expiry", "the expiry "+err.Error())
	}
	return problem("invitation.exp", "no_time", "the expiry "+err.Error())
}

// FromQuery reads a link's invitation from its query: nil when it has
// none of inv, sig and exp. The values are as given; Check judges them.
func FromQuery(q url.Values) *answer.Invitation {
	id, sig, exp := q.Get(ParamID), q.Get(ParamSig), q.Get(ParamExpires)
	if id == "" && sig == "" && exp == "" {
		return nil
	}
	return &answer.Invitation{ID: id, Sig: sig, Expires: exp}
}

// FromLink gives sub what the form without JavaScript cannot put in its
// post: the hidden values and the signed invitation of the link its page
// was opened through, which the browser sends as the post's Referer (the
// page asks for the whole address, form.qtpl). The collector reads it from
// the request; ingest from a flat record's _referer, where an endpoint
// kept it. A link's value of a hidden field wins over the field's default
// the built form holds, as in form.js; a field the link leaves out keeps
// that default, which opros invite signed. The invitation is read only for
// a survey with invitations and only when the post carried none.
func FromLink(s *ir.Survey, sub *answer.Submission, link string) {
	ref, err := url.Parse(link)
	if err != nil {
		return
	}
	q := ref.Query()
	if sub.Hidden == nil {
		sub.Hidden = map[string]string{}
	}
	for _, h := range s.Hidden {
		if sub.Hidden[h.ID] == "" || sub.Hidden[h.ID] == h.Default {
			if v := q.Get(h.Param); v != "" {
				sub.Hidden[h.ID] = v
			} else if sub.Hidden[h.ID] == "" {
				delete(sub.Hidden, h.ID)
			}
		}
	}
	if sub.Invitation == nil && s.Invitations != nil {
		sub.Invitation = FromQuery(q)
	}
}

// Link is the survey form's URL with the invitation's parameters and the
// hidden values given (those empty are left out: the form fills in their
// defaults, which were signed).
func Link(base string, s *ir.Survey, inv answer.Invitation, hidden map[string]string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	q := u.Query()
	for _, h := range s.Hidden {
		if v := hidden[h.ID]; v != "" {
			q.Set(h.Param, v)
		}
	}
	q.Set(ParamID, inv.ID)
	q.Set(ParamSig, inv.Sig)
	if inv.Expires != "" {
		q.Set(ParamExpires, inv.Expires)
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// FormValues is what the form will send for a link with the given hidden
// values: those given, and for the others the field's default.
func FormValues(s *ir.Survey, given map[string]string) map[string]string {
	out := map[string]string{}
	for _, h := range s.Hidden {
		v := given[h.ID]
		if v == "" {
			v = h.Default
		}
		if v != "" {
			out[h.ID] = v
		}
	}
	return out
}
