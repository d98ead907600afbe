// Package offloop defines an Analyzer that reports loop-only API, and
// writes of state that loop code owns, in code that runs off the loop.
//
// # Analyzer offloop
//
// offloop: loop-only API or loop-owned state used off the loop
//
// Loop code is defined once for every rule: see
// https://github.com/futurelint/futurelint/blob/main/docs/rules.md#loop-code.
//
// The analyzer reports code that certainly runs on a goroutine other than
// the loop's, doing what only code on the loop may do.
//
// Code off the loop is: the body of a go statement, an executor job (a
// function passed to futures.Submit or futures.RunInExecutor, or to a
// preset's pool, like gnet's goroutine pool), a function time.AfterFunc
// runs on a goroutine of its own, or a helper that runs its parameter with a
// go statement (func async(f func()) { go f() }, in any package), a
// callback stored in a library's exported field that the library calls
// only on goroutines of its own (a Watcher's OnChange), the OnDone
// callback of an executor future (from futures.Submit) registered by code
// that is not loop code, closures called in place in them, and functions
// of the package called only from such code. A function that also runs
// elsewhere (also loop code, also called directly, exported from a
// library) is not certainly off the loop and is left alone.
//
// What it must not do there: call loop-only API ((*futures.Loop).CallSoon
// and CallLater, futures.Spawn, Wrap and RunInExecutor, (*futures.Task).Then,
// Done and Cancel, futures.Await, Sleep and Gather, (*futures.Timer).Stop,
// and every loop-only row of the roles table, such as gnet's Conn.Write or
// a Fyne widget's SetText); use a value bound to a loop: call a method of
// the *goja.Runtime a goja_nodejs loop callback is given, or of a value it
// makes (a goja.Value, *goja.Object, *goja.Promise, a native function's
// goja.FunctionCall), or call a function it makes (a promise's resolve or
// reject, a goja.Callable), wherever the goroutine starts; or write state
// that loop code owns: a field, reached through a variable captured from the loop
// code that started the goroutine or job (or the receiver of a method
// value bound there), that loop code of the package also uses (itself, or
// in the functions of the package it calls: a View that reads m.status
// through a render helper), an element of a map or slice held in such a
// field (m.status[repo] = s: a concurrent map write crashes the program),
// or a captured variable that loop code reads. A map written only by loop
// code, one written under a lock, and a map the goroutine makes itself are
// not reported.
//
// Not reported: code that drives a loop (a goroutine that calls the loop's
// Run makes its loop-only setup calls before Run on what becomes the loop
// goroutine), loop-only calls on a loop the off-loop code made itself,
// writes in code that also takes a lock, sends on or closes a channel,
// stores an atomic or submits thread-safely to a loop
// (precision first: such a write is taken to be published to the loop),
// writes of an executor job to a variable it captured that holds a value
// rather than a pointer (the job's future hands them to whoever takes its
// result),
// and OnDone callbacks registered from loop code, which the unwrapped rule
// reports. A loop-only call reported here is not also reported by dropped.
//
// # Why it goes wrong
//
// An event loop's state and queue belong to the loop goroutine: loop code
// touches them without locks because only one piece of loop code runs at a
// time. Code on another goroutine that calls loop-only API or writes that
// state does so while the loop is running something else: a data race.
// The runtime panics when it can tell (a loop-only call while the loop is
// idle) and corrupts state silently when it cannot.
//
// # Before
//
//	func (m *model) refresh(c *futures.Ctx) {
//		go func() {
//			items := fetch()
//			m.items = items // races with the loop
//			c.Loop().CallSoon(m.redraw) // loop-only, off the loop
//		}()
//	}
//
// # After
//
//	func (m *model) refresh(c *futures.Ctx) {
//		l := c.Loop()
//		go func() {
//			items := fetch()
//			l.CallSoonThreadsafe(func() {
//				m.items = items // on the loop
//				m.redraw()
//			})
//		}()
//	}
//
// # Fix
//
// Hand the work back to the loop from the other goroutine with a
// thread-safe submit (loop.CallSoonThreadsafe(fn), futures.RunThreadsafe(l,
// co)) and touch the loop's state in the submitted function; or, from a
// coroutine, run the work with futures.Await(c, futures.RunInExecutor(...))
// and store its result after the await, on the loop. Suggested fixes
// rename a loop-only call whose result is unused to its thread-safe twin
// (l.CallSoon(fn) to l.CallSoonThreadsafe(fn), futures.Spawn(l, co) to
// futures.RunThreadsafe(l, co)).
//
// # Severity
//
// Error: the call or the write races with the loop every time it runs, and
// the runtime panics when it catches it.
package offloop
