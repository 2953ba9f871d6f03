package compiler

import "github.com/opros/opros/compiler/localize"

// diagID names a diagnostic the compiler reports itself: errorf, errorAt
// and newDiag take one. A new diagnostic is a constant here (before
// diagCount) and its entry in messages.
type diagID int

const (
	msgCannotReadSurvey diagID = iota
	msgCannotReadFile
	msgDuplicateSurveyBlock
	msgDuplicateBlock
	msgMissingSurveyBlock
	msgInvalidSurveyID
	msgInvalidLanguage
	msgDuplicateLanguage
	msgNoLanguages
	msgDuplicateEndpoint
	msgDuplicateEnding
	msgUnknownEnding
	msgEndingUnreachable
	msgScreenOutEndingShowIf
	msgEndingColumnTaken
	msgMessageWithoutCheck
	msgPatternMessageTwice
	msgInvalidRedirect
	msgUnknownPipe
	msgDuplicateInvitations
	msgInvalidOnce
	msgInvitationOnceParticipant
	msgInvitationParamTaken
	msgInvalidEndpointURL
	msgMissingEndpointURL
	msgInvalidEndpointFormat
	msgInvalidColour
	msgPathAbsolute
	msgPathOutside
	msgPathLinkOutside
	msgPathMissing
	msgPathNotFile
	msgPathNotDir
	msgMissingEndpoint
	msgInvalidIdentifier
	msgInvalidCode
	msgInvalidRole
	msgDuplicateOption
	msgInvalidLabels
	msgInvalidNamedReference
	msgNullValue
	msgWrongValueType
	msgNotWholeNumber
	msgMissingAttribute
	msgTextNeedsLanguages
	msgUnknownLanguage
	msgMissingTranslation
	msgInvalidText
	msgInvalidTextLanguage
	msgInvalidReferenceList
	msgNotAReference
	msgLiteralNotReference
	msgDuplicateID
	msgDuplicateOptionSet
	msgEmptyOptionSet
	msgDuplicateScale
	msgScaleNeeds
	msgEmptyPage
	msgNoPages
	msgConditionIsNotTrueOrFalse
	msgMissingQuestionType
	msgUnknownQuestionType
	msgQuestionAttributeNotAllowed
	msgInvalidStyle
	msgUnknownOptionSet
	msgDuplicateSetOption
	msgEmptyOptionList
	msgExclusiveOptionOutsideMulti
	msgEmptySourceCode
	msgDuplicateSourceCode
	msgAmbiguousSourceCode
	msgEmptySourceName
	msgDuplicateSourceName
	msgAmbiguousSourceName
	msgDuplicateQuestionSource
	msgAmbiguousQuestionSource
	msgSourceInLoop
	msgOtherOptionInMatrix
	msgSeveralOtherOptions
	msgRowOutsideMatrix
	msgDuplicateRow
	msgMatrixWithoutRows
	msgMinSelectAboveMax
	msgMinSelectAboveOptions
	msgNegativeSelectionLimits
	msgBlockNotAllowedHere
	msgMinLengthAboveMax
	msgNegativeLengthLimits
	msgMessageWithoutPattern
	msgInvalidRange
	msgDateLimits
	msgBooleanLabelNeeded
	msgInputsWithoutItems
	msgDuplicateItem
	msgInvalidInput
	msgInputAttributeNotAllowed
	msgInputsNeedAnItem
	msgInvalidGridInput
	msgGridWithoutColumns
	msgDuplicateColumn
	msgGridOptionsWithoutDropdown
	msgCellNeeded
	msgUnknownColumn
	msgCellsNotScored
	msgInvalidColumns
	msgInvalidTotal
	msgInvalidRank
	msgInvalidLogoHeight
	msgUnknownItem
	msgUnknownScale
	msgRatingMin
	msgRatingMax
	msgMissingScale
	msgScaleMaxNotAboveMin
	msgScaleTooLong
	msgWrongNumberOfLabels
	msgInvalidPattern
	msgUnportablePattern
	msgReservedName
	msgColumnNameCollision
	msgTemplateInCondition
	msgListOfCodes
	msgUnsupportedExpression
	msgInvalidHiddenReference
	msgUnknownHiddenField
	msgUnknownQuestion
	msgReferenceToALaterQuestion
	msgMatrixNeedsARow
	msgMatrixRowsOneByOne
	msgUnknownRow
	msgReferenceByID
	msgWrongOperandType
	msgNeverEqual
	msgUnorderedTypes
	msgUnknownFunction
	msgArgumentExpansion
	msgWrongNumberOfArguments
	msgDuplicateDefinition
	msgBlockNeedsItems
	msgInvalidMaturityThreshold
	msgLevelNeedsMin
	msgEmptyMaturity
	msgItemCannotBeScored
	msgSumItemNotScored
	msgEmptyItemList
	msgWrongNumberOfWeights
	msgNegativeWeight
	msgMissingIndexKind
	msgUnknownIndexKind
	msgIndexAttributeNotAllowed
	msgIndexNeedsQuestion
	msgWrongNumberOfItems
	msgIndexQuestionType
	msgInvalidBox
	msgIndexNeedsItems
	msgIndexNeedsOptions
	msgExprIndexNeedsExpr
	msgIndexFormulaType
	msgExprIndexNeedsRange
	msgBlocksIndexNeedsItems
	msgBlocksIndexListsBlocks
	msgUnknownBlock
	msgFieldQuestionType
	msgMinGroupSize
	msgMinParticipants
	msgWeightQuestionType
	msgOutcomeNotIndex
	msgDriverNotNumeric
	msgDriversWithoutOutcome
	msgInvalidUnit
	msgInvalidBenchmarkOnce
	msgOnceWithoutParticipantUnit
	msgParticipantUnitWithoutParticipant
	msgParticipantUnitTwoParticipants
	msgParticipantUnitQuestion
	msgParticipantUnitWeight
	msgParticipantUnitMargin
	msgDuplicateMargin
	msgUnknownOptionCode
	msgTargetsNotObject
	msgTargetKey
	msgTargetNotNumber
	msgTargetNotPositive
	msgDuplicateTarget
	msgTargetsOneValue
	msgUnsupportedLanguage
	msgUIUnknownLanguage
	msgUnknownUIKey
	msgUIPlaceholderMissing
	msgUIUnknownPlaceholder
	msgMissingUIText
	msgUnknownIndex
	msgRecordsNoParticipant
	msgUnknownPipedName
	msgPipeOfALaterQuestion
	msgPipeNotOneValue
	msgCalculationNotScored
	msgNestedLoop
	msgEmptyLoop
	msgCalculateInLoop
	msgLoopOverNotQuestion
	msgLoopOverLater
	msgLoopOverNotMulti
	msgLoopCodeNotIdentifier
	msgLoopColumnTaken
	msgLoopQuestionNeedsIteration
	msgLoopPipeOutsideLoop
	msgUnknownLoopPipe
	msgLoopQuestionNamedLikeAnother
	msgCalculationType
	msgShareOfCalculation
	msgCalculationColumnCollision
	msgInvalidTake
	msgOptionsFromItself
	msgOptionsFromLater
	msgOptionsFromNotChoice
	msgNothingToCarry
	msgDuplicateCarriedOption
	msgOptionConditionNotAllowed
	msgOptionConditionInSet
	msgOptionConditionOnItself
	msgNoOptionCanBeShown
	msgBoxNotScored
	msgShareOfBoolean
	diagCount
)

