package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/simulate"
)

var examples = []string{"contact-center-2018", "customer-centricity", "cx-index", "nps-csat-ces"}

// simulatedLines are n simulated submissions to an example (or, with no
// demo settings, to a survey under testdata), one per line.
func simulatedLines(t testing.TB, ex string, n int) (*ir.Survey, [][]byte) {
	t.Helper()
	var s *ir.Survey
	var cfg *simulate.Config
	if strings.HasSuffix(ex, ".hcl") {
		s = testkit.Load(t, ex)
		if ex == everyConstruct {
			s = fastPart(t, s)
		}
	} else {
		s = testkit.Load(t, "../../examples/"+ex)
		var diags hcl.Diagnostics
		if cfg, _, diags = simulate.LoadConfig("../../examples/" + ex + "/demo/simulate.hcl"); diags.HasErrors() {
			t.Fatal(diags)
		}
	}
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{N: n, Seed: 3}, &buf); err != nil {
		t.Fatal(err)
	}
	return s, bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
}

const everyConstruct = "../../testdata/surveys/every-construct.hcl"

// fastPart is s less what the fast path leaves to the general one by
// design: questions with boxes (each box is an answers key of its own),
// endings, calculations (and the questions whose show_if reads one),
// validate rules, screen-outs and carried or conditional options: the
// rest of every-construct.hcl still goes through the fast path.
func fastPart(t testing.TB, s *ir.Survey) *ir.Survey {
	t.Helper()
	if newFastPlan(s) != nil {
		t.Fatal("a survey with an inputs question has a fast path")
	}
	out := *s
	out.Pages, out.Endings, out.Calculations = nil, nil, nil
	calc := map[string]bool{}
	for _, c := range s.Calculations {
		calc[c.ID] = true
	}
	dropped := map[string]bool{}
	for _, p := range s.Pages {
		p.Rules, p.ScreenOut = nil, nil
		p.Questions = slices.DeleteFunc(slices.Clone(p.Questions), func(q ir.Question) bool {
			dropped[q.ID] = ir.HasBoxes(q.Type) || ir.HasCells(q.Type) || q.OffersByAnswer() || q.ShowIf != nil && slices.ContainsFunc(q.ShowIf.Refs(), func(r string) bool { return calc[r] })
			return dropped[q.ID]
		})
		for i := range p.Questions {
			p.Questions[i].Rules = nil
		}
		if len(p.Questions) > 0 {
			out.Pages = append(out.Pages, p)
		}
	}
	out.Vars = slices.DeleteFunc(slices.Clone(s.Vars), func(v ir.Variable) bool { return dropped[v.Question] || calc[v.Name] })
	out.ComputeHash()
	return &out
}

// pathsAgree runs a record through the fast path and through the general
// one (decode, Validate, rowEncoder) and fails the test if the fast path
// accepts what the general one rejects or writes another row. It reports
// whether each path took the record.
func pathsAgree(t *testing.T, chk *checker, fast *fastRecord, general *worker, raw []byte) (fastOK, generalOK bool) {
	t.Helper()
	res, ok := fast.read(raw, 0)
	c := &chunk{buf: raw, recs: []chunkRecord{{Record: Record{Source: "t", Number: 1, Raw: raw}, end: len(raw)}}}
	chk.process(c, general)
	want := c.recs[0]
	if !ok {
		return false, len(want.errs) == 0
	}
	if len(want.errs) > 0 {
		t.Fatalf("the fast path accepts what the general one rejects (%v):\n%s", want.errs, raw)
	}
	if row := c.rows[want.rowStart:want.rowEnd]; !bytes.Equal(res.row, row) || res.id != want.id ||
		res.wave != want.rowWave || res.submitted != want.submitted {
		t.Fatalf("the paths read %s differently:\nfast    %q %d %d %x\ngeneral %q %d %d %x",
			raw, res.id, res.wave, res.submitted, res.row, want.id, want.rowWave, want.submitted, row)
	}
	return true, true
}

func newPaths(s *ir.Survey) (*checker, *fastRecord, *worker) {
	chk := newChecker(s, nil)
	// A participant-level survey's rule runs on the row either path
	// writes (readParticipant; TestParticipantRepeats), not in a path.
	chk.part = nil
	general := chk.newWorker()
	general.fast = nil
	return chk, newFastRecord(chk.fast), general
}

