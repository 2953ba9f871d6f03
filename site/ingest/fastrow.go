package ingest

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/site/answer"
)

// The fast path reads a record that is a valid submission, as forms and
// the collector write them, straight into its spill row: no maps, no
// strings per answer. It knows the survey's answers keys and option codes
// in advance, so it decodes, validates and encodes in one pass over the
// bytes. Anything it is not sure of (a problem of any kind, an escape in a
// string, a null, an older version, a flat export) makes it give up, and
// the record takes the general path (decode, answer.Validate, rowEncoder),
// which also words every rejection. So it must never accept what the
// general path rejects, nor write a different row: TestFastRowAgrees and
// FuzzFastRow hold it to that.

// slotKind is how an answers key's value is read.
type slotKind uint8

const (
	slotCode   slotKind = iota // single, dropdown: an option code
	slotCodes                  // multi: a list of option codes
	slotMatrix                 // matrix: row code → option code
	slotNumber                 // scale types, number
	slotText                   // text, email, date, and q_other
	slotBool                   // boolean, q_na
)

// fastSlot is one key an answers object may have.
type fastSlot struct {
	kind  slotKind
	q     *ir.Question
	codes map[string]int16 // option code → index in q.Options
	rows  map[string]int16 // matrix row code → index in q.Rows
}

// fastVar says where a column's value comes from.
type fastVar struct {
	slot int
	row  int // matrix row, or -1
	kind string
	calc *ir.Calculation // a calculation's column (no slot): computed, never read
}

// fastPlan is what the fast path knows of a survey, worked out once.
type fastPlan struct {
	s      *ir.Survey
	slots  []fastSlot
	keys   map[string]int // answers key → slot
	hidden map[string]int // hidden field → position in s.Hidden
	pages  []*ir.Page
	qIndex map[string]int // question ID → position in form order
	calcs  map[string]*ir.Calculation
	// per question, in form order
	questions []*ir.Question
	answer    []int   // slot of the answer
	na, other []int   // slot of q_na, q_other; -1 if the survey has none
	otherCode []int16 // the "other" option, -1 if none
	vars      []fastVar
}

// newFastPlan returns nil when the survey has something the fast path does
// not handle; every record then takes the general path.
func newFastPlan(s *ir.Survey) *fastPlan {
	if len(s.Endings) > 0 {
		return nil // the ending column needs answer.Ending's walk over the pages
	}
	for _, page := range s.Pages {
		if len(page.ScreenOut) > 0 {
			return nil // a screen-out ends the walk early: answer.Validate's
		}
		if len(page.Rules) > 0 {
			return nil // validate rules: Validate checks them
		}
	}
	for _, q := range s.Questions() {
		if len(q.Rules) > 0 {
			return nil // validate rules: Validate checks them
		}
		if q.OffersByAnswer() {
			return nil // carried options, option conditions: Validate's walk works out what was offered
		}
	}
	p := &fastPlan{s: s, keys: map[string]int{}, hidden: map[string]int{}, qIndex: map[string]int{}, calcs: map[string]*ir.Calculation{}}
	for i := range s.Calculations {
		p.calcs[s.Calculations[i].ID] = &s.Calculations[i]
	}
	for i, h := range s.Hidden {
		p.hidden[h.ID] = i
	}
	clash := false // two questions claim one answers key: leave it all to Validate
	addSlot := func(key string, sl fastSlot) int {
		if _, dup := p.keys[key]; dup {
			clash = true
			return -1
		}
		p.keys[key] = len(p.slots)
		p.slots = append(p.slots, sl)
		return len(p.slots) - 1
	}
	byName := map[string]ir.Variable{}
	for _, v := range s.Vars {
		byName[v.Name] = v
	}
	for pi := range s.Pages {
		page := &s.Pages[pi]
		p.pages = append(p.pages, page)
		for qi := range page.Questions {
			q := &page.Questions[qi]
			p.qIndex[q.ID] = len(p.questions)
			p.questions = append(p.questions, q)
			if len(q.Options) > math.MaxInt16 || len(q.Rows) > math.MaxInt16 {
				return nil
			}
			codes := map[string]int16{}
			other := int16(-1)
			for i, o := range q.Options {
				codes[o.Code] = int16(i)
				if o.Other {
					other = int16(i)
				}
			}
			p.otherCode = append(p.otherCode, other)
			sl := fastSlot{q: q, codes: codes}
			switch q.Type {
			case ir.Single, ir.Dropdown:
				sl.kind = slotCode
			case ir.Multi:
				sl.kind = slotCodes
			case ir.Matrix:
				sl.kind = slotMatrix
				sl.rows = map[string]int16{}
				for i, r := range q.Rows {
					sl.rows[r.Code] = int16(i)
				}
			case ir.Likert, ir.Scale, ir.NPS, ir.Rating, ir.Number:
				sl.kind = slotNumber
			case ir.TextQ, ir.Email, ir.Date:
				sl.kind = slotText
			case ir.Boolean:
				sl.kind = slotBool
			default:
				return nil
			}
			a := addSlot(q.ID, sl)
			na, oth := -1, -1
			if key := q.NAKey(); key != "" {
				na = addSlot(key, fastSlot{kind: slotBool, q: q})
			}
			if key := q.OtherKey(); key != "" && other >= 0 {
				oth = addSlot(key, fastSlot{kind: slotText, q: q})
			}
			if clash || strings.Contains(q.ID, ".") {
				return nil
			}
			p.answer, p.na, p.other = append(p.answer, a), append(p.na, na), append(p.other, oth)
		}
	}
	for _, v := range s.Vars {
		if v.Role == ir.RoleCalc {
			p.vars = append(p.vars, fastVar{slot: -1, row: -1, kind: v.Kind, calc: p.calcs[v.Name]})
			continue
		}
		key := v.Name
		if v.Row != "" {
			key = v.Question
		}
		slot, ok := p.keys[key]
		if !ok {
			return nil
		}
		row := -1
		if v.Row != "" {
			row = int(p.slots[slot].rows[v.Row])
		}
		p.vars = append(p.vars, fastVar{slot: slot, row: row, kind: v.Kind})
	}
	// Every key an answers object may have is a slot, and nothing else is.
	for _, v := range s.Vars {
		if _, ok := p.keys[v.Name]; v.Row == "" && v.Role != ir.RoleCalc && !ok {
			return nil
		}
	}
	return p
}

