package form

import (
	"math"
	"strings"
	"testing"
)

// TestContrast checks the WCAG maths against values worked by hand.
func TestContrast(t *testing.T) {
	near := func(got, want float64) bool { return math.Abs(got-want) < 0.005 }
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#ffffff", "#000000", 21},     // (1 + 0.05) / (0 + 0.05)
		{"#000", "#fff", 21},           // short form, either order
		{"#777777", "#ffffff", 4.48},   // 0x77 → 0.1845; 1.05 / 0.2345
		{"#767676", "#ffffff", 4.54},   // 0x76 → 0.1812; 1.05 / 0.2312, the lightest AA grey
		{"#ffd700", "#ffffff", 1.40},   // 0.2126 + 0.7152 × 0.6795 = 0.6986; 1.05 / 0.7486
		{"#ffd700", "#000000", 14.97},  // 0.7486 / 0.05
		{"#0b5394", "#ffffff", 7.84},   // 0.2126 × 0.0034 + 0.7152 × 0.0865 + 0.0722 × 0.2961 = 0.0840
		{"#ff0000", "#ffffff", 3.998},  // 1.05 / 0.2626
		{"#808080", "#808080", 1},      // equal colours
		{"#ffffff", "#f6f8fa", 1.0662}, // form.css --soft: L = 0.9363; 1.05 / 0.9863
	} {
		a, _ := parseHex(c.a)
		b, _ := parseHex(c.b)
		if got := contrast(a, b); !near(got, c.want) {
			t.Errorf("contrast(%s, %s) = %.4f, want %.4g", c.a, c.b, got, c.want)
		}
	}
	if l := (rgb{0xff, 0xd7, 0}).luminance(); !near(l, 0.6986) {
		t.Errorf("luminance(#ffd700) = %.4f, want 0.6986", l)
	}
}

func TestAccentColours(t *testing.T) {
	for _, c := range []struct {
		accent, ink, text string
	}{
		{"#ffd700", "#000000", ""},        // gold: black text on it, darkened for links
		{"#0b5394", "#ffffff", "#0b5394"}, // dark enough already: unchanged
		{"#0B5FFF", "#ffffff", "#0b5fff"}, // form.css's default, 4.82:1 on --soft
		{"#ff0", "#000000", ""},
		{"#777777", "#000000", ""}, // black 4.69:1, white 4.48:1; too light for text on the page
		{"#000", "#ffffff", "#000000"},
		{"#fff", "#000000", ""},
	} {
		got, ok := accentColoursOf(c.accent)
		if !ok {
			t.Fatalf("%s not read", c.accent)
		}
		if got.Accent != strings.ToLower(c.accent) && len(c.accent) == 7 {
			t.Errorf("%s: accent %s", c.accent, got.Accent)
		}
		if got.Ink != c.ink {
			t.Errorf("%s: text on it %s, want %s", c.accent, got.Ink, c.ink)
		}
		if c.text != "" && got.Text != c.text {
			t.Errorf("%s: as text %s, want %s", c.accent, got.Text, c.text)
		}
		acc, _ := parseHex(got.Accent)
		ink, _ := parseHex(got.Ink)
		text, _ := parseHex(got.Text)
		if r := contrast(ink, acc); r < 4.5 {
			t.Errorf("%s: text on the accent is %.2f:1", c.accent, r)
		}
		for _, bg := range []rgb{white, pageGrey} {
			if r := contrast(text, bg); r < 4.5 {
				t.Errorf("%s: accent text %s on %s is %.2f:1", c.accent, got.Text, bg.hex(), r)
			}
		}
		if r := contrast(text, rgb{0xd0, 0xd7, 0xde}); r < 3 { // the progress track, --line
			t.Errorf("%s: progress bar %s on its track is %.2f:1", c.accent, got.Text, r)
		}
		// Darkening keeps the hue: the channels keep their order.
		if (acc[0] < acc[1]) != (text[0] < text[1]) && text != black {
			t.Errorf("%s: darkened to %s changes the hue", c.accent, got.Text)
		}
	}
	// #ffd700 darkened: × 0.53 gives #877200, 4.45:1 on --soft; × 0.52
	// gives #857000, 4.57:1.
	got, _ := accentColoursOf("#ffd700")
	if got.Text != "#857000" {
		t.Errorf("#ffd700 as text: %s", got.Text)
	}
	for _, bad := range []string{"", "red", "#12345", "#ggg"} {
		if _, ok := accentColoursOf(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}
