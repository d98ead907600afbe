package futures

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Loop is a single-goroutine event loop. The goroutine that calls Run becomes
// the loop goroutine: it runs callbacks (CallSoon, CallLater, Task.Then) and
// coroutines (Spawn) one at a time, each to its next suspension point, so loop
// code never runs concurrently with other code of the same loop and needs no
// locks for loop-owned state.
//
// Only CallSoonThreadsafe, RunThreadsafe, Stop, Stopped and SetPanicHandler
// may be called from other goroutines. Everything else (CallSoon, CallLater,
// Spawn, Wrap, RunInExecutor, and the methods of Task and Timer) is for loop
// code, or for the goroutine that sets the loop up before Run starts it.
//
// A Loop runs once: after Run returns it is stopped for good.
type Loop struct {
	state    atomic.Int32 // a loopState
	busy     atomic.Bool  // the loop goroutine is running code, not waiting for work
	stopping atomic.Bool  // Stop was called; checked between callbacks
	pending  atomic.Bool  // incoming may be non-empty
	current  atomic.Pointer[Ctx]

	mu       sync.Mutex
	closed   bool   // CallSoonThreadsafe refuses work
	incoming []item // posted by CallSoonThreadsafe, not yet taken by the loop
	wake     chan struct{}
	stopped  chan struct{} // closed when Run has finished stopping

	panicHandler atomic.Pointer[func(*PanicError)]

	dbg *loopDebug // nil unless the loop runs in debug mode; set before Run

	// Owned by the loop goroutine (or by the goroutine setting the loop up
	// before Run).
	ready      []item
	head       int // ready[head:] are waiting to run
	timers     timerHeap
	timerSeq   uint64
	live       taskCore // sentinel of the list of tasks not yet finished
	base       context.Context
	cancelBase context.CancelCauseFunc
}

type loopState int32

const (
	loopNew loopState = iota
	loopRunning
	loopStopping // Run is settling what is left
	loopStopped
)

// item is one unit of loop work: a callback, a due timer or a coroutine step.
type item struct {
	fn    func()
	abort func() // for posted items: settle whatever fn would have; safe from any goroutine
	timer *Timer
	co    *Ctx
}

// NewLoop returns a loop that is not yet running. Callbacks and tasks can be
// scheduled on it before Run, from the goroutine that will run it (or one
// that hands it over with proper synchronization).
func NewLoop() *Loop {
	l := &Loop{wake: make(chan struct{}, 1), stopped: make(chan struct{})}
	l.live.prev, l.live.next = &l.live, &l.live
	if o := debugDefault.Load(); o != nil {
		l.dbg = newLoopDebug(*o)
	}
	return l
}

// Run makes the calling goroutine the loop goroutine and runs callbacks,
// timers and coroutines until Stop is called or ctx is done. It returns nil
// after Stop and ctx.Err() when ctx ended it. Stop takes effect when the
// callback or coroutine step running at the time returns.
//
// Before returning, Run settles everything left: every task still pending
// settles with ErrClosed (their Then callbacks do not run), every suspended
// coroutine is unwound (see Ctx), callbacks and timers not yet run are
// dropped, and thread-safe submissions not yet run settle their futures with
// ErrClosed. Every coroutine's Context is cancelled with cause ErrClosed.
//
// Run panics if the loop is already running or has run before.
func (l *Loop) Run(ctx context.Context) error {
	if l == nil {
		misuse("Run on a nil Loop")
	}
	if ctx == nil {
		misuse("Loop.Run with a nil context")
	}
	if !l.state.CompareAndSwap(int32(loopNew), int32(loopRunning)) {
		misuse("Run on a loop that is running or has already run; a Loop runs once")
	}
	runningLoops.Add(1)
	l.base, l.cancelBase = context.WithCancelCause(ctx)
	l.busy.Store(true)
	if l.dbg != nil {
		l.dbg.started(l)
	}
	served := false
	defer func() {
		// A coroutine that called runtime.Goexit ends the loop goroutine
		// from inside serve; still settle everything.
		if !served {
			l.shutdown()
		}
	}()
	err := l.serve(ctx)
	served = true
	l.shutdown()
	return err
}

