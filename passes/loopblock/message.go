package loopblock

import (
	"fmt"
	"go/ast"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// message says what goes wrong at run time and what to write instead.
func message(res *engine.Result, op *engine.Op) string {
	c := res.AwaitCtx(op.Fn, op.Pos)
	coroutine := c != ""
	if !coroutine {
		c = "c"
	}
	var what string
	switch {
	case op.Helper != nil:
		what = fmt.Sprintf("%s blocks the event loop: it %s", calledAs(res, op), op.Helper.Witness())
	case op.Deadlock != "":
		what = fmt.Sprintf("%s deadlocks the event loop: %s", op.What, op.Deadlock)
	case op.Kind == roles.BlockLoopRun:
		what = fmt.Sprintf("%s runs a nested loop on the event loop goroutine: the outer loop runs nothing else until it returns", op.What)
	default:
		what = fmt.Sprintf("%s blocks the event loop goroutine: no other task or callback runs until it returns", op.What)
	}
	if op.Kind == roles.BlockLoopRun && op.Row != nil && !op.Row.NewLoop {
		return what + "; " + insteadOfLoopRun(res, op, c, coroutine)
	}
	return what + "; " + instead(op, c, coroutine)
}

// insteadOfLoopRun is the advice for l.Run(ctx) in loop code: there is no
// coroutine to spawn, the loop itself is what must run elsewhere (or, when
// it is the current loop, it is running already).
func insteadOfLoopRun(res *engine.Result, op *engine.Op, c string, coroutine bool) string {
	l := "l"
	if call, _ := res.CallAt(op.Pos); call != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			l = res.Source(sel.X)
		}
	}
	if op.Deadlock != "" {
		return fmt.Sprintf("%s is running already: hand it more work with %s.CallSoon(fn) or futures.Spawn(%s, co) instead", l, l, l)
	}
	if coroutine {
		return fmt.Sprintf("run that loop on a goroutine of its own (go %s.Run(ctx)) and hand it work with futures.RunThreadsafe(%s, co), awaiting the result with futures.Await(%s, futures.Wrap(%s.Loop(), f))", l, l, c, c)
	}
	return fmt.Sprintf("run that loop on a goroutine of its own (go %s.Run(ctx)) and hand it work with futures.RunThreadsafe(%s, co) or %s.CallSoonThreadsafe(fn)", l, l, l)
}

// instead is the advice part of a message. c is the marker's name.
func instead(op *engine.Op, c string, coroutine bool) string {
	switch {
	case op.Helper != nil:
		if coroutine {
			return fmt.Sprintf("run it in an executor job and await it (futures.Await(%s, futures.RunInExecutor(%s.Loop(), e, job))), or make it take the *futures.Ctx and await instead of blocking", c, c)
		}
		return "run it in an executor job and take the result with futures.RunInExecutor(loop, e, job).Then(...)"
	case op.Kind == roles.BlockLoopRun:
		if coroutine {
			return fmt.Sprintf("spawn the coroutine on the current loop and await it: futures.Await(%s, futures.Spawn(%s.Loop(), co))", c, c)
		}
		return "spawn the coroutine on the current loop with futures.Spawn(loop, co)"
	case op.Kind == roles.BlockFuture || op.Kind == roles.BlockStall || op.Future != nil:
		if coroutine {
			return fmt.Sprintf("await it with futures.Await(%s, futures.Wrap(%s.Loop(), f))", c, c)
		}
		return "take the result on the loop with futures.Wrap(loop, f).Then(func(v T, err error) { ... })"
	case op.Kind == roles.BlockSleep:
		if coroutine {
			return fmt.Sprintf("suspend with futures.Sleep(%s, d)", c)
		}
		return "schedule the rest with loop.CallLater(d, fn)"
	case op.Kind == roles.BlockChan && op.Deadlock != "":
		// Only loop code settles the channel: no executor job or
		// thread-safe hand-over is needed, only not waiting here.
		if coroutine {
			return fmt.Sprintf("have those callbacks resolve a promise instead and await it: futures.Await(%s, futures.Wrap(%s.Loop(), p.Future()))", c, c)
		}
		return "continue in the callback that sends or closes instead of waiting for it here"
	case op.Kind == roles.BlockChan:
		if coroutine {
			return fmt.Sprintf("receive in an executor job and await it with futures.Await(%s, futures.RunInExecutor(%s.Loop(), e, job)), or deliver the value with a future or loop.CallSoonThreadsafe", c, c)
		}
		return "deliver the value to the loop with loop.CallSoonThreadsafe(fn) instead of waiting for it"
	}
	if coroutine {
		return fmt.Sprintf("run it in an executor job and await it: futures.Await(%s, futures.RunInExecutor(%s.Loop(), e, job))", c, c)
	}
	return "run it in an executor job and take the result with futures.RunInExecutor(loop, e, job).Then(...)"
}

// calledAs names the callee as the call spells it (s.fetch, lib.Pause),
// falling back to its declared name.
func calledAs(res *engine.Result, op *engine.Op) string {
	if call, _ := res.CallAt(op.Pos); call != nil {
		return res.Source(ast.Unparen(call.Fun))
	}
	return op.What
}
