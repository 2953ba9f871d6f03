package report

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/chart"
	"github.com/opros/opros/site/score"
)

// Company-level benchmarks (score.Results.Unit participant): each
// participant answers once per wave. Its page shows its own answers and
// scores, which nobody else's page shows, next to figures over its peers,
// which are shown only when the peer group is large enough
// (docs/methods.md, "Company-level benchmarks").

// companyLevel says whether the results are of a company-level benchmark.
func (l *lang) companyLevel() bool { return l.res.Unit == ir.UnitParticipant }

// spreadText is a distribution over participants in words.
func (l *lang) spreadText(sp *score.Spread) string {
	return strings.NewReplacer("{median}", l.num(sp.Median), "{q1}", l.num(sp.Q1), "{q3}", l.num(sp.Q3),
		"{min}", l.num(sp.Min), "{max}", l.num(sp.Max), "{n}", strconv.Itoa(sp.N)).Replace(l.t("spread"))
}

// benchmarkSpread is a benchmark's distribution over its participants.
func (l *lang) benchmarkSpread(b *score.Benchmark) string {
	return l.spreadText(&score.Spread{N: len(b.Participants), Min: b.Min, Q1: b.Q1, Median: b.Median, Q3: b.Q3, Max: b.Max})
}

// peerRule fills a message's {n} (participants a peer group needs) and {m}
// (min_participants).
func (l *lang) peerRule(key string) string {
	return strings.NewReplacer("{n}", strconv.Itoa(l.res.MinGroupSize), "{m}", strconv.Itoa(l.res.MinParticipants)).Replace(l.t(key))
}

// own is a participant's own group in a wave, or nil.
func (l *lang) own(name string, wave int) *score.Group {
	for _, g := range l.res.Own {
		if g.Value == name && g.Wave == wave {
			return g
		}
	}
	return nil
}

// previousWave is the wave before w among the results' waves, or 0.
func (l *lang) previousWave(w int) int {
	prev := 0
	for _, x := range l.res.Waves {
		if x < w {
			prev = x
		}
	}
	return prev
}

// peers is the peer group of the latest wave when it is shown, else nil.
func (l *lang) peers(wave int) *score.Group {
	g := l.group("wave=" + strconv.Itoa(wave))
	if g == nil || g.Suppressed {
		return nil
	}
	return g
}

// quartileText names the quarter of the benchmark a participant is in.
func (l *lang) quartileText(q int) string {
	if q < 1 || q > 4 {
		return "—"
	}
	return l.t("quartile_" + strconv.Itoa(q))
}

// placeOf is a participant's place in a benchmark, or nil.
func placeOf(b *score.Benchmark, name string) *score.Participant {
	if b == nil || b.Suppressed {
		return nil
	}
	for i := range b.Participants {
		if b.Participants[i].Name == name {
			return &b.Participants[i]
		}
	}
	return nil
}

// peerMedianChange is the change of the peers' median of a figure (of
// the share, for a share of participants) since the previous wave, from
// the two figures as shown, or "—".
func (l *lang) peerMedianChange(wave int, get func(*score.Group) *score.Figure) string {
	prev := l.previousWave(wave)
	cur, before := l.peers(wave), l.peers(prev)
	if prev == 0 || cur == nil || before == nil {
		return "—"
	}
	a, b := get(cur), get(before)
	if a == nil || b == nil {
		return "—"
	}
	if a.Spread == nil || b.Spread == nil { // shares of participants
		return l.num(a.Value) + " (" + l.diff(a.Value, b.Value) + ")"
	}
	return l.num(a.Spread.Median) + " (" + l.diff(a.Spread.Median, b.Spread.Median) + ")"
}

// ownChange is a participant's change since the last wave it took part
// in, or "".
func (l *lang) ownChange(f *score.Figure) string {
	if f == nil || f.VsPrevious == nil {
		return ""
	}
	return signed(l, f.VsPrevious.Diff)
}

// ownChangeSince is ownChange naming the wave it is since when that is
// not the study's previous wave before wave (the participant skipped one).
func (l *lang) ownChangeSince(f *score.Figure, wave int) string {
	s := l.ownChange(f)
	if s == "" {
		return s
	}
	if _, w, ok := strings.Cut(f.VsPrevious.Against, "|wave="); ok && w != strconv.Itoa(l.previousWave(wave)) {
		s += " (" + strings.Replace(l.t("since_wave"), "{wave}", w, 1) + ")"
	}
	return s
}

