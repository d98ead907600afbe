package lockawait

import (
	"fmt"
	"go/ast"

	"github.com/futurelint/futurelint/internal/engine"
)

// message says what goes wrong at run time and what to write instead.
func (f *finding) message(res *engine.Result) string {
	what, how := "this call", "suspends the coroutine"
	tail := f.chain.Chain
	if call, _ := res.CallAt(f.pos); call != nil {
		what = res.Source(ast.Unparen(call.Fun))
		if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
			what = "the closure called here"
		} else {
			tail = tail[1:] // the first step is this very call
		}
	}
	if len(tail) > 0 {
		how = "may suspend the coroutine (it " + engine.Witness(tail) + ")"
	}
	mu, verb := "a mutex", "locked"
	if call, _ := res.CallAt(engine.CallPos(f.lock)); call != nil {
		if sel := res.MethodCall(call); sel != nil {
			mu = res.Source(sel.X)
			if sel.Sel.Name != "Lock" {
				verb = "taken by " + sel.Sel.Name
			}
		}
	}
	return fmt.Sprintf("%s %s while %s is held (%s at %s): other work on the loop that locks %s then blocks the loop goroutine, and this coroutine can never resume to unlock it, a deadlock as soon as there is contention; unlock before suspending (copy what you need under the lock, unlock, then suspend) or keep the critical section free of suspension points",
		what, how, mu, verb, res.Where(f.lock.Pos()), mu)
}
