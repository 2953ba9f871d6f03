// Package schema writes the JSON Schema (draft 2020-12) of one submission
// to a survey, so that any endpoint — ours or a researcher's own serverless
// function — can validate what a form posts without knowing opros.
//
// The schema accepts every submission site/answer's Validate accepts (the
// collector and ingest share it): a null answer is no answer, a required
// scale may be answered with its "don't know" (<q>_na: true instead of
// <q>), a question hidden by show_if has no answer. It rejects what JSON
// Schema can say of the rest: types, codes, ranges, lengths, patterns,
// unknown keys, required questions, an answer together with <q>_na,
// exclusive options combined, "Other" text without the other option, and
// show_if conditions made of simple comparisons (see condition). What it
// cannot say is listed in Limits and in the schema's $comment; opros
// collect and opros ingest check those.
package schema

import (
	"regexp"
	"slices"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"github.com/opros/opros/compiler/ir"
)

// obj is a JSON object that keeps its keys in insertion order, so the schema
// file reads top-down like the survey and is byte-identical between builds.
type obj struct {
	keys []string
	vals map[string]any
}

func newObj() *obj { return &obj{vals: map[string]any{}} }

func (o *obj) set(k string, v any) *obj {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
	return o
}

// MarshalJSONTo writes the object in one pass into the encoder that
// indents the whole schema (encoding/json would re-validate each nested
// object's bytes at every level above it).
func (o *obj) MarshalJSONTo(enc *jsontext.Encoder) error {
	if err := enc.WriteToken(jsontext.BeginObject); err != nil {
		return err
	}
	for _, k := range o.keys {
		if err := enc.WriteToken(jsontext.String(k)); err != nil {
			return err
		}
		if err := jsonv2.MarshalEncode(enc, o.vals[k]); err != nil {
			return err
		}
	}
	return enc.WriteToken(jsontext.EndObject)
}

// ResponseIDPattern is what a response id must look like.
const ResponseIDPattern = `^[A-Za-z0-9_-]{16,64}$`

// EmailPattern is the e-mail check of site/answer with Go's \s spelled
// out: JavaScript's \s also matches no-break and other Unicode spaces,
// which Go's does not, so the same class reads the same in both.
const EmailPattern = `^[^\t\n\f\r @]+@[^\t\n\f\r @]+\.[^\t\n\f\r @]+$`

// TimePattern is the shape of an RFC 3339 time as Go's time.Parse reads
// it, which is wider than JSON Schema's "date-time" format on two points:
// a comma before the fraction of a second and offsets up to ±99:59. The
// day of the month is not checked (30 February passes the pattern). An
// empty string is no time, as in Validate.
const TimePattern = `^$|^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`

