package ir

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"regexp"
)

// ComputeHash sets s.Hash to the survey's content fingerprint: sha256 over the
// JSON of the questionnaire (everything but Hash, source ranges and the
// analysis rules), so that reformatting or moving a block between files
// keeps the fingerprint while any change a respondent could notice changes
// it. Indexes, blocks, maturity levels, benchmark and report settings are
// left out: researchers refine them after fieldwork, and doing so must not
// turn the answers already collected into answers to an "older version".
// The JSON is canonical because encoding/json writes struct fields in
// declaration order and map keys sorted.
func (s *Survey) ComputeHash() string {
	q := *s
	q.Hash = ""
	q.Indexes, q.Blocks, q.Levels, q.Bench, q.Report = nil, nil, nil, Benchmark{}, nil
	raw, err := json.Marshal(&q)
	if err != nil {
		// Every IR field is plain data; a marshal error means a bug in the IR types.
		panic("ir: marshal survey: " + err.Error())
	}
	sum := sha256.Sum256(rangeJSON.ReplaceAll(raw, nil))
	s.Hash = "sha256:" + hex.EncodeToString(sum[:])
	return s.Hash
}

// rangeJSON matches a marshalled Range field. Its shape is fixed by the
// Range type, and a file name is a JSON string, so the match cannot reach
// into survey text.
var rangeJSON = regexp.MustCompile(`,?"range":\{"file":"(?:[^"\\]|\\.)*","line":\d+,"column":\d+,"end_line":\d+,"end_column":\d+\}`)

// MarshalSurvey returns survey.json: indented, keys in a fixed order, ending
// in a newline, so the file diffs cleanly in git.
func MarshalSurvey(s *Survey) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Question returns the question with the given ID, or nil.
func (s *Survey) Question(id string) *Question {
	for p := range s.Pages {
		for q := range s.Pages[p].Questions {
			if s.Pages[p].Questions[q].ID == id {
				return &s.Pages[p].Questions[q]
			}
		}
	}
	return nil
}

// Questions returns every question in form order.
func (s *Survey) Questions() []*Question {
	var out []*Question
	for p := range s.Pages {
		for q := range s.Pages[p].Questions {
			out = append(out, &s.Pages[p].Questions[q])
		}
	}
	return out
}

// Option returns the option with the given code, or nil.
func (q *Question) Option(code string) *Option {
	for i := range q.Options {
		if q.Options[i].Code == code {
			return &q.Options[i]
		}
	}
	return nil
}
