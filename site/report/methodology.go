package report

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
)

// formula says in words how an index is computed.
func (l *lang) formula(ix ir.Index) string {
	items := make([]string, len(ix.Items))
	copy(items, ix.Items)
	switch ix.Kind {
	case ir.IndexNPS:
		return l.say(textNPSFormula, strings.Join(items, ", "))
	case ir.IndexTopBox:
		return l.say(textTopBoxFormula, ix.Top, strings.Join(items, ", "))
	case ir.IndexMean:
		return l.say(textMeanFormula, strings.Join(items, ", "))
	case ir.IndexMean100:
		return l.say(textMean100Formula, strings.Join(items, ", "))
	case ir.IndexCount:
		return l.say(textCountFormula, strings.Join(ix.Options, ", "))
	case ir.IndexShare:
		return l.say(textShareFormula, strings.Join(ix.Options, ", "))
	case ir.IndexExpr:
		return l.say(textExprFormula, codebook.ExprString(ix.Expr))
	case ir.IndexBlocks:
		return l.say(textBlocksFormula, strings.Join(items, ", "))
	case ir.IndexSum:
		terms := make([]string, len(items))
		for i, it := range items {
			terms[i] = it
			if ix.Weights != nil && ix.Weights[i] != 1 {
				terms[i] = l.decimals(ix.Weights[i], -1) + "×" + it
			}
		}
		return l.say(textSumFormula, strings.Join(terms, " + "), l.decimals(ix.Min, -1), l.decimals(ix.Max, -1))
	}
	return ""
}

// noValueNote says, after an expr index's formula, for how many respondents
// it divides by zero (they have no value, as if unanswered); "" when none,
// or when all respondents are suppressed (the count would describe them).
func (l *lang) noValueNote(index string) string {
	n := l.res.NoValue[index]
	if all := l.group("all"); n == 0 || all == nil || all.Suppressed {
		return ""
	}
	return l.say(textDividesByZeroFor, n)
}

func (l *lang) methodology() (template.HTML, error) {
	var secs []section
	rules := section{ID: "rules", Title: l.say(textHowTheFiguresAre), Prose: markdownSafe(l.say(textGroupsWithFewerThan, l.res.MinGroupSize, l.s.Bench.MinParticipants))}
	if l.res.Weighted {
		// The formulas above are for equal weights; docs/methods.md, "Weights".
		rules.Prose += markdownSafe(l.say(textWithWeightsAStandard))
	}
	if l.companyLevel() {
		secs = append(secs, l.unitSection())
	}
	secs = append(secs, rules, l.disclosure(), l.openAnswersSection())
	if len(l.cfg.Invitations) > 0 {
		secs = append(secs, l.responseRates())
	}
	if len(l.res.Endings) > 0 {
		secs = append(secs, l.endings())
	}
	if len(l.res.Raking) > 0 {
		secs = append(secs, l.weighting())
	}
	idx := section{ID: "formulas", Title: l.t("indexes")}
	t := table{Head: []string{l.t("index"), l.t("formula")}}
	for _, ix := range l.s.Indexes {
		t.Rows = append(t.Rows, []string{l.surveyText(ix.Title, l.code), l.formula(ix) + l.noValueNote(ix.ID)})
	}
	idx.Tables = append(idx.Tables, t)
	secs = append(secs, idx)
	cb := section{ID: "codebook", Title: l.t("codebook")}
	if l.res.Recoded > 0 {
		cb.Prose = markdownSafe(l.say(textRecoded, l.res.Recoded))
	}
	ct := table{Head: []string{"variable", l.t("question"), l.t("type"), "codes", "range"}}
	lang := l.code
	if _, ok := l.s.Title[lang]; !ok {
		lang = l.s.Languages[0]
	}
	for _, e := range codebook.Entries(l.s, lang) {
		var codes []string
		for _, c := range e.Codes {
			code := c.Code + " = " + c.Label
			if c.Source != "" {
				code += " (" + l.say(textSourceCode, c.Source) + ")"
			}
			codes = append(codes, code)
		}
		if e.Variable == l.s.Bench.Participant && !l.s.Bench.Competitors {
			codes = []string{l.t("participant_question")} // the options name the participants
		}
		ct.Rows = append(ct.Rows, []string{e.Variable, e.Text, e.Type, strings.Join(codes, "; "), e.Range})
	}
	cb.Tables = append(cb.Tables, ct)
	secs = append(secs, cb)
	return l.sections(secs)
}

// weighting shows how the weights were raked to the survey's margins:
// target, sample and weighted shares, and how far the weights had to move.
func (l *lang) weighting() section {
	sec := section{ID: "weighting", Title: l.say(textWeighting), Prose: markdownSafe(l.say(textWithinEachWaveRespondents))}
	summary := table{Head: []string{l.t("wave"), l.say(textRaked), l.say(textNotRaked),
		l.say(textIterations), l.say(textFactors), l.say(textDesignEffect)}}
	shares := table{Head: []string{l.t("wave"), l.say(textField), l.say(textValue),
		l.say(textTarget), l.say(textSample), l.say(textWeighted)}}
	two := func(x float64) string { return l.decimals(x, 2) }
	for _, rw := range l.res.Raking {
		w := strconv.Itoa(rw.Wave)
		iters := strconv.Itoa(rw.Iterations)
		if !rw.Converged {
			iters += l.say(textDidNotConvergeThe)
		}
		summary.Rows = append(summary.Rows, []string{w, strconv.Itoa(rw.Respondents), strconv.Itoa(rw.Unraked), iters,
			two(rw.MinFactor) + "–" + two(rw.MaxFactor), two(rw.DesignEffect)})
		for _, m := range rw.Margins {
			for _, v := range m.Values {
				weighted := l.num(v.Weighted)
				if v.Empty {
					weighted = l.say(textNoRespondentsTargetShared)
				}
				shares.Rows = append(shares.Rows, []string{w, l.dimLabel(m.Field), l.valueLabel(m.Field, v.Code), l.num(v.Target), l.num(v.Sample), weighted})
			}
		}
	}
	sec.Tables = append(sec.Tables, summary, shares)
	return sec
}
