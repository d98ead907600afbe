package futures

import (
	"context"
	"runtime"
	"sync"
)

// Executor is a bounded pool of worker goroutines running jobs submitted with
// Submit. Jobs wait in an unbounded FIFO queue; each is run by one worker.
// An Executor is safe for use from any goroutine.
//
// A job settles its future exactly once: with its result, with a
// *PanicError if it panicked (the worker survives), with ErrCancelled if its
// future was cancelled before the job started (the job then never runs), or
// with ErrClosed if it was submitted after Shutdown began or was still queued
// when Shutdown gave up.
type Executor struct {
	mu      sync.Mutex
	wake    sync.Cond // signalled when a job is queued or the executor closes
	queue   []job
	head    int // queue[head:] are waiting
	closed  bool
	live    int           // workers that have not exited
	stopped chan struct{} // closed when the last worker exits
}

// job is one queued unit of work.
type job interface {
	run()   // on a worker
	close() // settle with ErrClosed instead of running
}

// NewExecutor starts an Executor with workers worker goroutines. If workers
// is zero or negative it uses runtime.GOMAXPROCS(0) workers. The workers run
// until Shutdown.
func NewExecutor(workers int) *Executor {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	e := &Executor{live: workers, stopped: make(chan struct{})}
	e.wake.L = &e.mu
	for range workers {
		go e.work()
	}
	return e
}

func (e *Executor) work() {
	for {
		e.mu.Lock()
		for e.head == len(e.queue) && !e.closed {
			e.wake.Wait()
		}
		if e.head == len(e.queue) { // closed and drained
			e.live--
			if e.live == 0 {
				close(e.stopped)
			}
			e.mu.Unlock()
			return
		}
		j := e.queue[e.head]
		e.queue[e.head] = nil
		e.head++
		if e.head == len(e.queue) {
			e.queue, e.head = e.queue[:0], 0
		}
		e.mu.Unlock()
		j.run()
	}
}

// enqueue queues j, or reports false if the executor is closed.
func (e *Executor) enqueue(j job) bool {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return false
	}
	if e.head > 0 && len(e.queue) == cap(e.queue) && e.head >= len(e.queue)/2 {
		// Reuse the consumed front instead of growing.
		n := copy(e.queue, e.queue[e.head:])
		clear(e.queue[n:])
		e.queue, e.head = e.queue[:n], 0
	}
	e.queue = append(e.queue, j)
	e.mu.Unlock()
	e.wake.Signal()
	return true
}

// Submit queues fn to run on one of e's workers and returns the future of its
// result. If e has been shut down, fn never runs and the future is already
// settled with ErrClosed. A panic in fn settles the future with a
// *PanicError.
//
// Submit may be called from any goroutine, but the future it returns is not
// loop-aware: from loop code use RunInExecutor, which delivers the result on
// the loop.
func Submit[T any](e *Executor, fn func() (T, error)) *Future[T] {
	if e == nil {
		misuse("Submit to a nil Executor")
	}
	if fn == nil {
		misuse("Submit of a nil function")
	}
	j := &submitJob[T]{f: newFuture[T](), fn: fn}
	if !e.enqueue(j) {
		j.close()
	}
	return j.f
}

type submitJob[T any] struct {
	f  *Future[T]
	fn func() (T, error)
}

func (j *submitJob[T]) run() {
	if j.f.settled.Load() { // cancelled while queued
		return
	}
	v, err := j.call()
	j.f.settle(v, err)
}

func (j *submitJob[T]) call() (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			var zero T
			v, err = zero, newPanicError(r)
		}
	}()
	return j.fn()
}

func (j *submitJob[T]) close() {
	var zero T
	j.f.settle(zero, ErrClosed)
}

// Shutdown stops e from accepting jobs (Submit then returns futures settled
// with ErrClosed, also when called by a running job) and waits until every queued job has run and every worker
// has exited; it then returns nil.
//
// If ctx is done first, Shutdown settles every job still waiting in the queue
// with ErrClosed (they never run) and returns ctx.Err(). Jobs already running
// cannot be interrupted: they finish and settle normally, and their workers
// exit afterwards; Stopped reports when that has happened.
//
// Shutdown may be called more than once and from several goroutines; each
// call waits as described. Shutdown blocks: do not call it from loop code.
func (e *Executor) Shutdown(ctx context.Context) error {
	if ctx == nil {
		misuse("Executor.Shutdown with a nil context")
	}
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	e.wake.Broadcast()
	select {
	case <-e.stopped:
		return nil
	case <-ctx.Done():
	}
	e.mu.Lock()
	abandoned := e.queue[e.head:]
	e.queue, e.head = nil, 0
	e.mu.Unlock()
	for _, j := range abandoned {
		j.close()
	}
	return ctx.Err()
}

// Stopped returns a channel that is closed once Shutdown has been called and
// every worker goroutine of e has exited.
func (e *Executor) Stopped() <-chan struct{} { return e.stopped }
