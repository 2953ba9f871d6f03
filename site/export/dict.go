package export

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/ingest"
)

// Type is what a variable holds in every format.
type Type int

const (
	Numeric  Type = iota // a number; codes, counts, flags
	String               // text, written as it is
	Date                 // a day: SPSS seconds since 1582-10-14, yyyy-mm-dd elsewhere
	DateTime             // a moment (UTC): SPSS seconds, yyyy-mm-dd hh:mm:ss elsewhere
)

// Measurement levels, as SPSS numbers them.
const (
	Nominal = 1
	Ordinal = 2
	Scale   = 3
)

// ValueLabel is one labelled value of a variable: the number written and,
// for a choice, the option code it stands for.
type ValueLabel struct {
	Value float64
	Label string
	Code  string // the option's code in the survey ("" for 0/1 flags)
}

// Variable is one column of the exported data. Every format writes the
// same variables in the same order with the same values; only .sav keeps
// measurement levels, missing values and multiple-response sets as such.
type Variable struct {
	Name    string // within SPSS rules (validName); the data column's own name where it already is
	Column  string // the Parquet column it is read from
	Label   string // question text; "question — row" for a matrix row, "question — option" for a multi's option
	Type    Type
	Measure int
	Labels  []ValueLabel
	Missing []float64 // user-missing values: options marked missing
	Option  string    // a multi's option whose choice this 0/1 variable says
	Weight  bool      // the survey's case weight
	Width   int       // String: the longest value in bytes (at least 1), found by a first pass

	kind  string             // the column's ir.Var* kind ("" for meta and hidden)
	bound int                // String: the widest value the column can hold, when known (no need to measure)
	codes map[string]float64 // code → value for a code column
}

// MRSet is a multiple-response set: the 0/1 variables of one multi
// question, counted where 1.
type MRSet struct {
	Name  string // "$" + the question's variable name
	Label string
	Vars  []string
}

// Dictionary is the variables of one export and what had to change to
// write them.
type Dictionary struct {
	Vars    []*Variable
	Sets    []MRSet
	Renamed []Rename // columns whose names SPSS would not take, with the names given
	Lang    string
}

// Rename is a data column given another name in the export.
type Rename struct{ From, To string }

