package ingest

import "github.com/opros/opros/compiler/ir"

// HasSources says whether ingest reads s's records for source codes or
// names (which turns its fast path off), for the external tests.
func HasSources(s *ir.Survey) bool { return newSourceCodes(s) != nil }
