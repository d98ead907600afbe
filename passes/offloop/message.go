package offloop

import (
	"fmt"
	"go/ast"

	"github.com/futurelint/futurelint/internal/engine"
)

// message says what goes wrong at run time and what to write instead.
func message(res *engine.Result, u *engine.OffLoopUse) string {
	where := "this code runs off the loop, " + u.Start.Why
	if u.Write {
		return fmt.Sprintf("%s, and %s: it races with the loop, which uses that state meanwhile; hand the result back with a thread-safe submit to the loop and write it there, or guard the state with a lock", where, u.What)
	}
	callee := u.What
	if call, _ := res.CallAt(u.Pos); call != nil {
		callee = "calls " + res.Source(ast.Unparen(call.Fun))
	}
	if u.Row == nil {
		return fmt.Sprintf("%s, and %s, which may only be done on the loop: off the loop it races with the loop, or panics while the loop is idle; hand the work back with a thread-safe submit to the loop and do it there", where, u.What)
	}
	instead := "hand the work back with a thread-safe submit to the loop and make the call there"
	if twin := twinCall(res, u); twin != "" {
		instead = "from another goroutine, use " + twin
	}
	return fmt.Sprintf("%s, and %s, which may only be called on the loop: off the loop it races with the loop's queue, or panics while the loop is idle; %s", where, callee, instead)
}

// twinCall spells the call with the name of the row's any-goroutine twin,
// or returns "".
func twinCall(res *engine.Result, u *engine.OffLoopUse) string {
	if u.Row == nil || u.Row.AnyGoroutine == "" {
		return ""
	}
	call, _ := res.CallAt(u.Pos)
	sel := calledName(call)
	if sel == nil {
		return ""
	}
	src := res.Source(call)
	start := int(sel.Sel.Pos() - call.Pos())
	end := int(sel.Sel.End() - call.Pos())
	if start < 0 || end > len(src) || src[start:end] != sel.Sel.Name {
		return u.Row.AnyGoroutine
	}
	return src[:start] + u.Row.AnyGoroutine + src[end:]
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
