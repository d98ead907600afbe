package offloop

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
)

// anyGoroutineFix renames a loop-only call to its any-goroutine twin
// (the row's AnyGoroutine: l.CallSoon(fn) -> l.CallSoonThreadsafe(fn),
// Spawn(l, co) -> RunThreadsafe(l, co)) when its result, if any, is
// unused: the twin takes the same arguments, and a statement may drop a
// different result.
func anyGoroutineFix(res *engine.Result, u *engine.OffLoopUse) []analysis.SuggestedFix {
	if u.Row == nil || u.Row.AnyGoroutine == "" {
		return nil
	}
	w := res.Written(u.Call)
	sel := calledName(w.Call)
	if sel == nil || !resultUnused(w.Call, w.Stmt) {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Use " + u.Row.AnyGoroutine + ", which may be called from any goroutine",
		TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(u.Row.AnyGoroutine)}},
	}}
}

// resultUnused reports whether stmt uses nothing call returns: call is the
// statement, or is assigned only to _.
func resultUnused(call *ast.CallExpr, stmt ast.Stmt) bool {
	switch s := stmt.(type) {
	case *ast.ExprStmt:
		return ast.Unparen(s.X) == call
	case *ast.AssignStmt:
		if len(s.Rhs) != 1 || ast.Unparen(s.Rhs[0]) != call {
			return false
		}
		for _, l := range s.Lhs {
			if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
				return false
			}
		}
		return true
	}
	return false
}
