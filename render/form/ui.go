package form

import (
	"embed"
	"maps"
	"slices"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

//go:embed i18n/*.json
var i18nFS embed.FS

// uiStrings is the form's built-in interface text by language (en, ru:
// ir.UILanguages), i18n/*.json.
var uiStrings = func() map[string]map[string]string {
	en, err := i18nFS.ReadFile("i18n/en.json")
	if err != nil {
		panic(err)
	}
	ru, err := i18nFS.ReadFile("i18n/ru.json")
	if err != nil {
		panic(err)
	}
	t, err := localize.LoadTable(en, ru)
	if err != nil {
		panic("form: i18n: " + err.Error())
	}
	return map[string]map[string]string{"en": t.Lang("en"), "ru": t.Lang("ru")}
}()

// uiText is the interface text of a form in lang: the built-in text of
// lang or of its primary subtag ("ru" for "ru-RU"), English when there is
// none, with the survey's own (its ui blocks) over it. The compiler makes
// a survey in a language without built-in text give every key, so English
// shows through only in an IR built by hand.
func uiText(s *ir.Survey, lang string) map[string]string {
	base, ok := uiStrings[ir.BuiltinUILanguage(lang)]
	if !ok {
		base = uiStrings["en"]
	}
	ui := maps.Clone(base)
	maps.Copy(ui, s.UI[lang])
	// A text only some question types show (ir.UIKey.Types) is left out
	// of a survey without them, which need not give it in its language.
	for _, k := range ir.UIKeys {
		if len(k.Types) > 0 && !hasType(s, k.Types) {
			delete(ui, k.Name)
		}
	}
	return ui
}

// hasType reports whether a survey has a question of one of the types.
func hasType(s *ir.Survey, types []string) bool {
	for _, q := range s.Questions() {
		if slices.Contains(types, q.Type) {
			return true
		}
	}
	return false
}

// BuiltinText is a copy of the forms' built-in interface text in lang
// (ir.UILanguages), nil for another language. opros import writes the
// English one into the ui block of a language the forms have none for.
func BuiltinText(lang string) map[string]string { return maps.Clone(uiStrings[lang]) }
