package main

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/opros/opros/site/ingest"
)

// TestSetGC: each kind of command gets its collector settings from setGC.
func TestSetGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	for _, tt := range []struct {
		command string
		percent int
		limit   int64
	}{
		{"build", -1, 1 << 30},
		{"ingest", 100, ingest.MemoryLimit},
		{"report", 100, 400 << 20},
		{"simulate", 400, math.MaxInt64},
	} {
		debug.SetMemoryLimit(math.MaxInt64)
		setGC(tt.command)
		percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
		if percent != tt.percent || limit != tt.limit {
			t.Errorf("%s: GOGC %d, limit %d; want %d, %d", tt.command, percent, limit, tt.percent, tt.limit)
		}
	}
}
