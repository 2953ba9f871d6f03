// Package answer is one submission to a survey: its decoding from the JSON
// and form-urlencoded formats forms post (docs/architecture.md), and its
// validation against the survey's IR. The collector, ingest and the
// simulator all go through here, so "valid" means the same everywhere.
package answer

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/schema"
)

// Submission is one respondent's answers with their context. Answers hold
// the runtime types of ir.Expr: string (a code or text), []string (multi),
// float64 (scale, number), bool (<q>_na), and map[string]string for a
// matrix question (row → code).
type Submission struct {
	ResponseID  string            `json:"response_id"`
	Survey      string            `json:"survey"`
	Version     string            `json:"version"`
	Lang        string            `json:"lang"`
	Hidden      map[string]string `json:"hidden,omitempty"`
	StartedAt   string            `json:"started_at,omitempty"`
	SubmittedAt string            `json:"submitted_at,omitempty"`
	Answers     map[string]any    `json:"answers"`
	Honeypot    string            `json:"hp,omitempty"`
	// Invitation is the signed invitation the form was opened with
	// (site/invite), nil when its link had none.
	Invitation *Invitation `json:"invitation,omitempty"`
}

// Invitation is an invitation link's id, signature and expiry as the form
// sends them back (URL parameters inv, sig and exp).
type Invitation struct {
	ID      string `json:"id"`
	Sig     string `json:"sig"`
	Expires string `json:"exp,omitempty"`
}

// FieldError is one problem with a submission, named by field.
type FieldError struct {
	Field  string `json:"field"`
	Code   string `json:"code"`   // stable, e.g. "unknown_option"
	Reason string `json:"reason"` // a sentence for people
}

func (e FieldError) Error() string { return e.Field + ": " + e.Reason }

// ValidResponseID tells whether id looks like a response id: the pattern
// schema.ResponseIDPattern publishes in schema.json, checked without the
// regexp machinery, which costs more than the rest of the meta checks
// together and would be compiled at every start.
func ValidResponseID(id string) bool {
	if len(id) < 16 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// DecodeJSON reads one submission. Unknown top-level keys are an error, so
// a typo in a hand-made export does not silently drop data. Submissions as
// forms post them are read without reflection (Decoder.fast, on Scanner);
// anything else goes through encoding/json v2, which decides and words
// every problem.
func DecodeJSON(data []byte) (*Submission, error) { return (*Decoder)(nil).DecodeJSON(data) }

// decodeGeneral is DecodeJSON for any input: the reference that
// Decoder.fast must agree with, and the source of every error message.
func decodeGeneral(data []byte) (*Submission, error) {
	var sub Submission
	if err := jsonv2.Unmarshal(data, &sub, jsonv2.RejectUnknownMembers(true)); err != nil {
		return nil, jsonProblem(err, "a submission")
	}
	keys := make([]string, 0, len(sub.Answers))
	for k := range sub.Answers {
		keys = append(keys, k)
	}
	sort.Strings(keys) // problems in a stable order: rejects files are diffed
	var problems []FieldError
	for _, k := range keys {
		n, err := normalize(sub.Answers[k])
		if err != nil {
			problems = append(problems, FieldError{Field: "answers." + k, Code: "wrong_type", Reason: err.Error()})
			continue
		}
		if n == nil {
			delete(sub.Answers, k)
		} else {
			sub.Answers[k] = n
		}
	}
	if problems != nil {
		return nil, &DecodeError{Problems: problems}
	}
	if sub.Answers == nil {
		sub.Answers = map[string]any{}
	}
	return &sub, nil
}

// normalize maps decoded JSON onto the runtime types.
func normalize(v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string, bool:
		return x, nil
	case json.Number:
		f, err := x.Float64()
		if err != nil || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%s is not a usable number", x)
		}
		return f, nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, fmt.Errorf("%v is not a usable number", x)
		}
		return x, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("a list of answers must hold option codes (strings)")
			}
			out = append(out, s)
		}
		return out, nil
	case []string:
		return x, nil
	case map[string]any:
		out := map[string]string{}
		var bad []string
		for k, e := range x {
			s, ok := e.(string)
			if !ok {
				bad = append(bad, k)
			}
			out[k] = s
		}
		if bad != nil {
			sort.Strings(bad) // the same words whatever the map order
			return nil, fmt.Errorf("matrix row %q must hold an option code (a string)", bad[0])
		}
		return out, nil
	case map[string]string:
		return x, nil
	}
	return nil, fmt.Errorf("unsupported value %v", v)
}

