// Package simulate generates realistic synthetic submissions for any
// survey: seeded and reproducible, valid against the survey (types, skip
// logic, required, exclusive options, limits), with differences between
// companies, segments, channels and waves that the author describes in a
// small HCL file — so a demo report shows real contrasts and benchmarks
// have data of any size.
//
// Each respondent has a latent satisfaction z ~ N(μ, 1), where μ adds the
// effects of their company, segment, channel and wave. Every scale answer
// is a noisy reading of z, so items correlate with each other and with NPS
// the way real survey data does, which is what driver analysis needs.
package simulate

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
)

// Config is the simulation's design. The zero value simulates one
// anonymous group in the survey's wave.
type Config struct {
	Responses int // per company per wave (default 50)
	// Repeats is how many companies (the first ones listed) send one more
	// submission in each wave, days after their last one: a participant
	// correcting its answers, which a participant-level survey's ingest
	// sets aside but the latest.
	Repeats   int
	Companies []Group
	Segments  []Group
	Channels  []Group
	Waves     []WaveCfg
}

// Group is a company, segment or channel with its effect on satisfaction.
type Group struct {
	Name    string  `hcl:"name,label"`
	Shift   float64 `hcl:"shift,optional"`   // added to the latent satisfaction (in standard deviations)
	Weight  float64 `hcl:"weight,optional"`  // relative number of responses (companies), default 1
	Share   float64 `hcl:"share,optional"`   // share of respondents (segments, channels), default equal
	Segment string  `hcl:"segment,optional"` // a company's segment, when segments are industries
}

// WaveCfg is one wave (year) with its effect.
type WaveCfg struct {
	Year  int
	Shift float64
}

// file is simulate.hcl as written; see examples/README.md for the syntax.
type file struct {
	Responses int     `hcl:"responses,optional"`
	Repeats   int     `hcl:"repeats,optional"`
	Companies []Group `hcl:"company,block"`
	Segments  []Group `hcl:"segment,block"`
	Channels  []Group `hcl:"channel,block"`
	Waves     []struct {
		Year      string    `hcl:"year,label"`
		YearRange hcl.Range `hcl:"year,label_range"`
		Shift     float64   `hcl:"shift,optional"`
	} `hcl:"wave,block"`
}

// LoadConfig reads a simulate.hcl file; problems come back as diagnostics
// with file and line.
func LoadConfig(path string) (*Config, *hclparse.Parser, hcl.Diagnostics) {
	p := hclparse.NewParser()
	f, diags := p.ParseHCLFile(path)
	if diags.HasErrors() {
		return nil, p, diags
	}
	var raw file
	diags = append(diags, gohcl.DecodeBody(f.Body, nil, &raw)...)
	if diags.HasErrors() {
		return nil, p, diags
	}
	cfg := &Config{Responses: raw.Responses, Repeats: raw.Repeats, Companies: raw.Companies, Segments: raw.Segments, Channels: raw.Channels}
	for _, w := range raw.Waves {
		y, err := strconv.Atoi(w.Year)
		if err != nil || y < 1900 || y > 2200 {
			diags = append(diags, compiler.Diagnostic(messages, msgInvalidWave, &w.YearRange, w.Year))
			continue
		}
		cfg.Waves = append(cfg.Waves, WaveCfg{Year: y, Shift: w.Shift})
	}
	if diags.HasErrors() {
		return nil, p, diags
	}
	return cfg, p, diags
}

// Options are the command line's choices.
type Options struct {
	N    int    // total responses; 0 = Responses × companies × waves
	Seed uint64 // same seed, same bytes
	Wave int    // simulate only this wave (0 = all configured waves)
}

// Simulate writes NDJSON submissions to w.
func Simulate(s *ir.Survey, cfg *Config, opts Options, w io.Writer) error {
	if cfg == nil {
		cfg = &Config{}
	}
	sim := newSim(s, cfg, opts)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, cell := range sim.plan() {
		var last *answer.Submission
		for i := 0; i < cell.n; i++ {
			sub := sim.respondent(cell.company, cell.wave)
			if err := enc.Encode(sub); err != nil {
				return err
			}
			last = sub
		}
		if cell.repeat && last != nil {
			if err := enc.Encode(sim.again(last, cell)); err != nil {
				return err
			}
		}
	}
	return nil
}

