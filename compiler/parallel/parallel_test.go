package parallel

import (
	"context"
	"errors"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestForCallsEachOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		calls := make([]atomic.Int32, n)
		For(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("n=%d: f(%d) called %d times", n, i, c)
			}
		}
	}
}

// jitter makes items finish out of order.
func jitter(i int) { time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond * time.Duration(i%3)) }

// TestInOrderKeepsOrder: whatever the workers and window, the sink sees
// every item once, in the order sent, never more than window of them
// between source and sink, and each worker's state used by one goroutine.
func TestInOrderKeepsOrder(t *testing.T) {
	for _, tt := range []struct{ n, workers, window int }{
		{0, 4, 8}, {1, 1, 1}, {100, 1, 1}, {100, 4, 4}, {500, 8, 32}, {50, 0, 0}, {300, 3, 2},
	} {
		var inFlight, most atomic.Int64
		busy := make([]atomic.Int32, max(tt.workers, 1))
		var got []int
		err := InOrder(context.Background(), tt.workers, tt.window,
			func(send func(int) bool) error {
				for i := range tt.n {
					if n := inFlight.Add(1); n > most.Load() {
						most.Store(n)
					}
					if !send(i) {
						t.Error("send refused an item of a pipeline that did not stop")
					}
				}
				return nil
			},
			func(w, i int) int {
				if busy[w].Add(1) != 1 {
					t.Errorf("worker %d runs twice at once", w)
				}
				jitter(i)
				busy[w].Add(-1)
				return i * 10
			},
			func(r int) error {
				got = append(got, r)
				inFlight.Add(-1)
				return nil
			})
		if err != nil {
			t.Fatalf("%+v: %v", tt, err)
		}
		if len(got) != tt.n {
			t.Fatalf("%+v: %d results", tt, len(got))
		}
		for i, r := range got {
			if r != i*10 {
				t.Fatalf("%+v: result %d is %d", tt, i, r)
			}
		}
		// The source counts an item before send takes its slot: one more.
		if limit := int64(max(tt.window, tt.workers, 1)) + 1; most.Load() > limit {
			t.Errorf("%+v: %d items in flight, more than the window", tt, most.Load())
		}
	}
}

// TestInOrderErrors: a sink's error stops the source and is returned, no
// result after it is sunk; a source's error is returned after every item
// it sent is sunk, and wins over a later sink error.
func TestInOrderErrors(t *testing.T) {
	boom := errors.New("sink failed")
	sent, sunk := 0, 0
	err := InOrder(context.Background(), 4, 8,
		func(send func(int) bool) error {
			for i := 0; ; i++ {
				if !send(i) {
					return nil
				}
				sent++
			}
		},
		func(_ int, i int) int { jitter(i); return i },
		func(r int) error {
			if r != sunk {
				t.Fatalf("sunk %d, want %d", r, sunk)
			}
			if sunk++; r == 20 {
				return boom
			}
			return nil
		})
	if !errors.Is(err, boom) || sunk != 21 || sent > 21+8 {
		t.Errorf("sink error: %v, %d sunk, %d sent", err, sunk, sent)
	}

	bad := errors.New("source failed")
	sunk = 0
	err = InOrder(context.Background(), 3, 6,
		func(send func(int) bool) error {
			for i := range 10 {
				send(i)
			}
			return bad
		},
		func(_ int, i int) int { jitter(i); return i },
		func(int) error {
			if sunk++; sunk == 10 {
				return boom
			}
			return nil
		})
	if !errors.Is(err, bad) || sunk != 10 {
		t.Errorf("source error: %v, %d sunk", err, sunk)
	}
}

// TestInOrderCancel: ending the context stops a source that would never
// end, returns its cause, and leaves no goroutine behind.
func TestInOrderCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	sunk := 0
	err := InOrder(ctx, 4, 8,
		func(send func(int) bool) error {
			for i := 0; send(i); i++ {
			}
			return nil
		},
		func(_ int, i int) int { return i },
		func(int) error {
			if sunk++; sunk == 100 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) || sunk != 100 {
		t.Errorf("%v after %d results", err, sunk)
	}
	// Cancelled before the first item: nothing is sunk.
	err = InOrder(ctx, 2, 2, func(send func(int) bool) error {
		if send(1) {
			t.Error("send took an item after the context ended")
		}
		return nil
	}, func(_ int, i int) int { return i }, func(int) error { t.Error("sunk after the end"); return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before the start: %v", err)
	}
	for range 100 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Errorf("%d goroutines before, %d after", before, runtime.NumGoroutine())
}

// TestForInOrder: results merged in index order; the first failure in
// index order is returned, and nothing after it is merged.
func TestForInOrder(t *testing.T) {
	var merged []int
	err := ForInOrder(200, 4, func(i int) (int, error) { jitter(i); return i, nil }, func(v int) { merged = append(merged, v) })
	if err != nil || len(merged) != 200 {
		t.Fatalf("%v, %d merged", err, len(merged))
	}
	for i, v := range merged {
		if v != i {
			t.Fatalf("merged[%d] = %d", i, v)
		}
	}
	merged = nil
	err = ForInOrder(200, 4, func(i int) (int, error) {
		jitter(i)
		if i == 70 || i == 150 {
			return 0, errors.New("failed at " + string(rune('0'+i/10)))
		}
		return i, nil
	}, func(v int) { merged = append(merged, v) })
	if err == nil || err.Error() != "failed at 7" || len(merged) != 70 {
		t.Errorf("%v, %d merged", err, len(merged))
	}
}
