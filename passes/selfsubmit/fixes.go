package selfsubmit

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// suggestFixes offers the roles table's loop-side rewrite of the submit
// (Instead), spelled by the submit's library, only where it is mechanical
// and the result compiles; as the runtime spells them:
//
//	l.CallSoonThreadsafe(fn)                  -> l.CallSoon(fn)        (a statement: the error is unused)
//	futures.RunThreadsafe(l, co)              -> futures.Spawn(l, co)  (a statement: the future is unused)
//	futures.RunThreadsafe(l, co).Result()     -> futures.Await(c, futures.Spawn(l, co))  (in a coroutine)
//
// Result and Await both return (T, error), so the last rewrite fits any
// use of the result. Nothing is offered while other code waits for the
// work: the rewrite alone would leave the wait blocking.
func (sub *submit) suggestFixes() []analysis.SuggestedFix {
	if sub.call.Call == nil {
		return nil
	}
	switch sub.s.Row.Instead {
	case roles.LoopCallSoon:
		fix, _, ok := sub.res.Fix(sub.fn, sub.s.Row, sub.pos, roles.LoopCallSoon)
		if !ok || len(sub.s.Waits) > 0 || !sub.call.Statement() {
			return nil
		}
		sel := code.MethodCall(sub.res.Pass, sub.call.Call)
		if sel == nil || !sub.hasLoopSide(sel, fix.Text) {
			return nil
		}
		return rename(sel, fix)
	case roles.LoopSpawn:
		sel, ok := ast.Unparen(sub.call.Call.Fun).(*ast.SelectorExpr)
		if !ok || sub.res.Pass.TypesInfo.Selections[sel] != nil {
			return nil // not pkg.RunThreadsafe(...) without type arguments
		}
		if outer := sub.resultCall(); outer != nil {
			return sub.awaitSpawn(outer)
		}
		fix, _, ok := sub.res.Fix(sub.fn, sub.s.Row, sub.pos, roles.LoopSpawn)
		if !ok || len(sub.s.Waits) > 0 || !sub.call.Statement() {
			return nil
		}
		return rename(sel, fix)
	case roles.RunInPlace:
		return sub.runInPlace()
	}
	return nil
}

// hasLoopSide reports whether the receiver's method name is the loop-only
// callback scheduler of the table (not some other method of that name
// promoted over it) that takes the submit's callback on the same loop.
func (sub *submit) hasLoopSide(sel *ast.SelectorExpr, name string) bool {
	t := sub.res.Pass.TypesInfo.TypeOf(sel.X)
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, sub.res.Pass.Pkg, name)
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
	if sub.call.Stmt == nil {
		return nil
	}
	var found *ast.CallExpr
	ast.Inspect(sub.call.Stmt, func(n ast.Node) bool {
		outer, ok := n.(*ast.CallExpr)
		if !ok || found != nil {
			return found == nil
		}
		sel, ok := ast.Unparen(outer.Fun).(*ast.SelectorExpr)
		if !ok || ast.Unparen(sel.X) != sub.call.Call || len(outer.Args) != 0 {
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
	fix, pkg, ok := sub.res.Fix(sub.fn, sub.s.Row, outer.Pos(), roles.AwaitLoopSpawn)
	l, co := sub.call.Arg(sub.s.Row.SubmitLoop), sub.call.Arg(sub.work.Arg)
	if c == "" || !ok || l == nil || co == nil || len(sub.call.Call.Args) != 2 {
		return nil
	}
	text := roles.Say(fix.Text, map[string]string{"pkg": pkg, "c": c, "l": code.Source(sub.res.Pass, l), "co": code.Source(sub.res.Pass, co)})
	return []analysis.SuggestedFix{{
		Message:   fix.Message,
		TextEdits: []analysis.TextEdit{{Pos: outer.Pos(), End: outer.End(), NewText: []byte(text)}},
	}}
}

// rename replaces the called name of sel by the fix's text.
func rename(sel *ast.SelectorExpr, fix roles.Fix) []analysis.SuggestedFix {
	return []analysis.SuggestedFix{{
		Message:   fix.Message,
		TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(fix.Text)}},
	}}
}
