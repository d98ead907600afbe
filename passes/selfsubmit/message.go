package selfsubmit

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/futurelint/futurelint/internal/engine"
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
	if w != nil && w.Instr == sub.s.Call && w.Deadlock != nil && !sub.work.Arg.Valid() {
		// A call that hands the loop no function but waits for it to
		// serve the call itself (Draw, Send).
		return fmt.Sprintf("%s waits for %s to serve it, and this code runs on that loop: a deadlock, since the loop serves nothing else until this code returns; %s",
			sub.callee(), sub.loopName(), sub.insteadOfWaiting())
	}
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
	if !sub.work.Arg.Valid() {
		// A message (an actor's request to itself): it is handled by this
		// very loop, after the code waiting for its reply returns.
		ends := "the wait never ends"
		if w.GivesUp != nil {
			ends = "the wait ends only when " + w.GivesUp.String() + ", without the reply"
		}
		return fmt.Sprintf("%s sends a message to %s, %s this code runs on, and %s waits for the reply: the message is handled only after this code returns, so %s; %s",
			sub.callee(), sub.loopName(), sub.words.Loop, at, ends, sub.insteadOfWaiting())
	}
	if w.Deadlock != nil {
		return fmt.Sprintf("%s, and %s waits for it: a deadlock, since %s; %s", what, at, w.Deadlock, sub.insteadOfWaiting())
	}
	ends := "the wait never ends"
	if w.GivesUp != nil {
		ends = "the wait ends only when " + w.GivesUp.String() + ", without the result"
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
		future = "a " + engine.TypeName(call.Type())
	}
	return "the coroutine does not run now but later, as a separate task, and its result comes back as " + future + " that loop code can only block on, a needless nested future"
}

// instead is the advice for a submit nobody waits for.
func (sub *submit) instead() string {
	c := sub.marker()
	if !sub.coroutine() {
		return sub.say(sub.words.SubmitCallback, c)
	}
	return sub.say(sub.words.SubmitCoroutine.In(c != ""), c)
}

// insteadOfWaiting is the advice for a submit the code then waits for.
func (sub *submit) insteadOfWaiting() string {
	c := sub.marker()
	if !sub.coroutine() {
		return sub.say(sub.words.WaitCallback, c)
	}
	return sub.say(sub.words.WaitCoroutine.In(c != ""), c)
}

// say fills an advice template with the marker c and the loop and work
// as written.
func (sub *submit) say(t, c string) string {
	f := sub.workShort()
	return roles.Say(t, map[string]string{"c": c, "l": sub.loopShort(), "co": f, "fn": f})
}

// callee names the called function as the call spells it.
func (sub *submit) callee() string { return sub.call.Callee() }

// workName is "the coroutine co" or "the callback", naming the argument
// when it is a name.
func (sub *submit) workName() string {
	kind := "the callback"
	if !sub.work.Arg.Valid() {
		return "a message" // a request or stop with no function to run
	}
	if sub.coroutine() {
		kind = "the coroutine"
	}
	if e := sub.call.Arg(sub.work.Arg); e != nil && isName(e) {
		return kind + " " + sub.res.Source(e)
	}
	return kind
}

// loopName is the loop argument as written, or "its loop".
func (sub *submit) loopName() string {
	if sub.s.Row.SubmitLoop == roles.ProcessLoop {
		return sub.words.Loop // one per program: named by no argument
	}
	return sub.call.Source(sub.s.Row.SubmitLoop, "its loop")
}

// receiverIsLoop reports whether the loop is the receiver of a call written
// l.M(...).
func (sub *submit) receiverIsLoop() bool {
	if sub.s.Row.SubmitLoop != roles.Arg0 || sub.call.Call == nil || sub.s.Call.Common().Signature().Recv() == nil {
		return false
	}
	sel, ok := ast.Unparen(sub.call.Call.Fun).(*ast.SelectorExpr)
	return ok && sub.call.Arg(roles.Arg0) == sel.X
}

// loopShort and workShort spell the arguments in advice: as written when
// short, else a placeholder.
func (sub *submit) loopShort() string {
	if e := sub.call.Arg(sub.s.Row.SubmitLoop); e != nil && (isName(e) || isLoopCall(e)) {
		return sub.res.Source(e)
	}
	return "loop"
}

func (sub *submit) workShort() string {
	if e := sub.call.Arg(sub.work.Arg); e != nil && isName(e) {
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
