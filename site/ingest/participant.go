package ingest

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
)

// A participant-level survey (benchmark { unit = "participant" }) counts
// one submission per participant and wave: the last by submission time
// or the first (benchmark once), ties broken by response id, so the choice
// does not depend on the order the answers arrived in. The others are set
// aside whole, each as one line of the set-aside file that names the
// submission that counts, never dropped. A record that names no
// participant is rejected: it cannot be anyone's answer.
//
// The rule runs on the accepted records after the row index has dropped
// what it knows to be repeated response ids, in input order; the few
// repeats the index finds only at the end (beyond a run in memory) are
// passed over here as the index drops them, first one wins. A
// respondent-level survey never comes here.

// CodeParticipantRepeat is the set-aside code of a participant's
// submission that does not count (Field "record").
const CodeParticipantRepeat = "participant_repeat"

// participantRule is what the workers need: which hidden field names the
// participant.
type participantRule struct {
	field  string // the hidden field's ID
	hidden int    // its position in the row's hidden fields
	first  bool   // benchmark once = "first"
	// invitation: the rule is survey { invitations { once } } instead,
	// one answer per invitation (whatever the wave), read from the
	// invitation column that follows the hidden fields; an answer without
	// an invitation (invitations optional) always counts.
	invitation bool
}

// CodeInvitationRepeat is the set-aside code of an answer through an
// invitation that counts once, which another answer uses (Field "record").
const CodeInvitationRepeat = "invitation_repeat"

// newParticipantRule returns nil for a respondent-level survey.
func newParticipantRule(s *ir.Survey) *participantRule {
	if s.Bench.Unit != ir.UnitParticipant {
		if inv := s.Invitations; inv != nil && inv.Once != "" {
			return &participantRule{field: InvitationColumn, hidden: len(s.Hidden), first: inv.Once == ir.OnceFirst, invitation: true}
		}
		return nil
	}
	i := slices.IndexFunc(s.Hidden, func(h ir.Hidden) bool { return h.ID == s.Bench.Participant })
	if i < 0 {
		return nil // the compiler refuses a participant-level survey without one
	}
	return &participantRule{field: s.Bench.Participant, hidden: i, first: s.Bench.Once == ir.OnceFirst}
}

// read takes the version's index and the participant from a spill row, or
// reports the record's problem when it names no participant.
func (p *participantRule) read(row []byte) (version uint64, participant string, problem *answer.FieldError) {
	d := rowDecoder{b: row}
	d.str() // response id
	version = d.uvarint()
	d.str() // lang
	d.varint()
	d.varint()
	d.varint() // wave, started, submitted
	for i := 0; i <= p.hidden && d.err == nil; i++ {
		present := d.tag()
		if !present {
			if i == p.hidden {
				break
			}
			continue
		}
		v := d.str()
		if i == p.hidden {
			participant = string(v)
		}
	}
	if d.err != nil {
		return 0, "", &answer.FieldError{Field: "record", Code: "wrong_type", Reason: d.err.Error()}
	}
	if participant == "" && !p.invitation {
		return version, "", &answer.FieldError{Field: "hidden." + p.field, Code: "participant_missing",
			Reason: fmt.Sprintf("names no participant (hidden field %q): in a participant-level benchmark every answer is a participant's", p.field)}
	}
	return version, participant, nil
}

// participantEntry is one accepted record of a participant-level survey.
type participantEntry struct {
	id, participant string
	version         string
	source          string
	record          int
	wave            int32
	submitted       int64
	offset          int64 // the row's offset in the spill
	rawAt           int64 // the record as read, in the log's temporary file
	rawLen          int32
}

// participantLog keeps the accepted records of a participant-level survey
// until every one is known: the raw records wait in a temporary file, the
// keys in memory (a few dozen bytes a record; such a survey has one record
// per participant and wave).
type participantLog struct {
	rule     *participantRule
	versions []string // spillVersions, by the index a row holds
	dir      string
	tmp      *os.File
	w        *bufio.Writer
	size     int64
	entries  []participantEntry
	// set by decide
	counting []participantEntry // the records left once repeated ids are passed over
	losers   []participantEntry // in input order
	counts   map[int64]int      // a loser's offset → the record that counts instead, in counting
}

func (l *participantLog) add(r *chunkRecord, offset int64) error {
	if l.tmp == nil {
		f, err := os.CreateTemp(l.dir, ".opros-participant-*")
		if err != nil {
			return err
		}
		l.tmp, l.w = f, bufio.NewWriterSize(f, 1<<16)
	}
	version := ""
	if int(r.version0) < len(l.versions) {
		version = l.versions[r.version0]
	}
	l.entries = append(l.entries, participantEntry{id: r.id, participant: r.participant, version: version,
		source: r.Source, record: r.Number, wave: r.rowWave, submitted: r.submitted, offset: offset,
		rawAt: l.size, rawLen: int32(len(r.Raw))})
	l.size += int64(len(r.Raw))
	_, err := l.w.Write(r.Raw)
	return err
}

