package importer

import (
	"strings"
	"testing"
)

// A form whose labels name no language is taken as English, and the
// import says so: the researcher may have written it in another.
func TestDefaultLanguageSaid(t *testing.T) {
	res, err := xlsform("f.xlsx", map[string][][]string{
		"survey": {{"type", "name", "label"}, {"text", "q", "Ваше мнение"}},
	}, Options{EnglishUI: englishUI})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Source), `languages = ["en"]`) {
		t.Errorf("not English:\n%s", res.Source)
	}
	var said bool
	for _, it := range res.Changed {
		said = said || strings.Contains(it.String("en"), "no default_language setting: the columns without a language are taken as en")
	}
	if !said {
		t.Errorf("the language taken is not said: %v", res.Changed)
	}
}