// companyPage is a participant's own report in a company-level benchmark:
// its scores with its place among the participants, the maturity map of
// its blocks against the peers' median and top quartile, its strengths and
// gaps, and every answer it gave next to its peers' distribution.
func (l *lang) companyPage(name string) (template.HTML, error) {
	wave := l.latestWave()
	g := l.own(name, wave)
	if g == nil {
		return l.sections([]section{{ID: "none", Title: name, Note: l.t("no_data")}})
	}
	peers := l.peers(wave)
	note := l.t("own_only")
	if peers == nil {
		note += " " + l.peerRule("peer_hidden")
	}
	var secs []section
	scores := section{ID: "indexes", Title: l.t("your_scores"), Note: note}
	head := []string{l.t("index"), l.t("you"), l.t("level"), l.t("peer_median"), l.t("over_participants"), l.t("rank"), l.t("percentile"), l.t("quartile"), l.t("change"), l.t("peer_change")}
	scoreRow := func(title string, f *score.Figure, b *score.Benchmark, get func(*score.Group) *score.Figure) []string {
		row := []string{title, l.num(f.Value), l.levelTitle(f.Level), "—", "—", "—", "—", "—", l.ownChangeSince(f, wave), l.peerMedianChange(wave, get)}
		if row[2] == "" {
			row[2] = "—"
		}
		if peers != nil {
			switch pf := get(peers); {
			case pf != nil && pf.Spread != nil:
				row[3], row[4] = l.num(pf.Spread.Median), l.spreadText(pf.Spread)
			case pf != nil: // a share of participants: the share is the peer figure
				row[3], row[4] = l.num(pf.Value), l.t("share_of_participants")
			}
		}
		if p := placeOf(b, name); p != nil {
			row[5], row[6], row[7] = l.rankText(*p, len(b.Participants)), l.num(p.Percentile), l.quartileText(p.Quartile)
		}
		return row
	}
	t := table{Head: head}
	for _, ix := range l.s.Indexes {
		f := g.Indexes[ix.ID]
		if f == nil {
			continue
		}
		id := ix.ID
		t.Rows = append(t.Rows, scoreRow(l.surveyText(ix.Title, l.code), f, l.res.Benchmark("index", id), func(x *score.Group) *score.Figure { return x.Indexes[id] }))
		if len(l.res.Waves) > 1 {
			scores.Charts = append(scores.Charts, l.ownTrend(ix, name))
		}
	}
	scores.Tables = append(scores.Tables, t)
	secs = append(secs, scores)
	if len(l.s.Blocks) > 0 {
		secs = append(secs, l.companyMap(name, g, scoreRow))
	}
	secs = append(secs, l.answersVsPeers(g, peers))
	return l.sections(secs)
}

// ownTrend is a participant's index over the waves it took part in, next
// to the peers' median of each wave where the peer group is shown.
func (l *lang) ownTrend(ix ir.Index, name string) chartBox {
	var own, med, none []float64
	var sig []bool
	t := table{Head: []string{l.t("wave"), l.t("you"), l.t("peer_median")}}
	for _, w := range l.res.Waves {
		row := []string{strconv.Itoa(w), "—", "—"}
		o, m := math.NaN(), math.NaN()
		if g := l.own(name, w); g != nil && g.Indexes[ix.ID] != nil {
			o = g.Indexes[ix.ID].Value
			row[1] = l.num(o)
		}
		if p := l.peers(w); p != nil && p.Indexes[ix.ID] != nil && p.Indexes[ix.ID].Spread != nil {
			m = p.Indexes[ix.ID].Spread.Median
			row[2] = l.num(m)
		}
		own, med, none, sig = append(own, o), append(med, m), append(none, math.NaN()), append(sig, false)
		t.Rows = append(t.Rows, row)
	}
	lo, hi := axis(ix, own, med)
	title := l.surveyText(ix.Title, l.code) + " — " + l.t("trend")
	return chartBox{SVG: chart.Lines(title, intsToStrings(l.res.Waves), []chart.LineSeries{
		{Label: name, Values: own, Low: none, High: none, Significant: sig, Colour: chart.Palette[1]},
		{Label: l.t("peer_median"), Values: med, Low: none, High: none, Significant: sig, Colour: chart.Palette[0]}}, lo, hi), Table: t}
}

