package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow/go/v15/parquet/compress"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/parallel"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/invite"
)

// MemoryLimit is the Go heap limit opros ingest runs under
// (debug.SetMemoryLimit, with GOGC at 100): the collector works harder as
// the heap nears it, and the rest of the 300 MB memory budget is the
// runtime's and the stacks' (make bench measures ingest's peak RSS).
const MemoryLimit = 240 << 20

// Options tune a run.
type Options struct {
	// Previous are older versions of the survey: answers recorded against
	// one of them (or in an input declared as one, Input.Version) are
	// validated against it and mapped through `opros diff`, what the
	// current version has no column for set aside, instead of being
	// rejected as an unknown version.
	Previous []*ir.Survey
	// BatchRows is the number of rows per Arrow record batch (and Parquet
	// row group); 0 means 32,768, which keeps the row groups in flight
	// (three at most: writeParquet) well inside the memory budget.
	BatchRows int
	// Compression is the Parquet codec: "snappy" (the default, as in
	// pyarrow and DuckDB, and the faster to ingest) or "zstd" (smaller
	// files).
	Compression string
	// IndexRows is the number of rows whose sort keys are held in memory
	// at a time; beyond it they are sorted in runs on disk. 0 means
	// defaultRunRows (index.go). Tests make it small to exercise the runs.
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
	// Recoded counts the answer values of accepted records given as
	// source codes (the codes of the tool the survey was imported from,
	// option source) and stored as their options' codes, and the answers
	// given under source names (question, row and item source) and
	// stored under the opros ones; RecodedRecords
	// the records that had any. The Parquet file keeps Recoded
	// (MetaRecoded) for the report to say.
	Recoded, RecodedRecords int
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
// and this goroutine takes the chunks back in input order
// (parallel.InOrder) to write
// rejects, spill the rows and index them; the index drops repeated
// response ids (the first one wins). Input order is kept, so the output
// does not depend on the number of workers.
func Run(s *ir.Survey, inputs []Input, out string, opts Options) (Stats, error) {
	var st Stats
	for _, in := range inputs {
		if in.Version != "" && in.Version != s.Hash && !slices.ContainsFunc(opts.Previous, func(p *ir.Survey) bool { return p.Hash == in.Version }) {
			return st, errorText.Errorf(errUnknownVersion, in.Path, in.Version)
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
			return st, errorText.Errorf(errUnknownCompression, opts.Compression)
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
			return st, errorText.Errorf(errInvitationKey, s.ID)
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
		return st, fmt.Errorf("the spill file beside %s: %w", out, err)
	}
	defer os.Remove(spill.Name())
	defer spill.Close()
	sw := bufio.NewWriterSize(spill, 1<<20)
	var offset int64
	idx := newRowIndex(filepath.Dir(out), opts.IndexRows, expectedRows(inputs))

	workers := runtime.GOMAXPROCS(0)
	// Sequenced chunks go back to the reader, buffers and all, rather than
	// each chunk's buffers growing anew by appending.
	free := make(chan *chunk, 4*workers)
	ws := make([]*worker, workers)
	var said rejectSummary // said when nothing is accepted, as no rejects file is written then
	// At most four chunks per worker are in flight, so memory does not
	// grow with the input even when one worker lags behind the others.
	err = parallel.InOrder(context.Background(), workers, 4*workers,
		func(send func(*chunk) bool) error { return readChunks(chk, inputs, free, send) },
		func(w int, c *chunk) *chunk {
			if ws[w] == nil {
				ws[w] = chk.newWorker()
			}
			chk.process(c, ws[w])
			return c
		},
		func(c *chunk) error {
			err := sequence(c, &st, rejEnc, aside, parts, sw, idx, &offset, &said)
			c.reset()
			select {
			case free <- c:
			default:
			}
			return err
		})
	if err != nil {
		return st, err
	}
	if err := sw.Flush(); err != nil {
		return st, fmt.Errorf("spill the rows: %w", err)
	}
	if err := rejects.Flush(); err != nil {
		return st, fmt.Errorf("write the rejects: %w", err)
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
	dups, err := writeParquet(s, chk.versions, spill, idx, pq, opts.BatchRows, codec, keep, st.Recoded)
	st.Accepted -= dups + repeats
	st.Duplicates += dups
	st.Repeats = repeats
	if err != nil {
		return st, fmt.Errorf("write %s: %w", out, err)
	}
	var whole *wholeLines
	if parts != nil {
		if whole, err = parts.wholeLines(); err != nil {
			return st, fmt.Errorf("set repeats aside: %w", err)
		}
	}
	if st.SetAside, err = aside.writeTo(asideFile, whole); err != nil {
		return st, fmt.Errorf("write %s: %w", SetAsidePath(out), err)
	}
	return st, o.commit()
}

// chunk is a run of consecutive input records and, once a worker is done
// with it, what became of each.
type chunk struct {
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
	recoded     int                 // answer values given as source codes
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

// readChunks reads every input in order and sends its records in chunks,
// until send refuses one (the run has failed).
func readChunks(chk *checker, inputs []Input, free <-chan *chunk, send func(*chunk) bool) error {
	fresh := func() *chunk {
		select {
		case c := <-free:
			return c
		default:
			return &chunk{recs: make([]chunkRecord, 0, chunkRecords)}
		}
	}
	c := fresh()
	flush := func() error {
		for i := range c.recs {
			r := &c.recs[i]
			r.Raw = c.buf[r.start:r.end]
		}
		if !send(c) {
			return errStopped
		}
		c = fresh()
		return nil
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
				return flush()
			}
			return nil
		}
		if strings.HasSuffix(strings.ToLower(in.Path), ".csv") {
			err = readCSV(f, in.Path, chk.types[in.Version], add)
		} else {
			err = readNDJSON(f, in.Path, add)
		}
		f.Close()
		if errors.Is(err, errStopped) {
			return nil // the run's error is the one that stopped it
		}
		if err != nil {
			return err
		}
	}
	if len(c.recs) > 0 {
		flush()
	}
	return nil
}

// errStopped is readChunks' own, to leave the readers when the run stops.
var errStopped = errors.New("ingest stopped")

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
	// sources reads the old tool's codes of a version (by hash) that has
	// option sources; surveys is every version by hash.
	sources map[string]*sourceCodes
	surveys map[string]*ir.Survey
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
	c.surveys, c.sources = byHash, map[string]*sourceCodes{}
	for h, v := range byHash {
		c.types[h] = &flatTypes{versions: byHash, input: v}
		if sc := newSourceCodes(v); sc != nil {
			c.sources[h] = sc
		}
	}
	if c.sources[s.Hash] != nil {
		// A record may give the old tool's codes, which the fast path
		// would refuse as unknown: each one is read by the general path.
		c.fast = nil
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
			r.recoded, r.errs = chk.recode(sub)
			if len(r.errs) == 0 {
				r.errs, asides = chk.check(sub)
			}
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
				return fmt.Errorf("write the rejects: %w", err)
			}
			continue
		}
		row := c.rows[r.rowStart:r.rowEnd]
		repeat, err := idx.add(r.id, rowRef{wave: r.rowWave, submitted: r.submitted, offset: *offset, size: int32(len(row))})
		if err != nil {
			return fmt.Errorf("index the rows: %w", err)
		}
		if repeat {
			st.Duplicates++
			continue
		}
		if r.asideN > 0 {
			if err := aside.add(*offset, r.aside, r.asideN); err != nil {
				return fmt.Errorf("set answers aside: %w", err)
			}
		}
		if parts != nil {
			if err := parts.add(r, *offset); err != nil {
				return fmt.Errorf("note the participants: %w", err)
			}
		}
		*offset += int64(len(row))
		st.Accepted++
		if r.recoded > 0 {
			st.Recoded += r.recoded
			st.RecodedRecords++
		}
		if _, err := sw.Write(row); err != nil {
			return fmt.Errorf("spill the rows: %w", err)
		}
	}
	return nil
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

// recode reads the source codes and names in sub's answers (sourceCodes)
// by the version it was recorded against, before check validates it, and
// says how many keys and values it read so, and the problems that refuse
// the record (an answer under two names).
func (chk *checker) recode(sub *answer.Submission) (int, []answer.FieldError) {
	h := sub.Version
	if h == "" {
		h = chk.s.Hash
	}
	sc := chk.sources[h]
	if sc == nil {
		return 0, nil
	}
	return sc.recode(chk.surveys[h], sub)
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
