package answer_test

import (
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

// everyConstruct is testdata/surveys/every-construct.hcl, the survey with
// every question type; the question types added for #19 are checked on it.
func everyConstruct(t testing.TB) *ir.Survey {
	t.Helper()
	return testkit.Load(t, "../../testdata/surveys/every-construct.hcl")
}

// typeCases change one answer of a valid submission of every-construct
// and list the problems Validate (and the published schema) must report.
var typeCases = []struct {
	name   string
	change func(a map[string]any)
	want   []string
}{
	{"valid", func(map[string]any) {}, nil},
	{"boolean false, so the follow-up is not shown", func(a map[string]any) { a["q_bool"] = false; delete(a, "q_bool_labels") }, nil},
	{"boolean answered when not shown", func(a map[string]any) { a["q_bool"] = false }, []string{"answers.q_bool_labels:not_shown"}},
	{"boolean required", func(a map[string]any) { delete(a, "q_bool"); delete(a, "q_bool_labels") }, []string{"answers.q_bool:required"}},
	{"boolean as text", func(a map[string]any) { a["q_bool_labels"] = "true" }, []string{"answers.q_bool_labels:wrong_type"}},
	{"boolean as a number", func(a map[string]any) { a["q_bool_labels"] = float64(1) }, []string{"answers.q_bool_labels:wrong_type"}},
	{"optional boolean left out", func(a map[string]any) { delete(a, "q_bool_labels") }, nil},

	// inputs: each box its own key
	{"inputs box missing", func(a map[string]any) { delete(a, "q_agents_chat"); delete(a, "q_contact_name") }, []string{"answers.q_agents_chat:required"}},
	{"inputs number as text", func(a map[string]any) { a["q_agents_voice"] = "12" }, []string{"answers.q_agents_voice:wrong_type"}},
	{"inputs number not whole", func(a map[string]any) { a["q_agents_voice"] = 1.5 }, []string{"answers.q_agents_voice:not_integer"}},
	{"inputs number above max", func(a map[string]any) { a["q_agents_voice"] = float64(10001) }, []string{"answers.q_agents_voice:out_of_range"}},
	{"inputs text too long", func(a map[string]any) { a["q_contact_role"] = strings.Repeat("я", 101) }, []string{"answers.q_contact_role:too_long"}},
	{"inputs text as a number", func(a map[string]any) { a["q_contact_role"] = float64(1) }, []string{"answers.q_contact_role:wrong_type"}},
	{"optional inputs box left out", func(a map[string]any) { delete(a, "q_contact_role") }, nil},
	{"inputs hidden by a box's value", func(a map[string]any) { a["q_agents_chat"] = float64(0) }, []string{"answers.q_contact_name:not_shown"}},
	{"inputs hidden, left out", func(a map[string]any) { a["q_agents_chat"] = float64(0); delete(a, "q_contact_name") }, nil},
	// constant_sum: every box or none, adding up to the total
	{"sum missing", func(a map[string]any) {
		delete(a, "q_share_voice")
		delete(a, "q_share_chat")
		delete(a, "q_share_mail")
	},
		[]string{"answers.q_share_voice:required", "answers.q_share_chat:required", "answers.q_share_mail:required"}},
	{"sum box left empty", func(a map[string]any) { delete(a, "q_share_mail") }, []string{"answers.q_share_mail:required"}},
	// A sum off its total: TestSchemaLimits (the schema cannot say it).

	// ranking: whole ranks 1..rank per item
	{"rank above the ranked count", func(a map[string]any) { a["q_priorities_reach"] = float64(4) }, []string{"answers.q_priorities_reach:out_of_range"}},
	{"rank not whole", func(a map[string]any) { a["q_priorities_reach"] = 2.5 }, []string{"answers.q_priorities_reach:not_integer"}},
	{"rank as text", func(a map[string]any) { a["q_priorities_reach"] = "3" }, []string{"answers.q_priorities_reach:wrong_type"}},
	// Twice the same rank, gaps and too few ranks: TestSchemaLimits.
	{"sum of a negative box", func(a map[string]any) { a["q_share_voice"] = float64(110); a["q_share_chat"] = float64(-10) }, []string{"answers.q_share_chat:out_of_range"}},
	{"sum of fractions", func(a map[string]any) { a["q_share_voice"] = 59.5; a["q_share_chat"] = 40.5 }, []string{"answers.q_share_voice:not_integer", "answers.q_share_chat:not_integer"}},
	{"the question's own id is not a key", func(a map[string]any) { a["q_agents"] = "12" }, []string{"answers.q_agents:unknown_field"}},
}

func validEvery(s *ir.Survey) *answer.Submission {
	return &answer.Submission{
		ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "en",
		Hidden: map[string]string{"company": "acme"},
		Answers: map[string]any{
			"q_single": "a", "q_nps": float64(9),
			"q_bool": true, "q_bool_labels": false,
			"q_agents_voice": float64(12), "q_agents_chat": float64(3), "q_contact_name": "Ann",
			"q_share_voice": float64(60), "q_share_chat": float64(40), "q_share_mail": float64(0),
			"q_priorities_speed": float64(1), "q_priorities_cost": float64(2), "q_priorities_reach": float64(3),
		},
	}
}

// everyRecord is a valid submission of every-construct as JSON, changed.
func everyRecord(t *testing.T, s *ir.Survey, change func(a map[string]any)) []byte {
	t.Helper()
	sub := validEvery(s)
	change(sub.Answers)
	raw, err := json.Marshal(sub)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestValidateTypes holds Validate and schema.json to typeCases.
func TestValidateTypes(t *testing.T) {
	s := everyConstruct(t)
	var records [][]byte
	for _, c := range typeCases {
		sub := validEvery(s)
		c.change(sub.Answers)
		var got []string
		for _, e := range answer.Validate(s, sub) {
			got = append(got, e.Field+":"+e.Code)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
		raw, err := json.Marshal(sub)
		if err != nil {
			t.Fatal(err)
		}
		records = append(records, raw)
	}
	for i, v := range ajv(t, s, records) {
		if c := typeCases[i]; (len(c.want) == 0) != (len(v) == 0) {
			t.Errorf("%s: opros says %v, the schema says %v", c.name, c.want, v)
		}
	}
}

// TestDecodeFormTypes reads what the form without JavaScript posts for the
// new types: a boolean's radio buttons send "true" or "false", and any
// other value stays text for Validate to refuse by name, instead of
// reading as "no".
func TestDecodeFormTypes(t *testing.T) {
	s := everyConstruct(t)
	base := url.Values{"_response_id": {"r-0123456789abcdef"}, "_survey": {s.ID}, "_version": {s.Hash}, "_lang": {"en"},
		"_hidden.company": {"acme"}, "q_single": {"a"}, "q_nps": {"9"}, "q_agents_voice": {"12"}, "q_agents_chat": {"0"},
		"q_share_voice": {"100"}, "q_share_chat": {"0"}, "q_share_mail": {"0"},
		"q_priorities_cost": {"1"}, "q_priorities_speed": {"2"}, "q_priorities_quality": {"3"}, "q_priorities_reach": {""}}
	for _, tc := range []struct {
		post map[string]string
		want map[string]any
		errs []string
	}{
		{map[string]string{"q_bool": "true", "q_bool_labels": "false"}, map[string]any{"q_bool": true, "q_bool_labels": false, "q_agents_voice": 12.0, "q_agents_chat": 0.0}, nil},
		{map[string]string{"q_bool": "false"}, map[string]any{"q_bool": false, "q_agents_voice": 12.0, "q_agents_chat": 0.0}, nil},
		{map[string]string{"q_bool": "ja"}, map[string]any{"q_bool": "ja", "q_agents_voice": 12.0, "q_agents_chat": 0.0}, []string{"answers.q_bool:wrong_type"}},
		{map[string]string{"q_bool": ""}, map[string]any{"q_agents_voice": 12.0, "q_agents_chat": 0.0}, []string{"answers.q_bool:required"}},
		{map[string]string{"q_bool": "true", "q_agents_voice": "1,5", "q_agents_chat": "x"}, map[string]any{"q_bool": true, "q_agents_voice": 1.5, "q_agents_chat": "x"},
			[]string{"answers.q_agents_voice:not_integer", "answers.q_agents_chat:wrong_type"}},
	} {
		v := url.Values{}
		for k, x := range base {
			v[k] = x
		}
		for k, x := range tc.post {
			v.Set(k, x)
		}
		sub := answer.DecodeForm(v, s)
		got := map[string]any{}
		for _, k := range []string{"q_bool", "q_bool_labels", "q_agents_voice", "q_agents_chat"} {
			if x, ok := sub.Answers[k]; ok {
				got[k] = x
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v decoded as %v, want %v", tc.post, got, tc.want)
		}
		var errs []string
		for _, e := range answer.Validate(s, sub) {
			errs = append(errs, e.Field+":"+e.Code)
		}
		if !slices.Equal(errs, tc.errs) {
			t.Errorf("%v: %v, want %v", tc.post, errs, tc.errs)
		}
	}
}
