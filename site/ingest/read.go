package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/invite"
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

// readNDJSON yields one record per non-empty line, undecoded. Lines may
// have three shapes (see decodeLine).
func readNDJSON(r io.Reader, source string, yield func(Record) error) error {
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
// Problems come back as an *answer.DecodeError naming the key at fault.
// A flat object's fields are typed by the survey types picks for it.
func decodeLine(dec *answer.Decoder, text []byte, types *flatTypes) (*answer.Submission, error) {
	// The two shapes forms and the collector write are tried first, by a
	// decoder that gives up at the first key it does not expect; anything
	// else is told by its top-level keys, read strictly: a key given twice
	// is an error, not a silent last win.
	if sub, ok := dec.DecodeRecord(text); ok {
		return sub, nil
	}
	members, err := answer.Members(text)
	if err != nil {
		return nil, err
	}
	has := func(name string) bool {
		return slices.ContainsFunc(members, func(m answer.Member) bool { return m.Name == name })
	}
	switch {
	case has("submission"):
		return dec.DecodeLog(text)
	case has("answers"):
		return dec.DecodeJSON(text)
	}
	return decodeFlat(members, types)
}

// decodeFlat reads a flat export: meta keys, "hidden.x" or a hidden ID,
// and answers by variable name (matrix rows as q_row or q.row), typed by
// the version the record names (see flatTypes).
func decodeFlat(members []answer.Member, types *flatTypes) (*answer.Submission, error) {
	values := map[string]string{}
	lists := map[string][]string{}
	// Problems are named once the survey is known, which the version
	// field, anywhere in the record, decides.
	type problem struct{ key, reason string }
	var wrongs []problem
	wrong := func(k, format string, args ...any) {
		wrongs = append(wrongs, problem{k, fmt.Sprintf(format, args...)})
	}
	for _, m := range members {
		k := m.Name
		switch m.Value.Kind() {
		case 'n':
		case '"':
			var v string
			if err := json.Unmarshal(m.Value, &v); err != nil {
				wrong(k, "is not a readable string")
				continue
			}
			values[k] = v
		case '0':
			values[k] = string(m.Value) // as written: typed() reads it, digits and all
		case 't', 'f':
			values[k] = string(m.Value)
		case '[':
			var items []any
			if err := json.Unmarshal(m.Value, &items); err != nil {
				wrong(k, "is not a readable list")
				continue
			}
			list := []string{}
			for _, e := range items {
				switch x := e.(type) {
				case string:
					list = append(list, x)
				default:
					wrong(k, "must be a list of option codes (strings)")
				}
			}
			lists[k] = list
		default:
			wrong(k, "is an object; a flat export holds no nested objects")
		}
	}
	s := types.survey(flatVersion(func(name string) string { return values[name] }))
	var problems []answer.FieldError
	for _, w := range wrongs {
		problems = append(problems, answer.FieldError{Field: flatField(w.key, s), Code: "wrong_type", Reason: w.reason})
	}
	sub, more := fromFields(values, lists, s)
	problems = append(problems, more...)
	if len(problems) > 0 {
		sortProblems(problems)
		return nil, &answer.DecodeError{Problems: problems}
	}
	return sub, nil
}

// flatTypes picks the survey a flat record's fields are typed by. A flat
// record, unlike a submission, carries no types of its own: "9" may be a
// number or a text, "a;b" one code or two, by the codebook alone. So it
// is read by the version it names, when that is the current survey or a
// --previous one: an old wave's export, whose columns include a question
// removed since, reads as that version, and the old-version path
// (validated against it, mapped, set aside) takes it from there. A record
// that names no version, or one ingest does not know (which check then
// rejects), is read by the input's survey: the current one, or the older
// version the input was declared as (Input.Version).
type flatTypes struct {
	versions map[string]*ir.Survey // by hash: the current survey and every --previous one
	input    *ir.Survey
}

func (t *flatTypes) survey(version string) *ir.Survey {
	if s, ok := t.versions[version]; ok {
		return s
	}
	return t.input
}

// flatVersion is the version a flat record names, as "version" or, in the
// form format's names, "_version"; get returns a field's value ("" when
// absent). Both given reject the record (fromFields: two names for one
// field), so either is as good as the other for reading it.
func flatVersion(get func(name string) string) string {
	for _, name := range []string{"version", "_version"} {
		if v := get(name); strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// readCSV yields one record per row. The header names columns: meta names
// (response_id, survey, version, lang, started_at, submitted_at, each also
// with a leading "_"), hidden field IDs (also as hidden.x or _hidden.x),
// and codebook variables; a multi question's codes are separated by ";" in
// one cell; matrix rows are their own columns (q_row or q.row). Each row
// is read by the version its version cell names (see flatTypes), so rows
// of several versions may share a file. A record's Raw is its line (or
// lines, for quoted line breaks) exactly as in the file, so a rejected row
// keeps its quoting.
func readCSV(r io.Reader, source string, types *flatTypes, yield func(Record) error) error {
	rec := &recorder{r: bufio.NewReaderSize(r, 1<<20)}
	cr := csv.NewReader(rec)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return errorText.Errorf(errCSVHeader, source, err)
	}
	header = append([]string(nil), header...)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // spreadsheets add a BOM
	}
	s := types.input
	// The columns that name a row's version, and, per version met, which
	// columns hold a multi question's codes.
	version := map[string]int{}
	for i, h := range header {
		if _, seen := version[h]; !seen && (h == "version" || h == "_version") {
			version[h] = i
		}
	}
	multi := map[*ir.Survey][]bool{}
	multiOf := func(s *ir.Survey) []bool {
		if m, ok := multi[s]; ok {
			return m
		}
		vars := namesOf(s).vars
		m := make([]bool, len(header))
		for i, h := range header {
			m[i] = vars[h].Kind == ir.VarCodes
		}
		multi[s] = m
		return m
	}
	// A column named twice would have one of its cells dropped: every row
	// is rejected with the column named instead.
	var twice []answer.FieldError
	seen := map[string]int{}
	for i, h := range header {
		if first, dup := seen[h]; dup {
			twice = append(twice, answer.FieldError{Field: flatField(h, s), Code: "duplicate_key",
				Reason: fmt.Sprintf("the header names column %q twice (columns %d and %d)", h, first+1, i+1)})
		} else {
			seen[h] = i
		}
	}
	start := cr.InputOffset()
	rec.drop(start)
	n := 0
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		n++
		end := cr.InputOffset()
		r := Record{Source: source, Number: n, Raw: rec.take(start, end)}
		start = end
		switch {
		case err != nil:
			if _, ok := err.(*csv.ParseError); !ok {
				return fmt.Errorf("%s: %w", source, err)
			}
			r.Err = err
		case twice != nil:
			r.Err = &answer.DecodeError{Problems: twice}
		case len(row) != len(header):
			r.Err = fmt.Errorf("the row has %d fields, the header %d", len(row), len(header))
		default:
			rs := s
			if len(version) > 0 {
				rs = types.survey(flatVersion(func(name string) string {
					if i, ok := version[name]; ok {
						return row[i]
					}
					return ""
				}))
			}
			codes := multiOf(rs)
			values := map[string]string{}
			lists := map[string][]string{}
			for i, h := range header {
				cell := row[i]
				if codes[i] {
					for _, c := range strings.Split(cell, ";") {
						if c = strings.TrimSpace(c); c != "" {
							lists[h] = append(lists[h], c)
						}
					}
					continue
				}
				values[h] = cell
			}
			var problems []answer.FieldError
			r.Sub, problems = fromFields(values, lists, rs)
			if problems != nil {
				sortProblems(problems)
				r.Sub, r.Err = nil, &answer.DecodeError{Problems: problems}
			}
		}
		if err := yield(r); err != nil {
			return err
		}
		rec.drop(end)
	}
}

