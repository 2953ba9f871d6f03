package ingest

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/invite"
)

// MemoryLimit is the Go heap limit opros ingest runs under
// (debug.SetMemoryLimit, with GOGC at 100): the collector works harder as
// the heap nears it, and the rest of the 300 MB memory budget is the
// runtime's and the stacks' (peak RSS ~267 MB at 1M and at 2M responses).
const MemoryLimit = 240 << 20

// Input is one file to ingest, with the wave its answers belong to
// (0: the year each answer was submitted, else the survey's wave). A
// folder stands for every answer file under it (see Files).
type Input struct {
	Path string
	Wave int
	// Version is the version the input's records that name none were
	// recorded against: "" for the current survey, or the hash of one of
	// Options.Previous, for an old wave's export without a version column.
	// A record that names its version is read by it all the same.
	Version string
}

// Files lists the answer files of inputs: a file as it is, a folder as
// every .ndjson, .jsonl and .csv file under it in name order, such as a
// collector's data folder, each with the folder's wave. What a collector
// or ingest writes beside the answers is left out: rejects.ndjson,
// spam.ndjson, torn-*.ndjson (lines the collector set aside from a
// damaged log) and the *.rejects.ndjson and *.setaside.ndjson of an
// earlier ingest, each reported in skipped (see notAnswers), as is a
// file of another type (hidden files are passed over unsaid). So is,
// under a folder, another survey's collector folder (one that holds an
// answers.ndjson and is not named surveyID): pointed at the collector's
// DATA, which holds DATA/<survey-id>/ for every survey it serves, ingest
// reads this survey's answers, and the others' are reported in skipped
// instead of flooding the rejects as answers to the wrong survey. A file
// named as an input is always read.
func Files(surveyID string, inputs []Input) (files []Input, skipped []Skipped, err error) {
	for _, in := range inputs {
		fi, err := os.Stat(in.Path)
		if err != nil {
			return nil, nil, err
		}
		if !fi.IsDir() {
			files = append(files, in)
			continue
		}
		n, m := len(files), len(skipped)
		err = filepath.WalkDir(in.Path, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path == in.Path || d.Name() == surveyID {
					return nil
				}
				if _, err := os.Stat(filepath.Join(path, "answers.ndjson")); err == nil {
					skipped = append(skipped, Skipped{Path: path, Kind: SkipSurvey, Survey: d.Name()})
					return fs.SkipDir
				}
				return nil
			}
			if kind := notAnswers(d.Name()); kind != "" {
				sk := Skipped{Path: path, Kind: kind}
				if kind == SkipTorn {
					if sk.Lines, err = countLines(path); err != nil {
						return err
					}
				}
				skipped = append(skipped, sk)
				return nil
			}
			if isAnswerFile(d.Name()) {
				files = append(files, Input{Path: path, Wave: in.Wave, Version: in.Version})
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		if len(files) == n {
			if len(skipped) > m {
				var names []string
				for _, sk := range skipped[m:] {
					if sk.Kind == SkipSurvey {
						names = append(names, sk.Survey)
					}
				}
				if len(names) > 0 {
					return nil, skipped, errorText.Errorf("no_survey_files", in.Path, surveyID, strings.Join(names, ", "))
				}
			}
			return nil, skipped, errorText.Errorf("no_answer_files", in.Path)
		}
	}
	return files, skipped, nil
}

// Options tune a run.
type Options struct {
	// Previous are older versions of the survey: answers recorded against
	// one of them (or in an input declared as one, Input.Version) are
	// validated against it and mapped through `opros diff`, what the
	// current version has no column for set aside, instead of being
	// rejected as an unknown version.
	Previous []*ir.Survey
	// BatchRows is the number of rows per Arrow record batch (and Parquet
	// row group); 0 means 32,768, which keeps the two batches in flight
	// (one built, one encoded) well inside the memory budget.
	BatchRows int
	// Compression is the Parquet codec: "snappy" (the default, as in
	// pyarrow and DuckDB: a fifth faster to ingest) or "zstd" (files about
	// a third smaller).
	Compression string
	// IndexRows is the number of rows whose sort keys are held in memory
	// at a time; beyond it they are sorted in runs on disk. 0 means 524,288
	// (about 40 MB). Tests make it small to exercise the runs.
	IndexRows int
	// Skipped, when set, is told of every folder of another survey that
	// a folder input holds and ingest leaves out (see Files), before the
	// first record is read.
	Skipped func(Skipped)
	// Invitations is the key invitation links were signed with (opros
	// invite): required for a survey with an invitations block, whose
	// records are rejected unless their invitation verifies (site/invite).
	Invitations *invite.Key
}

// Stats counts what happened to the input.
type Stats struct {
	Accepted, Rejected, Duplicates int
	// SetAside counts the answers of accepted records that went to the
	// set-aside file (SetAsidePath) instead of the Parquet file.
	SetAside int
	// Repeats counts the records of a participant-level survey set aside
	// whole: a participant's other submissions in a wave, besides the one
	// that counts (benchmark once). They are not in Accepted.
	Repeats int
}

// Reject is one line of the rejects file.
type Reject struct {
	Source string              `json:"source"`
	Record int                 `json:"record"`
	Errors []answer.FieldError `json:"errors"`
	Raw    string              `json:"raw"`
	// RawBase64 is the record's bytes exactly, when they are not valid
	// UTF-8: Raw then holds them with U+FFFD for each invalid byte, as
	// JSON can hold only text.
	RawBase64 string `json:"raw_base64,omitempty"`
}

// Run ingests inputs into out (a Parquet file) and writes rejects to
// out's name with ".rejects.ndjson" instead of ".parquet", and the answers
// of accepted records that the current version has no column for (from
// --previous versions) with ".setaside.ndjson".
//
// Run never harms its input: it refuses (a UsageError) an output that is
// an input file or lies in an input folder, and -o naming a folder; it
// writes every output under a temporary name and renames them into place
// only when it succeeds, the Parquet file last (see outputs), so a failed
// or killed run leaves an earlier run's files as they were. A run that
// accepts no record (empty inputs, or every record rejected) fails with
// ErrNothingAccepted and writes nothing. A Parquet file given as input is
// refused before anything is read.
//
// Records flow through three stages: one goroutine reads them in chunks,
// GOMAXPROCS workers decode, validate and encode each chunk into spill rows,
// and this goroutine takes the chunks back in input order to write
// rejects, spill the rows and index them; the index drops repeated
// response ids (the first one wins). Input order is kept, so the output
// does not depend on the number of workers.
func Run(s *ir.Survey, inputs []Input, out string, opts Options) (Stats, error) {
	var st Stats
	for _, in := range inputs {
		if in.Version != "" && in.Version != s.Hash && !slices.ContainsFunc(opts.Previous, func(p *ir.Survey) bool { return p.Hash == in.Version }) {
			return st, errorText.Errorf("unknown_version", in.Path, in.Version)
		}
	}
	// Outputs are checked against the inputs as named before a folder is
	// walked, and against every file of the folders after.
	named := inputs
	if err := checkOutputs(out, named, nil); err != nil {
		return st, err
	}
	inputs, skipped, err := Files(s.ID, inputs)
	if opts.Skipped != nil {
		for _, sk := range skipped {
			opts.Skipped(sk)
		}
	}
	if err != nil {
		return st, err
	}
	codec := compress.Codecs.Snappy
	if opts.Compression != "" {
		c, ok := Codecs[opts.Compression]
		if !ok {
			return st, errorText.Errorf("unknown_compression", opts.Compression)
		}
		codec = c
	}
	if err := checkOutputs(out, named, inputs); err != nil {
		return st, err
	}
	if err := checkInputs(inputs); err != nil {
		return st, err
	}
	// Every output is written under a temporary name and renamed into
	// place only when the run succeeds (outputs); the deferred abort runs
	// last, after the temporary files below are gone, so that it can
	// remove a folder it made.
	o, err := prepareOutputs(out)
	if err != nil {
		return st, err
	}
	defer o.abort()
	rejFile, err := o.create(RejectsPath(out))
	if err != nil {
		return st, err
	}
	rejects := bufio.NewWriter(rejFile)
	rejEnc := json.NewEncoder(rejects)
	rejEnc.SetEscapeHTML(false)
	asideFile, err := o.create(SetAsidePath(out))
	if err != nil {
		return st, err
	}
	aside := &asideLog{dir: filepath.Dir(out)}
	defer aside.close()
	chk := newChecker(s, opts.Previous)
	if s.Invitations != nil {
		if opts.Invitations == nil {
			return st, errorText.Errorf("invitation_key", s.ID)
		}
		// Every record's invitation is verified on the record as read,
		// which the fast path does not build.
		chk.fast = nil
	}
	chk.invitations = opts.Invitations
	var parts *participantLog
	if chk.part != nil {
		parts = &participantLog{rule: chk.part, versions: chk.versions, dir: filepath.Dir(out)}
		defer parts.close()
	}

	spill, err := os.CreateTemp(filepath.Dir(out), ".opros-ingest-*")
	if err != nil {
		return st, err
	}
	defer os.Remove(spill.Name())
	defer spill.Close()
	sw := bufio.NewWriterSize(spill, 1<<20)
	var offset int64
	idx := newRowIndex(filepath.Dir(out), opts.IndexRows, expectedRows(inputs))

	workers := runtime.GOMAXPROCS(0)
	// Tokens bound the chunks in flight, so memory does not grow with the
	// input even when one worker lags behind the others.
	tokens := make(chan struct{}, 4*workers)
	todo := make(chan *chunk, workers)
	done := make(chan *chunk, 4*workers)
	// Sequenced chunks go back to the reader, buffers and all: filling a
	// fresh chunk's buffers by appending was a tenth of ingest's CPU.
	free := make(chan *chunk, 4*workers)
	readErr := make(chan error, 1)
	go func() {
		readErr <- readChunks(chk, inputs, tokens, free, todo)
		close(todo)
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := chk.newWorker()
			for c := range todo {
				chk.process(c, w)
				done <- c
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	var failed error
	var said rejectSummary // said when nothing is accepted, as no rejects file is written then
	parked := map[int]*chunk{}
	next := 0
	for c := range done {
		parked[c.seq] = c
		for {
			c, ok := parked[next]
			if !ok {
				break
			}
			delete(parked, next)
			next++
			if failed == nil {
				failed = sequence(c, &st, rejEnc, aside, parts, sw, idx, &offset, &said)
			}
			c.reset()
			select {
			case free <- c:
			default:
			}
			<-tokens
		}
	}
	if err := <-readErr; err != nil {
		return st, err
	}
	if failed != nil {
		return st, failed
	}
	if err := sw.Flush(); err != nil {
		return st, err
	}
	if err := rejects.Flush(); err != nil {
		return st, err
	}
	if st.Accepted == 0 {
		return st, noAnswers(st, &said, inputs)
	}
	// A participant's submissions that do not count are known once every
	// record is in; they stay out of the Parquet file.
	repeats := 0
	if parts != nil {
		repeats = parts.decide(len(idx.runs) > 0)
	}
	// Repeats the index drops only now, and a participant's submissions
	// that do not count, take their set-aside answers with them (the
	// latter are set aside whole).
	markAside := len(aside.recs) > 0 && (len(idx.runs) > 0 || repeats > 0)
	if !markAside {
		aside.keepAll()
	}
	var keep func(rowRef) bool
	if markAside || repeats > 0 {
		keep = func(ref rowRef) bool {
			if repeats > 0 && !parts.counted(ref) {
				return false
			}
			if markAside {
				aside.keep(ref)
			}
			return true
		}
	}
	// The set-aside file is created before the Parquet file, so that it
	// is renamed first: the Parquet file's rename is the run's commit.
	pq, err := o.create(out)
	if err != nil {
		return st, err
	}
	dups, err := writeParquet(s, chk.versions, spill, idx, pq, opts.BatchRows, codec, keep)
	st.Accepted -= dups + repeats
	st.Duplicates += dups
	st.Repeats = repeats
	if err != nil {
		return st, err
	}
	var whole *wholeLines
	if parts != nil {
		if whole, err = parts.wholeLines(); err != nil {
			return st, err
		}
	}
	if st.SetAside, err = aside.writeTo(asideFile, whole); err != nil {
		return st, err
	}
	return st, o.commit()
}

// chunk is a run of consecutive input records and, once a worker is done
// with it, what became of each.
type chunk struct {
	seq  int
	buf  []byte // the raw records, back to back
	recs []chunkRecord
	rows []byte // spill rows of the accepted records, back to back
}

type chunkRecord struct {
	Record
	start, end int    // Raw in buf
	wave       int    // the input's wave (0: from the answer)
	version    string // the input's version, for records that name none (Input.Version)

	// set by the worker
	errs        []answer.FieldError // rejected when not empty
	participant string              // a participant-level survey's participant
	version0    uint64              // and the version's index in spillVersions
	aside       []byte              // set-aside lines of an accepted record
	asideN      int                 // how many
	id          string
	rowWave     int32
	submitted   int64
	rowStart    int
	rowEnd      int
}

const chunkRecords = 512

// reset empties a chunk for the reader to fill again.
func (c *chunk) reset() {
	clear(c.recs) // drop what the records point to
	c.buf, c.recs, c.rows = c.buf[:0], c.recs[:0], c.rows[:0]
}

// readChunks reads every input in order and sends its records in chunks.
func readChunks(chk *checker, inputs []Input, tokens chan struct{}, free <-chan *chunk, todo chan<- *chunk) error {
	seq := 0
	fresh := func() *chunk {
		select {
		case c := <-free:
			return c
		default:
			return &chunk{recs: make([]chunkRecord, 0, chunkRecords)}
		}
	}
	c := fresh()
	send := func() {
		for i := range c.recs {
			r := &c.recs[i]
			r.Raw = c.buf[r.start:r.end]
		}
		c.seq = seq
		seq++
		tokens <- struct{}{}
		todo <- c
		c = fresh()
	}
	for _, in := range inputs {
		f, err := os.Open(in.Path)
		if err != nil {
			return err
		}
		wave, version := in.Wave, in.Version
		add := func(rec Record) error {
			start := len(c.buf)
			c.buf = append(c.buf, rec.Raw...)
			rec.Raw = nil
			c.recs = append(c.recs, chunkRecord{Record: rec, start: start, end: len(c.buf), wave: wave, version: version})
			if len(c.recs) == chunkRecords {
				send()
			}
			return nil
		}
		if strings.HasSuffix(strings.ToLower(in.Path), ".csv") {
			err = readCSV(f, in.Path, chk.types[in.Version], add)
		} else {
			err = ReadNDJSON(f, in.Path, add)
		}
		f.Close()
		if err != nil {
			return err
		}
	}
	if len(c.recs) > 0 {
		send()
	}
	return nil
}

// checker holds what workers share, read-only: the survey and the older
// versions it maps answers from.
type checker struct {
	s        *ir.Survey
	previous map[string]*previousVersion // by version hash
	fast     *fastPlan                   // nil: every record takes the general path
	versions []string                    // spillVersions
	// types reads flat records, by the version of their input
	// (Input.Version; "" is the current survey).
	types map[string]*flatTypes
	part  *participantRule // nil: a respondent-level survey
	// invitations verifies records' invitations (a survey with an
	// invitations block); nil otherwise.
	invitations *invite.Key
}

func newChecker(s *ir.Survey, prev []*ir.Survey) *checker {
	c := &checker{s: s, previous: map[string]*previousVersion{}, fast: newFastPlan(s), types: map[string]*flatTypes{},
		part: newParticipantRule(s)}
	c.versions = spillVersions(s, prev)
	byHash := map[string]*ir.Survey{s.Hash: s}
	for _, p := range prev {
		c.previous[p.Hash] = newPreviousVersion(p, s)
		if _, dup := byHash[p.Hash]; !dup {
			byHash[p.Hash] = p
		}
	}
	c.types[""] = &flatTypes{versions: byHash, input: s}
	for h, v := range byHash {
		c.types[h] = &flatTypes{versions: byHash, input: v}
	}
	return c
}

// worker is what one worker goroutine keeps between chunks.
type worker struct {
	dec  answer.Decoder // shares recurring strings among the worker's records
	enc  *rowEncoder
	fast *fastRecord // nil when the survey has no fast path
	// set-aside lines are encoded here: made only when there are some
	asideBuf bytes.Buffer
	asideEnc *json.Encoder
}

func (chk *checker) newWorker() *worker {
	w := &worker{enc: newRowEncoder(chk.s, chk.versions)}
	if chk.fast != nil {
		w.fast = newFastRecord(chk.fast)
	}
	return w
}

// process decodes, checks and encodes every record of a chunk.
func (chk *checker) process(c *chunk, w *worker) {
	for i := range c.recs {
		r := &c.recs[i]
		// The fast path takes a record that names no version as the
		// current one's, so an input declared older skips it.
		if r.Sub == nil && r.Err == nil && w.fast != nil && r.version == "" {
			if res, ok := w.fast.read(r.Raw, r.wave); ok {
				r.id, r.rowWave, r.submitted = res.id, res.wave, res.submitted
				r.rowStart = len(c.rows)
				c.rows = append(c.rows, res.row...)
				r.rowEnd = len(c.rows)
				chk.readParticipant(r, res.row)
				continue
			}
		}
		if r.Sub == nil && r.Err == nil {
			r.Sub, r.Err = decodeLine(&w.dec, r.Raw, chk.types[r.version])
		}
		sub := r.Sub
		if sub != nil && sub.Version == "" {
			sub.Version = r.version
		}
		var asides []aside
		switch {
		case r.Err != nil:
			r.errs = answer.Problems(r.Err, "record")
		default:
			r.errs, asides = chk.check(sub)
			if len(r.errs) == 0 && sub.Honeypot != "" {
				r.errs = []answer.FieldError{{Field: "hp", Code: "honeypot", Reason: "the bot trap field was filled in"}}
			}
		}
		if len(r.errs) > 0 {
			continue
		}
		// Each time is parsed once here (Validate has checked them).
		submitted := millis(sub.SubmittedAt)
		wave := waveOf(chk.s, submitted, r.wave)
		r.id = sub.ResponseID
		r.rowWave = int32(wave)
		r.submitted = submitted
		row, problem := w.enc.encode(sub, wave, millis(sub.StartedAt), submitted)
		if problem != nil {
			r.errs = []answer.FieldError{*problem}
			continue
		}
		r.rowStart = len(c.rows)
		c.rows = append(c.rows, row...)
		r.rowEnd = len(c.rows)
		if !chk.readParticipant(r, row) {
			continue
		}
		if len(asides) > 0 {
			// Encoded now: the values are the submission's, which Release
			// hands to the next record.
			r.aside, r.asideN = w.encodeAside(r, sub, wave, asides), len(asides)
		}
		r.Sub = nil
		w.dec.Release(sub) // the row holds copies; its maps can take the next record
	}
}

// readParticipant reads a participant-level survey's participant from the
// record's row, and rejects the record when it names none.
func (chk *checker) readParticipant(r *chunkRecord, row []byte) bool {
	if chk.part == nil {
		return true
	}
	v, p, problem := chk.part.read(row)
	if problem != nil {
		r.errs = []answer.FieldError{*problem}
		return false
	}
	r.version0, r.participant = v, p
	return true
}

// sequence takes one processed chunk, in input order. parts, for a
// participant-level survey, is told of every record the index keeps.
func sequence(c *chunk, st *Stats, rejEnc *json.Encoder, aside *asideLog, parts *participantLog, sw *bufio.Writer, idx *rowIndex, offset *int64, said *rejectSummary) error {
	for i := range c.recs {
		r := &c.recs[i]
		if len(r.errs) > 0 {
			said.add(r)
			st.Rejected++
			rej := Reject{Source: r.Source, Record: r.Number, Errors: r.errs, Raw: string(r.Raw)}
			if !utf8.Valid(r.Raw) {
				rej.RawBase64 = base64.StdEncoding.EncodeToString(r.Raw)
			}
			if err := rejEnc.Encode(rej); err != nil {
				return err
			}
			continue
		}
		row := c.rows[r.rowStart:r.rowEnd]
		repeat, err := idx.add(r.id, rowRef{wave: r.rowWave, submitted: r.submitted, offset: *offset, size: int32(len(row))})
		if err != nil {
			return err
		}
		if repeat {
			st.Duplicates++
			continue
		}
		if r.asideN > 0 {
			if err := aside.add(*offset, r.aside, r.asideN); err != nil {
				return err
			}
		}
		if parts != nil {
			if err := parts.add(r, *offset); err != nil {
				return err
			}
		}
		*offset += int64(len(row))
		st.Accepted++
		if _, err := sw.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// expectedRows guesses from the inputs' sizes how many rows they hold, at
// the high end: a submission is rarely under 256 bytes.
func expectedRows(inputs []Input) int {
	size := int64(0)
	for _, in := range inputs {
		if fi, err := os.Stat(in.Path); err == nil {
			size += fi.Size()
		}
	}
	return int(size / 256)
}

// RejectsPath is where Run puts the records it did not accept.
func RejectsPath(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".rejects.ndjson"
}

// SetAsidePath is where Run puts the answers of accepted records that the
// current version has no column for (see SetAside).
func SetAsidePath(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".setaside.ndjson"
}

func millis(ts string) int64 {
	if ts == "" {
		return math.MinInt64
	}
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return math.MinInt64
	}
	return t.UnixMilli()
}

// waveOf: the input's wave if given, else the year the answer was
// submitted, else the survey's wave (docs/architecture.md).
func waveOf(s *ir.Survey, submitted int64, given int) int {
	if given != 0 {
		return given
	}
	if submitted != math.MinInt64 {
		return time.UnixMilli(submitted).UTC().Year()
	}
	return s.Wave
}

// check validates a submission: against the current survey, or, when it
// was recorded against a --previous version, against that version and
// then through the diff's mapper (previous.go), which takes out of sub
// the answers the current version has no column for and returns them to
// be set aside. Any other version is rejected with the reason.
func (chk *checker) check(sub *answer.Submission) ([]answer.FieldError, []aside) {
	version := chk.s
	var p *previousVersion
	if sub.Version != chk.s.Hash && sub.Version != "" {
		var ok bool
		if p, ok = chk.previous[sub.Version]; !ok {
			return []answer.FieldError{{Field: "version", Code: "unknown_version",
				Reason: fmt.Sprintf("recorded against survey version %s, which is neither the current one nor a --previous version", sub.Version)}}, nil
		}
		version = p.old
	}
	// The invitation is checked by the rule of the version the record
	// answers (an earlier wave may have had none), on the record as it
	// came, before an older version's mapping sets any of its hidden
	// values aside, and against the time it says it was sent: the only one
	// ingest knows.
	if sub.Invitation != nil || version.Invitations != nil {
		if version.Invitations != nil && chk.invitations == nil {
			return []answer.FieldError{{Field: "invitation", Code: "no_key",
				Reason: "the version this answer was recorded against takes invitations: give ingest the invitation keys file (--keys)"}}, nil
		}
		var at time.Time
		if sub.SubmittedAt != "" {
			at, _ = time.Parse(time.RFC3339Nano, sub.SubmittedAt)
		}
		if errs := invite.Check(version, chk.invitations, sub, at); len(errs) > 0 {
			return errs, nil
		}
	}
	if p == nil {
		return answer.Validate(chk.s, sub), nil
	}
	return p.check(sub)
}

// rowEncoder writes a submission as a compact binary row in column order:
// the spill file is read back once per row, so it must be cheap to decode.
// Option codes are written as their index among the question's options,
// and the version as its index in the spill's versions, so a row is a
// third of the size it would be with strings, and codes reach the Parquet
// writer as dictionary indices, which it writes without hashing each one.
type rowEncoder struct {
	s        *ir.Survey
	versions map[string]uint64
	codes    []map[string]uint64 // per variable of s.Vars: option code → index
	buf      []byte
}

// spillVersions are the versions a spilled row can have, by index: none,
// the current one, then the older ones ingest maps.
func spillVersions(s *ir.Survey, previous []*ir.Survey) []string {
	vs := []string{"", s.Hash}
	for _, p := range previous {
		vs = append(vs, p.Hash)
	}
	return vs
}

func newRowEncoder(s *ir.Survey, versions []string) *rowEncoder {
	e := &rowEncoder{s: s, versions: map[string]uint64{}, codes: make([]map[string]uint64, len(s.Vars))}
	for i, v := range versions {
		if _, dup := e.versions[v]; !dup {
			e.versions[v] = uint64(i)
		}
	}
	for i, v := range s.Vars {
		if v.Kind == ir.VarCode || v.Kind == ir.VarCodes {
			e.codes[i] = map[string]uint64{}
			for j, o := range s.Question(v.Question).Options {
				e.codes[i][o.Code] = uint64(j)
			}
		}
	}
	return e
}

const (
	tagNull    = 0
	tagPresent = 1
)

func (e *rowEncoder) str(v string) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(v)))
	e.buf = append(e.buf, v...)
}

func (e *rowEncoder) strBytes(v []byte) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(v)))
	e.buf = append(e.buf, v...)
}

