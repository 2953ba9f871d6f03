package ingest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/site/answer"
)

// rowEncoder writes a submission as a compact binary row in column order:
// the spill file is read back once per row, so it must be cheap to decode.
// Option codes are written as their index among the question's options,
// and the version as its index in the spill's versions, so a row is a
// third of the size it would be with strings, and codes reach the Parquet
// writer as dictionary indices, which it writes without hashing each one.
type rowEncoder struct {
	s        *ir.Survey
	versions map[string]uint64
	codes    []map[string]uint64  // per variable of s.Vars: option code → index
	boxes    map[int]*ir.Question // variables of s.Vars that are a matrix_multi's boxes: its question
	calc     []int                // per variable of s.Vars: a calculation's position in s.Calculations
	buf      []byte
}

// spillVersions are the versions a spilled row can have, by index: none,
// the current one, then the older ones ingest maps.
func spillVersions(s *ir.Survey, previous []*ir.Survey) []string {
	vs := []string{"", s.Hash}
	for _, p := range previous {
		vs = append(vs, p.Hash)
	}
	return vs
}

func newRowEncoder(s *ir.Survey, versions []string) *rowEncoder {
	e := &rowEncoder{s: s, versions: map[string]uint64{}, codes: make([]map[string]uint64, len(s.Vars)), calc: make([]int, len(s.Vars))}
	for i, v := range versions {
		if _, dup := e.versions[v]; !dup {
			e.versions[v] = uint64(i)
		}
	}
	for i, v := range s.Vars {
		if v.Role == ir.RoleCalc {
			for k := range s.Calculations {
				if s.Calculations[k].ID == v.Name {
					e.calc[i] = k
				}
			}
		}
		if v.Kind == ir.VarCode || v.Kind == ir.VarCodes {
			e.codes[i] = map[string]uint64{}
			for j, o := range s.Question(v.Question).Options {
				e.codes[i][o.Code] = uint64(j)
			}
		}
	}
	e.boxes = map[int]*ir.Question{}
	for i, v := range s.Vars {
		if v.Cell != nil && v.Kind == ir.VarBool {
			e.boxes[i] = s.Question(v.Question)
		}
	}
	return e
}

const (
	tagNull    = 0
	tagPresent = 1
)

func (e *rowEncoder) str(v string) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(v)))
	e.buf = append(e.buf, v...)
}

func (e *rowEncoder) strBytes(v []byte) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(v)))
	e.buf = append(e.buf, v...)
}

func (e *rowEncoder) optStr(v string, ok bool) {
	if !ok {
		e.buf = append(e.buf, tagNull)
		return
	}
	e.buf = append(e.buf, tagPresent)
	e.str(v)
}

