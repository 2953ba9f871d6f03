package compiler

// messages is the catalogue of the diagnostics the compiler reports itself:
// by id (what errorf is given), the summary and the detail in English and
// in Russian. Details are fmt formats over errorf's arguments; a Russian
// one may take them in another order (%[2]q). TestMessages checks that
// every entry has both languages with the same arguments, TestMessageIDs
// that every id the code uses is here and every entry is used.

var messages = Catalogue{
	"cannot_read_survey": {
		En: MessageText{"Cannot Read Survey", "%s."},
		Ru: MessageText{"Не удалось прочитать анкету", "%s."},
	},
	"cannot_read_file": {
		En: MessageText{"Cannot Read File", "%s."},
		Ru: MessageText{"Не удалось прочитать файл", "%s."},
	},
	"duplicate_survey_block": {
		En: MessageText{"Duplicate Survey Block", "A survey has exactly one survey block; the first is at %s."},
		Ru: MessageText{"Второй блок survey", "В анкете ровно один блок survey; первый — в %s."},
	},
	"duplicate_block": {
		En: MessageText{"Duplicate Block", "There can be only one %s block; the first is at %s."},
		Ru: MessageText{"Повторный блок", "Блок %s может быть только один; первый — в %s."},
	},
	"missing_survey_block": {
		En: MessageText{"Missing Survey Block", "Every survey needs one block `survey \"ID\" { title = \"…\" … }` naming it."},
		Ru: MessageText{"Нет блока survey", "Каждой анкете нужен один блок `survey \"ID\" { title = \"…\" … }` с её именем."},
	},
	"invalid_survey_id": {
		En: MessageText{"Invalid Identifier", "The survey ID %q must contain only letters, digits, underscores and hyphens: it names the output folder and is stored with every answer."},
		Ru: MessageText{"Недопустимый идентификатор", "ID анкеты %q может содержать только латинские буквы, цифры, подчёркивания и дефисы: это имя папки с результатом, и он хранится с каждым ответом."},
	},
	"invalid_language": {
		En: MessageText{"Invalid Language", "%q is not a language code such as \"ru\" or \"en\"."},
		Ru: MessageText{"Недопустимый язык", "%q — не код языка вроде \"ru\" или \"en\"."},
	},
	"duplicate_language": {
		En: MessageText{"Duplicate Language", "The language %q is listed twice."},
		Ru: MessageText{"Повторный язык", "Язык %q указан дважды."},
	},
	"no_languages": {
		En: MessageText{"Invalid Value", "A survey needs at least one language."},
		Ru: MessageText{"Недопустимое значение", "В анкете должен быть хотя бы один язык."},
	},
	"duplicate_endpoint": {
		En: MessageText{"Duplicate Block", "The survey block has one endpoint block."},
		Ru: MessageText{"Повторный блок", "В блоке survey может быть только один блок endpoint."},
	},
	"duplicate_ending": {
		En: MessageText{"Duplicate Ending", "The ending %q is defined twice; the first is at %s."},
		Ru: MessageText{"Повторное завершение", "Завершение %q определено дважды; первое — в %s."},
	},
	"unknown_ending": {
		En: MessageText{"Unknown Ending", "There is no ending %q.%s"},
		Ru: MessageText{"Неизвестное завершение", "Нет завершения %q.%s"},
	},
	"ending_unreachable": {
		En: MessageText{"Ending Never Reached", "No respondent reaches the ending %q: the ending %q before it has no show_if, so everyone who completes the survey ends there. Give that one a show_if, move this one before it, or name it in a page's screen_out."},
		Ru: MessageText{"Недостижимое завершение", "Завершения %q не достигнет ни один респондент: у завершения %q перед ним нет show_if, и им заканчивают все, кто прошёл анкету. Задайте тому show_if, поставьте это перед ним или назовите его в screen_out страницы."},
	},
	"screen_out_ending_show_if": {
		En: MessageText{"Show_if Never Used", "The ending %q is reached through the screen_out at %s, which chooses it by its own condition: this show_if is never used. Remove it, or make a separate ending for respondents who complete the survey."},
		Ru: MessageText{"show_if не используется", "Завершение %q выбирает screen_out в %s по своему условию, и этот show_if никогда не используется. Удалите его или сделайте отдельное завершение для прошедших анкету."},
	},
	"ending_column_taken": {
		En: MessageText{"Reserved ID", "A survey with endings stores the ending each respondent reached in a column named \"ending\": rename the %s \"ending\"."},
		Ru: MessageText{"Зарезервированный ID", "Анкета с завершениями хранит достигнутое завершение в столбце \"ending\": переименуйте %s \"ending\"."},
	},
	"invalid_redirect": {
		En: MessageText{"Invalid Redirect", "A redirect must be an absolute http:// or https:// URL, not %q."},
		Ru: MessageText{"Недопустимый адрес перехода", "redirect должен быть полным адресом http:// или https://, а не %q."},
	},
	"unknown_pipe": {
		En: MessageText{"Unknown Placeholder", "A redirect can carry {response_id} and {hidden.ID} of a hidden field, not {%s}.%s"},
		Ru: MessageText{"Неизвестная подстановка", "В redirect можно подставить {response_id} и {hidden.ID} скрытого поля, но не {%s}.%s"},
	},
	"duplicate_invitations": {
		En: MessageText{"Duplicate Block", "The survey block has one invitations block."},
		Ru: MessageText{"Повторный блок", "В блоке survey может быть только один блок invitations."},
	},
	"invalid_once": {
		En: MessageText{"Invalid Value", "once says which answer through one invitation counts: \"first\" or \"last\", not %q.%s"},
		Ru: MessageText{"Недопустимое значение", "once говорит, какой ответ по одному приглашению учитывается: \"first\" (первый) или \"last\" (последний), а не %q.%s"},
	},
	"invitation_once_participant": {
		En: MessageText{"Once Twice", "In a participant-level benchmark one submission per participant and wave counts already (benchmark once), which leaves nothing for invitations once to choose: remove it from the invitations block."},
		Ru: MessageText{"once дважды", "В бенчмарке участников и так учитывается одна анкета участника в волне (benchmark once), и invitations once нечего выбирать: уберите его из блока invitations."},
	},
	"invitation_param_taken": {
		En: MessageText{"Reserved Parameter", "The URL parameter %q carries the signed invitation in a survey with an invitations block; give the hidden field another param."},
		Ru: MessageText{"Зарезервированный параметр", "Параметр URL %q несёт подписанное приглашение в анкете с блоком invitations; задайте скрытому полю другой param."},
	},
	"invalid_endpoint_url": {
		En: MessageText{"Invalid Endpoint URL", "The endpoint must be an absolute http:// or https:// URL, such as \"https://example.org/collect\"."},
		Ru: MessageText{"Недопустимый адрес endpoint", "Адрес endpoint должен быть полным URL с http:// или https://, например \"https://example.org/collect\"."},
	},
	"missing_endpoint_url": {
		En: MessageText{"Missing Required Attribute", "The endpoint block needs a url: where forms send answers."},
		Ru: MessageText{"Нет обязательного атрибута", "Блоку endpoint нужен url: куда формы отправляют ответы."},
	},
	"invalid_endpoint_format": {
		En: MessageText{"Invalid Value", "The endpoint format is \"json\" or \"form\", not %q."},
		Ru: MessageText{"Недопустимое значение", "Формат endpoint — \"json\" или \"form\", а не %q."},
	},
	"invalid_colour": {
		En: MessageText{"Invalid Colour", "The accent colour must be a hex colour such as \"#0b5fff\"."},
		Ru: MessageText{"Недопустимый цвет", "Акцентный цвет задаётся в шестнадцатеричном виде, например \"#0b5fff\"."},
	},
	"path_absolute": {
		En: MessageText{"Absolute Path", "%s %q is an absolute path: name a file in the survey's folder, relative to it. opros publishes what the survey names, so it reads nothing from outside that folder."},
		Ru: MessageText{"Абсолютный путь", "%s %q — абсолютный путь: укажите файл в папке анкеты, относительно неё. opros публикует то, что называет анкета, поэтому ничего не читает вне этой папки."},
	},
	"path_outside": {
		En: MessageText{"Path Outside the Survey Folder", "%s %q leads out of the survey's folder: name a file in it, relative to it. opros publishes what the survey names (the logo is copied into the forms, pages into the report), so it reads nothing from outside that folder."},
		Ru: MessageText{"Путь за пределы папки анкеты", "%s %q ведёт за пределы папки анкеты: укажите файл в ней, относительно неё. opros публикует то, что называет анкета (логотип копируется в формы, страницы — в отчёт), поэтому ничего не читает вне этой папки."},
	},
	"path_link_outside": {
		En: MessageText{"Path Outside the Survey Folder", "%s %q is in the survey's folder, but a symbolic link takes it to %s, outside the folder, which opros would publish: put the file itself in the folder."},
		Ru: MessageText{"Путь за пределы папки анкеты", "%s %q лежит в папке анкеты, но символическая ссылка ведёт к %s, вне папки, и opros опубликовал бы этот файл: положите в папку сам файл."},
	},
	"path_missing": {
		En: MessageText{"File Not Found", "%s %q is not in the survey's folder (%s)."},
		Ru: MessageText{"Файл не найден", "%s %q: в папке анкеты (%s) такого нет."},
	},
	"path_not_file": {
		En: MessageText{"Not a File", "%s %q is a folder; it must be a file."},
		Ru: MessageText{"Не файл", "%s %q — папка, а должен быть файл."},
	},
	"path_not_dir": {
		En: MessageText{"Not a Folder", "%s %q is a file; it must be a folder (of templates/, report.css, report.js)."},
		Ru: MessageText{"Не папка", "%s %q — файл, а должна быть папка (с templates/, report.css, report.js)."},
	},
	"missing_endpoint": {
		En: MessageText{"Missing Endpoint", "The survey block needs an endpoint block: `endpoint { url = \"https://…\" }`, where forms send answers."},
		Ru: MessageText{"Нет endpoint", "Блоку survey нужен блок endpoint: `endpoint { url = \"https://…\" }` — куда формы отправляют ответы."},
	},
	"invalid_identifier": {
		En: MessageText{"Invalid Identifier", "The %s ID %q must start with a letter and contain only letters, digits and underscores: it becomes a column name and an expression identifier."},
		Ru: MessageText{"Недопустимый идентификатор", "ID %[2]q (%[1]s) должен начинаться с латинской буквы и содержать только латинские буквы, цифры и подчёркивания: он становится именем столбца и идентификатором в выражениях."},
	},
	"invalid_code": {
		En: MessageText{"Invalid Code", "The %s code %q must contain only letters, digits, underscores and hyphens: it is stored in the data."},
		Ru: MessageText{"Недопустимый код", "Код %[2]q (%[1]s) может содержать только латинские буквы, цифры, подчёркивания и дефисы: он хранится в данных."},
	},
	"invalid_role": {
		En: MessageText{"Invalid Role", "A hidden field's role is \"participant\", \"segment\" or \"channel\", not %q.%s"},
		Ru: MessageText{"Недопустимая роль", "Роль скрытого поля — \"participant\", \"segment\" или \"channel\", а не %q.%s"},
	},
	"duplicate_option": {
		En: MessageText{"Duplicate Option", "The option code %q is already used at %s."},
		Ru: MessageText{"Повторный вариант", "Код варианта %q уже использован в %s."},
	},
	"invalid_labels": {
		En: MessageText{"Invalid Value", "labels must be a list with one text per scale point."},
		Ru: MessageText{"Недопустимое значение", "labels — это список с одним текстом на каждую точку шкалы."},
	},
	"invalid_named_reference": {
		En: MessageText{"Invalid Reference", "%q takes the name of the %s, e.g. %s.NAME."},
		Ru: MessageText{"Недопустимая ссылка", "%[1]q принимает имя (%[2]s), например %[3]s.NAME."},
	},
	"null_value": {
		En: MessageText{"Invalid Value", "The attribute %q must not be null."},
		Ru: MessageText{"Недопустимое значение", "Атрибут %q не может быть null."},
	},
	"wrong_value_type": {
		En: MessageText{"Invalid Value", "The attribute %q must be %s."},
		Ru: MessageText{"Недопустимое значение", "Атрибут %q должен быть %s."},
	},
	"not_whole_number": {
		En: MessageText{"Invalid Value", "The attribute %q must be a whole number."},
		Ru: MessageText{"Недопустимое значение", "Атрибут %q должен быть целым числом."},
	},
	"missing_attribute": {
		En: MessageText{"Missing Required Attribute", "The attribute %q is required here."},
		Ru: MessageText{"Нет обязательного атрибута", "Здесь нужен атрибут %q."},
	},
	"text_needs_languages": {
		En: MessageText{"Missing Translation", "The survey has the languages %s, so %q needs one text per language, e.g. { %s = \"…\" }."},
		Ru: MessageText{"Нет перевода", "В анкете языки %s, поэтому %q нужен текст на каждом языке, например { %s = \"…\" }."},
	},
	"unknown_language": {
		En: MessageText{"Unknown Language", "%q has a text in %q, which is not one of the survey's languages (%s).%s"},
		Ru: MessageText{"Неизвестный язык", "У %q есть текст на %q, а это не язык анкеты (%s).%s"},
	},
	"missing_translation": {
		En: MessageText{"Missing Translation", "%q has no text in %q, one of the survey's languages."},
		Ru: MessageText{"Нет перевода", "У %q нет текста на %q, одном из языков анкеты."},
	},
	"invalid_text": {
		En: MessageText{"Invalid Text", "The attribute %q must be a string or an object with one string per language."},
		Ru: MessageText{"Недопустимый текст", "Атрибут %q должен быть строкой или объектом с одной строкой на каждый язык."},
	},
	"invalid_text_language": {
		En: MessageText{"Invalid Text", "The %q text of %q must be a string."},
		Ru: MessageText{"Недопустимый текст", "Текст %[2]q на языке %[1]q должен быть строкой."},
	},
	"invalid_reference_list": {
		En: MessageText{"Invalid Reference List", "The attribute %q must be a list of references, e.g. [q1, q2]."},
		Ru: MessageText{"Недопустимый список ссылок", "Атрибут %q должен быть списком ссылок, например [q1, q2]."},
	},
	"not_a_reference": {
		En: MessageText{"Invalid Reference", "Each value of %q must be a reference such as q1, q5_14.phone or hidden.company, not a quoted string or an expression."},
		Ru: MessageText{"Недопустимая ссылка", "Каждое значение %q должно быть ссылкой вроде q1, q5_14.phone или hidden.company, а не строкой в кавычках или выражением."},
	},
	"literal_not_reference": {
		En: MessageText{"Variables not allowed", "The attribute \"%s\" takes a literal value here, not a reference."},
		Ru: MessageText{"Переменные здесь недопустимы", "Атрибут \"%s\" принимает здесь значение, а не ссылку."},
	},
	"duplicate_id": {
		En: MessageText{"Duplicate ID", "The %s ID %q is already used at %s; question, page and hidden field IDs must be unique in a survey."},
		Ru: MessageText{"Повторный ID", "ID %[2]q (%[1]s) уже занят в %[3]s; ID вопросов, страниц и скрытых полей в анкете не должны повторяться."},
	},
	"duplicate_option_set": {
		En: MessageText{"Duplicate Option Set", "The option set %q is defined twice."},
		Ru: MessageText{"Повторный набор вариантов", "Набор вариантов %q определён дважды."},
	},
	"empty_option_set": {
		En: MessageText{"Empty Option List", "The option set %q has no option blocks."},
		Ru: MessageText{"Пустой список вариантов", "В наборе вариантов %q нет блоков option."},
	},
	"duplicate_scale": {
		En: MessageText{"Duplicate Scale", "The scale %q is defined twice."},
		Ru: MessageText{"Повторная шкала", "Шкала %q определена дважды."},
	},
	"scale_needs": {
		En: MessageText{"Missing Required Attribute", "The scale %q needs %q."},
		Ru: MessageText{"Нет обязательного атрибута", "Шкале %q нужен атрибут %q."},
	},
	"empty_page": {
		En: MessageText{"Empty Page", "The page %q has no questions."},
		Ru: MessageText{"Пустая страница", "На странице %q нет вопросов."},
	},
	"no_pages": {
		En: MessageText{"No Pages", "The survey has no page blocks, so there is nothing to ask."},
		Ru: MessageText{"Нет страниц", "В анкете нет блоков page, так что спрашивать нечего."},
	},
	"condition_is_not_true_or_false": {
		En: MessageText{"Condition Is Not True Or False", "show_if must be a condition (true or false), but this expression gives a %s. Compare it, e.g. q_age >= 18, or use answered(…)."},
		Ru: MessageText{"Условие не даёт true или false", "show_if должен быть условием (true или false), а это выражение даёт: %s. Сравните его с чем-нибудь, например q_age >= 18, или используйте answered(…)."},
	},
	"missing_question_type": {
		En: MessageText{"Missing Question Type", "The question %q needs a type: one of %s."},
		Ru: MessageText{"Не указан тип вопроса", "Вопросу %q нужен type: один из %s."},
	},
	"unknown_question_type": {
		En: MessageText{"Unknown Question Type", "%q is not a question type; use one of %s.%s"},
		Ru: MessageText{"Неизвестный тип вопроса", "%q — не тип вопроса; допустимы %s.%s"},
	},
	"question_attribute_not_allowed": {
		En: MessageText{"Attribute Not Allowed Here", "A %s question has no %q attribute."},
		Ru: MessageText{"Атрибут здесь недопустим", "У вопроса типа %s нет атрибута %q."},
	},
	"invalid_style": {
		En: MessageText{"Invalid Value", "The only style of a single question is \"statements\"."},
		Ru: MessageText{"Недопустимое значение", "У вопроса single есть только один style — \"statements\"."},
	},
	"unknown_option_set": {
		En: MessageText{"Unknown Option Set", "There is no option_set %q.%s"},
		Ru: MessageText{"Неизвестный набор вариантов", "Нет option_set %q.%s"},
	},
	"duplicate_set_option": {
		En: MessageText{"Duplicate Option", "The option code %q is already in the option set used by %q."},
		Ru: MessageText{"Повторный вариант", "Код варианта %q уже есть в наборе вариантов, который использует %q."},
	},
	"empty_option_list": {
		En: MessageText{"Empty Option List", "The %s question %q has no options: add option blocks or options = option_set.NAME."},
		Ru: MessageText{"Пустой список вариантов", "У вопроса %[2]q (%[1]s) нет вариантов: добавьте блоки option или options = option_set.NAME."},
	},
	"exclusive_option_outside_multi": {
		En: MessageText{"Exclusive Option Outside Multi", "The option %q is exclusive, which only means something in a multi question; in a %s question every option already excludes the others."},
		Ru: MessageText{"Исключающий вариант вне multi", "Вариант %q помечен exclusive, а это имеет смысл только в вопросе multi; в вопросе %s каждый вариант и так исключает остальные."},
	},
	"other_option_in_matrix": {
		En: MessageText{"Other Option In Matrix", "A matrix question cannot have an \"Other (specify)\" option."},
		Ru: MessageText{"Вариант «Другое» в матрице", "У вопроса matrix не может быть варианта «Другое (укажите)»."},
	},
	"several_other_options": {
		En: MessageText{"Several Other Options", "The question %q has %d options with other = true; it can have one."},
		Ru: MessageText{"Несколько вариантов «Другое»", "У вопроса %q вариантов с other = true: %d; допустим один."},
	},
	"row_outside_matrix": {
		En: MessageText{"Row Outside Matrix", "Only matrix questions have rows."},
		Ru: MessageText{"Строка вне матрицы", "Строки (row) бывают только у вопросов matrix."},
	},
	"duplicate_row": {
		En: MessageText{"Duplicate Row", "The row %q is defined twice in %q."},
		Ru: MessageText{"Повторная строка", "Строка %q определена в %q дважды."},
	},
	"matrix_without_rows": {
		En: MessageText{"Matrix Without Rows", "The matrix question %q needs row blocks."},
		Ru: MessageText{"Матрица без строк", "Вопросу matrix %q нужны блоки row."},
	},
	"min_select_above_max": {
		En: MessageText{"Invalid Selection Limits", "min_select (%d) is larger than max_select (%d)."},
		Ru: MessageText{"Недопустимые пределы выбора", "min_select (%d) больше, чем max_select (%d)."},
	},
	"min_select_above_options": {
		En: MessageText{"Invalid Selection Limits", "min_select (%d) is larger than the number of options (%d)."},
		Ru: MessageText{"Недопустимые пределы выбора", "min_select (%d) больше, чем число вариантов (%d)."},
	},
	"negative_selection_limits": {
		En: MessageText{"Invalid Selection Limits", "min_select and max_select cannot be negative."},
		Ru: MessageText{"Недопустимые пределы выбора", "min_select и max_select не могут быть отрицательными."},
	},
	"block_not_allowed_here": {
		En: MessageText{"Block Not Allowed Here", "A %s question has no %s blocks."},
		Ru: MessageText{"Блок здесь недопустим", "У вопроса типа %s нет блоков %s."},
	},
	"min_length_above_max": {
		En: MessageText{"Invalid Length Limits", "min_length (%d) is larger than max_length (%d)."},
		Ru: MessageText{"Недопустимые пределы длины", "min_length (%d) больше, чем max_length (%d)."},
	},
	"negative_length_limits": {
		En: MessageText{"Invalid Length Limits", "min_length and max_length cannot be negative."},
		Ru: MessageText{"Недопустимые пределы длины", "min_length и max_length не могут быть отрицательными."},
	},
	"message_without_pattern": {
		En: MessageText{"Message Without Pattern", "pattern_message is shown when an answer does not match pattern, but the question has no pattern."},
		Ru: MessageText{"Сообщение без шаблона", "pattern_message показывается, когда ответ не подходит под pattern, но у вопроса нет pattern."},
	},
	"invalid_range": {
		En: MessageText{"Invalid Range", "min (%g) is larger than max (%g)."},
		Ru: MessageText{"Недопустимый диапазон", "min (%g) больше, чем max (%g)."},
	},
	"date_limits": {
		En: MessageText{"Attribute Not Allowed Here", "Date limits are not supported yet; remove %q."},
		Ru: MessageText{"Атрибут здесь недопустим", "Пределы для дат пока не поддерживаются; уберите %q."},
	},
	"boolean_label_needed": {
		En: MessageText{"Missing Label", "Forms have no built-in \"Yes\" and \"No\" in %[2]q: give %[1]s = { %[2]s = \"…\" } (and the other label)."},
		Ru: MessageText{"Нет подписи", "В формах нет встроенных «Да» и «Нет» на языке %[2]q: задайте %[1]s = { %[2]s = \"…\" } (и вторую подпись)."},
	},
	"unknown_scale": {
		En: MessageText{"Unknown Scale", "There is no scale %q.%s"},
		Ru: MessageText{"Неизвестная шкала", "Нет шкалы %q.%s"},
	},
	"rating_min": {
		En: MessageText{"Invalid Rating Scale", "A rating starts at 0 or 1, not %d."},
		Ru: MessageText{"Недопустимая шкала оценки", "Оценка (rating) начинается с 0 или 1, а не с %d."},
	},
	"rating_max": {
		En: MessageText{"Invalid Rating Scale", "A rating goes up to 3..10 points (5 for CSAT, 5, 7 or 10 for CES), not %d."},
		Ru: MessageText{"Недопустимая шкала оценки", "Оценка (rating) идёт до 3..10 баллов (5 для CSAT, 5, 7 или 10 для CES), а не до %d."},
	},
	"missing_scale": {
		En: MessageText{"Missing Scale", "The %s question %q needs a scale: scale = scale.NAME, or min and max."},
		Ru: MessageText{"Нет шкалы", "Вопросу %[2]q (%[1]s) нужна шкала: scale = scale.NAME или min и max."},
	},
	"scale_max_not_above_min": {
		En: MessageText{"Invalid Scale", "The scale's max (%d) must be larger than its min (%d)."},
		Ru: MessageText{"Недопустимая шкала", "max шкалы (%d) должен быть больше её min (%d)."},
	},
	"scale_too_long": {
		En: MessageText{"Invalid Scale", "A scale of %d points is too long to show; use a number question."},
		Ru: MessageText{"Недопустимая шкала", "Шкала слишком длинная для показа (точек: %d); используйте вопрос number."},
	},
	"wrong_number_of_labels": {
		En: MessageText{"Wrong Number Of Labels", "The scale %d..%d has %d points but %d labels."},
		Ru: MessageText{"Неверное число подписей", "На шкале %d..%d точек: %d, а подписей: %d."},
	},
	"invalid_pattern": {
		En: MessageText{"Invalid Pattern", "The pattern is not a valid regular expression: %s."},
		Ru: MessageText{"Недопустимый шаблон", "pattern — некорректное регулярное выражение: %s."},
	},
	"unportable_pattern": {
		En: MessageText{"Unportable Pattern", "The pattern uses %s, which browsers read differently; patterns must mean the same in the form and on the server."},
		Ru: MessageText{"Непереносимый шаблон", "В pattern есть %s, а браузеры понимают это иначе; шаблон должен значить одно и то же в форме и на сервере."},
	},
	"reserved_name": {
		En: MessageText{"Reserved Name", "The hidden field %q would be stored in a column of the same name, which is %s."},
		Ru: MessageText{"Зарезервированное имя", "Скрытое поле %q хранилось бы в одноимённом столбце, а это %s."},
	},
	"column_name_collision": {
		En: MessageText{"Column Name Collision", "Question %q stores answers in the column %q, which is already %s. Rename one of them."},
		Ru: MessageText{"Совпадение имён столбцов", "Вопрос %q хранит ответы в столбце %q, но это уже %s. Переименуйте один из них."},
	},
	"template_in_condition": {
		En: MessageText{"Unsupported Expression", "String templates with ${…} are not supported in conditions; compare values instead."},
		Ru: MessageText{"Неподдерживаемое выражение", "Шаблоны строк с ${…} в условиях не поддерживаются; сравнивайте значения."},
	},
	"list_of_codes": {
		En: MessageText{"Unsupported Expression", "A list in a condition holds quoted option codes, e.g. [\"a\", \"b\"]."},
		Ru: MessageText{"Неподдерживаемое выражение", "Список в условии состоит из кодов вариантов в кавычках, например [\"a\", \"b\"]."},
	},
	"unsupported_expression": {
		En: MessageText{"Unsupported Expression", "Conditions may use answers, literals, the operators ! - * / %% + == != < <= > >= && || ?: and the functions %s."},
		Ru: MessageText{"Неподдерживаемое выражение", "В условиях можно использовать ответы, значения, операторы ! - * / %% + == != < <= > >= && || ?: и функции %s."},
	},
	"invalid_hidden_reference": {
		En: MessageText{"Invalid Reference", "A hidden field is referred to as hidden.NAME."},
		Ru: MessageText{"Недопустимая ссылка", "На скрытое поле ссылаются как hidden.NAME."},
	},
	"unknown_hidden_field": {
		En: MessageText{"Unknown Hidden Field", "There is no hidden field %q.%s"},
		Ru: MessageText{"Неизвестное скрытое поле", "Нет скрытого поля %q.%s"},
	},
	"unknown_question": {
		En: MessageText{"Unknown Question", "There is no question %q.%s"},
		Ru: MessageText{"Неизвестный вопрос", "Нет вопроса %q.%s"},
	},
	"reference_to_a_later_question": {
		En: MessageText{"Reference To A Later Question", "The condition uses %q, which is not answered yet at this point of the form: %s (otherwise conditions could depend on each other in a cycle)."},
		Ru: MessageText{"Ссылка на более поздний вопрос", "Условие использует %q, а в этом месте формы на него ещё не ответили: %s (иначе условия могли бы зависеть друг от друга по кругу)."},
	},
	"matrix_needs_a_row": {
		En: MessageText{"Matrix Needs A Row", "%q is a matrix; refer to one of its rows, e.g. %s.%s."},
		Ru: MessageText{"Нужна строка матрицы", "%q — матрица; ссылайтесь на одну из её строк, например %s.%s."},
	},
	"matrix_rows_one_by_one": {
		En: MessageText{"Matrix Needs A Row", "%q is a matrix; list its rows one by one, e.g. %s.%s."},
		Ru: MessageText{"Нужна строка матрицы", "%q — матрица; перечислите её строки по одной, например %s.%s."},
	},
	"unknown_row": {
		En: MessageText{"Unknown Row", "The matrix %q has no row %q.%s"},
		Ru: MessageText{"Неизвестная строка", "В матрице %q нет строки %q.%s"},
	},
	"reference_by_id": {
		En: MessageText{"Invalid Reference", "%q is a %s question; refer to it by its ID alone."},
		Ru: MessageText{"Недопустимая ссылка", "%q — вопрос типа %s; ссылайтесь на него только по ID."},
	},
	"wrong_operand_type": {
		En: MessageText{"Wrong Type", "This operand is a %s, but a %s is needed here."},
		Ru: MessageText{"Неверный тип", "Этот операнд — %s, а здесь нужно: %s."},
	},
	"never_equal": {
		En: MessageText{"Wrong Type", "This compares a %s with a %s, which are never equal."},
		Ru: MessageText{"Неверный тип", "Здесь сравниваются %s и %s, а они никогда не равны."},
	},
	"unordered_types": {
		En: MessageText{"Wrong Type", "This orders a %s against a %s; compare numbers with numbers."},
		Ru: MessageText{"Неверный тип", "Здесь по величине сравниваются %s и %s; сравнивайте числа с числами."},
	},
	"unknown_function": {
		En: MessageText{"Unknown Function", "%q is not one of the functions conditions may use (%s).%s"},
		Ru: MessageText{"Неизвестная функция", "%q — не из функций, доступных в условиях (%s).%s"},
	},
	"argument_expansion": {
		En: MessageText{"Unsupported Expression", "Argument expansion (...) is not supported."},
		Ru: MessageText{"Неподдерживаемое выражение", "Раскрытие аргументов (...) не поддерживается."},
	},
	"wrong_number_of_arguments": {
		En: MessageText{"Wrong Number Of Arguments", "%s takes %s, not %d."},
		Ru: MessageText{"Неверное число аргументов", "%s принимает %s, а не %d."},
	},
	"duplicate_definition": {
		En: MessageText{"Duplicate ID", "The %s %q is already defined at %s."},
		Ru: MessageText{"Повторный ID", "ID %[2]q (%[1]s) уже определён в %[3]s."},
	},
	"block_needs_items": {
		En: MessageText{"Missing Required Attribute", "The block %q needs items: the questions whose scores it averages."},
		Ru: MessageText{"Нет обязательного атрибута", "Блоку %q нужен items: вопросы, баллы которых он усредняет."},
	},
	"invalid_maturity_threshold": {
		En: MessageText{"Invalid Maturity Threshold", "Level thresholds are scores from 0 to 100, strictly increasing in the order written; %g does not fit."},
		Ru: MessageText{"Недопустимый порог зрелости", "Пороги уровней — баллы от 0 до 100, строго возрастающие в порядке записи; %g не подходит."},
	},
	"level_needs_min": {
		En: MessageText{"Missing Required Attribute", "The level %q needs min: the lowest 0-100 score at this level."},
		Ru: MessageText{"Нет обязательного атрибута", "Уровню %q нужен min: наименьший балл 0–100 на этом уровне."},
	},
	"empty_maturity": {
		En: MessageText{"Empty Maturity", "The maturity block has no level blocks."},
		Ru: MessageText{"Пустой блок maturity", "В блоке maturity нет блоков level."},
	},
	"item_cannot_be_scored": {
		En: MessageText{"Item Cannot Be Scored", "The %s %q averages 0-100 scores, but %q is a %s question without a numeric scale; use likert, scale, rating, nps or boolean questions (yes is 1, no 0), or give every option a score."},
		Ru: MessageText{"Пункт нельзя оценить", "Здесь (%[1]s %[2]q) усредняются баллы 0–100, а %[3]q — вопрос типа %[4]s без числовой шкалы; используйте вопросы likert, scale, rating, nps или boolean (да — 1, нет — 0) или задайте score каждому варианту."},
	},
	"sum_item_not_scored": {
		En: MessageText{"Item Cannot Be Scored", "The %s %q adds up scale points or option scores, but %q is a %s question without them; use likert, scale, rating, nps or boolean questions (yes is 1, no 0), or give every option a score."},
		Ru: MessageText{"Пункт нельзя оценить", "Здесь (%[1]s %[2]q) складываются баллы шкал или вариантов, а %[3]q — вопрос типа %[4]s без них; используйте вопросы likert, scale, rating, nps или boolean (да — 1, нет — 0) или задайте score каждому варианту."},
	},
	"empty_item_list": {
		En: MessageText{"Empty Item List", "The %s %q has no items."},
		Ru: MessageText{"Пустой список пунктов", "Список items пуст (%[1]s %[2]q)."},
	},
	"wrong_number_of_weights": {
		En: MessageText{"Wrong Number Of Weights", "There are %d weights for %d items; give one weight per item."},
		Ru: MessageText{"Неверное число весов", "Весов: %d, пунктов: %d; задайте по одному весу на пункт."},
	},
	"negative_weight": {
		En: MessageText{"Negative Weight", "Weights cannot be negative."},
		Ru: MessageText{"Отрицательный вес", "Веса не могут быть отрицательными."},
	},
	"missing_index_kind": {
		En: MessageText{"Missing Index Kind", "The index %q needs a kind: one of %s."},
		Ru: MessageText{"Не указан вид индекса", "Индексу %q нужен kind: один из %s."},
	},
	"unknown_index_kind": {
		En: MessageText{"Unknown Index Kind", "%q is not an index kind; use one of %s.%s"},
		Ru: MessageText{"Неизвестный вид индекса", "%q — не вид индекса; допустимы %s.%s"},
	},
	"index_attribute_not_allowed": {
		En: MessageText{"Attribute Not Allowed Here", "An index of kind %q has no %q attribute."},
		Ru: MessageText{"Атрибут здесь недопустим", "У индекса вида %q нет атрибута %q."},
	},
	"index_needs_question": {
		En: MessageText{"Missing Required Attribute", "The %s index %q needs items = [QUESTION]."},
		Ru: MessageText{"Нет обязательного атрибута", "Индексу %[2]q (%[1]s) нужен items = [ВОПРОС]."},
	},
	"wrong_number_of_items": {
		En: MessageText{"Wrong Number Of Items", "A %s index is computed from exactly one question."},
		Ru: MessageText{"Неверное число пунктов", "Индекс вида %s считается ровно по одному вопросу."},
	},
	"index_question_type": {
		En: MessageText{"Incompatible Question Type", "A %s index needs %s, but %q is a %s question."},
		Ru: MessageText{"Неподходящий тип вопроса", "Индексу вида %s нужен %s, а %q — вопрос типа %s."},
	},
	"invalid_box": {
		En: MessageText{"Invalid Box", "top and bottom must be between 1 and %d for a %d-point scale."},
		Ru: MessageText{"Недопустимые top и bottom", "top и bottom для шкалы из %[2]d точек должны быть от 1 до %[1]d."},
	},
	"index_needs_items": {
		En: MessageText{"Missing Required Attribute", "The index %q needs items."},
		Ru: MessageText{"Нет обязательного атрибута", "Индексу %q нужен items."},
	},
	"index_needs_options": {
		En: MessageText{"Missing Required Attribute", "A %s index needs options: the codes it counts."},
		Ru: MessageText{"Нет обязательного атрибута", "Индексу вида %s нужен options: коды, которые он считает."},
	},
	"expr_index_needs_expr": {
		En: MessageText{"Missing Required Attribute", "An expr index needs expr: the formula computed for each respondent."},
		Ru: MessageText{"Нет обязательного атрибута", "Индексу expr нужен expr: формула, которая считается для каждого респондента."},
	},
	"index_formula_type": {
		En: MessageText{"Wrong Type", "An index formula must give a number (or true/false, counted as a share), not a %s."},
		Ru: MessageText{"Неверный тип", "Формула индекса должна давать число (или true/false — тогда считается доля); эта даёт: %s."},
	},
	"expr_index_needs_range": {
		En: MessageText{"Missing Required Attribute", "An expr index needs min and max: the range its values can take, for charts."},
		Ru: MessageText{"Нет обязательного атрибута", "Индексу expr нужны min и max: диапазон его значений, для графиков."},
	},
	"blocks_index_needs_items": {
		En: MessageText{"Missing Required Attribute", "A blocks index needs items = [block.NAME, …]."},
		Ru: MessageText{"Нет обязательного атрибута", "Индексу blocks нужен items = [block.ИМЯ, …]."},
	},
	"blocks_index_lists_blocks": {
		En: MessageText{"Invalid Reference", "A blocks index lists blocks, e.g. block.core."},
		Ru: MessageText{"Недопустимая ссылка", "В индексе blocks перечисляются блоки, например block.core."},
	},
	"unknown_block": {
		En: MessageText{"Unknown Block", "There is no block %q.%s"},
		Ru: MessageText{"Неизвестный блок", "Нет блока %q.%s"},
	},
	"field_question_type": {
		En: MessageText{"Incompatible Question Type", "%s must be a hidden field or a single-choice question, but %q is a %s question."},
		Ru: MessageText{"Неподходящий тип вопроса", "%s: нужно скрытое поле или вопрос с одним ответом, а %q — вопрос типа %s."},
	},
	"min_group_size": {
		En: MessageText{"Invalid Value", "min_group_size must be at least 1."},
		Ru: MessageText{"Недопустимое значение", "min_group_size должен быть не меньше 1."},
	},
	"min_participants": {
		En: MessageText{"Invalid Value", "min_participants must be at least 1."},
		Ru: MessageText{"Недопустимое значение", "min_participants должен быть не меньше 1."},
	},
	"weight_question_type": {
		En: MessageText{"Incompatible Question Type", "The weight must be a hidden field or a number question, but %q is a %s question."},
		Ru: MessageText{"Неподходящий тип вопроса", "Вес (weight) — это скрытое поле или вопрос number, а %q — вопрос типа %s."},
	},
	"outcome_not_index": {
		En: MessageText{"Unknown Index", "The outcome must be an index, e.g. index.nps; %q is not one.%s"},
		Ru: MessageText{"Неизвестный индекс", "outcome должен быть индексом, например index.nps; %q — не индекс.%s"},
	},
	"driver_not_numeric": {
		En: MessageText{"Item Cannot Be Scored", "A driver needs a numeric answer, but %q is a %s question."},
		Ru: MessageText{"Пункт нельзя оценить", "Драйверу нужен числовой ответ, а %q — вопрос типа %s."},
	},
	"drivers_without_outcome": {
		En: MessageText{"Drivers Without Outcome", "Driver analysis needs an outcome = index.NAME to relate the drivers to."},
		Ru: MessageText{"Драйверы без outcome", "Анализу драйверов нужен outcome = index.ИМЯ, с которым их связывать."},
	},
	"invalid_unit": {
		En: MessageText{"Invalid Unit", "The unit of analysis is \"respondent\" (many respondents per participant: customers, visits, employees) or \"participant\" (each participant answers once a wave: a company-level benchmark or a self-assessment), not %q.%s"},
		Ru: MessageText{"Недопустимая единица анализа", "Единица анализа (unit) — \"respondent\" (у участника много респондентов: клиенты, визиты, сотрудники) или \"participant\" (каждый участник отвечает раз в волну: бенчмарк компаний или самооценка), а не %q.%s"},
	},
	"invalid_benchmark_once": {
		En: MessageText{"Invalid Value", "once says which of a participant's submissions in a wave counts: \"last\" (the default) or \"first\", not %q.%s"},
		Ru: MessageText{"Недопустимое значение", "once говорит, какая из анкет участника в волне учитывается: \"last\" (последняя, по умолчанию) или \"first\" (первая), а не %q.%s"},
	},
	"once_without_participant_unit": {
		En: MessageText{"Once Without Participant Unit", "once chooses one submission per participant and wave, which only a participant-level benchmark has: add unit = \"participant\", or remove once (with respondents as the unit every submission counts)."},
		Ru: MessageText{"once без unit = \"participant\"", "once выбирает одну анкету на участника и волну, а такая есть только в бенчмарке участников: добавьте unit = \"participant\" или уберите once (когда единица — респондент, учитывается каждая анкета)."},
	},
	"participant_unit_without_participant": {
		En: MessageText{"No Participant", "A participant-level benchmark needs to know who the participant is: add participant = hidden.NAME to the benchmark, or role = \"participant\" to the hidden field the invitation links fill."},
		Ru: MessageText{"Нет участника", "Бенчмарку участников нужно знать, кто участник: добавьте в benchmark participant = hidden.ИМЯ или role = \"participant\" скрытому полю, которое заполняют ссылки-приглашения."},
	},
	"participant_unit_two_participants": {
		En: MessageText{"Ambiguous Participant", "The hidden fields %s all have role = \"participant\"; say which one names the participant with participant = hidden.NAME in the benchmark."},
		Ru: MessageText{"Неоднозначный участник", "У скрытых полей %s у всех role = \"participant\"; укажите в benchmark, какое из них называет участника: participant = hidden.ИМЯ."},
	},
	"participant_unit_question": {
		En: MessageText{"Participant Is A Question", "In a participant-level benchmark the participant comes from a hidden field of the invitation link, not from the question %q: a respondent could pick another participant, and that participant's own answer would be set aside as a repeat."},
		Ru: MessageText{"Участник задан вопросом", "В бенчмарке участников участник берётся из скрытого поля ссылки-приглашения, а не из вопроса %q: респондент мог бы выбрать чужого участника, и настоящая анкета того была бы отложена как повтор."},
	},
	"participant_unit_weight": {
		En: MessageText{"Weight In A Participant-Level Benchmark", "Each participant counts once in a participant-level benchmark: peer figures describe the participants, not a population estimated from a sample, so there is no case weight. Remove weight, or use unit = \"respondent\"."},
		Ru: MessageText{"Вес в бенчмарке участников", "В бенчмарке участников каждый участник учитывается один раз: показатели группы описывают самих участников, а не генеральную совокупность по выборке, поэтому веса наблюдений нет. Уберите weight или задайте unit = \"respondent\"."},
	},
	"participant_unit_margin": {
		En: MessageText{"Margin In A Participant-Level Benchmark", "Each participant counts once in a participant-level benchmark: peer figures describe the participants, not a population, so there is nothing to rake to known shares. Remove the margin, or use unit = \"respondent\"."},
		Ru: MessageText{"margin в бенчмарке участников", "В бенчмарке участников каждый участник учитывается один раз: показатели группы описывают самих участников, а не генеральную совокупность, поэтому взвешивать к известным долям нечего. Уберите margin или задайте unit = \"respondent\"."},
	},
	"duplicate_margin": {
		En: MessageText{"Duplicate Margin", "There is already a margin for %q at %s; give each field one margin."},
		Ru: MessageText{"Повторный margin", "Для %q уже есть margin в %s; у каждого поля — один margin."},
	},
	"unknown_option_code": {
		En: MessageText{"Unknown Option Code", "The question %q has no option %q; its codes are %s.%s"},
		Ru: MessageText{"Неизвестный код варианта", "У вопроса %q нет варианта %q; его коды: %s.%s"},
	},
	"targets_not_object": {
		En: MessageText{"Invalid Targets", "targets must be an object of value = share, e.g. { bank = 0.4, telecom = 0.6 }."},
		Ru: MessageText{"Недопустимые targets", "targets — объект вида значение = доля, например { bank = 0.4, telecom = 0.6 }."},
	},
	"target_key": {
		En: MessageText{"Invalid Targets", "Each key of targets must be a value of %q."},
		Ru: MessageText{"Недопустимые targets", "Каждый ключ targets должен быть значением %q."},
	},
	"target_not_number": {
		En: MessageText{"Invalid Targets", "The target of %q must be a number: a share (0.4) or a population count."},
		Ru: MessageText{"Недопустимые targets", "Цель для %q должна быть числом: долей (0.4) или численностью в генеральной совокупности."},
	},
	"target_not_positive": {
		En: MessageText{"Invalid Targets", "The target of %q must be positive; leave out values that do not occur in the population."},
		Ru: MessageText{"Недопустимые targets", "Цель для %q должна быть положительной; значения, которых нет в генеральной совокупности, не указывайте."},
	},
	"duplicate_target": {
		En: MessageText{"Duplicate Target", "%q has two targets."},
		Ru: MessageText{"Повторная цель", "У %q две цели."},
	},
	"targets_one_value": {
		En: MessageText{"Invalid Targets", "A margin needs at least two values; one value gets every weight anyway."},
		Ru: MessageText{"Недопустимые targets", "В margin нужно хотя бы два значения; одному значению и так достаётся весь вес."},
	},
	"unsupported_language": {
		En: MessageText{"Unsupported Language", "The report's interface exists in \"en\" and \"ru\", not %q."},
		Ru: MessageText{"Неподдерживаемый язык", "Интерфейс отчёта есть на \"en\" и \"ru\", но не на %q."},
	},
	"ui_unknown_language": {
		En: MessageText{"Unknown Language", "%q is not one of the survey's languages (%s), so no form would show this interface text.%s"},
		Ru: MessageText{"Неизвестный язык", "%q — не язык анкеты (%s), так что этот текст интерфейса не покажет ни одна форма.%s"},
	},
	"unknown_ui_key": {
		En: MessageText{"Unknown Interface Text", "%q is not a text of the forms' interface; docs/language.md lists them under ui.%s"},
		Ru: MessageText{"Неизвестный текст интерфейса", "%q — не текст интерфейса форм; они перечислены в docs/language.md, в разделе ui.%s"},
	},
	"ui_placeholder_missing": {
		En: MessageText{"Missing Placeholder", "The %q text must keep %s: the form puts a number there."},
		Ru: MessageText{"Нет подстановки", "В тексте %q должно остаться %s: форма подставляет туда число."},
	},
	"ui_unknown_placeholder": {
		En: MessageText{"Unknown Placeholder", "The form fills nothing into %[2]s in the %[1]q text, so respondents would see it as written; the text's placeholders: %[3]s."},
		Ru: MessageText{"Неизвестная подстановка", "В текст %[1]q форма ничего не подставляет вместо %[2]s, и респонденты увидят его как есть; подстановки этого текста: %[3]s."},
	},
	"missing_ui_text": {
		En: MessageText{"Missing Interface Text", "The forms have no built-in interface text in %q, so a block ui %q { … } must give every text. Missing: %s."},
		Ru: MessageText{"Нет текста интерфейса", "Встроенного текста интерфейса форм на языке %q нет, поэтому блок ui %q { … } должен задать весь текст. Не хватает: %s."},
	},
	"unknown_index": {
		En: MessageText{"Unknown Index", "%q is not an index; write index.NAME."},
		Ru: MessageText{"Неизвестный индекс", "%q — не индекс; пишите index.ИМЯ."},
	},
	"records_no_participant": {
		En: MessageText{"Records Without Participants", "records = true shows each participant the records behind its figures, but the survey names no participant: add benchmark { participant = hidden.ID } or remove records."},
		Ru: MessageText{"Записи без участников", "records = true показывает каждому участнику записи, из которых сложились его показатели, но в анкете не указан участник: добавьте benchmark { participant = hidden.ID } или уберите records."},
	},
}
