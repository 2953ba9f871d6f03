package answer_test

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

// cellsSurvey is testdata/surveys/cells.hcl: a matrix_multi (q_tools, a
// box in every row required, at most 2 per row, "none" exclusive), a
// grid of whole numbers 0..10000 (q_agents, every cell required, night
// at most day for the phone) and a grid of dropdowns (q_hours, shown
// when the chat has a bot).
func cellsSurvey(t testing.TB) *ir.Survey {
	t.Helper()
	return testkit.Load(t, "../../testdata/surveys/cells.hcl")
}

// validCells is a complete, correct submission of it, as the form sends
// one: only the ticked boxes, as true.
func validCells(s *ir.Survey) *answer.Submission {
	return &answer.Submission{
		ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "en",
		Answers: map[string]any{
			"q_tools_voice_ivr": true, "q_tools_chat_bot": true, "q_tools_chat_callback": true,
			"q_agents_voice_day": float64(40), "q_agents_voice_night": float64(8),
			"q_agents_chat_day": float64(12), "q_agents_chat_night": float64(0),
			"q_hours_voice_weekdays": "own", "q_hours_chat_weekend": "outsourced",
		},
	}
}

func cellsRecord(t *testing.T, s *ir.Survey, change func(a map[string]any)) []byte {
	t.Helper()
	sub := validCells(s)
	change(sub.Answers)
	raw, err := json.Marshal(sub)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// limitOf is the index of the schema.Limits entry that starts so.
func limitOf(prefix string) int {
	return slices.IndexFunc(schema.Limits, func(l string) bool { return strings.HasPrefix(l, prefix) })
}

// cellCases are Validate's verdicts on changes to validCells, each judged
// alike by schema.json but for the validate rule (the rules and the
// per-row counts of min_select and max_select, which it cannot express,
// are in TestSchemaLimits).
var cellCases = []struct {
	name   string
	change func(a map[string]any)
	want   []string
}{
	{"valid", func(a map[string]any) {}, nil},
	{"a box not ticked sent as false", func(a map[string]any) { a["q_tools_voice_bot"] = false }, nil},
	{"a row with no box ticked", func(a map[string]any) { delete(a, "q_tools_voice_ivr") }, []string{"answers.q_tools.voice:required"}},
	{"a row whose boxes are all false", func(a map[string]any) { a["q_tools_voice_ivr"] = false }, []string{"answers.q_tools.voice:required"}},
	{"a box that is not true or false", func(a map[string]any) { a["q_tools_voice_bot"] = "yes" }, []string{"answers.q_tools_voice_bot:wrong_type"}},
	{"an exclusive box with another", func(a map[string]any) { a["q_tools_voice_none"] = true }, []string{"answers.q_tools.voice:exclusive_combined"}},
	{"the exclusive box alone", func(a map[string]any) { delete(a, "q_tools_voice_ivr"); a["q_tools_voice_none"] = true }, nil},
	{"a box of no row", func(a map[string]any) { a["q_tools_mail_ivr"] = true }, []string{"answers.q_tools_mail_ivr:unknown_field"}},
	{"a cell left empty", func(a map[string]any) { delete(a, "q_agents_chat_night") }, []string{"answers.q_agents_chat_night:required"}},
	{"a cell not a whole number", func(a map[string]any) { a["q_agents_chat_day"] = 2.5 }, []string{"answers.q_agents_chat_day:not_integer"}},
	{"a cell below the minimum", func(a map[string]any) { a["q_agents_chat_day"] = float64(-1) }, []string{"answers.q_agents_chat_day:out_of_range"}},
	{"a cell above the maximum", func(a map[string]any) { a["q_agents_chat_day"] = float64(10001) }, []string{"answers.q_agents_chat_day:out_of_range"}},
	{"a cell as text", func(a map[string]any) { a["q_agents_chat_day"] = "12" }, []string{"answers.q_agents_chat_day:wrong_type"}},
	{"the grid's validate rule broken", func(a map[string]any) { a["q_agents_voice_night"] = float64(41) }, []string{"answers.q_agents:rule"}},
	{"a dropdown cell with no such option", func(a map[string]any) { a["q_hours_voice_weekend"] = "never" }, []string{"answers.q_hours_voice_weekend:unknown_option"}},
	{"a dropdown cell as a number", func(a map[string]any) { a["q_hours_voice_weekend"] = float64(1) }, []string{"answers.q_hours_voice_weekend:wrong_type"}},
	{"a hidden grid answered", func(a map[string]any) { delete(a, "q_tools_chat_bot") }, []string{"answers.q_hours_chat_weekend:not_shown", "answers.q_hours_voice_weekdays:not_shown"}},
	{"a hidden grid left empty", func(a map[string]any) {
		delete(a, "q_tools_chat_bot")
		delete(a, "q_hours_chat_weekend")
		delete(a, "q_hours_voice_weekdays")
	}, nil},
}

// TestValidateCells holds Validate to cellCases and the schema to the
// same verdicts (ajv).
func TestValidateCells(t *testing.T) {
	s := cellsSurvey(t)
	var records [][]byte
	for _, c := range cellCases {
		records = append(records, cellsRecord(t, s, c.change))
	}
	verdicts := ajv(t, s, records)
	for i, c := range cellCases {
		got := goVerdict(s, records[i])
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: opros says %v, want %v", c.name, got, c.want)
		}
		if limited := slices.ContainsFunc(c.want, func(p string) bool { return strings.HasSuffix(p, ":rule") }); limited {
			continue // validate rules are a limit of the schema
		}
		if (len(c.want) == 0) != (len(verdicts[i]) == 0) {
			t.Errorf("%s: opros says %v, the schema says %v", c.name, c.want, verdicts[i])
		}
	}
}

