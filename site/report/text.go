package report

import "github.com/opros/opros/compiler/localize"

// textID names a text of the report's pages that is written in Go
// (pageText); l.say(id, args...) is it in the page's language.
type textID int

const (
	textNPSFormula textID = iota
	textTopBoxFormula
	textMeanFormula
	textMean100Formula
	textCountFormula
	textShareFormula
	textExprFormula
	textBlocksFormula
	textSumFormula
	textDividesByZeroFor
	textHowTheFiguresAre
	textSourceCode
	textRecoded
	textGroupsWithFewerThan
	textWithWeightsAStandard
	textWeighting
	textWithinEachWaveRespondents
	textRaked
	textNotRaked
	textIterations
	textFactors
	textDesignEffect
	textField
	textValue
	textTarget
	textSample
	textWeighted
	textDidNotConvergeThe
	textNoRespondentsTargetShared
	textUnitOfAnalysisThe
	textEachParticipantCompanyAnswers
	textDisclosureControl
	textAGroupWithFewer
	textBreakdown
	textGroups
	textShown
	textSuppressedForSize
	textHiddenToProtectThem
	textTheDriverAnalysisIs
	textThisReportShowsThe
	textOpenAnswersOfAll
	textOpenAnswersAreNot
	textBeforeTheyAreShown
	textOpenAnswers
	textTheRecordsBehindEach
	textRecordsBehindYourFigures
	textRecordsOfWave
	textNoRecordsOfWave
	textColumns
	textColumn
	textQuestionOrField
	textAllAnswers
	textRecord
	textSubmittedUTC
	textOther
	textRecords
	textResponseRates
	textGroup
	textInvited
	textCompleted
	textResponseRate
	textAll
	textYourResponseRate
	textPeersMedian
	textSuppressed
	textAllWaves
	textRatesProse
	textRatesCompanyRule
	textEndings
	textEndingsProse
	textEnding
	textEndingKind
	textRespondents
	textShareOfWave
	textCompletion
	textScreenOut
	textNoEnding
	textFewerThanN
	textHidden
	textCellShare
	textCellMean
	textCellSuppressed
	textCellSuppressedParticipants
	textHeatShares
	textHeatBlocks
	textHeatTicked
	textHeatMeans
	textHeatModal
	textModalChoice
	textHeatIntervals
	textCount
)