// DecodeForm reads a form-urlencoded submission (the no-JavaScript form, or
// endpoint format "form"). Field names are variable names; matrix rows are
// "q.row"; meta fields start with "_".
func DecodeForm(v url.Values, s *ir.Survey) *Submission {
	sub := &Submission{
		ResponseID: v.Get("_response_id"), Survey: v.Get("_survey"), Version: v.Get("_version"), Lang: v.Get("_lang"),
		StartedAt: v.Get("_started_at"), SubmittedAt: v.Get("_submitted_at"), Honeypot: v.Get("_hp"),
		Hidden: map[string]string{}, Answers: map[string]any{},
	}
	if id, sig, exp := v.Get("_inv"), v.Get("_sig"), v.Get("_exp"); id != "" || sig != "" || exp != "" {
		sub.Invitation = &Invitation{ID: id, Sig: sig, Expires: exp}
	}
	kinds := map[string]ir.Variable{}
	for _, x := range s.Vars {
		kinds[x.Name] = x
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		vals := v[k]
		if name, ok := strings.CutPrefix(k, "_hidden."); ok {
			sub.Hidden[name] = vals[0]
			continue
		}
		if strings.HasPrefix(k, "_") {
			continue
		}
		if q, row, ok := strings.Cut(k, "."); ok {
			if vals[0] == "" {
				continue
			}
			m, _ := sub.Answers[q].(map[string]string)
			if m == nil {
				m = map[string]string{}
				sub.Answers[q] = m
			}
			m[row] = vals[0]
			continue
		}
		var nonEmpty []string
		for _, x := range vals {
			if strings.TrimSpace(x) != "" {
				nonEmpty = append(nonEmpty, x)
			}
		}
		if len(nonEmpty) == 0 {
			continue
		}
		switch kinds[k].Kind {
		case ir.VarCodes:
			sub.Answers[k] = nonEmpty
		case ir.VarInt, ir.VarFloat:
			f, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(nonEmpty[0]), ",", ".", 1), 64)
			if err != nil {
				sub.Answers[k] = nonEmpty[0] // Validate reports the wrong type with the field name
			} else {
				sub.Answers[k] = f
			}
		case ir.VarBool:
			switch nonEmpty[0] {
			case "true", "on", "1":
				sub.Answers[k] = true
			case "false", "off", "0":
				sub.Answers[k] = false
			default:
				sub.Answers[k] = nonEmpty[0] // Validate reports the wrong type with the field name
			}
		default:
			sub.Answers[k] = nonEmpty[0]
		}
	}
	return sub
}

// Env returns the values a survey's expressions see: answers by question ID,
// matrix rows as "q.row", hidden fields by ID. A question hidden by show_if
// must read as unanswered; Validate checks that separately.
func Env(sub *Submission) ir.Env {
	return func(ref string) any {
		if q, row, ok := strings.Cut(ref, "."); ok {
			m, _ := sub.Answers[q].(map[string]string)
			if c, ok := m[row]; ok {
				return c
			}
			// A box of an inputs question (ir.Question.ItemKey), or a cell
			// of a grid, q.row.col (ir.Question.CellKey).
			if v, ok := sub.Answers[q+"_"+strings.ReplaceAll(row, ".", "_")]; ok && m == nil {
				return v
			}
			return nil
		}
		if v, ok := sub.Answers[ref]; ok {
			return v
		}
		if h, ok := sub.Hidden[ref]; ok {
			return h
		}
		return nil
	}
}

// plan is what validation needs to know of a survey, worked out once per
// survey instead of once per submission: ingest validates millions.
type plan struct {
	questions []*ir.Question
	index     map[string]int  // question ID → position in questions
	pageOf    []int           // position → page
	known     map[string]bool // every key an answers object may have
	hidden    map[string]bool
	other     []string   // the "other" option's code, per question
	keyOther  []string   // q_other, per question; "" when it has no "other" text
	keyNA     []string   // q_na, per question; "" when it has no "not applicable" flag
	items     [][]string // an inputs question's keys, one per box (nil for other types)
	offers    []bool     // which options it offers depends on the answers (ir.Question.OffersByAnswer)
	field     []string   // "answers.q", per question: named in errors
	calcs     map[string]*ir.Calculation
	pages     []*ir.Page
}

var plans sync.Map // *ir.Survey → *plan

// answerAt is the answer under key, where "" (a column the survey does not
// have) holds none.
func answerAt(sub *Submission, key string) (any, bool) {
	if key == "" {
		return nil, false
	}
	v, ok := sub.Answers[key]
	return v, ok
}

