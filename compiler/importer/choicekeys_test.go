package importer_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/importer"
)

// TestChoiceKeysListed: a SurveyJS choice is its value and text; whatever
// else one says (its own visibleIf, enableIf, an image) is listed as
// dropped at its JSON path, never passed over in silence.
func TestChoiceKeysListed(t *testing.T) {
	src := `{"pages": [{"name": "p", "elements": [{"type": "radiogroup", "name": "a", "choices": [
		{"value": "x", "text": "X", "visibleIf": "{b} = 1", "imageLink": "x.png"}, "y", {"value": "z", "text": "Z"}]}]}]}`
	res, err := importer.SurveyJS("choices.json", strings.NewReader(src), options)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range res.Dropped {
		got = append(got, it.Place.Path)
	}
	want := []string{"pages[0].elements[0].choices[0].imageLink", "pages[0].elements[0].choices[0].visibleIf"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s is not listed as dropped: %q", w, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("dropped %q, want only %q", got, want)
	}
}
