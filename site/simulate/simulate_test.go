package simulate_test

import (
	"bufio"
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/simulate"
)

var examples = []string{"contact-center-2018", "customer-centricity", "cx-index", "nps-csat-ces"}

// TestEveryExampleValid: every simulated submission must pass the same
// validation the collector applies.
func TestEveryExampleValid(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex, func(t *testing.T) {
			s := testkit.Load(t, "../../examples/"+ex)
			cfg, _, d := simulate.LoadConfig("../../examples/" + ex + "/demo/simulate.hcl")
			if d.HasErrors() {
				t.Fatal(d.Error())
			}
			var buf bytes.Buffer
			if err := simulate.Simulate(s, cfg, simulate.Options{N: 600, Seed: 7}, &buf); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(&buf)
			sc.Buffer(nil, 1<<20)
			n := 0
			companies := map[string]bool{}
			for sc.Scan() {
				n++
				sub, err := answer.DecodeJSON(sc.Bytes())
				if err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
				if errs := answer.Validate(s, sub); len(errs) > 0 {
					t.Fatalf("line %d invalid: %v\n%s", n, errs, sc.Text())
				}
				companies[sub.Hidden[s.Bench.Participant]] = true
			}
			// Repeats come on top of N, in each wave.
			if want := 600 + min(cfg.Repeats, len(cfg.Companies))*len(cfg.Waves); n != want {
				t.Errorf("%d responses, want %d", n, want)
			}
			if len(companies) != len(cfg.Companies) {
				t.Errorf("%d companies, want %d", len(companies), len(cfg.Companies))
			}
		})
	}
}

func TestReproducible(t *testing.T) {
	s, _ := compiler.New().Load("../../examples/nps-csat-ces")
	cfg, _, _ := simulate.LoadConfig("../../examples/nps-csat-ces/demo/simulate.hcl")
	run := func(seed uint64) []byte {
		var buf bytes.Buffer
		if err := simulate.Simulate(s, cfg, simulate.Options{N: 200, Seed: seed}, &buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if !bytes.Equal(run(1), run(1)) {
		t.Fatal("same seed, different output")
	}
	if bytes.Equal(run(1), run(2)) {
		t.Fatal("different seeds, same output")
	}
}

func BenchmarkSimulate(b *testing.B) {
	s, _ := compiler.New().Load("../../examples/contact-center-2018")
	cfg, _, _ := simulate.LoadConfig("../../examples/contact-center-2018/demo/simulate.hcl")
	var buf bytes.Buffer
	const n = 10000
	for b.Loop() {
		buf.Reset()
		if err := simulate.Simulate(s, cfg, simulate.Options{N: n, Seed: 1}, &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "responses/s")
}

// TestCompanyEffect: a company's shift moves its answers by what the model
// says it does. Scale answers are readings Φ(0.85·z + 0.55·ε + 0.8) of the
// latent z ~ N(shift, 1) (see reading), so an NPS answer is
// floor(11·Φ(X)) with X ~ N(0.85·shift + 0.8, √1.025), and its mean is
// Σₖ P(X ≥ Φ⁻¹(k/11)) for k = 1..10. Each company's simulated mean must be
// within four standard errors of that, and the companies must differ.
func TestCompanyEffect(t *testing.T) {
	s := testkit.Load(t, "../../examples/nps-csat-ces")
	shifts := map[string]float64{"low": -1, "zero": 0, "high": 1}
	cfg := &simulate.Config{Companies: []simulate.Group{{Name: "low", Shift: -1}, {Name: "zero"}, {Name: "high", Shift: 1}}}
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{N: 9000, Seed: 5}, &buf); err != nil {
		t.Fatal(err)
	}
	sum, sumSq, n := map[string]float64{}, map[string]float64{}, map[string]float64{}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		sub, err := answer.DecodeJSON(sc.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		c := sub.Hidden[s.Bench.Participant]
		v := sub.Answers["q_nps"].(float64)
		sum[c] += v
		sumSq[c] += v * v
		n[c]++
	}
	means := map[string]float64{}
	for c, shift := range shifts {
		if n[c] < 2900 {
			t.Fatalf("%s: %v answers", c, n[c])
		}
		mean := sum[c] / n[c]
		se := math.Sqrt((sumSq[c]/n[c] - mean*mean) / n[c])
		if want := expectedNPSMean(shift); math.Abs(mean-want) > 4*se {
			t.Errorf("company %s (shift %+v): mean NPS answer %.3f, want %.3f ± %.3f", c, shift, mean, want, 4*se)
		}
		means[c] = mean
	}
	// And so do the differences: a standard deviation of satisfaction is
	// two to three points out of ten.
	for _, pair := range [][2]string{{"high", "zero"}, {"zero", "low"}} {
		got := means[pair[0]] - means[pair[1]]
		want := expectedNPSMean(shifts[pair[0]]) - expectedNPSMean(shifts[pair[1]])
		if math.Abs(got-want) > 0.25 || got < 1.5 {
			t.Errorf("%s − %s: %.2f points, want %.2f", pair[0], pair[1], got, want)
		}
	}
}

func expectedNPSMean(shift float64) float64 {
	mu, sd := 0.85*shift+0.8, math.Sqrt(0.85*0.85+0.55*0.55)
	phi := func(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
	inv := func(p float64) float64 { // Φ⁻¹ by bisection: the test needs no speed
		lo, hi := -10.0, 10.0
		for i := 0; i < 200; i++ {
			if m := (lo + hi) / 2; phi(m) < p {
				lo = m
			} else {
				hi = m
			}
		}
		return (lo + hi) / 2
	}
	mean := 0.0
	for k := 1; k <= 10; k++ {
		mean += 1 - phi((inv(float64(k)/11)-mu)/sd)
	}
	return mean
}

// TestInvalidWave: a wave not labelled with a year is reported at its
// label, every one at once, printed in the reader's language.
func TestInvalidWave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "simulate.hcl")
	src := "wave \"2024\" {}\nwave \"last\" {\n  shift = 1\n}\nwave \"99\" {}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, parser, diags := simulate.LoadConfig(path)
	if cfg != nil || len(diags) != 2 {
		t.Fatalf("config %v, diagnostics %v", cfg, diags)
	}
	for i, line := range []int{2, 5} {
		if d := diags[i]; d.Subject == nil || d.Subject.Start.Line != line || d.Subject.Start.Column != 6 || d.Summary != "Invalid Wave" {
			t.Errorf("diagnostic %d: %s at %v", i, d.Summary, d.Subject)
		}
	}
	for lang, want := range map[string][]string{
		"en": {"Error: Invalid Wave", "line 2, column 6", `e.g. wave "2024"; "last" is not one.`},
		"ru": {"Ошибка: Недопустимая волна", "строка 5, столбец 6", `например wave "2024"; "99" — не год.`},
	} {
		var out bytes.Buffer
		if err := compiler.WriteDiagnostics(&out, parser.Files(), diags, lang); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: the diagnostics lack %q:\n%s", lang, w, out.String())
			}
		}
		if lang == "ru" && strings.Contains(out.String(), "Invalid Wave") {
			t.Errorf("English in the Russian diagnostics:\n%s", out.String())
		}
	}
}

