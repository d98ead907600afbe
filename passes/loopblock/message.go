package loopblock

import (
	"fmt"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// message says what goes wrong at run time and what to write instead, in
// the words of the library whose loop the code runs on.
func message(res *engine.Result, op *engine.Op) string {
	w := res.Words(op.Fn, op.Row)
	c := res.AwaitCtx(op.Fn, op.Pos)
	coroutine := c != ""
	if !coroutine {
		c = "c"
	}
	vars := map[string]string{"c": c}
	var what string
	switch {
	case op.Helper != nil && op.Deadlock != nil:
		what = fmt.Sprintf("%s deadlocks %s: %s", calledAs(res, op), w.Loop, op.Deadlock)
	case op.Helper != nil:
		// The chain down to what blocks is the finding's related
		// information.
		what = fmt.Sprintf("%s blocks %s", calledAs(res, op), w.Loop)
	case op.Panics != nil:
		what = fmt.Sprintf("%s panics: %s", op.What, op.Panics)
	case op.Deadlock != nil:
		what = fmt.Sprintf("%s deadlocks %s: %s", op.What, w.Loop, op.Deadlock)
	case op.Kind == roles.BlockLoopRun:
		what = fmt.Sprintf("%s runs a nested loop on %s", op.What, w.LoopGoroutine)
	default:
		what = fmt.Sprintf("%s blocks %s", op.What, w.LoopGoroutine)
	}
	return what + "; " + roles.Say(instead(res, op, w, coroutine, vars), vars)
}

// instead is the advice part of a message: the template of w for what
// blocks, in its coroutine or callback form; it sets what vars the
// template needs beyond the marker.
func instead(res *engine.Result, op *engine.Op, w roles.Words, coroutine bool, vars map[string]string) string {
	switch {
	case op.Row != nil && op.Row.OwnLoop != roles.NoOutcome && (op.Panics != nil || op.Deadlock != nil):
		// Stop or Run of the loop running this code.
		vars["l"] = "l"
		if ci, ok := op.Instr.(ssa.CallInstruction); ok {
			vars["l"] = res.Written(ci).Source(roles.Arg0, "l")
		}
		return w.WaitSelf
	case op.Kind == roles.BlockLoopRun && op.Row != nil && !op.Row.NewLoop:
		// l.Run(ctx) in loop code: there is no coroutine to spawn, the
		// loop itself is what must run elsewhere (or, when it is the
		// current loop, it is running already).
		vars["l"] = "l"
		if ci, ok := op.Instr.(ssa.CallInstruction); ok {
			vars["l"] = res.Written(ci).Source(roles.Arg0, "l")
		}
		if op.Deadlock != nil {
			return w.RunSelf
		}
		return w.RunOther.In(coroutine)
	case op.Kind == roles.BlockLoopServe:
		// A wait for the loop to serve the call: not waiting is the fix.
		return w.WaitCallback
	case op.Helper != nil && op.Deadlock != nil && op.Deadlock.Kind == engine.HelperQueued:
		// It waits for callbacks it queues behind this very code.
		return w.LoopSettled.In(coroutine)
	case op.Helper != nil:
		return w.OffloadCall.In(coroutine)
	case op.Kind == roles.BlockLoopRun:
		return w.Spawn.In(coroutine)
	case op.Kind == roles.BlockFuture || op.Kind == roles.BlockStall || op.Future != nil:
		return w.AwaitFuture.In(coroutine)
	case op.Kind == roles.BlockSleep:
		return w.Sleep.In(coroutine)
	case op.Kind == roles.BlockChan && op.Deadlock != nil:
		// Only loop code settles the channel: no executor job or
		// thread-safe hand-over is needed, only not waiting here.
		return w.LoopSettled.In(coroutine)
	case op.Kind == roles.BlockChan:
		return w.Receive.In(coroutine)
	}
	return w.Offload.In(coroutine)
}

// calledAs names the callee as the call spells it (s.fetch, lib.Pause),
// falling back to its declared name.
func calledAs(res *engine.Result, op *engine.Op) string {
	if ci, ok := op.Instr.(ssa.CallInstruction); ok {
		if wc := res.Written(ci); wc.Call != nil {
			return wc.Callee()
		}
	}
	return op.What
}

// handInMessage is message for an implementation handed to another
// package's loop code: its method blocks that loop, or waits for it.
func handInMessage(res *engine.Result, h *engine.HandIn) string {
	w := h.Words
	impl := code.FuncName(res.Pass, h.Impl)
	what := fmt.Sprintf("%s blocks %s: loop code calls it through %s", impl, w.Loop, h.To)
	if h.Deadlock != nil {
		what = fmt.Sprintf("%s deadlocks %s: it waits for the loop whose code calls it through %s", impl, w.Loop, h.To)
	}
	return what + "; " + roles.Say(w.OffloadCall.In(false), map[string]string{"c": "c"})
}