// recorder keeps the bytes the CSV reader has read and not yet handed
// out as a record's Raw, so that a record is its text as in the file.
type recorder struct {
	r    io.Reader
	buf  []byte
	base int64 // input offset of buf[0]
}

func (t *recorder) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// take returns the input between two offsets, without the line break that
// ends it; valid until the next drop.
func (t *recorder) take(from, to int64) []byte {
	b := t.buf[from-t.base : to-t.base]
	b = bytes.TrimRight(b, "\r\n")
	return bytes.TrimLeft(b, "\r\n") // blank lines before the row, which the reader skips
}

// drop forgets the input before offset.
func (t *recorder) drop(offset int64) {
	n := copy(t.buf, t.buf[offset-t.base:])
	t.buf = t.buf[:n]
	t.base = offset
}

// flatNames are the names a flat record's fields may have, worked out
// once per survey.
type flatNames struct {
	hidden map[string]bool
	vars   map[string]ir.Variable
	// invitation: the survey takes invitations, which a flat record
	// carries as the form post names them, _inv, _sig and _exp.
	invitation bool
}

var flatNamesOf sync.Map // *ir.Survey → *flatNames

func namesOf(s *ir.Survey) *flatNames {
	if n, ok := flatNamesOf.Load(s); ok {
		return n.(*flatNames)
	}
	n := &flatNames{hidden: map[string]bool{}, vars: map[string]ir.Variable{}, invitation: s.Invitations != nil}
	for _, h := range s.Hidden {
		n.hidden[h.ID] = true
	}
	for _, v := range s.Vars {
		n.vars[v.Name] = v
	}
	actual, _ := flatNamesOf.LoadOrStore(s, n)
	return actual.(*flatNames)
}

// metaNames are a flat record's meta fields. Each may also be written with
// a leading "_", as opros's own form-urlencoded format names them
// (docs/architecture.md), which is what a Formspree-style service stores
// and exports; "survey_id" is the Parquet column's name for "survey".
var metaNames = map[string]string{"response_id": "response_id", "survey": "survey", "survey_id": "survey",
	"version": "version", "lang": "lang", "started_at": "started_at", "submitted_at": "submitted_at", "hp": "hp"}