func (e *rowEncoder) optStr(v string, ok bool) {
	if !ok {
		e.buf = append(e.buf, tagNull)
		return
	}
	e.buf = append(e.buf, tagPresent)
	e.str(v)
}

// encode returns the row, or the problem that keeps the submission out of
// the file: a code or version the current survey does not have, which
// validation and version mapping let through only if they are wrong.
func (e *rowEncoder) encode(sub *answer.Submission, wave int, started, submitted int64) ([]byte, *answer.FieldError) {
	e.buf = e.buf[:0]
	e.str(sub.ResponseID)
	version, ok := e.versions[sub.Version]
	if !ok {
		return nil, &answer.FieldError{Field: "version", Code: "unknown_version", Reason: "is not a version this ingest maps"}
	}
	e.buf = binary.AppendUvarint(e.buf, version)
	e.str(sub.Lang)
	e.buf = binary.AppendVarint(e.buf, int64(wave))
	e.buf = binary.AppendVarint(e.buf, started)
	e.buf = binary.AppendVarint(e.buf, submitted)
	for _, h := range e.s.Hidden {
		v, ok := sub.Hidden[h.ID]
		e.optStr(v, ok && v != "")
	}
	if e.s.Invitations != nil {
		// Verified by check; an answer without one (optional) is null.
		inv := sub.Invitation
		e.optStr(invitationID(inv), inv != nil)
	}
	for vi, v := range e.s.Vars {
		var val any
		var ok bool
		if v.Row != "" {
			if m, isMap := sub.Answers[v.Question].(map[string]string); isMap {
				val, ok = m[v.Row]
			}
		} else {
			val, ok = sub.Answers[v.Name]
		}
		if !ok || val == nil {
			e.buf = append(e.buf, tagNull)
			continue
		}
		e.buf = append(e.buf, tagPresent)
		code := func(c string) bool {
			i, ok := e.codes[vi][c]
			e.buf = binary.AppendUvarint(e.buf, i)
			return ok
		}
		fits := true
		switch v.Kind {
		case ir.VarCode:
			c, ok := val.(string)
			if fits = ok; ok && !code(c) {
				return nil, removedOption(v, c)
			}
		case ir.VarString:
			var t string
			t, fits = val.(string)
			e.str(t)
		case ir.VarDate:
			var t string
			if t, fits = val.(string); fits {
				d, err := time.Parse("2006-01-02", t) // validated
				fits = err == nil
				e.buf = binary.AppendVarint(e.buf, d.Unix()/86400)
			}
		case ir.VarCodes:
			var list []string
			list, fits = val.([]string)
			e.buf = binary.AppendUvarint(e.buf, uint64(len(list)))
			for _, c := range list {
				if !code(c) {
					return nil, removedOption(v, c)
				}
			}
		case ir.VarInt:
			var f float64
			f, fits = val.(float64)
			fits = fits && f == math.Trunc(f) && math.Abs(f) <= answer.MaxInteger
			e.buf = binary.AppendVarint(e.buf, int64(f))
		case ir.VarFloat:
			var f float64
			f, fits = val.(float64)
			e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(f))
		case ir.VarBool:
			var t bool
			t, fits = val.(bool)
			b := byte(0)
			if t {
				b = 1
			}
			e.buf = append(e.buf, b)
		}
		if !fits {
			// Validation lets no such value through; should it ever, the
			// record is kept out with the reason, not written wrong.
			return nil, &answer.FieldError{Field: "answers." + v.Name, Code: "wrong_type",
				Reason: fmt.Sprintf("%v does not fit the column %s (%s)", val, v.Name, v.Kind)}
		}
	}
	return e.buf, nil
}

