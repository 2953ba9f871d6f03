// Package chart draws the report's charts as inline SVG in Go: readable
// without JavaScript, printable, deterministic (fixed number formatting),
// accessible (role="img" with a title and description) and each paired
// with a data table a screen reader can read instead. Text is escaped:
// labels may come from respondents.
package chart

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Palette is colour-blind safe (Okabe–Ito), in a fixed order.
var Palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}

// Colours for NPS composition and good/bad scales.
const (
	Promoter  = "#009E73"
	Passive   = "#BBBBBB"
	Detractor = "#D55E00"
	Muted     = "#8C959F"
	Grid      = "#E1E4E8"
	Ink       = "#1B1F24"
)

func f(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

func esc(s string) string { return html.EscapeString(s) }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// truncate shortens a label to n characters (runes) with an ellipsis; the
// full text stays in a <title> for hover and screen readers.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func open(b *strings.Builder, w, h float64, title, desc string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" class="chart">`, f(w), f(h))
	fmt.Fprintf(b, `<title>%s</title><desc>%s</desc>`, esc(title), esc(desc))
	fmt.Fprintf(b, `<style>text{font:12px system-ui,sans-serif;fill:%s}.m{fill:%s}.v{font-weight:600}</style>`, Ink, Muted)
}

// Bar is one bar with an optional interval.
type Bar struct {
	Label      string
	Value      float64
	Low, High  float64 // interval; equal to Value when none
	Suppressed bool
	Highlight  bool   // the participant's own bar
	Note       string // e.g. "▲ significant"
}

// Bars draws horizontal bars with confidence whiskers on the axis [min, max].
func Bars(title, unit string, bars []Bar, min, max float64) template.HTML {
	const lw, bw, rowH, pad = 220.0, 360.0, 26.0, 8.0
	w := lw + bw + 90
	h := pad*2 + rowH*float64(len(bars)) + 20
	var b strings.Builder
	open(&b, w, h, title, fmt.Sprintf("%d bars from %s to %s %s", len(bars), f(min), f(max), unit))
	x := func(v float64) float64 {
		if max == min {
			return lw
		}
		return lw + bw*(math.Max(min, math.Min(max, v))-min)/(max-min)
	}
	// axis ticks
	for i := 0; i <= 4; i++ {
		v := min + (max-min)*float64(i)/4
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/>`, f(x(v)), f(x(v)), f(pad), f(h-20), Grid)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" class="m">%s</text>`, f(x(v)), f(h-6), f(v))
	}
	if min < 0 && max > 0 {
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/>`, f(x(0)), f(x(0)), f(pad), f(h-20), Muted)
	}
	for i, bar := range bars {
		y := pad + rowH*float64(i)
		fmt.Fprintf(&b, `<g><title>%s</title>`, esc(bar.Label))
		weight := ""
		if bar.Highlight {
			weight = ` class="v"`
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end"%s>%s</text>`, f(lw-8), f(y+rowH/2+4), weight, esc(truncate(bar.Label, 30)))
		if bar.Suppressed {
			fmt.Fprintf(&b, `<text x="%s" y="%s" class="m">— n &lt; min</text></g>`, f(lw+4), f(y+rowH/2+4))
			continue
		}
		if !finite(bar.Value) { // a figure that cannot be computed
			fmt.Fprintf(&b, `<text x="%s" y="%s" class="m">—</text></g>`, f(lw+4), f(y+rowH/2+4))
			continue
		}
		colour := Palette[0]
		if bar.Highlight {
			colour = Palette[1]
		}
		x0 := x(math.Max(min, 0))
		if min >= 0 {
			x0 = x(min)
		}
		xv := x(bar.Value)
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" rx="2"/>`, f(math.Min(x0, xv)), f(y+5), f(math.Abs(xv-x0)), f(rowH-10), colour)
		if finite(bar.Low) && finite(bar.High) && bar.High > bar.Low {
			fmt.Fprintf(&b, `<path d="M%s %sH%sM%s %sV%sM%s %sV%s" stroke="%s" stroke-width="1.5"/>`,
				f(x(bar.Low)), f(y+rowH/2), f(x(bar.High)), f(x(bar.Low)), f(y+8), f(y+rowH-8), f(x(bar.High)), f(y+8), f(y+rowH-8), Ink)
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" class="v">%s %s</text></g>`, f(lw+bw+6), f(y+rowH/2+4), f(bar.Value), esc(bar.Note))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // every text above is escaped
}

