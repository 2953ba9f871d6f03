// Package codebook writes the codebook a researcher hands to analysts: one
// row per data column (the meta columns, hidden fields, every answer
// variable and every calculation, in the Parquet order), with the question
// text, type, codes and labels (a calculation's formula), in Markdown for
// reading and CSV for spreadsheets.
package codebook

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/opros/opros/compiler/ir"
)

// Entry is one row of the codebook.
type Entry struct {
	Variable string
	Question string
	Page     string
	Text     string
	Type     string // question type, or "meta" / "hidden"
	Column   string // data type of the column
	Codes    []Code // codes and labels, for choice questions
	Range    string // scale or number range, length limits
	Missing  string // codes or choices counted as missing / not applicable
	ShowIf   string
	// Source is the name the tool the survey was imported from gave the
	// column (its question's, row's or item's source), which ingest reads
	// as this variable; empty when it is the opros name.
	Source string
}

// Code is one answer code with its label, and the code the tool the
// survey was imported from stored for it (option source), if any.
type Code struct {
	Code, Label, Source string
	// From says, for an option carried forward, where from and which
	// ("q_channels, chosen"); OfferedIf is when a respondent is offered
	// the option, an expression (offeredIf), for those and for an
	// option with a show_if: the base of its share differs.
	From, OfferedIf string
}

var metaColumns = []struct{ name, kind, text string }{
	{"response_id", "string", "Response ID (idempotency key sent by the form)"},
	{"survey_id", "code", "Survey ID"},
	{"version", "code", "Survey version fingerprint (sha256 of the compiled survey)"},
	{"lang", "code", "Language the form was answered in"},
	{"wave", "int", "Wave (e.g. year of the benchmark)"},
	{"started_at", "timestamp", "When the respondent opened the form (UTC)"},
	{"submitted_at", "timestamp", "When the form was submitted (UTC)"},
}

// Entries lists the codebook rows for one language.
func Entries(s *ir.Survey, lang string) []Entry {
	var out []Entry
	for _, m := range metaColumns {
		out = append(out, Entry{Variable: m.name, Type: "meta", Column: m.kind, Text: m.text})
	}
	for _, h := range s.Hidden {
		text := h.Label.Get(lang)
		if h.Role != "" {
			text += " (" + h.Role + ")"
		}
		out = append(out, Entry{Variable: h.ID, Type: "hidden", Column: "code", Text: text + "; URL parameter ?" + h.Param + "="})
	}
	if s.Invitations != nil {
		// The column ingest adds after the hidden fields (site/ingest).
		out = append(out, Entry{Variable: "invitation", Type: "meta", Column: "string",
			Text: "Invitation id of the signed link the answer came through (opros invite); empty without one"})
	}
	if len(s.Endings) > 0 {
		// The column ingest adds after those (site/ingest), one code per
		// ending: its text's first line, or where it redirects.
		e := Entry{Variable: "ending", Type: "meta", Column: "string",
			Text: "The ending the respondent reached; empty when none held (the thank-you text was shown)"}
		for _, end := range s.Endings {
			label := oneLine(s.PipesNamed(end.Text.Get(lang), lang))
			if label == "" {
				label = end.Redirect
			}
			if end.ScreenOut {
				label = "screen-out: " + label
			}
			e.Codes = append(e.Codes, Code{Code: end.ID, Label: label})
		}
		out = append(out, e)
	}
	byID := map[string]*ir.Question{}
	for _, q := range s.Questions() {
		byID[q.ID] = q
	}
	for _, v := range s.Vars {
		if c := s.Calculation(v.Name); v.Role == ir.RoleCalc && c != nil {
			// Its text is its formula: ingest computes the column from the
			// answers with it, as the form did.
			out = append(out, Entry{Variable: v.Name, Page: c.Page, Type: "calculate", Column: v.Kind, Text: ExprString(c.Value)})
			continue
		}
		q := byID[v.Question]
		if q == nil {
			continue
		}
		e := Entry{Variable: v.Name, Question: q.ID, Page: q.Page, Type: q.Type, Column: v.Kind, Text: oneLine(s.PipesNamed(q.Text.Get(lang), lang)), Source: variableSource(q, v)}
		if q.ShowIf != nil {
			e.ShowIf = ExprString(q.ShowIf)
		}
		if q.Iteration != nil {
			iteration(s, q, lang, &e)
		}
		switch v.Role {
		case "other":
			e.Text += " — " + otherLabel(q, lang)
		case "na":
			e.Text += " — " + oneLine(q.Scale.Missing.Get(lang))
			e.Range = "true when chosen; the answer column is then empty"
		case ir.RoleOrder: // a ranking's order, written by ingest from the ranks
			for _, it := range q.Items {
				e.Codes = append(e.Codes, Code{Code: it.Code, Label: oneLine(it.Label.Get(lang))})
			}
			e.Range = fmt.Sprintf("the codes of the %d items ranked, in rank order, separated by spaces (each item's rank is its own column); empty: none ranked", max(q.Rank, 1))
		default:
			if v.Row != "" {
				for _, r := range q.Rows {
					if r.Code == v.Row {
						e.Text += " — " + oneLine(r.Label.Get(lang))
					}
				}
			}
			for _, it := range q.Items {
				if it.Code == v.Item {
					e.Text += " — " + oneLine(it.Label.Get(lang))
				}
			}
			if v.Cell != nil {
				e.Text += " — " + oneLine(q.CellLabel(*v.Cell, lang))
				if q.Type == ir.MatrixMulti { // a box: true or false, no codes
					e.Range = "true: ticked; false: not ticked, another box of the row is; empty: no box of the row is"
					if q.MinSelect > 0 || q.MaxSelect > 0 {
						e.Range += fmt.Sprintf("; %d..%s ticked per row", q.MinSelect, maxText(q.MaxSelect))
					}
					out = append(out, e)
					continue
				}
			}
			var missing []string
			for _, o := range q.AnswerOptions() {
				label := oneLine(s.PipesNamed(o.Label.Get(lang), lang))
				e.Codes = append(e.Codes, Code{Code: o.Code, Label: label, Source: o.Source, From: carriedFrom(q, o), OfferedIf: offeredIf(s, q, o)})
				if o.Missing {
					missing = append(missing, o.Code)
				}
			}
			e.Missing = strings.Join(missing, ", ")
			e.Range = rangeText(q, lang)
			if q.Scale != nil && q.Scale.Missing != nil {
				e.Missing = v.Name + "_na"
			}
		}
		out = append(out, e)
	}
	return out
}