// TestCellsSchemaAgrees: simulated answers of cells.hcl are valid to opros
// and the schema, and mutants of them (the generic ones, and each box
// and cell left out, null, false, given a wrong type or another's value)
// are judged alike.
func TestCellsSchemaAgrees(t *testing.T) {
	s := cellsSurvey(t)
	records := simulated(t, t.TempDir(), s, 300)
	for _, raw := range records {
		if errs := goVerdict(s, raw); len(errs) > 0 {
			t.Fatalf("simulate made an invalid answer %v:\n%s", errs, raw)
		}
	}
	muts := mutants(t, s, records, 20)
	for i := 0; i < 20 && i < len(records); i++ {
		for _, v := range s.Vars {
			for _, val := range []any{nil, true, false, "x", float64(3), 2.5, "own"} {
				var m map[string]any
				if err := json.Unmarshal(records[i], &m); err != nil {
					t.Fatal(err)
				}
				a, _ := m["answers"].(map[string]any)
				if a == nil {
					a = map[string]any{}
					m["answers"] = a
				}
				a[v.Name] = val
				raw, _ := json.Marshal(m)
				muts = append(muts, raw)
				delete(a, v.Name)
				raw, _ = json.Marshal(m)
				muts = append(muts, raw)
			}
		}
	}
	verdicts := ajv(t, s, append(slices.Clip(records), muts...))
	for i, v := range verdicts[:len(records)] {
		if len(v) > 0 {
			t.Fatalf("schema rejects a valid simulated answer: %v\n%s", v, records[i])
		}
	}
	// A row's count of ticks beyond max_select and the grid's validate
	// rule are limits of the schema.
	var kept [][]byte
	var keptVerdicts [][]string
	for i, raw := range muts {
		if slices.ContainsFunc(goVerdict(s, raw), func(p string) bool {
			return strings.HasSuffix(p, ":too_many") || strings.HasSuffix(p, ":too_few") || strings.HasSuffix(p, ":rule")
		}) {
			continue
		}
		kept = append(kept, raw)
		keptVerdicts = append(keptVerdicts, verdicts[len(records)+i])
	}
	schemaAgreesWith(t, "mutants", s, kept, keptVerdicts)
}

