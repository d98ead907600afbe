package selfsubmit

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// submit is a thread-safe submit from loop code to its own loop, with what
// its message and fixes need: the call as written and its arguments.
type submit struct {
	res  *engine.Result
	fn   *ssa.Function
	s    *engine.SelfSubmit
	pos  token.Pos     // the call's opening parenthesis
	call *ast.CallExpr // the call as written; nil when not found
	stmt ast.Stmt      // the statement holding it
	work roles.FuncArg // the submitted callback or coroutine
}

func newSubmit(res *engine.Result, fn *ssa.Function, s *engine.SelfSubmit) *submit {
	sub := &submit{res: res, fn: fn, s: s, pos: engine.CallPos(s.Call)}
	sub.call, sub.stmt = res.CallAt(sub.pos)
	for _, fa := range s.Row.Funcs {
		if fa.Threadsafe && fa.Loop == s.Row.SubmitLoop {
			sub.work = fa
		}
	}
	return sub
}

// coroutine reports whether the submitted work is a coroutine (RunThreadsafe)
// rather than a callback (CallSoonThreadsafe).
func (sub *submit) coroutine() bool { return sub.work.Where == roles.Coroutine }

// arg returns argument i of the call as written, counted as the roles table
// counts them (a method's receiver first), or nil when it is not evident.
func (sub *submit) arg(a roles.Arg) ast.Expr {
	i := a.Index()
	if sub.call == nil || i < 0 {
		return nil
	}
	if sub.s.Call.Common().Signature().Recv() == nil {
		return nth(sub.call.Args, i)
	}
	sel, ok := ast.Unparen(sub.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	switch s := sub.res.Pass.TypesInfo.Selections[sel]; {
	case s == nil:
		return nil
	case s.Kind() == types.MethodExpr: // (*futures.Loop).CallSoonThreadsafe(l, fn)
		return nth(sub.call.Args, i)
	case i == 0:
		return sel.X
	}
	return nth(sub.call.Args, i-1)
}

func nth(args []ast.Expr, i int) ast.Expr {
	if i < len(args) {
		return args[i]
	}
	return nil
}

// deadlock returns the first wait on the submitted work that provably never
// ends, or nil.
func (sub *submit) deadlock() *engine.Op {
	for _, w := range sub.s.Waits {
		if w.Deadlock != "" {
			return w
		}
	}
	return nil
}

// wait returns the wait a message names: the first deadlocking one, else
// the first one; nil when the code does not wait for the work.
func (sub *submit) wait() *engine.Op {
	if w := sub.deadlock(); w != nil {
		return w
	}
	if len(sub.s.Waits) > 0 {
		return sub.s.Waits[0]
	}
	return nil
}

// marker is the name of the *futures.Ctx the code can await with, or ""
// in callbacks.
func (sub *submit) marker() string { return sub.res.AwaitCtx(sub.fn, sub.pos) }