// messages is the catalogue of the diagnostics the compiler reports itself:
// by id (what errorf is given), the summary and the detail in English and
// in Russian. Details are fmt formats over errorf's arguments; a Russian
// one may take them in another order (%[2]q). TestMessages checks that
// every id has both languages with the same arguments.
var messages = localize.Messages[diagID]{
	msgCannotReadSurvey: {
		SummaryEn: "Cannot Read Survey", En: "%s.",
		SummaryRu: "Не удалось прочитать анкету", Ru: "%s.",
	},
	msgCannotReadFile: {
		SummaryEn: "Cannot Read File", En: "%s.",
		SummaryRu: "Не удалось прочитать файл", Ru: "%s.",
	},
	msgDuplicateSurveyBlock: {
		SummaryEn: "Duplicate Survey Block", En: "A survey has exactly one survey block; the first is at %s.",
		SummaryRu: "Второй блок survey", Ru: "В анкете ровно один блок survey; первый — в %s.",
	},
	msgDuplicateBlock: {
		SummaryEn: "Duplicate Block", En: "There can be only one %s block; the first is at %s.",
		SummaryRu: "Повторный блок", Ru: "Блок %s может быть только один; первый — в %s.",
	},
	msgMissingSurveyBlock: {
		SummaryEn: "Missing Survey Block", En: "Every survey needs one block `survey \"ID\" { title = \"…\" … }` naming it.",
		SummaryRu: "Нет блока survey", Ru: "Каждой анкете нужен один блок `survey \"ID\" { title = \"…\" … }` с её именем.",
	},
	msgInvalidSurveyID: {
		SummaryEn: "Invalid Identifier", En: "The survey ID %q must contain only letters, digits, underscores and hyphens: it names the output folder and is stored with every answer.",
		SummaryRu: "Недопустимый идентификатор", Ru: "ID анкеты %q может содержать только латинские буквы, цифры, подчёркивания и дефисы: это имя папки с результатом, и он хранится с каждым ответом.",
	},
	msgInvalidLanguage: {
		SummaryEn: "Invalid Language", En: "%q is not a language code such as \"ru\" or \"en\".",
		SummaryRu: "Недопустимый язык", Ru: "%q — не код языка вроде \"ru\" или \"en\".",
	},
	msgDuplicateLanguage: {
		SummaryEn: "Duplicate Language", En: "The language %q is listed twice.",
		SummaryRu: "Повторный язык", Ru: "Язык %q указан дважды.",
	},
	msgNoLanguages: {
		SummaryEn: "Invalid Value", En: "A survey needs at least one language.",
		SummaryRu: "Недопустимое значение", Ru: "В анкете должен быть хотя бы один язык.",
	},
	msgDuplicateEndpoint: {
		SummaryEn: "Duplicate Block", En: "The survey block has one endpoint block.",
		SummaryRu: "Повторный блок", Ru: "В блоке survey может быть только один блок endpoint.",
	},
	msgMessageWithoutCheck: {
		SummaryEn: "Message Without Check", En: "messages.%s words what the form says when an answer fails that check, but this question has none (set %s first).",
		SummaryRu: "Сообщение без проверки", Ru: "messages.%s задаёт текст, который форма показывает, когда ответ не проходит эту проверку, но у вопроса её нет (сначала задайте %s).",
	},
	msgPatternMessageTwice: {
		SummaryEn: "Two Pattern Messages", En: "pattern_message and messages.pattern are the same text: keep one.",
		SummaryRu: "Два сообщения для pattern", Ru: "pattern_message и messages.pattern — один и тот же текст: оставьте одно.",
	},
	msgDuplicateEnding: {
		SummaryEn: "Duplicate Ending", En: "The ending %q is defined twice; the first is at %s.",
		SummaryRu: "Повторное завершение", Ru: "Завершение %q определено дважды; первое — в %s.",
	},
	msgUnknownEnding: {
		SummaryEn: "Unknown Ending", En: "There is no ending %q.%s",
		SummaryRu: "Неизвестное завершение", Ru: "Нет завершения %q.%s",
	},
	msgEndingUnreachable: {
		SummaryEn: "Ending Never Reached", En: "No respondent reaches the ending %q: the ending %q before it has no show_if, so everyone who completes the survey ends there. Give that one a show_if, move this one before it, or name it in a page's screen_out.",
		SummaryRu: "Недостижимое завершение", Ru: "Завершения %q не достигнет ни один респондент: у завершения %q перед ним нет show_if, и им заканчивают все, кто прошёл анкету. Задайте тому show_if, поставьте это перед ним или назовите его в screen_out страницы.",
	},
	msgScreenOutEndingShowIf: {
		SummaryEn: "Show_if Never Used", En: "The ending %q is reached through the screen_out at %s, which chooses it by its own condition: this show_if is never used. Remove it, or make a separate ending for respondents who complete the survey.",
		SummaryRu: "show_if не используется", Ru: "Завершение %q выбирает screen_out в %s по своему условию, и этот show_if никогда не используется. Удалите его или сделайте отдельное завершение для прошедших анкету.",
	},
	msgEndingColumnTaken: {
		SummaryEn: "Reserved ID", En: "A survey with endings stores the ending each respondent reached in a column named \"ending\": rename the %s \"ending\".",
		SummaryRu: "Зарезервированный ID", Ru: "Анкета с завершениями хранит достигнутое завершение в столбце \"ending\": переименуйте %s \"ending\".",
	},
	msgInvalidRedirect: {
		SummaryEn: "Invalid Redirect", En: "A redirect must be an absolute http:// or https:// URL, not %q.",
		SummaryRu: "Недопустимый адрес перехода", Ru: "redirect должен быть полным адресом http:// или https://, а не %q.",
	},
	msgUnknownPipedName: {
		SummaryEn: "Unknown Piped Name", En: "The text pipes {%s}, which is neither a question nor hidden.ID of a hidden field.%s",
		SummaryRu: "Неизвестное имя подстановки", Ru: "В текст подставляется {%s}, но это не вопрос и не hidden.ID скрытого поля.%s",
	},
	msgPipeOfALaterQuestion: {
		SummaryEn: "Pipe Of A Later Question", En: "The text pipes {%s}, which is not answered yet where the text is shown: %s.",
		SummaryRu: "Подстановка более позднего вопроса", Ru: "В текст подставляется {%s}, а там, где текст показан, на него ещё не ответили: %s.",
	},
	msgPipeNotOneValue: {
		SummaryEn: "Answer Cannot Be Piped", En: "{%s} is a %s question, whose answer is several values; a text can pipe one answer or the options chosen.",
		SummaryRu: "Ответ нельзя подставить", Ru: "{%s} — вопрос типа %s, его ответ состоит из нескольких значений; в текст можно подставить один ответ или выбранные варианты.",
	},
	msgCalculationNotScored: {
		SummaryEn: "Calculation Not Scored", En: "%q is a calculation whose value is %s, but the %s %q %s.",
		SummaryRu: "Вычисляемое значение в индексе", Ru: "%q — вычисляемое значение типа «%s», а %s %q %s.",
	},
	msgNestedLoop: {
		SummaryEn: "Nested Loop", En: "The loop %q is written inside the loop %q; loops are not nested: write it after that loop, over a question asked before it.",
		SummaryRu: "Вложенный цикл", Ru: "Цикл %q записан внутри цикла %q; циклы не вкладываются: запишите его после того цикла, по вопросу, заданному до него.",
	},
	msgEmptyLoop: {
		SummaryEn: "Empty Loop", En: "The loop %q has no page; a loop repeats the pages written in it.",
		SummaryRu: "Пустой цикл", Ru: "В цикле %q нет страниц; цикл повторяет записанные в нём страницы.",
	},
	msgCalculateInLoop: {
		SummaryEn: "Calculate In A Loop", En: "The calculate block %q is in the loop %q; a loop's pages cannot hold calculations yet: write it after the loop, naming each iteration's question (contacts__phone).",
		SummaryRu: "calculate в цикле", Ru: "Блок calculate %q записан в цикле %q; на страницах цикла вычисляемых значений пока быть не может: запишите его после цикла, называя вопрос каждой итерации (contacts__phone).",
	},
	msgLoopOverNotQuestion: {
		SummaryEn: "Invalid Loop Source", En: "The loop %q must name the multi question it repeats over, e.g. over = q_channels.",
		SummaryRu: "Недопустимый источник цикла", Ru: "В цикле %q нужно назвать вопрос типа multi, по которому он повторяется, например over = q_channels.",
	},
	msgLoopOverLater: {
		SummaryEn: "Loop Over A Later Question", En: "The loop %q repeats over %q, which is not asked before the loop's first page; a loop repeats over the options chosen on an earlier page.",
		SummaryRu: "Цикл по более позднему вопросу", Ru: "Цикл %q повторяется по вопросу %q, который задаётся не раньше первой страницы цикла; цикл повторяется по вариантам, выбранным на предыдущей странице.",
	},
	msgLoopOverNotMulti: {
		SummaryEn: "Loop Over A Non-Multi Question", En: "The loop %q repeats over %q, a %s question; a loop repeats over the options chosen in a multi question.",
		SummaryRu: "Цикл не по вопросу multi", Ru: "Цикл %q повторяется по вопросу %q типа %s; цикл повторяется по вариантам, выбранным в вопросе типа multi.",
	},
	msgLoopCodeNotIdentifier: {
		SummaryEn: "Option Code Cannot Name An Iteration", En: "The loop %q repeats over the option %q of %q, but an iteration's questions are named question__code, and that code would not make a question ID (letters, digits and _): change the code.",
		SummaryRu: "Код варианта не годится для итерации", Ru: "Цикл %q повторяется по варианту %q вопроса %q, но вопросы итерации называются вопрос__код, а с этим кодом ID вопроса не получится (буквы, цифры и _): измените код.",
	},
	msgLoopColumnTaken: {
		SummaryEn: "Loop Column Taken", En: "The loop %q asks %q for the option %q as %q, which is already the ID of a question at %s: rename one of them.",
		SummaryRu: "Столбец цикла занят", Ru: "Цикл %q задаёт вопрос %q для варианта %q как %q, но это уже ID вопроса в %s: переименуйте один из них.",
	},
	msgLoopQuestionNeedsIteration: {
		SummaryEn: "Loop Question Without Its Iteration", En: "%q is asked once for each option chosen in the loop %q; outside the loop, name one iteration: %s.",
		SummaryRu: "Вопрос цикла без итерации", Ru: "%q задаётся по разу для каждого варианта, выбранного в цикле %q; вне цикла назовите одну итерацию: %s.",
	},
	msgLoopPipeOutsideLoop: {
		SummaryEn: "Loop Pipe Outside A Loop", En: "The text pipes {%s}, the option of a loop's iteration, but it is not in a loop's page.",
		SummaryRu: "Подстановка цикла вне цикла", Ru: "В текст подставляется {%s} — вариант итерации цикла, но текст не на странице цикла.",
	},
	msgUnknownLoopPipe: {
		SummaryEn: "Unknown Loop Pipe", En: "The text pipes {%s}; a loop's pages pipe {loop.label} (the option's label) or {loop.code} (its code).",
		SummaryRu: "Неизвестная подстановка цикла", Ru: "В текст подставляется {%s}; на страницах цикла подставляются {loop.label} (текст варианта) или {loop.code} (его код).",
	},
	msgLoopQuestionNamedLikeAnother: {
		SummaryEn: "Loop Question Named Like Another", En: "The loop %q asks %q, which is also the ID of a question at %s; within the loop the name means the loop's question, so that one could not be read there: rename one of them.",
		SummaryRu: "Вопрос цикла назван как другой", Ru: "Цикл %q задаёт вопрос %q, но это и ID вопроса в %s; внутри цикла это имя означает вопрос цикла, и тот вопрос там прочитать было бы нельзя: переименуйте один из них.",
	},
	msgCalculationType: {
		SummaryEn: "Calculation Cannot Be Stored", En: "The value of %q can be %s; a calculation is stored in a column of the data, so its values (null aside) must all be numbers, all true or false, or all texts.",
		SummaryRu: "Вычисляемое значение нельзя сохранить", Ru: "Значение %q может быть: %s; вычисляемое значение хранится в столбце данных, поэтому все его значения (кроме null) должны быть числами, или все true или false, или все строками.",
	},
	msgCalculationColumnCollision: {
		SummaryEn: "Column Name Collision", En: "The calculation %q is stored in the column of the same name, which is already %s. Rename one of them.",
		SummaryRu: "Совпадение имён столбцов", Ru: "Вычисляемое значение %q хранится в одноимённом столбце, но это уже %s. Переименуйте одно из них.",
	},
	msgShareOfCalculation: {
		SummaryEn: "Attribute Not Allowed Here", En: "A share of the calculation %q is the share of respondents for whom it is true; it has no options.",
		SummaryRu: "Атрибут здесь недопустим", Ru: "Доля для вычисляемого значения %q — это доля респондентов, у которых оно true; options у неё нет.",
	},
	msgUnknownPipe: {
		SummaryEn: "Unknown Placeholder", En: "A redirect can carry {response_id} and {hidden.ID} of a hidden field, not {%s}.%s",
		SummaryRu: "Неизвестная подстановка", Ru: "В redirect можно подставить {response_id} и {hidden.ID} скрытого поля, но не {%s}.%s",
	},
	msgDuplicateInvitations: {
		SummaryEn: "Duplicate Block", En: "The survey block has one invitations block.",
		SummaryRu: "Повторный блок", Ru: "В блоке survey может быть только один блок invitations.",
	},
	msgInvalidOnce: {
		SummaryEn: "Invalid Value", En: "once says which answer through one invitation counts: \"first\" or \"last\", not %q.%s",
		SummaryRu: "Недопустимое значение", Ru: "once говорит, какой ответ по одному приглашению учитывается: \"first\" (первый) или \"last\" (последний), а не %q.%s",
	},
	msgInvitationOnceParticipant: {
		SummaryEn: "Once Twice", En: "In a participant-level benchmark one submission per participant and wave counts already (benchmark once), which leaves nothing for invitations once to choose: remove it from the invitations block.",
		SummaryRu: "once дважды", Ru: "В бенчмарке участников и так учитывается одна анкета участника в волне (benchmark once), и invitations once нечего выбирать: уберите его из блока invitations.",
	},
	msgInvitationParamTaken: {
		SummaryEn: "Reserved Parameter", En: "The URL parameter %q carries the signed invitation in a survey with an invitations block; give the hidden field another param.",
		SummaryRu: "Зарезервированный параметр", Ru: "Параметр URL %q несёт подписанное приглашение в анкете с блоком invitations; задайте скрытому полю другой param.",
	},
	msgInvalidEndpointURL: {
		SummaryEn: "Invalid Endpoint URL", En: "The endpoint must be an absolute http:// or https:// URL, such as \"https://example.org/collect\".",
		SummaryRu: "Недопустимый адрес endpoint", Ru: "Адрес endpoint должен быть полным URL с http:// или https://, например \"https://example.org/collect\".",
	},
	msgMissingEndpointURL: {
		SummaryEn: "Missing Required Attribute", En: "The endpoint block needs a url: where forms send answers.",
		SummaryRu: "Нет обязательного атрибута", Ru: "Блоку endpoint нужен url: куда формы отправляют ответы.",
	},
	msgInvalidEndpointFormat: {
		SummaryEn: "Invalid Value", En: "The endpoint format is \"json\" or \"form\", not %q.",
		SummaryRu: "Недопустимое значение", Ru: "Формат endpoint — \"json\" или \"form\", а не %q.",
	},
	msgInvalidColour: {
		SummaryEn: "Invalid Colour", En: "The accent colour must be a hex colour such as \"#0b5fff\".",
		SummaryRu: "Недопустимый цвет", Ru: "Акцентный цвет задаётся в шестнадцатеричном виде, например \"#0b5fff\".",
	},
	msgPathAbsolute: {
		SummaryEn: "Absolute Path", En: "%s %q is an absolute path: name a file in the survey's folder, relative to it. opros publishes what the survey names, so it reads nothing from outside that folder.",
		SummaryRu: "Абсолютный путь", Ru: "%s %q — абсолютный путь: укажите файл в папке анкеты, относительно неё. opros публикует то, что называет анкета, поэтому ничего не читает вне этой папки.",
	},
	msgPathOutside: {
		SummaryEn: "Path Outside the Survey Folder", En: "%s %q leads out of the survey's folder: name a file in it, relative to it. opros publishes what the survey names (the logo is copied into the forms, pages into the report), so it reads nothing from outside that folder.",
		SummaryRu: "Путь за пределы папки анкеты", Ru: "%s %q ведёт за пределы папки анкеты: укажите файл в ней, относительно неё. opros публикует то, что называет анкета (логотип копируется в формы, страницы — в отчёт), поэтому ничего не читает вне этой папки.",
	},
	msgPathLinkOutside: {
		SummaryEn: "Path Outside the Survey Folder", En: "%s %q is in the survey's folder, but a symbolic link takes it to %s, outside the folder, which opros would publish: put the file itself in the folder.",
		SummaryRu: "Путь за пределы папки анкеты", Ru: "%s %q лежит в папке анкеты, но символическая ссылка ведёт к %s, вне папки, и opros опубликовал бы этот файл: положите в папку сам файл.",
	},
	msgPathMissing: {
		SummaryEn: "File Not Found", En: "%s %q is not in the survey's folder (%s).",
		SummaryRu: "Файл не найден", Ru: "%s %q: в папке анкеты (%s) такого нет.",
	},
	msgPathNotFile: {
		SummaryEn: "Not a File", En: "%s %q is a folder; it must be a file.",
		SummaryRu: "Не файл", Ru: "%s %q — папка, а должен быть файл.",
	},
	msgPathNotDir: {
		SummaryEn: "Not a Folder", En: "%s %q is a file; it must be a folder (of templates/, report.css, report.js).",
		SummaryRu: "Не папка", Ru: "%s %q — файл, а должна быть папка (с templates/, report.css, report.js).",
	},
	msgMissingEndpoint: {
		SummaryEn: "Missing Endpoint", En: "The survey block needs an endpoint block: `endpoint { url = \"https://…\" }`, where forms send answers.",
		SummaryRu: "Нет endpoint", Ru: "Блоку survey нужен блок endpoint: `endpoint { url = \"https://…\" }` — куда формы отправляют ответы.",
	},
	msgInvalidIdentifier: {
		SummaryEn: "Invalid Identifier", En: "The %s ID %q must start with a letter and contain only letters, digits and underscores: it becomes a column name and an expression identifier.",
		SummaryRu: "Недопустимый идентификатор", Ru: "ID %[2]q (%[1]s) должен начинаться с латинской буквы и содержать только латинские буквы, цифры и подчёркивания: он становится именем столбца и идентификатором в выражениях.",
	},
	msgInvalidCode: {
		SummaryEn: "Invalid Code", En: "The %s code %q must contain only letters, digits, underscores and hyphens: it is stored in the data.",
		SummaryRu: "Недопустимый код", Ru: "Код %[2]q (%[1]s) может содержать только латинские буквы, цифры, подчёркивания и дефисы: он хранится в данных.",
	},
	msgInvalidRole: {
		SummaryEn: "Invalid Role", En: "A hidden field's role is \"participant\", \"segment\" or \"channel\", not %q.%s",
		SummaryRu: "Недопустимая роль", Ru: "Роль скрытого поля — \"participant\", \"segment\" или \"channel\", а не %q.%s",
	},
	msgDuplicateOption: {
		SummaryEn: "Duplicate Option", En: "The option code %q is already used at %s.",
		SummaryRu: "Повторный вариант", Ru: "Код варианта %q уже использован в %s.",
	},
	msgInvalidLabels: {
		SummaryEn: "Invalid Value", En: "labels must be a list with one text per scale point.",
		SummaryRu: "Недопустимое значение", Ru: "labels — это список с одним текстом на каждую точку шкалы.",
	},
	msgInvalidNamedReference: {
		SummaryEn: "Invalid Reference", En: "%q takes the name of the %s, e.g. %s.NAME.",
		SummaryRu: "Недопустимая ссылка", Ru: "%[1]q принимает имя (%[2]s), например %[3]s.NAME.",
	},
	msgNullValue: {
		SummaryEn: "Invalid Value", En: "The attribute %q must not be null.",
		SummaryRu: "Недопустимое значение", Ru: "Атрибут %q не может быть null.",
	},
	msgWrongValueType: {
		SummaryEn: "Invalid Value", En: "The attribute %q must be %s.",
		SummaryRu: "Недопустимое значение", Ru: "Атрибут %q должен быть %s.",
	},
	msgNotWholeNumber: {
		SummaryEn: "Invalid Value", En: "The attribute %q must be a whole number.",
		SummaryRu: "Недопустимое значение", Ru: "Атрибут %q должен быть целым числом.",
	},
	msgMissingAttribute: {
		SummaryEn: "Missing Required Attribute", En: "The attribute %q is required here.",
		SummaryRu: "Нет обязательного атрибута", Ru: "Здесь нужен атрибут %q.",
	},
	msgTextNeedsLanguages: {
		SummaryEn: "Missing Translation", En: "The survey has the languages %s, so %q needs one text per language, e.g. { %s = \"…\" }.",
		SummaryRu: "Нет перевода", Ru: "В анкете языки %s, поэтому %q нужен текст на каждом языке, например { %s = \"…\" }.",
	},
	msgUnknownLanguage: {
		SummaryEn: "Unknown Language", En: "%q has a text in %q, which is not one of the survey's languages (%s).%s",
		SummaryRu: "Неизвестный язык", Ru: "У %q есть текст на %q, а это не язык анкеты (%s).%s",
	},
	msgMissingTranslation: {
		SummaryEn: "Missing Translation", En: "%q has no text in %q, one of the survey's languages.",
		SummaryRu: "Нет перевода", Ru: "У %q нет текста на %q, одном из языков анкеты.",
	},
	msgInvalidText: {
		SummaryEn: "Invalid Text", En: "The attribute %q must be a string or an object with one string per language.",
		SummaryRu: "Недопустимый текст", Ru: "Атрибут %q должен быть строкой или объектом с одной строкой на каждый язык.",
	},
	msgInvalidTextLanguage: {
		SummaryEn: "Invalid Text", En: "The %q text of %q must be a string.",
		SummaryRu: "Недопустимый текст", Ru: "Текст %[2]q на языке %[1]q должен быть строкой.",
	},
	msgInvalidReferenceList: {
		SummaryEn: "Invalid Reference List", En: "The attribute %q must be a list of references, e.g. [q1, q2].",
		SummaryRu: "Недопустимый список ссылок", Ru: "Атрибут %q должен быть списком ссылок, например [q1, q2].",
	},
	msgNotAReference: {
		SummaryEn: "Invalid Reference", En: "Each value of %q must be a reference such as q1, q5_14.phone or hidden.company, not a quoted string or an expression.",
		SummaryRu: "Недопустимая ссылка", Ru: "Каждое значение %q должно быть ссылкой вроде q1, q5_14.phone или hidden.company, а не строкой в кавычках или выражением.",
	},
	msgLiteralNotReference: {
		SummaryEn: "Variables not allowed", En: "The attribute \"%s\" takes a literal value here, not a reference.",
		SummaryRu: "Переменные здесь недопустимы", Ru: "Атрибут \"%s\" принимает здесь значение, а не ссылку.",
	},
	msgDuplicateID: {
		SummaryEn: "Duplicate ID", En: "The %s ID %q is already used at %s; question, page and hidden field IDs must be unique in a survey.",
		SummaryRu: "Повторный ID", Ru: "ID %[2]q (%[1]s) уже занят в %[3]s; ID вопросов, страниц и скрытых полей в анкете не должны повторяться.",
	},
	msgDuplicateOptionSet: {
		SummaryEn: "Duplicate Option Set", En: "The option set %q is defined twice.",
		SummaryRu: "Повторный набор вариантов", Ru: "Набор вариантов %q определён дважды.",
	},
	msgEmptyOptionSet: {
		SummaryEn: "Empty Option List", En: "The option set %q has no option blocks.",
		SummaryRu: "Пустой список вариантов", Ru: "В наборе вариантов %q нет блоков option.",
	},
	msgDuplicateScale: {
		SummaryEn: "Duplicate Scale", En: "The scale %q is defined twice.",
		SummaryRu: "Повторная шкала", Ru: "Шкала %q определена дважды.",
	},
	msgScaleNeeds: {
		SummaryEn: "Missing Required Attribute", En: "The scale %q needs %q.",
		SummaryRu: "Нет обязательного атрибута", Ru: "Шкале %q нужен атрибут %q.",
	},
	msgEmptyPage: {
		SummaryEn: "Empty Page", En: "The page %q has no questions.",
		SummaryRu: "Пустая страница", Ru: "На странице %q нет вопросов.",
	},
	msgNoPages: {
		SummaryEn: "No Pages", En: "The survey has no page blocks, so there is nothing to ask.",
		SummaryRu: "Нет страниц", Ru: "В анкете нет блоков page, так что спрашивать нечего.",
	},
	msgConditionIsNotTrueOrFalse: {
		SummaryEn: "Condition Is Not True Or False", En: "%s must be a condition (true or false), but this expression gives a %s. Compare it, e.g. q_age >= 18, or use answered(…).",
		SummaryRu: "Условие не даёт true или false", Ru: "%s: нужно условие (true или false), а это выражение даёт: %s. Сравните его с чем-нибудь, например q_age >= 18, или используйте answered(…).",
	},
	msgMissingQuestionType: {
		SummaryEn: "Missing Question Type", En: "The question %q needs a type: one of %s.",
		SummaryRu: "Не указан тип вопроса", Ru: "Вопросу %q нужен type: один из %s.",
	},
	msgUnknownQuestionType: {
		SummaryEn: "Unknown Question Type", En: "%q is not a question type; use one of %s.%s",
		SummaryRu: "Неизвестный тип вопроса", Ru: "%q — не тип вопроса; допустимы %s.%s",
	},
	msgQuestionAttributeNotAllowed: {
		SummaryEn: "Attribute Not Allowed Here", En: "A %s question has no %q attribute.",
		SummaryRu: "Атрибут здесь недопустим", Ru: "У вопроса типа %s нет атрибута %q.",
	},
	msgInvalidStyle: {
		SummaryEn: "Invalid Value", En: "The only style of a single question is \"statements\".",
		SummaryRu: "Недопустимое значение", Ru: "У вопроса single есть только один style — \"statements\".",
	},
	msgUnknownOptionSet: {
		SummaryEn: "Unknown Option Set", En: "There is no option_set %q.%s",
		SummaryRu: "Неизвестный набор вариантов", Ru: "Нет option_set %q.%s",
	},
	msgDuplicateSetOption: {
		SummaryEn: "Duplicate Option", En: "The option code %q is already in the option set used by %q.",
		SummaryRu: "Повторный вариант", Ru: "Код варианта %q уже есть в наборе вариантов, который использует %q.",
	},
	msgEmptyOptionList: {
		SummaryEn: "Empty Option List", En: "The %s question %q has no options: add option blocks or options = option_set.NAME.",
		SummaryRu: "Пустой список вариантов", Ru: "У вопроса %[2]q (%[1]s) нет вариантов: добавьте блоки option или options = option_set.NAME.",
	},
	msgExclusiveOptionOutsideMulti: {
		SummaryEn: "Exclusive Option Outside Multi", En: "The option %q is exclusive, which only means something in a multi or matrix_multi question; in a %s question every option already excludes the others.",
		SummaryRu: "Исключающий вариант вне multi", Ru: "Вариант %q помечен exclusive, а это имеет смысл только в вопросе multi или matrix_multi; в вопросе %s каждый вариант и так исключает остальные.",
	},
	msgEmptySourceCode: {
		SummaryEn: "Empty Source Code", En: "The option %q has an empty source: a source is the code the tool the survey was imported from stored for this option; write it, or leave the attribute out.",
		SummaryRu: "Пустой исходный код", Ru: "У варианта %q пустой source: source — это код, который хранил для этого варианта инструмент, из которого перенесена анкета; укажите его или уберите атрибут.",
	},
	msgDuplicateSourceCode: {
		SummaryEn: "Duplicate Source Code", En: "The source code %q is already the source of option %q in %q: ingest could not tell which option a record giving it means.",
		SummaryRu: "Повторный исходный код", Ru: "Исходный код %q уже указан у варианта %q вопроса %q: ingest не сможет понять, какой вариант означает запись с этим кодом.",
	},
	msgAmbiguousSourceCode: {
		SummaryEn: "Ambiguous Source Code", En: "The source code %q of option %q is the code of option %q in %q: a record giving %[1]q would mean either; give the source only when it differs from every code.",
		SummaryRu: "Неоднозначный исходный код", Ru: "Исходный код %q варианта %q совпадает с кодом варианта %q вопроса %q: запись с %[1]q означала бы любой из них; указывайте source, только если он отличается от всех кодов.",
	},
	msgEmptySourceName: {
		SummaryEn: "Empty Source Name", En: "%q has an empty source: a source is the name the tool the survey was imported from gave it, which ingest reads in records; write it, or leave the attribute out.",
		SummaryRu: "Пустое исходное имя", Ru: "У %q пустой source: source — это имя, которое дал ему инструмент, из которого перенесена анкета, и ingest читает его в записях; укажите его или уберите атрибут.",
	},
	msgDuplicateSourceName: {
		SummaryEn: "Duplicate Source Name", En: "The source name %q is already the source of %q in %q: ingest could not tell which one a record keyed by it means.",
		SummaryRu: "Повторное исходное имя", Ru: "Исходное имя %q уже указано у %q в вопросе %q: ingest не сможет понять, что означает ключ записи с этим именем.",
	},
	msgAmbiguousSourceName: {
		SummaryEn: "Ambiguous Source Name", En: "The source name %q of %q is the code of %q in %q: a record keyed by %[1]q would mean either; give the source only when it differs from every code.",
		SummaryRu: "Неоднозначное исходное имя", Ru: "Исходное имя %q у %q совпадает с кодом %q в вопросе %q: ключ записи %[1]q означал бы любой из них; указывайте source, только если он отличается от всех кодов.",
	},
	msgDuplicateQuestionSource: {
		SummaryEn: "Duplicate Question Source", En: "The source name %q of question %q is already the source of question %q: ingest could not tell which question a record's answer under it belongs to.",
		SummaryRu: "Повторное исходное имя вопроса", Ru: "Исходное имя %q вопроса %q уже указано у вопроса %q: ingest не сможет понять, к какому вопросу относится ответ записи под этим именем.",
	},
	msgAmbiguousQuestionSource: {
		SummaryEn: "Ambiguous Question Source", En: "The source name %q of question %q is the ID of question %q: a record's answer under %[1]q would mean either; give the source only when it differs from every question's ID.",
		SummaryRu: "Неоднозначное исходное имя вопроса", Ru: "Исходное имя %q вопроса %q совпадает с ID вопроса %q: ответ записи под %[1]q означал бы любой из них; указывайте source, только если он отличается от ID всех вопросов.",
	},
	msgSourceInLoop: {
		SummaryEn: "Source In Loop", En: "The loop %q asks %q once per option, a column each, which no one name of the old tool can stand for: leave its source out (rename the old export's columns before ingest).",
		SummaryRu: "source в цикле", Ru: "Цикл %q задаёт вопрос %q для каждого варианта, со своим столбцом, и одно имя прежнего инструмента не может означать их все: уберите его source (переименуйте столбцы старой выгрузки перед ingest).",
	},
	msgOtherOptionInMatrix: {
		SummaryEn: "Other Option In Matrix", En: "A matrix question cannot have an \"Other (specify)\" option.",
		SummaryRu: "Вариант «Другое» в матрице", Ru: "У вопроса matrix не может быть варианта «Другое (укажите)».",
	},
	msgSeveralOtherOptions: {
		SummaryEn: "Several Other Options", En: "The question %q has %d options with other = true; it can have one.",
		SummaryRu: "Несколько вариантов «Другое»", Ru: "У вопроса %q вариантов с other = true: %d; допустим один.",
	},
	msgRowOutsideMatrix: {
		SummaryEn: "Row Outside Matrix", En: "Only matrix, matrix_multi and grid questions have rows.",
		SummaryRu: "Строка вне матрицы", Ru: "Строки (row) бывают только у вопросов matrix, matrix_multi и grid.",
	},
	msgDuplicateRow: {
		SummaryEn: "Duplicate Row", En: "The row %q is defined twice in %q.",
		SummaryRu: "Повторная строка", Ru: "Строка %q определена в %q дважды.",
	},
	msgMatrixWithoutRows: {
		SummaryEn: "Matrix Without Rows", En: "The matrix question %q needs row blocks.",
		SummaryRu: "Матрица без строк", Ru: "Вопросу matrix %q нужны блоки row.",
	},
	msgMinSelectAboveMax: {
		SummaryEn: "Invalid Selection Limits", En: "min_select (%d) is larger than max_select (%d).",
		SummaryRu: "Недопустимые пределы выбора", Ru: "min_select (%d) больше, чем max_select (%d).",
	},
	msgMinSelectAboveOptions: {
		SummaryEn: "Invalid Selection Limits", En: "min_select (%d) is larger than the number of options (%d).",
		SummaryRu: "Недопустимые пределы выбора", Ru: "min_select (%d) больше, чем число вариантов (%d).",
	},
	msgNegativeSelectionLimits: {
		SummaryEn: "Invalid Selection Limits", En: "min_select and max_select cannot be negative.",
		SummaryRu: "Недопустимые пределы выбора", Ru: "min_select и max_select не могут быть отрицательными.",
	},
	msgBlockNotAllowedHere: {
		SummaryEn: "Block Not Allowed Here", En: "A %s question has no %s blocks.",
		SummaryRu: "Блок здесь недопустим", Ru: "У вопроса типа %s нет блоков %s.",
	},
	msgMinLengthAboveMax: {
		SummaryEn: "Invalid Length Limits", En: "min_length (%d) is larger than max_length (%d).",
		SummaryRu: "Недопустимые пределы длины", Ru: "min_length (%d) больше, чем max_length (%d).",
	},
	msgNegativeLengthLimits: {
		SummaryEn: "Invalid Length Limits", En: "min_length and max_length cannot be negative.",
		SummaryRu: "Недопустимые пределы длины", Ru: "min_length и max_length не могут быть отрицательными.",
	},
	msgMessageWithoutPattern: {
		SummaryEn: "Message Without Pattern", En: "pattern_message is shown when an answer does not match pattern, but the question has no pattern.",
		SummaryRu: "Сообщение без шаблона", Ru: "pattern_message показывается, когда ответ не подходит под pattern, но у вопроса нет pattern.",
	},
	msgInvalidRange: {
		SummaryEn: "Invalid Range", En: "min (%g) is larger than max (%g).",
		SummaryRu: "Недопустимый диапазон", Ru: "min (%g) больше, чем max (%g).",
	},
	msgDateLimits: {
		SummaryEn: "Attribute Not Allowed Here", En: "Date limits are not supported yet; remove %q.",
		SummaryRu: "Атрибут здесь недопустим", Ru: "Пределы для дат пока не поддерживаются; уберите %q.",
	},
	msgBooleanLabelNeeded: {
		SummaryEn: "Missing Label", En: "Forms have no built-in \"Yes\" and \"No\" in %[2]q: give %[1]s = { %[2]s = \"…\" } (and the other label).",
		SummaryRu: "Нет подписи", Ru: "В формах нет встроенных «Да» и «Нет» на языке %[2]q: задайте %[1]s = { %[2]s = \"…\" } (и вторую подпись).",
	},
	msgInputsWithoutItems: {
		SummaryEn: "Boxes Without Items", En: "The %s question %q needs item blocks, one per box: item \"CODE\" { label = \"…\" }.",
		SummaryRu: "Поля без пунктов", Ru: "Вопросу %[1]s %[2]q нужны блоки item, по одному на поле: item \"КОД\" { label = \"…\" }.",
	},
	msgDuplicateItem: {
		SummaryEn: "Duplicate Item", En: "The item %q is defined twice in %q.",
		SummaryRu: "Повторный пункт", Ru: "Пункт %q определён в %q дважды.",
	},
	msgInvalidInput: {
		SummaryEn: "Invalid Input", En: "input is \"text\" or \"number\", not %q.",
		SummaryRu: "Недопустимый input", Ru: "input — это \"text\" или \"number\", а не %q.",
	},
	msgInputAttributeNotAllowed: {
		SummaryEn: "Attribute Not Allowed Here", En: "Boxes with input = %q have no %q attribute.",
		SummaryRu: "Атрибут здесь недопустим", Ru: "У полей с input = %q нет атрибута %q.",
	},
	msgInvalidLogoHeight: {
		SummaryEn: "Invalid Logo Height", En: "logo_height is %d; it is in CSS pixels, from %d to %d.",
		SummaryRu: "Недопустимая высота логотипа", Ru: "logo_height = %d; высота задаётся в пикселях CSS, от %d до %d.",
	},
	msgInvalidRank: {
		SummaryEn: "Invalid Rank", En: "rank is %d; a ranking ranks from 1 to all %d of its items.",
		SummaryRu: "Недопустимое число мест", Ru: "rank = %d; ранжировать можно от 1 до всех %d пунктов.",
	},
	msgInvalidTotal: {
		SummaryEn: "Invalid Total", En: "total is %g; the boxes must add up to a number above 0 (a whole one with integer = true).",
		SummaryRu: "Недопустимая сумма", Ru: "total = %g; поля должны давать в сумме число больше 0 (целое при integer = true).",
	},
	msgInvalidColumns: {
		SummaryEn: "Invalid Columns", En: "columns is %d; options can be laid out in 1 to %d columns.",
		SummaryRu: "Недопустимое число колонок", Ru: "columns = %d; варианты можно расположить в 1–%d колонках.",
	},
	msgInvalidGridInput: {
		SummaryEn: "Invalid Input", En: "A grid's cells take input = \"number\" (the default) or \"dropdown\", not %q.",
		SummaryRu: "Недопустимый input", Ru: "Ячейки вопроса grid принимают input = \"number\" (по умолчанию) или \"dropdown\", а не %q.",
	},
	msgGridWithoutColumns: {
		SummaryEn: "Grid Without Columns", En: "The grid question %q needs column blocks, one per column: column \"CODE\" { label = \"…\" }.",
		SummaryRu: "Таблица без столбцов", Ru: "Вопросу grid %q нужны блоки column, по одному на столбец: column \"КОД\" { label = \"…\" }.",
	},
	msgDuplicateColumn: {
		SummaryEn: "Duplicate Column", En: "The column %q is defined twice in %q.",
		SummaryRu: "Повторный столбец", Ru: "Столбец %q определён в %q дважды.",
	},
	msgGridOptionsWithoutDropdown: {
		SummaryEn: "Options Without Dropdown", En: "Options are what a grid's dropdowns offer, and this grid's cells take numbers: write input = \"dropdown\", or remove the options.",
		SummaryRu: "Варианты без выпадающего списка", Ru: "Варианты — это то, из чего выбирают в выпадающих списках таблицы, а ячейки этой таблицы принимают числа: напишите input = \"dropdown\" или уберите варианты.",
	},
	msgCellNeeded: {
		SummaryEn: "Cell Needed", En: "%q is a %s question with a value per row and column; refer to one cell, e.g. %s.%s.%s.",
		SummaryRu: "Нужна ячейка", Ru: "%q — вопрос типа %s со значением в каждой строке и столбце; ссылайтесь на одну ячейку, например %s.%s.%s.",
	},
	msgUnknownColumn: {
		SummaryEn: "Unknown Column", En: "The question %q has no column %q.%s",
		SummaryRu: "Неизвестный столбец", Ru: "В вопросе %q нет столбца %q.%s",
	},
	msgCellsNotScored: {
		SummaryEn: "Cells Not Scored", En: "%q is a %s question; its cells are not items of an index or a block: a cell's number (a count, an amount) has no scale to rescale or average with other items. Write an expr index over its cells, e.g. %s.%s.%s.",
		SummaryRu: "Ячейки не оцениваются", Ru: "%q — вопрос типа %s; его ячейки не бывают пунктами индекса или блока: у числа в ячейке (количества, суммы) нет шкалы, по которой его можно пересчитать или усреднить с другими пунктами. Напишите индекс expr по его ячейкам, например %s.%s.%s.",
	},
	msgInputsNeedAnItem: {
		SummaryEn: "Item Needed", En: "%q has several boxes; refer to one of them, e.g. %s.%s.",
		SummaryRu: "Нужен пункт", Ru: "У %q несколько полей; ссылайтесь на одно из них, например %s.%s.",
	},
	msgUnknownItem: {
		SummaryEn: "Unknown Item", En: "The question %q has no item %q.%s",
		SummaryRu: "Неизвестный пункт", Ru: "В вопросе %q нет пункта %q.%s",
	},
	msgUnknownScale: {
		SummaryEn: "Unknown Scale", En: "There is no scale %q.%s",
		SummaryRu: "Неизвестная шкала", Ru: "Нет шкалы %q.%s",
	},
	msgRatingMin: {
		SummaryEn: "Invalid Rating Scale", En: "A rating starts at 0 or 1, not %d.",
		SummaryRu: "Недопустимая шкала оценки", Ru: "Оценка (rating) начинается с 0 или 1, а не с %d.",
	},
	msgRatingMax: {
		SummaryEn: "Invalid Rating Scale", En: "A rating goes up to 3..10 points (5 for CSAT, 5, 7 or 10 for CES), not %d.",
		SummaryRu: "Недопустимая шкала оценки", Ru: "Оценка (rating) идёт до 3..10 баллов (5 для CSAT, 5, 7 или 10 для CES), а не до %d.",
	},
	msgMissingScale: {
		SummaryEn: "Missing Scale", En: "The %s question %q needs a scale: scale = scale.NAME, or min and max.",
		SummaryRu: "Нет шкалы", Ru: "Вопросу %[2]q (%[1]s) нужна шкала: scale = scale.NAME или min и max.",
	},
	msgScaleMaxNotAboveMin: {
		SummaryEn: "Invalid Scale", En: "The scale's max (%d) must be larger than its min (%d).",
		SummaryRu: "Недопустимая шкала", Ru: "max шкалы (%d) должен быть больше её min (%d).",
	},
	msgScaleTooLong: {
		SummaryEn: "Invalid Scale", En: "A scale of %d points is too long to show; use a number question.",
		SummaryRu: "Недопустимая шкала", Ru: "Шкала слишком длинная для показа (точек: %d); используйте вопрос number.",
	},
	msgWrongNumberOfLabels: {
		SummaryEn: "Wrong Number Of Labels", En: "The scale %d..%d has %d points but %d labels.",
		SummaryRu: "Неверное число подписей", Ru: "На шкале %d..%d точек: %d, а подписей: %d.",
	},
	msgInvalidPattern: {
		SummaryEn: "Invalid Pattern", En: "The pattern is not a valid regular expression: %s.",
		SummaryRu: "Недопустимый шаблон", Ru: "pattern — некорректное регулярное выражение: %s.",
	},
	msgUnportablePattern: {
		SummaryEn: "Unportable Pattern", En: "The pattern uses %s, which browsers read differently; patterns must mean the same in the form and on the server.",
		SummaryRu: "Непереносимый шаблон", Ru: "В pattern есть %s, а браузеры понимают это иначе; шаблон должен значить одно и то же в форме и на сервере.",
	},
	msgReservedName: {
		SummaryEn: "Reserved Name", En: "The hidden field %q would be stored in a column of the same name, which is %s.",
		SummaryRu: "Зарезервированное имя", Ru: "Скрытое поле %q хранилось бы в одноимённом столбце, а это %s.",
	},
	msgColumnNameCollision: {
		SummaryEn: "Column Name Collision", En: "Question %q stores answers in the column %q, which is already %s. Rename one of them.",
		SummaryRu: "Совпадение имён столбцов", Ru: "Вопрос %q хранит ответы в столбце %q, но это уже %s. Переименуйте один из них.",
	},
	msgTemplateInCondition: {
		SummaryEn: "Unsupported Expression", En: "String templates with ${…} are not supported in conditions; compare values instead.",
		SummaryRu: "Неподдерживаемое выражение", Ru: "Шаблоны строк с ${…} в условиях не поддерживаются; сравнивайте значения.",
	},
	msgListOfCodes: {
		SummaryEn: "Unsupported Expression", En: "A list in a condition holds quoted option codes, e.g. [\"a\", \"b\"].",
		SummaryRu: "Неподдерживаемое выражение", Ru: "Список в условии состоит из кодов вариантов в кавычках, например [\"a\", \"b\"].",
	},
	msgUnsupportedExpression: {
		SummaryEn: "Unsupported Expression", En: "Conditions may use answers, literals, the operators ! - * / %% + == != < <= > >= && || ?: and the functions %s.",
		SummaryRu: "Неподдерживаемое выражение", Ru: "В условиях можно использовать ответы, значения, операторы ! - * / %% + == != < <= > >= && || ?: и функции %s.",
	},
	msgInvalidHiddenReference: {
		SummaryEn: "Invalid Reference", En: "A hidden field is referred to as hidden.NAME.",
		SummaryRu: "Недопустимая ссылка", Ru: "На скрытое поле ссылаются как hidden.NAME.",
	},
	msgUnknownHiddenField: {
		SummaryEn: "Unknown Hidden Field", En: "There is no hidden field %q.%s",
		SummaryRu: "Неизвестное скрытое поле", Ru: "Нет скрытого поля %q.%s",
	},
	msgUnknownQuestion: {
		SummaryEn: "Unknown Question", En: "There is no question %q.%s",
		SummaryRu: "Неизвестный вопрос", Ru: "Нет вопроса %q.%s",
	},
	msgReferenceToALaterQuestion: {
		SummaryEn: "Reference To A Later Question", En: "The condition uses %q, which is not answered yet at this point of the form: %s (otherwise conditions could depend on each other in a cycle).",
		SummaryRu: "Ссылка на более поздний вопрос", Ru: "Условие использует %q, а в этом месте формы на него ещё не ответили: %s (иначе условия могли бы зависеть друг от друга по кругу).",
	},
	msgMatrixNeedsARow: {
		SummaryEn: "Matrix Needs A Row", En: "%q is a matrix; refer to one of its rows, e.g. %s.%s.",
		SummaryRu: "Нужна строка матрицы", Ru: "%q — матрица; ссылайтесь на одну из её строк, например %s.%s.",
	},
	msgMatrixRowsOneByOne: {
		SummaryEn: "Matrix Needs A Row", En: "%q is a matrix; list its rows one by one, e.g. %s.%s.",
		SummaryRu: "Нужна строка матрицы", Ru: "%q — матрица; перечислите её строки по одной, например %s.%s.",
	},
	msgUnknownRow: {
		SummaryEn: "Unknown Row", En: "The matrix %q has no row %q.%s",
		SummaryRu: "Неизвестная строка", Ru: "В матрице %q нет строки %q.%s",
	},
	msgReferenceByID: {
		SummaryEn: "Invalid Reference", En: "%q is a %s question; refer to it by its ID alone.",
		SummaryRu: "Недопустимая ссылка", Ru: "%q — вопрос типа %s; ссылайтесь на него только по ID.",
	},
	msgWrongOperandType: {
		SummaryEn: "Wrong Type", En: "This operand is a %s, but a %s is needed here.",
		SummaryRu: "Неверный тип", Ru: "Этот операнд — %s, а здесь нужно: %s.",
	},
	msgNeverEqual: {
		SummaryEn: "Wrong Type", En: "This compares a %s with a %s, which are never equal.",
		SummaryRu: "Неверный тип", Ru: "Здесь сравниваются %s и %s, а они никогда не равны.",
	},
	msgUnorderedTypes: {
		SummaryEn: "Wrong Type", En: "This orders a %s against a %s; compare numbers with numbers.",
		SummaryRu: "Неверный тип", Ru: "Здесь по величине сравниваются %s и %s; сравнивайте числа с числами.",
	},
	msgUnknownFunction: {
		SummaryEn: "Unknown Function", En: "%q is not one of the functions conditions may use (%s).%s",
		SummaryRu: "Неизвестная функция", Ru: "%q — не из функций, доступных в условиях (%s).%s",
	},
	msgArgumentExpansion: {
		SummaryEn: "Unsupported Expression", En: "Argument expansion (...) is not supported.",
		SummaryRu: "Неподдерживаемое выражение", Ru: "Раскрытие аргументов (...) не поддерживается.",
	},
	msgWrongNumberOfArguments: {
		SummaryEn: "Wrong Number Of Arguments", En: "%s takes %s, not %d.",
		SummaryRu: "Неверное число аргументов", Ru: "%s принимает %s, а не %d.",
	},
	msgDuplicateDefinition: {
		SummaryEn: "Duplicate ID", En: "The %s %q is already defined at %s.",
		SummaryRu: "Повторный ID", Ru: "ID %[2]q (%[1]s) уже определён в %[3]s.",
	},
	msgBlockNeedsItems: {
		SummaryEn: "Missing Required Attribute", En: "The block %q needs items: the questions whose scores it averages.",
		SummaryRu: "Нет обязательного атрибута", Ru: "Блоку %q нужен items: вопросы, баллы которых он усредняет.",
	},
	msgInvalidMaturityThreshold: {
		SummaryEn: "Invalid Maturity Threshold", En: "Level thresholds are scores from 0 to 100, strictly increasing in the order written; %g does not fit.",
		SummaryRu: "Недопустимый порог зрелости", Ru: "Пороги уровней — баллы от 0 до 100, строго возрастающие в порядке записи; %g не подходит.",
	},
	msgLevelNeedsMin: {
		SummaryEn: "Missing Required Attribute", En: "The level %q needs min: the lowest 0-100 score at this level.",
		SummaryRu: "Нет обязательного атрибута", Ru: "Уровню %q нужен min: наименьший балл 0–100 на этом уровне.",
	},
	msgEmptyMaturity: {
		SummaryEn: "Empty Maturity", En: "The maturity block has no level blocks.",
		SummaryRu: "Пустой блок maturity", Ru: "В блоке maturity нет блоков level.",
	},
	msgItemCannotBeScored: {
		SummaryEn: "Item Cannot Be Scored", En: "The %s %q averages 0-100 scores, but %q is a %s question without a numeric scale; use likert, scale, rating, nps or boolean questions (yes is 1, no 0), or give every option a score.",
		SummaryRu: "Пункт нельзя оценить", Ru: "Здесь (%[1]s %[2]q) усредняются баллы 0–100, а %[3]q — вопрос типа %[4]s без числовой шкалы; используйте вопросы likert, scale, rating, nps или boolean (да — 1, нет — 0) или задайте score каждому варианту.",
	},
	msgSumItemNotScored: {
		SummaryEn: "Item Cannot Be Scored", En: "The %s %q adds up scale points or option scores, but %q is a %s question without them; use likert, scale, rating, nps or boolean questions (yes is 1, no 0), or give every option a score.",
		SummaryRu: "Пункт нельзя оценить", Ru: "Здесь (%[1]s %[2]q) складываются баллы шкал или вариантов, а %[3]q — вопрос типа %[4]s без них; используйте вопросы likert, scale, rating, nps или boolean (да — 1, нет — 0) или задайте score каждому варианту.",
	},
	msgEmptyItemList: {
		SummaryEn: "Empty Item List", En: "The %s %q has no items.",
		SummaryRu: "Пустой список пунктов", Ru: "Список items пуст (%[1]s %[2]q).",
	},
	msgWrongNumberOfWeights: {
		SummaryEn: "Wrong Number Of Weights", En: "There are %d weights for %d items; give one weight per item.",
		SummaryRu: "Неверное число весов", Ru: "Весов: %d, пунктов: %d; задайте по одному весу на пункт.",
	},
	msgNegativeWeight: {
		SummaryEn: "Negative Weight", En: "Weights cannot be negative.",
		SummaryRu: "Отрицательный вес", Ru: "Веса не могут быть отрицательными.",
	},
	msgMissingIndexKind: {
		SummaryEn: "Missing Index Kind", En: "The index %q needs a kind: one of %s.",
		SummaryRu: "Не указан вид индекса", Ru: "Индексу %q нужен kind: один из %s.",
	},
	msgUnknownIndexKind: {
		SummaryEn: "Unknown Index Kind", En: "%q is not an index kind; use one of %s.%s",
		SummaryRu: "Неизвестный вид индекса", Ru: "%q — не вид индекса; допустимы %s.%s",
	},
	msgIndexAttributeNotAllowed: {
		SummaryEn: "Attribute Not Allowed Here", En: "An index of kind %q has no %q attribute.",
		SummaryRu: "Атрибут здесь недопустим", Ru: "У индекса вида %q нет атрибута %q.",
	},
	msgIndexNeedsQuestion: {
		SummaryEn: "Missing Required Attribute", En: "The %s index %q needs items = [QUESTION].",
		SummaryRu: "Нет обязательного атрибута", Ru: "Индексу %[2]q (%[1]s) нужен items = [ВОПРОС].",
	},
	msgWrongNumberOfItems: {
		SummaryEn: "Wrong Number Of Items", En: "A %s index is computed from exactly one question.",
		SummaryRu: "Неверное число пунктов", Ru: "Индекс вида %s считается ровно по одному вопросу.",
	},
	msgIndexQuestionType: {
		SummaryEn: "Incompatible Question Type", En: "A %s index needs %s, but %q is a %s question.",
		SummaryRu: "Неподходящий тип вопроса", Ru: "Индексу вида %s нужен %s, а %q — вопрос типа %s.",
	},
	msgInvalidBox: {
		SummaryEn: "Invalid Box", En: "top and bottom must be between 1 and %d for a %d-point scale.",
		SummaryRu: "Недопустимые top и bottom", Ru: "top и bottom для шкалы из %[2]d точек должны быть от 1 до %[1]d.",
	},
	msgIndexNeedsItems: {
		SummaryEn: "Missing Required Attribute", En: "The index %q needs items.",
		SummaryRu: "Нет обязательного атрибута", Ru: "Индексу %q нужен items.",
	},
	msgIndexNeedsOptions: {
		SummaryEn: "Missing Required Attribute", En: "A %s index needs options: the codes it counts.",
		SummaryRu: "Нет обязательного атрибута", Ru: "Индексу вида %s нужен options: коды, которые он считает.",
	},
	msgExprIndexNeedsExpr: {
		SummaryEn: "Missing Required Attribute", En: "An expr index needs expr: the formula computed for each respondent.",
		SummaryRu: "Нет обязательного атрибута", Ru: "Индексу expr нужен expr: формула, которая считается для каждого респондента.",
	},
	msgIndexFormulaType: {
		SummaryEn: "Wrong Type", En: "An index formula must give a number (or true/false, counted as a share), not a %s.",
		SummaryRu: "Неверный тип", Ru: "Формула индекса должна давать число (или true/false — тогда считается доля); эта даёт: %s.",
	},
	msgExprIndexNeedsRange: {
		SummaryEn: "Missing Required Attribute", En: "An expr index needs min and max: the range its values can take, for charts.",
		SummaryRu: "Нет обязательного атрибута", Ru: "Индексу expr нужны min и max: диапазон его значений, для графиков.",
	},
	msgBlocksIndexNeedsItems: {
		SummaryEn: "Missing Required Attribute", En: "A blocks index needs items = [block.NAME, …].",
		SummaryRu: "Нет обязательного атрибута", Ru: "Индексу blocks нужен items = [block.ИМЯ, …].",
	},
	msgBlocksIndexListsBlocks: {
		SummaryEn: "Invalid Reference", En: "A blocks index lists blocks, e.g. block.core.",
		SummaryRu: "Недопустимая ссылка", Ru: "В индексе blocks перечисляются блоки, например block.core.",
	},
	msgUnknownBlock: {
		SummaryEn: "Unknown Block", En: "There is no block %q.%s",
		SummaryRu: "Неизвестный блок", Ru: "Нет блока %q.%s",
	},
	msgFieldQuestionType: {
		SummaryEn: "Incompatible Question Type", En: "%s must be a hidden field or a single-choice question, but %q is a %s question.",
		SummaryRu: "Неподходящий тип вопроса", Ru: "%s: нужно скрытое поле или вопрос с одним ответом, а %q — вопрос типа %s.",
	},
	msgMinGroupSize: {
		SummaryEn: "Invalid Value", En: "min_group_size must be at least 1.",
		SummaryRu: "Недопустимое значение", Ru: "min_group_size должен быть не меньше 1.",
	},
	msgMinParticipants: {
		SummaryEn: "Invalid Value", En: "min_participants must be at least 1.",
		SummaryRu: "Недопустимое значение", Ru: "min_participants должен быть не меньше 1.",
	},
	msgWeightQuestionType: {
		SummaryEn: "Incompatible Question Type", En: "The weight must be a hidden field or a number question, but %q is a %s question.",
		SummaryRu: "Неподходящий тип вопроса", Ru: "Вес (weight) — это скрытое поле или вопрос number, а %q — вопрос типа %s.",
	},
	msgOutcomeNotIndex: {
		SummaryEn: "Unknown Index", En: "The outcome must be an index, e.g. index.nps; %q is not one.%s",
		SummaryRu: "Неизвестный индекс", Ru: "outcome должен быть индексом, например index.nps; %q — не индекс.%s",
	},
	msgDriverNotNumeric: {
		SummaryEn: "Item Cannot Be Scored", En: "A driver needs a numeric answer, but %q is a %s question.",
		SummaryRu: "Пункт нельзя оценить", Ru: "Драйверу нужен числовой ответ, а %q — вопрос типа %s.",
	},
	msgDriversWithoutOutcome: {
		SummaryEn: "Drivers Without Outcome", En: "Driver analysis needs an outcome = index.NAME to relate the drivers to.",
		SummaryRu: "Драйверы без outcome", Ru: "Анализу драйверов нужен outcome = index.ИМЯ, с которым их связывать.",
	},
	msgInvalidUnit: {
		SummaryEn: "Invalid Unit", En: "The unit of analysis is \"respondent\" (many respondents per participant: customers, visits, employees) or \"participant\" (each participant answers once a wave: a company-level benchmark or a self-assessment), not %q.%s",
		SummaryRu: "Недопустимая единица анализа", Ru: "Единица анализа (unit) — \"respondent\" (у участника много респондентов: клиенты, визиты, сотрудники) или \"participant\" (каждый участник отвечает раз в волну: бенчмарк компаний или самооценка), а не %q.%s",
	},
	msgInvalidBenchmarkOnce: {
		SummaryEn: "Invalid Value", En: "once says which of a participant's submissions in a wave counts: \"last\" (the default) or \"first\", not %q.%s",
		SummaryRu: "Недопустимое значение", Ru: "once говорит, какая из анкет участника в волне учитывается: \"last\" (последняя, по умолчанию) или \"first\" (первая), а не %q.%s",
	},
	msgOnceWithoutParticipantUnit: {
		SummaryEn: "Once Without Participant Unit", En: "once chooses one submission per participant and wave, which only a participant-level benchmark has: add unit = \"participant\", or remove once (with respondents as the unit every submission counts).",
		SummaryRu: "once без unit = \"participant\"", Ru: "once выбирает одну анкету на участника и волну, а такая есть только в бенчмарке участников: добавьте unit = \"participant\" или уберите once (когда единица — респондент, учитывается каждая анкета).",
	},
	msgParticipantUnitWithoutParticipant: {
		SummaryEn: "No Participant", En: "A participant-level benchmark needs to know who the participant is: add participant = hidden.NAME to the benchmark, or role = \"participant\" to the hidden field the invitation links fill.",
		SummaryRu: "Нет участника", Ru: "Бенчмарку участников нужно знать, кто участник: добавьте в benchmark participant = hidden.ИМЯ или role = \"participant\" скрытому полю, которое заполняют ссылки-приглашения.",
	},
	msgParticipantUnitTwoParticipants: {
		SummaryEn: "Ambiguous Participant", En: "The hidden fields %s all have role = \"participant\"; say which one names the participant with participant = hidden.NAME in the benchmark.",
		SummaryRu: "Неоднозначный участник", Ru: "У скрытых полей %s у всех role = \"participant\"; укажите в benchmark, какое из них называет участника: participant = hidden.ИМЯ.",
	},
	msgParticipantUnitQuestion: {
		SummaryEn: "Participant Is A Question", En: "In a participant-level benchmark the participant comes from a hidden field of the invitation link, not from the question %q: a respondent could pick another participant, and that participant's own answer would be set aside as a repeat.",
		SummaryRu: "Участник задан вопросом", Ru: "В бенчмарке участников участник берётся из скрытого поля ссылки-приглашения, а не из вопроса %q: респондент мог бы выбрать чужого участника, и настоящая анкета того была бы отложена как повтор.",
	},
	msgParticipantUnitWeight: {
		SummaryEn: "Weight In A Participant-Level Benchmark", En: "Each participant counts once in a participant-level benchmark: peer figures describe the participants, not a population estimated from a sample, so there is no case weight. Remove weight, or use unit = \"respondent\".",
		SummaryRu: "Вес в бенчмарке участников", Ru: "В бенчмарке участников каждый участник учитывается один раз: показатели группы описывают самих участников, а не генеральную совокупность по выборке, поэтому веса наблюдений нет. Уберите weight или задайте unit = \"respondent\".",
	},
	msgParticipantUnitMargin: {
		SummaryEn: "Margin In A Participant-Level Benchmark", En: "Each participant counts once in a participant-level benchmark: peer figures describe the participants, not a population, so there is nothing to rake to known shares. Remove the margin, or use unit = \"respondent\".",
		SummaryRu: "margin в бенчмарке участников", Ru: "В бенчмарке участников каждый участник учитывается один раз: показатели группы описывают самих участников, а не генеральную совокупность, поэтому взвешивать к известным долям нечего. Уберите margin или задайте unit = \"respondent\".",
	},
	msgDuplicateMargin: {
		SummaryEn: "Duplicate Margin", En: "There is already a margin for %q at %s; give each field one margin.",
		SummaryRu: "Повторный margin", Ru: "Для %q уже есть margin в %s; у каждого поля — один margin.",
	},
	msgUnknownOptionCode: {
		SummaryEn: "Unknown Option Code", En: "The question %q has no option %q; its codes are %s.%s",
		SummaryRu: "Неизвестный код варианта", Ru: "У вопроса %q нет варианта %q; его коды: %s.%s",
	},
	msgTargetsNotObject: {
		SummaryEn: "Invalid Targets", En: "targets must be an object of value = share, e.g. { bank = 0.4, telecom = 0.6 }.",
		SummaryRu: "Недопустимые targets", Ru: "targets — объект вида значение = доля, например { bank = 0.4, telecom = 0.6 }.",
	},
	msgTargetKey: {
		SummaryEn: "Invalid Targets", En: "Each key of targets must be a value of %q.",
		SummaryRu: "Недопустимые targets", Ru: "Каждый ключ targets должен быть значением %q.",
	},
	msgTargetNotNumber: {
		SummaryEn: "Invalid Targets", En: "The target of %q must be a number: a share (0.4) or a population count.",
		SummaryRu: "Недопустимые targets", Ru: "Цель для %q должна быть числом: долей (0.4) или численностью в генеральной совокупности.",
	},
	msgTargetNotPositive: {
		SummaryEn: "Invalid Targets", En: "The target of %q must be positive; leave out values that do not occur in the population.",
		SummaryRu: "Недопустимые targets", Ru: "Цель для %q должна быть положительной; значения, которых нет в генеральной совокупности, не указывайте.",
	},
	msgDuplicateTarget: {
		SummaryEn: "Duplicate Target", En: "%q has two targets.",
		SummaryRu: "Повторная цель", Ru: "У %q две цели.",
	},
	msgTargetsOneValue: {
		SummaryEn: "Invalid Targets", En: "A margin needs at least two values; one value gets every weight anyway.",
		SummaryRu: "Недопустимые targets", Ru: "В margin нужно хотя бы два значения; одному значению и так достаётся весь вес.",
	},
	msgUnsupportedLanguage: {
		SummaryEn: "Unsupported Language", En: "The report's interface exists in \"en\" and \"ru\", not %q.",
		SummaryRu: "Неподдерживаемый язык", Ru: "Интерфейс отчёта есть на \"en\" и \"ru\", но не на %q.",
	},
	msgUIUnknownLanguage: {
		SummaryEn: "Unknown Language", En: "%q is not one of the survey's languages (%s), so no form would show this interface text.%s",
		SummaryRu: "Неизвестный язык", Ru: "%q — не язык анкеты (%s), так что этот текст интерфейса не покажет ни одна форма.%s",
	},
	msgUnknownUIKey: {
		SummaryEn: "Unknown Interface Text", En: "%q is not a text of the forms' interface; docs/language.md lists them under ui.%s",
		SummaryRu: "Неизвестный текст интерфейса", Ru: "%q — не текст интерфейса форм; они перечислены в docs/language.md, в разделе ui.%s",
	},
	msgUIPlaceholderMissing: {
		SummaryEn: "Missing Placeholder", En: "The %q text must keep %s: the form puts a number there.",
		SummaryRu: "Нет подстановки", Ru: "В тексте %q должно остаться %s: форма подставляет туда число.",
	},
	msgUIUnknownPlaceholder: {
		SummaryEn: "Unknown Placeholder", En: "The form fills nothing into %[2]s in the %[1]q text, so respondents would see it as written; the text's placeholders: %[3]s.",
		SummaryRu: "Неизвестная подстановка", Ru: "В текст %[1]q форма ничего не подставляет вместо %[2]s, и респонденты увидят его как есть; подстановки этого текста: %[3]s.",
	},
	msgMissingUIText: {
		SummaryEn: "Missing Interface Text", En: "The forms have no built-in interface text in %q, so a block ui %q { … } must give every text. Missing: %s.",
		SummaryRu: "Нет текста интерфейса", Ru: "Встроенного текста интерфейса форм на языке %q нет, поэтому блок ui %q { … } должен задать весь текст. Не хватает: %s.",
	},
	msgUnknownIndex: {
		SummaryEn: "Unknown Index", En: "%q is not an index; write index.NAME.",
		SummaryRu: "Неизвестный индекс", Ru: "%q — не индекс; пишите index.ИМЯ.",
	},
	msgRecordsNoParticipant: {
		SummaryEn: "Records Without Participants", En: "records = true shows each participant the records behind its figures, but the survey names no participant: add benchmark { participant = hidden.ID } or remove records.",
		SummaryRu: "Записи без участников", Ru: "records = true показывает каждому участнику записи, из которых сложились его показатели, но в анкете не указан участник: добавьте benchmark { participant = hidden.ID } или уберите records.",
	},
	msgInvalidTake: {
		SummaryEn: "Invalid Value", En: "take is %q; it can be \"chosen\" (the options chosen in the question) or \"not_chosen\" (those it offered and were not chosen).%s",
		SummaryRu: "Недопустимое значение", Ru: "take = %q; допустимо \"chosen\" (выбранные в вопросе варианты) или \"not_chosen\" (предложенные в нём и не выбранные).%s",
	},
	msgOptionsFromItself: {
		SummaryEn: "Options From Itself", En: "The question %q cannot carry forward its own options: name an earlier single, multi or dropdown question.",
		SummaryRu: "Варианты из самого себя", Ru: "Вопрос %q не может перенести собственные варианты: укажите более ранний вопрос single, multi или dropdown.",
	},
	msgOptionsFromLater: {
		SummaryEn: "Options From A Later Question", En: "%q is asked after %q: a question can carry forward only the options of a question asked before it, so carried options can never depend on each other in a cycle.",
		SummaryRu: "Варианты из более позднего вопроса", Ru: "Вопрос %q задаётся после %q: переносить можно только варианты вопроса, заданного раньше, чтобы перенесённые варианты не могли зависеть друг от друга по кругу.",
	},
	msgOptionsFromNotChoice: {
		SummaryEn: "Options From A Question Without Options", En: "%q is a %s question; options can be carried forward from a single, multi or dropdown question.",
		SummaryRu: "Варианты из вопроса без вариантов", Ru: "%q — вопрос типа %s; переносить варианты можно из вопроса single, multi или dropdown.",
	},
	msgNothingToCarry: {
		SummaryEn: "Nothing To Carry Forward", En: "%q has no option to carry forward: exclusive (\"none of these\") and missing (\"don't know\") options are not carried, and it has only those.",
		SummaryRu: "Нечего переносить", Ru: "У %q нет вариантов для переноса: исключающие («ничего из этого») и варианты missing («затрудняюсь ответить») не переносятся, а других у него нет.",
	},
	msgDuplicateCarriedOption: {
		SummaryEn: "Duplicate Option", En: "The option code %q is already carried forward from %q; give this option another code.",
		SummaryRu: "Повторный вариант", Ru: "Вариант с кодом %q уже перенесён из %q; дайте этому варианту другой код.",
	},
	msgOptionConditionNotAllowed: {
		SummaryEn: "Option Condition Not Allowed", En: "The options of a %s question cannot have a show_if: only single, multi and dropdown questions offer their options one by one.",
		SummaryRu: "Условие варианта недопустимо", Ru: "У вариантов вопроса типа %s не может быть show_if: предлагать варианты по одному могут только вопросы single, multi и dropdown.",
	},
	msgOptionConditionInSet: {
		SummaryEn: "Option Condition In Option Set", En: "The option %q of option_set %q has a show_if, but a set is shared by questions at different places in the form: write the option with its condition in the question itself.",
		SummaryRu: "Условие варианта в наборе", Ru: "У варианта %q набора option_set %q есть show_if, но набор используют вопросы в разных местах формы: напишите этот вариант с условием в самом вопросе.",
	},
	msgOptionConditionOnItself: {
		SummaryEn: "Option Condition On Its Question", En: "The show_if of option %q uses its own question %q, whose answer it decides: use hidden fields and the questions asked before it.",
		SummaryRu: "Условие варианта по своему вопросу", Ru: "show_if варианта %q использует свой же вопрос %q, ответ на который от этого условия зависит: используйте скрытые поля и вопросы, заданные до него.",
	},
	msgNoOptionCanBeShown: {
		SummaryEn: "No Option Can Be Shown", En: "No option of %q can ever be shown (every show_if is always false), so the question would always be skipped.",
		SummaryRu: "Ни один вариант не может быть показан", Ru: "Ни один вариант вопроса %q не может быть показан (каждое show_if всегда ложно), поэтому вопрос всегда будет пропущен.",
	},
	msgBoxNotScored: {
		SummaryEn: "Item Cannot Be Scored", En: "The %s %q cannot read %q: %s.",
		SummaryRu: "Пункт нельзя оценить", Ru: "Здесь (%[1]s %[2]q) нельзя читать %[3]q: %[4]s.",
	},
	msgShareOfBoolean: {
		SummaryEn: "Attribute Not Allowed Here", En: "A share of the boolean question %q is the share of respondents who answered yes; it has no options.",
		SummaryRu: "Атрибут здесь недопустим", Ru: "Доля для вопроса boolean %q — это доля респондентов, ответивших «да»; options у неё нет.",
	},
}
