package answer_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/simulate"
)

// The published schema.json is held to Validate by an independent JSON
// Schema 2020-12 validator, ajv with ajv-formats from .ci/node_modules:
// what opros accepts the schema must accept, and what opros refuses the
// schema must refuse, except the kinds schema.Limits lists.

// ajvScript validates NDJSON records against a schema, one line of output
// per record: a JSON list of problems, empty when valid. Strict mode turns
// anything ajv would only warn about into a failure, so the schema works
// for an endpoint that runs ajv as strictly as it can be run.
const ajvScript = `
const [ajvDir, formatsDir, schemaPath, dataPath] = process.argv.slice(2);
const fs = require('fs');
const mod = (m) => m.default || m;
const Ajv2020 = mod(require(ajvDir + '/dist/2020.js'));
const addFormats = mod(require(formatsDir));
const complaints = [];
const say = (...a) => complaints.push(a.join(' '));
const ajv = new Ajv2020({ allErrors: true, strict: true, logger: { log: say, warn: say, error: say } });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
if (complaints.length) {
  console.error('ajv strict mode: ' + complaints.join('\n'));
  process.exit(3);
}
const out = [];
for (const line of fs.readFileSync(dataPath, 'utf8').split('\n')) {
  if (line === '') continue;
  out.push(JSON.stringify(validate(JSON.parse(line)) ? [] :
    validate.errors.map((e) => (e.instancePath || '/') + ' ' + e.keyword + ': ' + e.message)));
}
process.stdout.write(out.join('\n') + '\n');
`

// ajv returns, per record, the problems ajv finds against the survey's
// schema (none: valid).
func ajv(t *testing.T, s *ir.Survey, records [][]byte) [][]string {
	t.Helper()
	node := testkit.Node(t)
	ajvDir := testkit.NodeModule(t, "ajv")
	formatsDir := testkit.NodeModule(t, "ajv-formats")
	sch, err := schema.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{"validate.cjs": []byte(ajvScript), "schema.json": sch, "records.ndjson": append(bytes.Join(records, []byte("\n")), '\n')}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(node, filepath.Join(dir, "validate.cjs"), ajvDir, formatsDir, filepath.Join(dir, "schema.json"), filepath.Join(dir, "records.ndjson"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ajv: %v\n%s", err, stderr.String())
	}
	var verdicts [][]string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var problems []string
		if err := json.Unmarshal(sc.Bytes(), &problems); err != nil {
			t.Fatalf("ajv output %q: %v", sc.Text(), err)
		}
		verdicts = append(verdicts, problems)
	}
	if len(verdicts) != len(records) {
		t.Fatalf("ajv judged %d records of %d", len(verdicts), len(records))
	}
	return verdicts
}

// goVerdict is what the collector and ingest make of a record: its
// problems as field:code, none when accepted.
func goVerdict(s *ir.Survey, raw []byte) []string {
	sub, err := answer.DecodeJSON(raw)
	if err != nil {
		var out []string
		for _, p := range answer.Problems(err, "record") {
			out = append(out, p.Field+":"+p.Code)
		}
		return out
	}
	var out []string
	for _, e := range answer.Validate(s, sub) {
		out = append(out, e.Field+":"+e.Code)
	}
	if out == nil && sub.Honeypot != "" {
		out = []string{"hp:honeypot"} // the collector logs it as spam, ingest refuses it
	}
	return out
}

// schemaAgrees fails the test on every record that opros and the schema judge
// differently, showing the first few.
func schemaAgrees(t *testing.T, what string, s *ir.Survey, records [][]byte) {
	t.Helper()
	schemaAgreesWith(t, what, s, records, ajv(t, s, records))
}

// schemaAgreesWith is schemaAgrees with ajv's verdicts at hand: node
// starts in seconds on a loaded machine, so a test asks it once.
func schemaAgreesWith(t *testing.T, what string, s *ir.Survey, records [][]byte, verdicts [][]string) {
	t.Helper()
	unexpressed := schema.Unexpressed(s)
	// limit tells a refusal the schema is not meant to make: every problem
	// is about a question whose show_if it cannot express.
	limit := func(problems []string) bool {
		for _, p := range problems {
			field, _, _ := strings.Cut(strings.TrimPrefix(p, "answers."), ":")
			field, _, _ = strings.Cut(field, ".")
			if !slices.ContainsFunc(unexpressed, func(id string) bool {
				return field == id || field == id+"_na" || field == id+"_other"
			}) {
				return false
			}
		}
		return true
	}
	var accepted, disagree, limited int
	for i, raw := range records {
		ours := goVerdict(s, raw)
		if len(ours) == 0 {
			accepted++
		}
		if (len(ours) == 0) == (len(verdicts[i]) == 0) {
			continue
		}
		if len(ours) > 0 && limit(ours) {
			limited++
			continue
		}
		if disagree++; disagree <= 5 {
			t.Errorf("%s: opros says %v, the schema says %v, of\n%s", what, ours, verdicts[i], raw)
		}
	}
	if disagree > 0 {
		t.Errorf("%s: %d of %d records judged differently by opros and schema.json", what, disagree, len(records))
	}
	t.Logf("%s: %d records, %d accepted by opros, %d judged differently by the schema, %d refused by opros for a show_if the schema cannot express (%v)",
		what, len(records), accepted, disagree, limited, unexpressed)
}

