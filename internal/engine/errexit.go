package engine

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A helper that waits on every path but the ones where something failed
// first is as good as certain: Go code checks its errors before it goes
// on, and a caller that reaches the check at all usually gets past it. An
// error exit is a statement that may leave the function only where that
// happened, by every return in it (outside function literals; a goto
// spoils it):
//
//   - a return inside the branch an error test takes: the body of an if
//     whose condition holds only when an error value is not nil (err !=
//     nil, alone or as an operand of &&; a value whose type implements
//     error), or the else of one that holds whenever it is (err == nil,
//     alone or as an operand of ||);
//   - a return whose error result (the last result, of type error) is
//     certainly not nil: a call of errors.New or fmt.Errorf, or a value
//     of a type that is not an interface (&parseError{...}: as an error it
//     is never nil).
//
// Nothing else is: a return taken when a pointer or a function is nil (if
// cmd == nil { return "" }) is a way of not doing the work, as is a
// return of a nil error (if err == nil { return nil }, the normal path
// leaving early) or of an error that may be nil. A panic, log.Fatal or
// os.Exit is no return and leaves nothing to count (mayLeave).

// errorResult returns the index of the last result of the signature of
// fn (a *types.Func or *types.Signature) when it has type error, or -1.
func errorResult(fn any) int {
	var sig *types.Signature
	switch fn := fn.(type) {
	case *types.Func:
		sig, _ = fn.Type().(*types.Signature)
	case *types.Signature:
		sig = fn
	}
	if sig == nil || sig.Results().Len() == 0 {
		return -1
	}
	last := sig.Results().Len() - 1
	if !types.Identical(sig.Results().At(last).Type(), errorType) {
		return -1
	}
	return last
}

var errorType = types.Universe.Lookup("error").Type()

// errorExit reports whether s leaves the function only on error exits.
func (c certainty) errorExit(s ast.Stmt) bool {
	ok := true
	var walk func(n ast.Node, failed bool)
	walk = func(n ast.Node, failed bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			if !ok {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				ok = n.Tok != token.GOTO
			case *ast.ReturnStmt:
				ok = failed || c.returnsError(n)
			case *ast.IfStmt:
				if n.Init != nil {
					walk(n.Init, failed)
				}
				walk(n.Body, failed || c.errorTest(n.Cond, token.NEQ))
				if n.Else != nil {
					walk(n.Else, failed || c.errorTest(n.Cond, token.EQL))
				}
				return false
			}
			return ok
		})
	}
	walk(s, false)
	return ok
}

// errorTest reports whether cond holds only when an error value is not
// nil (op NEQ: err != nil, or a && of which one operand does), or holds
// whenever one is nil (op EQL: err == nil, or a || of which one operand
// does).
func (c certainty) errorTest(cond ast.Expr, op token.Token) bool {
	b, isBin := ast.Unparen(cond).(*ast.BinaryExpr)
	if !isBin {
		return false
	}
	switch {
	case op == token.NEQ && b.Op == token.LAND, op == token.EQL && b.Op == token.LOR:
		return c.errorTest(b.X, op) || c.errorTest(b.Y, op)
	case b.Op == op:
		x := b.X
		if isNil(c.info, x) {
			x = b.Y
		} else if !isNil(c.info, b.Y) {
			return false
		}
		t := c.info.TypeOf(x)
		return t != nil && types.Implements(t, errorType.Underlying().(*types.Interface))
	}
	return false
}

// returnsError reports whether ret's error result is certainly not nil.
func (c certainty) returnsError(ret *ast.ReturnStmt) bool {
	if c.errResult < 0 || len(ret.Results) != c.errResult+1 {
		return false // a bare return, or return f() of several results
	}
	e := ast.Unparen(ret.Results[c.errResult])
	if call, isCall := e.(*ast.CallExpr); isCall {
		if fn, _ := typeutil.Callee(c.info, call).(*types.Func); fn != nil && fn.Pkg() != nil {
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "errors.New", "fmt.Errorf":
				return true
			}
		}
	}
	t := c.info.TypeOf(e)
	return t != nil && !types.IsInterface(t) && !isNil(c.info, e)
}