// again is a company's further submission, started one to fourteen days
// after its last one was sent.
func (x *sim) again(last *answer.Submission, c cell) *answer.Submission {
	sub := x.respondent(c.company, c.wave)
	after, err := time.Parse(time.RFC3339, last.SubmittedAt)
	if err != nil {
		return sub
	}
	start := after.Add(time.Duration(1+x.rng.IntN(14)) * 24 * time.Hour)
	sub.StartedAt = start.Format(time.RFC3339)
	sub.SubmittedAt = start.Add(time.Duration(120+x.rng.IntN(1080)) * time.Second).Format(time.RFC3339)
	return sub
}

type cell struct {
	company Group
	wave    WaveCfg
	n       int
	repeat  bool // one more submission after the n (Config.Repeats)
}

type sim struct {
	s     *ir.Survey
	cfg   *Config
	opts  Options
	rng   *rand.Rand
	roles map[string]string // hidden ID → role
	// per-option appeal in multi questions, fixed per survey so that shares
	// differ between options but not at random between respondents
	appeal map[string]float64
}

func newSim(s *ir.Survey, cfg *Config, opts Options) *sim {
	x := &sim{s: s, cfg: cfg, opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, 0x6f70726f73)), roles: map[string]string{}, appeal: map[string]float64{}}
	for _, h := range s.Hidden {
		x.roles[h.ID] = h.Role
	}
	ar := rand.New(rand.NewPCG(opts.Seed^0x9e3779b97f4a7c15, 1))
	for _, q := range s.Questions() {
		for _, o := range q.Options {
			x.appeal[q.ID+"\x00"+o.Code] = ar.NormFloat64()*0.9 - 0.4
		}
	}
	return x
}

// plan divides the responses over companies and waves by weight.
func (x *sim) plan() []cell {
	companies := x.cfg.Companies
	if len(companies) == 0 {
		companies = []Group{{Name: "company", Weight: 1}}
	}
	waves := x.cfg.Waves
	if x.opts.Wave != 0 {
		waves = []WaveCfg{{Year: x.opts.Wave}}
		for _, w := range x.cfg.Waves {
			if w.Year == x.opts.Wave {
				waves[0] = w
			}
		}
	}
	if len(waves) == 0 {
		waves = []WaveCfg{{Year: x.s.Wave}}
	}
	per := x.cfg.Responses
	if per <= 0 {
		per = 50
	}
	var total float64
	for _, c := range companies {
		total += weight(c)
	}
	n := x.opts.N
	if n <= 0 {
		n = int(math.Round(float64(per) * total * float64(len(waves))))
	}
	var cells []cell
	assigned := 0
	for wi, w := range waves {
		for ci, c := range companies {
			k := int(float64(n) * weight(c) / total / float64(len(waves)))
			if wi == len(waves)-1 && ci == len(companies)-1 {
				k = n - assigned // the rounding remainder goes to the last cell
			}
			assigned += k
			cells = append(cells, cell{company: c, wave: w, n: k, repeat: ci < x.cfg.Repeats})
		}
	}
	return cells
}

func weight(c Group) float64 {
	if c.Weight <= 0 {
		return 1
	}
	return c.Weight
}

func (x *sim) pick(groups []Group) Group {
	var total float64
	for _, g := range groups {
		total += share(g)
	}
	r := x.rng.Float64() * total
	for _, g := range groups {
		r -= share(g)
		if r < 0 {
			return g
		}
	}
	return groups[len(groups)-1]
}

func share(g Group) float64 {
	if g.Share <= 0 {
		return 1
	}
	return g.Share
}