// simulated returns n simulated submissions of the survey in dir, with
// the demo's design when it has one (make demo's seed), and as many again
// of one anonymous group with another seed.
func simulated(t *testing.T, dir string, s *ir.Survey, n int) [][]byte {
	t.Helper()
	var buf bytes.Buffer
	var cfg *simulate.Config
	if _, err := os.Stat(filepath.Join(dir, "demo", "simulate.hcl")); err == nil {
		c, _, diags := simulate.LoadConfig(filepath.Join(dir, "demo", "simulate.hcl"))
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		cfg = c
	}
	if err := simulate.Simulate(s, cfg, simulate.Options{Seed: 2026}, &buf); err != nil {
		t.Fatal(err)
	}
	if err := simulate.Simulate(s, nil, simulate.Options{Seed: 7, N: n}, &buf); err != nil {
		t.Fatal(err)
	}
	return bytes.Split(bytes.TrimSuffix(buf.Bytes(), []byte("\n")), []byte("\n"))
}

// mutants change one thing in each of the first n valid records, the way
// a faulty form or a hand-made export would: a key left out or null, an
// answer taken from another respondent, "don't know" added, "Other" text
// added, an answer given to a question that was not shown, a hidden field
// changed, emptied or left out. Some are still
// valid, most are not; opros and the schema must judge each alike.
func mutants(t *testing.T, s *ir.Survey, valid [][]byte, n int) [][]byte {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var out [][]byte
	emit := func(sub map[string]any) {
		raw, err := json.Marshal(sub)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, raw)
	}
	decode := func(raw []byte) map[string]any {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	with := func(raw []byte, key string, v any, drop bool) {
		m := decode(raw)
		a, _ := m["answers"].(map[string]any)
		if a == nil {
			a = map[string]any{}
			m["answers"] = a
		}
		if drop {
			delete(a, key)
		} else {
			a[key] = v
		}
		emit(m)
	}
	for i := 0; i < n && i < len(valid); i++ {
		raw := valid[i]
		donor := decode(valid[rng.IntN(len(valid))])["answers"].(map[string]any)
		for _, q := range s.Questions() {
			keys := []string{q.ID, q.ID + "_na", q.ID + "_other"}
			for _, k := range keys {
				with(raw, k, nil, true)
				with(raw, k, nil, false)
				if v, ok := donor[k]; ok {
					with(raw, k, v, false)
				}
			}
			with(raw, q.ID+"_na", true, false)
			with(raw, q.ID+"_na", false, false)
			with(raw, q.ID+"_other", "something else", false)
			if len(q.Options) > 0 {
				o := q.Options[rng.IntN(len(q.Options))].Code
				switch q.Type {
				case ir.Multi:
					with(raw, q.ID, []string{o}, false)
					with(raw, q.ID, []string{q.Options[0].Code, o}, false)
				case ir.Matrix:
					row := map[string]any{}
					for _, r := range q.Rows {
						row[r.Code] = o
					}
					with(raw, q.ID, row, false)
				default:
					with(raw, q.ID, o, false)
				}
			}
		}
		m := decode(raw)
		m["answers"] = nil
		emit(m)
		for _, h := range s.Hidden {
			for _, v := range []any{nil, "", "silver", "gold"} {
				m := decode(raw)
				hidden, _ := m["hidden"].(map[string]any)
				if hidden == nil {
					hidden = map[string]any{}
					m["hidden"] = hidden
				}
				hidden[h.ID] = v
				emit(m)
				delete(hidden, h.ID)
				emit(m)
			}
		}
		m = decode(raw)
		m["hidden"] = nil
		emit(m)
	}
	return out
}

