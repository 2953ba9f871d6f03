package importer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/format"
	"github.com/opros/opros/compiler/importer"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/render/form"
)

// options are opros import's.
var options = importer.Options{EnglishUI: form.BuiltinText("en")}

// xlsxFrom builds an XLSForm from testdata/xlsform/NAME/*.tsv, one sheet
// per file, as a researcher's spreadsheet would hold it.
func xlsxFrom(t testing.TB, dir string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sheets in %s", dir)
	}
	for _, path := range files {
		sheet := strings.TrimSuffix(filepath.Base(path), ".tsv")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(strings.TrimRight(string(src), "\n"), "\n") {
			var cells []any
			for _, c := range strings.Split(line, "\t") {
				cells = append(cells, c)
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(sheet, cell, &cells); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// report is the golden listing of what an import dropped and changed, in
// both languages.
func report(res *importer.Result) string {
	var b strings.Builder
	for _, lang := range []string{"en", "ru"} {
		for _, it := range res.Dropped {
			b.WriteString("dropped: " + it.String(lang) + "\n")
		}
		for _, it := range res.Changed {
			b.WriteString("changed: " + it.String(lang) + "\n")
		}
	}
	return b.String()
}

// golden compares got with testdata/NAME, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *testkit.Update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the import (run with -update after checking):\n%s", path, got)
	}
}

// checkSurvey holds an import to what opros check holds a survey to, and
// to opros fmt's layout.
func checkSurvey(t *testing.T, res *importer.Result) {
	t.Helper()
	c := compiler.New()
	_, diags := c.LoadSource("survey.hcl", res.Source)
	if diags.HasErrors() {
		var b bytes.Buffer
		_ = c.WriteDiagnostics(&b, diags)
		t.Fatalf("the imported survey does not pass opros check:\n%s\n%s", b.String(), res.Source)
	}
	formatted, _ := format.Format(res.Source, "survey.hcl")
	if !bytes.Equal(formatted, res.Source) {
		t.Errorf("the imported survey is not as opros fmt writes it")
	}
}

func TestXLSFormGolden(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "xlsform", "*"))
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			res, err := importer.XLSForm(name+".xlsx", bytes.NewReader(xlsxFrom(t, dir)), options)
			if err != nil {
				t.Fatal(err)
			}
			checkSurvey(t, res)
			golden(t, filepath.Join("xlsform", name+".golden.hcl"), res.Source)
			golden(t, filepath.Join("xlsform", name+".golden.txt"), []byte(report(res)))
		})
	}
}

func TestSurveyJSGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "surveyjs", "*.json"))
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := importer.SurveyJS(filepath.Base(path), bytes.NewReader(src), options)
			if err != nil {
				t.Fatal(err)
			}
			checkSurvey(t, res)
			golden(t, filepath.Join("surveyjs", name+".golden.hcl"), res.Source)
			golden(t, filepath.Join("surveyjs", name+".golden.txt"), []byte(report(res)))
		})
	}
}

func TestMessages(t *testing.T) {
	for _, bad := range importer.Messages().Check(importer.MessageCount) {
		t.Error(bad)
	}
}

// The SurveyJS reader takes any bytes without panicking, and any survey it
// writes passes opros check: what it cannot carry over it lists instead.
func FuzzSurveyJS(f *testing.F) {
	// Small seeds: under coverage instrumentation an import and compile of
	// the large fixtures takes seconds, and the fuzzer makes no progress.
	src, err := os.ReadFile(filepath.Join("testdata", "surveyjs", "german.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte(`{"pages":[{"name":"p","visibleIf":"{a} = 1","elements":[{"type":"panel","visibleIf":"{a} notempty","elements":[{"type":"multipletext","name":"m","items":[{"name":"x","inputType":"number"}]}]},{"type":"matrix","name":"g","columns":[1,2],"rows":["r"]},{"type":"ranking","name":"k","choices":["a b",{"value":"1","text":"{r}"}],"maxSelectedChoices":1},{"type":"rating","name":"r","rateMax":7,"validators":[{"type":"expression","expression":"{r} > {m.x}"}]}]}],"completedHtmlOnCondition":[{"expression":"{r} > 3","html":"<p>ok</p>"}]}`))
	f.Add([]byte(`{"elements":[{"type":"text","name":"a"}]}`))
	f.Add([]byte(`{"pages":[{"elements":[{"type":"checkbox","name":"x y","choices":[1,"1",{"value":"1"}],"hasNone":true}]}]}`))
	f.Add([]byte(`{"locale":"ru","title":{"default":"т","en":"t","xx-1":"?"},"questions":[{"type":"boolean","name":"b","valueTrue":"y"},{"type":"text","name":"c","visibleIf":"{b} = true"}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := importer.SurveyJS("fuzz.json", bytes.NewReader(src), options)
		if err != nil {
			return
		}
		c := compiler.New()
		if _, diags := c.LoadSource("survey.hcl", res.Source); diags.HasErrors() {
			var b bytes.Buffer
			_ = c.WriteDiagnostics(&b, diags)
			t.Fatalf("the import of %q does not pass opros check:\n%s\n%s", src, b.String(), res.Source)
		}
	})
}

// TestImportedFormsBuild: every fixture imports, passes opros check and
// builds its forms (import → check → build, as opros import and opros
// build do), in each of its languages.
func TestImportedFormsBuild(t *testing.T) {
	var sources []string
	jsons, _ := filepath.Glob(filepath.Join("testdata", "surveyjs", "*.json"))
	dirs, _ := filepath.Glob(filepath.Join("testdata", "xlsform", "*"))
	sources = append(append(sources, jsons...), dirs...)
	for _, path := range sources {
		if info, err := os.Stat(path); err != nil || strings.HasSuffix(path, ".golden.hcl") || strings.HasSuffix(path, ".golden.txt") || strings.Contains(path, "xlsform") && !info.IsDir() {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			var res *importer.Result
			var err error
			if strings.HasSuffix(path, ".json") {
				res, err = readSurveyJS(filepath.Base(path))(t)
			} else {
				res, err = readXLSForm(filepath.Base(path))(t)
			}
			if err != nil {
				t.Fatal(err)
			}
			checkSurvey(t, res)
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "survey.hcl"), res.Source, 0o644); err != nil {
				t.Fatal(err)
			}
			s, diags := compiler.New().Load(dir)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			files, err := form.Build(s, filepath.Join(dir, "dist"), form.Options{SurveyDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if len(files) == 0 {
				t.Fatal("no form built")
			}
		})
	}
}