// better reports whether a should count instead of b. A submission with
// no time (no submitted_at) is neither first nor last: it counts only
// when the participant has no timed one in the wave.
func (l *participantLog) better(a, b *participantEntry) bool {
	if untimedA, untimedB := a.submitted == math.MinInt64, b.submitted == math.MinInt64; untimedA != untimedB {
		return untimedB
	}
	c := cmp.Compare(a.submitted, b.submitted)
	if c == 0 {
		c = cmp.Compare(a.id, b.id)
	}
	if l.rule.first {
		return c < 0
	}
	return c > 0
}

// decide picks the submission that counts for each participant and wave,
// and returns how many records do not. repeatsLeft says the index may
// still hold repeated response ids (it had runs on disk); otherwise it
// has dropped every one already.
func (l *participantLog) decide(repeatsLeft bool) int {
	type group struct {
		wave        int32
		participant string
	}
	winner := map[group]int{}
	kept := l.entries
	if repeatsLeft {
		ids := make(map[string]struct{}, len(l.entries))
		kept = l.entries[:0:0]
		for _, e := range l.entries {
			if _, repeat := ids[e.id]; repeat {
				continue // a repeated response id, which the index drops
			}
			ids[e.id] = struct{}{}
			kept = append(kept, e)
		}
	}
	l.entries = nil
	groupOf := func(e *participantEntry) group {
		if l.rule.invitation {
			return group{0, e.participant} // an invitation counts once in all
		}
		return group{e.wave, e.participant}
	}
	for i := range kept {
		if kept[i].participant == "" {
			continue // no invitation (optional): counts
		}
		g := groupOf(&kept[i])
		if w, ok := winner[g]; !ok || l.better(&kept[i], &kept[w]) {
			winner[g] = i
		}
	}
	l.counting, l.counts = kept, map[int64]int{}
	for i, e := range kept {
		if w, ok := winner[groupOf(&e)]; ok && w != i {
			l.losers = append(l.losers, e)
			l.counts[e.offset] = w
		}
	}
	return len(l.losers)
}

// counted reports whether a row counts (is written to the Parquet file).
func (l *participantLog) counted(ref rowRef) bool {
	_, lost := l.counts[ref.offset]
	return !lost
}

// wholeLines writes the set-aside lines of the records that do not count,
// in input order, as the set-aside file reaches their places: one at a
// time, read back from the temporary file, so memory does not grow with
// their number.
type wholeLines struct {
	l    *participantLog
	next int // in l.losers
	enc  *json.Encoder
	buf  bytes.Buffer
	raw  []byte
}

func (l *participantLog) wholeLines() (*wholeLines, error) {
	if len(l.losers) == 0 {
		return nil, nil
	}
	if err := l.w.Flush(); err != nil {
		return nil, err
	}
	x := &wholeLines{l: l}
	x.enc = json.NewEncoder(&x.buf)
	x.enc.SetEscapeHTML(false) // as the rest of the file
	return x, nil
}

// writeBefore writes the lines of the records before the spill offset.
func (x *wholeLines) writeBefore(w io.Writer, offset int64) error {
	if x == nil {
		return nil
	}
	l := x.l
	which := "last"
	if l.rule.first {
		which = "first"
	}
	for ; x.next < len(l.losers) && l.losers[x.next].offset < offset; x.next++ {
		e := &l.losers[x.next]
		x.raw = slices.Grow(x.raw[:0], int(e.rawLen))[:e.rawLen]
		if _, err := l.tmp.ReadAt(x.raw, e.rawAt); err != nil {
			return err
		}
		c := l.counting[l.counts[e.offset]]
		x.buf.Reset()
		code := CodeParticipantRepeat
		reason := fmt.Sprintf("participant %q has another submission in wave %d; the %s one counts: response id %q, submitted %s (this one: %s)",
			e.participant, e.wave, which, c.id, submittedText(c.submitted), submittedText(e.submitted))
		if l.rule.invitation {
			code = CodeInvitationRepeat
			reason = fmt.Sprintf("invitation %q counts once and has another answer; the %s one counts: response id %q, submitted %s (this one: %s)",
				e.participant, which, c.id, submittedText(c.submitted), submittedText(e.submitted))
		}
		err := x.enc.Encode(SetAside{Source: e.source, Record: e.record, ResponseID: e.id, Version: e.version,
			Wave: int(e.wave), Field: "record", Code: code, Value: string(x.raw), Reason: reason})
		if err != nil {
			return err
		}
		if _, err := w.Write(x.buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func (l *participantLog) close() {
	if l.tmp != nil {
		l.tmp.Close()
		os.Remove(l.tmp.Name())
	}
}

// submittedText writes a submission time for a reason.
func submittedText(ms int64) string {
	if ms == math.MinInt64 {
		return "no time"
	}
	return time.UnixMilli(ms).UTC().Format(time.RFC3339)
}