// calcValue writes a calculation's column as rowEncoder.encode does, from
// the environment visible left (every question evaluated; the fast path
// takes no survey with a screen-out).
func (r *fastRecord) calcValue(v fastVar) {
	e := &r.enc
	val := answer.CalcValue(v.calc, r.env)
	if val == nil {
		e.buf = append(e.buf, tagNull)
		return
	}
	e.buf = append(e.buf, tagPresent)
	switch x := val.(type) {
	case float64:
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(x))
	case bool:
		b := byte(0)
		if x {
			b = 1
		}
		e.buf = append(e.buf, b)
	case string:
		e.str(x)
	}
}

// Meta fields of a submission, by position.
const (
	metaID = iota
	metaSurvey
	metaVersion
	metaLang
	metaStarted
	metaSubmitted
	metaHoneypot
	metaN
)

var metaKeys = map[string]int{
	"response_id": metaID, "survey": metaSurvey, "version": metaVersion, "lang": metaLang,
	"started_at": metaStarted, "submitted_at": metaSubmitted, "hp": metaHoneypot,
}

// span is a range of the record's bytes, or of fastRecord.lists.
type span struct{ start, end int32 }

// fastRecord reads one record at a time; a worker keeps one.
type fastRecord struct {
	answer.Scanner
	p *fastPlan
	b []byte // the record

	has   []bool // per slot
	code  []int16
	num   []float64
	flag  []bool
	span  []span   // slotText: the text; slotCodes, slotMatrix: in lists
	lists []int16  // option indices of lists and matrix rows (-1: row unanswered)
	boxes []string // lists of codes for show_if

	hiddenHas  []bool
	hiddenSpan []span
	meta       [metaN]span
	metaHas    [metaN]bool
	hiddenSeen bool
	answers    bool // the submission has an answers member

	vis       []bool
	evaluated int
	env       ir.Env
	enc       rowEncoder
}

func newFastRecord(p *fastPlan) *fastRecord {
	n := len(p.slots)
	r := &fastRecord{p: p, has: make([]bool, n), code: make([]int16, n), num: make([]float64, n),
		flag: make([]bool, n), span: make([]span, n), hiddenHas: make([]bool, len(p.s.Hidden)),
		hiddenSpan: make([]span, len(p.s.Hidden)), vis: make([]bool, len(p.questions)), enc: rowEncoder{s: p.s}}
	r.env = r.value
	r.boxes = make([]string, 0, 16) // never nil: an empty list is not a missing one
	return r
}

