package score

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/parallel"
	"github.com/opros/opros/compiler/semdiff"
)

// Options tune a computation.
type Options struct {
	Workers      int // row groups scored in parallel; 0 = number of CPUs
	MaxVerbatims int // free-text answers kept per question and group; 0 = 200
	// Older, when set, hears of every file ingested under an older version
	// of the survey that is read anyway, because the diff from that version
	// sets nothing aside (checkFile), with the diff, so that it can be said.
	Older func(path string, diff *semdiff.Report)
}

// Compute scores Parquet files written by ingest for the survey s.
func Compute(s *ir.Survey, files []string, opts Options) (*Results, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.MaxVerbatims <= 0 {
		opts.MaxVerbatims = 200
	}
	m := newModel(s)
	type task struct {
		file     string
		rowGroup int
	}
	var tasks []task
	recoded := 0
	for _, f := range files {
		n, rec, err := checkFile(s, f, opts.Older)
		if err != nil {
			return nil, err
		}
		recoded += rec
		for rg := 0; rg < n; rg++ {
			tasks = append(tasks, task{f, rg})
		}
	}
	// Both passes merge row groups' sums in file and row-group order, so
	// float sums, factors and verbatims come out the same whatever the
	// number of workers.
	if m.rake != nil {
		all := m.rake.newTable()
		err := parallel.ForInOrder(len(tasks), opts.Workers, func(i int) (*cellTable, error) {
			t := m.rake.newTable()
			return t, eachBatch(tasks[i].file, tasks[i].rowGroup, m.rake.columns(m.s.Bench.Weight), func(rec arrow.Record) error {
				return m.rake.countBatch(rec, m.s.Bench.Weight, t)
			})
		}, all.merge)
		if err != nil {
			return nil, err
		}
		m.rake.fit(all)
	}
	total := m.newPartial()
	err := parallel.ForInOrder(len(tasks), opts.Workers, func(i int) (*partial, error) {
		p := m.newPartial()
		return p, eachBatch(tasks[i].file, tasks[i].rowGroup, nil, func(rec arrow.Record) error {
			return m.scoreBatch(rec, p, opts.MaxVerbatims)
		})
	}, func(p *partial) { total.merge(p, opts.MaxVerbatims) })
	if err != nil {
		return nil, err
	}
	res := m.results(total)
	res.Recoded = recoded
	if m.rake != nil {
		res.Raking = m.rake.report
	}
	return res, nil
}

// CheckFile checks, by the rule checkFile gives, that the Parquet file at
// path holds answers to s that can be read as s's; opros export applies
// the same rule as opros report.
func CheckFile(s *ir.Survey, path string) error {
	_, _, err := checkFile(s, path, nil)
	return err
}

// checkFile reads the metadata of the Parquet file at path, checks that it
// holds answers to s, and returns its number of row groups. Answers to
// another survey are refused (scored as s, they would make up figures).
// A file ingested under another version of s (its opros.version) is read
// only when the diff from that version, whose IR the file carries in
// opros.ir, sets nothing aside: then every answer has its column and its
// meaning under s, as it would after re-ingesting it with --previous, and
// older hears of it. Otherwise it is refused with the changes that stand
// in the way and how to re-ingest. recoded is how many answer values
// ingest read as source codes into the file (opros.recoded).
func checkFile(s *ir.Survey, path string, older func(string, *semdiff.Report)) (rowGroups, recoded int, err error) {
	rowGroups, err = checkFileVersion(s, path, older, &recoded)
	return rowGroups, recoded, err
}

