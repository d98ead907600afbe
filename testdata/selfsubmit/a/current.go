package a

import (
	"context"

	"futurelint.test/selfsubmit/sched"

	"github.com/futurelint/futurelint/futures"
)

// Every way the target is known to be the loop the code is running on.

// The loop of the coroutine's own *Ctx.
func viaMarker(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	futures.RunThreadsafe(c.Loop(), co)    // want `^futures\.RunThreadsafe submits the coroutine co to c\.Loop\(\), the loop this code is already running on: the coroutine does not run now but later, as a separate task, and its result comes back as a \*futures\.Future that loop code can only block on, a needless nested future; call or await the coroutine directly: co\(c\), or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), co\)\)$`
	c.Loop().CallSoonThreadsafe(func() {}) // want `^c\.Loop\(\)\.CallSoonThreadsafe submits the callback to the loop this code is already running on: the callback takes a needless hop through the loop's thread-safe queue \(a lock and a wakeup\) and runs later on this same loop; schedule it with c\.Loop\(\)\.CallSoon\(fn\)$`
}

// The same loop through a local variable.
func viaLocal(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	l := c.Loop()
	futures.RunThreadsafe(l, co) // want `^futures\.RunThreadsafe submits the coroutine co to l, the loop`
	l.CallSoonThreadsafe(tick)   // want `^l\.CallSoonThreadsafe submits the callback tick to the loop this code is already running on.*; schedule it with l\.CallSoon\(tick\)$`
	loop := l
	loop.CallSoonThreadsafe(tick) // want `^loop\.CallSoonThreadsafe submits`
}

func tick() {}

func count(*futures.Ctx) (int, error) { return 1, nil }

// A closure scheduled on l sees the same l through its captured variable.
func captured(l *futures.Loop, co func(*futures.Ctx) (int, error)) {
	l.CallSoon(func() {
		// A callback has no *Ctx to await with: the advice is Spawn and Then.
		futures.RunThreadsafe(l, co) // want `^futures\.RunThreadsafe submits the coroutine co to l, .*; spawn it on this loop with futures\.Spawn\(l, co\) and take its result with \.Then\(func\(v T, err error\) \{ \.\.\. \}\)$`
	})
	futures.Spawn(l, func(c *futures.Ctx) (int, error) {
		l.CallSoonThreadsafe(tick) // want `^l\.CallSoonThreadsafe submits the callback tick to the loop this code`
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
	a.loop.CallSoonThreadsafe(a.flush)  // want `^a\.loop\.CallSoonThreadsafe submits the callback a\.flush to the loop this code is already running on`
	a.other.CallSoonThreadsafe(a.flush) // quiet: a.other is another loop; a cross-loop request is what CallSoonThreadsafe is for
}

func (a *actor) flush() {}

// A closure scheduled on a.loop: a.loop is current, a.other is not.
func (a *actor) closures(co func(*futures.Ctx) (int, error)) {
	a.loop.CallSoon(func() {
		a.loop.CallSoonThreadsafe(tick)       // want `^a\.loop\.CallSoonThreadsafe submits the callback tick to the loop this code`
		futures.RunThreadsafe(a.loop, co)     // want `^futures\.RunThreadsafe submits the coroutine co to a\.loop`
		a.other.CallSoonThreadsafe(tick)      // quiet: another loop
		futures.RunThreadsafe(a.other, co)    // quiet: another loop
		a.peers["x"].CallSoonThreadsafe(tick) // quiet: a loop from a map may be any loop
	})
}

// Scheduled through a wrapper from another package (its fact says on which
// loop), and submitting through a wrapper (its fact says it is thread-safe).
func wrappers(l *futures.Loop, c *futures.Ctx, ctx context.Context) {
	sched.After(l, func() {
		l.CallSoonThreadsafe(tick) // want `^l\.CallSoonThreadsafe submits the callback tick to the loop this code`
	})
	sched.Post(c.Loop(), tick) // want `^sched\.Post submits the callback tick to c\.Loop\(\), the loop this code is already running on: .*; schedule it with c\.Loop\(\)\.CallSoon\(tick\)$`
	post(c.Loop(), tick)       // want `^post submits the callback tick to c\.Loop\(\)`
	sched.Go(c.Loop(), count)  // want `^sched\.Go submits the coroutine count to c\.Loop\(\), the loop this code is already running on: the coroutine does not run now but later, as a separate task, and its result comes back as a \*futures\.Future that loop code can only block on, a needless nested future; call or await the coroutine directly: count\(c\), or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), count\)\)$`
	// A wrapper that waits for the work it submits: a deadlock on the
	// current loop, at the one call.
	sched.Ask(c.Loop(), count) // want `^sched\.Ask submits the coroutine count to c\.Loop\(\), the loop this code is already running on, and sched\.Ask itself waits for it: a deadlock, since the work can run only on this loop, which this wait keeps from running; await the coroutine instead: futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), count\)\), or call it directly: count\(c\)$`
	// A wrapper whose wait gives up when its context is done: a stall,
	// unless the context passed in can never be done while the loop blocks
	// (the coroutine's own Context()).
	sched.AskContext(ctx, c.Loop(), count)         // want `^sched\.AskContext submits the coroutine count to c\.Loop\(\), the loop this code is already running on, and sched\.AskContext itself blocks the loop waiting for it: the wait ends only when its context is done, without the result; await the coroutine instead`
	sched.AskContext(c.Context(), c.Loop(), count) // want `^sched\.AskContext submits the coroutine count to c\.Loop\(\), the loop this code is already running on, and sched\.AskContext itself waits for it: a deadlock`
	sched.AskTimeout(c.Loop(), count, 0)           // want `^sched\.AskTimeout submits the coroutine count to c\.Loop\(\), the loop this code is already running on, and sched\.AskTimeout itself blocks the loop waiting for it: the wait ends only when the wrapper gives up, without the result; await the coroutine instead`
	// A wrapper that waits on some paths only: a wait on the loop's own
	// work where it does, not a proven deadlock.
	sched.AskLater(c.Loop(), count, true) // want `^sched\.AskLater submits the coroutine count to c\.Loop\(\), the loop this code is already running on, and sched\.AskLater itself may block the loop waiting for it: where it does, the wait never ends; await the coroutine instead`
}

func post(l *futures.Loop, fn func()) { _ = l.CallSoonThreadsafe(fn) }

// Closures run in place and deferred calls run on the loop too.
func inPlace(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	func() {
		futures.RunThreadsafe(c.Loop(), co) // want `^futures\.RunThreadsafe submits the coroutine co to c\.Loop\(\)`
	}()
	defer c.Loop().CallSoonThreadsafe(tick) // want `^c\.Loop\(\)\.CallSoonThreadsafe submits the callback tick`
}