// fastResult is what the fast path gives for an accepted record.
type fastResult struct {
	row       []byte // the spill row; valid until the next record
	id        string
	wave      int32
	submitted int64
}

// read takes one NDJSON record; ok is false when the record must take the
// general path. wave is the input's wave (0: from the answer).
func (r *fastRecord) read(b []byte, wave int) (res fastResult, ok bool) {
	r.b = b
	r.Reset(b)
	clear(r.has)
	clear(r.hiddenHas)
	clear(r.metaHas[:])
	clear(r.meta[:]) // an absent field reads as ""
	clear(r.hiddenSpan)
	r.lists, r.boxes, r.answers, r.hiddenSeen = r.lists[:0], r.boxes[:0], false, false
	if _, ok := r.Record(r.member); !ok || !r.Done() {
		return res, false
	}
	if !r.valid() {
		return res, false
	}
	started, submitted := millis(r.metaText(metaStarted)), millis(r.metaText(metaSubmitted))
	w := waveOf(r.p.s, submitted, wave)
	res = fastResult{row: r.encode(w, started, submitted), id: string(r.bytes(r.meta[metaID])), wave: int32(w), submitted: submitted}
	return res, true
}

// member reads one member of a submission object.
func (r *fastRecord) member(key []byte) bool {
	switch string(key) {
	case "hidden":
		if r.hiddenSeen {
			return false
		}
		r.hiddenSeen = true
		return r.Object(func(k []byte) bool {
			h, ok := r.p.hidden[string(k)]
			if !ok || r.hiddenHas[h] {
				return false
			}
			r.hiddenHas[h] = true
			r.hiddenSpan[h], ok = r.str()
			return ok
		})
	case "answers":
		if r.answers {
			return false
		}
		r.answers = true
		return r.Object(r.answer)
	}
	m, ok := metaKeys[string(key)]
	if !ok || r.metaHas[m] {
		return false
	}
	r.metaHas[m] = true
	r.meta[m], ok = r.str()
	return ok
}

// answer reads one member of the answers object.
func (r *fastRecord) answer(key []byte) bool {
	si, ok := r.p.keys[string(key)]
	if !ok || r.has[si] {
		return false
	}
	r.has[si] = true
	sl := &r.p.slots[si]
	switch sl.kind {
	case slotCode:
		r.code[si], ok = r.option(sl)
		return ok
	case slotCodes:
		start := int32(len(r.lists))
		if !r.Punct('[') {
			return false
		}
		if !r.Punct(']') {
			for {
				c, ok := r.option(sl)
				if !ok {
					return false
				}
				r.lists = append(r.lists, c)
				if r.Punct(']') {
					break
				}
				if !r.Punct(',') {
					return false
				}
			}
		}
		r.span[si] = span{start, int32(len(r.lists))}
		return true
	case slotMatrix:
		start := int32(len(r.lists))
		for range sl.q.Rows {
			r.lists = append(r.lists, -1)
		}
		r.span[si] = span{start, int32(len(r.lists))}
		return r.Object(func(k []byte) bool {
			row, ok := sl.rows[string(k)]
			if !ok || r.lists[start+int32(row)] >= 0 {
				return false
			}
			r.lists[start+int32(row)], ok = r.option(sl)
			return ok
		})
	case slotNumber:
		r.num[si], ok = r.Number()
		return ok
	case slotText:
		r.span[si], ok = r.str()
		return ok
	case slotBool:
		switch {
		case r.Lit("true"):
			r.flag[si] = true
		case r.Lit("false"):
			r.flag[si] = false
		default:
			return false
		}
		return true
	}
	return false
}

// option reads a string that must be one of the question's option codes.
func (r *fastRecord) option(sl *fastSlot) (int16, bool) {
	s, ok := r.str()
	if !ok {
		return 0, false
	}
	c, ok := sl.codes[string(r.bytes(s))]
	return c, ok
}