func (l *Loop) serve(ctx context.Context) error {
	done := ctx.Done()
	var wait *time.Timer
	defer func() {
		if wait != nil {
			wait.Stop()
		}
	}()
	for {
		if l.stopping.Load() {
			return nil
		}
		if done != nil {
			select {
			case <-done:
				return ctx.Err()
			default:
			}
		}
		if l.pending.Load() {
			l.mu.Lock()
			for _, it := range l.incoming {
				l.pushReady(it)
			}
			clear(l.incoming)
			l.incoming = l.incoming[:0]
			l.pending.Store(false)
			l.mu.Unlock()
		}
		if len(l.timers) > 0 {
			l.runTimers(time.Now())
		}
		// Run what is ready now; work scheduled meanwhile waits for the
		// next round, after timers and thread-safe submissions.
		for n := len(l.ready) - l.head; n > 0; n-- {
			if l.dbg != nil {
				l.dbg.runItem(l, l.popReady())
			} else {
				l.runItem(l.popReady())
			}
			if l.stopping.Load() {
				return nil
			}
		}
		if len(l.ready) > l.head || l.pending.Load() {
			continue
		}
		var timeout <-chan time.Time
		if len(l.timers) > 0 {
			next := l.timers[0].when.Sub(time.Now())
			if next <= 0 {
				continue
			}
			if wait == nil {
				wait = time.NewTimer(next)
			} else {
				wait.Reset(next)
			}
			timeout = wait.C
		}
		l.busy.Store(false)
		select {
		case <-l.wake:
		case <-timeout:
		case <-done:
		}
		l.busy.Store(true)
	}
}

// shutdown settles everything still pending; it runs on the loop goroutine
// once the serving loop has ended.
func (l *Loop) shutdown() {
	l.state.Store(int32(loopStopping))
	l.stopping.Store(true)
	l.mu.Lock()
	l.closed = true
	posted := l.incoming
	l.incoming = nil
	l.pending.Store(false)
	l.mu.Unlock()
	l.cancelBase(ErrClosed)
	for _, it := range posted {
		if it.abort != nil {
			it.abort()
		}
	}
	for l.head < len(l.ready) {
		if it := l.popReady(); it.abort != nil {
			it.abort()
		}
	}
	for _, t := range l.timers {
		t.state = timerDone
	}
	l.timers = nil
	for l.live.next != &l.live {
		tc := l.live.next
		l.unlink(tc)
		if !tc.settled {
			tc.finish(ErrClosed)
		}
		if c := tc.co; c != nil {
			c.unwind()
		}
	}
	l.ready, l.head = nil, 0
	l.state.Store(int32(loopStopped))
	l.busy.Store(false)
	if l.dbg != nil {
		l.dbg.stopped()
	}
	runningLoops.Add(-1)
	close(l.stopped)
}

// Stop asks the loop to stop: Run returns once the callback or coroutine step
// running now returns, after settling what is left (see Run). From the moment
// Stop is called, CallSoonThreadsafe returns ErrClosed, and submissions posted
// but not yet run settle with ErrClosed. Stop may be called from any
// goroutine, any number of times, before or during Run; it does not wait for
// Run to return (see Stopped).
func (l *Loop) Stop() {
	if l == nil {
		misuse("Stop on a nil Loop")
	}
	l.mu.Lock()
	l.closed = true
	posted := l.incoming
	l.incoming = nil
	l.pending.Store(false)
	l.stopping.Store(true)
	l.mu.Unlock()
	for _, it := range posted {
		if it.abort != nil {
			it.abort()
		}
	}
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// Stopped returns a channel that is closed once Run has stopped the loop and
// settled everything that was pending on it.
func (l *Loop) Stopped() <-chan struct{} { return l.stopped }

// SetPanicHandler sets the function that receives panics recovered from
// callbacks that have no future or task to carry them: CallSoon,
// CallSoonThreadsafe and CallLater callbacks and Task.Then callbacks. It runs
// on the loop goroutine. With no handler (the default, or h == nil) such
// panics are logged with the standard log package. Either way the loop keeps
// running. SetPanicHandler may be called from any goroutine.
func (l *Loop) SetPanicHandler(h func(*PanicError)) {
	if h == nil {
		l.panicHandler.Store(nil)
		return
	}
	l.panicHandler.Store(&h)
}

// CallSoon schedules fn to run on the loop after the work already ready.
// It is for loop code (and for setting a loop up before Run).
//
// CallSoon panics if the loop has stopped, or if the loop is running but idle
// (waiting for work), which means the call cannot come from loop code. A call
// from another goroutine while the loop is busy cannot be detected cheaply and
// is a data race; from other goroutines use CallSoonThreadsafe.
func (l *Loop) CallSoon(fn func()) {
	l.checkLoopCode("CallSoon")
	if fn == nil {
		misuse("CallSoon with a nil function")
	}
	l.pushReady(item{fn: fn})
}

// CallSoonThreadsafe schedules fn to run on the loop and wakes the loop. It
// may be called from any goroutine. It returns ErrClosed, and fn never runs,
// once Stop has been called or Run has returned. A callback accepted before
// that runs exactly once unless the loop stops first, in which case it is
// dropped; use RunThreadsafe when the caller needs to learn the outcome.
//
// From code already running on this loop, CallSoon does the same without the
// lock and wakeup.
func (l *Loop) CallSoonThreadsafe(fn func()) error {
	if l == nil {
		misuse("CallSoonThreadsafe on a nil Loop")
	}
	if fn == nil {
		misuse("CallSoonThreadsafe with a nil function")
	}
	return l.post(item{fn: fn})
}

// post queues it for the loop goroutine, or returns ErrClosed.
func (l *Loop) post(it item) error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return ErrClosed
	}
	l.incoming = append(l.incoming, it)
	first := len(l.incoming) == 1
	l.pending.Store(true)
	l.mu.Unlock()
	if first {
		select {
		case l.wake <- struct{}{}:
		default:
		}
	}
	return nil
}

