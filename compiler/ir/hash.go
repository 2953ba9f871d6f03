package ir

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"
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
	// The pages are nearly all of it and are marshalled concurrently, then
	// hashed in order between the rest's bytes: the same bytes as
	// marshalling the whole survey at once (TestHashInParts), in a third
	// of the time on two cores.
	pages := q.Pages
	q.Pages = nil
	rest := stripRanges(mustMarshal(&q))
	before, after, found := bytes.Cut(rest, []byte(`"pages":null`))
	if !found {
		panic("ir: survey JSON has no pages field")
	}
	parts := make([][]byte, len(pages))
	forEach(len(pages), func(i int) { parts[i] = stripRanges(mustMarshal(&pages[i])) })
	h := sha256.New()
	h.Write(before)
	h.Write([]byte(`"pages":`))
	if pages == nil {
		h.Write([]byte("null"))
	} else {
		h.Write([]byte("["))
		for i, p := range parts {
			if i > 0 {
				h.Write([]byte(","))
			}
			h.Write(p)
		}
		h.Write([]byte("]"))
	}
	h.Write(after)
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
	// goes instead of in a second pass. The pages, nearly all of the file,
	// are marshalled concurrently at their depth and spliced in
	// (TestMarshalInParts holds the bytes equal to marshalling at once).
	opts := jsonv2.JoinOptions(jsonv1.DefaultOptionsV1(), jsontext.EscapeForHTML(false), jsontext.WithIndent("  "))
	q := *s
	pages := q.Pages
	q.Pages = nil
	rest, err := jsonv2.Marshal(&q, opts)
	if err != nil {
		return nil, err
	}
	before, after, found := bytes.Cut(rest, []byte(`"pages": null`))
	if !found || pages == nil {
		return append(rest, '\n'), nil
	}
	parts := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	forEach(len(pages), func(i int) {
		parts[i], errs[i] = jsonv2.Marshal(&pages[i], opts, jsontext.WithIndentPrefix("    "))
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	size := len(rest)
	for _, p := range parts {
		size += len(p) + 6
	}
	var b bytes.Buffer
	b.Grow(size)
	b.Write(before)
	b.WriteString(`"pages": [`)
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		b.Write(p)
	}
	if len(parts) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteByte(']')
	b.Write(after)
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// forEach calls f(0) … f(n-1) on all CPUs and returns when all are done.
func forEach(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
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