// valid applies Validate's rules to what was read; any problem sends the
// record to the general path, which words it.
func (r *fastRecord) valid() bool {
	p, s := r.p, r.p.s
	if !answer.ValidResponseID(view(r.bytes(r.meta[metaID]))) || r.metaText(metaSurvey) != s.ID ||
		!slices.Contains(s.Languages, r.metaText(metaLang)) || r.metaText(metaHoneypot) != "" {
		return false
	}
	if v := r.metaText(metaVersion); v != "" && v != s.Hash {
		return false // an older version: the general path maps it
	}
	for _, m := range []int{metaStarted, metaSubmitted} {
		if t := r.metaText(m); t != "" {
			if _, err := time.Parse(time.RFC3339Nano, t); err != nil {
				return false
			}
		}
	}
	for h, ok := range r.hiddenHas {
		if v := r.bytes(r.hiddenSpan[h]); ok && len(v) > schema.MaxHidden && utf8.RuneCount(v) > schema.MaxHidden {
			return false
		}
	}
	r.visible()
	for qi, q := range p.questions {
		a, na, oth := p.answer[qi], p.na[qi], p.other[qi]
		has := r.has[a]
		hasNA := na >= 0 && r.has[na]
		hasOther := oth >= 0 && r.has[oth]
		if !r.vis[qi] {
			if has || hasNA || hasOther {
				return false
			}
			continue
		}
		isNA := hasNA && r.flag[na]
		if !has {
			if q.Required && !isNA || hasOther {
				return false
			}
			continue
		}
		if isNA || !r.answerOK(qi, a) {
			return false
		}
		if hasOther {
			chosen := false
			switch p.slots[a].kind {
			case slotCode:
				chosen = r.code[a] == p.otherCode[qi]
			case slotCodes:
				chosen = slices.Contains(r.list(a), p.otherCode[qi])
			}
			if t := r.bytes(r.span[oth]); !chosen || len(t) > schema.MaxOther && utf8.RuneCount(t) > schema.MaxOther {
				return false
			}
		}
	}
	return true
}

// answerOK checks an answer given to a shown question.
func (r *fastRecord) answerOK(qi, a int) bool {
	q := r.p.questions[qi]
	switch r.p.slots[a].kind {
	case slotCodes:
		list := r.list(a)
		for i, c := range list {
			if slices.Contains(list[:i], c) || len(list) > 1 && q.Options[c].Exclusive {
				return false
			}
		}
		return !(len(list) == 0 && q.Required) &&
			!(q.MinSelect > 0 && len(list) < q.MinSelect) && !(q.MaxSelect > 0 && len(list) > q.MaxSelect)
	case slotMatrix:
		for _, c := range r.list(a) {
			if c < 0 && q.Required {
				return false
			}
		}
	case slotNumber:
		return answer.AnswerOK(q, r.num[a])
	case slotText:
		return answer.AnswerOK(q, view(r.bytes(r.span[a])))
	}
	return true
}

// visible evaluates show_if as answer.Validate's walk does: in form order,
// a hidden question reading as unanswered to the conditions after it. It
// knows no calculation or screen-out: newFastPlan leaves such surveys to
// the general path.
func (r *fastRecord) visible() {
	r.evaluated = 0
	i := 0
	for _, page := range r.p.pages {
		pv := page.ShowIf == nil || ir.Truthy(page.ShowIf.Eval(r.env))
		for _, q := range page.Questions {
			r.vis[i] = pv && (q.ShowIf == nil || ir.Truthy(q.ShowIf.Eval(r.env)))
			i++
			r.evaluated = i
		}
	}
}

// value is answer.Env over what was read, gated as in visible; a
// calculation is evaluated in it, as answer.Validate's walk evaluates one.
func (r *fastRecord) value(ref string) any {
	if c := r.p.calcs[ref]; c != nil { // reads only what is before it: no cycle
		return c.Value.Eval(r.env)
	}
	id, row, dotted := strings.Cut(ref, ".")
	if i, ok := r.p.qIndex[id]; ok && (i >= r.evaluated || !r.vis[i]) {
		return nil
	}
	if dotted {
		si, ok := r.p.keys[id]
		if !ok || !r.has[si] || r.p.slots[si].kind != slotMatrix {
			return nil
		}
		if ri, ok := r.p.slots[si].rows[row]; ok {
			if c := r.list(si)[ri]; c >= 0 {
				return r.p.slots[si].q.Options[c].Code
			}
		}
		return nil
	}
	if si, ok := r.p.keys[ref]; ok && r.has[si] {
		return r.boxed(si)
	}
	if h, ok := r.p.hidden[ref]; ok && r.hiddenHas[h] {
		return string(r.bytes(r.hiddenSpan[h]))
	}
	return nil
}

