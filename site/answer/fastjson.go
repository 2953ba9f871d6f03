package answer

import (
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Decoder decodes many submissions and keeps one copy of the short strings
// that recur among them (answer keys, option codes, hidden values), so a
// million submissions do not allocate a million copies of "optimal". Its
// zero value is ready; it is not safe for concurrent use.
type Decoder struct {
	strs  map[string]string
	spare *Submission
}

// Release hands back a submission the caller is done with, so that the
// next decode fills its maps again instead of allocating new ones. The
// caller must not use sub, or anything read from its maps, afterwards.
func (dec *Decoder) Release(sub *Submission) { dec.spare = sub }

// maxInterned bounds the strings a Decoder keeps: codes, keys and hidden
// values are few, and short free text that fills the table would only
// slow the lookups down.
const maxInterned = 4096

// DecodeJSON is DecodeJSON sharing the decoder's strings.
func (dec *Decoder) DecodeJSON(data []byte) (*Submission, error) {
	if sub, ok := dec.fast(data); ok {
		return sub, nil
	}
	return decodeGeneral(data)
}

func (dec *Decoder) scanner(data []byte) scanner {
	if dec == nil {
		return scanner{b: data}
	}
	if dec.strs == nil {
		dec.strs = map[string]string{}
	}
	return scanner{b: data, strs: dec.strs, spare: dec.spare}
}

// took is called with the submission a decode returns: the spare, if it
// was used, now belongs to the caller. After a failed decode the spare
// stays, so trying a shape that does not fit costs no allocation.
func (dec *Decoder) took(sub *Submission) {
	if dec != nil && sub == dec.spare {
		dec.spare = nil
	}
}

// fast reads a well-formed submission without reflection. It knows
// exactly the shape forms post, and answers ok=false for anything else —
// bad syntax, a duplicate or unknown key, invalid UTF-8, an odd value —
// so that DecodeJSON falls back to the general decoder, which accepts and
// rejects exactly as before and words the errors. It must never accept
// what the general decoder rejects, nor read a value differently: the
// fuzz test FuzzDecodeFast holds it to that.
func (dec *Decoder) fast(data []byte) (*Submission, bool) {
	d := dec.scanner(data)
	sub, ok := d.submission()
	d.space()
	if !ok || d.i != len(d.b) {
		return nil, false
	}
	dec.took(sub)
	return sub, true
}

// DecodeExported reads a submission as forms post it, with an "answers"
// member, when it is exactly that (what DecodeJSON's fast path reads); ok
// is false for anything else, and the caller reads data the general way.
// It costs little to try: on another shape of record it stops at the first
// key it does not expect.
func (dec *Decoder) DecodeExported(data []byte) (sub *Submission, ok bool) {
	d := dec.scanner(data)
	sub, ok = d.submission()
	d.space()
	if !ok || !d.sawAnswers || d.i != len(d.b) {
		return nil, false
	}
	dec.took(sub)
	return sub, true
}

// DecodeLogLine reads a line of the collector's log,
// {"received_at": "…", "submission": {…}}, when it is exactly that; ok is
// false for anything else, and the caller reads the line the general way.
func (dec *Decoder) DecodeLogLine(data []byte) (sub *Submission, ok bool) {
	d := dec.scanner(data)
	seen := 0
	ok = d.object(func(key []byte) bool {
		switch string(key) {
		case "received_at":
			if seen&1 != 0 {
				return false
			}
			seen |= 1
			_, ok := d.rawStr()
			return ok
		case "submission":
			if seen&2 != 0 {
				return false
			}
			seen |= 2
			var ok bool
			sub, ok = d.submission()
			return ok
		}
		return false
	})
	d.space()
	if !ok || sub == nil || d.i != len(d.b) {
		return nil, false
	}
	dec.took(sub)
	return sub, true
}

// submission reads one submission object.
func (d *scanner) submission() (*Submission, bool) {
	sub := &Submission{}
	// Maps handed back with Decoder.Release are emptied and filled again.
	var hidden map[string]string
	var answers map[string]any
	if d.spare != nil {
		hidden, answers = d.spare.Hidden, d.spare.Answers
		clear(hidden)
		clear(answers)
		*d.spare = Submission{}
		sub, d.spare = d.spare, nil
	}
	seen := 0 // bit per top-level key, to refuse duplicates
	ok := d.object(func(key []byte) bool {
		var bit int
		var dst *string
		shared := false // the value recurs from one submission to the next
		switch string(key) {
		case "response_id":
			bit, dst = 1, &sub.ResponseID
		case "survey":
			bit, dst, shared = 2, &sub.Survey, true
		case "version":
			bit, dst, shared = 4, &sub.Version, true
		case "lang":
			bit, dst, shared = 8, &sub.Lang, true
		case "started_at":
			bit, dst = 16, &sub.StartedAt
		case "submitted_at":
			bit, dst = 32, &sub.SubmittedAt
		case "hp":
			bit, dst = 64, &sub.Honeypot
		case "hidden":
			bit = 128
		case "answers":
			bit = 256
		case "invitation":
			bit = 512
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		switch {
		case dst != nil:
			if d.null() {
				return true
			}
			raw, ok := d.rawStr()
			if shared {
				*dst = d.text(raw)
			} else {
				*dst = string(raw)
			}
			return ok
		case bit == 512:
			if d.null() {
				return true
			}
			sub.Invitation = &Invitation{}
			return d.invitation(sub.Invitation)
		case bit == 128:
			if d.null() {
				return true
			}
			if hidden == nil {
				hidden = map[string]string{}
			}
			sub.Hidden = hidden
			return d.stringMap(sub.Hidden)
		default:
			d.sawAnswers = true
			if d.null() {
				return true
			}
			if answers == nil {
				answers = make(map[string]any, 16)
			}
			sub.Answers = answers
			return d.object(func(k []byte) bool {
				name := d.text(k)
				if _, dup := sub.Answers[name]; dup {
					return false
				}
				v, ok := d.answer()
				if ok && v != nil {
					sub.Answers[name] = v
				}
				return ok && v != nil
			})
		}
	})
	if !ok {
		return nil, false
	}
	if sub.Answers == nil {
		sub.Answers = map[string]any{}
	}
	return sub, true
}

// scanner walks JSON bytes. Every method reports false on anything it
// does not handle, and the caller gives up.
type scanner struct {
	b     []byte
	i     int
	strs  map[string]string // shared strings; nil: none
	spare *Submission       // a released submission to fill again, or nil

	sawAnswers bool // the submission read had an "answers" member
}

// text turns bytes into a string, shared when it is short and recurs.
func (d *scanner) text(b []byte) string {
	if d.strs == nil || len(b) > 32 {
		return string(b)
	}
	if s, ok := d.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.strs) < maxInterned {
		d.strs[s] = s
	}
	return s
}

func (d *scanner) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (d *scanner) peek() byte {
	d.space()
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

func (d *scanner) lit(s string) bool {
	if len(d.b)-d.i >= len(s) && string(d.b[d.i:d.i+len(s)]) == s {
		d.i += len(s)
		return true
	}
	return false
}

func (d *scanner) null() bool { return d.peek() == 'n' && d.lit("null") }

// object calls member for each key, with the scanner at its value.
func (d *scanner) object(member func(key []byte) bool) bool {
	if d.peek() != '{' {
		return false
	}
	d.i++
	if d.peek() == '}' {
		d.i++
		return true
	}
	for {
		key, ok := d.rawStr()
		if !ok || d.peek() != ':' {
			return false
		}
		d.i++
		if !member(key) {
			return false
		}
		switch d.peek() {
		case ',':
			d.i++
		case '}':
			d.i++
			return true
		default:
			return false
		}
	}
}

// invitation reads a submission's invitation: id, sig and exp, each a
// string or null, at most once.
func (d *scanner) invitation(inv *Invitation) bool {
	seen := 0
	return d.object(func(k []byte) bool {
		var bit int
		var dst *string
		switch string(k) {
		case "id":
			bit, dst = 1, &inv.ID
		case "sig":
			bit, dst = 2, &inv.Sig
		case "exp":
			bit, dst = 4, &inv.Expires
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		if d.null() {
			return true
		}
		s, ok := d.str()
		*dst = s
		return ok
	})
}

// stringMap reads an object whose values are all strings (hidden fields,
// matrix rows).
func (d *scanner) stringMap(m map[string]string) bool {
	return d.object(func(k []byte) bool {
		name := d.text(k)
		if _, dup := m[name]; dup {
			return false
		}
		s, ok := d.str()
		m[name] = s
		return ok
	})
}

// answer reads one answer as normalize would leave it: string, bool,
// float64, []string or map[string]string; nil for null.
func (d *scanner) answer() (any, bool) {
	switch c := d.peek(); {
	case c == '"':
		return d.str()
	case c == 't':
		return true, d.lit("true")
	case c == 'f':
		return false, d.lit("false")
	case c == 'n':
		// A null answer is dropped, but only the general decoder's own
		// reading of the record says so with certainty; let it decide.
		return nil, false
	case c == '[':
		d.i++
		out := []string{}
		if d.peek() == ']' {
			d.i++
			return out, true
		}
		for {
			s, ok := d.str()
			if !ok {
				return nil, false
			}
			out = append(out, s)
			switch d.peek() {
			case ',':
				d.i++
			case ']':
				d.i++
				return out, true
			default:
				return nil, false
			}
		}
	case c == '{':
		m := map[string]string{}
		return m, d.stringMap(m)
	case c == '-' || '0' <= c && c <= '9':
		return d.number()
	}
	return nil, false
}

// number reads a JSON number as a finite float64.
func (d *scanner) number() (any, bool) {
	f, n, ok := JSONNumber(d.b[d.i:])
	d.i += n
	return f, ok
}

// JSONNumber reads the JSON number (RFC 8259 grammar) that b starts with,
// as a finite float64, and says how many bytes it took. ok is false for
// anything else, a number too large for a float64 included: both fast
// decoders of submissions (this package's and ingest's) read numbers so.
func JSONNumber(b []byte) (f float64, n int, ok bool) {
	digits := func() int {
		start := n
		for n < len(b) && '0' <= b[n] && b[n] <= '9' {
			n++
		}
		return n - start
	}
	if n < len(b) && b[n] == '-' {
		n++
	}
	switch {
	case n < len(b) && b[n] == '0':
		n++
	case digits() == 0:
		return 0, n, false
	}
	if n < len(b) && b[n] == '.' {
		n++
		if digits() == 0 {
			return 0, n, false
		}
	}
	if n < len(b) && (b[n] == 'e' || b[n] == 'E') {
		n++
		if n < len(b) && (b[n] == '+' || b[n] == '-') {
			n++
		}
		if digits() == 0 {
			return 0, n, false
		}
	}
	f, err := strconv.ParseFloat(string(b[:n]), 64)
	return f, n, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// str reads a string value.
func (d *scanner) str() (string, bool) {
	raw, ok := d.rawStr()
	return d.text(raw), ok
}

// rawStr reads a JSON string and returns its text, unescaped. Without
// escapes it is a slice of the input; with them, a new buffer.
func (d *scanner) rawStr() ([]byte, bool) {
	if d.peek() != '"' {
		return nil, false
	}
	d.i++
	start := d.i
	ascii := true
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			s := d.b[start:d.i]
			d.i++
			if !ascii && !utf8.Valid(s) {
				return nil, false
			}
			return s, true
		case c == '\\':
			return d.escaped(start)
		case c < 0x20:
			return nil, false
		case c >= 0x80:
			ascii = false
		}
		d.i++
	}
	return nil, false
}

// escaped finishes a string that has escapes, from its start.
func (d *scanner) escaped(start int) ([]byte, bool) {
	out := append([]byte(nil), d.b[start:d.i]...)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			return out, utf8.Valid(out)
		case c < 0x20:
			return nil, false
		case c != '\\':
			out = append(out, c)
			d.i++
			continue
		}
		d.i++
		if d.i >= len(d.b) {
			return nil, false
		}
		e := d.b[d.i]
		d.i++
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := d.hex4()
			if !ok {
				return nil, false
			}
			if utf16.IsSurrogate(r) {
				// Only a valid pair is plain text; the general decoder
				// decides what a lone surrogate means.
				if !d.lit(`\u`) {
					return nil, false
				}
				lo, ok := d.hex4()
				if r = utf16.DecodeRune(r, lo); !ok || r == utf8.RuneError {
					return nil, false
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			return nil, false
		}
	}
	return nil, false
}

func (d *scanner) hex4() (rune, bool) {
	if len(d.b)-d.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range d.b[d.i : d.i+4] {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	d.i += 4
	return r, true
}
