package report

import (
	"math"
	"strings"
	"testing"

	"github.com/opros/opros/site/score"
)

// TestChangeNeedsBothFigures: the overview card's change is computed from
// the two figures as shown (60.44 − 49.96 reads +10.5, not +10.48) when the
// previous wave is published, and is not shown at all when it is not: the
// unrounded difference and 2025's figure would give the hidden 2024 one.
// Scoring never sets such a change (site/score's attacker reads every
// published change as the previous wave's value); this checks the page
// would not show one if it did.
func TestChangeNeedsBothFigures(t *testing.T) {
	cur := &score.Figure{Value: 60.44, VsPrevious: &score.Test{Against: "wave=2024", Diff: 10.48}}
	for _, c := range []struct {
		prev  *score.Group
		want  float64 // NaN: no change shown
		shown bool
	}{
		{&score.Group{Key: "wave=2024", Indexes: map[string]*score.Figure{"nps": {Value: 49.96}}}, 60.4 - 50.0, true},
		{&score.Group{Key: "wave=2024", Suppressed: true}, 0, false},
		{&score.Group{Key: "wave=2024", Suppressed: true, Complement: true}, 0, false},
		{&score.Group{Key: "wave=2024", Indexes: map[string]*score.Figure{}}, 0, false},
		{&score.Group{Key: "wave=2023", Indexes: map[string]*score.Figure{"nps": {Value: 49.96}}}, 0, false}, // 2024 not in the results
	} {
		l := &lang{builder: &builder{res: &score.Results{Groups: []*score.Group{c.prev}}}, code: "en"}
		got := l.changeAsShown(cur, "wave=", "nps")
		switch {
		case !c.shown && got.VsPrevious != nil:
			t.Errorf("previous %+v: change %v shown", c.prev, got.VsPrevious.Diff)
		case c.shown && (got.VsPrevious == nil || math.Abs(got.VsPrevious.Diff-c.want) > 1e-9):
			t.Errorf("previous %+v: change %+v, want %v", c.prev, got.VsPrevious, c.want)
		}
		if cur.VsPrevious == nil || cur.VsPrevious.Diff != 10.48 {
			t.Fatalf("changeAsShown changed its argument: %+v", cur.VsPrevious)
		}
	}
}

// TestNoValueOnMethodology: the methodology page's formula table says for
// how many respondents an expr index divides by zero, in both languages,
// and says nothing where none does or when all respondents are suppressed.
func TestNoValueOnMethodology(t *testing.T) {
	l := &lang{builder: &builder{res: &score.Results{NoValue: map[string]int{"ratio": 3},
		Groups: []*score.Group{{Key: "all", N: 40}}}}, code: "en"}
	if got := l.noValueNote("ratio"); got != " — divides by zero for 3 respondent(s), who have no value for it, as if unanswered." {
		t.Errorf("en: %q", got)
	}
	l.code = "ru"
	if got := l.noValueNote("ratio"); !strings.Contains(got, "делит на ноль у 3 респондентов") {
		t.Errorf("ru: %q", got)
	}
	l.code = "en"
	if got := l.noValueNote("fcr"); got != "" {
		t.Errorf("an index that never divides by zero: %q", got)
	}
	l.res.Groups[0].Suppressed = true
	if got := l.noValueNote("ratio"); got != "" {
		t.Errorf("all respondents suppressed: %q", got)
	}
}
