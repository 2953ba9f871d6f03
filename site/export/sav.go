package export

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/opros/opros/compiler/parallel"
)

// The SPSS system file (.sav) as PSPP's developers' guide documents it
// ("System File Format"): the file header (record type 1), one variable
// record (2) per 8-byte slot of a case, value labels (3 and 4), extension
// records (7: machine integer and floating-point info, subtypes 3 and 4;
// multiple-response sets, 7; display parameters, 11; long names, 13; very
// long strings, 14; character encoding, 20), the dictionary terminator
// (999), then the cases in bytecode compression. Little-endian, UTF-8.

// spssEpoch is the Unix time of SPSS's day zero, 14 October 1582: SPSS
// dates are seconds since then.
const spssEpoch = 12219379200

const (
	sysmis  = -math.MaxFloat64
	bias    = 100.0
	maxLabl = 255 // variable label, bytes
	maxVal  = 255 // value label, bytes: the most its length byte holds (SPSS before 14 showed 120)
	segData = 252 // bytes of a very long string each 255-wide segment carries
)

// Format types of print and write formats.
const (
	fmtA        = 1
	fmtF        = 5
	fmtDate     = 20
	fmtDateTime = 22
)

// slot is one variable record: a variable, or one segment of a very long
// string, with the continuation records that follow it.
type slot struct {
	v       *Variable
	short   string // 8-byte name, unique
	width   int    // 0 numeric; string bytes of this segment (at most 255)
	offset  int    // of this segment's bytes in the value
	used    int    // bytes of the value this segment carries
	first   bool   // the variable's first segment (carries its label and name)
	records int    // variable records it takes: 1 + continuations
}

func segments(width int) int {
	if width <= 255 {
		return 1
	}
	return (width + segData - 1) / segData
}

// layout lays the variables out in slots. A string variable is at least
// one byte wide.
func layout(d *Dictionary) []slot {
	shorts := map[string]bool{}
	var out []slot
	for _, v := range d.Vars {
		if v.Type != String {
			out = append(out, slot{v: v, short: shortName(v.Name, shorts), first: true, records: 1})
			continue
		}
		w := max(v.Width, 1)
		n := segments(w)
		for j := 0; j < n; j++ {
			s := slot{v: v, first: j == 0}
			if n == 1 {
				s.width, s.used = w, w
			} else {
				s.offset = j * segData
				s.width, s.used = 255, segData
				if j == n-1 {
					s.width = w - j*segData
					s.used = s.width
				}
			}
			name := v.Name
			if j > 0 {
				name = ""
			}
			s.short = shortName(name, shorts)
			s.records = (s.width + 7) / 8
			out = append(out, s)
		}
	}
	return out
}

// shortName is an 8-byte upper-case name no other variable has: the long
// name's start when it is plain ASCII, else V and a number.
func shortName(long string, taken map[string]bool) string {
	var b strings.Builder
	for i := 0; i < len(long) && b.Len() < 8; i++ {
		c := long[i]
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteByte(c - 'a' + 'A')
		case c >= 'A' && c <= 'Z', b.Len() > 0 && (c >= '0' && c <= '9' || c == '_'):
			b.WriteByte(c)
		default:
			i = len(long) // not ASCII or not a name character: numbered instead
			b.Reset()
		}
	}
	name := b.String()
	for k := 1; name == "" || taken[name] || reserved[name]; k++ {
		name = "V" + strconv.Itoa(k)
	}
	taken[name] = true
	return name
}

type savWriter struct {
	w   *bufio.Writer
	err error
	buf [8]byte
}

func (s *savWriter) i32(v int32) {
	binary.LittleEndian.PutUint32(s.buf[:4], uint32(v))
	s.bytes(s.buf[:4])
}

func (s *savWriter) f64(v float64) {
	binary.LittleEndian.PutUint64(s.buf[:], math.Float64bits(v))
	s.bytes(s.buf[:])
}

