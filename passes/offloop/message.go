package offloop

import (
	"fmt"
	"go/ast"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
	"golang.org/x/tools/go/analysis"
)

// message says what goes wrong at run time and what to write instead.
// Where the code is handed off the loop is the finding's related
// information.
func message(res *engine.Result, u *engine.OffLoopUse) string {
	fn := u.Start.Caller
	if u.Bound != nil {
		fn = u.Bound // the library of the loop that gave the value
	}
	words := res.Words(fn, u.Row)
	loop := words.Loop
	say := func(t string) string { return roles.Say(t, map[string]string{"loop": loop}) }
	if u.Write {
		return fmt.Sprintf("%s, off %s, this code %s: a race; do it on the loop, or under a lock", u.Start.Why, loop, u.What)
	}
	w := res.Written(u.Call)
	if u.Bound != nil {
		of := "runtime" // a function the runtime made: a promise's resolve, a Callable
		if c := u.Call.Common(); c.IsInvoke() || c.Signature().Recv() != nil {
			of = engine.TypeName(engine.Args(c)[0].Type())
		}
		return fmt.Sprintf("%s, %s runs off %s of its %s: %s; %s", u.Start.Why, w.Callee(), loop, of, say(words.LoopOnly), say(words.OffLoopFix))
	}
	if u.Row == nil {
		return fmt.Sprintf("%s, off %s, this code %s: it races with the loop, or panics; %s", u.Start.Why, loop, u.What, say(words.OffLoopFix))
	}
	instead := say(words.OffLoopFix)
	if twin := twinCall(res, w, u.Row); twin != "" {
		instead = "use " + twin
	}
	return fmt.Sprintf("%s, %s runs off %s: %s; %s", u.Start.Why, w.Callee(), loop, say(words.LoopOnly), instead)
}

// related points at where the code is handed off the loop and, for a
// call on a loop-bound value, at the loop code that was given it.
func related(res *engine.Result, u *engine.OffLoopUse) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	if at := u.Start.At.Pos(); at.IsValid() && code.File(res.Pass, at) != nil {
		out = append(out, analysis.RelatedInformation{Pos: at, Message: "runs off the loop from here"})
	}
	if u.Bound != nil && code.File(res.Pass, u.Bound.Pos()) != nil {
		out = append(out, analysis.RelatedInformation{Pos: u.Bound.Pos(), Message: "the loop code it is bound to"})
	}
	return out
}

// twinCall spells the call with the name of the row's any-goroutine twin,
// or returns "".
func twinCall(res *engine.Result, w *engine.Written, row *roles.Func) string {
	sel := calledName(w.Call)
	if sel == nil || row.AnyGoroutine == "" {
		return ""
	}
	src := code.Source(res.Pass, w.Call)
	start, end := int(sel.Sel.Pos()-w.Call.Pos()), int(sel.Sel.End()-w.Call.Pos())
	if start < 0 || end > len(src) || src[start:end] != sel.Sel.Name {
		return row.AnyGoroutine
	}
	return src[:start] + row.AnyGoroutine + src[end:]
}

// calledName returns the selector naming the called function of call
// (x.M or pkg.F, also when instantiated: pkg.F[T]), or nil.
func calledName(call *ast.CallExpr) *ast.SelectorExpr {
	if call == nil {
		return nil
	}
	sel, _ := code.Called(call).(*ast.SelectorExpr)
	return sel
}
