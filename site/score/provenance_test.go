package score_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/compiler/semdiff"
	"github.com/opros/opros/site/score"
)

// variant compiles testdata/small.hcl with edits (old → new) applied.
func variant(t *testing.T, edits ...string) *ir.Survey {
	t.Helper()
	src, err := os.ReadFile("testdata/small.hcl")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(edits); i += 2 {
		if !strings.Contains(string(src), edits[i]) {
			t.Fatalf("small.hcl has no %q", edits[i])
		}
		src = []byte(strings.Replace(string(src), edits[i], edits[i+1], 1))
	}
	s, diags := compiler.New().LoadSource("small.hcl", src)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return s
}

// writeMeta writes a Parquet file of the id columns with the key-value
// metadata meta: a file opros did not write, or wrote otherwise.
func writeMeta(t *testing.T, meta map[string]string) string {
	t.Helper()
	md := arrow.MetadataFrom(meta)
	schema := arrow.NewSchema([]arrow.Field{{Name: "response_id", Type: arrow.BinaryTypes.String}, {Name: "wave", Type: arrow.PrimitiveTypes.Int32}}, &md)
	b := array.NewRecordBuilder(memory.NewGoAllocator(), schema)
	defer b.Release()
	b.Field(0).(*array.StringBuilder).Append("resp-000000000001")
	b.Field(1).(*array.Int32Builder).Append(2025)
	rec := b.NewRecord()
	defer rec.Release()
	path := filepath.Join(t.TempDir(), "data.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := pqarrow.NewFileWriter(schema, f, nil, pqarrow.DefaultWriterProps())
	if err == nil {
		err = w.Write(rec)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// TestProvenance: a file is scored for a survey only when it holds that
// survey's answers, ingested under its current version or under one whose
// diff to it sets nothing aside; every refusal names the file and says
// why, in English and Russian.
func TestProvenance(t *testing.T) {
	s, data := small(t, false)
	cases := []struct {
		name   string
		survey *ir.Survey
		file   string
		en, ru []string // fragments of the error; none when the file is read
		older  string   // the change Older hears of
	}{
		{name: "same version", survey: s, file: data},
		{name: "another survey", survey: variant(t, `survey "small"`, `survey "other"`), file: data,
			en: []string{data, `answers to survey "small", not to "other"`},
			ru: []string{data, `ответы на анкету "small", а не на "other"`}},
		{name: "no metadata", survey: s, file: writeMeta(t, nil),
			en: []string{"not an opros data file"}, ru: []string{"не файл данных opros"}},
		{name: "reworded since", survey: variant(t, `text     = "CSAT"`, `text     = "How satisfied?"`), file: data,
			older: "question_reworded"},
		{name: "scale changed since", survey: variant(t, `type     = "rating"`, "type     = \"rating\"\n    max      = 7"), file: data,
			en: []string{data, "version " + s.Hash, "q_csat: The scale changed from 1..5 to 1..7", "opros ingest --survey SURVEY --previous OLD"},
			ru: []string{data, "версии анкеты " + s.Hash, "q_csat: Шкала изменилась с 1..5 на 1..7", "opros ingest --survey АНКЕТА --previous СТАРАЯ"}},
		{name: "option removed since", survey: variant(t, "    option \"phone\" {\n      label = \"Phone\"\n    }\n", ""), file: data,
			en: []string{`q_ch/phone: Option "phone" was removed`}, ru: []string{`q_ch/phone: Вариант "phone" удалён`}},
		{name: "no version", survey: s, file: writeMeta(t, map[string]string{"opros.survey_id": "small"}),
			en: []string{"no opros.version metadata"}, ru: []string{"нет метаданных opros.version"}},
		{name: "older version without its survey", survey: s, file: writeMeta(t, map[string]string{"opros.survey_id": "small", "opros.version": "sha256:0"}),
			en: []string{"version sha256:0", "holds no readable survey"}, ru: []string{"версии анкеты sha256:0", "прочитать по файлу прежнюю анкету"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var heard []string
			older := func(path string, d *semdiff.Report) {
				if path != tc.file || d.Old != s.Hash || d.New != tc.survey.Hash {
					t.Errorf("Older(%s, %s → %s)", path, d.Old, d.New)
				}
				for _, c := range d.Changes {
					heard = append(heard, c.Kind)
				}
			}
			res, err := score.Compute(tc.survey, []string{tc.file}, score.Options{Workers: 1, Older: older})
			if tc.en == nil {
				if err != nil || res.N != 6 {
					t.Fatalf("refused: %v", err)
				}
				if strings.Join(heard, " ") != tc.older {
					t.Errorf("Older heard %q, want %q", heard, tc.older)
				}
				return
			}
			if err == nil {
				t.Fatalf("read (n %d), want refused", res.N)
			}
			var l localize.Localizer
			if !errors.As(err, &l) {
				t.Fatalf("%v is not catalogued", err)
			}
			for lang, want := range map[string][]string{"en": tc.en, "ru": tc.ru} {
				got := localize.Text(err, lang)
				for _, w := range want {
					if !strings.Contains(got, w) {
						t.Errorf("%s: %q lacks %q", lang, got, w)
					}
				}
			}
		})
	}
}

// TestSurveyFromMetadata: the IR a file carries reads back as the survey
// it was written from, for every example, so that checkFile's diff finds
// no change where there is none.
func TestSurveyFromMetadata(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*/")
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		s, diags := compiler.New().Load(dir)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		raw, err := ir.MarshalSurvey(s)
		if err != nil {
			t.Fatal(err)
		}
		var back ir.Survey
		if err := json.Unmarshal(raw, &back); err != nil {
			t.Fatal(err)
		}
		if d := semdiff.Diff(&back, s); len(d.Changes) > 0 {
			t.Errorf("%s: read back, the survey differs from itself: %+v", dir, d.Changes)
		}
	}
}
