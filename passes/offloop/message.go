package offloop

import (
	"fmt"
	"go/ast"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// message says what goes wrong at run time and what to write instead.
func message(res *engine.Result, u *engine.OffLoopUse) string {
	fn := u.Start.Caller
	if u.Bound != nil {
		fn = u.Bound // the library of the loop that gave the value
	}
	words := res.Words(fn, u.Row)
	loop := words.Loop
	where := "this code runs off " + loop + ", " + u.Start.Why
	if u.Write {
		return fmt.Sprintf("%s, and %s: it races with %s, which uses that state meanwhile; hand the result back with a thread-safe submit to %s and write it there, or guard the state with a lock", where, u.What, loop, loop)
	}
	say := func(t string) string { return roles.Say(t, map[string]string{"loop": loop}) }
	w := res.Written(u.Call)
	if u.Bound != nil {
		recv := engine.Args(u.Call.Common())[0]
		return fmt.Sprintf("%s, and calls %s on the %s given to the loop code at %s, which %s; %s", where, w.Callee(), engine.TypeName(recv.Type()), res.Where(u.Bound.Pos()), say(words.LoopOnly), say(words.OffLoopFix))
	}
	if u.Row == nil {
		return fmt.Sprintf("%s, and %s, which may only be done on %s: from another goroutine it races with %s, or panics while it is idle; hand the work back with a thread-safe submit to %s and do it there", where, u.What, loop, loop, loop)
	}
	instead := say(words.OffLoopFix)
	if twin := twinCall(res, w, u.Row); twin != "" {
		instead = "from another goroutine, use " + twin
	}
	return fmt.Sprintf("%s, and calls %s, which %s; %s", where, w.Callee(), say(words.LoopOnly), instead)
}

// twinCall spells the call with the name of the row's any-goroutine twin,
// or returns "".
func twinCall(res *engine.Result, w *engine.Written, row *roles.Func) string {
	sel := calledName(w.Call)
	if sel == nil || row.AnyGoroutine == "" {
		return ""
	}
	src := res.Source(w.Call)
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
	sel, _ := engine.Called(call).(*ast.SelectorExpr)
	return sel
}