// TestSchemaAgreesOnExamples: every simulated answer of every example is
// valid to both opros and the schema (before the schema learnt of "don't
// know", 201 of 1,560 nps-csat-ces and 108 of 360 cx-index demo answers
// failed it), and every mutant of them is judged alike.
func TestSchemaAgreesOnExamples(t *testing.T) {
	root := testkit.Root(t)
	dirs, _ := filepath.Glob(filepath.Join(root, "examples", "*", "survey.hcl"))
	if len(dirs) < 4 {
		t.Fatalf("found %d examples", len(dirs))
	}
	dirs = append(dirs, filepath.Join(root, "render", "form", "testdata", "alltypes.hcl"), filepath.Join(root, "compiler", "schema", "testdata", "conditions.hcl"),
		filepath.Join(root, "testdata", "surveys", "every-construct.hcl"), filepath.Join(root, "render", "form", "testdata", "endings.hcl"))
	for _, path := range dirs {
		dir := filepath.Dir(path)
		name := filepath.Base(dir)
		if !strings.HasSuffix(path, "survey.hcl") {
			name = strings.TrimSuffix(filepath.Base(path), ".hcl")
			dir = path
		}
		t.Run(name, func(t *testing.T) {
			s := testkit.Load(t, dir)
			records := simulated(t, filepath.Dir(path), s, 400)
			for _, raw := range records {
				if errs := goVerdict(s, raw); len(errs) > 0 {
					t.Fatalf("simulate made an invalid answer %v:\n%s", errs, raw)
				}
			}
			muts := mutants(t, s, records, 40)
			verdicts := ajv(t, s, append(slices.Clip(records), muts...))
			failed := 0
			for i, v := range verdicts[:len(records)] {
				if len(v) > 0 {
					if failed++; failed <= 3 {
						t.Errorf("schema rejects a valid simulated answer: %v\n%s", v, records[i])
					}
				}
			}
			if failed > 0 {
				t.Errorf("%d of %d simulated answers fail schema.json", failed, len(records))
			}
			t.Logf("%d simulated answers, all valid to opros, %d fail schema.json", len(records), failed)
			schemaAgreesWith(t, "mutants", s, muts, verdicts[len(records):])
		})
	}
}

// TestSchemaAgreesOnRejectionTable: each case of Validate's table is
// judged alike by the schema; the table holds no case of the kinds the
// schema cannot express, which limitCases show apart.
func TestSchemaAgreesOnRejectionTable(t *testing.T) {
	s := alltypes(t)
	var records [][]byte
	for _, c := range validateCases {
		sub := valid(s)
		c.change(sub)
		raw, err := json.Marshal(sub)
		if err != nil {
			t.Fatal(err)
		}
		records = append(records, raw)
	}
	verdicts := ajv(t, s, records)
	for i, c := range validateCases {
		if ours := goVerdict(s, records[i]); !slices.Equal(ours, c.want) {
			t.Errorf("%s: through JSON, opros says %v, want %v", c.name, ours, c.want)
		}
		if (len(c.want) == 0) != (len(verdicts[i]) == 0) {
			t.Errorf("%s: opros says %v, the schema says %v", c.name, c.want, verdicts[i])
		}
	}
}