// NewDictionary lists the variables of a survey's export: the meta columns
// and hidden fields as ingest writes them (the weight as a number), then
// every answer variable, a multi's as one 0/1 variable per option, with
// labels in lang.
func NewDictionary(s *ir.Survey, lang string) *Dictionary {
	d := &Dictionary{Lang: lang}
	// Variables are named once all are listed: the data's own columns
	// first, so that a multi's 0/1 variable (q_other, for its option
	// "other") never takes the name of a column (the option's text, q_other).
	add := func(v *Variable) *Variable {
		d.Vars = append(d.Vars, v)
		return v
	}
	var sets [][]*Variable
	rowSets := map[string]int{} // a matrix_multi's row (q, row) → its set in d.Sets
	defer func() {
		names := newNamer(maxName)
		// Sets have names of their own, "$" and 63 bytes.
		setNames := newNamer(maxName - 1)
		natural := make([]string, len(d.Vars))
		for pass := 0; pass < 2; pass++ {
			for i, v := range d.Vars {
				if (v.Option == "") == (pass == 0) {
					natural[i] = v.Name
					v.Name = names.take(v.Name)
					if v.Option != "" {
						natural[i] = v.Column + "." + v.Option // said as the option it is
					}
				}
			}
		}
		for i, v := range d.Vars {
			if v.Name != natural[i] && v.Name != v.Column+"_"+v.Option {
				d.Renamed = append(d.Renamed, Rename{natural[i], v.Name})
			}
		}
		for i, vars := range sets {
			for _, v := range vars {
				d.Sets[i].Vars = append(d.Sets[i].Vars, v.Name)
			}
			d.Sets[i].Name = "$" + setNames.take(d.Sets[i].Name)
		}
	}()
	metaLabels := metaLabel.Lang(lang)
	for _, c := range ingest.MetaColumns {
		v := &Variable{Name: c, Column: c, Label: metaLabels[c], Type: String, Measure: Nominal}
		switch c {
		case "response_id":
			v.bound = maxResponseID
		case "survey_id":
			v.bound = len(s.ID) // a file of another survey is refused
		case "version":
			v.bound = len("sha256:") + 64
		case "wave":
			v.Type, v.Measure = Numeric, Ordinal
		case "started_at", "submitted_at":
			v.Type, v.Measure = DateTime, Scale
		}
		add(v)
	}
	for _, h := range s.Hidden {
		v := &Variable{Name: h.ID, Column: h.ID, Label: oneLine(h.Label.Get(lang)), Type: String, Measure: Nominal}
		if h.ID == s.Bench.Weight {
			v.Type, v.Measure, v.Weight = Numeric, Scale, true
		}
		add(v)
	}
	if s.Invitations != nil {
		add(&Variable{Name: ingest.InvitationColumn, Column: ingest.InvitationColumn, Label: metaLabels["invitation"], Type: String, Measure: Nominal})
	}
	if len(s.Endings) > 0 {
		add(&Variable{Name: ingest.EndingColumn, Column: ingest.EndingColumn, Label: metaLabels["ending"], Type: String, Measure: Nominal})
	}
	byID := map[string]*ir.Question{}
	for _, q := range s.Questions() {
		byID[q.ID] = q
	}
	for _, sv := range s.Vars {
		q := byID[sv.Question]
		calc := s.Calculation(sv.Name)
		if sv.Role == ir.RoleCalc && calc != nil {
			q = calc.AsQuestion() // read as a number, true/false (labelled so) or text question
		}
		if q == nil {
			continue
		}
		text := iterationText(s, q, oneLine(q.Text.Get(lang)), lang)
		if sv.Role == ir.RoleCalc {
			text = sv.Name + " = " + codebook.ExprString(calc.Value) // nobody was asked it: its formula
		}
		v := &Variable{Name: sv.Name, Column: sv.Name, Label: text, kind: sv.Kind, Measure: Nominal}
		if sv.Item != "" { // an item of an inputs or constant-sum question
			for _, it := range q.Items {
				if it.Code == sv.Item {
					v.Label = text + " — " + oneLine(it.Label.Get(lang))
				}
			}
		}
		if sv.Cell != nil { // a matrix_multi's box or a grid's cell: "text — row — column"
			v.Label = text + " — " + oneLine(q.CellLabel(*sv.Cell, lang))
		}
		switch sv.Kind {
		case ir.VarCode:
			if sv.Row != "" {
				for _, r := range q.Rows {
					if r.Code == sv.Row {
						v.Label = text + " — " + oneLine(r.Label.Get(lang))
					}
				}
			}
			v.Labels, v.codes = optionValues(q.Options, lang)
			for i, o := range q.Options {
				if o.Missing {
					v.Missing = append(v.Missing, v.Labels[i].Value)
				}
			}
			if ordered(q.Options) {
				v.Measure = Ordinal
			}
		case ir.VarCodes:
			var set []*Variable
			for _, o := range q.Options {
				ov := add(&Variable{Name: sv.Name + "_" + o.Code, Column: sv.Name, Option: o.Code, kind: sv.Kind,
					Label: text + " — " + oneLine(o.Label.Get(lang)), Measure: Nominal,
					Labels: []ValueLabel{{0, flagLabel(lang, false, true), ""}, {1, flagLabel(lang, true, true), ""}}})
				// A "none of these" or "don't know" option is not a category
				// of the set: counting it would put it among the answers.
				if !o.Missing {
					set = append(set, ov)
				}
			}
			if len(set) > 0 {
				d.Sets = append(d.Sets, MRSet{Name: sv.Name, Label: text})
				sets = append(sets, set)
			}
			continue
		case ir.VarInt:
			v.Measure = Scale
			if q.Scale != nil {
				v.Measure = Ordinal
				v.Labels = scaleLabels(q.Scale, lang)
			}
		case ir.VarFloat:
			v.Measure = Scale
		case ir.VarDate:
			v.Type, v.Measure = Date, Scale
		case ir.VarBool:
			if sv.Cell != nil { // a matrix_multi's box: one of its row's multiple-response set
				v.Labels = []ValueLabel{{0, flagLabel(lang, false, true), "false"}, {1, flagLabel(lang, true, true), "true"}}
				// A "none of these" or "don't know" box is not a category
				// of the set, as a multi's option is not.
				if o := q.Option(sv.Cell.Col); o != nil && !o.Missing {
					key := q.ID + "\x00" + sv.Cell.Row
					i, ok := rowSets[key]
					if !ok {
						i = len(d.Sets)
						rowSets[key] = i
						row := q.Rows[slices.IndexFunc(q.Rows, func(r ir.Row) bool { return r.Code == sv.Cell.Row })]
						d.Sets = append(d.Sets, MRSet{Name: q.ID + "_" + sv.Cell.Row, Label: text + " — " + oneLine(row.Label.Get(lang))})
						sets = append(sets, nil)
					}
					sets[i] = append(sets[i], v)
				}
				break
			}
			no, yes := flagLabel(lang, false, false), flagLabel(lang, true, false)
			if t := oneLine(q.FalseLabel.Get(lang)); t != "" && sv.Role != "na" {
				no = t // a yes/no question's own words
			}
			if t := oneLine(q.TrueLabel.Get(lang)); t != "" && sv.Role != "na" {
				yes = t
			}
			v.Labels = []ValueLabel{{0, no, "false"}, {1, yes, "true"}}
			if sv.Role == "na" && q.Scale != nil {
				v.Label = text + " — " + oneLine(q.Scale.Missing.Get(lang))
			}
		case ir.VarString:
			v.Type = String
			if sv.Role == "other" {
				v.Label = text + " — " + otherLabel(q, lang)
			}
		default:
			// A kind this package does not know yet is exported as text, as
			// the column reads, so nothing is lost (Export counts it).
			v.Type = String
		}
		if sv.Name == s.Bench.Weight {
			v.Weight = true
		}
		add(v)
	}
	return d
}

