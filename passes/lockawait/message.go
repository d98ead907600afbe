package lockawait

import (
	"fmt"
	"go/ast"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// message says what goes wrong at run time and what to write instead.
func (f *finding) message(res *engine.Result) string {
	what, how := res.Written(f.suspend).Callee(), "suspends the coroutine"
	tail := f.chain.Chain[1:] // the first step is this very call
	if call := res.Written(f.suspend).Call; call != nil {
		if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
			what, tail = "the closure called here", f.chain.Chain
		}
	}
	if len(tail) > 0 {
		how = "may suspend the coroutine (it " + engine.Witness(tail) + ")"
	}
	lock := res.Written(f.lock)
	mu, verb := lock.Source(roles.Arg0, "a mutex"), "locked"
	if sel := calledSel(lock); sel != nil && sel.Sel.Name != "Lock" {
		verb = "taken by " + sel.Sel.Name
	}
	loop := res.Words(f.suspend.Parent(), nil).Loop
	return fmt.Sprintf("%s %s while %s is held (%s at %s): other work on %s that locks %s then blocks %s, and this coroutine can never resume to unlock it, a deadlock as soon as there is contention; unlock before suspending (copy what you need under the lock, unlock, then suspend) or keep the critical section free of suspension points",
		what, how, mu, verb, res.Where(f.lock.Pos()), loop, mu, res.Words(f.suspend.Parent(), nil).LoopGoroutine)
}

// calledSel is the selector of a method call as written (mu.RLock), or nil.
func calledSel(w *engine.Written) *ast.SelectorExpr {
	if w.Call == nil {
		return nil
	}
	sel, _ := engine.Called(w.Call).(*ast.SelectorExpr)
	return sel
}
