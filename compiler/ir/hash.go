package ir

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"github.com/opros/opros/compiler/parallel"
)

// ComputeHash sets s.Hash to the survey's content fingerprint: sha256 over the
// JSON of the questionnaire (everything but Hash, source ranges and the
// analysis rules), so that reformatting or moving a block between files
// keeps the fingerprint while any change a respondent could notice changes
// it, the survey's own interface text (UI) among them. Indexes, blocks,
// maturity levels, benchmark and report settings are left out: researchers
// refine them after fieldwork, and doing so must not turn the answers
// already collected into answers to an "older version".
// The JSON is canonical because encoding/json writes struct fields in
// declaration order and map keys sorted.
func (s *Survey) ComputeHash() string {
	q := *s
	q.Hash = ""
	q.Indexes, q.Blocks, q.Levels, q.Bench, q.Report = nil, nil, nil, Benchmark{}, nil
	h := sha256.New()
	compact := func(v any) ([]byte, error) { return stripRanges(mustMarshal(v)), nil }
	err := marshalInParts(h, &q, compact, func(p *Page) ([]byte, error) { return compact(p) },
		`"pages":`, "[", ",", "]")
	if err != nil {
		panic(err.Error()) // marshalling never fails, so this is a bug in the splice
	}
	s.Hash = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return s.Hash
}

func mustMarshal(v any) []byte {
	raw, err := json.Marshal(v)
	if err != nil {
		// Every IR field is plain data; a marshal error means a bug in the IR types.
		panic("ir: marshal survey: " + err.Error())
	}
	return raw
}

// marshalInParts writes to w what whole(s) gives, but marshals s's pages,
// nearly all of a survey, concurrently with page and splices them in as
// the array after key, written with open, sep and close in the
// document's layout. TestHashInParts and TestMarshalInParts hold the
// bytes equal to marshalling the whole survey at once.
func marshalInParts(w io.Writer, s *Survey, whole func(any) ([]byte, error), page func(*Page) ([]byte, error), key, open, sep, close string) error {
	q := *s
	pages := q.Pages
	q.Pages = nil
	rest, err := whole(&q)
	if err != nil {
		return err
	}
	if pages == nil {
		_, err := w.Write(rest)
		return err
	}
	before, after, found := bytes.Cut(rest, []byte(key+"null"))
	if !found {
		return errors.New("ir: survey JSON has no pages field")
	}
	parts := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	parallel.For(len(pages), func(i int) { parts[i], errs[i] = page(&pages[i]) })
	if err := errors.Join(errs...); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(before)
	bw.WriteString(key)
	if len(parts) == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString(open)
		for i, p := range parts {
			if i > 0 {
				bw.WriteString(sep)
			}
			bw.Write(p)
		}
		bw.WriteString(close)
	}
	bw.Write(after)
	return bw.Flush()
}

// stripRanges deletes every marshalled Range field (and the comma before
// it) in place. A Range's shape is fixed by its type and its file name is a
// JSON string, so the key cannot occur inside survey text, where quotes are
// escaped. A hand-written scan: a regular expression took a fifth of the
// time of compiling a large survey.
func stripRanges(b []byte) []byte {
	const key = `"range":{"file":"`
	out := b[:0]
	for {
		i := bytes.Index(b, []byte(key))
		if i < 0 {
			return append(out, b...)
		}
		keep := b[:i]
		if n := len(keep); n > 0 && keep[n-1] == ',' {
			keep = keep[:n-1]
		}
		out = append(out, keep...)
		// Skip the file name (a JSON string), then the numbers up to '}'.
		j := i + len(key)
		for j < len(b) && b[j] != '"' {
			if b[j] == '\\' {
				j++
			}
			j++
		}
		for j < len(b) && b[j] != '}' {
			j++
		}
		b = b[min(j+1, len(b)):]
	}
}

// MarshalSurvey returns survey.json: indented, keys in a fixed order, ending
// in a newline, so the file diffs cleanly in git.
func MarshalSurvey(s *Survey) ([]byte, error) {
	// encoding/json/v2 with v1's rules writes the same bytes as
	// encoding/json's indenting encoder in half the time: it indents as it
	// goes instead of in a second pass.
	opts := jsonv2.JoinOptions(jsonv1.DefaultOptionsV1(), jsontext.EscapeForHTML(false), jsontext.WithIndent("  "))
	var buf bytes.Buffer
	err := marshalInParts(&buf, s,
		func(v any) ([]byte, error) { return jsonv2.Marshal(v, opts) },
		func(p *Page) ([]byte, error) { return jsonv2.Marshal(p, opts, jsontext.WithIndentPrefix("    ")) },
		`"pages": `, "[\n    ", ",\n    ", "\n  ]")
	if err != nil {
		return nil, err
	}
	return append(buf.Bytes(), '\n'), nil
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
