package compiler

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestMessages: every catalogued diagnostic has a summary and a detail in
// English and in Russian, the Russian summary is not the English one, and
// both details take the same arguments with the same verbs.
func TestMessages(t *testing.T) {
	if bad := messages.Mismatches(); len(bad) > 0 {
		t.Errorf("messages lacking a language, untranslated or with other arguments: %v", bad)
	}
	bad := Catalogue{
		"ok":           {En: MessageText{Summary: "A", Detail: "%q is %d"}, Ru: MessageText{Summary: "Б", Detail: "%[2]d — %[1]q"}},
		"untranslated": {En: MessageText{Summary: "A", Detail: "x"}, Ru: MessageText{Summary: "A", Detail: "х"}},
		"verbs":        {En: MessageText{Summary: "A", Detail: "%q"}, Ru: MessageText{Summary: "Б", Detail: "%d"}},
		"missing":      {En: MessageText{Summary: "A", Detail: "x"}},
	}.Mismatches()
	if !slices.Equal(bad, []string{"missing", "untranslated", "verbs"}) {
		t.Errorf("Mismatches of a catalogue made to have three: %v", bad)
	}
}

// TestMessageIDs: every message id the compiler's code reports is in the
// catalogue (newDiag panics on one that is not), and every entry of the
// catalogue is used.
func TestMessageIDs(t *testing.T) {
	used := messageIDsInSource(t)
	for id, where := range used {
		if _, ok := messages[id]; !ok {
			t.Errorf("%s: message %q is not in the catalogue", where, id)
		}
	}
	for id := range messages {
		if _, ok := used[id]; !ok {
			t.Errorf("message %q is in the catalogue but never reported", id)
		}
	}
}

// messageIDsInSource finds the ids given to errorf, errorAt and newDiag
// (and scoredItems, which reports one) in the package's source, with where
// each is first used.
func messageIDsInSource(t *testing.T) map[string]string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	used := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				// A diagnostic written as a literal would escape the
				// catalogue, and with it translation and coverage.
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Summary" && name != "lang.go" {
					t.Errorf("%s: a diagnostic built outside the catalogue; use errorf or newDiag", fset.Position(kv.Pos()))
				}
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var fn string
			switch f := call.Fun.(type) {
			case *ast.Ident:
				fn = f.Name
			case *ast.SelectorExpr:
				fn = f.Sel.Name
			}
			arg := 1 // where the call takes a message id
			switch {
			case fn == "scoredItems" && len(call.Args) == 5:
				arg = 4
			case (fn != "errorf" && fn != "errorAt" && fn != "newDiag") || len(call.Args) < 2:
				return true
			}
			lit, ok := call.Args[arg].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			id, _ := strconv.Unquote(lit.Value)
			if _, seen := used[id]; !seen {
				used[id] = fset.Position(lit.Pos()).String()
			}
			return true
		})
	}
	return used
}

// TestHCLSummaries: every summary HCL's parser and decoder can report
// (read from the source of the HCL module go.mod names) has a Russian
// translation, by the table or by a pattern.
func TestHCLSummaries(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/hashicorp/hcl/v2").Output()
	if err != nil {
		t.Fatalf("finding HCL's source: %v", err)
	}
	root := strings.TrimSpace(string(out))
	var files []string
	for _, dir := range []string{root, filepath.Join(root, "hclsyntax"), filepath.Join(root, "gohcl")} {
		fs, _ := filepath.Glob(dir + "/*.go")
		files = append(files, fs...)
	}
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			kv, ok := node.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			if key, ok := kv.Key.(*ast.Ident); !ok || key.Name != "Summary" {
				return true
			}
			summary := ""
			switch v := kv.Value.(type) {
			case *ast.BasicLit:
				summary, _ = strconv.Unquote(v.Value)
			case *ast.CallExpr: // fmt.Sprintf("Missing %s for %s", …): try it with names
				if lit, ok := v.Args[0].(*ast.BasicLit); ok {
					format, _ := strconv.Unquote(lit.Value)
					summary = strings.NewReplacer("%s", "label", "%q", `"label"`).Replace(format)
				}
			}
			if summary == "" {
				return true
			}
			n++
			if hclSummaryRU(summary) == summary {
				t.Errorf("%s: HCL's summary %q has no Russian", fset.Position(kv.Pos()), summary)
			}
			return true
		})
	}
	if n < 50 {
		t.Fatalf("only %d HCL summaries found: is %s HCL's source?", n, root)
	}
}

// TestHCLDetailsRU: the details of HCL's most common decoder errors are
// translated, with the names and the suggestion kept.
func TestHCLDetailsRU(t *testing.T) {
	for en, ru := range map[string]string{
		`An argument named "requird" is not expected here. Did you mean "required"?`: `Аргумент с именем "requird" здесь не ожидается. Может быть, имелось в виду "required"?`,
		`Blocks of type "questionnaire" are not expected here.`:                      `Блоки типа "questionnaire" здесь не ожидаются.`,
		`The argument "targets" is required, but no definition was found.`:           `Нужен аргумент "targets", но его определения нет.`,
		`Blocks are not allowed here.`:                                               `Блоки здесь недопустимы.`,
		`Something HCL says that we do not know.`:                                    `Something HCL says that we do not know.`,
	} {
		if got := hclDetailRU(en); got != ru {
			t.Errorf("%q\n got %q\nwant %q", en, got, ru)
		}
	}
}

// TestFileErrors holds the file errors' languages to the same verbs.
func TestFileErrors(t *testing.T) {
	if bad := fileErrors.Mismatches(); len(bad) > 0 {
		t.Errorf("errors whose English and Russian take different arguments, or lack one: %v", bad)
	}
}
