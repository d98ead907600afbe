package selfsubmit

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/roles"
)

// suggestFixes offers the roles table's loop-side rewrite of the submit
// (Instead), only where it is mechanical and the result compiles:
//
//	l.CallSoonThreadsafe(fn)                  -> l.CallSoon(fn)        (a statement: the error is unused)
//	futures.RunThreadsafe(l, co)              -> futures.Spawn(l, co)  (a statement: the future is unused)
//	futures.RunThreadsafe(l, co).Result()     -> futures.Await(c, futures.Spawn(l, co))  (in a coroutine)
//
// Result and Await both return (T, error), so the last rewrite fits any
// use of the result. Nothing is offered while other code waits for the
// work: the rewrite alone would leave the wait blocking.
func (sub *submit) suggestFixes() []analysis.SuggestedFix {
	if sub.call == nil {
		return nil
	}
	switch sub.s.Row.Instead {
	case roles.LoopCallSoon:
		if len(sub.s.Waits) > 0 || !sub.statement() {
			return nil
		}
		sel := sub.res.MethodCall(sub.call)
		if sel == nil || !sub.hasCallSoon(sel) {
			return nil
		}
		return rename(sel, "CallSoon", "Schedule the callback with CallSoon")
	case roles.LoopSpawn:
		sel, ok := ast.Unparen(sub.call.Fun).(*ast.SelectorExpr)
		if !ok || sub.res.Pass.TypesInfo.Selections[sel] != nil {
			return nil // not pkg.RunThreadsafe(...) without type arguments
		}
		if outer := sub.resultCall(); outer != nil {
			return sub.awaitSpawn(outer)
		}
		if len(sub.s.Waits) > 0 || !sub.statement() {
			return nil
		}
		return rename(sel, "Spawn", "Spawn the coroutine on this loop")
	}
	return nil
}

// statement reports whether the call is a statement of its own (or
// deferred), so its result is unused.
func (sub *submit) statement() bool {
	switch s := sub.stmt.(type) {
	case *ast.ExprStmt:
		return ast.Unparen(s.X) == sub.call
	case *ast.DeferStmt:
		return s.Call == sub.call
	}
	return false
}

// hasCallSoon reports whether the receiver's CallSoon is the loop-only
// callback scheduler of the table (not some other method of that name
// promoted over it).
func (sub *submit) hasCallSoon(sel *ast.SelectorExpr) bool {
	t := sub.res.Pass.TypesInfo.TypeOf(sel.X)
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, sub.res.Pass.Pkg, "CallSoon")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	row := sub.res.Roles.Lookup(fn)
	if row == nil || !row.LoopOnly || len(row.Funcs) != 1 {
		return false
	}
	fa := row.Funcs[0]
	return fa.Where == roles.OnLoop && fa.Arg == sub.work.Arg && fa.Loop == sub.s.Row.SubmitLoop
}

// resultCall returns the call X.Result() whose X is the submit, when Result
// is the table's waiting call with the Await rewrite; nil otherwise.
func (sub *submit) resultCall() *ast.CallExpr {
	if sub.stmt == nil {
		return nil
	}
	var found *ast.CallExpr
	ast.Inspect(sub.stmt, func(n ast.Node) bool {
		outer, ok := n.(*ast.CallExpr)
		if !ok || found != nil {
			return found == nil
		}
		sel, ok := ast.Unparen(outer.Fun).(*ast.SelectorExpr)
		if !ok || ast.Unparen(sel.X) != sub.call || len(outer.Args) != 0 {
			return true
		}
		fn, _ := typeutil.Callee(sub.res.Pass.TypesInfo, outer).(*types.Func)
		if row := sub.res.Roles.Lookup(fn); row != nil && row.Instead == roles.AwaitWrap && row.Waits == roles.Arg0 {
			found = outer
		}
		return false
	})
	return found
}

// awaitSpawn rewrites RunThreadsafe(l, co).Result() to
// futures.Await(c, futures.Spawn(l, co)) in a coroutine with marker c.
func (sub *submit) awaitSpawn(outer *ast.CallExpr) []analysis.SuggestedFix {
	c := sub.res.AwaitCtx(sub.fn, outer.Pos())
	fut := sub.res.ImportName(outer.Pos(), roles.FuturesPkg)
	l, co := sub.arg(sub.s.Row.SubmitLoop), sub.arg(sub.work.Arg)
	if c == "" || fut == "" || l == nil || co == nil || len(sub.call.Args) != 2 {
		return nil
	}
	text := fmt.Sprintf("%s.Await(%s, %s.Spawn(%s, %s))", fut, c, fut, sub.res.Source(l), sub.res.Source(co))
	return []analysis.SuggestedFix{{
		Message:   "Spawn the coroutine on this loop and await it",
		TextEdits: []analysis.TextEdit{{Pos: outer.Pos(), End: outer.End(), NewText: []byte(text)}},
	}}
}

// rename replaces the called name of sel.
func rename(sel *ast.SelectorExpr, name, msg string) []analysis.SuggestedFix {
	return []analysis.SuggestedFix{{
		Message:   msg,
		TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(name)}},
	}}
}