// checkLoopCode panics unless the caller may use loop-only API: the loop has
// not started yet, or it is running code (see CallSoon for what this can and
// cannot catch).
func (l *Loop) checkLoopCode(what string) {
	if l == nil {
		misuse("%s on a nil Loop", what)
	}
	switch loopState(l.state.Load()) {
	case loopNew:
	case loopRunning:
		if l.dbg != nil {
			l.dbg.checkOnLoop(l, what)
		}
		if !l.busy.Load() {
			misuse("%s called from outside the loop's code (the loop is idle); from another goroutine use CallSoonThreadsafe or RunThreadsafe", what)
		}
	default:
		misuse("%s on a stopped loop", what)
	}
}

// checkNotIdle panics if the loop is running but idle: loop-only API that
// stays meaningful on a stopped loop (Task.Cancel, Timer.Stop) uses it.
func (l *Loop) checkNotIdle(what string) {
	if loopState(l.state.Load()) == loopRunning {
		if l.dbg != nil {
			l.dbg.checkOnLoop(l, what)
		}
		if !l.busy.Load() {
			misuse("%s called from outside the loop's code (the loop is idle)", what)
		}
	}
}

func (l *Loop) pushReady(it item) {
	if l.head > 0 && len(l.ready) == cap(l.ready) && l.head >= len(l.ready)/2 {
		n := copy(l.ready, l.ready[l.head:])
		clear(l.ready[n:])
		l.ready, l.head = l.ready[:n], 0
	}
	l.ready = append(l.ready, it)
}

func (l *Loop) popReady() item {
	it := l.ready[l.head]
	l.ready[l.head] = item{}
	l.head++
	if l.head == len(l.ready) {
		l.ready, l.head = l.ready[:0], 0
	}
	return it
}

func (l *Loop) runItem(it item) {
	switch {
	case it.co != nil:
		it.co.step()
	case it.timer != nil:
		if it.timer.state == timerDue {
			it.timer.state = timerDone
			l.callback(it.timer.fn)
		}
	default:
		l.callback(it.fn)
	}
}

// callback runs fn, which has no future to carry a panic, and hands a panic to
// the panic handler.
func (l *Loop) callback(fn func()) {
	defer func() {
		if r := recover(); r != nil {
			l.reportPanic(newPanicError(r))
		}
	}()
	fn()
}

// reportPanic hands pe to the panic handler, or logs it. A panicking handler
// is logged too: it must not take the loop down.
func (l *Loop) reportPanic(pe *PanicError) {
	h := l.panicHandler.Load()
	if h == nil {
		logPanic("loop callback", pe)
		return
	}
	defer func() {
		if r := recover(); r != nil {
			logPanic("loop panic handler", newPanicError(r))
		}
	}()
	(*h)(pe)
}

// link adds tc to the tasks the loop must settle if it stops.
func (l *Loop) link(tc *taskCore) {
	tc.prev, tc.next = l.live.prev, &l.live
	l.live.prev.next = tc
	l.live.prev = tc
}

func (l *Loop) unlink(tc *taskCore) {
	if tc.next == nil {
		return
	}
	tc.prev.next, tc.next.prev = tc.next, tc.prev
	tc.prev, tc.next = nil, nil
}