// optionValues numbers a question's options: by their codes when every code
// is a whole number (a 1..5 scale written as options keeps its numbers), by
// position from 1 otherwise.
func optionValues(opts []ir.Option, lang string) ([]ValueLabel, map[string]float64) {
	numeric := len(opts) > 0
	for _, o := range opts {
		// Only codes written as Go writes the number ("7", not "07" or
		// "+7"), so that two codes never become one value.
		if n, err := strconv.Atoi(o.Code); err != nil || n < -1e9 || n > 1e9 || strconv.Itoa(n) != o.Code {
			numeric = false
		}
	}
	labels := make([]ValueLabel, len(opts))
	codes := make(map[string]float64, len(opts))
	for i, o := range opts {
		val := float64(i + 1)
		if numeric {
			n, _ := strconv.Atoi(o.Code)
			val = float64(n)
		}
		labels[i] = ValueLabel{Value: val, Label: oneLine(o.Label.Get(lang)), Code: o.Code}
		codes[o.Code] = val
	}
	return labels, codes
}

// ordered: options that carry scores (maturity levels, Likert points) are
// an ordinal scale.
func ordered(opts []ir.Option) bool {
	n := 0
	for _, o := range opts {
		if o.Score != nil {
			n++
		} else if !o.Missing {
			return false
		}
	}
	return n > 0
}

func scaleLabels(sc *ir.ScaleDef, lang string) []ValueLabel {
	var out []ValueLabel
	if len(sc.Labels) == sc.Max-sc.Min+1 {
		for i, l := range sc.Labels {
			if t := oneLine(l.Get(lang)); t != "" {
				out = append(out, ValueLabel{Value: float64(sc.Min + i), Label: t})
			}
		}
		return out
	}
	if t := oneLine(sc.MinLabel.Get(lang)); t != "" {
		out = append(out, ValueLabel{Value: float64(sc.Min), Label: t})
	}
	if t := oneLine(sc.MaxLabel.Get(lang)); t != "" {
		out = append(out, ValueLabel{Value: float64(sc.Max), Label: t})
	}
	return out
}

