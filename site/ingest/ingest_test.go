package ingest_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/simulate"
)

func survey(t testing.TB, ex string) *ir.Survey {
	t.Helper()
	s := testkit.Load(t, "../../examples/"+ex)
	return s
}

func simulated(t testing.TB, s *ir.Survey, ex string, n int) string {
	t.Helper()
	cfg, _, d := simulate.LoadConfig("../../examples/" + ex + "/demo/simulate.hcl")
	if d.HasErrors() {
		t.Fatal(d.Error())
	}
	// Streamed to the file: a million answers in a buffer would sit in the
	// heap that BenchmarkIngest measures.
	path := filepath.Join(t.TempDir(), "answers.ndjson")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := simulate.Simulate(s, cfg, simulate.Options{N: n, Seed: 3}, w); err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		t.Fatal(err)
	}
	return path
}

func readTable(t testing.TB, path string) arrow.Table {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	tbl, err := pqarrow.ReadTable(context.Background(), f, nil, pqarrow.ArrowReadProperties{}, memory.NewGoAllocator())
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

// TestRoundTrip ingests simulated answers and reads every value back with
// the Arrow reader, comparing with the submissions.
func TestRoundTrip(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	// Enough records for the reader to reuse chunks (512 records each,
	// at most 8 in flight): a reused buffer must carry nothing over.
	const n = 6000
	in := simulated(t, s, "nps-csat-ces", n)
	out := filepath.Join(t.TempDir(), "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{BatchRows: 640})
	if err != nil || st.Accepted != n || st.Rejected != 0 {
		t.Fatalf("%+v %v", st, err)
	}
	tbl := readTable(t, out)
	if tbl.NumRows() != n {
		t.Fatalf("%d rows", tbl.NumRows())
	}
	schema, _ := ingest.Schema(s)
	for i, f := range schema.Fields() {
		if got := tbl.Schema().Field(i); got.Name != f.Name || !arrow.TypeEqual(got.Type, f.Type) {
			t.Errorf("column %d read back as %s %s, want %s %s", i, got.Name, got.Type, f.Name, f.Type)
		}
	}
	// A code column's categories are the question's options in the
	// survey's order, chosen or not.
	for _, v := range s.Vars {
		if v.Kind != ir.VarCode {
			continue
		}
		var want, got []string
		for _, o := range s.Question(v.Question).Options {
			want = append(want, o.Code)
		}
		d := tbl.Column(tbl.Schema().FieldIndices(v.Name)[0]).Data().Chunk(0).(*array.Dictionary).Dictionary().(*array.String)
		for i := 0; i < d.Len(); i++ {
			got = append(got, d.Value(i))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: dictionary %q, want the options %q", v.Name, got, want)
		}
	}
	pf, err := file.OpenParquetFile(out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	kv := pf.MetaData().KeyValueMetadata()
	if v := kv.FindValue(ingest.MetaVersion); v == nil || *v != s.Hash {
		t.Errorf("version metadata %v", v)
	}
	if v := kv.FindValue(ingest.MetaIR); v == nil || !strings.Contains(*v, `"id": "nps-csat-ces"`) {
		t.Error("the IR is not in the file's metadata")
	}
	// Index the input by response id and compare every cell.
	raw, _ := os.ReadFile(in)
	want := map[string]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var sub struct {
			ResponseID string            `json:"response_id"`
			Hidden     map[string]string `json:"hidden"`
			Answers    map[string]any    `json:"answers"`
		}
		json.Unmarshal([]byte(line), &sub)
		row := map[string]any{}
		for k, v := range sub.Hidden {
			row[k] = v
		}
		for k, v := range sub.Answers {
			if m, ok := v.(map[string]any); ok {
				for r, c := range m {
					row[k+"_"+r] = c
				}
				continue
			}
			row[k] = v
		}
		want[sub.ResponseID] = row
	}
	rr := array.NewTableReader(tbl, 1000)
	defer rr.Release()
	checked := 0
	for rr.Next() {
		rec := rr.Record()
		ids := rec.Column(0).(*array.String)
		for i := 0; i < int(rec.NumRows()); i++ {
			w := want[ids.Value(i)]
			for c := 7; c < int(rec.NumCols()); c++ {
				name := rec.ColumnName(c)
				col := rec.Column(c)
				exp, has := w[name]
				if col.IsNull(i) {
					if has {
						t.Fatalf("%s %s: null, want %v", ids.Value(i), name, exp)
					}
					continue
				}
				var got any
				switch a := col.(type) {
				case *array.String:
					got = a.Value(i)
				case *array.Dictionary:
					got = a.Dictionary().(*array.String).Value(a.GetValueIndex(i))
				case *array.Int64:
					got = float64(a.Value(i))
				case *array.Float64:
					got = a.Value(i)
				case *array.Boolean:
					got = a.Value(i)
				case *array.Date32:
					got = a.Value(i).ToTime().Format("2006-01-02")
				case *array.List:
					vals := a.ListValues().(*array.String)
					start, end := a.ValueOffsets(i)
					var l []any
					for j := start; j < end; j++ {
						l = append(l, vals.Value(int(j)))
					}
					got = l
				}
				if gj, wj := mustJSON(got), mustJSON(exp); gj != wj {
					t.Fatalf("%s %s: %s, want %s", ids.Value(i), name, gj, wj)
				}
				checked++
			}
		}
	}
	if checked < 10*n {
		t.Fatalf("only %d values compared", checked)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestDeterministic(t *testing.T) {
	for _, unit := range []string{ir.UnitParticipant, ir.UnitRespondent} {
		t.Run(unit, func(t *testing.T) { deterministic(t, unit) })
	}
}

func deterministic(t *testing.T, unit string) {
	s := survey(t, "contact-center-2018")
	s.Bench.Unit = unit
	in := simulated(t, s, "contact-center-2018", 500)
	dir := t.TempDir()
	// The same answers in a different order must give the same bytes.
	raw, _ := os.ReadFile(in)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	rev := filepath.Join(dir, "rev.ndjson")
	os.WriteFile(rev, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	a, b := filepath.Join(dir, "a.parquet"), filepath.Join(dir, "b.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, a, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(s, []ingest.Input{{Path: rev}}, b, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	// Nor may sorting in runs on disk, as a large input is, change them.
	c := filepath.Join(dir, "c.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: rev}}, c, ingest.Options{IndexRows: 7}); err != nil {
		t.Fatal(err)
	}
	x, _ := os.ReadFile(a)
	y, _ := os.ReadFile(b)
	z, _ := os.ReadFile(c)
	if !bytes.Equal(x, y) || !bytes.Equal(x, z) {
		t.Fatal("same answers, different Parquet bytes")
	}
}

// TestOneEncodingPerChunk: a column chunk whose dictionary overflowed
// mixed dictionary and plain pages, which Arrow Go lists in map order, so
// the footer changed from run to run (a million responses' response ids
// did it). No chunk may mix now: 17,000 distinct 64-character response ids
// and long free text are more than a dictionary page holds.
func TestOneEncodingPerChunk(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	var lines []string
	for i := 0; i < 17000; i++ {
		lines = append(lines, fmt.Sprintf(`{"response_id":"%064d","survey":"nps-csat-ces","version":%q,"lang":"en","hidden":{"company":"c%d"},"answers":{"q_nps":9,"q_csat":5,"q_ces":6,"d_speed":4,"d_competence":4,"d_politeness":4,"d_ease":4,"d_price":4,"q_resolved":"yes","q_comment":"%0100d"}}`,
			i, s.Hash, i%7, i))
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "a.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil || st.Accepted != 17000 {
		rej, _ := os.ReadFile(ingest.RejectsPath(out))
		t.Fatalf("%+v %v\n%.400s", st, err, rej)
	}
	f, err := file.OpenParquetFile(out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const dictionaryPage = 2 // parquet.thrift PageType
	for rg := 0; rg < f.NumRowGroups(); rg++ {
		r := f.MetaData().RowGroup(rg)
		for c := 0; c < r.NumColumns(); c++ {
			cc, _ := r.ColumnChunk(c)
			data := 0
			for _, st := range cc.EncodingStats() {
				if int(st.PageType) != dictionaryPage {
					data++
				}
			}
			if data > 1 {
				t.Errorf("column %s mixes data page encodings %v", cc.PathInSchema(), cc.EncodingStats())
			}
		}
	}
}

func TestRejectsAndDuplicates(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	good := `{"response_id":"abcdefghijklmnop01","survey":"nps-csat-ces","version":"` + s.Hash + `","lang":"en","hidden":{"company":"A"},"answers":{"q_nps":9,"q_csat":5,"q_ces":6,"d_speed":4,"d_competence":4,"d_politeness":4,"d_ease":4,"d_price":4,"q_resolved":"yes"}}`
	lines := []string{
		good,
		good, // duplicate
		`{"response_id":"abcdefghijklmnop02","survey":"nps-csat-ces","version":"` + s.Hash + `","lang":"en","answers":{"q_nps":"nine"}}`,
		`not json`,
		`{"response_id":"abcdefghijklmnop03","survey":"nps-csat-ces","version":"sha256:old","lang":"en","answers":{}}`,
		// a flat export, as hosted form services write it
		`{"response_id":"abcdefghijklmnop04","survey":"nps-csat-ces","lang":"ru","company":"B","q_nps":3,"q_csat":2,"q_ces":2,"d_speed":1,"d_competence":2,"d_politeness":3,"d_ease":1,"d_price":2,"q_resolved":"no","q_topics":["billing","other"],"q_topics_other":"тариф"}`,
	}
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "out.parquet")
	for _, indexRows := range []int{1, 0} { // runs on disk, and in memory
		st, err := ingest.Run(s, []ingest.Input{{Path: in, Wave: 2025}}, out, ingest.Options{IndexRows: indexRows})
		if err != nil {
			t.Fatal(err)
		}
		if st != (ingest.Stats{Accepted: 2, Rejected: 3, Duplicates: 1}) {
			t.Fatalf("index rows %d: stats %+v", indexRows, st)
		}
	}
	rej, _ := os.ReadFile(ingest.RejectsPath(out))
	for _, want := range []string{`"record":3`, `"field":"answers.q_nps"`, `"code":"wrong_type"`, `"record":4`, `"code":"unreadable"`, `"record":5`, `"code":"unknown_version"`, `"raw":"not json"`} {
		if !strings.Contains(string(rej), want) {
			t.Errorf("rejects lack %s:\n%s", want, rej)
		}
	}
}

func TestCSV(t *testing.T) {
	s := survey(t, "contact-center-2018")
	dir := t.TempDir()
	in := filepath.Join(dir, "export.csv")
	csv := "\ufeffresponse_id,survey,lang,company,segment,q5_1,q5_2,q5_2_other,q5_3,q5_4,q5_5,q5_6,q5_7,q5_8,q5_9,q5_10,q5_11,q5_12,q5_13,q5_14_voice,q5_14_digital,q5_14_automated,q5_15_voice,q5_15_digital,q5_15_automated,q5_16\n" +
		"csv-row-0000000001,contact-center-2018,ru,Acme,bank,optimal,feedback;other,соцсети,bi,product,l3,l2,l4,loyalty,l1,l2,multichannel,manual,nps;csat,yes,partly,no,yes,na,no,l3\n" +
		"csv-row-0000000002,contact-center-2018,ru,Acme,bank,optimal,nonsense,,bi,product,l3,l2,l4,loyalty,l1,l2,multichannel,manual,nps,yes,partly,no,yes,na,no,l3\n"
	os.WriteFile(in, []byte(csv), 0o644)
	out := filepath.Join(dir, "out.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in, Wave: 2018}}, out, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Accepted != 1 || st.Rejected != 1 {
		rej, _ := os.ReadFile(ingest.RejectsPath(out))
		t.Fatalf("%+v\n%s", st, rej)
	}
	// Every cell of the accepted row reads back as written, typed by its
	// column: codes as strings, a multi's codes as a list in option order.
	rows := readRows(t, out)
	row, ok := rows["csv-row-0000000001"]
	if len(rows) != 1 || !ok {
		t.Fatalf("rows %v", rows)
	}
	lines := strings.Split(strings.TrimPrefix(csv, "\ufeff"), "\n")
	header, cells := strings.Split(lines[0], ","), strings.Split(lines[1], ",")
	kinds := map[string]string{}
	for _, v := range s.Vars {
		kinds[v.Name] = v.Kind
	}
	checked := 0
	for i, col := range header {
		var want any = cells[i]
		switch {
		case col == "survey":
			col = "survey_id"
		case kinds[col] == ir.VarCodes:
			want = strings.Split(cells[i], ";")
		}
		if got := row[col]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read back %#v, want %#v", col, got, want)
		}
		checked++
	}
	if row["wave"] != int32(2018) || row["version"] != "" || row["q5_3_other"] != nil {
		t.Errorf("wave %v, version %q, q5_3_other %v: want 2018, none and null", row["wave"], row["version"], row["q5_3_other"])
	}
	if checked != len(header) {
		t.Errorf("%d of %d columns checked", checked, len(header))
	}
}

// TestDuckDBReadsIt opens the file with a reader that is not ours.
func TestDuckDBReadsIt(t *testing.T) {
	node := testkit.Node(t)
	mod := testkit.NodeModule(t, "@duckdb/node-api")
	s := survey(t, "nps-csat-ces")
	in := simulated(t, s, "nps-csat-ces", 400)
	out := filepath.Join(t.TempDir(), "a.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(t.TempDir(), "q.mjs")
	os.WriteFile(script, []byte(`
import { DuckDBInstance } from '`+filepath.Join(mod, "lib", "index.js")+`';
const c = await (await DuckDBInstance.create(':memory:')).connect();
const d = await c.runAndReadAll("describe select * from read_parquet('`+out+`')");
const types = Object.fromEntries(d.getRowObjectsJson().map(r => [r.column_name, r.column_type]));
const n = await c.runAndReadAll("select count(*)::int n, count(distinct company)::int companies, sum(len(q_topics))::int topics from read_parquet('`+out+`')");
const r = await c.runAndReadAll("select coalesce(q_resolved::varchar, '(null)') code, count(*)::int n from read_parquet('`+out+`') group by all");
console.log(JSON.stringify({types, counts: n.getRowObjectsJson()[0], resolved: r.getRowObjectsJson()}));
`), 0o644)
	raw, err := exec.Command(node, script).Output()
	if err != nil {
		t.Fatalf("duckdb: %v", err)
	}
	var got struct {
		Types    map[string]string `json:"types"`
		Counts   map[string]int    `json:"counts"`
		Resolved []struct {
			Code string `json:"code"`
			N    int    `json:"n"`
		} `json:"resolved"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	// A code column is a dictionary in the file's Arrow schema, which
	// DuckDB does not read: it sees the Parquet column, strings.
	for col, typ := range map[string]string{"company": "VARCHAR", "q_resolved": "VARCHAR", "q_nps": "BIGINT", "q_topics": "VARCHAR[]",
		"d_speed_na": "BOOLEAN", "q_last_contact": "DATE", "submitted_at": "TIMESTAMP WITH TIME ZONE", "wave": "INTEGER", "q_contacts": "BIGINT"} {
		if got.Types[col] != typ {
			t.Errorf("DuckDB reads %s as %s, want %s", col, got.Types[col], typ)
		}
	}
	tbl := readTable(t, out)
	topics := 0
	resolved := map[string]int{}
	rr := array.NewTableReader(tbl, 1000)
	for rr.Next() {
		col := rr.Record().Column(rr.Schema().FieldIndices("q_topics")[0]).(*array.List)
		for i := 0; i < col.Len(); i++ {
			if col.IsValid(i) {
				s, e := col.ValueOffsets(i)
				topics += int(e - s)
			}
		}
		codes := rr.Record().Column(rr.Schema().FieldIndices("q_resolved")[0]).(*array.Dictionary)
		for i := 0; i < codes.Len(); i++ {
			code := "(null)"
			if codes.IsValid(i) {
				code = codes.Dictionary().(*array.String).Value(codes.GetValueIndex(i))
			}
			resolved[code]++
		}
	}
	if got.Counts["n"] != 400 || got.Counts["companies"] != 6 || got.Counts["topics"] != topics {
		t.Errorf("DuckDB counts %v; ours: topics %d", got.Counts, topics)
	}
	duck := map[string]int{}
	for _, r := range got.Resolved {
		duck[r.Code] = r.N
	}
	if !maps.Equal(duck, resolved) || len(resolved) < 2 {
		t.Errorf("DuckDB counts q_resolved %v; ours %v", duck, resolved)
	}
}

// BenchmarkIngest: responses per second and peak heap for N simulated
// contact-center responses (OPROS_BENCH_N, default 100,000).
func BenchmarkIngest(b *testing.B) {
	n := benchN()
	s := survey(b, "contact-center-2018")
	// The budget is a respondent-level survey's: the example is a
	// participant-level one (one answer per contact center and wave),
	// whose ingest would set a million simulated answers aside as repeats.
	s.Bench.Unit, s.Bench.Once = ir.UnitRespondent, ""
	in := simulated(b, s, "contact-center-2018", n)
	out := filepath.Join(b.TempDir(), "a.parquet")
	// The collector's settings of opros ingest, from a clean heap.
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingest.MemoryLimit))
	runtime.GC()
	var peak uint64
	for b.Loop() {
		stop := testkit.SampleHeap(&peak)
		if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil {
			b.Fatal(err)
		}
		stop()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "responses/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

func benchN() int {
	if v := os.Getenv("OPROS_BENCH_N"); v != "" {
		var n int
		if _, err := fmt.Sscan(v, &n); err == nil && n > 0 {
			return n
		}
	}
	return 100000
}

// TestCompression: snappy unless zstd is asked for, the same rows either
// way, and an unknown codec is an error, not a silent default.
func TestCompression(t *testing.T) {
	s := survey(t, "nps-csat-ces")
	in := simulated(t, s, "nps-csat-ces", 200)
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		want compress.Compression
	}{{"", compress.Codecs.Snappy}, {"snappy", compress.Codecs.Snappy}, {"zstd", compress.Codecs.Zstd}} {
		out := filepath.Join(dir, "out-"+tt.name+".parquet")
		if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{Compression: tt.name}); err != nil || st.Accepted != 200 {
			t.Fatalf("%q: %+v %v", tt.name, st, err)
		}
		f, err := file.OpenParquetFile(out, false)
		if err != nil {
			t.Fatal(err)
		}
		cc, _ := f.MetaData().RowGroup(0).ColumnChunk(0)
		if got := cc.Compression(); got != tt.want {
			t.Errorf("%q: column chunks are %v, want %v", tt.name, got, tt.want)
		}
		if n := f.NumRows(); n != 200 {
			t.Errorf("%q: %d rows", tt.name, n)
		}
		f.Close()
	}
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, filepath.Join(dir, "x.parquet"), ingest.Options{Compression: "lzo"}); err == nil {
		t.Error("an unknown compression was accepted")
	}
}