// encode returns the row, or the problem that keeps the submission out of
// the file: a code or version the current survey does not have, which
// validation and version mapping let through only if they are wrong.
func (e *rowEncoder) encode(sub *answer.Submission, wave int, started, submitted int64) ([]byte, *answer.FieldError) {
	e.buf = e.buf[:0]
	e.str(sub.ResponseID)
	version, ok := e.versions[sub.Version]
	if !ok {
		return nil, &answer.FieldError{Field: "version", Code: "unknown_version", Reason: "is not a version this ingest maps"}
	}
	e.buf = binary.AppendUvarint(e.buf, version)
	e.str(sub.Lang)
	e.buf = binary.AppendVarint(e.buf, int64(wave))
	e.buf = binary.AppendVarint(e.buf, started)
	e.buf = binary.AppendVarint(e.buf, submitted)
	for _, h := range e.s.Hidden {
		v, ok := sub.Hidden[h.ID]
		e.optStr(v, ok && v != "")
	}
	if e.s.Invitations != nil {
		// Verified by check; an answer without one (optional) is null.
		inv := sub.Invitation
		e.optStr(invitationID(inv), inv != nil)
	}
	if len(e.s.Endings) > 0 {
		id := answer.Ending(e.s, sub)
		e.optStr(id, id != "")
	}
	var calcs []any // the calculations' values, computed from the answers, never sent
	if len(e.s.Calculations) > 0 {
		calcs = answer.Calculations(e.s, sub)
	}
	for vi, v := range e.s.Vars {
		var val any
		var ok bool
		if v.Role == ir.RoleCalc {
			val, ok = calcs[e.calc[vi]], true
		} else if v.Row != "" {
			if m, isMap := sub.Answers[v.Question].(map[string]string); isMap {
				val, ok = m[v.Row]
			}
		} else if v.Role == ir.RoleOrder { // a ranking's items by rank, from their ranks
			val = answer.RankOrder(e.s.Question(v.Question), sub.Answers)
			ok = val != nil
		} else if q := e.boxes[vi]; q != nil { // false when another box of its row is ticked
			val = answer.CellValue(q, sub.Answers, v.Cell.Row, v.Cell.Col)
			ok = val != nil
		} else {
			val, ok = sub.Answers[v.Name]
		}
		if !ok || val == nil {
			e.buf = append(e.buf, tagNull)
			continue
		}
		e.buf = append(e.buf, tagPresent)
		code := func(c string) bool {
			i, ok := e.codes[vi][c]
			e.buf = binary.AppendUvarint(e.buf, i)
			return ok
		}
		fits := true
		switch v.Kind {
		case ir.VarCode:
			c, ok := val.(string)
			if fits = ok; ok && !code(c) {
				return nil, removedOption(v, c)
			}
		case ir.VarString:
			var t string
			t, fits = val.(string)
			e.str(t)
		case ir.VarDate:
			var t string
			if t, fits = val.(string); fits {
				d, err := time.Parse("2006-01-02", t) // validated
				fits = err == nil
				e.buf = binary.AppendVarint(e.buf, d.Unix()/86400)
			}
		case ir.VarCodes:
			var list []string
			list, fits = val.([]string)
			e.buf = binary.AppendUvarint(e.buf, uint64(len(list)))
			for _, c := range list {
				if !code(c) {
					return nil, removedOption(v, c)
				}
			}
		case ir.VarInt:
			var f float64
			f, fits = val.(float64)
			fits = fits && f == math.Trunc(f) && math.Abs(f) <= schema.MaxInteger
			e.buf = binary.AppendVarint(e.buf, int64(f))
		case ir.VarFloat:
			var f float64
			f, fits = val.(float64)
			e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(f))
		case ir.VarBool:
			var t bool
			t, fits = val.(bool)
			b := byte(0)
			if t {
				b = 1
			}
			e.buf = append(e.buf, b)
		}
		if !fits {
			// Validation lets no such value through; should it ever, the
			// record is kept out with the reason, not written wrong.
			return nil, &answer.FieldError{Field: "answers." + v.Name, Code: "wrong_type",
				Reason: fmt.Sprintf("%v does not fit the column %s (%s)", val, v.Name, v.Kind)}
		}
	}
	return e.buf, nil
}

func invitationID(inv *answer.Invitation) string {
	if inv == nil {
		return ""
	}
	return inv.ID
}

func removedOption(v ir.Variable, code string) *answer.FieldError {
	return &answer.FieldError{Field: "answers." + v.Question, Code: "removed_option",
		Reason: fmt.Sprintf("%q is not an option of the current version", code)}
}

type rowDecoder struct {
	b   []byte
	err error
}

func (d *rowDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errors.New("ingest: corrupt spill row")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *rowDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errors.New("ingest: corrupt spill row")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// str returns the next string's bytes, a view of the row: builders copy
// them, so no string is allocated per value.
func (d *rowDecoder) str() []byte {
	n := d.uvarint()
	if d.err != nil || uint64(len(d.b)) < n {
		d.err = errors.New("ingest: corrupt spill row")
		return nil
	}
	s := d.b[:n:n]
	d.b = d.b[n:]
	return s
}

func (d *rowDecoder) tag() bool {
	if len(d.b) == 0 {
		d.err = errors.New("ingest: corrupt spill row")
		return false
	}
	t := d.b[0]
	d.b = d.b[1:]
	return t == tagPresent
}
