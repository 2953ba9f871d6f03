package form

import (
	"embed"
	"encoding/json"
	"maps"
	"strings"

	"github.com/opros/opros/compiler/ir"
)

//go:embed i18n/*.json
var i18nFS embed.FS

// uiStrings is the form's built-in interface text by language (en, ru:
// ir.UILanguages).
var uiStrings = func() map[string]map[string]string {
	out := map[string]map[string]string{}
	entries, _ := i18nFS.ReadDir("i18n")
	for _, e := range entries {
		raw, err := i18nFS.ReadFile("i18n/" + e.Name())
		if err != nil {
			panic(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(raw, &m); err != nil {
			panic("form: " + e.Name() + ": " + err.Error())
		}
		out[strings.TrimSuffix(e.Name(), ".json")] = m
	}
	return out
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
	own := s.UI[lang]
	if len(own) == 0 {
		return base
	}
	ui := maps.Clone(base)
	maps.Copy(ui, own)
	return ui
}

// BuiltinText is a copy of the forms' built-in interface text in lang
// (ir.UILanguages), nil for another language. opros import writes the
// English one into the ui block of a language the forms have none for.
func BuiltinText(lang string) map[string]string { return maps.Clone(uiStrings[lang]) }