// variableSource is the name the tool the survey was imported from gave
// v's column, as ingest reads it (the question's source, a row's or item's
// source in its key), or "" when that is v's own name.
func variableSource(q *ir.Question, v ir.Variable) string {
	qn := q.ID
	if q.Source != "" {
		qn = q.Source
	}
	named := func(rows []ir.Row, code string) string {
		for _, r := range rows {
			if r.Code == code && r.Source != "" {
				return r.Source
			}
		}
		return code
	}
	var name string
	switch {
	case v.Cell != nil:
		name = qn + "_" + named(q.Rows, v.Cell.Row) + "_" + v.Cell.Col
	case v.Row != "":
		name = qn + "_" + named(q.Rows, v.Row)
	case v.Item != "":
		name = qn + "_" + named(q.Items, v.Item)
	default:
		name = qn + strings.TrimPrefix(v.Name, q.ID)
	}
	if name == v.Name {
		return ""
	}
	return name
}

func otherLabel(q *ir.Question, lang string) string {
	for _, o := range q.Options {
		if o.Other {
			return oneLine(o.Label.Get(lang)) + " (text)"
		}
	}
	return "other (text)"
}

func rangeText(q *ir.Question, lang string) string {
	switch {
	case q.Scale != nil:
		s := fmt.Sprintf("%d..%d", q.Scale.Min, q.Scale.Max)
		if q.Scale.MinLabel != nil || q.Scale.MaxLabel != nil {
			s += fmt.Sprintf(" (%d = %s; %d = %s)", q.Scale.Min, oneLine(q.Scale.MinLabel.Get(lang)), q.Scale.Max, oneLine(q.Scale.MaxLabel.Get(lang)))
		}
		return s
	case q.Type == ir.Number || q.Input == ir.InputNumber:
		lo, hi := "", ""
		if q.Min != nil {
			lo = strconv.FormatFloat(*q.Min, 'g', -1, 64)
		}
		if q.Max != nil {
			hi = strconv.FormatFloat(*q.Max, 'g', -1, 64)
		}
		s := lo + ".." + hi
		if q.Integer {
			s += ", whole numbers"
		}
		if q.Type == ir.ConstantSum {
			s += ", the boxes add up to " + strconv.FormatFloat(q.Total, 'g', -1, 64)
		}
		return s
	case q.Type == ir.Multi && (q.MinSelect > 0 || q.MaxSelect > 0):
		return fmt.Sprintf("select %d..%s", q.MinSelect, maxText(q.MaxSelect))
	case q.MaxLength > 0 || q.MinLength > 0:
		return fmt.Sprintf("length %d..%s", q.MinLength, maxText(q.MaxLength))
	}
	return ""
}

