package ingest

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"io"
	"os"
	"slices"
	"sync"
)

// rowRef locates one spilled row and holds its sort keys. It has no
// pointers, so the garbage collector does not scan a run of them.
type rowRef struct {
	wave      int32
	size      int32
	submitted int64
	offset    int64  // in the spill; rows are spilled in input order, so also the input position
	idKey     uint64 // the id's first 8 bytes, big-endian: most comparisons end here
	idOff     uint32
	idLen     uint32
}

func idKey[T string | []byte](id T) uint64 {
	var b [8]byte
	copy(b[:], id)
	return binary.BigEndian.Uint64(b[:])
}

// rowIndex orders the accepted rows and drops repeated response ids (the
// first in input order wins) in memory bounded whatever the input's size.
//
// Up to runRows rows it works in memory: a hash of each response id finds
// repeats as rows arrive, and one sort puts the rows in the order of the
// Parquet file (wave, submission time, response id), so the same answers
// give the same file whatever order they arrived in. Beyond that it
// becomes an external sort: runs of runRows rows are sorted by response id
// and input position into temporary files; merging them drops repeats
// into new runs sorted in file order, and merging those gives the rows.
type rowIndex struct {
	dir     string // where run files go
	runRows int
	run     refRun
	runs    []*os.File // sorted by id and input position
	// seen finds a response id's row by a hash of the id while no run has
	// gone to disk; the id itself is compared to rule out a collision, and
	// the few colliding ids go to collided.
	seen     map[uint64]int32
	collided map[string]struct{}
}

// refRun is a run of entries in memory: refs point into ids.
type refRun struct {
	refs []rowRef
	ids  []byte
}

func (r *refRun) id(x rowRef) []byte { return r.ids[x.idOff : x.idOff+x.idLen] }

func addRef[T string | []byte](r *refRun, id T, x rowRef) {
	x.idKey, x.idOff, x.idLen = idKey(id), uint32(len(r.ids)), uint32(len(id))
	r.ids = append(r.ids, id...)
	r.refs = append(r.refs, x)
}

func (r *refRun) reset() { r.refs, r.ids = r.refs[:0], r.ids[:0] }

// defaultRunRows keeps a million responses in memory, and so as fast as
// they can be (by its sizes, ~40 bytes of key, ~28 of id and ~25 of hash
// set a row: about 100 MB); a larger input is sorted in runs of that size.
const defaultRunRows = 1 << 20

// newRowIndex makes an index whose runs go to dir. expect is how many
// rows the caller expects (0: no idea): the first run's memory is taken at
// once instead of grown, which copied it twice over and rehashed the
// repeat finder as it went. Pages of it never used are never touched.
func newRowIndex(dir string, runRows, expect int) *rowIndex {
	if runRows <= 0 {
		runRows = defaultRunRows
	}
	expect = min(expect, runRows)
	x := &rowIndex{dir: dir, runRows: runRows, seen: make(map[uint64]int32, expect)}
	x.run.refs = make([]rowRef, 0, expect)
	x.run.ids = make([]byte, 0, 32*expect)
	return x
}

var idSeed = maphash.MakeSeed()

// add takes an accepted row, in input order. It reports a repeated
// response id it can tell at once (before any run went to disk); finish
// drops the others.
func (x *rowIndex) add(id string, r rowRef) (repeat bool, err error) {
	if x.seen != nil {
		h := maphash.String(idSeed, id)
		if at, ok := x.seen[h]; ok {
			if string(x.run.id(x.run.refs[at])) == id {
				return true, nil
			}
			if _, dup := x.collided[id]; dup {
				return true, nil
			}
			if x.collided == nil {
				x.collided = map[string]struct{}{}
			}
			x.collided[id] = struct{}{}
		} else {
			x.seen[h] = int32(len(x.run.refs))
		}
	}
	addRef(&x.run, id, r)
	if len(x.run.refs) < x.runRows {
		return false, nil
	}
	x.seen, x.collided = nil, nil // from now on, the merge finds repeats
	f, err := x.spillRun(&x.run, byIDThenInput)
	x.runs = append(x.runs, f)
	x.run.reset()
	return false, err
}

// An order compares two entries; given nil ids, it returns 0 where the
// ids would have to decide.
type order func(a, b []byte, x, y rowRef) int

