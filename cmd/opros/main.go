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

	"github.com/opros/opros/site/ingest"
)

func main() {
	if len(os.Args) > 1 {
		setGC(os.Args[1])
	} else {
		setGC("")
	}
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

// compiling are the commands that only read survey files.
var compiling = map[string]bool{"check": true, "fmt": true, "build": true, "diff": true, "init": true}

// setGC sets the garbage collector for a run of command: the one place the
// process's GC settings are made (Main, which tests call, leaves them).
func setGC(command string) {
	switch {
	case compiling[command]:
		// Compiling is short and needs a few times the survey's size in
		// memory: like esbuild's command line, it runs without a garbage
		// collector, until a soft limit an unexpected survey might reach.
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(1 << 30)
	case command == "ingest":
		// Ingest promises flat memory whatever the input size, so the
		// collector runs at the default pace and harder near
		// ingest.MemoryLimit.
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(ingest.MemoryLimit)
	case command == "report":
		// Scoring streams record batches; the default collector pace keeps
		// the heap near what is live instead of the 5× other data commands
		// allow.
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(400 << 20)
	default:
		// Other data commands allocate a lot while parsing; collecting
		// garbage less often trades a few MB of memory for CPU.
		debug.SetGCPercent(400)
	}
}
