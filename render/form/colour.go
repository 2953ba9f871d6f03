package form

import (
	"fmt"
	"math"
	"strconv"
)

// The theme's accent colour is the author's, and nothing stops it being
// light: "#ffd700" under white button text is 1.4:1, far below WCAG AA.
// So the form never uses the accent as it is where it would be read. On
// an accent background (buttons, a chosen scale point) text is black or
// white, whichever contrasts more; where the accent itself is the
// foreground on the page (links, focus rings, check boxes, the progress
// bar) it is darkened, hue kept, until it reaches 4.5:1 against the
// page's grey (form.css --soft), which also makes it 3:1 against the
// progress track and more than 4.5:1 against white.

// rgb is an sRGB colour, one byte a channel.
type rgb [3]uint8

var (
	white = rgb{0xff, 0xff, 0xff}
	black = rgb{0, 0, 0}
	// pageGrey is form.css --soft, the darkest background accent-coloured
	// text sits on (the header around the intro's links).
	pageGrey = rgb{0xf6, 0xf8, 0xfa}
)

// parseHex reads "#rgb" or "#rrggbb" (hexColour has already matched it).
func parseHex(s string) (rgb, bool) {
	if len(s) == 4 {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, false
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return rgb{}, false
	}
	return rgb{uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
}

func (c rgb) hex() string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

// luminance is WCAG 2's relative luminance: sRGB channels linearised
// (with the sRGB standard's 0.04045 threshold, as WCAG 2.2 corrected it)
// and weighted 0.2126, 0.7152, 0.0722.
func (c rgb) luminance() float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// contrast is WCAG 2's contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1
// the lighter: 1 for equal colours, 21 for black on white.
func contrast(a, b rgb) float64 {
	x, y := a.luminance(), b.luminance()
	if x < y {
		x, y = y, x
	}
	return (x + 0.05) / (y + 0.05)
}

// inkOn is the text colour for an accent background: black or white,
// whichever contrasts more (at worst 4.58:1, where the two are equal).
func inkOn(bg rgb) rgb {
	if contrast(black, bg) > contrast(white, bg) {
		return black
	}
	return white
}

// darkenTo returns c, or c mixed with black in the least step of 1/100
// that gives at least min contrast against bg (bg lighter than min needs).
func darkenTo(c, bg rgb, min float64) rgb {
	for i := 100; i > 0; i-- {
		f := float64(i) / 100
		d := rgb{uint8(math.Round(float64(c[0]) * f)), uint8(math.Round(float64(c[1]) * f)), uint8(math.Round(float64(c[2]) * f))}
		if contrast(d, bg) >= min {
			return d
		}
	}
	return black
}

// accentColours are the CSS custom properties for an accent: the accent
// itself (backgrounds), the text on it, and the accent as a foreground.
type accentColours struct {
	Accent, Ink, Text string
}

func accentColoursOf(hex string) (accentColours, bool) {
	c, ok := parseHex(hex)
	if !ok {
		return accentColours{}, false
	}
	return accentColours{Accent: c.hex(), Ink: inkOn(c).hex(), Text: darkenTo(c, pageGrey, 4.5).hex()}, true
}
