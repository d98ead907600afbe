package lockawait

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// message says what goes wrong at run time and what to write instead.
// Where the lock was taken, and the calls down to the suspension, are the
// finding's related information.
func (f *finding) message(res *engine.Result) string {
	what, how := res.Written(f.suspend).Callee(), "suspends"
	if len(f.tail(res)) > 0 {
		how = "may suspend"
	}
	if call := res.Written(f.suspend).Call; call != nil {
		if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
			what = "the closure called here"
		}
	}
	mu := res.Written(f.lock).Source(roles.Arg0, "a mutex")
	return fmt.Sprintf("%s %s while %s is held: loop code locking it blocks %s; unlock before suspending",
		what, how, mu, res.Words(f.suspend.Parent(), nil).Loop)
}

// tail is the chain from the suspending call down to what suspends,
// without the call itself; the whole chain for a closure called in place.
func (f *finding) tail(res *engine.Result) []engine.Step {
	if call := res.Written(f.suspend).Call; call != nil {
		if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
			return f.chain.Chain
		}
	}
	return f.chain.Chain[1:] // the first step is this very call
}

// related points at where the lock was taken and at each call down to
// what suspends.
func (f *finding) related(res *engine.Result) []analysis.RelatedInformation {
	verb := "locked here"
	if sel := calledSel(res.Written(f.lock)); sel != nil && sel.Sel.Name != "Lock" {
		verb = "taken here by " + sel.Sel.Name
	}
	out := []analysis.RelatedInformation{{Pos: f.lock.Pos(), Message: verb}}
	return append(out, res.Hops(f.tail(res), f.pos)...)
}

// calledSel is the selector of a method call as written (mu.RLock), or nil.
func calledSel(w *engine.Written) *ast.SelectorExpr {
	if w.Call == nil {
		return nil
	}
	sel, _ := code.Called(w.Call).(*ast.SelectorExpr)
	return sel
}
