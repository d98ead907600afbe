// Package selfsubmit defines an Analyzer that reports thread-safe submits
// from event-loop code back to the loop it is running on.
//
// # Analyzer selfsubmit
//
// selfsubmit: thread-safe submit back to the current loop
//
// The analyzer reports, in loop code running on loop L,
// futures.RunThreadsafe(L, co) and L.CallSoonThreadsafe(fn), also through
// wrappers that hand their function on to them. The target is known to be
// the current loop when it is c.Loop() of the coroutine's *futures.Ctx
// (directly or through a local), or, in a callback or coroutine scheduled
// on X, that same X: a variable the closure captured, or the same field
// path (scheduled on s.loop, submitting to s.loop).
//
// Loop code is defined once for every rule: see
// https://github.com/futurelint/futurelint/blob/main/docs/rules.md#loop-code.
//
// When the same loop code then waits for the submitted work (Result,
// ResultContext, <-f.Done(), or a channel or promise that only the
// submitted callback settles), the finding includes the wait and, when the
// code cannot have let the work run first, is a deadlock (a ResultContext
// whose context may be done meanwhile only stalls). So is a call of a
// wrapper that submits to its loop argument and then itself waits for the
// work (return futures.RunThreadsafe(l, co).Result()), called with the
// current loop: the submit and the wait are that one call (a stall when the
// wrapper's wait gives up on a context that may be done, or is on some of
// its paths only). Each submit is
// reported once, at the submit (where a suppression directive goes), and
// loopblock does not report the wait again.
//
// Not reported: submits to another loop (another field, another parameter,
// a loop taken from a map), which are legitimate cross-loop requests; code
// on other goroutines (go statements, executor jobs, OnDone callbacks) and
// code that is not loop code (the main goroutine), which is what
// RunThreadsafe and CallSoonThreadsafe are for; functions whose loop is not
// certain: scheduled on several loops, also called directly or run on
// another goroutine, exported (other packages may schedule them anywhere),
// or reading a captured variable that is assigned again.
//
// # Why it goes wrong
//
// RunThreadsafe and CallSoonThreadsafe exist to hand work to a loop from
// another goroutine. Called from code already running on that loop, the
// work does not run now: it is queued and runs later, after this code
// returns. A RunThreadsafe coroutine becomes a separate task whose result
// comes back as a *futures.Future, which loop code can only block on, and a
// coroutine that returns it hands its caller a future of a future
// (f.Result() then .Result() again). Waiting for the work in the same loop
// code is a guaranteed deadlock: the work needs the loop, and the loop is
// busy waiting.
//
// # Before
//
//	func half(c *futures.Ctx, x float64) (float64, error) {
//		f := futures.RunThreadsafe(c.Loop(), double(x/2))
//		return f.Result() // deadlock: double can only run once half returns
//	}
//
// # After
//
//	func half(c *futures.Ctx, x float64) (float64, error) {
//		return double(x / 2)(c)
//	}
//
// # Fix
//
// In a coroutine, call the coroutine directly with the current *Ctx, or
// spawn it on the current loop and await it:
// futures.Await(c, futures.Spawn(c.Loop(), co)). In a callback, spawn it
// with futures.Spawn(loop, co) and continue in .Then. Schedule callbacks
// with loop.CallSoon(fn). Suggested fixes rewrite
// RunThreadsafe(l, co).Result() in a coroutine to
// futures.Await(c, futures.Spawn(l, co)), a RunThreadsafe statement to
// futures.Spawn(l, co), and a CallSoonThreadsafe statement to CallSoon.
//
// # Severity
//
// Warning: a needless nested future or a needless hop through the loop's
// thread-safe queue. Error when the code then waits for the submitted work
// without suspending anywhere, so the work can never run: a deadlock.
package selfsubmit
