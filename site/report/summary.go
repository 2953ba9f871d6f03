package report

import (
	"sort"
	"strconv"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/score"
)

// The executive summary heads a participant's own page: one screen with
// its headline indexes (value, interval, rank, quartile, change, level)
// and its three biggest strengths and gaps against the benchmark median.
// Every figure is written by the same functions as the detailed tables
// below it (standing, ownChange, companyMap's gaps), so the two cannot
// disagree; TestSummaryMatchesDetails reads both and compares.

// standing is a participant's figures for one index in the latest wave,
// as text: what its summary and its detailed index table show.
type standing struct {
	Title, Value, Interval, Rank, Quartile, Change, Level string
}

// indexStanding is a participant's standing on an index from its group
// g of the latest wave (its own group in a company-level benchmark);
// false when g has no figure for it.
func (l *lang) indexStanding(name string, g *score.Group, ix ir.Index) (standing, bool) {
	f := g.Indexes[ix.ID]
	if f == nil {
		return standing{}, false
	}
	st := standing{Title: l.surveyText(ix.Title, l.code), Value: l.num(f.Value), Interval: "—", Rank: "—", Quartile: "—", Change: "—", Level: l.levelTitle(f.Level)}
	if st.Level == "" {
		st.Level = "—"
	}
	if !l.companyLevel() {
		// Participants are not sampled in a company-level benchmark: its
		// figures have no interval (docs/methods.md).
		st.Interval = l.figureInterval(f)
	}
	if b := l.res.Benchmark("index", ix.ID); placeOf(b, name) != nil {
		p := placeOf(b, name)
		st.Rank = l.rankText(*p, len(b.Participants))
		q := p.Quartile
		if q == 0 { // a respondent-level benchmark leaves it to the reader
			q = b.QuartileOf(p.Value)
		}
		st.Quartile = l.quartileText(q)
	}
	if c := l.changeText(name, f, ix.ID); c != "" {
		st.Change = c
	}
	return st, true
}

// changeText is a participant's change on an index since its previous
// wave with the test's verdict ("+3.2 *", "+1.0 (not testable)"), or ""
// when there is none to show (no earlier wave, or scoring withheld it).
func (l *lang) changeText(name string, f *score.Figure, index string) string {
	if f.VsPrevious == nil {
		return ""
	}
	if l.companyLevel() {
		return l.ownChange(f)
	}
	shown := l.changeAsShown(f, l.s.Bench.Participant+"="+name, index).VsPrevious
	if shown == nil {
		return ""
	}
	s := signed(l, shown.Diff)
	if f.VsPrevious.NotTestable != "" {
		s += " (" + l.notTestable(f.VsPrevious) + ")"
	}
	if f.VsPrevious.Significant {
		s += " *"
	}
	return s
}

// gap is one block's or item's distance from the benchmark median.
type gap struct {
	title string
	gap   float64
}

// strengthsAndGaps are the three largest positive and the three largest
// negative gaps, as "title (+x)".
func strengthsAndGaps(l *lang, gaps []gap) (strong, grow []string) {
	sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].gap > gaps[j].gap })
	for i := 0; i < len(gaps) && i < 3; i++ {
		if gaps[i].gap > 0 {
			strong = append(strong, gaps[i].title+" ("+signed(l, gaps[i].gap)+")")
		}
		if j := len(gaps) - 1 - i; gaps[j].gap < 0 && j >= i {
			grow = append(grow, gaps[j].title+" ("+signed(l, gaps[j].gap)+")")
		}
	}
	return strong, grow
}

// blockGaps are a participant's blocks against their benchmarks' medians.
func (l *lang) blockGaps(name string) []gap {
	axes := l.blockTitles()
	var out []gap
	for i, bl := range l.s.Blocks {
		if p := placeOf(l.res.Benchmark("block", bl.ID), name); p != nil {
			out = append(out, gap{axes[i], p.Gap})
		}
	}
	return out
}

// itemGaps are, for a survey without blocks, the participant's mean on
// each scale item against the median of the participants' means in the
// latest wave, in points of a 0–100 scale so items of different scales
// compare. Only participants whose group scoring published count, and
// no median is taken over fewer than min_participants of them.
func (l *lang) itemGaps(name string, g *score.Group) []gap {
	wave := strconv.Itoa(l.latestWave())
	var out []gap
	for _, p := range l.s.Pages {
		for _, q := range p.Questions {
			if q.Scale == nil || q.Scale.Max <= q.Scale.Min || g.Questions[q.ID] == nil || g.Questions[q.ID].Mean == nil {
				continue
			}
			var means []float64
			for _, other := range l.participants {
				og := l.group(l.s.Bench.Participant + "=" + other + "|wave=" + wave)
				if og != nil && !og.Suppressed && og.Questions[q.ID] != nil && og.Questions[q.ID].Mean != nil {
					means = append(means, *og.Questions[q.ID].Mean)
				}
			}
			if len(means) < max(l.s.Bench.MinParticipants, 2) {
				continue
			}
			scale := 100 / float64(q.Scale.Max-q.Scale.Min)
			out = append(out, gap{l.surveyText(q.Text, l.code), (*g.Questions[q.ID].Mean - median(means)) * scale})
		}
	}
	return out
}

// median of xs (not empty), the mean of the middle two when even.
func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// summary is the executive summary section of a participant's page, or
// false when the participant has no published figures in the latest wave.
func (l *lang) summary(name string) (section, bool) {
	var g *score.Group
	if l.companyLevel() {
		g = l.own(name, l.latestWave())
	} else if g = l.group(l.s.Bench.Participant + "=" + name + "|wave=" + strconv.Itoa(l.latestWave())); g != nil && g.Suppressed {
		g = nil
	}
	if g == nil {
		return section{}, false
	}
	sec := section{ID: "summary", Title: l.t("summary"), Note: l.t("summary_note"), Prose: l.recordsLink()}
	t := table{Head: []string{l.t("index"), l.t("you"), l.t("interval"), l.t("rank"), l.t("quartile"), l.t("change"), l.t("level")}}
	if l.companyLevel() {
		t.Head = append(t.Head[:2], t.Head[3:]...)
	}
	for _, ix := range l.headlineIndexes() {
		st, ok := l.indexStanding(name, g, ix)
		if !ok {
			continue
		}
		row := []string{st.Title, st.Value, st.Interval, st.Rank, st.Quartile, st.Change, st.Level}
		if l.companyLevel() {
			row = append(row[:2], row[3:]...)
		}
		t.Rows = append(t.Rows, row)
	}
	sec.Tables = append(sec.Tables, t)
	gaps, over := l.blockGaps(name), l.t("summary_blocks")
	if len(l.s.Blocks) == 0 {
		gaps, over = l.itemGaps(name, g), l.t("summary_items")
	}
	strong, grow := strengthsAndGaps(l, gaps)
	if len(strong)+len(grow) > 0 {
		sec.Tables = append(sec.Tables, table{Caption: over, Head: []string{l.t("strengths"), l.t("growth")}, Rows: zipRows(strong, grow)})
	}
	if len(l.cfg.Invitations) > 0 && l.viewer != "" {
		if own := l.ownRate(); len(own.Rows) > 0 {
			own.Caption = l.t("rates_yours")
			sec.Tables = append(sec.Tables, own)
		}
	}
	return sec, true
}