// datePattern is a date's shape; "format": "date" checks the day.
const datePattern = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`

// The limits of a submission that do not depend on the survey, as this
// schema publishes them and site/answer's Validate (and ingest's fast
// path) check them. Lengths are in characters.
const (
	// MaxText is the longest text answer without a max_length.
	MaxText = 20000
	// MaxHidden is the longest value of a hidden field.
	MaxHidden = 200
	// MaxOther is the longest text given with an "other" option.
	MaxOther = 2000
	// MaxInteger is the largest magnitude of an integer number answer:
	// 2^53 − 1, the last whole number a float64 (and JavaScript, and JSON
	// readers that use doubles) holds exactly, well inside int64.
	MaxInteger = 1<<53 - 1
)

// Limits are the rules of site/answer's Validate and the collector that
// this schema does not express, as they appear in the schema's $comment.
var Limits = []string{
	"a key given twice in one object (JSON Schema sees one of the values)",
	"show_if conditions other than comparisons of earlier answers and hidden fields with constants, contains() and answered(), combined with !, && and ||: for such a question neither 'required' nor 'no answer when hidden' is checked",
	"the day of the month in started_at and submitted_at (30 February matches the pattern)",
	"the version: opros collect takes only the current one, opros ingest also the older versions it is given",
	"a lone UTF-16 surrogate in a string (\\ud800), which is not Unicode text: opros refuses the record, a validator that reads JSON as JavaScript does lets it through",
	"that a constant_sum question's boxes add up to its total (each box's range, and a number in every box or in none, are checked)",
	"a question's and a page's validate rules (conditions across answers, such as one number at most another)",
	"that a ranking's ranks are each given once and run 1, 2, … without gaps, and, when it ranks fewer than all its items, that a required one has them all (each rank's range is checked)",
	"a matrix_multi row's min_select and max_select, how many of its boxes are ticked (a box ticked in every row of a required one, and an exclusive option ticked alone, are checked)",
	"which options a respondent is offered (a question's options_from, an option's show_if): every code of the question is accepted, and a question that can be left with none to offer is checked neither for 'required' nor for 'no answer when skipped'",
}

// Build returns the schema as JSON, indented, ending in a newline.
func Build(s *ir.Survey) ([]byte, error) {
	root := newObj().
		set("$schema", "https://json-schema.org/draft/2020-12/schema").
		set("$id", "urn:opros:"+s.ID+":"+s.Hash).
		set("title", "Submission to "+s.Title.Get(s.Languages[0])).
		set("$comment", "Generated by opros. A null answer, hidden field, time, version or honeypot is the same as none. Not expressed here, checked by opros collect and opros ingest: "+strings.Join(Limits, "; ")+".").
		set("type", "object")
	hidden := newObj()
	for _, h := range s.Hidden {
		hidden.set(h.ID, newObj().set("type", []string{"string", "null"}).set("maxLength", MaxHidden))
	}
	answers := newObj()
	var required []string
	var rules, rootRules []any
	b := newBuilder(s)
	for i, q := range s.Questions() {
		vis, expressed := b.visibility(q, i)
		always := vis == nil && expressed
		// A null answer is no answer: only a question that must always
		// have one, and has no "don't know", refuses null outright.
		nullable := !(always && q.Required && !hasNA(q) && !partialRanking(q) && q.Type != ir.MatrixMulti) // a box not ticked is not sent
		for j, p := range answerProps(s, q, nullable) {
			if j == 0 && !expressed {
				p.schema.set("$comment", unexpressedComment)
			}
			answers.set(p.name, p.schema)
		}
		if !nullable {
			required = append(required, answerKeys(q)...)
		}
		own, onRoot := b.rules(q, vis, expressed, nullable)
		rules = append(rules, own...)
		rootRules = append(rootRules, onRoot...)
	}
	// Validate drops a null answer before it looks at the key, so a null
	// under any key is no answer rather than an unknown one.
	answersSchema := newObj().set("type", []string{"object", "null"}).set("properties", answers).set("additionalProperties", newObj().set("type", "null"))
	if len(s.Calculations) > 0 {
		// A calculation's column is computed by ingest from the answers
		// (site/answer.Calculations); a value sent under its ID would be
		// the browser's, so it is refused as any unknown key is.
		ids := make([]string, len(s.Calculations))
		for i, c := range s.Calculations {
			ids[i] = c.ID
		}
		answersSchema.set("$comment", "not sent, computed from these answers by opros ingest: the calculations "+strings.Join(ids, ", "))
	}
	if len(required) > 0 {
		answersSchema.set("type", "object").set("required", required)
	}
	if len(rules) > 0 {
		answersSchema.set("allOf", rules)
	}
	rootRequired := []string{"response_id", "survey", "lang"}
	if len(required) > 0 {
		rootRequired = append(rootRequired, "answers")
	}
	nullableString := []string{"string", "null"}
	props := newObj().
		set("response_id", newObj().set("type", "string").set("pattern", ResponseIDPattern)).
		set("survey", newObj().set("const", s.ID)).
		set("version", newObj().set("type", nullableString).set("$comment", "the current version is "+s.Hash+"; opros collect takes only it, opros ingest also maps the older versions it is given (a record without one is of its input's version)")).
		set("lang", newObj().set("enum", s.Languages)).
		set("hidden", newObj().set("type", []string{"object", "null"}).set("properties", hidden).set("additionalProperties", false)).
		set("started_at", newObj().set("type", nullableString).set("pattern", TimePattern)).
		set("submitted_at", newObj().set("type", nullableString).set("pattern", TimePattern)).
		set("answers", answersSchema).
		set("hp", newObj().set("type", nullableString).set("maxLength", 0).set("$comment", "honeypot: bots fill it, people never see it"))
	if inv := s.Invitations; inv != nil {
		// The signature itself is checked by opros collect and opros
		// ingest with the invitation keys file; a schema cannot.
		typ := []string{"object", "null"}
		if inv.Required {
			typ = []string{"object"}
			rootRequired = append(rootRequired, "invitation")
		}
		props.set("invitation", newObj().set("type", typ).
			set("$comment", "the signed invitation of the form's link (opros invite): its signature is checked by opros collect and opros ingest against the invitation keys file").
			set("properties", newObj().
				set("id", newObj().set("type", "string").set("pattern", `^[A-Za-z0-9_-]{1,64}$`)).
				set("sig", newObj().set("type", "string").set("pattern", `^[A-Za-z0-9_-]{48}$`)).
				set("exp", newObj().set("type", nullableString).set("pattern", `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`))).
			set("required", []string{"id", "sig"}).
			set("additionalProperties", false))
	}
	root.set("properties", props).
		set("required", rootRequired).
		set("additionalProperties", false)
	if len(rootRules) > 0 {
		root.set("allOf", rootRules)
	}
	// encoding/json's rules (v1 options), so the bytes stay as they were.
	out, err := jsonv2.Marshal(root, jsonv1.DefaultOptionsV1(), jsontext.EscapeForHTML(false), jsontext.WithIndent("  "))
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

const unexpressedComment = "shown only when a show_if condition holds that this schema cannot express: whether it must be answered, or must not be, is checked by opros collect and opros ingest"

// Unexpressed returns the IDs of the questions whose show_if (or their
// page's) the schema cannot express: for them it checks neither that a
// required one is answered nor that a hidden one is not.
func Unexpressed(s *ir.Survey) []string {
	b := newBuilder(s)
	var out []string
	for i, q := range s.Questions() {
		if _, ok := b.visibility(q, i); !ok {
			out = append(out, q.ID)
		}
	}
	return out
}

// answerKeys are the keys of a question's answer in the answers object:
// its ID, or each box's key for an inputs question.
func answerKeys(q *ir.Question) []string {
	if ir.HasCells(q.Type) {
		var out []string
		for _, c := range q.Cells() {
			out = append(out, c.Key)
		}
		return out
	}
	if !ir.HasBoxes(q.Type) {
		return []string{q.ID}
	}
	var out []string
	for _, it := range q.Items {
		out = append(out, q.ItemKey(it.Code))
	}
	return out
}

// partialRanking reports a ranking of fewer than all its items: which
// boxes a required one fills is the respondent's choice, so the schema
// cannot list them (Limits).
func partialRanking(q *ir.Question) bool {
	return q.Type == ir.Ranking && q.Rank < len(q.Items)
}

func hasNA(q *ir.Question) bool {
	switch q.Type {
	case ir.Likert, ir.Scale, ir.NPS, ir.Rating:
		return q.Scale != nil && q.Scale.Missing != nil
	}
	return false
}

func otherOption(q *ir.Question) (string, bool) {
	for _, o := range q.Options {
		if o.Other {
			return o.Code, true
		}
	}
	return "", false
}

// builder holds what the cross-field rules need of the whole survey.
type builder struct {
	s      *ir.Survey
	pos    map[string]int // question ID → position in form order
	hidden map[string]bool
}

func newBuilder(s *ir.Survey) *builder {
	b := &builder{s: s, pos: map[string]int{}, hidden: map[string]bool{}}
	for i, q := range s.Questions() {
		b.pos[q.ID] = i
	}
	for _, h := range s.Hidden {
		b.hidden[h.ID] = true
	}
	return b
}

func (b *builder) page(q *ir.Question) (*ir.Page, int) {
	first := 0
	for pi := range b.s.Pages {
		p := &b.s.Pages[pi]
		if p.ID == q.Page {
			return p, first
		}
		first += len(p.Questions)
	}
	return nil, 0
}

// visibility is the condition, on the answers object, under which the
// question at position i is shown: nil when always; expressed is false
// when its show_if (or its page's) cannot be said in JSON Schema.
func (b *builder) visibility(q *ir.Question, i int) (cond *obj, expressed bool) {
	if q.MayOfferNone() { // skipped when the answers leave it nothing to offer (ir.Question.Offered)
		return nil, false
	}
	var parts []any
	// A screen_out of an earlier page that holds (on a page shown) ends
	// the survey before the question, as in site/answer.
	end := 0
	for pi := range b.s.Pages {
		p := &b.s.Pages[pi]
		if p.ID == q.Page {
			break
		}
		end += len(p.Questions)
		for _, so := range p.ScreenOut {
			out := so.If
			if p.ShowIf != nil {
				out = &ir.Expr{Op: ir.OpAnd, Args: []*ir.Expr{p.ShowIf, so.If}, Type: "bool"}
			}
			c, ok := b.condition(&ir.Expr{Op: ir.OpNot, Args: []*ir.Expr{out}, Type: "bool"}, end)
			if !ok {
				return nil, false
			}
			parts = append(parts, c)
		}
	}
	if p, first := b.page(q); p != nil && p.ShowIf != nil {
		c, ok := b.condition(p.ShowIf, first)
		if !ok {
			return nil, false
		}
		parts = append(parts, c)
	}
	if q.ShowIf != nil {
		c, ok := b.condition(q.ShowIf, i)
		if !ok {
			return nil, false
		}
		parts = append(parts, c)
	}
	switch len(parts) {
	case 0:
		return nil, true
	case 1:
		return parts[0].(*obj), true
	}
	return newObj().set("allOf", parts), true
}

// present is "the key is there and not null" on the answers object.
func present(key string) *obj {
	return newObj().set("required", []string{key}).set("properties", newObj().set(key, newObj().set("not", newObj().set("type", "null"))))
}

// commented returns o with a $comment before its other keys.
func commented(comment string, o *obj) *obj { return prepend("$comment", comment, o) }

// prepend returns o with the key k before its other keys.
func prepend(k string, v any, o *obj) *obj {
	out := newObj().set(k, v)
	for _, k := range o.keys {
		out.set(k, o.vals[k])
	}
	return out
}

// naChosen is "<q>_na is true".
func naChosen(q *ir.Question) *obj {
	return newObj().set("required", []string{q.ID + "_na"}).set("properties", newObj().set(q.ID+"_na", newObj().set("const", true)))
}

// absent is "none of these keys has a value": what a hidden question
// leaves behind.
func absent(keys ...string) *obj {
	props := newObj()
	for _, k := range keys {
		props.set(k, newObj().set("type", "null"))
	}
	return newObj().set("properties", props)
}

// rules are the cross-field checks of one question, as Validate makes
// them: answered when required (or "don't know"), not both an answer and
// "don't know", "Other" text only with the other option (all on the
// answers object), and, when show_if decides, answered when shown and no
// answer at all when hidden (on the submission, as show_if may read
// hidden fields).
func (b *builder) rules(q *ir.Question, vis *obj, expressed, nullable bool) (out, onRoot []any) {
	if hasNA(q) {
		out = append(out, newObj().
			set("$comment", q.ID+": an answer or \"don't know\", not both").
			set("if", naChosen(q)).
			set("then", absent(q.ID)))
	}
	if code, ok := otherOption(q); ok {
		var chosen any = false // Validate finds no other option in any other type's answer
		switch q.Type {
		case ir.Single, ir.Dropdown:
			chosen = newObj().set("required", []string{q.ID}).set("properties", newObj().set(q.ID, newObj().set("const", code)))
		case ir.Multi:
			chosen = newObj().set("required", []string{q.ID}).set("properties", newObj().set(q.ID, newObj().set("type", "array").set("contains", newObj().set("const", code))))
		}
		out = append(out, newObj().
			set("$comment", q.ID+"_other: text only with the option "+code).
			set("if", newObj().set("required", []string{q.ID + "_other"}).set("properties", newObj().set(q.ID+"_other", newObj().set("type", "string")))).
			set("then", chosen))
	}
	if q.Type == ir.ConstantSum { // a number in every box or in none
		var any, all []any
		for _, k := range answerKeys(q) {
			any = append(any, present(k))
			all = append(all, present(k))
		}
		out = append(out, newObj().
			set("$comment", q.ID+": a number in every box or in none").
			set("if", newObj().set("anyOf", any)).
			set("then", newObj().set("allOf", all)))
	}
	if q.Type == ir.MatrixMulti {
		out = append(out, exclusiveTicks(q)...)
	}
	if !expressed {
		return out, nil
	}
	var answered *obj
	if q.Required && nullable && !partialRanking(q) {
		answered = present(q.ID)
		if ir.HasBoxes(q.Type) { // every box
			var all []any
			for _, k := range answerKeys(q) {
				all = append(all, present(k))
			}
			answered = newObj().set("allOf", all)
		}
		if hasNA(q) {
			answered = newObj().set("anyOf", []any{present(q.ID), naChosen(q)})
		}
		if ir.HasCells(q.Type) {
			answered = cellsAnswered(q)
		}
	}
	if vis == nil {
		if answered != nil {
			out = append(out, commented(q.ID+" is required", answered))
		}
		return out, nil
	}
	keys := answerKeys(q)
	if _, ok := otherOption(q); ok {
		keys = append(keys, q.ID+"_other")
	}
	if hasNA(q) {
		keys = append(keys, q.ID+"_na")
	}
	rule := newObj().set("$comment", q.ID+": shown only when its show_if holds; no answer when hidden").
		set("if", vis)
	if answered != nil {
		rule.set("then", newObj().set("required", []string{"answers"}).set("properties", newObj().set("answers", prepend("type", "object", answered))))
	}
	rule.set("else", newObj().set("properties", newObj().set("answers", prepend("type", []string{"object", "null"}, absent(keys...)))))
	return out, []any{rule}
}

// ticked is "the box key is ticked" on the answers object.
func ticked(key string) *obj {
	return newObj().set("required", []string{key}).set("properties", newObj().set(key, newObj().set("const", true)))
}

// cellsAnswered is a required matrix_multi or grid answered as Validate
// wants it: a box ticked in every row, or a value in every cell.
func cellsAnswered(q *ir.Question) *obj {
	var all []any
	if q.Type == ir.Grid {
		for _, k := range answerKeys(q) {
			all = append(all, present(k))
		}
		return newObj().set("allOf", all)
	}
	for _, r := range q.Rows {
		var any []any
		for _, o := range q.Options {
			any = append(any, ticked(q.CellKey(r.Code, o.Code)))
		}
		all = append(all, newObj().set("anyOf", any))
	}
	return newObj().set("allOf", all)
}

// exclusiveTicks are a matrix_multi's rules that an exclusive option's
// box, ticked, is the only one ticked in its row.
func exclusiveTicks(q *ir.Question) []any {
	var out []any
	for _, r := range q.Rows {
		for _, o := range q.Options {
			if !o.Exclusive {
				continue
			}
			others := newObj()
			for _, p := range q.Options {
				if p.Code != o.Code {
					others.set(q.CellKey(r.Code, p.Code), newObj().set("not", newObj().set("const", true)))
				}
			}
			out = append(out, newObj().
				set("$comment", q.CellKey(r.Code, o.Code)+": an exclusive option is ticked alone in its row").
				set("if", ticked(q.CellKey(r.Code, o.Code))).
				set("then", newObj().set("properties", others)))
		}
	}
	return out
}

// condition translates a show_if expression into a schema on the
// submission that holds exactly when the expression is true, for
// submissions that pass the rest of the schema; ok is false when it
// cannot. It reads hidden fields and answers of questions before position
// limit only: Validate reads later ones as unanswered, and a hidden
// question's answer is refused, so for an accepted submission the raw
// answers are what show_if saw. Arithmetic, comparisons of two answers
// and the other functions are not translated.
func (b *builder) condition(e *ir.Expr, limit int) (*obj, bool) {
	switch e.Op {
	case ir.OpNot:
		c, ok := b.condition(e.Args[0], limit)
		return newObj().set("not", c), ok
	case ir.OpAnd, ir.OpOr:
		l, ok1 := b.condition(e.Args[0], limit)
		r, ok2 := b.condition(e.Args[1], limit)
		key := "allOf"
		if e.Op == ir.OpOr {
			key = "anyOf"
		}
		return newObj().set(key, []any{l, r}), ok1 && ok2
	case ir.OpLit:
		if ir.Truthy(e.Eval(nil)) {
			return newObj(), true
		}
		return newObj().set("not", newObj()), true
	case ir.OpRef:
		if key, ok := b.box(e.Ref, limit); ok { // a matrix_multi's box: truthy when ticked
			return newObj().set("required", []string{"answers"}).set("properties", newObj().set("answers", prepend("type", "object", ticked(key)))), true
		}
		// Truthy: answered with anything but false.
		return b.has(e.Ref, limit, newObj().set("not", newObj().set("enum", []any{false, nil})), true)
	case ir.OpEq, ir.OpNe:
		ref, lit, ok := refAndLiteral(e.Args)
		if !ok {
			return nil, false
		}
		var eq *obj
		if lit == nil {
			eq, ok = b.has(ref, limit, newObj().set("not", newObj().set("type", "null")), true)
			eq = newObj().set("not", eq)
		} else {
			eq, ok = b.has(ref, limit, newObj().set("const", lit), lit == "")
		}
		if e.Op == ir.OpNe {
			eq = newObj().set("not", eq)
		}
		return eq, ok
	case ir.OpLt, ir.OpLe, ir.OpGt, ir.OpGe:
		op := e.Op
		ref, lit, ok := refAndLiteral(e.Args)
		if ok && e.Args[0].Op != ir.OpRef { // 9 <= q is q >= 9
			op = map[string]string{ir.OpLt: ir.OpGt, ir.OpLe: ir.OpGe, ir.OpGt: ir.OpLt, ir.OpGe: ir.OpLe}[op]
		}
		n, isNum := lit.(float64)
		if !ok || !isNum {
			return nil, false // strings compare by bytes, JSON Schema cannot
		}
		key := map[string]string{ir.OpLt: "exclusiveMaximum", ir.OpLe: "maximum", ir.OpGt: "exclusiveMinimum", ir.OpGe: "minimum"}[op]
		return b.has(ref, limit, newObj().set("type", "number").set(key, n), false)
	case ir.OpCall:
		switch {
		case e.Fn == "answered" && len(e.Args) == 1 && e.Args[0].Op == ir.OpRef:
			return b.has(e.Args[0].Ref, limit, newObj().set("not", newObj().set("enum", []any{"", []string{}, nil})), false)
		case e.Fn == "contains" && len(e.Args) == 2 && e.Args[0].Op == ir.OpRef && e.Args[1].Op == ir.OpLit:
			x, ok := e.Args[1].Lit.(string)
			if !ok {
				return nil, false
			}
			// A list holds the code, or a text holds the substring.
			return b.has(e.Args[0].Ref, limit, newObj().set("anyOf", []any{
				newObj().set("type", "array").set("contains", newObj().set("const", x)),
				newObj().set("type", "string").set("pattern", regexp.QuoteMeta(x)),
			}), x == "")
		case e.Fn == "contains" && len(e.Args) == 2 && e.Args[0].Op == ir.OpList && e.Args[1].Op == ir.OpRef:
			var codes []string
			for _, a := range e.Args[0].Args {
				c, ok := a.Lit.(string)
				if a.Op != ir.OpLit || !ok {
					return nil, false
				}
				codes = append(codes, c)
			}
			return b.has(e.Args[1].Ref, limit, newObj().set("enum", codes), slices.Contains(codes, ""))
		}
	}
	return nil, false
}

// refAndLiteral splits a comparison into its reference and its constant
// (nil, bool, float64, string or a list of strings), either way round.
func refAndLiteral(args []*ir.Expr) (string, any, bool) {
	if len(args) != 2 {
		return "", nil, false
	}
	ref, lit := args[0], args[1]
	if ref.Op != ir.OpRef {
		ref, lit = lit, ref
	}
	if ref.Op != ir.OpRef {
		return "", nil, false
	}
	switch lit.Op {
	case ir.OpLit:
		v := lit.Eval(nil)
		switch v.(type) {
		case nil, bool, float64, string:
			return ref.Ref, v, true
		}
	case ir.OpList:
		codes := []string{}
		for _, a := range lit.Args {
			c, ok := a.Lit.(string)
			if a.Op != ir.OpLit || !ok {
				return "", nil, false
			}
			codes = append(codes, c)
		}
		return ref.Ref, codes, true
	}
	return "", nil, false
}

// has is "the value ref reads is there and matches s" on the submission:
// an answer to a question before position limit, a row of such a matrix,
// or a hidden field. s must refuse null, which is no answer; a hidden
// field given as null reads as "" (Validate decodes it so), which matches
// when empty says so.
func (b *builder) has(ref string, limit int, s *obj, empty bool) (*obj, bool) {
	id, row, isRow := strings.Cut(ref, ".")
	if _, hidden := b.hidden[ref]; hidden {
		if empty {
			s = newObj().set("anyOf", []any{s, newObj().set("type", "null")})
		}
		return newObj().set("required", []string{"hidden"}).set("properties", newObj().set("hidden",
			newObj().set("type", "object").set("required", []string{ref}).set("properties", newObj().set(ref, s)))), true
	}
	i, ok := b.pos[id]
	if !ok || i >= limit {
		return nil, false // an answer show_if reads as unanswered
	}
	q := b.s.Question(id)
	if q.Type == ir.MatrixMulti {
		return nil, false // a box not ticked reads as false or as no value, by the rest of its row (answer.CellValue)
	}
	if isRow && ir.HasBoxes(q.Type) { // a box: a key of its own
		id, isRow = q.ItemKey(row), false
	} else if isRow && q.Type == ir.Grid { // a cell, q.row.col: a key of its own
		r, c, _ := strings.Cut(row, ".")
		id, isRow = q.CellKey(r, c), false
	} else if isRow != (q.Type == ir.Matrix) {
		return nil, false // a whole matrix has no value an expression can compare
	}
	if isRow {
		s = newObj().set("type", "object").set("required", []string{row}).set("properties", newObj().set(row, s))
	}
	return newObj().set("required", []string{"answers"}).set("properties", newObj().set("answers",
		newObj().set("type", "object").set("required", []string{id}).set("properties", newObj().set(id, s)))), true
}

// box is the key of a matrix_multi's box that ref (q.row.col) reads, on
// a question before position limit.
func (b *builder) box(ref string, limit int) (string, bool) {
	parts := strings.Split(ref, ".")
	if i, ok := b.pos[parts[0]]; !ok || i >= limit || len(parts) != 3 {
		return "", false
	}
	q := b.s.Question(parts[0])
	return q.CellKey(parts[1], parts[2]), q.Type == ir.MatrixMulti
}

type prop struct {
	name   string
	schema *obj
}

func codes(q *ir.Question) []string {
	var out []string
	for _, o := range q.Options {
		out = append(out, o.Code)
	}
	return out
}

// orNull adds null to a list of JSON types when the answer may be null.
func orNull(typ string, nullable bool) any {
	if nullable {
		return []string{typ, "null"}
	}
	return typ
}

func answerProps(s *ir.Survey, q *ir.Question, nullable bool) []prop {
	title := q.Text.Get(s.Languages[0])
	base := func() *obj { return newObj().set("title", title) }
	var out []prop
	switch q.Type {
	case ir.Single, ir.Dropdown:
		enum := []any{}
		for _, c := range codes(q) {
			enum = append(enum, c)
		}
		if nullable {
			enum = append(enum, nil)
		}
		out = append(out, prop{q.ID, base().set("enum", enum)})
	case ir.Multi:
		arr := base().set("type", orNull("array", nullable)).set("items", newObj().set("enum", codes(q))).set("uniqueItems", true)
		if q.MinSelect > 0 {
			arr.set("minItems", q.MinSelect)
		} else if q.Required {
			arr.set("minItems", 1)
		}
		if q.MaxSelect > 0 {
			arr.set("maxItems", q.MaxSelect)
		}
		var exclusive []string
		for _, o := range q.Options {
			if o.Exclusive {
				exclusive = append(exclusive, o.Code)
			}
		}
		if exclusive != nil {
			arr.set("if", newObj().set("type", "array").set("contains", newObj().set("enum", exclusive))).
				set("then", newObj().set("maxItems", 1)).
				set("$comment", "an exclusive option ("+strings.Join(exclusive, ", ")+") stands alone")
		}
		out = append(out, prop{q.ID, arr})
	case ir.Matrix:
		rows := newObj()
		var rowCodes []string
		for _, r := range q.Rows {
			rows.set(r.Code, newObj().set("enum", codes(q)))
			rowCodes = append(rowCodes, r.Code)
		}
		m := base().set("type", orNull("object", nullable)).set("properties", rows).set("additionalProperties", false)
		if q.Required {
			m.set("required", rowCodes)
		}
		out = append(out, prop{q.ID, m})
	case ir.Likert, ir.Scale, ir.NPS, ir.Rating:
		out = append(out, prop{q.ID, base().set("type", orNull("integer", nullable)).set("minimum", q.Scale.Min).set("maximum", q.Scale.Max)})
		if hasNA(q) {
			out = append(out, prop{q.ID + "_na", newObj().set("type", []string{"boolean", "null"}).set("$comment", "true: the respondent chose \""+q.Scale.Missing.Get(s.Languages[0])+"\" instead of a point of the scale")})
		}
	case ir.Number:
		typ := "number"
		if q.Integer {
			typ = "integer"
		}
		n := base().set("type", orNull(typ, nullable))
		lo, hi := q.Min, q.Max
		if q.Integer { // whole numbers beyond 2^53 are not stored exactly
			lo, hi = tighter(lo, -MaxInteger, false), tighter(hi, MaxInteger, true)
		}
		if lo != nil {
			n.set("minimum", *lo)
		}
		if hi != nil {
			n.set("maximum", *hi)
		}
		out = append(out, prop{q.ID, n})
	case ir.Boolean:
		out = append(out, prop{q.ID, base().set("type", orNull("boolean", nullable))})
	case ir.Inputs, ir.ConstantSum, ir.Ranking:
		for _, it := range q.Items {
			one := *q
			one.Type = ir.TextQ
			if q.Input == ir.InputNumber {
				one.Type = ir.Number
			}
			p := answerProps(s, &one, nullable)[0]
			p.schema.set("title", title+" — "+it.Label.Get(s.Languages[0]))
			out = append(out, prop{q.ItemKey(it.Code), p.schema})
		}
	case ir.MatrixMulti, ir.Grid:
		one := *q
		one.Type = ir.Number
		if q.Type == ir.MatrixMulti {
			one.Type = ir.Boolean
		} else if q.Input == ir.InputDropdown {
			one.Type = ir.Dropdown
		}
		rows, cols := map[string]string{}, map[string]string{}
		for _, r := range q.Rows {
			rows[r.Code] = r.Label.Get(s.Languages[0])
		}
		for _, c := range q.CellColumns() {
			cols[c.Code] = c.Label.Get(s.Languages[0])
		}
		for _, c := range q.Cells() {
			p := answerProps(s, &one, nullable)[0]
			p.schema.set("title", title+" — "+rows[c.Row]+" — "+cols[c.Col])
			out = append(out, prop{c.Key, p.schema})
		}
	case ir.TextQ, ir.Email, ir.Date:
		t := base().set("type", orNull("string", nullable))
		if q.MinLength > 0 {
			t.set("minLength", q.MinLength)
		}
		limit := q.MaxLength
		if limit == 0 {
			limit = MaxText
		}
		t.set("maxLength", limit)
		var patterns []string
		if q.Pattern != "" {
			p := "^(?:" + q.Pattern + ")$"
			if ecma, err := ecmaPattern(p); err == nil {
				p = ecma
			}
			patterns = append(patterns, p)
		}
		switch q.Type {
		case ir.Email:
			patterns = append(patterns, EmailPattern)
		case ir.Date:
			patterns = append(patterns, datePattern)
			t.set("format", "date")
		}
		switch len(patterns) {
		case 1:
			t.set("pattern", patterns[0])
		case 2:
			t.set("allOf", []any{newObj().set("pattern", patterns[0]), newObj().set("pattern", patterns[1])})
		}
		out = append(out, prop{q.ID, t})
	}
	if _, ok := otherOption(q); ok {
		out = append(out, prop{q.ID + "_other", newObj().set("type", []string{"string", "null"}).set("maxLength", MaxOther)})
	}
	return out
}

// tighter returns the stricter of a question's bound and the limit.
func tighter(bound *float64, limit float64, upper bool) *float64 {
	if bound == nil || upper && *bound > limit || !upper && *bound < limit {
		return &limit
	}
	return bound
}