func (x *sim) respondent(company Group, wave WaveCfg) *answer.Submission {
	rng := x.rng
	sub := &answer.Submission{
		ResponseID: fmt.Sprintf("sim-%016x%08x", rng.Uint64(), rng.Uint32()),
		Survey:     x.s.ID, Version: x.s.Hash, Hidden: map[string]string{}, Answers: map[string]any{},
	}
	sub.Lang = x.s.Languages[0]
	if len(x.s.Languages) > 1 && rng.Float64() < 0.3 {
		sub.Lang = x.s.Languages[1+rng.IntN(len(x.s.Languages)-1)]
	}
	mu := company.Shift + wave.Shift
	var segment, channel Group
	if len(x.cfg.Segments) > 0 {
		segment = x.pick(x.cfg.Segments)
		if company.Segment != "" {
			for _, g := range x.cfg.Segments {
				if g.Name == company.Segment {
					segment = g
				}
			}
		}
		mu += segment.Shift
	}
	if len(x.cfg.Channels) > 0 {
		channel = x.pick(x.cfg.Channels)
		mu += channel.Shift
	}
	for _, h := range x.s.Hidden {
		switch {
		case h.ID == x.s.Bench.Participant || h.Role == "participant":
			sub.Hidden[h.ID] = company.Name
		case h.Role == "segment" && segment.Name != "":
			sub.Hidden[h.ID] = segment.Name
		case h.Role == "channel" && channel.Name != "":
			sub.Hidden[h.ID] = channel.Name
		case h.Default != "":
			sub.Hidden[h.ID] = h.Default
		}
	}
	year := wave.Year
	if year == 0 {
		year = 2026
	}
	start := time.Date(year, 3, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(int64(270 * 24 * time.Hour))))
	sub.StartedAt = start.Format(time.RFC3339)
	sub.SubmittedAt = start.Add(time.Duration(120+rng.IntN(1080)) * time.Second).Format(time.RFC3339)

	z := mu + rng.NormFloat64()
	vis := map[string]bool{}
	offered := map[string][]bool{} // by question, when what it offers depends on the answers
	var env ir.Env
	env = func(ref string) any {
		if c := x.s.Calculation(ref); c != nil { // as site/answer's page walk reads one
			return c.Value.Eval(env)
		}
		id, _, _ := strings.Cut(ref, ".")
		if x.s.Question(id) != nil && !vis[id] {
			return nil
		}
		return answer.EnvOf(x.s, sub)(ref)
	}
	for _, p := range x.s.Pages {
		pv := p.ShowIf == nil || ir.Truthy(p.ShowIf.Eval(env))
		ask := func() {
			for i := range p.Questions {
				q := &p.Questions[i]
				vis[q.ID] = pv && (q.ShowIf == nil || ir.Truthy(q.ShowIf.Eval(env)))
				if vis[q.ID] && q.OffersByAnswer() {
					// Carried options and option conditions, as site/answer's walk.
					offered[q.ID] = q.Offered(env, sourceOffered(x.s, q, vis, offered))
					vis[q.ID] = ir.AnyOffered(offered[q.ID])
				}
				if !vis[q.ID] {
					continue
				}
				aq := offeredOnly(q, offered[q.ID]) // q as this respondent is asked it
				if !q.Required {
					skip := 0.1
					if q.Type == ir.TextQ || q.Type == ir.Email || q.Type == ir.Date {
						skip = 0.6
					}
					if rng.Float64() < skip {
						continue
					}
				}
				x.answer(aq, z, year, sub)
				// Answers a respondent would be stopped at by a validate rule
				// are asked again; one that never holds is left unanswered.
				for try := 0; try < 50 && breaksRule(q, env); try++ {
					x.answer(aq, z, year, sub)
				}
				if breaksRule(q, env) {
					delete(sub.Answers, q.ID)
					delete(sub.Answers, q.OtherKey())
					for _, c := range q.Cells() {
						delete(sub.Answers, c.Key)
					}
					for _, it := range q.Items {
						delete(sub.Answers, q.ItemKey(it.Code))
					}
				}
			}
		}
		ask()
		// A page whose validate rule does not hold keeps the respondent
		// on it: the page is answered again, afresh.
		for try := 0; pv && try < 50 && breaksAny(p.Rules, env); try++ {
			for i := range p.Questions {
				forget(&p.Questions[i], sub)
			}
			ask()
		}
		// A screen_out that holds ends the survey here (site/answer).
		for _, so := range p.ScreenOut {
			if pv && ir.Truthy(so.If.Eval(env)) {
				return sub
			}
		}
	}
	return sub
}