// Segment is one part of a stacked bar.
type Segment struct {
	Label  string
	Share  float64 // percent
	Colour string
}

// StackRow is one 100% bar.
type StackRow struct {
	Label      string
	Segments   []Segment
	Suppressed bool
}

// Stacked draws 100% stacked bars (NPS composition, option distributions,
// matrix rows) with a legend.
func Stacked(title string, rows []StackRow) template.HTML {
	const lw, bw, rowH, pad = 220.0, 420.0, 26.0, 8.0
	legend := map[string]string{}
	var order []string
	for _, r := range rows {
		for _, s := range r.Segments {
			if _, ok := legend[s.Label]; !ok {
				legend[s.Label] = s.Colour
				order = append(order, s.Label)
			}
		}
	}
	legendRows := (len(order) + 2) / 3
	h := pad*2 + rowH*float64(len(rows)) + 20*float64(legendRows)
	w := lw + bw + 20
	var b strings.Builder
	open(&b, w, h, title, fmt.Sprintf("%d rows, shares in percent", len(rows)))
	for i, r := range rows {
		y := pad + rowH*float64(i)
		fmt.Fprintf(&b, `<g><title>%s</title><text x="%s" y="%s" text-anchor="end">%s</text>`, esc(r.Label), f(lw-8), f(y+rowH/2+4), esc(truncate(r.Label, 30)))
		if r.Suppressed {
			fmt.Fprintf(&b, `<text x="%s" y="%s" class="m">— n &lt; min</text></g>`, f(lw+4), f(y+rowH/2+4))
			continue
		}
		x := lw
		for _, s := range r.Segments {
			sw := bw * s.Share / 100
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s: %s%%</title></rect>`, f(x), f(y+4), f(sw), f(rowH-8), s.Colour, esc(s.Label), f(s.Share))
			if sw > 28 {
				fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" style="fill:#fff;font-size:11px">%s</text>`, f(x+sw/2), f(y+rowH/2+4), strconv.FormatFloat(s.Share, 'f', 0, 64))
			}
			x += sw
		}
		b.WriteString(`</g>`)
	}
	for i, l := range order {
		x := lw + float64(i%3)*150
		y := pad + rowH*float64(len(rows)) + 20*float64(i/3) + 6
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="10" height="10" fill="%s"/><text x="%s" y="%s">%s</text>`, f(x), f(y), legend[l], f(x+14), f(y+9), esc(truncate(l, 22)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // escaped
}

// Series is one polygon of a radar or one line of a trend chart.
type Series struct {
	Label  string
	Values []float64 // NaN = missing
	Colour string
	Dashed bool
	Fill   bool
}

// Radar draws a maturity map: axes in the given (fixed) order, 0-100, with a
// shaded band between Band[0] and Band[1] (e.g. the benchmark quartiles).
func Radar(title string, axes []string, series []Series, band *[2][]float64) template.HTML {
	// Wider than tall: axis labels at the sides need room to the left and right.
	const width, size, r = 680.0, 440.0, 150.0
	cx, cy := width/2, size/2
	n := len(axes)
	var b strings.Builder
	open(&b, width, size+20*float64((len(series)+2)/2), title, fmt.Sprintf("Radar of %d axes on a 0-100 scale", n))
	if n < 3 {
		b.WriteString(`<text x="10" y="20">—</text></svg>`)
		return template.HTML(b.String()) //nolint:gosec // constant
	}
	pt := func(i int, v float64) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return cx + r*v/100*math.Cos(a), cy + r*v/100*math.Sin(a)
	}
	poly := func(vals []float64) string {
		var p []string
		for i, v := range vals {
			if math.IsNaN(v) {
				v = 0
			}
			x, y := pt(i, v)
			p = append(p, f(x)+","+f(y))
		}
		return strings.Join(p, " ")
	}
	for _, ring := range []float64{25, 50, 75, 100} {
		vals := make([]float64, n)
		for i := range vals {
			vals[i] = ring
		}
		fmt.Fprintf(&b, `<polygon points="%s" fill="none" stroke="%s"/>`, poly(vals), Grid)
		x, y := pt(0, ring)
		fmt.Fprintf(&b, `<text x="%s" y="%s" class="m" style="font-size:10px">%s</text>`, f(x+3), f(y-2), f(ring))
	}
	for i, a := range axes {
		x, y := pt(i, 100)
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, f(cx), f(cy), f(x), f(y), Grid)
		lx, ly := pt(i, 118)
		anchor := "middle"
		if lx < cx-10 {
			anchor = "end"
		} else if lx > cx+10 {
			anchor = "start"
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="%s"><title>%s</title>%s</text>`, f(lx), f(ly+4), anchor, esc(a), esc(truncate(a, 26)))
	}
	if band != nil {
		outer, inner := poly(band[1]), poly(band[0])
		fmt.Fprintf(&b, `<path d="M%sZM%sZ" fill="%s" fill-opacity=".18" fill-rule="evenodd" stroke="none"><title>IQR</title></path>`,
			strings.ReplaceAll(outer, " ", "L"), strings.ReplaceAll(inner, " ", "L"), Muted)
	}
	for _, s := range series {
		fill := "none"
		if s.Fill {
			fill = s.Colour
		}
		dash := ""
		if s.Dashed {
			dash = ` stroke-dasharray="5 4"`
		}
		fmt.Fprintf(&b, `<polygon points="%s" fill="%s" fill-opacity=".15" stroke="%s" stroke-width="2"%s><title>%s</title></polygon>`, poly(s.Values), fill, s.Colour, dash, esc(s.Label))
	}
	for i, s := range series {
		x := 120 + float64(i%2)*240
		y := size + 20*float64(i/2) - 4
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="12" height="4" fill="%s"/><text x="%s" y="%s">%s</text>`, f(x), f(y), s.Colour, f(x+16), f(y+5), esc(truncate(s.Label, 30)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // escaped
}

// Cell is one heatmap cell. Text is what the cell prints, the value
// formatted in the page's language ("" prints Value with one decimal);
// Title is what hovering or a screen reader's exploration says of it (its
// row, column, value, interval and base). A Suppressed cell never prints or
// colours its value: it is hatched and says the map's Suppressed text. A
// cell whose value cannot be computed (NaN) prints a dash.
type Cell struct {
	Value      float64
	Text       string
	Title      string
	Suppressed bool
}

// Heat is a heatmap: Rows × Cols of values coloured on the scale Min..Max
// (0..100 when Max <= Min), each value printed in its cell. The texts are
// the caller's, in the page's language: Desc says what the values are (the
// SVG's description), Base is each row's base printed after the row under
// BaseHead (none when nil), MinText and MaxText label the scale's ends and
// Suppressed is what a suppressed cell says (the minimum-size rule).
type Heat struct {
	Title, Desc      string
	Rows, Cols       []string
	Cells            [][]Cell
	Base             []string
	BaseHead         string
	Min, Max         float64
	MinText, MaxText string
	Suppressed       string
}

// Heatmap draws a heatmap with a colour scale below it.
func Heatmap(h Heat) template.HTML {
	const lw, cw, rh, top, scaleH = 200.0, 86.0, 26.0, 60.0, 40.0
	min, max := h.Min, h.Max
	if max <= min {
		min, max = 0, 100
	}
	bw := 0.0
	if h.Base != nil {
		bw = 50
	}
	w := math.Max(lw+cw*float64(len(h.Cols))+bw+10, lw+300)
	gridBottom := top + rh*float64(len(h.Rows))
	height := gridBottom + scaleH
	desc := h.Desc
	if desc == "" {
		desc = fmt.Sprintf("%d rows by %d columns, values %s to %s", len(h.Rows), len(h.Cols), f(min), f(max))
	}
	var b strings.Builder
	open(&b, w, height, h.Title, desc)
	for j, c := range h.Cols {
		// A column's head takes two lines of its width; the whole label is
		// its title.
		lines := wrap(c, 13, 2)
		y := top - 10 - 14*float64(len(lines)-1)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle"><title>%s</title>`, f(lw+cw*float64(j)+cw/2), f(y), esc(c))
		for k, l := range lines {
			dy := "0"
			if k > 0 {
				dy = "14"
			}
			fmt.Fprintf(&b, `<tspan x="%s" dy="%s">%s</tspan>`, f(lw+cw*float64(j)+cw/2), dy, esc(l))
		}
		b.WriteString(`</text>`)
	}
	if h.Base != nil {
		fmt.Fprintf(&b, `<text x="%s" y="%s">%s</text>`, f(lw+cw*float64(len(h.Cols))+10), f(top-10), esc(h.BaseHead))
	}
	suppressed := h.Suppressed
	if suppressed == "" {
		suppressed = "—"
	}
	anySuppressed := false
	for i, r := range h.Rows {
		y := top + rh*float64(i)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end"><title>%s</title>%s</text>`, f(lw-8), f(y+rh/2+4), esc(r), esc(truncate(r, 24)))
		for j := range h.Cols {
			x := lw + cw*float64(j)
			var c Cell
			if i < len(h.Cells) && j < len(h.Cells[i]) {
				c = h.Cells[i][j]
			} else {
				c.Value = math.NaN()
			}
			title := ""
			if c.Title != "" {
				title = "<title>" + esc(c.Title) + "</title>"
			}
			switch {
			case c.Suppressed:
				anySuppressed = true
				fmt.Fprintf(&b, `<g>%s`, title)
				hatch(&b, x, y, cw, rh)
				fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" style="fill:%s">%s</text></g>`, f(x+cw/2), f(y+rh/2+4), hatchInk, esc(suppressed))
			case !finite(c.Value):
				fmt.Fprintf(&b, `<g>%s<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#fff"/><text x="%s" y="%s" text-anchor="middle" style="fill:%s">—</text></g>`,
					title, f(x), f(y), f(cw), f(rh), hatchFill, f(x+cw/2), f(y+rh/2+4), hatchInk)
			default:
				fill, ink := heat((c.Value - min) / (max - min))
				text := c.Text
				if text == "" {
					text = f(c.Value)
				}
				fmt.Fprintf(&b, `<g>%s<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#fff"/><text x="%s" y="%s" text-anchor="middle" style="fill:%s">%s</text></g>`,
					title, f(x), f(y), f(cw), f(rh), fill, f(x+cw/2), f(y+rh/2+4), ink, esc(text))
			}
		}
		if i < len(h.Base) {
			fmt.Fprintf(&b, `<text x="%s" y="%s">%s</text>`, f(lw+cw*float64(len(h.Cols))+10), f(y+rh/2+4), esc(h.Base[i]))
		}
	}
	// The colour scale: five steps from Min to Max, labelled at the ends,
	// and the hatch of a suppressed cell with what it means.
	y := gridBottom + 14
	minText, maxText := h.MinText, h.MaxText
	if minText == "" {
		minText = f(min)
	}
	if maxText == "" {
		maxText = f(max)
	}
	fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end">%s</text>`, f(lw-4), f(y+11), esc(minText))
	for k := 0; k < 5; k++ {
		fill, _ := heat(float64(k) / 4)
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="24" height="14" fill="%s"/>`, f(lw+24*float64(k)), f(y), fill)
	}
	fmt.Fprintf(&b, `<text x="%s" y="%s">%s</text>`, f(lw+124), f(y+11), esc(maxText))
	if anySuppressed && h.Suppressed != "" {
		hatch(&b, lw+190, y, 24, 14)
		fmt.Fprintf(&b, `<text x="%s" y="%s">%s</text>`, f(lw+218), f(y+11), esc(h.Suppressed))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // escaped
}

// A suppressed cell is light grey with diagonal lines (drawn as a path, so
// that two heatmaps on one page share no pattern id) and dark grey text.
const (
	hatchFill = "#F6F8FA"
	hatchLine = "#D0D7DE"
	hatchInk  = "#57606A" // 6.2:1 on hatchFill
)

func hatch(b *strings.Builder, x, y, w, h float64) {
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#fff"/><path d="`, f(x), f(y), f(w), f(h), hatchFill)
	// Lines at 45° every 8 px, clipped to the cell by hand.
	for d := 8.0; d < w+h; d += 8 {
		x0, y0 := x+math.Max(0, d-h), y+math.Min(d, h)
		x1, y1 := x+math.Min(d, w), y+math.Max(0, d-w)
		fmt.Fprintf(b, "M%s %sL%s %s", f(x0), f(y0), f(x1), f(y1))
	}
	fmt.Fprintf(b, `" stroke="%s"/>`, hatchLine)
}

