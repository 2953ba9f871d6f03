package answer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// DecodeError is why a record could not be read: its problems, named by
// field as Validate names them ("answers.q_nps", "hidden.company"), with
// Field "" for the record as a whole. Every reason is worded here, never
// taken from the JSON library: encoding/json v2 words its errors at random
// per process ("cannot" or "unable to", on purpose), and a rejects file
// must be the same bytes from one run to the next.
type DecodeError struct {
	Problems []FieldError
}

func (e *DecodeError) Error() string {
	var parts []string
	for _, p := range e.Problems {
		if p.Field == "" {
			parts = append(parts, p.Reason)
		} else {
			parts = append(parts, p.Error())
		}
	}
	return strings.Join(parts, "; ")
}

func decodeProblem(field, code, format string, args ...any) *DecodeError {
	return &DecodeError{Problems: []FieldError{{Field: field, Code: code, Reason: fmt.Sprintf(format, args...)}}}
}

// Problems are the FieldErrors a failed decode stands for: a DecodeError's
// own, or one unreadable record for any other error. whole is the field
// that names the record as a whole ("record" in ingest, "body" in the
// collector).
func Problems(err error, whole string) []FieldError {
	var de *DecodeError
	if !errors.As(err, &de) {
		return []FieldError{{Field: whole, Code: "unreadable", Reason: err.Error()}}
	}
	out := append([]FieldError(nil), de.Problems...)
	for i := range out {
		if out[i].Field == "" {
			out[i].Field = whole
		}
	}
	return out
}

// jsonProblem words an error of encoding/json v2 or jsontext.
func jsonProblem(err error, what string) *DecodeError {
	var syn *jsontext.SyntacticError
	var sem *jsonv2.SemanticError
	switch {
	case errors.As(err, &syn):
		field := pointerField(syn.JSONPointer)
		if errors.Is(syn.Err, jsontext.ErrDuplicateName) {
			return decodeProblem(field, "duplicate_key", "appears twice; which one is meant is not clear, so neither is taken")
		}
		return decodeProblem("", "unreadable", "not valid JSON at byte %d: %v", syn.ByteOffset, syn.Err)
	case errors.As(err, &sem):
		field := pointerField(sem.JSONPointer)
		switch {
		case sem.Err == jsonv2.ErrUnknownName:
			return decodeProblem(field, "unknown_field", "is not a key of %s", what)
		case sem.JSONKind == '0' && sem.GoType != nil && sem.GoType.Kind() == reflect.Float64:
			return decodeProblem(field, "wrong_type", "%s is not a usable number", sem.JSONValue)
		case field == "":
			return decodeProblem("", "unreadable", "%s must be a JSON object, not %s", what, kindName(sem.JSONKind))
		}
		return decodeProblem(field, "wrong_type", "must be %s, not %s", typeName(sem.GoType), kindName(sem.JSONKind))
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return decodeProblem("", "unreadable", "not valid JSON: the record ends too early")
	}
	return decodeProblem("", "unreadable", "not valid JSON")
}

// pointerField names the value at a JSON pointer as Validate names fields:
// "/answers/q_nps" is "answers.q_nps".
func pointerField(p jsontext.Pointer) string {
	var parts []string
	for tok := range p.Tokens() {
		parts = append(parts, tok)
	}
	return strings.Join(parts, ".")
}

func kindName(k jsontext.Kind) string {
	switch k {
	case 'n':
		return "null"
	case 't', 'f':
		return "true or false"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case '{':
		return "an object"
	case '[':
		return "a list"
	}
	return "that"
}

func typeName(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Map:
		if t.Elem().Kind() == reflect.String {
			return "an object of strings"
		}
		return "an object"
	case reflect.Struct:
		return "an object"
	case reflect.Slice:
		return "a list"
	}
	return t.String()
}

// Member is one member of a JSON object, its value undecoded.
type Member struct {
	Name  string
	Value jsontext.Value
}

// Members reads a JSON object's members in order. A repeated name, bad
// syntax, invalid UTF-8 or anything after the object is an error worded
// as a DecodeError: the first of two values must not silently win.
func Members(data []byte) ([]Member, error) {
	d := jsontext.NewDecoder(bytes.NewReader(data))
	tok, err := d.ReadToken()
	if err != nil {
		return nil, jsonProblem(err, "a record")
	}
	if tok.Kind() != '{' {
		return nil, decodeProblem("", "unreadable", "a record must be a JSON object, not %s", kindName(tok.Kind()))
	}
	var out []Member
	for d.PeekKind() != '}' {
		tok, err := d.ReadToken()
		if err != nil {
			return nil, jsonProblem(err, "a record")
		}
		name := tok.String() // before the next read, which reuses its bytes
		v, err := d.ReadValue()
		if err != nil {
			return nil, jsonProblem(err, "a record")
		}
		out = append(out, Member{Name: name, Value: v.Clone()})
	}
	if _, err := d.ReadToken(); err != nil {
		return nil, jsonProblem(err, "a record")
	}
	if _, err := d.ReadToken(); err != io.EOF {
		if err == nil {
			return nil, decodeProblem("", "unreadable", "not valid JSON: more after the record's object")
		}
		return nil, jsonProblem(err, "a record")
	}
	return out, nil
}