// breaksRule reports whether an answer of q is there and one of its
// validate rules does not hold.
func breaksRule(q *ir.Question, env ir.Env) bool {
	if env(q.ID) == nil && !slices.ContainsFunc(q.Cells(), func(c ir.Cell) bool { return env(q.ID+"."+c.Row+"."+c.Col) != nil }) &&
		!slices.ContainsFunc(q.Items, func(it ir.Row) bool { return env(q.ID+"."+it.Code) != nil }) {
		return false
	}
	return breaksAny(q.Rules, env)
}

// breaksAny reports whether one of rules does not hold.
func breaksAny(rules []ir.Rule, env ir.Env) bool {
	for _, r := range rules {
		if !ir.Truthy(r.Must.Eval(env)) {
			return true
		}
	}
	return false
}

// forget takes q's answer out of sub, with every key it is stored under.
func forget(q *ir.Question, sub *answer.Submission) {
	for _, k := range []string{q.ID, q.OtherKey(), q.NAKey()} {
		delete(sub.Answers, k)
	}
	for _, it := range q.Items {
		delete(sub.Answers, q.ItemKey(it.Code))
	}
}

// reading is one noisy observation of the latent satisfaction, as a
// probability in (0, 1): the position of the answer on its scale.
func (x *sim) reading(z float64) float64 {
	return normCDF(0.85*z + 0.55*x.rng.NormFloat64() + 0.8)
}

func normCDF(v float64) float64 { return 0.5 * math.Erfc(-v/math.Sqrt2) }

func (x *sim) answer(q *ir.Question, z float64, year int, sub *answer.Submission) {
	rng := x.rng
	switch q.Type {
	case ir.Likert, ir.Scale, ir.NPS, ir.Rating:
		if q.Scale.Missing != nil && rng.Float64() < 0.03 {
			sub.Answers[q.NAKey()] = true
			return
		}
		points := q.Scale.Max - q.Scale.Min + 1
		v := q.Scale.Min + int(x.reading(z)*float64(points))
		sub.Answers[q.ID] = float64(min(v, q.Scale.Max))
	case ir.Single, ir.Dropdown:
		o := x.choose(q, z)
		sub.Answers[q.ID] = o.Code
		if o.Other {
			sub.Answers[q.OtherKey()] = x.phrase(sub.Lang, z)
		}
	case ir.Matrix:
		m := map[string]string{}
		for _, r := range q.Rows {
			m[r.Code] = x.choose(q, z).Code
		}
		sub.Answers[q.ID] = m
	case ir.Multi:
		x.multi(q, z, sub)
	case ir.Number:
		sub.Answers[q.ID] = x.number(q)
	case ir.TextQ:
		if t, ok := x.text(q, sub.Lang, z); ok {
			sub.Answers[q.ID] = t
		}
	case ir.Email:
		sub.Answers[q.ID] = fmt.Sprintf("respondent%d@example.org", rng.IntN(1000000))
	case ir.Date:
		d := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(365))
		sub.Answers[q.ID] = d.Format("2006-01-02")
	case ir.Boolean:
		// "Yes" as often as a satisfied respondent's reading is high.
		sub.Answers[q.ID] = rng.Float64() < x.reading(z)
	case ir.Ranking: // Rank items in a random order, the others unranked
		for r, i := range rng.Perm(len(q.Items))[:q.Rank] {
			sub.Answers[q.ItemKey(q.Items[i].Code)] = float64(r + 1)
		}
	case ir.ConstantSum:
		for i, v := range x.allocation(q) {
			sub.Answers[q.ItemKey(q.Items[i].Code)] = v
		}
	case ir.MatrixMulti:
		for _, r := range q.Rows {
			if !q.Required && rng.Float64() < 0.2 {
				continue // an optional row left empty
			}
			x.ticks(q, r.Code, z, sub)
		}
	case ir.Grid:
		for _, c := range q.Cells() {
			if !q.Required && rng.Float64() < 0.2 {
				continue // an optional cell left empty
			}
			if q.Input == ir.InputDropdown {
				sub.Answers[c.Key] = x.choose(q, z).Code
			} else {
				sub.Answers[c.Key] = x.number(q)
			}
		}
	case ir.Inputs:
		for _, it := range q.Items {
			if !q.Required && rng.Float64() < 0.2 {
				continue // an optional box left empty
			}
			if q.Input == ir.InputNumber {
				sub.Answers[q.ItemKey(it.Code)] = x.number(q)
			} else if t, ok := x.text(q, sub.Lang, z); ok {
				sub.Answers[q.ItemKey(it.Code)] = t
			}
		}
	}
}

