package importer

import "github.com/opros/opros/compiler/localize"

// msgID names a message of the import (messages): a reason, a place or an error.
type msgID int

const (
	msgPlaceSheet msgID = iota
	msgPlaceRow
	msgUnknownFormat
	msgBadXlsx
	msgNoSurveySheet
	msgNoTypeColumn
	msgBadJSON
	msgNoQuestions
	msgDropType
	msgDropMetadata
	msgDropCalculate
	msgDropNote
	msgDropColumn
	msgDropAppearance
	msgDropRequiredExpr
	msgDropRequiredMsg
	msgDropConstraint
	msgDropConstraintMsg
	msgDropConstraintPart
	msgChangeRuleMessage
	msgChangeRanking
	msgChangePipe
	msgDropRelevant
	msgDropPageRelevant
	msgDropChoiceFilter
	msgDropNestedGroup
	msgDropUnknownList
	msgDropEmptyList
	msgDropLanguage
	msgDropRangeStep
	msgDropProperty
	msgDropValidator
	msgDropHtml
	msgDropHtmlParts
	msgChangeHtmlMoved
	msgChangeEndingsCombined
	msgDropRedirect
	msgDropInvisible
	msgDropSomeRequired
	msgDropPanelTitle
	msgDropCompletedOn
	msgDropEndingCondition
	msgDropRateValues
	msgDropInputType
	msgDropDefault
	msgDropReadonly
	msgDropMedia
	msgDropSetting
	msgDropMaxSelect
	msgChangeID
	msgChangeCode
	msgChangeDuplicateCode
	msgChangeRowCode
	msgChangeIDSource
	msgChangeTranslation
	msgChangeDefaultLang
	msgChangeUI
	msgChangeLabel
	msgChangeEndpoint
	msgChangeNoteIntro
	msgChangeHtmlIntro
	msgChangeGroupRelevant
	msgChangeBoolean
	msgChangeRangeNumber
	msgExprSyntax
	msgExprSyntaxEnd
	msgExprTooDeep
	msgExprNotCondition
	msgExprUnknownRef
	msgExprLaterRef
	msgExprMatrixWhole
	msgExprUnknownRow
	msgExprUnknownCode
	msgExprOrderCodes
	msgExprMultiCompare
	msgExprCompareTypes
	msgExprArithTypes
	msgExprArity
	msgExprSelectedArgs
	msgExprUnknownFunction
	msgExprStrictBound
	msgExprUnsupported
	msgExprNotStored
	msgExprNoQuestion
	msgChangeCalcMoved
	msgDropCarry
	msgDropChoicesVisibleIf
	msgChangeLoop
	msgChangeLoopText
	msgDropRepeatCount
	msgDropRepeatOver
	msgDropRepeatCode
	msgDropRepeatNested
	msgDropRepeatOpen
	msgDropRepeatInGroup
	msgDropLoopCalc
	msgDropGridMixed
	msgDropGridCell
	msgDropGridChoices
	msgChangeGridRadio
	msgDropMatrixDynamic
	msgDropGridBoxes
	msgExprLoopRef
	msgChangeLoopPipe
	msgChangeGridRequired
	msgCount
)

