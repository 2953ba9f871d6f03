// Package parallel spreads work over the CPUs while keeping what the work
// gives in a fixed order, so that output does not depend on the number of
// cores: For for independent pieces the caller merges afterwards, InOrder
// and ForInOrder for results merged as they come (ingest's chunks of
// records and row groups, score's row groups).
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) … f(n-1), as many at a time as there are CPUs, and
// returns when all are done. f must only touch what belongs to its i.
func For(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}

// InOrder runs a pipeline of three stages. source sends items, one after
// the other, from a goroutine of its own; workers goroutines turn each
// item into a result with work (w, from 0 to workers-1, names the
// goroutine, so that each can keep state of its own); and sink takes the
// results on the calling goroutine in the order their items were sent. At
// most window items are between source and sink at a time (at least
// workers), so memory does not grow with the input when one item takes
// long: send blocks until the sink has caught up.
//
// The pipeline stops when sink returns an error or ctx ends: send then
// returns false, and source should return; results not yet sunk are
// dropped. InOrder returns once all its goroutines are done: with
// source's error if it returned one (the items sent before it are all
// sunk first), else with sink's, else with ctx's cause if ctx ended before
// the source was done.
func InOrder[T, R any](ctx context.Context, workers, window int, source func(send func(T) bool) error,
	work func(w int, item T) R, sink func(R) error) error {
	workers = max(workers, 1)
	window = max(window, workers)
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)

	type job struct {
		item T
		out  R
		done chan struct{} // closed when out is set
	}
	slots := make(chan struct{}, window) // one per item between source and sink
	order := make(chan *job, window)     // the items in the order sent, for the sink
	todo := make(chan *job, workers)
	sourceErr := make(chan error, 1)
	refused := false // send returned false: the source was stopped
	go func() {
		defer close(order)
		defer close(todo)
		sourceErr <- source(func(item T) bool {
			// select picks at random among ready cases: an ended context
			// must win over a free slot.
			if ctx.Err() != nil {
				refused = true
				return false
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				refused = true
				return false
			}
			j := &job{item: item, done: make(chan struct{})}
			order <- j // never blocks: a slot is held
			select {
			case todo <- j:
				return true
			case <-ctx.Done():
				refused = true
				return false
			}
		})
	}()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for j := range todo {
				if ctx.Err() == nil { // else nobody will take the result
					j.out = work(w, j.item)
				}
				close(j.done)
			}
		})
	}

	var err error
	for j := range order {
		if err == nil {
			select {
			case <-j.done:
			case <-ctx.Done():
			}
			// Checked after the wait, not as a case of it: select picks at
			// random among ready cases, and a job done after the context
			// ended holds no result (its worker skipped the work).
			if ctx.Err() != nil {
				err = context.Cause(ctx)
			} else if err = sink(j.out); err != nil {
				stop(err)
			}
		}
		<-slots
	}
	wg.Wait()
	if serr := <-sourceErr; serr != nil {
		return serr
	}
	if err == nil && refused { // ctx ended between two results
		err = context.Cause(ctx)
	}
	return err
}

// ForInOrder calls produce(0) … produce(n-1) on up to workers goroutines
// and merge with each result in index order, as soon as its turn comes:
// only results finished ahead of their turn wait, so memory does not grow
// with n. The first failure in index order stops it, and its error is
// returned; merge is not called with a failed result.
func ForInOrder[T any](n, workers int, produce func(i int) (T, error), merge func(T)) error {
	type result struct {
		v   T
		err error
	}
	return InOrder(context.Background(), workers, 4*max(workers, 1),
		func(send func(int) bool) error {
			for i := 0; i < n && send(i); i++ {
			}
			return nil
		},
		func(_ int, i int) result {
			v, err := produce(i)
			return result{v, err}
		},
		func(r result) error {
			if r.err != nil {
				return r.err
			}
			merge(r.v)
			return nil
		})
}
