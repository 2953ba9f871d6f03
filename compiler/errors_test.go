package compiler_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/testkit"
)

var errorMarker = regexp.MustCompile(`#\s*ERROR:\s*(.+?)\s*$`)

// TestErrorFiles compiles every survey in testdata/errors and compares the
// diagnostics it reports, line by line, with the summaries marked inline as
// "# ERROR: Summary" on the offending lines (Terraform's habit). The printed
// diagnostics are also kept as golden files, so a change of wording or
// snippet shows in review.
func TestErrorFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.hcl")
	if len(files) == 0 {
		t.Fatal("no error files")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for i, line := range strings.Split(string(src), "\n") {
				if m := errorMarker.FindStringSubmatch(line); m != nil {
					want[fmt.Sprintf("%d: %s", i+1, m[1])] = true
				}
			}
			c := compiler.New()
			s, diags := c.Load(path)
			if s != nil {
				t.Errorf("a survey with errors compiled")
			}
			got := map[string]bool{}
			for _, d := range diags {
				if d.Severity != hcl.DiagError || d.Subject == nil {
					t.Errorf("diagnostic without a source range: %s", d.Summary)
					continue
				}
				got[fmt.Sprintf("%d: %s", d.Subject.Start.Line, d.Summary)] = true
			}
			for _, k := range sortedKeys(want) {
				if !got[k] {
					t.Errorf("missing diagnostic at line %s", k)
				}
			}
			for _, k := range sortedKeys(got) {
				if !want[k] {
					t.Errorf("unexpected diagnostic at line %s", k)
				}
			}
			var out bytes.Buffer
			if err := c.WriteDiagnostics(&out, diags); err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, strings.TrimSuffix(path, ".hcl")+".golden", out.Bytes())
		})
	}
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