// TestCellValue: a matrix_multi's box reads true when ticked, false when
// another box of its row is, and as no value when none of the row is, in
// the expressions of the collector and ingest (EnvOf) as in the data; a
// grid's cell reads as given.
func TestCellValue(t *testing.T) {
	s := cellsSurvey(t)
	sub := validCells(s)
	env := answer.EnvOf(s, sub)
	for ref, want := range map[string]any{
		"q_tools.voice.ivr": true, "q_tools.voice.bot": false, "q_tools.chat.ivr": false, "q_tools.chat.bot": true,
		"q_agents.voice.night": float64(8), "q_hours.chat.weekend": "outsourced", "q_hours.chat.weekdays": nil,
	} {
		if got := env(ref); got != want {
			t.Errorf("%s = %v, want %v", ref, got, want)
		}
	}
	delete(sub.Answers, "q_tools_voice_ivr")
	if got := env("q_tools.voice.bot"); got != nil {
		t.Errorf("a box of a row with none ticked = %v, want no value", got)
	}
}

// TestDecodeFormCells reads the cells as the form without JavaScript
// posts them (TestBrowserCellsWithoutJavaScript): a ticked box's "true",
// a number cell's digits (a comma as the decimal point), a dropdown
// cell's code; a box not ticked and a cell left empty are not answers.
func TestDecodeFormCells(t *testing.T) {
	s := cellsSurvey(t)
	sub := answer.DecodeForm(url.Values{
		"_response_id": {"r-0123456789abcdef"}, "_survey": {"cells"}, "_lang": {"en"},
		"q_tools_voice_ivr": {"true"}, "q_tools_chat_bot": {"true"}, "q_tools_chat_callback": {"true"},
		"q_agents_voice_day": {"40"}, "q_agents_voice_night": {"8"}, "q_agents_chat_day": {"12"}, "q_agents_chat_night": {"0"},
		"q_hours_voice_weekdays": {"own"}, "q_hours_voice_weekend": {""},
	}, s)
	want := map[string]any{"q_tools_voice_ivr": true, "q_tools_chat_bot": true, "q_tools_chat_callback": true,
		"q_agents_voice_day": 40.0, "q_agents_voice_night": 8.0, "q_agents_chat_day": 12.0, "q_agents_chat_night": 0.0,
		"q_hours_voice_weekdays": "own"}
	if len(sub.Answers) != len(want) {
		t.Errorf("read %v, want %v", sub.Answers, want)
	}
	for k, v := range want {
		if sub.Answers[k] != v {
			t.Errorf("%s = %v, want %v", k, sub.Answers[k], v)
		}
	}
	if errs := answer.Validate(s, sub); len(errs) > 0 {
		t.Errorf("the form's post is refused: %v", errs)
	}
}

// TestBoxRules: a validate rule of a question of boxes (inputs here) is
// checked once a box has a value, as a grid's is; before, such rules
// were never checked, by Validate or by form.js.
func TestBoxRules(t *testing.T) {
	s, diags := compiler.New().LoadSource("r.hcl", []byte(`
survey "r" {
  title = "R"
  endpoint {
    url = "https://example.org/c"
  }
}
page "p" {
  title = "P"
  question "q_staff" {
    type  = "inputs"
    input = "number"
    text  = "Agents"
    item "voice" {
      label = "Phone"
    }
    item "chat" {
      label = "Chat"
    }
    validate {
      must    = q_staff.chat <= q_staff.voice
      message = "No more in chat than on the phone."
    }
  }
}
`))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	for _, c := range []struct {
		answers map[string]any
		want    []string
	}{
		{map[string]any{"q_staff_voice": 5.0, "q_staff_chat": 2.0}, nil},
		{map[string]any{"q_staff_voice": 1.0, "q_staff_chat": 2.0}, []string{"answers.q_staff:rule"}},
		{map[string]any{}, nil}, // not answered: the rule does not apply
	} {
		sub := &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: "r", Lang: "en", Answers: c.answers}
		var got []string
		for _, e := range answer.Validate(s, sub) {
			got = append(got, e.Field+":"+e.Code)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: %v, want %v", c.answers, got, c.want)
		}
	}
}
