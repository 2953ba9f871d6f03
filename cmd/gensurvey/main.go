// Command gensurvey prints the generated large survey that benchmarks use
// (largesurvey.Source), so `make bench` can time whole commands on it.
package main

import (
	"flag"
	"os"

	"github.com/opros/opros/compiler/largesurvey"
)

func main() {
	n := flag.Int("n", 1000, "number of questions")
	flag.Parse()
	_, _ = os.Stdout.Write(largesurvey.Source(*n))
}
