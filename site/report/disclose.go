package report

import (
	"strconv"
	"strings"

	"github.com/opros/opros/site/score"
)

// disclosure is the methodology page's account of suppression: the rule,
// what it protects and what not, and how many groups of each breakdown
// were hidden for their size and how many to protect them.
func (l *lang) disclosure(pick func(en, ru string) string) Section {
	minSize := strconv.Itoa(l.res.MinGroupSize)
	sec := Section{ID: "disclosure", Title: pick("Disclosure control", "Защита от раскрытия"), Prose: markdownSafe(pick(
		`- A group with fewer than **`+minSize+`** respondents is **suppressed for its size**: only its number of respondents is shown.
- Other groups are **hidden to protect them**, so that no suppressed group's figures can be worked out by adding or subtracting shown ones: all respondents = the sum of the waves = the sum of the values of each breakdown; a wave = the sum of the participants in it; a participant over all waves = the sum of its waves. The groups to hide are chosen smallest first, and the tables are solved again after each round until no hidden group can be computed exactly.
- A change since the previous wave is shown only when both waves are shown; benchmarks, ranks and quartiles use shown participants only; the driver analysis is shown only when all respondents are shown and at least `+minSize+` of them answered every item.
- A count behind an index (promoters, detractors, top-box answers) of a hidden group can never be pinned by the totals together with the fact that it lies between 0 and the group's size: where it could, one more group is hidden.
- Not protected: the counts of single answer options of hidden groups against such bounds (if hidden groups together never chose an option, none of them did), and a reader who already knows one hidden group's answers.`,
		`- Группа, где меньше **`+minSize+`** респондентов, **скрыта из-за размера**: показано только число респондентов.
- Другие группы **скрыты для защиты**, чтобы показатели скрытой группы нельзя было получить сложением или вычитанием показанных: все респонденты = сумма волн = сумма значений каждого разреза; волна = сумма участников в ней; участник за все волны = сумма его волн. Скрываемые группы выбираются начиная с самых малых, и после каждого шага таблицы решаются заново, пока ни одну скрытую группу нельзя вычислить точно.
- Изменение к прошлой волне показывается, только если показаны обе волны; бенчмарки, места и квартили считаются только по показанным участникам; анализ драйверов показывается, только если показаны все респонденты и не менее `+minSize+` из них ответили на все пункты.
- Число ответов за индексом (промоутеры, критики, высшие оценки) скрытой группы нельзя вычислить по итогам вместе с тем, что оно лежит между 0 и размером группы: где это возможно, скрывается ещё одна группа.
- Не защищает: число выборов отдельных вариантов ответа в скрытых группах от таких границ (если скрытые группы вместе ни разу не выбрали вариант, ни одна его не выбрала) и читателя, который уже знает ответы одной из скрытых групп.`))}
	t := Table{Head: []string{pick("Breakdown", "Разрез"), pick("Groups", "Групп"), pick("Shown", "Показано"),
		pick("Suppressed for size", "Скрыто из-за размера"), pick("Hidden to protect them", "Скрыто для защиты")}}
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
		sec.Note = pick("The driver analysis is not shown: all respondents are suppressed, or fewer than "+minSize+" answered the outcome and every driver.",
			"Анализ драйверов не показан: все респонденты скрыты или меньше "+minSize+" ответили на результат и на все драйверы.")
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