func maxText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// oneLine collapses runs of white space into single spaces. Most texts are
// one line already and are returned as they are, without the allocations
// of splitting them into words.
func oneLine(s string) string {
	prevSpace := true // so that a leading space counts as a run
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (prevSpace || r != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ") // a trailing space
	}
	return s
}

// WriteMarkdown writes the codebook as a Markdown document.
func WriteMarkdown(w io.Writer, s *ir.Survey, lang string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Codebook: %s\n\n", md(s.Title.Get(lang)))
	fmt.Fprintf(&b, "Survey `%s`, version %s, wave %d, language %s.  \nFingerprint `%s`.\n\n", s.ID, orDash(s.Version), s.Wave, lang, s.Hash)
	b.WriteString("| variable | question | type | column | text | codes | range | missing | shown if |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, e := range Entries(s, lang) {
		var codes []string
		for _, c := range e.Codes {
			codes = append(codes, "`"+c.Code+"` "+md(c.Label)+c.sourceNote()+c.offerNote())
		}
		variable := "`" + e.Variable + "`"
		if e.Source != "" {
			variable += " (source `" + strings.ReplaceAll(md(e.Source), "`", "'") + "`)"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			variable, e.Question, e.Type, e.Column, md(e.Text), strings.Join(codes, "<br>"), md(e.Range), md(e.Missing), md(e.ShowIf))
	}
	writeRules(&b, s, lang)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRules lists the validate rules, in the order the form checks
// them: each page's questions' rules, then the page's own. An analyst
// reads there why no answer in the data breaks them.
func writeRules(b *strings.Builder, s *ir.Survey, lang string) {
	var rows []string
	add := func(where string, rs []ir.Rule) {
		for _, r := range rs {
			rows = append(rows, fmt.Sprintf("| %s | %s | %s |\n", where, md(ExprString(r.Must)), md(oneLine(r.Message.Get(lang)))))
		}
	}
	for _, p := range s.Pages {
		for i := range p.Questions {
			add("question `"+p.Questions[i].ID+"`", p.Questions[i].Rules)
		}
		add("page `"+p.ID+"`", p.Rules)
	}
	if len(rows) == 0 {
		return
	}
	b.WriteString("\n## Validation rules\n\nAn answer is taken only if these hold: a question's rule once the question is answered, a page's once the page was shown.\n\n")
	b.WriteString("| where | must hold | message |\n|---|---|---|\n")
	for _, r := range rows {
		b.WriteString(r)
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// md escapes text for a Markdown table cell.
// mdCell escapes text for a Markdown table cell. Built once: a replacer
// builds its lookup table on first use.
var mdCell = strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "\n", " ")

func md(s string) string { return mdCell.Replace(s) }

// sourceNote is a code's source as the Markdown codebook shows it after
// the label: the old tool's code an export of its answers gives.
func (c Code) sourceNote() string {
	if c.Source == "" {
		return ""
	}
	return " (source `" + strings.ReplaceAll(md(c.Source), "`", "'") + "`)"
}

// WriteCSV writes the codebook as CSV, one row per variable and code so that
// a spreadsheet filter on the variable shows its codes.
func WriteCSV(w io.Writer, s *ir.Survey, lang string) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"variable", "question", "page", "type", "column", "text", "code", "label", "range", "missing", "show_if", "source", "variable_source"})
	for _, e := range Entries(s, lang) {
		base := []string{e.Variable, e.Question, e.Page, e.Type, e.Column, e.Text}
		tail := []string{e.Range, e.Missing, e.ShowIf}
		if len(e.Codes) == 0 {
			_ = cw.Write(safe(append(append(append(base, "", ""), tail...), "", e.Source)))
			continue
		}
		for _, c := range e.Codes {
			_ = cw.Write(safe(append(append(append(append([]string(nil), base...), c.Code, c.Label), c.offeredTail(tail)...), c.Source, e.Source)))
		}
	}
	cw.Flush()
	return cw.Error()
}

// safe defuses cells a spreadsheet would run as a formula: survey text is
// written by people and may start with "=", "+", "-" or "@".
func safe(row []string) []string {
	for i, c := range row {
		row[i] = SafeCell(c)
	}
	return row
}

// SafeCell prefixes a cell that a spreadsheet would read as a formula with a
// quote, the OWASP-recommended defence against CSV injection.
func SafeCell(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}
