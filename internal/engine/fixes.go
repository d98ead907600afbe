package engine

import (
	"bytes"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"
)

// AwaitCtx returns the name of the marker variable (*futures.Ctx) that code
// at pos in fn can pass to Await or Sleep, or "" when there is none: fn must
// be a coroutine, or run within one (a closure called in place or deferred
// there), and the parameter must be named and not shadowed at pos.
// Callbacks have no marker: Await from a callback would suspend nothing.
func (r *Result) AwaitCtx(fn *ssa.Function, pos token.Pos) string {
	m := r.MarkerOf(fn)
	if m == nil || m.Object() == nil {
		return ""
	}
	obj := m.Object()
	name := obj.Name()
	if name == "" || name == "_" {
		return ""
	}
	if !r.ResolvesTo(name, pos, func(found types.Object) bool { return found == obj }) {
		return ""
	}
	return name
}

// ResolvesTo reports whether name, looked up at pos, finds an object ok
// accepts: whether a fix may write name there and mean that object.
func (r *Result) ResolvesTo(name string, pos token.Pos, ok func(types.Object) bool) bool {
	scope := r.Pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	return obj != nil && ok(obj)
}

// File returns the file containing pos.
func (r *Result) File(pos token.Pos) *ast.File {
	for _, f := range r.Pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// ImportName returns the name under which the file containing pos imports
// path, or "" when it does not import it under a usable name (not at all,
// or as _ or .).
func (r *Result) ImportName(pos token.Pos, path string) string {
	f := r.File(pos)
	if f == nil {
		return ""
	}
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				return ""
			}
			return imp.Name.Name
		}
		if pn, ok := r.Pass.TypesInfo.Implicits[imp].(*types.PkgName); ok {
			return pn.Name()
		}
	}
	return ""
}

// OtherUses reports whether the file containing pos refers to the package
// imported as path anywhere outside [pos, end): removing the code there
// would leave the import used.
func (r *Result) OtherUses(pos, end token.Pos, path string) bool {
	f := r.File(pos)
	if f == nil {
		return false
	}
	used := false
	ast.Inspect(f, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || used {
			return !used
		}
		if pn, ok := r.Pass.TypesInfo.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == path {
			if id.Pos() < pos || id.Pos() >= end {
				used = true
			}
		}
		return true
	})
	return used
}

// Source renders an expression as Go source.
func (r *Result) Source(e ast.Expr) string {
	var b bytes.Buffer
	printer.Fprint(&b, r.Pass.Fset, e)
	return b.String()
}

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

// CallSpan is the range a finding on the call whose opening parenthesis is
// at lparen covers, the same for every rule: from the called name (Result
// in f.Result(), RunThreadsafe in futures.RunThreadsafe[int](l, co)) to the
// end of the call. For a position that is not a call's it is (lparen,
// token.NoPos): the operation itself.
func (r *Result) CallSpan(lparen token.Pos) (pos, end token.Pos) {
	call, _ := r.CallAt(lparen)
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
func (r *Result) MethodCall(call *ast.CallExpr) *ast.SelectorExpr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := r.Pass.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	return sel
}

// CallAt returns the call expression whose opening parenthesis is at lparen
// (the position go/ssa gives a call), and the statement holding it.
func (r *Result) CallAt(lparen token.Pos) (*ast.CallExpr, ast.Stmt) {
	f := r.File(lparen)
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

// MarkerLoop spells the loop of the marker in scope at pos (c.Loop()), with
// the method the table says returns a marker's loop (CurrentLoop), or
// returns "" when there is no named marker or no such method.
func (r *Result) MarkerLoop(fn *ssa.Function, pos token.Pos) string {
	c := r.AwaitCtx(fn, pos)
	if c == "" {
		return ""
	}
	ms := types.NewMethodSet(r.MarkerOf(fn).Type())
	for i := range ms.Len() {
		m, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		if row := r.Roles.Lookup(m); row != nil && row.CurrentLoop && m.Type().(*types.Signature).Params().Len() == 0 {
			return c + "." + m.Name() + "()"
		}
	}
	return ""
}
