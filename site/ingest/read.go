package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
)

// Record is one input record: where it came from, its raw text (kept for
// the rejects file) and, for CSV, the submission already built from it.
// NDJSON records are decoded later, by the workers of Run.
type Record struct {
	Source string
	Number int    // line in NDJSON, row in CSV (1-based, header excluded)
	Raw    []byte // valid only during the yield call
	Sub    *answer.Submission
	Err    error
}

// maxLine is the longest record read; a longer one is rejected, not
// truncated, so nothing is silently cut.
const maxLine = 4 << 20

// ReadNDJSON yields one record per non-empty line, undecoded. Lines may
// have three shapes (see decodeLine).
func ReadNDJSON(r io.Reader, source string, yield func(Record) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	n := 0
	for {
		line, err := br.ReadSlice('\n')
		tooLong := false
		if err == bufio.ErrBufferFull {
			// A long line: gather it without the buffer limit, up to
			// maxLine, and skip the rest of it.
			long := append([]byte(nil), line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				if len(long) <= maxLine {
					long = append(long, line...)
				}
			}
			tooLong = len(long) > maxLine
			line = long
		}
		if len(line) > 0 {
			n++
			text := bytes.TrimSpace(line)
			if len(text) > 0 {
				rec := Record{Source: source, Number: n, Raw: text}
				if tooLong {
					rec.Raw = append(text[:1000:1000], "…"...)
					rec.Err = fmt.Errorf("record longer than %d bytes", maxLine)
				}
				if err := yield(rec); err != nil {
					return err
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", source, err)
		}
	}
}

// decodeLine reads one NDJSON record in any of the shapes ingest accepts:
// submissions as forms post them, the collector's log lines
// ({"received_at", "submission"}), and flat objects exported by hosted form
// services, where answers are top-level keys named by codebook variables.
func decodeLine(dec *answer.Decoder, text []byte, s *ir.Survey) (*answer.Submission, error) {
	// Decoding JSON is most of ingest's time. The two shapes forms and the
	// collector write are tried first, by decoders that give up at the first
	// key they do not expect; anything else is told from the bytes.
	if sub, ok := dec.DecodeExported(text); ok {
		return sub, nil
	}
	if sub, ok := dec.DecodeLogLine(text); ok {
		return sub, nil
	}
	if bytes.Contains(text, []byte(`"received_at"`)) && bytes.Contains(text, []byte(`"submission"`)) {
		var line struct {
			Submission json.RawMessage `json:"submission"`
		}
		if err := json.Unmarshal(text, &line); err == nil && len(line.Submission) > 0 {
			return dec.DecodeJSON(line.Submission)
		}
	}
	if bytes.Contains(text, []byte(`"answers"`)) {
		return dec.DecodeJSON(text)
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(text, &probe); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	return decodeFlat(probe, s)
}

// decodeFlat reads a flat export: meta keys, "hidden.x" or a hidden ID,
// and answers by variable name (matrix rows as q_row or q.row).
func decodeFlat(obj map[string]json.RawMessage, s *ir.Survey) (*answer.Submission, error) {
	values := map[string]string{}
	lists := map[string][]string{}
	for k, raw := range obj {
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		switch x := v.(type) {
		case nil:
		case string:
			values[k] = x
		case float64:
			values[k] = strconv.FormatFloat(x, 'f', -1, 64)
		case bool:
			values[k] = strconv.FormatBool(x)
		case []any:
			for _, e := range x {
				lists[k] = append(lists[k], fmt.Sprint(e))
			}
		default:
			return nil, fmt.Errorf("%s: nested objects are not a flat export", k)
		}
	}
	return fromFields(values, lists, s)
}

// ReadCSV yields one record per row. The header names columns: meta names
// (response_id, survey, version, lang, started_at, submitted_at), hidden
// field IDs, and codebook variables; a multi question's codes are separated
// by ";" in one cell; matrix rows are their own columns (q_row).
func ReadCSV(r io.Reader, source string, s *ir.Survey, yield func(Record) error) error {
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<20))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: header: %w", source, err)
	}
	header = append([]string(nil), header...)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // spreadsheets add a BOM
	}
	kinds := map[string]string{}
	for _, v := range s.Vars {
		kinds[v.Name] = v.Kind
	}
	n := 0
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		n++
		rec := Record{Source: source, Number: n}
		if err != nil {
			rec.Err = err
			rec.Raw = []byte(strings.Join(row, ","))
			if yerr := yield(rec); yerr != nil {
				return yerr
			}
			if _, ok := err.(*csv.ParseError); ok {
				continue
			}
			return fmt.Errorf("%s: %w", source, err)
		}
		rec.Raw = []byte(strings.Join(row, ","))
		if len(row) != len(header) {
			rec.Err = fmt.Errorf("row has %d fields, the header %d", len(row), len(header))
		} else {
			values := map[string]string{}
			lists := map[string][]string{}
			for i, h := range header {
				cell := row[i]
				if kinds[h] == ir.VarCodes {
					for _, c := range strings.Split(cell, ";") {
						if c = strings.TrimSpace(c); c != "" {
							lists[h] = append(lists[h], c)
						}
					}
					continue
				}
				values[h] = cell
			}
			rec.Sub, rec.Err = fromFields(values, lists, s)
		}
		if err := yield(rec); err != nil {
			return err
		}
	}
}

// fromFields builds a submission from named text fields, typing each answer
// by its variable kind.
func fromFields(values map[string]string, lists map[string][]string, s *ir.Survey) (*answer.Submission, error) {
	sub := &answer.Submission{Hidden: map[string]string{}, Answers: map[string]any{}}
	meta := map[string]*string{"response_id": &sub.ResponseID, "survey": &sub.Survey, "survey_id": &sub.Survey,
		"version": &sub.Version, "lang": &sub.Lang, "started_at": &sub.StartedAt, "submitted_at": &sub.SubmittedAt, "hp": &sub.Honeypot}
	hidden := map[string]bool{}
	for _, h := range s.Hidden {
		hidden[h.ID] = true
	}
	vars := map[string]ir.Variable{}
	for _, v := range s.Vars {
		vars[v.Name] = v
	}
	for k, v := range values {
		name := strings.TrimPrefix(k, "hidden.")
		switch {
		case meta[k] != nil:
			*meta[k] = v
		case hidden[name]:
			if v != "" {
				sub.Hidden[name] = v
			}
		case k == "wave":
			// the wave comes from ingest's options, not the record
		default:
			if strings.TrimSpace(v) == "" {
				continue
			}
			key := strings.Replace(k, ".", "_", 1)
			variable, ok := vars[key]
			if !ok {
				sub.Answers[k] = v // Validate names the unknown field
				continue
			}
			val, err := typed(variable, v)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			if variable.Row != "" {
				m, _ := sub.Answers[variable.Question].(map[string]string)
				if m == nil {
					m = map[string]string{}
					sub.Answers[variable.Question] = m
				}
				m[variable.Row] = v
				continue
			}
			sub.Answers[key] = val
		}
	}
	for k, l := range lists {
		sub.Answers[k] = l
	}
	return sub, nil
}

func typed(v ir.Variable, s string) (any, error) {
	s = strings.TrimSpace(s)
	switch v.Kind {
	case ir.VarInt, ir.VarFloat:
		f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", s)
		}
		return f, nil
	case ir.VarBool:
		switch strings.ToLower(s) {
		case "true", "1", "yes":
			return true, nil
		case "false", "0", "no":
			return false, nil
		}
		return nil, fmt.Errorf("%q is not true or false", s)
	}
	return s, nil
}