// wrap breaks a label into at most n lines of about width characters at
// spaces, the last shortened with an ellipsis if the label is longer.
func wrap(s string, width, n int) []string {
	var lines []string
	words := strings.Fields(s)
	cur := ""
	for i, w := range words {
		switch {
		case cur == "":
			cur = w
		case len([]rune(cur))+1+len([]rune(w)) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
		if len(lines) == n-1 && i < len(words)-1 && cur != "" {
			// The last line takes the rest.
			cur = strings.Join(append([]string{cur}, words[i+1:]...), " ")
			break
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	for i := range lines {
		lines[i] = truncate(lines[i], width)
	}
	return lines
}

// heat maps t in 0..1 onto a sequential blue scale (colour-blind safe) and
// picks a text colour that contrasts with it at least 4.5:1 (WCAG 2 AA for
// text) over the whole scale, TestHeatContrast.
func heat(t float64) (string, string) {
	t = math.Max(0, math.Min(1, t))
	if math.IsNaN(t) {
		t = 0
	}
	lerp := func(a, b float64) int { return int(math.Round(a + (b-a)*t)) }
	r, g, bl := lerp(239, 8), lerp(243, 69), lerp(255, 148)
	fill := fmt.Sprintf("#%02X%02X%02X", r, g, bl)
	// Any colour reaches 4.5:1 with black or with white; the page's ink
	// is a little lighter than black, so in the middle of the scale
	// neither it nor white may, and black takes over.
	for _, ink := range []string{Ink, "#FFFFFF"} {
		if Contrast(fill, ink) >= 4.5 {
			return fill, ink
		}
	}
	return fill, "#000000"
}

// Contrast is the WCAG 2 contrast ratio of two colours written #RRGGBB.
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var rgb [3]float64
	for i := range rgb {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			rgb[i] = c / 12.92
		} else {
			rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
}

// LineSeries is one line of a trend chart: one value per wave, an optional
// band (Low/High per point) and larger markers for significant changes.
type LineSeries struct {
	Label       string
	Values      []float64
	Low, High   []float64
	Significant []bool
	Colour      string
}

// Lines draws the series on [min, max].
func Lines(title string, xs []string, series []LineSeries, min, max float64) template.HTML {
	const w, h, l, r, t, bt = 560.0, 260.0, 50.0, 20.0, 16.0, 60.0
	var b strings.Builder
	open(&b, w, h+20*float64((len(series)+1)/2), title, fmt.Sprintf("%d series over %d waves", len(series), len(xs)))
	px := func(i int) float64 {
		if len(xs) == 1 {
			return (l + w - r) / 2
		}
		return l + (w-l-r)*float64(i)/float64(len(xs)-1)
	}
	py := func(v float64) float64 { return t + (h-t-bt)*(1-(v-min)/(max-min)) }
	for i := 0; i <= 4; i++ {
		v := min + (max-min)*float64(i)/4
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/><text x="%s" y="%s" text-anchor="end" class="m">%s</text>`, f(l), f(w-r), f(py(v)), f(py(v)), Grid, f(l-6), f(py(v)+4), f(v))
	}
	for i, x := range xs {
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, f(px(i)), f(h-bt+18), esc(x))
	}
	for _, s := range series {
		if len(s.Low) == len(s.Values) && len(s.Values) > 1 {
			// The band joins the waves that have an interval; a wave
			// without one (suppressed, n = 1) is left out of it.
			var up, down []string
			for i := range s.Values {
				if !finite(s.Low[i]) || !finite(s.High[i]) {
					continue
				}
				up = append(up, f(px(i))+","+f(py(s.High[i])))
				down = append([]string{f(px(i)) + "," + f(py(s.Low[i]))}, down...)
			}
			if len(up) > 1 {
				fmt.Fprintf(&b, `<polygon points="%s" fill="%s" fill-opacity=".15"/>`, strings.Join(append(up, down...), " "), s.Colour)
			}
		}
		var pts []string
		for i, v := range s.Values {
			if !math.IsNaN(v) {
				pts = append(pts, f(px(i))+","+f(py(v)))
			}
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`, strings.Join(pts, " "), s.Colour)
		for i, v := range s.Values {
			if math.IsNaN(v) {
				continue
			}
			radius := "3.5"
			if i < len(s.Significant) && s.Significant[i] {
				radius = "6"
			}
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s" fill="%s"><title>%s %s: %s</title></circle>`, f(px(i)), f(py(v)), radius, s.Colour, esc(s.Label), esc(xs[i]), f(v))
		}
	}
	for i, s := range series {
		x := l + float64(i%2)*240
		y := h + 20*float64(i/2) - 10
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="12" height="4" fill="%s"/><text x="%s" y="%s">%s</text>`, f(x), f(y), s.Colour, f(x+16), f(y+5), esc(truncate(s.Label, 30)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // escaped
}
