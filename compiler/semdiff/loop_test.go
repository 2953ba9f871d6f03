package semdiff_test

import (
	"os"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/semdiff"
)

// TestDiffLoop: on render/form/testdata/loop.hcl, an option added to the
// loop's source adds an iteration (its questions are new), one removed
// removes one (breaking: its questions' trend ends), and a loop that
// repeats over another question asks every iteration of other people
// (breaking), which nothing else in the diff would say: the questions'
// own texts and conditions are the same.
func TestDiffLoop(t *testing.T) {
	raw, err := os.ReadFile("../../render/form/testdata/loop.hcl")
	if err != nil {
		t.Fatal(err)
	}
	base := string(raw)
	social := "    option \"social\" {\n      label = { en = \"Social media\", ru = \"Соцсети\" }\n    }\n"
	video := "    option \"video\" {\n      label = { en = \"Video\", ru = \"Видео\" }\n    }\n"
	phone := "    option \"phone\" {\n      label = { en = \"Phone\", ru = \"Телефон\" }\n    }\n"
	other := "page \"more\" {\n  question \"q_other_channels\" {\n    type = \"multi\"\n    text = { en = \"Which others?\", ru = \"Какие ещё?\" }\n" + phone + social + "  }\n}\n\nloop"
	for _, tc := range []struct {
		name, from, to string
		want           []string // "severity kind question/code", loop kinds only
		all            int      // changes in all
	}{
		{"option added", social, social + video, []string{"compatible loop_iteration_added q_channels/video"}, 4},
		{"option removed", social, "", []string{"breaking loop_iteration_removed q_channels/social"}, 4},
		{"source changed", "loop \"per_channel\" {\n  over = q_channels", strings.Replace(other, "loop", "loop \"per_channel\" {\n  over = q_other_channels", 1), []string{"breaking loop_source_changed "}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			newSrc := strings.Replace(base, tc.from, tc.to, 1)
			if newSrc == base {
				t.Fatal("replacement did not apply")
			}
			r := semdiff.Diff(compile(t, base), compile(t, newSrc))
			var got []string
			for _, c := range r.Changes {
				if strings.HasPrefix(c.Kind, "loop_") {
					got = append(got, c.Severity+" "+c.Kind+" "+c.Question+map[bool]string{true: "/" + c.Code, false: ""}[c.Code != ""])
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if tc.all > 0 && len(r.Changes) != tc.all {
				t.Errorf("%d changes, want %d: %+v", len(r.Changes), tc.all, r.Changes)
			}
			if !r.Breaking() && strings.HasPrefix(tc.want[0], "breaking") {
				t.Error("not breaking")
			}
		})
	}
}