// allocation splits a constant_sum question's total over its boxes at
// random: whole numbers with integer (the remainder goes to the last
// box), else tenths, each within max when one is set.
func (x *sim) allocation(q *ir.Question) []float64 {
	n := len(q.Items)
	out := make([]float64, n)
	if n == 0 {
		return out
	}
	unit := 0.1
	if q.Integer {
		unit = 1
	}
	units := int(math.Round(q.Total / unit))
	capUnits := units
	if q.Max != nil {
		capUnits = min(capUnits, int(math.Floor(*q.Max/unit)))
	}
	if capUnits*n < units {
		capUnits = units // a max the total cannot meet: the compiler's to say
	}
	for left := units; left > 0; {
		i := x.rng.IntN(n)
		if int(math.Round(out[i]/unit)) < capUnits {
			step := min(left, 1+x.rng.IntN(max(1, units/n)))
			step = min(step, capUnits-int(math.Round(out[i]/unit)))
			out[i] += float64(step) * unit
			left -= step
		}
	}
	for i := range out {
		out[i] = math.Round(out[i]/unit) * unit
	}
	// Tenths add up in floating point only approximately: the last box
	// takes what makes the sum exact.
	sum := 0.0
	for _, v := range out[:n-1] {
		sum += v
	}
	out[n-1] = q.Total - sum
	return out
}

// number is an answer to a number question or box, within its limits.
func (x *sim) number(q *ir.Question) float64 {
	rng := x.rng
	lo, hi := 1.0, 100.0
	if q.Min != nil {
		lo = *q.Min
	}
	if q.Max != nil {
		hi = *q.Max
	} else if q.Min != nil {
		hi = lo + 100
	}
	// Counts in surveys are skewed: most answers are small.
	v := lo + (hi-lo)*math.Pow(rng.Float64(), 3)
	if q.Integer {
		v = math.Round(v)
	} else {
		v = math.Round(v*10) / 10
	}
	return v
}

// text is an answer to a text question or box within its lengths; none
// (false) for a pattern, which an optional field meets by staying empty.
func (x *sim) text(q *ir.Question, lang string, z float64) (string, bool) {
	if q.Pattern != "" {
		return "", false
	}
	t := x.phrase(lang, z)
	if q.MaxLength > 0 && len([]rune(t)) > q.MaxLength {
		t = string([]rune(t)[:q.MaxLength])
	}
	return t, len([]rune(t)) >= q.MinLength
}

// choose picks one option: by score when options are scored (maturity
// levels, yes/partly/no), by appeal tilted by satisfaction otherwise.
func (x *sim) choose(q *ir.Question, z float64) ir.Option {
	rng := x.rng
	var scored, missing, plain []ir.Option
	for _, o := range q.Options {
		switch {
		case o.Missing:
			missing = append(missing, o)
		case o.Score != nil:
			scored = append(scored, o)
		default:
			plain = append(plain, o)
		}
	}
	if len(missing) > 0 && rng.Float64() < 0.04 {
		return missing[rng.IntN(len(missing))]
	}
	if len(scored) >= 2 {
		sort.SliceStable(scored, func(i, j int) bool { return *scored[i].Score < *scored[j].Score })
		i := int(x.reading(z) * float64(len(scored)))
		return scored[min(i, len(scored)-1)]
	}
	opts := append(scored, plain...)
	if len(opts) == 0 {
		return missing[0]
	}
	weights := make([]float64, len(opts))
	var total float64
	for i, o := range opts {
		tilt := (float64(i)/float64(max(len(opts)-1, 1)) - 0.5) * -z // earlier options read as better
		if o.Other {
			tilt -= 2
		}
		weights[i] = math.Exp(x.appeal[q.ID+"\x00"+o.Code] + tilt)
		total += weights[i]
	}
	r := rng.Float64() * total
	for i := range opts {
		r -= weights[i]
		if r < 0 {
			return opts[i]
		}
	}
	return opts[len(opts)-1]
}

