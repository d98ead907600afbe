package code

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// CallPos is the opening parenthesis of ci's call, where CallAt and
// CallSpan find it; for a defer or go statement,
// that of its call rather than the keyword.
func CallPos(ci ssa.CallInstruction) token.Pos {
	if ci == nil {
		return token.NoPos
	}
	if p := ci.Common().Pos(); p.IsValid() {
		return p
	}
	return ci.Pos()
}

// CallAt returns the call expression whose opening parenthesis is at lparen
// (the position go/ssa gives a call), and the statement holding it.
func CallAt(pass *analysis.Pass, lparen token.Pos) (*ast.CallExpr, ast.Stmt) {
	f := File(pass, lparen)
	if f == nil {
		return nil, nil
	}
	var call *ast.CallExpr
	var stmt ast.Stmt
	var stmts []ast.Stmt
	ast.Inspect(f, func(n ast.Node) bool {
		if call != nil || n == nil || n.Pos() > lparen || n.End() <= lparen {
			return false
		}
		if s, ok := n.(ast.Stmt); ok {
			stmts = append(stmts, s)
		}
		if c, ok := n.(*ast.CallExpr); ok && c.Lparen == lparen {
			call = c
			if len(stmts) > 0 {
				stmt = stmts[len(stmts)-1]
			}
			return false
		}
		return true
	})
	return call, stmt
}

// CallSpan is the range a finding on the call whose opening parenthesis is
// at lparen covers, the same for every rule: from the called name (Result
// in f.Result(), RunThreadsafe in futures.RunThreadsafe[int](l, co)) to the
// end of the call. For a position that is not a call's it is (lparen,
// token.NoPos): the operation itself.
func CallSpan(pass *analysis.Pass, lparen token.Pos) (pos, end token.Pos) {
	call, _ := CallAt(pass, lparen)
	if call == nil {
		return lparen, token.NoPos
	}
	fun := Called(call)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		return sel.Sel.Pos(), call.End()
	}
	return fun.Pos(), call.End()
}

// Called is the called expression of call without parentheses and
// instantiation: futures.Spawn in (futures.Spawn[int])(l, co).
func Called(call *ast.CallExpr) ast.Expr {
	fun := ast.Unparen(call.Fun)
	switch ix := fun.(type) {
	case *ast.IndexExpr:
		fun = ast.Unparen(ix.X)
	case *ast.IndexListExpr:
		fun = ast.Unparen(ix.X)
	}
	return fun
}

// MethodCall returns the selector x.M of a method call x.M(...), or nil
// for any other call: of a function, a package's function, a method
// expression T.M(x, ...) or a function-valued field.
func MethodCall(pass *analysis.Pass, call *ast.CallExpr) *ast.SelectorExpr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := pass.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	return sel
}
