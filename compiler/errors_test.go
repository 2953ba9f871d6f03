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

	"github.com/apparentlymart/go-textseg/v15/textseg"
	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/testkit"
)

// errorMarker is one expected diagnostic, "ERROR @COLUMN: Summary", in a
// comment on the line where its range starts; several on one line are
// separated by semicolons.
var errorMarker = regexp.MustCompile(`ERROR @(\d+): ([^;]+?)\s*(?:;|$)`)

// TestErrorFiles compiles every survey in testdata/errors and compares the
// diagnostics it reports, by line, column and summary, with those marked
// inline as "# ERROR @COLUMN: Summary" on the offending lines (Terraform's
// habit). The printed diagnostics are also kept as golden files, so a
// change of wording or snippet shows in review, in English and in Russian.
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
				_, comment, found := strings.Cut(line, "# ERROR")
				if !found {
					continue
				}
				marks := errorMarker.FindAllStringSubmatch("ERROR"+comment, -1)
				if len(marks) == 0 {
					t.Errorf("line %d: a marker without a column: %q", i+1, line)
				}
				for _, m := range marks {
					want[fmt.Sprintf("%d:%s: %s", i+1, m[1], m[2])] = true
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
				got[fmt.Sprintf("%d:%d: %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Summary)] = true
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
			for _, lang := range []string{"en", "ru"} {
				var out bytes.Buffer
				c.Lang = lang
				if err := c.WriteDiagnostics(&out, diags); err != nil {
					t.Fatal(err)
				}
				golden := strings.TrimSuffix(path, ".hcl") + ".golden"
				if lang != "en" {
					golden = strings.TrimSuffix(path, ".hcl") + "." + lang + ".golden"
				}
				testkit.Golden(t, golden, out.Bytes())
			}
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

// TestDiagnosticRanges checks that every diagnostic of every error file
// has a range whose byte offsets and line/column agree, and that its
// printed snippet is the line the range names: a range rebuilt from
// ir.Range (lines and columns, no byte offsets) once showed line 1 of the
// file under "line 27".
func TestDiagnosticRanges(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.hcl")
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c := compiler.New()
		_, diags := c.Load(path)
		for _, d := range diags {
			checkRange(t, c, src, d)
		}
	}
}

// checkRange fails the test when d's subject does not point where its
// line and column say, or when its printed snippet shows another line.
func checkRange(t *testing.T, c *compiler.Compiler, src []byte, d *hcl.Diagnostic) {
	t.Helper()
	r := d.Subject
	if r == nil {
		return
	}
	for _, p := range []hcl.Pos{r.Start, r.End} {
		if got := posAt(src, p.Byte); got != p {
			t.Errorf("%s at %s: byte %d is at %d:%d, not %d:%d", d.Summary, r, p.Byte, got.Line, got.Column, p.Line, p.Column)
			return
		}
	}
	var out bytes.Buffer
	if err := c.WriteDiagnostics(&out, hcl.Diagnostics{d}); err != nil {
		t.Fatal(err)
	}
	line := strings.TrimRight(strings.Split(string(src), "\n")[r.Start.Line-1], " \r")
	want := fmt.Sprintf("%d: %s", r.Start.Line, line)
	found := false
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.TrimSpace(l) == strings.TrimSpace(want) {
			found = true
		}
	}
	if !found {
		t.Errorf("%s at %s: the snippet is not line %d (%q):\n%s", d.Summary, r, r.Start.Line, line, out.String())
	}
}

// posAt is the position of byte offset off in src, columns counted in
// grapheme clusters as HCL counts them.
func posAt(src []byte, off int) hcl.Pos {
	p := hcl.Pos{Line: 1, Column: 1, Byte: off}
	lineStart := 0
	for i := 0; i < off && i < len(src); i++ {
		if src[i] == '\n' {
			p.Line++
			lineStart = i + 1
		}
	}
	rest := src[lineStart:min(off, len(src))]
	for len(rest) > 0 {
		n, _, _ := textseg.ScanGraphemeClusters(rest, true)
		rest = rest[n:]
		p.Column++
	}
	return p
}

// TestRussianDiagnostics: printed in Russian, no error file shows an
// English summary or the English "on FILE line N".
func TestRussianDiagnostics(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.hcl")
	for _, path := range files {
		c := compiler.New()
		c.Lang = "ru"
		_, diags := c.Load(path)
		var out bytes.Buffer
		if err := c.WriteDiagnostics(&out, diags); err != nil {
			t.Fatal(err)
		}
		checkRussian(t, path, out.String())
	}
}

var cyrillic = regexp.MustCompile(`\p{Cyrillic}`)

// checkRussian fails when a heading of printed diagnostics is not Russian.
func checkRussian(t *testing.T, name, out string) {
	t.Helper()
	headings := 0
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "Error:"), strings.HasPrefix(line, "Warning:"), strings.HasPrefix(line, "  on "):
			t.Errorf("%s: English in Russian diagnostics: %q", name, line)
		case strings.HasPrefix(line, "Ошибка: "):
			headings++
			if !cyrillic.MatchString(strings.TrimPrefix(line, "Ошибка: ")) {
				t.Errorf("%s: an English summary in Russian diagnostics: %q", name, line)
			}
		}
	}
	if headings == 0 {
		t.Errorf("%s: no diagnostics printed:\n%s", name, out)
	}
}