// limitCases are what opros refuses and the schema cannot: one case per
// entry of schema.Limits, accepted by the schema. A case the schema starts
// to refuse fails here, so that Limits and the docs are updated.
func TestSchemaLimits(t *testing.T) {
	s := alltypes(t)
	base := func(change func(*answer.Submission)) []byte {
		sub := valid(s)
		change(sub)
		raw, err := json.Marshal(sub)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	cond := testkit.Load(t, filepath.Join(testkit.Root(t), "compiler", "schema", "testdata", "conditions.hcl"))
	every := everyConstruct(t)
	rules := testkit.Load(t, filepath.Join(testkit.Root(t), "render", "form", "testdata", "rules.hcl"))
	pageRules := testkit.Load(t, filepath.Join(testkit.Root(t), "render", "form", "testdata", "page_rules.hcl"))
	cells := cellsSurvey(t)
	carry := testkit.Load(t, filepath.Join(testkit.Root(t), "render", "form", "testdata", "carry.hcl"))
	condRecord := func(answers string) []byte {
		return []byte(`{"response_id":"r-0123456789abcdef","survey":"conditions","lang":"en","hidden":{"tier":"gold"},"answers":` + answers + `}`)
	}
	cases := []struct {
		limit   int // index in schema.Limits
		s       *ir.Survey
		raw     []byte
		refused []string // by opros; "" when opros takes it too (the collector refuses it)
	}{
		{0, s, bytes.Replace(base(func(*answer.Submission) {}), []byte(`"lang":"en"`), []byte(`"lang":"en","lang":"ru"`), 1), []string{"lang:duplicate_key"}},
		{1, cond, condRecord(`{"q_score":3,"q_low_na":true,"q_not":["p"],"q_lower":"x"}`), []string{"answers.q_lower:not_shown"}},
		{1, cond, condRecord(`{"q_score":9,"q_promoter":"great","q_not":["p"],"q_page":"x"}`), []string{"answers.q_gold:required"}},
		{2, s, base(func(x *answer.Submission) { x.StartedAt = "2026-02-30T10:00:00Z" }), []string{"started_at:bad_time"}},
		{3, s, base(func(x *answer.Submission) { x.Version = "sha256:older" }), nil},
		{4, s, bytes.Replace(base(func(*answer.Submission) {}), []byte(`"q_long":"ok"`), []byte(`"q_long":"\ud800"`), 1), []string{"record:unreadable"}},
		{5, every, everyRecord(t, every, func(a map[string]any) { a["q_share_mail"] = float64(10) }), []string{"answers.q_share:wrong_total"}},
		{7, every, everyRecord(t, every, func(a map[string]any) { a["q_priorities_reach"] = float64(2) }), []string{"answers.q_priorities_reach:duplicate_rank"}},
		{7, every, everyRecord(t, every, func(a map[string]any) { delete(a, "q_priorities_cost") }), []string{"answers.q_priorities:rank_gap", "answers.q_priorities:required"}},
		{6, rules, []byte(`{"response_id":"r-0123456789abcdef","survey":"rules","lang":"en","answers":{"q_total":10,"q_chat":12}}`), []string{"answers.q_chat:rule"}},
		{6, pageRules, []byte(`{"response_id":"r-0123456789abcdef","survey":"page_rules","lang":"en","answers":{"q_total":5,"q_chat":6}}`), []string{"pages.staff:page_rule"}},
		{limitOf("a matrix_multi row's"), cells, cellsRecord(t, cells, func(a map[string]any) { a["q_tools_voice_bot"], a["q_tools_voice_callback"] = true, true }), []string{"answers.q_tools.voice:too_many"}},
		{limitOf("which options a respondent is offered"), carry, []byte(`{"response_id":"r-0123456789abcdef","survey":"carry","lang":"en","answers":{"q_channels":["phone"],"q_best":"chat"}}`), []string{"answers.q_best:not_offered"}},
	}
	covered := map[int]bool{}
	for _, c := range cases {
		covered[c.limit] = true
	}
	for i := range schema.Limits {
		if !covered[i] {
			t.Errorf("no case shows the limit %q", schema.Limits[i])
		}
	}
	verdicts := map[*ir.Survey][][]string{}
	for _, sv := range []*ir.Survey{s, cond, every, rules, pageRules, cells, carry} {
		var of [][]byte
		for _, c := range cases {
			if c.s == sv {
				of = append(of, c.raw)
			}
		}
		verdicts[sv] = ajv(t, sv, of)
	}
	for _, c := range cases {
		if got := goVerdict(c.s, c.raw); !slices.Equal(got, c.refused) {
			t.Errorf("limit %d: opros says %v, want %v, of\n%s", c.limit, got, c.refused, c.raw)
		}
		v := verdicts[c.s][0]
		verdicts[c.s] = verdicts[c.s][1:]
		if len(v) > 0 {
			t.Errorf("limit %q: the schema now refuses\n%s\nwith %v: update schema.Limits and the docs", schema.Limits[c.limit], c.raw, v)
		}
	}
}

// TestSchemaAgreesOnEdges: values at the edges of what opros takes, each
// a change to a valid submission, are judged alike by the schema: nulls,
// "don't know" false, whole numbers written as fractions, e-mail
// addresses Go's \s and JavaScript's read differently, times Go reads and
// JSON Schema's date-time format does not, the integer range.
func TestSchemaAgreesOnEdges(t *testing.T) {
	s := alltypes(t)
	var records [][]byte
	add := func(change func(x map[string]any, a map[string]any)) {
		raw, _ := json.Marshal(valid(s))
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		change(m, m["answers"].(map[string]any))
		raw, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		records = append(records, raw)
	}
	for _, k := range []string{"hidden", "started_at", "submitted_at", "hp", "version", "response_id", "lang", "survey", "answers"} {
		add(func(m, _ map[string]any) { m[k] = nil })
		add(func(m, _ map[string]any) { delete(m, k) })
	}
	add(func(m, _ map[string]any) { m["hidden"] = map[string]any{"company": nil} })
	add(func(m, _ map[string]any) { m["hp"] = "" })
	add(func(m, _ map[string]any) { m["hp"] = "bot" })
	for _, k := range []string{"q_single", "q_multi", "q_matrix", "q_nps", "q_likert", "q_drop", "q_text", "q_number", "q_date"} {
		add(func(_, a map[string]any) { a[k] = nil })
	}
	add(func(_, a map[string]any) { a["q_likert_na"] = false })
	add(func(_, a map[string]any) { a["q_likert_na"] = nil })
	add(func(_, a map[string]any) { a["q_likert"] = nil; a["q_likert_na"] = true })
	add(func(_, a map[string]any) { a["q_likert_na"] = "true" })
	add(func(_, a map[string]any) { a["q_single_other"] = nil })
	add(func(_, a map[string]any) { a["q_single_other"] = "" })
	add(func(_, a map[string]any) { a["q_single_other"] = strings.Repeat("я", 2001) })
	add(func(_, a map[string]any) { a["q_multi"] = []string{"x", "none"}; a["q_follow"] = nil })
	add(func(_, a map[string]any) { a["q_multi"] = []string{"none"}; delete(a, "q_follow") })
	add(func(_, a map[string]any) { a["q_matrix"] = map[string]any{"r1": "yes", "r2": nil} })
	add(func(_, a map[string]any) { a["q_channels"] = []string{} })
	add(func(_, a map[string]any) { a["q_channels"] = []string{"web", "shop"} })
	add(func(_, a map[string]any) { a["q_long"] = "" })
	add(func(_, a map[string]any) { a["q_long"] = strings.Repeat("😀", 200) })
	add(func(_, a map[string]any) { a["q_long"] = strings.Repeat("😀", 201) })
	for _, e := range []string{"ж@я.рф", "a\u00a0b@c.d", "a\u2028b@c.d", "a b@c.d", "a@b", "a\t@b.c", "@b.c", "a@@b.c", "a@b.c.", "a@.b"} {
		add(func(_, a map[string]any) { a["q_email"] = e })
	}
	for _, d := range []string{"2024-02-29", "2026-02-29", "2026-2-28", "2026-04-31", "0000-01-01"} {
		add(func(_, a map[string]any) { a["q_date"] = d })
	}
	for _, tm := range []string{"2026-03-01T10:00:00,5Z", "2026-03-01T10:00:00+24:00", "2026-03-01T10:00:00.1234567891-00:00", "2026-03-01t10:00:00z", "2026-03-01 10:00:00Z", "2026-03-01T23:59:60Z", "2026-03-01T10:00:00+0300", "2026-03-01T24:00:00Z", ""} {
		add(func(m, _ map[string]any) { m["submitted_at"] = tm })
	}
	for _, n := range []any{9.0, 1e1, 10.5, -1, json.Number("1e400")} {
		add(func(_, a map[string]any) { a["q_nps"] = n })
	}
	schemaAgrees(t, "edges", s, records)

	num := testkit.Load(t, "../../testdata/surveys/numbers.hcl")
	records = nil
	for _, n := range []string{"9007199254740991", "-9007199254740991", "9007199254740992", "-9007199254740992", "9007199254740993", "1e19", "1e2", "2.5"} {
		for _, q := range []string{"n", "f"} {
			records = append(records, []byte(`{"response_id":"r-0123456789abcdef","survey":"s","lang":"en","answers":{"`+q+`":`+n+`}}`))
		}
	}
	schemaAgrees(t, "integer range", num, records)

	// Patterns are Go's; the schema spells them out for JavaScript.
	cond := testkit.Load(t, filepath.Join(testkit.Root(t), "compiler", "schema", "testdata", "conditions.hcl"))
	records = nil
	for _, v := range []struct{ q, text string }{
		{"q_spaced", "two words"}, {"q_spaced", "two\u00a0words"}, {"q_spaced", "two\twords"}, {"q_spaced", "two\u2003words"},
		{"q_spaced", "two\u000bwords"}, {"q_spaced", "twowords"}, {"q_spaced", "два слова"},
		{"q_dot", "x\r"}, {"q_dot", "x\u2028"}, {"q_dot", "x\n"}, {"q_dot", "xy"}, {"q_dot", "абв"}, {"q_dot", "абв1"}, {"q_dot", "аб12"},
		{"q_dot", "ab"}, {"q_dot", "abac"}, {"q_dot", "c"}, {"q_dot", "x😀"}, {"q_dot", "x"},
	} {
		text, _ := json.Marshal(v.text)
		records = append(records, []byte(`{"response_id":"r-0123456789abcdef","survey":"conditions","lang":"en","hidden":{"tier":"gold"},"answers":{"q_score":7,"q_not":["p"],"q_gold":"x","q_page":"x","`+v.q+`":`+string(text)+`}}`))
	}
	schemaAgrees(t, "patterns", cond, records)
}