// byIDThenInput orders entries by response id, then input position.
func byIDThenInput(a, b []byte, x, y rowRef) int {
	if x.idKey != y.idKey {
		return cmp.Compare(x.idKey, y.idKey)
	}
	if a == nil {
		return 0
	}
	if c := bytes.Compare(a, b); c != 0 {
		return c
	}
	return cmp.Compare(x.offset, y.offset)
}

// byFileOrder is the order of rows in the Parquet file: wave, submission
// time, then as byIDThenInput (ids are unique by then).
func byFileOrder(a, b []byte, x, y rowRef) int {
	if x.wave != y.wave {
		return cmp.Compare(x.wave, y.wave)
	}
	if x.submitted != y.submitted {
		return cmp.Compare(x.submitted, y.submitted)
	}
	return byIDThenInput(a, b, x, y)
}

func (r *refRun) sort(by order) {
	slices.SortFunc(r.refs, func(x, y rowRef) int { return r.compare(by, x, y) })
}

// compare orders two entries of r. The fixed-size keys are compared first,
// before any id is sliced: most comparisons end with them.
func (r *refRun) compare(by order, x, y rowRef) int {
	if c := by(nil, nil, x, y); c != 0 {
		return c
	}
	return by(r.id(x), r.id(y), x, y)
}

