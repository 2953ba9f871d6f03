package answer_test

import (
	"encoding/json"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

func alltypes(t testing.TB) *ir.Survey {
	t.Helper()
	s := testkit.Load(t, "../../render/form/testdata/alltypes.hcl")
	return s
}

// valid is a complete, correct submission of the every-type survey.
func valid(s *ir.Survey) *answer.Submission {
	return &answer.Submission{
		ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "en",
		Hidden:    map[string]string{"company": "acme"},
		StartedAt: "2026-03-01T10:00:00Z", SubmittedAt: "2026-03-01T10:05:00.5+03:00",
		Answers: map[string]any{
			"q_single": "other", "q_single_other": "mine",
			"q_multi": []string{"x", "y"}, "q_follow": "because",
			"q_drop":   "d2",
			"q_matrix": map[string]string{"r1": "yes", "r2": "na"},
			"q_nps":    float64(9), "q_likert": float64(5), "q_rating": float64(1), "q_scale": float64(0),
			"q_statement": "l2",
			"q_text":      "123", "q_long": "ok", "q_number": float64(10),
			"q_email": "a@b.ru", "q_date": "2026-02-28",
		},
	}
}

// validateCases change one thing at a time in a valid submission and list
// exactly the problems that must be reported, as field:code. TestValidate
// holds Validate to them, TestSchemaAgreesOnRejectionTable the published
// schema.json.
var validateCases = []struct {
	name   string
	change func(sub *answer.Submission)
	want   []string
}{
	{"valid", func(*answer.Submission) {}, nil},
	{"response id too short", func(x *answer.Submission) { x.ResponseID = "abc" }, []string{"response_id:bad_response_id"}},
	{"response id with a space", func(x *answer.Submission) { x.ResponseID = "r 0123456789abcdef" }, []string{"response_id:bad_response_id"}},
	{"other survey", func(x *answer.Submission) { x.Survey = "x" }, []string{"survey:wrong_survey"}},
	{"unknown language", func(x *answer.Submission) { x.Lang = "de" }, []string{"lang:unknown_language"}},
	{"bad time", func(x *answer.Submission) { x.SubmittedAt = "yesterday" }, []string{"submitted_at:bad_time"}},
	{"unknown hidden fields, in order", func(x *answer.Submission) { x.Hidden["zz"] = "1"; x.Hidden["aa"] = "2" },
		[]string{"hidden.aa:unknown_field", "hidden.zz:unknown_field"}},
	{"hidden too long", func(x *answer.Submission) { x.Hidden["company"] = strings.Repeat("я", 201) }, []string{"hidden.company:too_long"}},
	{"unknown answer", func(x *answer.Submission) { x.Answers["q_nope"] = "1" }, []string{"answers.q_nope:unknown_field"}},

	// single, dropdown, statements
	{"single missing", func(x *answer.Submission) { delete(x.Answers, "q_single"); delete(x.Answers, "q_single_other") }, []string{"answers.q_single:required"}},
	{"single unknown code", func(x *answer.Submission) { x.Answers["q_single"] = "c"; delete(x.Answers, "q_single_other") }, []string{"answers.q_single:unknown_option"}},
	{"single as a list", func(x *answer.Submission) { x.Answers["q_single"] = []string{"a"}; delete(x.Answers, "q_single_other") }, []string{"answers.q_single:wrong_type"}},
	{"other text without other", func(x *answer.Submission) { x.Answers["q_single"] = "a" }, []string{"answers.q_single_other:other_without_option"}},
	{"other text not text", func(x *answer.Submission) { x.Answers["q_single_other"] = float64(1) }, []string{"answers.q_single_other:wrong_type"}},
	{"dropdown unknown", func(x *answer.Submission) { x.Answers["q_drop"] = "d3" }, []string{"answers.q_drop:unknown_option"}},
	{"statement unknown", func(x *answer.Submission) { x.Answers["q_statement"] = "l9" }, []string{"answers.q_statement:unknown_option"}},

	// multi
	{"multi too many", func(x *answer.Submission) { x.Answers["q_multi"] = []string{"x", "y", "z"} }, []string{"answers.q_multi:too_many"}},
	{"multi exclusive combined", func(x *answer.Submission) { x.Answers["q_multi"] = []string{"x", "none"} }, []string{"answers.q_multi:exclusive_combined"}},
	{"multi duplicate", func(x *answer.Submission) { x.Answers["q_multi"] = []string{"x", "x"} }, []string{"answers.q_multi:duplicate_option"}},
	{"multi empty but required", func(x *answer.Submission) { x.Answers["q_multi"] = []string{}; delete(x.Answers, "q_follow") }, []string{"answers.q_multi:required"}},
	{"multi as a string", func(x *answer.Submission) { x.Answers["q_multi"] = "x" }, []string{"answers.q_multi:wrong_type"}},

	// show_if
	{"answer to a hidden question", func(x *answer.Submission) { x.Answers["q_multi"] = []string{"y"} }, []string{"answers.q_follow:not_shown"}},
	{"hidden page answered", func(x *answer.Submission) {
		x.Answers["q_single"] = "b"
		delete(x.Answers, "q_single_other")
	}, []string{"answers.q_text:not_shown", "answers.q_long:not_shown", "answers.q_number:not_shown", "answers.q_email:not_shown", "answers.q_date:not_shown"}}, // form order

	// matrix
	{"matrix row missing", func(x *answer.Submission) { x.Answers["q_matrix"] = map[string]string{"r1": "yes"} }, []string{"answers.q_matrix.r2:required"}},
	{"matrix unknown code", func(x *answer.Submission) { x.Answers["q_matrix"] = map[string]string{"r1": "yes", "r2": "maybe"} }, []string{"answers.q_matrix.r2:unknown_option"}},
	{"matrix unknown row", func(x *answer.Submission) {
		x.Answers["q_matrix"] = map[string]string{"r1": "yes", "r2": "no", "r3": "no"}
	}, []string{"answers.q_matrix.r3:unknown_row"}},

	// scales
	{"nps 11", func(x *answer.Submission) { x.Answers["q_nps"] = float64(11) }, []string{"answers.q_nps:out_of_range"}},
	{"nps 7.5", func(x *answer.Submission) { x.Answers["q_nps"] = 7.5 }, []string{"answers.q_nps:out_of_range"}},
	{"nps as text", func(x *answer.Submission) { x.Answers["q_nps"] = "9" }, []string{"answers.q_nps:wrong_type"}},
	{"rating 0", func(x *answer.Submission) { x.Answers["q_rating"] = float64(0) }, []string{"answers.q_rating:out_of_range"}},
	{"scale 4 of 0..3", func(x *answer.Submission) { x.Answers["q_scale"] = float64(4) }, []string{"answers.q_scale:out_of_range"}},
	{"likert not applicable", func(x *answer.Submission) { delete(x.Answers, "q_likert"); x.Answers["q_likert_na"] = true }, nil},
	{"likert answer and not applicable", func(x *answer.Submission) { x.Answers["q_likert_na"] = true }, []string{"answers.q_likert:answer_and_na"}},
	{"nps not applicable instead of required", func(x *answer.Submission) { delete(x.Answers, "q_nps"); x.Answers["q_nps_na"] = true }, []string{"answers.q_nps_na:unknown_field", "answers.q_nps:required"}}, // its scale has no "not applicable": q_nps is still unanswered

	// text, number, email, date
	{"pattern", func(x *answer.Submission) { x.Answers["q_text"] = "12a" }, []string{"answers.q_text:pattern"}},
	{"pattern is anchored", func(x *answer.Submission) { x.Answers["q_text"] = "1234" }, []string{"answers.q_text:pattern"}},
	{"too long", func(x *answer.Submission) { x.Answers["q_long"] = strings.Repeat("ж", 201) }, []string{"answers.q_long:too_long"}},
	{"200 letters fit", func(x *answer.Submission) { x.Answers["q_long"] = strings.Repeat("ж", 200) }, nil},
	{"number not integer", func(x *answer.Submission) { x.Answers["q_number"] = 2.5 }, []string{"answers.q_number:not_integer"}},
	{"number below min", func(x *answer.Submission) { x.Answers["q_number"] = float64(0) }, []string{"answers.q_number:out_of_range"}},
	{"number above max", func(x *answer.Submission) { x.Answers["q_number"] = float64(11) }, []string{"answers.q_number:out_of_range"}},
	{"email", func(x *answer.Submission) { x.Answers["q_email"] = "a@b" }, []string{"answers.q_email:bad_email"}},
	{"date", func(x *answer.Submission) { x.Answers["q_date"] = "2026-02-30" }, []string{"answers.q_date:bad_date"}},
	{"optional questions may be left out", func(x *answer.Submission) {
		for _, k := range []string{"q_drop", "q_likert", "q_rating", "q_scale", "q_statement", "q_text", "q_long", "q_number", "q_email", "q_date", "q_follow"} {
			delete(x.Answers, k)
		}
	}, nil},
}

// TestValidate holds Validate to validateCases.
func TestValidate(t *testing.T) {
	s := alltypes(t)
	for _, c := range validateCases {
		t.Run(c.name, func(t *testing.T) {
			sub := valid(s)
			c.change(sub)
			var got []string
			for _, e := range answer.Validate(s, sub) {
				got = append(got, e.Field+":"+e.Code)
				if e.Reason == "" {
					t.Errorf("%s has no reason", e.Field)
				}
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %v\nwant %v", got, c.want)
			}
		})
	}
}

var responseIDPattern = regexp.MustCompile(schema.ResponseIDPattern)

// FuzzResponseID: the hand-written check and the pattern
// published in schema.json accept the same ids.
func FuzzResponseID(f *testing.F) {
	s := &ir.Survey{ID: "x", Languages: []string{"en"}}
	for _, id := range []string{"", "abc", "r-0123456789abcdef", "r 0123456789abcdef", strings.Repeat("a", 64), strings.Repeat("a", 65), "ж0123456789abcdefgh"} {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		errs := answer.Validate(s, &answer.Submission{ResponseID: id, Survey: "x", Lang: "en"})
		rejected := len(errs) > 0 && errs[0].Field == "response_id"
		if rejected == responseIDPattern.MatchString(id) {
			t.Errorf("%q: rejected %v, pattern matches %v", id, rejected, !rejected)
		}
	})
}

