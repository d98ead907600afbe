package a

import (
	"context"

	"futurelint.test/selfsubmit/sched"

	"github.com/futurelint/futurelint/futures"
)

// Every way the target is known to be the loop the code is running on.

// The loop of the coroutine's own *Ctx.
func viaMarker(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	futures.RunThreadsafe(c.Loop(), co)    // want `futures\.RunThreadsafe submits to the current loop: a nested future; use futures\.Spawn\(c\.Loop\(\), co\), or call co\(c\)`
	c.Loop().CallSoonThreadsafe(func() {}) // want `c\.Loop\(\)\.CallSoonThreadsafe submits to the current loop: a needless thread-safe hop; use c\.Loop\(\)\.CallSoon\(fn\)`
}

// The same loop through a local variable.
func viaLocal(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	l := c.Loop()
	futures.RunThreadsafe(l, co) // want `futures\.RunThreadsafe submits to the current loop: a nested future`
	l.CallSoonThreadsafe(tick)   // want `l\.CallSoonThreadsafe submits to the current loop: a needless thread-safe hop; use l\.CallSoon\(tick\)`
	loop := l
	loop.CallSoonThreadsafe(tick) // want `^loop\.CallSoonThreadsafe submits`
}

func tick() {}

func count(*futures.Ctx) (int, error) { return 1, nil }

// A closure scheduled on l sees the same l through its captured variable.
func captured(l *futures.Loop, co func(*futures.Ctx) (int, error)) {
	l.CallSoon(func() {
		// A callback has no *Ctx to await with: the advice is Spawn and Then.
		futures.RunThreadsafe(l, co) // want `futures\.RunThreadsafe submits to the current loop: a nested future; use futures\.Spawn\(l, co\)\.Then\(fn\)`
	})
	futures.Spawn(l, func(c *futures.Ctx) (int, error) {
		l.CallSoonThreadsafe(tick) // want `l\.CallSoonThreadsafe submits to the current loop: a needless thread-safe hop`
		return 0, nil
	})
	futures.Spawn(l, func(c *futures.Ctx) (int, error) {
		// Then runs its callback on the loop of the code calling it: l.
		futures.Spawn(c.Loop(), co).Then(func(int, error) {
			l.CallSoonThreadsafe(tick) // want `^l\.CallSoonThreadsafe submits`
		})
		return 0, nil
	})
}

type actor struct {
	loop, other *futures.Loop
	peers       map[string]*futures.Loop
}

// A method value scheduled on a.loop runs with a.loop as its loop.
func (a *actor) start() {
	a.loop.CallSoon(a.receive)
}

func (a *actor) receive() {
	a.loop.CallSoonThreadsafe(a.flush)  // want `a\.loop\.CallSoonThreadsafe submits to the current loop: a needless thread-safe hop`
	a.other.CallSoonThreadsafe(a.flush) // quiet: a.other is another loop; a cross-loop request is what CallSoonThreadsafe is for
}

func (a *actor) flush() {}

// A closure scheduled on a.loop: a.loop is current, a.other is not.
func (a *actor) closures(co func(*futures.Ctx) (int, error)) {
	a.loop.CallSoon(func() {
		a.loop.CallSoonThreadsafe(tick)       // want `a\.loop\.CallSoonThreadsafe submits to the current loop: a needless thread-safe hop`
		futures.RunThreadsafe(a.loop, co)     // want `futures\.RunThreadsafe submits to the current loop: a nested future`
		a.other.CallSoonThreadsafe(tick)      // quiet: another loop
		futures.RunThreadsafe(a.other, co)    // quiet: another loop
		a.peers["x"].CallSoonThreadsafe(tick) // quiet: a loop from a map may be any loop
	})
}

// Scheduled through a wrapper from another package (its fact says on which
// loop), and submitting through a wrapper (its fact says it is thread-safe).
func wrappers(l *futures.Loop, c *futures.Ctx, ctx context.Context) {
	sched.After(l, func() {
		l.CallSoonThreadsafe(tick) // want `l\.CallSoonThreadsafe submits to the current loop: a needless thread-safe hop`
	})
	sched.Post(c.Loop(), tick) // want `sched\.Post submits to the current loop: a needless thread-safe hop; use c\.Loop\(\)\.CallSoon\(tick\)`
	post(c.Loop(), tick)       // want `post submits to the current loop: a needless thread-safe hop`
	sched.Go(c.Loop(), count)  // want `sched\.Go submits to the current loop: a nested future; use futures\.Spawn\(c\.Loop\(\), count\), or call count\(c\)`
	// A wrapper that waits for the work it submits: a deadlock on the
	// current loop, at the one call.
	sched.Ask(c.Loop(), count) // want `sched\.Ask submits to the current loop, then waits for it: a deadlock; call count\(c\) or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), count\)\)`
	// A wrapper whose wait gives up when its context is done: a stall,
	// unless the context passed in can never be done while the loop blocks
	// (the coroutine's own Context()).
	sched.AskContext(ctx, c.Loop(), count)         // want `sched\.AskContext submits to the current loop, then blocks it waiting until its context is done; call count\(c\) or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), count\)\)`
	sched.AskContext(c.Context(), c.Loop(), count) // want `sched\.AskContext submits to the current loop, then waits for it: a deadlock`
	sched.AskTimeout(c.Loop(), count, 0)           // want `sched\.AskTimeout submits to the current loop, then blocks it waiting until the wrapper gives up; call count\(c\) or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), count\)\)`
	// A wrapper that waits on some paths only: a wait on the loop's own
	// work where it does, not a proven deadlock.
	sched.AskLater(c.Loop(), count, true) // want `sched\.AskLater submits to the current loop and may block it waiting forever; call count\(c\) or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), count\)\)`
}

func post(l *futures.Loop, fn func()) { _ = l.CallSoonThreadsafe(fn) }

// Closures run in place and deferred calls run on the loop too.
func inPlace(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	func() {
		futures.RunThreadsafe(c.Loop(), co) // want `futures\.RunThreadsafe submits to the current loop: a nested future`
	}()
	defer c.Loop().CallSoonThreadsafe(tick) // want `c\.Loop\(\)\.CallSoonThreadsafe submits to the current loop: a needless thread-safe hop`
}
