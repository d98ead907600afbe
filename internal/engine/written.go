package engine

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Written is a call as the source writes it: what a message quotes and a
// fix edits. Call is nil when the call is not found in the source (a
// synthetic call); then Arg returns nil and Callee the declared name.
type Written struct {
	r     *Result
	Instr ssa.CallInstruction
	Call  *ast.CallExpr
	Stmt  ast.Stmt // the statement holding the call
}

// Written returns the call ci as written.
func (r *Result) Written(ci ssa.CallInstruction) *Written {
	w := &Written{r: r, Instr: ci}
	w.Call, w.Stmt = code.CallAt(r.Pass, code.CallPos(ci))
	return w
}

// Arg returns argument a of the call as written, counted as the roles table
// counts them (a method's receiver first: x in x.M(y), and in a method
// expression T.M(x, y)), or nil when it is not evident.
func (w *Written) Arg(a roles.Arg) ast.Expr {
	i := a.Index()
	if w.Call == nil || i < 0 {
		return nil
	}
	if w.Instr.Common().Signature().Recv() == nil {
		return nth(w.Call.Args, i)
	}
	sel, ok := ast.Unparen(w.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	switch s := w.r.Pass.TypesInfo.Selections[sel]; {
	case s == nil:
		return nil
	case s.Kind() == types.MethodExpr: // (*futures.Loop).Run(l, ctx)
		return nth(w.Call.Args, i)
	case i == 0:
		return sel.X
	}
	return nth(w.Call.Args, i-1)
}

func nth(args []ast.Expr, i int) ast.Expr {
	if i < len(args) {
		return args[i]
	}
	return nil
}

// Source is argument a as written, or def when it is not evident.
func (w *Written) Source(a roles.Arg, def string) string {
	if e := w.Arg(a); e != nil {
		return code.Source(w.r.Pass, e)
	}
	return def
}

// Callee names the called function as the call spells it (s.fetch,
// lib.Pause, futures.RunThreadsafe[int]), else by its declared name.
func (w *Written) Callee() string {
	if w.Call != nil {
		return code.Source(w.r.Pass, ast.Unparen(w.Call.Fun))
	}
	return code.CallName(w.r.Pass, w.Instr.Common())
}

// Statement reports whether the call is a statement of its own (or
// deferred), so its result is unused.
func (w *Written) Statement() bool {
	switch s := w.Stmt.(type) {
	case *ast.ExprStmt:
		return ast.Unparen(s.X) == w.Call
	case *ast.DeferStmt:
		return s.Call == w.Call
	}
	return false
}

// TypeName spells a named type, or a pointer to one, as people write it in
// prose: package name and type name, without type arguments
// (*futures.Future for *futures.Future[int]).
func TypeName(t types.Type) string {
	star := ""
	if p, ok := t.(*types.Pointer); ok {
		star, t = "*", p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return types.TypeString(t, pkgName)
	}
	if n.Obj().Pkg() == nil {
		return star + n.Obj().Name()
	}
	return star + n.Obj().Pkg().Name() + "." + n.Obj().Name()
}
