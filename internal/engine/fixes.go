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
	scope := r.Pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return ""
	}
	if _, found := scope.LookupParent(name, pos); found != obj {
		return ""
	}
	return name
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
