package ir

import "strings"

// UIStrings is a survey's own interface text for its forms (buttons,
// validation messages, notices), from its `ui "LANG"` blocks: language →
// key (one of UIKeys) → text. It holds only what the author wrote; a form
// shows it over the built-in text of its language. Respondents read it, so
// it is part of the fingerprint.
type UIStrings map[string]map[string]string

// UIKey is one piece of the forms' interface text.
type UIKey struct {
	Name string
	// Placeholders are what the form fills in, e.g. "{n}" (a number);
	// an author's text must keep every one.
	Placeholders []string
	// Offers: only a survey that carries options forward or has an
	// option's show_if shows it, so only such a survey in a language
	// without built-in text must give it.
	Offers bool
	// Loops: only a survey with loops shows it, so only such a survey
	// in a language without built-in text must give it.
	Loops bool
	// Types: only a survey with a question of one of these types shows
	// it, so only such a survey in a language without built-in text must
	// give it.
	Types []string
}

// UIKeys are every piece of the forms' interface text, in the order of
// render/form/i18n/en.json: the compiler cannot read the renderer's files,
// so the list lives here and a test in render/form keeps the two equal.
var UIKeys = []UIKey{
	{Name: "back"},
	{Name: "next"},
	{Name: "submit"},
	{Name: "review"},
	{Name: "review_note"},
	{Name: "thanks"},
	{Name: "thanks_text"},
	{Name: "progress", Placeholders: []string{"{i}", "{n}"}},
	{Name: "required"},
	{Name: "required_sr"},
	{Name: "matrix_required"},
	{Name: "exclusive"},
	{Name: "min_select", Placeholders: []string{"{n}"}},
	{Name: "max_select", Placeholders: []string{"{n}"}},
	{Name: "other_required"},
	{Name: "min_length", Placeholders: []string{"{n}"}},
	{Name: "max_length", Placeholders: []string{"{n}"}},
	{Name: "pattern"},
	{Name: "email"},
	{Name: "date"},
	{Name: "number"},
	{Name: "integer"},
	{Name: "min", Placeholders: []string{"{n}"}},
	{Name: "max", Placeholders: []string{"{n}"}},
	{Name: "total", Placeholders: []string{"{n}"}, Types: []string{ConstantSum}},
	{Name: "rank_gap", Types: []string{Ranking}},
	{Name: "sending"},
	{Name: "retry", Placeholders: []string{"{n}"}},
	{Name: "refused"},
	{Name: "specify"},
	{Name: "choose"},
	{Name: "honeypot"},
	{Name: "only_if"},
	{Name: "carried", Placeholders: []string{"{q}"}, Offers: true},
	{Name: "carried_not", Placeholders: []string{"{q}"}, Offers: true},
	{Name: "options_if", Offers: true},
	{Name: "loop_only", Placeholders: []string{"{option}"}, Loops: true},
	{Name: "nojs_note"},
}

// UILanguages are the languages the forms have interface text for built
// in (render/form/i18n); a survey in another language gives all of it in
// a ui block.
var UILanguages = []string{"en", "ru"}

// BuiltinUILanguage returns the built-in interface language a form in
// lang speaks: lang itself, or its primary subtag ("ru" for "ru-RU"), or
// "" when there is none.
func BuiltinUILanguage(lang string) string {
	primary, _, _ := strings.Cut(lang, "-")
	for _, l := range UILanguages {
		if l == lang || l == primary {
			return l
		}
	}
	return ""
}
