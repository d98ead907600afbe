package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A stop-then-wait is a receive that waits for goroutines the code has just
// told to stop, by cancelling their context:
//
//	s.cancel()
//	<-s.done
//
// or by calling a function of the same package that cancels one, as a
// Close method does with each part it shuts down:
//
//	cc.resolver.close() // calls its serializer's cancel
//	cc.balancer.close()
//	<-cc.resolver.serializer.Done()
//
// Such a receive takes no longer than the stopped goroutine's cleanup: it is
// not reported as blocking. The receive must follow a run of call and
// receive statements, one of which stops something; anything else between
// them (an assignment, a branch) ends the run. Only same-package helpers are
// looked into: the stop and the wait for it are written together.
//
// The syntax walk (for summaries) and the SSA walk (for loop code) apply the
// same test, so a helper is judged alike whichever walk sees it.

// isCancelFunc reports whether t is context.CancelFunc (or
// context.CancelCauseFunc).
func isCancelFunc(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "context" {
		return false
	}
	return n.Obj().Name() == "CancelFunc" || n.Obj().Name() == "CancelCauseFunc"
}

// stoppersInSyntax returns the package's functions whose bodies call a
// context.CancelFunc themselves (not in a closure).
func stoppersInSyntax(info *types.Info, files []*ast.File) map[*types.Func]bool {
	out := map[*types.Func]bool{}
	for fd, obj := range funcDecls(info, files) {
		if fd.Body == nil {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if isCancelFunc(info.TypeOf(n.Fun)) {
					out[obj] = true
				}
			}
			return !out[obj]
		})
	}
	return out
}

// funcDecls yields the files' function and method declarations with
// their objects, in source order.
func funcDecls(info *types.Info, files []*ast.File) iter.Seq2[*ast.FuncDecl, *types.Func] {
	return func(yield func(*ast.FuncDecl, *types.Func) bool) {
		for _, file := range files {
			for _, decl := range file.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok {
					continue
				}
				if obj, ok := info.Defs[fd.Name].(*types.Func); ok && !yield(fd, obj) {
					return
				}
			}
		}
	}
}

// stoppedBeforeInSyntax reports whether list[i] is a receive statement
// (<-ch) that is a stop-then-wait: the statements before it, back to the
// first that is not a call or receive statement, include a cancel call or a
// call to one of stoppers.
func stoppedBeforeInSyntax(info *types.Info, list []ast.Stmt, i int, stoppers map[*types.Func]bool) bool {
	if receiveStmt(list[i]) == nil {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		es, ok := list[j].(*ast.ExprStmt)
		if !ok {
			return false
		}
		switch x := ast.Unparen(es.X).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.ARROW {
				return false
			}
		case *ast.CallExpr:
			if isCancelFunc(info.TypeOf(x.Fun)) {
				return true
			}
			if fn, ok := info.Uses[calleeIdent(x.Fun)].(*types.Func); ok && stoppers[fn.Origin()] {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// receiveStmt returns the receive of a statement that is only a receive.
func receiveStmt(s ast.Stmt) *ast.UnaryExpr {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return nil
	}
	if u, ok := ast.Unparen(es.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u
	}
	return nil
}

// calleeIdent is the identifier naming a called function or method.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return calleeIdent(f.X)
	case *ast.IndexListExpr:
		return calleeIdent(f.X)
	}
	return nil
}

// stoppedBefore is stoppedBeforeInSyntax over SSA: walking back from recv
// in its block, through loads and address computations, calls and other
// receives, it finds a cancel call or a static call to a function of the
// same package that makes one.
func stoppedBefore(b *ssa.BasicBlock, recv *ssa.UnOp) bool {
	i := slices.Index(b.Instrs, ssa.Instruction(recv))
	for i--; i >= 0; i-- {
		switch in := b.Instrs[i].(type) {
		case *ssa.Call:
			if !statementCall(in) {
				return false
			}
			if isCancelFunc(in.Call.Value.Type()) && !in.Call.IsInvoke() {
				return true
			}
			if callee := in.Call.StaticCallee(); callee != nil && callee.Pkg == b.Parent().Pkg && cancelsInSSA(callee) {
				return true
			}
		case *ssa.FieldAddr, *ssa.Field, *ssa.UnOp, *ssa.IndexAddr, *ssa.DebugRef:
		default:
			return false
		}
	}
	return false
}

// statementCall reports whether c's result, if any, is used only by
// receives: a call statement, or the getter of a channel received from
// (<-x.Done()). A call whose result is kept is an assignment, which ends a
// run of statements.
func statementCall(c *ssa.Call) bool {
	for _, ref := range *c.Referrers() {
		if u, ok := ref.(*ssa.UnOp); !ok || u.Op != token.ARROW {
			return false
		}
	}
	return true
}

// cancelsInSSA reports whether fn calls a context.CancelFunc itself.
func cancelsInSSA(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok && !c.Call.IsInvoke() && isCancelFunc(c.Call.Value.Type()) {
				return true
			}
		}
	}
	return false
}