// companyMap is the maturity map of a participant's blocks against the
// peers' median and top quartile, its table, and its strengths and gaps
// (the blocks furthest above and below the median).
func (l *lang) companyMap(name string, g *score.Group, scoreRow func(string, *score.Figure, *score.Benchmark, func(*score.Group) *score.Figure) []string) section {
	axes := l.blockTitles()
	own := make([]float64, len(l.s.Blocks))
	t := table{Head: []string{l.t("block"), l.t("you"), l.t("level"), l.t("peer_median"), l.t("over_participants"), l.t("rank"), l.t("percentile"), l.t("quartile"), l.t("change"), l.t("peer_change")}}
	var gaps []gap
	for i, bl := range l.s.Blocks {
		own[i] = math.NaN()
		f := g.Blocks[bl.ID]
		if f == nil {
			continue
		}
		own[i] = f.Value
		id := bl.ID
		b := l.res.Benchmark("block", id)
		t.Rows = append(t.Rows, scoreRow(axes[i], f, b, func(x *score.Group) *score.Figure { return x.Blocks[id] }))
		if p := placeOf(b, name); p != nil {
			gaps = append(gaps, gap{axes[i], p.Gap})
		}
	}
	series := []chart.Series{{Label: name, Values: own, Colour: chart.Palette[1], Fill: true}}
	var band *[2][]float64
	if med, q1, q3, _, ok := l.bandOf(); ok {
		series = append([]chart.Series{{Label: l.t("median"), Values: med, Colour: chart.Palette[0], Dashed: true},
			{Label: l.t("top_quartile"), Values: q3, Colour: chart.Palette[2], Dashed: true}}, series...)
		band = &[2][]float64{q1, q3}
	}
	sec := section{ID: "map", Title: l.t("maturity")}
	sec.Charts = append(sec.Charts, chartBox{SVG: chart.Radar(l.t("maturity")+": "+name, axes, series, band), Table: t})
	strong, grow := strengthsAndGaps(l, gaps)
	if len(strong)+len(grow) > 0 {
		sec.Tables = append(sec.Tables, table{Head: []string{l.t("strengths"), l.t("growth")}, Rows: zipRows(strong, grow)})
	}
	return sec
}

// answersVsPeers lists every question the participant answered: its own
// answer next to the peers' distribution in the same wave (the share
// choosing each option, per matrix row; median and quartiles of numbers).
func (l *lang) answersVsPeers(g, peers *score.Group) section {
	sec := section{ID: "answers", Title: l.t("your_answers")}
	if peers == nil {
		sec.Note = l.peerRule("peer_hidden")
	}
	optionLabel := func(q *ir.Question, code string) string {
		if o := q.Option(code); o != nil {
			return l.surveyText(o.Label, l.code)
		}
		return code
	}
	for _, p := range l.s.Pages {
		for i := range p.Questions {
			q := &p.Questions[i]
			qs := g.Questions[q.ID]
			if qs == nil {
				continue
			}
			var pq *score.QuestionStat
			if peers != nil {
				pq = peers.Questions[q.ID]
			}
			sub := section{ID: "a-" + q.ID, Title: l.surveyText(q.Text, l.code)}
			for _, v := range l.s.Vars { // its own free text and "other" answers
				if v.Question == q.ID && v.Kind == ir.VarString {
					for _, vb := range g.Verbatims[v.Name] {
						sub.Verbatims = append(sub.Verbatims, l.redact(vb.Text)) // deliver.go
					}
				}
			}
			switch {
			case q.Type == ir.Matrix:
				t := table{Head: []string{"", l.t("your_answer"), l.t("peers")}}
				for _, r := range qs.Rows {
					label := r.Code
					for _, row := range q.Rows {
						if row.Code == r.Code {
							label = l.surveyText(row.Label, l.code)
						}
					}
					mine := l.t("no_answer")
					for _, o := range r.Options {
						if o.Count > 0 {
							mine = optionLabel(q, o.Code)
						}
					}
					t.Rows = append(t.Rows, []string{label, mine, l.peerShares(q, peerRow(pq, r.Code), optionLabel)})
				}
				sub.Tables = append(sub.Tables, t)
			case len(qs.Options) > 0:
				t := table{Head: []string{l.t("option"), l.t("your_answer"), l.t("peers")}}
				for k, o := range qs.Options {
					mine := ""
					if o.Count > 0 {
						mine = l.t("chosen")
					}
					peer := "—"
					if pq != nil && k < len(pq.Options) && !math.IsNaN(pq.Options[k].Share) {
						peer = l.num(pq.Options[k].Share)
					}
					t.Rows = append(t.Rows, []string{optionLabel(q, o.Code), mine, peer})
				}
				sub.Tables = append(sub.Tables, t)
			case qs.Mean != nil:
				t := table{Head: []string{l.t("your_answer"), l.t("peer_median"), l.t("over_participants")}}
				row := []string{l.num(*qs.Mean), "—", "—"}
				if pq != nil && pq.Spread != nil {
					row[1], row[2] = l.num(pq.Spread.Median), l.spreadText(pq.Spread)
				}
				t.Rows = append(t.Rows, row)
				sub.Tables = append(sub.Tables, t)
			default:
				if len(sub.Verbatims) == 0 {
					continue
				}
			}
			sec.Subsections = append(sec.Subsections, sub)
		}
	}
	return sec
}

