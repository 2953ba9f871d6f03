package chart_test

import (
	"html/template"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/chart"
)

const longLabel = "Персонализация и релевантность на всех каналах взаимодействия с клиентом"

func TestGoldenCharts(t *testing.T) {
	cases := map[string]string{
		"bars": string(chart.Bars("NPS by company", "", []chart.Bar{
			{Label: "Ромашка", Value: 31.4, Low: 22.1, High: 40.2, Note: "*"},
			{Label: longLabel, Value: -12, Low: -20, High: -3, Highlight: true},
			{Label: "Suppressed", Suppressed: true},
		}, -100, 100)),
		"stacked": string(chart.Stacked("NPS composition", []chart.StackRow{
			{Label: "All", Segments: []chart.Segment{{"Promoters", 45, chart.Promoter}, {"Passives", 30, chart.Passive}, {"Detractors", 25, chart.Detractor}}},
			{Label: "Small group", Suppressed: true},
		})),
		"radar": string(chart.Radar("Maturity map", []string{"Клиент", "Опыт", longLabel, "Культура", "Цифра"}, []chart.Series{
			{Label: "Median", Values: []float64{50, 60, 55, 40, 70}, Colour: chart.Palette[0], Dashed: true},
			{Label: "You", Values: []float64{70, 40, math.NaN(), 65, 80}, Colour: chart.Palette[1], Fill: true},
		}, &[2][]float64{{40, 50, 45, 30, 60}, {60, 70, 65, 50, 80}})),
		"heatmap": string(chart.Heatmap(chart.Heat{Title: "Participants × blocks", Rows: []string{"A", "B"}, Cols: []string{"Бренд", "Культура"},
			Cells: [][]chart.Cell{{{Value: 12}, {Value: 88}}, {{Suppressed: true}, {Value: math.NaN()}}}})),
		// A matrix in Russian: the page's own number format, each row's
		// base, a column head on two lines, a row hidden by the minimum
		// size (its cells hatched and labelled) and a scale of means.
		"heatmap-matrix": string(chart.Heatmap(chart.Heat{Title: "Каналы", Desc: "Тепловая карта: 2 строки на 3 столбца",
			Rows: []string{"Телефон", longLabel}, Cols: []string{"Совсем не согласен", "Согласен", "Полностью согласен"},
			Cells: [][]chart.Cell{
				{{Value: 1.5, Text: "1,5", Title: "Телефон × Совсем не согласен: 1,5"}, {Value: 3, Text: "3,0"}, {Value: 4.5, Text: "4,5"}},
				{{Suppressed: true, Title: "меньше 10 ответов"}, {Suppressed: true}, {Suppressed: true}},
			},
			Base: []string{"12", "4"}, BaseHead: "n", Min: 1, Max: 5, MinText: "1", MaxText: "5", Suppressed: "n < 10"})),
		"lines": string(chart.Lines("NPS trend", []string{"2017", "2018"}, []chart.LineSeries{
			{Label: "All", Values: []float64{10, 25}, Low: []float64{5, 20}, High: []float64{15, 30}, Significant: []bool{false, true}, Colour: chart.Palette[0]},
		}, -100, 100)),
	}
	for name, svg := range cases {
		t.Run(name, func(t *testing.T) {
			if !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, `role="img"`) || !strings.Contains(svg, "<title>") {
				t.Errorf("not an accessible SVG: %.120s", svg)
			}
			if strings.Contains(svg, "NaN") {
				t.Error("NaN leaked into the SVG")
			}
			testkit.Golden(t, "testdata/"+name+".svg", []byte(svg+"\n"))
		})
	}
}

// TestNoNaNFromMissingFigures: a bar whose figure or interval cannot be
// computed, and a trend with a wave without an interval, draw no "NaN".
func TestNoNaNFromMissingFigures(t *testing.T) {
	nan := math.NaN()
	for name, svg := range map[string]template.HTML{
		"bars": chart.Bars("x", "", []chart.Bar{{Label: "r", Value: nan, Low: nan, High: nan}, {Label: "n1", Value: 6, Low: nan, High: nan}}, 0, 100),
		"lines": chart.Lines("x", []string{"2023", "2024", "2025"}, []chart.LineSeries{{Label: "All", Values: []float64{10, nan, 30},
			Low: []float64{5, nan, nan}, High: []float64{15, nan, nan}, Colour: chart.Palette[0]}}, 0, 100),
	} {
		if strings.Contains(string(svg), "NaN") || strings.Contains(string(svg), "Inf") {
			t.Errorf("%s: NaN in the SVG: %s", name, svg)
		}
	}
}

func TestEscapesLabels(t *testing.T) {
	svg := string(chart.Bars(`<b>"x"</b>`, "", []chart.Bar{{Label: `<script>alert(1)</script>`, Value: 1}}, 0, 10))
	if strings.Contains(svg, "<script>") || strings.Contains(svg, "<b>") {
		t.Fatalf("labels not escaped: %s", svg)
	}
}

func TestRadarNeedsThreeAxes(t *testing.T) {
	svg := string(chart.Radar("x", []string{"a", "b"}, nil, nil))
	if !strings.Contains(svg, "—") {
		t.Error("a radar with fewer than 3 axes must say it has nothing to draw")
	}
}

// TestHeatContrast: a cell's value is printed in whichever of dark and
// white text reads better on its colour, at least 4.5:1 (WCAG 2 AA for
// text) everywhere on the scale; and the contrast formula gives WCAG's
// own figures.
func TestHeatContrast(t *testing.T) {
	if c := chart.Contrast("#FFFFFF", "#000000"); math.Abs(c-21) > 1e-9 {
		t.Errorf("white on black: %v, want 21", c)
	}
	if c := chart.Contrast("#767676", "#FFFFFF"); math.Abs(c-4.54) > 0.01 {
		t.Errorf("#767676 on white: %v, want 4.54", c)
	}
	fill := regexp.MustCompile(`<rect [^>]*fill="(#[0-9A-F]{6})"[^>]*/><text [^>]*style="fill:(#[0-9A-F]{6})">`)
	for v := 0; v <= 100; v++ {
		svg := string(chart.Heatmap(chart.Heat{Rows: []string{"r"}, Cols: []string{"c"}, Cells: [][]chart.Cell{{{Value: float64(v)}}}}))
		m := fill.FindStringSubmatch(svg)
		if m == nil {
			t.Fatalf("%d: no cell in %s", v, svg)
		}
		if c := chart.Contrast(m[1], m[2]); c < 4.5 {
			t.Errorf("%d: text %s on %s has contrast %.2f, below 4.5", v, m[2], m[1], c)
		}
	}
}

// TestHeatmapHidesSuppressedValues: a suppressed cell shows the map's
// suppression text and never its value, even when the caller left the
// value in.
func TestHeatmapHidesSuppressedValues(t *testing.T) {
	svg := string(chart.Heatmap(chart.Heat{Rows: []string{"r"}, Cols: []string{"a", "b"}, Suppressed: "n < 5",
		Cells: [][]chart.Cell{{{Value: 77.7, Text: "77,7", Suppressed: true}, {Value: 22.2, Text: "22,2"}}}}))
	if strings.Contains(svg, "77,7") || strings.Contains(svg, "77.7") {
		t.Errorf("a suppressed cell's value is in the SVG: %s", svg)
	}
	if strings.Count(svg, "n &lt; 5") != 2 || !strings.Contains(svg, ">22,2<") {
		t.Errorf("want the suppressed cell and the legend to say n < 5, and the other cell 22,2: %s", svg)
	}
}
