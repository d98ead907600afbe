// Package loopblock defines an Analyzer that reports blocking operations in
// code that runs on a futures event loop.
//
// # Analyzer loopblock
//
// loopblock: blocking operation in event-loop code
//
// The analyzer reports, in loop code, operations that block the calling
// goroutine: (*futures.Future).Result and ResultContext, channel receives,
// ranges over channels and selects without a default case (including
// <-f.Done()), time.Sleep (and <-time.After(d), advised as a sleep),
// (*sync.WaitGroup).Wait, (*sync.Cond).Wait,
// (*futures.Executor).Shutdown, a nested (*futures.Loop).Run or futures.Run,
// and blocking standard-library I/O (net/http client calls, net dials,
// os/exec waits). A call to a function that may block, through any number
// of calls and packages, is reported at the call in loop code; the chain
// of calls that leads to the blocking operation is the finding's related
// information, one position per call (the calls in other packages, known
// by file and line, as one entry at the call). When the function may block
// in several ways, the chain named is one that really waits: a wait on
// every path through each function of the chain (not inside an if, a loop
// body, a case or after a return that may come first, unless that return
// leaves on an error: if err != nil { return err }, return
// fmt.Errorf(...)) before a shorter chain to a wait that may not happen,
// then the shortest. In loop code known only through a stored function
// value, a helper is reported only when it waits that certainly: a nil
// check that returns no error (if cmd == nil { return "" }) or a flag
// that skips the wait keeps it quiet.
//
// One //futurelint:ignore loopblock <reason> at the blocking operation
// inside a helper (or at a call along the chain) silences every call of
// the helper in loop code, in its package and in every package that
// imports it: each finding whose chains all end there. A helper with
// another wait the directive does not cover is still reported, with that
// wait as its chain; a directive for another rule, or without a reason,
// silences nothing here.
//
// A value handed to another package's loop code is reported where it is
// handed in: a parameter or field whose interface method that package's
// loop code calls (lib.Serve(l, &diskStore{}), srv.Store = &diskStore{},
// srv.SetCache(&diskStore{})), given a value of a concrete type whose
// method waits on every path. The finding is at the call or store; its
// related information is the call in the library's loop code and the
// method's chain down to what blocks. With two implementations of which
// only one blocks, only the hand-ins of that one are reported.
//
// Loop code is defined once for every rule: see
// https://github.com/futurelint/futurelint/blob/main/docs/rules.md#loop-code.
//
// Not reported: a Result on a future already settled (after <-f.Done(),
// inside case <-f.Done(), after f.Cancel(), after awaiting
// futures.Wrap(L, f)); a receive from, or a range over, a channel that the
// function returning it has closed on every path before returning (close,
// defer close, or a function literal that closes it, called in place or
// handed to a call that runs it before returning, such as sync.Once.Do or
// tview's Suspend): it holds only what is buffered and ends at once, while
// one closed later, from a goroutine or a callback the function starts,
// is waited for and reported; sends and
// selects with a default case; dynamic calls, and interface calls unless
// every implementation in sight blocks (see loop code); waits on work
// submitted thread-safely back to the same loop, which the selfsubmit rule
// reports. Mutex locks are not reported: they are held briefly by design,
// and a wait on one is not a wait for other work to happen.
//
// A callback a library runs on whichever goroutine triggers it is not loop
// code: a tview focus or blur function (SetFocusFunc, SetBlurFunc) runs
// where SetFocus is called, on the event loop for a key or a click, but in
// SetRoot before Run or in a goroutine that switches pages as well; the
// rule does not tell them apart and stays quiet.
//
// Known to be reported wrongly, or debatably, on real code: a WaitGroup
// wait whose Done calls a C library makes synchronously, through a cgo
// callback, before the wait (go-sdl2's hint callbacks); and a quit handler
// whose stop waits, by design, for the application's own background tasks
// to end after cancelling them (lazysql's Stop): brief when they stop
// promptly, for good when one cannot; a save run on the loop whose chain
// names a wait reached only on a first load (fyne's preferences save: it
// does write the file on the main goroutine, but the witness is the
// icon scaling of a first metadata load); and a wait that ends at once on
// the usual path but for good on a failure (k9s's runK ranging over a
// status channel its runner leaves open when the command dies by a
// signal), where the advice to move the call off the loop fits less well
// than closing the channel.
//
// # Why it goes wrong
//
// An event loop runs one callback or coroutine at a time on one goroutine.
// While loop code blocks, no other task, timer or callback on that loop runs:
// every coroutine on the loop stalls for as long as the wait lasts. When the
// awaited thing can only happen on that same loop (a promise resolved by a
// callback scheduled on it, a nested Run of the loop itself), the wait never
// ends: the loop deadlocks.
//
// # Before
//
//	func fetch(c *futures.Ctx, e *futures.Executor) (string, error) {
//		f := futures.Submit(e, download)
//		return f.Result() // the whole loop waits for the download
//	}
//
// # After
//
//	func fetch(c *futures.Ctx, e *futures.Executor) (string, error) {
//		return futures.Await(c, futures.RunInExecutor(c.Loop(), e, download))
//	}
//
// # Fix
//
// In a coroutine, suspend instead of blocking: await an executor future with
// futures.Await(c, futures.Wrap(c.Loop(), f)), run executor work with
// futures.Await(c, futures.RunInExecutor(c.Loop(), e, fn)), and sleep with
// futures.Sleep(c, d). In a callback, register a continuation instead
// (futures.Wrap(loop, f).Then(fn), loop.CallLater(d, fn)). Move other
// blocking work (I/O, process waits, channel receives) into an executor job
// and await it. A channel that only loop callbacks send to needs no job:
// continue in those callbacks, or have them resolve a promise and await
// its future wrapped onto the loop. Suggested fixes rewrite Result,
// Submit(...).Result and time.Sleep where a *futures.Ctx is in scope.
//
// # Severity
//
// Warning: the loop stalls for as long as the operation blocks. Error when
// the wait provably deadlocks or the call certainly panics: a nested Run of
// the loop the code runs on (goja_nodejs's Run panics there), a wait on a
// promise or channel that only callbacks queued on the same loop after the
// waiting code settle (scheduled by the waiting code itself, or by a
// function it calls, with no suspension before the wait, or queued in order
// behind the waiting callback), or a call that waits for its own loop to be
// idle (goja_nodejs's Stop). The message then says "deadlocks" (or
// "panics").
//
// Presets word findings in their library's terms: in a protoactor-go actor
// a wait "blocks the actor's mailbox" and the advice is ReenterAfter or
// PipeTo; in a gnet handler it "blocks the event loop" shared by every
// connection, and the advice is a goroutine pool and AsyncWrite.
package loopblock