func otherLabel(q *ir.Question, lang string) string {
	for _, o := range q.Options {
		if o.Other {
			return oneLine(o.Label.Get(lang))
		}
	}
	return "other"
}

// flagLabel words a 0/1 value: a multi's option chosen or not, or a yes/no.
func flagLabel(lang string, on, chosen bool) string {
	switch {
	case chosen && on:
		return labelSelected.In(lang)
	case chosen:
		return labelNotSelected.In(lang)
	case on:
		return labelYes.In(lang)
	}
	return labelNo.In(lang)
}

// The words of a 0/1 value.
var (
	labelSelected    = localize.Phrase{En: "selected", Ru: "выбрано"}
	labelNotSelected = localize.Phrase{En: "not selected", Ru: "не выбрано"}
	labelYes         = localize.Phrase{En: "yes", Ru: "да"}
	labelNo          = localize.Phrase{En: "no", Ru: "нет"}
)

var metaLabel = localize.Table{
	"response_id":  {En: "Response ID", Ru: "Идентификатор ответа"},
	"survey_id":    {En: "Survey ID", Ru: "Идентификатор анкеты"},
	"version":      {En: "Survey version fingerprint", Ru: "Отпечаток версии анкеты"},
	"lang":         {En: "Language the form was answered in", Ru: "Язык, на котором заполнена форма"},
	"wave":         {En: "Wave", Ru: "Волна"},
	"started_at":   {En: "Form opened (UTC)", Ru: "Форма открыта (UTC)"},
	"submitted_at": {En: "Form submitted (UTC)", Ru: "Форма отправлена (UTC)"},
	"invitation":   {En: "Invitation id of the signed link", Ru: "Идентификатор приглашения"},
	"ending":       {En: "Ending reached (its ID)", Ru: "Достигнутое завершение (его ID)"},
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// maxResponseID is the longest response id collect and ingest take
// (site/answer).
const maxResponseID = 64

// maxName is SPSS's limit on a variable name, in bytes.
const maxName = 64

// reserved are the words SPSS does not take as variable names.
var reserved = map[string]bool{"ALL": true, "AND": true, "BY": true, "EQ": true, "GE": true, "GT": true,
	"LE": true, "LT": true, "NE": true, "NOT": true, "OR": true, "TO": true, "WITH": true}

// validName makes a name SPSS takes: letters, digits and _ . @ # $, a letter
// (or @) first, not ending with a dot, at most 64 bytes, not a reserved word.
func validName(name string) string {
	var b strings.Builder
	for i, r := range name {
		switch {
		case unicode.IsLetter(r), r == '@' && i == 0:
		case i > 0 && (unicode.IsDigit(r) || strings.ContainsRune("_.@#$", r)):
		case i == 0 && (unicode.IsDigit(r) || r == '_'):
			b.WriteString("v")
		default:
			r = '_'
			if i == 0 {
				b.WriteString("v")
			}
		}
		b.WriteRune(r)
	}
	out := strings.TrimRight(b.String(), ".")
	if out == "" || reserved[strings.ToUpper(out)] {
		out = "v" + out
	}
	return truncate(out, maxName)
}

// truncate cuts s to at most n bytes at a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// namer hands out names unique the way SPSS compares them (ignoring
// case), at most size bytes long.
type namer struct {
	taken map[string]bool
	size  int
}

func newNamer(size int) *namer { return &namer{taken: map[string]bool{}, size: size} }

func (n *namer) take(want string) string {
	name := truncate(validName(want), n.size)
	for k := 2; n.taken[strings.ToUpper(name)]; k++ {
		suffix := "_" + strconv.Itoa(k)
		name = truncate(validName(want), n.size-len(suffix)) + suffix
	}
	n.taken[strings.ToUpper(name)] = true
	return name
}