func TestDecodeJSON(t *testing.T) {
	s := alltypes(t)
	want := valid(s)
	raw, _ := json.Marshal(want)
	got, err := answer.DecodeJSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n%#v\nwant\n%#v", got, want)
	}
	if errs := answer.Validate(s, got); len(errs) > 0 {
		t.Errorf("decoded valid submission: %v", errs)
	}
	for _, bad := range []string{`{"respons_id": "x"}`, `[1]`, `{"answers": {"q": {"r": 1}}}`, `{"answers": {"q": [1, "a"]}}`} {
		if _, err := answer.DecodeJSON([]byte(bad)); err == nil {
			t.Errorf("%s: decoded without error", bad)
		}
	}
}

// TestDecodeForm reads what the no-JavaScript form posts.
func TestDecodeForm(t *testing.T) {
	s := alltypes(t)
	v := url.Values{
		"_response_id": {"r-0123456789abcdef"}, "_survey": {s.ID}, "_version": {s.Hash}, "_lang": {"en"},
		"_hidden.company": {"acme"}, "_started_at": {"2026-03-01T10:00:00Z"}, "_submitted_at": {"2026-03-01T10:05:00.5+03:00"},
		"q_single": {"other"}, "q_single_other": {"mine"}, "q_multi": {"x", "y", ""}, "q_follow": {"because"},
		"q_drop": {"d2"}, "q_matrix.r1": {"yes"}, "q_matrix.r2": {"na"},
		"q_nps": {"9"}, "q_likert": {"5"}, "q_rating": {"1"}, "q_scale": {"0"}, "q_statement": {"l2"},
		"q_text": {"123"}, "q_long": {"ok"}, "q_number": {"10,0"}, "q_email": {"a@b.ru"}, "q_date": {"2026-02-28"},
		"q_email_unused": {""},
	}
	got := answer.DecodeForm(v, s)
	want := valid(s)
	if !reflect.DeepEqual(got, want) {
		keys := func(m map[string]any) []string {
			var k []string
			for x := range m {
				k = append(k, x)
			}
			sort.Strings(k)
			return k
		}
		t.Errorf("form decoded as\n%#v\nwant\n%#v\nkeys %v / %v", got, want, keys(got.Answers), keys(want.Answers))
	}
}

