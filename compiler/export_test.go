package compiler

import "github.com/hashicorp/hcl/v2"

// DiagID is the id of a diagnostic of the compiler's catalogue.
type DiagID = diagID

// The ids tests look for.
const (
	NoDiag                  = DiagID(-1)
	MsgPathAbsolute         = msgPathAbsolute
	MsgPathOutside          = msgPathOutside
	MsgPathLinkOutside      = msgPathLinkOutside
	MsgRecordsNoParticipant = msgRecordsNoParticipant
	MsgWrongValueType       = msgWrongValueType
)

// MessageIDs lists the catalogue's ids, for the coverage test.
func MessageIDs() []DiagID {
	var ids []DiagID
	for id := range diagCount {
		ids = append(ids, id)
	}
	return ids
}

// MessageID returns the catalogue id a diagnostic was built from, or NoDiag.
func MessageID(d *hcl.Diagnostic) DiagID {
	if ref, ok := d.Extra.(*msgRef); ok {
		if id, ok := ref.id.(diagID); ok {
			return id
		}
	}
	return NoDiag
}

// MessageName is a diagnostic id as a person can find it: its summary and
// the start of its detail.
func MessageName(id DiagID) string {
	if id < 0 || id >= diagCount {
		return "none"
	}
	m := messages[id]
	return m.SummaryEn + ": " + m.En
}
