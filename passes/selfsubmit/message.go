package selfsubmit

import (
	"fmt"
	"go/ast"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// message says what goes wrong at run time and what to write instead. The
// waits on the submitted work, and why each never ends, are the finding's
// related information.
func (sub *submit) message() string {
	const what = "%s submits to the current loop"
	w := sub.wait()
	if w != nil && w.Instr == sub.s.Call && w.Deadlock != nil && !sub.work.Arg.Valid() {
		// A call that hands the loop no function but waits for it to
		// serve the call itself (Draw, Send).
		return fmt.Sprintf("%s waits for %s, which runs this code: a deadlock; %s",
			sub.callee(), sub.loopName(), sub.insteadOfWaiting())
	}
	if w == nil {
		return fmt.Sprintf(what+": %s; %s", sub.callee(), sub.effect(), sub.instead())
	}
	until := "forever"
	if w.GivesUp != nil {
		until = "until " + w.GivesUp.String()
	}
	if !sub.work.Arg.Valid() {
		// A message (an actor's request to itself): it is handled by this
		// very loop, after the code waiting for its reply returns.
		return fmt.Sprintf("%s asks %s, which answers only after this code returns: the wait blocks %s %s; %s",
			sub.callee(), sub.loopName(), sub.words.Loop, until, sub.insteadOfWaiting())
	}
	switch {
	case w.Deadlock != nil:
		return fmt.Sprintf(what+", then waits for it: a deadlock; %s", sub.callee(), sub.insteadOfWaiting())
	case w.Instr != sub.s.Call:
		until += ", unless the work already ran"
	case sub.work.Sometimes:
		// A wrapper that waits for the work on some of its paths.
		return fmt.Sprintf(what+" and may block it waiting %s; %s", sub.callee(), until, sub.insteadOfWaiting())
	}
	return fmt.Sprintf(what+", then blocks it waiting %s; %s", sub.callee(), until, sub.insteadOfWaiting())
}

// effect says what a submit nobody waits for does at run time.
func (sub *submit) effect() string {
	if !sub.coroutine() {
		return "a needless thread-safe hop"
	}
	return "a nested future"
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

// loopName is the loop argument as written, or "its loop".
func (sub *submit) loopName() string {
	if sub.s.Row.SubmitLoop.IsProcessLoop() {
		return sub.words.Loop // one per program: named by no argument
	}
	return sub.call.Source(sub.s.Row.SubmitLoop, "its loop")
}

// loopShort and workShort spell the arguments in advice: as written when
// short, else a placeholder.
func (sub *submit) loopShort() string {
	if e := sub.call.Arg(sub.s.Row.SubmitLoop); e != nil && (isName(e) || isLoopCall(e)) {
		return code.Source(sub.res.Pass, e)
	}
	return "loop"
}

func (sub *submit) workShort() string {
	if e := sub.call.Arg(sub.work.Arg); e != nil && isName(e) {
		return code.Source(sub.res.Pass, e)
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
