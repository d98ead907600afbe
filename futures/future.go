package futures

import (
	"context"
	"sync"
	"sync/atomic"
)

// Future is the result of work that runs on another goroutine: an Executor
// job (Submit), a coroutine submitted from outside its loop (RunThreadsafe),
// or anything settled through a Promise. All its methods are safe to call
// from any goroutine.
//
// A Future settles exactly once, with a value, an error, ErrCancelled or
// ErrClosed; later attempts to settle it are ignored. The zero Future is not
// usable: futures come from NewPromise, Submit and RunThreadsafe.
//
// A Future is not loop-aware. Loop code must not block on Result (that stalls
// the loop) and should not use OnDone to touch loop state (the callback runs
// on whichever goroutine settles the future); it wraps the future with Wrap
// and awaits the resulting Task instead.
type Future[T any] struct {
	settled atomic.Bool // set under mu; read without it on fast paths
	mu      sync.Mutex
	done    chan struct{} // closed once settled
	val     T
	err     error
	onDone  []func(T, error)
	// onCancel, set before the future is published, propagates a successful
	// Cancel to whatever produces the value (a loop task, say).
	onCancel func()
	dbg      *debugTracker // nil unless made in debug mode
}

func newFuture[T any]() *Future[T] {
	f := &Future[T]{done: make(chan struct{})}
	if o := debugDefault.Load(); o != nil {
		trackFuture(f, o)
	}
	return f
}

func (f *Future[T]) check() {
	if f == nil || f.done == nil {
		misuse("use of a nil or zero Future; futures come from NewPromise, Submit or RunThreadsafe")
	}
}

// settle records the outcome if f is still pending, then runs the OnDone
// callbacks on the calling goroutine. It reports whether it settled f.
func (f *Future[T]) settle(v T, err error) bool {
	f.mu.Lock()
	if f.settled.Load() {
		f.mu.Unlock()
		return false
	}
	f.val, f.err = v, err
	cbs := f.onDone
	f.onDone = nil
	f.settled.Store(true)
	close(f.done)
	f.mu.Unlock()
	if f.dbg != nil {
		f.dbg.settled(err)
	}
	for _, fn := range cbs {
		runOnDone(fn, v, err)
	}
	return true
}

// runOnDone runs one OnDone callback. A panic there has no future to land
// on, and must not kill the goroutine that settled the future (often an
// Executor worker), so it is recovered and logged.
func runOnDone[T any](fn func(T, error), v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			logPanic("Future.OnDone callback", newPanicError(r))
		}
	}()
	fn(v, err)
}

// Result blocks until f settles and returns its value and error. It blocks
// the calling goroutine: called from loop code it stalls the whole loop, and
// deadlocks when f can only settle by running on that loop. In a coroutine,
// write Await(c, Wrap(c.Loop(), f)) instead.
func (f *Future[T]) Result() (T, error) {
	f.check()
	if f.dbg != nil {
		if err := f.dbg.beforeWait(f.settled.Load(), "futures.(*Future).Result"); err != nil {
			var zero T
			return zero, err
		}
	}
	if !f.settled.Load() {
		<-f.done
	}
	return f.val, f.err
}

// ResultContext is Result that gives up when ctx is done: it then returns the
// zero value and ctx.Err(), and f stays as it was (still pending, or settled
// later). If f is already settled it returns f's outcome even when ctx is
// done.
func (f *Future[T]) ResultContext(ctx context.Context) (T, error) {
	f.check()
	if ctx == nil {
		misuse("ResultContext with a nil context")
	}
	if f.dbg != nil {
		if err := f.dbg.beforeWait(f.settled.Load(), "futures.(*Future).ResultContext"); err != nil {
			var zero T
			return zero, err
		}
	}
	if f.settled.Load() {
		return f.val, f.err
	}
	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// Done returns a channel that is closed once f has settled.
func (f *Future[T]) Done() <-chan struct{} {
	f.check()
	if f.dbg != nil {
		f.dbg.observe()
	}
	return f.done
}

// Cancel settles a pending f with ErrCancelled and reports whether it did so;
// it returns false if f had already settled. Cancelling an executor job that
// has not started keeps it from running; a job already running runs to the
// end and its result is discarded. Cancelling a RunThreadsafe future cancels
// its task on the loop.
func (f *Future[T]) Cancel() bool {
	f.check()
	var zero T
	if !f.settle(zero, ErrCancelled) {
		return false
	}
	if f.onCancel != nil {
		f.onCancel()
	}
	return true
}

// OnDone arranges for fn to run once f settles, on the goroutine that settles
// it; if f has already settled, fn runs now, on the calling goroutine.
// Callbacks run in the order they were added. A panic in fn is recovered and
// logged (package log), so it cannot kill the settling goroutine.
//
// fn does not run on any loop: to react to f in loop code, use Wrap.
func (f *Future[T]) OnDone(fn func(T, error)) {
	f.check()
	if fn == nil {
		misuse("OnDone with a nil callback")
	}
	if f.dbg != nil {
		f.dbg.observe()
	}
	f.mu.Lock()
	if !f.settled.Load() {
		f.onDone = append(f.onDone, fn)
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()
	runOnDone(fn, f.val, f.err)
}