func checkFileVersion(s *ir.Survey, path string, older func(string, *semdiff.Report), recoded *int) (int, error) {
	f, err := file.OpenParquetFile(path, false)
	if err != nil {
		return 0, errorText.Errorf(errDataFile, path, err)
	}
	defer f.Close()
	kv := f.MetaData().KeyValueMetadata()
	if v := kv.FindValue(metaRecoded); v != nil {
		*recoded, _ = strconv.Atoi(*v)
	}
	id := kv.FindValue(metaSurveyID)
	if id == nil {
		return 0, errorText.Errorf(errNotOprosFile, path)
	}
	if *id != s.ID {
		return 0, errorText.Errorf(errOtherSurvey, path, *id, s.ID)
	}
	v := kv.FindValue(metaVersion)
	if v == nil || *v == "" {
		return 0, errorText.Errorf(errNoVersion, path)
	}
	version := *v
	if version == s.Hash {
		return f.NumRowGroups(), nil
	}
	var old ir.Survey
	if v := kv.FindValue(metaIR); v == nil || json.Unmarshal([]byte(*v), &old) != nil || old.ID != s.ID {
		return 0, errorText.Errorf(errVersionUnknown, path, version, s.Hash)
	}
	old.Hash = version
	diff := semdiff.Diff(&old, s)
	if aside := diff.SetAside(); len(aside) > 0 {
		return 0, errorText.Errorf(errVersionChanged, path, version, s.Hash, changeList(aside))
	}
	if older != nil {
		older(path, diff)
	}
	return f.NumRowGroups(), nil
}

// The metadata keys site/ingest writes (ingest.MetaSurveyID…; score does
// not import ingest).
const (
	metaSurveyID = "opros.survey_id"
	metaVersion  = "opros.version"
	metaIR       = "opros.ir"
	metaRecoded  = "opros.recoded"
)

// changeList is the diff's changes that keep a file from being read, as
// an error argument: errorText's Russian text words them in Russian.
type changeList []semdiff.Change

func (l changeList) Error() string { return l.Localize("en") }

func (l changeList) Localize(lang string) string {
	texts := make([]string, len(l))
	for i, c := range l {
		where := c.Question
		if c.Code != "" {
			where += "/" + c.Code
		}
		texts[i] = c.Text(lang)
		if where != "" { // a calculation's change names it in its text
			texts[i] = where + ": " + texts[i]
		}
	}
	return strings.Join(texts, " ")
}

// model is the survey prepared for scoring: what each column means, with
// every reference resolved to a position so that scoring a row does no
// lookups by name.
type model struct {
	s       *ir.Survey
	vars    []ir.Variable
	cols    []colInfo // by variable
	dims    []string  // group dimensions: participant, segments (hidden IDs or question IDs)
	indexes []ir.Index
	blocks  []ir.Block
	drivers []string
	outcome int    // index position of the driver outcome, -1 when none
	rake    *raker // nil when the survey has no margins
	// linN is the whole sample's respondents when the survey is weighted
	// (a weight column or margins): intervals and tests then use the
	// linearised variance (linearNEff). 0 without weights.
	linN int
	// byParticipant: a company-level benchmark (Bench.Unit participant)
	// with a participant field: figures over participants (peers.go).
	byParticipant bool

	byName map[string]int // every variable by column name

	items      []scoredItem // every item that can be rescaled to 0-100
	blockItems [][]int      // by block: positions in items
	driverItem []int        // by driver: position in items
	ixVar      []int        // by index: the variable of nps, top_box, mean, count and share; -1 otherwise
	ixItems    [][]int      // by index: mean_100 items, or blocks' positions for kind blocks
	ixOptions  [][]bool     // by index: count/share options, by option position
	topCut     []float64    // by index: top_box answers above this value count
	exprRefs   [][]string   // by index: what an expr formula reads
}

// colInfo is what scoring knows about one variable's column.
type colInfo struct {
	kind     string
	codes    []string         // option codes in the question's order (code and codes kinds)
	codeIdx  map[string]int32 // code → position in codes
	missing  []bool           // by option: counted as missing
	scaled   bool             // integer answers on a known scale
	scaleMin int64
	scaleMax int64
	// yesNo: a boolean question's answer (not a scale's q_na flag),
	// counted as two options, yes at position 0 and no at 1.
	yesNo bool
}

// scoredItem rescales an item to 0-100.
type scoredItem struct {
	variable int
	min, max float64
	score    []float64 // by option position, NaN when the option has no score
}