// TestFastRowAgrees: every simulated submission of every example takes the
// fast path and gives the general path's row; and so does, or is left to
// the general path, each of many variants of them that break one rule.
func TestFastRowAgrees(t *testing.T) {
	// The examples, and a survey with every question type and every kind of
	// show_if reference (matrix rows, hidden fields, answered()).
	for _, ex := range append(examples, "testdata/fastpath.hcl", everyConstruct) {
		s, lines := simulatedLines(t, ex, 200)
		chk, fast, general := newPaths(s)
		if chk.fast == nil {
			t.Fatalf("%s: no fast path", ex)
		}
		for _, line := range lines {
			if ok, _ := pathsAgree(t, chk, fast, general, line); !ok {
				t.Fatalf("%s: a simulated submission missed the fast path:\n%s", ex, line)
			}
		}
		taken, tried := 0, 0
		for _, line := range lines[:6] {
			for _, v := range variants(t, s, line) {
				tried++
				fastOK, generalOK := pathsAgree(t, chk, fast, general, v.raw)
				if fastOK {
					taken++
				}
				// A valid record goes the general way only for what the
				// fast path does not read: nulls, escapes, repeated keys.
				if generalOK && !fastOK && !v.mayLeave && !bytes.Contains(v.raw, []byte("null")) {
					t.Fatalf("%s: the fast path left a valid submission to the general path:\n%s", ex, v.raw)
				}
			}
		}
		t.Logf("%s: the fast path took %d of %d variants", ex, taken, tried)
	}
}

// variants are versions of a submission with one thing changed: each
// answer removed or replaced by values of every JSON type and by every
// option code, q_na and q_other set, hidden fields and meta fields broken,
// the whole wrapped as a collector log line, escapes.
// variant is a changed submission; mayLeave marks the shapes the fast path
// leaves to the general one by design, valid or not.
type variant struct {
	raw      []byte
	mayLeave bool
}

func variants(t *testing.T, s *ir.Survey, line []byte) []variant {
	var sub map[string]any
	if err := json.Unmarshal(line, &sub); err != nil {
		t.Fatal(err)
	}
	answers := sub["answers"].(map[string]any)
	var out []variant
	emit := func(change func(sub, answers map[string]any)) {
		var c map[string]any
		json.Unmarshal(line, &c)
		change(c, c["answers"].(map[string]any))
		b, _ := json.Marshal(c)
		out = append(out, variant{raw: b})
		// Without hidden fields, each change again with the first one set,
		// which a show_if may read.
		if _, has := sub["hidden"]; !has && len(s.Hidden) > 0 {
			json.Unmarshal(line, &c)
			c["hidden"] = map[string]any{s.Hidden[0].ID: "bank"}
			change(c, c["answers"].(map[string]any))
			b, _ := json.Marshal(c)
			out = append(out, variant{raw: b})
		}
	}
	values := []any{nil, 0, 1, 5, 10, 11, 51, 100, 101, -1, -1.5, -2, 2.5, 1e19, -1e300, 9007199254740991, "", "x", "хорошо", "1234567890", "2024-02-30", "2024-02-03", "a@b.ru", "a@b",
		[]any{}, []any{"x"}, map[string]any{}, true, false}
	keys := make([]string, 0, len(answers))
	for k := range answers {
		keys = append(keys, k)
	}
	for _, q := range s.Questions() {
		keys = append(keys, q.ID, q.ID+"_na", q.ID+"_other")
		var codes []any
		row := map[string]any{}
		for _, o := range q.Options {
			codes = append(codes, o.Code)
		}
		for _, r := range q.Rows {
			if len(codes) > 0 {
				row[r.Code] = codes[0]
			}
		}
		partial := map[string]any{}
		if len(q.Rows) > 1 && len(codes) > 0 {
			partial[q.Rows[0].Code] = codes[0]
		}
		vs := append([]any{row, partial, codes}, codes...)
		if len(codes) > 1 {
			vs = append(vs, codes[:2], []any{codes[0], codes[0]}, codes[len(codes)-2:])
		}
		for _, v := range vs {
			emit(func(_, a map[string]any) { a[q.ID] = v })
		}
		emit(func(_, a map[string]any) { a[q.ID+"_na"] = true })
		emit(func(_, a map[string]any) { delete(a, q.ID); a[q.ID+"_na"] = true })
		emit(func(_, a map[string]any) { a[q.ID+"_other"] = "текст" })
	}
	sort.Strings(keys)
	for _, k := range keys {
		emit(func(_, a map[string]any) { delete(a, k) })
		for _, v := range values {
			emit(func(_, a map[string]any) { a[k] = v })
		}
	}
	for _, m := range []string{"response_id", "survey", "version", "lang", "started_at", "submitted_at", "hp", "hidden", "answers"} {
		emit(func(sub, _ map[string]any) { delete(sub, m) })
		for _, v := range []any{nil, "", "x", "2017-10-11T07:08:28+03:00", "sha256:0", "en", "ru", 1, map[string]any{"company": "Ромашка"},
			map[string]any{"segment": "bank"}, map[string]any{"segment": ""}, map[string]any{"segment": strings.Repeat("я", 201)}} {
			emit(func(sub, _ map[string]any) { sub[m] = v })
		}
	}
	emit(func(sub, _ map[string]any) { sub["hidden"] = map[string]any{"nope": "x"} })
	emit(func(sub, _ map[string]any) { sub["extra"] = 1 })
	out = append(out,
		variant{raw: fmt.Appendf(nil, `{"received_at":"2026-01-02T03:04:05Z","submission":%s}`, line)},
		variant{raw: fmt.Appendf(nil, `{"submission":%s}`, line)},
		variant{raw: fmt.Appendf(nil, ` %s `, line)},
		variant{raw: fmt.Appendf(nil, `%s,`, line)},
		variant{raw: fmt.Appendf(nil, `{"submission":%s,"received_at":"x","received_at":"y"}`, line), mayLeave: true},
		variant{raw: bytes.Replace(line, []byte(`"answers":{`), []byte(`"answers":{"a\u0062":1,`), 1), mayLeave: true},
		variant{raw: bytes.Replace(line, []byte(`"survey":`), []byte(`"survey":"x","survey":`), 1), mayLeave: true},
		variant{raw: bytes.Replace(line, []byte(`"answers":{`), []byte(`"hidden":{},"answers":{`), 1), mayLeave: true},
	)
	return out
}