// pageText is the text of the report's pages that code writes (the
// methodology's sections, the records, the response rates), in English
// and in Russian: fmt formats over what each says. The words the
// templates use are i18n/*.json.
var pageText = localize.Messages[textID]{
	textNPSFormula: {
		En: "NPS = %% promoters (9–10) − %% detractors (0–6) of %s; adjusted-Wald 95%% interval.",
		Ru: "NPS = %% промоутеров (9–10) − %% критиков (0–6) по %s; 95%% интервал adjusted-Wald.",
	},
	textTopBoxFormula: {
		En: "Share of the top %d points of %s, %%; Wilson 95%% interval.",
		Ru: "Доля ответов в верхних %d баллах %s, %%; 95%% интервал Уилсона.",
	},
	textMeanFormula: {
		En: "Mean of %s; t interval.",
		Ru: "Среднее по %s; t-интервал.",
	},
	textMean100Formula: {
		En: "Weighted mean of items rescaled to 0–100: %s",
		Ru: "Взвешенное среднее пунктов на шкале 0–100: %s",
	},
	textCountFormula: {
		En: "Mean number of chosen options among %s",
		Ru: "Среднее число выбранных вариантов из %s",
	},
	textShareFormula: {
		En: "Share choosing any of %s, %%",
		Ru: "Доля выбравших любой из %s, %%",
	},
	textExprFormula: {
		En: "Formula per respondent, averaged: %s",
		Ru: "Формула на респондента, среднее: %s",
	},
	textBlocksFormula: {
		En: "Weighted mean of block scores: %s",
		Ru: "Взвешенное среднее баллов блоков: %s",
	},
	textSumFormula: {
		En: "Sum per respondent of %s (scale points, option scores), averaged over the respondents who answered every item; range %s–%s; t interval.",
		Ru: "Сумма на респондента: %s (баллы шкал и вариантов), среднее по респондентам, ответившим на все пункты; диапазон %s–%s; t-интервал.",
	},
	textDividesByZeroFor: {
		En: " — divides by zero for %d respondent(s), who have no value for it, as if unanswered.",
		Ru: " — делит на ноль у %d респондентов; значения у них нет, как при пропуске ответа.",
	},
	textSourceCode: {
		En: "source code %s",
		Ru: "исходный код %s",
	},
	textRecoded: {
		En: "%d answer values were given in the codes or under the names of the tool the survey was imported from and read as the codes and names below (their sources are given).",
		Ru: "Значений ответов в кодах или под именами инструмента, из которого перенесена анкета: %d; они прочитаны как коды и имена ниже (их исходные указаны).",
	},
	textHowTheFiguresAre: {
		En: "How the figures are computed",
		Ru: "Как рассчитаны показатели",
	},
	textGroupsWithFewerThan: {
		En: `- Groups with fewer than **%d** answers are suppressed everywhere; benchmarks need at least **%d** participants.
- NPS: promoters 9–10, detractors 0–6; standard error 100·√((p + d − (p − d)²)/n); 95%% adjusted-Wald interval (Rocks 2016).
- Shares: Wilson 95%% intervals. Means: t intervals, clipped to the range of the scale or index (a mean of 6.25 on a 1–7 scale cannot reach 8.6). With fewer than 2 answers, or when every answer is the same, no interval is shown and the page says why.
- A group is compared with the rest of the sample (NPS: adjusted-Wald z-test of the difference, Rocks 2016, defined even when every answer is a promoter; shares: pooled two-proportion z-test, the score test, defined at 0%% and 100%%; means: Welch's t, which is not defined when neither group varies or when a group has fewer than two answers: such a difference is shown as “not testable” with the reason, never as “not significant”), with Holm's correction across the values of one breakdown; a wave is compared with the previous wave.
- Answers marked as missing (“Don't know”) are left out of every base, shares and counts of options included.
- A difference shown next to two figures is computed from the figures as shown (rounded to one decimal).
- Benchmark median and quartiles: sample quantiles of type 7 (Hyndman & Fan 1996) over participants' values in the latest wave. Equal values share a rank, shown as “=1 of 6”. Percentile: the share of other participants a participant is better than, a tie counting as half (mid-rank), so a tie is never shown as the worst.
- Key drivers: correlation with the outcome and Johnson's relative weights (share of explained variance), from centred sums (numerically stable). A correlation with an item everyone answered the same cannot be computed, and then neither can R². n counts respondents; with weights, the correlations are weighted.
- Details: docs/methods.md in the opros repository.`,
		Ru: `- Группы, где меньше **%d** ответов, скрываются везде; бенчмарк строится при не менее **%d** участниках.
- NPS: промоутеры 9–10, критики 0–6; стандартная ошибка 100·√((p + d − (p − d)²)/n); 95%% интервал adjusted-Wald (Rocks 2016).
- Доли: 95%% интервалы Уилсона. Средние: t-интервалы, обрезанные по диапазону шкалы или индекса (среднее 6,25 на шкале 1–7 не может дойти до 8,6). Если ответов меньше 2 или все ответы одинаковы, интервал не показывается, и страница говорит почему.
- Группа сравнивается с остальной выборкой (NPS: z-тест разности adjusted-Wald, Rocks 2016, определён и когда все ответившие — промоутеры; доли: z-тест двух пропорций с объединённой долей (score-тест), определён при 0%% и 100%%; средние: t-тест Уэлча, который не определён, если ни в одной группе нет разброса или в группе меньше двух ответов: такая разница помечается «не проверяется» с причиной, а не «незначимо») с поправкой Холма по значениям одного разреза; волна сравнивается с предыдущей.
- Ответы, помеченные как пропуск («Затрудняюсь ответить»), не входят ни в одну базу, в том числе в доли и счёт выбранных вариантов.
- Разница рядом с двумя показанными цифрами вычисляется из показанных (округлённых до десятых) цифр.
- Медиана и квартили бенчмарка: выборочные квантили типа 7 (Hyndman & Fan 1996) по значениям участников в последней волне. Равные значения делят место, оно показывается как «=1 из 6». Перцентиль — доля других участников, которых участник опережает, причём равенство считается за половину (средний ранг), так что равенство никогда не выглядит худшим местом.
- Ключевые драйверы: корреляция с результатом и относительные веса Джонсона (доля объяснённой дисперсии), по центрированным суммам (численно устойчиво). Корреляция с пунктом, на который все ответили одинаково, не вычисляется, и тогда не вычисляется R². n — число респондентов; при весах корреляции взвешены.`,
	},
	textWithWeightsAStandard: {
		En: "With weights, a standard error is the linearised (Taylor) one of a weighted mean, the weights taken as given: Var = N/(N − 1)·Σw²(y − ȳ)²/(Σw)², N the respondents of the whole sample, as R's survey package computes it (`svymean` on `svydesign(ids = ~1, weights = ~w)`). Intervals and tests keep the formulas above with the n that gives this variance (for a share, p(1 − p)/Var); in a group whose answers are all the same, with Kish's effective size (Σw)²/Σw². The raking itself is not modelled: with mild raking this errs slightly on the safe side; with targets far from the sample it can understate the error of a group weighted far down (docs/methods.md).",
		Ru: "При весах стандартная ошибка — линеаризованная (метод Тейлора) ошибка взвешенного среднего при весах как заданных: Var = N/(N − 1)·Σw²(y − ȳ)²/(Σw)², N — число респондентов во всей выборке; так её считает пакет survey в R (`svymean` для `svydesign(ids = ~1, weights = ~w)`). Интервалы и тесты считаются по тем же формулам с n, дающим эту дисперсию (для доли p(1 − p)/Var); в группе, где все ответы одинаковы, — с эффективным размером выборки Киша (Σw)²/Σw². Сам рейкинг в дисперсии не учитывается: при умеренном взвешивании ошибки от этого немного завышены, а при целях, далёких от выборки, в группе с сильно уменьшенными весами могут быть занижены (docs/methods.md).",
	},
	textWeighting: {
		En: "Weighting",
		Ru: "Взвешивание",
	},
	textWithinEachWaveRespondents: {
		En: "Within each wave, respondents' weights are raked (iterative proportional fitting) until the weighted shares match the known population shares below. Respondents with a missing or untargeted value keep their weight. Standard errors take these weights as given (linearised, see “How the figures are computed”): the raking itself is not modelled.",
		Ru: "В каждой волне веса респондентов подогнаны итеративным пропорциональным взвешиванием (рейкингом) к известным долям генеральной совокупности ниже. Респонденты с пропущенным или не заданным в целях значением сохраняют свой вес. Стандартные ошибки считаются при этих весах как заданных (линеаризация, см. «Как рассчитаны показатели»): сам рейкинг в дисперсии не учитывается.",
	},
	textRaked: {
		En: "Raked",
		Ru: "Взвешено",
	},
	textNotRaked: {
		En: "Not raked",
		Ru: "Без взвешивания",
	},
	textIterations: {
		En: "Iterations",
		Ru: "Итераций",
	},
	textFactors: {
		En: "Factors",
		Ru: "Множители",
	},
	textDesignEffect: {
		En: "Design effect",
		Ru: "Эффект дизайна",
	},
	textField: {
		En: "Field",
		Ru: "Поле",
	},
	textValue: {
		En: "Value",
		Ru: "Значение",
	},
	textTarget: {
		En: "Target, %%",
		Ru: "Цель, %%",
	},
	textSample: {
		En: "Sample, %%",
		Ru: "Выборка, %%",
	},
	textWeighted: {
		En: "Weighted, %%",
		Ru: "После взвешивания, %%",
	},
	textDidNotConvergeThe: {
		En: " (did not converge: the margins contradict each other in this sample)",
		Ru: " (не сошлось: в этой выборке цели противоречат друг другу)",
	},
	textNoRespondentsTargetShared: {
		En: "no respondents: target shared by the others",
		Ru: "нет респондентов: цель распределена между остальными",
	},
	textUnitOfAnalysisThe: {
		En: "Unit of analysis: the participant",
		Ru: "Единица анализа — участник",
	},
	textEachParticipantCompanyAnswers: {
		En: `- Each participant (company) answers once per wave; all its figures are its own answers. Where these rules and the ones below differ, these apply.
- **Your own answers and scores are never hidden from your own page.** Each participant's page is meant for that participant only; no other page shows one participant's answers or scores, not even anonymised (the comparison page shows the distribution, the places are on the participants' own pages).
- **Peer figures** (a share choosing an option, a median, quartiles, a segment's or a wave's figures) are shown only for a group of at least **%s** participants: every participant reading a peer figure may be in it and can take its own answers away, which must still leave at least **%s** (min_participants) others. Groups are then hidden to protect smaller ones as described under disclosure control, once more from the seat of each participant, who knows its own answers.
- Peer figures are computed over participants, each counting once: shares are the share of participants choosing an option (per matrix row), scores are the mean over participants, shown with their distribution: median and quartiles (type 7, Hyndman & Fan 1996), minimum–maximum and N, the number of values: a participant once per wave, so a group pooled over waves (all waves, a segment) counts it once per wave it took part in. A share of participants has no such distribution (each is 0 or 100). The minimum and maximum are one participant's value each.
- Participants are not a random sample of a population: **no confidence interval and no significance test** is computed over them. A change since the previous wave is the plain difference; the peer group's change is the change of its median, and the peer group may differ between waves.
- Rank, percentile (mid-rank), quartile (top quarter: at or beyond the upper quartile) and maturity level are among the participants of the latest wave. Every figure stays within its scale.`,
		Ru: `- Каждый участник (компания) отвечает один раз за волну; все его показатели — это его собственные ответы. Где эти правила расходятся с правилами ниже, действуют эти.
- **Собственные ответы и показатели участника на его странице никогда не скрываются.** Страница участника предназначена только ему; ни одна другая страница не показывает ответы или показатели отдельного участника, даже анонимно (страница сравнения показывает распределение, места — на страницах самих участников).
- **Показатели по другим участникам** (доля выбравших вариант, медиана, квартили, показатели сегмента или волны) показываются только для группы не меньше чем из **%s** участников: любой участник, читающий такой показатель, может в неё входить и вычесть свои ответы, и после этого должно оставаться не меньше **%s** (min_participants) других. Затем группы скрываются для защиты меньших, как описано в разделе о защите от раскрытия, ещё раз — с позиции каждого участника, которому известны его ответы.
- Показатели по участникам вычисляются так, что каждый участник учитывается один раз: доли — доля участников, выбравших вариант (по строкам матриц), баллы — среднее по участникам с распределением: медиана и квартили (тип 7, Hyndman & Fan 1996), минимум–максимум и N — число значений: участник учитывается один раз в каждой волне, так что в группе за несколько волн (все волны, сегмент) он учитывается столько раз, в скольких волнах участвовал. У доли участников такого распределения нет (у каждого 0 или 100). Минимум и максимум — значения одного участника.
- Участники — не случайная выборка из совокупности: **доверительные интервалы и проверки значимости по ним не вычисляются.** Изменение к прошлой волне — простая разница; изменение группы участников — изменение её медианы, и состав группы в волнах может различаться.
- Место, перцентиль (средний ранг), квартиль (верхняя четверть — на уровне верхнего квартиля или лучше) и уровень зрелости — среди участников последней волны. Ни один показатель не выходит за пределы своей шкалы.`,
	},
	textDisclosureControl: {
		En: "Disclosure control",
		Ru: "Защита от раскрытия",
	},
	textAGroupWithFewer: {
		En: `- A group with fewer than **%s** respondents is **suppressed for its size**: only its number of respondents is shown.
- Other groups are **hidden to protect them**, so that no suppressed group's figures can be worked out by adding or subtracting shown ones: all respondents = the sum of the waves = the sum of the values of each breakdown; a wave = the sum of the participants in it; a participant over all waves = the sum of its waves. The groups to hide are chosen smallest first, and the tables are solved again after each round until no hidden group can be computed exactly.
- A change since the previous wave is shown only when both waves are shown; benchmarks, ranks and quartiles use shown participants only; the driver analysis is shown only when all respondents are shown and at least %s of them answered every item.
- A count behind an index (promoters, detractors, top-box answers) of a hidden group can never be pinned by the totals together with the fact that it lies between 0 and the group's size: where it could, one more group is hidden.
- Not protected: the counts of single answer options of hidden groups against such bounds (if hidden groups together never chose an option, none of them did), and a reader who already knows one hidden group's answers.`,
		Ru: `- Группа, где меньше **%s** респондентов, **скрыта из-за размера**: показано только число респондентов.
- Другие группы **скрыты для защиты**, чтобы показатели скрытой группы нельзя было получить сложением или вычитанием показанных: все респонденты = сумма волн = сумма значений каждого разреза; волна = сумма участников в ней; участник за все волны = сумма его волн. Скрываемые группы выбираются начиная с самых малых, и после каждого шага таблицы решаются заново, пока ни одну скрытую группу нельзя вычислить точно.
- Изменение к прошлой волне показывается, только если показаны обе волны; бенчмарки, места и квартили считаются только по показанным участникам; анализ драйверов показывается, только если показаны все респонденты и не менее %s из них ответили на все пункты.
- Число ответов за индексом (промоутеры, критики, высшие оценки) скрытой группы нельзя вычислить по итогам вместе с тем, что оно лежит между 0 и размером группы: где это возможно, скрывается ещё одна группа.
- Не защищает: число выборов отдельных вариантов ответа в скрытых группах от таких границ (если скрытые группы вместе ни разу не выбрали вариант, ни одна его не выбрала) и читателя, который уже знает ответы одной из скрытых групп.`,
	},
	textBreakdown: {
		En: "Breakdown",
		Ru: "Разрез",
	},
	textGroups: {
		En: "Groups",
		Ru: "Групп",
	},
	textShown: {
		En: "Shown",
		Ru: "Показано",
	},
	textSuppressedForSize: {
		En: "Suppressed for size",
		Ru: "Скрыто из-за размера",
	},
	textHiddenToProtectThem: {
		En: "Hidden to protect them",
		Ru: "Скрыто для защиты",
	},
	textTheDriverAnalysisIs: {
		En: "The driver analysis is not shown: all respondents are suppressed, or fewer than %s answered the outcome and every driver.",
		Ru: "Анализ драйверов не показан: все респонденты скрыты или меньше %s ответили на результат и на все драйверы.",
	},
	textThisReportShowsThe: {
		En: "This report shows the open answers of your own respondents only (%s), never another participant's. ",
		Ru: "В этом отчёте показаны только открытые ответы ваших респондентов (%s), ничьи другие. ",
	},
	textOpenAnswersOfAll: {
		En: "Open answers of all respondents are shown (%s). ",
		Ru: "Показаны открытые ответы всех респондентов (%s). ",
	},
	textOpenAnswersAreNot: {
		En: "Open answers are not shown on this site: each participant receives those of its own respondents in its own report.",
		Ru: "Открытые ответы на этом сайте не показываются: каждый участник получает ответы своих респондентов в своём отчёте.",
	},
	textBeforeTheyAreShown: {
		En: "Before they are shown, e-mail addresses, phone numbers, web addresses and the names of all participants (with the other names the survey lists for them) are replaced by “%s”: %s replaced here.",
		Ru: "Перед показом адреса электронной почты, телефоны, веб-адреса и названия всех участников (с другими их названиями, перечисленными в анкете) заменены на «%s»: здесь заменено %s.",
	},
	textOpenAnswers: {
		En: "Open answers",
		Ru: "Открытые ответы",
	},
	textTheRecordsBehindEach: {
		En: "The records behind each figure ([all %s](%s), with dates and comments): ",
		Ru: "Записи за каждым показателем ([все %s](%s), с датами и комментариями): ",
	},
	textRecordsBehindYourFigures: {
		En: "Records behind your figures",
		Ru: "Записи, из которых сложились ваши показатели",
	},
	textRecordsOfWave: {
		En: "%s records of wave %s, by date. Fields that identify a person are never shown; in comments, e-mail addresses, phone numbers, web addresses and participants' names are replaced by “%s”.",
		Ru: "%s записей волны %s, по дате. Поля, по которым можно узнать человека, не показываются никогда; в комментариях адреса почты, телефоны, веб-адреса и названия участников заменены на «%s».",
	},
	textNoRecordsOfWave: {
		En: "No records of wave %s are shown: there are none, or too few for your figures to be published.",
		Ru: "Записи волны %s не показаны: их нет или слишком мало, чтобы ваши показатели публиковались.",
	},
	textColumns: {
		En: "Columns",
		Ru: "Столбцы",
	},
	textColumn: {
		En: "Column",
		Ru: "Столбец",
	},
	textQuestionOrField: {
		En: "Question or field",
		Ru: "Вопрос или поле",
	},
	textAllAnswers: {
		En: "All answers",
		Ru: "Все ответы",
	},
	textRecord: {
		En: "Record",
		Ru: "Запись",
	},
	textSubmittedUTC: {
		En: "Submitted (UTC)",
		Ru: "Отправлена (UTC)",
	},
	textOther: {
		En: "other",
		Ru: "другое",
	},
	textRecords: {
		En: "Records",
		Ru: "Записи",
	},
	textResponseRates: {
		En: "Response rates",
		Ru: "Отклик",
	},
	textGroup: {
		En: "Group",
		Ru: "Группа",
	},
	textInvited: {
		En: "Invited",
		Ru: "Приглашено",
	},
	textCompleted: {
		En: "Completed",
		Ru: "Ответили",
	},
	textResponseRate: {
		En: "Response rate, %%",
		Ru: "Отклик, %%",
	},
	textAll: {
		En: "All",
		Ru: "Все",
	},
	textYourResponseRate: {
		En: "Your response rate, %%",
		Ru: "Ваш отклик, %%",
	},
	textPeersMedian: {
		En: "Peers' median, %%",
		Ru: "Медиана коллег, %%",
	},
	textSuppressed: {
		En: "suppressed",
		Ru: "скрыто",
	},
	textAllWaves: {
		En: "all",
		Ru: "все",
	},
	textRatesProse: {
		En: "Each invitation is one link of opros invite's list. *Invited* counts the list's invitations, *completed* those of them with a recorded answer (the invitation id in the data; an invitation answered more than once counts once), and the response rate is completed ÷ invited, by wave: in all and per segment and channel. A group with fewer than %s invitees is suppressed%s; where one group of a breakdown would be hidden, the next smallest is hidden too, so it cannot be had from the total. Answers through invitations that are not on the list count in no rate. Rates per participant are not published. %s",
		Ru: "Приглашение — одна ссылка из списка opros invite. *Приглашено* — число приглашений списка, *ответили* — сколько из них имеют записанный ответ (id приглашения в данных; несколько ответов по одному приглашению считаются один раз); доля ответивших — ответили ÷ приглашено, по волнам: всего и по каждому значению сегмента и канала. Группа, где приглашённых меньше %s, скрывается%s; если в разрезе была бы скрыта только одна группа, скрывается и следующая по размеру, чтобы её нельзя было получить вычитанием из итога. Ответы по приглашениям не из списка не входят ни в одну долю. Отклик отдельных участников не публикуется. %s",
	},
	textRatesCompanyRule: {
		En: ", as is one with invitees of fewer than %s participants",
		Ru: ", как и группа, где участников меньше %s",
	},
	textEndings: {
		En: "Endings",
		Ru: "Завершения",
	},
	textEndingsProse: {
		En: "How the respondents of each wave ended the survey: those who completed it by the ending they reached (the first whose condition held), and those screened out by a page's screen_out, who answered only the pages up to it. Every answer stored counts, before the figures' minimum group sizes; a wave whose figures are suppressed is left out.",
		Ru: "Как респонденты каждой волны завершили анкету: прошедшие её — по достигнутому завершению (первому, чьё условие выполнилось), и отсеянные на странице с screen_out, ответившие только на страницы до неё. Учитывается каждый сохранённый ответ, до минимальных размеров групп для показателей; волна, показатели которой скрыты, не показана.",
	},
	textEnding: {
		En: "Ending",
		Ru: "Завершение",
	},
	textEndingKind: {
		En: "Kind",
		Ru: "Вид",
	},
	textRespondents: {
		En: "Respondents",
		Ru: "Респонденты",
	},
	textShareOfWave: {
		En: "Share of the wave, %",
		Ru: "Доля волны, %",
	},
	textCompletion: {
		En: "completion",
		Ru: "прохождение",
	},
	textScreenOut: {
		En: "screen-out",
		Ru: "отсев",
	},
	textNoEnding: {
		En: "none held (thank-you text)",
		Ru: "ни одно не выполнилось (текст благодарности)",
	},
	// Heatmaps: a cell hidden by the minimum group size, and each cell's
	// description (hover, screen reader) and each map's.
	textFewerThanN: {
		En: "n < %d",
		Ru: "n < %d",
	},
	textHidden: {
		En: "hidden",
		Ru: "скрыто",
	},
	textCellShare: {
		En: "%s × %s: %s %% (%s), n = %d",
		Ru: "%s × %s: %s %% (%s), n = %d",
	},
	textCellMean: {
		En: "%s × %s: mean %s (%s), n = %d",
		Ru: "%s × %s: среднее %s (%s), n = %d",
	},
	textCellSuppressed: {
		En: "%s × %s: fewer than %d answers (n = %d), not shown",
		Ru: "%s × %s: меньше %d ответов (n = %d), не показано",
	},
	textCellSuppressedParticipants: {
		En: "%s × %s: fewer than %d participants answered (n = %d), not shown",
		Ru: "%s × %s: ответили меньше %d участников (n = %d), не показано",
	},
	textHeatShares: {
		En: "Heatmap of %d rows by %d options: the share (%%) of each row's answers that gave the option, darker for more, with each row's base n. A row with fewer than %d answers is hatched, not shown.",
		Ru: "Тепловая карта (строк: %d, вариантов: %d): в клетке доля (%%) ответов строки с этим вариантом, чем больше, тем темнее; после строки её база n. Строка, где меньше %d ответов, заштрихована и не показана.",
	},
	textHeatBlocks: {
		En: "Heatmap of %d participants by %d blocks: each participant's block scores (0–100) in the latest wave, darker for higher. A hidden participant is hatched.",
		Ru: "Тепловая карта (участников: %d, блоков: %d): баллы блоков участника (0–100) в последней волне, чем выше, тем темнее. Скрытый участник заштрихован.",
	},
	textHeatTicked: {
		En: "Heatmap of %d rows by %d options: the share (%%) of each row's respondents who ticked the option, darker for more, with each row's base n. A row with fewer than %d answers is hatched, not shown.",
		Ru: "Тепловая карта (строк: %d, вариантов: %d): в клетке доля (%%) ответивших на строку, отметивших этот вариант, чем больше, тем темнее; после строки её база n. Строка, где меньше %d ответов, заштрихована и не показана.",
	},
	textHeatMeans: {
		En: "Heatmap of %d rows by %d columns: the mean of each cell's answers, darker for more. A cell with fewer than %d answers is hatched, not shown; the data table gives each cell's base.",
		Ru: "Тепловая карта (строк: %d, столбцов: %d): в клетке среднее её ответов, чем больше, тем темнее. Клетка, где меньше %d ответов, заштрихована и не показана; база каждой клетки — в таблице данных.",
	},
	textHeatModal: {
		En: "Heatmap of %d rows by %d columns: the share (%%) of each cell's answers that gave its most frequent choice, darker for more; the choice is named in the data table. A cell with fewer than %d answers is hatched, not shown.",
		Ru: "Тепловая карта (строк: %d, столбцов: %d): в клетке доля (%%) её ответов с самым частым вариантом, чем больше, тем темнее; вариант назван в таблице данных. Клетка, где меньше %d ответов, заштрихована и не показана.",
	},
	textHeatIntervals: {
		En: " The data table has the same figures with their 95%% intervals.",
		Ru: " В таблице данных те же цифры с 95%% интервалами.",
	},
	textModalChoice: {
		En: "most often: %s",
		Ru: "чаще всего: %s",
	},
}

// say is the page text id over args in the page's language.
func (l *lang) say(id textID, args ...any) string { return pageText.Format(id, l.code, args...) }
