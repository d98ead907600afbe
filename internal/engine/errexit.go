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
//     is never nil); or a bare return right after such a value is
//     assigned to the named error result (err = errors.New(...); return).
//
// A return taken when a function parameter is nil (if fn == nil { return })
// counts as one too: a helper whose work is to run or hand on fn is called
// with a function (a literal, a method value) by all but a broken caller.
//
// Nothing else is: a return taken when a pointer is nil (if cmd == nil {
// return "" }) is a way of not doing the work, as is a
// return of a nil error (if err == nil { return nil }, the normal path
// leaving early) or of an error that may be nil. A panic, log.Fatal or
// os.Exit is no return and leaves nothing to count (mayLeave).

// signature returns the signature of fn, a *ast.FuncDecl or *ast.FuncLit.
func signature(info *types.Info, fn ast.Node) *types.Signature {
	var t types.Type
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj := info.Defs[fn.Name]; obj != nil {
			t = obj.Type()
		}
	case *ast.FuncLit:
		t = info.TypeOf(fn)
	}
	sig, _ := t.(*types.Signature)
	return sig
}

// errorResult returns the function's last result when it has type error,
// or nil.
func (c certainty) errorResult() *types.Var {
	if c.sig == nil || c.sig.Results().Len() == 0 {
		return nil
	}
	last := c.sig.Results().At(c.sig.Results().Len() - 1)
	if !types.Identical(last.Type(), errorType) {
		return nil
	}
	return last
}

var errorType = types.Universe.Lookup("error").Type()

// errorExit reports whether s leaves the function only on error exits.
func (c certainty) errorExit(s ast.Stmt) bool {
	ok := true
	afterFailure := map[*ast.ReturnStmt]bool{} // bare returns right after err = <not nil>
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
			case *ast.BlockStmt:
				c.markFailures(n.List, afterFailure)
			case *ast.CaseClause:
				c.markFailures(n.Body, afterFailure)
			case *ast.CommClause:
				c.markFailures(n.Body, afterFailure)
			case *ast.ReturnStmt:
				ok = failed || afterFailure[n] || c.returnsError(n)
			case *ast.IfStmt:
				if n.Init != nil {
					walk(n.Init, failed)
				}
				walk(n.Body, failed || c.errorTest(n.Cond, token.NEQ) || c.nilFuncParam(n.Cond))
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

// nilFuncParam reports whether cond is a test that a parameter of
// function type is nil (fn == nil).
func (c certainty) nilFuncParam(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL || c.sig == nil {
		return false
	}
	id, ok := ast.Unparen(nilComparand(c.info, b)).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if _, isFunc := v.Type().Underlying().(*types.Signature); !isFunc {
		return false
	}
	for p := range c.sig.Params().Variables() {
		if p == v {
			return true
		}
	}
	return false
}

// nilComparand is the operand b compares with nil, or nil when neither
// side is nil.
func nilComparand(info *types.Info, b *ast.BinaryExpr) ast.Expr {
	switch {
	case isNil(info, b.X):
		return b.Y
	case isNil(info, b.Y):
		return b.X
	}
	return nil
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
		x := nilComparand(c.info, b)
		if x == nil {
			return false
		}
		t := c.info.TypeOf(x)
		return t != nil && types.Implements(t, errorType.Underlying().(*types.Interface))
	}
	return false
}

// markFailures marks the bare returns of list that come right after a
// certainly non-nil error is assigned to the named error result.
func (c certainty) markFailures(list []ast.Stmt, marks map[*ast.ReturnStmt]bool) {
	res := c.errorResult()
	if res == nil || res.Name() == "" {
		return
	}
	for i, s := range list[min(1, len(list)):] {
		ret, isRet := s.(*ast.ReturnStmt)
		as, isAssign := list[i].(*ast.AssignStmt)
		if !isRet || len(ret.Results) > 0 || !isAssign || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		if id, isIdent := as.Lhs[0].(*ast.Ident); isIdent && c.info.Uses[id] == res && c.notNilError(as.Rhs[0]) {
			marks[ret] = true
		}
	}
}

// returnsError reports whether ret's error result is certainly not nil.
func (c certainty) returnsError(ret *ast.ReturnStmt) bool {
	n := len(ret.Results)
	return c.errorResult() != nil && n > 0 && n == c.sig.Results().Len() && c.notNilError(ret.Results[n-1])
}

// notNilError reports whether e, as an error, is certainly not nil.
func (c certainty) notNilError(e ast.Expr) bool {
	e = ast.Unparen(e)
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