func FuzzFastRow(f *testing.F) {
	for _, ex := range []string{"contact-center-2018", "nps-csat-ces"} {
		_, lines := simulatedLines(f, ex, 5)
		for _, l := range lines {
			f.Add(ex == "contact-center-2018", l)
		}
	}
	surveys := map[bool]*ir.Survey{true: testkit.Load(f, "../../examples/contact-center-2018"), false: testkit.Load(f, "../../examples/nps-csat-ces")}
	f.Fuzz(func(t *testing.T, cc bool, raw []byte) {
		chk, fast, general := newPaths(surveys[cc])
		pathsAgree(t, chk, fast, general, raw)
	})
}

// TestEncodeRefusesUnknownCode: a code the current survey does not have
// (validation lets none through; this is the encoder's own guard) keeps
// the record out of the file, with the reason, instead of a wrong index.
func TestEncodeRefusesUnknownCode(t *testing.T) {
	s, lines := simulatedLines(t, "contact-center-2018", 1)
	chk := newChecker(s, nil)
	w := chk.newWorker()
	sub, err := w.dec.DecodeJSON(lines[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, problem := w.enc.encode(sub, 2018, 0, 0); problem != nil {
		t.Fatalf("a valid submission: %v", problem)
	}
	sub.Answers["q5_1"] = "gone"
	if _, problem := w.enc.encode(sub, 2018, 0, 0); problem == nil || problem.Code != "removed_option" || problem.Field != "answers.q5_1" {
		t.Errorf("an unknown code gave %+v", problem)
	}
	sub.Answers["q5_1"], sub.Version = "evolving", "sha256:0"
	if _, problem := w.enc.encode(sub, 2018, 0, 0); problem == nil || problem.Code != "unknown_version" {
		t.Errorf("an unknown version gave %+v", problem)
	}
}

// TestHugeIntegers: an integer answer beyond what a float64 holds exactly
// is rejected by both paths (it was accepted and wrapped in the int64
// column), and in range they still agree.
func TestHugeIntegers(t *testing.T) {
	s := testkit.Load(t, "../../testdata/surveys/numbers.hcl")
	chk, fast, general := newPaths(s)
	if chk.fast == nil {
		t.Fatal("no fast path")
	}
	for _, tc := range []struct {
		n  string
		ok bool
	}{{"9007199254740991", true}, {"-42", true}, {"1e19", false}, {"-1e300", false}, {"9007199254740993", false}, {"9223372036854775807", false}} {
		raw := []byte(`{"response_id":"r-0123456789abcdef","survey":"s","version":"` + s.Hash + `","lang":"en","answers":{"n":` + tc.n + `}}`)
		fastOK, generalOK := pathsAgree(t, chk, fast, general, raw)
		if generalOK != tc.ok || fastOK != tc.ok {
			t.Errorf("n = %s: fast path %v, general path %v; want %v", tc.n, fastOK, generalOK, tc.ok)
		}
	}
}