// boxed is a slot's value as the general decoder gives it.
func (r *fastRecord) boxed(si int) any {
	sl := &r.p.slots[si]
	switch sl.kind {
	case slotCode:
		return sl.q.Options[r.code[si]].Code
	case slotCodes:
		// From an arena the record reuses: show_if only reads the list.
		start := len(r.boxes)
		for _, c := range r.list(si) {
			r.boxes = append(r.boxes, sl.q.Options[c].Code)
		}
		return r.boxes[start:len(r.boxes):len(r.boxes)]
	case slotMatrix:
		m := map[string]string{}
		for i, c := range r.list(si) {
			if c >= 0 {
				m[sl.q.Rows[i].Code] = sl.q.Options[c].Code
			}
		}
		return m
	case slotNumber:
		return r.num[si]
	case slotText:
		return string(r.bytes(r.span[si]))
	case slotBool:
		return r.flag[si]
	}
	return nil
}

// encode writes the spill row exactly as rowEncoder.encode does; the
// current version is index 1 of spillVersions.
func (r *fastRecord) encode(wave int, started, submitted int64) []byte {
	e := &r.enc
	e.buf = e.buf[:0]
	e.strBytes(r.bytes(r.meta[metaID]))
	version := uint64(1) // the current one (spillVersions)
	if r.meta[metaVersion].end == r.meta[metaVersion].start {
		version = 0
	}
	e.buf = binary.AppendUvarint(e.buf, version)
	e.strBytes(r.bytes(r.meta[metaLang]))
	e.buf = binary.AppendVarint(e.buf, int64(wave))
	e.buf = binary.AppendVarint(e.buf, started)
	e.buf = binary.AppendVarint(e.buf, submitted)
	for h, ok := range r.hiddenHas {
		v := r.bytes(r.hiddenSpan[h])
		if !ok || len(v) == 0 {
			e.buf = append(e.buf, tagNull)
			continue
		}
		e.buf = append(e.buf, tagPresent)
		e.strBytes(v)
	}
	for _, v := range r.p.vars {
		if v.calc != nil {
			r.calcValue(v)
			continue
		}
		if !r.has[v.slot] || v.row >= 0 && r.list(v.slot)[v.row] < 0 {
			e.buf = append(e.buf, tagNull)
			continue
		}
		e.buf = append(e.buf, tagPresent)
		switch v.kind {
		case ir.VarCode:
			c := r.code[v.slot]
			if v.row >= 0 {
				c = r.list(v.slot)[v.row]
			}
			e.buf = binary.AppendUvarint(e.buf, uint64(c))
		case ir.VarString:
			e.strBytes(r.bytes(r.span[v.slot]))
		case ir.VarDate:
			t, _ := time.Parse("2006-01-02", view(r.bytes(r.span[v.slot]))) // validated
			e.buf = binary.AppendVarint(e.buf, t.Unix()/86400)
		case ir.VarCodes:
			list := r.list(v.slot)
			e.buf = binary.AppendUvarint(e.buf, uint64(len(list)))
			for _, c := range list {
				e.buf = binary.AppendUvarint(e.buf, uint64(c))
			}
		case ir.VarInt:
			e.buf = binary.AppendVarint(e.buf, int64(r.num[v.slot]))
		case ir.VarFloat:
			e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(r.num[v.slot]))
		case ir.VarBool:
			b := byte(0)
			if r.flag[v.slot] {
				b = 1
			}
			e.buf = append(e.buf, b)
		}
	}
	return e.buf
}

func (r *fastRecord) bytes(s span) []byte { return r.b[s.start:s.end] }

func (r *fastRecord) list(si int) []int16 { s := r.span[si]; return r.lists[s.start:s.end] }

// metaText is a meta field's text ("" when absent), for comparing and
// parsing only: it is a view of the record.
func (r *fastRecord) metaText(m int) string {
	if !r.metaHas[m] {
		return ""
	}
	return view(r.bytes(r.meta[m]))
}

// view is b as a string without a copy, for reading only: the record's
// bytes are reused once it is done.
func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// str reads a string without escapes and returns where its text is.
func (r *fastRecord) str() (span, bool) {
	start, end, ok := r.Plain()
	return span{int32(start), int32(end)}, ok
}