// TestIntegerRange: an integer answer must fit a float64 exactly and an
// int64 column: 1e19 wrapped to -9223372036854775808 in the file and
// 9007199254740993 became ...992 before validation learnt of the range.
func TestIntegerRange(t *testing.T) {
	s := testkit.Load(t, "../../testdata/surveys/numbers.hcl")
	for _, tc := range []struct {
		q, json string
		want    string // field:code, or "" for valid
	}{
		{"n", `9007199254740991`, ""},
		{"n", `-9007199254740991`, ""},
		{"n", `9007199254740992`, "answers.n:out_of_range"},
		{"n", `9007199254740993`, "answers.n:out_of_range"},
		{"n", `1e19`, "answers.n:out_of_range"},
		{"n", `-1e300`, "answers.n:out_of_range"},
		{"n", `1e2`, ""},
		{"f", `1e300`, ""}, // a fractional number is a float64 column: no wrap
	} {
		raw := `{"response_id":"r-0123456789abcdef","survey":"s","version":"` + s.Hash + `","lang":"en","answers":{"` + tc.q + `":` + tc.json + `}}`
		sub, err := answer.DecodeJSON([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range answer.Validate(s, sub) {
			got = append(got, e.Field+":"+e.Code)
			if tc.want != "" && !strings.Contains(e.Reason, "9007199254740991") {
				t.Errorf("%s: reason %q does not give the limit", tc.json, e.Reason)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s = %s: %v, want %q", tc.q, tc.json, got, tc.want)
		}
	}
}