func newModel(s *ir.Survey) *model {
	m := &model{s: s, vars: s.Vars, cols: make([]colInfo, len(s.Vars)), indexes: s.Indexes, blocks: s.Blocks, drivers: s.Bench.Drivers, outcome: -1,
		byName: map[string]int{}, rake: newRaker(s.Bench.Margins),
		byParticipant: s.Bench.Unit == ir.UnitParticipant && s.Bench.Participant != ""}
	answer := map[string]int{}
	for i, v := range s.Vars {
		m.byName[v.Name] = i
		if v.Role == "answer" || v.Role == ir.RoleCalc {
			answer[v.Name] = i
		}
		c := &m.cols[i]
		c.kind = v.Kind
		if v.Role == ir.RoleCalc && v.Kind == ir.VarBool { // true or false, counted as a boolean answer is
			c.yesNo, c.codes, c.missing = true, []string{"true", "false"}, []bool{false, false}
		}
		q := s.Question(v.Question)
		if q == nil {
			continue
		}
		if v.Kind == ir.VarCode || v.Kind == ir.VarCodes {
			c.codeIdx = map[string]int32{}
			for k, o := range q.Options {
				c.codes = append(c.codes, o.Code)
				c.codeIdx[o.Code] = int32(k)
				c.missing = append(c.missing, o.Missing)
			}
		}
		if v.Kind == ir.VarInt && q.Scale != nil {
			c.scaled, c.scaleMin, c.scaleMax = true, int64(q.Scale.Min), int64(q.Scale.Max)
		}
		if v.Item != "" && q.Type == ir.Ranking { // ranks 1..Rank, counted like scale points
			c.scaled, c.scaleMin, c.scaleMax = true, 1, int64(max(q.Rank, 1))
		}
		if v.Kind == ir.VarBool && v.Role == "answer" {
			c.yesNo, c.codes, c.missing = true, []string{"true", "false"}, []bool{false, false}
		}
	}
	varOf := func(ref string) int {
		if i, ok := answer[strings.Replace(ref, ".", "_", 1)]; ok {
			return i
		}
		return -1
	}
	seen := map[string]bool{}
	addDim := func(d string) {
		if d != "" && !seen[d] {
			seen[d] = true
			m.dims = append(m.dims, d)
		}
	}
	addDim(s.Bench.Participant)
	for _, d := range s.Bench.Segments {
		addDim(d)
	}
	if s.Report != nil {
		for _, d := range s.Report.Breakdowns {
			addDim(d)
		}
	}
	itemAt := map[string]int{}
	for _, c := range s.Calculations {
		// A true/false calculation is an item as a boolean question is
		// (the compiler allows no other): 1 for true, 0 for false.
		if v, ok := answer[c.ID]; ok && m.cols[v].kind == ir.VarBool {
			itemAt[c.ID] = len(m.items)
			m.items = append(m.items, scoredItem{variable: v, min: 0, max: 1})
		}
	}
	for _, q := range s.Questions() {
		for _, ref := range itemRefs(q) {
			v := varOf(ref)
			if v < 0 {
				continue
			}
			it := scoredItem{variable: v}
			if ir.HasBoxes(q.Type) { // a box: a constant sum's from 0 to its total, a number's min to max
				switch {
				case q.Type == ir.ConstantSum:
					it.min, it.max = 0, q.Total
				case q.Min != nil && q.Max != nil:
					it.min, it.max = *q.Min, *q.Max
				}
			} else if q.Scale != nil {
				it.min, it.max = float64(q.Scale.Min), float64(q.Scale.Max)
			} else if q.Type == ir.Boolean {
				it.min, it.max = 0, 1 // the row holds 1 for yes, 0 for no
			} else {
				first := true
				for _, o := range q.Options {
					sc := math.NaN()
					if !o.Missing && o.Score != nil {
						sc = *o.Score
						if first || sc < it.min {
							it.min = sc
						}
						if first || sc > it.max {
							it.max = sc
						}
						first = false
					}
					it.score = append(it.score, sc)
				}
			}
			itemAt[ref] = len(m.items)
			m.items = append(m.items, it)
		}
	}
	positions := func(refs []string) []int {
		out := make([]int, len(refs))
		for i, ref := range refs {
			out[i] = -1
			if k, ok := itemAt[ref]; ok {
				out[i] = k
			}
		}
		return out
	}
	for _, b := range s.Blocks {
		m.blockItems = append(m.blockItems, positions(b.Items))
	}
	m.driverItem = positions(m.drivers)
	m.topCut = make([]float64, len(s.Indexes))
	m.ixVar = make([]int, len(s.Indexes))
	m.ixItems = make([][]int, len(s.Indexes))
	m.ixOptions = make([][]bool, len(s.Indexes))
	m.exprRefs = make([][]string, len(s.Indexes))
	for i, ix := range s.Indexes {
		if ix.ID == s.Bench.Outcome {
			m.outcome = i
		}
		if ix.Kind == ir.IndexExpr {
			m.exprRefs[i] = ix.Expr.Refs()
		}
		m.ixVar[i] = -1
		switch ix.Kind {
		case ir.IndexNPS, ir.IndexTopBox, ir.IndexMean, ir.IndexCount, ir.IndexShare:
			m.ixVar[i] = varOf(ix.Items[0])
		case ir.IndexMean100, ir.IndexSum:
			m.ixItems[i] = positions(ix.Items)
		case ir.IndexBlocks:
			for _, id := range ix.Items {
				at := -1
				for b, bl := range s.Blocks {
					if bl.ID == id {
						at = b
					}
				}
				m.ixItems[i] = append(m.ixItems[i], at)
			}
		}
		if ix.Kind == ir.IndexTopBox {
			m.topCut[i] = float64(s.Question(ix.Items[0]).Scale.Max - ix.Top)
		}
		if (ix.Kind == ir.IndexCount || ix.Kind == ir.IndexShare) && m.ixVar[i] >= 0 {
			c := m.cols[m.ixVar[i]]
			m.ixOptions[i] = make([]bool, len(c.codes))
			for _, code := range ix.Options {
				if k, ok := c.codeIdx[code]; ok {
					m.ixOptions[i][k] = true
				}
			}
		}
	}
	return m
}

