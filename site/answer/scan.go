package answer

import (
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Scanner reads the JSON of records that hold a submission straight from
// their bytes, without reflection: this package's Decoder builds a
// Submission with it, and site/ingest reads records into its spill rows.
// Every method reports false on anything it does not handle (bad syntax, a
// value of another kind, invalid UTF-8), and the caller gives up and reads
// the record the general way (decodeGeneral, Members), which decides and
// words every problem. Its zero value is ready to Reset.
type Scanner struct {
	b []byte
	i int
}

// Reset starts reading data.
func (s *Scanner) Reset(data []byte) { s.b, s.i = data, 0 }

// Done tells whether only white space is left.
func (s *Scanner) Done() bool {
	s.space()
	return s.i == len(s.b)
}

func (s *Scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// Peek returns the next byte after white space, or 0 at the end.
func (s *Scanner) Peek() byte {
	s.space()
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// Punct reads c, after white space.
func (s *Scanner) Punct(c byte) bool {
	if s.Peek() == c {
		s.i++
		return true
	}
	return false
}

// Lit reads the literal lit (true, false, null), after white space.
func (s *Scanner) Lit(lit string) bool {
	s.space()
	if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
		s.i += len(lit)
		return true
	}
	return false
}

// Null reads null.
func (s *Scanner) Null() bool { return s.Peek() == 'n' && s.Lit("null") }

// Object reads an object, calling member for each key with the scanner at
// its value, which member must read.
func (s *Scanner) Object(member func(key []byte) bool) bool {
	if !s.Punct('{') {
		return false
	}
	if s.Punct('}') {
		return true
	}
	for {
		key, ok := s.Text()
		if !ok || !s.Punct(':') || !member(key) {
			return false
		}
		if s.Punct('}') {
			return true
		}
		if !s.Punct(',') {
			return false
		}
	}
}

// Record reads a record that holds one submission, in either of the shapes
// forms and the collector write: a submission as forms post it, which must
// have an "answers" member (an object without one is a flat export, for
// the general path), or a line of the collector's log, LogLine, whose
// received_at must be a string. member is called for each member of the
// submission object, with the scanner at its value. logLine tells which
// shape it was.
func (s *Scanner) Record(member func(key []byte) bool) (logLine, ok bool) {
	plain, answers, seen := false, false, 0
	ok = s.Object(func(key []byte) bool {
		switch string(key) {
		case logReceivedAt:
			if plain || seen&1 != 0 {
				return false
			}
			seen |= 1
			logLine = true
			_, ok := s.Text()
			return ok
		case logSubmission:
			if plain || seen&2 != 0 {
				return false
			}
			seen |= 2
			logLine = true
			return s.Object(member)
		}
		if logLine {
			return false
		}
		plain = true
		answers = answers || string(key) == "answers"
		return member(key)
	})
	return logLine, ok && (plain && answers || logLine && seen&2 != 0)
}

// Number reads a JSON number (RFC 8259 grammar) as a finite float64; a
// number too large for one is not read.
func (s *Scanner) Number() (float64, bool) {
	s.space()
	b := s.b[s.i:]
	n := 0
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
		return 0, false
	}
	if n < len(b) && b[n] == '.' {
		n++
		if digits() == 0 {
			return 0, false
		}
	}
	if n < len(b) && (b[n] == 'e' || b[n] == 'E') {
		n++
		if n < len(b) && (b[n] == '+' || b[n] == '-') {
			n++
		}
		if digits() == 0 {
			return 0, false
		}
	}
	s.i += n
	f, err := strconv.ParseFloat(string(b[:n]), 64)
	return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// Plain reads a string without escapes and returns where its text is in
// the input, b[start:end]; a string with an escape is not read.
func (s *Scanner) Plain() (start, end int, ok bool) {
	if !s.Punct('"') {
		return 0, 0, false
	}
	start, ascii := s.i, true
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			end = s.i
			s.i++
			return start, end, ascii || utf8.Valid(s.b[start:end])
		case c == '\\' || c < 0x20:
			return 0, 0, false
		case c >= 0x80:
			ascii = false
		}
		s.i++
	}
	return 0, 0, false
}

// Text reads a string and returns its text, unescaped: a view of the
// input when it has no escapes, else a new buffer.
func (s *Scanner) Text() ([]byte, bool) {
	if s.Peek() != '"' {
		return nil, false
	}
	s.i++
	start := s.i
	ascii := true
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			t := s.b[start:s.i]
			s.i++
			if !ascii && !utf8.Valid(t) {
				return nil, false
			}
			return t, true
		case c == '\\':
			return s.escaped(start)
		case c < 0x20:
			return nil, false
		case c >= 0x80:
			ascii = false
		}
		s.i++
	}
	return nil, false
}

// escaped finishes a string that has escapes, from its start.
func (s *Scanner) escaped(start int) ([]byte, bool) {
	out := append([]byte(nil), s.b[start:s.i]...)
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return out, utf8.Valid(out)
		case c < 0x20:
			return nil, false
		case c != '\\':
			out = append(out, c)
			s.i++
			continue
		}
		s.i++
		if s.i >= len(s.b) {
			return nil, false
		}
		e := s.b[s.i]
		s.i++
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
			r, ok := s.hex4()
			if !ok {
				return nil, false
			}
			if utf16.IsSurrogate(r) {
				// Only a valid pair is plain text; the general decoder
				// decides what a lone surrogate means.
				if !s.lit(`\u`) {
					return nil, false
				}
				lo, ok := s.hex4()
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

// lit is Lit without the white space, inside a string.
func (s *Scanner) lit(lit string) bool {
	if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
		s.i += len(lit)
		return true
	}
	return false
}

func (s *Scanner) hex4() (rune, bool) {
	if len(s.b)-s.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s.b[s.i : s.i+4] {
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
	s.i += 4
	return r, true
}
