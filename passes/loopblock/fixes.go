package loopblock

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// suggestFixes offers the mechanical rewrites of the roles table (Instead),
// spelled by the library whose loop the code runs on, only in a coroutine
// with a named marker in scope, in a file that imports that library under a
// usable name, and only where the result compiles.
func suggestFixes(res *engine.Result, op *engine.Op) []analysis.SuggestedFix {
	if op.Row == nil || op.Row.Instead == roles.NoRewrite {
		return nil
	}
	if op.Row.Instead == roles.NoWait {
		return noWait(res, op)
	}
	c := res.AwaitCtx(op.Fn, op.Pos)
	ci, ok := op.Instr.(*ssa.Call) // not a deferred call: its arguments are evaluated early
	if c == "" || !ok {
		return nil
	}
	call := res.Written(ci)
	if call.Call == nil {
		return nil
	}
	rewrite, vars := op.Row.Instead, map[string]string{"c": c}
	switch op.Row.Instead {
	case roles.AwaitWrap:
		sel, ok := ast.Unparen(call.Call.Fun).(*ast.SelectorExpr)
		if !ok || len(call.Call.Args) != 0 {
			return nil
		}
		vars["f"] = code.Source(res.Pass, sel.X)
		// Submit(e, fn).Result(): run the job on the loop's executor
		// hand-over instead, when the library spells it.
		if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(res.Pass.TypesInfo, inner).(*types.Func); ok {
				if row := res.Roles.Lookup(fn); row != nil && row.Instead == roles.AwaitRunInExecutor && len(inner.Args) == 2 {
					if _, plain := ast.Unparen(inner.Fun).(*ast.SelectorExpr); plain {
						if _, _, ok := res.Fix(op.Fn, op.Row, op.Pos, roles.AwaitRunInExecutor); ok {
							rewrite = roles.AwaitRunInExecutor
							vars["0"], vars["1"] = code.Source(res.Pass, inner.Args[0]), code.Source(res.Pass, inner.Args[1])
						}
					}
				}
			}
		}
	case roles.SuspendSleep:
		// Sleep returns an error: only a statement of its own keeps compiling,
		// and only if the file still uses the time package elsewhere.
		es, ok := call.Stmt.(*ast.ExprStmt)
		if !ok || ast.Unparen(es.X) != call.Call || len(call.Call.Args) != 1 {
			return nil
		}
		if !code.OtherUses(res.Pass, call.Call.Fun.Pos(), call.Call.Fun.End(), op.Callee.Pkg().Path()) {
			return nil
		}
		vars["0"] = code.Source(res.Pass, call.Call.Args[0])
	default:
		return nil
	}
	fix, pkg, ok := res.Fix(op.Fn, op.Row, op.Pos, rewrite)
	if !ok {
		return nil
	}
	vars["pkg"] = pkg
	return []analysis.SuggestedFix{{
		Message:   fix.Message,
		TextEdits: []analysis.TextEdit{{Pos: call.Call.Pos(), End: call.Call.End(), NewText: []byte(roles.Say(fix.Text, vars))}},
	}}
}

// noWait offers, for a call that waits for the loop running it (goja's
// loop.Stop() in a loop callback), the library's spelling that does not
// wait (loop.StopNoWait()): a rename of the method, only where the call is
// a statement of its own (the result is unused) and the receiver has that
// method with no parameters and no results.
func noWait(res *engine.Result, op *engine.Op) []analysis.SuggestedFix {
	ci, ok := op.Instr.(*ssa.Call)
	if !ok || op.Deadlock == nil || op.Deadlock.Kind != engine.WaitsOwnLoop {
		return nil
	}
	call := res.Written(ci)
	if call.Call == nil || !call.Statement() || len(call.Call.Args) != 0 {
		return nil
	}
	sel := code.MethodCall(res.Pass, call.Call)
	fix, _, ok := res.Fix(op.Fn, op.Row, op.Pos, roles.NoWait)
	if sel == nil || !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(res.Pass.TypesInfo.TypeOf(sel.X), true, res.Pass.Pkg, fix.Text)
	m, ok := obj.(*types.Func)
	if !ok || m.Signature().Params().Len() != 0 || m.Signature().Results().Len() != 0 {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   fix.Message,
		TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(fix.Text)}},
	}}
}
