package loopblock

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// suggestFixes offers the mechanical rewrites of the roles table (Instead),
// only in a coroutine with a named *futures.Ctx in scope, in a file that
// imports futures under a usable name, and only where the result compiles.
func suggestFixes(res *engine.Result, op *engine.Op) []analysis.SuggestedFix {
	if op.Row == nil || op.Row.Instead == roles.NoRewrite {
		return nil
	}
	c := res.AwaitCtx(op.Fn, op.Pos)
	fut := res.ImportName(op.Pos, roles.FuturesPkg)
	if c == "" || fut == "" {
		return nil
	}
	call, stmt := res.CallAt(op.Pos)
	if call == nil {
		return nil
	}
	var text, msg string
	switch op.Row.Instead {
	case roles.AwaitWrap:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || len(call.Args) != 0 {
			return nil
		}
		text = fmt.Sprintf("%s.Await(%s, %s.Wrap(%s.Loop(), %s))", fut, c, fut, c, res.Source(sel.X))
		msg = "Await the future wrapped onto the loop"
		if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(res.Pass.TypesInfo, inner).(*types.Func); ok {
				if row := res.Roles.Lookup(fn); row != nil && row.Instead == roles.AwaitRunInExecutor && len(inner.Args) == 2 {
					if _, plain := ast.Unparen(inner.Fun).(*ast.SelectorExpr); plain {
						text = fmt.Sprintf("%s.Await(%s, %s.RunInExecutor(%s.Loop(), %s, %s))", fut, c, fut, c, res.Source(inner.Args[0]), res.Source(inner.Args[1]))
						msg = "Run the job with RunInExecutor and await it"
					}
				}
			}
		}
	case roles.SuspendSleep:
		// Sleep returns an error: only a statement of its own keeps compiling,
		// and only if the file still uses the time package elsewhere.
		es, ok := stmt.(*ast.ExprStmt)
		if !ok || ast.Unparen(es.X) != call || len(call.Args) != 1 {
			return nil
		}
		if !res.OtherUses(call.Fun.Pos(), call.Fun.End(), op.Callee.Pkg().Path()) {
			return nil
		}
		text = fmt.Sprintf("%s.Sleep(%s, %s)", fut, c, res.Source(call.Args[0]))
		msg = "Suspend with futures.Sleep"
	default:
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   msg,
		TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(text)}},
	}}
}
