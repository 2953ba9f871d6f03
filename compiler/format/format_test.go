package format_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/format"
	"github.com/opros/opros/compiler/largesurvey"
)

func TestFormat(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"aligns and spaces", "survey \"x\" {\ntitle=\"T\"\n  languages   = [\"en\"]\n}\n",
			"survey \"x\" {\n  title     = \"T\"\n  languages = [\"en\"]\n}\n"},
		{"one blank line between top-level blocks", "page \"a\" {\n}\npage \"b\" {\n}\n\n\n\npage \"c\" {\n}\n",
			"page \"a\" {\n}\n\npage \"b\" {\n}\n\npage \"c\" {\n}\n"},
		{"no blank lines at block edges", "page \"a\" {\n\n  title = \"A\"\n\n}\n",
			"page \"a\" {\n  title = \"A\"\n}\n"},
		{"trailing spaces and final newlines", "page \"a\" {   \n  title = \"A\"   \n}\n\n\n",
			"page \"a\" {\n  title = \"A\"\n}\n"},
		{"heredoc text untouched", "survey \"x\" {\n  intro = <<-EOT\n    line one   \n\n\n    line two\n  EOT\n}\n",
			"survey \"x\" {\n  intro = <<-EOT\n    line one   \n\n\n    line two\n  EOT\n}\n"},
		{"comments kept", "# header\n\npage \"a\" { # trailing\n  title = \"A\" # why\n}\n",
			"# header\n\npage \"a\" {    # trailing\n  title = \"A\" # why\n}\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := format.Format([]byte(tc.in), "t.hcl")
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if string(got) != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			again, _ := format.Format(got, "t.hcl")
			if string(again) != string(got) {
				t.Errorf("not idempotent:\n%s", again)
			}
		})
	}
}

func TestFormatBrokenInputUnchanged(t *testing.T) {
	in := []byte("page \"a\" {\n  title = \n")
	out, diags := format.Format(in, "t.hcl")
	if !diags.HasErrors() || string(out) != string(in) {
		t.Fatal("broken HCL must be reported and left alone")
	}
}

// TestExamplesFormatted is `opros fmt -check` on every example, and checks
// that formatting keeps the survey's fingerprint: it changes layout only.
func TestExamplesFormatted(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/*.hcl")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, diags := format.Format(src, f)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if string(out) != string(src) {
			t.Errorf("%s is not formatted (run opros fmt)", f)
		}
	}
}

func TestFormatKeepsMeaning(t *testing.T) {
	src := largesurvey.Source(30)
	before, d := compiler.New().LoadSource("x.hcl", src)
	if d.HasErrors() {
		t.Fatal(d)
	}
	out, _ := format.Format(src, "x.hcl")
	after, d := compiler.New().LoadSource("x.hcl", out)
	if d.HasErrors() {
		t.Fatal(d)
	}
	if before.Hash != after.Hash {
		t.Fatal("formatting changed the survey's fingerprint")
	}
}

func FuzzFormat(f *testing.F) {
	f.Add([]byte("page \"a\" {\n\n  title=\"A\"\n}\npage \"b\" {}\n"))
	f.Add([]byte("survey \"x\" {\n  intro = <<EOT\n{\nEOT\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out, diags := format.Format(src, "f.hcl")
		if diags.HasErrors() {
			return
		}
		again, d2 := format.Format(out, "f.hcl")
		if d2.HasErrors() {
			t.Fatalf("formatted output does not parse: %s\n%q", d2, out)
		}
		if string(again) != string(out) {
			t.Fatalf("not idempotent:\n%q\n%q", out, again)
		}
	})
}
