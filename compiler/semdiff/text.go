package semdiff

import "fmt"

// reasons is the catalogue of what a change means, by Change.Kind: a fmt
// format over the arguments Diff gives, in English (Change.Reason, what
// JSON and ingest see) and in Russian (WriteText for a Russian reader). A
// Russian format may take the arguments in another order (%[2]q).
// TestReasons checks that every kind Diff reports is here in both
// languages with the same arguments.
var reasons = map[string]struct{ en, ru string }{
	"question_added": {"New question %q; earlier waves have no answers to it.",
		"Новый вопрос %q; в прежних волнах ответов на него нет."},
	"type_changed": {"The question changed from %s to %s; answers are not comparable.",
		"Тип вопроса сменился с %s на %s; ответы несопоставимы."},
	"question_moved": {"The question moved from page %q to page %q; context effects may shift answers.",
		"Вопрос перенесён со страницы %q на страницу %q; из-за другого контекста ответы могут сместиться."},
	"question_reworded": {"The question text changed (%s): %q → %q.",
		"Текст вопроса изменился (%s): %q → %q."},
	"show_if_changed": {"Who is asked changed (show_if %q → %q); the answering population differs.",
		"Изменилось, кому задаётся вопрос (show_if %q → %q); отвечают другие люди."},
	"required_changed": {"required changed from %v to %v; response rates to it will differ.",
		"required изменился с %v на %v; доля ответивших на вопрос будет другой."},
	"question_removed": {"The question %q was removed; its trend ends with the old version.",
		"Вопрос %q удалён; его динамика заканчивается на прежней версии."},
	"option_added": {"New option %q (%s); shares of the other options are not comparable with earlier waves.",
		"Новый вариант %q (%s); доли остальных вариантов несопоставимы с прежними волнами."},
	"option_reworded": {"The label of %q changed: %q → %q.",
		"Подпись варианта %q изменилась: %q → %q."},
	"option_missing_changed": {"Option %q is now %s; scores are computed over a different base.",
		"Вариант %q теперь %s; баллы считаются по другой базе."},
	"option_score_changed": {"The score of option %q changed; block and index scores are not comparable.",
		"Балл варианта %q изменился; баллы блоков и индексов несопоставимы."},
	"option_removed": {"Option %q was removed; answers recorded with it cannot be mapped to the new version.",
		"Вариант %q удалён; ответы с ним нельзя перенести в новую версию."},
	"scale_changed": {"The scale changed from %d..%d to %d..%d; answers are not comparable.",
		"Шкала изменилась с %d..%d на %d..%d; ответы несопоставимы."},
	"scale_relabelled": {"The scale's labels changed; respondents may read the points differently.",
		"Подписи шкалы изменились; респонденты могут понимать её точки иначе."},
	"boolean_relabelled": {"The labels of yes and no changed (%s): %q/%q → %q/%q; respondents may read them differently.",
		"Подписи «да» и «нет» изменились (%s): %q/%q → %q/%q; респонденты могут понимать их иначе."},
	"row_added": {"New matrix row %q.",
		"Новая строка матрицы %q."},
	"row_removed": {"Matrix row %q was removed; its trend ends.",
		"Строка матрицы %q удалена; её динамика заканчивается."},
	"index_added": {"New index %q.",
		"Новый индекс %q."},
	"index_changed": {"The definition of index %q changed; its values are not comparable across the change.",
		"Определение индекса %q изменилось; его значения до и после изменения несопоставимы."},
	"index_removed": {"The index %q was removed.",
		"Индекс %q удалён."},
	"block_added": {"New block %q.",
		"Новый блок %q."},
	"block_changed": {"The items or weights of block %q changed; its scores are not comparable.",
		"Пункты или веса блока %q изменились; его баллы несопоставимы."},
	"block_removed": {"The block %q was removed.",
		"Блок %q удалён."},
	"participant_changed": {"Participants are now identified by %q, not %q: every participant's figures and ranks change.",
		"Участники теперь определяются по %q, а не по %q: показатели и места всех участников изменятся."},
	"unit_changed": {"The unit of analysis is now %s (was %s): peer figures, their suppression and which submissions count change.",
		"Единица анализа теперь %s (была %s): меняются показатели группы, их скрытие и то, какие анкеты учитываются."},
	"segments_changed": {"The breakdowns are now %v (were %v).",
		"Разбивки теперь %v (были %v)."},
	"weight_changed": {"The weight is now %q (was %q): every weighted figure changes.",
		"Вес теперь %q (был %q): все взвешенные показатели изменятся."},
	"margins_changed": {"The raking margins changed (now %s; were %s): every weighted figure changes.",
		"Целевые доли перевзвешивания изменились (теперь %s; были %s): все взвешенные показатели изменятся."},
	"suppression_changed": {"Suppression is now below %d respondents and %d participants (was %d and %d): groups shown or hidden change.",
		"Скрываются теперь группы меньше %d респондентов и %d участников (было %d и %d): набор показанных групп изменится."},
	"invitations_added": {"Answers now come through signed invitations (%s): a form opened without one is refused or marked, and response rates can be computed from this version on.",
		"Ответы теперь принимаются по подписанным приглашениям (%s): ответ без приглашения отклоняется или помечается, а долю ответивших можно считать начиная с этой версии."},
	"invitations_removed": {"Answers no longer need invitations (was %s): they are not checked, each counts, and response rates end with the previous version.",
		"Приглашения больше не нужны (было %s): ответы не проверяются, учитывается каждый, а доля ответивших считается только до этой версии."},
	"invitations_changed": {"The invitation rule is now %s (was %s): which answers are taken and which count change.",
		"Правило приглашений теперь %s (было %s): меняется, какие ответы принимаются и какие учитываются."},
	"ui_changed": {"The forms' own interface text in %q changed (%s); answers stay comparable.",
		"Собственный текст интерфейса форм на языке %q изменён (%s); ответы остаются сопоставимыми."},
	"flow_changed": {"The form's steps are now %s (were %s); answers stay comparable.",
		"Шаги формы теперь: %s (были: %s); ответы остаются сопоставимыми."},
}

