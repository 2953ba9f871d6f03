// Package semdiff compares two compiled versions of a survey and says, for
// each change, whether data collected under the old version can still be
// compared with data collected under the new one — what a researcher needs
// to know before next year's benchmark wave, and what `opros ingest` uses
// to map answers recorded against an older version.
package semdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
)

// Severity of a change for comparability across waves.
const (
	Compatible = "compatible" // data stay comparable
	Caution    = "caution"    // comparable, but a reader should know (wording changed)
	Breaking   = "breaking"   // not comparable: trends across the change are misleading
)

// Change is one difference between the versions.
type Change struct {
	Severity string `json:"severity"`
	Kind     string `json:"kind"` // e.g. "question_removed", "option_added"
	Question string `json:"question,omitempty"`
	Code     string `json:"code,omitempty"` // option code or matrix row, when the change is about one
	Reason   string `json:"reason"`         // in English; WriteText words it in the reader's language
	args     []any  // what Reason was formatted from (reasons, text.go)
}

// Report is the whole diff.
type Report struct {
	Old     string   `json:"old"` // version hashes
	New     string   `json:"new"`
	Changes []Change `json:"changes"`
}

// Breaking reports whether any change breaks comparability.
func (r *Report) Breaking() bool {
	for _, c := range r.Changes {
		if c.Severity == Breaking {
			return true
		}
	}
	return false
}

// Diff compares old with new, question by question in the new order, then
// removed questions, then scoring rules.
func Diff(old, new *ir.Survey) *Report {
	r := &Report{Old: old.Hash, New: new.Hash}
	add := func(sev string, k kind, q, code string, args ...any) {
		r.Changes = append(r.Changes, Change{Severity: sev, Kind: kindNames[k].En, Question: q, Code: code, Reason: reasons.Format(k, "en", args...), args: append([]any{}, args...)})
	}
	lang := new.Languages[0]
	for _, nq := range new.Questions() {
		oq := old.Question(nq.ID)
		if oq == nil {
			add(Compatible, kindQuestionAdded, nq.ID, "", nq.ID)
			continue
		}
		if oq.Type != nq.Type || oq.Input != nq.Input { // an inputs question's boxes from text to numbers change its columns' type
			add(Breaking, kindTypeChanged, nq.ID, "", typeName(oq), typeName(nq))
			continue
		}
		if oq.Page != nq.Page {
			add(Caution, kindQuestionMoved, nq.ID, "", oq.Page, nq.Page)
		}
		for _, l := range new.Languages {
			if oq.Text[l] != "" && oq.Text[l] != nq.Text[l] {
				add(Caution, kindQuestionReworded, nq.ID, "", l, oq.Text[l], nq.Text[l])
				break
			}
		}
		if (oq.ShowIf == nil) != (nq.ShowIf == nil) || codebook.ExprString(oq.ShowIf) != codebook.ExprString(nq.ShowIf) {
			add(Breaking, kindShowIfChanged, nq.ID, "",
				codebook.ExprString(oq.ShowIf), codebook.ExprString(nq.ShowIf))
		}
		if oq.Required != nq.Required {
			add(Caution, kindRequiredChanged, nq.ID, "", oq.Required, nq.Required)
		}
		if oq.Source != nq.Source {
			// As an option's source (diffOptions): said, as a caution.
			add(Caution, kindQuestionSourceChanged, nq.ID, "", oq.Source, nq.Source)
		}
		diffRowSources(oq.Rows, nq.Rows, nq.ID, add)
		diffRowSources(oq.Items, nq.Items, nq.ID, add)
		if o, n := rulesString(oq.Rules), rulesString(nq.Rules); o != n {
			add(Caution, kindRulesChanged, nq.ID, "", n, o)
		}
		if keys := changedMessages(oq, nq); keys != "" {
			add(Compatible, kindMessagesChanged, nq.ID, "", keys)
		}
		diffOptions(oq, nq, lang, add)
		diffOffers(oq, nq, add)
		diffScale(oq, nq, add)
		diffRows(oq, nq, add)
		diffBoolean(oq, nq, new.Languages, add)
		diffItems(oq, nq, lang, add)
		diffCols(oq, nq, add)
		if oq.Total != nq.Total {
			add(Breaking, kindTotalChanged, nq.ID, "", nq.Total, oq.Total)
		}
		if oq.Rank != nq.Rank {
			add(Breaking, kindRankChanged, nq.ID, "", nq.Rank, oq.Rank)
		}
		if max(oq.Columns, 1) != max(nq.Columns, 1) { // a layout respondents see; the answers stay comparable
			add(Compatible, kindColumnsChanged, nq.ID, "", max(nq.Columns, 1), max(oq.Columns, 1))
		}
	}
	for _, oq := range old.Questions() {
		if new.Question(oq.ID) == nil {
			add(Breaking, kindQuestionRemoved, oq.ID, "", oq.ID)
		}
	}
	diffLoops(old, new, add)
	diffScoring(old, new, add)
	diffInvitations(old.Invitations, new.Invitations, add)
	diffUI(old.UI, new.UI, add)
	if o, n := flowString(old), flowString(new); o != n {
		add(Compatible, kindFlowChanged, "", "", n, o)
	}
	for _, np := range new.Pages {
		var o, oRules optional
		for _, op := range old.Pages {
			if op.ID == np.ID {
				o, oRules = screenOutString(op.ScreenOut), rulesString(op.Rules)
			}
		}
		if n := screenOutString(np.ScreenOut); n != o {
			add(Breaking, kindScreenOutChanged, "", "", np.ID, n, o)
		}
		if n := rulesString(np.Rules); n != oRules {
			add(Caution, kindPageRulesChanged, "", "", np.ID, n, oRules)
		}
	}
	if o, n := endingsString(old.Endings), endingsString(new.Endings); o != n {
		add(Caution, kindEndingsChanged, "", "", n, o)
	}
	if o, n := old.Theme.LogoHeight, new.Theme.LogoHeight; o != n { // cosmetic: the data do not change
		add(Compatible, kindLogoHeightChanged, "", "", logoHeight(n), logoHeight(o))
	}
	// A calculation that reads differently changes, unseen in their own
	// text, the show_if and screen_outs that read it: who is asked. It is
	// also a column, which ingest computes: one ingested under the old
	// version holds the old values (set aside: opros report and export
	// refuse such a file until it is ingested again, which computes
	// them anew), one added is missing there, one removed ends.
	for _, nc := range new.Calculations {
		oc := old.Calculation(nc.ID)
		if oc == nil {
			add(Compatible, kindCalculationAdded, "", "", nc.ID)
			continue
		}
		if o, n := codebook.ExprString(oc.Value), codebook.ExprString(nc.Value); o != n || oc.Type != nc.Type {
			add(Breaking, kindCalculationChanged, "", "", nc.ID, n, o)
		}
	}
	for _, oc := range old.Calculations {
		if new.Calculation(oc.ID) == nil {
			add(Caution, kindCalculationRemoved, "", "", oc.ID)
		}
	}
	return r
}

