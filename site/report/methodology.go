package report

import (
	"fmt"
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
	ru := l.code == "ru"
	pick := func(en, rus string) string {
		if ru {
			return rus
		}
		return en
	}
	switch ix.Kind {
	case ir.IndexNPS:
		return pick("NPS = % promoters (9–10) − % detractors (0–6) of ", "NPS = % промоутеров (9–10) − % критиков (0–6) по ") + strings.Join(items, ", ") + pick("; adjusted-Wald 95% interval.", "; 95% интервал adjusted-Wald.")
	case ir.IndexTopBox:
		return fmt.Sprintf(pick("Share of the top %d points of %s, %%; Wilson 95%% interval.", "Доля ответов в верхних %d баллах %s, %%; 95%% интервал Уилсона."), ix.Top, strings.Join(items, ", "))
	case ir.IndexMean:
		return pick("Mean of ", "Среднее по ") + strings.Join(items, ", ") + pick("; t interval.", "; t-интервал.")
	case ir.IndexMean100:
		return pick("Weighted mean of items rescaled to 0–100: ", "Взвешенное среднее пунктов на шкале 0–100: ") + strings.Join(items, ", ")
	case ir.IndexCount:
		return pick("Mean number of chosen options among ", "Среднее число выбранных вариантов из ") + strings.Join(ix.Options, ", ")
	case ir.IndexShare:
		return pick("Share choosing any of ", "Доля выбравших любой из ") + strings.Join(ix.Options, ", ") + ", %"
	case ir.IndexExpr:
		return pick("Formula per respondent, averaged: ", "Формула на респондента, среднее: ") + codebook.ExprString(ix.Expr)
	case ir.IndexBlocks:
		return pick("Weighted mean of block scores: ", "Взвешенное среднее баллов блоков: ") + strings.Join(items, ", ")
	case ir.IndexSum:
		terms := make([]string, len(items))
		for i, it := range items {
			terms[i] = it
			if ix.Weights != nil && ix.Weights[i] != 1 {
				terms[i] = l.decimals(ix.Weights[i], -1) + "×" + it
			}
		}
		return fmt.Sprintf(pick("Sum per respondent of %s (scale points, option scores), averaged over the respondents who answered every item; range %s–%s; t interval.",
			"Сумма на респондента: %s (баллы шкал и вариантов), среднее по респондентам, ответившим на все пункты; диапазон %s–%s; t-интервал."),
			strings.Join(terms, " + "), l.decimals(ix.Min, -1), l.decimals(ix.Max, -1))
	}
	return ""
}

// noValueNote says, after an expr index's formula, for how many respondents
// it divides by zero (they have no value, as if unanswered); "" when none,
// or when all respondents are suppressed (the count would describe them).
func (l *lang) noValueNote(index string, pick func(en, ru string) string) string {
	n := l.res.NoValue[index]
	if all := l.group("all"); n == 0 || all == nil || all.Suppressed {
		return ""
	}
	return fmt.Sprintf(pick(" — divides by zero for %d respondent(s), who have no value for it, as if unanswered.",
		" — делит на ноль у %d респондентов; значения у них нет, как при пропуске ответа."), n)
}

