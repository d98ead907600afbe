package selfsubmit

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/futurelint/futurelint/internal/roles"
)

// message says what goes wrong at run time and what to write instead.
func (sub *submit) message() string {
	to := sub.loopName() + ", the loop"
	if sub.receiverIsLoop() {
		to = "the loop" // the callee as written names it already
	}
	what := fmt.Sprintf("%s submits %s to %s this code is already running on", sub.callee(), sub.workName(), to)
	w := sub.wait()
	if w == nil {
		return what + ": " + sub.effect() + "; " + sub.instead()
	}
	at := fmt.Sprintf("%s at %s", w.What, sub.res.Where(w.Pos))
	if w.Instr == sub.s.Call {
		// A wrapper that waits for the work it submits.
		at = sub.callee() + " itself"
	}
	if n := len(sub.s.Waits) - 1; n > 0 {
		at += fmt.Sprintf(" (and %d other wait", n) + plural(n) + ")"
	}
	if w.Deadlock != "" {
		return fmt.Sprintf("%s, and %s waits for it: a deadlock, since %s; %s", what, at, w.Deadlock, sub.insteadOfWaiting())
	}
	ends := "the wait never ends"
	if w.GivesUp != "" {
		ends = "the wait ends only when " + w.GivesUp + ", without the result"
	}
	blocks := "blocks the loop waiting for it"
	switch {
	case w.Instr != sub.s.Call:
		ends = "unless the work already ran while this code was suspended, " + ends
	case sub.work.Sometimes:
		// A wrapper that waits for the work on some of its paths.
		blocks, ends = "may block the loop waiting for it", "where it does, "+ends
	}
	return fmt.Sprintf("%s, and %s %s: %s; %s", what, at, blocks, ends, sub.insteadOfWaiting())
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// effect says what a submit nobody waits for does at run time.
func (sub *submit) effect() string {
	if !sub.coroutine() {
		return "the callback takes a needless hop through the loop's thread-safe queue (a lock and a wakeup) and runs later on this same loop"
	}
	future := "a thread-safe future"
	if call, ok := sub.s.Call.(interface{ Type() types.Type }); ok && sub.res.Roles.Is(call.Type(), roles.ExecutorFuture) {
		future = "a *futures.Future"
	}
	return "the coroutine does not run now but later, as a separate task, and its result comes back as " + future + " that loop code can only block on, a needless nested future"
}

// instead is the advice for a submit nobody waits for.
func (sub *submit) instead() string {
	l, f := sub.loopShort(), sub.workShort()
	switch c := sub.marker(); {
	case !sub.coroutine():
		return fmt.Sprintf("schedule it with %s.CallSoon(%s)", l, f)
	case c != "":
		return fmt.Sprintf("call or await the coroutine directly: %s(%s), or futures.Await(%s, futures.Spawn(%s, %s))", f, c, c, l, f)
	default:
		return fmt.Sprintf("spawn it on this loop with futures.Spawn(%s, %s) and take its result with .Then(func(v T, err error) { ... })", l, f)
	}
}

// insteadOfWaiting is the advice for a submit the code then waits for.
func (sub *submit) insteadOfWaiting() string {
	l, f := sub.loopShort(), sub.workShort()
	switch c := sub.marker(); {
	case !sub.coroutine():
		return "do the callback's work here, directly, instead of submitting it and waiting for it"
	case c != "":
		return fmt.Sprintf("await the coroutine instead: futures.Await(%s, futures.Spawn(%s, %s)), or call it directly: %s(%s)", c, l, f, f, c)
	default:
		return fmt.Sprintf("spawn it with futures.Spawn(%s, %s) and continue in .Then(func(v T, err error) { ... }) instead of waiting", l, f)
	}
}

// callee names the called function as the call spells it.
func (sub *submit) callee() string {
	if sub.call != nil {
		return sub.res.Source(ast.Unparen(sub.call.Fun))
	}
	return sub.s.Row.Name
}

// workName is "the coroutine co" or "the callback", naming the argument
// when it is a name.
func (sub *submit) workName() string {
	kind := "the callback"
	if sub.coroutine() {
		kind = "the coroutine"
	}
	if e := sub.arg(sub.work.Arg); e != nil && isName(e) {
		return kind + " " + sub.res.Source(e)
	}
	return kind
}

// loopName is the loop argument as written, or "its loop".
func (sub *submit) loopName() string {
	if e := sub.arg(sub.s.Row.SubmitLoop); e != nil {
		return sub.res.Source(e)
	}
	return "its loop"
}

// receiverIsLoop reports whether the loop is the receiver of a call written
// l.M(...).
func (sub *submit) receiverIsLoop() bool {
	if sub.s.Row.SubmitLoop != roles.Arg0 || sub.call == nil || sub.s.Call.Common().Signature().Recv() == nil {
		return false
	}
	sel, ok := ast.Unparen(sub.call.Fun).(*ast.SelectorExpr)
	return ok && sub.arg(roles.Arg0) == sel.X
}

// loopShort and workShort spell the arguments in advice: as written when
// short, else a placeholder.
func (sub *submit) loopShort() string {
	if e := sub.arg(sub.s.Row.SubmitLoop); e != nil && (isName(e) || isLoopCall(e)) {
		return sub.res.Source(e)
	}
	return "loop"
}

func (sub *submit) workShort() string {
	if e := sub.arg(sub.work.Arg); e != nil && isName(e) {
		return sub.res.Source(e)
	}
	if sub.coroutine() {
		return "co"
	}
	return "fn"
}

// isName reports whether e is an identifier or a selector chain (s.loop).
func isName(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isName(e.X)
	}
	return false
}

// isLoopCall reports whether e is a call without arguments on a name
// (c.Loop()).
func isLoopCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && len(call.Args) == 0 && isName(call.Fun)
}
