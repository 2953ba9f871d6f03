package compiler

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMessages: every catalogued diagnostic has a summary and a detail in
// English and in Russian, the Russian summary is not the English one, and
// both details take the same arguments with the same verbs; the same for
// the file errors, the words of a printed diagnostic and the nouns.
func TestMessages(t *testing.T) {
	for _, bad := range messages.Check(diagCount) {
		t.Errorf("diagnostics: %s", bad)
	}
	for id := range diagCount {
		if messages[id].SummaryEn == "" {
			t.Errorf("diagnostic %d (%q) has no summary", id, messages[id].En)
		}
	}
	for _, bad := range fileErrors.Check(fileErrorCount) {
		t.Errorf("file errors: %s", bad)
	}
	for _, bad := range words.Check(wordCount) {
		t.Errorf("words: %s", bad)
	}
	for _, bad := range nouns.Check(nounCount) {
		t.Errorf("nouns: %s", bad)
	}
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