func planOf(s *ir.Survey) *plan {
	if p, ok := plans.Load(s); ok {
		return p.(*plan)
	}
	p := &plan{index: map[string]int{}, known: map[string]bool{}, hidden: map[string]bool{}}
	for pi := range s.Pages {
		p.pages = append(p.pages, &s.Pages[pi])
		for qi := range s.Pages[pi].Questions {
			q := &s.Pages[pi].Questions[qi]
			p.index[q.ID] = len(p.questions)
			p.questions = append(p.questions, q)
			p.pageOf = append(p.pageOf, pi)
			other := ""
			for _, o := range q.Options {
				if o.Other {
					other = o.Code
				}
			}
			p.other = append(p.other, other)
			p.keyOther = append(p.keyOther, q.OtherKey())
			p.field = append(p.field, "answers."+q.ID)
			p.keyNA = append(p.keyNA, q.NAKey())
			var items []string
			for _, it := range q.Items {
				items = append(items, q.ItemKey(it.Code))
			}
			for _, c := range q.Cells() { // a matrix_multi's or grid's cells: keys of their own too
				items = append(items, c.Key)
			}
			p.items = append(p.items, items)
			p.offers = append(p.offers, q.OffersByAnswer())
			if q.Type == ir.Matrix {
				p.known[q.ID] = true
			}
		}
	}
	for _, v := range s.Vars {
		if v.Row == "" && v.Role != ir.RoleCalc { // ingest computes a calculation: the form does not send it
			p.known[v.Name] = true
		}
	}
	for _, h := range s.Hidden {
		p.hidden[h.ID] = true
	}
	p.calcs = map[string]*ir.Calculation{}
	for i := range s.Calculations {
		p.calcs[s.Calculations[i].ID] = &s.Calculations[i]
	}
	actual, _ := plans.LoadOrStore(s, p)
	return actual.(*plan)
}

// walk evaluates show_if for every page and question in form order,
// exactly as the form does: a hidden question reads as unanswered to the
// conditions after it. The flags are by question position. A page's
// screen_out that holds ends the survey there: no later question is
// shown, and screened is the ending it names ("" when none held). env is
// the environment the conditions saw (hidden questions unanswered), for
// choosing an ending. shown says which pages the respondent was shown,
// by position: a page's validate rules apply only then.
func (p *plan) walk(sub *Submission) (flags, shown []bool, screened string, env ir.Env) {
	flags, shown, screened, env, _ = p.walkOffered(sub)
	return flags, shown, screened, env
}

// walkOffered is walk that also says which options each question offered
// (ir.Question.Offered, by question position; nil: every option): a
// question offering none is skipped like one its show_if hides.
func (p *plan) walkOffered(sub *Submission) (flags, shown []bool, screened string, env ir.Env, offered [][]bool) {
	offered = make([][]bool, len(p.questions))
	flags = make([]bool, len(p.questions))
	shown = make([]bool, len(p.pages))
	evaluated := 0 // questions before this position have their flag
	base := p.cellEnv(Env(sub), sub)
	env = func(ref string) any {
		if c := p.calcs[ref]; c != nil { // reads only what is before it: no cycle
			return c.Value.Eval(env)
		}
		id, _, _ := strings.Cut(ref, ".")
		if i, ok := p.index[id]; ok && (i >= evaluated || !flags[i]) {
			return nil
		}
		return base(ref)
	}
	i := 0
	for pi, page := range p.pages {
		pv := page.ShowIf == nil || ir.Truthy(page.ShowIf.Eval(env))
		shown[pi] = pv
		for _, q := range page.Questions {
			flags[i] = pv && (q.ShowIf == nil || ir.Truthy(q.ShowIf.Eval(env)))
			if flags[i] && p.offers[i] {
				offered[i] = p.questions[i].Offered(env, p.sourceOffered(i, flags, offered))
				flags[i] = ir.AnyOffered(offered[i])
			}
			i++
			evaluated = i
		}
		if !pv {
			continue
		}
		for _, so := range page.ScreenOut {
			if ir.Truthy(so.If.Eval(env)) {
				return flags, shown, so.Ending, env, offered
			}
		}
	}
	return flags, shown, "", env, offered
}

// sourceOffered says whether the question that question i carries its
// options from offered a code: it was shown, and offered that option.
func (p *plan) sourceOffered(i int, flags []bool, offered [][]bool) func(string) bool {
	from := p.questions[i].OptionsFrom
	if from == nil {
		return nil
	}
	si := p.index[from.Question]
	return func(code string) bool {
		if !flags[si] {
			return false
		}
		if offered[si] == nil {
			return true
		}
		for k, o := range p.questions[si].Options {
			if o.Code == code {
				return offered[si][k]
			}
		}
		return false
	}
}