// ticks ticks boxes in one row of a matrix_multi as multi chooses
// options: within min_select and max_select, an exclusive option alone.
// The form sends only the ticked boxes, as true.
func (x *sim) ticks(q *ir.Question, row string, z float64, sub *answer.Submission) {
	one := &answer.Submission{Answers: map[string]any{}}
	x.multi(q, z, one)
	codes, _ := one.Answers[q.ID].([]string)
	for _, c := range codes {
		sub.Answers[q.CellKey(row, c)] = true
	}
}

func (x *sim) multi(q *ir.Question, z float64, sub *answer.Submission) {
	rng := x.rng
	var chosen []string
	var exclusive []ir.Option
	otherChosen := false
	for _, o := range q.Options {
		if o.Exclusive {
			exclusive = append(exclusive, o)
			continue
		}
		p := 1 / (1 + math.Exp(-(x.appeal[q.ID+"\x00"+o.Code] + 0.6*z)))
		if o.Other {
			p *= 0.15
		}
		if rng.Float64() < p {
			chosen = append(chosen, o.Code)
			otherChosen = otherChosen || o.Other
		}
	}
	if q.MaxSelect > 0 && len(chosen) > q.MaxSelect {
		rng.Shuffle(len(chosen), func(i, j int) { chosen[i], chosen[j] = chosen[j], chosen[i] })
		chosen = chosen[:q.MaxSelect]
		otherChosen = false
		for _, c := range chosen {
			otherChosen = otherChosen || q.Option(c).Other
		}
	}
	if len(chosen) == 0 && len(exclusive) > 0 && q.MinSelect <= 1 {
		sub.Answers[q.ID] = []string{exclusive[rng.IntN(len(exclusive))].Code}
		return
	}
	for _, o := range q.Options {
		if len(chosen) >= max(q.MinSelect, 1) {
			break
		}
		if !o.Exclusive && !o.Other && !contains(chosen, o.Code) {
			chosen = append(chosen, o.Code)
		}
	}
	// Codes go in option order, as the form sends them.
	var ordered []string
	for _, o := range q.Options {
		if contains(chosen, o.Code) {
			ordered = append(ordered, o.Code)
		}
	}
	sub.Answers[q.ID] = ordered
	if otherChosen && contains(ordered, otherCode(q)) {
		sub.Answers[q.OtherKey()] = x.phrase(sub.Lang, z)
	}
}

func otherCode(q *ir.Question) string {
	for _, o := range q.Options {
		if o.Other {
			return o.Code
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var phrases = map[string][2][]string{
	"ru": {
		{"Долго ждал ответа оператора.", "Пришлось обращаться несколько раз.", "Не смогли решить вопрос.", "Сотрудник был невежлив.", "Сложно найти нужную информацию на сайте."},
		{"Всё быстро и понятно.", "Вежливый и компетентный сотрудник.", "Решили вопрос с первого обращения.", "Удобное приложение.", "Спасибо за внимание к деталям!"},
	},
	"en": {
		{"I waited too long for an agent.", "I had to call several times.", "My issue was not solved.", "The agent was rude.", "Hard to find information on the website."},
		{"Quick and clear.", "Polite and competent staff.", "Solved on the first contact.", "Convenient app.", "Thanks for the attention to detail!"},
	},
}

func (x *sim) phrase(lang string, z float64) string {
	set, ok := phrases[lang]
	if !ok {
		set = phrases["en"]
	}
	good := 0
	if z+0.3*x.rng.NormFloat64() > 0 {
		good = 1
	}
	list := set[good]
	return list[x.rng.IntN(len(list))]
}