// spillRun sorts a run and writes it to a temporary file, rewound for
// reading.
func (x *rowIndex) spillRun(r *refRun, by order) (*os.File, error) {
	r.sort(by)
	f, err := os.CreateTemp(x.dir, ".opros-index-*")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name()) // gone when closed, whatever happens
	w := bufio.NewWriterSize(f, 1<<16)
	var head [refHeader]byte
	for _, ref := range r.refs {
		id := r.id(ref)
		binary.LittleEndian.PutUint32(head[0:], uint32(ref.wave))
		binary.LittleEndian.PutUint32(head[4:], uint32(ref.size))
		binary.LittleEndian.PutUint64(head[8:], uint64(ref.submitted))
		binary.LittleEndian.PutUint64(head[16:], uint64(ref.offset))
		binary.LittleEndian.PutUint32(head[24:], uint32(len(id)))
		w.Write(head[:])
		w.Write(id)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

const refHeader = 28

// source yields index entries in some order; the id is valid until the
// next call.
type source interface {
	next() (id []byte, ref rowRef, ok bool, err error)
}

type memSource struct {
	r *refRun
	i int
}

func (m *memSource) next() ([]byte, rowRef, bool, error) {
	if m.i == len(m.r.refs) {
		return nil, rowRef{}, false, nil
	}
	ref := m.r.refs[m.i]
	m.i++
	return m.r.id(ref), ref, true, nil
}

type fileSource struct {
	r  *bufio.Reader
	id []byte
}

func (s *fileSource) next() ([]byte, rowRef, bool, error) {
	var head [refHeader]byte
	if _, err := io.ReadFull(s.r, head[:]); err != nil {
		if err == io.EOF {
			return nil, rowRef{}, false, nil
		}
		return nil, rowRef{}, false, err
	}
	ref := rowRef{
		wave:      int32(binary.LittleEndian.Uint32(head[0:])),
		size:      int32(binary.LittleEndian.Uint32(head[4:])),
		submitted: int64(binary.LittleEndian.Uint64(head[8:])),
		offset:    int64(binary.LittleEndian.Uint64(head[16:])),
	}
	n := int(binary.LittleEndian.Uint32(head[24:]))
	s.id = slices.Grow(s.id[:0], n)[:n]
	if _, err := io.ReadFull(s.r, s.id); err != nil {
		return nil, rowRef{}, false, errors.Join(errors.New("ingest: truncated index run"), err)
	}
	ref.idKey = idKey(s.id)
	return s.id, ref, true, nil
}

// merge yields the entries of sorted sources in one sorted stream.
type merge struct {
	by    order
	heads []mergeHead
}

type mergeHead struct {
	src source
	id  []byte
	ref rowRef
}

func (m *merge) Len() int { return len(m.heads) }
func (m *merge) Less(i, j int) bool {
	return m.by(m.heads[i].id, m.heads[j].id, m.heads[i].ref, m.heads[j].ref) < 0
}
func (m *merge) Swap(i, j int) { m.heads[i], m.heads[j] = m.heads[j], m.heads[i] }
func (m *merge) Push(x any)    { m.heads = append(m.heads, x.(mergeHead)) }
func (m *merge) Pop() any {
	h := m.heads[len(m.heads)-1]
	m.heads = m.heads[:len(m.heads)-1]
	return h
}

// each calls f with every entry of the sources, in order. The id passed
// to f is valid during the call only.
func each(by order, sources []source, f func(id []byte, ref rowRef) error) error {
	m := &merge{by: by}
	// A head's id is copied: the source reuses its buffer on the next call.
	pull := func(h mergeHead) (mergeHead, bool, error) {
		id, ref, ok, err := h.src.next()
		if !ok || err != nil {
			return h, false, err
		}
		h.id, h.ref = append(h.id[:0], id...), ref
		return h, true, nil
	}
	for _, src := range sources {
		h, ok, err := pull(mergeHead{src: src})
		if err != nil {
			return err
		}
		if ok {
			m.heads = append(m.heads, h)
		}
	}
	heap.Init(m)
	for len(m.heads) > 0 {
		top := m.heads[0]
		if err := f(top.id, top.ref); err != nil {
			return err
		}
		h, ok, err := pull(top)
		if err != nil {
			return err
		}
		if ok {
			m.heads[0] = h
			heap.Fix(m, 0)
		} else {
			heap.Pop(m)
		}
	}
	return nil
}

// sources returns readers over the spilled runs and, unless r is nil, the
// run in memory, sorted by.
func (x *rowIndex) sources(r *refRun, runs []*os.File, by order) []source {
	var out []source
	if r != nil {
		r.sort(by)
		out = append(out, &memSource{r: r})
	}
	for _, f := range runs {
		out = append(out, &fileSource{r: bufio.NewReaderSize(f, 1<<16)})
	}
	return out
}

// finish drops the repeated response ids add could not tell and calls f
// with every remaining row in file order. It returns the number of
// repeats it dropped.
func (x *rowIndex) finish(f func(rowRef) error) (duplicates int, err error) {
	defer func() {
		for _, r := range x.runs {
			r.Close()
		}
	}()
	if len(x.runs) == 0 {
		// All in memory, and add has dropped every repeat. The two halves
		// are sorted on both cores and merged as they are read: the sort
		// was the one part of writing done on one core. The ids break ties
		// and are unique, so the order does not depend on the halves.
		x.seen, x.collided = nil, nil
		r := &x.run
		half := len(r.refs) / 2
		a, b := &refRun{refs: r.refs[:half], ids: r.ids}, &refRun{refs: r.refs[half:], ids: r.ids}
		var wg sync.WaitGroup
		wg.Go(func() { a.sort(byFileOrder) })
		b.sort(byFileOrder)
		wg.Wait()
		i, j := 0, 0
		for i < len(a.refs) || j < len(b.refs) {
			var ref rowRef
			if j == len(b.refs) || i < len(a.refs) && r.compare(byFileOrder, a.refs[i], b.refs[j]) < 0 {
				ref, i = a.refs[i], i+1
			} else {
				ref, j = b.refs[j], j+1
			}
			if err := f(ref); err != nil {
				return duplicates, err
			}
		}
		return duplicates, nil
	}
	// The run still in memory goes to disk too, so that pass 1 holds one
	// run's worth of rows at a time.
	run, err := x.spillRun(&x.run, byIDThenInput)
	if err != nil {
		return 0, err
	}
	x.runs = append(x.runs, run)
	x.run = refRun{}
	// Pass 1: the first row of each id, in input order, into runs sorted
	// by file order.
	var unique refRun
	var ordered []*os.File
	defer func() {
		for _, r := range ordered {
			r.Close()
		}
	}()
	var last []byte
	seen := false
	err = each(byIDThenInput, x.sources(nil, x.runs, byIDThenInput), func(id []byte, ref rowRef) error {
		if seen && bytes.Equal(id, last) {
			duplicates++
			return nil
		}
		seen, last = true, append(last[:0], id...)
		addRef(&unique, id, ref)
		if len(unique.refs) < x.runRows {
			return nil
		}
		run, err := x.spillRun(&unique, byFileOrder)
		ordered = append(ordered, run)
		unique.reset()
		return err
	})
	if err != nil {
		return duplicates, err
	}
	// Pass 2: every row in file order.
	return duplicates, each(byFileOrder, x.sources(&unique, ordered, byFileOrder), func(_ []byte, ref rowRef) error {
		return f(ref)
	})
}
