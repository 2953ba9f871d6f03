package semdiff

import (
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// kind is a kind of change. Its name is Change.Kind, which JSON and
// English text show as it is and Russian text names in words (kindNames);
// what it means is its reason (reasons).
type kind int

const (
	kindQuestionAdded kind = iota
	kindTypeChanged
	kindQuestionMoved
	kindQuestionReworded
	kindShowIfChanged
	kindRequiredChanged
	kindQuestionRemoved
	kindOptionAdded
	kindOptionReworded
	kindOptionMissingChanged
	kindOptionScoreChanged
	kindOptionRemoved
	kindSourceChanged
	kindQuestionSourceChanged
	kindRowSourceChanged
	kindScaleChanged
	kindScaleRelabelled
	kindBooleanRelabelled
	kindRowAdded
	kindRowRemoved
	kindItemAdded
	kindItemRemoved
	kindItemReworded
	kindColumnAdded
	kindColumnRemoved
	kindTotalChanged
	kindRankChanged
	kindColumnsChanged
	kindIndexAdded
	kindIndexChanged
	kindIndexRemoved
	kindBlockAdded
	kindBlockChanged
	kindBlockRemoved
	kindParticipantChanged
	kindUnitChanged
	kindSegmentsChanged
	kindWeightChanged
	kindMarginsChanged
	kindSuppressionChanged
	kindInvitationsAdded
	kindInvitationsRemoved
	kindInvitationsChanged
	kindUIChanged
	kindFlowChanged
	kindScreenOutChanged
	kindEndingsChanged
	kindMessagesChanged
	kindRulesChanged
	kindPageRulesChanged
	kindCalculationChanged
	kindCalculationAdded
	kindCalculationRemoved
	kindLoopIterationAdded
	kindLoopIterationRemoved
	kindLoopSourceChanged
	kindOptionsFromChanged
	kindOptionConditionChanged
	kindLogoHeightChanged
	kindCount
)

// reasons is what a change means, by kind: a fmt format over the
// arguments Diff gives, in English (Change.Reason, what JSON and ingest
// see) and in Russian (WriteText for a Russian reader).
var reasons = localize.Messages[kind]{
	kindQuestionAdded: {En: "New question %q; earlier waves have no answers to it.",
		Ru: "Новый вопрос %q; в прежних волнах ответов на него нет."},
	kindTypeChanged: {En: "The question changed from %s to %s; answers are not comparable.",
		Ru: "Тип вопроса сменился с %s на %s; ответы несопоставимы."},
	kindQuestionMoved: {En: "The question moved from page %q to page %q; context effects may shift answers.",
		Ru: "Вопрос перенесён со страницы %q на страницу %q; из-за другого контекста ответы могут сместиться."},
	kindQuestionReworded: {En: "The question text changed (%s): %q → %q.",
		Ru: "Текст вопроса изменился (%s): %q → %q."},
	kindShowIfChanged: {En: "Who is asked changed (show_if %q → %q); the answering population differs.",
		Ru: "Изменилось, кому задаётся вопрос (show_if %q → %q); отвечают другие люди."},
	kindRequiredChanged: {En: "required changed from %v to %v; response rates to it will differ.",
		Ru: "required изменился с %v на %v; доля ответивших на вопрос будет другой."},
	kindQuestionRemoved: {En: "The question %q was removed; its trend ends with the old version.",
		Ru: "Вопрос %q удалён; его динамика заканчивается на прежней версии."},
	kindOptionAdded: {En: "New option %q (%s); shares of the other options are not comparable with earlier waves.",
		Ru: "Новый вариант %q (%s); доли остальных вариантов несопоставимы с прежними волнами."},
	kindOptionReworded: {En: "The label of %q changed: %q → %q.",
		Ru: "Подпись варианта %q изменилась: %q → %q."},
	kindOptionMissingChanged: {En: "Option %q is now %s; scores are computed over a different base.",
		Ru: "Вариант %q теперь %s; баллы считаются по другой базе."},
	kindOptionScoreChanged: {En: "The score of option %q changed; block and index scores are not comparable.",
		Ru: "Балл варианта %q изменился; баллы блоков и индексов несопоставимы."},
	kindOptionRemoved: {En: "Option %q was removed; answers recorded with it cannot be mapped to the new version.",
		Ru: "Вариант %q удалён; ответы с ним нельзя перенести в новую версию."},
	kindSourceChanged: {En: "The source code of option %q changed (%q → %q): the data keeps its meaning, but an export of the old tool re-ingested now reads %[2]q differently.",
		Ru: "Исходный код варианта %q изменился (%q → %q): данные сохраняют смысл, но выгрузка прежнего инструмента, загруженная заново, прочитает %[2]q иначе."},
	kindQuestionSourceChanged: {En: "The source name of the question changed (%q → %q): the data keeps its meaning, but an export of the old tool re-ingested now reads its column %[1]q differently.",
		Ru: "Исходное имя вопроса изменилось (%q → %q): данные сохраняют смысл, но выгрузка прежнего инструмента, загруженная заново, прочитает столбец %[1]q иначе."},
	kindRowSourceChanged: {En: "The source name of row or item %q changed (%q → %q): the data keeps its meaning, but an export of the old tool re-ingested now reads %[2]q differently.",
		Ru: "Исходное имя строки или пункта %q изменилось (%q → %q): данные сохраняют смысл, но выгрузка прежнего инструмента, загруженная заново, прочитает %[2]q иначе."},
	kindScaleChanged: {En: "The scale changed from %d..%d to %d..%d; answers are not comparable.",
		Ru: "Шкала изменилась с %d..%d на %d..%d; ответы несопоставимы."},
	kindScaleRelabelled: {En: "The scale's labels changed; respondents may read the points differently.",
		Ru: "Подписи шкалы изменились; респонденты могут понимать её точки иначе."},
	kindBooleanRelabelled: {En: "The labels of yes and no changed (%s): %q/%q → %q/%q; respondents may read them differently.",
		Ru: "Подписи «да» и «нет» изменились (%s): %q/%q → %q/%q; респонденты могут понимать их иначе."},
	kindRowAdded: {En: "New matrix row %q.",
		Ru: "Новая строка матрицы %q."},
	kindRowRemoved: {En: "Matrix row %q was removed; its trend ends.",
		Ru: "Строка матрицы %q удалена; её динамика заканчивается."},
	kindItemAdded: {En: "New box %q.",
		Ru: "Новое поле %q."},
	kindItemRemoved: {En: "Box %q was removed; its trend ends.",
		Ru: "Поле %q удалено; его динамика заканчивается."},
	kindColumnAdded: {En: "New grid column %q.",
		Ru: "Новый столбец таблицы %q."},
	kindColumnRemoved: {En: "Grid column %q was removed; its trend ends.",
		Ru: "Столбец таблицы %q удалён; его динамика заканчивается."},
	kindItemReworded: {En: "Box %q is labelled %q instead of %q; respondents may read it differently.",
		Ru: "Поле %q подписано %q вместо %q; респонденты могут понимать его иначе."},
	kindTotalChanged: {En: "The boxes add up to %v instead of %v; the allocations are not comparable.",
		Ru: "Поля дают в сумме %v вместо %v; распределения несопоставимы."},
	kindRankChanged: {En: "%v items are ranked instead of %v; the ranks are not comparable.",
		Ru: "Ранжируется пунктов: %v вместо %v; ранги несопоставимы."},
	kindColumnsChanged: {En: "The options are laid out in %v columns instead of %v.",
		Ru: "Варианты расположены в %v колонках вместо %v."},
	kindIndexAdded: {En: "New index %q.",
		Ru: "Новый индекс %q."},
	kindIndexChanged: {En: "The definition of index %q changed; its values are not comparable across the change.",
		Ru: "Определение индекса %q изменилось; его значения до и после изменения несопоставимы."},
	kindIndexRemoved: {En: "The index %q was removed.",
		Ru: "Индекс %q удалён."},
	kindBlockAdded: {En: "New block %q.",
		Ru: "Новый блок %q."},
	kindBlockChanged: {En: "The items or weights of block %q changed; its scores are not comparable.",
		Ru: "Пункты или веса блока %q изменились; его баллы несопоставимы."},
	kindBlockRemoved: {En: "The block %q was removed.",
		Ru: "Блок %q удалён."},
	kindParticipantChanged: {En: "Participants are now identified by %q, not %q: every participant's figures and ranks change.",
		Ru: "Участники теперь определяются по %q, а не по %q: показатели и места всех участников изменятся."},
	kindUnitChanged: {En: "The unit of analysis is now %s (was %s): peer figures, their suppression and which submissions count change.",
		Ru: "Единица анализа теперь %s (была %s): меняются показатели группы, их скрытие и то, какие анкеты учитываются."},
	kindSegmentsChanged: {En: "The breakdowns are now %v (were %v).",
		Ru: "Разбивки теперь %v (были %v)."},
	kindWeightChanged: {En: "The weight is now %q (was %q): every weighted figure changes.",
		Ru: "Вес теперь %q (был %q): все взвешенные показатели изменятся."},
	kindMarginsChanged: {En: "The raking margins changed (now %s; were %s): every weighted figure changes.",
		Ru: "Целевые доли перевзвешивания изменились (теперь %s; были %s): все взвешенные показатели изменятся."},
	kindSuppressionChanged: {En: "Suppression is now below %d respondents and %d participants (was %d and %d): groups shown or hidden change.",
		Ru: "Скрываются теперь группы меньше %d респондентов и %d участников (было %d и %d): набор показанных групп изменится."},
	kindInvitationsAdded: {En: "Answers now come through signed invitations (%s): a form opened without one is refused or marked, and response rates can be computed from this version on.",
		Ru: "Ответы теперь принимаются по подписанным приглашениям (%s): ответ без приглашения отклоняется или помечается, а долю ответивших можно считать начиная с этой версии."},
	kindInvitationsRemoved: {En: "Answers no longer need invitations (was %s): they are not checked, each counts, and response rates end with the previous version.",
		Ru: "Приглашения больше не нужны (было: %s): ответы не проверяются, учитывается каждый, а доля ответивших считается только до этой версии."},
	kindInvitationsChanged: {En: "The invitation rule is now %s (was %s): which answers are taken and which count change.",
		Ru: "Правило приглашений теперь: %s (было: %s): меняется, какие ответы принимаются и какие учитываются."},
	kindUIChanged: {En: "The forms' own interface text in %q changed (%s); answers stay comparable.",
		Ru: "Собственный текст интерфейса форм на языке %q изменён (%s); ответы остаются сопоставимыми."},
	kindFlowChanged: {En: "The form's steps are now %s (were %s); answers stay comparable.",
		Ru: "Шаги формы теперь: %s (были: %s); ответы остаются сопоставимыми."},
	kindScreenOutChanged: {En: "Who is screened out on page %q is now %s (was %s): the later questions are asked of other respondents.",
		Ru: "Отсев на странице %q теперь: %s (было: %s): последующие вопросы задаются другим респондентам."},
	kindRulesChanged: {En: "The question's validate rules are now %s (were %s): which answers are taken changes.",
		Ru: "Правила validate вопроса теперь: %s (были: %s): меняется, какие ответы принимаются."},
	kindPageRulesChanged: {En: "The validate rules of page %q are now %s (were %s): which answers are taken changes.",
		Ru: "Правила validate страницы %q теперь: %s (были: %s): меняется, какие ответы принимаются."},
	kindCalculationChanged: {En: "The calculation %q is now %s (was %s): the conditions, rules and texts that read it change with it, and its column in data ingested under the old version holds the old values: ingest them again with --previous to compute it anew from their answers.",
		Ru: "Вычисляемое значение %q теперь %s (было %s): вместе с ним меняются условия, правила и тексты, которые его читают, а его столбец в данных, загруженных под прежней версией, хранит прежние значения: загрузите их заново с --previous, чтобы вычислить его по их ответам."},
	kindCalculationAdded: {En: "The calculation %q is new: data ingested under the old version have no column for it (it reads as missing there) until they are ingested again with --previous, which computes it from their answers.",
		Ru: "Вычисляемое значение %q добавлено: в данных, загруженных под прежней версией, его столбца нет (там оно читается как пропуск), пока их не загрузят заново с --previous, что вычислит его по их ответам."},
	kindCalculationRemoved: {En: "The calculation %q is gone: the data of this version have no column for it, and its trend ends with the old version.",
		Ru: "Вычисляемого значения %q больше нет: в данных этой версии его столбца нет, и его динамика заканчивается на прежней версии."},
	kindLoopIterationAdded: {En: "The loop %q now also asks its questions for the option %q of %q; earlier waves have no answers to that iteration.",
		Ru: "Цикл %q теперь задаёт свои вопросы и для варианта %q вопроса %q; в прежних волнах ответов в этой итерации нет."},
	kindLoopIterationRemoved: {En: "The loop %q no longer asks its questions for the option %q of %q; that iteration's trend ends with the old version.",
		Ru: "Цикл %q больше не задаёт свои вопросы для варианта %q вопроса %q; динамика этой итерации заканчивается на прежней версии."},
	kindLoopSourceChanged: {En: "The loop %q now repeats over %q (was %q): each iteration is asked of other respondents.",
		Ru: "Цикл %q теперь повторяется по вопросу %q (был %q): каждая итерация задаётся другим респондентам."},
	kindOptionsFromChanged: {En: "The options are now carried forward from %s (was: %s): who is offered which option changes, and with it each option's base.",
		Ru: "Варианты теперь переносятся из %s (было: %s): меняется, кому какой вариант предлагается, а с этим и база каждого варианта."},
	kindOptionConditionChanged: {En: "The option %q is now offered %s (was %s): who can choose it changes, and with it its base.",
		Ru: "Вариант %q теперь предлагается %s (было: %s): меняется, кто может его выбрать, а с этим и его база."},
	kindLogoHeightChanged: {En: "The logo's height is now %s (was %s); the forms look different, answers stay comparable.",
		Ru: "Высота логотипа теперь %s (была %s); формы выглядят иначе, ответы остаются сопоставимыми."},
	kindMessagesChanged: {En: "The question's own messages for %s changed; answers stay comparable.",
		Ru: "Собственные сообщения вопроса для %s изменены; ответы остаются сопоставимыми."},
	kindEndingsChanged: {En: "The endings are now %s (were %s): the ending column's codes and who reaches each change.",
		Ru: "Завершения теперь: %s (были: %s): меняются коды столбца ending и то, кто какого достигает."},
}

// wordID names the other words WriteText prints.
type wordID int

const (
	wordNoChanges wordID = iota
	wordTotals
	wordBreaking
	wordCaution
	wordCompatible
	wordCount
)

// words are WriteText's other words. English shows the severities as JSON
// has them; Russian names them in words, so a line reads in one language.
var words = localize.Messages[wordID]{
	wordNoChanges:  {En: "No changes.", Ru: "Изменений нет."},
	wordTotals:     {En: "%d breaking, %d caution, %d compatible.", Ru: "Итого: несопоставимо — %d, внимание — %d, совместимо — %d."},
	wordBreaking:   {En: Breaking, Ru: "несопоставимо"},
	wordCaution:    {En: Caution, Ru: "внимание"},
	wordCompatible: {En: Compatible, Ru: "совместимо"},
}

// severityWords are the severities' words.
var severityWords = map[string]wordID{Breaking: wordBreaking, Caution: wordCaution, Compatible: wordCompatible}

// columnWidths are WriteText's columns (severity, kind, where) in each
// language: as wide as its longest severity and kind (TestWords holds
// every name within them).
var columnWidths = map[string][3]int{"en": {10, 22, 20}, "ru": {13, 25, 20}}

// kindNames names every kind: in English as Change.Kind (and JSON) has it,
// in Russian in words.
var kindNames = localize.Messages[kind]{
	kindQuestionAdded:          {En: "question_added", Ru: "вопрос добавлен"},
	kindTypeChanged:            {En: "type_changed", Ru: "тип вопроса изменён"},
	kindQuestionMoved:          {En: "question_moved", Ru: "вопрос перенесён"},
	kindQuestionReworded:       {En: "question_reworded", Ru: "текст вопроса изменён"},
	kindShowIfChanged:          {En: "show_if_changed", Ru: "show_if изменён"},
	kindRequiredChanged:        {En: "required_changed", Ru: "required изменён"},
	kindQuestionRemoved:        {En: "question_removed", Ru: "вопрос удалён"},
	kindOptionAdded:            {En: "option_added", Ru: "вариант добавлен"},
	kindOptionReworded:         {En: "option_reworded", Ru: "подпись варианта изменена"},
	kindOptionMissingChanged:   {En: "option_missing_changed", Ru: "missing варианта изменён"},
	kindOptionScoreChanged:     {En: "option_score_changed", Ru: "балл варианта изменён"},
	kindOptionRemoved:          {En: "option_removed", Ru: "вариант удалён"},
	kindSourceChanged:          {En: "source_changed", Ru: "исходный код изменён"},
	kindQuestionSourceChanged:  {En: "q_source_changed", Ru: "исх. имя вопроса изменено"},
	kindRowSourceChanged:       {En: "row_source_changed", Ru: "исх. имя строки изменено"},
	kindScaleChanged:           {En: "scale_changed", Ru: "шкала изменена"},
	kindScaleRelabelled:        {En: "scale_relabelled", Ru: "подписи шкалы изменены"},
	kindBooleanRelabelled:      {En: "boolean_relabelled", Ru: "подписи да/нет изменены"},
	kindRowAdded:               {En: "row_added", Ru: "строка добавлена"},
	kindRowRemoved:             {En: "row_removed", Ru: "строка удалена"},
	kindItemAdded:              {En: "item_added", Ru: "поле добавлено"},
	kindItemRemoved:            {En: "item_removed", Ru: "поле удалено"},
	kindItemReworded:           {En: "item_reworded", Ru: "подпись поля изменена"},
	kindColumnAdded:            {En: "column_added", Ru: "столбец добавлен"},
	kindColumnRemoved:          {En: "column_removed", Ru: "столбец удалён"},
	kindTotalChanged:           {En: "total_changed", Ru: "сумма изменена"},
	kindRankChanged:            {En: "rank_changed", Ru: "число мест изменено"},
	kindColumnsChanged:         {En: "columns_changed", Ru: "колонки изменены"},
	kindIndexAdded:             {En: "index_added", Ru: "индекс добавлен"},
	kindIndexChanged:           {En: "index_changed", Ru: "индекс изменён"},
	kindIndexRemoved:           {En: "index_removed", Ru: "индекс удалён"},
	kindBlockAdded:             {En: "block_added", Ru: "блок добавлен"},
	kindBlockChanged:           {En: "block_changed", Ru: "блок изменён"},
	kindBlockRemoved:           {En: "block_removed", Ru: "блок удалён"},
	kindParticipantChanged:     {En: "participant_changed", Ru: "participant изменён"},
	kindUnitChanged:            {En: "unit_changed", Ru: "единица анализа изменена"},
	kindSegmentsChanged:        {En: "segments_changed", Ru: "разбивки изменены"},
	kindWeightChanged:          {En: "weight_changed", Ru: "вес изменён"},
	kindMarginsChanged:         {En: "margins_changed", Ru: "целевые доли изменены"},
	kindSuppressionChanged:     {En: "suppression_changed", Ru: "скрытие групп изменено"},
	kindInvitationsAdded:       {En: "invitations_added", Ru: "приглашения добавлены"},
	kindInvitationsRemoved:     {En: "invitations_removed", Ru: "приглашения удалены"},
	kindInvitationsChanged:     {En: "invitations_changed", Ru: "приглашения изменены"},
	kindUIChanged:              {En: "ui_changed", Ru: "текст интерфейса изменён"},
	kindFlowChanged:            {En: "flow_changed", Ru: "шаги формы изменены"},
	kindScreenOutChanged:       {En: "screen_out_changed", Ru: "отсев изменён"},
	kindEndingsChanged:         {En: "endings_changed", Ru: "завершения изменены"},
	kindMessagesChanged:        {En: "messages_changed", Ru: "сообщения изменены"},
	kindRulesChanged:           {En: "rules_changed", Ru: "правила проверки изменены"},
	kindPageRulesChanged:       {En: "page_rules_changed", Ru: "правила страницы изменены"},
	kindCalculationChanged:     {En: "calculation_changed", Ru: "вычисление изменено"},
	kindCalculationAdded:       {En: "calculation_added", Ru: "вычисление добавлено"},
	kindCalculationRemoved:     {En: "calculation_removed", Ru: "вычисление удалено"},
	kindLoopIterationAdded:     {En: "loop_iteration_added", Ru: "итерация цикла добавлена"},
	kindLoopIterationRemoved:   {En: "loop_iteration_removed", Ru: "итерация цикла удалена"},
	kindLoopSourceChanged:      {En: "loop_source_changed", Ru: "источник цикла изменён"},
	kindOptionsFromChanged:     {En: "options_from_changed", Ru: "перенос вариантов изменён"},
	kindOptionConditionChanged: {En: "option_if_changed", Ru: "условие варианта изменено"},
	kindLogoHeightChanged:      {En: "logo_height_changed", Ru: "высота логотипа изменена"},
}

// kindsByName are the kinds by Change.Kind.
var kindsByName = func() map[string]kind {
	m := make(map[string]kind, kindCount)
	for k := range kindCount {
		m[kindNames[k].En] = k
	}
	return m
}()

// severityWord is a severity in lang; a severity unknown to a Report read
// from elsewhere reads as it is.
func severityWord(sev, lang string) string {
	if w, ok := severityWords[sev]; ok {
		return words.In(w, lang)
	}
	return sev
}

// kindWord is a kind in lang: its name in JSON in English, its Russian
// name in Russian; a kind unknown to a Report read from elsewhere reads as
// it is.
func kindWord(name, lang string) string {
	if k, ok := kindsByName[name]; ok {
		return kindNames.In(k, lang)
	}
	return name
}

// text is the change's reason in lang; a change Diff did not make (read
// from JSON, say) has only its English Reason.
func (c Change) text(lang string) string {
	if c.args == nil {
		return c.Reason
	}
	return reasons.Format(kindsByName[c.Kind], lang, c.args...)
}

// optional is a setting that may be unset ("none").
type optional string

func (o optional) In(lang string) string {
	switch {
	case o != "":
		return string(o)
	case lang == "ru":
		return "нет"
	}
	return "none"
}

// logoHeight is a theme's logo_height: CSS pixels, or 0 for the form's
// default size.
type logoHeight int

func (h logoHeight) In(lang string) string {
	switch {
	case h > 0 && lang == "ru":
		return strconv.Itoa(int(h)) + " пикс."
	case h > 0:
		return strconv.Itoa(int(h)) + " px"
	case lang == "ru":
		return "по умолчанию формы"
	}
	return "the form's default"
}

// missingState says how an option now counts.
type missingState bool

func (m missingState) In(lang string) string {
	switch {
	case bool(m) && lang == "ru":
		return "считается пропуском"
	case bool(m):
		return "counted as missing"
	case lang == "ru":
		return "оценивается баллом"
	}
	return "scored"
}

// flowSteps are the steps the form adds to the pages: a review step, a
// step counter, or neither.
type flowSteps struct{ review, progress bool }

func (f flowSteps) In(lang string) string {
	var on []string
	if f.review {
		on = append(on, localize.Phrase{En: "a review step", Ru: "шаг проверки ответов"}.In(lang))
	}
	if f.progress {
		on = append(on, localize.Phrase{En: "a step counter", Ru: "счётчик шагов"}.In(lang))
	}
	if len(on) == 0 {
		return localize.Phrase{En: "the pages alone", Ru: "только страницы"}.In(lang)
	}
	return strings.Join(on, localize.Phrase{En: " and ", Ru: " и "}.In(lang))
}

// invitationWords is an invitations block's rule: whether an answer
// needs one, and which answer through it counts (ir.OnceFirst, ir.OnceLast,
// "" for every one).
type invitationWords struct {
	required bool
	once     string
}

func (w invitationWords) In(lang string) string {
	rule := localize.Phrase{En: "optional", Ru: "приглашение необязательно"}
	if w.required {
		rule = localize.Phrase{En: "required", Ru: "приглашение обязательно"}
	}
	return rule.In(lang) + onceWords(w.once).In(lang)
}

// unitWords is a benchmark's unit of analysis and, for participants, which
// of a participant's submissions counts.
type unitWords struct{ unit, once string }

func (w unitWords) In(lang string) string {
	unit := w.unit
	if lang == "ru" {
		unit = map[string]string{ir.UnitRespondent: "респондент", ir.UnitParticipant: "участник"}[w.unit]
		if unit == "" {
			unit = w.unit
		}
	}
	return unit + onceWords(w.once).In(lang)
}

// onceWords is a once rule after a comma: ", once first"; "" for none.
type onceWords string

func (o onceWords) In(lang string) string {
	switch {
	case o == "":
		return ""
	case lang == "ru" && o == ir.OnceFirst:
		return ", учитывается первый ответ"
	case lang == "ru" && o == ir.OnceLast:
		return ", учитывается последний ответ"
	}
	return ", once " + string(o)
}
