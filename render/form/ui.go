package form

import (
	"embed"
	"encoding/json"
	"strings"
)

//go:embed i18n/*.json
var i18nFS embed.FS

// uiStrings is the form's interface text by language (en, ru); a survey in
// another language gets English interface text around its own content.
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