func (l *lang) methodology() (template.HTML, error) {
	var secs []Section
	ru := l.code == "ru"
	pick := func(en, rus string) string {
		if ru {
			return rus
		}
		return en
	}
	rules := Section{ID: "rules", Title: pick("How the figures are computed", "Как рассчитаны показатели"), Prose: markdownSafe(pick(
		fmt.Sprintf(`- Groups with fewer than **%d** answers are suppressed everywhere; benchmarks need at least **%d** participants.
- NPS: promoters 9–10, detractors 0–6; standard error 100·√((p + d − (p − d)²)/n); 95%% adjusted-Wald interval (Rocks 2016).
- Shares: Wilson 95%% intervals. Means: t intervals, clipped to the range of the scale or index (a mean of 6.25 on a 1–7 scale cannot reach 8.6). With fewer than 2 answers, or when every answer is the same, no interval is shown and the page says why.
- A group is compared with the rest of the sample (NPS: adjusted-Wald z-test of the difference, Rocks 2016, defined even when every answer is a promoter; shares: pooled two-proportion z-test, the score test, defined at 0%% and 100%%; means: Welch's t, which is not defined when neither group varies or when a group has fewer than two answers: such a difference is shown as “not testable” with the reason, never as “not significant”), with Holm's correction across the values of one breakdown; a wave is compared with the previous wave.
- Answers marked as missing (“Don't know”) are left out of every base, shares and counts of options included.
- A difference shown next to two figures is computed from the figures as shown (rounded to one decimal).
- Benchmark median and quartiles: sample quantiles of type 7 (Hyndman & Fan 1996) over participants' values in the latest wave. Equal values share a rank, shown as “=1 of 6”. Percentile: the share of other participants a participant is better than, a tie counting as half (mid-rank), so a tie is never shown as the worst.
- Key drivers: correlation with the outcome and Johnson's relative weights (share of explained variance), from centred sums (numerically stable). A correlation with an item everyone answered the same cannot be computed, and then neither can R². n counts respondents; with weights, the correlations are weighted.
- Details: docs/methods.md in the opros repository.`, l.res.MinGroupSize, l.s.Bench.MinParticipants),
		fmt.Sprintf(`- Группы, где меньше **%d** ответов, скрываются везде; бенчмарк строится при не менее **%d** участниках.
- NPS: промоутеры 9–10, критики 0–6; стандартная ошибка 100·√((p + d − (p − d)²)/n); 95%% интервал adjusted-Wald (Rocks 2016).
- Доли: 95%% интервалы Уилсона. Средние: t-интервалы, обрезанные по диапазону шкалы или индекса (среднее 6,25 на шкале 1–7 не может дойти до 8,6). Если ответов меньше 2 или все ответы одинаковы, интервал не показывается, и страница говорит почему.
- Группа сравнивается с остальной выборкой (NPS: z-тест разности adjusted-Wald, Rocks 2016, определён и когда все ответившие — промоутеры; доли: z-тест двух пропорций с объединённой долей (score-тест), определён при 0%% и 100%%; средние: t-тест Уэлча, который не определён, если ни в одной группе нет разброса или в группе меньше двух ответов: такая разница помечается «не проверяется» с причиной, а не «незначимо») с поправкой Холма по значениям одного разреза; волна сравнивается с предыдущей.
- Ответы, помеченные как пропуск («Затрудняюсь ответить»), не входят ни в одну базу, в том числе в доли и счёт выбранных вариантов.
- Разница рядом с двумя показанными цифрами вычисляется из показанных (округлённых до десятых) цифр.
- Медиана и квартили бенчмарка: выборочные квантили типа 7 (Hyndman & Fan 1996) по значениям участников в последней волне. Равные значения делят место, оно показывается как «=1 из 6». Перцентиль — доля других участников, которых участник опережает, причём равенство считается за половину (средний ранг), так что равенство никогда не выглядит худшим местом.
- Ключевые драйверы: корреляция с результатом и относительные веса Джонсона (доля объяснённой дисперсии), по центрированным суммам (численно устойчиво). Корреляция с пунктом, на который все ответили одинаково, не вычисляется, и тогда не вычисляется R². n — число респондентов; при весах корреляции взвешены.`, l.res.MinGroupSize, l.s.Bench.MinParticipants)))}
	if l.res.Weighted {
		// The formulas above are for equal weights; docs/methods.md, "Weights".
		rules.Prose += markdownSafe(pick(
			"With weights, a standard error is the linearised (Taylor) one of a weighted mean, the weights taken as given: Var = N/(N − 1)·Σw²(y − ȳ)²/(Σw)², N the respondents of the whole sample, as R's survey package computes it (`svymean` on `svydesign(ids = ~1, weights = ~w)`). Intervals and tests keep the formulas above with the n that gives this variance (for a share, p(1 − p)/Var); in a group whose answers are all the same, with Kish's effective size (Σw)²/Σw². The raking itself is not modelled: with mild raking this errs slightly on the safe side; with targets far from the sample it can understate the error of a group weighted far down (docs/methods.md).",
			"При весах стандартная ошибка — линеаризованная (метод Тейлора) ошибка взвешенного среднего при весах как заданных: Var = N/(N − 1)·Σw²(y − ȳ)²/(Σw)², N — число респондентов во всей выборке; так её считает пакет survey в R (`svymean` для `svydesign(ids = ~1, weights = ~w)`). Интервалы и тесты считаются по тем же формулам с n, дающим эту дисперсию (для доли p(1 − p)/Var); в группе, где все ответы одинаковы, — с эффективным размером выборки Киша (Σw)²/Σw². Сам рейкинг в дисперсии не учитывается: при умеренном взвешивании ошибки от этого немного завышены, а при целях, далёких от выборки, в группе с сильно уменьшенными весами могут быть занижены (docs/methods.md)."))
	}
	if l.companyLevel() {
		secs = append(secs, l.unitSection(pick))
	}
	secs = append(secs, rules, l.disclosure(pick), l.openAnswersSection(pick))
	if len(l.cfg.Invitations) > 0 {
		secs = append(secs, l.responseRates())
	}
	if len(l.res.Raking) > 0 {
		secs = append(secs, l.weighting(pick))
	}
	idx := Section{ID: "formulas", Title: l.t("indexes")}
	t := Table{Head: []string{l.t("index"), l.t("formula")}}
	for _, ix := range l.s.Indexes {
		t.Rows = append(t.Rows, []string{l.surveyText(ix.Title, l.code), l.formula(ix) + l.noValueNote(ix.ID, pick)})
	}
	idx.Tables = append(idx.Tables, t)
	secs = append(secs, idx)
	cb := Section{ID: "codebook", Title: l.t("codebook")}
	ct := Table{Head: []string{"variable", l.t("question"), l.t("type"), "codes", "range"}}
	lang := l.code
	if _, ok := l.s.Title[lang]; !ok {
		lang = l.s.Languages[0]
	}
	for _, e := range codebook.Entries(l.s, lang) {
		var codes []string
		for _, c := range e.Codes {
			codes = append(codes, c.Code+" = "+c.Label)
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
func (l *lang) weighting(pick func(en, ru string) string) Section {
	sec := Section{ID: "weighting", Title: pick("Weighting", "Взвешивание"), Prose: markdownSafe(pick(
		"Within each wave, respondents' weights are raked (iterative proportional fitting) until the weighted shares match the known population shares below. Respondents with a missing or untargeted value keep their weight. Standard errors take these weights as given (linearised, see “How the figures are computed”): the raking itself is not modelled.",
		"В каждой волне веса респондентов подогнаны итеративным пропорциональным взвешиванием (рейкингом) к известным долям генеральной совокупности ниже. Респонденты с пропущенным или не заданным в целях значением сохраняют свой вес. Стандартные ошибки считаются при этих весах как заданных (линеаризация, см. «Как рассчитаны показатели»): сам рейкинг в дисперсии не учитывается."))}
	summary := Table{Head: []string{l.t("wave"), pick("Raked", "Взвешено"), pick("Not raked", "Без взвешивания"),
		pick("Iterations", "Итераций"), pick("Factors", "Множители"), pick("Design effect", "Эффект дизайна")}}
	shares := Table{Head: []string{l.t("wave"), pick("Field", "Поле"), pick("Value", "Значение"),
		pick("Target, %", "Цель, %"), pick("Sample, %", "Выборка, %"), pick("Weighted, %", "После взвешивания, %")}}
	two := func(x float64) string { return l.decimals(x, 2) }
	for _, rw := range l.res.Raking {
		w := strconv.Itoa(rw.Wave)
		iters := strconv.Itoa(rw.Iterations)
		if !rw.Converged {
			iters += pick(" (did not converge: the margins contradict each other in this sample)", " (не сошлось: в этой выборке цели противоречат друг другу)")
		}
		summary.Rows = append(summary.Rows, []string{w, strconv.Itoa(rw.Respondents), strconv.Itoa(rw.Unraked), iters,
			two(rw.MinFactor) + "–" + two(rw.MaxFactor), two(rw.DesignEffect)})
		for _, m := range rw.Margins {
			for _, v := range m.Values {
				weighted := l.num(v.Weighted)
				if v.Empty {
					weighted = pick("no respondents: target shared by the others", "нет респондентов: цель распределена между остальными")
				}
				shares.Rows = append(shares.Rows, []string{w, l.dimLabel(m.Field), l.valueLabel(m.Field, v.Code), l.num(v.Target), l.num(v.Sample), weighted})
			}
		}
	}
	sec.Tables = append(sec.Tables, summary, shares)
	return sec
}
