package report

import "strconv"

// endings is the methodology page's count of how respondents ended the
// survey, by wave (score.Results.Endings): completions by ending, and
// screen-outs. A wave whose group is suppressed is left out, its size
// being what suppression hides.
func (l *lang) endings() section {
	sec := section{ID: "endings", Title: l.say(textEndings), Prose: markdownSafe(l.say(textEndingsProse))}
	t := table{Head: []string{l.t("wave"), l.say(textEnding), l.say(textEndingKind), l.say(textRespondents), l.say(textShareOfWave)}}
	total := map[int]int{}
	for _, c := range l.res.Endings {
		total[c.Wave] += c.N
	}
	for _, c := range l.res.Endings {
		if g := l.group("wave=" + strconv.Itoa(c.Wave)); g == nil || g.Suppressed {
			continue
		}
		name, kind := c.Ending, l.say(textCompletion)
		switch e := l.s.Ending(c.Ending); {
		case c.Ending == "":
			name, kind = "—", l.say(textNoEnding)
		case e != nil && e.ScreenOut:
			kind = l.say(textScreenOut)
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(c.Wave), name, kind, strconv.Itoa(c.N), l.num(100 * float64(c.N) / float64(total[c.Wave]))})
	}
	sec.Tables = append(sec.Tables, t)
	return sec
}
