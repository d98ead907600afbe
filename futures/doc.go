// Package futures is a small runtime for event-loop code in Go: a
// single-goroutine Loop running callbacks and coroutines, a bounded Executor
// running blocking jobs on worker goroutines, and the futures that connect
// them. It is the reference runtime whose API the futurelint rules target,
// and it behaves the way those rules assume.
//
// # Loop, coroutines and Ctx
//
// A Loop runs on the goroutine that calls Loop.Run. It runs callbacks
// (CallSoon, CallLater, Task.Then) and coroutines one at a time. A coroutine
// is a function taking a *Ctx, started with Spawn (from loop code),
// RunThreadsafe (from any goroutine) or Run (a new loop for one coroutine).
// Its Task is its loop-bound result.
//
// While a callback or coroutine runs, its loop runs nothing else: loop-owned
// state needs no locks. A coroutine gives the loop back only when it returns
// or suspends.
//
// # What suspends and what blocks
//
// Await, Sleep and Gather suspend the coroutine: it stops at that point, the
// loop goes on running other callbacks and coroutines, and the coroutine
// resumes when what it waits for has happened. Each coroutine has its own
// stack (a goroutine driven through iter.Pull, which switches goroutines
// without going through the scheduler), so suspending keeps all its local
// state.
//
// Everything else that waits blocks, and blocking in loop code blocks the
// whole loop: Future.Result and ResultContext, channel operations,
// time.Sleep, sync.WaitGroup.Wait, Executor.Shutdown, a nested Run. A
// coroutine that calls Submit(e, work).Result() stalls every task on its
// loop until work finishes, and deadlocks if work needs that loop (for
// instance through RunThreadsafe(loop, ...).Result()). In loop code,
// run blocking work with RunInExecutor, bring a Future onto the loop with
// Wrap, and await the Task:
//
//	v, err := futures.Await(c, futures.RunInExecutor(c.Loop(), e, work))
//
// Likewise, code already on loop L starts another coroutine on L with
// Await(c, Spawn(L, co)), never with RunThreadsafe(L, co), whose Future
// would have to be waited on by blocking the loop.
//
// # Threads
//
// Futures, Promises and Executors are safe for use from any goroutine, and
// so are Loop.CallSoonThreadsafe, RunThreadsafe, Loop.Stop, Loop.Stopped and
// Loop.SetPanicHandler. Everything else about a Loop, its Tasks, Timers and
// Ctxs belongs to the loop. Loop-only calls panic when they can tell they
// are made from outside the loop's code (the loop is idle or stopped, or a
// Ctx is used outside its coroutine); a call from another goroutine while
// the loop is busy cannot be detected cheaply, so it is a data race, which
// the race detector reports, and which debug mode catches.
//
// # Settling exactly once
//
// Every Future and Task settles exactly once, with a value, an error,
// ErrCancelled or ErrClosed, and nothing is left pending forever:
//
//   - a job submitted after Executor.Shutdown began, or still queued when
//     Shutdown's context expires, settles with ErrClosed;
//   - when a loop stops, every task still pending on it settles with
//     ErrClosed, and so does every RunThreadsafe future whose coroutine had
//     not finished;
//   - CallSoonThreadsafe on a stopped loop returns ErrClosed.
//
// Later attempts to settle (a Promise resolved twice, a job finishing after
// its future was cancelled) are ignored.
//
// # Cancellation
//
// Future.Cancel and Task.Cancel settle a pending future or task with
// ErrCancelled at once. An executor job that has not started never runs; a
// coroutine that has not started never runs; a suspended coroutine wakes
// with ErrCancelled from its Await, Sleep or Gather and its Ctx.Context is
// cancelled, and it is expected to return (its result is discarded).
// Future.ResultContext gives up waiting when its context is done without
// touching the future. When a loop stops, suspended coroutines are unwound:
// their deferred calls run and they never resume (see Ctx).
//
// # Panics
//
// A panic in an executor job or a coroutine is recovered and settles its
// Future or Task with a *PanicError carrying the value and the stack; the
// worker or loop keeps running. A panic in a callback that has no future
// (CallSoon, CallSoonThreadsafe, CallLater, Task.Then) goes to the loop's
// panic handler (Loop.SetPanicHandler), or is logged; a panic in a
// Future.OnDone callback is logged. Neither stops the loop or worker.
//
// Misuse panics at once with a message starting "futures: " that names the
// mistake: nil functions, futures, tasks or contexts; a Ctx used outside
// its coroutine or after it returned; a Task awaited from another loop or
// by its own coroutine; loop-only calls on a stopped or idle loop; Run on a
// loop that already ran.
//
// # Debug mode
//
// Debug mode makes the runtime report at run time what the futurelint
// rules find in source code, in the same words and under the same rule
// names. It is off by default, and costs a nil check where it would act
// when off. It is turned on for one loop with Loop.SetDebug (before Run),
// for the loops and futures a process makes from then on with SetDebug,
// and for a whole program, without rebuilding it, by running it with the
// environment variable FUTURES_DEBUG=1. When on:
//
//   - loopblock (FL001): a watchdog goroutine reports a callback or
//     coroutine step that holds the loop longer than
//     DebugOptions.BlockThreshold (100 ms by default), once per stall,
//     while it still holds it: for how long, which callback or coroutine,
//     and where the loop is blocked now (the blocking call and the line
//     that made it), with the goroutine's stack. The watchdog exits when
//     Run returns.
//   - selfsubmit (FL002): Future.Result and ResultContext, called on the
//     goroutine of loop L for a pending future of RunThreadsafe(L, ...),
//     return at once an error wrapping ErrDeadlock instead of waiting
//     (forever, or until ResultContext's context ends) for a coroutine
//     that only the blocked loop could run.
//   - offloop (FL005): every loop-only call (CallSoon, CallLater, Spawn,
//     Wrap, RunInExecutor, Await, Sleep, Gather, Ctx.Context, and the
//     methods of Task and Timer) checks that it runs on its loop's
//     goroutine or on the goroutine of the loop's running coroutine while
//     the loop runs, busy or idle, and panics with a "futures: " message
//     naming the call and the fix otherwise.
//   - dropped (FL004): a future or task that failed (an error or a panic;
//     not cancellation or ErrClosed) and whose outcome nothing observed
//     (Result, ResultContext, Done, OnDone, Wrap for a future; Await,
//     Gather, Then, Done for a task) is reported with its error, its value
//     and where it was made: a task when its loop stops, and any future or
//     task when it is garbage collected.
//
// Each report is a DebugReport with fields for programs (rule, ID,
// duration, positions, stack, error) handed to DebugOptions.Handler, or
// logged with the standard logger. Its text names the rule, for example:
//
//	futures debug: loopblock (FL001): loop blocked for at least 101ms in coroutine main.run.func1 (main.go:59); loop goroutine is in futures.(*Future).Result called from main.go:29; a callback or coroutine must not block: await instead (Wrap, RunInExecutor, Sleep)
//
// Debug mode is for finding mistakes, not for production hot paths: every
// loop-only call walks its caller's stack (runtime.Callers), and reads its
// goroutine's id from runtime.Stack (microseconds) when more than one loop
// is running; every coroutine reads its goroutine's id when it starts; every
// future and task records where it was made and gets a cleanup. The
// benchmarks in BENCH.md give the costs.
//
// # Goroutines
//
// The package starts goroutines for Executor workers (all exit when
// Shutdown has drained the queue; see Executor.Stopped) and one per
// coroutine while it runs (it exits when the coroutine returns or is unwound
// at loop stop), and in debug mode one watchdog per running loop (it exits
// before Run returns). After Run returns and Shutdown completes, none is
// left.
package futures
