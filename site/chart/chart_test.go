package chart_test

import (
	"html/template"
	"math"
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
		"heatmap": string(chart.Heatmap("Participants × blocks", []string{"A", "B"}, []string{"Бренд", "Культура"},
			[][]chart.Cell{{{Value: 12}, {Value: 88}}, {{Suppressed: true}, {Value: math.NaN()}}})),
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
