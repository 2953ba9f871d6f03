package report

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/redact"
	"github.com/opros/opros/site/score"
)

// Drill-down to single records (report { records = true }): a
// participant's deliverable has a page listing each record of the latest
// wave behind its figures (for a mystery-shopping study, each visit) with
// its date, answers and comments, so it can see which visits pulled an
// index down. Off by default: customers or employees answering a survey
// must stay anonymous to the company. Fields marked personal and e-mail
// questions never appear; comments are redacted as everywhere else. The
// records are read in a pass of their own over the data (score.Records),
// only when the survey asks for them.

// RecordsPage is the drill-down page of a deliverable's language folder.
const RecordsPage = "records.html"

// recordColumn is one column of the drill-down: an answer (a question's, a
// matrix row's, an "other" text) or a hidden field.
type recordColumn struct {
	name string
	q    *ir.Question // nil for a hidden field
	h    *ir.Hidden
	v    ir.Variable
}

// recordColumns are the columns a drill-down may show, in form order:
// hidden fields (but the participant's own) before the answers. Personal
// fields, e-mail questions and "not applicable" flags are left out.
func recordColumns(s *ir.Survey) []recordColumn {
	var out []recordColumn
	for i := range s.Hidden {
		h := &s.Hidden[i]
		if h.ID != s.Bench.Participant && !h.Personal {
			out = append(out, recordColumn{name: h.ID, h: h})
		}
	}
	questions := map[string]*ir.Question{}
	for pi := range s.Pages {
		for qi := range s.Pages[pi].Questions {
			q := &s.Pages[pi].Questions[qi]
			questions[q.ID] = q
		}
	}
	for _, v := range s.Vars {
		q := questions[v.Question]
		if q == nil || q.Personal || q.Type == ir.Email || v.Role == "na" {
			continue
		}
		out = append(out, recordColumn{name: v.Name, q: q, v: v})
	}
	return out
}

// drillDown is what the drill-down pages need: each participant's records
// of the latest wave and the columns shown.
type drillDown struct {
	records map[string][]score.Record
	cols    []recordColumn
}

// readRecords reads the drill-down's records when the survey asks for
// them and the build was given the data files.
func (b *builder) readRecords() error {
	if b.s.Report == nil || !b.s.Report.Records || len(b.cfg.Data) == 0 || len(b.res.Waves) == 0 {
		return nil
	}
	cols := recordColumns(b.s)
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	recs, err := score.Records(b.s, b.cfg.Data, b.res.Waves[len(b.res.Waves)-1], names)
	if err != nil {
		return err
	}
	b.drill = &drillDown{records: recs, cols: cols}
	return nil
}

// recordsShown are the records the viewer's deliverable lists, and
// whether it has a drill-down at all. A participant whose group of the
// latest wave scoring withheld (too few records) gets none: its records
// would show what the suppression hides.
func (l *lang) recordsShown() ([]score.Record, bool) {
	if l.viewer == "" || l.drill == nil {
		return nil, false
	}
	if !l.companyLevel() {
		g := l.group(l.s.Bench.Participant + "=" + l.viewer + "|wave=" + strconv.Itoa(l.latestWave()))
		if g == nil || g.Suppressed {
			return nil, true
		}
	}
	return l.drill.records[l.viewer], true
}

// recordsLink is the summary's link to the drill-down, or "".
func (l *lang) recordsLink() template.HTML {
	recs, ok := l.recordsShown()
	if !ok || len(recs) == 0 {
		return ""
	}
	n := strconv.Itoa(len(recs))
	var links []string
	for _, f := range l.recordFigures() {
		links = append(links, "["+strings.NewReplacer("[", "(", "]", ")").Replace(f.title)+"]("+RecordsPage+"#"+f.id+")")
	}
	return markdownSafe(l.say(textTheRecordsBehindEach, n, RecordsPage) +
		strings.Join(links, " · ") + ".")
}

// recordFigure is an index or block with the drill-down columns of the
// items it averages.
type recordFigure struct {
	id, title string
	cols      []recordColumn
}

