package a

import (
	"context"

	"github.com/futurelint/futurelint/futures"
)

// Provable deadlocks are errors and say so.

// Running the loop the code is already running on.
func nestedRun(c *futures.Ctx) {
	l := c.Loop()
	l.Run(context.Background()) // want `\(\*futures\.Loop\)\.Run deadlocks the event loop: it runs the loop that is running this code; futures panics on a second Run: hand l work with l\.CallSoon\(fn\) or futures\.Spawn\(l, co\)`
}

// Waiting for a promise that only a callback scheduled on this loop, by
// this code, resolves: the callback cannot run while the loop is blocked.
func promiseOnSameLoop(c *futures.Ctx) {
	p := futures.NewPromise[int]()
	c.Loop().CallSoon(func() {
		p.Resolve(1)
	})
	p.Future().Result() // want `\(\*futures\.Future\)\.Result deadlocks the event loop: only callbacks run after this code returns settle it; use futures\.Await\(c, futures\.Wrap\(c\.Loop\(\), f\)\)`
}

// The same with a channel, in a callback.
func channelOnSameLoop(l *futures.Loop) {
	l.CallSoon(func() {
		done := make(chan struct{})
		l.CallLater(0, func() {
			close(done)
		})
		<-done // want `a channel receive deadlocks the event loop: only callbacks run after this code returns send on or close it; continue in the callback that sends or closes`
	})
}

// Then callbacks run on the caller's loop.
func thenOnSameLoop(c *futures.Ctx, t *futures.Task[int]) {
	ch := make(chan int, 1)
	t.Then(func(v int, err error) {
		ch <- v
	})
	<-ch // want `a channel receive deadlocks the event loop: only callbacks run after this code returns send on or close it; have them resolve p instead: futures\.Await\(c, futures\.Wrap\(c\.Loop\(\), p\.Future\(\)\)\)`
}

// A callback waiting for a value that only a callback queued after it
// provides: the loop runs them in order, so the provider never runs.
func queuedBehind(c *futures.Ctx) {
	l := c.Loop()
	values := make(chan int, 1)
	l.CallSoon(func() {
		<-values // want `a channel receive deadlocks the event loop: only callbacks queued behind this one send on or close it`
	})
	l.CallSoon(func() { values <- 21 })
}

// Only stalls, not provable deadlocks: warnings.

// The provider is queued first: it runs before the receive.
func queuedAhead(c *futures.Ctx) {
	l := c.Loop()
	values := make(chan int, 1)
	l.CallSoon(func() { values <- 21 })
	l.CallSoon(func() {
		<-values // want `^a channel receive blocks the event loop goroutine`
	})
}

// A timer callback is not queued in order with CallSoon.
func timerProvider(c *futures.Ctx) {
	l := c.Loop()
	values := make(chan int, 1)
	l.CallSoon(func() {
		<-values // want `^a channel receive blocks the event loop goroutine`
	})
	l.CallLater(0, func() { values <- 21 })
}

// The coroutine suspends before waiting, so the callback may have run.
func suspendsFirst(c *futures.Ctx) {
	p := futures.NewPromise[int]()
	c.Loop().CallSoon(func() { p.Resolve(1) })
	futures.Sleep(c, 0)
	p.Future().Result() // want `^\(\*futures\.Future\)\.Result blocks the event loop goroutine`
}

// Another goroutine may resolve the promise.
func escapes(c *futures.Ctx) {
	p := futures.NewPromise[int]()
	c.Loop().CallSoon(func() { p.Resolve(1) })
	go func() { p.Resolve(2) }()
	p.Future().Result() // want `^\(\*futures\.Future\)\.Result blocks the event loop goroutine`
}

// Scheduled on another loop, which keeps running.
func otherLoop(c *futures.Ctx, other *futures.Loop) {
	p := futures.NewPromise[int]()
	other.CallSoonThreadsafe(func() { p.Resolve(1) })
	p.Future().Result() // want `^\(\*futures\.Future\)\.Result blocks the event loop goroutine`
}

// The code itself sends first: the buffered value is there.
func sendsFirst(c *futures.Ctx) {
	ch := make(chan int, 1)
	ch <- 1
	<-ch // want `^a channel receive blocks the event loop goroutine`
}

// A nested Run of a loop the code is not known to run on.
func nestedOther(c *futures.Ctx, other *futures.Loop) {
	other.Run(context.Background()) // want `^\(\*futures\.Loop\)\.Run runs a nested loop`
}

// A wait that gives up once its context is done is a stall, not a deadlock.
func promiseWithContext(c *futures.Ctx, ctx context.Context) {
	p := futures.NewPromise[int]()
	c.Loop().CallSoon(func() {
		p.Resolve(1)
	})
	p.Future().ResultContext(ctx)                  // want `^\(\*futures\.Future\)\.ResultContext blocks the event loop goroutine`
	p.Future().ResultContext(context.Background()) // want `^\(\*futures\.Future\)\.ResultContext deadlocks the event loop`
	p.Future().ResultContext(c.Context())          // want `^\(\*futures\.Future\)\.ResultContext deadlocks the event loop`
}
