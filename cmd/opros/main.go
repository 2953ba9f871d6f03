// Command opros compiles surveys written in HCL into static forms, collects
// and ingests answers, and builds benchmark report sites.
//
// main is thin: Main parses the subcommand and its flags into an options
// struct and calls that command's run function, so tests drive Main with
// arguments and buffers and check output and exit codes.
package main

import (
	"os"
	"runtime/debug"
	"runtime/pprof"
)

func main() {
	// opros runs are short and allocate a lot while parsing; collecting
	// garbage less often saves a third of a compile for a few MB of memory.
	debug.SetGCPercent(400)
	// OPROS_CPUPROFILE=FILE profiles one run, for the developers' budgets.
	if path := os.Getenv("OPROS_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			code := Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
