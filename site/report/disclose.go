package report

import (
	"strconv"
	"strings"

	"github.com/opros/opros/site/score"
)

// disclosure is the methodology page's account of suppression: the rule,
// what it protects and what not, and how many groups of each breakdown
// were hidden for their size and how many to protect them.
func (l *lang) disclosure() section {
	minSize := strconv.Itoa(l.res.MinGroupSize)
	sec := section{ID: "disclosure", Title: l.say(textDisclosureControl), Prose: markdownSafe(l.say(textAGroupWithFewer, minSize, minSize))}
	t := table{Head: []string{l.say(textBreakdown), l.say(textGroups), l.say(textShown),
		l.say(textSuppressedForSize), l.say(textHiddenToProtectThem)}}
	type counts struct{ groups, shown, small, protect int }
	byDim := map[string]*counts{}
	var order []string
	for _, g := range l.res.Groups {
		c := byDim[g.Dim]
		if c == nil {
			c = &counts{}
			byDim[g.Dim] = c
			order = append(order, g.Dim)
		}
		c.groups++
		switch {
		case g.Complement:
			c.protect++
		case g.Suppressed:
			c.small++
		default:
			c.shown++
		}
	}
	for _, d := range order {
		c := byDim[d]
		t.Rows = append(t.Rows, []string{l.breakdownLabel(d), strconv.Itoa(c.groups), strconv.Itoa(c.shown), strconv.Itoa(c.small), strconv.Itoa(c.protect)})
	}
	sec.Tables = append(sec.Tables, t)
	if l.s.Bench.Outcome != "" && len(l.s.Bench.Drivers) > 0 && l.res.Drivers == nil {
		sec.Note = l.say(textTheDriverAnalysisIs, minSize)
	}
	return sec
}

// breakdownLabel names a dimension of the results: the whole sample, a
// breakdown, or a participant within a wave.
func (l *lang) breakdownLabel(dim string) string {
	if dim == "" {
		return l.t("all")
	}
	if base, ok := strings.CutSuffix(dim, "+wave"); ok {
		return l.dimLabel(base) + " × " + strings.ToLower(l.t("wave"))
	}
	return l.dimLabel(dim)
}

// suppressedNote says why a group is not shown: too few respondents, or
// hidden to protect a smaller group.
func (l *lang) suppressedNote(g *score.Group) string {
	if g != nil && g.Complement {
		return l.t("suppressed_complement")
	}
	if l.companyLevel() {
		return l.peerRule("suppressed_participants")
	}
	return strings.Replace(l.t("suppressed"), "{n}", strconv.Itoa(l.s.Bench.MinGroupSize), 1)
}
