// Package unwrapped defines an Analyzer that reports executor futures used
// by event-loop code without being wrapped onto the loop.
//
// # Analyzer unwrapped
//
// unwrapped: executor future used on the event loop without Wrap
//
// The analyzer reports two ways an executor *futures.Future reaches loop
// code other than through futures.Wrap or futures.RunInExecutor.
//
// Loop code is defined once for every rule: see
// https://github.com/futurelint/futurelint/blob/main/docs/rules.md#loop-code.
//
// A completion callback registered from loop code with f.OnDone(cb) whose
// callback writes state that loop code owns (a variable captured from the
// loop code, or a field or element reached through one, or through the
// receiver of a method value bound in loop code) or calls API that may only
// be called on the loop (CallSoon, CallLater, Spawn, Then, Await, Sleep,
// Gather, a task's Done or Cancel), directly or in functions of the package
// it calls (two calls deep, with loop-owned arguments followed into their
// parameters). Callbacks that hand the result back safely are not reported:
// through loop.CallSoonThreadsafe, a channel send or close, sync/atomic, a
// promise, or a mutex: writes in a callback that takes a lock, sends on or
// closes a channel, calls wg.Done(), cond.Signal() or cond.Broadcast(), or
// stores to an atomic are taken to be synchronised with their reader.
// Writes to the callback's own locals, to package-level variables and
// through the future's value are not reported, nor are callbacks
// registered by code that does not run on a
// loop (a goroutine, an executor job, main), on a future already settled
// (OnDone then runs the callback at once, on the loop), on the future of
// a thread-safe submit back to the same loop, which that loop settles (the
// selfsubmit rule reports the submit), or on the future of a promise made
// here that only code on the same loop resolves or rejects.
//
// Nested futures: a coroutine or executor job handed to Spawn,
// RunThreadsafe, Run, Submit or RunInExecutor (directly or through a
// wrapper), whose results are (T, error) with T itself a *futures.Future or
// *futures.Task. A function of the package is reported once, at its
// declaration; a closure, or a function of another package, at the call it
// is handed to. A function with a *futures.Ctx parameter that is only called
// directly is not reported: it is a helper handing its caller a plain future
// or task (t, err := start(c, url)), and nothing is nested. Nor is a
// coroutine run by futures.Run that returns an executor future: Run hands
// that future itself to its caller, on the caller's goroutine, after the
// loop stopped (a task returned so is reported: its loop has stopped). A
// promise whose value is a future is not reported: handing a future over
// on purpose is a design, not a slip. Wrapping such a future onto the loop
// is: futures.Wrap(l, f) with f a *Future[*Future[T]] (a parameter, a
// promise's future, another package's result) makes a task whose value is
// a future still off the loop. A wrap of a future this package makes by
// running a nested job (Wrap(l, Submit(e, job))) is not reported again:
// the job is.
//
// Blocking on an executor future in loop code (f.Result()) is reported by
// loopblock, not here.
//
// # Why it goes wrong
//
// An executor future settles on a worker goroutine, and OnDone runs its
// callback right there: not on the event loop. A callback that updates the
// loop's state, or schedules on the loop with a loop-only call, does so
// concurrently with whatever the loop is running: a data race, and loop-only
// API called from the wrong goroutine panics or corrupts the loop's queue.
//
// A coroutine or job that returns a future hands its caller a future of a
// future: the caller must wait twice, and the inner future leaves the loop
// unwrapped, so whoever gets it is tempted to block on it or to use its
// OnDone from loop code. It is Python's future.result().result().
//
// # Before
//
//	func (s *server) refresh(c *futures.Ctx) {
//		f := futures.Submit(s.exec, s.load)
//		f.OnDone(func(n int, err error) {
//			s.count = n // runs on a worker goroutine: races with the loop
//		})
//	}
//
//	func start(c *futures.Ctx) (*futures.Future[int], error) {
//		return futures.Submit(exec, load), nil // a future of a future
//	}
//
// # After
//
//	func (s *server) refresh(c *futures.Ctx) {
//		f := futures.Submit(s.exec, s.load)
//		futures.Wrap(c.Loop(), f).Then(func(n int, err error) {
//			s.count = n // runs on the loop
//		})
//	}
//
//	func start(c *futures.Ctx) (int, error) {
//		return futures.Await(c, futures.Wrap(c.Loop(), futures.Submit(exec, load)))
//	}
//
// # Fix
//
// Take completion on the loop: futures.Wrap(l, f).Then(cb) runs cb on loop l
// once f settles, with the same callback. From a callback that must stay on
// the worker, hand the work back with l.CallSoonThreadsafe(fn). A suggested
// fix rewrites f.OnDone(cb) to futures.Wrap(l, f).Then(cb) when the current
// loop has a name at the call: c.Loop() in a coroutine, or the variable or
// field the callback was scheduled on.
//
// In a coroutine, await the inner work and return its value instead of the
// future: v, err := futures.Await(c, futures.Wrap(c.Loop(), f)); return v,
// err. In an executor job, which may block, return f.Result() or submit the
// inner work directly.
//
// # Severity
//
// Warning: the race or the nesting is certain, but whether it corrupts
// anything depends on timing and on what the caller does with the result.
package unwrapped
