package answer

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
		return scanner{Scanner: Scanner{b: data}}
	}
	if dec.strs == nil {
		dec.strs = map[string]string{}
	}
	return scanner{Scanner: Scanner{b: data}, strs: dec.strs, spare: dec.spare}
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
	sub, _, ok := dec.decode(data, false)
	return sub, ok
}

// DecodeRecord reads a record that is exactly one of the two shapes
// Scanner.Record reads, a submission as forms post it (with an "answers"
// member) or a line of the collector's log, with DecodeJSON's fast path;
// ok is false for anything else, and the caller reads the record the
// general way. It costs little to try: on another shape of record it
// stops at the first key it does not expect.
func (dec *Decoder) DecodeRecord(data []byte) (sub *Submission, ok bool) {
	sub, _, ok = dec.decode(data, true)
	return sub, ok
}

// decode reads a submission (record false) or either shape of record.
func (dec *Decoder) decode(data []byte, record bool) (sub *Submission, logLine, ok bool) {
	d := dec.scanner(data)
	sub, member := d.submission()
	if record {
		logLine, ok = d.Record(member)
	} else {
		ok = d.Object(member)
	}
	if !ok || !d.Done() {
		return nil, false, false
	}
	if sub.Answers == nil {
		sub.Answers = map[string]any{}
	}
	dec.took(sub)
	return sub, logLine, true
}

// submission returns the submission that member fills with the members
// of a submission object it is called with.
func (d *scanner) submission() (sub *Submission, member func(key []byte) bool) {
	sub = &Submission{}
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
	return sub, func(key []byte) bool {
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
			if d.Null() {
				return true
			}
			raw, ok := d.Text()
			if shared {
				*dst = d.text(raw)
			} else {
				*dst = string(raw)
			}
			return ok
		case bit == 512:
			if d.Null() {
				return true
			}
			sub.Invitation = &Invitation{}
			return d.invitation(sub.Invitation)
		case bit == 128:
			if d.Null() {
				return true
			}
			if hidden == nil {
				hidden = map[string]string{}
			}
			sub.Hidden = hidden
			return d.stringMap(sub.Hidden)
		default:
			if d.Null() {
				return true
			}
			if answers == nil {
				answers = make(map[string]any, 16)
			}
			sub.Answers = answers
			return d.Object(func(k []byte) bool {
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
	}
}

// scanner is a Scanner reading for a Decoder.
type scanner struct {
	Scanner
	strs  map[string]string // shared strings; nil: none
	spare *Submission       // a released submission to fill again, or nil
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

// invitation reads a submission's invitation: id, sig and exp, each a
// string or null, at most once.
func (d *scanner) invitation(inv *Invitation) bool {
	seen := 0
	return d.Object(func(k []byte) bool {
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
		if d.Null() {
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
	return d.Object(func(k []byte) bool {
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
// float64, []string or map[string]string.
func (d *scanner) answer() (any, bool) {
	switch c := d.Peek(); {
	case c == '"':
		return d.str()
	case c == 't':
		return true, d.Lit("true")
	case c == 'f':
		return false, d.Lit("false")
	case c == 'n':
		// A null answer is dropped, but only the general decoder's own
		// reading of the record says so with certainty; let it decide.
		return nil, false
	case c == '[':
		d.i++
		out := []string{}
		if d.Punct(']') {
			return out, true
		}
		for {
			s, ok := d.str()
			if !ok {
				return nil, false
			}
			out = append(out, s)
			switch {
			case d.Punct(','):
			case d.Punct(']'):
				return out, true
			default:
				return nil, false
			}
		}
	case c == '{':
		m := map[string]string{}
		return m, d.stringMap(m)
	case c == '-' || '0' <= c && c <= '9':
		return d.Number()
	}
	return nil, false
}

// str reads a string value.
func (d *scanner) str() (string, bool) {
	raw, ok := d.Text()
	return d.text(raw), ok
}
