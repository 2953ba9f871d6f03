package report

import (
	"math"
	"strings"

	"github.com/opros/opros/site/score"
)

// signed shows a difference with its sign; one that rounds to zero has none.
func signed(l *lang, x float64) string {
	s := l.num(x)
	if x > 0 && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

// diff is a − b as the reader can check it: from the two figures as shown
// (one decimal), so 60.44 and 9.94, shown 60.4 and 9.9, differ by +50.5.
func (l *lang) diff(a, b float64) string {
	return signed(l, math.Round(a*10)/10-math.Round(b*10)/10)
}

// changeAsShown is f with its change since the previous wave computed from
// the two figures as the site shows them (one decimal): the trend beside it
// then reads the same change. When the previous wave's figure of the group
// (prefix as in trend) is not published, the copy has no change at all: a
// change and the figure shown beside it would give the hidden one (scoring
// never sets such a change; this keeps a page from ever showing one). f
// itself is left as it is.
func (l *lang) changeAsShown(f *score.Figure, prefix, index string) *score.Figure {
	if f == nil || f.VsPrevious == nil {
		return f
	}
	key := f.VsPrevious.Against
	c, t := *f, *f.VsPrevious
	g := l.group(key)
	if !strings.HasPrefix(key, prefix) || g == nil || g.Suppressed || g.Indexes[index] == nil {
		c.VsPrevious = nil
		return &c
	}
	t.Diff = math.Round(f.Value*10)/10 - math.Round(g.Indexes[index].Value*10)/10
	c.VsPrevious = &t
	return &c
}

// interval shows an interval's bounds, or why there is none: n < 2, or a
// mean of answers that are all the same.
func (l *lang) interval(low, high float64, why string) string {
	switch {
	case why == "participants" || (l.companyLevel() && (math.IsNaN(low) || math.IsNaN(high))):
		return l.t("no_interval_participants")
	case why == "variance":
		return l.t("no_interval_variance")
	case why != "" || math.IsNaN(low) || math.IsNaN(high):
		return l.t("no_interval_n")
	}
	return l.num(low) + "; " + l.num(high)
}

func (l *lang) figureInterval(f *score.Figure) string {
	if f.Spread != nil { // company-level benchmark: the distribution over participants
		return l.spreadText(f.Spread)
	}
	return l.interval(f.Low, f.High, f.NoInterval)
}

// testVerdict says what a test found, or that none is defined.
func (l *lang) testVerdict(t *score.Test) string {
	switch {
	case t.NotTestable == "participants":
		return l.t("change_plain")
	case t.NotTestable != "":
		return l.notTestable(t)
	case t.Significant:
		return l.t("significant")
	}
	return l.t("not_significant")
}

// notTestable says why a difference has no test: a group with a single
// answer (too_few) or no variance in either group.
func (l *lang) notTestable(t *score.Test) string {
	if t.NotTestable == "too_few" {
		return l.t("not_testable_too_few")
	}
	return l.t("not_testable")
}

// orCannot replaces the dash of a figure that cannot be computed with words.
func (l *lang) orCannot(s string) string {
	if s == "—" {
		return l.t("cannot_compute")
	}
	return s
}
