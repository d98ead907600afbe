package code

import "go/ast"

// Holds reports whether n holds a node that match accepts, outside the
// function literals in it: code that runs where n is written, when it
// runs.
func Holds(n ast.Node, match func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if _, lit := m.(*ast.FuncLit); lit {
			return false
		}
		found = found || m != nil && match(m)
		return !found
	})
	return found
}

// InFunc reports whether a node of stack that match accepts lies between
// the top of stack and the innermost function around it.
func InFunc(stack []ast.Node, match func(ast.Node) bool) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
		if match(stack[i]) {
			return true
		}
	}
	return false
}
