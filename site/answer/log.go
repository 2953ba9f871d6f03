package answer

import "github.com/go-json-experiment/json/jsontext"

// The files of a collector's data folder, DATA/<survey-id>/: site/collect
// writes them, site/ingest reads the log and passes over the others.
const (
	// LogFile is the collector's log: one LogLine per accepted answer.
	LogFile = "answers.ndjson"
	// RejectsFile holds the posts the collector refused, with the reasons.
	RejectsFile = "rejects.ndjson"
	// SpamFile holds the posts that filled in the bot trap.
	SpamFile = "spam.ndjson"
	// TornPrefix starts the name of a file of log lines found unreadable
	// at start-up and set aside (torn-<n>.ndjson).
	TornPrefix = "torn-"
	// StartedFile holds the invitations whose form was opened.
	StartedFile = "started.ndjson"
)

// The two members of a LogLine.
const (
	logReceivedAt = "received_at"
	logSubmission = "submission"
)

// LogLine is one line of the collector's log, as the collector writes it
// and DecodeLog (or DecodeRecord) reads it back.
type LogLine struct {
	ReceivedAt string      `json:"received_at"`
	Submission *Submission `json:"submission"`
}

// DecodeLog reads a line of the collector's log, {"received_at": "…",
// "submission": {…}}, as strictly as a submission is read: another key, a
// repeated one or a received_at that is not a string is an error, with
// the key named.
func (dec *Decoder) DecodeLog(data []byte) (*Submission, error) {
	if sub, logLine, ok := dec.decode(data, true); ok && logLine {
		return sub, nil
	}
	return decodeLogGeneral(data)
}

// decodeLogGeneral is DecodeLog for any input: the reference that the fast
// path's reading of log lines must agree with, and the source of every
// error message.
func decodeLogGeneral(data []byte) (*Submission, error) {
	members, err := Members(data)
	if err != nil {
		return nil, err
	}
	var sub jsontext.Value
	for _, m := range members {
		switch m.Name {
		case logReceivedAt:
			if m.Value.Kind() != '"' {
				return nil, decodeProblem(logReceivedAt, "wrong_type", "must be a string (an RFC 3339 time), not %s", kindName(m.Value.Kind()))
			}
		case logSubmission:
			sub = m.Value
		default:
			return nil, decodeProblem(m.Name, "unknown_field", "is not a key of a collector log line (received_at, submission)")
		}
	}
	if sub == nil {
		return nil, decodeProblem(logSubmission, "required", "a collector log line holds the submission")
	}
	if sub.Kind() != '{' {
		return nil, decodeProblem(logSubmission, "wrong_type", "must be an object, not %s", kindName(sub.Kind()))
	}
	return decodeGeneral(sub)
}