func itemRefs(q *ir.Question) []string {
	if ir.HasBoxes(q.Type) { // a box is an item by q.item
		var out []string
		for _, it := range q.Items {
			out = append(out, q.ID+"."+it.Code)
		}
		return out
	}
	if q.Type == ir.Matrix {
		var out []string
		for _, r := range q.Rows {
			out = append(out, q.ID+"."+r.Code)
		}
		return out
	}
	return []string{q.ID}
}

// eachBatch reads one row group in record batches, only the named columns
// (all when names is nil), and hands each batch to fn.
func eachBatch(path string, rg int, names []string, fn func(arrow.Record) error) error {
	f, err := file.OpenParquetFile(path, false)
	if err != nil {
		return errorText.Errorf(errDataFile, path, err)
	}
	defer f.Close()
	var cols []int
	for _, name := range names {
		if c := f.MetaData().Schema.ColumnIndexByName(name); c >= 0 {
			cols = append(cols, c)
		}
	}
	fr, err := pqarrow.NewFileReader(f, pqarrow.ArrowReadProperties{BatchSize: 16384}, memory.NewGoAllocator())
	if err != nil {
		return errorText.Errorf(errDataFile, path, err)
	}
	rr, err := fr.GetRecordReader(context.Background(), cols, []int{rg})
	if err != nil {
		return errorText.Errorf(errDataFile, path, err)
	}
	defer rr.Release()
	for rr.Next() {
		if err := fn(rr.Record()); err != nil {
			return errorText.Errorf(errDataFile, path, err)
		}
	}
	if err := rr.Err(); err != nil && err != io.EOF {
		return errorText.Errorf(errDataFile, path, err)
	}
	return nil
}

func column(rec arrow.Record, name string) arrow.Array {
	idx := rec.Schema().FieldIndices(name)
	if len(idx) == 0 {
		return nil
	}
	return rec.Column(idx[0])
}

// WriteJSON writes results as indented JSON (map keys sorted); a figure
// that cannot be computed (NaN) is null.
func (r *Results) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(toMirror(reflect.ValueOf(r)).Interface())
}

// ReadJSON reads results written by WriteJSON; an error names the file.
func ReadJSON(path string) (*Results, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err // os's error names the file
	}
	m := reflect.New(mirrorType(reflect.TypeOf(Results{})))
	if err := json.Unmarshal(raw, m.Interface()); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var r Results
	fromMirror(m.Elem(), reflect.ValueOf(&r).Elem(), false)
	return &r, nil
}

func day(ms int64) string {
	return time.UnixMilli(ms).UTC().Format("2006-01-02")
}