func invitationID(inv *answer.Invitation) string {
	if inv == nil {
		return ""
	}
	return inv.ID
}

func removedOption(v ir.Variable, code string) *answer.FieldError {
	return &answer.FieldError{Field: "answers." + v.Question, Code: "removed_option",
		Reason: fmt.Sprintf("%q is not an option of the current version", code)}
}

type rowDecoder struct {
	b   []byte
	err error
}

func (d *rowDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errors.New("ingest: corrupt spill row")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *rowDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errors.New("ingest: corrupt spill row")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// str returns the next string's bytes, a view of the row: builders copy
// them, so no string is allocated per value.
func (d *rowDecoder) str() []byte {
	n := d.uvarint()
	if d.err != nil || uint64(len(d.b)) < n {
		d.err = errors.New("ingest: corrupt spill row")
		return nil
	}
	s := d.b[:n:n]
	d.b = d.b[n:]
	return s
}

func (d *rowDecoder) tag() bool {
	if len(d.b) == 0 {
		d.err = errors.New("ingest: corrupt spill row")
		return false
	}
	t := d.b[0]
	d.b = d.b[1:]
	return t == tagPresent
}

// Codecs are the Parquet compressions ingest writes, by name.
var Codecs = map[string]compress.Compression{"snappy": compress.Codecs.Snappy, "zstd": compress.Codecs.Zstd}

// WriterProperties are fixed so that the same rows give the same bytes.
//
// A column whose dictionary outgrows its page limit falls back to plain
// pages partway, and Arrow Go v15 then lists the chunk's page encodings in
// map order: the footer came out different from run to run (seen on a
// million responses). So columns of mostly distinct values (response ids,
// times, free text, fractional numbers) are never dictionary-encoded, and
// the others get a limit no row group reaches.
func WriterProperties(s *ir.Survey, rowGroup int, codec compress.Compression) *parquet.WriterProperties {
	opts := []parquet.WriterProperty{
		// zstd, when chosen, at its default level (3): naming the level would
		// make Arrow Go v15 build a new encoder, megabytes of tables, for
		// every page.
		parquet.WithCompression(codec),
		parquet.WithDictionaryDefault(true),
		parquet.WithDictionaryPageSizeLimit(1 << 30),
		parquet.WithMaxRowGroupLength(int64(rowGroup)),
		parquet.WithCreatedBy("opros"),
		parquet.WithStats(true),
		// Version 2 data pages: Arrow Go v15 grows the level buffers of
		// version 1 pages a few bytes at a time, which made writing them a
		// third slower. DuckDB, pandas and R read either.
		parquet.WithDataPageVersion(parquet.DataPageV2),
	}
	for _, name := range []string{"response_id", "started_at", "submitted_at"} {
		opts = append(opts, parquet.WithDictionaryFor(name, false))
	}
	for _, v := range s.Vars {
		if v.Kind == ir.VarString || v.Kind == ir.VarFloat {
			opts = append(opts, parquet.WithDictionaryFor(v.Name, false))
		}
	}
	return parquet.NewWriterProperties(opts...)
}

// writeParquet writes the spilled rows in the index's order to f, which
// Run renames into place, and returns how many repeated response ids the
// index dropped.
// keep, when not nil, is asked of every row: false keeps it out of the
// file.
func writeParquet(s *ir.Survey, versions []string, spill *os.File, idx *rowIndex, f *os.File, batch int, codec compress.Compression, keep func(rowRef) bool) (int, error) {
	dups := 0
	if batch <= 0 {
		batch = 32768
	}
	schema, err := Schema(s)
	if err != nil {
		return dups, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	fw, err := newColumnWriter(schema, bw, WriterProperties(s, batch, codec))
	if err != nil {
		return dups, err
	}
	// Row groups are built from the spill by builders and encoded by the
	// writer (which spreads a row group's columns over the cores) in order;
	// reading rows back, one read each, was the serial part of the phase.
	builders := runtime.GOMAXPROCS(0)
	jobs := make(chan *rowGroupJob)
	// Two row groups may wait for the writer: with one, the second builder
	// sat idle while the writer wrote, and building was the slower side.
	inOrder := make(chan *rowGroupJob, 2) // bounds the row groups in memory
	var building sync.WaitGroup
	dicts := newCodeDictionaries(s, schema)
	defer dicts.release()
	for b := 0; b < builders; b++ {
		building.Add(1)
		go func() {
			defer building.Done()
			rg := newRowGroupBuilder(s, versions, dicts)
			defer rg.release()
			for job := range jobs {
				job.cols, job.err = rg.build(spill, job.refs)
				close(job.done)
			}
		}()
	}
	written := make(chan error, 1)
	go func() {
		var err error
		for job := range inOrder {
			<-job.done
			if err == nil { // after a failure, only release what is built
				err = job.err
			}
			if err == nil && job.cols != nil {
				err = fw.WriteColumns(job.cols)
			}
			for _, c := range job.cols {
				c.Release()
			}
		}
		written <- err
	}()
	var refs []rowRef
	send := func() {
		if len(refs) == 0 {
			return
		}
		job := &rowGroupJob{refs: refs, done: make(chan struct{})}
		refs = make([]rowRef, 0, batch)
		inOrder <- job
		jobs <- job
	}
	dups, err = idx.finish(func(ref rowRef) error {
		if keep != nil && !keep(ref) {
			return nil
		}
		if refs = append(refs, ref); len(refs) == batch {
			send()
		}
		return nil
	})
	if err == nil {
		send()
	}
	close(jobs)
	close(inOrder)
	building.Wait()
	if werr := <-written; err == nil {
		err = werr
	}
	if err != nil {
		return dups, err
	}
	if err := fw.Close(); err != nil {
		return dups, err
	}
	return dups, bw.Flush()
}