// flatTarget is what a flat field's name stands for: a meta field, a
// hidden field or a codebook variable, or none of them (ok false).
func (n *flatNames) target(k string) (kind, name string, v ir.Variable, ok bool) {
	bare := strings.TrimPrefix(k, "_")
	if n.invitation && (k == "_inv" || k == "_sig" || k == "_exp") {
		return "invitation", bare, v, true
	}
	if n.invitation && k == "_referer" {
		return "referer", bare, v, true
	}
	if m, isMeta := metaNames[bare]; isMeta {
		return "meta", m, v, true
	}
	if h, cut := strings.CutPrefix(bare, "hidden."); cut && n.hidden[h] {
		return "hidden", h, v, true
	}
	if n.hidden[k] {
		return "hidden", k, v, true
	}
	if v, isVar := n.vars[strings.Replace(k, ".", "_", 1)]; isVar {
		return "var", v.Name, v, true
	}
	return "", "", v, false
}

// flatField names field k of a flat record as Validate names fields.
func flatField(k string, s *ir.Survey) string {
	kind, name, v, ok := namesOf(s).target(k)
	switch {
	case !ok:
		return "answers." + k
	case kind == "meta":
		return name
	case kind == "hidden":
		return "hidden." + name
	case kind == "referer":
		return k
	case v.Row != "":
		return "answers." + v.Question + "." + v.Row
	}
	return "answers." + name
}

// fromFields builds a submission from named text fields, typing each answer
// by its variable kind. Its problems name the field: a value that is not
// of its variable's type, and two fields that stand for one ("company" and
// "_hidden.company", "q5_14.phone" and "q5_14_phone"), where taking either
// would silently drop the other.
func fromFields(values map[string]string, lists map[string][]string, s *ir.Survey) (*answer.Submission, []answer.FieldError) {
	n := namesOf(s)
	sub := &answer.Submission{Hidden: map[string]string{}, Answers: map[string]any{}}
	meta := map[string]*string{"response_id": &sub.ResponseID, "survey": &sub.Survey,
		"version": &sub.Version, "lang": &sub.Lang, "started_at": &sub.StartedAt, "submitted_at": &sub.SubmittedAt, "hp": &sub.Honeypot}
	var problems []answer.FieldError
	problem := func(k, code, format string, args ...any) {
		problems = append(problems, answer.FieldError{Field: flatField(k, s), Code: code, Reason: fmt.Sprintf(format, args...)})
	}
	keys := make([]string, 0, len(values)+len(lists))
	for k := range values {
		keys = append(keys, k)
	}
	for k := range lists {
		if _, dup := values[k]; !dup {
			keys = append(keys, k)
		}
	}
	// The same problems in the same order, whatever the map order.
	sort.Strings(keys)
	given := map[string]string{} // target → the field that set it
	referer := ""
	for _, k := range keys {
		v, isValue := values[k]
		list, isList := lists[k]
		kind, name, variable, ok := n.target(k)
		if !ok {
			if k == "wave" {
				continue // the wave comes from ingest's options, not the record
			}
			if isList {
				sub.Answers[k] = list // Validate names the unknown field
			} else if strings.TrimSpace(v) != "" {
				sub.Answers[k] = v
			}
			continue
		}
		if isValue && strings.TrimSpace(v) == "" || isList && len(list) == 0 {
			continue // unanswered
		}
		target := kind + ":" + name
		if first, dup := given[target]; dup {
			problem(k, "duplicate_key", "is given twice, as %q and as %q", first, k)
			continue
		}
		given[target] = k
		if isList && (kind != "var" || variable.Kind != ir.VarCodes) {
			problem(k, "wrong_type", "is a list, but takes one value")
			continue
		}
		switch {
		case kind == "meta":
			*meta[name] = v
		case kind == "hidden":
			sub.Hidden[name] = v
		case kind == "invitation":
			if sub.Invitation == nil {
				sub.Invitation = &answer.Invitation{}
			}
			*map[string]*string{"inv": &sub.Invitation.ID, "sig": &sub.Invitation.Sig, "exp": &sub.Invitation.Expires}[name] = v
		case kind == "referer":
			referer = v
		case isList:
			sub.Answers[name] = list
		case variable.Row != "":
			m, _ := sub.Answers[variable.Question].(map[string]string)
			if m == nil {
				m = map[string]string{}
				sub.Answers[variable.Question] = m
			}
			m[variable.Row] = strings.TrimSpace(v)
		default:
			val, err := typed(variable, v)
			if err != nil {
				problem(k, "wrong_type", "%v", err)
				continue
			}
			sub.Answers[name] = val
		}
	}
	if referer != "" {
		// A post of the form without JavaScript, as an endpoint other
		// than opros collect kept it with its Referer: the link's hidden
		// values and invitation, as the collector reads them.
		invite.FromLink(s, sub, strings.TrimSpace(referer))
	}
	return sub, problems
}

// sortProblems puts a record's problems in field order, keeping the order
// of one field's own.
func sortProblems(ps []answer.FieldError) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Field < ps[j].Field })
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
