package ir_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/largesurvey"
	"github.com/opros/opros/compiler/testkit"
)

// rangeField is the straightforward reading of "without source ranges".
var rangeField = regexp.MustCompile(`,?"range":\{"file":"(?:[^"\\]|\\.)*"[^}]*\}`)

// referenceHash is the fingerprint as documented, computed the slow,
// obvious way: marshal the questionnaire whole, drop ranges, sha256.
func referenceHash(s ir.Survey) string {
	s.Hash = ""
	s.Indexes, s.Blocks, s.Levels, s.Bench, s.Report = nil, nil, nil, ir.Benchmark{}, nil
	raw, err := json.Marshal(&s)
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(rangeField.ReplaceAll(raw, nil))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// testSurveys are the examples, a survey with ui blocks, a large
// generated survey, and surveys with no pages and with an empty list of
// pages.
func testSurveys(t *testing.T) map[string]*ir.Survey {
	large, diags := compiler.New().LoadSource("large.hcl", largesurvey.Source(300))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	surveys := map[string]*ir.Survey{"large": large, "no pages": {ID: "empty"}, "empty pages": {ID: "e", Pages: []ir.Page{}}}
	for _, ex := range []string{"contact-center-2018", "customer-centricity", "cx-index", "nps-csat-ces"} {
		surveys[ex] = testkit.Load(t, "../../examples/"+ex)
	}
	surveys["own interface text"] = testkit.Load(t, "../testdata/ui/survey.hcl")
	return surveys
}

// TestHashInParts holds ComputeHash, which marshals pages concurrently and
// strips ranges with a hand-written scan, equal to the obvious reading.
func TestHashInParts(t *testing.T) {
	for name, s := range testSurveys(t) {
		want := referenceHash(*s)
		if got := s.ComputeHash(); got != want {
			t.Errorf("%s: ComputeHash = %s, want %s", name, got, want)
		}
	}
}

// TestMarshalInParts holds survey.json, whose pages are marshalled
// concurrently, equal to encoding/json's indenting encoder on the whole.
func TestMarshalInParts(t *testing.T) {
	for name, s := range testSurveys(t) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got, err := ir.MarshalSurvey(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: MarshalSurvey differs from encoding/json:\n%s", name, firstDiff(got, want.Bytes()))
		}
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return fmt.Sprintf("at byte %d: %q vs %q", i, a[max(0, i-40):min(len(a), i+40)], b[max(0, i-40):min(len(b), i+40)])
}
