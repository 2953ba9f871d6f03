package simulate_test

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/opros/opros/compiler"
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
			if n != 600 {
				t.Errorf("%d responses, want 600", n)
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