// TestRepeats: one submission per company and wave, and the first
// Repeats companies send one more in each wave, days after the first, in
// the same wave, under another response id.
func TestRepeats(t *testing.T) {
	s := testkit.Load(t, "../../examples/contact-center-2018")
	cfg := &simulate.Config{Responses: 1, Repeats: 2,
		Companies: []simulate.Group{{Name: "a"}, {Name: "b"}, {Name: "c"}},
		Waves:     []simulate.WaveCfg{{Year: 2017}, {Year: 2018}}}
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{Seed: 5}, &buf); err != nil {
		t.Fatal(err)
	}
	type key struct{ company, year string }
	times := map[key][]string{}
	ids := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		sub, err := answer.DecodeJSON([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		k := key{sub.Hidden["company"], sub.SubmittedAt[:4]}
		times[k] = append(times[k], sub.SubmittedAt)
		ids[sub.ResponseID] = true
	}
	if len(ids) != 10 {
		t.Errorf("%d distinct response ids, want 10", len(ids))
	}
	for _, c := range []string{"a", "b", "c"} {
		for _, y := range []string{"2017", "2018"} {
			got := times[key{c, y}]
			want := 1
			if c != "c" {
				want = 2
			}
			if len(got) != want {
				t.Errorf("%s in %s: %d submissions, want %d", c, y, len(got), want)
			}
			if len(got) == 2 && got[1] < got[0] {
				t.Errorf("%s in %s: the repeat %s before the first %s", c, y, got[1], got[0])
			}
		}
	}
}

// validSimulated simulates n respondents (seed) of the survey at path and
// returns their submissions, failing on any the Go validator refuses: the
// simulator must keep every rule the form keeps.
func validSimulated(t *testing.T, path string, n int, seed uint64) (*ir.Survey, []*answer.Submission) {
	t.Helper()
	s := testkit.Load(t, path)
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: n, Seed: seed}, &buf); err != nil {
		t.Fatal(err)
	}
	var subs []*answer.Submission
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		sub, err := answer.DecodeJSON(line)
		if err != nil {
			t.Fatal(err)
		}
		if errs := answer.Validate(s, sub); len(errs) > 0 {
			t.Fatalf("%v of %s", errs, line)
		}
		subs = append(subs, sub)
	}
	return s, subs
}
