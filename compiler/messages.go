package compiler

// messages is the catalogue of the diagnostics the compiler reports itself:
// by id (what errorf is given), the summary and the detail in English and
// in Russian. Details are fmt formats over errorf's arguments; a Russian
// one may take them in another order (%[2]q). TestMessages checks that
// every entry has both languages with the same arguments, TestMessageIDs
// that every id the code uses is here and every entry is used.

var messages = map[string]message{
	"cannot_read_survey": {
		en: msgText{"Cannot Read Survey", "%s."},
		ru: msgText{"Не удалось прочитать анкету", "%s."},
	},
	"cannot_read_file": {
		en: msgText{"Cannot Read File", "%s."},
		ru: msgText{"Не удалось прочитать файл", "%s."},
	},
	"duplicate_survey_block": {
		en: msgText{"Duplicate Survey Block", "A survey has exactly one survey block; the first is at %s."},
		ru: msgText{"Второй блок survey", "В анкете ровно один блок survey; первый — в %s."},
	},
	"duplicate_block": {
		en: msgText{"Duplicate Block", "There can be only one %s block; the first is at %s."},
		ru: msgText{"Повторный блок", "Блок %s может быть только один; первый — в %s."},
	},
	"missing_survey_block": {
		en: msgText{"Missing Survey Block", "Every survey needs one block `survey \"ID\" { title = \"…\" … }` naming it."},
		ru: msgText{"Нет блока survey", "Каждой анкете нужен один блок `survey \"ID\" { title = \"…\" … }` с её именем."},
	},
	"invalid_survey_id": {
		en: msgText{"Invalid Identifier", "The survey ID %q must contain only letters, digits, underscores and hyphens: it names the output folder and is stored with every answer."},
		ru: msgText{"Недопустимый идентификатор", "ID анкеты %q может содержать только латинские буквы, цифры, подчёркивания и дефисы: это имя папки с результатом, и он хранится с каждым ответом."},
	},
	"invalid_language": {
		en: msgText{"Invalid Language", "%q is not a language code such as \"ru\" or \"en\"."},
		ru: msgText{"Недопустимый язык", "%q — не код языка вроде \"ru\" или \"en\"."},
	},
	"duplicate_language": {
		en: msgText{"Duplicate Language", "The language %q is listed twice."},
		ru: msgText{"Повторный язык", "Язык %q указан дважды."},
	},
	"no_languages": {
		en: msgText{"Invalid Value", "A survey needs at least one language."},
		ru: msgText{"Недопустимое значение", "В анкете должен быть хотя бы один язык."},
	},
	"duplicate_endpoint": {
		en: msgText{"Duplicate Block", "The survey block has one endpoint block."},
		ru: msgText{"Повторный блок", "В блоке survey может быть только один блок endpoint."},
	},
	"invalid_endpoint_url": {
		en: msgText{"Invalid Endpoint URL", "The endpoint must be an absolute http:// or https:// URL, such as \"https://example.org/collect\"."},
		ru: msgText{"Недопустимый адрес endpoint", "Адрес endpoint должен быть полным URL с http:// или https://, например \"https://example.org/collect\"."},
	},
	"missing_endpoint_url": {
		en: msgText{"Missing Required Attribute", "The endpoint block needs a url: where forms send answers."},
		ru: msgText{"Нет обязательного атрибута", "Блоку endpoint нужен url: куда формы отправляют ответы."},
	},
	"invalid_endpoint_format": {
		en: msgText{"Invalid Value", "The endpoint format is \"json\" or \"form\", not %q."},
		ru: msgText{"Недопустимое значение", "Формат endpoint — \"json\" или \"form\", а не %q."},
	},
	"invalid_colour": {
		en: msgText{"Invalid Colour", "The accent colour must be a hex colour such as \"#0b5fff\"."},
		ru: msgText{"Недопустимый цвет", "Акцентный цвет задаётся в шестнадцатеричном виде, например \"#0b5fff\"."},
	},
	"missing_endpoint": {
		en: msgText{"Missing Endpoint", "The survey block needs an endpoint block: `endpoint { url = \"https://…\" }`, where forms send answers."},
		ru: msgText{"Нет endpoint", "Блоку survey нужен блок endpoint: `endpoint { url = \"https://…\" }` — куда формы отправляют ответы."},
	},
	"invalid_identifier": {
		en: msgText{"Invalid Identifier", "The %s ID %q must start with a letter and contain only letters, digits and underscores: it becomes a column name and an expression identifier."},
		ru: msgText{"Недопустимый идентификатор", "ID %[2]q (%[1]s) должен начинаться с латинской буквы и содержать только латинские буквы, цифры и подчёркивания: он становится именем столбца и идентификатором в выражениях."},
	},
	"invalid_code": {
		en: msgText{"Invalid Code", "The %s code %q must contain only letters, digits, underscores and hyphens: it is stored in the data."},
		ru: msgText{"Недопустимый код", "Код %[2]q (%[1]s) может содержать только латинские буквы, цифры, подчёркивания и дефисы: он хранится в данных."},
	},
	"invalid_role": {
		en: msgText{"Invalid Role", "A hidden field's role is \"participant\", \"segment\" or \"channel\", not %q.%s"},
		ru: msgText{"Недопустимая роль", "Роль скрытого поля — \"participant\", \"segment\" или \"channel\", а не %q.%s"},
	},
	"duplicate_option": {
		en: msgText{"Duplicate Option", "The option code %q is already used at %s."},
		ru: msgText{"Повторный вариант", "Код варианта %q уже использован в %s."},
	},
	"invalid_labels": {
		en: msgText{"Invalid Value", "labels must be a list with one text per scale point."},
		ru: msgText{"Недопустимое значение", "labels — это список с одним текстом на каждую точку шкалы."},
	},
	"invalid_named_reference": {
		en: msgText{"Invalid Reference", "%q takes the name of the %s, e.g. %s.NAME."},
		ru: msgText{"Недопустимая ссылка", "%[1]q принимает имя (%[2]s), например %[3]s.NAME."},
	},
	"null_value": {
		en: msgText{"Invalid Value", "The attribute %q must not be null."},
		ru: msgText{"Недопустимое значение", "Атрибут %q не может быть null."},
	},
	"wrong_value_type": {
		en: msgText{"Invalid Value", "The attribute %q must be %s."},
		ru: msgText{"Недопустимое значение", "Атрибут %q должен быть %s."},
	},
	"not_whole_number": {
		en: msgText{"Invalid Value", "The attribute %q must be a whole number."},
		ru: msgText{"Недопустимое значение", "Атрибут %q должен быть целым числом."},
	},
	"missing_attribute": {
		en: msgText{"Missing Required Attribute", "The attribute %q is required here."},
		ru: msgText{"Нет обязательного атрибута", "Здесь нужен атрибут %q."},
	},
	"text_needs_languages": {
		en: msgText{"Missing Translation", "The survey has the languages %s, so %q needs one text per language, e.g. { %s = \"…\" }."},
		ru: msgText{"Нет перевода", "В анкете языки %s, поэтому %q нужен текст на каждом языке, например { %s = \"…\" }."},
	},
	"unknown_language": {
		en: msgText{"Unknown Language", "%q has a text in %q, which is not one of the survey's languages (%s).%s"},
		ru: msgText{"Неизвестный язык", "У %q есть текст на %q, а это не язык анкеты (%s).%s"},
	},
	"missing_translation": {
		en: msgText{"Missing Translation", "%q has no text in %q, one of the survey's languages."},
		ru: msgText{"Нет перевода", "У %q нет текста на %q, одном из языков анкеты."},
	},
	"invalid_text": {
		en: msgText{"Invalid Text", "The attribute %q must be a string or an object with one string per language."},
		ru: msgText{"Недопустимый текст", "Атрибут %q должен быть строкой или объектом с одной строкой на каждый язык."},
	},
	"invalid_text_language": {
		en: msgText{"Invalid Text", "The %q text of %q must be a string."},
		ru: msgText{"Недопустимый текст", "Текст %[2]q на языке %[1]q должен быть строкой."},
	},
	"invalid_reference_list": {
		en: msgText{"Invalid Reference List", "The attribute %q must be a list of references, e.g. [q1, q2]."},
		ru: msgText{"Недопустимый список ссылок", "Атрибут %q должен быть списком ссылок, например [q1, q2]."},
	},
	"not_a_reference": {
		en: msgText{"Invalid Reference", "Each value of %q must be a reference such as q1, q5_14.phone or hidden.company, not a quoted string or an expression."},
		ru: msgText{"Недопустимая ссылка", "Каждое значение %q должно быть ссылкой вроде q1, q5_14.phone или hidden.company, а не строкой в кавычках или выражением."},
	},
	"literal_not_reference": {
		en: msgText{"Variables not allowed", "The attribute \"%s\" takes a literal value here, not a reference."},
		ru: msgText{"Переменные здесь недопустимы", "Атрибут \"%s\" принимает здесь значение, а не ссылку."},
	},
	"duplicate_id": {
		en: msgText{"Duplicate ID", "The %s ID %q is already used at %s; question, page and hidden field IDs must be unique in a survey."},
		ru: msgText{"Повторный ID", "ID %[2]q (%[1]s) уже занят в %[3]s; ID вопросов, страниц и скрытых полей в анкете не должны повторяться."},
	},
	"duplicate_option_set": {
		en: msgText{"Duplicate Option Set", "The option set %q is defined twice."},
		ru: msgText{"Повторный набор вариантов", "Набор вариантов %q определён дважды."},
	},
	"empty_option_set": {
		en: msgText{"Empty Option List", "The option set %q has no option blocks."},
		ru: msgText{"Пустой список вариантов", "В наборе вариантов %q нет блоков option."},
	},
	"duplicate_scale": {
		en: msgText{"Duplicate Scale", "The scale %q is defined twice."},
		ru: msgText{"Повторная шкала", "Шкала %q определена дважды."},
	},
	"scale_needs": {
		en: msgText{"Missing Required Attribute", "The scale %q needs %q."},
		ru: msgText{"Нет обязательного атрибута", "Шкале %q нужен атрибут %q."},
	},
	"empty_page": {
		en: msgText{"Empty Page", "The page %q has no questions."},
		ru: msgText{"Пустая страница", "На странице %q нет вопросов."},
	},
	"no_pages": {
		en: msgText{"No Pages", "The survey has no page blocks, so there is nothing to ask."},
		ru: msgText{"Нет страниц", "В анкете нет блоков page, так что спрашивать нечего."},
	},
	"condition_is_not_true_or_false": {
		en: msgText{"Condition Is Not True Or False", "show_if must be a condition (true or false), but this expression gives a %s. Compare it, e.g. q_age >= 18, or use answered(…)."},
		ru: msgText{"Условие не даёт true или false", "show_if должен быть условием (true или false), а это выражение даёт: %s. Сравните его с чем-нибудь, например q_age >= 18, или используйте answered(…)."},
	},
	"missing_question_type": {
		en: msgText{"Missing Question Type", "The question %q needs a type: one of %s."},
		ru: msgText{"Не указан тип вопроса", "Вопросу %q нужен type: один из %s."},
	},
	"unknown_question_type": {
		en: msgText{"Unknown Question Type", "%q is not a question type; use one of %s.%s"},
		ru: msgText{"Неизвестный тип вопроса", "%q — не тип вопроса; допустимы %s.%s"},
	},
	"question_attribute_not_allowed": {
		en: msgText{"Attribute Not Allowed Here", "A %s question has no %q attribute."},
		ru: msgText{"Атрибут здесь недопустим", "У вопроса типа %s нет атрибута %q."},
	},
	"invalid_style": {
		en: msgText{"Invalid Value", "The only style of a single question is \"statements\"."},
		ru: msgText{"Недопустимое значение", "У вопроса single есть только один style — \"statements\"."},
	},
	"unknown_option_set": {
		en: msgText{"Unknown Option Set", "There is no option_set %q.%s"},
		ru: msgText{"Неизвестный набор вариантов", "Нет option_set %q.%s"},
	},
	"duplicate_set_option": {
		en: msgText{"Duplicate Option", "The option code %q is already in the option set used by %q."},
		ru: msgText{"Повторный вариант", "Код варианта %q уже есть в наборе вариантов, который использует %q."},
	},
	"empty_option_list": {
		en: msgText{"Empty Option List", "The %s question %q has no options: add option blocks or options = option_set.NAME."},
		ru: msgText{"Пустой список вариантов", "У вопроса %[2]q (%[1]s) нет вариантов: добавьте блоки option или options = option_set.NAME."},
	},
	"exclusive_option_outside_multi": {
		en: msgText{"Exclusive Option Outside Multi", "The option %q is exclusive, which only means something in a multi question; in a %s question every option already excludes the others."},
		ru: msgText{"Исключающий вариант вне multi", "Вариант %q помечен exclusive, а это имеет смысл только в вопросе multi; в вопросе %s каждый вариант и так исключает остальные."},
	},
	"other_option_in_matrix": {
		en: msgText{"Other Option In Matrix", "A matrix question cannot have an \"Other (specify)\" option."},
		ru: msgText{"Вариант «Другое» в матрице", "У вопроса matrix не может быть варианта «Другое (укажите)»."},
	},
	"several_other_options": {
		en: msgText{"Several Other Options", "The question %q has %d options with other = true; it can have one."},
		ru: msgText{"Несколько вариантов «Другое»", "У вопроса %q вариантов с other = true: %d; допустим один."},
	},
	"row_outside_matrix": {
		en: msgText{"Row Outside Matrix", "Only matrix questions have rows."},
		ru: msgText{"Строка вне матрицы", "Строки (row) бывают только у вопросов matrix."},
	},
	"duplicate_row": {
		en: msgText{"Duplicate Row", "The row %q is defined twice in %q."},
		ru: msgText{"Повторная строка", "Строка %q определена в %q дважды."},
	},
	"matrix_without_rows": {
		en: msgText{"Matrix Without Rows", "The matrix question %q needs row blocks."},
		ru: msgText{"Матрица без строк", "Вопросу matrix %q нужны блоки row."},
	},
	"min_select_above_max": {
		en: msgText{"Invalid Selection Limits", "min_select (%d) is larger than max_select (%d)."},
		ru: msgText{"Недопустимые пределы выбора", "min_select (%d) больше, чем max_select (%d)."},
	},
	"min_select_above_options": {
		en: msgText{"Invalid Selection Limits", "min_select (%d) is larger than the number of options (%d)."},
		ru: msgText{"Недопустимые пределы выбора", "min_select (%d) больше, чем число вариантов (%d)."},
	},
	"negative_selection_limits": {
		en: msgText{"Invalid Selection Limits", "min_select and max_select cannot be negative."},
		ru: msgText{"Недопустимые пределы выбора", "min_select и max_select не могут быть отрицательными."},
	},
	"block_not_allowed_here": {
		en: msgText{"Block Not Allowed Here", "A %s question has no %s blocks."},
		ru: msgText{"Блок здесь недопустим", "У вопроса типа %s нет блоков %s."},
	},
	"min_length_above_max": {
		en: msgText{"Invalid Length Limits", "min_length (%d) is larger than max_length (%d)."},
		ru: msgText{"Недопустимые пределы длины", "min_length (%d) больше, чем max_length (%d)."},
	},
	"negative_length_limits": {
		en: msgText{"Invalid Length Limits", "min_length and max_length cannot be negative."},
		ru: msgText{"Недопустимые пределы длины", "min_length и max_length не могут быть отрицательными."},
	},
	"message_without_pattern": {
		en: msgText{"Message Without Pattern", "pattern_message is shown when an answer does not match pattern, but the question has no pattern."},
		ru: msgText{"Сообщение без шаблона", "pattern_message показывается, когда ответ не подходит под pattern, но у вопроса нет pattern."},
	},
	"invalid_range": {
		en: msgText{"Invalid Range", "min (%g) is larger than max (%g)."},
		ru: msgText{"Недопустимый диапазон", "min (%g) больше, чем max (%g)."},
	},
	"date_limits": {
		en: msgText{"Attribute Not Allowed Here", "Date limits are not supported yet; remove %q."},
		ru: msgText{"Атрибут здесь недопустим", "Пределы для дат пока не поддерживаются; уберите %q."},
	},
	"unknown_scale": {
		en: msgText{"Unknown Scale", "There is no scale %q.%s"},
		ru: msgText{"Неизвестная шкала", "Нет шкалы %q.%s"},
	},
	"rating_min": {
		en: msgText{"Invalid Rating Scale", "A rating starts at 0 or 1, not %d."},
		ru: msgText{"Недопустимая шкала оценки", "Оценка (rating) начинается с 0 или 1, а не с %d."},
	},
	"rating_max": {
		en: msgText{"Invalid Rating Scale", "A rating goes up to 3..10 points (5 for CSAT, 5, 7 or 10 for CES), not %d."},
		ru: msgText{"Недопустимая шкала оценки", "Оценка (rating) идёт до 3..10 баллов (5 для CSAT, 5, 7 или 10 для CES), а не до %d."},
	},
	"missing_scale": {
		en: msgText{"Missing Scale", "The %s question %q needs a scale: scale = scale.NAME, or min and max."},
		ru: msgText{"Нет шкалы", "Вопросу %[2]q (%[1]s) нужна шкала: scale = scale.NAME или min и max."},
	},
	"scale_max_not_above_min": {
		en: msgText{"Invalid Scale", "The scale's max (%d) must be larger than its min (%d)."},
		ru: msgText{"Недопустимая шкала", "max шкалы (%d) должен быть больше её min (%d)."},
	},
	"scale_too_long": {
		en: msgText{"Invalid Scale", "A scale of %d points is too long to show; use a number question."},
		ru: msgText{"Недопустимая шкала", "Шкала слишком длинная для показа (точек: %d); используйте вопрос number."},
	},
	"wrong_number_of_labels": {
		en: msgText{"Wrong Number Of Labels", "The scale %d..%d has %d points but %d labels."},
		ru: msgText{"Неверное число подписей", "На шкале %d..%d точек: %d, а подписей: %d."},
	},
	"invalid_pattern": {
		en: msgText{"Invalid Pattern", "The pattern is not a valid regular expression: %s."},
		ru: msgText{"Недопустимый шаблон", "pattern — некорректное регулярное выражение: %s."},
	},
	"unportable_pattern": {
		en: msgText{"Unportable Pattern", "The pattern uses %s, which browsers read differently; patterns must mean the same in the form and on the server."},
		ru: msgText{"Непереносимый шаблон", "В pattern есть %s, а браузеры понимают это иначе; шаблон должен значить одно и то же в форме и на сервере."},
	},
	"reserved_name": {
		en: msgText{"Reserved Name", "The hidden field %q would be stored in a column of the same name, which is %s."},
		ru: msgText{"Зарезервированное имя", "Скрытое поле %q хранилось бы в одноимённом столбце, а это %s."},
	},
	"column_name_collision": {
		en: msgText{"Column Name Collision", "Question %q stores answers in the column %q, which is already %s. Rename one of them."},
		ru: msgText{"Совпадение имён столбцов", "Вопрос %q хранит ответы в столбце %q, но это уже %s. Переименуйте один из них."},
	},
	"template_in_condition": {
		en: msgText{"Unsupported Expression", "String templates with ${…} are not supported in conditions; compare values instead."},
		ru: msgText{"Неподдерживаемое выражение", "Шаблоны строк с ${…} в условиях не поддерживаются; сравнивайте значения."},
	},
	"list_of_codes": {
		en: msgText{"Unsupported Expression", "A list in a condition holds quoted option codes, e.g. [\"a\", \"b\"]."},
		ru: msgText{"Неподдерживаемое выражение", "Список в условии состоит из кодов вариантов в кавычках, например [\"a\", \"b\"]."},
	},
	"unsupported_expression": {
		en: msgText{"Unsupported Expression", "Conditions may use answers, literals, the operators ! - * / %% + == != < <= > >= && || ?: and the functions %s."},
		ru: msgText{"Неподдерживаемое выражение", "В условиях можно использовать ответы, значения, операторы ! - * / %% + == != < <= > >= && || ?: и функции %s."},
	},
	"invalid_hidden_reference": {
		en: msgText{"Invalid Reference", "A hidden field is referred to as hidden.NAME."},
		ru: msgText{"Недопустимая ссылка", "На скрытое поле ссылаются как hidden.NAME."},
	},
	"unknown_hidden_field": {
		en: msgText{"Unknown Hidden Field", "There is no hidden field %q.%s"},
		ru: msgText{"Неизвестное скрытое поле", "Нет скрытого поля %q.%s"},
	},
	"unknown_question": {
		en: msgText{"Unknown Question", "There is no question %q.%s"},
		ru: msgText{"Неизвестный вопрос", "Нет вопроса %q.%s"},
	},
	"reference_to_a_later_question": {
		en: msgText{"Reference To A Later Question", "The condition uses %q, which is not answered yet at this point of the form: %s (otherwise conditions could depend on each other in a cycle)."},
		ru: msgText{"Ссылка на более поздний вопрос", "Условие использует %q, а в этом месте формы на него ещё не ответили: %s (иначе условия могли бы зависеть друг от друга по кругу)."},
	},
	"matrix_needs_a_row": {
		en: msgText{"Matrix Needs A Row", "%q is a matrix; refer to one of its rows, e.g. %s.%s."},
		ru: msgText{"Нужна строка матрицы", "%q — матрица; ссылайтесь на одну из её строк, например %s.%s."},
	},
	"matrix_rows_one_by_one": {
		en: msgText{"Matrix Needs A Row", "%q is a matrix; list its rows one by one, e.g. %s.%s."},
		ru: msgText{"Нужна строка матрицы", "%q — матрица; перечислите её строки по одной, например %s.%s."},
	},
	"unknown_row": {
		en: msgText{"Unknown Row", "The matrix %q has no row %q.%s"},
		ru: msgText{"Неизвестная строка", "В матрице %q нет строки %q.%s"},
	},
	"reference_by_id": {
		en: msgText{"Invalid Reference", "%q is a %s question; refer to it by its ID alone."},
		ru: msgText{"Недопустимая ссылка", "%q — вопрос типа %s; ссылайтесь на него только по ID."},
	},
	"wrong_operand_type": {
		en: msgText{"Wrong Type", "This operand is a %s, but a %s is needed here."},
		ru: msgText{"Неверный тип", "Этот операнд — %s, а здесь нужно: %s."},
	},
	"never_equal": {
		en: msgText{"Wrong Type", "This compares a %s with a %s, which are never equal."},
		ru: msgText{"Неверный тип", "Здесь сравниваются %s и %s, а они никогда не равны."},
	},
	"unordered_types": {
		en: msgText{"Wrong Type", "This orders a %s against a %s; compare numbers with numbers."},
		ru: msgText{"Неверный тип", "Здесь по величине сравниваются %s и %s; сравнивайте числа с числами."},
	},
	"unknown_function": {
		en: msgText{"Unknown Function", "%q is not one of the functions conditions may use (%s).%s"},
		ru: msgText{"Неизвестная функция", "%q — не из функций, доступных в условиях (%s).%s"},
	},
	"argument_expansion": {
		en: msgText{"Unsupported Expression", "Argument expansion (...) is not supported."},
		ru: msgText{"Неподдерживаемое выражение", "Раскрытие аргументов (...) не поддерживается."},
	},
	"wrong_number_of_arguments": {
		en: msgText{"Wrong Number Of Arguments", "%s takes %s, not %d."},
		ru: msgText{"Неверное число аргументов", "%s принимает %s, а не %d."},
	},
	"duplicate_definition": {
		en: msgText{"Duplicate ID", "The %s %q is already defined at %s."},
		ru: msgText{"Повторный ID", "ID %[2]q (%[1]s) уже определён в %[3]s."},
	},
	"block_needs_items": {
		en: msgText{"Missing Required Attribute", "The block %q needs items: the questions whose scores it averages."},
		ru: msgText{"Нет обязательного атрибута", "Блоку %q нужен items: вопросы, баллы которых он усредняет."},
	},
	"invalid_maturity_threshold": {
		en: msgText{"Invalid Maturity Threshold", "Level thresholds are scores from 0 to 100, strictly increasing in the order written; %g does not fit."},
		ru: msgText{"Недопустимый порог зрелости", "Пороги уровней — баллы от 0 до 100, строго возрастающие в порядке записи; %g не подходит."},
	},
	"level_needs_min": {
		en: msgText{"Missing Required Attribute", "The level %q needs min: the lowest 0-100 score at this level."},
		ru: msgText{"Нет обязательного атрибута", "Уровню %q нужен min: наименьший балл 0–100 на этом уровне."},
	},
	"empty_maturity": {
		en: msgText{"Empty Maturity", "The maturity block has no level blocks."},
		ru: msgText{"Пустой блок maturity", "В блоке maturity нет блоков level."},
	},
	"item_cannot_be_scored": {
		en: msgText{"Item Cannot Be Scored", "The %s %q averages 0-100 scores, but %q is a %s question without a numeric scale; use likert, scale, rating or nps questions, or give every option a score."},
		ru: msgText{"Пункт нельзя оценить", "Здесь (%[1]s %[2]q) усредняются баллы 0–100, а %[3]q — вопрос типа %[4]s без числовой шкалы; используйте вопросы likert, scale, rating или nps или задайте score каждому варианту."},
	},
	"sum_item_not_scored": {
		en: msgText{"Item Cannot Be Scored", "The %s %q adds up scale points or option scores, but %q is a %s question without them; use likert, scale, rating or nps questions, or give every option a score."},
		ru: msgText{"Пункт нельзя оценить", "Здесь (%[1]s %[2]q) складываются баллы шкал или вариантов, а %[3]q — вопрос типа %[4]s без них; используйте вопросы likert, scale, rating или nps или задайте score каждому варианту."},
	},
	"empty_item_list": {
		en: msgText{"Empty Item List", "The %s %q has no items."},
		ru: msgText{"Пустой список пунктов", "Список items пуст (%[1]s %[2]q)."},
	},
	"wrong_number_of_weights": {
		en: msgText{"Wrong Number Of Weights", "There are %d weights for %d items; give one weight per item."},
		ru: msgText{"Неверное число весов", "Весов: %d, пунктов: %d; задайте по одному весу на пункт."},
	},
	"negative_weight": {
		en: msgText{"Negative Weight", "Weights cannot be negative."},
		ru: msgText{"Отрицательный вес", "Веса не могут быть отрицательными."},
	},
	"missing_index_kind": {
		en: msgText{"Missing Index Kind", "The index %q needs a kind: one of %s."},
		ru: msgText{"Не указан вид индекса", "Индексу %q нужен kind: один из %s."},
	},
	"unknown_index_kind": {
		en: msgText{"Unknown Index Kind", "%q is not an index kind; use one of %s.%s"},
		ru: msgText{"Неизвестный вид индекса", "%q — не вид индекса; допустимы %s.%s"},
	},
	"index_attribute_not_allowed": {
		en: msgText{"Attribute Not Allowed Here", "An index of kind %q has no %q attribute."},
		ru: msgText{"Атрибут здесь недопустим", "У индекса вида %q нет атрибута %q."},
	},
	"index_needs_question": {
		en: msgText{"Missing Required Attribute", "The %s index %q needs items = [QUESTION]."},
		ru: msgText{"Нет обязательного атрибута", "Индексу %[2]q (%[1]s) нужен items = [ВОПРОС]."},
	},
	"wrong_number_of_items": {
		en: msgText{"Wrong Number Of Items", "A %s index is computed from exactly one question."},
		ru: msgText{"Неверное число пунктов", "Индекс вида %s считается ровно по одному вопросу."},
	},
	"index_question_type": {
		en: msgText{"Incompatible Question Type", "A %s index needs %s, but %q is a %s question."},
		ru: msgText{"Неподходящий тип вопроса", "Индексу вида %s нужен %s, а %q — вопрос типа %s."},
	},
	"invalid_box": {
		en: msgText{"Invalid Box", "top and bottom must be between 1 and %d for a %d-point scale."},
		ru: msgText{"Недопустимые top и bottom", "top и bottom для шкалы из %[2]d точек должны быть от 1 до %[1]d."},
	},
	"index_needs_items": {
		en: msgText{"Missing Required Attribute", "The index %q needs items."},
		ru: msgText{"Нет обязательного атрибута", "Индексу %q нужен items."},
	},
	"index_needs_options": {
		en: msgText{"Missing Required Attribute", "A %s index needs options: the codes it counts."},
		ru: msgText{"Нет обязательного атрибута", "Индексу вида %s нужен options: коды, которые он считает."},
	},
	"expr_index_needs_expr": {
		en: msgText{"Missing Required Attribute", "An expr index needs expr: the formula computed for each respondent."},
		ru: msgText{"Нет обязательного атрибута", "Индексу expr нужен expr: формула, которая считается для каждого респондента."},
	},
	"index_formula_type": {
		en: msgText{"Wrong Type", "An index formula must give a number (or true/false, counted as a share), not a %s."},
		ru: msgText{"Неверный тип", "Формула индекса должна давать число (или true/false — тогда считается доля); эта даёт: %s."},
	},
	"expr_index_needs_range": {
		en: msgText{"Missing Required Attribute", "An expr index needs min and max: the range its values can take, for charts."},
		ru: msgText{"Нет обязательного атрибута", "Индексу expr нужны min и max: диапазон его значений, для графиков."},
	},
	"blocks_index_needs_items": {
		en: msgText{"Missing Required Attribute", "A blocks index needs items = [block.NAME, …]."},
		ru: msgText{"Нет обязательного атрибута", "Индексу blocks нужен items = [block.ИМЯ, …]."},
	},
	"blocks_index_lists_blocks": {
		en: msgText{"Invalid Reference", "A blocks index lists blocks, e.g. block.core."},
		ru: msgText{"Недопустимая ссылка", "В индексе blocks перечисляются блоки, например block.core."},
	},
	"unknown_block": {
		en: msgText{"Unknown Block", "There is no block %q.%s"},
		ru: msgText{"Неизвестный блок", "Нет блока %q.%s"},
	},
	"field_question_type": {
		en: msgText{"Incompatible Question Type", "%s must be a hidden field or a single-choice question, but %q is a %s question."},
		ru: msgText{"Неподходящий тип вопроса", "%s: нужно скрытое поле или вопрос с одним ответом, а %q — вопрос типа %s."},
	},
	"min_group_size": {
		en: msgText{"Invalid Value", "min_group_size must be at least 1."},
		ru: msgText{"Недопустимое значение", "min_group_size должен быть не меньше 1."},
	},
	"min_participants": {
		en: msgText{"Invalid Value", "min_participants must be at least 1."},
		ru: msgText{"Недопустимое значение", "min_participants должен быть не меньше 1."},
	},
	"weight_question_type": {
		en: msgText{"Incompatible Question Type", "The weight must be a hidden field or a number question, but %q is a %s question."},
		ru: msgText{"Неподходящий тип вопроса", "Вес (weight) — это скрытое поле или вопрос number, а %q — вопрос типа %s."},
	},
	"outcome_not_index": {
		en: msgText{"Unknown Index", "The outcome must be an index, e.g. index.nps; %q is not one.%s"},
		ru: msgText{"Неизвестный индекс", "outcome должен быть индексом, например index.nps; %q — не индекс.%s"},
	},
	"driver_not_numeric": {
		en: msgText{"Item Cannot Be Scored", "A driver needs a numeric answer, but %q is a %s question."},
		ru: msgText{"Пункт нельзя оценить", "Драйверу нужен числовой ответ, а %q — вопрос типа %s."},
	},
	"drivers_without_outcome": {
		en: msgText{"Drivers Without Outcome", "Driver analysis needs an outcome = index.NAME to relate the drivers to."},
		ru: msgText{"Драйверы без outcome", "Анализу драйверов нужен outcome = index.ИМЯ, с которым их связывать."},
	},
	"duplicate_margin": {
		en: msgText{"Duplicate Margin", "There is already a margin for %q at %s; give each field one margin."},
		ru: msgText{"Повторный margin", "Для %q уже есть margin в %s; у каждого поля — один margin."},
	},
	"unknown_option_code": {
		en: msgText{"Unknown Option Code", "The question %q has no option %q; its codes are %s.%s"},
		ru: msgText{"Неизвестный код варианта", "У вопроса %q нет варианта %q; его коды: %s.%s"},
	},
	"targets_not_object": {
		en: msgText{"Invalid Targets", "targets must be an object of value = share, e.g. { bank = 0.4, telecom = 0.6 }."},
		ru: msgText{"Недопустимые targets", "targets — объект вида значение = доля, например { bank = 0.4, telecom = 0.6 }."},
	},
	"target_key": {
		en: msgText{"Invalid Targets", "Each key of targets must be a value of %q."},
		ru: msgText{"Недопустимые targets", "Каждый ключ targets должен быть значением %q."},
	},
	"target_not_number": {
		en: msgText{"Invalid Targets", "The target of %q must be a number: a share (0.4) or a population count."},
		ru: msgText{"Недопустимые targets", "Цель для %q должна быть числом: долей (0.4) или численностью в генеральной совокупности."},
	},
	"target_not_positive": {
		en: msgText{"Invalid Targets", "The target of %q must be positive; leave out values that do not occur in the population."},
		ru: msgText{"Недопустимые targets", "Цель для %q должна быть положительной; значения, которых нет в генеральной совокупности, не указывайте."},
	},
	"duplicate_target": {
		en: msgText{"Duplicate Target", "%q has two targets."},
		ru: msgText{"Повторная цель", "У %q две цели."},
	},
	"targets_one_value": {
		en: msgText{"Invalid Targets", "A margin needs at least two values; one value gets every weight anyway."},
		ru: msgText{"Недопустимые targets", "В margin нужно хотя бы два значения; одному значению и так достаётся весь вес."},
	},
	"unsupported_language": {
		en: msgText{"Unsupported Language", "The report's interface exists in \"en\" and \"ru\", not %q."},
		ru: msgText{"Неподдерживаемый язык", "Интерфейс отчёта есть на \"en\" и \"ru\", но не на %q."},
	},
	"ui_unknown_language": {
		en: msgText{"Unknown Language", "%q is not one of the survey's languages (%s), so no form would show this interface text.%s"},
		ru: msgText{"Неизвестный язык", "%q — не язык анкеты (%s), так что этот текст интерфейса не покажет ни одна форма.%s"},
	},
	"unknown_ui_key": {
		en: msgText{"Unknown Interface Text", "%q is not a text of the forms' interface; docs/language.md lists them under ui.%s"},
		ru: msgText{"Неизвестный текст интерфейса", "%q — не текст интерфейса форм; они перечислены в docs/language.md, в разделе ui.%s"},
	},
	"ui_placeholder_missing": {
		en: msgText{"Missing Placeholder", "The %q text must keep %s: the form puts a number there."},
		ru: msgText{"Нет подстановки", "В тексте %q должно остаться %s: форма подставляет туда число."},
	},
	"ui_unknown_placeholder": {
		en: msgText{"Unknown Placeholder", "The form fills nothing into %[2]s in the %[1]q text, so respondents would see it as written; the text's placeholders: %[3]s."},
		ru: msgText{"Неизвестная подстановка", "В текст %[1]q форма ничего не подставляет вместо %[2]s, и респонденты увидят его как есть; подстановки этого текста: %[3]s."},
	},
	"missing_ui_text": {
		en: msgText{"Missing Interface Text", "The forms have no built-in interface text in %q, so a block ui %q { … } must give every text. Missing: %s."},
		ru: msgText{"Нет текста интерфейса", "Встроенного текста интерфейса форм на языке %q нет, поэтому блок ui %q { … } должен задать весь текст. Не хватает: %s."},
	},
	"unknown_index": {
		en: msgText{"Unknown Index", "%q is not an index; write index.NAME."},
		ru: msgText{"Неизвестный индекс", "%q — не индекс; пишите index.ИМЯ."},
	},
}
