package export

import (
	"testing"

	"github.com/opros/opros/compiler/ir"
)

// TestErrorText: every message in both languages, with the same verbs.
func TestErrorText(t *testing.T) {
	for _, bad := range errorText.Check(errCount) {
		t.Error(bad)
	}
}

// TestCompressor: whole numbers from -99 to 151 are one code, others and
// text follow their block of codes, eight spaces are one code, and a
// block is padded with code 0.
func TestCompressor(t *testing.T) {
	c := &compressor{}
	c.number(1)
	c.number(-99)
	c.number(151)
	c.number(152)
	c.number(0.5)
	c.code(255)
	c.text("ab", slot{width: 10, used: 10, records: 2})
	c.flush()
	want := []byte{101, 1, 251, 253, 253, 255, 253, 254}
	if string(c.out[:8]) != string(want) {
		t.Errorf("codes % d, want % d", c.out[:8], want)
	}
	if len(c.out) != 8+3*8 || string(c.out[24:32]) != "ab      " || c.out[8] != 0 {
		t.Errorf("data %q", c.out[8:])
	}
	c = &compressor{}
	c.number(3)
	c.flush()
	if string(c.out) != string([]byte{103, 0, 0, 0, 0, 0, 0, 0}) {
		t.Errorf("padded block % d", c.out)
	}
}

// TestSegments: a string over 255 bytes is stored as segments of 255
// bytes carrying 252 each, the last as wide as what is left (PSPP's rule).
func TestSegments(t *testing.T) {
	d := &Dictionary{Vars: []*Variable{{Name: "why", Type: String, Width: 600}, {Name: "n", Type: Numeric}}}
	slots := layout(d)
	if len(slots) != 4 {
		t.Fatalf("%d slots", len(slots))
	}
	for i, want := range []struct{ width, offset, used, records int }{{255, 0, 252, 32}, {255, 252, 252, 32}, {96, 504, 96, 12}} {
		s := slots[i]
		if s.width != want.width || s.offset != want.offset || s.used != want.used || s.records != want.records {
			t.Errorf("segment %d: %+v, want %+v", i, s, want)
		}
	}
	if slots[0].short != "WHY" || slots[1].short == slots[2].short || slots[3].short != "N" {
		t.Errorf("short names %s %s %s %s", slots[0].short, slots[1].short, slots[2].short, slots[3].short)
	}
}

// TestOptionValues: codes become their numbers only when every code is
// one, written plainly; "01" beside "1" would make two options one value.
func TestOptionValues(t *testing.T) {
	opts := func(codes ...string) []ir.Option {
		var out []ir.Option
		for _, c := range codes {
			out = append(out, ir.Option{Code: c})
		}
		return out
	}
	for _, c := range []struct {
		codes []string
		want  []float64
	}{
		{[]string{"1", "2", "5"}, []float64{1, 2, 5}},
		{[]string{"0", "10", "-1"}, []float64{0, 10, -1}},
		{[]string{"1", "01"}, []float64{1, 2}},
		{[]string{"+1", "2"}, []float64{1, 2}},
		{[]string{"a", "2"}, []float64{1, 2}},
	} {
		labels, _ := optionValues(opts(c.codes...), "en")
		for i, l := range labels {
			if l.Value != c.want[i] {
				t.Errorf("%v: %v", c.codes, labels)
				break
			}
		}
	}
}
