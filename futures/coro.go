package futures

import (
	"context"
	"iter"
	"sync/atomic"
)

// Ctx is handed to every coroutine; it is the coroutine's link to its loop
// and the token that lets it suspend. A function taking a *Ctx is loop code:
// it runs on the loop, one step at a time, and must not block.
//
// A Ctx is valid only inside its own coroutine, while it runs: Await, Sleep,
// Gather and Context panic when the Ctx's coroutine is not the one running
// (the call comes from a callback, another coroutine or another goroutine,
// or the coroutine has returned). A call from another goroutine made while
// the coroutine itself is running cannot be told apart cheaply; it is a data
// race and corrupts the coroutine.
//
// Each coroutine runs on its own stack (a goroutine driven through iter.Pull):
// the loop goroutine resumes it and waits until it suspends or returns, so at
// any moment either the loop or exactly one of its coroutines is running.
//
// When the loop stops, each coroutine still suspended is unwound: its pending
// Await, Sleep or Gather does not return; instead the coroutine's deferred
// calls run (as for runtime.Goexit) and its task, if still pending, settles
// with ErrClosed. A deferred call that tries to suspend again is unwound the
// same way. Code that recovers this unwinding and keeps awaiting only keeps
// being unwound.
//
// A coroutine must not call runtime.Goexit (testing.T.FailNow included): it
// ends the loop goroutine too. The coroutine's task settles with a
// *PanicError and the loop stops as if Stop had been called, but Run never
// returns to its caller.
type Ctx struct {
	loop *Loop
	task *taskCore
	body interface{ runCoroutine() }

	next  func() (struct{}, bool)
	stop  func()
	yield func(struct{}) bool

	state         coState
	gen           uint64 // numbers suspensions; a wake for an older one is stale
	wakeQueued    bool   // a step is in the ready queue
	wokeCancelled bool   // the queued wake delivers cancellation
	cancelPending bool   // deliver ErrCancelled at the next suspension
	finished      atomic.Bool
	goid          atomic.Int64 // the coroutine's goroutine, in debug mode

	ctx    context.Context
	cancel context.CancelCauseFunc
}

type coState uint8

const (
	coNew coState = iota
	coRunning
	coSuspended
	coDone
)

// unwindSignal is the panic value that unwinds a coroutine of a stopped loop.
type unwindSignal struct{}

// Loop returns the loop the coroutine runs on.
func (c *Ctx) Loop() *Loop {
	if c == nil {
		misuse("Loop on a nil Ctx")
	}
	return c.loop
}

// Context returns a context that is cancelled when the coroutine's task is
// cancelled (cause ErrCancelled), when the loop stops (cause ErrClosed), or
// when the coroutine returns. It carries the values of the context passed to
// Loop.Run. Call Context from the coroutine itself; the context it returns
// may be used anywhere.
func (c *Ctx) Context() context.Context {
	c.enter("Context")
	if c.ctx == nil {
		c.ctx, c.cancel = context.WithCancelCause(c.loop.base)
		if c.task.settled && c.task.err == ErrCancelled {
			c.cancel(ErrCancelled)
		}
	}
	return c.ctx
}

// enter checks that c may be used by the code calling it, and unwinds a
// coroutine whose loop is stopping.
func (c *Ctx) enter(what string) {
	if c == nil {
		misuse("%s with a nil Ctx", what)
	}
	l := c.loop
	if l.current.Load() != c {
		if c.finished.Load() {
			misuse("%s with the Ctx of a coroutine that has returned; a Ctx is valid only inside its own coroutine", what)
		}
		misuse("%s with a Ctx outside its coroutine (from another goroutine, callback or coroutine); a Ctx is valid only inside its own coroutine", what)
	}
	if l.dbg != nil && loopState(l.state.Load()) == loopRunning {
		l.dbg.checkOnLoop(l, what)
	}
	if what != "Context" && loopState(l.state.Load()) >= loopStopping {
		panic(unwindSignal{})
	}
}

// takeCancel reports, once, a cancellation that arrived while the coroutine
// was running or already had a wake queued.
func (c *Ctx) takeCancel() bool {
	if c.cancelPending {
		c.cancelPending = false
		return true
	}
	return false
}

// prepare begins a suspension and returns its number for wake.
func (c *Ctx) prepare() uint64 {
	c.gen++
	return c.gen
}

// suspend gives control back to the loop until a wake for the current
// suspension runs; it reports whether that wake delivers cancellation.
func (c *Ctx) suspend() (cancelled bool) {
	c.state = coSuspended
	if !c.yield(struct{}{}) {
		panic(unwindSignal{})
	}
	cancelled = c.wokeCancelled
	c.wokeCancelled = false
	return cancelled
}

// wake queues a step resuming suspension gen, unless that suspension is over,
// a step is already queued, or the loop no longer runs.
func (c *Ctx) wake(gen uint64, cancelled bool) {
	if gen != c.gen || c.wakeQueued || c.state == coDone || loopState(c.loop.state.Load()) != loopRunning {
		return
	}
	c.wakeQueued = true
	c.wokeCancelled = cancelled
	c.loop.pushReady(item{co: c})
}

// deliverCancel tells the coroutine its task was cancelled: a suspended
// coroutine wakes with ErrCancelled, a running one (or one already woken)
// gets it at its next suspension.
func (c *Ctx) deliverCancel() {
	if c.cancel != nil {
		c.cancel(ErrCancelled)
	}
	switch c.state {
	case coSuspended:
		if c.wakeQueued {
			c.cancelPending = true
		} else {
			c.wake(c.gen, true)
		}
	case coRunning:
		c.cancelPending = true
	}
}

// step runs the coroutine until it next suspends or returns. Loop goroutine
// only.
func (c *Ctx) step() {
	switch c.state {
	case coNew:
		if c.task.settled { // cancelled before it started: never runs
			c.state = coDone
			c.finished.Store(true)
			return
		}
		c.next, c.stop = iter.Pull(c.run)
	case coSuspended:
		if !c.wakeQueued {
			return
		}
	default:
		return
	}
	c.wakeQueued = false
	c.state = coRunning
	l := c.loop
	l.current.Store(c)
	_, more := c.next()
	l.current.Store(nil)
	if !more {
		c.next, c.stop = nil, nil
	}
}

// run is the body of the coroutine's goroutine.
func (c *Ctx) run(yield func(struct{}) bool) {
	if c.loop.dbg != nil {
		c.goid.Store(goroutineID())
	}
	c.yield = yield
	returned := false
	defer func() {
		r := recover()
		switch {
		case r == nil && !returned:
			c.task.finishIfPending(&PanicError{Value: "runtime.Goexit called in a coroutine"})
		case r == nil:
		case r == (unwindSignal{}):
			c.task.finishIfPending(ErrClosed)
		default:
			c.task.finishIfPending(newPanicError(r))
		}
		c.exit()
	}()
	c.body.runCoroutine()
	returned = true
}

// exit records that the coroutine has returned and releases what it held.
func (c *Ctx) exit() {
	c.state = coDone
	c.finished.Store(true)
	c.yield = nil
	if c.cancel != nil {
		c.cancel(context.Canceled)
	}
	c.loop.unlink(c.task)
}

// unwind ends the coroutine of a stopping loop (see Ctx).
func (c *Ctx) unwind() {
	switch c.state {
	case coNew:
		c.state = coDone
		c.finished.Store(true)
	case coSuspended, coRunning:
		l := c.loop
		l.current.Store(c)
		c.stop()
		l.current.Store(nil)
		c.next, c.stop = nil, nil
	}
}