// wording is what WriteText prints in a language. English shows the
// severities and kinds as JSON has them; Russian names them in words, so a
// line reads in one language. The columns are as wide as the language's
// longest severity and kind (TestReasons holds every label within them).
type wording struct {
	noChanges, totals string
	severity, kind    map[string]string // by Change.Severity, Change.Kind; nil: as in JSON
	widths            [3]int            // severity, kind, where
}

var textWords = map[string]wording{
	"en": {noChanges: "No changes.", totals: "%d breaking, %d caution, %d compatible.", widths: [3]int{10, 22, 20}},
	"ru": {noChanges: "Изменений нет.", totals: "Итого: несопоставимо — %d, внимание — %d, совместимо — %d.",
		severity: map[string]string{Breaking: "несопоставимо", Caution: "внимание", Compatible: "совместимо"},
		kind:     kindsRU, widths: [3]int{13, 25, 20}},
}

// kindsRU names every Change.Kind in Russian.
var kindsRU = map[string]string{
	"question_added":         "вопрос добавлен",
	"type_changed":           "тип вопроса изменён",
	"question_moved":         "вопрос перенесён",
	"question_reworded":      "текст вопроса изменён",
	"show_if_changed":        "show_if изменён",
	"required_changed":       "required изменён",
	"question_removed":       "вопрос удалён",
	"option_added":           "вариант добавлен",
	"option_reworded":        "подпись варианта изменена",
	"option_missing_changed": "missing варианта изменён",
	"option_score_changed":   "балл варианта изменён",
	"option_removed":         "вариант удалён",
	"scale_changed":          "шкала изменена",
	"scale_relabelled":       "подписи шкалы изменены",
	"boolean_relabelled":     "подписи да/нет изменены",
	"row_added":              "строка добавлена",
	"row_removed":            "строка удалена",
	"index_added":            "индекс добавлен",
	"index_changed":          "индекс изменён",
	"index_removed":          "индекс удалён",
	"block_added":            "блок добавлен",
	"block_changed":          "блок изменён",
	"block_removed":          "блок удалён",
	"participant_changed":    "participant изменён",
	"unit_changed":           "единица анализа изменена",
	"segments_changed":       "разбивки изменены",
	"weight_changed":         "вес изменён",
	"margins_changed":        "целевые доли изменены",
	"suppression_changed":    "скрытие групп изменено",
	"invitations_added":      "приглашения добавлены",
	"invitations_removed":    "приглашения удалены",
	"invitations_changed":    "приглашения изменены",
	"ui_changed":             "текст интерфейса изменён",
	"flow_changed":           "шаги формы изменены",
}

// word is a severity or kind as names has it: its translation, or the
// JSON name itself when there is none (English, or a kind unknown to a
// Report read from elsewhere).
func word(names map[string]string, id string) string {
	if t, ok := names[id]; ok {
		return t
	}
	return id
}

// text is the change's reason in lang; a change Diff did not make (read
// from JSON, say) has only its English Reason.
func (c Change) text(lang string) string {
	if c.args == nil {
		return c.Reason
	}
	return reason(c.Kind, lang, c.args)
}

// reason is the text of a change of kind in lang.
func reason(kind, lang string, args []any) string {
	format := reasons[kind].en
	if lang == "ru" {
		format = reasons[kind].ru
	}
	out := make([]any, len(args))
	for i, a := range args {
		if l, ok := a.(localized); ok {
			out[i] = l.in(lang)
		} else {
			out[i] = a
		}
	}
	return fmt.Sprintf(format, out...)
}

// localized is an argument of a reason that is itself text.
type localized interface{ in(lang string) string }

// optional is a setting that may be unset ("none").
type optional string

func (o optional) in(lang string) string {
	switch {
	case o != "":
		return string(o)
	case lang == "ru":
		return "нет"
	}
	return "none"
}

// missingState says how an option now counts.
type missingState bool

func (m missingState) in(lang string) string {
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