// TestDiagnosticCoverage: every diagnostic in the catalogue is reported by
// at least one error file or case of TestOtherDiagnostics, so a new
// diagnostic cannot be added without a test of where it points.
func TestDiagnosticCoverage(t *testing.T) {
	seen := map[compiler.DiagID]bool{}
	files, _ := filepath.Glob("testdata/errors/*.hcl")
	for _, path := range files {
		_, diags := compiler.New().Load(path)
		for _, d := range diags {
			seen[compiler.MessageID(d)] = true
		}
	}
	for _, tc := range otherDiagnostics(t) {
		_, diags := compiler.New().Load(tc.paths...)
		for _, d := range diags {
			seen[compiler.MessageID(d)] = true
		}
	}
	var missing []string
	for _, id := range compiler.MessageIDs() {
		if !seen[id] {
			missing = append(missing, compiler.MessageName(id))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d diagnostics no test triggers (add a line marked # ERROR @COLUMN: Summary to a file in testdata/errors):\n%s",
			len(missing), strings.Join(missing, "\n"))
	}
}

type diagCase struct {
	name  string
	paths []string
	want  []string // "file:line:column: Summary", or ": Summary" without a range
}

// otherDiagnostics are the problems an error file cannot show: files
// that cannot be read, a symbolic link made where the test runs.
func otherDiagnostics(t *testing.T) []diagCase {
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(dir, "gone.hcl"), filepath.Join(dir, "dangling.hcl")); err != nil {
		t.Fatal(err)
	}
	// A logo in the survey's folder that is a symbolic link to a file
	// outside it (which no error file in git can hold).
	linked := filepath.Join(dir, "linked")
	os.MkdirAll(linked, 0o755)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	if err := os.Symlink(filepath.Join("..", "secret.txt"), filepath.Join(linked, "logo.svg")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(linked, "survey.hcl"), []byte(pathsSurvey("logo.svg")), 0o644)
	return []diagCase{
		{"no such survey", []string{filepath.Join(dir, "nope.hcl")}, []string{": Cannot Read Survey"}},
		{"unreadable file", []string{dir}, []string{": Cannot Read File"}},
		{"logo linked outside", []string{linked}, []string{filepath.Join(linked, "survey.hcl") + ":5:14: Path Outside the Survey Folder"}},
	}
}

// TestOtherDiagnostics checks the cases of otherDiagnostics.
func TestOtherDiagnostics(t *testing.T) {
	for _, tc := range otherDiagnostics(t) {
		_, diags := compiler.New().Load(tc.paths...)
		var got []string
		for _, d := range diags {
			at := ""
			if d.Subject != nil {
				at = fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
			}
			got = append(got, at+": "+d.Summary)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestNoHCLFiles: a folder without .hcl files is named in the diagnostic,
// and its words are in the reader's language.
func TestNoHCLFiles(t *testing.T) {
	dir := t.TempDir()
	_, diags := compiler.New().Load(dir)
	for lang, want := range map[string]string{
		"en": dir + ": no .hcl files in this folder.",
		"ru": dir + ": в этой папке нет файлов .hcl.",
	} {
		var out strings.Builder
		if err := compiler.WriteDiagnostics(&out, nil, diags, lang); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("%s: %q lacks %q", lang, out.String(), want)
		}
	}
	if _, err := compiler.SurveyFiles(dir); err == nil || err.Error() != dir+": no .hcl files in this folder" {
		t.Errorf("SurveyFiles: %v", err)
	}
}