// recordFigures are the indexes and blocks whose items the drill-down
// shows, each with those items' columns. An index computed by a formula
// names no items and has none.
func (l *lang) recordFigures() []recordFigure {
	byRef := map[string]recordColumn{}
	for _, c := range l.drill.cols {
		if c.q != nil && c.v.Role == "answer" {
			ref := c.q.ID
			if c.v.Row != "" {
				ref += "." + c.v.Row
			}
			byRef[ref] = c
		}
	}
	blockItems := map[string][]string{}
	for _, b := range l.s.Blocks {
		blockItems[b.ID] = b.Items
	}
	columns := func(refs []string) []recordColumn {
		var out []recordColumn
		for _, r := range refs {
			if c, ok := byRef[r]; ok {
				out = append(out, c)
			}
		}
		return out
	}
	var out []recordFigure
	for _, ix := range l.s.Indexes {
		refs := ix.Items
		if ix.Kind == ir.IndexBlocks {
			refs = nil
			for _, b := range ix.Items {
				refs = append(refs, blockItems[b]...)
			}
		}
		if cols := columns(refs); len(cols) > 0 {
			out = append(out, recordFigure{"r-index-" + ix.ID, l.surveyText(ix.Title, l.code), cols})
		}
	}
	for i, b := range l.s.Blocks {
		if cols := columns(b.Items); len(cols) > 0 {
			out = append(out, recordFigure{"r-block-" + b.ID, l.blockTitles()[i], cols})
		}
	}
	return out
}

// recordsPage lists the viewer's records: one row per record with its id,
// date and every shown column, then what each column is.
func (l *lang) recordsPage() (template.HTML, error) {
	recs, _ := l.recordsShown()
	wave := strconv.Itoa(l.latestWave())
	sec := section{ID: "records", Title: l.say(textRecordsBehindYourFigures),
		Note: l.say(textRecordsOfWave, strconv.Itoa(len(recs)), wave, redact.Mark)}
	if len(recs) == 0 {
		sec.Note = l.say(textNoRecordsOfWave, wave)
		return l.sections([]section{sec})
	}
	for _, f := range l.recordFigures() {
		sec.Subsections = append(sec.Subsections, section{ID: f.id, Title: f.title, Tables: []table{l.recordTable(recs, f.cols)}})
	}
	legend := table{Caption: l.say(textColumns), Head: []string{l.say(textColumn), l.say(textQuestionOrField)}}
	for _, c := range l.drill.cols {
		legend.Rows = append(legend.Rows, []string{c.name, l.columnTitle(c)})
	}
	sec.Subsections = append(sec.Subsections, section{ID: "r-all", Title: l.say(textAllAnswers),
		Tables: []table{l.recordTable(recs, l.drill.cols), legend}})
	return l.sections([]section{sec})
}

// recordTable is one row per record: its id, date and the given columns.
func (l *lang) recordTable(recs []score.Record, cols []recordColumn) table {
	t := table{Head: []string{l.say(textRecord), l.say(textSubmittedUTC)}}
	for _, c := range cols {
		t.Head = append(t.Head, c.name)
	}
	for _, r := range recs {
		row := []string{r.ID, r.Submitted}
		if row[1] == "" {
			row[1] = "—"
		}
		for _, c := range cols {
			row = append(row, l.recordValue(c, r.Values[c.name]))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// columnTitle is what a drill-down column holds, in words.
func (l *lang) columnTitle(c recordColumn) string {
	if c.h != nil {
		return l.surveyText(c.h.Label, l.code)
	}
	title := l.surveyText(c.q.Text, l.code)
	for _, row := range c.q.Rows {
		if row.Code == c.v.Row && c.v.Row != "" {
			title += " — " + l.surveyText(row.Label, l.code)
		}
	}
	if c.v.Role == "other" {
		title += " (" + l.say(textOther) + ")"
	}
	return title
}

// recordValue is one answer as the drill-down shows it: an option by its
// label, a text redacted, a number as it is.
func (l *lang) recordValue(c recordColumn, v string) string {
	switch {
	case v == "":
		return ""
	case c.h != nil:
		return l.valueLabel(c.h.ID, v)
	case c.v.Kind == ir.VarString: // as every open answer (redactComments)
		return l.redact(v)
	case c.v.Kind == ir.VarCode || c.v.Kind == ir.VarCodes || c.v.Kind == ir.VarBool:
		parts := strings.Split(v, ", ")
		for i, code := range parts {
			if o := c.q.AnswerOption(code); o != nil {
				parts[i] = l.surveyText(o.Label, l.code)
			}
		}
		return strings.Join(parts, ", ")
	}
	return v
}
