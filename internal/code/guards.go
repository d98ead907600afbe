package code

import (
	"go/ast"
	"go/token"
)

// NilGuard reports whether s is an if statement without else whose
// condition only compares values with nil (if err != nil, if cmd == nil ||
// out == nil): the way out it may take is a failure's.
func NilGuard(s ast.Stmt) bool {
	is, ok := s.(*ast.IfStmt)
	if !ok || is.Else != nil {
		return false
	}
	var nilTest func(e ast.Expr) bool
	nilTest = func(e ast.Expr) bool {
		b, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok {
			return false
		}
		switch b.Op {
		case token.LOR, token.LAND:
			return nilTest(b.X) && nilTest(b.Y)
		case token.EQL, token.NEQ:
			return IsNilIdent(b.X) || IsNilIdent(b.Y)
		}
		return false
	}
	return nilTest(is.Cond)
}

// IsNilIdent reports whether e is the identifier nil.
func IsNilIdent(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}