// messages are the reasons an import gives for what it dropped or changed,
// and the errors that stop it, in English and Russian.
var messages = localize.Messages[msgID]{
	// places
	msgPlaceSheet: {En: "sheet %s", Ru: "лист %s"},
	msgPlaceRow:   {En: "sheet %s, row %d", Ru: "лист %s, строка %d"},

	// errors that stop an import
	msgUnknownFormat: {En: "%s: not an XLSForm (.xlsx) or a SurveyJS survey (.json)", Ru: "%s: не XLSForm (.xlsx) и не анкета SurveyJS (.json)"},
	msgBadXlsx:       {En: "%s: cannot read the spreadsheet: %w", Ru: "%s: не удалось прочитать таблицу: %w"},
	msgNoSurveySheet: {En: "%s: no sheet named survey, which an XLSForm must have", Ru: "%s: нет листа survey, обязательного в XLSForm"},
	msgNoTypeColumn:  {En: "%s: the survey sheet has no type or name column in its first row", Ru: "%s: в первой строке листа survey нет столбца type или name"},
	msgBadJSON:       {En: "%s: not a SurveyJS survey: %w", Ru: "%s: не анкета SurveyJS: %w"},
	msgNoQuestions:   {En: "%s: no question could be imported (the items left out are listed above)", Ru: "%s: не удалось перенести ни одного вопроса (пропущенное перечислено выше)"},

	// dropped
	msgDropType:              {En: "type %q has no opros equivalent; left out", Ru: "у типа %q нет аналога в opros; пропущен"},
	msgDropMetadata:          {En: "metadata %q is not asked; opros records started_at and submitted_at with every answer", Ru: "метаданные %q не спрашиваются; opros записывает started_at и submitted_at с каждым ответом"},
	msgDropCalculate:         {En: "calculation %q (%s): %s; left out (a condition or text reading it is dropped too)", Ru: "вычисление %q (%s): %s; пропущено (условия и тексты, которые его читают, тоже пропущены)"},
	msgChangeCalcMoved:       {En: "calculation %q is written after %s, the last question it reads: opros computes only from earlier answers", Ru: "вычисление %q записано после %s, последнего вопроса, который оно читает: opros вычисляет только по предыдущим ответам"},
	msgDropNote:              {En: "a note between questions: opros shows text only as a page's intro or a question's help; left out", Ru: "примечание между вопросами: opros показывает текст только во вступлении страницы или в подсказке вопроса; пропущено"},
	msgDropColumn:            {En: "column %s of %q (%q) has no opros equivalent; left out", Ru: "столбец %s вопроса %q (%q) не имеет аналога в opros; пропущен"},
	msgDropAppearance:        {En: "appearance %q of %q has no opros equivalent; left out", Ru: "вид (appearance) %q вопроса %q не имеет аналога в opros; пропущен"},
	msgDropRequiredExpr:      {En: "%q is required only when %q; opros requires a question always or never: not required", Ru: "вопрос %q обязателен только при условии %q; в opros вопрос обязателен всегда или никогда: сделан необязательным"},
	msgDropRequiredMsg:       {En: "the required message of %q: the question is not required in opros; left out", Ru: "сообщение об обязательности вопроса %q: в opros вопрос не обязателен; пропущено"},
	msgDropConstraint:        {En: "constraint %q of %q: %s; not checked", Ru: "ограничение %q вопроса %q: %s; не проверяется"},
	msgDropConstraintMsg:     {En: "the constraint message of %q: nothing of its constraint was carried over; left out", Ru: "сообщение об ограничении вопроса %q: ничего из ограничения не перенесено; пропущено"},
	msgDropConstraintPart:    {En: "constraint %q of %q: a part of it: %s; that part is not checked, the rest is", Ru: "ограничение %q вопроса %q: его часть: %s; эта часть не проверяется, остальное проверяется"},
	msgChangePipe:            {En: "the text shows the answer to %q, which is not an imported question asked before it (or a matrix): it reads — (or its fallback)", Ru: "текст показывает ответ на %q, а это не перенесённый вопрос, заданный раньше (или матрица): там будет — (или замена после |)"},
	msgChangeRanking:         {En: "ranking %q: opros stores a rank per item (%s_ITEM); answers exported from the old tool, which stores the ordered values, need turning into ranks", Ru: "ранжирование %q: opros хранит ранг каждого элемента (%s_ЭЛЕМЕНТ); ответы, выгруженные из прежнего инструмента, где хранятся упорядоченные значения, нужно перевести в ранги"},
	msgChangeRuleMessage:     {En: "%q: its constraint has no message, and an opros validate block needs one: \"This answer is not allowed.\" (en/ru built in)", Ru: "%q: у ограничения нет сообщения, а блоку validate в opros оно нужно: «Такой ответ не допускается.» (встроено для en/ru)"},
	msgDropRelevant:          {En: "condition %q of %q: %s; the question is always shown", Ru: "условие %q вопроса %q: %s; вопрос показывается всегда"},
	msgDropPageRelevant:      {En: "condition %q of page %q: %s; the page is always shown", Ru: "условие %q страницы %q: %s; страница показывается всегда"},
	msgDropChoiceFilter:      {En: "choice filter %q of %q: %s; opros shows every option", Ru: "фильтр вариантов %q вопроса %q: %s; opros показывает все варианты"},
	msgDropNestedGroup:       {En: "group %q inside a page: its questions join the page, its title %q is left out", Ru: "группа %q внутри страницы: её вопросы вошли в страницу, заголовок %q пропущен"},
	msgDropUnknownList:       {En: "%q uses the choice list %q, which the choices sheet does not have; left out", Ru: "вопрос %q ссылается на список вариантов %q, которого нет на листе choices; пропущен"},
	msgDropEmptyList:         {En: "%q has no options; left out", Ru: "у вопроса %q нет вариантов ответа; пропущен"},
	msgDropLanguage:          {En: "column %s: language %q has no code opros can use (write it as label::Name (xx)); left out", Ru: "столбец %s: у языка %q нет кода, понятного opros (пишите label::Name (xx)); пропущен"},
	msgDropRangeStep:         {En: "range %q has step %s: opros scales go in steps of 1; the step is left out", Ru: "у шкалы %q шаг %s: шкалы opros идут с шагом 1; шаг пропущен"},
	msgDropProperty:          {En: "property %s (%s) has no opros equivalent; left out", Ru: "свойство %s (%s) не имеет аналога в opros; пропущено"},
	msgDropValidator:         {En: "validator %q of %q has no opros equivalent; not checked", Ru: "проверка %q вопроса %q не имеет аналога в opros; не выполняется"},
	msgDropSomeRequired:      {En: "%q: only some of its boxes are required; opros requires every box or none: not required", Ru: "%q: обязательны только некоторые поля; в opros обязательны все поля или ни одно: сделано необязательным"},
	msgDropInvisible:         {En: "%q is never shown (visible: false); left out", Ru: "вопрос %q никогда не показывается (visible: false); пропущен"},
	msgDropRedirect:          {En: "redirect %q: an opros redirect is an absolute http(s) URL filling only {response_id} and {hidden.ID}; left out", Ru: "переход %q: переход в opros — полный URL http(s), в который подставляются только {response_id} и {hidden.ID}; пропущен"},
	msgDropHtml:              {En: "html element %q is shown only under a condition (its own visibleIf or its panel's): opros shows text apart from questions only as a page's intro, which has none; left out", Ru: "элемент html %q показывается только при условии (своё visibleIf или его панели): opros показывает текст вне вопросов только во вступлении страницы, а у него условия нет; пропущен"},
	msgDropHtmlParts:         {En: "its HTML has what opros Markdown cannot show (%s): left out, the text kept", Ru: "в его HTML есть то, чего не показать в Markdown opros (%s): пропущено, текст сохранён"},
	msgChangeEndingsCombined: {En: "%d redirects and %d conditional thank-you texts: SurveyJS picks a redirect and a text apart, an opros respondent reaches one ending, so each redirect is written with each text it may follow (%d endings, the redirects' order first)", Ru: "переходов: %d, благодарностей по условию: %d; SurveyJS выбирает переход и текст независимо, а респондент opros попадает в одно завершение, поэтому каждый переход записан с каждым текстом, после которого он возможен (завершений: %d, первым идёт порядок переходов)"},
	msgChangeHtmlMoved:       {En: "html element %q between questions (after %s): opros has no text between questions; it is added to the page's intro, above the first question, as Markdown", Ru: "элемент html %q между вопросами (после %s): в opros нет текста между вопросами; он добавлен во вступление страницы, над первым вопросом, как Markdown"},
	msgDropPanelTitle:        {En: "panel %q: its questions join the page, its title is left out", Ru: "панель %q: её вопросы вошли в страницу, заголовок пропущен"},
	msgDropCompletedOn:       {En: "a conditional thank-you without a condition or a text; left out", Ru: "благодарность по условию без условия или текста; пропущена"},
	msgDropEndingCondition:   {En: "the condition %q of a thank-you: %s; left out (the others and thank_you stay)", Ru: "условие %q текста благодарности: %s; пропущено (остальные и thank_you остаются)"},
	msgDropRateValues:        {En: "%q: rating values that are not whole numbers 0..10: imported as a single choice", Ru: "%q: значения оценки — не целые числа 0..10: перенесено как выбор одного варианта"},
	msgDropInputType:         {En: "%q: input type %q has no opros equivalent; imported as text", Ru: "%q: тип поля %q не имеет аналога в opros; перенесено как текст"},
	msgDropDefault:           {En: "default answer of %q: opros forms start empty", Ru: "ответ по умолчанию вопроса %q: формы opros открываются пустыми"},
	msgDropReadonly:          {En: "%q is read-only: opros asks every question it shows; left as an ordinary question", Ru: "вопрос %q только для чтения: opros задаёт каждый показанный вопрос; оставлен обычным вопросом"},
	msgDropMedia:             {En: "media column %s of %q: opros forms show no images, audio or video", Ru: "медиа-столбец %s вопроса %q: формы opros не показывают изображения, звук и видео"},
	msgDropSetting:           {En: "setting %s (%q) has no opros equivalent; left out", Ru: "настройка %s (%q) не имеет аналога в opros; пропущена"},
	msgDropMaxSelect:         {En: "%q: a selection limit means nothing for a single choice; left out", Ru: "%q: ограничение числа выбранных вариантов не имеет смысла при выборе одного; пропущено"},

	// changed
	msgChangeID:            {En: "%q is not an opros identifier (a letter, then letters, digits, _): it is %s", Ru: "%q — не идентификатор opros (буква, затем буквы, цифры, _): теперь это %s"},
	msgChangeCode:          {En: "option %q of %s is not an opros code (letters, digits, _, -): it is %q, with the old code as its source, which opros ingest reads in answers exported from the old tool", Ru: "код варианта %q вопроса %s не подходит для opros (буквы, цифры, _, -): теперь это %q, а старый код записан в его source — opros ingest прочитает его в ответах, выгруженных из прежнего инструмента"},
	msgChangeDuplicateCode: {En: "option %q of %s is given twice: the second is %q (in answers exported from the old tool, the code means the first)", Ru: "вариант %q вопроса %s указан дважды: второй теперь %q (в ответах, выгруженных из прежнего инструмента, этот код означает первый)"},
	msgChangeRowCode:       {En: "row %q of %s is not an opros code (letters, digits, _, -): it is %q (its data column %[2]s_%[3]s), with the old name as its source, which opros ingest reads in answers exported from the old tool", Ru: "строка %q вопроса %s не подходит для opros (буквы, цифры, _, -): теперь это %q (столбец данных %[2]s_%[3]s), а старое имя записано в её source — opros ingest прочитает его в ответах, выгруженных из прежнего инструмента"},
	msgChangeIDSource:      {En: "%q is not an opros identifier (a letter, then letters, digits, _): it is %s, with the old name as its source, which opros ingest reads in answers exported from the old tool", Ru: "%q — не идентификатор opros (буква, затем буквы, цифры, _): теперь это %s, а старое имя записано в его source — opros ingest прочитает его в ответах, выгруженных из прежнего инструмента"},
	msgChangeTranslation:   {En: "no %s text (%d of its texts): the %s text is used", Ru: "нет текста на языке %s (текстов: %d): использован текст на %s"},
	msgChangeDefaultLang:   {En: "no default_language setting: the columns without a language are taken as %s", Ru: "нет настройки default_language: столбцы без языка считаются языком %s"},
	msgChangeUI:            {En: "the forms have no interface text in %s (buttons, messages): its ui block holds the English text; translate it", Ru: "у форм нет встроенного текста интерфейса на языке %s (кнопки, сообщения): в его блоке ui английский текст; переведите его"},
	msgChangeLabel:         {En: "%q has no label: its name is used", Ru: "у %q нет подписи: использовано его имя"},
	msgChangeEndpoint:      {En: "no submission URL: the forms post to %s (opros collect's default); change endpoint.url before publishing", Ru: "нет адреса отправки: формы отправляют ответы на %s (адрес opros collect по умолчанию); измените endpoint.url перед публикацией"},
	msgChangeNoteIntro:     {En: "a note before the page's questions: it is the page's intro", Ru: "примечание перед вопросами страницы: стало вступлением страницы"},
	msgChangeHtmlIntro:     {En: "an html element before the page's questions: it is the page's intro, as Markdown", Ru: "элемент html перед вопросами страницы: стал вступлением страницы в виде Markdown"},
	msgChangeGroupRelevant: {En: "condition of group %q inside a page: added to the condition of each of its questions", Ru: "условие группы %q внутри страницы: добавлено к условию каждого её вопроса"},
	msgChangeBoolean:       {En: "yes/no question %q stores %q as %s, as opros boolean questions do; answers exported from the old tool need this value", Ru: "вопрос да/нет %q хранит %q как %s, как все вопросы boolean в opros; в ответах, выгруженных из прежнего инструмента, значение нужно заменить"},
	msgChangeRangeNumber:   {En: "range %q does not run over whole numbers up to 101 points: a number question with its limits", Ru: "шкала %q идёт не по целым числам или длиннее 101 точки: вопрос-число с её границами"},

	// expressions
	msgExprSyntax:          {En: "cannot read the expression at %q", Ru: "не удалось прочитать выражение в месте %q"},
	msgExprSyntaxEnd:       {En: "the expression ends too early or a bracket is not closed", Ru: "выражение обрывается или не закрыта скобка"},
	msgExprTooDeep:         {En: "the expression is nested more than %d levels deep", Ru: "выражение вложено глубже %d уровней"},
	msgExprNotCondition:    {En: "the expression is not a true/false condition", Ru: "выражение не является условием (истина/ложь)"},
	msgExprUnknownRef:      {En: "it refers to %q, which is not an imported question", Ru: "оно ссылается на %q — это не перенесённый вопрос"},
	msgExprLaterRef:        {En: "it refers to %q, which is not asked before it (opros conditions read only earlier answers)", Ru: "оно ссылается на %q, который задаётся не раньше него (условия opros читают только предыдущие ответы)"},
	msgExprMatrixWhole:     {En: "it reads the whole matrix %q; opros reads one row at a time", Ru: "оно читает всю матрицу %q; opros читает по одной строке"},
	msgExprUnknownRow:      {En: "matrix %q has no row %q", Ru: "в матрице %q нет строки %q"},
	msgExprUnknownCode:     {En: "question %s has no option %q", Ru: "у вопроса %s нет варианта %q"},
	msgExprOrderCodes:      {En: "it orders the codes of %s; opros compares codes only for equality", Ru: "оно упорядочивает коды вопроса %s; opros сравнивает коды только на равенство"},
	msgExprMultiCompare:    {En: "it compares the multiple choice %s as a whole; write selected() or contains", Ru: "оно сравнивает множественный выбор %s целиком; используйте selected() или contains"},
	msgExprCompareTypes:    {En: "it compares values of different types", Ru: "оно сравнивает значения разных типов"},
	msgExprArithTypes:      {En: "it computes with something that is not a number", Ru: "оно вычисляет с тем, что не является числом"},
	msgExprArity:           {En: "%s() takes %d argument(s)", Ru: "%s() принимает аргументов: %d"},
	msgExprSelectedArgs:    {En: "%s needs a question and a literal code", Ru: "%s требует вопрос и код в кавычках"},
	msgExprUnknownFunction: {En: "function %s() has no opros equivalent", Ru: "у функции %s() нет аналога в opros"},
	msgExprStrictBound:     {En: "a strict bound (< or >) on a decimal number: opros limits include their bound", Ru: "строгая граница (< или >) для дробного числа: границы в opros включают само значение"},
	msgExprNotStored:       {En: "its value is a list, which a data column cannot hold", Ru: "его значение — список, а в столбце данных его не сохранить"},
	msgExprNoQuestion:      {En: "no question is asked before it", Ru: "до него не задаётся ни одного вопроса"},
	msgExprUnsupported:     {En: "construct %s has no opros equivalent", Ru: "у конструкции %s нет аналога в opros"},
	msgDropCarry: {En: "choices of %q from %q (mode %q): opros carries forward only the choices selected or unselected in an earlier single or multiple choice question; left out",
		Ru: "варианты вопроса %q из %q (режим %q): opros переносит только выбранные или невыбранные варианты более раннего вопроса с выбором; пропущено"},
	msgDropChoicesVisibleIf: {En: "choice condition %q of %q: %s; opros shows every option",
		Ru: "условие вариантов %q вопроса %q: %s; opros показывает все варианты"},

	// loops (XLSForm repeats) and grids (SurveyJS matrixdropdown)
	msgChangeLoop: {En: "repeat %q over the choices in %q: an opros loop %q, its questions asked once per option chosen (data columns QUESTION__OPTION, where the old tool had a row per repeat)",
		Ru: "повторяемая группа %q по выбранным вариантам %q: цикл opros %q, её вопросы задаются для каждого выбранного варианта (столбцы данных ВОПРОС__ВАРИАНТ вместо строки на повторение в прежнем инструменте)"},
	msgChangeLoopText: {En: "calculation %q names the repeat's option: it is not a data column, its pipes read %s",
		Ru: "вычисление %q называет вариант повторения: это не столбец данных, его подстановки читают %s"},
	msgDropRepeatCount: {En: "repeat %q and the %d question(s) in it: its repeat_count is %q, and an opros loop repeats only over the options chosen in a multiple choice (repeat_count = count-selected(${q}))",
		Ru: "повторяемая группа %q и её вопросы (%d): её repeat_count равен %q, а цикл opros повторяется только по вариантам, выбранным в вопросе с множественным выбором (repeat_count = count-selected(${q}))"},
	msgDropRepeatOpen: {En: "repeat %q and the %d question(s) in it: it repeats as often as the respondent adds one (no repeat_count), and an opros loop repeats only over the options chosen in a multiple choice (repeat_count = count-selected(${q}))",
		Ru: "повторяемая группа %q и её вопросы (%d): она повторяется, сколько раз респондент её добавит (нет repeat_count), а цикл opros повторяется только по вариантам, выбранным в вопросе с множественным выбором (repeat_count = count-selected(${q}))"},
	msgDropRepeatOver: {En: "repeat %q and the %d question(s) in it: its count reads %q, which is not a select_multiple imported before it",
		Ru: "повторяемая группа %q и её вопросы (%d): её счётчик читает %q — это не перенесённый ранее вопрос select_multiple"},
	msgDropRepeatCode: {En: "repeat %q and the %d question(s) in it: option %q of %q cannot name an iteration (letters, digits, _)",
		Ru: "повторяемая группа %q и её вопросы (%d): код варианта %q вопроса %q не может называть повторение (буквы, цифры, _)"},
	msgDropRepeatNested: {En: "repeat %q and the %d question(s) in it: it stands inside another repeat, and opros loops do not nest",
		Ru: "повторяемая группа %q и её вопросы (%d): она внутри другой повторяемой группы, а циклы opros не вкладываются друг в друга"},
	msgDropRepeatInGroup: {En: "repeat %q and the %d question(s) in it: it stands inside group %q, and an opros loop stands among pages, not inside one",
		Ru: "повторяемая группа %q и её вопросы (%d): она внутри группы %q, а цикл opros стоит среди страниц, а не внутри страницы"},
	msgDropLoopCalc: {En: "calculation %q inside a repeat: an opros loop holds no calculations",
		Ru: "вычисление %q внутри повторяемой группы: в цикле opros вычислений нет"},
	msgDropGridMixed: {En: "matrix %q: its columns have cells of different kinds (%s), and an opros grid has one kind of cell",
		Ru: "матрица %q: в её столбцах ячейки разных видов (%s), а у сетки opros один вид ячеек"},
	msgDropGridCell: {En: "matrix %q: cells of type %q have no opros equivalent",
		Ru: "матрица %q: у ячеек типа %q нет аналога в opros"},
	msgDropGridChoices: {En: "matrix %q: its columns offer different choices, and opros has one list of options per grid",
		Ru: "матрица %q: в её столбцах разные варианты, а у сетки opros один список вариантов"},
	msgChangeGridRadio: {En: "matrix %q: its radio-button cells are dropdowns in opros (a choice per cell from one list)",
		Ru: "матрица %q: ячейки с переключателями стали в opros выпадающими списками (выбор в каждой ячейке из одного списка)"},
	msgDropGridBoxes: {En: "matrix %q: several checkbox columns with several choices each, where an opros matrix_multi has one box per row and option",
		Ru: "матрица %q: несколько столбцов с флажками, в каждом по нескольку вариантов, а в matrix_multi opros один флажок на строку и вариант"},
	msgExprLoopRef: {En: "it refers to %q, asked in the loop %q: after the loop opros names one iteration (QUESTION__OPTION), where the source names them all",
		Ru: "оно ссылается на %q из цикла %q: после цикла opros называет одно повторение (ВОПРОС__ВАРИАНТ), а источник — все сразу"},
	msgChangeLoopPipe: {En: "the text shows the answer to %q, asked in the loop %q: after the loop opros names one iteration (QUESTION__OPTION); it reads — (or its fallback)",
		Ru: "текст показывает ответ на %q из цикла %q: после цикла opros называет одно повторение (ВОПРОС__ВАРИАНТ); там будет — (или замена после |)"},
	msgChangeGridRequired: {En: "matrix %q is required: in opros every row must be answered (each cell of a grid, a box in each row of a matrix_multi), where SurveyJS asks for one answer",
		Ru: "матрица %q обязательна: в opros нужно ответить в каждой строке (каждая ячейка сетки, флажок в каждой строке matrix_multi), а SurveyJS требует один ответ"},
	msgDropMatrixDynamic: {En: "matrix %q with rows the respondent adds: opros asks a fixed set of rows",
		Ru: "матрица %q со строками, которые добавляет респондент: opros задаёт постоянный набор строк"},
}
