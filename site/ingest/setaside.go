package ingest

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"os"
	"sort"

	"github.com/opros/opros/site/answer"
)

// SetAside is one line of the set-aside file: one answer of an accepted
// record that the current version of the survey has no column for (the
// record was made with a --previous version that had the question, row,
// option or hidden field), kept here with the diff's reason instead of
// being dropped; or, in a participant-level survey, a whole record that
// does not count, the participant having another submission in its wave
// that does (Field "record", Code CodeParticipantRepeat, Value the record
// as read; participant.go). Lines come in input order, a record's answers
// in form order.
type SetAside struct {
	Source     string `json:"source"`
	Record     int    `json:"record"` // line, or CSV row
	ResponseID string `json:"response_id"`
	Version    string `json:"version"` // the version the answer was recorded against
	Wave       int    `json:"wave"`
	Field      string `json:"field"` // named as in validation: answers.q, answers.m.row, hidden.h
	// Code is the diff's kind of change (question_removed, row_removed,
	// option_removed, type_changed, scale_changed), or no_column for an
	// answer the diff does not speak of that has no column now.
	Code string `json:"code"`
	// Value is the answer as recorded; for a multi answer whose other
	// codes were kept, the removed codes only.
	Value  any    `json:"value"`
	Reason string `json:"reason"`
}

// encodeAside returns a record's set-aside lines.
func (w *worker) encodeAside(r *chunkRecord, sub *answer.Submission, wave int, asides []aside) []byte {
	if w.asideEnc == nil {
		w.asideEnc = json.NewEncoder(&w.asideBuf)
		w.asideEnc.SetEscapeHTML(false)
	}
	w.asideBuf.Reset()
	for _, a := range asides {
		// Values are strings, numbers, booleans and lists of strings:
		// Encode cannot fail on them.
		_ = w.asideEnc.Encode(SetAside{Source: r.Source, Record: r.Number, ResponseID: sub.ResponseID, Version: sub.Version,
			Wave: wave, Field: a.field, Code: a.code, Value: a.value, Reason: a.reason})
	}
	return append([]byte(nil), w.asideBuf.Bytes()...)
}

// asideLog holds the set-aside lines of accepted records, in input order,
// in a temporary file until the index has dropped the repeated response
// ids, some of which it finds only at the end: a repeat's answers go with
// it. The file is made at the first line, so a run with none (every
// current-version ingest) does no more than create the empty output.
type asideLog struct {
	dir  string
	tmp  *os.File
	w    *bufio.Writer
	size int64
	recs []asideRecord // by spill offset: input order
}

type asideRecord struct {
	offset  int64 // the row's offset in the spill, as the index knows it
	start   int64 // its lines in tmp, up to the next record's start
	answers int32
	kept    bool
}

func (a *asideLog) add(offset int64, lines []byte, answers int) error {
	if a.tmp == nil {
		f, err := os.CreateTemp(a.dir, ".opros-setaside-*")
		if err != nil {
			return err
		}
		a.tmp, a.w = f, bufio.NewWriterSize(f, 1<<16)
	}
	a.recs = append(a.recs, asideRecord{offset: offset, start: a.size, answers: int32(answers)})
	a.size += int64(len(lines))
	_, err := a.w.Write(lines)
	return err
}

// keep marks the record of a row that is written.
func (a *asideLog) keep(ref rowRef) {
	i := sort.Search(len(a.recs), func(i int) bool { return a.recs[i].offset >= ref.offset })
	if i < len(a.recs) && a.recs[i].offset == ref.offset {
		a.recs[i].kept = true
	}
}

// keepAll marks every record: the index dropped each repeat as it came.
func (a *asideLog) keepAll() {
	for i := range a.recs {
		a.recs[i].kept = true
	}
}

// writeTo copies the kept records' lines to w in input order, with the
// lines of records set aside whole (whole, nil when there are none) each in
// its record's place, and returns how many answers the kept records' lines
// hold.
func (a *asideLog) writeTo(w io.Writer, whole *wholeLines) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	before := func(offset int64) error { return whole.writeBefore(bw, offset) }
	n := 0
	if a.tmp != nil {
		if err := a.w.Flush(); err != nil {
			return 0, err
		}
		if _, err := a.tmp.Seek(0, io.SeekStart); err != nil {
			return 0, err
		}
		r := bufio.NewReaderSize(a.tmp, 1<<16)
		for i, rec := range a.recs {
			end := a.size
			if i+1 < len(a.recs) {
				end = a.recs[i+1].start
			}
			var err error
			if rec.kept {
				if err = before(rec.offset); err != nil {
					return n, err
				}
				n += int(rec.answers)
				_, err = io.CopyN(bw, r, end-rec.start)
			} else {
				_, err = r.Discard(int(end - rec.start))
			}
			if err != nil {
				return n, err
			}
		}
	}
	if err := before(math.MaxInt64); err != nil {
		return n, err
	}
	return n, bw.Flush()
}

func (a *asideLog) close() {
	if a.tmp != nil {
		a.tmp.Close()
		os.Remove(a.tmp.Name())
	}
}