func peerRow(pq *score.QuestionStat, code string) *score.RowStat {
	if pq == nil {
		return nil
	}
	for i := range pq.Rows {
		if pq.Rows[i].Code == code {
			return &pq.Rows[i]
		}
	}
	return nil
}

// peerShares is a matrix row's distribution over the peers in words:
// "Yes 50 · Partly 25 · No 25".
func (l *lang) peerShares(q *ir.Question, r *score.RowStat, label func(*ir.Question, string) string) string {
	if r == nil {
		return "—"
	}
	var parts []string
	for _, o := range r.Options {
		if !math.IsNaN(o.Share) {
			parts = append(parts, label(q, o.Code)+" "+l.num(o.Share))
		}
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, " · ")
}

// spreadTable is a figure's distribution over participants in each shown
// peer group of a breakdown (waves, segments), for the index pages. N
// counts values: a participant once per wave, so a group pooled over
// waves has more values than participants.
func (l *lang) spreadTable(title string, get func(*score.Group) *score.Figure) table {
	t := table{Caption: title + ": " + strings.ToLower(l.t("over_participants")), Head: []string{"", l.t("participants"), "N", l.t("median_q"), "Q1", "Q3", "min", "max"}}
	for _, g := range l.res.Groups {
		if base, _ := strings.CutSuffix(g.Dim, "+wave"); base == l.s.Bench.Participant && base != "" {
			continue
		}
		label := l.t("all")
		if g.Dim != "" {
			label = l.dimLabel(g.Dim) + ": " + l.valueLabel(g.Dim, g.Value)
		}
		var f *score.Figure
		if !g.Suppressed {
			f = get(g)
		}
		if f == nil || f.Spread == nil {
			why := "—"
			if g.Suppressed {
				why = l.suppressedNote(g)
			}
			t.Rows = append(t.Rows, []string{label, strconv.Itoa(g.Participants), "", why, "", "", "", ""})
			continue
		}
		sp := f.Spread
		t.Rows = append(t.Rows, []string{label, strconv.Itoa(g.Participants), strconv.Itoa(sp.N), l.num(sp.Median), l.num(sp.Q1), l.num(sp.Q3), l.num(sp.Min), l.num(sp.Max)})
	}
	return t
}

// unitSection is the methodology page's account of a company-level
// benchmark: the unit of analysis, what is shown to whom, and how peer
// figures are computed.
func (l *lang) unitSection() section {
	n, m := strconv.Itoa(l.res.MinGroupSize), strconv.Itoa(l.res.MinParticipants)
	return section{ID: "unit", Title: l.say(textUnitOfAnalysisThe), Prose: markdownSafe(l.say(textEachParticipantCompanyAnswers, n, m))}
}