func (s *savWriter) bytes(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// padded writes str in exactly n bytes, padded with spaces.
func (s *savWriter) padded(str string, n int) {
	str = truncate(str, n)
	s.bytes([]byte(str))
	s.bytes([]byte(strings.Repeat(" ", n-len(str))))
}

func format(typ, width, decimals int) int32 { return int32(typ<<16 | width<<8 | decimals) }

func (v *Variable) format(width int) int32 {
	switch v.Type {
	case String:
		return format(fmtA, width, 0)
	case Date:
		return format(fmtDate, 11, 0)
	case DateTime:
		return format(fmtDateTime, 20, 0)
	}
	if v.Weight || v.kind == "float" {
		return format(fmtF, 10, 2)
	}
	return format(fmtF, 8, 0)
}

// writeSav writes the dictionary and the rows as a bytecode-compressed
// system file. ncases is the number of rows the pieces hold.
func writeSav(out io.Writer, d *Dictionary, title string, docs []string, ncases int64, now time.Time, p *Problems, pieces []piece) error {
	s := &savWriter{w: bufio.NewWriterSize(out, 1<<20)}
	slots := layout(d)
	caseSize, weightIndex := 0, 0
	for _, sl := range slots {
		if sl.v.Weight && sl.first && weightIndex == 0 {
			weightIndex = caseSize + 1
		}
		caseSize += sl.records
	}
	// Record type 1: the file header.
	s.bytes([]byte("$FL2"))
	s.padded("@(#) SPSS DATA FILE opros export", 60)
	s.i32(2)               // layout code
	s.i32(int32(caseSize)) // 8-byte slots per case
	s.i32(1)               // bytecode compression
	s.i32(int32(weightIndex))
	if ncases > math.MaxInt32 {
		s.i32(-1)
	} else {
		s.i32(int32(ncases))
	}
	s.f64(bias)
	s.padded(now.Format("02 Jan 06"), 9)
	s.padded(now.Format("15:04:05"), 8)
	s.padded(truncate(title, 64), 64)
	s.bytes([]byte{0, 0, 0})

	// Record type 2: variables.
	for _, sl := range slots {
		v := sl.v
		typ := int32(0)
		if v.Type == String {
			typ = int32(sl.width)
		}
		s.i32(2)
		s.i32(typ)
		label := ""
		if sl.first {
			label = v.Label
		}
		if len(label) > maxLabl {
			label = truncate(label, maxLabl)
			p.LongLabels++
		}
		s.i32(boolInt(label != ""))
		missing := v.Missing
		if v.Type == String || !sl.first {
			missing = nil
		}
		if len(missing) > 3 {
			// A record holds three discrete values (or a range, which would
			// take in options that are not missing): the rest are said.
			p.ExtraMissing = append(p.ExtraMissing, v.Name)
			missing = missing[:3]
		}
		s.i32(int32(len(missing)))
		f := v.format(sl.width)
		s.i32(f)
		s.i32(f)
		s.padded(sl.short, 8)
		if label != "" {
			s.i32(int32(len(label)))
			s.bytes([]byte(label))
			s.bytes(make([]byte, (4-len(label)%4)%4))
		}
		for _, m := range missing {
			s.f64(m)
		}
		for k := 1; k < sl.records; k++ {
			s.i32(2)
			s.i32(-1)
			s.i32(0)
			s.i32(0)
			s.i32(0)
			s.i32(0)
			s.padded("", 8)
		}
	}

	// Records 3 and 4: value labels, then the variable they belong to
	// (its 1-based slot index).
	index := 1
	for _, sl := range slots {
		if sl.first && sl.v.Type != String && len(sl.v.Labels) > 0 {
			s.i32(3)
			s.i32(int32(len(sl.v.Labels)))
			for _, l := range sl.v.Labels {
				s.f64(l.Value)
				text := l.Label
				if len(text) > maxVal {
					text = truncate(text, maxVal)
					p.LongLabels++
				}
				s.bytes([]byte{byte(len(text))})
				s.bytes([]byte(text))
				s.bytes(make([]byte, (8-(1+len(text))%8)%8))
			}
			s.i32(4)
			s.i32(1)
			s.i32(int32(index))
		}
		index += sl.records
	}

	// Record 6: documents, lines of 80 bytes: where the file comes from
	// and which columns were renamed.
	var lines []string
	for _, doc := range docs {
		for doc != "" {
			line := truncate(doc, 80)
			lines = append(lines, line)
			doc = doc[len(line):]
		}
	}
	if len(lines) > 0 {
		s.i32(6)
		s.i32(int32(len(lines)))
		for _, l := range lines {
			s.padded(l, 80)
		}
	}

	// Subtype 3: machine integer info: version 1.0.0, no machine code, IEEE
	// 754, compression 1, little-endian, UTF-8 (code page 65001).
	s.ext(3, 4, 8)
	for _, x := range []int32{1, 0, 0, -1, 1, 1, 2, 65001} {
		s.i32(x)
	}
	// Subtype 4: floating-point info: system-missing, highest, lowest.
	s.ext(4, 8, 3)
	s.f64(sysmis)
	s.f64(math.MaxFloat64)
	s.f64(math.Nextafter(-math.MaxFloat64, 0))

	// Subtype 7: multiple dichotomy sets counted at 1, their categories
	// labelled by the variables' labels (the option texts).
	if len(d.Sets) > 0 {
		shortOf := map[string]string{}
		for _, sl := range slots {
			if sl.first {
				shortOf[sl.v.Name] = strings.ToLower(sl.short)
			}
		}
		var b strings.Builder
		for _, set := range d.Sets {
			fmt.Fprintf(&b, "%s=D1 1 %d %s", set.Name, len(set.Label), set.Label)
			for _, name := range set.Vars {
				b.WriteString(" " + shortOf[name])
			}
			b.WriteByte('\n')
		}
		s.ext(7, 1, b.Len())
		s.bytes([]byte(b.String()))
	}

	// Subtype 11: measurement level, display width and alignment of every
	// variable record but continuations (each segment of a very long string
	// counts).
	s.ext(11, 4, 3*len(slots))
	for _, sl := range slots {
		s.i32(int32(sl.v.Measure))
		if sl.v.Type == String {
			s.i32(int32(min(max(sl.width, 8), 40)))
			s.i32(0) // left
		} else {
			s.i32(int32(displayWidth(sl.v)))
			s.i32(1) // right
		}
	}

	// Subtype 13: long variable names, SHORT=Long separated by tabs.
	var names []string
	for _, sl := range slots {
		if sl.first {
			names = append(names, sl.short+"="+sl.v.Name)
		}
	}
	long := strings.Join(names, "\t")
	s.ext(13, 1, len(long))
	s.bytes([]byte(long))

	// Subtype 14: very long strings, SHORT=width (5 digits) NUL tab.
	var vls strings.Builder
	for _, sl := range slots {
		if sl.first && sl.v.Type == String && segments(max(sl.v.Width, 1)) > 1 {
			fmt.Fprintf(&vls, "%s=%05d\x00\t", sl.short, sl.v.Width)
		}
	}
	if vls.Len() > 0 {
		s.ext(14, 1, vls.Len())
		s.bytes([]byte(vls.String()))
	}

	// Subtype 20: the character encoding.
	s.ext(20, 1, len("UTF-8"))
	s.bytes([]byte("UTF-8"))

	// Record 999: end of the dictionary.
	s.i32(999)
	s.i32(0)
	if s.err != nil {
		return s.err
	}

	varIndex := make([]int, len(slots)) // slot → its variable's cell in a row
	for i, k := 0, 0; i < len(slots); i++ {
		for d.Vars[k] != slots[i].v {
			k++
		}
		varIndex[i] = k
	}
	// The cases: each row group compressed on a CPU of its own, written in
	// order. A group's last command block is padded with code 0, which
	// readers skip, so the groups' bytes simply follow each other.
	type chunk struct {
		data     []byte
		problems Problems
		err      error
	}
	workers := runtime.GOMAXPROCS(0)
	// Output buffers go round: a group's bytes are some MB, and a fresh
	// buffer per group would be grown, copied and collected each time.
	buffers := make(chan []byte, workers+2)
	buffer := func() []byte {
		select {
		case b := <-buffers:
			return b[:0]
		default:
			return make([]byte, 0, 1<<20)
		}
	}
	err := parallel.InOrder(context.Background(), workers, workers+1, func(send func(int) bool) error {
		for i := 0; i < len(pieces) && send(i); i++ {
		}
		return nil
	}, func(_ int, i int) chunk {
		var ch chunk
		c := &compressor{out: buffer()}
		row := make([]cell, len(d.Vars))
		err := readPiece(d, pieces[i], &ch.problems, nil, row, func(row []cell) error {
			c.row(slots, varIndex, row, &ch.problems)
			return nil
		})
		c.flush()
		ch.data, ch.err = c.out, err
		return ch
	}, func(ch chunk) error {
		if ch.err != nil {
			return ch.err
		}
		s.bytes(ch.data)
		select {
		case buffers <- ch.data:
		default:
		}
		p.add(&ch.problems)
		return s.err
	})
	if err != nil {
		return err
	}
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

// row compresses one case. A text wider than its variable (only a file
// another tool wrote can hold one) is cut, and counted.
func (c *compressor) row(slots []slot, varIndex []int, row []cell, p *Problems) {
	for i, sl := range slots {
		x := row[varIndex[i]]
		if sl.v.Type != String {
			switch {
			case !x.ok:
				c.code(255)
			case sl.v.Type == Date || sl.v.Type == DateTime:
				c.number(x.num + spssEpoch)
			default:
				c.number(x.num)
			}
			continue
		}
		if sl.first && len(x.str) > sl.v.Width {
			p.LongTexts++
		}
		c.text(x.str, sl)
	}
}

func (s *savWriter) ext(subtype, size, count int) {
	s.i32(7)
	s.i32(int32(subtype))
	s.i32(int32(size))
	s.i32(int32(count))
}

func boolInt(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

func displayWidth(v *Variable) int {
	switch v.Type {
	case Date:
		return 11
	case DateTime:
		return 20
	}
	return 8
}

// compressor writes SPSS bytecode: groups of eight one-byte codes, each
// followed by the 8-byte values of its codes that carry one (253). Codes
// 1-251 are whole numbers from -99 to 151 (the code less the bias), 254 is
// eight spaces, 255 system-missing. A group's codes are reserved in out
// when its first code comes and filled in place, its values appended
// after them as they come, so every byte is written once.
type compressor struct {
	out   []byte
	block int // index in out of the current group's codes
	n     int // codes in it so far (0: none open)
}

func (c *compressor) code(b byte) {
	if c.n == 0 {
		c.block = len(c.out)
		c.out = append(c.out, 0, 0, 0, 0, 0, 0, 0, 0)
	}
	c.out[c.block+c.n] = b
	c.n = (c.n + 1) % 8
}

func (c *compressor) number(x float64) {
	if x == math.Trunc(x) && x >= 1-bias && x <= 251-bias {
		c.code(byte(x + bias))
		return
	}
	c.code(253)
	c.out = binary.LittleEndian.AppendUint64(c.out, math.Float64bits(x))
}

// text writes the bytes of str that segment sl carries, padded with
// spaces to its slots, eight bytes at a time: each 8 bytes of text raw,
// the last piece padded, the blank rest as code 254.
func (c *compressor) text(str string, sl slot) {
	part := ""
	if sl.offset < len(str) {
		part = str[sl.offset:min(len(str), sl.offset+sl.used)]
	}
	k := 0
	for ; k < sl.records && len(part) >= 8; k++ {
		c.code(253)
		c.out = append(c.out, part[:8]...)
		part = part[8:]
	}
	if k < sl.records && part != "" {
		c.code(253)
		c.out = append(c.out, part...)
		c.out = append(c.out, "        "[len(part):]...)
		k++
	}
	for ; k < sl.records; k++ {
		c.code(254)
	}
}

// flush ends the group being filled: its unused codes stay 0, which
// readers skip.
func (c *compressor) flush() { c.n = 0 }