// rulesString is a question's or a page's validate rules as conditions:
// "q_a <= q_b"; none (in the reader's language) without any.
func rulesString(rs []ir.Rule) optional {
	var out []string
	for _, r := range rs {
		out = append(out, codebook.ExprString(r.Must))
	}
	return optional(strings.Join(out, "; "))
}

// changedMessages names the checks whose own message (messages block)
// changed, was added or removed: "max_select, required".
func changedMessages(o, n *ir.Question) string {
	var keys []string
	for _, k := range ir.MessageKeys {
		a, b := o.Messages[k], n.Messages[k]
		if k == "pattern" {
			a, b = o.PatternMessage, n.PatternMessage
		}
		if !maps.Equal(a, b) {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, ", ")
}

// screenOutString is a page's screen-outs as conditions and endings:
// "q_age < 18 -> young"; none without any.
func screenOutString(sos []ir.ScreenOut) optional {
	var out []string
	for _, so := range sos {
		out = append(out, codebook.ExprString(so.If)+" -> "+so.Ending)
	}
	return optional(strings.Join(out, "; "))
}

// endingsString is the endings in order with their conditions:
// "promoter (q_nps >= 9), complete"; none without any.
func endingsString(es []ir.Ending) optional {
	var out []string
	for _, e := range es {
		s := e.ID
		if e.ShowIf != nil {
			s += " (" + codebook.ExprString(e.ShowIf) + ")"
		}
		out = append(out, s)
	}
	return optional(strings.Join(out, ", "))
}

// flowString is the form's steps, which flowSteps words.
func flowString(s *ir.Survey) flowSteps {
	return flowSteps{review: s.ReviewStep(), progress: s.ProgressShown()}
}

// diffInvitations reports an invitations block added, removed or with
// another rule: who may answer, which answers count and whether response
// rates can be computed change, though the answers stay comparable.
func diffInvitations(o, n *ir.Invitations, add addFunc) {
	switch {
	case o == nil && n == nil:
	case o == nil:
		add(Caution, kindInvitationsAdded, "", "", invitationRule(n))
	case n == nil:
		add(Caution, kindInvitationsRemoved, "", "", invitationRule(o))
	case invitationRule(o) != invitationRule(n):
		add(Caution, kindInvitationsChanged, "", "", invitationRule(n), invitationRule(o))
	}
}

// invitationRule is an invitations block as invitationWords words it.
func invitationRule(inv *ir.Invitations) invitationWords {
	return invitationWords{required: inv.Required, once: inv.Once}
}

// diffUI reports the languages whose own interface text (ui blocks)
// changed: respondents read it, so the fingerprint changes, but answers
// stay comparable.
func diffUI(o, n ir.UIStrings, add addFunc) {
	langs := map[string]bool{}
	for l := range o {
		langs[l] = true
	}
	for l := range n {
		langs[l] = true
	}
	for _, l := range slices.Sorted(maps.Keys(langs)) {
		var keys []string
		for _, k := range ir.UIKeys {
			if o[l][k.Name] != n[l][k.Name] {
				keys = append(keys, k.Name)
			}
		}
		if len(keys) > 0 {
			add(Compatible, kindUIChanged, "", "", l, strings.Join(keys, ", "))
		}
	}
}

type addFunc func(sev string, k kind, q, code string, args ...any)

func diffOptions(oq, nq *ir.Question, lang string, add addFunc) {
	for _, no := range nq.Options {
		oo := oq.Option(no.Code)
		if oo == nil {
			sev := Breaking
			if nq.Type == ir.Multi || nq.Type == ir.MatrixMulti {
				sev = Caution // a new checkbox changes others' shares only a little, but it does
			}
			add(sev, kindOptionAdded, nq.ID, no.Code, no.Code, no.Label.Get(lang))
			continue
		}
		if oo.Label.Get(lang) != no.Label.Get(lang) {
			add(Caution, kindOptionReworded, nq.ID, no.Code, no.Code, oo.Label.Get(lang), no.Label.Get(lang))
		}
		if oo.Missing != no.Missing {
			add(Breaking, kindOptionMissingChanged, nq.ID, no.Code, no.Code, missingState(no.Missing))
		}
		if (oo.Score == nil) != (no.Score == nil) || (oo.Score != nil && *oo.Score != *no.Score) {
			add(Breaking, kindOptionScoreChanged, nq.ID, no.Code, no.Code)
		}
		if oo.Source != no.Source {
			// Not a break of opros data (its codes did not change), but
			// of re-ingesting the old tool's exports: said, as a caution.
			add(Caution, kindSourceChanged, nq.ID, no.Code, no.Code, oo.Source, no.Source)
		}
	}
	for _, oo := range oq.Options {
		if nq.Option(oo.Code) == nil {
			add(Breaking, kindOptionRemoved, nq.ID, oo.Code, oo.Code)
		}
	}
}

func diffScale(oq, nq *ir.Question, add addFunc) {
	if oq.Scale == nil || nq.Scale == nil {
		return
	}
	if oq.Scale.Min != nq.Scale.Min || oq.Scale.Max != nq.Scale.Max {
		add(Breaking, kindScaleChanged, nq.ID, "", oq.Scale.Min, oq.Scale.Max, nq.Scale.Min, nq.Scale.Max)
	}
	if fmt.Sprint(oq.Scale.MinLabel, oq.Scale.MaxLabel, oq.Scale.Labels) != fmt.Sprint(nq.Scale.MinLabel, nq.Scale.MaxLabel, nq.Scale.Labels) {
		add(Caution, kindScaleRelabelled, nq.ID, "")
	}
}

// diffBoolean reports the first language in which a boolean question's
// labels changed ("Yes"/"No" became "Outsourced"/"In-house"): the answers
// keep their meaning only as far as the words do.
func diffBoolean(oq, nq *ir.Question, langs []string, add addFunc) {
	for _, l := range langs {
		if oq.TrueLabel[l] != "" && (oq.TrueLabel[l] != nq.TrueLabel[l] || oq.FalseLabel[l] != nq.FalseLabel[l]) {
			add(Caution, kindBooleanRelabelled, nq.ID, "", l, oq.TrueLabel[l], oq.FalseLabel[l], nq.TrueLabel[l], nq.FalseLabel[l])
			return
		}
	}
}

// typeName is a question's type as a change names it: an inputs
// question's with what its boxes take.
func typeName(q *ir.Question) string {
	if q.Type == ir.Inputs || q.Type == ir.Grid { // a grid of numbers or of dropdowns
		return q.Type + " (" + q.Input + ")"
	}
	return q.Type
}

// diffItems reports an inputs question's boxes added (earlier waves have
// no answers in them) and removed (the column ends), as matrix rows.
func diffItems(oq, nq *ir.Question, lang string, add addFunc) {
	has := func(items []ir.Row, code string) bool {
		return slices.ContainsFunc(items, func(it ir.Row) bool { return it.Code == code })
	}
	for _, it := range nq.Items {
		i := slices.IndexFunc(oq.Items, func(o ir.Row) bool { return o.Code == it.Code })
		if i < 0 {
			add(Compatible, kindItemAdded, nq.ID, it.Code, it.Code)
		} else if oq.Items[i].Label.Get(lang) != it.Label.Get(lang) {
			add(Caution, kindItemReworded, nq.ID, it.Code, it.Code, it.Label.Get(lang), oq.Items[i].Label.Get(lang))
		}
	}
	for _, it := range oq.Items {
		if !has(nq.Items, it.Code) {
			add(Breaking, kindItemRemoved, nq.ID, it.Code, it.Code)
		}
	}
}

// diffCols reports a grid's columns added (earlier waves have no answers
// in their cells) and removed (the cells' columns end), as matrix rows. A
// matrix_multi's columns are its options (diffOptions).
func diffCols(oq, nq *ir.Question, add addFunc) {
	has := func(cols []ir.Row, code string) bool {
		return slices.ContainsFunc(cols, func(c ir.Row) bool { return c.Code == code })
	}
	for _, c := range nq.Cols {
		if !has(oq.Cols, c.Code) {
			add(Compatible, kindColumnAdded, nq.ID, c.Code, c.Code)
		}
	}
	for _, c := range oq.Cols {
		if !has(nq.Cols, c.Code) {
			add(Breaking, kindColumnRemoved, nq.ID, c.Code, c.Code)
		}
	}
}

// diffRowSources reports the rows or items kept whose source name changed,
// as an option's source (diffOptions).
func diffRowSources(old, new []ir.Row, q string, add addFunc) {
	for _, r := range new {
		i := slices.IndexFunc(old, func(o ir.Row) bool { return o.Code == r.Code })
		if i >= 0 && old[i].Source != r.Source {
			add(Caution, kindRowSourceChanged, q, r.Code, r.Code, old[i].Source, r.Source)
		}
	}
}

func diffRows(oq, nq *ir.Question, add addFunc) {
	has := func(rows []ir.Row, code string) bool {
		for _, r := range rows {
			if r.Code == code {
				return true
			}
		}
		return false
	}
	for _, r := range nq.Rows {
		if !has(oq.Rows, r.Code) {
			add(Compatible, kindRowAdded, nq.ID, r.Code, r.Code)
		}
	}
	for _, r := range oq.Rows {
		if !has(nq.Rows, r.Code) {
			add(Breaking, kindRowRemoved, nq.ID, r.Code, r.Code)
		}
	}
}

func diffScoring(old, new *ir.Survey, add addFunc) {
	oi := map[string]ir.Index{}
	for _, x := range old.Indexes {
		oi[x.ID] = x
	}
	for _, x := range new.Indexes {
		o, ok := oi[x.ID]
		switch {
		case !ok:
			add(Compatible, kindIndexAdded, "", x.ID, x.ID)
		case defString(o) != defString(x):
			add(Breaking, kindIndexChanged, "", x.ID, x.ID)
		}
		delete(oi, x.ID)
	}
	var removed []string
	for id := range oi {
		removed = append(removed, id)
	}
	sort.Strings(removed)
	for _, id := range removed {
		add(Breaking, kindIndexRemoved, "", id, id)
	}
	ob := map[string]ir.Block{}
	for _, x := range old.Blocks {
		ob[x.ID] = x
	}
	for _, x := range new.Blocks {
		o, ok := ob[x.ID]
		switch {
		case !ok:
			add(Compatible, kindBlockAdded, "", x.ID, x.ID)
		case fmt.Sprint(o.Items, o.Weights) != fmt.Sprint(x.Items, x.Weights):
			add(Breaking, kindBlockChanged, "", x.ID, x.ID)
		}
		delete(ob, x.ID)
	}
	removed = removed[:0]
	for id := range ob {
		removed = append(removed, id)
	}
	sort.Strings(removed)
	for _, id := range removed {
		add(Breaking, kindBlockRemoved, "", id, id)
	}
	diffBenchmark(old.Bench, new.Bench, add)
}

// diffBenchmark reports changed benchmark settings. They do not touch the
// data: a report recomputes every wave with the current settings, so its
// trends stay consistent, but its figures will differ from those published
// under the old settings, which a reader comparing with last year's report
// must know.
func diffBenchmark(o, n ir.Benchmark, add addFunc) {
	if o.Participant != n.Participant {
		add(Caution, kindParticipantChanged, "", "", optional(n.Participant), optional(o.Participant))
	}
	if unitOf(o) != unitOf(n) || o.Once != n.Once {
		add(Caution, kindUnitChanged, "", "", unitWords{unitOf(n), n.Once}, unitWords{unitOf(o), o.Once})
	}
	if fmt.Sprint(o.Segments) != fmt.Sprint(n.Segments) {
		add(Compatible, kindSegmentsChanged, "", "", n.Segments, o.Segments)
	}
	if o.Weight != n.Weight {
		add(Caution, kindWeightChanged, "", "", optional(n.Weight), optional(o.Weight))
	}
	if marginString(o.Margins) != marginString(n.Margins) {
		add(Caution, kindMarginsChanged, "", "", optional(marginString(n.Margins)), optional(marginString(o.Margins)))
	}
	if o.MinGroupSize != n.MinGroupSize || o.MinParticipants != n.MinParticipants {
		add(Compatible, kindSuppressionChanged, "", "",
			n.MinGroupSize, n.MinParticipants, o.MinGroupSize, o.MinParticipants)
	}
}

// marginString is a margin list in one line: "segment{b2b:0.2 b2c:0.8}",
// or "" when there are none.
func marginString(ms []ir.Margin) string {
	if len(ms) == 0 {
		return ""
	}
	var parts []string
	for _, m := range ms {
		var ts []string
		for _, t := range m.Targets {
			ts = append(ts, fmt.Sprintf("%s:%.4g", t.Code, t.Share))
		}
		parts = append(parts, m.Field+"{"+strings.Join(ts, " ")+"}")
	}
	return strings.Join(parts, " ")
}

func defString(x ir.Index) string {
	return fmt.Sprint(x.Kind, x.Items, x.Weights, x.Top, x.Bottom, x.Options, codebook.ExprString(x.Expr))
}

// WriteText prints the report for people, most severe first, in lang
// ("en" or "ru"). In English severities and kinds are the words of the
// JSON; in Russian they are Russian words (the JSON keeps its own).
func (r *Report) WriteText(w io.Writer, lang string) error {
	widths, ok := columnWidths[lang]
	if !ok {
		lang, widths = "en", columnWidths["en"]
	}
	if len(r.Changes) == 0 {
		_, err := fmt.Fprintln(w, words.In(wordNoChanges, lang))
		return err
	}
	order := map[string]int{Breaking: 0, Caution: 1, Compatible: 2}
	changes := append([]Change(nil), r.Changes...)
	sort.SliceStable(changes, func(i, j int) bool { return order[changes[i].Severity] < order[changes[j].Severity] })
	var b strings.Builder
	counts := map[string]int{}
	for _, c := range changes {
		counts[c.Severity]++
		where := c.Question
		if c.Code != "" {
			if where != "" {
				where += "/"
			}
			where += c.Code
		}
		// fmt pads to a width in runes, so Cyrillic columns line up too.
		fmt.Fprintf(&b, "%-*s  %-*s  %-*s  %s\n", widths[0], severityWord(c.Severity, lang),
			widths[1], kindWord(c.Kind, lang), widths[2], where, c.text(lang))
	}
	fmt.Fprintf(&b, "\n%s\n", words.Format(wordTotals, lang, counts[Breaking], counts[Caution], counts[Compatible]))
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// setAsideKinds are the changes after which an answer recorded under Old
// has no column, or no meaning, in New's data: Mapper has ingest set such
// answers aside, and a file ingested under Old cannot be read as New.
var setAsideKinds = map[string]bool{
	"question_removed": true, "row_removed": true, "option_removed": true,
	"type_changed": true, "scale_changed": true, "total_changed": true, "rank_changed": true, "item_removed": true,
	"calculation_changed": true, // no answer is set aside: ingest computes the column anew
}

// SetAside lists the changes whose answers ingest sets aside (Mapper):
// data ingested under Old are read as New only when there are none, since
// answers to a removed question, row or option would go unread, and
// answers to a changed type or scale would be read on the wrong scale.
func (r *Report) SetAside() []Change {
	var out []Change
	for _, c := range r.Changes {
		if setAsideKinds[c.Kind] {
			out = append(out, c)
		}
	}
	return out
}

// Text is the change's reason in lang ("en" or "ru").
func (c Change) Text(lang string) string { return c.text(lang) }

// Mapper tells ingest what to do with an answer recorded under Old: keep
// it, or, with the reason the diff gives, leave it out. Ingest then keeps
// the record and sets the answer aside, reason and all, in its set-aside
// file (site/ingest), so an old wave stays ingestible for trends and
// nothing it recorded is lost. Questions and matrix rows added since Old
// need nothing: its answers have none, and read as unanswered.
type Mapper struct {
	removedQ    map[string]string // question → the diff's reason
	removedRow  map[string]string // "q\x00row"
	removedCode map[string]string // "q\x00code"
	typeChanged map[string]string
}

// Mapper builds the mapping from the report.
func (r *Report) Mapper() *Mapper {
	m := &Mapper{removedQ: map[string]string{}, removedRow: map[string]string{}, removedCode: map[string]string{}, typeChanged: map[string]string{}}
	for _, c := range r.Changes {
		switch c.Kind {
		case "question_removed":
			m.removedQ[c.Question] = c.Reason
		case "row_removed":
			m.removedRow[c.Question+"\x00"+c.Code] = c.Reason
		case "option_removed":
			m.removedCode[c.Question+"\x00"+c.Code] = c.Reason
		case "type_changed", "scale_changed", "total_changed", "rank_changed": // an allocation of another total, or ranks of another count, read on another scale
			m.typeChanged[c.Question] = c.Reason
		}
	}
	return m
}

// Question says whether answers to the old question q can be kept: ok is
// false with the diff's reason when the question no longer exists or
// changed type or scale, so that the answer is set aside rather than
// misread.
func (m *Mapper) Question(q string) (ok bool, reason string) {
	if why, removed := m.removedQ[q]; removed {
		return false, why
	}
	if why, changed := m.typeChanged[q]; changed {
		return false, why
	}
	return true, ""
}

// Row says whether the answer to row of the old matrix question q can be
// kept: not when the row was removed, since its trend ends there.
func (m *Mapper) Row(q, row string) (ok bool, reason string) {
	if why, removed := m.removedRow[q+"\x00"+row]; removed {
		return false, why
	}
	return true, ""
}

// Code says whether an option code of question q recorded under the old
// version still exists.
func (m *Mapper) Code(q, code string) (ok bool, reason string) {
	if why, removed := m.removedCode[q+"\x00"+code]; removed {
		return false, why
	}
	return true, ""
}

// unitOf is a benchmark's unit of analysis; an IR from before the unit
// existed has none, and was respondent-level.
func unitOf(b ir.Benchmark) string {
	if b.Unit == "" {
		return ir.UnitRespondent
	}
	return b.Unit
}