// cellEnv is env reading a matrix_multi's box as CellValue does, as
// ingest stores it, so that a condition or formula over it means the
// same in the form, here and in the data.
func (p *plan) cellEnv(env ir.Env, sub *Submission) ir.Env {
	return func(ref string) any {
		id, cell, ok := strings.Cut(ref, ".")
		if i, isQ := p.index[id]; ok && isQ && p.questions[i].Type == ir.MatrixMulti {
			row, col, _ := strings.Cut(cell, ".")
			return CellValue(p.questions[i], sub.Answers, row, col)
		}
		return env(ref)
	}
}

// EnvOf is Env for a submission to s: a matrix_multi's box reads as
// CellValue does.
func EnvOf(s *ir.Survey, sub *Submission) ir.Env { return planOf(s).cellEnv(Env(sub), sub) }

// RankOrder is what a ranking's order column holds (ir.RoleOrder): the
// codes of the items ranked, by rank, separated by spaces, or nil when
// none is ranked. Validate has made the ranks whole, each given once,
// without gaps; equal ranks would keep the items' order.
func RankOrder(q *ir.Question, answers map[string]any) any {
	type ranked struct {
		code string
		rank float64
	}
	var rs []ranked
	for _, it := range q.Items {
		if r, ok := answers[q.ItemKey(it.Code)].(float64); ok {
			rs = append(rs, ranked{it.Code, r})
		}
	}
	if len(rs) == 0 {
		return nil
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].rank < rs[j].rank })
	codes := make([]string, len(rs))
	for i, r := range rs {
		codes[i] = r.code
	}
	return strings.Join(codes, " ")
}

// CellValue is what one cell of a matrix_multi or grid question holds:
// a grid's number or option code as given (nil when none); a matrix_multi
// box true when ticked, false when it is not but another box of its row
// is (the row is answered), nil when no box of the row is. The form
// sends only the ticked boxes; ingest stores this.
func CellValue(q *ir.Question, answers map[string]any, row, col string) any {
	v, ok := answers[q.CellKey(row, col)]
	if q.Type != ir.MatrixMulti {
		if !ok {
			return nil
		}
		return v
	}
	if v == true {
		return true
	}
	for _, o := range q.Options {
		if answers[q.CellKey(row, o.Code)] == true {
			return false
		}
	}
	return nil
}

// shownEnv is the environment walk leaves: what the conditions saw,
// questions hidden or not asked reading as unanswered.
func (p *plan) shownEnv(sub *Submission) ir.Env {
	_, _, _, env := p.walk(sub)
	return env
}

// BrokenRule is the first validate rule of question id that does not
// hold for the submission (the one Validate reports as code rule), or nil.
func BrokenRule(s *ir.Survey, sub *Submission, id string) *ir.Rule {
	q := s.Question(id)
	if q == nil {
		return nil
	}
	_, _, _, env := planOf(s).walk(sub)
	return brokenRule(q.Rules, env)
}

// BrokenPageRule is the first validate rule of page id that does not
// hold for the submission (the one Validate reports as code page_rule),
// or nil: none does, or the page was not shown.
func BrokenPageRule(s *ir.Survey, sub *Submission, id string) *ir.Rule {
	p := planOf(s)
	_, shown, _, env := p.walk(sub)
	for pi, page := range p.pages {
		if page.ID == id && shown[pi] {
			return brokenRule(page.Rules, env)
		}
	}
	return nil
}

// Ending is the ending a submission reaches, as the form chooses it: the
// one a page's screen_out names when one held, else the first ending that
// is not a screen-out's whose show_if holds (or has none); "" when the
// survey has no endings or none holds (its thank-you text is shown).
func Ending(s *ir.Survey, sub *Submission) string {
	if len(s.Endings) == 0 {
		return ""
	}
	_, _, screened, env := planOf(s).walk(sub)
	if screened != "" {
		return screened
	}
	for _, e := range s.Endings {
		if !e.ScreenOut && (e.ShowIf == nil || ir.Truthy(e.ShowIf.Eval(env))) {
			return e.ID
		}
	}
	return ""
}

