package score_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
	"github.com/opros/opros/site/stats"
)

// companyLevel simulates examples/contact-center-2018 as the real study
// runs: one submission per company per wave (responses = 1), the companies
// given as name → industry, in the waves given, and scores it as a
// company-level benchmark.
func companyLevel(t *testing.T, ex string, companies map[string]string, waves []int, minParticipants int) (*ir.Survey, *score.Results, string) {
	t.Helper()
	return companyLevelKept(t, ex, companies, waves, minParticipants, nil)
}

// companyLevelKept is companyLevel ingesting only the submissions keep
// says yes to (all when nil).
func companyLevelKept(t *testing.T, ex string, companies map[string]string, waves []int, minParticipants int, keep func(company string, wave int) bool) (*ir.Survey, *score.Results, string) {
	t.Helper()
	s := testkit.Load(t, "../../examples/"+ex)
	s.Bench.Unit = ir.UnitParticipant
	s.Bench.MinParticipants = minParticipants
	cfg := &simulate.Config{Responses: 1}
	names := make([]string, 0, len(companies))
	for name := range companies {
		names = append(names, name)
	}
	sort.Strings(names)
	segs := map[string]bool{}
	for i, name := range names {
		cfg.Companies = append(cfg.Companies, simulate.Group{Name: name, Segment: companies[name], Shift: float64(i%5-2) / 2})
		if !segs[companies[name]] {
			segs[companies[name]] = true
			cfg.Segments = append(cfg.Segments, simulate.Group{Name: companies[name]})
		}
	}
	for _, w := range waves {
		cfg.Waves = append(cfg.Waves, simulate.WaveCfg{Year: w, Shift: float64(w-2018) / 4})
	}
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{Seed: 7}, &buf); err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var sub struct {
			Hidden      map[string]string `json:"hidden"`
			SubmittedAt string            `json:"submitted_at"`
		}
		json.Unmarshal([]byte(line), &sub)
		wave, _ := strconv.Atoi(sub.SubmittedAt[:4])
		if keep == nil || keep(sub.Hidden["company"], wave) {
			kept = append(kept, line)
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(strings.Join(kept, "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "data.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != len(kept) {
		t.Fatalf("%+v %v", st, err)
	}
	res, err := score.Compute(s, []string{out}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s, res, out
}

// twelve: twelve contact centers, one answer each per wave, in three
// industries of 5, 4 and 3: with min_participants = 3 a peer group needs
// 4 participants, so retail is suppressed.
func twelve(t *testing.T, ex string) (*ir.Survey, *score.Results, string) {
	companies := map[string]string{}
	for i := 1; i <= 12; i++ {
		seg := "bank"
		switch {
		case i > 9:
			seg = "retail"
		case i > 5:
			seg = "telecom"
		}
		companies[fmt.Sprintf("CC%02d", i)] = seg
	}
	return companyLevel(t, ex, companies, []int{2017, 2018}, 3)
}

func ownGroup(res *score.Results, name string, wave int) *score.Group {
	for _, g := range res.Own {
		if g.Value == name && g.Wave == wave {
			return g
		}
	}
	return nil
}

// TestTwelveCompaniesOneAnswer is issue #14's case: every participant has
// its own answers and scores, peer figures appear with their distribution
// over participants (checked by hand from the participants' own values),
// no interval treats the companies as a random sample, and no figure
// leaves its scale.
func TestTwelveCompaniesOneAnswer(t *testing.T) {
	s, res, _ := twelve(t, "contact-center-2018")
	if res.Unit != ir.UnitParticipant || res.MinGroupSize != 4 || res.MinParticipants != 3 {
		t.Fatalf("unit %q, min group %d, min participants %d", res.Unit, res.MinGroupSize, res.MinParticipants)
	}
	if len(res.Own) != 24 {
		t.Fatalf("%d own groups, want 12 companies × 2 waves", len(res.Own))
	}
	var maturity []float64
	for i := 1; i <= 12; i++ {
		name := fmt.Sprintf("CC%02d", i)
		own := ownGroup(res, name, 2018)
		if own == nil || own.Suppressed || own.Indexes["maturity"] == nil || len(own.Blocks) != len(s.Blocks) {
			t.Fatalf("%s: own figures %+v", name, own)
		}
		// Its own answer: one submission, so one option at 100%.
		q := own.Questions["q5_13"]
		if q == nil || q.Valid != 1 {
			t.Fatalf("%s: own answer %+v", name, q)
		}
		if f := own.Indexes["maturity"]; !math.IsNaN(f.Low) || f.NoInterval != "participants" || f.Spread != nil {
			t.Errorf("%s: own maturity %+v: no interval, no spread for one participant", name, f)
		}
		maturity = append(maturity, own.Indexes["maturity"].Value)
		if pub := res.Group("company=" + name + "|wave=2018"); pub == nil || !pub.Suppressed || pub.Indexes != nil {
			t.Errorf("%s: its group among the published groups carries figures", name)
		}
		if own.Indexes["maturity"].VsPrevious == nil || own.Indexes["maturity"].VsPrevious.Method != "difference" {
			t.Errorf("%s: no change since 2017: %+v", name, own.Indexes["maturity"].VsPrevious)
		} else {
			prev := ownGroup(res, name, 2017).Indexes["maturity"].Value
			near(t, name+" change", own.Indexes["maturity"].VsPrevious.Diff, own.Indexes["maturity"].Value-prev)
		}
	}
	w := res.Group("wave=2018")
	if w == nil || w.Suppressed || w.Participants != 12 {
		t.Fatalf("wave 2018: %+v", w)
	}
	f := w.Indexes["maturity"]
	sort.Float64s(maturity)
	sum := 0.0
	for _, v := range maturity {
		sum += v
	}
	near(t, "peer mean", f.Value, sum/12)
	sp := f.Spread
	if sp == nil || sp.N != 12 {
		t.Fatalf("peer spread %+v", sp)
	}
	// Type 7 by hand: h = (n − 1)p, between the 3rd and 4th values for p = ¼.
	near(t, "min", sp.Min, maturity[0])
	near(t, "q1", sp.Q1, maturity[2]+0.75*(maturity[3]-maturity[2]))
	near(t, "median", sp.Median, (maturity[5]+maturity[6])/2)
	near(t, "q3", sp.Q3, maturity[8]+0.25*(maturity[9]-maturity[8]))
	near(t, "max", sp.Max, maturity[11])
	if !math.IsNaN(f.Low) || !math.IsNaN(f.High) || f.NoInterval != "participants" || f.VsRest != nil {
		t.Errorf("peer maturity keeps an interval or a test over companies: %+v", f)
	}
	for _, g := range res.Groups {
		for id, f := range g.Indexes {
			if !math.IsNaN(f.Low) || f.VsRest != nil {
				t.Errorf("%s %s: interval or test over participants", g.Key, id)
			}
			if f.Spread != nil && (f.Spread.Min < 0 || f.Spread.Max > 100) && id != "data_breadth" {
				t.Errorf("%s %s: %+v leaves 0-100", g.Key, id, f.Spread)
			}
		}
		for id, q := range g.Questions {
			for _, o := range q.Options {
				if !math.IsNaN(o.Low) {
					t.Errorf("%s %s: a Wilson interval over participants", g.Key, id)
				}
			}
		}
	}
	// A share choosing an option is over the twelve participants.
	if q := w.Questions["q5_13"]; q == nil || q.Valid != 12 {
		t.Errorf("peer distribution of q5_13: %+v", q)
	}
	// Ranks among the twelve, percentile, quartile; the benchmark is over
	// the participants' own values.
	b := res.Benchmark("index", "maturity")
	if b == nil || b.Suppressed || len(b.Participants) != 12 {
		t.Fatalf("benchmark %+v", b)
	}
	near(t, "benchmark median", b.Median, sp.Median)
	near(t, "benchmark min", b.Min, sp.Min)
	near(t, "benchmark max", b.Max, sp.Max)
	for _, p := range b.Participants {
		want := 4
		switch {
		case p.Value >= b.Q3:
			want = 1
		case p.Value >= b.Median:
			want = 2
		case p.Value >= b.Q1:
			want = 3
		}
		if p.Quartile != want || p.Rank < 1 || p.Rank > 12 {
			t.Errorf("%s: rank %d quartile %d, want quartile %d", p.Name, p.Rank, p.Quartile, want)
		}
	}
	// Wave 2017 → 2018 of the peer group is a plain difference too.
	if v := f.VsPrevious; v == nil || v.NotTestable != "participants" || !math.IsNaN(v.P) {
		t.Errorf("peer change %+v", v)
	}
}

// TestThreeCompanies: with three participants and min_participants = 5
// every peer figure is hidden, and each participant still has all of its
// own.
func TestThreeCompanies(t *testing.T) {
	_, res, _ := companyLevel(t, "contact-center-2018", map[string]string{"A": "bank", "B": "bank", "C": "telecom"}, []int{2018}, 5)
	for _, g := range res.Groups {
		if !g.Suppressed || g.Indexes != nil || g.Questions != nil {
			t.Errorf("%s shown with 3 participants", g.Key)
		}
	}
	for _, b := range res.Benchmarks {
		if !b.Suppressed || len(b.Participants) > 0 {
			t.Errorf("benchmark %s shown with 3 participants", b.ID)
		}
	}
	for _, name := range []string{"A", "B", "C"} {
		own := ownGroup(res, name, 2018)
		if own == nil || own.Indexes["maturity"] == nil || own.Questions["q5_13"] == nil || len(own.Blocks) == 0 {
			t.Errorf("%s: own figures missing: %+v", name, own)
		}
	}
}

// publicView is what a reader of the site who is no participant sees:
// the published groups, without anyone's own figures or the benchmark's
// list of participants (shown to each participant as its own place only).
func publicView(res *score.Results) *score.Results {
	v := *res
	v.Own, v.Benchmarks = nil, nil
	return &v
}

// seatOf is what participant name sees: the public view and its own
// groups, as published cells.
func seatOf(res *score.Results, part, name string) *score.Results {
	v := publicView(res)
	v.Groups = nil
	for _, g := range res.Groups {
		if g.Dim == part+"+wave" && g.Value == name {
			g = ownGroup(res, name, g.Wave)
		}
		v.Groups = append(v.Groups, g)
	}
	return v
}

// TestParticipantAttack plays the attacker of attack_test.go against a
// company-level benchmark from outside and from the seat of every
// participant, who knows its own answers and can subtract them from every
// peer figure: no suppressed group — another participant, or the retail
// industry with 3 participants — is recovered, including by subtracting
// the shown industries from the whole.
func TestParticipantAttack(t *testing.T) {
	_, res, _ := twelve(t, "contact-center-2018")
	if g := res.Group("segment=retail"); g == nil || !g.Suppressed || g.Complement || g.Participants != 3 {
		t.Fatalf("retail (3 participants) not suppressed for its size: %+v", g)
	}
	if g := res.Group("segment=telecom"); g == nil || !g.Complement {
		t.Errorf("telecom not hidden to protect retail: all − bank − telecom = retail")
	}
	for _, f := range attack(publicView(res)) {
		t.Errorf("outsider: %s", f)
	}
	for i := 1; i <= 12; i++ {
		name := fmt.Sprintf("CC%02d", i)
		for _, f := range attack(seatOf(res, "company", name)) {
			if !strings.HasPrefix(f.Cell, "company="+name) {
				t.Errorf("%s: %s", name, f)
			}
		}
	}
}

// TestParticipantSeat: with min_participants = 1 a wave of two
// participants passes the size rule (each leaves one other), but from the
// seat of either one the wave minus itself is the other's answers, and
// each participant's group is never published to another: the wave is
// hidden, and the attacker from each seat recovers nothing.
func TestParticipantSeat(t *testing.T) {
	_, res, _ := companyLevel(t, "contact-center-2018", map[string]string{"A": "bank", "B": "bank"}, []int{2018}, 1)
	if g := res.Group("wave=2018"); g == nil || !g.Suppressed {
		t.Fatalf("wave of two participants shown: each would learn the other's answers")
	}
	for _, name := range []string{"A", "B"} {
		for _, f := range attack(seatOf(res, "company", name)) {
			if !strings.HasPrefix(f.Cell, "company="+name) {
				t.Errorf("%s: %s", name, f)
			}
		}
	}
}

// TestParticipantQuantiles checks a number's peer distribution (the
// likert items of customer-centricity): the median and quartiles of the
// participants' answers.
func TestParticipantQuantiles(t *testing.T) {
	_, res, _ := twelve(t, "customer-centricity")
	w := res.Group("wave=2018")
	var found bool
	for id, q := range w.Questions {
		if q.Mean == nil {
			continue
		}
		var vals []float64
		for i := 1; i <= 12; i++ {
			if oq := ownGroup(res, fmt.Sprintf("CC%02d", i), 2018).Questions[id]; oq != nil && oq.Mean != nil {
				vals = append(vals, *oq.Mean)
			}
		}
		sort.Float64s(vals)
		if q.Spread == nil || q.Spread.N != len(vals) {
			t.Fatalf("%s: spread %+v over %d answers", id, q.Spread, len(vals))
		}
		near(t, id+" median", q.Spread.Median, stats.Quantile(vals, 0.5))
		near(t, id+" q1", q.Spread.Q1, stats.Quantile(vals, 0.25))
		near(t, id+" q3", q.Spread.Q3, stats.Quantile(vals, 0.75))
		if q.MeanLow != nil || q.NoInterval != "participants" {
			t.Errorf("%s: an interval over participants", id)
		}
		found = true
	}
	if !found {
		t.Fatal("no number question in customer-centricity")
	}
}

// TestParticipantAgainstDuckDB recomputes peer figures of a company-level
// benchmark with DuckDB SQL on the same Parquet file: participants per
// wave and industry, the share of participants measuring NPS (q5_13 of
// contact-center-2018), and the quartiles of a likert item of
// customer-centricity (quantile_cont is type 7).
func TestParticipantAgainstDuckDB(t *testing.T) {
	node := testkit.Node(t)
	mod := testkit.NodeModule(t, "@duckdb/node-api")
	_, cc, ccPath := twelve(t, "contact-center-2018")
	s, cent, centPath := twelve(t, "customer-centricity")
	item := ""
	for _, q := range s.Questions() {
		if q.Type == ir.Likert && item == "" {
			item = q.ID
		}
	}
	script := filepath.Join(t.TempDir(), "q.mjs")
	os.WriteFile(script, []byte(`
import { DuckDBInstance } from '`+filepath.Join(mod, "lib", "index.js")+`';
const c = await (await DuckDBInstance.create(':memory:')).connect();
const a = await c.runAndReadAll(`+"`"+`
  select wave, segment, count(distinct company)::int as companies,
    100 * avg(case when list_contains(q5_13, 'nps') then 1.0 else 0 end) as nps
  from read_parquet('`+ccPath+`') where q5_13 is not null group by cube(wave, segment) order by all`+"`"+`);
const b = await c.runAndReadAll(`+"`"+`
  select wave, quantile_cont(`+item+`, 0.25) as q1, quantile_cont(`+item+`, 0.5) as median,
    quantile_cont(`+item+`, 0.75) as q3, count(`+item+`)::int as n
  from read_parquet('`+centPath+`') group by wave order by wave`+"`"+`);
console.log(JSON.stringify({cc: a.getRowObjectsJson(), cent: b.getRowObjectsJson()}));
`), 0o644)
	raw, err := exec.Command(node, script).Output()
	if err != nil {
		t.Fatalf("duckdb: %v", err)
	}
	var out struct{ CC, Cent []map[string]any }
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	num := func(v any) float64 {
		switch x := v.(type) {
		case float64:
			return x
		case string:
			f, _ := strconv.ParseFloat(x, 64)
			return f
		}
		return math.NaN()
	}
	checked := 0
	for _, r := range out.CC {
		key := "all"
		switch {
		case r["wave"] != nil && r["segment"] != nil:
			continue // no wave × segment groups
		case r["wave"] != nil:
			key = fmt.Sprintf("wave=%v", r["wave"])
		case r["segment"] != nil:
			key = fmt.Sprintf("segment=%v", r["segment"])
		}
		g := cc.Group(key)
		if g == nil {
			t.Fatalf("no group %s", key)
		}
		if g.Participants != int(num(r["companies"])) {
			t.Errorf("%s: %d participants, DuckDB %v", key, g.Participants, r["companies"])
		}
		if g.Suppressed {
			continue
		}
		for _, o := range g.Questions["q5_13"].Options {
			if o.Code == "nps" {
				near(t, key+" share measuring NPS", o.Share, num(r["nps"]))
				checked++
			}
		}
	}
	for _, r := range out.Cent {
		g := cent.Group(fmt.Sprintf("wave=%v", r["wave"]))
		sp := g.Questions[item].Spread
		if sp == nil || sp.N != int(num(r["n"])) {
			t.Fatalf("wave %v: spread %+v, DuckDB n %v", r["wave"], sp, r["n"])
		}
		near(t, "q1", sp.Q1, num(r["q1"]))
		near(t, "median", sp.Median, num(r["median"]))
		near(t, "q3", sp.Q3, num(r["q3"]))
		checked++
	}
	if checked < 4 {
		t.Errorf("only %d figures checked", checked)
	}
}

// TestParticipantChangeSinceItsLastWave: a participant that skipped 2017
// gets its change since 2016, the last wave it took part in; the peer
// group's change stays wave to wave.
func TestParticipantChangeSinceItsLastWave(t *testing.T) {
	companies := map[string]string{}
	for i := 1; i <= 8; i++ {
		companies[fmt.Sprintf("CC%02d", i)] = "bank"
	}
	_, res, _ := companyLevelKept(t, "contact-center-2018", companies, []int{2016, 2017, 2018}, 3,
		func(company string, wave int) bool { return company != "CC01" || wave != 2017 })
	if ownGroup(res, "CC01", 2017) != nil {
		t.Fatal("CC01 took part in 2017")
	}
	f, before := ownGroup(res, "CC01", 2018).Indexes["maturity"], ownGroup(res, "CC01", 2016).Indexes["maturity"]
	if f.VsPrevious == nil || f.VsPrevious.Against != "company=CC01|wave=2016" {
		t.Fatalf("CC01's change: %+v, want since 2016", f.VsPrevious)
	}
	near(t, "CC01 change since 2016", f.VsPrevious.Diff, f.Value-before.Value)
	if p := res.Group("wave=2018").Indexes["maturity"].VsPrevious; p == nil || p.Against != "wave=2017" {
		t.Errorf("peer change %+v, want since 2017", p)
	}
}

// TestParticipantSeatsOnExamples attacks the demo data of the two
// company-level examples (one questionnaire per company and wave, repeat
// submissions set aside by ingest) from outside and from the seat of every
// participant: nothing suppressed but the seat's own groups is recovered.
func TestParticipantSeatsOnExamples(t *testing.T) {
	for _, ex := range []string{"contact-center-2018", "customer-centricity"} {
		s, path := simulatedFile(t, ex, 0)
		if s.Bench.Unit != ir.UnitParticipant {
			t.Fatalf("%s is no longer a company-level benchmark", ex)
		}
		res, err := score.Compute(s, []string{path}, score.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range attack(publicView(res)) {
			t.Errorf("%s, outsider: %s", ex, f)
		}
		seats := 0
		for _, d := range res.Dims {
			if d.ID != s.Bench.Participant {
				continue
			}
			for _, name := range d.Values {
				seats++
				for _, f := range attack(seatOf(res, s.Bench.Participant, name)) {
					if !strings.HasPrefix(f.Cell, s.Bench.Participant+"="+name) {
						t.Errorf("%s, seat of %s: %s", ex, name, f)
					}
				}
			}
		}
		if seats < 8 {
			t.Errorf("%s: %d participants attacked from their seats", ex, seats)
		}
	}
}