var emailPattern = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@]+$`)

// Validate checks a submission against the survey and returns every
// problem. A different version hash is not checked here: ingest maps older
// versions through opros diff, the collector accepts only the current one.
func Validate(s *ir.Survey, sub *Submission) []FieldError {
	var errs []FieldError
	add := func(field, code, format string, args ...any) {
		errs = append(errs, FieldError{Field: field, Code: code, Reason: fmt.Sprintf(format, args...)})
	}
	if !ValidResponseID(sub.ResponseID) {
		add("response_id", "bad_response_id", "must be 16-64 letters, digits, '-' or '_'")
	}
	if sub.Survey != s.ID {
		add("survey", "wrong_survey", "is %q, but this is survey %q", sub.Survey, s.ID)
	}
	langOK := false
	for _, l := range s.Languages {
		langOK = langOK || l == sub.Lang
	}
	if !langOK {
		add("lang", "unknown_language", "%q is not one of the survey's languages (%s)", sub.Lang, strings.Join(s.Languages, ", "))
	}
	for _, f := range []struct{ name, v string }{{"started_at", sub.StartedAt}, {"submitted_at", sub.SubmittedAt}} {
		if f.v != "" {
			if _, err := time.Parse(time.RFC3339Nano, f.v); err != nil {
				add(f.name, "bad_time", "%q is not an RFC 3339 time", f.v)
			}
		}
	}
	p := planOf(s)
	hiddenKeys := make([]string, 0, len(sub.Hidden))
	for k := range sub.Hidden {
		hiddenKeys = append(hiddenKeys, k)
	}
	sort.Strings(hiddenKeys) // errors in a stable order: rejects files are diffed
	for _, k := range hiddenKeys {
		v := sub.Hidden[k]
		if !p.hidden[k] {
			add("hidden."+k, "unknown_field", "the survey has no hidden field %q", k)
		} else if len(v) > schema.MaxHidden && utf8.RuneCountInString(v) > schema.MaxHidden {
			add("hidden."+k, "too_long", "is longer than %d characters", schema.MaxHidden)
		}
	}
	var unknown []string
	for k := range sub.Answers {
		if !p.known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		if p.calcs[k] != nil {
			add("answers."+k, "unknown_field", "%q is a calculation, which is computed from the answers, never sent", k)
			continue
		}
		add("answers."+k, "unknown_field", "the survey has no question or variable %q", k)
	}
	vis, shown, _, env, offered := p.walkOffered(sub)
	pageStart := make([]int, len(p.pages)+1) // where each page's questions' errors begin in errs
	for qi, q := range p.questions {
		if qi == 0 || p.pageOf[qi] != p.pageOf[qi-1] {
			pageStart[p.pageOf[qi]] = len(errs)
		}
		v, has := sub.Answers[q.ID]
		if !vis[qi] {
			for _, key := range append([]string{q.ID, p.keyOther[qi], p.keyNA[qi]}, p.items[qi]...) {
				if _, ok := sub.Answers[key]; ok && key != "" {
					code, format, args := notShown(s, q, env)
					add("answers."+key, code, format, args...)
				}
			}
			continue
		}
		if ir.HasBoxes(q.Type) || ir.HasCells(q.Type) { // a key per box or cell
			before := len(errs)
			switch q.Type {
			case ir.ConstantSum:
				checkSum(q, p.items[qi], sub.Answers, add)
			case ir.Ranking:
				checkRanks(q, p.items[qi], sub.Answers, add)
			case ir.Inputs: // each box checked alone
				for _, key := range p.items[qi] {
					if v, ok := sub.Answers[key]; ok {
						checkItem(q, v, "answers."+key, add)
					} else if q.Required {
						add("answers."+key, "required", "every box is required")
					}
				}
			default:
				checkCells(q, sub.Answers, add)
			}
			// Its validate rules once a box or cell has a value and every
			// one is fine (form.js's ruleProblem).
			answered := slices.ContainsFunc(p.items[qi], func(k string) bool { _, ok := sub.Answers[k]; return ok })
			for _, r := range q.Rules {
				if answered && len(errs) == before && !ir.Truthy(r.Must.Eval(env)) {
					add(p.field[qi], "rule", "breaks a validate rule of the survey: %s", r.Message.Get(s.Languages[0]))
				}
			}
			continue
		}
		field := p.field[qi]
		rawNA, hasNA := answerAt(sub, p.keyNA[qi])
		na, isBool := rawNA.(bool)
		if hasNA && !isBool {
			add(field+"_na", "wrong_type", "must be true or false")
		}
		if !has {
			if q.Required && !na {
				add(field, "required", "is required")
			}
			if _, ok := answerAt(sub, p.keyOther[qi]); ok {
				add(field+"_other", "other_without_option", "has text, but the \"other\" option was not chosen")
			}
			continue
		}
		if na {
			add(field, "answer_and_na", "has both an answer and the \"not applicable\" choice")
		}
		before := len(errs)
		checkQuestion(q, v, field, add)
		if offered[qi] != nil && len(errs) == before {
			notOffered(q, v, offered[qi], field, add)
		}
		// Its validate rules, once the answer itself is fine: the first
		// that does not hold is the problem, worded by the author.
		for _, r := range q.Rules {
			if len(errs) == before && !ir.Truthy(r.Must.Eval(env)) {
				add(field, "rule", "breaks a validate rule of the survey: %s", r.Message.Get(s.Languages[0]))
			}
		}
		other := p.other[qi]
		otherText, hasOther := answerAt(sub, p.keyOther[qi])
		if hasOther {
			chosen := false
			switch x := v.(type) {
			case string:
				chosen = x == other
			case []string:
				for _, c := range x {
					chosen = chosen || c == other
				}
			}
			if t, ok := otherText.(string); !ok || other == "" {
				add(field+"_other", "wrong_type", "must be text for the \"other\" option")
			} else if !chosen {
				add(field+"_other", "other_without_option", "has text, but the \"other\" option was not chosen")
			} else if utf8.RuneCountInString(t) > schema.MaxOther {
				add(field+"_other", "too_long", "is longer than %d characters", schema.MaxOther)
			}
		}
	}
	// A shown page's validate rules, once its answers are each fine (as
	// form.js checks them when Next is pressed): the first that does not
	// hold is the problem.
	for pi, page := range p.pages {
		end := len(errs)
		if pi+1 < len(p.pages) {
			end = pageStart[pi+1]
		}
		if !shown[pi] || end > pageStart[pi] {
			continue
		}
		if r := brokenRule(page.Rules, env); r != nil {
			add("pages."+page.ID, "page_rule", "breaks the page's validate rule (%s, %s:%d): %s",
				codebook.ExprString(r.Must), r.Range.File, r.Range.Line, r.Message.Get(s.Languages[0]))
		}
	}
	return errs
}

// brokenRule is the first of rules whose condition does not hold in env,
// or nil.
func brokenRule(rules []ir.Rule, env ir.Env) *ir.Rule {
	for i := range rules {
		if !ir.Truthy(rules[i].Must.Eval(env)) {
			return &rules[i]
		}
	}
	return nil
}

// notOffered refuses a chosen option the respondent was not offered: a
// carried option not chosen (or chosen, with take = "not_chosen") in its
// source question, or an option whose show_if did not hold.
func notOffered(q *ir.Question, v any, offered []bool, field string, add func(field, code, format string, args ...any)) {
	chosen, _ := v.([]string)
	if c, ok := v.(string); ok {
		chosen = []string{c}
	}
	for _, c := range chosen {
		for k, o := range q.Options {
			if o.Code != c || offered[k] {
				continue
			}
			why := "its show_if did not hold"
			switch {
			case o.Carried && q.OptionsFrom.Take == ir.TakeNotChosen:
				why = fmt.Sprintf("it was chosen in %s (or not offered there), and options_from offers the options not chosen there", q.OptionsFrom.Question)
			case o.Carried:
				why = fmt.Sprintf("it was not chosen in %s, and options_from offers the options chosen there", q.OptionsFrom.Question)
			}
			add(field, "not_offered", "%q was not offered to this respondent: %s", c, why)
		}
	}
}

// AnswerOK tells whether v, an answer of the runtime type its question
// takes, passes the question's own checks (those of Validate, without the
// words): ingest's fast path asks it of text and numbers, so the rules
// stay in one place.
func AnswerOK(q *ir.Question, v any) bool {
	ok := true
	checkQuestion(q, v, "", func(string, string, string, ...any) { ok = false })
	return ok
}

func checkQuestion(q *ir.Question, v any, field string, add func(field, code, format string, args ...any)) {
	code := func(c string) bool { return q.Option(c) != nil }
	codes := func() string {
		var out []string
		for _, o := range q.Options {
			out = append(out, o.Code)
		}
		return strings.Join(out, ", ")
	}
	switch q.Type {
	case ir.Single, ir.Dropdown:
		s, ok := v.(string)
		if !ok {
			add(field, "wrong_type", "must be one option code")
		} else if !code(s) {
			add(field, "unknown_option", "%q is not an option (the codes are %s)", s, codes())
		}
	case ir.Multi:
		list, ok := v.([]string)
		if !ok {
			add(field, "wrong_type", "must be a list of option codes")
			return
		}
		exclusive := false
		for i, c := range list {
			if o := q.Option(c); o == nil {
				add(field, "unknown_option", "%q is not an option (the codes are %s)", c, codes())
			} else if o.Exclusive {
				exclusive = true
			}
			// Lists are as short as the options: a scan beats a map.
			if slices.Contains(list[:i], c) {
				add(field, "duplicate_option", "%q is chosen twice", c)
			}
		}
		if exclusive && len(list) > 1 {
			add(field, "exclusive_combined", "an exclusive option (\"none of the above\") is combined with others")
		}
		if len(list) == 0 && q.Required {
			add(field, "required", "is required")
		}
		if q.MinSelect > 0 && len(list) < q.MinSelect {
			add(field, "too_few", "has %d options; at least %d are needed", len(list), q.MinSelect)
		}
		if q.MaxSelect > 0 && len(list) > q.MaxSelect {
			add(field, "too_many", "has %d options; at most %d are allowed", len(list), q.MaxSelect)
		}
	case ir.Matrix:
		m, ok := v.(map[string]string)
		if !ok {
			add(field, "wrong_type", "must map each row to an option code")
			return
		}
		answeredRows := 0
		for _, r := range q.Rows {
			c, answered := m[r.Code]
			if answered {
				answeredRows++
			}
			switch {
			case !answered && q.Required:
				add(field+"."+r.Code, "required", "every row is required")
			case answered && !code(c):
				add(field+"."+r.Code, "unknown_option", "%q is not an option (the codes are %s)", c, codes())
			}
		}
		if len(m) == answeredRows {
			return
		}
		var extra []string
		for r := range m {
			if !slices.ContainsFunc(q.Rows, func(row ir.Row) bool { return row.Code == r }) {
				extra = append(extra, r)
			}
		}
		sort.Strings(extra)
		for _, r := range extra {
			add(field+"."+r, "unknown_row", "the matrix has no row %q", r)
		}
	case ir.Likert, ir.Scale, ir.NPS, ir.Rating:
		f, ok := v.(float64)
		switch {
		case !ok:
			add(field, "wrong_type", "must be a number")
		case f != math.Trunc(f) || f < float64(q.Scale.Min) || f > float64(q.Scale.Max):
			add(field, "out_of_range", "%v is not a whole number from %d to %d", f, q.Scale.Min, q.Scale.Max)
		}
	case ir.Number:
		checkNumber(q, v, field, add)
	case ir.Boolean:
		if _, ok := v.(bool); !ok {
			add(field, "wrong_type", "must be true or false")
		}
	case ir.TextQ, ir.Email, ir.Date:
		checkText(q, v, field, add)
	}
}

// checkCells checks the cells of a grid (each a number under the
// question's limits, or one of its options; every one when required) or
// of a matrix_multi (each box true or false; in each row a box ticked
// when required, an exclusive option ticked alone, and from min_select
// to max_select of them once any is).
func checkCells(q *ir.Question, answers map[string]any, add func(field, code, format string, args ...any)) {
	if q.Type == ir.Grid {
		for _, c := range q.Cells() {
			v, ok := answers[c.Key]
			field := "answers." + c.Key
			switch {
			case !ok:
				if q.Required {
					add(field, "required", "every cell is required")
				}
			case q.Input == ir.InputDropdown:
				if s, isCode := v.(string); !isCode {
					add(field, "wrong_type", "must be one option code")
				} else if q.Option(s) == nil {
					add(field, "unknown_option", "%q is not an option (the codes are %s)", s, strings.Join(optionCodes(q), ", "))
				}
			default:
				checkNumber(q, v, field, add)
			}
		}
		return
	}
	for _, r := range q.Rows {
		ticked, exclusive := 0, false
		for _, o := range q.Options {
			key := q.CellKey(r.Code, o.Code)
			v, ok := answers[key]
			if !ok {
				continue
			}
			if b, isBool := v.(bool); !isBool {
				add("answers."+key, "wrong_type", "must be true or false")
			} else if b {
				ticked++
				exclusive = exclusive || o.Exclusive
			}
		}
		field := "answers." + q.ID + "." + r.Code
		switch {
		case ticked == 0:
			if q.Required {
				add(field, "required", "every row needs a box ticked")
			}
		case exclusive && ticked > 1:
			add(field, "exclusive_combined", "an exclusive option (\"none of these\") is ticked with others")
		case ticked < q.MinSelect:
			add(field, "too_few", "has %d boxes ticked; at least %d are needed", ticked, q.MinSelect)
		case q.MaxSelect > 0 && ticked > q.MaxSelect:
			add(field, "too_many", "has %d boxes ticked; at most %d are allowed", ticked, q.MaxSelect)
		}
	}
}

func optionCodes(q *ir.Question) []string {
	out := make([]string, len(q.Options))
	for i, o := range q.Options {
		out[i] = o.Code
	}
	return out
}

// checkSum checks a constant_sum question: a number in every box or in
// none (0 is a number: the form fills the boxes left empty with it), each
// within the boxes' limits, adding up to the question's total.
func checkSum(q *ir.Question, keys []string, answers map[string]any, add func(field, code, format string, args ...any)) {
	given := 0
	for _, k := range keys {
		if _, ok := answers[k]; ok {
			given++
		}
	}
	sum, numbers := 0.0, true
	for _, k := range keys {
		v, ok := answers[k]
		switch {
		case !ok && given > 0:
			add("answers."+k, "required", "every box needs a number when any has one (0 for none)")
		case !ok && q.Required:
			add("answers."+k, "required", "is required")
		case ok:
			f, isNumber := v.(float64)
			before := numbers
			checkNumber(q, v, "answers."+k, func(field, code, format string, args ...any) {
				numbers = false
				add(field, code, format, args...)
			})
			if isNumber && numbers == before {
				sum += f
			}
		}
	}
	if given == len(keys) && numbers && math.Abs(sum-q.Total) > 1e-9*math.Max(1, q.Total) {
		add("answers."+q.ID, "wrong_total", "the boxes add up to %v, not %v", sum, q.Total)
	}
}

// checkRanks checks a ranking: a whole rank from 1 to q.Rank per ranked
// item, each given once and without gaps (1, 2, 3 … as many as are
// given), and all q.Rank of them when the question is required.
func checkRanks(q *ir.Question, keys []string, answers map[string]any, add func(field, code, format string, args ...any)) {
	seen := map[float64]bool{}
	given, valid := 0, true
	for _, k := range keys {
		v, ok := answers[k]
		if !ok {
			continue
		}
		given++
		f, _ := v.(float64)
		checkNumber(q, v, "answers."+k, func(field, code, format string, args ...any) {
			valid = false
			add(field, code, format, args...)
		})
		if seen[f] {
			add("answers."+k, "duplicate_rank", "rank %v is given twice", f)
			valid = false
		}
		seen[f] = true
	}
	if valid && given > 0 {
		for r := 1; r <= given; r++ {
			if !seen[float64(r)] {
				add("answers."+q.ID, "rank_gap", "the ranks skip %d: they run 1, 2, … without gaps", r)
				break
			}
		}
	}
	if q.Required && given < q.Rank {
		add("answers."+q.ID, "required", "ranks %d items; %d are needed", given, q.Rank)
	}
}

// checkItem checks the answer in one box of an inputs question: a number
// or a text under the question's limits.
func checkItem(q *ir.Question, v any, field string, add func(field, code, format string, args ...any)) {
	if q.Input == ir.InputNumber {
		checkNumber(q, v, field, add)
	} else {
		checkText(q, v, field, add)
	}
}

func checkNumber(q *ir.Question, v any, field string, add func(field, code, format string, args ...any)) {
	f, ok := v.(float64)
	switch {
	case !ok:
		add(field, "wrong_type", "must be a number")
	case q.Integer && f != math.Trunc(f):
		add(field, "not_integer", "%v is not a whole number", f)
	case q.Integer && math.Abs(f) > schema.MaxInteger:
		// Beyond 2^53 a float64 no longer holds every whole number (the
		// JSON 9007199254740993 reads as ...992), and beyond 2^63 the
		// int64 column would wrap: either way the file would hold a
		// number the respondent did not give.
		add(field, "out_of_range", "%v is beyond ±%d, the largest whole numbers stored exactly", f, int64(schema.MaxInteger))
	case q.Min != nil && f < *q.Min:
		add(field, "out_of_range", "%v is below the minimum %v", f, *q.Min)
	case q.Max != nil && f > *q.Max:
		add(field, "out_of_range", "%v is above the maximum %v", f, *q.Max)
	}
}

func checkText(q *ir.Question, v any, field string, add func(field, code, format string, args ...any)) {
	s, ok := v.(string)
	if !ok {
		add(field, "wrong_type", "must be text")
		return
	}
	n := utf8.RuneCountInString(s)
	limit := q.MaxLength
	if limit == 0 {
		limit = schema.MaxText // no answer needs more; a bigger one is an attack or an accident
	}
	if n > limit {
		add(field, "too_long", "has %d characters; at most %d are allowed", n, limit)
	}
	if q.MinLength > 0 && n < q.MinLength {
		add(field, "too_short", "has %d characters; at least %d are needed", n, q.MinLength)
	}
	if q.Pattern != "" && !anchored(q.Pattern).MatchString(s) {
		msg := q.PatternMessage.Get("en")
		if msg == "" {
			msg = "does not match the pattern " + q.Pattern
		}
		add(field, "pattern", "%s", msg)
	}
	if q.Type == ir.Email && !emailPattern.MatchString(s) {
		add(field, "bad_email", "%q is not an e-mail address", s)
	}
	if q.Type == ir.Date {
		if _, err := time.Parse("2006-01-02", s); err != nil {
			add(field, "bad_date", "%q is not a date as YYYY-MM-DD", s)
		}
	}
}

// patterns caches compiled patterns; the collector validates concurrently.
var patterns sync.Map

func anchored(p string) *regexp.Regexp {
	if re, ok := patterns.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile("^(?:" + p + ")$") // the compiler checked it compiles
	patterns.Store(p, re)
	return re
}
